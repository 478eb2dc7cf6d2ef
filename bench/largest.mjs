// The widget's largest legal call, on the page's main thread, in Chromium: a scorecard given a
// profile of exactly 1 MiB (the engine's input limit; one byte more is rejected) as an object,
// as JSON text and as UTF-8 bytes, and what a rejected input over the limit costs. Per case: the
// time from setting `profile` to the `sdo-openness-scored` (or `-error`) event and the longest
// main-thread task a long-task observer saw meanwhile; medians of RUNS runs, interleaved by case.
// Reported, never asserted (issue 16): `node bench/largest.mjs`, and a section of `npm run bench`.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { QUICK, summary } from "./harness.mjs";

const RUNS = QUICK ? 3 : 9;
const LIMIT = 1 << 20;
const bytes = (value) => Buffer.byteLength(JSON.stringify(value));

/**
 * A valid profile whose JSON text is exactly 1 MiB: a fixture whose answers carry notes of the
 * longest length allowed (4,000 characters) and evidence entries (up to 20 an answer), each with
 * an address, a quote and a note of that length, as a thorough assessment of a large body could.
 */
export function largestProfile(root = new URL("..", import.meta.url)) {
  const profile = JSON.parse(readFileSync(new URL("tests/fixtures/open-working-group.json", root), "utf8"));
  const long = (n) => "x".repeat(n);
  const answers = Object.values(profile.answers);
  for (const answer of answers) answer.note = long(4000);
  for (let room = LIMIT - bytes(profile); room > 0; room = LIMIT - bytes(profile)) {
    const answer = answers.find((a) => (a.evidence ??= []).length < 20);
    if (room > 8300) {
      answer.evidence.push({ url: `https://example.org/evidence/${answer.evidence.length}`, quote: long(4000), note: long(4000), sourceType: "official", checkedOn: "2026-11-01" });
    } else if (room > 4100) {
      answer.evidence.push({ note: long(4000) });
    } else {
      // The last entry takes exactly what is left (at least 77 characters, by the steps above).
      const last = { note: "" };
      answer.evidence.push(last);
      last.note = long(LIMIT - bytes(profile));
    }
  }
  if (bytes(profile) !== LIMIT) throw new Error(`the largest profile is ${bytes(profile)} bytes`);
  return profile;
}

/** Medians per case, in ms: `{ name: { event, longestTask, code } }`. */
export async function measure(browser, base) {
  const profile = largestProfile();
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${base}/tests/browser/pages/plain.html`);
  await page.waitForFunction(() => customElements.get("sdo-openness-scorecard"));
  const raw = await page.evaluate(
    async ([profile, runs]) => {
      const text = JSON.stringify(profile);
      const cases = {
        "1 MiB profile, object": () => JSON.parse(text),
        "1 MiB profile, JSON text": () => text,
        "1 MiB profile, UTF-8 bytes": () => new TextEncoder().encode(text),
        "rejected: 1 MiB + 1 byte, JSON text": () => text.replace("{", "{ "),
        "rejected: Uint8Array(20e6)": () => new Uint8Array(20e6),
      };
      let longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
      }).observe({ type: "longtask" });
      const once = async (make) => {
        const value = make(); // built before the clock starts: the host's cost, not the widget's
        const card = document.createElement("sdo-openness-scorecard");
        await new Promise((r) => setTimeout(r, 50)); // earlier tasks reported and settled
        longest = 0;
        const start = performance.now();
        const done = new Promise((resolve) => {
          card.addEventListener("sdo-openness-scored", () => resolve("scored"), { once: true });
          card.addEventListener("sdo-openness-error", (e) => resolve(e.detail.code), { once: true });
        });
        card.profile = value;
        document.querySelector("main").append(card);
        const code = await done;
        const event = performance.now() - start;
        await new Promise((r) => setTimeout(r, 50)); // the long-task entry arrives after its task
        card.remove();
        return { event, longestTask: longest, code };
      };
      const out = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
      const names = Object.keys(cases);
      for (const name of names) await once(cases[name]); // warm-up
      for (let r = 0; r < runs; r++) {
        for (let k = 0; k < names.length; k++) {
          const name = names[(r + k) % names.length];
          out[name].push(await once(cases[name]));
        }
      }
      return out;
    },
    [profile, RUNS],
  );
  await page.context().close();
  return Object.fromEntries(
    Object.entries(raw).map(([name, runs]) => [
      name,
      { event: summary(runs.map((r) => r.event)), longestTask: summary(runs.map((r) => r.longestTask)), code: runs[0].code },
    ]),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { serve } = await import("../scripts/serve.mjs");
  const { launchChromium } = await import("../tests/support/package.mjs");
  const { machine } = await import("./harness.mjs");
  const server = await serve({ port: 0 });
  const browser = await launchChromium();
  try {
    const at = machine();
    const figures = await measure(browser, `http://127.0.0.1:${server.address().port}`);
    console.log(`${at.cpus} × ${at.model}, load average ${at.load.join(" ")} at start, ${machine().load.join(" ")} at end; medians of ${RUNS}`);
    for (const [name, f] of Object.entries(figures)) {
      // Chromium reports only tasks of 50 ms or more as long tasks.
      const task = f.longestTask.median ? `${f.longestTask.median.toFixed(0)} ms` : "none of 50 ms or more";
      console.log(`${name.padEnd(38)} ${f.code.padEnd(10)} to the event ${f.event.median.toFixed(1).padStart(6)} ms (min ${f.event.min.toFixed(1)}), longest task: ${task}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
}
