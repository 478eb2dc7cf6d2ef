//! A standalone SVG badge drawn from a report — never from a profile, so it cannot disagree with
//! the scorecard. All text is escaped: process names are untrusted.
//!
//! Drawn in one pass for size: each part's rectangle and text are written as the report is read,
//! and the header, which needs the total width, is written last in front of them.

use crate::base::num::push_int;
use crate::input::error::Error;
use crate::input::json::Json;
use crate::input::walk::{self, At, Diagnostics, Obj};
use crate::prelude::*;
use crate::rubric::RUBRIC;

/// Fill of each band, dark enough for white 11 px text (contrast ≥ 4.5:1), and of "no score".
const COLOURS: &[(&str, &str)] = &[
    ("limited", "#b42318"),
    ("partial", "#9a4a00"),
    ("substantial", "#4d6b00"),
    ("strong", "#16713a"),
];
const NO_SCORE: &str = "#57606a";
const LABEL: &str = "#333a41";

/// Longest caller-supplied label, in characters.
const MAX_LABEL: usize = 40;

/// Renders the badge of `report` (a report as produced by `score`).
///
/// A pillar shows its score and band colour only when its `status` is `scored`; otherwise it
/// shows "insufficient data" with its range, in grey. The last part says how the assessment was
/// reviewed, so that a self-assessment badge says so.
///
/// `options` is `{label?, labels?: {O?, I?, insufficient?, self-assessment?, independent?,
/// peer-reviewed?}}`: the badge's own words, so a page can localise them; English by default.
///
/// # Errors
///
/// `wrong-type`, `missing-field` or `too-long` where the report or options are not of the
/// expected shape.
pub fn svg(report: &Json, options: Option<&Json>) -> Result<String, Error> {
    walk::read(report, |report, d| {
        render(report, options.unwrap_or(&Json::Null), d)
    })
}

/// The badge's words, by key of `options.labels`, with their English defaults.
const WORDS: &[(&str, &str)] = &[
    ("O", "openness"),
    ("I", "inclusion"),
    ("insufficient", "insufficient data"),
    ("self-assessment", "self-assessed"),
    ("independent", "independently reviewed"),
    ("peer-reviewed", "peer-reviewed"),
];

/// The badge drawn so far: its parts' rectangles and texts, side by side from the left.
#[derive(Default)]
struct Badge {
    rects: String,
    texts: String,
    width: u32,
}

impl Badge {
    fn part(&mut self, text: &str, fill: &str) {
        let w = text_width(text) + 120;
        self.rects.push_str("<rect x=\"");
        push_int(&mut self.rects, self.width.into());
        self.rects.push_str("\" width=\"");
        push_int(&mut self.rects, w.into());
        self.rects.push_str("\" height=\"200\" fill=\"");
        self.rects.push_str(fill);
        self.rects.push_str("\"/>");
        self.texts.push_str("<text x=\"");
        push_int(&mut self.texts, (self.width + w / 2).into());
        self.texts.push_str("\" y=\"140\">");
        escape(&mut self.texts, text);
        self.texts.push_str("</text>");
        self.width += w;
    }
}

