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
    # Word documents
    "encrypted (password-protected) Word document: save it without a password":
        "加密（有密码保护）的 Word 文档：请去掉密码后另存",
    "not a .docx: an OLE compound file (a legacy .doc?); save it as .docx":
        "不是 .docx：是 OLE 复合文件（旧版 .doc？），请另存为 .docx",
    "not a .docx: the file is not a zip archive": "不是 .docx：文件不是 zip 压缩包",
}
