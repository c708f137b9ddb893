"""Building .docx test documents with python-docx (no binary fixtures in the repository).

``seed_paragraphs`` turns a text report into the paragraphs a Word user would have
typed (runs of blank lines become one empty paragraph); ``plain_docx`` writes them
as they are, ``numbered_docx`` moves every typed heading number into Word's
automatic list numbering (numbering.xml and heading styles built with lxml).
"""

from __future__ import annotations

import io
import re
import zipfile

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml

from lint.parser import cn_to_int

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (f'xmlns:w="{W_NS}" xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:o="urn:schemas-microsoft-com:office:office" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')

# Word's usual multi-level list for a report: 一、 （一） 1. （1）
REPORT_LEVELS = (("%1、", "chineseCounting"), ("（%2）", "chineseCounting"), ("%3.", "decimal"),
                 ("（%4）", "decimal"))
_TYPED = (
    re.compile(r"([一二三四五六七八九十]+)、"),
    re.compile(r"（([一二三四五六七八九十]+)）"),
    re.compile(r"(\d+)\.(?!\d)"),
    re.compile(r"（(\d+)）"),
)


def seed_paragraphs(text: str) -> list[tuple[int, str]]:
    """(text line number, paragraph text): blank runs collapse to one empty paragraph,
    leading and trailing blank lines are dropped."""
    out: list[tuple[int, str]] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            if out and out[-1][1].strip():
                out.append((number, ""))
            continue
        out.append((number, line))
    while out and not out[-1][1].strip():
        out.pop()
    return out


def to_bytes(document) -> bytes:
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def plain_docx(paragraphs: list[str]):
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    return document


def level_xml(ilvl: int, text: str, fmt: str, start: int = 1, suff: str = "nothing", extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}'
            f'<w:suff w:val="{suff}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')


class NumberingBuilder:
    """Adds w:abstractNum / w:num definitions to a python-docx document's numbering.xml."""

    def __init__(self, document):
        self.element = document.part.numbering_part.element
        ids = [int(n.get(f"{{{W_NS}}}numId")) for n in self.element.iter(f"{{{W_NS}}}num")]
        aids = [int(n.get(f"{{{W_NS}}}abstractNumId")) for n in self.element.iter(f"{{{W_NS}}}abstractNum")]
        self.next_num = max(ids, default=0) + 1
        self.next_abstract = max(aids, default=0) + 1

    def abstract(self, levels_xml: str) -> int:
        aid = self.next_abstract
        self.next_abstract += 1
        el = parse_xml(f'<w:abstractNum {NS} w:abstractNumId="{aid}">'
                       f'<w:multiLevelType w:val="multilevel"/>{levels_xml}</w:abstractNum>')
        first_num = self.element.find(f"{{{W_NS}}}num")
        if first_num is not None:
            first_num.addprevious(el)  # the schema wants every abstractNum before the nums
        else:
            self.element.append(el)
        return aid

    def num(self, aid: int, starts: dict[int, int] | None = None) -> int:
        nid = self.next_num
        self.next_num += 1
        overrides = "".join(f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{v}"/></w:lvlOverride>'
                            for i, v in (starts or {}).items())
        self.element.append(parse_xml(f'<w:num {NS} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>'
                                      f'{overrides}</w:num>'))
        return nid


def num_pr(num_id: int, ilvl: int | None) -> str:
    lvl = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    return f'<w:numPr {NS}>{lvl}<w:numId w:val="{num_id}"/></w:numPr>'


def set_num_pr(ppr, num_id: int, ilvl: int | None) -> None:
    """Number a paragraph or a style: ``ppr`` is its (python-docx) w:pPr element."""
    ppr.append(parse_xml(num_pr(num_id, ilvl)))


