//! The one error type: a stable machine-readable code, the JSON path of the offending value, a
//! plain lowercase message, and where it helps, the closest valid id.
//!
//! The error is opaque so that messages and context can improve without breaking callers, who
//! match on its [`Code`] ([`Error::kind`], the contract; [`Error::code`] spells it) rather than
//! on its representation.

use crate::base::num::{chars, push_int};
use crate::base::text::{json_object, Text, WriteJson};
use crate::input::path::Step;
use crate::prelude::*;
use alloc::boxed::Box;
use core::fmt;
use serde::ser::{Serialize, SerializeStruct, Serializer};

/// A rejected input: what is wrong, and where.
///
/// One pointer wide, so that every `Result` the readers pass around stays small and every error
/// drops the same way.
#[derive(Debug, Clone, PartialEq)]
pub struct Error(Box<Inner>);

/// What went wrong with an input: the stable part of an [`Error`], which callers match on.
///
/// Each code is spelled in kebab case in JSON and JavaScript ([`Code::as_str`]); the JSON
/// Schema of errors (`ErrorData` in `schema/api.schema.json`) lists [`Code::ALL`], and the
/// package's TypeScript types are made from it. New codes may be added in a minor version, so a
/// `match` needs a wildcard arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Code {
    /// `invalid-json`: the text is not JSON.
    InvalidJson,
    /// `unsupported-value`: a JavaScript value that is not JSON (a function, a symbol, a BigInt,
    /// a throwing getter, a typed array of numbers).
    UnsupportedValue,
    /// `wrong-type`: a value of another JSON type than the field takes.
    WrongType,
    /// `missing-field`: a required field is absent.
    MissingField,
    /// `unknown-field`: a field the format does not have.
    UnknownField,
    /// `duplicate-key`: a key twice in one object.
    DuplicateKey,
    /// `unsupported-schema`: a `schema` other than a profile format this engine reads.
    UnsupportedSchema,
    /// `unknown-element`: an answer to an element the rubric does not have.
    UnknownElement,
    /// `unknown-option`: an option the element does not have.
    UnknownOption,
    /// `unknown-indicator`: a weight for an indicator the rubric does not have.
    UnknownIndicator,
    /// `unknown-status`: a status other than `no-public-information` or `not-applicable`.
    UnknownStatus,
    /// `invalid-answer`: an answer without exactly one of `option`, `value` or `status`.
    InvalidAnswer,
    /// `wrong-answer-kind`: an option for a numeric element, or a value for one with options.
    WrongAnswerKind,
    /// `not-finite`: NaN or an infinity where a number counts.
    NotFinite,
    /// `out-of-range`: a number outside its bounds.
    OutOfRange,
    /// `invalid-date`: not a calendar date `YYYY-MM-DD`.
    InvalidDate,
    /// `invalid-url`: not an absolute `http:` or `https:` address.
    InvalidUrl,
    /// `empty-evidence`: evidence with neither a `url` nor a `note`.
    EmptyEvidence,
    /// `too-long`: a text over its field's limit, or any string over the reader's.
    TooLong,
    /// `too-many`: a list or object with more entries than allowed.
    TooMany,
    /// `too-few`: a list with fewer entries than needed.
    TooFew,
    /// `too-large`: an input over the byte or value limit.
    TooLarge,
    /// `too-deep`: an input nested deeper than the limit.
    TooDeep,
    /// `zero-weights`: a pillar whose indicator weights are all zero.
    ZeroWeights,
    /// `unknown-value`: a value outside a fixed list.
    UnknownValue,
    /// `date-order`: a date after one it must not come after.
    DateOrder,
    /// `invalid-id`: not an assessment id (or date).
    InvalidId,
    /// `invalid-language`: not a BCP 47 language tag.
    InvalidLanguage,
    /// `different-process`: a diff of profiles of two processes.
    DifferentProcess,
}

impl Code {
    /// Every code, in declaration order.
    pub const ALL: [Code; 29] = [
        Code::InvalidJson,
        Code::UnsupportedValue,
        Code::WrongType,
        Code::MissingField,
        Code::UnknownField,
        Code::DuplicateKey,
        Code::UnsupportedSchema,
        Code::UnknownElement,
        Code::UnknownOption,
        Code::UnknownIndicator,
        Code::UnknownStatus,
        Code::InvalidAnswer,
        Code::WrongAnswerKind,
        Code::NotFinite,
        Code::OutOfRange,
        Code::InvalidDate,
        Code::InvalidUrl,
        Code::EmptyEvidence,
        Code::TooLong,
        Code::TooMany,
        Code::TooFew,
        Code::TooLarge,
        Code::TooDeep,
        Code::ZeroWeights,
        Code::UnknownValue,
        Code::DateOrder,
        Code::InvalidId,
        Code::InvalidLanguage,
        Code::DifferentProcess,
    ];

