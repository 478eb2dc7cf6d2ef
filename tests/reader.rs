//! The profile reader's whole output on messy inputs: every error (code, path, message,
//! suggestion) and every warning, in order. Pins the reader's behaviour while its code changes.

#[path = "support/bless.rs"]
mod bless;

use sdo_openness::{validate, Json, Profile, SCHEMA};

/// `validate`'s output as lines: `E code path message suggestion`, `W code path`.
fn listing(profile: &str, options: Option<&str>) -> String {
    let p = Json::parse(profile).expect("test input is JSON");
    let o = options.map(|o| Json::parse(o).expect("test options are JSON"));
    let v = validate(&p, o.as_ref());
    let mut out = format!("ok={}\n", v.ok);
    for e in &v.errors {
        out.push_str(&format!(
            "E {} [{}] {} {:?}\n",
            e.code(),
            e.path(),
            e.message(),
            e.suggestion()
        ));
    }
    for w in &v.warnings {
        out.push_str(&format!("W {} [{}]\n", w.code, w.path));
    }
    // The first-error contract agrees with the list.
    match Profile::from_json(profile) {
        Ok(_) => assert!(v.errors.is_empty() || options.is_some()),
        Err(e) if options.is_none() => assert_eq!(Some(&e), v.errors.first()),
        Err(_) => {}
    }
    out
}

fn with(process: &str, answers: &str) -> String {
    format!(r#"{{"schema":"{SCHEMA}","process":{process},"answers":{answers}}}"#)
}

/// The whole listing of every input below, as committed; `SDO_BLESS=1 cargo test --test reader`
/// rewrites it (read the diff before committing).
const EXPECTED: &str = include_str!("reader.txt");

#[test]
fn every_error_and_warning_of_messy_profiles() {
    let mut out = String::new();
    for (name, input, options) in inputs() {
        out.push_str(&format!("=== {name}\n{}\n", listing(&input, options)));
    }
    let good = with(
        r#"{"name":"n","organization":"o","scope":"s","url":"https://x.org","assessedOn":"2024-02-29","assessor":"a","illustrative":true}"#,
        r#"{"O1.1":{"option":"public","note":"why","evidence":[{"url":"http://e.org","note":"n","checkedOn":"2025-12-31"},{"note":"m"}]},"O5.1":{"value":2.5},"O1.2":{"status":"not-applicable"},"O2.3":{"status":"no-public-information"}}"#,
    );
    out.push_str(&format!("=== read\n{:#?}\n", Profile::from_json(&good)));
    if bless::blessing() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/reader.txt");
        std::fs::write(path, &out).unwrap();
        return;
    }
    assert_eq!(out, EXPECTED);
}

fn inputs() -> Vec<(&'static str, String, Option<&'static str>)> {
    let mut all: Vec<_> = plain().into_iter().map(|(n, s)| (n, s, None)).collect();
    all.extend([
        (
            "outdated",
            with(r#"{"name":"x","assessedOn":"2024-02-29"}"#, "{}"),
            Some(r#"{"asOf":"2025-03-01"}"#),
        ),
        (
            "not outdated",
            with(r#"{"name":"x","assessedOn":"2024-03-01"}"#, "{}"),
            Some(r#"{"asOf":"2025-03-01"}"#),
        ),
        (
            "options and profile",
            with(r#"{"name":1}"#, "{}"),
            Some(r#"{"asOf":"2025-02-29","x":1}"#),
        ),
    ]);
    all
}

fn plain() -> Vec<(&'static str, String)> {
    let long = "x".repeat(4001);
    let name201 = "é".repeat(201);
    vec![
        ("not an object", "[1]".into()),
        ("empty object", "{}".into()),
        (
            "top level",
            r#"{"schema":3,"$schema":5,"schema":"v0","answers":[],"process":"p","extra":1,"proces":{}}"#.into(),
        ),
        ("wrong schema", r#"{"schema":"sdo-openness/profile/v3","process":{"name":"x"},"answers":{}}"#.into()),
        (
            "process fields",
            with(
                &format!(r#"{{"name":"{name201}","organization":1,"scope":null,"url":"ftp://x","assessedOn":"2024-02-30","assessor":[],"illustrative":"yes","colour":1,"nme":2,"url":"https://a b"}}"#),
                "{}",
            ),
        ),
        ("process missing name", with(r#"{"illustrative":true,"url":"HTTPS://ok.example","assessedOn":"2024-02-29T00:00:00Z"}"#, "{}")),
        ("process not object", with("null", r#"{"O1.1":{"option":"public"}}"#)),
        (
            "answers",
            with(
                r#"{"name":"x"}"#,
                &format!(
                    r#"{{"O1.1":{{"option":"publik","note":"{long}","evidence":[]}},
                    "O1.1":{{"option":"public"}},
                    "O5.1":{{"value":-1}},
                    "O5.1x":{{"value":1}},
                    "Q9":{{"status":"na"}},
                    "O1.2":{{"status":"not-aplicable","extra":1,"optoin":2}},
                    "O2.3":{{"option":"x","value":1}},
                    "O2.2":{{}},
                    "O3.1":{{"value":3}},
                    "O5.1":{{"option":"free"}},
                    "I3.1":{{"status":4}},
                    "I1.1":{{"option":null}},
                    "I1.2":{{"value":"1"}},
                    "I2.1":7,
                    "I2.2":{{"option":"{long}"}}}}"#
                ),
            ),
        ),
        (
            "evidence",
            with(
                r#"{"name":"x"}"#,
                r#"{"O1.1":{"option":"public","evidence":{}},
                "O1.2":{"option":"public","evidence":[1,{},{"url":"javascript:x","checkedOn":"yesterday","note":5,"seen":1},{"note":"ok","note":"again"},{"url":"http://x","checkedOn":"2024-01-01"}]},
                "O2.3":{"option":"public","evidence":[{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}]},
                "O2.2":{"option":"public","evidence":[{"url":"https:///x"},{"url":"http://"},{"url":"https://x\u0007"},{"url":"HtTp://x.org/a b"}]}}"#,
            ),
        ),
        (
            "review of an answer",
            with(
                r#"{"name":"x"}"#,
                r#"{"O1.1":{"option":"public","verdict":"agre","reviewNote":7},
                "O1.2":{"option":"public","verdict":null},
                "O2.3":{"option":"all","verdict":"changed","reviewNote":"the page says all","reviewer":"R"}}"#,
            ),
        ),
        (
            "warnings",
            with(
                r#"{"name":"x","zz":1,"a":{"b":1},"assessedOn":"2023-03-01"}"#,
                "{\"O1.1\":{\"option\":\"public\"},\"O1.2\":{\"status\":\"not-applicable\",\"note\":\"\\u00a0\\u3000\\n\"},\"O2.3\":{\"status\":\"not-applicable\",\"note\":\"\"},\"O2.2\":{\"status\":\"not-applicable\",\"note\":\"\\u00a0x\"},\"O3.1\":{\"status\":\"no-public-information\",\"evidence\":[{\"note\":\"n\"}]},\"O5.1\":{\"value\":2.5}}",
            ),
        ),
        ("undated", with(r#"{"name":"x"}"#, r#"{"O5.1":{"value":0,"evidence":[{"url":"https://e.org"}]}}"#)),
    ]
}
