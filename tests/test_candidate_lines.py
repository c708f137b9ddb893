"""The shortcuts the pattern rules take to find their work give what the plain way gives.

Each shortcut (a pattern run only where its first character stands, a search of the
whole text standing for one per line, a problem built without its dataclass __init__)
is compared with the straightforward per-line scan on legitimate and bad text.
"""

import pickle
import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import default_pack, lint_text
from lint import document
from lint.prefilter import FirstCharPattern, alternation, context_free, first_chars, skipping, starts_finder
from lint.rules import base
from lint.rules import watermark as wm
from lint.rules.base import Fix, Problem, lines_that_may_match, lines_to_search, problem_at
from lint.rules.duplicate_punctuation import _RUN
from lint.rules.placeholder import in_chinese_text, overlaps

PATTERNS = [r"(?<![A-Za-z])[XxＸ×]+(?![A-Za-z0-9])", r"(?<![A-Za-z0-9])\*+(?![A-Za-z0-9])",
            r"\d\s*[×xX*]\s*\d", r"^\s*\*(?=\s)", r"^[\s*]+$", "(QQ|微信)群", r"咨询\s*(QQ|微信)",
            r"【[^】]{0,6}(素材|资料)[^】]{0,6}】", "(?P<word>下载)(文档|全文)?", r"X\b", "自已|淡簿",
            r"[。，、；：！？]{2,}", r"微信.{0,3}群"]
ALPHABET = "Xx×*1 2\n\r　QQ群微信咨询【】素材资料下载文档全文自已淡簿。，？！a"
texts = st.text(alphabet=ALPHABET, max_size=60)


def plain_matches(pattern: str, text: str, pos=0):
    return [(m.span(), m.groups(), m.groupdict()) for m in re.compile(pattern).finditer(text, pos)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PATTERNS), min_size=1, max_size=4, unique=True), texts,
       st.integers(0, 5))
def test_first_char_pattern_finds_what_re_finds(patterns, text, pos):
    joined = "|".join(f"(?:{p})" for p in patterns)
    compiled = skipping(joined)
    plain = re.compile(joined)
    got = [(m.span(), m.groups(), m.groupdict()) for m in compiled.finditer(text, pos)]
    assert got == plain_matches(joined, text, pos)
    assert compiled.findall(text) == plain.findall(text)
    found, expected = compiled.search(text, pos), plain.search(text, pos)
    assert (found and found.span()) == (expected and expected.span())


def test_patterns_with_a_first_class_skip_and_others_stay_plain():
    assert isinstance(skipping("(QQ|微信)群"), FirstCharPattern)
    assert isinstance(skipping(".广告"), re.Pattern)  # no first class: plain re
    assert skipping(".广告").pattern == ".广告"


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(PATTERNS), texts)
def test_starts_finder_stops_exactly_where_a_match_can_start(pattern, text):
    compiled = re.compile(pattern)
    finder = starts_finder(compiled)
    starts, pos = [], 0
    while (m := finder.search(text, pos)) is not None:
        starts.append(m.start())
        pos = m.start() + 1
    assert starts == [i for i in range(len(text) + 1) if compiled.match(text, i)]


def test_context_free_patterns():
    assert context_free(re.compile("(QQ|微信)群"))
    assert context_free(re.compile(r"【[^】]{0,24}(素材|范文)[^】]{0,24}】"))
    with_context = [r"^\s*\*", r"X$", r"X\b", r"(?<![A-Za-z])X", r"X(?=Y)", r"(a)\1", r"(?=[ab])", r"(?=[ab]X)a"]
    if sys.version_info >= (3, 11):  # atomic groups and possessive repeats came with 3.11
        with_context += [r"(?>a+)b", r"a++b"]
    for pattern in with_context:
        assert not context_free(re.compile(pattern)), pattern
    # the lookahead form alternation() writes only looks at the match's own first character
    assert context_free(re.compile(alternation(["(QQ|微信)群", r"(点击|免费)?下载"])))
    assert not context_free(re.compile(alternation(["(QQ|微信)群", r"X\b"])))


