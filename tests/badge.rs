//! The SVG badge, byte for byte, and its errors with their paths: the badge is drawn by hand for
//! size, so every case below is held to the committed text (tests/snapshots/badges.txt).
//!
//! `SDO_BLESS=1 cargo test --test badge` rewrites the snapshot; read the diff before committing it.

#[path = "support/bless.rs"]
mod bless;

use sdo_openness::badge::svg;
use sdo_openness::{score, Json};
use std::path::PathBuf;

fn tests_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests")
}

fn parse(text: &str) -> Json {
    Json::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// Reports and options that between them take every branch of the drawing.
const CASES: &[(&str, &str, Option<&str>)] = &[
    (
        "provisional with bounds, one bound missing, rounding half up",
        r#"{"process": {"name": "Example WG"}, "pillars": [
            {"id": "O", "status": "scored", "score": 82.5, "band": "strong", "provisional": true, "lower": 70.49, "upper": 90.5},
            {"id": "I", "status": "scored", "score": 41.4, "band": "partial", "provisional": true, "lower": 30}]}"#,
        None,
    ),
    (
        "no score, null score, unknown and missing band, no process",
        r#"{"pillars": [
            {"id": "O", "score": null, "band": "limited", "provisional": true, "lower": 1, "upper": 2},
            {"id": "I", "status": "scored", "score": 0, "band": "excellent"}]}"#,
        Some("null"),
    ),
    (
        "every band, an id without a name, pillars past the rubric's ignored",
        r#"{"process": {"name": 7}, "pillars": [
            {"id": "X", "status": "scored", "score": 100, "band": "substantial", "provisional": false},
            {"id": "I", "status": "scored", "score": 12, "band": "limited", "provisional": "yes"},
            {"id": "O", "status": "scored", "score": 50, "band": "strong"}]}"#,
        None,
    ),
    (
        "custom label and labels",
        r#"{"process": {"name": "Groupe de travail"}, "pillars": [
            {"id": "O", "status": "scored", "score": 59, "band": "substantial", "provisional": true, "lower": 40, "upper": 75},
            {"id": "I", "status": "scored", "score": 41, "band": "partial", "provisional": true, "lower": 22, "upper": 60}]}"#,
        Some(r#"{"label": "Ouverture SDO", "labels": {"O": "ouverture", "I": "inclusion"}}"#),
    ),
    (
        "one label only, empty label",
        r#"{"process": {}, "pillars": [{"id": "I", "status": "scored", "score": 99.49, "band": "strong"}]}"#,
        Some(r#"{"label": "", "labels": {"I": "incl."}}"#),
    ),
    (
        "untrusted text: markup, quotes, bidi and control characters",
        r#"{"process": {"name": "<script>&\"'</script>\u202Egnp.exe\u2066\u200F\u0007\n\t"}, "pillars": [
            {"id": "O", "status": "scored", "score": 10, "band": "limited"}]}"#,
        Some(r#"{"label": "a<b>&c\"d'e\u202Ax\u0000", "labels": {"O": "\u2067O&O\u200E"}}"#),
    ),
    (
        "CJK and other wide text",
        r#"{"process": {"name": "标准开放性工作组"}, "pillars": [
            {"id": "O", "status": "scored", "score": 70, "band": "strong", "provisional": true, "lower": 60, "upper": 80},
            {"id": "I", "score": null}]}"#,
        Some(r#"{"label": "标准开放性", "labels": {"O": "開放性", "I": "包容性 ümlaut é—ł"}}"#),
    ),
    (
        "narrow and wide Latin letters",
        r#"{"pillars": [{"id": "O", "status": "scored", "score": 1}, {"id": "I", "status": "scored", "score": 2}]}"#,
        Some(r#"{"label": "il.j,:'|! ftrI mwMW Zz09", "labels": {"O": "iiii", "I": "WWWW"}}"#),
    ),
    (
        "no pillars",
        r#"{"process": {"name": "Empty"}, "pillars": []}"#,
        None,
    ),
    (
        "insufficient data shows the range in grey, never the score or band",
        r#"{"process": {"name": "Thin WG"}, "review": {"level": "peer-reviewed"}, "pillars": [
            {"id": "O", "status": "insufficient-data", "score": null, "band": null, "provisional": true, "lower": 18.2, "upper": 96.5},
            {"id": "I", "status": "insufficient-data", "score": 86.4, "band": "strong", "provisional": true, "lower": 15.8, "upper": 98.5}]}"#,
        None,
    ),
    (
        "a score without a status is not shown; independent review; localised words",
        r#"{"review": {"level": "independent"}, "pillars": [
            {"id": "O", "score": 70, "band": "substantial", "lower": 60, "upper": 80},
            {"id": "I", "status": "scored", "score": 52, "band": "partial"}]}"#,
        Some(
            r#"{"labels": {"insufficient": "données insuffisantes", "independent": "revue indépendante"}}"#,
        ),
    ),
];

