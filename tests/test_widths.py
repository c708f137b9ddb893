"""Display widths (wcwidth's): the bulk column sums agree with measuring character by
character, for both widths of the East Asian ambiguous characters."""

import re
from collections import Counter
from itertools import accumulate

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.formats import widths
from lint.formats.widths import block_tables, char_width, column_sums, display_width


def by_character(text, ambiguous=1):
    return list(accumulate((char_width(ch, ambiguous) for ch in text), initial=0))


def test_widths_of_what_reports_hold():
    assert display_width("述职报告") == 8
    assert display_width("AB12") == 4
    assert display_width("\u200b") == 0  # a zero-width space (copied web text) takes no column
    assert display_width("e\u0301") == 1  # a combining accent neither
    assert display_width("\t\x01") == 2  # control characters are shown as a space each
    assert display_width("“”…—") == 4 and display_width("“”…—", 2) == 8  # ambiguous: as the terminal draws them
    assert display_width("，。") == display_width("，。", 2) == 4  # full-width punctuation is wide either way


@pytest.mark.parametrize("ambiguous", [1, 2])
def test_every_bmp_character_is_its_blocks_width_or_an_exception(ambiguous):
    block_widths, exceptions, exception_widths = block_tables(ambiguous)
    pattern = re.compile(exceptions)
    for code in range(0x10000):
        ch = chr(code)
        if pattern.match(ch):
            assert exception_widths[ch] == char_width(ch, ambiguous), hex(code)
        else:
            assert char_width(ch, ambiguous) == block_widths[code >> 8], hex(code)
    assert pattern.match("\U0001f600") and pattern.match("\U00020000")  # beyond U+FFFF: measured
    assert pattern.match("\x01") and pattern.match("\t") and pattern.match("\x85")  # control characters
    assert not pattern.search("一、主要工作：学习《纲要》，共XX次（1）")


ALPHABET = ("aZ9 。，、学习XＸ“”‘’…—《》（）【】「」\t\x01\u3000é\u0301ｱﾞ\uff0c\u303f\u3099\u200b·"
            "\U0001f600\U00020000\ud800가")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60), st.sampled_from([1, 2]))
def test_column_sums_match_character_by_character(text, ambiguous):
    assert column_sums(text, ambiguous) == by_character(text, ambiguous)


def test_column_sums_on_real_lines():
    from conftest import ROOT

    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert column_sums(line) == by_character(line)
            assert column_sums(line, 2) == by_character(line, 2)


def test_without_the_tables_lines_are_measured_one_character_at_a_time(monkeypatch):
    monkeypatch.setattr(widths, "_TABLES", {1: None, 2: None})
    text = "共XX次，“学习”é\u0301\U0001f600\u200b"
    assert column_sums(text) == by_character(text)
    assert column_sums(text, 2) == by_character(text, 2)


def test_a_small_run_measures_by_character_and_a_large_one_works_the_tables_out(cache_dir, monkeypatch):
    monkeypatch.setattr(widths, "_TABLES", {})
    monkeypatch.setattr(widths, "_BY_CHARACTER", Counter())
    monkeypatch.setattr(widths, "TABLES_AFTER", 50)
    real = widths.block_tables
    monkeypatch.setattr(widths, "block_tables", lambda ambiguous: pytest.fail("worked out for a small run"))
    lines = ["共XX次，“学习”", "（一）主要工作", "2024年完成了X项任务。"] * 16
    assert [column_sums(line) for line in lines] == [by_character(line) for line in lines]
    assert widths._block_tables() is None and not any(cache_dir.glob("display-widths-1*"))
    monkeypatch.setattr(widths, "block_tables", real)
    assert [column_sums(line) for line in lines] == [by_character(line) for line in lines]
    assert widths._block_tables() is not None  # worked out once the run had measured 50 lines
    assert any(cache_dir.glob("display-widths-1*"))


def test_the_tables_are_kept_in_the_cache_and_not_made_without_it(cache_dir, monkeypatch):
    monkeypatch.setattr(widths, "_TABLES", {})
    assert widths._tables(1, make=True) is not None
    assert any(cache_dir.glob("display-widths-1*"))
    monkeypatch.setattr(widths, "_TABLES", {})
    assert widths._block_tables() is not None  # the next run finds them
    monkeypatch.setattr(widths, "_TABLES", {})
    monkeypatch.setenv("REPORTLINT_NO_CACHE", "1")
    assert widths._block_tables() is None
    assert column_sums("共XX次，“学习”") == by_character("共XX次，“学习”")
