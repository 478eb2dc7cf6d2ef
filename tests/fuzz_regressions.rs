#![cfg(not(target_arch = "wasm32"))]
//! The fuzz targets' checks (tests/support/fuzz_checks.rs) on stable Rust, without the fuzzer:
//! each seed corpus (fuzz/corpus/<target>/) through its target's check, and every input that
//! ever failed (fuzz/regressions/, where scripts/fuzz.sh copies new crashes) through all of them.

#[path = "support/fuzz_checks.rs"]
mod fuzz_checks;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

type Check = fn(&[u8]);

const TARGETS: [(&str, Check); 3] = [
    ("json", fuzz_checks::json),
    ("score", fuzz_checks::score),
    ("options", fuzz_checks::options),
];

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

/// The files in `dir`, sorted (none if it does not exist).
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.expect("a readable entry").path())
                .collect()
        })
        .unwrap_or_default();
    out.retain(|p| p.is_file() && p.file_name().is_some_and(|n| n != ".gitkeep"));
    out.sort();
    out
}

/// Runs each of `checks` on each file; fails listing every file and check that panicked.
fn run(inputs: &[PathBuf], checks: &[(&str, Check)]) {
    let mut failed = Vec::new();
    for path in inputs {
        let data = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for (name, check) in checks {
            if catch_unwind(AssertUnwindSafe(|| check(&data))).is_err() {
                failed.push(format!("{name} {}", path.display()));
            }
        }
    }
    assert!(failed.is_empty(), "failed:\n{}", failed.join("\n"));
}

#[test]
fn seed_corpora() {
    for (name, check) in TARGETS {
        let inputs = files(&fuzz_dir().join("corpus").join(name));
        assert!(!inputs.is_empty(), "no seed corpus for {name}");
        run(&inputs, &[(name, check)]);
    }
}

#[test]
fn regressions() {
    run(&files(&fuzz_dir().join("regressions")), &TARGETS);
}
