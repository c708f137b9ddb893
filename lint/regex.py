"""Regular expressions from rule packs and configuration, compiled so that no input can stall a run.

Python's ``re`` backtracks: a pattern such as ``(a+)+$`` takes time exponential in
the length of the line it is matched against, and even ``\\s*\\s*x`` is cubic. The
default pack ships with reportlint and is reviewed, so it is compiled with ``re``
(it needs lookarounds). A user's pattern (a rule pack given with ``--rules``, an
``allow`` pattern of the configuration) runs on RE2, whose matching time is linear in
the input: it is checked by ``re`` (so it means what Python says it means), written
in RE2's syntax with Python's meaning — ``\\d``, ``\\w`` and ``\\s`` cover Unicode, as in
Python, not ASCII only as in RE2 — and compiled by google-re2.

What RE2 cannot run — lookarounds, backreferences, ``\\b`` outside ASCII mode,
atomic groups and possessive repeats — is refused with a ``PatternError`` that says
why; the pack loader turns it into an error naming the file, line and column.
"""

from __future__ import annotations

import re


class PatternError(ValueError):
    """A pattern that is invalid or cannot run in linear time; the message says why."""


class _Untranslatable(Exception):
    """The pattern uses something RE2 has no equivalent for (the message names it)."""


def _re2_module():
    """google-re2, imported when a user's pattern first needs it (the default pack never does)."""
    try:
        import re2
    except ImportError:  # pragma: no cover - google-re2 is a dependency
        raise PatternError("patterns of your own need google-re2, which is not installed") from None
    return re2


# --- Python's syntax written for RE2 ----------------------------------------------------------

# Python's \s in a str pattern: exactly the characters for which str.isspace() is true.
_SPACE = r"\x{9}-\x{D}\x{1C}-\x{20}\x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}"
# \d, \w, \s inside a class, in Unicode (Python's default) and ASCII mode ((?a)).
_ITEMS = {False: {"d": r"\p{Nd}", "w": r"\p{L}\p{N}_", "s": _SPACE, "D": r"\P{Nd}"},
          True: {"d": "0-9", "w": "0-9A-Za-z_", "s": r"\t\n\v\f\r "}}
_ALONE = {False: {"d": r"\p{Nd}", "D": r"\P{Nd}", "w": r"[\p{L}\p{N}_]", "W": r"[^\p{L}\p{N}_]",
                  "s": f"[{_SPACE}]", "S": f"[^{_SPACE}]"},
          True: {"d": "[0-9]", "D": "[^0-9]", "w": "[0-9A-Za-z_]", "W": "[^0-9A-Za-z_]",
                 "s": r"[\t\n\v\f\r ]", "S": r"[^\t\n\v\f\r ]", "b": r"\b", "B": r"\B"}}
_GROUPS = (("(?P=", "backreferences"), ("(?=", "lookarounds"), ("(?!", "lookarounds"), ("(?<=", "lookarounds"),
           ("(?<!", "lookarounds"), ("(?(", "conditionals"), ("(?>", "atomic groups"), ("(?#", "comments"))
_FLAGS = re.compile(r"\(\?([aiLmsux]+)(?:-([imsx]+))?([:)])")
_CHAR_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|x([0-9a-fA-F]{2})|(0[0-7]{0,2}|[0-3][0-7]{2}))")


