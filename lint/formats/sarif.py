"""``--format sarif``: a SARIF 2.1.0 log (for GitHub code scanning and other viewers).

The rule metadata comes from the rules themselves (code, name, summary, full
documentation, default level, fixable). Columns count Unicode code points
(``columnKind: unicodeCodePoints``), exactly like reportlint's own columns; regions
are 1-based with an exclusive end. A finding's fix becomes a SARIF ``fix``.
"""

from __future__ import annotations

import json
import os
from urllib.parse import quote

from .. import __version__
from ..explain import catalog
from . import write_joined

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A URI reference for a path: relative paths stay relative (to %SRCROOT%)."""
    path = path.replace(os.sep, "/")
    raw = os.fsencode(path)  # a name that is not UTF-8: its own bytes, percent-encoded
    if os.path.isabs(path):
        return "file://" + quote(raw if raw.startswith(b"/") else b"/" + raw)
    return quote(raw)


def rule_descriptor(entry) -> dict:
    return {
        "id": entry.code,
        "name": entry.name,
        "shortDescription": {"text": entry.summary},
        "fullDescription": {"text": entry.doc},
        "help": {"text": entry.doc},
        "defaultConfiguration": {"level": LEVELS[entry.severity]},
        "properties": {"fixable": entry.fixable, "tags": ["reportlint"] + (["engine"] if entry.engine else [])},
    }


def region(line: int, column: int, end_line: int, end_column: int) -> dict:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def result(f, index: dict) -> dict:
    uri = artifact_uri(f.path)
    out = {
        "ruleId": f.code,
        "level": LEVELS.get(f.severity, "warning"),
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"} if not uri.startswith("file:")
            else {"uri": uri},
            "region": region(f.line, f.column, f.end_line, f.end_column),
        }}],
    }
    if f.code in index:
        out["ruleIndex"] = index[f.code]
    if f.fix:
        fix = f.fix
        out["fixes"] = [{"description": {"text": f.message},
                         "artifactChanges": [{
                             "artifactLocation": out["locations"][0]["physicalLocation"]["artifactLocation"],
                             "replacements": [{
                                 "deletedRegion": region(fix["line"], fix["column"], fix["end_line"], fix["end_column"]),
                                 "insertedContent": {"text": fix["replacement"]},
                             }]}]}]
    return out


def log(results: list) -> dict:
    """The SARIF log of a run whose findings are ``results`` (see :func:`result`)."""
    entries = catalog()
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "reportlint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [rule_descriptor(e) for e in entries],
            }},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"%SRCROOT%": {"uri": artifact_uri(os.getcwd()).rstrip("/") + "/"}},
            "results": results,
        }],
    }


_ENCODER = json.JSONEncoder(ensure_ascii=False)  # no indent: the C encoder does the work
_INDEX: dict = {}  # rule code → its index among the log's rules


def finding(f, source: str = "", options=None) -> str:
    if not _INDEX:
        _INDEX.update((e.code, i) for i, e in enumerate(catalog()))
    return _ENCODER.encode(result(f, _INDEX))


def render(result_, options, out) -> None:
    """The log laid out with indentation, each result on a line of its own."""
    head, tail = json.dumps(log([]), ensure_ascii=False, indent=2).rsplit('"results": []', 1)
    out.write(head + '"results": [')
    separator = "\n        "
    for report in result_.reports:
        out.write(separator)
        write_joined(out, ",\n        ", report.texts_by(finding))
        separator = ",\n        "
    out.write(("]" if separator == "\n        " else "\n      ]") + tail + "\n")
