"""Reading documents: bytes in, decoded lines with their original positions out.

Every position reportlint prints refers to the original file: lines are split on
LF, CRLF and CR alike, columns count characters (not bytes, not display cells).
A document remembers its encoding, byte-order mark and line ends so a fixer can
write it back byte for byte.
"""

from __future__ import annotations

import bisect
import codecs
import re
from itertools import accumulate

from .i18n import _
from .record import Record
from .variants import may_hold_traditional, simplified

# Encodings tried, in order, for a file without a byte-order mark (then: lint.document._guess).
FALLBACK_ENCODINGS = ("utf-8", "gb18030")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_LINE_RE = re.compile(r"[^\r\n]*(\r\n|\r|\n|$)")

# Control characters other than tab, LF, CR and form feed: a sign of binary data.
_BINARY_RE = re.compile(r"[\x00-\x08\x0e-\x1f]")
# The same characters as (ASCII) bytes.
_BINARY_BYTES = bytes(range(0x00, 0x09)) + bytes(range(0x0E, 0x20))

MARKDOWN_SUFFIXES = (".md", ".markdown")

# The most lines (a .docx: paragraphs) and characters of one document. A long report has a
# few thousand lines; past these, the work per line (a few microseconds each) would make
# one file of short lines take as long as a large corpus.
MAX_LINES = 200_000
MAX_CHARS = 64 * 2**20
TOO_MANY_LINES = "more than {count} lines (paragraphs): too long to lint as one document; split it"
TOO_MANY_CHARS = "more than {count} characters: too long to lint as one document; split it"

# Regions of a Word document that are not running text: never a title, heading or
# paragraph of the report's structure (lint.docx_reader places them after the body).
MARGIN_REGIONS = ("页眉", "页脚")


class DocumentError(Exception):
    """A file that cannot be read as a document; ``line``/``column`` locate the cause."""

    def __init__(self, message: str, line: int = 1, column: int = 1):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class Line(Record):
    """One line of a document, without its line end."""

    __slots__ = ("number", "text", "view", "ending", "offset", "region")

    def __init__(self, number: int, text: str, view: str, ending: str, offset: int, region: str = ""):
        self.number = number  # 1-based
        self.text = text  # the original characters
        self.view = view  # same length as ``text``; markup blanked out for the rules to read
        self.ending = ending  # "\n", "\r\n", "\r" or "" (last line)
        self.offset = offset  # character offset of the line's start in ``Document.text``
        self.region = region  # where the line lives when not in the body (docx: 页眉/页脚/…)


class Document(Record):
    __slots__ = ("path", "text", "lines", "encoding", "bom", "kind", "extra", "view_text", "guessed")

    def __init__(self, path: str, text: str, lines: list[Line], encoding: str = "utf-8", bom: bytes = b"",
                 kind: str = "text", extra: dict | None = None, guessed: bool = False):
        self.path = path
        self.text = text
        self.lines = lines
        self.encoding = encoding
        self.bom = bom
        self.guessed = guessed  # the encoding is charset-normalizer's guess (not named, not UTF-8/16/GB18030)
        self.kind = kind  # "text" or "markdown"
        self.extra = {} if extra is None else extra
        # For plain text, the lines' views with their line ends: ``text`` itself unless a
        # view differs from its line (traditional characters read as simplified).
        self.view_text = text
        if may_hold_traditional(text):
            self._simplify()

    def _simplify(self) -> None:
        """Views with traditional characters read as simplified (lint.variants)."""
        changed = False
        for line in self.lines:
            view = simplified(line.view)
            if view is not line.view:
                line.view, changed = view, True
        if changed and self.kind == "text":
            self.view_text = "".join(line.view + line.ending for line in self.lines)

    @property
    def markdown(self) -> bool:
        return self.kind == "markdown"

    @property
    def fixable(self) -> bool:
        """False for a Word document: its fixes cannot be applied to the file."""
        return self.kind != "docx"

    def line(self, number: int) -> Line:
        return self.lines[number - 1]

    def offset_of(self, line: int, column: int) -> int:
        """Character offset in ``text`` of a 1-based (line, column)."""
        if line > len(self.lines):
            return len(self.text)
        return self.lines[line - 1].offset + column - 1


