//! How much do scores and rankings depend on the weights? Composite indices are rightly
//! criticised for arbitrary weights (OECD/JRC Handbook on Constructing Composite Indicators,
//! 2008): this recomputes every pillar score under many seeded random perturbations of the
//! indicator weights and reports the spread of each score and how often each ranking holds.

use crate::compare::rank;
use crate::options::SensitivityOptions;
use crate::prelude::*;
use crate::profile::Profile;
use crate::rubric::RUBRIC;
use crate::score::{indicator_totals, round1, round3, slots, weighted_mean};
use crate::text::{Text, WriteJson};
use serde::Serialize;

/// The analysis of one set of profiles.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Sensitivity {
    pub draws: u32,
    pub seed: u32,
    pub spread: f64,
    pub pillars: Vec<PillarSensitivity>,
}

/// One pillar across all profiles.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct PillarSensitivity {
    pub pillar: &'static str,
    /// One entry per profile, in input order.
    pub profiles: Vec<Spread>,
    /// For every pair ranked apart under the base weights: how often the order holds.
    pub pairs: Vec<Pair>,
}

/// The distribution of one profile's pillar score over the draws.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Spread {
    pub index: usize,
    /// The score under the base weights.
    pub score: Option<f64>,
    pub p5: Option<f64>,
    pub p50: Option<f64>,
    pub p95: Option<f64>,
    /// The rank under the base weights.
    pub rank: Option<usize>,
    /// Share (0–1) of draws in which the profile keeps that rank.
    pub rank_stability: Option<f64>,
}

/// `higher` scored above `lower` under the base weights, and in `share` (0–1) of the draws.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Pair {
    pub higher: usize,
    pub lower: usize,
    pub share: f64,
}

impl WriteJson for Sensitivity {
    fn write_json(&self, out: &mut Text) {
        out.begin_object();
        out.field("draws", &self.draws);
        out.field("seed", &self.seed);
        out.field("spread", &self.spread);
        out.field("pillars", &self.pillars);
        out.end_object();
    }
}

impl WriteJson for PillarSensitivity {
    fn write_json(&self, out: &mut Text) {
        out.begin_object();
        out.field("pillar", self.pillar);
        out.field("profiles", &self.profiles);
        out.field("pairs", &self.pairs);
        out.end_object();
    }
}

impl WriteJson for Spread {
    fn write_json(&self, out: &mut Text) {
        out.begin_object();
        out.field("index", &self.index);
        out.field("score", &self.score);
        out.field("p5", &self.p5);
        out.field("p50", &self.p50);
        out.field("p95", &self.p95);
        out.field("rank", &self.rank);
        out.field("rankStability", &self.rank_stability);
        out.end_object();
    }
}

impl WriteJson for Pair {
    fn write_json(&self, out: &mut Text) {
        out.begin_object();
        out.field("higher", &self.higher);
        out.field("lower", &self.lower);
        out.field("share", &self.share);
        out.end_object();
    }
}

/// Runs the analysis. The same profiles and options always give the same result.
pub fn analyse(profiles: &[Profile], options: &SensitivityOptions) -> Sensitivity {
    // Indicator scores do not depend on indicator weights: compute them once per profile, in
    // one flat buffer, `indicators` per profile.
    let indicators = RUBRIC.indicator_count();
    let mut indicator_scores = Vec::with_capacity(profiles.len() * indicators);
    for p in profiles {
        let slots = slots(p);
        for i in 0..indicators {
            indicator_scores.push(indicator_totals(&slots[RUBRIC.element_span(i)]).score);
        }
    }
    let base_weights = options.weights.values();
    let draws = options.draws as usize;
    let count = profiles.len();
    let share = |count: usize| round3(count as f64 / f64::from(options.draws));
    let mut weights = vec![0.0; base_weights.len()];
    // Pillar scores of the profiles, NaN for none: under the base weights, and in one draw.
    let mut base = vec![0.0; count];
    let mut column = vec![0.0; count];
    let mut pillars = Vec::new();
    for (p, pillar) in RUBRIC.pillars.iter().enumerate() {
        let range = RUBRIC.indicator_span(p);
        // The pillar formula on precomputed indicator scores, rounded as published, so that
        // ranks and ties agree with `compare`.
        let fill = |column: &mut [f64], weights: &[f64]| {
            for (n, c) in column.iter_mut().enumerate() {
                let scores = &indicator_scores[n * indicators..][range.clone()];
                *c = weighted_mean(
                    weights[range.clone()]
                        .iter()
                        .copied()
                        .zip(scores.iter().copied()),
                )
                .map_or(f64::NAN, round1);
            }
        };
        fill(&mut base, base_weights);
        let mut base_ranks = vec![0; count];
        for (n, r) in base_ranks.iter_mut().enumerate() {
            *r = rank(&base, n);
        }
        // Every pillar replays the same draws from the seed: each draw perturbs every weight.
        let mut rng = Rng::new(options.seed);
        let mut kept = vec![0usize; count];
        // above[a * count + b]: draws in which profile a scored strictly above profile b.
        let mut above = vec![0usize; count * count];
        // The scores of profile n are samples[n * draws..][..taken[n]].
        let mut samples = vec![0.0; count * draws];
        let mut taken = vec![0usize; count];
        for _ in 0..draws {
            for (w, b) in weights.iter_mut().zip(base_weights) {
                *w = b * (1.0 + options.spread * (2.0 * rng.unit() - 1.0));
            }
            fill(&mut column, &weights);
            for b in 0..count {
                let y = column[b];
                let mut r = 1;
                for a in 0..count {
                    if column[a] > y {
                        above[a * count + b] += 1;
                        r += 1;
                    }
                }
                if !y.is_nan() {
                    samples[b * draws + taken[b]] = y;
                    taken[b] += 1;
                    if r == base_ranks[b] {
                        kept[b] += 1;
                    }
                }
            }
        }
        let mut profiles = Vec::new();
        let mut pairs = Vec::new();
        for n in 0..count {
            let sorted = &mut samples[n * draws..][..taken[n]];
            heap_sort(sorted);
            let ranked = base_ranks[n] > 0;
            profiles.push(Spread {
                index: n,
                score: ranked.then(|| round1(base[n])),
                p5: percentile(sorted, 5),
                p50: percentile(sorted, 50),
                p95: percentile(sorted, 95),
                rank: ranked.then_some(base_ranks[n]),
                rank_stability: ranked.then(|| share(kept[n])),
            });
            for b in 0..count {
                if base[n] > base[b] {
                    pairs.push(Pair {
                        higher: n,
                        lower: b,
                        share: share(above[n * count + b]),
                    });
                }
            }
        }
        pillars.push(PillarSensitivity {
            pillar: pillar.id,
            profiles,
            pairs,
        });
    }
    Sensitivity {
        draws: options.draws,
        seed: options.seed,
        spread: options.spread,
        pillars,
    }
}

