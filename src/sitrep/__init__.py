"""sitrep: news reports about conflict and security → a sourced, geocoded PLOVER event database.

    import sitrep
    result = sitrep.extract(text, published="2021-02-16")   # an Extraction
    result.events[0].type, result.events[0].location.name

    with sitrep.Store("sitrep.db") as store:
        for article in sitrep.read(["news/"]):               # Article or InputError
            ...
        store.incidents(type="ASSAULT", contested=True)          # (incidents, next row): one real event
                                                                # across articles, figures per source
    sitrep.merge([x1, x2, x3])                                   # incidents from extractions in hand
"""
__version__ = "0.1.0"

from .merge import merge  # noqa: E402
from .models import (Actor, Article, Claim, Event, Extraction, Figure, Incident, Location, Place,  # noqa: E402
                     Speaker, TimeExpr, Weapon)
from .pipeline import extract, extract_articles  # noqa: E402
from .read import InputError, read  # noqa: E402
from .store import Store  # noqa: E402

__all__ = ["Actor", "Article", "Claim", "Event", "Extraction", "Figure", "Incident", "InputError", "Location",
           "Place", "Speaker", "Store", "TimeExpr", "Weapon", "extract", "extract_articles", "merge", "read",
           "__version__"]
