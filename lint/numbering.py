"""Word's automatic list numbering, rendered into paragraph text.

A numbered paragraph in a .docx carries no number in its text: Word computes
``一、``, ``（二）`` or ``3.`` from ``numbering.xml`` when it lays the page out. This
module does the same, so that headings numbered by Word read like headings typed
by hand. It follows the WordprocessingML rules that reports use:

- a paragraph is numbered by ``w:numPr`` in its own properties or in its style
  (following ``w:basedOn``); ``w:numId`` 0 switches numbering off;
- ``w:num`` points at a ``w:abstractNum`` (through ``w:numStyleLink`` too) and may
  override a level's start (``w:startOverride``) or the whole level;
- each ``w:numId`` keeps its own counters; a level restarts when a shallower
  level is used (``w:lvlRestart`` 0 = never, n = after level n);
- ``w:lvlText`` such as ``%1、`` or ``（%2）`` or ``%1.%2`` is filled with each
  level's counter in that level's ``w:numFmt`` (``w:isLgl``: all in decimal);
- ``w:suff`` puts a tab (the default), a space or nothing after the number.
"""

from __future__ import annotations

import re

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def wval(el, tag: str) -> str | None:
    """``w:val`` of the child ``w:tag`` of ``el``, or None."""
    if el is None:
        return None
    child = el.find(w(tag))
    return None if child is None else child.get(w("val"))


# The longest number read from numbering.xml (Word's own values are far shorter).
_MAX_DIGITS = 15


def _int(value: str | None, default: int | None = None) -> int | None:
    if value is None or len(value.strip()) > _MAX_DIGITS:
        return default
    try:
        return int(value)
    except ValueError:
        return default


# --- number formats -----------------------------------------------------------------------

_CN = "零一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def chinese_counting(n: int, digits: str = _CN, units: str = "十百千") -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五, 12000 → 一万二千."""
    if n == 0:
        return digits[0]
    if n >= 10000:
        high, low = divmod(n, 10000)
        rest = chinese_counting(low, digits, units) if low else ""
        if low and low < 1000:
            rest = digits[0] + rest
        return chinese_counting(high, digits, units) + "万" + rest
    out = []
    zero = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d, n = divmod(n, power)
        if d:
            if zero:
                out.append(digits[0])
            out.append(digits[d] + unit)
            zero = False
        elif out:
            zero = True
    text = "".join(out)
    if digits is _CN and text.startswith("一十"):
        text = text[1:]  # 十一, not 一十一
    return text


def _letters(n: int, base: str) -> str:
    if n <= 0:
        return str(n)
    return base[(n - 1) % 26] * ((n - 1) // 26 + 1)  # Word: A … Z, AA … ZZ


def _roman(n: int) -> str:
    if n <= 0:
        return str(n)
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def _enclosed(n: int, first: int, count: int) -> str:
    return chr(first + n - 1) if 1 <= n <= count else str(n)


FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalHalfWidth": str,
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperLetter": lambda n: _letters(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "lowerLetter": lambda n: _letters(n, "abcdefghijklmnopqrstuvwxyz"),
    "chineseCounting": chinese_counting,
    "chineseCountingThousand": chinese_counting,
    "japaneseCounting": chinese_counting,
    "ideographDigital": lambda n: "".join(_CN[int(d)] if d.isdigit() else d for d in str(n)).replace("零", "〇"),
    "chineseLegalSimplified": lambda n: chinese_counting(n, _CN_LEGAL, "拾佰仟"),
    "ideographLegalTraditional": lambda n: chinese_counting(n, "零壹貳參肆伍陸柒捌玖", "拾佰仟"),
    "ideographTraditional": lambda n: _TIANGAN[(n - 1) % 10] if n > 0 else str(n),
    "ideographZodiac": lambda n: _DIZHI[(n - 1) % 12] if n > 0 else str(n),
    "decimalEnclosedCircle": lambda n: _enclosed(n, 0x2460, 20),
    "decimalEnclosedCircleChinese": lambda n: _enclosed(n, 0x2460, 20),
    "decimalEnclosedParen": lambda n: _enclosed(n, 0x2474, 20),
    "decimalEnclosedFullstop": lambda n: _enclosed(n, 0x2488, 20),
    "ideographEnclosedCircle": lambda n: _enclosed(n, 0x3220, 10),
    "ordinal": lambda n: f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}",
    "none": lambda n: "",
}


# A counter past this is shown in digits, whatever its format: in letters a list that
# starts at 2.6e10 would be a billion-letter number (Word's own lists stay far below).
MAX_SPELLED = 9999


def format_number(n: int, fmt: str | None) -> str:
    """A counter in a ``w:numFmt``; unknown formats fall back to decimal, and a counter
    past MAX_SPELLED is written in digits."""
    if n > MAX_SPELLED:
        return str(n)
    return FORMATS.get(fmt or "decimal", str)(n)


def _bullet(text: str) -> str:
    # Symbol/Wingdings bullets live in the private use area: show a plain bullet.
    return "".join("•" if 0xE000 <= ord(ch) <= 0xF8FF else ch for ch in text)


# --- definitions --------------------------------------------------------------------------


