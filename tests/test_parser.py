import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Lark, Token
from lark.lexer import Lexer

from conftest import seed
from lint import document, parser
from lint.formats import outline


def parse(text, path="a.txt"):
    return parser.parse(document.from_text(text, path))


def test_grammar_builds_in_strict_mode():
    parser.grammar_parser(strict=True)


def test_levels_numbers_and_inline_body():
    report = parse(
        "2023年述职报告\n\n现将工作情况报告如下：\n\n一、履职工作情况\n\n（一）坚持从严从实，落实管党责任。牢固树立“四个意识”。\n"
        "(二)完善制度\n1.建立规则。内容\n2、修订制度\n（1）细则\n细则全文。\n二、存在问题\n一是学习不够。二是作风不实。\n")
    assert report.title.text == "2023年述职报告"
    assert [p.text for p in report.opening] == ["现将工作情况报告如下："]
    heads = [(h.level, h.number, h.text) for h in report.headings()]
    assert heads == [(1, 1, "履职工作情况"), (2, 1, "坚持从严从实，落实管党责任。"), (2, 2, "完善制度"),
                     (3, 1, "建立规则。"), (3, 2, "修订制度"), (4, 1, "细则"), (1, 2, "存在问题")]
    first_sub = report.sections[0].children[0]
    assert [p.text for p in first_sub.paragraphs] == ["牢固树立“四个意识”。"]
    assert [p.column for p in first_sub.paragraphs] == [18]
    enums = [e.number for p in report.sections[1].paragraphs for e in p.enums]
    assert enums == [1, 2]


@pytest.mark.parametrize("text, headings", [
    # one-sentence numbered items under a heading: a list, not empty headings
    ("一、主要工作\n1、圆满完成了2016年度财政决算。\n2、完成了预算编制。\n二、存在问题\n学习不够。\n",
     ["主要工作", "存在问题"]),
    # short items without a body anywhere in their run
    ("一、主要工作\n1、加强学习\n2、改进作风\n二、存在问题\n学习不够。\n", ["主要工作", "存在问题"]),
    # a long numbered line is a numbered paragraph
    ("一、主要工作\n1、全年共受理各类案件128件，办结120件，结案率93.8%，比上年提高5个百分点，群众满意\n"
     "二、存在问题\n学习不够。\n", ["主要工作", "存在问题"]),
    # 1、1-12月…: the first item, its text starting with a figure
    ("一、主要工作\n1、1-12月\n共完成投资12亿元。\n2、项目建设\n新开工项目8个。\n",
     ["主要工作", "1-12月", "项目建设"]),
    # a short sentence with its body on the next line, or glued on its own line, is a heading
    ("一、主要工作\n（一）加强学习。\n全年学习20次。\n（二）改进作风。深入基层30次。\n",
     ["主要工作", "加强学习。", "改进作风。"]),
    # a bodiless heading among siblings with bodies is a heading (an empty one)
    ("一、主要工作\n二、存在问题\n学习不够。\n", ["主要工作", "存在问题"]),
    # a heading followed by a deeper one has its body there
    ("一、主要工作。\n（一）加强学习\n内容。\n", ["主要工作。", "加强学习"]),
])
def test_items_are_told_from_headings(text, headings):
    report = parse("某某述职报告\n" + text)
    assert [h.text for h in report.headings()] == headings


def test_items_stay_in_their_section_as_paragraphs():
    report = parse("某某述职报告\n一、主要工作\n1、圆满完成了财政决算。\n2、完成了预算编制。\n")
    (section,) = report.sections
    assert [p.text for p in section.paragraphs] == ["1、圆满完成了财政决算。", "2、完成了预算编制。"]


def test_not_headings():
    report = parse("标题报告\n1.5倍的增长。\n2023年工作很多。\n一是加强学习。\n统一是基础。\n")
    assert report.headings() == []
    assert [e.marker for p in report.opening for e in p.enums] == ["一是"]


def test_leading_noise_before_title():
    from conftest import default_pack
    from lint import engine

    # as a run reads it: the site's adverts blanked out first (lint.debris)
    report = engine.Linter(default_pack()).read(document.from_text(seed("001").read_text(encoding="utf-8")))
    # lines 1 and 3 are adverts, read as blank; 酷乐文行 (no keyword) is what stands before the title
    assert [p.line for p in report.noise] == [2]
    assert report.title.line == 4


