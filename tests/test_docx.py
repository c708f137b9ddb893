"""Word documents (.docx): reading order, regions, numbering, findings, safety."""

import io
import json
import subprocess
import sys
import zipfile
from collections import defaultdict

import pytest
from docx_build import (
    append_run, numbered_docx, plain_docx, rewrite_part, run_xml, seed_paragraphs, text_box, to_bytes,
    vml_watermark,
)

from conftest import ROOT, SEEDS, default_pack
from lint import cli, document, docx_reader, engine, readers
from lint.parser import parse

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def lint_docx(data, path="report.docx", **options):
    return engine.Linter(default_pack(), engine.Options(**options)).report(path, data).findings


def read_docx(data, path="report.docx"):
    return readers.read(data, path)


def report_docx(header=(), footer=(), body=None):
    """A short, clean 述职报告 with optional header and footer paragraphs."""
    d = plain_docx(body or ["述职报告", "一、主要工作", "完成了年度任务。", "二、存在的问题", "学习不够深入。",
                            "三、下一步打算", "加强学习。"])
    if header:
        d.sections[0].header.paragraphs[0].text = header[0]
        for text in header[1:]:
            d.sections[0].header.add_paragraph(text)
    if footer:
        d.sections[0].footer.paragraphs[0].text = footer[0]
        for text in footer[1:]:
            d.sections[0].footer.add_paragraph(text)
    return d


# --- seeds: .docx findings equal .txt findings ----------------------------------------------


def comparable(findings, line_of):
    by_rule = defaultdict(list)
    for f in findings:
        by_rule[f.rule].append((line_of(f.line), f.column, line_of(f.end_line), f.end_column, f.code,
                                f.severity, f.message))
    return {rule: sorted(items) for rule, items in by_rule.items()}


@pytest.mark.parametrize("build", [plain_docx, numbered_docx], ids=["typed-numbers", "word-numbering"])
@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_seed_docx_findings_equal_txt_findings(seed, build):
    text = seed.read_text(encoding="utf-8")
    paragraphs = seed_paragraphs(text)
    data = to_bytes(build([t for _, t in paragraphs]))
    doc = read_docx(data)
    # each paragraph reads back as the text line it came from, numbering included
    assert [line.text for line in doc.lines] == [t for _, t in paragraphs]
    paragraph_of = {number: index for index, (number, _) in enumerate(paragraphs, 1)}
    linter = engine.Linter(default_pack())
    from_txt = linter.lint_document(document.from_text(text, seed.name))
    from_docx = linter.report(seed.name[:-4] + ".docx", data).findings
    assert from_txt and all(f.fix is None for f in from_docx)
    assert comparable(from_docx, lambda n: n) == comparable(from_txt, paragraph_of.__getitem__)


def test_word_numbered_headings_make_the_report_structure():
    d = numbered_docx(["述职报告", "一、主要工作", "（一）抓学习", "学习了。", "（二）抓落实", "二、存在的问题",
                       "三、下一步打算"])
    doc = read_docx(to_bytes(d))
    # the typed numbers are gone from the runs: Word's numbering supplies them
    assert [p.text for p in d.paragraphs][1:3] == ["主要工作", "抓学习"]
    report = parse(doc)
    assert [(h.level, h.marker, h.text) for h in report.headings()] == [
        (1, "一、", "主要工作"), (2, "（一）", "抓学习"), (2, "（二）", "抓落实"), (1, "二、", "存在的问题"),
        (1, "三、", "下一步打算")]
    assert not lint_docx(to_bytes(d), select=["missing-section"])


def test_missing_section_sees_word_numbered_headings_only():
    d = numbered_docx(["述职报告", "一、主要工作", "完成了年度任务，成绩显著，群众满意。", "二、存在的问题",
                       "学习不够深入。"])
    findings = lint_docx(to_bytes(d), select=["missing-section"])
    assert [(f.line, f.message.split("：")[0]) for f in findings] == [(1, "缺少「下一步打算」部分")]


# --- regions: headers, footers, watermarks, tables, text boxes --------------------------------