def _decode(data: bytes, encoding: str | None = None) -> tuple[str, str, bytes, bool]:
    """(text, encoding, byte-order mark, whether the encoding is a guess) of a file's bytes.

    ``encoding`` (``--encoding``) is used as given. Otherwise: a byte-order mark, then
    UTF-8, then GB18030 when the text it gives reads as Chinese (GB18030 decodes almost
    any bytes: Big5, Shift-JIS or EUC-KR bytes come out as rare characters); anything
    else is left to charset-normalizer, whose guess is used only when it is sure of it.
    """
    for bom, name in _BOMS:  # a byte-order mark says it all
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(name), name.replace("-sig", ""), bom, False
            except UnicodeDecodeError as exc:
                raise _decode_error(data[len(bom):], name, exc) from None
    if encoding:
        try:
            return data.decode(encoding), encoding, b"", False
        except UnicodeDecodeError as exc:
            raise _decode_error(data, encoding, exc, _("cannot decode as {encoding}").format(encoding=encoding)) \
                from None
    if _looks_like_utf16(data):
        raise DocumentError(_("looks like UTF-16 without a byte-order mark; save it as UTF-8 or with a BOM"))
    try:
        return data.decode("utf-8"), "utf-8", b"", False
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if _mostly_utf8(data):  # UTF-8 with a few bad bytes: say where, rather than read it as anything else
        raise _decode_error(data, "utf-8", utf8_error)
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _reads_as_chinese(text):
        return text, "gb18030", b"", False
    return _guess(data, utf8_error)


def _mostly_utf8(data: bytes) -> bool:
    """Whether nearly all of the non-ASCII bytes form UTF-8 characters (a damaged UTF-8 file)."""
    sample = data[:65536]
    decoded = sample.decode("utf-8", errors="replace")
    bad = decoded.count("\ufffd")
    good = sum(1 for ch in decoded if ch > "\x7f") - bad
    return good >= 8 and bad * 20 <= good


# At most this share of a GB18030 text's non-ASCII characters may lie outside GB 2312
# (the common simplified characters and punctuation): Big5 text read as GB18030 has
# about half of them there, a simplified report almost none.
GB_OUTSIDE_GB2312 = 0.15


def _reads_as_chinese(text: str) -> bool:
    sample = text[:20000]
    wide = sum(1 for ch in sample if ch > "\x7f")
    if not wide:
        return True
    outside = sample.encode("gb2312", errors="replace").count(b"?") - sample.count("?")
    return outside <= wide * GB_OUTSIDE_GB2312


# The guesses taken without --encoding: the East Asian multi-byte encodings, which a
# Chinese document may be in and a wrong guess among them rarely decodes cleanly. A
# single-byte code page decodes any bytes at all, so its guess is never taken.
EAST_ASIAN_ENCODINGS = frozenset(codecs.lookup(name).name for name in (
    "big5", "big5hkscs", "cp950", "gb2312", "gbk", "gb18030", "hz", "cp932", "shift_jis", "shift_jis_2004",
    "shift_jisx0213", "euc_jp", "euc_jis_2004", "euc_jisx0213", "euc_kr", "cp949", "johab", "iso2022_jp",
    "iso2022_kr"))


