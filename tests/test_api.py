"""lint.api, tested as a public API: the README's example, the surface, and that it lints
exactly as the command line does, keeps nothing between calls and serves threads at once."""

import contextlib
import inspect
import io
import json
import pickle
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from cli_helpers import CLEAN_REPORT, reportlint
from docx_build import plain_docx, to_bytes

from conftest import ROOT, SEEDS
from lint import api

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def readme_example():
    """The README's API example and the output it shows."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Python API"):]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    shown = re.search(r"```text\n(.*?)```", section, re.S).group(1)
    return code, shown


def test_readme_example_prints_what_the_readme_shows():
    code, shown = readme_example()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    assert out.getvalue() == shown


# The public surface and its version: changing a signature here means changing API_VERSION
# (the major number for what could break a caller, the minor one for an addition).
SURFACE = {
    "API_VERSION": "1.0.0",
    "Config": "(*, select: 'list[str] | None' = None, ignore: 'list[str]' = (), "
              "severity: 'dict[str, str] | None' = None, profile: 'str | None' = None, rules: 'list[str]' = ())",
    "Config.from_file": "(path: 'str') -> 'Config'",
    "Config.discover": "(directory: 'str | None' = None) -> 'Config'",
    "Config.replace": "(self, **changes) -> 'Config'",
    "Finding": "(path: 'str', line: 'int', column: 'int', end_line: 'int', end_column: 'int', rule: 'str', "
               "code: 'str', severity: 'str', message: 'str', fix: 'dict | None' = None)",
    "Fixed": "(text: 'str', data: 'bytes | None', findings: 'list[Finding]', applied: 'int' = 0, "
             "error: 'str | None' = None)",
    "RuleInfo": "(code: 'str', name: 'str', severity: 'str', fixable: 'bool', doc: 'str', "
                "examples: 'dict[str, list[str]] | None' = None, engine: 'bool' = False)",
    "UsageError": "UsageError",
    "__version__": "str",
    "explain": "(rule: 'str') -> 'str'",
    "fix_bytes": "(data: 'bytes', name: 'str', *, config: 'Config | None' = None, profile: 'str | None' = None, "
                 "kind: 'str | None' = None) -> 'Fixed'",
    "fix_text": "(text: 'str', name: 'str' = '<text>', *, config: 'Config | None' = None, "
                "profile: 'str | None' = None) -> 'Fixed'",
    "lint_bytes": "(data: 'bytes', name: 'str', *, config: 'Config | None' = None, profile: 'str | None' = None, "
                  "kind: 'str | None' = None) -> 'list[Finding]'",
    "lint_text": "(text: 'str', name: 'str' = '<text>', *, config: 'Config | None' = None, "
                 "profile: 'str | None' = None) -> 'list[Finding]'",
    "rules": "() -> 'list[RuleInfo]'",
}
FIELDS = {
    "Finding": ("path", "line", "column", "end_line", "end_column", "rule", "code", "severity", "message", "fix"),
    "Fixed": ("text", "data", "findings", "applied", "error"),
    "RuleInfo": ("code", "name", "severity", "fixable", "doc", "examples", "engine"),
}


def surface() -> dict:
    out = {}
    for name in api.__all__:
        value = getattr(api, name)
        if name == "API_VERSION":
            out[name] = value
        elif name == "__version__":
            out[name] = type(value).__name__
        elif isinstance(value, type) and issubclass(value, Exception):
            out[name] = value.__name__
        elif isinstance(value, type):
            out[name] = str(inspect.signature(value.__new__ if "__new__" in vars(value) else value.__init__))
            out[name] = re.sub(r"^\((?:cls|self)(?:, )?", "(", out[name])
        else:
            out[name] = str(inspect.signature(value))
    for name in ("from_file", "discover", "replace"):
        out[f"Config.{name}"] = str(inspect.signature(getattr(api.Config, name)))
    return out


def test_the_public_surface_is_the_one_versioned():
    assert surface() == SURFACE, "the API changed: update SURFACE and api.API_VERSION together"
    assert {name: getattr(api, name)._fields for name in FIELDS} == FIELDS


# --- the same findings as the command line ---------------------------------------------------


def cli_json(*args, cwd=ROOT, stdin=None):
    result = reportlint("--format", "json", *args, cwd=cwd, stdin=stdin)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_a_seed_gives_the_command_lines_findings(seed):
    name = f"seeds/{seed.name}"
    expected = cli_json(name)
    assert expected
    assert [f.as_dict() for f in api.lint_bytes(seed.read_bytes(), name)] == expected
    assert [f.as_dict() for f in api.lint_text(seed.read_text(encoding="utf-8"), name)] == expected


def test_a_word_document_gives_the_command_lines_findings(tmp_path):
    seed = SEED_FILES[0]
    data = to_bytes(plain_docx(seed.read_text(encoding="utf-8").splitlines()))
    (tmp_path / "r.docx").write_bytes(data)
    expected = cli_json("r.docx", cwd=tmp_path)
    assert expected
    assert [f.as_dict() for f in api.lint_bytes(data, "r.docx")] == expected


def test_fix_bytes_writes_what_fix_writes(tmp_path):
    for seed in SEED_FILES:
        data = seed.read_bytes()
        result = reportlint("--fix", "-", "--stdin-filename", seed.name, stdin=data)
        fixed = api.fix_bytes(data, seed.name)
        assert fixed.data == result.stdout, seed.name
        assert fixed.text == result.stdout.decode("utf-8")
        assert fixed.error is None
        assert (fixed.applied > 0) == (fixed.data != data)
        assert api.fix_text(data.decode("utf-8"), seed.name).text == fixed.text
        # what remains is what linting the fixed text finds, and nothing fixable
        assert fixed.findings == api.lint_text(fixed.text, seed.name)
        assert not [f for f in fixed.findings if f.fix and f.rule not in ("placeholder", "missing-section")]


def test_fix_text_applies_the_fixes_and_keeps_the_rest():
    text = CLEAN_REPORT.replace("全年完成各项任务。", "全年完成XX项任务。。自已负责,严格把关")
    fixed = api.fix_text(text, "a.txt")
    assert "全年完成XX项任务。自己负责，严格把关" in fixed.text
    assert fixed.applied == 3
    assert [f.rule for f in fixed.findings] == ["placeholder"]
    assert fixed.text.replace("全年完成XX项任务。自己负责，严格把关", "") == \
        text.replace("全年完成XX项任务。。自已负责,严格把关", "")


def test_unreadable_bytes_are_a_read_error_finding_not_an_exception():
    (f,) = api.lint_bytes(b"\x89PNG\r\n\x1a\n\x00\x00", "a.txt")
    assert (f.rule, f.code, f.severity, f.path) == ("read-error", "RL001", "error", "a.txt")
    fixed = api.fix_bytes(b"\x89PNG\r\n\x1a\n\x00\x00", "a.txt")
    assert fixed.data == b"\x89PNG\r\n\x1a\n\x00\x00" and fixed.findings[0].rule == "read-error"


def test_markdown_is_told_by_the_name():
    text = "# 张三同志述职报告\n\n<!-- reportlint-disable-next-line placeholder -->\n按XX格式填写。\n"
    assert "placeholder" not in [f.rule for f in api.lint_text(text, "a.md")]
    assert "placeholder" in [f.rule for f in api.lint_text(text, "a.txt")]
    assert "placeholder" not in [f.rule for f in api.lint_bytes(text.encode(), "a.txt", kind="markdown")]


# --- configuration ------------------------------------------------------------------------


def test_config_selects_and_sets_severities():
    text = CLEAN_REPORT.replace("全年完成各项任务。", "全年完成XX项任务。。")
    config = api.Config(ignore=["placeholder"], severity={"RL102": "error"})
    assert [(f.rule, f.severity) for f in api.lint_text(text, "a.txt", config=config)] == \
        [("duplicate-punctuation", "error")]
    assert config.severity == {"RL102": "error"}
    only = config.replace(select=["placeholder"], ignore=[])
    assert [f.rule for f in api.lint_text(text, "a.txt", config=only)] == ["placeholder"]
    assert config.ignore == ["placeholder"]  # replace made a new one


def test_profile_decides_the_required_sections():
    text = "情况汇报\n\n一、主要工作\n\n全年完成各项任务。\n"
    assert not [f for f in api.lint_text(text, "a.txt") if f.rule == "missing-section"]
    chosen = [f.message for f in api.lint_text(text, "a.txt", profile="述职报告") if f.rule == "missing-section"]
    assert len(chosen) == 2 and all("部分" in m for m in chosen)
    assert "述职报告" in api.Config().profiles
    assert api.lint_text(text, "a.txt", config=api.Config(profile="述职报告")) == \
        api.lint_text(text, "a.txt", profile="述职报告")


def test_config_from_a_file_applies_its_globs_to_the_name(tmp_path):
    (tmp_path / ".reportlint.yaml").write_text(
        "per-file-ignores:\n  'drafts/*.txt': [placeholder]\n"
        "allow:\n  - rule: duplicate-punctuation\n    text: '。。'\n    paths: ['notes/**']\n", encoding="utf-8")
    text = CLEAN_REPORT.replace("全年完成各项任务。", "全年完成XX项任务。。")
    config = api.Config.from_file(str(tmp_path / ".reportlint.yaml"))
    assert config.path == str(tmp_path / ".reportlint.yaml")

    def rules(name):
        return [f.rule for f in api.lint_text(text, str(tmp_path / name), config=config)]

    assert rules("a.txt") == ["placeholder", "duplicate-punctuation"]
    assert rules("drafts/a.txt") == ["duplicate-punctuation"]
    assert rules("notes/a.txt") == ["placeholder"]
    (tmp_path / "sub").mkdir()
    assert api.Config.discover(str(tmp_path / "sub")).path == str(tmp_path / ".reportlint.yaml")


@pytest.mark.parametrize("make, message", [
    (lambda: api.Config(select=["no-such-rule"]), "unknown rule 'no-such-rule'"),
    (lambda: api.Config(profile="年终奖"), "profile: unknown profile '年终奖'"),
    (lambda: api.Config(severity={"placeholder": "fatal"}), "severity: placeholder: expected one of"),
    (lambda: api.Config(severity={"no-such-rule": "error"}), "unknown rule 'no-such-rule'"),
    (lambda: api.lint_text("述职报告", profile="年终奖"), "unknown profile '年终奖'"),
    (lambda: api.explain("no-such-rule"), "unknown rule 'no-such-rule'"),
])
def test_mistakes_raise_a_usage_error_at_once(make, message):
    with pytest.raises(api.UsageError, match=re.escape(message)):
        make()


def test_a_broken_configuration_file_is_located(tmp_path):
    path = tmp_path / ".reportlint.yaml"
    path.write_text("select:\n  - placeholder\n  - no-such-rule\n", encoding="utf-8")
    with pytest.raises(api.UsageError, match=re.escape(f"{path}:3:5: select.1: unknown rule 'no-such-rule'")):
        api.Config.from_file(str(path))
    pack = tmp_path / "pack.yaml"
    pack.write_text("placeholder:\n  patterns: [\n", encoding="utf-8")
    with pytest.raises(api.UsageError, match=re.escape(str(pack))):
        api.Config(rules=[str(pack)])


def test_rules_and_explain_are_what_the_command_line_prints():
    names = [r.name for r in api.rules()]
    assert names[:4] == ["placeholder", "duplicate-punctuation", "watermark", "missing-section"]
    assert "read-error" in names
    for rule in ("placeholder", "RL303", "read-error"):
        assert api.explain(rule) == reportlint("--explain", rule).stdout.decode("utf-8")


# --- nothing kept between calls, threads at once -------------------------------------------


def test_calls_keep_nothing_between_them(tmp_path):
    (tmp_path / ".reportlint.yaml").write_text(
        "allow:\n  - rule: placeholder\n    text: 'XX'\n    paths: ['ok/**']\n", encoding="utf-8")
    config = api.Config.from_file(str(tmp_path / ".reportlint.yaml"))
    before = repr(config)
    texts = [(p.read_text(encoding="utf-8"), str(tmp_path / sub / p.name))
             for p in SEED_FILES for sub in ("ok", "other")]
    alone = [api.lint_text(text, name, config=api.Config.from_file(str(tmp_path / ".reportlint.yaml")))
             for text, name in texts]
    shared = [api.lint_text(text, name, config=config) for text, name in texts]
    assert shared == alone
    assert shared[0] != shared[1]  # the allow entry does silence something under ok/
    assert [api.lint_text(text, name, config=config) for text, name in reversed(texts)] == alone[::-1]
    assert repr(config) == before


def test_one_config_serves_many_threads_at_once():
    config = api.Config(severity={"placeholder": "warning"})
    jobs = [(p.read_bytes(), p.name, profile) for p in SEED_FILES for profile in (None, "工作总结", "述职报告")]
    expected = [api.lint_bytes(data, name, config=config, profile=profile) for data, name, profile in jobs]
    fixed = [api.fix_bytes(data, name, config=config, profile=profile).data for data, name, profile in jobs]
    with ThreadPoolExecutor(8) as pool:
        for _ in range(3):
            assert list(pool.map(lambda job: api.lint_bytes(job[0], job[1], config=config, profile=job[2]),
                                 jobs)) == expected
            assert list(pool.map(lambda job: api.fix_bytes(job[0], job[1], config=config, profile=job[2]).data,
                                 jobs)) == fixed


def test_a_config_travels_to_another_process_by_pickle(tmp_path):
    (tmp_path / ".reportlint.yaml").write_text("ignore: [missing-section]\nper-file-ignores:\n  'a.txt': [RL101]\n",
                                              encoding="utf-8")
    config = api.Config.from_file(str(tmp_path / ".reportlint.yaml")).replace(profile="述职报告")
    copy = pickle.loads(pickle.dumps(config))
    assert repr(copy) == repr(config)
    for seed in SEED_FILES:
        name = str(tmp_path / "a.txt")
        assert api.lint_bytes(seed.read_bytes(), name, config=copy) == \
            api.lint_bytes(seed.read_bytes(), name, config=config)
