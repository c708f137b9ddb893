"""Linting many files on several processes (``-j/--jobs``).

Each worker process gets its own copy of the linter once (inherited on fork, else
pickled) and lints whole files, making each finding's text for the output there too
(see lint.engine.Linter.report); the reports come back in the order the files were
given, and the output is the same whatever the number of processes. A pool costs tens
of milliseconds to start, more than linting a few reports takes, so small runs stay in
one process.

The pool is a :class:`concurrent.futures.ProcessPoolExecutor`: when a worker dies (the
out-of-memory killer, a signal), the run stops at once with a RunError naming the
cause, where a ``multiprocessing.Pool`` would wait forever for the lost files.
"""

from __future__ import annotations

import os

from .errors import RunError
from .findings import FileReport

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


_WORK: tuple = ()  # (linter, render) in a worker process


def _init(linter, render, language: str) -> None:
    global _WORK
    from .i18n import set_language

    set_language(language)  # (the parent's --lang: what read errors say)
    _WORK = (linter, render)


def _lint(path: str) -> FileReport:
    linter, render = _WORK
    return linter.report(path, render=render)


def lint_paths(linter, paths: list[str], jobs: int | None = None, render=None) -> list[FileReport]:
    """The report of every file in ``paths``, in order (see lint.engine.Linter.report)."""
    processes = plan(jobs, len(paths))
    if processes <= 1:
        return [linter.report(path, render=render) for path in paths]
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from .i18n import _, language

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunksize = max(1, min(32, len(paths) // (processes * 8)))
    # Lint the first file here: what the workers inherit is then warm (compiled patterns,
    # the grammar, …) rather than worked out again in each of them.
    reports = [linter.report(paths[0], render=render)]
    gc.freeze()  # the inherited objects stay shared pages: the collector leaves them alone
    try:
        with ProcessPoolExecutor(processes, mp_context=context, initializer=_init,
                                 initargs=(linter, render, language())) as pool:
            reports += pool.map(_lint, paths[1:], chunksize=chunksize)
    except BrokenProcessPool:
        raise RunError(_("a worker process died while linting (killed, or out of memory?); no output was "
                         "written. Run again with fewer processes (-j 1)")) from None
    finally:
        gc.unfreeze()
    return reports
