// The map: places with coordinates as circles sized by mentions, over country outlines drawn from
// world-atlas TopoJSON with d3-geo (no tile server); a circle opens the place's events.
import { select } from "d3-selection";
import { zoom as d3zoom, zoomIdentity } from "d3-zoom";
import { geoConicConformal, geoPath, geoGraticule10 } from "d3-geo";
import { feature } from "topojson-client";
import { h, fill, svg } from "../dom.js";
import { t } from "../i18n.js";
import { getJSON, cached, allEvents, getAll, entityIdsByName } from "../api.js";
import { openPanel, eventCard } from "../panel.js";

const countries = () => cached("countries", () => fetch("vendor/countries-50m.json").then((r) => r.json()));

export async function renderMap(main, _argument, params) {
  const documentId = params.get("document") ?? "";
  const [placesPage, topology, events, ids] = await Promise.all([
    getJSON("places", { document: documentId }),
    countries(),
    documentId ? getAll("events", { document: documentId }) : allEvents(),
    entityIdsByName().catch(() => new Map()),
  ]);
  const places = (placesPage.data ?? placesPage).filter((place) => place.lat !== null && place.lon !== null);
  const byId = new Map(events.map((event) => [event.id, event]));
  const container = h("div", { class: "map-chart" });
  const list = h(
    "ul",
    { class: "place-list" },
    [...places]
      .sort((a, b) => b.mentions - a.mentions)
      .map((place) => h("li", {}, h("button", { type: "button", class: "place-open", dataset: { place: place.id }, onclick: () => openPlace(place, byId, ids) }, place.name), h("span", { class: "count" }, ` ${place.mentions}`))),
  );
  fill(main, h("h1", {}, t("map")), h("p", { class: "intro" }, t("mapNote")), places.length ? h("div", { class: "map-layout" }, container, list) : h("p", {}, t("noPlaces")));
  if (!places.length) return null;
  const draw = () => drawMap(container, places, feature(topology, topology.objects.countries), byId, ids);
  draw();
  const observer = new ResizeObserver(() => draw());
  observer.observe(container);
  return () => observer.disconnect();
}

function openPlace(place, byId, ids) {
  const events = (place.events ?? []).map((id) => byId.get(id)).filter(Boolean);
  openPanel(
    place.name,
    h("p", {}, h("a", { href: `#/entity/${encodeURIComponent(place.id)}`, class: "entity-link" }, `${t("entityPage")} →`)),
    h("p", { class: "meta" }, `${t("mentions")}: ${place.mentions} · ${t("coordinates")}: ${place.lat.toFixed(2)}, ${place.lon.toFixed(2)}`),
    h("h3", {}, `${t("events")} (${events.length})`),
    events.length ? events.map((event) => eventCard(event, ids)) : h("p", { class: "muted" }, t("noEvents")),
  );
}

let lastSize = "";

