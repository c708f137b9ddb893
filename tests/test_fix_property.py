"""Property: fixing a report with injected debris gives back the report, and only it.

A report is generated from real report sentences (some with unfilled blanks), then
debris is injected — advert lines, paywall markers, doubled punctuation — and it is
saved in some encoding, with some line ends and maybe a BOM. Fixing must remove exactly
the debris: the result is the report as generated, blanks and all, byte for byte in the
same encoding, and fixing it again changes nothing.
"""

import codecs

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import default_pack
from lint import document, engine, fixes, parser, readers

TITLES = ["区政务局党组书记抓基层党建工作述职报告", "2023年度个人述职报告", "开发区基层党建工作述职报告"]
HEADINGS = [["一、主要工作", "（一）加强理论学习", "（二）狠抓工作落实"],
            ["二、存在的问题"],
            ["三、下一步打算", "1. 强化政治引领。"]]
SENTENCES = [
    "坚持把党的政治建设摆在首位，认真履行第一责任人职责。",
    "共开展中心组学习{n}次，撰写心得体会{n}篇。",
    "组织党员{n}人参加培训，覆盖率达到{n}%。",
    "建立健全了《{n}党组议事规则》，进一步规范议事程序。",
    "通过单位微信公众号推送学习内容，在机关微信群分享学习体会。",
    "配备X光机两台，推进1+X证书试点。",
    "理论学习不够深入，学用结合还有差距；",
    "一是抓好学习，二是抓好落实，三是抓好监督。",
    "持续推进作风建设……力戒形式主义、官僚主义。",
    "学习“四个意识”，做到“两个维护”。",
]
FILLERS = ["12", "三", "XX", "X", "××", "*"]  # numbers, or blanks the author has yet to fill
ADVERTS = [
    "【哒哒素材库】——每天更新材料1000多篇内部高质量素材",
    "酷乐文行整理，咨询QQ206157060",
    "仅供学习 禁止外传 用后删除",
    "更多精品范文请访问本站",
    "本文由热心网友投稿，仅供参考",
]
MARKERS = ["##paidbegin##", "##paidend##"]
SAVES = [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""), ("utf-16-le", codecs.BOM_UTF16_LE)]
LINTER = None


def linter():
    global LINTER
    if LINTER is None:
        LINTER = engine.Linter(default_pack())
    return LINTER


@st.composite
def paragraph(draw):
    picks = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3))
    return "".join(s.replace("{n}", draw(st.sampled_from(FILLERS)), 1).replace("{n}", "5") for s in picks)


@st.composite
def report_lines(draw):
    lines = [draw(st.sampled_from(TITLES)), "", draw(paragraph())]
    for group in HEADINGS:
        for heading in group:
            lines.append(heading)
            lines += [draw(paragraph()) for _ in range(draw(st.integers(1, 2)))]
    return lines


def double(draw, line):
    """A line with one of its 。/，/； doubled (or preceded by a weaker mark: 。→，。)."""
    spots = [i for i, ch in enumerate(line) if ch in "。，；" and (i + 1 == len(line) or line[i + 1] not in "。，；")]
    if not spots:
        return line
    i = draw(st.sampled_from(spots))
    extra = line[i] if line[i] != "。" else draw(st.sampled_from(["。", "，", "、"]))
    return line[:i] + extra + line[i:]


def glue_points(line):
    """Where a marker may be glued into a line: not inside a blank or a word (X##paidend##光 is no blank)."""
    word = set("Xx×*+AＡ0123456789") | set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return [i for i in range(len(line) + 1)
            if not (i > 0 and line[i - 1] in word) and not (i < len(line) and line[i] in word)]