def lines_matching(doc, pattern):
    compiled = re.compile(pattern)
    return [line.number for line in doc.lines if compiled.search(line.view)]


@settings(max_examples=250, deadline=None)
@given(st.sampled_from(PATTERNS), texts)
def test_lines_that_may_match_include_every_line_with_a_match(pattern, text):
    doc = document.from_text(text)
    for compiled in (re.compile(pattern), skipping(pattern), re.compile(alternation([pattern, "微信群"]))):
        candidates = [line.number for line in lines_that_may_match(doc, compiled)]
        assert candidates == sorted(set(candidates))
        assert set(lines_matching(doc, compiled.pattern)) <= set(candidates)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([_RUN.pattern, "自已|淡簿|再接再励", "(QQ|微信)群"]), texts)
def test_lines_to_search_are_exactly_the_lines_with_a_match(pattern, text):
    """For a pattern that cannot match a line end and has no anchors or lookarounds."""
    doc = document.from_text(text)
    found = [line.number for line in lines_to_search(doc, re.compile(pattern))]
    assert found == lines_matching(doc, pattern)


def test_lines_are_found_on_real_text(seed_text):
    doc = document.from_text(seed_text("001") + "\n共XX人，*次。\r\n咨询QQ群：123456\r第二行。。\n")
    pack = default_pack()
    for key in ("placeholder.patterns", "placeholder.allow", "watermark.lines", "watermark.hints"):
        pattern = pack.combined(key)
        plain = "|".join(f"(?:{p.pattern})" for p in pack.patterns(key))
        assert set(lines_matching(doc, plain)) <= {line.number for line in lines_that_may_match(doc, pattern)}
    assert [line.number for line in lines_to_search(doc, _RUN)] == lines_matching(doc, _RUN.pattern)


def placeholder_reference(text):
    """(line, column, end, message) of the placeholder rule, the plain way: every line, every match."""
    pack = default_pack()
    pattern = re.compile("|".join(f"(?:{p.pattern})" for p in pack.patterns("placeholder.patterns")))
    allow = re.compile("|".join(f"(?:{p.pattern})" for p in pack.patterns("placeholder.allow")))
    out = []
    for line in document.from_text(text).lines:
        allowed = [m.span() for m in allow.finditer(line.view)]
        for m in pattern.finditer(line.view):
            latin = not any("\u3400" <= ch <= "\u9fff" for ch in m.group())
            if latin and not in_chinese_text(line.view, m.start(), m.end()):
                continue
            if not overlaps(allowed, m.start(), m.end()):
                out.append((line.number, m.start() + 1, m.end() + 1, f"未填写的占位符「{m.group()}」"))
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["共受理X件", "XX党委", "××局", "X射线", "1+X证书", "5×8米", "AAA级",
                                 "工作AAA群", "**加粗**", "* 列表", "***", " ", "　", "\n", "\r\n", "。",
                                 "Excel", "x", "*", "3*4", "ＸＸ个"]), max_size=12))
def test_placeholder_rule_finds_what_the_plain_scan_finds(pieces):
    text = "".join(pieces)
    got = [(f.line, f.column, f.end_column, f.message) for f in lint_text(text, select=["placeholder"])]
    assert sorted(got) == sorted(placeholder_reference(text))


def test_placeholder_on_legitimate_and_bad_text():
    text = "述职报告\n配备X光机两台，推进1+X证书试点。\n共受理话务X件，获评AAA级信用企业。\n**重点**工作*次。\n"
    got = [(f.line, f.column, f.end_column) for f in lint_text(text, select=["placeholder"])]
    assert got == [(3, 6, 7), (4, 9, 10)]


