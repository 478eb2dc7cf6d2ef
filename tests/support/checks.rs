//! Checks shared by the test suites and the fuzz targets (tests/properties.rs, tests/snapshots.rs,
//! tests/support/fuzz_checks.rs and through it fuzz/): every figure in range and bounded, and the
//! binding's JSON text held to serde_json's writing of the same value. Each includer uses a part.
#![allow(dead_code)]

use sdo_openness::text::{to_text, Text, WriteJson};
use serde::Serialize;
use serde_json::ser::{CharEscape, CompactFormatter, Formatter};

/// A score and its bounds: each in 0–100 at one decimal, both bounds or none, and
/// `lower ≤ score ≤ upper`.
pub fn check_bounds(what: &str, score: Option<f64>, lower: Option<f64>, upper: Option<f64>) {
    for x in [score, lower, upper].into_iter().flatten() {
        assert!((0.0..=100.0).contains(&x), "{what}: {x} outside 0–100");
        assert_eq!(
            (x * 10.0).round() / 10.0,
            x,
            "{what}: {x} not at one decimal"
        );
    }
    assert_eq!(lower.is_some(), upper.is_some(), "{what}: one bound only");
    if let Some(score) = score {
        let (lower, upper) = (lower.expect(what), upper.expect(what));
        assert!(
            lower <= score && score <= upper,
            "{what}: {lower} ≤ {score} ≤ {upper}"
        );
    }
    if let (Some(lower), Some(upper)) = (lower, upper) {
        assert!(lower <= upper, "{what}: {lower} ≤ {upper}");
    }
}

/// The JSON text the binding hands JavaScript (src/base/text.rs), its set-aside numbers filled in as
/// JavaScript does; checked to be serde_json's writing of the same value, byte for byte.
pub fn binding_text<T: WriteJson + Serialize>(value: &T) -> String {
    let text = filled(&to_text(value));
    let mut expected = Vec::new();
    value
        .serialize(&mut serde_json::Serializer::with_formatter(
            &mut expected,
            BindingNumbers,
        ))
        .expect("serializes");
    assert_eq!(text, String::from_utf8(expected).unwrap(), "binding text");
    text
}

/// The text with each marker `\u{1}N\u{1}` replaced by the shortest writing of `floats[N]`.
fn filled(text: &Text) -> String {
    let mut parts = text.json.split('\u{1}');
    let mut json = parts.next().unwrap_or_default().to_string();
    while let (Some(index), Some(rest)) = (parts.next(), parts.next()) {
        let x = text.floats[index.parse::<usize>().expect("a marker holds an index")];
        json.push_str(&serde_json::to_string(&x).unwrap());
        json.push_str(rest);
    }
    json
}

/// serde_json's compact writing with numbers and escapes as the binding writes them: `1`, not
/// `1.0` (JavaScript has one number type), and `\u0008` and `\u000c` for `\b` and `\f`
/// (deliberately: see `strings_escaped_as_serde_json_does` in src/base/text.rs).
struct BindingNumbers;

impl Formatter for BindingNumbers {
    fn write_f64<W: ?Sized + std::io::Write>(&mut self, w: &mut W, x: f64) -> std::io::Result<()> {
        w.write_all(filled(&to_text(&x)).as_bytes())
    }

    fn write_char_escape<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        escape: CharEscape,
    ) -> std::io::Result<()> {
        match escape {
            CharEscape::Backspace => w.write_all(b"\\u0008"),
            CharEscape::FormFeed => w.write_all(b"\\u000c"),
            other => CompactFormatter.write_char_escape(w, other),
        }
    }
}
