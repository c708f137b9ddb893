"""``reportlint server`` in a real stdio session, driven by pygls's own language client.

Every test starts the server as an editor does (``python -m lint server``), opens
documents, and checks what comes back against the command line's JSON, converting
positions here on their own (UTF-16 code units, counted from the text).
"""

import asyncio
import json
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor

from cli_helpers import CLEAN_REPORT, reportlint
from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

from conftest import ROOT, SEEDS

TIMEOUT = 60  # seconds for one answer: the machine may be busy; a passing run takes far less
SEED_FILES = sorted(SEEDS.glob("*.txt"))
SEVERITIES = {"error": 1, "warning": 2, "info": 3}


# --- positions, counted independently of the server ------------------------------------------


def text_lines(text: str) -> list[str]:
    """The lines of ``text`` as the protocol counts them, each with its line end."""
    return re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", text) or [""]


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def lsp_range(text: str, line: int, column: int, end_line: int, end_column: int) -> types.Range:
    """A reportlint span (1-based, characters) as a protocol range (0-based, UTF-16)."""
    lines = text_lines(text)

    def position(line, column):
        if line > len(lines):
            return types.Position(line=len(lines), character=0)
        return types.Position(line=line - 1, character=utf16(lines[line - 1][:column - 1]))

    return types.Range(start=position(line, column), end=position(end_line, end_column))


def offset(text: str, position: types.Position) -> int:
    lines = text_lines(text)
    if position.line >= len(lines):
        return len(text)
    before = sum(len(line) for line in lines[:position.line])
    units = 0
    for i, ch in enumerate(lines[position.line]):
        if units >= position.character:
            return before + i
        units += utf16(ch)
    return before + len(lines[position.line])


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """``text`` with protocol edits applied, as an editor applies them."""
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(text, edit.range.start)] + edit.new_text + text[offset(text, edit.range.end):]
    return text


def expected_diagnostics(text: str, findings: list[dict]) -> list[tuple]:
    return [(lsp_range(text, f["line"], f["column"], f["end_line"], f["end_column"]), f["message"],
             SEVERITIES[f["severity"]], f["code"]) for f in findings]


def shape(diagnostics) -> list[tuple]:
    assert all(d.source == "reportlint" for d in diagnostics)
    return [(d.range, d.message, d.severity, d.code) for d in diagnostics]


def cli_json(path, cwd):
    result = reportlint("--format", "json", path, cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


# --- a session ---------------------------------------------------------------------------------


class Session:
    """A client talking to a server it started; diagnostics and messages as they arrive."""

    def __init__(self):
        self.client = LanguageClient("reportlint-tests", "1")
        self.published: dict[str, asyncio.Queue] = {}
        self.messages: list[str] = []
        self.versions: dict[str, int] = {}

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: types.PublishDiagnosticsParams):
            self.queue(params.uri).put_nowait(params)

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def on_message(params: types.ShowMessageParams):
            self.messages.append(params.message)

    def queue(self, uri: str) -> asyncio.Queue:
        return self.published.setdefault(uri, asyncio.Queue())

    async def start(self, folders: list, cwd, capabilities=None) -> types.InitializeResult:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        await self.client.start_io(sys.executable, "-m", "lint", "server", cwd=str(cwd), env=env)
        result = await asyncio.wait_for(self.client.initialize_async(types.InitializeParams(
            capabilities=capabilities or types.ClientCapabilities(),
            workspace_folders=[types.WorkspaceFolder(uri=from_fs_path(str(f)), name=f.name) for f in folders],
        )), TIMEOUT)
        self.client.initialized(types.InitializedParams())
        return result

    async def stop(self):
        await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
        self.client.exit(None)
        await asyncio.wait_for(self.client.stop(), TIMEOUT)

    async def diagnostics(self, uri: str, version: int | None = None) -> list[types.Diagnostic]:
        while True:
            params = await asyncio.wait_for(self.queue(uri).get(), TIMEOUT)
            if version is None or params.version == version:
                return list(params.diagnostics)

    async def open(self, path, text: str) -> tuple[str, list[types.Diagnostic]]:
        uri = from_fs_path(str(path))
        self.versions[uri] = 1
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))
        return uri, await self.diagnostics(uri, 1)

    async def change(self, uri: str, text: str) -> list[types.Diagnostic]:
        self.versions[uri] += 1
        version = self.versions[uri]
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
        return await self.diagnostics(uri, version)

    async def actions(self, uri: str, where: types.Range, only=None) -> list[types.CodeAction]:
        return await asyncio.wait_for(self.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=where,
            context=types.CodeActionContext(diagnostics=[], only=only))), TIMEOUT) or []


