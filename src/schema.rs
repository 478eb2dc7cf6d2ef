//! JSON Schemas of everything that crosses the API, generated rather than written: the profile's
//! from the rubric and from the same field lists and limits that the reader enforces (so editors
//! see what `validate` accepts, except what a schema cannot say: duplicate keys, real calendar
//! dates), the outputs' from the Rust types themselves (schemars). scripts/types.mjs turns
//! [`api_schema`] into the package's TypeScript declarations.

use crate::input::json::Json;
use crate::input::profile::{limits, SCHEMA};
use crate::prelude::*;
use crate::rubric::{Scale, RUBRIC};

fn s(text: &str) -> Json {
    Json::String(text.to_string())
}

fn n(x: f64) -> Json {
    Json::Number(x)
}

fn text(max: usize) -> Json {
    Json::object(vec![("type", s("string")), ("maxLength", n(max as f64))])
}

fn strings(items: impl Iterator<Item = &'static str>) -> Json {
    Json::Array(items.map(s).collect())
}

/// `{"required": [key], "properties": {key: true}}`: a branch of an `anyOf`/`oneOf` that asks for
/// one property, declared where strict validators (Ajv's strictRequired) look for it.
fn requires(key: &'static str) -> Json {
    Json::object(vec![
        ("required", strings([key].into_iter())),
        ("properties", Json::object(vec![(key, Json::Bool(true))])),
    ])
}

/// The profile schema's `$id`. A URN, not a URL: the schema is published inside the npm package
/// (`sdo-openness/profile.schema.json`), not on a host of ours, and an `$id` that looks like an
/// address invites tools to fetch it. A relative `$id` would resolve against wherever a copy is
/// read from, so it would not name the format. The URN is stable, names the format version, and
/// changes only when the profile format does.
pub const PROFILE_SCHEMA_ID: &str = "urn:sdo-openness:schema:profile:v2";

