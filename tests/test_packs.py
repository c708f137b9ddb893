import pytest

from lint import packs
from lint.errors import FileError


def write(tmp_path, text):
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_default_pack_profile():
    pack = packs.load()
    assert pack.profile().name == "通用" and pack.profile().sections == []
    profile = pack.profile("述职报告")
    assert profile.name == "述职报告"
    assert [s.name for s in profile.sections] == ["工作情况", "存在问题", "下一步打算"]


def default_pack_patterns():
    """(where, pattern) of every pattern of the default pack: its lists and its profiles'."""
    pack = packs.load()
    for key, matcher in pack.lists.items():
        yield from ((key, source) for source in matcher.sources)
    for name, profile in pack.profiles.items():
        for what, matcher in (("title", profile.title), ("text", profile.text)):
            yield from ((f"{name}.{what}", source) for source in matcher.sources)
        for spec in profile.sections:
            for what in ("headings", "keywords", "openings"):
                yield from ((f"{name}.{spec.name}.{what}", source) for source in getattr(spec, what).sources)


def test_every_default_pattern_is_valid_and_never_matches_nothing():
    # a user's pack has each pattern checked as it is read; the default pack is checked here
    import re

    found = list(default_pack_patterns())
    assert len(found) > 500
    for where, source in found:
        assert re.compile(source).match("") is None, (where, source)


def test_sections_are_replaced(tmp_path):
    path = write(tmp_path, "profiles:\n  述职报告:\n    sections:\n      - name: 个人简介\n        headings: ['简介']\n")
    pack = packs.load([path])
    assert [s.name for s in pack.profile("述职报告").sections] == ["个人简介"]
    assert pack.patterns("placeholder.patterns")  # the rest of the default pack is kept


@pytest.mark.parametrize("text, line, col, words", [
    ("placeholder:\n  pattern: []\n", 2, 3, "unknown key 'pattern'"),
    ("watermark:\n  lines: '素材'\n", 2, 10, "must be a list"),
    ("nonsense: 1\n", 1, 1, "unknown key 'nonsense'"),
    ("placeholder:\n  patterns:\n    - ''\n", 3, 7, "non-empty string"),
    ("placeholder:\n  patterns:\n    - 'a*'\n", 3, 7, "matches the empty string"),
    ("profiles:\n  述职报告:\n    sections:\n      - name: 甲\n", 4, 9, "needs both"),
    ("default_profile: 没有\n", 1, 18, "is not a profile"),
    ("a: [\n", 2, 1, "invalid YAML"),
    ("version: 2\n", 1, 10, "unsupported"),
])
def test_mistakes_are_located(tmp_path, text, line, col, words):
    path = write(tmp_path, text)
    with pytest.raises(FileError) as info:
        packs.load([path])
    err = info.value
    assert (err.path, err.line, err.column) == (path, line, col), str(err)
    assert words in err.message


def test_missing_pack(tmp_path):
    with pytest.raises(FileError, match="cannot read"):
        packs.load([str(tmp_path / "nope.yaml")])


def test_yaml_cannot_construct_objects(tmp_path):
    path = write(tmp_path, "placeholder:\n  patterns: !!python/object/apply:os.system ['echo hi']\n")
    with pytest.raises(FileError, match="tag"):
        packs.load([path])
