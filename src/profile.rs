//! The input: a profile of one standard-setting process, with an answer (and its evidence) per
//! element of the rubric. Parsing is validation: a [`Profile`] only exists if the input was
//! well-formed, so scoring never meets a bad value.

use crate::date::Date;
use crate::error::{closest, Error};
use crate::json::Json;
use crate::prelude::*;
use crate::rubric::{Choice, Element, Scale, RUBRIC};
use crate::text::{Text, WriteJson};
use crate::walk::{self, At, Diagnostics, Obj};
use serde::Serialize;

/// The profile format this version reads.
pub const SCHEMA: &str = "sdo-openness/profile/v1";

/// Field limits, in characters. Documented in docs/methodology.md.
pub mod limits {
    /// Names: process, organization, scope, assessor.
    pub const MAX_NAME: usize = 200;
    /// Notes on answers and evidence.
    pub const MAX_NOTE: usize = 4000;
    /// Any URL.
    pub const MAX_URL: usize = 2048;
    /// Evidence entries on one answer.
    pub const MAX_EVIDENCE: usize = 20;
}

const TOP_FIELDS: &[&str] = &["$schema", "schema", "process", "answers"];
const PROCESS_FIELDS: &[&str] = &[
    "name",
    "organization",
    "scope",
    "url",
    "assessedOn",
    "assessor",
    "illustrative",
];
const ANSWER_FIELDS: &[&str] = &["option", "value", "status", "note", "evidence"];
const EVIDENCE_FIELDS: &[&str] = &["url", "note", "checkedOn"];
const STATUSES: &[&str] = &["no-public-information", "not-applicable"];

/// One assessed process.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub process: Process,
    /// One slot per element, in rubric order; `None` is *not assessed*.
    pub answers: Vec<Option<Answer>>,
}

/// What is being assessed, and by whom. Echoed into the report for display.
#[derive(Debug, Clone, PartialEq, Default, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Process {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assessed_on: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assessor: Option<String>,
    /// An illustrative assessment, to be checked before it is relied on.
    #[serde(skip_serializing_if = "core::ops::Not::not")]
    pub illustrative: bool,
    /// Paths of fields this version does not know: ignored, but warned about.
    #[serde(skip)]
    #[schemars(skip)]
    pub unknown_fields: Vec<String>,
}

impl WriteJson for Process {
    fn write_json(&self, out: &mut Text) {
        out.begin_object();
        out.field("name", &self.name);
        out.field_if_some("organization", &self.organization);
        out.field_if_some("scope", &self.scope);
        out.field_if_some("url", &self.url);
        out.field_if_some("assessedOn", &self.assessed_on);
        out.field_if_some("assessor", &self.assessor);
        if self.illustrative {
            out.field("illustrative", &true);
        }
        out.end_object();
    }
}

/// The assessor's answer to one element.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub given: Given,
    pub note: Option<String>,
    pub evidence: Vec<Evidence>,
}

/// What was answered.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Given {
    /// One of the element's options.
    Option(&'static Choice),
    /// A number on the element's curve.
    Value(f64),
    /// Looked for and not found: scores 0, recorded as its own state.
    NoPublicInformation,
    /// Does not apply to this process: left out of every score.
    NotApplicable,
}

/// A source backing an answer.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checked_on: Option<Date>,
}

impl WriteJson for Evidence {
    fn write_json(&self, out: &mut Text) {
        out.begin_object();
        out.field_if_some("url", &self.url);
        out.field_if_some("note", &self.note);
        out.field_if_some("checkedOn", &self.checked_on);
        out.end_object();
    }
}

impl Profile {
    /// Reads a profile from JSON text.
    ///
    /// # Errors
    ///
    /// The first problem found; [`Profile::check`] lists them all.
    pub fn from_json(text: &str) -> Result<Profile, Error> {
        Profile::from_tree(&Json::parse(text)?)
    }

