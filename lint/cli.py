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
from .findings import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from .formats import FORMATS
from .formats.widths import AMBIGUOUS_WIDTHS
from .i18n import LANGUAGES, _, choose, set_language
from .printable import printable


class Parser(argparse.ArgumentParser):
    """argparse's parser, speaking the run's language in its own words too ("usage:",
    "error:")."""

    def format_usage(self) -> str:
        return _localized(super().format_usage())

    def format_help(self) -> str:
        return _localized(super().format_help())

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, _("{prog}: error: {message}").format(prog=self.prog, message=message) + "\n")


def _localized(text: str) -> str:
    return choose("用法：", "usage: ") + text[len("usage: "):] if text.startswith("usage: ") else text


def build_parser() -> argparse.ArgumentParser:
    p = Parser(
        prog="reportlint",
        add_help=False,
        description=choose(
            "检查述职报告、工作总结等中文文稿：未填写的占位符、重复的标点、残留的广告和水印、缺少的必需章节。",
            "Lint 述职报告 and 工作总结: unfilled placeholders, doubled punctuation, leftover "
            "adverts and watermarks, missing required sections."),
        epilog=choose("退出状态：0 没有问题，1 发现问题，2 用法或读写错误。",
                      "Exit status: 0 no findings, 1 findings, 2 usage or I/O error."),
    )
    g = p.add_argument_group(choose("参数", "arguments"))
    g.add_argument("paths", nargs="*", metavar="PATH",
                   help=choose("文件或文件夹（在文件夹中查找 *.txt、*.md、*.docx）；'-' 读取标准输入",
                               "files or directories (recursing into *.txt, *.md, *.docx); '-' reads standard input"))
    g = p.add_argument_group(choose("检查", "linting"))
    g.add_argument("--rules", action="append", default=[], metavar="FILE",
                   help=choose("额外的规则包（YAML），叠加在默认规则包之上；可重复",
                               "extra rule pack (YAML) applied over the default one; may be repeated"))
    g.add_argument("--profile", metavar="NAME",
                   help=choose("文稿类型，决定必需章节（默认：按标题判断）",
                               "document profile that names the required sections (default: chosen from the title)"))
    g.add_argument("--select", metavar="RULES", help=choose("只运行这些规则（名称或代码，逗号分隔；默认：全部）",
                                                           "comma-separated rule names or codes to run (default: all)"))
    g.add_argument("--ignore", metavar="RULES", help=choose("不运行这些规则（名称或代码，逗号分隔）",
                                                           "comma-separated rule names or codes to skip"))
    g.add_argument("--encoding", metavar="NAME", type=encoding_name,
                   help=choose("文本文件的编码（如 big5、gbk）；默认根据文件内容判断",
                               "the encoding of text files (such as big5, gbk); default: told from their bytes"))
    g.add_argument("--outline", action="store_true",
                   help=choose("只显示每个文稿被理解成的结构（标题、各级标题），不检查",
                               "print how each document was understood (title, headings, levels) instead of linting"))
    g.add_argument("--fix", action="store_true",
                   help=choose("就地应用安全的修正，再报告剩下的问题（与 '-' 同用：修正后的文本写到标准输出，问题写到标准错误）",
                               "apply the safe fixes in place (with '-': fixed text to stdout, findings to stderr), "
                               "then report what remains"))
    g.add_argument("--diff", action="store_true",
                   help=choose("以 unified diff 显示修正，不改动文件", "print the fixes as a unified diff and change nothing"))
    g.add_argument("--break-links", action="store_true",
                   help=choose("与 --fix 同用：用新文件替换有硬链接或符号链接的路径，而不是写入链接指向的文件",
                               "with --fix, replace a hard-linked or symlinked path by a new file instead of writing "
                               "through the link"))
    g.add_argument("--stdin-filename", metavar="NAME", default="-",
                   help=choose("标准输入的文件名（按后缀 .md、.docx、.txt 处理）",
                               "name to report for standard input (its suffix picks .md, .docx or .txt handling)"))
    g.add_argument("--exit-zero", action="store_true",
                   help=choose("发现问题时退出状态仍为 0（读写错误仍为 2）",
                               "exit with status 0 even when there are findings (I/O errors are still 2)"))
    g.add_argument("-j", "--jobs", type=jobs_count, default=0, metavar="N",
                   help=choose("用 N 个进程检查（默认：每个 CPU 一个；文件少时只用一个）",
                               "lint files on N processes (default: one per CPU; a few files use one process)"))
    add_output_options(p)
    add_annotate_options(p)
    add_ecosystem_options(p)
    g = p.add_argument_group(choose("其他", "other"))
    g.add_argument("-h", "--help", action="help", help=choose("显示本帮助并退出", "show this help and exit"))
    g.add_argument("--version", action="version", version=f"reportlint {__version__}",
                   help=choose("显示版本并退出", "print the version and exit"))
    g.add_argument("--lang", choices=LANGUAGES,
                   help=choose("界面语言（默认：中文环境用中文，否则英文）",
                               "language of the interface (default: Chinese when the locale is Chinese, else English)"))
    g.add_argument("--debug", action="store_true",
                   help=choose("内部错误时显示 traceback（也可设 REPORTLINT_DEBUG=1）",
                               "show a traceback for internal errors (also REPORTLINT_DEBUG=1)"))
    return p


