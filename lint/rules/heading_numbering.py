from __future__ import annotations

from .base import Problem, Rule, sections_of, wrapped

CN = "零一二三四五六七八九"


def _bare_heading(view: str) -> bool:
    """A short line without sentence or clause marks (but for a colon at its end): a heading
    without a number (``存在的问题``, ``年终总结要点：``)."""
    text = view.strip().rstrip("：:")
    return 2 <= len(text) <= BARE_MAX and not any(ch in text for ch in "。；;，,：:！!？?")


BARE_MAX = 20
# lint.debris's messages for text a site hid: numbering across them is not judged
PAYWALLS = ("付费墙残留",)


def _items(paragraphs) -> list:
    """The numberings of the numbered list items among ``paragraphs``."""
    return [p.item for p in paragraphs if p.item is not None]


def int_to_cn(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三."""
    if n < 10:
        return CN[n]
    tens, ones = divmod(n, 10)
    return (CN[tens] if tens > 1 else "") + "十" + (CN[ones] if ones else "")


def render_like(h, n: int) -> str:
    """The numbering ``n`` written as ``h`` is (1、 stays 1、, 1. stays 1.)."""
    if h.style == "1." and h.marker.rstrip()[-1:] in "、．":
        return f"{n}{h.marker.rstrip()[-1]}"
    return render(h.style, n)


def render(style: str, n: int) -> str:
    """The numbering ``n`` written in a heading style: 一、 （一） 1. （1）."""
    return {"一、": f"{int_to_cn(n)}、", "（一）": f"（{int_to_cn(n)}）",
            "1.": f"{n}.", "（1）": f"（{n}）"}.get(style, str(n))


def sequence(items, number, marker, render_marker, restart: bool = False, from_one: bool = True,
             starts_run=None, breaks=None):
    """Yield (item, message) for each item that breaks the run 1, 2, 3… of its siblings.

    With ``restart`` (一是…), a 1 starts a new run and a run may begin elsewhere than 1
    (it is judged from its first number on); without it (headings under one parent),
    the run must start at 1 (unless not ``from_one``) and a later 1 is out of order,
    except where ``starts_run(item)`` says a new run begins there. Where ``breaks(item)``
    says text is missing before an item, the run goes on from that item's number.
    """
    expected = None
    for item in items:
        n = number(item)
        if expected is not None and breaks is not None and breaks(item):
            expected = n + 1
            continue
        if expected is None or (restart and n == 1) or (n == 1 and starts_run is not None and starts_run(item)):
            if expected is None and n != 1 and not restart and from_one:
                yield item, f"序号从「{marker(item)}」开始，缺少「{render_marker(item, 1)}」"
            expected = n + 1
            continue
        if n == expected:
            expected += 1
        elif n > expected:
            missing = render_marker(item, expected)
            if n > expected + 1:
                missing += "」…「" + render_marker(item, n - 1)
            yield item, f"序号跳号：「{marker(item)}」之前缺少「{missing}」"
            expected = n + 1
        elif n == expected - 1:
            yield item, f"序号重复：「{marker(item)}」与上一项相同"
        else:
            yield item, f"序号顺序错误：「{marker(item)}」出现在「{render_marker(item, expected - 1)}」之后"


class HeadingNumbering(Rule):
    """Heading or 一是/二是 numbering out of sequence (序号错误).

    At each level, headings number 1, 2, 3… under their parent — ``一、二、三、``,
    ``（一）（二）``, ``1. 2.``, ``（1）（2）`` — and start again under a new parent or
    after a heading without a number. Flagged at the heading: a skipped number
    (``一、二、四、``), a repeated one, one out of order, a run inside a section that does
    not start at one (a ``（二）`` with no ``（一）``), and a heading whose level is used
    before its parent level appears (a ``（一）`` before any ``一、``, or a ``1.`` ahead of
    the ``（一）`` of its section). A report may skip a level throughout (``一、`` then
    ``1.``), and its top level may begin elsewhere than one (a page of a longer text).
    Numbered list items of the same style count in their headings' run; where a site's
    paywall hid part of the text (``……此处隐藏N个字……``), the run goes on from the next number.

    The inline enumeration ``一是…二是…三是…`` runs across the paragraphs of one
    section and starts again at a new ``一是``; ``一是…三是`` is flagged at ``三是``.
    A marker glued in front of a heading (``##paidbegin##（二）``) does not break the count.
    Numbered list items (a whole sentence such as ``1、圆满完成了财政决算。``, a long
    numbered line, a run of short lines none of which has a body) are not headings, and
    ``1、1-12月…`` is item 1, not a decimal number.
    """

    doc_zh = """序号错误：标题或“一是、二是”跳号、重复、颠倒。

    同一级标题在同一上级下依次编号——一、二、三、，（一）（二），1. 2.，（1）（2）——在新的上级下
    或没有序号的标题之后重新开始。报告在标题上：跳号（一、二、四、）、重复、顺序颠倒、一段序号
    不从一开始（有（二）没有（一）），以及上级尚未出现就用下级（所有“一、”之前出现“（一）”，
    或“1.”出现在本节的“（一）”之前）。全文统一跳过一级（一、之后直接 1.）不算，顶级序号也可以
    不从一开始（较长文稿中的一页）。同样格式的编号列表项计入标题的序号；网站付费墙隐藏了部分正文
    （……此处隐藏N个字……）时，从下一个序号接着数。

    段内的“一是…二是…三是…”在同一节的各段中连续计数，遇到新的“一是”重新开始；“一是…三是”报告在
    “三是”上。粘在标题前的标记（##paidbegin##（二））不打断计数。编号列表项（整句的
    “1、圆满完成了财政决算。”、较长的编号行、一串都没有正文的短编号行）不是标题，“1、1-12月…”
    是第 1 项，不是小数。
    """  # the documentation in Chinese (--explain, --list-rules with --lang zh)

    code = "RL202"
    name = "heading-numbering"
    severity = "warning"
    examples = {
        "bad": ["述职报告\n一、主要工作\n内容。\n二、存在问题\n内容。\n四、下一步打算\n内容。\n",
                "述职报告\n一、主要工作\n（二）加强学习。内容。\n",
                "述职报告\n一、主要工作\n一是加强学习。二是改进作风。四是从严治党。\n"],
        "good": ["述职报告\n一、主要工作\n（一）加强学习。内容。\n（二）改进作风。内容。\n"
                 "二、存在问题\n（一）学习不够。内容。\n",
                 "述职报告\n一、主要工作\n1.加强学习。内容。\n2.改进作风。内容。\n二、存在问题\n1.学习不够。\n",
                 "述职报告\n一、主要工作\n一是加强学习。二是改进作风。\n三是从严治党。\n"
                 "二、存在问题\n一是学习不够。二是作风不实。\n",
                 "述职报告\n一、主要工作\n1、1-12月，完成投资12亿元。\n2、新开工项目8个。\n"],
    }

    def check(self, ctx):
        report = ctx.report
        sections = sections_of(report)
        if wrapped(ctx.doc):
            return  # text wrapped at a page's width: its headings cannot be told
        hidden = [d.line for d in ctx.doc.extra.get("debris", ()) if d.message in PAYWALLS]
        yield from self._siblings(report.sections, report.opening, hidden, root=True)
        for section in sections:
            if section.children:  # (a leaf has no numbering of its own to check)
                yield from self._siblings(section.children, section.paragraphs, hidden)
        for paragraphs in [report.opening] + [s.paragraphs for s in sections]:
            enums = [e for p in paragraphs for e in p.enums]
            if not enums:
                continue
            for enum, message in sequence(enums, lambda e: e.number, lambda e: e.marker,
                                          lambda e, n: f"{int_to_cn(n)}是", restart=True):
                yield Problem(enum.line, enum.column, enum.line, enum.column + len(enum.marker), message)

    def _siblings(self, children, paragraphs, hidden, root: bool = False):
        """Numbering of the sections ``children`` of one parent (whose own paragraphs are
        ``paragraphs``), with the numbered list items among them. The report's top level
        may begin elsewhere than one (a page of a longer text: 三、…), and a run starts
        again at a 1 after a line that reads as a heading of its own (述职报告的撰写内容)."""
        items = _items(paragraphs) + [i for child in children for i in _items(child.paragraphs)]
        numbered = [s.heading for s in children if s.heading.number is not None]
        if not numbered:
            return
        top = min(h.level for h in numbered)
        first_top = next(h for h in numbered if h.level == top)
        # a line that reads as a heading of its own between them (年终总结要点：) starts
        # another text: what stands before it has no parent to miss
        bare = [p.line for s in children for p in s.paragraphs if p.line < first_top.line and _bare_heading(p.view)]
        for h in numbered:
            if h.level != top and not any(h.line < line for line in bare):
                yield self._at(h, f"「{h.marker}」缺少上级标题：它出现在「{first_top.marker}」这一级之前")
        # Numbered list items of the same style count in the run (一、 an item, 二、 a
        # heading); when they start again at one among the headings, they are lists of
        # their own, and the run cannot be judged.
        styles = {h.style for h in numbered if h.level == top}
        items = [i for i in items if i.style in styles]
        main = sorted([h for h in numbered if h.level == top] + items, key=lambda h: h.line)
        if items and any(h.number == 1 for h in main[1:]):
            return
        after_bare = set()  # (only a 1 can start a run again)
        if any(h.number == 1 for h in main[1:]):
            for before, section in zip(children, children[1:]):
                if any(_bare_heading(p.view) for p in before.paragraphs):
                    after_bare.add(id(section.heading))
        after_cut = set()  # a paywall hid the text before it
        if hidden:
            for before, h in zip(main, main[1:]):
                if any(before.line <= line <= h.line for line in hidden):
                    after_cut.add(id(h))
        item_ids = {id(i) for i in items}
        for h, message in sequence(main, lambda h: h.number, lambda h: h.marker, render_like, from_one=not root,
                                   starts_run=lambda h: id(h) in after_bare, breaks=lambda h: id(h) in after_cut):
            if id(h) not in item_ids:  # reported at headings only
                yield self._at(h, message)

    @staticmethod
    def _at(h, message: str) -> Problem:
        return Problem(h.line, h.column, h.line, h.end_column, message)
