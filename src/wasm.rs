//! The JavaScript binding, and the only module that touches wasm-bindgen. Every export does the
//! same three things: read its arguments into [`Json`] trees, call the core, and convert the
//! result back through JSON text (maps become plain objects, `None` becomes `null`).
//!
//! `rubric()` is not here: it is static data, so the package's entry module serves the same
//! generated JSON (schema/rubric.json) and the WebAssembly does not carry ten kilobytes of it.
//!
//! Without the default `full` feature only `score` is exported: the embeddable widget needs
//! nothing else, and its WebAssembly is a quarter smaller for it (scripts/build.sh builds both).

#[cfg(feature = "full")]
use crate::compare::{MAX_PROFILES, MAX_TOTAL_BYTES};
use crate::json::{limits, Json};
use crate::prelude::*;
#[cfg(feature = "full")]
use crate::profile::Profile;
use crate::text::WriteJson;
use crate::Error;
use wasm_bindgen::prelude::*;

// The JavaScript half is a module of its own, src/js/boundary.js, which tests/node/boundary.test.mjs
// runs without the WebAssembly.
#[wasm_bindgen(module = "/src/js/boundary.js")]
extern "C" {
    // Returns text, not a `JsValue`: when a `catch` import throws, wasm-bindgen's shim returns the
    // error before it takes ownership of the return value, so an externref return would leave one
    // table slot (holding `undefined`) behind per rejected input. A string returns through
    // memory, and there is nothing to leave.
    #[wasm_bindgen(js_name = jsonText, catch)]
    fn json_text(
        value: &JsValue,
        max_bytes: usize,
        max_depth: usize,
        max_string: usize,
        max_nodes: usize,
        max_keys: usize,
    ) -> Result<String, JsValue>;
    #[cfg(feature = "full")]
    #[wasm_bindgen(js_name = itemCount, catch)]
    fn item_count(value: &JsValue, max_items: usize) -> Result<i32, JsValue>;
    #[cfg(feature = "full")]
    #[wasm_bindgen(js_name = itemText, catch)]
    fn item_text(
        array: &JsValue,
        index: usize,
        max_bytes: usize,
        max_depth: usize,
        max_string: usize,
        max_nodes: usize,
        max_keys: usize,
    ) -> Result<String, JsValue>;
    // Bytes, not `&str`: the text is ASCII, which `fromAscii` reads without UTF-8 decoding.
    #[wasm_bindgen(js_name = fromAscii)]
    fn from_ascii(text: &[u8], floats: &[f64]) -> JsValue;
    type ProfileError;
    #[wasm_bindgen(constructor)]
    fn new(message: &str, code: &str, path: &str, suggestion: Option<&str>) -> ProfileError;
}

/// talc serves every export: its time per allocation stays flat with many live blocks, where a
/// free list's grows with them (compare of 3,000 small profiles: 0.24 ms per profile against
/// 2.4 ms), as dlmalloc's does in 1 KB gzip more. See docs/decisions/0004-allocator.md.
#[cfg(feature = "full")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm =
    // SAFETY: WebAssembly without the threads proposal has exactly one thread, and nothing else
    // in this module grows or claims its memory (wasm-bindgen allocates through this allocator).
    unsafe { talc::TalckWasm::new_global() };

/// The widget scores one profile per call, whose short-lived trees a few kilobytes of free-list
/// allocator serve as well as talc's 1.5 KB gzip more code.
#[cfg(not(feature = "full"))]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: WebAssembly without the threads proposal has exactly one thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

fn thrown(e: &Error) -> JsValue {
    ProfileError::new(&e.message(), e.code(), e.path(), e.suggestion()).into()
}

/// A JavaScript value or JSON text (a string or its UTF-8 bytes), read under the engine's limits.
///
/// Values cross as JSON text: the browser's native `JSON.stringify` and the engine's parser beat
/// one boundary crossing per property, and the parser is the one place duplicate keys are found.
/// `jsonText` walks an object under the same limits before stringify writes it (a shared
/// sub-object counts each time it is reached, so the text cannot grow past them), reads bytes as
/// text once their length is within the byte limit, and names what stringify would fail on (a
/// BigInt, a cycle, a throwing getter or `toJSON`, a typed array) or what is over a limit with its
/// path instead, for the engine to report.
fn input(v: JsValue) -> Result<Json, Error> {
    match json_text(
        &v,
        limits::MAX_BYTES,
        limits::MAX_DEPTH,
        limits::MAX_STRING_BYTES,
        limits::MAX_NODES,
        limits::MAX_KEYS,
    ) {
        Ok(text) => Json::parse(&text),
        Err(p) => Err(problem(&p, limits::MAX_KEYS)),
    }
}

