"""The engine: a document in, its sorted findings out; files in, a Result out.

Rules yield bare problems; the engine attaches the path, rule name and code, applies
the configured severity and selection, drops what an advert-line finding already
covers, applies suppressions and sorts. A document that cannot be read becomes one
``read-error`` finding for that file and the run goes on. When the output writes
findings one by one, each finding's text is made here, where its line is at hand
(``render``), so the lines need not travel with the findings.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from itertools import accumulate

from . import debris, readers
from .document import Document, DocumentError
from .errors import UsageError
from .findings import (ENGINE_FINDINGS, NEVER_FIXED, PARSE_ERROR, PROTECTED, SORT_KEY, FileReport, Finding, Result,
                       read_error)
from .i18n import _
from .packs import Pack, Profile
from .parser import Report, parse
from .record import Record
from .rules import RULES, Rule, lookup

# How the output writes one finding, given the text of the line it is on ("" for none).
Render = Callable[[Finding, str], str]


class Options(Record):
    __slots__ = ("select", "ignore", "severity", "profile", "suppressor", "encoding")

    def __init__(self, select: list[str] | None = None, ignore: list[str] | None = None,
                 severity: dict[str, str] | None = None, profile: str | None = None, suppressor=None,
                 encoding: str | None = None):
        self.select = select  # rule names or codes; None = all
        self.ignore = [] if ignore is None else ignore
        self.severity = {} if severity is None else severity  # rule name → severity
        self.profile = profile
        self.suppressor = suppressor  # a lint.suppress.Suppressor; None = comments only
        self.encoding = encoding  # of text files (--encoding); None: found from their bytes


class Context(Record):
    """What a rule sees of one document."""

    __slots__ = ("doc", "pack", "report", "profile")

    def __init__(self, doc: Document, pack: Pack, report: Report, profile: Profile):
        self.doc, self.pack, self.report, self.profile = doc, pack, report, profile


# What may follow the kind a title names: 范文/模板/稿, a bracketed or dashed addition,
# a number or a year, 的（工作情况）报告.
_TITLE_TAIL = re.compile(
    r"\s*(?:(?:范文|模板|范本|例文|样本|大全|精选|推荐|全文|稿|初稿|定稿|材料|汇报|提纲|发言稿|集锦|锦集|合集|汇编|汇总"
    r"|集合)\s*)*"
    r"(?:[（(【\[<《].*|[—–－\-:：|｜_].*|篇?\s*[\d一二三四五六七八九十两多]{1,3}\s*篇?|\d{4}.*|的(?:工作)?(?:情况)?报告)?\s*$")


def choose_profile(pack: Pack, title: str) -> str:
    """The profile whose title pattern matches at the end of the title, else the pack's default.

    A Chinese title names its kind last (…述职工作总结 is a 工作总结; 述职报告的写作 is no
    述职报告): a match counts when only decoration follows it (范文, （2023年度）, ——副标题,
    a number), and the one that ends latest wins; among matches ending at the same place,
    the earlier profile.
    """
    best, best_end = pack.default_profile, -1
    for name, profile in pack.profiles.items():
        if not profile.title or not profile.title.search(title):
            continue  # none of the profile's patterns is in the title: one look, not one per pattern
        ends = [m.end() for p in profile.title.each() for m in p.finditer(title) if _TITLE_TAIL.match(title, m.end())]
        if ends and max(ends) > best_end:
            best, best_end = name, max(ends)
    return best


# Sentences of a profile's ``text`` that make a document of that kind whatever its title.
TEXT_MARKS = 2
TEXT_WITHIN = 3000  # characters


def _reads_like(pack: Pack, doc: Document) -> Profile | None:
    """The first profile with ``text`` patterns that TEXT_MARKS lines of the document match."""
    text = doc.view_text if doc.kind == "text" else "\n".join(line.view for line in doc.lines)
    text = text[:TEXT_WITHIN]  # a guide says what it is near its start
    for name, profile in pack.profiles.items():
        if not profile.text:
            continue
        marks = set()
        for m in profile.text.finditer(text):
            marks.add(text.count("\n", 0, m.start()))
            if len(marks) >= TEXT_MARKS:
                return profile
    return None


def resolve_rules(keys: list[str] | None, what: str) -> list[type[Rule]]:
    if keys is None:
        return list(RULES)
    out = []
    for key in keys:
        rule = lookup(key)
        if rule is None:
            known = ", ".join(r.name for r in RULES)
            raise UsageError(f"{what}: unknown rule {key!r} (known rules: {known})")
        out.append(rule)
    return out


class Linter:
    def __init__(self, pack: Pack, options: Options | None = None):
        self.pack = pack
        self.options = options or Options()
        if self.options.profile and self.options.profile not in pack.profiles:
            names = ", ".join(pack.profiles)
            raise UsageError(f"--profile: unknown profile {self.options.profile!r} (known: {names})")
        selected = resolve_rules(self.options.select, "--select")
        ignored = {r.name for r in resolve_rules(self.options.ignore, "--ignore")}
        self.rules = [cls() for cls in RULES if cls in selected and cls.name not in ignored]
        if self.options.suppressor is None:
            from .suppress import Suppressor

            self.options.suppressor = Suppressor()
        self.suppressor = self.options.suppressor
        for name, level in self.options.severity.items():
            if lookup(name) is None:
                raise UsageError(f"severity: unknown rule {name!r}")

    def severity_of(self, rule: type[Rule] | Rule) -> str:
        return self.options.severity.get(rule.name) or self.options.severity.get(rule.code) or rule.severity

    def profile_for(self, report: Report, page_title: str = "", doc: Document | None = None) -> Profile:
        """The profile a report is linted with (``--profile``, else chosen from its title, else
        from ``page_title``, the title of the page it was copied from); sets ``report.profile``
        and, for --outline, ``report.profile_reason``."""
        title = report.title.view.strip() if report.title else ""
        if self.options.profile:
            name, reason = self.options.profile, "--profile"
        else:
            name = choose_profile(self.pack, debris.without_glosses(title or page_title))
            if name != self.pack.default_profile:
                reason = f"标题「{title}」" if title else f"没有标题，按网页标题「{page_title}」"
            elif not title:
                reason = "没有找到标题，不知道文种"
            else:
                reason = f"标题「{title}」看不出是哪种文稿"
        profile = self.pack.profile(name)
        if profile.sections and not self.options.profile and doc is not None:
            guide = _reads_like(self.pack, doc)
            if guide is not None:
                profile, reason = guide, f"{reason}，但正文是在讲怎么写（写作指南）"
        if not profile.sections:
            reason += "，不检查必需章节"
        report.profile, report.profile_reason = profile.name, reason
        return profile

    def read(self, doc: Document) -> Report:
        """The report's structure, read once its site debris is blanked out (lint.debris),
        with its profile chosen."""
        found = debris.mark(doc, self.pack)
        report = parse(doc)
        self.profile_for(report, "" if report.title is not None else debris.page_title(doc, found), doc)
        return report

    def lint_document(self, doc: Document) -> list[Finding]:
        """The findings of a document, sorted."""
        try:
            report = self.read(doc)
        except Exception as exc:  # the grammar accepts every token stream; this guards bugs
            name, code = PARSE_ERROR
            failed = [Finding(doc.path, 1, 1, 1, 1, name, code, "error",
                              f"could not parse the document's structure: {exc}")]
            report = Report()
            self.profile_for(report)
        else:
            failed = []
        ctx = Context(doc, self.pack, report, self.pack.profile(report.profile))
        lines, fixable, path = doc.lines, doc.fixable, doc.path
        findings: list[Finding] = []
        deleted: set[int] = set()  # lines an advert line's fix deletes whole
        for rule in self.rules:  # each problem becomes its finding at once: no list of them all is kept
            severity, name, code = self.severity_of(rule), rule.name, rule.code
            for line, column, end_line, end_column, message, fix in rule.check(ctx):
                if name == "watermark" and _deletes_line(doc, fix):
                    deleted.add(fix.line)
                region = lines[line - 1].region if 1 <= line <= len(lines) else ""
                if region:  # a Word document's 页眉/页脚/表格/文本框
                    message = f"（{region}）{message}"
                findings.append(Finding(path, line, column, end_line, end_column, name, code, severity, message,
                                        fix.as_dict() if fix and fixable else None))
        if deleted:  # the other findings on those lines go with them
            findings = [f for f in findings if f.rule == "watermark" or f.line not in deleted]
        if failed:
            findings = failed + findings
        findings = self.suppressor.apply(doc, findings, {r.name for r in self.rules})
        if fixable:
            findings = _withhold_protected(doc, findings)
        findings.sort(key=SORT_KEY)
        return findings

    def report(self, path: str, data: bytes | None = None, kind: str | None = None,
               render: Render | None = None) -> FileReport:
        """The report of the file at ``path`` (or of ``data``, reported as ``path``), each
        finding's text made by ``render`` when given."""
        try:
            if data is None:
                data = readers.file_bytes(path)[0]
            doc = readers.read(data, path, kind, self.options.encoding)
            del data  # (a large file's bytes are not kept while it is linted)
            return file_report(path, self.lint_document(doc), render, doc)
        except DocumentError as exc:
            return file_report(path, [read_error(path, exc.message, exc.line, exc.column)], render)
        except OSError as exc:
            return file_report(path, [read_error(path, _("cannot read file: {why}").format(why=exc.strerror or exc))],
                               render)
        except (MemoryError, RecursionError) as exc:  # this file's failure; the others are still linted
            return file_report(path, [read_error(path, _(_TOO_MUCH[type(exc)]))], render)


