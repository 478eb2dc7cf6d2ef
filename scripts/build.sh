#!/usr/bin/env bash
# Builds the npm package into pkg/: a .wasm optimized for size and its JavaScript glue in pkg/web
# (for browsers and bundlers), a Node entry in pkg/node that runs the same glue over the same code
# optimized for speed, and the types.
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

# Builds the engine with the given cargo profile (release or speed) and flags and binds it into
# pkg/$1, then optimizes it with the features current rustc output uses, stripping names and
# producers after wasm-bindgen.
#
# For size (release, what browsers download): inlining is held back: a function with one caller
# stays a function unless it is tiny (20 bytes), and only functions of 4 bytes or less are
# inlined everywhere. The raw file grows a little but compresses better: repeated call
# sequences gzip well, duplicated bodies do not (−1.1 KB gzip against the defaults, measured on
# the package build). Memory packing, which splits the data into hundreds of segments to drop runs
# of zeros, is skipped: gzip compresses the zeros better than it does the segment headers (−0.7 KB
# gzip). For speed (Node's engine): wasm-opt's -O3.
size=(-Oz --one-caller-inline-max-function-size=20 --always-inline-max-function-size=4 --skip-pass=memory-packing)
speed=(-O3)
engine() {
  local out=$1 profile=$2
  shift 2
  local passes=("${size[@]}")
  [ "$profile" = speed ] && passes=("${speed[@]}")
  cargo build --quiet --target wasm32-unknown-unknown --profile "$profile" "$@"
  rm -rf "pkg/$out"
  wasm-bindgen --target web --out-dir "pkg/$out" --out-name sdo_openness \
    "target/wasm32-unknown-unknown/$profile/sdo_openness.wasm"
  node_modules/.bin/wasm-opt --converge "${passes[@]}" --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types --enable-multivalue \
    "pkg/$out/sdo_openness_bg.wasm" -o "pkg/$out/sdo_openness_bg.wasm"
}

rm -rf pkg/node
engine web release                        # every export: the npm package, for browsers and bundlers
engine lean release --no-default-features # `score` alone: the widget's engine
engine speed speed                        # every export, for Node: pkg/node/sdo_openness_speed.wasm

# The speed build runs under pkg/web's glue, so wasm-bindgen must have written the same glue for
# it (tests/node/builds.test.mjs also checks the optimized modules' imports and exports by name).
if ! diff -r -q --exclude=sdo_openness_bg.wasm pkg/web pkg/speed >/dev/null; then
  echo "error: the speed build's wasm-bindgen output differs from pkg/web's:" >&2
  diff -r --exclude=sdo_openness_bg.wasm pkg/web pkg/speed >&2 || true
  exit 1
fi
mkdir -p pkg/node
mv pkg/speed/sdo_openness_bg.wasm pkg/node/sdo_openness_speed.wasm
rm -rf pkg/speed

node scripts/types.mjs
node scripts/entries.mjs
node scripts/widget.mjs
