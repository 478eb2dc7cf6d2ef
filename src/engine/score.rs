//! The formula: element → indicator → pillar, with bounds for what is not yet assessed,
//! coverage, bands and recommendations. docs/methodology.md states it in words; keep them equal.

use crate::engine::report::{
    ElementReport, EvidenceCoverage, IndicatorReport, Methodology, PillarReport, Recommendation,
    Report, State, Status,
};
use crate::input::options::{ScoreOptions, Weights};
use crate::input::profile::{Answer, Given, Profile, SourceType};
use crate::input::walk::Diagnostics;
use crate::prelude::*;
use crate::rubric::{Element, Scale, RUBRIC};

/// Most recommendations in one report.
pub(crate) const MAX_RECOMMENDATIONS: usize = 10;

/// Shares are compared with the coverage rule to within this, so that a share that is exactly
/// the threshold in decimal is not refused for a rounding error in binary.
const SHARE_TOLERANCE: f64 = 1e-9;

/// Scores a valid profile. Infallible: every check happened when the [`Profile`] was read.
///
/// Takes the profile by value: its notes, evidence and process move into the report rather than
/// being copied.
pub(crate) fn score(profile: Profile, options: &ScoreOptions) -> Report {
    let slots = slots(&profile);
    let weights = &options.weights;
    let mut d = Diagnostics::default();
    profile.advise(options.as_of, &mut d);
    let evidence = evidence_coverage(&profile);
    let backed = backed(&profile);
    let Profile {
        format,
        id,
        supersedes,
        review,
        process,
        answers,
        dropped: _,
    } = profile;
    let mut answers = answers.into_iter();
    let mut pillars = Vec::new();
    let mut recommendations = Recommendations {
        found: Vec::new(),
        gains: Vec::new(),
        trial: slots.clone(),
    };
    for (p, pillar) in RUBRIC.pillars.iter().enumerate() {
        let totals = pillar_indicators(&slots, weights, p);
        let mut indicators = Vec::with_capacity(totals.len());
        let (mut assessed, mut applicable) = (0, 0);
        for ((indicator, i), &(weight, t)) in pillar
            .indicators
            .iter()
            .zip(RUBRIC.indicator_span(p))
            .zip(&totals)
        {
            assessed += t.assessed;
            applicable += t.applicable;
            let range = RUBRIC.element_span(i);
            let mut elements = Vec::with_capacity(indicator.elements.len());
            for (element, slot) in indicator.elements.iter().zip(&slots[range]) {
                elements.push(element_report(element, answers.next().flatten(), slot));
            }
            let status = t.status();
            let score = t.published_score().map(round1);
            indicators.push(IndicatorReport {
                id: indicator.id,
                status,
                weight,
                score,
                lower: t.lower.map(round1),
                upper: t.upper.map(round1),
                answered_weight: round3(t.answered_share().unwrap_or(0.0)),
                assessed: t.assessed,
                applicable: t.applicable,
                band: score.map(|s| RUBRIC.band(s)),
                elements,
            });
        }
        let means = pillar_totals(&totals);
        let (status, answered) = pillar_status(&totals);
        let score = match status {
            Status::Scored => means.score,
            _ => None,
        };
        if let Some(now) = score {
            recommendations.add(&slots, weights, p, now);
        }
        let score = score.map(round1);
        pillars.push(PillarReport {
            id: pillar.id,
            status,
            score,
            lower: means.lower.map(round1),
            upper: means.upper.map(round1),
            coverage: if applicable == 0 {
                1.0
            } else {
                round3(assessed as f64 / applicable as f64)
            },
            answered_weight: round3(answered),
            evidence_quality: round3(pillar_share(&totals, |n, t| {
                // The pillar's n-th indicator, and its elements' place in the flat order.
                let elements = RUBRIC.element_span(RUBRIC.indicator_span(p).start + n);
                t.share_of(&slots[elements.clone()], &backed[elements])
            })),
            assessed,
            applicable,
            provisional: assessed < applicable,
            band: score.map(|s| RUBRIC.band(s)),
            indicators,
        });
    }
    let mut recommendations = recommendations.found;
    recommendations.truncate(MAX_RECOMMENDATIONS);
    Report {
        methodology: Methodology::CURRENT,
        format,
        id,
        supersedes,
        review,
        process,
        weights: weights.kind(),
        recommendations,
        pillars,
        warnings: d.warnings,
        evidence,
    }
}

