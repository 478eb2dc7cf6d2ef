#!/usr/bin/env node
// Command line for profiles kept in a repository: score, validate and badge them in CI, compare,
// diff and analyse them in batches. The manual is docs/cli.md; the code is in bin/cli/.
// Results on stdout (JSON by default); coded errors as JSON lines on stderr; exit codes 0–5.
import { writeSync } from "node:fs";
import { main, EXIT } from "./cli/main.js";

let status;
try {
  status = await main(process.argv.slice(2));
} catch (e) {
  // A bug, not bad input: say so in the same shape as every other error, without a stack trace
  // unless SDO_OPENNESS_DEBUG is set.
  const error = { code: "internal-error", path: "", message: String(e?.message ?? e), suggestion: null };
  if (process.env.SDO_OPENNESS_DEBUG) error.stack = String(e?.stack ?? "");
  try {
    writeSync(2, `${JSON.stringify({ error })}\n`);
  } catch {
    // standard error is gone too
  }
  status = EXIT.internal;
}
process.exit(status);
