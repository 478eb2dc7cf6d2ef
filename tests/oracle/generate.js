// Seeded random valid profiles drawn from the rubric, for the benchmarks and the differential
// test: every answer state (option, value, no public information, not applicable, not assessed),
// from nearly empty (insufficient data) to complete; evidence with every field and source type,
// some of it older than the rubric's maximum age; answer trails and verdicts, reviews, ids and
// supersedes; the profile's language;
// unknown process fields; and some profiles in the v1 format, with v1 ids (the retired ones
// included, with their v1 options, mapped or dropped by the crosswalk). Numbers are full
// precision: curve values and custom weights are not rounded.

/** Questions new in methodology 2 (docs/methodology.md, "Crosswalk"): a v1 profile cannot name them. */
const NEW_IN_V2 = ["O1.3", "O3.4", "O3.5", "O5.4", "O7.5", "O7.6", "O8.4", "O8.5", "I1.3", "I3.3", "I7.5", "I7.6", "I8.3", "I9.1", "I9.2", "I9.3"];
const DAY = 86400000;
const iso = (day) => new Date(day * DAY).toISOString().slice(0, 10);
const dayOf = (text) => Date.parse(`${text}T00:00:00Z`) / DAY;
/** The test's `asOf`: assessments are dated up to it, many more than a year before. */
const LAST = dayOf("2026-11-23");

/**
 * The LCG the generator draws from, and tests for their own choices: `next()` in [0, 1) with 32
 * bits, `unit()` with 53.
 */
export function lcg(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const unit = () => (Math.floor(next() * 2 ** 21) * 2 ** 32 + Math.floor(next() * 2 ** 32)) / 2 ** 53;
  return { next, unit };
}

