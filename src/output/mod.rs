//! Layer 4, **output**: renderers that draw from a report alone.
//!
//! May use every layer below. Reads a report as JSON (as a page or the CLI holds it), so what it
//! draws is exactly what a report says.
//! - `badge`: the SVG badge of one report.

pub(crate) mod badge;
