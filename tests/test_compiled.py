"""Compiled patterns kept between runs (lint.compiled): the same patterns, a quicker start."""

import os
import re
import subprocess
import sys

from conftest import ROOT
from lint import cache, compiled

SEED = "seeds/000_0e4e0b6b76263e06.txt"
# Counts the patterns ``re`` really compiles while linting a seed.
COUNTING_RUN = """
import re, sys
try:
    from re import _compiler
except ImportError:
    import sre_compile as _compiler
from lint import cli
calls = []
original = _compiler.compile
def counting(p, flags=0):
    calls.append(p)
    return original(p, flags)
_compiler.compile = counting
status = cli.main(["--format", "json", sys.argv[1]])
print(len(calls), file=sys.stderr)
sys.exit(status)
"""


def counting_run(cache_dir):
    env = dict(os.environ, REPORTLINT_CACHE_DIR=str(cache_dir), PYTHONHASHSEED="random")
    result = subprocess.run([sys.executable, "-c", COUNTING_RUN, SEED], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    return result.stdout, int(result.stderr.split()[-1])


def test_a_warm_run_compiles_next_to_nothing_and_finds_the_same(cache_dir):
    cold_out, cold = counting_run(cache_dir)  # builds the pack and the grammar tables
    assert not any(cache_dir.glob(f"{compiled.NAME}-*.cache"))  # (with Lark's own patterns)
    usual_out, usual = counting_run(cache_dir)
    assert any(cache_dir.glob(f"{compiled.NAME}-*.cache"))
    warm_out, warm = counting_run(cache_dir)
    assert cold > usual > 50
    assert warm <= 3  # what the standard library compiles before reportlint starts
    assert warm_out == usual_out == cold_out and '"rule": "placeholder"' in warm_out


def test_stored_patterns_behave_as_compiled_ones(cache_dir, monkeypatch):
    counting_run(cache_dir)
    counting_run(cache_dir)
    entries = cache.load(compiled.NAME, compiled._key())
    assert isinstance(entries, dict) and len(entries) > 50
    monkeypatch.setattr(re, "_cache", {})
    assert compiled.load() == len(entries)
    samples = [(ROOT / "seeds").joinpath(name).read_text(encoding="utf-8") for name in sorted(
        os.listdir(ROOT / "seeds")) if name.endswith(".txt")]
    samples += ["一、主要工作情况", "共开展XX次，获评AAA级信用企业。", "**加粗**，1+X证书, 10:30, http://a.cn/x"]
    for (pattern, flags) in entries:
        loaded = re.compile(pattern, flags)
        assert loaded is re._cache[(str, pattern, flags)]  # taken from the cache, not compiled
        fresh = re._compiler.compile(pattern, flags) if hasattr(re, "_compiler") else re.sre_compile.compile(
            pattern, flags)
        assert (loaded.pattern, loaded.flags, loaded.groups, loaded.groupindex) == \
               (fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex)
        for text in samples:
            assert [m.span() for m in loaded.finditer(text)] == [m.span() for m in fresh.finditer(text)]


def test_a_damaged_entry_is_ignored(cache_dir, monkeypatch):
    counting_run(cache_dir)
    counting_run(cache_dir)
    (entry,) = cache_dir.glob(f"{compiled.NAME}-*.cache")
    data = entry.read_bytes()
    entry.write_bytes(data[: len(data) // 2])
    monkeypatch.setattr(re, "_cache", {})
    assert compiled.load() == 0
    out, count = counting_run(cache_dir)  # compiles as usual, and stores a good entry again
    assert count > 50 and '"rule": "placeholder"' in out
    assert counting_run(cache_dir)[1] <= 3


def test_an_entry_with_bad_code_is_ignored(cache_dir, monkeypatch):
    key = ("[ab]", 0)
    final_flags, code, groups, groupindex, indexgroup = compiled._entry(*key)
    cache.store(compiled.NAME, compiled._key(), {key: (final_flags, [99999] + code, groups, groupindex, indexgroup)})
    monkeypatch.setattr(re, "_cache", {})
    assert compiled.load() == 0
    assert [m.group() for m in re.compile("[ab]").finditer("xaybz")] == ["a", "b"]


def test_nothing_is_stored_when_caching_is_off(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTLINT_NO_CACHE", "1")
    re.compile("[甲乙]+丙")
    compiled.store()
    assert not list(tmp_path.iterdir())
