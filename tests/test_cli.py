import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS, seed
from lint.cli import main

JSON_KEYS = {"path", "line", "column", "end_line", "end_column", "rule", "code", "severity", "message", "fix"}


def run(*args, stdin=None, env=None):
    """reportlint as a user runs it: a separate process."""
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, "-m", "lint", *args], input=stdin, capture_output=True,
                          cwd=ROOT, env=full_env)


def test_json_contract_on_seeds():
    proc = run("--format", "json", "seeds/")
    assert proc.returncode == 1
    data = json.loads(proc.stdout.decode("utf-8"))
    assert isinstance(data, list) and data
    for item in data:
        assert set(item) == JSON_KEYS
        assert item["line"] >= 1 and item["column"] >= 1
        assert (item["end_line"], item["end_column"]) >= (item["line"], item["column"])
        assert item["severity"] in ("error", "warning", "info")
        assert item["path"].startswith("seeds/")
    rules = {item["rule"] for item in data}
    assert rules == {"placeholder", "duplicate-punctuation", "watermark", "halfwidth-punctuation", "common-typo"}
    counts = {}
    for item in data:
        counts[item["rule"]] = counts.get(item["rule"], 0) + 1
    assert counts == {"placeholder": 218, "duplicate-punctuation": 1, "watermark": 21,
                      "halfwidth-punctuation": 10, "common-typo": 3}
    assert data == sorted(data, key=lambda d: (d["path"], d["line"], d["column"], d["code"],
                                               d["end_line"], d["end_column"]))


def test_columns_are_characters_end_exclusive():
    data = json.loads(run("--format", "json", "--select", "placeholder", str(seed("000"))).stdout)
    first = data[0]
    line = seed("000").read_text(encoding="utf-8").splitlines()[first["line"] - 1]
    assert line[first["column"] - 1: first["end_column"] - 1] == "XX"


def test_exit_status_clean(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("某某同志述职报告\n\n一、主要工作\n\n内容。\n\n二、存在的问题\n\n内容。\n\n三、下一步打算\n\n内容。\n",
                     encoding="utf-8")
    proc = run(str(clean))
    assert proc.returncode == 0, proc.stdout.decode()
    assert "No problems found" in proc.stdout.decode()
    proc = run("--format", "json", str(clean))
    assert json.loads(proc.stdout) == []


def test_usage_and_io_errors_exit_2(tmp_path):
    assert run().returncode == 2
    proc = run("does-not-exist.txt")
    assert proc.returncode == 2 and b"does-not-exist.txt" in proc.stderr and b"Traceback" not in proc.stderr
    proc = run("--select", "no-such-rule", "seeds/")
    assert proc.returncode == 2 and b"no-such-rule" in proc.stderr
    proc = run("--format", "yaml", "seeds/")
    assert proc.returncode == 2


def test_binary_file_is_one_finding_and_the_run_goes_on(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "b.txt").write_bytes("述职报告\n建立XX群。\n".encode("utf-8"))
    proc = run("--format", "json", str(tmp_path))
    data = json.loads(proc.stdout)
    assert proc.returncode == 2
    assert [d["rule"] for d in data if d["path"].endswith("a.txt")] == ["read-error"]
    assert "placeholder" in [d["rule"] for d in data if d["path"].endswith("b.txt")]
    assert b"Traceback" not in proc.stderr


def test_stdin():
    data = seed("000").read_bytes()
    proc = run("--format", "json", "-", stdin=data)
    items = json.loads(proc.stdout)
    assert proc.returncode == 1 and {d["path"] for d in items} == {"-"}
    assert len(items) == 11  # 5 blanks, 1 doubled mark, 5 debris (the （2） after the title among them)
    proc = run("--format", "json", "--stdin-filename", "draft.md", "-", stdin=b"# t\n\n- **bold** *x*\n")
    assert {d["path"] for d in json.loads(proc.stdout)} <= {"draft.md"}


def test_text_output_underlines_by_display_width():
    proc = run("--select", "placeholder", str(seed("000")), env={"NO_COLOR": "1"})
    out = proc.stdout.decode("utf-8").splitlines()
    assert out[0].endswith("error RL101 [placeholder] 未填写的占位符「XX」")
    assert out[0].startswith(str(seed("000").relative_to(ROOT)) + ":9:25:") or ":9:25:" in out[0]
    source, underline = out[1], out[2]
    from lint.formats.text import display_width
    bar = source.index("|")
    col = display_width(source[: source.index("XX")])
    assert underline[bar:].index("^") + bar == col
    assert underline.strip().strip("|").strip() == "^^"
    assert "\x1b[" not in proc.stdout.decode()
    assert out[-1].startswith("5 problems (5 errors)")


def test_caret_after_wide_characters():
    from lint.formats.text import snippet

    shown, marks = snippet("建立工作AAA群", 4, 7)
    assert shown == "建立工作AAA群"
    assert marks == " " * 8 + "^^^"
    shown, marks = snippet("。。", 0, 2)
    assert marks == "^^^^"


def test_color_only_when_asked_and_never_with_no_color():
    proc = run("--color", "always", str(seed("000")))
    assert b"\x1b[" in proc.stdout
    proc = run("--color", "auto", str(seed("000")), env={"NO_COLOR": "1"})
    assert b"\x1b[" not in proc.stdout


def test_outline(capsys):
    status = main(["--outline", str(seed("003"))])
    out = capsys.readouterr().out
    assert status == 0
    assert "profile: 述职报告" in out
    assert "title    开发区基层党建工作述职报告" in out
    assert "L1  一、 2022年度基层党建主要工作" in out
    assert "L3      1. 强化理论学习，筑牢思想根基。" in out


def test_rules_pack_with_a_mistake_names_file_and_line(tmp_path):
    pack = tmp_path / "mine.yaml"
    pack.write_text("placeholder:\n  patterns:\n    - '某某'\n    - '(unclosed'\n", encoding="utf-8")
    proc = run("--rules", str(pack), "seeds/")
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert f"{pack}:4:7:" in err and "invalid regular expression" in err and "Traceback" not in err


def test_rules_pack_adds_patterns(tmp_path):
    pack = tmp_path / "mine.yaml"
    pack.write_text("placeholder:\n  patterns:\n    - '某某'\n", encoding="utf-8")
    doc = tmp_path / "d.txt"
    doc.write_text("述职报告\n某某同志XX年。\n", encoding="utf-8")
    items = json.loads(run("--format", "json", "--select", "placeholder", "--rules", str(pack), str(doc)).stdout)
    assert [(d["column"], d["end_column"]) for d in items] == [(1, 3), (5, 7)]


def test_python_dash_m_and_console_script_agree():
    a = run("--format", "json", "seeds/")
    b = subprocess.run([sys.executable, "-c", "import sys; from lint.cli import main; sys.exit(main())",
                        "--format", "json", "seeds/"], capture_output=True, cwd=ROOT)
    assert a.stdout == b.stdout and a.returncode == b.returncode == 1


def test_outline_of_standard_input_uses_the_stdin_filename():
    proc = run("--outline", "--stdin-filename", "draft.md", "-", stdin="# 述职报告\n\n## 主要工作\n\n正文。\n".encode())
    out = proc.stdout.decode("utf-8")
    assert proc.returncode == 0 and out.startswith("draft.md:")
    assert "title    述职报告" in out and "L1  ## 主要工作" in out  # read as Markdown
