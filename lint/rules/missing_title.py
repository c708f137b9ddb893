from __future__ import annotations

from .base import Problem, Rule


class MissingTitle(Rule):
    """Missing or unexpected title (缺少标题).

    A report opens with a title line (``XX同志2023年度述职报告``) before its opening
    paragraph; site debris in front of it is skipped. Flagged at the first line of
    the report when no line reads as a title, and, when ``--profile`` names a kind, at
    the title when it does not name that kind — a 述职报告's title names a 述职报告 (or
    述职, 履职报告, …), a 工作总结's a 总结; the patterns are the profile's ``title``
    list in the rule pack. The default profile (通用, for a title that names no known
    kind) accepts any title.

    An empty document (no text at all, or only white space) gets this one finding
    instead of a finding per missing section.
    """

    doc_zh = """缺少标题或标题与类型不符。

    报告在开头段落之前先有一行标题（XX同志2023年度述职报告）；标题前的网页残留跳过。没有哪一行
    像标题时，报告在报告的第一行；用 --profile 指定了类型而标题没有写出这一类型时，报告在标题上——
    述职报告的标题要写述职报告（或述职、履职报告……），工作总结的标题要写总结；这些模式是规则包中
    该类型的 title 列表。默认类型（通用，用于看不出类型的标题）接受任何标题。

    空文稿（没有任何文字，或只有空白）只报告这一条，而不是每缺一个章节报告一条。
    """  # the documentation in Chinese (--explain, --list-rules with --lang zh)

    code = "RL205"
    name = "missing-title"
    severity = "warning"
    examples = {
        "bad": ["今年以来，在区委的正确领导下，我认真履行党建第一责任人职责，始终坚持抓班子、带队伍，"
                "扎实开展各项党建工作，现将一年来履职情况报告如下：\n一、主要工作\n内容。\n"],
        "good": ["某某同志2023年度述职报告\n\n今年以来，我认真履行职责。\n一、主要工作\n内容。\n",
                 "仅供学习 禁止外传 用后删除\nX区政务局党组书记抓基层党建工作述职报告\n\n一、主要工作\n内容。\n"],
    }

    def check(self, ctx):
        report = ctx.report
        if report.title is None:
            first = next((p for p in [*report.noise, *report.opening] if p.text.strip()), None)
            heads = report.headings()
            if first is None and heads:
                line, column, end = heads[0].line, heads[0].column, heads[0].end_column
            elif first is not None:
                line, column, end = first.line, first.column, first.end_column
            else:
                yield Problem(1, 1, 1, 1, "文档为空：没有标题，也没有正文")
                return
            hint = f"（如「XX同志{ctx.profile.name}」）" if ctx.profile.title else ""
            yield Problem(line, column, line, end, f"缺少标题：报告开头应有一行标题{hint}")
            return
        title = report.title
        patterns = ctx.profile.title
        if ctx.profile.name == ctx.pack.default_profile:
            return  # the title named no known kind, and the default profile accepts it
        if patterns and patterns.search(title.view) is None:
            yield Problem(title.line, title.column, title.line, title.end_column,
                          f"标题「{title.text.strip()}」看不出是{ctx.profile.name}")