def _guess(data: bytes, utf8_error: UnicodeDecodeError) -> tuple[str, str, bytes, bool]:
    """charset-normalizer's decoding of ``data`` when it is sure of it, else a read error
    that names its guess and ``--encoding``."""
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise _decode_error(data, "utf-8", utf8_error, _(
            "cannot decode as UTF-8, UTF-16 (with BOM) or GB18030, nor as any other encoding; "
            "if you know it, name it with --encoding"))
    name = codecs.lookup(best.encoding).name
    if name not in EAST_ASIAN_ENCODINGS or best.language == "Unknown" or best.chaos > 0.1:
        raise DocumentError(_(
            "cannot tell the encoding: not UTF-8, UTF-16 or GB18030, and only perhaps {guess}; "
            "if it is, run with --encoding {guess}").format(guess=name))
    return str(best), name, b"", True


def _looks_like_utf16(data: bytes) -> bool:
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:  # no zero byte: cannot be over 30% zeros
        return False
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) // 2
    return max(zeros_even, zeros_odd) > half * 0.3


def _decode_error(data: bytes, encoding: str, exc: UnicodeDecodeError, why: str | None = None) -> DocumentError:
    good = data[: exc.start].decode(encoding, errors="replace")
    line = good.count("\n") + 1 if "\n" in good else good.count("\r") + 1
    column = len(good) - max(good.rfind("\n"), good.rfind("\r"))
    why = why or _("cannot decode as UTF-8, UTF-16 (with BOM) or GB18030")
    return DocumentError(_("{why}: byte 0x{byte:02x}").format(why=why, byte=data[exc.start]), line, column)


def split_lines(text: str) -> list[tuple[str, str, int]]:
    """(text, ending, offset) for each line; a final empty line only if text is empty."""
    if "\r" not in text:  # LF only (or one line): str.split finds the same lines
        bodies = text.split("\n")
        if len(bodies) > 1 and not bodies[-1]:
            bodies.pop()  # the text ends with its last line's end
        endings = ["\n"] * len(bodies)
        if not text.endswith("\n"):
            endings[-1] = ""
        offsets = accumulate((len(body) + 1 for body in bodies), initial=0)
        return list(zip(bodies, endings, offsets))
    out = []
    for m in _LINE_RE.finditer(text):
        body, ending = m.group(0)[: len(m.group(0)) - len(m.group(1))], m.group(1)
        if not ending and not body and out:
            break
        out.append((body, ending, m.start()))
        if not ending:
            break
    return out


def from_text(text: str, path: str = "<text>", kind: str | None = None, **kw) -> Document:
    if kind is None:
        kind = "markdown" if path.lower().endswith(MARKDOWN_SUFFIXES) else "text"
    rows = split_lines(text)
    if kind == "markdown":
        lines = _markdown_lines(rows)
    else:  # the text is its own view
        lines = [Line(number, body, body, ending, offset)
                 for number, (body, ending, offset) in enumerate(rows, 1)]
    return Document(path=path, text=text, lines=lines, kind=kind, **kw)


def _markdown_lines(rows: list[tuple[str, str, int]]) -> list[Line]:
    """Lines whose view blanks the Markdown syntax (a code fence spans lines) and the
    YAML front matter, which is metadata: never the title, never linted, never fixed."""
    lines = []
    fence = None
    matter = front_matter_end(row[0] for row in rows)
    for number, (body, ending, offset) in enumerate(rows, 1):
        if number <= matter:
            view = " " * len(body)
        else:
            view, fence = markdown_view(body, fence)
        lines.append(Line(number, body, view, ending, offset))
    return lines


FRONT_MATTER_MAX = 200  # lines: a longer "front matter" is taken for a document with a rule in it


def front_matter_end(bodies) -> int:
    """The number of the line that closes a YAML front matter (``---`` on the first line,
    ``---`` or ``...`` to close it), or 0 when the document has none."""
    for number, body in enumerate(bodies, 1):
        stripped = body.rstrip()
        if number == 1:
            if stripped != "---":
                return 0
        elif stripped in ("---", "..."):
            return number
        elif number > FRONT_MATTER_MAX:
            return 0
    return 0


