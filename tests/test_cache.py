"""The on-disk cache: what a warm run skips, and that edits and broken caches are handled."""

import os
import subprocess
import sys

import pytest

from conftest import ROOT
from lint import cache, document, packs, parser
from lint.formats import outline

DEFAULT_PACK = ROOT / "rules" / "default.yaml"


@pytest.fixture
def pack_copy(tmp_path, monkeypatch):
    """A private copy of the default pack that the test may edit."""
    copy = tmp_path / "default.yaml"
    copy.write_bytes(DEFAULT_PACK.read_bytes())
    monkeypatch.setattr(packs, "default_pack_path", lambda: str(copy))
    return copy


def placeholders(pack):
    return pack.patterns("placeholder.patterns")


def test_warm_run_does_not_import_yaml(cache_dir):
    code = ("import sys; from lint import cli; "
            "cli.main(['--format', 'json', 'seeds/000_0e4e0b6b76263e06.txt']); "
            "print('yaml' in sys.modules, file=sys.stderr)")
    env = dict(os.environ, REPORTLINT_CACHE_DIR=str(cache_dir))
    cold = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    warm = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert cold.stderr.split() == ["True"]  # read the pack, and stored it
    assert warm.stderr.split() == ["False"]
    assert warm.stdout == cold.stdout and '"rule": "placeholder"' in warm.stdout


def test_cached_pack_equals_a_fresh_one(cache_dir):
    first = packs.load()
    assert any(cache_dir.glob("default-pack*"))
    second = packs.load()  # from the cache
    assert second == first  # every list, profile, section and mapping


def test_cached_lists_are_compiled_when_first_used_and_match_as_fresh_ones(cache_dir):
    fresh = packs.load()
    cached = packs.load()
    headings = cached.profile("述职报告").sections[0].headings
    assert headings._compiled is None  # kept as texts
    heading = "一、主要工作情况"
    assert headings.search(heading).span() == fresh.profile("述职报告").sections[0].headings.search(heading).span()
    assert headings._compiled is not None
    line = "共开展XX次，获评AAA级信用企业，建立AAA群。"
    for key in ("placeholder.patterns", "placeholder.allow"):
        assert [m.span() for m in cached.matcher(key).finditer(line)] == \
               [m.span() for m in fresh.matcher(key).finditer(line)]


def test_a_user_pack_extends_the_cached_lists(cache_dir, tmp_path):
    packs.load()  # stores the default pack
    user = tmp_path / "extra.yaml"
    user.write_text("placeholder:\n  patterns: ['待填写']\n", encoding="utf-8")
    extended = packs.load([str(user)])
    assert [m.group() for m in extended.matcher("placeholder.patterns").finditer("共XX人，待填写。")] == \
           ["XX", "待填写"]
    assert [m.group() for m in packs.load().matcher("placeholder.patterns").finditer("共XX人，待填写。")] == ["XX"]


