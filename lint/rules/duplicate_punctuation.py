from __future__ import annotations

import re

from .base import Rule, lines_to_search, problem_at

_RUN = re.compile(r"[。，、；：！？]{2,}")
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
        for line in lines_to_search(ctx.doc, _RUN):
            for m in _RUN.finditer(line.view):
                run = m.group()
                if run in _ALLOWED:
                    continue
                keep = strongest(run)
                yield problem_at(line.number, m.start(), m.end(), f"标点重复「{run}」，应为「{keep}」", keep)
