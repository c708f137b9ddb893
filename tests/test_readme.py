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
