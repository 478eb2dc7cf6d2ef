// Differential test: the WebAssembly engine (the packed package) and the plain-JavaScript peer
// (tests/oracle/peer.js) must give identical outputs — the whole JSON, field order included, numbers bit
// for bit — for `score` on thousands of generated profiles, `compare` of several sizes,
// `sensitivity` (all three analyses, also against the typed-array peer tests/oracle/peer-sensitivity.js)
// under several seeds, spreads and draw counts, and `diff`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import * as engine from "../../pkg/node/index.js";
import * as peer from "../oracle/peer.js";
import * as typed from "../oracle/peer-sensitivity.js";
import { generator, revision, weightsFor } from "../oracle/generate.js";

// `diff` is built into the package; pkg/node re-exports it once it lists it.
const engineDiff = engine.diff ?? (await import("../../pkg/web/sdo_openness.js")).diff;
const data = engine.rubric();
const model = peer.prepare(data);
const AS_OF = "2026-11-23";

/** A seeded LCG for the test's own choices (options, sizes), apart from the generator's. */
function lcg(seed) {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296;
}

/** How many doubles lie between two numbers: 1 for a one-unit-in-the-last-place difference. */
function ulps(a, b) {
  const bits = (x) => {
    const i = new BigInt64Array(new Float64Array([x]).buffer)[0];
    return i < 0n ? -(i & 0x7fffffffffffffffn) : i;
  };
  const d = bits(a) - bits(b);
  return d < 0n ? -d : d;
}

/** The first place where two JSON values differ (key order and -0 included), or null. */
function firstDifference(e, p, path = "") {
  const isObject = (x) => typeof x === "object" && x !== null;
  if (isObject(e) && isObject(p) && Array.isArray(e) === Array.isArray(p)) {
    if (Array.isArray(e)) {
      for (let i = 0; i < Math.max(e.length, p.length); i++) {
        if (i >= e.length || i >= p.length) return { path: `${path}[${i}]`, engine: e[i], peer: p[i] };
        const d = firstDifference(e[i], p[i], `${path}[${i}]`);
        if (d) return d;
      }
      return null;
    }
    const [ek, pk] = [Object.keys(e), Object.keys(p)];
    for (let i = 0; i < Math.max(ek.length, pk.length); i++) {
      if (ek[i] !== pk[i]) {
        const key = ek[i] ?? pk[i];
        return { path: `${path}${path ? "." : ""}{keys}`, engine: ek, peer: pk, note: `keys differ at "${key}"` };
      }
      const d = firstDifference(e[ek[i]], p[ek[i]], `${path}${path ? "." : ""}${ek[i]}`);
      if (d) return d;
    }
    return null;
  }
  if (Object.is(e, p)) return null;
  const note = typeof e === "number" && typeof p === "number" && Number.isFinite(e) && Number.isFinite(p) ? `${ulps(e, p)} ulp apart` : undefined;
  return { path, engine: e, peer: p, note };
}

const show = (x) => (x === undefined ? "(absent)" : JSON.stringify(x));

/** Fails with the first difference, readably, and the input that produced it. */
function same(engineOut, peerOut, what, input) {
  const d = firstDifference(engineOut, peerOut);
  if (!d) return;
  const text = JSON.stringify(input);
  assert.fail(
    `${what}: first difference at ${d.path || "(root)"}\n  engine: ${show(d.engine)}\n  peer:   ${show(d.peer)}${d.note ? `\n  (${d.note})` : ""}\n  input: ${text.length > 20000 ? `${text.slice(0, 20000)}…` : text}`,
  );
}

function optionsFor(random) {
  const weights = weightsFor(data, random);
  return { ...(random() < 0.9 ? { asOf: AS_OF } : {}), ...(weights ? { weights } : {}) };
}