def test_problem_and_fix_are_immutable_values():
    made = problem_at(3, 1, 4, "m", "x")
    assert made == Problem(3, 2, 3, 5, "m", Fix(3, 2, 3, 5, "x"))
    assert made != Problem(3, 2, 3, 5, "m") and made != (3, 2, 3, 5, "m", Fix(3, 2, 3, 5, "x"))
    assert repr(made) == ("Problem(line=3, column=2, end_line=3, end_column=5, message='m', "
                          "fix=Fix(line=3, column=2, end_line=3, end_column=5, replacement='x'))")
    assert hash(made) == hash(Problem(3, 2, 3, 5, "m", Fix(3, 2, 3, 5, "x")))
    assert Problem(line=1, column=1, end_line=1, end_column=2, message="m").fix is None
    assert Fix(1, 1, 1, 2).replacement == ""
    assert made._replace(line=5).line == 5 and made.line == 3
    assert Problem._fields == ("line", "column", "end_line", "end_column", "message", "fix")
    assert problem_at(1, 0, 1, "m").fix is None
    with pytest.raises(AttributeError):
        made.line = 4
    with pytest.raises(AttributeError):
        made.fix.replacement = ""
    assert made.fix.as_dict() == {"line": 3, "column": 2, "end_line": 3, "end_column": 5, "replacement": "x"}
    assert pickle.loads(pickle.dumps(made)) == made


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["", " ", "　", "广告", "正文。"]), max_size=30))
def test_filled_ends_are_the_head_and_tail_of_the_filled_lines(lines):
    doc = document.from_text("\n".join(lines))
    filled = [line for line in wm.body_lines(doc) if line.view.strip()]
    ends = wm.filled_ends(doc)
    if len(filled) < wm.REPEAT_HEAD + wm.REPEAT_TAIL:
        assert ends is None
    else:
        assert ends == (filled[:wm.REPEAT_HEAD], filled[-wm.REPEAT_TAIL:])


def test_sections_are_walked_once_per_report():
    from lint.parser import parse

    report = parse(document.from_text("述职报告\n一、主要工作\n（一）学习\n内容。\n二、存在问题\n内容。\n"))
    assert base.sections_of(report) == list(report.walk())
    assert base.sections_of(report) is base.sections_of(report)
    assert base.heading_lines(report) == {h.line for h in report.headings()}


def test_first_chars_known_for_the_default_pack_lists():
    pack = default_pack()
    for key in ("placeholder.patterns", "placeholder.allow", "watermark.lines", "watermark.hints"):
        assert first_chars("|".join(f"(?:{p.pattern})" for p in pack.patterns(key))), key


PAIR_PIECES = ["“", "”", "‘", "’", "《", "》", "（", "）", "(", ")", "【", "】", "「", "」", "学", "a", "1", "一",
               " ", "，", "\n", "\r\n", "\r", "don’t"]


@settings(max_examples=250, deadline=None)
@given(st.lists(st.sampled_from(PAIR_PIECES), max_size=40))
def test_unbalanced_pair_follows_every_line_it_would_find_something_on(pieces):
    from lint.rules import unbalanced_pair as up

    doc = document.from_text("".join(pieces))
    followed = [line.number for line in up.lines_to_follow(doc)]
    assert followed == [line.number for line in doc.lines if up.unmatched_may_find(line.view)]
    for line in doc.lines:
        if line.number not in followed:
            assert up.pair_by_pair(line.view) == []


def test_unbalanced_pair_on_legitimate_and_bad_text():
    text = "述职报告\n牢固树立“四个意识，坚定“四个自信”。\n学习“两个‘维护’”精神。\n1）加强学习；2）改进作风。\nWe don’t stop.\n"
    got = [(f.line, f.column) for f in lint_text(text, select=["unbalanced-pair"])]
    assert got == [(2, 5)]


HALFWIDTH_PIECES = ["学习", "透明度", ",", ";", ":", "?", "!", "(", ")", "1,306", "10:30", "https://a.cn/x?b=1,2",
                    "www.a.cn", "a@b.cn", "Hello, world!", " ", "\n", "\r\n", "。", "，"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(HALFWIDTH_PIECES), max_size=30))
