"""``reportlint --fix`` / ``--diff`` on real files: the seeds and their re-encoded copies."""

import codecs
import json
import os
import stat
import tempfile

import pytest

from conftest import default_pack, seed
from lint import document, engine, fixes, parser
from lint.cli import main
from test_cli import run

PREFIXES = ["000", "001", "002", "003", "004"]
OLD = 1_500_000_000  # a past mtime: any rewrite would move it


def variant(text, name):
    """The bytes of a seed saved another way."""
    if name == "utf-8":
        return text.encode("utf-8")
    if name == "gb18030":
        return text.encode("gb18030")
    if name == "crlf-bom":
        return codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8")
    if name == "utf-16":
        return codecs.BOM_UTF16_LE + text.replace("\n", "\r\n").encode("utf-16-le")
    raise ValueError(name)


def lint(doc):
    return engine.Linter(default_pack()).lint_document(doc)


def minus_fixed_spans(doc, findings):
    """The original text without the spans its fixable findings name (read line by line)."""
    out = []
    for line in doc.lines:
        own = [f.fix for f in findings if fixes.fixable(f) and f.fix["line"] == line.number]
        if any(fx["column"] == 1 and fx["replacement"] == "" and (fx["end_line"], fx["end_column"]) in
               ((line.number + 1, 1), (line.number, len(line.text) + 1)) for fx in own):
            continue  # the whole line goes, with its line end
        body = line.text
        for fx in sorted(own, key=lambda fx: fx["column"], reverse=True):
            assert fx["end_line"] == line.number
            body = body[: fx["column"] - 1] + fx["replacement"] + body[fx["end_column"] - 1:]
        out.append(body + line.ending)
    return "".join(out)


def structure(text):
    report = parser.parse(document.from_text(text))
    return ([(h.level, h.marker, h.text) for h in report.headings()],
            [p.text for p in report.paragraphs()])


def placeholders(findings):
    return [f.message for f in findings if f.rule == "placeholder"]


def fix_json(capsys, *args):
    status = main(["--fix", "--format", "json", *args])
    captured = capsys.readouterr()
    return status, json.loads(captured.out), captured.err


@pytest.mark.parametrize("how", ["utf-8", "gb18030", "crlf-bom", "utf-16"])
@pytest.mark.parametrize("prefix", PREFIXES)
def test_fix_on_seeds(tmp_path, capsys, prefix, how):
    original = variant(seed(prefix).read_text(encoding="utf-8"), how)
    path = tmp_path / seed(prefix).name
    path.write_bytes(original)
    os.utime(path, (OLD, OLD))
    doc = document.from_bytes(original, str(path))
    before = lint(doc)

    status, remaining, err = fix_json(capsys, str(path))
    fixed = path.read_bytes()
    fixed_doc = document.from_bytes(fixed, str(path))

    # no fixable finding remains; every placeholder does; the exit status says so
    assert not any(f["fix"] and f["rule"] not in fixes.NEVER_FIXED for f in remaining)
    assert placeholders(before) and placeholders(lint(fixed_doc)) == placeholders(before)
    assert [f["message"] for f in remaining if f["rule"] == "placeholder"] == placeholders(before)
    assert status == 1
    # the report's own text is intact: the original minus the fixed spans, byte for byte
    expected = minus_fixed_spans(doc, before)
    assert structure(fixed_doc.text) == structure(expected)
    assert fixed == doc.bom + expected.encode(doc.encoding)
    # encoding, BOM and line ends are preserved
    assert (fixed_doc.encoding, fixed_doc.bom) == (doc.encoding, doc.bom)
    assert {line.ending for line in fixed_doc.lines} <= {line.ending for line in doc.lines}
    if how in ("crlf-bom", "utf-16"):
        assert "\n" not in fixed_doc.text.replace("\r\n", "")
    # a file with nothing to fix is not written; one with fixes is
    if any(fixes.fixable(f) for f in before):
        assert fixed != original and os.stat(path).st_mtime_ns != OLD * 10**9
        assert "fixed" in err
    else:
        assert fixed == original and os.stat(path).st_mtime_ns == OLD * 10**9

    # a second --fix is a no-op: same bytes, same mtime, same findings
    os.utime(path, (OLD, OLD))
    status2, remaining2, err2 = fix_json(capsys, str(path))
    assert path.read_bytes() == fixed and os.stat(path).st_mtime_ns == OLD * 10**9
    assert status2 == 1 and remaining2 == remaining and "fixed" not in err2


