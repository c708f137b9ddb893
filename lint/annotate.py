"""``--annotate``: a copy of a document with one Word comment (批注) per finding.

For a .docx the copy is the original package with comments added: each comment is
anchored on the exact characters of its finding, which may mean splitting a run in
two where a finding starts or ends inside it (both halves keep the run's formatting).
Only the parts that hold the comments change — the main document part (comment
marks, split runs), the comments part, the main part's relationships and the package's
content types; every other part (styles, numbering, headers, footers, images, …) is
copied byte for byte from the original, which itself is never written.

A finding in a header or footer (页眉/页脚) is commented on the first (header) or last
(footer) body paragraph with text, one in a text box or shape on the paragraph that
anchors it, one on Word's automatic number of a heading on the heading's text; the
comment says where the text is. Plain text and Markdown become a new .docx, one
paragraph per line.

Comments are written through python-docx's comment API (``Document.add_comment``);
python-docx has none for splitting a run, so that is done on the run's element.
"""

from __future__ import annotations

import copy
import io
import os
import sys
import tempfile
import zipfile

from .i18n import _, choose
from .printable import printable
from .record import Record

AUTHOR = "reportlint"
INITIALS = "RL"
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
QUOTE_MAX = 40  # characters of the original text quoted in a comment moved off its place

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_R, _T, _P, _RPR = f"{{{W}}}r", f"{{{W}}}t", f"{{{W}}}p", f"{{{W}}}rPr"
_TEXT_BOX = f"{{{W}}}txbxContent"
# Characters a text line may hold that XML 1.0 cannot (vertical tab, form feed).
_NOT_XML = str.maketrans({"\x0b": " ", "\x0c": " "})


class Annotated(Record):
    """The outcome for one document: its findings, the annotated copy and the document read
    (None when unreadable)."""

    __slots__ = ("findings", "data", "comments", "doc")

    def __init__(self, findings: list, data: bytes | None, comments: int = 0, doc=None):
        self.findings = findings
        self.data = data
        self.comments = comments
        self.doc = doc


def annotate_bytes(linter, data: bytes, path: str) -> Annotated:
    """Lint one document's bytes and return the .docx copy with a comment per finding."""
    from . import readers
    from .document import DocumentError
    from .findings import read_error

    try:
        if path.lower().endswith(".docx"):
            return _annotate_docx(linter, data, path)
        doc = readers.read(data, path, encoding=linter.options.encoding)
    except DocumentError as exc:
        return Annotated([read_error(path, exc.message, exc.line, exc.column)], None)
    return _annotate_text(doc, linter.lint_document(doc))


def comment_text(finding, doc=None, moved: str = "") -> str:
    """What a comment says: the message, the rule, the fix when there is one, and for a
    comment not on its finding's own characters, the text it is about (``moved``) unless
    the message quotes it whole."""
    lines = [finding.message]
    if moved and moved not in finding.message:
        lines.append(f"原文：「{_shorten(moved)}」")
    lines.append(f"{finding.code} {finding.rule}（{SEVERITY_NAMES.get(finding.severity, finding.severity)}）")
    fix = finding.fix
    if fix and doc is not None:
        start = doc.offset_of(fix["line"], fix["column"])
        end = doc.offset_of(fix["end_line"], fix["end_column"])
        old = doc.text[start:end].rstrip("\r\n")
        if fix["replacement"]:
            lines.append(f"建议：将「{_shorten(old)}」改为「{fix['replacement']}」")
        elif old:
            lines.append("建议：删除这一行" if fix["column"] == 1 and fix["end_line"] > fix["line"]
                         else f"建议：删除「{_shorten(old)}」")
    return "\n".join(lines)


def _shorten(text: str) -> str:
    return text if len(text) <= QUOTE_MAX else text[:QUOTE_MAX] + "…"


# --- Word documents -------------------------------------------------------------------------


def _annotate_docx(linter, data: bytes, path: str) -> Annotated:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    from .docx_reader import read_package

    doc, package, sources = read_package(data, path)
    findings = linter.lint_document(doc)
    hosts = _Hosts(doc, sources)
    for f in findings:
        paragraph, start, end, moved = hosts.place(f)
        runs = _anchor_runs(package, paragraph, start, end)
        package.add_comment(runs, text=comment_text(f, moved=moved), author=AUTHOR, initials=INITIALS)
    stream = io.BytesIO()
    package.save(stream)
    main = package.part
    changed = {_name(main.partname), _rels_name(main.partname), "[Content_Types].xml"}
    changed |= {_name(rel.target_part.partname) for rel in main.rels.values()
                if rel.reltype == RT.COMMENTS and not rel.is_external}
    return Annotated(findings, _merge(data, stream.getvalue(), changed), len(findings), doc)


