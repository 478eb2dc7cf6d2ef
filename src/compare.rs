//! Several processes scored under the same weights, ranked per pillar.

use crate::options::ScoreOptions;
use crate::prelude::*;
use crate::profile::Profile;
use crate::report::{Report, WeightsKind};
use crate::rubric::RUBRIC;
use crate::score::score;
use crate::text::{Text, WriteJson};
use serde::Serialize;

/// Most profiles in one comparison or sensitivity analysis.
pub const MAX_PROFILES: usize = 50;

/// Reports side by side, with a ranking per pillar.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Comparison {
    pub weights: WeightsKind,
    /// One report per profile, in input order.
    pub reports: Vec<Report>,
    pub rankings: Vec<Ranking>,
}

/// The order of the profiles on one pillar.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Ranking {
    pub pillar: &'static str,
    /// Best first; profiles without a score last, unranked.
    pub order: Vec<Place>,
}

/// One profile's place in a ranking.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Place {
    /// Position of the profile in the input.
    pub index: usize,
    pub score: Option<f64>,
    /// 1 + the number of profiles with a strictly higher score; ties share a rank.
    pub rank: Option<usize>,
}

impl WriteJson for Comparison {
    fn write_json(&self, out: &mut Text) {
        out.begin_object();
        out.field("weights", &self.weights);
        out.field("reports", &self.reports);
        out.field("rankings", &self.rankings);
        out.end_object();
    }
}

impl WriteJson for Ranking {
    fn write_json(&self, out: &mut Text) {
        out.begin_object();
        out.field("pillar", self.pillar);
        out.field("order", &self.order);
        out.end_object();
    }
}

impl WriteJson for Place {
    fn write_json(&self, out: &mut Text) {
        out.begin_object();
        out.field("index", &self.index);
        out.field("score", &self.score);
        out.field("rank", &self.rank);
        out.end_object();
    }
}

/// Scores every profile with the same options and ranks them.
pub fn compare(profiles: Vec<Profile>, options: &ScoreOptions) -> Comparison {
    let mut reports = Vec::with_capacity(profiles.len());
    for p in profiles {
        reports.push(score(p, options));
    }
    let mut rankings = Vec::new();
    for (n, pillar) in RUBRIC.pillars.iter().enumerate() {
        let scores: Vec<Option<f64>> = reports.iter().map(|r| r.pillars[n].score).collect();
        let mut order = Vec::with_capacity(scores.len());
        for (index, rank) in ranks(&scores).into_iter().enumerate() {
            order.push(Place {
                index,
                score: scores[index],
                rank,
            });
        }
        let key = |p: &Place| (p.rank.unwrap_or(usize::MAX), p.index);
        crate::score::insertion_sort(&mut order, |a, b| key(a) < key(b));
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

/// Competition ranks ("1224") of scores; `None` scores are unranked.
pub(crate) fn ranks(scores: &[Option<f64>]) -> Vec<Option<usize>> {
    let mut flat = Vec::with_capacity(scores.len());
    for s in scores {
        flat.push(s.unwrap_or(f64::NAN));
    }
    let mut out = Vec::with_capacity(scores.len());
    for n in 0..flat.len() {
        out.push(Some(rank(&flat, n)).filter(|&r| r > 0));
    }
    out
}

/// Competition rank of score `n` (1 + the number of scores strictly higher), 0 for no score
/// (NaN, which no comparison counts). The one place the ranking rule is written.
pub(crate) fn rank(scores: &[f64], n: usize) -> usize {
    let s = scores[n];
    if s.is_nan() {
        return 0;
    }
    1 + scores.iter().filter(|&&o| o > s).count()
}

#[cfg(test)]
mod tests {
    #[test]
    fn ties_share_a_rank() {
        let r = super::ranks(&[Some(50.0), Some(70.0), None, Some(50.0)]);
        assert_eq!(r, [Some(2), Some(1), None, Some(2)]);
    }
}
