//! The rubric's source format: the types `rubric/v2.toml` is read into, and the reading. Shared
//! by every program that reads it (each includes this file as a module): `build.rs`, which checks
//! the rubric and emits the engine's tables; `tests/generated.rs`, which writes the methodology
//! document, the English catalogue and the page's methodology text from it; and
//! `tests/quotes.rs`, which checks its quotes against the seed documents.

// Each includer reads only the fields it needs: build.rs the structure, the tests the text.
#![allow(dead_code)]

use serde::Deserialize;
use std::collections::BTreeMap;

/// The rubric, relative to the crate's root.
pub const RUBRIC: &str = "rubric/v2.toml";
/// The prose that heads docs/methodology.md, relative to the crate's root.
pub const INTRO: &str = "rubric/methodology-intro.md";

/// Reads the rubric's text; unknown keys anywhere are an error.
pub fn parse(text: &str) -> Result<Source, String> {
    toml::from_str(text).map_err(|e| format!("{RUBRIC}: {e}"))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub methodology: Methodology,
    pub coverage: Coverage,
    pub evidence: EvidenceRules,
    pub bands: Vec<Band>,
    pub units: BTreeMap<String, String>,
    pub sources: Vec<Reference>,
    pub pillars: Vec<Pillar>,
    pub crosswalk: Vec<Retired>,
}

/// When a figure may be published (see rubric/v2.toml).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    pub indicator: f64,
    pub pillar: f64,
    #[serde(default)]
    pub quotes: Vec<Quote>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceRules {
    pub max_age_days: u32,
}

/// A sentence a rule or indicator rests on, verbatim from its source.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub source: String,
    pub at: String,
    pub text: String,
}

/// A v1 question that v2 does not keep under its id.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retired {
    pub v1: String,
    pub v2: String,
    pub change: String,
    pub reason: String,
    pub options: Vec<String>,
    pub map: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Methodology {
    pub id: String,
    pub version: String,
    pub name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub id: String,
    pub min: f64,
    pub label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub id: String,
    pub title: String,
    pub url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pillar {
    pub id: String,
    pub name: String,
    pub description: String,
    pub indicators: Vec<Indicator>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub weight: f64,
    /// Why the indicator has this weight in its pillar.
    pub weight_reason: String,
    pub name: String,
    pub help: String,
    pub cite: String,
    pub sources: Vec<String>,
    #[serde(default)]
    pub quotes: Vec<Quote>,
    pub elements: Vec<Element>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Element {
    pub id: String,
    #[serde(default = "one")]
    pub weight: f64,
    pub question: String,
    pub help: String,
    pub options: Option<Vec<Choice>>,
    pub curve: Option<Curve>,
}

fn one() -> f64 {
    1.0
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub points: f64,
    pub label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Curve {
    pub unit: String,
    pub min: f64,
    pub max: f64,
    pub points: Vec<(f64, f64)>,
}

/// The ids of methodology 1.0.0's questions: what v2 keeps is every one of them not retired by
/// the crosswalk (checked in `check`).
pub const V1_IDS: &[&str] = &[
    "O1.1", "O1.2", "O2.1", "O2.2", "O3.1", "O3.2", "O3.3", "O4.1", "O4.2", "O4.3", "O5.1", "O5.2",
    "O5.3", "O6.1", "O6.2", "O6.3", "O7.1", "O7.2", "O8.1", "O8.2", "O8.3", "I1.1", "I1.2", "I2.1",
    "I2.2", "I2.3", "I3.1", "I3.2", "I4.1", "I4.2", "I4.3", "I4.4", "I5.1", "I5.2", "I5.3", "I5.4",
    "I6.1", "I6.2", "I7.1", "I7.2", "I7.3", "I8.1", "I8.2",
];
