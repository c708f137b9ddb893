"""Reading Word documents (.docx) into a Document of paragraph lines.

A .docx has no lines, so each paragraph is one ``Line``: its ``number`` is the
1-based paragraph number in reading order and a column is the character offset in
the paragraph (plus one). Reading order is the body first — paragraphs, table
cells (region 表格) and text boxes (region 文本框) where they are anchored — then
the headers (页眉) and footers (页脚) of every section, each part once. Word's
automatic list numbering is rendered into the text (``lint.numbering``), so a
heading numbered by Word reads ``一、…`` as it does on the page. Watermark shapes
(VML ``v:textpath``) in a header are lines of the header region, listed in
``Document.extra["watermark_lines"]``.

The file is a zip of XML from an unknown source. Before any part is parsed the
archive is checked: a legacy or encrypted Word file (OLE compound file), a file
that is not a zip, too many members, or members whose declared or actual
uncompressed size passes the limits (a zip bomb) raise ``DocumentError``, and so does a
document of more paragraphs than lint.document.MAX_LINES (counted in the XML before it
is parsed: a few KiB of compressed ``<w:p/>`` would parse into gigabytes). XML is
parsed by python-docx, whose parser never resolves entities (no XXE, no entity
expansion). python-docx is imported only when a .docx is read.
"""

from __future__ import annotations

import io
import zipfile

from .document import MAX_CHARS, MAX_LINES, TOO_MANY_CHARS, TOO_MANY_LINES, Document, DocumentError, Line
from .i18n import _
from .numbering import MC, Numbering, w
from .record import Record

SUFFIXES = (".docx",)
KIND = "docx"

# Limits on the archive (a real report is a few hundred KiB).
MAX_MEMBERS = 5000
MAX_MEMBER_SIZE = 64 * 1024 * 1024  # uncompressed bytes of any one member
MAX_TOTAL_SIZE = 256 * 1024 * 1024  # uncompressed bytes of all members together
_CHUNK = 1024 * 1024

# How a paragraph starts in Word's XML (counted before parsing, see check_archive).
_PARAGRAPH_TAGS = (b"<w:p>", b"<w:p/>", b"<w:p ")

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

CANNOT_FIX = (".docx files are not rewritten: --fix and --diff apply to .txt and .md files only; "
              "fix the findings in Word")

REGION_BODY, REGION_TABLE, REGION_TEXTBOX = "", "表格", "文本框"
REGION_HEADER, REGION_FOOTER = "页眉", "页脚"

V = "urn:schemas-microsoft-com:vml"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def is_docx(path: str) -> bool:
    return path.lower().endswith(SUFFIXES)


def fix_refusal(path: str) -> str | None:
    """Why ``--fix``/``--diff`` must leave ``path`` alone, or None when they may rewrite it."""
    return CANNOT_FIX if is_docx(path) else None


# --- the archive ----------------------------------------------------------------------------


def check_archive(data: bytes) -> None:
    """Raise DocumentError unless ``data`` is a zip within the limits (streamed, capped)."""
    if data.startswith(OLE_SIGNATURE):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise DocumentError(_("encrypted (password-protected) Word document: save it without a password"))
        raise DocumentError(_("not a .docx: an OLE compound file (a legacy .doc?); save it as .docx"))
    if not data.startswith(b"PK"):
        raise DocumentError(_("not a .docx: the file is not a zip archive"))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise DocumentError(f"damaged .docx (not a readable zip archive): {exc}") from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise DocumentError(f"too many parts in the .docx ({len(members)} > {MAX_MEMBERS})")
        declared = 0
        for info in members:
            declared += info.file_size
            if info.file_size > MAX_MEMBER_SIZE or declared > MAX_TOTAL_SIZE:
                raise DocumentError(_too_big(info.filename, info.file_size))
        total = paragraphs = 0
        for info in members:
            size = 0
            text_part = info.filename.startswith("word/") and info.filename.endswith(".xml")
            try:
                with archive.open(info) as member:
                    while True:
                        chunk = member.read(_CHUNK)
                        if not chunk:
                            break
                        size += len(chunk)
                        total += len(chunk)
                        if size > MAX_MEMBER_SIZE or total > MAX_TOTAL_SIZE:
                            raise DocumentError(_too_big(info.filename, size))
                        if text_part:
                            paragraphs += sum(map(chunk.count, _PARAGRAPH_TAGS))
                            if paragraphs > MAX_LINES:
                                raise DocumentError(_(TOO_MANY_LINES).format(count=MAX_LINES))
            except DocumentError:
                raise
            except (zipfile.BadZipFile, NotImplementedError, RuntimeError, EOFError, OSError,
                    ValueError) as exc:  # bad CRC, unknown compression, encrypted member
                raise DocumentError(f"damaged .docx: part {info.filename}: {exc}") from None


