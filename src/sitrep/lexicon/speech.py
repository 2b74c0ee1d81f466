"""Speech verbs: the one list that both the claims stage and the events stage read.

`REPORTING_VERBS` only report ("said", "told", "according to"): a sentence built on one of them
is a report of something, not an event of its own. `STANCE_VERBS` report and take a stance
(deny, accuse, condemn…): they open a claim and may be a speech-act event. `CUES` is every verb
that can open a claim; `NEEDS_CONTENT` are the cues that are only a claim when they govern a
reported content ("believe that …", "called for …").
"""
from __future__ import annotations

REPORTING_VERBS = {
    "say", "tell", "report", "announce", "state", "add", "note", "confirm", "claim", "write", "quote",
    "explain", "declare", "insist", "indicate", "believe", "think", "reveal", "disclose", "suggest",
    "argue", "acknowledge", "admit", "assert", "according", "stress", "emphasize", "point", "describe",
    "estimate", "predict", "repeat", "reiterate", "tweet", "post", "respond", "reply", "comment",
    "mention", "contend",
}
STANCE_VERBS = {
    "deny", "reject", "accuse", "blame", "attribute", "allege", "charge", "condemn", "denounce",
    "criticize", "criticise", "warn", "threaten", "promise", "pledge", "vow", "decline", "refuse",
    "urge", "call", "agree", "demand", "ask",
}
# "recall" opens a claim ("he recalled that…") but also recalls ambassadors (SANCTION): a cue, not a
# reporting verb. "think", "according", "point", "emphasize" report but are handled elsewhere in claims.
CUES = (REPORTING_VERBS - {"think", "according", "point", "emphasize"}) | STANCE_VERBS | {"recall"}
NEEDS_CONTENT = {"believe", "suggest", "indicate", "describe", "call", "ask", "urge", "agree",
                 "demand", "promise", "refuse", "decline", "note", "reveal", "post", "respond",
                 "comment", "mention", "recall", "repeat", "estimate", "threaten", "pledge", "vow",
                 "write", "claim", "report", "add", "announce", "confirm", "reply"}
