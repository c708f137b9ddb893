"""Display widths: how many terminal columns a character takes.

``char_width`` is the definition, from wcwidth: 2 for a wide or full-width character
(CJK), 0 for a combining or zero-width one (``\\u0301``, a zero-width space), 1 for the
rest; characters of East Asian *ambiguous* width (``“ ” ‘ ’ … — ·``) take
``ambiguous`` columns, 1 or 2, as the terminal draws them (``--ambiguous-width``). A
control character is shown as a space, so it takes 1. The text format underlines a
finding by columns, so it sums the widths along each line a finding is on:
:func:`column_sums`.

Looking each character up one by one is most of the cost of writing tens of
thousands of findings, so the sums are found in bulk where possible. Almost every
block of 256 code points has one width for all but a few of its characters; a line
whose characters are all of their block's usual width (no exception, nothing beyond
U+FFFF — which a search for the exceptions tells at once) has its widths read off
the high bytes of its UTF-16 form, translated through a table of 256 block widths.
The table, the exceptions and their widths are worked out once per ambiguous width and
kept in reportlint's cache (see lint.cache), so a run with a warm cache does not even
import wcwidth. Working them out takes longer than a small run spends measuring, so a
run that does not find them in the cache measures character by character and works
them out only once it has measured TABLES_AFTER lines that way; with the cache turned
off, every line is measured character by character. Both give the same sums.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import accumulate

AMBIGUOUS_WIDTHS = (1, 2)


def char_width(ch: str, ambiguous: int = 1) -> int:
    if ch < " " or "\x7f" <= ch < "\xa0":  # a control character is shown as a space
        return 1
    from wcwidth import wcwidth

    width = wcwidth(ch, ambiguous_width=ambiguous)
    return width if width >= 0 else 1


class _Widths(dict):
    """char → display width, computed once per distinct character."""

    def __init__(self, ambiguous: int):
        super().__init__()
        self.ambiguous = ambiguous

    def __missing__(self, ch: str) -> int:
        tables = _block_tables(self.ambiguous)
        if tables is not None and ch <= "\uffff":
            block_widths, _exceptions, exception_widths = tables
            width = exception_widths.get(ch, block_widths[ord(ch) >> 8])
        else:
            width = char_width(ch, self.ambiguous)
        self[ch] = width
        return width


_TABLES_BY_AMBIGUOUS = {a: _Widths(a) for a in AMBIGUOUS_WIDTHS}


def width_table(ambiguous: int = 1) -> _Widths:
    """The char → width mapping for ``ambiguous`` (look characters up with ``[ch]``)."""
    return _TABLES_BY_AMBIGUOUS[ambiguous]


WIDTH = width_table(1)


def display_width(text: str, ambiguous: int = 1) -> int:
    if text.isascii():  # (every ASCII character takes one column, a control shown as a space too)
        return len(text)
    return sum(map(width_table(ambiguous).__getitem__, text))


def column_sums(text: str, ambiguous: int = 1) -> list[int]:
    """``sums[i]``: the display columns of ``text[:i]`` (``len(text) + 1`` of them)."""
    sums = ordinary_column_sums(text, ambiguous)
    return char_column_sums(text, ambiguous) if sums is None else sums


def char_column_sums(text: str, ambiguous: int = 1) -> list[int]:
    """:func:`column_sums` measured character by character."""
    return list(accumulate(map(width_table(ambiguous).__getitem__, text), initial=0))


def ordinary_column_sums(text: str, ambiguous: int = 1) -> list[int] | None:
    """:func:`column_sums` of a line of ordinary characters — each of its block's usual
    width, none beyond U+FFFF and no control character — read off the block table;
    None for any other line (or without the table)."""
    tables = _block_tables(ambiguous)
    if tables is None:
        _BY_CHARACTER[ambiguous] += 1
        return None
    block_widths, exceptions, _exception_widths = tables
    if exceptions.search(text) is None:
        data = text.encode("utf-16-le", "surrogatepass")
        if len(data) == 2 * len(text):  # (a character beyond U+FFFF takes four bytes)
            return list(accumulate(data[1::2].translate(block_widths), initial=0))
    return None


_TABLES: dict = {}  # ambiguous width → (block widths, exceptions pattern, their widths), or None
_BY_CHARACTER: Counter = Counter()  # ambiguous width → lines measured character by character
# Lines a run measures character by character before working the tables out (which
# takes about as long as measuring 2,000 lines that way).
TABLES_AFTER = 2000


def _block_tables(ambiguous: int = 1):
    if ambiguous not in _TABLES:
        _TABLES[ambiguous] = _tables(ambiguous, make=False)
    elif _TABLES[ambiguous] is None and _BY_CHARACTER[ambiguous] == TABLES_AFTER:
        _BY_CHARACTER[ambiguous] += 1  # (worked out once at most)
        _TABLES[ambiguous] = _tables(ambiguous, make=True)
    return _TABLES[ambiguous]


def _tables(ambiguous: int, make: bool):
    try:
        return _load_tables(ambiguous, make)
    except Exception:  # never a reason to fail: measure character by character
        return None


def _load_tables(ambiguous: int, make: bool = True):
    """The tables from the cache; when not there, worked out and stored if ``make``."""
    from .. import cache

    if cache.directory() is None:  # (working the tables out costs more than a small run saves)
        return None
    name = f"display-widths-{ambiguous}.pickle"
    key = cache.key(f"ambiguous {ambiguous}".encode(), _wcwidth_release())
    stored = cache.load(name, key)
    if not (isinstance(stored, tuple) and len(stored) == 3):
        if not make:
            return None
        stored = block_tables(ambiguous)
        cache.store(name, key, stored)
    block_widths, exceptions, exception_widths = stored
    return block_widths, re.compile(exceptions), exception_widths


def _wcwidth_release() -> bytes:
    """wcwidth's ``__init__.py``, which names its version, read without importing it (its
    tables decide the widths)."""
    from importlib.util import find_spec

    with open(find_spec("wcwidth").origin, "rb") as fh:
        return fh.read()


# Blocks whose usual width is that of one character rather than the most common one:
# U+FF00–FFFF holds more half-width forms than full-width ones, but it is the full-width
# punctuation (，：（）) that nearly every Chinese line holds.
BLOCK_WIDTH_OF = {0xFF: 0x0C}


def block_tables(ambiguous: int = 1) -> tuple[bytes, str, dict[str, int]]:
    """The usual width of each block of 256 BMP code points (a ``bytes.translate`` table
    from a UTF-16 high byte to a width), a character class matching every BMP character
    of another width than its block's, every control character and every character
    beyond U+FFFF, and the width of each BMP character it matches."""
    widths = bytearray(256)
    ranges: list[tuple[int, int]] = []
    exception_widths: dict[str, int] = {}
    for block in range(256):
        base = block * 256
        found = [char_width(chr(base + low), ambiguous) for low in range(256)]
        usual = found[BLOCK_WIDTH_OF[block]] if block in BLOCK_WIDTH_OF else Counter(found).most_common(1)[0][0]
        widths[block] = usual
        for low, width in enumerate(found):
            if width != usual:
                code = base + low
                exception_widths[chr(code)] = width
                if ranges and ranges[-1][1] == code - 1:
                    ranges[-1] = (ranges[-1][0], code)
                else:
                    ranges.append((code, code))
    # control characters too (of their block's width, but shown otherwise), and beyond U+FFFF
    for code in [*range(0x00, 0x20), *range(0x7F, 0xA0)]:
        exception_widths[chr(code)] = 1
    ranges += [(0x00, 0x1F), (0x7F, 0x9F), (0x10000, 0x10FFFF)]
    items = "".join(f"\\U{lo:08x}" if lo == hi else f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in ranges)
    return bytes(widths), f"[{items}]", exception_widths