    /// The kebab-case spelling, e.g. `unknown-option`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Code::InvalidJson => "invalid-json",
            Code::UnsupportedValue => "unsupported-value",
            Code::WrongType => "wrong-type",
            Code::MissingField => "missing-field",
            Code::UnknownField => "unknown-field",
            Code::DuplicateKey => "duplicate-key",
            Code::UnsupportedSchema => "unsupported-schema",
            Code::UnknownElement => "unknown-element",
            Code::UnknownOption => "unknown-option",
            Code::UnknownIndicator => "unknown-indicator",
            Code::UnknownStatus => "unknown-status",
            Code::InvalidAnswer => "invalid-answer",
            Code::WrongAnswerKind => "wrong-answer-kind",
            Code::NotFinite => "not-finite",
            Code::OutOfRange => "out-of-range",
            Code::InvalidDate => "invalid-date",
            Code::InvalidUrl => "invalid-url",
            Code::EmptyEvidence => "empty-evidence",
            Code::TooLong => "too-long",
            Code::TooMany => "too-many",
            Code::TooFew => "too-few",
            Code::TooLarge => "too-large",
            Code::TooDeep => "too-deep",
            Code::ZeroWeights => "zero-weights",
            Code::UnknownValue => "unknown-value",
            Code::DateOrder => "date-order",
            Code::InvalidId => "invalid-id",
            Code::InvalidLanguage => "invalid-language",
            Code::DifferentProcess => "different-process",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a message is made of: its kind's template, filled in by [`Error::message`].
#[derive(Debug, Clone, PartialEq)]
struct Inner {
    path: String,
    kind: Kind,
    /// Echoed input, clipped (`{echo}` in a template).
    echo: String,
    /// Fixed words: an expected type, a field, an element (`{first}` and `{second}`).
    words: [&'static str; 2],
    /// Limits, bounds, a line and column (`{n}` and `{m}`).
    numbers: [i64; 2],
    suggestion: Option<&'static str>,
}

/// Indexes [`TEMPLATES`].
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    InvalidJson,
    /// Only JavaScript values can be other than JSON.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    UnsupportedValue,
    WrongType,
    MissingField,
    UnknownField,
    DuplicateKey,
    UnsupportedSchema,
    UnknownElement,
    UnknownOption,
    UnknownIndicator,
    UnknownStatus,
    InvalidAnswer,
    AnswerKindMismatch,
    NotFinite,
    OutOfRange,
    InvalidDate,
    InvalidUrl,
    EmptyEvidence,
    TooLong,
    /// Over the reader's limit for any string, before field limits apply.
    StringTooLong,
    TooMany,
    TooFewOne,
    TooFew,
    TooLarge,
    TooDeep,
    ZeroWeights,
    UnknownValue,
    DateOrder,
    InvalidId,
    InvalidLanguage,
    DifferentProcess,
}

/// Each kind's message, in [`Kind`] order (the `pinned` tests hold every one to its text), with
/// blanks that [`Error::message`] fills in: `{echo}` for the echoed input, `{first}` and
/// `{second}` for the words, `{n}` and `{m}` for the numbers.
const TEMPLATES: [&str; 31] = [
    "invalid JSON at line {n} column {m}: expected {echo}",
    "value cannot be read as JSON (a function, symbol, BigInt or throwing getter)",
    "expected {first}, found {second}",
    "missing required field `{first}`",
    "unknown field `{echo}`",
    "duplicate key `{echo}`",
    "unsupported schema `{echo}`; expected `{first}`",
    "unknown element `{echo}`",
    "unknown option `{echo}` for element `{first}`",
    "unknown indicator `{echo}`",
    "unknown status `{echo}`; expected `no-public-information` or `not-applicable`",
    "an answer needs exactly one of `option`, `value` or `status`",
    "this element is answered with {first}",
    "number must be finite",
    "number must be between {n} and {m}",
    "`{echo}` is not a calendar date in the form YYYY-MM-DD",
    "url must be an absolute http: or https: address",
    "evidence needs a `url` or a `note`",
    "text is longer than {n} characters",
    "string is longer than the 64 KiB any field allows",
    "more than {n} entries",
    "needs at least one entry",
    "needs at least {n} entries",
    "input is larger than {n} (bytes or values)",
    "input is nested deeper than {n} levels",
    "pillar `{first}` needs at least one positive indicator weight",
    "unknown value `{echo}`; expected {first}",
    "`{first}` is after `{second}`",
    "`{echo}` is not {first}",
    "`{echo}` is not a language tag such as `en`, `ar` or `zh-Hans`",
    "the profiles assess different processes",
];

impl Error {
    /// An error of `kind` at `path` echoing `echo`, clipped (every echo is, so one place does
    /// it; the parser's expectations are short phrases that clipping leaves alone).
    #[inline(never)]
    fn new(kind: Kind, path: String, echo: &str) -> Self {
        Error(Box::new(Inner {
            path,
            kind,
            echo: clip(echo),
            words: [""; 2],
            numbers: [0; 2],
            suggestion: None,
        }))
    }

