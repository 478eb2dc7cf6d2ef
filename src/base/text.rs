//! Writes output as JSON text for the JavaScript binding, where one `JSON.parse` builds the
//! whole report far faster than setting its fields one boundary crossing at a time.
//!
//! Each output type writes itself through [`WriteJson`], field by field, in the order and under
//! the names its `#[serde]` attributes give the JSON Schema (and native serde_json, which the
//! tests hold this text to): both come from one field list, the type's `json_object!` or
//! `json_enum!` declaration. A writer of its own rather than a serde `Serializer`: serde's
//! generic machinery was several kilobytes of the WebAssembly.
//!
//! Numbers the engine rounds (scores to one decimal, shares to three) and whole numbers are
//! written exactly with integer arithmetic. Any other number (a caller's weight or value) is left
//! as a marker, `\u{1}N\u{1}`, and handed aside in [`Text::floats`], for JavaScript's own
//! shortest-round-trip formatting to fill in: float printing would add tens of kilobytes to the
//! WebAssembly. The marker byte cannot occur in the text otherwise, because control characters
//! inside JSON strings are always escaped.

use crate::prelude::*;

/// JSON text with the numbers it could not write exactly.
#[derive(Debug, Default, PartialEq)]
pub struct Text {
    pub json: String,
    pub floats: Vec<f64>,
    /// Whether every character past ASCII is written as `\u` escapes, so that the text is ASCII
    /// ([`to_ascii_text`]).
    pub ascii: bool,
}

/// A value that writes itself as JSON.
pub trait WriteJson {
    fn write_json(&self, out: &mut Text);
}

/// Writes `value`, its strings as serde_json writes them.
pub fn to_text<T: WriteJson + ?Sized>(value: &T) -> Text {
    write(value, false)
}

/// Writes `value` as ASCII text, every other character as `\u` escapes (a pair for one past the
/// Basic Multilingual Plane): the same JSON value as [`to_text`]'s. The binding hands the report
/// over this way because JavaScript turns ASCII bytes into a string several times faster than
/// it decodes UTF-8 (docs/decisions/0006-ascii-report-text.md).
pub fn to_ascii_text<T: WriteJson + ?Sized>(value: &T) -> Text {
    write(value, true)
}

fn write<T: WriteJson + ?Sized>(value: &T, ascii: bool) -> Text {
    // Reports are some ten kilobytes: one allocation up front instead of a dozen regrowths.
    let mut out = Text {
        json: String::with_capacity(16 * 1024),
        floats: Vec::new(),
        ascii,
    };
    value.write_json(&mut out);
    out
}

impl Text {
    /// Opens an object, whose fields follow until [`Text::end_object`].
    pub fn begin_object(&mut self) {
        self.json.push('{');
    }

    pub fn end_object(&mut self) {
        self.json.push('}');
    }

    /// Writes `"key":` for the value that follows.
    pub fn key(&mut self, key: &str) {
        self.separate();
        self.string(key);
        self.json.push(':');
    }

    pub fn field<T: WriteJson + ?Sized>(&mut self, key: &str, value: &T) {
        self.key(key);
        value.write_json(self);
    }

    /// A field left out when `None` (serde's `skip_serializing_if = "Option::is_none"`).
    pub fn field_if_some<T: WriteJson>(&mut self, key: &str, value: &Option<T>) {
        if let Some(value) = value {
            self.field(key, value);
        }
    }

    /// A comma, unless the key or item to come is the first of its object or array: the text
    /// itself says so, as only an opening bracket ends it then.
    fn separate(&mut self) {
        if !matches!(self.json.as_bytes().last(), None | Some(b'{' | b'[')) {
            self.json.push(',');
        }
    }

    fn null(&mut self) {
        self.json.push_str("null");
    }

    pub fn number(&mut self, x: f64) {
        if !x.is_finite() {
            self.null();
            return;
        }
        for scale in [1.0, 10.0, 1000.0] {
            let scaled = crate::base::num::round(x * scale);
            if scaled.abs() < 9.0e15 && scaled / scale == x {
                self.decimal(scaled as i64, scale as i64);
                return;
            }
        }
        self.json.push('\u{1}');
        self.integer(self.floats.len() as i64);
        self.json.push('\u{1}');
        self.floats.push(x);
    }