/// Draft 2020-12 schema of `sdo-openness/profile/v2`.
pub fn profile_schema() -> Json {
    let date = Json::object(vec![
        ("type", s("string")),
        ("pattern", s("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")),
    ]);
    let url = Json::object(vec![
        ("type", s("string")),
        ("maxLength", n(limits::MAX_URL as f64)),
        ("pattern", s("^[Hh][Tt][Tt][Pp][Ss]?://[^/\\s][^\\s]*$")),
    ]);
    let evidence = Json::object(vec![
        ("type", s("object")),
        ("additionalProperties", Json::Bool(false)),
        // At least one of url, quote, note (as the reader requires). Each branch names its
        // property too, so the rule passes Ajv's strictRequired.
        (
            "anyOf",
            Json::Array(["url", "quote", "note"].into_iter().map(requires).collect()),
        ),
        (
            "properties",
            Json::object(vec![
                ("url", url.clone()),
                ("quote", text(limits::MAX_NOTE)),
                ("note", text(limits::MAX_NOTE)),
                ("publishedOn", date.clone()),
                ("checkedOn", date.clone()),
                ("archiveUrl", url.clone()),
                (
                    "sourceType",
                    Json::object(vec![(
                        "enum",
                        strings(["official", "secondary", "mirror"].into_iter()),
                    )]),
                ),
            ]),
        ),
    ]);
    let texts = |max: usize| {
        Json::object(vec![
            ("type", s("array")),
            ("maxItems", n(limits::MAX_EVIDENCE as f64)),
            ("items", text(max)),
        ])
    };
    let status = Json::object(vec![
        ("type", s("object")),
        ("required", strings(["status"].into_iter())),
        (
            "properties",
            Json::object(vec![(
                "status",
                Json::object(vec![(
                    "enum",
                    strings(["no-public-information", "not-applicable"].into_iter()),
                )]),
            )]),
        ),
    ]);
    let mut answers = Vec::new();
    for (_, _, element) in RUBRIC.elements() {
        let given = match &element.scale {
            Scale::Options { options } => Json::object(vec![
                ("type", s("object")),
                ("required", strings(["option"].into_iter())),
                (
                    "properties",
                    Json::object(vec![(
                        "option",
                        Json::object(vec![("enum", strings(options.iter().map(|o| o.id)))]),
                    )]),
                ),
            ]),
            Scale::Curve { unit, min, max, .. } => Json::object(vec![
                ("type", s("object")),
                ("required", strings(["value"].into_iter())),
                (
                    "properties",
                    Json::object(vec![(
                        "value",
                        Json::object(vec![
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
            Json::object(vec![
                ("type", s("object")),
                ("additionalProperties", Json::Bool(false)),
                ("oneOf", Json::Array(vec![given, status.clone()])),
                (
                    "properties",
                    Json::object(vec![
                        ("option", Json::object(vec![])),
                        ("value", Json::object(vec![])),
                        ("status", Json::object(vec![])),
                        ("note", text(limits::MAX_NOTE)),
                        ("searched", texts(limits::MAX_URL)),
                        ("assessor", text(limits::MAX_NAME)),
                        ("reviewer", text(limits::MAX_NAME)),
                        (
                            "confidence",
                            Json::object(vec![(
                                "enum",
                                strings(["high", "medium", "low"].into_iter()),
                            )]),
                        ),
                        ("response", text(limits::MAX_NOTE)),
                        (
                            "verdict",
                            Json::object(vec![(
                                "enum",
                                strings(["agree", "disagree", "changed"].into_iter()),
                            )]),
                        ),
                        ("reviewNote", text(limits::MAX_NOTE)),
                        (
                            "evidence",
                            Json::object(vec![
                                ("type", s("array")),
                                ("maxItems", n(limits::MAX_EVIDENCE as f64)),
                                (
                                    "items",
                                    Json::object(vec![("$ref", s("#/$defs/EvidenceInput"))]),
                                ),
                            ]),
                        ),
                    ]),
                ),
            ]),
        ));
    }
    let process = Json::object(vec![
        ("type", s("object")),
        ("required", strings(["name"].into_iter())),
        (
            "properties",
            Json::object(vec![
                ("name", text(limits::MAX_NAME)),
                ("organization", text(limits::MAX_NAME)),
                ("scope", text(limits::MAX_SCOPE)),
                ("url", url),
                ("assessedOn", date.clone()),
                ("assessor", text(limits::MAX_NAME)),
                (
                    "language",
                    Json::object(vec![
                        ("type", s("string")),
                        ("maxLength", n(limits::MAX_LANGUAGE as f64)),
                        ("pattern", s("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")),
                    ]),
                ),
                ("illustrative", Json::object(vec![("type", s("boolean"))])),
            ]),
        ),
    ]);
    Json::object(vec![
        ("$schema", s("https://json-schema.org/draft/2020-12/schema")),
        ("$id", s(PROFILE_SCHEMA_ID)),
        (
            "$comment",
            s("The $id is a URN: this schema ships in the npm package (sdo-openness/profile.schema.json) and is not served from any host, so its id names the format without posing as an address."),
        ),
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
            Json::object(vec![
                ("$schema", Json::object(vec![("type", s("string"))])),
                ("schema", Json::object(vec![("const", s(SCHEMA))])),
                (
                    "id",
                    Json::object(vec![
                        ("type", s("string")),
                        ("maxLength", n(limits::MAX_NAME as f64)),
                        ("pattern", s("^[A-Za-z0-9._-]+$")),
                    ]),
                ),
                (
                    "supersedes",
                    Json::object(vec![
                        ("type", s("string")),
                        ("maxLength", n(limits::MAX_NAME as f64)),
                        ("pattern", s("^[A-Za-z0-9._-]+$")),
                        (
                            "description",
                            s("The id, or the assessedOn date, of the assessment this one replaces."),
                        ),
                    ]),
                ),
                (
                    "review",
                    Json::object(vec![
                        ("type", s("object")),
                        ("additionalProperties", Json::Bool(false)),
                        ("required", strings(["level"].into_iter())),
                        (
                            "properties",
                            Json::object(vec![
                                (
                                    "level",
                                    Json::object(vec![(
                                        "enum",
                                        strings(
                                            ["self-assessment", "independent", "peer-reviewed"]
                                                .into_iter(),
                                        ),
                                    )]),
                                ),
                                ("reviewers", texts(limits::MAX_NAME)),
                                ("reviewedOn", date),
                                ("note", text(limits::MAX_NOTE)),
                            ]),
                        ),
                    ]),
                ),
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
        ("$defs", Json::object(vec![("EvidenceInput", evidence)])),
    ])
}

/// Schemas of the options objects, which the engine reads by hand like profiles.
fn options_schemas() -> Vec<(&'static str, Json)> {
    let weights = Json::object(vec![
        ("type", s("object")),
        (
            "description",
            s("Indicator id → relative weight (0–1000); indicators not named keep their default."),
        ),
        (
            "properties",
            Json::Object(
                RUBRIC
                    .indicators()
                    .map(|i| {
                        (
                            i.id.to_string(),
                            Json::object(vec![
                                ("type", s("number")),
                                ("minimum", n(0.0)),
                                ("maximum", n(crate::input::options::MAX_WEIGHT)),
                            ]),
                        )
                    })
                    .collect(),
            ),
        ),
        ("additionalProperties", Json::Bool(false)),
    ]);
    let as_of = Json::object(vec![
        ("type", s("string")),
        ("format", s("date")),
        (
            "description",
            s("“Today”, for the assessment-outdated warning."),
        ),
    ]);
    let whole = |min: f64, max: f64, what: &str| {
        Json::object(vec![
            ("type", s("integer")),
            ("minimum", n(min)),
            ("maximum", n(max)),
            ("description", s(what)),
        ])
    };
    let label = Json::object(vec![("type", s("string")), ("maxLength", n(40.0))]);
    vec![
        (
            "ScoreOptions",
            Json::object(vec![
                ("type", s("object")),
                ("additionalProperties", Json::Bool(false)),
                ("properties", Json::object(vec![("weights", weights.clone()), ("asOf", as_of)])),
            ]),
        ),
        (
            "SensitivityOptions",
            Json::object(vec![
                ("type", s("object")),
                ("additionalProperties", Json::Bool(false)),
                (
                    "properties",
                    Json::object(vec![
                        ("weights", weights),
                        ("draws", whole(1.0, f64::from(crate::input::options::MAX_DRAWS), "Number of weight draws (default 1000).")),
                        ("seed", whole(0.0, f64::from(u32::MAX), "Seed of the draws (default 1).")),
                        (
                            "spread",
                            Json::object(vec![
                                ("type", s("number")),
                                ("minimum", n(0.0)),
                                ("maximum", n(1.0)),
                                ("description", s("Each weight is multiplied by a factor in [1 − spread, 1 + spread] (default 0.5).")),
                            ]),
                        ),
                    ]),
                ),
            ]),
        ),
        (
            "BadgeOptions",
            Json::object(vec![
                ("type", s("object")),
                ("additionalProperties", Json::Bool(false)),
                (
                    "properties",
                    Json::object(vec![
                        ("label", label.clone()),
                        (
                            "labels",
                            Json::object(vec![
                                ("type", s("object")),
                                ("additionalProperties", Json::Bool(false)),
                                ("properties", Json::object(vec![("O", label.clone()), ("I", label)])),
                            ]),
                        ),
                    ]),
                ),
            ]),
        ),
    ]
}

/// One schema whose `$defs` name every type of the API: inputs (`Profile`, the options) and
/// outputs (`Report`, `Comparison`, `Sensitivity`, `Validation`, `Rubric`, `Version`).
pub fn api_schema() -> serde_json::Value {
    let mut generator = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    generator.subschema_for::<crate::Report>();
    generator.subschema_for::<crate::Comparison>();
    generator.subschema_for::<crate::Sensitivity>();
    generator.subschema_for::<crate::Diff>();
    generator.subschema_for::<crate::Validation>();
    generator.subschema_for::<crate::Rubric>();
    generator.subschema_for::<crate::Version>();
    let mut defs = generator.take_definitions(true);
    let to_value = |j: &Json| serde_json::to_value(j).unwrap_or_default();
    let mut profile = profile_schema();
    if let Json::Object(entries) = &mut profile {
        if let Some(at) = entries.iter().position(|(k, _)| k == "$defs") {
            if let (_, Json::Object(inner)) = entries.remove(at) {
                for (k, v) in inner {
                    defs.insert(k, to_value(&v));
                }
            }
        }
        // Inside the API schema the profile is one of its `$defs`: an `$id` there would start a
        // new resource whose `#/$defs/…` references no longer resolve.
        entries.retain(|(k, _)| !matches!(k.as_str(), "$schema" | "$id" | "$comment"));
    }
    defs.insert("Profile".into(), to_value(&profile));
    for (name, schema) in options_schemas() {
        defs.insert(name.into(), to_value(&schema));
    }
    serde_json::json!({ "$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": defs })
}
