//! The JavaScript binding, and the only module that touches wasm-bindgen. Every export does the
//! same three things: read its arguments into [`Json`] trees, call the core, and convert the
//! result back through JSON text (maps become plain objects, `None` becomes `null`).
//!
//! Without the default `full` feature only `score` is exported: the embeddable widget needs
//! nothing else, and its WebAssembly is a quarter smaller for it (scripts/build.sh builds both).

use crate::json::{count_node, limits, Json};
use crate::prelude::*;
use crate::text::WriteJson;
use crate::Error;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
/** Parses the engine's JSON text, putting back the numbers it handed aside (see src/text.rs). */
export function fromText(text, floats) {
  if (floats.length > 0) text = text.replace(/\u0001(\d+)\u0001/g, (_, i) => JSON.stringify(floats[i]));
  return JSON.parse(text);
}

/** A rejected input: `code` is stable, `path` is the JSON path of the offending value. */
export class ProfileError extends Error {
  constructor(message, code, path, suggestion) {
    super(message);
    this.name = "ProfileError";
    this.code = code;
    this.path = path;
    this.suggestion = suggestion ?? null;
  }
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = fromText)]
    fn from_text(text: &str, floats: &[f64]) -> JsValue;
    type ProfileError;
    #[wasm_bindgen(constructor)]
    fn new(message: &str, code: &str, path: &str, suggestion: Option<&str>) -> ProfileError;
}

/// The engine runs on one thread, and a few kilobytes of free-list allocator serve its short-lived
/// trees as well as dlmalloc's much larger code.
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: WebAssembly without the threads proposal has exactly one thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

fn thrown(e: &Error) -> JsValue {
    ProfileError::new(&e.message(), e.code(), e.path(), e.suggestion()).into()
}

#[wasm_bindgen]
extern "C" {
    /// `Object.keys`, catching what a hostile Proxy may throw.
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    fn object_keys(object: &JsValue) -> Result<js_sys::Array, JsValue>;
}

/// A JavaScript value or JSON text, read under the engine's limits.
///
/// Values are walked here rather than through serde-wasm-bindgen's deserializer: the walk knows
/// the JSON path of every value (so a throwing getter is reported where it is), enforces the
/// limits before copying anything large into WebAssembly memory, and keeps serde's error
/// formatting (float printing included) out of the build.
fn input(v: JsValue) -> Result<Json, Error> {
    if let Some(text) = v.as_string() {
        return Json::parse(&text);
    }
    // Fast path: the browser's native JSON.stringify and our parser beat one boundary crossing
    // per property. Whatever it cannot express exactly (NaN, functions, cycles, BigInt, throwing
    // getters) or any input it leads to reject is read again by the walk, whose errors carry
    // the exact path and kind.
    if let Ok(text) = js_sys::JSON::stringify(&v) {
        if let Some(text) = text.as_string() {
            if let Ok(tree) = Json::parse(&text) {
                if !has_null(&tree) {
                    return Ok(tree);
                }
            }
        }
    }
    walk(&v, 0, &mut Budget::default())
}

/// What a walk has read so far, against the same limits as JSON text.
#[derive(Default)]
struct Budget {
    nodes: usize,
    bytes: usize,
}

impl Budget {
    fn take(&mut self, bytes: usize) -> Result<(), Error> {
        count_node(&mut self.nodes)?;
        self.bytes += bytes;
        if self.bytes > limits::MAX_BYTES {
            return Err(Error::too_large(String::new(), limits::MAX_BYTES));
        }
        Ok(())
    }
}

/// JSON.stringify writes NaN, infinities and undefined array items as null; a null anywhere
/// sends the value through the walk, which tells them apart.
fn has_null(tree: &Json) -> bool {
    match tree {
        Json::Null => true,
        Json::Array(items) => items.iter().any(has_null),
        Json::Object(entries) => entries.iter().any(|(_, v)| has_null(v)),
        _ => false,
    }
}

