#!/usr/bin/env bash
# Fuzzes the engine with cargo-fuzz (fuzz/): each target for a bounded time, in a temporary folder
# (the repository stays clean), from its seeds: the hand-written edge cases in fuzz/corpus/<target>/
# and, so the seeds never go stale, the presets (www/presets/*.json), the fixtures (tests/fixtures/)
# and examples/profile.json as they are now, which `json` and `score` take as they are and `options` as
# `[profile, options]` pairs (tests/fuzz_regressions.rs runs the same seeds on stable Rust).
#   bash scripts/fuzz.sh                 every target, 60 s each
#   FUZZ_SECONDS=300 bash scripts/fuzz.sh json score
# Prints each target's executions, executions per second, coverage (libFuzzer's cov and ft), corpus
# size and crashes; copies every crashing input into fuzz/regressions/ (which
# `cargo test --test fuzz_regressions` replays) and then fails.
# Needs a nightly toolchain; without one it says so and succeeds. Installs cargo-fuzz if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export PATH="$HOME/.cargo/bin:$PATH"

SAY_AS=fuzz
# shellcheck source=scripts/retry.sh
. scripts/retry.sh

if ! rustup toolchain list | grep -q nightly; then
  echo "fuzz: no nightly toolchain; skipped"
  exit 0
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz (a minute or two, once)"
  retry cargo install cargo-fuzz
fi

seconds=${FUZZ_SECONDS:-60}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(json score options)

# The fuzz crate builds with sanitizer flags: its own target folder, whatever the caller's is.
export CARGO_TARGET_DIR="$root/fuzz/target"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

say "building the targets"
(cd fuzz && cargo +nightly fuzz build >/dev/null 2>"$work/build.log") || {
  cat "$work/build.log" >&2
  exit 1
}

# live_seeds TARGET DIR: copies the presets and fixtures into DIR, as TARGET reads them.
live_seeds() {
  local profile options
  for profile in www/presets/*.json tests/fixtures/*.json examples/profile.json; do
    case $profile in *.options.json | */official-hosts.json) continue ;; esac
    if [ "$1" = options ]; then
      for options in tests/fixtures/*.options.json; do
        printf '[%s,%s]' "$(cat "$profile")" "$(cat "$options")" \
          >"$2/live-$(basename "$profile" .json)+$(basename "$options")"
      done
      printf '[%s,null]' "$(cat "$profile")" >"$2/live-$(basename "$profile" .json)+null.json"
    else
      cp "$profile" "$2/live-$(basename "$(dirname "$profile")")-$(basename "$profile")"
    fi
  done
}

found=0
for target in "${targets[@]}"; do
  mkdir -p "$work/$target/corpus" "$work/$target/artifacts"
  cp "fuzz/corpus/$target/"* "$work/$target/corpus/"
  live_seeds "$target" "$work/$target/corpus"
  log="$work/$target/log"
  say "$target: ${seconds} s"
  # libFuzzer exits non-zero on a crash: the artifacts, not the status, say what it found.
  (cd fuzz && cargo +nightly fuzz run "$target" "$work/$target/corpus" -- \
    -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$work/$target/artifacts/") >"$log" 2>&1 || true

  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  per_second=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  # libFuzzer's last status line: "#N DONE cov: C ft: F corp: K/SIZE ...".
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' <<<"$last" | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' <<<"$last" | cut -d' ' -f2)
  corpus=$(grep -o 'corp: [0-9]*/[0-9A-Za-z]*' <<<"$last" | cut -d' ' -f2)
  crashes=0
  # Crashes, timeouts (over 10 s for one input), memory exhaustion and leaks.
  for input in "$work/$target/artifacts/"{crash,timeout,oom,leak}-*; do
    [ -f "$input" ] || continue
    crashes=$((crashes + 1))
    cp "$input" "fuzz/regressions/$target-$(basename "$input")"
    say "$target: crash saved as fuzz/regressions/$target-$(basename "$input")"
  done
  echo "fuzz: $target: ${executions:-?} executions in ${seconds} s (${per_second:-?}/s)," \
    "cov: ${cov:-?}, ft: ${ft:-?}, corpus: ${corpus:-?} (inputs/bytes), crashes: $crashes"
  if [ "$crashes" -gt 0 ]; then
    grep -A12 -m1 "panicked at\|ERROR: libFuzzer\|ERROR: AddressSanitizer" "$log" >&2 || tail -40 "$log" >&2
    found=$((found + crashes))
  elif [ -z "$executions" ]; then
    tail -40 "$log" >&2
    say "$target: the fuzzer did not run to the end"
    exit 1
  fi
done

if [ "$found" -gt 0 ]; then
  say "$found crashing input(s) added to fuzz/regressions/: fix them, then commit them"
  exit 1
fi
