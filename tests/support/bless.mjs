// The one way to refresh what a test pins (tests/README.md): run its suite with `SDO_BLESS=1`,
// then read the diff before committing it. The Rust suites read the same variable the same way
// (tests/support/bless.rs).
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { root } from "./package.mjs";

/** True when this run rewrites the committed expectations: `SDO_BLESS` is exactly `1`. */
export const blessing = process.env.SDO_BLESS === "1";

/**
 * Compares `actual` with the committed `file` (relative to the repository), naming the first line
 * that differs; under SDO_BLESS=1 writes it instead. `suite` is the test file to rerun.
 * @param {string} file
 * @param {string} actual
 * @param {string} suite
 */
export function expectCommitted(file, actual, suite) {
  const path = join(root, file);
  const rerun = `SDO_BLESS=1 node --test ${suite}`;
  if (blessing) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path), `${file} is missing: run ${rerun}`);
  const expected = readFileSync(path, "utf8");
  if (actual !== expected) {
    const a = actual.split("\n");
    const e = expected.split("\n");
    const i = a.findIndex((line, k) => line !== e[k]);
    const at = i < 0 ? e.length : i;
    assert.fail(`${file} differs at line ${at + 1}:\n  expected: ${JSON.stringify(e[at])}\n  actual:   ${JSON.stringify(a[at])}\n(if intended, run ${rerun} and review the diff)`);
  }
}
