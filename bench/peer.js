// The plain-JavaScript peer: a straightforward implementation of the same formula
// (docs/methodology.md), reading the same `rubric()` data, for valid profiles. It is the
// benchmarks' baseline and, run against the engine on thousands of generated profiles, a
// differential test of both (tests/node/peer.test.mjs).

const round1 = (x) => Math.round(x * 10) / 10;
const round3 = (x) => Math.round(x * 1000) / 1000;
const PROCESS = ["name", "organization", "scope", "url", "assessedOn", "assessor", "illustrative"];

/** Flattens the rubric once: elements and indicators in order, with their positions. */
export function prepare(rubric) {
  const elements = [];
  const indicators = [];
  rubric.pillars.forEach((pillar, p) =>
    pillar.indicators.forEach((indicator) => {
      indicators.push({ pillar: p, indicator, first: elements.length, count: indicator.elements.length });
      for (const element of indicator.elements) {
        const ys = element.scale.kind === "options" ? element.scale.options.map((o) => o.points) : element.scale.points.map((q) => q[1]);
        elements.push({ pillar: p, indicator, element, min: Math.min(...ys), max: Math.max(...ys) });
      }
    }),
  );
  return { rubric, elements, indicators };
}

function curve(points, value) {
  const first = points[0];
  const last = points[points.length - 1];
  if (value <= first[0]) return first[1];
  if (value >= last[0]) return last[1];
  for (let i = 0; i + 1 < points.length; i++) {
    const [x0, y0] = points[i];
    const [x1, y1] = points[i + 1];
    if (value <= x1) return y0 + ((y1 - y0) * (value - x0)) / (x1 - x0);
  }
  return last[1];
}

function slots(model, profile) {
  return model.elements.map(({ element, min, max }) => {
    const a = profile.answers[element.id];
    let points = null;
    if (a?.option !== undefined) points = element.scale.options.find((o) => o.id === a.option).points;
    else if (a?.value !== undefined) points = curve(element.scale.points, a.value);
    else if (a?.status === "no-public-information") points = 0;
    return { weight: element.weight, points, applicable: a?.status !== "not-applicable", min, max, answer: a };
  });
}

function indicatorTotals(slots, from, count) {
  let sum = 0, counted = 0, low = 0, high = 0, aw = 0, assessed = 0, applicable = 0;
  for (let i = from; i < from + count; i++) {
    const s = slots[i];
    if (!s.applicable) continue;
    applicable++;
    aw += s.weight;
    if (s.points !== null) {
      assessed++;
      sum += s.weight * s.points;
      counted += s.weight;
      low += s.weight * s.points;
      high += s.weight * s.points;
    } else {
      low += s.weight * s.min;
      high += s.weight * s.max;
    }
  }
  const mean = (t, w) => (w > 0 ? t / w : null);
  return { score: mean(sum, counted), lower: mean(low, aw), upper: mean(high, aw), assessed, applicable };
}

function pillarTotals(parts) {
  const mean = (pick) => {
    let sum = 0, weight = 0;
    for (const [w, t] of parts) {
      const v = pick(t);
      if (v !== null) {
        sum += w * v;
        weight += w;
      }
    }
    return weight > 0 ? sum / weight : null;
  };
  return { score: mean((t) => t.score), lower: mean((t) => t.lower), upper: mean((t) => t.upper) };
}

function pillarScores(model, slots, weights) {
  return model.rubric.pillars.map((_, p) =>
    pillarTotals(model.indicators.map((ind, i) => [ind.pillar === p ? weights[i] : 0, ind]).filter(([, ind]) => ind.pillar === p).map(([w, ind]) => [w, indicatorTotals(slots, ind.first, ind.count)])).score,
  );
}

function band(rubric, score) {
  let id = rubric.bands[0].id;
  for (const b of rubric.bands) if (score >= b.min) id = b.id;
  return id;
}

const days = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000;

function weightsOf(model, options) {
  const defaults = model.indicators.map((i) => i.indicator.weight);
  const given = options?.weights ?? {};
  const weights = model.indicators.map((i, n) => given[i.indicator.id] ?? defaults[n]);
  return { weights, custom: weights.some((w, n) => w !== defaults[n]) };
}

