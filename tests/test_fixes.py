"""The fix engine (lint.fixes): ordering, overlaps, positions, passes, encodings, diffs."""

import codecs
import itertools
import re
import shutil
import subprocess

import pytest

from conftest import SEEDS, default_pack, lint_text
from lint import document, engine, fixes
from lint.findings import Finding
from lint.fixes import Edit, apply_edits, fix_bytes, fix_document, plan, to_edit, unified_diff
from lint.rules import RULES, Problem, Rule
from lint.rules.base import Fix

REPORT = ("某局述职报告\n\n现将工作情况报告如下：\n\n一、主要工作\n\n{body}\n\n二、存在的问题\n\n学习不够深入。\n\n"
          "三、下一步打算\n\n加强学习。\n")


def linter(*extra_rules, select=None):
    lint = engine.Linter(default_pack(), engine.Options(select=select))
    lint.rules += [rule() for rule in extra_rules]
    return lint


def fixed_text(text, *extra_rules, path="doc.txt"):
    doc, remaining, log = fix_document(linter(*extra_rules), document.from_text(text, path))
    return doc.text, remaining, log


# --- planning -----------------------------------------------------------------------------


def test_identical_fixes_are_applied_once():
    chosen, skipped = plan([Edit(3, 5, "。"), Edit(3, 5, "。")])
    assert chosen == [Edit(3, 5, "。")] and skipped == []
    assert apply_edits("abc。。d", [Edit(3, 5, "。")]) == "abc。d"


def test_overlaps_first_wins_whatever_the_input_order():
    edits = [Edit(2, 6, ""), Edit(4, 8, "x"), Edit(0, 1, "Z"), Edit(6, 7, "y"), Edit(2, 3, "q")]
    results = {tuple(plan(list(p))[0]) for p in itertools.permutations(edits)}
    assert results == {(Edit(0, 1, "Z"), Edit(2, 6, ""), Edit(6, 7, "y"))}
    chosen, skipped = plan(edits)
    assert set(skipped) == {Edit(4, 8, "x"), Edit(2, 3, "q")}
    assert apply_edits("0123456789", chosen) == "Z1y789"


def test_the_wider_fix_wins_at_the_same_start():
    # a whole-line deletion beats a smaller fix inside the line
    chosen, skipped = plan([Edit(0, 3, "。"), Edit(0, 10, "")])
    assert chosen == [Edit(0, 10, "")] and skipped == [Edit(0, 3, "。")]


def test_adjacent_fixes_both_apply_but_two_insertions_at_one_point_do_not():
    chosen, _ = plan([Edit(0, 2, "a"), Edit(2, 4, "b"), Edit(4, 4, "c")])
    assert apply_edits("0123456", chosen) == "abc456"
    chosen, skipped = plan([Edit(4, 4, "y"), Edit(4, 4, "x")])
    assert chosen == [Edit(4, 4, "x")] and skipped == [Edit(4, 4, "y")]


def test_positions_that_are_not_on_the_text_are_ignored():
    doc = document.from_text("ab\r\ncd\r\n")

    def edit(line, col, end_line, end_col, rep=""):
        return to_edit(doc, {"line": line, "column": col, "end_line": end_line, "end_column": end_col,
                             "replacement": rep})

    assert edit(1, 1, 2, 1) == Edit(0, 4, "")  # a whole line with its CRLF
    assert edit(2, 1, 3, 1) == Edit(4, 8, "")  # the last line, end of text
    assert edit(1, 2, 1, 3, "x") == Edit(1, 2, "x")
    assert edit(1, 3, 1, 4) is None  # would split the CRLF
    assert edit(1, 1, 9, 1) is None  # past the end
    assert edit(0, 1, 1, 2) is None
    assert edit(1, 3, 1, 2) is None  # end before start
    assert edit(1, 1, 1, 2, "a") is None  # replaces "a" with "a": nothing to do


# --- what is fixed and what never is -------------------------------------------------------


def test_placeholder_and_missing_section_are_never_fixed():
    fake = Finding("d.txt", 1, 1, 1, 3, "placeholder", "RL101", "error", "m",
                   {"line": 1, "column": 1, "end_line": 1, "end_column": 3, "replacement": "五"})
    assert not fixes.fixable(fake)
    assert not fixes.fixable(fake._replace(rule="missing-section"))
    assert fixes.fixable(fake._replace(rule="duplicate-punctuation"))
    assert not fixes.fixable(fake._replace(rule="duplicate-punctuation", fix=None))


