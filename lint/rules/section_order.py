from __future__ import annotations

from .base import Problem, Rule, matching_spans


def first_heading(report, spec):
    """The heading that stands for a required section: the first of the shallowest that match."""
    matches = matching_spans(report, spec)
    if not matches:
        return None
    return min(matches, key=lambda s: (s[4], s[0]))


class SectionOrder(Rule):
    """Required sections out of order (章节顺序错误).

    The profile's required sections come in its order — for a 述职报告 and a 工作总结:
    work done (工作情况), then problems (存在问题), then next steps (下一步打算). Each
    section stands at its first heading of the shallowest level that matches it (the
    same wordings as ``missing-section``); the first section found before one that
    should precede it is flagged at its heading. A missing section is
    ``missing-section``'s business, not this rule's.
    """

    doc_zh = """章节顺序错误。

    类型规定的必需章节要按顺序出现——述职报告和工作总结是：工作情况，然后存在问题，然后下一步打算。
    每个部分以与它匹配的最浅一级的第一个标题为准（说法与 missing-section 相同）；报告第一个出现在
    应在它之前的部分前面的章节，位置在它的标题上。缺少的章节由 missing-section 报告，不归本规则。
    """  # the documentation in Chinese (--explain, --list-rules with --lang zh)

    code = "RL203"
    name = "section-order"
    severity = "warning"
    examples = {
        "bad": ["述职报告\n一、主要工作\n内容。\n二、下一步打算\n内容。\n三、存在的问题\n内容。\n"],
        "good": ["述职报告\n一、主要工作\n内容。\n二、存在的问题\n内容。\n三、下一步打算\n内容。\n",
                 "述职报告\n一、主要工作\n内容。\n二、存在问题及下一步打算\n内容。\n"],
    }

    def check(self, ctx):
        latest = None  # (line, section name) of the furthest section so far
        for spec in ctx.profile.sections:
            found = first_heading(ctx.report, spec)
            if found is None:
                continue
            line, column, end_column, text, _rank = found
            if latest is not None and line < latest[0]:
                yield Problem(line, column, line, end_column,
                              f"章节顺序错误：「{text}」（{spec.name}）应在「{latest[1]}之后")
                return
            latest = (line, f"{text}」（{spec.name}）")
