// Builds the JavaScript-only widget the throttled load is measured against: the same elements
// (www/elements/define.js), the same English-only, trimmed catalogue and the same esbuild options
// as the shipped bundle (scripts/widget.mjs), with the JavaScript peer and the rubric without its sources
// (bench/js-widget-engine.js) in place of the WebAssembly engine. One minified file, nothing beside it.
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { trimEnglish } from "../scripts/widget.mjs";

export const JS_WIDGET = "target/bench/js-widget/sdo-openness.js";

const peerEngine = {
  name: "peer-engine",
  setup(b) {
    b.onResolve({ filter: /pkg\/web\/index\.js$/ }, () => ({ path: resolve("bench/js-widget-engine.js") }));
  },
};

// Like the wasm's tables, the bundled rubric leaves out the sources, which scoring never reads.
const rubricWithoutSources = {
  name: "rubric-without-sources",
  setup(b) {
    b.onLoad({ filter: /schema[\\/]rubric\.json$/ }, (args) => ({
      contents: JSON.stringify(JSON.parse(readFileSync(args.path, "utf8"), (key, value) => (key === "sources" ? undefined : value))),
      loader: "json",
    }));
  },
};

/** Builds it into JS_WIDGET; returns its size, raw and gzip -9. */
export async function buildJsWidget() {
  await build({
    entryPoints: ["www/elements/define.js"],
    outfile: JS_WIDGET,
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2022",
    legalComments: "none",
    charset: "utf8",
    logLevel: "warning",
    plugins: [trimEnglish, peerEngine, rubricWithoutSources],
  });
  const bytes = readFileSync(JS_WIDGET);
  return { file: JS_WIDGET, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}
