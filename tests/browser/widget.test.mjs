// The distributed widget bundle (pkg/widget) in Debian's Chromium: every profile source,
// batched re-rendering, theming, strict and wasm-forbidding CSPs, Arabic, axe-core, hostile
// profiles, the requests it makes, and the rule that no number outruns its data: a pillar or
// indicator that is not `scored` shows no score, band, band colour or meter position anywhere.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { serve } from "../../scripts/serve.mjs";
import { launchChromium, root } from "../support/package.mjs";

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'";
const NO_WASM = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'";
/** Nothing by default, and Trusted Types enforced with no policy: any HTML sink throws. */
const TRUSTED_TYPES = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'";
const example = JSON.parse(readFileSync(join(root, "tests/fixtures/open-working-group.json"), "utf8"));
const ALL = ["badge", "from-src", "badge-thin", "thin", "inline", "arabic-badge", "arabic"];

let browser, server, base;

before(async () => {
  // The same page, served four ways: no CSP, the strict CSP, a CSP that forbids WebAssembly, and
  // default-src 'none' with Trusted Types enforced.
  server = await serve({
    port: 0,
    headers: (path) => ({
      ...(/\/strict\//.test(path) ? { "content-security-policy": STRICT } : {}),
      ...(/\/nowasm\//.test(path) ? { "content-security-policy": NO_WASM } : {}),
      ...(/\/tt\//.test(path) ? { "content-security-policy": TRUSTED_TYPES } : {}),
    }),
    rewrite: (path) => path.replace(/\/(strict|nowasm|tt)\//, "/"),
  });
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function open(path, { colorScheme = "light" } = {}) {
  // A context per page: axe-core needs one, and nothing leaks between tests.
  const page = await (await browser.newContext({ colorScheme })).newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(base + path);
  return { page, problems, requests };
}

/** Waits until `id` has fired `count` events of `type` (scored or error). */
function settled(page, ids, type = "sdo-openness-scored") {
  return page.waitForFunction(
    ([ids, type]) => ids.every((id) => window.events?.some((e) => e.id === id && e.type === type)),
    [ids, type],
    { timeout: 15000 },
  );
}

const shadowText = (page, id) =>
  page.evaluate((id) => document.getElementById(id).shadowRoot.textContent.replace(/\s+/g, " "), id);
/** What a reader sees of a card, line by line as laid out (innerText), spaces collapsed. */
const seenText = (page, id) =>
  page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector("article").innerText.replace(/\s+/g, " "), id);

test("renders from src, inline JSON and the profile property", async () => {
  const { page, problems } = await open("/tests/browser/pages/widget.html");
  await settled(page, ALL);
  assert.match(await shadowText(page, "from-src"), /Example open working group.*Independently reviewed.*Openness.*94.*Strong.*Inclusion.*55\.4.*Partial/);
  assert.match(await shadowText(page, "inline"), /Inline profile.*Openness.*Insufficient data.*7–100.*Inclusion.*Insufficient data.*0–94\.3/);
  assert.equal(await shadowText(page, "badge"), "SDO opennessOpenness 94Inclusion 55independently reviewed");
  const label = await page.evaluate(() => document.getElementById("badge").shadowRoot.querySelector("[role=img]").getAttribute("aria-label"));
  assert.equal(label, "SDO openness — \u2068Example open working group\u2069: Openness 94, Strong; Inclusion 55, Partial; independently reviewed");
  await page.evaluate((profile) => {
    const card = document.createElement("sdo-openness-scorecard");
    card.id = "property";
    card.profile = { ...profile, process: { name: "Set as a property" } };
    document.querySelector("main").append(card);
  }, example);
  await settled(page, ["property"]);
  assert.match(await shadowText(page, "property"), /Set as a property.*94/);
  const report = await page.evaluate(() => document.getElementById("property").report.pillars.map((p) => p.score));
  assert.deepEqual(report, [94, 55.4]);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("a missing profile shows an accessible error in the box and fires the error event", async () => {
  const { page, problems } = await open("/tests/browser/pages/widget.html");
  await settled(page, ["missing"], "sdo-openness-error");
  const error = await page.evaluate(() => {
    const box = document.getElementById("missing").shadowRoot.querySelector("[role=alert]");
    return { text: box.textContent, detail: window.events.find((e) => e.id === "missing").detail };
  });
  assert.deepEqual(error, {
    text: "The profile could not be loaded.",
    detail: { code: "load-failed", path: "", message: "The profile could not be loaded." },
  });
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("several attribute changes cause one render, and each is honoured", async () => {
  const { page } = await open("/tests/browser/pages/widget.html");
  await settled(page, ["from-src"]);
  const after = await page.evaluate(async () => {
    const card = document.getElementById("from-src");
    const before = window.events.filter((e) => e.id === "from-src").length;
    card.setAttribute("lang", "fr");
    card.setAttribute("theme", "dark");
    card.weights = { O1: 100, O2: 0 };
    await new Promise((done) => card.addEventListener("sdo-openness-scored", done, { once: true }));
    await new Promise((done) => setTimeout(done, 300));
    return {
      renders: window.events.filter((e) => e.id === "from-src").length - before,
      weights: card.report.weights,
      text: card.shadowRoot.textContent,
      lang: card.shadowRoot.querySelector("article").getAttribute("lang"),
      background: getComputedStyle(card.shadowRoot.querySelector(".card")).backgroundColor,
    };
  });
  assert.equal(after.renders, 1);
  assert.equal(after.weights, "custom");
  assert.equal(after.lang, "fr");
  assert.match(after.text, /Pondérations personnalisées/);
  assert.equal(after.background, "rgb(13, 17, 23)");
  await page.context().close();
});

test("changing only the theme restyles the card without scoring or drawing it again", async () => {
  const { page } = await open("/tests/browser/pages/widget.html");
  await settled(page, ["from-src"]);
  const after = await page.evaluate(async () => {
    const card = document.getElementById("from-src");
    const before = window.events.filter((e) => e.id === "from-src").length;
    const node = card.shadowRoot.querySelector(".card");
    card.setAttribute("theme", "dark");
    await new Promise((done) => setTimeout(done, 300));
    return {
      renders: window.events.filter((e) => e.id === "from-src").length - before,
      same: card.shadowRoot.querySelector(".card") === node,
      background: getComputedStyle(card.shadowRoot.querySelector(".card")).backgroundColor,
    };
  });
  assert.deepEqual(after, { renders: 0, same: true, background: "rgb(13, 17, 23)" });
  await page.context().close();
});

test("custom properties theme it, and page CSS neither breaks it nor is broken by it", async () => {
  const { page } = await open("/tests/browser/pages/widget.html");
  await settled(page, ["from-src"]);
  const styles = await page.evaluate(() => {
    const hostile = document.createElement("style");
    hostile.textContent = "* { color: rgb(255, 0, 0) !important; font-size: 40px !important; } h2 { display: none !important; }";
    document.head.append(hostile);
    const card = document.getElementById("from-src");
    card.style.setProperty("--sdo-openness-bg", "rgb(1, 2, 3)");
    card.style.setProperty("--sdo-openness-fg", "rgb(250, 250, 250)");
    const inner = card.shadowRoot.querySelector(".card");
    const title = card.shadowRoot.querySelector("h2");
    const h1 = document.querySelector("h1");
    return {
      background: getComputedStyle(inner).backgroundColor,
      titleColor: getComputedStyle(title).color,
      titleDisplay: getComputedStyle(title).display,
      pageH1: getComputedStyle(h1).color,
      leaked: getComputedStyle(document.body).fontFamily.includes("system-ui"),
    };
  });
  assert.deepEqual(styles, {
    background: "rgb(1, 2, 3)",
    titleColor: "rgb(250, 250, 250)",
    titleDisplay: "block",
    pageH1: "rgb(255, 0, 0)",
    leaked: false,
  });
  await page.context().close();
});

test("works under a strict Content-Security-Policy", async () => {
  const { page, problems } = await open("/strict/tests/browser/pages/widget.html");
  await settled(page, ["badge", "from-src", "inline", "thin"]);
  assert.match(await shadowText(page, "from-src"), /94/);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("under default-src 'none' with Trusted Types enforced: every card renders, hostile text and evidence included, with no violation", async () => {
  const { page, problems } = await open("/tt/tests/browser/pages/widget.html");
  await settled(page, ALL);
  await settled(page, ["missing"], "sdo-openness-error");
  assert.match(await shadowText(page, "from-src"), /94/);
  const hostile = await page.evaluate(async (profile) => {
    const card = document.createElement("sdo-openness-scorecard");
    const done = new Promise((resolve) => card.addEventListener("sdo-openness-scored", resolve, { once: true }));
    card.profile = { ...profile, process: { ...profile.process, name: "<img src=x onerror=alert(1)>" } };
    document.querySelector("main").append(card);
    await done;
    for (const details of card.shadowRoot.querySelectorAll("details")) details.open = true;
    await new Promise((r) => setTimeout(r, 100));
    return { text: card.shadowRoot.textContent.includes("<img src=x onerror=alert(1)>"), evidence: card.shadowRoot.querySelectorAll("details.evidence li").length };
  }, example);
  assert.equal(hostile.text, true, "the name is shown as text");
  assert.ok(hostile.evidence > 0, "the evidence list was built");
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(problems, []);
  // The policy is enforced: an HTML sink in this page throws and is reported.
  const refused = await page.evaluate(() => {
    try {
      document.createElement("div").innerHTML = "<b>x</b>";
      return false;
    } catch (e) {
      return e instanceof TypeError;
    }
  });
  assert.equal(refused, true);
  await page.waitForFunction(() => window.violations.some((v) => v.startsWith("require-trusted-types-for")));
  await page.context().close();
});

test("a CSP that forbids WebAssembly shows the error state, never a blank box", async () => {
  const { page, problems } = await open("/nowasm/tests/browser/pages/widget.html");
  await settled(page, ["from-src", "badge"], "sdo-openness-error");
  const shown = await page.evaluate(() => ({
    text: document.getElementById("from-src").shadowRoot.querySelector("[role=alert]").textContent,
    code: window.events.find((e) => e.id === "from-src" && e.type === "sdo-openness-error").detail.code,
  }));
  assert.deepEqual(shown, { text: "The scoring engine could not start in this page.", code: "engine-failed" });
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("Arabic from the nearest ancestor: right-to-left, Arabic words and digits", async () => {
  const { page } = await open("/tests/browser/pages/widget.html");
  await settled(page, ["arabic"]);
  const arabic = await page.evaluate(() => {
    const article = document.getElementById("arabic").shadowRoot.querySelector("article");
    return { dir: getComputedStyle(article).direction, lang: article.getAttribute("lang"), text: article.textContent };
  });
  assert.equal(arabic.dir, "rtl");
  assert.equal(arabic.lang, "ar");
  assert.match(arabic.text, /المؤشرات/);
  const number = await page.evaluate(() => new Intl.NumberFormat("ar").format(18.5));
  assert.ok(arabic.text.includes(number), "scores formatted by Intl for Arabic");
  await page.context().close();
});

/** Band colours in both palettes (text, fills and badge backgrounds), as computed RGB. */
const BAND_COLOURS = ["#b42318", "#9a4a00", "#4d6b00", "#16713a", "#ff8e86", "#f2a65a", "#b5d35a", "#56d364"].map((hex) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
});

/**
 * Everything a reader could see of the insufficient-data parts of element `id`: their text, and
 * every colour computed on them and their descendants (text, background, background image,
 * borders, outline), with what else marks a score (meters, fills, band classes, valuenow).
 */
function inspectInsufficient(page, id) {
  return page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    const parts = [...root.querySelectorAll('[data-status="insufficient-data"]')];
    const colours = new Set();
    const marks = [];
    for (const part of parts) {
      for (const node of [part, ...part.querySelectorAll("*")]) {
        const style = getComputedStyle(node);
        for (const p of ["color", "backgroundColor", "backgroundImage", "borderTopColor", "borderBottomColor", "borderLeftColor", "borderRightColor", "outlineColor"]) colours.add(style[p]);
        for (const c of ["::before", "::after"]) colours.add(getComputedStyle(node, c).color);
        if (node.matches('[role="meter"], .meter, .fill, .bar, .score, .band, [aria-valuenow]') || [...node.classList].some((c) => /^b-(limited|partial|substantial|strong)$/.test(c))) {
          marks.push(node.outerHTML.slice(0, 80));
        }
      }
    }
    return { count: parts.length, texts: parts.map((p) => p.textContent.replace(/\s+/g, " ").trim()), colours: [...colours].join(" | "), marks, label: root.querySelector("[role=img]")?.getAttribute("aria-label") ?? null };
  }, id);
}

test("an error found before the reader's catalogue arrives waits for it and is shown in that language; a catalogue that cannot be loaded gives English throughout, never a blank box", async () => {
  // The Arabic and French catalogues are held back until the profile has failed to load and the
  // engine has arrived; then Arabic arrives and French is missing.
  const page = await (await browser.newContext()).newPage();
  const problems = [];
  const warnings = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  let release;
  const held = new Promise((done) => (release = done));
  await page.route("**/pkg/widget/locales/ar.json", async (route) => (await held, route.continue()));
  await page.route("**/pkg/widget/locales/fr.json", async (route) => (await held, route.fulfill({ status: 404, body: "" })));
  const failed = page.waitForResponse((r) => r.url().endsWith("/no/such/profile.json"));
  const engine = page.waitForResponse((r) => r.url().endsWith(".wasm"));
  await page.goto(`${base}/tests/browser/pages/languages.html`);
  await Promise.all([failed, engine]);
  await page.waitForTimeout(300);
  const ids = ["ar-missing", "ar-invalid", "fr-missing", "fr-invalid"];
  const early = await page.evaluate((ids) => ({ events: window.events.length, drawn: ids.filter((id) => document.getElementById(id).shadowRoot.childNodes.length > 0) }), ids);
  assert.deepEqual(early, { events: 0, drawn: [] }, "nothing is said in a language the card cannot speak yet");
  release();
  await settled(page, ids, "sdo-openness-error");
  const shown = await page.evaluate((ids) => Object.fromEntries(ids.map((id) => {
    const box = document.getElementById(id).shadowRoot.querySelector("[role=alert]");
    return [id, { text: box.textContent, lang: box.lang, dir: box.dir, code: window.events.find((e) => e.id === id).detail.code }];
  })), ids);
  const { ui } = JSON.parse(readFileSync(join(root, "www/locales/ar.json"), "utf8"));
  assert.deepEqual(shown["ar-missing"], { text: ui.errorLoad, lang: "ar", dir: "rtl", code: "load-failed" });
  assert.deepEqual(shown["ar-invalid"], { text: ui.errorInvalid.replace("{message}", `${ui["errors.invalid-language"]} (process.language)`), lang: "ar", dir: "rtl", code: "invalid-language" });
  assert.deepEqual(shown["fr-missing"], { text: "The profile could not be loaded.", lang: "en", dir: "ltr", code: "load-failed" });
  assert.deepEqual(shown["fr-invalid"], { text: "The profile is not valid: `English` is not a language tag such as `en`, `ar` or `zh-Hans`", lang: "en", dir: "ltr", code: "invalid-language" });
  assert.equal(warnings.filter((w) => w.includes('the "fr" catalogue could not be loaded (HTTP 404')).length, 1, warnings.join("\n"));
  assert.deepEqual(problems, []);
  await page.context().close();
});

for (const [lang, card, badge] of [["en", "thin", "badge-thin"], ["ar", "arabic", "arabic-badge"]]) {
  test(`an insufficient-data pillar shows no score, band or colour, only its range and coverage (${lang})`, async () => {
    const { page, problems } = await open("/tests/browser/pages/widget.html");
    await settled(page, [card, badge]);
    const words = await page.evaluate(async (lang) => {
      const catalogue = lang === "en" ? null : await (await fetch(`/pkg/widget/locales/${lang}.json`)).json();
      return catalogue ? { bands: Object.values(catalogue.bands), ui: catalogue.ui } : null;
    }, lang);
    const bands = words?.bands ?? ["Limited", "Partial", "Substantial", "Strong"];
    const t = words?.ui;
    const n = (x) => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(x);
    const report = await page.evaluate((id) => document.getElementById(id).report, card);
    const inclusion = report.pillars.find((p) => p.id === "I");
    assert.equal(inclusion.status, "insufficient-data");
    assert.equal(inclusion.score, null);

    // The card: the Inclusion pillar and the unscored indicator rows.
    const shown = await inspectInsufficient(page, card);
    const unscored = inclusion.indicators.filter((i) => i.status === "insufficient-data").length;
    assert.equal(shown.count, 1 + unscored + report.pillars[0].indicators.filter((i) => i.status === "insufficient-data").length);
    assert.deepEqual(shown.marks, [], "no meter, fill, score, band or band class");
    for (const colour of BAND_COLOURS) assert.ok(!shown.colours.includes(colour), `no band colour ${colour}: ${shown.colours}`);
    const [pillarText, ...rows] = shown.texts;
    for (const band of bands) assert.ok(!pillarText.includes(band), `no band name in “${pillarText}”`);
    assert.ok(pillarText.includes(t?.insufficientHead ?? "Insufficient data"), pillarText);
    assert.ok(pillarText.includes(`${n(8.7)}–${n(54.6)}`), `the range in “${pillarText}”`);
    assert.ok(pillarText.includes(n(14)) && pillarText.includes(n(28)), "the coverage: 14 of 28 questions");
    assert.ok(!pillarText.includes(n(18.5)), "not the other pillar's score either");
    for (const row of rows) assert.ok(row.includes(t?.insufficient ?? "insufficient data"), row);
    if (lang === "en") {
      assert.equal(
        pillarText,
        "InclusionInsufficient data8.7–54.6The score could be anywhere between 8.7 and 54.6. Too few questions are answered to publish a score." +
          "14 of 28 questions answered, carrying 54% of the weight0% of the weight backed by official, dated sources",
      );
    }

    // The badge: grey, "insufficient data 8–55" (the range 8.7–54.6 rounded outwards), and no band in what it says.
    const part = await page.evaluate((id) => {
      const node = document.getElementById(id).shadowRoot.querySelector('[data-status="insufficient-data"]');
      const style = getComputedStyle(node);
      return { text: node.textContent, background: style.backgroundColor, color: style.color };
    }, badge);
    assert.equal(part.background, "rgb(87, 96, 106)", "the no-score grey");
    assert.equal(part.color, "rgb(255, 255, 255)");
    const badgeShown = await inspectInsufficient(page, badge);
    assert.deepEqual(badgeShown.marks, []);
    for (const colour of BAND_COLOURS) assert.ok(!badgeShown.colours.includes(colour), colour);
    const label = badgeShown.label;
    const saidOfInclusion = label.split(";").find((s) => s.includes(lang === "en" ? "Inclusion" : "الشمول"));
    for (const band of bands) assert.ok(!saidOfInclusion.includes(band), saidOfInclusion);
    if (lang === "en") {
      assert.equal(part.text, "Inclusion insufficient data 8–55");
      assert.equal(label, "SDO openness — \u2068Example members-only committee\u2069: Openness 19, Limited, provisional, between 14.2 and 35.9; Inclusion: insufficient data, between 8.7 and 54.6; self-assessed");
    } else {
      assert.ok(part.text.includes(t.insufficient) && part.text.includes(`${n(8)}–${n(55)}`), part.text);
      assert.ok(label.includes(t["badgeReview.self-assessment"]), label);
    }
    assert.deepEqual(problems, []);
    await page.context().close();
  });
}

test("the card explains the provisional mark, the review, evidence quality, the methodology major and the warnings", async () => {
  const { page, problems } = await open("/tests/browser/pages/widget.html");
  await settled(page, ["thin", "arabic", "from-src", "arabic-badge"]);
  const thin = await seenText(page, "thin");
  assert.match(thin, /18\.5\*/);
  assert.match(thin, /\* provisional: 20 of 28 questions answered; the score could be between 14\.2 and 35\.9/);
  assert.match(thin, /Self-assessment Not reviewed by anyone independent of the assessor\./);
  assert.match(thin, /0% of the weight backed by official, dated sources/);
  assert.match(thin, /Scores under major version 2 of the methodology are not comparable with scores under any other major version\./);
  assert.match(thin, /\* provisional: not every question of the indicator is answered/);
  const warnings = await page.evaluate(() =>
    [...document.getElementById("thin").shadowRoot.querySelectorAll(".warnings li")].map((li) => [li.dataset.code, li.textContent]),
  );
  assert.match(thin, /Warnings \(27\)/);
  assert.deepEqual(warnings.map(([code]) => code), ["assessment-outdated", "answer-without-evidence", "not-found-without-search", "not-applicable-without-note"]);
  assert.match(warnings[1][1], /^An answer cites no evidence\. \(18\) — questions O1\.2, O3\.2, .* answer-without-evidence$/);
  assert.match(warnings[0][1], /^The assessment is more than a year old\. \(1\) assessment-outdated$/);

  const reviewed = await seenText(page, "from-src");
  assert.match(reviewed, /Independently reviewed Reviewed by \u2068Example reviewer\u2069 on October 20, 2026/);
  assert.match(reviewed, /40% of the weight backed by official, dated sources/);
  assert.ok(!reviewed.includes("*"), "a complete profile has no provisional mark");
  assert.ok(!/Warnings/.test(reviewed), "no warnings, no warnings box");

  const arabic = await page.evaluate(async () => {
    const { ui } = await (await fetch("/pkg/widget/locales/ar.json")).json();
    const root = document.getElementById("arabic").shadowRoot;
    return { ui, review: root.querySelector(".review").textContent, text: root.textContent, badge: document.getElementById("arabic-badge").shadowRoot.textContent };
  });
  assert.ok(arabic.review.includes(arabic.ui["reviewLevels.self-assessment"]), arabic.review);
  assert.ok(arabic.review.includes(arabic.ui.selfAssessed), arabic.review);
  assert.ok(arabic.badge.endsWith(arabic.ui["badgeReview.self-assessment"]), arabic.badge);
  assert.ok(arabic.text.includes(arabic.ui["warningCodes.answer-without-evidence"]));
  assert.ok(arabic.text.includes(arabic.ui.majorNote.replace("{major}", "2")));
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("evidence rows show the quote as text, the source type and the dates", async () => {
  const { page, problems } = await open("/tests/browser/pages/widget.html");
  await settled(page, ["from-src"]);
  const first = await page.evaluate(async () => {
    const details = document.getElementById("from-src").shadowRoot.querySelector("details.evidence");
    details.open = true;
    await new Promise((done) => details.addEventListener("toggle", done, { once: true }));
    const source = details.querySelector("li.source");
    return {
      quote: source.querySelector("q").textContent,
      text: source.textContent,
      links: [...source.querySelectorAll("a")].map((a) => [a.href, a.rel, a.target]),
    };
  });
  assert.equal(first.quote, "Every draft is in a public repository; no login.");
  assert.match(first.text, /\(official source, published January 10, 2024, checked October 15, 2026\)/);
  assert.match(first.text, /Checked the repository without an account\./);
  assert.deepEqual(first.links, [
    ["https://example.org/open-wg/drafts", "noopener noreferrer", "_blank"],
    ["https://web.archive.example/open-wg/drafts", "noopener noreferrer", "_blank"],
  ]);
  assert.deepEqual(problems, []);
  await page.context().close();
});

for (const colorScheme of ["light", "dark"]) {
  test(`axe-core finds no WCAG 2.2 A/AA violations (${colorScheme})`, async () => {
    const { page } = await open("/tests/browser/pages/widget.html", { colorScheme });
    await page.evaluate(() => {
      for (const el of document.querySelectorAll("sdo-openness-scorecard, sdo-openness-badge")) el.removeAttribute("theme");
    });
    await settled(page, ALL);
    await page.evaluate(async () => {
      for (const el of document.querySelectorAll("sdo-openness-scorecard")) for (const d of el.shadowRoot.querySelectorAll("details")) d.setAttribute("open", "");
      await new Promise((done) => setTimeout(done, 100)); // the evidence lists are built on toggle
    });
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"])
      .analyze();
    assert.deepEqual(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      [],
    );
    await page.context().close();
  });
}

test("hostile profiles render inert", async () => {
  const { page, problems } = await open("/tests/browser/pages/plain.html");
  const url = page.url();
  const hostile = [
    { name: "<script>alert(1)</script>", organization: "<img src=x onerror=alert(2)>", scope: "\u202Eevil\u202C" },
    { name: "x", url: "javascript:alert(3)" },
    { name: "y", url: "data:text/html,<script>alert(4)</script>" },
    { name: "n".repeat(1024 * 1024) },
  ];
  const results = await page.evaluate(async ([hostile, base]) => {
    const out = [];
    for (const [n, process] of hostile.entries()) {
      const card = document.createElement("sdo-openness-scorecard");
      card.id = `h${n}`;
      const answers = { "O1.1": { option: "public", note: "<b onmouseover=alert(5)>x</b>", evidence: [{ url: n === 0 ? "https://example.org/ok" : "javascript:alert(6)", quote: "<img src=x onerror=alert(8)>", note: "<script>alert(7)</script>", sourceType: "official" }] } };
      card.profile = { ...base, process, answers };
      document.querySelector("main").append(card);
      await new Promise((done) => {
        card.addEventListener("sdo-openness-scored", done, { once: true });
        card.addEventListener("sdo-openness-error", done, { once: true });
      });
      const root = card.shadowRoot;
      const details = root.querySelector("details.evidence");
      if (details) {
        details.open = true; // the evidence list is built when opened
        await new Promise((done) => details.addEventListener("toggle", done, { once: true }));
      }
      out.push({
        evidence: root.querySelector("details.evidence ul")?.textContent ?? null,
        text: root.textContent.slice(0, 200),
        scripts: root.querySelectorAll("script, img, iframe, object").length,
        handlers: [...root.querySelectorAll("*")].filter((e) => [...e.attributes].some((a) => a.name.startsWith("on"))).length,
        links: [...root.querySelectorAll("a")].map((a) => a.protocol),
        error: root.querySelector("[role=alert]")?.textContent ?? null,
      });
    }
    return out;
  }, [hostile, { schema: example.schema }]);
  await page.waitForTimeout(200);
  assert.deepEqual(problems, [], "no dialog, no page error");
  assert.equal(page.url(), url, "no navigation");
  for (const r of results) {
    assert.equal(r.scripts, 0);
    assert.equal(r.handlers, 0);
    assert.ok(r.links.every((p) => p === "https:" || p === "http:"), r.links.join());
  }
  assert.match(results[0].text, /<script>alert\(1\)<\/script>/, "shown as text");
  assert.match(results[0].text, /<img src=x onerror=alert\(2\)>/);
  assert.ok(!results[0].text.includes("\u202E"), "bidi overrides dropped");
  assert.match(results[0].evidence, /<img src=x onerror=alert\(8\)><script>alert\(7\)<\/script>/, "evidence quotes and notes shown as text");
  assert.match(results[1].error, /url must be an absolute http: or https: address/);
  assert.match(results[2].error, /url must be an absolute http: or https: address/);
  assert.match(results[3].error, /longer than/);
  await page.context().close();
});

test("a profile over the limit is rejected before any of it is decoded or written out (counted, not timed)", async () => {
  const { page, problems } = await open("/tests/browser/pages/plain.html");
  await page.waitForFunction(() => customElements.get("sdo-openness-scorecard"));
  const seen = await page.evaluate(async (schema) => {
    // Counts the work that grows with an input: decoding its bytes, and stringify calls on it
    // (the engine's own small strings, decoded from its memory, are not the input's).
    const work = { decoded: 0, stringified: 0 };
    const decode = TextDecoder.prototype.decode;
    let watched = null;
    TextDecoder.prototype.decode = function (input, ...rest) {
      if (input !== undefined && (input === watched || input.buffer === (watched?.buffer ?? watched))) work.decoded += input.byteLength;
      return decode.call(this, input, ...rest);
    };
    const stringify = JSON.stringify;
    JSON.stringify = (value, ...rest) => {
      if (value === watched) work.stringified++;
      return stringify(value, ...rest);
    };
    let shared = "x";
    for (let i = 0; i < 24; i++) shared = [shared, shared]; // 2^24 paths from 24 arrays
    const cases = {
      bytes: new Uint8Array(20e6),
      dataView: new DataView(new ArrayBuffer(2 << 20)),
      text: "x".repeat((1 << 20) + 1),
      shared: { schema, process: { name: "p" }, answers: {}, x: shared },
      small: new TextEncoder().encode(stringify({ schema, process: { name: "p" }, answers: {} })),
    };
    const out = {};
    for (const [name, value] of Object.entries(cases)) {
      Object.assign(work, { decoded: 0, stringified: 0 });
      watched = value;
      const card = document.createElement("sdo-openness-scorecard");
      const code = new Promise((resolve) => {
        card.addEventListener("sdo-openness-error", (e) => resolve(e.detail.code), { once: true });
        card.addEventListener("sdo-openness-scored", () => resolve("scored"), { once: true });
      });
      card.profile = value;
      document.querySelector("main").append(card);
      out[name] = { code: await code, ...work };
      card.remove();
    }
    return out;
  }, example.schema);
  assert.deepEqual(seen, {
    bytes: { code: "too-large", decoded: 0, stringified: 0 },
    dataView: { code: "too-large", decoded: 0, stringified: 0 },
    text: { code: "too-large", decoded: 0, stringified: 0 },
    shared: { code: "too-large", decoded: 0, stringified: 0 },
    // The counters see work where there is some: bytes within the limit are decoded.
    small: { code: "scored", decoded: seen.small.decoded, stringified: 0 },
  });
  assert.ok(seen.small.decoded > 50, `${seen.small.decoded} bytes decoded`);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("requests only its own files and the profile", async () => {
  const { page, requests } = await open("/tests/browser/pages/widget.html");
  await settled(page, ALL);
  const paths = [...new Set(requests.map((u) => new URL(u)))].map((u) => {
    assert.equal(u.origin, base, u.href);
    return u.pathname;
  });
  assert.deepEqual([...new Set(paths)].sort(), [
    "/no/such/profile.json",
    "/pkg/widget/elements/sdo-openness.js",
    "/pkg/widget/elements/sdo_openness_bg.wasm",
    "/pkg/widget/locales/ar.json",
    "/tests/browser/pages/record.js",
    "/tests/browser/pages/widget.html",
    "/tests/fixtures/members-only-committee.json",
    "/tests/fixtures/open-working-group.json",
    "/www/favicon.svg",
  ]);
  await page.context().close();
});

test("a page on another origin embeds both elements with the README snippet, under a strict CSP", async () => {
  // Origin A hosts the widget and the profile (with CORS, as any cross-origin module needs);
  // origin B is the standards body's page.
  const files = await serve({ port: 0, headers: () => ({ "access-control-allow-origin": "*" }) });
  const a = `http://127.0.0.1:${files.address().port}`;
  const page = `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Otra página</title></head><body><main>
    <script type="module" src="${a}/pkg/widget/elements/sdo-openness.js"></script>
    <sdo-openness-badge src="${a}/tests/fixtures/open-working-group.json"></sdo-openness-badge>
    <sdo-openness-scorecard src="${a}/tests/fixtures/open-working-group.json"></sdo-openness-scorecard>
  </main></body></html>`;
  const { createServer } = await import("node:http");
  const other = createServer((_, res) =>
    res
      .writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": `default-src 'none'; script-src ${a} 'wasm-unsafe-eval'; connect-src ${a}; style-src 'self'; img-src 'self'`,
      })
      .end(page),
  );
  await new Promise((done) => other.listen(0, "127.0.0.1", done));
  const b = `http://localhost:${other.address().port}`;
  const tab = await (await browser.newContext()).newPage();
  const problems = [];
  tab.on("pageerror", (e) => problems.push(e.message));
  await tab.goto(`${b}/`);
  await tab.waitForFunction(() => document.querySelector("sdo-openness-scorecard")?.report && document.querySelector("sdo-openness-badge")?.report, null, { timeout: 15000 });
  const text = await tab.evaluate(() => document.querySelector("sdo-openness-scorecard").shadowRoot.textContent);
  assert.match(text, /Apertura/, "localised from the page's lang");
  assert.match(text, /55,4/, "Spanish number format");
  assert.match(text, /Examen independiente/, "the review level, in Spanish");
  const results = await new AxeBuilder({ page: tab }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  assert.deepEqual(results.violations.map((v) => v.id), []);
  assert.deepEqual(problems, []);
  await tab.context().close();
  other.close();
  files.close();
});

test("the iframe page renders a profile from the URL fragment, in Arabic right-to-left", async () => {
  const { page, problems, requests } = await open("/www/embed.html");
  const packed = await page.evaluate(async (text) => (await import("/www/shared/fragment.js")).encodeProfile(text), JSON.stringify(example));
  await page.goto(`${base}/www/embed.html#lang=ar&theme=dark&profile=${packed}`);
  await page.waitForFunction(() => document.querySelector("sdo-openness-scorecard")?.report);
  const shown = await page.evaluate(() => {
    const card = document.querySelector("sdo-openness-scorecard");
    const article = card.shadowRoot.querySelector("article");
    return { dir: getComputedStyle(article).direction, lang: document.documentElement.lang, theme: card.getAttribute("theme"), name: card.report.process.name };
  });
  assert.deepEqual(shown, { dir: "rtl", lang: "ar", theme: "dark", name: "Example open working group" });
  await page.goto(`${base}/www/embed.html#profile=not-a-profile`);
  // Not a link the page made: no scorecard, and the page says the link is broken (links.test.mjs).
  await page.waitForSelector("#broken:not([hidden])");
  assert.equal(await page.isHidden("sdo-openness-scorecard"), true);
  assert.ok(!requests.some((u) => u.includes("profile=")), "the fragment is never sent");
  assert.deepEqual(problems, []);
  await page.context().close();
});
