from __future__ import annotations

import re

from .base import Rule, lines_where, problem_at

_RUN = re.compile(r"[。，、；：！？]{2,}")
# Where a run starts: a mark followed by a mark. Starting with a class, it lets ``re``
# skip the other characters in its own loop (a leading repeat does not).
_RUN_START = re.compile(r"[。，、；：！？](?=[。，、；：！？])")
# Strongest first: a fix keeps the strongest mark of the run.
_STRENGTH = "。？！；：，、"
# Emphatic pairs that are written on purpose.
_ALLOWED = {"？！", "！？"}


def strongest(run: str) -> str:
    return min(run, key=_STRENGTH.index)


class DuplicatePunctuation(Rule):
    """Doubled Chinese punctuation (标点重复).

    Flags a run of two or more of 。，、；：！？ — ``。。``, ``，，``, ``、、`` and mixed
    runs such as ``，。`` — spanning the whole run. The fix keeps one mark, the
    strongest of the run (。？！ before ； before ： before ， before 、).
    ``……`` and ``——`` are single marks and never flagged, nor is a closing quote or
    bracket next to punctuation (``”。``, ``》，``, ``）。``), nor the emphatic ``？！``.
    """

    code = "RL102"
    name = "duplicate-punctuation"
    severity = "warning"
    fixable = True
    examples = {
        "bad": ["在大是大非问题上做到旗帜鲜明、立场坚定。。", "加强学习，，提高认识。", "主动作为，。"],
        "good": ["学习“四个意识”。", "《条例》，", "持续推进……", "问题（二）。", "难道不是吗？！"],
    }

    def check(self, ctx):
        lines = lines_where(ctx.doc, _RUN_START.search) if ctx.doc.kind == "text" else ctx.doc.lines
        for line in lines:  # the lines holding a run (lines_to_search)
            for m in _RUN.finditer(line.view):
                run = m.group()
                if run in _ALLOWED:
                    continue
                keep = strongest(run)
                yield problem_at(line.number, m.start(), m.end(), f"标点重复「{run}」，应为「{keep}」", keep)
