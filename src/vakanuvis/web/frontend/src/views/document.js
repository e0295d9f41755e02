// The document view: the cleaned text with entities and dates highlighted, footnote markers that
// open their footnote and its parsed sources, and page numbers in the margin.
import { h, fill } from "../dom.js";
import { t } from "../i18n.js";
import { getJSON, cached } from "../api.js";
import { openPanel } from "../panel.js";
import { annotatedNodes, spansFor } from "./annotated.js";
import { documentFacts } from "./documents.js";

const TYPES = ["person", "place", "organization", "treaty", "meeting"];

// A long text comes in windows of the API (`window` in each answer): the reader starts at the window that
// holds what it is asked to show, and loads the next (or the one before) when the reader scrolls to it.
const LEAD = 2000; // characters shown before an offset asked for (?at=)

export async function renderDocument(main, id, params) {
  const path = `documents/${encodeURIComponent(id)}`;
  const at = params.has("at") ? Number(params.get("at")) : 0;
  const first = at > LEAD ? { start: at - LEAD } : {};
  const [document, annotations] = await Promise.all([getJSON(path, first), getJSON(`${path}/annotations`, first)]);
  const reading = readingOf(document, annotations);
  const focus = focusRange(reading, params);
  if (focus) reading.spans.push({ ...focus, kind: "focus" });

  const article = h("article", { class: "document-text", lang: document.language });
  article.append(...blockNodes(reading, document, annotations));
  article.addEventListener("click", (event) => {
    const mention = event.target.closest(".mention[data-entity]");
    if (mention && mention.dataset.entity) openEntitySummary(mention.dataset.entity);
  });
  const earlier = h("button", { type: "button", class: "more earlier", onclick: () => loadWindow(-1) }, t("showEarlier"));
  const later = h("button", { type: "button", class: "more later", onclick: () => loadWindow(1) }, t("showLater"));

  /** Load the window after the text shown (direction 1) or before it (-1) and draw its blocks. */
  let loading = null;
  function loadWindow(direction) {
    if (loading) return loading;
    const query = direction > 0 ? { start: reading.end } : { start: Math.max(0, reading.start - WINDOW), end: reading.start };
    loading = Promise.all([getJSON(path, query), getJSON(`${path}/annotations`, query)])
      .then(([part, notes]) => {
        const nodes = blockNodes(reading, part, notes, direction);
        if (direction > 0) article.append(...nodes);
        else article.prepend(...nodes);
        updateButtons();
      })
      .finally(() => (loading = null));
    return loading;
  }
  function updateButtons() {
    earlier.hidden = reading.start <= 0;
    later.hidden = reading.end >= reading.length;
    later.textContent = `${t("showLater")} (${Math.round((100 * reading.end) / reading.length)} %)`;
  }
  updateButtons();
  if ("IntersectionObserver" in window) {
    new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && !later.hidden && loadWindow(1)).observe(later);
  }

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
    h("div", { class: "reading" }, earlier, article, later),
  );

  const footnote = Number(params.get("fn"));
  // a footnote asked for whose marker stands further on: load windows until it comes
  while (footnote && !reading.footnotes.has(footnote) && reading.end < reading.length) await loadWindow(1);
  if (footnote && reading.footnotes.has(footnote)) {
    const marker = article.querySelector(`.fn-marker[data-footnote="${footnote}"]`);
    // On a tablet the footnote opens as a sheet over the lower half: keep the marker above it.
    marker?.scrollIntoView({ block: window.innerWidth <= 1100 ? "start" : "center" });
    openFootnote(footnote, reading);
  } else if (focus) {
    article.querySelector(".focus")?.scrollIntoView({ block: "center" });
  }
}

const WINDOW = 100000; // characters asked for when loading the window before the text shown (the API's own window)

/** What the view has of the document: the stretch [start, end) of its text, its spans and footnotes. */
function readingOf(document, annotations) {
  const stretch = document.window ?? { start: 0, end: document.text.length, length: document.text.length };
  const notes = annotations.footnotes ?? [];
  return {
    start: stretch.start,
    end: stretch.end,
    length: stretch.length,
    text: document.text,
    spans: spansFor(annotations),
    annotations: { mentions: [...(annotations.mentions ?? [])], dates: [...(annotations.dates ?? [])] },
    footnotes: new Map(notes.map((note) => [note.number, note])),
    sentences: [...(document.sentences ?? [])],
  };
}

