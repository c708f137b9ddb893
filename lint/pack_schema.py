"""A JSON Schema of rule packs, built from the same registries the loader reads.

The loader (``lint.packs``) validates packs itself, with file/line/column in every
error; this schema describes the same shape for editors and other tools (YAML
language servers accept it via a ``# yaml-language-server: $schema=…`` comment):

    python -m lint.pack_schema > reportlint-pack.schema.json

It is generated from ``LISTS`` and ``MAPPINGS``, so a rule that adds a pack key
appears here without further work.
"""

from __future__ import annotations

import json
import sys

from .packs import LISTS, MAPPINGS, WORDS

_PATTERN = {"type": "string", "minLength": 1, "format": "regex"}
_WORD = {"type": "string", "minLength": 1}


def _patterns(description: str, items: dict = _PATTERN) -> dict:
    return {"description": description, "type": ["array", "null"], "items": items}


def schema() -> dict:
    groups: dict[str, dict] = {}
    for key, description in LISTS.items():
        group, name = key.split(".", 1)
        groups.setdefault(group, {"type": "object", "additionalProperties": False, "properties": {}})
        groups[group]["properties"][name] = _patterns(description, _WORD if key.endswith(WORDS) else _PATTERN)
    for key, description in MAPPINGS.items():
        groups[key] = {"description": description, "type": "object",
                       "additionalProperties": {"type": "string", "minLength": 1}}
    section = {
        "type": "object",
        "additionalProperties": False,
        "required": ["name", "headings"],
        "properties": {
            "name": {"type": "string", "minLength": 1},
            "headings": {"type": "array", "minItems": 1, "items": _PATTERN},
            "examples": {"type": ["array", "null"], "items": {"type": "string", "minLength": 1}},
            "keywords": _patterns("a heading holding one of these has this part"),
            "openings": _patterns("a paragraph opening with one of these has this part"),
            "body": {"type": "boolean", "description": "text before the later parts counts as this part"},
        },
    }
    profile = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "title": _patterns("a title matching one of these selects the profile"),
            "text": _patterns("sentences that mark a document of this kind whatever its title"),
            "sections": {"type": ["array", "null"], "items": section},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "reportlint rule pack",
        "type": ["object", "null"],
        "additionalProperties": False,
        "properties": {
            "version": {"const": 1},
            "default_profile": {"type": "string", "minLength": 1},
            "profiles": {"type": "object", "additionalProperties": profile},
            **groups,
        },
    }


def main() -> int:
    json.dump(schema(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
