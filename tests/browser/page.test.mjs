// The advocates' page (www/index.html) in Debian's Chromium, used as a person would: by keyboard,
// across reloads, with bad files and corrupt storage, sharing, exporting and comparing — and it
// never talks to anything but its own origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { deflateRawSync } from "node:zlib";
import { AxeBuilder } from "@axe-core/playwright";
import { serve } from "../../scripts/serve.mjs";
import { launchChromium, root } from "../support/package.mjs";
import { stored, readDb } from "../support/stored.mjs";

const PAGE = "/www/";
const TOTAL = 59;
const PRESETS = ["ietf", "w3c", "whatwg", "unicode", "itu-t", "iso", "iec", "ieee-sa", "etsi", "3gpp", "c2pa", "oasis"];
const BANDS = /\b(Limited|Partial|Substantial|Strong)\b/;
let browser, server, base;
const shots = join(tmpdir(), "sdo-openness-screenshots");

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

/** A fresh browser profile (context) with the page open; records problems and requests. */
async function open({ path = PAGE, colorScheme = "light", viewport = { width: 1280, height: 900 }, context } = {}) {
  const ctx = context ?? (await browser.newContext({ colorScheme, viewport, acceptDownloads: true }));
  const page = await ctx.newPage();
  const problems = [];
  const requests = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(base + path);
  await page.waitForSelector("#live");
  await page.waitForFunction(() => document.querySelector("#live")?.report || document.querySelector("#live")?.shadowRoot.textContent);
  return { page, problems, requests, context: ctx };
}

const coverage = (page) => page.textContent("#coverage");
const liveReport = (page) => page.evaluate(() => document.querySelector("#live").report);

/** Waits until the live scorecard has drawn a report that satisfies `ok` (a predicate run here). */
async function scored(page, ok) {
  const deadline = Date.now() + 10000;
  for (;;) {
    const report = await liveReport(page);
    if (report && ok(report)) return report;
    if (Date.now() > deadline) throw new Error(`no report satisfied ${ok}: ${JSON.stringify(report)?.slice(0, 300)}`);
    await page.waitForTimeout(50);
  }
}

test("an assessment can be completed by keyboard alone, and the scores follow live", async () => {
  const { page, problems, context } = await open();
  await page.focus("#process-name");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Keyboard working group");
  assert.equal(await coverage(page), `0 of ${TOTAL} answered`);
  // Jump to the first unanswered question with the button, then answer each by keyboard: Tab
  // lands on the checked "Not assessed" radio; the down arrow wraps to the first (best) answer.
  await page.focus("#next");
  await page.keyboard.press("Enter");
  // A number question's first answer puts focus in its box, where the value is typed.
  for (let step = 0; step < 2000; step++) {
    const where = await page.evaluate(() => {
      const el = document.activeElement;
      const question = el?.closest(".question");
      return {
        left: document.querySelectorAll('.question[data-state="unanswered"]').length,
        radio: el?.type === "radio",
        number: el?.type === "number",
        unanswered: question?.dataset.state === "unanswered",
      };
    });
    if (where.left === 0) break;
    if (where.unanswered && where.radio) await page.keyboard.press("ArrowDown");
    else if (where.unanswered && where.number) await page.keyboard.type("0");
    else await page.keyboard.press("Tab");
  }
  await scored(page, (r) => r.pillars.every((p) => !p.provisional));
  assert.equal(await coverage(page), `${TOTAL} of ${TOTAL} answered`);
  await scored(page, (r) => r.pillars.every((p) => !p.provisional));
  const report = await liveReport(page);
  assert.equal(report.process.name, "Keyboard working group");
  assert.ok(report.pillars.every((p) => p.score !== null && p.lower === p.upper), JSON.stringify(report.pillars.map((p) => [p.score, p.lower, p.upper])));
  assert.deepEqual(problems, []);
  await context.close();
});

test("answers change the scorecard at once and survive a reload", async () => {
  const { page, problems, context } = await open();
  await page.check("#answer-O1\\.1-option\\:public");
  await scored(page, (r) => r.pillars[0].indicators[0].elements[0].option === "public");
  await page.check("#answer-O1\\.2-status\\:no-public-information");
  await page.fill("#answer-O5\\.1-number", "1200");
  await page.click("#q-O1\\.1 summary");
  await page.click("#q-O1\\.1 .evidence button");
  await page.fill("#answer-O1\\.1-ev0-url", "https://example.org/drafts");
  await page.fill("#answer-O1\\.1-ev0-note", "All drafts are public.");
  await scored(page, (r) => r.pillars[0].indicators[0].elements[0].evidence.length === 1);
  const before = await liveReport(page);
  assert.equal(before.pillars[0].indicators[0].score, 66.7);
  const state = await stored(page);
  await page.reload();
  await page.waitForSelector("#live");
  await scored(page, (r) => r.pillars[0].indicators[0].elements[0].evidence.length === 1);
  assert.deepEqual(await stored(page), state, "storage unchanged by the reload");
  assert.ok(await page.isChecked("#answer-O1\\.1-option\\:public"));
  assert.ok(await page.isChecked("#answer-O1\\.2-status\\:no-public-information"));
  assert.equal(await page.inputValue("#answer-O5\\.1-number"), "1200");
  assert.equal(await page.inputValue("#answer-O1\\.1-ev0-url"), "https://example.org/drafts");
  assert.deepEqual(await liveReport(page), before);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a problem shows next to its question", async () => {
  const { page, context } = await open();
  await page.check("#answer-O1\\.1-option\\:public");
  await page.click("#q-O1\\.1 summary");
  await page.click("#q-O1\\.1 .evidence button");
  await page.fill("#answer-O1\\.1-ev0-url", "javascript:alert(1)");
  // Beside the field it concerns (tests/browser/report.test.mjs tests the marks in full).
  await page.waitForFunction(() => document.getElementById("answer-O1.1-ev0-url-error")?.textContent.includes("invalid-url"));
  assert.match(await page.textContent("#answer-O1\\.1-ev0-url-error"), /url must be an absolute http: or https: address \(invalid-url\)/);
  await context.close();
});

