// Shared by the benchmark's sections: interleaved timing and the machine it ran on.
import os from "node:os";
import { interleave as interleaveIn, summary } from "./interleave.js";

/** The machine: CPU, cores, load average (these machines are shared: figures are noisy). */
export const machine = () => ({ cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, load: os.loadavg().map((x) => +x.toFixed(2)), date: new Date().toISOString() });

export const QUICK = process.env.BENCH_QUICK === "1";

/** bench/interleave.js with the section's default repetitions: 15, or 5 with BENCH_QUICK=1. */
export const interleave = (contenders, { reps = QUICK ? 5 : 15, calls = 1 } = {}) => interleaveIn(contenders, { reps, calls });
export { summary };

/** The score() table, also the Chromium section's: min and median per contender, ratios of medians. */
export function printScoreRows(rows) {
  console.log(`${"input".padEnd(34)} ${["engine", "peer", "peer+ajv", "formula"].map((c) => `${c} min/med`.padStart(22)).join("")} ${"eng/peer".padStart(9)} ${"eng/ajv".padStart(8)} ${"eng/formula".padStart(12)}`);
  for (const r of rows) {
    const cells = ["engine", "peer", "peer+ajv", "formula"].map((c) => `${ms(r[c].min)} / ${ms(r[c].median)}`.padStart(22)).join("");
    const q = (c) => (r.engine.median / r[c].median).toFixed(2);
    console.log(`${r.input.padEnd(34)} ${cells} ${q("peer").padStart(9)} ${q("peer+ajv").padStart(8)} ${q("formula").padStart(12)}`);
  }
}

/** Milliseconds, or microseconds below 0.1 ms, to three figures. */
export const ms = (x) => (x === undefined || x === null ? "" : x < 0.1 ? `${(x * 1000).toPrecision(3)} µs` : `${x.toPrecision(3)} ms`);
