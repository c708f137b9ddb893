"""Which files a run lints: the paths given, directories searched, unreadable kinds refused.

A FIFO, device or socket given (or found) where a document is expected would block or
read forever (``/dev/zero``), so such paths are refused with a message rather than read.
In a git work tree, a directory is searched as git sees it: what ``.gitignore`` ignores
is left out (lint.gitignore). Paths are reported relative to the current directory
(``2024/a.txt``, never ``./2024/a.txt``) when they are below it.
"""

from __future__ import annotations

import os
import stat

from .fileio import kind
from .i18n import _
from .readers import FOUND_SUFFIXES


def discover(paths: list[str], errors: list[str], accept=None, gitignore: bool = True) -> list[str]:
    """Files to lint, in order: files as given, directories recursed (sorted, no symlinked dirs).

    ``accept(path, only_exclude)`` filters what directories yield (with ``only_exclude``
    true for directories and the files given); by default every document suffix is taken.
    With ``gitignore``, what git ignores is not searched. What cannot be linted is added
    to ``errors`` as "path: why".
    """
    out: list[str] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        path = display_path(path)
        if path not in seen:
            seen.add(path)
            out.append(path)

    for path in paths:
        if path == "-":
            if path not in seen:
                seen.add(path)
                out.append(path)
        elif os.path.isdir(path):
            ignored = None
            if gitignore:
                from .gitignore import for_directory

                ignored = for_directory(path)
            for full in walk(path, errors, accept, ignored):
                why = not_regular(full)
                if why:
                    errors.append(f"{display_path(full)}: {why}")
                else:
                    add(full)
        elif os.path.exists(path):
            why = not_regular(path)
            if why:
                errors.append(f"{path}: {why}")
            elif accept is None or accept(path, True):
                add(path)
        else:
            errors.append(_("{path}: no such file or directory").format(path=path))
    return out


def walk(top: str, errors: list[str], accept=None, ignored=None):
    """The documents under the directory ``top``, as :func:`os.walk` top-down would list
    them (each directory's files sorted, then its subdirectories in order), without
    recursion: a tree thousands of levels deep is walked like any other. Hidden entries,
    Word's lock files, symlinked directories and what ``ignored`` (lint.gitignore) names
    are skipped."""
    stack = [top]
    while stack:
        root = stack.pop()
        try:
            with os.scandir(root) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            errors.append(_oserror(exc))
            continue
        subdirs = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            full = os.path.join(root, name)
            if _is_dir(entry):
                if not entry.is_symlink() and (accept is None or accept(full, True)) \
                        and not (ignored and ignored(full, is_dir=True)):
                    subdirs.append(full)
            elif not name.startswith("~$") and not (ignored and ignored(full)) \
                    and (accept(full, False) if accept else name.lower().endswith(FOUND_SUFFIXES)):
                yield full
        stack.extend(reversed(subdirs))


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _oserror(exc: OSError) -> str:
    return f"{display_path(exc.filename)}: {exc.strerror or exc}"


def not_regular(path: str) -> str | None:
    """Why ``path`` is not something to read as a document, or None if it is fine.

    A path that does not exist (or vanishes) is left to the reader to report.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return _("{kind}, not a document (use '-' to read standard input)").format(kind=_(kind(mode)))


def display_path(path: str) -> str:
    """``path`` as findings show it: relative to the current directory when it is below it
    (without ``./``), else as given, tidied (``a//b/../c`` → ``a/c``)."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return os.path.normpath(path)
    return os.path.normpath(path) if rel == ".." or rel.startswith(".." + os.sep) else rel
