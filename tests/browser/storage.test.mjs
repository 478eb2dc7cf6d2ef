// Issue 16, storage: nothing an assessor typed is ever lost. In Debian's Chromium: an unreadable
// assessment is quarantined while the others load; a stored `process: null` still shows the
// questionnaire; full storage is said persistently and everything can be exported; the v1
// localStorage blob (even one over half the quota) migrates losslessly; two tabs editing one
// assessment merge field by field, never steal focus, and a true conflict keeps both and asks.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { AxeBuilder } from "@axe-core/playwright";
import { serve } from "../../scripts/serve.mjs";
import { launchChromium } from "../support/package.mjs";
import { readDb, stored } from "../support/stored.mjs";

const PAGE = "/www/";
const KEY = "sdo-openness/state/v1";
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
const V2 = "sdo-openness/profile/v2";
let browser, server, base;
const shots = join(tmpdir(), "sdo-openness-screenshots");
/** Every test ends: a page that never reaches a state fails, rather than hangs. */
const T = { timeout: 90_000 };

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

/** A page in `context` (a new one unless given), with localStorage seeded once from `seed` ({ key: text }). */
async function open({ context, seed, init, lang } = {}) {
  const ctx = context ?? (await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } }));
  if (seed) {
    await ctx.addInitScript((items) => {
      if (sessionStorage.getItem("seeded")) return;
      for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
      sessionStorage.setItem("seeded", "1");
    }, seed);
  }
  if (init) await ctx.addInitScript(init);
  const page = await ctx.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  await page.goto(base + PAGE);
  await page.waitForSelector("#view h2");
  if (lang) {
    await page.selectOption("#lang", lang);
    await page.waitForFunction((l) => document.documentElement.lang === l && document.querySelector("#view h2"), lang);
  }
  return { page, problems, context: ctx };
}

const profile = (name, note = "") => ({ schema: V2, process: { name, assessedOn: "2026-11-01" }, answers: note ? { "O1.1": { option: "public", note } } : {} });

/** A v1 localStorage state holding `entries` ([id, assessment]) in that order. */
const state = (entries, extra = {}) => JSON.stringify({ assessments: Object.fromEntries(entries), order: entries.map(([id]) => id), current: entries.at(-1)[0], weights: null, lang: null, ...extra });

const names = (page) => page.$$eval("#assessment option", (os) => os.map((o) => o.textContent));
const saved = (page) => page.waitForFunction(() => document.querySelector("#saved-state")?.textContent === "Saved in this browser.");

async function downloaded(page, click) {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  return readFileSync(await download.path(), "utf8");
}

async function axe(page, what) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.deepEqual(results.violations.map((v) => `${what} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`), []);
}