def add_output_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group(choose("输出", "output"))
    g.add_argument("--format", choices=list(FORMATS), default=None,
                   help=choose("输出格式（默认 text；在 GitHub Actions 中为 github）",
                               "output format (default: text; github when GITHUB_ACTIONS=true)"))
    g.add_argument("--output-file", "-o", metavar="FILE",
                   help=choose("输出写到 FILE，而不是标准输出", "write the output to FILE instead of standard output"))
    g.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                   help=choose("彩色输出（auto：只在终端中、且未设 NO_COLOR 时）",
                               "colour text output (auto: only on a terminal and when NO_COLOR is unset)"))
    g.add_argument("--no-source", dest="show_source", action="store_false",
                   help=choose("text 输出不显示原文行和下划线", "text output without the source line and underline"))
    g.add_argument("--ambiguous-width", type=int, choices=AMBIGUOUS_WIDTHS, default=None,
                   help=choose("“ ” … — 等宽度不定的字符在终端中占几列（默认：中日韩语言环境为 2，否则为 1）",
                               "columns that characters of ambiguous width (“ ” … —) take in the terminal "
                               "(default: 2 in a Chinese, Japanese or Korean locale, else 1)"))


def add_ecosystem_options(p: argparse.ArgumentParser) -> None:
    """Configuration, suppression and discovery options (see lint/config.py, lint/suppress.py)."""
    g = p.add_argument_group(choose("配置（命令行选项优先于配置文件）", "configuration (options given here win over the file)"))
    g.add_argument("--config", metavar="FILE",
                   help=choose("使用这个配置文件（.reportlint.yaml，或含 [tool.reportlint] 的 pyproject.toml），"
                               "而不是从当前目录向上查找",
                               "configuration file to use (.reportlint.yaml, or a pyproject.toml with "
                               "[tool.reportlint]) instead of the one found upward from the current directory"))
    g.add_argument("--isolated", action="store_true", help=choose("不读任何配置文件", "ignore every configuration file"))
    g.add_argument("--fail-on", choices=["error", "warning", "info"],
                   help=choose("退出状态为 1 的最低严重级别（默认 info，即有问题就是 1）",
                               "lowest severity that makes the exit status 1 (default: info, i.e. any finding)"))
    g.add_argument("--severity", action="append", metavar="RULE=LEVEL",
                   help=choose("规则的严重级别（error、warning、info）；可重复",
                               "severity of a rule (error, warning, info); may be repeated"))
    g.add_argument("--exclude", action="append", metavar="GLOBS",
                   help=choose("不检查的文件和文件夹（glob，逗号分隔；取代配置文件中的 exclude）",
                               "comma-separated globs of files and directories not to lint (replaces the file's exclude)"))
    g.add_argument("--no-ignore", dest="gitignore", action="store_false",
                   help=choose("在 git 仓库中也检查 .gitignore 忽略的文件",
                               "in a git work tree, lint the files .gitignore ignores too"))
    g.add_argument("--report-unused-suppressions", action="store_true",
                   help=choose("报告没有抑制任何问题的注释和配置项（RL003）",
                               "report suppression comments and config entries that silenced nothing (RL003)"))
    d = p.add_argument_group(choose("规则说明", "discovery"))
    d.add_argument("--list-rules", action="store_true",
                   help=choose("列出规则（代码、名称、严重级别、能否自动修正）后退出",
                               "list the rules (code, name, severity, fixable) and exit"))
    d.add_argument("--explain", metavar="RULE", help=choose("显示一条规则的说明和示例后退出",
                                                           "show a rule's documentation with examples and exit"))
    d.add_argument("--statistics", action="store_true",
                   help=choose("只显示每条规则的问题数", "print the number of findings per rule instead of them"))


