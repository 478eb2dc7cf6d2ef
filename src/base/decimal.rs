//! Decimal to binary: a number's decimal digits and exponent to the nearest f64, ties to even.
//!
//! Core's `f64::from_str` does the same, but its fast algorithm (Eisel-Lemire) brings a 12 KB
//! table of 128-bit powers of five into the WebAssembly. This is the textbook method instead,
//! small and slow: exact arithmetic on big integers, for the rare number the one-operation fast
//! path cannot read. See docs/decisions/0001-own-float-conversion.md.
//!
//! The value `D × 10^e` (D the integer the digits spell) is exactly the fraction `num / den`
//! (`num = D × 10^e, den = 1` when e ≥ 0, `num = D, den = 10^-e` when e < 0). Long division
//! gives its leading 54 or 55 bits and whether anything is left over; those decide the rounding.

use crate::prelude::*;
use core::cmp::Ordering;

/// Significant digits kept. A number halfway between two f64s has at most 767 significant
/// digits, so when a number is cut after 800, to D × 10^e, no halfway point lies strictly
/// between D × 10^e and (D + 1) × 10^e (it would have 800 digits or more): the whole number,
/// when digits past the cut are not all zero (`sticky`), rounds as D × 10^e plus any fraction
/// of 10^e does.
const MAX_DIGITS: usize = 800;

/// A decimal number's significant digits, collected as a parser reads them: the value is
/// `D × 10^exponent`, plus a little more when `sticky`.
#[derive(Default)]
pub(crate) struct Digits {
    /// D, the integer the kept digits spell.
    value: Big,
    /// How many digits D has, from the first non-zero one: at most `MAX_DIGITS`.
    count: usize,
    /// The power of ten of the last kept digit's place.
    exponent: i64,
    /// Some digit past the `MAX_DIGITS` kept ones was not zero.
    sticky: bool,
}

impl Digits {
    /// Adds the next digit (0..=9) of the number, from the whole part or from the `fraction`.
    pub(crate) fn push(&mut self, digit: u8, fraction: bool) {
        if self.count == 0 && digit == 0 {
            // A leading zero: only its place counts.
            self.exponent -= i64::from(fraction);
        } else if self.count < MAX_DIGITS {
            self.value.mul_add(10, u32::from(digit));
            self.count += 1;
            self.exponent -= i64::from(fraction);
        } else {
            // Past the cut: a whole digit still moves the kept ones up a place.
            self.sticky |= digit != 0;
            self.exponent += i64::from(!fraction);
        }
    }

    /// The nearest f64 to the digits times `10^exponent`, with the sign of `negative` (zeros
    /// included). Beyond f64's range: infinity; below half the smallest subnormal: zero.
    pub(crate) fn into_f64(mut self, negative: bool, exponent: i64) -> f64 {
        let mut e = self.exponent.saturating_add(exponent);
        if self.sticky {
            // D × 10^e plus a tenth of 10^e: strictly between D × 10^e and (D + 1) × 10^e.
            self.value.mul_add(10, 1);
            self.count += 1;
            e = e.saturating_sub(1);
        }
        let x = nearest(self.value, self.count, e);
        if negative {
            -x
        } else {
            x
        }
    }
}

/// The nearest f64 to `d × 10^e`, where d has `n` decimal digits.
fn nearest(d: Big, n: usize, e: i64) -> f64 {
    // 10^22 is the largest power of ten that f64 holds exactly.
    const EXACT: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    if d.is_zero() {
        return 0.0;
    }
    // Fast path (Clinger): d and 10^|e| are both exact f64s, so one correctly rounded multiply
    // or divide is the answer. Nearly every number a profile holds ends here.
    let power = usize::try_from(e.unsigned_abs())
        .ok()
        .and_then(|i| EXACT.get(i));
    if let (true, Some(&power)) = (d.bit_len() <= 53, power) {
        let d = d.low_u64() as f64;
        return if e >= 0 { d * power } else { d / power };
    }
    // The value lies in [10^(n+e-1), 10^(n+e)). 10^309 is past f64::MAX (and the rounding up
    // to it); 10^-324 is below 2^-1075, half the smallest subnormal.
    let magnitude = e.saturating_add(n as i64);
    if magnitude > 309 {
        return f64::INFINITY;
    }
    if magnitude < -323 {
        return 0.0;
    }
    // Here e is within -1124..=308 (n is at most 801), so the integers below stay under 4,000
    // bits.
    let (mut num, mut den) = (d, Big(vec![1]));
    let power = usize::try_from(e.unsigned_abs()).unwrap_or(0);
    if e >= 0 {
        num.mul_pow10(power);
    } else {
        den.mul_pow10(power);
    }
    divide(num, den)
}

