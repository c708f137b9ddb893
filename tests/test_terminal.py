"""What a person at a terminal sees: the source window fits the terminal and the
underline stays under its characters (zero-width and ambiguous-width characters
included), fixable findings are marked and counted, --fix says what it does once,
--exit-zero, and colour and the cache on Windows."""

import json
import sys

import pytest

from cli_helpers import reportlint, seed_copy
from conftest import SEEDS
from lint import cli
from lint.formats.widths import display_width


def window_lines(out):
    """(source line, underline) pairs of text output."""
    lines = out.splitlines()
    return [(lines[i], lines[i + 1]) for i in range(len(lines) - 1)
            if " | " in lines[i] and lines[i + 1].lstrip().startswith("|")]


def caret_columns(source, underline):
    bar = underline.index("|")
    shown = source[source.index(" | ") + 3:]
    marks = underline[bar + 2:]
    start = len(marks) - len(marks.lstrip(" "))
    return shown, start, len(marks.strip())


@pytest.mark.parametrize("columns", ["80", "60", "120"])
def test_nothing_of_a_window_is_wider_than_the_terminal(columns):
    out = reportlint(str(SEEDS), env={"COLUMNS": columns}).stdout.decode("utf-8")
    pairs = window_lines(out)
    assert len(pairs) > 100
    for source, underline in pairs:
        assert display_width(source) <= int(columns), source
        assert display_width(underline) <= int(columns), underline


def test_output_that_is_not_a_terminal_is_80_columns_wide(tmp_path):
    path = tmp_path / "out.txt"
    reportlint("-o", str(path), str(SEEDS), env={"COLUMNS": "200"})  # a file is no terminal
    for source, underline in window_lines(path.read_text(encoding="utf-8")):
        assert display_width(source) <= 80 and display_width(underline) <= 80


def test_terminal_width_is_80_when_not_a_terminal(monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)

    class Pipe:
        def isatty(self):
            return False

    assert cli.terminal_width(Pipe()) == 80


def test_a_zero_width_space_does_not_shift_the_underline(tmp_path):
    (tmp_path / "a.txt").write_text("某某同志述职报告\n\n本人\u200b\u200b全年完成XX项任务。\n", encoding="utf-8")
    out = reportlint("--select", "placeholder", "a.txt", cwd=tmp_path).stdout.decode("utf-8")
    ((source, underline),) = window_lines(out)
    shown, start, length = caret_columns(source, underline)
    assert display_width(shown[:shown.index("XX")]) == start and length == 2


@pytest.mark.parametrize("option, env, expected", [
    ([], {"LC_ALL": "C.UTF-8"}, 1), ([], {"LC_ALL": "zh_CN.UTF-8"}, 2),
    (["--ambiguous-width", "1"], {"LC_ALL": "zh_CN.UTF-8"}, 1), (["--ambiguous-width", "2"], {"LC_ALL": "C"}, 2)])
def test_quotes_dashes_and_ellipses_take_the_columns_the_terminal_gives_them(tmp_path, option, env, expected):
    (tmp_path / "a.txt").write_text("某某同志述职报告\n\n“学习”……——全年完成XX项任务。\n", encoding="utf-8")
    env = {"LANGUAGE": "", "LC_CTYPE": "", "LANG": "", **env}
    out = reportlint(*option, "--select", "placeholder", "a.txt", cwd=tmp_path, env=env).stdout.decode("utf-8")
    ((source, underline),) = window_lines(out)
    shown, start, _length = caret_columns(source, underline)
    # as the terminal draws it: “”…— take ``expected`` columns, the dots of "..." one, Chinese two
    columns = sum(expected if ch in "“”…—" else 1 if ch == "." else 2 for ch in shown[:shown.index("XX")])
    assert start == columns


