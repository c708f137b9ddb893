"""Broken and hostile input: one clear line, exit status 2, never a traceback, never a hang.

Each case sets up its files (and, where the machine cannot produce the failure for
real, makes the operating system fail on purpose) and returns the command line.
"""

import builtins
import errno
import json
import os

import pytest

import lint.cli
import lint.files
from lint import engine
from lint.cli import main

REPORT = "某某同志述职报告\n\n一、主要工作\n\n内容。\n\n二、存在的问题\n\n内容。\n\n三、下一步打算\n\n共XX人。\n"


def doc(path, text=REPORT):
    path.write_text(text, encoding="utf-8")
    return str(path)


def fail_open(monkeypatch, target, err):
    """Make opening ``target`` fail with ``err`` (root can read a chmod 000 file)."""
    for module, name in ((builtins, "open"), (os, "open")):
        real = getattr(module, name)

        def fake(file, *args, _real=real, **kwargs):
            if str(file) == str(target):
                raise OSError(err, os.strerror(err), str(file))
            return _real(file, *args, **kwargs)

        monkeypatch.setattr(module, name, fake)


# --- the cases ------------------------------------------------------------------------------

def missing_path(tmp, mp):
    return [str(tmp / "nope.txt")], ["nope.txt: no such file or directory"]


def permission_denied(tmp, mp):
    path = doc(tmp / "secret.txt")
    fail_open(mp, path, errno.EACCES)
    return [path], ["secret.txt:1:1:", "RL001", "Permission denied"]


