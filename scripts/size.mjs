// Prints raw and gzip bytes of every file the npm package ships, then checks the size budgets —
// a contract: over budget, it exits 1, and `npm test` runs it after the build. The budgets and
// the measurements behind them are in docs/decisions/0002-size-budgets.md; change a budget there
// and in scripts/budgets.mjs together, with the measured reason.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

import { BUDGETS } from "./budgets.mjs";

const [pack] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--silent"], { encoding: "utf8" }));
const gzip = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const rows = pack.files.map(({ path }) => ({ path, raw: readFileSync(path).length, gzip: gzip(path) }));
const width = Math.max(...rows.map((r) => r.path.length));
console.log(`${"file".padEnd(width)}  ${"raw".padStart(9)}  ${"gzip".padStart(9)}`);
for (const r of rows) console.log(`${r.path.padEnd(width)}  ${String(r.raw).padStart(9)}  ${String(r.gzip).padStart(9)}`);
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
console.log(`${"total".padEnd(width)}  ${String(total.raw).padStart(9)}  ${String(total.gzip).padStart(9)}\n`);

let over = false;
for (const { what, files, budget } of BUDGETS) {
  const bytes = files.reduce((sum, f) => sum + gzip(f), 0);
  const verdict = bytes <= budget ? "within budget" : "OVER BUDGET";
  over ||= bytes > budget;
  console.log(`${verdict}: ${what} is ${bytes} bytes gzip of ${budget} (${budget - bytes >= 0 ? `${budget - bytes} to spare` : `${bytes - budget} over`})`);
}
if (over) {
  console.error("size: over budget (docs/decisions/0002-size-budgets.md says how budgets change)");
  process.exit(1);
}
