// The network of actors: people, states and organizations linked when they share events (d3-force);
// an edge opens those events; a period filter, and a second period to compare side by side.
import { select } from "d3-selection";
import { zoom as d3zoom, zoomIdentity } from "d3-zoom";
import { forceSimulation, forceLink, forceManyBody, forceCenter, forceCollide, forceX, forceY } from "d3-force";
import { h, fill, svg, query } from "../dom.js";
import { t } from "../i18n.js";
import { getJSON, allEvents, getAll } from "../api.js";
import { bounds } from "../dates.js";
import { openPanel, openEvents } from "../panel.js";

export async function renderNetwork(main, _argument, params) {
  const documentId = params.get("document") ?? "";
  const periods = [{ from: params.get("from") ?? "", to: params.get("to") ?? "" }];
  if (params.get("from2") || params.get("to2")) periods.push({ from: params.get("from2") ?? "", to: params.get("to2") ?? "" });
  const [graphs, events] = await Promise.all([
    Promise.all(periods.map((period) => getJSON("network", { document: documentId, ...apiPeriod(period) }))),
    documentId ? getAll("events", { document: documentId }) : allEvents(),
  ]);
  const byId = new Map(events.map((event) => [event.id, event]));
  const panes = graphs.map((graph, index) =>
    h("section", { class: "network-pane", dataset: { period: periodLabel(periods[index]) } }, h("h2", {}, `${t("period")}: ${periodLabel(periods[index])}`), h("div", { class: "network-chart" })),
  );
  fill(
    main,
    h("h1", {}, t("network")),
    h("p", { class: "intro" }, t("networkNote")),
    periodForm(params, documentId, busiestYears(events, 8), busiestYears(events, 3)),
    legend(),
    h("div", { class: `network-panes count-${panes.length}` }, panes),
  );
  panes.forEach((pane, index) => drawNetwork(pane.querySelector(".network-chart"), graphs[index], byId));
  return null;
}

/** The API's from/to for a period typed as YYYY[-MM[-DD]] (a year "to" means its last day). */
function apiPeriod(period) {
  return { from: bounds(period.from)?.[0] ?? "", to: bounds(period.to)?.[1] ?? "" };
}

function periodLabel(period) {
  if (!period.from && !period.to) return t("all");
  if (period.from === period.to) return period.from;
  return `${period.from || "…"} – ${period.to || "…"}`;
}

/** The `count` years with the most events (each event wholly within one year), in order: the period presets. */
function busiestYears(events, count) {
  const counts = new Map();
  for (const event of events) {
    const year = event.start.slice(0, 4);
    if (year >= "1000" && year === event.end.slice(0, 4)) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, count).map(([year]) => year).sort();
}

function periodForm(params, documentId, years, busiest) {
  const field = (name, label) => h("label", {}, label, h("input", { name, value: params.get(name) ?? "", placeholder: "1920", size: 8, inputmode: "numeric" }));
  const preset = (label, values) => h("a", { class: "button", href: `#/network${query({ document: documentId, ...values })}` }, label);
  return h(
    "form",
    {
      class: "filters",
      onsubmit: (event) => {
        event.preventDefault();
        window.location.hash = `#/network${query({ document: documentId, ...Object.fromEntries(new FormData(event.target)) })}`;
      },
    },
    h("fieldset", {}, h("legend", {}, t("period")), field("from", t("from")), field("to", t("to"))),
    h("fieldset", {}, h("legend", {}, t("compare")), field("from2", t("from")), field("to2", t("to"))),
    h("button", { type: "submit" }, t("apply")),
    h(
      "span",
      { class: "presets" },
      preset(t("all"), {}),
      years.map((year) => preset(year, { from: year, to: year })),
      comparison(busiest, preset),
    ),
  );
}

/** A side-by-side preset: the first and last of the busiest years. */
function comparison(busiest, preset) {
  if (busiest.length < 2) return null;
  const [first, last] = [busiest[0], busiest[busiest.length - 1]];
  return preset(`${first} ↔ ${last}`, { from: first, to: first, from2: last, to2: last });
}

function legend() {
  return h("div", { class: "legend" }, ["person", "organization"].map((type) => h("span", { class: `chip type-${type}` }, t(type))));
}

