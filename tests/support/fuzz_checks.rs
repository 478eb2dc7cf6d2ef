//! What the fuzz targets (fuzz/fuzz_targets/) check of one input: one function per target, each
//! taking raw bytes and panicking on a failure. tests/fuzz_regressions.rs runs the committed
//! corpus and every input that ever failed through the same functions, on stable Rust.
//!
//! Included with `#[path]` by both, so none of it is in the crate's public API.

use sdo_openness::json::limits::MAX_BYTES;
use sdo_openness::options::MAX_DRAWS;
use sdo_openness::report::{Report, Status};
use sdo_openness::{badge, compare, sensitivity, validate, Json, Sensitivity};

#[path = "checks.rs"]
mod shared;
use shared::{binding_text, check_bounds};

// ---------------------------------------------------------------------------------------------
// The targets
// ---------------------------------------------------------------------------------------------

/// `json`: the parser never panics, accepts what serde_json accepts (but for its own limits) and
/// only that (but for numbers beyond f64 and lone surrogates), and a tree it reads, written out
/// again, reads back as the same tree.
pub fn json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ours = Json::parse(text);
    agrees_with_serde_json(text, &ours);
    match &ours {
        Ok(tree) => {
            assert!(!has_nan(tree), "the parser made a NaN of {text:?}");
            round_trip(tree);
        }
        Err(e) => {
            binding_text(e);
        }
    }
}

/// `score`: a profile is validated and scored without panicking, `validate` is ok exactly when
/// `score` succeeds (and lists `score`'s error first), and every report keeps its bounds.
pub fn score(data: &[u8]) {
    if let Some(tree) = parsed(data) {
        profile(&tree, None);
    }
}

/// `options`: `[profile, options]`, through `score`, `validate`, `compare` of the one profile,
/// and `sensitivity` (its draws capped, to keep each run fast). Any other input is skipped.
pub fn options(data: &[u8]) {
    let Some(Json::Array(pair)) = parsed(data) else {
        return;
    };
    let [profile_tree, options] = pair.as_slice() else {
        return;
    };
    let report = profile(profile_tree, Some(options));
    let one = Json::Array(vec![profile_tree.clone()]);

    let compared = compare(&one, Some(options));
    match (&compared, &report) {
        (Ok(c), Some(r)) => assert_eq!(&c.reports[0], r, "compare of one differs from score"),
        (Err(_), None) => {}
        _ => panic!("compare of one {:?}, score {:?}", compared.err(), report),
    }
    if let Ok(c) = &compared {
        binding_text(c);
    }

    let quick = capped_draws(options);
    if let Ok(s) = sensitivity(&one, Some(&quick)) {
        let plain = sdo_openness::score(profile_tree, None);
        assert!(
            plain.is_ok(),
            "sensitivity of a profile that does not score"
        );
        check_sensitivity(&s);
    }
}

// ---------------------------------------------------------------------------------------------
// Profiles and reports
// ---------------------------------------------------------------------------------------------

/// The input as a tree, if it is UTF-8 JSON the parser accepts.
fn parsed(data: &[u8]) -> Option<Json> {
    Json::parse(std::str::from_utf8(data).ok()?).ok()
}

/// Validates and scores `tree`; checks they agree and the report holds; returns the report.
fn profile(tree: &Json, options: Option<&Json>) -> Option<Report> {
    let v = validate(tree, options);
    let scored = sdo_openness::score(tree, options);
    assert_eq!(v.ok, v.errors.is_empty());
    assert_eq!(
        v.ok,
        scored.is_ok(),
        "validate {:?} but score {:?}",
        v.errors,
        scored.as_ref().err()
    );
    binding_text(&v);
    match scored {
        Ok(report) => {
            check_report(&report);
            Some(report)
        }
        Err(e) => {
            assert_eq!(
                v.errors.first(),
                Some(&e),
                "score's error is validate's first"
            );
            binding_text(&e);
            None
        }
    }
}