function drawMap(container, places, world, byId, ids) {
  const width = Math.max(300, container.clientWidth);
  const height = Math.round(Math.min(Math.max(320, width * 0.62), 640));
  const size = `${width}x${height}`;
  if (size === lastSize && container.querySelector("svg")) return;
  lastSize = size;
  // Fit where most mentions are (a stray match on the other side of the world must not shrink the
  // map to a globe), with at least ~12 degrees of context around; zooming out shows the rest.
  const [west, east] = weightedRange(places, "lon");
  const [south, north] = weightedRange(places, "lat");
  const extra = Math.max(4, 12 - (east - west) / 2, 8 - (north - south) / 2);
  const frame = { type: "MultiPoint", coordinates: boxOutline(west - extra, east + extra, south - extra / 2, north + extra / 2) };
  const centre = (west + east) / 2;
  const projection = geoConicConformal().rotate([-centre, 0]).parallels([30, 45]).fitExtent([[10, 10], [width - 10, height - 10]], frame);
  const path = geoPath(projection);
  const root = svg("svg", { class: "map-svg", width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": t("map") });
  const layer = svg("g");
  root.append(svg("rect", { width, height, class: "sea" }), layer);
  layer.append(svg("path", { d: path(geoGraticule10()), class: "graticule" }));
  for (const country of world.features) {
    const d = path(country);
    if (d) layer.append(svg("path", { d, class: "country" }));
  }
  const most = Math.max(...places.map((p) => p.mentions), 1);
  const radius = (mentions) => 4 + 18 * Math.sqrt(mentions / most);
  const marks = svg("g", { class: "places" });
  for (const place of [...places].sort((a, b) => b.mentions - a.mentions)) {
    const [x, y] = projection([place.lon, place.lat]);
    const group = svg("g", { class: "place-mark", transform: `translate(${x},${y})`, tabindex: 0, role: "button", "data-place": place.id, "data-x": x, "data-y": y, "data-r": radius(place.mentions) });
    const title = svg("title");
    title.textContent = `${place.name} (${place.mentions})`;
    const text = svg("text", { x: radius(place.mentions) + 3, y: 4, class: "place-label" });
    text.textContent = place.name;
    group.append(title, svg("circle", { r: radius(place.mentions), class: "place-circle" }), text);
    const open = () => openPlace(place, byId, ids);
    group.addEventListener("click", open);
    group.addEventListener("keydown", (event) => (event.key === "Enter" || event.key === " ") && (event.preventDefault(), open()));
    marks.append(group);
  }
  layer.append(marks);
  const behaviour = d3zoom()
    .scaleExtent([0.2, 12])
    .on("zoom", (event) => {
      layer.setAttribute("transform", event.transform);
      // Keep circles and labels the same size on screen while the land grows.
      for (const mark of marks.children) mark.querySelector("circle").style.transform = mark.querySelector("text").style.transform = `scale(${1 / event.transform.k})`;
      declutter(marks, event.transform);
    });
  select(root).call(behaviour).call(behaviour.transform, zoomIdentity);
  const buttons = h(
    "div",
    { class: "zoom-buttons" },
    h("button", { type: "button", title: t("zoomIn"), "aria-label": t("zoomIn"), onclick: () => behaviour.scaleBy(select(root), 1.6) }, "+"),
    h("button", { type: "button", title: t("zoomOut"), "aria-label": t("zoomOut"), onclick: () => behaviour.scaleBy(select(root), 1 / 1.6) }, "−"),
  );
  fill(container, buttons, root);
}

/** The 5th and 95th percentiles of a coordinate, each place weighted by its mentions. */
function weightedRange(places, key) {
  const sorted = [...places].sort((a, b) => a[key] - b[key]);
  const total = sorted.reduce((sum, place) => sum + Math.max(1, place.mentions), 0);
  const at = (share) => {
    let seen = 0;
    for (const place of sorted) {
      seen += Math.max(1, place.mentions);
      if (seen >= share * total) return place[key];
    }
    return sorted[sorted.length - 1][key];
  };
  return [at(0.05), at(0.95)];
}

/** Points along the edges of a longitude/latitude box: in a conic projection its corners are not its extremes. */
function boxOutline(west, east, south, north) {
  const points = [];
  for (let step = 0; step <= 20; step += 1) {
    const lon = west + ((east - west) * step) / 20;
    const lat = south + ((north - south) * step) / 20;
    points.push([lon, south], [lon, north], [west, lat], [east, lat]);
  }
  return points;
}

/** Hide the labels that would overlap a label of a more mentioned place (marks come most mentioned first). */
function declutter(marks, transform) {
  const taken = [];
  for (const mark of marks.children) {
    const [x, y] = transform.apply([Number(mark.dataset.x), Number(mark.dataset.y)]);
    const text = mark.querySelector("text");
    const box = { left: x + Number(mark.dataset.r) + 2, right: x + Number(mark.dataset.r) + 4 + text.textContent.length * 6.2, top: y - 8, bottom: y + 6 };
    const clash = taken.some((other) => box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom);
    text.style.visibility = clash ? "hidden" : "visible";
    if (!clash) taken.push(box);
  }
}

/** A small map locating one place, for its entity page (filled in when the outlines have loaded). */
export function locatorMap(place) {
  const box = h("div", { class: "locator-map" });
  countries()
    .then((topology) => {
      const width = 360;
      const height = 240;
      const frame = { type: "MultiPoint", coordinates: boxOutline(place.lon - 12, place.lon + 12, place.lat - 7, place.lat + 7) };
      const projection = geoConicConformal().rotate([-place.lon, 0]).parallels([30, 45]).fitExtent([[0, 0], [width, height]], frame);
      const path = geoPath(projection);
      const root = svg("svg", { class: "map-svg", width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": place.name });
      root.append(svg("rect", { width, height, class: "sea" }));
      for (const country of feature(topology, topology.objects.countries).features) {
        const d = path(country);
        if (d) root.append(svg("path", { d, class: "country" }));
      }
      const [x, y] = projection([place.lon, place.lat]);
      root.append(svg("circle", { cx: x, cy: y, r: 6, class: "place-circle" }));
      box.append(root);
    })
    .catch(() => {});
  return box;
}
