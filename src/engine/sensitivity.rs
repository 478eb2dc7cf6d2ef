//! How much do scores and rankings depend on the choices behind them? Composite indices are
//! rightly criticised for arbitrary weights and for silently handling missing data (OECD/JRC
//! Handbook on Constructing Composite Indicators, 2008). This recomputes every pillar score under
//! many seeded random draws, in three analyses reported side by side:
//!
//! - `weights`: every indicator weight multiplied by its own factor from `[1 − spread, 1 + spread]`;
//!   unanswered questions stay unanswered, and a pillar below the coverage rule in a draw has no
//!   score in it;
//! - `missing`: the methodology's weights, and every unanswered applicable question filled with an
//!   answer drawn from its scale (each option equally likely; on a curve, points uniform between
//!   its lowest and highest);
//! - `both`: perturbed weights and filled answers in the same draw.

use crate::base::text::json_object;
use crate::engine::compare::rank;
use crate::engine::report::Status;
use crate::engine::score::{
    indicator_totals, pillar_status, round1, round3, slots, weighted_mean, Slot, Totals,
};
use crate::input::options::SensitivityOptions;
use crate::input::profile::Profile;
use crate::prelude::*;
use crate::rubric::{Scale, RUBRIC};
use serde::Serialize;

/// Most profiles in one sensitivity analysis: every draw ranks them all, so its cost grows with
/// the square of their number, and it stays at the comparison's former cap.
pub const MAX_PROFILES: usize = 50;

json_object! {
    /// The analysis of one set of profiles.
    #[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
    pub struct Sensitivity {
        pub draws: u32,
        pub seed: u32,
        pub spread: f64,
        pub pillars: Vec<PillarSensitivity>,
    }
}

json_object! {
    /// One pillar across all profiles.
    #[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
    pub struct PillarSensitivity {
        pub pillar: &'static str,
        /// Each profile under the methodology's (or the caller's) weights, in input order.
        pub profiles: Vec<Base>,
        /// Weights perturbed, missing answers left missing.
        pub weights: Analysis,
        /// Missing answers filled, weights as given.
        pub missing: Analysis,
        /// Both at once.
        pub both: Analysis,
    }
}

json_object! {
    /// One profile's pillar as published.
    #[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
    pub struct Base {
        pub index: usize,
        pub status: Status,
        pub score: Option<f64>,
        /// 1 + the number of scored profiles with a strictly higher score; `None` unless scored.
        pub rank: Option<usize>,
    }
}

json_object! {
    /// The draws of one analysis.
    #[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
    pub struct Analysis {
        /// One entry per profile, in input order.
        pub profiles: Vec<Spread>,
        /// Every pair of profiles of which one scored strictly above the other in some draw.
        pub pairs: Vec<Pair>,
    }
}

json_object! {
    /// The distribution of one profile's pillar score over the draws that gave it one.
    #[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
    pub struct Spread {
        pub index: usize,
        /// Share (0–1) of draws in which the pillar had a score (met the coverage rule).
        pub scored: f64,
        pub p5: Option<f64>,
        pub p50: Option<f64>,
        pub p95: Option<f64>,
        /// Share (0–1) of draws in which the profile kept its published rank among the profiles that
        /// have one; `None` when it has none.
        pub rank_stability as "rankStability": Option<f64>,
    }
}

json_object! {
    /// `higher` scored strictly above `lower` in `share` (0–1) of the draws, and `lower` above
    /// `higher` in `reverse`; `higher` is the one that is above more often (of equals, the first).
    #[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
    pub struct Pair {
        pub higher: usize,
        pub lower: usize,
        pub share: f64,
        pub reverse: f64,
    }
}

/// What one analysis varies.
#[derive(Clone, Copy, PartialEq)]
enum Vary {
    Weights,
    Missing,
    Both,
}

impl Vary {
    fn weights(self) -> bool {
        self != Vary::Missing
    }
    fn missing(self) -> bool {
        self != Vary::Weights
    }
}

