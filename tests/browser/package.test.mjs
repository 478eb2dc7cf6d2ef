// The package in a real browser (Debian's Chromium): loaded by a plain <script type="module">,
// with init()'s override of where the .wasm comes from, and through a bundler (esbuild).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { serve } from "../../scripts/serve.mjs";
import { installPackage, launchChromium, root } from "../support/package.mjs";

const example = readFileSync(join(root, "examples/profile.json"), "utf8");
// What each page computes and leaves on window.result.
const probe = `
  const profile = ${example};
  const report = score(profile, { asOf: "2026-11-23" });
  let error = null;
  try { score({ ...profile, answers: { "O1.1": { option: "publik" } } }); }
  catch (e) { error = { profileError: e instanceof ProfileError, code: e.code, path: e.path, suggestion: e.suggestion }; }
  window.result = { scores: report.pillars.map((p) => p.score), error };
`;
const expectedError = { profileError: true, code: "unknown-option", path: "answers.O1.1.option", suggestion: "public" };

let browser, server, base, dir, expectedScores;

before(async () => {
  dir = installPackage();
  const { score } = await import(join(dir, "node_modules/sdo-openness/pkg/node/index.js"));
  expectedScores = score(JSON.parse(example), { asOf: "2026-11-23" }).pillars.map((p) => p.score);
  // The bundled app: the package imported by name, the .wasm emitted as a file by the bundler.
  const app = join(dir, "app");
  mkdirSync(app);
  writeFileSync(
    join(app, "entry.js"),
    `import init, { score, ProfileError } from "sdo-openness";
     import wasm from "sdo-openness/sdo_openness_bg.wasm";
     await init({ module_or_path: wasm });
     ${probe}`,
  );
  await build({
    absWorkingDir: dir,
    entryPoints: ["app/entry.js"],
    bundle: true,
    format: "esm",
    platform: "browser",
    loader: { ".wasm": "file" },
    outdir: "app/dist",
    logLevel: "error",
  });
  writeFileSync(join(app, "dist/index.html"), `<!doctype html><title>bundled</title><script type="module" src="entry.js"></script>`);
  mkdirSync(join(dir, "site"));
  writeFileSync(
    join(dir, "site/module.html"),
    `<!doctype html><title>module</title><script type="module">
       import init, { score, ProfileError } from "/node_modules/sdo-openness/pkg/web/index.js";
       await init();
       ${probe}
     </script>`,
  );
  writeFileSync(
    join(dir, "site/override.html"),
    `<!doctype html><title>override</title><script type="module">
       import init, { score, ProfileError } from "/node_modules/sdo-openness/pkg/web/index.js";
       await init({ module_or_path: "/elsewhere/engine.wasm" });
       ${probe}
     </script>`,
  );
  server = await serve({ root: dir, port: 0 });
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function result(path, setup = async () => {}) {
  const page = await browser.newPage();
  const failures = [];
  page.on("pageerror", (e) => failures.push(e.message));
  await setup(page);
  await page.goto(base + path);
  await page.waitForFunction(() => window.result !== undefined || document.title === "failed", null, { timeout: 15000 });
  const value = await page.evaluate(() => window.result);
  await page.close();
  assert.deepEqual(failures, []);
  return value;
}

test("a plain <script type=module> page scores a profile", async () => {
  assert.deepEqual(await result("/site/module.html"), { scores: expectedScores, error: expectedError });
});

test("init() loads the .wasm from where it is told", async () => {
  const requested = [];
  const value = await result("/site/override.html", async (page) => {
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    await page.route("**/elsewhere/engine.wasm", (route) =>
      route.fulfill({
        contentType: "application/wasm",
        body: readFileSync(join(dir, "node_modules/sdo-openness/pkg/web/sdo_openness_bg.wasm")),
      }),
    );
  });
  assert.deepEqual(value, { scores: expectedScores, error: expectedError });
  assert.ok(requested.includes("/elsewhere/engine.wasm"));
  assert.ok(!requested.some((p) => p.endsWith("sdo_openness_bg.wasm")), requested.join(" "));
});

test("a bundled app (esbuild) scores a profile", async () => {
  assert.deepEqual(await result("/app/dist/index.html"), { scores: expectedScores, error: expectedError });
});
