"""Reading a file reportlint was given without hanging or reading forever.

Every file reportlint reads — a document, a configuration file, a rule pack, an entry
of its cache — is opened here. The path may have been swapped since it was found
(a FIFO now stands where a document was, a link points at ``/dev/zero``), so the
check is made on what was opened: the file is opened non-blocking (opening a FIFO
with no writer would wait forever), ``fstat`` must say it is a regular file, and no
more than ``limit`` bytes are read. A refusal is an ``OSError`` whose ``strerror``
says why, so every caller's "cannot read" message names the reason.
"""

from __future__ import annotations

import errno
import os
import stat

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0) \
    | getattr(os, "O_BINARY", 0)


class Refused(OSError):
    """A file that is not read: not a regular file, or larger than the limit."""


def kind(mode: int) -> str:
    """What a file of ``mode`` is, in words ("a FIFO", "a device", …)."""
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "not a regular file"


def size_text(size: int) -> str:
    return f"{size // 2**20} MiB" if size >= 2**20 and size % 2**20 == 0 else f"{size} bytes"


def read_regular(path: str, limit: int, what: str = "file", flags: int = 0) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file at ``path`` (at most ``limit``) and its status as opened.

    ``what`` names the file in a refusal ("a FIFO, not a rule pack"); ``flags`` are added
    to the open flags (``O_NOFOLLOW`` for a cache entry). Raises OSError.
    """
    fd = os.open(path, _FLAGS | flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused(errno.EINVAL, f"{kind(info.st_mode)}, not {what}", path)
        if info.st_size > limit:
            raise Refused(errno.EFBIG, f"larger than {size_text(limit)}, the limit for {what}", path)
        with os.fdopen(fd, "rb", closefd=True) as fh:
            fd = -1
            # what fstat said, then what the file may have grown by since (asking for
            # limit + 1 bytes at once would set aside that much memory for every file)
            data = fh.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += fh.read(limit + 1 - len(data))
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > limit:
        raise Refused(errno.EFBIG, f"larger than {size_text(limit)}, the limit for {what}", path)
    return data, info