export function generator(seed = 42) {
  const { next, unit } = lcg(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  const between = (a, b) => a + Math.floor(next() * (b - a + 1));

  function evidence(n, id, assessedOn, v1) {
    const count = pick([1, 1, 1, 2, 2, 3]);
    return Array.from({ length: count }, (_, k) => {
      if (v1) return { url: `https://example.org/${n}/${id}/${k}`, ...(chance(0.5) ? { note: "Seen." } : {}), ...(chance(0.7) ? { checkedOn: iso(between(dayOf("2023-01-01"), LAST)) } : {}) };
      const e = {};
      const fields = pick([["url"], ["url", "quote"], ["quote"], ["note"], ["url", "note"], ["url", "quote", "note"]]);
      if (fields.includes("url")) e.url = `https://example.org/${n}/${id}/${k}`;
      if (fields.includes("quote")) e.quote = pick(["Every draft is public.", "Participation is free of charge.", "The minutes are published “within two weeks”."]);
      if (fields.includes("note")) e.note = pick(["Seen.", "Checked on the public site.", "From the annual report."]);
      const checked = chance(0.7) ? between(dayOf("2020-01-01"), LAST) : null;
      // Published up to 20 years before checking (or before the assessment): some older than 5.
      const anchor = checked ?? (assessedOn ? dayOf(assessedOn) : LAST);
      if (chance(0.55)) e.publishedOn = iso(anchor - Math.floor(next() * next() * 7300));
      if (checked !== null) e.checkedOn = iso(checked);
      if (chance(0.3)) e.archiveUrl = `https://web.archive.org/web/2025/https://example.org/${n}/${id}/${k}`;
      if (chance(0.8)) e.sourceType = pick(["official", "official", "secondary", "mirror"]);
      return e;
    });
  }

  function value({ min, max, points }) {
    const top = Math.min(max, points[points.length - 1][0] * 1.5);
    const roll = next();
    if (roll < 0.15) return pick(points)[0];
    if (roll < 0.2) return pick([min, max]);
    if (roll < 0.3) return min + unit() * (max - min);
    return min + unit() * (top - min);
  }

  function answer(element, n, id, density, assessedOn, v1, options) {
    if (!chance(density)) return undefined;
    const roll = next();
    let a;
    if (roll < 0.12) {
      a = { status: "no-public-information" };
      if (!v1 && chance(0.75)) a.searched = chance(0.1) ? [] : Array.from({ length: between(1, 3) }, (_, k) => (k ? `the site search for “term ${k}”` : `https://example.org/${n}/search`));
    } else if (roll < 0.18) {
      a = { status: "not-applicable" };
      if (chance(0.5)) a.note = chance(0.2) ? "  " : "Does not apply.";
    } else if (element.scale.kind === "options") a = { option: pick(options ?? element.scale.options.map((o) => o.id)) };
    else a = { value: value(element.scale) };
    if (a.status !== "not-applicable" && chance(0.3)) a.note = "Why this answer.";
    if (chance(a.status === "no-public-information" ? 0.2 : 0.65)) a.evidence = evidence(n, id, assessedOn, v1);
    if (!v1) {
      if (chance(0.2)) a.assessor = pick(["A. Assessor", "B. Reviewer"]);
      if (chance(0.15)) a.reviewer = "C. Checker";
      if (chance(0.3)) a.confidence = pick(["high", "medium", "low"]);
      if (chance(0.1)) a.response = "The body's reply.";
      if (chance(0.15)) a.verdict = pick(["agree", "disagree", "changed"]);
      if (chance(0.1)) a.reviewNote = "Checked against the source.";
    }
    return a;
  }

  /** Profile `n`: v1 about one time in eight unless `format` says which. */
  return function profile(rubric, n = 0, { format } = {}) {
    const v1 = format ? format === "v1" : chance(0.12);
    const density = pick([0, 0.05, 0.2, 0.4, 0.6, 0.75, 0.85, 0.9, 0.95, 0.98, 1, 1, 1]);
    const process = { name: `Generated process ${n}` };
    if (chance(0.5)) process.organization = "Example Standards Body";
    if (!v1 && chance(0.3)) process.scope = "All working groups, 2025–2026.";
    if (chance(0.4)) process.url = `https://example.org/${n}`;
    // Dated mostly at random, some a year before `LAST` to the day, either side of the limit.
    if (chance(0.85)) process.assessedOn = iso(chance(0.05) ? LAST - pick([364, 365, 366]) : between(dayOf("2018-01-01"), LAST));
    if (chance(0.4)) process.assessor = "An Assessor";
    if (!v1 && chance(0.3)) process.language = pick(["en", "fr", "zh-Hans", "ar", "es-419"]);
    if (chance(0.2)) process.illustrative = chance(0.5);
    if (chance(0.1)) process.committee = "extra field";
    const answers = {};
    const retired = new Map(rubric.crosswalk.map((r) => [r.v2, r]));
    for (const pillar of rubric.pillars) {
      for (const indicator of pillar.indicators) {
        for (const element of indicator.elements) {
          let id = element.id;
          let options;
          if (v1) {
            if (NEW_IN_V2.includes(id)) continue;
            const r = retired.get(id);
            if (r) [id, options] = [r.v1, r.options];
          }
          const a = answer(element, n, id, density, process.assessedOn, v1, options);
          if (a) answers[id] = a;
        }
      }
    }
    if (v1) return { schema: "sdo-openness/profile/v1", process, answers };
    const out = {};
    if (chance(0.1)) out.$schema = "https://example.org/profile.schema.json";
    out.schema = "sdo-openness/profile/v2";
    if (chance(0.4)) out.id = `gen-${n}.v2_${between(1, 9)}`;
    if (chance(0.25)) out.supersedes = chance(0.5) ? `gen-${n}.v1` : iso(between(dayOf("2015-01-01"), LAST));
    if (chance(0.4)) {
      out.review = { level: pick(["self-assessment", "independent", "peer-reviewed"]) };
      if (chance(0.7)) out.review.reviewers = Array.from({ length: between(0, 3) }, (_, k) => `Reviewer ${k + 1}`);
      if (chance(0.5)) out.review.reviewedOn = iso(between(dayOf("2024-01-01"), LAST));
      if (chance(0.3)) out.review.note = "Reviewed against the sources.";
    }
    return Object.assign(out, { process, answers });
  };
}

/**
 * A later assessment of the same process as `old`, for `diff`: the same name, v2, superseding
 * `old`, with each answer kept with probability `keep` and otherwise drawn afresh.
 */
export function revision(seed = 43) {
  const profile = generator(seed);
  const { next } = lcg(seed ^ 0x5bd1e995);
  return function revise(rubric, old, n = 0, keep = 0.8) {
    const fresh = profile(rubric, n, { format: "v2" });
    const answers = {};
    for (const pillar of rubric.pillars) {
      for (const indicator of pillar.indicators) {
        for (const { id } of indicator.elements) {
          const kept = old.schema === "sdo-openness/profile/v2" && next() < keep;
          const a = kept ? old.answers[id] : fresh.answers[id];
          if (a) answers[id] = a;
        }
      }
    }
    const supersedes = old.id ?? old.process.assessedOn;
    return { ...fresh, ...(supersedes ? { supersedes } : {}), process: { ...fresh.process, name: old.process.name }, answers };
  };
}

/** Random custom weights for some draws (or none): zeros, whole numbers, full-precision fractions. */
export function weightsFor(rubric, random) {
  if (random() < 0.5) return undefined;
  const weights = {};
  for (const pillar of rubric.pillars) {
    for (const indicator of pillar.indicators) {
      if (random() >= 0.3) continue;
      const roll = random();
      weights[indicator.id] = roll < 0.2 ? 0 : roll < 0.35 ? indicator.weight : roll < 0.55 ? Math.round(random() * 40) : roll < 0.6 ? random() * 1000 : random() * 40;
    }
  }
  for (const pillar of rubric.pillars) if (pillar.indicators.every((i) => (weights[i.id] ?? i.weight) === 0)) weights[pillar.indicators[0].id] = 1;
  return weights;
}
