// The sitrep dashboard: a map of events, a timeline that filters it when brushed, a filter bar,
// and an event page (evidence highlighted in the article, figures per source, claims).
// Everything comes from this server's API; article text is untrusted and is only ever
// inserted as text nodes (textContent), never as HTML.
"use strict";

const TYPES = window.SITREP_VOCABULARY.types;  // from models.py, through /vocabulary.js
const COLORS = ["#2e7d32", "#43a047", "#66bb6a", "#9ccc65", "#26a69a", "#00897b", "#80cbc4", "#5c6bc0",
                "#8e24aa", "#ab47bc", "#f9a825", "#fb8c00", "#6d4c41", "#546e7a", "#e53935", "#b71c1c"];
const colorOf = t => COLORS[Math.max(0, TYPES.indexOf(t))];

const state = { events: [], markers: new Map(), brush: null };
window.sitrep = state;  // for people poking at the page (and for tests): read-only use

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v; else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(c == null ? "" : String(c)));
  return node;
}

async function getJSON(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return r.json();
}

// --- map -------------------------------------------------------------------------------
const map = L.map("map", { worldCopyJump: true, zoomSnap: 0.5 }).setView([20, 20], 2);
const markerLayer = L.layerGroup().addTo(map);

async function drawCountries() {
  const topo = await getJSON("/static/vendor/countries-50m.json");
  const land = topojson.feature(topo, topo.objects.countries);
  L.geoJSON(land, { style: { color: "#8a97ab", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 },
                    interactive: false }).addTo(map);
}

// The event's own toll (never a subtotal or a period's total), as models.headline reads it.
function casualties(e) {
  let n = 0;
  for (const kind of ["killed", "injured"]) {
    const own = e.figures.filter(f => f.kind === kind && (f.scope ?? "event") === "event");
    const numbers = own.filter(f => f.qualifier !== "vague");
    const updates = numbers.filter(f => f.update);
    const values = (updates.length ? updates.slice(-1) : (numbers.length ? numbers : own))
      .map(f => f.value ?? f.min ?? 0);
    if (values.length) n += Math.max(...values);
  }
  return n;
}

// A marker grows with the square root of the toll and never past MAX_RADIUS (30 px across):
// a war's total read as a toll must not cover a continent.
const MAX_RADIUS = 15;
const radiusOf = e => Math.min(MAX_RADIUS, 4 + 1.2 * Math.sqrt(casualties(e)));

function drawMarkers() {
  markerLayer.clearLayers();
  state.markers.clear();
  // large markers first, so that smaller ones at the same place stay clickable on top of them
  const ordered = [...state.events].sort((a, b) => casualties(b) - casualties(a));
  for (const e of ordered) {
    const loc = e.location;
    if (!loc || loc.lat == null || loc.lon == null) continue;
    const marker = L.circleMarker([loc.lat, loc.lon], {
      radius: radiusOf(e), color: "#222", weight: 1,
      fillColor: colorOf(e.type), fillOpacity: e.main ? 0.85 : 0.35, className: "sitrep-event",
    });
    marker.on("click", () => showEvent(e.id));
    // a DOM node, not a string: Leaflet would read a string as HTML
    marker.bindTooltip(el("span", {}, `${e.type} · ${e.date.value || "undated"} · ${loc.name || ""}`));
    marker.addTo(markerLayer);
    marker.getElement().setAttribute("data-id", e.id);
    marker.getElement().setAttribute("data-date", e.date.value || "");
    state.markers.set(e.id, { marker, event: e, visible: true });
  }
  applyBrush();
}

// --- timeline ----------------------------------------------------------------------------
const svg = document.getElementById("timeline");
const SVGNS = "http://www.w3.org/2000/svg";
let bins = [];

