"""Reading a document, whatever its format: one function for plain text, Markdown and Word.

:func:`read` turns a file's bytes into a Document: plain text and Markdown are decoded
by lint.document, a Word file (.docx) is read by lint.docx_reader (python-docx is
imported only then). What cannot be read raises DocumentError, located at the cause.
"""

from __future__ import annotations

import os

from . import document
from .document import Document
from .fileio import read_regular

SUFFIXES = (".txt", ".md", ".markdown", ".docx")  # what a directory yields by default
# The largest file read as a document (a long report is a few hundred KiB).
MAX_BYTES = 64 * 2**20


def read(data: bytes, path: str, kind: str | None = None) -> Document:
    """The document in ``data``; ``kind`` ("text", "markdown", "docx") defaults to the one
    ``path``'s suffix names."""
    if kind == "docx" or (kind is None and path.lower().endswith(".docx")):
        from .docx_reader import from_docx_bytes

        return from_docx_bytes(data, path)
    return document.from_bytes(data, path, kind)


def file_bytes(path: str) -> tuple[bytes, os.stat_result]:
    """The bytes of the document at ``path`` and its status as read; OSError when it cannot
    be read, is no regular file (a FIFO swapped in since discovery) or is over MAX_BYTES."""
    return read_regular(path, MAX_BYTES, "a document")


def read_file(path: str, kind: str | None = None) -> Document:
    return read(file_bytes(path)[0], path, kind)
