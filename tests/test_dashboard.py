"""The dashboard in a real browser: headless Chromium (Debian's) driven by Playwright, against the
real `sitrep serve` holding 60 real news articles from ../shared (GeoWebNews and WikiEvents), the
bundled samples, the founding article and a hostile article.

Screenshots go to the test's output folder; with SITREP_DOCS_SCREENSHOT=1 the overview, an event
page, the incident view and the 1280×720 view are also written to docs/ (the ones the README shows)."""
from __future__ import annotations

import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from real_news import GWN, write_real_news
from test_api import FOUNDING, SAMPLES, _serve

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)"),
    pytest.mark.skipif(not FOUNDING.exists(), reason="../shared/samples (the founding article) is absent"),
    pytest.mark.skipif(not GWN.exists(), reason="../shared/corpora (real news for the store) is absent"),
]
playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
HOSTILE = ("Gunmen killed 12 people in Kaduna on Monday, police said. <script>alert(1)</script> "
           "Residents described <b>panic</b> in the market.")
ROOT = Path(__file__).resolve().parents[1]


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dash")
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE)
    (folder / "hostile.meta.json").write_text('{"published": "2024-06-03", "outlet": "<i>evil</i>"}')
    assert write_real_news(folder / "real-news.jsonl") >= 50
    db = folder / "sitrep.db"
    run = subprocess.run([sys.executable, "-m", "sitrep", "ingest", str(folder / "real-news.jsonl"), str(SAMPLES),
                          str(FOUNDING), str(hostile), "--db", str(db)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    proc, base = _serve(db)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


def open_dashboard(browser, site, path="/"):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    dialogs, requests = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site + path)
    page.wait_for_selector("body[data-loaded=true]", timeout=30_000)
    return page, dialogs, requests


def screenshot(page, folder, name, **options):
    page.screenshot(path=str(folder / name), **options)
    if os.environ.get("SITREP_DOCS_SCREENSHOT") == "1":
        (ROOT / "docs").mkdir(exist_ok=True)
        page.screenshot(path=str(ROOT / "docs" / name), **options)


def irbil_attack(page):
    return page.evaluate("""() => {
        for (const {event} of window.sitrep.markers.values())
            if (event.type === 'ASSAULT' && event.main && event.location.country === 'IQ'
                && event.date.value === '2021-02-15') return event;
        return null; }""")


def map_view(page):
    return page.evaluate("() => { const c = window.sitrep.map.getCenter(); return [c.lat, c.lng, window.sitrep.map.getZoom()]; }")


def widest_marker(page):
    widths = page.eval_on_selector_all("path.sitrep-event, .sitrep-cluster",
                                       "els => els.map(e => e.getBoundingClientRect().width)")
    assert widths
    return max(widths)


def test_map_markers_are_capped_and_the_timeline_brushes(browser, site, tmp_path):
    page, dialogs, requests = open_dashboard(browser, site)
    assert len(page.evaluate("() => window.sitrep.events")) > 300
    attack = irbil_attack(page)
    assert attack, "the Irbil attack is not on the map"
    assert km(attack["location"]["lat"], attack["location"]["lon"], 36.19, 44.01) <= 25
    assert widest_marker(page) <= 40  # capped and clustered: no toll covers a continent
    assert page.locator(".sitrep-cluster").count() >= 5  # zoomed out, nearby events are clustered
    screenshot(page, tmp_path, "dashboard.png")

    # the timeline opens on the data's last 12 months, labels apart; the rest is counted beside it
    labels = page.eval_on_selector_all("#timeline text", "els => els.map(e => e.getBBox()).map(b => [b.x, b.x + b.width])")
    assert all(a[1] < b[0] for a, b in zip(labels, labels[1:])), labels
    assert page.locator('#timeline rect[data-period="2021-02"]').count() == 0
    assert "earlier" in page.locator("#timeline-note").inner_text() and "undated" in page.locator("#timeline-note").inner_text()
    page.click("#timeline-range")  # the whole range, 1970s to 2024: a bar per year
    bar = page.locator('#timeline rect[data-period="2021"]').bounding_box()
    assert bar, "no bar for 2021"
    y = page.locator("#timeline").bounding_box()["y"] + 40
    page.mouse.move(bar["x"] + 0.5, y)
    page.mouse.down()
    page.mouse.move(bar["x"] + bar["width"] - 0.5, y, steps=5)
    page.mouse.up()
    shown = page.evaluate("() => window.sitrep.shown.map(e => e.date.value)")
    assert shown and all(d and d.startswith("2021") for d in shown), shown
    assert attack["id"] in page.evaluate("() => window.sitrep.shown.map(e => e.id)")
    assert page.locator("#count").inner_text().startswith(f"{len(shown)} of ")
    table_dates = page.eval_on_selector_all("#events-table tbody tr td:first-child", "els => els.map(e => e.textContent)")
    assert table_dates and all(d.startswith("2021") for d in table_dates)  # the table follows the brush
    page.screenshot(path=str(tmp_path / "brushed.png"))
    assert not dialogs
    assert all(r.startswith(site) or r.startswith("data:") for r in requests), [r for r in requests if not r.startswith(site)]


def test_stacked_events_open_a_list_and_the_event_page(browser, site, tmp_path):
    """Three records sit on Irbil: clicking them gives a list to choose from, not one at random."""
    page, dialogs, _ = open_dashboard(browser, site, "/?country=IQ")
    attack = irbil_attack(page)
    page.click(f'#events-table tr[data-id="{attack["id"]}"]')  # the row flies the map there
    page.wait_for_selector("#panel #actors")
    page.wait_for_timeout(800)
    lat, lon, zoom = map_view(page)
    assert zoom >= 7 and km(lat, lon, attack["location"]["lat"], attack["location"]["lon"]) < 5
    page.click(".sitrep-cluster.selected")  # the stack holding the attack is outlined
    page.wait_for_selector("#stack li")
    items = page.locator("#stack li")
    assert items.count() >= 2
    page.locator(f'#stack li[data-id="{attack["id"]}"] a').click()
    page.wait_for_selector("#figures tr[data-kind=weapon_count]")
    assert page.evaluate("() => document.getElementById('panel').dataset.event") == attack["id"]

    # the event page: both rocket counts, their sources, marked as disagreeing
    rows = page.locator("#figures tr[data-kind=weapon_count]").all_inner_texts()
    assert any("12" in r for r in rows) and any("24" in r for r in rows), rows
    assert any("Saraya" in r for r in rows) and any("coalition" in r.lower() or "Marotto" in r for r in rows), rows
    assert page.locator("#figures tr.disagree[data-kind=weapon_count] .badge.disagree").count() >= 1
    assert page.locator(".article-text mark").count() >= 1
    assert "claim_responsibility" in page.locator("#claims").inner_text()
    screenshot(page, tmp_path, "event.png")
    assert not dialogs


def test_article_text_is_never_html(browser, site, tmp_path):
    page, dialogs, _ = open_dashboard(browser, site)
    event_id = page.evaluate("""() => { for (const {event} of window.sitrep.markers.values())
        if (event.location.name === 'Kaduna' && event.article.outlet === '<i>evil</i>') return event.id; return null; }""")
    assert event_id
    page.goto(site + f"/#event={event_id}")
    page.wait_for_selector(".article-text")
    text = page.locator(".article-text").inner_text()
    assert "<script>alert(1)</script>" in text and "<b>panic</b>" in text
    assert page.locator(".article-text b, .article-text script").count() == 0
    assert "<i>evil</i>" in page.locator("#panel .meta").inner_text()
    page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)
    assert not dialogs, dialogs