function drawTimeline() {
  svg.replaceChildren();
  const dated = state.events.filter(e => e.date.value && /^\d{4}-\d{2}/.test(e.date.value));
  const months = [...new Set(dated.map(e => e.date.value.slice(0, 7)))].sort();
  if (!months.length) return;
  const all = [];
  let [y, m] = months[0].split("-").map(Number);
  const [ly, lm] = months[months.length - 1].split("-").map(Number);
  while (y < ly || (y === ly && m <= lm)) {  // every month between the first and last, empty ones too
    all.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1; if (m > 12) { m = 1; y += 1; }
  }
  const width = svg.clientWidth || 800, height = svg.clientHeight || 110, pad = 18;
  const counts = all.map(p => dated.filter(e => e.date.value.startsWith(p)).length);
  const max = Math.max(...counts, 1);
  const w = (width - 2 * pad) / all.length;
  bins = all.map((period, i) => ({ period, x0: pad + i * w, x1: pad + (i + 1) * w }));
  all.forEach((period, i) => {
    const h = (height - 2 * pad) * counts[i] / max;
    const rect = document.createElementNS(SVGNS, "rect");
    rect.setAttribute("class", "bar");
    rect.setAttribute("x", pad + i * w + 1);
    rect.setAttribute("width", Math.max(1, w - 2));
    rect.setAttribute("y", height - pad - h);
    rect.setAttribute("height", Math.max(h, counts[i] ? 2 : 0));
    rect.setAttribute("data-period", period);
    svg.append(rect);
  });
  for (const [i, period] of all.entries()) {  // a label per year, at its first month
    if (i === 0 || period.endsWith("-01")) {
      const t = document.createElementNS(SVGNS, "text");
      t.setAttribute("x", pad + i * w);
      t.setAttribute("y", height - 4);
      t.textContent = period.slice(0, 4);
      svg.append(t);
    }
  }
}

function periodAt(x) {
  const hit = bins.find(b => x >= b.x0 && x < b.x1);
  if (hit) return hit.period;
  return x < (bins[0]?.x0 ?? 0) ? bins[0]?.period : bins[bins.length - 1]?.period;
}

let dragFrom = null;
svg.addEventListener("mousedown", ev => { dragFrom = ev.offsetX; });
svg.addEventListener("mousemove", ev => { if (dragFrom !== null) showBrush(dragFrom, ev.offsetX); });
window.addEventListener("mouseup", ev => {
  if (dragFrom === null) return;
  const rect = svg.getBoundingClientRect();
  const x = ev.clientX - rect.left;
  const [a, b] = [Math.min(dragFrom, x), Math.max(dragFrom, x)];
  dragFrom = null;
  if (!bins.length) return;
  state.brush = { since: periodAt(a), until: periodAt(b) };
  showBrush(a, b);
  applyBrush();
});
document.getElementById("clear-brush").addEventListener("click", () => {
  state.brush = null;
  svg.querySelector(".brush")?.remove();
  applyBrush();
});

function showBrush(a, b) {
  let r = svg.querySelector(".brush");
  if (!r) { r = document.createElementNS(SVGNS, "rect"); r.setAttribute("class", "brush"); svg.append(r); }
  r.setAttribute("x", Math.min(a, b)); r.setAttribute("width", Math.abs(b - a));
  r.setAttribute("y", 0); r.setAttribute("height", svg.clientHeight || 110);
}

function applyBrush() {
  const brush = state.brush;
  let shown = 0;
  for (const { marker, event, visible } of state.markers.values()) {
    const d = (event.date.value || "").slice(0, 7);
    const inside = !brush || Boolean(d && d >= brush.since && d <= brush.until);
    if (inside !== visible) {
      if (inside) marker.addTo(markerLayer); else markerLayer.removeLayer(marker);
      state.markers.get(event.id).visible = inside;
      if (inside) marker.getElement().setAttribute("data-id", event.id);
    }
    shown += inside ? 1 : 0;
  }
  for (const bar of svg.querySelectorAll(".bar")) {
    const p = bar.getAttribute("data-period");
    bar.classList.toggle("out", !!brush && (p < brush.since || p > brush.until));
  }
  document.getElementById("clear-brush").hidden = !brush;
  document.getElementById("count").textContent = `${shown} of ${state.events.length} events on the map`;
}

