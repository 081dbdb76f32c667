#!/usr/bin/env bash
# Builds every fuzz target (libFuzzer, through cargo-fuzz) and replays the
# committed corpus in fuzz/corpus/<target>/ once, without mutation: any input
# that once crashed a target and was fixed must stay fixed. Installs
# cargo-fuzz when it is missing. cargo-fuzz needs nightly compiler flags; the
# stable toolchain accepts them with RUSTC_BOOTSTRAP=1. The replay is built
# without a sanitizer (`-s none`): the crate forbids unsafe code, so the
# sanitizer would only slow the build.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz"
  cargo install --locked cargo-fuzz
fi

export RUSTC_BOOTSTRAP=1
cd fuzz
cargo fuzz build -O -s none

triple="$(rustc -vV | sed -n 's/^host: //p')"
targets="$(cargo fuzz list)"
if [ -z "$targets" ]; then
  echo "error: no fuzz targets found" >&2
  exit 1
fi
failed=0
n_inputs=0
for target in $targets; do
  corpus="corpus/$target"
  if [ ! -d "$corpus" ] || [ -z "$(ls -A "$corpus")" ]; then
    echo "error: $corpus is missing or empty" >&2
    exit 1
  fi
  count="$(find "$corpus" -type f | wc -l)"
  n_inputs=$((n_inputs + count))
  echo "replaying $count inputs of $target"
  if ! "target/$triple/release/$target" "$corpus" -runs=0 -rss_limit_mb=4096 >"target/$target.replay.log" 2>&1; then
    echo "error: $target failed on its corpus:" >&2
    tail -40 "target/$target.replay.log" >&2
    failed=1
  fi
done
if [ "$failed" -ne 0 ]; then
  exit 1
fi
echo "fuzz corpus replayed: $n_inputs inputs over $(echo $targets | wc -w) targets"
