// The command line of the packed package, installed into an empty folder and run through
// node_modules/.bin as a user's CI would: every format compared whole against tests/cli/, the
// engine's own snapshots (tests/snapshots/) as an independent check of the JSON, and every exit
// code. `SDO_BLESS=1 node --test tests/node/cli.test.mjs` rewrites tests/cli/*; read the diff.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFileSync, readFileSync, mkdirSync, rmSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { installPackage, root } from "../support/package.mjs";
import { blessing, expectCommitted } from "../support/bless.mjs";

let dir;
let bin;
let lib;

before(async () => {
  dir = installPackage();
  bin = join(dir, "node_modules/.bin/sdo-openness");
  lib = await import(join(dir, "node_modules/sdo-openness/pkg/node/index.js"));
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the installed CLI from the repository root, so that file names in outputs are stable. */
function cli(args, { input, env, cwd = root } = {}) {
  const r = spawnSync(bin, args, {
    cwd,
    input,
    encoding: "utf8",
    timeout: 60000,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "", ...env },
  });
  assert.equal(r.error, undefined, String(r.error));
  return r;
}

/** Standard error as JSON lines: every line must parse (no stack trace, no stray text). */
function stderrLines(r) {
  return r.stderr
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      try {
        return JSON.parse(line);
      } catch {
        assert.fail(`stderr line is not JSON: ${line}`);
      }
    });
}

/** Compares a whole output with tests/cli/NAME; SDO_BLESS=1 rewrites it. */
const expectFile = (name, actual) => expectCommitted(`tests/cli/${name}`, actual, "tests/node/cli.test.mjs");

const FIXTURES = ["early-stage-assessment", "members-only-committee", "open-working-group", "regional-consortium"].map(
  (f) => `tests/fixtures/${f}.json`,
);
const PRESETS = readdirSync(join(root, "www/presets"))
  .filter((f) => f.endsWith(".json") && !f.includes("hosts"))
  .sort()
  .map((f) => `www/presets/${f}`);
const ALL = [...FIXTURES, ...PRESETS];
const AS_OF = ["--as-of", "2026-12-01"];
/** The fixtures in the order of tests/snapshots.rs, for its compare and sensitivity snapshots. */
const SNAPSHOT_ORDER = [2, 1, 3, 0].map((i) => FIXTURES[i]);
const snapshot = (name) => JSON.parse(readFileSync(join(root, "tests/snapshots", name), "utf8"));
const example = readFileSync(join(root, "examples/profile.json"), "utf8");
const minimal = (process) => JSON.stringify({ schema: "sdo-openness/profile/v2", process, answers: {} });

/** The weights of the regional consortium's options file, alone, as --weights wants them. */
function consortiumWeights() {
  const file = join(dir, "consortium-weights.json");
  const options = JSON.parse(readFileSync(join(root, "tests/fixtures/regional-consortium.options.json"), "utf8"));
  writeFileSync(file, JSON.stringify(options.weights));
  return { file, asOf: options.asOf };
}

// ---------------------------------------------------------------------------------------------
// Versions

test("--version and -v print one line; version and rubric print the library's objects", () => {
  const v = lib.version();
  const line = `sdo-openness engine ${v.engine}, methodology ${v.methodology.id} ${v.methodology.version} (major ${v.methodology.major}), profile format ${v.profileSchema}\n`;
  for (const flag of ["--version", "-v"]) {
    const r = cli([flag]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, line);
  }
  assert.equal(cli(["score", "--version"]).stdout, line, "anywhere on the line");
  const version = cli(["version"]);
  assert.equal(version.status, 0);
  assert.equal(version.stdout, `${JSON.stringify(v, null, 2)}\n`);
  const rubric = cli(["rubric"]);
  assert.equal(rubric.status, 0);
  assert.deepEqual(JSON.parse(rubric.stdout), lib.rubric());
  assert.equal(cli(["--help"]).status, 0);
  assert.match(cli(["-h"]).stdout, /^usage: sdo-openness <command>/);
});

// ---------------------------------------------------------------------------------------------
// score: every format, whole

test("score --format json: an array of {file, ok, report, warnings}, the engine's reports", () => {
  // The whole text on the fixtures and one preset (every preset's report is checked below).
  const text = cli(["score", ...AS_OF, ...FIXTURES, "www/presets/ietf.json"]);
  assert.equal(text.status, 0, text.stderr);
  expectFile("score.json", text.stdout);
  const r = cli(["score", ...AS_OF, ...ALL]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, "");
  const results = JSON.parse(r.stdout);
  assert.deepEqual(results.map((x) => [x.file, x.ok, Object.keys(x)]), ALL.map((f) => [f, true, ["file", "ok", "report", "warnings"]]));
  for (const [i, file] of ALL.entries()) {
    const report = lib.score(readFileSync(join(root, file), "utf8"), { asOf: "2026-12-01" });
    assert.deepEqual(results[i].report, report, file);
    assert.deepEqual(results[i].warnings, report.warnings, file);
  }
  // One file is still an array.
  const one = JSON.parse(cli(["score", ...AS_OF, FIXTURES[2]]).stdout);
  assert.ok(Array.isArray(one) && one.length === 1);
});