    /// `units / scale` as a decimal (scale 1, 10 or 1000).
    fn decimal(&mut self, units: i64, scale: i64) {
        if units < 0 {
            self.json.push('-');
        }
        let units = units.unsigned_abs() as i64;
        self.integer(units / scale);
        let mut fraction = units % scale;
        if fraction == 0 {
            return;
        }
        self.json.push('.');
        let mut place = scale / 10;
        while fraction > 0 {
            self.json.push(char::from(b'0' + (fraction / place) as u8));
            fraction %= place;
            place /= 10;
        }
    }

    fn integer(&mut self, n: i64) {
        crate::base::num::push_int(&mut self.json, n);
    }

    /// A JSON string, escaped as serde_json does: quote, backslash and the control characters,
    /// those without a short escape as `\u00XX`.
    pub fn string(&mut self, s: &str) {
        self.json.push('"');
        let ascii = self.ascii;
        let needs_escape = |b: &u8| matches!(b, b'"' | b'\\' | 0..=0x1f) || (ascii && *b >= 0x80);
        // Bytes before `plain` are written: each pass copies the run up to the next byte that
        // needs an escape, then writes that character escaped.
        let mut plain = 0;
        loop {
            let rest = s.as_bytes().get(plain..).unwrap_or_default();
            let Some(run) = rest.iter().position(needs_escape) else {
                break;
            };
            let at = plain + run;
            // Every split falls where a character starts, so the slices stay whole characters.
            self.json.push_str(s.get(plain..at).unwrap_or_default());
            let escape = match rest.get(run) {
                Some(b'"') => "\\\"",
                Some(b'\\') => "\\\\",
                Some(b'\n') => "\\n",
                Some(b'\r') => "\\r",
                Some(b'\t') => "\\t",
                _ => "",
            };
            if escape.is_empty() {
                // A control character, or in ASCII mode any past ASCII: `\u` and four hex digits
                // per UTF-16 code unit.
                let c = s.get(at..).and_then(|rest| rest.chars().next());
                let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
                plain = at + c.len_utf8();
                for unit in c.encode_utf16(&mut [0; 2]) {
                    self.json.push_str("\\u");
                    for shift in [12, 8, 4, 0] {
                        const HEX: &[u8; 16] = b"0123456789abcdef";
                        self.json
                            .push(char::from(HEX[usize::from((*unit >> shift) & 15)]));
                    }
                }
            } else {
                plain = at + 1;
                self.json.push_str(escape);
            }
        }
        self.json.push_str(s.get(plain..).unwrap_or_default());
        self.json.push('"');
    }
}

/// Writes an object's fields without its braces: what `json_object!` generates, so that a
/// `#[serde(flatten)]` field can write its fields into the object around it.
pub(crate) trait WriteFields {
    fn write_fields(&self, out: &mut Text);
}

