"""Output formats: each module renders a run's Result to a stream.

A format is a module with ``render(result, options, out)``, which writes the whole
output. One that writes findings one by one also has ``finding(f, source, options)``,
a finding's text given the text of the line it is on: the engine calls it where the
file was linted (lint.engine.Linter.report), and ``render`` writes those texts in
order. ``FORMATS`` maps the ``--format`` name to its module, imported only when chosen.
"""

from __future__ import annotations

import importlib
from functools import partial

from ..record import Value

FORMATS = {
    "text": "lint.formats.text",
    "json": "lint.formats.json",
    "concise": "lint.formats.concise",
    "github": "lint.formats.github",
    "junit": "lint.formats.junit",
    "sarif": "lint.formats.sarif",
    "html": "lint.formats.html",
}
# Renderers that are not --format choices.
OTHER = {"statistics": "lint.formats.statistics"}


class Options(Value):
    """How the output looks: the format (or ``statistics``), colour, source windows, the
    linter of the run (the html format shows what ``--fix`` would change), the width of
    the terminal, the columns an ambiguous-width character takes there, whether the
    summary is written and whether it counts what ``--fix`` could repair."""

    __slots__ = ()
    _fields = ("format", "color", "show_source", "linter", "width", "ambiguous", "summary", "fix_hint")

    def __new__(cls, format: str = "text", color: bool = False, show_source: bool = True,  # noqa: A002
                linter=None, width: int = 80, ambiguous: int = 1, summary: bool = True, fix_hint: bool = True):
        return tuple.__new__(cls, (format, color, show_source, linter, width, ambiguous, summary, fix_hint))


def module(name: str):
    return importlib.import_module(FORMATS.get(name) or OTHER[name])


def finding_renderer(options: Options):
    """``render(finding, source) -> str`` of the chosen format, or None when it writes the
    whole output at once."""
    one = getattr(module(options.format), "finding", None)
    # what goes to the worker processes: the linter travels there on its own
    return None if one is None else partial(one, options=options._replace(linter=None))


def write_joined(out, glue: str, texts) -> None:
    """Write ``glue.join(texts)`` text by text: a large file's output is not copied whole."""
    rest = iter(texts)
    for first in rest:
        out.write(first)
        out.writelines(glue + text for text in rest)


def write(result, options: Options, out) -> None:
    module(options.format).render(result, options, out)