def _findings_on_examples_and_seeds():
    lint = linter()
    for rule in RULES:
        for text in rule.examples["bad"] + rule.examples["good"]:
            yield rule, lint_text(REPORT.format(body=text))
    for path in sorted(SEEDS.glob("*.txt")):
        yield None, lint.report(str(path)).findings


def test_a_rule_carries_fixes_only_if_it_says_it_is_fixable():
    declared = {rule.name: rule.fixable for rule in RULES}
    seen = set()
    for _, found in _findings_on_examples_and_seeds():
        for f in found:
            if f.fix is not None:
                seen.add(f.rule)
                assert declared[f.rule], f"{f.rule} carries a fix but is not declared fixable"
    assert not seen & fixes.NEVER_FIXED
    assert {"duplicate-punctuation", "watermark"} <= seen
    assert not declared["placeholder"] and not declared["missing-section"]


def test_placeholders_and_missing_sections_stay_reported_after_a_fix():
    text = "某局述职报告\n\n一、主要工作\n\n共开展学习X次。。\n酷乐文行整理，咨询QQ206157060\n"
    after, remaining, _ = fixed_text(text)
    assert after == "某局述职报告\n\n一、主要工作\n\n共开展学习X次。\n"
    rules = sorted(f.rule for f in remaining)
    assert rules == ["missing-section", "missing-section", "placeholder"]


def test_no_fix_may_change_a_placeholder():
    # a (test) typo rule that would fill the blank of XX局; the 。。 next to it is still fixed
    fill = regex_rule("RL905", "test-fill", "XX局", lambda m: "某局")
    text = REPORT.format(body="XX局长。。")
    after, remaining, _ = fixed_text(text, fill)
    assert after == REPORT.format(body="XX局长。")
    assert [(f.rule, f.line, f.column) for f in remaining] == [("placeholder", 7, 1), ("test-fill", 7, 1)]


# --- passes -------------------------------------------------------------------------------


def regex_rule(code, name, pattern, replacement):
    """A test rule: every match of ``pattern`` in a line is a finding fixed to ``replacement(match)``."""

    class RegexRule(Rule):
        def check(self, ctx):
            for line in ctx.doc.lines:
                for m in re.finditer(pattern, line.view):
                    start, end = m.start() + 1, m.end() + 1
                    yield Problem(line.number, start, line.number, end, name,
                                  Fix(line.number, start, line.number, end, replacement(m)))

    RegexRule.code, RegexRule.name, RegexRule.fixable = code, name, True
    return RegexRule


# A halfwidth comma between Chinese characters becomes a fullwidth one.
HalfwidthComma = regex_rule("RL901", "test-halfwidth-comma", r"(?<=[\u4e00-\u9fff，]),(?=[\u4e00-\u9fff，])",
                            lambda m: "，")
# Rewrites a whole clause ending in 。。, overlapping duplicate-punctuation's fix.
WholeClause = regex_rule("RL902", "test-whole-clause", "立场坚定。。", lambda m: "立场坚定！")
# A fix that never ends: 甲方 → 甲甲方 → …
Grow = regex_rule("RL903", "test-grow", "甲(?=方)", lambda m: "甲甲")
# Fixes that flip back and forth: 甲 → 乙 and 乙 → 甲.
Flip = regex_rule("RL904", "test-flip", "[甲乙]", lambda m: "乙" if m.group() == "甲" else "甲")


def test_a_fix_that_makes_new_debris_is_fixed_in_the_next_pass():
    text = REPORT.format(body="加强学习,，提高认识。立场坚定。##paidbegin##。")
    after, remaining, log = fixed_text(text, HalfwidthComma)
    assert after == REPORT.format(body="加强学习，提高认识。立场坚定。")
    assert len(log) == 2 and not any(fixes.fixable(f) for f in remaining)


def test_an_overlapped_fix_is_skipped_then_linted_again():
    text = REPORT.format(body="在大是大非问题上立场坚定。。")
    after, remaining, log = fixed_text(text, WholeClause)
    # the clause rule starts first and wins; duplicate-punctuation's 。。 is gone with it
    assert after == REPORT.format(body="在大是大非问题上立场坚定！")
    assert len(log) == 1 and remaining == []


def test_passes_are_bounded_and_cycles_stop():
    after, _, log = fixed_text(REPORT.format(body="甲方。"), Grow)
    assert len(log) == fixes.MAX_PASSES and "甲" * (fixes.MAX_PASSES + 1) + "方" in after
    after, _, log = fixed_text(REPORT.format(body="甲方。"), Flip)
    assert len(log) == 1 and after == REPORT.format(body="乙方。")


