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


@pytest.mark.parametrize("known_encoding", [None, "utf-8"])
def test_whole_files_written_in_workers_render_the_same(corpus, known_encoding):
    import io
    from types import SimpleNamespace

    from lint import engine, packs
    from lint.formats import preparer, text

    linter = engine.Linter(packs.load())
    paths = sorted(str(p) for p in corpus.glob("*.txt"))
    options = SimpleNamespace(show_source=True, files=len(paths), known_color=False,
                              known_encoding=known_encoding, whole_files=True, color=False)
    serial = parallel.lint_paths(linter, paths, 1)
    pooled = parallel.lint_paths(linter, paths, 2, preparer("text", options))
    assert all(isinstance(item, text.Written) for item in pooled) and len(pooled) == len(paths)
    assert list(text.outcomes(pooled)) == list(text.outcomes(serial))
    outputs = []
    for findings in (serial, pooled):
        out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
        text.render(findings, out, options)
        out.flush()
        outputs.append(out.buffer.getvalue().decode("utf-8"))
    assert outputs[0] == outputs[1] and f"{len(serial)} problems in {len(paths)} files." in outputs[0]


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
    serial = [f.as_dict() for f in parallel.lint_paths(linter, paths, 1)]
    pooled = [f.as_dict() for f in parallel.lint_paths(linter, paths, 2)]
    assert pooled == serial


def test_bad_jobs_value_is_a_usage_error():
    result = run("-j", "many", "seeds")
    assert result.returncode == 2 and "-j/--jobs" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("show_source", [True, False])
@pytest.mark.parametrize("known_color,known_encoding", [(None, None), (False, None), (False, "utf-8"),
                                                        (False, "gb18030"), (True, "utf-8")])
def test_windows_worked_out_in_workers_render_the_same(corpus, show_source, known_color, known_encoding):
    import io
    from types import SimpleNamespace

    from lint import engine, packs
    from lint.formats import preparer, text

    linter = engine.Linter(packs.load())
    paths = sorted(str(p) for p in corpus.glob("*.txt"))
    options = SimpleNamespace(show_source=show_source, files=len(paths), known_color=known_color,
                              known_encoding=known_encoding)
    serial = parallel.lint_paths(linter, paths, 1)
    pooled = parallel.lint_paths(linter, paths, 2, preparer("text", options))
    assert all(f.window is not None and f.source == "" for f in pooled)
    # a stream in the expected encoding, in another one, and one without a byte buffer
    streams = [lambda: io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="replace"),
               lambda: io.TextIOWrapper(io.BytesIO(), encoding="utf-16", errors="replace"), io.StringIO]
    for color in (False, True):  # also when the colour turns out other than expected
        options.color = color
        for stream in streams:
            outputs = []
            for findings in (serial, pooled):
                out = stream()
                text.render(findings, out, options)
                out.flush()
                outputs.append(out.getvalue() if isinstance(out, io.StringIO) else
                               out.buffer.getvalue().decode(out.encoding))
            assert outputs[0] == outputs[1] and ("^^" in outputs[0]) == show_source
            assert ("\x1b[" in outputs[0]) == color
            assert outputs[0].count("[placeholder]") == sum(f.rule == "placeholder" for f in serial)
