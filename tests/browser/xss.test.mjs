// Issue 16, "what held and must keep holding": untrusted text never runs. A corpus of classic
// injection payloads (tags with handlers, script breakouts, javascript: and data: addresses,
// SVG and MathML, entity and case tricks, template syntax, CSS) in every text field of a profile
// and as field names, through every surface that shows a profile: the scorecard (evidence open)
// and badge elements, the page's assess, report, share and compare views, a refused import, and
// the embed page. Each payload would call alert(), set window.__ran or request a foreign host if
// it ran: the test counts dialogs, __ran and requests that leave the page's origin.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "../support/package.mjs";
import { suite } from "../support/browser.mjs";

const chromium = suite();
const example = JSON.parse(readFileSync(join(root, "tests/fixtures/open-working-group.json"), "utf8"));

const RUN = "window.__ran=(window.__ran||0)+1;alert(1)";
const PAYLOADS = [
  `<script>${RUN}</script>`,
  `<img src=x onerror="${RUN}">`,
  `<svg onload="${RUN}">`,
  `<svg><script>${RUN}</script></svg>`,
  `"><img src=x onerror=${RUN}>`,
  `'><svg/onload=${RUN}>`,
  `</script><script>${RUN}</script>`,
  `</textarea><script>${RUN}</script>`,
  `</title><script>${RUN}</script>`,
  `<!--<img src="--><img src=x onerror=${RUN}//">`,
  `<iframe src="javascript:${RUN}"></iframe>`,
  `<iframe srcdoc="<script>parent.${RUN}</script>"></iframe>`,
  `<a href="javascript:${RUN}">x</a>`,
  `<a href="jav&#x09;ascript:${RUN}">x</a>`,
  `<object data="javascript:${RUN}"></object>`,
  `<embed src="data:text/html,<script>${RUN}</script>">`,
  `<body onload=${RUN}>`,
  `<details open ontoggle=${RUN}>`,
  `<input autofocus onfocus=${RUN}>`,
  `<video><source onerror=${RUN}></video>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${RUN}>`,
  `<form><button formaction=javascript:${RUN}>x</button></form>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${RUN}">`,
  `<base href="https://evil.example/">`,
  `<link rel=stylesheet href=https://evil.example/x.css>`,
  `<style>@import "https://evil.example/y.css";</style>`,
  `<div style="background:url(https://evil.example/z.png)">x</div>`,
  `<img src=https://evil.example/pixel.png>`,
  `<ScRiPt>${RUN}</sCrIpT>`,
  `<scr<script>ipt>${RUN}</scr</script>ipt>`,
  `&lt;script&gt;${RUN}&lt;/script&gt;`,
  `\u003cscript\u003e${RUN}\u003c/script\u003e`,
  `{{constructor.constructor('${RUN}')()}}`,
  "${" + RUN + "}",
  `javascript:${RUN}`,
  `data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
  `<template><img src=x onerror=${RUN}></template>`,
  `<noscript><p title="</noscript><img src=x onerror=${RUN}>">`,
  `<svg><animate onbegin=${RUN} attributeName=x dur=1s>`,
  `<xss id=x tabindex=1 onfocusin=${RUN}></xss>`,
];
/** A payload that can stand in an http(s) address: its spaces become slashes. */
const asUrl = (p) => `https://example.org/${p.replace(/\s/g, "/")}`;
const upTo = (n, p) => p.slice(0, n);

/** The example with payload `k + i` in the i-th text field, so every payload reaches many fields. */
function hostile(k) {
  const p = structuredClone(example);
  p.id = `hostile-${k}`; // each its own assessment: an import of a saved id would ask first
  let i = k;
  const next = () => PAYLOADS[i++ % PAYLOADS.length];
  Object.assign(p.process, { name: upTo(200, next()), organization: upTo(200, next()), scope: upTo(1000, next()), assessor: upTo(200, next()), url: asUrl(next()) });
  p.review = { level: "independent", reviewers: [upTo(200, next())], note: next(), reviewedOn: "2026-11-01" };
  for (const answer of Object.values(p.answers)) {
    answer.note = next();
    answer.searched = [next()];
    answer.evidence = [{ url: asUrl(next()), quote: next(), note: next(), archiveUrl: asUrl(next()), sourceType: "official", checkedOn: "2026-11-01" }];
  }
  return p;
}

/** A page that counts what would show a payload ran: dialogs, `__ran`, foreign requests. */
async function watched(context) {
  const page = await context.newPage();
  const seen = { dialogs: [], foreign: [], errors: [] };
  page.on("dialog", (d) => {
    seen.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  page.on("request", (r) => {
    if (!r.url().startsWith(chromium.base) && !/^(data|blob|about):/.test(r.url())) seen.foreign.push(r.url());
  });
  page.on("pageerror", (e) => seen.errors.push(e.message));
  const ran = () => page.evaluate(() => window.__ran ?? 0);
  return { page, seen, ran };
}

test("every payload in every field, on the elements: nothing runs, nothing is fetched", async () => {
  const context = await chromium.browser.newContext();
  const { page, seen, ran } = await watched(context);
  await page.goto(`${chromium.base}/tests/browser/pages/plain.html`);
  await page.waitForFunction(() => customElements.get("sdo-openness-scorecard"));
  const invalid = structuredClone(example);
  for (const payload of PAYLOADS) invalid.answers[payload] = { option: "public" };
  const shown = await page.evaluate(async (profiles) => {
    const out = [];
    for (const [n, profile] of profiles.entries()) {
      for (const tag of ["sdo-openness-scorecard", "sdo-openness-badge"]) {
        const el = document.createElement(tag);
        const done = new Promise((resolve) => {
          el.addEventListener("sdo-openness-scored", () => resolve("scored"), { once: true });
          el.addEventListener("sdo-openness-error", () => resolve("error"), { once: true });
        });
        el.profile = profile;
        document.querySelector("main").append(el);
        const outcome = await done;
        for (const details of el.shadowRoot.querySelectorAll("details")) details.open = true;
        await new Promise((r) => setTimeout(r, 100));
        out.push({ n, tag, outcome, elements: el.shadowRoot.querySelectorAll("script, iframe, object, embed, img, svg image, base, meta, link[href^=http], style:not(:first-of-type)").length });
      }
    }
    return out;
  }, [hostile(0), hostile(13), hostile(27), invalid]);
  await page.waitForTimeout(300);
  assert.deepEqual(shown.map((s) => s.outcome), ["scored", "scored", "scored", "scored", "scored", "scored", "error", "error"]);
  assert.deepEqual(shown.filter((s) => s.elements), [], "no payload became an element");
  assert.equal(await ran(), 0);
  assert.deepEqual(seen, { dialogs: [], foreign: [], errors: [] });
  // The detectors work: the same payload written as HTML runs, and is seen.
  await page.evaluate((html) => document.body.insertAdjacentHTML("beforeend", html), PAYLOADS[1]);
  await page.waitForFunction(() => window.__ran === 1);
  assert.deepEqual(seen.dialogs, ["1"]);
  await context.close();
});

test("every payload in every field, on the page's views, a refused import and the embed page: nothing runs, nothing is fetched", async () => {
  const context = await chromium.browser.newContext();
  const { page, seen, ran } = await watched(context);
  await page.goto(`${chromium.base}/www/?view=share`);
  await page.waitForSelector("#import");
  for (const k of [0, 13]) {
    // An import draws the view again before it says what it did: wait for the new drawing's
    // notice, so that the next file goes to the new drawing's input, not the old one's.
    await page.evaluate(() => document.querySelector("#view h2")?.setAttribute("data-before", ""));
    await page.setInputFiles("#import", { name: `hostile-${k}.json`, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(hostile(k))) });
    await page.waitForFunction((n) => document.querySelectorAll("#assessment option").length === n, k ? 3 : 2);
    await page.waitForSelector("#view h2:not([data-before]) ~ .status .notice");
    assert.equal(await page.$(".status .error-text"), null, `hostile-${k}.json imported`);
  }
  const invalid = structuredClone(example);
  for (const payload of PAYLOADS.slice(0, 20)) invalid.answers[payload] = { option: "public" };
  await page.setInputFiles("#import", { name: "invalid.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(invalid)) });
  await page.waitForSelector(".status .error-text");
  for (const view of ["assess", "report", "share", "compare"]) {
    await page.goto(`${chromium.base}/www/?view=${view}`);
    await page.waitForSelector("#view h2");
    if (view === "compare") {
      for (const box of (await page.$$(".choices input[type=checkbox]:not(:checked)")).slice(0, 4)) await box.check();
      await page.waitForFunction(() => !document.querySelector(".compare-output[aria-busy]"));
    }
    await page.waitForTimeout(200);
    assert.equal(await ran(), 0, view);
    assert.equal(await page.$$eval("#view script, #view iframe, #view object, #view embed, #view img[src*=evil], #view base", (n) => n.length), 0, view);
  }
  // The embed page, from the share view's own iframe snippet.
  await page.goto(`${chromium.base}/www/?view=share`);
  await page.waitForSelector("#embed-frame");
  const frame = (await page.inputValue("#embed-frame")).match(/src="([^"]+)"/)[1].replaceAll("&amp;", "&");
  const embed = await watched(context);
  await embed.page.goto(frame);
  await embed.page.waitForFunction(() => document.querySelector("sdo-openness-scorecard")?.shadowRoot?.querySelector("article"));
  await embed.page.waitForTimeout(200);
  assert.equal(await embed.ran(), 0, "embed");
  assert.deepEqual([seen, embed.seen], [{ dialogs: [], foreign: [], errors: [] }, { dialogs: [], foreign: [], errors: [] }]);
  await context.close();
});