test("the CLI and the library give the same report for the packed example (moved from package.test.mjs)", () => {
  const r = cli(["score", "--as-of", "2026-11-23", join(root, "examples/profile.json")]);
  assert.equal(r.status, 0, r.stderr);
  const report = lib.score(example, { asOf: "2026-11-23" });
  assert.deepEqual(JSON.parse(r.stdout), [{ file: join(root, "examples/profile.json"), ok: true, report, warnings: report.warnings }]);
  for (const p of report.pillars) assert.equal(p.status, "scored");
});

test("score's JSON agrees with the Rust engine's snapshots (no --as-of: no asOf, as the snapshots)", () => {
  for (const file of FIXTURES.slice(0, 3)) {
    const r = cli(["score", file]);
    assert.equal(r.status, 0, r.stderr);
    const name = file.split("/").pop();
    assert.deepEqual(JSON.parse(r.stdout)[0].report, snapshot(name), name);
  }
  const { file, asOf } = consortiumWeights();
  const r = cli(["score", "--weights", file, "--as-of", asOf, FIXTURES[3]]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout)[0].report, snapshot("regional-consortium.json"));
});

test("score --format ndjson: one result per line, the same objects", () => {
  const r = cli(["score", ...AS_OF, "--format", "ndjson", ...FIXTURES]);
  assert.equal(r.status, 0, r.stderr);
  expectFile("score.ndjson", r.stdout);
  const lines = r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
  const array = JSON.parse(cli(["score", ...AS_OF, ...FIXTURES]).stdout);
  assert.deepEqual(lines, array);
});