/** The text at absolute offsets [from, to) of what is loaded. */
const textOf = (reading) => ({ slice: (from, to) => reading.text.slice(from - reading.start, to - reading.start) });

/** The paragraphs of one window (`part` and its `notes`), drawn; the first window is `reading` itself,
 * a later (direction 1) or earlier (-1) one is added to it first (only what lies outside it). */
function blockNodes(reading, part, notes, direction = 0) {
  const stretch = part.window ?? { start: 0, end: part.text.length, length: part.text.length };
  let blocks = blocksOf(part);
  if (direction > 0) {
    reading.text += part.text.slice(reading.end - stretch.start);
    blocks = blocks.filter((block) => block.start >= reading.end);
    reading.end = Math.max(reading.end, stretch.end);
  } else if (direction < 0) {
    reading.text = part.text.slice(0, Math.max(0, reading.start - stretch.start)) + reading.text;
    blocks = blocks.filter((block) => block.end <= reading.start);
    reading.start = Math.min(reading.start, stretch.start);
  }
  if (direction) {
    reading.spans.push(...spansFor(notes));
    reading.annotations.mentions.push(...(notes.mentions ?? []));
    reading.annotations.dates.push(...(notes.dates ?? []));
    for (const note of notes.footnotes ?? []) reading.footnotes.set(note.number, note);
    reading.sentences.push(...(part.sentences ?? []));
  }
  const text = textOf(reading);
  return blocks.map((block, index) => {
    const inserts = [
      ...(part.page_starts ?? []).filter((start) => blockIndexOf(blocks, start.offset, true) === index).map((start) => ({ offset: start.offset, node: pageMark(start.page) })),
      ...(notes.markers ?? []).filter((marker) => blockIndexOf(blocks, marker.offset, false) === index).map((marker) => ({ offset: marker.offset, node: markerButton(marker, reading) })),
    ];
    const tag = block.kind === "heading" ? "h2" : "p";
    return h(tag, { class: `block ${block.kind}`, dataset: { start: block.start, page: block.page } }, annotatedNodes(text, block.start, block.end, reading.spans, inserts));
  });
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
  const offset = document.window?.start ?? 0;
  const pattern = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (let match; (match = pattern.exec(document.text)); ) blocks.push({ start: offset + match.index, end: offset + match.index + match[0].length, page: null, kind: "paragraph" });
  return blocks;
}

/** Index of the block where an offset belongs: the first block that ends at or after it. */
function blockIndexOf(blocks, offset, strict) {
  const index = blocks.findIndex((block) => (strict ? block.end > offset : block.end >= offset));
  return index === -1 ? blocks.length - 1 : index;
}

function pageMark(page) {
  return h("span", { class: "page-mark", dataset: { page }, title: `${t("pageLong")} ${page}` }, h("span", { class: "page-label" }, `${t("page")} ${page}`));
}

function markerButton(marker, reading) {
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
        onclick: () => openFootnote(marker.number, reading),
      },
      String(marker.number),
    ),
  );
}

/** The body range to highlight: ?at=OFFSET (its sentence) or ?find=TEXT (the sentence containing it, in
 * the text loaded). */
function focusRange(reading, params) {
  let offset = params.has("at") ? Number(params.get("at")) : -1;
  if (params.get("find")) {
    const found = reading.text.indexOf(params.get("find"));
    offset = found >= 0 ? reading.start + found : -1;
  }
  if (!(offset >= 0)) return null;
  const sentence = reading.sentences.find((s) => s.start <= offset && offset < s.end);
  if (sentence) return { start: sentence.start, end: sentence.end };
  return params.get("find") ? { start: offset, end: offset + params.get("find").length } : null;
}

/** Open footnote `number` in the panel: its text (annotated) and each parsed source it cites. */
function openFootnote(number, reading) {
  const note = reading.footnotes.get(number);
  if (!note) return;
  const citations = h("div", { class: "citations" });
  openPanel(
    `${t("footnote")} ${number}`,
    h("p", { class: "footnote-text", dataset: { footnote: number } }, annotatedNodes(note.text, 0, note.text.length, spansFor(reading.annotations, number))),
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
    h("p", {}, `${t("mentions")}: ${entity.mentions_count ?? entity.mentions?.length ?? 0} · ${t("events")}: ${entity.events_count ?? entity.events?.length ?? 0}`),
    h("p", {}, h("a", { href: `#/entity/${encodeURIComponent(entity.id)}`, class: "entity-link" }, `${t("entityPage")} →`)),
  );
}

