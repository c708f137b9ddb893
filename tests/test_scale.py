"""``python -m lint.scale``: an archive linted on a Dask cluster, checked against the command line.

The run is started as a user starts it (``python -m lint.scale``, which brings up a
``LocalCluster`` of two worker processes on this machine); its Parquet files are then
read back and compared with ``reportlint --format json`` on the same files.
"""

import json
import os
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pyarrow.parquet as pq
from archive import make_archive
from cli_helpers import CLEAN_REPORT, reportlint
from distributed import LocalCluster

from conftest import ROOT

TIMEOUT = 900  # seconds for one run on a busy machine; a passing run takes far less


def scale(*args, cwd):
    return subprocess.run([sys.executable, "-m", "lint.scale", *map(str, args)], cwd=cwd, capture_output=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=TIMEOUT)


@contextmanager
def cluster(workers: int):
    """A LocalCluster's scheduler address, the cluster run from a thread of its own (the
    browser tests may leave an event loop running in this one) and closed afterwards."""
    with ThreadPoolExecutor(1) as pool:
        local = pool.submit(LocalCluster, n_workers=workers, threads_per_worker=1, processes=True,
                            dashboard_address=None).result()
        try:
            yield local.scheduler_address
        finally:
            pool.submit(local.close).result()


def test_two_workers_find_what_the_command_line_finds_on_2000_files(tmp_path):
    paths = make_archive(tmp_path / "archive", 2000)
    assert len(paths) == 2000

    result = scale("archive", "--output", "audit", "--workers", "2", cwd=tmp_path)
    stderr = result.stderr.decode("utf-8")
    assert "linted 2000 files on 2 workers" in stderr, stderr
    cli = reportlint("--format", "json", "archive", cwd=tmp_path)
    assert result.returncode == cli.returncode == 2  # two files cannot be read: exit status 2 on both
    expected = json.loads(cli.stdout)

    rows = pq.read_table(tmp_path / "audit" / "findings").to_pylist()
    assert len(rows) == len(expected)
    assert rows == expected  # finding for finding, in the command line's order
    rules = Counter(f["rule"] for f in expected)
    assert rules["read-error"] == 2 and rules["placeholder"] > 100 and len(rules) > 5

    # the summaries add up what the findings hold
    by_rule = {r["rule"]: r for r in pq.read_table(tmp_path / "audit" / "by_rule.parquet").to_pylist()}
    assert {rule: r["findings"] for rule, r in by_rule.items()} == dict(rules)
    assert {rule: r["files"] for rule, r in by_rule.items()} == \
        dict(Counter(rule for _path, rule in {(f["path"], f["rule"]) for f in expected}))
    by_folder = {r["folder"]: r for r in pq.read_table(tmp_path / "audit" / "by_folder.parquet").to_pylist()}
    folders = Counter(os.path.dirname(os.path.relpath(p, tmp_path)) for p in paths)
    assert {folder: r["files"] for folder, r in by_folder.items()} == dict(folders)
    assert {folder: r["findings"] for folder, r in by_folder.items()} == \
        dict(Counter(os.path.dirname(f["path"]) for f in expected)) | \
        {folder: 0 for folder in folders if not any(os.path.dirname(f["path"]) == folder for f in expected)}
    assert sum(r["unreadable"] for r in by_folder.values()) == 2


def test_a_running_scheduler_reads_the_paths_listed_and_nothing_is_overwritten(tmp_path):
    """A scheduler started elsewhere (here: a LocalCluster of this test, whose worker runs
    in another directory), given by --scheduler; the paths come from a --from list."""
    archive = tmp_path / "archive"
    archive.mkdir()
    for n in range(3):
        (archive / f"{n}.txt").write_text(CLEAN_REPORT, encoding="utf-8")
    (archive / "1.txt").write_text(CLEAN_REPORT.replace("各项", "XX项"), encoding="utf-8")
    listing = tmp_path / "list.txt"
    url = (archive / "1.txt").as_uri()  # read through fsspec, as an http(s):// or s3:// one would be
    listing.write_text(f"# the reports to check\narchive/0.txt\n\narchive/2.txt\n{url}\n", encoding="utf-8")

    with cluster(workers=1) as address:
        result = scale("--from", listing, "--output", "audit", "--scheduler", address, cwd=tmp_path)
    assert result.returncode == 1, result.stderr.decode("utf-8")
    assert "linted 3 files on 1 workers" in result.stderr.decode("utf-8")
    (row,) = pq.read_table(tmp_path / "audit" / "findings").to_pylist()
    assert (row["path"], row["rule"]) == (url, "placeholder")
    assert pq.read_table(tmp_path / "audit" / "by_folder.parquet").to_pylist() == [
        {"folder": "archive", "files": 2, "files_with_findings": 0, "findings": 0, "unreadable": 0},
        {"folder": url.rsplit("/", 1)[0], "files": 1, "files_with_findings": 1, "findings": 1, "unreadable": 0}]

    again = scale("archive", "--output", "audit", cwd=tmp_path)  # the output holds a run already
    assert again.returncode == 2
    assert "--output audit" in again.stderr.decode("utf-8")
    assert pq.read_table(tmp_path / "audit" / "by_folder.parquet").to_pylist()[0]["files"] == 2  # the first run's


def test_without_the_extra_or_a_path_the_command_says_what_is_missing(tmp_path):
    result = scale("--output", "audit", cwd=tmp_path)
    assert result.returncode == 2 and "no PATH given" in result.stderr.decode("utf-8")
    result = scale(".", "--output", "audit", "--scheduler", "tcp://127.0.0.1:1", "--timeout", "1", cwd=tmp_path)
    assert result.returncode == 2  # no scheduler there: said, not a traceback
    assert result.stderr.decode("utf-8").startswith("reportlint: error: --scheduler tcp://127.0.0.1:1: cannot connect")
    (tmp_path / "distributed.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'distributed'\", name='distributed')\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "lint.scale", ".", "--output", "audit"], cwd=tmp_path,
                            capture_output=True, env=dict(os.environ, PYTHONPATH=f"{tmp_path}{os.pathsep}{ROOT}"),
                            timeout=TIMEOUT)
    assert result.returncode == 2
    assert "pip install 'reportlint[scale]'" in result.stderr.decode("utf-8")
    assert not (tmp_path / "audit").exists()
