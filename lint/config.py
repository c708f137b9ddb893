"""Configuration: ``[tool.reportlint]`` in ``pyproject.toml`` or a ``.reportlint.yaml``.

The file is found by searching upward from the current directory (in each directory
``.reportlint.yaml``/``.reportlint.yml`` first, then a ``pyproject.toml`` that has a
``[tool.reportlint]`` table). ``--config FILE`` names one instead; ``--isolated``
ignores every file. Options given on the command line win over the file.

Paths in the file (``rules`` packs, the globs of ``include``, ``exclude``,
``per-file-ignores`` and ``allow``) are relative to the file's directory. Every
mistake is reported with the file, the key and (for YAML) the line, as exit status 2.
"""

from __future__ import annotations

import os
import re
import sys
from .errors import FileError, UsageError
from .fileio import read_regular
from .findings import SEVERITIES
from .globs import GlobError, GlobSet, compile_glob
from .readers import FOUND_SUFFIXES
from .record import Record
from .yaml_source import MAX_BYTES, MAX_DEPTH, compose, plain, position

YAML_NAMES = (".reportlint.yaml", ".reportlint.yml")
PYPROJECT = "pyproject.toml"

KEYS = {
    "select": "rule names or codes to run",
    "ignore": "rule names or codes to skip",
    "severity": "a mapping of rule → error, warning or info",
    "profile": "the profile naming the required sections",
    "rules": "extra rule packs (YAML files)",
    "include": "globs of files to lint when a directory is given",
    "exclude": "globs of files and directories never to lint",
    "per-file-ignores": "a mapping of glob → rules to skip there",
    "fail-on": "the lowest severity that makes the exit status 1",
    "allow": "findings to accept: entries with rule, text or pattern, paths",
}
ALLOW_KEYS = ("rule", "text", "pattern", "paths")


class AllowEntry(Record):
    __slots__ = ("rules", "text", "pattern", "paths", "where", "label")

    def __init__(self, rules: list[str] | None, text: str | None, pattern: re.Pattern | None,
                 paths: GlobSet | None, where: tuple[int, int] = (1, 1), label: str = ""):
        self.rules = rules  # rule names; None = every rule
        self.text = text  # the exact text a finding spans
        self.pattern = pattern  # or a pattern searched in it
        self.paths = paths  # where it applies; None = everywhere
        self.where = where  # position in the configuration file
        self.label = label

    def accepts(self, rule: str, spanned: str) -> bool:
        if self.rules is not None and rule not in self.rules:
            return False
        if self.text is not None:
            return spanned == self.text
        return bool(self.pattern.search(spanned))


class FileIgnore(Record):
    __slots__ = ("paths", "rules", "where", "label")

    def __init__(self, paths: GlobSet, rules: list[str], where: tuple[int, int] = (1, 1), label: str = ""):
        self.paths = paths
        self.rules = rules
        self.where = where
        self.label = label


class Settings(Record):
    __slots__ = ("path", "root", "select", "ignore", "severity", "profile", "rules", "include", "exclude",
                 "per_file_ignores", "fail_on", "allow", "profile_where", "_glob_cache")
    _hidden = ("_glob_cache",)

    def __init__(self, path: str | None = None, root: str | None = None):
        self.path = path  # the configuration file, if any
        self.root = os.getcwd() if root is None else root  # the directory globs are relative to
        self.select: list[str] | None = None
        self.ignore: list[str] = []
        self.severity: dict[str, str] = {}
        self.profile: str | None = None
        self.rules: list[str] = []
        self.include: list[str] = []  # empty: every document suffix
        self.exclude: list[str] = []
        self.per_file_ignores: list[FileIgnore] = []
        self.fail_on = "info"
        self.allow: list[AllowEntry] = []
        self.profile_where = "--profile"
        self._glob_cache: dict = {}

    def accepts(self, path: str, only_exclude: bool = False) -> bool:
        """Whether discovery keeps ``path``: not excluded, and (unless ``only_exclude``, for
        directories and files named on the command line) included — by the ``include``
        globs when given, else by its suffix."""
        if self.excluded_by(path):
            return False
        if only_exclude:
            return True
        if self.include:
            return self._globs("include").match(path)
        return path.lower().endswith(FOUND_SUFFIXES)

    def excluded_by(self, path: str) -> str | None:
        """The ``exclude`` glob that ``path`` matches, or None."""
        excluded = self._globs("exclude")
        return excluded.first_match(path) if excluded else None

    def _globs(self, name: str) -> GlobSet:
        cache = self._glob_cache
        globs = getattr(self, name)
        if name not in cache or cache[name].globs != globs:
            cache[name] = GlobSet(globs, self.root)
        return cache[name]


