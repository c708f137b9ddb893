from __future__ import annotations

import re

from .base import Problem, Rule, sections_of

# A short line on its own, without sentence punctuation, reads as a heading even
# without a number (存在的问题：).
BARE_HEADING_MAX = 20


# The rank of an unnumbered heading line: below every numbered level.
BARE_RANK = 5


def heading_spans(report) -> list[tuple[int, int, int, str, int]]:
    """(line, column, end_column, text, rank) of every heading, numbered (rank = level) or not."""
    spans = report.cache.get("heading_spans")
    if spans is None:
        spans = report.cache["heading_spans"] = _heading_spans(report)
    return spans


def matching_spans(report, spec) -> list[tuple[int, int, int, str, int]]:
    """The heading spans whose text satisfies a required section (once per report and section)."""
    key = ("matching_spans", id(spec))
    spans = report.cache.get(key)
    if spans is None:
        pattern = _any_heading(spec)
        if pattern is not None:
            spans = [s for s in heading_spans(report) if pattern.search(s[3])]
        else:
            spans = [s for s in heading_spans(report) if any(p.search(s[3]) for p in spec.headings)]
        report.cache[key] = spans
    return spans


_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")
_ANY_HEADING: dict[int, tuple] = {}  # id(spec) → (spec, one pattern for its headings, or None)


def _any_heading(spec):
    """One alternation that finds a heading when any of ``spec.headings`` does (None when a
    pattern refers to its own groups, which an alternation would renumber)."""
    entry = _ANY_HEADING.get(id(spec))
    if entry is None or entry[0] is not spec:
        pattern = None
        if not any(_GROUP_REFERENCE.search(p.pattern) for p in spec.headings):
            from ..regex import combine

            try:
                pattern = combine(spec.headings)
                pattern = getattr(pattern, "lookahead", pattern)  # headings are short: one call each
            except (re.error, ValueError):  # e.g. inline flags, which only lead a whole pattern
                pattern = None
        entry = _ANY_HEADING[id(spec)] = (spec, pattern)
    return entry[1]


def _heading_spans(report) -> list[tuple[int, int, int, str, int]]:
    sections = sections_of(report)
    out = [(s.heading.line, s.heading.column, s.heading.end_column, s.heading.view, s.heading.level)
           for s in sections]
    for section_paras in [report.opening] + [s.paragraphs for s in sections]:
        for p in section_paras:
            text = p.view.strip()
            if len(text) <= BARE_HEADING_MAX and text[-1] not in "。；;，,":
                out.append((p.line, p.column, p.end_column, text, BARE_RANK))
    return out


def heading_candidates(report) -> list[tuple[int, str]]:
    """(line, text) of every heading, numbered or not."""
    return [(line, text) for line, _col, _end, text, _rank in heading_spans(report)]


def section_lines(report, spec) -> list[int]:
    """Lines of the headings that satisfy a required section."""
    return [span[0] for span in matching_spans(report, spec)]


def has_text(doc) -> bool:
    """Whether a line of ``doc`` holds more than white space.

    For plain text the lines' views and their line ends (white space) are the text, so
    one look at it tells.
    """
    if doc.kind == "text":
        return bool(doc.text) and not doc.text.isspace()
    return any(line.view.strip() for line in doc.lines)


class MissingSection(Rule):
    """A required section is missing (缺少必需章节).

    The profile (述职报告 by default) names the sections a report must have — work done
    (工作情况), problems (存在问题) and next steps (下一步打算) — each with the heading
    wordings real reports use (履职情况, 主要工作, 工作成效, 存在的不足, 差距和不足,
    问题及原因, 下步工作思路, 今后努力方向, …). A section is present when any heading
    matches one of them. One finding per missing section, at the title (line 1 when
    there is no title), naming the section and headings that would satisfy it.

    An empty document is left to ``missing-title``, which reports it once.

    Sections and wordings live in the rule pack under ``profiles``; a pack can add
    wordings or replace a profile's required sections.
    """

    code = "RL201"
    name = "missing-section"
    severity = "error"
    examples = {
        "bad": ["述职报告\n\n一、主要工作\n\n做了很多工作。\n\n二、存在的问题\n\n学习不够。\n"],
        "good": ["述职报告\n\n一、主要工作\n\n做了很多工作。\n\n二、存在的不足\n\n学习不够。\n\n"
                 "三、下一步打算\n\n加强学习。\n"],
    }

    def check(self, ctx):
        report = ctx.report
        if not has_text(ctx.doc):
            return  # an empty document: missing-title says so, once
        if report.title is not None:
            line, col, end = report.title.line, report.title.column, report.title.end_column
        else:
            line, col, end = 1, 1, len(ctx.doc.lines[0].text.rstrip()) + 1
        for spec in ctx.profile.sections:
            if not section_lines(report, spec):
                hint = "、".join(spec.examples[:5])
                hint = f"（如「{hint}」）" if hint else ""
                yield Problem(line, col, line, max(end, col), f"缺少「{spec.name}」部分：没有符合的标题{hint}")
