"""Small readings of spaCy's dependency parse that more than one stage needs."""
from __future__ import annotations


def participle_head(tok):
    """"saying its fighters had not fired … and blaming the army": a participle that the parser
    coordinated with a finite verb belongs with the participle above it, whose subject it shares."""
    if tok.tag_ != "VBG" or tok.dep_ != "conj" or tok.head.tag_ == "VBG":
        return tok
    return next((a for a in tok.ancestors if a.tag_ == "VBG"), tok)