/// Every score and bound in 0–100 at one decimal, `lower ≤ score ≤ upper`; the report's text
/// is serde_json's and renders as a badge.
fn check_report(r: &Report) {
    for p in &r.pillars {
        check_bounds(p.id, p.score, p.lower, p.upper);
        // No number outruns its data: below the coverage rule, no score and no band.
        if p.status != Status::Scored {
            assert_eq!((p.score, p.band), (None, None), "{}: unscored", p.id);
            assert!(
                r.recommendations.iter().all(|x| x.pillar != p.id),
                "{}",
                p.id
            );
        }
        assert!(p.evidence_quality <= p.answered_weight + 1e-9, "{}", p.id);
        assert!(
            (0.0..=1.0).contains(&p.coverage),
            "{}: coverage {}",
            p.id,
            p.coverage
        );
        assert_eq!(p.provisional, p.assessed < p.applicable, "{}", p.id);
        for i in &p.indicators {
            check_bounds(i.id, i.score, i.lower, i.upper);
            if i.status != Status::Scored {
                assert_eq!((i.score, i.band), (None, None), "{}: unscored", i.id);
            }
        }
    }
    let text = binding_text(r);
    // A report is far smaller than the limit unless its profile was near it.
    if text.len() <= MAX_BYTES {
        let tree = Json::parse(&text).expect("a report's text parses");
        badge::svg(&tree, None).expect("a report renders as a badge");
    }
}

/// Every score and quantile in 0–100, `p5 ≤ p50 ≤ p95`, stabilities in 0–1; the text is
/// serde_json's.
fn check_sensitivity(s: &Sensitivity) {
    assert!(s.draws <= DRAWS, "{} draws", s.draws);
    for p in &s.pillars {
        let what = p.pillar;
        for base in &p.profiles {
            assert_eq!(
                base.score.is_some(),
                base.status == Status::Scored,
                "{what}"
            );
            assert_eq!(base.rank.is_some(), base.score.is_some(), "{what}");
        }
        for analysis in [&p.weights, &p.missing, &p.both] {
            for spread in &analysis.profiles {
                let quantiles = [spread.p5, spread.p50, spread.p95];
                for x in quantiles.into_iter().flatten() {
                    assert!((0.0..=100.0).contains(&x), "{what}: {x} outside 0–100");
                }
                if let [Some(p5), Some(p50), Some(p95)] = quantiles {
                    assert!(p5 <= p50 && p50 <= p95, "{what}: {p5} ≤ {p50} ≤ {p95}");
                }
                for share in [Some(spread.scored), spread.rank_stability]
                    .into_iter()
                    .flatten()
                {
                    assert!((0.0..=1.0).contains(&share), "{what}: share {share}");
                }
            }
            for pair in &analysis.pairs {
                assert!(
                    pair.share >= pair.reverse && pair.share + pair.reverse <= 1.001 + 1e-9,
                    "{what}: {pair:?}"
                );
            }
        }
    }
    binding_text(s);
}

/// Most sensitivity draws per input.
const DRAWS: u32 = 20;

/// `options` with `draws` lowered to [`DRAWS`] where it is a valid count above it (invalid counts
/// are kept, for their errors), or set to it where absent (`null` standing for `{}`).
fn capped_draws(options: &Json) -> Json {
    let entries = match options {
        Json::Object(entries) => entries,
        Json::Null => &Vec::new(),
        other => return other.clone(),
    };
    let valid = |x: f64| x.fract() == 0.0 && (1.0..=f64::from(MAX_DRAWS)).contains(&x);
    let mut entries = entries.clone();
    let mut any = false;
    for (key, value) in &mut entries {
        if key == "draws" {
            any = true;
            if matches!(value, Json::Number(x) if valid(*x) && *x > f64::from(DRAWS)) {
                *value = Json::Number(f64::from(DRAWS));
            }
        }
    }
    if !any {
        entries.push(("draws".into(), Json::Number(f64::from(DRAWS))));
    }
    Json::Object(entries)
}

// ---------------------------------------------------------------------------------------------
// The binding's JSON text
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// The parser
// ---------------------------------------------------------------------------------------------

