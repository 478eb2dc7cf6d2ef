// The presets are what most people see first and what advocates quote: each is a valid v2
// profile that meets the rules of www/presets/README.md — complete, official-sourced, quoted, no
// forbidden host — and the README's table of their figures is the engine's own output.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { validate, score, rubric } from "../../pkg/node/index.js";
import { root } from "../support/package.mjs";
import { presetTable, withTable } from "../../scripts/presets.mjs";
import { expectCommitted } from "../support/bless.mjs";

const dir = join(root, "www/presets");
const PRESETS = ["ietf", "w3c", "whatwg", "unicode", "itu-t", "iso", "iec", "ieee-sa", "etsi", "3gpp", "c2pa", "oasis"];
const official = JSON.parse(readFileSync(join(dir, "official-hosts.json"), "utf8"));
const denied = readFileSync(join(dir, "deny-hosts.txt"), "utf8")
  .split("\n")
  .map((line) => line.replace(/#.*/, "").trim())
  .filter(Boolean);
const questions = rubric().pillars.flatMap((p) => p.indicators.flatMap((i) => i.elements.map((e) => e.id)));

const load = (id) => JSON.parse(readFileSync(join(dir, `${id}.json`), "utf8"));
const under = (host, hosts) => hosts.some((h) => host === h || host.endsWith(`.${h}`));
const hostOf = (url) => new URL(url).hostname.replace(/\.$/, "");

/** Every evidence item of a profile, with the question it backs. */
function evidence(profile) {
  return Object.entries(profile.answers).flatMap(([id, a]) => (a.evidence ?? []).map((e) => ({ id, ...e })));
}

test("the preset files are exactly the twelve documented ones", () => {
  const files = readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "official-hosts.json");
  assert.deepEqual(files.sort(), PRESETS.map((p) => `${p}.json`).sort());
  assert.deepEqual(Object.keys(official).filter((k) => !k.startsWith("$")).sort(), [...PRESETS].sort());
});

for (const id of PRESETS) {
  test(`${id}: a valid, complete, official-sourced v2 profile`, () => {
    const profile = load(id);
    const checked = validate(profile, { asOf: "2026-12-02" });
    assert.ok(checked.ok, JSON.stringify(checked.errors));
    assert.equal(profile.schema, "sdo-openness/profile/v2");
    assert.equal(profile.id, `${id}-2026-12`);
    assert.ok(profile.process.scope?.length > 20, "the scope says which process is assessed");
    // Every question answered, no public information (with where it was searched) or not
    // applicable (with why); at least 90% answered or no public information.
    assert.deepEqual(Object.keys(profile.answers), questions, "every question, in rubric order");
    const answers = Object.values(profile.answers);
    const notApplicable = answers.filter((a) => a.status === "not-applicable");
    assert.ok((answers.length - notApplicable.length) / questions.length >= 0.9, `${notApplicable.length} not applicable`);
    for (const [q, a] of Object.entries(profile.answers)) {
      if (a.status === "not-applicable") assert.ok(a.note?.trim(), `${q}: not applicable without a reason`);
      else if (a.status === "no-public-information") assert.ok(a.searched?.length >= 1, `${q}: no public information without where it was searched`);
      else assert.ok(a.evidence?.length >= 1, `${q}: an answer without evidence`);
    }
    // Evidence: the sentence relied on, its type and when it was checked; at least 80% official,
    // official only on the body's own hosts; nothing from a denied host anywhere.
    const items = evidence(profile);
    for (const e of items) {
      assert.ok(e.quote?.trim(), `${e.id}: evidence without its quote (${e.url})`);
      assert.ok(["official", "secondary"].includes(e.sourceType), `${e.id}: sourceType ${e.sourceType}`);
      assert.ok(e.checkedOn, `${e.id}: evidence without checkedOn`);
      const host = hostOf(e.url);
      assert.ok(!under(host, denied), `${e.id}: ${e.url} is on the deny-list`);
      if (e.sourceType === "official") {
        const own = official[id];
        const org = host === "github.com" || host === "www.github.com" ? new URL(e.url).pathname.split("/")[1] : null;
        assert.ok(under(host, own.hosts) || own.github.includes(org), `${e.id}: ${e.url} is marked official but is not ${id}'s own site`);
      }
    }
    const share = items.filter((e) => e.sourceType === "official").length / items.length;
    assert.ok(share >= 0.8, `${(share * 100).toFixed(0)}% official`);
    // A search entry is an address, possibly followed by words ("… (site search for …)").
    for (const s of Object.values(profile.answers).flatMap((a) => a.searched ?? [])) {
      const url = /^https?:\/\/\S+/.exec(s)?.[0];
      if (url) assert.ok(!under(hostOf(url), denied), `searched ${s} is on the deny-list`);
    }
    // It scores, and nothing in the report is a mirror.
    const report = score(profile, { asOf: "2026-12-02" });
    assert.ok(!report.warnings.some((w) => w.code === "evidence-mirror-only" || w.code === "answer-without-evidence"), JSON.stringify(report.warnings.filter((w) => w.code !== "evidence-old")));
  });
}

test("the README's table of figures is the engine's own output", () => {
  const readme = readFileSync(join(dir, "README.md"), "utf8");
  const table = presetTable(PRESETS.map((id) => [id, load(id)]), score);
  expectCommitted("www/presets/README.md", withTable(readme, table), "tests/node/presets.test.mjs");
});