def _too_big(name: str, size: int) -> str:
    return (f"refusing an oversized .docx (possible zip bomb): part {name} expands to "
            f"{size} bytes or more (limits: {MAX_MEMBER_SIZE} per part, {MAX_TOTAL_SIZE} in all)")


def open_package(data: bytes):
    """The python-docx Document for checked bytes; DocumentError for anything unreadable."""
    check_archive(data)
    import docx
    from lxml import etree

    try:
        return docx.Document(io.BytesIO(data))
    except etree.XMLSyntaxError as exc:
        raise DocumentError(f"damaged .docx: XML error: {exc}") from None
    except ValueError as exc:  # e.g. a .docm or .xlsx: "… is not a Word file, content type is …"
        raise DocumentError(f"not a Word document: {exc}") from None
    except Exception as exc:  # noqa: BLE001 - any failure of the package reader on foreign bytes
        raise DocumentError(f"damaged .docx: {type(exc).__name__}: {exc}") from None


# --- text -----------------------------------------------------------------------------------

_SKIP = {w("pPr"), w("rPr"), w("del"), w("moveFrom"), w("instrText"), w("delText"), w("delInstrText"),
         w("footnoteReference"), w("endnoteReference"), w("commentReference"), w("fldChar"),
         f"{{{MC}}}Fallback"}
_CONTAINERS = {w("hyperlink"), w("ins"), w("moveTo"), w("smartTag"), w("customXml"), w("fldSimple"),
               w("sdt"), w("sdtContent"), w("dir"), w("bdo"), w("r"), f"{{{MC}}}AlternateContent",
               f"{{{MC}}}Choice", f"{{{M}}}oMathPara", f"{{{M}}}oMath", f"{{{M}}}r"}
_LINE_BREAKS = str.maketrans({"\r": " ", "\n": " ", "\x0b": " ", "\x0c": " "})


class _Paragraph:
    """Text of a ``w:p`` plus what is anchored in it (text boxes, watermark strings)."""

    def __init__(self):
        self.parts: list[str] = []
        self.elements: list = []  # the element each part was read from (w:t, w:tab, …)
        self.boxes: list = []  # w:txbxContent elements
        self.shapes: list[str] = []  # v:textpath strings (WordArt, watermarks)
        self.drawing_text: list[str] = []  # DrawingML paragraphs outside text boxes

    def text(self) -> str:
        return "".join(self.parts).translate(_LINE_BREAKS)


def _collect(el, out: _Paragraph) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag in (w("t"), f"{{{M}}}t"):
            out.parts.append(child.text or "")
            out.elements.append(child)
        elif tag == w("tab") or tag == w("ptab"):
            out.parts.append("\t")
            out.elements.append(child)
        elif tag in (w("br"), w("cr")):
            if child.get(w("type")) not in ("page", "column"):
                out.parts.append(" ")
                out.elements.append(child)
        elif tag == w("noBreakHyphen"):
            out.parts.append("-")
            out.elements.append(child)
        elif tag in (w("drawing"), w("pict"), w("object")):
            _shapes(child, out)
        elif tag in _CONTAINERS:
            _collect(child, out)


def _shapes(el, out: _Paragraph) -> None:
    """Text boxes, textpath strings and DrawingML text under a drawing (not its fallback)."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag == f"{{{MC}}}Fallback":
            continue
        if tag == w("txbxContent"):
            out.boxes.append(child)
        elif tag == f"{{{V}}}textpath":
            text = (child.get("string") or "").translate(_LINE_BREAKS)
            if text.strip():
                out.shapes.append(text)
        elif tag == f"{{{A}}}p":
            text = "".join(t.text or "" for t in child.iter(f"{{{A}}}t")).translate(_LINE_BREAKS)
            if text.strip():
                out.drawing_text.append(text)
        else:
            _shapes(child, out)


class Source(Record):
    """Where a line of a Word document was read from (what lint.annotate anchors comments on).

    ``paragraph`` is the ``w:p`` whose text the line is, or (``prefix`` None) the one that
    anchors the shape whose text it is; ``prefix`` is the length of the automatic number
    rendered before the paragraph's own text.
    """

    __slots__ = ("paragraph", "prefix", "region")

    def __init__(self, paragraph, prefix: int | None, region: str):
        self.paragraph, self.prefix, self.region = paragraph, prefix, region


def paragraph_parts(p) -> list[tuple[int, int, object]]:
    """(start, end, element) of each piece of a ``w:p``'s own text (numbering not included),
    offsets in the characters of the line read from it."""
    found = _Paragraph()
    _collect(p, found)
    out = []
    start = 0
    for text, element in zip(found.parts, found.elements):
        out.append((start, start + len(text), element))
        start += len(text)
    return out


class _Reader:
    def __init__(self, numbering: Numbering):
        self.numbering = numbering
        self.lines: list[tuple[str, str]] = []  # (text, region)
        self.sources: list[Source] = []  # one per line
        self.watermarks: list[int] = []  # indexes into lines
        self.chars = 0

    def add(self, text: str, region: str, source: Source) -> None:
        """One more line; DocumentError past the limits of one document (lint.document)."""
        self.lines.append((text, region))
        self.sources.append(source)
        self.chars += len(text) + 1
        if len(self.lines) > MAX_LINES or self.chars > MAX_CHARS:
            too_many = TOO_MANY_LINES if len(self.lines) > MAX_LINES else TOO_MANY_CHARS
            raise DocumentError(_(too_many).format(count=MAX_LINES if too_many is TOO_MANY_LINES else MAX_CHARS),
                                len(self.lines), 1)

    def blocks(self, container, region: str, margin: bool = False) -> None:
        """Paragraphs and tables of a body, cell, text box, header or footer, in order."""
        for child in container:
            tag = child.tag
            if tag == w("p"):
                self.paragraph(child, region, margin)
            elif tag == w("tbl"):  # its own rows and cells only: a nested table is read where it stands
                for row in _own(child, w("tr")):
                    for cell in _own(row, w("tc")):
                        self.blocks(cell, region if margin else REGION_TABLE, margin)
            elif tag in (w("sdt"), w("sdtContent"), w("customXml"), f"{{{MC}}}AlternateContent",
                         f"{{{MC}}}Choice", w("ins"), w("moveTo")):
                self.blocks(child, region, margin)

    def paragraph(self, p, region: str, margin: bool) -> None:
        found = _Paragraph()
        _collect(p, found)
        number = self.numbering.paragraph_number(p)
        self.add(number + found.text(), region, Source(p, len(number), region))
        inner = region if margin else REGION_TEXTBOX
        for box in found.boxes:
            self.blocks(box, inner, margin)
        for text in found.drawing_text:
            self.add(text, inner, Source(p, None, inner))
        for text in found.shapes:
            if margin:
                self.watermarks.append(len(self.lines))
            self.add(text, inner, Source(p, None, inner))


_WRAPPERS = {w("sdt"), w("sdtContent"), w("customXml")}


def _own(el, tag: str):
    """The children of ``el`` with ``tag``, also inside content controls and custom XML
    (``w:sdt``, ``w:customXml``), never inside a nested table."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _own(child, tag)


def _margin_parts(package):
    """Header parts, then footer parts, in section order, each once."""
    related = package.part.related_parts
    found: dict[str, list] = {"headerReference": [], "footerReference": []}
    seen = set()
    body = package.element.body
    for sect in body.iter(w("sectPr")):
        for kind, parts in found.items():
            for ref in sect.findall(w(kind)):
                rid = ref.get(f"{{{R}}}id")
                part = related.get(rid)
                if part is not None and id(part) not in seen and hasattr(part, "element"):
                    seen.add(id(part))
                    parts.append(part.element)
    return found["headerReference"], found["footerReference"]


def from_docx_bytes(data: bytes, path: str = "<docx>") -> Document:
    return read_package(data, path)[0]


def read_package(data: bytes, path: str = "<docx>"):
    """(Document, the python-docx document it was read from, a Source per line)."""
    package = open_package(data)
    try:
        numbering = Numbering(_numbering_element(package), package.styles.element)
        reader = _Reader(numbering)
        reader.blocks(package.element.body, REGION_BODY)
        headers, footers = _margin_parts(package)
        for element in headers:
            reader.blocks(element, REGION_HEADER, margin=True)
        for element in footers:
            reader.blocks(element, REGION_FOOTER, margin=True)
    except RecursionError:
        raise DocumentError("damaged .docx: the document's structure is nested too deeply") from None
    lines = []
    offset = 0
    for number, (text, region) in enumerate(reader.lines or [("", REGION_BODY)], 1):
        lines.append(Line(number, text, text, "\n", offset, region))
        offset += len(text) + 1
    if lines:
        lines[-1].ending = ""
    text = "\n".join(line.text for line in lines)
    doc = Document(path=path, text=text, lines=lines, kind=KIND,
                   extra={"watermark_lines": {i + 1 for i in reader.watermarks}})
    return doc, package, reader.sources


def _numbering_element(package):
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    for rel in package.part.rels.values():
        if rel.reltype == RT.NUMBERING and not rel.is_external:
            return getattr(rel.target_part, "element", None)
    return None