test("five assessments with one unreadable, over half the quota: four load, one is quarantined, exported byte for byte, deleted on request", T, async () => {
  const big = "x".repeat(700_000);
  const entries = [1, 2, 3, 4, 5].map((n) => [`a${n}`, { id: `a${n}`, profile: profile(`Process ${n}`, `${n} ${big}`) }]);
  entries[2][1] = { id: "a3", profile: "this is not a profile" };
  const blob = state(entries);
  assert.ok(blob.length > 2_500_000, `${blob.length}`);
  const { page, problems, context } = await open({ seed: { [KEY]: blob } });
  assert.deepEqual(await names(page), ["Process 1", "Process 2", "Process 4", "Process 5"]);
  await page.waitForSelector("#quarantine-notice:not([hidden])");
  assert.match(await page.textContent("#quarantine-notice"), /1 saved assessment could not be read/);
  const exact = JSON.stringify(entries[2][1]);
  assert.equal(await downloaded(page, () => page.click("#quarantine-notice button.export")), exact);
  await page.reload();
  await page.waitForSelector("#quarantine-notice:not([hidden])");
  assert.deepEqual(await names(page), ["Process 1", "Process 2", "Process 4", "Process 5"]);
  const db = await readDb(page);
  assert.equal(db.quarantine.length, 1);
  assert.equal(db.quarantine[0].raw, exact);
  for (const [id, { profile: p }] of entries.filter(([id]) => id !== "a3")) assert.deepEqual(db.assessments.find((r) => r.id === id).profile, p, id);
  page.once("dialog", (d) => d.accept());
  await page.click("#quarantine-notice button.delete");
  await page.waitForSelector("#quarantine-notice", { state: "hidden" });
  assert.equal((await readDb(page)).quarantine.length, 0);
  await page.reload();
  await page.waitForSelector("#view h2");
  assert.equal(await page.isHidden("#quarantine-notice"), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test("when storage refuses to delete a quarantined item, the page says so and keeps it; a reload still has it", T, async () => {
  const blob = state([["good", { id: "good", profile: profile("Good one") }], ["bad", { id: "bad", profile: "not a profile" }]]);
  // Storage that reads and writes but refuses every delete from the quarantine store.
  const init = () => {
    const remove = IDBObjectStore.prototype.delete;
    IDBObjectStore.prototype.delete = function (...args) {
      if (this.name === "quarantine") throw new DOMException("refused for the test", "UnknownError");
      return remove.apply(this, args);
    };
  };
  const { page, problems, context } = await open({ seed: { [KEY]: blob }, init });
  await page.waitForSelector("#quarantine-notice:not([hidden])");
  page.once("dialog", (d) => d.accept());
  await page.click("#quarantine-notice button.delete");
  await page.waitForSelector("#quarantine-notice [role=alert]");
  assert.match(await page.textContent("#quarantine-notice [role=alert]"), /could not be deleted.*still kept/i);
  assert.equal(await page.$$eval("#quarantine-notice li", (items) => items.length), 1, "still listed");
  assert.equal(await page.evaluate(() => document.activeElement?.matches("#quarantine-notice button.delete")), true, "focus stays on the button");
  assert.equal((await readDb(page)).quarantine.length, 1, "still stored");
  await page.reload();
  await page.waitForSelector("#quarantine-notice:not([hidden])");
  assert.equal(await page.$$eval("#quarantine-notice li", (items) => items.length), 1);
  assert.equal(await page.$("#quarantine-notice [role=alert]"), null, "the refusal is said once, not kept after a reload");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a quarantined item that is only listed (no IndexedDB) is not pretended deleted", T, async () => {
  const blob = state([["good", { id: "good", profile: profile("Good one") }], ["bad", { id: "bad", profile: "not a profile" }]]);
  const { page, problems, context } = await open({ seed: { [KEY]: blob }, init: () => Object.defineProperty(window, "indexedDB", { value: undefined }) });
  await page.waitForSelector("#quarantine-notice:not([hidden])");
  page.once("dialog", (d) => d.accept());
  await page.click("#quarantine-notice button.delete");
  await page.waitForSelector("#quarantine-notice [role=alert]");
  assert.match(await page.textContent("#quarantine-notice [role=alert]"), /could not be deleted.*still kept/i);
  assert.equal(await page.$$eval("#quarantine-notice li", (items) => items.length), 1);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), blob);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Writes an unreadable record straight into the page's assessments store. */
const BROKEN = { id: "broken", created: 1, rev: 1, profile: { schema: 7, answers: "no" } };
function putBroken(page) {
  return page.evaluate(
    (record) =>
      new Promise((ok, no) => {
        const request = indexedDB.open("sdo-openness");
        request.onsuccess = () => {
          const tx = request.result.transaction("assessments", "readwrite");
          tx.objectStore("assessments").put(record);
          tx.oncomplete = () => (request.result.close(), ok());
          tx.onerror = () => no(tx.error);
        };
      }),
    BROKEN,
  );
}

/** A page (under `init`) with one good assessment saved and BROKEN beside it, reloaded: the good one loads. */
async function withBroken(init) {
  const opened = await open({ init });
  const { page } = opened;
  await page.fill("#process-name", "Good one");
  await saved(page);
  await putBroken(page);
  await page.reload();
  await page.waitForSelector("#quarantine-notice:not([hidden])");
  assert.deepEqual(await names(page), ["Good one"]);
  return opened;
}

test("an unreadable record in IndexedDB is quarantined on its own; the others load", T, async () => {
  const { page, problems, context } = await withBroken();
  const db = await readDb(page);
  assert.deepEqual(db.quarantine.map((q) => JSON.parse(q.raw)), [BROKEN]);
  assert.deepEqual(db.assessments.map((r) => r.id).includes("broken"), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test("an unreadable record left in place because storage is full is deleted from where it is, on request", T, async () => {
  // Storage refuses every new quarantine entry, as when it is full: the record is only listed.
  const init = () => {
    const add = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function (...args) {
      if (this.name === "quarantine") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return add.apply(this, args);
    };
  };
  const { page, problems, context } = await withBroken(init);
  assert.equal((await readDb(page)).assessments.some((r) => r.id === "broken"), true, "left where it was");
  page.once("dialog", (d) => d.accept());
  await page.click("#quarantine-notice button.delete");
  await page.waitForSelector("#quarantine-notice", { state: "hidden" });
  assert.equal((await readDb(page)).assessments.some((r) => r.id === "broken"), false, "deleted from the assessments store");
  await page.reload();
  await page.waitForSelector("#view h2");
  assert.equal(await page.isHidden("#quarantine-notice"), true, "not back after a reload");
  assert.deepEqual(await names(page), ["Good one"]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a stored `process: null` still shows the questionnaire, never a TypeError", T, async () => {
  const blob = state([["p", { id: "p", profile: { schema: V2, process: null, answers: {} } }]]);
  const { page, problems, context } = await open({ seed: { [KEY]: blob } });
  await page.waitForSelector("#process-name");
  assert.doesNotMatch(await page.textContent("body"), /Cannot read properties|TypeError/);
  assert.ok((await page.locator(".question").count()) > 50);
  await page.fill("#process-name", "Named at last");
  await saved(page);
  const s = await stored(page);
  assert.equal(s.assessments.p.profile.process.name, "Named at last");
  assert.deepEqual(problems, []);
  await context.close();
});

/** Makes every write to the assessments store fail as a full disk does, while `window.full` is set. */
const FULL = () => {
  const { put, delete: remove } = IDBObjectStore.prototype;
  IDBObjectStore.prototype.put = function (...args) {
    if (window.full && this.name === "assessments") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    return put.apply(this, args);
  };
  // And, as some failing storage does, refuses to delete what it quarantined.
  IDBObjectStore.prototype.delete = function (...args) {
    if (window.full && this.name === "quarantine") throw new DOMException("Storage refused.", "UnknownError");
    return remove.apply(this, args);
  };
};

test("storage full: the page says so until it can save, everything can be exported, and a reload loses nothing saved", T, async () => {
  const { page, problems, context } = await open({ init: FULL });
  await page.fill("#process-name", "Kept before full");
  await saved(page);
  await page.evaluate(() => (window.full = true));
  await page.fill("#answer-O1\\.1-note", "Typed while full");
  await page.waitForSelector("#storage-notice:not([hidden])");
  assert.match(await page.textContent("#storage-notice"), /storage is full/i);
  assert.match(await page.textContent("#saved-state"), /^Not saved/);
  await page.waitForTimeout(1500);
  assert.equal(await page.isVisible("#storage-notice"), true, "the notice stays");
  await page.fill("#answer-O1\\.1-note", "Typed while full, and more");
  const exported = JSON.parse(await downloaded(page, () => page.click("#storage-notice button.export-all")));
  const mine = exported.assessments.find((a) => a.profile.process.name === "Kept before full");
  // A note on a question not yet answered is kept with the record, set aside for its answer.
  assert.equal(mine.held["O1.1"].note, "Typed while full, and more");
  await page.screenshot({ path: join(shots, "storage-full-en.png") });
  await axe(page, "storage full en");
  // Leaving with unsaved edits asks first.
  const asked = [];
  page.on("dialog", (d) => (asked.push(d.type()), d.accept()));
  await page.reload();
  await page.waitForSelector("#process-name");
  assert.deepEqual(asked, ["beforeunload"]);
  assert.equal(await page.inputValue("#process-name"), "Kept before full", "what was saved stays");
  // Space again: "Try saving again" writes what is held, and the notice goes.
  await page.evaluate(() => (window.full = true));
  await page.fill("#answer-O1\\.2-note", "Held until there is space");
  await page.waitForSelector("#storage-notice:not([hidden])");
  await page.evaluate(() => (window.full = false));
  await page.click("#storage-notice button.retry");
  await page.waitForSelector("#storage-notice", { state: "hidden" });
  await saved(page);
  assert.equal(Object.values((await stored(page)).assessments)[0].held["O1.2"].note, "Held until there is space");
  assert.deepEqual(problems, []);
  await context.close();
});

test("no IndexedDB at all (some private modes): the work is kept in the tab, said so, and exportable; the old state is left as it was", T, async () => {
  const blob = state([["k", { id: "k", profile: profile("Kept in localStorage") }]]);
  const { page, problems, context } = await open({ seed: { [KEY]: blob }, init: () => Object.defineProperty(window, "indexedDB", { value: undefined }) });
  await page.waitForSelector("#storage-notice:not([hidden])");
  assert.match(await page.textContent("#storage-notice"), /does not let the page keep data/);
  assert.deepEqual(await names(page), ["Kept in localStorage"]);
  await page.fill("#answer-O1\\.1-note", "Only in this tab");
  assert.match(await page.textContent("#saved-state"), /^Not saved/);
  const exported = JSON.parse(await downloaded(page, () => page.click("#storage-notice button.export-all")));
  assert.equal(exported.assessments[0].held["O1.1"].note, "Only in this tab");
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), blob, "never removed: it was not migrated");
  assert.deepEqual(problems, []);
  page.on("dialog", (d) => d.accept());
  await context.close();
});

test("the v1 localStorage state migrates losslessly, also over 2.5 M characters, with its unreadable backups", T, async () => {
  const big = "y".repeat(450_000);
  const entries = [1, 2, 3, 4, 5, 6].map((n) => [`m${n}`, { id: `m${n}`, profile: profile(`Migrated ${n}`, `${n} ${big}`), held: n === 2 ? { "O2.1": { note: "held" } } : undefined }]);
  const blob = state(entries, { weights: { O1: 20 }, compare: ["m1", "preset:ietf"] });
  assert.ok(blob.length > 2_500_000, `${blob.length}`);
  // A backup left by the old page: a state with one readable assessment and one that is not.
  const backup = state([["b1", { id: "b1", profile: profile("From the backup") }], ["b2", { id: "b2", profile: 42 }]]);
  const { page, problems, context } = await open({ seed: { [KEY]: blob, [`${KEY}/unreadable/1700000000000`]: backup } });
  const s = await stored(page);
  for (const [id, a] of entries) {
    assert.deepEqual(s.assessments[id].profile, a.profile, id);
    if (a.held) assert.deepEqual(s.assessments[id].held, a.held);
  }
  assert.deepEqual(s.weights, { O1: 20 });
  const fromBackup = Object.values(s.assessments).filter((a) => a.profile.process.name === "From the backup");
  assert.equal(fromBackup.length, 1);
  const db = await readDb(page);
  assert.deepEqual(db.quarantine.map((q) => JSON.parse(q.raw)), [{ id: "b2", profile: 42 }]);
  assert.deepEqual(await names(page), [...entries.map(([, a]) => a.profile.process.name), "From the backup"]);
  // Committed: the originals are removed, and a reload migrates nothing twice.
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
  await page.reload();
  await page.waitForSelector("#view h2");
  assert.equal((await readDb(page)).assessments.length, 7);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Two pages (tabs) of one browser profile, on the same assessment. */
async function twoTabs() {
  const first = await open();
  await first.page.fill("#process-name", "Shared work");
  await saved(first.page);
  const second = await open({ context: first.context });
  assert.equal(await second.page.inputValue("#process-name"), "Shared work");
  return [first, second];
}

const forty = (c) => Array.from({ length: 40 }, (_, n) => String.fromCharCode(c + (n % 26))).join("");

test("a reload right after typing loses nothing: 20 reloads, each just after an edit, keep every edit", T, async () => {
  const { page, problems, context } = await open();
  const lost = [];
  for (let i = 0; i < 20; i++) {
    // The write is still in flight when the page goes: it used to be aborted (4 of 20 lost).
    await page.fill("#process-name", `Name ${i}`);
    await page.fill("#answer-O1\\.1-note", `Note ${i}`);
    await page.reload();
    await page.waitForSelector("#process-name");
    const kept = [await page.inputValue("#process-name"), await page.inputValue("#answer-O1\\.1-note")];
    if (kept.join() !== `Name ${i},Note ${i}`) lost.push(`${i}: ${kept}`);
  }
  assert.deepEqual(lost, []);
  await saved(page);
  // What was set aside while a page went away is written and then dropped from localStorage.
  await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith("sdo-openness/journal/")));
  assert.equal(Object.values((await stored(page)).assessments).length, 1, "one assessment, not a copy per reload");
  assert.deepEqual(problems, []);
  await context.close();
});

test("two tabs typing into different answers at once: both survive", T, async () => {
  const [a, b] = await twoTabs();
  const [ta, tb] = [forty(97), forty(65)];
  await Promise.all([a.page.type("#answer-O1\\.1-note", ta, { delay: 15 }), b.page.type("#answer-O1\\.2-note", tb, { delay: 15 })]);
  assert.equal(await a.page.inputValue("#answer-O1\\.1-note"), ta);
  assert.equal(await b.page.inputValue("#answer-O1\\.2-note"), tb);
  await Promise.all([saved(a.page), saved(b.page)]);
  await a.page.waitForFunction((t) => document.querySelector("#answer-O1\\.2-note").value === t, tb);
  await b.page.waitForFunction((t) => document.querySelector("#answer-O1\\.1-note").value === t, ta);
  const { held } = Object.values((await stored(a.page)).assessments)[0];
  assert.equal(held["O1.1"].note, ta);
  assert.equal(held["O1.2"].note, tb);
  assert.deepEqual([...a.problems, ...b.problems], []);
  await a.context.close();
});

test("typing in one tab while another saves: focus and all 40 characters stay", T, async () => {
  const [a, b] = await twoTabs();
  const text = forty(97);
  const edits = (async () => {
    for (let n = 0; n < 15; n++) {
      await b.page.fill("#process-name", `Renamed ${n}`);
      await b.page.waitForTimeout(30);
    }
  })();
  await Promise.all([a.page.type("#answer-O1\\.1-note", text, { delay: 20 }), edits]);
  assert.equal(await a.page.evaluate(() => document.activeElement.id), "answer-O1.1-note");
  assert.equal(await a.page.inputValue("#answer-O1\\.1-note"), text);
  await Promise.all([saved(a.page), saved(b.page)]);
  await a.page.waitForFunction(() => document.querySelector("#process-name").value === "Renamed 14");
  const record = Object.values((await stored(a.page)).assessments)[0];
  assert.equal(record.held["O1.1"].note, text);
  assert.equal(record.profile.process.name, "Renamed 14");
  assert.deepEqual([...a.problems, ...b.problems], []);
  await a.context.close();
});

test("the same field changed in two tabs: both values are kept and the page asks which", T, async () => {
  const [a, b] = await twoTabs();
  await b.page.focus("#process-name");
  await a.page.fill("#process-name", "Alpha");
  await saved(a.page);
  await b.page.fill("#process-name", "Beta");
  await b.page.waitForSelector("#conflict-notice:not([hidden])");
  // While the conflict stands, with both tabs still in the field, neither writes its side back to
  // the other again and again (they did: the record's revision climbed without end).
  const revision = async () => (await readDb(b.page)).assessments[0].rev;
  await b.page.waitForTimeout(300);
  const settledRev = await revision();
  await b.page.waitForTimeout(1500);
  assert.equal(await revision(), settledRev, "no writes back and forth while the conflict stands");
  const text = await b.page.textContent("#conflict-notice");
  assert.match(text, /Beta/);
  assert.match(text, /Alpha/);
  assert.match(text, /Name/);
  await b.page.screenshot({ path: join(shots, "storage-conflict-en.png") });
  await axe(b.page, "conflict");
  await b.page.click("#conflict-notice button.use-other");
  await b.page.waitForSelector("#conflict-notice", { state: "hidden" });
  assert.equal(await b.page.inputValue("#process-name"), "Alpha");
  await saved(b.page);
  const record = (await readDb(b.page)).assessments[0];
  assert.equal(record.profile.process.name, "Alpha");
  assert.deepEqual(record.conflicts ?? [], []);
  await a.page.waitForFunction(() => document.querySelector("#process-name").value === "Alpha");
  assert.deepEqual([...a.problems, ...b.problems], []);
  await a.context.close();
});

for (const lang of ["en", "ar"]) {
  test(`the quarantine, refused-delete and full-storage notices are axe-clean and readable (${lang})`, T, async () => {
    const blob = state([["g", { id: "g", profile: profile("Readable") }], ["q", { id: "q", profile: null }]]);
    const { page, problems, context } = await open({ seed: { [KEY]: blob }, init: FULL, lang });
    await page.waitForSelector("#quarantine-notice:not([hidden])");
    await page.evaluate(() => (window.full = true));
    await page.fill("#process-name", lang === "ar" ? "عملية" : "Process");
    await page.waitForSelector("#storage-notice:not([hidden])");
    page.once("dialog", (d) => d.accept());
    await page.click("#quarantine-notice button.delete");
    await page.waitForSelector("#quarantine-notice [role=alert]");
    assert.equal(await page.evaluate(() => document.documentElement.dir), lang === "ar" ? "rtl" : "ltr");
    await page.locator("header.top").screenshot({ path: join(shots, `storage-notices-${lang}.png`) });
    await axe(page, `notices ${lang}`);
    assert.deepEqual(problems, []);
    page.on("dialog", (d) => d.accept());
    await context.close();
  });
}
