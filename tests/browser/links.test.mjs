// Share links of assessments made from a preset: a full preset is 12–21 KB as a link, so the link
// names the preset and carries only a merge patch of it. It opens to exactly the assessment that
// was shared, and refuses (saying why) where this page's copy of the preset is another version.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "../support/package.mjs";
import { suite } from "../support/browser.mjs";

const chromium = suite();
const LIMIT = 8000;

/** Every preset the page offers, by its key in main.js. */
const presets = readFileSync(join(root, "www/app/main.js"), "utf8")
  .match(/const PRESETS = \[([\s\S]*?)\];/)[1]
  .match(/\["([a-z0-9-]+)"/g)
  .map((m) => m.slice(2, -1));

/** The assessment the page has open, as the store keeps it. */
const current = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("sdo-openness");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(["assessments", "settings"]);
          const settings = tx.objectStore("settings").getAll();
          const records = tx.objectStore("assessments").getAll();
          tx.oncomplete = () => {
            const id = settings.result.find((s) => s.key === "settings")?.current;
            resolve(records.result.find((r) => r.id === id)?.profile ?? null);
            open.result.close();
          };
        };
      }),
  );

/** Waits until what the store has written for the current assessment passes `check` (the next reload reads it). */
async function stored(page, check) {
  for (let i = 0; i < 100; i++) {
    if (check(await current(page))) return;
    await page.waitForTimeout(50);
  }
  assert.fail("the store did not write the change");
}

async function linkFor(page, key, change) {
  await page.goto(`${chromium.base}/www/?view=assess`);
  await page.waitForSelector("#preset");
  await page.selectOption("#preset", key);
  await page.click("#preset + button");
  const name = JSON.parse(readFileSync(join(root, `www/presets/${key}.json`), "utf8")).process.name;
  await page.waitForFunction((name) => document.querySelector("#assessment option:checked")?.textContent === name, name);
  await stored(page, (profile) => profile?.process?.name === name);
  if (change) {
    await page.locator(change.selector).first().check();
    await stored(page, (profile) => profile?.answers?.[change.element]?.option === change.option);
  }
  await page.goto(`${chromium.base}/www/?view=share`);
  await page.waitForSelector("#share-link, #view .notice[role=alert]");
  return page.$eval("#share-link", (input) => input.value).catch(() => null);
}