_TOO_MUCH = {MemoryError: "not enough memory to lint this file",
             RecursionError: "the file is nested too deeply to lint"}


def linter_for(settings, report_unused: bool = False, encoding: str | None = None) -> Linter:
    """The linter a configuration describes (lint.config.Settings): its rule packs, rules,
    severities, profile and suppressions; ``encoding`` of text files (``--encoding``)."""
    from .packs import load
    from .suppress import Suppressor

    pack = load(settings.rules)
    if settings.profile and settings.profile not in pack.profiles:
        raise UsageError(f"{settings.profile_where}: unknown profile {settings.profile!r} "
                         f"(known: {', '.join(pack.profiles)})")
    return Linter(pack, Options(select=settings.select, ignore=settings.ignore, severity=dict(settings.severity),
                                profile=settings.profile, suppressor=Suppressor(settings, report_unused),
                                encoding=encoding))


def file_report(path: str, findings: list[Finding], render: Render | None = None,
                doc: Document | None = None) -> FileReport:
    """A file's report, each finding's text made by ``render`` with its line of ``doc``
    (the engine's own findings are about no line of text)."""
    if render is None:
        return FileReport(path, findings)
    lines = doc.lines if doc is not None else ()
    return FileReport(path, findings, [
        render(f, lines[f.line - 1].text if f.rule not in ENGINE_FINDINGS and 1 <= f.line <= len(lines) else "")
        for f in findings])


