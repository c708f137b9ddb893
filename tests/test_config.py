"""Configuration files: discovery, every key, located errors, and the command line winning."""

import json

from cli_helpers import CLEAN_REPORT, reportlint, seed_copy


def rules_of(proc):
    return [d["rule"] for d in json.loads(proc.stdout)]


def test_yaml_config_found_upward_from_a_subdirectory(tmp_path):
    (tmp_path / ".reportlint.yaml").write_text("ignore: [watermark]\n", encoding="utf-8")
    sub = tmp_path / "reports" / "2023"
    doc = seed_copy(sub)
    proc = reportlint("--format", "json", doc.name, cwd=sub)
    assert proc.returncode == 1
    # with watermark off, the advert lines are not reported, and they are still not read as the
    # report's text (the half-width comma in one of them is not reported either)
    assert sorted(set(rules_of(proc))) == ["duplicate-punctuation", "placeholder"]
    # without the file the watermark findings are back
    proc = reportlint("--format", "json", "--isolated", doc.name, cwd=sub)
    assert rules_of(proc).count("watermark") == 5


def test_pyproject_table_and_pyproject_without_one(tmp_path):
    (tmp_path / ".reportlint.yaml").write_text("select: [watermark]\n", encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    doc = seed_copy(project)
    # a pyproject.toml without [tool.reportlint] is passed over: the parent's YAML applies
    assert set(rules_of(reportlint("--format", "json", doc.name, cwd=project))) == {"watermark"}
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.reportlint]\nselect = ["RL101"]\n',
                                            encoding="utf-8")
    assert set(rules_of(reportlint("--format", "json", doc.name, cwd=project))) == {"placeholder"}


def test_config_option_overrides_discovery(tmp_path):
    (tmp_path / ".reportlint.yaml").write_text("select: [watermark]\n", encoding="utf-8")
    other = tmp_path / "conf" / "strict.yaml"
    other.parent.mkdir()
    other.write_text("select: [duplicate-punctuation]\n", encoding="utf-8")
    doc = seed_copy(tmp_path)
    proc = reportlint("--format", "json", "--config", other, doc.name, cwd=tmp_path)
    assert set(rules_of(proc)) == {"duplicate-punctuation"}
    proc = reportlint("--config", tmp_path / "missing.yaml", doc.name, cwd=tmp_path)
    assert proc.returncode == 2 and b"missing.yaml" in proc.stderr


def test_unknown_key_names_file_key_and_line(tmp_path):
    conf = tmp_path / ".reportlint.yaml"
    conf.write_text("select: [placeholder]\n\ncolour: always\n", encoding="utf-8")
    doc = seed_copy(tmp_path)
    proc = reportlint(doc.name, cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and proc.stdout == b""
    assert f"{conf}:3:1: colour: unknown key" in err and "Traceback" not in err


def test_unknown_key_in_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.reportlint]\nselect = ["placeholder"]\nfail_on = "error"\n',
                                             encoding="utf-8")
    proc = reportlint(seed_copy(tmp_path).name, cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2
    assert "pyproject.toml:3:1: tool.reportlint.fail_on: unknown key" in err


def test_bad_values_are_located(tmp_path):
    conf = tmp_path / ".reportlint.yaml"
    doc = seed_copy(tmp_path)
    cases = {
        "fail-on: fatal\n": ":1:1: fail-on: must be one of error, warning, info (got 'fatal')",
        "severity:\n  placeholder: loud\n": ":2:3: severity.placeholder: must be one of",
        "select:\n  - placeholder\n  - no-such-rule\n": ":3:5: select.1: unknown rule 'no-such-rule'",
        "allow:\n  - rule: placeholder\n    text: XX\n    pattern: X+\n": ":2:5: allow.0: an allow entry needs exactly one",
        "allow:\n  - pattern: '(XX'\n": ":2:5: allow.0.pattern: invalid regular expression",
        "per-file-ignores: [a.txt]\n": ":1:1: per-file-ignores: must be a mapping",
        "include: 3\n": ":1:1: include: must be a list of non-empty strings",
        "profile: 年终总结\n": ":1:1: profile: unknown profile '年终总结'",
        "rules: [missing-pack.yaml]\n": "missing-pack.yaml:1:1: cannot read rule pack",
        "select: [placeholder\n": ":2:1: invalid YAML",
        "- placeholder\n": ":1:1: the configuration must be a mapping",
        "select: !!python/object:os.system {}\n": ":1:9: YAML tag",
    }
    for text, expected in cases.items():
        conf.write_text(text, encoding="utf-8")
        proc = reportlint(doc.name, cwd=tmp_path)
        err = proc.stderr.decode()
        assert proc.returncode == 2, text
        assert expected in err, (text, err)
        assert "Traceback" not in err


def test_command_line_wins_over_the_file(tmp_path):
    (tmp_path / ".reportlint.yaml").write_text(
        "select: [watermark]\nfail-on: error\nseverity:\n  watermark: warning\n", encoding="utf-8")
    doc = seed_copy(tmp_path)
    proc = reportlint("--format", "json", doc.name, cwd=tmp_path)
    data = json.loads(proc.stdout)
    assert {d["severity"] for d in data} == {"warning"} and len(data) == 5
    assert proc.returncode == 0  # warnings only, and fail-on is error
    proc = reportlint("--format", "json", "--select", "placeholder", "--fail-on", "warning", doc.name, cwd=tmp_path)
    assert set(rules_of(proc)) == {"placeholder"} and proc.returncode == 1
    proc = reportlint("--format", "json", "--severity", "RL103=info", "--fail-on", "warning", doc.name, cwd=tmp_path)
    data = json.loads(proc.stdout)
    assert {d["severity"] for d in data} == {"info"} and proc.returncode == 0
    proc = reportlint("--severity", "watermark=loud", doc.name, cwd=tmp_path)
    assert proc.returncode == 2 and b"--severity" in proc.stderr


def test_fail_on_sets_the_exit_status_not_the_output(tmp_path):
    doc = seed_copy(tmp_path)
    args = ("--isolated", "--format", "json", "--select", "duplicate-punctuation")
    for fail_on, status in (("info", 1), ("warning", 1), ("error", 0)):
        proc = reportlint(*args, "--fail-on", fail_on, doc.name, cwd=tmp_path)
        assert proc.returncode == status, fail_on
        assert set(rules_of(proc)) == {"duplicate-punctuation"}


def test_rule_packs_are_relative_to_the_config_file(tmp_path):
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "ours.yaml").write_text("placeholder:\n  patterns:\n    - '某某'\n",
                                                   encoding="utf-8")
    (tmp_path / ".reportlint.yaml").write_text("rules: [packs/ours.yaml]\nselect: [placeholder]\n",
                                               encoding="utf-8")
    sub = tmp_path / "docs"
    sub.mkdir()
    (sub / "r.txt").write_text(CLEAN_REPORT, encoding="utf-8")
    data = json.loads(reportlint("--format", "json", "r.txt", cwd=sub).stdout)
    assert [(d["line"], d["column"], d["end_column"]) for d in data] == [(1, 1, 3)]
    assert json.loads(reportlint("--format", "json", "--isolated", "r.txt", cwd=sub).stdout) == []


