"""``--format json``: exactly one JSON array on stdout, one object per finding."""

from __future__ import annotations

import json

BATCH = 4096  # findings per write: one write per piece is slow on an unbuffered stream


def render(findings, out, options=None) -> None:
    # Encoded one finding at a time (the same bytes as json.dump(list, indent=2)), so a
    # file with a million findings does not need a second copy of them all in memory.
    if not findings:
        out.write("[]\n")
        return
    chunk: list[str] = []
    for i, f in enumerate(findings):
        item = json.dumps(f.as_dict(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        chunk.append(("[\n  " if i == 0 else ",\n  ") + item)
        if len(chunk) >= BATCH:
            out.write("".join(chunk))
            chunk.clear()
    chunk.append("\n]\n")
    out.write("".join(chunk))
