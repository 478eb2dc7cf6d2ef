// The two builds of the engine are one engine: pkg/node runs the code optimized for speed and
// pkg/web (what browsers download) the same code optimized for size (scripts/build.sh,
// docs/decisions/0007-speed-build-for-node.md). Each export must give the same output, text for
// text, or throw the same error (code, path, message, suggestion), on every preset, on generated
// profiles of both formats, on their JSON text with bytes changed, and on the analyses.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import * as speed from "../../pkg/node/index.js";
import { generator, revision } from "../oracle/generate.js";

// A second instance of the same glue (a module URL with a query is a module of its own), over
// the size build's .wasm.
const size = await import("../../pkg/web/sdo_openness.js?size-build");
size.initSync({ module: readFileSync(new URL("../../pkg/web/sdo_openness_bg.wasm", import.meta.url)) });

test("the two builds are different files", () => {
  const bytes = (p) => readFileSync(new URL(p, import.meta.url));
  assert.notDeepEqual(bytes("../../pkg/node/sdo_openness_bg.wasm"), bytes("../../pkg/web/sdo_openness_bg.wasm"));
});

/** What a call gave: its output as JSON text, or the error it threw. */
function outcome(call) {
  try {
    const value = call();
    return { value: typeof value === "string" ? value : JSON.stringify(value) };
  } catch (e) {
    if (e?.name !== "ProfileError") throw e;
    return { error: { code: e.code, path: e.path, message: e.message, suggestion: e.suggestion } };
  }
}

/** Calls `name` with `args` on both builds and asserts the same outcome; returns it. */
function same(name, ...args) {
  const a = outcome(() => speed[name](...args));
  const b = outcome(() => size[name](...args));
  assert.deepEqual(a, b, `${name} differs between the builds`);
  return a;
}

const presets = readdirSync("www/presets")
  .filter((f) => f.endsWith(".json") && f !== "official-hosts.json")
  .map((f) => readFileSync(`www/presets/${f}`, "utf8"));
const make = generator(11);
const data = speed.rubric();
const generated = Array.from({ length: 300 }, (_, n) => make(data, n, { format: n % 3 ? "v2" : "v1" }));

test("score, validate and badgeSvg agree on every preset and on generated profiles", () => {
  for (const text of presets) {
    assert.ok(same("score", text).value, "a preset scores");
    same("validate", text);
    same("badgeSvg", same("score", text).value);
  }
  let scored = 0;
  for (const [n, profile] of generated.entries()) {
    const options = n % 4 === 0 ? { asOf: "2026-11-23" } : n % 4 === 1 ? { weights: { O1: 2, I3: 0.5 } } : undefined;
    if (same("score", profile, options).value) scored++;
    same("validate", profile);
  }
  assert.ok(scored > 250, `only ${scored} of 300 generated profiles scored`);
});

test("errors agree: JSON text with bytes changed, and values of the wrong kind", () => {
  let random = 7;
  const next = () => (random = (Math.imul(random, 1103515245) + 12345) >>> 0) / 4294967296;
  const codes = new Set();
  for (const text of [...presets, ...generated.slice(0, 60).map((p) => JSON.stringify(p))]) {
    for (let k = 0; k < 8; k++) {
      const at = Math.floor(next() * text.length);
      const by = ["", "x", "\"", "}", "[", "1e999", "\u0001", "é", "\\u", "-", ":"][Math.floor(next() * 11)];
      const changed = text.slice(0, at) + by + text.slice(at + 1 + Math.floor(next() * 3));
      const scored = same("score", changed);
      same("validate", changed);
      if (scored.error) codes.add(scored.error.code);
    }
  }
  for (const bad of [null, 1, "{", [], { schema: "x" }, { schema: "sdo-openness/profile/v2", process: { name: 7 }, answers: {} }]) {
    const r = same("score", bad);
    if (r.error) codes.add(r.error.code);
  }
  assert.ok(codes.size >= 5, `errors of too few kinds were compared: ${[...codes].join(", ")}`);
});

test("compare, sensitivity and diff agree", () => {
  const v2 = generated.filter((_, n) => n % 3);
  for (const count of [1, 2, 12, 50]) same("compare", v2.slice(0, count));
  same("compare", presets.map((t) => JSON.parse(t)));
  for (const options of [{ draws: 200 }, { draws: 500, seed: 9, spread: 0.8 }]) same("sensitivity", v2.slice(0, 12), options);
  const revise = revision(5);
  for (const profile of v2.slice(0, 40)) same("diff", profile, revise(data, profile));
  same("compare", []);
  same("sensitivity", v2.slice(0, 3), { draws: -1 });
});
