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
            for root, dirs, files in os.walk(path, onerror=lambda e: errors.append(_oserror(e))):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                                 and (accept is None or accept(os.path.join(root, d), True))
                                 and not (ignored and ignored(os.path.join(root, d), is_dir=True)))
                for name in sorted(files):
                    if name.startswith((".", "~$")):  # hidden files, Word's lock files
                        continue
                    full = os.path.join(root, name)
                    if ignored and ignored(full):
                        continue
                    if accept(full, False) if accept else name.lower().endswith(FOUND_SUFFIXES):
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
    kind = "a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) \
        else "a socket" if stat.S_ISSOCK(mode) else "not a regular file"
    return _("{kind}, not a document (use '-' to read standard input)").format(kind=_(kind))


def display_path(path: str) -> str:
    """``path`` as findings show it: relative to the current directory when it is below it
    (without ``./``), else as given, tidied (``a//b/../c`` → ``a/c``)."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return os.path.normpath(path)
    return os.path.normpath(path) if rel == ".." or rel.startswith(".." + os.sep) else rel
