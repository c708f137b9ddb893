import pytest

from conftest import lint_text, seed, spans


def empty(text, **kw):
    return lint_text(text, select=["empty-section"], **kw)


def test_heading_followed_by_a_heading_of_the_same_level():
    fs = empty("某某述职报告\n一、主要工作\n\n二、存在问题\n学习不够。\n三、下一步打算\n加强学习。\n")
    assert spans(fs) == [(2, 1, 7)]
    assert "一、主要工作" in fs[0].message


def test_heading_followed_by_a_higher_level_heading():
    fs = empty("某某述职报告\n一、主要工作\n（一）加强学习。内容。\n（二）改进作风\n二、存在问题\n学习不够。\n")
    assert [f.line for f in fs] == [4]


def test_last_heading_without_content():
    fs = empty("某某述职报告\n一、主要工作\n内容。\n二、存在问题\n\n\n")
    assert [f.line for f in fs] == [4]


def test_a_list_that_starts_again_at_one_is_judged_on_its_own():
    # https://blog.csdn.net (tests/corpus/cases/f016): the page ends inside the last item
    text = ("乡镇工作总结\n三、社会民生方面:\n1.扶贫工作:积极落实国家扶贫政策。帮助贫困户脱贫。\n"
            "2.环境保护:注重环境保护工作。加强垃圾分类。\n为了进一步推动乡镇发展,我建议:\n"
            "1.加大农业科技投入,提高农产品质量。\n2.加强交通基础设施建设,缓解交通拥堵问题。\n"
            "3.持续推进扶贫工作,确保贫困户稳定脱\n")
    assert empty(text) == []


def test_subsections_are_content():
    assert empty("某某述职报告\n一、主要工作\n（一）加强学习\n认真学习。\n") == []


def test_heading_line_that_goes_on_is_not_empty():
    assert empty("某某述职报告\n一、主要工作\n（一）加强学习。认真学习理论。\n") == []


def test_markdown_headings():
    text = "# 述职报告\n\n## 主要工作\n\n## 存在问题\n\n学习不够。\n"
    fs = empty(text, path="r.md")
    assert [f.line for f in fs] == [3]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seeds_have_no_empty_section(prefix):
    assert empty(seed(prefix).read_text(encoding="utf-8")) == []
