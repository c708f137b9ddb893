import pytest

from conftest import default_pack, lint_text, seed
from lint.cli import main
from lint.engine import choose_profile
from lint.errors import UsageError

SUMMARY = ("2023年个人工作总结\n\n今年以来，我认真完成各项任务。\n\n一、主要成绩\n\n内容。\n\n"
           "二、经验教训\n\n内容。\n\n三、2024年工作计划\n\n内容。\n")


@pytest.mark.parametrize("title, profile", [
    ("某某同志2023年度述职报告", "述职报告"),
    ("2023年抓基层党建工作述职报告（2）", "述职报告"),
    ("局党组书记述职述廉报告", "述职报告"),
    ("2023年个人工作总结", "工作总结"),
    ("XX局2023年上半年工作总结", "工作总结"),
    ("2023年述职述廉工作总结", "工作总结"),  # the kind a title names comes last
    ("关于近期工作的几点想法", "述职报告"),  # nothing matches: the default
    ("", "述职报告"),
])
def test_profile_chosen_from_the_title(title, profile):
    assert choose_profile(default_pack(), title) == profile


def test_profiles_in_the_default_pack():
    pack = default_pack()
    assert list(pack.profiles)[:2] == ["述职报告", "工作总结"] and pack.default_profile == "述职报告"
    assert [s.name for s in pack.profile("工作总结").sections] == ["工作情况", "存在问题", "下一步打算"]
    assert pack.profile("通用").sections == [] and pack.profile("通用").title == []


def test_work_summary_sections_use_their_own_wordings():
    assert lint_text(SUMMARY, select=["missing-section", "section-order", "missing-title"]) == []
    # the same headings do not all satisfy a 述职报告
    fs = lint_text(SUMMARY, select=["missing-section"], profile="述职报告")
    assert fs and all(f.rule == "missing-section" for f in fs)


def test_generic_profile_requires_no_section():
    text = "关于近期工作的几点想法\n\n一、基本情况\n\n内容。\n"
    assert len(lint_text(text, select=["missing-section"])) == 3
    assert lint_text(text, select=["missing-section"], profile="通用") == []


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
