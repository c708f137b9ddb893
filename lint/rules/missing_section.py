from __future__ import annotations

import re

from .base import BARE_RANK, Problem, Rule, heading_lines, heading_spans, matching_spans, sections_of, wrapped


def section_lines(report, spec) -> list[int]:
    """Lines of the headings that satisfy a required section."""
    return [span[0] for span in matching_spans(report, spec)]


def has_text(doc) -> bool:
    """Whether a line of ``doc`` holds more than white space.

    For plain text the lines' views and their line ends (white space) are the text, so
    one look at it tells.
    """
    if doc.kind == "text":
        return bool(doc.text) and not doc.text.isspace()
    return any(line.view.strip() for line in doc.lines)


# Text before the later parts' first heading that counts as a ``body: true`` part.
BODY_MIN = 60
# A page flattened into long lines has its headings inside them.
FLAT_LINE = 300
_INLINE_HEADING = re.compile(r"[。！？；：:]\s*(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[）)])")
_SENTENCE_END = re.compile(r"[。！？!?]")
LEAD_IN_MAX = 40


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph, each stripped: openings are matched at their start."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def _top_headings(report) -> list[tuple[int, str]]:
    """(line, text) of the headings at the report's shallowest numbered level, and of the
    short unnumbered lines that read as headings."""
    spans = heading_spans(report)
    numbered = [rank for *_, rank in spans if rank != BARE_RANK]
    top = min(numbered) if numbered else BARE_RANK
    return [(line, text) for line, _c, _e, text, rank in spans if rank in (top, BARE_RANK)]


def heading_evidence(report, spec) -> list[int]:
    """Lines of the headings that show the part ``spec``: in its wordings, or, at the top
    level, holding one of its keywords."""
    lines = section_lines(report, spec)
    if spec.keywords:
        lines += [line for line, text in _top_headings(report) if spec.keywords.search(text)]
    return sorted(set(lines))


def opens_like(report, spec) -> bool:
    """Whether a sentence of the report opens the way the part ``spec`` does."""
    return bool(spec.openings) and any(spec.openings.search(sentence) for p in _paragraphs(report)
                                       for sentence in sentences(p.view))


def _paragraphs(report) -> list:
    return list(report.opening) + [p for s in sections_of(report) for p in s.paragraphs]


def body_before(report, line: int | None) -> int:
    """Characters of the report's text after the title and before ``line`` (all of it when None)."""
    title = report.title.line if report.title is not None else 0
    total = 0
    for p in _paragraphs(report):
        text = p.view.strip()
        if p.line > title and (line is None or p.line < line) and not (
                text[-1:] in "：:" and len(text) <= LEAD_IN_MAX):
            total += len(text)  # a lead-in (现将…报告如下：) or a salutation is no part
    for s in sections_of(report):
        if s.heading.line > title and (line is None or s.heading.line < line):
            total += len(s.heading.view)
    return total


def flattened(doc, report) -> bool:
    """A page flattened into long lines, its headings run into the text (…工作。二、存在问题…):
    no heading to judge its parts by."""
    if report.headings():
        return False
    return any(len(line.view) > FLAT_LINE and _INLINE_HEADING.search(line.view) for line in doc.lines)


