//! Layer 3, **engine**: pure functions from checked input to reports.
//!
//! May use `base`, `rubric` and `input`; never `output`. No parsing and no text for people here:
//! a report holds ids, numbers and codes, and its types (`report`) are the contract the
//! renderers read.
//! - `report`: the types of one profile's report.
//! - `score`: one profile's scores, ranges, bands and coverage.
//! - `compare`: several profiles, ranked per pillar.
//! - `sensitivity`: how much pillar scores and ranks move with the weights.
//! - `diff`: what changed between two assessments of one process.

pub(crate) mod compare;
pub(crate) mod diff;
pub(crate) mod report;
pub(crate) mod score;
pub(crate) mod sensitivity;
