"""``--format json``: exactly one JSON array on stdout, one object per finding, one per line."""

from __future__ import annotations

import json

from . import write_joined

_ENCODER = json.JSONEncoder(ensure_ascii=False)  # no indent: the C encoder does the work


def finding(f, source: str = "", options=None) -> str:
    return _ENCODER.encode(f.as_dict())


def render(result, options, out) -> None:
    out.write("[")
    separator = "\n  "
    for report in result.reports:
        out.write(separator)
        write_joined(out, ",\n  ", report.texts_by(finding))
        separator = ",\n  "
    out.write("]\n" if separator == "\n  " else "\n]\n")
