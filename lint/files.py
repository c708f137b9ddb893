"""Which files a run lints: the paths given, directories searched, unreadable kinds refused.

A FIFO, device or socket given (or found) where a document is expected would block or
read forever (``/dev/zero``), so such paths are refused with a message rather than read.
"""

from __future__ import annotations

import os
import stat

from .fileio import kind
from .readers import SUFFIXES


def discover(paths: list[str], errors: list[str], accept=None) -> list[str]:
    """Files to lint, in order: files as given, directories recursed (sorted, no symlinked dirs).

    ``accept(path, only_exclude)`` filters what directories yield (with ``only_exclude``
    true for directories and the files given); by default every document suffix is taken.
    What cannot be linted is added to ``errors`` as "path: why".
    """
    out: list[str] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        key = os.path.normpath(path)
        if key not in seen:
            seen.add(key)
            out.append(path)

    for path in paths:
        if path == "-":
            add(path)
        elif os.path.isdir(path):
            for full in walk(path, errors, accept):
                why = not_regular(full)
                if why:
                    errors.append(f"{full}: {why}")
                else:
                    add(full)
        elif os.path.exists(path):
            why = not_regular(path)
            if why:
                errors.append(f"{path}: {why}")
            elif accept is None or accept(path, True):
                add(path)
        else:
            errors.append(f"{path}: no such file or directory")
    return out


def walk(top: str, errors: list[str], accept=None):
    """The documents under the directory ``top``, as :func:`os.walk` top-down would list
    them (each directory's files sorted, then its subdirectories in order), without
    recursion: a tree thousands of levels deep is walked like any other. Hidden entries,
    Word's lock files and symlinked directories are skipped."""
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
                if not entry.is_symlink() and (accept is None or accept(full, True)):
                    subdirs.append(full)
            elif not name.startswith("~$") and (accept(full, False) if accept else
                                                name.lower().endswith(SUFFIXES)):
                yield full
        stack.extend(reversed(subdirs))


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _oserror(exc: OSError) -> str:
    return f"{exc.filename}: {exc.strerror or exc}"


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
    return f"{kind(mode)}, not a document (use '-' to read standard input)"


def display_path(path: str) -> str:
    """``path`` relative to the current directory when it is below it, as findings show it."""
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel
