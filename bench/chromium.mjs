// Chromium section of `npm run bench` (issue 13), interleaved like bench/node.mjs: score() of the
// published web API (pkg/web) against the JavaScript peer, the peer with ajv and the formula, on
// each real preset and all of them in rotation; the cold first call in new pages; and navigation →
// painted scorecard for the shipped widget (pkg/widget) against a minified JavaScript-only widget
// (bench/js-widget.mjs), each with and without the README's preload hints, throttled with CDP
// network emulation and not, with the bytes on the wire.
import { build } from "esbuild";
import { readdirSync } from "node:fs";
import { serve } from "../scripts/serve.mjs";
import { launchChromium } from "../tests/support/package.mjs";
import { machine, ms, printScoreRows, QUICK, summary } from "./harness.mjs";
import { buildJsWidget } from "./js-widget.mjs";

/** The throttled link: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up (DevTools' "Slow 4G"). */
export const THROTTLE = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
/** Each widget as the page embeds it plainly, and with the preload hints of the README's snippet. */
const WIDGETS = { wasm: "/bench/load.html", "js-only": "/bench/load-js.html", "wasm+hints": "/bench/load-hints.html", "js-only+hints": "/bench/load-js-hints.html" };

export async function run() {
  const out = { machine: { ...machine(), browser: null }, score: [], cold: null, load: null };
  await build({ entryPoints: ["bench/chromium.js"], outfile: "target/bench/chromium.js", bundle: true, format: "esm", target: "es2022", external: ["/pkg/web/index.js", "/pkg/web/sdo_openness.js?speed-build"], logLevel: "warning" });
  out.jsWidget = await buildJsWidget();
  // Cross-origin isolated, so that performance.now() resolves 5 µs instead of 100 µs.
  const server = await serve({ port: 0, gzip: true, headers: () => ({ "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" }) });
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium();
  out.machine.browser = browser.version();
  try {
    const presets = readdirSync("www/presets").filter((f) => f.endsWith(".json") && f !== "official-hosts.json").sort();
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/bench/chromium.html`);
    await page.waitForFunction(() => typeof window.scoreRows === "function");
    out.machine.crossOriginIsolated = await page.evaluate(() => crossOriginIsolated);
    out.score = await page.evaluate((o) => window.scoreRows(o), { presets, reps: QUICK ? 5 : 15, calls: QUICK ? 20 : 100 });
    await page.context().close();
    out.cold = await coldPages(browser, base, QUICK ? 3 : 7);
    out.load = { throttle: THROTTLE, throttled: await loads(browser, base, THROTTLE, QUICK ? 3 : 15), unthrottled: await loads(browser, base, null, QUICK ? 3 : 15) };
  } finally {
    await browser.close();
    server.close();
  }
  out.machine.loadAtEnd = machine().load;
  return out;
}

/** The cold first call, each in a new page (and context: nothing cached) of the same browser. */
async function coldPages(browser, base, runs) {
  const rows = [];
  for (let r = 0; r < runs; r++) {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/bench/cold.html`);
    await page.waitForFunction(() => typeof window.cold === "function");
    rows.push(await page.evaluate(() => window.cold("/www/presets/ietf.json")));
    await page.context().close();
  }
  const of = (k) => summary(rows.map((x) => x[k]));
  return { runs, profile: "ietf.json", import: of("import"), init: of("init"), first: of("first"), warm: of("warm") };
}

/**
 * Navigation → the frame after the first scored render, each widget in a new context, in rotating
 * order (widget k first in repetition k, after one warm-up round of each); the bytes on the wire
 * are the encoded lengths CDP reports for every response of the page but the favicon.
 */
