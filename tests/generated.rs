//! Files generated from the rubric and the engine, committed so that they can be read and
//! shipped: docs/methodology.md, www/locales/en.json, schema/rubric.json (which the package's
//! `rubric()` serves) and www/app/methodology.json (the page's weight reasons and quotes), by
//! build.rs from rubric/v2.toml; and schema/profile.schema.json (by `sdo_openness::schema`).
//! This test fails when a committed copy is stale; `SDO_BLESS=1 cargo test --test generated`
//! rewrites them.

fn generated() -> Vec<(&'static str, String)> {
    let mut schema = serde_json::to_string_pretty(&sdo_openness::schema::profile_schema()).unwrap();
    schema.push('\n');
    let mut api = serde_json::to_string_pretty(&sdo_openness::schema::api_schema()).unwrap();
    api.push('\n');
    vec![
        ("schema/api.schema.json", api),
        (
            "docs/methodology.md",
            include_str!(concat!(env!("OUT_DIR"), "/methodology.md")).to_string(),
        ),
        (
            "www/locales/en.json",
            include_str!(concat!(env!("OUT_DIR"), "/en.json")).to_string(),
        ),
        ("schema/profile.schema.json", schema),
        (
            "schema/rubric.json",
            include_str!(concat!(env!("OUT_DIR"), "/rubric.json")).to_string(),
        ),
        (
            "www/app/methodology.json",
            include_str!(concat!(env!("OUT_DIR"), "/methodology.json")).to_string(),
        ),
    ]
}

#[test]
fn committed_copies_are_current() {
    let root = env!("CARGO_MANIFEST_DIR");
    let bless = std::env::var_os("SDO_BLESS").is_some();
    for (path, fresh) in generated() {
        let file = format!("{root}/{path}");
        if bless {
            std::fs::create_dir_all(std::path::Path::new(&file).parent().unwrap()).unwrap();
            std::fs::write(&file, &fresh).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(
            committed == fresh,
            "{path} is stale: run `SDO_BLESS=1 cargo test --test generated`"
        );
    }
}
