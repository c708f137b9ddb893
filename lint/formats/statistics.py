"""``--statistics``: how many findings each rule gave, most first, and the total."""

from __future__ import annotations

from collections import Counter


def render(result, options, out) -> None:
    counts = Counter((f.code, f.rule, f.severity) for f in result.findings())
    for (code, rule, severity), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        out.write(f"{n:>6}  {code}  {rule:<24} {severity}\n")
    out.write(f"{sum(counts.values()):>6}  total\n")
