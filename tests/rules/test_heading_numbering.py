import pytest

from conftest import lint_text, seed, spans
from lint.rules.heading_numbering import int_to_cn, render


def numbering(text, **kw):
    return lint_text(text, select=["heading-numbering"], **kw)


def report(*lines):
    return "某某同志述职报告\n" + "\n".join(lines) + "\n"


def test_skipped_level1_number_at_the_heading():
    fs = numbering(report("一、主要工作", "内容。", "二、存在问题", "内容。", "四、下一步打算", "内容。"))
    assert spans(fs) == [(6, 1, 8)]
    assert "「四、」之前缺少「三、」" in fs[0].message


def test_repeated_and_out_of_order():
    fs = numbering(report("一、甲", "内容。", "二、乙", "内容。", "二、丙", "内容。"))
    assert spans(fs) == [(6, 1, 4)] and "重复" in fs[0].message
    fs = numbering(report("一、甲", "内容。", "三、乙", "内容。", "二、丙", "内容。"))
    assert [f.line for f in fs] == [4, 6]
    assert "缺少「二、」" in fs[0].message and "「二、」出现在「三、」之后" in fs[1].message


def test_a_run_must_start_at_one():
    fs = numbering(report("一、主要工作", "（二）加强学习。内容。", "（三）改进作风。内容。"))
    assert spans(fs) == [(3, 1, 9)]
    assert "缺少「（一）」" in fs[0].message


def test_numbers_restart_under_a_new_parent():
    text = report("一、甲", "（一）子。内容。", "（二）子。内容。", "二、乙", "（一）子。内容。", "（三）子。内容。")
    fs = numbering(text)
    assert [f.line for f in fs] == [7]
    assert "「（三）」之前缺少「（二）」" in fs[0].message


@pytest.mark.parametrize("style", ["{n}.", "{n}、", "（{n}）"])
def test_arabic_levels(style):
    heads = [style.format(n=n) + "小标题。内容。" for n in (1, 2, 4)]
    fs = numbering(report("一、主要工作", *heads))
    assert [f.line for f in fs] == [5]


def test_level_used_before_its_parent():
    fs = numbering(report("（一）加强学习", "内容。", "一、主要工作", "内容。"))
    assert spans(fs) == [(2, 1, 8)] and "缺少上级标题" in fs[0].message
    fs = numbering(report("一、主要工作", "1.加强学习。内容。", "（一）改进作风。内容。"))
    assert [f.line for f in fs] == [3] and "「1.」" in fs[0].message


def test_a_report_may_skip_a_level_throughout():
    text = report("一、主要工作", "1.加强学习。内容。", "2.改进作风。内容。", "二、存在问题", "1.学习不够。内容。")
    assert numbering(text) == []


def test_glued_marker_does_not_break_the_count():
    text = report("一、主要工作", "（一）健全机制", "内容。", "##paidbegin##（二）紧盯学习", "内容。", "（三）加强建设", "内容。")
    assert numbering(text) == []


def test_inline_enumeration_runs_across_paragraphs():
    text = report("一、存在问题", "一是理论学习不充分。", "二是履职不充分。", "四是保障不充分。")
    fs = numbering(text)
    assert spans(fs) == [(5, 1, 3)]
    assert "「四是」之前缺少「三是」" in fs[0].message


def test_inline_enumeration_restarts_at_a_new_yishi():
    text = report("一、主要工作", "一是学。二是做。", "一是想。二是干。三是成。")
    assert numbering(text) == []
    fs = numbering(report("一、主要工作", "一是学。二是做。", "一是想。三是干。"))
    assert spans(fs) == [(4, 5, 7)]


def test_inline_enumeration_is_per_section():
    text = report("一、主要工作", "一是学。二是做。", "二、存在问题", "三是想。")
    assert numbering(text) == []  # a run in a new section is judged from its first number


def test_repeated_inline_number():
    fs = numbering(report("一、主要工作", "一是学。二是做。二是想。"))
    assert spans(fs) == [(3, 9, 11)] and "重复" in fs[0].message


def test_unnumbered_markdown_headings_are_not_counted():
    text = "# 述职报告\n\n## 主要工作\n\n内容。\n\n## 存在问题\n\n内容。\n"
    assert numbering(text, path="r.md") == []


def test_render_and_cn_numbers():
    assert [int_to_cn(n) for n in (1, 10, 12, 20, 23)] == ["一", "十", "十二", "二十", "二十三"]
    assert [render(s, 3) for s in ("一、", "（一）", "1.", "（1）")] == ["三、", "（三）", "3.", "（3）"]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seeds_are_correctly_numbered(prefix):
    assert numbering(seed(prefix).read_text(encoding="utf-8")) == []


def edited_seed(prefix, line, old, new):
    lines = seed(prefix).read_text(encoding="utf-8").split("\n")
    assert lines[line - 1].startswith(old)
    lines[line - 1] = new + lines[line - 1][len(old):]
    return "\n".join(lines)


def test_seed_004_inline_run_across_paragraphs():
    # lines 10-12 of seed 004 are 一是 / 二是 / 三是, one per paragraph
    fs = numbering(edited_seed("004", 11, "二是", "三是"))
    assert spans(fs) == [(11, 1, 3), (12, 1, 3)]
    assert "「三是」之前缺少「二是」" in fs[0].message and "重复" in fs[1].message
    fs = numbering(edited_seed("004", 12, "三是", "二是"))
    assert spans(fs) == [(12, 1, 3)] and "重复" in fs[0].message


def test_seed_001_skipped_subheading():
    fs = numbering(edited_seed("001", 12, "（四）", "（五）"))
    assert [(f.line, f.column, f.end_column) for f in fs] == [(12, 1, 15), (13, 1, 15)]
    assert "「（五）」之前缺少「（四）」" in fs[0].message and "重复" in fs[1].message


def test_numbering_across_a_paywall_is_not_judged():
    text = ("述职报告\n一、主要工作\n内容。……此处隐藏27020个字……\n五、下一步打算\n内容。\n六、其他\n内容。\n"
            "八、附则\n内容。\n")
    assert [(f.line, f.message.split("：")[0]) for f in numbering(text)] == [(8, "序号跳号")]


def test_a_paywall_notice_line_hides_what_the_numbering_skips():
    # https://www.39ysw.com (tests/corpus/cases/f001): 二、三、 behind the wall
    text = "自查报告\n一、整治情况\n内容。\n此处内容需要权限查看\n四、整改建议\n内容。\n"
    assert numbering(text) == []
    assert [f.line for f in numbering(text.replace("此处内容需要权限查看\n", ""))] == [4]


def test_items_before_a_heading_line_of_their_own_are_another_text():
    # a guide copied from another page (tests/corpus/cases/f014): 1、2、 then 要点： then 一、
    text = report("1、情况概述", "客观地表述任务完成情况。", "2、简要分析", "简要分析其原因。",
                  "年终总结要点:", "一、怎样的总结才能让领导满意", "内容。")
    assert numbering(text) == []
    fs = numbering(report("1、情况概述", "客观地表述任务完成情况。", "一、主要工作", "内容。"))
    assert [f.line for f in fs] == [2] and "缺少上级标题" in fs[0].message


def test_seed_002_glued_marker_counts_as_its_number():
    fs = numbering(edited_seed("002", 7, "##paidbegin##（二）", "##paidbegin##（三）"))
    assert [(f.line, f.column) for f in fs] == [(7, 14), (9, 1)]