/// Sorts ascending. A hand-written heap sort: the standard library's sorts are several kilobytes
/// of WebAssembly each, and scores are never NaN.
fn heap_sort(v: &mut [f64]) {
    let len = v.len();
    // Steps len + len/2 - 1 down to len build the max-heap from the last parent; steps len - 1
    // down to 1 move the largest to the end and restore the heap in front of it.
    for step in (1..len + len / 2).rev() {
        let (mut root, end) = if step >= len {
            (step - len, len)
        } else {
            v.swap(0, step);
            (0, step)
        };
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                break;
            }
            if child + 1 < end && v[child] < v[child + 1] {
                child += 1;
            }
            if v[root] >= v[child] {
                break;
            }
            v.swap(root, child);
            root = child;
        }
    }
}

/// Nearest-rank percentile of sorted values, one decimal.
fn percentile(sorted: &[f64], p: usize) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (p * sorted.len()).div_ceil(100).max(1);
    Some(round1(sorted[rank - 1]))
}

/// xoshiro128** seeded through SplitMix32: small, fast, and easy to reproduce bit for bit in
/// JavaScript with 32-bit integer arithmetic.
struct Rng([u32; 4]);

impl Rng {
    fn new(mut x: u32) -> Rng {
        let mut state = [0; 4];
        for s in &mut state {
            x = x.wrapping_add(0x9E37_79B9);
            let mut z = x;
            z = (z ^ (z >> 16)).wrapping_mul(0x85EB_CA6B);
            z = (z ^ (z >> 13)).wrapping_mul(0xC2B2_AE35);
            *s = z ^ (z >> 16);
        }
        Rng(state)
    }

    fn next(&mut self) -> u32 {
        let s = &mut self.0;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 9;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(11);
        result
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        f64::from(self.next()) / 4_294_967_296.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rng_is_seeded_and_uniform_enough() {
        let a: Vec<u32> = {
            let mut r = Rng::new(7);
            (0..4).map(|_| r.next()).collect()
        };
        let b: Vec<u32> = {
            let mut r = Rng::new(7);
            (0..4).map(|_| r.next()).collect()
        };
        assert_eq!(a, b);
        let mut r = Rng::new(1);
        let mean = (0..10_000).map(|_| r.unit()).sum::<f64>() / 10_000.0;
        assert!((mean - 0.5).abs() < 0.02, "{mean}");
    }

    #[test]
    fn heap_sort_sorts() {
        let mut v = vec![3.0, -1.0, 2.5, 2.5, 10.0, 0.0, 7.0];
        heap_sort(&mut v);
        assert_eq!(v, [-1.0, 0.0, 2.5, 2.5, 3.0, 7.0, 10.0]);
        let mut empty: Vec<f64> = Vec::new();
        heap_sort(&mut empty);
    }

    #[test]
    fn percentiles_by_nearest_rank() {
        let v: Vec<f64> = (1..=20).map(f64::from).collect();
        assert_eq!(percentile(&v, 5), Some(1.0));
        assert_eq!(percentile(&v, 50), Some(10.0));
        assert_eq!(percentile(&v, 95), Some(19.0));
        assert_eq!(percentile(&[], 50), None);
    }
}
