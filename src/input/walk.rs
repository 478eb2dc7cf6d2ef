//! Reading typed fields out of a [`Json`] tree while collecting every problem with its path.
//!
//! Validation does not stop at the first error: an advocate fixing an imported file wants the
//! whole list. [`Diagnostics`] gathers errors (fatal) and warnings (advice) as the walk goes.

use crate::input::error::{closest, Error, Warning};
use crate::input::json::Json;
use crate::input::path::Step;
use crate::prelude::*;

/// Most errors collected from one input; the rest would only repeat the same mistake.
pub(crate) const MAX_ERRORS: usize = 100;

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

    /// The first error: apart from the generic [`read`], so that each reader's copy of that
    /// stays a few bytes.
    #[inline(never)]
    fn into_first(self) -> Option<Error> {
        self.errors.into_iter().next()
    }
}

/// Reads `v` and keeps what the reader produced or the first problem it found: the contract of
/// every fallible entry point, which stops at the first error while `validate` lists them all.
pub(crate) fn read<T>(
    v: &Json,
    reader: impl FnOnce(&Json, &mut Diagnostics) -> Option<T>,
) -> Result<T, Error> {
    let mut d = Diagnostics::default();
    let value = reader(v, &mut d);
    match d.into_first() {
        Some(error) => Err(error),
        // A reader that gives up always records why; should one not, say so, don't panic.
        None => value.ok_or_else(Error::unreadable),
    }
}

/// Where a value sits in the input. Built for free while the reader descends, and spelled out as
/// a JSON path (`answers.O5.1.value`) only when an error or a warning needs it: formatting every
/// path eagerly made reading four times slower.
#[derive(Debug, Clone, Copy)]
pub struct At<'a> {
    parent: Option<&'a At<'a>>,
    /// `None` for the root.
    step: Option<Step<'a>>,
}

impl<'a> At<'a> {
    /// The whole input.
    pub const ROOT: At<'static> = At {
        parent: None,
        step: None,
    };

    /// A field of the value here.
    pub fn key(&'a self, key: &'a str) -> At<'a> {
        At {
            parent: Some(self),
            step: Some(Step::Key(key)),
        }
    }

    /// An item of the array here.
    pub fn index(&'a self, index: usize) -> At<'a> {
        At {
            parent: Some(self),
            step: Some(Step::Index(index)),
        }
    }

    /// The JSON path, e.g. `answers.O1.1.evidence[0].url`; empty for the root. Spelled as
    /// src/input/path.rs says.
    pub fn path(&self) -> String {
        let mut path = String::new();
        self.push_path(&mut path);
        path
    }

    /// Appends the path, step by step from the root.
    fn push_path(&self, path: &mut String) {
        if let Some(parent) = self.parent {
            parent.push_path(path);
        }
        if let Some(step) = self.step {
            step.push_onto(path);
        }
    }
}

/// An object being read: duplicate keys are reported once on entry.
pub(crate) struct Obj<'a> {
    pub at: At<'a>,
    entries: &'a [(String, Json)],
}

impl<'a> Obj<'a> {
    /// Reads `value` as an object, reporting a wrong type or duplicate keys.
    pub(crate) fn new(value: &'a Json, at: At<'a>, d: &mut Diagnostics) -> Option<Obj<'a>> {
        let Json::Object(entries) = value else {
            wrong_type(value, &at, "an object", d);
            return None;
        };
        for (n, (key, _)) in entries.iter().enumerate() {
            if entries[..n].iter().any(|(k, _)| k == key) {
                d.error(Error::duplicate_key(at.key(key).path(), key));
            }
        }
        Some(Obj { at, entries })
    }

    /// Where a field of this object sits.
    pub(crate) fn at<'s>(&'s self, key: &'s str) -> At<'s> {
        self.at.key(key)
    }

    pub(crate) fn entries(&self) -> impl Iterator<Item = (&'a str, &'a Json)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub(crate) fn get(&self, key: &str) -> Option<&'a Json> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Paths of the keys that are not in `known`.
    pub(crate) fn unknown(&self, known: &[&'static str]) -> Vec<String> {
        let mut paths = Vec::new();
        for (k, _) in self.entries {
            if !known.contains(&k.as_str()) {
                paths.push(self.path(k));
            }
        }
        paths
    }

    /// The JSON path of a field of this object.
    #[inline(never)]
    pub(crate) fn path(&self, key: &str) -> String {
        self.at(key).path()
    }

    /// Reports every key not in `known` as an `unknown-field` error.
    pub(crate) fn deny_unknown(&self, known: &[&'static str], d: &mut Diagnostics) {
        for (k, _) in self.entries {
            if !known.contains(&k.as_str()) {
                let suggestion = closest(k, known.iter().copied());
                d.error(Error::unknown_field(self.path(k), k, suggestion));
            }
        }
    }

    /// A required field.
    pub(crate) fn require(&self, key: &'static str, d: &mut Diagnostics) -> Option<&'a Json> {
        let v = self.get(key);
        if v.is_none() {
            d.error(Error::missing_field(self.at.path(), key));
        }
        v
    }

    /// An optional string field of at most `max` characters.
    pub(crate) fn text(&self, key: &str, max: usize, d: &mut Diagnostics) -> Option<String> {
        self.get(key).and_then(|v| text(v, self.at(key), max, d))
    }

    /// An optional URL field of at most `max` characters.
    pub(crate) fn url(&self, key: &str, max: usize, d: &mut Diagnostics) -> Option<String> {
        self.get(key).and_then(|v| url(v, self.at(key), max, d))
    }

    /// An optional date field.
    pub(crate) fn date(&self, key: &str, d: &mut Diagnostics) -> Option<crate::input::date::Date> {
        self.get(key).and_then(|v| date(v, self.at(key), d))
    }
}

/// Reports `v` as not of the `expected` type.
#[inline(never)]
pub(crate) fn wrong_type(v: &Json, at: &At, expected: &'static str, d: &mut Diagnostics) {
    d.error(Error::wrong_type(at.path(), expected, v.kind()));
}

/// A string, borrowed from the tree.
#[inline(never)]
pub(crate) fn string<'j>(v: &'j Json, at: &At, d: &mut Diagnostics) -> Option<&'j str> {
    let Json::String(s) = v else {
        wrong_type(v, at, "a string", d);
        return None;
    };
    Some(s)
}

