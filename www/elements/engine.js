// The one WebAssembly engine every element on a page shares: loaded once, on first use, from
// where configure() said or, by default, from beside wasm-bindgen's glue (its own literal
// `new URL("sdo_openness_bg.wasm", import.meta.url)`, which Vite and webpack rewrite).
import init, { score } from "../../pkg/web/index.js";

let ready;
let source;

/**
 * Where the .wasm comes from: a URL (string or URL), a Request, a Response or a promise of one
 * (e.g. `fetch(url)`), a compiled WebAssembly.Module, or its bytes. Only before it starts loading.
 */
export function setEngine(input) {
  if (ready) throw new Error("sdo-openness: configure({ engine }) came after the engine started loading; call it before the first element connects");
  source = input;
}

/** Resolves once the engine can score; rejects (for good) if WebAssembly cannot start here. */
export function engine() {
  ready ??= init(source === undefined ? undefined : { module_or_path: source }).then(() => ({ score }));
  return ready;
}
