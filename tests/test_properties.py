"""Property tests: whatever text or bytes come in, linting returns findings that point
inside the document, and every output format stays valid."""

import functools
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import jsonschema

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import default_pack
from lint import document, engine
from lint import formats
from lint.engine import file_report
from lint.findings import Result
from lint.formats import FORMATS

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces real and broken reports are made of, so generated documents reach the parser's
# and the rules' interesting paths and not only random noise.
FRAGMENTS = [
    "述职报告", "工作总结", "一、", "二、", "十九、", "一百、", "（三）", "(四)", "（十一）", "1.", "12、",
    "（9）", "(99)", "1.2", "一是", "二是", "，三是", "主要工作", "存在的问题", "下一步打算", "XX", "××",
    "ＸＸ", "*", "**", "AAA", "X射线", "。。", "，，", "？！", "##paidbegin##", "【素材库】", "QQ 123456",
    "# ", "## 标题 ##", "> ", "- ", "```", "`代码`", "](链接)", "[文字", "<!--", "-->", "__", " ",
    "\u3000", "\t", "\r\n", "\r", "\n", "\n\n", "\x0c", "\u2028", "\x85", "\ufeff", "\u0301", "😀", "a",
]
documents = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=40).map("".join)
# Lines long enough to expose anything quadratic, still quick to lint.
long_lines = st.builds(lambda unit, n, tail: unit * n + tail,
                       st.sampled_from(["X", " ", "。。", "**a ", "](", "<!--", "一、", "QQ ", "\t", "a", "a1", "汉,",
                                        "(汉", "汉)", "1,", "“", "（"]),
                       st.integers(1000, 20_000), st.sampled_from(["", "\n", "!", "XX"]))


def linter():
    return engine.Linter(default_pack())


def check_positions(doc, findings):
    for f in findings:
        assert 1 <= f.line <= len(doc.lines), f
        assert 1 <= f.end_line <= len(doc.lines) + 1, f
        assert (f.end_line, f.end_column) >= (f.line, f.column), f
        assert 1 <= f.column <= len(doc.lines[f.line - 1].text) + 1, f
        if f.end_line <= len(doc.lines):
            assert 1 <= f.end_column <= len(doc.lines[f.end_line - 1].text) + 1, f
        else:
            assert f.end_column == 1, f
        if f.fix:
            assert (f.fix["end_line"], f.fix["end_column"]) >= (f.fix["line"], f.fix["column"]), f


def check_read_error(findings):
    assert [f.rule for f in findings] == ["read-error"]
    assert findings[0].line >= 1 and findings[0].column >= 1


# Each output format and how to tell its output is valid. A new format adds one entry.
def valid_json(text):
    data = json.loads(text)
    assert isinstance(data, list)
    return len(data)


def valid_text(text):
    assert text.endswith("\n")
    return text.count("\n")


def valid_lines(pattern):
    def check(text):
        for line in text.split("\n")[:-1]:  # one line per finding, each ended by "\n"
            assert re.fullmatch(pattern, line, re.S), line
        return text.count("\n")
    return check


def valid_junit(text):
    return len(ET.fromstring(text.encode("utf-8")).findall(".//failure"))


@functools.lru_cache(maxsize=None)
def sarif_validator():
    schema = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def valid_sarif(text):
    log = json.loads(text)
    sarif_validator().validate(log)
    return len(log["runs"][0]["results"])


def valid_html(text):
    from html.parser import HTMLParser

    tags = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.append((tag, dict(attrs)))

    Tags().feed(text)
    assert text.startswith("<!DOCTYPE html>") and text.endswith("</html>\n")
    assert [t for t, _ in tags].count("script") == 1
    return sum(1 for t, a in tags if t == "li" and "data-f" in a)


VALIDATORS = {
    "json": valid_json,
    "text": valid_text,
    "concise": valid_lines(r"[^\n]+:\d+:\d+: (error|warning|info) RL\d{3} \[[a-z-]+\] [^\n]*"),
    "github": valid_lines(r"::(error|warning|notice) file=[^,:]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,"
                          r"title=RL\d{3} [a-z-]+::[^\r\n]*"),
    "junit": valid_junit,
    "sarif": valid_sarif,
    "html": valid_html,
}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_has_a_validator(fmt):
    assert fmt in VALIDATORS, f"add a validity check for --format {fmt} to VALIDATORS"


def render_all(findings, doc):
    """Every format renders the findings (of ``doc``, or of an unreadable doc.txt when None) validly."""
    path = "doc.txt" if doc is None else doc.path
    for fmt in FORMATS:
        options = formats.Options(fmt)
        result = Result([file_report(path, findings, formats.finding_renderer(options), doc)], [path])
        out = io.StringIO()
        formats.write(result, options, out)
        VALIDATORS[fmt](out.getvalue())
        if fmt == "json":
            assert len(json.loads(out.getvalue())) == len(findings)


