"""Display widths: how many terminal columns a character takes (CJK = 2).

``char_width`` is the definition: 0 for a combining character, 2 for an East Asian
wide or full-width one (``W``/``F``), else 1. The text format underlines a finding by
columns, so it sums the widths of each line a finding is on: :func:`column_sums`.

Looking each character up one by one is most of the cost of writing tens of
thousands of findings, so the sums are found in bulk where possible. Almost every
block of 256 code points has one width for all but a few of its characters; a line
whose characters are all of their block's usual width (no exception, nothing beyond
U+FFFF — which a search for the exceptions tells at once) has its widths read off
the high bytes of its UTF-16 form, translated through a table of 256 block widths.
The table and the exceptions are worked out from this Python's Unicode data once and
kept in reportlint's cache (see lint.cache; with the cache turned off, every line is
measured character by character). Any other line is measured so too; both give the
same sums.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from itertools import accumulate


def char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


class _Widths(dict):
    """char → display width, computed once per distinct character."""

    def __missing__(self, ch: str) -> int:
        width = self[ch] = char_width(ch)
        return width


WIDTH = _Widths()


def display_width(text: str) -> int:
    return sum(map(WIDTH.__getitem__, text))


def column_sums(text: str) -> list[int]:
    """``sums[i]``: the display columns of ``text[:i]`` (``len(text) + 1`` of them)."""
    sums = ordinary_column_sums(text)
    return char_column_sums(text) if sums is None else sums


def char_column_sums(text: str) -> list[int]:
    """:func:`column_sums` measured character by character."""
    return list(accumulate(map(WIDTH.__getitem__, text), initial=0))


def ordinary_column_sums(text: str) -> list[int] | None:
    """:func:`column_sums` of a line of ordinary characters — each of its block's usual
    width, none beyond U+FFFF and no control character — read off the block table;
    None for any other line (or without the table)."""
    tables = _block_tables()
    if tables is not None:
        block_widths, exceptions = tables
        if exceptions.search(text) is None:
            data = text.encode("utf-16-le", "surrogatepass")
            if len(data) == 2 * len(text):  # (a character beyond U+FFFF takes four bytes)
                return list(accumulate(data[1::2].translate(block_widths), initial=0))
    return None


_TABLES: list = []  # [(block widths, exceptions pattern)], or [None] when they cannot be had


def _block_tables():
    if not _TABLES:
        try:
            _TABLES.append(_load_tables())
        except Exception:  # never a reason to fail: measure character by character
            _TABLES.append(None)
    return _TABLES[0]


def _load_tables():
    from .. import cache

    if cache.directory() is None:  # (working the tables out costs more than a small run saves)
        return None
    key = cache.key()  # (Python's version fixes the Unicode data)
    stored = cache.load("display-widths.pickle", key)
    if not (isinstance(stored, tuple) and len(stored) == 2):
        stored = block_tables()
        cache.store("display-widths.pickle", key, stored)
    block_widths, exceptions = stored
    return block_widths, re.compile(exceptions)


def block_tables() -> tuple[bytes, str]:
    """The usual width of each block of 256 BMP code points (a ``bytes.translate`` table
    from a UTF-16 high byte to a width), and a character class matching every BMP
    character of another width than its block's, every control character and every
    character beyond U+FFFF."""
    widths = bytearray(256)
    ranges: list[tuple[int, int]] = []
    for block in range(256):
        base = block * 256
        found = [char_width(chr(base + low)) for low in range(256)]
        usual = Counter(found).most_common(1)[0][0]
        widths[block] = usual
        for low, width in enumerate(found):
            if width != usual:
                code = base + low
                if ranges and ranges[-1][1] == code - 1:
                    ranges[-1] = (ranges[-1][0], code)
                else:
                    ranges.append((code, code))
    # control characters too (of their block's width, but shown otherwise), and beyond U+FFFF
    ranges += [(0x00, 0x1F), (0x7F, 0x9F), (0x10000, 0x10FFFF)]
    items = "".join(f"\\U{lo:08x}" if lo == hi else f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in ranges)
    return bytes(widths), f"[{items}]"
