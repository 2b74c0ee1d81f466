"""Merging reports across articles: when two records are one incident, and what it keeps."""
from __future__ import annotations

from sitrep.lexicon.outlets import outlet_name
from sitrep.merge import merge
from sitrep.models import (Actor, Article, Claim, ClaimSpans, Event, EventDate, Extraction, Figure, Location,
                           Speaker)

IRBIL = dict(name="Erbil", geonames_id=95446, lat=36.19, lon=44.01, country="IQ", admin1="Arbil")
AIRPORT = dict(name="Erbil International Airport", geonames_id=1, lat=36.24, lon=43.96, country="IQ", admin1="Arbil")
MOSUL = dict(name="Mosul", geonames_id=99072, lat=36.34, lon=43.13, country="IQ", admin1="Nineveh")  # ~80 km away
IRAQ = dict(name="Iraq", geonames_id=99237, lat=33.0, lon=44.0, country="IQ", admin1=None)


def report(n, *, outlet="Reuters", url=None, published="2021-02-16T09:00:00+00:00", date="2021-02-15",
           place=IRBIL, feature="city", type="ASSAULT", mode="heavy-weapons", killed=None, killed_q="exact",
           source=None, actors=(), denied_by=None, update=False, text=None):
    """An article with one main event record, as the extractors would give it."""
    text = text or f"Report {n}: rockets struck the city."
    art = Article(text=text, outlet=outlet, url=url, published=published[:10], published_at=published)
    eid = f"{art.id}-e1"
    claims, figures = [], []
    if source:
        claims.append(Claim(id=f"{art.id}-c1", kind="paraphrase", text="...", speaker=Speaker(**source), verb="said",
                            stance="assert", about=eid, accused=[], date=None, spans=ClaimSpans(None, None, None)))
    if killed is not None:
        figures.append(Figure(kind="killed", value=killed, min=killed, max=None, qualifier=killed_q, text=str(killed),
                              start=0, end=1, source=claims[0].id if claims else None, update=update))
    if denied_by:
        claims.append(Claim(id=f"{art.id}-c2", kind="paraphrase", text="...", verb="denied", stance="deny", about=eid,
                            speaker=Speaker(name=denied_by, title=None, affiliation=None, anonymous=False,
                                            text=denied_by), accused=[], date=None, spans=ClaimSpans(None, None, None)))
    precision = "day" if date and len(date) == 10 else ("month" if date else None)
    event = Event(id=eid, type=type, mode=mode, main=True, trigger="struck",
                  date=EventDate(date, precision, "Monday" if date else None),
                  location=Location(**place, text=place["name"], basis="clause", feature=feature) if place else None,
                  actors=[Actor(role=r, name=name, kind=None, country=None) for r, name in actors], figures=figures)
    return Extraction(article=art, events=[event], claims=claims, places=[], times=[])


def test_three_outlets_one_attack_with_rising_toll_and_a_same_time_disagreement():
    found = merge([
        report(1, published="2021-02-15T22:00:00+00:00", killed=1,
               source=dict(name=None, title="spokesman", affiliation="U.S. coalition", anonymous=True, text="a spokesman")),
        report(2, outlet=None, url="https://www.apnews.com/article/x", place=AIRPORT, killed=2,
               published="2021-02-16T09:00:00+00:00",
               source=dict(name="Saman Barzinji", title="health minister", affiliation="Kurdistan Regional Government",
                           anonymous=False, text="Saman Barzinji")),
        report(3, outlet="Rudaw", published="2021-02-16T10:00:00+00:00", killed=5,
               source=dict(name=None, title=None, affiliation=None, anonymous=False, text="he")),
    ])
    assert len(found) == 1
    (inc,) = found
    assert inc.outlets == ["Reuters", "Associated Press", "Rudaw"]
    assert inc.reports[1].joined_by[:2] == ["type: assault", "date: 2021-02-15"]
    assert any(r.startswith("place: ") for r in inc.reports[1].joined_by)
    killed = [f for f in inc.figures if f.kind == "killed"]
    assert [f.value for f in killed] == [5, 2, 1]  # latest first; the history is kept
    assert [f.current for f in killed] == [True, True, False]
    assert killed[1].source == "Saman Barzinji (health minister, Kurdistan Regional Government)"
    assert killed[2].source == "anonymous spokesman of U.S. coalition"
    assert killed[0].source == "Rudaw"  # a pronoun never names a source
    (toll,) = [d for d in inc.disagreements if d.kind == "killed"]  # 2 vs 5 within the hour; 1 the night before is an update
    assert [a.value for a in toll.accounts] == ["5", "2"]
    assert inc.killed == 5


