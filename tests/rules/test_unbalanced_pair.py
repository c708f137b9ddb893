import pytest

from conftest import lint_text, seed, spans, texts


def pairs(text, **kw):
    return lint_text(text, select=["unbalanced-pair"], **kw)


def body(line):
    return "某某述职报告\n" + line + "\n"


@pytest.mark.parametrize("line, mark", [
    ("牢固树立“四个意识，坚定信念。", "“"),
    ("牢固树立四个意识”，坚定信念。", "”"),
    ("学习‘两个维护，坚定信念。", "‘"),
    ("认真学习《条例，严格执行。", "《"),
    ("认真学习条例》，严格执行。", "》"),
    ("完善制度（试行，严格执行。", "（"),
    ("完善制度机制）。", "）"),
    ("学习【专题摘编。", "【"),
    ("学习专题摘编】。", "】"),
    ("所谓「两个确立。", "「"),
])
def test_flags_the_unmatched_mark(line, mark):
    text = body(line)
    fs = pairs(text)
    assert texts(fs, text) == [mark]
    assert fs[0].fix is None


def test_crossed_pairs():
    text = body("学习“《条例”》精神。")
    fs = pairs(text)
    assert texts(fs, text) == ["《", "》"]
    assert spans(fs) == [(2, 4, 5), (2, 8, 9)]


def test_each_line_is_judged_alone():
    fs = pairs("某某述职报告\n他说“学习。\n继续学习”。\n")
    assert [f.line for f in fs] == [2, 3]


@pytest.mark.parametrize("line", [
    "牢固树立“四个意识”，学习“两个‘维护’”精神。",
    "认真执行《中国共产党纪律处分条例》（2018年修订）。",
    "XX党委（党工委）书记【专题】「要点」。",
    "1）加强学习；2）改进作风；（3）严守纪律。",
    "一）加强学习，二）改进作风。",
    "完善制度（试行)，混用括号由半角标点规则处理。",
    "We don’t stop, it’s fine.",
])
def test_leaves_alone(line):
    assert pairs(body(line)) == []


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seeds_are_balanced(prefix):
    assert pairs(seed(prefix).read_text(encoding="utf-8")) == []
