"""Site debris: what a template or doc-sharing site left in a copied report.

Before a report is parsed, every line is matched against the rule pack's kinds of
debris (``watermark.*``): adverts, site intros, doc-site notices, page furniture,
copyright lines, spam and collection titles are debris as whole lines; paywall
markers, hidden-text notes and a collection's ``篇1`` are debris inside a line; so
are the junk strings anti-scraping forums insert (``i( j( e7 Z2 {! |0 K``). What
is found is blanked out of the lines' views, like Markdown syntax, so the parser
and the other rules read the report without it (a ``1、本文档由用户上传…`` notice is no
list item, a collection title no title); the ``watermark`` rule reports it.
"""

from __future__ import annotations

import re

from .document import MARGIN_REGIONS
from .record import Record

# Kinds of whole-line debris: pack list, message. The first kind that matches names it.
LINE_KINDS = (
    ("watermark.docsite", DOCSITE := "文库页面残留"),
    ("watermark.intros", "网站导语残留"),
    ("watermark.lines", "广告残留"),
    ("watermark.furniture", "网页元素残留"),
    ("watermark.copyright", "版权声明残留"),
    ("watermark.spam", "垃圾信息残留"),
    ("watermark.collection", COLLECTION := "合集标题残留"),
)
# Kinds of debris that stand on short lines of their own (a breadcrumb, a date line, a
# copyright footer, a collection's title): not looked for on a longer line, unless it is a
# page flattened into one.
SHORT_KINDS = ("watermark.furniture", "watermark.copyright", "watermark.spam", "watermark.collection")
SHORT = 120
# A Word document's headers and footers hold page numbers, the unit's name, a volume's
# title: only adverts and paywall markers count there.
MARGIN_KINDS = ("watermark.lines", "watermark.hints", "watermark.markers")
HINTS = ("watermark.hints", "广告残留")  # only on a line that does not end like prose
# Kinds of debris inside a line: pack list, message.
INLINE_KINDS = (
    ("watermark.markers", "付费墙标记残留"),
    ("watermark.paywall", "付费墙残留"),
    ("watermark.pieces", "合集序号残留"),
    ("watermark.tags", "网站标签残留"),
    ("watermark.sites", "网站名称残留"),
    ("watermark.leftovers", "生成文字残留"),
)
JUNK = "防采集乱码"
_UNESCAPE = re.compile(r"\\(.)", re.S)
PAGE_TITLE_WITHIN = 10  # the lines a page's own title may stand in
CHUNK = "文库分块编号"
CHUNK_MIN = 200
_CHUNK = re.compile(r"\s*(\d{1,3})、")

# A line longer than this is a page flattened into one line: a match there makes only
# its sentence debris, never the whole line.
FLAT = 300
SENTENCE_MAX = 80  # the longest sentence taken for debris on a flattened page
PROSE_END = "。；;"
_SENTENCE_END = re.compile(r"[。！？!?]")

# Anti-scraping junk: five or more space-separated tokens of one or two printable
# ASCII characters (checked further in _junk).
_JUNK = re.compile(r"(?<![!-~])(?:[!-~]{1,2}[ \t]+){4,}[!-~]{1,2}(?![!-~])")
_ITEM_NUMBER = re.compile(r"\s+\d{1,2}[.、]$")
# A pinyin gloss some sites put after each converted character: 系統(tǒng), 習(xí).
GLOSS = r"\([a-zü\u00e0-\u00fc\u0101-\u01dc]{1,6}\)"
_GLOSS = re.compile(r"(?<=[\u3400-\u9fff])" + GLOSS)


class Debris(Record):
    """Debris on one line: columns ``[start, end)`` (0-based) of line ``line``."""

    __slots__ = ("line", "start", "end", "message", "whole")

    def __init__(self, line: int, start: int, end: int, message: str, whole: bool):
        self.line = line
        self.start = start
        self.end = end
        self.message = message  # the kind: 广告残留, 付费墙残留, …
        self.whole = whole  # the whole line is debris


def _allowed(allow, view: str, start: int, end: int) -> bool:
    return allow is not None and any(s < end and start < e for s, e in (m.span() for m in allow.finditer(view)))


class Kind:
    """One kind of debris: its patterns, the words one of which each of their matches holds
    (None: tried on every line), and its message."""

    __slots__ = ("key", "pattern", "keys", "message")

    def __init__(self, pack, key: str, message: str):
        self.key, self.message = key, message
        self.pattern = pack.matcher(key)
        # keys hold only for the patterns they were written for
        extended = pack.extended(key) and not pack.extended(key + "-keys")
        words = keywords(pack, key + "-keys")
        self.keys = None if extended or not words else words_pattern(words)

    def may_match(self, view: str) -> bool:
        return self.keys is None or self.keys.search(view) is not None


