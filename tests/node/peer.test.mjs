// Differential test: the WebAssembly engine and the plain-JavaScript peer (bench/peer.js) must
// give identical reports, and identical sensitivity analyses, on thousands of generated profiles.
import { test } from "node:test";
import assert from "node:assert/strict";
import { score, sensitivity, rubric } from "../../pkg/node/index.js";
import * as peer from "../../bench/peer.js";
import { generator, weightsFor } from "../../bench/generate.js";

const data = rubric();
const model = peer.prepare(data);

test("engine and peer agree on 3,000 generated profiles", () => {
  const profile = generator(7);
  let state = 99;
  const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296);
  for (let n = 0; n < 3000; n++) {
    const p = profile(data, n);
    const weights = weightsFor(data, random);
    const options = { asOf: "2026-11-23", ...(weights ? { weights } : {}) };
    assert.deepStrictEqual(peer.score(model, p, options), score(p, options), `profile ${n}: ${JSON.stringify({ p, options })}`);
  }
});

test("engine and peer agree on sensitivity analyses", () => {
  const profile = generator(11);
  for (const [count, draws, seed, spread] of [[2, 100, 1, 0.5], [12, 300, 42, 0.9], [5, 50, 7, 0]]) {
    const profiles = Array.from({ length: count }, (_, n) => profile(data, n));
    const options = { draws, seed, spread };
    assert.deepStrictEqual(peer.sensitivity(model, profiles, options), sensitivity(profiles, options));
  }
});