def test_halfwidth_rule_finds_what_every_line_gives(pieces):
    from lint.rules import halfwidth_punctuation as hw

    text = "".join(pieces)
    doc = document.from_text(text)
    every_line = [(line.number, hit) for line in doc.lines for hit in hw.halfwidth_marks(line.view)]
    found = [(line.number, hit) for line in lines_to_search(doc, hw._TRIGGER) for hit in hw.halfwidth_marks(line.view)]
    assert found == every_line
    assert hw.HalfwidthPunctuation._full_marks(doc) == len(re.findall("[，；：？！]", text))


@pytest.mark.parametrize("text, expected", [("", False), (" \n\u3000\r\n\t", False), ("\n学", True),
                                            ("述职报告\n", True)])
def test_has_text(text, expected):
    from lint.rules.missing_section import has_text

    doc = document.from_text(text)
    assert has_text(doc) is expected
    assert has_text(doc) == any(line.view.strip() for line in doc.lines)


def masked_reference(view):
    """halfwidth_punctuation._masked without its literal checks: every pattern on every line."""
    from lint.rules import halfwidth_punctuation as hw

    spans = []
    for m in hw._URL.finditer(view):
        start, end = m.span("url") if m.group("url") else m.span("www")
        while end > start and view[end - 1] in hw._URL_TAIL:
            end -= 1
        spans.append((start, end))
    spans += [m.span() for m in hw._EMAIL.finditer(view)]
    spans += [m.span() for m in re.finditer(r"(?<=\d)[,:](?=\d)|!(?=\[)", view)]
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(HALFWIDTH_PIECES + ["ftp", "://", "www.", "@", "![图](a.png)", "3!["]), max_size=20))
def test_halfwidth_masks_what_every_pattern_masks(pieces):
    from lint.rules import halfwidth_punctuation as hw

    view = "".join(pieces).replace("\n", " ").replace("\r", " ")
    assert hw._masked(view) == masked_reference(view)


TYPO_PIECES = ["自已", "自己", "不能自已", "各自已经", "淡簿", "再接再励", "一如继往", "一如", "不", "一", "自", "再接",
               "\n", "\r\n", "。", "学习"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TYPO_PIECES), max_size=25))
def test_typo_and_run_lines_are_exactly_the_lines_with_one(pieces):
    from lint.rules import common_typo as ct
    from lint.rules import duplicate_punctuation as dp

    pack = default_pack()
    text = "".join(pieces).replace("学习", "。。").replace("一", "，")  # runs of marks too
    doc = document.from_text(text)
    pattern = ct.typo_pattern(pack)
    found = [line.number for line in ct.typo_lines(doc, pattern, ct.typo_starts(pack))]
    assert found == lines_matching(doc, pattern.pattern)
    runs = [line.number for line in base.lines_where(doc, dp._RUN_START.search)]
    assert runs == lines_matching(doc, dp._RUN.pattern)


def test_typo_rule_on_legitimate_and_bad_text():
    text = "述职报告\n管好自已，激动得不能自已。\n各单位各自已经完成整改，再接再励。\n"
    got = [(f.line, f.column, f.fix["replacement"]) for f in lint_text(text, select=["common-typo"])]
    assert got == [(2, 3, "自己"), (3, 13, "再接再厉")]


def test_a_kept_alternation_text_gives_the_same_pattern_back():
    from lint.prefilter import compile_alternation, from_alternation_text

    pack = default_pack()
    line = "共XX人，*次，1+X证书，【XX素材库】咨询QQ：12345678，##paidbegin##，自已"
    for key in pack.lists:
        made = compile_alternation([p.pattern for p in pack.patterns(key)])
        again = from_alternation_text(made.pattern)
        assert type(again) is type(made) and again.pattern == made.pattern, key
        assert [m.span() for m in again.finditer(line)] == [m.span() for m in made.finditer(line)], key
    odd = compile_alternation([r"[\])(?:]+x", r"\(?:y"])  # a class holding ) ( ? : ]
    again = from_alternation_text(odd.pattern)
    assert isinstance(again, FirstCharPattern) and again.source == odd.source
    assert [m.span() for m in again.finditer("a])(?:x (:y")] == [m.span() for m in odd.finditer("a])(?:x (:y")]
