//! Calendar dates as the profile writes them (`YYYY-MM-DD`), with just the arithmetic the
//! warnings need. No clock: the caller says what "today" is, so scoring stays deterministic.

use crate::prelude::*;
use core::fmt;
use serde::{Serialize, Serializer};

/// A proleptic Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// Parses exactly `YYYY-MM-DD` and checks the day exists (leap years included).
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: core::ops::Range<usize>| -> Option<u16> {
            b[r].iter().try_fold(0u16, |n, &c| {
                c.is_ascii_digit().then(|| n * 10 + u16::from(c - b'0'))
            })
        };
        let (year, month, day) = (num(0..4)?, num(5..7)? as u8, num(8..10)? as u8);
        let date = Date { year, month, day };
        (year >= 1900 && (1..=12).contains(&month) && day >= 1 && day <= date.days_in_month())
            .then_some(date)
    }

    fn leap(&self) -> bool {
        let y = self.year;
        y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
    }

    fn days_in_month(&self) -> u8 {
        match self.month {
            2 if self.leap() => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    /// Days since 1970-01-01 (negative before it), by the civil-from-days algorithm.
    pub fn days(&self) -> i64 {
        let (mut y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        if m <= 2 {
            y -= 1;
        }
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl Date {
    /// `YYYY-MM-DD`, without core's formatting machinery (see `crate::num::push_int`).
    pub fn iso(&self) -> String {
        let mut out = String::with_capacity(10);
        // Ten characters, digit by digit from a place value: years are 0000–9999.
        for (n, place) in [
            (self.year, 1000),
            (self.month.into(), 10),
            (self.day.into(), 10),
        ] {
            if !out.is_empty() {
                out.push('-');
            }
            let mut place: u16 = place;
            while place > 0 {
                out.push(char::from(b'0' + (n / place % 10) as u8));
                place /= 10;
            }
        }
        out
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl crate::text::WriteJson for Date {
    fn write_json(&self, out: &mut crate::text::Text) {
        out.string(&self.iso());
    }
}

impl schemars::JsonSchema for Date {
    fn schema_name() -> alloc::borrow::Cow<'static, str> {
        "IsoDate".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "format": "date", "description": "A calendar date, YYYY-MM-DD." })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_dates_only() {
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.to_string()).as_deref(),
            Some("2024-02-29")
        );
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-1-01",
            "24-01-01",
            "2024-01-32",
            "２０２４-01-01",
            "",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn counts_days() {
        assert_eq!(Date::parse("1970-01-01").unwrap().days(), 0);
        assert_eq!(Date::parse("2000-03-01").unwrap().days(), 11_017);
        let (a, b) = (
            Date::parse("2025-11-23").unwrap(),
            Date::parse("2026-11-23").unwrap(),
        );
        assert_eq!(b.days() - a.days(), 365);
    }
}
