"""Merge: reports of one real event across articles become one incident.

Incidents are built incrementally, one event record at a time, in the order articles were
stored: a record joins the best matching incident (`match.match`, which keeps the reasons) or
starts one; a record that matches several incidents that can be one bridges them, and the
oldest survives (the others' ids are recorded as merged into it, so links never break).
Because the result depends only on the records and their order, recomputing every incident
from the stored events gives the incidents the store built as it went.

Where incidents live is a `Repository`: the store (SQLite or PostgreSQL, through an index on
type family, day and place cell) or `MemoryRepository` for `merge()` over extractions in hand.
"""
from __future__ import annotations

import hashlib
from typing import Iterable, Protocol

from ..models import Extraction, Incident, IncidentReport
from .match import SETTINGS, Settings, combinable, keys, lookup, match
from .reports import reports_of
from .summary import summarise

__all__ = ["Repository", "MemoryRepository", "absorb", "merge", "reports_of", "keys", "Settings", "SETTINGS"]


class Repository(Protocol):
    def candidates(self, family: str, first_day: int, last_day: int, cells: list[str]) -> list[Incident]:
        """Incidents filed under the family, any day in [first_day, last_day] (ordinals) and
        any of the cells, oldest first."""

    def save(self, incident: Incident, keys: list[tuple[str, int, str]]) -> None:
        """Insert or replace an incident, its index keys and its events' links."""

    def retire(self, old_id: str, survivor_id: str) -> None:
        """An incident merged into another: drop it and point its id (and its aliases) at the survivor."""


def incident_id(first_event: str) -> str:
    return "inc-" + hashlib.sha256(first_event.encode()).hexdigest()[:12]


def absorb(reports: Iterable[IncidentReport], repo: Repository, s: Settings = SETTINGS) -> list[str]:
    """File each report into the incident it belongs to; the ids of the incidents touched."""
    touched = []
    for r in reports:
        where = lookup(r, s)
        found = repo.candidates(*where) if where else []
        scored = [(reasons, c) for c in found if (reasons := match(r, c, s))]
        if not scored:
            incident = summarise(incident_id(r.event), [r])
        else:
            reasons, best = max(scored, key=lambda x: len(x[0]))  # first on a tie: the oldest
            group = [best]
            for _, c in scored:  # every incident the report also matches that can be one with the rest
                if c is not best and all(combinable(g, c, s) for g in group):
                    group.append(c)
            age = {id(c): i for i, (_, c) in enumerate(scored)}  # candidates come oldest first
            group.sort(key=lambda c: age[id(c)])
            survivor, absorbed = group[0], group[1:]
            r.joined_by = reasons + [f"bridges: {a.id}" for a in absorbed]
            merged = list(survivor.merged_from) + [i for a in absorbed for i in [a.id, *a.merged_from]]
            incident = summarise(survivor.id, [x for g in group for x in g.reports] + [r], merged)
            for a in absorbed:
                repo.retire(a.id, survivor.id)
        repo.save(incident, keys(incident, s))
        touched.append(incident.id)
    return list(dict.fromkeys(touched))


class MemoryRepository:
    """Incidents in a dict, found by scanning their keys: for merging what is in hand."""

    def __init__(self) -> None:
        self.incidents: dict[str, Incident] = {}
        self.keys: dict[str, set[tuple[str, int, str]]] = {}
        self.aliases: dict[str, str] = {}

    def candidates(self, family: str, first_day: int, last_day: int, cells: list[str]) -> list[Incident]:
        wanted = set(cells)
        return [self.incidents[i] for i, ks in self.keys.items()
                if any(f == family and first_day <= d <= last_day and c in wanted for f, d, c in ks)]

    def save(self, incident: Incident, keys: list[tuple[str, int, str]]) -> None:
        self.incidents[incident.id] = incident
        self.keys[incident.id] = set(keys)

    def retire(self, old_id: str, survivor_id: str) -> None:
        self.incidents.pop(old_id, None)
        self.keys.pop(old_id, None)
        for k, v in self.aliases.items():
            if v == old_id:
                self.aliases[k] = survivor_id
        self.aliases[old_id] = survivor_id


def merge(extractions: Iterable[Extraction], s: Settings = SETTINGS) -> list[Incident]:
    """Incidents from extractions in hand (in their order), without a store."""
    repo = MemoryRepository()
    for x in extractions:
        absorb(reports_of(x), repo, s)
    return list(repo.incidents.values())
