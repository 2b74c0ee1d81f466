"""Figures: how many were killed, injured, kidnapped..., and how many weapons were used.

A quantity is read from the tokens ("at least 156", "roughly a dozen", "dozens of",
"between 10 and 20", "nine", "more than 200") with its qualifier; what it counts
comes from the counted noun (rockets → weapon_count) or from the verb or noun
that governs it (killed, wounded, abducted, death toll...). Calibres and other
measures ("107 mm rockets") are not counts.
"""
from __future__ import annotations

import re
from typing import Optional

from ..models import Figure

SMALL = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
         "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
         "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
# Vague words and their lower bounds: "dozens of" is at least 24, "several" at least 3. They are
# never read as an exact count (qualifier "vague", value None).
PLURAL_VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "tens": 20, "several": 3}
QUALIFIERS = [
    (("at", "least"), "at least"), (("more", "than"), "at least"), (("over",), "at least"),
    (("no", "fewer", "than"), "at least"), (("at", "most"), "at most"), (("up", "to"), "at most"),
    (("fewer", "than"), "at most"), (("less", "than"), "at most"), (("as", "many", "as"), "at most"),
    (("nearly",), "approximately"), (("almost",), "approximately"), (("roughly",), "approximately"),
    (("about",), "approximately"), (("around",), "approximately"), (("approximately",), "approximately"),
    (("some",), "approximately"), (("an", "estimated"), "approximately"), (("estimated",), "approximately"),
    (("close", "to"), "approximately"), (("upwards", "of"), "at least"), (("almost",), "approximately"),
]
UNITS = {"mm", "millimeter", "millimetre", "cm", "km", "kilometer", "kilometre", "mile", "meter",
         "metre", "kg", "kilogram", "ton", "tonne", "percent", "%", "dollar", "euro", "pound",
         "year", "month", "week", "day", "hour", "minute", "second", "time", "caliber", "calibre",
         "inch", "foot", "feet", "yard", "degree", "acre", "hectare", "point", "vote", "seat",
         "shilling", "dinar", "riyal", "rial", "rupee", "yuan", "yen", "ruble", "barrel", "square"}
WEAPON_NOUNS = {"rocket", "missile", "mortar", "shell", "bomb", "drone", "grenade", "projectile",
                "round", "artillery", "katyusha", "ied", "mine", "explosive", "car bomb", "missiles"}
# Verb or noun lemma → figure kind.
KIND_WORDS = {
    "killed": "kill murder slay execute massacre die dead death fatality toll kill behead assassinate "
              "life body corpse",
    "injured": "injure wound hurt maim injury wounded casualty hospitalize hospitalise",
    "missing": "missing disappear unaccounted",
    "kidnapped": "kidnap abduct hostage seize hijack captive",
    "arrested": "arrest detain jail imprison capture apprehend detention round",
    "displaced": "displace flee evacuate uproot refugee displaced homeless",
}
# First word of each qualifier → its (words, qualifier) entries, so a token is matched once.
QUALIFIERS_BY_FIRST: dict[str, list] = {}
for _words, _q in QUALIFIERS:
    QUALIFIERS_BY_FIRST.setdefault(_words[0], []).append((_words, _q))
KIND_OF = {w: kind for kind, words in KIND_WORDS.items() for w in words.split()}
PERSON_NOUNS = {"people", "person", "civilian", "soldier", "troop", "member", "contractor", "child",
                "woman", "man", "resident", "villager", "worker", "officer", "policeman", "militant",
                "fighter", "rebel", "protester", "demonstrator", "student", "american", "iraqi",
                "others", "other", "passenger", "pilgrim", "refugee", "migrant", "journalist",
                "guard", "insurgent", "marine", "personnel", "victim", "citizen", "national", "family",
                "staff", "employee", "farmer", "miner", "teacher", "doctor", "nurse", "patient",
                "prisoner", "detainee", "hostage", "suspect", "official", "policemen", "servicemen",
                "serviceman", "servicemember", "security", "gunman", "attacker", "bystander"}


def _value(low: str) -> Optional[int]:
    """Integer value of one lower-cased token: digits ("1,200", "24"), words ("nine"), or None."""
    text = low.replace(",", "")
    if text.isascii() and text.isdigit():
        return int(text)
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return int(float(text))
    if text in SMALL:
        return SMALL[text]
    if "-" in text:
        parts = text.split("-")
        if all(p in SMALL for p in parts):
            return sum(SMALL[p] for p in parts)
    return None


class Quantity:
    def __init__(self, start: int, end: int, value, lo, hi, qualifier: str):
        self.start, self.end = start, end  # token indices [start, end)
        self.value, self.min, self.max, self.qualifier = value, lo, hi, qualifier


