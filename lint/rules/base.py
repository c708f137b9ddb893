"""What every rule is: a self-describing class whose ``check`` yields problems.

A rule knows its stable ``code``, its kebab-case ``name``, its default ``severity``,
its documentation (the class docstring) and ``examples`` of text it flags (``bad``)
and text it must leave alone (``good``). The engine, not the rule, fills in the
path, applies the configured severity and selection, and sorts the findings. A fix
is data — a span and its replacement — that the engine may apply.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from ..record import Value


class Fix(Value):
    """Replace the span from (line, column) up to (end_line, end_column) with ``replacement``."""

    __slots__ = ()
    _fields = ("line", "column", "end_line", "end_column", "replacement")

    def __new__(cls, line: int, column: int, end_line: int, end_column: int, replacement: str = ""):
        return tuple.__new__(cls, (line, column, end_line, end_column, replacement))

    def as_dict(self) -> dict:
        return self._asdict()


class Problem(Value):
    """What a rule found: a span and a message, with the fix when it has one."""

    __slots__ = ()
    _fields = ("line", "column", "end_line", "end_column", "message", "fix")

    def __new__(cls, line: int, column: int, end_line: int, end_column: int, message: str, fix: Fix | None = None):
        return tuple.__new__(cls, (line, column, end_line, end_column, message, fix))


def problem_at(line: int, start: int, end: int, message: str, replacement: str | None = None) -> Problem:
    """A problem spanning 0-based ``[start, end)`` of one line, optionally fixed by ``replacement``."""
    fix = Fix(line, start + 1, line, end + 1, replacement) if replacement is not None else None
    return Problem(line, start + 1, line, end + 1, message, fix)


class Rule:
    code: str = ""
    name: str = ""
    severity: str = "warning"
    fixable: bool = False
    examples: dict[str, list[str]] = {"bad": [], "good": []}

    @classmethod
    def summary(cls) -> str:
        return cls.doc().split("\n", 1)[0]

    doc_zh: str = ""  # the documentation in Chinese

    @classmethod
    def doc(cls, language: str | None = None) -> str:
        """The rule's documentation in ``language`` (default: the run's), Chinese when the
        rule has it written so, else the class docstring."""
        import inspect  # only for documentation: not imported by a run

        from ..i18n import language as current

        if (language or current()) == "zh" and cls.doc_zh:
            return inspect.cleandoc(cls.doc_zh)
        return inspect.cleandoc(cls.__doc__ or "")

    def check(self, ctx) -> Iterable[Problem]:  # pragma: no cover - interface; ctx: lint.engine.Context
        raise NotImplementedError


# Text wrapped at a page's width: at least WRAP_LINES lines of WRAP_MIN characters or more.
WRAP_MIN, WRAP_LINES = 16, 6


def wrapped(doc) -> bool:
    """Text cut into lines of a page's width (from a PDF): most of its longer lines end
    mid-sentence, so its paragraphs and headings cannot be told (worked out once)."""
    found = doc.extra.get("wrapped")
    if found is None:
        found = doc.extra["wrapped"] = _wrapped(doc)
    return found


def _wrapped(doc) -> bool:
    lines = [line.view.rstrip() for line in doc.lines if len(line.view.strip()) >= WRAP_MIN]
    if len(lines) < WRAP_LINES:
        return False
    cut = sum(1 for view in lines if view[-1].isalnum())
    return cut * 2 >= len(lines)


def sections_of(report) -> list:
    """``list(report.walk())``, worked out once per report: several rules walk the tree."""
    sections = report.cache.get("sections")
    if sections is None:
        sections = report.cache["sections"] = list(report.walk())
    return sections


def heading_lines(report) -> set[int]:
    """The line numbers of the report's headings (once per report)."""
    lines = report.cache.get("heading_lines")
    if lines is None:
        lines = report.cache["heading_lines"] = {s.heading.line for s in sections_of(report)}
    return lines


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of ``spans`` (sorted, non-overlapping: one finditer's)."""
    i = bisect.bisect_left(spans, (end,)) - 1  # the last span starting before ``end``
    return i >= 0 and spans[i][1] > start


def spans_of(matcher, view: str) -> list[tuple[int, int]]:
    """The spans ``matcher`` (an ``allow`` list, say; None: no list) finds in ``view``."""
    return [m.span() for m in matcher.finditer(view)] if matcher else []


# --- headings, numbered or not --------------------------------------------------------------

# A short line on its own, without sentence punctuation, reads as a heading even
# without a number (存在的问题：).
BARE_HEADING_MAX = 20
# The rank of an unnumbered heading line: below every numbered level.
BARE_RANK = 5


def heading_spans(report) -> list[tuple[int, int, int, str, int]]:
    """(line, column, end_column, text, rank) of every heading, numbered (rank = level) or
    not (a short line, rank BARE_RANK); once per report."""
    spans = report.cache.get("heading_spans")
    if spans is None:
        sections = sections_of(report)
        spans = [(s.heading.line, s.heading.column, s.heading.end_column, s.heading.view, s.heading.level)
                 for s in sections]
        for section_paras in [report.opening] + [s.paragraphs for s in sections]:
            for p in section_paras:
                text = p.view.strip()
                if len(text) <= BARE_HEADING_MAX and text[-1] not in "。；;，,":
                    spans.append((p.line, p.column, p.end_column, text, BARE_RANK))
        report.cache["heading_spans"] = spans
    return spans


def matching_spans(report, spec) -> list[tuple[int, int, int, str, int]]:
    """The heading spans whose text satisfies a required section (once per report and section)."""
    key = ("matching_spans", id(spec))
    spans = report.cache.get(key)
    if spans is None:
        spans = report.cache[key] = [s for s in heading_spans(report) if spec.headings.search(s[3])]
    return spans
