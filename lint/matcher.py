"""One list of patterns as one search: what the rules ask of a rule pack's lists.

A rule pack's list (``placeholder.patterns``, ``watermark.lines``, a profile's headings,
…) is compiled once into a :class:`Matcher`: its ``re`` patterns (the default pack's)
joined into one alternation, a user's RE2 patterns (lint.regex) into another, their
matches merged left to right. A rule loops over a document's lines and asks it.

Python's ``re`` tries each alternative at each position of a line unless all of them
start with a plain character, which pack patterns rarely do (``(QQ|微信)群``,
``(点击|免费)?下载``). So the alternation starts with a lookahead on the characters a
match can start with (:func:`first_chars`), which lets the engine skip every other
position at once: on report text the rules then take about half the time. It matches
exactly the same spans; when the first characters cannot be told (``.``, a negated
class, flags, a pattern that can match the empty string) there is no lookahead.
"""

from __future__ import annotations

import re


class Matcher:
    """What any of a list of patterns finds, searched as one.

    ``items`` are ``(source, text, linear)``: the pattern as written, the text compiled
    (for RE2, its translation) and whether it runs on RE2. The list is compiled when
    first searched; a pickled Matcher (reportlint's cache) carries the texts and the
    lookahead's class (``first``, "" for none), which takes a quarter as long to work
    out as compiling the alternation.
    """

    __slots__ = ("items", "_first", "_compiled", "_each")

    def __init__(self, items=(), first: str | None = None):
        self.items = tuple(items)
        self._first = first
        self._compiled = self._each = None

    @classmethod
    def of(cls, patterns) -> Matcher:
        """The matcher of compiled patterns (``re.Pattern`` or lint.regex.Re2Pattern) or texts (``re``)."""
        items = []
        for p in patterns:
            if isinstance(p, str):
                items.append((p, p, False))
            else:
                linear = hasattr(p, "translated")
                items.append((p.pattern, p.translated if linear else p.pattern, linear))
        return cls(items)

    def __add__(self, other: Matcher) -> Matcher:
        return Matcher(self.items + other.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def sources(self) -> list[str]:
        return [source for source, _text, _linear in self.items]

    def __reduce__(self):
        return Matcher, (self.items, self._lookahead())

    def __eq__(self, other) -> bool:
        return isinstance(other, Matcher) and other.items == self.items

    __hash__ = None

    def __repr__(self) -> str:
        return f"Matcher({self.sources!r})"

    def finditer(self, text: str):
        """The matches of the list in ``text``, left to right, none overlapping (an ``re``
        alternation's finditer; for two engines, the leftmost match first and, at one
        start, that of the engine whose pattern comes first in the list)."""
        parts = self._compiled or self._compile()
        if len(parts) == 1:
            return parts[0].finditer(text)
        return _merged(parts, text)

    def search(self, text: str):
        """The first match in ``text``, or None."""
        parts = self._compiled or self._compile()
        if len(parts) == 1:
            return parts[0].search(text)
        return next(_merged(parts, text), None)

    def each(self) -> list:
        """The patterns one by one, compiled."""
        if self._each is None:
            from .regex import Re2Pattern, re2_compile

            self._each = [Re2Pattern(source, text, re2_compile(text)) if linear else re.compile(text)
                          for source, text, linear in self.items]
        return self._each

    def _joined(self) -> str:
        """The alternation of the list's ``re`` patterns ("" for none)."""
        return "|".join(f"(?:{text})" for _source, text, linear in self.items if not linear)

    def _lookahead(self) -> str:
        """The class of the characters a match of the ``re`` patterns can start with ("": any)."""
        if self._first is None:
            joined = self._joined()
            self._first = (first_chars(joined) or "") if joined else ""
        return self._first

    def _compile(self) -> tuple:
        parts = []
        joined = self._joined()
        if joined:
            first = self._lookahead()
            parts.append(re.compile(f"(?={first})(?:{joined})" if first else joined))
        linear = [text for _source, text, linear in self.items if linear]
        if linear:
            from .regex import re2_compile

            parts.append(re2_compile("|".join(f"(?:{p})" for p in linear)))
            if self.items[0][2]:  # the list starts with a user's pattern: RE2's matches win ties
                parts.reverse()
        self._compiled = tuple(parts)
        return self._compiled


def _merged(parts, text: str):
    """The matches of several patterns merged into one left-to-right, non-overlapping stream."""
    streams = [p.finditer(text) for p in parts]
    pending = [next(s, None) for s in streams]
    at = 0
    while True:
        for i, stream in enumerate(streams):
            while pending[i] is not None and pending[i].start() < at:
                pending[i] = next(stream, None)
        live = [(m.start(), i) for i, m in enumerate(pending) if m is not None]
        if not live:
            return
        _, i = min(live)
        m = pending[i]
        yield m
        at = m.end() if m.end() > m.start() else m.end() + 1


# --- the first characters of a match ------------------------------------------------------------
#
# A small reading of the pattern's text (re.compile has checked it): for each piece of
# a branch, the characters it can start with (None: any) and whether it can be empty;
# a branch starts with those of its pieces up to the first that cannot be empty.
# Anything not understood here gives no class at all, never a wrong one.

_ESCAPE_SIZE = {"u": 6, "U": 10, "x": 4}  # \uXXXX, \UXXXXXXXX, \xXX; any other escape: 2
_ZERO_WIDTH_ESCAPES = set("bBAZ")
_REPEAT = re.compile(r"\{(\d*),?(\d*)\}")
_FLAGS = re.compile(r"\(\?[aiLmsux]*(?:-[imsx]+)?([:)])")


class _Unknown(Exception):
    pass


def first_chars(pattern: str) -> str | None:
    """A character class (``[...]``) every match of ``pattern`` starts with, or None."""
    try:
        items, nullable, end = _branches(pattern, 0)
    except (_Unknown, IndexError, ValueError):
        return None
    if end != len(pattern) or nullable or not items or None in items:
        return None
    return "[" + "".join(dict.fromkeys(items)) + "]"


def _branches(text: str, i: int) -> tuple[list, bool, int]:
    """The first items of the alternation at ``text[i]``, whether it can be empty, and where
    it ends (at a ``)`` or the end of the text)."""
    items, nullable = [], False
    while True:
        first, empty, i = _sequence(text, i)
        items += first
        nullable = nullable or empty
        if i < len(text) and text[i] == "|":
            i += 1
            continue
        return items, nullable, i


def _sequence(text: str, i: int) -> tuple[list, bool, int]:
    items: list = []
    open_ = True  # all pieces so far can be empty
    while i < len(text) and text[i] not in "|)":
        first, empty, i = _piece(text, i)
        if open_:
            items += first
            open_ = empty
    return items, open_, i


def _piece(text: str, i: int) -> tuple[list, bool, int]:
    """An atom and its repeat: (the items it can start with, whether it can be empty, its end)."""
    ch = text[i]
    if ch == "\\":
        letter = text[i + 1]
        if letter in _ZERO_WIDTH_ESCAPES:
            return [], True, i + 2
        escape = _escape(text, i)
        # a back reference stands for what its group took: a match may start with anything
        first, i = [None if letter.isdecimal() and letter != "0" else escape], i + len(escape)
        empty = False
    elif ch == "[":
        end = _class_end(text, i)
        body = text[i + 1:end]
        first, empty, i = [None] if body.startswith("^") else _class(body), False, end + 1
    elif ch == "(":
        first, empty, i = _group(text, i)
    elif ch in "^$":
        return [], True, i + 1
    else:  # "." is any character
        first, empty, i = [None if ch == "." else _literal(ch)], False, i + 1
    return first, empty or _may_skip(text, i), _after_repeat(text, i)


def _escape(text: str, i: int) -> str:
    """The escape at ``text[i]`` as it stands (the same character inside a class, but for a
    back reference ``\\1``, which a class reads as an octal code)."""
    letter = text[i + 1]
    if letter == "N":  # \N{NAME}
        return text[i:text.index("}", i) + 1]
    if letter.isdecimal():  # an octal code or a back reference: up to three digits
        end = i + 2
        while end < min(i + 4, len(text)) and text[end].isdecimal():
            end += 1
        return text[i:end]
    return text[i:i + _ESCAPE_SIZE.get(letter, 2)]


def _literal(ch: str) -> str:
    return "\\" + ch if ch in "]\\^-[" else re.escape(ch)


def _may_skip(text: str, i: int) -> bool:
    """Whether the repeat at ``text[i]`` (if any) allows no occurrence."""
    if text.startswith(("?", "*"), i):
        return True
    m = _REPEAT.match(text, i)
    return bool(m) and (m.group(1) or "0") == "0"


def _after_repeat(text: str, i: int) -> int:
    if i < len(text) and text[i] in "?*+":
        i += 1
    else:
        m = _REPEAT.match(text, i)
        if not m:
            return i
        i = m.end()
    return i + 1 if i < len(text) and text[i] in "?+" else i  # lazy or possessive


def _class(body: str) -> list[str]:
    """The items of a class ``[body]``, each written to stand alone in another class."""
    tokens, k = [], 0
    while k < len(body):
        if body[k] == "\\":
            tokens.append(_escape(body, k))
            k += len(tokens[-1])
        else:
            tokens.append(body[k] if body[k] == "-" else _literal(body[k]))  # a bare "-" kept bare
            k += 1
    items, j = [], 0
    while j < len(tokens):
        if j + 2 < len(tokens) and tokens[j + 1] == "-":  # a range
            items.append(f"{_bare(tokens[j])}-{_bare(tokens[j + 2])}")
            j += 3
        else:
            items.append(_bare(tokens[j]))
            j += 1
    return items


def _bare(token: str) -> str:
    return "\\-" if token == "-" else token


def _class_end(text: str, i: int) -> int:
    """The index of the ``]`` closing the class opened at ``text[i]``."""
    j = i + 1
    if text.startswith("^", j):
        j += 1
    if text.startswith("]", j):
        j += 1
    while text[j] != "]":
        j += 2 if text[j] == "\\" else 1
    return j


def _group(text: str, i: int) -> tuple[list, bool, int]:
    if text.startswith("(?#", i):  # a comment
        return [], True, text.index(")", i) + 1
    looks = text.startswith(("(?=", "(?!", "(?<=", "(?<!"), i)
    flags = _FLAGS.match(text, i) if not looks else None
    if flags and flags.group(1) == ")":  # (?i) for the whole pattern
        raise _Unknown
    if looks:
        start = i + (4 if text[i + 2] == "<" else 3)
    elif flags:
        start = flags.end()
    elif text.startswith("(?P<", i):
        start = text.index(">", i) + 1
    elif text.startswith(("(?P=", "(?("), i):  # a back reference, a conditional
        start = text.index(")", i) + 1 if text[i + 2] == "P" else i + 2
        if text[i + 2] == "P":
            return [None], False, start
        _cond, _n, end = _branches(text, text.index(")", i) + 1)
        return [None], True, end + 1
    elif text.startswith("(?>", i):  # an atomic group
        start = i + 3
    else:
        start = i + 1
    items, nullable, end = _branches(text, start)
    if looks:  # looks around: takes no character
        return [], True, end + 1
    if flags and flags.group(0) != "(?:":  # flags change what the characters match
        items = [None]
    return items, nullable, end + 1
