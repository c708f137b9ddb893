"""The rule registry: every rule reportlint knows, by name and by code."""

from __future__ import annotations

from .base import Fix, Problem, Rule
from .common_typo import CommonTypo
from .duplicate_punctuation import DuplicatePunctuation
from .empty_section import EmptySection
from .halfwidth_punctuation import HalfwidthPunctuation
from .heading_numbering import HeadingNumbering
from .missing_section import MissingSection
from .missing_title import MissingTitle
from .placeholder import Placeholder
from .section_order import SectionOrder
from .unbalanced_pair import UnbalancedPair
from .watermark import Watermark

RULES: list[type[Rule]] = [
    Placeholder,
    DuplicatePunctuation,
    Watermark,
    MissingSection,
    HeadingNumbering,
    SectionOrder,
    EmptySection,
    MissingTitle,
    HalfwidthPunctuation,
    UnbalancedPair,
    CommonTypo,
]

BY_KEY: dict[str, type[Rule]] = {}
for _rule in RULES:
    BY_KEY[_rule.name] = BY_KEY[_rule.code] = _rule


def lookup(key: str) -> type[Rule] | None:
    """A rule by its name (``placeholder``) or code (``RL101``), case-insensitively for codes."""
    return BY_KEY.get(key) or BY_KEY.get(key.upper())


__all__ = ["Fix", "Problem", "Rule", "RULES", "lookup"]