/// What scoring needs of one element, in rubric order.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Slot {
    pub weight: f64,
    /// Points when answered or no public information; `None` when not assessed or not applicable.
    pub points: Option<f64>,
    pub applicable: bool,
    pub min: f64,
    pub max: f64,
}

pub(crate) fn slots(profile: &Profile) -> Vec<Slot> {
    let mut slots = Vec::with_capacity(profile.answers.len());
    for (n, answer) in profile.answers.iter().enumerate() {
        let element = RUBRIC.element(n);
        let given = answer.as_ref().map(|a| a.given);
        slots.push(Slot {
            weight: element.weight,
            points: given.and_then(|g| points(element, g)),
            applicable: given != Some(Given::NotApplicable),
            min: element.scale.min_points(),
            max: element.scale.max_points(),
        });
    }
    slots
}

fn points(element: &Element, given: Given) -> Option<f64> {
    match (given, &element.scale) {
        (Given::Option(choice), _) => Some(choice.points),
        (Given::Value(x), Scale::Curve { points, .. }) => Some(Scale::curve_points(points, x)),
        (Given::Value(_), Scale::Options { .. }) => None,
        (Given::NoPublicInformation, _) => Some(0.0),
        (Given::NotApplicable, _) => None,
    }
}

/// Weighted means of one indicator's elements, and how much of it is answered.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Totals {
    /// The mean over the answered elements, whether or not the coverage rule publishes it.
    pub score: Option<f64>,
    pub lower: Option<f64>,
    pub upper: Option<f64>,
    pub assessed: usize,
    pub applicable: usize,
    /// Element weight of the applicable elements, and of those answered.
    pub applicable_weight: f64,
    pub answered_weight: f64,
}

impl Totals {
    /// The share of the applicable weight that is answered; `None` when nothing applies.
    pub(crate) fn answered_share(&self) -> Option<f64> {
        (self.applicable_weight > 0.0).then(|| self.answered_weight / self.applicable_weight)
    }

    /// The coverage rule for an indicator.
    pub(crate) fn status(&self) -> Status {
        match self.answered_share() {
            None => Status::NotApplicable,
            Some(share) if share + SHARE_TOLERANCE >= RUBRIC.coverage.indicator => Status::Scored,
            Some(_) => Status::InsufficientData,
        }
    }

    /// The score when the coverage rule allows it to be published.
    pub(crate) fn published_score(&self) -> Option<f64> {
        match self.status() {
            Status::Scored => self.score,
            _ => None,
        }
    }

    /// The share of this indicator's applicable weight held by elements marked in `which`.
    fn share_of(&self, slots: &[Slot], which: &[bool]) -> f64 {
        if self.applicable_weight <= 0.0 {
            return 0.0;
        }
        let mut weight = 0.0;
        for (s, &w) in slots.iter().zip(which) {
            if s.applicable && s.points.is_some() && w {
                weight += s.weight;
            }
        }
        weight / self.applicable_weight
    }
}

pub(crate) fn indicator_totals(slots: &[Slot]) -> Totals {
    let (mut sum, mut counted, mut low, mut high, mut applicable_weight) =
        (0.0, 0.0, 0.0, 0.0, 0.0);
    let (mut assessed, mut applicable) = (0, 0);
    for s in slots.iter().filter(|s| s.applicable) {
        applicable += 1;
        applicable_weight += s.weight;
        match s.points {
            Some(p) => {
                assessed += 1;
                sum += s.weight * p;
                counted += s.weight;
                low += s.weight * p;
                high += s.weight * p;
            }
            None => {
                low += s.weight * s.min;
                high += s.weight * s.max;
            }
        }
    }
    let mean = |total: f64, weight: f64| (weight > 0.0).then(|| total / weight);
    Totals {
        score: mean(sum, counted),
        lower: mean(low, applicable_weight),
        upper: mean(high, applicable_weight),
        assessed,
        applicable,
        applicable_weight,
        answered_weight: counted,
    }
}