/// Runs the analysis. The same profiles and options always give the same result.
pub(crate) fn analyse(profiles: &[Profile], options: &SensitivityOptions) -> Sensitivity {
    let slots: Vec<Vec<Slot>> = profiles.iter().map(slots).collect();
    let base_weights = options.weights.values();
    // Published pillar scores (NaN for none) and ranks under the base weights.
    let base: Vec<Vec<f64>> = slots
        .iter()
        .map(|s| pillar_values(s, base_weights))
        .collect();
    // Each analysis gives one result per pillar, taken in pillar order below.
    let mut runs = [Vary::Weights, Vary::Missing, Vary::Both]
        .map(|vary| run(&slots, &base, options, vary).into_iter());
    let mut pillars = Vec::new();
    for (p, pillar) in RUBRIC.pillars.iter().enumerate() {
        let column: Vec<f64> = base.iter().map(|b| b[p]).collect();
        let profiles = (0..column.len())
            .map(|n| {
                let scored = !column[n].is_nan();
                Base {
                    index: n,
                    status: if scored {
                        Status::Scored
                    } else {
                        Status::InsufficientData
                    },
                    score: scored.then_some(column[n]),
                    rank: scored.then(|| rank(&column, n)),
                }
            })
            .collect();
        let [weights, missing, both] = &mut runs;
        pillars.push(PillarSensitivity {
            pillar: pillar.id,
            profiles,
            weights: weights.next().unwrap_or_default(),
            missing: missing.next().unwrap_or_default(),
            both: both.next().unwrap_or_default(),
        });
    }
    Sensitivity {
        draws: options.draws,
        seed: options.seed,
        spread: options.spread,
        pillars,
    }
}

/// Each pillar's published score of one profile's slots under `weights`, rounded as published
/// (so that ranks and ties agree with `compare`); NaN below the coverage rule.
fn pillar_values(slots: &[Slot], weights: &[f64]) -> Vec<f64> {
    let mut values = vec![0.0; RUBRIC.pillars.len()];
    pillar_values_of(&totals_of(slots), weights, &mut Vec::new(), &mut values);
    values
}

/// Each indicator's totals of one profile's slots, in rubric order. They do not depend on the
/// indicator weights, so the weights analysis computes them once per profile.
fn totals_of(slots: &[Slot]) -> Vec<Totals> {
    (0..RUBRIC.indicator_count())
        .map(|i| indicator_totals(&slots[RUBRIC.element_span(i)]))
        .collect()
}

/// [`pillar_values`] from indicator totals, into `values`; `pairs` is scratch space, kept by the
/// caller so that a draw allocates nothing.
fn pillar_values_of(
    totals: &[Totals],
    weights: &[f64],
    pairs: &mut Vec<(f64, Totals)>,
    values: &mut [f64],
) {
    for (p, value) in values.iter_mut().enumerate() {
        pairs.clear();
        pairs.extend(RUBRIC.indicator_span(p).map(|i| (weights[i], totals[i])));
        let score = match pillar_status(pairs).0 {
            Status::Scored => weighted_mean(pairs.iter().map(|(w, t)| (*w, t.score))),
            _ => None,
        };
        *value = score.map_or(f64::NAN, round1);
    }
}

