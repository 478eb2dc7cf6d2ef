// The engine in a worker, for Compare: validating, comparing and analysing up to the engine's
// limit of profiles takes hundreds of milliseconds, which would freeze the page (typing, scrolling,
// screen readers) if it ran on the main thread. Each message is `{ id, profiles, weights }`; the
// answer is `{ id, ok: analyse(…) }` or `{ id, error: { name, message, code, path, suggestion } }`.
import init, * as engine from "../../pkg/web/index.js";
import { analyse } from "./analysis.js";

const ready = init();

self.addEventListener("message", async ({ data: { id, profiles, weights } }) => {
  try {
    await ready;
    self.postMessage({ id, ok: analyse(engine, profiles, weights) });
  } catch (e) {
    // An error crosses as plain data: the page describes it by its code, as any engine error.
    self.postMessage({ id, error: { name: e.name, message: String(e.message), code: e.code ?? null, path: e.path ?? null, suggestion: e.suggestion ?? null } });
  }
});
