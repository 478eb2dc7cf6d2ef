#![cfg(not(target_arch = "wasm32"))]
//! JSON numbers are read to the nearest f64, ties to even, exactly as `str::parse::<f64>` reads
//! them: whatever a caller writes (Rust's or JavaScript's shortest form, 17 digits, long
//! decimals, values halfway between two floats) comes back bit for bit. A number beyond f64 reads
//! as infinite, which the engine rejects as `not-finite` where a number counts (the JavaScript
//! binding sends NaN and the infinities as `1e999` and `-1e999` on purpose).

use proptest::prelude::*;
use sdo_openness::{score, Json, SCHEMA};

/// The number `text` parses to through `Json::parse`.
fn read(text: &str) -> f64 {
    match Json::parse(text) {
        Ok(Json::Number(x)) => x,
        other => panic!("{text:?} read as {other:?}"),
    }
}

/// What Rust's own (correctly rounded) parser makes of `text`.
fn std_read(text: &str) -> f64 {
    text.parse().expect("a valid float literal")
}

fn assert_same(text: &str, expected: f64) {
    let got = read(text);
    assert_eq!(
        got.to_bits(),
        expected.to_bits(),
        "{text:?} read as {got:e}, expected {expected:e}"
    );
}

/// Every finite f64, uniformly over its bits: each exponent, subnormals, both zeros.
fn finite() -> impl Strategy<Value = f64> {
    any::<u64>()
        .prop_map(f64::from_bits)
        .prop_filter("finite", |x| x.is_finite())
}

/// A JSON number (RFC 8259 grammar) with up to 40 significant digits, any placement of the
/// decimal point and an exponent in -400..400, often past f64's range both ways.
fn decimal() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        proptest::collection::vec(0u8..10, 1..=40),
        any::<prop::sample::Index>(),
        prop::option::of((-400i32..400, any::<bool>(), any::<bool>())),
    )
        .prop_map(|(negative, digits, point, exponent)| {
            let digits: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
            let point = point.index(digits.len() + 1);
            let (whole, fraction) = digits.split_at(point);
            let whole = whole.trim_start_matches('0');
            let mut text = String::from(if negative { "-" } else { "" });
            text.push_str(if whole.is_empty() { "0" } else { whole });
            if !fraction.is_empty() {
                text.push('.');
                text.push_str(fraction);
            }
            if let Some((e, upper, plus)) = exponent {
                text.push(if upper { 'E' } else { 'e' });
                if plus && e >= 0 {
                    text.push('+');
                }
                text.push_str(&e.to_string());
            }
            text
        })
}

/// The exact decimal value of finite `x`, as digits of `x × 10^1075` (every f64 is a multiple
/// of 2^-1074, so 1074 decimal places hold it exactly; one more holds a midpoint).
fn scaled_digits(x: f64) -> Vec<u8> {
    let text = format!("{:.1075}", x.abs());
    text.bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect()
}

/// The decimal exactly halfway between finite positive `x` and the next f64 up, with `keep`
/// significant digits when that cuts it short (just below the midpoint: rounds down), or with
/// a 1 appended far past its end when `above` (just over it: rounds up). Written `d.ddde±n`.
fn near_midpoint(x: f64, keep: Option<usize>, above: bool) -> String {
    let next = f64::from_bits(x.to_bits() + 1);
    let (a, b) = (scaled_digits(x), scaled_digits(next));
    // (a + b) / 2 = (a + b) × 5 / 10, with one more decimal place: digits of midpoint × 10^1076.
    let width = a.len().max(b.len()) + 2;
    let pad = |v: &[u8]| {
        let mut out = vec![0; width - v.len()];
        out.extend_from_slice(v);
        out
    };
    let (a, b) = (pad(&a), pad(&b));
    let mut mid = vec![0u8; width];
    let mut carry = 0;
    for i in (0..width).rev() {
        let sum = (a[i] + b[i]) * 5 + carry;
        mid[i] = sum % 10;
        carry = sum / 10;
    }
    assert_eq!(carry, 0);
    let first = mid
        .iter()
        .position(|&d| d != 0)
        .expect("a positive midpoint");
    let last = mid
        .iter()
        .rposition(|&d| d != 0)
        .expect("a positive midpoint");
    let mut significant: Vec<u8> = mid[first..=last].to_vec();
    // The first significant digit stands for 10^(width - 1 - first - 1076).
    let exponent = width as i64 - 1 - first as i64 - 1076;
    if let Some(keep) = keep.filter(|&k| k < significant.len()) {
        significant.truncate(keep.max(1));
    } else if above {
        significant.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 0, 1]);
    }
    let digits: String = significant.iter().map(|d| char::from(b'0' + d)).collect();
    let (head, tail) = digits.split_at(1);
    if tail.is_empty() {
        format!("{head}e{exponent}")
    } else {
        format!("{head}.{tail}e{exponent}")
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Rust's shortest round-trip form, its exponent form and 17 significant digits all read back
    /// as the same f64 (negative zero included: its sign is kept).
    #[test]
    fn formatted_floats_read_back_exactly(x in finite()) {
        for text in [format!("{x}"), format!("{x:e}"), format!("{x:.16e}")] {
            let got = read(&text);
            prop_assert_eq!(got.to_bits(), x.to_bits(), "{} read as {:e}", text, got);
        }
    }

    /// Any decimal reads as `str::parse` reads it: past f64's range, both are infinite (with the
    /// number's sign); below it, both are zero (with its sign).
    #[test]
    fn decimals_read_as_std_reads_them(text in decimal()) {
        let expected = std_read(&text);
        let got = read(&text);
        prop_assert_eq!(got.to_bits(), expected.to_bits(), "{} read as {:e}, expected {:e}", text, got, expected);
        if expected.is_infinite() {
            prop_assert!(got.is_infinite() && got.is_sign_negative() == text.starts_with('-'));
        }
    }

    /// Decimals exactly halfway between two neighbouring floats (ties go to the even one), or a
    /// hair below or above: the cases an approximate conversion gets wrong.
    #[test]
    fn midpoints_round_half_to_even(
        x in finite().prop_map(f64::abs).prop_filter("below the largest", |x| *x < f64::MAX),
        negative in any::<bool>(),
        keep in prop::option::of(1usize..40),
        above in any::<bool>(),
    ) {
        let mut text = near_midpoint(x, keep, above);
        if negative {
            text.insert(0, '-');
        }
        let expected = std_read(&text);
        let got = read(&text);
        prop_assert_eq!(got.to_bits(), expected.to_bits(), "{} read as {:e}, expected {:e}", text, got, expected);
    }
}

