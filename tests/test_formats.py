"""The output formats (sarif, github, junit, concise), --output-file, and the discovery
options (--list-rules, --explain, --statistics, --version), checked against the JSON
findings of the same run on the seeds."""

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from cli_helpers import CLEAN_REPORT, reportlint, seed_copy
from lint import __version__
from lint.formats.github import escape_data, escape_property
from lint.rules import RULES

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def seeds_json():
    proc = reportlint("--isolated", "--format", "json", "seeds/")
    return json.loads(proc.stdout)


def test_sarif_validates_against_the_official_schema(seeds_json):
    proc = reportlint("--isolated", "--format", "sarif", "seeds/")
    assert proc.returncode == 1
    log = json.loads(proc.stdout)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)
    validator(schema, format_checker=validator.FORMAT_CHECKER).validate(log)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["tool"]["driver"]["name"] == "reportlint" and run["tool"]["driver"]["version"] == __version__
    rules = run["tool"]["driver"]["rules"]
    for rule in RULES:  # metadata comes from the rule classes
        (meta,) = [r for r in rules if r["id"] == rule.code]
        assert meta["name"] == rule.name
        assert meta["shortDescription"]["text"] == rule.summary()
        assert meta["fullDescription"]["text"] == rule.doc()
        assert meta["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning"}[rule.severity]
        assert meta["properties"]["fixable"] == rule.fixable
    assert {"RL001", "RL002", "RL003"} <= {r["id"] for r in rules}
    assert len(run["results"]) == len(seeds_json)
    for result, finding in zip(run["results"], seeds_json):
        assert result["ruleId"] == finding["code"]
        assert rules[result["ruleIndex"]]["id"] == finding["code"]
        assert result["level"] == finding["severity"]
        assert result["message"]["text"] == finding["message"]
        (loc,) = result["locations"]
        assert loc["physicalLocation"]["artifactLocation"] == {"uri": finding["path"], "uriBaseId": "%SRCROOT%"}
        assert loc["physicalLocation"]["region"] == {
            "startLine": finding["line"], "startColumn": finding["column"],
            "endLine": finding["end_line"], "endColumn": finding["end_column"]}
        if finding["fix"]:
            (change,) = result["fixes"][0]["artifactChanges"]
            (replacement,) = change["replacements"]
            assert replacement["insertedContent"]["text"] == finding["fix"]["replacement"]
            assert replacement["deletedRegion"]["startLine"] == finding["fix"]["line"]
        else:
            assert "fixes" not in result


def test_sarif_uris_are_percent_encoded(tmp_path):
    seed_copy(tmp_path, "000", name="述职 报告.txt")
    log = json.loads(reportlint("--isolated", "--format", "sarif", ".", cwd=tmp_path).stdout)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"%E8%BF%B0%E8%81%8C%20%E6%8A%A5%E5%91%8A.txt"}


GITHUB_LINE = re.compile(r"^::(error|warning|notice) file=([^,]*),line=(\d+),col=(\d+),endLine=(\d+),"
                         r"endColumn=(\d+),title=([^,:]*)::(.*)$")


def test_github_annotations_field_by_field(seeds_json):
    proc = reportlint("--isolated", "--format", "github", "seeds/")
    lines = proc.stdout.decode("utf-8").splitlines()
    assert proc.returncode == 1 and len(lines) == len(seeds_json)
    for line, f in zip(lines, seeds_json):
        m = GITHUB_LINE.match(line)
        assert m, line
        level, path, ln, col, end_line, end_col, title, message = m.groups()
        assert level == {"error": "error", "warning": "warning", "info": "notice"}[f["severity"]]
        assert (path, int(ln), int(col), int(end_line), int(end_col)) == (
            f["path"], f["line"], f["column"], f["end_line"], f["end_column"])
        assert title == f"{f['code']} {f['rule']}"
        assert message == f["message"]


def test_github_escaping():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"


def test_github_escapes_a_path_with_comma_and_colon(tmp_path):
    seed_copy(tmp_path, "000", name="a,b:c.txt")
    proc = reportlint("--isolated", "--format", "github", "--select", "duplicate-punctuation", "--severity",
                      "RL102=info", "a,b:c.txt", cwd=tmp_path)
    first = proc.stdout.decode("utf-8").splitlines()[0]
    assert first.startswith("::notice file=a%2Cb%3Ac.txt,line=")
    assert "title=RL102 duplicate-punctuation::" in first


def test_github_format_is_chosen_under_github_actions():
    doc = "seeds/000_0e4e0b6b76263e06.txt"
    auto = reportlint("--isolated", doc, env={"GITHUB_ACTIONS": "true"}).stdout.decode("utf-8")
    assert auto.startswith("::error file=seeds/000_0e4e0b6b76263e06.txt,line=1,col=17,")
    assert reportlint("--isolated", "--format", "github", doc).stdout.decode("utf-8") == auto
    explicit = reportlint("--isolated", "--format", "text", doc, env={"GITHUB_ACTIONS": "true"}).stdout
    assert not explicit.startswith(b"::") and b"\n11 problems (" in explicit
    assert not reportlint("--isolated", doc, env={"GITHUB_ACTIONS": "false"}).stdout.startswith(b"::")


