// Interleaved timing, shared by the Node section and the Chromium page (no Node imports here).

/**
 * Times each contender `reps` times, in a rotating order within each repetition (contender k
 * first in repetition k), each sample `calls` calls, after one warm-up round. Returns per
 * contender {min, median, samples} in ms per call.
 */
export function interleave(contenders, { reps, calls = 1 }) {
  const names = Object.keys(contenders);
  for (const n of names) contenders[n]();
  const times = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < reps; r++) {
    for (let k = 0; k < names.length; k++) {
      const n = names[(r + k) % names.length];
      const f = contenders[n];
      const t = performance.now();
      for (let c = 0; c < calls; c++) f();
      times[n].push((performance.now() - t) / calls);
    }
  }
  return Object.fromEntries(names.map((n) => [n, summary(times[n])]));
}

export function summary(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], samples: s.length };
}