async function loads(browser, base, throttle, reps) {
  const names = Object.keys(WIDGETS);
  const times = Object.fromEntries(names.map((n) => [n, []]));
  const bytes = {};
  const reports = {};
  const once = async (name) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    if (throttle) await cdp.send("Network.emulateNetworkConditions", throttle);
    const wire = new Map();
    // The favicon is the page's, not the widget's, and may come before or after the paint.
    cdp.on("Network.responseReceived", (e) => { if (!e.response.url.endsWith("/favicon.svg")) wire.set(e.requestId, { url: e.response.url, bytes: 0 }); });
    cdp.on("Network.loadingFinished", (e) => { if (wire.has(e.requestId)) wire.get(e.requestId).bytes = e.encodedDataLength; });
    await page.goto(`${base}${WIDGETS[name]}`);
    await page.waitForFunction(() => window.loaded, null, { timeout: 30_000 }).catch((e) => {
      throw new Error(`${WIDGETS[name]}${throttle ? " (throttled)" : ""}: no painted scorecard in 30 s`, { cause: e });
    });
    const at = await page.evaluate(() => window.loaded);
    reports[name] ??= await page.evaluate(() => JSON.stringify(document.querySelector("sdo-openness-scorecard").report));
    bytes[name] = { total: [...wire.values()].reduce((n, r) => n + r.bytes, 0), requests: [...wire.values()].map((r) => ({ path: new URL(r.url).pathname, bytes: r.bytes })) };
    await context.close();
    return at;
  };
  for (const n of names) await once(n);
  for (let r = 0; r < reps; r++) {
    for (let k = 0; k < names.length; k++) {
      const n = names[(r + k) % names.length];
      times[n].push(await once(n));
    }
  }
  if (names.some((n) => reports[n] !== reports.wasm)) throw new Error("the widgets rendered different reports");
  return Object.fromEntries(names.map((n) => [n, { ...summary(times[n]), wire: bytes[n] }]));
}

/** Prints the section's tables: min and median per contender, ratios of medians. */
export function print(out) {
  const m = out.machine;
  console.log(`\nChromium ${m.browser}, score() per call through pkg/web${m.crossOriginIsolated ? "" : " (NOT cross-origin isolated: 100 µs timer)"}; engine/x = ratio of medians, < 1: the engine is faster`);
  printScoreRows(out.score);
  console.log("the speed build in the page (pkg/node/sdo_openness_speed.wasm under pkg/web's glue, docs/decisions/0007), min / median, and its ratio of medians to the size build and to peer+ajv:");
  for (const r of out.score.filter((r) => r["speed build"])) {
    const q = (c) => (r["speed build"].median / r[c].median).toFixed(2);
    console.log(`  ${r.input.padEnd(32)} ${ms(r["speed build"].min)} / ${ms(r["speed build"].median)}  /size ${q("engine")}  /peer+ajv ${q("peer+ajv")}`);
  }
  const c = out.cold;
  console.log(`\nChromium, cold (medians of ${c.runs} new pages): import of pkg/web ${ms(c.import.median)}, init() ${ms(c.init.median)}, first score() of the IETF preset ${ms(c.first.median)}, then ${ms(c.warm.median)} per call`);
  console.log(`JavaScript-only widget: ${out.jsWidget.raw} B, ${out.jsWidget.gzip} B gzip -9`);
  for (const [label, row] of [["throttled (150 ms RTT, 1.6 Mbit/s down)", out.load.throttled], ["unthrottled", out.load.unthrottled]]) {
    console.log(`navigation → painted scorecard, ${label}, min / median, bytes on the wire:`);
    for (const [name, w] of Object.entries(row)) console.log(`  ${name.padEnd(14)} ${ms(w.min)} / ${ms(w.median)}, ${w.wire.total} B`);
    const q = (a, b) => (row[a].median / row[b].median).toFixed(2);
    console.log(`  wasm/JS-only ${q("wasm", "js-only")}; with hints ${q("wasm+hints", "js-only+hints")}; wasm+hints/JS-only (no hints) ${q("wasm+hints", "js-only")}`);
  }
  console.log(`load average ${m.load.join(" ")} at the section's start, ${m.loadAtEnd.join(" ")} at its end`);
}
