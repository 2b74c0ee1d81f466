"""Read GeoNames dump files into the gazetteer index (`sitrep gazetteer build FILE...`).

A user who downloads GeoNames' own dumps (https://download.geonames.org/export/dump/, CC BY
4.0) gets what the registry packages lack: second-level divisions, towns under 500 people,
airports, landmarks, rivers and mountains, and every alternate name. Files are recognised by
name, plain or zipped as GeoNames ships them:

  allCountries.zip, cities500/1000/5000/15000.zip, XX.zip (one country)
      the main table: geonameid, name, asciiname, alternatenames, latitude, longitude,
      feature class, feature code, country code, cc2, admin1..4 codes, population, ...
  admin1CodesASCII.txt, admin2Codes.txt   code → name, asciiname, geonameid
  alternateNamesV2.zip (or alternateNames.zip)
      alternateNameId, geonameid, isolanguage, name, isPreferred, isShort, isColloquial,
      isHistoric, from, to

Rows are added to an index that already holds the package gazetteer (countries, demonyms,
continents, regions), so a place both know keeps one row and gains the dump's names.
"""
from __future__ import annotations

import csv
import io
import sqlite3
import zipfile
from pathlib import Path
from typing import Callable, Iterator

# GeoNames feature class/code → sitrep feature. Populated places are all kept; of the rest,
# what news names: divisions, airports and bases, buildings people are killed or gather in,
# rivers, lakes, dams, mountains, valleys, deserts, islands, oases, parks.
KEEP = {
    "A": {"ADM1": "admin1", "ADM2": "admin2"},
    "S": dict.fromkeys(("AIRP", "AIRB", "AIRF", "AIRH", "PRT", "MKT", "MSQE", "CH", "CTHDR", "TMPL", "SHRN",
                        "HSP", "PRN", "STDM", "PAL", "CSTL", "BDG", "MLTU", "INSM", "CMP", "RECG", "UNIV",
                        "SCH", "HTL", "MALL", "BLDG", "DAM", "FRM", "MNMT", "RUIN"), "landmark"),
    "H": dict.fromkeys(("STM", "STMS", "LK", "LKS", "RSV", "CNL", "BAY", "GULF", "STRT", "OAS", "WADI"),
                       "natural"),
    "T": dict.fromkeys(("MT", "MTS", "PK", "HLL", "HLLS", "VAL", "DSRT", "ISL", "ISLS", "PEN", "PLAT", "PASS",
                        "CAPE"), "natural"),
    "L": dict.fromkeys(("RGN", "PRK", "RESN", "OILF", "AREA"), "area"),
    "V": dict.fromkeys(("FRST",), "natural"),
}
# Independent states and territories: the package gazetteer has them, but not at GeoNames' own
# point, which is where geoparsing corpora put a country; a dump's row moves it there.
COUNTRY_CODES = {"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR"}
# alternateNames "languages" that are not names: links, post codes, airport and UN codes.
NOT_NAMES = {"link", "wkdt", "post", "iata", "icao", "faac", "tcid", "unlc", "fr_1793", "abbr"}
BATCH = 20_000


class DumpError(ValueError):
    """A file that is not a GeoNames dump sitrep knows; str() is one line naming it."""


def kind(path: Path) -> str:
    """'places', 'admin1', 'admin2' or 'alternates', from the file's GeoNames name."""
    name = path.name.lower()
    if name.startswith("admin1codes"):
        return "admin1"
    if name.startswith("admin2codes"):
        return "admin2"
    if name.startswith("alternatenames"):
        return "alternates"
    stem = name.split(".")[0]
    if stem in ("allcountries", "cities500", "cities1000", "cities5000", "cities15000") or \
            (len(stem) == 2 and stem.isalpha()):
        return "places"
    raise DumpError(f"{path}: not a GeoNames dump sitrep reads (allCountries.zip, cities1000.zip, XX.zip, "
                    "admin1CodesASCII.txt, admin2Codes.txt, alternateNamesV2.zip)")


def check(paths: list[Path]) -> None:
    """Refuse, before any work, a file that is missing or not a dump sitrep knows."""
    for path in paths:
        kind(path)
        if not path.is_file():
            raise DumpError(f"{path}: not found")


def rows(path: Path, min_columns: int) -> Iterator[list[str]]:
    """Tab-separated rows of a dump file, zipped or not; '#' comment lines skipped."""
    try:
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as archive:
                members = [m for m in archive.namelist() if m.endswith(".txt") and not m.lower().startswith("readme")
                           and not m.lower().startswith("iso-languagecodes")]
                if not members:
                    raise DumpError(f"{path}: the zip holds no .txt table")
                with archive.open(members[0]) as raw:
                    yield from _table(io.TextIOWrapper(raw, encoding="utf-8"), path, min_columns)
        else:
            with open(path, encoding="utf-8", newline="") as handle:
                yield from _table(handle, path, min_columns)
    except (zipfile.BadZipFile, UnicodeDecodeError, csv.Error) as exc:
        raise DumpError(f"{path}: cannot be read as a GeoNames dump ({exc})") from None


def _table(handle, path: Path, min_columns: int) -> Iterator[list[str]]:
    for number, line in enumerate(handle, 1):
        if not line.strip() or line.startswith("#"):
            continue
        row = line.rstrip("\n").rstrip("\r").split("\t")
        if len(row) < min_columns:
            raise DumpError(f"{path}:{number}: {len(row)} columns, a GeoNames {kind(path)} table has "
                            f"{min_columns} or more")
        if kind(path) == "places" and not _numeric_place(row):
            raise DumpError(f"{path}:{number}: geonameid, latitude, longitude and population must be numbers "
                            f"(got {row[0][:20]!r}, {row[4][:20]!r}, {row[5][:20]!r}, {row[14][:20]!r})")
        yield row