    fn words(mut self, first: &'static str, second: &'static str) -> Self {
        self.0.words = [first, second];
        self
    }

    fn numbers(mut self, first: i64, second: i64) -> Self {
        self.0.numbers = [first, second];
        self
    }

    fn suggest(mut self, suggestion: Option<&'static str>) -> Self {
        self.0.suggestion = suggestion;
        self
    }

    /// What went wrong, as a [`Code`]: match on this, not on the message.
    pub fn kind(&self) -> Code {
        match self.0.kind {
            Kind::InvalidJson => Code::InvalidJson,
            Kind::UnsupportedValue => Code::UnsupportedValue,
            Kind::WrongType => Code::WrongType,
            Kind::MissingField => Code::MissingField,
            Kind::UnknownField => Code::UnknownField,
            Kind::DuplicateKey => Code::DuplicateKey,
            Kind::UnsupportedSchema => Code::UnsupportedSchema,
            Kind::UnknownElement => Code::UnknownElement,
            Kind::UnknownOption => Code::UnknownOption,
            Kind::UnknownIndicator => Code::UnknownIndicator,
            Kind::UnknownStatus => Code::UnknownStatus,
            Kind::InvalidAnswer => Code::InvalidAnswer,
            Kind::AnswerKindMismatch => Code::WrongAnswerKind,
            Kind::NotFinite => Code::NotFinite,
            Kind::OutOfRange => Code::OutOfRange,
            Kind::InvalidDate => Code::InvalidDate,
            Kind::InvalidUrl => Code::InvalidUrl,
            Kind::EmptyEvidence => Code::EmptyEvidence,
            Kind::TooLong | Kind::StringTooLong => Code::TooLong,
            Kind::TooMany => Code::TooMany,
            Kind::TooFewOne | Kind::TooFew => Code::TooFew,
            Kind::TooLarge => Code::TooLarge,
            Kind::TooDeep => Code::TooDeep,
            Kind::ZeroWeights => Code::ZeroWeights,
            Kind::UnknownValue => Code::UnknownValue,
            Kind::DateOrder => Code::DateOrder,
            Kind::InvalidId => Code::InvalidId,
            Kind::InvalidLanguage => Code::InvalidLanguage,
            Kind::DifferentProcess => Code::DifferentProcess,
        }
    }

    /// The stable, kebab-case code, as JSON and JavaScript carry it: `self.kind().as_str()`.
    pub fn code(&self) -> &'static str {
        self.kind().as_str()
    }

    /// The JSON path of the offending value, e.g. `answers.O5.1.value` or `answers["a b"]`;
    /// empty for the whole input. Spelled by one rule, documented in src/input/path.rs: a key of
    /// letters, digits, `_`, `-`, `.` and `$` as it is, any other key as a JSON string in brackets.
    pub fn path(&self) -> &str {
        &self.0.path
    }

