// The packed npm tarball, installed into an empty folder and used by package name, as a user
// would: the library, its errors, the schema and the types. The command line has its own suite,
// tests/node/cli.test.mjs, against the same packed package.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync, readFileSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { installPackage, root } from "../support/package.mjs";

let dir;

before(() => {
  dir = installPackage();
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs an ES module inside the user's folder and returns what it printed as JSON. */
function run(source) {
  const file = join(dir, `t${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, source);
  const out = execFileSync(process.execPath, [file], { cwd: dir, encoding: "utf8" });
  return JSON.parse(out);
}

const example = readFileSync(join(root, "examples/profile.json"), "utf8");

test("scores a profile by package name, ready on import", () => {
  const report = run(`
    import { score } from "sdo-openness";
    const profile = ${example};
    console.log(JSON.stringify(score(profile, { asOf: "2026-11-23" })));
  `);
  assert.deepEqual(report.methodology, { id: "sdo-openness", version: "2.0.0", major: 2 });
  assert.deepEqual(report.pillars.map((p) => p.id), ["O", "I"]);
  for (const p of report.pillars) {
    assert.equal(p.status, "scored", JSON.stringify(p));
    assert.ok(p.lower <= p.score && p.score <= p.upper, JSON.stringify(p));
  }
});

test("bad input throws a ProfileError with code, path and suggestion", () => {
  const caught = run(`
    import { score, ProfileError } from "sdo-openness";
    try {
      score({ schema: "sdo-openness/profile/v2", process: { name: "x" }, answers: { "O1.1": { option: "publik" } } });
    } catch (e) {
      console.log(JSON.stringify({ isError: e instanceof Error, isProfileError: e instanceof ProfileError,
        name: e.name, code: e.code, path: e.path, suggestion: e.suggestion, message: e.message }));
    }
  `);
  assert.deepEqual(caught, {
    isError: true,
    isProfileError: true,
    name: "ProfileError",
    code: "unknown-option",
    path: "answers.O1.1.option",
    suggestion: "public",
    message: "unknown option `publik` for element `O1.1` (did you mean `public`?)",
  });
});

test("validate lists every problem without throwing", () => {
  const result = run(`
    import { validate } from "sdo-openness";
    console.log(JSON.stringify(validate({ schema: "v0", process: {}, answers: { "X9.9": {} } })));
  `);
  assert.equal(result.ok, false);
  assert.deepEqual(
    result.errors.map((e) => [e.code, e.path]),
    [["unsupported-schema", "schema"], ["missing-field", "process"], ["unknown-element", "answers.X9.9"]],
  );
});

test("hostile values at the boundary get coded errors and the module keeps working", () => {
  const results = run(`
    import { score, validate } from "sdo-openness";
    const cyclic = { schema: "sdo-openness/profile/v2", process: { name: "c" }, answers: {} };
    cyclic.answers.self = cyclic;
    const getter = { schema: "sdo-openness/profile/v2", process: {}, answers: {} };
    Object.defineProperty(getter.process, "name", { enumerable: true, get() { throw new Error("boom"); } });
    const proto = JSON.parse('{"schema":"sdo-openness/profile/v2","process":{"name":"p"},"answers":{},"__proto__":{"x":1}}');
    const inputs = { undefined: undefined, null: null, string: "not json", array: [], number: 7, cyclic, getter, proto,
      huge: "x".repeat(10 * 1024 * 1024), hugeName: { schema: "sdo-openness/profile/v2", process: { name: "n".repeat(10 * 1024 * 1024) }, answers: {} },
      fn: () => 1, bigint: { schema: "sdo-openness/profile/v2", process: { name: "b" }, answers: { "O5.1": { value: 10n } } },
      nan: { schema: "sdo-openness/profile/v2", process: { name: "n" }, answers: { "O5.1": { value: NaN } } },
      minusInfinity: { schema: "sdo-openness/profile/v2", process: { name: "null" }, answers: { "O5.1": { value: -Infinity } } },
      nanAsText: { schema: "sdo-openness/profile/v2", process: { name: NaN }, answers: {} },
      fnInArray: { schema: "sdo-openness/profile/v2", process: { name: "f" }, answers: { "O1.1": { option: "public", evidence: [() => 1] } } },
      deep: { schema: "sdo-openness/profile/v2", process: { name: "d" }, answers: { "O1.1": { note: JSON.parse("[".repeat(40) + '"x"' + "]".repeat(40)) } } } };
    // Shared sub-objects behind a failing toJSON: 2^31 paths, found in one walk under the node limit.
    let bomb = { toJSON() { throw 0; } };
    for (let i = 0; i < 30; i++) bomb = [bomb, bomb];
    const sparse = [];
    sparse.length = 2 ** 32 - 1;
    const getterArray = [];
    Object.defineProperty(getterArray, 0, { enumerable: true, get() { throw new Error("boom"); } });
    const base = () => ({ schema: "sdo-openness/profile/v2", process: { name: "p" }, answers: {} });
    Object.assign(inputs, {
      bomb,
      sparse: { ...base(), x: sparse },
      arrayGetter: { ...base(), answers: { "O1.1": { option: "public", evidence: getterArray } } },
      throwingToJSON: { ...base(), process: { name: "p", assessedOn: { toJSON() { throw new Error("boom"); } } } },
      emptyKey: { ...base(), process: { name: "p", "": { b: 1n } } },
      manyNotes: { ...base(), notes: new Array(20).fill("x".repeat(60000)) },
      manyKeys: { ...base(), process: Object.fromEntries(Array.from({ length: 200000 }, (_, i) => ["k" + i, i])) },
    });
    // Binary data: bytes are JSON text (as readFileSync without an encoding returns it), checked
    // against the byte limit before they are read; other typed arrays are no text at all.
    let pairs = "x"; // 2^24 paths to one string
    for (let i = 0; i < 24; i++) pairs = [pairs, pairs];
    let fours = { a: "x" }; // 4^12 paths to one object
    for (let i = 0; i < 12; i++) fours = { a: fours, b: fours, c: fours, d: fours };
    Object.assign(inputs, {
      buffer: Buffer.alloc(50e6),
      bytes: new Uint8Array(50e6),
      arrayBuffer: new ArrayBuffer(50e6),
      float64: new Float64Array(1e6),
      nestedBuffer: { ...base(), x: Buffer.alloc(50e6) },
      profileBytes: Buffer.from(JSON.stringify(base())),
      bytesNotJson: Buffer.from("not json"),
      sharedPairs: { ...base(), x: pairs },
      sharedFours: { ...base(), x: fours },
    });
    const out = {};
    for (const [k, v] of Object.entries(inputs)) {
      try { score(v); out[k] = "no error"; } catch (e) { out[k] = [e.name, e.code, e.path]; }
      if (validate(v).ok) out[k] = "validated";
    }
    out.after = score({ schema: "sdo-openness/profile/v2", process: { name: "ok" }, answers: {} }).pillars.length;
    console.log(JSON.stringify(out));
  `);
  assert.deepEqual(results, {
    undefined: ["ProfileError", "wrong-type", ""],
    null: ["ProfileError", "wrong-type", ""],
    string: ["ProfileError", "invalid-json", ""],
    array: ["ProfileError", "wrong-type", ""],
    number: ["ProfileError", "wrong-type", ""],
    cyclic: ["ProfileError", "too-deep", "answers.self.answers.self.answers.self.answers.self.answers.self.answers.self.answers.self.answers.self.answers.self.answers.self.answers.self.answers.self.answers.self.answers.self.answers.self.answers.self"],
    getter: ["ProfileError", "unsupported-value", "process.name"],
    proto: ["ProfileError", "unknown-field", "__proto__"],
    huge: ["ProfileError", "too-large", ""],
    hugeName: ["ProfileError", "too-long", "process.name"],
    fn: ["ProfileError", "unsupported-value", ""],
    bigint: ["ProfileError", "unsupported-value", "answers.O5.1.value"],
    nan: ["ProfileError", "not-finite", "answers.O5.1.value"],
    minusInfinity: ["ProfileError", "not-finite", "answers.O5.1.value"],
    nanAsText: ["ProfileError", "wrong-type", "process.name"],
    fnInArray: ["ProfileError", "wrong-type", "answers.O1.1.evidence[0]"],
    bomb: ["ProfileError", "unsupported-value", "[0]".repeat(30)],
    sparse: ["ProfileError", "too-large", "x"],
    arrayGetter: ["ProfileError", "unsupported-value", "answers.O1.1.evidence[0]"],
    throwingToJSON: ["ProfileError", "unsupported-value", "process.assessedOn"],
    emptyKey: ["ProfileError", "unsupported-value", 'process[""].b'],
    manyNotes: ["ProfileError", "too-large", "notes[17]"],
    manyKeys: ["ProfileError", "too-many", "process"],
    deep: ["ProfileError", "too-deep", "answers.O1.1.note[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]"],
    buffer: ["ProfileError", "too-large", ""],
    bytes: ["ProfileError", "too-large", ""],
    arrayBuffer: ["ProfileError", "too-large", ""],
    float64: ["ProfileError", "unsupported-value", ""],
    nestedBuffer: ["ProfileError", "unsupported-value", "x"],
    profileBytes: "validated",
    bytesNotJson: ["ProfileError", "invalid-json", ""],
    sharedPairs: ["ProfileError", "too-large", "x[0][0][0][0][0][0][0][0][1][1][0][0][0][0][1][1][0][1][0][0][0][1][0][1]"],
    sharedFours: ["ProfileError", "too-large", "x.a.a.a.a.c.c.b.d.b.c.b"],
    after: 2,
  });
});

test("every entry point rejects huge, binary and shared inputs before it writes them out", () => {
  const out = run(`
    import * as engine from "sdo-openness";
    const profile = { schema: "sdo-openness/profile/v2", process: { name: "p" }, answers: {} };
    let pairs = "x";
    for (let i = 0; i < 24; i++) pairs = [pairs, pairs];
    let fours = { a: "x" };
    for (let i = 0; i < 12; i++) fours = { a: fours, b: fours, c: fours, d: fours };
    const hostile = { buffer: Buffer.alloc(50e6), bytes: new Uint8Array(50e6), float64: new Float64Array(1e6),
      pairs: { ...profile, x: pairs }, fours: { ...profile, x: fours } };
    const report = engine.score(profile);
    const calls = {
      score: (v) => engine.score(v), scoreOptions: (v) => engine.score(profile, v),
      validate: (v) => engine.validate(v), compare: (v) => engine.compare(v), sensitivity: (v) => engine.sensitivity(v),
      diff: (v) => engine.diff(profile, v), badgeSvg: (v) => engine.badgeSvg(v), badgeOptions: (v) => engine.badgeSvg(report, v),
    };
    const out = {};
    for (const [name, value] of Object.entries(hostile)) {
      for (const [entry, call] of Object.entries(calls)) {
        let code;
        try {
          const result = call(value);
          code = result.errors?.[0]?.code ?? "no error";
        } catch (e) {
          code = e.code;
        }
        out[name + " " + entry] = code;
      }
    }
    console.log(JSON.stringify(out));
  `);
  const expected = { buffer: "too-large", bytes: "too-large", float64: "unsupported-value", pairs: "too-large", fours: "too-large" };
  // That this is done before any work is counted in tests/node/boundary.test.mjs, not timed here.
  assert.equal(Object.keys(out).length, 40);
  for (const [key, code] of Object.entries(out)) assert.equal(code, expected[key.split(" ")[0]], key);
});

test("rejected inputs leak neither externref slots nor memory", (t) => {
  const out = run(`
    import { score } from "sdo-openness";
    // The Node entry has instantiated the engine already: initSync returns that instance's exports.
    import { initSync } from "./node_modules/sdo-openness/pkg/web/index.js";
    const { memory, __wbindgen_externrefs: table } = initSync();
    const base = () => ({ schema: "sdo-openness/profile/v2", process: { name: "p" }, answers: {} });
    const cyclic = base();
    cyclic.answers.self = cyclic;
    const getter = base();
    Object.defineProperty(getter.process, "name", { enumerable: true, get() { throw new Error("boom"); } });
    // Rejected in JavaScript (before the engine parses anything) and by the engine, mixed.
    const rejected = [
      10n, { ...base(), answers: { "O5.1": { value: 10n } } }, cyclic, getter, "x".repeat(2 << 20),
      JSON.parse("[".repeat(40) + "]".repeat(40)),
      { ...base(), process: Object.fromEntries(Array.from({ length: 300 }, (_, i) => ["k" + i, i])) },
      new Float64Array(4), () => 1, "not json", 7, null, { ...base(), answers: { "O1.1": { option: "publik" } } },
    ];
    const call = (i) => {
      try {
        score(rejected[i % rejected.length]);
      } catch {
        return;
      }
      throw new Error("accepted " + (i % rejected.length));
    };
    for (let i = 0; i < 10000; i++) call(i);
    const warm = { table: table.length, memory: memory.buffer.byteLength };
    const start = performance.now();
    for (let i = 10000; i < 100000; i++) call(i);
    console.log(JSON.stringify({ warm, after: { table: table.length, memory: memory.buffer.byteLength },
      ms: Math.round(performance.now() - start),
      ok: table instanceof WebAssembly.Table && memory instanceof WebAssembly.Memory }));
  `);
  t.diagnostic(`after 10,000 rejected inputs and 90,000 more (${out.ms} ms): externref table ` +
    `${out.warm.table} → ${out.after.table} slots, memory ${out.warm.memory} → ${out.after.memory} bytes`);
  assert.ok(out.ok, "initSync returned the instance's table and memory");
  assert.ok(out.after.table < out.warm.table * 1.01, `externref table ${out.warm.table} → ${out.after.table}`);
  assert.ok(out.after.memory < out.warm.memory * 1.01, `memory ${out.warm.memory} → ${out.after.memory} bytes`);
});

test("rubric, compare, sensitivity and badge reach JavaScript as plain data", () => {
  const out = run(`
    import { rubric, compare, sensitivity, badgeSvg, score, version } from "sdo-openness";
    const p = ${example};
    const q = { ...p, process: { name: "Other" }, answers: {} };
    const r = rubric();
    const c = compare([p, q]);
    const s = sensitivity([p, q], { draws: 50, seed: 3 });
    const svg = badgeSvg(score(p));
    console.log(JSON.stringify({ plain: Object.getPrototypeOf(r) === Object.prototype && !(r instanceof Map),
      pillars: r.pillars.map((x) => x.id), indicators: r.pillars.flatMap((x) => x.indicators).length,
      ranked: c.rankings.map((x) => x.order.map((o) => o.index)),
      unranked: c.rankings.map((x) => [x.order[1].rank, x.order[1].score]), draws: s.draws, version: version(),
      svg: svg.startsWith("<svg") && svg.includes("<title>") }));
  `);
  assert.deepEqual(out, {
    plain: true,
    pillars: ["O", "I"],
    indicators: 17,
    // The empty profile has no score, so it is not ranked: it comes last, unranked.
    ranked: [[0, 1], [0, 1]],
    unranked: [[null, null], [null, null]],
    draws: 50,
    version: { engine: "0.1.0", methodology: { id: "sdo-openness", version: "2.0.0", major: 2 }, profileSchema: "sdo-openness/profile/v2" },
    svg: true,
  });
});

test("a v1 profile is still read, under v2, with a warning", () => {
  const out = run(`
    import { score } from "sdo-openness";
    const v1 = { schema: "sdo-openness/profile/v1", process: { name: "Old", assessedOn: "2025-01-01" },
      answers: { "O2.1": { option: "free" }, "O7.1": { option: "paying" } } };
    const r = score(v1);
    console.log(JSON.stringify({ format: r.format, warnings: r.warnings.map((w) => [w.code, w.path]),
      o23: r.pillars[0].indicators[1].elements.find((e) => e.id === "O2.3").option }));
  `);
  assert.equal(out.format, "sdo-openness/profile/v1");
  assert.equal(out.o23, "all");
  assert.deepEqual(out.warnings.slice(0, 2), [["profile-v1", "schema"], ["v1-answer-dropped", "answers.O7.1"]]);
});

test("the schema ships and agrees with validate on the example", () => {
  const schemaPath = join(dir, "node_modules/sdo-openness/schema/profile.schema.json");
  const viaExports = run(`
    import schema from "sdo-openness/profile.schema.json" with { type: "json" };
    console.log(JSON.stringify(schema.properties.schema));
  `);
  assert.deepEqual(viaExports, { const: "sdo-openness/profile/v2" });
  // Ajv's full strict mode, strictRequired and strictTypes included, and not one warning.
  const warnings = [];
  const logger = { log() {}, warn: (...a) => warnings.push(a.join(" ")), error: (...a) => warnings.push(a.join(" ")) };
  const ajv = new Ajv2020({ strict: true, allErrors: true, logger });
  const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
  assert.equal(schema.$id, "urn:sdo-openness:schema:profile:v2");
  const check = ajv.compile(schema);
  assert.deepEqual(warnings, []);
  assert.equal(ajv.getSchema("urn:sdo-openness:schema:profile:v2"), check);
  assert.ok(check(JSON.parse(example)), JSON.stringify(check.errors));
  assert.equal(check({ schema: "sdo-openness/profile/v2", process: { name: "x" }, answers: { "O1.1": { option: "nope" } } }), false);
  // Evidence needs a url, a quote or a note, as validate says.
  const withEvidence = (evidence) => ({ schema: "sdo-openness/profile/v2", process: { name: "x" },
    answers: { "O1.1": { option: "public", evidence: [evidence] } } });
  for (const [evidence, ok] of [[{ url: "https://example.org/a" }, true], [{ quote: "q" }, true], [{ note: "n" }, true],
    [{ sourceType: "official" }, false], [{}, false]]) {
    assert.equal(check(withEvidence(evidence)), ok, JSON.stringify(evidence));
    const result = run(`
      import { validate } from "sdo-openness";
      console.log(JSON.stringify(validate(${JSON.stringify(withEvidence(evidence))}).ok));
    `);
    assert.equal(result, ok, `validate, ${JSON.stringify(evidence)}`);
  }
});

test("the API schema and every locale are exported by package name", () => {
  const out = run(`
    import api from "sdo-openness/api.schema.json" with { type: "json" };
    import profile from "sdo-openness/profile.schema.json" with { type: "json" };
    const locales = {};
    for (const l of ["en", "ar", "es", "fr", "ru", "zh"]) {
      locales[l] = (await import("sdo-openness/locales/" + l + ".json", { with: { type: "json" } })).default.locale;
    }
    console.log(JSON.stringify({ api, profile, locales }));
  `);
  assert.deepEqual(out.locales, { en: "en", ar: "ar", es: "es", fr: "fr", ru: "ru", zh: "zh" });
  for (const name of ["Profile", "Report", "ScoreOptions", "Validation", "Version"]) assert.ok(out.api.$defs[name], name);
  assert.equal(out.api.$defs.Profile.$id, undefined, "the embedded profile keeps the API schema's base");
  // Strict too, once schemars' numeric formats are declared (Ajv knows no "uint" or "double").
  const ajv = new Ajv2020({ strict: true, formats: { uint: true, uint32: true, double: true, date: true } });
  ajv.addSchema(out.api, "api");
  const report = ajv.getSchema("api#/$defs/Report");
  const profile = ajv.getSchema("api#/$defs/Profile");
  assert.ok(profile(JSON.parse(example)), JSON.stringify(profile.errors));
  const scored = run(`
    import { score } from "sdo-openness";
    console.log(JSON.stringify(score(${example}, { asOf: "2026-11-23" })));
  `);
  assert.ok(report(scored), JSON.stringify(report.errors));
});


test("the web entry runs either build: init() with the size build's or the speed build's .wasm", () => {
  const out = run(`
    import { readFileSync } from "node:fs";
    import { fileURLToPath } from "node:url";
    const bytes = (name) => readFileSync(fileURLToPath(import.meta.resolve("sdo-openness/" + name)));
    // The web entry's glue twice, as two modules (a URL with a query is a module of its own;
    // index.js re-exports one shared glue, whose initSync keeps the first instance it made).
    const glue = import.meta.resolve("./node_modules/sdo-openness/pkg/web/sdo_openness.js");
    const size = await import(glue + "?size");
    const speed = await import(glue + "?speed");
    const a = size.initSync({ module: bytes("sdo_openness_bg.wasm") });
    const b = speed.initSync({ module: bytes("sdo_openness_speed.wasm") });
    if (a === b) throw new Error("one instance, not two");
    const profile = ${example};
    console.log(JSON.stringify({ size: size.score(profile), speed: speed.score(profile), sizeBytes: bytes("sdo_openness_bg.wasm").length, speedBytes: bytes("sdo_openness_speed.wasm").length }));
  `);
  assert.deepEqual(out.speed, out.size);
  assert.ok(out.size.pillars.length === 2, JSON.stringify(out.size).slice(0, 200));
  assert.notEqual(out.speedBytes, out.sizeBytes, "two builds, not one file twice");
});

test("types are shipped for both entries", () => {
  const pkg = JSON.parse(readFileSync(join(dir, "node_modules/sdo-openness/package.json"), "utf8"));
  for (const file of [pkg.exports["."].types, pkg.exports["."].node.types]) {
    const text = readFileSync(join(dir, "node_modules/sdo-openness", file), "utf8");
    assert.match(text, /ProfileError/);
    assert.match(text, /score/);
  }
  assert.ok(existsSync(join(dir, "node_modules/sdo-openness/pkg/web/sdo_openness_bg.wasm")));
});

test("the types type-check a user's strict TypeScript", () => {
  writeFileSync(
    join(dir, "use.ts"),
    `import { score, validate, compare, sensitivity, diff, rubric, badgeSvg, version, ProfileError } from "sdo-openness";
     import type { Profile, Report, PillarReport } from "sdo-openness";
     const profile: Profile = { schema: "sdo-openness/profile/v2", process: { name: "x" },
       answers: { "O1.1": { option: "public" }, "O5.1": { value: 0 }, "I1.1": { status: "not-applicable", note: "n" } } };
     const report: Report = score(profile, { weights: { O1: 20 }, asOf: "2026-11-23" });
     const openness: PillarReport = report.pillars[0];
     const s: number | null = openness.score;
     const ok: boolean = validate({}).ok;
     const ranks = compare([profile]).rankings[0].order.map((p) => p.rank);
     const p95 = sensitivity([profile], { draws: 10 }).pillars[0].missing.profiles[0].p95;
     const changed: number = diff(profile, profile).answers.length;
     const kinds = rubric().pillars.flatMap((p) => p.indicators.flatMap((i) => i.elements.map((e) => e.scale.kind)));
     const svg: string = badgeSvg(report, { label: "openness" });
     const v: string = version().methodology.version;
     try { score("{}"); } catch (e) { if (e instanceof ProfileError) { const c: string = e.code; } }
     export { s, ok, ranks, p95, changed, kinds, svg, v };`,
  );
  writeFileSync(join(dir, "bad.ts"), `import { score } from "sdo-openness";\nscore({ schema: "sdo-openness/profile/v2", process: { name: "x" }, answers: { "O1.1": { option: "publik" } } });\n`);
  const tsc = join(root, "node_modules/typescript/bin/tsc");
  const flags = ["--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--skipLibCheck", "false"];
  const good = spawnSync(process.execPath, [tsc, ...flags, "use.ts"], { cwd: dir, encoding: "utf8" });
  assert.equal(good.status, 0, good.stdout + good.stderr);
  const bad = spawnSync(process.execPath, [tsc, ...flags, "bad.ts"], { cwd: dir, encoding: "utf8" });
  assert.notEqual(bad.status, 0, "an unknown option id must not type-check");
  assert.match(bad.stdout, /bad.ts\(2,\d+\): error TS2322/);
  // ProfileError.code is the union of the engine's codes: a misspelt code cannot be compared.
  writeFileSync(join(dir, "bad-code.ts"), `import { ProfileError } from "sdo-openness";\ndeclare const e: ProfileError;\nexport const typo = e.code === "unknown-optoin";\n`);
  const code = spawnSync(process.execPath, [tsc, ...flags, "bad-code.ts"], { cwd: dir, encoding: "utf8" });
  assert.notEqual(code.status, 0, "a misspelt error code must not type-check");
  assert.match(code.stdout, /bad-code.ts\(3,\d+\): error TS2367/);
});

test("the licences and the changelog ship; engines matches what this Node runs", () => {
  const at = (f) => join(dir, "node_modules/sdo-openness", f);
  assert.match(readFileSync(at("LICENSE-MIT"), "utf8"), /Copyright \(c\) the sdo-openness authors/);
  assert.match(readFileSync(at("LICENSE-APACHE"), "utf8"), /Apache License\s+Version 2\.0, January 2004/);
  assert.match(readFileSync(at("CHANGELOG.md"), "utf8"), /## Unreleased[\s\S]*Methodology 2\.0\.0[\s\S]*## 0\.1\.0/);
  const pkg = JSON.parse(readFileSync(at("package.json"), "utf8"));
  assert.equal(pkg.license, "MIT OR Apache-2.0");
  assert.equal(pkg.type, "module");
  assert.equal(pkg.engines.node, "^20.19.0 || >=22.12.0");
  const [major, minor] = process.versions.node.split(".").map(Number);
  assert.ok((major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major > 22, `Node ${process.version} is outside engines`);
});

test("ESM-only, yet require() works on supported Node through require(esm)", () => {
  const file = join(dir, "req.cjs");
  writeFileSync(file, `const { score, version } = require("sdo-openness");
    console.log(JSON.stringify({ v: version().methodology.version, s: typeof score }));`);
  const out = spawnSync(process.execPath, [file], { cwd: dir, encoding: "utf8" });
  assert.equal(out.status, 0, out.stderr);
  assert.deepEqual(JSON.parse(out.stdout), { v: "2.0.0", s: "function" });
});

test("the element entries import without a DOM and register nothing there", () => {
  const out = run(`
    const entries = {};
    for (const name of ["sdo-openness/elements/badge", "sdo-openness/elements/scorecard", "sdo-openness/elements/define", "sdo-openness/widget"]) {
      const m = await import(name);
      entries[name] = Object.keys(m).sort();
    }
    const { SdoOpennessBadgeElement, SdoOpennessScorecardElement, SCORED, ERROR } = await import("sdo-openness/elements/define");
    console.log(JSON.stringify({ entries, dom: typeof globalThis.HTMLElement, registry: typeof globalThis.customElements,
      define: [SdoOpennessBadgeElement.define() === SdoOpennessBadgeElement, SdoOpennessScorecardElement.define("x-card") === SdoOpennessScorecardElement],
      observed: SdoOpennessBadgeElement.observedAttributes, events: [SCORED, ERROR] }));
  `);
  const both = ["ERROR", "SCORED", "SdoOpennessBadgeElement", "SdoOpennessScorecardElement", "configure"];
  assert.deepEqual(out.entries, {
    "sdo-openness/elements/badge": ["SdoOpennessBadgeElement", "configure"],
    "sdo-openness/elements/scorecard": ["SdoOpennessScorecardElement", "configure"],
    "sdo-openness/elements/define": both,
    "sdo-openness/widget": both,
  });
  assert.equal(out.dom, "undefined");
  assert.equal(out.registry, "undefined");
  assert.deepEqual(out.define, [true, true]);
  assert.deepEqual(out.observed, ["src", "lang", "weights", "theme", "label"]);
  assert.deepEqual(out.events, ["sdo-openness-scored", "sdo-openness-error"]);
});

test("the element types type-check a user's strict TypeScript, and catch misuse", () => {
  const pkg = JSON.parse(readFileSync(join(dir, "node_modules/sdo-openness/package.json"), "utf8"));
  for (const entry of ["./widget", "./elements/define", "./elements/badge", "./elements/scorecard"]) {
    assert.ok(existsSync(join(dir, "node_modules/sdo-openness", pkg.exports[entry].types)), entry);
  }
  writeFileSync(
    join(dir, "elements.ts"),
    `import "sdo-openness/elements/define";
     import { SdoOpennessScorecardElement, SdoOpennessBadgeElement, SCORED, configure } from "sdo-openness/elements/define";
     configure({ engine: new URL("https://example.org/engine.wasm"), locales: (lang) => lang === "fr" ? import("sdo-openness/locales/fr.json", { with: { type: "json" } }) : \`/locales/\${lang}.json\` });
     configure({ engine: fetch("/engine.wasm") });
     import type { SdoOpennessErrorDetail } from "sdo-openness/elements/scorecard";
     import type { Report } from "sdo-openness";
     import { SdoOpennessBadgeElement as WidgetBadge } from "sdo-openness/widget";
     const card = document.createElement("sdo-openness-scorecard");
     const isCard: SdoOpennessScorecardElement = card;
     card.profile = { schema: "sdo-openness/profile/v2", process: { name: "x" }, answers: { "O1.1": { option: "public" } } };
     card.profile = '{"schema":"sdo-openness/profile/v2","process":{"name":"x"},"answers":{}}';
     card.weights = { O1: 20 };
     card.theme = "dark";
     card.lang = "fr";
     card.src = "/profiles/ours.json";
     card.addEventListener("sdo-openness-scored", (e) => { const r: Report = e.detail.report; console.log(r.pillars[0].score); });
     card.addEventListener("sdo-openness-error", (e) => { const d: SdoOpennessErrorDetail = e.detail; console.log(d.code, d.path, d.message); });
     const last: Report | null = card.report;
     const badge = document.createElement("sdo-openness-badge");
     const isBadge: SdoOpennessBadgeElement = badge;
     badge.label = "openness";
     const same: typeof SdoOpennessBadgeElement = WidgetBadge.define("my-badge", customElements);
     const scored: "sdo-openness-scored" = SCORED;
     export { isCard, last, isBadge, same, scored };`,
  );
  const bad = {
    profile: `import "sdo-openness/elements/scorecard";\ndocument.createElement("sdo-openness-scorecard").profile = { schema: "sdo-openness/profile/v2", process: { name: "x" }, answers: { "O1.1": { option: "publik" } } };\n`,
    theme: `import "sdo-openness/elements/scorecard";\ndocument.createElement("sdo-openness-scorecard").theme = "purple";\n`,
    report: `import "sdo-openness/elements/badge";\ndocument.createElement("sdo-openness-badge").report = null;\n`,
    detail: `import "sdo-openness/elements/scorecard";\ndocument.createElement("sdo-openness-scorecard").addEventListener("sdo-openness-scored", (e) => e.detail.code);\n`,
    configure: `import { configure } from "sdo-openness/elements/scorecard";\nconfigure({ engines: "/engine.wasm" });\n`,
    label: `import "sdo-openness/elements/scorecard";\ndocument.createElement("sdo-openness-scorecard").label = "x";\n`,
  };
  const tsc = join(root, "node_modules/typescript/bin/tsc");
  const flags = ["--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--lib", "es2022,dom", "--skipLibCheck", "false"];
  const good = spawnSync(process.execPath, [tsc, ...flags, "elements.ts"], { cwd: dir, encoding: "utf8" });
  assert.equal(good.status, 0, good.stdout + good.stderr);
  for (const [name, source] of Object.entries(bad)) {
    writeFileSync(join(dir, `bad-${name}.ts`), source);
    const result = spawnSync(process.execPath, [tsc, ...flags, `bad-${name}.ts`], { cwd: dir, encoding: "utf8" });
    assert.notEqual(result.status, 0, `${name} must not type-check`);
    assert.match(result.stdout, new RegExp(`bad-${name}\\.ts\\(2,\\d+\\): error TS\\d+`), result.stdout);
  }
});
