from __future__ import annotations

import bisect
import re
from functools import cache

from ..matcher import Matcher
from .base import Fix, Problem, Rule, problem_at

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


@cache
def _han_class() -> re.Pattern:
    """The class of HAN (compiled when a line first has a half-width parenthesis, not on
    every start: it takes milliseconds)."""
    return re.compile(f"[{HAN}]")


def _han(ch: str) -> bool:
    """Whether ``ch`` is a Chinese character (a class of HAN's ranges costs milliseconds to
    compile; one character is told by comparing)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


# What may stand before a half-width mark that ends a Chinese clause, and after one
# that leads into Chinese text (besides a Chinese character).
_CN_BEFORE = "。，、；：？！…—”’》）】」』"
_CN_AFTER = "“‘《（【「『"
FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_MARK = re.compile(r"[,;:?!]")
# Every character a finding can start at: a line without one is skipped at once.
_TRIGGER = re.compile(r"[,;:?!()]")
_FULL_MARKS = re.compile(r"[，；：？！]")
# Text whose half-width marks are not Chinese punctuation: URLs, e-mail addresses,
# numbers, times and ratios (1,306  10:30  3:1), a Markdown image's "![".
# A scheme or an address starts where its run of characters starts: without the
# lookbehinds a long run of letters with no "://" or "@" is rescanned from each letter.
_URL_CHARS = r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+"
# The scheme is tried once per run of scheme characters (skipping leading digits, which
# cannot start it), so a long run without "://" is not rescanned from every letter.
_URL = re.compile(r"(?<![A-Za-z0-9+.-])[0-9+.-]*(?P<url>[A-Za-z][A-Za-z0-9+.-]*://" + _URL_CHARS + ")"
                  r"|(?P<www>www\." + _URL_CHARS + ")")
_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_NUMBER = Matcher.of([r"(?<=\d)[,:](?=\d)", r"!(?=\[)"])
_URL_TAIL = ",.;:!?)"
# A document using half-width marks this often, and more than full-width ones, is
# reported once rather than on every line.
CONSISTENT_MIN = 5
_SPACES = re.compile(" *")
_PARENS = re.compile(r"[()]")
_NUMERALS = "一二三四五六七八九十"


def _masked(view: str) -> list[tuple[int, int]]:
    spans = []
    # Each pattern is run only on a line holding what every match of it holds: "://" or
    # "www." for a URL, "@" for an e-mail address (their runs are the slow part).
    if "://" in view or "www." in view:
        for m in _URL.finditer(view):
            start, end = m.span("url") if m.group("url") else m.span("www")
            while end > start and view[end - 1] in _URL_TAIL:
                end -= 1
            spans.append((start, end))
    if "@" in view:
        spans += [m.span() for m in _EMAIL.finditer(view)]
    spans += [m.span() for m in _NUMBER.finditer(view)]
    merged: list[list[int]] = []  # sorted and disjoint, for _inside's binary search
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def _inside(spans: list[tuple[int, int]], i: int) -> bool:
    """Whether ``i`` lies in one of ``spans`` (sorted, disjoint: from _masked)."""
    k = bisect.bisect_right(spans, (i, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= i < spans[k][1]


def halfwidth_marks(view: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) of each half-width mark used as Chinese punctuation."""
    if not _TRIGGER.search(view):  # most lines hold no ASCII mark at all
        return []
    masked = None  # worked out only for a mark that stands in Chinese text
    hits = []
    last = len(view.rstrip())  # text goes on after ``end`` iff last > end
    for m in _MARK.finditer(view):
        i = m.start()
        before = view[i - 1] if i else ""
        after = view[i + 1] if i + 1 < len(view) else ""
        if not (_han(before) or (before and before in _CN_BEFORE) or _han(after) or (after and after in _CN_AFTER)):
            continue
        if masked is None:
            masked = _masked(view)
        if _inside(masked, i):
            continue
        end = i + 1
        spaces = _SPACES.match(view, end).end() - end
        if spaces and last > end:
            end += spaces  # "透明度, 严格" → "透明度，严格"
        hits.append((i, end, FULL[m.group()]))
    if "(" in view or ")" in view:
        hits += _parentheses(view, _masked(view) if masked is None else masked)
    return sorted(hits)


def _parentheses(view: str, masked) -> list[tuple[int, int, str]]:
    """Half-width ( ) around Chinese text, or glued to it when unmatched."""
    hits, stack = [], []
    if "(" not in view and ")" not in view:
        return hits
    parens = [m.start() for m in _PARENS.finditer(view)]
    # The first Chinese character after each parenthesis, found right to left so that
    # each stretch of the line is searched once.
    next_han, after = {}, len(view)
    for k in range(len(parens) - 1, -1, -1):
        bound = parens[k + 1] if k + 1 < len(parens) else len(view)
        m = _han_class().search(view, parens[k] + 1, bound)
        after = m.start() if m else after
        next_han[parens[k]] = after
    for i in parens:
        ch = view[i]
        if _inside(masked, i):
            continue
        if ch == "(":
            stack.append(i)
        elif stack:
            start = stack.pop()
            if next_han[start] < i:  # a Chinese character between them
                hits += [(start, start + 1, "（"), (i, i + 1, "）")]
        elif i and _han(view[i - 1]) and not _numeral_before(view, i):
            hits.append((i, i + 1, "）"))
    for start in stack:
        if start + 1 < len(view) and _han(view[start + 1]):
            hits.append((start, start + 1, "（"))
    return hits


