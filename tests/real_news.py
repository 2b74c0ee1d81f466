"""Real news from ../shared as one JSON Lines input file, for tests that need a store of many
real articles (the dashboard's browser test): GeoWebNews' articles in file order (world news of
spring 2018, conflict and not) and WikiEvents' attack articles. A publication date is given only
where the article's own URL carries one (`/2018/03/31/`); the others are stored undated, as a
user's undated input would be."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GWN = SHARED / "corpora" / "geowebnews" / "GWN.xml"
WIKIEVENTS = SHARED / "corpora" / "wikievents" / "dev.jsonl"
URL_DATE = re.compile(r"/(20\d\d)[/-](\d\d)[/-](\d\d)/")


def geowebnews(limit: int) -> list[dict]:
    out = []
    for art in ET.parse(GWN).getroot().findall("article")[:limit]:
        url = (art.findtext("link") or "").strip()
        row = {"title": (art.findtext("title") or "").strip(), "text": art.findtext("text") or "", "url": url}
        dated = URL_DATE.search(url)
        if dated:
            row["published"] = "-".join(dated.groups())
        out.append(row)
    return out


def wikievents() -> list[dict]:
    out = []
    for line in WIKIEVENTS.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        sentences = [s[1] for s in doc["sentences"]]  # the first is the headline
        out.append({"title": sentences[0], "text": "\n".join(sentences[1:])})
    return out


def write_real_news(path: Path, geowebnews_articles: int = 40) -> int:
    """Writes the articles to `path`; returns how many."""
    rows = geowebnews(geowebnews_articles) + wikievents()
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return len(rows)
