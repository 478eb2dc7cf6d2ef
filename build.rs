//! Reads `rubric/v1.toml`, the single source of the methodology, checks it, and writes three
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

const RUBRIC: &str = "rubric/v1.toml";
const INTRO: &str = "rubric/methodology-intro.md";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Source {
    methodology: Methodology,
    bands: Vec<Band>,
    units: BTreeMap<String, String>,
    sources: Vec<Reference>,
    pillars: Vec<Pillar>,
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
    name: String,
    help: String,
    cite: String,
    sources: Vec<String>,
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
            for (n, e) in i.elements.iter().enumerate() {
                fresh(&e.id, "element");
                if e.id != format!("{}.{}", i.id, n + 1) {
                    fail(&format!(
                        "{RUBRIC}: element {} should be numbered {}.{}",
                        e.id,
                        i.id,
                        n + 1
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
    if let Some(unused) = sources.difference(&cited).next() {
        fail(&format!(
            "{RUBRIC}: source {unused} is cited by no indicator"
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
    s.push_str("bands: &[");
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
                "\n### `{}` {} — weight {}\n\n{}\n",
                i.id,
                i.name,
                number(i.weight),
                i.help
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
