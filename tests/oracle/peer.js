// The plain-JavaScript peer: a straightforward implementation of the same formula
// (docs/methodology.md, methodology 2), reading the same `rubric()` data, for valid profiles. It
// is the benchmarks' baseline and, run against the engine on thousands of generated profiles, a
// differential test of both (tests/node/peer.test.mjs). It trusts its input: validation is the
// engine's job.

const V1 = "sdo-openness/profile/v1";
const V2 = "sdo-openness/profile/v2";
const PROCESS = ["name", "organization", "scope", "url", "assessedOn", "assessor", "language", "illustrative"];
const EVIDENCE = ["url", "quote", "note", "publishedOn", "checkedOn", "archiveUrl", "sourceType"];
const TRAIL = ["assessor", "reviewer", "confidence", "response", "verdict", "reviewNote"];
/** Unicode White_Space, as the engine's `char::is_whitespace` (JavaScript's \s adds U+FEFF, lacks U+0085). */
const BLANK = /^[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;
/** Shares are compared with the coverage rule to within this. */
const TOLERANCE = 1e-9;

/** Half away from zero, as the engine rounds (Math.round rounds halves up, also below zero). */
const round = (x) => Math.sign(x) * Math.round(Math.abs(x));
const round1 = (x) => round(x * 10) / 10;
const round3 = (x) => round(x * 1000) / 1000;
const orNull = (f) => (x) => (x === null ? null : f(x));
const pick = (from, keys) => {
  const out = {};
  for (const key of keys) if (from[key] !== undefined) out[key] = from[key];
  return out;
};
const days = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000;

/** Flattens the rubric once: pillars, indicators and elements in order, with their positions. */
export function prepare(rubric) {
  const elements = [];
  const indicators = [];
  const pillars = rubric.pillars.map((pillar, p) => {
    const first = indicators.length;
    for (const indicator of pillar.indicators) {
      const from = elements.length;
      for (const element of indicator.elements) {
        const ys = element.scale.kind === "options" ? element.scale.options.map((o) => o.points) : element.scale.points.map((q) => q[1]);
        elements.push({ pillar: p, indicator, element, min: Math.min(...ys), max: Math.max(...ys) });
      }
      indicators.push({ pillar: p, indicator, from, to: elements.length });
    }
    return { pillar, from: first, to: indicators.length };
  });
  const index = new Map(elements.map((e, n) => [e.element.id, n]));
  const crosswalk = new Map(rubric.crosswalk.map((r) => [r.v1, r]));
  return { rubric, pillars, indicators, elements, index, crosswalk, major: parseInt(rubric.version, 10) };
}

/** The answers in rubric order (`null`: not assessed), a v1 profile's read through the crosswalk. */
export function read(model, profile) {
  const v1 = profile.schema === V1;
  const answers = model.elements.map(() => null);
  // The id each answer was written under, for the paths of its warnings.
  const keys = model.elements.map(({ element }) => element.id);
  const dropped = [];
  for (const [id, answer] of Object.entries(profile.answers)) {
    const retired = v1 ? model.crosswalk.get(id) : undefined;
    if (!retired) answers[model.index.get(id)] = answer;
    else {
      const to = answer.option === undefined ? [] : retired.map.find(([from]) => from === answer.option);
      const n = model.index.get(retired.v2);
      if (!to) dropped.push(id);
      else {
        answers[n] = to.length ? { ...answer, option: to[1] } : answer;
        keys[n] = id;
      }
    }
  }
  return { format: v1 ? V1 : V2, answers, keys, dropped };
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

/** What scoring needs of each element: its weight, points (`null`: none) and range. */
export function slots(model, answers) {
  return model.elements.map(({ element, min, max }, n) => {
    const a = answers[n];
    let points = null;
    if (a?.status === "no-public-information") points = 0;
    else if (a?.option !== undefined) points = element.scale.options.find((o) => o.id === a.option).points;
    else if (a?.value !== undefined) points = curve(element.scale.points, a.value);
    return { weight: element.weight, points, applicable: a?.status !== "not-applicable", min, max };
  });
}

/** One indicator's weighted means over `slots[from..to]`, and how much of it is answered. */
function indicatorTotals(slots, from, to) {
  let sum = 0, answered = 0, low = 0, high = 0, applicableWeight = 0, assessed = 0, applicable = 0;
  for (let n = from; n < to; n++) {
    const s = slots[n];
    if (!s.applicable) continue;
    applicable++;
    applicableWeight += s.weight;
    if (s.points !== null) {
      assessed++;
      sum += s.weight * s.points;
      answered += s.weight;
      low += s.weight * s.points;
      high += s.weight * s.points;
    } else {
      low += s.weight * s.min;
      high += s.weight * s.max;
    }
  }
  const mean = (t, w) => (w > 0 ? t / w : null);
  const share = applicableWeight > 0 ? answered / applicableWeight : null;
  const status = share === null ? "not-applicable" : share + TOLERANCE >= 0.5 ? "scored" : "insufficient-data";
  return { score: mean(sum, answered), lower: mean(low, applicableWeight), upper: mean(high, applicableWeight), assessed, applicable, applicableWeight, share, status };
}

/** The indicators of pillar `p` as [weight, totals, flat indicator position]. */
function parts(model, slots, weights, p) {
  const out = [];
  for (let i = model.pillars[p].from; i < model.pillars[p].to; i++) {
    const ind = model.indicators[i];
    out.push([weights[i], indicatorTotals(slots, ind.from, ind.to), i]);
  }
  return out;
}

/** Σ w·v / Σ w over the indicators where `pick` has a value. */
function mean(parts, pick) {
  let sum = 0, weight = 0;
  for (const [w, t] of parts) {
    const v = pick(t);
    if (v !== null) {
      sum += w * v;
      weight += w;
    }
  }
  return weight > 0 ? sum / weight : null;
}

/** The weighted share `share` measures, over indicators with a positive weight and an applicable element. */
function pillarShare(parts, share) {
  let sum = 0, weight = 0;
  for (const [w, t, i] of parts) {
    if (w > 0 && t.applicableWeight > 0) {
      sum += w * share(t, i);
      weight += w;
    }
  }
  return weight > 0 ? sum / weight : 0;
}

/** The coverage rule for a pillar, and its answered share. */
function pillarStatus(parts) {
  const share = pillarShare(parts, (t) => t.share);
  const counted = parts.filter(([w, t]) => w > 0 && t.applicableWeight > 0);
  const scored = counted.length > 0 && counted.every(([, t]) => t.assessed > 0) && share + TOLERANCE >= 0.7;
  return { status: scored ? "scored" : "insufficient-data", share };
}

function band(rubric, score) {
  let id = rubric.bands[0].id;
  for (const b of rubric.bands) if (score >= b.min) id = b.id;
  return id;
}

export function weightsOf(model, options) {
  const given = options?.weights ?? {};
  const weights = model.indicators.map(({ indicator }) => given[indicator.id] ?? indicator.weight);
  return { weights, kind: weights.some((w, i) => w !== model.indicators[i].indicator.weight) ? "custom" : "default" };
}

function elementReport(element, a, slot) {
  const state = !a ? "not-assessed" : a.status ?? "answered";
  const [lower, upper] = state === "not-assessed" ? [slot.min, slot.max] : [slot.points, slot.points];
  const out = { id: element.id, weight: element.weight, state };
  if (a?.option !== undefined) out.option = a.option;
  if (a?.value !== undefined) out.value = a.value;
  Object.assign(out, { score: orNull(round1)(slot.points), lower: orNull(round1)(lower), upper: orNull(round1)(upper) });
  if (a?.note !== undefined) out.note = a.note;
  out.evidence = (a?.evidence ?? []).map((e) => pick(e, EVIDENCE));
  if (a?.searched?.length) out.searched = a.searched;
  return Object.assign(out, pick(a ?? {}, TRAIL));
}

/**
 * The recommendations of scored pillar `p` (its indicators `ps`, scoring `now`): every assessed
 * element below its best answer raised to it, all else equal, as [unrounded gain, recommendation].
 */
function recommendations(model, s, ps, p, now) {
  const found = [];
  const { pillar } = model.pillars[p];
  ps.forEach(([, , i], k) => {
    const { from, to } = model.indicators[i];
    for (let n = from; n < to; n++) {
      const slot = s[n];
      if (slot.points === null || slot.points >= slot.max) continue;
      s[n] = { ...slot, points: slot.max };
      const raised = indicatorTotals(s, from, to);
      s[n] = slot;
      const after = mean(ps.map((part, j) => (j === k ? [part[0], raised] : part)), (t) => t.score);
      if (after === null || round1(after - now) <= 0) continue;
      const { element, indicator } = model.elements[n];
      const rec = { pillar: pillar.id, indicator: indicator.id, element: element.id };
      if (element.scale.kind === "options") rec.option = element.scale.options.reduce((best, o) => (o.points >= best.points ? o : best)).id;
      else rec.value = element.scale.points.find((q) => q[1] === slot.max)[0];
      rec.gain = round1(after - now);
      found.push([after - now, rec]);
    }
  });
  return found;
}

function warnings(model, profile, { format, answers, keys, dropped }, asOf) {
  const out = [];
  const warn = (code, path) => out.push({ code, path });
  if (format === V1) warn("profile-v1", "schema");
  for (const id of dropped) warn("v1-answer-dropped", `answers.${id}`);
  for (const key of Object.keys(profile.process)) if (!PROCESS.includes(key)) warn("unknown-process-field", `process.${key}`);
  const on = profile.process.assessedOn;
  if (on === undefined) warn("assessment-undated", "process.assessedOn");
  else if (asOf !== undefined && days(asOf) - days(on) > 365) warn("assessment-outdated", "process.assessedOn");
  const judgedOn = on ?? asOf;
  answers.forEach((a, n) => {
    if (!a) return;
    const at = `answers.${keys[n]}`;
    const evidence = a.evidence ?? [];
    if (a.status === "not-applicable") {
      if (BLANK.test(a.note ?? "")) warn("not-applicable-without-note", `${at}.note`);
    } else if (a.status === "no-public-information") {
      if (!a.searched?.length) warn("not-found-without-search", `${at}.searched`);
    } else if (!evidence.length) warn("answer-without-evidence", `${at}.evidence`);
    if (evidence.length && evidence.every((e) => e.sourceType === "mirror")) warn("evidence-mirror-only", `${at}.evidence`);
    evidence.forEach((e, k) => {
      if (e.publishedOn !== undefined && judgedOn !== undefined && days(judgedOn) - days(e.publishedOn) > model.rubric.evidence.max_age_days) warn("evidence-old", `${at}.evidence[${k}].publishedOn`);
    });
  });
  return out;
}

/** The report of a valid profile, as the engine produces it. */
export function score(model, profile, options) {
  const { rubric } = model;
  const input = read(model, profile);
  const { answers } = input;
  const s = slots(model, answers);
  const { weights, kind } = weightsOf(model, options);
  const backed = answers.map((a) => (a?.evidence ?? []).some((e) => e.sourceType === "official" && e.checkedOn !== undefined));
  const found = [];
  const pillars = model.pillars.map(({ pillar }, p) => {
    const ps = parts(model, s, weights, p);
    const indicators = ps.map(([weight, t, i]) => {
      const { indicator, from } = model.indicators[i];
      const score = t.status === "scored" ? round1(t.score) : null;
      return {
        id: indicator.id,
        status: t.status,
        weight,
        score,
        lower: orNull(round1)(t.lower),
        upper: orNull(round1)(t.upper),
        answeredWeight: round3(t.share ?? 0),
        assessed: t.assessed,
        applicable: t.applicable,
        band: score === null ? null : band(rubric, score),
        elements: indicator.elements.map((element, k) => elementReport(element, answers[from + k], s[from + k])),
      };
    });
    const { status, share } = pillarStatus(ps);
    const now = status === "scored" ? mean(ps, (t) => t.score) : null;
    if (now !== null) found.push(...recommendations(model, s, ps, p, now));
    const score = orNull(round1)(now);
    const assessed = ps.reduce((n, [, t]) => n + t.assessed, 0);
    const applicable = ps.reduce((n, [, t]) => n + t.applicable, 0);
    const quality = pillarShare(ps, (t, i) => {
      let w = 0;
      for (let n = model.indicators[i].from; n < model.indicators[i].to; n++) if (s[n].applicable && s[n].points !== null && backed[n]) w += s[n].weight;
      return w / t.applicableWeight;
    });
    return {
      id: pillar.id,
      status,
      score,
      lower: orNull(round1)(mean(ps, (t) => t.lower)),
      upper: orNull(round1)(mean(ps, (t) => t.upper)),
      coverage: applicable === 0 ? 1 : round3(assessed / applicable),
      answeredWeight: round3(share),
      evidenceQuality: round3(quality),
      assessed,
      applicable,
      provisional: assessed < applicable,
      band: score === null ? null : band(rubric, score),
      indicators,
    };
  });
  found.sort((a, b) => b[0] - a[0]); // stable: ties keep rubric order

  const claims = answers.filter((a) => a && a.status !== "not-applicable");
  const withEvidence = claims.filter((a) => a.evidence?.length).length;
  const review = profile.review ?? { level: "self-assessment" };
  const process = pick(profile.process, PROCESS);
  if (!process.illustrative) delete process.illustrative;
  return {
    methodology: { id: rubric.id, version: rubric.version, major: model.major },
    format: input.format,
    ...pick(profile, ["id", "supersedes"]),
    review: { level: review.level, reviewers: review.reviewers ?? [], ...pick(review, ["reviewedOn", "note"]) },
    process,
    weights: kind,
    pillars,
    recommendations: found.slice(0, 10).map(([, r]) => r),
    warnings: warnings(model, profile, input, options?.asOf),
    evidence: { answers: claims.length, withEvidence, share: claims.length ? round3(withEvidence / claims.length) : 0 },
  };
}

/** Several profiles scored under the same options, ranked per pillar from their ranges. */
export function compare(model, profiles, options) {
  const reports = profiles.map((p) => score(model, p, options));
  const rankings = model.rubric.pillars.map((pillar, n) => {
    const figures = reports.map((r) => r.pillars[n]);
    const order = figures.map((me, index) => {
      const place = { index, status: me.status, score: me.score, lower: me.lower, upper: me.upper, rank: null, lowestRank: null, indistinguishable: [] };
      if (me.score === null) return place;
      const [myLower, myUpper] = [me.lower ?? 0, me.upper ?? 100];
      let above = 0, couldBeAbove = 0;
      figures.forEach((other, k) => {
        if (k === index || other.score === null) return;
        const [lower, upper] = [other.lower ?? 0, other.upper ?? 100];
        if (lower > myUpper) above++;
        if (upper > myLower) couldBeAbove++;
        if (!(lower > myUpper) && !(upper < myLower)) place.indistinguishable.push(k);
      });
      return Object.assign(place, { rank: 1 + above, lowestRank: 1 + couldBeAbove });
    });
    order.sort((a, b) => (a.rank === null) - (b.rank === null) || (a.rank ?? 0) - (b.rank ?? 0) || (b.score ?? 0) - (a.score ?? 0) || a.index - b.index);
    return { pillar: pillar.id, order };
  });
  return { weights: weightsOf(model, options).kind, reports, rankings };
}

/** What changed between two assessments of the same process, scored under the same options. */
export function diff(model, old, new_, options) {
  const side = (p) => ({ format: p.schema === V1 ? V1 : V2, methodology: { id: model.rubric.id, version: model.rubric.version, major: model.major }, ...pick(p, ["id"]), ...pick(p.process, ["assessedOn"]) });
  const [a, b] = [score(model, old, options), score(model, new_, options)];
  const figure = (x) => ({ status: x.status, score: x.score, lower: x.lower, upper: x.upper });
  const change = (x, y) => ({ id: x.id, old: figure(x), new: figure(y), change: x.score !== null && y.score !== null ? round1(y.score - x.score) : null });
  const same = (x, y) => x.status === y.status && x.score === y.score && x.lower === y.lower && x.upper === y.upper;
  const given = (e) => ({ state: e.state, ...pick(e, ["option", "value"]) });
  const answers = [];
  const indicators = [];
  a.pillars.forEach((pa, p) =>
    pa.indicators.forEach((ia, i) => {
      const ib = b.pillars[p].indicators[i];
      ia.elements.forEach((ea, k) => {
        const eb = ib.elements[k];
        if (ea.state !== eb.state || ea.option !== eb.option || ea.value !== eb.value) answers.push({ element: ea.id, old: given(ea), new: given(eb) });
      });
      if (!same(ia, ib)) indicators.push(change(ia, ib));
    }),
  );
  return { old: side(old), new: side(new_), answers, pillars: a.pillars.map((pa, p) => change(pa, b.pillars[p])), indicators };
}

/** xoshiro128** seeded through SplitMix32, as the engine: `unit()` is uniform in [0, 1). */
function rng(seed) {
  let x = seed >>> 0;
  const splitmix = () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const s = [splitmix(), splitmix(), splitmix(), splitmix()];
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

/** Each pillar's published score (rounded; NaN below the coverage rule). */
function pillarValues(model, slots, weights) {
  return model.pillars.map((_, p) => {
    const ps = parts(model, slots, weights, p);
    const value = pillarStatus(ps).status === "scored" ? mean(ps, (t) => t.score) : null;
    return value === null ? NaN : round1(value);
  });
}

/** Competition rank: 1 + the number of strictly higher scores; 0 for no score. */
const rankOf = (column, n) => (Number.isNaN(column[n]) ? 0 : 1 + column.filter((o) => o > column[n]).length);

/** Every applicable unanswered element of `slots` given an answer drawn from its scale. */
function fill(model, slots, next) {
  return slots.map((slot, n) => {
    if (!slot.applicable || slot.points !== null) return slot;
    const u = next();
    const { scale } = model.elements[n].element;
    const points = scale.kind === "options" ? scale.options[Math.min(Math.floor(u * scale.options.length), scale.options.length - 1)].points : slot.min + u * (slot.max - slot.min);
    return { ...slot, points };
  });
}

function percentile(sorted, p) {
  return sorted.length ? round1(sorted[Math.max(1, Math.ceil((p * sorted.length) / 100)) - 1]) : null;
}

/** One analysis: per pillar, the spread of each profile's scores and the pairs over the draws. */
function analysis(model, profileSlots, base, baseWeights, { draws, seed, spread }, varyWeights, fillMissing) {
  const count = profileSlots.length;
  const next = rng(seed);
  const pillars = model.pillars.map((_, p) => ({
    samples: profileSlots.map(() => []),
    kept: new Array(count).fill(0),
    above: profileSlots.map(() => new Array(count).fill(0)),
    baseRanks: base.map((_, n) => rankOf(base.map((b) => b[p]), n)),
  }));
  let weights = baseWeights;
  for (let d = 0; d < draws; d++) {
    if (varyWeights) weights = baseWeights.map((b) => b * (1 + spread * (2 * next() - 1)));
    const values = profileSlots.map((s) => pillarValues(model, fillMissing ? fill(model, s, next) : s, weights));
    pillars.forEach((q, p) => {
      const column = values.map((v) => v[p]);
      column.forEach((y, b) => {
        if (Number.isNaN(y)) return;
        q.samples[b].push(y);
        // Its place among the profiles with a published rank only.
        const ranked = column.map((x, a) => (q.baseRanks[a] > 0 ? x : NaN));
        if (q.baseRanks[b] > 0 && rankOf(ranked, b) === q.baseRanks[b]) q.kept[b]++;
        column.forEach((x, a) => x > y && q.above[a][b]++);
      });
    });
  }
  const share = (n) => round3(n / draws);
  return pillars.map(({ samples, kept, above, baseRanks }) => {
    const profiles = samples.map((values, index) => {
      const sorted = values.sort((x, y) => x - y);
      return { index, scored: share(sorted.length), p5: percentile(sorted, 5), p50: percentile(sorted, 50), p95: percentile(sorted, 95), rankStability: baseRanks[index] > 0 ? share(kept[index]) : null };
    });
    const pairs = [];
    for (let a = 0; a < count; a++) {
      for (let b = a + 1; b < count; b++) {
        const [ab, ba] = [above[a][b], above[b][a]];
        if (ab + ba === 0) continue;
        pairs.push(ab >= ba ? { higher: a, lower: b, share: share(ab), reverse: share(ba) } : { higher: b, lower: a, share: share(ba), reverse: share(ab) });
      }
    }
    return { profiles, pairs };
  });
}

/** The sensitivity analysis, as the engine computes it: weights, missing answers, both. */
export function sensitivity(model, profiles, options = {}) {
  const settings = { draws: options.draws ?? 1000, seed: options.seed ?? 1, spread: options.spread ?? 0.5 };
  const { weights } = weightsOf(model, options);
  const profileSlots = profiles.map((p) => slots(model, read(model, p).answers));
  const base = profileSlots.map((s) => pillarValues(model, s, weights));
  const runs = [
    analysis(model, profileSlots, base, weights, settings, true, false),
    analysis(model, profileSlots, base, weights, settings, false, true),
    analysis(model, profileSlots, base, weights, settings, true, true),
  ];
  return {
    ...settings,
    pillars: model.rubric.pillars.map((pillar, p) => ({
      pillar: pillar.id,
      profiles: base.map((b, index) => {
        const scored = !Number.isNaN(b[p]);
        return { index, status: scored ? "scored" : "insufficient-data", score: scored ? b[p] : null, rank: scored ? rankOf(base.map((x) => x[p]), index) : null };
      }),
      weights: runs[0][p],
      missing: runs[1][p],
      both: runs[2][p],
    })),
  };
}
