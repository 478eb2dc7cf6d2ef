//! A JSON tree that keeps what serde's maps throw away: duplicate keys and key order.
//!
//! Every input (JSON text here, or a JavaScript value walked by the binding) is read into this
//! tree under hard limits on size, depth, value count and string length, so hostile input (deep
//! nesting, cyclic objects, huge strings) ends in a coded error instead of a stack overflow or
//! exhausted memory. Validation then walks the tree with exact JSON paths.
//!
//! The parser is our own rather than serde_json's: it is a few hundred bytes of WebAssembly where
//! serde_json's deserializer, with serde's error formatting, is tens of kilobytes.

use crate::base::decimal::Digits;
use crate::input::error::Error;
use crate::prelude::*;

/// A parsed JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    /// Entries in input order, duplicates kept so that validation can reject them.
    Object(Vec<(String, Json)>),
}

/// Hard limits on any input tree. Documented in docs/methodology.md.
pub mod limits {
    /// Largest JSON text accepted, in bytes (1 MiB).
    pub const MAX_BYTES: usize = 1 << 20;
    /// Deepest nesting of arrays and objects.
    pub const MAX_DEPTH: usize = 32;
    /// Most values (of any kind) in one input.
    pub const MAX_NODES: usize = 100_000;
    /// Most keys in one object: no valid input comes near it, and it bounds the duplicate-key
    /// check, which compares every key with the ones before it.
    pub const MAX_KEYS: usize = 256;
    /// Longest string, in bytes (UTF-16 units for JavaScript strings), before field limits apply.
    pub const MAX_STRING_BYTES: usize = 64 * 1024;
}

impl Json {
    /// The name of this value's JSON type, for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    /// Parses JSON text (RFC 8259), keeping duplicate keys.
    ///
    /// # Errors
    ///
    /// `invalid-json` with the line and column of a syntax error; `too-large` beyond
    /// [`limits::MAX_BYTES`] or [`limits::MAX_NODES`]; `too-deep`; `too-long` for a string over
    /// [`limits::MAX_STRING_BYTES`], with the path of the value where the limit was hit.
    pub fn parse(text: &str) -> Result<Json, Error> {
        if text.len() > limits::MAX_BYTES {
            return Err(Error::too_large(String::new(), limits::MAX_BYTES));
        }
        let mut p = Parser {
            text: text.as_bytes(),
            source: text,
            at: 0,
            nodes: 0,
            // What is left to report when a whole value is read but text follows it.
            problem: Problem::Syntax("end of input"),
            path: Vec::new(),
        };
        if let Some(value) = p.value(0) {
            p.space();
            if p.at == text.len() {
                return Ok(value);
            }
        }
        let none = String::new;
        let mut e = match p.problem {
            Problem::Syntax(expected) => {
                let (mut line, mut column) = (1, 1);
                for &b in text.as_bytes().get(..p.at).unwrap_or_default() {
                    if b == b'\n' {
                        (line, column) = (line + 1, 1);
                    } else if b & 0xC0 != 0x80 {
                        // Columns count characters: every byte but UTF-8 continuation bytes
                        // starts one.
                        column += 1;
                    }
                }
                Error::invalid_json(expected, line, column)
            }
            Problem::Nodes => Error::too_large(none(), limits::MAX_NODES),
            Problem::Depth => Error::too_deep(none(), limits::MAX_DEPTH),
            Problem::Keys => Error::too_many(none(), limits::MAX_KEYS),
            Problem::Long => Error::string_too_long(none()),
        };
        for (key, index) in p.path {
            e = match key {
                Some(key) => e.within_key(&key),
                None => e.within_index(index),
            };
        }
        Err(e)
    }

    /// An object from `(key, value)` pairs, in order: for building trees in code (schemas, tests).
    pub fn object<'k>(entries: impl IntoIterator<Item = (&'k str, Json)>) -> Json {
        Json::Object(
            entries
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        )
    }

    /// The entry for `key` in an object, if any (the first, when duplicated).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Writes the tree back out (duplicate keys included), e.g. through serde_json.