# Added to the message of a finding whose fix is withheld because it would change a placeholder.
WITHHELD = "（此处含占位符，不自动修复）"


def _withhold_protected(doc: Document, findings: list[Finding]) -> list[Finding]:
    """``findings`` with the fix of each one that would change a placeholder's characters
    withheld (``fix`` None, the message saying why): what a finding shows as its fix is
    what ``--fix`` applies (lint.fixes)."""
    keep = sorted((doc.offset_of(f.line, f.column), doc.offset_of(f.end_line, f.end_column))
                  for f in findings if f.rule in PROTECTED)
    if not keep:
        return findings
    starts = [s for s, _t in keep]
    reach = list(accumulate((t for _s, t in keep), max))  # the furthest end among keep[:i + 1]
    out = []
    for f in findings:
        fix = f.fix
        if fix is not None and f.rule not in NEVER_FIXED:
            start = doc.offset_of(fix["line"], fix["column"])
            end = doc.offset_of(fix["end_line"], fix["end_column"])
            i = bisect_left(starts, end)  # keep[:i] start before the fix ends: one ends after it starts?
            if i and reach[i - 1] > start:
                f = f._replace(fix=None, message=f.message + WITHHELD)
        out.append(f)
    return out


def _deletes_line(doc: Document, fix) -> bool:
    """Whether a watermark finding's fix deletes its line whole."""
    if not fix or fix.replacement or fix.column != 1:
        return False
    line = fix.line
    return (fix.end_line, fix.end_column) in ((line + 1, 1), (line, len(doc.line(line).text) + 1))


def run(linter: Linter, paths: list[str], jobs: int = 0, render: Render | None = None,
        stdin: tuple[str, bytes] | None = None, fail_on: str = "info", errors: list[str] | None = None,
        config_path: str | None = None) -> Result:
    """Lint ``paths`` (``-`` standing for ``stdin``: a name and its bytes) on up to ``jobs`` processes.

    ``errors`` are the paths that could not be linted at all ("path: why"); ``config_path``
    is the configuration file, where unused entries are reported.
    """
    from .parallel import lint_paths

    reports = [linter.report(stdin[0], stdin[1], render=render)] if "-" in paths else []
    # the suppressor counts what each configuration entry silenced in this process
    jobs = 1 if linter.suppressor.report_unused else jobs
    reports += lint_paths(linter, [path for path in paths if path != "-"], jobs, render)
    return result(linter, reports, [stdin[0] if path == "-" else path for path in paths], render, fail_on,
                  errors, config_path)


def result(linter: Linter, reports: list[FileReport], checked: list[str], render: Render | None = None,
           fail_on: str = "info", errors: list[str] | None = None, config_path: str | None = None) -> Result:
    """The Result of a run that gave ``reports``, with the configuration's unused entries."""
    if config_path:
        reports = reports + [file_report(config_path, linter.suppressor.unused_entries(config_path), render)]
    return Result(reports, checked, errors, fail_on)
