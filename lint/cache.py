"""A small on-disk cache for what reportlint derives from its own files.

Start-up is most of the cost of linting one file, and two things are slow to redo on
every run: parsing the default rule pack (YAML) and analysing the grammar (Lark LALR).
Both results are stored here, each under a key that holds everything they were made
from — the source files' bytes, the stat of the code that made them, reportlint's and
Python's versions — so any edit is picked up on the next run.

The cache lives in ``$REPORTLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/reportlint``,
else ``~/.cache/reportlint``; ``REPORTLINT_NO_CACHE=1`` turns it off. It is never a
reason to fail: an unwritable directory or a corrupt or stale entry is ignored and the
result is computed again.
"""

from __future__ import annotations

import os
import sys

from . import __version__

# Bump when the layout of an entry changes.
FORMAT = 1


def directory() -> str | None:
    """The cache directory, or None when caching is turned off."""
    if os.environ.get("REPORTLINT_NO_CACHE"):
        return None
    explicit = os.environ.get("REPORTLINT_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "reportlint")


def file_key(path: str) -> tuple:
    """Part of a key: the whole content of a (small) source file."""
    with open(path, "rb") as fh:
        return (os.path.basename(path), fh.read())


def code_key(*modules: str) -> tuple:
    """Part of a key: size and modification time of the code that builds an entry."""
    out = []
    for path in modules:
        st = os.stat(path)
        out.append((os.path.basename(path), st.st_size, st.st_mtime_ns))
    return tuple(out)


def path(name: str) -> str | None:
    """The file for the entry ``name`` (its directory created), or None when caching is off
    or the directory cannot be made."""
    base = directory()
    if base is None:
        return None
    try:
        os.makedirs(base, exist_ok=True)
    except OSError:
        return None
    return os.path.join(base, name)


def _path(name: str) -> str | None:
    """The entry's file: one per Python and per installed copy of reportlint, so that two
    virtual environments (or checkouts) do not keep replacing each other's entries."""
    base = directory()
    if base is None:
        return None
    import zlib

    tag = sys.implementation.cache_tag or "py"
    here = zlib.crc32(os.path.dirname(os.path.abspath(__file__)).encode("utf-8", "surrogateescape"))
    return os.path.join(base, f"{name}-{tag}-{here:08x}.cache")


def load(name: str, key: tuple):
    """The value stored under ``name`` if it was stored with this ``key``, else None."""
    path = _path(name)
    if path is None:
        return None
    try:
        with open(path, "rb") as fh:
            if hasattr(os, "getuid") and os.fstat(fh.fileno()).st_uid != os.getuid():
                return None  # only ever unpickle what this user wrote
            data = fh.read()
        import pickle

        stored_key, value = pickle.loads(data)
    except Exception:  # missing, unreadable, truncated or from another version: recompute
        return None
    return value if stored_key == (FORMAT, __version__, key) else None


def store(name: str, key: tuple, value) -> None:
    """Store ``value`` under ``name``; silently does nothing when that is not possible."""
    path = _path(name)
    if path is None:
        return
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        import pickle

        data = pickle.dumps(((FORMAT, __version__, key), value), protocol=pickle.HIGHEST_PROTOCOL)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)  # atomic: a concurrent reader sees the old entry or the new one
    except Exception:
        try:
            os.unlink(tmp)
        except OSError:
            pass
