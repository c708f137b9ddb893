"""``--format text``: ``path:line:col: severity code [name] message``, the source line
with the span underlined (placed by display width, CJK = 2 columns), and a summary."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import accumulate

from ..printable import UNSAFE as _CONTROL
from ..printable import printable
from .widths import WIDTH as _WIDTH
from .widths import char_column_sums, display_width, ordinary_column_sums

SNIPPET_WIDTH = 76  # display columns of source shown around a finding
LEFT_CONTEXT = 24
# In a source window, tabs, other control characters and bidi controls (lint.printable)
# are shown as a space, which keeps the underline in its place.


def _fit(chars, limit: int) -> tuple[int, int]:
    """How many of ``chars`` fit in ``limit`` columns, and the columns they take."""
    widths = list(accumulate(map(_WIDTH.__getitem__, chars)))
    count = bisect_right(widths, limit)
    return count, widths[count - 1] if count else 0


# A line of up to this many characters is measured whole, once for all its findings;
# a longer one around each finding only (its column sums would take too much memory).
MEASURED_WHOLE = 4096
_measured_line: list = [None, None, None]  # the last line measured whole: text, column sums, shown text


def _measure(text: str) -> list:
    """``[text, sums, shown]``: ``sums[i]`` the display columns of ``text[:i]``, ``shown`` the
    text with control characters as spaces (kept for the next finding on the line)."""
    measured = _measured_line
    if measured[0] is not text:
        measured[0] = text
        sums = ordinary_column_sums(text)
        measured[1] = char_column_sums(text) if sums is None else sums
        measured[2] = _CONTROL.sub(" ", text) if _CONTROL.search(text) else text
    return measured


def snippet(text: str, start: int, end: int, width: int = SNIPPET_WIDTH) -> tuple[str, str]:
    """The source line (windowed to ``width`` columns) and its underline for [start, end)."""
    size = len(text)
    start = max(0, min(start, size))
    end = max(start, min(end, size))
    if size > MEASURED_WHOLE:
        return _around(text, start, end, width)
    _, sums, shown = _measure(text)
    return _cut(shown, sums, start, end, width)


def _cut(shown: str, sums: list[int], start: int, end: int, width: int = SNIPPET_WIDTH) -> tuple[str, str]:
    """:func:`snippet` of a line measured whole (``_measure``), ``start``/``end`` within it."""
    size = len(shown)
    # the widest stretch ending at ``start`` within LEFT_CONTEXT columns, then the longest
    # from there within ``width`` (zero-width characters at either edge included)
    at = sums[start]
    left = bisect_left(sums, at - LEFT_CONTEXT, 0, start + 1)
    right = bisect_right(sums, sums[left] + width, left, size + 1) - 1
    marks = "^" * max(1, sums[end if end < right else right] - at)
    if left:
        return f"...{shown[left:right]}{'...' if right < size else ''}", " " * (3 + at - sums[left]) + marks
    return (shown[:right] + "..." if right < size else shown[:right]), " " * at + marks


def _window(text: str, left: int, right: int, used: int, marks: int) -> tuple[str, str]:
    prefix = "..." if left > 0 else ""
    suffix = "..." if right < len(text) else ""
    shown = text[left:right]
    if _CONTROL.search(shown):
        shown = _CONTROL.sub(" ", shown)
    return prefix + shown + suffix, " " * (len(prefix) + used) + "^" * marks


def _around(text: str, start: int, end: int, width: int) -> tuple[str, str]:
    """:func:`snippet` for a long line, measuring only the characters around the finding."""
    # Measure as many characters as there are columns: that is enough unless zero-width
    # characters are among them and the next character still fits; then measure the rest.
    lo = max(0, start - LEFT_CONTEXT)
    count, used = _fit(reversed(text[lo:start]), LEFT_CONTEXT)
    if count == start - lo and lo > 0 and used + _WIDTH[text[lo - 1]] <= LEFT_CONTEXT:
        count, used = _fit(reversed(text[:start]), LEFT_CONTEXT)
    left = start - count
    hi = min(len(text), left + width)
    count, taken = _fit(text[left:hi], width)
    if count == hi - left and hi < len(text) and taken + _WIDTH[text[hi]] <= width:
        count, _ = _fit(text[left:], width)
    right = left + count
    return _window(text, left, right, used, max(1, display_width(text[start:min(end, right)])))


def source_window(f, source: str, show_source: bool = True) -> tuple:
    """The finding's window of its line ``source`` and underline (``snippet``), or () when none is shown."""
    if not (show_source and source and not source.isspace()):
        return ()
    end = f.end_column - 1 if f.end_line == f.line else len(source)
    return snippet(source, f.column - 1, end)


class Palette:
    def __init__(self, color: bool):
        if color:
            from colorama import Fore, Style

            self.bold, self.reset, self.dim = Style.BRIGHT, Style.RESET_ALL, Style.DIM
            self.levels = {"error": Fore.RED, "warning": Fore.YELLOW, "info": Fore.CYAN}
            self.caret = Fore.RED
        else:
            self.bold = self.reset = self.dim = self.caret = ""
            self.levels = {}

    def level(self, severity: str) -> str:
        color = self.levels.get(severity, "")
        return f"{color}{severity}{self.reset}" if color else severity


_PALETTES: dict[bool, Palette] = {}


def finding(f, source: str, options) -> str:
    """A finding's text: its location and message, then the window of its line and the underline."""
    palette = _PALETTES.get(options.color) or _PALETTES.setdefault(options.color, Palette(options.color))
    return block(f, source_window(f, source, options.show_source), palette)


def block(f, window: tuple, pal: Palette) -> str:
    """A finding's text: its location and message, then its source window and underline."""
    head = (f"{pal.bold}{printable(f.path)}:{f.line}:{f.column}:{pal.reset} {pal.level(f.severity)} {f.code} "
            f"[{f.rule}] {printable(f.message)}\n")
    if not window:
        return head
    shown, marks = window
    gutter = str(f.line)
    return (f"{head}{pal.dim}{gutter} |{pal.reset} {shown}\n"
            f"{pal.dim}{' ' * len(gutter)} |{pal.reset} {pal.caret}{marks}{pal.reset}\n")


def render(result, options, out) -> None:
    for report in result.reports:
        texts = report.texts
        if texts is None:  # (made without the lines: no windows)
            texts = [finding(f, "", options) for f in report.findings]
        out.write("".join(texts))
    out.write(summary(result.findings(), len(result.checked)) + "\n")


def summary(findings, files: int | None = None) -> str:
    if not findings:
        checked = f"，检查了 {files} 个文件" if files is not None else ""
        return f"没有发现问题{checked}。 No problems found."
    by_level = Counter(f.severity for f in findings)
    total = sum(by_level.values())
    levels = "，".join(f"{level} {by_level[level]}" for level in ("error", "warning", "info") if by_level[level])
    paths = len({f.path for f in findings})
    checked = f"（共检查 {files} 个）" if files is not None else ""
    return (f"发现 {total} 个问题（{levels}），涉及 {paths} 个文件{checked}。 "
            f"{total} problem{'s' if total != 1 else ''} in {paths} file{'s' if paths != 1 else ''}.")
