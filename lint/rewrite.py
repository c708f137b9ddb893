"""``--fix`` and ``--diff`` on files: read, fix (lint.fixes), then write, print or diff.

A file is written only when its bytes change, atomically: the new bytes go to a
temporary file in the same directory, which takes the original's permission bits and
then replaces it. Any failure leaves the original as it was. Standard input (``-``)
is fixed to standard output, always in full: unchanged when nothing could be fixed.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile

from .fixes import fix_bytes, unified_diff
from .i18n import _, choose


def write_atomic(path: str, data: bytes) -> None:
    """Replace the file at ``path`` (a symlink's target) with ``data``, keeping its mode."""
    target = os.path.realpath(path)
    info = os.stat(target)
    if not os.access(target, os.W_OK):
        raise PermissionError(13, "file is read-only", path)
    fd, temp = tempfile.mkstemp(prefix="." + os.path.basename(target) + ".", suffix=".tmp",
                                dir=os.path.dirname(target))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(temp, stat.S_IMODE(info.st_mode))
        if hasattr(os, "chown"):
            try:
                os.chown(temp, info.st_uid, info.st_gid)
            except OSError:
                pass  # not allowed to give it away: it stays ours, as any editor's save would
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


def fix_paths(linter, paths: list[str], errors: list[str], diff: bool = False,
              stdin: tuple[str, bytes] | None = None, render=None) -> list:
    """Fix (or, with ``diff``, diff) each path (``-`` is ``stdin``: a name and its bytes);
    return the files' reports (lint.engine.file_report).

    With ``--fix`` these are the findings that remain; with ``--diff`` (nothing is
    changed) those of the files as they are. What could not be done is added to ``errors``.
    """
    from .docx_reader import fix_refusal
    from .engine import file_report
    from .findings import read_error

    reports: list = []
    fixed_files = applied = 0
    for path in paths:
        if path == "-":
            name, data = stdin
        else:
            name = path
            try:
                with open(path, "rb") as fh:
                    data = fh.read()
            except OSError as exc:
                reports.append(file_report(
                    path, [read_error(path, _("cannot read file: {why}").format(why=exc.strerror or exc))], render))
                continue
        refusal = fix_refusal(name)
        if refusal:  # said once, linted, never rewritten
            print(f"reportlint: {name}: {_(refusal)}", file=sys.stderr)
        result = fix_bytes(linter, data, name)
        if result.error and not refusal:
            errors.append(f"{name}: {result.error}")
        if diff:
            if result.changed:
                sys.stdout.buffer.write(unified_diff(result.text, result.fixed_text, name).encode("utf-8"))
            reports.append(file_report(name, result.before, render, result.doc))
            continue
        if path == "-":
            sys.stdout.buffer.write(result.fixed)
        elif result.changed:
            try:
                write_atomic(path, result.fixed)
            except OSError as exc:
                errors.append(_("{path}: cannot write the fixed file, left unchanged: {why}").format(
                    path=path, why=exc.strerror or exc))
                reports.append(file_report(name, result.before, render, result.doc))
                continue
        if result.changed:
            fixed_files += 1
            applied += result.applied
        reports.append(file_report(name, result.findings, render, result.fixed_doc))
    sys.stdout.flush()
    if not diff and applied and "-" not in paths:  # with '-', stderr carries the findings
        print(choose(f"reportlint：已修正 {applied} 处（{fixed_files} 个文件）。",
                     f"reportlint: fixed {applied} problem{'s' if applied != 1 else ''} "
                     f"in {fixed_files} file{'s' if fixed_files != 1 else ''}."), file=sys.stderr)
    return reports
