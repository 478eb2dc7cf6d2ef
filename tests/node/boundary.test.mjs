// The JavaScript half of the engine's boundary (src/js/boundary.js), without the WebAssembly:
// what `jsonText` hands the engine, what it throws instead, and that it decides in bounded work,
// counted (decodes, stringify calls, property reads) and never timed: timings are `npm run bench`'s.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fromAscii, itemCount, itemText, jsonText, path } from "../../src/js/boundary.js";
import { root } from "../support/package.mjs";

// The engine's limits, as src/wasm.rs passes them (src/input/json.rs `limits`).
const LIMITS = [1 << 20, 32, 64 * 1024, 100_000, 256];
const text = (value) => jsonText(value, ...LIMITS);
/** [code, path] of what jsonText throws for `value`, or "text" when it returns text. */
function problem(value) {
  try {
    text(value);
    return "text";
  } catch (e) {
    assert.equal(typeof e, "string", `throws "code\\npath", not ${e}`);
    return e.split("\n");
  }
}
const base = () => ({ schema: "sdo-openness/profile/v2", process: { name: "p" }, answers: {} });
const presets = readdirSync(join(root, "www/presets"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => readFileSync(join(root, "www/presets", f), "utf8"));

/**
 * Counts calls of TextDecoder's decode and of JSON.stringify (the two steps whose work grows with
 * the input) until `restore()`.
 */
function countWork() {
  const decode = TextDecoder.prototype.decode;
  const stringify = JSON.stringify;
  const counts = { decode: 0, stringify: 0 };
  TextDecoder.prototype.decode = function (...args) {
    counts.decode++;
    return decode.apply(this, args);
  };
  JSON.stringify = (...args) => {
    counts.stringify++;
    return stringify(...args);
  };
  return {
    counts,
    reset: () => Object.assign(counts, { decode: 0, stringify: 0 }),
    restore: () => {
      TextDecoder.prototype.decode = decode;
      JSON.stringify = stringify;
    },
  };
}

/** A proxy of `target` that adds one to `reads.n` for every property read and key listing. */
function counting(target, reads) {
  return new Proxy(target, {
    get: (t, k, r) => (reads.n++, Reflect.get(t, k, r)),
    ownKeys: (t) => (reads.n++, Reflect.ownKeys(t)),
  });
}

/** `[p, p]` nested `levels` deep, one array shared by both sides of each level: 2^(levels+1) paths. */
function countedPairs(reads, levels = 24) {
  let pairs = "x";
  for (let i = 0; i < levels; i++) pairs = counting([pairs, pairs], reads);
  return pairs;
}

/** `{a, b, c, d}` of one shared object, 12 levels deep: 4^12 paths. */
function countedFours(reads) {
  let fours = { a: "x" };
  for (let i = 0; i < 12; i++) fours = counting({ a: fours, b: fours, c: fours, d: fours }, reads);
  return fours;
}

test("objects are written as JSON.stringify writes them, non-finite numbers as 1e999", () => {
  for (const preset of presets) assert.equal(text(JSON.parse(preset)), JSON.stringify(JSON.parse(preset)));
  const date = new Date(Date.UTC(2026, 0, 2));
  assert.equal(text({ a: [undefined, () => 1], b: undefined, c: date, d: new String("s") }), `{"a":[null,null],"c":"${date.toJSON()}","d":"s"}`);
  assert.equal(text({ a: NaN, b: [-Infinity, "null"] }), '{"a":1e999,"b":[-1e999,"null"]}');
  assert.equal(text(undefined), "null");
  assert.equal(text("not json"), "not json");
});

test("bytes are read as UTF-8 JSON text, as readFileSync without an encoding returns it", () => {
  const json = '{"name":"Ünïcödé ✓"}';
  const buffer = Buffer.from(json); // from Node's pool: a view into a larger buffer
  const plain = new TextEncoder().encode(json);
  const shared = new Uint8Array(new SharedArrayBuffer(plain.length));
  shared.set(plain);
  for (const bytes of [buffer, plain, new Uint8ClampedArray(plain), new DataView(plain.buffer), plain.buffer, shared, shared.buffer]) {
    assert.equal(text(bytes), json, Object.prototype.toString.call(bytes));
  }
  // A view reads its own bytes only, not the rest of its buffer.
  const padded = new Uint8Array([32, ...plain, 32]);
  assert.equal(text(padded.subarray(1, plain.length + 1)), json);
  assert.equal(text(new DataView(padded.buffer, 1, plain.length)), json);
  // As TextDecoder reads it: the byte order mark dropped, a malformed sequence read as U+FFFD.
  assert.equal(text(Buffer.from("\uFEFF[1]")), "[1]");
  assert.equal(text(new Uint8Array([0x22, 0xff, 0x22])), '"\uFFFD"');
  // At the limit exactly it is read; one byte over, it is not.
  assert.equal(text(new Uint8Array(1 << 20).fill(32)).length, 1 << 20);
  assert.deepEqual(problem(new Uint8Array((1 << 20) + 1)), ["too-large", ""]);
});

test("binary data the engine cannot read is rejected at once, before stringify or toJSON", () => {
  const cases = {
    buffer: [Buffer.alloc(50e6), ["too-large", ""]],
    bytes: [new Uint8Array(50e6), ["too-large", ""]],
    arrayBuffer: [new ArrayBuffer(50e6), ["too-large", ""]],
    dataView: [new DataView(new ArrayBuffer(2 << 20)), ["too-large", ""]],
    float64: [new Float64Array(1e6), ["unsupported-value", ""]],
    int16: [new Int16Array(4), ["unsupported-value", ""]],
    bigInt64: [new BigInt64Array(4), ["unsupported-value", ""]],
    nestedBuffer: [{ ...base(), x: Buffer.alloc(50e6) }, ["unsupported-value", "x"]],
    nestedBytes: [{ ...base(), x: [new Uint8Array(50e6)] }, ["unsupported-value", "x[0]"]],
    nestedSmall: [{ ...base(), x: new Uint8Array(2) }, ["unsupported-value", "x"]],
    viaToJSON: [{ ...base(), x: { toJSON: () => new Uint8Array(50e6) } }, ["unsupported-value", "x"]],
  };
  // "At once" is counted, not timed: no byte of a rejected input is decoded or written out.
  const work = countWork();
  try {
    for (const [name, [value, expected]] of Object.entries(cases)) {
      work.reset();
      assert.deepEqual(problem(value), expected, name);
      assert.deepEqual(work.counts, { decode: 0, stringify: 0 }, `${name}: nothing decoded or written`);
    }
    // The counters see work where there is some: bytes within the limit are decoded once.
    work.reset();
    assert.equal(text(new TextEncoder().encode('{"a":1}')), '{"a":1}');
    assert.deepEqual(work.counts, { decode: 1, stringify: 0 });
  } finally {
    work.restore();
  }
  // A Buffer's toJSON copies every byte into an array: it is never called.
  const buffer = Buffer.alloc(8);
  buffer.toJSON = () => assert.fail("toJSON called");
  assert.deepEqual(problem({ b: buffer }), ["unsupported-value", "b"]);
});

test("shared sub-objects count every time they are reached, so the walk is bounded", () => {
  // Each level doubles the paths: 2^24 strings, or 4^12 objects, from a few dozen values.
  let pairs = "x";
  for (let i = 0; i < 24; i++) pairs = [pairs, pairs];
  let fours = { a: "x" };
  for (let i = 0; i < 12; i++) fours = { a: fours, b: fours, c: fours, d: fours };
  let shortString = "s";
  for (let i = 0; i < 40; i++) shortString = [shortString, shortString];
  // A 60,000-character string, reached 20 times: 1.2 MB of text.
  const note = "n".repeat(60000);
  const cases = {
    pairs: [{ ...base(), x: pairs }, "too-large-nodes"],
    fours: [{ ...base(), x: fours }, "too-large-nodes"],
    deeper: [{ ...base(), x: shortString }, "too-deep"],
    bytes: [{ ...base(), notes: new Array(20).fill(note) }, "too-large"],
    sharedBytes: [{ ...base(), notes: new Array(20).fill([note]) }, "too-large"],
  };
  for (const [name, [value, code]] of Object.entries(cases)) {
    assert.equal(problem(value)[0], code, name);
  }
  // Bounded is counted, not timed: the same shapes built of proxies that count every property
  // read. Each value is reached at most once per node the limit allows (100,000), where an
  // unbounded walk would read 2^25 and 4^13 of them.
  const [, , , maxNodes] = LIMITS;
  for (const [name, build] of Object.entries({ pairs: countedPairs, fours: countedFours })) {
    const reads = { n: 0 };
    assert.equal(problem({ ...base(), x: build(reads) })[0], "too-large-nodes", name);
    assert.ok(reads.n > 0 && reads.n <= 4 * maxNodes, `${name}: ${reads.n} reads`);
  }
  // The bound can fail: with no node limit, a smaller shape (2^19 paths) reads more than it.
  const unbounded = { n: 0 };
  const noNodeLimit = LIMITS.with(3, Infinity);
  assert.throws(() => jsonText({ ...base(), x: countedPairs(unbounded, 18) }, ...noNodeLimit));
  assert.ok(unbounded.n > 4 * maxNodes, `${unbounded.n} reads without the node limit`);
  assert.deepEqual(problem({ notes: new Array(20).fill(note) }), ["too-large", "notes[17]"]);
  // Under the limits, sharing is fine: written out as often as it is reached.
  const shared = { a: 1 };
  assert.equal(text([shared, shared]), '[{"a":1},{"a":1}]');
});

test("problems are named with the engine's paths, the first in depth-first order", () => {
  const cyclic = base();
  cyclic.answers.self = cyclic;
  const getter = {};
  Object.defineProperty(getter, "name", { enumerable: true, get: () => assert.fail("boom") });
  const cases = [
    [10n, ["unsupported-value", ""]],
    [{ a: [1, { b: 2n }] }, ["unsupported-value", "a[1].b"]],
    [{ "": { b: 1n } }, ["unsupported-value", '[""].b']],
    [{ p: getter }, ["unsupported-value", "p.name"]],
    [{ t: { toJSON: () => assert.fail("boom") } }, ["unsupported-value", "t"]],
    [cyclic, ["too-deep", new Array(16).fill("answers.self").join(".")]],
    [{ s: "x".repeat(64 * 1024 + 1) }, ["too-long", "s"]],
    [{ s: new String("x".repeat(64 * 1024 + 1)) }, ["too-long", "s"]],
    [{ ["k".repeat(64 * 1024 + 1)]: 1 }, ["too-long", ""]],
    [{ o: Object.fromEntries(Array.from({ length: 257 }, (_, i) => [`k${i}`, i])) }, ["too-many", "o"]],
    [() => 1, ["unsupported-value", ""]],
    [Symbol("s"), ["unsupported-value", ""]],
    ["x".repeat((1 << 20) + 1), ["too-large", ""]],
    [{ n: new Array(50000).fill(1.2345678901234567e-300) }, ["too-large", ""]],
  ];
  for (const [value, expected] of cases) assert.deepEqual(problem(value), expected);
  assert.equal(problem({ o: Object.fromEntries(Array.from({ length: 256 }, (_, i) => [`k${i}`, i])) }), "text");
});

test("paths are spelled by the engine's rule, for every case of tests/json-paths.json", () => {
  const { cases } = JSON.parse(readFileSync(join(root, "tests/json-paths.json"), "utf8"));
  assert.ok(cases.length >= 10);
  for (const { steps, path: expected } of cases) {
    assert.equal(path(steps), expected, JSON.stringify(steps));
    // The same path for a value rejected there: a BigInt at the end of the steps.
    let value = 1n;
    for (const s of [...steps].reverse()) {
      if (typeof s === "number") {
        const array = new Array(s + 1).fill(null);
        array[s] = value;
        value = array;
      } else value = { [s]: value };
    }
    assert.deepEqual(problem(value), ["unsupported-value", expected], JSON.stringify(steps));
  }
  // A lone surrogate, which only a JavaScript key can hold, is escaped too; a pair is kept.
  assert.equal(path(["a\ud800b"]), '["a\\ud800b"]');
  assert.equal(path(["\ud83d\ude00"]), '["\ud83d\ude00"]');
});

test("report text arrives as ASCII bytes, every other character escaped, numbers handed aside", () => {
  const bytes = new TextEncoder().encode('{"name":"\\u00e9\\ud83d\\ude00 \\u4e2d\\u202e","x":\u00010\u0001,"y":[\u00011\u0001]}');
  assert.deepEqual(fromAscii(bytes, [0.1, -2.5e-7]), { name: "é😀 中\u202e", x: 0.1, y: [-2.5e-7] });
  // A view into a larger buffer (the engine's memory) is read from its own offset and length.
  const memory = new Uint8Array(64);
  memory.set(new TextEncoder().encode('"ok"'), 10);
  assert.equal(fromAscii(memory.subarray(10, 14), []), "ok");
});

// ── compare() and sensitivity(): the cap on profiles, checked before any is read, and the byte
// limits per profile (issue 13). These go through the built package (pkg/node) as well.
const engine = await import("../../pkg/node/index.js");

test("text past ASCII comes back from the engine as it went in: every script, emoji, bidi controls", () => {
  const name = "Comité 中文 عربي Русский 😀 \u202eRTL\u202c \u0000\u001f \ufeff \u2028";
  const profile = { schema: "sdo-openness/profile/v2", process: { name, scope: "é".repeat(500) }, answers: {} };
  const report = engine.score(profile);
  assert.equal(report.process.name, name);
  assert.equal(report.process.scope, "é".repeat(500));
  assert.equal(engine.score(JSON.stringify(profile)).process.name, name);
});

/** An array of `n` items that counts every item read and every toJSON call. */
function counted(n, item) {
  const seen = { reads: 0, toJSON: 0 };
  const value = { ...item, toJSON: () => (seen.toJSON++, item) };
  const array = new Proxy(new Array(n).fill(value), {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) seen.reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { array, seen };
}

test("itemCount checks an array's length before any item is read; itemText reads one item", () => {
  const { array, seen } = counted(10_001, base());
  assert.throws(() => itemCount(array, 10_000), (e) => e === "too-many\n");
  assert.deepEqual(seen, { reads: 0, toJSON: 0 });
  assert.equal(itemCount(array, 10_001), 10_001);
  assert.equal(itemCount([], 10), 0);
  for (const whole of ["[]", { length: 3 }, new Uint8Array(2), null, Object.assign([1], { toJSON: () => [] })]) {
    assert.equal(itemCount(whole, 10), -1, "no plain array: read whole, as before");
  }
  assert.equal(itemText([base()], 0, ...LIMITS), JSON.stringify(base()));
  assert.equal(itemText([() => 1, Symbol("s"), undefined], 0, ...LIMITS), "null", "as stringify writes it in an array");
  assert.equal(itemText([undefined], 0, ...LIMITS), "null");
  const throwing = Object.defineProperty([], 0, { get: () => assert.fail("boom") });
  assert.throws(() => itemText(throwing, 0, ...LIMITS), (e) => e === "unsupported-value\n");
  // Each item is under the limits by itself: the path is its own (the engine adds [index]).
  assert.throws(() => itemText([{}, { s: "x".repeat(64 * 1024 + 1) }], 1, ...LIMITS), (e) => e === "too-long\ns");
});

test("compare() rejects 10,001 profiles at once, without reading or writing any of them", () => {
  const { array, seen } = counted(10_001, base());
  assert.throws(() => engine.compare(array), (e) => e.code === "too-many" && e.path === "" && /more than 10000 entries/.test(e.message));
  assert.deepEqual(seen, { reads: 0, toJSON: 0 }, "no item was read, no toJSON called");
  const { array: fifty, seen: read } = counted(51, base());
  assert.throws(() => engine.sensitivity(fifty), (e) => e.code === "too-many" && /more than 50 entries/.test(e.message));
  assert.deepEqual(read, { reads: 0, toJSON: 0 });
});

test("compare() holds each profile to the byte limit by itself, so 20 presets are accepted", () => {
  const ietf = JSON.parse(readFileSync(join(root, "www/presets/ietf.json"), "utf8"));
  assert.ok(JSON.stringify(Array(20).fill(ietf)).length > 1 << 20, "over the limit of one input together");
  const c = engine.compare(Array(20).fill(ietf));
  assert.equal(c.reports.length, 20);
  assert.deepEqual(c.reports[19], engine.score(ietf));
  // As JSON text, the batch is one input, within the limit of one input.
  assert.throws(() => engine.compare(JSON.stringify(Array(20).fill(ietf))), (e) => e.code === "too-large" && e.path === "");
  // Paths start at the profile's index.
  assert.throws(() => engine.compare([ietf, { a: [1, 2n] }]), (e) => e.code === "unsupported-value" && e.path === "[1].a[1]");
  assert.throws(() => engine.compare([ietf, "x".repeat((1 << 20) + 1)]), (e) => e.code === "too-large" && e.path === "[1]");
  assert.throws(() => engine.compare([ietf, { "": 1, b: 2, b2: 3 }, '{"a":1,"a":2}']), (e) => e.path.startsWith("[1]"));
  // Each profile is read and checked before the next is parsed: the first error in input order
  // wins, a profile's own error before a later one's broken JSON.
  assert.throws(() => engine.compare([{ schema: "x" }, "{"]), (e) => e.code === "unsupported-schema" && e.path === "[0].schema");
  assert.throws(() => engine.sensitivity([ietf, { schema: "x" }, "{"]), (e) => e.path === "[1].schema");
  // The options' own errors come before any profile's, as in the Rust API, however the profiles
  // are given.
  for (const profiles of [[{ schema: "x" }], JSON.stringify([{ schema: "x" }])]) {
    assert.throws(() => engine.compare(profiles, { weights: 5 }), (e) => e.path === "weights");
    assert.throws(() => engine.sensitivity(profiles, { draws: -1 }), (e) => e.path === "draws");
  }
});

test("compare() bounds the text of all profiles together at 64 MiB", () => {
  // Valid profiles with 16 strings of 63 KiB (unknown process fields, which only warn): about
  // 1 MiB of text per item, within the limit of one input. Each is read and checked before the
  // next, so the items must be valid for the total to be reached.
  const long = Object.fromEntries(Array.from({ length: 16 }, (_, k) => [`s${k}`, "x".repeat(63 * 1024)]));
  const big = { schema: "sdo-openness/profile/v2", process: { name: "Big", ...long }, answers: {} };
  const one = JSON.stringify(big).length;
  assert.ok(one < 1 << 20);
  const over = Math.floor((64 << 20) / one); // the first item past 64 MiB
  assert.throws(
    () => engine.compare(Array(over + 1).fill(big)),
    (e) => e.code === "too-large" && e.path === `[${over}]` && /larger than 67108864/.test(e.message),
  );
});