def test_header_watermark_and_footer_advert_are_findings_naming_their_region():
    d = report_docx(header=["某市发展和改革委员会"], footer=["酷乐文行", "酷乐文行整理，咨询QQ206157060"])
    append_run(d.sections[0].header.paragraphs[0], vml_watermark("仅供学习 禁止外传"))
    data = to_bytes(d)
    doc = read_docx(data)
    assert [(line.number, line.region, line.text) for line in doc.lines[7:]] == [
        (8, "页眉", "某市发展和改革委员会"), (9, "页眉", "仅供学习 禁止外传"),
        (10, "页脚", "酷乐文行"), (11, "页脚", "酷乐文行整理，咨询QQ206157060")]
    assert doc.extra["watermark_lines"] == {9}
    findings = lint_docx(data)
    assert [(f.line, f.column, f.end_column, f.rule, f.message) for f in findings] == [
        (9, 1, 10, "watermark", "（页眉）水印残留：「仅供学习 禁止外传」"),
        (11, 1, 21, "watermark", "（页脚）广告残留：「酷乐文行整理，咨询QQ206157060」"),
    ]
    assert all(f.fix is None for f in findings)  # a .docx is never rewritten
    # 酷乐文行 alone is left: a short line without a keyword in a header or footer may be the unit's name


def test_header_and_footer_are_never_title_or_structure():
    d = report_docx(header=["2023年度述职报告汇编"], footer=["一、内部资料"])
    report = parse(read_docx(to_bytes(d)))
    assert report.title.text == "述职报告" and report.title.line == 1
    assert [h.line for h in report.headings()] == [2, 4, 6]
    assert max(p.line for p in report.paragraphs()) == 7
    assert not lint_docx(to_bytes(d))  # ordinary header and footer text is not debris


def test_watermark_shape_text_without_keyword_is_flagged_but_body_wordart_is_not():
    d = report_docx(header=[""])
    append_run(d.sections[0].header.paragraphs[0], vml_watermark("哒哒文库"))
    append_run(d.paragraphs[2], vml_watermark("奋斗"))
    findings = lint_docx(to_bytes(d))
    assert [(f.line, f.message) for f in findings] == [(10, "（页眉）水印残留：「哒哒文库」")]


def test_drawingml_text_box_in_a_header_is_header_text():
    d = report_docx(header=["某市统计局"])
    append_run(d.sections[0].header.paragraphs[0], text_box("本文由网友投稿 仅供学习"))
    doc = read_docx(to_bytes(d))
    assert [(line.region, line.text) for line in doc.lines[7:]] == [("页眉", "某市统计局"), ("页眉", "本文由网友投稿 仅供学习")]
    assert [(f.line, f.message) for f in lint_docx(to_bytes(d))] == [(9, "（页眉）广告残留：「本文由网友投稿 仅供学习」")]


def test_each_header_part_is_read_once_in_section_order():
    d = report_docx(header=["甲单位"])
    d.add_section()  # linked to the previous header: no new part
    third = d.add_section()
    third.header.is_linked_to_previous = False
    third.header.paragraphs[0].text = "乙单位"
    third.footer.is_linked_to_previous = False
    third.footer.paragraphs[0].text = "第二部分"
    doc = read_docx(to_bytes(d))
    assert [(line.region, line.text) for line in doc.lines if line.region] == [
        ("页眉", "甲单位"), ("页眉", "乙单位"), ("页脚", "第二部分")]


def test_table_cell_placeholder_is_found_at_its_paragraph_and_column():
    d = report_docx()
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "项目"
    table.cell(0, 1).text = "一、完成情况"
    table.cell(1, 0).text = "中心组学习"
    table.cell(1, 1).text = "共开展学习X次，配备X光机两台"
    d.add_paragraph("以上是我的述职。")
    doc = read_docx(to_bytes(d))
    assert [(line.number, line.region, line.text) for line in doc.lines[7:]] == [
        (8, "表格", "项目"), (9, "表格", "一、完成情况"), (10, "表格", "中心组学习"),
        (11, "表格", "共开展学习X次，配备X光机两台"), (12, "", "以上是我的述职。")]
    report = parse(doc)  # a cell is a paragraph of its section, never a heading
    assert [h.line for h in report.headings()] == [2, 4, 6]
    assert [p.line for p in next(report.walk()).paragraphs] == [3]
    assert [p.line for s in report.walk() for p in s.paragraphs][-6:] == [7, 8, 9, 10, 11, 12]
    findings = lint_docx(to_bytes(d))
    assert [(f.line, f.column, f.end_column, f.message) for f in findings] == [
        (11, 6, 7, "（表格）未填写的占位符「X」")]


