//! The methodology as static data, generated at build time from `rubric/v2.toml`.
//!
//! Only structure lives here (ids, weights, points, curves, source ids): the human text is in the
//! message catalogues, so the compiled engine stays small and every language is equal.

use serde::Serialize;

/// A methodology: pillars of weighted indicators of weighted elements.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Rubric {
    /// Stable id of the methodology, named in every report.
    pub id: &'static str,
    /// Semantic version; scores under different major versions are not comparable.
    pub version: &'static str,
    /// When a pillar or indicator score may be published.
    pub coverage: Coverage,
    /// Rules for the evidence warnings and the evidence-quality figure.
    pub evidence: EvidenceRules,
    /// Every v1 question that this version does not keep under the same id.
    pub crosswalk: &'static [Retired],
    /// Score bands, ascending by lower bound; the first starts at 0.
    pub bands: &'static [Band],
    /// Everything an indicator may cite.
    pub sources: &'static [Source],
    /// The headline scores.
    pub pillars: &'static [Pillar],
}

/// The coverage rule: the shares of applicable weight that must be answered (an option, a
/// value or no public information) before a score is published.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Coverage {
    /// An indicator is scored from this share of its applicable element weight.
    pub indicator: f64,
    /// A pillar is scored from this share of its applicable weight, when every indicator with an
    /// applicable element and a positive weight is scored too.
    pub pillar: f64,
}

/// How evidence is judged.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct EvidenceRules {
    /// A source dated (`publishedOn`) more than this many days before the assessment is old.
    pub max_age_days: u32,
}

/// A question of methodology v1 that this version retired, and how its answers carry over.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Retired {
    pub v1: &'static str,
    /// The question that replaces it.
    pub v2: &'static str,
    /// `changed` or `split`.
    pub change: &'static str,
    /// Its v1 option ids, so that v1 answers can still be checked.
    pub options: &'static [&'static str],
    /// `(v1 option, v2 option)` where the answer means the same; other answers are dropped.
    pub map: &'static [(&'static str, &'static str)],
}

/// A named range of scores, derived from the score alone.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Band {
    pub id: &'static str,
    /// The lowest score in the band.
    pub min: f64,
}

/// A framework or source document that indicators rest on.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Source {
    pub id: &'static str,
    pub url: Option<&'static str>,
}

/// A headline score (openness, inclusion).
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Pillar {
    pub id: &'static str,
    pub indicators: &'static [Indicator],
}

/// A weighted part of a pillar.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Indicator {
    pub id: &'static str,
    /// Relative weight inside the pillar (the defaults sum to 100).
    pub weight: f64,
    /// Ids of the sources this indicator rests on.
    pub sources: &'static [&'static str],
    pub elements: &'static [Element],
}

/// One question an assessor answers.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Element {
    pub id: &'static str,
    /// Relative weight inside the indicator.
    pub weight: f64,
    pub scale: Scale,
}

/// How an answer turns into points.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Scale {
    /// Pick one option; each is worth fixed points.
    Options { options: &'static [Choice] },
    /// Give a number; points follow a piecewise-linear curve, flat beyond its ends.
    Curve {
        unit: &'static str,
        /// Smallest accepted value.
        min: f64,
        /// Largest accepted value.
        max: f64,
        /// `(value, points)` with ascending values.
        points: &'static [(f64, f64)],
    },
}

/// One answer option of an element, worth `points` (0–100).
#[derive(Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Choice {
    pub id: &'static str,
    pub points: f64,
}

/// Sources and citations are for people: the engine never reads them, and the package serves
/// the rubric to JavaScript as generated JSON (schema/rubric.json), so the WebAssembly leaves
/// them out rather than carry their text. Native builds, which generate that JSON and the
/// methodology, keep them.
const fn native<T>(items: &'static [T]) -> &'static [T] {
    if cfg!(target_arch = "wasm32") {
        &[]
    } else {
        items
    }
}

include!(concat!(env!("OUT_DIR"), "/rubric.rs"));

/// The methodology's major version: scores under different majors are not comparable.
pub const MAJOR: u32 = major(RUBRIC.version);

const fn major(version: &str) -> u32 {
    let b = version.as_bytes();
    let (mut n, mut at) = (0, 0);
    while at < b.len() && b[at].is_ascii_digit() {
        n = n * 10 + (b[at] - b'0') as u32;
        at += 1;
    }
    n
}

impl Rubric {
    /// Every element with the indices of its pillar and of its indicator within the pillar, in
    /// rubric order.
    pub fn elements(&self) -> impl Iterator<Item = (usize, usize, &'static Element)> + '_ {
        ELEMENT_PLACES
            .iter()
            .enumerate()
            .map(|(n, &(p, i, _))| (usize::from(p), usize::from(i), self.element(n)))
    }

    /// How many elements the rubric has: the length of a profile's answers.
    pub fn element_count(&self) -> usize {
        ELEMENT_PLACES.len()
    }

    /// The element at this position of the flat element order.
    pub fn element(&self, n: usize) -> &'static Element {
        let (p, i, e) = ELEMENT_PLACES[n];
        &RUBRIC.pillars[usize::from(p)].indicators[usize::from(i)].elements[usize::from(e)]
    }

    /// How many indicators the rubric has.
    pub fn indicator_count(&self) -> usize {
        INDICATOR_PLACES.len()
    }

    /// The indicator at this position of the flat indicator order.
    pub fn indicator(&self, n: usize) -> &'static Indicator {
        let (p, i) = INDICATOR_PLACES[n];
        &RUBRIC.pillars[usize::from(p)].indicators[usize::from(i)]
    }

    /// Every indicator in rubric order.
    pub fn indicators(&self) -> impl Iterator<Item = &'static Indicator> + '_ {
        (0..self.indicator_count()).map(|n| self.indicator(n))
    }

    /// The elements of the indicator at this flat position, as a range of the element order
    /// (and so of a profile's answers).
    pub fn element_span(&self, indicator: usize) -> core::ops::Range<usize> {
        ELEMENT_SPANS[indicator].clone()
    }

    /// The indicators of the pillar at this position, as a range of the flat indicator order.
    pub fn indicator_span(&self, pillar: usize) -> core::ops::Range<usize> {
        INDICATOR_SPANS[pillar].clone()
    }

    /// The band a (rounded) score falls in.
    pub fn band(&self, score: f64) -> &'static str {
        let bands: &'static [Band] = self.bands;
        bands
            .iter()
            .rev()
            .find(|b| score >= b.min)
            .map_or(bands[0].id, |b| b.id)
    }
}

