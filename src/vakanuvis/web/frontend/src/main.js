// The reader's shell: header, hash routes (#/doc/ID, #/timeline, #/map, #/network, #/entity/ID,
// #/source/ID, #/search?q=), the language toggle and the search box.
import { h, fill } from "./dom.js";
import { t, language, setLanguage } from "./i18n.js";
import { closePanel } from "./panel.js";
import { renderDocuments } from "./views/documents.js";
import { renderDocument } from "./views/document.js";
import { renderTimeline } from "./views/timeline.js";
import { renderMap } from "./views/map.js";
import { renderNetwork } from "./views/network.js";
import { renderEntity } from "./views/entity.js";
import { renderSource } from "./views/source.js";
import { renderSearch } from "./views/search.js";

const ROUTES = {
  "": renderDocuments,
  doc: renderDocument,
  timeline: renderTimeline,
  map: renderMap,
  network: renderNetwork,
  entity: renderEntity,
  source: renderSource,
  search: renderSearch,
};

/** The current route: its name, its one path argument and its query. */
export function currentRoute() {
  const hash = window.location.hash.replace(/^#\/?/, "");
  const [path, search = ""] = hash.split(/\?(.*)/s);
  const [name = "", ...rest] = path.split("/");
  return { name, argument: rest.length ? decodeURIComponent(rest.join("/")) : "", params: new URLSearchParams(search) };
}

let cleanup = null;
let generation = 0;

async function route() {
  const { name, argument, params } = currentRoute();
  const view = ROUTES[name] ?? renderDocuments;
  const main = document.getElementById("view");
  if (cleanup) cleanup();
  cleanup = null;
  closePanel();
  renderHeader(name, params);
  const mine = ++generation;
  fill(main, h("p", { class: "loading" }, t("loading")));
  main.dataset.view = name || "documents";
  main.removeAttribute("data-ready");
  const hash = window.location.hash;
  try {
    const result = await view(main, argument, params, () => mine !== generation);
    if (mine !== generation) return;
    if (typeof result === "function") cleanup = result;
  } catch (error) {
    if (mine !== generation) return;
    fill(main, h("div", { class: "error" }, h("h1", {}, error.status === 404 ? t("notFound") : t("error")), h("p", {}, error.message)));
    console.error(error);
  }
  // Tests (and anyone scripting the reader) wait for these: this route's view has finished drawing.
  main.dataset.route = hash;
  main.dataset.ready = "true";
}

function renderHeader(active, params) {
  const header = document.getElementById("header");
  const link = (name, label) => h("a", { href: `#/${name}`, class: active === name ? "active" : null, "aria-current": active === name ? "page" : null }, label);
  const input = h("input", { type: "search", name: "q", id: "search-input", placeholder: t("searchPlaceholder"), "aria-label": t("search"), value: active === "search" ? params.get("q") ?? "" : "" });
  fill(
    header,
    h("a", { href: "#/", class: "brand" }, t("appName")),
    h("nav", {}, link("", t("documents")), link("timeline", t("timeline")), link("map", t("map")), link("network", t("network"))),
    h(
      "form",
      {
        class: "search",
        role: "search",
        onsubmit: (event) => {
          event.preventDefault();
          const q = input.value.trim();
          if (q) window.location.hash = `#/search?q=${encodeURIComponent(q)}`;
        },
      },
      input,
      h("button", { type: "submit" }, t("search")),
    ),
    h(
      "button",
      {
        type: "button",
        class: "lang",
        id: "lang-toggle",
        title: t("languageTitle"),
        onclick: () => {
          setLanguage(language() === "tr" ? "en" : "tr");
          route();
        },
      },
      t("language"),
    ),
  );
}

document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") closePanel();
});
window.addEventListener("hashchange", route);
setLanguage(language());
route();
