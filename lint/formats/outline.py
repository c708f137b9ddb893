"""``--outline``: how a document was understood — its profile, title, opening, and each
heading's level, number, line and paragraphs — instead of its findings."""

from __future__ import annotations

from collections.abc import Iterator


def lines(report) -> Iterator[str]:
    """Human-readable lines describing the parsed tree (``reportlint --outline``)."""
    if report.profile:
        why = f"（{report.profile_reason}）" if report.profile_reason else ""
        yield f"profile: {report.profile}{why}"
    for p in report.noise:
        yield f"{p.line:>5}  noise    {_short(p.text)}"
    if report.title:
        yield f"{report.title.line:>5}  title    {_short(report.title.text)}"
    else:
        yield "    -  title    (none found)"
    for p in report.opening:
        yield f"{p.line:>5}  opening  {_short(p.text)}"
    for sec in report.walk():
        h = sec.heading
        indent = "  " * (h.level - 1)
        extra = f"  [{len(sec.paragraphs)} paragraph{'s' if len(sec.paragraphs) != 1 else ''}"
        enums = [e.marker for p in sec.paragraphs for e in p.enums]
        if enums:
            extra += ", " + "".join(enums)
        extra += "]"
        yield f"{h.line:>5}  L{h.level}  {indent}{h.marker} {_short(h.text)}{extra}"


def _short(text: str, width: int = 40) -> str:
    text = text.strip()
    return text if len(text) <= width else text[: width - 1] + "…"
