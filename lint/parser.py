"""Text → report tree, with the grammar in ``report.lark``.

A small line lexer (this module) decides what each line is — a heading of which
level and number, the title, a paragraph, an inline 一是/二是 marker — and the Lark
LALR grammar assembles those tokens into the report's structure. Positions are
1-based lines and character columns of the original document. Lark keeps its
analysis of the grammar between runs in reportlint's cache (Lark's ``cache`` option).
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator

from lark import Lark, Token
from lark.lexer import Lexer

from . import cache
from .debris import GLOSS
from .document import MARGIN_REGIONS, Document, markdown_heading_depth
from .record import Record

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUM = "一二三四五六七八九十"

# A marker glued in front of a heading (##paidbegin##（二）…) does not hide it.
_GLUED_MARKER = re.compile(r"^(?:##[A-Za-z]+##\s*)+")
# (a pinyin gloss some sites put after a character may follow the numeral: (一(yi)))
_LEVEL_PATTERNS = (
    (1, "一、", re.compile(r"([一二三四五六七八九十]{1,3})(?:" + GLOSS + r")?\s*[、．.]\s*")),
    (2, "（一）", re.compile(r"[（(]\s*([一二三四五六七八九十]{1,3})(?:" + GLOSS + r")?\s*[）)]\s*、?\s*")),
    (3, "1.", re.compile(r"(\d{1,2})\s*(?:[、．]|\.(?!\d))\s*")),
    (4, "（1）", re.compile(r"[（(]\s*(\d{1,2})\s*[）)]\s*")),
)
# Which of the patterns above can match, by a line's first character: each pattern
# starts with a Chinese numeral, a bracket or a digit (\d: a decimal, see
# _patterns_for), so a line is tried only against those its first character allows.
_CN_LEVELS = tuple(entry for entry in _LEVEL_PATTERNS if entry[0] == 1)
_BRACKET_LEVELS = tuple(entry for entry in _LEVEL_PATTERNS if entry[0] in (2, 4))
_DIGIT_LEVELS = tuple(entry for entry in _LEVEL_PATTERNS if entry[0] == 3)
_SENTENCE_END = re.compile(r"[。！？!?]")
_ENUM = re.compile(r"(?:^|(?<=[。；;，,：:！？\s“\"（(]))([一二三四五六七八九十]{1,2})是(?![否非])")
TITLE_WORDS = re.compile(
    r"报告|总结|述职|汇报|计划|发言|讲话|材料|情况|方案|心得|体会|小结|自查|剖析")
_NOT_TITLE = re.compile(r"QQ|微信|https?://|www\.|[:：]\s*$|@")
TITLE_MAX = 60


def hanzi_count(text: str) -> int:
    """How many Chinese characters (U+3400–U+9FFF) ``text`` holds (on the short lines a title
    is looked for on, quicker than compiling a class of 27,000 characters)."""
    return sum("\u3400" <= ch <= "\u9fff" for ch in text)


_GREETING = re.compile(r"(尊敬的|各位|同志们|大家好)")
# A numbered line whose own text is longer than this is a list item, not a heading.
ITEM_MIN = 40
ITEM_COMMAS = 3  # …or holds this many clauses: 突出重点,加强指导,制定…,规范了
SENTENCE_ENDS = "。！？；;!?"


def cn_to_int(text: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23; arabic digits too."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (CN_DIGITS.get(ones, 0) if ones else 0)
    value = 0
    for ch in text:
        value = value * 10 + CN_DIGITS.get(ch, 0)
    return value


# The same few numerals (一, 二, 1, 12 …) come back on every page: their values are
# worked out once. A numeral is at most three characters; the cache is bounded anyway.
numeral_value = functools.lru_cache(maxsize=4096)(cn_to_int)

# Token kind for each heading level.
_HEADING_KINDS = {1: "H1", 2: "H2", 3: "H3", 4: "H4"}


class Heading(Record):
    __slots__ = ("level", "number", "marker", "style", "text", "line", "column", "end_column", "text_column",
                 "view")

    def __init__(self, level: int, number: int | None, marker: str, style: str, text: str, line: int,
                 column: int, end_column: int, text_column: int = 0, view: str = ""):
        self.level = level  # 1 一、  2 （一）  3 1.  4 （1）
        self.number = number  # None for an unnumbered Markdown heading
        self.marker = marker  # the numbering as written: "一、", "（二）", "3."
        self.style = style  # "一、", "（一）", "1.", "（1）" or "#"
        self.text = text  # heading text without its number
        self.line = line
        self.column = column  # where the numbering starts
        self.end_column = end_column  # end of the heading text (exclusive)
        self.text_column = text_column  # where ``text`` starts
        self.view = view or text  # ``text`` as the rules read it (the line's view)


class Enum(Record):
    __slots__ = ("number", "marker", "line", "column")

    def __init__(self, number: int, marker: str, line: int, column: int):
        self.number = number
        self.marker = marker
        self.line = line
        self.column = column


class Paragraph(Record):
    __slots__ = ("line", "column", "end_column", "text", "enums", "view", "item")

    def __init__(self, line: int, column: int, end_column: int, text: str, enums: list[Enum] | None = None,
                 view: str = ""):
        self.line = line
        self.column = column
        self.end_column = end_column
        self.text = text
        self.enums = [] if enums is None else enums
        self.view = view or text  # ``text`` as the rules read it (the line's view)
        self.item = None  # a numbered list item's numbering (a Heading that is not one)


class Section(Record):
    __slots__ = ("heading", "paragraphs", "children")

    def __init__(self, heading: Heading, paragraphs: list[Paragraph] | None = None,
                 children: list[Section] | None = None):
        self.heading = heading
        self.paragraphs = [] if paragraphs is None else paragraphs
        self.children = [] if children is None else children

    @property
    def level(self) -> int:
        return self.heading.level

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()


class Report(Record):
    __slots__ = ("noise", "title", "opening", "sections", "profile", "profile_reason", "cache")
    _hidden = ("cache",)

    def __init__(self, noise: list[Paragraph] | None = None, title: Paragraph | None = None,
                 opening: list[Paragraph] | None = None, sections: list[Section] | None = None,
                 profile: str | None = None):
        self.noise = [] if noise is None else noise  # before the title
        self.title = title
        self.opening = [] if opening is None else opening
        self.sections = [] if sections is None else sections  # top-level sections, in order
        self.profile = profile  # set by the engine once chosen
        self.profile_reason = ""  # why that profile (for --outline)
        # What several rules work out from the tree (e.g. lint.rules.missing_section's heading
        # spans), kept once worked out: the tree does not change while rules read it.
        self.cache: dict = {}

    def walk(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()

    def headings(self) -> list[Heading]:
        return [s.heading for s in self.walk()]

    def paragraphs(self) -> Iterator[Paragraph]:
        yield from self.noise
        if self.title:
            yield self.title
        yield from self.opening
        for section in self.walk():
            yield from section.paragraphs


# --- the lexer ----------------------------------------------------------------------------


def _patterns_for(lead: str) -> tuple:
    """The entries of _LEVEL_PATTERNS that can match a text starting with ``lead``.

    Most lines of a report are paragraphs that no numbering pattern matches; choosing
    by the first character spares them the regular expressions, and a numbered line
    the patterns of the other styles. The order of _LEVEL_PATTERNS is kept.
    """
    if not lead:
        return ()
    if lead in CN_NUM:
        return _CN_LEVELS
    if lead in "（(":
        return _BRACKET_LEVELS
    if lead.isdecimal():  # what \d matches in a str pattern: Unicode decimal digits
        return _DIGIT_LEVELS
    return ()


def match_heading(view: str, markdown_depth: int = 0) -> Heading | None:
    """Recognise a numbered heading at the start of a line's view (leading space allowed)."""
    stripped = view.lstrip()
    start = len(view) - len(stripped)
    glued = _GLUED_MARKER.match(stripped) if stripped.startswith("##") else None
    if glued:
        start += glued.end()
        stripped = stripped[glued.end():]
    for level, style, pattern in _patterns_for(stripped[:1]):
        m = pattern.match(stripped)
        if not m:
            continue
        rest = m.end()  # index of the heading text; the checks below spare copying the line
        if rest >= len(stripped.rstrip()) or stripped[rest] in "，,。；;%％":
            continue  # nothing after the numbering, or it is the start of a sentence
        if level == 3 and stripped[rest].isdecimal() and "、" not in stripped[:rest]:
            continue  # 1.5, 1．5: a decimal number, not a heading (1、1-12月 is one)
        marker = stripped[:rest].rstrip()
        text_col = start + rest
        return Heading(level, numeral_value(m.group(1)), marker, style, "", 0, start + 1, 0, text_col + 1)
    if markdown_depth:
        text = stripped.strip()
        if text:
            return Heading(min(markdown_depth, 4), None, "#" * markdown_depth, "#", "", 0,
                           start + 1, 0, start + 1)
    return None


