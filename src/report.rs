//! The output: everything a renderer needs, as data. Renderers draw from the report only; they
//! never score, so every figure a person sees comes from this one computation.

use crate::error::Warning;
use crate::prelude::*;
use crate::profile::{Evidence, Format, Process, Review, Trail};
use crate::text::{Text, WriteJson};
use serde::Serialize;

/// The scored profile.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub methodology: Methodology,
    /// The profile format that was read: a v1 profile is scored under this methodology through
    /// its crosswalk, with the warning `profile-v1`.
    pub format: Format,
    /// The assessment's id, when the profile gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The id or date of the assessment this one replaces.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supersedes: Option<String>,
    /// Who reviewed the assessment: a profile without a review is a self-assessment.
    pub review: Review,
    pub process: Process,
    /// `default`, or `custom` when the caller changed any weight: custom scores are not
    /// comparable with published ones.
    pub weights: WeightsKind,
    pub pillars: Vec<PillarReport>,
    /// Changes that would raise a pillar score most, best first.
    pub recommendations: Vec<Recommendation>,
    pub warnings: Vec<Warning>,
    pub evidence: EvidenceCoverage,
}

/// Which methodology produced a report. Scores are comparable only under the same `major`.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Methodology {
    pub id: &'static str,
    pub version: &'static str,
    /// The major version: scores under different majors are not comparable.
    pub major: u32,
}

impl Methodology {
    /// This engine's methodology.
    pub const CURRENT: Methodology = Methodology {
        id: crate::rubric::RUBRIC.id,
        version: crate::rubric::RUBRIC.version,
        major: crate::rubric::MAJOR,
    };
}

/// Whether a pillar or indicator has as many answers as the coverage rule asks before its score
/// is published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Enough is answered: the score and band are published.
    Scored,
    /// Too little is answered: only the range and the coverage are published.
    InsufficientData,
    /// No question of the indicator applies to this process.
    NotApplicable,
}

impl WriteJson for Status {
    fn write_json(&self, out: &mut Text) {
        out.string(match self {
            Status::Scored => "scored",
            Status::InsufficientData => "insufficient-data",
            Status::NotApplicable => "not-applicable",
        });
    }
}

/// Whether the methodology's weights were used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum WeightsKind {
    Default,
    Custom,
}

/// A headline score with its uncertainty from unanswered questions.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PillarReport {
    pub id: &'static str,
    /// `scored`, or `insufficient-data` below the coverage rule.
    pub status: Status,
    /// 0–100, one decimal; `None` unless the status is `scored`.
    pub score: Option<f64>,
    /// The score if every unanswered question got its worst answer.
    pub lower: Option<f64>,
    /// The score if every unanswered question got its best answer.
    pub upper: Option<f64>,
    /// Share (0–1) of applicable elements that are assessed.
    pub coverage: f64,
    /// Share (0–1) of the pillar's applicable weight that is answered: what the coverage rule
    /// judges.
    pub answered_weight: f64,
    /// Share (0–1) of the pillar's applicable weight answered with official evidence that says
    /// when it was checked.
    pub evidence_quality: f64,
    pub assessed: usize,
    pub applicable: usize,
    /// True while any applicable element is not assessed.
    pub provisional: bool,
    /// Band id of the score; `None` without a score.
    pub band: Option<&'static str>,
    pub indicators: Vec<IndicatorReport>,
}

/// One indicator's part of a pillar.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorReport {
    pub id: &'static str,
    pub status: Status,
    /// The weight used (the default or the caller's).
    pub weight: f64,
    /// `None` unless the status is `scored`.
    pub score: Option<f64>,
    pub lower: Option<f64>,
    pub upper: Option<f64>,
    /// Share (0–1) of the indicator's applicable element weight that is answered.
    pub answered_weight: f64,
    pub assessed: usize,
    pub applicable: usize,
    /// Band id of the score, on the same thresholds as pillars.
    pub band: Option<&'static str>,
    pub elements: Vec<ElementReport>,
}

/// One answered (or unanswered) question.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ElementReport {
    pub id: &'static str,
    pub weight: f64,
    pub state: State,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub option: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    pub score: Option<f64>,
    pub lower: Option<f64>,
    pub upper: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub evidence: Vec<Evidence>,
    /// Where the assessor looked, for no public information.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub searched: Vec<String>,
    /// Who answered and checked, how sure they are, the body's reply.
    #[serde(flatten)]
    pub trail: Trail,
}

/// How an element entered the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// An option or a value was given.
    Answered,
    /// Looked for and not found: scores 0.
    NoPublicInformation,
    /// Left out of every score.
    NotApplicable,
    /// Left out of the score, counted at its worst in `lower` and its best in `upper`.
    NotAssessed,
}

