//! What a caller may change about a computation: indicator weights, the date warnings are judged
//! against, and the sensitivity analysis's draws. Read from JSON like profiles, with the same
//! coded errors.

use crate::base::text::json_enum;
use crate::input::date::Date;
use crate::input::error::{closest, Error};
use crate::input::json::Json;
use crate::input::walk::{self, At, Diagnostics, Obj};
use crate::prelude::*;
use crate::rubric::RUBRIC;
use serde::Serialize;

/// Largest accepted weight: weights are relative, so larger numbers add nothing but overflow risk.
pub const MAX_WEIGHT: f64 = 1000.0;
/// Most weight draws in one sensitivity analysis.
pub const MAX_DRAWS: u32 = 10_000;

json_enum! {
    /// Whether the methodology's weights were used.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
    pub enum WeightsKind {
        Default as "default",
        Custom as "custom",
    }
}

/// Indicator weights, one per indicator in rubric order.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    values: Vec<f64>,
}

impl Default for Weights {
    fn default() -> Self {
        let mut values = Vec::with_capacity(RUBRIC.indicator_count());
        for n in 0..RUBRIC.indicator_count() {
            values.push(RUBRIC.indicator(n).weight);
        }
        Weights { values }
    }
}

impl Weights {
    /// The weight of the indicator at this rubric position.
    pub fn get(&self, indicator: usize) -> f64 {
        self.values[indicator]
    }

    /// All weights in rubric order.
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// `Custom` when any weight differs from the methodology's: such scores are not comparable
    /// with published ones, and every report says so.
    pub fn kind(&self) -> WeightsKind {
        let default =
            (0..RUBRIC.indicator_count()).all(|n| self.values[n] == RUBRIC.indicator(n).weight);
        if default {
            WeightsKind::Default
        } else {
            WeightsKind::Custom
        }
    }

    /// Weights from `{"O1": 20, …}`; indicators not named keep their default.
    ///
    /// # Errors
    ///
    /// Collected in `d`: `unknown-indicator`, `wrong-type`, `not-finite`, `out-of-range`, and
    /// `zero-weights` when a pillar would have no positive weight.
    pub(crate) fn read(v: &Json, at: At, d: &mut Diagnostics) -> Option<Weights> {
        let o = Obj::new(v, at, d)?;
        let mut weights = Weights::default();
        let before = d.errors.len();
        for (id, value) in o.entries() {
            let path = o.at(id);
            let count = RUBRIC.indicator_count();
            match (0..count).find(|&n| RUBRIC.indicator(n).id == id) {
                Some(n) => {
                    if let Some(w) = walk::number(value, path, 0.0, MAX_WEIGHT, d) {
                        weights.values[n] = w;
                    }
                }
                None => {
                    let suggestion = closest(id, (0..count).map(|n| RUBRIC.indicator(n).id));
                    d.error(Error::unknown_indicator(path.path(), id, suggestion));
                }
            }
        }
        for (p, pillar) in RUBRIC.pillars.iter().enumerate() {
            if weights.values[RUBRIC.indicator_span(p)]
                .iter()
                .all(|&w| w <= 0.0)
            {
                d.error(Error::zero_weights(o.at.path(), pillar.id));
            }
        }
        (d.errors.len() == before).then_some(weights)
    }
}

/// Options of `score` and `compare`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScoreOptions {
    pub weights: Weights,
    /// "Today", for the assessment-outdated warning; no warning is judged without it.
    pub as_of: Option<Date>,
}

impl ScoreOptions {
    /// Reads `{weights?, asOf?}`; `null` means the defaults.
    pub(crate) fn read(v: &Json, d: &mut Diagnostics) -> Option<ScoreOptions> {
        if matches!(v, Json::Null) {
            return Some(ScoreOptions::default());
        }
        let o = Obj::new(v, At::ROOT, d)?;
        o.deny_unknown(&["weights", "asOf"], d);
        Some(ScoreOptions {
            weights: match o.get("weights") {
                Some(v) => Weights::read(v, o.at("weights"), d).unwrap_or_default(),
                None => Weights::default(),
            },
            as_of: o.get("asOf").and_then(|v| walk::date(v, o.at("asOf"), d)),
        })
    }
}

/// Options of the sensitivity analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct SensitivityOptions {
    /// Base weights that the draws perturb.
    pub weights: Weights,
    /// Number of weight draws, 1 to [`MAX_DRAWS`].
    pub draws: u32,
    /// Seed of the pseudo-random draws: the same seed gives the same analysis.
    pub seed: u32,
    /// Each weight is multiplied by a factor drawn uniformly from `[1 − spread, 1 + spread]`.
    pub spread: f64,
}

impl Default for SensitivityOptions {
    fn default() -> Self {
        SensitivityOptions {
            weights: Weights::default(),
            draws: 1000,
            seed: 1,
            spread: 0.5,
        }
    }
}

impl SensitivityOptions {
    /// Reads `{weights?, draws?, seed?, spread?}`; `null` means the defaults.
    pub(crate) fn read(v: &Json, d: &mut Diagnostics) -> Option<SensitivityOptions> {
        let mut out = SensitivityOptions::default();
        if matches!(v, Json::Null) {
            return Some(out);
        }
        let o = Obj::new(v, At::ROOT, d)?;
        o.deny_unknown(&["weights", "draws", "seed", "spread"], d);
        if let Some(v) = o.get("weights") {
            out.weights = Weights::read(v, o.at("weights"), d).unwrap_or_default();
        }
        if let Some(v) = o.get("draws") {
            out.draws = whole(v, o.at("draws"), 1.0, f64::from(MAX_DRAWS), d).unwrap_or(out.draws);
        }
        if let Some(v) = o.get("seed") {
            out.seed = whole(v, o.at("seed"), 0.0, f64::from(u32::MAX), d).unwrap_or(out.seed);
        }
        if let Some(v) = o.get("spread") {
            out.spread = walk::number(v, o.at("spread"), 0.0, 1.0, d).unwrap_or(out.spread);
        }
        Some(out)
    }
}

/// A whole number in `[min, max]`.
fn whole(v: &Json, at: At, min: f64, max: f64, d: &mut Diagnostics) -> Option<u32> {
    let x = walk::number(v, at, min, max, d)?;
    if crate::base::num::fract(x) != 0.0 {
        d.error(Error::wrong_type(at.path(), "a whole number", "a fraction"));
        return None;
    }
    Some(x as u32)
}
