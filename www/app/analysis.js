// What Compare asks of the engine, in one place that needs no DOM, so that it runs the same in
// the page and in its worker (worker.js): which profiles are valid, the comparison of the valid
// ones, and how far their rankings hold (the sensitivity analysis).

/** The sensitivity analysis Compare shows: 1,000 draws, fixed seed, weights moved by up to ±50%. */
export const SENSITIVITY = { draws: 1000, seed: 1, spread: 0.5 };

/**
 * Validates each of `profiles` under `weights` (custom, or null for the rubric's), then compares
 * the valid ones and analyses their sensitivity. `engine` is the package's module (`validate`,
 * `compare`, `sensitivity`). Returns `{ valid: [bool per profile], result, spread }`, where
 * `result` and `spread` are null when fewer than two profiles are valid.
 */
export function analyse(engine, profiles, weights) {
  const options = weights ? { weights } : undefined;
  const valid = profiles.map((profile) => engine.validate(profile, options).ok);
  const chosen = profiles.filter((_, n) => valid[n]);
  if (chosen.length < 2) return { valid, result: null, spread: null };
  const result = engine.compare(chosen, options);
  const spread = engine.sensitivity(chosen, { ...SENSITIVITY, ...(weights ? { weights } : {}) });
  return { valid, result, spread };
}
