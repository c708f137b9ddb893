"""The language of reportlint's own words: Chinese when the locale is Chinese, else English.

Findings' messages are Chinese whatever the language (they quote Chinese text); what
reportlint says about a run — help, errors, read errors, the summary, ``--explain`` —
follows the locale (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, as gettext reads
them; on Windows the user's locale) or ``--lang zh|en``.

Each text is written in English in the code and looked up with ``_()``; the Chinese
catalog is :data:`ZH`. A text with fields is formatted after the look-up:
``_("{path}: no such file or directory").format(path=path)``.
"""

from __future__ import annotations

import os
import sys

LANGUAGES = ("zh", "en")
_CHOSEN: list[str] = []  # the language of this process, once chosen


def from_locale(environ=None) -> str:
    """``zh`` when the locale names Chinese, else ``en``."""
    environ = os.environ if environ is None else environ
    for key in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(key)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    if sys.platform == "win32":
        import locale

        name = (locale.getlocale()[0] or "").lower()  # "zh_CN" or "Chinese (Simplified)_China"
        return "zh" if name.startswith(("zh", "chinese")) else "en"
    return "en"


def set_language(language: str | None) -> str:
    """Use ``language`` (None: the locale's) from now on in this process; return it."""
    chosen = language if language in LANGUAGES else from_locale()
    _CHOSEN[:] = [chosen]
    return chosen


def language() -> str:
    if not _CHOSEN:
        set_language(None)
    return _CHOSEN[0]


def _(text: str) -> str:
    """``text`` in the language of the run."""
    if language() == "zh":
        return ZH.get(text, text)
    return text


def choose(zh: str, en: str) -> str:
    """One of two texts written out in full (for texts too long to key by their English)."""
    return zh if language() == "zh" else en


