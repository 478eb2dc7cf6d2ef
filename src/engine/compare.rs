//! Several processes scored under the same weights, ranked per pillar.

use crate::base::text::json_object;
use crate::engine::report::{Report, Status, WeightsKind};
use crate::engine::score::score;
use crate::input::options::ScoreOptions;
use crate::input::profile::Profile;
use crate::prelude::*;
use crate::rubric::RUBRIC;
use serde::Serialize;

/// Most profiles in one comparison. The JavaScript binding checks it before it reads any profile.
pub const MAX_PROFILES: usize = 10_000;

/// Most bytes of JSON text in one comparison or sensitivity analysis handed over as an array of
/// values (64 MiB), each profile within [`limits::MAX_BYTES`](crate::json::limits::MAX_BYTES) of its
/// own: a bound on the memory one call can take, which the WebAssembly keeps once grown.
pub const MAX_TOTAL_BYTES: usize = 64 << 20;

json_object! {
    /// Reports side by side, with a ranking per pillar.
    #[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
    pub struct Comparison {
        pub weights: WeightsKind,
        /// One report per profile, in input order.
        pub reports: Vec<Report>,
        pub rankings: Vec<Ranking>,
    }
}

json_object! {
    /// The order of the profiles on one pillar.
    #[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
    pub struct Ranking {
        pub pillar: &'static str,
        /// Scored profiles best first (by rank, then score, then input order), then the profiles
        /// without a score, unranked, in input order.
        pub order: Vec<Place>,
    }
}

json_object! {
    /// One profile's place in a ranking.
    ///
    /// Ranks come from the ranges, not only the points: a profile is *certainly above* another when
    /// its lower bound is above the other's upper bound, so that no completion of the missing
    /// answers could reverse them. Two profiles neither of which is certainly above the other are
    /// *not distinguishable*.
    #[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
    pub struct Place {
        /// Position of the profile in the input.
        pub index: usize,
        /// `scored`, or `insufficient-data`: only scored profiles are ranked.
        pub status: Status,
        pub score: Option<f64>,
        pub lower: Option<f64>,
        pub upper: Option<f64>,
        /// The best rank the profile can hold: 1 + the number of scored profiles certainly above it.
        /// Complete profiles with equal scores share a rank.
        pub rank: Option<usize>,
        /// The worst rank it can hold: 1 + the number of other scored profiles that could be above
        /// it (whose upper bound is above its lower bound). Equal to `rank` when it is told apart
        /// from every other.
        pub lowest_rank as "lowestRank": Option<usize>,
        /// Input positions of the scored profiles it is not distinguishable from.
        pub indistinguishable: Vec<usize>,
    }
}

/// Scores every profile with the same options and ranks them.
pub(crate) fn compare(profiles: Vec<Profile>, options: &ScoreOptions) -> Comparison {
    let mut reports = Vec::with_capacity(profiles.len());
    for p in profiles {
        reports.push(score(p, options));
    }
    let mut rankings = Vec::new();
    for (n, pillar) in RUBRIC.pillars.iter().enumerate() {
        let ranges: Vec<Range> = reports
            .iter()
            .map(|r| {
                let p = &r.pillars[n];
                Range {
                    score: p.score,
                    lower: p.lower.unwrap_or(0.0),
                    upper: p.upper.unwrap_or(100.0),
                }
            })
            .collect();
        let mut order = Vec::with_capacity(ranges.len());
        for (index, r) in ranges.iter().enumerate() {
            let p = &reports[index].pillars[n];
            let place = r.score.map(|_| place(&ranges, index));
            let (rank, lowest_rank, indistinguishable) = match place {
                Some(Ranked { best, worst, ties }) => (Some(best), Some(worst), ties),
                None => (None, None, Vec::new()),
            };
            order.push(Place {
                index,
                status: p.status,
                score: p.score,
                lower: p.lower,
                upper: p.upper,
                rank,
                lowest_rank,
                indistinguishable,
            });
        }
        // Every key ends in the input position, so the order is total and an unstable sort
        // gives the one order.
        order.sort_unstable_by(|a, b| {
            let key = |p: &Place| (p.rank.is_none(), p.rank.unwrap_or(0));
            key(a)
                .cmp(&key(b))
                .then(b.score.unwrap_or(0.0).total_cmp(&a.score.unwrap_or(0.0)))
                .then(a.index.cmp(&b.index))
        });
        rankings.push(Ranking {
            pillar: pillar.id,
            order,
        });
    }
    Comparison {
        weights: options.weights.kind(),
        reports,
        rankings,
    }
}

