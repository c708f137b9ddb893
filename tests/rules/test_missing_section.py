import pytest

from conftest import lint_text, seed


def missing(text, **kw):
    return lint_text(text, select=["missing-section"], **kw)


FULL = "某某同志述职报告\n\n现将履职情况报告如下：\n\n一、{a}\n\n内容。\n\n二、{b}\n\n内容。\n\n三、{c}\n\n内容。\n"


@pytest.mark.parametrize("a, b, c", [
    ("履职情况", "存在的问题", "下一步工作打算"),
    ("主要工作", "存在的不足", "下步工作思路"),
    ("工作成效", "差距和不足", "今后努力方向"),
    ("主要做法及成效", "问题及原因", "下一步工作计划"),
    ("2023年度党建工作履职情况", "存在的突出问题", "下步工作思路和主要措施"),
    # https://www.gaozihui.com (a 护理院长's report): problems as challenges, next steps as a direction
    ("工作进展", "面临的挑战", "发展方向"),
    ("主要工作", "困难与挑战", "展望未来"),
])
def test_synonyms_satisfy_the_sections(a, b, c):
    assert missing(FULL.format(a=a, b=b, c=c)) == []


def test_a_challenge_in_a_work_heading_is_no_problems_part():
    fs = missing(FULL.format(a="迎接新挑战，完成各项任务", b="抓好队伍建设", c="下一步工作打算"))
    assert ["存在问题" in f.message for f in fs] == [True]


def test_one_finding_per_missing_section_at_the_title():
    text = "某某同志述职报告\n\n一、主要工作\n\n内容。\n"
    fs = missing(text)
    assert [(f.line, f.column, f.end_column) for f in fs] == [(1, 1, 9), (1, 1, 9)]
    assert "存在问题" in fs[0].message and "存在的不足" in fs[0].message
    assert "下一步打算" in fs[1].message


def test_no_title_reports_at_the_first_line_of_the_report():
    # without a title there is no kind (通用) unless one is named
    assert missing("\n一、主要工作\n\n内容。\n") == []
    fs = missing("\n一、主要工作\n\n内容。\n", profile="述职报告")
    assert {f.line for f in fs} == {2} and len(fs) == 2
    # a page's collection title names the kind when the report has no title of its own
    text = ("预算公开自查报告范文（精选6篇）\n\n根据上级要求，我单位对照专项整治工作的各项规定开展了自查。\n"
            "一、高度重视，狠抓落实\n中心高度重视有关规定的学习贯彻工作，并将贯彻落实情况纳入年度考核。\n")
    fs = missing(text)
    assert [(f.line, f.message.split("：")[0]) for f in fs] == [(3, "缺少「存在问题」部分"), (3, "缺少「整改措施」部分")]


def test_combined_heading_satisfies_both():
    text = "述职报告\n一、主要工作\n内容。\n二、存在问题及下一步打算\n内容。\n"
    assert missing(text) == []


def test_unnumbered_heading_line_counts():
    text = "述职报告\n一、主要工作\n内容。\n存在的不足\n学习不够。\n今后努力方向\n加强学习。\n"
    assert missing(text) == []


def test_markdown_headings_count():
    text = "# 述职报告\n\n## 主要工作\n\n内容。\n\n## 存在的问题\n\n内容。\n\n## 下一步打算\n\n内容。\n"
    assert missing(text, path="r.md") == []


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_seed_misses_a_section(prefix):
    assert missing(seed(prefix).read_text(encoding="utf-8")) == []