def from_bytes(data: bytes, path: str = "<bytes>", kind: str | None = None, encoding: str | None = None) -> Document:
    """A plain text or Markdown document from its bytes (a Word file: lint.readers), in
    ``encoding`` when given (``--encoding``), else in the one its bytes show."""
    wide = encoding and codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    if b"\x00" in data[:8192] and not wide and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DocumentError(_("binary file (contains NUL bytes)"))
    text, encoding, bom, guessed = _decode(data, encoding)
    check_size(text, count_lines(text))
    m = _BINARY_RE.search(text) if _may_hold_binary(text) else None
    if m:
        before = text[: m.start()]
        doc = from_text(before, path)
        last = doc.lines[-1]
        raise DocumentError(
            _("binary or control character U+{code:04X} in text").format(code=ord(m.group(0))),
            last.number,
            len(last.text) + 1,
        )
    return from_text(text, path, kind, encoding=encoding, bom=bom, guessed=guessed)


def count_lines(text: str) -> int:
    """How many lines :func:`split_lines` makes of ``text`` (without making them)."""
    ends = text.count("\n")
    if "\r" in text:
        ends += text.count("\r") - text.count("\r\n")
    return ends + (0 if text.endswith(("\n", "\r")) and text else 1)


def check_size(text: str, lines: int) -> None:
    """Raise DocumentError when a document passes MAX_LINES or MAX_CHARS."""
    if lines > MAX_LINES:
        raise DocumentError(_(TOO_MANY_LINES).format(count=MAX_LINES), MAX_LINES + 1, 1)
    if len(text) > MAX_CHARS:
        raise DocumentError(_(TOO_MANY_CHARS).format(count=MAX_CHARS))


def _may_hold_binary(text: str) -> bool:
    """False when ``text`` surely has no character of _BINARY_RE.

    Those characters are all ASCII, and a report is mostly Chinese: keeping only the
    ASCII characters and deleting the control ones from those (two passes in C) is
    several times faster than searching the whole text with the pattern, which still
    finds the character, and its position, when there is one.
    """
    ascii_part = text.encode("ascii", "ignore")
    return len(ascii_part.translate(None, _BINARY_BYTES)) != len(ascii_part)


# --- Markdown ---------------------------------------------------------------------------