def read_quantity(doc, i: int, lows: Optional[list[str]] = None) -> Optional[Quantity]:
    """A quantity starting at token i, with its qualifier, or None. `lows`: the Doc's
    lower-cased token texts, when the caller reads many positions of one Doc."""
    lows = lows if lows is not None else [t.lower_ for t in doc]
    n_tokens = len(lows)
    start = i
    qualifier = "exact"
    for words, q in QUALIFIERS_BY_FIRST.get(lows[i], ()):
        n = len(words)
        if i + n < n_tokens and tuple(lows[i:i + n]) == words:
            qualifier, i = q, i + n
            break
    if i >= n_tokens:
        return None
    low = lows[i]
    # "a dozen", "dozens of", "hundreds of"
    if low in ("a", "an") and i + 1 < n_tokens and lows[i + 1] in ("dozen", "hundred", "thousand", "score"):
        v = {"dozen": 12, "hundred": 100, "thousand": 1000, "score": 20}[lows[i + 1]]
        return Quantity(start, i + 2, v, v if qualifier in ("exact", "at least") else None,
                        v if qualifier in ("exact", "at most") else None, qualifier)
    if low == "dozen" or low in PLURAL_VAGUE:
        v = 12 if low == "dozen" else PLURAL_VAGUE[low]
        end = i + 1
        if end < n_tokens and lows[end] == "of":
            end += 1
        if low == "dozen":
            return Quantity(start, end, v, v, v, qualifier)
        return Quantity(start, end, None, v, None, "vague")
    value = _value(low)
    if value is None:
        return None
    end = i + 1
    # "1.2 million", "two hundred", "twenty five", "twenty-three" (but not "six 122 mm")
    while end < n_tokens:
        nxt = lows[end]
        if nxt in SCALES:
            value, end = value * SCALES[nxt], end + 1
        elif nxt == "-" and end + 1 < n_tokens and lows[end + 1] in SMALL and value % 10 == 0 and value >= 20:
            value, end = value + SMALL[lows[end + 1]], end + 2
        elif nxt in SMALL and SMALL[nxt] < 10 and lows[end - 1] in SMALL and value % 10 == 0 and value >= 20:
            value, end = value + SMALL[nxt], end + 1
        else:
            break
    # ranges: "10 to 20", "10-20", "between 10 and 20"
    if end + 1 < n_tokens and lows[end] in ("to", "-", "–", "or") and _value(lows[end + 1]) is not None:
        hi = _value(lows[end + 1])
        if hi and hi > value:
            return Quantity(start, end + 2, None, value, hi, "range")
    if start > 0 and lows[start - 1] == "between" and end + 1 < n_tokens and lows[end] == "and":
        hi = _value(lows[end + 1])
        if hi:
            return Quantity(start - 1, end + 2, None, value, hi, "range")
    lo = value if qualifier in ("exact", "at least") else None
    hi = value if qualifier in ("exact", "at most") else None
    return Quantity(start, end, value, lo, hi, qualifier)


def counted_noun(doc, q: Quantity):
    """The noun a quantity counts, skipping a measure such as '107 mm'; None if bare."""
    j = q.end
    while j < len(doc) and j < q.end + 6:
        tok = doc[j]
        if tok.like_num and j + 1 < len(doc) and doc[j + 1].lemma_.lower() in UNITS:
            j += 2  # a calibre or size, not a count
            continue
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound",) or tok.lower_ in PERSON_NOUNS:
            return tok
        if tok.pos_ in ("ADJ", "NOUN", "PROPN", "DET", "PUNCT") and tok.lower_ not in (",", "and", "."):
            j += 1
            continue
        return None
    return None


def kind_from_context(noun, qtok) -> Optional[str]:
    """The figure kind from the predicate governing the counted phrase."""
    node = noun if noun is not None else qtok
    # "nine people had been injured", "killed at least 156 people", "killing or wounding 50"
    for cand in [node, *list(node.ancestors)[:3]]:
        lemma = cand.lemma_.lower()
        low = cand.lower_
        if cand is not node or noun is None:
            if lemma in KIND_OF and cand.pos_ in ("VERB", "NOUN", "ADJ", "AUX"):
                return KIND_OF[lemma]
            if low in KIND_OF:
                return KIND_OF[low]
        # adjectival participles right after: "three people killed", "20 dead"
        for child in cand.children:
            if child.dep_ in ("acl", "amod", "relcl") and child.i > cand.i and child.lemma_.lower() in KIND_OF:
                return KIND_OF[child.lemma_.lower()]
            # "at least 40 people are dead": the copula's complement
            if child.dep_ == "acomp" and cand.lemma_ == "be" and child.lower_ in KIND_OF:
                return KIND_OF[child.lower_]
        if cand.pos_ == "VERB" and cand is not node and cand.lower_ != "including":
            break  # another predicate; "27 people, including 19 soldiers": the part counts as the whole
    # "the death toll rose to 200", "casualties reached 30"
    head = node.head
    if head.pos_ == "ADP" and head.head.pos_ == "VERB":
        for child in head.head.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in ("toll", "death", "casualty"):
                return "killed" if child.lemma_.lower() in ("toll", "death") else "injured"
            # "the number of people killed ... has risen to 19"
            if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in ("number", "tally", "figure", "count"):
                for t in child.subtree:
                    if t.lemma_.lower() in KIND_OF and t.pos_ in ("VERB", "ADJ", "NOUN"):
                        return KIND_OF[t.lemma_.lower()]
    return None


