"""Score reportlint's rules against the hand-annotated real-world corpus.

Each case is ``cases/<id>.txt`` (lines kept from a real web page, as stored) and
``cases/<id>.yaml`` (the gold: its address, its kind, every debris line and span,
every blank, every doubled mark, the required sections it lacks, …; see README.md).
``score()`` lints every case with the default pack and counts, per rule, what the
findings got right against the gold. Run it as a script to print the table:

    python tests/corpus/score.py            # the per-rule table
    python tests/corpus/score.py -v         # and every miss and false alarm
    python tests/corpus/score.py -v DIR     # the cases in DIR instead of cases/
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# The kinds a case may have, and the required parts of each (the names in
# missing-section's messages: 缺少「存在问题」部分).
KINDS = {
    "述职报告": ("工作情况", "存在问题", "下一步打算"),
    "工作总结": ("工作情况", "存在问题", "下一步打算"),
    "述职述廉报告": ("工作情况", "廉洁自律", "存在问题", "下一步打算"),
    "对照检查材料": ("问题查摆", "原因剖析", "整改措施"),
    "调研报告": ("基本情况", "存在问题", "对策建议"),
    "工作计划": ("目标", "任务措施"),
    "自查报告": ("自查情况", "存在问题", "整改措施"),
    "讲话": (),
    "其他": (),
}
GOLD_KEYS = {"source", "kind", "note", "debris_lines", "debris_spans", "blanks", "doubled", "missing",
             "empty_headings", "numbering_errors", "typos"}
_SECTION_NAME = re.compile(r"缺少「(.+?)」部分")


class Case:
    def __init__(self, name: str, text: str, gold: dict):
        self.name = name
        self.text = text
        self.gold = gold
        self.lines = text.splitlines()

    def span(self, item: dict, key: str) -> tuple[int, int, int]:
        """(line, start, end), 0-based columns, of a gold ``{line, text, occurrence}`` item."""
        line, text, nth = item["line"], item["text"], item.get("occurrence", 1)
        if not 1 <= line <= len(self.lines):
            raise ValueError(f"{self.name}: {key}: line {line} is outside the text")
        start = -1
        for _ in range(nth):
            start = self.lines[line - 1].find(text, start + 1)
            if start < 0:
                raise ValueError(f"{self.name}: {key}: {text!r} (occurrence {nth}) is not on line {line}")
        return line, start, start + len(text)


def load_cases(directory: Path = CASES) -> list[Case]:
    import yaml

    cases = []
    for txt in sorted(directory.glob("*.txt")):
        gold_path = txt.with_suffix(".yaml")
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
        unknown = set(gold) - GOLD_KEYS
        if unknown:
            raise ValueError(f"{gold_path.name}: unknown keys {sorted(unknown)}")
        if gold.get("kind") not in KINDS:
            raise ValueError(f"{gold_path.name}: kind {gold.get('kind')!r} is not one of {list(KINDS)}")
        if not gold.get("source", "").startswith(("http://", "https://")):
            raise ValueError(f"{gold_path.name}: source must be the page's address")
        for name in gold.get("missing") or ():
            if name not in KINDS[gold["kind"]]:
                raise ValueError(f"{gold_path.name}: missing: {name!r} is not a part of a {gold['kind']}")
        cases.append(Case(txt.stem, txt.read_text(encoding="utf-8"), gold))
    return cases


class Tally:
    """True and false findings, and found and missed gold items, of one measure."""

    def __init__(self):
        self.tp = self.fp = self.found = self.missed = 0
        self.false: list[str] = []
        self.misses: list[str] = []

    def finding(self, ok: bool, where: str) -> None:
        if ok:
            self.tp += 1
        else:
            self.fp += 1
            self.false.append(where)

    def gold(self, ok: bool, where: str) -> None:
        if ok:
            self.found += 1
        else:
            self.missed += 1
            self.misses.append(where)

    @property
    def precision(self) -> float | None:
        n = self.tp + self.fp
        return self.tp / n if n else None

    @property
    def recall(self) -> float | None:
        n = self.found + self.missed
        return self.found / n if n else None


def _overlaps(a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def _fspan(f) -> tuple[int, int, int]:
    return f.line, f.column - 1, f.end_column - 1


def score(cases: list[Case] | None = None) -> dict[str, Tally]:
    from lint import document, engine, packs

    cases = load_cases() if cases is None else cases
    linter = engine.Linter(packs.load())
    tallies: dict[str, Tally] = defaultdict(Tally)
    for case in cases:
        gold = case.gold
        findings = linter.lint_document(document.from_text(case.text, f"{case.name}.txt"))
        by_rule = defaultdict(list)
        for f in findings:
            by_rule[f.rule].append(f)

        def where(f, case=case):
            text = case.lines[f.line - 1] if f.line <= len(case.lines) else ""
            return f"{case.name}:{f.line}:{f.column}: {f.message} | {text[:60]}"

        # watermark: whole debris lines, and debris spans inside a line
        debris = set(gold.get("debris_lines") or ())
        spans = [case.span(s, "debris_spans") for s in gold.get("debris_spans") or ()]
        marks = by_rule["watermark"]
        for f in marks:
            line_text = case.lines[f.line - 1]
            whole = f.column - 1 <= len(line_text) - len(line_text.lstrip()) and \
                f.end_column - 1 >= len(line_text.rstrip())
            if whole:
                tallies["watermark (lines)"].finding(f.line in debris, where(f))
            else:
                ok = f.line in debris or any(_overlaps(_fspan(f), s) for s in spans)
                tallies["watermark (inline)"].finding(ok, where(f))
            tallies["watermark"].finding(
                f.line in debris or (not whole and any(_overlaps(_fspan(f), s) for s in spans)), where(f))
        lines_hit = {f.line for f in marks}
        for n in sorted(debris):
            tallies["watermark (lines)"].gold(n in lines_hit, f"{case.name}:{n}: {case.lines[n - 1][:60]}")
        for s in spans:
            tallies["watermark (inline)"].gold(any(_overlaps(_fspan(f), s) for f in marks),
                                               f"{case.name}:{s[0]}: {case.lines[s[0] - 1][s[1]:s[2]]}")

        # placeholder, duplicate-punctuation, common-typo: spans against gold spans
        for rule, key in (("placeholder", "blanks"), ("duplicate-punctuation", "doubled"), ("common-typo", "typos")):
            gold_spans = [case.span(s, key) for s in gold.get(key) or ()]
            for f in by_rule[rule]:
                tallies[rule].finding(any(_overlaps(_fspan(f), s) for s in gold_spans), where(f))
            for s in gold_spans:
                tallies[rule].gold(any(_overlaps(_fspan(f), s) for f in by_rule[rule]),
                                   f"{case.name}:{s[0]}: {case.lines[s[0] - 1][s[1]:s[2]]!r}")

        # missing-section: the parts named in the findings against the parts the text lacks
        missing = set(gold.get("missing") or ())
        named = set()
        for f in by_rule["missing-section"]:
            m = _SECTION_NAME.search(f.message)
            name = m.group(1) if m else f.message
            named.add(name)
            tallies["missing-section"].finding(name in missing, where(f))
            if not KINDS[gold["kind"]]:
                tallies["missing-section (kinds without parts)"].finding(False, where(f))
        for name in sorted(missing):
            tallies["missing-section"].gold(name in named, f"{case.name}: {name}")

        # empty-section, heading-numbering: findings on the lines the gold names
        for rule, key in (("empty-section", "empty_headings"), ("heading-numbering", "numbering_errors")):
            true_lines = set(gold.get(key) or ())
            for f in by_rule[rule]:
                tallies[rule].finding(f.line in true_lines, where(f))
            for n in sorted(true_lines):
                tallies[rule].gold(n in {f.line for f in by_rule[rule]}, f"{case.name}:{n}")

        # the other rules: counted, not scored
        for rule in ("missing-title", "section-order", "halfwidth-punctuation", "unbalanced-pair",
                     "read-error", "parse-error"):
            for f in by_rule[rule]:
                tallies[f"{rule} (count)"].tp += 1
    return tallies


def table(tallies: dict[str, Tally], cases: int) -> str:
    def pct(value):
        return "-" if value is None else f"{value:.2f}"

    rows = [f"{cases} cases", f"{'measure':40} {'precision':>9} {'recall':>7}   true/false findings, found/missed"]
    for name in sorted(tallies):
        t = tallies[name]
        rows.append(f"{name:40} {pct(t.precision):>9} {pct(t.recall):>7}   {t.tp}/{t.fp}, {t.found}/{t.missed}")
    return "\n".join(rows)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "-v"]
    all_cases = load_cases(Path(args[0]) if args else CASES)
    result = score(all_cases)
    print(table(result, len(all_cases)))
    if "-v" in sys.argv[1:]:
        for name in sorted(result):
            t = result[name]
            for item in t.false:
                print(f"FALSE  {name}: {item}")
            for item in t.misses:
                print(f"MISSED {name}: {item}")