def _name(partname: str) -> str:
    return partname.lstrip("/")


def _rels_name(partname: str) -> str:
    directory, _, base = _name(partname).rpartition("/")
    return f"{directory}/_rels/{base}.rels" if directory else f"_rels/{base}.rels"


def _merge(original: bytes, saved: bytes, changed: set[str]) -> bytes:
    """The original archive with the ``changed`` parts (and any new ones) taken from ``saved``.

    Every other member keeps its original bytes, order and compression.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as old, zipfile.ZipFile(io.BytesIO(saved)) as new, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        fresh = {info.filename: info for info in new.infolist()}
        for info in old.infolist():
            if info.filename in changed and info.filename in fresh:
                dst.writestr(fresh.pop(info.filename), new.read(info.filename))
            else:
                dst.writestr(info, old.read(info))
                fresh.pop(info.filename, None)
        for name, info in fresh.items():  # parts the original did not have (the comments)
            dst.writestr(info, new.read(name))
    return out.getvalue()


class _Hosts:
    """Where each finding's comment goes in a Word document."""

    def __init__(self, doc, sources):
        from .docx_reader import REGION_FOOTER, REGION_HEADER

        self.doc, self.sources = doc, sources
        self.margins = (REGION_HEADER, REGION_FOOTER)
        body = [s.paragraph for i, s in enumerate(sources)
                if s.prefix is not None and s.region not in self.margins and _outermost(s.paragraph) is s.paragraph
                and doc.lines[i].text[s.prefix:].strip()]
        self.first = body[0] if body else None
        self.last = body[-1] if body else None

    def place(self, f) -> tuple:
        """(paragraph element or None, start, end, moved text): a span of the paragraph's
        own text to anchor on, (0, None) for the whole paragraph."""
        if not 1 <= f.line <= len(self.sources):
            return self.first, 0, None, ""
        source = self.sources[f.line - 1]
        text = self.doc.line(f.line).text
        spanned = text[f.column - 1: f.end_column - 1 if f.end_line == f.line else len(text)]
        if source.region in self.margins:
            target = self.first if source.region == self.margins[0] else self.last
            return target, 0, None, spanned or text
        host = _outermost(source.paragraph)
        if source.prefix is None or host is not source.paragraph:  # a shape's text, a text box
            return host, 0, None, spanned or text
        start = max(f.column - 1 - source.prefix, 0)
        end = (f.end_column if f.end_line == f.line else len(text) + 1) - 1 - source.prefix
        if end <= start:  # on Word's automatic number alone, or an empty span
            return source.paragraph, 0, None, ""
        return source.paragraph, start, end, ""


def _outermost(p):
    """The paragraph of the body, a table cell, header or footer that holds ``p`` (itself
    unless ``p`` is in a text box)."""
    outer = p
    for ancestor in p.iterancestors(_P):
        outer = ancestor
    return outer


def _anchor_runs(package, paragraph, start: int, end: int | None) -> list:
    """The first and last python-docx Run of ``[start, end)`` of ``paragraph``'s text (runs
    split as needed), or of its whole text when ``end`` is None or nothing of the span
    is in a run (Word's number, an equation)."""
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    if paragraph is None:  # a document without a paragraph of text: its first paragraph
        body = package.element.body
        if body.find(_P) is None:
            package.add_paragraph()
        paragraph = body.find(_P)
    runs = []
    if end is not None:
        _split_at(paragraph, start)
        _split_at(paragraph, end)
        runs = _runs_within(paragraph, start, end)
    if not runs:
        runs = _runs_within(paragraph, 0, None) or [r for r in paragraph.iter(_R) if _outermost(r) is paragraph]
    if not runs:  # an empty paragraph: a run to hold the comment's marks
        return [Paragraph(paragraph, package).add_run()]
    return [Run(runs[0], package), Run(runs[-1], package)]


def _runs_within(paragraph, start: int, end: int | None) -> list:
    from .docx_reader import paragraph_parts

    runs = []
    for s, e, element in paragraph_parts(paragraph):
        run = element.getparent()
        if run.tag == _R and s >= start and (end is None or e <= end) and e > s and run not in runs:
            runs.append(run)
    return runs


def _split_at(paragraph, offset: int) -> None:
    """Make ``offset`` of the paragraph's text a run boundary, splitting the run it falls in."""
    from .docx_reader import paragraph_parts

    for start, end, element in paragraph_parts(paragraph):
        if start < offset < end or (offset == start < end):
            run = element.getparent()
            if run.tag != _R:
                return  # math: no run to split
            children = [c for c in run if c.tag != _RPR]
            index = children.index(element)
            cut = offset - start
            if cut == 0 and index == 0:
                return  # already the start of a run
            _split_run(run, index, cut)
            return


