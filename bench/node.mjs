// Node section of `npm run bench`: score() on every real preset and on generated profiles, through
// the published API (pkg/node), interleaved with the JavaScript peer, the peer with ajv validation
// and the formula's own cost; compare() per-profile cost by size against the engine's cap;
// sensitivity() against both JavaScript peers; wasm memory over many calls.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import * as engine from "../pkg/node/index.js";
import { initSync } from "../pkg/web/sdo_openness.js";
import * as peer from "../tests/oracle/peer.js";
import * as typed from "../tests/oracle/peer-sensitivity.js";
import { generator } from "../tests/oracle/generate.js";
import { interleave, ms, printScoreRows, QUICK, summary } from "./harness.mjs";

const data = engine.rubric();
const model = peer.prepare(data);
const ajv = new Ajv2020({ strict: true, allErrors: false });
const validateSchema = ajv.compile(JSON.parse(readFileSync("schema/profile.schema.json", "utf8")));
const formulaNote = "formula = the typed-array peer's pillar scores from pre-read points (tests/oracle/peer-sensitivity.js prepareFormula), no report";

/** The cap on compare()'s profiles, read from the package by asking it (no limit is exported yet). */
export function compareCap() {
  const tiny = { schema: "sdo-openness/profile/v2", process: { name: "x" }, answers: {} };
  try {
    engine.compare(Array(10_001).fill(tiny));
    return 10_001;
  } catch (e) {
    const m = /more than (\d+)/.exec(e.message);
    return m ? Number(m[1]) : null;
  }
}

function scoreRows(label, profiles) {
  const formula = prepareFormulaOf(profiles);
  let i = 0;
  const next = () => profiles[i++ % profiles.length];
  const r = interleave({
    engine: () => engine.score(next()),
    peer: () => peer.score(model, next()),
    "peer+ajv": () => {
      const p = next();
      if (!validateSchema(p)) throw new Error("ajv rejected a valid profile");
      return peer.score(model, p);
    },
    formula: () => formula(i++ % profiles.length),
  }, { calls: QUICK ? 20 : 100 });
  return { input: label, ...r };
}
const prepareFormulaOf = (profiles) => typed.prepareFormula(model, profiles);

