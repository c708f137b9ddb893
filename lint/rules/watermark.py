from __future__ import annotations

import re

from ..document import MARGIN_REGIONS
from .base import Fix, Problem, Rule, heading_lines, lines_that_may_match
from .placeholder import overlaps

# A line with no advert keyword is still part of an advert block when it is short and
# does not read like report prose (a brand name, a slogan, 【打击倒卖活动】): prose ends
# a sentence or clause.
WEAK_MAX = 40
PROSE_END = "。；;"
_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?\s*$")
# A short line repeated at both ends of the document is a header/footer.
REPEAT_MAX = 30
REPEAT_HEAD, REPEAT_TAIL = 4, 8


def _clip(text: str, width: int = 24) -> str:
    text = text.strip()
    return text if len(text) <= width else text[: width - 1] + "…"


def delete_line(doc, number: int) -> Fix:
    line = doc.line(number)
    if line.ending:
        return Fix(number, 1, number + 1, 1, "")
    return Fix(number, 1, number, len(line.text) + 1, "")


def _allowed(allow, view: str) -> list[tuple[int, int]]:
    """Spans of ``view`` that ``watermark.allow`` matches."""
    return [m.span() for m in allow.finditer(view)] if allow and view.strip() else []


def body_lines(doc) -> list:
    """The lines of the running text (a Word document's headers and footers left out)."""
    return [line for line in doc.lines if line.region not in MARGIN_REGIONS]


def filled_ends(doc):
    """The first REPEAT_HEAD and the last REPEAT_TAIL non-blank lines of the running text,
    or None when it has fewer than REPEAT_HEAD + REPEAT_TAIL of them.

    Looked for from each end, so a long document's middle is not read: the two ends are
    the whole list's head and tail exactly when they do not meet.
    """
    body = body_lines(doc)
    first = []
    for i, line in enumerate(body):
        if line.view.strip():
            first.append((i, line))
            if len(first) == REPEAT_HEAD:
                break
    last = []
    for i in range(len(body) - 1, -1, -1):
        if body[i].view.strip():
            last.append((i, body[i]))
            if len(last) == REPEAT_TAIL:
                break
    if len(first) < REPEAT_HEAD or len(last) < REPEAT_TAIL or first[-1][0] >= last[-1][0]:
        return None
    return [line for _, line in first], [line for _, line in reversed(last)]


def candidate_lines(doc, patterns, shapes) -> list:
    """The lines the per-line checks can find something on, in order: a watermark shape's
    line, or one where one of ``patterns`` may match (any other line matches none of
    them, so the loop over it would find nothing)."""
    numbers = set(shapes)
    for pattern in patterns:
        if pattern is not None:
            found = lines_that_may_match(doc, pattern)
            if found is doc.lines:
                return found
            numbers.update(line.number for line in found)
    return [line for line in doc.lines if line.number in numbers]


