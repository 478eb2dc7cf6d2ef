#![cfg(not(target_arch = "wasm32"))]
//! The sentences the methodology rests on are quoted as the seed documents say them: every quote
//! of rubric/v2.toml whose source is a seed document occurs in that document, word for word
//! (runs of white space count as one space), every indicator quotes at least one seed sentence
//! or names a framework it quotes, and every quoted source is one the indicator cites.
//!
//! The seeds live beside the repository, in `../shared/seeds/` (the project's source documents,
//! not shipped with the crate). Where they are absent, as in a clone of the crate alone, the test
//! says so and checks the rest; under CI (`CI` set) their absence is a failure.

use std::path::PathBuf;

const SEEDS: &[(&str, &str)] = &[
    ("seed-gni-2025", "000_9b933540f342e528.txt"),
    ("seed-ohchr-2023", "001_fbe555d0f44cda8c.txt"),
    ("seed-btech", "002_5313f9392a29f060.txt"),
];

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn rubric() -> toml::Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/rubric/v2.toml");
    toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// `(where, source, text)` of every quote, with the indicator's cited sources.
fn quotes(rubric: &toml::Value) -> Vec<(String, String, String, Vec<String>)> {
    let strings = |v: &toml::Value, key: &str| -> Vec<String> {
        v.get(key)
            .and_then(|x| x.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    let mut holders = vec![("coverage".to_string(), rubric["coverage"].clone())];
    for pillar in rubric["pillars"].as_array().unwrap() {
        for indicator in pillar["indicators"].as_array().unwrap() {
            holders.push((indicator["id"].as_str().unwrap().into(), indicator.clone()));
        }
    }
    for (id, holder) in holders {
        let cited = strings(&holder, "sources");
        let list = holder.get("quotes").and_then(|q| q.as_array()).cloned();
        for q in list.unwrap_or_default() {
            out.push((
                id.clone(),
                q["source"].as_str().unwrap().into(),
                q["text"].as_str().unwrap().into(),
                cited.clone(),
            ));
        }
    }
    out
}

#[test]
fn every_indicator_quotes_what_it_rests_on() {
    let rubric = rubric();
    let all = quotes(&rubric);
    for pillar in rubric["pillars"].as_array().unwrap() {
        for indicator in pillar["indicators"].as_array().unwrap() {
            let id = indicator["id"].as_str().unwrap();
            let own: Vec<_> = all.iter().filter(|q| q.0 == id).collect();
            assert!(!own.is_empty(), "{id} quotes nothing");
            for (_, source, text, cited) in own {
                assert!(
                    cited.contains(source),
                    "{id} quotes {source}, which it does not cite"
                );
                assert!(
                    !text.trim().is_empty() && text.chars().count() <= 600,
                    "{id}: {text:?}"
                );
            }
        }
    }
}

#[test]
fn seed_quotes_are_word_for_word() {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds"));
    if !dir.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{} is missing: CI must check the quotes against the seeds",
            dir.display()
        );
        eprintln!("skipped: {} is not beside this repository", dir.display());
        return;
    }
    let mut checked = 0;
    for (id, source, text, _) in quotes(&rubric()) {
        let Some((_, file)) = SEEDS.iter().find(|(s, _)| *s == source) else {
            continue;
        };
        let seed = collapse(&std::fs::read_to_string(dir.join(file)).unwrap());
        assert!(
            seed.contains(&collapse(&text)),
            "{id}: the quote is not in {file}: {text:?}"
        );
        checked += 1;
    }
    assert!(checked >= 17, "only {checked} seed quotes");
}