/** The report of a valid profile, as the engine produces it. */
export function score(model, profile, options) {
  const { rubric } = model;
  const s = slots(model, profile);
  const { weights, custom } = weightsOf(model, options);
  const pillars = rubric.pillars.map((pillar, p) => {
    const parts = [];
    const indicators = [];
    model.indicators.forEach((ind, i) => {
      if (ind.pillar !== p) return;
      const t = indicatorTotals(s, ind.first, ind.count);
      parts.push([weights[i], t]);
      indicators.push({
        id: ind.indicator.id,
        weight: weights[i],
        score: t.score === null ? null : round1(t.score),
        lower: t.lower === null ? null : round1(t.lower),
        upper: t.upper === null ? null : round1(t.upper),
        assessed: t.assessed,
        applicable: t.applicable,
        band: t.score === null ? null : band(rubric, round1(t.score)),
        elements: ind.indicator.elements.map((element, k) => {
          const slot = s[ind.first + k];
          const a = slot.answer;
          const state = !a ? "not-assessed" : a.status ?? "answered";
          const [lower, upper] = state === "not-assessed" ? [slot.min, slot.max] : [slot.points, slot.points];
          const out = { id: element.id, weight: element.weight, state };
          if (a?.option !== undefined) out.option = a.option;
          if (a?.value !== undefined) out.value = a.value;
          out.score = slot.points === null ? null : round1(slot.points);
          out.lower = lower === null ? null : round1(lower);
          out.upper = upper === null ? null : round1(upper);
          if (a?.note !== undefined) out.note = a.note;
          out.evidence = (a?.evidence ?? []).map((e) => {
            const ev = {};
            for (const key of ["url", "note", "checkedOn"]) if (e[key] !== undefined) ev[key] = e[key];
            return ev;
          });
          return out;
        }),
      });
    });
    const totals = pillarTotals(parts);
    const assessed = parts.reduce((n, [, t]) => n + t.assessed, 0);
    const applicable = parts.reduce((n, [, t]) => n + t.applicable, 0);
    const sc = totals.score === null ? null : round1(totals.score);
    return {
      id: pillar.id,
      score: sc,
      lower: totals.lower === null ? null : round1(totals.lower),
      upper: totals.upper === null ? null : round1(totals.upper),
      coverage: applicable === 0 ? 1 : round3(assessed / applicable),
      assessed,
      applicable,
      provisional: assessed < applicable,
      band: sc === null ? null : band(rubric, sc),
      indicators,
    };
  });

  const now = pillarScores(model, s, weights);
  const found = [];
  model.elements.forEach(({ pillar, indicator, element }, n) => {
    const slot = s[n];
    if (slot.points === null || slot.points >= slot.max) return;
    const trial = s.slice();
    trial[n] = { ...slot, points: slot.max };
    const after = pillarScores(model, trial, weights)[pillar];
    const before = now[pillar];
    if (before === null || after === null) return;
    const gain = after - before;
    if (round1(gain) <= 0) return;
    const rec = { pillar: rubric.pillars[pillar].id, indicator: indicator.id, element: element.id };
    if (element.scale.kind === "options") {
      let best = element.scale.options[0];
      for (const o of element.scale.options) if (o.points >= best.points) best = o; // the last best, as Rust's max_by
      rec.option = best.id;
    } else {
      const max = Math.max(...element.scale.points.map((q) => q[1]));
      rec.value = element.scale.points.find((q) => q[1] === max)[0];
    }
    rec.gain = round1(gain);
    found.push([gain, n, rec]);
  });
  found.sort((a, b) => b[0] - a[0] || a[1] - b[1]);

  const warnings = [];
  for (const key of Object.keys(profile.process)) if (!PROCESS.includes(key)) warnings.push({ code: "unknown-process-field", path: `process.${key}` });
  const on = profile.process.assessedOn;
  if (on === undefined) warnings.push({ code: "assessment-undated", path: "process.assessedOn" });
  else if (options?.asOf && days(options.asOf) - days(on) > 365) warnings.push({ code: "assessment-outdated", path: "process.assessedOn" });
  for (const { element } of model.elements) {
    const a = profile.answers[element.id];
    if (!a) continue;
    if (a.status === "not-applicable") {
      if (!a.note || a.note.trim() === "") warnings.push({ code: "not-applicable-without-note", path: `answers.${element.id}.note` });
    } else if (!a.evidence?.length) warnings.push({ code: "answer-without-evidence", path: `answers.${element.id}.evidence` });
  }
  const claims = Object.values(profile.answers).filter((a) => a.status !== "not-applicable");
  const withEvidence = claims.filter((a) => a.evidence?.length).length;

  const process = {};
  for (const key of PROCESS) if (profile.process[key] !== undefined && !(key === "illustrative" && !profile.process[key])) process[key] = profile.process[key];
  return {
    methodology: { id: rubric.id, version: rubric.version },
    process,
    weights: custom ? "custom" : "default",
    pillars,
    recommendations: found.slice(0, 10).map(([, , r]) => r),
    warnings,
    evidence: { answers: claims.length, withEvidence, share: claims.length ? round3(withEvidence / claims.length) : 0 },
  };
}

