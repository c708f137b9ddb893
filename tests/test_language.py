"""The interface speaks Chinese when the locale is Chinese, English otherwise, and
--lang decides: help, errors, read errors, the summary and --explain (as plain text).
Findings' own messages are Chinese either way."""

import json

import pytest

from cli_helpers import reportlint, seed_copy
from lint import i18n
from lint.rules import RULES

ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}
EN = {"LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}


def test_the_locale_chooses_the_language():
    assert i18n.from_locale({"LANG": "zh_CN.UTF-8"}) == "zh"
    assert i18n.from_locale({"LANG": "zh_TW.Big5"}) == "zh"
    assert i18n.from_locale({"LANG": "en_US.UTF-8"}) == "en"
    assert i18n.from_locale({"LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"}) == "en"  # LC_ALL wins
    assert i18n.from_locale({"LANGUAGE": "zh_CN:en", "LANG": "C"}) == "zh"


def test_help_in_chinese_under_a_chinese_locale(tmp_path):
    out = reportlint("--help", cwd=tmp_path, env=ZH).stdout.decode("utf-8")
    assert out.startswith("用法：reportlint")
    assert "检查述职报告" in out and "退出状态" in out and "--ambiguous-width" in out
    assert "show this help" not in out


def test_help_in_english_otherwise_and_lang_overrides(tmp_path):
    out = reportlint("--help", cwd=tmp_path, env=EN).stdout.decode("utf-8")
    assert out.startswith("usage: reportlint") and "Exit status" in out
    out = reportlint("--lang", "zh", "--help", cwd=tmp_path, env=EN).stdout.decode("utf-8")
    assert out.startswith("用法：")
    out = reportlint("--lang=en", "--help", cwd=tmp_path, env=ZH).stdout.decode("utf-8")
    assert out.startswith("usage: ")


def test_errors_and_summary_follow_the_language(tmp_path):
    proc = reportlint("nosuch.txt", cwd=tmp_path, env=ZH)
    assert proc.stderr.decode("utf-8") == "reportlint：错误：nosuch.txt：没有这个文件或目录\n"
    assert proc.stdout.decode("utf-8") == "没有检查任何文件：1 个路径无法检查。\n"
    proc = reportlint("nosuch.txt", cwd=tmp_path, env=EN)
    assert proc.stderr.decode("utf-8") == "reportlint: error: nosuch.txt: no such file or directory\n"
    proc = reportlint("--format", "nope", "a.txt", cwd=tmp_path, env=ZH)  # argparse's own errors
    assert proc.returncode == 2 and "reportlint：错误：" in proc.stderr.decode("utf-8")


def test_summary_and_findings(tmp_path):
    seed_copy(tmp_path, "000", name="a.txt")
    zh = reportlint("a.txt", cwd=tmp_path, env=ZH).stdout.decode("utf-8").splitlines()
    en = reportlint("a.txt", cwd=tmp_path, env=EN).stdout.decode("utf-8").splitlines()
    summary_zh = next(line for line in zh if line.startswith("发现 "))
    summary_en = next(line for line in en if " problems (" in line)
    assert "涉及 1 个文件（共检查 1 个）。" in summary_zh and "problems" not in summary_zh
    assert summary_en.endswith("in 1 file (1 checked).") and "发现" not in summary_en
    # findings are Chinese in both
    assert "未填写的占位符「XX」" in "\n".join(zh) and "未填写的占位符「XX」" in "\n".join(en)


def test_read_errors_follow_the_language(tmp_path):
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    zh = json.loads(reportlint("--format", "json", "old.doc", cwd=tmp_path, env=ZH).stdout)
    en = json.loads(reportlint("--format", "json", "old.doc", cwd=tmp_path, env=EN).stdout)
    assert "另存为 .docx" in zh[0]["message"] and "save it as .docx" in en[0]["message"]


@pytest.mark.parametrize("env", [ZH, EN])
def test_explain_is_plain_text(tmp_path, env):
    for rule in RULES:
        out = reportlint("--explain", rule.name, cwd=tmp_path, env=env).stdout.decode("utf-8")
        assert "``" not in out and ":rule:" not in out, out
        assert out.startswith(f"{rule.code} {rule.name}")


def test_explain_in_chinese(tmp_path):
    out = reportlint("--explain", "placeholder", cwd=tmp_path, env=ZH).stdout.decode("utf-8")
    assert out.startswith("RL101 placeholder（error，不能自动修正）\n\n未填写的占位符。")
    assert "会报告：" in out and "不报告：" in out and "Templates" not in out
    out = reportlint("--explain", "placeholder", cwd=tmp_path, env=EN).stdout.decode("utf-8")
    assert "Templates from material sites" in out and "Flagged:" in out
    assert "“X射线”" in out  # a literal of the docstring, quoted in plain text


def test_every_rule_is_documented_in_both_languages():
    for rule in RULES:
        zh, en = rule.doc("zh"), rule.doc("en")
        assert zh and en and zh != en
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh.split("\n", 1)[0])
