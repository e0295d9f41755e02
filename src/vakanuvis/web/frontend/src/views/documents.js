// The home page: the documents of the knowledge base and its most mentioned entities.
import { h, fill } from "../dom.js";
import { t } from "../i18n.js";
import { getAll, allDocuments, allEntities } from "../api.js";
import { sourceLine } from "./entity.js";

export async function renderDocuments(main) {
  const [documents, entities, sources] = await Promise.all([allDocuments(), allEntities().catch(() => []), getAll("sources").catch(() => [])]);
  fill(
    main,
    h("h1", {}, t("documents")),
    h("p", { class: "intro" }, t("documentsIntro")),
    documents.length
      ? h(
          "ul",
          { class: "documents" },
          documents.map((document) =>
            h(
              "li",
              {},
              h("a", { href: `#/doc/${encodeURIComponent(document.id)}`, class: "document-link" }, document.title || document.path),
              h("span", { class: "meta" }, ` · ${document.language} · ${document.pages} ${t("pages").toLowerCase()} · ${document.path.split("/").pop()}`),
            ),
          ),
        )
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
