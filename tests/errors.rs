//! Every documented error code, with the exact path, message and suggestion it comes with; the
//! whole-list behaviour of `validate`; warnings, which never block scoring.
//!
//! The contract is docs/methodology.md ("Errors and limits", "Warnings"): callers match on
//! `code` and `path`, and people read `message`, so all three are pinned here.

use sdo_openness::{compare, diff, score, sensitivity, validate, Error, Json, SCHEMA};
use serde_json::{json, Value};

// ---------------------------------------------------------------------------------------------
// Building inputs
// ---------------------------------------------------------------------------------------------

/// A `serde_json` value as an engine tree (through JSON text, as a caller would send it).
fn tree(v: &Value) -> Json {
    Json::parse(&v.to_string()).expect("test input is valid JSON")
}

/// A valid profile around `answers`.
fn profile(answers: Value) -> Value {
    json!({
        "schema": SCHEMA,
        "process": { "name": "Example open working group", "assessedOn": "2026-11-01" },
        "answers": answers,
    })
}

/// A valid profile, as JSON text, around the text of `answers`.
fn profile_text(answers: &str) -> String {
    format!(
        r#"{{"schema":"{SCHEMA}","process":{{"name":"Example open working group","assessedOn":"2026-11-01"}},"answers":{answers}}}"#
    )
}

fn s(x: &str) -> Json {
    Json::String(x.into())
}

fn n(x: f64) -> Json {
    Json::Number(x)
}

/// A profile tree built directly through the public `Json` enum, so that it can hold values JSON
/// text cannot (NaN, infinities).
fn profile_tree(answers: Vec<(&str, Json)>) -> Json {
    Json::object(vec![
        ("schema", s(SCHEMA)),
        ("process", Json::object(vec![("name", s("Example"))])),
        ("answers", Json::object(answers)),
    ])
}

fn valid() -> Json {
    tree(&profile(json!({ "O1.1": { "option": "public" } })))
}

fn weights(w: Value) -> Json {
    tree(&json!({ "weights": w }))
}

// ---------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------

/// What to call.
enum Call {
    /// `Json::parse` of this text, then `score` of the tree.
    Text(String),
    /// `score` (and `validate`) of a tree, with options.
    Score(Json, Option<Json>),
    Compare(Json, Option<Json>),
    Sensitivity(Json, Option<Json>),
    /// `diff` of an old and a new profile.
    Diff(Json, Json, Option<Json>),
}

struct Case {
    name: &'static str,
    call: Call,
    code: &'static str,
    path: String,
    message: String,
    suggestion: Option<&'static str>,
}

fn case(
    name: &'static str,
    call: Call,
    code: &'static str,
    path: impl Into<String>,
    message: impl Into<String>,
    suggestion: Option<&'static str>,
) -> Case {
    Case {
        name,
        call,
        code,
        path: path.into(),
        message: message.into(),
        suggestion,
    }
}

fn run(call: &Call) -> Result<(), Error> {
    match call {
        Call::Text(text) => Json::parse(text).and_then(|t| score(&t, None)).map(drop),
        Call::Score(p, o) => score(p, o.as_ref()).map(drop),
        Call::Compare(p, o) => compare(p, o.as_ref()).map(drop),
        Call::Sensitivity(p, o) => sensitivity(p, o.as_ref()).map(drop),
        Call::Diff(a, b, o) => diff(a, b, o.as_ref()).map(drop),
    }
}