def test_two_copies_of_reportlint_sharing_a_cache_each_read_their_own_pack(cache_dir, tmp_path):
    """Two checkouts or virtual environments with different packs share a cache directory."""
    import shutil

    other = tmp_path / "other"
    shutil.copytree(ROOT / "lint", other / "lint", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", other / "rules")
    pack = other / "rules" / "default.yaml"
    pack.write_text(pack.read_text(encoding="utf-8").replace("  patterns:\n", "  patterns:\n    - '待填写'\n", 1),
                    encoding="utf-8")
    env = dict(os.environ, REPORTLINT_CACHE_DIR=str(cache_dir))
    code = "from lint import packs; print('待填写' in packs.load().patterns('placeholder.patterns'))"
    seen = [subprocess.run([sys.executable, "-c", code], cwd=where, env=env, check=True, capture_output=True,
                           text=True).stdout.split() for where in (ROOT, other, ROOT, other)]
    assert seen == [["False"], ["True"], ["False"], ["True"]]


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


def outline_of(text):
    return list(outline.lines(parser.parse(document.from_text(text))))


def test_the_grammar_is_kept_by_lark_and_an_edit_is_picked_up(cache_dir, tmp_path, monkeypatch):
    grammar = tmp_path / "report.lark"
    grammar.write_text(open(parser.GRAMMAR, encoding="utf-8").read(), encoding="utf-8")
    monkeypatch.setattr(parser, "GRAMMAR", str(grammar))
    text = "述职报告\n一、主要工作\n内容。\n"
    monkeypatch.setattr(parser, "_PARSER", None)
    first = parser.grammar_parser()
    (entry,) = cache_dir.glob("grammar*")
    stored = entry.read_bytes()
    assert outline_of(text)[0].split()[:2] == ["1", "title"]
    monkeypatch.setattr(parser, "_PARSER", None)
    assert parser.grammar_parser() is not first
    assert entry.read_bytes() == stored  # loaded, not written again
    grammar.write_text(grammar.read_text(encoding="utf-8").replace("title: TITLE", "title: TITLE -> headline"),
                       encoding="utf-8")
    monkeypatch.setattr(parser, "_PARSER", None)
    tree = parser.grammar_parser().parse((document.from_text(text), []))
    assert "headline" in {t.data for t in tree.iter_subtrees()}
    assert entry.read_bytes() != stored


def test_the_grammar_cache_follows_the_parser_options(cache_dir, monkeypatch):
    """Lark keys its cache with the options too: a parser built otherwise is not taken from it."""
    from lark import Lark

    monkeypatch.setattr(parser, "_PARSER", None)
    parser.grammar_parser()
    (entry,) = cache_dir.glob("grammar*")
    other = Lark.open(parser.GRAMMAR, parser="lalr", lexer=parser.ReportLexer, maybe_placeholders=False,
                      cache=str(entry))
    tree = other.parse((document.from_text("只有一段正文。"), []))
    assert None not in tree.children[0].children  # no placeholders: built anew, not loaded


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05\x95\xff\xff", b"\x80\x04N."])
def test_corrupt_cache_is_ignored_and_replaced(cache_dir, garbage):
    packs.load()
    (entry,) = cache_dir.glob("default-pack*")
    entry.write_bytes(garbage)
    assert "(?<![A-Za-z])[AＡ]{3,}(?![A-Za-z])" in placeholders(packs.load())
    assert entry.read_bytes() != garbage  # rewritten with a good entry
    assert cache.load("default-pack.pickle", packs.cache_key(str(DEFAULT_PACK))) is not None


def test_unwritable_cache_dir_is_not_an_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory would go")
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(blocker / "reportlint"))
    assert placeholders(packs.load())
    cache.store("probe", "key", {"value": 1})
    assert cache.load("probe", "key") is None
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
    cache.store("probe", cache.key(b"a"), [1, 2])
    assert cache.load("probe", cache.key(b"a")) == [1, 2]
    assert cache.load("probe", cache.key(b"b")) is None


def test_cache_directory_is_the_platforms_unless_named(monkeypatch, tmp_path):
    import platformdirs

    monkeypatch.delenv("REPORTLINT_CACHE_DIR", raising=False)
    monkeypatch.delenv("REPORTLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.directory() == platformdirs.user_cache_dir("reportlint", appauthor=False)
    if sys.platform.startswith("linux"):
        assert cache.directory() == os.path.join(str(tmp_path), "reportlint")
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "mine"))
    assert cache.directory() == str(tmp_path / "mine")


# --- the key: every input that can change an entry changes it ---------------------------------


def test_the_pack_key_follows_the_pack(pack_copy):
    before = packs.cache_key(str(pack_copy))
    pack_copy.write_bytes(pack_copy.read_bytes() + b"\n")
    assert packs.cache_key(str(pack_copy)) != before


def test_the_key_follows_every_file_of_reportlint(tmp_path):
    """An edit of any module (the parser's options, a rule, the pack reader) changes every key."""
    import shutil

    copy = tmp_path / "lint"
    shutil.copytree(ROOT / "lint", copy, ignore=shutil.ignore_patterns("__pycache__"))
    code = "from lint import cache; print(cache.key(b'pack'))"
    keys = []
    for module in (None, "parser.py", "packs.py", "rules/placeholder.py", "report.lark"):
        if module:
            with open(copy / module, "a", encoding="utf-8") as fh:
                fh.write("\n// edited\n" if module.endswith(".lark") else "\n# edited\n")
        keys.append(subprocess.run([sys.executable, "-c", code], cwd=tmp_path, check=True, capture_output=True,
                                   text=True).stdout.strip())
    assert len(set(keys)) == len(keys)


def test_the_key_follows_pythons_version(monkeypatch):
    before = cache.key(b"pack")
    monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    assert cache.key(b"pack") != before


def test_the_pack_key_follows_pyyamls_release(monkeypatch, tmp_path):
    import importlib.util
    from types import SimpleNamespace

    before = packs.cache_key(str(DEFAULT_PACK))
    release = tmp_path / "__init__.py"
    release.write_text("__version__ = '99.0'\n", encoding="utf-8")
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: SimpleNamespace(origin=str(release)) if name == "yaml" else real(name, *a))
    assert packs.cache_key(str(DEFAULT_PACK)) != before


