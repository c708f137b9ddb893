"""Output formats: each module renders a list of findings to a stream.

A format is a function ``render(findings, out, options)``; ``FORMATS`` maps the
``--format`` name to the module that holds it, imported only when chosen.
"""

from __future__ import annotations

import importlib

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


def renderer(name: str):
    return importlib.import_module(FORMATS.get(name) or OTHER[name]).render


def drop_source(findings) -> None:
    """Forget each finding's source line (the formats other than text never show it)."""
    for f in findings:
        f.source = ""


def preparer(name: str, options):
    """What a worker process does to its findings ahead of the renderer ``name``.

    The text format's windows and underlines are worked out there (and the source
    lines then left behind), and its whole text when ``options.known_color`` is False
    (encoded when ``options.known_encoding`` names the output's encoding, and one
    lint.formats.text.Written per file with ``options.whole_files``); other formats
    need nothing of the source line.
    """
    if name == "text":
        from functools import partial

        from .text import prepare

        return partial(prepare, show_source=getattr(options, "show_source", True),
                       color=getattr(options, "known_color", None), encoding=getattr(options, "known_encoding", None),
                       whole=getattr(options, "whole_files", False))
    return drop_source
