from __future__ import annotations

import re

from .base import Rule, lines_to_search, lines_where, problem_at
from .placeholder import overlaps


def typo_pattern(pack) -> re.Pattern | None:
    """One alternation of the pack's ``typos`` keys, longest first (None when there are none)."""
    cache = pack.__dict__.setdefault("_combined", {})
    if "typos" not in cache:
        typos = pack.mappings.get("typos", {})
        words = sorted(typos, key=len, reverse=True)
        cache["typos"] = re.compile("|".join(map(re.escape, words))) if words else None
    return cache["typos"]


def typo_starts(pack) -> re.Pattern | None:
    """A pattern matching the first character of each place a ``typos`` key occurs (None
    when a key is shorter than two characters or holds a line end).

    It takes a first character of a key, checks that a second character of one follows
    and only then tries the keys there (in a lookbehind over the character taken). The
    pair is checked in ``re``'s own loop, far cheaper than trying the whole alternation
    at each common character that starts a key (一, 不, 自).
    """
    cache = pack.__dict__.setdefault("_combined", {})
    if "typo-starts" not in cache:
        pattern, words = typo_pattern(pack), list(pack.mappings.get("typos", {}))
        usable = pattern is not None and all(len(w) >= 2 and "\n" not in w and "\r" not in w for w in words)
        cache["typo-starts"] = None
        if usable:
            first = "[" + "".join(map(re.escape, sorted({w[0] for w in words}))) + "]"
            second = "[" + "".join(map(re.escape, sorted({w[1] for w in words}))) + "]"
            cache["typo-starts"] = re.compile(f"{first}(?={second})(?<=(?=(?:{pattern.pattern})){first})")
    return cache["typo-starts"]


def typo_lines(doc, pattern, starts) -> list:
    """The lines a ``typos`` key occurs on (:func:`~lint.rules.base.lines_to_search`)."""
    if starts is not None and doc.kind == "text":
        return lines_where(doc, starts.search)
    return lines_to_search(doc, pattern)


class CommonTypo(Rule):
    """Common typo of official writing (常见错别字).

    A dictionary of typos that are never correct as written, each with its correct
    form: ``自已`` → ``自己``, ``淡簿`` → ``淡薄``, ``暧民心`` → ``暖民心``, ``再接再励`` →
    ``再接再厉``, ``如火如茶`` → ``如火如荼``, ``一如继往`` → ``一如既往``, …  The fix
    is the correct form.

    The dictionary is the ``typos`` mapping of the rule pack (``wrong: right``); a
    pack given with ``--rules`` adds entries. ``common-typo.allow`` holds patterns of
    correct text that contains an entry (``情不自已``, ``各自已经``), which is left alone.
    """

    code = "RL303"
    name = "common-typo"
    severity = "warning"
    fixable = True
    examples = {
        "bad": ["侧重于管好自已和安排部署。", "有的党员党性淡簿。", "解民忧、暧民心。", "再接再励，勇创佳绩。"],
        "good": ["管好自己。", "党性淡薄。", "激动得不能自已。", "各单位各自已经完成整改。", "再接再厉。"],
    }

    def check(self, ctx):
        pattern = typo_pattern(ctx.pack)
        if pattern is None:
            return
        typos = ctx.pack.mappings["typos"]
        allow = ctx.pack.combined("common-typo.allow")
        # words are plain strings: one that holds no line end matches only inside a line
        within = not any("\n" in word or "\r" in word for word in typos)
        for line in typo_lines(ctx.doc, pattern, typo_starts(ctx.pack)) if within else ctx.doc.lines:
            view = line.view
            matches = list(pattern.finditer(view))
            if not matches:
                continue
            allowed = [m.span() for m in allow.finditer(view)] if allow else []
            for m in matches:
                if overlaps(allowed, *m.span()):
                    continue
                right = typos[m.group()]
                yield problem_at(line.number, m.start(), m.end(), f"错别字「{m.group()}」，应为「{right}」", right)
