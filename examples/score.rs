//! Prints the report of a profile: `cargo run --example score -- profile.json`.
//! The Rust API in ten lines; the npm package's `sdo-openness` command does more.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: score PROFILE.json");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    match sdo_openness::Json::parse(&text).and_then(|p| sdo_openness::score(&p, None)) {
        Ok(report) => {
            println!(
                "{}",
                serde_json::to_string_pretty(&report).expect("reports serialize")
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", serde_json::json!({ "error": e }));
            ExitCode::FAILURE
        }
    }
}
