"""Which files a run lints: the paths given, directories searched, unreadable kinds refused.

A FIFO, device or socket given (or found) where a document is expected would block or
read forever (``/dev/zero``), so such paths are refused with a message rather than read.
"""

from __future__ import annotations

import os
import stat

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
            for root, dirs, files in os.walk(path, onerror=lambda e: errors.append(_oserror(e))):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                                 and (accept is None or accept(os.path.join(root, d), True)))
                for name in sorted(files):
                    if name.startswith((".", "~$")):  # hidden files, Word's lock files
                        continue
                    full = os.path.join(root, name)
                    if accept(full, False) if accept else name.lower().endswith(SUFFIXES):
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
    kind = "a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) \
        else "a socket" if stat.S_ISSOCK(mode) else "not a regular file"
    return f"{kind}, not a document (use '-' to read standard input)"


def display_path(path: str) -> str:
    """``path`` relative to the current directory when it is below it, as findings show it."""
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel
