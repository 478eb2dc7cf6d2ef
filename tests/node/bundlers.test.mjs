// The elements as users' bundlers ship them: the packed tarball installed into one consumer folder,
// built five ways — Vite (build, and its dev server with dependency pre-bundling), webpack, Rollup
// and esbuild — each page rendering <sdo-openness-scorecard lang="fr"> from a preset in Debian's
// Chromium (and Rollup, with its usual plugins). Each must show French words and the engine's
// scores, and make no request that fails:
// the engine's .wasm and the French catalogue must be found where the bundler put them. Vite,
// webpack and Rollup take the plain `import "sdo-openness/elements/define"`; esbuild, which does not rewrite
// `new URL(…, import.meta.url)`, takes the recipe in docs/bundlers.md (configure()).
// The bundlers' versions are those pinned in package.json's devDependencies.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serve } from "../../scripts/serve.mjs";
import { installPackage, launchChromium, root } from "../support/package.mjs";

const preset = readFileSync(join(root, "www/presets/ietf.json"), "utf8");
const today = new Date().toISOString().slice(0, 10);

/** The recipes, as docs/bundlers.md gives them; `esbuild` is the one that needs configure(). */
const PLAIN = `import "sdo-openness/elements/define";\n`;
const ESBUILD = readRecipe("esbuild");

/** The JavaScript block under the "### <name>" heading of docs/bundlers.md. */
function readRecipe(name) {
  const doc = readFileSync(join(root, "docs/bundlers.md"), "utf8");
  const section = doc.split(/^### /m).find((s) => s.toLowerCase().startsWith(name));
  const block = section?.match(/```js\n([\s\S]*?)```/);
  if (!block) throw new Error(`docs/bundlers.md has no js block under "### ${name}"`);
  return block[1];
}

const page = (script) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>consumer</title></head>
<body>
<sdo-openness-scorecard id="card" lang="fr"><script type="application/json">${preset}</script></sdo-openness-scorecard>
<script>
  window.events = [];
  for (const type of ["sdo-openness-scored", "sdo-openness-error"])
    document.addEventListener(type, (e) => window.events.push({ type, detail: type === "sdo-openness-error" ? e.detail : null }));
</script>
${script}
</body></html>
`;

let dir, browser, expected;
const servers = [];

before(async () => {
  dir = installPackage();
  const { score } = await import(join(dir, "node_modules/sdo-openness/pkg/node/index.js"));
  expected = score(preset, { asOf: today }).pillars.map((p) => ({ id: p.id, status: p.status, score: p.score }));
  for (const app of ["vite", "webpack", "esbuild", "rollup"]) {
    mkdirSync(join(dir, app, "src"), { recursive: true });
    writeFileSync(join(dir, app, "src/main.js"), app === "esbuild" ? ESBUILD : PLAIN);
  }
  writeFileSync(join(dir, "vite/index.html"), page(`<script type="module" src="/src/main.js"></script>`));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

/** Serves a built folder statically; returns its base URL. */
async function serveStatic(folder) {
  const server = await serve({ root: folder, port: 0 });
  servers.push({ close: () => new Promise((done) => server.close(done)) });
  return `http://127.0.0.1:${server.address().port}`;
}

/** Opens `url`, waits for the card to score or fail, and returns what a reader and the network saw. */
async function render(url, { missing = null } = {}) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  if (missing) await context.route(`**${missing}`, (route) => route.fulfill({ status: 404, body: "not found" }));
  const failed = [];
  const problems = [];
  const warnings = [];
  tab.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  tab.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  tab.on("requestfailed", (r) => failed.push(`failed ${new URL(r.url()).pathname}`));
  tab.on("pageerror", (e) => problems.push(e.message));
  const requested = [];
  tab.on("request", (r) => requested.push(new URL(r.url()).pathname));
  await tab.goto(url);
  await tab.waitForFunction(() => window.events?.length > 0, null, { timeout: 15000 }).catch(async (e) => {
    const text = await tab.evaluate(() => document.getElementById("card").shadowRoot?.textContent);
    throw new Error(`${e.message}\nshown: ${text}\nfailed: ${failed.join(", ")}\nerrors: ${problems.join(", ")}\nrequested: ${requested.join(", ")}`);
  });
  const seen = await tab.evaluate(() => {
    const card = document.getElementById("card");
    return {
      events: window.events,
      text: card.shadowRoot.textContent.replace(/\s+/g, " "),
      lang: card.shadowRoot.querySelector("article")?.getAttribute("lang") ?? null,
      pillars: card.report?.pillars.map((p) => ({ id: p.id, status: p.status, score: p.score })) ?? null,
    };
  });
  await context.close();
  return { ...seen, failed, problems, requested, warnings };
}

function check(seen) {
  assert.deepEqual(seen.problems, []);
  assert.deepEqual(seen.events.map((e) => e.type), ["sdo-openness-scored"], JSON.stringify(seen.events));
  assert.deepEqual(seen.failed, [], "no request fails");
  assert.deepEqual(seen.pillars, expected);
  // French words, from the French catalogue (pillar names) and the widget's French words.
  assert.equal(seen.lang, "fr");
  assert.match(seen.text, /Ouverture/);
  assert.match(seen.text, /Ce qui améliorerait le plus les scores/);
  // Each scored pillar's number, as French writes it (a decimal comma).
  const french = new Intl.NumberFormat("fr", { maximumFractionDigits: 1 });
  for (const p of expected.filter((p) => p.status === "scored")) assert.ok(seen.text.includes(french.format(p.score)), `${p.id} ${french.format(p.score)}`);
  assert.ok(seen.requested.some((p) => p.endsWith(".wasm")), "the engine was fetched");
}

let viteBuilt;

test("Vite build", async () => {
  const { build } = await import("vite");
  await build({ root: join(dir, "vite"), logLevel: "silent", build: { outDir: "dist" } });
  viteBuilt = await serveStatic(join(dir, "vite/dist"));
  check(await render(`${viteBuilt}/index.html`));
});

test("the engine and the catalogue load while the profile does, not after it", async () => {
  const dist = join(dir, "vite/dist");
  const built = readFileSync(join(dist, "index.html"), "utf8");
  const inline = /<script type="application\/json">[\s\S]*?<\/script>/;
  writeFileSync(join(dist, "slow.html"), built.replace(inline, "").replace('id="card" lang="fr">', 'id="card" lang="fr" src="profile.json">'));
  writeFileSync(join(dist, "profile.json"), preset);
  const context = await browser.newContext();
  const tab = await context.newPage();
  const requested = [];
  tab.on("request", (r) => requested.push(new URL(r.url()).pathname));
  // The profile is held back until the .wasm and the French catalogue have been asked for (or 5 s).
  let before = null;
  await context.route("**/profile.json", async (route) => {
    const started = Date.now();
    const both = () => requested.some((p) => p.endsWith(".wasm")) && requested.some((p) => /\/fr-[^/]+\.json$/.test(p));
    while (!both() && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 20));
    before = [...requested];
    await route.continue();
  });
  await tab.goto(`${viteBuilt}/slow.html`);
  await tab.waitForFunction(() => window.events?.length > 0, null, { timeout: 15000 });
  const events = await tab.evaluate(() => window.events.map((e) => e.type));
  await context.close();
  assert.deepEqual(events, ["sdo-openness-scored"]);
  assert.ok(before.some((p) => p.endsWith(".wasm")), `the .wasm was requested before the profile came: ${before.join(" ")}`);
  assert.ok(before.some((p) => /\/fr-[^/]+\.json$/.test(p)), `the catalogue was requested before the profile came: ${before.join(" ")}`);
});

test("Vite dev server (dependency pre-bundling)", async () => {
  const { createServer } = await import("vite");
  const server = await createServer({ root: join(dir, "vite"), logLevel: "silent", server: { port: 0, host: "127.0.0.1" } });
  await server.listen();
  servers.push(server);
  check(await render(server.resolvedUrls.local[0]));
});

test("webpack", async () => {
  const { default: webpack } = await import("webpack");
  const stats = await new Promise((done, fail) =>
    webpack({
      mode: "production",
      context: join(dir, "webpack"),
      entry: "./src/main.js",
      output: { path: join(dir, "webpack/dist"), filename: "main.js" },
      performance: { hints: false },
    }).run((error, stats) => (error ? fail(error) : done(stats))),
  );
  assert.ok(!stats.hasErrors(), stats.toString("errors-only"));
  writeFileSync(join(dir, "webpack/dist/index.html"), page(`<script src="main.js"></script>`));
  check(await render(`${await serveStatic(join(dir, "webpack/dist"))}/index.html`));
});

test("Rollup (node-resolve, json and import-meta-assets plugins)", async () => {
  const { rollup } = await import("rollup");
  const { nodeResolve } = await import("@rollup/plugin-node-resolve");
  const { default: json } = await import("@rollup/plugin-json");
  const { importMetaAssets } = await import("@web/rollup-plugin-import-meta-assets");
  const bundle = await rollup({ input: join(dir, "rollup/src/main.js"), plugins: [nodeResolve({ browser: true }), json(), importMetaAssets()], logLevel: "silent" });
  await bundle.write({ dir: join(dir, "rollup/dist"), format: "es" });
  await bundle.close();
  writeFileSync(join(dir, "rollup/dist/index.html"), page(`<script type="module" src="main.js"></script>`));
  check(await render(`${await serveStatic(join(dir, "rollup/dist"))}/index.html`));
});

test("esbuild (the configure() recipe)", async () => {
  const { build } = await import("esbuild");
  await build({
    absWorkingDir: join(dir, "esbuild"),
    entryPoints: ["src/main.js"],
    bundle: true,
    format: "esm",
    splitting: true,
    loader: { ".wasm": "file" },
    outdir: "dist",
    logLevel: "error",
  });
  writeFileSync(join(dir, "esbuild/dist/index.html"), page(`<script type="module" src="main.js"></script>`));
  check(await render(`${await serveStatic(join(dir, "esbuild/dist"))}/index.html`));
});

