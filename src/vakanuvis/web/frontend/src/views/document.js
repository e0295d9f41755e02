// The document view: the cleaned text with entities and dates highlighted, footnote markers that
// open their footnote and its parsed sources, and page numbers in the margin.
import { h, fill } from "../dom.js";
import { t } from "../i18n.js";
import { getJSON, cached } from "../api.js";
import { openPanel } from "../panel.js";
import { annotatedNodes, spansFor } from "./annotated.js";
import { documentFacts } from "./documents.js";

const TYPES = ["person", "place", "organization", "treaty", "meeting"];

export async function renderDocument(main, id, params) {
  const path = `documents/${encodeURIComponent(id)}`;
  const [document, annotations] = await Promise.all([getJSON(path), getJSON(`${path}/annotations`)]);
  const footnotes = new Map((annotations.footnotes ?? []).map((note) => [note.number, note]));
  const spans = spansFor(annotations);
  const focus = focusRange(document, params);
  if (focus) spans.push({ ...focus, kind: "focus" });

  const article = h("article", { class: "document-text", lang: document.language });
  for (const [index, block] of blocksOf(document).entries()) {
    const inserts = [
      ...pageStartsIn(document, index).map((start) => ({ offset: start.offset, node: pageMark(start.page) })),
      ...markersIn(document, annotations.markers ?? [], index).map((marker) => ({ offset: marker.offset, node: markerButton(marker, document, annotations, footnotes) })),
    ];
    const tag = block.kind === "heading" ? "h2" : "p";
    article.append(h(tag, { class: `block ${block.kind}`, dataset: { start: block.start, page: block.page } }, annotatedNodes(document.text, block.start, block.end, spans, inserts)));
  }
  article.addEventListener("click", (event) => {
    const mention = event.target.closest(".mention[data-entity]");
    if (mention && mention.dataset.entity) openEntitySummary(mention.dataset.entity);
  });

  const legend = h(
    "div",
    { class: "legend", role: "group", "aria-label": t("legend") },
    [...TYPES, "date"].map((type) =>
      h(
        "label",
        { class: `chip ${type === "date" ? "date" : `type-${type}`}` },
        h("input", { type: "checkbox", checked: true, onchange: (event) => article.classList.toggle(`hide-${type}`, !event.target.checked) }),
        t(type),
      ),
    ),
  );
  const base = `document=${encodeURIComponent(document.id)}`;
  fill(
    main,
    h(
      "header",
      { class: "document-head" },
      h("h1", {}, document.title || document.path),
      documentFactsLine(document),
      articleHeader(document),
      h(
        "p",
        { class: "meta" },
        `${document.path.split("/").pop()} · ${t("language_")}: ${document.language} · ${document.pages} ${t("pages").toLowerCase()} · `,
        h("a", { href: `#/timeline?${base}` }, t("timeline")),
        " · ",
        h("a", { href: `#/map?${base}` }, t("map")),
        " · ",
        h("a", { href: `#/network?${base}` }, t("network")),
      ),
      legend,
    ),
    h("div", { class: "reading" }, article),
  );

  const footnote = Number(params.get("fn"));
  if (footnote && footnotes.has(footnote)) {
    const marker = article.querySelector(`.fn-marker[data-footnote="${footnote}"]`);
    // On a tablet the footnote opens as a sheet over the lower half: keep the marker above it.
    marker?.scrollIntoView({ block: window.innerWidth <= 1100 ? "start" : "center" });
    openFootnote(footnote, document, annotations, footnotes);
  } else if (focus) {
    article.querySelector(".focus")?.scrollIntoView({ block: "center" });
  }
}

/** "Telgraf · 12 Mart 1920 · Mustafa Kemal · Ankara" under the title. */
function documentFactsLine(document) {
  const { date, type, authors, place } = documentFacts(document);
  const parts = [date, authors, place].filter(Boolean);
  return h("p", { class: "document-facts" }, type, " ", parts.flatMap((part, index) => (index ? [" · ", part] : [part])));
}

/** What the article's own header says: journal, volume, issue, year, pages and DOI; affiliations; each
 * abstract (folded, in its language) and its keywords. Nothing when the document has no header. */
function articleHeader(document) {
  const header = document.header ?? {};
  const cited = [
    header.journal,
    header.volume && `${t("volume")} ${header.volume}`,
    header.issue && `${t("issue")} ${header.issue}`,
    header.year,
    header.pages && `${t("pagesAbbr")} ${header.pages}`,
  ].filter(Boolean);
  const abstracts = Object.entries(header.abstracts ?? {});
  const keywords = header.keywords ?? {};
  const affiliations = Object.entries(header.affiliations ?? {});
  if (!cited.length && !header.doi && !abstracts.length && !Object.keys(keywords).length) return null;
  return h(
    "section",
    { class: "article-header", "aria-label": t("articleHeader") },
    cited.length || header.doi
      ? h(
          "p",
          { class: "article-citation" },
          cited.join(", "),
          header.doi ? [cited.length ? " · " : "", h("a", { href: `https://doi.org/${header.doi}`, class: "doi" }, `doi:${header.doi}`)] : null,
        )
      : null,
    affiliations.length
      ? h("ul", { class: "affiliations" }, affiliations.map(([author, place]) => h("li", {}, h("strong", {}, author), `, ${place}`)))
      : null,
    abstracts.map(([language, text]) =>
      h(
        "details",
        { class: "abstract", lang: language },
        h("summary", {}, `${t("abstract")} (${language})`),
        h("p", {}, text),
        keywords[language]?.length
          ? h("p", { class: "keywords" }, `${t("keywords")}: `, keywords[language].map((word) => h("span", { class: "keyword" }, word)))
          : null,
      ),
    ),
    Object.entries(keywords)
      .filter(([language]) => !(header.abstracts ?? {})[language])
      .map(([language, words]) => h("p", { class: "keywords", lang: language }, `${t("keywords")}: `, words.map((word) => h("span", { class: "keyword" }, word)))),
  );
}