/// One analysis: for every pillar, the spreads and pairs over the draws.
fn run(
    slots: &[Vec<Slot>],
    base: &[Vec<f64>],
    options: &SensitivityOptions,
    vary: Vary,
) -> Vec<Analysis> {
    let count = slots.len();
    let pillars = RUBRIC.pillars.len();
    let draws = options.draws as usize;
    let base_weights = options.weights.values();
    let mut rng = Rng::new(options.seed);
    let mut weights = base_weights.to_vec();
    let mut filled: Vec<Slot> = Vec::new();
    // Scratch space reused by every draw, and the unfilled profiles' indicator totals.
    let (mut filled_totals, mut pairs, mut values) = (Vec::new(), Vec::new(), vec![0.0; pillars]);
    let totals: Vec<Vec<Totals>> = slots.iter().map(|s| totals_of(s)).collect();
    // Per pillar: samples[p][n] the scores of profile n; kept[p][n] draws keeping its base rank;
    // above[p][a * count + b] draws in which a scored strictly above b.
    let mut samples = vec![vec![Vec::with_capacity(draws); count]; pillars];
    let mut kept = vec![vec![0usize; count]; pillars];
    let mut above = vec![vec![0usize; count * count]; pillars];
    let mut column = vec![vec![0.0; count]; pillars];
    // Published ranks, 0 for none.
    let base_ranks: Vec<Vec<usize>> = (0..pillars)
        .map(|p| {
            let c = base_column(base, p);
            (0..count).map(|n| rank(&c, n)).collect()
        })
        .collect();
    for _ in 0..draws {
        if vary.weights() {
            for (w, b) in weights.iter_mut().zip(base_weights) {
                *w = b * (1.0 + options.spread * (2.0 * rng.unit() - 1.0));
            }
        }
        for (n, profile) in slots.iter().enumerate() {
            if vary.missing() {
                filled.clear();
                filled.extend_from_slice(profile);
                fill(&mut filled, &mut rng);
                filled_totals.clear();
                filled_totals.extend(totals_of(&filled));
                pillar_values_of(&filled_totals, &weights, &mut pairs, &mut values);
            } else {
                pillar_values_of(&totals[n], &weights, &mut pairs, &mut values);
            }
            for p in 0..pillars {
                column[p][n] = values[p];
            }
        }
        for p in 0..pillars {
            let column = &column[p];
            for b in 0..count {
                let y = column[b];
                if y.is_nan() {
                    continue;
                }
                samples[p][b].push(y);
                // Its place among the profiles with a published rank: one the coverage rule leaves
                // unranked (filled in by the missing-data draws) takes no place from it.
                let ranks = &base_ranks[p];
                if ranks[b] > 0 {
                    let place = 1
                        + (0..count)
                            .filter(|&a| ranks[a] > 0 && column[a] > y)
                            .count();
                    if place == ranks[b] {
                        kept[p][b] += 1;
                    }
                }
                for a in 0..count {
                    if column[a] > y {
                        above[p][a * count + b] += 1;
                    }
                }
            }
        }
    }
    let share = |n: usize| round3(n as f64 / f64::from(options.draws));
    let mut out = Vec::with_capacity(pillars);
    for p in 0..pillars {
        let mut profiles = Vec::with_capacity(count);
        for n in 0..count {
            let sorted = &mut samples[p][n];
            sorted.sort_unstable_by(f64::total_cmp);
            profiles.push(Spread {
                index: n,
                scored: share(sorted.len()),
                p5: percentile(sorted, 5),
                p50: percentile(sorted, 50),
                p95: percentile(sorted, 95),
                rank_stability: (base_ranks[p][n] > 0).then(|| share(kept[p][n])),
            });
        }
        let mut pairs = Vec::new();
        for a in 0..count {
            for b in a + 1..count {
                let (ab, ba) = (above[p][a * count + b], above[p][b * count + a]);
                if ab + ba == 0 {
                    continue;
                }
                let (higher, lower, share_hl, share_lh) = if ab >= ba {
                    (a, b, ab, ba)
                } else {
                    (b, a, ba, ab)
                };
                pairs.push(Pair {
                    higher,
                    lower,
                    share: share(share_hl),
                    reverse: share(share_lh),
                });
            }
        }
        out.push(Analysis { profiles, pairs });
    }
    out
}

fn base_column(base: &[Vec<f64>], p: usize) -> Vec<f64> {
    base.iter().map(|b| b[p]).collect()
}

/// Gives every applicable, unanswered element an answer drawn from its scale, in rubric order:
/// one of its options with equal chances, or on a curve points uniform between its lowest and
/// highest.
fn fill(slots: &mut [Slot], rng: &mut Rng) {
    for (n, slot) in slots.iter_mut().enumerate() {
        if !slot.applicable || slot.points.is_some() {
            continue;
        }
        let u = rng.unit();
        slot.points = Some(match &RUBRIC.element(n).scale {
            Scale::Options { options } => {
                let pick = ((u * options.len() as f64) as usize).min(options.len() - 1);
                options[pick].points
            }
            Scale::Curve { .. } => slot.min + u * (slot.max - slot.min),
        });
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
    fn percentiles_by_nearest_rank() {
        let v: Vec<f64> = (1..=20).map(f64::from).collect();
        assert_eq!(percentile(&v, 5), Some(1.0));
        assert_eq!(percentile(&v, 50), Some(10.0));
        assert_eq!(percentile(&v, 95), Some(19.0));
        assert_eq!(percentile(&[], 50), None);
    }
}
