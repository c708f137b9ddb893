"""reportlint's Python API: lint and fix documents in memory.

Everything here works on text or bytes given by the caller and returns plain values;
nothing is read from or written to disk except the rule packs and configuration file a
:class:`Config` names. Calls share nothing that changes: a :class:`Config` is
immutable once made, and one may serve any number of calls from any number of
threads at once. The command line, the web page (``reportlint serve``) and the
language server (``reportlint server``) all lint through this module.

    from lint import api

    for f in api.lint_text(text, "述职报告.md"):
        print(f.line, f.column, f.rule, f.message)

Stability: the names in ``__all__`` and their parameters follow semantic versioning
by :data:`API_VERSION` (tests/test_api.py holds the surface): a change that could
break a caller raises its major number, an addition its minor number. A finding is a
:class:`Finding`, the same value ``--format json`` writes one object per.
"""

from __future__ import annotations

import functools
import threading

from . import __version__
from .errors import UsageError
from .explain import RuleInfo
from .findings import SEVERITIES, Finding
from .record import Value

API_VERSION = "1.0.0"

__all__ = [
    "API_VERSION",
    "Config",
    "Finding",
    "Fixed",
    "RuleInfo",
    "UsageError",
    "__version__",
    "explain",
    "fix_bytes",
    "fix_text",
    "lint_bytes",
    "lint_text",
    "rules",
]


class Config:
    """What documents are linted with: rule packs, the rules run, their severities, the
    profile (the kind of document, which names its required sections) and suppressions.

    ``Config()`` is the default: every rule, the default rule pack, the profile chosen
    from each document's title. :meth:`from_file` reads a ``.reportlint.yaml`` or a
    ``pyproject.toml`` with ``[tool.reportlint]``; :meth:`discover` finds the one that
    applies to a directory, as the command line does. A mistake (an unknown rule or
    profile, a broken rule pack or file) raises :class:`UsageError` when the Config is
    made, with its place in the file when it has one.
    """

    __slots__ = ("_settings", "_pack", "_linters", "_lock")

    def __init__(self, *, select: list[str] | None = None, ignore: list[str] = (),
                 severity: dict[str, str] | None = None, profile: str | None = None, rules: list[str] = ()):
        from .config import Settings

        settings = Settings()
        settings.select = None if select is None else list(select)
        settings.ignore = list(ignore)
        settings.severity = dict(severity or {})
        settings.profile, settings.profile_where = profile, "profile"
        settings.rules = list(rules)
        self._start(settings)

    @classmethod
    def from_file(cls, path: str) -> Config:
        """The configuration in the file at ``path`` (paths in it are relative to its directory)."""
        from .config import read

        return cls.from_settings(read(path))

    @classmethod
    def discover(cls, directory: str | None = None) -> Config:
        """The configuration that applies to ``directory`` (default: the current one): the
        nearest configuration file in it or above it, else the default."""
        from .config import Settings, find, read

        path = find(directory)
        return cls.from_settings(read(path) if path else Settings(root=directory))

    @classmethod
    def from_settings(cls, settings) -> Config:
        """A Config over :class:`lint.config.Settings` (how the command line makes its own,
        once its options are applied over the file's)."""
        self = cls.__new__(cls)
        self._start(settings)
        return self

    def _start(self, settings) -> None:
        from copy import deepcopy

        from .packs import load

        self._settings = deepcopy(settings)  # the caller's object may change; this one does not
        for rule, level in self._settings.severity.items():
            if level not in SEVERITIES:
                raise UsageError(f"severity: {rule}: expected one of {', '.join(SEVERITIES)}, got {level!r}")
        self._pack = load(self._settings.rules)
        self._linters: dict = {}
        self._lock = threading.Lock()
        self.linter()  # a mistake in the selection, severities or profile is raised now

    def __getstate__(self):  # the settings travel; the linters are made again where it lands
        return self._settings

    def __setstate__(self, settings) -> None:
        self._start(settings)

    def __repr__(self) -> str:
        return (f"Config(path={self.path!r}, select={self.select!r}, ignore={self.ignore!r}, "
                f"severity={self.severity!r}, profile={self.profile!r}, rules={self.rules!r})")

    # -- what it holds --------------------------------------------------------------------

    @property
    def path(self) -> str | None:
        """The configuration file read, if any."""
        return self._settings.path

    @property
    def select(self) -> list[str] | None:
        return None if self._settings.select is None else list(self._settings.select)

    @property
    def ignore(self) -> list[str]:
        return list(self._settings.ignore)

    @property
    def severity(self) -> dict[str, str]:
        return dict(self._settings.severity)

    @property
    def profile(self) -> str | None:
        return self._settings.profile

    @property
    def rules(self) -> list[str]:
        """The extra rule packs, applied in order over the default one."""
        return list(self._settings.rules)

    @property
    def profiles(self) -> list[str]:
        """The names of the profiles the rule packs define."""
        return list(self._pack.profiles)

    def replace(self, **changes) -> Config:
        """A copy with some of ``select``, ``ignore``, ``severity``, ``profile``, ``rules`` changed."""
        from copy import deepcopy

        known = ("select", "ignore", "severity", "profile", "rules")
        unknown = sorted(set(changes) - set(known))
        if unknown:
            raise TypeError(f"Config.replace: unknown field {unknown[0]!r} (fields: {', '.join(known)})")
        settings = deepcopy(self._settings)
        for name, value in changes.items():
            if name == "profile":
                settings.profile, settings.profile_where = value, "profile"
            elif name == "severity":
                settings.severity = dict(value or {})
            elif name == "select":
                settings.select = None if value is None else list(value)
            else:
                setattr(settings, name, list(value))
        return Config.from_settings(settings)

    # -- the engine ------------------------------------------------------------------------

    def linter(self, profile: str | None = None, report_unused: bool = False, encoding: str | None = None):
        """The engine's linter (lint.engine.Linter) for this configuration, with ``profile``
        instead of the configuration's own when given and ``encoding`` for text files that
        are not UTF-8, UTF-16 or GB18030 (the command line's ``--encoding``): made once per
        profile and encoding, and shared. With ``report_unused`` a new one that counts what
        its suppressions silenced (``--report-unused-suppressions``), for one run only.

        Not part of the stable API: the command line and the web page use it.
        """
        from .engine import Linter
        from .suppress import Suppressor

        settings = self._settings
        chosen = profile or settings.profile
        if report_unused:
            return Linter(self._pack, self._options(chosen, Suppressor(settings, True), encoding))
        with self._lock:
            linter = self._linters.get((chosen, encoding))
            if linter is None:
                linter = self._linters[chosen, encoding] = Linter(
                    self._pack, self._options(chosen, Suppressor(settings), encoding))
        return linter

    def _options(self, profile: str | None, suppressor, encoding: str | None):
        from .engine import Options

        settings = self._settings
        if profile and profile not in self._pack.profiles:
            where = settings.profile_where if profile == settings.profile else "profile"
            raise UsageError(f"{where}: unknown profile {profile!r} (known: {', '.join(self._pack.profiles)})")
        return Options(select=settings.select, ignore=settings.ignore, severity=dict(settings.severity),
                       profile=profile, suppressor=suppressor, encoding=encoding)


