"""`sitrep gazetteer build`: GeoNames dump files, in GeoNames' exact formats, written here."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from sitrep.geodata.gazetteer import Gazetteer, build_from_dumps
from sitrep.geodata.geonames import DumpError

# The main table's 19 tab-separated columns (readme.txt of the dump): geonameid, name, asciiname,
# alternatenames, latitude, longitude, feature class, feature code, country code, cc2,
# admin1, admin2, admin3, admin4, population, elevation, dem, timezone, modification date.
ROWS = [
    ("90000001", "Kamituga", "Kamituga", "Kamitouga,Kamitūga", "-3.0621", "28.1792", "P", "PPL", "CD", "",
     "12", "0201", "", "", "0", "", "987", "Africa/Lubumbashi", "2024-01-01"),
    ("90000002", "Mwenga Territory", "Mwenga Territory", "Mwenga", "-3.0", "28.4", "A", "ADM2", "CD", "",
     "12", "0201", "", "", "0", "", "1200", "Africa/Lubumbashi", "2024-01-01"),
    ("90000003", "Kavumu Airport", "Kavumu Airport", "BKY,Bukavu Airport", "-2.3090", "28.8088", "S", "AIRP",
     "CD", "", "12", "", "", "", "0", "1722", "1700", "Africa/Lubumbashi", "2024-01-01"),
    ("90000004", "Ulindi River", "Ulindi River", "Ulindi", "-1.6", "25.9", "H", "STM", "CD", "", "12", "",
     "", "", "0", "", "450", "Africa/Lubumbashi", "2024-01-01"),
    ("90000005", "Mount Kahuzi", "Mount Kahuzi", "", "-2.25", "28.67", "T", "MT", "CD", "", "12", "", "", "",
     "0", "3308", "3300", "Africa/Lubumbashi", "2024-01-01"),
    ("6251999", "Canada", "Canada", "Dominion of Canada", "60.10867", "-113.64258", "A", "PCLI", "CA", "", "00",
     "", "", "", "37058856", "", "593", "America/Toronto", "2024-01-01"),
    ("90000006", "Kamituga Intermittent Pond", "Kamituga Intermittent Pond", "", "-3.05", "28.17", "H", "PNDI",
     "CD", "", "12", "", "", "", "0", "", "900", "Africa/Lubumbashi", "2024-01-01"),
]


@pytest.fixture(scope="module")
def dumps(tmp_path_factory) -> tuple[Path, list[Path]]:
    folder = tmp_path_factory.mktemp("geonames")
    south_kivu = next(c for c in Gazetteer.default().candidates("South Kivu") if c.feature == "admin1")
    erbil = next(c for c in Gazetteer.default().candidates("Erbil") if c.feature == "city")
    main = folder / "allCountries.zip"
    with zipfile.ZipFile(main, "w") as archive:
        archive.writestr("allCountries.txt", "".join("\t".join(r) + "\n" for r in ROWS))
    admin1 = folder / "admin1CodesASCII.txt"
    admin1.write_text(f"CD.12\tSouth Kivu\tSouth Kivu\t{south_kivu.geonames_id}\n", encoding="utf-8")
    admin2 = folder / "admin2Codes.txt"
    admin2.write_text("CD.12.0201\tMwenga Territory\tMwenga Territory\t90000002\n"
                      "CD.12.0299\tEmpty Territory\tEmpty Territory\t90000099\n", encoding="utf-8")
    alternates = folder / "alternateNamesV2.zip"
    with zipfile.ZipFile(alternates, "w") as archive:
        archive.writestr("alternateNamesV2.txt",
                         "1\t90000001\ten\tKamituga Centre\t\t\t\t\t\t\n"
                         "2\t90000001\tlink\thttps://en.wikipedia.org/wiki/Kamituga\t\t\t\t\t\t\n"
                         f"3\t{erbil.geonames_id}\t\tHawler Town\t\t\t\t\t\t\n"
                         "4\t90000001\tar\tكاميتوغا\t\t\t\t\t\t\n")
        archive.writestr("iso-languagecodes.txt", "ISO 639-3\tISO 639-2\tISO 639-1\tLanguage Name\n")
    out = folder / "gazetteer-geonames.sqlite"
    build_from_dumps([main, admin1, admin2, alternates], out)
    return out, [main, admin1, admin2, alternates]


@pytest.fixture(scope="module")
def full(dumps) -> Gazetteer:
    return Gazetteer(dumps[0], build_missing=False)


def test_a_town_the_packages_lack_is_found_by_its_names(full):
    for name in ("Kamituga", "Kamitouga", "Kamitūga", "Kamituga Centre"):
        (town,) = full.candidates(name)
        assert (town.geonames_id, town.feature, town.country, town.admin1) == (90000001, "city", "CD", "South Kivu")
        assert abs(town.lat + 3.0621) < 1e-6
    assert not full.candidates("https://en.wikipedia.org/wiki/Kamituga")


def test_second_level_divisions_landmarks_rivers_and_mountains(full):
    assert [c.feature for c in full.candidates("Mwenga Territory")] == ["admin2"]
    assert full.candidates("Mwenga")[0].admin1 == "South Kivu"
    assert [c.feature for c in full.candidates("Kavumu Airport")] == ["landmark"]
    assert [c.feature for c in full.candidates("Ulindi River")] == ["natural"]
    assert [c.feature for c in full.candidates("Mount Kahuzi")] == ["natural"]
    assert not full.candidates("Kamituga Intermittent Pond")  # a feature code news does not name
    assert not full.candidates("Empty Territory")  # no town of its own to place it by


def test_a_country_moves_to_geonames_own_point(full):
    # countryinfo puts Canada at (60, -95); GeoNames, and geoparsing corpora with it, 1,000 km west
    assert (Gazetteer.default().country("CA").lon or 0) > -100
    canada = full.country("CA")
    assert (canada.lat, canada.lon, canada.geonames_id) == (60.10867, -113.64258, 6251999)
    assert [c.geonames_id for c in full.candidates("Dominion of Canada")] == [6251999]
    assert len([c for c in full.candidates("Canada") if c.feature == "country"]) == 1


def test_the_package_gazetteer_is_kept_and_its_places_gain_names(full):
    (erbil,) = [c for c in full.candidates("Hawler Town")]
    assert erbil.feature == "city" and erbil.country == "IQ"
    assert [c.geonames_id for c in full.candidates("Erbil")] == [c.geonames_id for c in Gazetteer.default().candidates("Erbil")]
    assert full.country("IQ") is not None and full.demonym("Iraqi") == "IQ"
    south_kivu = [c for c in full.candidates("South Kivu") if c.feature == "admin1"]
    assert len(south_kivu) == 1  # the dump's division and the package's are one place


def test_sitrep_uses_the_built_gazetteer(dumps, tmp_path):
    text = "Gunmen attacked the gold market in Kamituga on Monday, killing two traders."
    code = ("import json, sitrep; x = sitrep.extract(%r, published='2024-03-05'); "
            "print(json.dumps([[p.text, p.geonames_id] for p in x.places]))" % text)
    env = {"SITREP_GAZETTEER": str(dumps[0]), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr
    assert ["Kamituga", 90000001] in __import__("json").loads(run.stdout)


def test_cli_builds_and_reports(dumps, tmp_path):
    out = tmp_path / "g.sqlite"
    run = subprocess.run([sys.executable, "-m", "sitrep", "gazetteer", "build", *map(str, dumps[1]),
                          "--output", str(out)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert out.exists() and "places" in run.stdout and str(out) in run.stdout


def test_a_file_that_is_not_a_dump_is_one_line_and_nothing_is_written(tmp_path):
    bad = tmp_path / "cities1000.txt"
    bad.write_text("this is not a geonames table\n", encoding="utf-8")
    out = tmp_path / "g.sqlite"
    with pytest.raises(DumpError, match="cities1000.txt:1"):
        build_from_dumps([bad], out)
    assert not out.exists() and not list(tmp_path.glob("*.tmp"))
    run = subprocess.run([sys.executable, "-m", "sitrep", "gazetteer", "build", str(tmp_path / "notes.csv"),
                          "--output", str(out)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1 and "notes.csv" in run.stderr


def test_an_empty_table_is_refused(tmp_path):
    empty = tmp_path / "cities1000.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(DumpError, match="holds no rows"):
        build_from_dumps([empty], tmp_path / "g.sqlite")
    assert not (tmp_path / "g.sqlite").exists()


def test_a_missing_chosen_gazetteer_is_one_line(tmp_path):
    run = subprocess.run([sys.executable, "-m", "sitrep", "gazetteer", "info"], capture_output=True, text=True,
                         env={"SITREP_GAZETTEER": str(tmp_path / "nope.sqlite"), "PATH": "/usr/bin:/bin",
                              "HOME": str(tmp_path)}, timeout=120)
    assert run.returncode == 5 and "no such gazetteer file" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_a_non_numeric_field_is_one_line_naming_file_and_line(tmp_path):
    from sitrep.geodata.geonames import rows

    def table(column: int, value: str) -> Path:
        row = list(ROWS[0])
        row[column] = value
        path = tmp_path / f"c{column}" / "cities1000.txt"
        path.parent.mkdir()
        path.write_text("\t".join(ROWS[1]) + "\n" + "\t".join(row) + "\n", encoding="utf-8")
        return path

    for column, value in ((4, "north"), (5, "1e999x"), (14, "many")):  # each field, read in-process
        with pytest.raises(DumpError, match=r"cities1000.txt:2: geonameid, latitude"):
            list(rows(table(column, value), 15))
    out = tmp_path / "g.sqlite"  # and the command, once
    run = subprocess.run([sys.executable, "-m", "sitrep", "gazetteer", "build", str(table(0, "12ab")),
                          "--output", str(out)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr  # 1: an input could not be read
    assert len(run.stderr.strip().splitlines()) == 1 and "cities1000.txt:2" in run.stderr
    assert not out.exists()


def test_files_of_a_killed_dump_build_are_removed_by_the_next(dumps, tmp_path):
    out = tmp_path / "g.sqlite"
    dead = 999_999_999  # no such process
    left = [tmp_path / f"g.{dead}.tmp", tmp_path / f"g.{dead}.tmp-journal"]
    for f in left:
        f.write_bytes(b"half an index")
    build_from_dumps(dumps[1], out)
    assert out.exists() and not any(f.exists() for f in left)
