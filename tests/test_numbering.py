"""Word list numbering rendered into paragraph text (lint.numbering)."""

import pytest
from lxml import etree

from lint.numbering import Numbering, chinese_counting, format_number

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def xml(text):
    return etree.fromstring(f'<root xmlns:w="{W}">{text}</root>')[0]


def lvl(ilvl, text, fmt="decimal", start=1, extra="", suff=None):
    suffix = f'<w:suff w:val="{suff}"/>' if suff else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}{suffix}'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


REPORT = (lvl(0, "%1、", "chineseCounting", suff="nothing") + lvl(1, "（%2）", "chineseCounting", suff="nothing")
          + lvl(2, "%3.", suff="nothing") + lvl(3, "（%4）", suff="nothing"))


def numbering(abstracts, nums, styles=""):
    body = "".join(f'<w:abstractNum w:abstractNumId="{aid}">{levels}</w:abstractNum>'
                   for aid, levels in abstracts.items())
    body += "".join(f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{extra}</w:num>'
                    for nid, (aid, extra) in nums.items())
    return Numbering(xml(f"<w:numbering>{body}</w:numbering>"), xml(f"<w:styles>{styles}</w:styles>"))


def para(num_id=None, ilvl=None, style=None):
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num_id is not None or ilvl is not None:
        ppr += "<w:numPr>"
        ppr += f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        ppr += f'<w:numId w:val="{num_id}"/>' if num_id is not None else ""
        ppr += "</w:numPr>"
    return xml(f"<w:p><w:pPr>{ppr}</w:pPr></w:p>")


def render(numbers, paragraphs):
    return [numbers.paragraph_number(p) for p in paragraphs]


