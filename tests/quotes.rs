#![cfg(not(target_arch = "wasm32"))]
//! The sentences the methodology rests on are quoted as the seed documents say them: every quote
//! of rubric/v2.toml whose source is a seed document occurs in that document, word for word
//! (runs of white space count as one space), every indicator quotes at least one seed sentence
//! or names a framework it quotes, and every quoted source is one the indicator cites.
//!
//! The seeds live beside the repository, in `../shared/seeds/` (the project's source documents,
//! not shipped with the crate). Where they are absent, as in a clone of the crate alone, the test
//! says so and checks the rest; under CI (`CI` set) their absence is a failure.

#[path = "../rubric/source.rs"]
mod source;

use source::{Quote, Source};
use std::path::PathBuf;

const SEEDS: &[(&str, &str)] = &[
    ("seed-gni-2025", "000_9b933540f342e528.txt"),
    ("seed-ohchr-2023", "001_fbe555d0f44cda8c.txt"),
    ("seed-btech", "002_5313f9392a29f060.txt"),
];

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn rubric() -> Source {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/rubric/v2.toml");
    source::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// `(where, source, text, the holder's cited sources)` of every quote: the coverage rule's (which
/// cites nothing) and each indicator's.
fn quotes(rubric: &Source) -> Vec<(&str, &str, &str, &[String])> {
    let mut holders: Vec<(&str, &[Quote], &[String])> =
        vec![("coverage", &rubric.coverage.quotes, &[])];
    for indicator in rubric.pillars.iter().flat_map(|p| &p.indicators) {
        holders.push((&indicator.id, &indicator.quotes, &indicator.sources));
    }
    holders
        .into_iter()
        .flat_map(|(id, quotes, cited)| {
            quotes
                .iter()
                .map(move |q| (id, q.source.as_str(), q.text.as_str(), cited))
        })
        .collect()
}

#[test]
fn every_indicator_quotes_what_it_rests_on() {
    let rubric = rubric();
    let all = quotes(&rubric);
    for pillar in &rubric.pillars {
        for indicator in &pillar.indicators {
            let id = indicator.id.as_str();
            let own: Vec<_> = all.iter().filter(|q| q.0 == id).collect();
            assert!(!own.is_empty(), "{id} quotes nothing");
            for (_, source, text, cited) in own {
                assert!(
                    cited.iter().any(|c| c == source),
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
    let rubric = rubric();
    for (id, source, text, _) in quotes(&rubric) {
        let Some((_, file)) = SEEDS.iter().find(|(s, _)| *s == source) else {
            continue;
        };
        let seed = collapse(&std::fs::read_to_string(dir.join(file)).unwrap());
        assert!(
            seed.contains(&collapse(text)),
            "{id}: the quote is not in {file}: {text:?}"
        );
        checked += 1;
    }
    assert!(checked >= 17, "only {checked} seed quotes");
}