def run(test):
    """Run ``test(session)`` in a session of its own, shut down cleanly whatever happens.

    The session has an event loop of its own, in a thread of its own: the browser tests
    leave Playwright's loop running in this one.
    """
    async def main():
        session = Session()
        try:
            await test(session)
        finally:
            await session.stop()
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, main()).result()


# --- the tests -----------------------------------------------------------------------------------


def test_a_seed_gets_the_command_lines_findings_and_its_fixes(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()

    async def test(session):
        await session.start([folder], tmp_path)
        for seed in SEED_FILES:
            path = folder / seed.name
            text = seed.read_text(encoding="utf-8")
            path.write_text(text, encoding="utf-8", newline="")
            uri, diagnostics = await session.open(path, text)
            findings = cli_json(path.name, folder)
            assert findings
            assert shape(diagnostics) == expected_diagnostics(text, findings), seed.name

            # a quick fix: the first fixable finding's own fix, nothing else
            first = next((f for f in findings if f["fix"]), None)
            if first is None:
                continue
            where = lsp_range(text, first["line"], first["column"], first["end_line"], first["end_column"])
            quick = [a for a in await session.actions(uri, where, [types.CodeActionKind.QuickFix])
                     if a.diagnostics[0].message == first["message"]]
            assert quick and quick[0].kind == types.CodeActionKind.QuickFix
            fixed = apply(text, quick[0].edit.changes[uri])
            fix = first["fix"]
            start = offset(text, lsp_range(text, fix["line"], fix["column"], fix["end_line"], fix["end_column"]).start)
            end = offset(text, lsp_range(text, fix["line"], fix["column"], fix["end_line"], fix["end_column"]).end)
            assert fixed == text[:start] + fix["replacement"] + text[end:]
            after = await session.change(uri, fixed)
            path.write_text(fixed, encoding="utf-8", newline="")
            assert shape(after) == expected_diagnostics(fixed, cli_json(path.name, folder))

            # fix all: what --fix writes
            (everything,) = await session.actions(uri, where, ["source.fixAll"])
            assert everything.kind == "source.fixAll.reportlint"
            all_fixed = apply(fixed, everything.edit.changes[uri])
            assert reportlint("--fix", path.name, cwd=folder).returncode in (0, 1)
            assert all_fixed == path.read_text(encoding="utf-8")
            after = await session.change(uri, all_fixed)
            assert shape(after) == expected_diagnostics(all_fixed, cli_json(path.name, folder))
            assert not await session.actions(uri, types.Range(start=types.Position(line=0, character=0),
                                                              end=types.Position(line=10 ** 6, character=0)))

    run(test)


ASTRAL = "𠮷😀"  # outside the BMP: two UTF-16 code units each


def test_positions_count_utf16_units_outside_the_bmp(tmp_path):
    text = CLEAN_REPORT.replace("全年完成各项任务。", f"{ASTRAL}全年完成XX项任务。。{ASTRAL}自已负责,\r\n严格把关。")

    async def test(session):
        await session.start([tmp_path], tmp_path)
        path = tmp_path / "a.txt"
        path.write_text(text, encoding="utf-8", newline="")
        uri, diagnostics = await session.open(path, text)
        findings = cli_json("a.txt", tmp_path)
        assert [f["rule"] for f in findings] == ["placeholder", "duplicate-punctuation", "common-typo",
                                                 "halfwidth-punctuation"]
        assert shape(diagnostics) == expected_diagnostics(text, findings)
        placeholder = diagnostics[0].range
        # 𠮷😀全年完成 before XX: two characters of two units, four of one
        assert (placeholder.start.character, placeholder.end.character) == (8, 10)
        line = text_lines(text)[placeholder.start.line]
        assert line[6:8] == "XX"

        typo = next(d for d in diagnostics if d.code == "RL303")
        (quick,) = await session.actions(uri, typo.range, [types.CodeActionKind.QuickFix])
        assert "自己负责" in apply(text, quick.edit.changes[uri])
        (everything,) = await session.actions(uri, typo.range, ["source.fixAll.reportlint"])
        all_fixed = apply(text, everything.edit.changes[uri])
        assert all_fixed == text.replace("。。", "。").replace("自已负责,", "自己负责，")

        # hover on the placeholder: its explanation, as --explain prints it
        inside = types.Position(line=placeholder.start.line, character=placeholder.start.character + 1)
        found = await asyncio.wait_for(session.client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=inside)), TIMEOUT)
        assert found.range == placeholder
        assert reportlint("--explain", "placeholder").stdout.decode("utf-8") in found.contents.value
        assert "未填写的占位符「XX」" in found.contents.value
        before = types.Position(line=placeholder.start.line, character=1)  # inside 𠮷: no finding
        assert await asyncio.wait_for(session.client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=before)), TIMEOUT) is None

    run(test)