/// The nearest f64 to `num / den`, both non-zero.
fn divide(mut num: Big, mut den: Big) -> f64 {
    // Scale by 2^s so that num / den, now with 54 bits more than den, lies in (2^53, 2^55): a
    // ratio of a and b lies in (2^(A-B-1), 2^(A-B+1)) when a has A bits and b has B.
    let s = den.bit_len() as i64 + 54 - num.bit_len() as i64;
    if s >= 0 {
        num.shl(s.unsigned_abs() as usize);
    } else {
        den.shl(s.unsigned_abs() as usize);
    }
    // Binary long division, quotient bit 54 down to bit 0, comparing the remainder (doubled
    // after each step, rather than halving the divisor) with den × 2^54. Invariant: before each
    // step, the remainder is below 2 × den × 2^54 (at the start, as num / den < 2^55), so the
    // next quotient bit is whether it reaches den × 2^54; `q` holds the bits found so far.
    den.shl(54);
    let mut q: u64 = 0;
    for _ in 0..55 {
        q <<= 1;
        if num.cmp(&den) != Ordering::Less {
            num.sub(&den);
            q |= 1;
        }
        num.shl(1);
    }
    // Now q = floor(value × 2^s), in [2^53, 2^55), and a non-zero remainder means that
    // value × 2^s is more than q.
    let inexact = !num.is_zero();
    let bits = 64 - i64::from(q.leading_zeros());
    // Drop the bits of q below the f64's last place, which then is 2^(drop - s): all but 53
    // bits, or more where that place would fall below 2^-1074, the subnormals' spacing. (At
    // least 1, as q has 54 bits or more; past 56, q is all dropped and less than half a unit
    // either way, so the result is zero.)
    let drop = (bits - 53).max(s - 1074).clamp(1, 56);
    let mut m = q >> drop;
    let rest = q & ((1 << drop) - 1);
    let half = 1 << (drop - 1);
    // Round half to even: up when over half a unit (the dropped bits above half, or at half
    // with more left over), or at exactly half when m is odd.
    if rest > half || (rest == half && (inexact || m & 1 == 1)) {
        m += 1;
    }
    // The result is m × 2^(drop - s). With m in [2^52, 2^53) the f64 is normal, its exponent
    // field drop - s + 1075, which `(drop - s + 1074) << 52` plus m's leading bit (2^52) makes.
    // A carry of m to 2^53 moves into the exponent field, and so does a subnormal m (below
    // 2^52, where drop - s = -1074 and the field is 0) rounding up to 2^52, the smallest
    // normal. drop - s is below -1074 only when drop was capped, and m is 0 then.
    let biased = u64::try_from(drop - s + 1074);
    let (Ok(biased), true) = (biased, m > 0) else {
        return 0.0; // under half the smallest subnormal
    };
    // The exponent field 0x7FF (with m's bits 0) is infinity: reached past f64::MAX, or when
    // rounding carries out of it. Capping the field keeps the shift from overflowing.
    let bits = (biased.min(0x7FF) << 52) + m;
    if bits >= f64::INFINITY.to_bits() {
        f64::INFINITY
    } else {
        f64::from_bits(bits)
    }
}

/// An unsigned integer in base 2^32, least significant limb first, with no zero limb on top
/// (so zero is empty, and a longer number is a larger one).
#[derive(Debug, Default, PartialEq)]
struct Big(Vec<u32>);