def heading_split(view: str, text_index: int) -> int:
    """Index where a heading's text ends: after its first sentence if the line goes on."""
    m = _SENTENCE_END.search(view, text_index)
    end = len(view.rstrip())
    if m and m.end() < end:  # text (not only spaces) follows the sentence
        return m.end()
    return end


def enum_matches(view: str, start: int, end: int) -> Iterator[re.Match]:
    """The matches of ``_ENUM.finditer(view, start, end)``, found from each 是.

    _ENUM begins with a lookbehind, so a search for it tries every position of the
    line. Every match is one or two numerals followed by 是, so it can only start
    one or two characters before a 是: the pattern is tried there, left to right,
    never inside a match already found, exactly as finditer would.
    """
    pos = start  # where finditer would search from
    shi = view.find("是", start, end)
    while shi >= 0:
        for begin in (shi - 2, shi - 1):
            if begin >= pos and view[begin] in CN_NUM:
                m = _ENUM.match(view, begin, end)
                if m:
                    yield m
                    pos = m.end()
                    break
        shi = view.find("是", shi + 1, end)


def _drop_items(lines, heads: dict, depths: list[int]) -> dict:
    """Take the numbered lines that are list items, not headings, out of ``heads``, and
    return them (index → numbering).

    A numbered line is a heading when it names what follows: short, and followed by its
    body (a paragraph, or a heading of a deeper level), or glued to its body on the same
    line (``（一）加强学习。认真学习…``). It is a list item when it says all there is to say
    itself: a whole sentence with nothing of its own after it (``1、圆满完成了财政决算。``
    followed by ``2、…``), a long line, or one of a run of numbered lines of one style
    none of which has a body (``1、加强学习`` ``2、改进作风``).
    """
    order = sorted(heads)
    nonblank = [i for i, line in enumerate(lines) if line.view.strip()]
    following = dict(zip(nonblank, nonblank[1:]))

    glued = set()
    for i in order:
        view = lines[i].view
        if heads[i].number is not None and heading_split(view, heads[i].text_column - 1) < len(view.rstrip()):
            glued.add(i)

    def followed(i: int) -> bool:
        """Whether the heading at ``i`` has a body: on its line, or on the next one."""
        if i in glued:
            return True
        j = following.get(i)
        if j is None:
            return False
        other = heads.get(j)
        return other is None or (other.level > heads[i].level and other.number is not None)

    # Siblings: the numbered lines of one level between two lines of a higher level (a
    # run that starts again at 1 is a list of its own).
    # ``bodied[i]``: whether one of i's siblings has a body (then i is an empty heading,
    # not one of a list of short items).
    bodied: dict[int, bool] = {}
    groups: dict[int, list[int]] = {}
    for i in order:
        level = heads[i].level
        for deeper in [lv for lv in groups if lv > level]:
            _close(groups.pop(deeper), bodied, followed)
        if heads[i].number == 1 and groups.get(level):  # numbering starts again: another list
            _close(groups.pop(level), bodied, followed)
        groups.setdefault(level, []).append(i)
    for group in groups.values():
        _close(group, bodied, followed)

    items = set()
    for i in order:
        head = heads[i]
        if depths[i]:  # a Markdown heading says what it is
            continue
        view = lines[i].view
        start, end = head.text_column - 1, len(view.rstrip())
        if i in glued:  # a heading when its own sentence is short
            if heading_split(view, start) - start > ITEM_MIN:
                items.add(i)
            continue
        if end - start > ITEM_MIN or sum(view.count(c, start, end) for c in "，,") >= ITEM_COMMAS:
            items.add(i)
        elif not followed(i) and (view[end - 1] in SENTENCE_ENDS or not bodied[i]):
            items.add(i)
    return {i: heads.pop(i) for i in items}


