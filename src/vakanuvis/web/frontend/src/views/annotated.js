// Render a text with its annotation spans: entities and dates highlighted by type, footnote
// markers and page starts inserted at their offsets. Overlapping spans are cut into segments.
import { h } from "../dom.js";
import { t } from "../i18n.js";

/**
 * The nodes for text[start, end).
 * spans: [{start, end, kind: "mention"|"date"|"focus", type, entity, name, edtf}]
 * inserts: [{offset, node}] placed before the text at their offset, in the order given.
 */
export function annotatedNodes(text, start, end, spans, inserts = []) {
  const inside = spans.filter((span) => span.end > start && span.start < end && span.end > span.start);
  const points = new Set([start, end]);
  for (const span of inside) {
    points.add(Math.max(start, span.start));
    points.add(Math.min(end, span.end));
  }
  for (const insert of inserts) points.add(Math.min(end, Math.max(start, insert.offset)));
  const sorted = [...points].sort((a, b) => a - b);
  const nodes = [];
  sorted.forEach((point, index) => {
    for (const insert of inserts) if (Math.min(end, Math.max(start, insert.offset)) === point) nodes.push(insert.node);
    const next = sorted[index + 1];
    if (next === undefined || next <= point) return;
    const piece = text.slice(point, next);
    const active = inside.filter((span) => span.start <= point && span.end >= next);
    nodes.push(active.length ? segment(piece, active) : piece);
  });
  return nodes;
}

function segment(piece, active) {
  const classes = ["ann"];
  let primary = null;
  for (const span of active) {
    if (span.kind === "focus") classes.push("focus");
    else {
      classes.push(span.kind === "date" ? "date" : `mention type-${span.type}`);
      if (!primary || span.end - span.start < primary.end - primary.start) primary = span;
    }
  }
  if (!primary) return h("span", { class: classes.join(" ") }, piece);
  const title = primary.kind === "date" ? `${t("date")}: ${primary.edtf}` : `${t(primary.type)}: ${primary.name ?? ""}`;
  return h(
    "span",
    {
      class: classes.join(" "),
      title,
      dataset: primary.kind === "date" ? { edtf: primary.edtf, start: primary.start } : { entity: primary.entity ?? "", type: primary.type, start: primary.start },
    },
    piece,
  );
}

/** Annotation spans of the body (footnote === null) or of one footnote's text. */
export function spansFor(annotations, footnote = null) {
  const same = (item) => (item.footnote ?? null) === footnote;
  return [
    ...(annotations.mentions ?? []).filter(same).map((m) => ({ start: m.start, end: m.end, kind: "mention", type: m.type, entity: m.entity, name: m.name })),
    ...(annotations.dates ?? []).filter(same).map((d) => ({ start: d.start, end: d.end, kind: "date", edtf: d.edtf })),
  ];
}
