"""A pack list as one Matcher: the same matches as the plain alternation, a first-character
class that never leaves a match out, and the lists of both engines merged."""

import pickle
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import default_pack, load_bench
from lint.matcher import Matcher, first_chars
from lint.regex import compile_pattern


@pytest.mark.parametrize("pattern, expected", [
    ("(QQ|微信)群", "[Q微]"),
    ("(点击|免费)?下载", "[点免下]"),
    (r"(?<![A-Za-z])[XxＸ×]+(?![A-Za-z0-9])", "[XxＸ×]"),
    (r"^\s*\*(?=\s)", r"[\s\*]"),
    (r"\d{2,}年", r"[\d]"),
    ("[a-c\\]-]x", r"[a-c\]\-]"),
    (r"(\w)\1", r"[\w]"),
    ("[+--]a", r"[\+-\-]"),  # a range whose end is "-"
    ("[*-]|[x]", r"[\*\-x]"),  # a "-" at the end of a class stays a "-" beside another class
    (r"x{0,3}y|x{,2}z", "[xyz]"),
    (r"[\u4e00-\u9fff]{2}|\u3000", r"[\u4e00-\u9fff\u3000]"),
    (r"(?P<w>下载)|(?:a|)b", "[下ab]"),
    (r"以下是(?:针对|关于)[^。]{0,40}的回答|x.{2}", "[以x]"),  # what follows the first piece may be anything
    (r"(?i:q)q|z", None),  # flags on a part: that part may start otherwise
    (r"(?#note)a|(?>b+)c", "[ab]"),
    ("x{a}|{", r"[x\{]"),  # braces that are characters
])
def test_first_chars(pattern, expected):
    assert first_chars(pattern) == expected


@pytest.mark.parametrize("pattern", [
    ".广告",          # any character
    "[^。]+号",       # a negated class
    "a?",             # can match the empty string
    "(?i)qq群",       # flags change what a character matches
    r"(a)?\1b",       # a back reference may come first
])
def test_unknown_first_chars_give_no_lookahead(pattern):
    assert first_chars(pattern) is None
    if not pattern.startswith("(?i)"):  # (global flags cannot stand in an alternation)
        assert [m.span() for m in Matcher.of([pattern]).finditer("广告 号 a b qq群 QQ群 x{a}")] == \
               [m.span() for m in re.finditer(pattern, "广告 号 a b qq群 QQ群 x{a}")]


# Patterns built from pieces of every kind the reading knows (and a few it gives up on).
ATOMS = st.sampled_from(["X", "群", r"\d", r"\s", r"\*", "[XxＸ×]", "[a-c-]", r"[\]x]", "[^a]", ".", r"\b",
                         "^", "$", "(?<![A-Z])", "(?=[a-c])", "(?!X)", r"\u3000", "-", "a"])
REPEATS = st.sampled_from(["", "", "?", "*", "+", "{0,2}", "{2}", "{1,}", "??"])


@st.composite
def patterns(draw, depth=0):
    branches = []
    for _ in range(draw(st.integers(1, 3))):
        pieces = []
        for _ in range(draw(st.integers(1, 3))):
            if depth < 2 and draw(st.integers(0, 4)) == 0:
                atom = "(" + draw(st.sampled_from(["", "?:"])) + draw(patterns(depth + 1)) + ")"
            else:
                atom = draw(ATOMS)
            repeat = draw(REPEATS) if not atom.startswith(("(?", "^", "$", "\\b")) else ""
            pieces.append(atom + repeat)
        branches.append("".join(pieces))
    return "|".join(branches)


@settings(max_examples=400, deadline=None)
@given(patterns(), st.text(alphabet="X群1 *xＸ×abc-]A\u3000d", max_size=30))
def test_every_match_starts_with_a_character_of_the_class(pattern, text):
    try:
        compiled = re.compile(pattern)
    except re.error:
        return
    first = first_chars(pattern)
    if first is None:
        return
    starts = re.compile(first)
    for m in compiled.finditer(text):
        assert m.end() > m.start() and starts.match(text, m.start()), (pattern, first, m)


def spans(matcher, lines):
    return [[m.span() for m in matcher.finditer(line)] for line in lines]


PATTERNS = ["(QQ|微信)群", "(点击|免费)?下载(文档|全文)", r"(?<![A-Za-z])[Xx×]+(?![A-Za-z0-9])",
            r"\*+", r"[AＡ]{3,}", r"\d\s*[+＋]\s*[XxＸ]", r"^\s*\*(?=\s)", "会员(资料|专享)", r"第.{0,2}名"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PATTERNS), min_size=1, max_size=5, unique=True),
       st.text(alphabet="QQ群微信点击免费下载文档全文Xx×*AＡ1+ 会员资料专享第名a", max_size=40))
def test_a_matcher_finds_what_the_plain_alternation_finds(patterns, text):
    plain = re.compile("|".join(f"(?:{p})" for p in patterns))
    matcher = Matcher.of(patterns)
    assert spans(matcher, [text]) == spans(plain, [text])
    found, expected = matcher.search(text), plain.search(text)
    assert (found and found.span()) == (expected and expected.span())


def test_default_pack_lists_match_exactly_as_plain_alternations():
    bench = load_bench()
    seeds = bench.seed_texts()
    lines = "".join(seeds + [bench.make_report(i, seeds) for i in range(60)]).splitlines()
    pack = default_pack()
    for key, matcher in list(pack.lists.items()) + [("typos", pack.words["typos"])]:
        plain = re.compile("|".join(f"(?:{p})" for p in matcher.sources))
        assert spans(matcher, lines) == spans(plain, lines), key
    for key in ("placeholder.patterns", "placeholder.allow", "watermark.lines", "watermark.hints"):
        assert first_chars("|".join(f"(?:{p})" for p in pack.patterns(key))), key


def test_a_matcher_is_kept_as_its_texts_and_compiled_when_first_used():
    matcher = Matcher.of(["(QQ|微信)群", r"\d+"])
    assert [m.group() for m in matcher.finditer("加QQ群123")] == ["QQ群", "123"]
    again = pickle.loads(pickle.dumps(matcher))
    assert again._compiled is None and again.items == matcher.items
    assert [m.group() for m in again.finditer("加QQ群123")] == ["QQ群", "123"]
    assert [p.pattern for p in again.each()] == ["(QQ|微信)群", r"\d+"]
    assert len(Matcher()) == 0 and not Matcher() and len(matcher + again) == 4


def test_user_patterns_merge_with_default_ones_leftmost_then_earlier():
    re2 = pytest.importorskip("re2")  # noqa: F841
    merged = Matcher.of(["X(?=Y)", compile_pattern("XY+"), compile_pattern("Z")])  # (a default pattern: plain re)
    assert [m.group() for m in merged.finditer("XYY XY Z")] == ["X", "X", "Z"]
    merged = Matcher.of([compile_pattern("ab"), "(?<=a)b"])
    assert [m.span() for m in merged.finditer("abab")] == [(0, 2), (2, 4)]
    assert merged.search("xxab").span() == (2, 4) and merged.search("xx") is None
