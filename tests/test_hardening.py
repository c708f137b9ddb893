"""Trustworthy under attack and accident: no lost edit, no hang, no terminal injection.

Each test sets up what a hostile or unlucky user would meet (an editor saving while
--fix runs, a read-only or hard-linked file, a killed worker, a file name holding
escape sequences, a Word file that expands to gigabytes) and asserts what reportlint
decides.
"""

import json
import os
import re
import signal
import subprocess
import sys

import pytest

import lint.parallel
import lint.rewrite
from conftest import ROOT
from lint import document, readers
from lint.cli import main
from lint.engine import WITHHELD

DIRTY = ("某某同志述职报告\n\n一、主要工作\n\n全年完成各项任务。。\n\n二、存在的问题\n\n学习不够深入。\n\n"
         "三、下一步打算\n\n加强理论学习。\n")
FIXED = DIRTY.replace("。。", "。")


def dirty(path, text=DIRTY):
    path.write_text(text, encoding="utf-8")
    return path


def run_main(capsys, *args):
    status = main(["--color", "never", *map(str, args)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out, err


# --- --fix: nothing of the user's is lost -----------------------------------------------------


@pytest.mark.parametrize("same_size", [False, True], ids=["autosave", "same-size-same-mtime"])
def test_fix_leaves_a_file_changed_meanwhile_alone(tmp_path, monkeypatch, capsys, same_size):
    path = dirty(tmp_path / "a.txt")
    edit = DIRTY.replace("学习不够深入", "调研不够深入") if same_size else DIRTY + "\n补充一段。\n"
    real = lint.rewrite.fix_bytes

    def fix_while_an_editor_saves(*args, **kwargs):
        result = real(*args, **kwargs)
        info = os.stat(path)
        path.write_text(edit, encoding="utf-8")  # the editor's autosave, while the fix is worked out
        if same_size:  # the same size and mtime: only the bytes tell
            os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
        return result

    monkeypatch.setattr(lint.rewrite, "fix_bytes", fix_while_an_editor_saves)
    status, _out, err = run_main(capsys, "--fix", path)
    assert path.read_text(encoding="utf-8") == edit
    assert status == 1 and "changed by another program" in err
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temporary file left behind


def test_a_read_only_file_is_refused_even_for_root(tmp_path, capsys):
    path = dirty(tmp_path / "r.txt")
    os.chmod(path, 0o444)  # (root may write it: the permission bits decide, not os.access)
    status, _out, err = run_main(capsys, "--fix", path)
    assert status == 2 and "read-only" in err
    assert path.read_text(encoding="utf-8") == DIRTY and os.stat(path).st_mode & 0o777 == 0o444


def test_hard_links_are_kept(tmp_path, capsys):
    path = dirty(tmp_path / "a.txt")
    other = tmp_path / "b.txt"
    os.link(path, other)
    inode = os.stat(path).st_ino
    status, _out, err = run_main(capsys, "--fix", path)
    assert status == 0, err
    assert other.read_text(encoding="utf-8") == FIXED == path.read_text(encoding="utf-8")
    assert os.stat(path).st_ino == inode == os.stat(other).st_ino and os.stat(path).st_nlink == 2


def test_break_links_replaces_only_the_path_named(tmp_path, capsys):
    path = dirty(tmp_path / "a.txt")
    other = tmp_path / "b.txt"
    os.link(path, other)
    assert run_main(capsys, "--fix", "--break-links", path)[0] == 0
    assert path.read_text(encoding="utf-8") == FIXED and other.read_text(encoding="utf-8") == DIRTY
    assert os.stat(path).st_ino != os.stat(other).st_ino


@pytest.mark.parametrize("spelling", ["same", "dot", "hard-link"])
def test_output_file_naming_an_input_is_refused_before_anything_is_written(tmp_path, capsys, monkeypatch,
                                                                           spelling):
    path = dirty(tmp_path / "a.txt")
    monkeypatch.chdir(tmp_path)
    output = {"same": "a.txt", "dot": "./a.txt", "hard-link": "link.txt"}[spelling]
    if spelling == "hard-link":
        os.link(path, tmp_path / "link.txt")
    for extra in ([], ["--fix"]):
        status, _out, err = run_main(capsys, *extra, "--format", "json", "--output-file", output, "a.txt")
        assert status == 2 and "one of the files to lint" in err
        assert path.read_text(encoding="utf-8") == DIRTY


def test_output_file_in_a_missing_directory_rewrites_nothing(tmp_path, capsys):
    path = dirty(tmp_path / "a.txt")
    status, _out, err = run_main(capsys, "--fix", "--output-file", tmp_path / "no" / "such" / "out.json", path)
    assert status == 2 and "out.json" in err
    assert path.read_text(encoding="utf-8") == DIRTY


def test_a_fix_that_would_change_a_placeholder_is_withheld_and_says_so(tmp_path, capsys):
    pack = tmp_path / "typos.yaml"
    pack.write_text("typos:\n  XX局: 某局\n", encoding="utf-8")  # a replacement that would fill the blank
    path = dirty(tmp_path / "a.txt", DIRTY.replace("全年", "XX局全年"))
    status, out, _err = run_main(capsys, "--rules", pack, "--format", "json", path)
    found = {f["rule"]: f for f in json.loads(out)}
    assert found["common-typo"]["fix"] is None and found["common-typo"]["message"].endswith(WITHHELD)
    assert found["duplicate-punctuation"]["fix"] is not None
    run_main(capsys, "--rules", pack, "--fix", path)
    assert path.read_text(encoding="utf-8") == FIXED.replace("全年", "XX局全年")



def test_a_fix_not_applied_is_reported_with_its_reason(tmp_path, capsys):
    pack = tmp_path / "typos.yaml"
    pack.write_text("typos:\n  甲乙: 乙甲\n  乙甲: 甲乙\n", encoding="utf-8")  # each undoes the other
    path = dirty(tmp_path / "a.txt", DIRTY.replace("全年", "甲乙"))
    status, _out, err = run_main(capsys, "--rules", pack, "--fix", path)
    assert status == 1
    assert path.read_text(encoding="utf-8") == FIXED.replace("全年", "甲乙")  # 。。 fixed, the pair given up
    assert "a.txt:5:1: [common-typo] fix not applied: fixes undo one another" in err


@pytest.mark.parametrize("encoding", ["big5", "shift_jis"])
def test_a_big5_or_shift_jis_file_is_fixed_only_in_the_encoding_named(tmp_path, capsys, encoding):
    text = "某局述職報告\n\n一、主要工作\n\n本年度完成任務,成效明顯。持續推進各項工作落實,取得良好效果。\n"
    if encoding == "shift_jis":
        text = text.replace("持續推進各項工作落實", "各項目の作業を推進し")
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    # told from its bytes, the encoding is a guess: linted, never written back
    status, _out, err = run_main(capsys, "--fix", path)
    assert status == 2 and "is a guess" in err and "--encoding" in err
    assert path.read_bytes() == text.encode(encoding)
    # named, it is fixed: the half-width commas become full-width ones in the file's own
    # encoding (not GB18030's bytes for "，", which read as "ㄛ" in Big5)
    run_main(capsys, "--fix", "--encoding", encoding, path)
    assert path.read_bytes() == text.replace(",", "，").encode(encoding)


def test_what_fix_says_follows_the_language(tmp_path, capsys):
    path = dirty(tmp_path / "r.txt")
    os.chmod(path, 0o444)
    pack = tmp_path / "typos.yaml"
    pack.write_text("typos:\n  甲乙: 乙甲\n  乙甲: 甲乙\n", encoding="utf-8")
    other = dirty(tmp_path / "a.txt", DIRTY.replace("全年", "甲乙"))
    _status, _out, err = run_main(capsys, "--lang", "zh", "--rules", pack, "--fix", path, other)
    assert "文件是只读的" in err and "未应用修正：几处修正相互抵消" in err and "reportlint：提示：" in err
    assert "read-only" not in err and "fix not applied" not in err

# --- hangs and crashes -----------------------------------------------------------------------


_REAL_LINT = lint.parallel._lint


def _lint_or_die(path):
    """A worker's lint that is killed on one file, as the out-of-memory killer would kill it."""
    if path.endswith("30.txt"):
        os.kill(os.getpid(), signal.SIGKILL)
    return _REAL_LINT(path)


def test_a_killed_worker_fails_the_run_instead_of_hanging(tmp_path, monkeypatch, capsys):
    for i in range(60):
        dirty(tmp_path / f"{i:02}.txt")
    monkeypatch.setattr(lint.parallel, "_lint", _lint_or_die)
    status, out, err = run_main(capsys, "-j", "2", "--format", "json", tmp_path)
    assert status == 2 and "worker process died" in err and out == ""


def test_a_directory_tree_thousands_of_levels_deep(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    levels = ["d"] * 1200
    for depth in range(1, len(levels) + 1):  # (os.makedirs and shutil.rmtree recurse)
        os.mkdir(os.path.join(*levels[:depth]))
    deep = os.path.join(*levels)
    dirty(tmp_path / deep / "a.txt")
    try:
        status, out, err = run_main(capsys, "--format", "json", "d")
        assert status == 1, err
        assert {f["path"] for f in json.loads(out)} == {os.path.join(deep, "a.txt")}
    finally:
        os.unlink(os.path.join(deep, "a.txt"))
        for depth in range(len(levels), 0, -1):
            os.rmdir(os.path.join(*levels[:depth]))


def test_a_million_short_lines_are_one_read_error(tmp_path, capsys):
    path = tmp_path / "lines.txt"
    path.write_bytes(b"x\n" * (document.MAX_LINES + 1))
    status, out, _err = run_main(capsys, "--format", "json", path, dirty(tmp_path / "ok.txt"))
    found = json.loads(out)
    assert [f["rule"] for f in found if f["path"].endswith("lines.txt")] == ["read-error"]
    assert f"more than {document.MAX_LINES} lines" in found[0]["message"] or \
        any(f"more than {document.MAX_LINES} lines" in f["message"] for f in found)
    assert any(f["path"].endswith("ok.txt") for f in found) and status == 2


def test_a_numbering_that_starts_at_billions_is_written_in_digits():
    from docx_build import huge_start_docx

    doc = readers.read(huge_start_docx(26_000_000_000), "big.docx")
    assert [line.text for line in doc.lines][1] == "26000000000.主要工作"


def test_millions_of_empty_paragraphs_are_one_read_error():
    from docx_build import empty_paragraphs_docx

    with pytest.raises(document.DocumentError, match=re.escape(f"more than {document.MAX_LINES} lines (paragraphs)")):
        readers.read(empty_paragraphs_docx(document.MAX_LINES + 1), "empty.docx")


def test_nested_tables_are_read_once_each_in_order():
    from docx_build import nested_tables_docx

    doc = readers.read(nested_tables_docx(80), "tables.docx")
    assert [line.text for line in doc.lines if line.text.startswith("第")] == [f"第{i}层" for i in range(1, 81)]


def test_running_out_of_memory_on_one_file_loses_no_other_result(tmp_path, monkeypatch, capsys):
    ok, big = dirty(tmp_path / "a.txt"), dirty(tmp_path / "b.txt")
    real = readers.read

    def read(data, path, *args, **kwargs):
        if path.endswith("b.txt"):
            raise MemoryError  # as a document that expands past the memory would
        return real(data, path, *args, **kwargs)

    monkeypatch.setattr(readers, "read", read)
    status, out, _err = run_main(capsys, "--format", "json", ok, big)
    found = {(os.path.basename(f["path"]), f["rule"]) for f in json.loads(out)}
    assert ("b.txt", "read-error") in found and ("a.txt", "duplicate-punctuation") in found
    assert status == 2


def test_a_pyproject_with_brackets_inside_strings_locates_its_mistakes(tmp_path, capsys):
    filler = "".join(f'k{i} = "[  {" " * 40}  ["\n' for i in range(80))  # about 4 KB of '[' and spaces
    (tmp_path / "pyproject.toml").write_text(f"[tool.other]\n{filler}\n[tool.reportlint]\nselect = [\"nope\"]\n",
                                             encoding="utf-8")
    status, _out, err = run_main(capsys, "--config", tmp_path / "pyproject.toml", dirty(tmp_path / "a.txt"))
    assert status == 2 and f"pyproject.toml:{80 + 4}:" in err and "nope" in err

# --- names and text that reach a terminal or a machine format --------------------------------

HOSTILE_NAME = "a\x1b]0;pwned\x07\x1b[2J\nforged.txt:1:1: error\u202e.txt"


@pytest.mark.parametrize("fmt", ["text", "concise", "github", "junit"])
def test_a_hostile_file_name_is_shown_escaped(tmp_path, capsys, fmt):
    path = dirty(tmp_path / HOSTILE_NAME)
    status, out, err = run_main(capsys, "--format", fmt, path)
    assert status == 1
    for raw in ("\x1b", "\x07", "\u202e"):
        assert raw not in out + err
    assert "\\x1b]0;pwned" in out
    if fmt in ("text", "concise"):  # a line of output starts with a name only where a finding starts
        assert not any(line.startswith("forged.txt") for line in out.splitlines())


def test_controls_inside_a_document_never_reach_the_terminal(tmp_path, capsys):
    line = "本文由某某文库整理\x9b2J\x7f\x0c\u202e，咨询QQ206157060"
    path = dirty(tmp_path / "a.txt", DIRTY.replace("学习不够深入。", line))
    for fmt in ("text", "concise"):
        status, out, _err = run_main(capsys, "--format", fmt, path)
        assert status == 1 and "watermark" in out
        for raw in ("\x9b", "\x7f", "\x0c", "\u202e"):
            assert raw not in out, (fmt, raw)


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "sarif", "junit", "github"])
def test_a_file_name_that_is_not_utf8_is_written_in_every_format(tmp_path, fmt):
    (tmp_path / "ok.txt").write_text(DIRTY, encoding="utf-8")
    with open(os.path.join(os.fsencode(tmp_path), b"\xff\xfe.txt"), "w", encoding="utf-8") as fh:
        fh.write(DIRTY)
    proc = subprocess.run([sys.executable, "-m", "lint", "--format", fmt, str(tmp_path)], capture_output=True,
                          cwd=ROOT, env={**os.environ, "PYTHONIOENCODING": "utf-8", "LC_ALL": "C.UTF-8"})
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout.decode("utf-8")  # valid UTF-8, whatever the names
    assert "Traceback" not in out + proc.stderr.decode("utf-8")
    assert "ok.txt" in out
    if fmt not in ("json", "sarif"):
        assert "\\xff\\xfe.txt" in out
    if fmt == "json":
        assert {os.path.basename(f["path"]) for f in json.loads(out)} == {"ok.txt", "\udcff\udcfe.txt"}
    if fmt == "sarif":
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for r in json.loads(out)["runs"][0]["results"]}
        assert any(uri.endswith("%FF%FE.txt") for uri in uris)