export function run() {
  const out = { note: formulaNote, score: [], compare: [], sensitivity: [], memory: {} };
  // The one instance pkg/node made of the speed build (it shares pkg/web's glue, whose initSync
  // hands back the instance already made, ignoring the module given): its memory only grows, so
  // its size is read at the start and after the compare rows too.
  const { memory } = initSync({ module: readFileSync("pkg/node/sdo_openness_speed.wasm") });
  const mem = () => memory.buffer.byteLength;
  out.memory.start = mem();
  const presets = readdirSync("www/presets").filter((f) => f.endsWith(".json") && f !== "official-hosts.json").sort();
  const presetProfiles = presets.map((f) => JSON.parse(readFileSync(`www/presets/${f}`, "utf8")));
  for (const [k, f] of presets.entries()) out.score.push(scoreRows(`preset ${f}`, [presetProfiles[k]]));
  out.score.push(scoreRows("all presets (rotating)", presetProfiles));
  const make = generator(5);
  // v2 profiles only: the JSON Schema ajv checks is the v2 format.
  const generated = Array.from({ length: 1000 }, (_, n) => make(data, n, { format: "v2" }));
  const bySize = (lo, hi) => generated.filter((p) => { const n = JSON.stringify(p).length; return n >= lo && n < hi; });
  for (const [label, lo, hi] of [["generated < 5 KB", 0, 5e3], ["generated 5–20 KB", 5e3, 2e4], ["generated ≥ 20 KB", 2e4, 1e9]]) {
    const set = bySize(lo, hi).slice(0, 50);
    if (set.length) out.score.push(scoreRows(`${label} (${set.length} profiles)`, set));
  }

  const cap = compareCap();
  out.compareCap = cap;
  // Profiles under 5 KB (about a quarter of the generated ones), the same mix at every size: 10,000
  // of the whole mix (8.5 KB on average) are over the 64 MiB that one call takes in all.
  const small = bySize(0, 5e3);
  out.compareProfiles = `${small.length} generated v2 profiles < 5 KB, in rotation`;
  for (const size of [10, 100, 1000, 10_000]) {
    const profiles = Array.from({ length: size }, (_, n) => small[n % small.length]);
    let failure = null;
    const reps = size >= 1000 ? (QUICK ? 1 : 3) : QUICK ? 3 : 7;
    const r = interleave({
      engine: () => { try { engine.compare(profiles); } catch (e) { failure = `${e.code}: ${e.message}`; } },
      peer: () => peer.compare(model, profiles),
    }, { reps });
    const per = (s) => ({ min: s.min / size, median: s.median / size });
    out.compare.push({ profiles: size, overCap: cap !== null && size > cap, rejected: failure, engine: per(r.engine), peer: per(r.peer) });
  }

  out.memory.afterCompareRows = mem();
  out.cold = coldCalls(QUICK ? 3 : 7);
  out.cli = cliBatch(small, QUICK ? [1, 10, 100, 1000] : [1, 10, 100, 1000, 10_000], QUICK ? 1 : 3);

  const twelve = generated.slice(0, 12);
  for (const draws of QUICK ? [1000] : [1000, 10_000]) {
    const o = { draws, seed: 1, spread: 0.5 };
    const r = interleave({ engine: () => engine.sensitivity(twelve, o), peer: () => peer.sensitivity(model, twelve, o), "typed peer": () => typed.sensitivity(model, twelve, o) }, { reps: draws > 1000 ? 3 : QUICK ? 3 : 7 });
    out.sensitivity.push({ profiles: 12, draws, ...r });
  }

  const calls = QUICK ? 10_000 : 100_000;
  const before = mem();
  const ietf = presetProfiles[presets.indexOf("ietf.json")];
  for (let i = 0; i < calls; i++) engine.score(ietf);
  out.memory.score = { calls, before, after: mem() };
  const largest = Array.from({ length: Math.min(cap ?? 50, 10_000) }, (_, n) => small[n % small.length]);
  try { engine.compare(largest); out.memory.compare = { profiles: largest.length, after: mem() }; } catch (e) { out.memory.compare = { profiles: largest.length, rejected: e.code, after: mem() }; }
  try { engine.sensitivity(largest.slice(0, 50), { draws: QUICK ? 1000 : 10_000 }); out.memory.sensitivity = { profiles: 50, after: mem() }; } catch (e) { out.memory.sensitivity = { rejected: e.code, after: mem() }; }
  return out;
}

/**
 * The first score() after the package is imported (the WebAssembly compiled and instantiated), in
 * new Node processes: import, first call and the median of the next 20 calls of the IETF preset.
 */
