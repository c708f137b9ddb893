"""The on-disk cache: what a warm run skips, and that edits and broken caches are handled."""

import os
import subprocess
import sys

import pytest

from conftest import ROOT
from lint import cache, lalr, packs, parser

DEFAULT_PACK = ROOT / "rules" / "default.yaml"


@pytest.fixture
def pack_copy(tmp_path, monkeypatch):
    """A private copy of the default pack that the test may edit."""
    copy = tmp_path / "default.yaml"
    copy.write_bytes(DEFAULT_PACK.read_bytes())
    monkeypatch.setattr(packs, "default_pack_path", lambda: str(copy))
    return copy


def placeholders(pack):
    return [p.pattern for p in pack.patterns("placeholder.patterns")]


def test_warm_run_imports_neither_yaml_nor_lark(cache_dir):
    code = ("import sys; from lint import cli; "
            "cli.main(['--format', 'json', 'seeds/000_0e4e0b6b76263e06.txt']); "
            "print('yaml' in sys.modules, 'lark' in sys.modules, file=sys.stderr)")
    env = dict(os.environ, REPORTLINT_CACHE_DIR=str(cache_dir))
    cold = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    warm = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert cold.stderr.split() == ["True", "True"]  # built the pack and the tables, and stored them
    assert warm.stderr.split() == ["False", "False"]
    assert warm.stdout == cold.stdout and '"rule": "placeholder"' in warm.stdout


def test_cached_pack_equals_a_fresh_one(cache_dir):
    first = packs.load()
    assert any(cache_dir.glob("default-pack-*.cache"))
    second = packs.load()  # from the cache
    assert placeholders(second) == placeholders(first)
    assert {k: [p.pattern for p in v] for k, v in second.lists.items()} == \
           {k: [p.pattern for p in v] for k, v in first.lists.items()}
    assert [(s.name, [h.pattern for h in s.headings]) for s in second.profile().sections] == \
           [(s.name, [h.pattern for h in s.headings]) for s in first.profile().sections]


def test_cached_patterns_compile_when_first_used_and_match_as_compiled_ones(cache_dir):
    fresh = packs.load()
    cached = packs.load()
    stored = cached.profile("述职报告").sections[0].headings[0]
    assert isinstance(stored, packs.StoredPattern) and stored._compiled is None
    heading = "一、主要工作情况"
    assert stored.search(heading).span() == fresh.profile("述职报告").sections[0].headings[0].search(heading).span()
    assert stored._compiled is not None
    line = "共开展XX次，获评AAA级信用企业，建立AAA群。"
    for key in ("placeholder.patterns", "placeholder.allow"):
        assert [m.span() for m in cached.combined(key).finditer(line)] == \
               [m.span() for m in fresh.combined(key).finditer(line)]


def test_a_user_pack_extends_the_cached_alternations(cache_dir, tmp_path):
    packs.load()  # stores the default pack with its alternations worked out
    cached = packs.load()
    assert cached.alternations["placeholder.patterns"] == cached.combined("placeholder.patterns").pattern
    user = tmp_path / "extra.yaml"
    user.write_text("placeholder:\n  patterns: ['待填写']\n", encoding="utf-8")
    extended = packs.load([str(user)])
    assert "placeholder.patterns" not in extended.alternations
    assert [m.group() for m in extended.combined("placeholder.patterns").finditer("共XX人，待填写。")] == \
           ["XX", "待填写"]
    assert [m.group() for m in packs.load().combined("placeholder.patterns").finditer("共XX人，待填写。")] == ["XX"]


def test_two_copies_of_reportlint_keep_their_own_entries(cache_dir, tmp_path):
    """Two checkouts or virtual environments sharing a cache do not replace each other's entries."""
    import shutil

    other = tmp_path / "other"
    shutil.copytree(ROOT / "lint", other / "lint")
    shutil.copytree(ROOT / "rules", other / "rules")
    env = dict(os.environ, REPORTLINT_CACHE_DIR=str(cache_dir))
    code = "from lint import packs; packs.load()"
    for where in (ROOT, other, ROOT):
        subprocess.run([sys.executable, "-c", code], cwd=where, env=env, check=True)
    assert len(list(cache_dir.glob("default-pack-*.cache"))) == 2


def test_editing_the_pack_is_picked_up(cache_dir, pack_copy):
    assert "待填写" not in placeholders(packs.load())
    text = pack_copy.read_text(encoding="utf-8")
    pack_copy.write_text(text.replace("  patterns:\n", "  patterns:\n    - '待填写'\n", 1), encoding="utf-8")
    assert "待填写" in placeholders(packs.load())


def test_user_packs_do_not_leak_into_the_cached_default(cache_dir, tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("placeholder:\n  patterns: ['待填写']\n", encoding="utf-8")
    assert "待填写" in placeholders(packs.load([str(extra)]))
    assert "待填写" not in placeholders(packs.load())


def test_editing_the_grammar_is_picked_up(cache_dir, tmp_path, monkeypatch):
    grammar = tmp_path / "report.lark"
    grammar.write_text(open(parser.GRAMMAR, encoding="utf-8").read(), encoding="utf-8")
    monkeypatch.setattr(parser, "GRAMMAR", str(grammar))
    monkeypatch.setattr(parser, "_PARSER", None)
    builds = []

    def build():
        builds.append(1)
        return parser.grammar_parser(strict=True)

    names = lambda tables: {rule[0] for rule in tables["rules"]}  # noqa: E731
    assert "headline" not in names(lalr.tables(str(grammar), build))
    lalr.tables(str(grammar), build)
    assert len(builds) == 1  # the second call came from the cache
    grammar.write_text(grammar.read_text(encoding="utf-8").replace("title: TITLE", "title: TITLE -> headline"),
                       encoding="utf-8")
    assert "headline" in names(lalr.tables(str(grammar), build))
    assert len(builds) == 2


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05\x95\xff\xff", b"\x80\x04N."])
def test_corrupt_cache_is_ignored_and_replaced(cache_dir, garbage):
    packs.load()
    (entry,) = cache_dir.glob("default-pack-*.cache")
    entry.write_bytes(garbage)
    assert "(?<![A-Za-z])[AＡ]{3,}(?![A-Za-z])" in placeholders(packs.load())
    assert entry.read_bytes() != garbage  # rewritten with a good entry
    assert cache.load("default-pack", packs.cache_key(str(DEFAULT_PACK))) is not None


def test_unwritable_cache_dir_is_not_an_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory would go")
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(blocker / "reportlint"))
    assert placeholders(packs.load())
    cache.store("probe", ("key",), {"value": 1})
    assert cache.load("probe", ("key",)) is None
    assert not list(tmp_path.glob("**/*.tmp"))
    result = subprocess.run([sys.executable, "-m", "lint", "seeds/000_0e4e0b6b76263e06.txt"], cwd=ROOT,
                            env=dict(os.environ, REPORTLINT_CACHE_DIR=str(blocker / "reportlint")),
                            capture_output=True, text=True)
    assert result.returncode == 1 and "RL101" in result.stdout and result.stderr == ""


def test_no_cache_setting_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("REPORTLINT_NO_CACHE", "1")
    assert placeholders(packs.load())
    assert not (tmp_path / "c").exists()


def test_key_mismatch_is_a_miss(cache_dir):
    cache.store("probe", ("a",), [1, 2])
    assert cache.load("probe", ("a",)) == [1, 2]
    assert cache.load("probe", ("b",)) is None


def test_cache_directory_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("REPORTLINT_CACHE_DIR", raising=False)
    monkeypatch.delenv("REPORTLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.directory() == os.path.join(str(tmp_path), "reportlint")
