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

Entries are pickles, and unpickling runs code, so nothing is read that another user
could have written: the directory is used only when it is a directory of the user's
own that no one else may write to (it is made with mode 0700), and an entry only
when it is a regular file of the user's own that no one else may write to (a
symlink, a FIFO or a device is never opened as one). Entries are written to a new
file made by :func:`tempfile.mkstemp` (mode 0600, never an existing name) that then
replaces the entry, and carry a SHA-256 digest of their content: an entry damaged on
disk is worked out again, not believed.
"""

from __future__ import annotations

import os
import stat
import sys

_PACKAGE = os.path.dirname(os.path.abspath(__file__))
_SOURCES: list = []  # the digest of reportlint's own files, worked out once per process
_MAGIC = b"reportlint-cache-1\n"
MAX_ENTRY = 64 * 2**20  # bytes; the largest entry (the default pack) is well under 1 MiB


def directory() -> str | None:
    """The cache directory, or None when caching is turned off."""
    if os.environ.get("REPORTLINT_NO_CACHE"):
        return None
    explicit = os.environ.get("REPORTLINT_CACHE_DIR")
    if explicit:
        return explicit
    import platformdirs

    return platformdirs.user_cache_dir("reportlint", appauthor=False)


def _ours(info: os.stat_result) -> bool:
    """Whether a file with status ``info`` belongs to this user and no one else may write it."""
    owner = os.getuid() if hasattr(os, "getuid") else info.st_uid
    return info.st_uid == owner and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def path(name: str) -> str | None:
    """The file of the entry ``name`` (its directory made), or None when there is none to
    use: caching is off, the directory cannot be made, or someone else could write to it.
    A stale entry that someone else could have written is removed first."""
    base = directory()
    if base is None:
        return None
    try:
        os.makedirs(base, mode=0o700, exist_ok=True)
        info = os.stat(base)
        if not stat.S_ISDIR(info.st_mode) or not _ours(info):
            return None  # a shared directory: another user could plant an entry
        file = os.path.join(base, name)
        try:
            entry = os.lstat(file)
        except FileNotFoundError:
            return file
        if not stat.S_ISREG(entry.st_mode) or not _ours(entry):
            os.unlink(file)  # (the directory is ours: only we could have let it be put there)
    except OSError:
        return None
    return file


def seal(file: str | None) -> None:
    """Make the entry ``file``, written by another library (Lark), private (mode 0600), so
    that :func:`path` keeps it whatever the umask it was written under."""
    if file is None:
        return
    try:
        if stat.S_ISREG(os.lstat(file).st_mode):
            os.chmod(file, 0o600)
    except OSError:
        pass


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
    import hashlib

    from .fileio import read_regular

    file = path(name)
    if file is None:
        return None
    try:
        data, info = read_regular(file, MAX_ENTRY, "a cache entry", getattr(os, "O_NOFOLLOW", 0))
        if not _ours(info) or not data.startswith(_MAGIC):
            return None
        digest, body = data[len(_MAGIC):len(_MAGIC) + 32], data[len(_MAGIC) + 32:]
        if hashlib.sha256(body).digest() != digest:
            return None  # damaged on disk
        import pickle

        stored_key, value = pickle.loads(body)
    except Exception:  # missing, unreadable, truncated, or written by another version
        return None
    return value if stored_key == entry_key else None


def store(name: str, entry_key: str, value) -> None:
    """Store ``value`` as ``name`` under ``entry_key``; nothing happens when that is not possible."""
    import hashlib
    import pickle
    import tempfile

    file = path(name)
    if file is None:
        return
    tmp = None
    try:
        body = pickle.dumps((entry_key, value), protocol=pickle.HIGHEST_PROTOCOL)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=os.path.dirname(file))  # 0600
        with os.fdopen(fd, "wb") as fh:
            fh.write(_MAGIC + hashlib.sha256(body).digest() + body)
        os.replace(tmp, file)  # atomic: a concurrent reader sees the old entry or the new one
    except Exception:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
