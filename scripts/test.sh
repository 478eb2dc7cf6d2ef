#!/usr/bin/env bash
# Every test suite: the Rust engine natively, the binding in Chromium (wasm-bindgen-test), then
# the packed npm package in Node and in Chromium. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh --browser

echo "== Rust lints: rustfmt and clippy (warnings are errors)"
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings

echo "== Rust: unit, integration, property, snapshot, fuzz-regression and doc tests"
cargo test

echo "== build the package, and check it against the size budgets (docs/decisions/0002)"
bash scripts/build.sh
node scripts/size.mjs | tail -n 4

echo "== JavaScript lint: the type check of bin/, scripts/, www/ and tests/support/ (tsconfig.json)"
# After the build: it checks the callers of the engine against the types the build writes in pkg/.
npm run typecheck

echo "== the binding in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --features std --test wasm

echo "== the packed package in Node and in Chromium"
node --test tests/node/ tests/browser/
