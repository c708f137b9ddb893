"""Shortcuts the rules take on ordinary lines give what the full work on every line gives."""

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.rules import halfwidth_punctuation as hw
from lint.rules import unbalanced_pair as up
from conftest import SEEDS


def seed_lines():
    return [line for path in sorted(SEEDS.glob("*.txt"))
            for line in path.read_text(encoding="utf-8").splitlines()]


def halfwidth_reference(view):
    """Every line masked, every ASCII mark looked at (halfwidth_marks without its shortcuts)."""
    masked = hw._masked(view)
    hits = []
    last = len(view.rstrip())
    for m in hw._MARK.finditer(view):
        i = m.start()
        if hw._inside(masked, i):
            continue
        before = view[i - 1] if i else ""
        after = view[i + 1] if i + 1 < len(view) else ""
        if not (hw._CN_BEFORE.match(before) or hw._CN_AFTER.match(after)):
            continue
        end = i + 1
        spaces = hw._SPACES.match(view, end).end() - end
        if spaces and last > end:
            end += spaces
        hits.append((i, end, hw.FULL[m.group()]))
    hits += hw._parentheses(view, masked)
    return sorted(hits)


HALFWIDTH_ALPHABET = "学习a1 ,;:?!()（）“”。@./w:"
PAIR_ALPHABET = "学a “”‘’《》（）()【】「」1一，"


def test_seed_lines_take_the_same_findings():
    lines = seed_lines()
    assert any(hw.halfwidth_marks(line) for line in lines + ["增强透明度,严格落实。"])
    for line in lines:
        assert hw.halfwidth_marks(line) == halfwidth_reference(line)
        assert up.unmatched(line) == up.pair_by_pair(line)


def test_known_lines():
    for line in ("详见https://example.com/a?b=1,2。", "上午10:30召开会议,", "网站(共产党员网等)发布",
                 "制作课件(PPT)。", "联系office@example.com,谢谢", "无标点的一行"):
        assert hw.halfwidth_marks(line) == halfwidth_reference(line)
    for line in ("““““””””", "“a（b)”", "“a（b”", "1）加强", "We don’t stop", "《《》", "（" * 50 + "）" * 50,
                 "“‘《（【「」】）》’”"):
        assert up.unmatched(line) == up.pair_by_pair(line)
    assert up.unmatched("（" * 50 + "）" * 49) != []


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=HALFWIDTH_ALPHABET, max_size=80))
def test_halfwidth_marks_as_without_shortcuts(view):
    assert hw.halfwidth_marks(view) == halfwidth_reference(view)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=PAIR_ALPHABET, max_size=80))
def test_unmatched_as_pair_by_pair(view):
    assert up.unmatched(view) == up.pair_by_pair(view)