class Watermark(Rule):
    """Leftover advert, watermark or paywall marker (广告、水印残留).

    Catches what material sites leave in a downloaded template: advert lines
    (``【…素材库】——…``, ``…整理，咨询QQ…``, ``会员群：… 免费QQ群：…``,
    ``本文由…网友投稿``, ``更多精品范文请访问…``, ``扫码关注…``), watermarks
    (``仅供学习 禁止外传 用后删除``) and the paywall markers ``##paidbegin##`` /
    ``##paidend##`` — a marker glued inside a line is reported alone.

    Lines of an advert block that carry no keyword (a brand name, a slogan) are
    caught when they sit in one block with an advert line before the title or after
    the end of the report, and when the same short line repeats as header and footer.
    Ordinary mentions in the body (``通过单位微信公众号推送``, ``在机关微信群分享``,
    ``工会会员``, ``下载“学习强国”APP``) are not adverts.

    In a Word document, headers and footers (页眉/页脚) are read too: an advert line
    there is a finding (the keyword-less lines around it are not: a header holds the
    unit's name), and the text of a watermark shape in a header (``仅供学习``,
    ``XX素材网``) is always one, unless ``watermark.allow`` matches it (a pack may
    allow, say, ``机密``).

    Phrases that real reports use too (``严禁外传`` of classified files, a hotline's
    ``客服电话：``, ``扫码关注``) count only on a line that does not end like report prose
    (。；) — a rewrite must never delete a sentence of the report.

    Patterns: ``watermark.lines``, ``watermark.hints``, ``watermark.markers`` and ``watermark.allow`` in the
    rule pack. The fix deletes a marker, or an advert line together with its line end.
    """

    code = "RL103"
    name = "watermark"
    severity = "error"
    fixable = True
    examples = {
        "bad": ["【哒哒素材库】——每天更新材料1000多篇", "酷乐文行整理，咨询QQ206157060",
                "仅供学习 禁止外传 用后删除", "本##paidbegin##人带头学习"],
        "good": ["通过单位微信公众号推送学习内容。", "在机关微信群分享学习内容。",
                 "发展工会会员20名。", "组织党员下载“学习强国”APP。"],
    }

    def check(self, ctx):
        doc, pack = ctx.doc, ctx.pack
        markers = pack.combined("watermark.markers")
        adverts = pack.combined("watermark.lines")
        hints = pack.combined("watermark.hints")
        allow = pack.combined("watermark.allow")
        keyword: set[int] = set()
        found: dict[int, Problem] = {}
        marker_problems: list[Problem] = []
        shapes = doc.extra.get("watermark_lines", ())
        for line in candidate_lines(doc, (adverts, hints, markers), shapes):
            view = line.view
            allowed = None  # spans of allowed text, looked for only once something matched
            if line.number in shapes:
                allowed = _allowed(allow, view)
                if not allowed:
                    found[line.number] = self._line_problem(doc, line, "水印残留")
                    continue
            hits = list(adverts.finditer(view)) if adverts else []
            if hits:
                allowed = _allowed(allow, view) if allowed is None else allowed
                hits = [m for m in hits if not overlaps(allowed, *m.span())]
            if not hits and hints and not self._prose(view):
                hits = list(hints.finditer(view))
                if hits:
                    allowed = _allowed(allow, view) if allowed is None else allowed
                    hits = [m for m in hits if not overlaps(allowed, *m.span())]
            if hits:
                keyword.add(line.number)
                found[line.number] = self._line_problem(doc, line, "广告残留")
                continue
            for m in markers.finditer(view) if markers else ():
                allowed = _allowed(allow, view) if allowed is None else allowed
                if overlaps(allowed, *m.span()):
                    continue
                first, last = len(view) - len(view.lstrip()), len(view.rstrip())
                if first >= m.start() and last <= m.end():  # nothing else on the line
                    fix = delete_line(doc, line.number)
                else:
                    fix = Fix(line.number, m.start() + 1, line.number, m.end() + 1, "")
                marker_problems.append(Problem(line.number, m.start() + 1, line.number, m.end() + 1,
                                               f"付费墙标记残留「{m.group()}」", fix))
        for number in self._advert_blocks(ctx, keyword) | self._header_footer(ctx):
            if number not in found:
                found[number] = self._line_problem(doc, doc.line(number), "广告残留（广告块中的行）")
        yield from marker_problems
        yield from found.values()

    @staticmethod
    def _line_problem(doc, line, what: str) -> Problem:
        start = len(line.text) - len(line.text.lstrip())
        end = len(line.text.rstrip())
        return Problem(line.number, start + 1, line.number, end + 1,
                       f"{what}：「{_clip(line.text)}」", delete_line(doc, line.number))

    @staticmethod
    def _prose(view: str) -> bool:
        """A line that ends its sentence the way report prose does (。；)."""
        text = view.rstrip()
        return bool(text) and text[-1] in PROSE_END

    @staticmethod
    def _weak(ctx, line) -> bool:
        text = line.view.strip()
        return bool(text) and len(text) <= WEAK_MAX and text[-1] not in PROSE_END and not _DATE.search(text)

    def _advert_blocks(self, ctx, keyword: set[int]) -> set[int]:
        """Weak lines sharing a block with an advert line before the title or after the end."""
        doc, report = ctx.doc, ctx.report
        heads = heading_lines(report)
        region: list[int] = []
        if report.title is not None:
            region += range(1, report.title.line)
        tail: list[int] = []
        for line in reversed(body_lines(doc)):
            if not line.view.strip():
                tail.append(line.number)
                continue
            if line.number in heads or not (line.number in keyword or self._weak(ctx, line)):
                break
            if report.title is not None and line.number <= report.title.line:
                break
            tail.append(line.number)
        region += sorted(tail)
        out: set[int] = set()
        block: list[int] = []
        for number in region + [0]:
            line = doc.line(number) if number else None
            if line is not None and line.view.strip() and (not block or block[-1] == number - 1):
                block.append(number)
                continue
            if any(n in keyword for n in block):
                out.update(n for n in block if n in keyword or self._weak(ctx, doc.line(n)))
            block = [number] if line is not None and line.view.strip() else []
        return out

    @staticmethod
    def _header_footer(ctx) -> set[int]:
        doc, report = ctx.doc, ctx.report
        ends = filled_ends(doc)
        if ends is None:
            return set()
        first, last = ends
        skip = set(heading_lines(report))
        if report.title is not None:
            skip.add(report.title.line)
        head = {}
        for line in first:
            text = line.view.strip()
            if line.number not in skip and len(text) <= REPEAT_MAX and text[-1] not in PROSE_END + "：:":
                head.setdefault(text, line.number)
        out = set()
        for line in last:
            text = line.view.strip()
            if text in head and line.number not in skip and line.number != head[text]:
                out.update((head[text], line.number))
        return out