def test_merged_and_nested_table_cells_are_read_once():
    d = report_docx()
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "合并单元格"
    inner = table.cell(1, 0).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "内层表格"
    table.cell(1, 1).text = "右下"
    texts = [line.text for line in read_docx(to_bytes(d)).lines if line.region == "表格"]
    assert texts.count("合并单元格") == 1 and texts.count("内层表格") == 1 and "右下" in texts


def test_text_box_is_read_once_after_its_anchor_paragraph():
    d = report_docx()
    append_run(d.paragraphs[2], text_box("【哒哒素材库】——每天更新材料1000多篇"))
    doc = read_docx(to_bytes(d))
    assert [(line.number, line.region, line.text) for line in doc.lines[2:4]] == [
        (3, "", "完成了年度任务。"), (4, "文本框", "【哒哒素材库】——每天更新材料1000多篇")]
    assert len(doc.lines) == 8  # the VML fallback copy is not read again
    findings = lint_docx(to_bytes(d))
    assert [(f.line, f.message) for f in findings] == [(4, "（文本框）广告残留：「【哒哒素材库】——每天更新材料1000多篇」")]


def test_run_content_tabs_links_revisions_and_fields():
    d = report_docx()
    p = d.paragraphs[2]
    append_run(p, run_xml("<w:tab/><w:t>见</w:t><w:br/><w:t>附件</w:t>"))
    append_run(p, '<w:del xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:id="1" '
                  'w:author="a"><w:r><w:delText>删掉的XX</w:delText></w:r></w:del>')
    for inner in ('<w:fldChar w:fldCharType="begin"/>', "<w:instrText> PAGE XX </w:instrText>",
                  '<w:fldChar w:fldCharType="separate"/>', "<w:t>3</w:t>", '<w:fldChar w:fldCharType="end"/>'):
        append_run(p, run_xml(inner))
    assert read_docx(to_bytes(d)).lines[2].text == "完成了年度任务。\t见 附件3"


def test_spaces_in_runs_of_their_own_are_kept():
    d = report_docx()
    p = d.paragraphs[2]
    for text in (" ", "见", "\u3000", "附件  "):
        p.add_run(text)
    assert read_docx(to_bytes(d)).lines[2].text == "完成了年度任务。 见\u3000附件  "


# --- reading safely -------------------------------------------------------------------------


def assert_one_read_error(findings, fragment):
    assert [(f.rule, f.code, f.line) for f in findings] == [("read-error", "RL001", 1)]
    assert fragment in findings[0].message


