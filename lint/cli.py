"""Command line: ``reportlint [options] PATH ...`` (also ``python -m lint``).

This module reads the command line and wires the pieces together: the configuration
(lint.config), the files (lint.files), the linter (lint.engine, lint.packs), fixing
(lint.rewrite) and the output (lint.formats). Exit status: 0 no findings, 1 findings,
2 usage or I/O error.
"""

from __future__ import annotations

import argparse
import os
import sys

from . import __version__
from .errors import RunError, UsageError
from .findings import EXIT_CLEAN, EXIT_ERROR
from .formats import FORMATS
from .printable import printable


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="reportlint",
        description="Lint 述职报告 and 工作总结: unfilled placeholders, doubled punctuation, leftover "
                    "adverts and watermarks, missing required sections.",
        epilog="Exit status: 0 no findings, 1 findings, 2 usage or I/O error.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files or directories (recursing into *.txt, *.md, *.docx); '-' reads standard input")
    p.add_argument("--format", choices=list(FORMATS), default=None,
                   help="output format (default: text; github when GITHUB_ACTIONS=true)")
    p.add_argument("--output-file", "-o", metavar="FILE", help="write the output to FILE instead of standard output")
    p.add_argument("--rules", action="append", default=[], metavar="FILE",
                   help="extra rule pack (YAML) applied over the default one; may be repeated")
    p.add_argument("--profile", metavar="NAME",
                   help="document profile that names the required sections (default: chosen from the title)")
    p.add_argument("--select", metavar="RULES", help="comma-separated rule names or codes to run (default: all)")
    p.add_argument("--ignore", metavar="RULES", help="comma-separated rule names or codes to skip")
    add_ecosystem_options(p)
    p.add_argument("--outline", action="store_true",
                   help="print how each document was understood (title, headings, levels) instead of linting")
    p.add_argument("--fix", action="store_true",
                   help="apply the safe fixes in place (with '-': fixed text to stdout, findings to stderr), "
                        "then report what remains")
    p.add_argument("--diff", action="store_true",
                   help="print the fixes as a unified diff and change nothing")
    p.add_argument("--break-links", action="store_true",
                   help="with --fix, replace a hard-linked or symlinked path by a new file instead of writing "
                        "through the link")
    add_annotate_options(p)
    p.add_argument("--stdin-filename", metavar="NAME", default="-",
                   help="name to report for standard input (its suffix picks .md, .docx or .txt handling)")
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


def add_ecosystem_options(p: argparse.ArgumentParser) -> None:
    """Configuration, suppression and discovery options (see lint/config.py, lint/suppress.py)."""
    g = p.add_argument_group("configuration (options given here win over the file)")
    g.add_argument("--config", metavar="FILE",
                   help="configuration file to use (.reportlint.yaml, or a pyproject.toml with [tool.reportlint]) "
                        "instead of the one found upward from the current directory")
    g.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    g.add_argument("--fail-on", choices=["error", "warning", "info"],
                   help="lowest severity that makes the exit status 1 (default: info, i.e. any finding)")
    g.add_argument("--severity", action="append", metavar="RULE=LEVEL",
                   help="severity of a rule (error, warning, info); may be repeated")
    g.add_argument("--exclude", action="append", metavar="GLOBS",
                   help="comma-separated globs of files and directories not to lint (replaces the file's exclude)")
    g.add_argument("--report-unused-suppressions", action="store_true",
                   help="report suppression comments and config entries that silenced nothing (RL003)")
    d = p.add_argument_group("discovery")
    d.add_argument("--list-rules", action="store_true", help="list the rules (code, name, severity, fixable) and exit")
    d.add_argument("--explain", metavar="RULE", help="show a rule's documentation with examples and exit")
    d.add_argument("--statistics", action="store_true", help="print the number of findings per rule instead of them")


def add_annotate_options(p: argparse.ArgumentParser) -> None:
    """Word comments (see lint/annotate.py)."""
    g = p.add_argument_group("Word comments (批注)")
    g.add_argument("--annotate", metavar="OUT.docx",
                   help="write a copy of the one document given, with a Word comment on each finding, to OUT.docx "
                        "(.txt and .md become a new .docx); the document itself is not changed")
    g.add_argument("--annotate-dir", metavar="DIR",
                   help="write such a copy of each document linted into DIR, named after it with .docx")


def jobs_count(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"expected a number of processes (0 = one per CPU), got {value!r}")
    return int(value)


