"""What differs between the store's two back ends: embedded SQLite and a PostgreSQL server.

The store's SQL is written once, with `?` placeholders and SQLite's `rowid` for storage
order; a Dialect connects, translates that SQL for its server, names its column types and
its errors, and lists the tables a database holds. Nothing else in sitrep knows which
back end it writes to. `dialect_for("sitrep.db")` is SQLite; a `postgresql://` URL is
PostgreSQL through psycopg 3.
"""
from __future__ import annotations

import re
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Any, Union

POSTGRES_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
WRITER_CACHE_KIB = 65_536  # SQLite's page cache for a writing connection (its default is 2 MiB)
READER_CACHE_KIB = 32_768  # and for a reading one (a server keeps up to 8 open)


def is_url(target: Union[str, Path]) -> bool:
    return str(target).startswith(POSTGRES_SCHEMES)


def dialect_for(target: Union[str, Path]) -> "Dialect":
    return PostgreSQL(str(target)) if is_url(target) else SQLite(Path(target))


class Dialect:
    name: str
    begin = "BEGIN"
    # added after the opening parenthesis of the tables that are paged through in storage order
    row_column = ""
    real = "REAL"

    def connect(self, readonly: bool):
        raise NotImplementedError

    def sql(self, statement: str) -> str:
        return statement

    def tables(self, db) -> set[str]:
        raise NotImplementedError

    def prepare_writer(self, db) -> None:
        """Settings for a connection that writes, applied once the database is known to be sitrep's."""

    def lock_schema(self, db) -> None:
        """Serialise schema creation and migration between processes (inside a transaction)."""

    def lock_writes(self, db) -> None:
        """Serialise writers (inside a transaction), so incidents are merged in storage order."""

    @property
    def errors(self) -> tuple[type[BaseException], ...]:
        raise NotImplementedError


class SQLite(Dialect):
    name = "sqlite"
    # the write lock is taken before the first read, so "already stored?" and the inserts are one step
    begin = "BEGIN IMMEDIATE"

    def __init__(self, path: Path):
        self.path = path
        self.label = str(path)

    def connect(self, readonly: bool):
        if readonly:
            db = self._reader()
            # a server keeps its read handles open: pages read once stay cached for the next request
            db.execute(f"PRAGMA cache_size = -{READER_CACHE_KIB}")
        else:
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None)  # the store BEGINs itself
            # a writer touches index pages all over a large file (random ids, the incident index): keep them
            db.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
        db.execute("PRAGMA foreign_keys = ON")
        db.row_factory = sqlite3.Row
        return db

    def _reader(self):
        # a server may close a request's connection from another thread than the one that opened it
        db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30, isolation_level=None,
                             check_same_thread=False)
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            # a WAL database in a folder this user cannot write (read-only media, another user's
            # store): no -shm can be made there, and no writer can be at work either
            db.close()
            db = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, timeout=30,
                                 isolation_level=None, check_same_thread=False)
        return db

    def prepare_writer(self, db) -> None:
        # write-ahead log: readers never block a commit (a reader holding a transaction for
        # minutes no longer makes an ingest give up) and a commit never blocks readers
        db.execute("PRAGMA journal_mode = WAL")

    def tables(self, db) -> set[str]:
        return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}

    @property
    def errors(self):
        return (sqlite3.Error,)


def redact(text: object) -> str:
    """A database URL or message with every password masked: `user:secret@host` and
    `password=secret` (in a URL's query or a connection string) print as `***`."""
    text = re.sub(r"//([^:/@\s]*):[^@/\s]*@", r"//\1:***@", str(text))
    return re.sub(r"(?i)(\bpassword\s*=\s*)('[^']*'|[^&\s]*)", r"\1***", text)


class PostgreSQL(Dialect):
    name = "postgresql"
    begin = "BEGIN ISOLATION LEVEL READ COMMITTED"
    row_column = "rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE, "
    real = "DOUBLE PRECISION"

    def __init__(self, url: str):
        self.url = url.replace("postgresql+psycopg://", "postgresql://", 1)
        self.label = redact(self.url)

    def connect(self, readonly: bool):
        try:
            import psycopg
        except ImportError:
            raise RuntimeError("PostgreSQL needs psycopg: pip install 'psycopg[binary]'") from None
        db = psycopg.connect(self.url, autocommit=True, row_factory=_row_factory, connect_timeout=10)
        if readonly:
            db.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        return db

    def sql(self, statement: str) -> str:
        return _translate(statement)

    def tables(self, db) -> set[str]:
        return {r[0] for r in db.execute("SELECT table_name FROM information_schema.tables "
                                         "WHERE table_schema = current_schema()")}

    def lock_schema(self, db) -> None:
        db.execute("SELECT pg_advisory_xact_lock(7151)")  # any constant shared by every sitrep

    def lock_writes(self, db) -> None:
        # SQLite's BEGIN IMMEDIATE already does; here rows would otherwise interleave
        db.execute("SELECT pg_advisory_xact_lock(7152)")

    @property
    def errors(self):
        import psycopg

        return (psycopg.Error,)


@lru_cache(maxsize=256)
def _translate(statement: str) -> str:
    # sitrep's SQL holds no literal '?' or '%': placeholders and LIKE patterns are parameters
    return statement.replace("?", "%s")


class Row(dict):
    """A PostgreSQL row read like sqlite3.Row: by column name or by position."""

    __slots__ = ("_values",)

    def __init__(self, names: list[str], values: tuple[Any, ...]):
        super().__init__(zip(names, values))
        self._values = values

    def __getitem__(self, key):
        return self._values[key] if isinstance(key, int) else dict.__getitem__(self, key)


def _row_factory(cursor):
    names = [c.name for c in cursor.description] if cursor.description else []
    return lambda values: Row(names, values)
