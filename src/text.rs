//! Serializes output as JSON text for the JavaScript binding, where one `JSON.parse` builds the
//! whole report far faster than setting its fields one boundary crossing at a time.
//!
//! Numbers the engine rounds (scores to one decimal, shares to three) and whole numbers are
//! written exactly with integer arithmetic. Any other number (a caller's weight or value) is left
//! as a marker, `\u{1}N\u{1}`, and handed aside in [`Text::floats`], for JavaScript's own
//! shortest-round-trip formatting to fill in: float printing would add tens of kilobytes to the
//! WebAssembly. The marker byte cannot occur in the text otherwise, because control characters
//! inside JSON strings are always escaped.

use crate::prelude::*;
use core::fmt::{self, Display};
use serde::ser::{self, Serialize};

/// JSON text with the numbers it could not write exactly.
#[derive(Debug, Default, PartialEq)]
pub struct Text {
    pub json: String,
    pub floats: Vec<f64>,
}

/// Serializes `value`.
///
/// # Errors
///
/// Only what a `Serialize` implementation itself reports; the engine's types report none.
pub fn to_text<T: Serialize + ?Sized>(value: &T) -> Result<Text, Failure> {
    // Reports are some ten kilobytes: one allocation up front instead of a dozen regrowths.
    let mut out = Text {
        json: String::with_capacity(16 * 1024),
        floats: Vec::new(),
    };
    value.serialize(&mut out)?;
    Ok(out)
}

/// A serialization failure (never produced by the engine's own types).
#[derive(Debug)]
pub struct Failure;

impl Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("value cannot be written as JSON")
    }
}

impl core::error::Error for Failure {}

impl ser::Error for Failure {
    fn custom<T: Display>(_: T) -> Self {
        Failure
    }
}

impl Text {
    fn number(&mut self, x: f64) {
        if !x.is_finite() {
            self.json.push_str("null");
            return;
        }
        for scale in [1.0, 10.0, 1000.0] {
            let scaled = crate::num::round(x * scale);
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
        crate::num::push_int(&mut self.json, n);
    }

    fn string(&mut self, s: &str) {
        self.json.push('"');
        let mut plain = 0;
        for (at, b) in s.bytes().enumerate() {
            let escape = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0..=0x1f => "",
                _ => continue,
            };
            // Every byte split on is ASCII, so the slices stay whole characters.
            self.json.push_str(s.get(plain..at).unwrap_or_default());
            plain = at + 1;
            if escape.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.json.push_str("\\u00");
                self.json.push(char::from(HEX[usize::from(b >> 4)]));
                self.json.push(char::from(HEX[usize::from(b & 15)]));
            } else {
                self.json.push_str(escape);
            }
        }
        self.json.push_str(s.get(plain..).unwrap_or_default());
        self.json.push('"');
    }
}

/// Writes arrays, objects and maps, separating their items.
pub struct Compound<'a> {
    out: &'a mut Text,
    first: bool,
    close: char,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !self.first {
            self.out.json.push(',');
        }
        self.first = false;
    }
    fn key(&mut self, key: &str) {
        self.comma();
        self.out.string(key);
        self.out.json.push(':');
    }
}

impl<'a> ser::Serializer for &'a mut Text {
    type Ok = ();
    type Error = Failure;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = ser::Impossible<(), Failure>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = ser::Impossible<(), Failure>;

    fn serialize_bool(self, v: bool) -> Result<(), Failure> {
        self.json.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Failure> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Failure> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Failure> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), Failure> {
        self.integer(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Failure> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), Failure> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), Failure> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), Failure> {
        self.serialize_i64(i64::try_from(v).map_err(|_| Failure)?)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Failure> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Failure> {
        self.number(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Failure> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Failure> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Failure> {
        Err(Failure)
    }
    fn serialize_none(self) -> Result<(), Failure> {
        self.json.push_str("null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Failure> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Failure> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Failure> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Failure> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Failure> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Failure> {
        self.json.push('{');
        self.string(variant);
        self.json.push(':');
        value.serialize(&mut *self)?;
        self.json.push('}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Failure> {
        self.json.push('[');
        Ok(Compound {
            out: self,
            first: true,
            close: ']',
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Failure> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Compound<'a>, Failure> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Failure> {
        Err(Failure)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Failure> {
        self.json.push('{');
        Ok(Compound {
            out: self,
            first: true,
            close: '}',
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Compound<'a>, Failure> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Failure> {
        Err(Failure)
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Failure;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Failure> {
        self.comma();
        value.serialize(&mut *self.out)
    }
    fn end(self) -> Result<(), Failure> {
        self.out.json.push(self.close);
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Failure;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Failure> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Failure> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Failure;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Failure> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Failure> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Failure;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Failure> {
        self.comma();
        key.serialize(&mut *self.out)?;
        self.out.json.push(':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Failure> {
        value.serialize(&mut *self.out)
    }
    fn end(self) -> Result<(), Failure> {
        self.out.json.push(self.close);
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Failure;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Failure> {
        self.key(key);
        value.serialize(&mut *self.out)
    }
    fn end(self) -> Result<(), Failure> {
        self.out.json.push(self.close);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Numbers as f64, so that `70` and `70.0` compare equal.
    fn floats(v: serde_json::Value) -> serde_json::Value {
        use serde_json::Value;
        match v {
            Value::Number(n) => serde_json::json!(n.as_f64().unwrap()),
            Value::Array(items) => Value::Array(items.into_iter().map(floats).collect()),
            Value::Object(map) => {
                Value::Object(map.into_iter().map(|(k, v)| (k, floats(v))).collect())
            }
            other => other,
        }
    }

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
        let text = to_text(&values).unwrap();
        assert_eq!(text.json, "[0,0,1,59.3,100,0.952,1000000000000000,-2.5,\u{1}0\u{1},\u{1}1\u{1},\u{1}2\u{1},\u{1}3\u{1},\u{1}4\u{1}]");
        assert_eq!(text.floats, [1.0 / 3.0, 1234.5678, 0.1 + 0.2, 9e15, 1e-7]);
        let back: Vec<f64> = serde_json::from_value(parsed(&text)).unwrap();
        assert_eq!(
            back.iter().map(|x| x.to_bits()).collect::<Vec<_>>()[2..],
            values.map(f64::to_bits)[2..]
        );
    }

    #[test]
    fn whole_reports_match_serde_json() {
        let profile =
            crate::Json::parse(&std::fs::read_to_string("examples/profile.json").unwrap()).unwrap();
        let options = crate::Json::parse(r#"{"weights":{"O1":12.345,"I2":0.1}}"#).unwrap();
        let report = crate::score(&profile, Some(&options)).unwrap();
        assert_eq!(
            floats(parsed(&to_text(&report).unwrap())),
            floats(serde_json::to_value(&report).unwrap())
        );
        let strings = ["a\"b\\c\n\u{1}\u{1f}é😀", "</script>"];
        assert_eq!(
            parsed(&to_text(&strings).unwrap()),
            serde_json::to_value(strings).unwrap()
        );
    }
}