def _close(group: list[int], bodied: dict, followed) -> None:
    has_body = any(followed(i) for i in group)
    for i in group:
        bodied[i] = has_body


def looks_like_title(text: str) -> int:
    """0 = not a title, 1 = could be one, 2 = looks like one (has a title word)."""
    text = text.strip()
    if not (2 <= len(text) <= TITLE_MAX) or text[-1] in "。；;，,：:、!！" or _NOT_TITLE.search(text):
        return 0
    if hanzi_count(text) < 2 or _GREETING.match(text):
        return 0
    if text[0] in "【[" and text[-1] in "】]":
        return 0
    return 2 if TITLE_WORDS.search(text) else 1


class ReportLexer(Lexer):
    """Lark custom lexer: turns a ``(Document, objects)`` pair into line tokens.

    Each token's value is the index in ``objects`` of what it stands for (a Heading,
    Paragraph or Enum). Defined at module level, so Lark's cache can name it.
    """

    def __init__(self, lexer_conf=None):  # noqa: ARG002 - Lark's interface
        pass

    def lex(self, data, parser_state=None):  # noqa: ARG002 - Lark's interface
        doc, objects = data
        for kind, index, line, col, end_col in self.tokens(doc, objects):
            yield Token(kind, str(index), None, line, col, line, end_col)

    def tokens(self, doc: Document, objects: list) -> Iterator[tuple]:
        """``(kind, index, line, column, end_column)`` per token; ``objects[index]`` is what it means."""
        # Headers and footers are not part of the report; table cells and text boxes
        # are paragraphs, never its title or headings.
        lines = [line for line in doc.lines if line.region not in MARGIN_REGIONS]
        heads: dict[int, Heading] = {}
        if doc.markdown:
            depths = [markdown_heading_depth(line.text) for line in lines]
        else:
            depths = [0] * len(lines)
        top_depth = min([d for d in depths if d] or [0])
        for i, line in enumerate(lines):
            view = line.view
            if line.region or not view or view.isspace():
                continue  # no heading in a table cell or text box, nor on a blank line
            head = match_heading(view, depths[i])
            if head:
                heads[i] = head

        items = _drop_items(lines, heads, depths)
        title_index = self._find_title(lines, heads, depths, top_depth)
        if title_index is not None:
            heads.pop(title_index, None)
        # Unnumbered Markdown headings: depth relative to the shallowest one.
        if top_depth:
            shift = top_depth - 1
            if title_index is not None and depths[title_index] == top_depth:
                others = [d for i, d in enumerate(depths) if d and i != title_index]
                shift = (min(others) - 1) if others else shift
            for i, head in heads.items():
                if head.number is None:
                    head.level = max(1, min(4, depths[i] - shift))

        for i, line in enumerate(lines):
            view = line.view
            if not view or view.isspace():  # a blank line: no token
                continue
            number = line.number
            if i == title_index:
                para = self._paragraph(line, 0)
                objects.append(para)
                yield "TITLE", len(objects) - 1, number, para.column, para.end_column
                continue
            head = heads.get(i)
            body_start = 0
            if head:
                end = heading_split(view, head.text_column - 1)
                head.line = number
                head.end_column = end + 1
                head.text = line.text[head.text_column - 1: end].strip()
                head.view = head.text if view is line.text else view[head.text_column - 1: end].strip()
                objects.append(head)
                yield _HEADING_KINDS[head.level], len(objects) - 1, number, head.column, head.end_column
                if end >= len(view.rstrip()):  # nothing but the heading on its line
                    continue
                body_start = end
            para = self._paragraph(line, body_start)
            item = items.get(i)
            if item is not None:  # a numbered list item: its numbering, for heading-numbering
                item.line, item.end_column = number, para.end_column
                para.item = item
            objects.append(para)
            yield "LINE", len(objects) - 1, number, para.column, para.end_column
            for enum in para.enums:
                objects.append(enum)
                yield "ENUM", len(objects) - 1, number, enum.column, enum.column + len(enum.marker)

    @staticmethod
    def _paragraph(line, start: int) -> Paragraph:
        view = line.view
        body = view[start:]
        lead = len(body) - len(body.lstrip())
        col = start + lead
        end = len(view.rstrip())
        number = line.number
        enums = [Enum(numeral_value(m.group(1)), m.group(0), number, m.start(1) + 1)
                 for m in enum_matches(view, col, end)] if "是" in view else []
        text = line.text[col:end]
        return Paragraph(number, col + 1, end + 1, text, enums, text if view is line.text else view[col:end])

    @staticmethod
    def _find_title(lines, heads, depths, top_depth):
        candidates = []
        top_count = sum(1 for d in depths if d and d == top_depth)
        for i, line in enumerate(lines):
            view = line.view
            if not view.strip() or line.region:
                continue
            head = heads.get(i)
            if head is not None:
                # A lone top-level Markdown heading (or one worded like a title) is the title.
                if depths[i] == top_depth and head.number is None and not candidates and (
                        top_count == 1 or looks_like_title(view) == 2):
                    return i
                break
            score = looks_like_title(view)
            if score:
                candidates.append((score, i))
            elif len(view.strip()) > TITLE_MAX:
                break  # the opening paragraph has begun
            elif candidates and hanzi_count(view) >= 4 and not _GREETING.match(view.strip()):
                break  # a line of text of another kind ends the lines the title stands among
        if not candidates:
            return None
        # The last line worded like a title: a web page names the report above it too (its
        # own heading, a category), and a subtitle (——在…会议上的讲话) is not the title.
        best = max(score for score, _ in candidates)
        chosen = [i for score, i in candidates if score == best]
        if best == 1:  # nothing worded like a title: the first line that could be one
            return chosen[0]
        main = [i for i in chosen if not lines[i].view.lstrip().startswith(("—", "－"))]
        return (main or chosen)[-1]