def unreadable_directory(tmp, mp):
    (tmp / "locked").mkdir()
    doc(tmp / "locked" / "a.txt")
    doc(tmp / "ok.txt")
    real = os.scandir

    def fake(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    mp.setattr(os, "scandir", fake)
    return [str(tmp)], ["locked: Permission denied"]


def directory_as_rule_pack(tmp, mp):
    (tmp / "packdir").mkdir()
    return ["--rules", str(tmp / "packdir"), doc(tmp / "a.txt")], ["packdir:1:1: cannot read rule pack"]


def deleted_after_discovery(tmp, mp):
    doc(tmp / "a.txt")
    gone = tmp / "b.txt"
    doc(gone)
    real = lint.files.discover

    def discover_then_delete(*args, **kwargs):
        files = real(*args, **kwargs)
        gone.unlink()
        return files

    mp.setattr(lint.files, "discover", discover_then_delete)
    return [str(tmp)], ["b.txt:1:1:", "RL001", "No such file or directory"]


def symlink_loop_in_directory(tmp, mp):
    (tmp / "d").mkdir()
    doc(tmp / "d" / "a.txt")
    os.symlink("..", tmp / "d" / "up")  # a directory containing itself
    os.symlink("self.txt", tmp / "d" / "self.txt")  # a link to itself
    return [str(tmp / "d")], ["self.txt:1:1:", "Too many levels of symbolic links"]


def fifo_given(tmp, mp):
    fifo = tmp / "pipe.txt"
    os.mkfifo(fifo)  # opening it would block forever
    return [str(fifo)], ["pipe.txt: a FIFO, not a document"]


def fifo_in_directory(tmp, mp):
    doc(tmp / "a.txt")
    os.mkfifo(tmp / "pipe.txt")
    return [str(tmp)], ["pipe.txt: a FIFO, not a document"]


def device_given(tmp, mp):
    return [os.devnull.replace("null", "zero")], ["/dev/zero: a device"]


def pack(tmp, text):
    path = tmp / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def broken_yaml_pack(tmp, mp):
    path = pack(tmp, "placeholder:\n  patterns: [\n")
    return ["--rules", path, doc(tmp / "a.txt")], [f"{path}:3:1: invalid YAML"]


def bad_regex_in_pack(tmp, mp):
    path = pack(tmp, "placeholder:\n  patterns:\n    - '(unclosed'\n")
    return ["--rules", path, doc(tmp / "a.txt")], [f"{path}:3:7:", "invalid regular expression"]


def redos_pattern_in_pack(tmp, mp):
    path = pack(tmp, "watermark:\n  lines:\n    - '(?<=QQ)(\\d+)+$'\n")
    return ["--rules", path, doc(tmp / "a.txt")], [f"{path}:3:7:", "lookarounds"]


def python_object_in_pack(tmp, mp):
    path = pack(tmp, "placeholder:\n  patterns: !!python/object/apply:os.system ['touch pwned']\n")
    return ["--rules", path, doc(tmp / "a.txt")], [f"{path}:2:13:", "tag"]


def deeply_nested_pack(tmp, mp):
    path = pack(tmp, "placeholder:\n  patterns: " + "[" * 5000 + "]" * 5000 + "\n")
    # Refused at its line, whichever refuses it first: reportlint's own depth check or,
    # in PyYAML 6.0.4 and newer, the YAML parser's.
    return ["--rules", path, doc(tmp / "a.txt")], [f"{path}:2:"]


def alias_bomb_pack(tmp, mp):
    lines = ["a: &a ['x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x']"]
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        lines.append(f"{chr(ord('a') + i)}: &{chr(ord('a') + i)} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, "
                     f"*{prev}, *{prev}, *{prev}, *{prev}]")
    path = pack(tmp, "\n".join(lines) + "\nplaceholder:\n  patterns: *i\n")
    return ["--rules", path, doc(tmp / "a.txt")], [f"{path}:1:1: unknown key 'a'"]


def alias_bomb_config(tmp, mp):
    lines = ["a: &a ['x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x']"]
    for i in range(1, 9):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    path = tmp / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")  # 9**9 values once expanded
    return ["--config", str(path), doc(tmp / "a.txt")], [f"{path}:", "expands to more than"]


def pack_not_utf8(tmp, mp):
    path = tmp / "mine.yaml"
    path.write_bytes("placeholder:\n  patterns: ['某某']\n".encode("utf-16"))
    return ["--rules", str(path), doc(tmp / "a.txt")], [f"{path}:1:1: rule pack is not UTF-8"]


def unknown_select(tmp, mp):
    return ["--select", "placeholder,no-such-rule", doc(tmp / "a.txt")], \
        ["--select: unknown rule 'no-such-rule'", "known rules: placeholder"]


def unknown_ignore(tmp, mp):
    return ["--ignore", "RL999", doc(tmp / "a.txt")], ["--ignore: unknown rule 'RL999'"]


def unknown_profile(tmp, mp):
    return ["--profile", "年终总结", doc(tmp / "a.txt")], ["--profile: unknown profile '年终总结'"]


def binary_named_txt(tmp, mp):
    path = tmp / "a.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return [str(path)], ["a.txt:1:1:", "binary file"]


def undecodable(tmp, mp):
    path = tmp / "a.txt"
    path.write_bytes("述职报告\n第二行".encode("utf-8") + b"\xff\xff\x81\n")
    return [str(path)], ["a.txt:2:4:", "cannot decode"]


def fifo_after_discovery(tmp, mp):
    doc(tmp / "a.txt")
    swapped = tmp / "b.txt"
    doc(swapped)
    real = lint.files.discover

    def discover_then_swap(*args, **kwargs):
        files = real(*args, **kwargs)
        swapped.unlink()
        os.mkfifo(swapped)  # no writer: a blocking open() would wait forever
        return files

    mp.setattr(lint.files, "discover", discover_then_swap)
    return [str(tmp)], ["b.txt:1:1:", "RL001", "a FIFO, not a document"]


def fifo_as_rule_pack(tmp, mp):
    os.mkfifo(tmp / "pack.yaml")
    return ["--rules", str(tmp / "pack.yaml"), doc(tmp / "a.txt")], ["pack.yaml:1:1:", "a FIFO"]


def device_as_rule_pack(tmp, mp):
    return ["--rules", "/dev/zero", doc(tmp / "a.txt")], ["/dev/zero:1:1:", "a device"]


def huge_rule_pack(tmp, mp):
    path = tmp / "big.yaml"
    path.write_bytes(b"# " + b"x" * (5 * 2**20) + b"\n")
    return ["--rules", str(path), doc(tmp / "a.txt")], ["big.yaml:1:1:", "larger than 4 MiB"]


def fifo_as_config(tmp, mp):
    os.mkfifo(tmp / "conf.yaml")
    return ["--config", str(tmp / "conf.yaml"), doc(tmp / "a.txt")], ["conf.yaml", "a FIFO"]


def config(tmp, text):
    path = tmp / "conf.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def self_alias_config(tmp, mp):
    path = config(tmp, "select: &a [*a]\n")
    return ["--config", path, doc(tmp / "a.txt")], [f"{path}:1:", "loop"]


def backwards_glob_range_config(tmp, mp):
    path = config(tmp, "exclude: ['[z-a].txt']\n")
    return ["--config", path, doc(tmp / "a.txt")], [f"{path}:1:", "[z-a]", "runs backwards"]


def backwards_glob_range_option(tmp, mp):
    return ["--exclude", "[z-a]", doc(tmp / "a.txt")], ["--exclude:", "[z-a]"]


def non_string_key_config(tmp, mp):
    path = config(tmp, "per-file-ignores:\n  1: [placeholder]\n")
    return ["--config", path, doc(tmp / "a.txt")], [f"{path}:2:3:", "must be"]


def empty_select_config(tmp, mp):
    path = config(tmp, "select: []\n")
    return ["--config", path, doc(tmp / "a.txt")], [f"{path}:1:", "names no rule"]


def empty_select_option(tmp, mp):
    return ["--select", "", doc(tmp / "a.txt")], ["--select: no rule named"]


def lookbehind_allow_pattern(tmp, mp):
    path = config(tmp, "allow:\n  - pattern: '(?<=(a|aa)+)XX'\n")
    return ["--config", path, doc(tmp / "a.txt")], [f"{path}:2:", "pattern"]


def atomic_group_in_pack(tmp, mp):
    path = pack(tmp, "placeholder:\n  patterns:\n    - '(?>a+)X'\n")
    return ["--rules", path, doc(tmp / "a.txt")], [f"{path}:3:7:", "atomic"]


def control_character_typo_fix(tmp, mp):
    path = pack(tmp, "typos:\n  主要工作: \"主要\\e]0;pwned\\a工作\"\n")
    return ["--rules", path, doc(tmp / "a.txt")], [f"{path}:2:", "control characters"]


CASES = [missing_path, permission_denied, unreadable_directory, directory_as_rule_pack, deleted_after_discovery,
         symlink_loop_in_directory, fifo_given, fifo_in_directory, device_given, broken_yaml_pack,
         bad_regex_in_pack, redos_pattern_in_pack, python_object_in_pack, deeply_nested_pack, alias_bomb_pack,
         alias_bomb_config, pack_not_utf8, unknown_select, unknown_ignore, unknown_profile, binary_named_txt, undecodable,
         fifo_after_discovery, fifo_as_rule_pack, device_as_rule_pack, huge_rule_pack, fifo_as_config,
         self_alias_config, backwards_glob_range_config, backwards_glob_range_option, non_string_key_config,
         empty_select_config, empty_select_option, lookbehind_allow_pattern, atomic_group_in_pack,
         control_character_typo_fix]


@pytest.mark.parametrize("case", CASES, ids=[c.__name__ for c in CASES])
def test_failure_is_one_clear_line_and_status_2(case, tmp_path, monkeypatch, capsys):
    argv, words = case(tmp_path, monkeypatch)
    status = main(["--color", "never", *argv])
    out, err = capsys.readouterr()
    assert status == 2, (out, err)
    assert "Traceback" not in out + err
    for word in words:
        assert word in out + err, (word, out, err)
    for line in err.splitlines():  # every error is one line of its own, naming what failed
        assert line.startswith("reportlint: ") or line.startswith("usage: "), err
    assert not (tmp_path / "pwned").exists() and not os.path.exists("pwned")


def test_the_run_goes_on_after_a_failing_file(tmp_path, monkeypatch, capsys):
    argv, _ = deleted_after_discovery(tmp_path, monkeypatch)
    assert main(["--format", "json", *argv]) == 2
    data = json.loads(capsys.readouterr().out)
    assert {(d["path"].rsplit("/", 1)[-1], d["rule"]) for d in data} == {("a.txt", "placeholder"),
                                                                          ("b.txt", "read-error")}


def test_symlinked_parent_given_explicitly_terminates(tmp_path, capsys):
    (tmp_path / "d").mkdir()
    doc(tmp_path / "d" / "a.txt")
    os.symlink("..", tmp_path / "d" / "up")
    assert main(["--format", "json", str(tmp_path / "d" / "up")]) == 1
    paths = [d["path"] for d in json.loads(capsys.readouterr().out)]
    assert paths and all(p.endswith("d/a.txt") for p in paths)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads a chmod 000 file; permission_denied simulates it instead")
def test_real_permission_denied(tmp_path, capsys):
    path = tmp_path / "secret.txt"
    doc(path)
    path.chmod(0)
    try:
        assert main([str(path)]) == 2
    finally:
        path.chmod(0o644)
    assert "Permission denied" in capsys.readouterr().out


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", " \t\u3000\r\n\r\n  ", "\ufeff"])
def test_empty_and_blank_files_are_documents_not_errors(tmp_path, capsys, text):
    # Nothing to misread: the file is linted and the run is clean of errors; the one
    # finding says the document is empty, at line 1, column 1.
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    status = main(["--format", "json", str(path)])
    data = json.loads(capsys.readouterr().out)
    assert status == 1
    assert [d["rule"] for d in data] == ["missing-title"] and "文档为空" in data[0]["message"]
    assert [(d["line"], d["column"], d["end_line"], d["end_column"]) for d in data] == [(1, 1, 1, 1)]


def boom(*args, **kwargs):
    raise RuntimeError("boom")


def test_internal_error_is_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(engine.Linter, "report", boom)
    monkeypatch.delenv("REPORTLINT_DEBUG", raising=False)
    assert main([doc(tmp_path / "a.txt")]) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == ["reportlint: internal error: RuntimeError: boom (run with --debug for the traceback)"]


@pytest.mark.parametrize("switch", ["--debug", "REPORTLINT_DEBUG"])
def test_debug_switch_shows_the_traceback(tmp_path, monkeypatch, switch):
    monkeypatch.setattr(engine.Linter, "report", boom)
    argv = [doc(tmp_path / "a.txt")]
    if switch == "--debug":
        argv.insert(0, "--debug")
    else:
        monkeypatch.setenv("REPORTLINT_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):
        main(argv)
