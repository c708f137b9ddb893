"""--format html: one self-contained page (read here as HTML; tests/test_browser.py opens it in Chromium)."""

import json
import re
from collections import Counter
from html import unescape
from html.parser import HTMLParser

from cli_helpers import CLEAN_REPORT, reportlint
from docx_build import plain_docx, to_bytes
from hypothesis import given
from test_properties import SETTINGS, documents

from conftest import ROOT, default_pack
from lint import engine
from lint.formats.html import SEVERITY_NAMES, file_section, view

HOSTILE = ("某某同志述职报告\n\n一、主要工作\n\n<script>window.pwned = 1</script>完成X项任务。。\n\n"
           "</textarea><img src=x onerror=\"window.pwned = 2\">“引号” & <b>粗体</b>\n\n"
           "二、存在的问题\n\n学习不够。\n\n三、下一步打算\n\n加强学习。\n")


class Page(HTMLParser):
    """Elements, attributes and text of a page, as a browser's parser sees them."""

    def __init__(self, html):
        super().__init__()
        self.tags, self.text, self.scripts = [], [], []
        self._in = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in.append(tag)

    def handle_endtag(self, tag):
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data):
        if self._in and self._in[-1] == "script":
            self.scripts.append(data)
        elif not (self._in and self._in[-1] == "style"):
            self.text.append(data)

    def all(self, tag, cls=None):
        return [a for t, a in self.tags if t == tag and (cls is None or cls in (a.get("class") or "").split())]


def html_of(*args, cwd=ROOT, status=(0, 1)):
    result = reportlint("--format", "html", *args, cwd=cwd)
    assert result.returncode in status, result.stderr
    return result.stdout.decode("utf-8")


def test_seeds_page_lists_and_marks_every_finding():
    findings = json.loads(reportlint("--format", "json", "seeds").stdout)
    page = Page(html_of("seeds"))
    items = page.all("li")
    listed = [a["data-f"] for a in items if "data-f" in a]
    assert len(listed) == len(findings) > 200
    anchors = {a["id"] for a in page.all("span", "anchor")}
    assert set(listed) == anchors  # each finding has its place in the document to jump to
    marked = {fid for a in page.all("mark") for fid in a["data-f"].split()}
    assert marked == anchors
    severities = [a["class"] for a in items if "data-f" in a]
    assert severities == [f"sev-{f['severity']}" for f in findings]
    text = "".join(page.text)
    by_level = Counter(f["severity"] for f in findings)
    assert f"发现 {len(findings)} 个问题（error {by_level['error']}，warning {by_level['warning']}）" in text
    for (code, name, severity), count in Counter((f["code"], f["rule"], f["severity"]) for f in findings).items():
        assert f"{code} {name}{SEVERITY_NAMES[severity]}{count}" in text  # a row of the counts per rule
    # each rule found has its explanation, from the rule's own documentation
    assert {a["id"] for a in page.all("details", "rule")} == {f"rule-{f['code']}" for f in findings}
    assert "Doubled Chinese punctuation (标点重复)." in text


def test_highlighted_text_is_the_finding_span():
    page_html = html_of("seeds/000_0e4e0b6b76263e06.txt")
    marks = re.findall(r'<mark class="sev-(\w+)" data-f="([^"]+)" title="[^"]*">([^<]*)</mark>', page_html)
    findings = json.loads(reportlint("--format", "json", "seeds/000_0e4e0b6b76263e06.txt").stdout)
    lines = (ROOT / "seeds/000_0e4e0b6b76263e06.txt").read_text(encoding="utf-8").split("\n")
    by_id = {fid: text for _, fid, text in marks}
    for n, f in enumerate(findings, 1):
        assert by_id[f"f-1-{n}"] == lines[f["line"] - 1][f["column"] - 1:f["end_column"] - 1]


def test_text_from_documents_is_escaped(tmp_path):
    (tmp_path / "bad.txt").write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "<i onmouseover=x>name.txt").write_text(HOSTILE, encoding="utf-8")
    html = html_of(".", cwd=tmp_path)
    page = Page(html)
    assert len(page.scripts) == 1 and "pwned" not in page.scripts[0]
    assert not page.all("img") and not page.all("textarea") and not page.all("i")
    assert "<b>粗体</b>" not in html and "&lt;b&gt;粗体&lt;/b&gt;" in html
    text = "".join(page.text)
    assert "<script>window.pwned = 1</script>完成X项任务" in text
    assert '</textarea><img src=x onerror="window.pwned = 2">“引号” & <b>粗体</b>' in text
    assert "<i onmouseover=x>name.txt" in text