class _Kinds:
    """The pack's kinds of debris for one set of regions (``kinds``: every Kind, or those of
    the keys in ``keep``)."""

    def __init__(self, pack, kinds: dict, keep=None):
        def chosen(table):
            return [kinds[key] for key, _ in table if key in kinds and (keep is None or key in keep)]

        self.lines = chosen(LINE_KINDS)
        self.long_lines = [k for k in self.lines if k.key not in SHORT_KINDS]
        self.inline = chosen(INLINE_KINDS)
        hints = chosen([HINTS])
        self.hints = hints[0] if hints else None
        self.allow = pack.matcher("watermark.allow")
        every = self.lines + self.inline + hints
        keyed = all(k.keys is not None for k in every)
        # the words of the kinds looked for on every line, and of those only on short ones
        short = [k for k in every if k.key in SHORT_KINDS]
        self.gate = words_pattern([w for k in every if k not in short for w in keywords(pack, k.key + "-keys")]) \
            if keyed else None
        self.short_gate = words_pattern([w for k in short for w in keywords(pack, k.key + "-keys")]) \
            if keyed and short else None


def keywords(pack, key: str) -> list[str]:
    """The words of a pack's list of words (lint.packs keeps them as patterns that match
    them as written)."""
    return [_UNESCAPE.sub(r"\1", p) for p in pack.patterns(key)]


def words_pattern(words: list[str]) -> re.Pattern:
    """A pattern that finds any of ``words``, its alternatives grouped by their first
    characters (one try at a place, not one per word); a word that starts with another
    word adds nothing to what is found."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def below(node: dict) -> str:
        if "" in node:
            return ""  # a word ends here: what follows is never needed to find a line
        parts = [re.escape(ch) + below(rest) for ch, rest in sorted(node.items())]
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return re.compile(below(tree))


def _kinds_of(pack, margin: bool = False) -> _Kinds:
    """The kinds of debris for a document's body, or for its margins (kept with the pack;
    those of the margins are made for the first document that has any)."""
    cache = pack.derived
    if "debris-kinds" not in cache:
        kinds = {key: Kind(pack, key, message) for key, message in LINE_KINDS + INLINE_KINDS + (HINTS,)}
        cache["debris-kinds"] = {key: kind for key, kind in kinds.items() if kind.pattern is not None}
    name = "debris-kinds-margin" if margin else "debris-kinds-body"
    if name not in cache:
        cache[name] = _Kinds(pack, cache["debris-kinds"], MARGIN_KINDS if margin else None)
    return cache[name]


def find(doc, pack) -> list[Debris]:
    """The debris of ``doc``, line by line, in order."""
    body = _kinds_of(pack)
    if body.gate is None:
        numbers = {line.number for line in doc.lines}
    else:
        numbers = {line.number for line in doc.lines if body.gate.search(line.view)}
        if body.short_gate is not None:  # short lines, and pages flattened into long ones
            numbers.update(line.number for line in doc.lines if (len(line.view) <= SHORT or len(line.view) > FLAT)
                           and line.number not in numbers and body.short_gate.search(line.view))
    out: list[Debris] = []
    for line in doc.lines:
        view = line.view
        if line.number in numbers or "(" in view:  # a pinyin gloss (習(xí)) may hide a key
            if not view.strip():
                continue
            if line.region in MARGIN_REGIONS:
                out += _line_debris(view, line.number, _kinds_of(pack, margin=True), junk=False)
            else:
                out += _line_debris(view, line.number, body)
        elif " " in view and line.region not in MARGIN_REGIONS:  # junk needs a space
            out += [Debris(line.number, start, end, JUNK, False) for start, end in _junk(view)
                    if not _allowed(body.allow, view, start, end)]
    chunks = _chunk_numbers(doc, out)
    if chunks:
        out = sorted(out + chunks, key=lambda d: (d.line, d.start))
    return out


def _chunk_numbers(doc, found: list[Debris]) -> list[Debris]:
    """The numbers a doc-sharing site puts in front of each chunk of a flattened text
    (``1、…`` ``2、,80%左右…``): every line of the text, debris aside, starts with the next
    number, and all but the last are longer than CHUNK_MIN."""
    whole = {d.line for d in found if d.whole}
    lines = [line for line in doc.lines if line.view.strip() and line.number not in whole]
    if len(lines) < 2 or any(len(line.view) <= CHUNK_MIN for line in lines[:-1]):
        return []
    out = []
    for expected, line in enumerate(lines, 1):
        m = _CHUNK.match(line.view)
        if m is None or int(m.group(1)) != expected:
            return []
        out.append(Debris(line.number, m.start(), m.end(), CHUNK, False))
    return out


def _line_debris(view: str, number: int, kinds: _Kinds, junk: bool = True) -> list[Debris]:
    """The debris of one line's view; a line with pinyin glosses (系統(tǒng)) is matched
    without them, and what is found is mapped back onto the line."""
    if "(" in view and _GLOSS.search(view):
        kept = [i for i, ch in enumerate(_GLOSS.sub(lambda m: "\0" * len(m.group()), view)) if ch != "\0"]
        compact = "".join(view[i] for i in kept)
        kept.append(len(view))
        found = _line_debris(compact, number, kinds, junk)
        for d in found:
            d.start, d.end = kept[d.start], kept[d.end - 1] + 1 if d.end else kept[0]
            if d.whole:
                d.start, d.end = len(view) - len(view.lstrip()), len(view.rstrip())
        return found
    allowed = None

    def free(start: int, end: int) -> bool:
        """Whether ``watermark.allow`` leaves ``[start, end)`` alone."""
        nonlocal allowed
        if allowed is None:
            allowed = [a.span() for a in kinds.allow.finditer(view)] if kinds.allow else []
        return not any(s < end and start < e for s, e in allowed)

    out = []
    line_kinds = list(kinds.lines if len(view) <= SHORT or len(view) > FLAT else kinds.long_lines)
    if kinds.hints is not None and view.rstrip()[-1:] not in PROSE_END:
        line_kinds.append(kinds.hints)
    for kind in line_kinds:
        if not kind.may_match(view):
            continue
        if len(view) > FLAT:  # a flattened page: every sentence with debris in it
            out += [Debris(number, *_sentence(view, m.start(), m.end()), kind.message, False)
                    for m in kind.pattern.finditer(view) if free(*m.span())]
            continue
        if any(free(*m.span()) for m in kind.pattern.finditer(view)):
            first, last = len(view) - len(view.lstrip()), len(view.rstrip())
            return [Debris(number, first, last, kind.message, True)]
    for kind in kinds.inline:
        if kind.may_match(view):
            out += [Debris(number, m.start(), m.end(), kind.message, False)
                    for m in kind.pattern.finditer(view) if m.end() > m.start() and free(*m.span())]
    if junk and " " in view:
        out += [Debris(number, start, end, JUNK, False) for start, end in _junk(view) if free(start, end)]
    if not out:
        return out
    out.sort(key=lambda d: (d.start, -d.end))
    kept = [out[0]]
    for d in out[1:]:  # overlapping finds: the first (the wider at one start) stands
        if d.start >= kept[-1].end:
            kept.append(d)
    first, last = len(view) - len(view.lstrip()), len(view.rstrip())
    for d in kept:
        if d.start <= first and d.end >= last:
            d.start, d.end, d.whole = first, last, True
    return kept


def _sentence(view: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``view`` around ``[start, end)``: from the end of the sentence before
    to the end of its own (its mark included)."""
    begin = 0
    for m in _SENTENCE_END.finditer(view, 0, start):
        begin = m.end()
    m = _SENTENCE_END.search(view, end)
    stop = m.end() if m else len(view)
    while begin < start and view[begin].isspace():
        begin += 1
    if stop - begin > SENTENCE_MAX:  # no sentence ends near it: the debris alone
        return start, end
    return begin, stop


