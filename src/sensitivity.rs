//! How much do scores and rankings depend on the weights? Composite indices are rightly
//! criticised for arbitrary weights (OECD/JRC Handbook on Constructing Composite Indicators,
//! 2008): this recomputes every pillar score under many seeded random perturbations of the
//! indicator weights and reports the spread of each score and how often each ranking holds.

use crate::compare::ranks;
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
    // Indicator scores do not depend on indicator weights: compute them once per profile.
    let indicator_scores: Vec<Vec<Option<f64>>> = profiles
        .iter()
        .map(|p| {
            let slots = slots(p);
            (0..RUBRIC.indicators().count())
                .map(|i| indicator_totals(&slots[RUBRIC.element_span(i)]).score)
                .collect()
        })
        .collect();
    let base = options.weights.values();
    let mut rng = Rng::new(options.seed);
    let mut weights = base.to_vec();
    let draws = options.draws as usize;
    // samples[pillar][profile][draw]
    let mut samples = vec![vec![Vec::with_capacity(draws); profiles.len()]; RUBRIC.pillars.len()];
    for _ in 0..draws {
        for (w, b) in weights.iter_mut().zip(base) {
            *w = b * (1.0 + options.spread * (2.0 * rng.unit() - 1.0));
        }
        for (p, range) in pillar_spans().enumerate() {
            for (n, scores) in indicator_scores.iter().enumerate() {
                samples[p][n].push(weighted(&scores[range.clone()], &weights[range.clone()]));
            }
        }
    }
    let pillars = pillar_spans()
        .enumerate()
        .map(|(p, range)| {
            let base_scores: Vec<Option<f64>> = indicator_scores
                .iter()
                .map(|s| weighted(&s[range.clone()], &base[range.clone()]))
                .collect();
            summarise(RUBRIC.pillars[p].id, &base_scores, &samples[p], draws)
        })
        .collect();
    Sensitivity {
        draws: options.draws,
        seed: options.seed,
        spread: options.spread,
        pillars,
    }
}

/// Each pillar's range of the flat indicator order.
fn pillar_spans() -> impl Iterator<Item = core::ops::Range<usize>> {
    (0..RUBRIC.pillars.len()).map(|p| RUBRIC.indicator_span(p))
}

/// The pillar formula on precomputed indicator scores, rounded as published, so that ranks and
/// ties agree with `compare`.
fn weighted(scores: &[Option<f64>], weights: &[f64]) -> Option<f64> {
    weighted_mean(weights.iter().copied().zip(scores.iter().copied())).map(round1)
}

fn summarise(
    pillar: &'static str,
    base: &[Option<f64>],
    samples: &[Vec<Option<f64>>],
    draws: usize,
) -> PillarSensitivity {
    let base_ranks = ranks(base);
    let mut kept = vec![0usize; base.len()];
    let mut above = vec![vec![0usize; base.len()]; base.len()];
    let mut column = vec![None; base.len()];
    for d in 0..draws {
        for (c, s) in column.iter_mut().zip(samples) {
            *c = s[d];
        }
        for (n, rank) in ranks(&column).into_iter().enumerate() {
            if rank.is_some() && rank == base_ranks[n] {
                kept[n] += 1;
            }
        }
        for (a, sa) in column.iter().enumerate() {
            for (b, sb) in column.iter().enumerate() {
                if let (Some(x), Some(y)) = (sa, sb) {
                    if x > y {
                        above[a][b] += 1;
                    }
                }
            }
        }
    }
    let share = |count: usize| round3(count as f64 / draws as f64);
    let profiles = base
        .iter()
        .enumerate()
        .map(|(n, score)| {
            let mut sorted: Vec<f64> = samples[n].iter().flatten().copied().collect();
            heap_sort(&mut sorted);
            Spread {
                index: n,
                score: score.map(round1),
                p5: percentile(&sorted, 5),
                p50: percentile(&sorted, 50),
                p95: percentile(&sorted, 95),
                rank: base_ranks[n],
                rank_stability: base_ranks[n].map(|_| share(kept[n])),
            }
        })
        .collect();
    let mut pairs = Vec::new();
    for (a, sa) in base.iter().enumerate() {
        for (b, sb) in base.iter().enumerate() {
            if let (Some(x), Some(y)) = (sa, sb) {
                if x > y {
                    pairs.push(Pair {
                        higher: a,
                        lower: b,
                        share: share(above[a][b]),
                    });
                }
            }
        }
    }
    PillarSensitivity {
        pillar,
        profiles,
        pairs,
    }
}

/// Sorts ascending. A hand-written heap sort: the standard library's sorts are several kilobytes
/// of WebAssembly each, and scores are never NaN.
fn heap_sort(v: &mut [f64]) {
    fn sift(v: &mut [f64], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && v[child] < v[child + 1] {
                child += 1;
            }
            if v[root] >= v[child] {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    }
    for start in (0..v.len() / 2).rev() {
        sift(v, start, v.len());
    }
    for end in (1..v.len()).rev() {
        v.swap(0, end);
        sift(v, 0, end);
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
    fn new(seed: u32) -> Rng {
        let mut x = seed;
        let mut next = || {
            x = x.wrapping_add(0x9E37_79B9);
            let mut z = x;
            z = (z ^ (z >> 16)).wrapping_mul(0x85EB_CA6B);
            z = (z ^ (z >> 13)).wrapping_mul(0xC2B2_AE35);
            z ^ (z >> 16)
        };
        Rng([next(), next(), next(), next()])
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
