"""The pre-commit hook, proven: ``pre-commit try-repo`` installs reportlint from this
checkout into its own environment and runs the hook in a fresh git repository."""

import os
import shutil
import subprocess
import sys

import pytest

from cli_helpers import CLEAN_REPORT, seed_copy
from conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

# What the repository holds for pre-commit to install the package from.
PROJECT_FILES = ("lint", "rules", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml")


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def hook_repository(tmp_path):
    """This checkout itself when it is a git work tree with nothing uncommitted; otherwise
    a git snapshot of its project files as they are now.

    (try-repo would turn uncommitted changes into a temporary commit of its own, but it
    leaves out new untracked files, and it makes a new commit and so a new environment
    on every call; a snapshot holds everything and is installed once.)
    """
    inside = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=ROOT, capture_output=True, text=True)
    if inside.returncode == 0 and os.path.samefile(inside.stdout.strip(), ROOT):
        status = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True)
        if status.returncode == 0 and not status.stdout.strip():
            return ROOT
    snapshot = tmp_path / "reportlint-snapshot"
    snapshot.mkdir()
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, snapshot / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, snapshot / name)
    git("init", "-q", ".", cwd=snapshot)
    git("add", "-A", cwd=snapshot)
    git("-c", "user.name=reportlint", "-c", "user.email=reportlint@localhost", "commit", "-q", "-m", "snapshot",
        cwd=snapshot)
    return snapshot


def test_hook_fails_on_a_seed_and_passes_on_a_clean_report(tmp_path):
    work = tmp_path / "documents"
    seed_copy(work, "000", name="draft.txt")
    (work / "clean.md").write_text(CLEAN_REPORT, encoding="utf-8")
    git("init", "-q", ".", cwd=work)
    git("add", "-A", cwd=work)
    repo = hook_repository(tmp_path)
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), PRE_COMMIT_COLOR="never")
    for key in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GITHUB_ACTIONS"):
        env.pop(key, None)

    def try_repo(*files):
        return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(repo), "reportlint",
                               "--files", *files], cwd=work, env=env, capture_output=True, text=True,
                              encoding="utf-8")

    failed = try_repo("draft.txt", "clean.md")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "reportlint" in failed.stdout and "Failed" in failed.stdout
    assert "draft.txt:9:25: error RL101 [placeholder] 未填写的占位符「XX」" in failed.stdout
    assert "draft.txt:26:1: error RL103 [watermark]" in failed.stdout
    assert "clean.md" not in failed.stdout

    passed = try_repo("clean.md")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout and "Failed" not in passed.stdout


def readme_snippet():
    """The .pre-commit-config.yaml block of the README, as written there."""
    import re

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    (block,) = [m.group(1) for m in re.finditer(r"```yaml\n(.*?)```", text, re.S)
                if m.group(1).startswith("# .pre-commit-config.yaml\n")]
    return block


def test_the_readme_snippet_works_as_written_and_updates_as_it_says(tmp_path):
    """The README's snippet, only its URL placeholder replaced by this checkout: the rev it
    pins is a commit of this repository, the hook installs from it and fails on a draft;
    ``pre-commit autoupdate --bleeding-edge`` then moves it to the newest commit."""
    snippet = readme_snippet()
    rev = snippet.split("rev:", 1)[1].split()[0]
    known = subprocess.run(["git", "cat-file", "-e", f"{rev}^{{commit}}"], cwd=ROOT, capture_output=True)
    if known.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"the README's rev {rev} is not a commit of this repository")
        pytest.skip(f"this checkout does not hold the README's rev {rev} (a shallow clone?)")
    work = tmp_path / "documents"
    seed_copy(work, "000", name="draft.txt")
    (work / "clean.md").write_text(CLEAN_REPORT, encoding="utf-8")
    (work / ".pre-commit-config.yaml").write_text(snippet.replace("REPORTLINT_REPOSITORY_URL", str(ROOT)),
                                                  encoding="utf-8")
    git("init", "-q", ".", cwd=work)
    git("add", "-A", cwd=work)
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), PRE_COMMIT_COLOR="never")
    for key in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GITHUB_ACTIONS"):
        env.pop(key, None)

    def pre_commit(*args):
        return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=work, env=env, capture_output=True,
                              text=True, encoding="utf-8")

    failed = pre_commit("run", "--files", "draft.txt", "clean.md")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "draft.txt:9:25: error RL101 [placeholder]" in failed.stdout
    passed = pre_commit("run", "--files", "clean.md")
    assert passed.returncode == 0, passed.stdout + passed.stderr

    updated = pre_commit("autoupdate", "--bleeding-edge")
    assert updated.returncode == 0, updated.stdout + updated.stderr
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    assert f"rev: {head}" in (work / ".pre-commit-config.yaml").read_text(encoding="utf-8")