def find_figures(doc) -> list[Figure]:
    figures: list[Figure] = []
    lows = [t.lower_ for t in doc]
    i = 0
    while i < len(doc):
        q = read_quantity(doc, i, lows)
        if q is None:
            i += 1
            continue
        last = doc[q.end - 1]
        noun = counted_noun(doc, q)
        in_date = last.ent_type_ in ("DATE", "TIME") and (noun is None or noun.ent_type_ in ("DATE", "TIME"))
        if q.end < len(doc) and doc[q.end].lemma_.lower() in UNITS or last.ent_type_ in ("MONEY", "PERCENT", "ORDINAL") \
                or in_date or (q.start > 0 and doc[q.start - 1].text == "$"):
            i = q.end  # a measure, a sum, a date: not a count of people or weapons
            continue
        kind = None
        if noun is not None and noun.lemma_.lower() in UNITS:
            i = q.end
            continue
        if noun is not None and noun.lemma_.lower() in WEAPON_NOUNS:
            kind = "weapon_count"
        else:
            kind = kind_from_context(noun, last)
            if kind is None and noun is not None and noun.lemma_.lower() in KIND_OF:
                kind = KIND_OF[noun.lemma_.lower()]
        if kind:
            end_tok = noun if noun is not None and noun.i >= q.end else last
            span = doc[q.start:end_tok.i + 1]
            figures.append(Figure(kind=kind, value=q.value, min=q.min, max=q.max,
                                  qualifier=q.qualifier, text=span.text,
                                  start=span.start_char, end=span.end_char,
                                  scope=scope(doc, q, noun or last, lows), update=is_update(noun or last)))
        i = q.end
    return figures


# Words before a count that make it part of a larger one: "27 people, including 19 soldiers".
PART_OF = {"including", "include", "includes", "among"}
# A period in the count's clause makes it a total, not one event's toll: "since 2011", "so far
# this year", "in 18 months", "over the past decade" (but not "a year ago" or "last week").
PERIOD = re.compile(r"\bsince\b|\bso far\b|\bto date\b|\b(years|months|weeks|decades)\b(?! ago)|"
                    r"\b(this|last|past|previous|the) (year|decade)\b(?! ago)|^(in )?(19|20)\d\d$|"
                    r"\b(a|per|each|every) (year|month)\b(?! ago)", re.I)
TOTAL_WORDS = {"total", "overall", "altogether", "cumulative", "tally", "annual", "annually", "yearly"}
UPDATE_VERBS = {"rise", "climb", "increase", "reach", "jump", "mount", "grow", "soar", "hit", "revise"}


def _predicate(tok):
    """The verb whose clause holds a counted phrase (the phrase itself where none)."""
    node = tok
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node


def _clause_tokens(pred):
    """The predicate's own clause: its subtree without clauses of other predicates in it."""
    skip = set()
    for child in pred.children:
        if child.dep_ in ("ccomp", "relcl", "advcl", "conj", "parataxis") and child.pos_ in ("VERB", "AUX"):
            skip.update(t.i for t in child.subtree)
    return [t for t in pred.subtree if t.i not in skip]


def scope(doc, q: Quantity, counted, lows: list[str]) -> str:
    """Whose count this is: `subtotal` (a part named apart: "including 19 soldiers", "four police
    officers were among the dead", "12 of them"), `cumulative` (a period's or a war's total:
    "412 civilians last year", "more than 900 fighters in 18 months", "since 2011", "a total of"),
    else `event` (the toll of the event its clause reports)."""
    before = lows[max(0, q.start - 2):q.start]
    if before and (before[-1] in PART_OF or before[-2:] in (["among", "them"], ["of", "whom"])):
        return "subtotal"
    for anc in list(counted.ancestors)[:3]:
        if anc.dep_ == "prep" and anc.lower_ in ("including", "among"):
            return "subtotal"
    if q.end < len(lows) and lows[q.end] == "of" and q.end + 1 < len(lows) and lows[q.end + 1] in ("them", "those", "the", "whom"):
        return "subtotal"  # "four of the dead", "12 of them"
    pred = _predicate(counted)
    clause = _clause_tokens(pred)
    if pred.lemma_ == "be" and any(t.dep_ == "prep" and t.lower_ == "among" for t in pred.children):
        return "subtotal"
    if any(t.lower_ in TOTAL_WORDS for t in clause):
        return "cumulative"
    in_clause = {t.i for t in clause}
    if any(e.label_ == "DATE" and e.start in in_clause and PERIOD.search(e.text) for e in doc.ents):
        return "cumulative"
    if any(t.lower_ == "since" and t.dep_ in ("prep", "mark") for t in clause):
        return "cumulative"
    return "event"


def is_update(counted) -> bool:
    """"The death toll rose to 27", "has climbed to": a revised count."""
    pred = _predicate(counted)
    return pred.lemma_.lower() in UPDATE_VERBS and any(c.lower_ == "to" for c in pred.children)