/// Declares an output struct and its [`WriteJson`] from one field list, so that the JSON Schema
/// (schemars, from the `#[serde]` attributes) and this writer cannot name or skip a field
/// differently.
///
/// Each field is `pub name: Type`, or `pub name as "jsonName": Type` where the JSON name differs
/// from the Rust one (the struct then has no `rename_all`: every such name is spelled out). A
/// field takes its doc comments and at most one of these `#[serde]` attributes, which the writer
/// follows too:
///
/// - `skip_serializing_if = "Option::is_none"`, `"Vec::is_empty"` or `"core::ops::Not::not"`
///   (left out when `None`, empty or `false`);
/// - `flatten`, for a field whose type is itself declared here (its fields written inline);
/// - `skip` (not written at all).
///
/// Any other attribute is a compile error here rather than a silent difference. The doc comments
/// are the schema's descriptions, line breaks included: rewrapping one changes the schema.
macro_rules! json_object {
    (
        $(#[$attr:meta])*
        pub struct $Name:ident {
            $(
                $(#[doc = $doc:literal])*
                $(#[serde($($serde:tt)*)])?
                pub $field:ident $(as $json:literal)? : $ty:ty
            ),* $(,)?
        }
    ) => {
        $(#[$attr])*
        pub struct $Name {
            $(
                $(#[doc = $doc])*
                $(#[serde(rename = $json)])?
                $(#[serde($($serde)*)])?
                pub $field: $ty,
            )*
        }

        impl $crate::base::text::WriteFields for $Name {
            // Inlined into the one `write_json` (or flattening object) that calls it: out of line,
            // one function per type cost some 4 KB of the WebAssembly.
            #[inline]
            fn write_fields(&self, out: &mut $crate::base::text::Text) {
                $(
                    $crate::base::text::json_object!(
                        @field out, [$($($serde)*)?],
                        $crate::base::text::json_object!(@key $field $($json)?),
                        &self.$field
                    );
                )*
            }
        }

        impl $crate::base::text::WriteJson for $Name {
            fn write_json(&self, out: &mut $crate::base::text::Text) {
                out.begin_object();
                $crate::base::text::WriteFields::write_fields(self, out);
                out.end_object();
            }
        }
    };
    (@key $field:ident) => { stringify!($field) };
    (@key $field:ident $json:literal) => { $json };
    (@field $out:ident, [], $key:expr, $value:expr) => { $out.field($key, $value) };
    (@field $out:ident, [skip_serializing_if = "Option::is_none"], $key:expr, $value:expr) => {
        $out.field_if_some($key, $value)
    };
    (@field $out:ident, [skip_serializing_if = "Vec::is_empty"], $key:expr, $value:expr) => {
        if !$value.is_empty() {
            $out.field($key, $value)
        }
    };
    (@field $out:ident, [skip_serializing_if = "core::ops::Not::not"], $key:expr, $value:expr) => {
        if *$value {
            $out.field($key, $value)
        }
    };
    (@field $out:ident, [flatten], $key:expr, $value:expr) => {
        $crate::base::text::WriteFields::write_fields($value, $out)
    };
    (@field $out:ident, [skip], $key:expr, $value:expr) => {};
}
pub(crate) use json_object;

/// Declares a unit-like enum written as a string, with each variant's string given once: the
/// JSON Schema's (as `#[serde(rename)]`), the writer's, and [`IDS`](#associatedconstant.IDS) in
/// declaration order for the reader, where a position picks the variant.
macro_rules! json_enum {
    (
        $(#[$attr:meta])*
        pub enum $Name:ident {
            $(
                $(#[$vattr:meta])*
                $Variant:ident as $json:literal
            ),* $(,)?
        }
    ) => {
        $(#[$attr])*
        pub enum $Name {
            $(
                $(#[$vattr])*
                #[serde(rename = $json)]
                $Variant,
            )*
        }

        impl $Name {
            /// Every variant's JSON string, in declaration order.
            pub const IDS: &'static [&'static str] = &[$($json),*];

            /// Every variant, in declaration order (the order of [`IDS`](Self::IDS)).
            #[allow(dead_code)]
            pub const ALL: &'static [Self] = &[$(Self::$Variant),*];

            /// This variant's JSON string.
            pub const fn id(self) -> &'static str {
                Self::IDS[self as usize]
            }
        }

        impl $crate::base::text::WriteJson for $Name {
            fn write_json(&self, out: &mut $crate::base::text::Text) {
                out.string(self.id());
            }
        }
    };
}
pub(crate) use json_enum;

impl WriteJson for bool {
    fn write_json(&self, out: &mut Text) {
        out.json.push_str(if *self { "true" } else { "false" });
    }
}

impl WriteJson for f64 {
    fn write_json(&self, out: &mut Text) {
        out.number(*self);
    }
}

impl WriteJson for usize {
    fn write_json(&self, out: &mut Text) {
        out.integer(*self as i64);
    }
}

impl WriteJson for u32 {
    fn write_json(&self, out: &mut Text) {
        out.integer(i64::from(*self));
    }
}

impl WriteJson for str {
    fn write_json(&self, out: &mut Text) {
        out.string(self);
    }
}

impl WriteJson for String {
    fn write_json(&self, out: &mut Text) {
        out.string(self);
    }
}

impl<T: WriteJson + ?Sized> WriteJson for &T {
    fn write_json(&self, out: &mut Text) {
        (**self).write_json(out);
    }
}

/// `null` for `None`.
impl<T: WriteJson> WriteJson for Option<T> {
    fn write_json(&self, out: &mut Text) {
        match self {
            Some(value) => value.write_json(out),
            None => out.null(),
        }
    }
}

impl<T: WriteJson> WriteJson for [T] {
    fn write_json(&self, out: &mut Text) {
        out.json.push('[');
        for item in self {
            out.separate();
            item.write_json(out);
        }
        out.json.push(']');
    }
}

impl<T: WriteJson> WriteJson for Vec<T> {
    fn write_json(&self, out: &mut Text) {
        self.as_slice().write_json(out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text with the floats put back as JavaScript would, parsed.
    fn parsed(text: &Text) -> serde_json::Value {
        let mut json = String::new();
        let mut parts = text.json.split('\u{1}');
        json.push_str(parts.next().unwrap());
        while let (Some(index), Some(rest)) = (parts.next(), parts.next()) {
            json.push_str(
                &serde_json::to_string(&text.floats[index.parse::<usize>().unwrap()]).unwrap(),
            );
            json.push_str(rest);
        }
        serde_json::from_str(&json).unwrap()
    }

    #[test]
    fn exact_numbers_inline_others_aside() {
        let values = [
            0.0,
            -0.0,
            1.0,
            59.3,
            100.0,
            0.952,
            1e15,
            -2.5,
            1.0 / 3.0,
            1234.5678,
            0.1 + 0.2,
            9e15,
            1e-7,
        ];
        let text = to_text(&values[..]);
        assert_eq!(text.json, "[0,0,1,59.3,100,0.952,1000000000000000,-2.5,\u{1}0\u{1},\u{1}1\u{1},\u{1}2\u{1},\u{1}3\u{1},\u{1}4\u{1}]");
        assert_eq!(text.floats, [1.0 / 3.0, 1234.5678, 0.1 + 0.2, 9e15, 1e-7]);
        let back: Vec<f64> = serde_json::from_value(parsed(&text)).unwrap();
        assert_eq!(
            back.iter().map(|x| x.to_bits()).collect::<Vec<_>>()[2..],
            values.map(f64::to_bits)[2..]
        );
    }

    #[test]
    fn strings_escaped_as_serde_json_does() {
        // Every ASCII character but backspace and form feed, which serde_json writes as `\b` and
        // `\f`, and this writer as `\u0008` and `\u000c` (the same string to `JSON.parse`).
        let ascii: String = (0..=0x7f_u8)
            .filter(|b| !matches!(b, 8 | 12))
            .map(char::from)
            .collect();
        let strings = ["a\"b\\c\n\u{1}\u{1f}é😀", "</script>", "", &ascii];
        let text = to_text(&strings[..]);
        assert_eq!(text.json, serde_json::to_string(&strings).unwrap());
        assert_eq!(to_text("\u{8}\u{c}").json, r#""\u0008\u000c""#);
    }

    #[test]
    fn ascii_text_is_the_same_json_value() {
        let strings = [
            "a\"b\\c\n\u{1}\u{1f}é😀",
            "中文 عربي\u{202e}",
            "\u{7f}\u{80}\u{ffff}",
            "",
            "plain",
        ];
        let text = to_ascii_text(&strings[..]);
        assert!(text.json.is_ascii(), "{}", text.json);
        let back: Vec<String> = serde_json::from_str(&text.json).unwrap();
        assert_eq!(back, strings);
        // One escape per UTF-16 unit: a surrogate pair past the Basic Multilingual Plane.
        assert_eq!(to_ascii_text("é😀x").json, r#""\u00e9\ud83d\ude00x""#);
        // Without ASCII mode, the same text as before.
        assert_eq!(to_text("é😀").json, "\"é😀\"");
    }
}
