"""How lint time and memory grow with input size (a script, not a test).

    python tests/benchmarks/scaling.py [--sizes 1,10,50] [--kind seeds|long-line|...]

For each size it writes a document of that many megabytes, then lints it in a fresh
process (as ``reportlint --format json`` does: read, decode, parse, run every rule,
render JSON) and prints a table: wall time, time per MB, the peak memory the run
added on top of an interpreter that has already loaded reportlint, and that peak as
a multiple of the file's size. Linear growth shows as a steady s/MB column and a
steady memory multiple.

Kinds of input:
  seeds      the real reports in seeds/ repeated (the normal case)
  long-line  one line with no line break: report text with every line end removed
  markup     Markdown (.md) lines full of unclosed **, `, ](, <!-- (the worst case
             for the Markdown scanner)
  debris     every line carries placeholders, doubled punctuation and paywall
             markers (many findings per line)
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MB = 1_000_000


def make_input(kind: str, size: int, directory: str) -> str:
    seeds = b"".join(p.read_bytes() for p in sorted((ROOT / "seeds").glob("*.txt")))
    suffix = ".txt"
    if kind == "seeds":
        unit = seeds
    elif kind == "long-line":
        unit = seeds.replace(b"\r\n", b"").replace(b"\n", b"").replace(b"\r", b"")
    elif kind == "markup":
        unit = "**加强学习 `代码 ](链接 <!-- 说明 *强调 __重点 ## 标题\n".encode()
        suffix = ".md"
    elif kind == "debris":
        unit = "共XX人参加，，学习##paidbegin##××次。。\n".encode()
    else:
        raise SystemExit(f"unknown kind {kind!r}")
    path = os.path.join(directory, f"{kind}-{size}{suffix}")
    with open(path, "wb") as fh:
        whole, rest = divmod(size, len(unit))
        for _ in range(whole):
            fh.write(unit)
        fh.write(unit[:rest].decode("utf-8", "ignore").encode())
    return path


def child(path: str) -> None:
    """Lint ``path`` as the CLI would; print seconds, peak extra bytes, findings."""
    sys.path.insert(0, str(ROOT))
    from lint import engine, formats, packs
    from lint.findings import Result

    linter = engine.Linter(packs.load())
    options = formats.Options("json")
    render = formats.finding_renderer(options)
    # Warm up on a small document the same way (imports, parser tables, caches), so the
    # measurement below is what the input itself costs.
    warm = linter.report("warm.txt", "述职报告\n一、主要工作\n共XX人。。\n".encode(), render=render)
    with open(os.devnull, "w", encoding="utf-8") as out:
        formats.write(Result([warm]), options, out)
    with open("/proc/self/statm") as fh:
        base = int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    start = time.perf_counter()
    report = linter.report(path, render=render)
    findings = report.findings
    with open(os.devnull, "w", encoding="utf-8") as out:
        formats.write(Result([report]), options, out)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(seconds, peak - base, len(findings))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1,10,50", help="megabytes, comma-separated (default 1,10,50)")
    ap.add_argument("--kind", default="seeds", help="seeds, long-line, markup or debris (default seeds)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child)
        return 0
    sizes = [float(s) for s in args.sizes.split(",")]
    print(f"input: {args.kind}")
    print(f"{'size':>8}  {'time':>8}  {'s/MB':>6}  {'peak memory':>12}  {'× size':>7}  {'findings':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in sizes:
            path = make_input(args.kind, int(mb * MB), tmp)
            size = os.path.getsize(path)
            proc = subprocess.run([sys.executable, __file__, "--child", path],
                                  capture_output=True, text=True)
            if proc.returncode:
                print(proc.stderr, file=sys.stderr)
                return 1
            seconds, peak, count = proc.stdout.split()
            seconds, peak = float(seconds), int(peak)
            print(f"{size / MB:>6.1f}MB  {seconds:>7.2f}s  {seconds / (size / MB):>6.2f}  "
                  f"{peak / MB:>10.1f}MB  {peak / size:>7.2f}  {int(count):>9}")
            os.unlink(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
