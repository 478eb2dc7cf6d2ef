// The distributed widget bundle (pkg/widget) in Debian's Chromium: every profile source,
// batched re-rendering, theming, strict and wasm-forbidding CSPs, Arabic, axe-core, hostile
// profiles and the requests it makes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { serve } from "../../scripts/serve.mjs";
import { launchChromium, root } from "../support/package.mjs";

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'";
const NO_WASM = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'";
const example = JSON.parse(readFileSync(join(root, "examples/profile.json"), "utf8"));

let browser, server, base;

before(async () => {
  // The same page, served three ways: no CSP, the strict CSP, and a CSP that forbids WebAssembly.
  server = await serve({
    port: 0,
    headers: (path) => ({
      ...(/\/strict\//.test(path) ? { "content-security-policy": STRICT } : {}),
      ...(/\/nowasm\//.test(path) ? { "content-security-policy": NO_WASM } : {}),
    }),
    rewrite: (path) => path.replace(/\/(strict|nowasm)\//, "/"),
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

test("renders from src, inline JSON and the profile property", async () => {
  const { page, problems } = await open("/tests/browser/pages/widget.html");
  await settled(page, ["badge", "from-src", "inline", "arabic"]);
  assert.match(await shadowText(page, "from-src"), /Example working group.*Openness.*59\.3.*Partial.*provisional/);
  assert.match(await shadowText(page, "inline"), /Inline profile.*Openness.*100/);
  assert.match(await shadowText(page, "badge"), /^SDO opennessOpenness 59\*Inclusion 41\*$/);
  const label = await page.evaluate(() => document.getElementById("badge").shadowRoot.querySelector("[role=img]").getAttribute("aria-label"));
  assert.equal(label, "SDO openness — Example working group: Openness 59, Partial, provisional; Inclusion 41, Partial, provisional");
  await page.evaluate((profile) => {
    const card = document.createElement("sdo-openness-scorecard");
    card.id = "property";
    card.profile = { ...profile, process: { name: "Set as a property" } };
    document.querySelector("main").append(card);
  }, example);
  await settled(page, ["property"]);
  assert.match(await shadowText(page, "property"), /Set as a property.*59\.3/);
  const report = await page.evaluate(() => document.getElementById("property").report.pillars.map((p) => p.score));
  assert.deepEqual(report, [59.3, 40.5]);
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
  await settled(page, ["badge", "from-src", "inline"]);
  assert.match(await shadowText(page, "from-src"), /59\.3/);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(problems, []);
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
  const number = await page.evaluate(() => new Intl.NumberFormat("ar").format(59.3));
  assert.ok(arabic.text.includes(number), "scores formatted by Intl for Arabic");
  await page.context().close();
});

for (const colorScheme of ["light", "dark"]) {
  test(`axe-core finds no WCAG 2.2 A/AA violations (${colorScheme})`, async () => {
    const { page } = await open("/tests/browser/pages/widget.html", { colorScheme });
    await page.evaluate(() => {
      for (const el of document.querySelectorAll("sdo-openness-scorecard, sdo-openness-badge")) el.removeAttribute("theme");
    });
    await settled(page, ["badge", "from-src", "inline", "arabic"]);
    await page.evaluate(() => {
      for (const el of document.querySelectorAll("sdo-openness-scorecard")) el.shadowRoot.querySelector("details")?.setAttribute("open", "");
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
      const answers = { "O1.1": { option: "public", note: "<b onmouseover=alert(5)>x</b>", evidence: [{ url: n === 0 ? "https://example.org/ok" : "javascript:alert(6)", note: "<script>alert(7)</script>" }] } };
      card.profile = { ...base, process, answers };
      document.querySelector("main").append(card);
      await new Promise((done) => {
        card.addEventListener("sdo-openness-scored", done, { once: true });
        card.addEventListener("sdo-openness-error", done, { once: true });
      });
      const root = card.shadowRoot;
      const details = root.querySelector("details");
      if (details) {
        details.open = true; // the evidence list is built when opened
        await new Promise((done) => details.addEventListener("toggle", done, { once: true }));
      }
      out.push({
        evidence: root.querySelector("details ul")?.textContent ?? null,
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
  assert.match(results[0].evidence, /— <script>alert\(7\)<\/script>/, "evidence notes shown as text");
  assert.match(results[1].error, /url must be an absolute http: or https: address/);
  assert.match(results[2].error, /url must be an absolute http: or https: address/);
  assert.match(results[3].error, /longer than/);
  await page.context().close();
});

test("requests only its own files and the profile", async () => {
  const { page, requests } = await open("/tests/browser/pages/widget.html");
  await settled(page, ["badge", "from-src", "inline", "arabic"]);
  const paths = [...new Set(requests.map((u) => new URL(u)))].map((u) => {
    assert.equal(u.origin, base, u.href);
    return u.pathname;
  });
  assert.deepEqual([...new Set(paths)].sort(), [
    "/examples/profile.json",
    "/no/such/profile.json",
    "/pkg/widget/elements/sdo-openness.js",
    "/pkg/widget/elements/sdo_openness_bg.wasm",
    "/pkg/widget/locales/ar.json",
    "/tests/browser/pages/record.js",
    "/tests/browser/pages/widget.html",
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
    <sdo-openness-badge src="${a}/examples/profile.json"></sdo-openness-badge>
    <sdo-openness-scorecard src="${a}/examples/profile.json"></sdo-openness-scorecard>
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
  assert.match(text, /59,3/, "Spanish number format");
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
  assert.deepEqual(shown, { dir: "rtl", lang: "ar", theme: "dark", name: "Example working group" });
  await page.goto(`${base}/www/embed.html#profile=not-a-profile`);
  await page.waitForFunction(() => document.querySelector("sdo-openness-scorecard").shadowRoot.querySelector("[role=alert]"));
  assert.ok(!requests.some((u) => u.includes("profile=")), "the fragment is never sent");
  assert.deepEqual(problems, []);
  await page.context().close();
});