@st.composite
def dirty_report(draw):
    clean = draw(report_lines())
    dirty = list(clean)
    for i, line in enumerate(dirty):
        if line and draw(st.integers(0, 3)) == 0:
            dirty[i] = double(draw, line)
        if line and draw(st.integers(0, 5)) == 0:
            at = draw(st.sampled_from(glue_points(dirty[i])))
            dirty[i] = dirty[i][:at] + draw(st.sampled_from(MARKERS)) + dirty[i][at:]
    adverts = draw(st.lists(st.tuples(st.integers(0, len(dirty)), st.sampled_from(ADVERTS + MARKERS)),
                            max_size=4))
    for at, advert in sorted(adverts, reverse=True):
        dirty.insert(at, advert)
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    final = ending if draw(st.booleans()) else ""
    encoding, bom = draw(st.sampled_from(SAVES))
    # An advert on the last line, with no line end of its own, goes without the line end
    # before it: that one ends the report's last line, which stays as it was.
    kept = ending if not final and any(at == len(clean) for at, _ in adverts) else final
    return ending.join(clean) + kept, ending.join(dirty) + final, encoding, bom


def structure(text):
    report = parser.parse(document.from_text(text))
    return [(h.level, h.text) for h in report.headings()], [p.text for p in report.paragraphs()]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dirty_report())
def test_fixing_removes_the_debris_and_nothing_else(case):
    clean, dirty, encoding, bom = case
    data = bom + dirty.encode(encoding)
    result = fixes.fix_bytes(linter(), data, "report.txt")
    before = result.before

    assert result.error is None
    # the report comes back exactly as written, in its own encoding, BOM and line ends
    assert result.fixed == bom + clean.encode(encoding)
    assert structure(result.fixed_text) == structure(clean)
    # nothing fixable remains; every blank is still reported, in order
    assert not any(fixes.fixable(f) for f in result.findings)
    blanks = [f.message for f in result.findings if f.rule == "placeholder"]
    assert blanks == [f.message for f in before if f.rule == "placeholder"]
    assert blanks == [f.message for f in linter().lint_document(document.from_text(clean)) if f.rule == "placeholder"]
    assert result.changed == (dirty != clean)
    # fixing again changes nothing
    again = fixes.fix_bytes(linter(), result.fixed, "report.txt")
    assert again.fixed == result.fixed and not again.changed and again.applied == 0


# --- any text in any of the encodings a report comes in: only the listed spans change -------

PIECES = ["某某同志述职报告", "一、主要工作", "二、存在的问題", "完成任務", "成效明顯", "全年完成各项任务", "。", "。。",
          "，", "，，", ",", ", ", ".", "XX", "××", "咨询QQ206157060", "##paidbegin##", "【某某素材库】", "テスト",
          "ｱｲｳ", "abc", "123", "（", "）", "(", ")", "“", "”", "　", " ", "！！", "?", "……", "~", "ㄅ"]
ENCODINGS = [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""), ("big5", b""), ("shift_jis", b""),
             ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)]


@st.composite
def saved_text(draw):
    lines = draw(st.lists(st.lists(st.sampled_from(PIECES), max_size=8).map("".join), min_size=1, max_size=8))
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    encoding, bom = draw(st.sampled_from(ENCODINGS))
    return bom + ending.join(lines).encode(encoding, errors="ignore")


def spliced(data, doc, findings):
    """``data`` with the fixes ``findings`` list (overlaps resolved as documented) put in,
    at the bytes their spans cover in the document's encoding."""
    chosen, _ = fixes.plan([e for e in (fixes.to_edit(doc, f.fix) for f in findings if fixes.fixable(f)) if e])
    body, out, at = data[len(doc.bom):], [doc.bom], 0
    for edit in chosen:
        start = len(doc.text[:edit.start].encode(doc.encoding))
        out += [body[at:start], edit.replacement.encode(doc.encoding)]
        at = len(doc.text[:edit.end].encode(doc.encoding))
    out.append(body[at:])
    return b"".join(out)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(saved_text())
def test_fix_changes_only_the_spans_the_json_lists(data):
    result = fixes.fix_bytes(linter(), data, "report.txt")
    if result.error or not result.changed:
        assert result.fixed == data
        return
    # what a user gets by linting, splicing each listed fix into the bytes, and linting again
    current, seen = data, {data}
    for _ in range(fixes.MAX_PASSES):
        doc = readers.read(current, "report.txt", None, result.doc.encoding)  # (as read at first)
        new = spliced(current, doc, linter().lint_document(doc))
        if new in seen:
            break
        seen.add(new)
        current = new
    assert result.fixed == current