test("corrupt saved state is quarantined as it was and reported; a bad import changes nothing", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem("sdo-openness/state/v1", "{not json");
      sessionStorage.setItem("seeded", "1");
    }
  });
  const { page } = await open({ context });
  assert.match(await page.textContent("#quarantine-notice"), /could not be read/);
  assert.deepEqual((await readDb(page)).quarantine.map((q) => q.raw), ["{not json"]);
  await page.fill("#process-name", "Work in progress");
  await page.check("#answer-O1\\.1-option\\:public");
  const before = await stored(page);
  await page.getByRole("button", { name: "Keep and share" }).click();
  const bad = join(tmpdir(), "bad-profile.json");
  writeFileSync(bad, '{"schema":"sdo-openness/profile/v1","process":{"name":"Bad"},"answers":{"O1.1":{"option":"publik"}}}');
  await page.setInputFiles("#import", bad);
  await page.waitForSelector(".status .error-text");
  assert.match(await page.textContent(".status"), /not imported.*answers\.O1\.1\.option: unknown option `publik` for element `O1\.1` \(did you mean `public`\?\) → public \(unknown-option\)/s);
  writeFileSync(bad, "not json at all");
  await page.setInputFiles("#import", bad);
  await page.waitForFunction(() => document.querySelector(".status").textContent.includes("invalid-json"));
  assert.deepEqual(await stored(page), before, "existing assessments untouched");
  await context.close();
});

