// The map: an event is a circle sized on a capped square-root scale of its toll; nearby events
// cluster when zoomed out (Leaflet.markercluster). A cluster that cannot be split, several
// events at one point, opens a list of them instead of one picked at random.
import { casualties, colorOf, el, getJSON, placeOf } from "./util.js";

// 4 px plus the square root of the toll, at most MAX_RADIUS (30 px across): a war's total read
// as a toll must not cover a continent.
const MAX_RADIUS = 15;
const radiusOf = e => Math.min(MAX_RADIUS, 4 + 1.2 * Math.sqrt(casualties(e)));
const SAME_POINT_METRES = 200;

export function createMap(state, { onEvent, onStack }) {
  const map = L.map("map", { worldCopyJump: true, zoomSnap: 0.5, maxZoom: 14 }).setView([20, 20], 2);
  const group = L.markerClusterGroup({
    showCoverageOnHover: false, zoomToBoundsOnClick: false, spiderfyOnMaxZoom: false, maxClusterRadius: 36,
    chunkedLoading: true, iconCreateFunction: clusterIcon,
  }).addTo(map);
  group.on("clusterclick", ev => {
    const cluster = ev.layer, bounds = cluster.getBounds();
    const stacked = bounds.getNorthEast().distanceTo(bounds.getSouthWest()) < SAME_POINT_METRES;
    if (stacked || map.getZoom() >= map.getMaxZoom()) onStack(cluster.getAllChildMarkers().map(m => m.sitrepId));
    else cluster.zoomToBounds({ padding: [30, 30] });
  });

  function draw() {
    group.clearLayers();
    state.markers.clear();
    for (const e of state.events) {
      const loc = e.location;
      if (loc?.lat == null || loc?.lon == null) continue;
      const marker = L.circleMarker([loc.lat, loc.lon], {
        radius: radiusOf(e), color: "#222", weight: 1,
        fillColor: colorOf(e.type), fillOpacity: e.main ? 0.85 : 0.35, className: "sitrep-event",
      });
      marker.sitrepId = e.id;
      marker.on("click", () => onEvent(e.id));
      marker.on("add", () => {  // Leaflet creates the element when the marker is shown
        marker.getElement()?.setAttribute("data-id", e.id);
        marker.getElement()?.setAttribute("data-date", e.date.value || "");
      });
      // a DOM node, not a string: Leaflet would read a string as HTML
      marker.bindTooltip(el("span", {}, `${e.type} · ${e.date.value || "undated"} · ${placeOf(e)}`));
      state.markers.set(e.id, { marker, event: e, visible: false });
    }
  }

  function show(visibleIds) {  // the markers of the events the timeline's brush keeps
    const layers = [];
    for (const [id, entry] of state.markers) {
      entry.visible = visibleIds.has(id);
      if (entry.visible) layers.push(entry.marker);
    }
    group.clearLayers();
    group.addLayers(layers);
  }

  function highlight(id) {
    for (const { marker } of state.markers.values()) marker.setStyle({ weight: 1, color: "#222" });
    const found = state.markers.get(id);
    if (!found || !found.visible) return;
    const { marker } = found;
    marker.setStyle({ weight: 3, color: "#000" });
    map.flyTo(marker.getLatLng(), Math.max(map.getZoom(), 7), { duration: 0.4 });
    map.once("moveend", () => {
      const parent = group.getVisibleParent(marker);
      if (parent === marker) marker.bringToFront();
      else parent?.getElement()?.classList.add("selected");  // stacked: its cluster is outlined
    });
  }

  async function drawCountries() {
    const topo = await getJSON("/static/vendor/countries-50m.json");
    L.geoJSON(topojson.feature(topo, topo.objects.countries), {
      style: { color: "#7d8aa0", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 }, interactive: false,
    }).addTo(map);
  }

  return { map, draw, show, highlight, drawCountries };
}

function clusterIcon(cluster) {
  const n = cluster.getChildCount();
  const size = n < 10 ? 26 : n < 100 ? 32 : 38;  // never wider than 40 px
  // the html is a count this code made, never text from an article
  return L.divIcon({ html: `<span>${Number(n)}</span>`, className: "sitrep-cluster", iconSize: [size, size] });
}
