// The timeline: the filtered events that are dated to a month or finer, counted per month
// (per year over a span of more than four years). It opens on the last 12 months of the data;
// "whole range" shows everything. Dragging selects a period (the brush). Undated events, events
// known only to a year and events before the window are counted beside it, never drawn.
import { monthOf } from "./util.js";

const SVGNS = "http://www.w3.org/2000/svg";
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LABEL_GAP = 56;  // px a label needs: labels never overlap
const RECENT = 12, MONTHLY_UP_TO = 48;

const addMonths = (period, n) => {
  const [y, m] = period.split("-").map(Number);
  const k = y * 12 + (m - 1) + n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
};
const monthsBetween = (a, b) => {
  const [ya, ma] = a.split("-").map(Number), [yb, mb] = b.split("-").map(Number);
  return (yb - ya) * 12 + (mb - ma);
};

export function createTimeline(state, onBrush) {
  const svg = document.getElementById("timeline");
  const note = document.getElementById("timeline-note");
  const rangeButton = document.getElementById("timeline-range");
  const clearButton = document.getElementById("clear-brush");
  let bins = [], wholeRange = false;

  function draw() {
    svg.replaceChildren();
    const months = state.events.map(e => monthOf(e.date.value));
    const dated = months.filter(Boolean).sort();
    const undated = state.events.filter(e => !e.date.value).length;
    const yearOnly = months.length - dated.length - undated;
    bins = [];
    if (!dated.length) { note.textContent = `${undated} undated, ${yearOnly} dated only to a year`; return; }
    const last = dated[dated.length - 1];
    const first = wholeRange ? dated[0] : [dated[0], addMonths(last, 1 - RECENT)].sort()[1];
    const earlier = dated.filter(m => m < first).length;
    const yearly = monthsBetween(first, last) >= MONTHLY_UP_TO;
    const periods = [];
    for (let p = yearly ? first.slice(0, 4) + "-01" : first; p <= last; p = addMonths(p, yearly ? 12 : 1)) periods.push(p);
    const width = svg.clientWidth || 800, height = svg.clientHeight || 110, pad = 18;
    const w = Math.min(48, (width - 2 * pad) / periods.length);  // a few months stay bars, not slabs
    const key = m => (yearly ? m.slice(0, 4) + "-01" : m);
    const counts = new Map(periods.map(p => [p, 0]));
    for (const m of dated) if (m >= first) counts.set(key(m), (counts.get(key(m)) || 0) + 1);
    const max = Math.max(...counts.values(), 1);
    bins = periods.map((p, i) => ({ since: p, until: yearly ? p.slice(0, 4) + "-12" : p, x0: pad + i * w, x1: pad + (i + 1) * w }));
    bins.forEach((b, i) => {
      const n = counts.get(periods[i]), h = (height - 2 * pad) * n / max;
      svg.append(svgEl("rect", { class: "bar", x: b.x0 + 1, width: Math.max(1, w - 2), y: height - pad - h,
                                 height: Math.max(h, n ? 2 : 0), "data-period": yearly ? periods[i].slice(0, 4) : periods[i] },
                       svgEl("title", {}, `${label(periods[i], yearly, true)}: ${n} events`)));
    });
    const every = Math.max(1, Math.ceil(LABEL_GAP / w));
    const step = yearly ? every : [1, 2, 3, 6, 12, 24, 60, 120].find(s => s >= every) || every;
    let lastLabel = -Infinity;
    bins.forEach((b, i) => {
      const month = Number(periods[i].slice(5, 7));
      if (yearly ? i % step === 0 : (month - 1) % step === 0 || (i === 0 && step < 12)) {
        if (i && b.x0 - lastLabel < LABEL_GAP) return;
        svg.append(svgEl("text", { x: b.x0, y: height - 4 }, label(periods[i], yearly, month === 1 || i === 0)));
        lastLabel = b.x0;
      }
    });
    note.textContent = [earlier && `${earlier} earlier`, undated && `${undated} undated`,
                        yearOnly && `${yearOnly} dated only to a year`].filter(Boolean).join(" · ");
    rangeButton.hidden = !wholeRange && !earlier;
    rangeButton.textContent = wholeRange ? "last 12 months" : "whole range";
    if (state.brush) showBrush(xOf(state.brush.since, 0), xOf(state.brush.until, 1));
  }

  function xOf(period, side) {
    const hit = bins.find(b => period >= b.since && period <= b.until);
    return hit ? (side ? hit.x1 : hit.x0) : (side ? bins.at(-1)?.x1 : bins[0]?.x0) ?? 0;
  }
  function binAt(x) {
    return bins.find(b => x >= b.x0 && x < b.x1) || (x < (bins[0]?.x0 ?? 0) ? bins[0] : bins.at(-1));
  }
  function showBrush(a, b) {
    let r = svg.querySelector(".brush");
    if (!r) { r = svgEl("rect", { class: "brush" }); svg.append(r); }
    for (const [k, v] of Object.entries({ x: Math.min(a, b), width: Math.abs(b - a), y: 0, height: svg.clientHeight || 110 }))
      r.setAttribute(k, v);
  }
  function shade() {
    for (const bar of svg.querySelectorAll(".bar")) {
      const p = bar.getAttribute("data-period");
      const [since, until] = p.length === 4 ? [p + "-01", p + "-12"] : [p, p];
      bar.classList.toggle("out", !!state.brush && (until < state.brush.since || since > state.brush.until));
    }
    clearButton.hidden = !state.brush;
  }

  let dragFrom = null;
  svg.addEventListener("mousedown", ev => { dragFrom = ev.offsetX; });
  svg.addEventListener("mousemove", ev => { if (dragFrom !== null) showBrush(dragFrom, ev.offsetX); });
  window.addEventListener("mouseup", ev => {
    if (dragFrom === null) return;
    const x = ev.clientX - svg.getBoundingClientRect().left;
    const [a, b] = [Math.min(dragFrom, x), Math.max(dragFrom, x)];
    dragFrom = null;
    if (!bins.length) return;
    state.brush = { since: binAt(a).since, until: binAt(b).until };
    showBrush(a, b);
    shade();
    onBrush();
  });
  clearButton.addEventListener("click", () => { state.brush = null; svg.querySelector(".brush")?.remove(); shade(); onBrush(); });
  rangeButton.addEventListener("click", () => { wholeRange = !wholeRange; draw(); shade(); });

  return { draw: () => { draw(); shade(); } };
}

function label(period, yearly, withYear) {
  if (yearly) return period.slice(0, 4);
  const name = MONTHS[Number(period.slice(5, 7)) - 1];
  return withYear ? `${name} ${period.slice(0, 4)}` : name;
}

function svgEl(tag, attrs, ...children) {
  const node = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}
