// The sensitivity analysis in plain JavaScript over typed arrays: the same algorithm as the
// engine and tests/oracle/peer.js (the same seeded xoshiro128** stream, the same draws in the same
// order, the same floating-point operations in the same order, so the same output bit for bit —
// tests/node/peer.test.mjs checks it), written as a JavaScript programmer would write it for
// speed: flat Float64Array/Uint32Array buffers, no per-draw allocation. It is the benchmark's fair
// rival for `sensitivity()`; reading the profiles (not the hot loop) is the peer's.
import { read, slots, weightsOf } from "./peer.js";

const TOLERANCE = 1e-9;
const round = (x) => Math.sign(x) * Math.round(Math.abs(x));
const round1 = (x) => round(x * 10) / 10;
const round3 = (x) => round(x * 1000) / 1000;

/** xoshiro128** seeded through SplitMix32, as the engine: uniform in [0, 1). */
function rng(seed) {
  let x = seed >>> 0;
  const s = new Uint32Array(4);
  for (let i = 0; i < 4; i++) {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    s[i] = z ^ (z >>> 16);
  }
  return () => {
    const m = Math.imul(s[1], 5);
    const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = (s[3] << 11) | (s[3] >>> 21);
    return r / 4294967296;
  };
}

/** The rubric as flat arrays, once per call. */
function layout(model) {
  const E = model.elements.length;
  const I = model.indicators.length;
  const weight = new Float64Array(E);
  const min = new Float64Array(E);
  const max = new Float64Array(E);
  const optionCount = new Uint32Array(E); // 0: a curve
  const optionFrom = new Uint32Array(E);
  const optionPoints = [];
  model.elements.forEach(({ element, min: lo, max: hi }, n) => {
    weight[n] = element.weight;
    min[n] = lo;
    max[n] = hi;
    if (element.scale.kind === "options") {
      optionCount[n] = element.scale.options.length;
      optionFrom[n] = optionPoints.length;
      for (const o of element.scale.options) optionPoints.push(o.points);
    }
  });
  const from = new Uint32Array(I);
  const to = new Uint32Array(I);
  model.indicators.forEach((ind, i) => ((from[i] = ind.from), (to[i] = ind.to)));
  const pillarFrom = new Uint32Array(model.pillars.map((p) => p.from));
  const pillarTo = new Uint32Array(model.pillars.map((p) => p.to));
  return { E, I, P: model.pillars.length, weight, min, max, optionCount, optionFrom, optionPoints: Float64Array.from(optionPoints), from, to, pillarFrom, pillarTo };
}

/** Each profile's points (NaN: unanswered) and applicability, read as the peer reads them. */
function flatten(model, profiles) {
  return profiles.map((profile) => {
    const s = slots(model, read(model, profile).answers);
    return { points: Float64Array.from(s, (x) => (x.points === null ? NaN : x.points)), applicable: Uint8Array.from(s, (x) => (x.applicable ? 1 : 0)) };
  });
}

/** Room for the indicator totals of `pillarValues`. */
const scratchFor = (I) => ({ score: new Float64Array(I), share: new Float64Array(I), appWeight: new Float64Array(I), assessed: new Uint32Array(I) });

/**
 * Each pillar's published score into `out` (NaN below the coverage rule), from `points` (NaN:
 * unanswered) and `applicable`; `scratch` holds the indicator totals.
 */
function pillarValues(L, points, applicable, weights, scratch, out) {
  const { score, share, appWeight, assessed } = scratch;
  for (let i = 0; i < L.I; i++) {
    let sum = 0, answered = 0, aw = 0, count = 0;
    for (let n = L.from[i]; n < L.to[i]; n++) {
      if (!applicable[n]) continue;
      const w = L.weight[n];
      aw += w;
      const p = points[n];
      if (p === p) {
        count++;
        sum += w * p;
        answered += w;
      }
    }
    score[i] = answered > 0 ? sum / answered : NaN;
    share[i] = aw > 0 ? answered / aw : NaN;
    appWeight[i] = aw;
    assessed[i] = count;
  }
  for (let p = 0; p < L.P; p++) {
    let shareSum = 0, shareWeight = 0, every = true, counted = 0;
    for (let i = L.pillarFrom[p]; i < L.pillarTo[p]; i++) {
      const w = weights[i];
      if (w > 0 && appWeight[i] > 0) {
        shareSum += w * share[i];
        shareWeight += w;
        counted++;
        if (assessed[i] === 0) every = false;
      }
    }
    const s = shareWeight > 0 ? shareSum / shareWeight : 0;
    if (!(counted > 0 && every && s + TOLERANCE >= 0.7)) {
      out[p] = NaN;
      continue;
    }
    let sum = 0, weight = 0;
    for (let i = L.pillarFrom[p]; i < L.pillarTo[p]; i++) {
      const v = score[i];
      if (v === v) {
        sum += weights[i] * v;
        weight += weights[i];
      }
    }
    out[p] = weight > 0 ? round1(sum / weight) : NaN;
  }
}

/** Competition rank of `column[n]` among `column` (NaN excluded); 0 for NaN. */
function rankOf(column, n, count) {
  const y = column[n];
  if (y !== y) return 0;
  let above = 0;
  for (let a = 0; a < count; a++) if (column[a] > y) above++;
  return 1 + above;
}

const percentile = (sorted, length, p) => (length ? round1(sorted[Math.max(1, Math.ceil((p * length) / 100)) - 1]) : null);

