#!/usr/bin/env bash
# Interoperability check against the Python `prov` package and the peer
# scripts (`peer_prov_networkx.py`, `gen_workload.py`). Not part of
# `cargo test`: it needs PyPI and the peer scripts.
#
#   tests/prov_interop/run.sh            # peers in ../shared/peers beside the repository
#   ACCORDING_SHARED=/path/to/shared tests/prov_interop/run.sh
#   PEERS_DIR=/path/to/peers tests/prov_interop/run.sh
#   N=100000 tests/prov_interop/run.sh   # workload size (default 10000)
#
# 1. Our PROV-JSON export of the worked example and of the seed article is
#    read by `prov`, written back as PROV-JSON and PROV-N; our importer reads prov's PROV-JSON and
#    `according depths` must give the same file as on the original.
# 2. On the generated workload, `according depths` must equal the peer's
#    OUT.depths.tsv byte for byte, from the PROV-JSON and from the edge list,
#    and again after a round trip through our export and `prov`.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/tests/prov_interop"
PEERS_DIR=${PEERS_DIR:-"${ACCORDING_SHARED:-$ROOT/../shared}/peers"}
N=${N:-10000}
WORK="$ROOT/target/prov-interop"
VENV="$ROOT/target/prov-venv"

fail() { echo "prov_interop: FAILED: $*" >&2; exit 1; }

[ -f "$PEERS_DIR/peer_prov_networkx.py" ] && [ -f "$PEERS_DIR/gen_workload.py" ] \
  || fail "peer scripts not found in $PEERS_DIR (set PEERS_DIR)"

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV" || fail "cannot create a virtualenv in $VENV"
fi
"$VENV/bin/pip" install -q prov==3.2.3 networkx==3.6.1 \
  || fail "cannot install prov==3.2.3 and networkx==3.6.1"
PY="$VENV/bin/python"

cargo build --release --quiet -p according-cli --manifest-path "$ROOT/Cargo.toml"
ACC="$ROOT/target/release/according"
rm -rf "$WORK" && mkdir -p "$WORK"

same() {  # same FILE_A FILE_B WHAT
  cmp -s "$1" "$2" || { diff "$1" "$2" | head -20 >&2; fail "$3: $1 and $2 differ"; }
  echo "ok: $3"
}

# --- 1. The worked example through prov. ---
EXAMPLE="$ROOT/tests/data/peers_example.prov.json"
"$ACC" depths "$EXAMPLE" -o "$WORK/example.before.tsv"
"$ACC" convert "$EXAMPLE" --to prov-json -o "$WORK/example.ours.prov.json"
"$PY" "$HERE/roundtrip.py" "$WORK/example.ours.prov.json" "$WORK/example.prov"
[ -s "$WORK/example.prov.provn" ] || fail "prov wrote no PROV-N"
"$ACC" depths "$WORK/example.prov.prov.json" -o "$WORK/example.after.tsv"
same "$WORK/example.before.tsv" "$WORK/example.after.tsv" "example depths survive our export and prov"
same "$WORK/example.before.tsv" "$ROOT/tests/data/peers_example.depths.tsv" "example depths match the peers' expected file"
# prov's own reading of our export must give the peers' answers too.
"$PY" "$PEERS_DIR/peer_prov_networkx.py" "$WORK/example.ours.prov.json" "$WORK/example.peer" \
  --timings "$WORK/timings.jsonl" > /dev/null
same "$WORK/example.peer.depths.tsv" "$WORK/example.before.tsv" "the peer reads our export of the example"

# --- 1b. The seed article (documents as bundles, claims, own voice) through prov. ---
"$ACC" extract "$ROOT/examples/data/seed_article.txt" --date 2025-11-04 --to json -o "$WORK/seed.json"
"$ACC" depths "$WORK/seed.json" -o "$WORK/seed.before.tsv"
"$ACC" convert "$WORK/seed.json" --to prov-json -o "$WORK/seed.ours.prov.json"
"$PY" "$HERE/roundtrip.py" "$WORK/seed.ours.prov.json" "$WORK/seed.prov"
"$ACC" depths "$WORK/seed.prov.prov.json" -o "$WORK/seed.after.tsv"
same "$WORK/seed.before.tsv" "$WORK/seed.after.tsv" "seed article depths survive our export and prov"

# --- 2. The generated workload. ---
"$PY" "$PEERS_DIR/gen_workload.py" "$N" --out-dir "$WORK/data" > /dev/null
P="$WORK/data/attrib_$N.prov.json"
E="$WORK/data/attrib_$N.edges.tsv"
"$PY" "$PEERS_DIR/peer_prov_networkx.py" "$P" "$WORK/peer_$N" --timings "$WORK/timings.jsonl" > /dev/null
"$ACC" depths "$P" -o "$WORK/ours_$N.prov.depths.tsv"
same "$WORK/peer_$N.depths.tsv" "$WORK/ours_$N.prov.depths.tsv" "N=$N depths from PROV-JSON equal the peer's"
"$ACC" depths "$E" -o "$WORK/ours_$N.edges.depths.tsv"
same "$WORK/peer_$N.depths.tsv" "$WORK/ours_$N.edges.depths.tsv" "N=$N depths from the edge list equal the peer's"
"$ACC" convert "$P" --to prov-json -o "$WORK/ours_$N.export.prov.json"
"$PY" "$HERE/roundtrip.py" "$WORK/ours_$N.export.prov.json" "$WORK/ours_$N.prov" > /dev/null
"$ACC" depths "$WORK/ours_$N.prov.prov.json" -o "$WORK/ours_$N.roundtrip.depths.tsv"
same "$WORK/peer_$N.depths.tsv" "$WORK/ours_$N.roundtrip.depths.tsv" "N=$N depths survive our export and prov"

echo "prov_interop: all checks passed"