/// A pillar's published figures, as ranking reads them; `score` is `None` when not scored.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Range {
    pub score: Option<f64>,
    pub lower: f64,
    pub upper: f64,
}

/// Where one scored profile stands among the scored ones.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Ranked {
    pub best: usize,
    pub worst: usize,
    pub ties: Vec<usize>,
}

/// The ranking rule, written once: `this` is certainly below another scored profile whose lower
/// bound is above its upper bound, could be below one whose upper bound is above its lower
/// bound, and is not distinguishable from any that is neither certainly above nor certainly
/// below it.
pub(crate) fn place(ranges: &[Range], this: usize) -> Ranked {
    let me = ranges[this];
    let (mut above, mut could_be_above) = (0, 0);
    let mut ties = Vec::new();
    for (n, other) in ranges.iter().enumerate() {
        if n == this || other.score.is_none() {
            continue;
        }
        let certainly_above = other.lower > me.upper;
        let certainly_below = other.upper < me.lower;
        above += usize::from(certainly_above);
        could_be_above += usize::from(other.upper > me.lower);
        if !certainly_above && !certainly_below {
            ties.push(n);
        }
    }
    Ranked {
        best: 1 + above,
        worst: 1 + could_be_above,
        ties,
    }
}

/// Competition rank of score `n` (1 + the number of scores strictly higher), 0 for no score
/// (NaN, which no comparison counts): how the sensitivity analysis ranks one draw's points.
pub(crate) fn rank(scores: &[f64], n: usize) -> usize {
    let s = scores[n];
    if s.is_nan() {
        return 0;
    }
    1 + scores.iter().filter(|&&o| o > s).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(score: Option<f64>, lower: f64, upper: f64) -> Range {
        Range {
            score,
            lower,
            upper,
        }
    }

    #[test]
    fn complete_profiles_rank_by_points_and_ties_share() {
        let r = [
            range(Some(50.0), 50.0, 50.0),
            range(Some(70.0), 70.0, 70.0),
            range(None, 0.0, 100.0),
            range(Some(50.0), 50.0, 50.0),
        ];
        assert_eq!(
            place(&r, 1),
            Ranked {
                best: 1,
                worst: 1,
                ties: vec![]
            }
        );
        assert_eq!(
            place(&r, 0),
            Ranked {
                best: 2,
                worst: 2,
                ties: vec![3]
            }
        );
        assert_eq!(
            place(&r, 3),
            Ranked {
                best: 2,
                worst: 2,
                ties: vec![0]
            }
        );
    }

    #[test]
    fn overlapping_ranges_are_not_distinguishable() {
        // 0 and 1 overlap; 1 and 2 overlap; 0 is certainly above 2.
        let r = [
            range(Some(80.0), 75.0, 90.0),
            range(Some(70.0), 62.0, 78.0),
            range(Some(60.0), 55.0, 65.0),
        ];
        assert_eq!(
            place(&r, 0),
            Ranked {
                best: 1,
                worst: 2,
                ties: vec![1]
            }
        );
        assert_eq!(
            place(&r, 1),
            Ranked {
                best: 1,
                worst: 3,
                ties: vec![0, 2]
            }
        );
        assert_eq!(
            place(&r, 2),
            Ranked {
                best: 2,
                worst: 3,
                ties: vec![1]
            }
        );
    }
}