def test_page_is_self_contained():
    html = html_of("seeds")
    page = Page(html)
    (policy,) = [a["content"] for a in page.all("meta") if a.get("http-equiv") == "Content-Security-Policy"]
    assert policy.startswith("default-src 'none';") and "http" not in policy
    for tag, attrs in page.tags:
        for name in ("src", "href", "action", "srcset"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), (tag, attrs)
    assert not page.all("link") and all("src" not in a for a in page.all("script"))
    assert page.all("meta") and any(a.get("name") == "viewport" for a in page.all("meta"))
    assert re.search(r'<html lang="zh-CN">', html)


def test_fix_diff_is_shown_where_fix_would_change_something(tmp_path):
    (tmp_path / "fixable.txt").write_text("某某同志述职报告\n\n全年完成任务。。坚持自已学习。\n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text(CLEAN_REPORT, encoding="utf-8")
    before = (tmp_path / "fixable.txt").read_bytes()
    page = Page(html_of(".", cwd=tmp_path))
    sections = page.all("section", "file")
    assert [a["data-path"] for a in sections] == ["fixable.txt", "ok.txt"]
    text = "".join(page.text)
    assert "-全年完成任务。。坚持自已学习。" in text and "+全年完成任务。坚持自己学习。" in text
    assert len(page.all("details", "diff")) == 1  # the clean report has none
    assert "没有发现问题" in text
    assert (tmp_path / "fixable.txt").read_bytes() == before  # nothing is written


def test_word_document_shows_its_regions_and_no_diff(tmp_path):
    d = plain_docx(["某某同志述职报告", "全年完成X项任务。。"])
    d.sections[0].footer.paragraphs[0].text = "本文由网友投稿 仅供学习"
    (tmp_path / "r.docx").write_bytes(to_bytes(d))
    page = Page(html_of("r.docx", cwd=tmp_path))
    assert [a["data-region"] for a in page.all("div", "region")] == ["页脚"]
    assert not page.all("details", "diff")
    assert "（页脚）广告残留" in "".join(page.text)


def test_unreadable_file_and_standard_input(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    page = Page(html_of("bin.txt", cwd=tmp_path, status=(2,)))
    assert "read-error" in "".join(page.text) and not page.all("div", "doc")
    result = reportlint("--format", "html", "--select", "placeholder", "-", cwd=tmp_path, stdin="报告\n完成X项。\n".encode())
    page = Page(result.stdout.decode())
    assert result.returncode == 1 and len(page.all("li", "sev-error")) == 1
    assert "原文无法显示" in "".join(page.text)


def test_long_document_shows_the_lines_near_its_findings(tmp_path):
    lines = ["某某同志述职报告"] + [f"第{n}段，全年完成各项任务。" for n in range(1, 1000)]
    lines[500] = "第五百段完成X项任务。"
    (tmp_path / "long.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    page = Page(html_of("--select", "placeholder", "long.txt", cwd=tmp_path))
    numbers = [int(t) for t in re.findall(r'<span class="no">(\d+)</span>', html_of("--select", "placeholder",
                                                                                      "long.txt", cwd=tmp_path))]
    assert numbers == [499, 500, 501, 502, 503]
    assert "⋯ 498 行未显示" in "".join(page.text)


def test_clean_run_page():
    page = Page(html_of("--select", "placeholder", "seeds/003_d21a12a428b49b8f.txt", "--ignore", "placeholder"))
    assert "没有发现问题，检查了 1 个文件。" in "".join(page.text)
    assert not page.all("details", "rule")


@SETTINGS
@given(text=documents)
def test_any_document_shows_its_own_text_with_a_place_for_each_finding(text):
    linter = engine.Linter(default_pack())
    v = view(linter, "doc.txt", text.encode("utf-8", "surrogatepass"))
    if v.doc is None:
        return  # unreadable: a read-error, shown without the text
    page = Page(file_section(v, "1"))
    rows = re.findall(r'<span class="tx">(.*?)</span></div>', file_section(v, "1"), re.S)
    assert [unescape(re.sub(r"<[^>]*>", "", row)) for row in rows] == [line.text for line in v.doc.lines]
    assert len(page.all("span", "anchor")) == len(v.findings)
    assert not [t for t, _ in page.tags if t not in {"section", "h2", "span", "ol", "li", "a", "div", "mark",
                                                     "details", "summary", "pre", "code"}]
