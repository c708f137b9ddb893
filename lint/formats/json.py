"""``--format json``: exactly one JSON array on stdout, one object per finding."""

from __future__ import annotations

import json

BATCH = 4096  # encoder pieces per write: one write per piece is slow on an unbuffered stream


def render(findings, out, options=None) -> None:
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
    chunk: list[str] = []
    for piece in encoder.iterencode([f.as_dict() for f in findings]):
        chunk.append(piece)
        if len(chunk) >= BATCH:
            out.write("".join(chunk))
            chunk.clear()
    chunk.append("\n")
    out.write("".join(chunk))
