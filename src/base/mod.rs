//! Layer 0, **base**: low-level helpers with no knowledge of profiles, the rubric or reports.
//!
//! Depends on nothing else in the crate (only `crate::prelude`). Every layer above may use it.
//! - `num`: float helpers without std (floor, round, fract) and integer/character formatting.
//! - `decimal`: exact decimal digits of a JSON number, for the parser and the writer.
//! - `text`: the JSON writer and the `json_object!` / `json_enum!` macros that declare each
//!   output type's fields once (for serde, the JSON Schema and this writer).

pub(crate) mod decimal;
pub(crate) mod num;
pub(crate) mod text;
