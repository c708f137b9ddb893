"""The source window of text output: the same as measuring character by character."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.formats import text as text_format
from lint.formats.text import LEFT_CONTEXT, SNIPPET_WIDTH, snippet
from lint.formats.widths import char_width as width


def reference(text, start, end, limit=SNIPPET_WIDTH):
    """The window worked out one character at a time."""
    text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    left, used = start, 0
    while left > 0 and used + width(text[left - 1]) <= min(LEFT_CONTEXT, limit // 3):
        left -= 1
        used += width(text[left])
    right, used = left, 0
    while right < len(text) and used + width(text[right]) <= limit:
        used += width(text[right])
        right += 1
    prefix = "..." if left > 0 else ""
    shown = prefix + text[left:right] + ("..." if right < len(text) else "")
    pad = len(prefix) + sum(map(width, text[left:start]))
    marks = max(1, sum(map(width, text[start:min(end, right)])))
    return shown, " " * pad + "^" * marks


ALPHABET = "aZ9 。，学习XＸ“”\t\u0301\u3000é"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=300), st.integers(0, 320), st.integers(0, 40))
def test_window_matches_character_by_character(text, start, length):
    assert snippet(text, start, start + length) == reference(text, start, start + length)


def test_long_lines_and_zero_width_runs():
    for text in ("a" * 5000, "学" * 5000, "a" + "\u0301" * 200 + "b" * 200, "学" * 30 + "\u0301" * 100 + "习" * 90):
        for start in (0, 1, 25, 120, 2500, 4999):
            assert snippet(text, start, start + 3) == reference(text, start, start + 3)
    shown, marks = snippet("X" * 100000, 50000, 50002)
    assert shown == "..." + "X" * SNIPPET_WIDTH + "..." and marks == " " * (3 + LEFT_CONTEXT) + "^^"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a学“”\u0301" * 20, "学" * 90, "x\u0301" * 3000, "学a" * 3000]),
                          st.integers(0, 6100), st.integers(0, 40)), max_size=12))
def test_lines_measured_whole_or_around_each_finding(calls):
    # several findings on one line, then on another: what is kept of a line measured whole
    # is the same as measuring afresh, on lines shorter and longer than MEASURED_WHOLE
    for text, start, length in calls:
        assert snippet(text, start, start + length) == reference(text, start, start + length)


PIECES = ["共", "XX", "次", "，", "“学习”", " ", "\t", "\x01", "é\u0301", "Ｘ", "a" * 30, "\U0001f600"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(PIECES), max_size=40), st.integers(0, 200),
                          st.integers(0, 30), st.booleans(), st.sampled_from([0, 1, 5000])), min_size=1, max_size=6),
       st.booleans())
def test_findings_on_one_line_write_what_each_alone_writes(specs, show_source):
    """A line measured once for all its findings gives each the text it gets measured afresh."""
    from lint.findings import Finding
    from lint.formats import Options
    from lint.formats import text as fmt

    options = Options("text", False, show_source)
    findings, sources = [], {}
    for pieces, column, length, same_line, padding in specs:
        line = len(findings) // 2 + 1  # two findings on each line, its text one object
        source = sources.setdefault(line, "".join(pieces) + "字" * padding)
        findings.append((Finding("a.txt", line, column + 1, line if same_line else line + 1, column + 1 + length,
                                 "placeholder", "RL101", "error", "未填写"), source))
    written = [fmt.finding(f, source, options) for f, source in findings]
    alone = []
    for f, source in findings:
        fmt._measured_line[:] = [None, None, None, None]
        alone.append(fmt.finding(f, source, options))
    assert written == alone
    for (f, source), text in zip(findings, written):
        assert text.startswith(f"a.txt:{f.line}:{f.column}: error RL101 [placeholder] 未填写\n")
        assert ("^" in text) == (show_source and bool(source.strip()))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="a学“\u0301\u200b", max_size=200), st.integers(0, 210), st.integers(0, 20),
       st.integers(20, 120))
def test_window_of_any_width_matches_character_by_character(text, start, length, limit):
    assert snippet(text, start, start + length, limit) == reference(text, start, start + length, limit)


class CountingWidths(dict):
    """A width table that counts the characters looked up."""

    looked_up = 0

    def __missing__(self, ch):
        return width(ch)

    def __getitem__(self, ch):
        CountingWidths.looked_up += 1
        return super().__getitem__(ch)


def test_a_window_on_a_long_line_looks_at_a_bounded_stretch_of_it(monkeypatch):
    """A 60 KB line of X + combining accents (zero-width): each finding's window measures
    characters near it only, however far into the line it is (linear, not quadratic)."""
    monkeypatch.setattr(text_format, "width_table", lambda ambiguous=1: CountingWidths())
    line = "X\u0301" * 30000
    bound = (SNIPPET_WIDTH + LEFT_CONTEXT) * text_format.CHARS_PER_COLUMN + 2 * SNIPPET_WIDTH
    for start in (10, 30000, 59990):
        CountingWidths.looked_up = 0
        shown, marks = snippet(line, start, start + 2)
        assert CountingWidths.looked_up <= bound
        assert text_format.display_width(shown) <= SNIPPET_WIDTH + 6
        assert marks.endswith("^")
