"""Command line: ``reportlint [options] PATH ...`` (also ``python -m lint``).

Exit status: 0 no findings, 1 findings, 2 usage or I/O error.
"""

from __future__ import annotations

import argparse
import os
import sys

from . import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown")


class UsageError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="reportlint",
        description="Lint 述职报告 and 工作总结: unfilled placeholders, doubled punctuation, leftover "
                    "adverts and watermarks, missing required sections.",
        epilog="Exit status: 0 no findings, 1 findings, 2 usage or I/O error.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files or directories (recursing into *.txt, *.md); '-' reads standard input")
    p.add_argument("--format", choices=["text", "json"], default="text",
                   help="output format (default: text)")
    p.add_argument("--rules", action="append", default=[], metavar="FILE",
                   help="extra rule pack (YAML) applied over the default one; may be repeated")
    p.add_argument("--profile", metavar="NAME",
                   help="document profile that names the required sections (default: chosen from the title)")
    p.add_argument("--select", metavar="RULES", help="comma-separated rule names or codes to run (default: all)")
    p.add_argument("--ignore", metavar="RULES", help="comma-separated rule names or codes to skip")
    p.add_argument("--outline", action="store_true",
                   help="print how each document was understood (title, headings, levels) instead of linting")
    p.add_argument("--stdin-filename", metavar="NAME", default="-",
                   help="name to report for standard input (its suffix picks .md or .txt handling)")
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                   help="colour text output (auto: only on a terminal and when NO_COLOR is unset)")
    p.add_argument("--no-source", dest="show_source", action="store_false",
                   help="text output without the source line and underline")
    p.add_argument("-j", "--jobs", type=jobs_count, default=0, metavar="N",
                   help="lint files on N processes (default: one per CPU; a few files use one process)")
    p.add_argument("--debug", action="store_true",
                   help="show a traceback for internal errors (also REPORTLINT_DEBUG=1)")
    p.add_argument("--version", action="version", version=f"reportlint {__version__}")
    return p


def jobs_count(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"expected a number of processes (0 = one per CPU), got {value!r}")
    return int(value)


def split_rules(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [item.strip() for item in value.split(",") if item.strip()]


def discover(paths: list[str], errors: list[str]) -> list[str]:
    """Files to lint, in order: files as given, directories recursed (sorted, no symlinked dirs)."""
    out: list[str] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        key = os.path.normpath(path)
        if key not in seen:
            seen.add(key)
            out.append(path)

    for path in paths:
        if path == "-":
            add(path)
        elif os.path.isdir(path):
            for root, dirs, files in os.walk(path, onerror=lambda e: errors.append(_oserror(e))):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.lower().endswith(DOCUMENT_SUFFIXES) and not name.startswith("."):
                        add(os.path.join(root, name))
        elif os.path.exists(path):
            add(path)
        else:
            errors.append(f"{path}: no such file or directory")
    return out


def _oserror(exc: OSError) -> str:
    return f"{exc.filename}: {exc.strerror or exc}"


def use_color(choice: str, stream) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    debug = args.debug or bool(os.environ.get("REPORTLINT_DEBUG"))
    try:
        return run(args, parser)
    except UsageError as exc:
        print(f"reportlint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception as exc:  # a bug: one clear line, the traceback only on request
        if debug:
            raise
        print(f"reportlint: internal error: {type(exc).__name__}: {exc} "
              "(run with --debug for the traceback)", file=sys.stderr)
        return EXIT_ERROR


def run(args, parser) -> int:
    from .engine import ConfigError, Linter, Options
    from .packs import PackError, load

    if not args.paths:
        parser.print_usage(sys.stderr)
        raise UsageError("no PATH given (use '-' for standard input)")
    try:
        pack = load(args.rules)
        linter = Linter(pack, Options(select=split_rules(args.select), ignore=split_rules(args.ignore) or [],
                                      profile=args.profile))
    except (PackError, ConfigError) as exc:
        raise UsageError(str(exc)) from None

    errors: list[str] = []
    files = discover(args.paths, errors)
    if args.outline:
        return outline(linter, files, errors)

    from .parallel import lint_paths

    findings = []
    if "-" in files:
        findings += linter.lint_bytes(sys.stdin.buffer.read(), args.stdin_filename)
    findings += lint_paths(linter, [path for path in files if path != "-"], args.jobs)
    findings.sort(key=lambda f: f.sort_key())

    out = sys.stdout
    if args.format != "text":
        out.reconfigure(encoding="utf-8")  # machine formats are always UTF-8
    else:
        out.reconfigure(errors="replace")
    from .formats import renderer

    args.color = use_color(args.color, out)
    args.files = len(files)
    renderer(args.format)(findings, out, args)
    out.flush()
    for message in errors:
        print(f"reportlint: error: {message}", file=sys.stderr)
    if errors or any(f.rule == "read-error" for f in findings):
        return EXIT_ERROR
    return EXIT_FINDINGS if findings else EXIT_CLEAN


def outline(linter, files: list[str], errors: list[str]) -> int:
    from . import document
    from .engine import choose_profile
    from .parser import outline as render_outline
    from .parser import parse

    status = EXIT_CLEAN
    for path in files:
        try:
            doc = document.from_bytes(sys.stdin.buffer.read(), "-") if path == "-" else document.read(path)
        except document.DocumentError as exc:
            errors.append(f"{path}:{exc.line}:{exc.column}: {exc.message}")
            continue
        except OSError as exc:
            errors.append(f"{path}: {exc.strerror or exc}")
            continue
        report = parse(doc)
        title = report.title.text if report.title else ""
        report.profile = linter.options.profile or choose_profile(linter.pack, title)
        print(f"{path}:")
        for line in render_outline(report):
            print(f"  {line}")
    for message in errors:
        print(f"reportlint: error: {message}", file=sys.stderr)
        status = EXIT_ERROR
    return status
