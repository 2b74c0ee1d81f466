"""Claims: who said what, as a quote or a paraphrase, and with what stance.

A claim is anchored on a cue: a reporting verb ("said", "told", "denied",
"claimed responsibility", "attributed ... to"), "according to", or a refusal to
comment. Its source is the cue's subject (or the inverted subject in
"..., says Randa Slim"), its content the quoted text or the verb's clausal
complement. Speakers are split into name, title and affiliation; sources with no
name ("an American source", "officials", "analysts") are anonymous. "He added"
and "the spokesman said" refer back to the last named speaker.
Odd or unbalanced quote marks never raise: an unmatched mark is ignored.
"""
from __future__ import annotations

import re
from typing import Optional

from ..lexicon.speech import CUES, NEEDS_CONTENT
from ..models import Claim, ClaimSpans, Speaker
from .attribution import attributions
from .syntax import entities, entities_within, entity_at, participle_head

STANCE_OF_CUE = {"deny": "deny", "reject": "deny", "dismiss": "deny", "refute": "deny",
                 "accuse": "accuse", "blame": "accuse", "attribute": "accuse", "allege": "accuse",
                 "charge": "accuse", "condemn": "condemn", "denounce": "condemn", "criticize": "condemn",
                 "criticise": "condemn", "deplore": "condemn", "decry": "condemn"}
CONTENT_STANCE = [
    (re.compile(r"\b(deni(ed|es)|deny|rejects?|rejected|dismiss(ed)?|baseless|unfounded|rumou?rs?|no involvement|not involved)\b", re.I), "deny"),
    (re.compile(r"\b(outraged?|condemn(s|ed)?|denounc\w+|deplor\w+|cowardly|heinous|despicable|attack on)\b", re.I), "condemn"),
    (re.compile(r"\b(complicit|carried out|behind the|responsible for|authori[sz]ed by|orchestrated|perpetrated|attribut\w+ .* to"
                r"|without (?:the |prior |its )?(?:consultation|coordination|approval|authori[sz]ation|blessing|orders?|green light) (?:with|of|from))\b", re.I), "accuse"),
]
TITLES = {"spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "president", "fellow",
          "director", "commander", "general", "gen.", "col.", "colonel", "lt.", "maj.", "major",
          "captain", "capt.", "sgt.", "ambassador", "envoy", "chief", "head", "leader", "governor",
          "mayor", "senator", "sen.", "rep.", "representative", "official", "officer", "analyst",
          "adviser", "advisor", "prime", "deputy", "chairman", "chairwoman", "editor", "researcher",
          "professor", "prof.", "dr.", "army", "police", "king", "queen", "emir", "sheikh", "judge",
          "prosecutor", "attorney", "lawyer", "aide", "diplomat", "mp", "lawmaker", "correspondent",
          "senior", "foreign", "defense", "defence", "interior", "state", "press", "military", "then"}
TITLE_WORDS = {t.rstrip(".") for t in TITLES}
ANONYMOUS_HEADS = {"source", "sources", "official", "officials", "analyst", "analysts", "diplomat",
                   "diplomats", "expert", "experts", "observer", "observers", "people", "person",
                   "resident", "residents", "witness", "witnesses", "aide", "aides", "insider",
                   "insiders", "activist", "activists", "spokesman", "spokeswoman", "spokesperson",
                   "officer", "officers", "commander", "investigator", "investigators", "critic",
                   "critics", "report", "reports", "statement", "readout"}
SPOKESPEOPLE = ("spokesman", "spokeswoman", "spokesperson")
DOCUMENTS = {"statement", "readout", "release", "report", "transcript", "filing", "letter", "post", "tweet",
             "communique", "communiqué", "message", "video", "memo"}