test("engine and peer agree on 3,000 generated profiles", () => {
  const profile = generator(7);
  const random = lcg(99);
  const seen = { states: new Set(), pillar: new Set(), indicator: new Set(), warnings: new Set(), formats: new Set(), recommendations: 0 };
  for (let n = 0; n < 3000; n++) {
    const p = profile(data, n);
    const options = optionsFor(random);
    const report = engine.score(p, options);
    same(report, peer.score(model, p, options), `profile ${n}`, { profile: p, options });
    seen.formats.add(report.format);
    seen.recommendations += report.recommendations.length;
    for (const w of report.warnings) seen.warnings.add(w.code);
    for (const pillar of report.pillars) {
      seen.pillar.add(pillar.status);
      for (const i of pillar.indicators) {
        seen.indicator.add(i.status);
        for (const e of i.elements) seen.states.add(e.state);
      }
    }
  }
  // The generated profiles reach every state, status, format and warning.
  assert.deepEqual([...seen.states].sort(), ["answered", "no-public-information", "not-applicable", "not-assessed"]);
  assert.deepEqual([...seen.pillar].sort(), ["insufficient-data", "scored"]);
  assert.deepEqual([...seen.indicator].sort(), ["insufficient-data", "not-applicable", "scored"]);
  assert.deepEqual([...seen.formats].sort(), ["sdo-openness/profile/v1", "sdo-openness/profile/v2"]);
  const codes = ["profile-v1", "v1-answer-dropped", "answer-without-evidence", "not-found-without-search", "evidence-mirror-only", "evidence-old", "not-applicable-without-note", "assessment-undated", "assessment-outdated", "unknown-process-field"];
  assert.deepEqual([...seen.warnings].sort(), codes.sort());
  assert.ok(seen.recommendations > 1000);
});

/** Hand-made profiles at the edges the generator reaches rarely or never. */
function edgeProfiles() {
  const v2 = (answers, extra = {}) => ({ schema: "sdo-openness/profile/v2", process: { name: "Edge", assessedOn: "2026-11-01", ...extra }, answers });
  const all = (answer) => Object.fromEntries(model.elements.map(({ element }) => [element.id, answer(element)]));
  const best = (e) => (e.scale.kind === "options" ? { option: e.scale.options[0].id } : { value: e.scale.points.find((q) => q[1] === 100)[0] });
  const worst = (e) => (e.scale.kind === "options" ? { option: e.scale.options.at(-1).id } : { value: e.scale.max });
  // The first `counts[i]` questions of each inclusion indicator answered, the rest not assessed:
  // the answered share is 0.7 exactly, 0.6999999999999998 in binary, scored only within 10⁻⁹.
  const counts = [2, 1, 3, 4, 4, 2, 3, 1, 1];
  const threshold = {};
  for (const { element } of model.elements.filter((e) => e.pillar === 0)) threshold[element.id] = best(element);
  data.pillars[1].indicators.forEach((indicator, i) => indicator.elements.slice(0, counts[i]).forEach((e) => (threshold[e.id] = worst(e))));
  return [
    v2({}),
    v2(all(() => ({ status: "not-applicable", note: "Does not apply." }))),
    v2(all(() => ({ status: "no-public-information", searched: ["https://example.org/search"] }))),
    v2(all(best)),
    v2(all(worst)),
    v2(threshold),
    // Numbers that are hard to read exactly: subnormal, just below a curve point, many digits.
    v2({ ...all(best), "O5.1": { value: 1e-320 }, "O5.4": { value: 4.999999999999999 }, "O6.3": { value: 49.99999999999999 } }),
    v2({ ...all(worst), "O5.1": { value: 4999.999999999999 }, "O5.4": { value: 0.30000000000000004 }, "O6.3": { value: 89.99999999999997 } }),
    v2(all(best), { assessedOn: "2025-11-23" }), // 365 days before asOf: not outdated
    v2(all(best), { assessedOn: "2025-11-22" }), // 366: outdated
    { schema: "sdo-openness/profile/v1", process: { name: "Edge" }, answers: { "O2.1": { option: "delay-or-some" }, "O7.1": { option: "paying" }, "O7.2": { option: "restricted" }, "I7.1": { option: "related" } } },
    { schema: "sdo-openness/profile/v1", process: { name: "Edge" }, answers: { "O2.1": { option: "free" }, "O7.1": { status: "no-public-information" }, "O7.2": { status: "not-applicable" }, "I7.1": { option: "required" } } },
  ];
}

test("engine and peer agree on edge profiles", () => {
  const weights = [undefined, { O1: 0, O2: 0, O3: 0, O4: 0, O5: 0, O6: 0, O7: 0, I1: 0.1, I2: 0.2, I3: 0.30000000000000004 }, { I7: 1000, O5: 1e-300 }, { O1: 5e-324, O5: 2.2250738585072014e-308, I1: 999.9999999999999, I2: 1.0000000000000002 }];
  edgeProfiles().forEach((p, n) => {
    for (const w of weights) {
      const options = { asOf: AS_OF, ...(w ? { weights: w } : {}) };
      same(engine.score(p, options), peer.score(model, p, options), `edge profile ${n}`, { profile: p, options });
    }
  });
  const profiles = edgeProfiles();
  same(engine.compare(profiles), peer.compare(model, profiles), "comparison of the edge profiles", profiles);
  same(engine.sensitivity(profiles, { draws: 100 }), peer.sensitivity(model, profiles, { draws: 100 }), "sensitivity of the edge profiles", profiles);
  same(engine.sensitivity(profiles, { draws: 100 }), typed.sensitivity(model, profiles, { draws: 100 }), "typed-array sensitivity of the edge profiles", profiles);
  // The threshold profile is scored on inclusion.
  assert.equal(engine.score(profiles[5]).pillars[1].status, "scored");
  assert.equal(profiles[5].answers["I9.1"].option, "none");
});

