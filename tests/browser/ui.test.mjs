// The elements as text a reader can trust and boxes that hold: untrusted strings isolated, long
// unbroken words wrapped, and sizing from the widget's own base rather than the host page's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "../support/package.mjs";
import { suite } from "../support/browser.mjs";

const example = JSON.parse(readFileSync(join(root, "tests/fixtures/open-working-group.json"), "utf8"));
const LONG = "x".repeat(200);
const chromium = suite();

/** Puts a scorecard (or badge) with `profile` into #box of the hostile host page; returns the page. */
async function mount(profile, { width = 1366, tag = "sdo-openness-scorecard", deviceScaleFactor = 1 } = {}) {
  const page = await (await chromium.browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor })).newPage();
  await page.goto(`${chromium.base}/tests/browser/pages/hostile-host.html`);
  await page.evaluate(
    ([profile, tag]) =>
      new Promise((resolve) => {
        const el = document.createElement(tag);
        el.id = "w";
        el.setAttribute("theme", "light");
        el.addEventListener("sdo-openness-scored", resolve);
        el.addEventListener("sdo-openness-error", resolve);
        el.profile = profile;
        document.getElementById("box").append(el);
      }),
    [profile, tag],
  );
  return page;
}

const longProfile = () => {
  const p = structuredClone(example);
  p.process.name = LONG;
  p.process.assessor = LONG;
  p.process.url = `https://example.org/${LONG}`;
  const first = Object.values(p.answers).find((a) => a.evidence?.length);
  first.evidence[0].note = LONG;
  first.evidence[0].url = `https://example.org/${LONG}`;
  return p;
};

for (const width of [1366, 390]) {
  test(`a 200-character unbroken name, assessor, URL and note never push a box past its container (${width} px)`, async () => {
    const page = await mount(longProfile(), { width });
    await page.evaluate(() => document.getElementById("w").shadowRoot.querySelectorAll("details").forEach((d) => (d.open = true)));
    const over = await page.evaluate(() => {
      const root = document.getElementById("w").shadowRoot;
      const boxes = [document.getElementById("box"), document.documentElement, ...root.querySelectorAll("article, section, p, li, div, h2, td, th, footer")];
      return boxes.filter((b) => b.scrollWidth > b.clientWidth + 1).map((b) => `${b.tagName}.${b.className}: ${b.scrollWidth} > ${b.clientWidth}`);
    });
    assert.deepEqual(over, []);
  });
}

test("the widget sizes from its own base: the host's root font-size and spacing do not leak in", async () => {
  const page = await mount(example);
  const seen = await page.evaluate(() => {
    const root = document.getElementById("w").shadowRoot;
    const style = (el) => getComputedStyle(el);
    const card = root.querySelector("article");
    const h2 = root.querySelector("h2");
    return {
      card: style(card).fontSize,
      padding: style(card).paddingInlineStart,
      h2: style(h2).fontSize,
      letter: style(h2).letterSpacing,
      word: style(h2).wordSpacing,
      line: parseFloat(style(card).lineHeight) / parseFloat(style(card).fontSize),
    };
  });
  assert.deepEqual(seen, { card: "16px", padding: "20px", h2: "20px", letter: "normal", word: "0px", line: 1.45 });
});

test("the reader's browser font-size setting is respected", async () => {
  const context = await chromium.browser.newContext();
  const page = await context.newPage();
  // Chromium's "font size" setting is the default (medium) font size; a CDP call sets it here.
  const cdp = await context.newCDPSession(page);
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: 24 } });
  await page.goto(`${chromium.base}/tests/browser/pages/hostile-host.html`);
  const size = await page.evaluate(
    (profile) =>
      new Promise((resolve) => {
        const el = document.createElement("sdo-openness-scorecard");
        el.addEventListener("sdo-openness-scored", () => resolve(getComputedStyle(el.shadowRoot.querySelector("article")).fontSize));
        el.profile = profile;
        document.getElementById("box").append(el);
      }),
    example,
  );
  assert.equal(size, "24px");
  await context.close();
});

