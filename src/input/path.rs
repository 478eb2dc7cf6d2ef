//! How a JSON path is spelled: the one rule the parser ([`Error::within_key`] as a failure
//! unwinds), the reader ([`At`](crate::input::walk::At) as it descends) and the JavaScript
//! boundary (`path` in src/js/boundary.js, for inputs rejected before they reach the engine)
//! all follow. tests/json-paths.json holds the tricky keys, and both a Rust test (below)
//! and a Node test (tests/node/boundary.test.mjs) check every case of it.
//!
//! The rule:
//! - The whole input is the empty path.
//! - An array item is its index in brackets: `[0]`, `evidence[2]`.
//! - A key of ASCII letters, digits, `_`, `-`, `.` and `$` (the characters of the rubric's ids,
//!   such as `O1.1`, and of names such as `$schema`) is written as it is, after a `.` unless it starts the path:
//!   `answers.O1.1.value`.
//! - Any other key (empty, or holding a space, a bracket, a quote, any non-ASCII character) is
//!   written as a JSON string in brackets: `answers[""]`, `process["a b"]`, `["日本"]`. In the
//!   string, `"` and `\` are escaped, and so are the characters a reader cannot see or that
//!   reorder the text around them (C0 and C1 controls, DEL, bidirectional marks, embeddings,
//!   overrides and isolates, zero-width characters, line and paragraph separators, the byte
//!   order mark), as `\u` and four lowercase hex digits; everything else is kept as it is.
//!
//! A key with any non-ASCII character is quoted so that a look-alike (a Cyrillic `О1.1` for
//! `O1.1`) stands out, and a key that hides or reorders text cannot disguise the path around it.
//!
//! A path is for a person to find a value, not an address for a program: a bare key may hold
//! dots, so `a.b` is either a key `a.b` or a key `b` inside `a`. The readable `answers.O1.1`
//! wins over a quoted `answers["O1.1"]`, since ids with dots are the keys people write most.
//!
//! [`Error::within_key`]: crate::input::error::Error

use crate::prelude::*;

/// One step of a path, from a value to one inside it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

impl Step<'_> {
    /// Appends this step to `path`, the path of the value it steps from.
    pub(crate) fn push_onto(self, path: &mut String) {
        match self {
            Step::Index(index) => {
                path.push('[');
                crate::base::num::push_int(path, index as i64);
                path.push(']');
            }
            Step::Key(key) if bare(key) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Step::Key(key) => {
                path.push_str("[\"");
                for c in key.chars() {
                    if c == '"' || c == '\\' {
                        path.push('\\');
                        path.push(c);
                    } else if hidden(c) {
                        path.push_str("\\u");
                        for shift in [12, 8, 4, 0] {
                            path.push(char::from(b"0123456789abcdef"[(c as usize >> shift) & 15]));
                        }
                    } else {
                        path.push(c);
                    }
                }
                path.push_str("\"]");
            }
        }
    }

    /// The path of `rest` (a path from the value this step reaches) from the value it starts at.
    pub(crate) fn before(self, rest: &str) -> String {
        let mut path = String::new();
        self.push_onto(&mut path);
        // `rest` starts with a bare key, which needs its dot now that something comes first,
        // or with a bracket, which does not.
        if !rest.is_empty() && !rest.starts_with('[') {
            path.push('.');
        }
        path.push_str(rest);
        path
    }
}

/// Whether `key` is written as it is.
fn bare(key: &str) -> bool {
    !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'$'))
}

/// Whether `c` is escaped in a quoted key: invisible, or able to reorder the text around it.
/// Every one is in the Basic Multilingual Plane, so four hex digits spell it.
fn hidden(c: char) -> bool {
    matches!(c,
        '\0'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{61c}'
        | '\u{200b}'..='\u{200f}'
        | '\u{2028}'..='\u{202e}'
        | '\u{2060}'..='\u{2069}'
        | '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::error::Error;
    use crate::input::json::Json;
    use crate::input::walk::At;

    /// `(steps, path)` of each case of tests/json-paths.json: a string step is a key, a
    /// number an index.
    fn cases() -> Vec<(Vec<serde_json::Value>, String)> {
        let fixture: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/json-paths.json")).unwrap();
        let cases = fixture["cases"].as_array().unwrap();
        assert!(cases.len() >= 10);
        cases
            .iter()
            .map(|c| {
                let steps = c["steps"].as_array().unwrap().clone();
                (steps, c["path"].as_str().unwrap().to_string())
            })
            .collect()
    }

    fn step(v: &serde_json::Value) -> Step<'_> {
        match v {
            serde_json::Value::String(key) => Step::Key(key),
            v => Step::Index(v.as_u64().unwrap() as usize),
        }
    }

    /// The reader's path: built from the root outwards, one step at a time.
    fn reader_path(steps: &[serde_json::Value], at: &At) -> String {
        match steps.split_first() {
            None => at.path(),
            Some((first, rest)) => match step(first) {
                Step::Key(key) => reader_path(rest, &at.key(key)),
                Step::Index(index) => reader_path(rest, &at.index(index)),
            },
        }
    }

    /// A JSON text with `true` where the steps lead (every index padded with `null`s before it)
    /// and a string too long for the parser after it, so that parsing fails there.
    fn failing_text(steps: &[serde_json::Value]) -> String {
        let Some((first, rest)) = steps.split_first() else {
            return format!(
                "\"{}\"",
                "x".repeat(crate::json::limits::MAX_STRING_BYTES + 1)
            );
        };
        let inner = failing_text(rest);
        match first {
            serde_json::Value::String(key) => {
                format!("{{{}: {inner}}}", serde_json::to_string(key).unwrap())
            }
            v => format!("[{}{inner}]", "null, ".repeat(v.as_u64().unwrap() as usize)),
        }
    }

    #[test]
    fn parser_reader_and_errors_spell_every_fixture_path_alike() {
        for (steps, expected) in cases() {
            // Descending, as the reader does.
            assert_eq!(
                reader_path(&steps, &At::ROOT),
                expected,
                "reader: {steps:?}"
            );
            // Unwinding, as an error passes up through each level.
            let mut e = Error::not_finite(String::new());
            for s in steps.iter().rev() {
                e = match step(s) {
                    Step::Key(key) => e.within_key(key),
                    Step::Index(index) => e.within_index(index),
                };
            }
            assert_eq!(e.path(), expected, "error: {steps:?}");
            // The parser, failing at the end of the steps.
            let e = Json::parse(&failing_text(&steps)).unwrap_err();
            assert_eq!(
                (e.code(), e.path()),
                ("too-long", &*expected),
                "parser: {steps:?}"
            );
        }
    }

    #[test]
    fn escapes_are_four_lowercase_hex_digits() {
        let mut path = String::new();
        Step::Key("\u{202e}\u{1}\u{feff}").push_onto(&mut path);
        assert_eq!(path, r#"["\u202e\u0001\ufeff"]"#);
        assert_eq!(Step::Index(7).before("[\"\"].x"), "[7][\"\"].x");
        assert_eq!(Step::Key("a b").before("c"), "[\"a b\"].c");
    }
}
