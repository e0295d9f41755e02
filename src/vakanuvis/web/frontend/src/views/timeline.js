// The timeline: events on a zoomable time axis (SVG, d3-zoom), filtered by actor, place and period;
// exact days are filled dots, intervals bars, uncertain or approximate dates hollow and dashed.
import { select } from "d3-selection";
import { zoom as d3zoom, zoomIdentity } from "d3-zoom";
import { scaleUtc } from "d3-scale";
import { axisBottom } from "d3-axis";
import { h, fill, svg, query } from "../dom.js";
import { t, language } from "../i18n.js";
import { allEvents, allDocuments, getAll, entityIdsByName } from "../api.js";
import { precision, day, withinPeriod } from "../dates.js";
import { openPanel, eventCard } from "../panel.js";

const LANE = 22;
const AXIS = 28;
const TOP = 34; // room for the zoom buttons
const DAY = 86400000;

export async function renderTimeline(main, _argument, params) {
  const filters = { document: params.get("document") ?? "", actor: params.get("actor") ?? "", place: params.get("place") ?? "", from: params.get("from") ?? "", to: params.get("to") ?? "" };
  const [events, ids, documents] = await Promise.all([
    filters.document ? getAll("events", { document: filters.document }) : allEvents(),
    entityIdsByName().catch(() => new Map()),
    allDocuments().catch(() => []),
  ]);
  const shown = withinPeriod(events, filters.from, filters.to).filter(
    (event) => (!filters.actor || event.actors.includes(filters.actor)) && (!filters.place || event.places.includes(filters.place)),
  );

  const chart = h("div", { class: "timeline-chart" });
  const list = h(
    "ol",
    { class: "event-list" },
    shown.map((event) =>
      h(
        "li",
        { class: `event-item ${precision(event)}`, dataset: { event: event.id, start: event.start, end: event.end, edtf: event.date } },
        h("button", { type: "button", class: "event-open", onclick: () => openEvent(event, ids) }, h("span", { class: `edtf ${precision(event)}` }, event.date), " ", h("span", { class: "sentence" }, event.sentence)),
      ),
    ),
  );
  fill(
    main,
    h("h1", {}, t("timeline")),
    filterForm(events, filters, documents),
    legend(),
    shown.length ? chart : h("p", { class: "empty" }, t("noEvents")),
    h("h2", {}, `${t("events")} (${shown.length})`),
    list,
  );
  if (!shown.length) return null;
  const draw = drawChart(chart, shown, ids);
  const observer = new ResizeObserver(() => draw());
  observer.observe(chart);
  return () => observer.disconnect();
}

function openEvent(event, ids) {
  openPanel(t("event"), eventCard(event, ids));
}

