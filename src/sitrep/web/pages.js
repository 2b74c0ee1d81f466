// The side panel's pages: an event (evidence highlighted in its article, figures per source,
// claims about it), several events at one point, the incidents told by several reports, and
// one incident (each source's figures side by side over time, disagreements, corroboration).
import { casualties, el, getJSON, placeOf } from "./util.js";

const panel = document.getElementById("panel");

function clearView() {
  for (const key of ["event", "incident", "view"]) delete panel.dataset[key];
}

// Several events at one point: a list to choose from, never one of them at random.
export function showStack(events, onOpen) {
  clearView();
  panel.dataset.view = "stack";
  const list = el("ul", { id: "stack" });
  for (const e of [...events].sort((a, b) => (b.date.value || "").localeCompare(a.date.value || ""))) {
    const link = el("a", { href: `#event=${encodeURIComponent(e.id)}` }, `${e.type}${e.mode ? " · " + e.mode : ""}`);
    link.addEventListener("click", ev => { ev.preventDefault(); onOpen(e.id); });
    list.append(el("li", { "data-id": e.id }, link,
      ` · ${e.date.value || "undated"} · killed + injured ${casualties(e)} · ${e.article?.outlet || "no outlet"}`));
  }
  panel.replaceChildren(el("h2", {}, `${events.length} events at ${placeOf(events[0]) || "one point"}`), list);
}


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

export async function showEvent(id) {
  const e = await getJSON(`/events/${encodeURIComponent(id)}`);
  const article = await getJSON(`/articles/${encodeURIComponent(e.article.id)}`);
  const claims = new Map((article.extraction?.claims || []).map(c => [c.id, c]));
  panel.replaceChildren(
    el("h2", {}, `${e.type}${e.mode ? " · " + e.mode : ""}`),
    el("p", { class: "meta" }, `${e.date.value || "undated"} · ${placeOf(e)}`
       + ` · ${e.main ? "news" : "background"} · ${article.outlet || ""} ${article.published || ""}`),
  );
  if (e.incident) {
    panel.append(el("p", {}, el("a", { href: `#incident=${encodeURIComponent(e.incident)}`, id: "event-incident" },
                                  "the incident: every report of this event")));
  }
  const ownReporting = article.outlet ? `${article.outlet} (own reporting)` : "the article (no source named)";
  clearView();
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
        el("td", {}, f.text), el("td", {}, f.source ? speakerName(claims.get(f.source)) : ownReporting));
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
export async function showIncidents() {
  const page = await getJSON("/incidents?min_reports=2&limit=200");
  const list = el("ul", { id: "incidents" });
  for (const inc of page.items) {
    const kinds = [...new Set(inc.disagreements.map(d => d.kind))];
    list.append(el("li", { "data-id": inc.id },
      el("a", { href: `#incident=${encodeURIComponent(inc.id)}` },
         `${inc.type} · ${inc.date || "undated"} · ${placeOf(inc)}`),
      ` — ${inc.reports.length} reports, ${inc.outlets.length} outlets`,
      kinds.length ? el("span", { class: "badge disagree" }, `disagree: ${kinds.join(", ")}`) : ""));
  }
  panel.replaceChildren(el("h2", {}, `Incidents told by several reports (${page.items.length})`), list);
  clearView();
  panel.dataset.view = "incidents";
}

export async function showIncident(id) {
  const inc = await getJSON(`/incidents/${encodeURIComponent(id)}`);
  panel.replaceChildren(
    el("h2", {}, `Incident · ${inc.type}`),
    el("p", { class: "meta" }, `${inc.date || "undated"} · ${placeOf(inc)} · `
       + `killed ${inc.killed ?? "–"} · injured ${inc.injured ?? "–"} · outlets: ${inc.outlets.join(", ")}`));
  clearView();
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

