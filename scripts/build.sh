#!/usr/bin/env bash
# Builds the npm package into pkg/: one optimized .wasm and its JavaScript glue in pkg/web (for
# browsers and bundlers), a Node entry in pkg/node that loads the same .wasm, and the types.
# Needs what scripts/setup.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."

lock_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
cli_version=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$cli_version" != "$lock_version" ]; then
  echo "error: wasm-bindgen CLI is ${cli_version:-missing} but Cargo.lock pins $lock_version;" >&2
  echo "       run 'bash scripts/setup.sh' (cargo install wasm-bindgen-cli --version $lock_version)" >&2
  exit 1
fi

cargo build --quiet --target wasm32-unknown-unknown --release
rm -rf pkg/web pkg/node
wasm-bindgen --target web --out-dir pkg/web --out-name sdo_openness \
  target/wasm32-unknown-unknown/release/sdo_openness.wasm

# Features current rustc output uses; strip names and producers after wasm-bindgen has read them.
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  --enable-reference-types --enable-multivalue \
  pkg/web/sdo_openness_bg.wasm -o pkg/web/sdo_openness_bg.wasm

# The widget's engine: `score` alone (no default features), bound and optimized the same way.
cargo build --quiet --target wasm32-unknown-unknown --release --no-default-features
rm -rf pkg/lean
wasm-bindgen --target web --out-dir pkg/lean --out-name sdo_openness --no-typescript \
  target/wasm32-unknown-unknown/release/sdo_openness.wasm
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  --enable-reference-types --enable-multivalue \
  pkg/lean/sdo_openness_bg.wasm -o pkg/lean/sdo_openness_bg.wasm

node scripts/types.mjs
node scripts/entries.mjs
node scripts/widget.mjs
