//! The JavaScript binding, run in headless Chromium by wasm-bindgen-test (scripts/test.sh):
//! every export, the error class and its fields, and plain objects rather than Maps.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect, JSON};
use sdo_openness::wasm;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PROFILE: &str = r#"{"schema":"sdo-openness/profile/v2","process":{"name":"Browser test"},
  "answers":{"O1.1":{"option":"public","evidence":[{"url":"https://example.org"}]},"O5.1":{"value":0},
  "I7.4":{"status":"no-public-information"},"I8.2":{"status":"not-applicable","note":"n/a"}}}"#;

fn js(text: &str) -> JsValue {
    JSON::parse(text).unwrap()
}

fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.')
        .fold(v.clone(), |v, k| match k.parse::<u32>() {
            Ok(i) => Reflect::get_u32(&v, i).unwrap(),
            Err(_) => Reflect::get(&v, &k.into()).unwrap(),
        })
}

fn is_plain(v: &JsValue) -> bool {
    let proto: JsValue = Object::get_prototype_of(v).into();
    proto == JsValue::from(Object::get_prototype_of(&Object::new()))
}

#[wasm_bindgen_test]
fn score_returns_plain_objects() {
    let report = wasm::score(js(PROFILE), JsValue::UNDEFINED).unwrap();
    assert!(is_plain(&report));
    assert!(is_plain(&get(&report, "pillars.0")));
    assert!(Array::is_array(&get(&report, "pillars")));
    assert_eq!(
        get(&report, "pillars.0.id").as_string().as_deref(),
        Some("O")
    );
    // Four answers are far from the coverage rule: a status and a range, no score.
    assert_eq!(
        get(&report, "pillars.0.status").as_string().as_deref(),
        Some("insufficient-data")
    );
    assert!(get(&report, "pillars.0.score").is_null());
    assert!(get(&report, "pillars.0.band").is_null());
    assert_eq!(get(&report, "pillars.0.upper").as_f64(), Some(100.0));
    assert!(get(&report, "pillars.1.lower").as_f64().is_some());
    assert_eq!(
        get(&report, "weights").as_string().as_deref(),
        Some("default")
    );
    // None reaches JavaScript as null, not undefined.
    let empty = wasm::score(
        js(r#"{"schema":"sdo-openness/profile/v2","process":{"name":"e"},"answers":{}}"#),
        JsValue::NULL,
    )
    .unwrap();
    assert!(get(&empty, "pillars.0.score").is_null());
}

#[wasm_bindgen_test]
fn text_and_objects_score_alike() {
    let from_text = wasm::score(JsValue::from_str(PROFILE), JsValue::UNDEFINED).unwrap();
    let from_object = wasm::score(js(PROFILE), JsValue::UNDEFINED).unwrap();
    assert_eq!(
        JSON::stringify(&from_text).unwrap(),
        JSON::stringify(&from_object).unwrap()
    );
}

#[wasm_bindgen_test]
fn errors_are_profile_errors_with_fields() {
    let bad = js(
        r#"{"schema":"sdo-openness/profile/v2","process":{"name":"x"},"answers":{"O1.1":{"option":"publik"}}}"#,
    );
    let err = wasm::score(bad, JsValue::UNDEFINED).unwrap_err();
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(
        get(&err, "name").as_string().as_deref(),
        Some("ProfileError")
    );
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("unknown-option")
    );
    assert_eq!(
        get(&err, "path").as_string().as_deref(),
        Some("answers.O1.1.option")
    );
    assert_eq!(
        get(&err, "suggestion").as_string().as_deref(),
        Some("public")
    );
    let message: JsString = get(&err, "message").unchecked_into();
    assert_eq!(
        String::from(message),
        "unknown option `publik` for element `O1.1` (did you mean `public`?)"
    );
    let weights = wasm::score(js(PROFILE), js(r#"{"weights":{"O1":-1}}"#)).unwrap_err();
    assert_eq!(
        get(&weights, "code").as_string().as_deref(),
        Some("out-of-range")
    );
    assert_eq!(
        get(&weights, "path").as_string().as_deref(),
        Some("weights.O1")
    );
    assert!(get(&weights, "suggestion").is_null());
}

#[wasm_bindgen_test]
fn validate_never_throws() {
    let result = wasm::validate(JsValue::UNDEFINED, JsValue::UNDEFINED);
    assert_eq!(get(&result, "ok").as_bool(), Some(false));
    assert_eq!(
        get(&result, "errors.0.code").as_string().as_deref(),
        Some("wrong-type")
    );
    let ok = wasm::validate(js(PROFILE), JsValue::UNDEFINED);
    assert_eq!(get(&ok, "ok").as_bool(), Some(true));
    assert_eq!(
        get(&ok, "warnings.0.code").as_string().as_deref(),
        Some("assessment-undated")
    );
}

#[wasm_bindgen_test]
fn version_compare_sensitivity_badge() {
    let version = wasm::version();
    assert_eq!(
        get(&version, "methodology.version").as_string().as_deref(),
        Some("2.0.0")
    );
    let profiles = Array::of2(
        &js(PROFILE),
        &js(r#"{"schema":"sdo-openness/profile/v2","process":{"name":"b"},"answers":{}}"#),
    );
    let comparison = wasm::compare(profiles.clone().into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(
        get(&comparison, "rankings.0.order.0.index").as_f64(),
        Some(0.0)
    );
    // Neither is scored, so neither is ranked.
    assert!(get(&comparison, "rankings.0.order.0.rank").is_null());
    let spread = wasm::sensitivity(profiles.into(), js(r#"{"draws":20,"seed":9}"#)).unwrap();
    assert_eq!(get(&spread, "draws").as_f64(), Some(20.0));
    assert_eq!(
        get(&spread, "pillars.0.missing.profiles.0.scored").as_f64(),
        Some(1.0)
    );
    let changes = wasm::diff(js(PROFILE), js(PROFILE), JsValue::UNDEFINED).unwrap();
    assert_eq!(Array::from(&get(&changes, "answers")).length(), 0);
    let other = wasm::diff(
        js(PROFILE),
        js(r#"{"schema":"sdo-openness/profile/v2","process":{"name":"b"},"answers":{}}"#),
        JsValue::UNDEFINED,
    )
    .unwrap_err();
    assert_eq!(
        get(&other, "code").as_string().as_deref(),
        Some("different-process")
    );
    let report = wasm::score(js(PROFILE), JsValue::UNDEFINED).unwrap();
    let svg = wasm::badge_svg(report, JsValue::UNDEFINED).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("<title>"));
    let no_report = wasm::badge_svg(js("[]"), JsValue::UNDEFINED).unwrap_err();
    assert_eq!(
        get(&no_report, "code").as_string().as_deref(),
        Some("wrong-type")
    );
}

#[wasm_bindgen_test]
fn hostile_values_leave_the_module_working() {
    let cyclic = Object::new();
    Reflect::set(&cyclic, &"self".into(), &cyclic).unwrap();
    let err = wasm::score(cyclic.into(), JsValue::UNDEFINED).unwrap_err();
    assert_eq!(get(&err, "code").as_string().as_deref(), Some("too-deep"));
    let huge = JsValue::from_str(&"x".repeat(2 << 20));
    assert_eq!(
        get(&wasm::score(huge, JsValue::UNDEFINED).unwrap_err(), "code")
            .as_string()
            .as_deref(),
        Some("too-large")
    );
    // Bytes are JSON text when within the byte limit, and rejected unread beyond it.
    let bytes = js_sys::Uint8Array::from(PROFILE.as_bytes());
    assert!(wasm::score(bytes.into(), JsValue::UNDEFINED).is_ok());
    let huge = js_sys::Uint8Array::new_with_length(50_000_000);
    assert_eq!(
        get(
            &wasm::score(huge.into(), JsValue::UNDEFINED).unwrap_err(),
            "code"
        )
        .as_string()
        .as_deref(),
        Some("too-large")
    );
    let floats = js_sys::Float64Array::new_with_length(4);
    assert_eq!(
        get(
            &wasm::score(floats.into(), JsValue::UNDEFINED).unwrap_err(),
            "code"
        )
        .as_string()
        .as_deref(),
        Some("unsupported-value")
    );
    assert!(wasm::score(js(PROFILE), JsValue::UNDEFINED).is_ok());
}