/// Each indicator of the pillar at position `p`: its weight and totals.
pub(crate) fn pillar_indicators(slots: &[Slot], weights: &Weights, p: usize) -> Vec<(f64, Totals)> {
    let span = RUBRIC.indicator_span(p);
    let mut totals = Vec::with_capacity(span.len());
    for i in span {
        totals.push((
            weights.get(i),
            indicator_totals(&slots[RUBRIC.element_span(i)]),
        ));
    }
    totals
}

/// Weighted means of a pillar's indicators: the score over indicators with a score, the bounds
/// over every applicable indicator.
fn pillar_totals(indicators: &[(f64, Totals)]) -> Totals {
    Totals {
        score: pillar_mean(indicators, |t| t.score),
        lower: pillar_mean(indicators, |t| t.lower),
        upper: pillar_mean(indicators, |t| t.upper),
        assessed: 0,
        applicable: 0,
        applicable_weight: 0.0,
        answered_weight: 0.0,
    }
}

/// The weighted share of a pillar that `share` measures per indicator (given its position in
/// the pillar), over indicators with a positive weight and an applicable element.
fn pillar_share(indicators: &[(f64, Totals)], share: impl Fn(usize, &Totals) -> f64) -> f64 {
    let (mut sum, mut weight) = (0.0, 0.0);
    for (n, (w, t)) in indicators.iter().enumerate() {
        if *w > 0.0 && t.applicable_weight > 0.0 {
            sum += w * share(n, t);
            weight += w;
        }
    }
    if weight > 0.0 {
        sum / weight
    } else {
        0.0
    }
}

/// The coverage rule for a pillar, with its answered share of the weight: scored when that share
/// reaches the rule's and every indicator that counts (a positive weight and an applicable
/// element) has at least one answer, so that no indicator's weight rests on the others alone.
/// The one place the rule is applied to pillars: scores, comparisons and the sensitivity
/// analysis all go through here.
pub(crate) fn pillar_status(indicators: &[(f64, Totals)]) -> (Status, f64) {
    let share = pillar_share(indicators, |_, t| t.answered_share().unwrap_or(0.0));
    let counted = indicators
        .iter()
        .filter(|(w, t)| *w > 0.0 && t.applicable_weight > 0.0);
    let mut any = false;
    let mut all_answered = true;
    for (_, t) in counted {
        any = true;
        all_answered &= t.assessed > 0;
    }
    let scored = any && all_answered && share + SHARE_TOLERANCE >= RUBRIC.coverage.pillar;
    let status = if scored {
        Status::Scored
    } else {
        Status::InsufficientData
    };
    (status, share)
}

/// The weighted mean of one figure of a pillar's indicators: every pillar mean goes through here.
fn pillar_mean(indicators: &[(f64, Totals)], pick: fn(&Totals) -> Option<f64>) -> Option<f64> {
    weighted_mean(indicators.iter().map(|(w, t)| (*w, pick(t))))
}

/// Σ w·v / Σ w over the items that have a value; `None` when their weights sum to 0. The one
/// place the pillar formula is written: scores, bounds and the sensitivity analysis all use it.
pub(crate) fn weighted_mean(items: impl Iterator<Item = (f64, Option<f64>)>) -> Option<f64> {
    let (sum, weight) = items
        .filter_map(|(w, v)| v.map(|v| (w * v, w)))
        .fold((0.0, 0.0), |(s, ws), (x, w)| (s + x, ws + w));
    (weight > 0.0).then(|| sum / weight)
}

/// Per element: is its answer backed by official evidence with a date (`checkedOn`)?
fn backed(profile: &Profile) -> Vec<bool> {
    let mut out = Vec::with_capacity(profile.answers.len());
    for answer in &profile.answers {
        out.push(answer.as_ref().is_some_and(|a| {
            a.evidence
                .iter()
                .any(|e| e.source_type == Some(SourceType::Official) && e.checked_on.is_some())
        }));
    }
    out
}

