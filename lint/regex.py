"""Regular expressions from rule packs, compiled so that no input can stall a run.

Python's ``re`` backtracks: a pattern such as ``(a+)+$`` takes time exponential in
the length of the line it is matched against, and even ``\\s*\\s*x`` is cubic. The
default pack ships with reportlint and is reviewed, so it is compiled with ``re``
(it needs lookarounds). A user's pack is not trusted:

1. A pattern RE2 can express is translated to RE2 syntax (keeping Python's
   meaning of ``\\d``, ``\\w``, ``\\s``, which RE2 reads as ASCII only) and run by
   google-re2, whose matching time is linear in the input.
2. A pattern RE2 cannot express (lookarounds such as ``(?=同志)``) is run by ``re``
   only when its backtracking is bounded: no backreferences, no unbounded repeat
   (``*``, ``+``, ``{n,}``), and at most ``MAX_PATHS`` ways for the pattern to match
   at one position. Matching then costs at most a constant per character.

Anything else is refused with a ``PatternError`` that says why; the pack loader
turns it into an error naming the file, line and column.
"""

from __future__ import annotations

import functools
import re

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

@functools.lru_cache(maxsize=None)
def _re2_module():
    """google-re2, imported when a user's pattern first needs it (the default pack never does)."""
    try:
        import re2
    except ImportError:  # pragma: no cover - google-re2 is a dependency; stay usable without it
        return None
    return re2

# Most ways a backtracking (``re``) pattern from a user's pack may match at one position.
MAX_PATHS = 1000
_UNBOUNDED = _c.MAXREPEAT


class PatternError(ValueError):
    """A pattern that is invalid or could backtrack without bound; the message says why."""


# --- translation to RE2 ---------------------------------------------------------------------

class _Untranslatable(Exception):
    """The pattern uses something RE2 has no equivalent for."""


# Python's \s in a str pattern: exactly the characters for which str.isspace() is true.
_SPACE_RANGES = ((0x09, 0x0D), (0x1C, 0x20), (0x85, 0x85), (0xA0, 0xA0), (0x1680, 0x1680),
                 (0x2000, 0x200A), (0x2028, 0x2029), (0x202F, 0x202F), (0x205F, 0x205F),
                 (0x3000, 0x3000))


def _char(code: int) -> str:
    ch = chr(code)
    if ch.isascii() and ch.isalnum():
        return ch
    return "\\x{%X}" % code


def _ranges(ranges) -> str:
    return "".join(_char(a) if a == b else f"{_char(a)}-{_char(b)}" for a, b in ranges)


_SPACE = _ranges(_SPACE_RANGES)
# (inside a class, whole class when negated) for each category, Unicode and ASCII.
_CATEGORIES = {
    "CATEGORY_DIGIT": ("\\p{Nd}", "0-9"),
    "CATEGORY_SPACE": (_SPACE, "\\t\\n\\v\\f\\r "),
    "CATEGORY_WORD": ("\\p{L}\\p{N}_", "0-9A-Za-z_"),
}
_NEGATED = {"CATEGORY_NOT_DIGIT": "CATEGORY_DIGIT", "CATEGORY_NOT_SPACE": "CATEGORY_SPACE",
            "CATEGORY_NOT_WORD": "CATEGORY_WORD"}