// --- loading -------------------------------------------------------------------------------
const form = document.getElementById("filters");
for (const t of TYPES) form.type.append(el("option", { value: t }, t));
const legend = document.getElementById("legend");
for (const t of TYPES) { const s = el("span", {}, t); s.style.setProperty("--c", colorOf(t)); legend.append(s); }

async function load() {
  const params = new URLSearchParams({ limit: "1000" });
  for (const name of ["type", "country", "since", "until", "q"]) {
    const v = form[name].value.trim();
    if (v) params.set(name, v);
  }
  if (form.main.checked) params.set("main", "true");
  const events = [];
  let cursor = null;
  do {
    if (cursor) params.set("cursor", cursor);
    const page = await getJSON(`/events?${params}`);
    events.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor && events.length < 20000);
  state.events = events;
  drawMarkers();
  drawTimeline();
  drawTable();
  document.body.dataset.loaded = "true";
}
// Filters live in the URL's query (?type=ASSAULT&country=IQ): a view can be bookmarked, shared and reloaded.
const FILTERS = ["type", "country", "since", "until", "q", "main"];

function filtersToURL() {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const v = name === "main" ? (form.main.checked ? "true" : "") : form[name].value.trim();
    if (v) params.set(name, v);
  }
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

form.addEventListener("submit", ev => { ev.preventDefault(); state.brush = null; filtersToURL(); load(); });
filtersFromURL();

// --- the events table: sortable, a row opens the event and zooms the map to it ------------
const TABLE_ROWS = 300;
const tableState = { key: "date", descending: true };
const sortValue = {
  date: e => e.date.value || "", type: e => e.type, place: e => e.location?.name || "",
  toll: e => casualties(e), outlet: e => e.article?.outlet || "",
};

function drawTable() {
  const value = sortValue[tableState.key];
  const rows = [...state.events].sort((a, b) => {
    const x = value(a), y = value(b);
    return (x < y ? -1 : x > y ? 1 : 0) * (tableState.descending ? -1 : 1);
  }).slice(0, TABLE_ROWS);
  const body = document.querySelector("#events-table tbody");
  body.replaceChildren(...rows.map(e => {
    const row = el("tr", { "data-id": e.id, tabindex: "0" },
      el("td", {}, e.date.value || "undated"), el("td", {}, e.type),
      el("td", {}, [e.location?.name, e.location?.country].filter(Boolean).join(", ")),
      el("td", { class: "num" }, String(casualties(e))), el("td", {}, e.article?.outlet || ""));
    const open = () => focusEvent(e.id);
    row.addEventListener("click", open);
    row.addEventListener("keydown", ev => { if (ev.key === "Enter") open(); });
    return row;
  }));
  for (const th of document.querySelectorAll("#events-table th")) {
    th.classList.toggle("sorted", th.dataset.sort === tableState.key);
  }
}

document.querySelector("#events-table thead").addEventListener("click", ev => {
  const key = ev.target.dataset?.sort;
  if (!key) return;
  tableState.descending = tableState.key === key ? !tableState.descending : key !== "type" && key !== "place";
  tableState.key = key;
  drawTable();
});

function focusEvent(id) {
  const found = state.markers.get(id);
  if (found) {
    map.flyTo(found.marker.getLatLng(), Math.max(map.getZoom(), 7), { duration: 0.4 });
    for (const other of state.markers.values()) other.marker.setStyle({ weight: 1, color: "#222" });
    found.marker.setStyle({ weight: 3, color: "#000" });
    found.marker.bringToFront();
  }
  for (const tr of document.querySelectorAll("#events-table tr.selected")) tr.classList.remove("selected");
  document.querySelector(`#events-table tr[data-id="${CSS.escape(id)}"]`)?.classList.add("selected");
  showEvent(id);
}

