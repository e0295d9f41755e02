// The side panel: footnotes, events and places open here without leaving the page being read.
import { h, fill, query } from "./dom.js";
import { t } from "./i18n.js";
import { cached, getJSON, entityIdsByName, documentTitles } from "./api.js";
import { precision } from "./dates.js";

const panel = () => document.getElementById("panel");

/** Show `children` in the side panel under `title`. */
export function openPanel(title, ...children) {
  const element = panel();
  fill(
    element,
    h("div", { class: "panel-head" }, h("h2", { id: "panel-title" }, title), h("button", { class: "close", type: "button", title: t("close"), "aria-label": t("close"), onclick: closePanel }, "×")),
    h("div", { class: "panel-body" }, children),
  );
  element.hidden = false;
  document.body.classList.add("panel-open");
  element.querySelector(".close").focus({ preventScroll: true });
}

export function closePanel() {
  const element = panel();
  if (!element) return;
  element.hidden = true;
  element.replaceChildren();
  document.body.classList.remove("panel-open");
}

/** A document's footnotes by number, fetched once. */
export function footnotesOf(documentId) {
  return cached(`footnotes:${documentId}`, async () => {
    const notes = await getJSON(`documents/${encodeURIComponent(documentId)}/footnotes`);
    return new Map((notes.data ?? notes).map((note) => [note.number, note]));
  });
}

/** A link to an entity by its canonical name (plain text when the name is not a known entity). */
export function entityLink(name, ids) {
  const id = ids.get(name);
  return id ? h("a", { href: `#/entity/${encodeURIComponent(id)}` }, name) : h("span", {}, name);
}

/** Link to the sentence of an event within its document. */
export function sentenceHref(event) {
  return `#/doc/${encodeURIComponent(event.document)}${query({ find: (event.sentence || "").slice(0, 80) })}`;
}

/** One event as a card: date, sentence, actors, places and its footnotes (loaded when shown). */
export function eventCard(event, ids) {
  const notes = h("div", { class: "event-notes" });
  if (event.footnotes?.length) {
    footnotesOf(event.document)
      .then((byNumber) => {
        fill(
          notes,
          event.footnotes.map((number) =>
            h(
              "div",
              { class: "footnote-text", dataset: { footnote: number } },
              h("a", { class: "fn-number", href: `#/doc/${encodeURIComponent(event.document)}?fn=${number}` }, `${number}`),
              " ",
              byNumber.get(number)?.text ?? "",
            ),
          ),
        );
      })
      .catch(() => fill(notes, t("error")));
  }
  const kind = precision(event);
  const source = h("span", { class: "meta event-document" });
  documentTitles()
    .then((titles) => source.append(titles.get(event.document) ?? event.document))
    .catch(() => {});
  return h(
    "article",
    { class: `event-card ${kind}`, dataset: { event: event.id, start: event.start, end: event.end, edtf: event.date } },
    h(
      "header",
      {},
      h("span", { class: `edtf ${kind}`, title: t(kind === "exact" ? "exact" : kind === "uncertain" ? "uncertain" : "interval") }, event.date),
      " ",
      h("span", { class: "as-written" }, `“${event.text}”`),
    ),
    event.headline ? h("h3", { class: "event-headline" }, event.headline) : null,
    h("p", { class: "sentence" }, event.sentence),
    event.actors?.length ? h("p", { class: "names" }, h("b", {}, `${t("actors")}: `), joinNodes(event.actors.map((name) => entityLink(name, ids)))) : null,
    event.places?.length ? h("p", { class: "names" }, h("b", {}, `${t("places")}: `), joinNodes(event.places.map((name) => entityLink(name, ids)))) : null,
    notes,
    h("p", { class: "more" }, h("a", { href: sentenceHref(event) }, `${t("openInDocument")} →`), " ", source),
  );
}

/** Open the events with these ids (or records) in the panel. */
export async function openEvents(title, events) {
  const ids = await entityIdsByName().catch(() => new Map());
  openPanel(title, events.length ? events.map((event) => eventCard(event, ids)) : h("p", {}, t("noEvents")));
}

export function joinNodes(nodes, separator = ", ") {
  return nodes.flatMap((node, index) => (index ? [separator, node] : [node]));
}