function drawNetwork(container, graph, byId) {
  const nodes = (graph.nodes ?? []).map((node) => ({ ...node }));
  const known = new Set(nodes.map((node) => node.id));
  const links = (graph.edges ?? []).filter((edge) => known.has(edge.source) && known.has(edge.target)).map((edge) => ({ ...edge }));
  if (!nodes.length) {
    fill(container, h("p", { class: "muted" }, t("noNetwork")));
    return;
  }
  const width = Math.max(300, container.clientWidth || 600);
  const height = Math.round(Math.min(Math.max(320, width * 0.55), 560));
  // The same number of events gives the same circle in every period, so two periods compare.
  const radius = (node) => Math.min(24, 4 + 4 * Math.sqrt(node.events));
  const heaviest = Math.max(...links.map((l) => l.weight), 1);
  const simulation = forceSimulation(nodes)
    .force("link", forceLink(links).id((node) => node.id).distance(110).strength(0.35))
    .force("charge", forceManyBody().strength(-380))
    .force("center", forceCenter(width / 2, height / 2))
    .force("x", forceX(width / 2).strength(0.06))
    .force("y", forceY(height / 2).strength(0.08))
    .force("collide", forceCollide().radius((node) => radius(node) + 4))
    .stop();
  // A fixed number of ticks: the same graph is drawn the same way each time.
  for (let tick = 0; tick < 300; tick += 1) simulation.tick();

  const root = svg("svg", { class: "network-svg", width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": t("network") });
  const layer = svg("g");
  root.append(layer);
  for (const link of links) {
    const group = svg("g", { class: "edge", tabindex: 0, role: "button", "data-source": link.source.id, "data-target": link.target.id });
    const title = svg("title");
    title.textContent = `${link.source.name} — ${link.target.name}: ${link.weight} ${t("shared")}`;
    const line = { x1: link.source.x, y1: link.source.y, x2: link.target.x, y2: link.target.y };
    group.append(title, svg("line", { ...line, class: "edge-hit" }), svg("line", { ...line, class: "edge-line", "stroke-width": 1 + 5 * (link.weight / heaviest) }));
    const open = () => openEvents(`${link.source.name} — ${link.target.name}`, (link.events ?? []).map((id) => byId.get(id)).filter(Boolean));
    group.addEventListener("click", open);
    group.addEventListener("keydown", (event) => event.key === "Enter" && open());
    layer.append(group);
  }
  const labelled = new Set([...nodes].sort((a, b) => b.events - a.events).slice(0, 40).map((node) => node.id));
  for (const node of nodes) {
    const group = svg("g", { class: `node type-${node.type}`, transform: `translate(${node.x},${node.y})`, tabindex: 0, role: "button", "data-entity": node.id });
    const title = svg("title");
    title.textContent = `${node.name} (${node.events})`;
    group.append(title, svg("circle", { r: radius(node) }));
    if (labelled.has(node.id)) {
      const text = svg("text", { x: radius(node) + 3, y: 4 });
      text.textContent = node.name;
      group.append(text);
    }
    const open = () =>
      openPanel(
        node.name,
        h("p", { class: `chip type-${node.type}` }, t(node.type)),
        h("p", {}, `${t("events")}: ${node.events}`),
        h("p", {}, h("a", { href: `#/entity/${encodeURIComponent(node.id)}`, class: "entity-link" }, `${t("entityPage")} →`)),
      );
    group.addEventListener("click", open);
    group.addEventListener("keydown", (event) => event.key === "Enter" && open());
    layer.append(group);
  }
  const behaviour = d3zoom()
    .scaleExtent([0.3, 8])
    .on("zoom", (event) => {
      layer.setAttribute("transform", event.transform);
      // Circles, names and lines keep their size on screen whatever the zoom, so two periods compare.
      layer.style.setProperty("--node-scale", `${1 / event.transform.k}`);
    });
  select(root).call(behaviour).call(behaviour.transform, fitted(nodes, radius, width, height));
  fill(container, root);
}

/** The zoom that shows every node (and most of its label) inside the drawing. */
function fitted(nodes, radius, width, height) {
  const left = Math.min(...nodes.map((n) => n.x - radius(n)));
  const right = Math.max(...nodes.map((n) => n.x + radius(n) + 90));
  const top = Math.min(...nodes.map((n) => n.y - radius(n)));
  const bottom = Math.max(...nodes.map((n) => n.y + radius(n)));
  const scale = Math.min(1.4, (width - 20) / Math.max(1, right - left), (height - 20) / Math.max(1, bottom - top));
  return zoomIdentity.translate(width / 2 - (scale * (left + right)) / 2, height / 2 - (scale * (top + bottom)) / 2).scale(scale);
}
