"""What a run reports: findings, each file's report, and the run's result.

A :class:`Finding` is plain data: a span of one file (1-based lines and character
columns, end exclusive), the rule, its severity and message, and the fix when there is
one. The engine makes them; the output formats only read them. A file that cannot be
read is one ``read-error`` finding (:func:`read_error`) and the run goes on.
"""

from __future__ import annotations

from operator import itemgetter

from .record import Record, Value

SEVERITIES = ("error", "warning", "info")  # from the most to the least severe

# Findings the engine reports itself; they are not rules that can be run or selected.
READ_ERROR = ("read-error", "RL001")
PARSE_ERROR = ("parse-error", "RL002")
UNUSED_SUPPRESSION = ("unused-suppression", "RL003")  # with --report-unused-suppressions
ENGINE_FINDINGS = frozenset(name for name, _code in (READ_ERROR, PARSE_ERROR, UNUSED_SUPPRESSION))

# Rules whose findings need a person; their fixes (they carry none) are never applied.
NEVER_FIXED = frozenset({"placeholder", "missing-section"})
# Rules whose spans no fix may change (lint.engine withholds such a fix, lint.fixes applies none).
PROTECTED = frozenset({"placeholder"})

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class Finding(Value):
    """One problem found in one file, as it is reported."""

    __slots__ = ()
    _fields = ("path", "line", "column", "end_line", "end_column", "rule", "code", "severity", "message", "fix")

    def __new__(cls, path: str, line: int, column: int, end_line: int, end_column: int, rule: str, code: str,
                severity: str, message: str, fix: dict | None = None):
        return tuple.__new__(cls, (path, line, column, end_line, end_column, rule, code, severity, message, fix))

    def as_dict(self) -> dict:
        return dict(zip(self._fields, self))


# The order of findings: by path, then position, then code (a key for list.sort).
SORT_KEY = itemgetter(0, 1, 2, 6, 3, 4)  # path, line, column, code, end_line, end_column


def read_error(path: str, message: str, line: int = 1, column: int = 1) -> Finding:
    name, code = READ_ERROR
    return Finding(path, line, column, line, column, name, code, "error", message)


def fails(severity: str, fail_on: str) -> bool:
    """Whether a finding of ``severity`` makes the exit status 1 when ``fail_on`` is the lowest that does."""
    return SEVERITIES.index(severity) <= SEVERITIES.index(fail_on)


class FileReport(Record):
    """The findings of one file, sorted, and each one's text in the output when the format
    writes findings one by one (worked out where the file's lines were at hand)."""

    __slots__ = ("path", "findings", "texts")

    def __init__(self, path: str, findings: list[Finding], texts: list[str] | None = None):
        self.path = path
        self.findings = findings
        self.texts = texts

    def texts_by(self, finding) -> list[str]:
        """Each finding's text: those worked out already, else ``finding(f)`` of each."""
        return self.texts if self.texts is not None else [finding(f) for f in self.findings]

    def __reduce__(self):  # findings as plain tuples: several times quicker between processes
        return _file_report, (self.path, [tuple(f) for f in self.findings], self.texts)


def _file_report(path: str, rows: list[tuple], texts: list[str] | None) -> FileReport:
    return FileReport(path, [tuple.__new__(Finding, row) for row in rows], texts)


class Result(Record):
    """What a run found: every file's report in output order, the paths that could not be
    linted at all, the files checked, and the lowest severity that fails the run."""

    __slots__ = ("reports", "checked", "errors", "fail_on")

    def __init__(self, reports: list[FileReport], checked: list[str] | None = None,
                 errors: list[str] | None = None, fail_on: str = "info"):
        self.reports = _in_path_order(reports)
        self.checked = [] if checked is None else checked  # the paths linted, as reported
        self.errors = [] if errors is None else errors  # "path: why" for paths not linted at all
        self.fail_on = fail_on

    def findings(self) -> list[Finding]:
        return [f for report in self.reports for f in report.findings]

    @property
    def status(self) -> int:
        """The exit status: 2 when a path could not be linted or read, else 1 for a finding at
        or above ``fail_on``, else 0."""
        findings = self.findings()
        if self.errors or any(f.rule == READ_ERROR[0] for f in findings):
            return EXIT_ERROR
        return EXIT_FINDINGS if any(fails(f.severity, self.fail_on) for f in findings) else EXIT_CLEAN


def _in_path_order(reports: list[FileReport]) -> list[FileReport]:
    """Reports sorted by path, those of one path (standard input named like a file) merged,
    so that all findings come in SORT_KEY order."""
    reports = sorted((r for r in reports if r.findings), key=lambda r: r.path)
    merged: list[FileReport] = []
    for report in reports:
        if merged and merged[-1].path == report.path:
            last = merged[-1]
            findings = last.findings + report.findings
            texts = None if last.texts is None or report.texts is None else last.texts + report.texts
            order = sorted(range(len(findings)), key=lambda i: SORT_KEY(findings[i]))  # stable
            merged[-1] = FileReport(report.path, [findings[i] for i in order],
                                    None if texts is None else [texts[i] for i in order])
        else:
            merged.append(report)
    return merged
