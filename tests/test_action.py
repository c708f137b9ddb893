"""The composite GitHub Action (action.yml), run here as the runner runs a composite
action's steps: each ``run`` in bash with its ``env`` (where the inputs are put, never
into the script itself), ``$GITHUB_PATH`` carried to the next step. The workflow in
.github/workflows/action.yml uses it on the same two cases: a report with findings
fails with annotations, a clean one passes."""

import os
import re
import shutil
import subprocess

import pytest
import yaml

from cli_helpers import CLEAN_REPORT
from conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
WORKFLOW = yaml.safe_load((ROOT / ".github" / "workflows" / "action.yml").read_text(encoding="utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")


def uses_of_this_action():
    return [step for job in WORKFLOW["jobs"].values() for step in job["steps"] if step.get("uses") == "./"]


def test_the_workflow_gives_the_action_only_inputs_it_has():
    steps = uses_of_this_action()
    assert len(steps) == 2
    for step in steps:
        assert set(step.get("with", {})) <= set(ACTION["inputs"])
    assert steps[0].get("continue-on-error") is True  # the failing case, checked by the next step


def test_inputs_never_reach_a_script_unquoted():
    assert ACTION["runs"]["using"] == "composite"
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step["run"], step["name"]  # expressions only in env
        assert step["shell"] == "bash"


class Runner:
    """Runs the action's steps as a GitHub runner would, on this machine."""

    def __init__(self, tmp_path):
        self.temp = tmp_path / "runner-temp"
        self.temp.mkdir()
        self.path_file = tmp_path / "github-path"
        self.path_file.write_text("")
        self.added: list[str] = []

    def expand(self, value: str, inputs: dict) -> str:
        def one(m):
            name = m.group(1)
            if name == "github.action_path":
                return str(ROOT)
            if name.startswith("inputs."):
                key = name[len("inputs."):]
                return inputs.get(key, str(ACTION["inputs"][key].get("default", "")))
            raise AssertionError(f"unexpected expression {name}")

        return EXPRESSION.sub(one, str(value))

    def run(self, step: dict, inputs: dict, cwd) -> subprocess.CompletedProcess:
        env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "REPORTLINT_CACHE_DIR")}
        env.update(RUNNER_TEMP=str(self.temp), GITHUB_PATH=str(self.path_file), GITHUB_ACTIONS="true", CI="true")
        env["PATH"] = os.pathsep.join(self.added + [env["PATH"]])
        env.update({key: self.expand(value, inputs) for key, value in step.get("env", {}).items()})
        proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=cwd,
                              env=env, capture_output=True, text=True, encoding="utf-8")
        self.added = [line for line in self.path_file.read_text().splitlines() if line][::-1] + self.added
        return proc


def test_the_action_annotates_a_report_with_findings_and_passes_a_clean_one(tmp_path):
    install, lint = ACTION["runs"]["steps"]
    runner = Runner(tmp_path)
    work = tmp_path / "repository"
    shutil.copytree(ROOT / "seeds", work / "seeds")
    done = runner.run(install, {}, work)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (runner.added and os.path.exists(os.path.join(runner.added[0], "reportlint"))
            or os.path.exists(os.path.join(runner.added[0], "reportlint.exe")))

    failing, passing = uses_of_this_action()
    proc = runner.run(lint, {k: str(v) for k, v in failing["with"].items()}, work)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert "::error file=seeds/000_0e4e0b6b76263e06.txt,line=9,col=25," in proc.stdout

    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "述职报告.txt").write_text(CLEAN_REPORT, encoding="utf-8")
    inputs = {k: str(v) for k, v in passing["with"].items()}
    inputs["paths"] = str(clean)  # the workflow's ${{ runner.temp }}/clean
    proc = runner.run(lint, inputs, work)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout == ""
