//! Reading typed fields out of a [`Json`] tree while collecting every problem with its path.
//!
//! Validation does not stop at the first error: an advocate fixing an imported file wants the
//! whole list. [`Diagnostics`] gathers errors (fatal) and warnings (advice) as the walk goes.

use crate::error::{closest, join, Error, Warning};
use crate::json::Json;

/// Most errors collected from one input; the rest would only repeat the same mistake.
pub const MAX_ERRORS: usize = 100;

/// Errors and warnings found so far.
#[derive(Debug, Default)]
pub struct Diagnostics {
    pub errors: Vec<Error>,
    pub warnings: Vec<Warning>,
}

impl Diagnostics {
    pub fn error(&mut self, e: Error) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(e);
        }
    }

    pub fn warn(&mut self, code: &'static str, path: String) {
        self.warnings.push(Warning { code, path });
    }
}

/// An object being read at `path`: duplicate keys are reported once on entry.
pub struct Obj<'a> {
    pub path: String,
    entries: &'a [(String, Json)],
}

impl<'a> Obj<'a> {
    /// Reads `value` as an object, reporting a wrong type or duplicate keys.
    pub fn new(value: &'a Json, path: String, d: &mut Diagnostics) -> Option<Obj<'a>> {
        let Json::Object(entries) = value else {
            d.error(Error::wrong_type(path, "an object", value.kind()));
            return None;
        };
        for (n, (key, _)) in entries.iter().enumerate() {
            if entries[..n].iter().any(|(k, _)| k == key) {
                d.error(Error::duplicate_key(join(&path, key), key));
            }
        }
        Some(Obj { path, entries })
    }

    /// The path of a field of this object.
    pub fn at(&self, key: &str) -> String {
        join(&self.path, key)
    }

    pub fn entries(&self) -> impl Iterator<Item = (&'a str, &'a Json)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn get(&self, key: &str) -> Option<&'a Json> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Keys that are not in `known`, each with the closest known key.
    pub fn unknown<'k>(
        &self,
        known: &'k [&'static str],
    ) -> impl Iterator<Item = (String, Option<&'static str>)> + 'k
    where
        'a: 'k,
    {
        let path = self.path.clone();
        self.entries
            .iter()
            .filter(move |(k, _)| !known.contains(&k.as_str()))
            .map(move |(k, _)| (join(&path, k), closest(k, known.iter().copied())))
    }

    /// Reports every key not in `known` as an `unknown-field` error.
    pub fn deny_unknown(&self, known: &[&'static str], d: &mut Diagnostics) {
        for (k, _) in self
            .entries
            .iter()
            .filter(|(k, _)| !known.contains(&k.as_str()))
        {
            d.error(Error::unknown_field(
                self.at(k),
                k,
                closest(k, known.iter().copied()),
            ));
        }
    }

    /// A required field.
    pub fn require(&self, key: &'static str, d: &mut Diagnostics) -> Option<&'a Json> {
        let v = self.get(key);
        if v.is_none() {
            d.error(Error::missing_field(self.path.clone(), key));
        }
        v
    }

    /// An optional string field of at most `max` characters.
    pub fn text(&self, key: &str, max: usize, d: &mut Diagnostics) -> Option<String> {
        self.get(key).and_then(|v| text(v, self.at(key), max, d))
    }
}

/// A string of at most `max` characters (not bytes: limits are about what people read).
pub fn text(v: &Json, path: String, max: usize, d: &mut Diagnostics) -> Option<String> {
    match v {
        Json::String(s) if s.chars().count() > max => {
            d.error(Error::too_long(path, max));
            None
        }
        Json::String(s) => Some(s.clone()),
        other => {
            d.error(Error::wrong_type(path, "a string", other.kind()));
            None
        }
    }
}

/// A finite number within `[min, max]`.
pub fn number(v: &Json, path: String, min: f64, max: f64, d: &mut Diagnostics) -> Option<f64> {
    match v {
        Json::Number(x) if !x.is_finite() => d.error(Error::not_finite(path)),
        Json::Number(x) if *x < min || *x > max => d.error(Error::out_of_range(path, min, max)),
        Json::Number(x) => return Some(*x),
        other => d.error(Error::wrong_type(path, "a number", other.kind())),
    }
    None
}

/// An absolute `http:` or `https:` address of at most `max` characters.
pub fn url(v: &Json, path: String, max: usize, d: &mut Diagnostics) -> Option<String> {
    let s = text(v, path.clone(), max, d)?;
    let lower = s.get(..8).unwrap_or(&s).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        s.get(8..)
    } else if lower.starts_with("http://") {
        s.get(7..)
    } else {
        None
    }
    .unwrap_or_default();
    let host_ok = !rest.is_empty() && !rest.starts_with('/');
    if !host_ok || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        d.error(Error::invalid_url(path));
        return None;
    }
    Some(s)
}

/// A `YYYY-MM-DD` date. Anything else, a date-time included, is an `invalid-date`.
pub fn date(v: &Json, path: String, d: &mut Diagnostics) -> Option<crate::date::Date> {
    let s = text(v, path.clone(), usize::MAX, d)?;
    let date = crate::date::Date::parse(&s);
    if date.is_none() {
        d.error(Error::invalid_date(path, &s));
    }
    date
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_url(s: &str) -> Option<String> {
        url(
            &Json::String(s.into()),
            "u".into(),
            2048,
            &mut Diagnostics::default(),
        )
    }

    #[test]
    fn urls_must_be_web_addresses() {
        assert!(check_url("https://www.ietf.org/about/").is_some());
        assert!(check_url("HTTP://example.org").is_some());
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "https://",
            "http:///x",
            "//x.org",
            "https://a b",
            "ftp://x",
        ] {
            assert_eq!(check_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn numbers_are_finite_and_bounded() {
        let mut d = Diagnostics::default();
        assert_eq!(
            number(&Json::Number(f64::NAN), "n".into(), 0.0, 1.0, &mut d),
            None
        );
        assert_eq!(
            number(&Json::Number(2.0), "n".into(), 0.0, 1.0, &mut d),
            None
        );
        assert_eq!(
            number(&Json::Bool(true), "n".into(), 0.0, 1.0, &mut d),
            None
        );
        let codes: Vec<_> = d.errors.iter().map(Error::code).collect();
        assert_eq!(codes, ["not-finite", "out-of-range", "wrong-type"]);
    }
}
