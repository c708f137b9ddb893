"""A fast first step for long alternations of regular expressions.

A rule pack's patterns are joined into one alternation per list and run over every
line. Python's ``re`` tries each alternative at each position of the line unless all
of them start with a plain character, which pack patterns rarely do (``(QQ|微信)群``,
``(点击|免费)?下载``). :func:`first_chars` works out which characters a match can start
with; a lookahead on that class lets the engine skip every other position at once,
about ten times faster on report text, and matches exactly the same spans.

When the first characters cannot be told (``.``, a negated class, a back reference,
inline flags, a pattern that can match the empty string) there is no lookahead.

A lookahead up front still costs a call into the matcher at every position. When a
pattern instead starts with a character class, ``re`` steps over the positions outside
the class in a tight loop of its own, several times faster again. :func:`starts_of`
writes a pattern that way (it matches the first character of each place the original
matches) and :class:`FirstCharPattern` runs the original only where it finds one.
"""

from __future__ import annotations

import re
import sys
from functools import cached_property

try:  # the parser behind re.compile: re._parser since 3.11, sre_parse before
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - Python 3.9/3.10
    import sre_constants as _c
    import sre_parse as _p

_CATEGORIES = {
    _c.CATEGORY_DIGIT: r"\d",
    _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_WORD: r"\w",
}
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}


class _Unknown(Exception):
    pass


def _char(code: int) -> str:
    return re.escape(chr(code)) if chr(code) not in "-]" else "\\" + chr(code)


def _items(seq) -> tuple[list[str], bool]:
    """Class items a match of the sequence can start with, and whether it can be empty."""
    out: list[str] = []
    for op, av in seq:
        if op in _ZERO_WIDTH:
            continue
        first, nullable = _item(op, av)
        out += first
        if not nullable:
            return out, False
    return out, True


def _item(op, av) -> tuple[list[str], bool]:
    if op is _c.LITERAL:
        return [_char(av)], False
    if op is _c.IN:
        out = []
        for kind, value in av:
            if kind is _c.LITERAL:
                out.append(_char(value))
            elif kind is _c.RANGE:
                out.append(f"{_char(value[0])}-{_char(value[1])}")
            elif kind is _c.CATEGORY and value in _CATEGORIES:
                out.append(_CATEGORIES[value])
            else:  # NEGATE, other categories
                raise _Unknown
        return out, False
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise _Unknown
        return _items(sub)
    if op is _c.BRANCH:
        out, nullable = [], False
        for alternative in av[1]:
            first, empty = _items(alternative)
            out += first
            nullable = nullable or empty
        return out, nullable
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _high, sub = av
        first, nullable = _items(sub)
        return first, nullable or low == 0
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _items(av)
    raise _Unknown  # ANY, NOT_LITERAL, GROUPREF, conditionals, …


def first_chars(pattern: str) -> str | None:
    """A character class (``[...]``) every match of ``pattern`` starts with, or None."""
    try:
        parsed = _p.parse(pattern)
        flags = parsed.state.flags & ~(re.UNICODE | getattr(re, "TEMPLATE", 0))
        if flags:
            raise _Unknown
        items, nullable = _items(parsed)
    except Exception:  # _Unknown, or a parser this code does not know
        return None
    if nullable or not items:
        return None
    return "[" + "".join(dict.fromkeys(items)) + "]"


def _starts_with_literal(pattern: str) -> bool:
    """True when ``re`` finds candidate positions itself (the pattern starts with a character)."""
    try:
        seq = _p.parse(pattern)
        while seq and seq[0][0] is _c.SUBPATTERN and not (seq[0][1][1] or seq[0][1][2]):
            seq = seq[0][1][3]
        return bool(seq) and seq[0][0] is _c.LITERAL
    except Exception:
        return False


def alternation(patterns: list[str]) -> str:
    """One pattern matching what any of ``patterns`` matches, with a lookahead when it helps."""
    joined = "|".join(f"(?:{p})" for p in patterns)
    if all(_starts_with_literal(p) for p in patterns):
        return joined
    first = first_chars(joined)
    return f"(?={first})(?:{joined})" if first else joined