# --- finding and reading the file ----------------------------------------------------------


def find(start: str | None = None) -> str | None:
    """The configuration file nearest to ``start`` (default: the current directory), upward."""
    here = os.path.abspath(start or os.getcwd())
    while True:
        for name in YAML_NAMES:
            candidate = os.path.join(here, name)
            if os.path.isfile(candidate):
                return candidate
        candidate = os.path.join(here, PYPROJECT)
        if os.path.isfile(candidate) and _has_tool_table(candidate):
            return candidate
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def _has_tool_table(path: str) -> bool:
    try:
        return b"tool.reportlint" in read_regular(path, MAX_BYTES, "a configuration file")[0]
    except OSError:
        return False


class _Source:
    """The raw mapping read from a file, with the position of each key when known."""

    def __init__(self, path: str, data: dict, marks: dict[tuple, tuple[int, int]], prefix: str = ""):
        self.path, self.data, self.marks, self.prefix = path, data, marks, prefix

    def where(self, keys: tuple) -> tuple[int, int]:
        while keys and keys not in self.marks:
            keys = keys[:-1]
        return self.marks.get(keys, (1, 1))

    def error(self, keys: tuple, message: str) -> FileError:
        name = self.prefix + ".".join(str(k) for k in keys) if keys else self.prefix.rstrip(".") or "top level"
        return FileError(self.path, *self.where(keys), f"{name}: {message}")


MAX_CONFIG_VALUES = 100_000


def _read_yaml(path: str) -> _Source:
    import yaml

    root = compose(path, "configuration file")
    if root is None:
        return _Source(path, {}, {})
    marks: dict[tuple, tuple[int, int]] = {}
    budget = [MAX_CONFIG_VALUES]
    inside: set[int] = set()  # the nodes being read: an alias to one of them is a loop

    def walk(node, keys: tuple):
        budget[0] -= 1
        if budget[0] < 0:  # YAML aliases can make a few lines expand to billions of values
            raise FileError(path, *position(node), f"the configuration expands to more than "
                                                   f"{MAX_CONFIG_VALUES} values (YAML aliases?)")
        if id(node) in inside:
            raise FileError(path, *position(node), "a YAML alias refers to a value that holds it (a loop)")
        if len(keys) > MAX_DEPTH:  # (aliases can nest what the file itself does not)
            raise FileError(path, *position(node), f"nested more than {MAX_DEPTH} levels deep")
        if not plain(node):
            raise FileError(path, *position(node), f"YAML tag {node.tag!r} is not allowed here")
        inside.add(id(node))
        try:
            return value(node, keys)
        finally:
            inside.discard(id(node))

    def value(node, keys: tuple):
        if isinstance(node, yaml.MappingNode):
            out = {}
            for k, v in node.value:
                key = walk(k, keys)
                if not isinstance(key, str):
                    raise FileError(path, *position(k), f"a key must be a string, not {key!r}")
                marks[keys + (key,)] = (k.start_mark.line + 1, k.start_mark.column + 1)
                if key in out:
                    raise FileError(path, *marks[keys + (key,)], f"duplicate key {key!r}")
                out[key] = walk(v, keys + (key,))
            return out
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, item in enumerate(node.value):
                marks[keys + (i,)] = (item.start_mark.line + 1, item.start_mark.column + 1)
                items.append(walk(item, keys + (i,)))
            return items
        return str(node.value) if node.tag.endswith(":str") else yaml.SafeLoader("").construct_object(node)

    data = walk(root, ())
    if not isinstance(data, dict):
        raise FileError(path, 1, 1, "the configuration must be a mapping of keys")
    return _Source(path, data, marks)


def _read_toml(path: str) -> _Source:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on older Pythons
        import tomli as tomllib
    try:
        raw = read_regular(path, MAX_BYTES, "a configuration file")[0]
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except OSError as exc:
        raise UsageError(f"{path}: cannot read configuration file: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: configuration file is not UTF-8 (byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: invalid TOML: {exc}") from None
    table = data.get("tool", {}).get("reportlint", {}) if isinstance(data.get("tool"), dict) else {}
    if not isinstance(table, dict):
        raise UsageError(f"{path}: [tool.reportlint] must be a table")
    return _Source(path, table, _toml_marks(raw.decode("utf-8-sig", "replace"), table), "tool.reportlint.")


