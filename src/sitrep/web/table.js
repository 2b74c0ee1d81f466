// The events table under the map: the events the filters and the timeline's brush keep, sorted
// by a heading (date, type, place, toll, sources, outlet), 100 rows a page. A row (click or
// Enter) opens the event; selecting an event anywhere selects and shows its row.
import { casualties, el, placeOf } from "./util.js";

const PAGE = 100;
const SORT_VALUE = {
  date: e => e.date.value || "", type: e => e.type, place: placeOf, toll: casualties,
  sources: e => e.outlets || 1, outlet: e => e.article?.outlet || "",
};
const ASCENDING_FIRST = new Set(["type", "place", "outlet"]);

export function createTable(state, onOpen) {
  const body = document.querySelector("#events-table tbody");
  const pager = document.getElementById("table-pager");
  const sort = { key: "date", descending: true };
  let rows = [], page = 0;

  function draw() {
    const value = SORT_VALUE[sort.key];
    rows = state.shown.slice().sort((a, b) => {
      const x = value(a), y = value(b);
      return (x < y ? -1 : x > y ? 1 : 0) * (sort.descending ? -1 : 1);
    });
    page = Math.min(page, Math.max(0, Math.ceil(rows.length / PAGE) - 1));
    drawPage();
  }

  function drawPage() {
    body.replaceChildren(...rows.slice(page * PAGE, (page + 1) * PAGE).map(row));
    for (const th of document.querySelectorAll("#events-table th"))
      th.setAttribute("aria-sort", th.dataset.sort !== sort.key ? "none" : sort.descending ? "descending" : "ascending");
    const from = rows.length ? page * PAGE + 1 : 0, to = Math.min(rows.length, (page + 1) * PAGE);
    pager.replaceChildren(
      el("button", { type: "button", "data-page": "prev", ...(page ? {} : { disabled: "" }) }, "‹ previous"),
      ` rows ${from}–${to} of ${rows.length} `,
      el("button", { type: "button", "data-page": "next", ...(to < rows.length ? {} : { disabled: "" }) }, "next ›"));
    if (state.selected) mark(state.selected);
  }

  function row(e) {
    const tr = el("tr", { "data-id": e.id, tabindex: "0" },
      el("td", {}, e.date.value || "undated"), el("td", {}, e.mode ? `${e.type} · ${e.mode}` : e.type),
      el("td", {}, placeOf(e)), el("td", { class: "num toll" }, String(casualties(e))),
      el("td", { class: "num sources" }, String(e.outlets || 1)), el("td", {}, e.article?.outlet || ""));
    tr.addEventListener("click", () => onOpen(e.id));
    tr.addEventListener("keydown", ev => { if (ev.key === "Enter") onOpen(e.id); });
    return tr;
  }

  function mark(id) {
    for (const tr of body.querySelectorAll("tr.selected")) tr.classList.remove("selected");
    const tr = body.querySelector(`tr[data-id="${CSS.escape(id)}"]`);
    tr?.classList.add("selected");
    return tr;
  }

  function select(id) {  // turn to the event's page and bring its row into view
    const at = rows.findIndex(e => e.id === id);
    if (at >= 0 && Math.floor(at / PAGE) !== page) { page = Math.floor(at / PAGE); drawPage(); }
    mark(id)?.scrollIntoView({ block: "nearest" });
  }

  const thead = document.querySelector("#events-table thead");
  thead.addEventListener("keydown", ev => { if (ev.key === "Enter") ev.target.click(); });
  thead.addEventListener("click", ev => {
    const key = ev.target.closest("th")?.dataset.sort;
    if (!key) return;
    sort.descending = sort.key === key ? !sort.descending : !ASCENDING_FIRST.has(key);
    sort.key = key;
    page = 0;
    draw();
  });
  pager.addEventListener("click", ev => {
    const step = { prev: -1, next: 1 }[ev.target.dataset?.page];
    if (step) { page += step; drawPage(); }
  });
  return { draw, select };
}
