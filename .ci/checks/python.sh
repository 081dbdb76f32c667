#!/usr/bin/env bash
# The Python package (python/): builds the wheel with maturin, installs it
# in a clean venv and runs the pytest suite and `mypy --strict` over the
# tests, the examples and the README's Python example; then installs the
# same wheel in a fresh venv with no Rust toolchain on PATH and runs the
# README's Python example there. Everything lives under target/python-ci/.
# Needs PyPI (pinned versions below); fails loudly on any failure.
set -euo pipefail
shared="${1:?usage: python.sh SHARED_DIR}"
cd "$(dirname "$0")/../.."
repo="$PWD"
work="$repo/target/python-ci"
python="${PYTHON:-python3}"

# Pinned tools and optional dependencies.
MATURIN="maturin==1.16.0"
TEST_DEPS=(pytest==9.2.0 mypy==2.4.1 pyarrow==26.0.1 pandas==3.1.1 networkx==3.6.1)
EXAMPLE_DEPS=(pyarrow==26.0.1 pandas==3.1.1)

step() { printf '\n--> python: %s\n' "$*"; }

rm -rf "$work/wheels" "$work/test" "$work/fresh" "$work/readme" "$work/oldest"
mkdir -p "$work"

step "maturin build --release"
if [ ! -x "$work/build/bin/maturin" ]; then
  "$python" -m venv "$work/build"
  "$work/build/bin/pip" install --quiet --disable-pip-version-check "$MATURIN"
fi
"$work/build/bin/maturin" build --release -m python/Cargo.toml -o "$work/wheels"
wheels=("$work"/wheels/according-*.whl)
if [ "${#wheels[@]}" -ne 1 ] || [ ! -f "${wheels[0]}" ]; then
  echo "error: expected one wheel in $work/wheels, found: ${wheels[*]}" >&2
  exit 1
fi
wheel="${wheels[0]}"
echo "built $(basename "$wheel")"

# The README's Python example: the first ```python block of the section
# "From Python".
mkdir -p "$work/readme/examples/data"
cp examples/data/seed_article.txt "$work/readme/examples/data/"
"$python" - README.md "$work/readme/readme_example.py" <<'PY'
import re, sys
readme = open(sys.argv[1], encoding="utf-8").read()
section = readme.split("## From Python", 1)
if len(section) != 2:
    sys.exit("error: README.md has no 'From Python' section")
blocks = re.findall(r"```python\n(.*?)```", section[1], re.S)
if not blocks:
    sys.exit("error: the 'From Python' section of README.md has no python block")
open(sys.argv[2], "w", encoding="utf-8").write(blocks[0])
PY

step "pytest and mypy --strict in a clean venv"
"$python" -m venv "$work/test"
"$work/test/bin/pip" install --quiet --disable-pip-version-check "${TEST_DEPS[@]}" "$wheel"
# From outside python/, so that the installed package is the one imported,
# not the source folder.
(cd "$work" && ACCORDING_SHARED="$shared" "$work/test/bin/python" -m pytest -q -p no:cacheprovider "$repo/python/tests")
(cd "$work" && "$work/test/bin/mypy" --strict --no-incremental \
  "$repo/python/tests" "$repo/python/examples" "$work/readme/readme_example.py")

# The oldest CPython the abi3 wheel claims, where the machine has one: the
# suite without the optional packages (pandas no longer supports 3.9).
# (pyenv's shims are skipped: the shim of a version not selected fails.)
oldest="$(ls "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.9*/bin/python3.9 /usr/bin/python3.9 2>/dev/null | head -1 || true)"
if [ -n "$oldest" ] && "$oldest" --version >/dev/null 2>&1; then
  step "pytest on the oldest supported CPython ($("$oldest" --version))"
  rm -rf "$work/oldest"
  "$oldest" -m venv "$work/oldest"
  "$work/oldest/bin/pip" install --quiet --disable-pip-version-check pytest==8.4.2 "$wheel"
  (cd "$work" && ACCORDING_SHARED="$shared" "$work/oldest/bin/python" -m pytest -q -p no:cacheprovider "$repo/python/tests")
else
  echo "note: no CPython 3.9 on this machine; the wheel was tested on $("$python" --version) only"
fi

step "the wheel in a fresh venv without a Rust toolchain, and the README's example"
"$python" -m venv "$work/fresh"
no_rust_path="$work/fresh/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
# The environment is kept (pip's certificates and settings), but PATH has no
# cargo or rustc and the toolchain's homes point nowhere.
run_fresh() {
  env PATH="$no_rust_path" CARGO_HOME=/nonexistent RUSTUP_HOME=/nonexistent \
    PYTHONIOENCODING=utf-8 "$@"
}
if run_fresh sh -c 'command -v cargo || command -v rustc' >/dev/null; then
  echo "error: a Rust toolchain is still on PATH for the fresh venv" >&2
  exit 1
fi
run_fresh "$work/fresh/bin/pip" install --quiet --disable-pip-version-check "$wheel" "${EXAMPLE_DEPS[@]}"
output="$(cd "$work/readme" && run_fresh "$work/fresh/bin/python" readme_example.py)"
echo "$output"
expected="(2, 2) article ← Lee Seong-kweun ← Seoul's spy agency"
if ! grep -qF "$expected" <<<"$output"; then
  echo "error: the README's example did not print: $expected" >&2
  exit 1
fi
if [ ! -s "$work/readme/seed.dot" ]; then
  echo "error: the README's example did not draw seed.dot" >&2
  exit 1
fi
echo "ok: the wheel installs without Rust and runs the README's example"
