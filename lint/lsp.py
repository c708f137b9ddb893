"""``reportlint server``: a language server for editors (the Language Server Protocol, over stdio).

An editor starts ``reportlint server`` and talks to it on standard input and output
(pygls does the protocol). For each open ``.txt``, ``.md`` or ``.markdown`` document:

- **diagnostics** on open, on every change and on save: the findings of lint.api, their
  positions in the code units the editor asked for (UTF-16 unless it chose otherwise,
  so a character outside the BMP, 𠮷 or 😀, counts two);
- **quick fixes**: a code action per fixable finding under the cursor, from its fix;
- **fix all** (``source.fixAll.reportlint``): every safe fix, as ``--fix`` makes them;
- **hover** on a finding: the rule's explanation, as ``--explain`` prints it.

Each workspace folder has its own configuration: the ``.reportlint.yaml`` (or
``pyproject.toml`` with ``[tool.reportlint]``) found from the folder upward, as
``reportlint`` run there would find it; a document outside every folder uses the one
found from its own directory. A configuration is read again when it changes on disk. One
that cannot be read is reported once in a message and the defaults are used meanwhile.

Needs the ``lsp`` extra (pygls): ``pip install 'reportlint[lsp]'``.
"""

from __future__ import annotations

import argparse
import bisect
import os

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from . import __version__, api
from .config import PYPROJECT, YAML_NAMES
from .document import split_lines
from .errors import UsageError
from .fixes import fixable

SUFFIXES = (".txt", ".md", ".markdown")
SOURCE = "reportlint"
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.reportlint"
SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
            "info": types.DiagnosticSeverity.Information}


# The code units the protocol counts positions in, by the encoding agreed at start-up
# (UTF-16 unless the editor offered another): Python's codec for each.
CODECS = {types.PositionEncodingKind.Utf8: ("utf-8", 1), types.PositionEncodingKind.Utf16: ("utf-16-le", 2),
          types.PositionEncodingKind.Utf32: ("utf-32-le", 4)}