test("score --format table and markdown: a row per file × pillar, never a score or band without data", () => {
  for (const [format, ext] of [["table", "txt"], ["markdown", "md"]]) {
    const r = cli(["score", ...AS_OF, "--format", format, ...ALL]);
    assert.equal(r.status, 0, r.stderr);
    expectFile(`score.${ext}`, r.stdout);
    assert.doesNotMatch(r.stdout, /\x1b\[/, "no colour off a terminal");
  }
  const md = cli(["score", ...AS_OF, "--format", "markdown", ...ALL]).stdout.trimEnd().split("\n");
  assert.equal(md[0], "| file | pillar | status | score | band | range | coverage | answered weight | evidence quality | review |");
  assert.equal(md.length, 2 + ALL.length * 2);
  let unscored = 0;
  for (const row of md.slice(2)) {
    const [, , status, score, band, range] = row.split(" | ");
    if (status === "scored") {
      assert.match(score, /^\d+\.\d$/);
      assert.match(band, /^(limited|partial|substantial|strong)$/);
    } else {
      unscored++;
      assert.equal(score, "insufficient data", row);
      assert.equal(band, "—", row);
    }
    assert.match(range, /^\d+\.\d–\d+\.\d$/);
  }
  assert.ok(unscored >= 3, "the fixtures include unscored pillars");
  assert.equal(md[2], "| tests/fixtures/early-stage-assessment.json | O | insufficient-data | insufficient data | — | 14.0–94.0 | 13.8% | 20.0% | 0.0% | self-assessment |");
});

test("score --format csv: a header, one row per process × indicator, RFC 4180 with CRLF", () => {
  const r = cli(["score", ...AS_OF, "--format", "csv", ...ALL]);
  assert.equal(r.status, 0, r.stderr);
  expectFile("score.csv", r.stdout);
  const lines = r.stdout.split("\r\n");
  assert.equal(lines.pop(), "");
  assert.equal(lines[0], "file,process,pillar,indicator,status,score,lower,upper,answered_weight,weight");
  assert.equal(lines.length, 1 + ALL.length * 17);
  assert.ok(!r.stdout.replace(/\r\n/g, "").includes("\n"), "every line ends in CRLF");
  // Unscored indicators have an empty score; their range is there.
  assert.ok(lines.includes("tests/fixtures/early-stage-assessment.json,Example early-stage assessment,O,O2,insufficient-data,,0,100,0,14"));
});

test("csv quotes per RFC 4180 and defuses formulas in text cells", () => {
  const file = join(dir, "=evil.json");
  writeFileSync(file, minimal({ name: '=HYPERLINK("http://x","y"), @SUM' }));
  const r = cli(["score", "--format", "csv", "=evil.json"], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split("\r\n");
  assert.equal(lines[1], `'=evil.json,"'=HYPERLINK(""http://x"",""y""), @SUM",O,O1,insufficient-data,,0,100,0,14`);
  const plus = join(dir, "+plus.json");
  writeFileSync(plus, minimal({ name: "-1+2\nsecond line" }));
  const p = cli(["score", "--format", "csv", "+plus.json"], { cwd: dir });
  assert.equal(p.stdout.split("\r\n")[1], `'+plus.json,"'-1+2\nsecond line",O,O1,insufficient-data,,0,100,0,14`);
  const at = join(dir, "at.json");
  writeFileSync(at, minimal({ name: "@cmd|' /C calc'!A0" }));
  assert.equal(cli(["score", "--format", "csv", "at.json"], { cwd: dir }).stdout.split("\r\n")[1], `at.json,'@cmd|' /C calc'!A0,O,O1,insufficient-data,,0,100,0,14`);
});

test("table and markdown write control and bidirectional characters of a name as escapes: no terminal escape sequence or override reaches the screen", () => {
  writeFileSync(join(dir, "evil.json"), minimal({ name: "A\u001b[31mred\u001b]0;title\u0007\u202egnp.exe" }));
  writeFileSync(join(dir, "plain.json"), minimal({ name: "Plain" }));
  for (const format of ["table", "markdown"]) {
    const r = cli(["compare", "--format", format, "evil.json", "plain.json"], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, format);
    assert.ok(r.stdout.includes("A\\u{1b}[31mred\\u{1b}]0;title\\u{7}\\u{202e}gnp.exe"), `${format}: ${r.stdout}`);
  }
  // JSON and CSV are data, not a display: they keep the name exactly.
  const json = JSON.parse(cli(["compare", "evil.json", "plain.json"], { cwd: dir }).stdout);
  assert.ok(JSON.stringify(json).includes("A\\u001b[31mred"));
});

// ---------------------------------------------------------------------------------------------
// validate

test("validate: every format, whole; invalid profiles listed with every error", () => {
  const bad = join(dir, "bad.json");
  writeFileSync(bad, JSON.stringify({ schema: "v0", process: {}, answers: { "X9.9": {} } }));
  const files = [...FIXTURES, "tests/cli/bad-profile.json"];
  if (blessing) writeFileSync(join(root, "tests/cli/bad-profile.json"), `${JSON.stringify({ schema: "v0", process: {}, answers: { "X9.9": {} } }, null, 2)}\n`);
  for (const [format, ext] of [["json", "json"], ["ndjson", "ndjson"], ["table", "txt"], ["markdown", "md"], ["csv", "csv"]]) {
    const r = cli(["validate", ...AS_OF, "--format", format, ...files]);
    assert.equal(r.status, 1, `${format}: ${r.stderr}`);
    expectFile(`validate.${ext}`, r.stdout);
    assert.deepEqual(stderrLines(r), [{ error: { code: "unsupported-schema", path: "schema", message: stderrLines(r)[0].error.message, suggestion: null, file: "tests/cli/bad-profile.json" } }]);
  }
  const results = JSON.parse(cli(["validate", ...AS_OF, ...files]).stdout);
  assert.deepEqual(results.map((x) => [x.file, x.ok, Object.keys(x)]), files.map((f, i) => [f, i < 4, ["file", "ok", "errors", "warnings"]]));
  assert.deepEqual(results[4].errors.map((e) => [e.code, e.path]), [["unsupported-schema", "schema"], ["missing-field", "process"], ["unknown-element", "answers.X9.9"]]);
  const ok = cli(["validate", "-"], { input: example });
  assert.equal(ok.status, 0, ok.stderr);
  assert.deepEqual(JSON.parse(ok.stdout), [{ file: "-", ...lib.validate(example) }]);
});

// ---------------------------------------------------------------------------------------------
// compare, sensitivity, diff

test("compare: JSON is the engine's comparison (the snapshot) with the files; table, markdown, csv whole", () => {
  const r = cli(["compare", ...SNAPSHOT_ORDER]);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.files, SNAPSHOT_ORDER);
  delete out.files;
  assert.deepEqual(out, snapshot("compare.json"));
  const json = cli(["compare", ...AS_OF, ...FIXTURES]);
  assert.equal(json.status, 0, json.stderr);
  expectFile("compare.json", json.stdout);
  for (const [format, ext] of [["table", "txt"], ["markdown", "md"], ["csv", "csv"]]) {
    const f = cli(["compare", ...AS_OF, "--format", format, ...FIXTURES, "www/presets/ietf.json", "www/presets/w3c.json"]);
    assert.equal(f.status, 0, f.stderr);
    expectFile(`compare.${ext}`, f.stdout);
  }
  const md = cli(["compare", ...AS_OF, "--format", "markdown", ...FIXTURES]).stdout.split("\n");
  assert.ok(md.includes("| O | — | tests/fixtures/early-stage-assessment.json | Example early-stage assessment | insufficient-data | insufficient data | 14.0–94.0 |  |"), md.join("\n"));
  assert.ok(md.includes("| I | 1–2 | tests/fixtures/regional-consortium.json | Example regional consortium | scored | 59.5 | 54.2–65.1 | tests/fixtures/open-working-group.json |"));
  assert.equal(cli(["compare", "--format", "ndjson", ...FIXTURES]).status, 2);
});

test("compare of the packed example and a thin profile ranks only what is scored", () => {
  const file = join(dir, "example.json");
  writeFileSync(file, example);
  const thin = join(dir, "thin.json");
  writeFileSync(thin, JSON.stringify({ schema: "sdo-openness/profile/v2", process: { name: "Thin" }, answers: { "O1.1": { option: "public" } } }));
  const compared = cli(["compare", "--as-of", "2026-11-23", file, thin]);
  assert.equal(compared.status, 0, compared.stderr);
  const order = JSON.parse(compared.stdout).rankings[0].order;
  assert.deepEqual(order.map((o) => [o.index, o.status, o.rank]), [[0, "scored", 1], [1, "insufficient-data", null]]);
  // An invalid profile among them: every invalid file is named, nothing on stdout.
  const bad = cli(["compare", file, "-", "missing.json"], { input: "{}", cwd: dir });
  assert.equal(bad.status, 1);
  assert.equal(bad.stdout, "");
  assert.deepEqual(stderrLines(bad).map((l) => [l.error.code, l.error.file]), [["missing-field", "-"], ["unreadable", "missing.json"]]);
});

test("sensitivity: JSON is the engine's analysis (the snapshot); markdown, table and csv whole", () => {
  const r = cli(["sensitivity", "--draws", "200", "--seed", "42", ...SNAPSHOT_ORDER]);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.files, SNAPSHOT_ORDER);
  delete out.files;
  assert.deepEqual(out, snapshot("sensitivity.json"));
  for (const [format, ext] of [["markdown", "md"], ["table", "txt"], ["csv", "csv"]]) {
    const f = cli(["sensitivity", "--draws", "200", "--seed", "42", "--spread", "0.3", "--format", format, ...FIXTURES]);
    assert.equal(f.status, 0, f.stderr);
    expectFile(`sensitivity.${ext}`, f.stdout);
  }
  for (const bad of [["--draws", "0"], ["--draws", "10001"], ["--draws", "x"], ["--seed", "-1"], ["--spread", "2"], ["--as-of", "2026-01-01"]]) {
    assert.equal(cli(["sensitivity", ...bad, FIXTURES[2]]).status, 2, bad.join(" "));
  }
});

