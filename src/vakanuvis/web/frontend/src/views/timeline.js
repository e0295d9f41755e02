// The timeline, read as a chronicle: each event labelled by its headline (what happened) and its document, on
// a zoomable axis from decades to days (SVG, d3-zoom). Marks that would overlap at the current zoom are drawn as
// one cluster with a count, which opens on zooming in or on a click; labels are laid out in lanes, and a label
// without room is cut short or left out, so that no two labels overlap. Events of unknown year, open at one end
// or longer than five years are listed apart under the axis, never drawn across it: the axis spans only the
// events drawn. A period (from/to in the hash) asks the API for the events wholly inside it, as soon as typed.
import { select } from "d3-selection";
import { zoom as d3zoom, zoomIdentity } from "d3-zoom";
import { scaleUtc } from "d3-scale";
import { axisTop } from "d3-axis";
import { h, fill, svg, query } from "../dom.js";
import { t, language } from "../i18n.js";
import { allEvents, allDocuments, getAll, entityIdsByName } from "../api.js";
import { precision, day, bounds, insidePeriod, formatEdtf } from "../dates.js";
import { openPanel, openEvents, eventCard } from "../panel.js";

const DAY = 86400000;
const LONG = (5 * 365 + 2) * DAY; // longer than five calendar years: 1922/1926 is drawn, 1914/1921 listed apart
const TOP = 38; // the zoom buttons' row
const AXIS = 20; // the tick labels, above the axis line
const LANE = 34; // one lane: a mark and its two-line label
const MAX_LANES = 12; // lanes opened for labels; beyond them a mark goes where it fits and cuts its neighbour's label
const GAP = 10; // between one item of a lane and the next
const LANES_MOST = 20; // lanes of marks at most, clusters gathering more widely when more would be needed
const NEAR = 14; // marks whose starts and ends are this close (px) at the current zoom are one cluster
const LABEL_MAX = 270;
const LABEL_MIN = 44;
const APPLY_AFTER = 450; // ms after the last keystroke in a period field

let refocus = null; // the period field being typed in when its value applied itself

/** An event not drawn on the axis: of unknown year, open at one end, or longer than five years. */
export function isApart(event) {
  return event.start <= "0001-01-01" || event.end >= "9999-12-31" || day(event.end) + DAY - day(event.start) > LONG;
}

/** What happened, in the sentence's own words; the date as written when the event has no headline. */
function headlineOf(event) {
  return (event.headline || "").trim() || event.text || event.date;
}

/** A document's title cut to a few words: "Sovyet Rusya Belgelerinde…". */
export function shortTitle(title, most = 30) {
  const text = (title || "").trim();
  if (text.length <= most) return text;
  let cut = "";
  for (const word of text.split(/\s+/)) {
    if (`${cut} ${word}`.trim().length > most) break;
    cut = `${cut} ${word}`.trim();
  }
  return `${(cut || text.slice(0, most - 1)).replace(/[\s,;:.–-]+$/u, "")}…`;
}

