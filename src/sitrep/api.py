"""The HTTP API: `sitrep serve` puts the store behind FastAPI (OpenAPI at /openapi.json, docs at /docs).

Reading endpoints are paged by an opaque `cursor` (the storage row to continue after) and
`limit`, and filter as the CLI does. Each request opens the store read-only, so the server never
changes the database unless `allow_ingest` is on: then `POST /articles` runs the same read →
extract → store code as `sitrep ingest`, in a worker process of its own (reads never wait for an
extraction), behind a bearer token read from an environment variable, with request bodies over
`max_body` bytes refused (413). Errors are JSON
(`{"detail": "..."}`) with the status code that fits; every SQL value is a bound parameter.
"""
from __future__ import annotations

import asyncio
import hmac
import json
import os
import sys
import threading
import typing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, AsyncIterator, Callable, Iterator, Literal, Optional, Union

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from . import __version__
from .dialects import is_url, redact
from .models import EventType, Role, Stance
from .periods import first_day
from .store import Store, StoreError

STANCES = typing.get_args(Stance)
TYPES = typing.get_args(EventType)
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MAX_BODY = 5_000_000


def _cursor(value: Optional[str]) -> int:
    if value is None:
        return 0
    if not (value.isascii() and value.isdigit() and len(value) < 19):  # "¹".isdigit() is True too
        raise HTTPException(400, f"cursor {value!r} is not one this API gave out")
    return int(value)


def _next(row: Optional[int]) -> Optional[str]:
    return str(row) if row is not None else None


def _real_dates(**given: Optional[str]) -> None:
    """400 for a date the pattern lets through but no calendar has (2024-13)."""
    for name, value in given.items():
        if value is not None and first_day(value) is None:
            raise HTTPException(400, f"{name} {value!r} is not a real date (YYYY[-MM[-DD]])")


def _page(items_json: str, row: Optional[int]) -> Response:
    """A page's JSON from its items' JSON text as stored: never parsed and re-serialised."""
    return Response('{"items": ' + items_json + ', "next_cursor": ' + json.dumps(_next(row)) + "}",
                    media_type="application/json")


def _bbox(value: Optional[str]) -> Optional[tuple[float, float, float, float]]:
    if value is None:
        return None
    try:
        west, south, east, north = (float(x) for x in value.split(","))
    except ValueError:
        raise HTTPException(400, "bbox must be four numbers: west,south,east,north") from None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise HTTPException(400, "bbox must be west,south,east,north in degrees, west ≤ east, south ≤ north")
    return west, south, east, north


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    # export streams run in threads beside the event loop: hand the GIL over every millisecond
    # (Python's default is 5 ms), so a quick read on the loop never waits long behind them
    sys.setswitchinterval(0.001)
    worker = getattr(app.state, "ingest_worker", None)
    if worker:
        worker.start()  # the model loads while the server already answers reads
    yield
    if worker:
        worker.stop()


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


def allowed_hosts_for(host: str, extra: Optional[list[str]] = None) -> Optional[list[str]]:
    """The Host header values a server listening on `host` answers: on loopback only loopback
    names (a web page the user visits cannot read the store by DNS rebinding), plus `extra`;
    on another address `extra` if given, else any."""
    if host in LOOPBACK_NAMES or host.startswith("127."):
        return [*LOOPBACK_NAMES, host, *(extra or [])]
    return [*LOOPBACK_NAMES, host, *extra] if extra else None


