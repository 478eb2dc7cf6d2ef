// The assessment page on a phone (390 × 844): the pillars stay in view while the questions
// scroll, no more than the report supports (a score and band only when scored, otherwise
// "insufficient data" with the range); every control is at least 24 × 24 CSS px; nothing
// scrolls sideways; axe-core is clean in English and Arabic.
import { test } from "node:test";
import assert from "node:assert/strict";
import { AxeBuilder } from "@axe-core/playwright";
import { suite } from "../support/browser.mjs";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"];
const chromium = suite();

async function phone(lang) {
  const context = await chromium.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${chromium.base}/www/`);
  await page.waitForSelector("#view h2");
  if (lang !== "en") {
    await page.selectOption("#lang", lang);
    await page.waitForFunction((l) => document.documentElement.lang === l && document.querySelector("#view h2"), lang);
  }
  return { page, context };
}

/** What the summary shows and where it is, with the live report's pillars beside it. */
const summary = (page) =>
  page.evaluate(() => {
    const bar = document.querySelector("#phone-summary");
    const box = bar.getBoundingClientRect();
    return {
      inView: box.top >= 0 && box.bottom <= innerHeight && box.height > 0,
      text: bar.textContent,
      pillars: document.querySelector("#live").report.pillars.map((p) => ({ status: p.status, score: p.score, lower: p.lower, upper: p.upper })),
    };
  });

for (const lang of ["en", "ar"]) {
  test(`on a phone the pillars stay in view, targets are 24 px, nothing scrolls sideways, axe is clean (${lang})`, async () => {
    const { page, context } = await phone(lang);
    // Blank: no score, only the range.
    await page.waitForFunction(() => document.querySelector("#phone-summary .pill"));
    await page.evaluate(() => document.querySelector("#q-O3\\.1").scrollIntoView({ block: "center" }));
    const blank = await summary(page);
    assert.ok(blank.inView, "the summary is on screen among the questions");
    assert.ok(blank.pillars.every((p) => p.status === "insufficient-data"));
    for (const p of blank.pillars) assert.ok(!blank.text.includes(String(p.score ?? "∅")), "no score shown");
    assert.match(blank.text, lang === "en" ? /Openness insufficient data \(0–100\)/ : /\(0–100\)/);

    await page.selectOption("#preset", "ietf");
    await page.locator("#preset + button").click();
    await page.waitForFunction(() => document.querySelector("#live")?.report?.process?.name?.includes("IETF"));
    await page.evaluate(() => document.querySelector("#q-O5\\.1").scrollIntoView({ block: "center" }));
    const full = await summary(page);
    assert.ok(full.inView);
    const numbers = new Intl.NumberFormat(lang === "ar" ? "ar" : "en");
    for (const p of full.pillars) {
      assert.equal(p.status, "scored");
      assert.ok(full.text.includes(numbers.format(p.score)), `${p.score} in ${full.text}`);
    }
    if (lang === "en") assert.match(full.text, /Openness 92\.7\*? Strong.*Inclusion/);

    // Every visible control is at least 24 × 24 CSS px.
    const small = await page.evaluate(() =>
      [...document.querySelectorAll("#view button, #view input, #view select, #view summary, #view a:not(.visually-hidden)")]
        .map((e) => [e, e.getBoundingClientRect()])
        .filter(([e, b]) => b.width > 1 && b.height > 1 && (b.width < 24 || b.height < 24) && getComputedStyle(e).display !== "inline")
        .map(([e, b]) => `${e.tagName}#${e.id} ${Math.round(b.width)}×${Math.round(b.height)}`),
    );
    assert.deepEqual(small, []);
    // Its button leads to the full card, and takes the keyboard focus there; the address stays.
    const address = page.url();
    await page.locator("#phone-summary button").click();
    await page.waitForFunction(() => {
      const box = document.querySelector("#live").getBoundingClientRect();
      return box.top < innerHeight && box.bottom > 0 && document.activeElement.id === "h-status";
    });
    assert.equal(page.url(), address);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, "no sideways scroll");
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`), []);
    await context.close();
  });
}