function coldCalls(runs) {
  const script = `
    const t0 = performance.now();
    const e = await import(${JSON.stringify(new URL("../pkg/node/index.js", import.meta.url).href)});
    const t1 = performance.now();
    const p = JSON.parse((await import("node:fs")).readFileSync("www/presets/ietf.json", "utf8"));
    const t2 = performance.now(); e.score(p); const t3 = performance.now();
    const warm = []; for (let i = 0; i < 20; i++) { const s = performance.now(); e.score(p); warm.push(performance.now() - s); }
    warm.sort((a, b) => a - b);
    console.log(JSON.stringify({ init: t1 - t0, first: t3 - t2, warm: warm[10] }));`;
  const rows = Array.from({ length: runs }, () => JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" })));
  const of = (k) => summary(rows.map((r) => r[k]));
  return { runs, init: of("init"), first: of("first"), warm: of("warm") };
}

/** `sdo-openness score` of `profiles.length` files in one process (json to stdout), whole process. */
/**
 * `sdo-openness score` of `sizes` files in one process each, the sizes in rotating order, `runs`
 * rounds; files are `profiles` in rotation, written once. Each run includes starting Node and
 * the engine, so the per-file figure is the cost past a one-file run: (t(n) − t(1)) / (n − 1).
 */
function cliBatch(profiles, sizes, runs) {
  const dir = mkdtempSync(join(tmpdir(), "sdo-bench-"));
  try {
    const largest = Math.max(...sizes);
    const files = Array.from({ length: largest }, (_, n) => {
      const f = join(dir, `p${String(n).padStart(5, "0")}.json`);
      writeFileSync(f, JSON.stringify(profiles[n % profiles.length], null, 2));
      return f;
    });
    const times = Object.fromEntries(sizes.map((n) => [n, []]));
    for (let r = 0; r < runs; r++) {
      for (let k = 0; k < sizes.length; k++) {
        const n = sizes[(k + r) % sizes.length];
        const t = performance.now();
        try {
          execFileSync(process.execPath, ["bin/sdo-openness.js", "score", ...files.slice(0, n)], { stdio: ["ignore", "ignore", "ignore"] });
        } catch (e) {
          if (e.status !== 1) throw e; // 1: some generated profile has an error, reported per file
        }
        times[n].push(performance.now() - t);
      }
    }
    const one = summary(times[1]);
    const rows = sizes.filter((n) => n > 1).map((n) => {
      const s = summary(times[n]);
      return { files: n, ...s, perFile: { median: (s.median - one.median) / (n - 1) } };
    });
    return { runs, one, rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints the section's table: min and median per contender, ratios of medians. */
export function print(out) {
  console.log(`\nNode, score() per call (${out.note}); engine/x = ratio of medians, < 1: the engine is faster`);
  printScoreRows(out.score);
  const c = out.cold;
  console.log(`\nNode, cold: import of pkg/node ${ms(c.init.median)}, first score() of the IETF preset ${ms(c.first.median)}, then ${ms(c.warm.median)} per call (medians of ${c.runs} new processes)`);
  const b = out.cli;
  console.log(`CLI batch: sdo-openness score of n generated files (< 5 KB, as compare()) in one process; one file ${ms(b.one.median)} (starting Node and the engine); per file past that, (t(n) − t(1)) / (n − 1), medians of ${b.runs}:`);
  // The first few calls run before V8 has optimized the engine's code (the cold first score() is
  // tens of milliseconds), so 10 files measure warm-up more than batch cost: the ratio is to 100.
  const at100 = b.rows.find((r) => r.files === 100)?.perFile.median;
  for (const r of b.rows) console.log(`${String(r.files).padStart(6)} files: ${ms(r.median)} in all, ${ms(r.perFile.median)} per file${at100 ? `, ×${(r.perFile.median / at100).toFixed(2)} of 100 files` : ""}`);
  console.log(`\nNode, compare() per profile (the engine's cap, read from the package: ${out.compareCap}; ${out.compareProfiles})`);
  const base = out.compare[0]?.engine.median;
  for (const r of out.compare) {
    const engineCell = r.rejected ? `rejected (${r.rejected}) after ${ms(r.engine.median * r.profiles)}` : `${ms(r.engine.min)} / ${ms(r.engine.median)}`;
    console.log(`${String(r.profiles).padStart(6)} profiles${r.overCap ? " OVER THE CAP" : ""}: engine ${engineCell}; peer ${ms(r.peer.min)} / ${ms(r.peer.median)}${r.rejected ? "" : `; engine ×${(r.engine.median / base).toFixed(2)} of 10 profiles`}`);
  }
  console.log("\nNode, sensitivity() of 12 profiles (three analyses), min / median");
  for (const r of out.sensitivity) console.log(`${String(r.draws).padStart(6)} draws: engine ${ms(r.engine.min)} / ${ms(r.engine.median)}; peer ${ms(r.peer.min)} / ${ms(r.peer.median)}; typed peer ${ms(r["typed peer"].min)} / ${ms(r["typed peer"].median)}; engine/typed ${(r.engine.median / r["typed peer"].median).toFixed(2)}`);
  const m = out.memory;
  console.log(`\nwasm memory: ${m.start} B at start, ${m.afterCompareRows} B after the compare() rows (up to 10,000 profiles; it stays grown); ${m.score.before} B before, ${m.score.after} B after ${m.score.calls} score() calls; ${m.compare.after} B after compare() of ${m.compare.profiles}${m.compare.rejected ? ` (rejected: ${m.compare.rejected})` : ""}; ${m.sensitivity.after} B after sensitivity() of 50 profiles${m.sensitivity.rejected ? ` (rejected: ${m.sensitivity.rejected})` : ""}`);
}