// --- the event page ---------------------------------------------------------------------
const panel = document.getElementById("panel");

function highlighted(text, spans) {
  const box = el("div", { class: "article-text" });
  let at = 0;
  for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
    if (start < at) continue;
    box.append(document.createTextNode(text.slice(at, start)));
    box.append(el("mark", {}, text.slice(start, end)));
    at = end;
  }
  box.append(document.createTextNode(text.slice(at)));
  return box;
}

function speakerName(claim) {
  const s = claim?.speaker;
  if (!s) return "unattributed";
  const who = s.name || s.affiliation || s.text || "a source";
  return s.anonymous ? `anonymous (${s.affiliation || s.text || "source"})` : who;
}

async function showEvent(id) {
  const e = await getJSON(`/events/${encodeURIComponent(id)}`);
  const article = await getJSON(`/articles/${encodeURIComponent(e.article.id)}`);
  const claims = new Map((article.extraction?.claims || []).map(c => [c.id, c]));
  const loc = e.location || {};
  panel.replaceChildren(
    el("h2", {}, `${e.type}${e.mode ? " · " + e.mode : ""}`),
    el("p", { class: "meta" }, `${e.date.value || "undated"} · ${[loc.name, loc.country].filter(Boolean).join(", ")}`
       + ` · ${e.main ? "news" : "background"} · ${article.outlet || ""} ${article.published || ""}`),
  );
  panel.dataset.event = id;
  const actors = el("table", { id: "actors" });
  for (const a of e.actors) actors.append(el("tr", {}, el("td", {}, a.role), el("td", {}, a.name)));
  panel.append(el("h3", {}, "Who"), actors);

  const byKind = {};
  for (const f of e.figures) (byKind[f.kind] ||= []).push(f);
  const figures = el("table", { id: "figures" }, el("tr", {}, el("th", {}, "figure"), el("th", {}, "value"),
                                                   el("th", {}, "as written"), el("th", {}, "according to")));
  for (const [kind, list] of Object.entries(byKind)) {
    const disagree = new Set(list.map(f => f.value)).size > 1;
    for (const f of list) {
      const row = el("tr", { class: disagree ? "disagree" : "", "data-kind": kind },
        el("td", {}, kind, disagree ? el("span", { class: "badge disagree" }, "sources disagree") : ""),
        el("td", {}, `${f.qualifier !== "exact" ? f.qualifier + " " : ""}${f.value ?? f.min + "+"}`),
        el("td", {}, f.text), el("td", {}, f.source ? speakerName(claims.get(f.source)) : "the article"));
      figures.append(row);
    }
  }
  panel.append(el("h3", {}, "Figures, per source"), figures);

  const about = e.claims || [];
  const list = el("ul", { id: "claims" });
  for (const c of about) {
    list.append(el("li", {},
      el("span", { class: "stance" }, c.stance), " ",
      el("span", { class: c.speaker?.anonymous ? "anonymous" : "" }, speakerName(c)),
      c.speaker?.title ? ` (${c.speaker.title})` : "", c.verb ? ` — ${c.verb}: ` : ": ",
      el("q", {}, c.text)));
  }
  panel.append(el("h3", {}, `Claims about it (${about.length})`), list);
  panel.append(el("h3", {}, "Article (evidence highlighted)"), highlighted(article.text || "", e.evidence));
  history.replaceState(null, "", `#event=${encodeURIComponent(id)}`);
}

