//! Whole reports of fictional example profiles (tests/fixtures/), compared with the committed
//! snapshots (tests/snapshots/). A change to the formula, the rubric or the report format shows
//! up here as a diff to review.
//!
//! The JSON text the JavaScript binding receives (src/base/text.rs) is held to the same serde_json
//! writing of each value, so the snapshots pin it too.
//!
//! `SDO_BLESS=1 cargo test --test snapshots` rewrites the snapshots; read the diff before
//! committing it.

#[path = "support/bless.rs"]
mod bless;
#[path = "support/checks.rs"]
mod checks;

use sdo_openness::text::WriteJson;
use sdo_openness::{compare, diff, score, sensitivity, validate, version, Json};
use serde::Serialize;
use std::path::PathBuf;

/// The fixtures, in the order they are compared.
const FIXTURES: [&str; 4] = [
    "open-working-group",
    "members-only-committee",
    "regional-consortium",
    "early-stage-assessment",
];

fn tests_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests")
}

fn read_json(path: PathBuf) -> Json {
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Json::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn fixture(name: &str) -> Json {
    read_json(tests_dir().join("fixtures").join(format!("{name}.json")))
}

/// `tests/fixtures/<name>.options.json`, when the fixture is scored with options.
fn fixture_options(name: &str) -> Option<Json> {
    let path = tests_dir()
        .join("fixtures")
        .join(format!("{name}.options.json"));
    path.exists().then(|| read_json(path))
}

/// The binding's text of `value` is serde_json's, byte for byte: same fields, order, names,
/// omissions and escapes.
fn check_binding_text<T: WriteJson + Serialize>(value: &T) {
    checks::binding_text(value);
}

/// Compares `value`, as pretty JSON with a trailing newline, with `tests/snapshots/<name>.json`;
/// with `SDO_BLESS=1`, rewrites the snapshot instead. Checks the binding's text of it as well.
fn check_snapshot<T: WriteJson + Serialize>(name: &str, value: &T) {
    check_binding_text(value);
    let fresh = serde_json::to_string_pretty(value).expect("serializes") + "\n";
    let path = tests_dir().join("snapshots").join(format!("{name}.json"));
    if bless::blessing() {
        std::fs::write(&path, &fresh).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed == fresh {
        return;
    }
    let first_difference = committed
        .lines()
        .zip(fresh.lines())
        .enumerate()
        .find(|(_, (a, b))| a != b)
        .map(|(n, (a, b))| format!("line {}:\n  snapshot: {a}\n  now:      {b}", n + 1))
        .unwrap_or_else(|| {
            format!(
                "lengths differ: snapshot {} lines, now {} lines",
                committed.lines().count(),
                fresh.lines().count()
            )
        });
    panic!(
        "tests/snapshots/{name}.json is out of date ({first_difference}); if the change is intended, run `SDO_BLESS=1 cargo test --test snapshots` and review the diff"
    );
}

fn check_report(name: &str) {
    let profile = fixture(name);
    let options = fixture_options(name);
    let v = validate(&profile, options.as_ref());
    assert!(v.ok, "{name}: {:?}", v.errors);
    let report = score(&profile, options.as_ref()).expect("fixtures are valid");
    // The report carries the advice validate gives (the fixtures have no unknown process
    // fields, whose warnings the report drops).
    assert_eq!(report.warnings, v.warnings, "{name}");
    check_snapshot(name, &report);
}

#[test]
fn open_working_group() {
    check_report("open-working-group");
}

#[test]
fn members_only_committee() {
    check_report("members-only-committee");
}

#[test]
fn regional_consortium_with_custom_weights() {
    check_report("regional-consortium");
}

#[test]
fn early_stage_assessment() {
    check_report("early-stage-assessment");
}

fn all_fixtures() -> Json {
    Json::Array(FIXTURES.iter().map(|n| fixture(n)).collect())
}

#[test]
fn comparison_of_the_fixtures() {
    let c = compare(&all_fixtures(), None).expect("fixtures are valid");
    check_snapshot("compare", &c);
}

#[test]
fn sensitivity_of_the_fixtures() {
    let options = Json::parse(r#"{"draws": 200, "seed": 42}"#).unwrap();
    let s = sensitivity(&all_fixtures(), Some(&options)).expect("fixtures are valid");
    check_snapshot("sensitivity", &s);
}

/// A later assessment of the regional consortium, a year on: two answers better, one worse, a
/// gap filled, and `supersedes` naming the first.
fn regional_consortium_a_year_on() -> Json {
    let text =
        std::fs::read_to_string(tests_dir().join("fixtures/regional-consortium.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["supersedes"] = "2026-02-01".into();
    v["process"]["assessedOn"] = "2027-02-01".into();
    let answers = &mut v["answers"];
    answers["O1.1"]["option"] = "public".into();
    answers["O5.4"]["value"] = 12.into();
    answers["I1.1"] = serde_json::json!({ "option": "none", "evidence": [{ "url": "https://example.org/consortium/outreach", "quote": "The outreach programme ended in 2026.", "sourceType": "official", "checkedOn": "2027-02-01" }] });
    answers["I9.1"] = serde_json::json!({ "option": "some", "evidence": [{ "url": "https://example.org/consortium/reviews", "quote": "Summaries of the reviews are published.", "sourceType": "official", "checkedOn": "2027-02-01" }] });
    Json::parse(&v.to_string()).unwrap()
}

#[test]
fn diff_of_two_assessments() {
    let d = diff(
        &fixture("regional-consortium"),
        &regional_consortium_a_year_on(),
        fixture_options("regional-consortium").as_ref(),
    )
    .expect("the same process");
    check_snapshot("diff", &d);
}

/// What the fixtures do not show: absent and false process fields, errors with and without a
/// suggestion, control characters in text, the version.
#[test]
fn binding_text_beyond_the_fixtures() {
    let bare = Json::parse(
        r#"{"schema": "sdo-openness/profile/v1", "process": {"name": "x\u0007\"", "illustrative": false},
            "answers": {"O5.1": {"value": 3.5, "note": "n\n\u001f", "evidence": [{"note": "e", "checkedOn": "2024-02-29"}]},
                        "O1.1": {"status": "not-applicable"}}}"#,
    )
    .unwrap();
    let options = Json::parse(r#"{"weights": {"O1": 12.345, "I2": 0.1}}"#).unwrap();
    let report = score(&bare, Some(&options)).unwrap();
    assert!(!report.process.illustrative && report.process.organization.is_none());
    check_binding_text(&report);
    let typo = Json::parse(
        r#"{"schema": "sdo-openness/profile/v1", "process": {"name": "x", "nmae": 1},
            "answers": {"O1.1": {"option": "publik"}, "O9": {}}}"#,
    )
    .unwrap();
    let invalid = validate(&typo, None);
    assert!(invalid.errors.iter().any(|e| e.suggestion().is_some()));
    assert!(invalid.errors.iter().any(|e| e.suggestion().is_none()));
    check_binding_text(&invalid);
    check_binding_text(&validate(&bare, None));
    check_binding_text(&version());
    let two = Json::Array(vec![bare, fixture("regional-consortium")]);
    check_binding_text(&compare(&two, Some(&options)).unwrap());
    let options =
        Json::parse(r#"{"weights": {"O1": 12.345}, "draws": 50, "spread": 0.3}"#).unwrap();
    check_binding_text(&sensitivity(&two, Some(&options)).unwrap());
}

#[test]
fn every_fixture_has_a_snapshot_and_every_snapshot_a_source() {
    if bless::blessing() {
        return; // the other tests are writing the snapshots right now
    }
    let mut expected: Vec<String> = FIXTURES.iter().map(|n| format!("{n}.json")).collect();
    expected.extend(
        [
            "badges.txt",
            "compare.json",
            "diff.json",
            "sensitivity.json",
        ]
        .map(String::from),
    );
    expected.sort();
    let mut found: Vec<String> = std::fs::read_dir(tests_dir().join("snapshots"))
        .expect("tests/snapshots")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    assert_eq!(found, expected);
    for entry in std::fs::read_dir(tests_dir().join("fixtures")).expect("tests/fixtures") {
        let file = entry.unwrap().file_name().to_string_lossy().into_owned();
        let stem = file
            .strip_suffix(".options.json")
            .or_else(|| file.strip_suffix(".json"))
            .unwrap_or(&file);
        assert!(
            FIXTURES.contains(&stem),
            "tests/fixtures/{file} is not used"
        );
    }
}