fn walk(v: &JsValue, depth: usize, budget: &mut Budget) -> Result<Json, Error> {
    budget.take(0)?;
    if v.is_null() || v.is_undefined() {
        return Ok(Json::Null);
    }
    if let Some(b) = v.as_bool() {
        return Ok(Json::Bool(b));
    }
    if let Some(x) = v.as_f64() {
        return Ok(Json::Number(x));
    }
    if v.is_string() {
        let s: &js_sys::JsString = v.unchecked_ref();
        if s.length() as usize > limits::MAX_STRING_BYTES {
            return Err(Error::string_too_long());
        }
        budget.bytes += s.length() as usize;
        if budget.bytes > limits::MAX_BYTES {
            return Err(Error::too_large(String::new(), limits::MAX_BYTES));
        }
        return Ok(Json::String(String::from(s)));
    }
    if !v.is_object() {
        return Err(Error::unsupported_value());
    }
    if depth >= limits::MAX_DEPTH {
        return Err(Error::too_deep(String::new(), limits::MAX_DEPTH));
    }
    let unreadable = |_| Error::unsupported_value();
    if js_sys::Array::is_array(v) {
        let array: &js_sys::Array = v.unchecked_ref();
        if array.length() as usize > limits::MAX_NODES {
            return Err(Error::too_large(String::new(), limits::MAX_NODES));
        }
        let mut items = Vec::with_capacity(array.length() as usize);
        for i in 0..array.length() {
            let item = js_sys::Reflect::get_u32(array, i)
                .map_err(unreadable)
                .map_err(|e| e.within_index(i as usize))?;
            items.push(walk(&item, depth + 1, budget).map_err(|e| e.within_index(i as usize))?);
        }
        return Ok(Json::Array(items));
    }
    let keys = object_keys(v).map_err(unreadable)?;
    if keys.length() as usize > limits::MAX_KEYS {
        return Err(Error::too_many(String::new(), limits::MAX_KEYS));
    }
    let mut entries = Vec::with_capacity(keys.length() as usize);
    for key in keys.iter() {
        let name = key.as_string().unwrap_or_default();
        if name.len() > limits::MAX_STRING_BYTES {
            return Err(Error::string_too_long());
        }
        let value = js_sys::Reflect::get(v, &key)
            .map_err(unreadable)
            .map_err(|e| e.within_key(&name))?;
        if value.is_undefined() {
            continue; // As in JSON.stringify: a property set to undefined is absent.
        }
        budget.take(name.len())?;
        let value = walk(&value, depth + 1, budget).map_err(|e| e.within_key(&name))?;
        entries.push((name, value));
    }
    Ok(Json::Object(entries))
}

fn optional(v: JsValue) -> Result<Option<Json>, Error> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    input(v).map(Some)
}

/// Output crosses the boundary as JSON text and one `JSON.parse`: much faster than building the
/// report one property at a time, and no float printing in the WebAssembly (src/text.rs).
fn output<T: WriteJson>(value: &T) -> JsValue {
    let text = crate::text::to_text(value);
    from_text(&text.json, &text.floats)
}

fn run<T: WriteJson>(f: impl FnOnce() -> Result<T, Error>) -> Result<JsValue, JsValue> {
    f().map(|v| output(&v)).map_err(|e| thrown(&e))
}

/// Scores one profile (an object or JSON text). Throws a `ProfileError`.
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

/// The methodology as data.
#[cfg(feature = "full")]
#[wasm_bindgen]
pub fn rubric() -> JsValue {
    js_sys::JSON::parse(crate::rubric::RUBRIC_JSON).unwrap_or(JsValue::NULL)
}

/// Scores and ranks several profiles under the same options. Throws a `ProfileError`.
#[cfg(feature = "full")]
#[wasm_bindgen]
pub fn compare(profiles: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    run(|| crate::compare(&input(profiles)?, optional(options)?.as_ref()))
}

/// How pillar scores and rankings move under perturbed weights. Throws a `ProfileError`.
#[cfg(feature = "full")]
#[wasm_bindgen]
pub fn sensitivity(profiles: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    run(|| crate::sensitivity(&input(profiles)?, optional(options)?.as_ref()))
}

/// A standalone SVG badge drawn from a report. Throws a `ProfileError`.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = badgeSvg)]
pub fn badge_svg(report: JsValue, options: JsValue) -> Result<String, JsValue> {
    crate::badge::svg(
        &input(report).map_err(|e| thrown(&e))?,
        optional(options).map_err(|e| thrown(&e))?.as_ref(),
    )
    .map_err(|e| thrown(&e))
}

/// The crate and methodology versions.
#[cfg(feature = "full")]
#[wasm_bindgen]
pub fn version() -> JsValue {
    output(&crate::version())
}
