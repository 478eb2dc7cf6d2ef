#!/usr/bin/env bash
# Builds the npm package into pkg/: one optimized .wasm and its JavaScript glue in pkg/web (for
# browsers and bundlers), a Node entry in pkg/node that loads the same .wasm, and the types.
# Needs what scripts/setup.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."

lock_version=$(bash scripts/wasm-bindgen-version.sh)
cli_version=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$cli_version" != "$lock_version" ]; then
  echo "error: wasm-bindgen CLI is ${cli_version:-missing} but Cargo.lock pins $lock_version;" >&2
  echo "       run 'bash scripts/setup.sh' (cargo install wasm-bindgen-cli --version $lock_version)" >&2
  exit 1
fi

# Builds the engine with the given cargo flags and binds it into pkg/$1, then optimizes it with
# the features current rustc output uses, stripping names and producers after wasm-bindgen.
# Inlining is held back: a function with one caller stays a function unless it is tiny (20
# bytes), and only functions of 4 bytes or less are inlined everywhere. The raw file grows a
# little but compresses better: repeated call sequences gzip well, duplicated bodies do not
# (−1.1 KB gzip against the defaults, measured on the package build). Memory packing, which
# splits the data into hundreds of segments to drop runs of zeros, is skipped: gzip compresses
# the zeros better than it does the segment headers (−0.7 KB gzip).
engine() {
  local out=$1
  shift
  cargo build --quiet --target wasm32-unknown-unknown --release "$@"
  rm -rf "pkg/$out"
  wasm-bindgen --target web --out-dir "pkg/$out" --out-name sdo_openness \
    target/wasm32-unknown-unknown/release/sdo_openness.wasm
  node_modules/.bin/wasm-opt --converge -Oz --strip-debug --strip-producers \
    --one-caller-inline-max-function-size=20 --always-inline-max-function-size=4 \
    --skip-pass=memory-packing \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types --enable-multivalue \
    "pkg/$out/sdo_openness_bg.wasm" -o "pkg/$out/sdo_openness_bg.wasm"
}

rm -rf pkg/node
engine web                        # every export: the npm package
engine lean --no-default-features # `score` alone: the widget's engine

node scripts/types.mjs
node scripts/entries.mjs
node scripts/widget.mjs
