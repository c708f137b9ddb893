"""What reportlint can report, described by the rules themselves: ``--list-rules``,
``--explain RULE``, and the rule metadata of the SARIF output."""

from __future__ import annotations

from .findings import PARSE_ERROR, READ_ERROR, UNUSED_SUPPRESSION
from .record import Value
from .rules import RULES, lookup


class RuleInfo(Value):
    """What a rule is: its code and name, default severity, whether its findings can be
    fixed, its documentation (the first line a summary) and examples (``bad``: text it
    reports, ``good``: text it leaves alone). ``engine``: a finding the engine reports
    itself, not a rule that can be selected."""

    __slots__ = ()
    _fields = ("code", "name", "severity", "fixable", "doc", "examples", "engine")

    def __new__(cls, code: str, name: str, severity: str, fixable: bool, doc: str,
                examples: dict[str, list[str]] | None = None, engine: bool = False):
        return tuple.__new__(cls, (code, name, severity, fixable, doc, dict(examples or {}), engine))

    @property
    def summary(self) -> str:
        return self.doc.split("\n", 1)[0]


# Findings the engine reports itself, documented here since no rule class holds them.
ENGINE_ENTRIES = [
    RuleInfo(READ_ERROR[1], READ_ERROR[0], "error", False,
          "A file that cannot be read as a document (无法读取的文件).\n\n"
          "Binary data, an unknown encoding (not UTF-8, UTF-16 with a byte-order mark or\n"
          "GB18030), or a file that cannot be opened. One finding at the first bad byte;\n"
          "the other files are still linted and the exit status is 2.", engine=True),
    RuleInfo(PARSE_ERROR[1], PARSE_ERROR[0], "error", False,
          "The document's structure could not be parsed (无法解析文档结构).\n\n"
          "The grammar accepts every line sequence, so this marks an internal fault; the\n"
          "rules that read plain lines still run.", engine=True),
    RuleInfo(UNUSED_SUPPRESSION[1], UNUSED_SUPPRESSION[0], "warning", False,
          "A suppression that silenced nothing (无用的抑制).\n\n"
          "Reported only with --report-unused-suppressions: a Markdown comment\n"
          "<!-- reportlint-disable RULE --> or <!-- reportlint-disable-next-line RULE -->\n"
          "that no finding fell under, a comment naming an unknown rule, or an `allow` or\n"
          "`per-file-ignores` entry of the configuration that covered a linted file yet\n"
          "silenced nothing there. Delete it so the next real finding is not hidden.",
          {"bad": ["<!-- reportlint-disable-next-line placeholder -->\n本人全年完成任务。"],
           "good": ["<!-- reportlint-disable-next-line placeholder -->\n按XX格式填写。"]}, engine=True),
]


def catalog() -> list[RuleInfo]:
    """Every rule, then the engine's own findings."""
    rules = [RuleInfo(r.code, r.name, r.severity, r.fixable, r.doc(), dict(r.examples)) for r in RULES]
    return rules + ENGINE_ENTRIES


def find(key: str) -> RuleInfo | None:
    rule = lookup(key)
    for entry in catalog():
        if (rule is not None and entry.code == rule.code) or key in (entry.name, entry.code) \
                or key.upper() == entry.code:
            return entry
    return None


def list_rules(entries: list[RuleInfo], out) -> None:
    """``--list-rules``: a table of ``entries`` (see :func:`catalog`)."""
    rows = [("code", "name", "severity", "fixable", "description")]
    rows += [(e.code, e.name, e.severity, "yes" if e.fixable else "no", e.summary) for e in entries]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        out.write("  ".join(cell.ljust(w) for cell, w in zip(row[:4], widths)) + "  " + row[4] + "\n")


def explain(entry: RuleInfo, out) -> None:
    kind = "reported by the engine" if entry.engine else ("fixable" if entry.fixable else "not fixable")
    out.write(f"{entry.code} {entry.name} ({entry.severity}, {kind})\n\n{entry.doc}\n")
    for key, title in (("bad", "Flagged (报告):"), ("good", "Left alone (不报告):")):
        if entry.examples.get(key):
            out.write(f"\n{title}\n")
            for example in entry.examples[key]:
                lines = example.rstrip("\n").split("\n")
                out.write("".join(f"    {line}\n" for line in lines))
                if len(lines) > 1:
                    out.write("\n")