def test_fix_seeds_directory_reports_what_remains(tmp_path, capsys):
    for prefix in PREFIXES:
        (tmp_path / seed(prefix).name).write_bytes(seed(prefix).read_bytes())
    status, remaining, err = fix_json(capsys, str(tmp_path))
    assert status == 1
    assert {f["rule"] for f in remaining} == {"placeholder"} and len(remaining) == 218
    # 22 pieces of debris (advert lines, markers, a collection number) and doubled marks,
    # 10 half-width marks, 3 typos
    assert "fixed 35 problems in 5 files" in err


def test_diff_changes_nothing_and_patch_gives_the_fix(tmp_path, capsys):
    path = tmp_path / "r.txt"
    original = variant(seed("001").read_text(encoding="utf-8"), "crlf-bom")
    path.write_bytes(original)
    os.utime(path, (OLD, OLD))
    assert main(["--diff", str(path)]) == 1
    out = capsys.readouterr().out
    assert path.read_bytes() == original and os.stat(path).st_mtime_ns == OLD * 10**9
    assert out.startswith(f"--- {path}\n+++ {path}\n@@ ")
    assert "-酷乐文行整理，咨询QQ206157060\r\n" in out
    # 001's advert lines are removed; the other changed lines differ only by the
    # half-width marks and the typo that the diff replaces
    removed = [line[1:] for line in out.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in out.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert len([a for a in added if a]) == 5 and all(
        a in [r.replace(",", "，").replace(";", "；").replace("自已", "自己") for r in removed] for a in added)
    # nothing to fix: no diff, exit status still reports the placeholders
    clean = tmp_path / "c.txt"
    clean.write_bytes("某某述职报告\n一、主要工作\n共开展学习X次。\n二、存在问题\n学习不够。\n三、下一步打算\n加强学习。\n"
                      .encode("utf-8"))
    assert main(["--diff", str(clean)]) == 1
    assert capsys.readouterr().out == ""


def test_permission_bits_are_kept(tmp_path, capsys):
    path = tmp_path / "r.txt"
    path.write_bytes(seed("002").read_bytes())
    os.chmod(path, 0o640)
    assert main(["--fix", str(path)]) == 1
    capsys.readouterr()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert path.read_bytes() != seed("002").read_bytes()
    assert os.listdir(tmp_path) == ["r.txt"]


def test_fix_through_a_symlink_rewrites_the_target(tmp_path, capsys):
    target = tmp_path / "real.txt"
    target.write_bytes(seed("002").read_bytes())
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert main(["--fix", str(link)]) == 1
    capsys.readouterr()
    assert link.is_symlink() and b"##paid" not in target.read_bytes()


def _failing(tmp_path, capsys, monkeypatch, where, error):
    path = tmp_path / "r.txt"
    original = seed("004").read_bytes()
    path.write_bytes(original)
    os.utime(path, (OLD, OLD))

    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(where[0], where[1], fail)
    status = main(["--fix", str(path)])
    captured = capsys.readouterr()
    assert status == 2
    assert path.read_bytes() == original and os.stat(path).st_mtime_ns == OLD * 10**9
    assert os.listdir(tmp_path) == ["r.txt"]  # no temporary file left behind
    assert f"{path}: cannot write the fixed file, left unchanged" in captured.err
    assert "Traceback" not in captured.err
    # the findings reported are those of the file as it stands
    assert "付费墙标记残留" in captured.out


def test_a_failing_replace_leaves_the_original(tmp_path, capsys, monkeypatch):
    _failing(tmp_path, capsys, monkeypatch, (os, "replace"), OSError(28, "No space left on device"))


def test_a_failing_write_leaves_the_original(tmp_path, capsys, monkeypatch):
    _failing(tmp_path, capsys, monkeypatch, (os, "fsync"), OSError(5, "Input/output error"))


def test_no_temporary_file_possible_leaves_the_original(tmp_path, capsys, monkeypatch):
    _failing(tmp_path, capsys, monkeypatch, (tempfile, "mkstemp"), PermissionError(13, "Permission denied"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only directories")
def test_read_only_directory_leaves_the_original(tmp_path, capsys):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "r.txt"
    original = seed("004").read_bytes()
    path.write_bytes(original)
    os.chmod(folder, 0o555)
    try:
        assert main(["--fix", str(path)]) == 2
    finally:
        os.chmod(folder, 0o755)
    assert path.read_bytes() == original and os.listdir(folder) == ["r.txt"]
    assert "cannot write the fixed file" in capsys.readouterr().err


def test_read_only_file_is_not_replaced(tmp_path, capsys, monkeypatch):
    path = tmp_path / "r.txt"
    original = seed("004").read_bytes()
    path.write_bytes(original)
    os.chmod(path, 0o444)
    if os.access(path, os.W_OK):  # root may write anything: answer as the system would a user
        monkeypatch.setattr(os, "access", lambda p, mode: not mode & os.W_OK)
    assert main(["--fix", str(path)]) == 2
    assert path.read_bytes() == original and "read-only" in capsys.readouterr().err


def test_stdin_fix_writes_the_fixed_text_to_stdout_in_its_encoding():
    text = seed("001").read_text(encoding="utf-8")
    data = text.replace("\n", "\r\n").encode("gb18030")
    proc = run("--fix", "--format", "json", "-", stdin=data)
    assert proc.returncode == 1
    doc = document.from_bytes(data, "-")
    expected = minus_fixed_spans(doc, lint(doc)).encode("gb18030")
    assert proc.stdout == expected
    remaining = json.loads(proc.stderr.decode("utf-8").split("\nreportlint: ")[0])
    assert {f["rule"] for f in remaining} == {"placeholder"} and len(remaining) == 13
    # a second pass over the output changes nothing
    again = run("--fix", "-", stdin=proc.stdout)
    assert again.stdout == proc.stdout and again.returncode == 1


def test_stdin_fix_with_nothing_to_fix_or_unreadable_input_echoes_it():
    clean = "某局述职报告\n\n一、主要工作\n\n内容。\n\n二、存在的问题\n\n内容。\n\n三、下一步打算\n\n内容。\n".encode("utf-8")
    proc = run("--fix", "-", stdin=clean)
    assert (proc.returncode, proc.stdout) == (0, clean)
    assert proc.stderr == b""  # no findings, and with "-" no summary line
    binary = b"\x00\x01\x02binary"
    proc = run("--fix", "-", stdin=binary)
    assert proc.returncode == 2 and proc.stdout == binary
    assert b"read-error" in proc.stderr and b"Traceback" not in proc.stderr


def test_diff_on_stdin_uses_the_stdin_filename():
    proc = run("--diff", "--stdin-filename", "draft.txt", "-", stdin="述职报告\n\n立场坚定。。\n".encode("utf-8"))
    assert proc.returncode == 1
    assert proc.stdout.decode("utf-8") == ("--- draft.txt\n+++ draft.txt\n@@ -1,3 +1,3 @@\n 述职报告\n \n"
                                           "-立场坚定。。\n+立场坚定。\n")


def test_docx_is_never_rewritten_and_says_so(tmp_path, capsys):
    import docx_build

    text = seed("000").read_text(encoding="utf-8")
    data = docx_build.to_bytes(docx_build.plain_docx([p for _, p in docx_build.seed_paragraphs(text)]))
    path = tmp_path / "r.docx"
    path.write_bytes(data)
    os.utime(path, (OLD, OLD))
    for option in ("--fix", "--diff"):
        assert main([option, "--format", "json", str(path)]) == 1
        captured = capsys.readouterr()
        assert ".docx files are not rewritten" in captured.err
        if option == "--fix":
            remaining = json.loads(captured.out)
            assert {f["rule"] for f in remaining} >= {"watermark", "placeholder"}
            assert all(f["fix"] is None for f in remaining)
        else:
            assert captured.out == ""
        assert path.read_bytes() == data and os.stat(path).st_mtime_ns == OLD * 10**9
