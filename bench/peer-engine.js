// The JavaScript peer dressed as the engine module (pkg/web/index.js), so that the same widget
// and page can run on either, side by side: bench/run.mjs swaps it in with an import map. It
// trusts its input — validation is the engine's job — and returns what the engine would.
import * as peer from "../tests/oracle/peer.js";

let model;

export default async function init() {
  const rubric = await (await fetch(new URL("./rubric.json", import.meta.url))).json();
  model = peer.prepare(rubric);
}
export const initSync = () => {};
export const rubric = () => model.rubric;
export const score = (profile, options) => peer.score(model, typeof profile === "string" ? JSON.parse(profile) : profile, options);
export const validate = () => ({ ok: true, errors: [], warnings: [] });
export const sensitivity = (profiles, options) => peer.sensitivity(model, profiles, options);
export const compare = (profiles, options) => peer.compare(model, profiles, options);
export const diff = (old, new_, options) => peer.diff(model, old, new_, options);
export const badgeSvg = () => "";
export const version = () => ({});
export class ProfileError extends Error {}
