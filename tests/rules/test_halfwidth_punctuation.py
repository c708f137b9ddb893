import pytest

from conftest import default_pack, lint_text, seed, spans, texts
from lint import document
from lint.engine import Linter, Options


def halfwidth(text, **kw):
    return lint_text(text, select=["halfwidth-punctuation"], **kw)


def body(line):
    return "某某述职报告\n" + line + "\n"


@pytest.mark.parametrize("line, mark, fixed", [
    ("增强党组织工作透明度,严格督促落实。", ",", "，"),
    ("没有发挥作用;有的党员积极性不够。", ";", "；"),
    ("现将情况报告如下:", ":", "："),
    ("是否做到了?", "?", "？"),
    ("坚决打赢!", "!", "！"),
    ("牢固树立“四个意识”,坚定“四个自信”。", ",", "，"),
    ("共受理306件,同比增长。", ",", "，"),
])
def test_flags_the_mark_with_its_fix(line, mark, fixed):
    fs = halfwidth(body(line))
    assert len(fs) == 1
    f = fs[0]
    assert texts(fs, body(line)) == [mark]
    assert f.fix == {"line": 2, "column": f.column, "end_line": 2, "end_column": f.end_column, "replacement": fixed}
    assert f"「{mark}」" in f.message and f"「{fixed}」" in f.message


def test_spaces_after_the_mark_go_with_it():
    text = body("增强透明度, 严格落实。")
    fs = halfwidth(text)
    assert texts(fs, text) == [", "] and fs[0].fix["replacement"] == "，"


def test_parentheses_around_chinese():
    text = body("在共产党员网站(共产党员网等)发布，印发方案(试行)。")
    fs = halfwidth(text)
    assert texts(fs, text) == ["(", ")", "(", ")"]
    assert [f.fix["replacement"] for f in fs] == ["（", "）", "（", "）"]


@pytest.mark.parametrize("line", [
    "共受理1,306件，比例3:1，办结率95.5%。",
    "上午10:30召开会议，2023-01-01至2023.12.31。",
    "详见https://example.com/a?b=1,2;c=3，或www.example.com/x:y。",
    "联系邮箱：office@example.com。",
    "他说“Hello, world!”，又说“Why not?”。",
    "制作课件(PPT)，编号(1)。",
    "增强透明度，严格落实；有的党员积极性不够：是否做到？",
    "1)加强学习；2)改进作风。",
])
def test_leaves_alone(line):
    assert halfwidth(body(line)) == []


def test_markdown_syntax_is_left_alone():
    text = "# 述职报告\n\n见[链接](http://x.com/a,b)。`a,b;c`，代码。\n\n![图](x.png)\n\n- 列表：内容。\n"
    assert halfwidth(text, path="r.md") == []


def test_consistent_halfwidth_document_is_reported_once():
    lines = ["在区委的领导下,我认真履行职责;现将情况报告如下:", "一、主要工作", "加强学习,改进作风,提高能力。",
             "二、存在问题", "学习不够,作风不实。"]
    text = "某某述职报告\n" + "\n".join(lines) + "\n"
    fs = halfwidth(text)
    assert len(fs) == 1
    f = fs[0]
    assert (f.line, f.column) == (2, 8) and "共6处" in f.message
    # The one fix covers every mark: applying it gives the full-width text.
    doc = document.from_text(text)
    start = doc.offset_of(f.fix["line"], f.fix["column"])
    end = doc.offset_of(f.fix["end_line"], f.fix["end_column"])
    fixed = text[:start] + f.fix["replacement"] + text[end:]
    assert fixed == text.replace(",", "，").replace(";", "；").replace(":", "：")


def test_mostly_fullwidth_document_reports_each_mark():
    text = body("加强学习，改进作风，提高能力，严守纪律，团结同志，服务群众，增强透明度,严格落实;有的党员,积极,主动。")
    assert len(halfwidth(text)) == 4


def seed_findings(prefix):
    """Findings of the rule as a user sees them: all rules run, advert lines dropped by the engine."""
    path = seed(prefix)
    linter = Linter(default_pack(), Options())
    return [f for f in linter.report(str(path)).findings if f.rule == "halfwidth-punctuation"]


def around(prefix, f, before=3, after=2):
    """The finding's mark with ``before`` characters before it and ``after`` after it."""
    line = seed(prefix).read_text(encoding="utf-8").splitlines()[f.line - 1]
    return line[f.column - 1 - before: f.end_column - 1 + after]


def test_seed_001_commas_and_semicolons():
    fs = seed_findings("001")
    assert spans(fs) == [(10, 256, 257), (11, 283, 284), (19, 101, 102), (19, 146, 147),
                         (20, 95, 96), (20, 156, 157), (27, 152, 153), (27, 158, 159)]
    assert [around("001", f) for f in fs] == ["透明度,严格", "和感想,在局", "范作用;有的", "的事情;有的", "的实在;部分",
                                            "出面貌;部分", "上求活,内容", "上求新,提高"]
    assert [f.fix["replacement"] for f in fs] == ["，", "，", "；", "；", "；", "；", "，", "，"]


def test_seed_002_and_003():
    (f,) = seed_findings("002")
    assert (f.line, f.column, f.end_column) == (20, 286, 287)
    assert around("002", f, 5, 1) == "培养成党员,把"
    (f,) = seed_findings("003")
    assert (f.line, f.column, f.end_column) == (8, 94, 95)
    assert around("003", f, 4, 2) == "书记职责,其他"


def test_seed_000_advert_lines_are_not_reported_and_004_is_clean():
    assert seed_findings("000") == []
    assert seed_findings("004") == []
