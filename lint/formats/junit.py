"""``--format junit``: JUnit XML for CI test reports.

One ``testcase`` per linted file (named after the path; a clean file is a passing
test), one ``failure`` per finding in it, or an ``error`` for a file that could not
be read. Text that XML 1.0 cannot hold (control characters) is replaced.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from ..findings import READ_ERROR
from ..printable import printable
from .concise import line as concise_line

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", printable(text))


def tree(findings, files: list[str]) -> ET.Element:
    by_path = defaultdict(list)
    for f in findings:
        by_path[f.path].append(f)
    paths = list(files) + [p for p in by_path if p not in files]
    failures = sum(1 for f in findings if f.rule != READ_ERROR[0])
    errors = len(findings) - failures
    root = ET.Element("testsuites", name="reportlint", tests=str(len(paths)),
                      failures=str(failures), errors=str(errors))
    suite = ET.SubElement(root, "testsuite", name="reportlint", tests=str(len(paths)),
                          failures=str(failures), errors=str(errors), skipped="0")
    for path in paths:
        case = ET.SubElement(suite, "testcase", name=clean(path), classname="reportlint", file=clean(path))
        for f in by_path.get(path, []):
            tag = "error" if f.rule == READ_ERROR[0] else "failure"
            item = ET.SubElement(case, tag, message=clean(f"{f.line}:{f.column}: {f.message}"),
                                 type=f"{f.code} {f.rule}")
            item.text = clean(concise_line(f))
    return root


def render(result, options, out) -> None:
    root = tree(result.findings(), result.checked)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