    /// The closest valid id or key, when the input looks like a typo of one.
    pub fn suggestion(&self) -> Option<&'static str> {
        self.0.suggestion
    }

    /// This error, seen from one object level up.
    pub(crate) fn within_key(mut self, key: &str) -> Self {
        self.0.path = Step::Key(key).before(&self.0.path);
        self
    }

    /// This error, seen from one array level up.
    pub(crate) fn within_index(mut self, index: usize) -> Self {
        self.0.path = Step::Index(index).before(&self.0.path);
        self
    }

    pub(crate) fn invalid_json(expected: &str, line: usize, column: usize) -> Self {
        Error::new(Kind::InvalidJson, String::new(), expected).numbers(line as i64, column as i64)
    }
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn unsupported_value(path: String) -> Self {
        Error::new(Kind::UnsupportedValue, path, "")
    }
    /// What a reader that gave up without saying why reports, rather than panicking.
    #[inline(never)]
    pub(crate) fn unreadable() -> Self {
        Error::wrong_type(String::new(), "a readable input", "an unreadable one")
    }
    pub(crate) fn wrong_type(path: String, expected: &'static str, found: &'static str) -> Self {
        Error::new(Kind::WrongType, path, "").words(expected, found)
    }
    pub(crate) fn missing_field(path: String, field: &'static str) -> Self {
        Error::new(Kind::MissingField, path, "").words(field, "")
    }
    pub(crate) fn unknown_field(
        path: String,
        field: &str,
        suggestion: Option<&'static str>,
    ) -> Self {
        Error::new(Kind::UnknownField, path, field).suggest(suggestion)
    }
    pub(crate) fn duplicate_key(path: String, key: &str) -> Self {
        Error::new(Kind::DuplicateKey, path, key)
    }
    /// `expected` is the profile format's id (passed in: the error layer knows no format).
    pub(crate) fn unsupported_schema(path: String, found: &str, expected: &'static str) -> Self {
        Error::new(Kind::UnsupportedSchema, path, found).words(expected, "")
    }
    pub(crate) fn unknown_element(
        path: String,
        id: &str,
        suggestion: Option<&'static str>,
    ) -> Self {
        Error::new(Kind::UnknownElement, path, id).suggest(suggestion)
    }
    pub(crate) fn unknown_option(
        path: String,
        id: &str,
        element: &'static str,
        suggestion: Option<&'static str>,
    ) -> Self {
        Error::new(Kind::UnknownOption, path, id)
            .words(element, "")
            .suggest(suggestion)
    }
    pub(crate) fn unknown_indicator(
        path: String,
        id: &str,
        suggestion: Option<&'static str>,
    ) -> Self {
        Error::new(Kind::UnknownIndicator, path, id).suggest(suggestion)
    }
    pub(crate) fn unknown_status(
        path: String,
        found: &str,
        suggestion: Option<&'static str>,
    ) -> Self {
        Error::new(Kind::UnknownStatus, path, found).suggest(suggestion)
    }
    pub(crate) fn invalid_answer(path: String) -> Self {
        Error::new(Kind::InvalidAnswer, path, "")
    }
    pub(crate) fn wrong_answer_kind(path: String, expected: &'static str) -> Self {
        Error::new(Kind::AnswerKindMismatch, path, "").words(expected, "")
    }
    pub(crate) fn not_finite(path: String) -> Self {
        Error::new(Kind::NotFinite, path, "")
    }
    pub(crate) fn out_of_range(path: String, min: f64, max: f64) -> Self {
        // Bounds are whole numbers in every rubric and option; integers keep float formatting
        // out of the WebAssembly build.
        Error::new(Kind::OutOfRange, path, "").numbers(min as i64, max as i64)
    }
    pub(crate) fn invalid_date(path: String, found: &str) -> Self {
        Error::new(Kind::InvalidDate, path, found)
    }
    pub(crate) fn invalid_url(path: String) -> Self {
        Error::new(Kind::InvalidUrl, path, "")
    }
    pub(crate) fn empty_evidence(path: String) -> Self {
        Error::new(Kind::EmptyEvidence, path, "")
    }
    pub(crate) fn string_too_long(path: String) -> Self {
        Error::new(Kind::StringTooLong, path, "")
    }
    pub(crate) fn too_long(path: String, max: usize) -> Self {
        Error::new(Kind::TooLong, path, "").numbers(max as i64, 0)
    }
    pub(crate) fn too_many(path: String, max: usize) -> Self {
        Error::new(Kind::TooMany, path, "").numbers(max as i64, 0)
    }
    pub(crate) fn too_few(path: String, min: usize) -> Self {
        let kind = if min == 1 {
            Kind::TooFewOne
        } else {
            Kind::TooFew
        };
        Error::new(kind, path, "").numbers(min as i64, 0)
    }
    pub(crate) fn too_large(path: String, max: usize) -> Self {
        Error::new(Kind::TooLarge, path, "").numbers(max as i64, 0)
    }
    pub(crate) fn too_deep(path: String, max: usize) -> Self {
        Error::new(Kind::TooDeep, path, "").numbers(max as i64, 0)
    }
    pub(crate) fn zero_weights(path: String, pillar: &'static str) -> Self {
        Error::new(Kind::ZeroWeights, path, "").words(pillar, "")
    }
    /// A value outside a fixed list; `expected` lists it for the message.
    pub(crate) fn unknown_value(
        path: String,
        found: &str,
        expected: &'static str,
        suggestion: Option<&'static str>,
    ) -> Self {
        Error::new(Kind::UnknownValue, path, found)
            .words(expected, "")
            .suggest(suggestion)
    }
    /// A date that must not come after another, such as `publishedOn` after `checkedOn`.
    pub(crate) fn date_order(path: String, later: &'static str, earlier: &'static str) -> Self {
        Error::new(Kind::DateOrder, path, "").words(later, earlier)
    }
    /// Not an assessment id (or, where `or_date`, a date either).
    pub(crate) fn invalid_id(path: String, found: &str, or_date: bool) -> Self {
        let expected = if or_date {
            "a date YYYY-MM-DD or an id of letters, digits, `.`, `_` and `-`"
        } else {
            "an id of letters, digits, `.`, `_` and `-`"
        };
        Error::new(Kind::InvalidId, path, found).words(expected, "")
    }
    /// Not a BCP 47 language tag.
    pub(crate) fn invalid_language(path: String, found: &str) -> Self {
        Error::new(Kind::InvalidLanguage, path, found)
    }
    /// A diff of two profiles that assess different processes.
    pub(crate) fn different_process(path: String) -> Self {
        Error::new(Kind::DifferentProcess, path, "")
    }
}