def test_incidents_view_shows_each_outlets_figures(browser, site, tmp_path):
    """The Kassala shelling, told by two outlets a day apart: one incident, both tolls side by side,
    the later one current and the earlier kept as history."""
    page, dialogs, requests = open_dashboard(browser, site)
    page.click("#incidents-link")
    page.wait_for_selector("#incidents li")
    page.locator("#incidents li a", has_text="Kassala").first.click()
    page.wait_for_selector("#incident-figures tr[data-kind=killed]")
    rows = page.locator("#incident-figures tr[data-kind=killed]")
    outlets = {rows.nth(i).get_attribute("data-outlet") for i in range(rows.count())}
    assert len(outlets) == 2, outlets
    assert page.locator("#incident-figures tr.current[data-kind=killed]").count() >= 1
    assert page.locator("#incident-figures tr.history[data-kind=killed]").count() >= 1
    assert page.locator("#reports li").count() == 2
    screenshot(page, tmp_path, "incident.png")
    assert not dialogs


def test_filters_live_in_the_url_and_survive_a_reload(browser, site):
    page, dialogs, requests = open_dashboard(browser, site)
    page.select_option("#filters select[name=type]", "ASSAULT")
    page.click("#filters button[type=submit]")
    page.wait_for_timeout(300)
    assert "type=ASSAULT" in page.evaluate("() => location.search")
    page.reload()
    page.wait_for_selector("body[data-loaded=true]", timeout=30_000)
    assert page.eval_on_selector("#filters select[name=type]", "s => s.value") == "ASSAULT"
    types = page.evaluate("() => [...window.sitrep.markers.values()].map(m => m.event.type)")
    assert types and set(types) == {"ASSAULT"}


