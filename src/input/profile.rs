//! The input: a profile of one standard-setting process, with an answer (and its evidence) per
//! element of the rubric. Parsing is validation: a [`Profile`] only exists if the input was
//! well-formed, so scoring never meets a bad value.
//!
//! The v2 format is read as it is; a v1 profile is read under v2 through the rubric's crosswalk
//! (answers to retired questions carried over where they mean the same, dropped with a warning
//! otherwise), so that old assessments still open.

use crate::base::text::{json_enum, json_object};
use crate::input::date::Date;
use crate::input::error::{closest, Error};
use crate::input::json::Json;
use crate::input::walk::{self, At, Diagnostics, Obj};
use crate::prelude::*;
use crate::rubric::{Choice, Element, Retired, Scale, RUBRIC};
use serde::Serialize;

/// The profile format this version writes and reads.
pub const SCHEMA: &str = Format::V2.id();
/// The previous format, still read (with the warning `profile-v1`).
pub const SCHEMA_V1: &str = Format::V1.id();

/// Field limits, in characters. Documented in docs/methodology.md.
pub mod limits {
    /// Names: process, organization, assessor, reviewer; ids.
    pub const MAX_NAME: usize = 200;
    /// A language tag (BCP 47 recommends supporting at least 35 characters).
    pub const MAX_LANGUAGE: usize = 35;
    /// The scope: which process is assessed, what is left out and why.
    pub const MAX_SCOPE: usize = 1000;
    /// Notes on answers and evidence, quotes, responses.
    pub const MAX_NOTE: usize = 4000;
    /// Any URL, and each entry of `searched`.
    pub const MAX_URL: usize = 2048;
    /// Evidence entries on one answer, entries of `searched`, reviewers of a profile.
    pub const MAX_EVIDENCE: usize = 20;
}

const TOP_FIELDS: &[&str] = &[
    "$schema",
    "schema",
    "id",
    "supersedes",
    "review",
    "process",
    "answers",
];
const PROCESS_FIELDS: &[&str] = &[
    "name",
    "organization",
    "scope",
    "url",
    "assessedOn",
    "assessor",
    "illustrative",
    "language",
];
const REVIEW_FIELDS: &[&str] = &["level", "reviewers", "reviewedOn", "note"];
const ANSWER_FIELDS: &[&str] = &[
    "option",
    "value",
    "status",
    "note",
    "evidence",
    "searched",
    "assessor",
    "reviewer",
    "confidence",
    "response",
    "verdict",
    "reviewNote",
];
const EVIDENCE_FIELDS: &[&str] = &[
    "url",
    "quote",
    "note",
    "publishedOn",
    "checkedOn",
    "archiveUrl",
    "sourceType",
];
const STATUSES: &[&str] = &["no-public-information", "not-applicable"];

/// One assessed process.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// The format the profile was written in.
    pub format: Format,
    /// The assessment's own id, for `supersedes` and time series.
    pub id: Option<String>,
    /// The id or `assessedOn` date of the assessment this one replaces.
    pub supersedes: Option<String>,
    pub review: Review,
    pub process: Process,
    /// One slot per element, in rubric order; `None` is *not assessed*.
    pub answers: Vec<Option<Answer>>,
    /// v1 answers that the crosswalk could not carry over (their v1 element ids).
    pub dropped: Vec<&'static str>,
}

json_enum! {
    /// Which profile format was read.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
    pub enum Format {
        V1 as "sdo-openness/profile/v1",
        V2 as "sdo-openness/profile/v2",
    }
}

json_object! {
    /// Who checked the assessment. Without a `review` a profile is a self-assessment.
    #[derive(Debug, Clone, PartialEq, Default, Serialize, schemars::JsonSchema)]
    pub struct Review {
        pub level: ReviewLevel,
        pub reviewers: Vec<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub reviewed_on as "reviewedOn": Option<Date>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub note: Option<String>,
    }
}

