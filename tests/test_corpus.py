"""reportlint scored against real pages from template, doc-sharing, government and forum
sites, annotated by hand (tests/corpus/README.md says how to add a case)."""

from urllib.parse import urlparse

import pytest

from corpus.score import KINDS, load_cases, score

CASES = load_cases()


@pytest.fixture(scope="module")
def tallies():
    return score(CASES)


def test_the_corpus_is_real_and_varied():
    sites = {urlparse(c.gold["source"]).hostname.removeprefix("www.") for c in CASES}
    assert len(CASES) >= 60 and len(sites) >= 25
    kinds = {c.gold["kind"] for c in CASES}
    assert {"述职报告", "工作总结", "讲话", "其他"} <= kinds and len(kinds) >= 7
    assert set(kinds) <= set(KINDS)


@pytest.mark.parametrize("measure, what, least", [
    ("watermark (lines)", "recall", 0.90),
    ("watermark", "precision", 0.95),
    ("watermark (inline)", "recall", 0.80),
    ("placeholder", "recall", 0.95),
    ("placeholder", "precision", 0.97),
    ("missing-section", "precision", 0.95),
    ("empty-section", "precision", 0.90),
    ("heading-numbering", "precision", 0.90),
    ("duplicate-punctuation", "recall", 1.0),
])
def test_each_rule_holds_on_real_pages(tallies, measure, what, least):
    t = tallies[measure]
    value = getattr(t, what)
    if value is None and what == "precision":
        return  # no finding at all on real pages: no false alarm either
    assert value is not None, f"the corpus has no gold to measure {measure} {what} on"
    wrong = t.false if what == "precision" else t.misses
    assert value >= least, f"{measure} {what} {value:.2f} < {least}: " + "; ".join(wrong[:10])


def test_no_required_section_is_asked_of_a_kind_that_has_none(tallies):
    t = tallies["missing-section (kinds without parts)"]
    assert t.fp == 0, t.false