def test_each_workspace_folder_has_its_own_configuration(tmp_path):
    strict, lenient = tmp_path / "strict", tmp_path / "lenient"
    for folder in (strict, lenient):
        folder.mkdir()
    config = lenient / ".reportlint.yaml"
    config.write_text("ignore: [placeholder]\n", encoding="utf-8")
    text = CLEAN_REPORT.replace("全年完成各项任务。", "全年完成XX项任务。。")

    async def test(session):
        await session.start([strict, lenient], tmp_path)
        rules = {}
        for folder in (strict, lenient):
            (folder / "a.md").write_text(text, encoding="utf-8")
            uri, diagnostics = await session.open(folder / "a.md", text)
            rules[folder.name] = [d.code for d in diagnostics]
            assert shape(diagnostics) == expected_diagnostics(text, cli_json("a.md", folder))
        assert rules == {"strict": ["RL101", "RL102"], "lenient": ["RL102"]}

        # the configuration changes and is saved: the documents are linted with the new one
        config.write_text("ignore: [duplicate-punctuation]\n", encoding="utf-8")
        session.client.text_document_did_save(types.DidSaveTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=from_fs_path(str(config)))))
        uri = from_fs_path(str(lenient / "a.md"))
        assert [d.code for d in await session.diagnostics(uri)] == ["RL101"]

        # a broken one: said once, the defaults used meanwhile
        config.write_text("select: [no-such-rule]\n", encoding="utf-8")
        assert [d.code for d in await session.change(uri, text)] == ["RL101", "RL102"]
        assert len(session.messages) == 1 and "unknown rule 'no-such-rule'" in session.messages[0]
        assert str(config) in session.messages[0]

        # closing a document clears its diagnostics; other files are left alone
        session.client.text_document_did_close(types.DidCloseTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=uri)))
        assert await session.diagnostics(uri) == []
        (strict / "notes.py").write_text("# XX。。\n", encoding="utf-8")
        session.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=from_fs_path(str(strict / "notes.py")), language_id="python", version=1, text="# XX。。\n")))
        _uri, diagnostics = await session.open(strict / "b.txt", text)  # answered after notes.py
        assert [d.code for d in diagnostics] == ["RL101", "RL102"]
        assert session.queue(from_fs_path(str(strict / "notes.py"))).empty()

    run(test)


def test_positions_in_the_encoding_the_client_prefers(tmp_path):
    text = CLEAN_REPORT.replace("全年完成各项任务。", f"{ASTRAL}XX")
    capabilities = types.ClientCapabilities(general=types.GeneralClientCapabilities(
        position_encodings=[types.PositionEncodingKind.Utf32, types.PositionEncodingKind.Utf16]))

    async def test(session):
        result = await session.start([tmp_path], tmp_path, capabilities)
        assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf32
        _uri, diagnostics = await session.open(tmp_path / "a.txt", text)
        (placeholder,) = [d for d in diagnostics if d.code == "RL101"]
        assert (placeholder.range.start.character, placeholder.range.end.character) == (2, 4)  # characters

    run(test)


def test_without_the_extra_the_command_says_what_to_install(tmp_path):
    blocker = tmp_path / "pygls.py"
    blocker.write_text("raise ModuleNotFoundError(\"No module named 'pygls'\", name='pygls')\n", encoding="utf-8")
    import subprocess

    result = subprocess.run([sys.executable, "-m", "lint", "server"], cwd=tmp_path, capture_output=True,
                            env=dict(os.environ, PYTHONPATH=f"{tmp_path}{os.pathsep}{ROOT}"), timeout=TIMEOUT)
    assert result.returncode == 2
    assert "pip install 'reportlint[lsp]'" in result.stderr.decode("utf-8")