def test_profile_from_config(tmp_path):
    pack = tmp_path / "pack.yaml"
    pack.write_text("profiles:\n  廉政报告:\n    sections:\n      - name: 廉洁自律\n        headings: ['廉洁']\n",
                    encoding="utf-8")
    (tmp_path / ".reportlint.yaml").write_text("rules: [pack.yaml]\nprofile: 廉政报告\nselect: [missing-section]\n",
                                               encoding="utf-8")
    (tmp_path / "r.txt").write_text(CLEAN_REPORT, encoding="utf-8")
    data = json.loads(reportlint("--format", "json", "r.txt", cwd=tmp_path).stdout)
    assert [d["message"][:10] for d in data] == ["缺少「廉洁自律」部分"]
    assert json.loads(reportlint("--format", "json", "--profile", "述职报告", "r.txt", cwd=tmp_path).stdout) == []


def test_include_and_exclude(tmp_path):
    seed_copy(tmp_path / "drafts", "000")
    seed_copy(tmp_path / "templates", "001")
    seed_copy(tmp_path / "drafts", "003", suffix=".md")
    conf = tmp_path / ".reportlint.yaml"

    def paths(*args):
        return sorted({d["path"] for d in json.loads(reportlint("--format", "json", *args, ".", cwd=tmp_path).stdout)})

    assert len(paths()) == 3
    conf.write_text("exclude: [templates/]\n", encoding="utf-8")
    assert paths() == ["drafts/000_0e4e0b6b76263e06.txt", "drafts/003_d21a12a428b49b8f.md"]
    conf.write_text("exclude: [templates/]\ninclude: ['*.md']\n", encoding="utf-8")
    assert paths() == ["drafts/003_d21a12a428b49b8f.md"]
    # exclusion also holds for files named on the command line (as pre-commit passes them)
    proc = reportlint("--format", "json", "templates/001_68a2515d10a34074.txt", cwd=tmp_path)
    assert json.loads(proc.stdout) == [] and proc.returncode == 0
    # --exclude replaces the file's list
    assert paths("--exclude", "drafts") == []
    conf.write_text("exclude: [templates/]\n", encoding="utf-8")
    assert len(paths("--exclude", "nothing-here")) == 3


def test_per_file_ignores(tmp_path):
    seed_copy(tmp_path / "templates", "000")
    seed_copy(tmp_path / "reports", "000")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.reportlint.per-file-ignores]\n"templates/*.txt" = ["placeholder", "RL102"]\n', encoding="utf-8")
    data = json.loads(reportlint("--format", "json", ".", cwd=tmp_path).stdout)
    by_dir = {}
    for d in data:
        by_dir.setdefault(d["path"].split("/")[0], []).append(d["rule"])
    assert by_dir["templates"] == ["watermark"] * 5
    assert sorted(set(by_dir["reports"])) == ["duplicate-punctuation", "placeholder", "watermark"]


def test_readme_configuration_examples_are_valid(tmp_path):
    import re

    from conftest import ROOT
    from lint import config

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    yaml_text = re.search(r"```yaml\n(# \.reportlint\.yaml\n.*?)```", readme, re.S).group(1)
    toml_text = re.search(r"```toml\n(\[tool\.reportlint\]\n.*?)```", readme, re.S).group(1)
    (tmp_path / ".reportlint.yaml").write_text(yaml_text, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(toml_text, encoding="utf-8")
    from_yaml = config.read(str(tmp_path / ".reportlint.yaml"))
    from_toml = config.read(str(tmp_path / "pyproject.toml"))
    assert from_yaml.fail_on == from_toml.fail_on == "warning"
    assert from_yaml.select == from_toml.select == ["placeholder", "watermark", "missing-section",
                                                    "duplicate-punctuation"]
    assert [e.text for e in from_yaml.allow] == ["XX", None] and from_toml.allow[0].text == "XX"
    assert from_yaml.severity == {"duplicate-punctuation": "error"}
    assert from_toml.per_file_ignores[0].paths.match(str(tmp_path / "templates" / "a" / "b.txt"))
