from __future__ import annotations

import re

from .base import Rule, problem_at

FULL = "。，、；：！？"
# The half-width forms of ，；：！ (web pages often show those). Not ``?``: copied text shows
# a character its encoding lost as ``?`` (書??), which says nothing about punctuation.
HALF = ",;:!"
# A quotation mark doubled (``““十四五””``, what a converter or an editor's smart quotes
# leave): a run of one mark, never an opening and a closing one (``“”``).
QUOTES = "“”"
_RUN = re.compile(f"[{FULL}{HALF}]{{2,}}")
_QUOTE_RUN = re.compile("|".join(f"{q}{{2,}}" for q in QUOTES))
# Strongest first: a fix keeps the strongest mark of the run.
_STRENGTH = "。？！；：，、"
_FULL_FORM = str.maketrans(HALF, "，；：！")
# Emphatic pairs that are written on purpose.
_ALLOWED = {a + b for a in "？?" for b in "！!"} | {b + a for a in "？?" for b in "！!"}


def strongest(run: str) -> str:
    """The mark a run is reduced to: its strongest, full-width when the run mixes widths
    (a run of quotation marks: one of them)."""
    if run[0] in QUOTES:
        return run[0]
    best = min(run.translate(_FULL_FORM), key=_STRENGTH.index)
    if any(ch in FULL for ch in run):
        return best
    return run[[ch.translate(_FULL_FORM) for ch in run].index(best)]  # all half-width: stays so


def _chinese(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" or "\uf900" <= ch <= "\ufaff"


class DuplicatePunctuation(Rule):
    """Doubled Chinese punctuation (标点重复).

    Flags a run of two or more of 。，、；：！？ — ``。。``, ``，，``, ``、、`` and mixed
    runs such as ``，。`` — spanning the whole run, and the same with half-width
    marks: ``，,`` and other runs mixing the two widths, and runs of half-width marks
    only (``,,``, ``;;``) next to Chinese text; a doubled quotation mark (``““十四五””``)
    too. The fix keeps one mark, the strongest of the run (。？！ before ； before ：
    before ， before 、), in its full-width form when the run has one.
    ``……`` and ``——`` are single marks and never flagged, nor is a closing quote or
    bracket next to punctuation (``”。``, ``》，``, ``）。``), nor the emphatic ``？！``,
    nor half-width runs among Latin text or code (``std::string``, ``a,,b``).
    """

    doc_zh = """标点重复。

    报告两个或更多连用的 。，、；：！？——。。、，，、、、以及 ，。 之类的混合连用——范围是整串；
    全角半角混用（，,）和中文旁的半角连用（,,、;;）同样报告。修正时只留一个，取其中最强的
    （。？！ 先于 ；，再 ：，再 ，，再 、），串中有全角的就用全角。重复的引号（““十四五””）也报告。

    不报：…… 和 —— 本来就是一个标点；引号、括号后接标点（”。、》，、）。）；表示强调的 ？！；
    英文或代码中的半角连用（std::string、a,,b）。
    """  # the documentation in Chinese (--explain, --list-rules with --lang zh)

    code = "RL102"
    name = "duplicate-punctuation"
    severity = "warning"
    fixable = True
    examples = {
        "bad": ["在大是大非问题上做到旗帜鲜明、立场坚定。。", "加强学习，，提高认识。", "主动作为，。",
                "加强学习,,提高认识。", "加强学习，,提高认识。",
                "落实““十四五””规划。"],
        "good": ["学习“四个意识”。", "所谓“”空白。", "《条例》，", "持续推进……", "问题（二）。", "难道不是吗？！",
                 "调用 std::sort 排序。"],
    }

    def check(self, ctx):
        for line in ctx.doc.lines:
            view = line.view
            runs = _RUN.finditer(view)
            if "““" in view or "””" in view:  # (rare: not worth a second search of every line)
                runs = sorted([*runs, *_QUOTE_RUN.finditer(view)], key=lambda m: m.start())
            for m in runs:
                run = m.group()
                if run in _ALLOWED:
                    continue
                if run[0] not in QUOTES and not any(ch in FULL for ch in run):  # half-width only: beside Chinese text
                    before = view[m.start() - 1] if m.start() else ""
                    after = view[m.end()] if m.end() < len(view) else ""
                    if not (_chinese(before) or _chinese(after)):
                        continue
                keep = strongest(run)
                yield problem_at(line.number, m.start(), m.end(), f"标点重复「{run}」，应为「{keep}」", keep)
