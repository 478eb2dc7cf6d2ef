//! The profile's JSON Schema, generated from the rubric and from the same field lists and limits
//! that the reader enforces, so editors and validators see exactly what `validate` accepts
//! (except what a schema cannot say: duplicate keys, real calendar dates, weights per pillar).

use crate::json::Json;
use crate::profile::{limits, SCHEMA};
use crate::rubric::{Scale, RUBRIC};

fn obj(entries: Vec<(&str, Json)>) -> Json {
    Json::Object(
        entries
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

fn s(text: &str) -> Json {
    Json::String(text.to_string())
}

fn n(x: f64) -> Json {
    Json::Number(x)
}

fn text(max: usize) -> Json {
    obj(vec![("type", s("string")), ("maxLength", n(max as f64))])
}

fn strings(items: impl Iterator<Item = &'static str>) -> Json {
    Json::Array(items.map(s).collect())
}

/// Draft 2020-12 schema of `sdo-openness/profile/v1`.
pub fn profile_schema() -> Json {
    let date = obj(vec![
        ("type", s("string")),
        ("pattern", s("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")),
    ]);
    let url = obj(vec![
        ("type", s("string")),
        ("maxLength", n(limits::MAX_URL as f64)),
        ("pattern", s("^[Hh][Tt][Tt][Pp][Ss]?://[^/\\s][^\\s]*$")),
    ]);
    let evidence = obj(vec![
        ("type", s("object")),
        ("additionalProperties", Json::Bool(false)),
        (
            "anyOf",
            Json::Array(vec![
                obj(vec![("required", strings(["url"].into_iter()))]),
                obj(vec![("required", strings(["note"].into_iter()))]),
            ]),
        ),
        (
            "properties",
            obj(vec![
                ("url", url.clone()),
                ("note", text(limits::MAX_NOTE)),
                ("checkedOn", date.clone()),
            ]),
        ),
    ]);
    let status = obj(vec![
        ("required", strings(["status"].into_iter())),
        (
            "properties",
            obj(vec![(
                "status",
                obj(vec![(
                    "enum",
                    strings(["no-public-information", "not-applicable"].into_iter()),
                )]),
            )]),
        ),
    ]);
    let mut answers = Vec::new();
    for (_, _, element) in RUBRIC.elements() {
        let given = match &element.scale {
            Scale::Options { options } => obj(vec![
                ("required", strings(["option"].into_iter())),
                (
                    "properties",
                    obj(vec![(
                        "option",
                        obj(vec![("enum", strings(options.iter().map(|o| o.id)))]),
                    )]),
                ),
            ]),
            Scale::Curve { unit, min, max, .. } => obj(vec![
                ("required", strings(["value"].into_iter())),
                (
                    "properties",
                    obj(vec![(
                        "value",
                        obj(vec![
                            ("type", s("number")),
                            ("minimum", n(*min)),
                            ("maximum", n(*max)),
                            ("description", s(unit)),
                        ]),
                    )]),
                ),
            ]),
        };
        answers.push((
            element.id,
            obj(vec![
                ("type", s("object")),
                ("additionalProperties", Json::Bool(false)),
                ("oneOf", Json::Array(vec![given, status.clone()])),
                (
                    "properties",
                    obj(vec![
                        ("option", obj(vec![])),
                        ("value", obj(vec![])),
                        ("status", obj(vec![])),
                        ("note", text(limits::MAX_NOTE)),
                        (
                            "evidence",
                            obj(vec![
                                ("type", s("array")),
                                ("maxItems", n(limits::MAX_EVIDENCE as f64)),
                                ("items", obj(vec![("$ref", s("#/$defs/evidence"))])),
                            ]),
                        ),
                    ]),
                ),
            ]),
        ));
    }
    let process = obj(vec![
        ("type", s("object")),
        ("required", strings(["name"].into_iter())),
        (
            "properties",
            obj(vec![
                ("name", text(limits::MAX_NAME)),
                ("organization", text(limits::MAX_NAME)),
                ("scope", text(limits::MAX_NAME)),
                ("url", url),
                ("assessedOn", date),
                ("assessor", text(limits::MAX_NAME)),
                ("illustrative", obj(vec![("type", s("boolean"))])),
            ]),
        ),
    ]);
    obj(vec![
        ("$schema", s("https://json-schema.org/draft/2020-12/schema")),
        (
            "title",
            s(&format!("{SCHEMA} ({} {})", RUBRIC.id, RUBRIC.version)),
        ),
        ("type", s("object")),
        (
            "required",
            strings(["schema", "process", "answers"].into_iter()),
        ),
        ("additionalProperties", Json::Bool(false)),
        (
            "properties",
            obj(vec![
                ("$schema", obj(vec![("type", s("string"))])),
                ("schema", obj(vec![("const", s(SCHEMA))])),
                ("process", process),
                (
                    "answers",
                    Json::Object(vec![
                        ("type".into(), s("object")),
                        ("additionalProperties".into(), Json::Bool(false)),
                        (
                            "properties".into(),
                            Json::Object(
                                answers
                                    .into_iter()
                                    .map(|(k, v)| (k.to_string(), v))
                                    .collect(),
                            ),
                        ),
                    ]),
                ),
            ]),
        ),
        ("$defs", obj(vec![("evidence", evidence)])),
    ])
}