@functools.lru_cache(maxsize=None)
def default_config() -> Config:
    """``Config()``, made once: what a call without ``config`` lints with."""
    return Config()


def _config(config: Config | None) -> Config:
    return default_config() if config is None else config


# --- linting -----------------------------------------------------------------------------


def lint_text(text: str, name: str = "<text>", *, config: Config | None = None,
              profile: str | None = None) -> list[Finding]:
    """The findings of a document's text, sorted by position.

    ``name`` is the document's path as findings report it and the configuration's globs
    match it (relative to the current directory, or absolute); its suffix says whether
    the text is Markdown (``.md``, ``.markdown``) or plain text. ``profile`` overrides
    the configuration's.
    """
    from .document import from_text

    linter = _config(config).linter(profile)
    return linter.lint_document(from_text(text, name))


def lint_bytes(data: bytes, name: str, *, config: Config | None = None, profile: str | None = None,
               kind: str | None = None) -> list[Finding]:
    """The findings of a file's bytes, sorted by position: a Word document (.docx), or
    text in UTF-8, UTF-16 with a byte-order mark or GB18030, as the command line reads it.

    ``kind`` ("text", "markdown" or "docx") overrides what ``name``'s suffix says. Bytes
    that cannot be read as a document give one ``read-error`` finding at the cause.
    """
    linter = _config(config).linter(profile)
    return linter.report(name, data, kind).findings


# --- fixing ------------------------------------------------------------------------------


class Fixed(Value):
    """A document with its fixes applied, as ``--fix`` would write it.

    ``text``: the fixed text; ``data``: the fixed bytes, in the original's encoding
    (:func:`fix_bytes` only, else None); ``findings``: those that remain (the ones only
    a person can settle, such as placeholders); ``applied``: how many fixes were made;
    ``error``: why nothing was fixed, or None.
    """

    __slots__ = ()
    _fields = ("text", "data", "findings", "applied", "error")

    def __new__(cls, text: str, data: bytes | None, findings: list[Finding], applied: int = 0,
                error: str | None = None):
        return tuple.__new__(cls, (text, data, findings, applied, error))


def fix_text(text: str, name: str = "<text>", *, config: Config | None = None,
             profile: str | None = None) -> Fixed:
    """``text`` with every safe fix applied, linted again until none is left."""
    from .document import from_text
    from .fixes import fix_document

    linter = _config(config).linter(profile)
    fixed, remaining, log = fix_document(linter, from_text(text, name))
    return Fixed(fixed.text, None, remaining, sum(len(edits) for edits in log))


def fix_bytes(data: bytes, name: str, *, config: Config | None = None, profile: str | None = None,
              kind: str | None = None) -> Fixed:
    """A file's bytes with every safe fix applied, written back in its own encoding.

    Only plain text and Markdown are fixed, and only when their bytes survive decoding
    and encoding unchanged; otherwise ``error`` says why and ``data`` is ``data``.
    """
    from .fixes import fix_bytes as fix

    result = fix(_config(config).linter(profile), data, name, kind)
    return Fixed(result.fixed_text, result.fixed, result.findings, result.applied, result.error)


# --- the rules ---------------------------------------------------------------------------


def rules() -> list[RuleInfo]:
    """Every rule (a :class:`RuleInfo`: code, name, severity, fixable, doc, examples),
    then the findings the engine reports itself (``read-error`` and the like)."""
    from .explain import catalog

    return catalog()


def explain(rule: str) -> str:
    """A rule's documentation with its examples, as ``reportlint --explain RULE`` prints it.

    ``rule`` is its name or code; an unknown one raises :class:`UsageError`.
    """
    import io

    from . import explain as docs

    entry = docs.find(rule)
    if entry is None:
        known = ", ".join(e.name for e in docs.catalog())
        raise UsageError(f"unknown rule {rule!r} (known: {known})")
    out = io.StringIO()
    docs.explain(entry, out)
    return out.getvalue()
