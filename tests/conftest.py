import atexit
import importlib.util
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
sys.path.insert(0, str(ROOT))
# The benchmark is a script run by hand, never part of the suite.
collect_ignore_glob = ["benchmarks/*"]
# Keep reportlint's cache (parsed pack, grammar tables) out of the user's cache directory.
os.environ["REPORTLINT_CACHE_DIR"] = _CACHE_DIR = tempfile.mkdtemp(prefix="reportlint-test-cache-")
atexit.register(shutil.rmtree, _CACHE_DIR, ignore_errors=True)
os.environ.pop("REPORTLINT_NO_CACHE", None)

from lint import document, engine, packs  # noqa: E402

_PACK = None


def default_pack():
    global _PACK
    if _PACK is None:
        _PACK = packs.load()
    return _PACK


def lint_text(text, select=None, path="doc.txt", pack=None, **options):
    """Findings for an inline document, optionally only those of the rules in ``select``."""
    linter = engine.Linter(pack or default_pack(), engine.Options(select=select, **options))
    return linter.lint_document(document.from_text(text, path))


def seed(prefix):
    """Path of the seed whose name starts with ``prefix`` (e.g. "001")."""
    (path,) = SEEDS.glob(prefix + "_*.txt")
    return path


@pytest.fixture
def seed_text():
    return lambda prefix: seed(prefix).read_text(encoding="utf-8")


def load_bench():
    """The benchmark script as a module (for its deterministic corpus generator)."""
    if "bench" not in sys.modules:
        spec = importlib.util.spec_from_file_location("bench", ROOT / "tests" / "benchmarks" / "bench.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["bench"] = module
        spec.loader.exec_module(module)
    return sys.modules["bench"]


def spans(findings):
    return [(f.line, f.column, f.end_column) for f in findings]


def texts(findings, source):
    """The characters each finding spans, read back from the source text."""
    lines = document.from_text(source).lines
    return [lines[f.line - 1].text[f.column - 1: f.end_column - 1] for f in findings]


os.environ.pop("NO_COLOR", None)
# reportlint's own words follow the locale: the suite reads them in English unless a test
# sets a Chinese locale or --lang itself (and an 80-column output unless it sets COLUMNS)
for _key in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LC_CTYPE", "COLUMNS"):
    os.environ.pop(_key, None)
os.environ["LANG"] = "C.UTF-8"
os.environ.pop("GITHUB_ACTIONS", None)  # it would switch the default output to GitHub annotations


def need_program(name, package):
    """The path of program ``name``; the test is skipped where it is not installed, except
    under CI (``CI`` set), where .ci/run installs the Debian ``package`` and a missing one fails."""
    path = shutil.which(name)
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail(f"{name} is not installed: .ci/run should have installed it (apt-get install {package})")
    pytest.skip(f"{name} is not installed (apt-get install {package})")


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    """An empty cache directory of reportlint's own, with caching on."""
    path = tmp_path / "cache"
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(path))
    monkeypatch.delenv("REPORTLINT_NO_CACHE", raising=False)
    return path


# --- a real browser -------------------------------------------------------------------------

# Debian's Chromium, as the guide says to start it (Playwright's own browser download is not used).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    """Chromium driven by Playwright, one for the whole run (each test opens its own pages)."""
    executable = need_program("chromium", "chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A new page in a fresh context; console errors and page errors are collected in ``page.problems``."""
    context = browser.new_context(viewport={"width": 1200, "height": 900}, accept_downloads=True)
    tab = context.new_page()
    tab.problems = []
    tab.on("console", lambda m: tab.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.problems.append(f"page error: {e}"))
    yield tab
    context.close()


@pytest.fixture(scope="session")
def artefacts():
    """Where screenshots are kept after the run: $REPORTLINT_ARTEFACTS, else test-artefacts/ (git ignores it)."""
    path = Path(os.environ.get("REPORTLINT_ARTEFACTS") or ROOT / "test-artefacts")
    path.mkdir(parents=True, exist_ok=True)
    return path
