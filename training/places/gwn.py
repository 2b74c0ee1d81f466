"""GeoWebNews (Gritta et al. 2019) read as articles with gold toponyms, and its fixed split.

The split is by article, seeded, and recorded here so that every script agrees on it: the
place model trains on `train`, its threshold is chosen on `dev`, and `benchmarks/geoparse.py
--split test` is the held-out figure.
"""
from __future__ import annotations

import random
import xml.etree.ElementTree as ET
from pathlib import Path

GWN = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "geowebnews" / "GWN.xml"
SEED = 20261204
SIZES = {"train": 120, "dev": 40, "test": 40}  # of 200 articles
TOPONYM = {"Literal", "Literal_Modifier", "Metonymic", "Mixed", "Coercion", "Embedded_Literal",
           "Embedded_Non_Lit", "Non_Literal_Modifier"}


def articles(path: Path = GWN) -> list[tuple[str, list[dict]]]:
    """(text, gold toponyms) per article, in file order."""
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        gold = []
        for tp in art.find("toponyms"):
            lat = tp.findtext("latitude")
            gid = (tp.findtext("geonamesID") or "").strip()
            gold.append({"start": int(tp.findtext("start")), "end": int(tp.findtext("end")),
                         "type": tp.findtext("type"), "text": tp.findtext("extractedName"),
                         "adjective": tp.findtext("modifierType") == "Adjective",
                         "geonames_id": int(gid) if gid else None,
                         "lat": float(lat) if lat else None,
                         "lon": float(tp.findtext("longitude")) if lat else None})
        out.append((art.findtext("text") or "", gold))
    return out


def split(n: int) -> dict[str, list[int]]:
    """Article indices of each part: a seeded shuffle cut into train, dev and test."""
    order = list(range(n))
    random.Random(SEED).shuffle(order)
    a, b = SIZES["train"] * n // 200, (SIZES["train"] + SIZES["dev"]) * n // 200
    return {"train": sorted(order[:a]), "dev": sorted(order[a:b]), "test": sorted(order[b:])}


def place_name(g: dict) -> bool:
    """A toponym sitrep outputs as a place: not an adjective, not a name inside a name."""
    return g["type"] in TOPONYM and not g["adjective"] and not g["type"].startswith("Embedded")
