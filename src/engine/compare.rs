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
        let mut places = places(&ranges).into_iter();
        let mut order = Vec::with_capacity(ranges.len());
        for (index, r) in ranges.iter().enumerate() {
            let p = &reports[index].pillars[n];
            let place = r.score.and_then(|_| places.next());
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

/// The ranking rule, written once, for one profile in O(n) ([`places`] gives the same for all of
/// them at once, faster, and the tests hold it to this): `this` is certainly below another scored profile whose lower
/// bound is above its upper bound, could be below one whose upper bound is above its lower
/// bound, and is not distinguishable from any that is neither certainly above nor certainly
/// below it.
#[cfg(test)]
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

/// `place` (the rule written once) of every scored profile, in input order, in O(n log n) plus the size of the ties
/// (which can be n² when every range overlaps every other): the counts by binary search in the
/// sorted bounds, and the ties by a search of the ranges sorted by lower bound, pruned by the
/// highest upper bound under each node of a tree over them.
pub(crate) fn places(ranges: &[Range]) -> Vec<Ranked> {
    let scored: Vec<usize> = (0..ranges.len())
        .filter(|&n| ranges[n].score.is_some())
        .collect();
    // Every sort here is of f64s (one sort in the WebAssembly, which the sensitivity analysis
    // uses too): the bounds, and input positions (exact as f64, far below 2^53).
    let mut lowers: Vec<f64> = scored.iter().map(|&n| ranges[n].lower).collect();
    let mut uppers: Vec<f64> = scored.iter().map(|&n| ranges[n].upper).collect();
    lowers.sort_unstable_by(f64::total_cmp);
    uppers.sort_unstable_by(f64::total_cmp);
    // The scored profiles in the order of `lowers`: each goes to the first place of its bound
    // there, after those before it in input order with the same bound.
    let mut by_lower = vec![0; scored.len()];
    let mut taken = vec![0; scored.len()];
    for &n in &scored {
        let first = lowers.partition_point(|&v| v.total_cmp(&ranges[n].lower).is_lt());
        by_lower[first + taken[first]] = n;
        taken[first] += 1;
    }
    // How many of the sorted `xs` are above `x`.
    let above = |xs: &[f64], x: f64| xs.len() - xs.partition_point(|&v| v <= x);
    // A tree of the highest upper bound over each run of `by_lower` (leaves from `size`, the
    // root at 1).
    let size = by_lower.len().next_power_of_two();
    let mut highest = vec![f64::NEG_INFINITY; 2 * size];
    for (k, &n) in by_lower.iter().enumerate() {
        highest[size + k] = ranges[n].upper;
    }
    for k in (1..size).rev() {
        highest[k] = highest[2 * k].max(highest[2 * k + 1]);
    }
    scored
        .iter()
        .map(|&this| {
            let me = ranges[this];
            // Others: the profile itself is among the sorted bounds, and counts where it would.
            let best = 1 + above(&lowers, me.upper) - usize::from(me.lower > me.upper);
            let worst = 1 + above(&uppers, me.lower) - usize::from(me.upper > me.lower);
            // Neither certainly above (lower > my upper: past the prefix of lower bounds up to
            // mine) nor certainly below (upper < my lower).
            let prefix = by_lower.partition_point(|&n| ranges[n].lower <= me.upper);
            let mut found = Vec::new();
            let mut stack = vec![(1, 0, size)];
            while let Some((node, from, to)) = stack.pop() {
                if from >= prefix || highest[node] < me.lower {
                    continue;
                }
                if to - from == 1 {
                    if by_lower[from] != this {
                        found.push(by_lower[from]);
                    }
                    continue;
                }
                let mid = (from + to) / 2;
                stack.push((2 * node, from, mid));
                stack.push((2 * node + 1, mid, to));
            }
            let mut ties: Vec<f64> = found.iter().map(|&n| n as f64).collect();
            ties.sort_unstable_by(f64::total_cmp);
            let ties = ties.iter().map(|&n| n as usize).collect();
            Ranked { best, worst, ties }
        })
        .collect()
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
    use proptest::prelude::*;

    /// Ranges on a coarse grid, so that equal bounds, equal points and identical ranges are
    /// common; some unscored, some with the lower bound above the upper (no report has one, but
    /// the rule is defined for them, and both must agree there too).
    fn ranges_strategy() -> impl Strategy<Value = Vec<Range>> {
        let bound = prop_oneof![(0u8..=10).prop_map(|k| f64::from(k) * 10.0), 0.0..=100.0f64];
        let one =
            (any::<bool>(), bound.clone(), bound, any::<u8>()).prop_map(|(scored, a, b, k)| {
                let (lower, upper) = if k % 8 == 0 {
                    (b.max(a), b.min(a))
                } else {
                    (a.min(b), a.max(b))
                };
                range(scored.then_some((lower + upper) / 2.0), lower, upper)
            });
        proptest::collection::vec(one, 0..60)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn places_equal_the_rule_written_once(r in ranges_strategy()) {
            let fast = places(&r);
            let slow: Vec<Ranked> = (0..r.len()).filter(|&n| r[n].score.is_some()).map(|n| place(&r, n)).collect();
            prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn places_of_identical_and_point_ranges() {
        let same = vec![range(Some(50.0), 40.0, 60.0); 5];
        for (n, p) in places(&same).into_iter().enumerate() {
            assert_eq!(p, place(&same, n));
            assert_eq!(p.ties.len(), 4);
        }
        let points: Vec<Range> = (0..9)
            .map(|k| range(Some(f64::from(k % 3)), f64::from(k % 3), f64::from(k % 3)))
            .collect();
        let fast = places(&points);
        for (n, p) in fast.iter().enumerate() {
            assert_eq!(p, &place(&points, n));
        }
        assert!(places(&[]).is_empty());
    }

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