fn element_report(element: &'static Element, answer: Option<Answer>, slot: &Slot) -> ElementReport {
    let given = answer.as_ref().map(|a| a.given);
    let state = match given {
        None => State::NotAssessed,
        Some(Given::NotApplicable) => State::NotApplicable,
        Some(Given::NoPublicInformation) => State::NoPublicInformation,
        Some(_) => State::Answered,
    };
    let (note, evidence, searched, trail) = match answer {
        Some(a) => (a.note, a.evidence, a.searched, a.trail),
        None => (None, Vec::new(), Vec::new(), Default::default()),
    };
    let (lower, upper) = match state {
        State::NotAssessed => (Some(slot.min), Some(slot.max)),
        _ => (slot.points, slot.points),
    };
    ElementReport {
        id: element.id,
        weight: element.weight,
        state,
        option: match given {
            Some(Given::Option(c)) => Some(c.id),
            _ => None,
        },
        value: match given {
            Some(Given::Value(v)) => Some(v),
            _ => None,
        },
        score: slot.points.map(round1),
        lower: lower.map(round1),
        upper: upper.map(round1),
        note,
        evidence,
        searched,
        trail,
    }
}

/// The recommendations so far, largest gain first, with their unrounded gains alongside.
struct Recommendations {
    found: Vec<Recommendation>,
    gains: Vec<f64>,
    /// The slots, with one element at a time raised to its best answer.
    trial: Vec<Slot>,
}

impl Recommendations {
    /// For every assessed element of pillar `p` below its best answer: how much the pillar,
    /// scoring `now`, would gain from the best answer, all else equal. Ties keep rubric order.
    fn add(&mut self, slots: &[Slot], weights: &Weights, p: usize, now: f64) {
        let pillar = &RUBRIC.pillars[p];
        for (indicator, i) in pillar.indicators.iter().zip(RUBRIC.indicator_span(p)) {
            for (element, n) in indicator.elements.iter().zip(RUBRIC.element_span(i)) {
                let slot = slots[n];
                let Some(points) = slot.points else { continue };
                if points >= slot.max {
                    continue;
                }
                self.trial[n].points = Some(slot.max);
                let after = pillar_mean(&pillar_indicators(&self.trial, weights, p), |t| t.score);
                self.trial[n] = slot;
                let Some(after) = after else { continue };
                let gain = after - now;
                // Judged as published: a gain that rounds to 0.0 is no recommendation.
                if round1(gain) <= 0.0 {
                    continue;
                }
                let (option, value) = match &element.scale {
                    Scale::Options { options } => (Scale::best_option(options).map(|c| c.id), None),
                    Scale::Curve { points, .. } => (None, Some(Scale::best_value(points))),
                };
                // After every earlier one of equal or larger gain.
                let mut at = self.gains.len();
                while at > 0 && gain > self.gains[at - 1] {
                    at -= 1;
                }
                self.gains.insert(at, gain);
                self.found.insert(
                    at,
                    Recommendation {
                        pillar: pillar.id,
                        indicator: indicator.id,
                        element: element.id,
                        option,
                        value,
                        gain: round1(gain),
                    },
                );
            }
        }
    }
}

fn evidence_coverage(profile: &Profile) -> EvidenceCoverage {
    let (mut answers, mut with_evidence) = (0, 0);
    for a in profile.answers.iter().flatten() {
        if a.given != Given::NotApplicable {
            answers += 1;
            with_evidence += usize::from(!a.evidence.is_empty());
        }
    }
    EvidenceCoverage {
        answers,
        with_evidence,
        share: if answers == 0 {
            0.0
        } else {
            round3(with_evidence as f64 / answers as f64)
        },
    }
}

/// Scores are published to one decimal: finer digits are noise, and rounding once here keeps
/// every renderer showing the same figure.
pub(crate) fn round1(x: f64) -> f64 {
    crate::base::num::round(x * 10.0) / 10.0
}

pub(crate) fn round3(x: f64) -> f64 {
    crate::base::num::round(x * 1000.0) / 1000.0
}
