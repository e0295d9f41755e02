// Bundles the reader (src/main.js and its npm libraries) into ../static/app.js and copies the
// base map, so that the Python package serves the reader without node or any CDN.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
// VAKANUVIS_WEB_OUT lets a test build into a scratch folder and compare with the committed files.
const statics = process.env.VAKANUVIS_WEB_OUT || join(here, "..", "static");
const vendor = join(statics, "vendor");
mkdirSync(vendor, { recursive: true });

await build({
  entryPoints: [join(here, "src", "main.js")],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["chrome100", "firefox100", "safari15"],
  legalComments: "none",
  outfile: join(statics, "app.js"),
});

// Natural Earth country outlines (public domain) in TopoJSON, from the world-atlas package.
copyFileSync(join(here, "node_modules", "world-atlas", "countries-50m.json"), join(vendor, "countries-50m.json"));

// The licences of everything bundled, since minification drops their comments.
const packages = JSON.parse(readFileSync(join(here, "package-lock.json"), "utf8")).packages;
const notices = [];
for (const [path, meta] of Object.entries(packages)) {
  if (!path.startsWith("node_modules/") || meta.dev) continue;
  const name = path.slice("node_modules/".length);
  let licence = "";
  for (const file of ["LICENSE", "LICENSE.md", "LICENSE.txt"]) {
    try {
      licence = readFileSync(join(here, path, file), "utf8");
      break;
    } catch {}
  }
  notices.push(`== ${name} ${meta.version} (${meta.license})\n\n${licence.trim()}\n`);
}
writeFileSync(join(vendor, "LICENSES.txt"), notices.join("\n"));
console.log(`built app.js and the base map from ${notices.length} npm packages`);
