"""Guards against hostile input that would otherwise hang or crash a run.

- ``not_regular``: a FIFO, device or socket given (or found) where a document is
  expected would block or read forever (``/dev/zero``); such paths are refused.
- ``yaml_too_deep``: PyYAML's composer recurses once per nesting level, and with
  libyaml a few thousand ``[`` crash the interpreter; the nesting of a rule pack
  is measured on the (flat) event stream first.
"""

from __future__ import annotations

import os
import stat

# Deeper than any sensible rule pack (the default one nests 5 levels).
MAX_YAML_DEPTH = 64


def not_regular(path: str) -> str | None:
    """Why ``path`` is not something to read as a document, or None if it is fine.

    A path that does not exist (or vanishes) is left to the reader to report.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    kind = "a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) \
        else "a socket" if stat.S_ISSOCK(mode) else "not a regular file"
    return f"{kind}, not a document (use '-' to read standard input)"


def yaml_too_deep(text: str, loader) -> tuple[int, int] | None:
    """(line, column) where ``text`` nests deeper than MAX_YAML_DEPTH, else None.

    Raises the loader's YAML errors for malformed text, like composing would.
    """
    import yaml

    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                mark = event.start_mark
                return mark.line + 1, mark.column + 1
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return None
