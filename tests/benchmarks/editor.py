"""How quickly ``reportlint server`` answers an edit: the round trip of a change.

Run by hand from a checkout with the ``lsp`` extra (not collected by the test suite)::

    python tests/benchmarks/editor.py            # each seed, 50 edits
    python tests/benchmarks/editor.py --edits 200

The server runs as an editor starts it (``python -m lint server``, over stdio), driven by
pygls's language client. Each seed is opened, then edited ``--edits`` times (a character
typed at the end of a paragraph, the whole text sent, as the server asks); the time is
from sending the change to receiving the diagnostics of that version: reading the
message, linting the whole report, converting positions and writing the answer.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

ROOT = Path(__file__).resolve().parents[2]


async def measure(edits: int) -> None:
    client = LanguageClient("reportlint-bench", "1")
    arrived: asyncio.Queue = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params):
        arrived.put_nowait((time.perf_counter(), params))

    await client.start_io(sys.executable, "-m", "lint", "server", cwd=str(ROOT))
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities(),
                                                         root_uri=from_fs_path(str(ROOT))))
    client.initialized(types.InitializedParams())
    print(f"{'document':<28} {'chars':>6} {'findings':>8} {'median':>8} {'p90':>8} {'max':>8}")
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        uri = from_fs_path(str(seed))
        client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=0, text=text)))
        _, params = await arrived.get()
        times = []
        for version in range(1, edits + 1):
            at = text.find("\n", len(text) // 2)  # the end of a paragraph in the middle
            at = len(text) if at < 0 else at
            text = text[:at] + "再" + text[at:]
            sent = time.perf_counter()
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
            while True:
                received, params = await arrived.get()
                if params.version == version:
                    break
            times.append(received - sent)
        times.sort()
        print(f"{seed.name:<28} {len(text):>6} {len(params.diagnostics):>8} "
              f"{statistics.median(times) * 1000:>6.1f}ms {times[int(len(times) * 0.9)] * 1000:>6.1f}ms "
              f"{times[-1] * 1000:>6.1f}ms")
        client.text_document_did_close(types.DidCloseTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=uri)))
        await arrived.get()
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--edits", type=int, default=50, help="edits per document (default 50)")
    args = p.parse_args(argv)
    asyncio.run(measure(args.edits))
    return 0


if __name__ == "__main__":
    sys.exit(main())
