"""Geographic resources the place extractors read: not extractors themselves.

  gazetteer.py   the GeoNames-based index of place names (built on first use from registry
                 packages, or from GeoNames dumps with `sitrep gazetteer build`)
  geonames.py    the dump reader behind that build
  ranker.py      the learned ranker over a name's gazetteer candidates, with its features
                 (weights in sitrep/data/places/ranker.json, trained by training/places/train_ranker.py)

`extractors/places.py` reads them through `Gazetteer` (candidates, countries, demonyms,
folds) and `ranker.ranker()` (the shipped ranker) with `ranker.features`.
"""
from .gazetteer import Entry, Gazetteer, GazetteerError, normalize

__all__ = ["Entry", "Gazetteer", "GazetteerError", "normalize"]