PRONOUNS = {"he", "she", "they", "it", "i", "we"}
QUOTE_PAIRS = [("“", "”"), ("\"", "\""), ("«", "»"), ("‘", "’")]
NO_COMMENT = re.compile(
    r"\b(did not|didn't|declined to|refused to|could not be reached|not immediately)\b[^.]*?"
    r"\b(respond|comment|reply|return|answer|reached)", re.I)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of the text inside each pair of quote marks; odd marks are skipped."""
    spans: list[tuple[int, int]] = []
    for open_q, close_q in QUOTE_PAIRS[:3]:
        pos = 0
        while True:
            a = text.find(open_q, pos)
            if a < 0:
                break
            b = text.find(close_q, a + 1)
            if b < 0:
                break
            # straight quotes across a paragraph break are two quotes, not one
            if open_q == '"' and "\n\n" in text[a:b]:
                pos = a + 1
                continue
            if b - a > 1:
                spans.append((a + 1, b))
            pos = b + 1
    # ‘single curly quotes’: the closing mark is also the apostrophe, so it must not be followed by a letter
    for m in re.finditer(r"‘([^‘\n]{3,}?)’(?![A-Za-z])", text):
        if not any(a <= m.start(1) < b for a, b in spans):
            spans.append((m.start(1), m.end(1)))
    return sorted(spans)


def _np_span(tok):
    """The noun phrase of a token: its subtree minus relative clauses after it."""
    start, end = tok.left_edge.i, tok.i
    for child in tok.rights:
        if child.dep_ in ("relcl", "acl") and child.lemma_ not in ("familiar",):
            break
        if child.dep_ == "punct" and child.text in (",", "–", "—"):
            break
        end = child.right_edge.i
    return tok.doc[start:end + 1]


ORG_NOUNS = {"government", "ministry", "coalition", "military", "army", "police", "office", "department",
             "council", "group", "party", "agency", "administration", "company", "embassy", "committee",
             "command", "authority", "authorities", "force", "forces", "campaign", "team", "commission",
             "parliament", "congress", "senate", "court", "institute", "university", "newspaper", "network"}
TITLE_AFFILIATION = {"secretary of state": "State Department", "defense secretary": "Defense Department",
                     "secretary of defense": "Defense Department", "defence secretary": "Ministry of Defence",
                     "foreign minister": "Foreign Ministry", "defense minister": "Defense Ministry",
                     "interior minister": "Interior Ministry", "attorney general": "Justice Department"}


def _clean(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text.strip(" ,"), flags=re.I)


def _without_the(text: str) -> str:
    return re.sub(r"^the\s+", "", text, flags=re.I)


def _title_span(span, before: int):
    """The run of title words before a name: "Secretary of State", "Army Col.", "Foreign Ministry
    spokesman" (inner words such as "of", "Ministry" are kept when title words surround them)."""
    idx = [t.i for t in span if t.i < before and t.lower_.rstrip(".") in TITLE_WORDS]
    if not idx:
        return None
    start, end = idx[0], idx[-1]
    if end + 1 < before and span.doc[end + 1].text == ".":
        end += 1
    return span.doc[start:end + 1]


