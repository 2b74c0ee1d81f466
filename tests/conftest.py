"""Shared test fixtures: where ../shared lives, and one extraction of the founding article."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FOUNDING = "usnews-2021-02-16-irbil-rocket-attack"

needs_shared = pytest.mark.skipif(not (SHARED / "samples").is_dir(),
                                  reason="../shared (evaluation data) is not beside this checkout")


@pytest.fixture(scope="session")
def gold() -> dict:
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared/gold is not beside this checkout")
    return json.loads((SHARED / "gold" / f"{FOUNDING}.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def founding() -> dict:
    """The founding article, read as a user would: file + its .meta.json, through sitrep.read."""
    if not (SHARED / "samples").is_dir():
        pytest.skip("../shared/samples is not beside this checkout")
    import sitrep

    (article,) = list(sitrep.read([SHARED / "samples" / f"{FOUNDING}.txt"]))
    assert isinstance(article, sitrep.Article), article
    return next(sitrep.extract_articles([article])).to_dict()


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server for the session (URL of its `postgres` database): $SITREP_TEST_POSTGRES,
    or a throwaway cluster started here; skips where neither exists."""
    import os

    from pgcluster import ENV, Cluster

    if os.environ.get(ENV):
        yield os.environ[ENV]
        return
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed (pip install -e '.[postgres]')")
    try:
        cluster = Cluster()
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    with cluster:
        yield f"{cluster.url}/postgres"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request, tmp_path) -> str:
    """Where a store test writes: a new SQLite file, or a new database on the PostgreSQL server."""
    if request.param == "sqlite":
        return str(tmp_path / "sitrep.db")
    from pgcluster import new_database

    return new_database(request.getfixturevalue("postgres_server"))