class Level:
    """One ``w:lvl``: how a level counts and prints."""

    def __init__(self, el):
        self.start = _int(wval(el, "start"), 0)
        self.fmt = wval(el, "numFmt")
        if self.fmt is None:  # newer Word wraps custom formats in mc:AlternateContent
            fallback = el.find(f"{{{MC}}}AlternateContent/{{{MC}}}Fallback")
            self.fmt = wval(fallback, "numFmt") or "decimal"
        self.text = wval(el, "lvlText")
        self.restart = _int(wval(el, "lvlRestart"))
        legal = el.find(w("isLgl"))
        self.legal = legal is not None and legal.get(w("val"), "true") not in ("0", "false", "off")
        self.suffix = {"space": " ", "nothing": ""}.get(wval(el, "suff"), "\t")
        self.style = wval(el, "pStyle")


class Numbering:
    """The numbering definitions of one document and the running counters."""

    MAX_LEVELS = 9

    def __init__(self, numbering_el=None, styles_el=None):
        self.abstract: dict[str, dict[int, Level]] = {}
        self.links: dict[str, str] = {}  # abstractNumId → style it links to (numStyleLink)
        self.nums: dict[str, tuple[str, dict[int, Level], dict[int, int]]] = {}
        self.styles = Styles(styles_el)
        self.counters: dict[str, list[int | None]] = {}
        if numbering_el is None:
            return
        for el in numbering_el.iter(w("abstractNum")):
            aid = el.get(w("abstractNumId"))
            self.abstract[aid] = {_int(lvl.get(w("ilvl")), 0): Level(lvl) for lvl in el.findall(w("lvl"))}
            link = wval(el, "numStyleLink")
            if link:
                self.links[aid] = link
        for el in numbering_el.iter(w("num")):
            overrides: dict[int, Level] = {}
            starts: dict[int, int] = {}
            for override in el.findall(w("lvlOverride")):
                ilvl = _int(override.get(w("ilvl")), 0)
                start = _int(wval(override, "startOverride"))
                if start is not None:
                    starts[ilvl] = start
                lvl = override.find(w("lvl"))
                if lvl is not None:
                    overrides[ilvl] = Level(lvl)
            self.nums[el.get(w("numId"))] = (wval(el, "abstractNumId"), overrides, starts)

    def levels(self, num_id: str, depth: int = 0) -> dict[int, Level]:
        """The levels of a ``w:num``, with its overrides applied."""
        if num_id not in self.nums:
            return {}
        aid, overrides, _ = self.nums[num_id]
        levels = self.abstract.get(aid, {})
        if aid in self.links and depth < 3:  # numStyleLink → the style's list
            linked = self.styles.num_pr(self.links[aid])[0]
            if linked and linked != num_id:
                levels = self.levels(linked, depth + 1)
        return {**levels, **overrides}

    def paragraph_number(self, p) -> str:
        """The number Word shows in front of paragraph ``p`` (with its suffix), or ""."""
        num_id, ilvl = self.num_pr(p)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        levels = self.levels(num_id)
        if ilvl is None:
            style = wval(p.find(w("pPr")), "pStyle")
            ilvl = next((i for i, lvl in levels.items() if style and lvl.style == style), 0)
        ilvl = max(0, min(ilvl, self.MAX_LEVELS - 1))
        level = levels.get(ilvl)
        if level is None:
            return ""
        starts = self.nums[num_id][2]

        def start_of(i: int) -> int:
            if i in starts:
                return starts[i]
            return levels[i].start if i in levels else 0

        counters = self.counters.setdefault(num_id, [None] * self.MAX_LEVELS)
        counters[ilvl] = start_of(ilvl) if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, self.MAX_LEVELS):
            lvl = levels.get(deeper)
            restart = lvl.restart if lvl is not None else None
            if restart is None or (restart and ilvl + 1 <= restart):
                counters[deeper] = None
        if level.fmt == "bullet":
            return _bullet(level.text or "") + level.suffix
        if level.text is None:
            return ""

        def fill(m: re.Match) -> str:
            i = int(m.group(1)) - 1
            if i >= self.MAX_LEVELS:
                return m.group(0)
            value = counters[i] if counters[i] is not None else start_of(i)
            fmt = "decimal" if level.legal else (levels[i].fmt if i in levels else "decimal")
            return format_number(value, fmt)

        return re.sub(r"%([1-9])", fill, level.text) + level.suffix

    def num_pr(self, p) -> tuple[str | None, int | None]:
        """(numId, ilvl) of a paragraph: its own ``w:numPr``, else its style's."""
        ppr = p.find(w("pPr"))
        num_pr = ppr.find(w("numPr")) if ppr is not None else None
        num_id = wval(num_pr, "numId")
        ilvl = _int(wval(num_pr, "ilvl"))
        if num_id is None:
            style_num, style_ilvl = self.styles.num_pr(wval(ppr, "pStyle"))
            num_id = style_num
            ilvl = style_ilvl if ilvl is None else ilvl
        return num_id, ilvl


class Styles:
    """Paragraph styles' numbering (``w:numPr`` through ``w:basedOn``)."""

    def __init__(self, styles_el=None):
        self.styles = {}
        if styles_el is not None:
            for el in styles_el.iter(w("style")):
                self.styles[el.get(w("styleId"))] = el

    def num_pr(self, style_id: str | None) -> tuple[str | None, int | None]:
        seen = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            el = self.styles[style_id]
            num_pr = el.find(f"{w('pPr')}/{w('numPr')}")
            if num_pr is not None and num_pr.find(w("numId")) is not None:
                return wval(num_pr, "numId"), _int(wval(num_pr, "ilvl"))
            style_id = wval(el, "basedOn")
        return None, None
