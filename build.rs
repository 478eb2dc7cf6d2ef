//! Reads `rubric/v2.toml`, the single source of the methodology, checks it, and writes the
//! engine's tables into `OUT_DIR` as `rubric.rs`: structure only (ids, weights, points, curves,
//! source ids), so that the engine ships no parser and no human text. A broken rubric fails the
//! build with the reason.
//!
//! That is all it does. The files written from the rubric for people (docs/methodology.md, the
//! English catalogue, the page's methodology text) and schema/rubric.json are generated and
//! checked by `tests/generated.rs`: `SDO_BLESS=1 cargo test --test generated` rewrites them.

#[path = "rubric/source.rs"]
mod source;

use source::{Quote, Source, RUBRIC, V1_IDS};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed={RUBRIC}");
    println!("cargo:rerun-if-changed=rubric/source.rs");
    let text = std::fs::read_to_string(RUBRIC)
        .unwrap_or_else(|e| fail(&format!("cannot read {RUBRIC}: {e}")));
    let rubric = source::parse(&text).unwrap_or_else(|e| fail(&e));
    check(&rubric);
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    write(&Path::new(&out).join("rubric.rs"), &tables(&rubric));
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1)
}

fn write(path: &Path, contents: &str) {
    std::fs::write(path, contents)
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", path.display())));
}

