"""The PLOVER lexicon: which verbs and nouns signal which event type and mode.

Written from the PLOVER manual (v2.0 draft, `reference/plover/PLOVER_MANUAL.tex`):
each type's definition and its mode table. Keys are spaCy lemmas, lower case;
a key with a space is a verb + particle or preposition ("pull out", "call for").
A value is (TYPE, mode-or-None). The event stage looks up a trigger here first by
its phrase, then by its lemma; nouns are used for nominal events ("the attack",
"held talks") and for the object of a light verb ("launched an offensive").
"""
from __future__ import annotations

import typing

from ..models import EventType

EVENT_TYPES = typing.get_args(EventType)  # PLOVER's 16, as the contract (models.py) lists them

# Cooperative and conflictual halves: a promised cooperative act is AGREE, a
# promised hostile act is THREATEN (manual, "Auxiliary modes" and AGREE/THREATEN).
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID"}
HOSTILE = {"SANCTION", "COERCE", "ASSAULT", "PROTEST", "MOBILIZE", "RETREAT"}
# Physical acts on the ground: dated only by their own clause (a report's date is not theirs),
# and their mentions across sentences corefer when date and place agree.
PHYSICAL = {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE"}

_VERBS: dict[str, tuple[str, str | None]] = {}
_NOUNS: dict[str, tuple[str, str | None]] = {}


def _add(table: dict, etype: str, mode: str | None, words: str) -> None:
    for word in words.split(","):
        word = word.strip()
        if word:
            table[word] = (etype, mode)


# AGREE: agree to, promise, or offer future cooperative action; sign agreements.
_add(_VERBS, "AGREE", None, "agree, promise, pledge, vow, offer, accept, commit, consent, endorse, "
     "sign on, settle, guarantee, undertake, volunteer, reconcile, approve of")
_add(_NOUNS, "AGREE", None, "agreement, accord, deal, pact, treaty, ceasefire agreement, truce deal, "
     "promise, pledge, memorandum, peace deal")

# CONSULT: meetings, visits, talks, negotiations, phone calls, mediation.
_add(_VERBS, "CONSULT", None, "meet, consult, negotiate, discuss, confer, talk, mediate, convene")
_add(_VERBS, "CONSULT", "visit", "visit, travel to, arrive in, tour")
_add(_VERBS, "CONSULT", "host", "host, receive, welcome to")
_add(_VERBS, "CONSULT", "phone", "phone, call, telephone, speak with, reach out, speak to")
_add(_NOUNS, "CONSULT", None, "talk, meeting, negotiation, consultation, summit, mediation, dialogue, "
     "conference, discussion, round")
_add(_NOUNS, "CONSULT", "visit", "visit, trip, tour")
_add(_NOUNS, "CONSULT", "phone", "phone call, call, telephone call")

# SUPPORT: verbal support, praise, apology, diplomatic recognition, relations.
_add(_VERBS, "SUPPORT", None, "support, praise, welcome, commend, back, defend, endorse, apologize, "
     "apologise, recognize, recognise, congratulate, thank, applaud, hail, upgrade, restore, "
     "normalize, normalise, forgive, reaffirm, stand by, side with")
_add(_NOUNS, "SUPPORT", None, "support, praise, apology, recognition, friendship, solidarity, endorsement")

# CONCEDE: verbal or material concessions: ease restrictions, lift, yield to demands.
_add(_VERBS, "CONCEDE", None, "concede, ease, lift, relax, cancel, yield, give in, back down, "
     "call off, relent, compromise, drop, revoke, rescind, pardon, grant amnesty, loosen, "
     "capitulate, accede, overturn")
_add(_NOUNS, "CONCEDE", None, "concession, amnesty, pardon")

# COOPERATE: joint material action, sharing intelligence or expertise, exercises.
_add(_VERBS, "COOPERATE", None, "cooperate, collaborate, share, coordinate, partner, ally, "
     "team up, join forces, work with, exchange, integrate")
_add(_NOUNS, "COOPERATE", None, "cooperation, collaboration, exercise, war game, partnership, "
     "joint exercise, alliance, coordination")

# AID: material aid: economic, military, humanitarian, asylum.
_add(_VERBS, "AID", None, "aid, donate, deliver, supply, provide, send, fund, finance, grant, "
     "evacuate, rescue, shelter, assist, give, hand over, airlift, feed, treat, vaccinate, "
     "contribute, allocate, lend, loan, equip, train, arm")
_add(_NOUNS, "AID", None, "aid, assistance, donation, relief, asylum, loan, grant, humanitarian aid, "
     "food aid, military aid, evacuation, supply, shipment, funding")

# RETREAT: immediate material de-escalation: withdraw, release, disarm, resign, allow access.
_add(_VERBS, "RETREAT", "withdraw", "withdraw, retreat, pull out, pull back, evacuate from, leave, "
     "disengage, vacate")
_add(_VERBS, "RETREAT", "release", "release, free, hand back, repatriate, let go, exchange prisoners")
_add(_VERBS, "RETREAT", "disarm", "disarm, demobilize, demobilise, decommission, surrender, "
     "lay down, hand in, demilitarize")
_add(_VERBS, "RETREAT", "ceasefire", "cease fire, stand down")
_add(_VERBS, "RETREAT", "access", "open, reopen, allow, admit, let in")
_add(_VERBS, "RETREAT", "resign", "resign, step down, quit, abdicate")
_add(_NOUNS, "RETREAT", "withdraw", "withdrawal, pullout, retreat, pull-out")
_add(_NOUNS, "RETREAT", "release", "release")
_add(_NOUNS, "RETREAT", "disarm", "disarmament, surrender, demobilization")
_add(_NOUNS, "RETREAT", "ceasefire", "ceasefire, truce, cease-fire, armistice")
_add(_NOUNS, "RETREAT", "resign", "resignation")

# REQUEST: demands, appeals, calls for action.
_add(_VERBS, "REQUEST", None, "demand, request, urge, appeal, ask, call on, call for, press, insist, "
     "plead, petition, seek, order, summon, instruct, require, push for, lobby, pressure, "
     "pressurize, beg, exhort, implore")
_add(_NOUNS, "REQUEST", None, "demand, request, appeal, call, plea, petition, ultimatum, order")

# ACCUSE: disapprove, investigate, allege (includes PLOVER-1 DISAPPROVE and INVESTIGATE).
_add(_VERBS, "ACCUSE", "disapprove", "condemn, criticize, criticise, denounce, deplore, complain, "
     "censure, blast, slam, decry, rebuke, chastise, lambast, scold, "
     "reproach, regret, disapprove, object, lament, attack verbally, outrage")
_add(_VERBS, "ACCUSE", "allege", "accuse, blame, allege, charge, indict, sue, prosecute, "
     "attribute, implicate, hold responsible, arraign, impeach, incriminate")
_add(_VERBS, "ACCUSE", "investigate", "investigate, probe, inspect, examine, monitor, "
     "look into, audit, inquire, scrutinize, dispatch inspector")
_add(_NOUNS, "ACCUSE", "disapprove", "condemnation, criticism, complaint, protest note, rebuke, "
     "outrage, denunciation")
_add(_NOUNS, "ACCUSE", "allege", "accusation, allegation, charge, indictment, lawsuit, suit, blame")
_add(_NOUNS, "ACCUSE", "investigate", "investigation, inquiry, probe, inspection, audit, "
     "fact-finding mission, inquest")

# REJECT: refuse requests or proposals, deny, veto, fail to agree.
_add(_VERBS, "REJECT", None, "reject, refuse, decline, deny, veto, dismiss, rebuff, spurn, "
     "renege, oppose, snub, turn down, block, resist, defy, disregard, brush aside, rule out, "
     "repudiate, boycott talks")
_add(_NOUNS, "REJECT", None, "rejection, refusal, veto, denial")

# THREATEN: threats of future negative action; the mode is the content of the threat.
_add(_VERBS, "THREATEN", None, "threaten, warn, menace, intimidate, swear, caution")
_add(_NOUNS, "THREATEN", None, "threat, warning, ultimatum threat")

# PROTEST: demonstrations, riots, strikes, hunger strikes, boycotts, obstruction.
_add(_VERBS, "PROTEST", "demo", "protest, demonstrate, rally, march, picket, gather, converge, "
     "sit in, petition against")
_add(_VERBS, "PROTEST", "riot", "riot, rampage, loot")
_add(_VERBS, "PROTEST", "strike", "strike, walk out, shun work")
_add(_VERBS, "PROTEST", "boycott", "boycott")
_add(_VERBS, "PROTEST", "obstruct", "block, blockade, barricade, occupy")
_add(_VERBS, "PROTEST", "vandalize", "vandalize, vandalise, deface")
_add(_NOUNS, "PROTEST", "demo", "protest, demonstration, rally, march, sit-in, vigil, "
     "signature, petition, unrest")
_add(_NOUNS, "PROTEST", "riot", "riot, rioting, clash with police")
_add(_NOUNS, "PROTEST", "strike", "strike, walkout, general strike, stoppage")
_add(_NOUNS, "PROTEST", "hunger", "hunger strike")
_add(_NOUNS, "PROTEST", "boycott", "boycott")
_add(_NOUNS, "PROTEST", "obstruct", "blockade, roadblock, barricade")

# SANCTION: punitive non-military measures: sanctions, expulsion, suspension, convictions.
_add(_VERBS, "SANCTION", "discontinue", "sanction, suspend, sever, cut, halt, freeze, embargo, "
     "prohibit, end, terminate, stop, break off, downgrade, cut off, curtail, recall, withhold aid, "
     "impose sanction, shut down")
_add(_VERBS, "SANCTION", "expel", "expel, oust, eject, kick out, suspend from, bar")
_add(_VERBS, "SANCTION", "convict", "convict, sentence, fine, penalize, penalise")
_add(_NOUNS, "SANCTION", "discontinue", "sanction, embargo, suspension, freeze, ban on trade, "
     "boycott of")
_add(_NOUNS, "SANCTION", "expel", "expulsion")
_add(_NOUNS, "SANCTION", "convict", "conviction, sentence, fine, verdict")

# MOBILIZE: raise readiness: troops, weapons, police, militias; alerts, build-ups.
_add(_VERBS, "MOBILIZE", "troops", "mobilize, mobilise, deploy, reinforce, strengthen, mass, amass, "
     "station, recruit, train, muster, build up, beef up, put on alert, remain on alert, "
     "send troops")
_add(_VERBS, "MOBILIZE", "weapons", "prepare, test-fire, arm, stockpile, position")
_add(_NOUNS, "MOBILIZE", "troops", "mobilization, mobilisation, deployment, build-up, buildup, "
     "reinforcement, alert, state of alert, troop")
_add(_NOUNS, "MOBILIZE", "weapons", "missile test, weapons test, nuclear test")

# COERCE: non-lethal repression: arrest, raid, confiscate, ban, curfew, deport, censor, cyber.
_add(_VERBS, "COERCE", "arrest", "arrest, detain, imprison, jail, apprehend, capture, hold, "
     "round up, incarcerate, intern, lock up, take into custody, nab")
_add(_VERBS, "COERCE", "seize", "seize, confiscate, raid, search, impound, storm, commandeer, "
     "requisition, take over, expropriate, nationalize")
_add(_VERBS, "COERCE", "restrict", "prevent, restrict, ban, outlaw, forbid, disperse, cordon off, "
     "crack down, suppress, repress, stifle, bar, close, shut, dissolve")
_add(_VERBS, "COERCE", "censor", "censor, jam, gag, hack, deface, shut down website")
_add(_VERBS, "COERCE", "curfew", "impose curfew")
_add(_VERBS, "COERCE", "martial-law", "declare emergency, declare martial law")
_add(_VERBS, "COERCE", "deport", "deport, expel individuals, extradite, repatriate forcibly")
_add(_VERBS, "COERCE", "destroy", "set fire, burn, torch, demolish, bulldoze, raze")
_add(_VERBS, "COERCE", "withhold", "withhold, cut off supply")
_add(_NOUNS, "COERCE", "arrest", "arrest, detention, crackdown, imprisonment, custody")
_add(_NOUNS, "COERCE", "seize", "raid, seizure, confiscation, search")
_add(_NOUNS, "COERCE", "curfew", "curfew")
_add(_NOUNS, "COERCE", "martial-law", "martial law, state of emergency, state of siege, emergency rule")
_add(_NOUNS, "COERCE", "deport", "deportation, extradition")
_add(_NOUNS, "COERCE", "cyber", "cyber attack, cyberattack, hacking, hack")
_add(_NOUNS, "COERCE", "censor", "censorship")
_add(_NOUNS, "COERCE", "restrict", "ban, restriction, crackdown")

# ASSAULT: deliberate physical violence, by mode of weapon or method.
_add(_VERBS, "ASSAULT", None, "attack, assault, strike, hit, kill, wound, injure, fight, clash, "
     "ambush, invade, overrun, capture town, massacre, slaughter, murder, raid village, "
     "battle, besiege, storm, kill or wound, violate ceasefire, cleanse, penetrate")
_add(_VERBS, "ASSAULT", "heavy-weapons", "shell, bombard, pound, fire rocket, launch rocket, "
     "rocket, mortar")
_add(_VERBS, "ASSAULT", None, "fire")  # mode from the weapon fired
_add(_VERBS, "ASSAULT", "aerial", "bomb, airstrike, strafe")
_add(_VERBS, "ASSAULT", "explosives", "blow up, detonate, explode")
_add(_VERBS, "ASSAULT", "firearms", "shoot, gun down, open fire, snipe")
_add(_VERBS, "ASSAULT", "targeted", "assassinate, execute, behead, lynch, kill leader")
_add(_VERBS, "ASSAULT", "abduct", "abduct, kidnap, hijack, take hostage, seize hostage")
_add(_VERBS, "ASSAULT", "beat", "beat, beat up, punch, batter, club")
_add(_VERBS, "ASSAULT", "torture", "torture, mistreat, abuse")
_add(_VERBS, "ASSAULT", "sexual", "rape, sexually assault")
_add(_VERBS, "ASSAULT", "destroy", "destroy, sabotage")
_add(_NOUNS, "ASSAULT", None, "attack, assault, offensive, strike, clash, fighting, battle, "
     "ambush, raid, violence, killing, massacre, combat, hostility, incursion, invasion, "
     "shooting war, gunbattle, firefight, war, skirmish, cleansing, ethnic cleansing, "
     "onslaught, siege, counteroffensive, operation")
_add(_NOUNS, "ASSAULT", "heavy-weapons", "shelling, bombardment, rocket attack, rocket fire, "
     "artillery fire, mortar attack, mortar fire, artillery, rocket, barrage")
_add(_NOUNS, "ASSAULT", "aerial", "airstrike, air strike, air raid, bombing raid, air attack")
_add(_NOUNS, "ASSAULT", "drone", "drone strike, drone attack")
_add(_NOUNS, "ASSAULT", "explosives", "bombing, bomb attack, explosion, blast, car bomb, "
     "roadside bombing, ied attack")
_add(_NOUNS, "ASSAULT", "suicide-attack", "suicide bombing, suicide attack, suicide car bombing")
_add(_NOUNS, "ASSAULT", "firearms", "shooting, gunfire, gunbattle, gun battle, gunfight")
_add(_NOUNS, "ASSAULT", "targeted", "assassination, execution, assassination attempt, beheading")
_add(_NOUNS, "ASSAULT", "abduct", "abduction, kidnapping, hijacking, hostage-taking")
_add(_NOUNS, "ASSAULT", "torture", "torture")
_add(_NOUNS, "ASSAULT", "sexual", "rape, sexual violence")

VERBS = _VERBS
NOUNS = _NOUNS

# Verbs whose own meaning is thin: the event is their object noun
# ("launched an offensive", "held talks", "imposed sanctions", "staged a rally").
LIGHT_VERBS = {
    "launch", "carry", "stage", "hold", "conduct", "impose", "issue", "make", "mount",
    "begin", "start", "open", "lodge", "file", "reach", "sign", "undertake", "perpetrate",
    "announce", "declare", "institute", "call", "continue", "resume", "lead",
    "have", "take", "commit", "order", "organize", "organise", "initiate", "intensify",
    "step", "engage", "join", "complete", "attempt", "plan", "orchestrate", "claim", "collect",
}

# Verbs that embed another action as their content: the embedded verb is the
# content of the commitment, demand or threat, not an event of its own.
EMBEDDING_TYPES = {"AGREE", "THREATEN", "REQUEST", "REJECT"}

# Noun senses that are only events in a narrower reading.
AMBIGUOUS_NOUNS = {"call", "round", "order", "supply", "search", "release", "strike", "suit",
                   "charge", "fine", "sentence", "operation", "war", "exercise", "alert",
                   "hold", "signature", "troop", "artillery", "rocket"}

# People named by their weapon: they tell an attack's mode and are its attackers, never its weapons.
ARMED_PEOPLE = {"gunman", "gunmen", "bomber", "bombers", "suicide bomber", "suicide bombers", "sniper", "snipers",
                "shooter", "shooters"}

# Mode from the weapon named in an ASSAULT's sentence (manual's ASSAULT mode table).
WEAPON_MODES: dict[str, str] = {}
for _mode, _words in {
    "heavy-weapons": "rocket, missile, artillery, mortar, shell, howitzer, tank, katyusha, "
                     "rocket launcher, grad, cannon, gunship",
    "aerial": "aircraft, warplane, jet, fighter jet, helicopter, bomber, airstrike, air strike",
    "drone": "drone, uav, unmanned aerial vehicle",
    "explosives": "bomb, ied, explosive, mine, landmine, grenade, car bomb, explosive device, "
                  "roadside bomb",
    "firearms": "gun, rifle, pistol, machine gun, firearm, bullet, gunfire, gunman, sniper, "
                "kalashnikov, ak-47",
    "primitive": "machete, knife, axe, rock, stone, fire, arson, sword, spear, club",
    "unconventional": "chemical weapon, sarin, chlorine, nerve agent, biological weapon, "
                      "nuclear weapon, dirty bomb",
    "crowd-control": "tear gas, water cannon, rubber bullet, baton, stun grenade",
    "suicide-attack": "suicide bomber, suicide vest, suicide bombing",
}.items():
    for _w in _words.split(","):
        WEAPON_MODES[_w.strip()] = _mode


def lookup_verb(lemma: str, particle: str | None = None) -> tuple[str, str | None] | None:
    """(type, mode) for a verb, preferring its phrasal form ("pull out") if listed."""
    if particle:
        hit = VERBS.get(f"{lemma} {particle}")
        if hit:
            return hit
    return VERBS.get(lemma)


def lookup_noun(lemma: str, modifier: str | None = None) -> tuple[str, str | None] | None:
    """(type, mode) for a noun, preferring its compound form ("rocket attack")."""
    if modifier:
        hit = NOUNS.get(f"{modifier} {lemma}")
        if hit:
            return hit
    return NOUNS.get(lemma)
