from __future__ import annotations

import re

from .base import Rule, problem_at

# Opening mark → closing marks that end it. Half-width ( ) pair with the full-width
# ones (a mixed "（试行)" is the halfwidth-punctuation rule's business) but are never
# reported here themselves.
PAIRS = {"“": "”", "‘": "’", "《": "》", "（": "）)", "(": "）)", "【": "】", "「": "」"}
OPENERS = set(PAIRS)
CLOSERS = {c for closing in PAIRS.values() for c in closing}
REPORTED = set("“”‘’《》（）【】「」")
CLOSED_BY = {c: [o for o, closing in PAIRS.items() if c in closing] for c in CLOSERS}
_MARKS = re.compile("[" + re.escape("".join(sorted(OPENERS | CLOSERS))) + "]")  # sorted: the same pattern every run
# An opening mark followed at once by a closing mark that ends it.
_ADJACENT = re.compile("|".join(re.escape(o) + "[" + re.escape(c) + "]" for o, c in PAIRS.items()))
_ROUNDS = 6
# A closing bracket after a short enumerator is a list number: 1）加强学习，2）做好…
_ENUMERATOR = re.compile(r"(?:^|[\s。；;，,：:、])[0-9A-Za-z一二三四五六七八九十]{1,3}$")


def _apostrophe(view: str, i: int) -> bool:
    """’ between Latin letters is an apostrophe (don’t), not a closing quote."""
    return 0 < i < len(view) - 1 and view[i - 1].isascii() and view[i - 1].isalpha() and view[i + 1].isascii()


def _balanced(marks: str) -> bool:
    """Whether ``marks`` (a line's paired marks, in order) cancels out pair by pair.

    Deleting adjacent partners repeatedly empties a sequence exactly when every mark
    has its partner, and then :func:`unmatched` finds nothing. Only a few rounds are
    tried (deep nesting is rare), so a long line costs linear time either way.
    """
    return not _reduced(marks)


def _reduced(marks: str) -> str:
    """``marks`` after up to _ROUNDS rounds of deleting adjacent partners (fewer once a
    round deletes nothing)."""
    for _ in range(_ROUNDS):
        if not marks:
            return marks
        reduced = _ADJACENT.sub("", marks)
        if len(reduced) == len(marks):
            return marks
        marks = reduced
    return marks


# Runs of anything but a paired mark or a line end: deleting them leaves the marks.
_NOT_MARKS_OR_LF = re.compile("[^" + _MARKS.pattern[1:-1] + "\n]+")


def lines_to_follow(doc) -> list:
    """The lines :func:`unmatched` finds something on may be among: those whose marks do
    not cancel out (:func:`_balanced`), or that hold a ’ (it may be an apostrophe).

    For plain text with LF line ends, the marks of the whole document are taken in one
    pass (all else deleted), with each line end kept as a separator; no pair spans a
    separator, so each round of :func:`_reduced` on the whole does to each line what it
    would do on the line alone, and a line's piece of the result is its own.
    """
    if doc.kind != "text" or "\r" in doc.text:
        return [line for line in doc.lines if unmatched_may_find(line.view)]
    marks = _NOT_MARKS_OR_LF.sub("", doc.text)
    pieces, left = marks.split("\n"), _reduced(marks).split("\n")
    return [line for line, piece, rest in zip(doc.lines, pieces, left) if piece and (rest or "’" in piece)]


def unmatched_may_find(view: str) -> bool:
    """Whether :func:`unmatched` has to follow ``view`` pair by pair."""
    marks = "".join(_MARKS.findall(view))
    return bool(marks) and ("’" in marks or not _balanced(marks))


def unmatched(view: str) -> list[tuple[int, str]]:
    """(index, message) of each paired mark in ``view`` without its partner."""
    if not unmatched_may_find(view):  # ’ may be an apostrophe
        return []
    return pair_by_pair(view)


def pair_by_pair(view: str) -> list[tuple[int, str]]:
    """What :func:`unmatched` finds, by following the marks of ``view`` one at a time."""
    out, stack = [], []
    # For each opening mark, the places in ``stack`` that hold it (ascending), so the
    # innermost opener a closer may end is found without walking the whole stack.
    held: dict[str, list[int]] = {o: [] for o in OPENERS}
    for found in _MARKS.finditer(view):
        i, ch = found.start(), found.group()
        if ch in OPENERS:
            held[ch].append(len(stack))
            stack.append(i)
        else:
            if ch == "’" and _apostrophe(view, i):
                continue
            k = max((held[o][-1] for o in CLOSED_BY[ch] if held[o]), default=None)
            if k is None:
                # the enumerator before it is at most 3 characters and a separator
                if not (ch in "）)" and _ENUMERATOR.search(view, max(0, i - 4), i)):
                    opener = next(o for o, c in PAIRS.items() if ch in c)
                    out.append((i, f"「{ch}」前面没有与之配对的「{opener}」"))
                continue
            out += [(j, f"「{view[j]}」没有与之配对的「{PAIRS[view[j]][0]}」") for j in stack[k + 1:]]
            for j in stack[k:]:
                held[view[j]].pop()
            del stack[k:]
    out += [(j, f"「{view[j]}」没有与之配对的「{PAIRS[view[j]][0]}」") for j in stack]
    return sorted((i, msg) for i, msg in out if view[i] in REPORTED)


class UnbalancedPair(Rule):
    """Unbalanced quotation mark or bracket (引号、括号不配对).

    Within a paragraph, each “ needs its ”, and likewise ‘ ’, 《 》, （ ）, 【 】 and
    「 」. The finding points at the mark without a partner: an opening mark never
    closed, or a closing mark never opened. Nested pairs are followed (“学习‘两个
    维护’”); a half-width ``(`` or ``)`` may close or open a full-width one.

    Left alone: an apostrophe in English (``don’t``), and a closing bracket after a
    list number (``1）加强学习``, ``（2）`` and ``2）`` alike).
    """

    doc_zh = """引号、括号不配对。

    同一段内每个 “ 要有 ”，‘ ’、《 》、（ ）、【 】、「 」 同样。报告在缺少另一半的那个符号上：
    没有闭合的开符号，或没有打开的闭符号。嵌套的成对符号会逐层配对（“学习‘两个维护’”）；
    半角的 ( 或 ) 也可以与全角的配对。

    不报：英文中的撇号（don’t），以及列表序号后的闭括号（1）加强学习、（2）、2） 都一样）。
    """  # the documentation in Chinese (--explain, --list-rules with --lang zh)

    code = "RL302"
    name = "unbalanced-pair"
    severity = "warning"
    examples = {
        "bad": ["牢固树立“四个意识，坚定“四个自信”。", "认真学习《条例，严格执行。",
                "完善制度机制）。", "学习【专题摘编。"],
        "good": ["牢固树立“四个意识”。", "学习“两个‘维护’”精神。", "认真执行《中国共产党纪律处分条例》。",
                 "1）加强学习；2）改进作风。", "党委（党组）书记。", "We don’t stop."],
    }

    def check(self, ctx):
        for line in lines_to_follow(ctx.doc):
            for i, message in pair_by_pair(line.view):
                yield problem_at(line.number, i, i + 1, message)
