//! A JSON tree that keeps what serde's maps throw away: duplicate keys and key order.
//!
//! Every input (JSON text here, or a JavaScript value walked by the binding) is read into this
//! tree under hard limits on size, depth, value count and string length, so hostile input (deep
//! nesting, cyclic objects, huge strings) ends in a coded error instead of a stack overflow or
//! exhausted memory. Validation then walks the tree with exact JSON paths.
//!
//! The parser is our own rather than serde_json's: it is a few hundred bytes of WebAssembly where
//! serde_json's deserializer, with serde's error formatting, is tens of kilobytes.

use crate::error::Error;
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
        };
        let value = p.value(0)?;
        p.space();
        if p.at < text.len() {
            return Err(p.syntax("end of input"));
        }
        Ok(value)
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
            Json::Number(x) if crate::num::fract(*x) == 0.0 && x.abs() < 9e15 => {
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

/// Counts values against [`limits::MAX_NODES`]; shared with the JavaScript walker.
fn count_node(nodes: &mut usize) -> Result<(), Error> {
    *nodes += 1;
    if *nodes > limits::MAX_NODES {
        return Err(Error::too_large(String::new(), limits::MAX_NODES));
    }
    Ok(())
}

/// Works on bytes: every split falls on an ASCII byte of valid UTF-8, so slices stay valid
/// text, and no `str` slicing links the char-boundary panic (and its Unicode tables) into the
/// WebAssembly build.
struct Parser<'a> {
    /// The same text as `source`, as bytes for scanning.
    text: &'a [u8],
    source: &'a str,
    at: usize,
    nodes: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn syntax(&self, expected: &str) -> Error {
        let before = self.text.get(..self.at).unwrap_or(self.text);
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let last = before.rsplit(|&b| b == b'\n').next().unwrap_or_default();
        // Columns count characters: every byte but UTF-8 continuation bytes starts one.
        let column = last.iter().filter(|&&b| b & 0xC0 != 0x80).count() + 1;
        Error::invalid_json(expected, line, column)
    }

    fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.at += 1;
            return true;
        }
        false
    }

    fn value(&mut self, depth: usize) -> Result<Json, Error> {
        count_node(&mut self.nodes)?;
        self.space();
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => {
                for (word, value) in [
                    ("true", Json::Bool(true)),
                    ("false", Json::Bool(false)),
                    ("null", Json::Null),
                ] {
                    if self.rest().starts_with(word.as_bytes()) {
                        self.at += word.len();
                        return Ok(value);
                    }
                }
                Err(self.syntax("a value"))
            }
        }
    }

    fn rest(&self) -> &[u8] {
        self.text.get(self.at..).unwrap_or_default()
    }

    fn nested(&self, depth: usize) -> Result<usize, Error> {
        if depth >= limits::MAX_DEPTH {
            return Err(Error::too_deep(String::new(), limits::MAX_DEPTH));
        }
        Ok(depth + 1)
    }

    fn array(&mut self, depth: usize) -> Result<Json, Error> {
        let depth = self.nested(depth)?;
        self.at += 1;
        let mut items = Vec::new();
        self.space();
        if self.eat(b']') {
            return Ok(Json::Array(items));
        }
        loop {
            let item = self.value(depth).map_err(|e| e.within_index(items.len()))?;
            items.push(item);
            self.space();
            if self.eat(b']') {
                return Ok(Json::Array(items));
            }
            if !self.eat(b',') {
                return Err(self.syntax("`,` or `]`"));
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, Error> {
        let depth = self.nested(depth)?;
        self.at += 1;
        let mut entries = Vec::new();
        self.space();
        if self.eat(b'}') {
            return Ok(Json::Object(entries));
        }
        loop {
            self.space();
            if self.peek() != Some(b'"') {
                return Err(self.syntax("a string key"));
            }
            if entries.len() == limits::MAX_KEYS {
                return Err(Error::too_many(String::new(), limits::MAX_KEYS));
            }
            let key = self.string()?;
            self.space();
            if !self.eat(b':') {
                return Err(self.syntax("`:`"));
            }
            let value = self.value(depth).map_err(|e| e.within_key(&key))?;
            entries.push((key, value));
            self.space();
            if self.eat(b'}') {
                return Ok(Json::Object(entries));
            }
            if !self.eat(b',') {
                return Err(self.syntax("`,` or `}`"));
            }
        }
    }

    fn string(&mut self) -> Result<String, Error> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let rest = self.rest();
            let plain = rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < b' ')
                .unwrap_or(rest.len());
            // The run ends at an ASCII byte, so it is whole characters of the (valid) source:
            // slicing the `str` needs no UTF-8 validation, which is most of a kilobyte of code.
            out.push_str(
                self.source
                    .get(self.at..self.at + plain)
                    .unwrap_or_default(),
            );
            self.at += plain;
            if out.len() > limits::MAX_STRING_BYTES {
                return Err(Error::string_too_long(String::new()));
            }
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let c = self.escape()?;
                    out.push(c);
                }
                Some(_) => return Err(self.syntax("no control characters in a string")),
                None => return Err(self.syntax("`\"` to close the string")),
            }
        }
    }

    fn escape(&mut self) -> Result<char, Error> {
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
                let high = self.hex4()?;
                if (0xD800..0xDC00).contains(&high) && self.rest().starts_with(b"\\u") {
                    let resume = self.at;
                    self.at += 2;
                    let low = self.hex4()?;
                    if (0xDC00..0xE000).contains(&low) {
                        let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                        return Ok(char::from_u32(code).unwrap_or('\u{FFFD}'));
                    }
                    // Not a pair: the lone high surrogate is replaced, the next escape kept.
                    self.at = resume;
                    return Ok('\u{FFFD}');
                }
                // A lone surrogate cannot be a Rust char: keep the text readable instead.
                return Ok(char::from_u32(high).unwrap_or('\u{FFFD}'));
            }
            _ => return Err(self.syntax("a valid escape")),
        };
        self.at += 1;
        Ok(c)
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let digits = self
            .text
            .get(self.at..self.at + 4)
            .ok_or_else(|| self.syntax("four hex digits"))?;
        let mut code = 0;
        for &b in digits {
            code = code * 16
                + char::from(b)
                    .to_digit(16)
                    .ok_or_else(|| self.syntax("four hex digits"))?;
        }
        self.at += 4;
        Ok(code)
    }

    fn number(&mut self) -> Result<Json, Error> {
        let negative = self.eat(b'-');
        let mut mantissa: u64 = 0;
        let mut exponent: i64 = 0;
        let mut any = false;
        let mut digit = |p: &mut Self, fraction: bool| {
            let from = p.at;
            while let Some(d @ b'0'..=b'9') = p.peek() {
                p.at += 1;
                // Beyond 19 digits the mantissa would overflow: keep the magnitude only.
                if mantissa < 1_000_000_000_000_000_000 {
                    mantissa = mantissa * 10 + u64::from(d - b'0');
                    exponent -= i64::from(fraction);
                } else {
                    exponent += i64::from(!fraction);
                }
            }
            p.at > from
        };
        if self.peek() == Some(b'0') {
            self.at += 1;
            any = true;
        } else {
            any |= digit(self, false);
        }
        if !any {
            return Err(self.syntax("a digit"));
        }
        if self.eat(b'.') && !digit(self, true) {
            return Err(self.syntax("a digit after `.`"));
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            let sign = if self.eat(b'-') {
                -1
            } else {
                self.eat(b'+');
                1
            };
            let from = self.at;
            let mut e: i64 = 0;
            while let Some(d @ b'0'..=b'9') = self.peek() {
                self.at += 1;
                e = (e * 10 + i64::from(d - b'0')).min(100_000);
            }
            if self.at == from {
                return Err(self.syntax("a digit in the exponent"));
            }
            exponent += sign * e;
        }
        let x = decimal(mantissa, exponent);
        Ok(Json::Number(if negative { -x } else { x }))
    }
}

