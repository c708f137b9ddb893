"""``--format text``: ``path:line:col: severity code [name] message``, the source line
with the span underlined (placed by display width, CJK = 2 columns), and a summary."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import accumulate

from .widths import WIDTH as _WIDTH
from .widths import char_column_sums, display_width, ordinary_column_sums

SNIPPET_WIDTH = 76  # display columns of source shown around a finding
LEFT_CONTEXT = 24
# Tabs and other control characters (category Cc) are shown as a space.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


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
        sums = ordinary_column_sums(text)  # (no control character, then)
        if sums is None:
            sums = char_column_sums(text)
            measured[2] = _CONTROL.sub(" ", text) if _CONTROL.search(text) else text
        else:
            measured[2] = text
        measured[1] = sums
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


def source_window(f, show_source: bool = True) -> tuple:
    """The finding's source window and underline (``snippet``), or () when none is shown."""
    if not (show_source and f.source and not f.source.isspace()):
        return ()
    end = f.end_column - 1 if f.end_line == f.line else len(f.source)
    return snippet(f.source, f.column - 1, end)


def prepare(findings, show_source: bool = True, color: bool | None = None, encoding: str | None = None,
            whole: bool = False):
    """Work out each finding's window ahead of ``render`` (in a worker process); drop its source.

    When the output is known to be without colour (``color`` False), the file's findings
    are written out here, one after the other, into one text (bytes in ``encoding``, the
    output's, when given): each finding keeps ``(text, start, end)``, its part of it. The
    parent process then writes a file's findings with one call, and passing one text per
    file between processes costs far less than a string per finding. With ``whole`` (the
    file's findings need not be sorted among others'), the file's findings are replaced
    by one :class:`Written`, which is returned.
    """
    if color is False:
        parts = _plain_parts(findings, show_source)
        if encoding:
            parts = [part.encode(encoding, "replace") for part in parts]
        text = (b"" if encoding else "").join(parts)
        if whole and findings:
            return Written(findings[0].path, text, tuple(f.severity for f in findings),
                           any(f.rule == "read-error" for f in findings))
        end = 0
        for f, part in zip(findings, parts):
            f.window = (text, end, end + len(part))
            end += len(part)
            f.source = ""
        return None
    for f in findings:
        f.window = source_window(f, show_source)
        f.source = ""
    return None


class Written:
    """One file's findings as written out by a worker process (see :func:`prepare`).

    What the parent process needs of them: the text to write, and each finding's
    severity (for the summary and the exit status); it stands in for the findings in
    the list of a run's findings. Its sort key puts it before any other finding of its
    path (there is none: it is only made when each file's findings stay together).
    """

    __slots__ = ("path", "text", "severities", "read_error")
    line = column = end_line = end_column = 0
    code = ""

    def __init__(self, path: str, text, severities: tuple, read_error: bool):
        self.path, self.text, self.severities, self.read_error = path, text, severities, read_error

    def __len__(self) -> int:
        return len(self.severities)


def outcomes(findings):
    """``(severity, is_read_error)`` of every finding, also of those in a :class:`Written`."""
    for f in findings:
        if type(f) is Written:
            yield from ((severity, f.read_error) for severity in f.severities)
        else:
            yield f.severity, f.rule == "read-error"


def _plain_parts(findings, show_source: bool) -> list[str]:
    """Each finding's whole text without colour: ``_plain(f, source_window(f))`` for each.

    A run can have tens of thousands of findings, a few on each line: a line is looked
    at and measured once here for all its findings, not once for each.
    """
    parts = []
    last = None
    for f in findings:
        source = f.source
        if source is not last:  # a finding's line: measured once for all its findings
            last = source
            size = len(source)
            shown_line = show_source and source and not source.isspace()
            whole = shown_line and size <= MEASURED_WHOLE
            if whole:
                _, sums, shown = _measure(source)
        if whole:
            start = f.column - 1
            start = 0 if start < 0 else size if start > size else start
            end = f.end_column - 1 if f.end_line == f.line else size
            end = start if end < start else size if end > size else end
            parts.append(_plain(f, _cut(shown, sums, start, end)))
        else:
            parts.append(_plain(f, source_window(f, show_source) if shown_line else ()))
    return parts


def _plain_head(f) -> str:
    return f"{f.path}:{f.line}:{f.column}: {f.severity} {f.code} [{f.rule}] {f.message}\n"


