"""``reportlint serve``: a local web page to check reports without a terminal.

One drops or chooses .docx, .txt and .md files (or pastes text) and sees each
document with its findings highlighted, as in ``--format html``; can change the
profile, download the Word copy with comments (``--annotate``) and the fixed text
(``--fix``). Listens on 127.0.0.1:8765 unless ``--host``/``--port`` say otherwise.

Documents are processed in memory and never written to disk; the server keeps
nothing between requests (a download sends the document again), so people using
it at the same time never see each other's documents. Bodies over ``--max-size``
are refused with a clear message, before they are read whole.

Needs the ``web`` extra (Starlette and uvicorn): ``pip install 'reportlint[web]'``.
"""

from __future__ import annotations

import argparse
import sys

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
DEFAULT_MAX_MB = 20
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="reportlint serve",
        description="A local web page for checking reports: drop .docx/.txt/.md files, see the findings, "
                    "download the Word copy with comments and the fixed text.")
    p.add_argument("--host", default=DEFAULT_HOST,
                   help=f"address to listen on (default: {DEFAULT_HOST}, this computer only)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default: {DEFAULT_PORT})")
    p.add_argument("--max-size", type=float, default=DEFAULT_MAX_MB, metavar="MB",
                   help=f"largest document accepted, in MB (default: {DEFAULT_MAX_MB})")
    p.add_argument("--rules", action="append", default=[], metavar="FILE",
                   help="extra rule pack (YAML) applied over the default one; may be repeated")
    p.add_argument("--config", metavar="FILE", help="configuration file to use instead of the one found upward")
    p.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    return p


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        import uvicorn

        from .app import create_app
    except ImportError as exc:
        print(f"reportlint: error: reportlint serve needs the web extra ({exc.name} is missing): "
              "pip install 'reportlint[web]'", file=sys.stderr)
        return 2
    from .. import config
    from ..errors import UsageError

    if args.max_size <= 0:
        print("reportlint: error: --max-size must be a positive number of MB", file=sys.stderr)
        return 2
    try:
        settings = config.resolve(argparse.Namespace(
            isolated=args.isolated, config=args.config, select=None, ignore=None, profile=None, rules=args.rules))
        app = create_app(settings, int(args.max_size * 1024 * 1024), args.host)
    except UsageError as exc:
        print(f"reportlint: error: {exc}", file=sys.stderr)
        return 2
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(f"reportlint serve: 请在浏览器中打开 http://{shown}:{args.port}/ （Ctrl+C 停止） "
          f"open http://{shown}:{args.port}/ in a browser", file=sys.stderr, flush=True)
    if args.host not in LOOPBACK:
        print(f"reportlint serve: warning: listening on {args.host}: other computers can reach this page",
              file=sys.stderr, flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", server_header=False)
    return 0
