"""Shortcuts taken on ordinary text (by the reader, the lexer and the rules) give what the full work gives."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.rules import halfwidth_punctuation as hw
from lint.rules import unbalanced_pair as up
from conftest import SEEDS


def seed_lines():
    return [line for path in sorted(SEEDS.glob("*.txt"))
            for line in path.read_text(encoding="utf-8").splitlines()]


# What may stand before and after a half-width mark in Chinese text, as character classes.
CN_BEFORE = re.compile(f"[{hw.HAN}{hw._CN_BEFORE}]")
CN_AFTER = re.compile(f"[{hw.HAN}{hw._CN_AFTER}]")


def test_han_tells_the_characters_of_its_class():
    han = re.compile(f"[{hw.HAN}]")
    assert [ch for ch in map(chr, range(0x10000)) if hw._han(ch)] == \
        [ch for ch in map(chr, range(0x10000)) if han.match(ch)]
    assert not hw._han("")


def halfwidth_reference(view):
    """Every line masked, every ASCII mark looked at (halfwidth_marks without its shortcuts)."""
    masked = hw._masked(view)
    hits = []
    last = len(view.rstrip())
    for m in hw._MARK.finditer(view):
        i = m.start()
        if hw._inside(masked, i):
            continue
        before = view[i - 1] if i else ""
        after = view[i + 1] if i + 1 < len(view) else ""
        if not (CN_BEFORE.match(before) or CN_AFTER.match(after)):
            continue
        end = i + 1
        spaces = hw._SPACES.match(view, end).end() - end
        if spaces and last > end:
            end += spaces
        hits.append((i, end, hw.FULL[m.group()]))
    hits += hw._parentheses(view, masked)
    return sorted(hits)


HALFWIDTH_ALPHABET = "学习a1 ,;:?!()（）“”。@./w:"
PAIR_ALPHABET = "学a “”‘’《》（）()【】「」1一，"


def test_seed_lines_take_the_same_findings():
    lines = seed_lines()
    assert any(hw.halfwidth_marks(line) for line in lines + ["增强透明度,严格落实。"])
    for line in lines:
        assert hw.halfwidth_marks(line) == halfwidth_reference(line)
        assert up.unmatched(line) == up.pair_by_pair(line)


def test_known_lines():
    for line in ("详见https://example.com/a?b=1,2。", "上午10:30召开会议,", "网站(共产党员网等)发布",
                 "制作课件(PPT)。", "联系office@example.com,谢谢", "无标点的一行"):
        assert hw.halfwidth_marks(line) == halfwidth_reference(line)
    for line in ("““““””””", "“a（b)”", "“a（b”", "1）加强", "We don’t stop", "《《》", "（" * 50 + "）" * 50,
                 "“‘《（【「」】）》’”"):
        assert up.unmatched(line) == up.pair_by_pair(line)
    assert up.unmatched("（" * 50 + "）" * 49) != []


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=HALFWIDTH_ALPHABET, max_size=80))
def test_halfwidth_marks_as_without_shortcuts(view):
    assert hw.halfwidth_marks(view) == halfwidth_reference(view)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=PAIR_ALPHABET, max_size=80))
def test_unmatched_as_pair_by_pair(view):
    assert up.unmatched(view) == up.pair_by_pair(view)


def lines_by_pattern(text):
    """split_lines as the line pattern finds them, one match at a time."""
    from lint.document import _LINE_RE

    out = []
    for m in _LINE_RE.finditer(text):
        body, ending = m.group(0)[: len(m.group(0)) - len(m.group(1))], m.group(1)
        if not ending and not body and out:
            break
        out.append((body, ending, m.start()))
        if not ending:
            break
    return out


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="a学 \n\r", max_size=40))
def test_split_lines_as_the_line_pattern(text):
    from lint.document import split_lines

    assert split_lines(text) == lines_by_pattern(text)
    assert split_lines(text.replace("\r", "")) == lines_by_pattern(text.replace("\r", ""))


def test_split_lines_of_the_seeds():
    from lint.document import split_lines

    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert split_lines(text) == lines_by_pattern(text)


def test_required_section_headings_found_as_pattern_by_pattern():
    from conftest import default_pack
    from lint import parser, readers
    from lint.rules.base import heading_spans, matching_spans

    pack = default_pack()
    specs = [spec for profile in pack.profiles.values() for spec in profile.sections]
    assert specs
    for path in sorted(SEEDS.glob("*.txt")):
        report = parser.parse(readers.read_file(str(path)))
        for spec in specs:
            expected = [s for s in heading_spans(report) if any(p.search(s[3]) for p in spec.headings.each())]
            assert matching_spans(report, spec) == expected


def findings_both_ways(text):
    """Findings of a plain-text document, and of the same lines read one by one.

    A document of another kind (but the same lines) takes none of the shortcuts that
    search a plain-text document's text whole.
    """
    from conftest import default_pack
    from lint import document, engine

    linter = engine.Linter(default_pack(), engine.Options(
        select=["duplicate-punctuation", "common-typo", "halfwidth-punctuation"]))
    fast = document.from_text(text, "doc.txt")
    slow = document.from_text(text, "doc.txt", kind="lines")
    assert fast.kind == "text" and [line.view for line in slow.lines] == [line.view for line in fast.lines]
    return ([f.as_dict() for f in linter.lint_document(fast)],
            [f.as_dict() for f in linter.lint_document(slow)])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["。", "，", "、", "\n", "\r\n", "\r", "自已", "自", "已", "淡簿", "学习", "a,b",
                                 "透明度,", ":", "；", "？！", "情不自已", " "]), max_size=40))
def test_searching_the_whole_text_finds_what_each_line_does(pieces):
    fast, slow = findings_both_ways("".join(pieces))
    assert fast == slow


def test_whole_text_search_on_the_seeds():
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        fast, slow = findings_both_ways(text + "\n加强学习，，管好自已。\n透明度,严格;落实:到位?是!\n")
        assert fast == slow and any(f["rule"] == "common-typo" for f in fast)


def enum_spans(matches):
    return [(m.span(), m.group(0), m.group(1)) for m in matches]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["一", "二", "十", "三", "是", "否", "非", "。", "，", " ", "\u3000", "（",
                                 "“", "a", "工作"]), max_size=30), st.data())
def test_enum_markers_found_from_each_shi_as_finditer_finds_them(pieces, data):
    from lint import parser

    view = "".join(pieces)
    start = data.draw(st.integers(0, len(view)))
    end = data.draw(st.integers(start, len(view)))
    assert (enum_spans(parser.enum_matches(view, start, end))
            == enum_spans(parser._ENUM.finditer(view, start, end)))


def test_enum_markers_of_the_seeds():
    from lint import parser

    lines = [line for line in seed_lines() if "是" in line]
    assert lines
    for line in lines:
        assert enum_spans(parser.enum_matches(line, 0, len(line))) == enum_spans(parser._ENUM.finditer(line))
    assert enum_spans(parser.enum_matches("工作：一是学习，二是否定，十二是改进", 0, 18)) == [
        ((3, 5), "一是", "一"), ((13, 16), "十二是", "十二")]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("学a。\x00\x01\x08\t\n\x0b\x0c\r\x0e\x1f \x7f\x80€\u3000\ud800"),
               max_size=30))
def test_control_characters_found_as_the_pattern_finds_them(text):
    from lint import document

    assert document._may_hold_binary(text) == bool(document._BINARY_RE.search(text))


def test_control_character_after_multibyte_text_is_located():
    from lint import document

    for encoding in ("utf-8", "gb18030"):
        with pytest.raises(document.DocumentError) as info:
            document.from_bytes("述职报告\n第二行\x1b了".encode(encoding), "a.txt")
        assert (info.value.line, info.value.column) == (2, 4) and "U+001B" in info.value.message
