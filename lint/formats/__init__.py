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
}
# Renderers that are not --format choices.
OTHER = {"statistics": "lint.formats.statistics"}


def renderer(name: str):
    return importlib.import_module(FORMATS.get(name) or OTHER[name]).render