json_enum! {
    /// How independent the assessment's review was.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, schemars::JsonSchema)]
    pub enum ReviewLevel {
        /// Done by the body itself or by one assessor, unreviewed.
        #[default]
        SelfAssessment as "self-assessment",
        /// Checked by someone independent of the body and of the assessor.
        Independent as "independent",
        /// Reviewed by a panel of peers, as a published index would be.
        PeerReviewed as "peer-reviewed",
    }
}

json_object! {
    /// What is being assessed, and by whom. Echoed into the report for display.
    #[derive(Debug, Clone, PartialEq, Default, Serialize, schemars::JsonSchema)]
    pub struct Process {
        pub name: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub organization: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub scope: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub url: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub assessed_on as "assessedOn": Option<Date>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub assessor: Option<String>,
        /// The language the profile's own text (names, notes, quotes) is written in: a BCP 47
        /// tag, so that renderers can mark that text as such inside a page in another language.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub language: Option<String>,
        /// An illustrative assessment, to be checked before it is relied on.
        #[serde(skip_serializing_if = "core::ops::Not::not")]
        pub illustrative: bool,
        /// Paths of fields this version does not know: ignored, but warned about.
        #[serde(skip)]
        pub unknown_fields: Vec<String>,
    }
}

/// The assessor's answer to one element.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// The id it was written under: the element's, or in a v1 profile the retired question's
    /// the crosswalk carried it over from. Warnings point there.
    pub key: &'static str,
    pub given: Given,
    pub note: Option<String>,
    pub evidence: Vec<Evidence>,
    /// Where the assessor looked, for no public information.
    pub searched: Vec<String>,
    pub trail: Trail,
}

json_object! {
    /// Who answered and checked one answer, how sure they are, and what the body said.
    #[derive(Debug, Clone, PartialEq, Default, Serialize, schemars::JsonSchema)]
    pub struct Trail {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub assessor: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub reviewer: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub confidence: Option<Confidence>,
        /// The assessed body's reply.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub response: Option<String>,
        /// What the reviewer made of the answer.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub verdict: Option<Verdict>,
        /// Why the reviewer agrees, disagrees or changed it.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub review_note as "reviewNote": Option<String>,
    }
}

json_enum! {
    /// A reviewer's verdict on one answer.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
    pub enum Verdict {
        /// The reviewer checked the answer and its evidence and agrees.
        Agree as "agree",
        /// The reviewer disagrees; the answer stays as the assessor gave it.
        Disagree as "disagree",
        /// The reviewer changed the answer (the earlier version keeps the assessor's).
        Changed as "changed",
    }
}

