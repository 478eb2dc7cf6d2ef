// What the npm tarball holds: exactly the files the package needs (the entries in package.json's
// `exports` and `bin`, what they import at run time, their types, the documents the README links
// to, and the licences), checked against `npm pack --dry-run`; and every relative link in the
// README, which npm shows on the package's page, points at a file the tarball holds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "../support/package.mjs";

const packed = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--silent"], { cwd: root, encoding: "utf8" }))[0];
const files = packed.files.map((f) => f.path).sort();

// The wasm-bindgen snippet folder carries a hash of the crate; it is matched by its shape.
const expected = [
  "CHANGELOG.md",
  "LICENSE-APACHE",
  "LICENSE-MIT",
  "README.md",
  "bin/cli/formats.js",
  "bin/cli/io.js",
  "bin/cli/main.js",
  "bin/sdo-openness.js",
  "custom-elements.json",
  "docs/bundlers.md",
  "docs/cli.md",
  "docs/methodology.md",
  "package.json",
  "pkg/node/index.d.ts",
  "pkg/node/index.js",
  "pkg/node/sdo_openness_speed.wasm",
  "pkg/web/index.d.ts",
  "pkg/web/index.js",
  "pkg/web/rubric.js",
  "pkg/web/sdo_openness.d.ts",
  "pkg/web/sdo_openness.js",
  "pkg/web/sdo_openness_bg.wasm",
  "pkg/web/sdo_openness_bg.wasm.d.ts",
  "pkg/web/snippets/<crate>/src/js/boundary.js",
  "pkg/web/types.d.ts",
  "pkg/widget/elements/sdo-openness.js",
  "pkg/widget/elements/sdo_openness_bg.wasm",
  ...["ar", "es", "fr", "ru", "zh"].map((l) => `pkg/widget/locales/${l}.json`),
  "schema/api.schema.json",
  "schema/profile.schema.json",
  "schema/rubric.json",
  ...["badge.d.ts", "badge.js", "define.d.ts", "define.js", "dom.js", "element.d.ts", "element.js", "engine.js",
    "messages.js", "react.d.ts", "react.js", "scorecard.d.ts", "scorecard.js", "styles.js"].map((f) => `www/elements/${f}`),
  ...["ar", "en", "es", "fr", "ru", "zh"].map((l) => `www/locales/${l}.json`),
  "vscode.html-custom-data.json",
  "web-types.json",
].sort();

test("the tarball holds exactly the files the package needs", () => {
  const shapes = files.map((f) => f.replace(/^pkg\/web\/snippets\/sdo-openness-[0-9a-f]+\//, "pkg/web/snippets/<crate>/")).sort();
  assert.deepEqual(shapes, expected);
});

test("every file package.json names (exports, bin, types, customElements, web-types) is in the tarball", () => {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const targets = [];
  const walk = (v) => (typeof v === "string" ? targets.push(v) : Object.values(v).forEach(walk));
  walk(pkg.exports);
  walk(pkg.bin);
  targets.push(pkg.types, pkg.customElements, pkg["web-types"]);
  const shipped = new Set(files);
  for (const target of targets) {
    const path = target.replace(/^\.\//, "");
    if (path.includes("*")) {
      const pattern = new RegExp(`^${path.replace(/[.]/g, "\\.").replace("*", "[^/]+")}$`);
      assert.ok(files.some((f) => pattern.test(f)), target);
    } else assert.ok(shipped.has(path), target);
  }
});

test("every relative link in the README points at a shipped file", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((href) => !/^[a-z]+:/i.test(href) && !href.startsWith("#"));
  assert.ok(links.length > 0, "the README links to some of its files");
  const shipped = new Set(files);
  for (const link of links) assert.ok(shipped.has(link.split("#")[0]), `README links to ${link}, which the package does not ship`);
});

// What the crate's package holds (`cargo package --list`): the sources, the rubric, the build
// script, the documents and the manifest, and nothing from node_modules/ or the npm build.
test("the crate packages its sources, rubric and documents, nothing else", () => {
  const listed = execFileSync("cargo", ["package", "--list", "--allow-dirty", "--quiet"], { cwd: root, encoding: "utf8" })
    .split("\n")
    .filter(Boolean);
  const outside = listed.filter((f) => !/^(src|rubric|docs)\//.test(f) && !["build.rs", "Cargo.toml", "Cargo.toml.orig", "Cargo.lock", "README.md", ".cargo_vcs_info.json"].includes(f));
  assert.deepEqual(outside, []);
  for (const f of ["src/lib.rs", "src/js/boundary.js", "rubric/v2.toml", "rubric/source.rs", "build.rs", "docs/methodology.md"]) assert.ok(listed.includes(f), f);
});
