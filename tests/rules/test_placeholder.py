import pytest

from conftest import lint_text, seed, texts


def found(text, path="doc.txt"):
    fs = lint_text(text, select=["placeholder"], path=path)
    return texts(fs, text) if not path.endswith(".md") else [f.column for f in fs]


@pytest.mark.parametrize("text, expected", [
    ("建立健全了《区XX党组议事规则》。", ["XX"]),
    ("组织党员自愿捐款X人，累计捐款数额X元。", ["X", "X"]),
    ("办结率X%。", ["X"]),
    ("××局党组会议", ["××"]),
    ("共召开xx次会议。", ["xx"]),
    ("ＸＸ个党支部", ["ＸＸ"]),
    ("XXX同志", ["XXX"]),
    ("《关于全面推进XXXX“XX”的指导意见X》文件", ["XXXX", "XX", "X"]),
    ("共开展中心组学习*次、专题培训学习*次。", ["*", "*"]),
    ("按照党章等有关规定，*党支部于6月份完成换届选举。", ["*"]),
    ("紧紧围绕县委提出的“*”的奋斗目标", ["*"]),
    ("打造辛*区共同缔造示范点", ["*"]),
    ("建立工作AAA群，畅通政企交流渠道。", ["AAA"]),
    ("我叫***，现任***村党支部书记。", ["***", "***"]),
    ("2020年8月到_小学任职。", ["_"]),
    ("本人于____年调入____工作。", ["____", "____"]),
    ("姓名:________", ["________"]),
    ("202X年工作计划", ["X"]),
    ("于X月X日召开。", ["X", "X"]),
    ("——年月日", ["年月日"]),
    ("                    年  月  日", ["年  月  日"]),
    ("截至20**年底", ["**"]),
    ("今天召开20**年全镇工作会议，总结全镇20**年的工作。", ["**", "**"]),
    ("由县政协主席**同志率队，于**月**日开展视察。", ["**", "**", "**"]),
    ("20__年即将过去。", ["__"]),
    ("奋力书写壮美☆的新篇章，☆县经济稳步增长。", ["☆", "☆"]),
    ("我---年加入中国共产党、----年到支行工作，现在-----岗位工作。", ["---", "----", "-----"]),
    ("在[具体区域]开展[具体活动]，面向[企业客户/政府机构]推广[新产品名称]。",
     ["[具体区域]", "[具体活动]", "[企业客户/政府机构]", "[新产品名称]"]),
])
def test_catches_blanks(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "为卫生院配备X射线机和X光机各一台。",
    "推进“1+X证书”制度试点。",
    "新建宣传栏，规格5×8米。",
    "获评AAA级信用企业，景区通过4A级景区复核。",
    "熟练使用Excel、XML和XBRL报送数据。",
    "组织观看《X战警》不是本单位活动。",
    "原文如此：**加强学习**。",
    "* 第一条要点",
    "******",
    "面积3*4平方米",
    "習(xí)近平同志",
    "述職報(bào)告",
    "4 }, y8 a' J1 j6 s! o% x# o",
    "# L* n6 Q% ^* `$ j8 f/ d 1.首部。",
    "函数名 file_name 不变。",
    "____________",
    "填写出生年月日。",
    "《**条例**》是重要依据。",
    "机密★1年",
    "参见[1]和【工作动态】栏目。",
    "---",
    "2020--2023年",
    "流程：申报--审核--公示。",
])
def test_leaves_legitimate_text_alone(text):
    assert found(text) == []


def test_markdown_bold_and_bullets_are_not_placeholders():
    text = "# 述职报告\n\n- **加强学习**，提高认识。\n* 共开展学习*次。\n"
    fs = lint_text(text, select=["placeholder"], path="r.md")
    assert [(f.line, f.column, f.end_column) for f in fs] == [(4, 8, 9)]


def test_bold_spans_run_together_by_a_flattened_page_are_not_placeholders():
    # https://www.520cd.com (tests/corpus/cases/f026)
    assert found("**2024年医院团支部工作计划****一、指导思想**以新时代中国特色社会主义思想为指导。") == []
    assert found("我叫***，现任***村党支部书记。") == ["***", "***"]


def test_span_is_exactly_the_run():
    text = "第一行\n在XX委XX工委的领导下"
    fs = lint_text(text, select=["placeholder"])
    assert [(f.line, f.column, f.end_column) for f in fs] == [(2, 2, 4), (2, 5, 7)]


@pytest.mark.parametrize("prefix, count", [("000", 5), ("001", 13), ("002", 8), ("003", 42), ("004", 150)])
def test_every_placeholder_in_the_seeds(prefix, count):
    text = seed(prefix).read_text(encoding="utf-8")
    fs = lint_text(text, select=["placeholder"])
    assert len(fs) == count
    blanks = texts(fs, text)
    assert all(set(b) <= set("XxＸ×*AＡ") for b in blanks)
    if prefix == "003":
        assert blanks == ["*"] * 42
    if prefix == "000":
        assert blanks.count("AAA") == 1 and blanks.count("XX") == 4
