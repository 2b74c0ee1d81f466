"""sitrep: news reports about conflict and security → a sourced, geocoded PLOVER event database.

    import sitrep
    result = sitrep.extract(text, published="2021-02-16")   # an Extraction
    result.events[0].type, result.events[0].location.name

    with sitrep.Store("sitrep.db") as store:
        for article in sitrep.read(["news/"]):               # Article or InputError
            ...
"""
__version__ = "0.1.0"

from .models import (Actor, Article, Claim, Event, Extraction, Figure, Location, Place,  # noqa: E402
                     Speaker, TimeExpr, Weapon)
from .pipeline import extract, extract_articles  # noqa: E402
from .read import InputError, read  # noqa: E402
from .store import Store  # noqa: E402

__all__ = ["Actor", "Article", "Claim", "Event", "Extraction", "Figure", "InputError", "Location", "Place",
           "Speaker", "Store", "TimeExpr", "Weapon", "extract", "extract_articles", "read", "__version__"]