def _numeral_before(view: str, i: int) -> bool:
    """Whether ``view[:i]`` ends in 一–十 (one or two) at its start or after a space or 、，。；：."""
    for length in (1, 2):
        p = i - length
        if p < 0 or view[p] not in _NUMERALS:
            return False
        if p == 0 or view[p - 1].isspace() or view[p - 1] in "，。；：、":
            return True
    return False


class HalfwidthPunctuation(Rule):
    """Half-width punctuation in Chinese text (中文中使用半角标点).

    Flags an ASCII ``,`` ``;`` ``:`` ``?`` ``!`` that follows a Chinese character (or
    a closing ``”`` ``》`` ``）``) or leads straight into Chinese text — ``透明度,严格``,
    ``作用;有的``, ``情况如下:`` — and ASCII ``( )`` around Chinese text
    (``网站(共产党员网等)``). The fix is the full-width mark (``，`` ``；`` ``：`` ``？``
    ``！`` ``（`` ``）``), taking any spaces after the mark with it.

    Left alone: numbers, times and ratios (``1,306``, ``10:30``, ``3:1``, ``95.5%``),
    URLs and e-mail addresses, English phrases (``Hello, world!``), parentheses around
    English or digits (``(PPT)``), and Markdown syntax in ``.md`` files.

    A document that uses half-width marks throughout (at least five, and more than
    full-width ones — text pasted from a web page) is reported once, at the first
    mark, with one fix covering them all.
    """

    doc_zh = """中文中使用半角标点。

    报告跟在汉字（或 ” 》 ） 等闭合符号）后面、或直接接中文的 ASCII , ; : ? !——透明度,严格、
    作用;有的、情况如下:——以及括住中文的 ASCII ( )（网站(共产党员网等)）。修正为全角标点
    （， ； ： ？ ！ （ ）），连同标点后的空格一起替换。

    不报：数字、时间和比例（1,306、10:30、3:1、95.5%），网址和电子邮件地址，英文短语
    （Hello, world!），括住英文或数字的括号（(PPT)），以及 .md 文件中的 Markdown 语法。

    全文都用半角标点的文稿（至少五个，且多于全角标点——从网页粘贴来的文本）只在第一个标点处
    报告一次，一个修正覆盖全部。
    """  # the documentation in Chinese (--explain, --list-rules with --lang zh)

    code = "RL301"
    name = "halfwidth-punctuation"
    severity = "warning"
    fixable = True
    examples = {
        "bad": ["增强党组织工作透明度,严格督促落实。", "没有发挥作用;有的党员积极性不够。",
                "现将情况报告如下:", "是否做到了?", "在网站(共产党员网等)发布。"],
        "good": ["共受理1,306件，比例3:1，办结率95.5%。", "上午10:30召开会议。",
                 "详见https://example.com/a?b=1,2。", "联系邮箱：office@example.com。",
                 "他说“Hello, world!”。", "制作课件(PPT)。", "增强透明度，严格落实。"],
    }

    def check(self, ctx):
        doc = ctx.doc
        hits = [(line, start, end, repl) for line in doc.lines for start, end, repl in halfwidth_marks(line.view)]
        if not hits:
            return
        if len(hits) >= CONSISTENT_MIN and len(hits) > self._full_marks(doc):
            yield self._whole_document(doc, hits)
            return
        for line, start, end, repl in hits:
            mark = line.text[start:end].strip()
            yield problem_at(line.number, start, end, f"中文中使用半角标点「{mark}」，应为「{repl}」", repl)

    @staticmethod
    def _full_marks(doc) -> int:
        """How many full-width ， ； ： ？ ！ the document's text uses."""
        if doc.kind == "text":  # the lines' views are the text (and line ends hold no mark)
            return sum(map(doc.text.count, "，；：？！"))
        return sum(len(_FULL_MARKS.findall(line.view)) for line in doc.lines)

    @staticmethod
    def _whole_document(doc, hits) -> Problem:
        first, last = hits[0], hits[-1]
        pieces, pos = [], first[0].offset + first[1]
        for line, start, end, repl in hits:
            pieces += [doc.text[pos: line.offset + start], repl]
            pos = line.offset + end
        fix = Fix(first[0].number, first[1] + 1, last[0].number, last[2] + 1, "".join(pieces))
        mark = first[0].text[first[1]: first[2]].strip()
        return Problem(first[0].number, first[1] + 1, first[0].number, first[2] + 1,
                       f"全文使用半角标点（共{len(hits)}处，首处「{mark}」），中文应使用全角标点", fix)
