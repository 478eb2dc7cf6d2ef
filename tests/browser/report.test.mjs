// The assessment page's field-level validation, report view, methodology pages and printout, in
// Debian's Chromium: an invalid field is marked where it is while the scores keep the last valid
// state; the report groups indicators as Lighthouse groups audits; every methodology page comes
// from the rubric; a printed IETF report holds its scores in at most four A4 pages.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { AxeBuilder } from "@axe-core/playwright";
import { serve } from "../../scripts/serve.mjs";
import { launchChromium } from "../support/package.mjs";
import { stored } from "../support/stored.mjs";

const PAGE = "/www/";
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"];
let browser, server, base;
const shots = join(tmpdir(), "sdo-openness-screenshots");
const work = mkdtempSync(join(tmpdir(), "sdo-openness-report-"));

before(async () => {
  server = await serve({ port: 0 });
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium();
  mkdirSync(shots, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function open({ path = PAGE, colorScheme = "light", viewport = { width: 1366, height: 900 }, lang = "en" } = {}) {
  const context = await browser.newContext({ colorScheme, viewport });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  await page.goto(base + path);
  await page.waitForSelector("#view h2");
  if (lang !== "en") {
    await page.selectOption("#lang", lang);
    await page.waitForFunction((l) => document.documentElement.lang === l && document.querySelector("#view h2"), lang);
  }
  return { page, problems, context };
}

async function loadPreset(page, id) {
  await page.selectOption("#preset", id);
  await page.locator("#preset + button").click();
  await page.waitForFunction((n) => document.querySelector("#assessment option:checked")?.textContent.includes(n), id === "ietf" ? "IETF" : "");
}

/** axe-core with WCAG 2.2 A/AA and best-practice rules. */
async function axe(page, what) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.deepEqual(results.violations.map((v) => `${what} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`), []);
}

const liveReport = (page) => page.evaluate(() => document.querySelector("#live").report);
const described = (page, selector) =>
  page.$eval(selector, (el) => (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? `missing #${id}`).join(" | "));

test("an invalid field is marked where it is, the scores keep the last valid state, and nothing typed is lost", async () => {
  const { page, problems, context } = await open();
  await page.check("#answer-O1\\.1-option\\:public");
  await page.waitForFunction(() => document.querySelector("#live").report?.pillars[0].assessed === 1);
  const before = await liveReport(page);
  await page.locator("#q-O1\\.1 details.evidence summary").click();
  await page.locator("#q-O1\\.1 details.evidence button", { hasText: "Add evidence" }).click();
  const url = "#answer-O1\\.1-ev0-url";
  // An entry with neither address nor note is itself invalid: the address field says so.
  assert.equal(await page.getAttribute(url, "aria-invalid"), "true");
  assert.match(await described(page, url), /empty-evidence/);
  await page.fill(url, "h");
  assert.equal(await page.getAttribute(url, "aria-invalid"), "true");
  assert.match(await described(page, url), /invalid-url/);
  assert.doesNotMatch(await described(page, url), /empty-evidence/);
  assert.match(await page.textContent("#stale"), /last valid answers/);
  assert.equal(await page.getAttribute("#stale", "role"), "status");
  // The scorecard draws the state before the edit, never "the profile is not valid".
  assert.deepEqual(await liveReport(page), before);
  assert.doesNotMatch(await page.evaluate(() => document.querySelector("#live").shadowRoot.textContent), /not valid/i);
  // What was typed is in the field and in the saved state.
  const saved = await stored(page);
  assert.equal(saved.assessments[saved.current].profile.answers["O1.1"].evidence[0].url, "h");
  await page.screenshot({ path: join(shots, "invalid-field-en.png") });
  await axe(page, "invalid field");

  // A date after the check date is marked on the date it concerns.
  await page.fill(url, "https://example.org/drafts");
  await page.fill("#answer-O1\\.1-ev0-checkedOn", "2026-01-01");
  await page.fill("#answer-O1\\.1-ev0-publishedOn", "2026-06-01");
  assert.equal(await page.getAttribute("#answer-O1\\.1-ev0-publishedOn", "aria-invalid"), "true");
  assert.match(await described(page, "#answer-O1\\.1-ev0-publishedOn"), /date-order/);
  assert.equal(await page.getAttribute(url, "aria-invalid"), null);
  await page.fill("#answer-O1\\.1-ev0-publishedOn", "2025-06-01");
  // Fixed: the marks, the messages and the note go, and the scores follow again.
  assert.equal(await page.getAttribute("#answer-O1\\.1-ev0-publishedOn", "aria-invalid"), null);
  assert.equal(await page.getAttribute("#answer-O1\\.1-ev0-publishedOn", "aria-describedby"), null);
  assert.equal(await page.$$eval(".field-error", (e) => e.length), 0);
  assert.equal(await page.textContent("#stale"), "");
  const after = await liveReport(page);
  assert.equal(after.pillars[0].indicators[0].elements[0].evidence[0].url, "https://example.org/drafts");

  // Half-typed again, then reloaded: the field still holds it and is marked; the card has scores.
  await page.fill(url, "https:/");
  await page.reload();
  await page.waitForSelector("#live");
  await page.waitForFunction(() => document.querySelector("#live").report);
  assert.equal(await page.inputValue(url), "https:/");
  assert.equal(await page.getAttribute(url, "aria-invalid"), "true");
  assert.equal((await liveReport(page)).pillars[0].assessed, 1);
  assert.match(await page.textContent("#stale"), /last valid answers/);
  // A process field too: a bad address for the process is marked beside it.
  await page.fill("#process-url", "www.example.org");
  assert.equal(await page.getAttribute("#process-url", "aria-invalid"), "true");
  assert.match(await described(page, "#process-url"), /invalid-url/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the report groups indicators, biggest gain first, and every row links to its questions and methodology", async () => {
  const { page, problems, context } = await open();
  await loadPreset(page, "ietf");
  await page.locator("#nav button", { hasText: "Report" }).click();
  await page.waitForSelector(".audit");
  assert.match(page.url(), /\?view=report$/);
  const groups = await page.$$eval(".audit-group", (gs) => gs.map((g) => [g.dataset.group, [...g.querySelectorAll(".audit")].map((a) => a.dataset.indicator)]));
  assert.deepEqual(groups.map(([g]) => g), ["raise", "done", "na", "unassessed"]);
  const report = await page.evaluate(async () => {
    const { score } = await import("/pkg/web/index.js");
    return score(await (await fetch("/www/presets/ietf.json")).json());
  });
  // Raise: largest published gain first, as the engine ranks its recommendations.
  const best = new Map();
  for (const r of report.recommendations) best.set(r.indicator, Math.max(best.get(r.indicator) ?? 0, r.gain));
  const raise = groups[0][1];
  const gains = raise.map((id) => best.get(id) ?? 0);
  assert.deepEqual(gains, [...gains].sort((a, b) => b - a));
  assert.equal(raise[0], report.recommendations[0].indicator);
  // Done: every answered question at 100 points.
  for (const id of groups[1][1]) {
    const indicator = report.pillars.flatMap((p) => p.indicators).find((i) => i.id === id);
    assert.ok(indicator.elements.every((e) => e.state !== "answered" || e.score === 100), id);
  }
  assert.equal(groups.flatMap(([, ids]) => ids).length, 17);
  // A row opens to its questions: answers, evidence as safe links, guidance, links back.
  const row = page.locator("#r-O3");
  await row.locator("summary").click();
  assert.equal(await row.locator(".report-question").count(), 5);
  const links = await row.locator(".evidence-links a").evaluateAll((as) => as.map((a) => [a.protocol, a.rel, a.textContent === a.getAttribute("href") || a.href.startsWith(a.textContent)]));
  assert.ok(links.length > 0);
  for (const [protocol, rel] of links) {
    assert.match(protocol, /^https?:$/);
    assert.equal(rel, "noopener noreferrer");
  }
  assert.ok((await row.locator(".guidance").count()) >= 5);
  assert.equal(await row.locator('a[href="?view=method&i=O3"]').count(), 1);
  assert.deepEqual(await row.locator(".report-question .q a").evaluateAll((as) => as.map((a) => a.getAttribute("href"))), ["O3.1", "O3.2", "O3.3", "O3.4", "O3.5"].map((id) => `?view=assess&q=${id}`));
  await page.screenshot({ path: join(shots, "report-en-1366.png"), fullPage: false });
  await axe(page, "report");
  // A recommendation leads to its question on the Assess view; Back returns to the report.
  const first = report.recommendations[0];
  const rec = page.locator(`#r-${first.indicator} .recommendations a`).first();
  await page.locator(`#r-${first.indicator} summary`).click();
  assert.equal(await rec.getAttribute("href"), `?view=assess&q=${first.element}`);
  await rec.click();
  await page.waitForFunction((id) => document.activeElement?.closest(".question")?.dataset.element === id, first.element);
  assert.match(page.url(), new RegExp(`\\?view=assess&q=${first.element.replace(".", "\\.")}$`));
  await page.goBack();
  await page.waitForSelector(".audit");
  assert.match(page.url(), /\?view=report$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("an unscored pillar shows its range and 'insufficient data' in the report, never a point", async () => {
  const { page, problems, context } = await open({ path: `${PAGE}?view=report` });
  await page.waitForSelector(".gauges li");
  assert.deepEqual(await page.$$eval("#view .gauges li", (ls) => ls.map((l) => l.className)), ["status-insufficient-data", "status-insufficient-data"]);
  assert.equal(await page.locator(".gauge-point").count(), 0);
  assert.match(await page.textContent("#view .gauges"), /insufficient data/i);
  assert.match(await page.textContent("#view .gauges"), /0.+100/);
  assert.equal(await page.locator('[data-group="unassessed"] .audit').count(), 17);
  // Nothing unscored carries a number as if it were a score.
  assert.equal(await page.locator(".audit-score strong").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("one methodology page per indicator, from the rubric, reachable by address and from every citation", async () => {
  const { page, problems, context } = await open({ path: `${PAGE}?view=method&i=O3` });
  const rubric = await page.evaluate(async () => (await import("/pkg/web/index.js")).rubric());
  const O3 = rubric.pillars[0].indicators.find((i) => i.id === "O3");
  assert.match(await page.textContent("#view h2"), /^O3 Meeting and decision records$/);
  assert.equal(await page.locator(".method-question").count(), O3.elements.length);
  // Every option's points, as the rubric has them.
  const points = await page.$$eval(".method-scale tbody td.num", (tds) => tds.map((td) => Number(td.textContent)));
  assert.deepEqual(points, O3.elements.flatMap((e) => e.scale.options.map((o) => o.points)));
  assert.match(await page.textContent(".method-facts"), /Weight 12 of 100 in Openness \(12% of the pillar\)/);
  const sources = await page.$$eval(".method-sources li", (ls) => ls.map((l) => l.dataset.source));
  assert.deepEqual(sources, O3.sources);
  for (const rel of await page.$$eval(".method-sources a", (as) => as.map((a) => a.rel))) assert.equal(rel, "noopener noreferrer");
  // The weight's reason and the quoted sentences, from methodology.json (generated from the rubric).
  const extra = await page.evaluate(async () => (await fetch("/www/app/methodology.json")).json());
  assert.equal(extra.version, rubric.version);
  assert.equal(await page.textContent(".weight-reason span"), extra.indicators.O3.weightReason);
  assert.deepEqual(await page.$$eval(".method-quote blockquote", (bs) => bs.map((b) => b.textContent)), extra.indicators.O3.quotes.map((q) => `“${q.text}”`));
  assert.ok(extra.indicators.O3.quotes.length > 0);
  await page.screenshot({ path: join(shots, "method-en-1366.png") });
  await axe(page, "method");
  // A number question's curve is listed point by point.
  await page.goto(`${base}${PAGE}?view=method&i=O5`);
  await page.waitForSelector(".method-scale");
  assert.match(await page.textContent("#m-O5\\.1"), /US dollars per year/);
  // The index links to all 17, and every citation on the Assess view links to its page.
  await page.goto(`${base}${PAGE}?view=method`);
  await page.waitForSelector(".method-index");
  assert.equal(await page.locator(".method-index a").count(), 17);
  await page.goto(`${base}${PAGE}?view=assess`);
  await page.waitForSelector(".cite a");
  assert.equal(await page.locator(".cite a").count(), 17);
  await page.locator('.cite a[href="?view=method&i=I7"]').click();
  await page.waitForFunction(() => document.querySelector("#view h2")?.textContent.startsWith("I7"));
  assert.match(page.url(), /\?view=method&i=I7$/);
  await page.goBack();
  await page.waitForSelector(".cite a");
  assert.deepEqual(problems, []);
  await context.close();
});

const pdfText = (buffer, name) => {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, buffer);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))[1]);
  execFileSync("pdftoppm", ["-r", "60", "-png", file, join(shots, `print-${name}`)]);
  return { text: execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }), pages };
};

test("printing the IETF report gives its scores, bands, coverage, version, date, assessor and review in at most four A4 pages; Compare prints the comparison", async () => {
  const { page, problems, context } = await open();
  await loadPreset(page, "ietf");
  await page.locator("#nav button", { hasText: "Report" }).click();
  await page.waitForSelector(".audit");
  const { text, pages } = pdfText(await page.pdf({ format: "A4" }), "ietf-report");
  assert.ok(pages <= 4, `${pages} pages`);
  for (const needed of ["IETF standards process", "Openness: 92.7 of 100, Strong", "Inclusion: 49.7 of 100, Partial", "2.0.0", "December 2, 2026", "sdo-openness maintainers (desk research)", "Independently reviewed", "27 of 27 questions answered", "I9 Due diligence, follow-up and remedy", "https://www.rfc-editor.org/rfc/rfc3935"]) {
    assert.ok(text.includes(needed), `missing from the printout: ${needed}`);
  }
  // From the Assess view, the same report.
  await page.locator("#nav button", { hasText: "Assess" }).click();
  await page.waitForSelector(".question");
  assert.ok(pdfText(await page.pdf({ format: "A4" }), "ietf-assess").text.includes("Openness: 92.7 of 100, Strong"));
  // From Compare, the comparison.
  await page.locator("#nav button", { hasText: "Compare" }).click();
  await page.waitForSelector(".compare-output table");
  const compared = pdfText(await page.pdf({ format: "A4" }), "compare");
  assert.match(compared.text, /Ranking on Openness/);
  assert.ok(!compared.text.includes("Answers and their sources"));
  assert.ok(!compared.text.includes("Compare with"), "the choices are not printed");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a printed assessment without a score says 'insufficient data' with its range", async () => {
  const { page, problems, context } = await open({ path: `${PAGE}?view=report` });
  await page.waitForSelector(".gauges li");
  const { text, pages } = pdfText(await page.pdf({ format: "A4" }), "blank");
  assert.match(text, /Openness: insufficient data/i);
  assert.match(text, /between 0 and 100/i);
  assert.ok(pages <= 4);
  assert.deepEqual(problems, []);
  await context.close();
});

test("report and methodology in Arabic and dark mode, at 1366 and 390 px: axe-clean, no sideways scroll", async () => {
  for (const lang of ["en", "ar"]) {
    for (const width of [1366, 390]) {
      for (const colorScheme of lang === "en" && width === 1366 ? ["light", "dark"] : ["light"]) {
        const { page, problems, context } = await open({ lang, colorScheme, viewport: { width, height: 900 } });
        await loadPreset(page, "ietf");
        for (const [view, ready] of [["report", ".audit"], ["method&i=O3", ".method-question"]]) {
          await page.goto(`${base}${PAGE}?view=${view}`);
          await page.waitForSelector(ready);
          if (view === "report") await page.locator(".audit summary").first().click();
          // English source text inside another language says so.
          if (view !== "report" && lang !== "en") assert.equal(await page.getAttribute(".method-quote blockquote", "lang"), "en");
          const name = `${view.split("&")[0]}-${lang}-${width}${colorScheme === "dark" ? "-dark" : ""}`;
          await page.screenshot({ path: join(shots, `${name}.png`) });
          assert.equal(await page.evaluate(() => document.documentElement.dir), lang === "ar" ? "rtl" : "ltr");
          assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name} scrolls sideways`);
          await axe(page, name);
        }
        if (lang === "ar" && width === 1366) {
          // The invalid-field mark in Arabic too.
          await page.goto(`${base}${PAGE}?view=assess`);
          await page.waitForSelector("#process-url");
          await page.fill("#process-url", "www");
          assert.equal(await page.getAttribute("#process-url", "aria-invalid"), "true");
          assert.ok((await page.textContent("#stale")).length > 0);
          await page.screenshot({ path: join(shots, "invalid-field-ar.png") });
          await axe(page, "invalid field ar");
        }
        assert.deepEqual(problems, []);
        await context.close();
      }
    }
  }
});