# --- the grammar --------------------------------------------------------------------------

GRAMMAR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "report.lark")
_PARSER = None


def grammar_parser(strict: bool = False) -> Lark:
    """The Lark LALR parser of ``report.lark`` (built once per process).

    Lark keeps its analysis of the grammar in the file reportlint's cache names for it,
    keyed by Lark itself with the grammar, these options and Lark's and Python's versions.
    """
    global _PARSER
    if _PARSER is not None and not strict:
        return _PARSER
    entry = None if strict else cache.path("grammar.lark-cache")
    parser = Lark.open(GRAMMAR, parser="lalr", lexer=ReportLexer, strict=strict, maybe_placeholders=True,
                       cache=entry or False)
    cache.seal(entry)
    if not strict:
        _PARSER = parser
    return parser


def parse(doc: Document) -> Report:
    """Parse a document into a Report. Never raises on a document's content."""
    objects: list = []
    tree = grammar_parser().parse((doc, objects))
    return build_report(tree, objects)


def build_report(tree, objects: list) -> Report:
    """The Report for Lark's parse tree over ``objects`` (see ReportLexer)."""
    report = Report()

    def obj(tok):
        return objects[int(tok)]

    def paras(node):
        out = []
        if node is None:
            return out
        for child in node.children:
            kind = getattr(child, "data", None)
            if kind == "paras":
                out.extend(paras(child))
            elif kind == "para":
                out.append(obj(child.children[0]))
        return out

    def section(node) -> Section:
        heading, *rest = node.children
        sec = Section(obj(heading))
        paragraphs, children = sec.paragraphs, sec.children
        for child in rest:
            if child is None:
                continue
            if child.data == "para":
                paragraphs.append(obj(child.children[0]))
            else:
                children.append(section(child))
        return sec

    front, *sec1 = tree.children
    before, title, after, *lower = front.children
    if title is not None:
        report.noise = paras(before)
        report.title = obj(title.children[0])
        report.opening = paras(after)
    else:
        report.opening = paras(before)
    report.sections = [section(n) for n in lower if n is not None] + [section(n) for n in sec1]
    return report
