#![cfg(not(target_arch = "wasm32"))]
//! The fuzz targets' checks (tests/support/fuzz_checks.rs) on stable Rust, without the fuzzer:
//! each target's seeds through its check, and every input that ever failed (fuzz/regressions/,
//! where scripts/fuzz.sh copies new crashes) through all of them. The seeds are those
//! scripts/fuzz.sh starts from: the edge cases in fuzz/corpus/<target>/ and the presets, fixtures
//! and example profile as they are now (`options` takes each as `[profile, options]`).

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

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The profiles scripts/fuzz.sh adds to every target's seeds: the presets, the fixtures and the
/// example, as they are in the tree now.
fn live_profiles() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = files(&root.join("www/presets"));
    out.extend(files(&root.join("tests/fixtures")));
    out.push(root.join("examples/profile.json"));
    out.retain(|p| {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        name.ends_with(".json") && !name.ends_with(".options.json") && name != "official-hosts.json"
    });
    out
}

/// `target`'s seeds, named: its edge cases and the live profiles, the way scripts/fuzz.sh
/// writes them (for `options`, each profile with each fixture's options and with `null`).
fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = files(&fuzz_dir().join("corpus").join(target))
        .iter()
        .map(|p| (p.display().to_string(), read(p)))
        .collect();
    let options: Vec<PathBuf> =
        files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"))
            .into_iter()
            .filter(|p| p.to_string_lossy().ends_with(".options.json"))
            .collect();
    for profile in live_profiles() {
        let text = read(&profile);
        if target != "options" {
            out.push((profile.display().to_string(), text));
            continue;
        }
        let pair = |second: &[u8]| [b"[", &text[..], b",", second, b"]"].concat();
        for o in &options {
            let name = format!("[{}, {}]", profile.display(), o.display());
            out.push((name, pair(&read(o))));
        }
        out.push((format!("[{}, null]", profile.display()), pair(b"null")));
    }
    out
}

/// Runs each of `checks` on each input; fails listing every input and check that panicked.
fn run(inputs: &[(String, Vec<u8>)], checks: &[(&str, Check)]) {
    let mut failed = Vec::new();
    for (what, data) in inputs {
        for (name, check) in checks {
            if catch_unwind(AssertUnwindSafe(|| check(data))).is_err() {
                failed.push(format!("{name} {what}"));
            }
        }
    }
    assert!(failed.is_empty(), "failed:\n{}", failed.join("\n"));
}

#[test]
fn seed_corpora() {
    for (name, check) in TARGETS {
        let inputs = seeds(name);
        // The edge cases beside the 12 presets, 4 fixtures and the example (December 2026).
        assert!(inputs.len() > 17, "{name}: {} seeds", inputs.len());
        run(&inputs, &[(name, check)]);
    }
}

#[test]
fn regressions() {
    let inputs: Vec<(String, Vec<u8>)> = files(&fuzz_dir().join("regressions"))
        .iter()
        .map(|p| (p.display().to_string(), read(p)))
        .collect();
    run(&inputs, &TARGETS);
}
