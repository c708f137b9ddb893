import pytest

from conftest import lint_text, seed, texts


def found(text):
    fs = lint_text(text, select=["duplicate-punctuation"])
    return texts(fs, text), [f.fix["replacement"] for f in fs]


@pytest.mark.parametrize("text, runs, keep", [
    ("立场坚定。。", ["。。"], ["。"]),
    ("加强学习，，提高认识。", ["，，"], ["，"]),
    ("学习、、思考", ["、、"], ["、"]),
    ("一是；；二是", ["；；"], ["；"]),
    ("如下：：", ["：："], ["："]),
    ("太好了！！", ["！！"], ["！"]),
    ("为什么？？", ["？？"], ["？"]),
    ("主动作为，。下一步", ["，。"], ["。"]),
    ("三连。。。", ["。。。"], ["。"]),
    ("甲、，乙", ["、，"], ["，"]),
    # half-width marks (web pages often show full-width ones so), doubled or mixed
    ("加强学习,,提高认识。", [",,"], [","]),
    ("一是;;二是", [";;"], [";"]),
    ("加强学习，,提高认识。", ["，,"], ["，"]),
    ("加强学习,，提高认识。", [",，"], ["，"]),
    ("主动作为,。下一步", [",。"], ["。"]),
    ("如下::", ["::"], [":"]),
    ("太好了!!", ["!!"], ["!"]),
    # doubled quotation marks, as a government page stored every quote
    # (http://www.shpt.gov.cn/jyj/ghjhc-ghjh/20221028/872370.html): 实施““十四五””规划
    ("深入实施““十四五””规划", ["““", "””"], ["“", "”"]),
    ("““ABC””", ["““", "””"], ["“", "”"]),
])
def test_catches_doubled_marks(text, runs, keep):
    assert found(text) == (runs, keep)


@pytest.mark.parametrize("text", [
    "持续推进……",
    "这一年——忙碌而充实。",
    "牢固树立“四个意识”。",
    "修订《车辆管理制度》、《请销假制度》等。",
    "（含社区）。",
    "难道不是吗？！",
    "正常的句子，没有问题。",
    "难道不是吗?!",
    "调用 std::sort 排序。",
    "CSV 中的空列写作 a,,b。",
    "Hello!! World",
    "时间 10:30,地点会议室。",
    "所谓“”，就是空白。",  # an empty quotation: an opening and a closing mark
    "他说：“‘四个意识’”。",  # nested quotes close together
])
def test_leaves_single_marks_and_closing_brackets_alone(text):
    assert found(text) == ([], [])


def test_seed_000_has_its_double_full_stop():
    text = seed("000").read_text(encoding="utf-8")
    fs = lint_text(text, select=["duplicate-punctuation"])
    # the 。。 in line 21; the mixed runs inside the advert lines are covered by the
    # watermark rule only when it runs, so here they count too
    assert (21, 219, 221) in [(f.line, f.column, f.end_column) for f in fs]
    all_rules = lint_text(text)
    assert [(f.line, f.column) for f in all_rules if f.rule == "duplicate-punctuation"] == [(21, 219)]
