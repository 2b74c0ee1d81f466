// The sitrep dashboard: a map of events, a timeline that filters it when brushed, an events
// table, a filter bar kept in the URL, and side pages for an event, several events at one
// point and incidents. Everything comes from this server's API; article text is untrusted and
// is only ever inserted as text nodes (textContent), never as HTML.
import { TYPES, colorOf, el, getJSON, monthOf } from "./util.js";
import { createMap } from "./map.js";
import { createTimeline } from "./timeline.js";
import { createTable } from "./table.js";
import { showEvent, showIncident, showIncidents, showStack } from "./pages.js";

// events: what the filters return (compact rows); shown: those inside the timeline's brush
const state = { events: [], shown: [], markers: new Map(), brush: null, selected: null };
window.sitrep = state;  // for people poking at the page (and for tests): read-only use

const mapView = createMap(state, {
  onEvent: openEvent, onStack: ids => showStack(ids.map(id => state.markers.get(id).event), openEvent),
});
state.map = mapView.map;
const timeline = createTimeline(state, applyBrush);
const table = createTable(state, openEvent);
const count = document.getElementById("count");

function inBrush(e) {
  if (!state.brush) return true;
  const month = monthOf(e.date.value);
  return Boolean(month && month >= state.brush.since && month <= state.brush.until);
}

function applyBrush() {
  state.shown = state.events.filter(inBrush);
  mapView.show(new Set(state.shown.map(e => e.id)));
  table.draw();
  const placed = state.shown.filter(e => state.markers.has(e.id)).length;
  count.textContent = `${state.shown.length} of ${state.events.length} events · ${placed} mapped`;
}

function openEvent(id) {
  state.selected = id;
  mapView.highlight(id);
  table.select(id);
  showEvent(id);
}

// --- filters, kept in the URL's query (?type=ASSAULT&country=IQ) so a view can be bookmarked --
const form = document.getElementById("filters");
const FILTERS = ["type", "country", "since", "until", "q", "main"];
for (const t of TYPES) form.type.append(el("option", { value: t }, t));
const legend = document.getElementById("legend");
for (const t of TYPES) { const s = el("span", {}, t); s.style.setProperty("--c", colorOf(t)); legend.append(s); }

function filterValue(name) {
  return name === "main" ? (form.main.checked ? "true" : "") : form[name].value.trim();
}

function filtersToURL() {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (filterValue(name)) params.set(name, filterValue(name));
  const query = params.toString();
  history.replaceState(null, "", `${location.pathname}${query ? "?" + query : ""}${location.hash}`);
}

function filtersFromURL() {
  const params = new URLSearchParams(location.search);
  for (const name of FILTERS) {
    if (!params.has(name)) continue;
    if (name === "main") form.main.checked = params.get(name) === "true";
    else form[name].value = params.get(name);
  }
}

async function load() {
  const params = new URLSearchParams({ limit: "5000", view: "compact" });
  for (const name of FILTERS) if (filterValue(name)) params.set(name, filterValue(name));
  const events = [];
  let cursor = null;
  do {
    if (cursor) params.set("cursor", cursor);
    const page = await getJSON(`/events?${params}`);
    events.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor && events.length < 50000);
  state.events = events;
  mapView.draw();
  timeline.draw();
  applyBrush();
  document.body.dataset.loaded = "true";
}

form.addEventListener("submit", ev => { ev.preventDefault(); state.brush = null; filtersToURL(); load(); });

// #event=ID links to an event page, #incident=ID to an incident, #incidents to the list
function showLinked() {
  const hash = decodeURIComponent(location.hash);
  const event = hash.match(/^#event=(.+)$/), incident = hash.match(/^#incident=(.+)$/);
  const panel = document.getElementById("panel");
  if (event && panel.dataset.event !== event[1]) openEvent(event[1]);
  if (incident) showIncident(incident[1]);
  if (hash === "#incidents") showIncidents();
}
window.addEventListener("hashchange", showLinked);
filtersFromURL();
mapView.drawCountries().then(load).then(showLinked);
