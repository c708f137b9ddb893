"""lint.debris: the quick search for each kind's keys finds every line its patterns would
find something on."""

import copy

import pytest

from conftest import SEEDS, default_pack
from corpus.score import load_cases
from lint import debris, document
from lint.rules import watermark

TEXTS = [c.text for c in load_cases()] + [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] \
    + watermark.Watermark.examples["bad"] + watermark.Watermark.examples["good"]


def found(text):
    doc = document.from_text(text)
    return [(d.line, d.start, d.end, d.message) for d in debris.find(doc, default_pack())]


def ungated_copy(kinds):
    kinds = copy.copy(kinds)
    kinds.gate = kinds.short_gate = None
    return kinds


def test_the_keys_hide_nothing_the_patterns_would_find(monkeypatch):
    gated = [found(t) for t in TEXTS]
    real = debris._kinds_of
    monkeypatch.setattr(debris, "_kinds_of", lambda pack, margin=False: ungated_copy(real(pack, margin)))  # every line looked at
    monkeypatch.setattr(debris.Kind, "may_match", lambda kind, view: True)  # by every kind
    every_line = [found(t) for t in TEXTS]
    assert gated == every_line
    assert sum(map(len, gated)) > 400  # the texts have debris to find


def test_a_users_debris_pattern_is_tried_on_every_line(tmp_path):
    # (the default keys of 网页元素残留 do not hold 内刊)
    from lint import packs

    pack_file = tmp_path / "mine.yaml"
    pack_file.write_text("watermark:\n  furniture: ['本单位内刊第\\d+期']\n", encoding="utf-8")
    pack = packs.load([str(pack_file)])
    doc = document.from_text("某局述职报告\n本单位内刊第12期\n一、主要工作\n内容。\n")
    assert [(d.line, d.message) for d in debris.find(doc, pack)] == [(2, "网页元素残留")]


@pytest.mark.parametrize("name", ["述职报告", "工作总结"])
def test_a_guide_about_a_kind_has_no_required_sections(name):
    from conftest import lint_text

    text = (f"部门{name}\n{name}是应用写作的一种，是对已经做过的工作进行理性的思考。\n"
            f"1、书写{name}要用第一人称。即要从本单位的角度来撰写。\n2、要抓主要矛盾。\n")
    assert lint_text(text, select=["missing-section"]) == []
    # a report that names its kind once is still one
    report = f"2023年{name}\n现将一年来的工作{name[-2:]}如下：\n一、主要工作\n内容。\n"
    assert lint_text(report, select=["missing-section"])