impl Scale {
    /// Points of the worst answer.
    pub fn min_points(&self) -> f64 {
        self.fold_points(f64::INFINITY, f64::min)
    }

    /// Points of the best answer.
    pub fn max_points(&self) -> f64 {
        self.fold_points(f64::NEG_INFINITY, f64::max)
    }

    fn fold_points(&self, init: f64, f: fn(f64, f64) -> f64) -> f64 {
        match self {
            Scale::Options { options } => options.iter().fold(init, |a, o| f(a, o.points)),
            Scale::Curve { points, .. } => points.iter().fold(init, |a, p| f(a, p.1)),
        }
    }

    /// Points for a value on a curve scale: linear between points, flat beyond the ends.
    pub fn curve_points(points: &[(f64, f64)], value: f64) -> f64 {
        let (first, last) = (points[0], points[points.len() - 1]);
        if value <= first.0 {
            return first.1;
        }
        if value >= last.0 {
            return last.1;
        }
        for w in points.windows(2) {
            let ((x0, y0), (x1, y1)) = (w[0], w[1]);
            if value <= x1 {
                return y0 + (y1 - y0) * (value - x0) / (x1 - x0);
            }
        }
        last.1
    }

    /// The best value on a curve: the first point that earns the maximum.
    pub fn best_value(points: &[(f64, f64)]) -> f64 {
        let max = points.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
        points.iter().find(|p| p.1 == max).map_or(0.0, |p| p.0)
    }

    /// The best option: the one worth most points; of equals, the last.
    pub fn best_option(options: &'static [Choice]) -> Option<&'static Choice> {
        let mut best: Option<&Choice> = None;
        for c in options {
            if best.is_none_or(|b| c.points >= b.points) {
                best = Some(c);
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_element_spans_0_to_100_and_ids_are_unique() {
        let mut ids: Vec<&str> = RUBRIC.elements().map(|(_, _, e)| e.id).collect();
        ids.extend(RUBRIC.indicators().map(|i| i.id));
        ids.extend(RUBRIC.pillars.iter().map(|p| p.id));
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), count, "ids are unique");
        for (_, _, e) in RUBRIC.elements() {
            assert_eq!(
                (e.scale.min_points(), e.scale.max_points()),
                (0.0, 100.0),
                "{}",
                e.id
            );
        }
        for pillar in RUBRIC.pillars {
            assert_eq!(
                pillar.indicators.iter().map(|i| i.weight).sum::<f64>(),
                100.0,
                "{}",
                pillar.id
            );
        }
        assert_eq!(RUBRIC.indicators().count(), 17);
        assert_eq!(RUBRIC.elements().count(), 59);
    }

    #[test]
    fn spans_match_the_nested_tables() {
        let elements: Vec<&str> = RUBRIC.elements().map(|(_, _, e)| e.id).collect();
        let indicators: Vec<&Indicator> = RUBRIC.indicators().collect();
        for (p, pillar) in RUBRIC.pillars.iter().enumerate() {
            let span = RUBRIC.indicator_span(p);
            assert_eq!(
                indicators[span.clone()]
                    .iter()
                    .map(|i| i.id)
                    .collect::<Vec<_>>(),
                pillar.indicators.iter().map(|i| i.id).collect::<Vec<_>>()
            );
            for i in span {
                let ids: Vec<&str> = indicators[i].elements.iter().map(|e| e.id).collect();
                assert_eq!(elements[RUBRIC.element_span(i)], ids[..]);
            }
        }
    }

    #[test]
    fn curves_interpolate_and_hold_flat() {
        let points = [(0.0, 100.0), (500.0, 80.0), (5000.0, 40.0)];
        assert_eq!(Scale::curve_points(&points, -1.0), 100.0);
        assert_eq!(Scale::curve_points(&points, 250.0), 90.0);
        assert_eq!(Scale::curve_points(&points, 2750.0), 60.0);
        assert_eq!(Scale::curve_points(&points, 1e9), 40.0);
        assert_eq!(
            Scale::best_value(&[(0.0, 0.0), (90.0, 100.0), (100.0, 100.0)]),
            90.0
        );
    }

    #[test]
    fn bands_follow_the_score() {
        assert_eq!(RUBRIC.band(0.0), "limited");
        assert_eq!(RUBRIC.band(39.9), "limited");
        assert_eq!(RUBRIC.band(40.0), "partial");
        assert_eq!(RUBRIC.band(80.0), "strong");
        assert_eq!(RUBRIC.band(100.0), "strong");
    }
}