def to_re2(text: str) -> str:
    """The RE2 spelling of ``text``, a valid Python pattern, with Python's meaning.

    Raises _Untranslatable for what RE2 cannot do.
    """
    out: list[str] = []
    ascii_mode = False
    i, size = 0, len(text)
    while i < size:
        ch = text[i]
        if ch == "\\":
            piece, i = _escape(text, i, ascii_mode, False)
            out.append(piece)
        elif ch == "[":
            piece, i = _class(text, i, ascii_mode)
            out.append(piece)
        elif text.startswith("(?", i):
            for opening, what in _GROUPS:
                if text.startswith(opening, i):
                    raise _Untranslatable(what)
            flags = _FLAGS.match(text, i)
            if flags:
                on, off, end = flags.groups()
                if set(on) & set("Lx") or (off and "x" in off):
                    raise _Untranslatable("the L and x flags")
                if "a" in on:
                    if end != ")":
                        raise _Untranslatable("the a flag on part of a pattern")
                    ascii_mode = True
                on = "".join(f for f in on if f in "ims")
                out.append(f"(?{on}{'-' + off if off else ''}{end}" if on or off or end == ":" else "")
                i = flags.end()
            else:  # (?: and (?P<name>, the same in RE2
                out.append("(?")
                i += 2
        elif ch in "*+?}" and text.startswith("+", i + 1):
            raise _Untranslatable("possessive repeats")
        elif text.startswith("{,", i) and re.match(r"\{,\d+\}", text[i:]):
            out.append("{0")  # Python's {,n} is {0,n}
            i += 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _escape(text: str, i: int, ascii_mode: bool, in_class: bool) -> tuple[str, int]:
    """The RE2 spelling of the escape at ``text[i]``, and where it ends."""
    letter = text[i + 1]
    m = _CHAR_ESCAPE.match(text, i)
    if m:
        code = int(m.group(1) or m.group(2) or m.group(3), 16) if not m.group(4) else int(m.group(4), 8)
        return f"\\x{{{code:X}}}", m.end()
    if in_class and letter in "dws" or (letter == "D" and in_class and not ascii_mode):
        return _ITEMS[ascii_mode][letter], i + 2
    if in_class and letter == "b":
        return r"\x{8}", i + 2  # a backspace
    if not in_class and letter in _ALONE[ascii_mode]:
        return _ALONE[ascii_mode][letter], i + 2
    if letter in "DWSbB":
        raise _Untranslatable(r"\b outside ASCII mode" if letter in "bB" else f"\\{letter} inside [...]")
    if letter.isdigit():
        raise _Untranslatable("backreferences")
    if letter == "N":
        raise _Untranslatable(r"\N{...}")
    if letter == "Z":
        return r"\z", i + 2
    if letter.isascii() and (letter.isalnum() or letter.isspace()):  # \A \n \t …, the same in RE2
        return text[i:i + 2], i + 2
    return (text[i:i + 2] if letter.isascii() else f"\\x{{{ord(letter):X}}}"), i + 2


def _class(text: str, i: int, ascii_mode: bool) -> tuple[str, int]:
    """The RE2 spelling of the class ``[...]`` at ``text[i]``, and where it ends."""
    out = ["["]
    i += 1
    if text.startswith("^", i):
        out.append("^")
        i += 1
    first = True
    while first or text[i] != "]":
        ch = text[i]
        if ch == "\\":
            piece, i = _escape(text, i, ascii_mode, True)
            out.append(piece)
        else:  # ] first, and [ anywhere, are literals in Python; RE2 wants them escaped
            out.append("\\" + ch if ch in "[]" else ch)
            i += 1
        first = False
    out.append("]")
    return "".join(out), i + 1


class Re2Pattern:
    """A pattern run by RE2, with the ``re.Pattern`` methods the rules use."""

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

    def __repr__(self):
        return f"Re2Pattern({self.pattern!r})"


def re2_compile(translated: str):
    """``translated`` (RE2's syntax) compiled by google-re2."""
    re2 = _re2_module()
    options = re2.Options()
    options.log_errors = False
    return re2.compile(translated, options)


# --- compiling ------------------------------------------------------------------------------

def compile_pattern(text: str):
    """Compile a user's pattern for RE2 (the default pack's patterns are plain ``re``
    texts, see lint.packs).

    Raises PatternError (invalid, or not to be run in linear time).
    """
    try:
        re.compile(text)
    except re.error as exc:
        raise PatternError(f"invalid regular expression {text!r}: {exc}") from None
    try:
        translated = to_re2(text)
    except _Untranslatable as exc:
        raise PatternError(f"pattern {text!r} uses {exc}, which patterns of your own cannot: they run on "
                           f"RE2, in time linear in the line, whatever it holds") from None
    try:
        return Re2Pattern(text, translated, re2_compile(translated))
    except _re2_module().error as exc:
        raise PatternError(f"pattern {text!r} cannot run on RE2: {exc}") from None


def compile_linear(text: str):
    """``text`` (a regex reportlint builds from user input, such as a glob) on RE2."""
    return Re2Pattern(text, to_re2(text), re2_compile(to_re2(text)))