def test_ambiguous_width_default_follows_the_locale():
    assert cli.ambiguous_width({"LANG": "zh_CN.UTF-8"}) == 2
    assert cli.ambiguous_width({"LC_ALL": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"}) == 2
    assert cli.ambiguous_width({"LANG": "en_US.UTF-8"}) == 1
    assert cli.ambiguous_width({"LANG": "C.UTF-8", "LANGUAGE": "zh_CN"}) == 1


# --- fixing ------------------------------------------------------------------------------


def test_fixable_findings_are_marked_and_counted(tmp_path):
    seed_copy(tmp_path, "000", name="a.txt")
    out = reportlint("a.txt", cwd=tmp_path).stdout.decode("utf-8")
    findings = json.loads(reportlint("--format", "json", "a.txt", cwd=tmp_path).stdout)
    heads = [line for line in out.splitlines() if line.startswith("a.txt:")]
    assert len(heads) == len(findings)
    for head, f in zip(heads, findings):
        assert ("] [*] " in head) == (f["fix"] is not None), head
    fixable = sum(1 for f in findings if f["fix"])
    assert fixable and out.splitlines()[-1] == f"[*] {fixable} problems can be fixed with --fix."
    zh = reportlint("--lang", "zh", "a.txt", cwd=tmp_path).stdout.decode("utf-8")
    assert zh.splitlines()[-1] == f"{fixable} 个问题可用 --fix 自动修正。"
    # after --fix, nothing is offered again
    after = reportlint("--fix", "a.txt", cwd=tmp_path).stdout.decode("utf-8")
    assert "--fix" not in after


def test_fix_on_a_word_document_says_so_once(tmp_path):
    from docx_build import plain_docx, to_bytes

    (tmp_path / "r.docx").write_bytes(to_bytes(plain_docx(["某某同志述职报告", "全年完成XX项任务，，成效明显。"])))
    for lang, words in (("en", ".docx files are not rewritten"), ("zh", ".docx 文件不会被自动修改")):
        proc = reportlint("--lang", lang, "--fix", "r.docx", cwd=tmp_path)
        err = proc.stderr.decode("utf-8")
        assert err.count("r.docx") == 1 and words in err, err
        assert "文件不会被自动修改" not in err or "not rewritten" not in err  # one language, said once


def test_fix_from_stdin_leaves_the_summary_out(tmp_path):
    text = (SEEDS / "000_0e4e0b6b76263e06.txt").read_bytes()
    proc = reportlint("--fix", "-", cwd=tmp_path, stdin=text)
    err = proc.stderr.decode("utf-8")
    assert "error RL101 [placeholder]" in err
    assert "problems (" not in err and "in 1 file" not in err
    assert "。。" not in proc.stdout.decode("utf-8")


def test_exit_zero_keeps_findings_but_not_io_errors(tmp_path):
    seed_copy(tmp_path, "000", name="a.txt")
    assert reportlint("a.txt", cwd=tmp_path).returncode == 1
    proc = reportlint("--exit-zero", "a.txt", cwd=tmp_path)
    assert proc.returncode == 0 and b"RL101" in proc.stdout
    assert reportlint("--exit-zero", "a.txt", "nosuch.txt", cwd=tmp_path).returncode == 2


# --- Word documents -----------------------------------------------------------------------


def test_word_findings_name_the_paragraph_and_quote_its_start(tmp_path):
    from docx_build import plain_docx, to_bytes

    paragraphs = ["某某同志述职报告", "一、主要工作", "今年以来，本人认真学习，全年共完成XX项任务。"]
    (tmp_path / "r.docx").write_bytes(to_bytes(plain_docx(paragraphs)))
    out = reportlint("--select", "placeholder", "r.docx", cwd=tmp_path).stdout.decode("utf-8")
    head, source, underline = out.splitlines()[:3]
    assert head.startswith("r.docx 第3段「今年以来，本人认真学…」第18字: error RL101 [placeholder]")
    assert source.startswith("第3段 | ...") and source.endswith("全年共完成XX项任务。")
    json_out = json.loads(reportlint("--format", "json", "--select", "placeholder", "r.docx", cwd=tmp_path).stdout)
    assert (json_out[0]["line"], json_out[0]["column"]) == (3, 18)  # the JSON contract is unchanged


# --- Windows ----------------------------------------------------------------------------


def test_colour_on_windows_sets_up_the_console(monkeypatch):
    import colorama

    calls = []
    monkeypatch.setattr(colorama, "just_fix_windows_console", lambda: calls.append(1))
    monkeypatch.setattr(sys, "platform", "win32")
    assert cli.use_color("always", sys.stdout) and calls
    calls.clear()
    assert not cli.use_color("never", sys.stdout) and not calls
    monkeypatch.setattr(sys, "platform", "linux")
    assert cli.use_color("always", sys.stdout) and not calls


def test_the_cache_lives_where_the_platform_keeps_caches(monkeypatch):
    """Not a hand-made ``~/.cache``: platformdirs' answer (``%LOCALAPPDATA%\\reportlint\\Cache`` on Windows)."""
    import platformdirs

    from lint import cache

    monkeypatch.delenv("REPORTLINT_CACHE_DIR", raising=False)
    monkeypatch.delenv("REPORTLINT_NO_CACHE", raising=False)
    monkeypatch.setattr(platformdirs, "user_cache_dir", lambda name, appauthor=None: f"C:\\Users\\u\\AppData\\{name}")
    assert cache.directory() == "C:\\Users\\u\\AppData\\reportlint"
