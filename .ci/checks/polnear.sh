#!/usr/bin/env bash
# Extraction accuracy on PolNeAR (needs ../shared/corpora/polnear).
#  1. The scorer reproduces the human agreement published for the protocol
#     (annotator 2 against annotator 1 on the doubly annotated train articles).
#  2. The extractor's exact-match F1 on the dev split stays above a floor just
#     under the figures recorded in EVALUATION.md, so a regression fails CI.
set -euo pipefail
shared="${1:?usage: polnear.sh SHARED_DIR}"
corpus="$shared/corpora/polnear"
for split in train dev; do
  if [ ! -d "$corpus/$split/text" ]; then
    echo "error: $corpus/$split/text is missing: the PolNeAR evaluation cannot run" >&2
    exit 1
  fi
done
mkdir -p target/ci
cargo build --release -p according-tools --bin polnear_eval
eval_bin=target/release/polnear_eval

"$eval_bin" "$corpus/train" --annotators --json > target/ci/polnear_ceiling.json
"$eval_bin" "$corpus/dev" --json > target/ci/polnear_dev.json
"$eval_bin" "$corpus/dev"

# 3. The CLI's brat output scores exactly like the extractor run directly, so
#    any brat-based scorer sees the same extractor.
cargo build --release -p according-cli
rm -rf target/ci/dev_brat
target/release/according extract "$corpus"/dev/text/*.txt \
  --metadata "$corpus/metadata.tsv" --to brat -o target/ci/dev_brat
"$eval_bin" "$corpus/dev" --predictions target/ci/dev_brat --json > target/ci/polnear_dev_brat.json
if ! cmp -s target/ci/polnear_dev.json target/ci/polnear_dev_brat.json; then
  echo "error: scores of 'according extract --to brat' differ from the extractor's own" >&2
  diff target/ci/polnear_dev.json target/ci/polnear_dev_brat.json >&2 || true
  exit 1
fi
echo "ok: brat files written by 'according extract' score like the extractor"

python3 - target/ci/polnear_ceiling.json target/ci/polnear_dev.json <<'PY'
import json, sys
ceiling = json.load(open(sys.argv[1]))
dev = json.load(open(sys.argv[2]))
failures = []
for role, expected in (("source", 80.2), ("cue", 70.9), ("content", 67.1)):
    got = round(ceiling["exact"][role]["f1"], 1)
    if got != expected:
        failures.append(f"scorer: annotator agreement {role} F1 {got}, published {expected}")
floors = {"source": 65.3, "cue": 63.5, "content": 48.9}
for role, floor in floors.items():
    got = dev["exact"][role]["f1"]
    print(f"dev exact F1 {role:8} {got:5.1f} (floor {floor})")
    if got < floor:
        failures.append(f"extractor: dev exact F1 {role} {got:.1f} below the floor {floor}")
if dev["articles"] != 84:
    failures.append(f"expected 84 dev articles, read {dev['articles']}")
for f in failures:
    print("error:", f, file=sys.stderr)
sys.exit(1 if failures else 0)
PY
