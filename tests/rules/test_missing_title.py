import pytest

from conftest import lint_text, seed, spans

OPENING = "今年以来，在区委的正确领导下，我认真履行党建第一责任人职责，始终坚持抓班子、带队伍，扎实开展各项党建工作，现将一年来履职情况报告如下："


def title(text, **kw):
    return lint_text(text, select=["missing-title"], **kw)


def test_no_title_reported_at_the_first_line():
    fs = title(OPENING + "\n一、主要工作\n内容。\n")
    assert spans(fs) == [(1, 1, len(OPENING) + 1)]
    assert "缺少标题" in fs[0].message


def test_no_title_before_the_first_heading():
    fs = title("\n\n一、主要工作\n内容。\n")
    assert spans(fs) == [(3, 1, 7)]


def test_title_of_another_kind_is_a_warning_at_the_title():
    assert title("关于近期工作的几点想法\n\n一、主要工作\n内容。\n") == []  # no known kind: 通用
    fs = title("关于近期工作的几点想法\n\n一、主要工作\n内容。\n", profile="述职报告")
    assert spans(fs) == [(1, 1, 12)]
    assert "述职报告" in fs[0].message and fs[0].severity == "warning"


def test_chosen_profile_judges_the_title():
    assert title("2023年个人工作总结\n\n内容。\n") == []
    fs = title("某某同志述职报告\n\n内容。\n", profile="工作总结")
    assert len(fs) == 1 and "工作总结" in fs[0].message


def test_generic_profile_accepts_any_title():
    assert title("关于近期工作的几点想法\n\n一、主要工作\n内容。\n", profile="通用") == []
    assert len(title(OPENING + "\n", profile="通用")) == 1  # but not none at all


def test_leading_adverts_are_skipped():
    text = "仅供学习 禁止外传 用后删除\n酷乐文行\nX区政务局党组书记抓基层党建工作述职报告\n\n" + OPENING + "\n"
    assert title(text) == []


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seeds_have_titles(prefix):
    assert title(seed(prefix).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("text", ["", "   \n\n\t\n", "\r\n\r\n"])
def test_an_empty_document_is_one_finding(text):
    fs = lint_text(text)
    assert [(f.rule, f.line, f.column) for f in fs] == [("missing-title", 1, 1)]
    assert "文档为空" in fs[0].message