# --- bytes ---------------------------------------------------------------------------------

BODY = "某局述职报告\n\n一、主要工作\n\n本##paidbegin##人带头学习，，共开展学习X次。\n仅供学习 禁止外传 用后删除\n末行。。"


@pytest.mark.parametrize("encoding, bom, ending", [
    ("utf-8", b"", "\n"),
    ("utf-8", codecs.BOM_UTF8, "\r\n"),
    ("gb18030", b"", "\r\n"),
    ("utf-16-le", codecs.BOM_UTF16_LE, "\n"),
    ("utf-16-be", codecs.BOM_UTF16_BE, "\r"),
])
def test_encoding_bom_and_line_ends_survive(encoding, bom, ending):
    text = BODY.replace("\n", ending)
    data = bom + text.encode(encoding)
    result = fix_bytes(linter(), data, "doc.txt")
    expected = "某局述职报告\n\n一、主要工作\n\n本人带头学习，共开展学习X次。\n末行。".replace("\n", ending)
    assert result.error is None and result.changed
    assert result.fixed == bom + expected.encode(encoding)
    again = fix_bytes(linter(), result.fixed, "doc.txt")
    assert not again.changed and again.fixed == result.fixed and again.applied == 0


def test_nothing_to_fix_returns_the_same_bytes():
    data = "某局述职报告\r\n\r\n共开展学习X次。\r\n".encode("gb18030")
    result = fix_bytes(linter(), data, "doc.txt")
    assert result.fixed is data and not result.changed and result.applied == 0
    assert [f.rule for f in result.findings if f.rule == "placeholder"] == ["placeholder"]


def test_unreadable_bytes_are_a_read_error_and_are_left_alone():
    data = b"\x00\x01binary"
    result = fix_bytes(linter(), data, "bin.txt")
    assert result.fixed is data and [f.rule for f in result.findings] == ["read-error"]


def test_only_selected_rules_are_fixed():
    text = REPORT.format(body="本##paidbegin##人带头学习，，提高认识。")
    doc, _, _ = fix_document(linter(select=["watermark"]), document.from_text(text))
    assert doc.text == REPORT.format(body="本人带头学习，，提高认识。")


# --- diff ----------------------------------------------------------------------------------


def test_unified_diff_keeps_line_ends_and_marks_a_missing_final_newline():
    before = "一\r\n二。。\r\n三。。"
    after = "一\r\n二。\r\n三。"
    diff = unified_diff(before, after, "doc.txt")
    assert diff == ("--- doc.txt\n+++ doc.txt\n@@ -1,3 +1,3 @@\n 一\r\n-二。。\r\n-三。。\n"
                    "\\ No newline at end of file\n+二。\r\n+三。\n\\ No newline at end of file\n")
    assert unified_diff(before, before, "doc.txt") == ""


@pytest.mark.skipif(shutil.which("patch") is None, reason="needs patch(1)")
def test_patch_applies_the_diff(tmp_path):
    before = "某局述职报告\r\n\r\n立场坚定。。\r\n仅供学习 禁止外传 用后删除\r\n末行。。"
    result = fix_bytes(linter(), before.encode("utf-8"), "doc.txt")
    target = tmp_path / "doc.txt"
    target.write_bytes(before.encode("utf-8"))
    diff = unified_diff(result.text, result.fixed_text, "doc.txt")
    subprocess.run(["patch", "-s", "-p0", "--binary"], input=diff.encode("utf-8"), cwd=tmp_path, check=True)
    assert target.read_bytes() == result.fixed


def test_fixed_bytes_that_differ_outside_the_fixed_spans_are_refused():
    # In a stateful encoding a character's bytes depend on its neighbours: replacing 本 in
    # 日本語 changes the escape sequences around it, outside the span that was fixed.
    doc = document.from_text("日本語", encoding="iso2022_jp")
    fixed = "日x語"
    why = fixes.check_bytes(doc, fixes.encode(doc), [[Edit(1, 2, "x")]], fixed, fixed.encode("iso2022_jp"))
    assert why is not None and "outside the fixed spans" in why
    plain = document.from_text("日本語")  # UTF-8: each character's bytes are its own
    assert fixes.check_bytes(plain, fixes.encode(plain), [[Edit(1, 2, "x")]], fixed, fixed.encode()) is None
