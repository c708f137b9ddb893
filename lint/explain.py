"""What reportlint can report, described by the rules themselves: ``--list-rules``,
``--explain RULE``, and the rule metadata of the SARIF output."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .findings import PARSE_ERROR, READ_ERROR, UNUSED_SUPPRESSION
from .i18n import choose
from .rules import RULES, lookup


@dataclass
class Entry:
    code: str
    name: str
    severity: str
    fixable: bool
    doc: str
    examples: dict[str, list[str]] = field(default_factory=dict)
    engine: bool = False  # reported by the engine, not a rule that can be selected

    @property
    def summary(self) -> str:
        return self.doc.split("\n", 1)[0]


# Findings the engine reports itself, documented here since no rule class holds them.
ENGINE_DOCS = {
    READ_ERROR: ("error", (
        "A file that cannot be read as a document (无法读取的文件).\n\n"
        "Binary data, an encoding that cannot be told (not UTF-8, UTF-16 with a byte-order mark,\n"
        "GB18030 or an East Asian encoding such as Big5 that the bytes show clearly: name it with\n"
        "--encoding), a legacy .doc, a .wps or a .pdf (save it as .docx), or a file that cannot\n"
        "be opened. One finding at the first bad byte; the other files are still linted and the\n"
        "exit status is 2.",
        "无法读取的文件。\n\n"
        "二进制数据；无法确定的编码（不是 UTF-8、带 BOM 的 UTF-16、GB18030，也不是字节能清楚显示的\n"
        "Big5 等东亚编码：请用 --encoding 指定）；旧版 .doc、.wps 或 .pdf（请另存为 .docx）；或无法\n"
        "打开的文件。在第一个出错的字节处报告一次；其他文件照常检查，退出状态为 2。"), {}),
    PARSE_ERROR: ("error", (
        "The document's structure could not be parsed (无法解析文档结构).\n\n"
        "The grammar accepts every line sequence, so this marks an internal fault; the\n"
        "rules that read plain lines still run.",
        "无法解析文档结构。\n\n语法接受任何行序列，所以这表示内部故障；只读文本行的规则照常运行。"), {}),
    UNUSED_SUPPRESSION: ("warning", (
        "A suppression that silenced nothing (无用的抑制).\n\n"
        "Reported only with --report-unused-suppressions: a Markdown comment\n"
        "<!-- reportlint-disable RULE -->, <!-- reportlint-disable-next-line RULE --> or\n"
        "<!-- reportlint-disable-line RULE --> that no finding fell under, a comment naming an\n"
        "unknown rule, or an `allow` or `per-file-ignores` entry of the configuration that\n"
        "covered a linted file yet silenced nothing there. Delete it so the next real finding\n"
        "is not hidden.",
        "无用的抑制。\n\n"
        "只在加 --report-unused-suppressions 时报告：没有屏蔽任何问题的 Markdown 注释\n"
        "<!-- reportlint-disable RULE -->、<!-- reportlint-disable-next-line RULE --> 或\n"
        "<!-- reportlint-disable-line RULE -->，写了未知规则的注释，以及覆盖了所检查的文件却\n"
        "没有屏蔽任何问题的配置项 allow 或 per-file-ignores。删掉它，以免以后真正的问题被隐藏。"),
        {"bad": ["<!-- reportlint-disable-next-line placeholder -->\n本人全年完成任务。"],
         "good": ["<!-- reportlint-disable-next-line placeholder -->\n按XX格式填写。"]}),
}


def catalog() -> list[Entry]:
    """Every rule, then the engine's own findings (in the run's language)."""
    from .i18n import language

    zh = language() == "zh"
    rules = [Entry(r.code, r.name, r.severity, r.fixable, r.doc(), dict(r.examples)) for r in RULES]
    engine = [Entry(code, name, severity, False, docs[1] if zh else docs[0], dict(examples), engine=True)
              for (name, code), (severity, docs, examples) in ENGINE_DOCS.items()]
    return rules + engine


def find(key: str) -> Entry | None:
    rule = lookup(key)
    for entry in catalog():
        if (rule is not None and entry.code == rule.code) or key in (entry.name, entry.code) \
                or key.upper() == entry.code:
            return entry
    return None


def list_rules(out) -> None:
    from .formats.widths import display_width

    rows = [tuple(choose("代码 名称 严重级别 自动修正 说明", "code name severity fixable description").split())]
    rows += [(e.code, e.name, e.severity, choose("能", "yes") if e.fixable else choose("否", "no"), e.summary)
             for e in catalog()]
    widths = [max(display_width(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        cells = [cell + " " * (w - display_width(cell)) for cell, w in zip(row[:4], widths)]
        out.write("  ".join(cells) + "  " + row[4] + "\n")


_LITERAL = re.compile(r"``(.+?)``|(?<![\w`]):\w+:`([^`]+)`|(?<![\w`])`([^`]+)`(?![\w`])", re.S)


def plain(doc: str) -> str:
    """A docstring's reStructuredText as plain text: a literal in quotes (````X射线```` →
    ``“X射线”``), a role or reference as its text."""
    return _LITERAL.sub(lambda m: f"“{m.group(1)}”" if m.group(1) else m.group(2) or m.group(3), doc)


def explain(entry: Entry, out) -> None:
    if entry.engine:
        kind = choose("由引擎报告", "reported by the engine")
    else:
        kind = choose("能自动修正", "fixable") if entry.fixable else choose("不能自动修正", "not fixable")
    out.write(choose(f"{entry.code} {entry.name}（{entry.severity}，{kind}）",
                     f"{entry.code} {entry.name} ({entry.severity}, {kind})") + f"\n\n{plain(entry.doc)}\n")
    for key, title in (("bad", choose("会报告：", "Flagged:")), ("good", choose("不报告：", "Left alone:"))):
        if entry.examples.get(key):
            out.write(f"\n{title}\n")
            for example in entry.examples[key]:
                lines = example.rstrip("\n").split("\n")
                out.write("".join(f"    {line}\n" for line in lines))
                if len(lines) > 1:
                    out.write("\n")


def explain_key(key: str, out) -> bool:
    """``--explain KEY``: False when no rule has that name or code."""
    entry = find(key)
    if entry is not None:
        explain(entry, out)
    return entry is not None