def starts_of(pattern: str, first: str) -> str:
    """A pattern matching the one character at which ``pattern`` matches, wherever it does.

    ``first`` must be :func:`first_chars` of ``pattern``. The class comes first, so
    ``re`` skips the other positions in its C loop; the lookbehind then steps back over
    the character just taken and tries ``pattern`` there (as a lookahead, which may see
    the rest of the string, exactly as a match attempt at that position would).
    """
    return f"{first}(?<=(?=(?:{pattern})){first})"


class FirstCharPattern:
    """``pattern`` (which has a first-character class) tried only where a match can start.

    Finds the same matches, with the same groups, as ``re.compile(pattern)``: a search
    goes to the first position where :func:`starts_of` matches, which is the first
    position where ``pattern`` matches, and takes the match there. The pattern cannot
    match the empty string (else it has no first-character class), so each match ends
    after it starts and ``finditer`` simply goes on from its end, as ``re`` does.
    """

    engine = "re"

    def __init__(self, pattern: str, first: str):
        self.source, self.first_chars = pattern, first
        self.pattern = f"(?={first})(?:{pattern})"  # the same matches, written as one regex
        self.whole.groups  # noqa: B018 - compiled now: an invalid pattern fails here

    # Each form is compiled when first used (a run uses only some of them for a list,
    # and compiling a long alternation costs start-up time).

    @cached_property
    def whole(self) -> re.Pattern:
        return re.compile(self.source)

    @cached_property
    def starts(self) -> re.Pattern:
        """:func:`starts_of` the pattern: finds where a match starts."""
        try:
            return re.compile(starts_of(self.source, self.first_chars))
        except re.error:  # a construct the lookbehind cannot hold: a match starts there too
            return self.lookahead

    @cached_property
    def first(self) -> re.Pattern:
        """The class of characters every match starts with."""
        return re.compile(self.first_chars)

    @cached_property
    def lookahead(self) -> re.Pattern:
        """The same matches in one compiled regex: for short strings (headings) and lines
        dense with matches, where one call costs less than the two (find a start, match
        there) of a search here."""
        return re.compile(self.pattern)

    @property
    def groups(self) -> int:
        return self.whole.groups

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        start = self.starts.search(string, pos, endpos)
        return None if start is None else self.whole.match(string, start.start(), endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        return self.whole.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        return self.whole.fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        search, match = self.starts.search, self.whole.match
        start = search(string, pos, endpos)
        while start is not None:
            m = match(string, start.start(), endpos)
            yield m
            start = search(string, m.end(), endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list:
        groups = self.groups
        if groups == 0:
            return [m.group() for m in self.finditer(string, pos, endpos)]
        if groups == 1:
            return [m.group(1) or "" for m in self.finditer(string, pos, endpos)]
        return [m.groups("") for m in self.finditer(string, pos, endpos)]

    def __repr__(self):
        return f"FirstCharPattern({self.pattern!r})"


def compile_alternation(patterns: list[str]):
    """:func:`alternation` compiled: a :class:`FirstCharPattern` where a lookahead would help."""
    joined = "|".join(f"(?:{p})" for p in patterns)
    if all(_starts_with_literal(p) for p in patterns):
        return re.compile(joined)
    return skipping(joined)


def from_alternation_text(text: str):
    """The pattern :func:`compile_alternation` made, again, from its ``.pattern`` ``text``
    (as a cache keeps it), without working out the first characters again.

    Its lookahead form ``(?=[…])(?:…)`` becomes a :class:`FirstCharPattern`: the class
    ends at its first unescaped ``]`` (the class escapes ``( ) ? ]``), so the first
    place ``)(?:`` follows a whole class is where the alternation begins. Any other
    text is compiled as it is.
    """
    if text.startswith("(?=[") and text.endswith(")"):
        at = text.find(")(?:")
        while at != -1:
            first = text[3:at]
            if _one_class(first):
                return FirstCharPattern(text[at + 4: -1], first)
            at = text.find(")(?:", at + 1)
    return re.compile(text)


def _one_class(text: str) -> bool:
    try:
        parsed = list(_p.parse(text))
    except Exception:  # re.error, or a parser this code does not know
        return False
    return text.endswith("]") and len(parsed) == 1 and parsed[0][0] is _c.IN


def skipping(pattern: str):
    """``pattern`` compiled to skip where no match can start (plain ``re`` when that cannot be told)."""
    first = first_chars(pattern)
    if first is None:
        return re.compile(pattern)
    return FirstCharPattern(pattern, first)


# Facts about compiled patterns, by id(pattern) → (pattern, fact); the pattern is kept so
# that its id is not reused. (Hashing a compiled pattern hashes all its code, every time.)
_STARTS: dict = {}  # its starts finder
_FIRST: dict = {}  # its compiled first-character class, or None
_CONTEXT_FREE: dict = {}  # whether context_free(pattern)


def _remembered(cache: dict, pattern, work):
    entry = cache.get(id(pattern))
    if entry is None or entry[0] is not pattern:
        entry = cache[id(pattern)] = (pattern, work(pattern))
    return entry[1]


def first_class(pattern):
    """The compiled class of characters every match of ``pattern`` (compiled) starts with,
    or None when that cannot be told (then any position may start a match)."""
    if isinstance(pattern, FirstCharPattern):
        return pattern.first
    return _remembered(_FIRST, pattern, _first_class)


def _first_class(pattern):
    if getattr(pattern, "engine", "re") != "re" or pattern.flags & ~re.UNICODE:
        return None
    first = first_chars(pattern.pattern)
    return re.compile(first) if first else None


# What makes a match depend on its surroundings: anchors, lookarounds, conditionals and
# back references; and atomic groups and possessive repeats, which, once past the end of
# a piece, do not give back what they took (left out rather than reasoned about).
_CONTEXT = {_c.AT, _c.ASSERT, _c.ASSERT_NOT, _c.GROUPREF, _c.GROUPREF_EXISTS,
            getattr(_c, "ATOMIC_GROUP", _c.AT), getattr(_c, "POSSESSIVE_REPEAT", _c.AT)}


def _free_of_context(seq) -> bool:
    for op, av in seq:
        if op in _CONTEXT:
            return False
        if op is _c.SUBPATTERN:
            if not _free_of_context(av[3]):
                return False
        elif op is _c.BRANCH:
            if not all(_free_of_context(alternative) for alternative in av[1]):
                return False
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            if not _free_of_context(av[2]):
                return False
        elif isinstance(av, (list, tuple, _p.SubPattern)) and op is not _c.IN:
            return False  # a construct this walk does not know
    return True


def context_free(pattern) -> bool:
    """Whether ``pattern`` (compiled ``re``) matches the same at a place whatever surrounds it:
    no anchor (``^ $ \\A \\b``), lookaround, conditional or back reference (see _CONTEXT).

    Then a match in a piece of a string is a match at the same place in the whole string
    (the engine finds one where the piece alone has one), which lets a search of a
    document's text stand for searches of each line.
    """
    if getattr(pattern, "engine", "re") != "re":
        return False
    if isinstance(pattern, FirstCharPattern):
        pattern = pattern.whole
    return _remembered(_CONTEXT_FREE, pattern, _context_free)


def _context_free(pattern) -> bool:
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
        seq = list(parsed)
        if seq and _looks_at_first_char(*seq[0]) and parsed.getwidth()[0] >= 1:
            seq = seq[1:]  # (?=[…]) up front (alternation's form) looks only inside the match
        return _free_of_context(seq)
    except Exception:  # a parser this code does not know
        return False


def _looks_at_first_char(op, av) -> bool:
    """A lookahead at one character: ``(?=[…])`` or ``(?=x)``."""
    if op is not _c.ASSERT or av[0] != 1:
        return False
    body = list(av[1])
    return len(body) == 1 and body[0][0] in (_c.IN, _c.LITERAL)


def starts_finder(pattern):
    """A compiled pattern whose ``search`` finds the first position where ``pattern`` (a
    compiled ``re`` pattern) matches, stepping over positions a match cannot start at.

    Its matches are one character long, so use only where a position is what counts.
    A pattern without a first-character class is returned as it is.
    """
    if isinstance(pattern, FirstCharPattern):
        return pattern.starts
    return _remembered(_STARTS, pattern, _starts_finder)


def _starts_finder(pattern):
    first = first_class(pattern)
    try:
        return re.compile(starts_of(pattern.pattern, first.pattern)) if first else pattern
    except re.error:
        return pattern
