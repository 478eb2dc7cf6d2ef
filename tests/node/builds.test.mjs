// The two builds of the engine are one engine: pkg/node runs the code optimized for speed and
// pkg/web (what browsers download) the same code optimized for size (scripts/build.sh,
// docs/decisions/0007-speed-build-for-node.md). Each export must give the same output, text for
// text, or throw the same error (code, path, message, suggestion), on every preset, on generated
// profiles of both formats, on their JSON text with bytes changed, at the input limits, and on
// the analyses.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs, { readFileSync, readdirSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { fileURLToPath } from "node:url";
import { generator, lcg, revision } from "../oracle/generate.js";

const file = (p) => fileURLToPath(new URL(p, import.meta.url));
const SPEED = file("../../pkg/node/sdo_openness_speed.wasm");
const SIZE = file("../../pkg/web/sdo_openness_bg.wasm");

// The Node entry, watched as it loads: which .wasm it reads.
const read = [];
const readFile = fs.readFileSync;
fs.readFileSync = (path, ...rest) => (read.push(path instanceof URL ? fileURLToPath(path) : String(path)), readFile(path, ...rest));
syncBuiltinESMExports();
const speed = await import("../../pkg/node/index.js");
fs.readFileSync = readFile;
syncBuiltinESMExports();

// A second instance of the same glue (a module URL with a query is a module of its own), over
// the size build's .wasm.
const size = await import("../../pkg/web/sdo_openness.js?size-build");
size.initSync({ module: readFileSync(SIZE) });

test("the Node entry runs the speed build, which binds to the glue as the size build does", () => {
  assert.deepEqual(read, [SPEED]);
  const [a, b] = [SPEED, SIZE].map((p) => new WebAssembly.Module(readFileSync(p)));
  assert.notDeepEqual(readFileSync(SPEED), readFileSync(SIZE), "two builds, not one file twice");
  // By name: the glue hands over an imports object and reads exports by name, and wasm-opt
  // orders them as it likes.
  const names = (list) => list.map((x) => `${x.module ?? ""} ${x.name} ${x.kind}`).sort();
  assert.deepEqual(names(WebAssembly.Module.imports(a)), names(WebAssembly.Module.imports(b)));
  assert.deepEqual(names(WebAssembly.Module.exports(a)), names(WebAssembly.Module.exports(b)));
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
const tiny = { schema: "sdo-openness/profile/v2", process: { name: "x" }, answers: {} };
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
  const { next } = lcg(7);
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
  assert.ok(same("compare", []).error);
  assert.ok(same("sensitivity", v2.slice(0, 3), { draws: -1 }).error);
});

test("the input limits are the same: depth, text and string length, keys, values, profiles", () => {
  const nested = (depth) => JSON.stringify({ ...tiny, process: { name: "x", note: "n" }, extra: JSON.parse("[".repeat(depth) + "]".repeat(depth)) });
  const cases = {
    "depth 31 and 33": [nested(29), nested(33)],
    "text just under and over 1 MiB": [1, 2].map((k) => JSON.stringify({ ...tiny, process: { name: "x".repeat((1 << 20) - 120 + k * 100) } })),
    "a string over 64 KiB": [JSON.stringify({ ...tiny, process: { name: "é".repeat(40_000) } })],
    "257 keys": [JSON.stringify({ ...tiny, answers: Object.fromEntries(Array.from({ length: 257 }, (_, n) => [`k${n}`, 0])) })],
    "100,001 values": [`[${"0,".repeat(100_000)}0]`],
  };
  const codes = [];
  for (const [what, inputs] of Object.entries(cases)) {
    for (const input of inputs) {
      const r = same("score", input);
      assert.ok(r.error, `${what}: rejected`);
      codes.push(r.error.code);
      same("validate", input);
    }
  }
  assert.ok(codes.includes("too-deep") && codes.includes("too-large") && codes.includes("too-many"), codes.join(" "));
  assert.ok(same("compare", Array(10_001).fill(tiny)).error, "over the compare cap");
});
