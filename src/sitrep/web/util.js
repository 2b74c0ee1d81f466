// Shared by the dashboard's modules: DOM building (text nodes only: article text and names are
// untrusted), fetching JSON, the type colours and an event's toll.
export const TYPES = window.SITREP_VOCABULARY.types;  // from models.py, through /vocabulary.js
const COLORS = ["#2e7d32", "#43a047", "#66bb6a", "#9ccc65", "#26a69a", "#00897b", "#80cbc4", "#5c6bc0",
                "#8e24aa", "#ab47bc", "#f9a825", "#fb8c00", "#6d4c41", "#546e7a", "#e53935", "#b71c1c"];
export const colorOf = t => COLORS[Math.max(0, TYPES.indexOf(t))];

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v; else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(c == null ? "" : String(c)));
  return node;
}

export async function getJSON(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return r.json();
}

// The event's own killed + injured, as the store's headline columns read them (never a
// subtotal or a period's total).
export const casualties = e => (e.killed || 0) + (e.injured || 0);

// "Irbil, IQ": an event's or an incident's place
export const placeOf = e => [e.location?.name, e.location?.country].filter(Boolean).join(", ");

// The month an event's date falls in ("2024-06" for 2024-06-12 or 2024-W24), or null when it is
// undated or known only to the year.
export function monthOf(value) {
  if (!value) return null;
  if (/^\d{4}-\d{2}/.test(value)) return value.slice(0, 7);
  const week = value.match(/^(\d{4})-W(\d{2})/);
  if (!week) return null;
  const jan4 = new Date(Date.UTC(Number(week[1]), 0, 4));  // ISO week 1 holds 4 January
  const thursday = new Date(jan4.getTime() + ((Number(week[2]) - 1) * 7 + 3 - ((jan4.getUTCDay() + 6) % 7)) * 864e5);
  return thursday.toISOString().slice(0, 7);
}
