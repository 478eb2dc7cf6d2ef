#!/usr/bin/env bash
# Sets up what is missing, builds the package and scores the example profile.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh
bash scripts/build.sh
cargo run --quiet --example score -- examples/profile.json