fn cases() -> Vec<Case> {
    use Call::{Compare, Score, Sensitivity};
    let mut cases = vec![
        // invalid-json: the line and column of the syntax error, the path of the value being read
        case(
            "syntax error",
            Call::Text(r#"{"schema": }"#.into()),
            "invalid-json",
            "schema",
            "invalid JSON at line 1 column 12: expected a value",
            None,
        ),
        case(
            "empty text",
            Call::Text(String::new()),
            "invalid-json",
            "",
            "invalid JSON at line 1 column 1: expected a value",
            None,
        ),
        case(
            "trailing characters",
            Call::Text(format!("{} x", profile_text("{}"))),
            "invalid-json",
            "",
            format!(
                "invalid JSON at line 1 column {}: expected end of input",
                profile_text("{}").len() + 2
            ),
            None,
        ),
        case(
            "unquoted option on line 3",
            Call::Text(format!(
                "{{\n  \"schema\": \"{SCHEMA}\",\n  \"answers\": {{\"O1.1\": {{\"option\": public}}}}\n}}"
            )),
            "invalid-json",
            "answers.O1.1.option",
            "invalid JSON at line 3 column 34: expected a value",
            None,
        ),
        case(
            "trailing comma in evidence",
            Call::Text(profile_text(
                r#"{"O1.1":{"option":"public","evidence":[{"note":"é"},]}}"#,
            )),
            "invalid-json",
            "answers.O1.1.evidence[1]",
            format!(
                "invalid JSON at line 1 column {}: expected a value",
                // profile_text closes the profile: one `}` stands in for the `]`.
                profile_text(r#"{"O1.1":{"option":"public","evidence":[{"note":"é"},"#)
                    .chars()
                    .count()
            ),
            None,
        ),
        case(
            "tab inside a string",
            Call::Text(profile_text("{\"O1.1\":{\"option\":\"pub\tlic\"}}")),
            "invalid-json",
            "answers.O1.1.option",
            format!(
                "invalid JSON at line 1 column {}: expected no control characters in a string",
                profile_text("{\"O1.1\":{\"option\":\"pub").len()
            ),
            None,
        ),
        // wrong-type
        case(
            "profile is an array",
            Score(tree(&json!([])), None),
            "wrong-type",
            "",
            "expected an object, found an array",
            None,
        ),
        case(
            "answers is an array",
            Score(
                tree(&json!({"schema": SCHEMA, "process": {"name": "x"}, "answers": []})),
                None,
            ),
            "wrong-type",
            "answers",
            "expected an object, found an array",
            None,
        ),
        case(
            "schema is a number",
            Score(
                tree(&json!({"schema": 1, "process": {"name": "x"}, "answers": {}})),
                None,
            ),
            "wrong-type",
            "schema",
            "expected a string, found a number",
            None,
        ),
        case(
            "$schema is a number",
            Score(
                tree(&json!({"$schema": 1, "schema": SCHEMA, "process": {"name": "x"}, "answers": {}})),
                None,
            ),
            "wrong-type",
            "$schema",
            "expected a string, found a number",
            None,
        ),
        case(
            "process name is a number",
            Score(
                tree(&json!({"schema": SCHEMA, "process": {"name": 7}, "answers": {}})),
                None,
            ),
            "wrong-type",
            "process.name",
            "expected a string, found a number",
            None,
        ),
        case(
            "illustrative is a string",
            Score(
                tree(&json!({"schema": SCHEMA, "process": {"name": "x", "illustrative": "yes"}, "answers": {}})),
                None,
            ),
            "wrong-type",
            "process.illustrative",
            "expected a boolean, found a string",
            None,
        ),
        case(
            "answer is a string",
            Score(tree(&profile(json!({"O1.1": "public"}))), None),
            "wrong-type",
            "answers.O1.1",
            "expected an object, found a string",
            None,
        ),
        case(
            "value is a string",
            Score(tree(&profile(json!({"O5.1": {"value": "0"}}))), None),
            "wrong-type",
            "answers.O5.1.value",
            "expected a number, found a string",
            None,
        ),
        case(
            "option is null",
            Score(tree(&profile(json!({"O1.1": {"option": null}}))), None),
            "wrong-type",
            "answers.O1.1.option",
            "expected a string, found null",
            None,
        ),
        case(
            "evidence is an object",
            Score(
                tree(&profile(
                    json!({"O1.1": {"option": "public", "evidence": {"url": "https://example.org"}}}),
                )),
                None,
            ),
            "wrong-type",
            "answers.O1.1.evidence",
            "expected an array, found an object",
            None,
        ),
        case(
            "evidence entry is a string",
            Score(
                tree(&profile(
                    json!({"O1.1": {"option": "public", "evidence": ["https://example.org"]}}),
                )),
                None,
            ),
            "wrong-type",
            "answers.O1.1.evidence[0]",
            "expected an object, found a string",
            None,
        ),
        case(
            "options are an array",
            Score(valid(), Some(tree(&json!([])))),
            "wrong-type",
            "",
            "expected an object, found an array",
            None,
        ),
        case(
            "weight is a string",
            Score(valid(), Some(weights(json!({"O1": "15"})))),
            "wrong-type",
            "weights.O1",
            "expected a number, found a string",
            None,
        ),
        case(
            "compare of an object",
            Compare(valid(), None),
            "wrong-type",
            "",
            "expected an array of profiles, found an object",
            None,
        ),
        case(
            "sensitivity of an object",
            Sensitivity(valid(), None),
            "wrong-type",
            "",
            "expected an array of profiles, found an object",
            None,
        ),
        case(
            "fractional draws",
            Sensitivity(Json::Array(vec![valid()]), Some(tree(&json!({"draws": 2.5})))),
            "wrong-type",
            "draws",
            "expected a whole number, found a fraction",
            None,
        ),
        case(
            "fractional seed",
            Sensitivity(Json::Array(vec![valid()]), Some(tree(&json!({"seed": 0.5})))),
            "wrong-type",
            "seed",
            "expected a whole number, found a fraction",
            None,
        ),
        // missing-field
        case(
            "no schema",
            Score(tree(&json!({"process": {"name": "x"}, "answers": {}})), None),
            "missing-field",
            "",
            "missing required field `schema`",
            None,
        ),
        case(
            "no process",
            Score(tree(&json!({"schema": SCHEMA, "answers": {}})), None),
            "missing-field",
            "",
            "missing required field `process`",
            None,
        ),
        case(
            "no answers",
            Score(tree(&json!({"schema": SCHEMA, "process": {"name": "x"}})), None),
            "missing-field",
            "",
            "missing required field `answers`",
            None,
        ),
        case(
            "no process name",
            Score(
                tree(&json!({"schema": SCHEMA, "process": {"organization": "x"}, "answers": {}})),
                None,
            ),
            "missing-field",
            "process",
            "missing required field `name`",
            None,
        ),
        // unknown-field, at every level outside `process`
        case(
            "top level",
            Score(
                tree(&json!({"schema": SCHEMA, "process": {"name": "x"}, "answers": {}, "answer": {}})),
                None,
            ),
            "unknown-field",
            "answer",
            "unknown field `answer` (did you mean `answers`?)",
            Some("answers"),
        ),
        case(
            "top level, nothing close",
            Score(
                tree(&json!({"schema": SCHEMA, "process": {"name": "x"}, "answers": {}, "zzzzzzzz": 1})),
                None,
            ),
            "unknown-field",
            "zzzzzzzz",
            "unknown field `zzzzzzzz`",
            None,
        ),
        case(
            "in an answer",
            Score(
                tree(&profile(json!({"O1.1": {"option": "public", "evidense": []}}))),
                None,
            ),
            "unknown-field",
            "answers.O1.1.evidense",
            "unknown field `evidense` (did you mean `evidence`?)",
            Some("evidence"),
        ),
        case(
            "in an evidence entry",
            Score(
                tree(&profile(json!({"O1.1": {"option": "public", "evidence": [
                    {"url": "https://example.org/drafts", "checked": "2026-11-01"}
                ]}}))),
                None,
            ),
            "unknown-field",
            "answers.O1.1.evidence[0].checked",
            "unknown field `checked` (did you mean `checkedOn`?)",
            Some("checkedOn"),
        ),
        case(
            "in score options",
            Score(valid(), Some(tree(&json!({"weight": {}})))),
            "unknown-field",
            "weight",
            "unknown field `weight` (did you mean `weights`?)",
            Some("weights"),
        ),
        case(
            "in score options, case",
            Score(valid(), Some(tree(&json!({"asof": "2026-11-01"})))),
            "unknown-field",
            "asof",
            "unknown field `asof` (did you mean `asOf`?)",
            Some("asOf"),
        ),
        case(
            "in compare options",
            Compare(Json::Array(vec![valid()]), Some(tree(&json!({"draws": 10})))),
            "unknown-field",
            "draws",
            "unknown field `draws`",
            None,
        ),
        case(
            "in sensitivity options",
            Sensitivity(Json::Array(vec![valid()]), Some(tree(&json!({"draw": 10})))),
            "unknown-field",
            "draw",
            "unknown field `draw` (did you mean `draws`?)",
            Some("draws"),
        ),
        // duplicate-key, at every level
        case(
            "top level",
            Call::Text(format!(
                r#"{{"schema":"{SCHEMA}","schema":"{SCHEMA}","process":{{"name":"x"}},"answers":{{}}}}"#
            )),
            "duplicate-key",
            "schema",
            "duplicate key `schema`",
            None,
        ),
        case(
            "in process",
            Call::Text(format!(
                r#"{{"schema":"{SCHEMA}","process":{{"name":"x","name":"y"}},"answers":{{}}}}"#
            )),
            "duplicate-key",
            "process.name",
            "duplicate key `name`",
            None,
        ),
        case(
            "in answers",
            Call::Text(profile_text(
                r#"{"O1.1":{"option":"public"},"O1.1":{"option":"members"}}"#,
            )),
            "duplicate-key",
            "answers.O1.1",
            "duplicate key `O1.1`",
            None,
        ),
        case(
            "inside an answer",
            Call::Text(profile_text(
                r#"{"O1.1":{"option":"public","option":"members"}}"#,
            )),
            "duplicate-key",
            "answers.O1.1.option",
            "duplicate key `option`",
            None,
        ),
        case(
            "inside an evidence entry",
            Call::Text(profile_text(
                r#"{"O1.1":{"option":"public","evidence":[{"note":"a","note":"b"}]}}"#,
            )),
            "duplicate-key",
            "answers.O1.1.evidence[0].note",
            "duplicate key `note`",
            None,
        ),
        case(
            "in weights",
            Score(
                valid(),
                Some(Json::parse(r#"{"weights":{"O1":10,"O1":20}}"#).unwrap()),
            ),
            "duplicate-key",
            "weights.O1",
            "duplicate key `O1`",
            None,
        ),
        case(
            "in options",
            Score(
                valid(),
                Some(Json::parse(r#"{"asOf":"2026-11-01","asOf":"2026-11-02"}"#).unwrap()),
            ),
            "duplicate-key",
            "asOf",
            "duplicate key `asOf`",
            None,
        ),
        // unsupported-schema
        case(
            "version 2",
            Score(
                tree(&json!({"schema": "sdo-openness/profile/v3", "process": {"name": "x"}, "answers": {}})),
                None,
            ),
            "unsupported-schema",
            "schema",
            "unsupported schema `sdo-openness/profile/v3`; expected `sdo-openness/profile/v2`",
            None,
        ),
        // v2's evidence and review fields
        case(
            "unknown source type",
            Score(
                tree(&profile(json!({"O1.1": {"option": "public", "evidence": [
                    {"url": "https://example.org", "sourceType": "offical"}]}}))),
                None,
            ),
            "unknown-value",
            "answers.O1.1.evidence[0].sourceType",
            "unknown value `offical`; expected `official`, `secondary` or `mirror` (did you mean `official`?)",
            Some("official"),
        ),
        case(
            "published after it was checked",
            Score(
                tree(&profile(json!({"O1.1": {"option": "public", "evidence": [
                    {"url": "https://example.org", "publishedOn": "2026-11-02", "checkedOn": "2026-11-01"}]}}))),
                None,
            ),
            "date-order",
            "answers.O1.1.evidence[0].publishedOn",
            "`publishedOn` is after `checkedOn`",
            None,
        ),
        case(
            "archive url not a web address",
            Score(
                tree(&profile(json!({"O1.1": {"option": "public", "evidence": [
                    {"quote": "Drafts are public.", "archiveUrl": "ftp://archive.example/x"}]}}))),
                None,
            ),
            "invalid-url",
            "answers.O1.1.evidence[0].archiveUrl",
            "url must be an absolute http: or https: address",
            None,
        ),
        case(
            "unknown confidence",
            Score(
                tree(&profile(json!({"O1.1": {"option": "public", "confidence": "certain"}}))),
                None,
            ),
            "unknown-value",
            "answers.O1.1.confidence",
            "unknown value `certain`; expected `high`, `medium` or `low`",
            None,
        ),
        case(
            "searched is not a list",
            Score(
                tree(&profile(json!({"I3.1": {"status": "no-public-information", "searched": "everywhere"}}))),
                None,
            ),
            "wrong-type",
            "answers.I3.1.searched",
            "expected an array, found a string",
            None,
        ),
        case(
            "searched entry too long",
            Score(
                tree(&profile(json!({"I3.1": {"status": "no-public-information", "searched": ["ok", "x".repeat(2049)]}}))),
                None,
            ),
            "too-long",
            "answers.I3.1.searched[1]",
            "text is longer than 2048 characters",
            None,
        ),
        case(
            "review level misspelt",
            Score(
                tree(&json!({"schema": SCHEMA, "review": {"level": "independant"}, "process": {"name": "x"}, "answers": {}})),
                None,
            ),
            "unknown-value",
            "review.level",
            "unknown value `independant`; expected `self-assessment`, `independent` or `peer-reviewed` (did you mean `independent`?)",
            Some("independent"),
        ),
        case(
            "review without a level",
            Score(
                tree(&json!({"schema": SCHEMA, "review": {"reviewers": ["A"]}, "process": {"name": "x"}, "answers": {}})),
                None,
            ),
            "missing-field",
            "review",
            "missing required field `level`",
            None,
        ),
        case(
            "supersedes neither a date nor an id",
            Score(
                tree(&json!({"schema": SCHEMA, "supersedes": "last year", "process": {"name": "x"}, "answers": {}})),
                None,
            ),
            "invalid-id",
            "supersedes",
            "`last year` is not a date YYYY-MM-DD or an id of letters, digits, `.`, `_` and `-`",
            None,
        ),
        case(
            "supersedes an impossible date",
            Score(
                tree(&json!({"schema": SCHEMA, "supersedes": "2026-02-30", "process": {"name": "x"}, "answers": {}})),
                None,
            ),
            "invalid-id",
            "supersedes",
            "`2026-02-30` is not a date YYYY-MM-DD or an id of letters, digits, `.`, `_` and `-`",
            None,
        ),
        case(
            "id with a slash",
            Score(
                tree(&json!({"schema": SCHEMA, "id": "ietf/2026", "process": {"name": "x"}, "answers": {}})),
                None,
            ),
            "invalid-id",
            "id",
            "`ietf/2026` is not an id of letters, digits, `.`, `_` and `-`",
            None,
        ),
        case(
            "language not a language tag",
            Score(
                tree(&json!({"schema": SCHEMA, "process": {"name": "x", "language": "English"}, "answers": {}})),
                None,
            ),
            "invalid-language",
            "process.language",
            "`English` is not a language tag such as `en`, `ar` or `zh-Hans`",
            None,
        ),
        case(
            "language with an empty subtag",
            Score(
                tree(&json!({"schema": SCHEMA, "process": {"name": "x", "language": "fr-"}, "answers": {}})),
                None,
            ),
            "invalid-language",
            "process.language",
            "`fr-` is not a language tag such as `en`, `ar` or `zh-Hans`",
            None,
        ),
        // diff
        case(
            "diff of two different processes",
            Call::Diff(
                valid(),
                tree(&json!({"schema": SCHEMA, "process": {"name": "Another group"}, "answers": {}})),
                None,
            ),
            "different-process",
            "new.process.name",
            "the profiles assess different processes",
            None,
        ),
        case(
            "diff with a bad old profile",
            Call::Diff(
                tree(&profile(json!({"O1.1": {"option": "publik"}}))),
                valid(),
                None,
            ),
            "unknown-option",
            "old.answers.O1.1.option",
            "unknown option `publik` for element `O1.1` (did you mean `public`?)",
            Some("public"),
        ),
        // v1 profiles, read under v2 through the crosswalk
        case(
            "v1 profile naming a v2 question",
            Score(
                tree(&json!({"schema": "sdo-openness/profile/v1", "process": {"name": "x"}, "answers": {"O2.3": {"option": "all"}}})),
                None,
            ),
            "unknown-element",
            "answers.O2.3",
            "unknown element `O2.3` (did you mean `O2.1`?)",
            Some("O2.1"),
        ),
        case(
            "v1 retired question with an option it never had",
            Score(
                tree(&json!({"schema": "sdo-openness/profile/v1", "process": {"name": "x"}, "answers": {"O2.1": {"option": "all"}}})),
                None,
            ),
            "unknown-option",
            "answers.O2.1.option",
            "unknown option `all` for element `O2.1`",
            None,
        ),
        case(
            "v2 profile naming a retired question",
            Score(tree(&profile(json!({"O7.1": {"option": "anyone"}}))), None),
            "unknown-element",
            "answers.O7.1",
            "unknown element `O7.1` (did you mean `O7.3`?)",
            Some("O7.3"),
        ),
        // unknown ids, with suggestions
        case(
            "element with a letter l",
            Score(tree(&profile(json!({"O1.l": {"option": "public"}}))), None),
            "unknown-element",
            "answers.O1.l",
            "unknown element `O1.l` (did you mean `O1.1`?)",
            Some("O1.1"),
        ),
        case(
            "element nothing close",
            Score(tree(&profile(json!({"Z99.99.99": {"option": "public"}}))), None),
            "unknown-element",
            "answers.Z99.99.99",
            "unknown element `Z99.99.99`",
            None,
        ),
        case(
            "option misspelt",
            Score(tree(&profile(json!({"O1.1": {"option": "publik"}}))), None),
            "unknown-option",
            "answers.O1.1.option",
            "unknown option `publik` for element `O1.1` (did you mean `public`?)",
            Some("public"),
        ),
        case(
            "option of another element",
            Score(tree(&profile(json!({"O2.3": {"option": "public"}}))), None),
            "unknown-option",
            "answers.O2.3.option",
            "unknown option `public` for element `O2.3`",
            None,
        ),
        case(
            "indicator",
            Score(valid(), Some(weights(json!({"O10": 5})))),
            "unknown-indicator",
            "weights.O10",
            "unknown indicator `O10` (did you mean `O1`?)",
            Some("O1"),
        ),
        case(
            "indicator in sensitivity",
            Sensitivity(Json::Array(vec![valid()]), Some(weights(json!({"i7": 5})))),
            "unknown-indicator",
            "weights.i7",
            "unknown indicator `i7` (did you mean `I7`?)",
            Some("I7"),
        ),
        case(
            "status misspelt",
            Score(
                tree(&profile(json!({"O1.1": {"status": "not-aplicable"}}))),
                None,
            ),
            "unknown-status",
            "answers.O1.1.status",
            "unknown status `not-aplicable`; expected `no-public-information` or `not-applicable` (did you mean `not-applicable`?)",
            Some("not-applicable"),
        ),
        case(
            "status unrelated",
            Score(tree(&profile(json!({"O1.1": {"status": "unknown"}}))), None),
            "unknown-status",
            "answers.O1.1.status",
            "unknown status `unknown`; expected `no-public-information` or `not-applicable`",
            None,
        ),
        // invalid-answer
        case(
            "option and value",
            Score(
                tree(&profile(json!({"O1.1": {"option": "public", "value": 1}}))),
                None,
            ),
            "invalid-answer",
            "answers.O1.1",
            "an answer needs exactly one of `option`, `value` or `status`",
            None,
        ),
        case(
            "option and status",
            Score(
                tree(&profile(
                    json!({"O1.1": {"option": "public", "status": "not-applicable"}}),
                )),
                None,
            ),
            "invalid-answer",
            "answers.O1.1",
            "an answer needs exactly one of `option`, `value` or `status`",
            None,
        ),
        case(
            "note only",
            Score(tree(&profile(json!({"O1.1": {"note": "checked"}}))), None),
            "invalid-answer",
            "answers.O1.1",
            "an answer needs exactly one of `option`, `value` or `status`",
            None,
        ),
        // wrong-answer-kind
        case(
            "option for a number element",
            Score(tree(&profile(json!({"O5.1": {"option": "free"}}))), None),
            "wrong-answer-kind",
            "answers.O5.1.option",
            "this element is answered with a number in `value`",
            None,
        ),
        case(
            "number for an option element",
            Score(tree(&profile(json!({"O1.1": {"value": 100}}))), None),
            "wrong-answer-kind",
            "answers.O1.1.value",
            "this element is answered with an option id in `option`",
            None,
        ),
        // not-finite: only a tree built directly can hold these
        case(
            "NaN value",
            Score(
                profile_tree(vec![("O5.1", Json::object(vec![("value", n(f64::NAN))]))]),
                None,
            ),
            "not-finite",
            "answers.O5.1.value",
            "number must be finite",
            None,
        ),
        case(
            "infinite value",
            Score(
                profile_tree(vec![("O6.3", Json::object(vec![("value", n(f64::INFINITY))]))]),
                None,
            ),
            "not-finite",
            "answers.O6.3.value",
            "number must be finite",
            None,
        ),
        case(
            "minus infinite value",
            Score(
                profile_tree(vec![("O5.1", Json::object(vec![("value", n(f64::NEG_INFINITY))]))]),
                None,
            ),
            "not-finite",
            "answers.O5.1.value",
            "number must be finite",
            None,
        ),
        case(
            "number beyond f64 in JSON text",
            Call::Text(profile_text(r#"{"O5.1":{"value":1e400}}"#)),
            "not-finite",
            "answers.O5.1.value",
            "number must be finite",
            None,
        ),
        case(
            "NaN weight",
            Score(
                valid(),
                Some(Json::object(vec![("weights", Json::object(vec![("O1", n(f64::NAN))]))])),
            ),
            "not-finite",
            "weights.O1",
            "number must be finite",
            None,
        ),
        case(
            "infinite weight",
            Compare(
                Json::Array(vec![valid()]),
                Some(Json::object(vec![("weights", Json::object(vec![("I7", n(f64::INFINITY))]))])),
            ),
            "not-finite",
            "weights.I7",
            "number must be finite",
            None,
        ),
        case(
            "NaN spread",
            Sensitivity(
                Json::Array(vec![valid()]),
                Some(Json::object(vec![("spread", n(f64::NAN))])),
            ),
            "not-finite",
            "spread",
            "number must be finite",
            None,
        ),
        case(
            "infinite draws",
            Sensitivity(
                Json::Array(vec![valid()]),
                Some(Json::object(vec![("draws", n(f64::INFINITY))])),
            ),
            "not-finite",
            "draws",
            "number must be finite",
            None,
        ),
        // out-of-range
        case(
            "negative fee",
            Score(tree(&profile(json!({"O5.1": {"value": -1}}))), None),
            "out-of-range",
            "answers.O5.1.value",
            "number must be between 0 and 10000000",
            None,
        ),
        case(
            "percent above 100",
            Score(tree(&profile(json!({"O6.3": {"value": 100.5}}))), None),
            "out-of-range",
            "answers.O6.3.value",
            "number must be between 0 and 100",
            None,
        ),
        case(
            "negative weight",
            Score(valid(), Some(weights(json!({"O1": -1})))),
            "out-of-range",
            "weights.O1",
            "number must be between 0 and 1000",
            None,
        ),
        case(
            "weight above 1000",
            Score(valid(), Some(weights(json!({"I1": 1000.5})))),
            "out-of-range",
            "weights.I1",
            "number must be between 0 and 1000",
            None,
        ),
        case(
            "draws 10001",
            Sensitivity(Json::Array(vec![valid()]), Some(tree(&json!({"draws": 10001})))),
            "out-of-range",
            "draws",
            "number must be between 1 and 10000",
            None,
        ),
        case(
            "draws 0",
            Sensitivity(Json::Array(vec![valid()]), Some(tree(&json!({"draws": 0})))),
            "out-of-range",
            "draws",
            "number must be between 1 and 10000",
            None,
        ),
        case(
            "spread above 1",
            Sensitivity(Json::Array(vec![valid()]), Some(tree(&json!({"spread": 1.5})))),
            "out-of-range",
            "spread",
            "number must be between 0 and 1",
            None,
        ),
        case(
            "negative seed",
            Sensitivity(Json::Array(vec![valid()]), Some(tree(&json!({"seed": -1})))),
            "out-of-range",
            "seed",
            "number must be between 0 and 4294967295",
            None,
        ),
        case(
            "seed beyond 32 bits",
            Sensitivity(
                Json::Array(vec![valid()]),
                Some(tree(&json!({"seed": 4_294_967_296_u64}))),
            ),
            "out-of-range",
            "seed",
            "number must be between 0 and 4294967295",
            None,
        ),
        // invalid-date
        case(
            "30 February",
            Score(
                tree(&json!({"schema": SCHEMA, "process": {"name": "x", "assessedOn": "2026-02-30"}, "answers": {}})),
                None,
            ),
            "invalid-date",
            "process.assessedOn",
            "`2026-02-30` is not a calendar date in the form YYYY-MM-DD",
            None,
        ),
        case(
            "day first",
            Score(
                tree(&profile(json!({"O1.1": {"option": "public", "evidence": [
                    {"url": "https://example.org", "checkedOn": "01/11/2026"}
                ]}}))),
                None,
            ),
            "invalid-date",
            "answers.O1.1.evidence[0].checkedOn",
            "`01/11/2026` is not a calendar date in the form YYYY-MM-DD",
            None,
        ),
        case(
            "month 13 in asOf",
            Score(valid(), Some(tree(&json!({"asOf": "2026-13-01"})))),
            "invalid-date",
            "asOf",
            "`2026-13-01` is not a calendar date in the form YYYY-MM-DD",
            None,
        ),
        // invalid-url
        case(
            "process url ftp",
            Score(
                tree(&json!({"schema": SCHEMA, "process": {"name": "x", "url": "ftp://example.org"}, "answers": {}})),
                None,
            ),
            "invalid-url",
            "process.url",
            "url must be an absolute http: or https: address",
            None,
        ),
        case(
            "evidence url javascript",
            Score(
                tree(&profile(json!({"O1.1": {"option": "public", "evidence": [
                    {"url": "javascript:alert(1)"}
                ]}}))),
                None,
            ),
            "invalid-url",
            "answers.O1.1.evidence[0].url",
            "url must be an absolute http: or https: address",
            None,
        ),
        case(
            "second evidence url relative",
            Score(
                tree(&profile(json!({"O1.1": {"option": "public", "evidence": [
                    {"url": "https://example.org/a"}, {"url": "/drafts"}
                ]}}))),
                None,
            ),
            "invalid-url",
            "answers.O1.1.evidence[1].url",
            "url must be an absolute http: or https: address",
            None,
        ),
        // empty-evidence
        case(
            "empty entry",
            Score(
                tree(&profile(json!({"O1.1": {"option": "public", "evidence": [{}]}}))),
                None,
            ),
            "empty-evidence",
            "answers.O1.1.evidence[0]",
            "evidence needs a `url` or a `note`",
            None,
        ),
        case(
            "date only",
            Score(
                tree(&profile(json!({"O1.1": {"option": "public", "evidence": [
                    {"checkedOn": "2026-11-01"}
                ]}}))),
                None,
            ),
            "empty-evidence",
            "answers.O1.1.evidence[0]",
            "evidence needs a `url` or a `note`",
            None,
        ),
        // too-long
        case(
            "201-character process name",
            Score(
                tree(&json!({"schema": SCHEMA, "process": {"name": "x".repeat(201)}, "answers": {}})),
                None,
            ),
            "too-long",
            "process.name",
            "text is longer than 200 characters",
            None,
        ),
        case(
            "201-character assessor",
            Score(
                tree(&json!({"schema": SCHEMA, "process": {"name": "x", "assessor": "é".repeat(201)}, "answers": {}})),
                None,
            ),
            "too-long",
            "process.assessor",
            "text is longer than 200 characters",
            None,
        ),
        case(
            "4001-character note",
            Score(
                tree(&profile(
                    json!({"O1.1": {"option": "public", "note": "n".repeat(4001)}}),
                )),
                None,
            ),
            "too-long",
            "answers.O1.1.note",
            "text is longer than 4000 characters",
            None,
        ),
        case(
            "2049-character url",
            Score(
                tree(&profile(json!({"O1.1": {"option": "public", "evidence": [
                    {"url": format!("https://example.org/{}", "a".repeat(2049 - 20))}
                ]}}))),
                None,
            ),
            "too-long",
            "answers.O1.1.evidence[0].url",
            "text is longer than 2048 characters",
            None,
        ),
        case(
            "string beyond 64 KiB while parsing",
            Call::Text(profile_text(&format!(
                r#"{{"O1.1":{{"option":"public","note":"{}"}}}}"#,
                "n".repeat(64 * 1024 + 1)
            ))),
            "too-long",
            "answers.O1.1.note",
            "string is longer than the 64 KiB any field allows",
            None,
        ),
        // too-many
        case(
            "21 evidence entries",
            Score(
                tree(&profile(json!({"O1.1": {"option": "public", "evidence":
                    vec![json!({"url": "https://example.org"}); 21]
                }}))),
                None,
            ),
            "too-many",
            "answers.O1.1.evidence",
            "more than 20 entries",
            None,
        ),
        case(
            "10,001 profiles in compare",
            Compare(Json::Array(vec![valid(); 10_001]), None),
            "too-many",
            "",
            "more than 10000 entries",
            None,
        ),
        case(
            "51 profiles in sensitivity",
            Sensitivity(Json::Array(vec![valid(); 51]), None),
            "too-many",
            "",
            "more than 50 entries",
            None,
        ),
        // too-few
        case(
            "compare of none",
            Compare(Json::Array(vec![]), None),
            "too-few",
            "",
            "needs at least one entry",
            None,
        ),
        case(
            "sensitivity of none",
            Sensitivity(Json::Array(vec![]), None),
            "too-few",
            "",
            "needs at least one entry",
            None,
        ),
        // too-large
        case(
            "1 MiB + 1 byte of text",
            Call::Text(padded(profile_text("{}"), (1 << 20) + 1)),
            "too-large",
            "",
            "input is larger than 1048576 (bytes or values)",
            None,
        ),
        case(
            "100,001 values",
            Call::Text(format!("[{}0]", "0,".repeat(100_000))),
            "too-large",
            "[99999]",
            "input is larger than 100000 (bytes or values)",
            None,
        ),
        // too-deep
        case(
            "nesting 40 deep in a note",
            Call::Text(profile_text(&format!(
                r#"{{"O1.1":{{"option":"public","note":{}{}}}}}"#,
                "[".repeat(40),
                "]".repeat(40)
            ))),
            "too-deep",
            // The note sits at depth 3: 29 more arrays fit under the limit of 32.
            format!("answers.O1.1.note{}", "[0]".repeat(29)),
            "input is nested deeper than 32 levels",
            None,
        ),
        case(
            "nesting 40 deep at the top",
            Call::Text(format!("{}{}", "[".repeat(40), "]".repeat(40))),
            "too-deep",
            "[0]".repeat(32),
            "input is nested deeper than 32 levels",
            None,
        ),
        // zero-weights
        case(
            "all of O zero",
            Score(
                valid(),
                Some(weights(json!({
                    "O1": 0, "O2": 0, "O3": 0, "O4": 0, "O5": 0, "O6": 0, "O7": 0, "O8": 0
                }))),
            ),
            "zero-weights",
            "weights",
            "pillar `O` needs at least one positive indicator weight",
            None,
        ),
        case(
            "all of I zero, in sensitivity",
            Sensitivity(
                Json::Array(vec![valid()]),
                Some(weights(json!({
                    "I1": 0, "I2": 0, "I3": 0, "I4": 0, "I5": 0, "I6": 0, "I7": 0, "I8": 0, "I9": 0
                }))),
            ),
            "zero-weights",
            "weights",
            "pillar `I` needs at least one positive indicator weight",
            None,
        ),
    ];
    // In a comparison, a profile's errors are prefixed by its position.
    let bad = tree(&profile(json!({"O1.1": {"option": "publik"}})));
    cases.push(case(
        "second profile in compare",
        Compare(Json::Array(vec![valid(), bad.clone()]), None),
        "unknown-option",
        "[1].answers.O1.1.option",
        "unknown option `publik` for element `O1.1` (did you mean `public`?)",
        Some("public"),
    ));
    cases.push(case(
        "third profile in sensitivity",
        Sensitivity(Json::Array(vec![valid(), valid(), tree(&json!([]))]), None),
        "wrong-type",
        "[2]",
        "expected an object, found an array",
        None,
    ));
    cases.push(case(
        "first profile in compare, top-level field",
        Compare(
            Json::Array(vec![tree(
                &json!({"schema": "sdo-openness/profile/v3", "process": {"name": "x"}, "answers": {}}),
            )]),
            None,
        ),
        "unsupported-schema",
        "[0].schema",
        "unsupported schema `sdo-openness/profile/v3`; expected `sdo-openness/profile/v2`",
        None,
    ));
    cases
}

/// `text` followed by spaces up to exactly `len` bytes.
fn padded(text: String, len: usize) -> String {
    let pad = len - text.len();
    text + &" ".repeat(pad)
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[test]
fn every_case_gives_its_code_path_message_and_suggestion() {
    let mut failures = Vec::new();
    for c in cases() {
        let err = match run(&c.call) {
            Ok(()) => {
                failures.push(format!("{}: accepted, expected `{}`", c.name, c.code));
                continue;
            }
            Err(e) => e,
        };
        let want = json!({
            "code": c.code,
            "path": c.path,
            "message": c.message,
            "suggestion": c.suggestion,
        });
        let got = serde_json::to_value(&err).expect("errors serialize");
        if got != want {
            failures.push(format!(
                "{} ({}):\n  want {want}\n  got  {got}",
                c.name, c.code
            ));
            continue;
        }
        // The accessors agree with the serialized form.
        assert_eq!(err.code(), c.code, "{}", c.name);
        assert_eq!(err.path(), c.path, "{}", c.name);
        assert_eq!(err.to_string(), c.message, "{}", c.name);
        assert_eq!(err.suggestion(), c.suggestion, "{}", c.name);
        // Scoring stops at the first error, and validation lists that same error first.
        if let Call::Score(p, o) = &c.call {
            let v = validate(p, o.as_ref());
            assert!(!v.ok, "{}: validate says ok", c.name);
            assert_eq!(v.errors.first(), Some(&err), "{}", c.name);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Codes the engine can only raise for JavaScript values, never from a Rust caller.
const JS_ONLY: &[&str] = &["unsupported-value"];

/// Every code the brief and docs/methodology.md list.
const CODES: &[&str] = &[
    "invalid-json",
    "wrong-type",
    "missing-field",
    "unknown-field",
    "duplicate-key",
    "unsupported-schema",
    "unknown-element",
    "unknown-option",
    "unknown-indicator",
    "unknown-status",
    "invalid-answer",
    "wrong-answer-kind",
    "not-finite",
    "out-of-range",
    "invalid-date",
    "invalid-url",
    "empty-evidence",
    "too-long",
    "too-many",
    "too-few",
    "too-large",
    "too-deep",
    "zero-weights",
    "unknown-value",
    "date-order",
    "invalid-id",
    "invalid-language",
    "different-process",
];

/// The codes in the "Errors and limits" table of docs/methodology.md.
fn documented_codes() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/methodology.md");
    let doc = std::fs::read_to_string(path).expect("docs/methodology.md");
    let table = doc
        .split("| code | meaning |")
        .nth(1)
        .expect("the error table");
    table
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .flat_map(|l| {
            let first = l.split('|').nth(1).unwrap_or("");
            first
                .split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_table_covers_every_documented_code() {
    let documented = documented_codes();
    let covered: Vec<&str> = cases().iter().map(|c| c.code).collect();
    for code in CODES {
        assert!(
            documented.iter().any(|d| d == code),
            "`{code}` is no longer documented"
        );
    }
    for code in &documented {
        assert!(
            covered.contains(&code.as_str()) || JS_ONLY.contains(&code.as_str()),
            "no case triggers documented code `{code}`"
        );
    }
    for code in covered {
        assert!(
            documented.iter().any(|d| d == code),
            "`{code}` is raised but not documented"
        );
    }
}

#[test]
fn limits_are_inclusive() {
    // Exactly 1 MiB of text.
    let text = padded(profile_text(r#"{"O1.1":{"option":"public"}}"#), 1 << 20);
    assert!(score(&Json::parse(&text).unwrap(), None).is_ok());
    // 200 characters, even when they take 400 bytes.
    for name in ["x".repeat(200), "é".repeat(200)] {
        let p = tree(&json!({"schema": SCHEMA, "process": {"name": name}, "answers": {}}));
        assert!(score(&p, None).is_ok());
    }
    // 4000-character note, 2048-character URL, 20 evidence entries.
    let url = format!("https://example.org/{}", "a".repeat(2048 - 20));
    assert_eq!(url.len(), 2048);
    let p = tree(&profile(json!({"O1.1": {
        "option": "public",
        "note": "n".repeat(4000),
        "evidence": vec![json!({"url": url}); 20],
    }})));
    assert!(score(&p, None).is_ok());
    // 50 profiles, 10,000 draws.
    assert!(compare(&Json::Array(vec![valid(); 50]), None).is_ok());
    let s = sensitivity(
        &Json::Array(vec![valid(); 2]),
        Some(&tree(
            &json!({"draws": 10000, "seed": 4_294_967_295_u64, "spread": 1}),
        )),
    )
    .unwrap();
    assert_eq!((s.draws, s.seed, s.spread), (10000, u32::MAX, 1.0));
    // 32 levels of nesting.
    let nested = format!("{}{}", "[".repeat(32), "]".repeat(32));
    assert!(Json::parse(&nested).is_ok());
    let nested = format!("{}{}", "[".repeat(33), "]".repeat(33));
    assert_eq!(Json::parse(&nested).unwrap_err().code(), "too-deep");
    // 100,000 values.
    let values = format!("[{}0]", "0,".repeat(99_998));
    assert!(Json::parse(&values).is_ok());
    // Weights of 0 and 1000, one positive per pillar.
    let w = weights(json!({"O1": 1000, "O2": 0, "I1": 0.001}));
    assert!(score(&valid(), Some(&w)).is_ok());
}

#[test]
fn dates_in_other_forms_are_rejected() {
    for bad in [
        "2026-1-01",
        "26-11-01",
        "2026/11/01",
        "1899-12-31",
        "2025-02-29",
    ] {
        let p = tree(
            &json!({"schema": SCHEMA, "process": {"name": "x", "assessedOn": bad}, "answers": {}}),
        );
        let err = score(&p, None).unwrap_err();
        assert_eq!(
            (err.code(), err.path()),
            ("invalid-date", "process.assessedOn"),
            "{bad}"
        );
    }
    let p = tree(
        &json!({"schema": SCHEMA, "process": {"name": "x", "assessedOn": "2024-02-29"}, "answers": {}}),
    );
    assert!(score(&p, None).is_ok());
}

#[test]

fn a_date_time_is_an_invalid_date() {
    let p = tree(&json!({
        "schema": SCHEMA,
        "process": {"name": "x", "assessedOn": "2026-11-01T09:00:00Z"},
        "answers": {},
    }));
    let err = score(&p, None).unwrap_err();
    assert_eq!(
        serde_json::to_value(&err).unwrap(),
        json!({
            "code": "invalid-date",
            "path": "process.assessedOn",
            "message": "`2026-11-01T09:00:00Z` is not a calendar date in the form YYYY-MM-DD",
            "suggestion": null,
        })
    );
}

#[test]
fn validate_lists_every_error_at_once() {
    let p = tree(&json!({
        "schema": SCHEMA,
        "process": {"name": "Example"},
        "answers": {
            "O1.1": {"option": "publik"},
            "O5.1": {"value": -1},
        },
        "extra": true,
    }));
    let v = validate(&p, None);
    assert!(!v.ok);
    let found: Vec<(&str, &str)> = v.errors.iter().map(|e| (e.code(), e.path())).collect();
    assert_eq!(
        found,
        [
            ("unknown-field", "extra"),
            ("unknown-option", "answers.O1.1.option"),
            ("out-of-range", "answers.O5.1.value"),
        ]
    );
    // Scoring reports the first of them.
    assert_eq!(score(&p, None).unwrap_err(), v.errors[0]);
}

#[test]
fn validate_lists_errors_of_profile_and_options_together() {
    let p = tree(&json!({"schema": "v0", "process": {}, "answers": {"O1.1": {}}}));
    let o = tree(&json!({"weights": {"O1": -1}, "asOf": "soon"}));
    let v = validate(&p, Some(&o));
    let found: Vec<(&str, &str)> = v.errors.iter().map(|e| (e.code(), e.path())).collect();
    assert_eq!(
        found,
        [
            ("out-of-range", "weights.O1"),
            ("invalid-date", "asOf"),
            ("unsupported-schema", "schema"),
            ("missing-field", "process"),
            ("invalid-answer", "answers.O1.1"),
        ]
    );
    assert!(v.warnings.is_empty(), "no advice on a profile that failed");
}

#[test]
fn validate_stops_listing_at_100_errors() {
    let answers: serde_json::Map<String, Value> = (0..150)
        .map(|i| (format!("X{i}"), json!({"option": "public"})))
        .collect();
    let v = validate(&tree(&profile(Value::Object(answers))), None);
    assert!(!v.ok);
    assert_eq!(v.errors.len(), 100);
    assert!(v.errors.iter().all(|e| e.code() == "unknown-element"));
}

#[test]
fn errors_serialize_to_code_path_message_suggestion() {
    let err = score(&tree(&profile(json!({"O1.1": {"option": "publik"}}))), None).unwrap_err();
    assert_eq!(
        serde_json::to_value(&err).unwrap(),
        json!({
            "code": "unknown-option",
            "path": "answers.O1.1.option",
            "message": "unknown option `publik` for element `O1.1` (did you mean `public`?)",
            "suggestion": "public",
        })
    );
    let err = score(&tree(&profile(json!({"O5.1": {"value": -1}}))), None).unwrap_err();
    let value = serde_json::to_value(&err).unwrap();
    assert_eq!(
        value,
        json!({
            "code": "out-of-range",
            "path": "answers.O5.1.value",
            "message": "number must be between 0 and 10000000",
            "suggestion": null,
        })
    );
    let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 4);
    // The validation result serializes with the same errors.
    let v = validate(&tree(&profile(json!({"O5.1": {"value": -1}}))), None);
    assert_eq!(
        serde_json::to_value(&v).unwrap(),
        json!({"ok": false, "errors": [value], "warnings": []})
    );
}

#[test]
fn echoed_input_is_clipped() {
    let long = "q".repeat(100);
    let err = score(
        &tree(&profile(json!({ long.clone(): {"option": "public"} }))),
        None,
    )
    .unwrap_err();
    assert_eq!(err.code(), "unknown-element");
    assert_eq!(err.path(), format!("answers.{long}"));
    assert_eq!(
        err.to_string(),
        format!("unknown element `{}…`", "q".repeat(64))
    );
    assert_eq!(err.suggestion(), None);
}

// ---------------------------------------------------------------------------------------------
// Warnings
// ---------------------------------------------------------------------------------------------

fn warned_profile() -> Value {
    json!({
        "schema": SCHEMA,
        "process": {"name": "Example", "assessedOn": "2025-01-01", "colour": "red"},
        "answers": {
            "O1.1": {"option": "public"},
            "O1.2": {"status": "not-applicable"},
            "O2.3": {"status": "not-applicable", "note": "   "},
            "O2.2": {"status": "not-applicable", "note": "No patents are involved."},
            "O3.1": {"option": "all", "evidence": [{"url": "https://example.org/minutes"}]},
            "O5.1": {"value": 0, "evidence": [{"note": "The fee schedule says free."}]},
            "I3.1": {"status": "no-public-information"},
        },
    })
}

fn warnings_of(v: &sdo_openness::Validation) -> Vec<(&str, &str)> {
    v.warnings
        .iter()
        .map(|w| (w.code, w.path.as_str()))
        .collect()
}

#[test]
fn validate_lists_every_warning_with_its_path() {
    let p = tree(&warned_profile());
    // 2026-01-02 is 366 days after 2025-01-01.
    let v = validate(&p, Some(&tree(&json!({"asOf": "2026-01-02"}))));
    assert!(v.ok);
    assert!(v.errors.is_empty());
    assert_eq!(
        warnings_of(&v),
        [
            ("unknown-process-field", "process.colour"),
            ("assessment-outdated", "process.assessedOn"),
            ("answer-without-evidence", "answers.O1.1.evidence"),
            ("not-applicable-without-note", "answers.O1.2.note"),
            ("not-applicable-without-note", "answers.O2.3.note"),
            ("not-found-without-search", "answers.I3.1.searched"),
        ]
    );
    assert_eq!(
        serde_json::to_value(&v.warnings[1]).unwrap(),
        json!({"code": "assessment-outdated", "path": "process.assessedOn"})
    );
}

#[test]
fn outdated_means_more_than_365_days_before_as_of() {
    let p = tree(&warned_profile());
    let outdated = |as_of: &str| {
        validate(&p, Some(&tree(&json!({ "asOf": as_of }))))
            .warnings
            .iter()
            .any(|w| w.code == "assessment-outdated")
    };
    assert!(!outdated("2026-01-01"), "365 days is not outdated");
    assert!(outdated("2026-01-02"));
    assert!(!outdated("2024-01-01"), "an asOf before the assessment");
    // No asOf, no judgement.
    assert!(!validate(&p, None)
        .warnings
        .iter()
        .any(|w| w.code == "assessment-outdated"));
}

#[test]
fn an_undated_assessment_is_flagged() {
    let p = tree(&json!({"schema": SCHEMA, "process": {"name": "x"}, "answers": {}}));
    for options in [None, Some(tree(&json!({"asOf": "2026-11-01"})))] {
        let v = validate(&p, options.as_ref());
        assert!(v.ok);
        assert_eq!(
            warnings_of(&v),
            [("assessment-undated", "process.assessedOn")]
        );
        let report = score(&p, options.as_ref()).unwrap();
        assert_eq!(report.warnings, v.warnings);
    }
}

#[test]
fn warnings_never_block_scoring() {
    let p = tree(&warned_profile());
    let options = tree(&json!({"asOf": "2030-01-01"}));
    let report = score(&p, Some(&options)).expect("warnings are not errors");
    let codes: Vec<&str> = report.warnings.iter().map(|w| w.code).collect();
    assert!(codes.contains(&"assessment-outdated"));
    assert!(codes.contains(&"answer-without-evidence"));
    assert!(codes.contains(&"not-applicable-without-note"));
    // The same answers with evidence, notes, a fresh date and no stray field score the same.
    let mut clean = warned_profile();
    clean["process"] = json!({"name": "Example", "assessedOn": "2029-12-31"});
    for (_, answer) in clean["answers"].as_object_mut().unwrap() {
        answer["note"] = json!("Justified.");
        answer["evidence"] = json!([{"url": "https://example.org/source"}]);
        answer["searched"] = json!(["https://example.org/search"]);
    }
    let clean_report = score(&tree(&clean), Some(&options)).unwrap();
    assert!(clean_report.warnings.is_empty());
    assert_eq!(clean_report.pillars.len(), report.pillars.len());
    for (a, b) in report.pillars.iter().zip(&clean_report.pillars) {
        assert_eq!(
            (a.score, a.lower, a.upper, a.coverage),
            (b.score, b.lower, b.upper, b.coverage)
        );
    }
    assert_eq!(report.recommendations, clean_report.recommendations);
}

#[test]

fn the_report_carries_the_same_warnings_as_validate() {
    let p = tree(&warned_profile());
    let options = tree(&json!({"asOf": "2026-01-02"}));
    let v = validate(&p, Some(&options));
    let report = score(&p, Some(&options)).unwrap();
    assert_eq!(report.warnings, v.warnings);
}
