"""Running the command line in-process from any directory, as a user would run it there."""

import io
import os
import sys
from dataclasses import dataclass

from conftest import ROOT, SEEDS
from lint.cli import main

CLEAN_REPORT = ("某某同志述职报告\n\n一、主要工作\n\n全年完成各项任务。\n\n二、存在的问题\n\n学习不够深入。\n\n"
                "三、下一步打算\n\n加强理论学习。\n")


@dataclass
class Result:
    returncode: int
    stdout: bytes
    stderr: bytes


def reportlint(*args, cwd=ROOT, stdin=None, env=None):
    """``reportlint ARGS`` run in ``cwd`` with ``env`` added (GITHUB_ACTIONS unset unless given)."""
    saved_env = dict(os.environ)
    saved = os.getcwd(), sys.stdout, sys.stderr, sys.stdin
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    os.environ.pop("GITHUB_ACTIONS", None)
    os.environ.update(env or {})
    sys.stdout, sys.stderr = out, err
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin or b""), encoding="utf-8")
    os.chdir(cwd)
    try:
        try:
            status = main([str(a) for a in args])
        except SystemExit as exc:  # argparse: --version, --help, usage errors
            status = exc.code
        out.flush()
        err.flush()
        return Result(status, out.buffer.getvalue(), err.buffer.getvalue())
    finally:
        os.chdir(saved[0])
        sys.stdout, sys.stderr, sys.stdin = saved[1:]
        os.environ.clear()
        os.environ.update(saved_env)


def seed_copy(directory, prefix="000", name=None, suffix=".txt"):
    """A copy of a seed in ``directory`` (the seeds themselves are never touched)."""
    (source,) = SEEDS.glob(prefix + "_*.txt")
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / (name or source.stem + suffix)
    target.write_bytes(source.read_bytes())
    return target
