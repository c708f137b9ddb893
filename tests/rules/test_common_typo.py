import pytest

from conftest import default_pack, lint_text, seed, spans, texts
from lint import packs
from lint.engine import Linter, Options
from lint.errors import FileError


def typos(text, **kw):
    return lint_text(text, select=["common-typo"], **kw)


def body(line):
    return "某某述职报告\n" + line + "\n"


@pytest.mark.parametrize("line, wrong, right", [
    ("侧重于管好自已和安排部署。", "自已", "自己"),
    ("有的党员党性淡簿。", "淡簿", "淡薄"),
    ("解民忧、暧民心。", "暧民心", "暖民心"),
    ("再接再励，勇创佳绩。", "再接再励", "再接再厉"),
    ("活动开展得如火如茶。", "如火如茶", "如火如荼"),
    ("一如继往地抓好落实。", "一如继往", "一如既往"),
])
def test_flags_with_the_correct_form_as_fix(line, wrong, right):
    text = body(line)
    fs = typos(text)
    assert texts(fs, text) == [wrong]
    f = fs[0]
    assert f.fix == {"line": 2, "column": f.column, "end_line": 2, "end_column": f.end_column, "replacement": right}
    assert f"「{wrong}」" in f.message and f"「{right}」" in f.message


@pytest.mark.parametrize("line", [
    "管好自己，党性淡薄问题得到解决，暖民心工程。",
    "激动得不能自已，情不自已，难以自已。",
    "各单位各自已经完成整改，亲自已有部署，来自已建成的项目。",
    "再接再厉，如火如荼，一如既往。",
])
def test_leaves_alone(line):
    assert typos(body(line)) == []


def test_every_entry_is_a_typo_of_the_same_length():
    table = default_pack().mappings["typos"]
    assert len(table) >= 30
    for wrong, right in table.items():
        assert wrong != right and len(wrong) == len(right), wrong
        # no entry hides inside another entry's correct form, nor its own
        assert all(wrong not in r for r in table.values()), wrong


def test_no_entry_occurs_in_correct_seed_text():
    """Apart from the seeds' known typos, no entry occurs anywhere in the seeds."""
    table = default_pack().mappings["typos"]
    found = {w for prefix in ("000", "001", "002", "003", "004")
             for w in table if w in seed(prefix).read_text(encoding="utf-8")}
    assert found == {"自已", "淡簿", "暧民心"}


def test_user_pack_extends_the_dictionary(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("typos:\n  布署工作: 部署工作\ncommon-typo:\n  allow: ['党性淡簿']\n", encoding="utf-8")
    pack = packs.load([str(extra)])
    assert pack.mappings["typos"]["自已"] == "自己"
    text = body("认真布署工作，管好自已，党性淡簿。")
    fs = lint_text(text, select=["common-typo"], pack=pack)
    assert texts(fs, text) == ["布署工作", "自已"]


def test_pack_errors_are_located(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("typos:\n  自已: ''\n", encoding="utf-8")
    with pytest.raises(FileError) as err:
        packs.load([str(bad)])
    assert (err.value.line, err.value.column) == (2, 7)


def seed_findings(prefix):
    linter = Linter(default_pack(), Options())
    return [f for f in linter.report(str(seed(prefix))).findings if f.rule == "common-typo"]


def test_seeds():
    (f,) = seed_findings("001")
    assert (f.line, f.column, f.end_column) == (20, 494, 496)
    line = seed("001").read_text(encoding="utf-8").splitlines()[19]
    assert line[f.column - 3: f.end_column] == "管好自已和"
    fs = seed_findings("003")
    assert spans(fs) == [(6, 63, 66), (12, 58, 60)]
    assert [f.fix["replacement"] for f in fs] == ["暖民心", "淡薄"]
    lines = seed("003").read_text(encoding="utf-8").splitlines()
    assert lines[11][fs[1].column - 3: fs[1].end_column - 1] == "党性淡簿"
    assert lines[5][fs[0].column - 5: fs[0].end_column - 1] == "解民忧、暧民心"
    assert seed_findings("000") == seed_findings("002") == seed_findings("004") == []


@pytest.mark.parametrize("line, wrong, right", [
    ("他瞑思苦想，终于找到了办法。", "瞑思苦想", "冥思苦想"),
    ("始终严以律已，廉洁奉公。", "严以律已", "严以律己"),
    ("向组织坦露心迹。", "坦露心迹", "袒露心迹"),
    ("按要求设臵岗位。", "设臵", "设置"),
    ("认真布署各项工作。", "布署", "部署"),
    ("坚持励行节约。", "励行节约", "厉行节约"),
])
def test_entries_from_real_pages_and_the_common_list(line, wrong, right):
    text = body(line)
    fs = typos(text)
    assert texts(fs, text) == [wrong] and fs[0].fix["replacement"] == right


@pytest.mark.parametrize("line", [
    "面对严峻工作形势，迎难而上。",
    "激发韧劲和干劲。",
    "在发布署名文章前审核。",
    "组织干部暑期培训。",
    "深沉缅怀革命先烈。",
    "骑手轻松驰骋。",
])
def test_correct_text_across_an_entry_is_left_alone(line):
    assert typos(body(line)) == []


def test_every_entry_is_checked_against_a_word_list():
    """No common word of jieba's dictionary (one it counts 20 times or more) holds an entry,
    unless common-typo.allow names it (情不自已, 各自已经). The dictionary is built from web
    text, so it lists some typos too (自已, 震憾): only words that hold an entry count."""
    import importlib.util
    import os

    spec = importlib.util.find_spec("jieba")
    assert spec is not None, "the test extra installs jieba for its dictionary"
    path = os.path.join(spec.submodule_search_locations[0], "dict.txt")
    common = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            word, count = line.split(" ", 2)[:2]
            if int(count) >= 20:
                common.append(word)
    assert len(common) > 50_000
    pack = default_pack()
    allow = pack.matcher("common-typo.allow")
    for wrong in pack.mappings["typos"]:
        holders = [w for w in common if wrong in w and w != wrong and not allow.search(w)]
        assert not holders, (wrong, holders[:5])  # a correct word holds it: an exception in common-typo.allow
