import pytest

from conftest import lint_text, seed, spans


def order(text, **kw):
    return lint_text(text, select=["section-order"], **kw)


def test_next_steps_before_problems():
    text = "某某述职报告\n一、主要工作\n内容。\n二、下一步打算\n内容。\n三、存在的问题\n内容。\n"
    fs = order(text)
    assert spans(fs) == [(4, 1, 8)]
    assert "「下一步打算」（下一步打算）应在「存在的问题」（存在问题）之后" in fs[0].message


def test_problems_before_work_done_only_first_flagged():
    text = "某某述职报告\n一、存在的问题\n内容。\n二、下一步打算\n内容。\n三、主要工作\n内容。\n"
    fs = order(text)
    assert len(fs) == 1 and fs[0].line == 2


def test_in_order_with_synonyms_and_combined_heading():
    assert order("某某述职报告\n一、履职情况\n内容。\n二、差距和不足\n内容。\n三、今后努力方向\n内容。\n") == []
    assert order("某某述职报告\n一、主要工作\n内容。\n二、存在问题及下一步打算\n内容。\n") == []


def test_missing_sections_are_not_this_rules_business():
    assert order("某某述职报告\n一、下一步打算\n内容。\n") == []


def test_subheading_wording_does_not_move_a_section():
    # "整改措施" under the problems section reads like next steps, but the level-1
    # heading stands for the section.
    text = ("某某述职报告\n一、主要工作\n内容。\n二、存在的问题\n（一）整改措施落实不够。内容。\n"
            "三、下一步打算\n内容。\n")
    assert order(text) == []


def test_work_summary_profile_uses_its_own_wordings():
    text = "2023年工作总结\n一、主要工作\n内容。\n二、明年工作计划\n内容。\n三、经验教训\n内容。\n"
    fs = order(text)
    assert [f.line for f in fs] == [4]


def test_generic_profile_has_no_order():
    text = "某某述职报告\n一、下一步打算\n内容。\n二、主要工作\n内容。\n"
    assert order(text, profile="通用") == []
    assert len(order(text)) == 1


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seeds_are_in_order(prefix):
    assert order(seed(prefix).read_text(encoding="utf-8")) == []


def test_seed_003_with_two_sections_swapped():
    lines = seed("003").read_text(encoding="utf-8").split("\n")
    # 二、存在的突出问题 (lines 9-12) moved after 三、下一步工作打算 (lines 13-16)
    swapped = lines[:8] + lines[12:16] + lines[8:12] + lines[16:]
    fs = order("\n".join(swapped))
    assert spans(fs) == [(9, 1, 10)]  # the first heading out of place
    assert "存在的突出问题" in fs[0].message and "下一步工作打算" in fs[0].message
