"""Reading a document, whatever its format: one function for plain text, Markdown and Word.

:func:`read` turns a file's bytes into a Document: plain text and Markdown are decoded
by lint.document, a Word file (.docx) is read by lint.docx_reader (python-docx is
imported only then). What cannot be read raises DocumentError, located at the cause.
"""

from __future__ import annotations

from . import document
from .document import Document

SUFFIXES = (".txt", ".md", ".markdown", ".docx")  # what a directory yields by default


def read(data: bytes, path: str, kind: str | None = None) -> Document:
    """The document in ``data``; ``kind`` ("text", "markdown", "docx") defaults to the one
    ``path``'s suffix names."""
    if kind == "docx" or (kind is None and path.lower().endswith(".docx")):
        from .docx_reader import from_docx_bytes

        return from_docx_bytes(data, path)
    return document.from_bytes(data, path, kind)


def read_file(path: str, kind: str | None = None) -> Document:
    with open(path, "rb") as fh:
        data = fh.read()
    return read(data, path, kind)
