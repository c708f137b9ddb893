"""Suppressions: silencing a justified finding.

In Markdown, comments silence rules in the document itself::

    <!-- reportlint-disable RULE[, RULE] -->   from this line on (no RULE: every rule)
    <!-- reportlint-enable [RULE, ...] -->      until here (no RULE: every rule)
    <!-- reportlint-disable-next-line RULE -->  only the next line
    text <!-- reportlint-disable-line RULE -->  only this line (as markdownlint has it)

RULE is a rule's name or code. Plain text has no comment syntax, so the
configuration holds its suppressions: ``per-file-ignores`` (glob → rules) and an
``allow`` list (an exact text or a pattern a finding's text may have, per rule and
glob). With ``--report-unused-suppressions`` a suppression that silenced nothing is
itself reported, as an ``unused-suppression`` finding (RL003): a comment at its
place in the document, a configuration entry at its place in the configuration
file (only when a file it covers was linted).
"""

from __future__ import annotations

import bisect
import re
from .document import MD_FENCE, markdown_view
from .findings import READ_ERROR, UNUSED_SUPPRESSION, Finding
from .record import Record
from .rules import RULES, lookup

DIRECTIVE = re.compile(r"<!--\s*reportlint-(disable-next-line|disable-line|disable|enable)(?=\s|-->)(.*?)-->")
ALL_RULES = frozenset(r.name for r in RULES)
UNSUPPRESSIBLE = {READ_ERROR[0], UNUSED_SUPPRESSION[0]}


class Directive(Record):
    __slots__ = ("line", "column", "end_column", "kind", "rules", "unknown", "used")

    def __init__(self, line: int, column: int, end_column: int, kind: str, rules: frozenset[str],
                 unknown: tuple[str, ...] = (), used: bool = False):
        self.line = line
        self.column = column
        self.end_column = end_column
        self.kind = kind  # "disable", "enable", "disable-next-line" or "disable-line"
        self.rules = rules  # rule names it names (every rule when none is named)
        self.unknown = unknown  # names that are not rules
        self.used = used

    @property
    def text(self) -> str:
        return f"reportlint-{self.kind}"


def directives(doc) -> list[Directive]:
    """The suppression comments of a Markdown document, outside code blocks."""
    if not doc.markdown or "reportlint-" not in doc.text:
        return []
    out = []
    fence = None
    for line in doc.lines:
        in_code = fence is not None or MD_FENCE.match(line.text)
        _view, fence = markdown_view(line.text, fence)
        if in_code or "reportlint-" not in line.text:
            continue
        # A directive ends at a "-->": none can after the last one, and stopping there keeps
        # a line of unclosed "<!-- reportlint-disable" from being rescanned to its end.
        for m in DIRECTIVE.finditer(line.text, 0, line.text.rfind("-->") + 3):
            names, unknown = set(), []
            for key in re.split(r"[\s,，]+", m.group(2).strip()):
                if not key:
                    continue
                rule = lookup(key)
                if rule is None:
                    unknown.append(key)
                else:
                    names.add(rule.name)
            rules = frozenset(names) if names or unknown else ALL_RULES
            out.append(Directive(line.number, m.start() + 1, m.end() + 1, m.group(1), rules, tuple(unknown)))
    return out


def spanned(finding, doc) -> str:
    """The text a finding spans (to the end of its first line when it spans several)."""
    source = doc.lines[finding.line - 1].text if 1 <= finding.line <= len(doc.lines) else ""
    end = finding.end_column - 1 if finding.end_line == finding.line else len(source)
    return source[finding.column - 1:end]


