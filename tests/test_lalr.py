"""lint.lalr runs the tables Lark computes for report.lark: it must build Lark's trees."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedInput
from lark.lexer import Lexer

from conftest import SEEDS, load_bench
from lint import document, lalr, parser

KINDS = ["TITLE", "LINE", "ENUM", "H1", "H2", "H3", "H4"]


def shape(node):
    """Nested tuples for a lark.Tree / lint.lalr.Node, leaves as strings."""
    if node is None:
        return None
    if hasattr(node, "data"):
        return (str(node.data), [shape(c) for c in node.children])
    return str(node)


def both(doc):
    objects_lark, objects_lalr = [], []
    by_lark = parser.grammar_parser().parse((doc, objects_lark))
    by_lalr = lalr.parse(parser.parse_tables(), parser.ReportLexer().tokens(doc, objects_lalr))
    assert objects_lark == objects_lalr
    return shape(by_lark), shape(by_lalr)


DOCUMENTS = [
    "",
    "\n\n",
    "只有一段正文，没有标题。",
    "述职报告\n",
    "一、工作情况\n二、存在问题\n三、下一步打算\n",
    "述职报告\n\n（1）跳过了三级\n1. 再回到三级\n（一）二级\n一、一级\n（1）四级\n",
    "【素材库】广告\n述职报告\n开头。一是学习。二是工作。\n一、标题。正文接在标题后。三是改进。\n",
    "# 述职报告\n\n## 工作情况\n\n- 做了工作\n\n## 存在问题\n\n### 细节\n\n正文\n",
]


@pytest.mark.parametrize("text", DOCUMENTS)
def test_same_tree_as_lark_on_edge_cases(text):
    path = "a.md" if text.startswith("#") else "a.txt"
    by_lark, by_lalr = both(document.from_text(text, path))
    assert by_lalr == by_lark


def test_same_tree_as_lark_on_seeds_and_generated_reports():
    bench = load_bench()
    seeds = bench.seed_texts()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [bench.make_report(i, seeds) for i in range(40)]
    texts.append("".join(texts))  # many reports in one document
    for text in texts:
        by_lark, by_lalr = both(document.from_text(text))
        assert by_lalr == by_lark
        assert by_lalr[0] == "start"


class ListLexer(Lexer):
    """Tokens straight from a list of kinds, to drive the grammar with any sequence."""

    def __init__(self, conf):
        pass

    def lex(self, data, parser_state=None):
        for i, kind in enumerate(data):
            yield Token(kind, str(i))


@pytest.fixture(scope="module")
def list_parser():
    with open(parser.GRAMMAR, encoding="utf-8") as fh:
        grammar = fh.read()
    lark = Lark(grammar, parser="lalr", lexer=ListLexer, maybe_placeholders=True)
    return lark, lalr.extract(lark)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(KINDS), max_size=30))
def test_any_token_sequence_parses_as_lark_parses_it(list_parser, kinds):
    lark, tables = list_parser
    try:
        expected = shape(lark.parse(kinds))
    except UnexpectedInput:
        expected = "error"
    try:
        got = shape(lalr.parse(tables, [(kind, str(i)) for i, kind in enumerate(kinds)]))
    except lalr.UnexpectedToken:
        got = "error"
    assert got == expected


def test_unexpected_token_names_what_was_expected(list_parser):
    _lark, tables = list_parser
    with pytest.raises(lalr.UnexpectedToken) as err:
        lalr.parse(tables, [("ENUM", "0")])  # an enum marker needs its line first
    assert "LINE" in err.value.expected and "ENUM" not in err.value.expected
    assert str(err.value).startswith("unexpected ENUM token")


def test_falls_back_to_larks_parser_when_the_tables_cannot_be_taken(monkeypatch):
    """A Lark release whose internals moved still parses, through Lark's public API."""
    text = (SEEDS / "001_68a2515d10a34074.txt").read_text(encoding="utf-8")
    expected = list(parser.outline(parser.parse(document.from_text(text))))

    def broken(_parser):
        raise AttributeError("'LALR_Analyzer' object has no attribute '_parse_table'")

    monkeypatch.setattr(parser, "_TABLES", None)
    monkeypatch.setattr(lalr, "extract", broken)
    monkeypatch.setenv("REPORTLINT_NO_CACHE", "1")
    assert parser.parse_tables() is None
    assert list(parser.outline(parser.parse(document.from_text(text)))) == expected
