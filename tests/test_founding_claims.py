"""Issue 5's acceptance test: every claim in the founding article's gold file is found with
the right speaker, anonymity and stance (and, where gold says, quote, accused and date)."""
from __future__ import annotations

import pytest

from conftest import needs_shared

pytestmark = needs_shared


def low(x) -> str:
    return (x or "").lower()


def speaker_matches(want: dict, speaker: dict | None) -> bool:
    if speaker is None:
        return False
    if "text" in want:  # an anonymous source: the words that describe it
        return bool(speaker.get("text")) and (low(speaker["text"]) in low(want["text"])
                                              or low(want["text"]) in low(speaker["text"]))
    fields = [speaker.get("name"), speaker.get("affiliation"), speaker.get("text")]
    return any(low(n) == low(f) or (f and low(n) in low(f)) for n in want["name"] for f in fields if f)


def content_matches(want: dict, claim: dict) -> bool:
    if "quote" in want:
        return low(want["quote"]) in low(claim["text"])
    if "quote_starts" in want:
        return low(claim["text"]).lstrip("“\"‘ ").startswith(low(want["quote_starts"]))
    return True


def find(founding, want):
    hits = [c for c in founding["claims"] if speaker_matches(want["speaker"], c["speaker"])
            and content_matches(want, c)]
    if want["stance"] != "assert":  # several claims by one speaker: the one with the stance
        hits.sort(key=lambda c: c["stance"] != want["stance"])
    return hits


@pytest.fixture(scope="module")
def gold_claims(gold):
    return {c["id"]: c for c in gold["claims"]}


@pytest.mark.parametrize("claim_id", ["us-source", "krg-source", "slim", "khatibzadeh", "marotto",
                                      "claim-of-responsibility", "krg-statement", "blinken", "pentagon",
                                      "no-comment", "ap"])
def test_gold_claim(founding, gold_claims, claim_id):
    want = gold_claims[claim_id]
    hits = find(founding, want)
    assert hits, (claim_id, [(c["speaker"], c["text"][:50]) for c in founding["claims"]])
    c = hits[0]
    assert c["stance"] == want["stance"], (claim_id, c["stance"], c["text"][:80])
    assert bool(c["speaker"].get("anonymous")) == bool(want["speaker"].get("anonymous")), (claim_id, c["speaker"])
    if want["speaker"].get("affiliation"):
        assert any(low(a) in low(c["speaker"].get("affiliation")) or low(c["speaker"].get("affiliation")) in low(a)
                   for a in want["speaker"]["affiliation"] if c["speaker"].get("affiliation")), (claim_id, c["speaker"])
    if want["speaker"].get("title"):
        assert any(low(t) in low(c["speaker"].get("title")) for t in want["speaker"]["title"]), (claim_id, c["speaker"])
    if want["kind"] == "quote":
        assert c["kind"] == "quote", (claim_id, c["kind"])
    if want.get("accused"):
        assert any(low(a) in low(x) or low(x) in low(a) for a in want["accused"] for x in c["accused"]), (
            claim_id, c["accused"])
    if want.get("date"):
        assert c["date"] == want["date"], (claim_id, c["date"])