test("diff: JSON is the engine's diff (the snapshot) with the files; markdown and table whole", () => {
  const { file, asOf } = consortiumWeights();
  const args = ["--weights", file, "--as-of", asOf, FIXTURES[3], "tests/cli/regional-consortium-2027.json"];
  const r = cli(["diff", ...args]);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.files, { old: FIXTURES[3], new: "tests/cli/regional-consortium-2027.json" });
  delete out.files;
  assert.deepEqual(out, snapshot("diff.json"));
  for (const [format, ext] of [["markdown", "md"], ["table", "txt"]]) {
    const f = cli(["diff", "--format", format, ...args]);
    assert.equal(f.status, 0, f.stderr);
    expectFile(`diff.${ext}`, f.stdout);
  }
  const md = cli(["diff", "--format", "markdown", ...args]).stdout.split("\n");
  assert.ok(md.includes("| answer | O1.1 | answered: free-account | answered: public |  |"), md.join("\n"));
});

test("diff of the example: what changed; a different process is a coded error naming the file", () => {
  const file = join(dir, "example.json");
  writeFileSync(file, example);
  const changed = JSON.parse(example);
  changed.answers["O1.1"].option = "public";
  const next = join(dir, "next.json");
  writeFileSync(next, JSON.stringify(changed));
  const diffed = cli(["diff", "--as-of", "2026-11-23", file, next]);
  assert.equal(diffed.status, 0, diffed.stderr);
  const d = JSON.parse(diffed.stdout);
  assert.deepEqual(d.answers, [{ element: "O1.1", old: { state: "answered", option: "free-account" }, new: { state: "answered", option: "public" } }]);
  assert.ok(d.pillars[0].change > 0, JSON.stringify(d.pillars[0]));
  const thin = join(dir, "thin.json");
  writeFileSync(thin, minimal({ name: "Thin" }));
  const other = cli(["diff", file, thin]);
  assert.equal(other.status, 1);
  assert.deepEqual(stderrLines(other), [{ error: { code: "different-process", path: "process.name", message: "the profiles assess different processes", suggestion: null, file: thin } }]);
  assert.equal(cli(["diff", file]).status, 2);
  assert.equal(cli(["diff", "--format", "csv", file, next]).status, 2);
});

// ---------------------------------------------------------------------------------------------
// badge

test("badge: one to stdout, several only with --output DIR, one SVG per input", () => {
  const one = cli(["badge", "-"], { input: example });
  assert.equal(one.status, 0, one.stderr);
  assert.match(one.stdout, /^<svg [^>]*role="img"/);
  assert.match(one.stdout, /self-assessed<\/text>/);
  assert.equal(one.stdout, `${lib.badgeSvg(lib.score(example))}\n`);
  const several = cli(["badge", ...FIXTURES]);
  assert.equal(several.status, 2);
  assert.equal(several.stdout, "");
  const out = join(dir, "badges");
  const r = cli(["badge", ...AS_OF, "--output", out, ...FIXTURES, "missing.json", "www/presets/ietf.json"]);
  assert.equal(r.status, 1, "the missing file fails the run, after the others");
  assert.equal(r.stdout, "");
  assert.deepEqual(stderrLines(r).map((l) => [l.error.code, l.error.file, l.error.errno]), [["unreadable", "missing.json", "ENOENT"]]);
  assert.deepEqual(readdirSync(out).sort(), ["early-stage-assessment.svg", "ietf.svg", "members-only-committee.svg", "open-working-group.svg", "regional-consortium.svg"]);
  for (const file of [...FIXTURES, "www/presets/ietf.json"]) {
    const name = file.split("/").pop().replace(/\.json$/, ".svg");
    const svg = lib.badgeSvg(lib.score(readFileSync(join(root, file), "utf8"), { asOf: "2026-12-01" }));
    assert.equal(readFileSync(join(out, name), "utf8"), `${svg}\n`, name);
  }
  const single = join(dir, "single.svg");
  assert.equal(cli(["badge", "--output", single, FIXTURES[2]]).status, 0);
  assert.match(readFileSync(single, "utf8"), /^<svg /);
  // Two inputs that would write the same name: refused before anything is written.
  mkdirSync(join(dir, "a"), { recursive: true });
  writeFileSync(join(dir, "a/open-working-group.json"), readFileSync(join(root, FIXTURES[2])));
  assert.equal(cli(["badge", "--output", join(dir, "clash"), FIXTURES[2], join(dir, "a/open-working-group.json")]).status, 2);
  assert.ok(!existsSync(join(dir, "clash")));
  assert.equal(cli(["badge", "--format", "json", FIXTURES[2]]).status, 2);
});

