from __future__ import annotations

from .base import Rule, overlaps, problem_at, spans_of


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

    doc_zh = """常见错别字。

    一份写法永远不对的错别字词表，各附正确写法：自已 → 自己、淡簿 → 淡薄、暧民心 → 暖民心、
    再接再励 → 再接再厉、如火如茶 → 如火如荼、一如继往 → 一如既往……修正为正确写法。

    词表是规则包中的 typos 映射（错: 对）；用 --rules 给出的规则包可以增加词条。common-typo.allow
    中是包含词条的正确文字的模式（情不自已、各自已经），这些不报。
    """  # the documentation in Chinese (--explain, --list-rules with --lang zh)

    code = "RL303"
    name = "common-typo"
    severity = "warning"
    fixable = True
    examples = {
        "bad": ["侧重于管好自已和安排部署。", "有的党员党性淡簿。", "解民忧、暧民心。", "再接再励，勇创佳绩。"],
        "good": ["管好自己。", "党性淡薄。", "激动得不能自已。", "各单位各自已经完成整改。", "再接再厉。"],
    }

    def check(self, ctx):
        words = ctx.pack.words.get("typos")
        if not words:
            return
        typos = ctx.pack.mappings["typos"]
        allow = ctx.pack.matcher("common-typo.allow")
        for line in ctx.doc.lines:
            view = line.view
            matches = list(words.finditer(view))
            if not matches:
                continue
            allowed = spans_of(allow, view)
            for m in matches:
                if overlaps(allowed, *m.span()):
                    continue
                right = typos[m.group()]
                yield problem_at(line.number, m.start(), m.end(), f"错别字「{m.group()}」，应为「{right}」", right)
