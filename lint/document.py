"""Reading documents: bytes in, decoded lines with their original positions out.

Every position reportlint prints refers to the original file: lines are split on
LF, CRLF and CR alike, columns count characters (not bytes, not display cells).
A document remembers its encoding, byte-order mark and line ends so a fixer can
write it back byte for byte.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

# Encodings tried, in order, for a file without a byte-order mark.
FALLBACK_ENCODINGS = ("utf-8", "gb18030")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_LINE_RE = re.compile(r"[^\r\n]*(\r\n|\r|\n|$)")

# Control characters other than tab, LF, CR and form feed: a sign of binary data.
_BINARY_RE = re.compile(r"[\x00-\x08\x0e-\x1f]")

MARKDOWN_SUFFIXES = (".md", ".markdown")

# Regions of a Word document that are not running text: never a title, heading or
# paragraph of the report's structure (lint.docx_reader places them after the body).
MARGIN_REGIONS = ("页眉", "页脚")


class DocumentError(Exception):
    """A file that cannot be read as a document; ``line``/``column`` locate the cause."""

    def __init__(self, message: str, line: int = 1, column: int = 1):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass
class Line:
    """One line of a document, without its line end."""

    number: int  # 1-based
    text: str  # the original characters
    view: str  # same length as ``text``; markup blanked out for the rules to read
    ending: str  # "\n", "\r\n", "\r" or "" (last line)
    offset: int  # character offset of the line's start in ``Document.text``
    region: str = ""  # where the line lives when not in the body (docx: 页眉/页脚/…)


@dataclass
class Document:
    path: str
    text: str
    lines: list[Line]
    encoding: str = "utf-8"
    bom: bytes = b""
    kind: str = "text"  # "text" or "markdown"
    extra: dict = field(default_factory=dict)

    @property
    def markdown(self) -> bool:
        return self.kind == "markdown"

    @property
    def fixable(self) -> bool:
        """False for a Word document: its fixes cannot be applied to the file."""
        return self.kind != "docx"

    def line(self, number: int) -> Line:
        return self.lines[number - 1]

    def offset_of(self, line: int, column: int) -> int:
        """Character offset in ``text`` of a 1-based (line, column)."""
        if line > len(self.lines):
            return len(self.text)
        return self.lines[line - 1].offset + column - 1


def _decode(data: bytes) -> tuple[str, str, bytes]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding.replace("-sig", ""), bom
            except UnicodeDecodeError as exc:
                raise _decode_error(data[len(bom):], encoding, exc) from None
    if _looks_like_utf16(data):
        raise DocumentError("looks like UTF-16 without a byte-order mark; save it as UTF-8 or with a BOM")
    first_error = None
    for encoding in FALLBACK_ENCODINGS:
        try:
            return data.decode(encoding), encoding, b""
        except UnicodeDecodeError as exc:
            first_error = first_error or (encoding, exc)
    encoding, exc = first_error
    raise _decode_error(data, encoding, exc)


def _looks_like_utf16(data: bytes) -> bool:
    sample = data[:4096]
    if len(sample) < 4:
        return False
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) // 2
    return max(zeros_even, zeros_odd) > half * 0.3


def _decode_error(data: bytes, encoding: str, exc: UnicodeDecodeError) -> DocumentError:
    good = data[: exc.start].decode(encoding, errors="replace")
    line = good.count("\n") + 1 if "\n" in good else good.count("\r") + 1
    column = len(good) - max(good.rfind("\n"), good.rfind("\r"))
    return DocumentError(
        f"cannot decode as UTF-8, UTF-16 (with BOM) or GB18030: byte 0x{data[exc.start]:02x}",
        line,
        column,
    )


def split_lines(text: str) -> list[tuple[str, str, int]]:
    """(text, ending, offset) for each line; a final empty line only if text is empty."""
    out = []
    for m in _LINE_RE.finditer(text):
        body, ending = m.group(0)[: len(m.group(0)) - len(m.group(1))], m.group(1)
        if not ending and not body and out:
            break
        out.append((body, ending, m.start()))
        if not ending:
            break
    return out


def from_text(text: str, path: str = "<text>", kind: str | None = None, **kw) -> Document:
    if kind is None:
        kind = "markdown" if path.lower().endswith(MARKDOWN_SUFFIXES) else "text"
    markdown = kind == "markdown"
    lines = []
    fence = None
    for number, (body, ending, offset) in enumerate(split_lines(text), 1):
        if markdown:
            view, fence = markdown_view(body, fence)
        else:
            view = body
        lines.append(Line(number, body, view, ending, offset))
    return Document(path=path, text=text, lines=lines, kind=kind, **kw)


def from_bytes(data: bytes, path: str = "<bytes>", kind: str | None = None) -> Document:
    if kind == "docx" or (kind is None and path.lower().endswith(".docx")):
        from .docx_reader import from_docx_bytes  # python-docx only when a .docx is read

        return from_docx_bytes(data, path)
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DocumentError("binary file (contains NUL bytes)")
    text, encoding, bom = _decode(data)
    m = _BINARY_RE.search(text)
    if m:
        before = text[: m.start()]
        doc = from_text(before, path)
        last = doc.lines[-1]
        raise DocumentError(
            f"binary or control character U+{ord(m.group(0)):04X} in text",
            last.number,
            len(last.text) + 1,
        )
    return from_text(text, path, kind, encoding=encoding, bom=bom)


def read(path: str, kind: str | None = None) -> Document:
    with open(path, "rb") as fh:
        data = fh.read()
    return from_bytes(data, path, kind)


# --- Markdown ---------------------------------------------------------------------------

_MD_HEADING = re.compile(r"^( {0,3})(#{1,6})([ \t]+|$)")
_MD_BULLET = re.compile(r"^(\s*)([-*+]|\d{1,9}[.)])([ \t]+)")
_MD_QUOTE = re.compile(r"^( {0,3}>[ \t]?)+")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_MD_CODE = re.compile(r"`+[^`]*`+")
_MD_COMMENT = re.compile(r"<!--.*?-->")
_MD_LINK = re.compile(r"\]\([^)\s]*\)")
_MD_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_MD_RULE = re.compile(r"^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        chars[i] = " "


def markdown_view(line: str, fence: str | None = None) -> tuple[str, str | None]:
    """Blank out Markdown syntax, keeping every character's column.

    Returns the view and the open code fence (if any) for the next line. Code blocks
    and inline code are blanked entirely: they are not report text.
    """
    m = _MD_FENCE.match(line)
    if fence is not None:
        if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
            fence = None
        return " " * len(line), fence
    if m:
        return " " * len(line), m.group(1)
    if _MD_RULE.match(line):
        return " " * len(line), None
    chars = list(line)
    m = _MD_QUOTE.match(line)
    if m:
        _blank(chars, 0, m.end())
    rest = "".join(chars)
    m = _MD_HEADING.match(rest)
    if m:
        _blank(chars, 0, m.end())
        closing = re.search(r"[ \t]+#+[ \t]*$", rest)
        if closing and closing.start() >= m.end():
            _blank(chars, closing.start(), len(chars))
    else:
        m = _MD_BULLET.match(rest)
        if m:
            _blank(chars, m.start(2), m.end())
    rest = "".join(chars)
    for pattern in (_MD_COMMENT, _MD_CODE):
        for m in pattern.finditer(rest):
            _blank(chars, m.start(), m.end())
    rest = "".join(chars)
    for m in _MD_EMPHASIS.finditer(rest):
        mark = 2 if m.group(1) else 1
        _blank(chars, m.start(), m.start() + mark)
        _blank(chars, m.end() - mark, m.end())
    rest = "".join(chars)
    for m in _MD_LINK.finditer(rest):
        _blank(chars, m.start(), m.end())
        # the matching '[' is left; blank the nearest one before
        opening = rest.rfind("[", 0, m.start())
        if opening >= 0:
            chars[opening] = " "
    return "".join(chars), None


def markdown_heading_depth(line: str) -> int:
    """1–6 for an ATX heading line, 0 otherwise."""
    m = _MD_HEADING.match(line)
    return len(m.group(2)) if m else 0
