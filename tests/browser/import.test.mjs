// Importing what is already saved: the page asks (replace, keep both, cancel) instead of adding a
// same-named copy, and the choice can be undone. A file and a preset go the same way.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "../support/package.mjs";
import { suite } from "../support/browser.mjs";
import { AxeBuilder } from "@axe-core/playwright";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"];
const axe = async (page) => (await new AxeBuilder({ page }).withTags(TAGS).analyze()).violations.map((v) => v.id);

const example = JSON.parse(readFileSync(join(root, "tests/fixtures/open-working-group.json"), "utf8"));
const chromium = suite();

/** The saved assessments as the page's picker lists them: their names, in order. */
const names = (page) => page.$$eval("#assessment option", (options) => options.map((o) => o.textContent));

/** What the store keeps for the assessment named `name` (the first one). */
const saved = (page, name) =>
  page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("sdo-openness");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction("assessments").objectStore("assessments").getAll();
          read.onsuccess = () => {
            resolve(read.result.find((r) => r.profile?.process?.name === name)?.profile ?? null);
            open.result.close();
          };
        };
      }),
    name,
  );

async function importFile(page, profile) {
  await page.setInputFiles("#import", { name: "profile.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(profile)) });
}

test("importing a saved assessment again asks; cancel, keep both and replace each do what they say and can be undone", async () => {
  const context = await chromium.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${chromium.base}/www/?view=share`);
  await page.waitForSelector("#import");
  const name = example.process.name;

  await importFile(page, example);
  await page.waitForFunction((name) => document.querySelector(".status")?.textContent.includes(name), name);
  const start = await names(page);
  assert.equal(start.filter((n) => n === name).length, 1, JSON.stringify(start));

  // The same file again: a question, focused, and nothing added yet.
  await importFile(page, example);
  await page.waitForSelector(".import-question");
  assert.match(await page.textContent(".import-question"), /is the same as the saved assessment/);
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains("import-question")), true);
  assert.deepEqual(await names(page), start);
  assert.deepEqual(await axe(page), []);
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.waitForFunction(() => document.querySelector(".status")?.textContent.includes("Nothing was imported"));
  assert.deepEqual(await names(page), start);

  // Keep both adds a copy; Undo takes it away again.
  await importFile(page, example);
  await page.getByRole("button", { name: "Keep both" }).click();
  await page.waitForFunction((n) => document.querySelectorAll("#assessment option").length === n, start.length + 1);
  await page.getByRole("button", { name: "Undo" }).click();
  await page.waitForFunction(() => document.querySelector(".status")?.textContent.includes("Undone"));
  assert.deepEqual(await names(page), start);

  // A changed file of the same process and date: replace keeps one assessment, with the file's answer.
  const changed = structuredClone(example);
  changed.answers["O1.1"] = { option: "members" };
  await importFile(page, changed);
  await page.waitForSelector(".import-question");
  assert.match(await page.textContent(".import-question"), /is already saved/);
  await page.getByRole("button", { name: "Replace the saved one" }).click();
  await page.waitForFunction(() => document.querySelector(".status")?.textContent.includes("Replaced"));
  assert.deepEqual(await names(page), start);
  await page.waitForFunction(() => document.querySelector("[data-save]")?.textContent !== "saving").catch(() => {});
  await page.waitForTimeout(300);
  assert.deepEqual((await saved(page, name)).answers["O1.1"], { option: "members" });

  // Undo puts the saved answer back, and it stays back after a reload.
  await page.getByRole("button", { name: "Undo" }).click();
  await page.waitForFunction(() => document.querySelector(".status")?.textContent.includes("Undone"));
  await page.waitForTimeout(300);
  assert.deepEqual((await saved(page, name)).answers["O1.1"], example.answers["O1.1"]);
  await page.reload();
  await page.waitForSelector("#import");
  assert.deepEqual(await names(page), start);
  assert.deepEqual((await saved(page, name)).answers["O1.1"], example.answers["O1.1"]);
  await context.close();
});

test("loading a preset that is already loaded asks too, in the header, in Arabic and dark as well", async () => {
  const context = await chromium.browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  await page.goto(`${chromium.base}/www/?view=assess`);
  await page.waitForSelector("#preset");
  await page.selectOption("#preset", "ietf");
  await page.click("#preset + button");
  await page.waitForFunction(() => document.querySelector("#import-notice")?.textContent.includes("IETF"));
  const count = (await names(page)).length;
  await page.selectOption("#lang", "ar");
  await page.waitForFunction(() => document.documentElement.dir === "rtl");
  await page.selectOption("#preset", "ietf");
  await page.click("#preset + button");
  await page.waitForSelector("#import-notice .import-question");
  const asked = await page.textContent("#import-notice");
  assert.match(asked, /الاحتفاظ بالاثنين/, asked);
  assert.deepEqual(await axe(page), []);
  await page.click("#import-notice .import-question button:nth-child(3)");
  await page.waitForFunction(() => !document.querySelector("#import-notice .import-question"));
  assert.equal((await names(page)).length, count);
  await context.close();
});