def _org_phrase(tok) -> Optional[str]:
    """An affiliation in a prepositional phrase: "source in the Kurdish government" → "Kurdish
    government", "spokesman for the U.S. coalition leading the war" → "U.S. coalition"."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "for", "from", "at", "with", "of")):
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        if pobj.ent_type_ in ("ORG", "GPE", "NORP", "FAC") or pobj.lemma_.lower() in ORG_NOUNS:
            words = [t for t in pobj.subtree if t.i <= pobj.i and t.dep_ != "det"]
            return _clean(tok.doc[words[0].i:pobj.i + 1].text) if words else None
    return None


def speaker_of(span) -> Speaker:
    """Split a source phrase into name, title and affiliation."""
    doc = span.doc
    inside = entities_within(doc, span.start, span.end)
    persons = [e for e in inside if e.label_ == "PERSON"]
    # "A little known militant group, Saraya Awliya al-Dam, claimed": the name is in apposition
    appos = [c for c in span.root.children if c.dep_ == "appos"]
    named = list(dict.fromkeys(e for e in (entity_at(doc, a.i) for a in appos)
                               if e is not None and e.label_ in ("ORG", "FAC", "PERSON")))
    orgs = [e for e in inside if e.label_ in ("ORG", "GPE", "NORP", "LOC", "FAC")]
    if named and not persons:
        if named[0].label_ == "PERSON":
            persons = named
        else:
            orgs = named + [o for o in orgs if o.label_ != "NORP"]
    name = persons[0].text if persons else None
    head = span.root
    title_span = _title_span(span, persons[0].start if persons else head.i + 1)
    title = title_span.text if title_span is not None else None
    if title_span is not None:  # "Army Col", "State": words of the title, not an organisation
        orgs = [o for o in orgs if not (o.start >= title_span.start and o.end <= title_span.end)]
    orgs.sort(key=lambda e: e.label_ == "NORP")  # a nationality is an affiliation, not a name
    if not name and head.lower_ in SPOKESPEOPLE:
        title = head.text
    affiliation = None
    if orgs:
        affiliation = orgs[0].text if not persons or orgs[0].start < persons[0].start or len(orgs) == 1 else orgs[-1].text
        affiliation = _clean(affiliation)
    anonymous = not persons and head.lower_ in ANONYMOUS_HEADS and not (head.pos_ == "PROPN")
    if not persons and not named:
        # "an American source" → American; "a source in the Kurdish government" → Kurdish government
        modifier = next((c for c in head.children if c.dep_ in ("amod", "compound") and (
            c.ent_type_ in ("NORP", "GPE", "ORG") or (c.is_title and c.pos_ in ("ADJ", "PROPN") and c.i > span.start))), None)
        phrase = _org_phrase(head)
        if modifier is not None and (anonymous or phrase is None):
            affiliation = modifier.text
        elif phrase:
            affiliation = phrase
    if persons:  # "Randa Slim, senior fellow at the Middle East Institute"
        root = persons[0].root
        for app in (c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"):
            words = [t for t in app.subtree if t.i <= app.i and t.dep_ != "det"]
            title = title or (doc[words[0].i:app.i + 1].text if words else app.text)
            affiliation = _org_phrase(app) or affiliation
    if not persons and not anonymous and orgs:
        # the organisation is the speaker when it is the whole source or named in apposition
        # ("a little known militant group, Saraya Awliya al-Dam, claimed …")
        name = _clean(orgs[0].text) if len(orgs[0]) >= len(span) - 1 or named else None
        if name:
            affiliation = None
    if not name and not anonymous and head.pos_ == "PROPN":
        name = _without_the(span.text)
    if name and title and name in title:
        title = None
    if title and not affiliation:
        affiliation = TITLE_AFFILIATION.get(title.lower())
    return Speaker(name=name, title=title, affiliation=affiliation, anonymous=anonymous, text=span.text)


def _subject(cue):
    cue = participle_head(cue)
    for child in cue.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    if cue.dep_ in ("conj", "advcl", "xcomp") and cue.head.pos_ in ("VERB", "AUX"):
        return _subject(cue.head)
    # "issued a statement saying": the one who issued it
    if cue.dep_ == "acl" and cue.head.lemma_.lower() in DOCUMENTS and cue.head.head.pos_ in ("VERB", "AUX"):
        return _subject(cue.head.head)
    # a parse that made the speaker the root ("A source … who … attributed the attack to …")
    root = cue.sent.root
    if root.pos_ in ("NOUN", "PROPN") and root.i < cue.i and cue.dep_ in ("acl", "relcl"):
        return root
    return None


def _content(cue, doc, qspans):
    """Clausal complement of the cue, or the quote next to it."""
    for child in cue.children:
        if child.dep_ in ("ccomp", "xcomp") and (child.i > cue.i or cue.lemma_ in ("say", "tell", "add")):
            return doc[child.left_edge.i:child.right_edge.i + 1]
    # "attributed the attack to X", "accused the RSF of firing the shells", "denied any involvement"
    if cue.lemma_ not in ("say", "tell", "add"):
        parts = [c for c in cue.rights if c.dep_ in ("dobj", "prep", "dative", "attr")]
        if parts:
            return doc[parts[0].left_edge.i:parts[-1].right_edge.i + 1]
    return None


def _inside(i: int, spans) -> Optional[tuple[int, int]]:
    for s, e in spans:
        if s <= i < e:
            return (s, e)
    return None


def find_claims(doc, figure_offsets: Optional[list[int]] = None) -> list[Claim]:
    """Every claim in `doc`. `figure_offsets` (where the figures start) keeps a reported figure
    inside the claim that reports it when the tagger's boundaries would cut it out."""
    text = doc.text
    qspans = quote_spans(text)
    claims: list[Claim] = []
    used_quotes: set[tuple[int, int]] = set()
    last_speaker: Optional[Speaker] = None
    known: list[Speaker] = []  # named speakers so far, for "Khatibzadeh said", "the spokesman said"
    for sent in doc.sents:
        sent_quotes = [q for q in qspans if sent.start_char <= q[0] - 1 and q[1] <= sent.end_char + 1
                       or (q[0] <= sent.start_char + 1 and sent.start_char < q[1])]
        cues = [t for t in sent if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in CUES
                and _inside(t.idx, qspans) is None]
        cues += [t for t in sent if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to"]
        for cue in cues:
            lemma = "according" if cue.lower_ == "according" else cue.lemma_.lower()
            if lemma == "according":
                pobj = next((c for c in doc[cue.i + 1].children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.lemma_.lower() in DOCUMENTS:  # "a statement from the Pentagon"
                    issuer = next((g for p in pobj.children if p.dep_ == "prep" and p.lower_ in ("from", "by", "of")
                                   for g in p.children if g.dep_ == "pobj"
                                   and (p.lower_ != "of" or g.ent_type_ in ("ORG", "PERSON", "FAC", "GPE"))), None)
                    pobj = issuer if issuer is not None else pobj
                src = _np_span(pobj) if pobj is not None else None
                content = None
                quote = sent_quotes[0] if sent_quotes else None
            else:
                subj = _subject(cue)
                if subj is None:  # "..., says Randa Slim, senior fellow"
                    subj = next((c for c in cue.children if c.dep_ in ("nsubj",) or (c.dep_ == "dobj" and c.i > cue.i and lemma == "say")), None)
                src = None
                if subj is not None and _nobody(subj):
                    continue  # "no group has claimed responsibility" is the absence of a claim
                if subj is not None:
                    src = doc[subj.left_edge.i:subj.right_edge.i + 1] if subj.ent_type_ == "PERSON" and subj.dep_ != "nsubj" else _np_span(subj)
                content = _content(cue, doc, qspans)
                if content is None and subj is not None and subj.i > cue.sent.start:
                    # "[what was said], an American source familiar with the assessments tells U.S. News."
                    comma = subj.left_edge.i - 1
                    if comma > cue.sent.start and doc[comma].text == ",":
                        content = doc[cue.sent.start:comma]
                quote = next((q for q in sent_quotes if q not in used_quotes), None)
            if src is None and quote is None and content is None:
                continue
            if lemma in NEEDS_CONTENT and content is None and quote is None:
                continue
            if content is None and quote is None and lemma in ("say", "tell"):
                continue
            is_no_comment = bool(NO_COMMENT.search(sent.text)) and lemma in ("respond", "comment", "reply", "decline", "refuse")
            if is_no_comment:
                quote = content = None  # a refusal says nothing; the quote nearby is someone else's
            if lemma in ("respond", "comment", "reply") and not is_no_comment:
                continue
            speaker = speaker_of(src) if src is not None else None
            if speaker and speaker.text and speaker.text.lower() in PRONOUNS and last_speaker:
                speaker = Speaker(last_speaker.name, last_speaker.title, last_speaker.affiliation,
                                  last_speaker.anonymous, speaker.text)
            speaker = _known(speaker, known)
            if speaker and speaker.name and " " in speaker.name:
                known.append(speaker)
            if speaker and (speaker.name or speaker.anonymous):
                last_speaker = speaker
            if quote is not None:
                used_quotes.add(quote)
                kind, body = "quote", text[quote[0]:quote[1]]
                content_span = [quote[0], quote[1]]
            elif content is not None:
                kind, body = "paraphrase", content.text
                content_span = [content.start_char, content.end_char]
            else:
                kind, body, content_span = "paraphrase", sent.text.strip(), [sent.start_char, sent.end_char]
            stance = _stance(lemma, cue, body, is_no_comment)
            cue_end = doc[cue.i + 1].idx + len(doc[cue.i + 1]) if lemma == "according" else cue.idx + len(cue)
            claims.append(Claim(
                id=f"c{len(claims) + 1}", kind=kind, text=body, speaker=speaker, verb=cue.text if lemma != "according" else "according to",
                stance=stance, about=None, accused=_accused(doc, content_span, stance, cue), date=None,
                spans=ClaimSpans(source=[src.start_char, src.end_char] if src is not None else None,
                                 cue=[cue.idx, cue_end], content=content_span)))
    # Quotes no cue claimed: a quote that goes on in the same paragraph after an attributed
    # one is the same speaker's; any other is still a claim, with speaker unknown.
    for q in qspans:
        if q in used_quotes or len(text[q[0]:q[1]].split()) < 4:
            continue
        body = text[q[0]:q[1]]
        before = [c for c in claims if c.kind == "quote" and c.spans.content and c.spans.content[1] < q[0]
                  and "\n" not in text[c.spans.content[1]:q[0]]]
        prior = max(before, key=lambda c: c.spans.content[1]) if before else None
        speaker = prior.speaker if prior else None
        claims.append(Claim(id=f"c{len(claims) + 1}", kind="quote", text=body, speaker=speaker,
                            verb=prior.verb if prior else None, stance=_stance("", None, body, False), about=None,
                            accused=[], date=prior.date if prior else None,
                            spans=ClaimSpans(source=prior.spans.source if prior else None,
                                             cue=prior.spans.cue if prior else None, content=[q[0], q[1]])))
    _merge_tagged(doc, text, claims, figure_offsets or [])
    claims.sort(key=lambda c: (c.spans.content or [0])[0])
    _name_the_spokesman(claims, text)
    for n, c in enumerate(claims, 1):
        c.id = f"c{n}"
    return claims


def _known(speaker: Optional[Speaker], known: list[Speaker]) -> Optional[Speaker]:
    """The full speaker a short mention refers back to: a surname ("Khatibzadeh said") or a
    title with "the" ("the spokesman said") names the latest speaker it fits."""
    if speaker is None or not known:
        return speaker
    words = (speaker.text or "").split()
    for prior in reversed(known):
        if "," in prior.name or " and " in prior.name or len(prior.name.split()) > 4:
            continue  # "U.S. Central Command and the KRG" is not a person with a surname
        surname = prior.name.split()[-1]
        if speaker.name and " " not in speaker.name and speaker.name == surname:
            return Speaker(prior.name, prior.title, prior.affiliation, False, speaker.text)
        if (not speaker.name and len(words) == 2 and words[0].lower() == "the" and prior.title
                and words[1].lower() in prior.title.lower()):
            return Speaker(prior.name, prior.title, prior.affiliation, False, speaker.text)
    return speaker


def _covers(a, b, share: float = 0.9) -> bool:
    """Whether span a takes in at least `share` of span b (so the figures b holds stay in it)."""
    if not a or not b or b[1] <= b[0]:
        return False
    inside = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inside >= share * (b[1] - b[0])


def _overlap(a, b) -> bool:
    return bool(a) and bool(b) and a[0] < b[1] and b[0] < a[1]


def _merge_tagged(doc, text: str, claims: list[Claim], figure_offsets: list[int]) -> None:
    """Bring in the attribution tagger: its spans follow PolNeAR's boundaries, so a claim the
    rules found takes the tagger's cue, source and content spans where they overlap; an
    attribution the rules missed becomes a claim of its own, its speaker read by `speaker_of`."""
    for att in attributions(doc, text):
        parts = sorted(att.content)
        rule = next((c for c in claims if _overlap(c.spans.cue, att.cue)), None) or next(
            (c for c in claims if any(_overlap(c.spans.content, p) for p in parts)), None)
        if rule is not None:
            if att.cue:
                rule.spans.cue = list(att.cue)
            if att.source and (rule.spans.source is None or _overlap(att.source, rule.spans.source)):
                rule.spans.source = list(att.source)
            held = [f for f in figure_offsets if rule.spans.content and rule.spans.content[0] <= f < rule.spans.content[1]]
            main = next((p for p in parts if _covers(p, rule.spans.content) or (
                _overlap(p, rule.spans.content) and all(p[0] <= f < p[1] for f in held))), None)
            if main is not None:  # the tagger's boundaries, where it agrees with the rules on the content
                rule.spans.content = list(main)
                rule.spans.content_parts = [list(p) for p in parts] if len(parts) > 1 else None
            continue
        if not parts:
            continue  # a cue with nothing said is not a claim
        body = " … ".join(text[a:b] for a, b in parts)
        cue_tok = _token_at(doc, att.cue[0]) if att.cue else None
        lemma = cue_tok.lemma_.lower() if cue_tok is not None else ""
        src = doc.char_span(att.source[0], att.source[1], alignment_mode="expand") if att.source else None
        if src is not None and len(src) and _nobody(src.root):
            continue
        speaker = speaker_of(src) if src is not None and len(src) else None
        stance = _stance(lemma, cue_tok, body, False)
        quoted = text[max(0, parts[0][0] - 1):parts[0][0] + 1].strip()[:1] in ("“", '"', "‘")
        claims.append(Claim(
            id="", kind="quote" if quoted else "paraphrase", text=body.strip("“”\" "), speaker=speaker,
            verb=text[att.cue[0]:att.cue[1]] if att.cue else None, stance=stance, about=None,
            accused=_accused(doc, list(parts[0]), stance, cue_tok), date=None,
            spans=ClaimSpans(source=list(att.source) if att.source else None,
                             cue=list(att.cue) if att.cue else None, content=list(parts[0]),
                             content_parts=[list(p) for p in parts] if len(parts) > 1 else None)))


def _nobody(tok) -> bool:
    """"No group", "none of the factions": a source that says nobody made the claim."""
    return tok.lower_ in ("none", "nobody", "noone") or any(
        c.dep_ == "det" and c.lower_ in ("no", "neither") for c in tok.children)


def _token_at(doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _at(claim: Claim) -> int:
    """Where a claim is said: its cue, else its content."""
    return (claim.spans.cue or claim.spans.content or [0])[0]


def _name_the_spokesman(claims: list[Claim], text: str) -> None:
    """"A spokesman for the U.S. coalition ... said ... Army Col. Wayne Marotto said": a named
    speaker right after an unnamed spokesman of the same paragraph is that spokesman, so he
    takes the affiliation the text gave the spokesman."""
    previous = None
    for c in sorted(claims, key=_at):
        sp = c.speaker
        if sp and sp.name and not sp.affiliation and previous is not None:
            prev_sp, prev_at = previous
            here = _at(c)
            if "\n" not in text[prev_at:here] and here - prev_at < 400:
                c.speaker = Speaker(sp.name, sp.title or prev_sp.title, prev_sp.affiliation, False, sp.text)
        if sp and sp.anonymous and sp.affiliation and (sp.title or "").lower() in SPOKESPEOPLE:
            previous = (sp, _at(c))
        elif sp and sp.name:
            previous = None


def _stance(lemma: str, cue, body: str, no_comment: bool) -> str:
    if no_comment:
        return "no_comment"
    if cue is not None:
        objs = {c.lemma_.lower() for c in cue.children if c.dep_ in ("dobj", "attr")}
        if lemma == "claim" and "responsibility" in objs:
            return "claim_responsibility"
        if cue.dep_ in ("advcl", "conj") and cue.head.lemma_ == "claim" and any(
                c.lemma_ == "responsibility" for c in cue.head.children):
            return "claim_responsibility"
        if lemma in STANCE_OF_CUE:
            return STANCE_OF_CUE[lemma]
    for pattern, stance in CONTENT_STANCE:
        if pattern.search(body):
            return stance
    return "assert"


def _accused(doc, content_span, stance: str, cue) -> list[str]:
    """Who a claim accuses: named agents in its content (subjects, "by X", "attributed to X")."""
    if stance != "accuse":
        return []
    start, end = content_span
    window = [e for e in entities(doc) if e.label_ in ("ORG", "GPE", "NORP", "PERSON") and start <= e.start_char and e.end_char <= end]
    if cue is not None and cue.lemma_.lower() in ("attribute", "blame"):
        window += [e for e in entities_within(doc, cue.sent.start, cue.sent.end)
                   if e.label_ in ("ORG", "GPE", "NORP") and e.start_char > cue.idx]
    found: list[str] = []
    if cue is not None and cue.lemma_.lower() in ("accuse", "blame", "charge", "fault"):
        # "accused the Rapid Support Forces of shelling": the object is the accused
        for obj in (c for c in cue.children if c.dep_ == "dobj"):
            ent = entity_at(doc, obj.i)
            ent = ent if ent is not None and ent.label_ in ("ORG", "GPE", "PERSON", "NORP") else None
            if ent is not None:
                found.append(_without_the(ent.text))
        if found:
            return found
    if cue is not None and cue.lemma_.lower() in ("attribute", "blame"):
        # "attributed the attack to 'an outlawed group ... of PMF'": whoever the "to" phrase names
        to = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ in ("to", "on")), None)
        end_to = to.right_edge.idx + len(to.right_edge) if to is not None else cue.sent.end_char
        for ent in window:
            if ent.label_ in ("ORG", "GPE", "PERSON") and (to is None or ent.start_char >= to.idx) \
                    and ent.end_char <= max(end_to, end):
                name = _without_the(ent.text)
                if name not in found:
                    found.append(name)
        if found:
            return found
    for ent in window:
        root = ent.root
        agent = root.dep_ in ("nsubj", "nsubjpass") or (
            root.dep_ == "pobj" and root.head.lower_ in ("by", "to", "as")) or (
            root.dep_ == "pobj" and root.head.lower_ in ("with", "from", "of") and root.head.head.lemma_.lower() in
            ("consultation", "coordination", "approval", "authorization", "authorisation", "blessing", "order")) or (
            root.dep_ in ("conj", "appos") and root.head.ent_type_ in ("ORG", "GPE", "NORP", "PERSON"))
        name = _without_the(ent.text)
        if agent and name not in found and ent.label_ != "NORP":
            found.append(name)
    return found