def numbered_docx(paragraphs: list[str]):
    """Like ``plain_docx``, but typed 一、/（一）/1./（1） heading numbers become Word list numbering.

    Headings of the report's usual list get a heading style that carries the numbering;
    where Word's counting would not give the typed number (a skipped or repeated
    number), the paragraph gets a new list instance with a start override, as Word's
    "set numbering value" does. A number in another style (``1、``) stays typed.
    """
    document = docx.Document()
    builder = NumberingBuilder(document)
    aid = builder.abstract("".join(level_xml(i, text, fmt) for i, (text, fmt) in enumerate(REPORT_LEVELS)))
    base = builder.num(aid)
    styles = []
    for i in range(len(REPORT_LEVELS)):
        style = document.styles.add_style(f"Report Heading {i + 1}", WD_STYLE_TYPE.PARAGRAPH)
        set_num_pr(style.element.get_or_add_pPr(), base, i)
        styles.append(style)
    current, counters = base, {}
    for text in paragraphs:
        typed = next(((i, m) for i, pattern in enumerate(_TYPED) if (m := pattern.match(text))), None)
        if typed is None:
            document.add_paragraph(text)
            continue
        ilvl, m = typed
        number = cn_to_int(m.group(1))
        expected = counters[ilvl] + 1 if ilvl in counters else 1
        if number != expected:
            current, counters = builder.num(aid, {ilvl: number}), {}
        counters[ilvl] = number
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        paragraph = document.add_paragraph(text[m.end():], style=styles[ilvl])
        if current != base:
            set_num_pr(paragraph._p.get_or_add_pPr(), current, ilvl)
    return document


def run_xml(inner: str) -> str:
    return f"<w:r {NS}>{inner}</w:r>"


def vml_watermark(text: str) -> str:
    """A Word watermark: a VML WordArt shape with a text path, anchored in a header run."""
    return run_xml(
        '<w:pict><v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s2049" type="#_x0000_t136" '
        'style="position:absolute;margin-left:0;margin-top:0;width:415pt;height:138pt;rotation:315" '
        f'fillcolor="silver" stroked="f"><v:textpath style="font-family:&quot;宋体&quot;" string="{text}"/>'
        '</v:shape></w:pict>')


def text_box(text: str) -> str:
    """A text box as Word 2010+ writes it: DrawingML, with a VML copy as fallback."""
    para = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return run_xml(
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:txbx>{para}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
        '</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>'
        f'{para}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>')


def append_run(paragraph, xml: str) -> None:
    paragraph._p.append(parse_xml(xml))


def rewrite_part(data: bytes, name: str, change) -> bytes:
    """The same .docx with part ``name`` replaced by ``change(old_text)``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == name:
                body = change(body.decode("utf-8")).encode("utf-8")
            dst.writestr(info, body)
    return out.getvalue()


# --- hostile documents: small files that once took minutes or gigabytes ------------------

def _body(data: bytes, body_xml: str) -> bytes:
    """``data`` with the body of word/document.xml replaced by ``body_xml`` (sectPr kept)."""
    def change(xml: str) -> str:
        start = xml.index("<w:body>") + len("<w:body>")
        end = xml.index("<w:sectPr")
        return xml[:start] + body_xml + xml[end:]

    return rewrite_part(data, "word/document.xml", change)


def huge_start_docx(start: int, fmt: str = "upperLetter") -> bytes:
    """A heading numbered by a list that starts at ``start`` in format ``fmt``."""
    document = docx.Document()
    builder = NumberingBuilder(document)
    nid = builder.num(builder.abstract(level_xml(0, "%1.", fmt, start=start)))
    document.add_paragraph("某某同志述职报告")
    set_num_pr(document.add_paragraph("主要工作")._p.get_or_add_pPr(), nid, 0)
    document.add_paragraph("全年完成各项任务。")
    return to_bytes(document)


def empty_paragraphs_docx(count: int) -> bytes:
    """``count`` empty paragraphs (a few bytes each once compressed)."""
    return _body(to_bytes(docx.Document()), "<w:p/>" * count)


def nested_tables_docx(depth: int) -> bytes:
    """A table in a cell of a table … ``depth`` deep, each cell's paragraph naming its depth."""
    xml = ""
    for level in range(depth, 0, -1):
        xml = f"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>第{level}层</w:t></w:r></w:p>{xml}<w:p/></w:tc></w:tr></w:tbl>"
    return _body(to_bytes(docx.Document()), "<w:p><w:r><w:t>某某同志述职报告</w:t></w:r></w:p>" + xml + "<w:p/>")
