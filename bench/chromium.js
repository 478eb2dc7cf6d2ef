// The Chromium page of the interleaved section (bench/chromium.mjs bundles it with esbuild into
// target/bench/chromium.js, the engine left as the page's own import of /pkg/web/index.js):
// score() of the published web API against the JavaScript peer, the peer with ajv validation and
// the formula's own cost, as in bench/node.mjs.
import Ajv2020 from "ajv/dist/2020.js";
import init, { rubric, score } from "/pkg/web/index.js";
import schema from "../schema/profile.schema.json" with { type: "json" };
import * as peer from "../tests/oracle/peer.js";
import * as typed from "../tests/oracle/peer-sensitivity.js";
import { interleave } from "./interleave.js";

const FORMULA_BATCH = 100;

/**
 * The speed build (pkg/node's .wasm, docs/decisions/0007) in the page: a second instance of the
 * same glue (a URL with a query is a module of its own) over it, what a page gets that passes
 * `sdo-openness/sdo_openness_speed.wasm` to init().
 */
async function speedBuild() {
  const glue = await import("/pkg/web/sdo_openness.js?speed-build");
  await glue.default({ module_or_path: "/pkg/node/sdo_openness_speed.wasm" });
  return glue.score;
}
const validateSchema = new Ajv2020({ strict: true, allErrors: false }).compile(schema);

/** One row per named input: each preset alone, then `rotation` (all of them in turn). */
window.scoreRows = async ({ presets, reps, calls }) => {
  await init();
  const speedScore = await speedBuild();
  const model = peer.prepare(rubric());
  const profiles = await Promise.all(presets.map(async (name) => (await fetch(`/www/presets/${name}`)).json()));
  // The same report both ways, or the comparison means nothing.
  for (const [k, p] of profiles.entries()) {
    if (JSON.stringify(score(p)) !== JSON.stringify(peer.score(model, p))) throw new Error(`engine and peer disagree on ${presets[k]}`);
    if (JSON.stringify(speedScore(p)) !== JSON.stringify(score(p))) throw new Error(`the two builds disagree on ${presets[k]}`);
  }
  const row = (input, set) => {
    const formula = typed.prepareFormula(model, set);
    let i = 0;
    const next = () => set[i++ % set.length];
    const r = {
      input,
      ...interleave({
        engine: () => score(next()),
        "speed build": () => speedScore(next()),
        peer: () => peer.score(model, next()),
        "peer+ajv": () => {
          const p = next();
          if (!validateSchema(p)) throw new Error("ajv rejected a valid profile");
          return peer.score(model, p);
        },
        // About 1 µs a call, under the 5 µs timer resolution of an isolated page: each call of
        // the formula contender is FORMULA_BATCH calls of the formula, divided out below.
        formula: () => {
          for (let j = 0; j < FORMULA_BATCH; j++) formula(i++ % set.length);
        },
      }, { reps, calls }),
    };
    r.formula = { ...r.formula, min: r.formula.min / FORMULA_BATCH, median: r.formula.median / FORMULA_BATCH };
    return r;
  };
  const rows = profiles.map((p, k) => row(`preset ${presets[k]}`, [p]));
  rows.push(row("all presets (rotating)", profiles));
  return rows;
};
