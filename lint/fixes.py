"""Applying fixes: a document's findings in, the repaired bytes out.

A fix is data carried by a finding: replace the span (line, column)–(end_line,
end_column) of the decoded text with ``replacement``. This module turns fixes into
character edits, applies them in a fixed order, and lints again until nothing fixable
is left, so fixing a fixed document changes nothing.

Safety, in order of importance:

- Only fixes are applied; the text between them is copied unchanged, so line ends,
  spacing and every other character stay as they were. A fix must start and end on a
  line's characters or at the start of a line; one that would split a CRLF or points
  outside the document is ignored.
- ``placeholder`` and ``missing-section`` are never fixed: only the author can fill a
  blank or write a section. No other fix may touch a placeholder's characters either:
  the engine withholds such a fix (lint.engine), so the finding shows no fix and says why.
- Overlapping fixes: sorted by start (the wider first at the same start), the first
  wins and the other is dropped; the next lint reports it again if it still applies.
  Identical fixes (two rules asking for the same change) are applied once.
- The result is encoded with the document's own encoding and byte-order mark. A file
  whose bytes would not survive decoding and encoding unchanged is not fixed at all,
  nor one whose encoding is a guess (lint.document: neither named with ``--encoding``
  nor UTF-8, UTF-16 or GB18030, but told from its bytes),
  nor one whose fixed bytes differ from the original bytes anywhere but in the spans
  the fixes replaced, or do not decode to the fixed text (:func:`check_bytes`).
- A fix that could not be applied (fixes that overlap or undo each other) is listed in
  ``FixResult.unapplied`` with its reason.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from . import document, readers
from .document import Document
from .findings import NEVER_FIXED, read_error
from .i18n import _

# Lint → fix rounds before giving up on fixes that keep producing new ones.
MAX_PASSES = 10


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` (character offsets) with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass
class FixResult:
    path: str
    data: bytes  # the original bytes
    fixed: bytes  # the bytes to write (``data`` itself when nothing changed)
    before: list  # findings of the original
    findings: list  # findings that remain after fixing
    applied: int = 0  # edits applied, over all passes
    passes: int = 0
    text: str = ""  # original decoded text ("" when unreadable)
    fixed_text: str = ""
    error: str | None = None  # why the file could not be fixed
    unapplied: list = field(default_factory=list)  # (finding, why) for each fix left unapplied
    log: list[list[Edit]] = field(default_factory=list, repr=False)  # edits applied, per pass
    doc: Document | None = field(default=None, repr=False)  # the original document (None: unreadable)
    fixed_doc: Document | None = field(default=None, repr=False)  # the fixed one, whose findings remain

    @property
    def changed(self) -> bool:
        return self.fixed != self.data


def fixable(finding) -> bool:
    """A finding the engine may repair on its own."""
    return finding.fix is not None and finding.rule not in NEVER_FIXED


def offset(doc: Document, line: int, column: int) -> int | None:
    """Character offset of a fix position, or None if it is not a valid one."""
    if line == len(doc.lines) + 1 and column == 1:
        return len(doc.text)
    if not 1 <= line <= len(doc.lines):
        return None
    current = doc.line(line)
    if not 1 <= column <= len(current.text) + 1:
        return None
    return current.offset + column - 1


def to_edit(doc: Document, fix: dict) -> Edit | None:
    start = offset(doc, fix["line"], fix["column"])
    end = offset(doc, fix["end_line"], fix["end_column"])
    if start is None or end is None or end < start:
        return None
    if doc.text[start:end] == fix["replacement"]:
        return None  # changes nothing
    return Edit(start, end, fix["replacement"])


def plan(edits: list[Edit]) -> tuple[list[Edit], list[Edit]]:
    """Order edits, drop duplicates, resolve overlaps: (to apply, skipped)."""
    ordered = sorted(set(edits), key=lambda e: (e.start, -e.end, e.replacement))
    chosen: list[Edit] = []
    skipped: list[Edit] = []
    for edit in ordered:
        if chosen and _conflict(chosen[-1], edit):
            skipped.append(edit)
        else:
            chosen.append(edit)
    return chosen, skipped


def _conflict(previous: Edit, edit: Edit) -> bool:
    if edit.start < previous.end:
        return True
    # Two insertions at one point: their order would be a guess.
    return edit.start == edit.end == previous.start == previous.end


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits sorted by start; everything between is copied."""
    out = []
    position = 0
    for edit in edits:
        out.append(text[position:edit.start])
        out.append(edit.replacement)
        position = edit.end
    out.append(text[position:])
    return "".join(out)


def retext(doc: Document, text: str) -> Document:
    """The same document (path, kind, encoding, BOM) with new text."""
    return document.from_text(text, doc.path, doc.kind, encoding=doc.encoding, bom=doc.bom)


def encode(doc: Document) -> bytes:
    return doc.bom + doc.text.encode(doc.encoding)


