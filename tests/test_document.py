import codecs

import pytest

from conftest import seed
from lint import document, engine, packs


def test_utf8_lf():
    doc = document.from_bytes("第一行\n第二行\n".encode("utf-8"), "a.txt")
    assert [l.text for l in doc.lines] == ["第一行", "第二行"]
    assert doc.encoding == "utf-8" and doc.bom == b""


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_line_ends_are_kept_and_counted(ending):
    text = ending.join(["标题", "", "正文XX。"]) + ending
    doc = document.from_text(text, "a.txt")
    assert [l.text for l in doc.lines[:3]] == ["标题", "", "正文XX。"]
    assert doc.lines[0].ending == ending
    assert "".join(l.text + l.ending for l in doc.lines) == text
    assert doc.offset_of(3, 3) == text.index("XX")


def test_utf8_bom_crlf_positions():
    data = codecs.BOM_UTF8 + "述职报告\r\n\r\n建立《区XX规则》。\r\n".encode("utf-8")
    doc = document.from_bytes(data, "a.txt")
    assert doc.bom == codecs.BOM_UTF8 and doc.encoding == "utf-8"
    assert doc.lines[2].text == "建立《区XX规则》。"


def test_utf16_with_bom():
    for codec, bom in (("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)):
        doc = document.from_bytes(bom + "述职报告\n正文".encode(codec), "a.txt")
        assert [l.text for l in doc.lines] == ["述职报告", "正文"]
        assert doc.encoding == codec


def test_gb18030():
    doc = document.from_bytes("述职报告\n建立《区XX规则》。\n".encode("gb18030"), "a.txt")
    assert doc.encoding == "gb18030"
    assert doc.lines[1].text == "建立《区XX规则》。"


def test_undecodable_bytes_are_located():
    data = "第一行\n第二行".encode("utf-8") + b"\n\xff\xff\xff\x81"
    with pytest.raises(document.DocumentError) as info:
        document.from_bytes(data, "a.txt")
    assert info.value.line == 3 and "cannot decode" in info.value.message


def test_binary_is_refused():
    with pytest.raises(document.DocumentError, match="binary"):
        document.from_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "a.txt")


def test_empty_file():
    doc = document.from_bytes(b"", "a.txt")
    assert len(doc.lines) == 1 and doc.lines[0].text == ""


def test_markdown_view_keeps_columns():
    view, _ = document.markdown_view("## 一、**主要**工作 `code` <!-- c -->")
    assert len(view) == len("## 一、**主要**工作 `code` <!-- c -->")
    assert view.strip().startswith("一、") and "*" not in view and "code" not in view


def test_markdown_fenced_code_is_not_text():
    doc = document.from_text("# 报告\n```\nXX *次\n```\n正文\n", "a.md")
    assert doc.lines[2].view.strip() == ""
    assert doc.lines[4].view == "正文"


@pytest.mark.parametrize("encoding, bom, newline", [
    ("gb18030", b"", "\n"),
    ("utf-8", codecs.BOM_UTF8, "\r\n"),
    ("utf-16-le", codecs.BOM_UTF16_LE, "\r\n"),
])
def test_seed_findings_survive_reencoding(encoding, bom, newline):
    """The same findings, at the same lines and columns, whatever the encoding and line ends."""
    text = seed("001").read_text(encoding="utf-8")
    linter = engine.Linter(packs.load())
    expected = [(f.rule, f.line, f.column, f.end_column) for f in linter.report("x.txt", text.encode("utf-8")).findings]
    data = bom + text.replace("\n", newline).encode(encoding)
    got = [(f.rule, f.line, f.column, f.end_column) for f in linter.report("x.txt", data).findings]
    assert got == expected and len(got) == 34  # 25 debris + 8 half-width marks + 1 typo