fn render(report: &Json, options: &Json, d: &mut Diagnostics) -> Option<String> {
    let mut label = None;
    let mut words: Vec<String> = WORDS.iter().map(|(_, w)| String::from(*w)).collect();
    if !matches!(options, Json::Null) {
        let o = Obj::new(options, At::ROOT, d)?;
        o.deny_unknown(&["label", "labels"], d);
        label = o.text("label", MAX_LABEL, d);
        if let Some(labels) = o.get("labels") {
            let l = Obj::new(labels, o.at("labels"), d)?;
            let keys: Vec<&'static str> = WORDS.iter().map(|(k, _)| *k).collect();
            l.deny_unknown(&keys, d);
            for (n, key) in keys.iter().enumerate() {
                if let Some(w) = l.text(key, MAX_LABEL, d) {
                    words[n] = w;
                }
            }
        }
    }
    let word = |key: &'static str| -> &str {
        WORDS
            .iter()
            .position(|(k, _)| *k == key)
            .map_or(key, |n| words[n].as_str())
    };
    let label = label.as_deref().unwrap_or("SDO openness");
    let top = Obj::new(report, At::ROOT, d)?;
    let list = top.at("pillars");
    let pillars = top.require("pillars", d)?;
    let Json::Array(pillars) = pillars else {
        d.error(Error::wrong_type(list.path(), "an array", pillars.kind()));
        return None;
    };
    let mut badge = Badge::default();
    badge.part(label, LABEL);
    let mut title = String::from(label);
    if let Some(Json::String(name)) = top.get("process").and_then(|p| p.get("name")) {
        title.push_str(", ");
        title.push_str(name);
    }
    // Each part is introduced by ": " or "; ", so the title ends without a separator.
    let mut separator = ": ";
    let mut text = String::new();
    for (n, pillar) in pillars.iter().take(RUBRIC.pillars.len()).enumerate() {
        let at = list.index(n);
        let o = Obj::new(pillar, at, d)?;
        let id = walk::text(o.require("id", d)?, o.at("id"), 8, d)?;
        // Only a pillar that says it is scored shows a number: a report without a status (from
        // an older engine) shows its range like one with insufficient data.
        let scored = matches!(o.get("status"), Some(Json::String(s)) if s == "scored");
        let score = number(&o, "score", d).filter(|_| scored);
        let lower = number(&o, "lower", d);
        let upper = number(&o, "upper", d);
        let provisional = matches!(o.get("provisional"), Some(Json::Bool(true)));
        text.clear();
        text.push_str(match &*id {
            "O" => word("O"),
            "I" => word("I"),
            id => id,
        });
        text.push(' ');
        let mut fill = NO_SCORE;
        // The range as the badge shows it ("18–96") and as its title says it ("18 and 96").
        let (mut range, mut between) = (String::new(), String::new());
        if let (Some(l), Some(u)) = (lower, upper) {
            // Rounded outwards, so that the whole numbers shown contain the range.
            let (l, u) = (
                crate::base::num::floor(l) as i64,
                -crate::base::num::floor(-u) as i64,
            );
            for (text, separator) in [(&mut range, "–"), (&mut between, " and ")] {
                push_int(text, l);
                text.push_str(separator);
                push_int(text, u);
            }
        }
        title.push_str(separator);
        separator = "; ";
        match score {
            Some(s) => {
                push_int(&mut text, whole(s));
                if provisional {
                    text.push('*');
                }
                if let Some(Json::String(band)) = o.get("band") {
                    if let Some((_, c)) = COLOURS.iter().find(|(b, _)| b == band) {
                        fill = c;
                    }
                }
                title.push_str(&text);
                if provisional && !range.is_empty() {
                    title.push_str(" (provisional, between ");
                    title.push_str(&between);
                    title.push(')');
                }
            }
            None => {
                text.push_str(word("insufficient"));
                title.push_str(&text);
                if !range.is_empty() {
                    text.push(' ');
                    text.push_str(&range);
                    title.push_str(", between ");
                    title.push_str(&between);
                }
            }
        }
        badge.part(&text, fill);
    }
    let level = match top.get("review").and_then(|r| r.get("level")) {
        Some(Json::String(level)) if level == "independent" => "independent",
        Some(Json::String(level)) if level == "peer-reviewed" => "peer-reviewed",
        _ => "self-assessment",
    };
    let review = word(level);
    title.push_str("; ");
    title.push_str(review);
    badge.part(review, LABEL);
    let total = badge.width;
    let mut s = String::from("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
    push_int(&mut s, total.div_ceil(10).into());
    s.push_str("\" height=\"20\" viewBox=\"0 0 ");
    push_int(&mut s, total.into());
    s.push_str(" 200\" role=\"img\" aria-label=\"");
    escape(&mut s, &title);
    s.push_str("\"><title>");
    escape(&mut s, &title);
    s.push_str("</title><clipPath id=\"r\"><rect width=\"");
    push_int(&mut s, total.into());
    s.push_str("\" height=\"200\" rx=\"30\"/></clipPath><g clip-path=\"url(#r)\">");
    s.push_str(&badge.rects);
    s.push_str("</g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,DejaVu Sans,Geneva,sans-serif\" font-size=\"110\">");
    s.push_str(&badge.texts);
    s.push_str("</g></svg>");
    Some(s)
}

/// A number field of `o` in `[0, 100]`, or `None` where it is absent or null.
fn number(o: &Obj, key: &str, d: &mut Diagnostics) -> Option<f64> {
    match o.get(key) {
        None | Some(Json::Null) => None,
        Some(v) => walk::number(v, o.at(key), 0.0, 100.0, d),
    }
}

/// A score as a whole number, rounded half up: the badge is too small for decimals, and integer
/// formatting keeps float printing out of the WebAssembly build.
fn whole(x: f64) -> i64 {
    crate::base::num::floor(x + 0.5) as i64
}

/// Approximate advance of 11 px Verdana, in tenths of a pixel: no font metrics in a badge.
fn text_width(s: &str) -> u32 {
    let mut w = 0;
    for c in s.chars() {
        w += match c {
            'i' | 'l' | 'j' | '.' | ',' | ':' | '\'' | '|' | '!' => 30,
            ' ' | 'f' | 't' | 'r' | 'I' => 45,
            'm' | 'w' | 'M' | 'W' => 95,
            '\0'..='\x7f' => 70,
            '\u{2E80}'.. => 110,
            _ => 75,
        };
    }
    w
}

/// Appends `text` XML-escaped, dropping control and bidi-override characters, which could
/// reorder or hide what the badge says, and replacing the two noncharacters XML 1.0 does not
/// allow (U+FFFE, U+FFFF) with U+FFFD, so that the badge is well-formed XML for any input.
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' => {}
            // The control characters (Unicode category Cc).
            '\0'..='\x1f' | '\x7f'..='\u{9f}' => {}
            '\u{FFFE}' | '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_untrusted_text() {
        let mut out = String::new();
        escape(&mut out, "<script>\"&'\u{202E}x\u{7}\u{85}");
        assert_eq!(out, "&lt;script&gt;&quot;&amp;&#39;x");
    }

    #[test]
    fn drops_exactly_the_control_characters() {
        for c in '\0'..='\u{2FF}' {
            let mut out = String::new();
            escape(&mut out, c.encode_utf8(&mut [0; 4]));
            assert_eq!(out.is_empty(), c.is_control(), "{c:?}");
        }
    }

    /// XML 1.0's Char production: what may appear in a well-formed document.
    fn xml_char(c: char) -> bool {
        matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
    }

    #[test]
    fn escaped_text_is_always_xml() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut out = String::new();
            escape(&mut out, c.encode_utf8(&mut [0; 4]));
            assert!(out.chars().all(xml_char), "{c:?} gave {out:?}");
        }
        let mut out = String::new();
        escape(&mut out, "a\u{FFFE}b\u{FFFF}");
        assert_eq!(out, "a\u{FFFD}b\u{FFFD}");
    }

    #[test]
    fn widths_grow_with_text() {
        assert!(text_width("openness 82") > text_width("82"));
        assert!(text_width("开放") > text_width("ab"));
    }
}
