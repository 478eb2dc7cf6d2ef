//! A JSON tree that keeps what serde's maps throw away: duplicate keys and key order.
//!
//! Every input (JSON text, or a JavaScript value through serde-wasm-bindgen) is first read into
//! this tree under hard limits on depth, node count and string length, so hostile input (deep
//! nesting, cyclic objects, huge strings) ends in a coded error instead of a stack overflow or an
//! exhausted memory. Validation then walks the tree with exact JSON paths.

use crate::error::Error;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::cell::Cell;
use std::fmt;

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
    /// Longest string, in bytes, before field-specific limits apply.
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

    /// Parses JSON text.
    ///
    /// # Errors
    ///
    /// `too-large` beyond [`limits::MAX_BYTES`], `invalid-json` for a syntax error, and the
    /// limit errors of [`Json::from_deserializer`].
    pub fn parse(text: &str) -> Result<Json, Error> {
        if text.len() > limits::MAX_BYTES {
            return Err(Error::too_large(String::new(), limits::MAX_BYTES));
        }
        let mut de = serde_json::Deserializer::from_str(text);
        // Our own depth limit is stricter; serde_json's recursion guard stays as a backstop.
        let value = Json::from_deserializer(&mut de).map_err(|e| match e {
            Fallible::Limit(err) => err,
            Fallible::Other(msg) => Error::invalid_json(msg),
        })?;
        de.end().map_err(|e| Error::invalid_json(e.to_string()))?;
        Ok(value)
    }

    /// Reads any serde data source into a tree, enforcing [`limits`].
    ///
    /// # Errors
    ///
    /// [`Fallible::Limit`] with `too-deep`, `too-large` or `too-long`; [`Fallible::Other`] with the
    /// source's own message for anything else it cannot represent.
    pub fn from_deserializer<'de, D: Deserializer<'de>>(de: D) -> Result<Json, Fallible> {
        let budget = Budget {
            nodes: Cell::new(0),
            hit: Cell::new(None),
        };
        let result = Seed {
            budget: &budget,
            depth: 0,
        }
        .deserialize(de);
        if let Some(err) = budget.hit.take() {
            return Err(Fallible::Limit(err));
        }
        result.map_err(|e: D::Error| Fallible::Other(e.to_string()))
    }

    /// The entry for `key` in an object, if any (the first, when duplicated).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Why a tree could not be read.
#[derive(Debug)]
pub enum Fallible {
    /// A limit was hit: already a coded error.
    Limit(Error),
    /// The data source failed; its message.
    Other(String),
}

struct Budget {
    nodes: Cell<usize>,
    hit: Cell<Option<Error>>,
}

impl Budget {
    /// Records the first limit hit and returns a serde error to unwind with.
    fn exceed<E: de::Error>(&self, err: Error) -> E {
        let first = self.hit.take().unwrap_or(err);
        self.hit.set(Some(first));
        E::custom("input limit exceeded")
    }

    /// Adds one step of the JSON path to a limit error while the parse unwinds through it.
    fn within<E>(&self, step: impl FnOnce(Error) -> Error, e: E) -> E {
        if let Some(err) = self.hit.take() {
            self.hit.set(Some(step(err)));
        }
        e
    }
}

#[derive(Clone, Copy)]
struct Seed<'b> {
    budget: &'b Budget,
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Json;
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Json, D::Error> {
        let count = self.budget.nodes.get() + 1;
        if count > limits::MAX_NODES {
            return Err(self
                .budget
                .exceed(Error::too_large(String::new(), limits::MAX_NODES)));
        }
        self.budget.nodes.set(count);
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<Json, D::Error> {
        self.deserialize(de)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Number(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Json, E> {
        self.string(v)
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Json, E> {
        self.string(&v)
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Json, E> {
        Err(E::custom("binary data is not JSON"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let inner = self.nested()?;
        let mut items = Vec::new();
        while let Some(item) = seq
            .next_element_seed(inner)
            .map_err(|e| self.budget.within(|err| err.within_index(items.len()), e))?
        {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let inner = self.nested()?;
        let mut entries = Vec::new();
        while let Some(key) = map.next_key_seed(KeySeed(self.budget))? {
            let value = map
                .next_value_seed(inner)
                .map_err(|e| self.budget.within(|err| err.within_key(&key), e))?;
            entries.push((key, value));
        }
        Ok(Json::Object(entries))
    }
}

impl Seed<'_> {
    fn nested<E: de::Error>(self) -> Result<Self, E> {
        if self.depth >= limits::MAX_DEPTH {
            return Err(self
                .budget
                .exceed(Error::too_deep(String::new(), limits::MAX_DEPTH)));
        }
        Ok(Seed {
            budget: self.budget,
            depth: self.depth + 1,
        })
    }

    fn string<E: de::Error>(self, v: &str) -> Result<Json, E> {
        check_length(self.budget, v)?;
        Ok(Json::String(v.to_owned()))
    }
}

fn check_length<E: de::Error>(budget: &Budget, v: &str) -> Result<(), E> {
    if v.len() > limits::MAX_STRING_BYTES {
        return Err(budget.exceed(Error::too_long(String::new(), limits::MAX_STRING_BYTES)));
    }
    Ok(())
}

/// Object keys: strings only, under the same length limit.
struct KeySeed<'b>(&'b Budget);

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = String;
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<String, D::Error> {
        de.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        check_length(self.0, v)?;
        Ok(v.to_owned())
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        check_length(self.0, &v)?;
        Ok(v)
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
    fn rejects_long_keys() {
        let text = format!("{{\"{}\":1}}", "k".repeat(limits::MAX_STRING_BYTES + 1));
        assert_eq!(Json::parse(&text).unwrap_err().code(), "too-long");
    }
}
