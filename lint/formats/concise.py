"""``--format concise``: one line per finding, ``path:line:col: severity code [name] message``,
for editors and grep (no source lines, no summary, no colour)."""

from __future__ import annotations


def line(f) -> str:
    return f"{f.path}:{f.line}:{f.column}: {f.severity} {f.code} [{f.rule}] {f.message}"


def render(findings, out, options=None) -> None:
    for f in findings:
        out.write(line(f) + "\n")