impl serde::Serialize for Json {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Json::Null => s.serialize_unit(),
            Json::Bool(b) => s.serialize_bool(*b),
            // Whole numbers print as integers (`200`, not `200.0`), as JSON Schema expects.
            Json::Number(x) if crate::base::num::fract(*x) == 0.0 && x.abs() < 9e15 => {
                s.serialize_i64(*x as i64)
            }
            Json::Number(x) => s.serialize_f64(*x),
            Json::String(t) => s.serialize_str(t),
            Json::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Object(entries) => {
                let mut map = s.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

/// Works on bytes: every split falls on an ASCII byte of valid UTF-8, so slices stay valid
/// text, and no `str` slicing links the char-boundary panic (and its Unicode tables) into the
/// WebAssembly build.
///
/// Written for size: a failure only records what went wrong (`problem`, with `at` left where it
/// happened) and the readers return `None`, so no large `Result` is copied through every level
/// and the [`Error`], with its line, column and path, is built in one place, [`Json::parse`].
/// Arrays and objects share one reader.
struct Parser<'a> {
    /// The same text as `source`, as bytes for scanning.
    text: &'a [u8],
    source: &'a str,
    at: usize,
    /// Values read so far, against [`limits::MAX_NODES`].
    nodes: usize,
    /// Why reading stopped: turned into an [`Error`] once, by [`Json::parse`].
    problem: Problem,
    /// The key (in an object) or index (in an array) of each level the failure passed through,
    /// innermost first.
    path: Vec<(Option<String>, usize)>,
}

#[derive(Clone, Copy)]
enum Problem {
    /// `invalid-json` at the position reading stopped, expecting this.
    Syntax(&'static str),
    Nodes,
    Depth,
    Keys,
    Long,
}

impl Parser<'_> {
    /// The next byte, or `None` at the end of the input.
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn rest(&self) -> &[u8] {
        self.text.get(self.at..).unwrap_or_default()
    }

    fn space(&mut self) {
        let rest = self.rest();
        let run = rest
            .iter()
            .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'));
        self.at += run.unwrap_or(rest.len());
    }

    fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        self.at += usize::from(found);
        found
    }

    fn fail<T>(&mut self, problem: Problem) -> Option<T> {
        self.problem = problem;
        None
    }

    /// An `invalid-json` error at the current position.
    fn syntax<T>(&mut self, expected: &'static str) -> Option<T> {
        self.fail(Problem::Syntax(expected))
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        self.nodes += 1;
        if self.nodes > limits::MAX_NODES {
            return self.fail(Problem::Nodes);
        }
        self.space();
        let (word, value): (&[u8], _) = match self.peek() {
            Some(c @ (b'{' | b'[')) => return self.nested(depth, c == b'{'),
            Some(b'"') => return self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => return self.number().map(Json::Number),
            Some(b't') => (b"true", Json::Bool(true)),
            Some(b'f') => (b"false", Json::Bool(false)),
            Some(b'n') => (b"null", Json::Null),
            // Any other byte, or the end of the input.
            _ => return self.syntax("a value"),
        };
        if !self.rest().starts_with(word) {
            return self.syntax("a value");
        }
        self.at += word.len();
        Some(value)
    }

    /// An array or an object: the same loop, with a key before each value of an object.
    fn nested(&mut self, depth: usize, object: bool) -> Option<Json> {
        if depth >= limits::MAX_DEPTH {
            return self.fail(Problem::Depth);
        }
        self.at += 1;
        let close = if object { b'}' } else { b']' };
        let mut items = Vec::new();
        let mut entries = Vec::new();
        self.space();
        if !self.eat(close) {
            loop {
                let mut key = None;
                if object {
                    self.space();
                    if self.peek() != Some(b'"') {
                        return self.syntax("a string key");
                    }
                    if entries.len() == limits::MAX_KEYS {
                        return self.fail(Problem::Keys);
                    }
                    key = Some(self.string()?);
                    self.space();
                    if !self.eat(b':') {
                        return self.syntax("`:`");
                    }
                }
                let Some(value) = self.value(depth + 1) else {
                    self.path.push((key, items.len()));
                    return None;
                };
                match key {
                    Some(key) => entries.push((key, value)),
                    None => items.push(value),
                }
                self.space();
                if self.eat(close) {
                    break;
                }
                if !self.eat(b',') {
                    return self.syntax(if object { "`,` or `}`" } else { "`,` or `]`" });
                }
            }
        }
        Some(if object {
            Json::Object(entries)
        } else {
            Json::Array(items)
        })
    }

