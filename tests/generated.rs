//! docs/methodology.md and www/locales/en.json are generated from rubric/v1.toml by build.rs.
//! This test fails when a committed copy is stale; `SDO_BLESS=1 cargo test --test generated`
//! rewrites them.

const GENERATED: [(&str, &str); 2] = [
    (
        "docs/methodology.md",
        include_str!(concat!(env!("OUT_DIR"), "/methodology.md")),
    ),
    (
        "www/locales/en.json",
        include_str!(concat!(env!("OUT_DIR"), "/en.json")),
    ),
];

#[test]
fn committed_copies_match_the_rubric() {
    let root = env!("CARGO_MANIFEST_DIR");
    let bless = std::env::var_os("SDO_BLESS").is_some();
    for (path, fresh) in GENERATED {
        let file = format!("{root}/{path}");
        if bless {
            std::fs::write(&file, fresh).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(
            committed == fresh,
            "{path} is stale: it is generated from rubric/v1.toml; run `SDO_BLESS=1 cargo test --test generated`"
        );
    }
}