/** xoshiro128** seeded through SplitMix32, as the engine. */
function rng(seed) {
  let x = seed >>> 0;
  const next32 = () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const s = [next32(), next32(), next32(), next32()];
  const rotl = (v, k) => ((v << k) | (v >>> (32 - k))) >>> 0;
  return () => {
    const result = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1] << 9) >>> 0;
    s[2] = (s[2] ^ s[0]) >>> 0;
    s[3] = (s[3] ^ s[1]) >>> 0;
    s[1] = (s[1] ^ s[2]) >>> 0;
    s[0] = (s[0] ^ s[3]) >>> 0;
    s[2] = (s[2] ^ t) >>> 0;
    s[3] = rotl(s[3], 11);
    return result / 4294967296;
  };
}

const ranks = (scores) => scores.map((s) => (s === null ? null : 1 + scores.filter((o) => o !== null && o > s).length));

/** The sensitivity analysis, as the engine computes it. */
export function sensitivity(model, profiles, { draws = 1000, seed = 1, spread = 0.5, weights: given } = {}) {
  const { weights: base } = weightsOf(model, { weights: given });
  const indicatorScores = profiles.map((p) => {
    const s = slots(model, p);
    return model.indicators.map((ind) => indicatorTotals(s, ind.first, ind.count).score);
  });
  const ranges = model.rubric.pillars.map((_, p) => model.indicators.map((ind, i) => [ind.pillar, i]).filter(([q]) => q === p).map(([, i]) => i));
  const weighted = (scores, weights, range) => {
    let sum = 0, w = 0;
    for (const i of range) {
      if (scores[i] !== null) {
        sum += scores[i] * weights[i];
        w += weights[i];
      }
    }
    return w > 0 ? round1(sum / w) : null;
  };
  const next = rng(seed);
  const samples = ranges.map(() => profiles.map(() => []));
  const w = base.slice();
  for (let d = 0; d < draws; d++) {
    for (let i = 0; i < w.length; i++) w[i] = base[i] * (1 + spread * (2 * next() - 1));
    ranges.forEach((range, p) => indicatorScores.forEach((scores, n) => samples[p][n].push(weighted(scores, w, range))));
  }
  const share = (count) => round3(count / draws);
  const pillars = ranges.map((range, p) => {
    const baseScores = indicatorScores.map((scores) => weighted(scores, base, range));
    const baseRanks = ranks(baseScores);
    const kept = baseScores.map(() => 0);
    const above = baseScores.map(() => baseScores.map(() => 0));
    for (let d = 0; d < draws; d++) {
      const column = samples[p].map((s) => s[d]);
      ranks(column).forEach((r, n) => r !== null && r === baseRanks[n] && kept[n]++);
      column.forEach((x, a) => column.forEach((y, b) => x !== null && y !== null && x > y && above[a][b]++));
    }
    const percentile = (sorted, q) => (sorted.length ? round1(sorted[Math.max(1, Math.ceil((q * sorted.length) / 100)) - 1]) : null);
    return {
      pillar: model.rubric.pillars[p].id,
      profiles: baseScores.map((score, n) => {
        const sorted = samples[p][n].filter((x) => x !== null).sort((a, b) => a - b);
        return {
          index: n,
          score: score === null ? null : round1(score),
          p5: percentile(sorted, 5),
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          rank: baseRanks[n],
          rankStability: baseRanks[n] === null ? null : share(kept[n]),
        };
      }),
      pairs: baseScores.flatMap((x, a) => baseScores.flatMap((y, b) => (x !== null && y !== null && x > y ? [{ higher: a, lower: b, share: share(above[a][b]) }] : []))),
    };
  });
  return { draws, seed, spread, pillars };
}
