"""``--format html``: one self-contained HTML page of the findings, for reading in a browser.

Each document is shown whole with its findings highlighted in place (coloured by
severity, the message on hover or tap), after a list of its findings that jumps to
each place; counts per rule head the page, each rule's explanation (its own
documentation, as ``--explain`` prints it) comes on click, and a document that
``--fix`` would change shows the diff. Chinese first, readable on a phone.

Self-contained: the style sheet and script (``html_assets/``) are inlined and allowed
by their hashes in the page's Content-Security-Policy, which allows nothing else — no
network, no other script. Everything taken from a document is escaped.

The same pieces (:func:`file_section`, :func:`rules_section`, the assets) make the
local web page of ``reportlint serve``.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from html import escape
from importlib import resources

from ..record import Record

SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_ORDER = ("error", "warning", "info")
CONTEXT = 2  # unchanged lines shown around a finding when a long document is shortened
LONG_DOCUMENT = 400  # lines: longer documents show only the lines near their findings


def asset(name: str) -> str:
    """The text of ``html_assets/NAME`` (report.css, report.js), from the installed package."""
    return resources.files(__package__).joinpath("html_assets", name).read_text(encoding="utf-8")


class FileView(Record):
    """One document as the page shows it: its lines, findings and the ``--fix`` diff."""

    __slots__ = ("path", "doc", "findings", "diff")

    def __init__(self, path: str, doc, findings: list, diff: str = ""):
        self.path = path
        self.doc = doc  # a lint.document.Document, or None when it cannot be shown
        self.findings = findings
        self.diff = diff


def view(linter, path: str, data: bytes | None, findings: list | None = None) -> FileView:
    """The view of a document's bytes (``None``: not available, findings only); ``findings``
    are linted from ``data`` when not given. The diff is what ``--fix`` would write."""
    from .. import readers
    from ..document import DocumentError
    from ..fixes import fix_bytes, fixable, unified_diff

    if data is None:
        return FileView(path, None, findings or [])
    try:
        doc = readers.read(data, path, encoding=linter.options.encoding if linter is not None else None)
    except DocumentError as exc:
        if findings is None:
            from ..findings import read_error

            findings = [read_error(path, exc.message, exc.line, exc.column)]
        return FileView(path, None, findings)
    if findings is None:
        findings = linter.lint_document(doc)
    diff = ""
    if linter is not None and doc.fixable and any(fixable(f) for f in findings):
        result = fix_bytes(linter, data, path)
        if result.changed:
            diff = unified_diff(result.text, result.fixed_text, path)
    return FileView(path, doc, findings, diff)


def views_of_paths(linter, paths: list[str], findings: list) -> list[FileView]:
    """A view per path linted (read again from disk), in order, with the run's findings."""
    from ..readers import file_bytes

    by_path: dict[str, list] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    out = []
    for path in list(paths) + [p for p in by_path if p not in paths]:
        try:
            data = file_bytes(path)[0]  # (a regular file, bounded: lint.fileio)
        except OSError:
            data = None  # standard input, or gone since
        out.append(view(linter, path, data, by_path.get(path, [])))
    return out


# --- pieces of the page ---------------------------------------------------------------------


def _id(key: str, n: int) -> str:
    return f"f-{key}-{n}"


def finding_item(f, fid: str) -> str:
    """One entry of a findings list: position, severity, message (a link to the place), rule."""
    from ..explain import find

    entry = find(f.code)
    summary = escape(entry.summary if entry else "", quote=True)
    return (f'<li class="sev-{escape(f.severity)}" data-f="{fid}"><a class="go" href="#{fid}">'
            f'<span class="pos">{f.line}:{f.column}</span>'
            f'<span class="badge">{SEVERITY_NAMES.get(f.severity, escape(f.severity))}</span> '
            f'<span class="msg">{escape(f.message)}</span></a>'
            f'<a class="rule" href="#rule-{escape(f.code)}" title="{summary}">{escape(f.code)} {escape(f.rule)}</a>'
            "</li>")


def _line_spans(doc, findings: list, ids: list[str]) -> dict[int, list[tuple[int, int, int]]]:
    """line number → (start, end, finding index) of each finding's characters on that line."""
    spans: dict[int, list] = {}
    count = len(doc.lines)
    for i, f in enumerate(findings):
        first, last = max(1, min(f.line, count)), max(1, min(f.end_line, count))
        for number in range(first, last + 1):
            text = doc.line(number).text
            start = f.column - 1 if number == f.line else 0
            end = f.end_column - 1 if number == f.end_line else len(text)
            start, end = min(start, len(text)), min(max(end, start), len(text))
            if number != f.line and end == start:
                continue  # a span ending at the start of this line
            spans.setdefault(number, []).append((start, end, i))
    return spans