def fix_document(linter, doc: Document, findings: list | None = None) -> tuple[Document, list, list[list[Edit]]]:
    """Lint and fix until no fixable finding is left: (fixed document, remaining findings, edits per pass)."""
    doc, findings, log, _why = _fix_rounds(linter, doc, findings)
    return doc, findings, log


def _fix_rounds(linter, doc: Document, findings: list | None):
    """:func:`fix_document`, and why the rounds stopped while fixes were left."""
    if findings is None:
        findings = linter.lint_document(doc)
    log: list[list[Edit]] = []
    seen = {doc.text}
    why = "fixes were still found after 10 rounds of fixing"  # (MAX_PASSES)
    for _ in range(MAX_PASSES):
        edits = [e for e in (to_edit(doc, f.fix) for f in findings if fixable(f)) if e is not None]
        if not edits:
            why = "its span is no place in the text, or it changes nothing"
            break
        chosen, _skipped = plan(edits)
        text = apply_edits(doc.text, chosen)
        if text in seen:  # a cycle: stop rather than flip back and forth
            why = "fixes undo one another (applying them brings back an earlier text)"
            break
        seen.add(text)
        log.append(chosen)
        doc = retext(doc, text)
        findings = linter.lint_document(doc)
    return doc, findings, log, why


def fix_bytes(linter, data: bytes, path: str, kind: str | None = None) -> FixResult:
    """Fix one file's bytes. Never raises on a file's content; ``error`` says why nothing was done."""
    try:
        doc = readers.read(data, path, kind, linter.options.encoding)
    except document.DocumentError as exc:
        found = [read_error(path, exc.message, exc.line, exc.column)]
        return FixResult(path, data, data, found, found, error=None)
    before = linter.lint_document(doc)
    result = FixResult(path, data, data, before, before, text=doc.text, fixed_text=doc.text, doc=doc, fixed_doc=doc)
    if not any(fixable(f) for f in before):
        return result
    if doc.kind not in ("text", "markdown") or any(line.region for line in doc.lines):
        result.error = "cannot fix this kind of file; only plain text and Markdown are rewritten"
        return result
    if doc.guessed:  # (a wrong guess, written back, is a file no one can read: Big5 taken for cp932)
        result.error = _("not fixed: its encoding, {encoding}, is a guess from its bytes; if it is right, "
                         "run again with --encoding {encoding}").format(encoding=doc.encoding)
        return result
    try:
        same = encode(doc) == data
    except UnicodeError:
        same = False
    if not same:
        result.error = f"not fixed: the file would not be written back byte for byte in {doc.encoding}"
        return result
    fixed, remaining, log, why = _fix_rounds(linter, doc, before)
    try:
        fixed_bytes = encode(fixed)
    except UnicodeError as exc:
        result.error = f"not fixed: a fix cannot be written in {doc.encoding}: {exc.reason}"
        return result
    why_not = check_bytes(doc, data, log, fixed.text, fixed_bytes)
    if why_not:
        result.error = f"not fixed: {why_not}"
        return result
    result.fixed, result.findings, result.log = fixed_bytes, remaining, log
    result.unapplied = [(f, why) for f in remaining if fixable(f)]
    result.fixed_text, result.fixed_doc = fixed.text, fixed
    result.applied = sum(len(edits) for edits in log)
    result.passes = len(log)
    return result


def check_bytes(doc: Document, data: bytes, log: list[list[Edit]], fixed_text: str, fixed: bytes) -> str | None:
    """Why ``fixed`` may not replace ``data`` (the bytes ``doc`` was read from), or None.

    The fixed bytes must be the original bytes with only the spans of the applied edits
    (``log``, pass by pass) replaced by their encoded replacements, and must decode to
    ``fixed_text``: whatever the encoding, no byte outside a fix's span changes.
    """
    current, text = data[len(doc.bom):], doc.text
    for edits in log:
        out, char, byte = [], 0, 0
        for edit in edits:
            kept = len(text[char:edit.start].encode(doc.encoding))
            out.append(current[byte:byte + kept])
            out.append(edit.replacement.encode(doc.encoding))
            byte += kept + len(text[edit.start:edit.end].encode(doc.encoding))
            char = edit.end
        out.append(current[byte:])
        current, text = b"".join(out), apply_edits(text, edits)
    if doc.bom + current != fixed:
        return f"in {doc.encoding}, the fixed file would differ from the original outside the fixed spans"
    try:
        same = fixed[len(doc.bom):].decode(doc.encoding) == fixed_text
    except UnicodeDecodeError:
        same = False
    if not same:
        return f"the fixed bytes would not read back as the fixed text in {doc.encoding}"
    return None


def _diff_lines(text: str) -> list[str]:
    return [body + ending for body, ending, _ in document.split_lines(text) if body or ending]


def unified_diff(before: str, after: str, path: str) -> str:
    """A unified diff of two texts, line ends kept (``patch -p0`` applies it)."""
    out = []
    for line in difflib.unified_diff(_diff_lines(before), _diff_lines(after), path, path, lineterm="\n"):
        if not line.endswith(("\n", "\r")):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)