/// `mantissa × 10^exponent` as the nearest f64 whenever both are exact in f64 (up to 15
/// significant digits and exponents within ±22: every number a profile holds), and within a few
/// units in the last place otherwise. Overflow gives infinity, which validation rejects.
/// Rust's correctly rounded parser carries kilobytes of tables into WebAssembly.
fn decimal(mantissa: u64, exponent: i64) -> f64 {
    use crate::num::powi;
    const EXACT: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let m = mantissa as f64;
    if mantissa == 0 || exponent < -420 {
        return 0.0;
    }
    if exponent > 420 {
        return f64::INFINITY;
    }
    match usize::try_from(exponent.unsigned_abs()) {
        Ok(e) if e < EXACT.len() && exponent >= 0 => m * EXACT[e],
        Ok(e) if e < EXACT.len() => m / EXACT[e],
        // Two steps keep each power of ten inside f64's range (10^±210 at most), so a large
        // mantissa with a tiny exponent (1e18 × 10^-325) still lands near its value.
        _ => {
            let half = (exponent / 2) as i32;
            m * powi(10.0, half) * powi(10.0, exponent as i32 - half)
        }
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
    fn parses_numbers_exactly_where_profiles_need_it() {
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
        let big = Json::parse("12345678901234567890123").unwrap();
        let Json::Number(x) = big else { panic!() };
        assert!((x / 1.2345678901234568e22 - 1.0).abs() < 1e-15);
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