json_enum! {
    /// How sure the assessor is of an answer.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
    pub enum Confidence {
        /// The source says it directly.
        High as "high",
        /// It follows from the source with a small inference.
        Medium as "medium",
        /// A judgement between two options.
        Low as "low",
    }
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

json_object! {
    /// A source backing an answer.
    #[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
    pub struct Evidence {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub url: Option<String>,
        /// The sentence relied on, as the source words it.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub quote: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub note: Option<String>,
        /// The source's own date, where it has one.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub published_on as "publishedOn": Option<Date>,
        /// When the assessor read it.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub checked_on as "checkedOn": Option<Date>,
        /// A copy in a public web archive.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub archive_url as "archiveUrl": Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub source_type as "sourceType": Option<SourceType>,
    }
}

json_enum! {
    /// Whose document a source is.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
    pub enum SourceType {
        /// The body's own site, procedures, fee schedules or reports.
        Official as "official",
        /// News, papers or other reports about the body.
        Secondary as "secondary",
        /// A copy of the body's documents elsewhere: weakest, and warned about when alone.
        Mirror as "mirror",
    }
}

/// Reads one of `ids` at `at` as the variant in the same place of `all`, reporting
/// `unknown-value` (with a suggestion) otherwise.
fn one_of<T: Copy>(
    v: &Json,
    at: At,
    ids: &'static [&'static str],
    all: &[T],
    expected: &'static str,
    d: &mut Diagnostics,
) -> Option<T> {
    let s = walk::string(v, &at, d)?;
    let found = ids.iter().position(|id| *id == s);
    if found.is_none() {
        d.error(Error::unknown_value(
            at.path(),
            s,
            expected,
            closest(s, ids.iter().copied()),
        ));
    }
    found.map(|n| all[n])
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
    pub(crate) fn read(tree: &Json, d: &mut Diagnostics) -> Option<Profile> {
        let top = Obj::new(tree, At::ROOT, d)?;
        top.deny_unknown(TOP_FIELDS, d);
        let format = match top.require("schema", d) {
            Some(Json::String(s)) if s == SCHEMA => Some(Format::V2),
            Some(Json::String(s)) if s == SCHEMA_V1 => Some(Format::V1),
            Some(Json::String(s)) => {
                d.error(Error::unsupported_schema(top.path("schema"), s, SCHEMA));
                None
            }
            Some(other) => {
                walk::wrong_type(other, &top.at("schema"), "a string", d);
                None
            }
            None => None,
        };
        if let Some(v) = top.get("$schema") {
            walk::text(v, top.at("$schema"), limits::MAX_URL, d);
        }
        let id = top
            .get("id")
            .and_then(|v| read_id(v, top.at("id"), false, d));
        let supersedes = top
            .get("supersedes")
            .and_then(|v| read_id(v, top.at("supersedes"), true, d));
        let review = match top.get("review") {
            Some(v) => read_review(v, top.at("review"), d),
            None => Some(Review::default()),
        };
        let process = top
            .require("process", d)
            .and_then(|v| read_process(v, top.at("process"), d));
        // Under an unsupported schema the rest is read as v2, so that every error (and warning)
        // is listed at once; the error recorded above keeps the profile from being scored.
        let format = format.unwrap_or(Format::V2);
        let answers = top
            .require("answers", d)
            .and_then(|v| read_answers(v, top.at("answers"), format, d));
        let (answers, dropped) = answers?;
        Some(Profile {
            format,
            id,
            supersedes,
            review: review?,
            process: process?,
            answers,
            dropped,
        })
    }

    /// The warnings: ignored fields, v1 answers not carried over, missing or stale assessment
    /// dates, and answers a reader cannot check (no evidence, only mirrors, old sources, no
    /// public information without saying where the assessor looked, not applicable without a
    /// reason).
    pub(crate) fn advise(&self, as_of: Option<Date>, d: &mut Diagnostics) {
        if self.format == Format::V1 {
            d.warn("profile-v1", "schema".into());
        }
        for id in &self.dropped {
            d.warn("v1-answer-dropped", answer_path(id, ""));
        }
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
        // Sources are judged old against the assessment's date, or the caller's today.
        let judged_on = self.process.assessed_on.or(as_of);
        for answer in self.answers.iter().flatten() {
            let id = answer.key;
            match answer.given {
                Given::NotApplicable => {
                    if is_blank(answer.note.as_deref()) {
                        d.warn("not-applicable-without-note", answer_path(id, ".note"));
                    }
                }
                Given::NoPublicInformation if answer.searched.is_empty() => {
                    d.warn("not-found-without-search", answer_path(id, ".searched"));
                }
                Given::NoPublicInformation => {}
                Given::Option(_) | Given::Value(_) => {
                    if answer.evidence.is_empty() {
                        d.warn("answer-without-evidence", answer_path(id, ".evidence"));
                    }
                }
            }
            if !answer.evidence.is_empty()
                && answer
                    .evidence
                    .iter()
                    .all(|e| e.source_type == Some(SourceType::Mirror))
            {
                d.warn("evidence-mirror-only", answer_path(id, ".evidence"));
            }
            for (k, e) in answer.evidence.iter().enumerate() {
                let (Some(published), Some(on)) = (e.published_on, judged_on) else {
                    continue;
                };
                if on.days() - published.days() > i64::from(RUBRIC.evidence.max_age_days) {
                    let mut path = answer_path(id, ".evidence[");
                    crate::base::num::push_int(&mut path, k as i64);
                    path.push_str("].publishedOn");
                    d.warn("evidence-old", path);
                }
            }
        }
    }
}