# --- the output itself -----------------------------------------------------------------------


def test_closed_stdout_is_an_error_not_a_traceback(tmp_path):
    path = dirty(tmp_path / "a.txt")
    proc = subprocess.run(f'exec "{sys.executable}" -m lint "{path}" >&-', shell=True, capture_output=False,
                          stderr=subprocess.PIPE, cwd=ROOT)
    assert proc.returncode == 2
    assert b"standard output is closed" in proc.stderr and b"Traceback" not in proc.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("where", ["output-file", "stdout"])
def test_a_full_disk_is_an_io_error(tmp_path, where):
    path = dirty(tmp_path / "a.txt")
    if where == "output-file":
        proc = subprocess.run([sys.executable, "-m", "lint", "--output-file", "/dev/full", str(path)],
                              capture_output=True, cwd=ROOT)
    else:
        with open("/dev/full", "wb") as full:
            proc = subprocess.run([sys.executable, "-m", "lint", str(path)], stdout=full, stderr=subprocess.PIPE,
                                  cwd=ROOT)
    assert proc.returncode == 2
    assert b"Traceback" not in proc.stderr and b"internal error" not in proc.stderr


def test_a_file_named_on_the_command_line_is_never_silently_excluded(tmp_path, capsys, monkeypatch):
    (tmp_path / ".reportlint.yaml").write_text("exclude: ['drafts/']\n", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    path = dirty(tmp_path / "drafts" / "a.txt")
    monkeypatch.chdir(tmp_path / "drafts")
    status, _out, err = run_main(capsys, "a.txt")
    assert "a.txt is not linted" in err and "drafts/" in err
    assert status == 0 and path.read_text(encoding="utf-8") == DIRTY


def test_a_file_longer_than_its_status_said_is_read_whole_up_to_the_limit(tmp_path, monkeypatch):
    import errno
    import stat

    from lint import fileio

    path = tmp_path / "a.txt"
    data = "述职报告\n".encode() * 1000
    path.write_bytes(data)
    # the file grew after it was opened: its status gives 10 bytes
    monkeypatch.setattr(fileio.os, "fstat", lambda fd: os.stat_result((stat.S_IFREG | 0o644, 0, 0, 1, 0, 0, 10, 0, 0, 0)))
    assert fileio.read_regular(str(path), len(data))[0] == data
    with pytest.raises(OSError) as caught:
        fileio.read_regular(str(path), len(data) - 1)
    assert caught.value.errno == errno.EFBIG
