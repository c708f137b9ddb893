"""Benchmark reportlint as whole processes, against the floor and autocorrect-py.

Run by hand from a checkout (not collected by the test suite)::

    python tests/benchmarks/bench.py            # full run: 1,000 reports, 10 MB and 50 MB files
    python tests/benchmarks/bench.py --quick    # a smaller corpus and fewer runs

The corpus is generated deterministically from ``seeds/`` into ``.benchmarks/``: reports
with varied numbers, placeholders, doubled punctuation, adverts and paywall markers, so
the rules have real work, and large files made of concatenated reports.

Every case runs as a fresh process, once as a warm-up and then ``--runs`` times, the
cases taking turns run by run (so that a machine slowing down for a while affects them
alike); the table gives the median wall time, the spread (min–max) and, from one more run under GNU
time, the peak resident memory of the largest process in the run's tree. References, in the same session on the same
files: ``<python> -c pass`` (the floor for any Python tool, with the interpreter that
runs reportlint), ``python3 -c pass`` as found on PATH when that is another program, and
autocorrect-py (``pip install '.[bench]'``) linting the same files through its library
API with the same interpreter.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
ONE_FILE = next(iter(sorted(SEEDS.glob("000_*.txt"))), None)

# --- the corpus ------------------------------------------------------------------------------

PLACEHOLDERS = ("X", "XX", "××", "ＸＸ", "*", "XXX")
ADVERTS_TOP = (
    "【{brand}素材库】——每天更新材料1000多篇",
    "{brand}整理，咨询QQ{qq}",
    "会员群：{qq}  免费QQ群：{qq}",
    "仅供学习 禁止外传 用后删除",
)
ADVERTS_BOTTOM = (
    "更多精品范文请访问{brand}文库",
    "本文由{brand}网友投稿",
    "扫码关注{brand}公众号",
    "{brand}整理，咨询微信{qq}",
)
BRANDS = ("哒哒", "酷乐文行", "笔杆子", "公文易", "写作猫", "材料帮")
DIGITS = re.compile(r"\d+")


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def make_report(index: int, seeds: list[str]) -> str:
    """Report number ``index`` of the corpus: a seed with its details varied (deterministic)."""
    rng = random.Random(index)
    lines = seeds[index % len(seeds)].splitlines()
    out = []
    for line in lines:
        if line.strip():
            # fresh figures, so no two reports are the same
            line = DIGITS.sub(lambda m: str(rng.randrange(1, 10 ** len(m.group()))), line)
            if len(line) > 20 and rng.random() < 0.15:  # an unfilled blank
                at = rng.randrange(2, len(line) - 2)
                line = line[:at] + rng.choice(PLACEHOLDERS) + line[at + 1:]
            if rng.random() < 0.1:  # a doubled mark
                line = line.replace("。", "。。", 1) if rng.random() < 0.5 else line.replace("，", "，，", 1)
            if rng.random() < 0.02:  # a paywall marker glued into the text
                at = rng.randrange(0, len(line))
                line = line[:at] + "##paidbegin##" + line[at:]
        out.append(line)
    fill = {"brand": rng.choice(BRANDS), "qq": str(rng.randrange(10 ** 7, 10 ** 10))}
    if rng.random() < 0.3:
        out = [rng.choice(ADVERTS_TOP).format(**fill), ""] + out
    if rng.random() < 0.3:
        out += ["", rng.choice(ADVERTS_BOTTOM).format(**fill)]
    return "\n".join(out) + "\n"


def write_corpus(directory: Path, count: int, seeds: list[str]) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = directory / f"report_{i:05d}.txt"
        text = make_report(i, seeds)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    for stale in sorted(directory.glob("report_*.txt"))[count:]:
        stale.unlink()
    return paths


def write_large(path: Path, megabytes: float, seeds: list[str]) -> Path:
    """Concatenated reports, at least ``megabytes`` MB (10**6 bytes) of UTF-8."""
    target = int(megabytes * 1_000_000)
    if path.exists() and path.stat().st_size >= target and path.stat().st_size < target + 20_000:
        return path
    chunks, size, i = [], 0, 0
    while size < target:
        chunk = make_report(i, seeds) + "\n"
        chunks.append(chunk)
        size += len(chunk.encode("utf-8"))
        i += 1
    path.write_text("".join(chunks), encoding="utf-8")
    return path


# --- measuring -------------------------------------------------------------------------------


@dataclass
class Result:
    name: str
    times: list[float]
    peak_kb: int

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def gnu_time() -> str | None:
    """GNU time, which reports a command's peak memory (``%M``), if installed."""
    path = shutil.which("time") or ("/usr/bin/time" if os.path.exists("/usr/bin/time") else None)
    if path and subprocess.run([path, "-f", "%M", "true"], capture_output=True).returncode == 0:
        return path
    return None


