// The merge patches behind short share links (www/app/patch.js): applying the patch made between
// two profiles gives back the second, for every preset and many random changes of it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { root } from "../support/package.mjs";
import { mergePatch, applyPatch, patchable } from "../../www/app/patch.js";

const dir = join(root, "www/presets");
const presets = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `profile` with a few random changes: values replaced, keys removed or added, arrays cut. */
function mutate(profile, next) {
  const out = structuredClone(profile);
  for (let n = 1 + Math.floor(next() * 5); n > 0; n--) {
    let node = out;
    for (let depth = 0; depth < 6; depth++) {
      const keys = Object.keys(node);
      if (!keys.length) break;
      const key = keys[Math.floor(next() * keys.length)];
      const roll = next();
      if (typeof node[key] !== "object" || roll < 0.25) {
        if (roll < 0.1 && !Array.isArray(node)) delete node[key];
        else if (roll < 0.2 && !Array.isArray(node)) node[`new${Math.floor(next() * 100)}`] = { option: "x" };
        else if (Array.isArray(node[key])) node[key] = node[key].slice(1);
        else node[key] = `changed ${next()}`;
        break;
      }
      node = node[key];
    }
  }
  return out;
}

test("applyPatch(base, mergePatch(base, target)) is target, for every preset and 60 changes of each", () => {
  const next = random(20261202);
  for (const base of presets) {
    assert.deepEqual(applyPatch(base, mergePatch(base, base) ?? {}), base);
    for (let i = 0; i < 60; i++) {
      const target = mutate(base, next);
      assert.ok(patchable(target));
      const patch = mergePatch(base, target) ?? {};
      assert.deepEqual(applyPatch(base, patch), target);
      assert.ok(JSON.stringify(patch).length <= JSON.stringify(target).length + 64, "a patch is never much larger than the profile");
    }
  }
});

test("the patch of an unchanged preset is empty, and neither input is changed by either function", () => {
  const base = presets[0];
  const copy = structuredClone(base);
  assert.equal(mergePatch(base, copy), undefined);
  const target = structuredClone(base);
  delete target.review;
  target.answers["O1.1"] = { option: "members" };
  const patch = mergePatch(base, target);
  assert.equal(patch.review, null);
  assert.deepEqual(Object.keys(patch).sort(), ["answers", "review"]);
  assert.deepEqual(applyPatch(base, patch).answers["O1.1"], { option: "members" });
  applyPatch(base, patch);
  assert.deepEqual(base, copy);
  assert.equal(patchable({ a: [1, null] }), false, "a null cannot be carried: it means removal");
});
