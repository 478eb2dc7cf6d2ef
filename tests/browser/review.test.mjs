// Review and history: a reviewer walks through the answers of a new version, records verdicts,
// notes and changes; the disputes are listed; History shows the versions and the engine's diff
// of answers and scores between any two. The assessor's version is never touched.
import { test } from "node:test";
import assert from "node:assert/strict";
import { AxeBuilder } from "@axe-core/playwright";
import { suite } from "../support/browser.mjs";
import { stored } from "../support/stored.mjs";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"];
const axe = async (page) => (await new AxeBuilder({ page }).withTags(TAGS).analyze()).violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`);
const chromium = suite();

/** The stored profile whose id is `id`. */
const byId = async (page, id) => Object.values((await stored(page)).assessments).find((r) => r.profile.id === id)?.profile;

/** Waits until the stored profile `id` satisfies `ok` (writes are asynchronous). */
async function storedUntil(page, id, ok) {
  for (let n = 0; n < 100; n++) {
    const p = await byId(page, id);
    if (p && ok(p)) return p;
    await page.waitForTimeout(50);
  }
  assert.fail(`stored ${id} never reached the expected state: ${JSON.stringify((await byId(page, id))?.answers?.["O1.2"])}`);
}

async function reviewW3c(page, lang = "en") {
  await page.goto(`${chromium.base}/www/?view=assess`);
  if (lang !== "en") {
    await page.selectOption("#lang", lang);
    await page.waitForFunction((lang) => document.documentElement.lang === lang, lang);
  }
  await page.selectOption("#preset", "w3c");
  await page.locator("#preset + button").click();
  await page.waitForFunction(() => document.querySelector("#assessment option:checked")?.textContent.includes("W3C"));
  // The tab, not a reload: the preset's record may not be written yet.
  await page.locator("#nav button").last().click();
  await page.waitForSelector("#reviewer-name");
  assert.match(await page.evaluate(() => location.search), /view=review/);
}

test("a review is a new version: verdicts, notes and changes are recorded there, and the assessor's version is kept", async () => {
  const context = await chromium.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await reviewW3c(page);
  const original = await byId(page, "w3c-2026-12");
  assert.ok(original, "the preset is saved under its id");

  // A review needs a reviewer: the field says so where it is.
  await page.getByRole("button", { name: "Start the review as a new version" }).click();
  assert.equal(await page.getAttribute("#reviewer-name", "aria-invalid"), "true");
  assert.equal(await page.textContent("#reviewer-name-problem"), "Give the reviewer’s name first.");
  assert.equal(await page.evaluate(() => document.activeElement.id), "reviewer-name");

  const before = (await page.$$("#assessment option")).length;
  await page.fill("#reviewer-name", "A. Reviewer");
  await page.selectOption("#review-kind", "peer-reviewed");
  await page.getByRole("button", { name: "Start the review as a new version" }).click();
  await page.waitForSelector("#review-O1\\.1-title");
  const today = new Date().toISOString().slice(0, 10);
  const id = `w3c-2026-12-review-${today}`;
  const copy = await storedUntil(page, id, () => true);
  assert.equal(copy.supersedes, "w3c-2026-12");
  assert.deepEqual(copy.review, { level: "peer-reviewed", reviewers: ["A. Reviewer"], reviewedOn: today });
  assert.deepEqual(copy.answers, original.answers, "the new version starts from the assessor's answers (the preset has no verdicts)");
  assert.equal((await page.$$("#assessment option")).length, before + 1, "one more assessment, the review");
  assert.match(await page.textContent(".review-progress"), /^0 of \d+ answers reviewed: 0 agreed, 0 disputed, 0 changed\.$/);
  // In English, the preset's English text needs no lang of its own.
  assert.deepEqual([...new Set(await page.$$eval(".review-item q", (nodes) => nodes.map((n) => n.getAttribute("lang"))))], [null]);

  // Agree with O1.1; change O1.2, with a note.
  await page.check("#verdict-O1\\.1-agree");
  await page.getByRole("button", { name: "Next answer", exact: true }).click();
  await page.waitForSelector("#review-O1\\.2-title");
  assert.equal(await page.evaluate(() => document.activeElement.id), "review-O1.2-title", "focus moves to the next answer");
  assert.match(await page.evaluate(() => location.search), /view=review&q=O1\.2/);
  assert.equal(await page.isVisible(".review-change"), false, "the change is offered only once chosen");
  await page.check("#verdict-O1\\.2-changed");
  await page.check("#review-O1\\.2-option-free-account");
  await page.fill("#review-O1\\.2-note", "The contributions page asks only for a free account.");
  await page.locator("#review-O1\\.2-note").blur();
  const changed = await storedUntil(page, id, (p) => p.answers["O1.2"].option === "free-account" && p.answers["O1.2"].reviewNote);
  assert.deepEqual(
    { verdict: changed.answers["O1.2"].verdict, reviewer: changed.answers["O1.2"].reviewer, note: changed.answers["O1.2"].reviewNote },
    { verdict: "changed", reviewer: "A. Reviewer", note: "The contributions page asks only for a free account." },
  );
  assert.equal(changed.answers["O1.1"].verdict, "agree");
  assert.match(await page.textContent(".review-progress"), /^2 of \d+ answers reviewed: 1 agreed, 0 disputed, 1 changed\.$/);
  const dispute = await page.textContent('.review-disagreements li[data-element="O1.2"]');
  assert.match(dispute, /Changed from “Some are public, others are restricted to members” to “They are public after a free registration open to anyone”/);
  assert.match(dispute, /asks only for a free account/);
  assert.deepEqual((await byId(page, "w3c-2026-12")).answers, original.answers, "the assessor's version is untouched");

  // History: both versions, and the diff names the changed answer and what it moved.
  const rows = await page.$$eval(".history-table tbody tr", (trs) => trs.map((tr) => tr.textContent));
  assert.equal(rows.length, 2);
  assert.match(rows[1], /A\. Reviewer/);
  assert.match(rows[1], /w3c-2026-12/);
  assert.deepEqual(await page.$$eval(".diff-answers tbody tr", (trs) => trs.map((tr) => tr.dataset.element)), ["O1.2"]);
  assert.deepEqual(await page.$$eval(".diff-figures tbody tr", (trs) => trs.map((tr) => tr.dataset.id)), ["O", "I", "O1"]);
  assert.match(await page.textContent('.diff-figures tr[data-id="O1"]'), /\+/);
  assert.deepEqual(await page.$$eval(".diff-verdicts tbody tr", (trs) => trs.map((tr) => tr.dataset.element)), ["O1.1", "O1.2"]);
  // Choosing the same version twice says so instead of an empty diff.
  await page.selectOption("#history-from", await page.inputValue("#history-to"));
  assert.equal(await page.textContent(".diff-output"), "Choose two different versions.");

  // Back to "agree": the assessor's answer returns, so a verdict never hides a change.
  await page.check("#verdict-O1\\.2-agree");
  const back = await storedUntil(page, id, (p) => p.answers["O1.2"].verdict === "agree");
  assert.equal(back.answers["O1.2"].option, original.answers["O1.2"].option);

  // The report and its printout carry each verdict, its reviewer and note.
  await page.getByRole("button", { name: "Report", exact: true }).click();
  await page.waitForSelector('.report-question[data-element="O1.2"] .verdict', { state: "attached" }); // inside a closed <details>
  assert.equal(
    await page.textContent('.report-question[data-element="O1.2"] .verdict'),
    "Verdict: Agreed (A. Reviewer) — The contributions page asks only for a free account.",
  );
  assert.match(await page.textContent("#print-report .print-answers"), /Verdict: Agreed \(A\. Reviewer\)/);
  await page.goBack();

  // The walk's place survives a reload.
  await page.reload();
  await page.waitForSelector("#review-O1\\.2-title");
  assert.equal(await page.isChecked("#verdict-O1\\.2-agree"), true);
  assert.equal(await page.inputValue("#review-O1\\.2-note"), "The contributions page asks only for a free account.");
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the review view in Arabic, dark: right to left, its own words, axe clean, no sideways scroll at 390 px", async () => {
  const context = await chromium.browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  await reviewW3c(page, "ar");
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  assert.equal(await page.textContent("#view h2"), "المراجعة والسجل");
  // The preset's own text is English (process.language): marked so inside the Arabic page, in
  // the walk, the report and the scorecard; the page's own words are not.
  assert.deepEqual(await axe(page), []);
  await page.fill("#reviewer-name", "مراجع");
  await page.getByRole("button", { name: "بدء المراجعة في نسخة جديدة" }).click();
  await page.waitForSelector("#review-O1\\.1-title");
  assert.deepEqual([...new Set(await page.$$eval(".review-item q, .review-item .answer-note", (nodes) => nodes.map((n) => n.lang)))], ["en"]);
  assert.equal(await page.getAttribute(".review-item h4", "lang"), null);
  assert.deepEqual([...new Set(await page.$$eval("#print-report .verdict span[dir], #print-report h1 bdi", (nodes) => nodes.map((n) => n.lang)))], ["en"]);
  await page.check("#verdict-O1\\.1-disagree");
  await page.waitForFunction(() => document.querySelector(".review-disagreements li"));
  assert.match(await page.textContent(".review-progress"), /^رُوجعت 1 من \d+ إجابة/);
  assert.deepEqual(await axe(page), []);
  // The scorecard on Assess marks the quotes it shows the same way.
  await page.locator("#nav button").first().click();
  // Its sources are built when their list is first opened.
  await page.waitForFunction(() => document.querySelector("#live")?.shadowRoot?.querySelector("details.evidence"));
  await page.evaluate(() => (document.querySelector("#live").shadowRoot.querySelector("details.evidence").open = true));
  await page.waitForFunction(() => document.querySelector("#live").shadowRoot.querySelector("q.quote"));
  const live = await page.evaluate(() => [...document.querySelector("#live").shadowRoot.querySelectorAll("q.quote")].map((q) => q.lang));
  assert.ok(live.length > 0 && live.every((l) => l === "en"), JSON.stringify(live));
  await page.locator("#nav button").last().click();
  await page.waitForSelector(".review-item");
  // On a phone, the walk and History's tables fit: nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  assert.equal(await page.evaluate(() => document.scrollingElement.scrollWidth <= innerWidth), true);
  await page.screenshot({ path: "/tmp/review-ar-390.png", fullPage: true }).catch(() => {});
  await context.close();
});

test("an assessment in the earlier format (v1) is not reviewed as it is: the view says to review a current-format copy", async () => {
  const context = await chromium.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${chromium.base}/www/?view=share`);
  const v1 = { schema: "sdo-openness/profile/v1", process: { name: "Old format" }, answers: { "O1.1": { option: "public" } } };
  await page.setInputFiles("#import", { name: "v1.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(v1)) });
  await page.waitForFunction(() => document.querySelector("#assessment option:checked")?.textContent === "Old format");
  await page.locator("#nav button").last().click();
  await page.waitForSelector(".review-start .note");
  assert.equal(await page.textContent(".review-start .note"), "A review needs the current profile format: on Assess, choose “Make an editable copy in the current format” and review the copy.");
  assert.equal(await page.locator("#reviewer-name").count(), 0);
  await context.close();
});