class _Translator:
    def __init__(self, flags: int, groupdict: dict):
        self.ascii = bool(flags & _c.SRE_FLAG_ASCII)
        self.names = {number: name for name, number in groupdict.items()}

    def category(self, name: str) -> str:
        unicode_set, ascii_set = _CATEGORIES[name]
        return ascii_set if self.ascii else unicode_set

    def klass(self, items) -> str:
        negate = False
        parts = []
        for op, av in items:
            op = str(op)
            if op == "NEGATE":
                negate = True
            elif op == "LITERAL":
                parts.append(_char(av))
            elif op == "RANGE":
                parts.append(_ranges([av]))
            elif op == "CATEGORY":
                name = str(av)
                if name in _NEGATED:
                    if name == "CATEGORY_NOT_DIGIT" and not self.ascii:
                        parts.append("\\P{Nd}")
                    elif len(items) == 1:  # \S or \W on its own
                        return f"[^{self.category(_NEGATED[name])}]"
                    else:
                        raise _Untranslatable(name)
                else:
                    parts.append(self.category(name))
            else:
                raise _Untranslatable(op)
        return f"[{'^' if negate else ''}{''.join(parts)}]"

    def seq(self, pattern) -> str:
        return "".join(self.item(op, av) for op, av in pattern)

    def item(self, op, av) -> str:
        name = str(op)
        if name == "LITERAL":
            return _char(av)
        if name == "NOT_LITERAL":
            return f"[^{_char(av)}]"
        if name == "ANY":
            return "."
        if name == "IN":
            return self.klass(av)
        if name == "AT":
            at = str(av)
            if at in ("AT_BEGINNING", "AT_BEGINNING_LINE"):
                return "^"
            if at == "AT_BEGINNING_STRING":
                return "\\A"
            if at in ("AT_END", "AT_END_LINE"):
                return "$"  # lines never contain a line end, so "before a final \n" never arises
            if at == "AT_END_STRING":
                return "\\z"
            if at in ("AT_BOUNDARY", "AT_NON_BOUNDARY") and self.ascii:
                return "\\b" if at == "AT_BOUNDARY" else "\\B"
            raise _Untranslatable(at)  # RE2's \b knows only ASCII letters
        if name == "BRANCH":
            return "(?:" + "|".join(self.seq(branch) for branch in av[1]) + ")"
        if name == "SUBPATTERN":
            group, add_flags, del_flags, sub = av
            flags = _flag_letters(add_flags)
            off = _flag_letters(del_flags)
            body = self.seq(sub)
            if flags or off:
                body = f"(?{flags}{'-' + off if off else ''}:{body})"
            if group is None:
                return f"(?:{body})"
            if group in self.names:
                return f"(?P<{self.names[group]}>{body})"
            return f"({body})"
        if name in ("MAX_REPEAT", "MIN_REPEAT"):
            lo, hi, sub = av
            body = self.seq(sub)
            if hi == _UNBOUNDED:
                count = {0: "*", 1: "+"}.get(lo, f"{{{lo},}}")
            elif lo == hi:
                count = f"{{{lo}}}"
            else:
                count = "?" if (lo, hi) == (0, 1) else f"{{{lo},{hi}}}"
            return f"(?:{body}){count}{'?' if name == 'MIN_REPEAT' else ''}"
        # lookarounds, backreferences, conditionals, atomic groups, possessive repeats
        raise _Untranslatable(name)


def _flag_letters(flags: int) -> str:
    letters = ""
    for bit, letter in ((_c.SRE_FLAG_IGNORECASE, "i"), (_c.SRE_FLAG_MULTILINE, "m"),
                        (_c.SRE_FLAG_DOTALL, "s")):
        if flags & bit:
            letters += letter
    if flags & ~(_c.SRE_FLAG_IGNORECASE | _c.SRE_FLAG_MULTILINE | _c.SRE_FLAG_DOTALL
                 | _c.SRE_FLAG_VERBOSE | _c.SRE_FLAG_UNICODE):
        raise _Untranslatable("flags")
    return letters


def to_re2(text: str) -> str:
    """The RE2 spelling of a Python pattern, with Python's meaning; raises if there is none."""
    parsed = _sre_parse.parse(text)
    translator = _Translator(parsed.state.flags, parsed.state.groupdict)
    body = translator.seq(parsed)
    flags = _flag_letters(parsed.state.flags & ~_c.SRE_FLAG_ASCII)
    return f"(?{flags}){body}" if flags else body


class Re2Pattern:
    """A pattern run by RE2, with the ``re.Pattern`` methods the rules use."""

    engine = "re2"

    def __init__(self, source: str, translated: str, compiled):
        self.pattern = source  # as the user wrote it
        self.translated = translated
        self._compiled = compiled

    def search(self, text, pos=0, endpos=None):
        return self._compiled.search(text, pos, endpos)

    def match(self, text, pos=0, endpos=None):
        return self._compiled.match(text, pos, endpos)

    def fullmatch(self, text, pos=0, endpos=None):
        return self._compiled.fullmatch(text, pos, endpos)

    def finditer(self, text, pos=0, endpos=None):
        return self._compiled.finditer(text, pos, endpos)

    def findall(self, text, pos=0, endpos=None):
        return self._compiled.findall(text, pos, endpos)

    def __repr__(self):
        return f"Re2Pattern({self.pattern!r})"


def _re2_compile(translated: str):
    _re2 = _re2_module()
    options = _re2.Options()
    options.log_errors = False
    return _re2.compile(translated, options)


# --- the bounded-backtracking check ---------------------------------------------------------