test("engine and peer agree on every real preset, alone and compared", () => {
  // The presets carry fields the generator may not (process.language came in unseen by the
  // peer): the real inputs are compared as well.
  const dir = new URL("../../www/presets/", import.meta.url);
  const presets = readdirSync(dir)
    .filter((f) => f.endsWith(".json") && f !== "official-hosts.json")
    .map((f) => JSON.parse(readFileSync(new URL(f, dir), "utf8")));
  assert.ok(presets.length >= 12);
  for (const p of presets) same(engine.score(p, { asOf: AS_OF }), peer.score(model, p, { asOf: AS_OF }), `preset ${p.process.name}`, p);
  same(engine.compare(presets), peer.compare(model, presets), "comparison of the presets", presets);
});

test("engine and peer agree on comparisons of 1 to 50 profiles", () => {
  const profile = generator(21);
  const random = lcg(5);
  let n = 0;
  for (const [size, rounds] of [[1, 10], [2, 20], [3, 20], [7, 15], [20, 8], [50, 4]]) {
    for (let r = 0; r < rounds; r++) {
      const profiles = [];
      while (profiles.length < size) {
        // Repeats give equal scores and equal ranges: ties.
        profiles.push(profiles.length && random() < 0.15 ? profiles[Math.floor(random() * profiles.length)] : profile(data, n++));
      }
      const options = optionsFor(random);
      same(engine.compare(profiles, options), peer.compare(model, profiles, options), `comparison of ${size}, round ${r}`, { profiles, options });
    }
  }
});

test("engine and peer agree on sensitivity analyses", () => {
  const profile = generator(11);
  const custom = { O1: 0, O2: 7.318263544, O5: 31.000000000000004, I7: 0.5, I9: 1000 };
  const cases = [
    [1, { draws: 200, seed: 1, spread: 0.5 }],
    [2, { draws: 100, seed: 0, spread: 0.5 }],
    [5, { draws: 50, seed: 7, spread: 0 }],
    [12, { draws: 300, seed: 42, spread: 0.9 }],
    [8, { draws: 120, seed: 4294967295, spread: 1, weights: custom }],
    [20, { draws: 40, seed: 123456, spread: 0.25 }],
    [3, undefined], // the defaults: 1,000 draws, seed 1, spread 0.5
    [50, { draws: 10, seed: 99, spread: 0.731 }],
  ];
  let n = 0;
  const seen = { scored: 0, unscored: 0, pairs: 0, partial: 0 };
  for (const [count, options] of cases) {
    const profiles = Array.from({ length: count }, () => profile(data, n++));
    if (count > 2) profiles[1] = profiles[0]; // a tie
    const e = engine.sensitivity(profiles, options);
    same(e, peer.sensitivity(model, profiles, options), `sensitivity of ${count} with ${JSON.stringify(options)}`, { profiles, options });
    same(e, typed.sensitivity(model, profiles, options), `typed-array sensitivity of ${count} with ${JSON.stringify(options)}`, { profiles, options });
    for (const p of e.pillars) {
      for (const b of p.profiles) seen[b.status === "scored" ? "scored" : "unscored"]++;
      for (const a of [p.weights, p.missing, p.both]) {
        seen.pairs += a.pairs.length;
        seen.partial += a.profiles.filter((s) => s.scored > 0 && s.scored < 1).length;
      }
    }
  }
  // Not vacuous: scored and unscored pillars, pairs, and pillars scored in some draws only.
  assert.ok(Object.values(seen).every((count) => count > 0), JSON.stringify(seen));
});

test("engine and peer agree on 500 diffs", () => {
  const profile = generator(31);
  const revise = revision(32);
  const random = lcg(3);
  for (let n = 0; n < 500; n++) {
    const old = profile(data, n);
    const roll = random();
    const next = roll < 0.05 ? old : revise(data, old, n, roll < 0.5 ? 0.9 : 0.5);
    const options = optionsFor(random);
    same(engineDiff(old, next, options), peer.diff(model, old, next, options), `diff ${n}`, { old, new: next, options });
  }
});