export async function renderTimeline(main, _argument, params) {
  const filters = { document: params.get("document") ?? "", actor: params.get("actor") ?? "", place: params.get("place") ?? "", from: params.get("from") ?? "", to: params.get("to") ?? "" };
  const low = bounds(filters.from)?.[0] ?? "";
  const high = bounds(filters.to)?.[1] ?? "";
  const period = low || high ? { from: low, to: high } : null;
  const [events, ids, documents] = await Promise.all([
    period || filters.document ? getAll("events", { document: filters.document, from: low, to: high }) : allEvents(),
    entityIdsByName().catch(() => new Map()),
    allDocuments().catch(() => []),
  ]);
  const titles = new Map(documents.map((d) => [d.id, d.title || d.path.split("/").pop()]));
  const shown = insidePeriod(events, low, high).filter(
    (event) => (!filters.actor || event.actors.includes(filters.actor)) && (!filters.place || event.places.includes(filters.place)),
  );
  const drawn = shown.filter((event) => !isApart(event));
  const apart = shown.filter(isApart);
  const open = (event) => openPanel(t("event"), eventCard(event, ids));
  const chart = h("div", { class: "timeline-chart" });
  fill(
    main,
    h("h1", {}, t("timeline")),
    filterForm(events, filters, documents),
    period ? h("p", { class: "period-note meta" }, `${t("period")}: ${low ? formatEdtf(filters.from.trim(), language()) : "…"} – ${high ? formatEdtf(filters.to.trim(), language()) : "…"}. ${t("periodOnly")}`) : null,
    legend(),
    drawn.length ? chart : h("p", { class: "empty" }, t("noEvents")),
    drawn.length ? h("p", { class: "hint meta" }, t("timelineHint")) : null,
    apart.length
      ? h(
          "section",
          { class: "undated" },
          h("h2", {}, `${t("undatedOpen")} (${apart.length})`),
          h("p", { class: "meta" }, t("undatedNote")),
          h("ol", { class: "undated-list" }, apart.map((event) => entry(event, titles, open))),
        )
      : null,
    drawn.length ? h("h2", {}, `${t("events")} (${drawn.length})`) : null,
    chronicle(drawn, titles, open),
  );
  if (refocus) {
    const input = main.querySelector(`.filters input[name="${refocus}"]`);
    refocus = null;
    if (input) {
      input.focus({ preventScroll: true });
      input.setSelectionRange(input.value.length, input.value.length);
    }
  }
  if (!drawn.length) return null;
  const draw = drawChart(chart, drawn, titles, open);
  let width = chart.clientWidth;
  const observer = new ResizeObserver(() => {
    if (chart.clientWidth === width) return; // a new height (more or fewer lanes) needs no redraw
    width = chart.clientWidth;
    draw();
  });
  observer.observe(chart);
  return () => observer.disconnect();
}

/** One event in a list: its date, headline and document, its sentence under them. */
function entry(event, titles, open) {
  const kind = precision(event);
  const readable = event.start <= "0001-01-01" ? event.text || event.date : formatEdtf(event.date, language());
  return h(
    "li",
    { class: `event-item ${kind}`, dataset: { event: event.id, start: event.start, end: event.end, edtf: event.date, kind: event.kind || "" } },
    h(
      "button",
      { type: "button", class: "event-open", onclick: () => open(event) },
      h("span", { class: `edtf ${kind}`, title: event.date }, readable),
      " ",
      h("span", { class: "headline" }, headlineOf(event)),
      " ",
      h("span", { class: "event-document", title: titles.get(event.document) ?? "" }, shortTitle(titles.get(event.document) ?? event.document)),
      h("span", { class: "sentence" }, event.sentence),
    ),
  );
}

/** The drawn events as a chronicle: year by year, in order. */
function chronicle(events, titles, open) {
  const years = new Map();
  for (const event of events) {
    const year = event.start.slice(0, 4);
    if (!years.has(year)) years.set(year, []);
    years.get(year).push(event);
  }
  return h(
    "div",
    { class: "chronicle" },
    [...years].map(([year, list]) => h("section", { class: "chronicle-year", dataset: { year } }, h("h3", {}, String(Number(year))), h("ol", { class: "event-list" }, list.map((event) => entry(event, titles, open))))),
  );
}

