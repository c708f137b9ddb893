from __future__ import annotations

import re

from ..document import MARGIN_REGIONS
from .base import Fix, Problem, Rule, heading_lines

# A line with no advert keyword is still part of an advert block when it is short and
# does not read like report prose (a brand name, a slogan, 【打击倒卖活动】): prose ends
# a sentence or clause.
WEAK_MAX = 40
ADVERT = "广告残留"  # lint.debris: the kind of debris advert blocks gather around
PROSE_END = "。；;"
SENTENCE_END = "。；;！!？?"
_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?\s*$")
_GREETING = re.compile(r"(尊敬的|各位|同志们|大家好)")
# How many non-blank lines from the top a page's repeated title or summary may stand in.
COPIES_WITHIN = 30
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


class Watermark(Rule):
    """Leftover site debris: adverts, watermarks, paywalls, page furniture (网页残留).

    Catches what template and doc-sharing sites leave in a copied report, by kind,
    each with its own message:

    - adverts (``【…素材库】——…``, ``…整理，咨询QQ…``, ``会员群：…``, ``更多精品范文请访问…``)
      and watermarks (``仅供学习 禁止外传 用后删除``);
    - site intros and outros (``下面是小编整理的…，仅供参考，希望能够帮助到大家``,
      ``由××网整理``, ``本文由…收集``);
    - doc-sharing headers and notices (``…_第N页``, ``已阅读N页，还剩N页未读 继续免费阅读``,
      ``下载本文档``, ``版权说明：本文档由用户提供并上传…``, ``文档简介``, a file name
      ending ``.doc``);
    - paywalls, also inside a line (``……此处隐藏N个字……``, ``（…省略N字，正式会员可完整
      阅读）``, ``（未完，全文共N字…）``, ``您需要先登录``, ``##paidbegin##``);
    - page furniture (breadcrumbs ``您的位置：首页 > …``, ``上一篇：``, ``相关推荐``,
      ``发布时间：…``, ``N人已围观``, share bars, comment boxes);
    - copyright and takedown lines (``图片来源于网络，如有侵权联系删除``,
      ``转载请注明出处``), gambling and SEO spam, and the junk strings anti-scraping
      forums insert (``i( j( e7 Z2 {! |0 K``);
    - collection titles (``…述职报告范文锦集八篇``, ``（精选8篇）``) and the numbers of
      the reports in them (``篇1``, ``第2篇：``).

    Lines before the title that are not the report's own (short lines that do not read
    like prose: a site's name, a user name) are reported too, as are keyword-less lines
    in one block with an advert at the end of the report, and a short line repeated as
    header and footer. Ordinary mentions in the body (``通过单位微信公众号推送``,
    ``在机关微信群分享``, ``工会会员``, ``下载“学习强国”APP``) are not debris. On a page
    flattened into one line, only the sentence around the debris is reported.

    In a Word document, headers and footers (页眉/页脚) are read too: an advert line
    there is a finding (the keyword-less lines around it are not: a header holds the
    unit's name), and the text of a watermark shape in a header (``仅供学习``,
    ``XX素材网``) is always one, unless ``watermark.allow`` matches it (a pack may
    allow, say, ``机密``).

    Phrases that real reports use too (``严禁外传`` of classified files, a hotline's
    ``客服电话：``, ``扫码关注``) count only on a line that does not end like report prose
    (。；) — a rewrite must never delete a sentence of the report.

    Debris is found before the report is parsed, so it is never taken for the title,
    a heading or a list item, and other rules do not report inside it. Patterns: the
    ``watermark`` lists of the rule pack. The fix deletes the debris inside a line, or
    the debris line together with its line end.
    """

    doc_zh = """网页残留：广告、水印、付费墙、页面元素。

    找出模板网站和文库网站留在复制来的报告中的东西，按类报告，各有各的说明：

    - 广告（【…素材库】——…、…整理，咨询QQ…、会员群：…、更多精品范文请访问…）和水印
      （仅供学习 禁止外传 用后删除）；
    - 网站的导语和结束语（下面是小编整理的…，仅供参考，希望能够帮助到大家；由××网整理；本文由…收集）；
    - 文库页面的页眉和提示（…_第N页、已阅读N页，还剩N页未读 继续免费阅读、下载本文档、
      版权说明：本文档由用户提供并上传…、文档简介、以 .doc 结尾的文件名）；
    - 付费墙，行内也报（……此处隐藏N个字……、（…省略N字，正式会员可完整阅读）、
      （未完，全文共N字…）、您需要先登录、##paidbegin##）；
    - 页面元素（面包屑 您的位置：首页 > …、上一篇：、相关推荐、发布时间：…、N人已围观、分享栏、评论框）；
    - 版权和删除声明（图片来源于网络，如有侵权联系删除、转载请注明出处）、赌博和 SEO 垃圾信息，
      以及防采集论坛插入的乱码（i( j( e7 Z2 {! |0 K）；
    - 合集标题（…述职报告范文锦集八篇、（精选8篇））和合集中各篇的序号（篇1、第2篇：）。

    标题之前不属于报告的行（读起来不像正文的短行：网站名、用户名）、报告末尾与广告同在一块的
    无关键词的行、作为页眉页脚重复出现的短行也报告。正文中的普通提法（通过单位微信公众号推送、
    在机关微信群分享、工会会员、下载“学习强国”APP）不算残留。整页被压成一行时，只报告残留所在的那一句。

    Word 文档的页眉、页脚也会读取：其中的广告行要报告（它周围无关键词的行不报：页眉常写单位名称），
    页眉中水印图形的文字（仅供学习、XX素材网）总要报告，除非 watermark.allow 匹配它（规则包可以允许，
    比如“机密”）。

    真实报告也会用的说法（涉密文件的“严禁外传”、热线的“客服电话：”、“扫码关注”）只在结尾不像
    正文（。；）的行上才算：修正绝不能删掉报告中的句子。修正：删除付费墙标记，或连同行尾删除广告行。
    """  # the documentation in Chinese (--explain, --list-rules with --lang zh)

    code = "RL103"
    name = "watermark"
    severity = "error"
    fixable = True
    examples = {
        "bad": ["【哒哒素材库】——每天更新材料1000多篇", "酷乐文行整理，咨询QQ206157060",
                "仅供学习 禁止外传 用后删除", "本##paidbegin##人带头学习",
                "下面是小编整理的述职报告，仅供参考，希望能够帮助到大家。",
                "已阅读5页，还剩3页未读 继续免费阅读", "您的位置：首页 > 范文 > 述职报告",
                "加强学习……此处隐藏3821个字……提高认识。", "图片来源于网络，如有侵权联系删除"],
        "good": ["通过单位微信公众号推送学习内容。", "在机关微信群分享学习内容。",
                 "发展工会会员20名。", "组织党员下载“学习强国”APP。", "全年撰写调研报告3篇。",
                 "以上意见，供大家参考。"],
    }

    def check(self, ctx):
        doc, pack = ctx.doc, ctx.pack
        allow = pack.matcher("watermark.allow")
        keyword: set[int] = set()
        found: dict[int, Problem] = {}
        inline: list[Problem] = []
        for number in doc.extra.get("watermark_lines", ()):
            line = doc.line(number)
            if not _allowed(allow, line.text):
                found[number] = self._line_problem(doc, line, "水印残留")
        for d in doc.extra.get("debris", ()):
            line = doc.line(d.line)
            if d.whole:
                if d.message == ADVERT:
                    keyword.add(d.line)
                if d.line not in found:
                    found[d.line] = self._line_problem(doc, line, d.message)
                continue
            text = line.text[d.start:d.end]
            inline.append(Problem(d.line, d.start + 1, d.line, d.end + 1, f"{d.message}「{_clip(text.strip())}」",
                                  Fix(d.line, d.start + 1, d.line, d.end + 1, "")))
        for number in self._copies(doc, allow):
            if number not in found:
                found[number] = self._line_problem(doc, doc.line(number), "网页标题或摘要的重复")
        for number in self._noise(ctx, allow):
            if number not in found:
                found[number] = self._line_problem(doc, doc.line(number), "标题前的网页残留")
        for number in self._advert_blocks(ctx, keyword) | self._header_footer(ctx):
            if number not in found:
                found[number] = self._line_problem(doc, doc.line(number), "广告残留（广告块中的行）")
        yield from inline
        yield from found.values()

    def _noise(self, ctx, allow) -> list[int]:
        """Lines before the title that are not the report's own: a copy of the title, or a
        short line that does not read like prose (nor ends a salutation) and stands apart
        from the title (the lines right above it may be the title's own: its first half,
        the issuing unit)."""
        report, doc = ctx.report, ctx.doc
        if report.title is None or not report.noise:
            return []
        title = report.title.view.strip()
        block = set()
        number = report.title.line - 1
        while number >= 1 and doc.line(number).text.strip() and number not in doc.extra.get("debris_lines", ()):
            block.add(number)
            number -= 1
        out = []
        for p in report.noise:
            view = p.view.strip()
            if not view or _allowed(allow, p.view):
                continue
            if view == title or (len(view) > len(title) + 10 and view.startswith(title)) or (
                    p.line not in block and self._weak(ctx, doc.line(p.line))
                    and view[-1] not in "：:!！" and not _GREETING.match(view)):
                out.append(p.line)  # a copy of the title, the title run into a summary, or a weak line
        return out

    @staticmethod
    def _copies(doc, allow) -> list[int]:
        """Near the top, a line followed by a copy of itself, or by a line it is the start
        of or that starts it (a page's title repeated, a summary of what follows): the
        first of the two is the site's."""
        out = []
        previous = None  # (the line before, its view stripped, and that without spaces)
        seen = 0
        for line in body_lines(doc):
            view = line.view.strip()
            if not view:
                continue
            seen += 1
            if seen > COPIES_WITHIN:
                break
            # (a copy may have lost or gained the spaces a PDF's lines left: 工作总结 一、回顾)
            whole = "".join(view.split())
            if previous is not None:
                before_line, before, close = previous
                same = before == view and 4 <= len(view) <= 60 and view[-1] not in "。；;，,！!？?：:"
                prefix = min(len(close), len(whole)) >= 15 and close != whole and before[-1] not in SENTENCE_END \
                    and (whole.startswith(close) or close.startswith(whole))  # cut off, not a sentence
                if (same or prefix) and not _allowed(allow, before_line.view):
                    out.append(before_line.number)
            previous = line, view, whole
        return out

    @staticmethod
    def _line_problem(doc, line, what: str) -> Problem:
        start = len(line.text) - len(line.text.lstrip())
        end = len(line.text.rstrip())
        return Problem(line.number, start + 1, line.number, end + 1,
                       f"{what}：「{_clip(line.text)}」", delete_line(doc, line.number))

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
            if not line.text.strip():
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
            if line is not None and line.text.strip() and (not block or block[-1] == number - 1):
                block.append(number)
                continue
            if any(n in keyword for n in block):
                out.update(n for n in block if n in keyword or self._weak(ctx, doc.line(n)))
            block = [number] if line is not None and line.text.strip() else []
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