// ---------------------------------------------------------------------------------------------
// CI gates

test("--fail-under: exit 3 below a threshold, and an unscored pillar fails with 'insufficient data'", () => {
  const pass = cli(["score", ...AS_OF, "--fail-under", "O=60,I=50", FIXTURES[2]]);
  assert.equal(pass.status, 0, pass.stderr);
  assert.equal(pass.stderr, "");
  const below = cli(["score", ...AS_OF, "--fail-under", "O=95", FIXTURES[2]]);
  assert.equal(below.status, 3);
  assert.deepEqual(stderrLines(below), [
    { error: { code: "below-threshold", path: "pillars.O", message: "O 94.0 is below 95", suggestion: null, file: FIXTURES[2], pillar: "O", status: "scored", score: 94, minimum: 95 } },
  ]);
  assert.equal(JSON.parse(below.stdout).length, 1, "the results are printed all the same");
  const unscored = cli(["score", ...AS_OF, "--fail-under", "O=0", FIXTURES[0]]);
  assert.equal(unscored.status, 3, "a pillar without data never passes a gate, even at 0");
  assert.deepEqual(stderrLines(unscored).map((l) => [l.error.code, l.error.pillar, l.error.message, l.error.status]), [["below-threshold", "O", "insufficient data", "insufficient-data"]]);
  const all = cli(["score", ...AS_OF, "--fail-under", "50", FIXTURES[1], FIXTURES[2]]);
  assert.equal(all.status, 3);
  assert.deepEqual(stderrLines(all).map((l) => [l.error.file, l.error.pillar, l.error.message]), [
    [FIXTURES[1], "O", "O 18.5 is below 50"],
    [FIXTURES[1], "I", "insufficient data"],
  ]);
  assert.equal(cli(["badge", ...AS_OF, "--fail-under", "I=60", FIXTURES[2]]).status, 3, "badge takes the gate too");
  assert.equal(cli(["score", "--fail-under", "I=50", "-"], { input: "{}" }).status, 1, "invalid input outranks a threshold");
  for (const bad of ["X=50", "O=101", "O=", "O=fifty", "O:50"]) assert.equal(cli(["score", "--fail-under", bad, FIXTURES[2]]).status, 2, bad);
  assert.equal(cli(["validate", "--fail-under", "O=50", FIXTURES[2]]).status, 2, "validate does not score");
});

test("--max-warnings: exit 4 when all files together have more warnings", () => {
  const count = lib.validate(readFileSync(join(root, FIXTURES[0]), "utf8"), { asOf: "2026-12-01" }).warnings.length;
  assert.ok(count > 0);
  for (const command of ["score", "validate", "badge"]) {
    assert.equal(cli([command, ...AS_OF, "--max-warnings", String(count), FIXTURES[0]]).status, 0, command);
    const over = cli([command, ...AS_OF, "--max-warnings", String(count - 1), FIXTURES[0]]);
    assert.equal(over.status, 4, command);
    assert.deepEqual(stderrLines(over), [
      { error: { code: "too-many-warnings", path: "", message: `${count} warnings, more than the ${count - 1} allowed by --max-warnings`, suggestion: null, warnings: count, maxWarnings: count - 1 } },
    ]);
  }
  assert.equal(cli(["score", ...AS_OF, "--fail-under", "O=99", "--max-warnings", "0", FIXTURES[0]]).status, 3, "a threshold outranks warnings");
  assert.equal(cli(["score", "--max-warnings", "-1", FIXTURES[0]]).status, 2);
});

// ---------------------------------------------------------------------------------------------
// Batches

