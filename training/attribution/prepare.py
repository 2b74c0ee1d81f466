"""Turn PolNeAR into spaCy training files: each article a Doc whose entities are its
Source, Cue and Content spans (PolNeAR is a tag sequence, so they never overlap).

    python training/attribution/prepare.py [../shared/corpora/polnear] [build/attribution]

Writes train.spacy and dev.spacy under the output folder (ignored by git: the corpus
is read from ../shared, never copied into the repository).
"""
from __future__ import annotations

import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.util import filter_spans

sys.path.insert(0, str(Path(__file__).parent))
from polnear import articles  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def convert(folder: Path, out: Path, nlp) -> tuple[int, int]:
    db, kept, lost = DocBin(), 0, 0
    for _, text, spans in articles(folder):
        doc = nlp.make_doc(text)
        ents = []
        for start, end, label in spans:
            span = doc.char_span(start, end, label=label.upper(), alignment_mode="expand")
            if span is None:
                lost += 1
                continue
            ents.append(span)
        doc.ents = filter_spans(ents)
        kept += len(doc.ents)
        lost += len(ents) - len(doc.ents)
        db.add(doc)
    db.to_disk(out)
    return kept, lost


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpora" / "polnear"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "build" / "attribution"
    out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("en")
    for split in ("train", "dev"):
        kept, lost = convert(corpus / split, out / f"{split}.spacy", nlp)
        print(f"{split}: {kept} spans, {lost} lost to token alignment or overlap")
    return 0


if __name__ == "__main__":
    sys.exit(main())
