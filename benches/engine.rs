//! Native benchmarks of the engine (`cargo bench`, run by `npm run bench`): scoring throughput
//! and the sensitivity analysis of 12 profiles × 1,000 draws. A plain harness: each figure is the
//! median of repeated timed runs, printed as one JSON line for bench/run.mjs to collect.

use sdo_openness::{rubric, Json};
use std::hint::black_box;
use std::time::Instant;

/// A deterministic, fully answered profile: option `n % options` or a mid-curve value per element.
fn profile(n: usize) -> Json {
    let mut answers = Vec::new();
    for (i, (_, _, element)) in rubric().elements().enumerate() {
        let answer = match &element.scale {
            sdo_openness::rubric::Scale::Options { options } => {
                format!(
                    r#"{{"option":"{}","evidence":[{{"url":"https://example.org/{n}"}}]}}"#,
                    options[(n + i) % options.len()].id
                )
            }
            sdo_openness::rubric::Scale::Curve { points, .. } => {
                format!(r#"{{"value":{}}}"#, points[(n + i) % points.len()].0)
            }
        };
        answers.push(format!(r#""{}":{answer}"#, element.id));
    }
    let text = format!(
        r#"{{"schema":"sdo-openness/profile/v2","process":{{"name":"Bench {n}","assessedOn":"2026-11-01"}},"answers":{{{}}}}}"#,
        answers.join(",")
    );
    Json::parse(&text).expect("a valid generated profile")
}

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// Median milliseconds of `runs` timed calls of `f`, after a warm-up.
fn time(runs: usize, mut f: impl FnMut()) -> (f64, f64, f64) {
    for _ in 0..runs.min(3) {
        f();
    }
    let samples: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    let min = samples.iter().copied().fold(f64::INFINITY, f64::min);
    let max = samples.iter().copied().fold(0.0, f64::max);
    (median(samples), min, max)
}

fn report(name: &str, unit: &str, (median, min, max): (f64, f64, f64)) {
    println!(r#"{{"name":"{name}","unit":"{unit}","median":{median},"min":{min},"max":{max}}}"#);
}

fn main() {
    // bench/run.mjs hands over the very profiles the JavaScript peer scores (JSON lines), so the
    // two are timed on the same input; alone, the bench makes its own.
    let profiles: Vec<Json> = match std::env::var("SDO_BENCH_PROFILES") {
        Ok(path) => std::fs::read_to_string(path)
            .expect("readable profiles")
            .lines()
            .map(|line| Json::parse(line).expect("valid generated profile"))
            .collect(),
        Err(_) => (0..1000).map(profile).collect(),
    };
    let batch = time(15, || {
        for p in &profiles {
            black_box(sdo_openness::score(black_box(p), None).expect("valid"));
        }
    });
    report("native: score 1,000 profiles", "ms", batch);
    let per_second = 1000.0 / (batch.0 / 1000.0);
    println!(
        r#"{{"name":"native: profiles scored per second","unit":"1/s","median":{per_second},"min":null,"max":null}}"#
    );
    let twelve = Json::Array(profiles[..12].to_vec());
    let options = Json::parse(r#"{"draws":1000,"seed":1,"spread":0.5}"#).expect("valid options");
    report(
        "native: sensitivity 12 × 1,000",
        "ms",
        time(15, || {
            black_box(
                sdo_openness::sensitivity(black_box(&twelve), Some(&options)).expect("valid"),
            );
        }),
    );
}
