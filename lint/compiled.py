"""Compiled regular expressions kept between runs, for a quick start-up.

Compiling reportlint's regular expressions (the parser's, the rules', the rule pack's
alternations: about seventy) is the largest part of starting up, because ``re``
parses and compiles each pattern in Python before its C engine gets it. What the
engine gets — a list of opcodes and the groups — depends only on the pattern, its
flags and the Python that compiled it. So after a run that compiled patterns, that
is stored in reportlint's cache (see lint.cache), and the next run hands it straight
to the engine and puts the compiled patterns in ``re``'s own cache, where every
``re.compile`` of the same pattern finds them: no module has to do anything.

It is never a reason to fail or to behave differently: an entry is only ever used
by the same Python build that wrote it, and when ``re`` does not look as this module
expects, or anything goes wrong, patterns are compiled as usual.
"""

from __future__ import annotations

import re
import sys

try:  # Python 3.11+
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

from . import cache

NAME = "compiled-patterns"
_loaded: dict = {}  # the entries this run took from the cache, by (pattern, flags)


def _key() -> tuple:
    import _sre

    return (sys.version, _sre.MAGIC, _sre.CODESIZE)


def _re_cache() -> dict | None:
    """``re``'s cache of compiled patterns, keyed ``(type, pattern, flags)``, if it has one."""
    store = getattr(re, "_cache", None)
    return store if isinstance(store, dict) else None


def load() -> int:
    """Put the stored compiled patterns into ``re``'s cache; how many there were."""
    global _loaded
    target = _re_cache()
    if target is None:
        return 0
    try:
        import _sre

        entries = cache.load(NAME, _key())
        if not isinstance(entries, dict):
            return 0
        for (pattern, flags), (final_flags, code, groups, groupindex, indexgroup) in entries.items():
            compiled = _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)
            target.setdefault((str, pattern, flags), compiled)
        _loaded = entries
        return len(entries)
    except Exception:  # a damaged entry or another ``re``: compile as usual
        return 0


def _entry(pattern: str, flags: int) -> tuple:
    """What ``re`` gives its engine for ``pattern`` (as re._compiler.compile works it out)."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # plain ints: opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return parsed.state.flags | flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def store() -> None:
    """Store the patterns ``re`` holds now, when some of them were not in the cache yet.

    ``re``'s cache keeps at most a few hundred patterns, so the entry stays bounded.
    """
    source = _re_cache()
    if source is None or cache.directory() is None:
        return
    if "lark" in sys.modules:  # the grammar was analysed again: not the patterns of a usual run
        return
    held = [(key[1], key[2]) for key in list(source)
            if len(key) == 3 and key[0] is str and isinstance(key[1], str) and isinstance(key[2], int)]
    if all(key in _loaded for key in held):
        return
    try:
        entries = {key: _loaded.get(key) or _entry(*key) for key in held}
    except Exception:  # a pattern this module cannot redo: keep compiling as usual
        return
    cache.store(NAME, _key(), entries)