fn is_blank(text: Option<&str>) -> bool {
    text.is_none_or(|n| n.chars().all(char::is_whitespace))
}

/// `answers.<id><rest>`.
fn answer_path(id: &str, rest: &str) -> String {
    let mut path = String::from("answers.");
    path.push_str(id);
    path.push_str(rest);
    path
}

/// An assessment id (letters, digits, `.`, `_`, `-`; at most 200), or, where `or_date`, also a
/// `YYYY-MM-DD` date: what `supersedes` names its predecessor by.
fn read_id(v: &Json, at: At, or_date: bool, d: &mut Diagnostics) -> Option<String> {
    let s = walk::text(v, at, limits::MAX_NAME, d)?;
    let id_like = !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    let looks_dated = s.len() == 10
        && s.as_bytes()[4] == b'-'
        && s.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    let ok = if looks_dated && or_date {
        Date::parse(&s).is_some()
    } else {
        id_like
    };
    if !ok {
        d.error(Error::invalid_id(at.path(), &s, or_date));
        return None;
    }
    Some(s)
}

fn read_review(v: &Json, at: At, d: &mut Diagnostics) -> Option<Review> {
    let o = Obj::new(v, at, d)?;
    o.deny_unknown(REVIEW_FIELDS, d);
    let level = o.require("level", d).and_then(|v| {
        one_of(
            v,
            o.at("level"),
            ReviewLevel::IDS,
            ReviewLevel::ALL,
            "`self-assessment`, `independent` or `peer-reviewed`",
            d,
        )
    });
    let reviewers = match o.get("reviewers") {
        None => Vec::new(),
        Some(v) => texts(v, o.at("reviewers"), limits::MAX_NAME, d),
    };
    Some(Review {
        reviewers,
        reviewed_on: o.date("reviewedOn", d),
        note: o.text("note", limits::MAX_NOTE, d),
        level: level?,
    })
}

/// An array of at most [`limits::MAX_EVIDENCE`] strings of at most `max` characters.
fn texts(v: &Json, at: At, max: usize, d: &mut Diagnostics) -> Vec<String> {
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
        if let Some(text) = walk::text(item, at.index(n), max, d) {
            out.push(text);
        }
    }
    out
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
        scope: o.text("scope", limits::MAX_SCOPE, d),
        url: o.url("url", limits::MAX_URL, d),
        assessed_on: o.date("assessedOn", d),
        assessor: o.text("assessor", limits::MAX_NAME, d),
        language: o
            .get("language")
            .and_then(|v| read_language(v, o.at("language"), d)),
        illustrative,
        name: name?,
    })
}

/// A BCP 47 language tag in its common shape: a primary language of 2 or 3 letters, then
/// subtags of 1 to 8 letters or digits after `-` (`en`, `fr-CA`, `zh-Hans`, `sr-Latn-RS`); at
/// most 35 characters. Which subtags exist is not checked: a renderer passes the tag on as it is.
fn read_language(v: &Json, at: At, d: &mut Diagnostics) -> Option<String> {
    let s = walk::text(v, at, limits::MAX_LANGUAGE, d)?;
    if !is_language_tag(s.as_bytes()) {
        d.error(Error::invalid_language(at.path(), &s));
        return None;
    }
    Some(s)
}

/// The shape of a language tag, subtag by subtag: the first 2 or 3 letters, each later one 1 to 8
/// letters or digits.
fn is_language_tag(tag: &[u8]) -> bool {
    let mut subtags = tag.split(|&b| b == b'-');
    let first = subtags.next().unwrap_or_default();
    (2..=3).contains(&first.len())
        && first.iter().all(u8::is_ascii_alphabetic)
        && subtags.all(|t| (1..=8).contains(&t.len()) && t.iter().all(u8::is_ascii_alphanumeric))
}

