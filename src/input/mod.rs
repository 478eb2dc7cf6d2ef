//! Layer 2, **input**: from JSON text to checked values, or coded errors with their JSON path.
//!
//! May use `base` and `rubric` (the methodology it validates answers against); never `engine`
//! or `output`. Nothing here scores.
//! - `json`: the JSON parser (`Json`) and its limits.
//! - `error`: the coded `Error` and `Warning` every layer above returns.
//! - `path`: how a JSON path is spelled (`Step`), one rule for the parser, the reader, the
//!   errors and the JavaScript boundary.
//! - `walk`: the reader: typed access to a `Json` tree that collects every error (`Diagnostics`)
//!   at its path (`At`).
//! - `date`: calendar dates (`YYYY-MM-DD`).
//! - `profile`: the profile format (v1 and v2) and its reader.
//! - `options`: the options of `score`, `compare`, `diff` and `sensitivity`.

pub(crate) mod date;
pub(crate) mod error;
pub(crate) mod json;
pub(crate) mod options;
pub(crate) mod path;
pub(crate) mod profile;
pub(crate) mod walk;
