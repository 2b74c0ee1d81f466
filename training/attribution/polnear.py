"""Read PolNeAR (brat standoff) into texts and labelled spans.

Each `.ann` holds `T` lines (`Source`, `Cue`, `Content`, with character offsets into the
matching `text/*.txt`, fragments separated by `;`) and `E` lines tying them into one
attribution. PolNeAR's labels are univocal (a token has one label), so the corpus is a tag
sequence: a discontinuous span is scored and trained as its separate fragments. An article
with several annotators' files (suffix after the last `_`) is read once, from the first.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

LABELS = ("Source", "Cue", "Content")


def articles(folder: Path) -> Iterator[tuple[str, str, list[tuple[int, int, str]]]]:
    """(name, text, [(start, end, label), ...]) for every article under `folder`."""
    seen = set()
    for ann in sorted((folder / "attributions").glob("*.ann")):
        name = re.sub(r"_[0-9a-f]+$", "", ann.stem)
        if name in seen:
            continue
        seen.add(name)
        text_path = folder / "text" / f"{name}.txt"
        if not text_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        yield name, text, spans(ann.read_text(encoding="utf-8"), text)


def spans(ann: str, text: str) -> list[tuple[int, int, str]]:
    out = []
    for line in ann.splitlines():
        if not line.startswith("T"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        label, _, ranges = parts[1].partition(" ")
        if label not in LABELS:
            continue
        for frag in ranges.split(";"):
            start, end = (int(x) for x in frag.split())
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                out.append((start, end, label))
    return sorted(set(out))
