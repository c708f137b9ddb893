"""Suppressions: Markdown comments, the configuration's allow list and per-file ignores,
and reporting the ones that silence nothing."""

import json

from cli_helpers import reportlint, seed_copy
from conftest import lint_text, seed
from lint.suppress import directives
from lint import document

# seed 000 as a Markdown draft: (original line, rule) of every finding
SEED_FINDINGS = [(1, "watermark"), (9, "placeholder"), (9, "placeholder"), (11, "placeholder"), (19, "placeholder"),
                 (21, "placeholder"), (21, "duplicate-punctuation"),
                 (26, "watermark"), (27, "watermark"), (28, "watermark"), (29, "watermark")]


def markdown_draft(tmp_path, comments):
    """Seed 000 as ``draft.md`` with comment lines put before the given original lines.

    Returns the path and a function mapping a line of the draft back to the seed's line.
    """
    lines = seed("000").read_text(encoding="utf-8").split("\n")
    out, origin = [], {}
    for number, line in enumerate(lines, 1):
        for comment in comments.get(number, []):
            out.append(comment)
        out.append(line)
        origin[len(out)] = number
    path = tmp_path / "draft.md"
    path.write_text("\n".join(out), encoding="utf-8")
    return path, origin.get


def findings(tmp_path, comments, *args):
    path, origin = markdown_draft(tmp_path, comments)
    proc = reportlint("--isolated", "--format", "json", *args, path.name, cwd=tmp_path)
    data = json.loads(proc.stdout)
    return [(origin(d["line"]) if d["rule"] != "unused-suppression" else d["line"], d["rule"]) for d in data], proc


def without(*dropped):
    return [f for f in SEED_FINDINGS if f not in dropped]


def test_unsuppressed_draft_has_all_the_seed_findings(tmp_path):
    assert findings(tmp_path, {})[0] == SEED_FINDINGS


def test_disable_next_line_by_name_and_by_code(tmp_path):
    got, _ = findings(tmp_path, {9: ["<!-- reportlint-disable-next-line placeholder -->"],
                                 21: ["<!-- reportlint-disable-next-line RL102 -->"]})
    assert got == [f for f in SEED_FINDINGS if f[0] != 9 and f != (21, "duplicate-punctuation")]


def test_disable_next_line_covers_only_the_named_rule_and_only_the_next_line(tmp_path):
    got, _ = findings(tmp_path, {21: ["<!-- reportlint-disable-next-line watermark -->"],
                                 19: ["<!-- reportlint-disable-next-line placeholder -->", ""]})
    assert got == SEED_FINDINGS  # wrong rule, and a blank line between comment and finding


def test_disable_and_enable_a_range(tmp_path):
    got, _ = findings(tmp_path, {26: ["<!-- reportlint-disable watermark -->"],
                                 28: ["<!-- reportlint-enable watermark -->"]})
    assert got == without((26, "watermark"), (27, "watermark"))
    got, _ = findings(tmp_path, {26: ["<!-- reportlint-disable RL103 -->"]})  # to the end of the file
    assert got == SEED_FINDINGS[:7]


def test_disable_without_rule_silences_every_rule_until_enable(tmp_path):
    got, _ = findings(tmp_path, {9: ["<!-- reportlint-disable -->"], 20: ["<!-- reportlint-enable -->"]})
    assert got == [f for f in SEED_FINDINGS if f[0] >= 21 or f[0] < 9]


def test_enable_one_rule_inside_a_disable_all(tmp_path):
    got, _ = findings(tmp_path, {21: ["<!-- reportlint-disable -->",
                                      "<!-- reportlint-enable duplicate-punctuation -->"]})
    assert got == SEED_FINDINGS[:5] + [(21, "duplicate-punctuation")]


def test_comments_in_code_blocks_and_in_plain_text_are_not_suppressions(tmp_path):
    got, _ = findings(tmp_path, {26: ["```", "<!-- reportlint-disable -->", "```"]})
    assert got == SEED_FINDINGS
    text = seed("000").read_text(encoding="utf-8").replace("\n【哒哒素材库】", "\n<!-- reportlint-disable -->\n【哒哒素材库】", 1)
    found = lint_text(text, path="draft.txt")
    assert {27, 28, 29, 30} <= {f.line for f in found if f.rule == "watermark"}
    assert [f.rule for f in found].count("placeholder") == 5


def test_directive_parsing():
    doc = document.from_text("# t\n<!-- reportlint-disable placeholder, RL102 -->\n"
                             "<!--reportlint-enable-->\n<!-- reportlint-disable-next-line nope -->\n"
                             "<!-- reportlint-disabled -->\n", "a.md")
    found = [(d.line, d.kind, sorted(d.rules), d.unknown) for d in directives(doc)]
    assert found[0] == (2, "disable", ["duplicate-punctuation", "placeholder"], ())
    assert found[1][:2] == (3, "enable") and "watermark" in found[1][2]
    assert found[2] == (4, "disable-next-line", [], ("nope",))
    assert len(found) == 3  # 'reportlint-disabled' is not a directive


