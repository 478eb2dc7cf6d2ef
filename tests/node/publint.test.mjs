// publint on the packed tarball, at its strictest level (suggestions count, strict mode): the
// package.json fields, exports and files agree with what ships. A copy with one export pointing
// at a missing file shows that the check is live.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { root } from "../support/package.mjs";

test("publint finds nothing in the packed package, and does find a broken export", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "sdo-openness-publint-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: root, encoding: "utf8" }).trim().split("\n").pop();
  execFileSync("tar", ["-xzf", join(dir, tarball), "-C", dir]);
  const pkgDir = join(dir, "package");
  const manifest = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  const lint = async () => {
    const { messages } = await publint({ pkgDir, level: "suggestion", strict: true, pack: false });
    return messages.map((m) => `${m.type} ${m.code}: ${formatMessage(m, manifest) ?? ""}`);
  };
  assert.deepEqual(await lint(), []);

  manifest.exports["./rubric.json"] = "./schema/no-such-file.json";
  writeFileSync(join(pkgDir, "package.json"), JSON.stringify(manifest, null, 2));
  const broken = await lint();
  assert.ok(broken.some((m) => m.startsWith("error") && m.includes("no-such-file")), broken.join("\n"));
});
