"""--annotate: findings as Word comments (批注), read back with python-docx and the package's XML."""

import io
import json
import re
import struct
import subprocess
import zipfile
import zlib

import docx
import pytest
from cli_helpers import CLEAN_REPORT, reportlint
from docx_build import append_run, numbered_docx, plain_docx, run_xml, seed_paragraphs, text_box, to_bytes
from lxml import etree

from conftest import SEEDS, need_program
from lint import readers

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
# the parts an annotated copy may change; every other part stays byte for byte
CHANGED = {"word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"}


def w(tag):
    return f"{{{W}}}{tag}"


def comments_of(data):
    """[(anchored text, comment text, author)] in the order of the comments' ids."""
    d = docx.Document(io.BytesIO(data))
    texts = {c.comment_id: (c.text, c.author) for c in d.comments}
    open_ranges, anchored = {}, {}
    for el in d.element.body.iter():
        if el.tag == w("commentRangeStart"):
            open_ranges[int(el.get(w("id")))] = []
        elif el.tag == w("commentRangeEnd"):
            anchored[int(el.get(w("id")))] = "".join(open_ranges.pop(int(el.get(w("id")))))
        elif el.tag == w("t"):
            for parts in open_ranges.values():
                parts.append(el.text or "")
    assert not open_ranges and set(anchored) == set(texts)
    return [(anchored[i], *texts[i]) for i in sorted(texts)]


