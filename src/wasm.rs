//! The JavaScript binding, and the only module that touches wasm-bindgen. Every export does the
//! same three things: read its arguments into [`Json`] trees, call the core, and convert the
//! result back through JSON text (maps become plain objects, `None` becomes `null`).
//!
//! `rubric()` is not here: it is static data, so the package's entry module serves the same
//! generated JSON (schema/rubric.json) and the WebAssembly does not carry ten kilobytes of it.
//!
//! Without the default `full` feature only `score` is exported: the embeddable widget needs
//! nothing else, and its WebAssembly is a quarter smaller for it (scripts/build.sh builds both).

use crate::json::{limits, Json};
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

/**
 * JSON text of `value` for the engine: the value as JSON.stringify sees it (toJSON applied,
 * functions and symbols dropped from objects, null in arrays), except that non-finite numbers
 * become 1e999, which the engine reads as infinite and rejects where a number counts. What
 * stringify fails on (BigInt, cycles, throwing getters or toJSON) or what is over a limit is
 * thrown as "code\npath" instead, the first such problem in depth-first order.
 */
export function jsonText(value, maxBytes, maxDepth, maxString, maxNodes, maxKeys) {
  if (typeof value === "string") {
    if (value.length > maxBytes) throw "too-large\n"; // UTF-8 is never shorter than UTF-16
    return value;
  }
  if (value === undefined) return "null"; // as an array item would be
  let text;
  try {
    text = JSON.stringify(value);
    // NaN and infinities are written as null: write them again, distinguishably.
    if (text?.length <= maxBytes && text.includes("null")) text = finite(value);
  } catch {
    text = undefined;
  }
  if (text === undefined || text.length > maxBytes) {
    const limits = { maxBytes, maxDepth, maxString, maxNodes, maxKeys, nodes: 0, bytes: 0 };
    throw locate(value, "", 0, "", limits) ?? (text === undefined ? "unsupported-value\n" : "too-large\n");
  }
  return text;
}

function finite(value) {
  const mark = "\u0001" + Math.random();
  const text = JSON.stringify(value, (_, x) =>
    typeof x === "number" && !Number.isFinite(x) ? (x < 0 ? "-" : "") + mark : x,
  );
  const quoted = JSON.stringify(mark).slice(1);
  return text.replaceAll('"-' + quoted, "-1e999").replaceAll('"' + quoted, "1e999");
}

/**
 * The first problem in `v` that made stringify fail or the text too large, walking as
 * stringify does, under the engine's limits: every value counts against `maxNodes` (so shared
 * sub-objects cannot make the walk exponential) and every string and key against `maxBytes`.
 * Paths are spelled as the engine spells them (an empty key adds no step).
 */
function locate(v, path, depth, key, limits) {
  if (++limits.nodes > limits.maxNodes) return "too-large-nodes\n" + path;
  if ((typeof v === "object" && v !== null) || typeof v === "bigint") {
    try {
      if (typeof v.toJSON === "function") v = v.toJSON(key);
    } catch {
      return "unsupported-value\n" + path;
    }
  }
  if (typeof v === "bigint") return "unsupported-value\n" + path;
  if (typeof v === "string") {
    if (v.length > limits.maxString) return "too-long\n" + path;
    limits.bytes += v.length;
    return limits.bytes > limits.maxBytes ? "too-large\n" + path : null;
  }
  if (typeof v !== "object" || v === null) return null; // written or dropped by stringify
  if (depth >= limits.maxDepth) return "too-deep\n" + path;
  if (Array.isArray(v)) {
    let length;
    try {
      length = v.length;
    } catch {
      return "unsupported-value\n" + path;
    }
    if (length > limits.maxNodes) return "too-large-nodes\n" + path;
    for (let i = 0; i < length; i++) {
      const at = `${path}[${i}]`;
      let item;
      try {
        item = v[i];
      } catch {
        return "unsupported-value\n" + at;
      }
      const problem = locate(item, at, depth + 1, String(i), limits);
      if (problem) return problem;
    }
    return null;
  }
  let keys;
  try {
    keys = Object.keys(v);
  } catch {
    return "unsupported-value\n" + path;
  }
  if (keys.length > limits.maxKeys) return "too-many\n" + path;
  for (const k of keys) {
    if (k.length > limits.maxString) return "too-long\n" + path;
    const at = k === "" ? path : path ? `${path}.${k}` : k;
    let item;
    try {
      item = v[k];
    } catch {
      return "unsupported-value\n" + at;
    }
    if (item === undefined) continue;
    limits.bytes += k.length;
    if (limits.bytes > limits.maxBytes) return "too-large\n" + path;
    const problem = locate(item, at, depth + 1, k, limits);
    if (problem) return problem;
  }
  return null;
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

/// A JavaScript value or JSON text, read under the engine's limits.
///
/// Values cross as JSON text: the browser's native `JSON.stringify` and the engine's parser beat
/// one boundary crossing per property, and the parser is the one place duplicate keys are found.
/// What stringify fails on (a BigInt, a cycle, a throwing getter or `toJSON`) or what is over a
/// limit, `jsonText` names with its path instead (walking under the same limits), for the engine
/// to report.
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
        Err(problem) => {
            let problem = problem.as_string().unwrap_or_default();
            // "code\npath"; a plain loop rather than `split_once`, which brings memchr along.
            let cut = problem.bytes().position(|b| b == b'\n').unwrap_or(0);
            let code = problem.get(..cut).unwrap_or_default();
            let path = problem.get(cut + 1..).unwrap_or_default();
            let path = String::from(path);
            Err(match code {
                "too-large" => Error::too_large(path, limits::MAX_BYTES),
                "too-large-nodes" => Error::too_large(path, limits::MAX_NODES),
                "too-many" => Error::too_many(path, limits::MAX_KEYS),
                "too-deep" => Error::too_deep(path, limits::MAX_DEPTH),
                "too-long" => Error::string_too_long(path),
                _ => Error::unsupported_value(path),
            })
        }
    }
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
