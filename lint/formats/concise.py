"""``--format concise``: one line per finding, ``path:line:col: severity code [name] message``,
for editors and grep (no source lines, no summary, no colour)."""

from __future__ import annotations


def line(f) -> str:
    return f"{f.path}:{f.line}:{f.column}: {f.severity} {f.code} [{f.rule}] {f.message}"


def finding(f, source: str = "", options=None) -> str:
    return line(f) + "\n"


def render(result, options, out) -> None:
    for report in result.reports:
        out.write("".join(report.texts if report.texts is not None else map(finding, report.findings)))