def _plain(f, window: tuple) -> str:
    """A finding's whole text without colour (``block`` with an empty palette)."""
    if not window:
        return _plain_head(f)
    gutter = str(f.line)
    return f"{_plain_head(f)}{gutter} | {window[0]}\n{' ' * len(gutter)} | {window[1]}\n"


def _from_plain(f, written: str) -> tuple:
    """The window (shown, marks) of a finding from its text without colour (see prepare)."""
    body = written[len(_plain_head(f)):]
    if not body:
        return ()
    skip = len(str(f.line)) + 3  # "12 | "
    shown, marks, _ = body.split("\n")
    return shown[skip:], marks[skip:]


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


def render(findings, out, options=None) -> None:
    color = bool(getattr(options, "color", False))
    show_source = getattr(options, "show_source", True)
    pal = Palette(color)
    writer = _Writer(out, getattr(options, "known_encoding", None))
    for f in findings:
        if type(f) is Written:  # (written without colour even if it turns out to be wanted)
            writer.part(f.text, 0, len(f.text))
            continue
        window = f.window
        if window is None:
            window = source_window(f, show_source)
        elif len(window) == 3:  # written out ahead, without colour (see prepare)
            if not color:
                writer.part(*window)
                continue
            window = _from_plain(f, writer.text(*window))
        writer.write(block(f, window, pal))
    writer.write(summary(findings, getattr(options, "files", None)) + "\n")
    writer.close()


class _Writer:
    """Writes a run's text in few calls: findings' own text in batches, and the texts that
    worker processes wrote (see prepare) a whole run of consecutive parts at a time."""

    def __init__(self, out, encoding: str | None):
        self.out, self.encoding = out, encoding
        self.chunk: list[str] = []  # one write per finding is slow on an unbuffered stream
        self.run = None  # [text, start, end] of the parts not yet written
        # bytes go straight to the stream's buffer when they are in its encoding
        buffer = getattr(out, "buffer", None)
        same = encoding and _codec(getattr(out, "encoding", None)) == _codec(encoding)
        self.buffer = buffer if same else None

    def write(self, text: str) -> None:
        self._flush_run()
        self.chunk.append(text)
        if len(self.chunk) >= 2000:
            self._flush_chunk()

    def part(self, text, start: int, end: int) -> None:
        run = self.run
        if run is not None and run[0] is text and run[2] == start:
            run[2] = end
            return
        self._flush_run()
        self.run = [text, start, end]

    def text(self, text, start: int, end: int) -> str:
        piece = text[start:end]
        return piece.decode(self.encoding, "replace") if isinstance(piece, bytes) else piece

    def close(self) -> None:
        self._flush_run()
        self._flush_chunk()

    def _flush_chunk(self) -> None:
        if self.chunk:
            self.out.write("".join(self.chunk))
            self.chunk.clear()

    def _flush_run(self) -> None:
        if self.run is None:
            return
        text, start, end = self.run
        self.run = None
        if isinstance(text, str):
            self.chunk.append(text[start:end])
        elif self.buffer is not None:
            self._flush_chunk()
            self.out.flush()
            self.buffer.write(text[start:end])
        else:
            self.chunk.append(self.text(text, start, end))


def _codec(name: str | None) -> str | None:
    import codecs

    try:
        return codecs.lookup(name).name if name else None
    except LookupError:
        return None


def block(f, window: tuple, pal: Palette) -> str:
    """A finding's text: its location and message, then its source window and underline."""
    head = f"{pal.bold}{f.path}:{f.line}:{f.column}:{pal.reset} {pal.level(f.severity)} {f.code} [{f.rule}] {f.message}\n"
    if not window:
        return head
    shown, marks = window
    gutter = str(f.line)
    return (f"{head}{pal.dim}{gutter} |{pal.reset} {shown}\n"
            f"{pal.dim}{' ' * len(gutter)} |{pal.reset} {pal.caret}{marks}{pal.reset}\n")


def summary(findings, files: int | None = None) -> str:
    if not findings:
        checked = f"，检查了 {files} 个文件" if files is not None else ""
        return f"没有发现问题{checked}。 No problems found."
    by_level = Counter(severity for severity, _ in outcomes(findings))
    total = sum(by_level.values())
    levels = "，".join(f"{level} {by_level[level]}" for level in ("error", "warning", "info") if by_level[level])
    paths = len({f.path for f in findings})
    checked = f"（共检查 {files} 个）" if files is not None else ""
    return (f"发现 {total} 个问题（{levels}），涉及 {paths} 个文件{checked}。 "
            f"{total} problem{'s' if total != 1 else ''} in {paths} file{'s' if paths != 1 else ''}.")