test("export then import is lossless; a share link reproduces the report in a fresh browser", async () => {
  const { page, context } = await open();
  await page.selectOption("#preset", "w3c");
  await page.getByRole("button", { name: "Load" }).click();
  await scored(page, (r) => r.process.name.includes("W3C"));
  const profile = (await stored(page)).assessments[(await stored(page)).current].profile;
  await page.getByRole("button", { name: "Keep and share" }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export JSON" }).click()]);
  const file = join(tmpdir(), "exported.json");
  await download.saveAs(file);
  assert.deepEqual(JSON.parse(readFileSync(file, "utf8")), profile);
  const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
  const csvFile = join(tmpdir(), "exported.csv");
  await csvDownload.saveAs(csvFile);
  const csv = readFileSync(csvFile, "utf8").trim().split("\r\n");
  assert.equal(csv.length, TOTAL + 1);
  assert.equal(csv[0], "element,indicator,question,answer,points,confidence,note,searched,evidence");
  // The preset, unchanged, travels as its name and fingerprint (tests/browser/links.test.mjs
  // follows such links); a copy of it under its own id must carry all of it, which is too long.
  assert.match(await page.inputValue("#share-link"), /#patch=/);
  const copy = join(tmpdir(), "own-copy.json");
  writeFileSync(copy, JSON.stringify({ ...profile, id: "my-own-w3c-review" }));
  await page.setInputFiles("#import", copy);
  await page.waitForFunction(() => document.querySelector(".status").textContent.includes("Imported"));
  assert.match(await page.textContent("main"), /This link is [\d,]+ characters long, more than many sites and chat tools accept \(8,000\)/);
  assert.equal(await page.locator("#share-link").count(), 0);

  // A shorter assessment travels in a link.
  await page.getByRole("button", { name: "Assess", exact: true }).click();
  await page.getByRole("button", { name: "New assessment" }).click();
  await page.fill("#process-name", "Shared by link");
  await page.check("#answer-O1\\.1-option\\:public");
  await page.selectOption("#answer-O1\\.1-confidence", "high");
  await page.click("#q-O1\\.1 summary");
  await page.click("#q-O1\\.1 .evidence > button");
  await page.fill("#answer-O1\\.1-ev0-url", "https://example.org/drafts");
  await page.fill("#answer-O1\\.1-ev0-quote", "Drafts are public.");
  await page.selectOption("#answer-O1\\.1-ev0-sourceType", "official");
  await page.check("#answer-O5\\.1-status\\:no-public-information");
  await page.fill("#answer-O5\\.1-searched", "https://example.org/fees");
  await scored(page, (r) => r.process.name === "Shared by link" && r.pillars[0].indicators[4].elements[0].searched?.length === 1);
  const small = await liveReport(page);
  await page.getByRole("button", { name: "Keep and share" }).click();
  const link = await page.inputValue("#share-link");
  assert.ok(link.includes("#share="));
  // A part the view leaves out (here the preset note) is left out, not written as "false".
  const stray = await page.$eval("#view", (view) => [...view.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()).map((n) => n.textContent));
  assert.deepEqual(stray, []);
  assert.ok(link.length < 8000, `${link.length}`);

  const fresh = await open({ path: new URL(link).pathname + new URL(link).hash });
  await scored(fresh.page, (r) => r.process.name === "Shared by link");
  assert.deepEqual(await liveReport(fresh.page), small, "the shared link gives the exact report");
  assert.equal(await fresh.page.evaluate(() => location.hash), "", "the profile is taken out of the address bar");

  const other = await open();
  await other.page.getByRole("button", { name: "Keep and share" }).click();
  await other.page.setInputFiles("#import", file);
  await other.page.waitForFunction(() => document.querySelector(".status").textContent.includes("Imported"));
  const imported = await stored(other.page);
  assert.deepEqual(imported.assessments[imported.current].profile, profile);
  await Promise.all([context.close(), fresh.context.close(), other.context.close()]);
});

test("compare and sensitivity render for all twelve presets", async () => {
  const { page, problems, context } = await open();
  assert.deepEqual(await page.$$eval("#preset option", (os) => os.map((o) => o.value)), PRESETS);
  assert.deepEqual(await page.$$eval("#preset option", (os) => os.map((o) => o.textContent)), [
    "IETF", "W3C", "WHATWG", "Unicode Consortium", "ITU-T", "ISO", "IEC", "IEEE SA", "ETSI", "3GPP", "C2PA", "OASIS Open",
  ]);
  await page.getByRole("button", { name: "Compare" }).click();
  await page.waitForSelector(".compare-output table");
  for (const id of PRESETS) {
    if (!(await page.isChecked(`#cmp-preset\\:${id}`))) await page.check(`#cmp-preset\\:${id}`);
  }
  await page.uncheck(`#cmp-${(await stored(page)).current}`);
  await page.waitForFunction(() => !document.querySelector(".compare-output[aria-busy]") && document.querySelectorAll(".compare-output table.data")[0]?.tBodies[0].rows.length === 12);
  const text = await page.textContent(".compare-output");
  for (const name of ["IETF", "W3C", "WHATWG", "Unicode", "ITU-T", "ISO", "IEC", "IEEE", "ETSI", "3GPP", "C2PA", "OASIS"]) assert.ok(text.includes(name), name);
  // Every complete preset is ranked, 1 to 12, on both pillars.
  for (const pillar of ["O", "I"]) {
    const ranks = await page.$$eval(`table.ranking[data-pillar="${pillar}"] td.rank`, (cells) => cells.map((c) => c.textContent));
    assert.deepEqual(ranks, Array.from({ length: 12 }, (_, n) => String(n + 1)), pillar);
  }
  // The three analyses, in plain words, with P5–P95 explained on screen.
  assert.match(text, /ranks above .* on Openness in \d+ of 100 plausible weightings and fillings of missing answers \(weights varied alone: \d+ of 100; missing answers filled alone: \d+ of 100\)/);
  assert.match(text, /P5–P95 is the range that holds the middle 90 of every 100 recomputed scores/);
  for (const heading of ["Weights varied", "Missing answers filled", "Both at once"]) assert.ok(text.includes(heading), heading);
  assert.equal(await page.locator(".compare-output svg.chart").count(), 1);
  assert.equal(await page.locator(".spread").count(), 2);
  await page.screenshot({ path: join(shots, "compare-en.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test("weights: adjust, see the custom notice, reset", async () => {
  const { page, context } = await open();
  await page.selectOption("#preset", "ietf");
  await page.getByRole("button", { name: "Load" }).click();
  await page.getByRole("button", { name: "Weights" }).click();
  await page.focus("#w-O1");
  for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => document.querySelector(".weights-preview sdo-openness-scorecard").report?.weights === "custom");
  assert.match(await page.textContent("main"), /Custom weights are in use/);
  assert.equal((await stored(page)).weights.O1, 14 + 10, "O1 weighs 14 under methodology 2.0");
  await page.getByRole("button", { name: "Reset to the methodology's weights" }).click();
  assert.equal((await stored(page)).weights, null);
  await context.close();
});

test("weights: each is shown as a share of its pillar; a pillar keeps one weight above zero; a pillar resets alone", async () => {
  const { page, problems, context } = await open();
  await page.getByRole("button", { name: "Weights" }).click();
  const ids = await page.$$eval("fieldset.weights", (sets) => sets.map((s) => [...s.querySelectorAll("input[type=range]")].map((i) => i.id.slice(2))));
  const [openness, inclusion] = ids;
  const total = await page.$$eval(openness.map((id) => `#w-${id}`).join(","), (els) => els.reduce((n, e) => n + Number(e.value), 0));
  const o1 = Number(await page.inputValue("#w-O1"));
  assert.equal(await page.textContent("#w-O1-share"), `${o1} — ${Math.round((100 * o1) / total)}% of Openness`);
  // Every Openness weight but the last goes to zero; the shares follow.
  for (const id of openness.slice(0, -1)) await page.fill(`#w-${id}`, "0");
  const last = openness.at(-1);
  assert.equal(await page.textContent(`#w-${last}-share`), `${await page.inputValue(`#w-${last}`)} — 100% of Openness`);
  assert.equal(await page.textContent("#w-O1-share"), "0 — 0% of Openness");
  assert.equal(await page.textContent(`#w-${last}-floor`), "");
  // The last positive weight is refused at zero, with the reason next to it.
  await page.fill(`#w-${last}`, "0");
  assert.equal(await page.inputValue(`#w-${last}`), "1");
  assert.equal((await stored(page)).weights[last], 1);
  assert.match(await page.textContent(`#w-${last}-floor`), /Openness needs at least one weight above zero, and this is its last one: it cannot be set to 0/);
  assert.ok((await page.getAttribute(`#w-${last}`, "aria-describedby")).split(" ").includes(`w-${last}-floor`));
  await page.waitForFunction(() => document.querySelector(".weights-preview sdo-openness-scorecard").report?.weights === "custom");
  // Other weights still change, in both pillars.
  await page.fill("#w-O1", "5");
  assert.equal((await stored(page)).weights.O1, 5);
  const i1 = inclusion[0];
  await page.fill(`#w-${i1}`, "30");
  assert.equal((await stored(page)).weights[i1], 30);
  // Resetting Openness leaves Inclusion as it was; resetting Inclusion too brings back the methodology.
  await page.getByRole("button", { name: "Reset Openness to the methodology's weights" }).click();
  assert.deepEqual((await stored(page)).weights, { [i1]: 30 });
  assert.equal(Number(await page.inputValue("#w-O1")), o1);
  assert.equal(await page.evaluate(() => document.activeElement.id), "reset-O");
  await page.getByRole("button", { name: "Reset Inclusion to the methodology's weights" }).click();
  assert.equal((await stored(page)).weights, null);
  assert.doesNotMatch(await page.textContent("main"), /Custom weights are in use/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the view and the question are in the address: reload returns there, Back and Forward move between views", async () => {
  const { page, problems, context } = await open();
  const viewIs = (name) => page.waitForFunction((n) => document.querySelector("nav button[aria-current=page]")?.textContent === n && document.querySelector("#view h2")?.textContent === n, name);
  const second = (await page.$$eval(".question", (qs) => qs.map((q) => q.dataset.element)))[1];
  await page.focus(`#q-${second.replace(".", "\\.")} input`);
  assert.equal(new URL(page.url()).search, `?view=assess&q=${second}`);
  await page.getByRole("button", { name: "Weights" }).click();
  await viewIs("Weights");
  assert.equal(new URL(page.url()).search, "?view=weights");
  await page.getByRole("button", { name: "Compare" }).click();
  await viewIs("Compare");
  assert.equal(new URL(page.url()).search, "?view=compare");
  await page.reload();
  await viewIs("Compare");
  await page.goBack();
  await viewIs("Weights");
  await page.goBack();
  await viewIs("Assess");
  await page.waitForFunction((id) => document.activeElement?.closest(".question")?.dataset.element === id, second);
  await page.goForward();
  await viewIs("Weights");
  await page.goBack();
  await viewIs("Assess");
  // A reload on the Assess view comes back to the same question, in focus.
  await page.reload();
  await page.waitForSelector("#live");
  await page.waitForFunction((id) => document.activeElement?.closest(".question")?.dataset.element === id, second);
  assert.equal(new URL(page.url()).search, `?view=assess&q=${second}`);
  // A share link made here does not carry the reader's place.
  await page.getByRole("button", { name: "Keep and share" }).click();
  await page.waitForSelector("#share-link");
  assert.equal(new URL(await page.inputValue("#share-link")).search, "");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a cut-short share link says so, and offers only what it could recover", async () => {
  const profile = JSON.parse(readFileSync(join(root, "www/presets/w3c.json"), "utf8"));
  const packed = deflateRawSync(Buffer.from(JSON.stringify(profile))).toString("base64url");
  const cut = packed.slice(0, Math.floor(packed.length * 0.4));
  const { page, problems, context } = await open({ path: `${PAGE}#share=${cut}` });
  await page.waitForSelector("#shared-broken:not([hidden])");
  const text = await page.textContent("#shared-broken");
  assert.match(text, /This share link is broken or cut short/);
  const [, name, count] = /What could be recovered: “([^”]+)”, with (\d+) answered questions/.exec(text);
  assert.equal(name, `\u2068${profile.process.name}\u2069`, "the name is isolated in the sentence");
  assert.ok(Number(count) > 0 && Number(count) < Object.keys(profile.answers).length, count);
  assert.equal(await page.evaluate(() => location.hash), "");
  const before = (await stored(page)).order.length;
  await page.getByRole("button", { name: "Open what was recovered as a new assessment" }).click();
  await scored(page, (r) => r.process.name === profile.process.name);
  const state = await stored(page);
  assert.equal(state.order.length, before + 1);
  const answers = state.assessments[state.current].profile.answers;
  assert.equal(Object.keys(answers).length, Number(count));
  for (const [id, answer] of Object.entries(answers)) assert.deepEqual(answer, profile.answers[id], `${id} is as the original says, nothing guessed`);
  assert.equal(await page.isHidden("#shared-broken"), true);

  // A link with nothing readable in it says that plainly.
  const other = await open({ path: `${PAGE}#share=not-a-real-link` });
  await other.page.waitForSelector("#shared-broken:not([hidden])");
  assert.match(await other.page.textContent("#shared-broken"), /broken or cut short.*Nothing could be recovered from it/s);
  assert.equal(await other.page.locator("#open-recovered").count(), 0);
  const results = await new AxeBuilder({ page: other.page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]).analyze();
  assert.deepEqual(results.violations.map((v) => v.id), []);
  assert.deepEqual([...problems, ...other.problems], []);
  await Promise.all([context.close(), other.context.close()]);
});

test("no request leaves the page's origin", async () => {
  const { page, requests, context } = await open();
  await page.selectOption("#preset", "itu-t");
  await page.getByRole("button", { name: "Load" }).click();
  await page.getByRole("button", { name: "Compare" }).click();
  await page.waitForSelector(".compare-output table");
  await page.getByRole("button", { name: "Keep and share" }).click();
  await page.selectOption("#lang", "zh");
  await page.waitForFunction(() => document.documentElement.lang === "zh");
  const foreign = requests.filter((u) => new URL(u).origin !== base && !u.startsWith("blob:") && !u.startsWith("data:"));
  assert.deepEqual(foreign, []);
  await context.close();
});

test("a language is spoken only with both its catalogues: without its page words the page is English throughout, and says so", async () => {
  const context = await browser.newContext();
  await context.route("**/www/app/locales/fr.json", (route) => route.fulfill({ status: 404, body: "" }));
  const { page } = await open({ context });
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.selectOption("#lang", "fr");
  await page.waitForFunction(() => document.querySelector("#lang").value === "en" && document.querySelector("#live")?.shadowRoot.querySelector("article"));
  const shown = () =>
    page.evaluate(() => ({
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
      nav: document.querySelector("#nav").textContent,
      card: document.querySelector("#live").shadowRoot.querySelector("article").lang,
    }));
  const english = await shown();
  assert.deepEqual([english.lang, english.dir, english.card], ["en", "ltr", "en"]);
  assert.match(english.nav, /Assess/);
  assert.equal(warnings.filter((w) => /the "fr" catalogue could not be loaded \(HTTP 404 for .*\/www\/app\/locales\/fr\.json\); showing English/.test(w)).length, 1, warnings.join("\n"));
  // A language whose files are there is spoken, page and scorecard alike.
  const ar = JSON.parse(readFileSync(join(root, "www/app/locales/ar.json"), "utf8")).page;
  await page.selectOption("#lang", "ar");
  await page.waitForFunction(() => document.documentElement.lang === "ar" && document.querySelector("#live")?.shadowRoot.querySelector("article")?.lang === "ar");
  const arabic = await shown();
  assert.equal(arabic.dir, "rtl");
  assert.ok(arabic.nav.includes(ar.navAssess), arabic.nav);
  await context.close();
});

/** Answers two questions of the current (blank) assessment: far too little for any score. */
async function answerTwo(page) {
  await page.check("#answer-O1\\.3-option\\:none");
  await page.check("#answer-I1\\.1-status\\:no-public-information");
  await scored(page, (r) => r.pillars.every((p) => p.assessed === 1));
}

/** Everything a reader can see: the page's own text and the scorecard's. */
const visibleText = (page) =>
  page.evaluate(() => [document.body.innerText, ...[...document.querySelectorAll("sdo-openness-scorecard")].map((c) => c.shadowRoot?.textContent ?? "")].join("\n"));

test("a thin assessment shows insufficient data with its range, and no score or band anywhere", async () => {
  const { page, problems, context } = await open();
  await page.fill("#process-name", "Thin process");
  await answerTwo(page);
  const report = await liveReport(page);
  assert.deepEqual(report.pillars.map((p) => [p.status, p.score, p.band]), [["insufficient-data", null, null], ["insufficient-data", null, null]]);
  await page.waitForFunction(() => document.querySelector("#pillar-status")?.textContent.includes("Inclusion: insufficient data"));
  const status = await page.textContent("#pillar-status");
  assert.match(status, /Openness: insufficient data/);
  assert.match(status, /between 3\.5 and 100/);
  assert.match(status, /1 of 29 questions answered, carrying 3% of the weight/);
  assert.match(status, /between 0 and 96\.3/);
  assert.match(status, /once 70% of the weight is answered/);
  // Indicators too: a range and its coverage, never a score.
  assert.equal(await page.textContent("#status-O1"), "Insufficient data: between 25 and 100; 1 of 3 answered (a score needs 50% of the weight).");
  assert.equal(await page.getAttribute("#status-O1", "data-status"), "insufficient-data");
  let text = await visibleText(page);
  assert.doesNotMatch(text, BANDS, "no band on Assess");
  assert.doesNotMatch(text, /of 100, /, "no pillar score on Assess");
  // Compare: the thin process is listed with its range, labelled, and never ranked.
  await page.getByRole("button", { name: "Compare" }).click();
  await page.waitForSelector(".compare-output table.ranking");
  for (const pillar of ["O", "I"]) {
    const row = page.locator(`table.ranking[data-pillar="${pillar}"] tr[data-status="insufficient-data"]`);
    assert.equal(await row.count(), 1);
    assert.equal(await row.locator("td.rank").textContent(), "not ranked");
    assert.match(await row.textContent(), /Thin process.*insufficient data: between \d+(\.\d)? and \d+(\.\d)?/s);
  }
  const thinCells = await page.$$eval(".compare-output table.data:first-of-type td[data-status='insufficient-data']", (cells) => cells.map((c) => c.textContent));
  assert.ok(thinCells.length >= 2 && thinCells.every((c) => /^insufficient data \(/.test(c) && !/Limited|Partial|Substantial|Strong/.test(c)), JSON.stringify(thinCells));
  const statements = await page.$$eval(".statements li", (items) => items.map((li) => li.textContent).filter((t) => t.includes("Thin process")));
  assert.ok(statements.length >= 2 && statements.every((t) => /has no published score|If its missing answers/.test(t)), JSON.stringify(statements));
  // Keep and share, and print: still no score or band for it.
  await page.getByRole("button", { name: "Keep and share" }).click();
  await page.waitForSelector("#embed-script");
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  const printed = await page.textContent("#print-report");
  assert.match(printed, /Openness: insufficient data/);
  assert.doesNotMatch(printed, BANDS);
  text = await visibleText(page);
  assert.doesNotMatch(text, BANDS, "no band on Keep and share");
  assert.deepEqual(problems, []);
  await context.close();
});

test("compare ranks only scored processes, and gives a rank range where ranges overlap", async () => {
  const { page, problems, context } = await open();
  await page.fill("#process-name", "Thin process");
  await answerTwo(page);
  // Two processes alike but for two answers: one gives middle answers, the other leaves them
  // out. Both are scored, and the first's score lies strictly inside the second's range, so
  // neither can be told above the other: each may rank first or second.
  const base = JSON.parse(readFileSync(join(root, "www/presets/whatwg.json"), "utf8"));
  const middle = structuredClone(base);
  middle.process.name = "Middle answers";
  middle.id = "middle-answers"; // Two assessments, not two copies of the preset (that would ask).
  middle.answers["O2.2"] = { option: "frand-public" };
  middle.answers["O5.2"] = { option: "some" };
  const partial = structuredClone(base);
  partial.process.name = "Partly answered";
  partial.id = "partly-answered";
  delete partial.answers["O2.2"];
  delete partial.answers["O5.2"];
  await page.getByRole("button", { name: "Keep and share" }).click();
  for (const [n, profile] of [middle, partial].entries()) {
    const file = join(tmpdir(), `overlap-${n}.json`);
    writeFileSync(file, JSON.stringify(profile));
    await page.setInputFiles("#import", file);
    await page.waitForFunction((name) => document.querySelector(".status")?.textContent.includes(name), profile.process.name);
  }
  await page.getByRole("button", { name: "Compare" }).click();
  await page.waitForSelector(".compare-output table");
  const state = await stored(page);
  const box = (key) => `#cmp-${key.replace(":", "\\:")}`;
  for (const key of state.order) if (!(await page.isChecked(box(key)))) await page.check(box(key));
  for (const key of ["preset:ietf", "preset:w3c", "preset:iso"]) if (await page.isChecked(box(key))) await page.uncheck(box(key));
  await page.waitForFunction(() => document.querySelector('table.ranking[data-pillar="O"]')?.tBodies[0].rows.length === 3);
  const rows = await page.$$eval('table.ranking[data-pillar="O"] tbody tr', (trs) =>
    trs.map((tr) => ({ status: tr.dataset.status, rank: tr.querySelector("td.rank").textContent, name: tr.querySelector("th").textContent.trim(), apart: tr.lastElementChild.textContent })),
  );
  const row = (name) => rows.find((r) => r.name.endsWith(name));
  assert.deepEqual(row("Middle answers"), { status: "scored", rank: "1–2", name: row("Middle answers").name, apart: "Partly answered" });
  assert.deepEqual(row("Partly answered"), { status: "scored", rank: "1–2", name: row("Partly answered").name, apart: "Middle answers" });
  assert.deepEqual(rows[2], { status: "insufficient-data", rank: "not ranked", name: rows[2].name, apart: "—" }, "the unscored come last, unranked");
  assert.match(rows[2].name, /Thin process/);
  // No rank for the unscored process anywhere: not in the rankings, not in the sensitivity tables.
  const unscoredRanks = await page.$$eval("tr[data-status='insufficient-data']", (trs) => trs.map((tr) => tr.textContent).filter((t) => /\brank \d|^\d/.test(t)));
  assert.deepEqual(unscoredRanks, []);
  assert.match(await page.textContent(".compare-output"), /Only processes with a published score are ranked/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the v2 fields (evidence, confidence, searched, review) survive export and import", async () => {
  const { page, problems, context } = await open();
  await page.fill("#process-name", "Recorded in full");
  await page.selectOption("#review-level", "independent");
  await page.fill("#review-reviewers", "A. Reviewer\nB. Reviewer");
  await page.fill("#review-reviewedOn", "2026-11-20");
  await page.check("#answer-O1\\.1-option\\:public");
  await page.selectOption("#answer-O1\\.1-confidence", "medium");
  await page.click("#q-O1\\.1 summary");
  await page.click("#q-O1\\.1 .evidence > button");
  await page.fill("#answer-O1\\.1-ev0-url", "https://example.org/drafts");
  await page.fill("#answer-O1\\.1-ev0-quote", "All drafts are public.");
  await page.fill("#answer-O1\\.1-ev0-note", "Section 2.");
  await page.selectOption("#answer-O1\\.1-ev0-sourceType", "official");
  await page.fill("#answer-O1\\.1-ev0-publishedOn", "2024-03-01");
  await page.fill("#answer-O1\\.1-ev0-checkedOn", "2026-11-01");
  await page.fill("#answer-O1\\.1-ev0-archiveUrl", "https://web.archive.org/web/2026/https://example.org/drafts");
  assert.equal(await page.isVisible("#answer-I3\\.1-searched"), false, "asked only for no public information");
  await page.check("#answer-I3\\.1-status\\:no-public-information");
  await page.fill("#answer-I3\\.1-searched", "https://example.org/\nthe site search for “fellowship”");
  await scored(page, (r) => r.pillars[1].indicators[2].elements[0].searched?.length === 2 && r.pillars[0].evidenceQuality > 0);
  const profile = (await stored(page)).assessments[(await stored(page)).current].profile;
  assert.equal(profile.schema, "sdo-openness/profile/v2");
  assert.deepEqual(profile.review, { level: "independent", reviewers: ["A. Reviewer", "B. Reviewer"], reviewedOn: "2026-11-20" });
  assert.deepEqual(profile.answers["O1.1"], {
    option: "public",
    confidence: "medium",
    evidence: [{ checkedOn: "2026-11-01", url: "https://example.org/drafts", quote: "All drafts are public.", note: "Section 2.", sourceType: "official", publishedOn: "2024-03-01", archiveUrl: "https://web.archive.org/web/2026/https://example.org/drafts" }],
  });
  assert.deepEqual(profile.answers["I3.1"], { status: "no-public-information", searched: ["https://example.org/", "the site search for “fellowship”"] });
  assert.equal(await page.textContent("#warnings-answers\\.I3\\.1"), "", "the search is recorded: no warning");
  await page.getByRole("button", { name: "Keep and share" }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export JSON" }).click()]);
  const file = join(tmpdir(), "v2-fields.json");
  await download.saveAs(file);
  assert.deepEqual(JSON.parse(readFileSync(file, "utf8")), profile);

  const other = await open();
  await other.page.getByRole("button", { name: "Keep and share" }).click();
  await other.page.setInputFiles("#import", file);
  await other.page.waitForFunction(() => document.querySelector(".status").textContent.includes("Imported"));
  const imported = await stored(other.page);
  assert.deepEqual(imported.assessments[imported.current].profile, profile);
  await other.page.getByRole("button", { name: "Assess", exact: true }).click();
  assert.equal(await other.page.inputValue("#answer-O1\\.1-ev0-quote"), "All drafts are public.");
  assert.equal(await other.page.inputValue("#answer-O1\\.1-ev0-sourceType"), "official");
  assert.equal(await other.page.inputValue("#answer-O1\\.1-ev0-archiveUrl"), "https://web.archive.org/web/2026/https://example.org/drafts");
  assert.equal(await other.page.inputValue("#answer-O1\\.1-confidence"), "medium");
  assert.equal(await other.page.inputValue("#answer-I3\\.1-searched"), "https://example.org/\nthe site search for “fellowship”");
  assert.equal(await other.page.inputValue("#review-level"), "independent");
  // Set back to "not assessed", the answer's other fields are kept, and come back with it.
  await other.page.check("#answer-O1\\.1-");
  await other.page.check("#answer-O1\\.1-option\\:public");
  const again = await stored(other.page);
  assert.deepEqual(again.assessments[again.current].profile.answers["O1.1"], profile.answers["O1.1"]);
  assert.deepEqual(problems, []);
  assert.deepEqual(other.problems, []);
  await Promise.all([context.close(), other.context.close()]);
});

test("a v1 profile still loads, is scored with a warning, and can be copied to v2", async () => {
  const { page, problems, context } = await open();
  await page.getByRole("button", { name: "Keep and share" }).click();
  const v1 = join(root, "tests/fixtures/early-stage-assessment.json");
  await page.setInputFiles("#import", v1);
  await page.waitForFunction(() => document.querySelector(".status").textContent.includes("Imported"));
  const original = JSON.parse(readFileSync(v1, "utf8"));
  const state = await stored(page);
  assert.deepEqual(state.assessments[state.current].profile, original, "kept as imported");
  await page.getByRole("button", { name: "Assess", exact: true }).click();
  await page.waitForSelector("#v1-notice");
  // The warnings come from a validate() run after the view is drawn: wait for them.
  await page.waitForFunction(() => /earlier format \(v1\)/.test(document.querySelector("#warnings-global")?.textContent ?? ""));
  assert.equal(await page.isDisabled("#answer-O1\\.1-note"), true, "read only in the v2 questionnaire");
  await page.click("#convert-v1");
  await page.waitForFunction(() => !document.querySelector("#v1-notice"));
  const after = await stored(page);
  const copy = after.assessments[after.current].profile;
  assert.equal(copy.schema, "sdo-openness/profile/v2");
  assert.equal(original.answers["O2.1"].option, "delay-or-some");
  assert.equal(copy.answers["O2.1"], undefined, "a retired question is not carried into v2");
  assert.equal(copy.answers["O2.3"], undefined, "an option without a counterpart is left in the original");
  assert.deepEqual(copy.answers["O1.1"], original.answers["O1.1"]);
  await page.waitForFunction(() => /no counterpart/.test(document.querySelector("#announce")?.textContent ?? ""));
  assert.deepEqual(after.assessments[after.order[after.order.length - 2]].profile, original, "the original is unchanged");
  assert.deepEqual(problems, []);
  await context.close();
});

for (const lang of ["en", "ar"]) {
  test(`axe-core finds no WCAG 2.2 A/AA violations (${lang})`, async () => {
    const { page, context } = await open();
    // A thin assessment too, so that "insufficient data" rows are checked on every view.
    await answerTwo(page);
    await page.selectOption("#preset", "ietf");
    await page.getByRole("button", { name: /Load|تحميل/ }).click();
    if (lang !== "en") {
      await page.selectOption("#lang", lang);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    }
    await page.waitForSelector("#live");
    await page.waitForFunction(() => document.querySelector("#live").report);
    assert.equal(await page.evaluate(() => document.documentElement.dir), lang === "ar" ? "rtl" : "ltr");
    const check = async (name) => {
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]).analyze();
      assert.deepEqual(results.violations.map((v) => `${name} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`), []);
    };
    await page.screenshot({ path: join(shots, `assess-${lang}.png`) });
    await check("assess");
    await page.locator("nav button").nth(1).click();
    await page.waitForSelector(".compare-output table");
    const thin = (await stored(page)).order[0];
    if (!(await page.isChecked(`#cmp-${thin}`))) await page.check(`#cmp-${thin}`);
    await page.waitForFunction(() => document.querySelector("tr[data-status='insufficient-data']"));
    await check("compare");
    await page.locator("nav button").nth(2).click();
    await check("weights");
    await page.locator("nav button").nth(3).click();
    await page.waitForSelector("#embed-script");
    await check("share");
    await context.close();
  });
}

test("usable at 320 px wide and at 200% zoom: no sideways scrolling", async () => {
  // 640 CSS px is a 1280 px window at 200% zoom; 320 is the WCAG reflow width.
  for (const viewport of [{ width: 320, height: 640 }, { width: 640, height: 450 }]) {
    const { page, context } = await open({ viewport });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `horizontal overflow ${overflow}px at ${viewport.width}px`);
    await page.screenshot({ path: join(shots, `assess-${viewport.width}.png`) });
    await context.close();
  }
});

test("print shows every answer with its evidence; embed snippets and the badge are offered", async () => {
  const { page, context } = await open();
  await page.selectOption("#preset", "c2pa");
  await page.getByRole("button", { name: "Load" }).click();
  await scored(page, (r) => r.process.name.includes("C2PA"));
  await page.getByRole("button", { name: "Keep and share" }).click();
  await page.waitForSelector("#embed-script");
  assert.match(await page.inputValue("#embed-script"), /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/pkg\/widget\/elements\/sdo-openness\.js"><\/script>\n<sdo-openness-scorecard lang="en">/);
  // A preset as loaded: the frame names it and carries an empty patch (links.test.mjs opens it).
  assert.match(await page.inputValue("#embed-frame"), /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/www\/embed\.html#lang=en&amp;patch=[\w-]+&amp;base=c2pa-2026-12&amp;sum=[\w-]{12}"/);
  const [badge] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the badge (SVG)" }).click()]);
  const svgFile = join(tmpdir(), "badge.svg");
  await badge.saveAs(svgFile);
  assert.match(readFileSync(svgFile, "utf8"), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*role="img"/);
  await page.emulateMedia({ media: "print" });
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  const printed = await page.evaluate(() => {
    const report = document.getElementById("print-report");
    return { visible: getComputedStyle(report).display !== "none", main: getComputedStyle(document.getElementById("view")).display, rows: report.querySelectorAll(".print-answers tbody tr").length, text: report.textContent };
  });
  assert.equal(printed.visible, true);
  assert.equal(printed.main, "none");
  assert.equal(printed.rows, TOTAL);
  assert.match(printed.text, /c2pa\.org/);
  await context.close();
});

test("embed snippets cannot be broken out of by what a profile says", async () => {
  const { page, context } = await open();
  await page.fill("#process-name", 'x" onload="alert(1)');
  await page.fill("#answer-O1\\.1-note", "</script><!--<script>alert(2)</script>");
  await page.check("#answer-O1\\.1-option\\:public");
  await page.getByRole("button", { name: "Keep and share" }).click();
  await page.waitForSelector("#embed-script");
  const script = await page.inputValue("#embed-script");
  const frame = await page.inputValue("#embed-frame");
  assert.equal(script.match(/<\/script>/g).length, 2, "only the snippet's own closing tags");
  assert.ok(!script.includes("<!--"), script);
  assert.match(script, /\\u003c\/script>\\u003c!--\\u003cscript>alert\(2\)\\u003c\/script>/);
  assert.match(frame, /title="x&quot; onload=&quot;alert\(1\)"/);
  // The JSON inside the snippet still parses back to the profile.
  const json = script.slice(script.indexOf('json">') + 6, script.lastIndexOf("</script>\n</sdo"));
  assert.equal(JSON.parse(json).answers["O1.1"].note, "</script><!--<script>alert(2)</script>");
  await context.close();
});
