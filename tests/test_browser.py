"""The --format html page in Chromium, as a person would read it (on a desktop and on a phone)."""

import json

import pytest
from cli_helpers import reportlint
from test_html import HOSTILE

from lint.explain import find

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory):
    """``reportlint --format html seeds/ > report.html``, and the JSON findings of the same run."""
    result = reportlint("--format", "html", "seeds/")
    assert result.returncode == 1, result.stderr
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_bytes(result.stdout)
    return path, json.loads(reportlint("--format", "json", "seeds/").stdout)


def test_seeds_report_opens_without_errors_and_shows_every_finding(page, seeds_report, artefacts):
    path, findings = seeds_report
    page.goto(path.as_uri())
    assert page.title() == "reportlint 检查报告"
    listed = page.locator("ol.findings > li")
    assert listed.count() == len(findings) > 200
    # every finding is highlighted in its document, and the highlight can be seen
    shown = page.evaluate("""() => {
        const ids = new Set();
        for (const m of document.querySelectorAll('mark[data-f]')) {
            const r = m.getBoundingClientRect();
            if (r.width > 0 && r.height > 0) m.dataset.f.split(' ').forEach(id => ids.add(id));
        }
        return ids.size; }""")
    assert shown == len(findings)
    colours = page.evaluate("""() => ['error', 'warning'].map(s =>
        getComputedStyle(document.querySelector('mark.sev-' + s)).backgroundColor)""")
    assert len(set(colours)) == 2  # colour by severity
    assert page.locator("table.counts tbody tr").count() == len({f["code"] for f in findings})
    assert page.locator("table.counts tfoot").inner_text().split() == ["合计", str(len(findings))]
    page.screenshot(path=str(artefacts / "html-report.png"))
    assert page.problems == []


def test_a_finding_jumps_to_its_place_and_a_rule_explains_itself(page, seeds_report):
    path, findings = seeds_report
    page.goto(path.as_uri())
    last = page.locator("ol.findings > li").nth(len(findings) - 1)
    fid = last.get_attribute("data-f")
    last.locator("a.go").click()
    mark = page.locator(f'mark[data-f~="{fid}"]').first
    page.locator(f'mark.flash[data-f~="{fid}"]').first.wait_for()  # (a locator: no string evaluation)
    assert mark.evaluate("m => { const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
    assert f"「{mark.inner_text()}」" in findings[-1]["message"]  # the last finding's own characters
    rule = page.locator("table.counts a.rule", has_text="RL102 duplicate-punctuation")
    rule.click()
    details = page.locator("details#rule-RL102")
    assert details.evaluate("d => d.open") and "Doubled Chinese punctuation (标点重复)." in details.inner_text()
    first = page.locator("ol.findings a.rule").first
    code = first.inner_text().split()[0]
    assert first.get_attribute("title") == find(code).summary  # the rule's summary, on hover
    assert page.problems == []


def test_document_text_is_shown_as_text(page, tmp_path):
    (tmp_path / "r.txt").write_text(HOSTILE, encoding="utf-8")
    result = reportlint("--format", "html", "r.txt", cwd=tmp_path)
    (tmp_path / "report.html").write_bytes(result.stdout)
    page.goto((tmp_path / "report.html").as_uri())
    text = page.locator("div.doc").inner_text()
    assert "<script>window.pwned = 1</script>完成X项任务。。" in text
    assert '</textarea><img src=x onerror="window.pwned = 2">“引号” & <b>粗体</b>' in text
    assert page.evaluate("() => window.pwned") is None
    assert page.locator("div.doc img, div.doc textarea, div.doc script, div.doc b").count() == 0
    assert page.problems == []


def test_readable_on_a_phone(browser, seeds_report, artefacts):
    path, _ = seeds_report
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    try:
        tab = context.new_page()
        tab.goto(path.as_uri())
        assert tab.evaluate("() => document.documentElement.scrollWidth <= innerWidth")  # no sideways scrolling
        size = tab.evaluate("() => parseFloat(getComputedStyle(document.querySelector('div.doc')).fontSize)")
        assert size >= 14
        mark = tab.locator("mark[data-f]").nth(1)
        mark.scroll_into_view_if_needed()
        mark.tap()
        bar = tab.locator("#rl-bar")
        assert "未填写的占位符「XX」" in bar.inner_text() and bar.is_visible()
        tab.screenshot(path=str(artefacts / "html-report-phone.png"))
        bar.locator("button.close").tap()
        assert tab.locator("#rl-bar").count() == 0
    finally:
        context.close()
