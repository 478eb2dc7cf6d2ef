// Prints raw and gzip bytes of every file the npm package ships, and checks each .wasm (the
// package's, with every export, and the widget's, `score` only) against the 30 KB gzip budget. Reports, never fails: sizes are tracked, not asserted in tests.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const WASM_BUDGET = 30 * 1024;
const [pack] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--silent"], { encoding: "utf8" }));
const rows = pack.files.map(({ path }) => {
  const bytes = readFileSync(path);
  return { path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const width = Math.max(...rows.map((r) => r.path.length));
console.log(`${"file".padEnd(width)}  ${"raw".padStart(9)}  ${"gzip".padStart(9)}`);
for (const r of rows) console.log(`${r.path.padEnd(width)}  ${String(r.raw).padStart(9)}  ${String(r.gzip).padStart(9)}`);
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
console.log(`${"total".padEnd(width)}  ${String(total.raw).padStart(9)}  ${String(total.gzip).padStart(9)}`);
for (const wasm of rows.filter((r) => r.path.endsWith(".wasm"))) {
  if (wasm.gzip > WASM_BUDGET) {
    console.log(`!!! OVER BUDGET: ${wasm.path} is ${wasm.gzip} bytes gzip, budget ${WASM_BUDGET} (+${wasm.gzip - WASM_BUDGET})`);
  } else {
    console.log(`within budget: ${wasm.path} is ${wasm.gzip} of ${WASM_BUDGET} bytes gzip`);
  }
}
