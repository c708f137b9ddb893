"""Traditional characters (繁體): matched as simplified, reported as written."""

from conftest import lint_text

from lint import document
from lint.variants import may_hold_traditional, simplified

TRADITIONAL = ("2023年度工作總結\n\n一、主要工作\n\n完成各項任務。\n\n二、存在問題\n\n學習不夠深入。\n\n"
               "三、下一步打算\n\n加強學習，共XX人。\n")


def test_a_traditional_report_has_its_sections_and_profile():
    findings = lint_text(TRADITIONAL)
    assert [f.rule for f in findings] == ["placeholder"]
    (f,) = findings
    assert (f.line, f.column, f.end_column) == (13, 7, 9)


def test_titles_and_headings_in_traditional_characters_choose_the_profile():
    from conftest import default_pack
    from lint import engine, parser

    report = parser.parse(document.from_text("述職報告\n\n一、履職情況\n\n內容。\n"))
    linter = engine.Linter(default_pack())
    assert linter.profile_for(report).name == "述职报告"
    assert report.title.text == "述職報告"  # what is shown stays as written


def test_debris_in_traditional_characters_is_found_and_quoted_as_written():
    text = TRADITIONAL.replace("完成各項任務。", "完成各項任務。\n下載本文檔")
    (f,) = lint_text(text, select=["watermark"])
    assert f.line == 6 and "下載本文檔" in f.message


def test_views_keep_every_position():
    doc = document.from_text("一、存在問題\n“引號”「引號」後來\n")
    for line in doc.lines:
        assert len(line.view) == len(line.text)
    assert doc.lines[0].view == "一、存在问题"
    assert doc.lines[1].view == "“引号”「引号」后来"  # punctuation is never converted
    assert doc.view_text == "一、存在问题\n“引号”「引号」后来\n"
    assert doc.text == "一、存在問題\n“引號”「引號」後來\n"


def test_simplified_text_is_its_own_view():
    text = "2023年度工作总结——“两学一做”、①②，《条例》…●\n共X人。\n"
    assert not may_hold_traditional(text)
    doc = document.from_text(text)
    assert doc.view_text is doc.text
    assert all(line.view is line.text for line in doc.lines)


def test_rare_simplified_characters_are_not_changed():
    # Names outside GB 2312 make the check look, and OpenCC leaves them as they are.
    assert may_hold_traditional("王喆、李堃")
    assert simplified("王喆、李堃") == "王喆、李堃"
