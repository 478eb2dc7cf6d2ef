// The one WebAssembly engine every element on a page shares: loaded once, on first use.
import init, { score } from "../../pkg/web/index.js";

let ready;

/** Resolves once the engine can score; rejects (for good) if WebAssembly cannot start here. */
export function engine() {
  ready ??= init().then(() => ({ score }));
  return ready;
}
