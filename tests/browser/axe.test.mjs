// axe-core over every view of the assessment page, with WCAG 2.2 A/AA and best-practice rules, in
// English and Arabic (right to left), light and dark, blank and with the IETF preset loaded.
import { test } from "node:test";
import assert from "node:assert/strict";
import { AxeBuilder } from "@axe-core/playwright";
import { suite } from "../support/browser.mjs";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"];
const VIEWS = ["assess", "report", "compare", "weights", "method", "share", "review"];
const chromium = suite();

for (const colorScheme of ["light", "dark"]) {
  for (const lang of ["en", "ar"]) {
    test(`every view is axe-clean with best-practice rules (${lang}, ${colorScheme})`, async () => {
      const context = await chromium.browser.newContext({ colorScheme, viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      const problems = [];
      page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
      await page.goto(`${chromium.base}/www/`);
      await page.waitForSelector("#view h2");
      if (lang !== "en") {
        await page.selectOption("#lang", lang);
        await page.waitForFunction((l) => document.documentElement.lang === l && document.querySelector("#view h2"), lang);
      }
      const found = [];
      for (const loaded of [false, true]) {
        if (loaded) {
          await page.goto(`${chromium.base}/www/?view=assess`);
          await page.waitForSelector("#view h2");
          await page.selectOption("#preset", "ietf");
          await page.locator("#preset + button").click();
          await page.waitForFunction(() => document.querySelector("#assessment option:checked")?.textContent.includes("IETF"));
        }
        // Blank, only the views that then show ranges and "insufficient data" instead of scores.
        for (const view of loaded ? VIEWS : ["assess", "report"]) {
          await page.goto(`${chromium.base}/www/?view=${view}`);
          await page.waitForFunction((l) => document.documentElement.lang === l && document.querySelector("#view h2"), lang);
          // Compare and the scorecard fill in once the engine has answered.
          if (view === "compare") await page.waitForSelector(".compare-output table, .compare-output .note");
          if (view === "assess") await page.waitForFunction(() => document.querySelector("#live")?.shadowRoot?.querySelector("section, [role=alert]"));
          const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
          for (const v of results.violations) found.push(`${loaded ? "ietf" : "blank"} ${view} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
        }
      }
      assert.deepEqual(found, []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}
