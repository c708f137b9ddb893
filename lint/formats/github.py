"""``--format github``: GitHub Actions workflow commands, one per finding, which the
runner turns into annotations on the pull request::

    ::error file=seeds/a.txt,line=9,col=25,endLine=9,endColumn=27,title=RL101 placeholder::未填写的占位符「XX」

Chosen automatically when ``GITHUB_ACTIONS=true`` and no ``--format`` is given.
Values are escaped as the Actions toolkit does: ``%``, CR and LF everywhere, and
``:`` and ``,`` in properties too.
"""

from __future__ import annotations

from ..printable import printable

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(f) -> str:
    props = [("file", printable(f.path)), ("line", f.line), ("col", f.column), ("endLine", f.end_line),
             ("endColumn", f.end_column), ("title", f"{f.code} {f.rule}")]
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in props)
    return f"::{COMMANDS.get(f.severity, 'warning')} {joined}::{escape_data(printable(f.message))}"


def finding(f, source: str = "", options=None) -> str:
    return command(f) + "\n"


def render(result, options, out) -> None:
    for report in result.reports:
        out.writelines(report.texts_by(finding))
