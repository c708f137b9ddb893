"""The web application of ``reportlint serve`` (Starlette).

Routes:

- ``GET /``, ``GET /static/NAME``, ``GET /assets/NAME``: the page, its script and style
  sheet (``lint/serve/static/``), and the report's own (``lint/formats/html_assets/``).
- ``GET /api/info``: the profiles to choose from and the size limit.
- ``GET /api/rules``: every rule's explanation, as the HTML report shows it.
- ``POST /api/lint?name=FILE&profile=P``: the body is the document; the answer is JSON
  with the findings and the document's section of the report.
- ``POST /api/annotate?…``: the same document back as a .docx with comments.
- ``POST /api/fix?…``: the fixed text (.txt and .md only).

A request carries its document and the server keeps nothing afterwards: there is no
store to read another person's document from. The linters (one per profile) are made
once and shared; they keep nothing of a document either.
"""

from __future__ import annotations

import copy
import json
import secrets
from importlib import resources
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .. import __version__

SUFFIXES = (".docx", ".txt", ".md", ".markdown")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
STATIC_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                ".css": "text/css; charset=utf-8"}
POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
          "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": POLICY, "X-Content-Type-Options": "nosniff",
           "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}


class Refusal(Exception):
    """A request that cannot be served: ``status`` and a message for the person."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


def _files(package: str, directory: str) -> dict[str, bytes]:
    root = resources.files(package).joinpath(directory)
    return {item.name: item.read_bytes() for item in root.iterdir() if item.name.endswith(tuple(STATIC_TYPES))}


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".rstrip("0").rstrip(".")


class Service:
    """What the routes do, with the linters and the limit of one server."""

    def __init__(self, settings, max_size: int):
        from ..engine import linter_for

        self.max_size = max_size
        self.linters = {"": linter_for(settings)}
        for name in self.linters[""].pack.profiles:
            chosen = copy.copy(settings)
            chosen.profile, chosen.profile_where = name, "profile"
            self.linters[name] = linter_for(chosen)
        self.static = _files("lint.serve", "static")
        self.assets = _files("lint.formats", "html_assets")

    # -- requests --------------------------------------------------------------------------

    def linter(self, request: Request):
        profile = request.query_params.get("profile", "")
        if profile not in self.linters:
            raise Refusal(400, f"未知的文稿类型「{profile}」（可选：{'、'.join(n for n in self.linters if n)}）")
        return self.linters[profile]

    @staticmethod
    def name(request: Request) -> str:
        name = request.query_params.get("name", "").replace("\\", "/").rsplit("/", 1)[-1].strip()
        if not name.lower().endswith(SUFFIXES):
            hint = "；.doc、.wps 文件请先在 Word/WPS 中另存为 .docx" if name.lower().endswith((".doc", ".wps")) else ""
            raise Refusal(415, f"「{name or '（无文件名）'}」不是可检查的文稿：只接受 .docx、.txt、.md 文件{hint}。")
        return name

    async def body(self, request: Request, name: str) -> bytes:
        """The document, read only while it stays within the limit."""
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_size:
            raise self.too_large(name, int(declared))
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > self.max_size:
                raise self.too_large(name, size)
            chunks.append(chunk)
        data = b"".join(chunks)
        if not data:
            raise Refusal(422, f"「{name}」是空文件。")
        return data

    def too_large(self, name: str, size: int) -> Refusal:
        more = "至少 " if size <= self.max_size + 1 else ""
        return Refusal(413, f"「{name}」太大（{more}{_mb(size)} MB），上限为 {_mb(self.max_size)} MB：请只上传报告本身。")

    # -- what is done with a document -------------------------------------------------------

    def lint(self, linter, data: bytes, name: str) -> dict:
        from ..fixes import fixable
        from ..formats.html import file_section, view
        from ..formats.text import summary

        v = view(linter, name, data)
        unreadable = [f for f in v.findings if f.rule == "read-error"]
        if unreadable:
            raise Refusal(422, f"无法读取「{name}」：{unreadable[0].message}")
        return {
            "name": name,
            "summary": summary(v.findings, zh=True),
            "count": len(v.findings),
            "findings": [f.as_dict() for f in v.findings],
            "fixable": bool(v.diff) and any(fixable(f) for f in v.findings),
            "html": file_section(v, secrets.token_hex(4)),
        }

    @staticmethod
    def annotate(linter, data: bytes, name: str) -> bytes:
        from ..annotate import annotate_bytes

        result = annotate_bytes(linter, data, name)
        if result.data is None:
            raise Refusal(422, f"无法读取「{name}」：{result.findings[0].message}")
        return result.data

    @staticmethod
    def fix(linter, data: bytes, name: str) -> bytes:
        from ..docx_reader import fix_refusal
        from ..fixes import fix_bytes

        if fix_refusal(name):
            raise Refusal(422, "Word 文件不能自动修正：请下载带批注的副本，在 Word 中修改。")
        result = fix_bytes(linter, data, name)
        if result.error:
            raise Refusal(422, f"「{name}」无法自动修正：{result.error}")
        return result.fixed


def create_app(settings, max_size: int, host: str = "127.0.0.1") -> Starlette:
    """The application; ``host`` is what the server listens on (the page answers only to
    requests that name it, or a loopback name, so another site cannot reach it through DNS)."""
    service = Service(settings, max_size)

    def document_route(work, respond):
        async def route(request: Request) -> Response:
            try:
                name = service.name(request)
                linter = service.linter(request)
                data = await service.body(request, name)
                result = await run_in_threadpool(work, linter, data, name)
            except Refusal as refusal:
                return JSONResponse({"error": refusal.message}, refusal.status, headers=HEADERS)
            return respond(result, name)
        return route

    def as_json(result, name):
        return Response(json.dumps(result, ensure_ascii=False), media_type="application/json", headers=HEADERS)

    def as_download(label, media_type, suffix=None):
        """A file to save: the document's name with ``label`` added, and ``suffix`` (or its own)."""
        def respond(data, name):
            stem, dot, own = name.rpartition(".")
            filename = f"{stem}{label}{suffix or dot + own}"
            return Response(data, media_type=media_type, headers={
                **HEADERS, "Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"})
        return respond

    def static(files: dict, name: str) -> Response:
        if name not in files:
            return Response("not found", 404, headers=HEADERS)
        suffix = "." + name.rsplit(".", 1)[-1]
        return Response(files[name], media_type=STATIC_TYPES[suffix], headers=HEADERS)

    async def index(request: Request) -> Response:
        return static(service.static, "index.html")

    async def static_file(request: Request) -> Response:
        return static(service.static, request.path_params["name"])

    async def asset_file(request: Request) -> Response:
        return static(service.assets, request.path_params["name"])

    async def info(request: Request) -> Response:
        profiles = [name for name in service.linters if name]
        return JSONResponse({"profiles": profiles, "max_size": service.max_size, "version": __version__},
                            headers=HEADERS)

    async def rules(request: Request) -> Response:
        from ..formats.html import rules_section

        return Response(rules_section(), media_type="text/html; charset=utf-8", headers=HEADERS)

    routes = [
        Route("/", index),
        Route("/static/{name}", static_file),
        Route("/assets/{name}", asset_file),
        Route("/api/info", info),
        Route("/api/rules", rules),
        Route("/api/lint", document_route(service.lint, as_json), methods=["POST"]),
        Route("/api/annotate", document_route(service.annotate, as_download("（批注）", DOCX_TYPE, ".docx")),
              methods=["POST"]),
        Route("/api/fix", document_route(service.fix, as_download("（已修正）", "application/octet-stream")),
              methods=["POST"]),
    ]
    middleware = []
    if host in ("127.0.0.1", "localhost", "::1"):
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=["127.0.0.1", "localhost", "[::1]", "::1"]))
    return Starlette(routes=routes, middleware=middleware)
