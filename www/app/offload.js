// Runs Compare's analysis (analysis.js) off the main thread, in worker.js, and falls back to the
// main thread where no module worker can start (an old browser, a policy that forbids workers):
// the same answer either way, only slower there. A call that fails for the worker's own reasons
// (it could not load) is re-run here; an engine error is passed on as an Error with its code.
import { analyse } from "./analysis.js";

/** Returns `run(profiles, weights) → Promise<analysis>`; `local` is the engine module for the fallback. */
export function analyser(local) {
  const pending = new Map();
  let next = 0;
  let worker = null;
  const here = (profiles, weights) => Promise.resolve().then(() => analyse(local, profiles, weights));
  const giveUp = () => {
    worker?.terminate();
    worker = null;
    for (const [id, call] of pending) {
      pending.delete(id);
      here(call.profiles, call.weights).then(call.resolve, call.reject);
    }
  };
  try {
    worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    worker.addEventListener("error", giveUp);
    worker.addEventListener("messageerror", giveUp);
    worker.addEventListener("message", ({ data }) => {
      const call = pending.get(data.id);
      if (!call) return;
      pending.delete(data.id);
      if (data.ok) call.resolve(data.ok);
      // An error without an engine code is the worker's own (the engine could not start there).
      else if (data.error.code === null) here(call.profiles, call.weights).then(call.resolve, call.reject);
      else call.reject(Object.assign(new Error(data.error.message), data.error));
    });
  } catch {
    worker = null;
  }
  return (profiles, weights) => {
    if (!worker) return here(profiles, weights);
    return new Promise((resolve, reject) => {
      const id = ++next;
      pending.set(id, { profiles, weights, resolve, reject });
      worker.postMessage({ id, profiles, weights });
    });
  };
}