    fn string(&mut self) -> Option<String> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let from = self.at;
            let run = self
                .rest()
                .iter()
                .position(|&b| matches!(b, b'"' | b'\\' | 0..=0x1F));
            self.at += run.unwrap_or(self.text.len() - from);
            // The run ends at an ASCII byte, so it is whole characters of the (valid) source:
            // slicing the `str` needs no UTF-8 validation, which is most of a kilobyte of code.
            out.push_str(self.source.get(from..self.at).unwrap_or_default());
            if out.len() > limits::MAX_STRING_BYTES {
                return self.fail(Problem::Long);
            }
            let c = match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Some(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    self.escape()?
                }
                Some(_) => return self.syntax("no control characters in a string"),
                None => return self.syntax("`\"` to close the string"),
            };
            out.push(c);
        }
    }

    fn escape(&mut self) -> Option<char> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.at += 1;
                return self.unicode_escape();
            }
            _ => return self.syntax("a valid escape"),
        };
        self.at += 1;
        Some(c)
    }

    /// The character of a `\u` escape (the `u` read), pairing surrogates.
    fn unicode_escape(&mut self) -> Option<char> {
        let high = self.hex4()?;
        let mut code = high;
        if (0xD800..0xDC00).contains(&high) && self.rest().starts_with(b"\\u") {
            let resume = self.at;
            self.at += 2;
            let low = self.hex4()?;
            if (0xDC00..0xE000).contains(&low) {
                code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
            } else {
                // Not a pair: the lone high surrogate is replaced, the next escape kept.
                self.at = resume;
            }
        }
        // A lone surrogate cannot be a Rust char: keep the text readable instead.
        Some(char::from_u32(code).unwrap_or('\u{FFFD}'))
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut code = 0;
        for i in 0..4 {
            let digit = self
                .text
                .get(self.at + i)
                .and_then(|&b| char::from(b).to_digit(16));
            let Some(digit) = digit else {
                return self.syntax("four hex digits");
            };
            code = code * 16 + digit;
        }
        self.at += 4;
        Some(code)
    }

    /// Reads a run of digits, handing each one's value to `each`: how many there were.
    fn digits(&mut self, mut each: impl FnMut(u8)) -> usize {
        let from = self.at;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            self.at += 1;
            each(d - b'0');
        }
        self.at - from
    }

    /// Checks the number grammar (RFC 8259) while collecting its digits, then reads them to the
    /// nearest f64 (ties to even), as `str::parse` does. A number too large for f64 reads as
    /// infinite, which validation rejects where a number counts: the JavaScript binding sends
    /// NaN and the infinities as `1e999` and `-1e999` for that. Too small, it reads as zero, and
    /// zeros keep their sign.
    fn number(&mut self) -> Option<f64> {
        let negative = self.eat(b'-');
        let mut number = Digits::default();
        // A leading `0` adds nothing to the digits.
        if !self.eat(b'0') && self.digits(|d| number.push(d, false)) == 0 {
            return self.syntax("a digit");
        }
        if self.eat(b'.') && self.digits(|d| number.push(d, true)) == 0 {
            return self.syntax("a digit after `.`");
        }
        let mut exponent: i64 = 0;
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            let minus = self.eat(b'-');
            if !minus {
                self.eat(b'+');
            }
            // Held at 10^9: f64 spans 10^±324, and the digits of a 1 MiB text move the
            // exponent by 2^20 places at most, so no exponent past it reads differently.
            let read =
                self.digits(|d| exponent = (exponent * 10 + i64::from(d)).min(1_000_000_000));
            if read == 0 {
                return self.syntax("a digit in the exponent");
            }
            if minus {
                exponent = -exponent;
            }
        }
        Some(number.into_f64(negative, exponent))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_duplicates_and_order() {
        let j = Json::parse(r#"{"b":1,"a":2,"b":3}"#).unwrap();
        let Json::Object(entries) = j else {
            panic!("object expected")
        };
        let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a", "b"]);
    }

    #[test]
    fn rejects_deep_nesting_with_a_code() {
        let text = "[".repeat(100) + &"]".repeat(100);
        let err = Json::parse(&text).unwrap_err();
        assert_eq!(err.code(), "too-deep");
        assert_eq!(err.to_string(), "input is nested deeper than 32 levels");
    }

    #[test]
    fn parses_numbers_to_the_nearest_f64() {
        for text in [
            "0",
            "-0",
            "12",
            "0.5",
            "-3.25",
            "1e3",
            "2.5E-3",
            "123456.789",
            "99.9",
            "1e22",
            "0.1",
            "100000000",
        ] {
            let expected: f64 = text.parse().unwrap();
            assert_eq!(Json::parse(text).unwrap(), Json::Number(expected), "{text}");
        }
        assert_eq!(Json::parse("1e400").unwrap(), Json::Number(f64::INFINITY));
        assert_eq!(
            Json::parse("12345678901234567890123").unwrap(),
            Json::Number(1.2345678901234568e22)
        );
        for bad in ["01", "-", "1.", ".5", "1e", "+1", "0x10", "NaN", "Infinity"] {
            assert_eq!(
                Json::parse(bad).unwrap_err().code(),
                "invalid-json",
                "{bad}"
            );
        }
    }

    #[test]
    fn reports_line_and_column() {
        let err = Json::parse("{\n  \"a\": tru\n}").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid JSON at line 2 column 8: expected a value"
        );
        let err = Json::parse("[\"é\" 1]").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid JSON at line 1 column 6: expected `,` or `]`"
        );
    }

    #[test]
    fn decodes_escapes() {
        let j = Json::parse(r#""a\"\\\/\n\u00e9\ud83d\ude00""#).unwrap();
        assert_eq!(j, Json::String("a\"\\/\né😀".into()));
        assert_eq!(
            Json::parse("\"a\\u0001\"").unwrap(),
            Json::String("a\u{1}".into())
        );
        assert_eq!(Json::parse("\"a\tb\"").unwrap_err().code(), "invalid-json");
    }

    #[test]
    fn rejects_trailing_garbage() {
        let err = Json::parse("{} x").unwrap_err();
        assert_eq!(err.code(), "invalid-json");
    }

    #[test]
    fn rejects_too_many_nodes() {
        let text = format!("[{}0]", "0,".repeat(limits::MAX_NODES));
        assert_eq!(Json::parse(&text).unwrap_err().code(), "too-large");
    }

    #[test]
    fn limit_errors_carry_the_path() {
        let text = format!(
            "{{\"a\":[1,{{\"b\":\"{}\"}}]}}",
            "x".repeat(limits::MAX_STRING_BYTES + 1)
        );
        let err = Json::parse(&text).unwrap_err();
        assert_eq!((err.code(), err.path()), ("too-long", "a[1].b"));
    }

    #[test]
    fn rejects_objects_with_too_many_keys() {
        let keys: Vec<String> = (0..=limits::MAX_KEYS)
            .map(|n| format!("\"k{n}\":0"))
            .collect();
        let err = Json::parse(&format!("{{\"answers\":{{{}}}}}", keys.join(","))).unwrap_err();
        assert_eq!((err.code(), err.path()), ("too-many", "answers"));
        let fine: Vec<String> = (0..limits::MAX_KEYS)
            .map(|n| format!("\"k{n}\":0"))
            .collect();
        assert!(Json::parse(&format!("{{{}}}", fine.join(","))).is_ok());
    }

    #[test]
    fn rejects_long_keys() {
        let text = format!("{{\"{}\":1}}", "k".repeat(limits::MAX_STRING_BYTES + 1));
        assert_eq!(Json::parse(&text).unwrap_err().code(), "too-long");
    }
}
