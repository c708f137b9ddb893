"""-j/--jobs: the same output whatever the number of processes."""

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, load_bench
from lint import parallel


def run(*args):
    return subprocess.run([sys.executable, "-m", "lint", *args], capture_output=True, text=True, cwd=ROOT,
                          env=dict(os.environ))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    bench = load_bench()
    directory = tmp_path_factory.mktemp("corpus")
    bench.write_corpus(directory, 60, bench.seed_texts())
    return directory


def test_small_runs_stay_in_one_process():
    assert parallel.plan(2, 1) == 1
    assert parallel.plan(8, parallel.MIN_FILES_PER_JOB - 1) == 1
    assert parallel.plan(2, 1000) == 2
    assert parallel.plan(1, 1000) == 1
    assert parallel.plan(0, 1000) == min(parallel.cpu_count(), 1000 // parallel.MIN_FILES_PER_JOB)


def test_jobs_give_identical_json_on_a_generated_corpus(corpus):
    assert parallel.plan(2, 60) == 2  # the pool is really used
    one = run("-j", "1", "--format", "json", str(corpus))
    two = run("-j", "2", "--format", "json", str(corpus))
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    findings = json.loads(two.stdout)
    assert len({f["path"] for f in findings}) == 60
    keys = [(f["path"], f["line"], f["column"]) for f in findings]
    assert keys == sorted(keys)
    assert {"placeholder", "duplicate-punctuation", "watermark"} <= {f["rule"] for f in findings}


def test_jobs_give_identical_output_on_the_seeds(tmp_path):
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    # enough copies of the seeds that two processes are used
    copies = 2 * parallel.MIN_FILES_PER_JOB // len(seeds) + 1
    for k in range(copies):
        for seed in seeds:
            (tmp_path / f"{k:02d}_{seed.name}").write_bytes(seed.read_bytes())
    assert parallel.plan(2, copies * len(seeds)) == 2
    outputs = {}
    for fmt in ("json", "text"):
        one, two = (run("-j", j, "--format", fmt, str(tmp_path)) for j in ("1", "2"))
        assert one.returncode == two.returncode == 1
        assert one.stdout == two.stdout and "RL101" in one.stdout
        outputs[fmt] = one.stdout
    direct = json.loads(run("--format", "json", *map(str, seeds)).stdout)
    assert len(json.loads(outputs["json"])) == copies * len(direct)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_files_given_out_of_order_are_reported_in_path_order(corpus, jobs):
    paths = sorted(str(p) for p in corpus.glob("*.txt"))
    shuffled = paths[1::2][::-1] + paths[::2]
    findings = json.loads(run("-j", jobs, "--format", "json", *shuffled).stdout)
    keys = [(f["path"], f["line"], f["column"], f["code"]) for f in findings]
    assert keys == sorted(keys) and len({f["path"] for f in findings}) == len(paths)
    with_stdin = subprocess.run([sys.executable, "-m", "lint", "-j", jobs, "--format", "json",
                                 "--stdin-filename", "zz.txt", "-", *paths], input=open(paths[0], "rb").read(),
                                capture_output=True, cwd=ROOT)
    keys = [(f["path"], f["line"], f["column"], f["code"]) for f in json.loads(with_stdin.stdout)]
    assert keys == sorted(keys) and keys[-1][0] == "zz.txt"


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "concise"])
@pytest.mark.parametrize("color", [False, True])
def test_texts_made_in_workers_are_those_made_in_one_process(corpus, fmt, color):
    from lint import engine, formats, packs

    linter = engine.Linter(packs.load())
    paths = sorted(str(p) for p in corpus.glob("*.txt"))
    render = formats.finding_renderer(formats.Options(fmt, color))
    serial = parallel.lint_paths(linter, paths, 1, render)
    pooled = parallel.lint_paths(linter, paths, 2, render)
    assert [(r.path, r.findings, r.texts) for r in pooled] == [(r.path, r.findings, r.texts) for r in serial]
    assert all(len(r.texts) == len(r.findings) for r in pooled) and sum(len(r.texts) for r in pooled) > 100
    if fmt == "text":
        assert any("^^" in t for r in pooled for t in r.texts)
        assert all(("\x1b[" in t) == color for r in pooled for t in r.texts)


def test_a_read_error_among_many_files_gives_status_2_whatever_the_jobs(corpus, tmp_path):
    import shutil

    directory = tmp_path / "mixed"
    shutil.copytree(corpus, directory)
    (directory / "report_00030b.txt").write_bytes(b"\x00\x01binary\x00")
    one, two = (run("-j", j, str(directory)) for j in ("1", "2"))
    assert one.returncode == two.returncode == 2
    assert one.stdout == two.stdout and "RL001" in two.stdout and "RL101" in two.stdout


def test_in_process_results_match(corpus):
    from lint import engine, packs

    linter = engine.Linter(packs.load())
    paths = sorted(str(p) for p in corpus.glob("*.txt"))
    serial = [f.as_dict() for r in parallel.lint_paths(linter, paths, 1) for f in r.findings]
    pooled = [f.as_dict() for r in parallel.lint_paths(linter, paths, 2) for f in r.findings]
    assert pooled == serial


def test_bad_jobs_value_is_a_usage_error():
    result = run("-j", "many", "seeds")
    assert result.returncode == 2 and "-j/--jobs" in result.stderr and "Traceback" not in result.stderr
