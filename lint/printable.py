"""The one sanitiser of what reportlint prints: file names and quoted text made harmless.

A file name or a document's line can hold anything: an escape sequence that retitles or
clears the terminal (C0 controls such as ESC, DEL, C1 controls such as CSI U+009B), a
newline that forges an output line of its own, bidi controls (U+202E) that show text in
another order than it is, and, in a name that is not valid UTF-8, bytes that Python
keeps as lone surrogates (``surrogateescape``) and that no UTF-8 stream can write.

:func:`printable` shows each such character as a visible escape — ``\\x1b``, ``\\n``,
``\\u202e``, and ``\\xff`` for an undecodable byte of a name — and leaves every other
character alone. Every human-readable format and every message on standard error
passes names and messages through it; the machine formats (JSON, SARIF) keep the
exact text, escaped as JSON escapes it.
"""

from __future__ import annotations

import re

# Controls (C0, DEL, C1), bidi controls and marks, line and paragraph separators,
# and surrogates (undecodable bytes of a file name).
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(m: re.Match) -> str:
    ch = m.group()
    code = ord(ch)
    if ch in _NAMED:
        return _NAMED[ch]
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if 0xDC80 <= code <= 0xDCFF:  # a byte that surrogateescape kept
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every unsafe character (:data:`UNSAFE`) shown as an escape."""
    if UNSAFE.search(text) is None:
        return text
    return UNSAFE.sub(_escape, text)