// --- incidents: one real event across articles, each source's figures side by side ---------
async function showIncidents() {
  const page = await getJSON("/incidents?min_reports=2&limit=200");
  const list = el("ul", { id: "incidents" });
  for (const inc of page.items) {
    const loc = inc.location || {};
    const kinds = [...new Set(inc.disagreements.map(d => d.kind))];
    list.append(el("li", { "data-id": inc.id },
      el("a", { href: `#incident=${encodeURIComponent(inc.id)}` },
         `${inc.type} · ${inc.date || "undated"} · ${[loc.name, loc.country].filter(Boolean).join(", ")}`),
      ` — ${inc.reports.length} reports, ${inc.outlets.length} outlets`,
      kinds.length ? el("span", { class: "badge disagree" }, `disagree: ${kinds.join(", ")}`) : ""));
  }
  panel.replaceChildren(el("h2", {}, `Incidents told by several reports (${page.items.length})`), list);
  delete panel.dataset.event;
  panel.dataset.view = "incidents";
}

async function showIncident(id) {
  const inc = await getJSON(`/incidents/${encodeURIComponent(id)}`);
  const loc = inc.location || {};
  panel.replaceChildren(
    el("h2", {}, `Incident · ${inc.type}`),
    el("p", { class: "meta" }, `${inc.date || "undated"} · ${[loc.name, loc.country].filter(Boolean).join(", ")} · `
       + `killed ${inc.killed ?? "–"} · injured ${inc.injured ?? "–"} · outlets: ${inc.outlets.join(", ")}`));
  panel.dataset.incident = inc.id;
  const disputes = el("ul", { id: "disagreements" });
  for (const d of inc.disagreements) disputes.append(el("li", { class: "disagree", "data-kind": d.kind }, d.detail));
  panel.append(el("h3", {}, `Where sources disagree (${inc.disagreements.length})`), disputes);
  const figures = el("table", { id: "incident-figures" }, el("tr", {}, ...["figure", "value", "as written",
    "according to", "outlet", "published"].map(h => el("th", {}, h))));
  const disputed = new Set(inc.disagreements.map(d => d.kind));
  for (const f of inc.figures) {
    const kind = f.kind === "weapon_count" ? "weapon" : f.kind;
    figures.append(el("tr", { class: `${f.current ? "current" : "history"}${disputed.has(kind) ? " disagree" : ""}`,
                              "data-kind": f.kind, "data-outlet": f.outlet },
      el("td", {}, f.kind), el("td", {}, `${f.qualifier !== "exact" ? f.qualifier + " " : ""}${f.value ?? f.min + "+"}`),
      el("td", {}, f.text), el("td", {}, f.source), el("td", {}, f.outlet), el("td", {}, f.published || "")));
  }
  panel.append(el("h3", {}, "Figures, latest first (earlier counts kept as history)"), figures);
  const facts = el("ul", { id: "corroboration" });
  for (const f of inc.corroboration) facts.append(el("li", {}, `${f.fact}: ${f.outlets} outlet(s), ${f.named_sources} named source(s)`));
  panel.append(el("h3", {}, "Corroboration"), facts);
  const reports = el("ul", { id: "reports" });
  for (const r of inc.reports) {
    reports.append(el("li", {}, el("a", { href: `#event=${encodeURIComponent(r.event)}` }, `${r.outlet}`),
      ` ${r.published || ""} · ${r.date.value || "undated"}${r.joined_by.length ? " · joined by " + r.joined_by.join("; ") : ""}`));
  }
  panel.append(el("h3", {}, `Reports (${inc.reports.length})`), reports);
}

function showLinkedEvent() {  // #event=ID links to an event page, #incident=ID to an incident, #incidents to the list
  const hash = location.hash;
  const m = hash.match(/^#event=(.+)$/);
  if (m && panel.dataset.event !== decodeURIComponent(m[1])) showEvent(decodeURIComponent(m[1]));
  const i = hash.match(/^#incident=(.+)$/);
  if (i) showIncident(decodeURIComponent(i[1]));
  if (hash === "#incidents") showIncidents();
}
window.addEventListener("hashchange", showLinkedEvent);
drawCountries().then(load).then(showLinkedEvent);
