// The home page: the documents of the knowledge base (articles and primary sources, by their own date,
// filtered by type with #/?type=telegram) and its most mentioned entities and sources.
import { h, fill, query } from "../dom.js";
import { t, language, documentTypeLabel } from "../i18n.js";
import { getAll, allDocuments, allEntities } from "../api.js";
import { edtfSortKey, formatEdtf } from "../dates.js";
import { sourceLine } from "./entity.js";

// The order of the type filter (the model's DOCUMENT_TYPES); a type the reader does not know comes after.
export const DOCUMENT_TYPES = ["article", "speech", "telegram", "letter", "report", "decree", "newspaper", "memoir", "book chapter", "other"];

export async function renderDocuments(main, _argument, params) {
  const [documents, entities, sources] = await Promise.all([allDocuments(), allEntities().catch(() => []), getAll("sources").catch(() => [])]);
  const wanted = params.get("type") ?? "";
  const sorted = byDate(documents);
  const shown = wanted ? sorted.filter((document) => typeOf(document) === wanted) : sorted;
  fill(
    main,
    h("h1", {}, t("documents")),
    h("p", { class: "intro" }, t("documentsIntro")),
    documents.length ? typeFilter(documents, wanted) : null,
    documents.length
      ? shown.length
        ? h("ul", { class: "documents" }, shown.map(documentItem))
        : h("p", { class: "empty" }, t("noDocumentsOfType"))
      : h("p", {}, t("noDocuments")),
    entities.length ? h("h2", {}, t("mostMentioned")) : null,
    h(
      "ul",
      { class: "entity-cloud" },
      entities.slice(0, 40).map((entity) =>
        h("li", {}, h("a", { href: `#/entity/${encodeURIComponent(entity.id)}`, class: `type-${entity.type}` }, entity.name), h("span", { class: "count" }, ` ${entity.mentions}`)),
      ),
    ),
    sources.length ? h("h2", {}, `${t("sources")} (${sources.length})`) : null,
    h(
      "ol",
      { class: "source-list" },
      sources.map((source) => h("li", {}, sourceLine(source), h("span", { class: "count" }, ` ${source.cited_in?.length ?? 0}×`))),
    ),
  );
}

function typeOf(document) {
  return document.type || "other";
}

/** The documents by their own date (the first day it can stand for); undated ones last, in their stored order. */
export function byDate(documents) {
  return documents
    .map((document, index) => ({ document, index, key: edtfSortKey(document.date) }))
    .sort((a, b) => (a.key === null) - (b.key === null) || (a.key && b.key && a.key.localeCompare(b.key)) || a.index - b.index)
    .map(({ document }) => document);
}

/** "Hepsi (5) · Makale (2) · Telgraf (1)…": links to #/?type=…, the types present with their counts. */
function typeFilter(documents, wanted) {
  const counts = new Map();
  for (const document of documents) counts.set(typeOf(document), (counts.get(typeOf(document)) ?? 0) + 1);
  const order = (type) => (DOCUMENT_TYPES.includes(type) ? DOCUMENT_TYPES.indexOf(type) : DOCUMENT_TYPES.length);
  const types = [...counts.keys()].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  if (wanted && !counts.has(wanted)) types.push(wanted);
  const link = (type, label, count) =>
    h(
      "a",
      { href: `#/${query({ type })}`, class: `type-filter${type === wanted ? " active" : ""}`, "aria-current": type === wanted ? "page" : null, dataset: { type: type || "all" } },
      label,
      " ",
      h("span", { class: "count" }, count),
    );
  return h(
    "nav",
    { class: "type-filters", "aria-label": t("documentType") },
    link("", t("all"), documents.length),
    types.map((type) => link(type, documentTypeLabel(type), counts.get(type) ?? 0)),
  );
}

/** A field's value, with "(metinden)" after it when it was read off the text rather than given. */
function withOrigin(document, name, node) {
  if (document.origins?.[name] !== "detected") return node;
  return h("span", { class: "detected", title: t("detectedTitle"), dataset: { field: name } }, node, " ", h("span", { class: "detected-note" }, `(${t("fromText")})`));
}

/** The document's date, type, authors and place, as the list and the document's page show them. */
export function documentFacts(document) {
  const date = document.date
    ? withOrigin(document, "date", h("span", { class: "document-date", title: document.date, dataset: { edtf: document.date } }, formatEdtf(document.date, language())))
    : h("span", { class: "document-date undated" }, t("undated"));
  const type = withOrigin(document, "type", h("span", { class: "doctype chip", dataset: { type: typeOf(document) } }, documentTypeLabel(typeOf(document))));
  const authors = document.authors?.length ? withOrigin(document, "authors", h("span", { class: "document-authors" }, document.authors.join("; "))) : null;
  const place = document.place ? withOrigin(document, "place", h("span", { class: "document-place", title: t("writtenAt") }, document.place)) : null;
  return { date, type, authors, place };
}

function documentItem(document) {
  const { date, type, authors, place } = documentFacts(document);
  const file = document.path.split("/").pop();
  const details = [authors, place, document.language, `${document.pages} ${t(document.pages === 1 ? "pageLong" : "pages").toLowerCase()}`, h("span", { class: "file" }, file)].filter(Boolean);
  return h(
    "li",
    { class: "document-item", dataset: { id: document.id, type: typeOf(document), edtf: document.date ?? "" } },
    h("div", { class: "document-when" }, date),
    h(
      "div",
      { class: "document-what" },
      h("div", { class: "document-title" }, type, " ", h("a", { href: `#/doc/${encodeURIComponent(document.id)}`, class: "document-link" }, document.title || document.path)),
      h("div", { class: "meta" }, details.flatMap((part, index) => (index ? [" · ", part] : [part]))),
    ),
  );
}
