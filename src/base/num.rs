//! The few float operations the engine needs that core lacks without std. Each is exact, and
//! the same code runs natively and in WebAssembly, so the tests check what ships.

use crate::prelude::*;

/// 2^52: from here on every f64 is a whole number.
const WHOLE: f64 = 4_503_599_627_370_496.0;

/// Rounds toward zero, keeping the sign of zero.
pub(crate) fn trunc(x: f64) -> f64 {
    if x.abs() < WHOLE {
        (x as i64 as f64).copysign(x)
    } else {
        x // whole already, infinite or NaN
    }
}

pub(crate) fn floor(x: f64) -> f64 {
    let t = trunc(x);
    if t > x {
        t - 1.0
    } else {
        t
    }
}

/// Rounds half away from zero, as `f64::round`.
pub(crate) fn round(x: f64) -> f64 {
    let t = trunc(x);
    if (x - t).abs() >= 0.5 {
        t + 1.0f64.copysign(x)
    } else {
        t
    }
}

pub(crate) fn fract(x: f64) -> f64 {
    x - trunc(x)
}

/// Appends a whole number in decimal: `format!` would bring core's formatting machinery into
/// the WebAssembly for a handful of integers.
pub(crate) fn push_int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n.unsigned_abs();
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

/// Characters (Unicode scalar values) in `s`, without core's wide counting routine.
pub(crate) fn chars(s: &str) -> usize {
    s.bytes().filter(|b| b & 0xC0 != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: f64, b: f64) -> bool {
        a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
    }

    #[test]
    fn edges_match_std() {
        for x in [
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.5,
            -1.5,
            2.5,
            0.49999999999999994,
            -0.49999999999999994,
            4503599627370495.5,
            -4503599627370495.5,
            WHOLE,
            -WHOLE,
            1e300,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            f64::MIN_POSITIVE,
            9.95,
            99.95,
            -7.25,
        ] {
            assert!(same(trunc(x), x.trunc()), "trunc {x}");
            assert!(same(floor(x), x.floor()), "floor {x}");
            assert!(same(round(x), x.round()), "round {x}");
            assert!(same(fract(x), x.fract()), "fract {x}");
        }
    }

    #[test]
    fn integers_and_counts() {
        for n in [0, 7, -7, 10, 1_048_576, i64::MAX, i64::MIN] {
            let mut text = String::new();
            push_int(&mut text, n);
            assert_eq!(text, n.to_string());
        }
        for s in ["", "abc", "é", "日本語", "🙂x", "a\u{300}"] {
            assert_eq!(chars(s), s.chars().count(), "{s}");
        }
    }

    /// proptest does not build for wasm32; the native run covers the same code.
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn counts_agree_with_std(s in ".*") {
                prop_assert_eq!(chars(&s), s.chars().count());
            }

            #[test]
            fn agree_with_std(x in proptest::num::f64::ANY) {
                prop_assert!(same(trunc(x), x.trunc()));
                prop_assert!(same(floor(x), x.floor()));
                prop_assert!(same(round(x), x.round()));
                prop_assert!(same(fract(x), x.fract()));
            }
        }
    }
}