def _marked_line(text: str, spans: list, findings: list, ids: list[str]) -> str:
    """A line's text, escaped, with each finding's characters in a <mark> and an anchor where it starts."""
    cuts = sorted({0, len(text)} | {s for s, _, _ in spans} | {e for _, e, _ in spans})
    starts: dict[int, list[int]] = {}
    for s, _, i in spans:
        if findings[i].column - 1 == s:
            starts.setdefault(s, []).append(i)
    out = []

    def anchors(at: int) -> None:
        for i in starts.pop(at, []):
            out.append(f'<span class="anchor" id="{ids[i]}"></span>')
            if not any(e > s for s, e, j in spans if j == i):  # nothing to highlight: a point
                out.append(_mark(findings, [i], ids, "", " at"))

    for a, b in zip(cuts, cuts[1:]):
        anchors(a)
        covering = [i for s, e, i in spans if s <= a and b <= e and e > s]
        piece = escape(text[a:b])
        out.append(_mark(findings, covering, ids, piece) if covering else piece)
    anchors(len(text))
    for at in list(starts):
        anchors(at)
    return "".join(out)


def _mark(findings: list, which: list[int], ids: list[str], inner: str, extra: str = "") -> str:
    worst = min((findings[i].severity for i in which), key=_rank)
    title = "\n".join(f"{findings[i].code} {findings[i].rule}：{findings[i].message}" for i in which)
    return (f'<mark class="sev-{escape(worst)}{extra}" data-f="{" ".join(ids[i] for i in which)}" '
            f'title="{escape(title, quote=True)}">{inner}</mark>')


def _rank(severity: str) -> int:
    return SEVERITY_ORDER.index(severity) if severity in SEVERITY_ORDER else len(SEVERITY_ORDER)


def document_view(doc, findings: list, ids: list[str]) -> str:
    """The document's lines, numbered, findings highlighted; a long one only near its findings."""
    spans = _line_spans(doc, findings, ids)
    shown = range(1, len(doc.lines) + 1)
    if len(doc.lines) > LONG_DOCUMENT:
        near = {n for line in spans for n in range(line - CONTEXT, line + CONTEXT + 1)}
        shown = [n for n in shown if n in near]
    out = ['<div class="doc">']
    previous = 0
    for number in shown:
        if number != previous + 1:
            out.append(f'<div class="gap">⋯ {number - previous - 1} 行未显示</div>')
        previous = number
        line = doc.line(number)
        region = f' region" data-region="{escape(line.region, quote=True)}' if line.region else ""
        text = _marked_line(line.text, spans[number], findings, ids) if number in spans else escape(line.text)
        out.append(f'<div class="ln{region}"><span class="no">{number}</span><span class="tx">{text}</span></div>')
    if previous < len(doc.lines):
        out.append(f'<div class="gap">⋯ {len(doc.lines) - previous} 行未显示</div>')
    out.append("</div>")
    return "".join(out)