test("an address that cannot be a link is shown isolated, and cannot reorder the sentence around it", async () => {
  const page = await (await chromium.browser.newContext()).newPage();
  await page.goto(`${chromium.base}/tests/browser/pages/hostile-host.html`);
  const seen = await page.evaluate(async () => {
    const { link } = await import("/www/elements/dom.js");
    const p = document.createElement("p");
    p.append("before ", link("not a url \u202Eevil \u05E9\u05DC\u05D5\u05DD", undefined), " after");
    document.body.append(p);
    const node = p.childNodes[1];
    return { tag: node.nodeName, text: node.textContent, line: p.innerText };
  });
  assert.equal(seen.tag, "BDI");
  assert.equal(seen.text.includes("\u202E"), false);
  assert.match(seen.line, /^before .* after$/);
});

test("process names in the comparison are isolated: an override or Hebrew name cannot reorder its sentence", async () => {
  const page = await (await chromium.browser.newContext()).newPage();
  await page.goto(`${chromium.base}/tests/browser/pages/hostile-host.html`);
  const seen = await page.evaluate(async () => {
    const { default: init, ...engine } = await import("/pkg/web/index.js");
    await init();
    const { messages, format } = await import("/www/elements/messages.js");
    const { PAGE } = await import("/www/app/i18n.js");
    const { comparison } = await import("/www/app/compare.js");
    const { analyse } = await import("/www/app/analysis.js");
    const words = await messages("en");
    const t = (key, values = {}) => format(PAGE.en[key] ?? key, values);
    const load = async (id) => (await fetch(`/www/presets/${id}.json`)).json();
    const entries = [
      { name: "\u202Eevil", profile: await load("ietf") },
      { name: "\u05E9\u05DC\u05D5\u05DD", profile: await load("w3c") },
    ];
    const nodes = comparison({ ...analyse(engine, entries.map((e) => e.profile), null), entries, words, t });
    const box = document.createElement("div");
    box.append(...nodes);
    document.body.append(box);
    return {
      overrides: box.textContent.includes("\u202E"),
      statements: [...box.querySelectorAll(".statements li")].map((li) => li.textContent),
    };
  });
  assert.equal(seen.overrides, false);
  assert.ok(seen.statements.length > 0);
  for (const s of seen.statements) assert.match(s, /\u2068[^\u2069]*\u2069/);
});

test("an unknown field name echoed in the error box carries no override controls, in English and French", async () => {
  const page = await (await chromium.browser.newContext()).newPage();
  await page.goto(`${chromium.base}/tests/browser/pages/hostile-host.html`);
  for (const lang of ["en", "fr"]) {
    const p = structuredClone(example);
    p.answers["\u202Eevil\u2066x"] = { option: "public" };
    const text = await page.evaluate(
      ([p, lang]) =>
        new Promise((resolve) => {
          const el = document.createElement("sdo-openness-scorecard");
          el.setAttribute("lang", lang);
          el.addEventListener("sdo-openness-error", () => resolve(el.shadowRoot.textContent), { once: true });
          el.addEventListener("sdo-openness-scored", () => resolve("scored"), { once: true });
          el.profile = p;
          document.getElementById("box").append(el);
        }),
      [p, lang],
    );
    assert.match(text, /evil/, `${lang}: the field is named`);
    assert.doesNotMatch(text, /[\u202A-\u202E\u2066-\u2069]/, `${lang}: no override or isolate control reaches the box`);
  }
});

