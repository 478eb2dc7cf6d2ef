//! A profile: validated and scored without panicking, the two agreeing, the report within its bounds.
//! The checks are tests/support/fuzz_checks.rs, shared with tests/fuzz_regressions.rs.
#![no_main]

#[path = "../../tests/support/fuzz_checks.rs"]
#[allow(dead_code)] // each target uses one of the checks
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::score(data));
