//! Scores how **open** and how **inclusive** a technical standard-setting process is.
//!
//! Data flows one way: profile JSON → validate → score → report. The methodology (pillars,
//! indicators, elements, options, weights, curves, sources, coverage rule, crosswalk) is data,
//! generated at build time from `rubric/v2.toml` and documented in `docs/methodology.md`; human text lives in message
//! catalogues, never in the engine.
//!
//! ```
//! use sdo_openness::report::Status;
//! let profile = sdo_openness::Json::parse(r#"{
//!   "schema": "sdo-openness/profile/v2",
//!   "process": { "name": "Example working group", "assessedOn": "2026-11-01" },
//!   "answers": {
//!     "O1.1": { "option": "public", "evidence": [{ "url": "https://example.org/drafts",
//!               "quote": "Every draft is public.", "sourceType": "official" }] },
//!     "O5.1": { "value": 0 }
//!   }
//! }"#)?;
//! let report = sdo_openness::score(&profile, None)?;
//! let openness = &report.pillars[0];
//! assert_eq!(openness.id, "O");
//! // Two answers are far from the coverage rule: a range, but no score, band or rank.
//! assert_eq!(openness.status, Status::InsufficientData);
//! assert_eq!((openness.score, openness.band), (None, None));
//! assert_eq!((openness.lower, openness.upper), (Some(12.6), Some(100.0)));
//! # Ok::<(), sdo_openness::Error>(())
//! ```
//!
//! Every function taking input from outside reads it as a [`Json`] tree, so JSON text and
//! JavaScript values (which cross as JSON text, see `wasm.rs`) meet the same checks and the same
//! coded errors.

// The WebAssembly links core and alloc only: std's panic machinery and formatting were a tenth
// of its size. Native builds (the tests, the schema generator) keep std.
#![cfg_attr(all(target_arch = "wasm32", not(feature = "std")), no_std)]

extern crate alloc;

/// What std's prelude would give every module, from alloc.
mod prelude {
    pub(crate) use alloc::string::{String, ToString};
    pub(crate) use alloc::vec;
    pub(crate) use alloc::vec::Vec;
}
use prelude::*;

// The layers, bottom to top; a module uses only its own layer and the layers below it
// (docs/architecture.md). `base`: numbers and the JSON writer. `rubric`: the methodology, data
// every layer reads. `input`: JSON text to checked values or coded errors. `engine`: pure
// scoring. `output`: renderers of a report. Then the edges, which may use all of them: this
// file (the Rust API), `wasm` (the JavaScript binding, WebAssembly only) and `schema` (the JSON
// Schemas, native only).
mod base;
mod engine;
mod input;
mod output;
pub mod rubric;

#[cfg(not(target_arch = "wasm32"))]
pub mod schema;

// The public API: the functions below, and the types of their inputs and outputs, by module.
// Everything else is `pub(crate)`.

/// The JSON tree every function reads, and the parser's limits.
pub mod json {
    pub use crate::input::json::{limits, Json};
}
/// Coded errors and warnings, each with its JSON path.
pub mod error {
    pub use crate::input::error::{Code, Error, Warning};
}
/// Calendar dates, as profiles and reports hold them.
pub mod date {
    pub use crate::input::date::Date;
}
/// The profile format.
pub mod profile {
    pub use crate::input::profile::{
        limits, Answer, Confidence, Evidence, Format, Given, Process, Profile, Review, ReviewLevel,
        SourceType, Trail, Verdict, SCHEMA, SCHEMA_V1,
    };
}
/// The options of [`score`], [`compare`], [`diff`] and [`sensitivity`].
pub mod options {
    pub use crate::input::options::{
        ScoreOptions, SensitivityOptions, Weights, WeightsKind, MAX_DRAWS, MAX_WEIGHT,
    };
}
/// The report of one profile.
pub mod report {
    pub use crate::engine::report::*;
}
/// The result of [`compare`](crate::compare()).
pub mod compare {
    pub use crate::engine::compare::{Comparison, Place, Ranking, MAX_PROFILES, MAX_TOTAL_BYTES};
}
/// The result of [`sensitivity`](crate::sensitivity()).
pub mod sensitivity {
    pub use crate::engine::sensitivity::{
        Analysis, Base, Pair, PillarSensitivity, Sensitivity, Spread, MAX_PROFILES,
    };
}
/// The result of [`diff`](crate::diff()).
pub mod diff {
    pub use crate::engine::diff::{AnswerChange, Diff, Figure, FigureChange, Given, Side};
}
/// The SVG badge of a report.
pub mod badge {
    pub use crate::output::badge::svg;
}
/// Not part of the API: the JSON writer, for the tests' byte-identity checks and the binding.
#[doc(hidden)]
pub mod text {
    pub use crate::base::text::{to_ascii_text, to_text, Text, WriteJson};
}

pub use compare::{Comparison, MAX_PROFILES};
pub use diff::Diff;
pub use error::{Error, Warning};
pub use json::Json;
pub use options::{ScoreOptions, SensitivityOptions, Weights};
pub use profile::{Profile, SCHEMA};
pub use report::Report;
pub use rubric::{Rubric, RUBRIC};
pub use sensitivity::Sensitivity;

use base::text::json_object;
use input::walk::{read, Diagnostics};
use serde::Serialize;

json_object! {
    /// What produced a report: this engine's version, the methodology and the profile format.
    #[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
    pub struct Version {
        pub engine: &'static str,
        pub methodology: report::Methodology,
        pub profile_schema as "profileSchema": &'static str,
    }
}

/// The versions of this engine, its methodology and its profile format.
pub fn version() -> Version {
    Version {
        engine: env!("CARGO_PKG_VERSION"),
        methodology: report::Methodology::CURRENT,
        profile_schema: SCHEMA,
    }
}

