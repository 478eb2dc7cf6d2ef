//! Reads `rubric/v2.toml`, the single source of the methodology, checks it, and writes three
//! artefacts into `OUT_DIR`:
//!
//! - `rubric.rs`: static tables of structure only (ids, weights, points, curves, source ids), so
//!   the engine ships no parser and no human text;
//! - `methodology.md`: the methodology document (committed as `docs/methodology.md`);
//! - `en.json`: the English message catalogue (committed as `www/locales/en.json`).
//!
//! The committed copies are compared with these by `tests/generated.rs`; run
//! `SDO_BLESS=1 cargo test --test generated` to refresh them.

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

const RUBRIC: &str = "rubric/v2.toml";
const INTRO: &str = "rubric/methodology-intro.md";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Source {
    methodology: Methodology,
    coverage: Coverage,
    evidence: EvidenceRules,
    bands: Vec<Band>,
    units: BTreeMap<String, String>,
    sources: Vec<Reference>,
    pillars: Vec<Pillar>,
    crosswalk: Vec<Retired>,
}

/// When a figure may be published (see rubric/v2.toml).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Coverage {
    indicator: f64,
    pillar: f64,
    #[serde(default)]
    quotes: Vec<Quote>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EvidenceRules {
    max_age_days: u32,
}

/// A sentence a rule or indicator rests on, verbatim from its source.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Quote {
    source: String,
    at: String,
    text: String,
}