class CommentIndex:
    """Directives indexed by rule and line, so each finding is decided in O(log n).

    Decides exactly as walking the directives up to the finding's line does
    (Suppressor._by_comment): a ``disable-next-line`` on the line before or a
    ``disable-line`` on the line itself wins, else the last ``disable``/``enable`` naming
    the rule on or before the finding's line.
    """

    def __init__(self, marks: list[Directive]):
        self.next_line: dict[tuple[str, int], Directive] = {}
        self.toggles: dict[str, tuple[list[int], list[Directive]]] = {}
        for d in marks:  # in document order
            for rule in d.rules:
                if d.kind == "disable-next-line":
                    self.next_line.setdefault((rule, d.line + 1), d)
                elif d.kind == "disable-line":
                    self.next_line.setdefault((rule, d.line), d)
                else:
                    lines, ds = self.toggles.setdefault(rule, ([], []))
                    lines.append(d.line)
                    ds.append(d)

    def silences(self, f) -> bool:
        d = self.next_line.get((f.rule, f.line))
        if d is not None:
            d.used = True
            return True
        lines, ds = self.toggles.get(f.rule, ((), ()))
        k = bisect.bisect_right(lines, f.line) - 1
        if k >= 0 and ds[k].kind == "disable":
            ds[k].used = True
            return True
        return False


class Suppressor:
    """Applies suppressions to each document's findings and remembers which ones worked."""

    def __init__(self, settings=None, report_unused: bool = False):
        self.settings = settings
        self.report_unused = report_unused
        self.allow = list(settings.allow) if settings else []
        self.file_ignores = list(settings.per_file_ignores) if settings else []
        self.used: set[int] = set()  # ids of configuration entries that silenced a finding
        self.covered: set[int] = set()  # ids of entries whose paths took in a linted file

    def apply(self, doc, findings: list, enabled: set[str]) -> list:
        """The findings no suppression silences, and (with ``report_unused``) the comments
        of ``doc`` that silenced none of them, as findings."""
        marks = directives(doc)
        entries = self._entries_for(doc.path)
        if not marks and not entries:
            return findings
        kept = []
        index = CommentIndex(marks)
        for f in findings:
            if f.rule in UNSUPPRESSIBLE or not (index.silences(f) or self._by_config(entries, f, doc)):
                kept.append(f)
        if self.report_unused:
            kept += self._unused_comments(doc.path, marks, enabled)
        return kept

    def _entries_for(self, path: str) -> list:
        entries = []
        for entry in self.file_ignores + self.allow:
            if entry.paths is None or entry.paths.match(path):
                self.covered.add(id(entry))
                entries.append(entry)
        return entries

    @staticmethod
    def _by_comment(marks: list[Directive], f) -> bool:
        """What CommentIndex.silences decides, by walking ``marks`` (kept as its reference)."""
        silencing = None
        for d in marks:
            if d.line > f.line:
                break
            if f.rule not in d.rules:
                continue
            if d.kind == "disable":
                silencing = d
            elif d.kind == "enable":
                silencing = None
            elif d.line + (d.kind == "disable-next-line") == f.line:
                d.used = True
                return True
        if silencing is not None:
            silencing.used = True
            return True
        return False

    def _by_config(self, entries: list, f, doc) -> bool:
        text = None
        for entry in entries:
            if hasattr(entry, "accepts"):
                if text is None:
                    text = spanned(f, doc)
                hit = entry.accepts(f.rule, text)
            else:
                hit = f.rule in entry.rules
            if hit:
                self.used.add(id(entry))
                return True
        return False

    def _unused_comments(self, path: str, marks: list[Directive], enabled: set[str]) -> list:
        out = []
        for d in marks:
            if d.kind == "enable" and not d.unknown:
                continue
            if d.unknown:
                what = "、".join(d.unknown)
                out.append(unused(path, d.line, d.column, d.end_column, f"抑制注释「{d.text}」中有未知的规则：{what}"))
            elif not d.used and d.rules & enabled:
                out.append(unused(path, d.line, d.column, d.end_column, f"抑制注释「{d.text}」没有屏蔽任何问题，可以删去"))
        return out

    def unused_entries(self, display_path: str) -> list:
        """Configuration entries that covered a linted file yet silenced nothing."""
        if not self.report_unused:
            return []
        out = []
        for entry in self.file_ignores + self.allow:
            if id(entry) in self.covered and id(entry) not in self.used:
                line, col = entry.where
                out.append(unused(display_path, line, col, col, f"配置中的「{entry.label}」没有屏蔽任何问题，可以删去"))
        return out


def unused(path: str, line: int, column: int, end_column: int, message: str) -> Finding:
    name, code = UNUSED_SUPPRESSION
    return Finding(path, line, column, line, end_column, name, code, "warning", message)
