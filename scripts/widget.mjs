// Bundles the custom elements, the engine's glue and the English catalogue (the rubric's words the
// card shows and the widget's own, `ui`) into one minified ES module, with the .wasm and the other
// languages' catalogues, trimmed alike, beside it, in pkg/widget/:
//   pkg/widget/elements/sdo-openness.js   <script type="module" src=…> registers both elements
//   pkg/widget/elements/sdo_openness_bg.wasm
//   pkg/widget/locales/{ar,es,fr,ru,zh}.json   fetched when an element first needs that language
import { build } from "esbuild";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";

/** The words a rendered card shows; help texts and citations stay with the assessment page. */
function trim(catalogue) {
  const pick = (map, keys) =>
    Object.fromEntries(Object.entries(map).map(([id, entry]) => [id, Object.fromEntries(keys.filter((k) => k in entry).map((k) => [k, entry[k]]))]));
  return {
    locale: catalogue.locale,
    methodology: catalogue.methodology,
    bands: catalogue.bands,
    units: catalogue.units,
    pillars: pick(catalogue.pillars, ["name"]),
    indicators: pick(catalogue.indicators, ["name"]),
    elements: pick(catalogue.elements, ["question", "options"]),
    ui: catalogue.ui,
  };
}
const trimmed = (file) => JSON.stringify(trim(JSON.parse(readFileSync(file, "utf8"))));

// The elements only score: they get the `score`-only engine (pkg/lean) in place of the full one.
const leanEngine = {
  name: "lean-engine",
  setup(b) {
    b.onResolve({ filter: /pkg\/web\/index\.js$/ }, () => ({ path: resolve("pkg/lean/sdo_openness.js") }));
  },
};

// Bundle the trimmed English catalogue in place of the full one.
export const trimEnglish = {
  name: "trim-catalogue",
  setup(b) {
    b.onLoad({ filter: /locales[\\/]en\.json$/ }, (args) => ({ contents: trimmed(args.path), loader: "json" }));
  },
};

// Imported (bench/js-widget.mjs builds a JavaScript-only widget with the same plugins), it builds nothing.
if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? "")).href) await buildWidget();

async function buildWidget() {
  rmSync("pkg/widget", { recursive: true, force: true });
  mkdirSync("pkg/widget/locales", { recursive: true });
  await build({
    entryPoints: ["www/elements/define.js"],
    outfile: "pkg/widget/elements/sdo-openness.js",
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2022",
    legalComments: "none",
    charset: "utf8", // UTF-8 text, not \\u escapes: the six languages stay compact
    logLevel: "warning",
    plugins: [trimEnglish, leanEngine],
  });
  copyFileSync("pkg/lean/sdo_openness_bg.wasm", "pkg/widget/elements/sdo_openness_bg.wasm");
  for (const file of readdirSync("www/locales")) {
    if (!file.endsWith(".json") || file === "en.json") continue;
    writeFileSync(`pkg/widget/locales/${file}`, trimmed(`www/locales/${file}`));
  }
  if (!existsSync("pkg/widget/elements/sdo-openness.js")) process.exit(1);
}