/// Echoed input is cut short so an error message never carries a megabyte of someone's text.
fn clip(s: &str) -> String {
    const MAX: usize = 64;
    match s.char_indices().nth(MAX) {
        Some((at, _)) => {
            let mut clipped = String::from(s.get(..at).unwrap_or_default());
            clipped.push('…');
            clipped
        }
        None => s.to_string(),
    }
}

impl Error {
    /// The plain, lowercase message, e.g. ``unknown option `publik` for element `O1.1` (did you
    /// mean `public`?)``: the kind's template with its blanks filled in.
    pub fn message(&self) -> String {
        let e = &*self.0;
        let mut m = String::new();
        let mut rest = TEMPLATES[e.kind as usize];
        while let Some((text, blank)) = rest.split_once('{') {
            m.push_str(text);
            let (name, after) = blank.split_once('}').unwrap_or_default();
            match name {
                "echo" => m.push_str(&e.echo),
                "first" => m.push_str(e.words[0]),
                "second" => m.push_str(e.words[1]),
                "n" => push_int(&mut m, e.numbers[0]),
                "m" => push_int(&mut m, e.numbers[1]),
                _ => {} // none: `every_blank_is_known`
            }
            rest = after;
        }
        m.push_str(rest);
        if let Some(s) = e.suggestion {
            m.push_str(" (did you mean `");
            m.push_str(s);
            m.push_str("`?)");
        }
        m
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl core::error::Error for Error {}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Error", 4)?;
        st.serialize_field("code", self.code())?;
        st.serialize_field("path", self.path())?;
        st.serialize_field("message", &self.message())?;
        st.serialize_field("suggestion", &self.suggestion())?;
        st.end()
    }
}

impl WriteJson for Error {
    fn write_json(&self, out: &mut Text) {
        out.begin_object();
        out.field("code", self.code());
        out.field("path", self.path());
        out.field("message", &self.message());
        out.field("suggestion", &self.suggestion());
        out.end_object();
    }
}

/// Errors reach JavaScript as `ProfileError` objects and JSON as this shape.
impl schemars::JsonSchema for Error {
    fn schema_name() -> alloc::borrow::Cow<'static, str> {
        "ErrorData".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        schemars::json_schema!({
            "type": "object",
            "required": ["code", "path", "message", "suggestion"],
            "properties": {
                "code": { "type": "string", "enum": codes, "description": "Stable machine-readable code, e.g. `unknown-option`." },
                "path": { "type": "string", "description": "JSON path of the offending value; empty for the whole input." },
                "message": { "type": "string" },
                "suggestion": { "type": ["string", "null"], "description": "The closest valid id, for a likely typo." }
            }
        })
    }
}

/// The closest of `candidates` to `input`, if it is close enough to be a likely typo.
pub(crate) fn closest<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    if chars(input) > 64 {
        return None;
    }
    let mut best = None;
    for c in candidates {
        let d = distance(input, c);
        if d <= 2.max(chars(c) / 3) && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Levenshtein distance over chars, ignoring ASCII case. Candidates are ids and field names,
/// always ASCII, so each of their bytes is a char.
fn distance(a: &str, b: &str) -> usize {
    let b = b.as_bytes();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            let same = ca.eq_ignore_ascii_case(&char::from(cb));
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(!same));
            diagonal = above;
        }
    }
    row[b.len()]
}

