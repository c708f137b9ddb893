"""Path globs for configuration (``include``, ``exclude``, ``per-file-ignores``, ``allow``).

Globs use ``/`` and are matched against a path relative to the configuration file's
directory: ``*`` and ``?`` stay within one path segment, ``**`` crosses segments, and
``[...]`` is a character class. A glob without ``/`` matches a name at any depth
(``*.md``, ``drafts``), one with ``/`` is anchored at the configuration's directory
(``templates/**``). A glob that names a directory also matches everything under it.
"""

from __future__ import annotations

import os
import re


class GlobError(ValueError):
    """A glob that cannot be used (an empty one, a character range such as ``[z-a]``)."""


def compile_glob(glob: str) -> re.Pattern:
    """The pattern that ``glob`` stands for (run on RE2); GlobError for a glob that is not one."""
    if not isinstance(glob, str) or not glob:
        raise GlobError(f"invalid glob {glob!r}: a glob is a non-empty string")
    text = glob.replace("\\", "/")
    while text.startswith("./"):
        text = text[2:]
    anchored = "/" in text.rstrip("/")
    text = text.strip("/")
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if text.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif text.startswith("**", i):
            out.append(".*")
            i += 2
        elif ch == "*":
            out.append("[^/]*")
            i += 1
        elif ch == "?":
            out.append("[^/]")
            i += 1
        elif ch == "[" and _class_end(text, i) > 0:
            end = _class_end(text, i)
            body = text[i + 1:end]
            _check_class(glob, body)
            if body.startswith("!"):
                body = "^" + body[1:]
            out.append("[" + body.replace("\\", "\\\\") + "]")
            i = end + 1
        else:
            out.append(re.escape(ch))
            i += 1
    prefix = "" if anchored else "(?:.*/)?"
    # Globs such as **/**/**/x become nested ".*": run on RE2 (lint/regex.py) they stay
    # linear in the length of the path.
    from .regex import compile_linear

    try:
        return compile_linear("(?s)" + prefix + "".join(out) + "(?:/.*)?")
    except Exception as exc:  # noqa: BLE001 - whatever the engine refuses is a bad glob
        raise GlobError(f"invalid glob {glob!r}") from exc


def _check_class(glob: str, body: str) -> None:
    """GlobError for a character class ``[body]`` with a range running backwards (``z-a``)."""
    chars = body[1:] if body.startswith("!") else body
    i = 0
    while i + 2 < len(chars):
        if chars[i + 1] == "-" and chars[i] > chars[i + 2]:
            raise GlobError(f"invalid glob {glob!r}: the range {chars[i]}-{chars[i + 2]} in [...] runs backwards")
        i += 3 if chars[i + 1] == "-" else 1


def _class_end(text: str, i: int) -> int:
    """Index of the ``]`` closing a character class opened at ``i``, or -1."""
    j = i + 1
    if j < len(text) and text[j] == "!":
        j += 1
    if j < len(text) and text[j] == "]":
        j += 1
    return text.find("]", j)


def relative(path: str, root: str) -> str:
    """``path`` relative to ``root`` with ``/`` separators (the form globs match)."""
    try:
        rel = os.path.relpath(os.path.abspath(path), root)
    except ValueError:  # another drive on Windows
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


class GlobSet:
    """Several globs, matched together against paths relative to ``root``."""

    def __init__(self, globs: list[str], root: str):
        self.globs = list(globs)
        self.root = root
        self._patterns = [compile_glob(g) for g in self.globs]

    def __bool__(self) -> bool:
        return bool(self.globs)

    def match(self, path: str) -> bool:
        return self.first_match(path) is not None

    def first_match(self, path: str) -> str | None:
        """The first of the globs that ``path`` matches, or None."""
        rel = relative(path, self.root)
        return next((glob for glob, p in zip(self.globs, self._patterns) if p.fullmatch(rel)), None)
