from __future__ import annotations

import bisect

from .base import Problem, Rule, lines_that_may_match


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
        # Blanks stand every few characters on a line that holds one (共X人，X次，XX%),
        # where re's own finditer beats stepping from start to start in Python.
        finditer = getattr(pattern, "lookahead", pattern).finditer
        messages: dict[str, str] = {}  # the same few blanks (X, XX, ××) recur
        for line in lines_that_may_match(ctx.doc, pattern):
            view, number = line.view, line.number
            allowed = None  # looked for at the line's first blank
            for m in finditer(view):
                if allowed is None:
                    allowed = allowed_spans(allow, view)
                start, end = m.span()
                if allowed and overlaps(allowed, start, end):
                    continue
                text = m.group()
                message = messages.get(text)
                if message is None:
                    message = messages[text] = f"未填写的占位符「{text}」"
                yield Problem(number, start + 1, number, end + 1, message)


def allowed_spans(allow, view: str) -> list[tuple[int, int]]:
    """Spans of ``view`` that ``placeholder.allow`` matches (looked for only on a line with a blank)."""
    return [m.span() for m in allow.finditer(view)] if allow else []