_MD_HEADING = re.compile(r"^( {0,3})(#{1,6})([ \t]+|$)")
_MD_BULLET = re.compile(r"^(\s*)([-*+]|\d{1,9}[.)])([ \t]+)")
_MD_QUOTE = re.compile(r"^( {0,3}>[ \t]?)+")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_MD_CODE = re.compile(r"`+[^`]*`+")
_MD_LINK_END = re.compile(r"[)\s]")
# What any Markdown syntax blanked below starts with: a leading #, >, bullet, rule or
# fence character, or anywhere ` * _ < (<!--) or ] (a link's "](").
_MD_LEAD = re.compile(r"\s*[#>*+\-_~`\d]")
_MD_INLINE = re.compile(r"[`*_<\]]")
# A code fence (lint.suppress also uses it: a comment in a code block silences nothing).
MD_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_MD_RULE = re.compile(r"^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        chars[i] = " "


def markdown_view(line: str, fence: str | None = None) -> tuple[str, str | None]:
    """Blank out Markdown syntax, keeping every character's column.

    Returns the view and the open code fence (if any) for the next line. Code blocks
    and inline code are blanked entirely: they are not report text.
    """
    m = MD_FENCE.match(line)
    if fence is not None:
        if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
            fence = None
        return " " * len(line), fence
    if m:
        return " " * len(line), m.group(1)
    if not (_MD_LEAD.match(line) or _MD_INLINE.search(line)):
        return line, None  # no Markdown syntax: the line is its own view (no copy)
    if _MD_RULE.match(line):
        return " " * len(line), None
    chars = list(line)
    m = _MD_QUOTE.match(line)
    if m:
        _blank(chars, 0, m.end())
    rest = "".join(chars)
    m = _MD_HEADING.match(rest)
    if m:
        _blank(chars, 0, m.end())
        closing = _closing_hashes(rest)
        if closing is not None and closing >= m.end():
            _blank(chars, closing, len(chars))
    else:
        m = _MD_BULLET.match(rest)
        if m:
            _blank(chars, m.start(2), m.end())
    rest = "".join(chars)
    for start, end in _comments(rest):
        _blank(chars, start, end)
    for m in _MD_CODE.finditer(rest):
        _blank(chars, m.start(), m.end())
    rest = "".join(chars)
    for start, end, mark in _emphasis(rest):
        _blank(chars, start, start + mark)
        _blank(chars, end - mark, end)
    rest = "".join(chars)
    opening, searched = -1, 0
    for start, end in _links(rest):
        _blank(chars, start, end)
        # the matching '[' is left; blank the nearest one before
        opening = max(opening, rest.rfind("[", searched, start))
        searched = start
        if opening >= 0:
            chars[opening] = " "
    return "".join(chars), None


# The scanners below find what a regular expression search would, without the
# quadratic rescanning a backtracking engine does on a long line of unclosed markup.

def _closing_hashes(line: str) -> int | None:
    """Start of a heading's closing ``  ##`` (what ``[ \t]+#+[ \t]*$`` finds), if any."""
    body = line.rstrip(" \t")
    hashes = body.rstrip("#")
    if len(hashes) == len(body) or not hashes or hashes[-1] not in " \t":
        return None
    return len(hashes.rstrip(" \t"))


def _comments(line: str):
    """Spans of ``<!-- … -->`` (what ``<!--.*?-->`` finds)."""
    pos = 0
    while True:
        start = line.find("<!--", pos)
        if start < 0:
            return
        end = line.find("-->", start + 4)
        if end < 0:
            return  # no later comment can close either
        yield start, end + 3
        pos = end + 3


def _links(line: str):
    """Spans of ``](target)`` (what ``\\]\\([^)\\s]*\\)`` finds)."""
    pos = 0
    while True:
        start = line.find("](", pos)
        if start < 0:
            return
        stop = _MD_LINK_END.search(line, start + 2)
        if stop is None:
            return
        if line[stop.start()] == ")":
            yield start, stop.end()
            pos = stop.end()
        else:
            pos = stop.start()  # every "](" before a space fails there too


def _emphasis(line: str):
    """(start, end, mark length) of ``**strong**``, ``__strong__`` and ``*em*``.

    Matches where the alternation ``_MD_STRONG|_MD_EM`` would, but tries a strong
    opener only when a closer follows it, so a line of unclosed ``**`` stays linear.
    """
    if "*" not in line and "_" not in line:
        return
    closers = {d: [c for c in _positions(line, d) if c > 0 and not line[c - 1].isspace()]
               for d in ("**", "__")}
    pos = 0
    for found in re.finditer(r"[*_]", line):
        p = found.start()
        if p < pos:
            continue
        m = None
        delim = line[p:p + 2]
        if delim in closers:
            ends = closers[delim]
            i = bisect.bisect_left(ends, p + 3)
            if i < len(ends):
                m = _MD_STRONG.match(line, p)
        if m is None and line[p] == "*":
            m = _MD_EM.match(line, p)
        if m is not None:
            yield m.start(), m.end(), 2 if m.re is _MD_STRONG else 1
            pos = m.end()


def _positions(line: str, needle: str) -> list[int]:
    """Every index where ``needle`` starts, overlapping ones included."""
    out = []
    i = line.find(needle)
    while i >= 0:
        out.append(i)
        i = line.find(needle, i + 1)
    return out


def markdown_heading_depth(line: str) -> int:
    """1–6 for an ATX heading line, 0 otherwise."""
    m = _MD_HEADING.match(line)
    return len(m.group(2)) if m else 0