/// The methodology as data: ids, weights, points, curves and source ids.
pub fn rubric() -> &'static Rubric {
    &RUBRIC
}

/// Scores one profile.
///
/// `options` is `{weights?, asOf?}`: custom indicator weights, and the date against which an
/// assessment counts as outdated.
///
/// # Errors
///
/// The first problem with the profile or the options, with its code and JSON path.
pub fn score(profile: &Json, options: Option<&Json>) -> Result<Report, Error> {
    let options = read(options.unwrap_or(&Json::Null), ScoreOptions::read)?;
    Ok(engine::score::score(Profile::from_tree(profile)?, &options))
}

json_object! {
    /// The result of [`validate`]: never an exception, always the whole list.
    #[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
    pub struct Validation {
        pub ok: bool,
        pub errors: Vec<Error>,
        pub warnings: Vec<Warning>,
    }
}

/// Checks a profile (and options) and lists every error and warning, without scoring.
pub fn validate(profile: &Json, options: Option<&Json>) -> Validation {
    let mut d = Diagnostics::default();
    let options = ScoreOptions::read(options.unwrap_or(&Json::Null), &mut d).unwrap_or_default();
    if let Some(p) = Profile::read(profile, &mut d) {
        p.advise(options.as_of, &mut d);
    }
    Validation {
        ok: d.errors.is_empty(),
        errors: d.errors,
        warnings: d.warnings,
    }
}

/// Scores several profiles under the same options and ranks them per pillar.
///
/// # Errors
///
/// `wrong-type` unless `profiles` is an array; `too-few` for none; `too-many` beyond
/// [`MAX_PROFILES`]; otherwise the first error of any profile, its path starting `[index]`.
pub fn compare(profiles: &Json, options: Option<&Json>) -> Result<Comparison, Error> {
    compare_with(options, || profiles_of(profiles, MAX_PROFILES))
}

/// The sensitivity of pillar scores and rankings to the weights.
///
/// `options` is `{weights?, draws?, seed?, spread?}` (defaults 1000 draws, seed 1, spread 0.5).
///
/// # Errors
///
/// As [`compare`], with at most [`sensitivity::MAX_PROFILES`] profiles, and the options' own errors.
pub fn sensitivity(profiles: &Json, options: Option<&Json>) -> Result<Sensitivity, Error> {
    sensitivity_with(options, || profiles_of(profiles, sensitivity::MAX_PROFILES))
}

/// What changed between two assessments of the same process: answers, and every pillar and
/// indicator, both scored under this methodology with the same options.
///
/// # Errors
///
/// The first error of either profile, its path starting `old.` or `new.`; `different-process`
/// at `new.process.name` when the two name different processes; the options' own errors.
pub fn diff(old: &Json, new: &Json, options: Option<&Json>) -> Result<Diff, Error> {
    let options = read(options.unwrap_or(&Json::Null), ScoreOptions::read)?;
    let old = Profile::from_tree(old).map_err(|e| e.within_key("old"))?;
    let new = Profile::from_tree(new).map_err(|e| e.within_key("new"))?;
    if old.process.name != new.process.name {
        return Err(Error::different_process("new.process.name".into()));
    }
    Ok(engine::diff::diff(old, new, &options))
}

/// [`compare`] with the profiles from `profiles`, called once the options are read: the Rust API
/// reads them from one tree, the JavaScript binding one at a time as they arrive (so that one
/// parsed tree is alive at a time). Either way the options' errors come first.
pub(crate) fn compare_with(
    options: Option<&Json>,
    profiles: impl FnOnce() -> Result<Vec<Profile>, Error>,
) -> Result<Comparison, Error> {
    let options = read(options.unwrap_or(&Json::Null), ScoreOptions::read)?;
    Ok(engine::compare::compare(profiles()?, &options))
}

/// [`sensitivity`] with the profiles from `profiles`, as [`compare_with`].
pub(crate) fn sensitivity_with(
    options: Option<&Json>,
    profiles: impl FnOnce() -> Result<Vec<Profile>, Error>,
) -> Result<Sensitivity, Error> {
    let options = read(options.unwrap_or(&Json::Null), SensitivityOptions::read)?;
    Ok(engine::sensitivity::analyse(&profiles()?, &options))
}

pub(crate) fn profiles_of(v: &Json, max: usize) -> Result<Vec<Profile>, Error> {
    let Json::Array(items) = v else {
        return Err(Error::wrong_type(
            String::new(),
            "an array of profiles",
            v.kind(),
        ));
    };
    read_profiles(items.len(), max, |n| Ok(&items[n]))
}

/// `count` profiles, at least one and at most `max`, profile `n` read from `item(n)` (whose own
/// errors already start `[n]`) and checked before the next is asked for: the first error in input
/// order wins, its path starting `[n]`. The binding gives each tree as it parses it, so that one
/// parsed tree is alive at a time.
pub(crate) fn read_profiles<T: core::borrow::Borrow<Json>>(
    count: usize,
    max: usize,
    mut item: impl FnMut(usize) -> Result<T, Error>,
) -> Result<Vec<Profile>, Error> {
    if count == 0 {
        return Err(Error::too_few(String::new(), 1));
    }
    if count > max {
        return Err(Error::too_many(String::new(), max));
    }
    let mut profiles = Vec::with_capacity(count);
    for n in 0..count {
        let tree = item(n)?;
        profiles.push(Profile::from_tree(tree.borrow()).map_err(|e| e.within_index(n))?);
    }
    Ok(profiles)
}

#[cfg(target_arch = "wasm32")]
pub mod wasm;

/// A panic is a bug; in the WebAssembly it traps, and the JavaScript caller sees a RuntimeError.
#[cfg(all(target_arch = "wasm32", not(feature = "std")))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