/// A change to the process that would raise a pillar score.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Recommendation {
    pub pillar: &'static str,
    pub indicator: &'static str,
    pub element: &'static str,
    /// The best option, for option elements.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub option: Option<&'static str>,
    /// The value that earns full points, for curve elements.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// Points the pillar score would gain, one decimal.
    pub gain: f64,
}

/// How much of the assessment a reader can check.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct EvidenceCoverage {
    /// Answers that make a claim (an option, a value, or no public information).
    pub answers: usize,
    /// Those of them with at least one evidence entry.
    pub with_evidence: usize,
    /// `with_evidence / answers` (0–1), 0 when nothing is answered.
    pub share: f64,
}

// The JSON the JavaScript binding returns: fields in declaration order, named and skipped as the
// `#[serde]` attributes above say (tests/snapshots.rs holds the two to each other).

impl WriteJson for Report {
    fn write_json(&self, out: &mut Text) {
        out.begin_object();
        out.field("methodology", &self.methodology);
        out.field("format", &self.format);
        out.field_if_some("id", &self.id);
        out.field_if_some("supersedes", &self.supersedes);
        out.field("review", &self.review);
        out.field("process", &self.process);
        out.field("weights", &self.weights);
        out.field("pillars", &self.pillars);
        out.field("recommendations", &self.recommendations);
        out.field("warnings", &self.warnings);
        out.field("evidence", &self.evidence);
        out.end_object();
    }
}

impl WriteJson for Methodology {
    fn write_json(&self, out: &mut Text) {
        out.begin_object();
        out.field("id", self.id);
        out.field("version", self.version);
        out.field("major", &self.major);
        out.end_object();
    }
}

impl WriteJson for WeightsKind {
    fn write_json(&self, out: &mut Text) {
        out.string(match self {
            WeightsKind::Default => "default",
            WeightsKind::Custom => "custom",
        });
    }
}

impl WriteJson for PillarReport {
    fn write_json(&self, out: &mut Text) {
        out.begin_object();
        out.field("id", self.id);
        out.field("status", &self.status);
        out.field("score", &self.score);
        out.field("lower", &self.lower);
        out.field("upper", &self.upper);
        out.field("coverage", &self.coverage);
        out.field("answeredWeight", &self.answered_weight);
        out.field("evidenceQuality", &self.evidence_quality);
        out.field("assessed", &self.assessed);
        out.field("applicable", &self.applicable);
        out.field("provisional", &self.provisional);
        out.field("band", &self.band);
        out.field("indicators", &self.indicators);
        out.end_object();
    }
}

impl WriteJson for IndicatorReport {
    fn write_json(&self, out: &mut Text) {
        out.begin_object();
        out.field("id", self.id);
        out.field("status", &self.status);
        out.field("weight", &self.weight);
        out.field("score", &self.score);
        out.field("lower", &self.lower);
        out.field("upper", &self.upper);
        out.field("answeredWeight", &self.answered_weight);
        out.field("assessed", &self.assessed);
        out.field("applicable", &self.applicable);
        out.field("band", &self.band);
        out.field("elements", &self.elements);
        out.end_object();
    }
}

impl WriteJson for ElementReport {
    fn write_json(&self, out: &mut Text) {
        out.begin_object();
        out.field("id", self.id);
        out.field("weight", &self.weight);
        out.field("state", &self.state);
        out.field_if_some("option", &self.option);
        out.field_if_some("value", &self.value);
        out.field("score", &self.score);
        out.field("lower", &self.lower);
        out.field("upper", &self.upper);
        out.field_if_some("note", &self.note);
        out.field("evidence", &self.evidence);
        if !self.searched.is_empty() {
            out.field("searched", &self.searched);
        }
        out.field_if_some("assessor", &self.trail.assessor);
        out.field_if_some("reviewer", &self.trail.reviewer);
        out.field_if_some("confidence", &self.trail.confidence);
        out.field_if_some("response", &self.trail.response);
        out.end_object();
    }
}

impl WriteJson for State {
    fn write_json(&self, out: &mut Text) {
        out.string(match self {
            State::Answered => "answered",
            State::NoPublicInformation => "no-public-information",
            State::NotApplicable => "not-applicable",
            State::NotAssessed => "not-assessed",
        });
    }
}

impl WriteJson for Recommendation {
    fn write_json(&self, out: &mut Text) {
        out.begin_object();
        out.field("pillar", self.pillar);
        out.field("indicator", self.indicator);
        out.field("element", self.element);
        out.field_if_some("option", &self.option);
        out.field_if_some("value", &self.value);
        out.field("gain", &self.gain);
        out.end_object();
    }
}

impl WriteJson for EvidenceCoverage {
    fn write_json(&self, out: &mut Text) {
        out.begin_object();
        out.field("answers", &self.answers);
        out.field("withEvidence", &self.with_evidence);
        out.field("share", &self.share);
        out.end_object();
    }
}
