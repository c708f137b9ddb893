"""``--fix`` and ``--diff`` on files: read, fix (lint.fixes), then write, print or diff.

A file is written only when its bytes change, and only while it is still what was
read: right before the new bytes take its place, its size, modification time, inode
and bytes are compared with what was read, and a file changed meanwhile (an editor's
autosave) is left alone with a notice. A file without any write permission bit is
refused, even for root. The new bytes go to a temporary file in the same directory,
which takes the original's permission bits and then replaces it atomically; a
symlink's target is rewritten, and a file with several hard links is rewritten in
place so that every name keeps seeing one file (``--break-links`` replaces the path
itself instead, as an atomic write). Any failure leaves the original as it was.
Standard input (``-``) is fixed to standard output, always in full: unchanged when
nothing could be fixed. Every fix that was not applied is reported with its reason.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile

from .fixes import fix_bytes, unified_diff
from .i18n import _, choose
from .printable import printable


CHANGED = "it was changed by another program while it was being fixed"


class ChangedMeanwhile(Exception):
    """The file is no longer what was read: another program wrote it while it was fixed."""


def _identity(info: os.stat_result) -> tuple:
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns


def _check_unchanged(path: str, data: bytes, info: os.stat_result) -> None:
    """ChangedMeanwhile unless ``path`` is still the file read as ``data`` with status ``info``."""
    from .readers import file_bytes

    try:
        now, now_info = file_bytes(path)
    except OSError:
        raise ChangedMeanwhile(_("it can no longer be read")) from None
    if _identity(now_info) != _identity(info) or now != data:
        raise ChangedMeanwhile(_(CHANGED))


def write_fixed(path: str, fixed: bytes, data: bytes, info: os.stat_result, break_links: bool = False) -> None:
    """Replace the file at ``path``, read as ``data`` with status ``info``, by ``fixed``.

    Raises ChangedMeanwhile when the file is no longer what was read, OSError when it
    cannot be written (a read-only file among them).
    """
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise PermissionError(13, _("the file is read-only (no write permission bit)"), path)
    target = path if break_links else os.path.realpath(path)
    if not os.access(target, os.W_OK) and not break_links:
        raise PermissionError(13, _("the file is not writable"), path)
    if info.st_nlink > 1 and not break_links:
        _write_in_place(target, fixed, data, info)
        return
    fd, temp = tempfile.mkstemp(prefix="." + os.path.basename(target) + ".", suffix=".tmp",
                                dir=os.path.dirname(target) or ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(fixed)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(temp, stat.S_IMODE(info.st_mode))
        if hasattr(os, "chown"):
            try:
                os.chown(temp, info.st_uid, info.st_gid)
            except OSError:
                pass  # not allowed to give it away: it stays ours, as any editor's save would
        _check_unchanged(path, data, info)
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


def _write_in_place(target: str, fixed: bytes, data: bytes, info: os.stat_result) -> None:
    """Write ``fixed`` into the file itself (its inode), keeping every hard link to it."""
    fd = os.open(target, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        if _identity(os.fstat(fd)) != _identity(info):
            raise ChangedMeanwhile(_(CHANGED))
        _check_unchanged(target, data, info)
        view, written = memoryview(fixed), 0
        while written < len(fixed):
            written += os.write(fd, view[written:])
        os.ftruncate(fd, len(fixed))
        os.fsync(fd)
    finally:
        os.close(fd)


def notice(message: str) -> None:
    print(_("reportlint: notice: {message}").format(message=printable(message)), file=sys.stderr)


def fix_paths(linter, paths: list[str], errors: list[str], diff: bool = False,
              stdin: tuple[str, bytes] | None = None, render=None, break_links: bool = False) -> list:
    """Fix (or, with ``diff``, diff) each path (``-`` is ``stdin``: a name and its bytes);
    return the files' reports (lint.engine.file_report).

    With ``--fix`` these are the findings that remain; with ``--diff`` (nothing is
    changed) those of the files as they are. What could not be done is added to
    ``errors``; a file left alone because it changed meanwhile, and each fix not
    applied, is a notice on standard error.
    """
    from .docx_reader import fix_refusal
    from .engine import file_report
    from .findings import read_error
    from .readers import file_bytes

    reports: list = []
    fixed_files = applied = 0
    for path in paths:
        info = None
        if path == "-":
            name, data = stdin
        else:
            name = path
            try:
                data, info = file_bytes(path)
            except OSError as exc:
                reports.append(file_report(
                    path, [read_error(path, _("cannot read file: {why}").format(why=exc.strerror or exc))], render))
                continue
        refusal = fix_refusal(name)
        if refusal:  # said once, linted, never rewritten
            print(f"reportlint: {printable(name)}: {_(refusal)}", file=sys.stderr)
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
                write_fixed(path, result.fixed, data, info, break_links)
            except ChangedMeanwhile as exc:
                notice(_("{path}: not fixed: {why}; the findings below are those of the text that was read; "
                         "run reportlint again").format(path=path, why=exc))
                reports.append(file_report(name, result.before, render, result.doc))
                continue
            except OSError as exc:
                errors.append(_("{path}: cannot write the fixed file, left unchanged: {why}").format(
                    path=path, why=exc.strerror or exc))
                reports.append(file_report(name, result.before, render, result.doc))
                continue
        for f, why in result.unapplied:
            notice(_("{place}: [{rule}] fix not applied: {why}").format(place=f"{name}:{f.line}:{f.column}",
                                                                       rule=f.rule, why=_(why)))
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
