"""Which files a run lints and how it names them: missing paths, documents reportlint
cannot read, .gitignore in a git work tree, paths without ``./`` in every format."""

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from cli_helpers import CLEAN_REPORT, reportlint, seed_copy
from docx_build import plain_docx, to_bytes


def test_a_missing_path_is_not_a_clean_run(tmp_path):
    proc = reportlint("nosuch.txt", cwd=tmp_path)
    assert proc.returncode == 2
    err, out = proc.stderr.decode(), proc.stdout.decode()
    assert "nosuch.txt: no such file or directory" in err
    assert "No problems found" not in out and "Nothing was linted: 1 path could not be." in out


def test_a_missing_path_beside_a_clean_file_is_counted(tmp_path):
    (tmp_path / "clean.md").write_text(CLEAN_REPORT, encoding="utf-8")
    proc = reportlint("clean.md", "nosuch.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "No problems found in 1 file; 1 path could not be linted." in proc.stdout.decode()


def test_word_processor_files_reportlint_cannot_read_are_each_reported(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    (folder / "b.wps").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    (folder / "c.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    (folder / "notes.xlsx").write_bytes(b"PK\x03\x04")  # not a document reportlint looks for
    proc = reportlint("--format", "json", "reports", cwd=tmp_path)
    findings = json.loads(proc.stdout.decode("utf-8"))
    assert [(f["path"], f["rule"]) for f in findings] == [
        ("reports/a.doc", "read-error"), ("reports/b.wps", "read-error"), ("reports/c.pdf", "read-error")]
    assert all("save it as .docx" in f["message"] for f in findings)
    assert proc.returncode == 2


def test_a_doc_file_that_is_a_docx_inside_is_read(tmp_path):
    data = to_bytes(plain_docx(["某某同志述职报告", "一、主要工作", "全年完成XX项任务。"]))
    (tmp_path / "renamed.doc").write_bytes(data)
    proc = reportlint("--format", "json", "renamed.doc", cwd=tmp_path)
    rules = {f["rule"] for f in json.loads(proc.stdout.decode("utf-8"))}
    assert "placeholder" in rules and "read-error" not in rules


# --- .gitignore ---------------------------------------------------------------------------

need_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git_repo(path):
    subprocess.run(["git", "init", "-q", str(path)], check=True, capture_output=True)
    return path


def linted(cwd, *args):
    proc = reportlint("--format", "json", *args, cwd=cwd)
    return sorted({f["path"] for f in json.loads(proc.stdout.decode("utf-8"))})


@need_git
def test_gitignore_is_honoured_in_a_git_work_tree(tmp_path):
    repo = git_repo(tmp_path / "docs")
    seed_copy(repo / "2024", "000", name="a.txt")
    seed_copy(repo / "node_modules" / "pkg", "001", name="README.md")
    seed_copy(repo / "build", "002", name="out.txt")
    seed_copy(repo / "drafts", "003", name="keep.txt")
    seed_copy(repo / "drafts", "004", name="scratch.txt")
    seed_copy(repo, "001", name="local.txt")
    (repo / ".gitignore").write_text("node_modules/\n/build\n", encoding="utf-8")
    (repo / "drafts" / ".gitignore").write_text("*.txt\n!keep.txt\n", encoding="utf-8")
    (repo / ".git" / "info").mkdir(exist_ok=True)
    (repo / ".git" / "info" / "exclude").write_text("local.txt\n", encoding="utf-8")
    assert linted(repo, ".") == ["2024/a.txt", "drafts/keep.txt"]
    assert linted(repo, "drafts") == ["drafts/keep.txt"]  # the root's rules hold below it too
    assert linted(repo, "--no-ignore", ".") == [
        "2024/a.txt", "build/out.txt", "drafts/keep.txt", "drafts/scratch.txt", "local.txt",
        "node_modules/pkg/README.md"]
    # a file named on the command line is linted whatever git ignores
    assert linted(repo, "build/out.txt") == ["build/out.txt"]
    # and so is an ignored directory named on the command line
    assert linted(repo, "node_modules") == ["node_modules/pkg/README.md"]


def test_outside_a_git_work_tree_a_gitignore_means_nothing(tmp_path, monkeypatch):
    folder = tmp_path / "plain"
    seed_copy(folder, "000", name="a.txt")
    (folder / ".gitignore").write_text("*.txt\n", encoding="utf-8")
    from lint import gitignore

    if gitignore.work_tree(str(folder)) is not None:
        pytest.skip("the temporary directory is inside a git work tree")
    assert linted(folder, ".") == ["a.txt"]


# --- paths ------------------------------------------------------------------------------


@pytest.fixture
def tree(tmp_path):
    seed_copy(tmp_path / "2024", "000", name="总结.txt")
    return tmp_path


def test_text_json_concise_and_junit_name_files_without_dot_slash(tree):
    for fmt in ("text", "concise"):
        out = reportlint("--format", fmt, ".", cwd=tree).stdout.decode("utf-8")
        assert out.startswith("2024/总结.txt:") and "./" not in out
    findings = json.loads(reportlint("--format", "json", ".", cwd=tree).stdout.decode("utf-8"))
    assert {f["path"] for f in findings} == {"2024/总结.txt"}
    root = ET.fromstring(reportlint("--format", "junit", "./", cwd=tree).stdout)
    assert [case.get("name") for case in root.iter("testcase")] == ["2024/总结.txt"]
    absolute = reportlint("--format", "concise", str(tree / "2024"), cwd=tree).stdout.decode("utf-8")
    assert absolute.startswith("2024/总结.txt:")  # below the current directory: relative to it


def test_github_annotations_name_the_file_as_the_diff_does(tree):
    out = reportlint(".", cwd=tree, env={"GITHUB_ACTIONS": "true"}).stdout.decode("utf-8")
    assert out.startswith("::error file=2024/总结.txt,line=")
    assert "file=./" not in out


def test_sarif_uris_are_relative_to_srcroot(tree):
    log = json.loads(reportlint("--format", "sarif", ".", cwd=tree).stdout.decode("utf-8"))
    run = log["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "2024/%E6%80%BB%E7%BB%93.txt", "uriBaseId": "%SRCROOT%"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file://")
