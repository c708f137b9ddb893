from __future__ import annotations

from .base import Problem, Rule, overlaps, spans_of


class Placeholder(Rule):
    """Unfilled template placeholder (未填写的占位符).

    Templates from material sites stand ``X``/``XX``/``××``/``ＸＸ`` in for names and
    numbers (``202X年``, ``X月X日``), ``*`` for a figure or a name (``我叫***，现任***村``),
    ``____`` or ``_`` for anything (``到_小学任职``), ``AAA`` or ``☆`` for a blank, bracketed
    prompts (``[具体措施]``, ``[新产品名称]``), and leave dates with their digits stripped
    (``——年月日``). A name a site censored or anonymised (``镇X委``, ``X区``) is a blank too. Each run is one finding spanning exactly its
    characters. Legitimate text is left alone: ``X射线``, ``X光机``, ``1+X证书``, ``5×8米``,
    ``AAA级信用企业``, ``4A级景区``, English words and acronyms, pinyin annotations
    (``報(bào)告``), Markdown bullets and ``**bold**``. A blank written only in Latin
    letters or symbols counts only inside Chinese text: among ASCII letters and symbols
    (the junk strings anti-scraping sites add, ``o% x# o``) it is not a blank.

    The patterns and the exceptions live in the rule pack (``placeholder.patterns``
    and ``placeholder.allow``), so a pack can add a template's own blanks. Never
    fixed automatically: only the author knows what belongs there.
    """

    doc_zh = """未填写的占位符。

    从素材网站下载的模板用 X、XX、××、ＸＸ 代替名称和数字（202X年、X月X日），用 * 代替数字或
    人名（我叫***，现任***村），用 ____ 或 _ 代替任何内容（到_小学任职），用 AAA 或 ☆ 表示空白，
    用方括号写提示（[具体措施]、[新产品名称]），或留下去掉了数字的日期（——年月日）。网站隐去的
    名称（镇X委、X区）也算空白。每一处报告一次，范围正好是这些字符。

    不报：X射线、X光机、1+X证书、5×8米、AAA级信用企业、4A级景区、英文单词和缩写、拼音注音
    （報(bào)告）、Markdown 列表符号与 **粗体**。只用英文字母或符号写成的空白只在中文里才算：
    夹在英文字母和符号中间（防采集网站插入的乱码 o% x# o）不算。

    模式和例外都在规则包中（placeholder.patterns、placeholder.allow），可以加上模板自己的空白写法。
    不会自动修正：只有作者知道那里该填什么。
    """  # the documentation in Chinese (--explain, --list-rules with --lang zh)

    code = "RL101"
    name = "placeholder"
    severity = "error"
    examples = {
        "bad": ["共受理话务X件，办结率X%。", "××局党组会议", "共开展中心组学习*次。", "建立工作AAA群。",
                "我叫***，现任***村党支部书记。", "2020年8月到_小学任职。", "——年月日"],
        "good": ["配备X光机两台。", "推进1+X证书试点。", "展板5×8米。", "获评AAA级信用企业。", "用Excel汇总。",
                 "習(xí)近平", "4 }, y8 a' J1 j6 s! o% x# o"],
    }

    def check(self, ctx):
        blanks = ctx.pack.matcher("placeholder.patterns")
        allow = ctx.pack.matcher("placeholder.allow")
        if blanks is None:
            return
        messages: dict[str, str] = {}  # the same few blanks (X, XX, ××) recur
        for line in ctx.doc.lines:
            view, number = line.view, line.number
            allowed = None  # looked for at the line's first blank
            for m in blanks.finditer(view):
                if allowed is None:
                    allowed = spans_of(allow, view)
                start, end = m.span()
                if allowed and overlaps(allowed, start, end):
                    continue
                text = m.group()
                if not in_chinese_text(view, start, end) and not any("\u3400" <= ch <= "\u9fff" for ch in text):
                    continue  # a blank of Latin letters or symbols, not among Chinese text
                message = messages.get(text)
                if message is None:
                    message = messages[text] = f"未填写的占位符「{text}」"
                yield Problem(number, start + 1, number, end + 1, message)


# Characters skipped when looking for what a blank stands among: spaces and ASCII
# punctuation (stored web pages often show ，：（ as , : ().
_SKIPPED = " \t,.:;!?()[]\"'"
LOOK_AROUND = 3


def _chinese(ch: str) -> bool:
    """A CJK character, CJK or full-width punctuation, or a quote or dash of Chinese text."""
    return ch >= "\u2010"


def in_chinese_text(view: str, start: int, end: int) -> bool:
    """Whether the blank ``view[start:end]``, written in Latin letters or symbols, stands in
    Chinese text: next to a Chinese character, across at most LOOK_AROUND spaces and ASCII
    punctuation marks, or right next to a digit (202X年). Among ASCII letters and symbols
    (the junk strings of anti-scraping pages, ``% x# o``) it is not a blank."""
    before = view[start - 1] if start else ""
    after = view[end] if end < len(view) else ""
    if before >= "\u2010" or after >= "\u2010" or before.isdecimal() or after.isdecimal():
        return True  # right next to Chinese text or a digit (most blanks: 共X人, 202X年)
    for i in range(start - 1, max(start - 1 - LOOK_AROUND, -1), -1):
        if view[i] not in _SKIPPED:
            if _chinese(view[i]):
                return True
            break
    for i in range(end, min(end + LOOK_AROUND, len(view))):
        if view[i] not in _SKIPPED:
            return _chinese(view[i])
    return False