test("a missing file in the middle of a batch is reported for that file; the others are scored", () => {
  const files = [FIXTURES[0], "tests/fixtures/missing.json", FIXTURES[2], "tests/fixtures", FIXTURES[3]];
  const r = cli(["score", ...AS_OF, ...files]);
  assert.equal(r.status, 1);
  const results = JSON.parse(r.stdout);
  assert.deepEqual(results.map((x) => [x.file, x.ok]), [[files[0], true], [files[1], false], [files[2], true], [files[3], false], [files[4], true]]);
  assert.deepEqual(results[1], {
    file: files[1],
    ok: false,
    errors: [{ code: "unreadable", path: "", message: "cannot read tests/fixtures/missing.json: no such file or directory", suggestion: null, errno: "ENOENT" }],
    warnings: [],
  });
  assert.deepEqual(results[3].errors.map((e) => [e.code, e.errno]), [["unreadable", "EISDIR"]]);
  assert.deepEqual(stderrLines(r).map((l) => [l.error.code, l.error.file, l.error.errno]), [["unreadable", files[1], "ENOENT"], ["unreadable", files[3], "EISDIR"]]);
  const table = cli(["score", ...AS_OF, "--format", "table", ...files]);
  assert.equal(table.status, 1);
  assert.match(table.stdout, /^tests\/fixtures\/missing\.json +— +error: unreadable$/m);
});

test("globs are expanded by the CLI itself, sorted, hidden files left out; no match is an error", () => {
  const r = cli(["validate", "tests/fixtures/*-*.json"]);
  const expected = readdirSync(join(root, "tests/fixtures")).filter((f) => /^[^.].*-.*\.json$/.test(f)).sort().map((f) => `tests/fixtures/${f}`);
  assert.deepEqual(JSON.parse(r.stdout).map((x) => x.file), expected);
  const q = cli(["validate", "tests/fixtures/open-working-gro?p.json", "tests/fixtures/[mr]e*.json", "tests/**/open-*.json"]);
  assert.deepEqual(JSON.parse(q.stdout).map((x) => x.file), [
    "tests/fixtures/open-working-group.json",
    "tests/fixtures/members-only-committee.json",
    "tests/fixtures/regional-consortium.json",
    "tests/fixtures/regional-consortium.options.json",
    "tests/fixtures/open-working-group.json",
    "tests/snapshots/open-working-group.json",
  ]);
  const none = cli(["score", "tests/fixtures/*.nothing"]);
  assert.equal(none.status, 1);
  assert.deepEqual(JSON.parse(none.stdout)[0].errors.map((e) => e.code), ["no-match"]);
});

test("200 files in one process", (t) => {
  const batch = join(dir, "batch");
  mkdirSync(batch, { recursive: true });
  const sources = ALL.map((f) => readFileSync(join(root, f)));
  for (let i = 0; i < 200; i++) writeFileSync(join(batch, `p${String(i).padStart(3, "0")}.json`), sources[i % sources.length]);
  const start = process.hrtime.bigint();
  const r = cli(["score", ...AS_OF, "--format", "ndjson", "batch/*.json"], { cwd: dir });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  t.diagnostic(`200 files scored in one process in ${ms.toFixed(0)} ms`);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
  assert.equal(lines.length, 200);
  assert.ok(lines.every((l) => l.ok));
  assert.equal(r.stderr, "", "no progress line when stderr is not a terminal");
  // The same batch as a pipe that is closed early: EPIPE, exit 5, a coded error, no stack trace.
  const piped = spawnSync("bash", ["-c", `"${bin}" score --as-of 2026-12-01 "batch/*.json" | head -c 100 > /dev/null; echo "status=\${PIPESTATUS[0]}" >&2`], { cwd: dir, encoding: "utf8" });
  assert.match(piped.stderr, /status=5\n$/);
  const error = JSON.parse(piped.stderr.split("\n")[0]).error;
  assert.deepEqual([error.code, error.file, error.errno], ["write-failed", "-", "EPIPE"]);
});

// ---------------------------------------------------------------------------------------------
// Reading and writing

test("inputs over 1 MiB are refused at once: a large file, /dev/zero, an endless stdin", () => {
  const big = join(dir, "big.json");
  writeFileSync(big, `{"x":"${"a".repeat(1024 * 1024)}"}`);
  for (const [args, input, file] of [
    [["score", big], undefined, big],
    [["score", "/dev/zero"], undefined, "/dev/zero"],
    [["validate", "/dev/zero"], undefined, "/dev/zero"],
    [["badge", "/dev/zero"], undefined, "/dev/zero"],
    [["compare", "/dev/zero"], undefined, "/dev/zero"],
    [["score", "-"], "x".repeat(1024 * 1024 + 1), "-"],
  ]) {
    // One that kept reading (4.5 GB of /dev/zero in 10 s before the byte limit) is killed by
    // cli()'s timeout and fails on its status, not on a measured time.
    const r = cli(args, { input });
    assert.equal(r.status, 1, args.join(" "));
    assert.deepEqual(stderrLines(r).map((l) => [l.error.code, l.error.file]), [["too-large", file]], args.join(" "));
  }
  // Endless standard input, as a file and as a pipe: the CLI stops reading past the limit.
  for (const script of [`"${bin}" score - < /dev/zero`, `cat /dev/zero | "${bin}" score -`]) {
    const endless = spawnSync("bash", ["-c", script], { encoding: "utf8", timeout: 30000 });
    assert.equal(endless.status, 1, script);
    assert.equal(JSON.parse(endless.stderr).error.code, "too-large", script);
  }
  // Exactly at the limit is not refused by the CLI (the engine then judges the text).
  const edge = join(dir, "edge.json");
  const name = "n".repeat(1024 * 1024 - minimal({ name: "" }).length);
  writeFileSync(edge, minimal({ name }));
  assert.notEqual(stderrLines(cli(["score", edge]))[0].error.code, "too-large");
});

