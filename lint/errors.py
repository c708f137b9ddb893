"""The one error type of a mistake in what the user asked for (exit status 2).

A bad option, configuration file or rule pack is a :class:`UsageError`; one at a
place in a file is a :class:`FileError`, whose message starts ``path:line:column:``.
A file that cannot be linted is not an error of this kind: it is a ``read-error``
finding (lint.findings) and the run goes on.
"""

from __future__ import annotations


class UsageError(Exception):
    """What was asked for cannot be done: a bad option, configuration file or rule pack."""


class FileError(UsageError):
    """A usage error at a place in a configuration file or rule pack."""

    def __init__(self, path: str, line: int, column: int, message: str):
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.path, self.line, self.column, self.message = path, line, column, message


class RunError(Exception):
    """The run could not finish: its output cannot be written, a worker process died (exit status 2)."""