def _split_run(run, index: int, cut: int) -> None:
    """Split ``run`` before its ``index``-th content child (or ``cut`` characters into that
    w:t); the second half is a copy of the run, with the same properties."""
    second = copy.deepcopy(run)
    run.addnext(second)
    first_children = [c for c in run if c.tag != _RPR]
    second_children = [c for c in second if c.tag != _RPR]
    if cut:
        text = first_children[index].text or ""
        _set_text(first_children[index], text[:cut])
        _set_text(second_children[index], text[cut:])
        keep = index + 1
    else:
        keep = index
    for child in first_children[keep:]:
        run.remove(child)
    for child in second_children[:index]:
        second.remove(child)


def _set_text(t, text: str) -> None:
    t.text = text
    if text != text.strip():
        t.set(XML_SPACE, "preserve")


# --- plain text and Markdown ----------------------------------------------------------------


def _annotate_text(doc, findings: list) -> Annotated:
    """A new .docx of the document's lines, with the findings as comments."""
    import docx

    package = docx.Document()
    starts = [doc.offset_of(f.line, f.column) for f in findings]
    ends = [max(doc.offset_of(f.end_line, f.end_column), start) for f, start in zip(findings, starts)]
    cuts = sorted(set(starts) | set(ends))
    paragraphs = []  # per line
    pieces = []  # (start, end, Run) over the whole text, in order
    for line in doc.lines:
        paragraph = package.add_paragraph()
        paragraphs.append(paragraph)
        begin, stop = line.offset, line.offset + len(line.text)
        inner = [c for c in cuts if begin < c < stop]
        for s, e in zip([begin] + inner, inner + [stop]):
            if e > s:
                pieces.append((s, e, paragraph.add_run(doc.text[s:e].translate(_NOT_XML))))
    for f, start, end in zip(findings, starts, ends):
        runs = [run for s, e, run in pieces if start <= s and e <= end]
        if not runs:  # an empty span: the character it points at, else its (empty) line
            runs = [run for s, e, run in pieces if s <= start < e]
        if not runs:
            number = min(max(f.line, 1), len(paragraphs))
            runs = [paragraphs[number - 1].add_run()]
        package.add_comment(runs, text=comment_text(f, doc), author=AUTHOR, initials=INITIALS)
    stream = io.BytesIO()
    package.save(stream)
    return Annotated(findings, stream.getvalue(), len(findings), doc)


# --- the command line -----------------------------------------------------------------------


def output_path(path: str, directory: str) -> str:
    """Where ``--annotate-dir DIR`` writes the copy of ``path``: its name, ending in .docx."""
    stem = os.path.splitext(os.path.basename(path))[0]
    return os.path.join(directory, stem + ".docx")


def write_file(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (a temporary file, then a rename)."""
    directory = os.path.dirname(os.path.abspath(path))
    fd, temp = tempfile.mkstemp(prefix=".reportlint-", suffix=".docx", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


def annotate_paths(linter, files: list[str], target: str | None, directory: str | None,
                   stdin: tuple[str, bytes] | None, errors: list[str], render=None) -> list:
    """``--annotate OUT`` (one document) or ``--annotate-dir DIR``: write each annotated copy,
    return each file's report (``-`` in ``files`` stands for ``stdin``: a name and its bytes)."""
    from .engine import file_report
    from .findings import read_error
    from .readers import file_bytes

    reports: list = []
    inputs = {os.path.realpath(p) for p in files if p != "-"}
    written: set[str] = set()
    for path in files:
        if path == "-":
            name, data = stdin
        else:
            name = path
            try:
                data = file_bytes(path)[0]  # (a regular file, bounded: lint.fileio)
            except OSError as exc:
                reports.append(file_report(
                    path, [read_error(path, _("cannot read file: {why}").format(why=exc.strerror or exc))], render))
                continue
        result = annotate_bytes(linter, data, name)
        reports.append(file_report(name, result.findings, render, result.doc))
        if result.data is None:
            continue
        out = target or output_path(name, directory)
        real = os.path.realpath(out)
        if real in inputs:
            errors.append(f"{out}: refusing to overwrite a document being linted; choose another output")
            continue
        if real in written:
            errors.append(f"{name}: {out} was already written for another document; not overwritten")
            continue
        try:
            write_file(out, result.data)
        except OSError as exc:
            errors.append(f"{out}: cannot write: {exc.strerror or exc}")
            continue
        written.add(real)
        shown = printable(out)
        print(choose(f"reportlint：已写入 {shown}（{result.comments} 条批注）。",
                     f"reportlint: wrote {shown} with {result.comments} comment{'s' if result.comments != 1 else ''}."),
              file=sys.stderr)
    return reports
