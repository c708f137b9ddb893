"""Running reportlint as a user does (a separate process) from any directory."""

import os
import subprocess
import sys

from conftest import ROOT, SEEDS

CLEAN_REPORT = ("某某同志述职报告\n\n一、主要工作\n\n全年完成各项任务。\n\n二、存在的问题\n\n学习不够深入。\n\n"
                "三、下一步打算\n\n加强理论学习。\n")


def reportlint(*args, cwd=ROOT, stdin=None, env=None):
    full_env = dict(os.environ, PYTHONPATH=str(ROOT))
    full_env.pop("GITHUB_ACTIONS", None)
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "lint", *map(str, args)], input=stdin, capture_output=True,
                          cwd=cwd, env=full_env)


def seed_copy(directory, prefix="000", name=None, suffix=".txt"):
    """A copy of a seed in ``directory`` (the seeds themselves are never touched)."""
    (source,) = SEEDS.glob(prefix + "_*.txt")
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / (name or source.stem + suffix)
    target.write_bytes(source.read_bytes())
    return target
