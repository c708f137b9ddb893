from __future__ import annotations

import re

from .base import Problem, Rule, wrapped


# A heading line that names something after a colon holds its content itself.
_LABELLED = re.compile(r"[:：]\s*\S{2}")


class EmptySection(Rule):
    """Section without content (空章节).

    A heading followed by nothing before the next heading of the same or a higher
    level (or the end of the report): no paragraph, no text after the heading on its
    own line, no subsection. Reported at the heading. A heading whose content is its
    subsections (``一、主要工作`` followed by ``（一）…``) is not empty, nor is a heading
    line that goes on with its first paragraph (``（一）加强学习。认真学习…``).

    Numbered list items are not headings, so never empty sections: a numbered line
    that is a whole sentence with nothing of its own after it (``1、圆满完成了财政决算。``),
    a long numbered line, and a run of short numbered lines none of which has a body
    (``1、加强学习`` ``2、改进作风``). Nor is a numbered line that holds what it names after
    a colon (``（2）德育互动：《文明，让心灵作证》``).
    """

    doc_zh = """空章节。

    标题之后、下一个同级或更高级标题（或报告结尾）之前什么都没有：没有段落，标题行本身也没有
    正文，也没有下级标题。报告在标题上。以下级标题为内容的标题（“一、主要工作”后接“（一）…”）
    不是空的，标题行接着就写第一段的（“（一）加强学习。认真学习…”）也不是。

    编号列表项不是标题，因而不会是空章节：本身是整句、之后没有内容的编号行（1、圆满完成了财政决算。）、
    较长的编号行，以及一串都没有正文的短编号行（1、加强学习 2、改进作风）。冒号后写着所指内容的
    编号行（（2）德育互动：《文明，让心灵作证》）也不是。
    """  # the documentation in Chinese (--explain, --list-rules with --lang zh)

    code = "RL204"
    name = "empty-section"
    severity = "warning"
    examples = {
        "bad": ["述职报告\n一、主要工作\n二、存在问题\n学习不够。\n",
                "述职报告\n一、主要工作\n内容。\n二、存在问题\n"],
        "good": ["述职报告\n一、主要工作\n（一）加强学习。\n认真学习。\n二、存在问题\n学习不够。\n",
                 "述职报告\n一、主要工作\n（一）加强学习。认真学习。\n",
                 "述职报告\n一、主要工作\n1、圆满完成了财政决算。\n2、完成了预算编制。\n",
                 "述职报告\n一、德育工作\n（1）国旗下讲话：《说真话，做真人》\n（2）德育互动：《文明，让心灵作证》\n"
                 "（3）作文与德育：《扔下的不仅仅是垃圾》\n为了让先进更先进，我们开展评比。\n"],
    }

    def check(self, ctx):
        if wrapped(ctx.doc):
            return  # text wrapped at a page's width: a heading's next line may be its own end
        for section in ctx.report.walk():
            if section.paragraphs or section.children:
                continue
            h = section.heading
            if _LABELLED.search(h.text):
                continue  # a label and what it names on one line (德育互动：《文明，让心灵作证》)
            text = f"{h.marker}{h.text}" if h.number is not None else h.text
            yield Problem(h.line, h.column, h.line, h.end_column, f"章节「{text}」下没有内容")
