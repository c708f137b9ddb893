"""The first-character lookahead on combined pack patterns: same matches, or no lookahead."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import default_pack, load_bench
from lint.prefilter import alternation, first_chars


@pytest.mark.parametrize("pattern, expected", [
    ("(QQ|微信)群", "[Q微]"),
    ("(点击|免费)?下载", "[点免下]"),
    (r"(?<![A-Za-z])[XxＸ×]+(?![A-Za-z0-9])", "[XxＸ×]"),
    (r"^\s*\*(?=\s)", r"[\s\*]"),
    (r"\d{2,}年", r"[\d]"),
    ("[a-c\\]-]x", r"[a-c\]\-]"),
    (r"(\w)\1", r"[\w]"),
])
def test_first_chars(pattern, expected):
    assert first_chars(pattern) == expected


@pytest.mark.parametrize("pattern", [
    ".广告",          # any character
    "[^。]+号",       # a negated class
    "a?",             # can match the empty string
    "(?i)qq群",       # flags change what a character matches
])
def test_unknown_first_chars_give_no_lookahead(pattern):
    assert first_chars(pattern) is None
    assert alternation([pattern]) == f"(?:{pattern})"


def test_patterns_that_start_with_a_character_are_left_alone():
    assert alternation(["##[A-Za-z]+##", "【广告】"]) == "(?:##[A-Za-z]+##)|(?:【广告】)"


def spans(pattern, lines):
    return [[m.span() for m in pattern.finditer(line)] for line in lines]


def test_default_pack_lists_match_exactly_as_plain_alternations():
    bench = load_bench()
    seeds = bench.seed_texts()
    lines = "".join(seeds + [bench.make_report(i, seeds) for i in range(60)]).splitlines()
    pack = default_pack()
    for key in pack.lists:
        plain = re.compile("|".join(f"(?:{p.pattern})" for p in pack.patterns(key)))
        combined = pack.combined(key)
        if combined is not None:
            assert spans(combined, lines) == spans(plain, lines), key


PATTERNS = ["(QQ|微信)群", "(点击|免费)?下载(文档|全文)", r"(?<![A-Za-z])[Xx×]+(?![A-Za-z0-9])",
            r"\*+", r"[AＡ]{3,}", r"\d\s*[+＋]\s*[XxＸ]", r"^\s*\*(?=\s)", "会员(资料|专享)", r"第.{0,2}名"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PATTERNS), min_size=1, max_size=5, unique=True),
       st.text(alphabet="QQ群微信点击免费下载文档全文Xx×*AＡ1+ 会员资料专享第名a", max_size=40))
def test_any_alternation_matches_as_the_plain_one(patterns, text):
    plain = re.compile("|".join(f"(?:{p})" for p in patterns))
    assert spans(re.compile(alternation(patterns)), [text]) == spans(plain, [text])