def diff_view(diff: str) -> str:
    rows = []
    for line in diff.splitlines():
        kind = "add" if line.startswith("+") and not line.startswith("+++") else \
            "del" if line.startswith("-") and not line.startswith("---") else \
            "hunk" if line.startswith(("@@", "---", "+++")) else ""
        rows.append(f'<span class="{kind}">{escape(line)}</span>' if kind else escape(line) + "\n")
    changed = sum(1 for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++"))
    return (f'<details class="diff"><summary>修正后的差异（<code>reportlint --fix</code> 会改动 {changed} 行）'
            f'<span class="en"> the changes --fix would make</span></summary><pre>{"".join(rows)}</pre></details>')


def file_section(v: FileView, key: str) -> str:
    """A document's section: heading with counts, findings list, the document, the diff."""
    ids = [_id(key, n) for n in range(1, len(v.findings) + 1)]
    counts = Counter(f.severity for f in v.findings)
    tally = "，".join(f"{SEVERITY_NAMES.get(s, s)} {counts[s]}" for s in SEVERITY_ORDER if counts[s])
    head = f"{len(v.findings)} 个问题（{tally}）" if v.findings else "没有发现问题"
    out = [f'<section class="card file" id="file-{key}" data-path="{escape(v.path, quote=True)}">',
           f'<h2>{escape(v.path)} <span class="en count">{head}</span></h2>']
    if v.findings:
        out.append('<ol class="findings">')
        out += [finding_item(f, fid) for f, fid in zip(v.findings, ids)]
        out.append("</ol>")
    if v.doc is not None:
        out.append(document_view(v.doc, v.findings, ids))
    elif not any(f.rule == "read-error" for f in v.findings):
        out.append('<p class="en">原文无法显示（标准输入）。 The text is not available.</p>')
    if v.diff:
        out.append(diff_view(v.diff))
    out.append("</section>")
    return "".join(out)


def counts_table(findings: list) -> str:
    counts = Counter((f.code, f.rule, f.severity) for f in findings)
    rows = "".join(
        f'<tr class="sev-{escape(sev)}"><td><a class="rule" href="#rule-{escape(code)}">{escape(code)} {escape(rule)}'
        f'</a></td><td><span class="badge">{SEVERITY_NAMES.get(sev, escape(sev))}</span></td><td class="n">{n}</td></tr>'
        for (code, rule, sev), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return ('<div class="scroll"><table class="counts"><thead><tr><th>规则 <span class="en">rule</span></th>'
            '<th>级别</th><th class="n">数量</th></tr></thead>'
            f'<tbody>{rows}</tbody><tfoot><tr><th>合计</th><th></th><th class="n">{sum(counts.values())}</th></tr>'
            "</tfoot></table></div>")


def rules_section(codes=None) -> str:
    """Each rule's explanation (code, name, severity, documentation, examples) as <details>;
    only the rules in ``codes`` when given."""
    from ..explain import catalog

    out = ['<section class="card" id="rules"><h2>规则说明 <span class="en">rules</span></h2>']
    for e in catalog():
        if codes is not None and e.code not in codes:
            continue
        kind = "可自动修正" if e.fixable else "需人工修改"
        out.append(f'<details class="rule" id="rule-{escape(e.code)}"><summary><b>{escape(e.code)} {escape(e.name)}</b>'
                   f' <span class="badge sev-{escape(e.severity)}">{SEVERITY_NAMES.get(e.severity, e.severity)}</span>'
                   f' {escape(e.summary)}</summary><pre>{escape(e.doc)}</pre><p>{kind}</p>')
        examples = [(title, e.examples.get(key) or []) for key, title in (("bad", "报告 flagged"),
                                                                         ("good", "不报告 left alone"))]
        if any(items for _, items in examples):
            out.append('<div class="examples">')
            for title, items in examples:
                body = "".join(f"<pre>{escape(item.rstrip())}</pre>" for item in items)
                out.append(f"<div><b>{title}</b>{body}</div>")
            out.append("</div>")
        out.append("</details>")
    out.append("</section>")
    return "".join(out)


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def page(views: list[FileView], summary: str) -> str:
    """The whole page: summary, counts per rule, the documents, the rules' explanations."""
    findings = [f for v in views for f in v.findings]
    css, js = asset("report.css"), asset("report.js")
    policy = f"default-src 'none'; style-src {_hash(css)}; script-src {_hash(js)}; img-src data:"
    nav = "".join(f'<li><a href="#file-{n}">{escape(v.path)}</a> <span class="en">{len(v.findings)}</span></li>'
                  for n, v in enumerate(views, 1))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>reportlint 检查报告</title>",
        f"<style>{css}</style></head><body><main>",
        '<h1>reportlint 检查报告 <span class="en">report</span></h1>',
        f'<p class="summary">{escape(summary)}</p>',
    ]
    if findings:
        parts.append(f'<section class="card"><h2>各规则问题数 <span class="en">per rule</span></h2>'
                     f"{counts_table(findings)}</section>")
    if len(views) > 1:
        parts.append(f'<nav class="card"><h2>文件 <span class="en">files</span></h2><ul class="files">{nav}</ul></nav>')
    parts += [file_section(v, str(n)) for n, v in enumerate(views, 1)]
    parts.append(rules_section({f.code for f in findings}))
    parts.append(f"</main><script>{js}</script></body></html>\n")
    return "\n".join(parts)


def render(result, options, out) -> None:
    from .text import summary

    findings = result.findings()
    views = views_of_paths(options.linter, result.checked, findings)
    out.write(page(views, summary(findings, len(result.checked), len(result.errors), zh=True)))
