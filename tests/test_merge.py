"""Cross-article merging keeps each source's figures and flags disagreement."""
from __future__ import annotations

from sitrep.merge import merge


def doc(aid, outlet, date, lat, lon, killed, speaker):
    return {"article": {"id": aid, "outlet": outlet},
            "claims": [{"id": f"{aid}-c1", "speaker": {"name": speaker}}],
            "events": [{"id": f"{aid}-e1", "type": "ASSAULT", "main": True,
                        "date": {"value": date}, "location": {"lat": lat, "lon": lon, "country": "SD", "basis": "clause"},
                        "figures": [{"kind": "killed", "value": killed, "min": killed, "max": killed,
                                     "qualifier": "exact", "text": str(killed), "source": f"{aid}-c1"}]}]}


def test_same_event_two_sources():
    found = merge([doc("a", "wire", "2024-03-10", 15.45, 36.40, 14, "health officials"),
                   doc("b", "daily", "2024-03", 15.50, 36.38, 19, "health ministry")])
    assert len(found) == 1
    (inc,) = found
    assert inc.date == "2024-03-10" and len(inc.events) == 2
    assert [f["source"] for f in inc.figures["killed"]] == ["health officials", "health ministry"]
    assert inc.disagreements == ["killed: 14 (health officials), 19 (health ministry)"]


def test_far_apart_or_other_day_are_different_incidents():
    found = merge([doc("a", "wire", "2024-03-10", 15.45, 36.40, 14, "x"),
                   doc("b", "wire", "2024-03-10", 12.0, 30.0, 3, "y"),
                   doc("c", "wire", "2024-03-12", 15.45, 36.40, 2, "z")])
    assert len(found) == 3 and not any(i.disagreements for i in found)
