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

from ..prefilter import context_free, first_class, starts_finder
from ..record import Value

SEVERITIES = ("error", "warning", "info")


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


def lines_to_search(doc, pattern) -> list:
    """The lines where ``pattern`` may match ``view``: for plain text, the lines one search
    of the document's text finds it on; otherwise every line.

    Only for a pattern that cannot match a line end and whose matches do not depend on
    what surrounds them (no anchors or lookaround): a match inside a line's view is then
    a match inside the text, which is the lines' views and their line ends.

    Where the pattern starts with known characters, the search steps over all others
    in ``re``'s own loop (:func:`~lint.prefilter.starts_finder`).
    """
    if doc.kind != "text":
        return doc.lines
    return lines_where(doc, starts_finder(pattern).search)


def lines_that_may_match(doc, pattern) -> list:
    """Lines of ``doc`` that include every line whose view ``pattern`` matches, in order
    (perhaps a few more); a rule then runs ``pattern`` on each as it would on every line.

    For plain text, found by searching the document's text once:

    - a pattern free of anchors and lookarounds (:func:`~lint.prefilter.context_free`)
      matching inside a line's view matches at the same place in the text, so the lines
      where it matches in the text are enough (one a match runs into from the line
      before is a spare);
    - any other pattern starts each match with a character of its first-character class
      (:func:`~lint.prefilter.first_class`): the lines holding one of those are enough.

    Every line when neither applies or the views are not the text (Markdown, Word).
    """
    if pattern is None or doc.kind != "text":
        return doc.lines
    if context_free(pattern):
        return lines_where(doc, starts_finder(pattern).search)
    first = first_class(pattern)
    return doc.lines if first is None else lines_where(doc, first.search)


def lines_where(doc, search) -> list:
    """The lines holding a position ``search`` (on the document's views) finds, in order.

    After a find the search goes on from the start of the next line: the rest of a
    line already found need not be looked at. A find in a line end counts for the
    line it ends.
    """
    text, lines = doc.view_text, doc.lines
    found: list = []
    m = search(text)
    if m is None:
        return found
    starts = [line.offset for line in lines]
    while m is not None:
        i = bisect.bisect_right(starts, m.start()) - 1
        found.append(lines[i])
        if i + 1 == len(lines):
            break
        m = search(text, starts[i + 1])
    return found
