"""The rules find what the plain way finds: every line, every match, step by step.

Each rule's own short cuts (a line without any of its characters skipped, a line's
marks cancelled out in one pass, a problem built as a value) are compared with the
straightforward scan on legitimate and bad text.
"""

import pickle
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import default_pack, lint_text
from lint import document
from lint.rules import base
from lint.rules import watermark as wm
from lint.rules.base import Fix, Problem, overlaps, problem_at
from lint.rules.placeholder import in_chinese_text


def placeholder_reference(text):
    """(line, column, end, message) of the placeholder rule, the plain way: every line, every match."""
    pack = default_pack()
    pattern = re.compile("|".join(f"(?:{p})" for p in pack.patterns("placeholder.patterns")))
    allow = re.compile("|".join(f"(?:{p})" for p in pack.patterns("placeholder.allow")))
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
def test_halfwidth_counts_the_full_width_marks_of_the_text(pieces):
    from lint.rules import halfwidth_punctuation as hw

    text = "".join(pieces)
    doc = document.from_text(text)
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


def test_typo_rule_on_legitimate_and_bad_text():
    text = "述职报告\n管好自已，激动得不能自已。\n各单位各自已经完成整改，再接再励。\n"
    got = [(f.line, f.column, f.fix["replacement"]) for f in lint_text(text, select=["common-typo"])]
    assert got == [(2, 3, "自己"), (3, 13, "再接再厉")]
