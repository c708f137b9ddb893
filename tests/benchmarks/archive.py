"""Files per second of ``python -m lint.scale`` on 1 and 2 workers (a script, not a test).

Run by hand from a checkout with the ``scale`` extra::

    python tests/benchmarks/archive.py                 # 2,000 files, 1 and 2 workers
    python tests/benchmarks/archive.py --files 10000 --workers 1,2,4

It writes the archive tests/test_scale.py checks (variants of the seeds under
DEPARTMENT/YEAR/) into a temporary directory, then runs ``python -m lint.scale`` on a
LocalCluster of each size and ``reportlint --format json`` once for reference. "lint"
is the time the cluster took from the first task to the summaries written (files/s
from it); "wall" adds starting Python and the cluster.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "tests")]

from archive import make_archive  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--files", type=int, default=2000, help="documents in the archive (default 2000)")
    p.add_argument("--workers", default="1,2", help="cluster sizes, comma-separated (default 1,2)")
    args = p.parse_args(argv)
    env = dict(os.environ, PYTHONPATH=str(ROOT))  # this checkout's lint, installed or not
    with tempfile.TemporaryDirectory() as tmp:
        make_archive(Path(tmp) / "archive", args.files)
        print(f"{'run':<32} {'lint':>7} {'files/s':>8} {'wall':>7}")
        for workers in (int(n) for n in args.workers.split(",")):
            start = time.perf_counter()
            result = subprocess.run([sys.executable, "-m", "lint.scale", "archive", "-o", f"audit{workers}",
                                     "--workers", str(workers)], cwd=tmp, env=env, capture_output=True, text=True)
            wall = time.perf_counter() - start
            m = re.search(r"on (\d+) workers in ([\d.]+)s \((\d+) files/s\)", result.stderr)
            if m is None:
                print(result.stderr, file=sys.stderr)
                return 1
            print(f"{'lint.scale, ' + m[1] + ' workers':<32} {m[2]:>6}s {m[3]:>8} {wall:>6.1f}s")
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "lint", "--format", "json", "archive"], cwd=tmp, env=env,
                       stdout=subprocess.DEVNULL)
        wall = time.perf_counter() - start
        print(f"{'reportlint --format json':<32} {'':>7} {args.files / wall:>8.0f} {wall:>6.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
