#!/usr/bin/env bash
# Prints the wasm-bindgen version Cargo.lock pins: the CLI must match it exactly.
# Shared by setup.sh (which installs that CLI) and build.sh (which checks it).
awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$(dirname "$0")/../Cargo.lock"
