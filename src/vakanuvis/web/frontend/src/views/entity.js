// The entity page: names, existence, coordinates, every mention in context, its events and the works
// cited in footnotes that mention it.
import { h, fill, marked } from "../dom.js";
import { t } from "../i18n.js";
import { getJSON, entityIdsByName, documentTitles } from "../api.js";
import { eventCard } from "../panel.js";
import { locatorMap } from "./map.js";

export async function renderEntity(main, id) {
  const [entity, ids, titles] = await Promise.all([
    getJSON(`entities/${encodeURIComponent(id)}`),
    entityIdsByName().catch(() => new Map()),
    documentTitles().catch(() => new Map()),
  ]);
  const facts = [
    [t("type"), t(entity.type)],
    [t("aliases"), (entity.aliases ?? []).join(", ")],
    [t("existence"), entity.start || entity.end ? `${entity.start ?? "…"} – ${entity.end ?? "…"}` : null],
    [t("coordinates"), entity.lat !== null && entity.lat !== undefined ? `${entity.lat}, ${entity.lon}` : null],
    ["Wikidata", entity.wikidata ? h("a", { href: `https://www.wikidata.org/wiki/${entity.wikidata}`, rel: "noopener", target: "_blank" }, entity.wikidata) : null],
  ].filter(([, value]) => value);
  const mentions = entity.mentions ?? [];
  const total = entity.mentions_count ?? mentions.length;
  const list = h("div", { class: "mention-groups" });
  const more = h("button", { type: "button", class: "more" }, t("moreMentions"));
  let shown = 0;
  const show = (items) => {
    appendMentions(list, items, titles);
    shown += items.length;
    more.hidden = shown >= total || !items.length;
    more.textContent = `${t("moreMentions")} (${shown} / ${total})`;
  };
  more.onclick = async () => {
    more.disabled = true;
    try {
      const page = await getJSON(`entities/${encodeURIComponent(id)}/mentions`, { offset: shown, limit: 200 });
      show(page.data);
    } finally {
      more.disabled = false;
    }
  };
  show(mentions);
  fill(
    main,
    h("h1", { class: "entity-name" }, entity.name, " ", h("span", { class: `chip type-${entity.type}` }, t(entity.type))),
    h(
      "div",
      { class: "entity-head" },
      h("dl", { class: "facts" }, facts.map(([label, value]) => [h("dt", {}, label), h("dd", {}, value)])),
      typeof entity.lat === "number" && typeof entity.lon === "number" ? locatorMap(entity) : null,
    ),
    h("h2", {}, `${t("mentionsLong")} (${total})`),
    list,
    more,
    h("h2", {}, `${t("events")} (${entity.events_count ?? entity.events?.length ?? 0})`),
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
  // Archival files and other works without author or title are named by their kind until opened.
  return h("a", { href: `#/source/${encodeURIComponent(source.id)}`, class: "source-link" }, text || `${t(source.type)} (${source.id})`);
}

/** Mentions in context under their document's title; a page that goes on with the last document shown
 * joins its list. */
function appendMentions(list, mentions, titles) {
  for (const mention of mentions) {
    let group = list.lastElementChild;
    if (!group || group.dataset.document !== mention.document) {
      group = h("section", { dataset: { document: mention.document } }, h("h3", { class: "mentions-document" }, titles.get(mention.document) ?? mention.document), h("ul", { class: "mentions" }));
      list.append(group);
    }
    const inBody = mention.footnote === null || mention.footnote === undefined;
    const where = `#/doc/${encodeURIComponent(mention.document)}?${inBody ? `at=${mention.start}` : `fn=${mention.footnote}`}`;
    group.lastElementChild.append(
      h(
        "li",
        { class: "mention-item" },
        h("span", { class: "context" }, marked(mention.sentence || mention.text, [mention.text])),
        " ",
        h("a", { href: where, class: "where" }, inBody ? `${t("openInDocument")} →` : `${t("footnote")} ${mention.footnote} →`),
      ),
    );
  }
}