def test_markdown_headings_map_onto_levels():
    report = parse("# 述职报告\n\n## 主要工作\n\n### 加强学习\n\n正文。\n\n## 一、存在问题\n", "a.md")
    assert report.title.text == "述职报告"
    assert [(h.level, h.text) for h in report.headings()] == [(1, "主要工作"), (2, "加强学习"), (1, "存在问题")]


@pytest.mark.parametrize("prefix, levels", [
    ("000", {1: 3, 2: 7}), ("001", {1: 3, 2: 16}), ("002", {1: 3, 2: 6}),
    ("003", {1: 3, 3: 10}), ("004", {1: 3, 2: 5}),
])
def test_seed_structure(prefix, levels):
    from conftest import default_pack
    from lint import engine

    report = engine.Linter(default_pack()).read(document.from_text(seed(prefix).read_text(encoding="utf-8")))
    counts = {}
    for h in report.headings():
        counts[h.level] = counts.get(h.level, 0) + 1
    assert counts == levels
    assert report.title is not None and "述职报告" in report.title.text
    numbers = [h.number for h in report.headings() if h.level == 1]
    assert numbers == [1, 2, 3]


@pytest.mark.parametrize("text", [
    "", "\n\n\n", "（一）\n", "一、\n", "1.\n（1）\n", "（三）只有二级\n1.三级\n（2）四级\n一、一级\n（1）跳级",
    "##paidbegin##\n", "一是二是三是", "#\n##\n###", "。。。\n" * 5,
])
def test_never_gives_up(text):
    report = parse(text)
    list(outline.lines(report))


class ListLexer(Lexer):
    """Tokens straight from a list of kinds, to drive the grammar with any sequence."""

    def __init__(self, conf):
        pass

    def lex(self, data, parser_state=None):
        for i, kind in enumerate(data):
            yield Token(kind, str(i))


@pytest.fixture(scope="module")
def kinds_parser():
    return Lark.open(parser.GRAMMAR, parser="lalr", lexer=ListLexer, maybe_placeholders=True)


def lexer_sequences():
    """Token kinds in an order the lexer can produce: a title at most once, before every
    heading; an ENUM only after its LINE."""
    piece = st.sampled_from(["LINE", "LINE ENUM", "LINE ENUM ENUM", "H1", "H2", "H3", "H4"])
    return st.tuples(st.lists(piece, max_size=6), st.booleans(), st.lists(piece, max_size=20)).map(
        lambda t: [k for p in t[0] if not p.startswith("H") for k in p.split()]
        + (["TITLE"] if t[1] else []) + [k for p in t[2] for k in p.split()])


@settings(max_examples=300, deadline=None)
@given(lexer_sequences())
def test_every_sequence_the_lexer_can_produce_parses(kinds_parser, kinds):
    tree = kinds_parser.parse(kinds)
    assert tree.data == "start"
    leaves = sorted(int(tok) for tok in tree.scan_values(lambda v: isinstance(v, Token)))
    assert leaves == list(range(len(kinds)))  # every token is in the tree, once


def test_the_tree_is_built_from_every_token_of_a_seed(seed_text):
    report = parser.parse(document.from_text(seed_text("003")))
    assert report.title.text == "开发区基层党建工作述职报告"
    assert [h.level for h in report.headings()][:3] == [1, 3, 3]


def test_a_pinyin_gloss_after_the_numeral_keeps_a_heading():
    # https://www.aywxfw.com (tests/corpus/cases/e001): 繁體 with glosses, (一(yi))
    text = "鄉鎮現狀調研報告\n一、*鎮基本情況\n(一(yi))基本(ben)概貌。全鎮位于武宣縣。\n(二)農業生產(chan)概況(kuang)。全鎮共有耕地5.42萬畝。\n"
    report = parser.parse(document.from_text(text))
    (first,) = report.sections
    assert [(c.heading.level, c.heading.number, c.heading.marker) for c in first.children] == \
        [(2, 1, "(一(yi))"), (2, 2, "(二)")]
    assert parser.match_heading("一(yī)、总体情况").number == 1
    assert parser.match_heading("(一)(yi)基本概貌") is not None  # (a gloss after the bracket is the text's)
