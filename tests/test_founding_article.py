"""The first acceptance test: the founding article against ../shared/gold."""
from __future__ import annotations

import math

from conftest import needs_shared

pytestmark = needs_shared


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def named(names, candidates) -> bool:
    low = [n.lower() for n in names]
    return any(any(g in (c or "").lower() or (c or "").lower() in g for g in low) for c in candidates if c)


def main_attack(doc, gold_attack):
    attacks = [e for e in doc["events"] if e["type"] == "ASSAULT" and e["main"]]
    assert attacks, "no main ASSAULT event"
    return max(attacks, key=lambda e: len(e["figures"]))


def test_article_metadata(founding):
    a = founding["article"]
    assert a["published"] == "2021-02-16" and a["outlet"] == "usnews" and a["language"] == "en"
    assert len(a["id"]) == 16


def test_main_attack_type_weapon_date(founding, gold):
    g = next(e for e in gold["events"] if e["id"] == "attack")
    e = main_attack(founding, g)
    assert e["type"] == g["type"]
    assert e["mode"] == g["mode"]
    assert named(g["weapon"], [w["text"] for w in e["weapons"]])
    assert e["date"]["value"] == g["date"] and e["date"]["precision"] == g["date_precision"]


def test_main_attack_location_and_origin(founding, gold):
    g = next(e for e in gold["events"] if e["id"] == "attack")
    e = main_attack(founding, g)
    loc, want = e["location"], g["location"]
    assert loc["country"] == want["country"]
    assert km(loc["lat"], loc["lon"], want["lat"], want["lon"]) <= want["tolerance_km"], loc
    origin, want = e["origin"], g["origin"]
    assert origin and km(origin["lat"], origin["lon"], want["lat"], want["lon"]) <= want["tolerance_km"], origin


def test_main_attack_figures(founding, gold):
    g = next(e for e in gold["events"] if e["id"] == "attack")
    e = main_attack(founding, g)
    for want in g["figures"]:
        hits = [f for f in e["figures"] if f["kind"] == want["kind"] and f["value"] == want["value"]]
        assert hits, f"missing figure {want}"
        if "qualifier" in want:
            assert any(f["qualifier"] == want["qualifier"] for f in hits), (want, hits)
        if "text" in want:
            assert any(want["text"] in f["text"] for f in hits)
    # 107 is a calibre, not a count
    assert not [f for f in e["figures"] if f["value"] == 107]


def test_figures_keep_their_sources(founding):
    e = main_attack(founding, None)
    claims = {c["id"]: c for c in founding["claims"]}
    sources = {f["value"]: f["source"] for f in e["figures"] if f["kind"] == "weapon_count"}
    assert sources[12] and sources[24] and sources[12] != sources[24]
    assert claims[sources[24]]["stance"] == "claim_responsibility"


def test_alleged_and_claimed_perpetrators(founding, gold):
    e = main_attack(founding, None)
    alleged = [a["name"] for a in e["actors"] if a["role"] == "alleged_perpetrator"]
    claimed = [a["name"] for a in e["actors"] if a["role"] == "claimed_by"]
    g = next(x for x in gold["events"] if x["id"] == "attack")["alleged_perpetrators"]
    assert named(g[0]["actor"], alleged)  # PMF
    assert named(g[1]["actor"], alleged)  # Iran / Tehran
    assert named(g[2]["actor"], claimed)  # Saraya Awliya al-Dam


def test_accuse_and_consult_events(founding, gold):
    for g in (e for e in gold["events"] if e["type"] in ("ACCUSE", "CONSULT")):
        found = [e for e in founding["events"] if e["type"] == g["type"]
                 and named(g["actor"], [a["name"] for a in e["actors"] if a["role"] == "actor"])]
        assert found, f"no {g['type']} event by {g['actor']}"
        if "recipient" in g:
            assert any(named(g["recipient"], [a["name"] for a in e["actors"] if a["role"] == "recipient"])
                       for e in found), g["id"]
        assert any(e["date"]["value"] == g["date"] for e in found), (g["id"], [e["date"] for e in found])


def test_background_killings_keep_their_own_dates(founding, gold):
    for g in (e for e in gold["events"] if not e["main"]):
        found = [e for e in founding["events"] if e["type"] == g["type"] and not e["main"]
                 and named(g["target"], [a["name"] for a in e["actors"]] + [x["sentence"] for x in e["evidence"]])]
        assert found, g["id"]
        assert found[0]["date"]["value"] == g["date"], (g["id"], found[0]["date"])
        assert found[0]["date"]["precision"] == g["date_precision"], (g["id"], found[0]["date"])


def test_must_not(founding):
    e = main_attack(founding, None)
    assert e["date"]["value"] < "2021-02-16"
    assert e["location"]["name"] not in ("Tehran", "Washington", "Kirkuk", "Kirkūk")
    assert not [p for p in founding["places"] if p["text"] == "Peshmerga"]
    for p in founding["places"]:
        if p["text"] == "Washington":
            assert km(p["lat"], p["lon"], 38.9, -77.04) < 25
    denials = [c for c in founding["claims"] if c["speaker"] and c["speaker"]["name"] == "Saeed Khatibzadeh"]
    assert denials and all(c["stance"] != "accuse" for c in denials)


def test_every_contract_key_present(founding):
    assert set(founding) >= {"article", "events", "claims", "places", "times"}
    for e in founding["events"]:
        assert set(e) >= {"id", "type", "mode", "main", "date", "location", "actors", "weapons", "figures", "evidence"}
        for ev in e["evidence"]:
            assert ev["start"] < ev["end"]
    for c in founding["claims"]:
        assert set(c) >= {"id", "kind", "text", "speaker", "verb", "stance", "about", "accused", "date", "spans"}
    for t in founding["times"]:
        assert set(t) >= {"text", "start", "end", "type", "value", "precision", "modifier"}