/// Our parser and serde_json's accept the same texts, with the same values, but where they
/// differ by design.
fn agrees_with_serde_json(text: &str, ours: &Result<Json, sdo_openness::Error>) {
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (ours, &theirs) {
        (Ok(a), Ok(b)) => assert!(same_as_serde(a, b), "{text:?}\nours   {a:?}\ntheirs {b:?}"),
        (Err(_), Err(_)) => {}
        // Our limits on depth, size, keys and string length (serde_json has only depth 128).
        (Err(e), Ok(_)) if e.code() != "invalid-json" => {}
        // serde_json refuses numbers beyond f64, which we read as infinity (validation rejects
        // it), and lone surrogates, which we read as U+FFFD.
        (Ok(_), Err(e))
            if ["number out of range", "surrogate", "hex escape"]
                .iter()
                .any(|m| e.to_string().contains(m)) => {}
        _ => panic!("{text:?}\nours   {ours:?}\ntheirs {theirs:?}"),
    }
}

/// Our tree and serde_json's of the same text agree: serde_json keeps the last of duplicate
/// keys, and numbers are close (see [`close`]).
fn same_as_serde(a: &Json, b: &serde_json::Value) -> bool {
    use serde_json::Value as V;
    match (a, b) {
        (Json::Null, V::Null) => true,
        (Json::Bool(x), V::Bool(y)) => x == y,
        (Json::Number(x), V::Number(y)) => close(*x, y.as_f64().expect("a finite number")),
        (Json::String(x), V::String(y)) => x == y,
        (Json::Array(x), V::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_as_serde(a, b))
        }
        (Json::Object(x), V::Object(y)) => {
            let last: std::collections::BTreeMap<&str, &Json> =
                x.iter().map(|(k, v)| (k.as_str(), v)).collect();
            last.len() == y.len()
                && last
                    .iter()
                    .all(|(k, v)| y.get(*k).is_some_and(|w| same_as_serde(v, w)))
        }
        _ => false,
    }
}

/// Whether the parser produced a NaN anywhere: its numbers are finite, or infinite on overflow.
fn has_nan(tree: &Json) -> bool {
    match tree {
        Json::Number(x) => x.is_nan(),
        Json::Array(items) => items.iter().any(has_nan),
        Json::Object(entries) => entries.iter().any(|(_, v)| has_nan(v)),
        _ => false,
    }
}

/// Writes `tree` with serde_json (its `Serialize` keeps duplicate keys and order) and parses the
/// text again: the same tree, but that infinity (which JSON cannot hold) comes back as `null`
/// and numbers as [`written_number_reads_back`] allows.
fn round_trip(tree: &Json) {
    let text = serde_json::to_string(tree).expect("a tree serializes");
    // A number's shortest writing can be longer than the text it was read from.
    if text.len() > MAX_BYTES {
        return;
    }
    let again = Json::parse(&text).unwrap_or_else(|e| panic!("{text:?} does not parse: {e}"));
    assert!(
        same_after_writing(tree, &again),
        "written as {text:?}\nbefore {tree:?}\nafter  {again:?}"
    );
}

fn same_after_writing(before: &Json, after: &Json) -> bool {
    match (before, after) {
        (Json::Number(x), Json::Null) => x.is_infinite(),
        (Json::Number(x), Json::Number(y)) => written_number_reads_back(*x, *y),
        (Json::Array(x), Json::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_after_writing(a, b))
        }
        (Json::Object(x), Json::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((k, a), (l, b))| k == l && same_after_writing(a, b))
        }
        _ => before == after,
    }
}

/// `x` written by serde_json (the shortest text that reads back as `x`) and read back as `y`:
/// exactly `x`, since the parser reads every number to the nearest f64 (src/base/decimal.rs) — but
/// for the sign of zero, which serde_json writes as `0` either way.
fn written_number_reads_back(x: f64, y: f64) -> bool {
    x == y
}

/// Most units in the last place between our reading of a number and serde_json's: ours is the
/// nearest f64, serde_json's (without its `float_roundtrip` feature) may be a few units off.
const MAX_ULPS: u64 = 16;

/// `x` and `y` at most [`MAX_ULPS`] apart, counting subnormals, zero and infinity as steps of
/// the same scale (so the largest f64 and infinity are one apart).
fn close(x: f64, y: f64) -> bool {
    x == y || ordinal(x).abs_diff(ordinal(y)) <= MAX_ULPS
}

/// The position of `x` among all f64 in order, zero (of either sign) at 0.
fn ordinal(x: f64) -> i64 {
    let magnitude = (x.to_bits() & !(1 << 63)) as i64;
    if x.is_sign_negative() {
        -magnitude
    } else {
        magnitude
    }
}