@pytest.mark.parametrize("n, text", [
    (1, "一"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (21, "二十一"),
    (99, "九十九"), (100, "一百"), (101, "一百零一"), (110, "一百一十"), (1000, "一千"),
    (1001, "一千零一"), (10000, "一万"), (12000, "一万二千"), (10005, "一万零五"),
])
def test_chinese_counting(n, text):
    assert chinese_counting(n) == text


@pytest.mark.parametrize("n, fmt, text", [
    (3, "decimal", "3"), (3, "decimalZero", "03"), (12, "decimalFullWidth", "１２"),
    (4, "upperRoman", "IV"), (14, "lowerRoman", "xiv"), (2, "upperLetter", "B"), (28, "lowerLetter", "bb"),
    (3, "ideographTraditional", "丙"), (2, "ideographZodiac", "丑"), (3, "decimalEnclosedCircle", "③"),
    (3, "decimalEnclosedCircleChinese", "③"), (3, "ideographEnclosedCircle", "㈢"),
    (12, "chineseLegalSimplified", "壹拾贰"), (102, "ideographDigital", "一〇二"),
    (5, "chineseCountingThousand", "五"), (2, "ordinal", "2nd"), (7, "none", ""), (7, "someFutureFormat", "7"),
])
def test_number_formats(n, fmt, text):
    assert format_number(n, fmt) == text


def test_report_levels_count_and_restart_under_a_new_parent():
    numbers = numbering({1: REPORT}, {5: (1, "")})
    got = render(numbers, [para(5, 0), para(5, 1), para(5, 1), para(5, 2), para(5, 2), para(5, 3),
                           para(5, 0), para(5, 1), para(5, 2), para(5, 0)])
    assert got == ["一、", "（一）", "（二）", "1.", "2.", "（1）", "二、", "（一）", "1.", "三、"]


def test_lvl_restart_zero_never_restarts_and_n_restarts_only_after_level_n():
    levels = (lvl(0, "%1、", "chineseCounting", suff="nothing")
              + lvl(1, "%2.", suff="nothing", extra='<w:lvlRestart w:val="0"/>')
              + lvl(2, "(%3)", suff="nothing", extra='<w:lvlRestart w:val="1"/>'))
    numbers = numbering({1: levels}, {1: (1, "")})
    got = render(numbers, [para(1, 0), para(1, 1), para(1, 2), para(1, 0), para(1, 1), para(1, 2),
                           para(1, 1), para(1, 2)])
    # level 1 keeps counting across 一、/二、; level 2 restarts after level 1 (ilvl 0) only
    assert got == ["一、", "1.", "(1)", "二、", "2.", "(1)", "3.", "(2)"]


def test_start_value_and_start_override_and_separate_counters_per_num():
    levels = lvl(0, "%1、", "chineseCounting", start=3, suff="nothing")
    numbers = numbering({1: levels}, {1: (1, ""),
                                      2: (1, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride>'),
                                      3: (1, "")})
    got = render(numbers, [para(1, 0), para(1, 0), para(2, 0), para(3, 0), para(1, 0), para(2, 0)])
    assert got == ["三、", "四、", "七、", "三、", "五、", "八、"]


def test_level_override_replaces_the_level_definition():
    override = f'<w:lvlOverride w:ilvl="0">{lvl(0, "第%1章", "chineseCounting", suff="nothing")}</w:lvlOverride>'
    numbers = numbering({1: REPORT}, {1: (1, override)})
    assert render(numbers, [para(1, 0), para(1, 1), para(1, 0)]) == ["第一章", "（一）", "第二章"]


def test_legal_numbering_and_references_to_parent_levels():
    levels = (lvl(0, "%1、", "chineseCounting", suff="nothing")
              + lvl(1, "%1.%2", "decimal", suff="space", extra="<w:isLgl/>")
              + lvl(2, "%1-%2-%3", "lowerLetter", suff="nothing"))
    numbers = numbering({1: levels}, {1: (1, "")})
    got = render(numbers, [para(1, 0), para(1, 0), para(1, 1), para(1, 1), para(1, 2)])
    assert got == ["一、", "二、", "2.1 ", "2.2 ", "二-2-a"]  # each %n in its own level's format


def test_default_suffix_is_a_tab_and_bullets_are_shown_plainly():
    levels = lvl(0, "%1.", "decimal") + lvl(1, "\uf0b7", "bullet")
    numbers = numbering({1: levels}, {1: (1, "")})
    assert render(numbers, [para(1, 0), para(1, 1)]) == ["1.\t", "•\t"]


def test_numbering_from_style_with_based_on_and_num_id_zero_switches_it_off():
    styles = ('<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:ilvl w:val="0"/>'
              '<w:numId w:val="4"/></w:numPr></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="H1Red"><w:basedOn w:val="H1"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:ilvl w:val="1"/>'
              '<w:numId w:val="4"/></w:numPr></w:pPr></w:style>')
    numbers = numbering({1: REPORT}, {4: (1, "")}, styles)
    got = render(numbers, [para(style="H1"), para(style="H2"), para(style="H1Red"), para(0, style="H1"),
                           para(style="H2"), para(style="Normal"), para()])
    assert got == ["一、", "（一）", "二、", "", "（一）", "", ""]


def test_level_found_by_its_paragraph_style_when_the_style_gives_no_ilvl():
    levels = (lvl(0, "%1、", "chineseCounting", suff="nothing", extra='<w:pStyle w:val="A"/>')
              + lvl(1, "（%2）", "chineseCounting", suff="nothing", extra='<w:pStyle w:val="B"/>'))
    styles = "".join(f'<w:style w:type="paragraph" w:styleId="{s}"><w:pPr><w:numPr><w:numId w:val="2"/>'
                     f'</w:numPr></w:pPr></w:style>' for s in "AB")
    numbers = numbering({1: levels}, {2: (1, "")}, styles)
    assert render(numbers, [para(style="A"), para(style="B"), para(style="B")]) == ["一、", "（一）", "（二）"]


def test_num_style_link_follows_the_linked_list():
    styles = ('<w:style w:type="numbering" w:styleId="ReportList"><w:pPr><w:numPr><w:numId w:val="1"/>'
              '</w:numPr></w:pPr></w:style>')
    numbers = numbering({1: REPORT, 2: '<w:numStyleLink w:val="ReportList"/>'}, {1: (1, ""), 2: (2, "")}, styles)
    assert render(numbers, [para(2, 0), para(2, 1)]) == ["一、", "（一）"]


def test_unknown_num_or_level_gives_no_number():
    numbers = numbering({1: lvl(0, "%1、", "chineseCounting")}, {1: (1, "")})
    assert render(numbers, [para(9, 0), para(1, 4)]) == ["", ""]