def _numeric_place(row: list[str]) -> bool:
    try:
        int(row[0]), float(row[4]), float(row[5]), int(row[14] or 0)
    except ValueError:
        return False
    return -90 <= float(row[4]) <= 90 and -180 <= float(row[5]) <= 180


def add_dumps(db: sqlite3.Connection, paths: list[Path], normalize: Callable[[str], str],
              latin: Callable[[str], bool], box_middle: Callable) -> dict[str, int]:
    """Add the dumps' places and names to the open index `db` (tables places, names);
    return counts by what was added."""
    by_kind: dict[str, list[Path]] = {}
    for path in paths:
        by_kind.setdefault(kind(path), []).append(path)
    if "places" not in by_kind and "alternates" not in by_kind:
        raise DumpError("no place table given: pass allCountries.zip, cities1000.zip or a country's XX.zip")
    admin1 = {row[0]: (row[1], row[3]) for path in by_kind.get("admin1", []) for row in rows(path, 4)}
    admin2 = {row[0]: (row[1], row[3]) for path in by_kind.get("admin2", []) for row in rows(path, 4)}
    db.execute("CREATE INDEX IF NOT EXISTS places_gid ON places(geonames_id)")
    db.execute("CREATE TEMP TABLE alt (gid INTEGER, key TEXT)")
    known = {gid for (gid,) in db.execute("SELECT geonames_id FROM places WHERE geonames_id IS NOT NULL")}
    counts = dict.fromkeys(("places", "names", "admin1", "admin2", "countries"), 0)
    members: dict[str, list[tuple[float, float, int]]] = {}
    seen_divisions: set[int] = set()
    places, alts = [], []

    def flush() -> None:
        db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)", places)
        db.executemany("INSERT INTO alt VALUES (?, ?)", alts)
        places.clear()
        alts.clear()

    country_points = []
    for path in by_kind.get("places", []):
        seen = 0
        for seen, row in enumerate(rows(path, 15), 1):
            fclass, fcode = row[6], row[7]
            names = {row[1], row[2], *(n for n in row[3].split(",") if len(n) > 2 and latin(n))}
            if fclass == "A" and fcode in COUNTRY_CODES:
                country_points.append((float(row[4]), float(row[5]), int(row[0])))
                alts.extend((int(row[0]), k) for k in {normalize(n) for n in names if n} if k)
                continue
            feature = "city" if fclass == "P" else KEEP.get(fclass, {}).get(fcode)
            if feature is None:
                continue
            gid, country = int(row[0]), row[8]
            lat, lon, population = float(row[4]), float(row[5]), int(row[14] or 0)
            code1 = f"{country}.{row[10]}"
            division = admin1.get(code1, (None,))[0]
            if feature in ("city", "admin2", "landmark"):
                members.setdefault(code1, []).append((lat, lon, population))
                if feature == "city":
                    members.setdefault(f"{code1}.{row[11]}", []).append((lat, lon, population))
            if feature in ("admin1", "admin2"):
                seen_divisions.add(gid)
            alts.extend((gid, k) for k in {normalize(n) for n in names if n} if k)
            if gid not in known:
                known.add(gid)
                places.append((gid, row[1], lat, lon, country, row[1] if feature == "admin1" else division,
                               population, feature, 0))
                counts["places"] += 1
            if len(places) >= BATCH or len(alts) >= BATCH:
                flush()
        if not seen:
            raise DumpError(f"{path}: holds no rows")
    # Divisions the code files name but the place table did not hold (cities1000 has none):
    # placed at the middle of their own towns, as the package gazetteer does.
    for level, table in (("admin1", admin1), ("admin2", admin2)):
        for code, (name, gid_text) in table.items():
            gid = int(gid_text) if gid_text.isdigit() else None
            towns = members.get(code)
            if gid is None or gid in seen_divisions or gid in known or not towns:
                continue
            lat, lon = box_middle(towns)
            parent = admin1.get(".".join(code.split(".")[:2]), (None,))[0]
            known.add(gid)
            places.append((gid, name, lat, lon, code.split(".")[0], name if level == "admin1" else parent,
                           sum(t[2] for t in towns), level, 0))
            alts.append((gid, normalize(name)))
            counts[level] += 1
    for path in by_kind.get("alternates", []):
        for row in rows(path, 4):
            language, name = row[2], row[3]
            if language in NOT_NAMES or len(name) <= 2 or not latin(name) or not row[1].isdigit():
                continue
            alts.append((int(row[1]), normalize(name)))
            if len(alts) >= BATCH:
                flush()
    flush()
    db.executemany("UPDATE places SET lat = ?, lon = ? WHERE geonames_id = ? AND feature = 'country'", country_points)
    counts["countries"] = len(country_points)
    before = db.execute("SELECT count(*) FROM names").fetchone()[0]
    db.execute("INSERT OR IGNORE INTO names (key, place) SELECT DISTINCT alt.key, p.rowid FROM alt "
               "JOIN places p ON p.geonames_id = alt.gid WHERE alt.key != ''")
    counts["names"] = db.execute("SELECT count(*) FROM names").fetchone()[0] - before
    db.execute("DROP TABLE alt")
    return counts
