"""``--format json``: exactly one JSON array on stdout, one object per finding."""

from __future__ import annotations

import json


def render(findings, out, options=None) -> None:
    # Written one finding at a time (the same bytes as json.dump(list, indent=2)), so a
    # file with a million findings does not need a second copy of them all in memory.
    if not findings:
        out.write("[]\n")
        return
    for i, f in enumerate(findings):
        item = json.dumps(f.as_dict(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        out.write(("[\n  " if i == 0 else ",\n  ") + item)
    out.write("\n]\n")