/// The answers in rubric order, and the v1 answers the crosswalk could not carry over.
type Answers = (Vec<Option<Answer>>, Vec<&'static str>);

/// What an id in `answers` names: a question of this methodology, or (in a v1 profile) a
/// retired v1 question.
enum Question {
    Current(usize),
    Retired(&'static Retired),
}

fn question(id: &str, format: Format) -> Option<Question> {
    let count = RUBRIC.element_count();
    if format == Format::V1 {
        if let Some(r) = RUBRIC.crosswalk.iter().find(|r| r.v1 == id) {
            return Some(Question::Retired(r));
        }
        // A v1 profile cannot name a question that v1 did not have.
        if RUBRIC.crosswalk.iter().any(|r| r.v2 == id) || !V1_KEPT.contains(&id) {
            return None;
        }
    }
    (0..count)
        .find(|&n| RUBRIC.element(n).id == id)
        .map(Question::Current)
}

/// The ids of v1 that v2 keeps. Every other v2 id is new, unless a crosswalk entry names it.
const V1_KEPT: &[&str] = &[
    "O1.1", "O1.2", "O2.2", "O3.1", "O3.2", "O3.3", "O4.1", "O4.2", "O4.3", "O5.1", "O5.2", "O5.3",
    "O6.1", "O6.2", "O6.3", "O8.1", "O8.2", "O8.3", "I1.1", "I1.2", "I2.1", "I2.2", "I2.3", "I3.1",
    "I3.2", "I4.1", "I4.2", "I4.3", "I4.4", "I5.1", "I5.2", "I5.3", "I5.4", "I6.1", "I6.2", "I7.2",
    "I7.3", "I8.1", "I8.2",
];

fn read_answers(v: &Json, at: At, format: Format, d: &mut Diagnostics) -> Option<Answers> {
    let o = Obj::new(v, at, d)?;
    let count = RUBRIC.element_count();
    let mut answers: Vec<Option<Answer>> = Vec::with_capacity(count);
    for _ in 0..count {
        answers.push(None);
    }
    let mut dropped = Vec::new();
    let mut ok = true;
    for (id, value) in o.entries() {
        let path = o.at(id);
        match question(id, format) {
            None => {
                let ids: Vec<&'static str> = match format {
                    Format::V2 => (0..count).map(|n| RUBRIC.element(n).id).collect(),
                    Format::V1 => V1_KEPT
                        .iter()
                        .copied()
                        .chain(RUBRIC.crosswalk.iter().map(|r| r.v1))
                        .collect(),
                };
                // A question the crosswalk renamed suggests its counterpart in this format.
                let renamed = RUBRIC.crosswalk.iter().find_map(|r| match format {
                    Format::V2 => (r.v1 == id).then_some(r.v2),
                    Format::V1 => (r.v2 == id).then_some(r.v1),
                });
                d.error(Error::unknown_element(
                    path.path(),
                    id,
                    renamed.or_else(|| closest(id, ids)),
                ));
                ok = false;
            }
            Some(Question::Current(index)) => {
                match read_answer(RUBRIC.element(index), value, path, d) {
                    Some(answer) => answers[index] = Some(answer),
                    None => ok = false,
                }
            }
            Some(Question::Retired(retired)) => match read_retired(retired, value, path, d) {
                Some(Some(answer)) => {
                    let index = (0..count).find(|&n| RUBRIC.element(n).id == retired.v2);
                    if let Some(index) = index {
                        answers[index] = Some(answer);
                    }
                }
                Some(None) => dropped.push(retired.v1),
                None => ok = false,
            },
        }
    }
    ok.then_some((answers, dropped))
}

/// A v1 answer to a retired question: checked against its v1 options, then carried over to its
/// successor where the crosswalk maps the option (statuses carry over as they are); `None`
/// inside when it cannot be carried over.
fn read_retired(
    r: &'static Retired,
    v: &Json,
    at: At,
    d: &mut Diagnostics,
) -> Option<Option<Answer>> {
    let successor = (0..RUBRIC.element_count())
        .map(|n| RUBRIC.element(n))
        .find(|e| e.id == r.v2)?;
    let Json::Object(entries) = v else {
        return read_answer(successor, v, at, d).map(|a| Some(Answer { key: r.v1, ..a }));
    };
    let option = entries.iter().find(|(k, _)| k == "option").map(|(_, v)| v);
    let Some(Json::String(old)) = option else {
        // A status, a value or a malformed answer: read as an answer to the successor.
        return read_answer(successor, v, at, d).map(|a| Some(Answer { key: r.v1, ..a }));
    };
    let opath = at.key("option");
    if !r.options.contains(&old.as_str()) {
        let suggestion = closest(old, r.options.iter().copied());
        d.error(Error::unknown_option(opath.path(), old, r.v1, suggestion));
        return None;
    }
    let mapped = r
        .map
        .iter()
        .find(|(from, _)| from == old)
        .map(|&(_, to)| to);
    // Read the rest of the answer with the successor's option in place of the old one.
    let mut renamed = entries.clone();
    for (k, value) in &mut renamed {
        if k == "option" {
            *value = Json::String(mapped.unwrap_or_else(|| first_option(successor)).into());
        }
    }
    let mut answer = read_answer(successor, &Json::Object(renamed), at, d)?;
    answer.key = r.v1;
    Some(mapped.map(|_| answer))
}

/// Any valid option of an options element, to stand in while the rest of a dropped v1 answer is
/// checked.
fn first_option(e: &Element) -> &'static str {
    match &e.scale {
        Scale::Options { options } => options.first().map_or("", |c| c.id),
        Scale::Curve { .. } => "",
    }
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
    let searched = match o.get("searched") {
        None => Vec::new(),
        Some(v) => texts(v, o.at("searched"), limits::MAX_URL, d),
    };
    let confidence = o.get("confidence").and_then(|v| {
        one_of(
            v,
            o.at("confidence"),
            Confidence::IDS,
            Confidence::ALL,
            "`high`, `medium` or `low`",
            d,
        )
    });
    let verdict = o.get("verdict").and_then(|v| {
        one_of(
            v,
            o.at("verdict"),
            Verdict::IDS,
            Verdict::ALL,
            "`agree`, `disagree` or `changed`",
            d,
        )
    });
    let trail = Trail {
        assessor: o.text("assessor", limits::MAX_NAME, d),
        reviewer: o.text("reviewer", limits::MAX_NAME, d),
        confidence,
        response: o.text("response", limits::MAX_NOTE, d),
        verdict,
        review_note: o.text("reviewNote", limits::MAX_NOTE, d),
    };
    let given = given?;
    (d.errors.len() == before).then_some(Answer {
        key: element.id,
        given,
        note,
        evidence,
        searched,
        trail,
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
        let source_type = o.get("sourceType").and_then(|v| {
            one_of(
                v,
                o.at("sourceType"),
                SourceType::IDS,
                SourceType::ALL,
                "`official`, `secondary` or `mirror`",
                d,
            )
        });
        let evidence = Evidence {
            url: o.url("url", limits::MAX_URL, d),
            quote: o.text("quote", limits::MAX_NOTE, d),
            note: o.text("note", limits::MAX_NOTE, d),
            published_on: o.date("publishedOn", d),
            checked_on: o.date("checkedOn", d),
            archive_url: o.url("archiveUrl", limits::MAX_URL, d),
            source_type,
        };
        if let (Some(published), Some(checked)) = (evidence.published_on, evidence.checked_on) {
            if published > checked {
                d.error(Error::date_order(
                    o.path("publishedOn"),
                    "publishedOn",
                    "checkedOn",
                ));
            }
        }
        if ["url", "note", "quote"].iter().all(|k| o.get(k).is_none()) {
            d.error(Error::empty_evidence(o.at.path()));
        }
        out.push(evidence);
    }
    out
}
