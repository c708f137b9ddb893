"""``--format text``: ``path:line:col: severity code [name] message``, the source line
with the span underlined (placed by display width, CJK = 2 columns), and a summary.

A finding ``--fix`` can repair is marked ``[*]`` before its message, and a closing line
counts them. In a Word document a line is a paragraph: its findings say
``第4段第18字`` and quote the start of the paragraph, which Word's search finds.

The source window fits the terminal (80 columns when the output is not one): the
gutter, the window with its ``...`` and the underline never run wider, so the
underline stays under its line. Each window costs time in proportion to its own
width, never to the length of the line before it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import accumulate

from ..i18n import choose
from ..printable import UNSAFE as _CONTROL
from ..printable import printable
from .widths import char_column_sums, display_width, ordinary_column_sums, width_table

SNIPPET_WIDTH = 76  # display columns of source shown around a finding (at most)
LEFT_CONTEXT = 24  # of them, before the finding (at most a third of the window)
TERMINAL_WIDTH = 80  # when the output is not a terminal
MIN_WINDOW = 20
ELLIPSIS = "..."
# In a source window, tabs, other control characters and bidi controls (lint.printable)
# are shown as a space, which keeps the underline in its place.
QUOTE_WIDTH = 20  # display columns of a paragraph's start quoted for a Word document


def _fit(chars, limit: int, widths) -> tuple[int, int]:
    """How many of ``chars`` fit in ``limit`` columns, and the columns they take."""
    taken = list(accumulate(map(widths.__getitem__, chars)))
    count = bisect_right(taken, limit)
    return count, taken[count - 1] if count else 0


# A line of up to this many characters is measured whole, once for all its findings;
# a longer one around each finding only (its column sums would take too much memory).
MEASURED_WHOLE = 4096
# Around a finding on a longer line, at most this many characters per column of the
# window are looked at: zero-width characters beyond that are left out of the window.
CHARS_PER_COLUMN = 8
_measured_line: list = [None, None, None, None]  # the last line measured whole: text, ambiguous, sums, shown


def _measure(text: str, ambiguous: int) -> list:
    """``[text, ambiguous, sums, shown]``: ``sums[i]`` the display columns of ``text[:i]``,
    ``shown`` the text with control characters as spaces (kept for the next finding on the line)."""
    measured = _measured_line
    if measured[0] is not text or measured[1] != ambiguous:
        measured[0], measured[1] = text, ambiguous
        sums = ordinary_column_sums(text, ambiguous)
        measured[2] = char_column_sums(text, ambiguous) if sums is None else sums
        measured[3] = _CONTROL.sub(" ", text) if _CONTROL.search(text) else text
    return measured


def snippet(text: str, start: int, end: int, width: int = SNIPPET_WIDTH, ambiguous: int = 1) -> tuple[str, str]:
    """The source line (windowed to ``width`` columns, plus ``...`` at either cut end) and
    its underline for the characters [start, end)."""
    size = len(text)
    start = max(0, min(start, size))
    end = max(start, min(end, size))
    left_context = min(LEFT_CONTEXT, width // 3)
    if size > MEASURED_WHOLE:
        return _around(text, start, end, width, left_context, width_table(ambiguous))
    _, _, sums, shown = _measure(text, ambiguous)
    return _cut(shown, sums, start, end, width, left_context)


def _cut(shown: str, sums: list[int], start: int, end: int, width: int, left_context: int) -> tuple[str, str]:
    """:func:`snippet` of a line measured whole (``_measure``), ``start``/``end`` within it."""
    size = len(shown)
    # the widest stretch ending at ``start`` within left_context columns, then the longest
    # from there within ``width`` (zero-width characters at either edge included)
    at = sums[start]
    left = bisect_left(sums, at - left_context, 0, start + 1)
    right = bisect_right(sums, sums[left] + width, left, size + 1) - 1
    marks = "^" * max(1, sums[end if end < right else right] - at)
    if left:
        return f"...{shown[left:right]}{'...' if right < size else ''}", " " * (3 + at - sums[left]) + marks
    return (shown[:right] + "..." if right < size else shown[:right]), " " * at + marks


def _around(text: str, start: int, end: int, width: int, left_context: int, widths) -> tuple[str, str]:
    """:func:`snippet` for a long line, measuring only the characters around the finding:
    never more than CHARS_PER_COLUMN per column on either side, so the time a window
    takes does not grow with the line."""
    lo = max(0, start - left_context * CHARS_PER_COLUMN)
    count, used = _fit(reversed(text[lo:start]), left_context, widths)
    left = start - count
    hi = min(len(text), left + width * CHARS_PER_COLUMN)
    count, _taken = _fit(text[left:hi], width, widths)
    right = left + count
    prefix = "..." if left > 0 else ""
    suffix = "..." if right < len(text) else ""
    shown = text[left:right]
    if _CONTROL.search(shown):
        shown = _CONTROL.sub(" ", shown)
    marks = max(1, sum(map(widths.__getitem__, text[start:min(end, right)])))
    return prefix + shown + suffix, " " * (len(prefix) + used) + "^" * marks


def is_word(path: str) -> bool:
    """Whether a finding's ``line`` is a paragraph of a Word document."""
    return path.lower().endswith(".docx")


def gutter(f) -> str:
    """What stands left of the source line: its number, or ``第N段`` in a Word document."""
    return f"第{f.line}段" if is_word(f.path) else str(f.line)