def peak_memory(cmd: list[str], cwd: Path) -> int:
    """Peak RSS in KB of the largest process of one run of ``cmd``.

    A child started straight from this (larger) process inherits its memory high-water
    mark at exec, so the run is launched through GNU time when it is installed; without
    it, the figure is from wait4() and never below this process's own size.
    """
    timer = gnu_time()
    if timer is None:
        return run_once(cmd, cwd)[1]
    result = subprocess.run([timer, "-f", "%M", *cmd], cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    return int(result.stderr.strip().splitlines()[-1])


def run_once(cmd: list[str], cwd: Path) -> tuple[float, int, int]:
    """Wall time, peak RSS (KB, see peak_memory) and exit status of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr_fd = proc.stderr.fileno()
    chunks = []
    while True:  # drain stderr so a chatty failure cannot block the child
        data = os.read(stderr_fd, 65536)
        if not data:
            break
        chunks.append(data)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stderr.close()
    code = proc.returncode
    if code not in (0, 1):
        sys.exit(f"bench: {' '.join(cmd[:4])} … failed with status {code}:\n"
                 + b"".join(chunks).decode(errors="replace")[-2000:])
    return elapsed, usage.ru_maxrss, code


@dataclass
class Case:
    key: str
    name: str
    cmd: list[str]
    runs: int
    cwd: Path = ROOT  # ``python -m lint`` runs the checkout it is started in


def measure_all(cases: list[Case]) -> dict[str, Result]:
    """Every case after a warm-up, the runs of all cases taken in turn (round after round),
    so that a machine that grows slower or faster for a while affects all of them alike
    and the ratios between them hold; then each case's peak memory."""
    for case in cases:
        run_once(case.cmd, case.cwd)  # warm-up: file cache, reportlint's own cache
    times: dict[str, list[float]] = {case.key: [] for case in cases}
    for round_ in range(max(case.runs for case in cases)):
        for case in cases:
            if round_ < case.runs:
                times[case.key].append(run_once(case.cmd, case.cwd)[0])
    results = {}
    for case in cases:
        result = results[case.key] = Result(case.name, times[case.key], peak_memory(case.cmd, case.cwd))
        print(f"  {case.name:<44} {fmt_time(result.median):>9}  ({fmt_time(min(result.times))}–"
              f"{fmt_time(max(result.times))})  {result.peak_kb / 1024:7.1f} MB", file=sys.stderr)
    return results


def fmt_time(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


AUTOCORRECT_SCRIPT = """
import sys, autocorrect_py
paths = sys.argv[1:]
if len(paths) == 1 and paths[0].startswith('@'):
    paths = open(paths[0][1:], encoding='utf-8').read().split('\\n')
n = 0
for path in paths:
    with open(path, encoding='utf-8') as fh:
        result = autocorrect_py.lint_for(fh.read(), path)
    for line in result.lines:
        n += 1
        print(f'{path}:{line.line}:{line.col}: {line.old!r} -> {line.new!r}')
sys.exit(1 if n else 0)
"""


def has_autocorrect(python: str) -> bool:
    return subprocess.run([python, "-c", "import autocorrect_py"], capture_output=True).returncode == 0


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cpu}, {cpus} CPUs, {platform.system()} {platform.release()}, Python {platform.python_version()}"


# --- main ------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--reports", type=int, help="reports in the corpus (default 1000)")
    p.add_argument("--large-mb", type=float, help="size of the large file in MB (default 50)")
    p.add_argument("--mid-mb", type=float, help="smaller large file, for linearity (default 10)")
    p.add_argument("--runs", type=int, help="measured runs per case (default 7)")
    p.add_argument("--large-runs", type=int, help="measured runs for the large files (default 3)")
    p.add_argument("--python", default=sys.executable, help="interpreter for reportlint and the references")
    p.add_argument("--workdir", type=Path, default=ROOT / ".benchmarks", help="where the corpus is generated")
    p.add_argument("--no-autocorrect", action="store_true", help="skip autocorrect-py even if installed")
    p.add_argument("--no-large", action="store_true", help="skip the large files")
    p.add_argument("--quick", action="store_true", help="defaults of 100 reports, 2 and 10 MB, 3 runs")
    p.add_argument("--baseline", type=Path, metavar="DIR",
                   help="a checkout of another revision (git worktree add DIR REV): its one-file and "
                        "1,000-file runs are measured too, and this checkout's given as ratios to them")
    args = p.parse_args(argv)
    defaults = (100, 10, 2, 3, 1) if args.quick else (1000, 50, 10, 7, 3)
    for name, default in zip(("reports", "large_mb", "mid_mb", "runs", "large_runs"), defaults):
        if getattr(args, name) is None:
            setattr(args, name, default)

    seeds = seed_texts()
    print(f"bench: generating the corpus in {args.workdir} …", file=sys.stderr)
    corpus_dir = args.workdir / f"corpus-{args.reports}"
    corpus = write_corpus(corpus_dir, args.reports, seeds)
    listing = args.workdir / f"corpus-{args.reports}.list"
    listing.write_text("\n".join(str(p) for p in corpus), encoding="utf-8")
    large = [] if args.no_large else [
        (mb, write_large(args.workdir / f"large-{mb:g}MB.txt", mb, seeds)) for mb in (args.mid_mb, args.large_mb)]

    py = args.python
    # As installed by pip, reportlint has its bytecode compiled; a checkout may not
    # (PYTHONDONTWRITEBYTECODE), and compiling every module on every run is not start-up.
    for checkout in (ROOT, args.baseline) if args.baseline else (ROOT,):
        subprocess.run([py, "-m", "compileall", "-q", str(checkout / "lint")], check=True,
                       stdout=subprocess.DEVNULL)
    rl = [py, "-m", "lint"]
    autocorrect = not args.no_autocorrect and has_autocorrect(py)
    print(f"bench: {machine()}", file=sys.stderr)
    cases = [Case("floor", f"{Path(py).name} -c pass", [py, "-c", "pass"], args.runs)]
    path_python3 = shutil.which("python3")
    if path_python3 and os.path.realpath(path_python3) != os.path.realpath(py):
        cases.append(Case("python3", "python3 -c pass (PATH)", [path_python3, "-c", "pass"], args.runs))
    cases.append(Case("one", "reportlint, one file", rl + [str(ONE_FILE)], args.runs))
    if autocorrect:
        cases.append(Case("one-ac", "autocorrect-py, one file", [py, "-c", AUTOCORRECT_SCRIPT, str(ONE_FILE)],
                          args.runs))
    # the cache as every CI job and every first pre-commit run finds it: an empty directory
    # (a shell makes one per run; the warm case runs through the same shell)
    cold = 'd=$(mktemp -d) && REPORTLINT_CACHE_DIR="$d" "$0" -m lint "$1"; s=$?; rm -rf "$d"; exit $s'
    warm_dir = args.workdir / "warm-cache"
    warm = f'REPORTLINT_CACHE_DIR="{warm_dir}" "$0" -m lint "$1"'
    cases.append(Case("one-cold", "reportlint, one file, cold cache (sh)", ["sh", "-c", cold, py, str(ONE_FILE)],
                      args.runs))
    cases.append(Case("one-warm", "reportlint, one file, warm cache (sh)", ["sh", "-c", warm, py, str(ONE_FILE)],
                      args.runs))
    cases.append(Case("corpus", f"reportlint, {len(corpus)} files", rl + [str(corpus_dir)], args.runs))
    for fmt in ("json", "sarif"):
        cases.append(Case(f"corpus-{fmt}", f"reportlint --format {fmt}, {len(corpus)} files",
                          rl + ["--format", fmt, str(corpus_dir)], args.runs))
    cases.append(Case("corpus-j1", f"reportlint -j 1, {len(corpus)} files", rl + ["-j", "1", str(corpus_dir)],
                      args.runs))
    if autocorrect:
        cases.append(Case("corpus-ac", f"autocorrect-py, {len(corpus)} files",
                          [py, "-c", AUTOCORRECT_SCRIPT, "@" + str(listing)], args.runs))
    if args.baseline:
        base = args.baseline.resolve()
        cases += [Case("one-base", "baseline, one file", rl + [str(ONE_FILE)], args.runs, base),
                  Case("corpus-base", f"baseline, {len(corpus)} files", rl + [str(corpus_dir)], args.runs, base),
                  Case("corpus-j1-base", f"baseline -j 1, {len(corpus)} files", rl + ["-j", "1", str(corpus_dir)],
                       args.runs, base)]
    for mb, path in large:
        cases.append(Case(f"large-{mb:g}", f"reportlint, {mb:g} MB file", rl + [str(path)], args.large_runs))
    results = measure_all(cases)

    print(table(results, corpus, large, args), end="")
    return 0


def table(results: dict[str, Result], corpus, large, args) -> str:
    floor = results["floor"].median

    def row(key: str, case: str, against: str | None = None, extra: str = "", floors: bool = False) -> str:
        r = results.get(key)
        if r is None:
            return ""
        ratios = []
        if floors:
            ratios.append(f"{r.median / floor:.2f}× `{Path(args.python).name} -c pass`")
            if "python3" in results:
                ratios.append(f"{r.median / results['python3'].median:.2f}× `python3 -c pass`")
        if against and against in results:
            ratios.append(f"**{r.median / results[against].median:.2f}× autocorrect-py**")
        if key + "-base" in results:
            ratios.append(f"**{r.median / results[key + '-base'].median:.2f}× baseline**")
        if extra:
            ratios.append(extra)
        spread = f"{fmt_time(min(r.times))}–{fmt_time(max(r.times))}"
        return (f"| {case} | {r.name} | {fmt_time(r.median)} | {spread} | {r.peak_kb / 1024:.0f} MB "
                f"| {', '.join(ratios)} |\n")

    one_kb = ONE_FILE.stat().st_size / 1000
    corpus_mb = sum(p.stat().st_size for p in corpus) / 1e6
    out = [f"\nMeasured {time.strftime('%Y-%m-%d')} on {machine()}; median of {args.runs} runs "
           f"after a warm-up ({args.large_runs} for the large files), peak memory of the largest process.\n\n",
           "| case | command | median | spread | peak memory | ratio |\n",
           "|---|---|---|---|---|---|\n"]
    out.append(row("floor", "floor", None))
    out.append(row("python3", "floor", None, floors=True))
    out.append(row("one", f"one file ({one_kb:.1f} KB)", "one-ac", floors=True))
    out.append(row("one-ac", f"one file ({one_kb:.1f} KB)", floors=True))
    if "one-cold" in results and "one-warm" in results:
        out.append(row("one-cold", f"one file ({one_kb:.1f} KB)",
                       extra=f"{results['one-cold'].median / results['one-warm'].median:.2f}× warm"))
        out.append(row("one-warm", f"one file ({one_kb:.1f} KB)"))
    out.append(row("corpus", f"{len(corpus)} files ({corpus_mb:.1f} MB)", "corpus-ac"))
    out.append(row("corpus-j1", f"{len(corpus)} files ({corpus_mb:.1f} MB)", "corpus-ac"))
    for fmt in ("json", "sarif"):
        if f"corpus-{fmt}" in results:
            out.append(row(f"corpus-{fmt}", f"{len(corpus)} files ({corpus_mb:.1f} MB)",
                           extra=f"{results[f'corpus-{fmt}'].median / results['corpus'].median:.2f}× text"))
    out.append(row("corpus-ac", f"{len(corpus)} files ({corpus_mb:.1f} MB)"))
    for key in ("one-base", "corpus-base", "corpus-j1-base"):
        out.append(row(key, "one file" if key == "one-base" else f"{len(corpus)} files"))
    for mb, path in large:
        size = path.stat().st_size
        r = results[f"large-{mb:g}"]
        out.append(row(f"large-{mb:g}", f"one {size / 1e6:.0f} MB file",
                       extra=f"memory {r.peak_kb * 1024 / size:.1f}× file size"))
    if len(large) == 2:
        (mb1, p1), (mb2, p2) = large
        r1, r2 = results[f"large-{mb1:g}"], results[f"large-{mb2:g}"]
        per1 = (r1.median - floor) / p1.stat().st_size * 1e6
        per2 = (r2.median - floor) / p2.stat().st_size * 1e6
        out.append(f"\nThroughput: {1 / per1:.1f} MB/s at {mb1:g} MB, {1 / per2:.1f} MB/s at {mb2:g} MB "
                   f"(time per MB {per2 / per1:.2f}× as the file grows {mb2 / mb1:g}×).\n")
    return "".join(out)


if __name__ == "__main__":
    sys.exit(main())
