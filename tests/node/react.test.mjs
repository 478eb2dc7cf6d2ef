// JSX typings for React 19 (sdo-openness/react): a strict consumer of the packed tarball, with the
// pinned @types/react, type-checks under the node16, nodenext and bundler resolutions, and a
// misuse of each kind fails.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { installPackage, root } from "../support/package.mjs";

let dir;
before(() => {
  dir = installPackage();
  mkdirSync(join(dir, "node_modules/@types"), { recursive: true });
  symlinkSync(join(root, "node_modules/@types/react"), join(dir, "node_modules/@types/react"));
  symlinkSync(join(root, "node_modules/csstype"), join(dir, "node_modules/csstype"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const good = `import type {} from "sdo-openness/react";
import type { Report } from "sdo-openness";
const profile = { schema: "sdo-openness/profile/v2", process: { name: "x" }, answers: { "O1.1": { option: "public" } } } as const;
export const a = <sdo-openness-scorecard lang="fr" theme="dark" src="/p.json" weights={{ O1: 20 }}
  onsdo-openness-scored={(e) => { const r: Report = e.detail.report; console.log(r.pillars[0].score); }}
  onsdo-openness-error={(e) => console.log(e.detail.code, e.detail.path)} />;
export const b = <sdo-openness-badge label="openness" profile={profile} className="card" />;
`;
const bad = {
  theme: `import type {} from "sdo-openness/react";\nexport const x = <sdo-openness-scorecard theme="purple" />;\n`,
  label: `import type {} from "sdo-openness/react";\nexport const x = <sdo-openness-scorecard label="x" />;\n`,
  profile: `import type {} from "sdo-openness/react";\nexport const x = <sdo-openness-badge profile={{ schema: "sdo-openness/profile/v2", process: { name: "x" }, answers: { "O1.1": { option: "publik" } } }} />;\n`,
  event: `import type {} from "sdo-openness/react";\nexport const x = <sdo-openness-badge onsdo-openness-scored={(e) => e.detail.code} />;\n`,
};

const tsc = join(root, "node_modules/typescript/bin/tsc");
const flags = (module, resolution) => ["--noEmit", "--strict", "--jsx", "react-jsx", "--module", module,
  "--moduleResolution", resolution, "--target", "es2022", "--lib", "es2022,dom", "--skipLibCheck", "false"];

// One tsc run per mode (each takes seconds here): the consumer in all three, the misuses in one run.
const modes = { node16: ["node16", "node16"], nodenext: ["nodenext", "nodenext"], bundler: ["esnext", "bundler"] };
for (const [name, [module, resolution]] of Object.entries(modes)) {
  test(`JSX typings type-check under ${name}`, () => {
    writeFileSync(join(dir, "good.tsx"), good);
    const ok = spawnSync(process.execPath, [tsc, ...flags(module, resolution), "good.tsx"], { cwd: dir, encoding: "utf8" });
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  });
}

test("each misuse of the JSX typings fails to type-check", () => {
  for (const [kind, source] of Object.entries(bad)) writeFileSync(join(dir, `bad-${kind}.tsx`), source);
  const files = Object.keys(bad).map((kind) => `bad-${kind}.tsx`);
  const result = spawnSync(process.execPath, [tsc, ...flags("nodenext", "nodenext"), ...files], { cwd: dir, encoding: "utf8" });
  assert.notEqual(result.status, 0);
  for (const file of files) assert.match(result.stdout, new RegExp(`${file.replace(".", "\\.")}\\(2,\\d+\\): error TS\\d+`), result.stdout);
});
