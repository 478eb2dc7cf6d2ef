//! The output: everything a renderer needs, as data. Renderers draw from the report only; they
//! never score, so every figure a person sees comes from this one computation.

use crate::base::text::{json_enum, json_object};
use crate::input::error::Warning;
pub use crate::input::options::WeightsKind;
use crate::input::profile::{Evidence, Format, Process, Review, Trail};
use crate::prelude::*;
use serde::Serialize;

json_object! {
    /// The scored profile.
    #[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
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
}

json_object! {
    /// Which methodology produced a report. Scores are comparable only under the same `major`.
    #[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
    pub struct Methodology {
        pub id: &'static str,
        pub version: &'static str,
        /// The major version: scores under different majors are not comparable.
        pub major: u32,
    }
}

impl Methodology {
    /// This engine's methodology.
    pub const CURRENT: Methodology = Methodology {
        id: crate::rubric::RUBRIC.id,
        version: crate::rubric::RUBRIC.version,
        major: crate::rubric::MAJOR,
    };
}

json_enum! {
    /// Whether a pillar or indicator has as many answers as the coverage rule asks before its score
    /// is published.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
    pub enum Status {
        /// Enough is answered: the score and band are published.
        Scored as "scored",
        /// Too little is answered: only the range and the coverage are published.
        InsufficientData as "insufficient-data",
        /// No question of the indicator applies to this process.
        NotApplicable as "not-applicable",
    }
}

json_object! {
    /// A headline score with its uncertainty from unanswered questions.
    #[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
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
        pub answered_weight as "answeredWeight": f64,
        /// Share (0–1) of the pillar's applicable weight answered with official evidence that says
        /// when it was checked.
        pub evidence_quality as "evidenceQuality": f64,
        pub assessed: usize,
        pub applicable: usize,
        /// True while any applicable element is not assessed.
        pub provisional: bool,
        /// Band id of the score; `None` without a score.
        pub band: Option<&'static str>,
        pub indicators: Vec<IndicatorReport>,
    }
}

json_object! {
    /// One indicator's part of a pillar.
    #[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
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
        pub answered_weight as "answeredWeight": f64,
        pub assessed: usize,
        pub applicable: usize,
        /// Band id of the score, on the same thresholds as pillars.
        pub band: Option<&'static str>,
        pub elements: Vec<ElementReport>,
    }
}

json_object! {
    /// One answered (or unanswered) question.
    #[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
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
}

json_enum! {
    /// How an element entered the score.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
    pub enum State {
        /// An option or a value was given.
        Answered as "answered",
        /// Looked for and not found: scores 0.
        NoPublicInformation as "no-public-information",
        /// Left out of every score.
        NotApplicable as "not-applicable",
        /// Left out of the score, counted at its worst in `lower` and its best in `upper`.
        NotAssessed as "not-assessed",
    }
}

json_object! {
    /// A change to the process that would raise a pillar score.
    #[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
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
}

json_object! {
    /// How much of the assessment a reader can check.
    #[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
    pub struct EvidenceCoverage {
        /// Answers that make a claim (an option, a value, or no public information).
        pub answers: usize,
        /// Those of them with at least one evidence entry.
        pub with_evidence as "withEvidence": usize,
        /// `with_evidence / answers` (0–1), 0 when nothing is answered.
        pub share: f64,
    }
}