/// A v1 question that v2 does not keep under its id.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Retired {
    v1: String,
    v2: String,
    change: String,
    reason: String,
    options: Vec<String>,
    map: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Methodology {
    id: String,
    version: String,
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Band {
    id: String,
    min: f64,
    label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Reference {
    id: String,
    title: String,
    url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Pillar {
    id: String,
    name: String,
    description: String,
    indicators: Vec<Indicator>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Indicator {
    id: String,
    weight: f64,
    /// Why the indicator has this weight in its pillar.
    weight_reason: String,
    name: String,
    help: String,
    cite: String,
    sources: Vec<String>,
    #[serde(default)]
    quotes: Vec<Quote>,
    elements: Vec<Element>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Element {
    id: String,
    #[serde(default = "one")]
    weight: f64,
    question: String,
    help: String,
    options: Option<Vec<Choice>>,
    curve: Option<Curve>,
}

fn one() -> f64 {
    1.0
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Choice {
    id: String,
    points: f64,
    label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Curve {
    unit: String,
    min: f64,
    max: f64,
    points: Vec<(f64, f64)>,
}

fn main() {
    println!("cargo:rerun-if-changed={RUBRIC}");
    println!("cargo:rerun-if-changed={INTRO}");
    let text = std::fs::read_to_string(RUBRIC)
        .unwrap_or_else(|e| fail(&format!("cannot read {RUBRIC}: {e}")));
    let rubric: Source = toml::from_str(&text).unwrap_or_else(|e| fail(&format!("{RUBRIC}: {e}")));
    check(&rubric);
    let intro = std::fs::read_to_string(INTRO)
        .unwrap_or_else(|e| fail(&format!("cannot read {INTRO}: {e}")));
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    write(&out.join("rubric.rs"), &tables(&rubric));
    write(&out.join("methodology.md"), &methodology(&rubric, &intro));
    write(&out.join("en.json"), &catalogue(&rubric));
    write(&out.join("rubric.json"), &structure(&rubric));
    write(&out.join("methodology.json"), &page_text(&rubric));
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
    let mut s = String::from("// Generated by build.rs from rubric/v1.toml. Do not edit.\n");
    let m = &r.methodology;
    let _ = writeln!(
        s,
        "/// The methodology's rubric, generated from `rubric/v1.toml`."
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

fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// Markdown cells must not break the table.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn methodology(r: &Source, intro: &str) -> String {
    let m = &r.methodology;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<!-- Generated by build.rs from rubric/v1.toml and rubric/methodology-intro.md."
    );
    let _ = writeln!(s, "     Do not edit: change the sources and run `SDO_BLESS=1 cargo test --test generated`. -->\n");
    let _ = writeln!(s, "# {} — `{}` version {}\n", m.name, m.id, m.version);
    s.push_str(intro.trim_end());
    s.push_str("\n\n## Bands\n\n| band | id | scores |\n|---|---|---|\n");
    for (n, b) in r.bands.iter().enumerate() {
        let upper = r
            .bands
            .get(n + 1)
            .map(|next| format!("below {}", number(next.min)))
            .unwrap_or_else(|| "up to 100".into());
        let _ = writeln!(
            s,
            "| {} | `{}` | from {} {} |",
            b.label,
            b.id,
            number(b.min),
            upper
        );
    }
    let _ = writeln!(
        s,
        "\n## When a score is published\n\nAn indicator is **scored** when its answered questions (an option, a value or no public information) carry at least {}% of its applicable weight. A pillar is **scored** when its answered questions carry at least {}% of its applicable weight — each question weighted by its share of its indicator times the indicator's share of the pillar, under the weights in use — and every indicator with an applicable question and a positive weight has at least one answer. Otherwise the status is `insufficient-data`: the report gives the range (`lower`, `upper`) and the coverage, but no score, band, rank or recommendation. The pillar score averages each indicator's answered questions, published or not: with the rule met, what is still open moves it by at most {} points. An indicator whose questions are all not applicable is `not-applicable`. Shares are compared to within 10⁻⁹.\n",
        number(r.coverage.indicator * 100.0),
        number(r.coverage.pillar * 100.0),
        number((1.0 - r.coverage.pillar) * 100.0)
    );
    if !r.coverage.quotes.is_empty() {
        s.push_str("The rule rests on:\n\n");
        quotes(&mut s, &r.coverage.quotes, r);
    }
    for p in &r.pillars {
        let _ = writeln!(
            s,
            "\n## Pillar `{}`: {}\n\n{}\n",
            p.id, p.name, p.description
        );
        s.push_str("| indicator | weight in pillar | elements |\n|---|---|---|\n");
        for i in &p.indicators {
            let _ = writeln!(
                s,
                "| `{}` {} | {} | {} |",
                i.id,
                cell(&i.name),
                number(i.weight),
                i.elements.len()
            );
        }
        for i in &p.indicators {
            let _ = writeln!(
                s,
                "\n### `{}` {} — weight {}\n\n{}\n\nWhy this weight: {}\n",
                i.id,
                i.name,
                number(i.weight),
                i.help,
                i.weight_reason
            );
            let _ = writeln!(
                s,
                "Rests on: {} (sources: {}).\n",
                i.cite,
                i.sources
                    .iter()
                    .map(|x| format!("`{x}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            quotes(&mut s, &i.quotes, r);
            let total: f64 = i.elements.iter().map(|e| e.weight).sum();
            for e in &i.elements {
                let _ = writeln!(
                    s,
                    "#### `{}` {}\n\nWeight {} of {} in the indicator. {}\n",
                    e.id,
                    e.question,
                    number(e.weight),
                    number(total),
                    e.help
                );
                match (&e.options, &e.curve) {
                    (Some(options), _) => {
                        s.push_str("| option id | answer | points |\n|---|---|---|\n");
                        for o in options {
                            let _ = writeln!(
                                s,
                                "| `{}` | {} | {} |",
                                o.id,
                                cell(&o.label),
                                number(o.points)
                            );
                        }
                    }
                    (None, Some(c)) => {
                        let _ = writeln!(
                            s,
                            "A number in {} (`{}`), accepted from {} to {}, scored by linear interpolation between these points and held flat beyond the first and last:\n",
                            r.units[&c.unit],
                            c.unit,
                            number(c.min),
                            number(c.max)
                        );
                        s.push_str("| value | points |\n|---|---|\n");
                        for (x, y) in &c.points {
                            let _ = writeln!(s, "| {} | {} |", number(*x), number(*y));
                        }
                    }
                    (None, None) => unreachable!("checked"),
                }
                s.push('\n');
            }
        }
    }
    s.push_str("\n## Crosswalk from methodology 1.0.0\n\nEvery question of v1 keeps its id, options and points in v2, except those below. A v1 profile is read under v2 with the warning `profile-v1`: an answer to a retired question becomes the answer to its successor where the option means the same (the table says which), and is otherwise dropped with the warning `v1-answer-dropped`; questions new in v2 are not assessed. Scores under v1 and v2 are not comparable.\n\n| v1 | v2 | change | carried over | reason |\n|---|---|---|---|---|\n");
    for c in &r.crosswalk {
        let map: Vec<String> = c
            .map
            .iter()
            .map(|(a, b)| format!("`{a}` → `{b}`"))
            .collect();
        let _ = writeln!(
            s,
            "| `{}` | `{}` | {} | {} | {} |",
            c.v1,
            c.v2,
            c.change,
            if map.is_empty() {
                "nothing".into()
            } else {
                map.join(", ")
            },
            cell(&c.reason)
        );
    }
    let v1: BTreeSet<&str> = r.crosswalk.iter().map(|c| c.v2.as_str()).collect();
    let new: Vec<String> = r
        .pillars
        .iter()
        .flat_map(|p| &p.indicators)
        .flat_map(|i| &i.elements)
        .filter(|e| !v1.contains(e.id.as_str()) && !V1_IDS.contains(&e.id.as_str()))
        .map(|e| format!("`{}`", e.id))
        .collect();
    let _ = writeln!(s, "\nNew in v2: {}.", new.join(", "));
    s.push_str("\n## Sources\n\n| id | source |\n|---|---|\n");
    for src in &r.sources {
        let title = match &src.url {
            Some(url) => format!("[{}]({url})", cell(&src.title)),
            None => cell(&src.title),
        };
        let _ = writeln!(s, "| `{}` | {} |", src.id, title);
    }
    s
}

/// The ids of methodology 1.0.0's questions: what v2 keeps is every one of them not retired by
/// the crosswalk (checked in `check`).
const V1_IDS: &[&str] = &[
    "O1.1", "O1.2", "O2.1", "O2.2", "O3.1", "O3.2", "O3.3", "O4.1", "O4.2", "O4.3", "O5.1", "O5.2",
    "O5.3", "O6.1", "O6.2", "O6.3", "O7.1", "O7.2", "O8.1", "O8.2", "O8.3", "I1.1", "I1.2", "I2.1",
    "I2.2", "I2.3", "I3.1", "I3.2", "I4.1", "I4.2", "I4.3", "I4.4", "I5.1", "I5.2", "I5.3", "I5.4",
    "I6.1", "I6.2", "I7.1", "I7.2", "I7.3", "I8.1", "I8.2",
];

/// The quoted sentences, as a list under an indicator or rule.
fn quotes(s: &mut String, quotes: &[Quote], r: &Source) {
    for q in quotes {
        let title = r
            .sources
            .iter()
            .find(|src| src.id == q.source)
            .map_or(q.source.as_str(), |src| src.title.as_str());
        let _ = writeln!(s, "> “{}” — {}, {}\n", q.text.trim(), title, q.at);
    }
}

/// What the page's methodology pages show beyond the structure and the catalogue, in the rubric's
/// own (English) words: each indicator's weight reason and quotes, and the coverage rule's quotes,
/// with each source's title and address. Never compiled into the engine.
fn page_text(r: &Source) -> String {
    use serde_json::{json, Map, Value};
    let quoted = |quotes: &[Quote]| -> Vec<Value> {
        quotes
            .iter()
            .map(|q| json!({ "source": q.source, "at": q.at, "text": q.text.trim() }))
            .collect()
    };
    let mut indicators = Map::new();
    for i in r.pillars.iter().flat_map(|p| &p.indicators) {
        indicators.insert(
            i.id.clone(),
            json!({ "weightReason": i.weight_reason, "quotes": quoted(&i.quotes) }),
        );
    }
    let sources: Map<String, Value> = r
        .sources
        .iter()
        .map(|src| {
            (
                src.id.clone(),
                json!({ "title": src.title, "url": src.url }),
            )
        })
        .collect();
    let text = json!({
        "version": r.methodology.version,
        "coverage": { "quotes": quoted(&r.coverage.quotes) },
        "indicators": indicators,
        "sources": sources,
    });
    let mut text = serde_json::to_string_pretty(&text).expect("the page text serializes");
    text.push('\n');
    text
}

/// The rubric's structure as JSON, exactly as `Rubric` serializes (a test checks it): the binding
/// hands this text to `JSON.parse` instead of shipping serialization code for static data.
fn structure(r: &Source) -> String {
    use serde_json::json;
    let pillars: Vec<_> = r
        .pillars
        .iter()
        .map(|p| {
            let indicators: Vec<_> = p
                .indicators
                .iter()
                .map(|i| {
                    let elements: Vec<_> = i
                        .elements
                        .iter()
                        .map(|e| {
                            let scale = match (&e.options, &e.curve) {
                                (Some(options), _) => json!({
                                    "kind": "options",
                                    "options": options.iter().map(|o| json!({ "id": o.id, "points": o.points })).collect::<Vec<_>>(),
                                }),
                                (None, Some(c)) => json!({ "kind": "curve", "unit": c.unit, "min": c.min, "max": c.max, "points": c.points }),
                                (None, None) => unreachable!("checked"),
                            };
                            json!({ "id": e.id, "weight": e.weight, "scale": scale })
                        })
                        .collect();
                    json!({ "id": i.id, "weight": i.weight, "sources": i.sources, "elements": elements })
                })
                .collect();
            json!({ "id": p.id, "indicators": indicators })
        })
        .collect();
    let value = json!({
        "id": r.methodology.id,
        "version": r.methodology.version,
        "coverage": { "indicator": r.coverage.indicator, "pillar": r.coverage.pillar },
        "evidence": { "max_age_days": r.evidence.max_age_days },
        "crosswalk": r.crosswalk.iter().map(|c| json!({
            "v1": c.v1, "v2": c.v2, "change": c.change, "options": c.options,
            "map": c.map.iter().map(|(a, b)| json!([a, b])).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "bands": r.bands.iter().map(|b| json!({ "id": b.id, "min": b.min })).collect::<Vec<_>>(),
        "sources": r.sources.iter().map(|s| json!({ "id": s.id, "url": s.url })).collect::<Vec<_>>(),
        "pillars": pillars,
    });
    serde_json::to_string(&value).expect("the rubric serializes")
}

/// The English catalogue: every human text of the rubric, keyed by id, for the page and widget.
fn catalogue(r: &Source) -> String {
    use serde_json::{json, Map, Value};
    let mut pillars = Map::new();
    let mut indicators = Map::new();
    let mut elements = Map::new();
    for p in &r.pillars {
        pillars.insert(
            p.id.clone(),
            json!({ "name": p.name, "description": p.description }),
        );
        for i in &p.indicators {
            indicators.insert(
                i.id.clone(),
                json!({ "name": i.name, "help": i.help, "cite": i.cite }),
            );
            for e in &i.elements {
                let mut entry = json!({ "question": e.question, "help": e.help });
                if let Some(options) = &e.options {
                    let labels: Map<String, Value> = options
                        .iter()
                        .map(|o| (o.id.clone(), json!(o.label)))
                        .collect();
                    entry["options"] = Value::Object(labels);
                }
                elements.insert(e.id.clone(), entry);
            }
        }
    }
    let catalogue = json!({
        "locale": "en",
        "methodology": { "id": r.methodology.id, "version": r.methodology.version, "name": r.methodology.name },
        "bands": r.bands.iter().map(|b| (b.id.clone(), json!(b.label))).collect::<Map<String, Value>>(),
        "units": r.units,
        "sources": r.sources.iter().map(|s| (s.id.clone(), json!(s.title))).collect::<Map<String, Value>>(),
        "pillars": pillars,
        "indicators": indicators,
        "elements": elements,
    });
    let mut text = serde_json::to_string_pretty(&catalogue).expect("a catalogue serializes");
    text.push('\n');
    text
}