#[test]
fn midpoints_are_exact() {
    // 1 and the next float up, 1 + 2^-52: halfway is 1 + 2^-53, which ties to even (1).
    assert_eq!(
        near_midpoint(1.0, None, false),
        "1.00000000000000011102230246251565404236316680908203125e0"
    );
    assert_same(&near_midpoint(1.0, None, false), 1.0);
    assert_same(
        &near_midpoint(1.0, None, true),
        f64::from_bits(1.0f64.to_bits() + 1),
    );
    // The smallest subnormal and the next: halfway is 1.5 × 2^-1074, which ties to 2 × 2^-1074.
    assert_same(&near_midpoint(5e-324, None, false), 1e-323);
    assert_same(&near_midpoint(0.0, None, false), 0.0);
}

#[test]
fn pinned_numbers() {
    for text in [
        // Read one unit in the last place off before the reader was exact.
        "985.6906946328695",
        "0.1",
        // The smallest subnormal, and the same float written further from it.
        "5e-324",
        "4.9406564584124654e-324",
        // Just below the smallest normal float, and the smallest normal.
        "2.2250738585072011e-308",
        "2.2250738585072014e-308",
        // The largest float: read as infinite before the reader was exact.
        "1.7976931348623157e308",
        // 2^53 + 1, halfway between two floats: ties to the even one, 2^53.
        "9007199254740993",
        "9007199254740995",
        "123456789012345678901234567890",
        "0.30000000000000004",
        "1e23",
        "8.98846567431158e307",
    ] {
        assert_same(text, std_read(text));
    }
    assert_same("985.6906946328695", 985.690_694_632_869_5);
    assert_same("1.7976931348623157e308", f64::MAX);
    assert_same("2.2250738585072011e-308", 2.225_073_858_507_201e-308);
    assert_same("9007199254740993", 9_007_199_254_740_992.0);
}

#[test]
fn zeros_keep_their_sign() {
    for (text, expected) in [
        ("0", 0.0),
        ("-0", -0.0),
        ("-0.0", -0.0),
        ("-0e5", -0.0),
        // Below the smallest subnormal: zero, with the number's sign.
        ("1e-400", 0.0),
        ("-1e-400", -0.0),
        ("2e-324", 0.0),
        ("3e-324", 5e-324),
    ] {
        assert_same(text, expected);
    }
}

#[test]
fn beyond_f64_reads_as_infinite() {
    for (text, expected) in [
        ("1e999", f64::INFINITY),
        ("-1e999", f64::NEG_INFINITY),
        ("1e309", f64::INFINITY),
        // Exactly halfway between the largest float (odd) and 2^1024 ties to infinity; just
        // above too; just below rounds to the largest float.
        ("1.79769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792e308", f64::INFINITY),
        ("1.7976931348623158079372897140530341508e308", f64::INFINITY),
        ("1.797693134862315807937289714053034150799e308", f64::MAX),
        ("1e99999999999999999999", f64::INFINITY),
        ("0e99999999999999999999", 0.0),
    ] {
        assert_same(text, expected);
    }
}

/// The binding's stand-ins for NaN and the infinities are rejected where a number counts; the
/// largest float is a number like any other, out of range here.
#[test]
fn infinite_answers_are_not_finite() {
    let code = |value: &str| {
        let text = format!(
            r#"{{"schema":"{SCHEMA}","process":{{"name":"Example open working group","assessedOn":"2026-11-01"}},"answers":{{"O5.1":{{"value":{value}}}}}}}"#
        );
        let profile = Json::parse(&text).expect("valid JSON");
        let e = score(&profile, None).expect_err("an invalid answer");
        (e.code().to_string(), e.path().to_string())
    };
    for value in ["1e999", "-1e999"] {
        assert_eq!(
            code(value),
            ("not-finite".to_string(), "answers.O5.1.value".to_string()),
            "{value}"
        );
    }
    assert_eq!(
        code("1.7976931348623157e308"),
        ("out-of-range".to_string(), "answers.O5.1.value".to_string())
    );
}
