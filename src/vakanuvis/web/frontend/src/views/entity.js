// The entity page: names, existence, coordinates, every mention in context, its events and the works
// cited in footnotes that mention it.
import { h, fill, marked } from "../dom.js";
import { t } from "../i18n.js";
import { getJSON, entityIdsByName } from "../api.js";
import { eventCard } from "../panel.js";

export async function renderEntity(main, id) {
  const [entity, ids] = await Promise.all([getJSON(`entities/${encodeURIComponent(id)}`), entityIdsByName().catch(() => new Map())]);
  const facts = [
    [t("type"), t(entity.type)],
    [t("aliases"), (entity.aliases ?? []).join(", ")],
    [t("existence"), entity.start || entity.end ? `${entity.start ?? "…"} – ${entity.end ?? "…"}` : null],
    [t("coordinates"), entity.lat !== null && entity.lat !== undefined ? `${entity.lat}, ${entity.lon}` : null],
    ["Wikidata", entity.wikidata ? h("a", { href: `https://www.wikidata.org/wiki/${entity.wikidata}`, rel: "noopener", target: "_blank" }, entity.wikidata) : null],
  ].filter(([, value]) => value);
  const mentions = entity.mentions ?? [];
  fill(
    main,
    h("h1", { class: "entity-name" }, entity.name, " ", h("span", { class: `chip type-${entity.type}` }, t(entity.type))),
    h("dl", { class: "facts" }, facts.map(([label, value]) => [h("dt", {}, label), h("dd", {}, value)])),
    h("h2", {}, `${t("mentionsLong")} (${mentions.length})`),
    h(
      "ul",
      { class: "mentions" },
      mentions.map((mention) => {
        const where = mention.footnote === null || mention.footnote === undefined
          ? `#/doc/${encodeURIComponent(mention.document)}?at=${mention.start}`
          : `#/doc/${encodeURIComponent(mention.document)}?fn=${mention.footnote}`;
        return h(
          "li",
          { class: "mention-item" },
          h("a", { href: where, class: "where" }, mention.footnote === null || mention.footnote === undefined ? mention.document : `${mention.document}, ${t("inFootnote")} ${mention.footnote}`),
          " ",
          h("span", { class: "context" }, marked(mention.sentence || mention.text, [mention.text])),
        );
      }),
    ),
    h("h2", {}, `${t("events")} (${entity.events?.length ?? 0})`),
    h("div", { class: "event-cards" }, (entity.events ?? []).map((event) => eventCard(event, ids))),
    h("h2", {}, `${t("sources")} (${entity.sources?.length ?? 0})`),
    h("ul", { class: "sources" }, (entity.sources ?? []).map((source) => h("li", {}, sourceLine(source)))),
  );
}

/** One work in one line: authors, title, place, year, linked to its page. */
export function sourceLine(source) {
  const text = [(source.authors ?? []).join("; "), source.title_latin && source.title_latin !== source.title ? `${source.title} (${source.title_latin})` : source.title, source.place, source.year]
    .filter(Boolean)
    .join(", ");
  return h("a", { href: `#/source/${encodeURIComponent(source.id)}`, class: "source-link" }, text || source.id);
}
