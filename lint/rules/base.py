"""What every rule is: a self-describing class whose ``check`` yields problems.

A rule knows its stable ``code``, its kebab-case ``name``, its default ``severity``,
its documentation (the class docstring) and ``examples`` of text it flags (``bad``)
and text it must leave alone (``good``). The engine, not the rule, fills in the
path, applies the configured severity and selection, and sorts the findings. A fix
is data — a span and its replacement — that the engine may apply.
"""

from __future__ import annotations

import bisect
import inspect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from ..engine import Context

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Fix:
    """Replace the span from (line, column) up to (end_line, end_column) with ``replacement``."""

    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str = ""

    def as_dict(self) -> dict:
        return {"line": self.line, "column": self.column, "end_line": self.end_line,
                "end_column": self.end_column, "replacement": self.replacement}


@dataclass(frozen=True)
class Problem:
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    fix: Fix | None = None


def problem_at(line: int, start: int, end: int, message: str, replacement: str | None = None) -> Problem:
    """A problem spanning 0-based ``[start, end)`` of one line, optionally fixed by ``replacement``."""
    fix = Fix(line, start + 1, line, end + 1, replacement) if replacement is not None else None
    return Problem(line, start + 1, line, end + 1, message, fix)


class Rule:
    code: str = ""
    name: str = ""
    severity: str = "warning"
    fixable: bool = False
    examples: dict[str, list[str]] = {"bad": [], "good": []}

    @classmethod
    def summary(cls) -> str:
        return cls.doc().split("\n", 1)[0]

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    def check(self, ctx: "Context") -> Iterable[Problem]:  # pragma: no cover - interface
        raise NotImplementedError


def lines_to_search(doc, pattern) -> list:
    """The lines where ``pattern`` may match ``view``: for plain text, the lines one search
    of the document's text finds it on; otherwise every line.

    Only for a pattern that cannot match a line end and whose matches do not depend on
    what surrounds them (no anchors or lookaround): a match inside a line's view is then
    a match inside the text, which is the lines' views and their line ends.
    """
    if doc.kind != "text":
        return doc.lines
    lines, starts = doc.lines, None
    found: list = []
    for m in pattern.finditer(doc.text):
        if starts is None:
            starts = [line.offset for line in lines]
        line = lines[bisect.bisect_right(starts, m.start()) - 1]
        if not found or found[-1] is not line:
            found.append(line)
    return found