def backtracking_paths(pattern, limit: int = MAX_PATHS) -> int:
    """An upper bound on the ways ``pattern`` (a parsed pattern) can match at one position.

    Returns ``limit + 1`` as soon as the bound exceeds ``limit``. Raises PatternError for
    constructs that are refused whatever the bound (backreferences).
    """
    over = limit + 1
    total = 1
    for op, av in pattern:
        name = str(op)
        if name in ("GROUPREF", "GROUPREF_EXISTS"):
            raise PatternError("backreferences (\\1, (?P=name), (?(1)…)) are not allowed in a rule pack")
        if name == "BRANCH":
            paths = sum(backtracking_paths(b, limit) for b in av[1])
        elif name == "SUBPATTERN":
            paths = backtracking_paths(av[-1], limit)
        elif name in ("ASSERT", "ASSERT_NOT", "ATOMIC_GROUP"):
            paths = backtracking_paths(av[-1], limit)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            lo, hi, sub = av
            if hi == _UNBOUNDED:
                return over
            inner = backtracking_paths(sub, limit)
            if inner == 1:
                paths = hi - lo + 1
            else:
                paths = 0
                for count in range(lo, hi + 1):
                    paths += inner ** count
                    if paths > limit:
                        break
        else:
            paths = 1
        total *= max(paths, 1)
        if total > limit:
            return over
    return total


# --- compiling ------------------------------------------------------------------------------

def compile_pattern(text: str, trusted: bool = False):
    """Compile a pack's pattern: ``re`` for a trusted pack, RE2 or bounded ``re`` otherwise.

    Raises PatternError (invalid, or able to backtrack without bound).
    """
    try:
        compiled = re.compile(text)
    except re.error as exc:
        raise PatternError(f"invalid regular expression {text!r}: {exc}") from None
    if trusted:
        return compiled
    linear = _on_re2(text)
    if linear is not None:
        return linear
    try:
        paths = backtracking_paths(_sre_parse.parse(text))
    except PatternError as exc:
        raise PatternError(f"pattern {text!r}: {exc}") from None
    if paths > MAX_PATHS:
        why = f"pattern {text!r} uses a lookaround or \\b, which only the backtracking engine supports; there" \
            if _re2_module() is not None else f"pattern {text!r} would run on the backtracking engine (google-re2 is not installed); there"
        raise PatternError(
            f"{why} unbounded or deeply nested repeats (*, +, {{n,}}, (a+)+) can stall on a long line: "
            f"write bounded repeats such as {{0,20}}, or drop the lookaround")
    return compiled


def compile_linear(text: str):
    """``text`` on RE2 when it can express it, else on ``re`` (for regexes reportlint builds
    itself from user input, such as globs, which never need lookarounds)."""
    compiled = re.compile(text)
    linear = _on_re2(text)
    return compiled if linear is None else linear


def _on_re2(text: str):
    """``text`` compiled by RE2, or None when RE2 is missing or cannot express it."""
    _re2 = _re2_module()
    if _re2 is None:
        return None
    try:
        translated = to_re2(text)
        return Re2Pattern(text, translated, _re2_compile(translated))
    except (_Untranslatable, _re2.error, UnicodeEncodeError):
        return None


def engine_of(pattern) -> str:
    return getattr(pattern, "engine", "re")


def combine(patterns: list):
    """One pattern that finds what any of ``patterns`` finds (None when there are none).

    Patterns of one engine are joined into one alternation; when both engines are in
    the list, their matches are merged leftmost first, earlier patterns winning ties.
    """
    if not patterns:
        return None
    python = [p for p in patterns if engine_of(p) == "re"]
    linear = [p for p in patterns if engine_of(p) == "re2"]
    from .prefilter import compile_alternation  # tried only where a match can start

    joined_re = compile_alternation([p.pattern for p in python]) if python else None
    if not linear:
        return joined_re
    translated = "|".join(f"(?:{p.translated})" for p in linear)
    joined_re2 = Re2Pattern(translated, translated, _re2_compile(translated))
    if joined_re is None:
        return joined_re2
    first = "re" if engine_of(patterns[0]) == "re" else "re2"
    pair = (joined_re, joined_re2) if first == "re" else (joined_re2, joined_re)
    return MergedPattern(*pair)


class MergedPattern:
    """Matches of two patterns merged into one left-to-right, non-overlapping stream."""

    engine = "mixed"

    def __init__(self, first, second):
        self.parts = (first, second)
        self.pattern = "|".join(f"(?:{p.pattern})" for p in self.parts)

    def finditer(self, text, pos=0, endpos=None):
        endpos = len(text) if endpos is None else endpos
        streams = [p.finditer(text, pos, endpos) for p in self.parts]
        pending = [next(s, None) for s in streams]
        at = pos
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

    def search(self, text, pos=0, endpos=None):
        return next(self.finditer(text, pos, endpos), None)

    def findall(self, text, pos=0, endpos=None):
        return [m.group() for m in self.finditer(text, pos, endpos)]
