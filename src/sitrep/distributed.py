"""The Ray engine: the same pipeline, run by Ray Data on one machine or a Ray cluster.

Articles are read by `sitrep.read` on the driver (the same checks, ids and sources as a
local run) and sent to Ray Data in windows; `map_batches` runs them through a pool of actors
that each load the spaCy model and the gazetteer once. Results come back in input order —
to be stored by the driver (SQLite or PostgreSQL) — or are written by the workers as
Parquet shards that `sitrep load` imports into any store later. Same input, same events,
whichever engine.
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import sys
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from .models import Article, Extraction
from .read import InputError

# Articles handed to Ray Data at a time: bounds the driver's memory (≈100 MB of text), and each
# window starts its own actor pool (a model load per actor), so windows are large.
WINDOW = 8192
BLOCK = 64  # articles per Ray Data block: small blocks keep every actor busy to the end
COLUMNS = ("index", "source", "text", "extraction", "error")


class EngineError(RuntimeError):
    """Ray cannot be used (not installed, cluster unreachable); str() is one line."""


def start(address: Optional[str] = None, workers: Optional[int] = None) -> None:
    """Connect to the Ray cluster at `address`, or start a local instance with `workers` CPUs."""
    try:
        import ray
    except ImportError:
        raise EngineError("--engine ray needs Ray: pip install 'sitrep[ray]'") from None
    if ray.is_initialized():
        return
    if address:
        _reachable(address)
    # Ray's own notices (start-up, token auth, actor restarts) are not sitrep's output;
    # failures still reach sitrep as exceptions. RAY_BACKEND_LOG_LEVEL=info shows them again.
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")
    options = dict(include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR)
    try:
        with _quiet_stderr():
            if address:
                ray.init(address=address, **options)
            else:
                ray.init(num_cpus=workers, **options)
    except Exception as exc:  # noqa: BLE001 — Ray raises many kinds; the user needs one line
        raise EngineError(f"cannot start Ray{' at ' + address if address else ''} "
                          f"({type(exc).__name__}: {' '.join(str(exc).split())[:200]})") from None
    import ray.data

    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    for name in ("ray", "ray.data"):  # a CLI's stderr is for sitrep's own lines
        logging.getLogger(name).setLevel(logging.ERROR)


HTTP2_PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"


def _reachable(address: str) -> None:
    """A HOST:PORT address must answer as a Ray head within 5 s: accept a connection and speak
    gRPC (HTTP/2: a SETTINGS frame back for the connection preface), as Ray's GCS does. Ray
    itself would wait minutes on an address that is down or is some other server."""
    host, _, port = address.rpartition(":")
    if "://" in address or not port.isdigit():
        return  # "auto", ray://… : Ray resolves them
    try:
        with socket.create_connection((host or "127.0.0.1", int(port)), timeout=5) as conn:
            # the preface, then an empty SETTINGS frame (length 0, type 4, no flags, stream 0)
            conn.sendall(HTTP2_PREFACE + b"\x00\x00\x00\x04\x00\x00\x00\x00\x00")
            head = conn.recv(9)
    except OSError as exc:
        raise EngineError(f"no Ray cluster at {address} ({exc.strerror or exc})") from None
    if len(head) < 4 or head[3] != 0x04:
        raise EngineError(f"no Ray cluster at {address} (something answers there, but not Ray's gRPC)")


@contextlib.contextmanager
def _quiet_stderr():
    """Silence file descriptor 2 (Python and Ray's C++ core alike) for a moment."""
    sys.stderr.flush()
    saved = os.dup(2)
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


class Extractor:
    """A Ray Data actor: loads the pipeline once, then extracts batches of articles."""

    budget: Optional[float] = None  # seconds per article; set on a subclass by `_extractor`

    def __init__(self):
        from .geodata.gazetteer import Gazetteer
        from .pipeline import nlp

        Gazetteer._default = None  # opened in this process, not inherited
        nlp()

    def __call__(self, batch: dict) -> dict:
        from .pipeline import extract_articles

        articles = [Article.from_dict(json.loads(a)) for a in batch["article"]]
        out = {k: [] for k in COLUMNS}
        for index, article, x in zip(batch["index"], articles, extract_articles(articles, budget=self.budget)):
            out["index"].append(int(index))
            out["source"].append(article.source)
            out["text"].append(article.text)
            if isinstance(x, InputError):
                out["extraction"].append(None)
                out["error"].append(x.why)
            else:
                out["extraction"].append(json.dumps(x.to_dict(), ensure_ascii=False))
                out["error"].append(None)
        return out


def _datasets(articles: Iterable[Article], workers: int, budget: Optional[float]):
    """(first index, window's articles, Ray Dataset of their results), one window at a time."""
    import ray.data

    stream, first = iter(articles), 0
    while window := list(islice(stream, WINDOW)):
        items = [{"index": first + k, "article": json.dumps(_article_dict(a))} for k, a in enumerate(window)]
        ds = ray.data.from_items(items, override_num_blocks=max(workers, -(-len(items) // BLOCK)))
        pool = ray.data.ActorPoolStrategy(size=workers)
        yield first, window, ds.map_batches(_extractor(budget), compute=pool,
                                            batch_size=4, batch_format="numpy", num_cpus=1)
        first += len(window)


def extract_ray(articles: Iterable[Article], workers: int, budget: Optional[float] = None,
                address: Optional[str] = None) -> Iterator[Union[Extraction, InputError]]:
    """`extract_parallel` on Ray: one Extraction (or InputError naming the article) per article,
    in input order."""
    start(address, workers)
    with _engine_failures():
        for first, window, ds in _datasets(articles, workers, budget):
            for row in ds.iter_rows():
                yield _result(row, window[row["index"] - first])


def write_shards(articles: Iterable[Article], folder: Path, workers: int, budget: Optional[float] = None,
                 address: Optional[str] = None) -> int:
    """Extract on Ray and have the workers write Parquet shards into `folder` (one
    sub-folder per window); returns how many articles were sent."""
    start(address, workers)
    sent = 0
    with _engine_failures():
        for first, window, ds in _datasets(articles, workers, budget):
            ds.write_parquet(str(folder / f"window-{first:012d}"))
            sent += len(window)
    return sent


@contextlib.contextmanager
def _engine_failures():
    """Ray failing mid-run (a raylet or worker node killed, the head gone) is one EngineError
    line; what was stored before it stays stored."""
    try:
        yield
    except (InputError, EngineError, GeneratorExit, KeyboardInterrupt):
        raise
    except Exception as exc:  # noqa: BLE001 — Ray raises many kinds; the user needs one line
        raise EngineError(f"Ray stopped during the run ({type(exc).__name__}: "
                          f"{' '.join(str(exc).split())[:200]}); articles stored before it are kept, "
                          "run the command again for the rest") from None


def read_shards(folder: Path) -> Iterator[Union[Extraction, InputError]]:
    """What `write_shards` wrote, in input order (what `sitrep load` stores)."""
    import pyarrow.parquet as pq

    if not folder.is_dir():
        raise InputError(str(folder), "no such folder of shards")
    for window in sorted(p for p in folder.iterdir() if p.is_dir() and p.name.startswith("window-")):
        files = sorted(window.glob("*.parquet"))
        if not files:
            continue
        table = pq.read_table(files).sort_by("index")
        for row in table.to_pylist():
            yield _result(row, None)


def _extractor(budget: Optional[float]) -> type:
    # the budget travels with the class, not as constructor arguments held in the object store
    return type("Extractor", (Extractor,), {"budget": budget})


def _result(row: dict, article: Optional[Article]) -> Union[Extraction, InputError]:
    where = row["source"] or (article.id if article else "?")
    if row["error"] is not None:
        return InputError(where, row["error"])
    return Extraction.from_dict(json.loads(row["extraction"]), text=row["text"], source=row["source"])


def _article_dict(a: Article) -> dict:
    return {**a.to_dict(), "text": a.text, "source": a.source}