/** The paragraphs to draw: the stored blocks, or blank-line paragraphs when there are none. */
function blocksOf(document) {
  if (document.blocks?.length) return document.blocks;
  const blocks = [];
  const pattern = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (let match; (match = pattern.exec(document.text)); ) blocks.push({ start: match.index, end: match.index + match[0].length, page: null, kind: "paragraph" });
  return blocks;
}

/** Index of the block where an offset belongs: the first block that ends at or after it. */
function blockIndexOf(blocks, offset, strict) {
  const index = blocks.findIndex((block) => (strict ? block.end > offset : block.end >= offset));
  return index === -1 ? blocks.length - 1 : index;
}

function pageStartsIn(document, index) {
  const blocks = blocksOf(document);
  return (document.page_starts ?? []).filter((start) => blockIndexOf(blocks, start.offset, true) === index);
}

function markersIn(document, markers, index) {
  const blocks = blocksOf(document);
  return markers.filter((marker) => blockIndexOf(blocks, marker.offset, false) === index);
}

function pageMark(page) {
  return h("span", { class: "page-mark", dataset: { page }, title: `${t("pageLong")} ${page}` }, h("span", { class: "page-label" }, `${t("page")} ${page}`));
}

function markerButton(marker, document, annotations, footnotes) {
  return h(
    "sup",
    { class: "fn-marker-wrap" },
    h(
      "button",
      {
        type: "button",
        class: "fn-marker",
        dataset: { footnote: marker.number },
        title: `${t("footnote")} ${marker.number}`,
        "aria-label": `${t("footnote")} ${marker.number}`,
        onclick: () => openFootnote(marker.number, document, annotations, footnotes),
      },
      String(marker.number),
    ),
  );
}

/** The body range to highlight: ?at=OFFSET (its sentence) or ?find=TEXT (the sentence containing it). */
function focusRange(document, params) {
  let offset = params.has("at") ? Number(params.get("at")) : -1;
  if (params.get("find")) offset = document.text.indexOf(params.get("find"));
  if (!(offset >= 0)) return null;
  const sentence = (document.sentences ?? []).find((s) => s.start <= offset && offset < s.end);
  if (sentence) return { start: sentence.start, end: sentence.end };
  return params.get("find") ? { start: offset, end: offset + params.get("find").length } : null;
}

/** Open footnote `number` in the panel: its text (annotated) and each parsed source it cites. */
function openFootnote(number, document, annotations, footnotes) {
  const note = footnotes.get(number);
  if (!note) return;
  const citations = h("div", { class: "citations" });
  openPanel(
    `${t("footnote")} ${number}`,
    h("p", { class: "footnote-text", dataset: { footnote: number } }, annotatedNodes(note.text, 0, note.text.length, spansFor(annotations, number))),
    h("p", { class: "meta" }, `${t("pageLong")} ${note.page}`),
    h("h3", {}, t("parsedSource")),
    citations,
  );
  if (!note.citations?.length) {
    citations.append(h("p", { class: "muted" }, t("noCitation")));
    return;
  }
  for (const citation of note.citations) {
    const card = h("div", { class: "citation" }, h("p", { class: "raw" }, citation.raw), citation.locator ? h("p", { class: "meta" }, `${t("locator")}: ${citation.locator}`) : null);
    citations.append(card);
    if (!citation.source) continue;
    cached(`source:${citation.source}`, () => getJSON(`sources/${encodeURIComponent(citation.source)}`))
      .then((source) => card.append(sourceSummary(source)))
      .catch(() => {});
  }
}

/** A work's parsed fields, as a short definition list with a link to its page. */
export function sourceSummary(source) {
  const rows = [
    [t("type"), t(source.type)],
    [t("authors"), (source.authors ?? []).join("; ")],
    [t("title"), source.title],
    [t("titleLatin"), source.title_latin !== source.title ? source.title_latin : null],
    [t("placeOfPublication"), source.place],
    [t("year"), source.year],
  ].filter(([, value]) => value);
  return h(
    "div",
    { class: "source-summary" },
    h("dl", {}, rows.map(([label, value]) => [h("dt", {}, label), h("dd", {}, String(value))])),
    h("a", { href: `#/source/${encodeURIComponent(source.id)}`, class: "source-link" }, `${t("sourcePage")} →`),
  );
}

async function openEntitySummary(id) {
  const entity = await cached(`entity:${id}`, () => getJSON(`entities/${encodeURIComponent(id)}`));
  openPanel(
    entity.name,
    h("p", { class: `chip type-${entity.type}` }, t(entity.type)),
    entity.aliases?.length ? h("p", {}, h("b", {}, `${t("aliases")}: `), entity.aliases.join(", ")) : null,
    h("p", {}, `${t("mentions")}: ${entity.mentions?.length ?? 0} · ${t("events")}: ${entity.events?.length ?? 0}`),
    h("p", {}, h("a", { href: `#/entity/${encodeURIComponent(entity.id)}`, class: "entity-link" }, `${t("entityPage")} →`)),
  );
}