class Lines:
    """A text's lines as reportlint and the protocol both count them (``\\n``, ``\\r\\n`` and
    ``\\r`` end a line), and the positions between the two: reportlint's 1-based line and
    character column, the protocol's 0-based line and code units of ``encoding``."""

    def __init__(self, text: str, encoding=types.PositionEncodingKind.Utf16):
        rows = split_lines(text)
        self.bodies = [body for body, _ending, _offset in rows]
        self.starts = [offset for _body, _ending, offset in rows]
        self.ends_with_break = text.endswith(("\n", "\r"))
        self.codec, self.width = CODECS.get(encoding, CODECS[types.PositionEncodingKind.Utf16])

    def units(self, text: str) -> int:
        return len(text.encode(self.codec, "surrogatepass")) // self.width

    def position(self, line: int, column: int) -> types.Position:
        if line > len(self.bodies):  # just after the last line's end
            if self.ends_with_break:
                return types.Position(line=len(self.bodies), character=0)
            return types.Position(line=len(self.bodies) - 1, character=self.units(self.bodies[-1]))
        return types.Position(line=line - 1, character=self.units(self.bodies[line - 1][:column - 1]))

    def range(self, line: int, column: int, end_line: int, end_column: int) -> types.Range:
        return types.Range(start=self.position(line, column), end=self.position(end_line, end_column))

    def location(self, position: types.Position) -> tuple[int, int]:
        """reportlint's (line, column) of a protocol position (one inside a character: before it)."""
        if position.line >= len(self.bodies):
            return len(self.bodies), len(self.bodies[-1]) + 1
        encoded = self.bodies[position.line].encode(self.codec, "surrogatepass")[:position.character * self.width]
        return position.line + 1, len(encoded.decode(self.codec, "ignore")) + 1

    def at_offset(self, offset: int) -> tuple[int, int]:
        """reportlint's (line, column) of a character offset in the text."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if offset > self.starts[i] + len(self.bodies[i]):  # past the last line's end
            return i + 2, 1
        return i + 1, offset - self.starts[i] + 1


class ReportServer(LanguageServer):
    """The language server: lint.api's findings, fixes and explanations for open documents."""

    def __init__(self):
        super().__init__("reportlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.configs: dict[str, tuple] = {}  # directory → (config file, its mtime, Config)
        self.reported: set[str] = set()  # configuration errors already shown

    # -- configuration ------------------------------------------------------------------------

    def folder_of(self, path: str) -> str:
        """The workspace folder holding ``path`` (the innermost), else its own directory."""
        from pygls.uris import to_fs_path

        best = ""
        for uri in self.workspace.folders:
            folder = to_fs_path(uri)
            if folder and (path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)) \
                    and len(folder) > len(best):
                best = folder
        return best or os.path.dirname(path)

    def config_for(self, path: str) -> api.Config:
        """The configuration that applies to the document at ``path`` (read again when its
        file changed)."""
        from .config import find

        directory = self.folder_of(path)
        found = find(directory)
        stamp = _mtime(found)
        cached = self.configs.get(directory)
        if cached is not None and cached[:2] == (found, stamp):
            return cached[2]
        try:
            config = api.Config.discover(directory)
        except UsageError as exc:
            message = f"reportlint: {exc} (using the default configuration)"
            if message not in self.reported:
                self.reported.add(message)
                self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=message))
            config = api.Config()
        self.configs[directory] = (found, stamp, config)
        return config

    # -- linting -------------------------------------------------------------------------------

    def linted(self, uri: str):
        """(the document, its Lines, its findings), or None for a document not linted here."""
        doc = self.workspace.get_text_document(uri)
        if not doc.path or not doc.path.lower().endswith(SUFFIXES):
            return None
        text = doc.source
        findings = api.lint_text(text, doc.path, config=self.config_for(doc.path))
        return doc, Lines(text, self.workspace.position_encoding), findings

    def publish(self, uri: str) -> None:
        found = self.linted(uri)
        if found is None:
            return
        doc, lines, findings = found
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=doc.version, diagnostics=[diagnostic(lines, f) for f in findings]))

    def relint_all(self) -> None:
        for uri in list(self.workspace.text_documents):
            self.publish(uri)


def _mtime(path: str | None):
    try:
        return None if path is None else os.stat(path).st_mtime_ns
    except OSError:
        return None


def diagnostic(lines: Lines, f) -> types.Diagnostic:
    return types.Diagnostic(
        range=lines.range(f.line, f.column, f.end_line, f.end_column),
        message=f.message,
        severity=SEVERITY[f.severity],
        code=f.code,
        source=SOURCE,
        data={"rule": f.rule},
    )


def _overlaps(f, start: tuple[int, int], end: tuple[int, int]) -> bool:
    """Whether finding ``f`` touches the span ``start``–``end`` (reportlint positions)."""
    return (f.line, f.column) <= end and start <= (f.end_line, f.end_column)


def quick_fixes(uri: str, lines: Lines, findings: list, where: types.Range) -> list[types.CodeAction]:
    start, end = lines.location(where.start), lines.location(where.end)
    actions = []
    for f in findings:
        if not fixable(f) or not _overlaps(f, start, end):
            continue
        fix = f.fix
        edit = types.TextEdit(range=lines.range(fix["line"], fix["column"], fix["end_line"], fix["end_column"]),
                              new_text=fix["replacement"])
        verb = "修正" if fix["replacement"] else "删除"
        actions.append(types.CodeAction(
            title=f"{verb}：{f.message}（{f.rule}）", kind=types.CodeActionKind.QuickFix, is_preferred=True,
            diagnostics=[diagnostic(lines, f)], edit=types.WorkspaceEdit(changes={uri: [edit]})))
    return actions