function analysis(L, profiles, base, baseWeights, { draws, seed, spread }, varyWeights, fillMissing) {
  const count = profiles.length;
  const { P, E, I } = L;
  const next = rng(seed);
  const samples = new Float64Array(P * count * draws); // [p][b][draw]
  const sampled = new Uint32Array(P * count);
  const kept = new Uint32Array(P * count);
  const above = new Uint32Array(P * count * count); // [p][a * count + b]
  const baseRanks = new Uint32Array(P * count);
  const column = new Float64Array(count);
  const ranked = new Float64Array(count);
  for (let p = 0; p < P; p++) {
    for (let b = 0; b < count; b++) column[b] = base[b * P + p];
    for (let b = 0; b < count; b++) baseRanks[p * count + b] = rankOf(column, b, count);
  }
  const weights = Float64Array.from(baseWeights);
  const filled = new Float64Array(E);
  const values = new Float64Array(count * P);
  const scratch = scratchFor(I);
  for (let d = 0; d < draws; d++) {
    if (varyWeights) for (let i = 0; i < I; i++) weights[i] = baseWeights[i] * (1 + spread * (2 * next() - 1));
    for (let b = 0; b < count; b++) {
      const { points, applicable } = profiles[b];
      let use = points;
      if (fillMissing) {
        for (let n = 0; n < E; n++) {
          const x = points[n];
          if (!applicable[n] || x === x) {
            filled[n] = x;
            continue;
          }
          const u = next();
          const k = L.optionCount[n];
          filled[n] = k ? L.optionPoints[L.optionFrom[n] + Math.min(Math.floor(u * k), k - 1)] : L.min[n] + u * (L.max[n] - L.min[n]);
        }
        use = filled;
      }
      pillarValues(L, use, applicable, weights, scratch, values.subarray(b * P, b * P + P));
    }
    for (let p = 0; p < P; p++) {
      for (let b = 0; b < count; b++) column[b] = values[b * P + p];
      for (let b = 0; b < count; b++) ranked[b] = baseRanks[p * count + b] > 0 ? column[b] : NaN;
      for (let b = 0; b < count; b++) {
        const y = column[b];
        if (y !== y) continue;
        const at = p * count + b;
        samples[at * draws + sampled[at]++] = y;
        if (baseRanks[at] > 0 && rankOf(ranked, b, count) === baseRanks[at]) kept[at]++;
        for (let a = 0; a < count; a++) if (column[a] > y) above[(p * count + a) * count + b]++;
      }
    }
  }
  const share = (n) => round3(n / draws);
  const out = [];
  for (let p = 0; p < P; p++) {
    const profileSpreads = [];
    for (let b = 0; b < count; b++) {
      const at = p * count + b;
      const length = sampled[at];
      const sorted = samples.subarray(at * draws, at * draws + length).sort();
      const rank = baseRanks[at];
      profileSpreads.push({ index: b, scored: share(length), p5: percentile(sorted, length, 5), p50: percentile(sorted, length, 50), p95: percentile(sorted, length, 95), rankStability: rank > 0 ? share(kept[at]) : null });
    }
    const pairs = [];
    const cell = (a, b) => above[(p * count + a) * count + b];
    for (let a = 0; a < count; a++) {
      for (let b = a + 1; b < count; b++) {
        const [ab, ba] = [cell(a, b), cell(b, a)];
        if (ab + ba === 0) continue;
        pairs.push(ab >= ba ? { higher: a, lower: b, share: share(ab), reverse: share(ba) } : { higher: b, lower: a, share: share(ba), reverse: share(ab) });
      }
    }
    out.push({ profiles: profileSpreads, pairs });
  }
  return out;
}

/** The sensitivity analysis (weights, missing answers, both), as the engine computes it. */
export function sensitivity(model, profiles, options = {}) {
  const settings = { draws: options.draws ?? 1000, seed: options.seed ?? 1, spread: options.spread ?? 0.5 };
  const L = layout(model);
  const { weights } = weightsOf(model, options);
  const flat = flatten(model, profiles);
  const base = new Float64Array(profiles.length * L.P);
  const scratch = scratchFor(L.I);
  flat.forEach(({ points, applicable }, b) => pillarValues(L, points, applicable, weights, scratch, base.subarray(b * L.P, b * L.P + L.P)));
  const runs = [
    analysis(L, flat, base, weights, settings, true, false),
    analysis(L, flat, base, weights, settings, false, true),
    analysis(L, flat, base, weights, settings, true, true),
  ];
  const count = profiles.length;
  const column = new Float64Array(count);
  return {
    ...settings,
    pillars: model.rubric.pillars.map((pillar, p) => {
      for (let b = 0; b < count; b++) column[b] = base[b * L.P + p];
      return {
        pillar: pillar.id,
        profiles: Array.from({ length: count }, (_, index) => {
          const v = column[index];
          const scored = v === v;
          return { index, status: scored ? "scored" : "insufficient-data", score: scored ? v : null, rank: scored ? rankOf(column, index, count) : null };
        }),
        weights: runs[0][p],
        missing: runs[1][p],
        both: runs[2][p],
      };
    }),
  };
}

/** The formula's own cost: pillar scores of pre-read profiles (points and applicability), nothing else. */
export function prepareFormula(model, profiles) {
  const L = layout(model);
  const { weights } = weightsOf(model, {});
  const flat = flatten(model, profiles);
  const scratch = scratchFor(L.I);
  const out = new Float64Array(L.P);
  return (b) => {
    pillarValues(L, flat[b].points, flat[b].applicable, weights, scratch, out);
    return out;
  };
}
