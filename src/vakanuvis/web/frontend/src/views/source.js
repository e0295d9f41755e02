// The source page: one work's parsed fields and every citation of it, with the footnote around it.
import { h, fill } from "../dom.js";
import { t } from "../i18n.js";
import { getJSON, documentTitles } from "../api.js";

export async function renderSource(main, id) {
  const [source, titles] = await Promise.all([getJSON(`sources/${encodeURIComponent(id)}`), documentTitles().catch(() => new Map())]);
  const citedIn = source.cited_in ?? [];
  const facts = [
    [t("type"), t(source.type)],
    [t("authors"), (source.authors ?? []).join("; ")],
    [t("titleLatin"), source.title_latin !== source.title ? source.title_latin : null],
    [t("placeOfPublication"), source.place],
    [t("year"), source.year],
  ].filter(([, value]) => value);
  fill(
    main,
    h("p", { class: "kicker" }, t("source")),
    h("h1", { class: "source-title" }, source.title || source.title_latin || citedIn[0]?.citation || source.id),
    h("dl", { class: "facts" }, facts.map(([label, value]) => [h("dt", {}, label), h("dd", {}, String(value))])),
    h("h2", {}, `${t("citedIn")} (${citedIn.length})`),
    h(
      "ol",
      { class: "cited-in" },
      citedIn.map((place) =>
        h(
          "li",
          { class: "citation-item" },
          h("a", { href: `#/doc/${encodeURIComponent(place.document)}?fn=${place.footnote}` }, `${titles.get(place.document) ?? place.document} · ${t("footnote")} ${place.footnote}`),
          place.page ? ` · ${t("page")} ${place.page}` : "",
          place.locator ? ` · ${place.locator}` : "",
          place.citation ? h("p", { class: "raw" }, place.citation) : null,
          place.footnote_text && bare(place.footnote_text) !== bare(place.citation) ? h("p", { class: "footnote-text muted" }, place.footnote_text) : null,
        ),
      ),
    ),
  );
}

/** Text without spacing differences and closing punctuation, to tell a footnote that only holds its citation. */
function bare(text) {
  return (text || "").replace(/\s+/g, " ").replace(/[\s.;,]+$/, "").trim();
}