function filterForm(events, filters, documents) {
  const options = (key) => {
    const counts = new Map();
    for (const event of events) for (const name of event[key]) counts.set(name, (counts.get(name) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], language())).map(([name]) => name);
  };
  const chooser = (name, label, values) =>
    h("label", {}, label, h("select", { name }, h("option", { value: "" }, t("all")), values.map((value) => h("option", { value, selected: value === filters[name] }, value))));
  const field = (name, label) => h("label", {}, label, h("input", { name, value: filters[name], placeholder: "1921 / 1921-03", inputmode: "numeric", size: 10, autocomplete: "off", pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?" }));
  let timer = null;
  // The filters apply at once: a choice when made, a period when what is typed is a whole date (or nothing).
  const apply = (form, typing) => {
    clearTimeout(timer);
    const data = Object.fromEntries(new FormData(form));
    if (["from", "to"].some((name) => data[name] && !bounds(data[name]))) return;
    const hash = `#/timeline${query(data)}`;
    if (hash === window.location.hash) return;
    refocus = typing && document.activeElement === typing ? typing.name : null;
    window.location.hash = hash;
  };
  return h(
    "form",
    {
      class: "filters",
      onsubmit: (event) => {
        event.preventDefault();
        apply(event.target);
      },
      onchange: (event) => apply(event.currentTarget, event.target.tagName === "INPUT" ? event.target : null),
      oninput: (event) => {
        if (event.target.tagName !== "INPUT") return;
        const form = event.currentTarget;
        clearTimeout(timer);
        timer = setTimeout(() => apply(form, event.target), APPLY_AFTER);
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
    const icon = svg("svg", { width: 34, height: 16, "aria-hidden": "true" });
    if (kind === "exact") icon.append(svg("circle", { cx: 17, cy: 8, r: 5, class: "mark exact" }));
    else if (kind === "cluster") {
      icon.append(svg("rect", { x: 5, y: 1, width: 24, height: 14, rx: 7, class: "cluster-mark" }));
      const count = svg("text", { x: 17, y: 12, class: "cluster-count", "text-anchor": "middle" });
      count.textContent = "5";
      icon.append(count);
    } else icon.append(svg("rect", { x: 3, y: 2, width: 28, height: 12, rx: 4, class: `mark ${kind}` }));
    return h("span", { class: "legend-item" }, icon, t(kind));
  };
  return h("div", { class: "legend timeline-legend" }, sample("exact"), sample("interval"), sample("uncertain"), sample("cluster"));
}

const formatters = new Map();
/** `date` in the reader's language (UTC); the formatters are made once, as each redraw formats many dates. */
function formatDate(date, options) {
  const locale = language() === "tr" ? "tr-TR" : "en-GB";
  const key = `${locale} ${JSON.stringify(options)}`;
  if (!formatters.has(key)) formatters.set(key, new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options }));
  return formatters.get(key).format(date);
}

function tickFormat(date) {
  if (date.getUTCMonth() === 0 && date.getUTCDate() === 1) return String(date.getUTCFullYear());
  if (date.getUTCDate() === 1) return formatDate(date, { month: "short" });
  return formatDate(date, { day: "numeric", month: "short" });
}

/** "Mart – Haziran 1920", "Kasım 1920 – Mart 1921", "16 Mart 1921": the days a cluster covers. */
function span(t0, t1) {
  const first = new Date(t0);
  const last = new Date(t1 - DAY);
  const format = formatDate;
  if (t1 - t0 <= DAY) return format(first, { day: "numeric", month: "long", year: "numeric" });
  const sameYear = first.getUTCFullYear() === last.getUTCFullYear();
  if (sameYear && first.getUTCMonth() === last.getUTCMonth()) return format(first, { month: "long", year: "numeric" });
  if (sameYear) return `${format(first, { month: "long" })} – ${format(last, { month: "long", year: "numeric" })}`;
  return `${format(first, { month: "short", year: "numeric" })} – ${format(last, { month: "short", year: "numeric" })}`;
}

const iso = (date) => date.toISOString().slice(0, 10);

/** Draw the events into `container`; returns a redraw function (for resizes). */
function drawChart(container, events, titles, open) {
  const timed = events
    .map((event) => ({ event, t0: day(event.start), t1: day(event.end) + DAY }))
    .sort((a, b) => a.t0 - b.t0 || a.t1 - b.t1);
  let low = Infinity;
  let high = -Infinity;
  for (const { t0, t1 } of timed) (low = Math.min(low, t0)), (high = Math.max(high, t1));
  const pad = Math.max((high - low) * 0.02, 20 * DAY);
  const domain = [new Date(low - pad), new Date(high + pad)];
  const kMax = Math.max(2, (domain[1] - domain[0]) / (12 * DAY)); // at the closest, about twelve days across

  const root = svg("svg", { class: "timeline-svg", role: "group", "aria-label": t("timeline"), "data-domain-start": iso(domain[0]), "data-domain-end": iso(domain[1]) });
  const axisGroup = svg("g", { class: "axis" });
  const plot = svg("g", { class: "marks" });
  root.append(axisGroup, plot);
  let behaviour;
  const buttons = h(
    "div",
    { class: "zoom-buttons" },
    h("button", { type: "button", title: t("zoomIn"), "aria-label": t("zoomIn"), onclick: () => behaviour.scaleBy(select(root), 2) }, "+"),
    h("button", { type: "button", title: t("zoomOut"), "aria-label": t("zoomOut"), onclick: () => behaviour.scaleBy(select(root), 0.5) }, "−"),
    h("button", { type: "button", title: t("reset"), "aria-label": t("reset"), onclick: () => behaviour.transform(select(root), zoomIdentity) }, "⟲"),
  );
  fill(container, buttons, root);

  // Label widths, measured on a canvas in the labels' own font (read once off the drawn chart).
  // Label widths, measured on a canvas in the labels' own font (read once off the drawn chart).
  const widths = new Map();
  const context = document.createElement("canvas").getContext("2d");
  const family = getComputedStyle(root).fontFamily || "sans-serif";
  const FONTS = { "label-head": `bold 11px ${family}`, "label-meta": `10px ${family}`, "cluster-count": `bold 11px ${family}` };
  const measure = (text, part) => {
    const key = `${part}\u0000${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      if (context.font !== FONTS[part]) context.font = FONTS[part];
      width = context.measureText(text).width;
      if (widths.size > 20000) widths.clear();
      widths.set(key, width);
    }
    return width;
  };
  /** `text` cut (with "…") to at most `room` pixels; "" when not even a word's start fits. */
  const fit = (text, part, room) => {
    if (!text || measure(text, part) <= room) return text || "";
    let lo = 0;
    let hi = text.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (measure(`${text.slice(0, mid).trimEnd()}…`, part) <= room) lo = mid;
      else hi = mid - 1;
    }
    return lo >= 3 ? `${text.slice(0, lo).trimEnd()}…` : "";
  };

  let transform = zoomIdentity;
  let width = 0;
  behaviour = d3zoom()
    .scaleExtent([1, kMax])
    .filter((event) => (!event.ctrlKey || event.type === "wheel") && !event.button)
    .on("zoom", (event) => {
      transform = event.transform;
      redraw();
    });
  select(root).call(behaviour).on("dblclick.zoom", null);
  const base = () => scaleUtc().domain(domain).range([8, width - 8]);

  /** Zoom in on a cluster's days; when it can open no further (one day, or the closest zoom), list its events. */
  function expand(cluster) {
    const t0 = Math.min(...cluster.members.map((m) => m.t0));
    const t1 = Math.max(...cluster.members.map((m) => m.t1));
    if (t1 - t0 <= DAY || transform.k >= kMax * 0.999) {
      openEvents(`${cluster.members.length} ${t("eventsOf")} · ${span(t0, t1)}`, cluster.members.map((m) => m.event));
      return;
    }
    const x = base();
    const k = Math.min(kMax, Math.max(transform.k * 2, (width * 0.5) / Math.max(1, x(new Date(t1)) - x(new Date(t0)))));
    const middle = x(new Date((t0 + t1) / 2));
    behaviour.transform(select(root), zoomIdentity.translate(width / 2 - k * middle, 0).scale(k));
  }

  /** The events as marks at scale `x`, those near one another as one cluster: points (marks narrower than NEAR
   * pixels) within one stretch of `near` pixels' time, intervals starting within one such stretch and ending
   * within one. The stretches are of time, so that panning leaves the clusters as they are. */
  function gather(x, near) {
    const [first, last] = x.domain();
    const stretch = (near * (last - first)) / (x.range()[1] - x.range()[0]);
    const pointStretch = (stretch * Math.min(near, 4 * NEAR)) / near; // points stay close: intervals crowd the lanes
    const groups = new Map();
    for (const m of timed) {
      const a = x(new Date(m.t0));
      const b = x(new Date(m.t1));
      const point = b - a < NEAR;
      const key = point ? `p${Math.floor((m.t0 + m.t1) / 2 / pointStretch)}` : `i${Math.floor(m.t0 / stretch)}:${Math.floor(m.t1 / stretch)}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { members: [], point, x0: Infinity, x1: -Infinity }));
      group.members.push(m);
      group.x0 = Math.min(group.x0, point ? (a + b) / 2 - 5 : a);
      group.x1 = Math.max(group.x1, point ? (a + b) / 2 + 5 : b);
    }
    return [...groups.values()];
  }

  const texts = new Map();
  /** An event's label: its headline, and its date and document (its document alone under the date as written). */
  const textOf = (event) => {
    if (!texts.has(event.id)) {
      const title = shortTitle(titles.get(event.document) ?? event.document);
      texts.set(event.id, { head: headlineOf(event), meta: event.headline ? `${formatEdtf(event.date, language())} · ${title}` : title });
    }
    return texts.get(event.id);
  };

  /** The mark and label text of one item (one event, or a cluster of them). */
  function describe(item, x) {
    if (item.members.length === 1) {
      const { event, t0, t1 } = item.members[0];
      const kind = precision(event);
      const a = x(new Date(t0));
      const b = x(new Date(t1));
      const { head, meta } = textOf(event);
      if (kind === "exact") {
        const cx = (a + b) / 2;
        return { kind, m0: cx - 5, m1: cx + 5, inside: false, head, meta };
      }
      const m1 = Math.max(b, a + 10);
      return { kind, m0: a, m1, inside: m1 - a >= 70, head, meta };
    }
    let t0 = Infinity;
    let t1 = -Infinity;
    for (const m of item.members) (t0 = Math.min(t0, m.t0)), (t1 = Math.max(t1, m.t1));
    const count = String(item.members.length);
    const countWidth = measure(count, "cluster-count") + 14;
    const m0 = item.point ? Math.min(item.x0, (item.x0 + item.x1) / 2 - countWidth / 2) : item.x0;
    const m1 = Math.max(item.x1, m0 + Math.max(countWidth, 24));
    const named = item.members.filter((m) => m.event.headline && !m.event.dateline);
    const sample = (named.find((m) => m.event.kind) ?? named[0])?.event;
    return {
      kind: "cluster",
      m0,
      m1,
      inside: m1 - m0 >= 90,
      countWidth,
      count,
      t0,
      t1,
      name: `${count} ${t("eventsOf")} · ${span(t0, t1)}`,
      head: span(t0, t1), // the count is on the mark
      meta: sample ? `${headlineOf(sample)}${named.length > 1 ? " …" : ""}` : `${count} ${t("eventsOf")}`,
    };
  }

  /** Lay the items in view out in lanes, the weightiest first (clusters by their count, then events whose
   * predicate is known, then the rest, each in order of time): an item goes with its label into the first lane
   * where both are free; with every labelled lane taken, its mark alone goes where it meets nothing, its label cut
   * to the room left there (or hidden). Marks never overlap, nor labels; an item's label never covers a mark. */
  function layout(items, x) {
    const lanes = [];
    const weight = (d) => (d.kind === "cluster" ? -d.item.members.length : d.item.members[0].event.headline ? (d.item.members[0].event.kind ? 1 : 2) : 3);
    const marks = items
      .map((item) => ({ item, ...describe(item, x) }))
      .filter((d) => d.m1 >= -20 && d.m0 <= width + 20)
      .sort((a, b) => weight(a) - weight(b) || a.m0 - b.m0);
    const free = (lane, from, to) => lane.every((o) => o.end + GAP <= from || to + GAP <= o.start);
    const labelWidth = (mark, room) =>
      room < LABEL_MIN ? 0 : Math.max(measure(fit(mark.head, "label-head", room), "label-head"), measure(fit(mark.meta, "label-meta", room), "label-meta"));
    const settle = (mark, room) => {
      mark.room = room;
      mark.labelWidth = labelWidth(mark, room);
      mark.start = mark.m0; // a label starts at its mark or to its right
      mark.end = Math.max(mark.m1, mark.labelWidth ? mark.labelX + mark.labelWidth : mark.m1);
    };
    for (const mark of marks) {
      mark.labelX = mark.inside ? Math.max(mark.m0, 0) + (mark.kind === "cluster" ? mark.countWidth + 4 : 6) : mark.m1 + 5;
      settle(mark, Math.min(LABEL_MAX, width - mark.labelX - 4));
      const opened = () => lanes.push([]) - 1;
      let lane = lanes.findIndex((l) => free(l, mark.start, mark.end));
      if (lane === -1 && lanes.length < MAX_LANES) lane = opened();
      if (lane === -1) {
        // every lane taken: the mark alone where it meets nothing, labelled as far as the room there allows
        lane = lanes.findIndex((l) => free(l, mark.m0, mark.m1));
        if (lane === -1) lane = opened();
        const next = Math.min(width, ...lanes[lane].filter((o) => o.m0 >= mark.m1).map((o) => o.start));
        settle(mark, Math.min(mark.room, next - GAP - mark.labelX));
      }
      lanes[lane].push(mark);
    }
    return lanes;
  }

  function redraw() {
    width = Math.max(320, container.clientWidth);
    behaviour.extent([[0, 0], [width, 100]]).translateExtent([[0, 0], [width, 100]]);
    const x = transform.rescaleX(base());
    // Marks within NEAR pixels are one cluster; when even so they would need more than LANES_MOST lanes (many
    // intervals overlapping), they are gathered from wider stretches.
    let lanes;
    for (let near = NEAR; ; near *= 2) {
      lanes = layout(gather(x, near), x);
      if (lanes.length <= LANES_MOST || near > width / 4) break;
    }
    const plotHeight = Math.max(1, lanes.length) * LANE + 6;
    const height = TOP + AXIS + plotHeight;
    root.setAttribute("width", width);
    root.setAttribute("height", height);
    root.setAttribute("viewBox", `0 0 ${width} ${height}`);
    root.dataset.zoom = transform.k.toFixed(3);
    axisGroup.setAttribute("transform", `translate(0,${TOP + AXIS})`);
    select(axisGroup).call(
      axisTop(x)
        .ticks(Math.max(2, Math.floor(width / 90)))
        .tickFormat(tickFormat)
        .tickSizeInner(-plotHeight)
        .tickSizeOuter(0)
        .tickPadding(6),
    );
    plot.replaceChildren();
    lanes.forEach((lane, index) => {
      for (const mark of lane.sort((a, b) => a.m0 - b.m0)) plot.append(drawItem(mark, TOP + AXIS + 4 + index * LANE));
    });
  }

  function drawItem(mark, y) {
    const { item, kind } = mark;
    const cluster = kind === "cluster";
    const group = cluster
      ? svg("g", { class: "event-cluster", tabindex: 0, role: "button", "data-count": item.members.length, "data-events": item.members.map((m) => m.event.id).join(" "), "data-start": iso(new Date(mark.t0)), "data-end": iso(new Date(mark.t1 - DAY)) })
      : svg("g", { class: `event-mark ${kind}`, tabindex: 0, role: "button", "data-event": item.members[0].event.id, "data-start": item.members[0].event.start, "data-end": item.members[0].event.end, "data-edtf": item.members[0].event.date, "data-document": item.members[0].event.document });
    const title = svg("title");
    title.textContent = cluster
      ? [mark.name, ...item.members.slice(0, 12).map((m) => `${m.event.date} — ${headlineOf(m.event)}`), item.members.length > 12 ? "…" : ""].filter(Boolean).join("\n")
      : `${item.members[0].event.date} — ${headlineOf(item.members[0].event)}\n${item.members[0].event.sentence}`;
    group.append(title);
    group.setAttribute("aria-label", cluster ? mark.name : `${mark.head} — ${item.members[0].event.date}`);
    if (cluster) {
      group.append(svg("rect", { x: mark.m0, y: y + 2, width: mark.m1 - mark.m0, height: 26, rx: 13, class: "cluster-mark" }));
      const count = svg("text", { x: Math.max(mark.m0, 0) + mark.countWidth / 2, y: y + 19, class: "cluster-count", "text-anchor": "middle" });
      count.textContent = mark.count;
      group.append(count);
    } else if (kind === "exact") {
      group.append(svg("circle", { cx: (mark.m0 + mark.m1) / 2, cy: y + 9, r: 5, class: `mark ${kind}` }));
    } else {
      group.append(svg("rect", { x: mark.m0, y: y + 1, width: mark.m1 - mark.m0, height: mark.inside ? 28 : 12, rx: 4, class: `mark ${kind}` }));
    }
    if (mark.labelWidth > 0 && mark.room >= LABEL_MIN) {
      const head = fit(mark.head, "label-head", mark.room);
      const meta = fit(mark.meta, "label-meta", mark.room);
      if (head) {
        const text = svg("text", { class: "mark-label", x: mark.labelX, y: y + 13 });
        const first = svg("tspan", { class: "label-head", x: mark.labelX });
        first.textContent = head;
        text.append(first);
        if (meta) {
          const second = svg("tspan", { class: "label-meta", x: mark.labelX, dy: 13 });
          second.textContent = meta;
          text.append(second);
        }
        group.append(text);
      }
    }
    const activate = () => (cluster ? expand(item) : open(item.members[0].event));
    group.addEventListener("click", activate);
    group.addEventListener("keydown", (e) => (e.key === "Enter" || e.key === " ") && (e.preventDefault(), activate()));
    return group;
  }

  redraw();
  return redraw;
}

