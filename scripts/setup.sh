#!/usr/bin/env bash
# Installs what the project needs and is missing; fast and silent when everything is there.
#   bash scripts/setup.sh            Rust wasm32 target, wasm-bindgen CLI, npm packages
#   bash scripts/setup.sh --browser  … and Debian's Chromium and ChromeDriver for browser tests
# Everything comes from the package registries (crates.io, npm, Debian): no prebuilt downloads.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

SAY_AS=setup
# shellcheck source=scripts/retry.sh
. scripts/retry.sh

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown Rust target"
  retry rustup target add wasm32-unknown-unknown
fi

# npm test lints with rustfmt and clippy.
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding the $component Rust component"
    retry rustup component add "$component"
  fi
done

# The CLI must match the wasm-bindgen crate in Cargo.lock exactly, or the bindings break.
lock_version=$(bash scripts/wasm-bindgen-version.sh)
cli_version=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$cli_version" != "$lock_version" ]; then
  say "installing wasm-bindgen-cli $lock_version (a few minutes, once)"
  retry cargo install wasm-bindgen-cli --version "$lock_version"
fi

# npm packages: reinstall only when package-lock.json changed since the last install.
if ! cmp -s package-lock.json node_modules/.setup-stamp 2>/dev/null; then
  say "installing npm packages"
  retry npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.setup-stamp
fi

if [ "${1:-}" = "--browser" ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "installing Debian's chromium and chromium-driver"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  retry $sudo apt-get update -qq
  retry $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# poppler-utils (pdftotext, pdfinfo, pdftoppm): the browser tests read the printed report's PDF.
if [ "${1:-}" = "--browser" ] && ! command -v pdftotext >/dev/null; then
  say "installing Debian's poppler-utils"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  retry $sudo apt-get update -qq
  retry $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi
