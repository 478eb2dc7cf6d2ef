// The engine module of the JavaScript-only widget (bench/js-widget.mjs): the JavaScript peer with
// the rubric bundled in, in place of pkg/web/index.js (the elements use its default export and
// `score` only). It trusts its input: validation is the engine's job.
import * as peer from "../tests/oracle/peer.js";
import data from "../schema/rubric.json" with { type: "json" };

const model = peer.prepare(data);

export default async function init() {}
export const score = (profile, options) => peer.score(model, typeof profile === "string" ? JSON.parse(profile) : profile, options);
