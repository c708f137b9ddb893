"""An archive of reports made from the seeds: departments, years, copies and variants.

Used by tests/test_scale.py and tests/benchmarks/archive.py. The same ``count`` always
gives the same files.
"""

from __future__ import annotations

import random
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

DEPARTMENTS = ("办公室", "组织部", "宣传部", "财务处", "人事处", "教务处", "后勤处", "信息中心")
YEARS = ("2021", "2022", "2023", "2024", "2025")


def _variant(rng: random.Random, text: str) -> tuple[str, str, str]:
    """A seed as someone might have kept it: (text, suffix, encoding)."""
    lines = text.split("\n")
    kind = rng.randrange(10)
    suffix, encoding = ".txt", "utf-8"
    if kind == 1:  # an unfilled placeholder and doubled punctuation in one paragraph
        i = rng.randrange(len(lines))
        lines[i] = lines[i] + "全年完成XX项任务。。"
    elif kind == 2:  # a section lost
        start = rng.randrange(len(lines))
        del lines[start:start + rng.randrange(5, 40)]
    elif kind == 3:  # only the beginning
        lines = lines[:rng.randrange(3, max(4, len(lines)))]
    elif kind == 4:  # Windows line ends
        return "\r\n".join(lines), suffix, encoding
    elif kind == 5:  # saved by an older editor
        encoding = "gb18030"
    elif kind == 6:  # kept as Markdown
        suffix = ".md"
    elif kind == 7:  # an advert pasted in
        i = rng.randrange(len(lines))
        lines.insert(i, "【某某素材库】更多范文请咨询QQ12345678")
    elif kind == 8:  # half-width punctuation
        lines = [line.replace("，", ",", 1) for line in lines]
    return "\n".join(lines), suffix, encoding


def make_archive(root: Path, count: int) -> list[Path]:
    """Write ``count`` documents under ``root``/DEPARTMENT/YEAR/ and return their paths.

    Most are variants of the seeds; a few are empty, and two cannot be read as text
    (undecodable bytes, a binary file), as a real archive has.
    """
    rng = random.Random(count)
    seeds = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    paths = []
    for n in range(count):
        folder = root / DEPARTMENTS[n % len(DEPARTMENTS)] / YEARS[n // len(DEPARTMENTS) % len(YEARS)]
        folder.mkdir(parents=True, exist_ok=True)
        stem, text = seeds[rng.randrange(len(seeds))]
        text, suffix, encoding = _variant(rng, text)
        path = folder / f"{n:05d}_{stem[:3]}{suffix}"
        if n == 7:
            data = "学习不够深入".encode("utf-8")[:-1] + b"\xff\xfe\x00"  # not text in any encoding tried
        elif n == 11:
            data = bytes(range(256)) * 4  # a binary file kept under a report's name
        elif n % 500 == 3:
            data = b""
        else:
            data = text.encode(encoding)
        path.write_bytes(data)
        paths.append(path)
    return paths