/// Bad reports and options, with the code and path of the error each must give.
const ERRORS: &[(&str, Option<&str>, &str, &str)] = &[
    ("[]", None, "wrong-type", ""),
    ("{}", None, "missing-field", ""),
    (r#"{"pillars": {}}"#, None, "wrong-type", "pillars"),
    (r#"{"pillars": "O"}"#, None, "wrong-type", "pillars"),
    (r#"{"pillars": [1]}"#, None, "wrong-type", "pillars[0]"),
    (
        r#"{"pillars": [{"id": "O", "score": 1}, []]}"#,
        None,
        "wrong-type",
        "pillars[1]",
    ),
    (r#"{"pillars": [{}]}"#, None, "missing-field", "pillars[0]"),
    (
        r#"{"pillars": [{"id": 3}]}"#,
        None,
        "wrong-type",
        "pillars[0].id",
    ),
    (
        r#"{"pillars": [{"id": "OOOOOOOOO"}]}"#,
        None,
        "too-long",
        "pillars[0].id",
    ),
    (
        r#"{"pillars": [{"id": "O", "score": 100.5}]}"#,
        None,
        "out-of-range",
        "pillars[0].score",
    ),
    (
        r#"{"pillars": [{"id": "O", "score": -1}]}"#,
        None,
        "out-of-range",
        "pillars[0].score",
    ),
    (
        r#"{"pillars": [{"id": "O", "score": "80"}]}"#,
        None,
        "wrong-type",
        "pillars[0].score",
    ),
    (
        r#"{"pillars": [{"id": "O", "score": 8}, {"id": "I", "score": 8, "provisional": true, "lower": 101, "upper": 9}]}"#,
        None,
        "out-of-range",
        "pillars[1].lower",
    ),
    (
        r#"{"pillars": [{"id": "I", "score": 8, "provisional": true, "lower": 1, "upper": true}]}"#,
        None,
        "wrong-type",
        "pillars[0].upper",
    ),
    (
        r#"{"pillars": [{"id": "I", "id": "O"}]}"#,
        None,
        "duplicate-key",
        "pillars[0].id",
    ),
    (
        r#"{"pillars": [], "pillars": []}"#,
        None,
        "duplicate-key",
        "pillars",
    ),
    (r#"{"pillars": []}"#, Some("[]"), "wrong-type", ""),
    (r#"{"pillars": []}"#, Some("3"), "wrong-type", ""),
    (
        r#"{"pillars": []}"#,
        Some(r#"{"lable": "x"}"#),
        "unknown-field",
        "lable",
    ),
    (
        r#"{"pillars": []}"#,
        Some(r#"{"label": "12345678901234567890123456789012345678901"}"#),
        "too-long",
        "label",
    ),
    (
        r#"{"pillars": []}"#,
        Some(r#"{"label": 1}"#),
        "wrong-type",
        "label",
    ),
    (
        r#"{"pillars": []}"#,
        Some(r#"{"labels": []}"#),
        "wrong-type",
        "labels",
    ),
    (
        r#"{"pillars": []}"#,
        Some(r#"{"labels": {"O": "x", "P": "y"}}"#),
        "unknown-field",
        "labels.P",
    ),
    (
        r#"{"pillars": []}"#,
        Some(r#"{"labels": {"I": "12345678901234567890123456789012345678901"}}"#),
        "too-long",
        "labels.I",
    ),
    (
        r#"{"pillars": []}"#,
        Some(r#"{"labels": {"O": null}}"#),
        "wrong-type",
        "labels.O",
    ),
    // Options are read before the report, and the first error is the one reported.
    ("[]", Some(r#"{"label": 1}"#), "wrong-type", "label"),
    (
        r#"{"pillars": []}"#,
        Some(r#"{"x": 1, "label": 2}"#),
        "unknown-field",
        "x",
    ),
];

fn fixture_report(name: &str) -> Json {
    let dir = tests_dir().join("fixtures");
    let profile = parse(&std::fs::read_to_string(dir.join(format!("{name}.json"))).unwrap());
    let options = std::fs::read_to_string(dir.join(format!("{name}.options.json")))
        .ok()
        .map(|t| parse(&t));
    let report = score(&profile, options.as_ref()).expect("fixtures are valid");
    parse(&serde_json::to_string(&report).unwrap())
}

#[test]
fn badges_are_drawn_as_committed() {
    let mut fresh = String::new();
    for (name, report, options) in CASES {
        let options = options.map(parse);
        let badge =
            svg(&parse(report), options.as_ref()).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        fresh += &format!("## {name}\n{badge}\n");
    }
    for name in [
        "open-working-group",
        "members-only-committee",
        "regional-consortium",
        "early-stage-assessment",
    ] {
        let badge = svg(&fixture_report(name), None).unwrap();
        fresh += &format!("## fixture {name}\n{badge}\n");
    }
    // The messages too, which people read.
    for (report, options, _, _) in ERRORS {
        let e = svg(&parse(report), options.map(parse).as_ref()).unwrap_err();
        fresh += &format!(
            "## error {report} {options:?}\n{} {:?} {}\n",
            e.code(),
            e.path(),
            e.message()
        );
    }
    let path = tests_dir().join("snapshots").join("badges.txt");
    if bless::blessing() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    for (n, (a, b)) in committed.lines().zip(fresh.lines()).enumerate() {
        assert_eq!(a, b, "tests/snapshots/badges.txt line {}", n + 1);
    }
    assert_eq!(committed, fresh, "tests/snapshots/badges.txt");
}

#[test]
fn bad_reports_and_options_give_coded_errors_with_paths() {
    for (report, options, code, path) in ERRORS {
        let options = options.map(parse);
        let e = svg(&parse(report), options.as_ref()).expect_err(&format!("{report} {options:?}"));
        assert_eq!((e.code(), e.path()), (*code, *path), "{report} {options:?}");
    }
}
