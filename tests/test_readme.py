"""The README's rule table names every rule with its own code and severity."""

import re

from conftest import ROOT
from lint.rules import RULES


def table_rows():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return {m.group(2): (m.group(1), m.group(3), m.group(4))
            for m in re.finditer(r"^\| (RL\d{3}) \| `([a-z-]+)` \| (error|warning|info) \| (.*) \|$", text, re.M)}


def test_rule_table_matches_the_rules():
    rows = table_rows()
    assert {name: row[:2] for name, row in rows.items()} == {r.name: (r.code, r.severity) for r in RULES}
    for rule in RULES:
        # the summary's Chinese name, e.g. "(标点重复)", opens the table's description
        name = re.search(r"\(([^()]+)\)\.?$", rule.summary()).group(1)
        assert rows[rule.name][2].startswith(name), rule.name


def test_every_test_the_safety_section_names_exists():
    """Each statement of the README's Safety section names the test that holds it; the names stay true."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### Safety\n", 1)[1].split("\n### ", 1)[0]
    named = re.findall(r"`(tests/[\w/]+\.py)::(\w+)(?:\[(\w+)\])?`", section)
    assert len(named) >= 10
    for path, test, case in named:
        source = (ROOT / path).read_text(encoding="utf-8")
        assert re.search(rf"^def {test}\(", source, re.M), f"{path}::{test}"
        assert not case or re.search(rf"^def {case}\(", source, re.M), f"{path}::{test}[{case}]"
