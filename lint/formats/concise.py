"""``--format concise``: one line per finding, ``path:line:col: severity code [name] message``,
for editors and grep (no source lines, no summary, no colour)."""

from __future__ import annotations

from ..printable import printable


def line(f) -> str:
    """The finding on one line; its path and message through lint.printable (a newline or an
    escape sequence in either is shown as an escape)."""
    return f"{printable(f.path)}:{f.line}:{f.column}: {f.severity} {f.code} [{f.rule}] {printable(f.message)}"


def finding(f, source: str = "", options=None) -> str:
    return line(f) + "\n"


def render(result, options, out) -> None:
    for report in result.reports:
        out.writelines(report.texts_by(finding))