/// The rules every methodology must keep; a broken rubric fails the build with the reason.
fn check(r: &Source) {
    let mut ids = BTreeSet::new();
    let mut fresh = |id: &str, what: &str| {
        if !ids.insert(id.to_string()) {
            fail(&format!("{RUBRIC}: {what} id {id:?} is used twice"));
        }
    };
    let sources: BTreeSet<&str> = r.sources.iter().map(|s| s.id.as_str()).collect();
    let mut cited = BTreeSet::new();
    for s in &r.sources {
        fresh(&format!("source:{}", s.id), "source");
    }
    if r.bands.first().map(|b| b.min) != Some(0.0)
        || r.bands.windows(2).any(|w| w[0].min >= w[1].min)
    {
        fail(&format!("{RUBRIC}: bands must start at 0 and ascend"));
    }
    for p in &r.pillars {
        fresh(&p.id, "pillar");
        let total: f64 = p.indicators.iter().map(|i| i.weight).sum();
        if (total - 100.0).abs() > 1e-9 {
            fail(&format!(
                "{RUBRIC}: indicator weights of pillar {} sum to {total}, not 100",
                p.id
            ));
        }
        for i in &p.indicators {
            fresh(&i.id, "indicator");
            if !i.id.starts_with(&p.id) {
                fail(&format!(
                    "{RUBRIC}: indicator {} must start with its pillar id {}",
                    i.id, p.id
                ));
            }
            if i.sources.is_empty() || i.cite.trim().is_empty() {
                fail(&format!(
                    "{RUBRIC}: indicator {} must cite its sources",
                    i.id
                ));
            }
            for s in &i.sources {
                if !sources.contains(s.as_str()) {
                    fail(&format!(
                        "{RUBRIC}: indicator {} cites unknown source {s:?}",
                        i.id
                    ));
                }
                cited.insert(s.as_str());
            }
            if i.weight_reason.trim().is_empty() {
                fail(&format!(
                    "{RUBRIC}: indicator {} needs a weight_reason",
                    i.id
                ));
            }
            for q in &i.quotes {
                quoted(q, &format!("indicator {}", i.id), &sources);
                cited.insert(q.source.as_str());
            }
            for e in &i.elements {
                fresh(&e.id, "element");
                // Ids are `<indicator>.<n>`; a changed question gets a new number, and a retired
                // number is never used again (the crosswalk lists them).
                let number = e.id.strip_prefix(&format!("{}.", i.id));
                if !number.is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())) {
                    fail(&format!(
                        "{RUBRIC}: element {} must be numbered {}.<n>",
                        e.id, i.id
                    ));
                }
                if r.crosswalk.iter().any(|c| c.v1 == e.id) {
                    fail(&format!(
                        "{RUBRIC}: element id {} was retired by the crosswalk and cannot be reused",
                        e.id
                    ));
                }
                if !(e.weight > 0.0 && e.weight.is_finite()) {
                    fail(&format!(
                        "{RUBRIC}: element {} needs a positive weight",
                        e.id
                    ));
                }
                let ys: Vec<f64> = match (&e.options, &e.curve) {
                    (Some(options), None) => {
                        let mut seen = BTreeSet::new();
                        for o in options {
                            if !seen.insert(&o.id) {
                                fail(&format!(
                                    "{RUBRIC}: element {} repeats option {}",
                                    e.id, o.id
                                ));
                            }
                        }
                        if options.windows(2).any(|w| w[0].points < w[1].points) {
                            fail(&format!(
                                "{RUBRIC}: element {} must list options best first",
                                e.id
                            ));
                        }
                        options.iter().map(|o| o.points).collect()
                    }
                    (None, Some(c)) => {
                        if !r.units.contains_key(&c.unit) {
                            fail(&format!(
                                "{RUBRIC}: element {} uses unit {} with no [units] label",
                                e.id, c.unit
                            ));
                        }
                        let xs_ascend = c.points.windows(2).all(|w| w[0].0 < w[1].0);
                        let inside = c.points.iter().all(|&(x, _)| x >= c.min && x <= c.max);
                        let ys: Vec<f64> = c.points.iter().map(|p| p.1).collect();
                        let monotone = ys.windows(2).all(|w| w[0] <= w[1])
                            || ys.windows(2).all(|w| w[0] >= w[1]);
                        if c.points.len() < 2
                            || !xs_ascend
                            || !inside
                            || !monotone
                            || c.min >= c.max
                        {
                            fail(&format!(
                                "{RUBRIC}: curve of {} needs ascending x within [min, max] and monotone y",
                                e.id
                            ));
                        }
                        ys
                    }
                    _ => fail(&format!(
                        "{RUBRIC}: element {} needs exactly one of options or curve",
                        e.id
                    )),
                };
                let integral = ys
                    .iter()
                    .all(|y| (0.0..=100.0).contains(y) && y.fract() == 0.0);
                if !integral || !ys.contains(&0.0) || !ys.contains(&100.0) {
                    fail(&format!(
                        "{RUBRIC}: points of {} must be whole numbers 0..=100 and reach 0 and 100",
                        e.id
                    ));
                }
            }
        }
    }
    if !(0.0..=1.0).contains(&r.coverage.indicator) || !(0.0..=1.0).contains(&r.coverage.pillar) {
        fail(&format!(
            "{RUBRIC}: coverage shares must be between 0 and 1"
        ));
    }
    for q in &r.coverage.quotes {
        quoted(q, "the coverage rule", &sources);
        cited.insert(q.source.as_str());
    }
    let options_of = |id: &str| -> Option<Vec<&str>> {
        r.pillars
            .iter()
            .flat_map(|p| &p.indicators)
            .flat_map(|i| &i.elements)
            .find(|e| e.id == id)
            .map(|e| e.options.iter().flatten().map(|o| o.id.as_str()).collect())
    };
    for c in &r.crosswalk {
        let Some(successor) = options_of(&c.v2) else {
            fail(&format!(
                "{RUBRIC}: crosswalk entry {} names unknown successor {}",
                c.v1, c.v2
            ));
        };
        if !["changed", "split"].contains(&c.change.as_str()) || c.reason.trim().is_empty() {
            fail(&format!(
                "{RUBRIC}: crosswalk entry {} needs a change (changed or split) and a reason",
                c.v1
            ));
        }
        for (from, to) in &c.map {
            if !c.options.contains(from) || !successor.contains(&to.as_str()) {
                fail(&format!(
                    "{RUBRIC}: crosswalk entry {} maps {from} to {to}, not options of {} and {}",
                    c.v1, c.v1, c.v2
                ));
            }
        }
    }
    for id in V1_IDS {
        if options_of(id).is_none() && !r.crosswalk.iter().any(|c| c.v1 == *id) {
            fail(&format!(
                "{RUBRIC}: v1 question {id} is neither kept nor in the crosswalk"
            ));
        }
    }
    if let Some(unused) = sources.difference(&cited).next() {
        fail(&format!(
            "{RUBRIC}: source {unused} is cited by no indicator"
        ));
    }
}

/// A quote must name a known source, where in it, and its words.
fn quoted(q: &Quote, what: &str, sources: &BTreeSet<&str>) {
    if !sources.contains(q.source.as_str()) {
        fail(&format!(
            "{RUBRIC}: a quote of {what} names unknown source {:?}",
            q.source
        ));
    }
    if q.at.trim().is_empty() || q.text.trim().is_empty() {
        fail(&format!(
            "{RUBRIC}: a quote of {what} needs the place in its source and its text"
        ));
    }
}

