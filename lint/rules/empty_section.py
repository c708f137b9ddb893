from __future__ import annotations

from .base import Problem, Rule, wrapped


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
    (``1、加强学习`` ``2、改进作风``).
    """

    code = "RL204"
    name = "empty-section"
    severity = "warning"
    examples = {
        "bad": ["述职报告\n一、主要工作\n二、存在问题\n学习不够。\n",
                "述职报告\n一、主要工作\n内容。\n二、存在问题\n"],
        "good": ["述职报告\n一、主要工作\n（一）加强学习。\n认真学习。\n二、存在问题\n学习不够。\n",
                 "述职报告\n一、主要工作\n（一）加强学习。认真学习。\n",
                 "述职报告\n一、主要工作\n1、圆满完成了财政决算。\n2、完成了预算编制。\n"],
    }

    def check(self, ctx):
        if wrapped(ctx.doc):
            return  # text wrapped at a page's width: a heading's next line may be its own end
        for section in ctx.report.walk():
            if section.paragraphs or section.children:
                continue
            h = section.heading
            text = f"{h.marker}{h.text}" if h.number is not None else h.text
            yield Problem(h.line, h.column, h.line, h.end_column, f"章节「{text}」下没有内容")
