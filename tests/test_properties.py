"""Property-based tests: whatever bytes or text arrive, the readers and the extractor answer
with an Article/Extraction or a one-line InputError naming the input — never a crash, never a
hang past the per-article budget."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sitrep
from sitrep.read import InputError, read

FRAGMENTS = [
    '"', "“", "”", "‘", "’", "'", "(", ")", "[", "]", "{", "}", "[/red]", "[bold]", "[link=x]", "<p>", "</p>",
    "<div><div><div><b>", "</b></div>", "<script>alert(1)</script>", "&amp;", "&#0;", "\u200b", "\u200f", "\u202e",
    "\u2028", "\u0085", "\ufeff", "\n", "\n\n", "\r\n", " ", "\t", "Gunmen killed 12 people", " in Kaduna",
    " on Monday", ", police said.", " rockets", "The army", " accused", " the rebels", " of shelling", " 24",
    " at least", "مرحبا", "Москва", "東京", "😀", "—", "...", "KABUL (AP) —", "BAGHDAD, Iraq —",
]
texts = st.one_of(
    st.text(max_size=1500),
    st.lists(st.sampled_from(FRAGMENTS), max_size=300).map("".join),
    st.tuples(st.sampled_from(FRAGMENTS), st.integers(1, 4000)).map(lambda t: t[0] * t[1]),  # huge lines
)
SUFFIXES = st.sampled_from([".txt", ".html", ".jsonl"])
BUDGET = 60.0  # seconds per article: a hang would show as a budget error, not a stuck test


def _check_error(error: InputError, where: str) -> None:
    text = str(error)
    assert "\n" not in text and where in text, text


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.binary(max_size=4000), suffix=SUFFIXES)
def test_readers_answer_any_bytes(tmp_path_factory, raw, suffix):
    path = tmp_path_factory.mktemp("bytes") / f"input{suffix}"
    path.write_bytes(raw)
    for item in read([path], published="2024-06-03"):
        if isinstance(item, InputError):
            _check_error(item, path.name)
        else:
            assert isinstance(item, sitrep.Article) and item.text.strip()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, suffix=SUFFIXES)
def test_readers_and_extractor_answer_any_text(tmp_path_factory, text, suffix):
    path = tmp_path_factory.mktemp("text") / f"input{suffix}"
    if suffix == ".jsonl":
        path.write_text(json.dumps({"text": text, "published": "2024-06-03"}) + "\n" + text + "\n", encoding="utf-8")
    else:
        path.write_text(text, encoding="utf-8")
    items = list(read([path], published="2024-06-03"))
    for item in items:
        if isinstance(item, InputError):
            _check_error(item, path.name)
    articles = [i for i in items if isinstance(i, sitrep.Article)]
    for x in sitrep.extract_articles(articles, budget=BUDGET):
        if isinstance(x, InputError):
            _check_error(x, path.name)
            assert "failed" not in str(x), str(x)  # a budget overrun is tolerable, a crash is not
        else:
            doc = x.to_dict()
            json.dumps(doc)
            for e in doc["events"]:
                assert 0 <= e["evidence"][0]["start"] < e["evidence"][0]["end"] <= len(x.article.text)