fn tables(r: &Source) -> String {
    let mut s = String::from("// Generated by build.rs from rubric/v2.toml. Do not edit.\n");
    let m = &r.methodology;
    let _ = writeln!(
        s,
        "/// The methodology's rubric, generated from `rubric/v2.toml`."
    );
    let _ = writeln!(
        s,
        "pub static RUBRIC: Rubric = Rubric {{ id: {:?}, version: {:?},",
        m.id, m.version
    );
    let _ = writeln!(
        s,
        "coverage: Coverage {{ indicator: {:?}, pillar: {:?} }},\nevidence: EvidenceRules {{ max_age_days: {} }},",
        r.coverage.indicator, r.coverage.pillar, r.evidence.max_age_days
    );
    s.push_str("crosswalk: &[");
    for c in &r.crosswalk {
        let map: Vec<String> = c
            .map
            .iter()
            .map(|(a, b)| format!("({a:?}, {b:?})"))
            .collect();
        let _ = writeln!(
            s,
            "Retired {{ v1: {:?}, v2: {:?}, change: {:?}, options: &{:?}, map: &[{}] }},",
            c.v1,
            c.v2,
            c.change,
            c.options,
            map.join(", ")
        );
    }
    s.push_str("],\nbands: &[");
    for b in &r.bands {
        let _ = write!(s, "Band {{ id: {:?}, min: {:?} }}, ", b.id, b.min);
    }
    s.push_str("],\nsources: native(&[");
    for src in &r.sources {
        let _ = write!(s, "Source {{ id: {:?}, url: {:?} }}, ", src.id, src.url);
    }
    s.push_str("]),\npillars: &[");
    for p in &r.pillars {
        let _ = writeln!(s, "Pillar {{ id: {:?}, indicators: &[", p.id);
        for i in &p.indicators {
            let _ = writeln!(
                s,
                "  Indicator {{ id: {:?}, weight: {:?}, sources: native(&{:?}), elements: &[",
                i.id, i.weight, i.sources
            );
            for e in &i.elements {
                let scale = match (&e.options, &e.curve) {
                    (Some(options), _) => {
                        let list: Vec<String> = options
                            .iter()
                            .map(|o| format!("Choice {{ id: {:?}, points: {:?} }}", o.id, o.points))
                            .collect();
                        format!("Scale::Options {{ options: &[{}] }}", list.join(", "))
                    }
                    (None, Some(c)) => format!(
                        "Scale::Curve {{ unit: {:?}, min: {:?}, max: {:?}, points: &{:?} }}",
                        c.unit, c.min, c.max, c.points
                    ),
                    (None, None) => unreachable!("checked"),
                };
                let _ = writeln!(
                    s,
                    "    Element {{ id: {:?}, weight: {:?}, scale: {scale} }},",
                    e.id, e.weight
                );
            }
            s.push_str("  ] },\n");
        }
        s.push_str("] },\n");
    }
    s.push_str("] };\n");
    // Flat indexes, so that walking every element or indicator is a plain loop over a table
    // rather than nested iterator adapters (smaller and faster in WebAssembly).
    let (mut places, mut indicators, mut element_spans, mut indicator_spans) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut e, mut i) = (0, 0);
    for (p, pillar) in r.pillars.iter().enumerate() {
        indicator_spans.push(format!("{i}..{}", i + pillar.indicators.len()));
        i += pillar.indicators.len();
        for (n, indicator) in pillar.indicators.iter().enumerate() {
            indicators.push(format!("({p}, {n})"));
            element_spans.push(format!("{e}..{}", e + indicator.elements.len()));
            e += indicator.elements.len();
            for k in 0..indicator.elements.len() {
                places.push(format!("({p}, {n}, {k})"));
            }
        }
    }
    let range = "core::ops::Range<usize>";
    for (doc, name, item, items) in [
        (
            "`(pillar, indicator, element)` positions of every element, in rubric order.",
            "ELEMENT_PLACES",
            "(u8, u8, u8)",
            places,
        ),
        (
            "`(pillar, indicator)` positions of every indicator, in rubric order.",
            "INDICATOR_PLACES",
            "(u8, u8)",
            indicators,
        ),
        (
            "Each indicator's elements, as a range of the flat element order.",
            "ELEMENT_SPANS",
            range,
            element_spans,
        ),
        (
            "Each pillar's indicators, as a range of the flat indicator order.",
            "INDICATOR_SPANS",
            range,
            indicator_spans,
        ),
    ] {
        let _ = writeln!(
            s,
            "/// {doc}\nstatic {name}: [{item}; {}] = [{}];",
            items.len(),
            items.join(", ")
        );
    }
    s
}