test("the page's own sentences isolate names and strip override controls from what the engine quotes", async () => {
  const context = await chromium.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${chromium.base}/www/?view=share`);
  await page.waitForSelector("#import");
  const overrides = /[\u202A-\u202E\u2066\u2067]/;
  // An import's confirmation names the process between FSI and PDI, without its override.
  const named = structuredClone(example);
  named.process.name = "\u202Eevil\u202C";
  await page.setInputFiles("#import", { name: "named.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(named)) });
  await page.waitForFunction(() => document.querySelector(".status")?.textContent.includes("evil"));
  const said = await page.textContent(".status");
  assert.doesNotMatch(said, overrides, JSON.stringify(said));
  assert.ok(said.includes("\u2068evil\u2069"), JSON.stringify(said));
  // A refused import lists each error's path and message; both quote the unknown field's name.
  const bad = structuredClone(example);
  bad.answers["O1.\u202E9"] = { option: "public" };
  await page.setInputFiles("#import", { name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
  await page.waitForSelector(".status .error-text");
  const refused = await page.textContent(".status");
  assert.match(refused, /answers\["O1\.\\u202e9"\]/, "the path spells the control as an escape");
  assert.doesNotMatch(refused, overrides, JSON.stringify(refused));
  // Deleting asks by name, isolated.
  let asked = null;
  page.on("dialog", (dialog) => {
    asked = dialog.message();
    dialog.dismiss();
  });
  await page.getByRole("button", { name: "Delete this assessment" }).click();
  await page.waitForFunction(() => true);
  assert.ok(asked?.includes("\u2068evil\u2069"), JSON.stringify(asked));
  assert.doesNotMatch(asked, overrides);
  await context.close();
});

test("an address the engine accepts but no URL parser can read shows no override controls: the card and the page's views", async () => {
  // "https://exa\u202Emple.org/…" is an absolute https: address to the engine, but new URL()
  // refuses it, so it can never be a link: it is shown as text, isolated and without its override.
  const url = "https://exa\u202Emple.org/gro\u202Eup";
  const overrides = /[\u202A-\u202E\u2066\u2067]/;
  const p = structuredClone(example);
  p.process.url = url;
  const first = Object.values(p.answers).find((a) => a.evidence?.length);
  first.evidence[0].url = url;
  first.evidence[0].archiveUrl = url;
  const card = await mount(p);
  const shown = await card.$eval("#w", (el) => ({ scored: !el.shadowRoot.querySelector(".error"), text: el.shadowRoot.textContent }));
  assert.equal(shown.scored, true, "the engine accepts the address");
  assert.match(shown.text, /exa/);
  assert.doesNotMatch(shown.text, overrides, "card");
  await card.context().close();

  const context = await chromium.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${chromium.base}/www/?view=share`);
  await page.waitForSelector("#import");
  await page.setInputFiles("#import", { name: "url.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(p)) });
  await page.waitForFunction(() => document.querySelector(".status")?.textContent.includes("Example open working group") || document.querySelector(".status .error-text"));
  assert.equal(await page.$(".status .error-text"), null, "imported");
  // Every view the page draws, the report's printout included (in the page, hidden on screen).
  for (const view of ["assess", "report", "share"]) {
    await page.goto(`${chromium.base}/www/?view=${view}`);
    await page.waitForSelector("#view h2");
    if (view === "report") await page.waitForSelector(".print-answers", { state: "attached" });
    const text = await page.evaluate(() => document.body.textContent);
    assert.match(text, /exa/, `${view}: the address is shown`);
    assert.equal(text.match(/.{0,40}[\u202A-\u202E\u2066\u2067].{0,40}/)?.[0], undefined, `${view}: an override control is shown`);
  }
  // The embed snippet keeps the address, its control written as an escape the element reads back.
  assert.ok((await page.inputValue("#embed-script")).includes('"url":"https://exa\\u202emple.org/gro\\u202eup"'));
  await context.close();
});

test("a badge for a name with U+FFFE, U+FFFF, controls and lone surrogates is well-formed XML: it parses and loads as an image", async () => {
  const page = await (await chromium.browser.newContext()).newPage();
  await page.goto(`${chromium.base}/tests/browser/pages/hostile-host.html`);
  const seen = await page.evaluate(async (example) => {
    const { default: init, score, badgeSvg } = await import("/pkg/web/index.js");
    await init();
    const out = [];
    for (const name of ["a\uFFFEb\uFFFFc", "\u0001\u0008\u000B\u001F\u007F\u0085", "x\uD800y\uDFFFz", "\u202Eevil\u2066", "\uFDD0\u{10FFFF}"]) {
      const svg = badgeSvg(score({ ...example, process: { ...example.process, name } }));
      const parsed = new DOMParser().parseFromString(svg, "image/svg+xml");
      const img = new Image();
      const loaded = await new Promise((resolve) => {
        img.onload = () => resolve(img.naturalWidth > 0);
        img.onerror = () => resolve(false);
        img.src = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
      });
      out.push({ name, wellFormed: !parsed.querySelector("parsererror"), loaded });
    }
    // The check can fail: the first badge with its U+FFFD put back to U+FFFE does not parse.
    const raw = badgeSvg(score({ ...example, process: { ...example.process, name: out[0].name } })).replace("a\uFFFDb", "a\uFFFEb");
    const broken = !!new DOMParser().parseFromString(raw, "image/svg+xml").querySelector("parsererror");
    return { out, broken };
  }, example);
  assert.equal(seen.broken, true, "a raw U+FFFE makes the SVG ill-formed");
  for (const s of seen.out) assert.deepEqual([s.wellFormed, s.loaded], [true, true], JSON.stringify(s.name));
  await page.context().close();
});