ZH = {
    # reading files
    "binary file (contains NUL bytes)": "二进制文件（含 NUL 字节），不是文稿",
    "binary or control character U+{code:04X} in text": "文本中有二进制数据或控制字符 U+{code:04X}",
    "looks like UTF-16 without a byte-order mark; save it as UTF-8 or with a BOM":
        "像是没有字节顺序标记（BOM）的 UTF-16 文本：请另存为 UTF-8，或带 BOM 保存",
    "cannot decode as UTF-8, UTF-16 (with BOM) or GB18030":
        "无法按 UTF-8、UTF-16（带 BOM）或 GB18030 解码",
    "cannot decode as {encoding}": "无法按 {encoding} 解码",
    "{why}: byte 0x{byte:02x}": "{why}：字节 0x{byte:02x}",
    "cannot decode as UTF-8, UTF-16 (with BOM) or GB18030, nor as any other encoding; "
    "if you know it, name it with --encoding":
        "无法按 UTF-8、UTF-16（带 BOM）、GB18030 或其他编码解码；如果知道文件的编码，请用 --encoding 指定",
    "cannot tell the encoding: not UTF-8, UTF-16 or GB18030, and only perhaps {guess}; "
    "if it is, run with --encoding {guess}":
        "无法确定编码：不是 UTF-8、UTF-16 或 GB18030，可能是 {guess}；如果是，请加上 --encoding {guess} 再运行",
    "cannot read file: {why}": "无法读取文件：{why}",
    "more than {count} lines (paragraphs): too long to lint as one document; split it":
        "超过 {count} 行（段落）：作为一个文稿太长，无法检查，请拆分",
    "more than {count} characters: too long to lint as one document; split it":
        "超过 {count} 个字符：作为一个文稿太长，无法检查，请拆分",
    "not enough memory to lint this file": "内存不足，无法检查这个文件",
    "the file is nested too deeply to lint": "文件嵌套太深，无法检查",
    "a legacy Word document (.doc) cannot be read: open it in Word or WPS and save it as .docx":
        "无法读取旧版 Word 文档（.doc）：请在 Word 或 WPS 中打开，另存为 .docx",
    "a WPS document (.wps) cannot be read: open it in WPS and save it as .docx":
        "无法读取 WPS 文档（.wps）：请在 WPS 中打开，另存为 .docx",
    "a PDF cannot be read: save it as .docx (Word and WPS open PDFs) or copy its text into a .txt":
        "无法读取 PDF：请另存为 .docx（Word、WPS 都能打开 PDF），或把文字复制到 .txt 文件",
    # finding files
    "{path}: no such file or directory": "{path}：没有这个文件或目录",
    "{kind}, not a document (use '-' to read standard input)": "{kind}，不是文稿（从标准输入读取请用 '-'）",
    "a FIFO": "命名管道（FIFO）",
    "a device": "设备文件",
    "a socket": "套接字",
    "not a regular file": "不是普通文件",
    # the command line
    "{prog}: error: {message}": "{prog}：错误：{message}",
    "reportlint: internal error: {error} (run with --debug for the traceback)":
        "reportlint：内部错误：{error}（加 --debug 可看 traceback）",
    "no PATH given (use '-' for standard input)": "没有给出要检查的文件或文件夹（从标准输入读取请用 '-'）",
    "expected a number of processes (0 = one per CPU), got {value!r}": "应为进程数（0 表示每个 CPU 一个），而不是 {value!r}",
    "unknown text encoding {name!r} (for example: utf-8, gb18030, big5)":
        "不认识的文本编码 {name!r}（例如：utf-8、gb18030、big5）",
    "--statistics prints a table and cannot be combined with --format {format}":
        "--statistics 输出的是统计表，不能与 --format {format} 同用",
    "{path}: cannot write: {why}": "{path}：无法写入：{why}",
    "standard output is closed: nowhere to write the output (use --output-file)":
        "标准输出已关闭：结果无处可写（请用 --output-file）",
    "standard input is closed: nothing to read for '-'": "标准输入已关闭：'-' 没有可读的内容",
    "cannot write the output to {path}: {why}": "无法把结果写到 {path}：{why}",
    "standard output": "标准输出",
    "reportlint: notice: {message}": "reportlint：提示：{message}",
    "{path} is not linted: it matches the exclude glob {glob!r} of {where}":
        "{path} 未检查：它符合 {where} 中的排除模式 {glob!r}",
    "--output-file {output} is {path}, one of the files to lint; choose another file for the output":
        "--output-file {output} 就是要检查的文件 {path}；请为结果另选一个文件",
    "a worker process died while linting (killed, or out of memory?); no output was written. "
    "Run again with fewer processes (-j 1)":
        "检查时有一个工作进程意外退出（被终止，或内存不足？），没有输出结果。请用更少的进程（-j 1）再运行",
    "--explain: unknown rule {rule!r} (known: {known})": "--explain：没有规则 {rule!r}（已有：{known}）",
    "--annotate and --annotate-dir cannot be combined with --fix or --diff":
        "--annotate 和 --annotate-dir 不能与 --fix 或 --diff 同用",
    "give either --annotate OUT.docx or --annotate-dir DIR, not both":
        "--annotate OUT.docx 和 --annotate-dir DIR 只能用一个",
    "--annotate writes one document and {count} were given; use --annotate-dir DIR":
        "--annotate 只写一个文稿，却给出了 {count} 个；请用 --annotate-dir DIR",
    "--annotate-dir: {path}: not a directory": "--annotate-dir：{path}：不是文件夹",
    # fixing
    ".docx files are not rewritten: --fix and --diff apply to .txt and .md files only; fix the findings in Word":
        ".docx 文件不会被自动修改：--fix 和 --diff 只改 .txt 和 .md 文件；请在 Word 中修改",
    "{path}: cannot write the fixed file, left unchanged: {why}": "{path}：无法写入修正后的文件，原文件未改动：{why}",
    "it was changed by another program while it was being fixed": "修正期间它被另一个程序改动了",
    "it can no longer be read": "它已无法读取",
    "{path}: not fixed: {why}; the findings below are those of the text that was read; run reportlint again":
        "{path}：未修正：{why}；下面的问题是按读取时的文本报告的，请再运行一次 reportlint",
    "the file is read-only (no write permission bit)": "文件是只读的（没有写权限位）",
    "the file is not writable": "文件不可写",
    "{place}: [{rule}] fix not applied: {why}": "{place}：[{rule}] 未应用修正：{why}",
    "fixes were still found after 10 rounds of fixing": "修正 10 轮后仍有可修正的问题",
    "its span is no place in the text, or it changes nothing": "它的范围不在文本中，或者它什么也不改",
    "fixes undo one another (applying them brings back an earlier text)": "几处修正相互抵消（应用后又回到先前的文本）",
    "not fixed: its encoding, {encoding}, is a guess from its bytes; if it is right, run again with --encoding "
    "{encoding}": "未修正：它的编码 {encoding} 是根据字节猜测的；如果猜得对，请加上 --encoding {encoding} 再运行",
    # Word documents
    "encrypted (password-protected) Word document: save it without a password":
        "加密（有密码保护）的 Word 文档：请去掉密码后另存",
    "not a .docx: an OLE compound file (a legacy .doc?); save it as .docx":
        "不是 .docx：是 OLE 复合文件（旧版 .doc？），请另存为 .docx",
    "not a .docx: the file is not a zip archive": "不是 .docx：文件不是 zip 压缩包",
}