impl Big {
    /// self = self × m + add.
    fn mul_add(&mut self, m: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let wide = u64::from(*limb) * u64::from(m) + carry;
            *limb = wide as u32;
            carry = wide >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    /// self = self × 10^k, nine decimal places at a time.
    fn mul_pow10(&mut self, mut k: usize) {
        while k > 0 {
            let step = k.min(9);
            self.mul_add(10u32.pow(step as u32), 0);
            k -= step;
        }
    }

    /// self = self × 2^bits.
    fn shl(&mut self, bits: usize) {
        if self.is_zero() {
            return;
        }
        let shift = bits % 32;
        let mut carry = 0;
        for limb in &mut self.0 {
            let wide = (u64::from(*limb) << shift) | carry;
            *limb = wide as u32;
            carry = wide >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
        if bits >= 32 {
            let mut shifted = vec![0; bits / 32];
            shifted.append(&mut self.0);
            self.0 = shifted;
        }
    }

    /// self = self - other, for other ≤ self.
    fn sub(&mut self, other: &Big) {
        let mut borrow = false;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let (d, b1) = limb.overflowing_sub(other.0.get(i).copied().unwrap_or(0));
            let (d, b2) = d.overflowing_sub(u32::from(borrow));
            *limb = d;
            borrow = b1 || b2;
        }
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn cmp(&self, other: &Big) -> Ordering {
        // Of equally long numbers, the highest limb that differs decides: the last one met.
        let mut highest = Ordering::Equal;
        for (a, b) in self.0.iter().zip(&other.0) {
            if a != b {
                highest = a.cmp(b);
            }
        }
        self.0.len().cmp(&other.0.len()).then(highest)
    }

    fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    /// The lowest 64 bits.
    fn low_u64(&self) -> u64 {
        let limb = |i| u64::from(self.0.get(i).copied().unwrap_or(0));
        limb(0) | limb(1) << 32
    }

    /// The number of bits up to the highest set one (0 for zero).
    fn bit_len(&self) -> usize {
        match self.0.last() {
            Some(top) => self.0.len() * 32 - top.leading_zeros() as usize,
            None => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `d.ddd` or `ddd` with an optional `e±n`, as the JSON parser feeds it.
    fn read(text: &str) -> f64 {
        let (negative, text) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (mantissa, exponent) = text.split_once(['e', 'E']).unwrap_or((text, "0"));
        let mut digits = Digits::default();
        let mut fraction = false;
        for c in mantissa.bytes() {
            if c == b'.' {
                fraction = true;
            } else {
                digits.push(c - b'0', fraction);
            }
        }
        digits.into_f64(negative, exponent.parse().unwrap())
    }

    /// Checks that `text` reads as `expected`, as core's `f64::from_str` reads it too.
    fn assert_reads(text: &str, expected: f64) {
        let core: f64 = text.parse().unwrap();
        assert_eq!(core.to_bits(), expected.to_bits(), "core: {text}");
        let got = read(text);
        assert_eq!(
            got.to_bits(),
            expected.to_bits(),
            "{text}: {got:e}, not {expected:e}"
        );
    }

    #[test]
    fn reads_the_largest_float_and_rounds_past_it_to_infinity() {
        assert_reads("1.7976931348623157e308", f64::MAX);
        // f64::MAX plus less than half a unit (2^970) rounds down to it, plus more to infinity.
        assert_reads("1.7976931348623158e308", f64::MAX);
        assert_reads("1.7976931348623159e308", f64::INFINITY);
        assert_reads("-1.7976931348623159e308", f64::NEG_INFINITY);
        assert_reads("1e309", f64::INFINITY);
    }

    #[test]
    fn reads_subnormals_and_rounds_below_them_to_zero() {
        let smallest = f64::from_bits(1);
        assert_reads("5e-324", smallest);
        assert_reads("4.9406564584124654e-324", smallest);
        // Half the smallest subnormal is 2.47032822920623272088...e-324: below it (and at it,
        // ties to even, as 0 is even) reads as zero, above it as the smallest subnormal.
        assert_reads("2.4703282292062327e-324", 0.0);
        assert_reads("2.4703282292062328e-324", smallest);
        assert_reads("-2.4703282292062327e-324", -0.0);
        // Exactly half: 2^-1075, the digits of 5e-324 (exact in 760 places) times 5.
        let exact = format!("{:.760e}", smallest);
        let mut digits: Vec<u8> = exact.bytes().take_while(|&b| b != b'e').collect();
        digits.retain(u8::is_ascii_digit);
        let mut carry = 0;
        for d in digits.iter_mut().rev() {
            let x = (*d - b'0') * 5 + carry;
            (*d, carry) = (b'0' + x % 10, x / 10);
        }
        let half = format!("{carry}.{}e-324", String::from_utf8(digits).unwrap());
        assert!(half.starts_with("2.470328229206232720882"), "{half}");
        assert_reads(&half, 0.0);
        assert_reads(&format!("-{half}"), -0.0);
        assert_reads(&half.replace("e-324", "1e-324"), smallest);
        assert_reads("1e-400", 0.0);
    }

    #[test]
    fn rounds_across_the_normal_subnormal_boundary() {
        let smallest_normal = f64::MIN_POSITIVE; // 2.2250738585072014e-308
        let largest_subnormal = f64::from_bits(smallest_normal.to_bits() - 1);
        assert_reads("2.2250738585072014e-308", smallest_normal);
        assert_reads("2.2250738585072011e-308", largest_subnormal);
        // Just below the smallest normal by less than half a unit: rounds up into it.
        assert_reads("2.2250738585072013e-308", smallest_normal);
        assert_reads("2.2250738585072012e-308", smallest_normal);
    }

    #[test]
    fn ties_go_to_even() {
        assert_reads("9007199254740993", 9_007_199_254_740_992.0); // 2^53 + 1
        assert_reads("9007199254740995", 9_007_199_254_740_996.0); // 2^53 + 3
        assert_reads("9007199254740993.0000000000000001", 9_007_199_254_740_994.0);
    }

    #[test]
    fn reads_long_numbers() {
        // 1,000 digits: 0.1111... rounds as 1/9 does.
        let ones = format!("0.{}", "1".repeat(1000));
        assert_reads(&ones, 1.0 / 9.0);
        // 2^53 + 1 followed by 984 zeros and a 1: just above the tie, so it rounds up.
        let above = format!("9007199254740993{}1e-984", "0".repeat(983));
        assert_eq!(above.len(), 1000 + 5);
        assert_reads(&above, 9_007_199_254_740_994.0);
        // The same tie with the trailing 1 gone (only zeros after the cut): rounds to even.
        let tie = format!("9007199254740993{}e-984", "0".repeat(984));
        assert_reads(&tie, 9_007_199_254_740_992.0);
    }

    #[test]
    fn reads_exponents_that_offset_many_digits() {
        // 10^700000 × 10^-700000 and 10^-700001 × 10^700001 are 1. (Core's `f64::from_str`
        // holds the written exponent near 2^16 and reads these as infinity and zero.)
        let zeros = "0".repeat(700_000);
        assert_eq!(read(&format!("1{zeros}e-700000")), 1.0);
        assert_eq!(read(&format!("0.{zeros}1e700001")), 1.0);
    }

    #[test]
    fn agrees_with_core_on_assorted_numbers() {
        for text in [
            "0",
            "1",
            "0.1",
            "0.30000000000000004",
            "123456789012345678901234567890",
            "1e23",
            "8.98846567431158e307",
            "985.6906946328695",
            "1e-300",
            "4.4501477170144023e-308",
            "1.2345678901234567e-310",
            "7.2057594037927933e16",
        ] {
            let core: f64 = text.parse().unwrap();
            assert_eq!(read(text).to_bits(), core.to_bits(), "{text}");
        }
    }

    #[test]
    fn big_integer_arithmetic() {
        let mut n = Big::default();
        for d in [4, 2, 9, 4, 9, 6, 7, 2, 9, 6] {
            n.mul_add(10, d); // 4294967296 = 2^32
        }
        assert_eq!(n, Big(vec![0, 1]));
        assert_eq!(n.bit_len(), 33);
        n.shl(35);
        assert_eq!(n, Big(vec![0, 0, 8]));
        n.sub(&Big(vec![1]));
        assert_eq!(n, Big(vec![u32::MAX, u32::MAX, 7]));
        assert_eq!(n.cmp(&Big(vec![0, 0, 8])), Ordering::Less);
        assert_eq!(n.cmp(&Big(vec![0, 0, 7])), Ordering::Greater);
        assert_eq!(n.cmp(&Big(vec![0, 0, 0, 1])), Ordering::Less);
        assert_eq!(n.cmp(&Big(vec![u32::MAX, u32::MAX, 7])), Ordering::Equal);
        assert_eq!(n.low_u64(), u64::MAX);
        n.sub(&Big(vec![u32::MAX, u32::MAX, 7]));
        assert!(n.is_zero());
        assert_eq!(n.bit_len(), 0);
    }
}
