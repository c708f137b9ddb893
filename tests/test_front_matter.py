"""YAML front matter of a Markdown document: metadata, never the title, never linted,
never changed by --fix."""

import json

from cli_helpers import reportlint
from lint import document

FRONT = "---\ntitle: 年度工作总结\ntags: [述职, 2024]\nauthor: XX\n---\n\n"
BODY = ("# 某某同志述职报告\n\n## 一、主要工作\n\n全年完成各项任务，，成效明显。\n\n## 二、存在的问题\n\n学习不够深入。\n\n"
        "## 三、下一步打算\n\n加强理论学习。\n")


def test_front_matter_is_not_the_title(tmp_path):
    (tmp_path / "a.md").write_text(FRONT + BODY, encoding="utf-8")
    out = reportlint("--outline", "a.md", cwd=tmp_path).stdout.decode("utf-8")
    assert "title    某某同志述职报告" in out


def test_front_matter_is_neither_linted_nor_fixed(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(FRONT + BODY, encoding="utf-8")
    found = json.loads(reportlint("--format", "json", "a.md", cwd=tmp_path).stdout)
    assert [(f["line"], f["rule"]) for f in found] == [(11, "duplicate-punctuation")]
    reportlint("--fix", "a.md", cwd=tmp_path)
    fixed = path.read_text(encoding="utf-8")
    assert fixed.startswith(FRONT)  # tags: [述职, 2024] is YAML and stays YAML
    assert "全年完成各项任务，成效明显。" in fixed


def test_what_counts_as_front_matter():
    assert document.front_matter_end(["---", "a: 1", "---", "正文"]) == 3
    assert document.front_matter_end(["---", "a: 1", "...", "正文"]) == 3
    assert document.front_matter_end(["正文", "---", "a: 1", "---"]) == 0  # only at the very start
    assert document.front_matter_end(["---", "正文没有结束"]) == 0  # never closed: a rule, not metadata
    doc = document.from_text("---\ntitle: XX\n---\n正文\n", "a.md")
    assert doc.lines[1].view.strip() == "" and doc.lines[3].view == "正文"
    plain = document.from_text("---\ntitle: XX\n---\n", "a.txt")  # only Markdown has front matter
    assert plain.lines[1].view == "title: XX"