def test_compatible_figures_are_no_disagreement():
    found = merge([report(1, killed=10, killed_q="at least"), report(2, outlet="BBC", killed=12)])
    assert len(found) == 1 and found[0].disagreements == []
    facts = {f.fact: f for f in found[0].corroboration}
    assert facts["killed = 12"].outlets == 2


def test_perpetrator_claimed_accused_and_denied():
    found = merge([
        report(1, actors=[("claimed_by", "Saraya Awliya al-Dam")]),
        report(2, outlet="BBC", actors=[("alleged_perpetrator", "Kataib Hezbollah")], denied_by="Kataib Hezbollah"),
    ])
    (inc,) = found
    (who,) = [d for d in inc.disagreements if d.kind == "perpetrator"]
    assert [a.value for a in who.accounts] == ["claimed: Saraya Awliya al-Dam", "accused: Kataib Hezbollah",
                                               "denied: Kataib Hezbollah"]


def test_acronym_is_the_same_group():
    found = merge([report(1, actors=[("alleged_perpetrator", "Popular Mobilization Forces")]),
                   report(2, outlet="BBC", actors=[("alleged_perpetrator", "PMF")])])
    assert not [d for d in found[0].disagreements if d.kind == "perpetrator"]


def test_near_misses_stay_apart():
    base = report(1)
    week_later = report(2, outlet="BBC", date="2021-02-22", published="2021-02-22T12:00:00+00:00")
    far_same_day = report(3, outlet="AFP", place=MOSUL)
    other_type = report(4, outlet="AP", type="PROTEST", mode=None)
    found = merge([base, week_later, far_same_day, other_type])
    assert len(found) == 4


def test_country_level_is_no_agreement_by_itself():
    found = merge([report(1), report(2, outlet="BBC", place=IRAQ, feature="country")])
    assert len(found) == 2
    # …but the same day and a named participant in common is
    found = merge([report(1, actors=[("claimed_by", "Saraya Awliya al-Dam")]),
                   report(2, outlet="BBC", place=IRAQ, feature="country", actors=[("claimed_by", "Saraya Awliya al-Dam")])])
    assert len(found) == 1
    assert found[0].reports[1].joined_by[-1] == "participants: Saraya Awliya al-Dam"
    assert found[0].location.name == "Erbil"  # the precise place wins


def test_undated_report_joins_only_when_published_within_days():
    dated = report(1)
    soon = report(2, outlet="BBC", date=None, published="2021-02-17T08:00:00+00:00")
    late = report(3, outlet="AFP", date=None, published="2021-03-01T08:00:00+00:00")
    found = merge([dated, soon, late])
    assert sorted(len(i.reports) for i in found) == [1, 2]


def test_month_date_that_cannot_hold_the_day_is_another_event():
    found = merge([report(1), report(2, outlet="BBC", date="2020-01")])
    assert len(found) == 2


def test_bridging_report_merges_two_incidents_and_the_oldest_id_survives():
    # a country-level report and a precise one do not merge by themselves…
    a = report(1, place=IRAQ, feature="country", actors=[("target", "Erbil Airport")], date="2021-02-15")
    b = report(2, outlet="BBC", actors=[("claimed_by", "Saraya Awliya al-Dam")])
    separate = merge([a, b])
    assert len(separate) == 2
    # …until a third names both the airport and the claim, at the precise place
    c = report(3, outlet="AFP", actors=[("target", "Erbil Airport"), ("claimed_by", "Saraya Awliya al-Dam")])
    (inc,) = merge([a, b, c])
    assert inc.id == separate[0].id and inc.merged_from == [separate[1].id]
    assert len(inc.reports) == 3 and inc.reports[2].joined_by[-1] == f"bridges: {separate[1].id}"