    /// Reads a profile from a parsed tree.
    ///
    /// # Errors
    ///
    /// The first problem found, with its code and JSON path.
    pub fn from_tree(tree: &Json) -> Result<Profile, Error> {
        walk::read(tree, Profile::read)
    }

    /// Reads a profile, collecting every error.
    pub fn read(tree: &Json, d: &mut Diagnostics) -> Option<Profile> {
        let top = Obj::new(tree, At::ROOT, d)?;
        top.deny_unknown(TOP_FIELDS, d);
        match top.require("schema", d) {
            Some(Json::String(s)) if s == SCHEMA => {}
            Some(Json::String(s)) => d.error(Error::unsupported_schema(top.path("schema"), s)),
            Some(other) => walk::wrong_type(other, &top.at("schema"), "a string", d),
            None => {}
        }
        if let Some(v) = top.get("$schema") {
            walk::text(v, top.at("$schema"), limits::MAX_URL, d);
        }
        let process = top
            .require("process", d)
            .and_then(|v| read_process(v, top.at("process"), d));
        let answers = top
            .require("answers", d)
            .and_then(|v| read_answers(v, top.at("answers"), d));
        Some(Profile {
            process: process?,
            answers: answers?,
        })
    }

    /// The warnings: ignored fields, missing or stale assessment dates, and answers a reader
    /// cannot check (no evidence; not applicable without a reason).
    pub fn advise(&self, as_of: Option<Date>, d: &mut Diagnostics) {
        for path in &self.process.unknown_fields {
            d.warn("unknown-process-field", path.clone());
        }
        match (self.process.assessed_on, as_of) {
            (None, _) => d.warn("assessment-undated", "process.assessedOn".into()),
            (Some(on), Some(today)) if today.days() - on.days() > 365 => {
                d.warn("assessment-outdated", "process.assessedOn".into());
            }
            _ => {}
        }
        for (n, answer) in self.answers.iter().enumerate() {
            let Some(answer) = answer else { continue };
            let (code, field) = if answer.given == Given::NotApplicable {
                if !answer
                    .note
                    .as_deref()
                    .is_none_or(|n| n.chars().all(char::is_whitespace))
                {
                    continue;
                }
                ("not-applicable-without-note", ".note")
            } else if answer.evidence.is_empty() {
                ("answer-without-evidence", ".evidence")
            } else {
                continue;
            };
            let mut path = String::from("answers.");
            path.push_str(RUBRIC.element(n).id);
            path.push_str(field);
            d.warn(code, path);
        }
    }
}

fn read_process(v: &Json, at: At, d: &mut Diagnostics) -> Option<Process> {
    let o = Obj::new(v, at, d)?;
    let name = match o.require("name", d) {
        Some(v) => walk::text(v, o.at("name"), limits::MAX_NAME, d),
        None => None,
    };
    let illustrative = match o.get("illustrative") {
        None => false,
        Some(Json::Bool(b)) => *b,
        Some(other) => {
            walk::wrong_type(other, &o.at("illustrative"), "a boolean", d);
            false
        }
    };
    Some(Process {
        unknown_fields: o.unknown(PROCESS_FIELDS),
        organization: o.text("organization", limits::MAX_NAME, d),
        scope: o.text("scope", limits::MAX_NAME, d),
        url: o.url("url", limits::MAX_URL, d),
        assessed_on: o.date("assessedOn", d),
        assessor: o.text("assessor", limits::MAX_NAME, d),
        illustrative,
        name: name?,
    })
}

fn read_answers(v: &Json, at: At, d: &mut Diagnostics) -> Option<Vec<Option<Answer>>> {
    let o = Obj::new(v, at, d)?;
    let count = RUBRIC.element_count();
    let mut answers: Vec<Option<Answer>> = Vec::with_capacity(count);
    for _ in 0..count {
        answers.push(None);
    }
    let mut ok = true;
    for (id, value) in o.entries() {
        let path = o.at(id);
        let Some(index) = (0..count).find(|&n| RUBRIC.element(n).id == id) else {
            let ids = (0..count).map(|n| RUBRIC.element(n).id);
            d.error(Error::unknown_element(path.path(), id, closest(id, ids)));
            ok = false;
            continue;
        };
        match read_answer(RUBRIC.element(index), value, path, d) {
            Some(answer) => answers[index] = Some(answer),
            None => ok = false,
        }
    }
    ok.then_some(answers)
}

