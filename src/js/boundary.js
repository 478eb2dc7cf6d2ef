// The JavaScript half of the engine's boundary (src/wasm.rs binds it): values cross as JSON text,
// and reports come back as JSON text. Plain module code, so that tests/node/boundary.test.mjs can
// run it without the WebAssembly.

/** Parses the engine's JSON text, putting back the numbers it handed aside (see src/base/text.rs). */
export function fromText(text, floats) {
  if (floats.length > 0) text = text.replace(/\u0001(\d+)\u0001/g, (_, i) => JSON.stringify(floats[i]));
  return JSON.parse(text);
}

/**
 * A string of ASCII bytes. Node's TextDecoder reads UTF-8 at some 0.5 GB/s, its Buffer reads
 * Latin-1 several times faster; elsewhere the windows-1252 decoder (what "latin1" names there)
 * reads every ASCII byte as UTF-8 would. Node is asked for by name: a bundler's Buffer polyfill
 * in a browser reads Latin-1 a byte at a time in JavaScript.
 */
const asciiString =
  typeof process === "object" && process?.versions?.node && typeof Buffer === "function"
    ? (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1")
    : ((decoder) => (bytes) => decoder.decode(bytes))(singleByteDecoder());

/** windows-1252 where the runtime has it; else UTF-8, which reads ASCII the same, only slower. */
function singleByteDecoder() {
  try {
    return new TextDecoder("latin1");
  } catch {
    return new TextDecoder();
  }
}

/**
 * `fromText` of the engine's report text as ASCII bytes (src/base/text.rs `to_ascii_text`: every
 * character past ASCII written as `\u` escapes), a view of the engine's memory read at once.
 */
export function fromAscii(bytes, floats) {
  return fromText(asciiString(bytes), floats);
}

const tag = (v) => Object.prototype.toString.call(v);

/**
 * JSON text of `value` for the engine, checked against the engine's limits before any of it is
 * written, so that no input makes this take longer than one bounded walk and one stringify.
 *
 * - A string is the text itself.
 * - Bytes (a Uint8Array, so a Node Buffer, a Uint8ClampedArray, a DataView, an ArrayBuffer or
 *   SharedArrayBuffer) are read as the UTF-8 text of the JSON, as `readFileSync(path)` without
 *   an encoding returns it: decoded as TextDecoder does (a byte order mark dropped, malformed
 *   sequences read as U+FFFD), and over `maxBytes` bytes rejected unread. Any other typed array
 *   is no JSON text, and is rejected at once.
 * - Anything else is the value as JSON.stringify sees it (toJSON applied, functions and symbols
 *   dropped from objects, null in arrays), except that non-finite numbers become 1e999, which the
 *   engine reads as infinite and rejects where a number counts. It is walked first (`walk`), and
 *   what stringify would fail on (BigInt, cycles, throwing getters or toJSON, typed arrays inside
 *   it) or what is over a limit is thrown instead of written.
 *
 * Problems are thrown as "code\npath": the first in depth-first order, its path spelled as the
 * engine spells paths.
 */
export function jsonText(value, maxBytes, maxDepth, maxString, maxNodes, maxKeys) {
  if (typeof value === "string") {
    if (value.length > maxBytes) throw "too-large\n"; // UTF-8 is never shorter than UTF-16
    return value;
  }
  if (value === undefined) return "null"; // as an array item would be
  if (typeof value === "object" && value !== null) {
    const text = bytesText(value, maxBytes);
    if (text !== undefined) return text;
  }
  const limits = { maxBytes, maxDepth, maxString, maxNodes, maxKeys, nodes: 0, bytes: 0, nonFinite: false, steps: [] };
  const problem = walk(value, 0, "", limits);
  if (problem) throw problem;
  let text;
  try {
    text = limits.nonFinite ? finite(value) : JSON.stringify(value);
  } catch {
    text = undefined; // a getter or toJSON that answered the walk and then failed
  }
  if (text === undefined) throw "unsupported-value\n"; // a function or symbol, or the above
  if (text.length > maxBytes) throw "too-large\n"; // long numbers: the walk counts strings only
  return text;
}

/**
 * How many items `value` holds when it is an array of profiles, checked before any item is read,
 * so that a longer array than `maxItems` is rejected at once ("too-many\n"); -1 when it is no
 * plain array (or has a toJSON of its own), which is then read whole, as `jsonText` reads it.
 */
export function itemCount(value, maxItems) {
  if (!Array.isArray(value)) return -1;
  let length;
  try {
    if (typeof value.toJSON === "function") return -1;
    length = value.length;
  } catch {
    throw "unsupported-value\n";
  }
  if (length > maxItems) throw "too-many\n";
  return length;
}

/**
 * `jsonText` of item `index` of `array`, each item under the limits by itself (its paths are its
 * own: the engine puts `[index]` before them). A function or symbol is null, as stringify writes
 * it in an array.
 */
export function itemText(array, index, maxBytes, maxDepth, maxString, maxNodes, maxKeys) {
  let item;
  try {
    item = array[index];
  } catch {
    throw "unsupported-value\n";
  }
  if (typeof item === "function" || typeof item === "symbol") return "null";
  return jsonText(item, maxBytes, maxDepth, maxString, maxNodes, maxKeys);
}

/** The text in `value` if it holds bytes; undefined if it is no binary data at all. */
function bytesText(value, maxBytes) {
  let bytes;
  try {
    if (ArrayBuffer.isView(value)) {
      const kind = tag(value);
      if (kind !== "[object Uint8Array]" && kind !== "[object Uint8ClampedArray]" && kind !== "[object DataView]") {
        throw "unsupported-value\n"; // numbers, not text: a Float64Array, an Int16Array…
      }
      if (value.byteLength > maxBytes) throw "too-large\n";
      bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    } else {
      const kind = tag(value);
      if (kind !== "[object ArrayBuffer]" && kind !== "[object SharedArrayBuffer]") return undefined;
      if (value.byteLength > maxBytes) throw "too-large\n";
      bytes = new Uint8Array(value);
    }
    try {
      return new TextDecoder().decode(bytes);
    } catch {
      return new TextDecoder().decode(bytes.slice()); // shared memory, which decode refuses
    }
  } catch (problem) {
    throw typeof problem === "string" ? problem : "unsupported-value\n"; // e.g. a detached buffer
  }
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
 * The path to the value being walked (a number is an index, a string a key), spelled by the
 * engine's rule (src/input/path.rs): `[n]` for an index; a key of ASCII letters, digits, `_`, `-`,
 * `.` and `$` as it is, after a `.` unless it comes first; any other key as a JSON string in
 * brackets, with `"`, `\`, controls, bidirectional and zero-width characters (and, here only,
 * lone surrogates) escaped as `\u` and four lowercase hex digits. tests/json-paths.json
 * holds the cases both sides are checked against.
 */
export function path(steps) {
  let p = "";
  for (const s of steps) {
    if (typeof s === "number") p += `[${s}]`;
    else if (/^[A-Za-z0-9_.$-]+$/.test(s)) p += p ? `.${s}` : s;
    else {
      const hex = (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
      const quoted = s.replace(/["\\]/g, "\\$&").replace(/[\0-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|[\ud800-\udfff]/gu, hex);
      p += `["${quoted}"]`;
    }
  }
  return p;
}

/**
 * The first problem in `v` (as "code\npath"), or null if stringify can write it within the
 * engine's limits. Walks as stringify does, under those limits: every value counts against
 * `maxNodes` each time it is reached (so shared sub-objects cannot make the walk, or the text,
 * exponential), every string and key against `maxBytes`, and a typed array is rejected before
 * its toJSON (a Buffer's copies every byte) or its keys (one per element) are looked at.
 * `limits.steps` holds the path, built only for a problem; `limits.nonFinite` is set by NaN
 * or an infinity.
 */
function walk(v, depth, key, limits) {
  const { steps } = limits;
  if (++limits.nodes > limits.maxNodes) return "too-large-nodes\n" + path(steps);
  if ((typeof v === "object" && v !== null) || typeof v === "bigint") {
    if (ArrayBuffer.isView(v)) return "unsupported-value\n" + path(steps);
    try {
      if (typeof v.toJSON === "function") v = v.toJSON(String(key));
    } catch {
      return "unsupported-value\n" + path(steps);
    }
  }
  if (v instanceof String) v = String(v); // written as a string, not by its keys
  switch (typeof v) {
    case "string":
      if (v.length > limits.maxString) return "too-long\n" + path(steps);
      limits.bytes += v.length;
      return limits.bytes > limits.maxBytes ? "too-large\n" + path(steps) : null;
    case "number":
      if (!Number.isFinite(v)) limits.nonFinite = true;
      return null;
    case "bigint":
      return "unsupported-value\n" + path(steps);
    case "object":
      if (v === null) return null;
      if (ArrayBuffer.isView(v)) return "unsupported-value\n" + path(steps);
      break;
    default:
      return null; // written or dropped by stringify
  }
  if (depth >= limits.maxDepth) return "too-deep\n" + path(steps);
  if (Array.isArray(v)) {
    let length;
    try {
      length = v.length;
    } catch {
      return "unsupported-value\n" + path(steps);
    }
    if (length > limits.maxNodes) return "too-large-nodes\n" + path(steps);
    for (let i = 0; i < length; i++) {
      steps.push(i);
      let item;
      try {
        item = v[i];
      } catch {
        return "unsupported-value\n" + path(steps);
      }
      const problem = walk(item, depth + 1, i, limits);
      if (problem) return problem;
      steps.pop();
    }
    return null;
  }
  let keys;
  try {
    keys = Object.keys(v);
  } catch {
    return "unsupported-value\n" + path(steps);
  }
  if (keys.length > limits.maxKeys) return "too-many\n" + path(steps);
  for (const k of keys) {
    if (k.length > limits.maxString) return "too-long\n" + path(steps);
    let item;
    try {
      item = v[k];
    } catch {
      steps.push(k);
      return "unsupported-value\n" + path(steps);
    }
    if (item === undefined) continue;
    limits.bytes += k.length;
    if (limits.bytes > limits.maxBytes) return "too-large\n" + path(steps);
    steps.push(k);
    const problem = walk(item, depth + 1, k, limits);
    if (problem) return problem;
    steps.pop();
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