json_object! {
    /// A non-fatal finding about an input: the score stands, but a reader should know.
    ///
    /// Codes: `profile-v1`, `v1-answer-dropped`, `not-applicable-without-note`,
    /// `answer-without-evidence`, `not-found-without-search`, `evidence-mirror-only`, `evidence-old`,
    /// `assessment-outdated`, `assessment-undated`, `unknown-process-field`.
    #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
    pub struct Warning {
        pub code: &'static str,
        pub path: String,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_grow_outwards() {
        let e = Error::not_finite("value".into())
            .within_key("O5.1")
            .within_key("answers");
        assert_eq!(e.path(), "answers.O5.1.value");
        let e = Error::empty_evidence(String::new())
            .within_index(2)
            .within_key("evidence");
        assert_eq!(e.path(), "evidence[2]");
        assert_eq!(
            Error::too_deep("x".into(), 1).within_index(0).path(),
            "[0].x"
        );
    }

    #[test]
    fn suggests_close_ids_only() {
        assert_eq!(closest("O5.10", ["O5.1", "O5.2"]), Some("O5.1"));
        assert_eq!(closest("publik", ["public", "members"]), Some("public"));
        assert_eq!(closest("zzzzzz", ["public", "members"]), None);
    }

    /// `distance` reads candidates as bytes: every id a suggestion can name must be ASCII.
    #[test]
    fn suggestable_ids_are_ascii() {
        use crate::rubric::{Scale, RUBRIC};
        for (_, _, e) in RUBRIC.elements() {
            assert!(e.id.is_ascii(), "{}", e.id);
            if let Scale::Options { options } = &e.scale {
                assert!(options.iter().all(|c| c.id.is_ascii()), "{}", e.id);
            }
        }
        assert!(RUBRIC.indicators().all(|i| i.id.is_ascii()));
    }

    #[test]
    fn suggests_regardless_of_case_and_script() {
        assert_eq!(closest("PUBLIK", ["public", "members"]), Some("public"));
        assert_eq!(closest("publïc", ["public", "members"]), Some("public"));
        assert_eq!(closest("О1.1", ["O1.1"]), Some("O1.1")); // Cyrillic О
    }

    #[test]
    fn message_text_is_pinned() {
        let e = Error::unknown_option(
            "answers.O1.1.option".into(),
            "publik",
            "O1.1",
            Some("public"),
        );
        assert_eq!(
            e.to_string(),
            "unknown option `publik` for element `O1.1` (did you mean `public`?)"
        );
        assert_eq!(e.code(), "unknown-option");
        let long = "x".repeat(100);
        let e = Error::unknown_element("answers".into(), &long, None);
        assert_eq!(
            e.to_string(),
            format!("unknown element `{}…`", "x".repeat(64))
        );
    }
}

#[cfg(test)]
mod pinned {
    use super::*;

    /// One instance of every constructor, and the edge cases of clipping and counting.
    fn every() -> Vec<Error> {
        let long = "x".repeat(100);
        let at64 = "y".repeat(64);
        let at65 = "z".repeat(65);
        let wide = "é".repeat(70);
        let mixed = ["ab", &"日本".repeat(40)].concat();
        vec![
            Error::invalid_json("`,` or `}`", 3, 17),
            Error::invalid_json("", 0, 0),
            Error::unsupported_value("a.b".into()),
            Error::unreadable(),
            Error::wrong_type("answers".into(), "an object", "an array"),
            Error::missing_field("process".into(), "name"),
            Error::unknown_field(String::new(), "procss", Some("process")),
            Error::unknown_field("process".into(), &long, None),
            Error::unknown_field("process".into(), &wide, None),
            Error::duplicate_key("answers".into(), "O1.1"),
            Error::duplicate_key("answers".into(), &at65),
            Error::unsupported_schema("schema".into(), "sdo-openness/0", crate::SCHEMA),
            Error::unsupported_schema("schema".into(), &mixed, crate::SCHEMA),
            Error::unknown_element("answers".into(), "O1.10", Some("O1.1")),
            Error::unknown_element("answers".into(), &long, None),
            Error::unknown_element("answers".into(), &at64, None),
            Error::unknown_option(
                "answers.O1.1.option".into(),
                "publik",
                "O1.1",
                Some("public"),
            ),
            Error::unknown_option("answers.O1.1.option".into(), &wide, "O1.1", None),
            Error::unknown_indicator("weights".into(), "O9", None),
            Error::unknown_indicator("weights".into(), &at65, Some("O1")),
            Error::unknown_status("answers.O1.1.status".into(), "n/a", Some("not-applicable")),
            Error::unknown_status("answers.O1.1.status".into(), &mixed, None),
            Error::invalid_answer("answers.O1.1".into()),
            Error::wrong_answer_kind("answers.O1.1".into(), "`option`"),
            Error::not_finite("answers.O5.1.value".into()),
            Error::out_of_range("answers.O5.1.value".into(), 0.0, 100.0),
            Error::out_of_range("x".into(), -12.0, 9_007_199_254_740_992.0),
            Error::invalid_date("process.assessedOn".into(), "2026-13-01"),
            Error::invalid_date("process.assessedOn".into(), &wide),
            Error::invalid_url("evidence[0].url".into()),
            Error::empty_evidence("evidence[0]".into()),
            Error::string_too_long("process.name".into()),
            Error::too_long("process.name".into(), 200),
            Error::too_many("evidence".into(), 20),
            Error::too_few("profiles".into(), 1),
            Error::too_few("profiles".into(), 2),
            Error::too_few("profiles".into(), 0),
            Error::too_large(String::new(), 1_048_576),
            Error::too_deep(String::new(), 64),
            Error::zero_weights("weights".into(), "O"),
            Error::unknown_value(
                "answers.O1.1.evidence[0].sourceType".into(),
                "offical",
                "`official`, `secondary` or `mirror`",
                Some("official"),
            ),
            Error::date_order(
                "answers.O1.1.evidence[0].publishedOn".into(),
                "publishedOn",
                "checkedOn",
            ),
            Error::invalid_id("supersedes".into(), "last year", true),
            Error::invalid_id("id".into(), "a/b", false),
            Error::invalid_language("process.language".into(), "English"),
            Error::different_process("new.process.name".into()),
            Error::not_finite("value".into())
                .within_key("O5.1")
                .within_key("answers")
                .within_index(3)
                .within_key("")
                .within_key("profiles"),
            Error::empty_evidence(String::new())
                .within_index(0)
                .within_index(12),
            Error::unreadable().within_key("k"),
        ]
    }

    /// `(code, path, message, suggestion)` of each of [`every`], as the `match`-per-kind messages
    /// gave them before the templates: any change to the representation must keep them.
    #[rustfmt::skip]
    const PINNED: &[(&str, &str, &str, Option<&str>)] = &[
        ("invalid-json", "", "invalid JSON at line 3 column 17: expected `,` or `}`", None),
        ("invalid-json", "", "invalid JSON at line 0 column 0: expected ", None),
        ("unsupported-value", "a.b", "value cannot be read as JSON (a function, symbol, BigInt or throwing getter)", None),
        ("wrong-type", "", "expected a readable input, found an unreadable one", None),
        ("wrong-type", "answers", "expected an object, found an array", None),
        ("missing-field", "process", "missing required field `name`", None),
        ("unknown-field", "", "unknown field `procss` (did you mean `process`?)", Some("process")),
        ("unknown-field", "process", "unknown field `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…`", None),
        ("unknown-field", "process", "unknown field `éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé…`", None),
        ("duplicate-key", "answers", "duplicate key `O1.1`", None),
        ("duplicate-key", "answers", "duplicate key `zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz…`", None),
        ("unsupported-schema", "schema", "unsupported schema `sdo-openness/0`; expected `sdo-openness/profile/v2`", None),
        ("unsupported-schema", "schema", "unsupported schema `ab日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本…`; expected `sdo-openness/profile/v2`", None),
        ("unknown-element", "answers", "unknown element `O1.10` (did you mean `O1.1`?)", Some("O1.1")),
        ("unknown-element", "answers", "unknown element `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…`", None),
        ("unknown-element", "answers", "unknown element `yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy`", None),
        ("unknown-option", "answers.O1.1.option", "unknown option `publik` for element `O1.1` (did you mean `public`?)", Some("public")),
        ("unknown-option", "answers.O1.1.option", "unknown option `éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé…` for element `O1.1`", None),
        ("unknown-indicator", "weights", "unknown indicator `O9`", None),
        ("unknown-indicator", "weights", "unknown indicator `zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz…` (did you mean `O1`?)", Some("O1")),
        ("unknown-status", "answers.O1.1.status", "unknown status `n/a`; expected `no-public-information` or `not-applicable` (did you mean `not-applicable`?)", Some("not-applicable")),
        ("unknown-status", "answers.O1.1.status", "unknown status `ab日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本日本…`; expected `no-public-information` or `not-applicable`", None),
        ("invalid-answer", "answers.O1.1", "an answer needs exactly one of `option`, `value` or `status`", None),
        ("wrong-answer-kind", "answers.O1.1", "this element is answered with `option`", None),
        ("not-finite", "answers.O5.1.value", "number must be finite", None),
        ("out-of-range", "answers.O5.1.value", "number must be between 0 and 100", None),
        ("out-of-range", "x", "number must be between -12 and 9007199254740992", None),
        ("invalid-date", "process.assessedOn", "`2026-13-01` is not a calendar date in the form YYYY-MM-DD", None),
        ("invalid-date", "process.assessedOn", "`éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé…` is not a calendar date in the form YYYY-MM-DD", None),
        ("invalid-url", "evidence[0].url", "url must be an absolute http: or https: address", None),
        ("empty-evidence", "evidence[0]", "evidence needs a `url` or a `note`", None),
        ("too-long", "process.name", "string is longer than the 64 KiB any field allows", None),
        ("too-long", "process.name", "text is longer than 200 characters", None),
        ("too-many", "evidence", "more than 20 entries", None),
        ("too-few", "profiles", "needs at least one entry", None),
        ("too-few", "profiles", "needs at least 2 entries", None),
        ("too-few", "profiles", "needs at least 0 entries", None),
        ("too-large", "", "input is larger than 1048576 (bytes or values)", None),
        ("too-deep", "", "input is nested deeper than 64 levels", None),
        ("zero-weights", "weights", "pillar `O` needs at least one positive indicator weight", None),
        ("unknown-value", "answers.O1.1.evidence[0].sourceType", "unknown value `offical`; expected `official`, `secondary` or `mirror` (did you mean `official`?)", Some("official")),
        ("date-order", "answers.O1.1.evidence[0].publishedOn", "`publishedOn` is after `checkedOn`", None),
        ("invalid-id", "supersedes", "`last year` is not a date YYYY-MM-DD or an id of letters, digits, `.`, `_` and `-`", None),
        ("invalid-id", "id", "`a/b` is not an id of letters, digits, `.`, `_` and `-`", None),
        ("invalid-language", "process.language", "`English` is not a language tag such as `en`, `ar` or `zh-Hans`", None),
        ("different-process", "new.process.name", "the profiles assess different processes", None),
        ("not-finite", "profiles[\"\"][3].answers.O5.1.value", "number must be finite", None),
        ("empty-evidence", "[12][0]", "evidence needs a `url` or a `note`", None),
        ("wrong-type", "k", "expected a readable input, found an unreadable one", None),
    ];

    #[test]
    fn every_constructor_is_pinned() {
        let every = every();
        assert_eq!(every.len(), PINNED.len());
        for (e, &(code, path, message, suggestion)) in every.iter().zip(PINNED) {
            assert_eq!(
                (e.code(), e.path(), e.suggestion()),
                (code, path, suggestion)
            );
            assert_eq!(e.message(), message);
            assert_eq!(e.to_string(), message);
            let json = crate::base::text::to_text(e);
            assert!(json.floats.is_empty());
            assert_eq!(json.json, serde_json::to_string(e).unwrap());
            let parsed: serde_json::Value = serde_json::from_str(&json.json).unwrap();
            assert_eq!(
                parsed,
                serde_json::json!({ "code": code, "path": path, "message": message, "suggestion": suggestion })
            );
            assert_eq!(e.clone(), *e);
        }
        assert_eq!(
            crate::base::text::to_text(&every[6]).json,
            r#"{"code":"unknown-field","path":"","message":"unknown field `procss` (did you mean `process`?)","suggestion":"process"}"#
        );
        assert_ne!(every[0], every[1]);
    }

    #[test]
    fn every_blank_is_known() {
        for template in TEMPLATES {
            let mut rest = template;
            while let Some((_, blank)) = rest.split_once('{') {
                let (name, after) = blank.split_once('}').expect(template);
                assert!(
                    ["echo", "first", "second", "n", "m"].contains(&name),
                    "{template}"
                );
                rest = after;
            }
            assert!(!rest.contains('}'), "{template}");
        }
    }

    /// [`Code::ALL`] is every code once, and every one is what some constructor gives.
    #[test]
    fn every_code_is_listed_and_used() {
        let mut all: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), Code::ALL.len());
        let mut used: Vec<&str> = PINNED.iter().map(|p| p.0).collect();
        used.sort_unstable();
        used.dedup();
        assert_eq!(used, all);
        for e in every() {
            assert!(Code::ALL.contains(&e.kind()));
            assert_eq!(e.kind().to_string(), e.code());
        }
    }
}