def _toml_marks(text: str, table: dict) -> dict[tuple, tuple[int, int]]:
    """Lines of the top-level keys of ``[tool.reportlint]`` (tomllib keeps no positions)."""
    marks: dict[tuple, tuple[int, int]] = {}
    section = None
    tables: dict[str, int] = {}  # [[tool.reportlint.KEY]] seen so far, per KEY
    for number, line in enumerate(text.splitlines(), 1):
        header = _table_header(line)
        if header:
            brackets, section = header
            if section.startswith("tool.reportlint."):
                key = section[len("tool.reportlint."):].split(".")[0]
                marks.setdefault((key,), (number, 1))
                if brackets == "[[":
                    marks[(key, tables.get(key, 0))] = (number, 1)
                    tables[key] = tables.get(key, 0) + 1
            continue
        if section == "tool.reportlint":
            m = re.match(r'\s*"?([A-Za-z0-9_-]+)"?\s*=', line)
            if m and m.group(1) in table:
                marks.setdefault((m.group(1),), (number, m.start(1) + 1))
    return marks


def _table_header(line: str) -> tuple[str, str] | None:
    """(``[`` or ``[[``, the table's dotted name without quotes or spaces) when ``line``
    opens a TOML table, else None. Plain string operations, linear in the line (a
    backtracking pattern took cubic time on a ``[`` followed by spaces inside a string)."""
    stripped = line.strip()
    if not stripped.startswith("["):
        return None
    brackets = "[[" if stripped.startswith("[[") else "["
    end = stripped.find("]", len(brackets))
    name = stripped[len(brackets):end].replace('"', "").replace(" ", "").replace("\t", "") if end > 0 else ""
    return (brackets, name) if name else None


def read(path: str) -> Settings:
    """Settings from one configuration file (TOML when it ends in ``.toml``, else YAML)."""
    if not os.path.lexists(path):
        raise UsageError(f"{path}: configuration file not found")
    source = _read_toml(path) if path.endswith(".toml") else _read_yaml(path)
    return _validate(source)


# --- validating ---------------------------------------------------------------------------


def _rule_names(value, source: _Source, keys: tuple) -> list[str]:
    from .rules import lookup

    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list):
        raise source.error(keys, "must be a list of rule names or codes")
    names = []
    for i, item in enumerate(value):
        rule = lookup(item) if isinstance(item, str) else None
        if rule is None:
            raise source.error(keys + (i,), f"unknown rule {item!r}")
        names.append(rule.name)
    return names


def _strings(value, source: _Source, keys: tuple) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise source.error(keys, "must be a list of non-empty strings")
    return list(value)


def _choice(value, source: _Source, keys: tuple) -> str:
    if value not in SEVERITIES:
        raise source.error(keys, f"must be one of {', '.join(SEVERITIES)} (got {value!r})")
    return value


def _validate(source: _Source) -> Settings:
    data = source.data
    root = os.path.dirname(os.path.abspath(source.path))
    s = Settings(path=source.path, root=root)
    for key, value in data.items():
        if key not in KEYS:
            raise source.error((key,), f"unknown key (expected one of: {', '.join(KEYS)})")
        keys = (key,)
        if key == "select":
            s.select = _rule_names(value, source, keys)
            if not s.select:
                raise source.error(keys, "names no rule; leave select out to run every rule")
        elif key == "ignore":
            s.ignore = _rule_names(value, source, keys)
        elif key == "severity":
            if not isinstance(value, dict):
                raise source.error(keys, "must be a mapping of rule → error, warning or info")
            for rule, level in value.items():
                (name,) = _rule_names([rule], source, keys + (rule,))
                s.severity[name] = _choice(level, source, keys + (rule,))
        elif key == "profile":
            if not isinstance(value, str) or not value:
                raise source.error(keys, "must be a profile name")
            s.profile = value
            line, col = source.where(keys)
            s.profile_where = f"{source.path}:{line}:{col}: {source.prefix}profile"
        elif key == "rules":
            s.rules = [os.path.join(root, p) for p in _strings(value, source, keys)]
        elif key in ("include", "exclude"):
            setattr(s, key, _strings(value, source, keys))
            _globs(getattr(s, key), root, source, keys)  # a mistake in a glob, found here
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise source.error(keys, "must be a mapping of glob → rules")
            for glob, rules in value.items():
                if not isinstance(glob, str) or not glob:
                    raise source.error(keys + (glob,), f"a key must be a glob (a non-empty string), not {glob!r}")
                where = source.where(keys + (glob,))
                s.per_file_ignores.append(FileIgnore(_globs([glob], root, source, keys + (glob,)),
                                                     _rule_names(rules, source, keys + (glob,)),
                                                     where, f"per-file-ignores {glob!r}"))
        elif key == "fail-on":
            s.fail_on = _choice(value, source, keys)
        elif key == "allow":
            if not isinstance(value, list):
                raise source.error(keys, "must be a list of entries (rule, text or pattern, paths)")
            s.allow = [_allow_entry(item, source, keys + (i,), root) for i, item in enumerate(value)]
    return s


