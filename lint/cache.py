"""What reportlint works out from its own files, kept between runs.

Three things are slow to work out again on every start: Lark's analysis of the
grammar, the default rule pack read from YAML, and the table of display widths. They
live in one directory: ``$REPORTLINT_CACHE_DIR``, else the platform's cache directory
for reportlint (platformdirs: ``~/.cache/reportlint`` on Linux);
``REPORTLINT_NO_CACHE=1`` turns the cache off.

Lark keys its own entry (the grammar, the parser options, Lark's and Python's
versions). reportlint's entries are stored with their key and used only under the
same key, a digest of everything that can change them (:func:`key`). A missing,
damaged or stale entry is worked out again, and a directory that cannot be written
is no error.
"""

from __future__ import annotations

import os
import sys

_PACKAGE = os.path.dirname(os.path.abspath(__file__))
_SOURCES: list = []  # the digest of reportlint's own files, worked out once per process


def directory() -> str | None:
    """The cache directory, or None when caching is turned off."""
    if os.environ.get("REPORTLINT_NO_CACHE"):
        return None
    explicit = os.environ.get("REPORTLINT_CACHE_DIR")
    if explicit:
        return explicit
    import platformdirs

    return platformdirs.user_cache_dir("reportlint", appauthor=False)


def path(name: str) -> str | None:
    """The file of the entry ``name`` (its directory made), or None when there is none to use."""
    base = directory()
    if base is None:
        return None
    try:
        os.makedirs(base, mode=0o700, exist_ok=True)
    except OSError:
        return None
    return os.path.join(base, name)


def key(*inputs: bytes) -> str:
    """A digest of ``inputs``, of Python's version and of every file of reportlint itself.

    Everything that builds an entry is reportlint's code, run by this Python (which
    also fixes the Unicode data), over the ``inputs`` the caller names (a pack's bytes).
    """
    import hashlib

    if not _SOURCES:
        digest = hashlib.sha256()
        for root, dirs, files in os.walk(_PACKAGE):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if not name.endswith((".pyc", ".pyo")):
                    digest.update(os.path.relpath(os.path.join(root, name), _PACKAGE).encode() + b"\0")
                    with open(os.path.join(root, name), "rb") as fh:
                        digest.update(fh.read())
        _SOURCES.append(digest.hexdigest())
    digest = hashlib.sha256(f"{sys.version}\0{_SOURCES[0]}".encode())
    for item in inputs:
        digest.update(b"\0" + hashlib.sha256(item).digest())
    return digest.hexdigest()


def load(name: str, entry_key: str):
    """The value stored as ``name`` under ``entry_key``, else None."""
    file = path(name)
    if file is None:
        return None
    try:
        with open(file, "rb") as fh:
            if hasattr(os, "getuid") and os.fstat(fh.fileno()).st_uid != os.getuid():
                return None  # only ever unpickle what this user wrote
            data = fh.read()
        import pickle

        stored_key, value = pickle.loads(data)
    except Exception:  # missing, unreadable, truncated, or written by another version
        return None
    return value if stored_key == entry_key else None


def store(name: str, entry_key: str, value) -> None:
    """Store ``value`` as ``name`` under ``entry_key``; nothing happens when that is not possible."""
    file = path(name)
    if file is None:
        return
    tmp = f"{file}.{os.getpid()}.tmp"
    try:
        import pickle

        data = pickle.dumps((entry_key, value), protocol=pickle.HIGHEST_PROTOCOL)
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, file)  # atomic: a concurrent reader sees the old entry or the new one
    except Exception:
        try:
            os.unlink(tmp)
        except OSError:
            pass
