import re

import pytest

from conftest import ROOT, default_pack, lint_text, seed
from lint import packs
from lint.cli import main
from lint.engine import choose_profile
from lint.errors import UsageError

SUMMARY = ("2023年个人工作总结\n\n今年以来，我认真完成各项任务。\n\n一、主要成绩\n\n内容。\n\n"
           "二、经验教训\n\n内容。\n\n三、2024年工作计划\n\n内容。\n")


@pytest.mark.parametrize("title, profile", [
    ("某某同志2023年度述职报告", "述职报告"),
    ("2023年抓基层党建工作述职报告（2）", "述职报告"),
    ("局党组书记述职述廉报告", "述职述廉报告"),
    ("2023年个人工作总结", "工作总结"),
    ("XX局2023年上半年工作总结", "工作总结"),
    ("2023年述职述廉工作总结", "工作总结"),  # the kind a title names comes last
    ("2024年工作总结和2025年工作计划", "工作总结"),
    ("某某县2025年工作要点", "工作计划"),
    ("乡镇领导班子2025年度民主生活会对照检查材料（含典型案例剖析）", "对照检查材料"),
    ("关于农村公路建设情况的调研报告", "调研报告"),
    ("银行网点自查报告", "自查报告"),
    ("县长在全县经济工作会议上的讲话", "讲话"),
    ("教师2017年度述职报告范文", "述职报告"),
    ("述职报告1", "述职报告"),
    ("个人述职报告（2023年度）", "述职报告"),
    ("述职报告——在县人大常委会上", "述职报告"),
    # guides and essays about a kind are not of that kind
    ("述职报告的写作", "通用"),
    ("述职报告怎么写?", "通用"),
    ("如何写好述职报告", "通用"),
    ("浅谈民主生活会班子对照检查材料的撰写", "通用"),
    ("述职勿忘述廉", "通用"),
    ("关于近期工作的几点想法", "通用"),  # nothing matches: the default
    ("", "通用"),
])
def test_profile_chosen_from_the_title(title, profile):
    assert choose_profile(default_pack(), title) == profile


def test_profiles_in_the_default_pack():
    pack = default_pack()
    assert pack.default_profile == "通用"
    assert {"述职报告", "工作总结", "述职述廉报告", "对照检查材料", "调研报告", "工作计划", "自查报告", "讲话"} <= set(pack.profiles)
    assert [s.name for s in pack.profile("述职述廉报告").sections] == ["工作情况", "廉洁自律", "存在问题", "下一步打算"]
    assert [s.name for s in pack.profile("对照检查材料").sections] == ["问题查摆", "原因剖析", "整改措施"]
    assert [s.name for s in pack.profile("调研报告").sections] == ["基本情况", "存在问题", "对策建议"]
    assert [s.name for s in pack.profile("工作计划").sections] == ["目标", "任务措施"]
    assert [s.name for s in pack.profile("自查报告").sections] == ["自查情况", "存在问题", "整改措施"]
    assert pack.profile("讲话").sections == []
    assert [s.name for s in pack.profile("工作总结").sections] == ["工作情况", "存在问题", "下一步打算"]
    assert pack.profile("通用").sections == []


def test_work_summary_sections_use_their_own_wordings():
    assert lint_text(SUMMARY, select=["missing-section", "section-order", "missing-title"]) == []
    # another kind asks for other parts
    fs = lint_text(SUMMARY, select=["missing-section"], profile="对照检查材料")
    assert [f.message.split("：")[0] for f in fs] == ["缺少「问题查摆」部分", "缺少「原因剖析」部分", "缺少「整改措施」部分"]


def test_generic_profile_requires_no_section():
    text = "关于近期工作的几点想法\n\n一、基本情况\n\n内容。\n"
    # 基本情况 carries the work done; problems and next steps are missing
    assert len(lint_text(text, select=["missing-section"], profile="述职报告")) == 2
    assert lint_text(text, select=["missing-section"], profile="通用") == []
    assert lint_text(text, select=["missing-section"]) == []  # its title names no kind: 通用


def test_unknown_profile_is_a_usage_error():
    with pytest.raises(UsageError, match="通用"):
        lint_text("述职报告\n", profile="没有这个")


def test_outline_shows_the_chosen_profile(tmp_path, capsys):
    path = tmp_path / "summary.txt"
    path.write_text(SUMMARY, encoding="utf-8")
    assert main(["--outline", str(path)]) == 0
    assert "profile: 工作总结" in capsys.readouterr().out
    assert main(["--outline", "--profile", "通用", str(seed("003"))]) == 0
    assert "profile: 通用" in capsys.readouterr().out


README_PROFILES = re.search(r"```yaml\n(# my-profiles.yaml\n.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"),
                            re.S).group(1)


def test_the_readmes_profile_pack_adds_a_kind_of_its_own(tmp_path):
    path = tmp_path / "my-profiles.yaml"
    path.write_text(README_PROFILES, encoding="utf-8")
    pack = packs.load([str(path)])
    assert choose_profile(pack, "2024年财务科年度汇报") == "我们的年度汇报"
    lacking = lint_text("2024年财务科年度汇报\n一、下一步安排\n明年继续做好核算。\n", ["missing-section"], pack=pack)
    assert [f.message for f in lacking] and all("工作情况" in f.message for f in lacking)
    whole = "2024年财务科年度汇报\n一、工作情况\n完成了全年核算。\n"
    assert lint_text(whole, ["missing-section"], pack=pack) == []
    # the 述职报告 of that pack requires its two parts only, found by their keywords
    report = "2023年度述职报告\n一、履职亮点\n完成了任务。\n二、存在的不足\n学习不够。\n"
    assert lint_text(report, ["missing-section"], pack=pack) == []