test("every preset, as loaded, gets a share link under the limit that opens to the same assessment", async () => {
  const context = await chromium.browser.newContext();
  const page = await context.newPage();
  for (const key of presets) {
    const link = await linkFor(page, key);
    assert.ok(link, `${key}: a link is offered`);
    assert.ok(link.length <= LIMIT, `${key}: ${link.length} characters`);
    assert.match(link, /#patch=[^&]*&base=[a-z0-9-]+-\d{4}-\d{2}&sum=[A-Za-z0-9_-]{12}$/);
    assert.match(await page.textContent("#share-basis"), /made from the preset/);
    const expected = JSON.parse(readFileSync(join(root, `www/presets/${key}.json`), "utf8"));
    const reader = await context.browser().newContext();
    const other = await reader.newPage();
    await other.goto(link);
    await other.waitForFunction(() => document.querySelector("#assessment option:checked"));
    assert.equal(await other.isHidden("#shared-broken"), true, `${key}: opened without a notice`);
    assert.deepEqual(await current(other), expected, `${key}: the opened assessment is the preset`);
    await reader.close();
  }
  await context.close();
});

test("a changed preset's link carries the change; a link for another version of the preset says so", async () => {
  const context = await chromium.browser.newContext();
  const page = await context.newPage();
  const link = await linkFor(page, "ietf", { selector: 'input[id="answer-O1.1-option:members"]', element: "O1.1", option: "members" });
  const sent = await current(page);
  assert.ok(link.length < 2000, `${link.length} characters`);
  const reader = await chromium.browser.newContext();
  const other = await reader.newPage();
  await other.goto(link);
  await other.waitForFunction(() => document.querySelector("#assessment option:checked"));
  assert.deepEqual(await current(other), sent);
  // Another release's preset (its fingerprint differs): refused, named, and nothing added.
  const stale = link.replace(/sum=[A-Za-z0-9_-]+$/, "sum=AAAAAAAAAAAA");
  const third = await (await chromium.browser.newContext()).newPage();
  await third.goto(stale);
  await third.waitForSelector("#shared-broken:not([hidden])");
  assert.match(await third.textContent("#shared-broken"), /does not have that version.*JSON file/s);
  assert.equal(await third.$$eval("#assessment option", (o) => o.length), 1, "only the blank assessment");
  // A cut patch: broken, said so.
  const cut = link.replace(/(#patch=[^&]{0,20})[^&]*/, "$1");
  const fourth = await (await chromium.browser.newContext()).newPage();
  await fourth.goto(cut);
  await fourth.waitForSelector("#shared-broken:not([hidden])");
  assert.match(await fourth.textContent("#shared-broken"), /broken or cut short/);
  await reader.close();
  await context.close();
});

test("the embed snippet of a preset is short and shows the scorecard; a cut or stale embed link shows no scores and says why", async () => {
  const context = await chromium.browser.newContext();
  const page = await context.newPage();
  await linkFor(page, "w3c");
  const frame = await page.inputValue("#embed-frame");
  const src = frame.match(/src="([^"]+)"/)[1].replaceAll("&amp;", "&");
  assert.ok(src.length < 300, `${src.length} characters`);
  assert.match(src, /embed\.html#lang=en&patch=/);
  const reader = await chromium.browser.newContext();
  const embed = await reader.newPage();
  await embed.goto(src);
  await embed.waitForFunction(() => document.querySelector("sdo-openness-scorecard")?.shadowRoot?.querySelector("section"));
  assert.match(await embed.evaluate(() => document.querySelector("sdo-openness-scorecard").shadowRoot.textContent), /W3C/);
  assert.equal(await embed.isHidden("#broken"), true);
  const { AxeBuilder } = await import("@axe-core/playwright");
  const scored = await new AxeBuilder({ page: embed }).analyze();
  assert.deepEqual(scored.violations.map((v) => v.id), [], "the embed as it shows a scorecard");

  // Cut short, in Arabic: the card is hidden, the reason shown right to left, axe clean.
  const full = src.replace("#lang=en&", "#lang=ar&");
  for (const [link, said] of [
    [full.replace(/(&patch=[^&]{0,2})[^&]*/, "$1"), /تالف أو مقطوع/],
    [full.replace(/sum=[A-Za-z0-9_-]+$/, "sum=AAAAAAAAAAAA"), /\u2068w3c-2026-12\u2069/],
    [`${chromium.base}/www/embed.html#lang=ar&profile=Q1YqTs5IzU1UslIqTsnXzS9IzctLLS7WLyjKT8vMSdUvM1LSUSooyk9OLS5WsqpWyksEAA`, /تالف أو مقطوع/], // whole deflate, cut JSON
  ]) {
    await embed.goto("about:blank");
    await embed.goto(link);
    await embed.waitForSelector("#broken:not([hidden])");
    assert.match(await embed.textContent("#broken"), said);
    assert.equal(await embed.isHidden("sdo-openness-scorecard"), true);
    assert.equal(await embed.evaluate(() => document.documentElement.dir), "rtl");
    const results = await new AxeBuilder({ page: embed }).analyze();
    assert.deepEqual(results.violations.map((v) => v.id), []);
  }
  await reader.close();
  await context.close();
});

test("the scorecard links its rows to the host's pages where it is told how; the page links them to the methodology and the questions", async () => {
  const context = await chromium.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${chromium.base}/tests/browser/pages/hostile-host.html`);
  const profile = JSON.parse(readFileSync(join(root, "www/presets/ietf.json"), "utf8"));
  const links = (attributes) =>
    page.evaluate(
      ([profile, attributes]) =>
        new Promise((resolve) => {
          const card = document.createElement("sdo-openness-scorecard");
          for (const [name, value] of Object.entries(attributes)) card.setAttribute(name, value);
          card.addEventListener("sdo-openness-scored", () => {
            card.shadowRoot.querySelector("details.evidence")?.setAttribute("open", "");
            setTimeout(() => {
              const found = [...card.shadowRoot.querySelectorAll("a:not([target])")].map((a) => a.href);
              card.remove();
              resolve(found);
            }, 50);
          });
          card.profile = profile;
          document.getElementById("box").append(card);
        }),
      [profile, attributes],
    );
  assert.deepEqual(await links({}), [], "no attribute, no links of the host's own");
  const made = await links({ "indicator-href": "/method?i={indicator}", "question-href": "https://example.org/q/{question}" });
  const origin = new URL(chromium.base).origin;
  assert.ok(made.includes(`${origin}/method?i=O1`), made.slice(0, 3).join(" "));
  assert.ok(made.includes("https://example.org/q/O1.1"), made.join(" "));
  const rubric = JSON.parse(readFileSync(join(root, "schema/rubric.json"), "utf8"));
  const indicators = rubric.pillars.flatMap((p) => p.indicators.map((i) => `${origin}/method?i=${i.id}`));
  assert.deepEqual(made.filter((h) => h.includes("/method?i=")), indicators, "one per indicator, in order");
  assert.deepEqual(await links({ "indicator-href": "javascript:alert({indicator})", "question-href": "data:text/html,{question}" }), [], "only http(s) addresses");

  // The page: an indicator row opens its methodology page, Back returns to Assess.
  await page.goto(`${chromium.base}/www/?view=assess`);
  await page.waitForSelector("#preset");
  await page.selectOption("#preset", "ietf");
  await page.click("#preset + button");
  await page.waitForFunction(() => document.querySelector("#live")?.shadowRoot?.querySelector('a[href*="view=method"]'));
  await page.locator("#live").locator('a[href*="i=O3"]').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get("i") === "O3" && document.querySelector("#view h2")?.textContent.includes("O3"));
  assert.equal(new URL(page.url()).searchParams.get("view"), "method");
  await page.goBack();
  await page.waitForFunction(() => new URL(location.href).searchParams.get("view") === "assess" && document.querySelector("#live"));
  // A recommendation leads to its question, which gets the focus.
  const target = await page.locator("#live").locator('a[href*="view=assess&q="]').first().getAttribute("href");
  await page.locator("#live").locator('a[href*="view=assess&q="]').first().click();
  const q = new URL(target).searchParams.get("q");
  await page.waitForFunction((q) => new URL(location.href).searchParams.get("q") === q && document.activeElement?.closest?.(`[id$="${q}"], [data-element="${q}"]`), q);
  await context.close();
});