def _junk(view: str) -> list[tuple[int, int]]:
    """Spans of anti-scraping junk: runs of short ASCII tokens with letters and symbols
    (``# L* n6 Q% ^* `$ j8 f/ d``); words, numbers and formulas are left alone."""
    out = []
    for m in _JUNK.finditer(view):
        text = m.group()
        tail = _ITEM_NUMBER.search(text)
        end = m.end() - (len(tail.group()) if tail and m.end() < len(view) and not view[m.end()].isascii()
                         else 0)
        tokens = view[m.start():end].split()
        letters = sum(ch.isalpha() for ch in text)
        symbols = sum(not ch.isalnum() and not ch.isspace() for ch in text)
        pairs = sum(len(t) == 2 for t in tokens)
        if len(tokens) >= 5 and letters >= 2 and symbols >= 2 and pairs * 2 >= len(tokens):
            out.append((m.start(), end))
    return out


def page_title(doc, found: list[Debris]) -> str:
    """The title of the page a report was copied from, when the page shows one: the first
    collection title or doc-site page heading near the top (``预算公开自查报告范文（精选6篇）``,
    ``…工作总结_第1页``); empty otherwise."""
    for d in found:
        if d.line > PAGE_TITLE_WITHIN:
            break
        if d.whole and d.message in (COLLECTION, DOCSITE):
            return doc.line(d.line).text.strip()
    return ""


def without_glosses(text: str) -> str:
    """``text`` without the pinyin glosses some sites put after characters (述職報(bào)告)."""
    return _GLOSS.sub("", text) if "(" in text else text


def blank(doc, found: list[Debris]) -> None:
    """Blank the debris out of the lines' views (same length: positions hold)."""
    if not found:
        return
    lines = doc.lines
    for d in found:
        line = lines[d.line - 1]
        view = line.view
        line.view = view[:d.start] + " " * (d.end - d.start) + view[d.end:]
    if doc.kind == "text":
        doc.view_text = "".join(line.view + line.ending for line in lines)


def mark(doc, pack) -> list[Debris]:
    """Find the debris of ``doc``, blank it out of the views, and keep it in ``doc.extra``."""
    found = doc.extra.get("debris")
    if found is None:
        found = doc.extra["debris"] = find(doc, pack)
        doc.extra["debris_lines"] = {d.line for d in found if d.whole}
        blank(doc, found)
    return found
