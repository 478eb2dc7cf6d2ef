// Compare's long engine calls (validating, comparing and analysing every chosen process) run in a
// worker, so that the page's main thread stays free; the page falls back to the main thread where
// no worker can start, and draws the same comparison either way.
import { test } from "node:test";
import assert from "node:assert/strict";
import { suite } from "../support/browser.mjs";

const chromium = suite();

/**
 * Opens Compare with `setup` run first in the page, chooses every process, and returns what was
 * drawn, how many answers came from a worker, the longest main-thread task, and page errors.
 */
async function compareAll(setup) {
  const context = await chromium.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  await page.addInitScript(() => {
    window.__answers = 0;
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: "longtask", buffered: true });
    if (window.Worker) {
      const Native = window.Worker;
      window.Worker = class extends Native {
        constructor(...args) {
          super(...args);
          this.addEventListener("message", () => window.__answers++);
        }
      };
    }
  });
  if (setup) await page.addInitScript(setup);
  await page.goto(`${chromium.base}/www/?view=compare`);
  await page.waitForSelector(".compare-output table");
  for (const box of await page.$$(".choices input[type=checkbox]:not(:checked)")) {
    await box.check();
    await page.waitForFunction(() => !document.querySelector(".compare-output[aria-busy]"));
  }
  await page.waitForFunction((n) => document.querySelectorAll(".compare-output .data tbody tr").length > n, 8);
  const seen = await page.evaluate(() => ({
    text: document.querySelector(".compare-output").textContent,
    rows: document.querySelectorAll(".compare-output .data tbody tr").length,
    answers: window.__answers,
    longest: Math.round(window.__longest),
  }));
  await context.close();
  return { ...seen, problems };
}

test("Compare's analysis of every preset runs in the worker and draws what the main thread draws without one", async () => {
  const inWorker = await compareAll();
  const noWorker = await compareAll(() => {
    delete window.Worker;
  });
  const lostWorker = await compareAll(() => {
    // A worker that cannot load (a 404 here; a policy that forbids workers behaves alike).
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url, options) {
        super(new URL("/no-such-worker.js", location.href), options);
      }
    };
  });
  console.log(`longest main-thread task: worker ${inWorker.longest} ms, none ${noWorker.longest} ms, lost ${lostWorker.longest} ms`);
  assert.deepEqual([inWorker.problems, noWorker.problems, lostWorker.problems], [[], [], []]);
  assert.ok(inWorker.answers >= 7, `the worker answered each choice (${inWorker.answers})`);
  assert.equal(noWorker.answers, 0);
  assert.equal(lostWorker.answers, 0);
  assert.ok(inWorker.text.length > 1000);
  assert.equal(noWorker.text, inWorker.text, "same comparison on the main thread");
  assert.equal(lostWorker.text, inWorker.text, "same comparison after the worker failed to load");
});