/// A string of at most `max` characters (not bytes: limits are about what people read).
pub(crate) fn text(v: &Json, at: At, max: usize, d: &mut Diagnostics) -> Option<String> {
    let s = string(v, &at, d)?;
    // A string has at least as many bytes as characters: most are counted by their length alone.
    if s.len() > max && crate::base::num::chars(s) > max {
        d.error(Error::too_long(at.path(), max));
        return None;
    }
    Some(s.into())
}

/// A finite number within `[min, max]`.
pub(crate) fn number(v: &Json, at: At, min: f64, max: f64, d: &mut Diagnostics) -> Option<f64> {
    match v {
        Json::Number(x) if !x.is_finite() => d.error(Error::not_finite(at.path())),
        Json::Number(x) if *x < min || *x > max => {
            d.error(Error::out_of_range(at.path(), min, max))
        }
        Json::Number(x) => return Some(*x),
        other => wrong_type(other, &at, "a number", d),
    }
    None
}

/// An absolute `http:` or `https:` address of at most `max` characters.
pub(crate) fn url(v: &Json, at: At, max: usize, d: &mut Diagnostics) -> Option<String> {
    let s = text(v, at, max, d)?;
    let b = s.as_bytes();
    let scheme = |prefix: &[u8]| {
        b.get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
    };
    // Where the host starts; past the end without a scheme.
    let host = if scheme(b"https://") {
        8
    } else if scheme(b"http://") {
        7
    } else {
        b.len()
    };
    let host_ok = b.get(host).is_some_and(|&c| c != b'/');
    // Spaces and controls: for ASCII text (nearly every address) a byte test says the same as
    // decoding each character.
    let bad = |c: char| c.is_whitespace() || c.is_control();
    let spaced = if s.is_ascii() {
        b.iter().any(|&c| bad(char::from(c)))
    } else {
        s.chars().any(bad)
    };
    if !host_ok || spaced {
        d.error(Error::invalid_url(at.path()));
        return None;
    }
    Some(s)
}

/// A `YYYY-MM-DD` date. Anything else, a date-time included, is an `invalid-date`.
pub(crate) fn date(v: &Json, at: At, d: &mut Diagnostics) -> Option<crate::input::date::Date> {
    let s = string(v, &at, d)?;
    let date = crate::input::date::Date::parse(s);
    if date.is_none() {
        d.error(Error::invalid_date(at.path(), s));
    }
    date
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_url(s: &str) -> Option<String> {
        url(
            &Json::String(s.into()),
            At::ROOT,
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
    fn paths_are_spelled_out_on_demand() {
        let answers = At::ROOT.key("answers");
        let element = answers.key("O1.1");
        let evidence = element.key("evidence");
        let item = evidence.index(2);
        assert_eq!(item.key("url").path(), "answers.O1.1.evidence[2].url");
        assert_eq!(At::ROOT.path(), "");
        assert_eq!(At::ROOT.index(0).key("x").path(), "[0].x");
        // An empty key is a step of its own (tests/json-paths.json has the rest).
        assert_eq!(At::ROOT.key("").key("x").path(), "[\"\"].x");
        assert_eq!(At::ROOT.key("").index(0).path(), "[\"\"][0]");
        assert_eq!(At::ROOT.key("a").key("").key("b").path(), "a[\"\"].b");
        assert_eq!(At::ROOT.index(3).index(14).path(), "[3][14]");
    }

    #[test]
    fn numbers_are_finite_and_bounded() {
        let mut d = Diagnostics::default();
        assert_eq!(
            number(&Json::Number(f64::NAN), At::ROOT, 0.0, 1.0, &mut d),
            None
        );
        assert_eq!(number(&Json::Number(2.0), At::ROOT, 0.0, 1.0, &mut d), None);
        assert_eq!(number(&Json::Bool(true), At::ROOT, 0.0, 1.0, &mut d), None);
        let codes: Vec<_> = d.errors.iter().map(Error::code).collect();
        assert_eq!(codes, ["not-finite", "out-of-range", "wrong-type"]);
    }
}
