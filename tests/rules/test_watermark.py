import pytest

from conftest import lint_text, seed

REPORT_BODY = (
    "某局述职报告\n\n现将工作情况报告如下：\n\n一、主要工作\n\n{body}\n\n二、存在的问题\n\n学习不够深入。\n\n"
    "三、下一步打算\n\n加强学习。\n"
)


def wm(text, path="doc.txt"):
    return lint_text(text, select=["watermark"], path=path)


@pytest.mark.parametrize("line", [
    "【哒哒素材库】——每天更新材料1000多篇内部高质量素材",
    "酷乐文行整理，咨询QQ206157060",
    "仅供学习 禁止外传 用后删除",
    "会员群：                      免费QQ群：",
    "本文由热心网友投稿，仅供参考",
    "下载文档后可编辑",
    "更多精品范文请访问本站",
    "扫码关注获取更多材料",
    "添加客服：cwk",
])
def test_advert_lines_anywhere(line):
    text = REPORT_BODY.format(body="推进各项工作落实。\n" + line)
    fs = wm(text)
    assert len(fs) == 1
    f = fs[0]
    assert f.line == 8 and f.column == 1 and f.end_column == len(line.rstrip()) + 1
    # the fix deletes the whole line with its line end
    assert f.fix == {"line": 8, "column": 1, "end_line": 9, "end_column": 1, "replacement": ""}


@pytest.mark.parametrize("body", [
    "通过单位微信公众号推送学习内容。",
    "在机关微信群分享学习内容，组织交流。",
    "新发展工会会员20名。",
    "组织党员下载“学习强国”APP，坚持每日学习。",
    "会员单位共计30家。",
    "建立宣传素材库，丰富宣传载体。",
])
def test_body_mentions_are_not_adverts(body):
    assert wm(REPORT_BODY.format(body=body)) == []


def test_marker_inside_a_line_is_reported_alone():
    text = REPORT_BODY.format(body="本##paidbegin##人带头学习文件精神。")
    (f,) = wm(text)
    assert (f.line, f.column, f.end_column) == (7, 2, 15)
    assert f.fix["replacement"] == "" and f.fix["end_line"] == 7


def test_marker_glued_to_a_heading_keeps_the_heading():
    text = "述职报告\n一、主要工作\n##paidbegin##（二）紧盯理论学习\n一是精心谋划。\n"
    (f,) = wm(text)
    assert (f.line, f.column, f.end_column) == (3, 1, 14)
    from lint import document, parser
    report = parser.parse(document.from_text(text))
    assert [(h.level, h.marker, h.text) for h in report.headings()] == [(1, "一、", "主要工作"),
                                                                     (2, "（二）", "紧盯理论学习")]


def test_unmarked_lines_in_an_advert_block_after_the_end():
    text = REPORT_BODY.format(body="推进工作。") + "\n某某文库\n自建平台、实时分享\n咨询QQ123456789\n"
    fs = wm(text)
    assert [f.line for f in fs] == [17, 18, 19]


def test_a_short_closing_line_without_advert_neighbours_is_kept():
    text = REPORT_BODY.format(body="推进工作。") + "\n述职人：张三\n2023年12月30日\n"
    assert wm(text) == []


def test_report_clauses_next_to_an_advert_block_are_kept():
    # a clause of the report (it ends in ；) glued under a trailing advert is not part of it
    text = REPORT_BODY.format(body="推进工作。") + "【哒哒素材库】——每天更新材料\n学用结合还有差距；\n"
    fs = wm(text)
    assert [f.line for f in fs] == [16]


def test_a_clause_repeated_at_both_ends_is_not_a_header_and_footer():
    clause = "理论学习不够深入；"
    body = "\n".join(["推进工作。"] * 8)
    text = f"某局述职报告\n{clause}\n一、主要工作\n{body}\n{clause}\n"
    assert wm(text) == []
    # the same short line without its clause mark reads as a running header and footer
    assert [f.line for f in wm(text.replace(clause, "某某文库"))] == [2, 12]


def test_seed_000_adverts():
    fs = wm(seed("000").read_text(encoding="utf-8"))
    assert [f.line for f in fs] == [26, 27, 28, 29]


def test_seed_001_header_and_footer_blocks():
    fs = wm(seed("001").read_text(encoding="utf-8"))
    assert [f.line for f in fs] == [1, 2, 3, 6, 29, 30, 31, 32, 33, 34, 35, 36]


def test_seed_002_and_004_markers():
    fs = wm(seed("002").read_text(encoding="utf-8"))
    assert [(f.line, f.column, f.end_column) for f in fs] == [(7, 1, 14), (21, 1, 12)]
    fs = wm(seed("004").read_text(encoding="utf-8"))
    assert [(f.line, f.column, f.end_column) for f in fs] == [(5, 73, 86), (18, 1, 12)]
    line5 = seed("004").read_text(encoding="utf-8").splitlines()[4]
    assert line5[71:86] == "本##paidbegin##人"


@pytest.mark.parametrize("body", [
    "严格执行保密制度，涉密文件严禁外传。",
    "开通政务服务客服电话：12345，实行全天候人工接听。",
    "引导群众扫码关注“政务发布”公众号，及时获取政策信息。",
    "依法打击倒卖车票等违法行为，维护运输秩序。",
    "系统数据每日更新，确保底数清、情况明。",
    "建立党员交流群：每月开展线上学习；",
])
def test_advert_phrases_in_report_prose_are_left_alone(body):
    assert wm(REPORT_BODY.format(body=body)) == []


@pytest.mark.parametrize("line", [
    "涉密材料 严禁外传",
    "添加客服：cwk",
    "扫码关注，获取更多精品材料",
    "【打击倒卖会员资料】举报有奖",
])
def test_the_same_phrases_on_an_advert_line_are_flagged(line):
    text = REPORT_BODY.format(body="推进各项工作落实。\n" + line)
    assert [f.line for f in wm(text)] == [8]
