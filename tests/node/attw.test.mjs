// @arethetypeswrong/cli on the packed tarball: every entry point resolves to types that match
// its JavaScript under TypeScript's node16 (ESM) and bundler resolution.
// Two deliberate ignores, each for a reason the README states:
// - `--profile esm-only`: the package is ESM-only (README, "Versions and licence"), so the
//   node10 resolution (which reads no `exports`) and node16 from CommonJS (CJSResolvesToESM) are
//   not checked; require() of it works at run time through Node's require(esm), which
//   tests/node/package.test.mjs proves.
// - `./sdo_openness_bg.wasm` and `./sdo_openness_speed.wasm` are excluded: they are raw
//   WebAssembly files for bundlers and init(), not modules with types.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "../support/package.mjs";

test("attw finds no problem in any entry point but the raw .wasm files", (t) => {
  const dir = mkdtempSync(join(tmpdir(), "sdo-openness-attw-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: root, encoding: "utf8" }).trim().split("\n").pop();
  const attw = join(root, "node_modules/@arethetypeswrong/cli/dist/index.js");
  const args = [attw, join(dir, tarball), "--format", "json", "--profile", "esm-only", "--exclude-entrypoints", "./sdo_openness_bg.wasm", "./sdo_openness_speed.wasm"];
  const out = spawnSync(process.execPath, args, { encoding: "utf8" });
  const result = JSON.parse(out.stdout);
  const entrypoints = Object.keys(result.analysis.entrypoints).sort();
  t.diagnostic(`checked ${entrypoints.length} entry points: ${entrypoints.join(" ")}`);
  // Every export but the excluded .wasm files is analysed.
  assert.deepEqual(entrypoints, [".", "./api.schema.json", "./custom-elements.json", "./elements/badge", "./elements/define",
    "./elements/scorecard", "./locales/*.json", "./package.json", "./profile.schema.json", "./react", "./rubric.json", "./vscode.html-custom-data.json",
    "./web-types.json", "./widget"]);
  // The JSON lists the problems of every resolution; the esm-only profile judges these two out.
  const problems = result.analysis.problems.filter((p) => !["node10", "node16-cjs"].includes(p.resolutionKind));
  assert.deepEqual(problems, []);
  assert.equal(out.status, 0, out.stdout.slice(0, 2000) + out.stderr);
});