class MissingSection(Rule):
    """A required section is missing (缺少必需章节).

    The profile, chosen from the title, names the parts a document of its kind must have:
    a 述职报告 or 工作总结 its work done (工作情况), problems (存在问题) and next steps
    (下一步打算); a 述职述廉报告 also 廉洁自律; a 对照检查材料 问题查摆, 原因剖析 and 整改措施;
    a 调研报告 基本情况, 存在问题 and 对策建议; a 自查报告 自查情况, 存在问题 and 整改措施;
    a 工作计划 目标 and 任务措施. A speech (讲话) and a document whose title names no known
    kind (通用) need none; ``--outline`` shows the profile and why.

    A part is present when a heading uses one of its wordings (履职情况, 主要工作,
    存在的不足, 问题及原因, 下步工作思路, 今后努力方向, …), when a top-level heading holds
    one of its keywords (work: 工作/情况/成效/亮点/特色/履职…; problems: 问题/不足/差距/
    短板/薄弱…; next: 打算/计划/思路/措施/方向/目标/努力…), or when a paragraph opens the
    way the part does (``存在的问题是…``, ``下一步，我将…``). The work done is also present
    when the report has substantial text before its problems (a report carried by topical
    headings such as ``一、抓好日常党建工作``). One finding per missing part, at the title
    (the report's first line when there is no title), naming the part and headings that
    would satisfy it.

    An empty document is left to ``missing-title``, which reports it once. A page whose
    structure cannot be told is left alone: one flattened into long lines with its headings
    run into the text, or text cut into lines of a page's width (copied from a PDF).

    Parts and wordings live in the rule pack under ``profiles`` (``headings``, ``keywords``,
    ``openings``, ``body``); a pack can add wordings or replace a profile's parts.
    """

    doc_zh = """缺少必需章节。

    文稿类型（按标题判断）规定了该类文稿必须有的部分：述职报告、工作总结要有工作情况、存在问题和
    下一步打算；述职述廉报告还要有廉洁自律；对照检查材料要有问题查摆、原因剖析和整改措施；调研报告
    要有基本情况、存在问题和对策建议；自查报告要有自查情况、存在问题和整改措施；工作计划要有目标和
    任务措施。讲话稿和看不出类型的文稿（通用）不要求章节；--outline 会显示所选类型及理由。

    一个部分算是有了：有标题用了它的某种说法（履职情况、主要工作、存在的不足、问题及原因、
    下步工作思路、今后努力方向……），或一级标题含有它的关键词（工作情况：工作、情况、成效、亮点、
    特色、履职……；存在问题：问题、不足、差距、短板、薄弱……；下一步打算：打算、计划、思路、措施、
    方向、目标、努力……），或有段落以它的方式开头（存在的问题是……、下一步，我将……）。报告在
    存在问题之前有大段正文时，工作情况也算有了（以“一、抓好日常党建工作”之类的专题标题组织的报告）。
    每缺一个部分报告一次，位置在标题（没有标题时在第一行），并列出可用的标题说法。

    空文稿交给 missing-title，只报一次。看不出结构的页面不报：压成长行、标题混在正文中的，
    或按页宽断行的文本（从 PDF 复制的）。

    各部分及其说法都在规则包的 profiles 中（headings、keywords、openings、body），规则包可以增加说法
    或替换某类文稿的部分。
    """  # the documentation in Chinese (--explain, --list-rules with --lang zh)

    code = "RL201"
    name = "missing-section"
    severity = "error"
    examples = {
        "bad": ["述职报告\n\n一、主要工作\n\n做了很多工作。\n\n二、存在的问题\n\n学习不够。\n"],
        "good": ["述职报告\n\n一、主要工作\n\n做了很多工作。\n\n二、存在的不足\n\n学习不够。\n\n"
                 "三、下一步打算\n\n加强学习。\n",
                 "述职报告\n\n一、履职工作特色和亮点\n\n内容。\n\n二、差距和短板\n\n内容。\n\n"
                 "三、努力方向\n\n内容。\n",
                 "在全县经济工作会议上的讲话\n\n同志们：\n\n一、坚定信心\n\n内容。\n",
                 "述职报告的写作\n\n述职报告由标题、正文和落款组成。\n"],
    }

    def check(self, ctx):
        report, sections = ctx.report, ctx.profile.sections
        if not sections or not has_text(ctx.doc) or flattened(ctx.doc, report) or wrapped(ctx.doc):
            return  # no parts to have; an empty document (missing-title says so); no structure to judge
        if report.title is not None:
            line, col, end = report.title.line, report.title.column, report.title.end_column
        else:  # the report's first line (site debris above it aside)
            first = next((x for x in ctx.doc.lines if x.view.strip()), ctx.doc.lines[0])
            line, col, end = first.number, 1, len(first.text.rstrip()) + 1
        found = [heading_evidence(report, spec) for spec in sections]
        for i, spec in enumerate(sections):
            if found[i] or opens_like(report, spec):
                continue
            if spec.body:  # the text up to the first heading of a later part
                later = [line for lines in found[i + 1:] for line in lines]
                if body_before(report, min(later) if later else None) >= BODY_MIN:
                    continue
            hint = "、".join(spec.examples[:5])
            hint = f"（如「{hint}」）" if hint else ""
            yield Problem(line, col, line, max(end, col), f"缺少「{spec.name}」部分：没有符合的标题{hint}")