def source_window(f, source: str, options) -> tuple:
    """``(gutter, shown, underline)`` of the finding's line ``source``, fitted to the
    output's width, or () when none is shown."""
    if not (options.show_source and source and not source.isspace()):
        return ()
    end = f.end_column - 1 if f.end_line == f.line else len(source)
    left = gutter(f)
    room = options.width - display_width(left) - len(" | ") - 2 * len(ELLIPSIS)
    return (left, *snippet(source, f.column - 1, end, max(MIN_WINDOW, room), options.ambiguous))


def paragraph_start(source: str, ambiguous: int = 1) -> str:
    """The start of a Word paragraph, quoted so that Word's search finds it."""
    text = _CONTROL.sub(" ", source.strip())
    if not text:
        return ""
    widths = width_table(ambiguous)
    count, _used = _fit(text[:QUOTE_WIDTH], QUOTE_WIDTH, widths)
    return f"「{text[:count]}{'…' if count < len(text) else ''}」"


class Palette:
    def __init__(self, color: bool):
        if color:
            from colorama import Fore, Style

            self.bold, self.reset, self.dim = Style.BRIGHT, Style.RESET_ALL, Style.DIM
            self.levels = {"error": Fore.RED, "warning": Fore.YELLOW, "info": Fore.CYAN}
            self.caret = Fore.RED
            self.fixable = Fore.GREEN
        else:
            self.bold = self.reset = self.dim = self.caret = self.fixable = ""
            self.levels = {}

    def level(self, severity: str) -> str:
        color = self.levels.get(severity, "")
        return f"{color}{severity}{self.reset}" if color else severity


_PALETTES: dict[bool, Palette] = {}
FIXABLE_MARK = "[*]"


def finding(f, source: str, options) -> str:
    """A finding's text: its location and message, then the window of its line and the underline."""
    palette = _PALETTES.get(options.color) or _PALETTES.setdefault(options.color, Palette(options.color))
    return block(f, source_window(f, source, options), palette, source, options.ambiguous)


def location(f, source: str = "", ambiguous: int = 1) -> str:
    """``path:line:column``, or for a Word document ``path 第N段「…」第M字``."""
    if is_word(f.path) and f.line >= 1:
        return f"{f.path} 第{f.line}段{paragraph_start(source, ambiguous)}第{f.column}字"
    return f"{f.path}:{f.line}:{f.column}"


def block(f, window: tuple, pal: Palette, source: str = "", ambiguous: int = 1) -> str:
    """A finding's text: its location and message, then its source window and underline."""
    mark = f"{pal.fixable}{FIXABLE_MARK}{pal.reset} " if f.fix else ""
    head = (f"{pal.bold}{printable(location(f, source, ambiguous))}:{pal.reset} {pal.level(f.severity)} {f.code} "
            f"[{f.rule}] {mark}{printable(f.message)}\n")
    if not window:
        return head
    left, shown, marks = window
    pad = " " * display_width(left)
    return (f"{head}{pal.dim}{left} |{pal.reset} {shown}\n"
            f"{pal.dim}{pad} |{pal.reset} {pal.caret}{marks}{pal.reset}\n")


def render(result, options, out) -> None:
    for report in result.reports:
        texts = report.texts
        if texts is None:  # (made without the lines: no windows)
            texts = [finding(f, "", options) for f in report.findings]
        out.writelines(texts)
    if not options.summary:
        return
    findings = result.findings()
    out.write(summary(findings, len(result.checked), len(result.errors)) + "\n")
    fixable = sum(1 for f in findings if f.fix)
    if fixable and options.fix_hint:
        out.write(choose(f"{fixable} 个问题可用 --fix 自动修正。",
                         f"{FIXABLE_MARK} {_plural(fixable, 'problem')} can be fixed with --fix.") + "\n")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(findings, files: int | None = None, errors: int = 0, zh: bool | None = None) -> str:
    """The closing line: how many findings of each severity in how many files, and how many
    paths could not be linted at all; in Chinese when ``zh`` (default: the run's language)."""
    zh = choose("zh", "en") == "zh" if zh is None else zh
    if zh:
        checked = f"（共检查 {files} 个）" if files is not None else ""
        failed = f"；另有 {errors} 个路径无法检查" if errors else ""
    else:
        checked = f" ({files} checked)" if files is not None else ""
        failed = f"; {_plural(errors, 'path')} could not be linted" if errors else ""
    if not findings:
        if errors and not files:
            if zh:
                return f"没有检查任何文件：{errors} 个路径无法检查。"
            return f"Nothing was linted: {_plural(errors, 'path')} could not be."
        if zh:
            return f"没有发现问题{f'，检查了 {files} 个文件' if files is not None else ''}{failed}。"
        where = " in " + _plural(files, "file") if files is not None else ""
        return f"No problems found{where}{failed}."
    by_level = Counter(f.severity for f in findings)
    total = sum(by_level.values())
    paths = len({f.path for f in findings})
    levels = [level for level in ("error", "warning", "info") if by_level[level]]
    if zh:
        counts = "，".join(f"{level} {by_level[level]}" for level in levels)
        return f"发现 {total} 个问题（{counts}），涉及 {paths} 个文件{checked}{failed}。"
    counts = ", ".join(_plural(by_level[level], level) for level in levels)
    return f"{_plural(total, 'problem')} ({counts}) in {_plural(paths, 'file')}{checked}{failed}."
