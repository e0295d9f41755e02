// Search over sentences, footnotes, sources and entities (GET /api/search); suffixes are the server's
// business, the page only marks the typed word's stem in what comes back.
import { h, fill, marked } from "../dom.js";
import { t } from "../i18n.js";
import { getJSON, documentTitles } from "../api.js";

export async function renderSearch(main, _argument, params) {
  const q = (params.get("q") ?? "").trim();
  if (!q) {
    fill(main, h("h1", {}, t("searchResults")), h("p", {}, t("noResults")));
    return;
  }
  const [result, titles] = await Promise.all([getJSON("search", { q, limit: 100 }), documentTitles().catch(() => new Map())]);
  const hits = result.data ?? result;
  const stems = q.split(/\s+/).map((word) => word.split(/['’`]/)[0]);
  fill(
    main,
    h("h1", {}, `${t("searchResults")}: “${q}”`),
    h("p", { class: "meta" }, `${result.count ?? hits.length} ${t("hits")}`),
    hits.length
      ? h(
          "ol",
          { class: "search-results" },
          hits.map((hit) => h("li", { class: `search-hit kind-${hit.kind}`, dataset: { kind: hit.kind } }, h("span", { class: "kind" }, t(`kind_${hit.kind}`)), " ", h("a", { href: hitHref(hit), class: "hit-link" }, marked(hit.text, stems)), hit.document ? h("span", { class: "meta hit-document" }, ` — ${titles.get(hit.document) ?? hit.document}${hit.kind === "footnote" ? `, ${t("footnote")} ${hit.footnote}` : ""}`) : null)),
        )
      : h("p", {}, t("noResults")),
  );
}

function hitHref(hit) {
  const doc = `#/doc/${encodeURIComponent(hit.document ?? "")}`;
  if (hit.kind === "sentence") return `${doc}?at=${hit.start ?? 0}`;
  if (hit.kind === "footnote") return `${doc}?fn=${hit.footnote}`;
  if (hit.kind === "source") return `#/source/${encodeURIComponent(hit.id)}`;
  if (hit.kind === "entity") return `#/entity/${encodeURIComponent(hit.id)}`;
  return doc;
}