def test_display_widths_come_from_the_cache_as_they_were_worked_out(cache_dir, monkeypatch):
    from lint.formats import widths

    monkeypatch.setattr(widths, "_TABLES", {})
    stored = widths._tables(2, make=True)
    assert any(cache_dir.glob("display-widths-2*"))
    monkeypatch.setattr(widths, "_TABLES", {})
    monkeypatch.setattr(widths, "block_tables", lambda ambiguous: pytest.fail("worked out again"))
    loaded = widths._block_tables(2)
    assert loaded[0] == stored[0] and loaded[1].pattern == stored[1].pattern and loaded[2] == stored[2]


# --- security: nothing another user could have written is unpickled ---------------------------


class _Planted:
    """An entry's value that runs code when unpickled (it creates ``marker``)."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return open, (self.marker, "w")


def test_an_entry_others_may_write_is_never_unpickled(cache_dir, tmp_path):
    marker = tmp_path / "pwned"
    cache.store("probe", "key", _Planted(str(marker)))
    (entry,) = cache_dir.glob("probe")
    os.chmod(entry, 0o666)  # as a shared directory would let another user write it
    assert cache.load("probe", "key") is None
    assert not marker.exists()


def test_a_directory_others_may_write_is_not_used(tmp_path, monkeypatch):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o777)
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(shared))
    monkeypatch.delenv("REPORTLINT_NO_CACHE", raising=False)
    cache.store("probe", "key", [1])
    assert cache.load("probe", "key") is None and list(shared.iterdir()) == []
    assert placeholders(packs.load())


def test_entries_are_private_files_in_a_private_directory(cache_dir):
    cache.store("probe", "key", [1, 2])
    assert cache.load("probe", "key") == [1, 2]
    assert os.stat(cache_dir).st_mode & 0o777 == 0o700
    assert [(p.name, os.stat(p).st_mode & 0o777) for p in cache_dir.iterdir()] == [("probe", 0o600)]


def test_a_planted_symlink_is_neither_followed_nor_written_through(cache_dir, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    cache.store("probe", "key", [1])
    (cache_dir / "probe").unlink()
    os.symlink(victim, cache_dir / "probe")
    for pid in range(os.getpid() - 2, os.getpid() + 3):  # the temporary names once used
        os.symlink(victim, cache_dir / f"probe.{pid}.tmp")
    assert cache.load("probe", "key") is None
    cache.store("probe", "key", [2])
    assert victim.read_text(encoding="utf-8") == "precious"
    assert cache.load("probe", "key") == [2] and not os.path.islink(cache_dir / "probe")


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_an_entry_that_is_no_regular_file_is_not_read(cache_dir, kind):
    cache_dir.mkdir(mode=0o700)
    if kind == "fifo":
        os.mkfifo(cache_dir / "probe")  # opening it for reading would wait forever
    else:
        os.symlink("/dev/zero", cache_dir / "probe")  # reading it would never end
    assert cache.load("probe", "key") is None
    cache.store("probe", "key", [3])
    assert cache.load("probe", "key") == [3]


def test_a_flipped_byte_is_caught_and_the_entry_rebuilt(cache_dir):
    first = packs.load()
    (entry,) = cache_dir.glob("default-pack*")
    data = bytearray(entry.read_bytes())
    data[len(data) // 2] ^= 0x01  # may still unpickle, with other patterns in it
    entry.write_bytes(bytes(data))
    assert packs.load() == first
    assert cache.load("default-pack.pickle", packs.cache_key(str(DEFAULT_PACK))) == first


def test_the_grammar_entry_is_kept_whatever_the_umask(cache_dir, monkeypatch):
    old = os.umask(0o002)  # a user-private group: new files are group-writable
    try:
        monkeypatch.setattr(parser, "_PARSER", None)
        parser.grammar_parser()
    finally:
        os.umask(old)
    (entry,) = cache_dir.glob("grammar*")
    assert os.stat(entry).st_mode & 0o777 == 0o600
    stored, mtime = entry.read_bytes(), os.stat(entry).st_mtime_ns
    monkeypatch.setattr(parser, "_PARSER", None)
    parser.grammar_parser()
    assert entry.read_bytes() == stored and os.stat(entry).st_mtime_ns == mtime  # loaded, not written again
