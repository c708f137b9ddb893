"""Linting many files on several processes (``-j/--jobs``).

Each worker process gets its own copy of the linter once (inherited on fork, else
pickled) and lints whole files; results come back in the order the files were given,
and the caller sorts them, so the output is the same whatever the number of processes.
What the output format needs of each finding's source line (the text format's window
and underline) is worked out in the worker too, so the parent only writes.
A pool costs tens of milliseconds to start, more than linting a few reports takes, so
small runs stay in one process.
"""

from __future__ import annotations

import os
from operator import attrgetter

from .engine import Finding

# Below this many files per extra process, starting the pool costs more than it saves.
MIN_FILES_PER_JOB = 24


def cpu_count() -> int:
    """CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except OSError:
            pass
    return os.cpu_count() or 1


def plan(jobs: int | None, files: int) -> int:
    """Processes to use for ``files`` files: ``jobs`` (0 or None: one per CPU), fewer for small runs."""
    wanted = jobs or cpu_count()
    return max(1, min(wanted, files // MIN_FILES_PER_JOB))


_LINTER = None
_PREPARE = None
_ROW = attrgetter(*Finding.__slots__)  # a Finding's values, in Finding(*row) order


def _init(linter, prepare=None) -> None:
    global _LINTER, _PREPARE
    _LINTER, _PREPARE = linter, prepare


def _lint(path: str):
    """A file's findings as rows of their fields' values (cheaper to pass between processes),
    or what ``prepare`` packed them into."""
    findings = _LINTER.lint_path(path)
    if _PREPARE is not None:
        packed = _PREPARE(findings)
        if packed is not None:
            return packed
    return list(map(_ROW, findings))


def lint_paths(linter, paths: list[str], jobs: int | None = None, prepare=None) -> list:
    """Findings for every file in ``paths`` (in file order, each file's findings sorted).

    ``prepare(findings)``, when given, is run on each file's findings in the process that
    linted it (see lint.formats.preparer); one process leaves that to the renderer. What
    it returns, when not None, stands in the list for the file's findings.
    """
    processes = plan(jobs, len(paths))
    if processes <= 1:
        return [f for path in paths for f in linter.lint_path(path)]
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunksize = max(1, min(32, len(paths) // (processes * 8)))
    # Lint the first file here: what the workers inherit is then warm (compiled patterns,
    # grammar tables, …) rather than worked out again in each of them.
    findings: list = linter.lint_path(paths[0])
    packed = prepare(findings) if prepare is not None else None
    if packed is not None:
        findings = [packed]
    import gc

    gc.freeze()  # the inherited objects stay shared pages: the collector leaves them alone
    try:
        with context.Pool(processes, initializer=_init, initargs=(linter, prepare)) as pool:
            for rows in pool.imap(_lint, paths[1:], chunksize):
                if type(rows) is list:
                    findings += [Finding(*row) for row in rows]
                else:
                    findings.append(rows)
    finally:
        gc.unfreeze()
    return findings
