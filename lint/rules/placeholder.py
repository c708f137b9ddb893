from __future__ import annotations

import bisect

from .base import Rule, problem_at


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of ``spans`` (sorted, non-overlapping: one finditer's)."""
    i = bisect.bisect_left(spans, (end,)) - 1  # the last span starting before ``end``
    return i >= 0 and spans[i][1] > start


class Placeholder(Rule):
    """Unfilled template placeholder (未填写的占位符).

    Templates from material sites stand ``X``/``XX``/``××``/``ＸＸ`` in for names and
    numbers, ``*`` for a figure or a name, and ``AAA`` for a blank. Each run is one
    finding spanning exactly its characters. Legitimate text is left alone: ``X射线``,
    ``X光机``, ``1+X证书``, ``5×8米``, ``AAA级信用企业``, ``4A级景区``, English words
    and acronyms, Markdown bullets and ``**bold**``.

    The patterns and the exceptions live in the rule pack (``placeholder.patterns``
    and ``placeholder.allow``), so a pack can add a template's own blanks. Never
    fixed automatically: only the author knows what belongs there.
    """

    code = "RL101"
    name = "placeholder"
    severity = "error"
    examples = {
        "bad": ["共受理话务X件，办结率X%。", "××局党组会议", "共开展中心组学习*次。", "建立工作AAA群。"],
        "good": ["配备X光机两台。", "推进1+X证书试点。", "展板5×8米。", "获评AAA级信用企业。", "用Excel汇总。"],
    }

    def check(self, ctx):
        pattern = ctx.pack.combined("placeholder.patterns")
        allow = ctx.pack.combined("placeholder.allow")
        if pattern is None:
            return
        for line in ctx.doc.lines:
            view = line.view
            if not pattern.search(view):
                continue
            allowed = [m.span() for m in allow.finditer(view)] if allow else []
            for m in pattern.finditer(view):
                if not overlaps(allowed, m.start(), m.end()):
                    yield problem_at(line.number, m.start(), m.end(), f"未填写的占位符「{m.group()}」")