test("a UTF-8 byte-order mark is accepted; UTF-16 and invalid UTF-8 get a coded error", () => {
  const bom = join(dir, "bom.json");
  writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(example)]));
  const withBom = cli(["score", "--as-of", "2026-11-23", bom]);
  assert.equal(withBom.status, 0, withBom.stderr);
  assert.deepEqual(JSON.parse(withBom.stdout)[0].report, lib.score(example, { asOf: "2026-11-23" }));
  const stdin = cli(["validate", "-"], { input: `\ufeff${example}` });
  assert.equal(stdin.status, 0, stdin.stderr);
  const utf16 = join(dir, "utf16.json");
  writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(example, "utf16le")]));
  const latin = join(dir, "latin.json");
  writeFileSync(latin, Buffer.from(minimal({ name: "caf\u00e9" }), "latin1"));
  const r = cli(["score", utf16, latin]);
  assert.equal(r.status, 1);
  assert.deepEqual(stderrLines(r).map((l) => [l.error.code, l.error.message]), [
    ["invalid-encoding", `${utf16} is UTF-16; save it as UTF-8`],
    ["invalid-encoding", `${latin} is not UTF-8 text`],
  ]);
});

test("the engine's coded errors: stdin, duplicate keys, exit 1, JSON on stderr", () => {
  const bad = cli(["score", "-"], { input: '{"schema":"sdo-openness/profile/v2","process":{"name":"x"},"answers":{"O1.1":{"option":"a"},"O1.1":{"option":"b"}}}' });
  assert.equal(bad.status, 1);
  const { error } = JSON.parse(bad.stderr);
  assert.deepEqual([error.code, error.path, error.file], ["duplicate-key", "answers.O1.1", "-"]);
  assert.deepEqual(JSON.parse(bad.stdout)[0].errors[0].code, "duplicate-key");
  assert.equal(cli(["validate", "-"], { input: "{}" }).status, 1);
});

test("--weights: applied, and a bad weights file is a coded error naming it", () => {
  const w = join(dir, "w.json");
  writeFileSync(w, '{"O1": 20, "O1": 3}');
  const dup = cli(["score", "--weights", w, FIXTURES[2]]);
  assert.equal(dup.status, 1);
  assert.deepEqual(stderrLines(dup), [{ error: { code: "duplicate-key", path: "O1", message: "duplicate key `O1`", suggestion: null, file: w } }]);
  writeFileSync(w, '{"O9": 20}');
  assert.deepEqual(stderrLines(cli(["score", "--weights", w, FIXTURES[2]]))[0].error.code, "unknown-indicator");
  writeFileSync(w, "{oops");
  assert.deepEqual(stderrLines(cli(["score", "--weights", w, FIXTURES[2]]))[0].error.code, "invalid-json");
  assert.deepEqual(stderrLines(cli(["score", "--weights", join(dir, "none.json"), FIXTURES[2]]))[0].error.code, "unreadable");
  writeFileSync(w, '{"O1": 50}');
  const custom = JSON.parse(cli(["score", "--weights", w, FIXTURES[2]]).stdout)[0].report;
  assert.equal(custom.weights, "custom");
  assert.deepEqual(custom, lib.score(readFileSync(join(root, FIXTURES[2]), "utf8"), { weights: { O1: 50 } }));
});

test("write errors exit 5 with a coded error: /dev/full as stdout and as --output, a missing folder", () => {
  for (const command of [["score", FIXTURES[2]], ["validate", FIXTURES[2]], ["compare", FIXTURES[2]], ["diff", FIXTURES[2], FIXTURES[2]], ["sensitivity", "--draws", "10", FIXTURES[2]], ["badge", FIXTURES[2]], ["rubric"], ["version"], ["--version"]]) {
    const full = spawnSync("bash", ["-c", `"${bin}" "$@" > /dev/full`, "_", ...command], { cwd: root, encoding: "utf8" });
    assert.equal(full.status, 5, command.join(" "));
    assert.deepEqual(stderrLines(full).map((l) => [l.error.code, l.error.file, l.error.errno]), [["write-failed", "-", "ENOSPC"]], command.join(" "));
  }
  for (const command of ["score", "validate", "compare", "sensitivity"]) {
    const r = cli([command, "--output", "/dev/full", FIXTURES[2]]);
    assert.equal(r.status, 5, command);
    assert.deepEqual(stderrLines(r).map((l) => [l.error.code, l.error.file, l.error.errno]), [["write-failed", "/dev/full", "ENOSPC"]]);
  }
  const missing = cli(["score", "--output", join(dir, "no/such/dir/out.json"), FIXTURES[2]]);
  assert.equal(missing.status, 5);
  assert.equal(stderrLines(missing)[0].error.errno, "ENOENT");
  assert.equal(cli(["badge", "--output", "/dev/full/x", FIXTURES[2], FIXTURES[3]]).status, 5);
  const out = join(dir, "out.md");
  const written = cli(["score", ...AS_OF, "--format", "markdown", "--output", out, ...FIXTURES]);
  assert.equal(written.status, 0);
  assert.equal(written.stdout, "");
  assert.equal(readFileSync(out, "utf8"), cli(["score", ...AS_OF, "--format", "markdown", ...FIXTURES]).stdout);
});

