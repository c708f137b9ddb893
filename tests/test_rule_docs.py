"""Every rule documents itself, and its documented examples behave as documented."""

import pytest

from conftest import lint_text
from lint.rules import RULES

DOC_RULES = [r for r in RULES if r.name != "missing-section"]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_describes_itself(rule):
    assert rule.code.startswith("RL") and rule.name == rule.name.lower() and " " not in rule.name
    assert rule.severity in ("error", "warning", "info")
    assert rule.summary() and len(rule.doc()) > len(rule.summary())
    assert rule.examples["bad"] and rule.examples["good"]


def test_codes_and_names_are_unique():
    assert len({r.code for r in RULES}) == len(RULES) == len({r.name for r in RULES})


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_bad_examples_are_flagged(rule):
    for example in rule.examples["bad"]:
        text = example if "\n" in example else "某某述职报告\n" + example + "\n"
        assert [f for f in lint_text(text, select=[rule.name])], example


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_good_examples_are_not_flagged(rule):
    for example in rule.examples["good"]:
        text = example if "\n" in example else "某某述职报告\n" + example + "\n"
        assert lint_text(text, select=[rule.name]) == [], example