test("esbuild, with the files hosted elsewhere (configure() with URLs)", async () => {
  const { build } = await import("esbuild");
  const app = join(dir, "hosted");
  mkdirSync(join(app, "src"), { recursive: true });
  writeFileSync(join(app, "src/main.js"), readRecipe("assets hosted elsewhere"));
  await build({ absWorkingDir: app, entryPoints: ["src/main.js"], bundle: true, format: "esm", outdir: "dist", logLevel: "error" });
  const installed = join(dir, "node_modules/sdo-openness");
  mkdirSync(join(app, "dist/static"), { recursive: true });
  cpSync(join(installed, "pkg/web/sdo_openness_bg.wasm"), join(app, "dist/static/sdo_openness_bg.wasm"));
  cpSync(join(installed, "www/locales"), join(app, "dist/static/locales"), { recursive: true });
  writeFileSync(join(app, "dist/index.html"), page(`<script type="module" src="main.js"></script>`));
  const hosted = await serveStatic(join(app, "dist"));
  const seen = await render(`${hosted}/index.html`);
  check(seen);
  assert.ok(seen.requested.includes("/static/sdo_openness_bg.wasm") && seen.requested.includes("/static/locales/fr.json"), seen.requested.join(" "));
  // A catalogue that is not there: the card is drawn in English, scored, and the console says why.
  const english = await render(`${hosted}/index.html`, { missing: "/static/locales/fr.json" });
  assert.deepEqual(english.events.map((e) => e.type), ["sdo-openness-scored"]);
  assert.deepEqual(english.failed, ["404 /static/locales/fr.json"]);
  assert.equal(english.lang, "en");
  assert.match(english.text, /Openness/);
  assert.deepEqual(english.pillars, expected);
  assert.equal(english.warnings.length, 1, english.warnings.join("\n"));
  assert.match(english.warnings[0], /"fr" catalogue could not be loaded \(HTTP 404 for .*\/static\/locales\/fr\.json\); showing English/);
});

test("the README's snippet with its preload hints: each file fetched once, every hint used", async () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const html = [...readme.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]);
  const hints = html.find((block) => block.includes('rel="preload"'));
  const snippet = html.find((block) => block.includes("<sdo-openness-scorecard"));
  assert.ok(hints && snippet, "the README has the snippet and its hints");
  const site = join(dir, "site");
  mkdirSync(site, { recursive: true });
  writeFileSync(join(site, "preset.json"), preset);
  writeFileSync(
    join(site, "index.html"),
    page(snippet.replace("<sdo-openness-scorecard ", '<sdo-openness-scorecard id="card" lang="fr" ')).replace(/<sdo-openness-scorecard id="card" lang="fr"><script[\s\S]*?<\/sdo-openness-scorecard>\n/, "").replace("</head>", `${hints}</head>`),
  );
  // The README's paths, served from the installed package.
  const served = new Map();
  const server = await serve({
    root: dir,
    port: 0,
    rewrite: (path) =>
      path.replace(/^\/assets\/sdo-openness\//, "/node_modules/sdo-openness/pkg/widget/").replace(/^\/profiles\/our-process\.json$/, "/site/preset.json"),
    headers: (path) => {
      served.set(path, (served.get(path) ?? 0) + 1);
      return {};
    },
  });
  servers.push({ close: () => new Promise((done) => server.close(done)) });
  const context = await browser.newContext();
  const tab = await context.newPage();
  const console = [];
  tab.on("console", (m) => console.push(m.text()));
  await tab.goto(`http://127.0.0.1:${server.address().port}/site/index.html`);
  await tab.waitForFunction(() => window.events?.length > 0, null, { timeout: 15000 });
  const events = await tab.evaluate(() => window.events.map((e) => e.type));
  await new Promise((r) => setTimeout(r, 3500)); // Chromium warns of an unused preload after 3 s.
  await context.close();
  assert.deepEqual(events, ["sdo-openness-scored"]);
  assert.deepEqual(console.filter((m) => /preload/i.test(m)), []);
  for (const path of ["/assets/sdo-openness/elements/sdo-openness.js", "/assets/sdo-openness/elements/sdo_openness_bg.wasm", "/profiles/our-process.json"])
    assert.equal(served.get(path), 1, `${path} served ${served.get(path) ?? 0} times`);
});

test("configure() refuses what it does not know, in Node too", async () => {
  const { configure } = await import(join(dir, "node_modules/sdo-openness/www/elements/define.js"));
  assert.throws(() => configure({ engines: "x.wasm" }), { name: "TypeError", message: /not engines/ });
  assert.throws(() => configure({ locales: "/locales/" }), { name: "TypeError", message: /function of the language/ });
  assert.doesNotThrow(() => configure({}));
});
