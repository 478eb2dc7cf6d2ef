// The size budgets, gzip -9 bytes: a contract that `npm run size` (scripts/size.mjs) checks and
// `npm run bench` (bench/run.mjs) reports against. The measurements behind each are in
// docs/decisions/0002-size-budgets.md; change a budget there and here together.
const KiB = 1024;
/** What a user downloads, each as the sum of its files' gzip sizes. */
export const BUDGETS = [
  { what: "the package's engine (every export)", files: ["pkg/web/sdo_openness_bg.wasm"], budget: 48 * KiB },
  { what: "the widget's engine (score only)", files: ["pkg/widget/elements/sdo_openness_bg.wasm"], budget: 30 * KiB },
  {
    what: "a page embedding the widget (engine and bundle)",
    files: ["pkg/widget/elements/sdo_openness_bg.wasm", "pkg/widget/elements/sdo-openness.js"],
    budget: 49 * KiB,
  },
];

