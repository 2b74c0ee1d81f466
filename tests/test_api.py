"""The HTTP API as a client sees it: the real `sitrep serve` on a free loopback port, a real
HTTP client (httpx), every endpoint, paging, filters, errors, the token and the size limit."""
from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from processes import children, runs

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
FOUNDING = ROOT.parent / "shared" / "samples" / "usnews-2021-02-16-irbil-rocket-attack.txt"
TOKEN = "test-token-4f1c"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(db: Path, *extra: str, env=None):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", str(db), "--port", str(port), *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(base + "/openapi.json", timeout=1)
            return proc, base
        except httpx.TransportError:
            if proc.poll() is not None:
                raise RuntimeError(proc.stderr.read())
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("sitrep serve did not start")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("api") / "sitrep.db"
    inputs = [SAMPLES] + ([FOUNDING] if FOUNDING.exists() else [])
    run = subprocess.run([sys.executable, "-m", "sitrep", "ingest", *map(str, inputs), "--db", str(db)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    proc, base = _serve(db)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


def test_openapi_and_docs(server):
    spec = httpx.get(server + "/openapi.json").json()
    assert {"/events", "/events/{event_id}", "/incidents", "/claims", "/articles", "/articles/{article_id}",
            "/export/{fmt}"} <= set(spec["paths"])
    assert "/articles" in spec["paths"] and "post" not in spec["paths"]["/articles"]  # writing is off by default
    assert httpx.get(server + "/docs").status_code == 200


def test_events_are_paged_with_a_cursor(server):
    first = httpx.get(server + "/events", params={"limit": 3}).json()
    assert len(first["items"]) == 3 and first["next_cursor"]
    seen = [e["id"] for e in first["items"]]
    cursor = first["next_cursor"]
    while cursor:
        page = httpx.get(server + "/events", params={"limit": 3, "cursor": cursor}).json()
        seen += [e["id"] for e in page["items"]]
        cursor = page["next_cursor"]
    assert len(seen) == len(set(seen)) == len(httpx.get(server + "/events", params={"limit": 1000}).json()["items"])


def test_event_filters(server):
    get = lambda **p: httpx.get(server + "/events", params={"limit": 1000, **p}).json()["items"]
    assaults = get(type="ASSAULT")
    assert assaults and all(e["type"] == "ASSAULT" for e in assaults)
    assert all(e["location"]["country"] == "SD" for e in get(country="sd"))
    assert all("2024-03-01" <= e["date"]["value"] <= "2024-03-31" for e in get(since="2024-03-01", until="2024-03-31"))
    sudan = get(bbox="21,8,39,23")  # west,south,east,north around Sudan
    assert sudan and all(21 <= e["location"]["lon"] <= 39 for e in sudan)
    assert all(e["main"] for e in get(main="true"))
    assert all(any("Rapid Support" in a["name"] for a in e["actors"]) for e in get(actor="Rapid Support"))
    assert all("market" in e["evidence"][0]["sentence"].lower() for e in get(q="market"))
    assert get(q="100%_literal") == []


def test_compact_view_lists_what_a_map_and_a_table_need(server):
    full = httpx.get(server + "/events", params={"limit": 1000, "type": "ASSAULT"}).json()["items"]
    compact = httpx.get(server + "/events", params={"limit": 1000, "type": "ASSAULT", "view": "compact"}).json()
    assert [e["id"] for e in compact["items"]] == [e["id"] for e in full]
    for small, big in zip(compact["items"], full):
        assert set(small) == {"id", "type", "mode", "main", "date", "location", "killed", "injured", "incident",
                              "outlets", "article"}
        assert small["date"]["value"] == big["date"]["value"] and small["location"]["lat"] == big["location"]["lat"]
        assert bool(small["incident"]) == big["main"]  # recalled history is not merged into incidents
        assert small["outlets"] >= 1 and small["article"]["id"] == big["article"]["id"]
    kassala = [e for e in compact["items"] if e["location"]["name"] == "Kassala" and e["killed"]]
    assert kassala and max(e["outlets"] for e in kassala) == 2  # two outlets tell the shelling
    assert len(httpx.get(server + "/events", params={"view": "compact", "limit": 5000}).json()["items"]) > 0
    assert httpx.get(server + "/events", params={"limit": 5000}).status_code == 400  # full documents: at most 1000
    assert httpx.get(server + "/events", params={"view": "tiny"}).status_code == 422


@pytest.mark.skipif(not FOUNDING.exists(), reason="../shared/samples is absent")
def test_contested_event_and_its_claims(server):
    contested = httpx.get(server + "/events", params={"contested": "true", "type": "ASSAULT"}).json()["items"]
    irbil = next(e for e in contested if e["location"]["country"] == "IQ")
    counts = {f["value"] for f in irbil["figures"] if f["kind"] == "weapon_count"}
    assert {12, 24} <= counts
    detail = httpx.get(server + f"/events/{irbil['id']}").json()
    assert detail["evidence"] and detail["article"]["published"] == "2021-02-16"
    assert any(c["stance"] == "claim_responsibility" for c in detail["claims"])
    assert detail["incident"].startswith("inc-")


def test_incidents_keep_each_sources_figures(server):
    items = httpx.get(server + "/incidents", params={"type": "ASSAULT", "country": "SD"}).json()["items"]
    kassala = next(i for i in items if len(i["reports"]) >= 2)
    # 14 killed on the 11th, 19 on the 12th: a rising toll, kept as history, not a disagreement
    killed = [(f["value"], f["current"]) for f in kassala["figures"] if f["kind"] == "killed"]
    assert killed == [(19, True), (14, False)] and kassala["killed"] == 19
    assert "killed" not in [d["kind"] for d in kassala["disagreements"]]
    again = httpx.get(server + f"/incidents/{kassala['id']}").json()
    assert again == kassala
    assert httpx.get(server + "/incidents/inc-nope").status_code == 404
    csv_text = httpx.get(server + "/export/incidents/csv", params={"country": "SD"}).text
    assert csv_text.startswith("incident_id,") and kassala["id"] in csv_text


def test_claims_and_articles(server):
    claims = httpx.get(server + "/claims", params={"stance": "deny"}).json()["items"]
    assert claims and all(c["stance"] == "deny" for c in claims)
    anonymous = httpx.get(server + "/claims", params={"anonymous": "true"}).json()["items"]
    assert all(c["anonymous"] == 1 for c in anonymous)
    articles = httpx.get(server + "/articles").json()["items"]
    one = httpx.get(server + f"/articles/{articles[0]['id']}").json()
    assert one["text"] and one["extraction"]["article"]["id"] == articles[0]["id"]


def test_exports_stream_for_a_filter(server):
    jsonl = httpx.get(server + "/export/jsonl", params={"type": "ASSAULT"})
    rows = [json.loads(line) for line in jsonl.text.splitlines()]
    assert rows and all(r["event_type"] == "ASSAULT" for r in rows)
    table = list(csv.DictReader(io.StringIO(httpx.get(server + "/export/csv").text)))
    assert table and "event_type" in table[0]
    geo = httpx.get(server + "/export/geojson", params={"country": "SD"}).json()
    assert geo["type"] == "FeatureCollection" and geo["features"]


@pytest.mark.parametrize("path, params, status", [
    ("/events/nope", {}, 404), ("/articles/nope", {}, 404), ("/export/xlsx", {}, 404),
    ("/events", {"type": "BOMBING"}, 400), ("/events", {"since": "last week"}, 422),
    ("/events", {"bbox": "1,2,3"}, 400), ("/events", {"limit": 0}, 422), ("/events", {"cursor": "abc"}, 400),
    ("/claims", {"cursor": "\u00b9"}, 400), ("/incidents", {"cursor": "9" * 40}, 400),  # found by schemathesis
    ("/claims", {"stance": "angry"}, 400),
])
def test_errors_are_json_with_the_right_status(server, path, params, status):
    r = httpx.get(server + path, params=params)
    assert r.status_code == status and "detail" in r.json()


def test_ingest_needs_the_token_and_refuses_huge_bodies(tmp_path):
    db = tmp_path / "w.db"
    proc, base = _serve(db, "--allow-ingest", env={"SITREP_TOKEN": TOKEN})
    try:
        article = {"text": "Gunmen killed 12 people in Kaduna on Monday, police said.", "published": "2024-06-03"}
        assert httpx.post(base + "/articles", json=article).status_code == 401
        assert httpx.post(base + "/articles", json=article, headers={"Authorization": "Bearer wrong"}).status_code == 401
        auth = {"Authorization": f"Bearer {TOKEN}"}
        r = httpx.post(base + "/articles", json=article, headers=auth)
        assert r.status_code == 201 and r.json()["results"][0]["stored"] is True
        batch = "\n".join([json.dumps(article), "not json", json.dumps({"text": ""})])
        r = httpx.post(base + "/articles", content=batch, headers=auth)
        results = r.json()["results"]
        assert r.status_code == 422 and "nothing was stored" in r.json()["detail"]  # never 201 for nothing
        assert results[0]["stored"] is False and "error" in results[1] and "error" in results[2]
        assert httpx.post(base + "/articles", json=article, headers=auth).status_code == 200  # already stored
        pretty = json.dumps({**article, "text": article["text"] + " Residents fled."}, indent=2)
        r = httpx.post(base + "/articles", content=pretty, headers=auth)  # one object over several lines
        assert r.status_code == 201 and len(r.json()["results"]) == 1
        two = [{**article, "text": article["text"] + f" Update {k}."} for k in (1, 2)]
        r = httpx.post(base + "/articles", json=two, headers=auth)  # a JSON array of articles
        assert r.status_code == 201 and [x["stored"] for x in r.json()["results"]] == [True, True]
        lone = '{"text": "Gunmen killed 12 people in Kaduna on Monday \\udc00 police said.", "published": "2024-06-03"}'
        r = httpx.post(base + "/articles", content=lone, headers=auth)
        assert r.status_code == 422 and "lone surrogate" in r.json()["results"][0]["error"]
        huge = httpx.post(base + "/articles", content=b"x" * 6_000_000, headers=auth)
        assert huge.status_code == 413
        assert httpx.get(base + "/events").json()["items"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_reads_are_answered_while_an_ingest_runs(tmp_path):
    """Extraction runs in the server's worker process: a read sent during a long POST is
    answered before the POST is."""
    import threading

    db = tmp_path / "r.db"
    subprocess.run([sys.executable, "-m", "sitrep", "ingest", str(SAMPLES), "--db", str(db)], check=True,
                   capture_output=True)
    proc, base = _serve(db, "--allow-ingest", env={"SITREP_TOKEN": TOKEN})
    try:
        sentence = "Gunmen killed {k} people in Kaduna on Monday and burned {k} houses, police said. "
        batch = "\n".join(json.dumps({"text": "".join(sentence.format(k=k + j) for j in range(40)),
                                      "published": "2024-06-03"}) for k in range(12))
        done = {}

        def post():
            done["post"] = httpx.post(base + "/articles", content=batch, timeout=300,
                                      headers={"Authorization": f"Bearer {TOKEN}"}).status_code
            done["post_at"] = time.perf_counter()

        writer = threading.Thread(target=post)
        writer.start()
        time.sleep(1.0)
        r = httpx.get(base + "/events", params={"limit": 1}, timeout=60)
        answered = time.perf_counter()
        writer.join()
        assert r.status_code == 200 and done["post"] == 201
        assert answered < done["post_at"], "the read waited for the ingest"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_several_server_processes_answer(server, tmp_path):
    """`sitrep serve --workers 2`: each process builds the app and the guarded protocol by name."""
    db = tmp_path / "w2.db"
    subprocess.run([sys.executable, "-m", "sitrep", "ingest", str(SAMPLES), "--db", str(db)], check=True,
                   capture_output=True)
    proc, base = _serve(db, "--workers", "2")
    try:
        assert all(httpx.get(base + "/events", params={"limit": 1}).status_code == 200 for _ in range(6))
        assert httpx.get(base + "/events", headers={"Host": "attacker.example"}).status_code == 400
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds the worker through /proc")
@pytest.mark.parametrize("how", ["terminate", "kill"])
def test_the_ingest_worker_ends_with_its_server(tmp_path, how):
    """Every stopped server left its ingest worker behind, the model loaded (≈ 350 MB each)."""
    db = tmp_path / "w.db"
    subprocess.run([sys.executable, "-m", "sitrep", "ingest", str(SAMPLES), "--db", str(db)], check=True,
                   capture_output=True)
    proc, base = _serve(db, "--allow-ingest", env={"SITREP_TOKEN": TOKEN})
    deadline = time.time() + 60
    while not (workers := [c for c in children(proc.pid) if runs(c, "spawn_main")]):
        assert time.time() < deadline, "no ingest worker started"
        time.sleep(0.2)
    getattr(proc, how)()
    proc.wait(timeout=20)
    deadline = time.time() + 15
    while any(runs(w, "spawn_main") for w in workers):
        assert time.time() < deadline, "the ingest worker outlived its server"
        time.sleep(0.2)


def test_ingest_without_a_token_does_not_start(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SITREP_TOKEN"}
    run = subprocess.run([sys.executable, "-m", "sitrep", "serve", "--db", str(tmp_path / "x.db"), "--allow-ingest"],
                         capture_output=True, text=True, env=env, timeout=60)
    assert run.returncode == 2 and "SITREP_TOKEN" in run.stderr


def test_schemathesis_finds_no_server_error(server, tmp_path):
    """Property-based requests generated from the live OpenAPI spec: no 5xx, responses match it.
    Run in a temporary folder: schemathesis writes its cache where it runs, never in the checkout."""
    cli = Path(sys.executable).with_name("schemathesis")
    if not cli.exists():
        pytest.skip("schemathesis is not installed (pip install -e '.[test]')")
    run = subprocess.run([str(cli), "run", server + "/openapi.json", "--checks", "not_a_server_error",
                          "--max-examples", "25", "--phases", "examples,coverage,fuzzing"],
                         capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert run.returncode == 0, run.stdout[-3000:]


def test_a_password_in_the_url_is_never_shown(tmp_path, capfd):
    """`?password=` is masked like `user:pass@`: in CLI errors, in the server's log, and the 503 a
    client sees says nothing of the database's user, host, port or name."""
    secret = "s3cr3t-pw"
    for url in (f"postgresql://bob@127.0.0.1:1/sitrepdb?password={secret}&connect_timeout=2",
                f"postgresql://bob:{secret}@127.0.0.1:1/sitrepdb?connect_timeout=2"):
        run = subprocess.run([sys.executable, "-m", "sitrep", "events", "--db", url], capture_output=True, text=True,
                             timeout=60)
        assert run.returncode == 3 and secret not in run.stderr + run.stdout and "***" in run.stderr
        from sitrep.api import create_app

        r = _in_process(create_app(url), "/events")
        assert r.status_code == 503 and r.headers["retry-after"]
        assert not any(word in r.text for word in (secret, "bob", "5432", ":1", "sitrepdb", "127.0.0.1")), r.text
        log = capfd.readouterr().err
        assert "sitrepdb" in log and secret not in log  # the operator's log says why, masked


def _in_process(app, path):
    import asyncio

    async def get():
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1") as client:
            return await client.get(path)
    return asyncio.run(get())


def test_host_header_must_name_this_server(server):
    """DNS rebinding: a page on attacker.example resolving to 127.0.0.1 sends Host: attacker.example."""
    r = httpx.get(server + "/events", headers={"Host": "attacker.example"})
    assert r.status_code == 400 and "attacker.example" in r.json()["detail"]
    assert httpx.get(server + "/", headers={"Host": "evil.test:80"}).status_code == 400
    port = server.rsplit(":", 1)[1]
    assert httpx.get(server + "/events", headers={"Host": f"localhost:{port}"}).status_code == 200


def test_allowed_hosts_follow_the_listening_address():
    from sitrep.api import allowed_hosts_for

    assert "example.org" not in allowed_hosts_for("127.0.0.1") and "localhost" in allowed_hosts_for("127.0.0.1")
    assert "sitrep.lan" in allowed_hosts_for("127.0.0.1", ["sitrep.lan"])
    assert allowed_hosts_for("0.0.0.0") is None  # listening everywhere: names are the operator's choice
    assert "sitrep.lan" in allowed_hosts_for("0.0.0.0", ["sitrep.lan"])


def test_docs_page_is_served_from_the_package(server):
    page = httpx.get(server + "/docs").text
    assert "cdn" not in page.lower() and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page
    assert httpx.get(server + "/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_heavy_streams_are_bounded_and_free_their_slot_however_they_end():
    """Five exports at once: the fifth is refused at once (503, Retry-After), not queued; a slot
    comes back when a stream ends, fails, or is dropped because its client left."""
    import gc

    from fastapi import HTTPException
    from sitrep.api import Heavy

    def chunks(fail=False):
        yield "a"
        if fail:
            raise OSError("disk gone")
        yield "b"

    heavy = Heavy(4)
    streams = [heavy.stream(chunks()) for _ in range(4)]
    with pytest.raises(HTTPException) as refused:
        heavy.stream(chunks())
    assert refused.value.status_code == 503 and refused.value.headers["Retry-After"]
    assert list(streams.pop()) == ["a", "b"]  # ended
    failing = heavy.stream(chunks(fail=True))
    with pytest.raises(OSError):
        list(failing)
    left = heavy.stream(chunks())
    next(left)  # the client read a chunk and left
    del left
    gc.collect()
    again = [heavy.stream(chunks())]  # one slot free again, after all three endings
    with pytest.raises(HTTPException):
        heavy.stream(chunks())
    assert again


def test_connections_that_send_no_request_are_closed(server):
    """A client that connects and sends nothing, or a few header bytes and then nothing, loses
    the connection after the server's request-head timeout (10 s) instead of keeping it."""
    from sitrep.http_protocol import REQUEST_HEAD_WITHIN

    port = int(server.rsplit(":", 1)[1])
    silent = socket.create_connection(("127.0.0.1", port))
    partial = socket.create_connection(("127.0.0.1", port))
    partial.sendall(b"GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    for conn in (silent, partial):
        conn.settimeout(REQUEST_HEAD_WITHIN + 10)
    start = time.perf_counter()
    assert silent.recv(1024) == b"" and partial.recv(1024) == b""  # closed by the server
    assert time.perf_counter() - start < REQUEST_HEAD_WITHIN + 10
    silent.close()
    partial.close()
    assert httpx.get(server + "/events", params={"limit": 1}).status_code == 200  # others are served as before
