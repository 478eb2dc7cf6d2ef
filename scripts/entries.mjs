// Writes the package's entry modules around wasm-bindgen's output in pkg/web:
//   pkg/web/index.js   browsers and bundlers: `init()` (optionally with the .wasm's URL), then call;
//   pkg/node/index.js  Node: the same glue over pkg/node/sdo_openness_speed.wasm, the same code built
//                      for speed (scripts/build.sh), instantiated on import.
// Both re-export ProfileError from the one snippet module wasm-bindgen emitted, so `instanceof`
// works on what the engine throws.
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { join } from "node:path";

const web = "pkg/web";
const snippets = join(web, "snippets");
const dirs = existsSync(snippets) ? readdirSync(snippets) : [];
// src/js/boundary.js, copied under the crate's own snippet folder.
const snippet = dirs
  .map((d) => `snippets/${d}/src/js/boundary.js`)
  .find((f) => existsSync(join(web, f)) && readFileSync(join(web, f), "utf8").includes("class ProfileError"));
if (!snippet) {
  console.error("entries: wasm-bindgen emitted no ProfileError snippet under pkg/web/snippets");
  process.exit(1);
}

const api = ["score", "validate", "compare", "sensitivity", "diff", "badgeSvg", "version"];

// rubric() is static data generated from the rubric (tests/generated.rs keeps schema/rubric.json
// current), so it is served from JavaScript rather than carried in the WebAssembly. Parsed per
// call: every caller gets its own copy to change.
const rubricText = JSON.stringify(JSON.parse(readFileSync("schema/rubric.json", "utf8")));
writeFileSync(
  join(web, "rubric.js"),
  `const text = ${JSON.stringify(rubricText)};

/** The methodology as data. */
export function rubric() {
  return JSON.parse(text);
}
`,
);
const errorDecl = `/** What every throwing function throws for bad input. */
export declare class ProfileError extends Error {
  readonly name: "ProfileError";
  /** Stable machine-readable code, e.g. "unknown-option": one of the engine's list (ErrorData["code"]). */
  readonly code: ErrorData["code"];
  /** JSON path of the offending value, e.g. "answers.O5.1.value"; "" for the whole input. */
  readonly path: string;
  /** The closest valid id, when the input looks like a typo of one. */
  readonly suggestion: string | null;
}
`;
// Signatures over the types generated from the Rust types (scripts/types.mjs): inputs may also
// be JSON text, which the engine parses itself (and so catches duplicate keys), as a string or
// as its UTF-8 bytes (src/js/boundary.js).
const signatures = (types) => `import type { Profile, ScoreOptions, Report, Validation, Comparison, Sensitivity,
  SensitivityOptions, Diff, Rubric, BadgeOptions, Version, ErrorData } from "${types}";
export type * from "${types}";

/**
 * JSON text, as a string or as its UTF-8 bytes: a Uint8Array (the Buffer that readFileSync
 * returns without an encoding), an ArrayBuffer or a DataView, decoded as TextDecoder does.
 * Bytes over the 1 MiB limit are "too-large" unread; other typed arrays are "unsupported-value".
 */
export type JsonText = string | Uint8Array | ArrayBuffer | DataView;

/** Scores one profile (an object or JSON text). @throws {ProfileError} */
export declare function score(profile: Profile | JsonText, options?: ScoreOptions | JsonText | null): Report;
/** Lists every error and warning of a profile; never throws. */
export declare function validate(profile: unknown, options?: ScoreOptions | JsonText | null): Validation;
/** Scores and ranks several profiles under the same options. @throws {ProfileError} */
export declare function compare(profiles: Profile[] | JsonText, options?: ScoreOptions | JsonText | null): Comparison;
/** How pillar scores and rankings move when weights are perturbed, missing answers filled, or both. @throws {ProfileError} */
export declare function sensitivity(profiles: Profile[] | JsonText, options?: SensitivityOptions | JsonText | null): Sensitivity;
/** What changed between two assessments of the same process. @throws {ProfileError} */
export declare function diff(old: Profile | JsonText, next: Profile | JsonText, options?: ScoreOptions | JsonText | null): Diff;
/** The methodology as data. */
export declare function rubric(): Rubric;
/** A standalone SVG badge drawn from a report (an object or JSON text). @throws {ProfileError} */
export declare function badgeSvg(report: Report | JsonText, options?: BadgeOptions | JsonText | null): string;
/** The engine, methodology and profile-format versions. */
export declare function version(): Version;
${errorDecl}`;

writeFileSync(
  join(web, "index.js"),
  `export { default, initSync, ${api.join(", ")} } from "./sdo_openness.js";
export { rubric } from "./rubric.js";
export { ProfileError } from "./${snippet}";
`,
);
writeFileSync(
  join(web, "index.d.ts"),
  `export { default, initSync } from "./sdo_openness.js";
export type { InitInput, InitOutput, SyncInitInput } from "./sdo_openness.js";
${signatures("./types.js")}`,
);

mkdirSync("pkg/node", { recursive: true });
writeFileSync(
  "pkg/node/index.js",
  `import { readFileSync } from "node:fs";
import { initSync } from "../web/sdo_openness.js";

initSync({ module: readFileSync(new URL("./sdo_openness_speed.wasm", import.meta.url)) });

export { ${api.join(", ")} } from "../web/sdo_openness.js";
export { rubric } from "../web/rubric.js";
export { ProfileError } from "../web/${snippet}";
`,
);
writeFileSync("pkg/node/index.d.ts", signatures("../web/types.js"));