fn read_answer(element: &'static Element, v: &Json, at: At, d: &mut Diagnostics) -> Option<Answer> {
    let o = Obj::new(v, at, d)?;
    o.deny_unknown(ANSWER_FIELDS, d);
    let before = d.errors.len();
    let has = |key| o.get(key).is_some();
    let given = match (has("option"), has("value"), has("status")) {
        (true, false, false) => read_option(element, &o, d),
        (false, true, false) => read_value(element, &o, d),
        (false, false, true) => read_status(&o, d),
        _ => {
            d.error(Error::invalid_answer(o.at.path()));
            None
        }
    };
    let note = o.text("note", limits::MAX_NOTE, d);
    let evidence = match o.get("evidence") {
        None => Vec::new(),
        Some(v) => read_evidence(v, o.at("evidence"), d),
    };
    let given = given?;
    (d.errors.len() == before).then_some(Answer {
        given,
        note,
        evidence,
    })
}

fn read_option(element: &'static Element, o: &Obj, d: &mut Diagnostics) -> Option<Given> {
    let path = o.at("option");
    let Scale::Options { options } = &element.scale else {
        d.error(Error::wrong_answer_kind(path.path(), "a number in `value`"));
        return None;
    };
    // No length limit of its own: any unknown id, however long, is an `unknown-option`.
    let id = walk::string(o.get("option")?, &path, d)?;
    match options.iter().find(|c| c.id == id) {
        Some(choice) => Some(Given::Option(choice)),
        None => {
            let suggestion = closest(id, options.iter().map(|c| c.id));
            d.error(Error::unknown_option(
                path.path(),
                id,
                element.id,
                suggestion,
            ));
            None
        }
    }
}

fn read_value(element: &'static Element, o: &Obj, d: &mut Diagnostics) -> Option<Given> {
    let path = o.at("value");
    let Scale::Curve { min, max, .. } = element.scale else {
        d.error(Error::wrong_answer_kind(
            path.path(),
            "an option id in `option`",
        ));
        return None;
    };
    walk::number(o.get("value")?, path, min, max, d).map(Given::Value)
}

fn read_status(o: &Obj, d: &mut Diagnostics) -> Option<Given> {
    let path = o.at("status");
    match walk::string(o.get("status")?, &path, d)? {
        "no-public-information" => Some(Given::NoPublicInformation),
        "not-applicable" => Some(Given::NotApplicable),
        other => {
            d.error(Error::unknown_status(
                path.path(),
                other,
                closest(other, STATUSES.iter().copied()),
            ));
            None
        }
    }
}

fn read_evidence(v: &Json, at: At, d: &mut Diagnostics) -> Vec<Evidence> {
    let Json::Array(items) = v else {
        walk::wrong_type(v, &at, "an array", d);
        return Vec::new();
    };
    if items.len() > limits::MAX_EVIDENCE {
        d.error(Error::too_many(at.path(), limits::MAX_EVIDENCE));
        return Vec::new();
    }
    let mut out = Vec::with_capacity(items.len());
    for (n, item) in items.iter().enumerate() {
        let item_at = at.index(n);
        let Some(o) = Obj::new(item, item_at, d) else {
            continue;
        };
        o.deny_unknown(EVIDENCE_FIELDS, d);
        let evidence = Evidence {
            url: o.url("url", limits::MAX_URL, d),
            note: o.text("note", limits::MAX_NOTE, d),
            checked_on: o.date("checkedOn", d),
        };
        if o.get("url").is_none() && o.get("note").is_none() {
            d.error(Error::empty_evidence(o.at.path()));
        }
        out.push(evidence);
    }
    out
}