function filterForm(events, filters, documents) {
  const options = (key) => {
    const counts = new Map();
    for (const event of events) for (const name of event[key]) counts.set(name, (counts.get(name) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], language())).map(([name]) => name);
  };
  const chooser = (name, label, values) =>
    h("label", {}, label, h("select", { name }, h("option", { value: "" }, t("all")), values.map((value) => h("option", { value, selected: value === filters[name] }, value))));
  const field = (name, label) => h("label", {}, label, h("input", { name, value: filters[name], placeholder: "1921 / 1921-03", inputmode: "numeric", size: 10, pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?" }));
  return h(
    "form",
    {
      class: "filters",
      onsubmit: (event) => {
        event.preventDefault();
        const data = Object.fromEntries(new FormData(event.target));
        window.location.hash = `#/timeline${query(data)}`;
      },
    },
    documents.length > 1
      ? h(
          "label",
          {},
          t("document"),
          h("select", { name: "document" }, h("option", { value: "" }, t("allDocuments")), documents.map((d) => h("option", { value: d.id, selected: d.id === filters.document }, d.title || d.path))),
        )
      : null,
    chooser("actor", t("actor"), options("actors")),
    chooser("place", t("place"), options("places")),
    field("from", t("from")),
    field("to", t("to")),
    h("button", { type: "submit" }, t("apply")),
    h("a", { href: "#/timeline", class: "button" }, t("reset")),
  );
}

function legend() {
  const sample = (kind) => {
    const icon = svg("svg", { width: 34, height: 14, "aria-hidden": "true" });
    if (kind === "exact") icon.append(svg("circle", { cx: 17, cy: 7, r: 5, class: "mark exact" }));
    else icon.append(svg("rect", { x: 3, y: 2, width: 28, height: 10, rx: 4, class: `mark ${kind}` }));
    return h("span", { class: "legend-item" }, icon, t(kind));
  };
  return h("div", { class: "legend timeline-legend" }, sample("exact"), sample("interval"), sample("uncertain"));
}

function tickFormat(date) {
  const locale = language() === "tr" ? "tr-TR" : "en-GB";
  if (date.getUTCMonth() === 0 && date.getUTCDate() === 1) return String(date.getUTCFullYear());
  if (date.getUTCDate() === 1) return new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" }).format(date);
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(date);
}

/** A date that stands for an open end of an interval. */
function isOpen(iso) {
  return iso < "1000" || iso > "9000";
}

function label(event) {
  const name = event.actors[0] || event.places[0] || event.text;
  return name.length > 22 ? `${name.slice(0, 21)}…` : name;
}

/** Draw the chart into `container`; returns a redraw function (for resizes). */
function drawChart(container, events, ids) {
  // Open ends ("1920/..", stored as 0001-01-01 or 9999-12-31) do not stretch the axis; their bars run to its edge.
  const low = Math.min(...events.map((e) => day(isOpen(e.start) ? e.end : e.start)));
  const high = Math.max(...events.map((e) => day(isOpen(e.end) ? e.start : e.end) + DAY));
  const pad = Math.max((high - low) * 0.03, 15 * DAY);
  const domain = [new Date(low - pad), new Date(high + pad)];
  const root = svg("svg", { class: "timeline-svg", role: "img", "aria-label": t("timeline") });
  const plot = svg("g", { class: "marks" });
  const axisGroup = svg("g", { class: "axis" });
  root.append(axisGroup, plot);
  const buttons = h(
    "div",
    { class: "zoom-buttons" },
    h("button", { type: "button", title: t("zoomIn"), "aria-label": t("zoomIn"), onclick: () => behaviour.scaleBy(select(root), 1.6) }, "+"),
    h("button", { type: "button", title: t("zoomOut"), "aria-label": t("zoomOut"), onclick: () => behaviour.scaleBy(select(root), 1 / 1.6) }, "−"),
    h("button", { type: "button", title: t("reset"), onclick: () => behaviour.transform(select(root), zoomIdentity) }, "⟲"),
  );
  fill(container, buttons, root);
  let transform = zoomIdentity;
  const behaviour = d3zoom()
    .scaleExtent([1, 400])
    .filter((event) => (!event.ctrlKey || event.type === "wheel") && !event.button)
    .on("zoom", (event) => {
      transform = event.transform;
      redraw();
    });
  select(root).call(behaviour);

  function redraw() {
    const width = Math.max(320, container.clientWidth);
    behaviour.extent([[0, 0], [width, 100]]).translateExtent([[0, 0], [width, 100]]);
    const x = transform.rescaleX(scaleUtc().domain(domain).range([8, width - 8]));
    // Pack the marks into lanes; a label is drawn only where its lane has room for it.
    const laneEnds = [];
    const placed = events.map((event) => {
      const [left, right] = x.range();
      const x0 = isOpen(event.start) ? Math.min(left - 20, x(new Date(day(event.end)))) : x(new Date(day(event.start)));
      const x1 = isOpen(event.end) ? Math.max(right + 20, x0 + 10) : Math.max(x(new Date(day(event.end) + DAY)), x0 + 10);
      let lane = laneEnds.findIndex((end) => end + 3 < x0);
      if (lane === -1) lane = laneEnds.length;
      laneEnds[lane] = x1;
      return { event, x0, x1, lane, room: Infinity };
    });
    const lastInLane = new Map();
    for (const mark of placed) {
      const before = lastInLane.get(mark.lane);
      if (before) before.room = mark.x0 - before.x1 - 8;
      lastInLane.set(mark.lane, mark);
    }
    for (const mark of placed) if (mark.room === Infinity) mark.room = width - mark.x1 - 8;
    const height = TOP + laneEnds.length * LANE + AXIS + 8;
    root.setAttribute("width", width);
    root.setAttribute("height", height);
    root.setAttribute("viewBox", `0 0 ${width} ${height}`);
    axisGroup.setAttribute("transform", `translate(0,${height - AXIS})`);
    select(axisGroup).call(axisBottom(x).ticks(Math.max(2, Math.floor(width / 90))).tickFormat(tickFormat));
    plot.replaceChildren();
    for (const { event, x0, x1, lane, room } of placed) {
      const kind = precision(event);
      const y = TOP + lane * LANE;
      const open = isOpen(event.start) || isOpen(event.end) ? " open" : "";
      const group = svg("g", { class: `event-mark ${kind}${open}`, tabindex: 0, role: "button", "data-event": event.id, "data-start": event.start, "data-end": event.end, "data-edtf": event.date });
      const title = svg("title");
      title.textContent = `${event.date} — ${event.sentence}`;
      group.append(title);
      if (kind === "exact") group.append(svg("circle", { cx: x0 + 5, cy: y + 7, r: 5, class: `mark ${kind}` }));
      else group.append(svg("rect", { x: x0, y: y + 1, width: x1 - x0, height: 12, rx: 5, class: `mark ${kind}` }));
      // Long bars carry their label inside (on their visible part); others to their right, if it fits.
      const visible = Math.min(x1, width) - Math.max(x0, 0);
      const inside = kind !== "exact" && visible > 60;
      const characters = Math.floor((inside ? visible - 12 : room) / 6.5);
      if (characters >= 4) {
        const text = svg("text", { x: inside ? Math.max(x0, 0) + 6 : x1 + 4, y: y + 11, class: "mark-label" });
        const name = label(event);
        text.textContent = name.length > characters ? `${name.slice(0, characters - 1)}…` : name;
        group.append(text);
      }
      const show = () => openEvent(event, ids);
      group.addEventListener("click", show);
      group.addEventListener("keydown", (e) => (e.key === "Enter" || e.key === " ") && (e.preventDefault(), show()));
      plot.append(group);
    }
  }
  redraw();
  return redraw;
}
