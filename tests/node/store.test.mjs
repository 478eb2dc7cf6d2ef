// The page store's pure parts (www/app/store.js), in Node: the field-by-field three-way merge of
// two tabs' edits, as a property over random edits, and the split of the v1 localStorage state.
import { test } from "node:test";
import assert from "node:assert/strict";
import { merge, splitV1 } from "../../www/app/store.js";

/** A small deterministic generator (mulberry32), so that a failure names its seed. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIELDS = [...["name", "organization", "scope", "url", "assessor"].map((k) => ["process", k]), ...["O1.1", "O1.2", "O2.3", "I1.1", "I3.1"].map((k) => ["answers", k])];
const value = ([head], n) => (head === "process" ? `text ${n}` : { option: `o${n}`, note: `note ${n}` });
const get = (record, [head, key]) => record.profile[head]?.[key];
function edit(record, field, n) {
  const copy = structuredClone(record);
  copy.profile[field[0]][field[1]] = value(field, n);
  return copy;
}

test("edits of different fields in two tabs both survive the merge, with no conflict (500 random cases)", () => {
  for (let seed = 1; seed <= 500; seed++) {
    const next = random(seed);
    const base = { id: "a", profile: { schema: "sdo-openness/profile/v2", process: { name: "Base" }, answers: { "O1.1": { option: "public" } } } };
    const shuffled = FIELDS.toSorted(() => next() - 0.5);
    const cut = 1 + Math.floor(next() * (FIELDS.length - 2));
    const [mineFields, theirFields] = [shuffled.slice(0, cut), shuffled.slice(cut)];
    let mine = base;
    let theirs = base;
    mineFields.forEach((f, n) => (mine = edit(mine, f, n)));
    theirFields.forEach((f, n) => (theirs = edit(theirs, f, 100 + n)));
    const { merged } = merge(base, mine, theirs);
    for (const f of mineFields) assert.deepEqual(get(merged, f), get(mine, f), `seed ${seed}: mine ${f}`);
    for (const f of theirFields) assert.deepEqual(get(merged, f), get(theirs, f), `seed ${seed}: theirs ${f}`);
    assert.equal(merged.conflicts, undefined, `seed ${seed}`);
  }
});

test("a field both tabs changed differently keeps mine and records theirs; the same change is no conflict", () => {
  const base = { id: "a", profile: { process: { name: "Base" }, answers: {} } };
  const mine = { id: "a", profile: { process: { name: "Mine" }, answers: { "O1.1": { option: "public" } } } };
  const theirs = { id: "a", profile: { process: { name: "Theirs" }, answers: { "O1.1": { option: "public" } } } };
  const { merged, changed } = merge(base, mine, theirs);
  assert.equal(merged.profile.process.name, "Mine");
  assert.deepEqual(merged.conflicts, [{ path: "process\u0000name", other: "Theirs" }]);
  assert.deepEqual(changed, []);
  // A field only they changed, but which the user is in here, waits as a conflict too.
  const focused = merge(base, base, theirs, (path) => path === "process\u0000name");
  assert.equal(focused.merged.profile.process.name, "Base");
  assert.deepEqual(focused.merged.conflicts, [{ path: "process\u0000name", other: "Theirs" }]);
  // Settled in one tab (the conflict removed), the merge in the other does not bring it back.
  const settled = merge(merged, merged, { ...merged, conflicts: undefined });
  assert.equal(settled.merged.conflicts, undefined);
});

test("the v1 state splits into records; what cannot be read is kept as its exact text", () => {
  const text = JSON.stringify({ assessments: { a: { id: "a", profile: { process: { name: "A" }, answers: {} } }, b: { id: "b", profile: "x" }, c: { id: "c", profile: { process: null, answers: {} } } }, order: ["b", "a"], current: "a", weights: { O1: 3 } });
  const { records, quarantine, settings } = splitV1(text, "k");
  assert.deepEqual(records.map((r) => r.id), ["a", "c"], "order first, then any left out of it");
  assert.deepEqual(quarantine, [{ from: "k#b", raw: '{"id":"b","profile":"x"}' }]);
  assert.deepEqual(settings, { weights: { O1: 3 }, lang: null, compare: null, current: "a" });
  assert.deepEqual(splitV1("{not json", "k"), { records: [], quarantine: [{ from: "k", raw: "{not json" }], settings: null });
});
