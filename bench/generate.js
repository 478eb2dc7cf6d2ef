// Seeded random valid profiles drawn from the rubric, for the benchmarks and the differential
// test: every kind of answer, evidence or not, notes, custom process fields, varied dates.
export function generator(seed = 42) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const pick = (list) => list[Math.floor(next() * list.length)];
  return function profile(rubric, n = 0) {
    const answers = {};
    for (const pillar of rubric.pillars) {
      for (const indicator of pillar.indicators) {
        for (const element of indicator.elements) {
          const roll = next();
          if (roll < 0.15) continue;
          let answer;
          if (roll < 0.25) answer = { status: "no-public-information" };
          else if (roll < 0.3) answer = { status: "not-applicable", ...(next() < 0.5 ? { note: "Does not apply." } : {}) };
          else if (element.scale.kind === "options") answer = { option: pick(element.scale.options).id };
          else {
            const { min, max, points } = element.scale;
            const top = Math.min(max, points[points.length - 1][0] * 1.5);
            answer = { value: next() < 0.2 ? pick(points)[0] : Math.round((min + next() * (top - min)) * 100) / 100 };
          }
          if (next() < 0.6) answer.evidence = [{ url: `https://example.org/${n}/${element.id}`, note: "Seen.", checkedOn: "2026-10-01" }];
          answers[element.id] = answer;
        }
      }
    }
    const process = { name: `Generated process ${n}` };
    if (next() < 0.8) process.assessedOn = pick(["2024-01-15", "2025-11-22", "2025-11-24", "2026-06-30"]);
    if (next() < 0.1) process.committee = "extra field";
    if (next() < 0.2) process.illustrative = next() < 0.5;
    return { schema: "sdo-openness/profile/v1", process, answers };
  };
}

/** Random custom weights for some draws (or none). */
export function weightsFor(rubric, random) {
  if (random() < 0.5) return undefined;
  const weights = {};
  for (const pillar of rubric.pillars) for (const indicator of pillar.indicators) if (random() < 0.3) weights[indicator.id] = Math.round(random() * 40);
  for (const pillar of rubric.pillars) if (pillar.indicators.every((i) => (weights[i.id] ?? i.weight) === 0)) weights[pillar.indicators[0].id] = 1;
  return weights;
}