def fix_all(server: ReportServer, uri: str) -> types.CodeAction | None:
    """One edit making every safe fix of the document, or None when there is none."""
    doc = server.workspace.get_text_document(uri)
    text = doc.source
    fixed = api.fix_text(text, doc.path, config=server.config_for(doc.path)).text
    if fixed == text:
        return None
    # only the span that changed is replaced: the editor keeps its marks before and after it
    shorter = min(len(text), len(fixed))
    head = 0
    while head < shorter and text[head] == fixed[head]:
        head += 1
    tail = 0
    while tail < shorter - head and text[-1 - tail] == fixed[-1 - tail]:
        tail += 1
    if 0 < head and text[head - 1] == "\r" and text[head:head + 1] == "\n":
        head -= 1  # not between the two characters of a CRLF
    end = len(text) - tail
    if tail and text[end - 1] == "\r" and text[end] == "\n":
        tail -= 1
        end += 1
    lines = Lines(text, server.workspace.position_encoding)
    edit = types.TextEdit(range=lines.range(*lines.at_offset(head), *lines.at_offset(end)),
                          new_text=fixed[head:len(fixed) - tail])
    return types.CodeAction(title="reportlint: 修正全部可自动修正的问题 (fix all)", kind=FIX_ALL,
                            edit=types.WorkspaceEdit(changes={uri: [edit]}))


def _wanted(only: list | None, kind: str) -> bool:
    """Whether the client asked for code actions of ``kind`` (``only`` lists kinds and their parents)."""
    return only is None or any(kind == k or kind.startswith(f"{k}.") for k in only)


def hover(lines: Lines, findings: list, position: types.Position) -> types.Hover | None:
    at = lines.location(position)
    here = [f for f in findings if (f.line, f.column) <= at < (f.end_line, f.end_column)
            or (f.line, f.column) == at]
    if not here:
        return None
    parts = []
    for f in here:
        parts.append(f"**{f.message}** — `{f.code}` {f.rule}（{f.severity}）\n\n```text\n{api.explain(f.code)}```")
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
                       range=lines.range(here[0].line, here[0].column, here[0].end_line, here[0].end_column))


def is_configuration(path: str) -> bool:
    """Whether a saved or changed file may change a configuration: a configuration file or a
    rule pack (YAML)."""
    name = os.path.basename(path)
    return name in YAML_NAMES or name == PYPROJECT or name.lower().endswith((".yaml", ".yml"))


def build() -> ReportServer:
    """The server with its features."""
    server = ReportServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ReportServer, params: types.DidOpenTextDocumentParams):
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ReportServer, params: types.DidChangeTextDocumentParams):
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: ReportServer, params: types.DidSaveTextDocumentParams):
        from pygls.uris import to_fs_path

        path = to_fs_path(params.text_document.uri) or ""
        if is_configuration(path):
            ls.configs.clear()
            ls.relint_all()
        else:
            ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ReportServer, params: types.DidCloseTextDocumentParams):
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri,
                                                                            diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: ReportServer, params: types.DidChangeWatchedFilesParams):
        ls.configs.clear()
        ls.relint_all()

    @server.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    def did_change_folders(ls: ReportServer, params: types.DidChangeWorkspaceFoldersParams):
        ls.configs.clear()  # pygls has updated the folders already
        ls.relint_all()

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]))
    def code_action(ls: ReportServer, params: types.CodeActionParams):
        uri = params.text_document.uri
        found = ls.linted(uri)
        if found is None:
            return None
        _doc, lines, findings = found
        only = params.context.only
        actions = quick_fixes(uri, lines, findings, params.range) \
            if _wanted(only, types.CodeActionKind.QuickFix.value) else []
        if _wanted(only, FIX_ALL) and any(fixable(f) for f in findings):
            everything = fix_all(ls, uri)
            if everything is not None:
                actions.append(everything)
        return actions

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: ReportServer, params: types.HoverParams):
        found = ls.linted(params.text_document.uri)
        if found is None:
            return None
        _doc, lines, findings = found
        return hover(lines, findings, params.position)

    return server


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="reportlint server",
        description="A language server for editors (LSP over standard input and output): diagnostics, "
                    "quick fixes, fix all and rule explanations for .txt and .md documents.")
    parser.add_argument("--stdio", action="store_true", help="talk on standard input and output (the default)")
    parser.parse_args(argv)
    build().start_io()
    return 0
