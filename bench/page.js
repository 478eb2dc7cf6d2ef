// In-page measurements, called by bench/run.mjs through Playwright. Each returns medians (ms)
// of repeated runs, the WebAssembly engine and the JavaScript peer measured side by side on the
// same inputs in the same page.
import init, { score, sensitivity, rubric } from "/pkg/web/index.js";
import * as peer from "/tests/oracle/peer.js";
import { generator } from "/tests/oracle/generate.js";

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1), runs: sorted.length };
}

function time(runs, f) {
  for (let i = 0; i < 3; i++) f();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

window.bench = async () => {
  await init();
  const data = rubric();
  const model = peer.prepare(data);
  const make = generator(5);
  const profiles = Array.from({ length: 1000 }, (_, n) => make(data, n));
  const one = profiles[0];
  const twelve = profiles.slice(0, 12);
  const options = { draws: 1000, seed: 1, spread: 0.5 };
  // The same answer both ways, or the comparison means nothing.
  if (JSON.stringify(peer.score(model, one)) !== JSON.stringify(score(one))) throw new Error("engine and peer disagree");
  const calls = 200;
  return {
    scoreCall: { wasm: time(25, () => { for (let i = 0; i < calls; i++) score(one); }), js: time(25, () => { for (let i = 0; i < calls; i++) peer.score(model, one); }), per: calls },
    batch: { wasm: time(9, () => profiles.forEach((p) => score(p))), js: time(9, () => profiles.forEach((p) => peer.score(model, p))), per: profiles.length },
    sensitivity: { wasm: time(15, () => sensitivity(twelve, options)), js: time(15, () => peer.sensitivity(model, twelve, options)) },
  };
};