def create_app(db: Union[str, Path], allow_ingest: bool = False, token_env: str = "SITREP_TOKEN",
               max_body: int = MAX_BODY, allowed_hosts: Optional[typing.Sequence[str]] = LOOPBACK_NAMES) -> FastAPI:
    app = FastAPI(title="sitrep", version=__version__, lifespan=_lifespan, docs_url=None, redoc_url=None,
                  description="Sourced, geocoded PLOVER events read from news reports.")
    app.add_middleware(RequestCheck, allowed=None if allowed_hosts is None else
                       {h.lower().strip("[]") for h in allowed_hosts})

    # Reads are a few milliseconds of SQLite: they run on the event loop itself, as async
    # dependencies and endpoints, which under load beats hopping to a thread pool and back.
    handles = ReadHandles(db)
    exports = Exports(db, HEAVY_AT_ONCE)

    async def store() -> AsyncIterator[Store]:
        if not is_url(db) and not Path(db).exists():
            raise _unavailable(f"{db}: no such database")
        try:
            handle = handles.take()
        except StoreError as exc:
            raise _unavailable(str(exc)) from None
        healthy = False
        try:
            yield handle
            healthy = True
        finally:
            handles.give(handle, healthy)

    async def event_filters(since: Optional[str] = Query(None, pattern=DATE, description="On or after YYYY[-MM[-DD]]"),
                      until: Optional[str] = Query(None, pattern=DATE, description="On or before YYYY[-MM[-DD]]"),
                      type: Optional[str] = Query(None, description="PLOVER type, e.g. ASSAULT"),
                      mode: Optional[str] = Query(None, max_length=40),
                      country: Optional[str] = Query(None, pattern=r"^[A-Za-z]{2}$", description="ISO alpha-2"),
                      bbox: Optional[str] = Query(None, description="west,south,east,north"),
                      actor: Optional[str] = Query(None, max_length=200, description="Part of an actor's name"),
                      q: Optional[str] = Query(None, max_length=200, description="Words in the evidence sentence"),
                      main: bool = Query(False, description="Only news, not recalled history"),
                      contested: bool = Query(False, description="Only events whose sources disagree on a figure"),
                      ) -> dict[str, Any]:
        if type is not None and type.upper() not in TYPES:
            raise HTTPException(400, f"type {type!r} is not a PLOVER type ({', '.join(TYPES)})")
        _real_dates(since=since, until=until)
        return {"since": since, "until": until, "type": type, "mode": mode, "country": country,
                "bbox": _bbox(bbox), "actor": actor, "text": q, "main_only": main, "contested": contested}

    @app.get("/events", summary="Events, filtered and paged",
             description="`items`: event documents (the JSON contract's events, each with its `article`); "
                         "with `view=compact`, what a list or a map shows of each (id, type, mode, main, date, "
                         "location, killed, injured, incident, outlets, article): details from `/events/{id}`. "
                         "`next_cursor`: pass it back as `cursor` for the next page, null on the last.")
    async def events(filters: dict = Depends(event_filters), limit: int = Query(100, ge=1, le=5000),
                     view: Literal["full", "compact"] = Query("full", description="compact: list and map fields only"),
                     cursor: Optional[str] = None, s: Store = Depends(store)) -> Response:
        if view == "full" and limit > 1000:
            raise HTTPException(400, "limit is at most 1000 for full documents (5000 with view=compact)")
        items, row = s.find_events(**filters, limit=limit, after=_cursor(cursor), raw=True, compact=view == "compact")
        return _page(items if view == "compact" else "[" + ", ".join(items) + "]", row)

    @app.get("/events/{event_id}", summary="One event with its evidence, figures and the claims about it")
    async def event(event_id: str, s: Store = Depends(store)) -> dict[str, Any]:
        found = s.event(event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id!r}")
        doc = s.document(found["article"]["id"]) or {}
        found["claims"] = [c for c in doc.get("claims", []) if c.get("about") == event_id]
        found["incident"] = s.incident_of(event_id)
        return found

    @app.get("/incidents", summary="Incidents: one real event across articles, each source's figures and disagreements",
             description="Stored incidents, oldest first. Each has its reports (outlet, article, why it joined), "
                         "figures per source and time (latest first), typed disagreements and corroboration.")
    async def incidents(type: Optional[str] = None, country: Optional[str] = Query(None, pattern=r"^[A-Za-z]{2}$"),
                  since: Optional[str] = Query(None, pattern=DATE), until: Optional[str] = Query(None, pattern=DATE),
                  contested: bool = Query(False, description="Only incidents whose sources disagree"),
                  min_reports: int = Query(1, ge=1, le=10_000, description="Only incidents told this many times"),
                  limit: int = Query(100, ge=1, le=1000), cursor: Optional[str] = None,
                  s: Store = Depends(store)) -> Response:
        if type is not None and type.upper() not in TYPES:
            raise HTTPException(400, f"type {type!r} is not a PLOVER type ({', '.join(TYPES)})")
        _real_dates(since=since, until=until)
        items, row = s.incidents(type=type, country=country, since=since, until=until, contested=contested,
                                 min_reports=min_reports, limit=limit, after=_cursor(cursor), raw=True)
        return _page("[" + ", ".join(items) + "]", row)

    @app.get("/incidents/{incident_id}", summary="One incident (an id merged into another gives the survivor)")
    async def incident(incident_id: str, s: Store = Depends(store)) -> Response:
        found = s.incident(incident_id)
        if found is None:
            raise HTTPException(404, f"no incident {incident_id!r}")
        return Response(json.dumps(found.to_dict()), media_type="application/json")

    @app.get("/export/incidents/{fmt}", summary="Incidents as JSON Lines, CSV or GeoJSON, one record each")
    def export_incidents(fmt: str, type: Optional[str] = None,
                         country: Optional[str] = Query(None, pattern=r"^[A-Za-z]{2}$"),
                         since: Optional[str] = Query(None, pattern=DATE),
                         until: Optional[str] = Query(None, pattern=DATE), contested: bool = False,
                         s: Store = Depends(store)) -> StreamingResponse:
        from .export import incident_chunks

        return exports.download(fmt, "incidents", lambda store: incident_chunks(
            store.each_incident(type=type, country=country, since=since, until=until, contested=contested), fmt))

    @app.get("/claims", summary="Claims: who said what, with what stance")
    def claims(speaker: Optional[str] = Query(None, max_length=200), stance: Optional[str] = None,
               anonymous: Optional[bool] = None, limit: int = Query(100, ge=1, le=1000),
               cursor: Optional[str] = None, s: Store = Depends(store)) -> dict[str, Any]:
        if stance is not None and stance not in STANCES:
            raise HTTPException(400, f"stance {stance!r} is not one of {', '.join(STANCES)}")
        items, row = s.claims_page(speaker=speaker, stance=stance, anonymous=anonymous, limit=limit,
                                   after=_cursor(cursor))
        return {"items": items, "next_cursor": _next(row)}

    @app.get("/articles", summary="Stored articles (metadata)")
    def articles(limit: int = Query(100, ge=1, le=1000), cursor: Optional[str] = None,
                 s: Store = Depends(store)) -> dict[str, Any]:
        items, row = s.articles_page(limit=limit, after=_cursor(cursor))
        return {"items": items, "next_cursor": _next(row)}

    @app.get("/articles/{article_id}", summary="One article: metadata, text and everything read from it")
    def article(article_id: str, s: Store = Depends(store)) -> dict[str, Any]:
        meta = s.article(article_id)
        if meta is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return {**meta, "text": s.article_text(article_id), "extraction": s.document(article_id)}

    @app.get("/export/{fmt}", summary="Events as JSON Lines, ACLED-like CSV or GeoJSON, for any filter",
             description="Streamed as it is read: the filters of `/events`, every matching event.")
    async def export(fmt: str, filters: dict = Depends(event_filters), s: Store = Depends(store)) -> StreamingResponse:
        from .export import event_chunks

        return exports.download(fmt, "events", lambda store: event_chunks(store.each_event(**filters), fmt))

    _add_dashboard(app)
    if allow_ingest:
        _add_ingest(app, db, token_env, max_body)
    return app


