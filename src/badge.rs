//! A standalone SVG badge drawn from a report — never from a profile, so it cannot disagree with
//! the scorecard. All text is escaped: process names are untrusted.

use crate::error::Error;
use crate::json::Json;
use crate::num::{int, push_int};
use crate::prelude::*;
use crate::rubric::RUBRIC;
use crate::walk::{self, At, Diagnostics, Obj};

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

struct Part {
    text: String,
    fill: &'static str,
}

/// Renders the badge of `report` (a report as produced by `score`).
///
/// `options` is `{label?, labels?: {O?, I?}}`: the badge's own words, so a page can localise
/// them; English by default.
///
/// # Errors
///
/// `wrong-type`, `missing-field` or `too-long` where the report or options are not of the
/// expected shape.
pub fn svg(report: &Json, options: Option<&Json>) -> Result<String, Error> {
    let mut d = Diagnostics::default();
    let rendered = render(report, options.unwrap_or(&Json::Null), &mut d);
    d.first_error(rendered)
}

fn render(report: &Json, options: &Json, d: &mut Diagnostics) -> Option<String> {
    let (label, names) = read_options(options, d)?;
    let top = Obj::new(report, At::ROOT, d)?;
    let Json::Array(pillars) = top.require("pillars", d)? else {
        d.error(Error::wrong_type(
            top.at("pillars").path(),
            "an array",
            top.get("pillars")?.kind(),
        ));
        return None;
    };
    let process = top
        .get("process")
        .and_then(|p| p.get("name"))
        .and_then(|n| match n {
            Json::String(s) => Some(s.as_str()),
            _ => None,
        });
    let mut parts = vec![Part {
        text: label.clone(),
        fill: LABEL,
    }];
    let mut title = match process {
        Some(name) => [&*label, ", ", name, ":"].concat(),
        None => [&*label, ":"].concat(),
    };
    for (n, pillar) in pillars.iter().enumerate().take(RUBRIC.pillars.len()) {
        let list = top.at("pillars");
        let at = list.index(n);
        let o = Obj::new(pillar, at, d)?;
        let id = walk::text(o.require("id", d)?, o.at("id"), 8, d)?;
        let name = names
            .iter()
            .find(|(k, _)| *k == id)
            .map_or(id.as_str(), |(_, v)| v.as_str())
            .to_string();
        let score = nullable_number(o.get("score"), o.at("score"), d);
        let band = o.get("band").and_then(|b| match b {
            Json::String(s) => COLOURS.iter().find(|(id, _)| id == s).map(|(_, c)| *c),
            _ => None,
        });
        let provisional = matches!(o.get("provisional"), Some(Json::Bool(true)));
        let value = match score {
            Some(s) => [&*int(whole(s)), if provisional { "*" } else { "" }].concat(),
            None => "–".to_string(),
        };
        let text = [&*name, " ", &value].concat();
        title.push(' ');
        title.push_str(&text);
        if provisional {
            let lower = nullable_number(o.get("lower"), o.at("lower"), d);
            let upper = nullable_number(o.get("upper"), o.at("upper"), d);
            if let (Some(l), Some(u)) = (lower, upper) {
                title.push_str(" (provisional, between ");
                push_int(&mut title, whole(l));
                title.push_str(" and ");
                push_int(&mut title, whole(u));
                title.push(')');
            }
        }
        title.push(';');
        parts.push(Part {
            text,
            fill: if score.is_some() {
                band.unwrap_or(NO_SCORE)
            } else {
                NO_SCORE
            },
        });
    }
    title.pop();
    Some(draw(&parts, &title))
}

fn read_options(v: &Json, d: &mut Diagnostics) -> Option<(String, Vec<(&'static str, String)>)> {
    let mut label = "SDO openness".to_string();
    let mut names: Vec<(&'static str, String)> =
        vec![("O", "openness".into()), ("I", "inclusion".into())];
    if *v == Json::Null {
        return Some((label, names));
    }
    let o = Obj::new(v, At::ROOT, d)?;
    o.deny_unknown(&["label", "labels"], d);
    if let Some(l) = o.text("label", MAX_LABEL, d) {
        label = l;
    }
    if let Some(labels) = o.get("labels") {
        let l = Obj::new(labels, o.at("labels"), d)?;
        l.deny_unknown(&["O", "I"], d);
        for (id, name) in names.iter_mut() {
            if let Some(text) = l.text(id, MAX_LABEL, d) {
                *name = text;
            }
        }
    }
    Some((label, names))
}

fn nullable_number(v: Option<&Json>, at: At, d: &mut Diagnostics) -> Option<f64> {
    match v {
        None | Some(Json::Null) => None,
        Some(v) => walk::number(v, at, 0.0, 100.0, d),
    }
}

/// A score as a whole number, rounded half up: the badge is too small for decimals, and integer
/// formatting keeps float printing out of the WebAssembly build.
fn whole(x: f64) -> i64 {
    crate::num::floor(x + 0.5) as i64
}

/// Approximate advance of 11 px Verdana, in tenths of a pixel: no font metrics in a badge.
fn text_width(s: &str) -> u32 {
    s.chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | ':' | '\'' | '|' | '!' => 30,
            ' ' | 'f' | 't' | 'r' | 'I' => 45,
            'm' | 'w' | 'M' | 'W' => 95,
            c if c.is_ascii() => 70,
            c if (c as u32) >= 0x2E80 => 110,
            _ => 75,
        })
        .sum()
}

fn draw(parts: &[Part], title: &str) -> String {
    let widths: Vec<u32> = parts.iter().map(|p| text_width(&p.text) + 120).collect();
    let total: u32 = widths.iter().sum();
    let title = escape(title);
    let total_text = int(total.into());
    let mut s = [
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"",
        &int(total.div_ceil(10).into()),
        "\" height=\"20\" viewBox=\"0 0 ",
        &total_text,
        " 200\" role=\"img\" aria-label=\"",
        &title,
        "\"><title>",
        &title,
        "</title><clipPath id=\"r\"><rect width=\"",
        &total_text,
        "\" height=\"200\" rx=\"30\"/></clipPath><g clip-path=\"url(#r)\">",
    ]
    .concat();
    let mut x = 0;
    for (part, w) in parts.iter().zip(&widths) {
        s.push_str("<rect x=\"");
        push_int(&mut s, x.into());
        s.push_str("\" width=\"");
        push_int(&mut s, (*w).into());
        s.push_str("\" height=\"200\" fill=\"");
        s.push_str(part.fill);
        s.push_str("\"/>");
        x += w;
    }
    s.push_str("</g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,DejaVu Sans,Geneva,sans-serif\" font-size=\"110\">");
    let mut x = 0;
    for (part, w) in parts.iter().zip(&widths) {
        s.push_str("<text x=\"");
        push_int(&mut s, (x + w / 2).into());
        s.push_str("\" y=\"140\">");
        s.push_str(&escape(&part.text));
        s.push_str("</text>");
        x += w;
    }
    s.push_str("</g></svg>");
    s
}

/// XML-escapes text and drops control and bidi-override characters, which could reorder or
/// hide what the badge says.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_untrusted_text() {
        assert_eq!(
            escape("<script>\"&'\u{202E}x"),
            "&lt;script&gt;&quot;&amp;&#39;x"
        );
    }

    #[test]
    fn widths_grow_with_text() {
        assert!(text_width("openness 82") > text_width("82"));
        assert!(text_width("开放") > text_width("ab"));
    }
}