def use_color(choice: str, stream) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["serve"]:  # reportlint serve: the local web page (lint/serve)
        from .serve import main as serve

        return serve(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    debug = args.debug or bool(os.environ.get("REPORTLINT_DEBUG"))
    try:
        return run(args, parser)
    except (UsageError, RunError) as exc:
        print(f"reportlint: error: {printable(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception as exc:  # a bug: one clear line, the traceback only on request
        if debug:
            raise
        print(f"reportlint: internal error: {type(exc).__name__}: {printable(str(exc))} "
              "(run with --debug for the traceback)", file=sys.stderr)
        return EXIT_ERROR


def entry() -> None:
    """The ``reportlint`` command (and ``python -m lint``): :func:`main`, then exit at once.

    At the end of a run every finding, document and compiled pattern is still alive, and
    an interpreter's orderly shutdown frees them one by one: tens of milliseconds on a
    large run, for nothing. The output streams are flushed here instead; a reader that
    went away makes the status 2, as a broken pipe during the run does.
    """
    status = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # (None: the descriptor was closed when Python started)
                stream.flush()
        except OSError:  # BrokenPipeError and the like
            status = EXIT_ERROR
    os._exit(status)


# Linting allocates many small objects that live to the end of the run (findings,
# trees) and makes no reference cycles of its own; the default collector thresholds
# make Python scan them over and over on a large input (15–25% of a 10 MB file's time).
GC_THRESHOLDS = (100_000, 50, 100)


def run(args, parser) -> int:
    import gc

    from . import config, engine
    from .files import discover, display_path

    gc.set_threshold(*GC_THRESHOLDS)
    if sys.stdout is None and (not args.output_file or args.list_rules or args.explain or args.outline
                               or args.diff or (args.fix and "-" in args.paths)):
        raise RunError("standard output is closed: nowhere to write the output (use --output-file)")
    if args.list_rules or args.explain:
        return discovery(args)
    if not args.paths:
        parser.print_usage(sys.stderr)
        raise UsageError("no PATH given (use '-' for standard input)")
    settings = config.resolve(args)
    linter = engine.linter_for(settings, args.report_unused_suppressions)
    errors: list[str] = []
    paths = discover(args.paths, errors, settings.accepts)
    excluded_notices(args, settings)
    refuse_output_over_input(args.output_file, paths)
    if "-" in paths and sys.stdin is None:
        raise RunError("standard input is closed: nothing to read for '-'")
    if args.outline:
        return outline(linter, paths, errors, args.stdin_filename)
    fmt = "statistics" if args.statistics else output_format(args)
    if args.statistics and output_format(args) != "text":
        raise UsageError(f"--statistics prints a table and cannot be combined with --format {output_format(args)}")
    # stdout holds the diff, or (--fix -) the fixed text of standard input
    out = None if args.diff else open_output(args.output_file, fmt, sys.stderr if args.fix and "-" in paths
                                              else sys.stdout)
    try:
        from . import formats

        # the html format shows what --fix would change: it gets the linter
        options = formats.Options(fmt, out is not None and use_color(args.color, out), args.show_source,
                                  linter if fmt == "html" else None)
        render = None if out is None else formats.finding_renderer(options)
        stdin = (args.stdin_filename, sys.stdin.buffer.read()) if "-" in paths else None
        config_path = display_path(settings.path) if settings.path else None
        checked = [args.stdin_filename if path == "-" else path for path in paths]
        if args.annotate or args.annotate_dir:
            reports = annotate(linter, paths, args, errors, stdin, render)
            result = engine.result(linter, reports, checked, render, settings.fail_on, errors, config_path)
        elif args.fix or args.diff:
            from .rewrite import fix_paths

            reports = fix_paths(linter, paths, errors, args.diff, stdin, render, args.break_links)
            result = engine.result(linter, reports, checked, render, settings.fail_on, errors, config_path)
        else:
            result = engine.run(linter, paths, args.jobs, render, stdin, settings.fail_on, errors, config_path)
        if out is not None:
            write_output(formats, result, options, out, args.output_file)
    finally:
        if out not in (None, sys.stdout, sys.stderr):
            try:
                out.close()
            except OSError:
                pass  # (reported by write_output)
    for message in result.errors:
        print(f"reportlint: error: {printable(message)}", file=sys.stderr)
    return result.status


def write_output(formats, result, options, out, output_file: str | None) -> None:
    """Write the result; an output that cannot take it (a full disk) is a RunError."""
    try:
        formats.write(result, options, out)
        out.flush()
    except BrokenPipeError:
        raise  # the reader went away (``| head``): exit status 2, nothing to say
    except OSError as exc:
        raise RunError(f"cannot write the output to {output_file or 'standard output'}: "
                       f"{exc.strerror or exc}") from None


def excluded_notices(args, settings) -> None:
    """A file named on the command line that ``exclude`` leaves out is not linted, and says so."""
    from .files import display_path

    where = "--exclude" if args.exclude else display_path(settings.path) if settings.path else "--exclude"
    for path in args.paths:
        glob = settings.excluded_by(path) if path != "-" and os.path.isfile(path) else None
        if glob:
            print(f"reportlint: notice: {printable(path)} is not linted: it matches the exclude glob "
                  f"{printable(repr(glob))} of {printable(where)}", file=sys.stderr)


def refuse_output_over_input(output_file: str | None, paths: list[str]) -> None:
    """A usage error when ``--output-file`` names one of the files to lint (it would be
    overwritten by the report before it is read)."""
    if not output_file:
        return
    try:
        out = os.stat(output_file)
    except OSError:
        return  # not there yet: no file being linted
    for path in paths:
        try:
            same = path != "-" and os.path.samestat(out, os.stat(path))
        except OSError:
            continue
        if same:
            raise UsageError(f"--output-file {output_file} is {path}, one of the files to lint; "
                             f"choose another file for the output")


def annotate(linter, paths: list[str], args, errors: list[str], stdin=None, render=None) -> list:
    """``--annotate OUT`` / ``--annotate-dir DIR`` (lint.annotate): the files' reports."""
    from .annotate import annotate_paths

    if args.fix or args.diff:
        raise UsageError("--annotate and --annotate-dir cannot be combined with --fix or --diff")
    if args.annotate and args.annotate_dir:
        raise UsageError("give either --annotate OUT.docx or --annotate-dir DIR, not both")
    if args.annotate and len(paths) != 1:
        raise UsageError(f"--annotate writes one document and {len(paths)} were given; use --annotate-dir DIR")
    if args.annotate_dir and not os.path.isdir(args.annotate_dir):
        raise UsageError(f"--annotate-dir: {args.annotate_dir}: not a directory")
    return annotate_paths(linter, paths, args.annotate, args.annotate_dir, errors, stdin, render)


def output_format(args) -> str:
    if args.format:
        return args.format
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" and not args.statistics else "text"


def open_output(output_file: str | None, fmt: str, stream):
    """The stream the output goes to: ``stream``, or ``--output-file``, opened now."""
    if output_file:
        try:
            # (a name that is not UTF-8 is written in JSON as the escape \udcff: see lint.printable)
            return open(output_file, "w", encoding="utf-8", errors="backslashreplace", newline="")
        except OSError as exc:
            raise UsageError(f"{output_file}: cannot write: {exc.strerror or exc}") from None
    if fmt not in ("text", "statistics"):
        stream.reconfigure(encoding="utf-8", errors="backslashreplace")  # machine formats are always UTF-8
    else:
        stream.reconfigure(errors="replace")
    return stream


def discovery(args) -> int:
    """``--list-rules`` and ``--explain RULE``."""
    from . import explain

    sys.stdout.reconfigure(errors="replace")
    if args.list_rules:
        explain.list_rules(sys.stdout)
    elif not explain.explain_key(args.explain, sys.stdout):
        known = ", ".join(e.name for e in explain.catalog())
        raise UsageError(f"--explain: unknown rule {args.explain!r} (known: {known})")
    return EXIT_CLEAN


def outline(linter, files: list[str], errors: list[str], stdin_name: str = "-") -> int:
    """``--outline``: how each document was understood."""
    from .document import DocumentError
    from .formats.outline import lines
    from .readers import read, read_file

    status = EXIT_CLEAN
    for path in files:
        try:
            if path == "-":
                path = stdin_name
                doc = read(sys.stdin.buffer.read(), stdin_name)
            else:
                doc = read_file(path)
        except DocumentError as exc:
            errors.append(f"{path}:{exc.line}:{exc.column}: {exc.message}")
            continue
        except OSError as exc:
            errors.append(f"{path}: {exc.strerror or exc}")
            continue
        report = linter.read(doc)
        print(f"{printable(path)}:")
        for line in lines(report):
            print(f"  {printable(line)}")
    for message in errors:
        print(f"reportlint: error: {printable(message)}", file=sys.stderr)
        status = EXIT_ERROR
    return status