def test_damaged_docx_is_one_read_error():
    data = to_bytes(report_docx())
    assert_one_read_error(lint_docx(data[: len(data) // 2]), "damaged .docx")


def test_text_file_renamed_docx_is_one_read_error():
    assert_one_read_error(lint_docx("述职报告\n一、主要工作\n".encode()), "not a zip archive")


def test_encrypted_and_legacy_word_files_are_read_errors():
    ole = docx_reader.OLE_SIGNATURE + bytes(504)
    assert_one_read_error(lint_docx(ole + "EncryptedPackage".encode("utf-16-le")), "encrypted")
    assert_one_read_error(lint_docx(ole + "WordDocument".encode("utf-16-le")), "legacy .doc")


def test_zip_that_is_not_a_word_document_is_a_read_error():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("hello.txt", "述职报告")
    assert_one_read_error(lint_docx(out.getvalue()), "damaged .docx")


def test_zip_bomb_is_refused_by_its_declared_size():
    data = to_bytes(report_docx())
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        with dst.open("word/media/bomb.xml", "w") as bomb:
            block = b"\0" * (1024 * 1024)
            for _ in range(docx_reader.MAX_MEMBER_SIZE // len(block) + 1):
                bomb.write(block)
    assert len(out.getvalue()) < 1024 * 1024  # small on disk, over the limit unpacked
    assert_one_read_error(lint_docx(out.getvalue()), "zip bomb")


def test_sizes_understated_in_the_zip_directory_are_caught():
    data = to_bytes(report_docx())
    # claim 10 bytes for every member: the declared sizes pass the limits, the content does not match
    patched = bytearray(data)
    start = 0
    while (start := patched.find(b"PK\x01\x02", start)) != -1:
        patched[start + 24: start + 28] = (10).to_bytes(4, "little")
        start += 4
    findings = lint_docx(bytes(patched))
    assert_one_read_error(findings, "damaged .docx: part [Content_Types].xml")


def test_external_entities_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT", encoding="utf-8")
    d = report_docx()
    d.paragraphs[2].text = "ENTITY-HERE"
    data = to_bytes(d)

    def inject(xml):
        head, sep, rest = xml.partition("?>")
        dtd = (f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">'
               '<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
               '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>')
        return head + sep + dtd + rest.replace("ENTITY-HERE", "A&xxe;B&lol3;C")

    doc = read_docx(rewrite_part(data, "word/document.xml", inject))
    text = "\n".join(line.text for line in doc.lines)
    assert "SECRET" not in text and "lol" not in text
    assert doc.lines[0].text == "述职报告" and doc.lines[2].text.startswith("A")


# --- command line ---------------------------------------------------------------------------


def run_cli(args, capsys):
    status = cli.main(args)
    out, err = capsys.readouterr()
    return status, out, err


def test_directories_recurse_into_docx_and_bad_files_do_not_stop_the_run(tmp_path, capsys):
    (tmp_path / "good.docx").write_bytes(to_bytes(report_docx(footer=["咨询QQ206157060"])))
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "~$good.docx").write_bytes(b"\0lock file")  # Word's owner file: skipped
    (tmp_path / "notes.txt").write_text("述职报告\n一、主要工作\n共X次。\n", encoding="utf-8")
    status, out, err = run_cli(["--format", "json", str(tmp_path)], capsys)
    findings = json.loads(out)
    assert status == 2 and "Traceback" not in err
    by_file = defaultdict(list)
    for f in findings:
        by_file[f["path"].rsplit("/", 1)[-1]].append((f["rule"], f["line"]))
    assert by_file["broken.docx"] == [("read-error", 1)]
    assert by_file["good.docx"] == [("watermark", 8)]  # the paragraph number
    assert ("placeholder", 3) in by_file["notes.txt"]
    assert "~$good.docx" not in by_file


def test_outline_of_a_word_numbered_docx(tmp_path, capsys):
    path = tmp_path / "report.docx"
    path.write_bytes(to_bytes(numbered_docx(["工作述职报告", "一、主要工作", "（一）抓学习", "学了。"])))
    status, out, _ = run_cli(["--outline", str(path)], capsys)
    assert status == 0
    assert "    1  title    工作述职报告" in out
    assert "    2  L1  一、 主要工作" in out and "    3  L2    （一） 抓学习" in out


def test_standard_input_named_docx(capsys, monkeypatch):
    data = to_bytes(report_docx(header=["仅供学习"]))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    status, out, _ = run_cli(["--format", "json", "--stdin-filename", "x.docx", "-"], capsys)
    assert status == 1 and [(f["path"], f["line"], f["rule"]) for f in json.loads(out)] == [("x.docx", 8, "watermark")]


def test_fix_refusal_helper():
    assert docx_reader.fix_refusal("a/b/Report.DOCX") == docx_reader.CANNOT_FIX
    assert docx_reader.fix_refusal("a.txt") is None and docx_reader.fix_refusal("a.md") is None
    assert not read_docx(to_bytes(report_docx())).fixable and document.from_text("x").fixable


def test_text_files_do_not_import_the_word_reader():
    code = ("import sys; from lint import engine, packs; "
            f"engine.Linter(packs.load()).report({str(SEED_FILES[0])!r}); "
            "print(sorted(m for m in ('docx', 'lxml', 'lint.docx_reader') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_python_docx_parser_does_not_resolve_entities():
    from docx.oxml.parser import oxml_parser
    from lxml import etree

    parsed = etree.fromstring(b'<!DOCTYPE r [<!ENTITY e "EXPANDED">]><r>A&e;B</r>', oxml_parser)
    # the reference stays a reference: the text the reader takes is only what is written
    assert (parsed.text, parsed[0].tail) == ("A", "B") and isinstance(parsed[0], etree._Entity)