def test_unused_suppressions_are_reported_only_when_asked(tmp_path):
    comments = {9: ["<!-- reportlint-disable-next-line placeholder -->"],  # used
                8: ["<!-- reportlint-disable-next-line watermark -->"],  # line 8 has no advert
                13: ["<!-- reportlint-disable-next-line plaecholder -->"]}  # a typo
    got, proc = findings(tmp_path, comments)
    assert "unused-suppression" not in [r for _, r in got] and proc.returncode == 1
    got, proc = findings(tmp_path, comments, "--report-unused-suppressions")
    data = json.loads(proc.stdout)
    unused = [d for d in data if d["rule"] == "unused-suppression"]
    assert [(d["line"], d["column"], d["code"], d["severity"]) for d in unused] == [(8, 1, "RL003", "warning"),
                                                                                     (15, 1, "RL003", "warning")]
    assert "没有屏蔽任何问题" in unused[0]["message"] and "plaecholder" in unused[1]["message"]
    assert unused[0]["end_column"] == len("<!-- reportlint-disable-next-line watermark -->") + 1
    assert all(set(d) == {"path", "line", "column", "end_line", "end_column", "rule", "code", "severity",
                          "message", "fix"} for d in data)


def test_unused_suppression_of_a_rule_not_run_is_not_reported(tmp_path):
    got, _ = findings(tmp_path, {8: ["<!-- reportlint-disable-next-line watermark -->"]},
                      "--report-unused-suppressions", "--select", "placeholder")
    assert "unused-suppression" not in [r for _, r in got]


# --- plain text: the configuration's allow list and per-file ignores ---------------------------


def test_allow_exact_text_under_a_template_directory(tmp_path):
    seed_copy(tmp_path / "templates", "000")
    seed_copy(tmp_path / "reports", "000")
    (tmp_path / ".reportlint.yaml").write_text(
        "allow:\n  - rule: placeholder\n    text: XX\n    paths: [templates/]\n", encoding="utf-8")
    data = json.loads(reportlint("--format", "json", "--select", "placeholder", ".", cwd=tmp_path).stdout)
    spans = {}
    for d in data:
        spans.setdefault(d["path"].split("/")[0], []).append(d["message"])
    assert spans["templates"] == ["未填写的占位符「AAA」"]  # AAA is not XX
    assert spans["reports"].count("未填写的占位符「XX」") == 4


def test_allow_pattern_and_unused_allow_entries(tmp_path):
    seed_copy(tmp_path, "000")
    conf = tmp_path / "pyproject.toml"
    conf.write_text('[tool.reportlint]\nselect = ["watermark"]\n\n[[tool.reportlint.allow]]\nrule = "RL103"\n'
                    'pattern = "^【哒哒素材库】"\n\n[[tool.reportlint.allow]]\ntext = "never seen"\n\n'
                    '[[tool.reportlint.allow]]\npattern = "x"\npaths = ["elsewhere/"]\n', encoding="utf-8")
    proc = reportlint("--format", "json", ".", cwd=tmp_path)
    data = json.loads(proc.stdout)
    assert [d["line"] for d in data] == [1, 28, 29]
    proc = reportlint("--format", "json", "--report-unused-suppressions", ".", cwd=tmp_path)
    unused = [d for d in json.loads(proc.stdout) if d["rule"] == "unused-suppression"]
    # the second entry covered the file and silenced nothing; the third covered no linted file
    assert [(d["path"], d["line"]) for d in unused] == [("pyproject.toml", 8)]
    assert "never seen" in unused[0]["message"]


def test_unused_per_file_ignore(tmp_path):
    seed_copy(tmp_path / "templates", "003")
    (tmp_path / ".reportlint.yaml").write_text(
        "per-file-ignores:\n  'templates/*': [placeholder, halfwidth-punctuation, common-typo]\n"
        "  '*.txt': [missing-section]\n", encoding="utf-8")
    proc = reportlint("--format", "json", "--report-unused-suppressions", ".", cwd=tmp_path)
    data = json.loads(proc.stdout)
    assert {d["rule"] for d in data} == {"unused-suppression"} and proc.returncode == 1
    (unused,) = [d for d in data if d["rule"] == "unused-suppression"]
    assert (unused["path"], unused["line"], unused["column"]) == (".reportlint.yaml", 3, 3)


def test_documented_examples_of_unused_suppression(tmp_path):
    from lint.explain import find

    entry = find("RL003")
    for key, expected in (("bad", ["unused-suppression"]), ("good", [])):
        for example in entry.examples[key]:
            (tmp_path / "e.md").write_text("# 述职报告\n\n" + example + "\n", encoding="utf-8")
            proc = reportlint("--isolated", "--format", "json", "--select", "placeholder",
                              "--report-unused-suppressions", "e.md", cwd=tmp_path)
            assert [d["rule"] for d in json.loads(proc.stdout)] == expected, example


def test_disable_line_silences_its_own_line(tmp_path):
    """``<!-- reportlint-disable-line RULE -->`` (markdownlint's spelling) at the end of a line."""
    path = tmp_path / "draft.md"
    path.write_text("某某同志述职报告\n\n一、主要工作\n\n请按XX格式填写。 <!-- reportlint-disable-line placeholder -->\n\n"
                    "全年完成XX项任务。\n\n二、存在的问题\n\n学习不够。\n\n三、下一步打算\n\n加强学习。\n", encoding="utf-8")
    proc = reportlint("--isolated", "--format", "json", "--report-unused-suppressions", path.name, cwd=tmp_path)
    found = [(f["line"], f["rule"]) for f in json.loads(proc.stdout)]
    assert found == [(7, "placeholder")]  # line 5's blank is silenced, line 7's is not


def test_an_unused_disable_line_is_reported(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text("某某同志述职报告\n\n全年完成各项任务。 <!-- reportlint-disable-line placeholder -->\n",
                    encoding="utf-8")
    proc = reportlint("--isolated", "--format", "json", "--report-unused-suppressions", "--select", "placeholder",
                      path.name, cwd=tmp_path)
    (f,) = json.loads(proc.stdout)
    assert (f["line"], f["rule"]) == (3, "unused-suppression") and "reportlint-disable-line" in f["message"]