@pytest.mark.parametrize("suffix", [".txt", ".md"])
@SETTINGS
@given(text=documents)
def test_any_text_lints_inside_the_document(suffix, text):
    doc = document.from_text(text, "doc" + suffix)
    findings = linter().lint_document(doc)
    check_positions(doc, findings)
    render_all(findings, doc)


@SETTINGS
@given(text=st.text(max_size=300))
def test_all_of_unicode(text):
    doc = document.from_text(text, "doc.txt")
    findings = linter().lint_document(doc)
    check_positions(doc, findings)
    render_all(findings, doc)


@settings(max_examples=15, deadline=None)
@given(text=long_lines, suffix=st.sampled_from([".txt", ".md"]))
def test_long_lines(text, suffix):
    doc = document.from_text(text, "doc" + suffix)
    findings = linter().lint_document(doc)
    check_positions(doc, findings)
    render_all(findings, doc)


@SETTINGS
@given(data=st.one_of(st.binary(max_size=400), documents.map(lambda t: t.encode("utf-8", "surrogatepass")),
                      documents.map(lambda t: t.encode("gb18030", "replace")),
                      documents.map(lambda t: t.encode("utf-16")),
                      # lone surrogates, as a broken UTF-8 encoder writes them
                      documents.map(lambda t: (t + "\ud800" + t[:3] + "\udfff").encode("utf-8", "surrogatepass"))))
def test_any_bytes(data):
    findings = linter().report("doc.txt", data).findings
    try:
        doc = document.from_bytes(data, "doc.txt")
    except document.DocumentError:
        check_read_error(findings)
        doc = None
    else:
        doc.text.encode("utf-8")  # whatever was decoded is real text: no surrogates survive
        check_positions(doc, findings)
    render_all(findings, doc)


@SETTINGS
@given(text=documents)
def test_lines_keep_every_character(text):
    doc = document.from_text(text, "doc.md")
    assert "".join(line.text + line.ending for line in doc.lines) == text
    for line in doc.lines:
        assert len(line.view) == len(line.text)


# The Markdown scanners in lint.document find exactly what these regular expressions
# (the earlier implementation) find, without their quadratic cost on long lines.
MARKUP = st.text(st.sampled_from(list("*_`]()<!->#[ \ta字")), max_size=40)
OLD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")


@settings(max_examples=300, deadline=None)
@given(line=MARKUP)
def test_markdown_scanners_match_the_regexes(line):
    assert [(s, e) for s, e, _ in document._emphasis(line)] == [m.span() for m in OLD_EMPHASIS.finditer(line)]
    assert [mark for _, _, mark in document._emphasis(line)] == \
        [2 if m.group(1) else 1 for m in OLD_EMPHASIS.finditer(line)]
    assert list(document._comments(line)) == [m.span() for m in re.finditer(r"<!--.*?-->", line)]
    assert list(document._links(line)) == [m.span() for m in re.finditer(r"\]\([^)\s]*\)", line)]
    closing = re.search(r"[ \t]+#+[ \t]*$", line)
    assert document._closing_hashes(line) == (closing.start() if closing else None)


# Suppression comments are looked up through an index; it decides as walking them does.
directive = st.builds(lambda line, kind, rules: (line, kind, frozenset(rules)), st.integers(1, 8),
                      st.sampled_from(["disable", "enable", "disable-next-line", "disable-line"]),
                      st.sets(st.sampled_from(["placeholder", "watermark"]), min_size=1))


@settings(max_examples=300, deadline=None)
@given(marks=st.lists(directive, max_size=8), finding=st.tuples(st.integers(1, 9),
                                                                st.sampled_from(["placeholder", "watermark"])))
def test_comment_index_decides_as_the_walk_does(marks, finding):
    from lint.suppress import CommentIndex, Directive, Suppressor

    def build():
        return [Directive(line, 1, 2, kind, rules) for line, kind, rules in sorted(marks, key=lambda m: m[0])]

    f = SimpleNamespace(line=finding[0], rule=finding[1])
    walked, indexed = build(), build()
    assert Suppressor._by_comment(walked, f) == CommentIndex(indexed).silences(f)
    assert [d.used for d in walked] == [d.used for d in indexed]


@settings(max_examples=300, deadline=None)
@given(line=st.text(st.sampled_from(list("#>*+-_~`1.)<!]([ \ta字") + ["\u3000"]), max_size=20))
def test_markdown_view_keeps_columns_and_plain_lines(line):
    view, fence = document.markdown_view(line)
    assert len(view) == len(line)
    if not re.search(r"[#>*+\-_~`\d<\]]", line):
        assert view is line and fence is None