def test_events_table_sorts_by_toll_pages_and_a_row_opens_and_zooms(browser, site, tmp_path):
    page, dialogs, requests = open_dashboard(browser, site)
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == 100  # a page
    assert "of " in page.locator("#table-pager").inner_text()
    page.click("#table-pager button[data-page=next]")
    assert page.locator("#events-table tbody tr").count() > 0
    assert "rows 101–200 of " in page.locator("#table-pager").inner_text()
    page.click("#events-table th[data-sort=toll]")
    tolls = [int(t) for t in page.eval_on_selector_all("#events-table tbody td.toll", "els => els.map(e => e.textContent)")]
    assert tolls == sorted(tolls, reverse=True) and tolls[0] > 0
    assert "rows 1–100 of " in page.locator("#table-pager").inner_text()  # sorting turns to page 1
    event_id = page.evaluate("""() => { const mapped = new Set(window.sitrep.markers.keys());
        return [...document.querySelectorAll('#events-table tbody tr')].map(r => r.dataset.id).find(id => mapped.has(id)); }""")
    event = page.evaluate("id => window.sitrep.markers.get(id).event", event_id)
    page.click(f'#events-table tr[data-id="{event_id}"]')
    page.wait_for_selector("#panel #actors")  # the event page (polling functions would need eval: the CSP forbids it)
    assert page.evaluate("() => document.getElementById('panel').dataset.event") == event_id
    assert page.locator(f'#events-table tr.selected[data-id="{event_id}"]').count() == 1
    page.wait_for_timeout(800)  # the map flies to the event and outlines it (or the stack holding it)
    lat, lon, zoom = map_view(page)
    assert zoom >= 7 and km(lat, lon, event["location"]["lat"], event["location"]["lon"]) < 5
    outlined = page.locator(f'path.sitrep-event[data-id="{event_id}"][stroke-width="3"], .sitrep-cluster.selected')
    assert outlined.count() >= 1
    page.screenshot(path=str(tmp_path / "table.png"))
    assert not dialogs


def test_readable_at_1280_by_720(browser, site, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(site + "/")
    page.wait_for_selector("body[data-loaded=true]", timeout=30_000)
    assert page.evaluate("() => document.documentElement.scrollHeight") <= 720  # nothing pushed off the screen
    for part in ("#map", "#timeline", "#events-table", "#panel", "#filters"):
        box = page.locator(part).bounding_box()
        assert box and box["width"] > 100 and box["height"] > 30, (part, box)
    screenshot(page, tmp_path, "dashboard-1280x720.png")


def test_api_docs_render_offline(browser, site, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=30_000)  # the operations are drawn
    assert page.locator(".swagger-ui .opblock").count() >= 8
    assert all(r.startswith(site) or r.startswith("data:") for r in requests), [r for r in requests if not r.startswith(site)]
    page.screenshot(path=str(tmp_path / "docs.png"))
