"""Display widths: the bulk column sums agree with measuring character by character."""

import re
from itertools import accumulate

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.formats import widths
from lint.formats.widths import block_tables, char_width, column_sums


def by_character(text):
    return list(accumulate(map(char_width, text), initial=0))


def test_every_bmp_character_is_its_blocks_width_or_an_exception():
    block_widths, exceptions = block_tables()
    pattern = re.compile(exceptions)
    for code in range(0x10000):
        ch = chr(code)
        if not pattern.match(ch):
            assert char_width(ch) == block_widths[code >> 8], hex(code)
    assert pattern.match("\U0001f600") and pattern.match("\U00020000")  # beyond U+FFFF: measured
    assert pattern.match("\x01") and pattern.match("\t") and pattern.match("\x85")  # control characters
    assert not pattern.search("一、主要工作：“学习”《纲要》，共XX次（1）…")


ALPHABET = ("aZ9 。，、学习XＸ“”‘’…—《》（）【】「」\t\x01\u3000é\u0301ｱﾞ\uff0c\u303f\u3099"
            "\U0001f600\U00020000\ud800가")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_column_sums_match_character_by_character(text):
    assert column_sums(text) == by_character(text)


def test_column_sums_on_real_lines():
    from conftest import ROOT

    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert column_sums(line) == by_character(line)


def test_without_the_tables_lines_are_measured_one_character_at_a_time(monkeypatch):
    monkeypatch.setattr(widths, "_TABLES", [None])
    text = "共XX次，“学习”é\u0301\U0001f600"
    assert column_sums(text) == by_character(text)


def test_the_tables_are_kept_in_the_cache_and_not_made_without_it(cache_dir, monkeypatch):
    monkeypatch.setattr(widths, "_TABLES", [])
    assert widths._block_tables() is not None
    assert any(cache_dir.glob("display-widths*"))
    monkeypatch.setattr(widths, "_TABLES", [])
    monkeypatch.setenv("REPORTLINT_NO_CACHE", "1")
    assert widths._block_tables() is None
    assert column_sums("共XX次，“学习”") == by_character("共XX次，“学习”")
