"""``--format json``: exactly one JSON array on stdout, one object per finding."""

from __future__ import annotations

import json


def render(findings, out, options=None) -> None:
    json.dump([f.as_dict() for f in findings], out, ensure_ascii=False, indent=2)
    out.write("\n")