WEB = Path(__file__).resolve().parent / "web"


def _add_dashboard(app: FastAPI) -> None:
    """The dashboard at /: static files shipped in the package, nothing fetched from elsewhere."""
    from fastapi.responses import FileResponse
    from fastapi.staticfiles import StaticFiles

    app.mount("/static", StaticFiles(directory=WEB), name="static")

    @app.get("/vocabulary.js", include_in_schema=False)
    def vocabulary() -> Response:
        """The contract's vocabularies for the dashboard, from models.py (written nowhere else)."""
        words = {"types": TYPES, "stances": STANCES, "roles": typing.get_args(Role)}
        return Response(f"window.SITREP_VOCABULARY = {json.dumps(words)};\n", media_type="text/javascript")

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        """Swagger UI from the package's own copy: the page works offline and tells no CDN who reads it."""
        from fastapi.openapi.docs import get_swagger_ui_html

        return get_swagger_ui_html(openapi_url="/openapi.json", title="sitrep API",
                                   swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/static/vendor/swagger-ui/favicon-32x32.png")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(WEB / "index.html", headers={
            "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'"})


def _add_ingest(app: FastAPI, db: Union[str, Path], token_env: str, max_body: int) -> None:
    token = os.environ.get(token_env)
    if not token:
        raise RuntimeError(f"--allow-ingest needs a bearer token in the environment variable {token_env}")

    @app.post("/articles", status_code=201, summary="Store articles: one JSON object, or JSON Lines for a batch")
    async def ingest(request: Request) -> dict[str, Any]:
        given = request.headers.get("authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
            raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > max_body:
            raise HTTPException(413, f"request body over {max_body:,} bytes")
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > max_body:
                raise HTTPException(413, f"request body over {max_body:,} bytes")
        status, answer = await worker.run(db, body)
        return JSONResponse(answer, status_code=status)  # errors carry "detail", as HTTPException's do

    worker = IngestWorker()
    app.state.ingest_worker = worker


class RequestCheck:
    """Refuses (400) a request with a NUL in its path or query, or whose Host header names a
    host this server does not answer to (`allowed`; None: any)."""

    def __init__(self, app, allowed: Optional[set[str]]):
        self.app, self.allowed = app, allowed

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and ("\x00" in scope["path"] or b"%00" in scope["query_string"].lower()
                                       or b"\x00" in scope["query_string"]):
            # no id, name or filter holds a NUL, and PostgreSQL refuses one in any text value
            await JSONResponse({"detail": "a NUL character in the path or query"}, status_code=400)(scope, receive, send)
            return
        if scope["type"] == "http" and self.allowed is not None:
            given = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
            name = given.rsplit(":", 1)[0] if given.count(":") == 1 or given.startswith("[") else given
            if name.lower().strip("[]") not in self.allowed:
                response = JSONResponse({"detail": f"Host {given[:100]!r} is not a name this server answers to "
                                                   "(sitrep serve --allowed-host NAME adds one)"}, status_code=400)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _unavailable(why: str) -> HTTPException:
    """503 for a database the server cannot read: why goes to the server's log (its operator),
    never to the client (who may not be trusted with the database's user, host or file)."""
    print(f"sitrep serve: {redact(why)}", file=sys.stderr, flush=True)
    return HTTPException(503, "the database is unavailable; the server's log says why",
                         headers={"Retry-After": "30"})


HEAVY_AT_ONCE = 2  # exports streamed at once per server process; more are told to retry (503)


class Heavy:
    """At most `limit` long responses (whole-store exports) at once. One past it is refused at
    once with 503 and Retry-After, never queued: fifty clients asking for exports get `limit`
    streams and clean refusals, not fifty streams sharing the CPU (and starving every quick
    read of the GIL) for minutes. A slot is freed when its stream ends, fails, or is dropped
    because the client left (the store is read a page at a time, so nothing more is read for a
    client that is gone)."""

    def __init__(self, limit: int):
        self.limit = limit
        self._slots = threading.BoundedSemaphore(limit)

    def stream(self, chunks: Iterator[str]) -> "_Slot":
        if not self._slots.acquire(blocking=False):
            raise HTTPException(503, f"{self.limit} exports are being streamed already; retry in a minute",
                                headers={"Retry-After": "60"})
        return _Slot(chunks, self._slots)


class Exports(Heavy):
    """Whole-store exports of one database, streamed under Heavy's limit."""

    def __init__(self, db: Union[str, Path], limit: int):
        super().__init__(limit)
        self.db = db

    def download(self, fmt: str, what: str, chunks_of: Callable[[Store], Iterator[str]]) -> StreamingResponse:
        """`chunks_of(store)` in format `fmt` as a download named sitrep-`what`.`fmt`; 404 for an unknown format."""
        from .export import MEDIA_TYPES

        if fmt not in MEDIA_TYPES:
            raise HTTPException(404, f"unknown format {fmt!r}; choose one of {', '.join(MEDIA_TYPES)}")

        def chunks() -> Iterator[str]:  # its own handle: the response outlives the request's
            with Store(self.db, readonly=True) as store:
                yield from chunks_of(store)

        return StreamingResponse(self.stream(chunks()), media_type=MEDIA_TYPES[fmt],
                                 headers={"Content-Disposition": f'attachment; filename="sitrep-{what}.{fmt}"'})


class _Slot:
    """An iterator over a stream's chunks that gives its slot back exactly once: at the end, on
    an error, or when dropped unfinished (Starlette stops iterating when the client leaves)."""

    def __init__(self, chunks: Iterator[str], slots: threading.BoundedSemaphore):
        self._chunks, self._slots, self._held = chunks, slots, True

    def __iter__(self) -> "_Slot":
        return self

    def __next__(self) -> str:
        try:
            return next(self._chunks)
        except BaseException:
            self.release()
            raise

    def release(self) -> None:
        if self._held:
            self._held = False
            self._slots.release()
            close = getattr(self._chunks, "close", None)
            if close:
                close()

    __del__ = release


class ReadHandles:
    """Read-only store handles kept open between requests: opening one (connecting, checking
    the schema) costs more than a page's query. A handle that saw an error is closed, never
    reused; at most `keep` wait idle."""

    def __init__(self, db: Union[str, Path], keep: int = 8):
        self.db, self.keep = db, keep
        self._idle: list[Store] = []  # list.pop and list.append are atomic: threads may share it

    def take(self) -> Store:
        try:
            return self._idle.pop()
        except IndexError:
            return Store(self.db, readonly=True)

    def give(self, handle: Store, healthy: bool) -> None:
        if healthy and len(self._idle) < self.keep:
            self._idle.append(handle)
        else:
            handle.close()


class IngestWorker:
    """One process that extracts and stores what `POST /articles` receives. Extraction is
    seconds of CPU and holds the GIL, so in this process it would slow every read; there, reads
    keep their own core, and each article's time budget (SIGALRM) works in its main thread.
    The process starts with the server and loads the model once."""

    def __init__(self) -> None:
        self._pool: Optional[ProcessPoolExecutor] = None

    def start(self) -> None:
        if self._pool is None:
            import multiprocessing

            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_warm_worker, initargs=(os.getpid(),))
            self._pool.submit(int)  # a pool starts its process at the first task: now, so the model loads now

    async def run(self, db: Union[str, Path], body: bytes) -> tuple[int, dict[str, Any]]:
        self.start()
        try:
            return await asyncio.get_running_loop().run_in_executor(self._pool, _store_batch, db, body)
        except BrokenProcessPool:
            self._pool = None  # the next request starts a new worker
            return 503, {"detail": "the ingest worker stopped before it answered; nothing of this request "
                                   "was stored after its last commit: send it again"}

    def stop(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


def _warm_worker(server: int) -> None:
    from .pipeline import nlp

    # the server may end without shutting its pool down (killed, or exiting before the pool's
    # thread tells the worker): a worker whose server is gone ends too, never lingers with its model
    threading.Thread(target=_end_with, args=(server,), daemon=True).start()
    if hasattr(os, "nice"):
        os.nice(10)  # ingestion is background work: on a busy machine the server's reads go first
    nlp()


def _end_with(server: int) -> None:
    import time

    while os.getppid() == server:
        time.sleep(1)
    os._exit(0)


def _store_batch(db: Union[str, Path], body: bytes) -> tuple[int, dict[str, Any]]:
    """Read, extract and store a request's articles with the code `sitrep ingest` uses; returns
    (status, JSON body): 201 when something was stored, 200 when every article was stored
    already, 422 when none could be (each line's error in `results`)."""
    from .pipeline import extract_articles
    from .read import InputError

    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        return 400, {"detail": "the body is not UTF-8"}
    if not text.strip():
        return 400, {"detail": "empty body: send a JSON object with 'text' or 'html', JSON Lines of them, "
                               "or a JSON array of them"}
    line = lambda where: int(where.rsplit(":", 1)[1])
    results: list[dict[str, Any]] = []
    articles = []
    for item in _request_articles(text):
        if isinstance(item, InputError):
            results.append({"line": line(item.where), "error": item.why})
        else:
            articles.append(item)
    try:
        with Store(db) as store:
            for article, x in zip(articles, extract_articles(articles, budget=120.0)):
                n = line(article.source)
                if isinstance(x, InputError):
                    results.append({"line": n, "error": x.why})
                elif store.add(x):
                    results.append({"line": n, "article": article.id, "stored": True, "events": len(x.events)})
                else:
                    results.append({"line": n, "article": article.id, "stored": False, "reason": "already stored"})
    except StoreError as exc:
        return 503, {"detail": str(exc)}
    results.sort(key=lambda r: r["line"])
    if any(r.get("stored") for r in results):
        return 201, {"results": results}
    if all("error" not in r for r in results):
        return 200, {"results": results}
    return 422, {"detail": "nothing was stored: every article had an error", "results": results}


def _request_articles(text: str):
    """The articles of a request body: one JSON object (pretty-printed or not), a JSON array of
    objects, or JSON Lines. Items are numbered from 1 as `request:N`."""
    from .read import InputError, from_object, json_lines

    try:
        whole = json.loads(text)
    except (ValueError, RecursionError):
        yield from json_lines(text, "request")  # JSON Lines (or malformed: each line says why)
        return
    for n, obj in enumerate(whole if isinstance(whole, list) else [whole], 1):
        try:
            yield from_object(obj, f"request:{n}")
        except InputError as exc:
            yield exc


SERVE_ENV = "SITREP_SERVE"  # how `serve` hands its settings to worker processes
def serve(db: Union[str, Path], host: str = "127.0.0.1", port: int = 8000, allow_ingest: bool = False,
          workers: int = 1, allowed_hosts: Optional[list[str]] = None) -> None:
    """Run the API; with `workers` > 1, that many server processes share the port (reads are
    CPU-bound Python: one process uses one core)."""
    import uvicorn

    from .http_protocol import NAME as GUARDED_HTTP

    hosts = allowed_hosts_for(host, allowed_hosts)
    options = dict(host=host, port=port, log_level="warning", timeout_keep_alive=5, http=GUARDED_HTTP)
    if workers <= 1:
        uvicorn.run(create_app(db, allow_ingest=allow_ingest, allowed_hosts=hosts), **options)
        return
    # worker processes build the app by name (settings in their environment); `options` are pickled to them
    os.environ[SERVE_ENV] = json.dumps({"db": str(db), "allow_ingest": allow_ingest, "allowed_hosts": hosts})
    uvicorn.run("sitrep.api:app_from_environment", factory=True, workers=workers, **options)


def app_from_environment() -> FastAPI:
    """The app a `serve` worker process builds, from the settings `serve` left in its environment."""
    settings = json.loads(os.environ[SERVE_ENV])
    return create_app(settings["db"], allow_ingest=settings["allow_ingest"], allowed_hosts=settings["allowed_hosts"])
