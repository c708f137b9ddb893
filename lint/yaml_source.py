"""YAML files read as nodes that know their place (rule packs and configuration files).

:func:`compose` reads a file into PyYAML's node tree — every node keeps its line and
column, so each mistake can be reported where it is — or raises a located
:class:`~lint.errors.FileError`. Two guards come first: PyYAML's composer recurses
once per nesting level (with libyaml a few thousand ``[`` crash the interpreter), so
the nesting is measured on the flat event stream; and only the plain tags of data
(:func:`plain`) are ever accepted by the readers. PyYAML is imported only here.
"""

from __future__ import annotations

from .errors import FileError
from .fileio import read_regular

# Deeper than any sensible rule pack or configuration (the default pack nests 5 levels).
MAX_DEPTH = 64
# The largest rule pack or configuration file read (the default pack is about 30 KiB).
MAX_BYTES = 4 * 2**20
PLAIN_TAGS = {"str", "seq", "map", "int", "float", "bool", "null"}


def compose(path: str, what: str):
    """The root node of the YAML file at ``path`` (None when it is empty); ``what`` names the
    file in messages ("rule pack", "configuration file")."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = read_regular(path, MAX_BYTES, f"a {what}")[0]  # never a FIFO or /dev/zero
    except OSError as exc:
        raise FileError(path, 1, 1, f"cannot read {what}: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileError(path, 1, 1, f"{what} is not UTF-8 (byte {exc.start})") from None
    try:
        deep = too_deep(text, loader)
        if deep:
            raise FileError(path, *deep, f"nested more than {MAX_DEPTH} levels deep")
        return yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise FileError(path, line, col, f"invalid YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise FileError(path, 1, 1, f"invalid YAML: {exc}") from None


def too_deep(text: str, loader) -> tuple[int, int] | None:
    """(line, column) where ``text`` nests deeper than MAX_DEPTH, else None.

    Raises the loader's YAML errors for malformed text, like composing would.
    """
    import yaml

    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                return mark.line + 1, mark.column + 1
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return None


def position(node) -> tuple[int, int]:
    """A node's 1-based line and column."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def plain(node) -> bool:
    """Whether a node carries one of YAML's plain data tags (no ``!!python/…`` or custom tag)."""
    return node.tag.startswith("tag:yaml.org,2002:") and node.tag.rsplit(":", 1)[-1] in PLAIN_TAGS
