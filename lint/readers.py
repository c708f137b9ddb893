"""Reading a document, whatever its format: one function for plain text, Markdown and Word.

:func:`read` turns a file's bytes into a Document: plain text and Markdown are decoded
by lint.document, a Word file (.docx) is read by lint.docx_reader (python-docx is
imported only then). What cannot be read raises DocumentError, located at the cause:
so do the formats reportlint cannot read but a directory of reports often holds (a
legacy ``.doc``, a ``.wps``, a ``.pdf``), each with what to save it as.
"""

from __future__ import annotations

import os

from . import document
from .document import Document, DocumentError
from .fileio import read_regular
from .i18n import _

SUFFIXES = (".txt", ".md", ".markdown", ".docx")  # what a directory yields by default
# Documents a directory yields too, each to be reported as one that cannot be read.
UNREADABLE = {
    ".doc": "a legacy Word document (.doc) cannot be read: open it in Word or WPS and save it as .docx",
    ".wps": "a WPS document (.wps) cannot be read: open it in WPS and save it as .docx",
    ".pdf": "a PDF cannot be read: save it as .docx (Word and WPS open PDFs) or copy its text into a .txt",
}
FOUND_SUFFIXES = SUFFIXES + tuple(UNREADABLE)
# The largest file read as a document (a long report is a few hundred KiB).
MAX_BYTES = 64 * 2**20


def read(data: bytes, path: str, kind: str | None = None, encoding: str | None = None) -> Document:
    """The document in ``data``; ``kind`` ("text", "markdown", "docx") defaults to the one
    ``path``'s suffix names; ``encoding`` (``--encoding``) is that of a text file."""
    lower = path.lower()
    if kind == "docx" or (kind is None and (lower.endswith(".docx") or _renamed_docx(lower, data))):
        from .docx_reader import from_docx_bytes

        return from_docx_bytes(data, path)
    if kind is None and lower.endswith(tuple(UNREADABLE)):
        raise DocumentError(_(UNREADABLE[lower[lower.rindex("."):]]))
    return document.from_bytes(data, path, kind, encoding)


def _renamed_docx(lower: str, data: bytes) -> bool:
    """A .doc or .wps file that is a .docx inside (Word and WPS save one so when asked)."""
    return lower.endswith((".doc", ".wps")) and data.startswith(b"PK\x03\x04")


def file_bytes(path: str) -> tuple[bytes, os.stat_result]:
    """The bytes of the document at ``path`` and its status as read; OSError when it cannot
    be read, is no regular file (a FIFO swapped in since discovery) or is over MAX_BYTES."""
    return read_regular(path, MAX_BYTES, "a document")


def read_file(path: str, kind: str | None = None, encoding: str | None = None) -> Document:
    return read(file_bytes(path)[0], path, kind, encoding)