def test_junit_one_testcase_per_file_and_a_failure_per_finding(tmp_path):
    seed_copy(tmp_path, "000")
    (tmp_path / "clean.txt").write_text(CLEAN_REPORT, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01binary")
    json_data = json.loads(reportlint("--isolated", "--format", "json", ".", cwd=tmp_path).stdout)
    proc = reportlint("--isolated", "--format", "junit", ".", cwd=tmp_path)
    assert proc.returncode == 2  # the unreadable file
    root = ET.fromstring(proc.stdout)
    assert root.tag == "testsuites"
    (suite,) = root
    assert suite.tag == "testsuite" and suite.get("name") == "reportlint"
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "11", "1")
    cases = {case.get("name"): case for case in suite}
    assert sorted(cases) == ["000_0e4e0b6b76263e06.txt", "binary.txt", "clean.txt"]
    assert list(cases["clean.txt"]) == []  # a clean file is a passing test
    (error,) = cases["binary.txt"]
    assert error.tag == "error" and error.get("type") == "RL001 read-error"
    failures = list(cases["000_0e4e0b6b76263e06.txt"])
    seed_findings = [f for f in json_data if f["path"] == "000_0e4e0b6b76263e06.txt"]
    assert len(failures) == len(seed_findings) == 11
    for element, f in zip(failures, seed_findings):
        assert element.tag == "failure"
        assert element.get("type") == f"{f['code']} {f['rule']}"
        assert element.get("message") == f"{f['line']}:{f['column']}: {f['message']}"
        assert element.text == f"{f['path']}:{f['line']}:{f['column']}: {f['severity']} {f['code']} [{f['rule']}] {f['message']}"
    for case in suite:
        assert case.get("classname") == "reportlint" and case.get("file") == case.get("name")


def test_concise_is_one_line_per_finding(seeds_json):
    proc = reportlint("--isolated", "--format", "concise", "seeds/")
    lines = proc.stdout.decode("utf-8").splitlines()
    assert lines == [f"{f['path']}:{f['line']}:{f['column']}: {f['severity']} {f['code']} [{f['rule']}] {f['message']}"
                     for f in seeds_json]


def test_output_file(tmp_path, seeds_json):
    target = tmp_path / "out" / "report.sarif"
    proc = reportlint("--isolated", "--format", "json", "--output-file", tmp_path / "r.json", "seeds/")
    assert proc.returncode == 1 and proc.stdout == b""
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8")) == seeds_json
    proc = reportlint("--isolated", "--format", "sarif", "-o", target, "seeds/")
    assert proc.returncode == 2 and b"cannot write" in proc.stderr  # no such directory


def test_statistics_counts_per_rule(seeds_json):
    proc = reportlint("--isolated", "--statistics", "seeds/")
    rows = [line.split() for line in proc.stdout.decode("utf-8").splitlines()]
    counts = {}
    for f in seeds_json:
        counts[f["code"]] = counts.get(f["code"], 0) + 1
    assert {row[1]: int(row[0]) for row in rows[:-1]} == counts
    assert rows[0] == ["218", "RL101", "placeholder", "error"]
    assert rows[-1] == [str(len(seeds_json)), "total"]
    assert proc.returncode == 1
    assert reportlint("--isolated", "--statistics", "--format", "json", "seeds/").returncode == 2


def test_list_rules_comes_from_the_rule_classes():
    proc = reportlint("--list-rules")
    lines = proc.stdout.decode("utf-8").splitlines()
    assert proc.returncode == 0 and lines[0].split() == ["code", "name", "severity", "fixable", "description"]
    for rule in RULES:
        (row,) = [line for line in lines if line.startswith(rule.code + " ")]
        cells = row.split(None, 4)
        assert cells[:4] == [rule.code, rule.name, rule.severity, "yes" if rule.fixable else "no"]
        assert cells[4] == rule.summary()
    assert any(line.split()[:2] == ["RL003", "unused-suppression"] for line in lines)


@pytest.mark.parametrize("key", ["placeholder", "RL101", "rl101"])
def test_explain_shows_the_docstring_and_examples(key):
    from lint.rules.placeholder import Placeholder

    proc = reportlint("--explain", key)
    out = proc.stdout.decode("utf-8")
    assert proc.returncode == 0
    assert out.startswith("RL101 placeholder (error, not fixable)\n")
    from lint.explain import plain

    assert plain(Placeholder.doc()) in out
    for example in Placeholder.examples["bad"] + Placeholder.examples["good"]:
        assert f"    {example}\n" in out


def test_explain_engine_finding_and_unknown_rule():
    assert "--report-unused-suppressions" in reportlint("--explain", "unused-suppression").stdout.decode()
    proc = reportlint("--explain", "no-such-rule")
    assert proc.returncode == 2 and b"no-such-rule" in proc.stderr


def test_version():
    proc = reportlint("--version")
    assert proc.returncode == 0 and proc.stdout.decode().strip() == f"reportlint {__version__}"