/// The engine's error for a problem `jsonText`, `itemCount` or `itemText` threw ("code\npath");
/// `too-many` is over `many`.
fn problem(problem: &JsValue, many: usize) -> Error {
    let problem = problem.as_string().unwrap_or_default();
    // "code\npath".
    let (code, path) = problem.split_once('\n').unwrap_or_default();
    let path = String::from(path);
    match code {
        "too-large" => Error::too_large(path, limits::MAX_BYTES),
        "too-large-nodes" => Error::too_large(path, limits::MAX_NODES),
        "too-many" => Error::too_many(path, many),
        "too-deep" => Error::too_deep(path, limits::MAX_DEPTH),
        "too-long" => Error::string_too_long(path),
        _ => Error::unsupported_value(path),
    }
}

/// Profiles for `compare` or `sensitivity`: an array's length is checked against `max` before
/// any of it is read, then [`crate::read_profiles`] parses and checks one profile's text at a
/// time, each under the limits of one input and all within [`MAX_TOTAL_BYTES`]. Anything but a
/// plain array is read whole, as one input, and checked as the Rust API checks it.
#[cfg(feature = "full")]
fn profiles(v: JsValue, max: usize) -> Result<Vec<Profile>, Error> {
    let count = item_count(&v, max).map_err(|p| problem(&p, max))?;
    let Ok(count) = usize::try_from(count) else {
        return crate::profiles_of(&input(v)?, max);
    };
    let mut total = 0;
    crate::read_profiles(count, max, |n| {
        let text = item_text(
            &v,
            n,
            limits::MAX_BYTES,
            limits::MAX_DEPTH,
            limits::MAX_STRING_BYTES,
            limits::MAX_NODES,
            limits::MAX_KEYS,
        )
        .map_err(|p| problem(&p, limits::MAX_KEYS).within_index(n))?;
        total += text.len();
        if total > MAX_TOTAL_BYTES {
            return Err(Error::too_large(String::new(), MAX_TOTAL_BYTES).within_index(n));
        }
        Json::parse(&text).map_err(|e| e.within_index(n))
    })
}

fn optional(v: JsValue) -> Result<Option<Json>, Error> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    input(v).map(Some)
}

/// Output crosses the boundary as JSON text and one `JSON.parse`: much faster than building the
/// report one property at a time, and no float printing in the WebAssembly (src/base/text.rs).
/// The text is ASCII, every other character escaped, which JavaScript reads into a string
/// without decoding UTF-8 (docs/decisions/0006-ascii-report-text.md).
fn output<T: WriteJson>(value: &T) -> JsValue {
    let text = crate::text::to_ascii_text(value);
    from_ascii(text.json.as_bytes(), &text.floats)
}

fn run<T: WriteJson>(f: impl FnOnce() -> Result<T, Error>) -> Result<JsValue, JsValue> {
    f().map(|v| output(&v)).map_err(|e| thrown(&e))
}

/// Scores one profile (an object, or JSON text as a string or as UTF-8 bytes: a `Uint8Array`,
/// `ArrayBuffer` or `DataView`). Throws a `ProfileError`.
#[wasm_bindgen]
pub fn score(profile: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    run(|| crate::score(&input(profile)?, optional(options)?.as_ref()))
}

/// Lists every error and warning of a profile; never throws.
#[cfg(feature = "full")]
#[wasm_bindgen]
pub fn validate(profile: JsValue, options: JsValue) -> JsValue {
    let checked = match (input(profile), optional(options)) {
        (Ok(p), Ok(o)) => crate::validate(&p, o.as_ref()),
        (Err(e), _) | (_, Err(e)) => crate::Validation {
            ok: false,
            errors: vec![e],
            warnings: Vec::new(),
        },
    };
    output(&checked)
}

/// Scores and ranks several profiles under the same options. Throws a `ProfileError`.
#[cfg(feature = "full")]
#[wasm_bindgen]
pub fn compare(profiles: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    run(|| {
        let options = optional(options)?;
        crate::compare_with(options.as_ref(), || self::profiles(profiles, MAX_PROFILES))
    })
}

/// How pillar scores and rankings move under perturbed weights. Throws a `ProfileError`.
#[cfg(feature = "full")]
#[wasm_bindgen]
pub fn sensitivity(profiles: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    run(|| {
        let options = optional(options)?;
        crate::sensitivity_with(options.as_ref(), || {
            self::profiles(profiles, crate::sensitivity::MAX_PROFILES)
        })
    })
}

/// What changed between two assessments of the same process. Throws a `ProfileError`.
#[cfg(feature = "full")]
#[wasm_bindgen]
pub fn diff(old: JsValue, new: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    run(|| crate::diff(&input(old)?, &input(new)?, optional(options)?.as_ref()))
}

/// A standalone SVG badge drawn from a report. Throws a `ProfileError`.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = badgeSvg)]
pub fn badge_svg(report: JsValue, options: JsValue) -> Result<String, JsValue> {
    let svg = || crate::badge::svg(&input(report)?, optional(options)?.as_ref());
    svg().map_err(|e| thrown(&e))
}

/// The crate and methodology versions.
#[cfg(feature = "full")]
#[wasm_bindgen]
pub fn version() -> JsValue {
    output(&crate::version())
}