def _globs(globs: list[str], root: str, source: _Source, keys: tuple) -> GlobSet:
    """The GlobSet of ``globs`` (the value at ``keys``); a bad glob is an error at its place."""
    for i, glob in enumerate(globs):
        try:
            compile_glob(glob)
        except GlobError as exc:
            raise source.error(keys + (i,) if len(globs) > 1 or (keys + (0,)) in source.marks else keys,
                               str(exc)) from None
    return GlobSet(globs, root)


def _allow_entry(item, source: _Source, keys: tuple, root: str) -> AllowEntry:
    if not isinstance(item, dict):
        raise source.error(keys, "an allow entry must be a mapping with rule, text or pattern, paths")
    for key in item:
        if key not in ALLOW_KEYS:
            raise source.error(keys + (key,), f"unknown key in an allow entry (expected: {', '.join(ALLOW_KEYS)})")
    if ("text" in item) == ("pattern" in item):
        raise source.error(keys, "an allow entry needs exactly one of 'text' or 'pattern'")
    rules = _rule_names(item["rule"], source, keys + ("rule",)) if "rule" in item else None
    text = pattern = None
    if "text" in item:
        text = item["text"]
        if not isinstance(text, str) or not text:
            raise source.error(keys + ("text",), "must be a non-empty string")
    else:
        if not isinstance(item["pattern"], str) or not item["pattern"]:
            raise source.error(keys + ("pattern",), "must be a non-empty regular expression")
        from .regex import PatternError, compile_pattern

        try:
            pattern = compile_pattern(item["pattern"])
        except PatternError as exc:
            raise source.error(keys + ("pattern",), str(exc)) from None
    paths = _globs(_strings(item["paths"], source, keys + ("paths",)), root, source, keys + ("paths",)) \
        if "paths" in item else None
    label = f"allow {text!r}" if text is not None else f"allow /{pattern.pattern}/"
    return AllowEntry(rules, text, pattern, paths, source.where(keys), label)


# --- the command line over the file -------------------------------------------------------


def split(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [item.strip() for item in value.split(",") if item.strip()]


def resolve(args) -> Settings:
    """The settings for a run: the configuration file (unless ``--isolated``), then the options."""
    if getattr(args, "isolated", False):
        settings = Settings()
    elif getattr(args, "config", None):
        settings = read(args.config)
    else:
        path = find()
        settings = read(path) if path else Settings()
    if args.select is not None:
        settings.select = split(args.select)
        if not settings.select:  # (an unset variable in a CI script: --select "$RULES")
            raise UsageError("--select: no rule named; leave --select out to run every rule")
    if args.ignore is not None:
        settings.ignore = split(args.ignore) or []
    if args.profile:
        settings.profile, settings.profile_where = args.profile, "--profile"
    if getattr(args, "fail_on", None):
        settings.fail_on = args.fail_on
    for item in getattr(args, "severity", None) or []:
        rule, sep, level = item.partition("=")
        from .rules import lookup

        found = lookup(rule.strip())
        if not sep or found is None or level.strip() not in SEVERITIES:
            raise UsageError(f"--severity: expected RULE=LEVEL with a known rule and a level among "
                              f"{', '.join(SEVERITIES)} (got {item!r})")
        settings.severity[found.name] = level.strip()
    if getattr(args, "exclude", None):
        settings.exclude = [g for item in args.exclude for g in split(item)]
        try:
            GlobSet(settings.exclude, settings.root)
        except GlobError as exc:
            raise UsageError(f"--exclude: {exc}") from None
    settings.rules = settings.rules + list(args.rules or [])
    return settings
