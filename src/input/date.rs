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
        if b.len() != 10 {
            return None;
        }
        // Year, month, day, filled digit by digit; a dash moves to the next.
        let mut fields = [0u16; 3];
        let mut field = 0;
        for (at, &c) in b.iter().enumerate() {
            if at == 4 || at == 7 {
                if c != b'-' {
                    return None;
                }
                field += 1;
            } else if c.is_ascii_digit() {
                fields[field] = fields[field] * 10 + u16::from(c - b'0');
            } else {
                return None;
            }
        }
        let [year, month, day] = fields;
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days_in_month = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (year >= 1900 && (1..=12).contains(&month) && day >= 1 && day <= days_in_month).then_some(
            Date {
                year,
                month: month as u8,
                day: day as u8,
            },
        )
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
    /// `YYYY-MM-DD`, without core's formatting machinery (see `crate::base::num::push_int`).
    pub fn iso(&self) -> String {
        let mut out = String::with_capacity(10);
        // The eight digits of YYYYMMDD, from the top place down (years are 0000–9999).
        let n = u32::from(self.year) * 10_000 + u32::from(self.month) * 100 + u32::from(self.day);
        let mut place = 10_000_000;
        for at in 0..8 {
            out.push(char::from(b'0' + (n / place % 10) as u8));
            if at == 3 || at == 5 {
                out.push('-');
            }
            place /= 10;
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

impl crate::base::text::WriteJson for Date {
    fn write_json(&self, out: &mut crate::base::text::Text) {
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

    /// The last day of every month, in common and leap years, is a date, and the day after it
    /// is not; every date that parses writes back as it was read.
    #[test]
    fn knows_the_length_of_every_month_and_round_trips() {
        const COMMON: [u8; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        for (year, leap) in [
            (1900, false),
            (2000, true),
            (2023, false),
            (2024, true),
            (2100, false),
        ] {
            for (month, &days) in (1..).zip(&COMMON) {
                let last = days + u8::from(leap && month == 2);
                let day = |d: u8| format!("{year:04}-{month:02}-{d:02}");
                for d in 1..=last {
                    assert_eq!(Date::parse(&day(d)).map(|d| d.iso()), Some(day(d)));
                }
                assert_eq!(Date::parse(&day(last + 1)), None, "{}", day(last + 1));
                assert_eq!(Date::parse(&day(0)), None, "{}", day(0));
            }
            for month in [0, 13] {
                assert_eq!(Date::parse(&format!("{year:04}-{month:02}-01")), None);
            }
        }
        for (odd, expected) in [
            ("2024-02-2x", None),
            ("2024/02/20", None),
            ("2024-0a-01", None),
            ("+024-01-01", None),
            ("2024-01-01 ", None),
            (" 2024-01-01", None),
            ("2024--1-01", None),
            ("2024-01--1", None),
            ("20240-1-01", None),
            ("2024-01-1é", None),
            ("1899-12-31", None),
            ("0000-01-01", None),
            ("9999-12-31", Some((9999, 12, 31))),
            ("1900-01-01", Some((1900, 1, 1))),
        ] {
            assert_eq!(
                Date::parse(odd).map(|d| (d.year, d.month, d.day)),
                expected,
                "{odd}"
            );
        }
    }

    #[test]
    fn writes_every_year_in_four_digits() {
        for year in [0, 7, 42, 999, 1000, 2024, 9999, 10_000, 65_535] {
            let date = Date {
                year,
                month: 3,
                day: 9,
            };
            let y = year % 10_000;
            assert_eq!(date.iso(), format!("{y:04}-03-09"));
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
