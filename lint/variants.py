"""Traditional characters (繁體) read as simplified ones, for matching only.

The rule packs are written in simplified characters: 工作总结, 存在问题, 此处隐藏. A report
written or copied in traditional characters (工作總結, 存在問題) must match them too. The
rules therefore read a line's ``view`` with its traditional characters converted to
simplified ones by OpenCC (``t2s``), one character for one, so every position still
points into the original text, and messages still quote the original.

OpenCC is loaded only for a text that may hold a traditional character: a CJK
ideograph outside GB 2312, the simplified character set (the check runs in the
codec's C loop). A report in simplified characters never pays for it.
"""

from __future__ import annotations

import codecs
import functools

_PROBE = "reportlint-traditional-probe"


class _Found(Exception):
    pass


def _is_ideograph(ch: str) -> bool:
    code = ord(ch)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3134F


def _probe(exc: UnicodeEncodeError):
    if any(_is_ideograph(ch) for ch in exc.object[exc.start:exc.end]):
        raise _Found
    return "", exc.end


codecs.register_error(_PROBE, _probe)


def may_hold_traditional(text: str) -> bool:
    """Whether ``text`` holds a CJK ideograph outside GB 2312 (which every traditional-only
    character is)."""
    try:
        text.encode("gb2312", _PROBE)
    except _Found:
        return True
    return False


@functools.lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def simplified(line: str) -> str:
    """``line`` (one line, no line end) with its traditional characters made simplified.

    OpenCC's tables are not all one character for one: a conversion that would change
    the line's length is not taken, and the line is kept as it is.
    """
    if not may_hold_traditional(line):
        return line
    out = _converter().convert(line)
    return out if len(out) == len(line) and out != line else line