def add_annotate_options(p: argparse.ArgumentParser) -> None:
    """Word comments (see lint/annotate.py)."""
    g = p.add_argument_group(choose("Word 批注", "Word comments (批注)"))
    g.add_argument("--annotate", metavar="OUT.docx",
                   help=choose("把给出的一个文稿另存为 OUT.docx，每个问题加一条 Word 批注（.txt、.md 转为新的 .docx）；"
                               "原文稿不变",
                               "write a copy of the one document given, with a Word comment on each finding, to "
                               "OUT.docx (.txt and .md become a new .docx); the document itself is not changed"))
    g.add_argument("--annotate-dir", metavar="DIR",
                   help=choose("把检查的每个文稿都这样另存到 DIR，文件名相同、后缀为 .docx",
                               "write such a copy of each document linted into DIR, named after it with .docx"))


def encoding_name(value: str) -> str:
    """``--encoding``: a text encoding Python knows, by its usual name."""
    import codecs

    try:
        b"".decode(value)
        return codecs.lookup(value).name
    except LookupError:
        raise argparse.ArgumentTypeError(
            _("unknown text encoding {name!r} (for example: utf-8, gb18030, big5)").format(name=value)) from None


def jobs_count(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(
            _("expected a number of processes (0 = one per CPU), got {value!r}").format(value=value))
    return int(value)


def use_color(choice: str, stream) -> bool:
    if choice == "always":
        color = True
    elif choice == "never" or os.environ.get("NO_COLOR"):
        color = False
    else:
        color = hasattr(stream, "isatty") and stream.isatty()
    if color:
        prepare_console()
    return color


def prepare_console() -> None:
    """On Windows, have the console draw colour codes (colorama: a no-op elsewhere and
    on a console that draws them already)."""
    if sys.platform == "win32":
        import colorama

        colorama.just_fix_windows_console()


def terminal_width(stream) -> int:
    """The columns the text output may take: ``COLUMNS``, else the terminal's width, else 80."""
    from .formats.text import MIN_WINDOW, TERMINAL_WIDTH

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return max(int(columns), MIN_WINDOW * 2)
    try:
        if stream.isatty():
            return max(os.get_terminal_size(stream.fileno()).columns, MIN_WINDOW * 2)
    except (AttributeError, OSError, ValueError):
        pass
    return TERMINAL_WIDTH


def ambiguous_width(environ=None) -> int:
    """The columns a character of ambiguous width takes by default: 2 in a Chinese, Japanese
    or Korean locale, where terminals are usually set to draw them wide, else 1."""
    environ = os.environ if environ is None else environ
    for key in ("LC_ALL", "LC_CTYPE", "LANG"):
        value = environ.get(key)
        if value:
            return 2 if value.lower().startswith(("zh", "ja", "ko")) else 1
    from .i18n import from_locale

    return 2 if from_locale(environ) == "zh" else 1


def error_line(message) -> str:
    """The line that reports an error; what it quotes (a file name) through lint.printable."""
    return _("{prog}: error: {message}").format(prog="reportlint", message=printable(str(message)))


def language_option(argv: list[str]) -> str | None:
    """``--lang`` as given, read before the parser is built (its help is in that language)."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    set_language(language_option(argv))
    if argv[:1] == ["serve"]:  # reportlint serve: the local web page (lint/serve)
        from .serve import main as serve

        return serve(argv[1:])
    if argv[:1] == ["server"]:  # reportlint server: the language server (lint/lsp.py)
        try:
            from .lsp import main as server
        except ModuleNotFoundError as exc:
            if exc.name not in ("pygls", "lsprotocol"):
                raise
            print(f"reportlint: error: reportlint server needs the lsp extra ({exc.name} is missing): "
                  "pip install 'reportlint[lsp]'", file=sys.stderr)
            return EXIT_ERROR
        return server(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    debug = args.debug or bool(os.environ.get("REPORTLINT_DEBUG"))
    try:
        return run(args, parser)
    except (UsageError, RunError) as exc:
        print(error_line(exc), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception as exc:  # a bug: one clear line, the traceback only on request
        if debug:
            raise
        print(_("reportlint: internal error: {error} (run with --debug for the traceback)").format(
            error=f"{type(exc).__name__}: {printable(str(exc))}"), file=sys.stderr)
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

    from . import api, config, engine
    from .files import discover, display_path
    from .formats.text import TERMINAL_WIDTH

    gc.set_threshold(*GC_THRESHOLDS)
    if sys.stdout is None and (not args.output_file or args.list_rules or args.explain or args.outline
                               or args.diff or (args.fix and "-" in args.paths)):
        raise RunError(_("standard output is closed: nowhere to write the output (use --output-file)"))
    if args.list_rules or args.explain:
        return discovery(args)
    if not args.paths:
        parser.print_usage(sys.stderr)
        raise UsageError(_("no PATH given (use '-' for standard input)"))
    settings = config.resolve(args)
    run_config = api.Config.from_settings(settings)
    linter = run_config.linter(report_unused=args.report_unused_suppressions, encoding=args.encoding)
    errors: list[str] = []
    paths = discover(args.paths, errors, settings.accepts, args.gitignore)
    excluded_notices(args, settings)
    refuse_output_over_input(args.output_file, paths)
    if "-" in paths and sys.stdin is None:
        raise RunError(_("standard input is closed: nothing to read for '-'"))
    if args.outline:
        return outline(linter, paths, errors, args.stdin_filename)
    annotating = bool(args.annotate or args.annotate_dir)
    if annotating:
        check_annotate(args, paths)
    fmt = "statistics" if args.statistics else output_format(args)
    if args.statistics and output_format(args) != "text":
        raise UsageError(_("--statistics prints a table and cannot be combined with --format {format}").format(
            format=output_format(args)))
    # stdout holds the diff, or (--fix -) the fixed text of standard input
    out = None if args.diff else open_output(args.output_file, fmt, sys.stderr if args.fix and "-" in paths
                                              else sys.stdout)
    try:
        from . import formats

        options = formats.Options(
            fmt, out is not None and use_color(args.color, out), args.show_source, linter,
            width=TERMINAL_WIDTH if args.output_file else terminal_width(out),
            ambiguous=args.ambiguous_width or ambiguous_width(),
            summary=not (args.fix and "-" in paths),  # (stderr then carries the findings alone)
            fix_hint=not (args.fix or args.diff))
        render = None if out is None else formats.finding_renderer(options)
        stdin = (args.stdin_filename, sys.stdin.buffer.read()) if "-" in paths else None
        config_path = display_path(settings.path) if settings.path else None
        checked = [args.stdin_filename if path == "-" else path for path in paths]
        if annotating:
            from .annotate import annotate_paths

            reports = annotate_paths(linter, paths, args.annotate, args.annotate_dir, stdin, errors, render)
            result = engine.result(linter, reports, checked, render, settings.fail_on, errors, config_path)
        elif args.fix or args.diff:
            from .rewrite import fix_paths

            reports = fix_paths(linter, paths, errors, args.diff, stdin, render, args.break_links)
            result = engine.result(linter, reports, checked, render, settings.fail_on, errors, config_path)
        else:
            result = engine.run(linter, paths, args.jobs, render, stdin, settings.fail_on, errors, config_path)
        for message in result.errors:  # (before the output, which ends with the summary)
            print(error_line(message), file=sys.stderr, flush=True)
        if out is not None:
            write_output(formats, result, options, out, args.output_file)
    finally:
        if out not in (None, sys.stdout, sys.stderr):
            try:
                out.close()
            except OSError:
                pass  # (reported by write_output)
    status = result.status
    return EXIT_CLEAN if args.exit_zero and status == EXIT_FINDINGS else status


def write_output(formats, result, options, out, output_file: str | None) -> None:
    """Write the result; an output that cannot take it (a full disk) is a RunError."""
    try:
        formats.write(result, options, out)
        out.flush()
    except BrokenPipeError:
        raise  # the reader went away (``| head``): exit status 2, nothing to say
    except OSError as exc:
        raise RunError(_("cannot write the output to {path}: {why}").format(
            path=output_file or _("standard output"), why=exc.strerror or exc)) from None


def excluded_notices(args, settings) -> None:
    """A file named on the command line that ``exclude`` leaves out is not linted, and says so."""
    from .files import display_path

    where = "--exclude" if args.exclude else display_path(settings.path) if settings.path else "--exclude"
    for path in args.paths:
        glob = settings.excluded_by(path) if path != "-" and os.path.isfile(path) else None
        if glob:
            print(_("reportlint: notice: {message}").format(message=printable(
                _("{path} is not linted: it matches the exclude glob {glob!r} of {where}").format(
                    path=path, glob=glob, where=where))), file=sys.stderr)


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
            raise UsageError(_("--output-file {output} is {path}, one of the files to lint; choose another file "
                               "for the output").format(output=output_file, path=path))


def check_annotate(args, paths: list[str]) -> None:
    """``--annotate OUT`` / ``--annotate-dir DIR`` (lint.annotate): what may be asked."""
    if args.fix or args.diff:
        raise UsageError(_("--annotate and --annotate-dir cannot be combined with --fix or --diff"))
    if args.annotate and args.annotate_dir:
        raise UsageError(_("give either --annotate OUT.docx or --annotate-dir DIR, not both"))
    if args.annotate and len(paths) != 1:
        raise UsageError(_("--annotate writes one document and {count} were given; use --annotate-dir DIR").format(
            count=len(paths)))
    if args.annotate_dir and not os.path.isdir(args.annotate_dir):
        raise UsageError(_("--annotate-dir: {path}: not a directory").format(path=args.annotate_dir))


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
            raise UsageError(_("{path}: cannot write: {why}").format(path=output_file, why=exc.strerror or exc)) \
                from None
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
        raise UsageError(_("--explain: unknown rule {rule!r} (known: {known})").format(rule=args.explain, known=known))
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
                doc = read(sys.stdin.buffer.read(), stdin_name, encoding=linter.options.encoding)
            else:
                doc = read_file(path, encoding=linter.options.encoding)
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
        print(error_line(message), file=sys.stderr)
        status = EXIT_ERROR
    return status
