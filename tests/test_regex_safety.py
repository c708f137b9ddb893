"""Patterns from a user's rule pack cannot stall a run (lint/regex.py)."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import lint_text
from lint import packs
from lint.errors import FileError
from lint.regex import PatternError, Re2Pattern, compile_pattern, to_re2

re2 = pytest.importorskip("re2")


def write_pack(tmp_path, patterns):
    lines = "".join(f"    - '{p}'\n" for p in patterns)
    path = tmp_path / "mine.yaml"
    path.write_text("placeholder:\n  patterns:\n" + lines, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("redos, hostile", [
    (r"(a+)+$", "a" * 50_000 + "!"),
    (r"(b+b+)+y", "b" * 50_000 + "!"),
    (r"(a|a)*b", "a" * 50_000),
    (r"\s*\s*\s*y", " " * 50_000 + "!"),
    (r"(\w+\s?)+$", "ab " * 20_000 + "!"),
])
def test_known_redos_patterns_run_on_the_linear_engine(tmp_path, redos, hostile):
    # On Python's re each of these takes exponential (or cubic) time on ``hostile``.
    pack = packs.load([write_pack(tmp_path, [redos])])
    assert [linear for source, _text, linear in pack.lists["placeholder.patterns"].items if source == redos] == [True]
    pattern = compile_pattern(redos)
    assert isinstance(pattern, Re2Pattern) and pattern.search(hostile) is None
    findings = lint_text("述职报告\n" + hostile + "\n", select=["placeholder"], pack=pack)
    assert [f for f in findings if f.line == 2] == []


@pytest.mark.parametrize("text, words", [
    (r"某某(?=同志)", "lookarounds"),
    (r"(?<![A-Za-z])X{1,20}", "lookarounds"),
    (r"(a)\1", "backreferences"),
    (r"(?P<q>x)(?P=q)", "backreferences"),
    (r"\bXX\b", r"\b"),
    (r"X++", "possessive repeats"),
    (r"(?>XX)", "atomic groups"),
])
def test_what_re2_cannot_run_is_refused_with_its_position(tmp_path, text, words):
    path = write_pack(tmp_path, ["某某", text])
    with pytest.raises(FileError) as info:
        packs.load([path])
    err = info.value
    assert (err.path, err.line, err.column) == (path, 4, 7)
    assert words in err.message and repr(text) in err.message


def test_ascii_mode_keeps_word_boundaries():
    pattern = compile_pattern(r"(?a)\bQQ\d+\b")
    assert isinstance(pattern, Re2Pattern)
    assert [m.group() for m in pattern.finditer("QQ123 xQQ4 QQ5")] == ["QQ123", "QQ5"]


def test_default_pack_is_trusted_and_keeps_python_semantics():
    pack = packs.load()
    assert not any(linear for _source, _text, linear in pack.lists["placeholder.patterns"].items)
    # The same pattern in a user's pack would be refused: it needs lookarounds.
    with pytest.raises(PatternError):
        compile_pattern(pack.patterns("placeholder.patterns")[0])


def test_user_pattern_merges_with_default_patterns(tmp_path):
    pack = packs.load([write_pack(tmp_path, [r"某某\d*号"])])
    matcher = pack.matcher("placeholder.patterns")
    assert {linear for _source, _text, linear in matcher.items} == {True, False}
    text = "述职报告\n某某3号楼共XX人，某某号。\n"
    spans = [(f.column, f.end_column) for f in lint_text(text, select=["placeholder"], pack=pack)]
    assert spans == [(1, 5), (7, 9), (11, 14)]
    assert lint_text("述职报告\n某某同志。\n", select=["placeholder"], pack=pack) == []


# Python's meaning of classes in a str pattern is kept when a pattern moves to RE2:
# \d, \w, \s cover all of Unicode there, not ASCII only.
TRANSLATED = [r"\d+", r"\w+", r"\s+", r"\S+", r"\W", r"\D{2}", r"[\d\s]+", r"(?i)qq\s*群", r"[^\d]+?x",
              r"X{2,}|Ｘ+", r"(a|bc)*d", r"^\s*第.{1,3}条", r"群$", r"(?P<n>号)\d?", r"(?a)\w+", r"[a-f\]\-]",
              r"[\u7fa4\u53f7]\x41?", r"[]a]+", r"[^]a]", r"a{,2}", r"(?a)\bq\w*", r"(?i:Q)q", r"[\D]"]
# Patterns only ever see one line: documents are split on \n, \r\n and \r, so no line
# holds a line break (where Python's "$" would also match before a final "\n" and RE2's not).
ALPHABET = st.sampled_from(list("aAbcdxXqQ群号第条Ｘ1２٣ \t\u3000\u00a0_-]é\u0301·") + ["\U0001d7d8", "Ⅻ", "ǅ"])


@pytest.mark.parametrize("pattern", TRANSLATED)
@settings(max_examples=60, deadline=None)
@given(text=st.text(ALPHABET, max_size=30))
def test_translation_matches_what_python_matches(pattern, text):
    ours = compile_pattern(pattern)
    assert isinstance(ours, Re2Pattern), to_re2(pattern)
    theirs = re.compile(pattern)
    assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)]


def test_nested_globs_run_on_the_linear_engine():
    from lint.globs import compile_glob

    glob = compile_glob("**/**/**/**/**/x")  # five nested ".*": polynomial on re
    assert isinstance(glob, Re2Pattern)
    assert glob.fullmatch("a/" * 3000 + "y") is None
    assert glob.fullmatch("a/b/x") and compile_glob("docs/*.md").fullmatch("docs/a.md")
    assert not compile_glob("docs/*.md").fullmatch("docs/a/b.md")