// ---------------------------------------------------------------------------------------------
// --as-of

test("--as-of: without it no assessment is judged outdated, and a note says so only when it matters", () => {
  const old = join(dir, "old.json");
  writeFileSync(old, minimal({ name: "Old", assessedOn: "2000-01-01" }));
  const fresh = join(dir, "fresh.json");
  writeFileSync(fresh, minimal({ name: "Fresh", assessedOn: new Date().toISOString().slice(0, 10) }));
  const undated = join(dir, "undated.json");
  writeFileSync(undated, minimal({ name: "Undated" }));
  const codes = (r) => JSON.parse(r.stdout).flatMap((x) => x.warnings.map((w) => w.code));
  const without = cli(["score", old, fresh, undated]);
  assert.equal(without.status, 0);
  assert.ok(!codes(without).includes("assessment-outdated"));
  const notes = stderrLines(without);
  assert.equal(notes.length, 1);
  assert.equal(notes[0].note.code, "as-of-not-given");
  assert.deepEqual(notes[0].note.files, [old]);
  assert.match(notes[0].note.message, /^1 profile was assessed more than 365 days before today \(\d{4}-\d\d-\d\d\); without --as-of no assessment is judged outdated: pass --as-of \d{4}-\d\d-\d\d to judge$/);
  const withAsOf = cli(["score", "--as-of", "2026-12-01", old, fresh, undated]);
  assert.equal(withAsOf.stderr, "");
  assert.ok(codes(withAsOf).includes("assessment-outdated"));
  assert.equal(cli(["score", fresh, undated]).stderr, "", "no note when nothing could be outdated");
  assert.equal(stderrLines(cli(["validate", old])).length, 1, "validate notes it too");
  // The same file gives the same stdout on any day.
  assert.equal(cli(["score", old]).stdout, cli(["score", old]).stdout);
  for (const bad of ["2026-13-01", "2026-02-30", "yesterday", "2026-1-1"]) assert.equal(cli(["score", "--as-of", bad, fresh]).status, 2, bad);
});

// ---------------------------------------------------------------------------------------------
// Usage

test("usage errors exit 2 with a line on stderr, before anything is read or written", () => {
  for (const args of [
    [],
    ["frobnicate"],
    ["score", "--frobnicate", FIXTURES[2]],
    ["score", "-x", FIXTURES[2]],
    ["score", "--format"],
    ["score", "--format", "xml", FIXTURES[2]],
    ["score", "--output", "a", "--output", "b", FIXTURES[2]],
    ["score", "-", "-"],
    ["rubric", FIXTURES[2]],
    ["version", "--format", "json"],
    ["badge", "--draws", "5", FIXTURES[2]],
    ["score", "--no-color=1", FIXTURES[2]],
  ]) {
    const r = cli(args, { input: "" });
    assert.equal(r.status, 2, args.join(" "));
    assert.equal(r.stdout, "", args.join(" "));
    assert.match(r.stderr, /^sdo-openness: .+\nrun "sdo-openness --help" for usage\n$/, args.join(" "));
  }
  assert.equal(cli(["score", "--format=markdown", "--as-of=2026-12-01", "--", FIXTURES[2]]).status, 0, "--opt=value and --");
});

// ---------------------------------------------------------------------------------------------
// Terminals: colours and progress only there, never with NO_COLOR

test("colours and the progress line only on a terminal, and never with NO_COLOR or --no-color", { skip: !existsSync("/usr/bin/script") }, () => {
  const batch = join(dir, "tty");
  mkdirSync(batch, { recursive: true });
  for (let i = 0; i < 21; i++) writeFileSync(join(batch, `p${String(i).padStart(2, "0")}.json`), readFileSync(join(root, FIXTURES[2])));
  const tty = (args, env = {}) =>
    spawnSync("script", ["-qec", `"${bin}" ${args}`, "/dev/null"], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "", TERM: "xterm", ...env } }).stdout;
  const colored = tty(`score --as-of 2026-12-01 --format table "tty/*.json"`);
  assert.match(colored, /\x1b\[32mstrong/, "a scored band in colour");
  assert.match(colored, /\r\x1b\[Ksdo-openness: 21\/21 tty\/p20\.json/, "a progress line");
  assert.doesNotMatch(tty(`score --as-of 2026-12-01 --format table "tty/*.json"`, { NO_COLOR: "1" }), /\x1b\[[0-9;]*m/);
  assert.doesNotMatch(tty(`score --as-of 2026-12-01 --format table --no-color "tty/*.json"`), /\x1b\[[0-9;]*m/);
  const unscored = tty(`score --as-of 2026-12-01 --format table ${join(root, FIXTURES[0])}`);
  assert.doesNotMatch(unscored.split("\n").slice(1).join("\n"), /\x1b\[/, "no colour at all for pillars without a score");
  assert.doesNotMatch(tty(`score --as-of 2026-12-01 --format table tty/p00.json`), /sdo-openness: 1\/1/, "no progress line for a short batch");
});