def json_findings(path, cwd):
    result = reportlint("--format", "json", path, cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def annotate(path, out, cwd, *options):
    result = reportlint("--annotate", out, path, *options, cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    return (cwd / out).read_bytes()


def seed_docx(seed, build):
    return to_bytes(build([t for _, t in seed_paragraphs(seed.read_text(encoding="utf-8"))]))


# --- the comments match the findings ---------------------------------------------------------


@pytest.mark.parametrize("build", [plain_docx, numbered_docx], ids=["typed-numbers", "word-numbering"])
def test_seed_docx_comments_match_the_json_findings_one_to_one(tmp_path, build):
    total = 0
    seeds_findings = json_findings(SEEDS, SEEDS)  # every finding of the seeds, as text files
    for seed in SEED_FILES:
        source = tmp_path / (seed.stem + ".docx")
        source.write_bytes(seed_docx(seed, build))
        original = source.read_bytes()
        findings = json_findings(source.name, tmp_path)
        comments = comments_of(annotate(source.name, "out.docx", tmp_path))
        lines = readers.read_file(str(source)).lines
        numbers = [p.text for p in docx.Document(str(source)).paragraphs]
        assert len(comments) == len(findings) > 0
        for f, (anchor, text, author) in zip(findings, comments):
            line_text = lines[f["line"] - 1].text
            own = numbers[f["line"] - 1]  # the paragraph's text without Word's number
            prefix = len(line_text) - len(own)
            expected = line_text[max(f["column"] - 1, prefix): f["end_column"] - 1] or own
            assert (anchor, author) == (expected, "reportlint")
            assert text.split("\n")[:2] == [f["message"], f"{f['code']} {f['rule']}（"
                                            + {"error": "错误", "warning": "警告"}[f["severity"]] + "）"]
        assert source.read_bytes() == original  # the original is never written
        total += len(findings)
    assert total == len(seeds_findings) > 200  # a .docx seed has the findings of its text


def test_placeholder_across_formatted_runs_splits_them_and_keeps_their_formatting(tmp_path):
    d = plain_docx(["某某同志述职报告", "一、主要工作"])
    p = d.add_paragraph()
    p.add_run("本人在X")
    bold = p.add_run("X局工作，")
    bold.bold = True
    italic = p.add_run("带领全局")
    italic.italic = True
    p.add_run("XX名干部。")
    for text in ("二、存在的问题", "学习不够深入。", "三、下一步打算", "加强理论学习。"):
        d.add_paragraph(text)
    (tmp_path / "r.docx").write_bytes(to_bytes(d))
    data = annotate("r.docx", "out.docx", tmp_path)
    assert [(a, t.split("\n")[0]) for a, t, _ in comments_of(data)] == [
        ("XX", "未填写的占位符「XX」"), ("XX", "未填写的占位符「XX」")]
    runs = docx.Document(io.BytesIO(data)).paragraphs[2].runs
    assert [(r.text, bool(r.bold), bool(r.italic)) for r in runs if r.text] == [
        ("本人在", False, False), ("X", False, False), ("X", True, False), ("局工作，", True, False),
        ("带领全局", False, True), ("XX", False, False), ("名干部。", False, False)]


def strip_comment_marks(root):
    """Remove comment ranges and the runs that hold comment references."""
    for el in list(root.iter(w("commentRangeStart"), w("commentRangeEnd"))):
        el.getparent().remove(el)
    for ref in list(root.iter(w("commentReference"))):
        run = ref.getparent()
        run.getparent().remove(run)


def merge_split_runs(root):
    """Join neighbouring runs with the same attributes and properties (what splitting undid)."""
    def key(run):
        rpr = run.find(w("rPr"))
        return dict(run.attrib), etree.tostring(rpr) if rpr is not None else b""

    for parent in list(root.iter()):
        previous = None
        for child in list(parent):
            if child.tag == w("r") and previous is not None and key(previous) == key(child):
                for item in [c for c in child if c.tag != w("rPr")]:
                    last = previous[-1]
                    if item.tag == w("t") and last.tag == w("t"):
                        last.text = (last.text or "") + (item.text or "")
                    else:
                        previous.append(item)
                parent.remove(child)
            else:
                previous = child if child.tag == w("r") else None
    for t in root.iter(w("t")):
        t.attrib.pop("{http://www.w3.org/XML/1998/namespace}space", None)


def normalized(xml):
    root = etree.fromstring(xml)
    strip_comment_marks(root)
    merge_split_runs(root)
    return etree.tostring(root, method="c14n")


def test_every_other_part_is_the_same_bytes_and_the_body_differs_only_by_comments(tmp_path):
    d = numbered_docx([t for _, t in seed_paragraphs(SEED_FILES[4].read_text(encoding="utf-8"))])
    d.sections[0].header.paragraphs[0].text = "某市发展和改革委员会"
    d.sections[0].footer.paragraphs[0].text = "第 1 页"
    d.add_picture(io.BytesIO(PNG), width=docx.shared.Cm(1))
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "共开展学习X次"
    (tmp_path / "r.docx").write_bytes(to_bytes(d))
    out = annotate("r.docx", "out.docx", tmp_path)
    with zipfile.ZipFile(tmp_path / "r.docx") as a, zipfile.ZipFile(io.BytesIO(out)) as b:
        assert a.namelist() == b.namelist()[:len(a.namelist())]
        assert set(b.namelist()) - set(a.namelist()) == {"word/comments.xml"}
        same = [n for n in a.namelist() if n not in CHANGED]
        assert any(n.startswith("word/media/") for n in same) and "word/styles.xml" in same
        assert {"word/numbering.xml", "word/header1.xml", "word/footer1.xml"} <= set(same)
        assert [n for n in same if a.read(n) != b.read(n)] == []
        assert [n for n in same if a.getinfo(n).compress_type != b.getinfo(n).compress_type] == []
        before, after = a.read("word/document.xml"), b.read("word/document.xml")
        assert before != after and normalized(before) == normalized(after)
    assert len(comments_of(out)) == len(json_findings("r.docx", tmp_path)) > 150


def png_1x1():
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


PNG = png_1x1()


# --- comments moved off their place ---------------------------------------------------------


def test_header_footer_text_box_and_table_findings(tmp_path):
    d = plain_docx(["某某同志述职报告", "一、主要工作", "完成了年度任务。", "二、存在的问题", "学习不够深入。",
                    "三、下一步打算", "加强学习。"])
    d.sections[0].header.paragraphs[0].text = "本文由网友投稿 仅供学习"
    d.sections[0].footer.paragraphs[0].text = "第XX页"
    append_run(d.paragraphs[2], text_box("欢迎加入“哒哒素材库svip会员”，9000万篇材料任意下载，咨询QQ206157060"))
    d.add_table(rows=1, cols=1).cell(0, 0).text = "共开展学习X次"
    (tmp_path / "r.docx").write_bytes(to_bytes(d))
    findings = json_findings("r.docx", tmp_path)
    comments = comments_of(annotate("r.docx", "out.docx", tmp_path))
    assert [f["message"] for f in findings] == [
        "（文本框）广告残留：「欢迎加入“哒哒素材库svip会员”，9000万…」", "（表格）未填写的占位符「X」",
        "（页眉）广告残留：「本文由网友投稿 仅供学习」", "（页脚）未填写的占位符「XX」"]
    assert [(anchor, text.split("\n")[:2]) for anchor, text, _ in comments] == [
        # a text box: on the paragraph that anchors it, quoting the text the message cuts short
        ("完成了年度任务。", [findings[0]["message"], "原文：「欢迎加入“哒哒素材库svip会员”，9000万篇材料任意下载，咨询QQ20615…」"]),
        ("X", [findings[1]["message"], "RL101 placeholder（错误）"]),  # a table cell is body text
        ("某某同志述职报告", [findings[2]["message"], "RL103 watermark（错误）"]),  # header: first paragraph
        ("共开展学习X次", [findings[3]["message"], "RL101 placeholder（错误）"]),  # footer: last paragraph with text
    ]


def test_heading_number_from_word_numbering_is_commented_on_the_heading_text(tmp_path):
    d = numbered_docx(["某某同志述职报告", "一、主要工作", "完成了年度任务。", "三、存在的问题", "学习不够深入。",
                       "四、下一步打算", "加强学习。"])
    (tmp_path / "r.docx").write_bytes(to_bytes(d))
    findings = json_findings("r.docx", tmp_path)
    assert [(f["rule"], f["line"], f["column"], f["end_column"]) for f in findings] == [
        ("heading-numbering", 4, 1, 8)]  # 三、存在的问题, whose 三、 only Word draws
    assert [a for a, _, _ in comments_of(annotate("r.docx", "out.docx", tmp_path))] == ["存在的问题"]


def test_comments_already_in_the_document_are_kept(tmp_path):
    d = plain_docx(["某某同志述职报告", "全年完成X项任务。"])
    d.add_comment(d.paragraphs[0].runs, text="标题再斟酌", author="王科长", initials="WK")
    (tmp_path / "r.docx").write_bytes(to_bytes(d))
    comments = comments_of(annotate("r.docx", "out.docx", tmp_path))
    assert comments[0] == ("某某同志述职报告", "标题再斟酌", "王科长")
    assert [(a, author) for a, _, author in comments[1:]] == [
        ("某某同志述职报告", "reportlint"), ("某某同志述职报告", "reportlint"), ("某某同志述职报告", "reportlint"),
        ("X", "reportlint")]


def test_links_tracked_insertions_and_spaces_split_cleanly(tmp_path):
    d = plain_docx(["某某同志述职报告", ""])
    p = d.paragraphs[1]
    append_run(p, run_xml('<w:t xml:space="preserve">见 XX </w:t><w:tab/><w:t>附件</w:t>'))
    append_run(p, f'<w:ins xmlns:w="{W}" w:id="9" w:author="a"><w:r><w:t>插入的XX文字</w:t></w:r></w:ins>')
    (tmp_path / "r.docx").write_bytes(to_bytes(d))
    before = readers.read_file(str(tmp_path / "r.docx")).lines[1].text
    out = annotate("r.docx", "out.docx", tmp_path, "--select", "placeholder")
    assert [a for a, _, _ in comments_of(out)] == ["XX", "XX"]
    (tmp_path / "out2.docx").write_bytes(out)
    assert readers.read_file(str(tmp_path / "out2.docx")).lines[1].text == before == "见 XX \t附件插入的XX文字"


# --- plain text and Markdown ----------------------------------------------------------------


def test_text_report_becomes_a_docx_with_a_comment_per_finding_and_the_fix(tmp_path):
    text = ("某某同志述职报告\n\n一、主要工作\n\n全年完成X项任务，坚持自已学习。。\n\n二、存在的问题\n\n学习不够。\n\n"
            "三、下一步打算\n\n加强学习。\n")
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    findings = json_findings("r.txt", tmp_path)
    out = annotate("r.txt", "r.docx", tmp_path)
    d = docx.Document(io.BytesIO(out))
    assert [p.text for p in d.paragraphs] == text.split("\n")[:-1]  # one paragraph per line
    comments = comments_of(out)
    assert [(a, t.split("\n")) for a, t, _ in comments] == [
        ("X", [findings[0]["message"], "RL101 placeholder（错误）"]),
        ("自已", [findings[1]["message"], "RL303 common-typo（警告）", "建议：将「自已」改为「自己」"]),
        ("。。", [findings[2]["message"], "RL102 duplicate-punctuation（警告）", "建议：将「。。」改为「。」"]),
    ]
    assert (tmp_path / "r.txt").read_text(encoding="utf-8") == text


def test_markdown_and_advert_lines(tmp_path):
    text = "# 某某同志述职报告\n\n【哒哒素材库】——每天更新材料1000多篇\n\n全年完成**XX**项任务。\n"
    (tmp_path / "r.md").write_text(text, encoding="utf-8")
    comments = comments_of(annotate("r.md", "r.docx", tmp_path, "--select", "placeholder,watermark"))
    assert [(a, t.split("\n")[-1]) for a, t, _ in comments] == [
        ("【哒哒素材库】——每天更新材料1000多篇", "建议：删除这一行"), ("XX", "RL101 placeholder（错误）")]


def test_empty_document_gets_its_one_comment(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    comments = comments_of(annotate("empty.txt", "e.docx", tmp_path))
    assert [(a, t.split("\n")[0]) for a, t, _ in comments] == [("", "文档为空：没有标题，也没有正文")]
    d = plain_docx([])
    (tmp_path / "empty.docx").write_bytes(to_bytes(d))
    comments = comments_of(annotate("empty.docx", "e2.docx", tmp_path))
    assert [t.split("\n")[0] for _, t, _ in comments] == ["文档为空：没有标题，也没有正文"]


def test_clean_report_gets_no_comment_and_exit_status_zero(tmp_path):
    (tmp_path / "ok.txt").write_text(CLEAN_REPORT, encoding="utf-8")
    result = reportlint("--annotate", "ok.docx", "ok.txt", cwd=tmp_path)
    assert result.returncode == 0 and comments_of((tmp_path / "ok.docx").read_bytes()) == []
    assert "ok.docx" in result.stderr.decode()


# --- the command line -----------------------------------------------------------------------


def test_annotate_dir_writes_one_copy_per_document(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for seed in SEED_FILES[:2]:
        (src / seed.name).write_bytes(seed.read_bytes())
    (src / "w.docx").write_bytes(seed_docx(SEED_FILES[2], plain_docx))
    (tmp_path / "out").mkdir()
    result = reportlint("--annotate-dir", "out", "--format", "json", "src", cwd=tmp_path)
    assert result.returncode == 1
    findings = json.loads(result.stdout)
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == sorted([SEED_FILES[0].stem + ".docx", SEED_FILES[1].stem + ".docx", "w.docx"])
    for name in written:
        source = next(p for p in src.iterdir() if p.stem == name[:-5])
        count = sum(1 for f in findings if f["path"] == f"src/{source.name}")
        assert len(comments_of((tmp_path / "out" / name).read_bytes())) == count > 0


@pytest.mark.parametrize("args, message", [
    (["--annotate", "out.docx", "a.txt", "b.txt"], "--annotate writes one document and 2 were given"),
    (["--annotate", "out.docx", "--fix", "a.txt"], "cannot be combined with --fix"),
    (["--annotate-dir", "missing", "a.txt"], "--annotate-dir: missing: not a directory"),
    (["--annotate", "a.docx", "--annotate-dir", ".", "a.txt"], "not both"),
])
def test_usage_errors(tmp_path, args, message):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(CLEAN_REPORT, encoding="utf-8")
    result = reportlint(*args, cwd=tmp_path)
    assert result.returncode == 2 and message in result.stderr.decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def test_never_overwrites_the_document_itself(tmp_path):
    (tmp_path / "r.docx").write_bytes(seed_docx(SEED_FILES[0], plain_docx))
    before = (tmp_path / "r.docx").read_bytes()
    result = reportlint("--annotate-dir", ".", "r.docx", cwd=tmp_path)
    assert result.returncode == 2 and "refusing to overwrite" in result.stderr.decode()
    assert (tmp_path / "r.docx").read_bytes() == before


def test_unreadable_document_is_a_read_error_and_nothing_is_written(tmp_path):
    (tmp_path / "bad.docx").write_bytes(b"PK\x03\x04 not really a zip")
    result = reportlint("--annotate", "out.docx", "bad.docx", cwd=tmp_path)
    assert result.returncode == 2 and "read-error" in result.stdout.decode()
    assert not (tmp_path / "out.docx").exists()


def test_standard_input(tmp_path):
    result = reportlint("--annotate", "out.docx", "--stdin-filename", "r.txt", "-", cwd=tmp_path,
                        stdin="某某同志述职报告\n全年完成X项任务。\n".encode())
    assert result.returncode == 1
    assert ("X", "reportlint") in [(a, author) for a, _, author in comments_of((tmp_path / "out.docx").read_bytes())]


def test_split_documents_read_back_to_the_same_findings(tmp_path):
    """Annotating again finds the same things: the copy's text is the original's."""
    (tmp_path / "r.docx").write_bytes(seed_docx(SEED_FILES[1], numbered_docx))
    annotate("r.docx", "out.docx", tmp_path)
    again = json_findings("out.docx", tmp_path)
    first = json_findings("r.docx", tmp_path)
    assert [{**f, "path": ""} for f in again] == [{**f, "path": ""} for f in first]


def test_copy_of_comment_marks_helpers_detect_a_changed_body():
    """The normalisation used above does not hide a real change of text."""
    xml = (f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>甲</w:t></w:r><w:r><w:t>乙</w:t></w:r>'
           "</w:p></w:body></w:document>").encode()
    changed = xml.replace("乙".encode(), "丙".encode())
    bold = xml.replace(b"<w:r><w:t>\xe4\xb9\x99", b"<w:r><w:rPr><w:b/></w:rPr><w:t>\xe4\xb9\x99")
    assert normalized(xml) != normalized(changed) and normalized(xml) != normalized(bold)
    assert normalized(xml) == normalized(xml.replace(b"</w:t></w:r><w:r><w:t>", b""))


# --- LibreOffice ----------------------------------------------------------------------------


def pdf_notes(data):
    """The texts of a PDF's text annotations (LibreOffice exports comments as such)."""
    notes = []
    for obj in data.split(b"endobj"):
        if re.search(rb"/Subtype\s*/Text\b", obj):
            m = re.search(rb"/Contents\s*<([0-9A-Fa-f]*)>", obj)
            assert m, obj[:200]
            notes.append(bytes.fromhex(m.group(1).decode()).decode("utf-16"))
    return notes


def test_annotated_seeds_convert_in_libreoffice_with_every_comment(tmp_path):
    soffice = need_program("soffice", "libreoffice-writer-nogui")
    src, out, pdf = tmp_path / "src", tmp_path / "out", tmp_path / "pdf"
    for directory in (src, out):
        directory.mkdir()
    for seed in SEED_FILES:
        (src / (seed.stem + ".docx")).write_bytes(seed_docx(seed, numbered_docx))
    assert reportlint("--annotate-dir", "out", "src", cwd=tmp_path).returncode == 1
    export = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
    done = subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                           "--norestore", "--convert-to", export, "--outdir", str(pdf),
                           *sorted(str(p) for p in out.iterdir())],
                          capture_output=True, timeout=240)
    assert done.returncode == 0, done.stderr
    for path in sorted(out.iterdir()):
        expected = [text for _, text, _ in comments_of(path.read_bytes())]
        notes = pdf_notes((pdf / (path.stem + ".pdf")).read_bytes())
        assert len(notes) == len(expected) > 0
        assert sorted(n.replace("\r", "\n").strip() for n in notes) == sorted(expected)
