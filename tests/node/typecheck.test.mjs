// The JavaScript type check (`npm run typecheck`, tsconfig.json) can fail: a fixture checked under
// the project's own compiler options passes when it is well typed and fails on each kind of error
// the check exists for; and the project's config covers the folders it promises to.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { root } from "../support/package.mjs";

const tsc = join(root, "node_modules/typescript/bin/tsc");

let dir;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "sdo-typecheck-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const good = `import { readFileSync } from "node:fs";
/** @param {string} path @returns {number} */
export const size = (path) => readFileSync(path, "utf8").length;
const box = /** @type {HTMLElement} */ (document.querySelector("#box"));
box.hidden = size("x") > 3;
`;

/** Each kind of mistake the check is for, with the error it must give. */
const bad = {
  "argument of the wrong type (JSDoc)": [`/** @param {number} n */\nexport const twice = (n) => n * 2;\ntwice("2");\n`, "TS2345"],
  "a member a DOM type does not have": [`document.querySelector("#box").hidden = true;\n`, "TS2339"],
  "a Node API called wrongly": [`import { readFileSync } from "node:fs";\nreadFileSync();\n`, "TS2554"],
  "a misspelt import": [`import { readFileSynk } from "node:fs";\nreadFileSynk("x");\n`, "TS2724"],
};

/** Type-checks `files` (name → source) alone, in a folder of their own, under the project's options. */
function check(files) {
  const at = mkdtempSync(join(dir, "case-"));
  // Types are found in the project's node_modules, as they are for the project's own files.
  const config = { extends: join(root, "tsconfig.json"), compilerOptions: { typeRoots: [join(root, "node_modules/@types")] }, include: ["*.mjs"] };
  writeFileSync(join(at, "tsconfig.json"), JSON.stringify(config));
  for (const [name, source] of Object.entries(files)) writeFileSync(join(at, name), source);
  return spawnSync(process.execPath, [tsc, "--noEmit", "-p", "tsconfig.json"], { cwd: at, encoding: "utf8" });
}

test("well-typed JavaScript passes the type check", () => {
  const result = check({ "good.mjs": good });
  assert.equal(result.status, 0, result.stdout + result.stderr);
});

for (const [what, [source, code]] of Object.entries(bad)) {
  test(`the type check fails on ${what}`, () => {
    const result = check({ "good.mjs": good, "bad.mjs": source });
    assert.notEqual(result.status, 0, "tsc passed a type error");
    assert.match(result.stdout, new RegExp(`^bad\\.mjs\\(\\d+,\\d+\\): error ${code}:`, "m"), result.stdout);
    // Only the broken file is blamed.
    assert.doesNotMatch(result.stdout, /^good\.mjs/m, result.stdout);
  });
}

test("npm run typecheck checks bin/, scripts/, the elements, the page's modules and tests/support/", () => {
  const script = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts.typecheck;
  assert.equal(script, "tsc --noEmit -p tsconfig.json");
  assert.match(readFileSync(join(root, "scripts/test.sh"), "utf8"), /^npm run typecheck$/m);
  const listed = spawnSync(process.execPath, [tsc, "--noEmit", "-p", "tsconfig.json", "--listFilesOnly"], { cwd: root, encoding: "utf8" });
  assert.equal(listed.status, 0, listed.stdout + listed.stderr);
  const files = new Set(listed.stdout.split("\n").filter(Boolean).map((file) => relative(root, file)));
  for (const file of [
    "bin/sdo-openness.js",
    "bin/cli/main.js",
    "scripts/size.mjs",
    "scripts/budgets.mjs",
    "scripts/serve.mjs",
    "www/embed.js",
    "www/elements/element.js",
    "www/elements/messages.js",
    "www/shared/fragment.js",
    "www/app/store.js",
    "www/app/assess.js",
    "www/app/main.js",
    "www/app/review.js",
    "www/app/common.js",
    "www/app/assess-view.js",
    "www/app/compare.js",
    "www/app/weights.js",
    "www/app/share-view.js",
    "www/app/report.js",
    "tests/support/package.mjs",
    "tests/support/browser.mjs",
  ]) {
    assert.ok(files.has(file), `${file} is not type-checked`);
  }
});
