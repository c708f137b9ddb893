"""Encodings: UTF-8, UTF-16 with BOM and plausible GB18030 are read as they are; other
bytes are decoded as charset-normalizer finds them when it is sure (Big5), and are a
read error naming its guess and --encoding when it is not."""

import json

import pytest

from cli_helpers import CLEAN_REPORT, reportlint
from lint import document

TRADITIONAL = ("某某同志述職報告\n\n一、主要工作\n\n本人認真完成任務，成效明顯。全年共開展學習十二次，參加培訓三次。\n\n"
               "二、存在的問題\n\n學習不夠深入。\n\n三、下一步打算\n\n加強理論學習。\n")


def lint_json(tmp_path, name, data, *options):
    (tmp_path / name).write_bytes(data)
    proc = reportlint("--format", "json", *options, name, cwd=tmp_path)
    return proc, json.loads(proc.stdout.decode("utf-8"))


def test_a_big5_report_is_read_as_big5_not_as_gb18030(tmp_path):
    data = TRADITIONAL.encode("big5")
    doc = document.from_bytes(data, "a.txt")
    assert doc.encoding == "big5" and doc.guessed
    assert doc.lines[0].text == "某某同志述職報告"
    proc, findings = lint_json(tmp_path, "big5.txt", data)
    # its title is its title, and its sections are found
    assert [f["rule"] for f in findings] == [], findings
    assert proc.returncode == 0


def test_big5_outline_shows_the_real_title(tmp_path):
    (tmp_path / "big5.txt").write_bytes(TRADITIONAL.encode("big5"))
    proc = reportlint("--outline", "big5.txt", cwd=tmp_path)
    assert "title    某某同志述職報告" in proc.stdout.decode("utf-8")


def test_simplified_gb18030_is_not_a_guess():
    doc = document.from_bytes(CLEAN_REPORT.encode("gb18030"), "a.txt")
    assert doc.encoding == "gb18030" and not doc.guessed
    assert doc.text == CLEAN_REPORT


def test_traditional_text_in_gb18030_still_reads_as_gb18030():
    doc = document.from_bytes(TRADITIONAL.encode("gb18030"), "a.txt")
    assert doc.text == TRADITIONAL and doc.encoding == "gb18030"


def test_an_uncertain_guess_is_a_read_error_naming_it_and_the_option(tmp_path):
    data = "Caf\xe9 r\xe9sum\xe9, na\xefve \x93quoted\x94 text in a Western code page.\n".encode("latin-1")
    proc, findings = lint_json(tmp_path, "western.txt", data)
    (f,) = findings
    assert f["rule"] == "read-error" and proc.returncode == 2
    assert "--encoding cp" in f["message"]  # the guess (a Western code page), and how to say it is right


def test_encoding_option_decodes_as_told(tmp_path):
    data = "Caf\xe9 r\xe9sum\xe9 na\xefve.\n".encode("cp1252")
    proc, findings = lint_json(tmp_path, "western.txt", data, "--encoding", "cp1252")
    assert all(f["rule"] != "read-error" for f in findings), findings
    doc = document.from_bytes(data, "a.txt", encoding="cp1252")
    assert doc.text == "Café résumé naïve.\n" and doc.encoding == "cp1252" and not doc.guessed


def test_encoding_option_names_a_wrong_encoding_at_the_bad_byte(tmp_path):
    data = "第一行\n".encode("utf-8") + "第二行".encode("gb18030")
    proc, findings = lint_json(tmp_path, "a.txt", data, "--encoding", "utf-8")
    (f,) = findings
    assert f["rule"] == "read-error" and (f["line"], f["column"]) == (2, 1) and "utf-8" in f["message"]


def test_unknown_encoding_name_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text(CLEAN_REPORT, encoding="utf-8")
    proc = reportlint("--encoding", "no-such-codec", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2 and b"no-such-codec" in proc.stderr
    proc = reportlint("--encoding", "hex", "a.txt", cwd=tmp_path)  # a codec, but not of text
    assert proc.returncode == 2


@pytest.mark.parametrize("codec", ["utf-8", "gb18030"])
def test_utf8_with_a_stray_byte_is_located_not_guessed(codec):
    text = "述职报告\n" + "全年完成各项任务。" * 20 + "\n"
    data = text.encode("utf-8") + b"\xff" + "成效明显。\n".encode("utf-8")
    with pytest.raises(document.DocumentError) as info:
        document.from_bytes(data, "a.txt")
    assert info.value.line == 3 and info.value.column == 1