def test_statements_merge_only_with_the_same_speaker_and_subject():
    kw = dict(type="ACCUSE", mode="disapprove", place=None)
    found = merge([report(1, actors=[("actor", "Antony Blinken"), ("recipient", "Iran")], **kw),
                   report(2, outlet="BBC", actors=[("actor", "Blinken"), ("recipient", "Iran")], **kw),  # his surname
                   report(3, outlet="AFP", actors=[("actor", "Antony Blinken"), ("recipient", "Iran")], **kw),
                   report(4, outlet="AP", actors=[("actor", "Antony Blinken"), ("recipient", "Russia")], **kw),
                   report(5, outlet="DW", actors=[("actor", "Lavrov"), ("recipient", "Iran")], **kw)])
    assert sorted(len(i.reports) for i in found) == [1, 1, 3]


def test_parties_under_other_names():
    from sitrep.merge.match import same_party

    assert same_party("Taliban fighters", "the Taliban") and same_party("PMF", "Popular Mobilization Forces")
    assert same_party("Jobs", "Steve Jobs") and not same_party("Iran", "Iraq")
    assert not same_party("Islamic State", "Islamic Jihad")


def test_same_toll_and_day_join_a_country_level_report():
    found = merge([report(1, killed=23), report(2, outlet="BBC", place=IRAQ, feature="country", killed=23)])
    assert len(found) == 1 and found[0].reports[1].joined_by[-1] == "toll: killed 23"
    # a single death is too common to tell events apart
    assert len(merge([report(1, killed=1), report(2, outlet="BBC", place=IRAQ, feature="country", killed=1)])) == 2


def test_daily_attacks_on_one_town_do_not_creep_into_one_incident():
    """Shelled again every day: a day joins the incident's own day (±1), not its latest report's."""
    chain = [report(i, outlet=f"O{i}", date=f"2021-02-{d:02d}", published=f"2021-02-{d:02d}T12:00:00+00:00")
             for i, d in enumerate(range(1, 18))]
    found = merge(chain)
    assert len(found) >= 8
    assert all(int(i.last_date[-2:]) - int(i.first_date[-2:]) <= 1 for i in found)


def test_outlet_names():
    assert outlet_name(None, "https://www.reuters.com/world/x") == "Reuters"
    assert outlet_name(None, "https://news.bbc.co.uk/2/hi") == "BBC"
    assert outlet_name(None, "https://www.smalltown-news.example/a") == "smalltown-news.example"
    assert outlet_name("Kurdistan 24", "https://www.reuters.com/") == "Kurdistan 24"
    assert outlet_name(None, "not a url") is None and outlet_name(None, None) is None


def test_the_index_finds_what_a_scan_of_every_incident_finds():
    """Candidates come from (family, day, cell) keys; scanning every incident instead must give
    the same incidents, for reports near each other in every way (places, days, parties, tolls)."""
    import random

    from sitrep.merge import MemoryRepository, absorb, reports_of

    class Scan(MemoryRepository):
        def candidates(self, family, first_day, last_day, cells):
            return list(self.incidents.values())

    rng = random.Random(7)
    towns = [IRBIL, AIRPORT, MOSUL, IRAQ, None]
    parties = [("claimed_by", "Saraya Awliya al-Dam"), ("alleged_perpetrator", "Kataib Hezbollah"),
               ("target", "Erbil Airport"), ("actor", "Islamic State fighters")]
    xs = []
    for n in range(80):
        place = rng.choice(towns)
        xs.append(report(n, outlet=f"O{n % 7}", place=place, feature="country" if place is IRAQ else "city",
                         date=rng.choice(["2021-02-14", "2021-02-15", "2021-02-16", "2021-02-20", None, "2021-02"]),
                         published=f"2021-02-{rng.randint(15, 21):02d}T{rng.randint(0, 23):02d}:00:00+00:00",
                         actors=rng.sample(parties, rng.randint(0, 2)), killed=rng.choice([None, 1, 3, 5]),
                         type=rng.choice(["ASSAULT", "ASSAULT", "PROTEST"])))
    indexed, scanned = MemoryRepository(), Scan()
    for x in xs:
        absorb(reports_of(x), indexed)
        absorb(reports_of(x), scanned)
    assert [i.to_dict() for i in indexed.incidents.values()] == [i.to_dict() for i in scanned.incidents.values()]
    sizes = sorted(len(i.reports) for i in indexed.incidents.values())
    assert 5 < len(sizes) < 70 and sizes[-1] >= 3, sizes
