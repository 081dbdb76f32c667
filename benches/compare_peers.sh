#!/usr/bin/env bash
# Whole-process comparison with what a Python user would pick instead:
# `prov` + `networkx` reading the PROV-JSON, and `networkx` reading the edge
# list (the peer scripts in ../shared/peers). For each N it generates the
# peers' workload, runs `according depths` on the PROV-JSON and on the edge
# list and both peer scripts, checks that every depths file is identical to
# the prov peer's (`cmp`), and prints wall time and peak resident memory of
# each process with the ratio to its peer.
#
#   benches/compare_peers.sh                 # N = 100000 and 1000000
#   benches/compare_peers.sh 10000           # any sizes
#   ACCORDING_SHARED=/path/to/shared benches/compare_peers.sh
#   REUSE_PEERS=1 benches/compare_peers.sh 1000000   # keep the peers' last
#       results and timings for that N (they take minutes); ours are rerun
#
# Needs python3 with venv and PyPI access (prov==3.2.3, networkx==3.6.1).
# Fails (non-zero) when the shared folder is missing, an install fails, a
# process fails, or any result differs.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${ACCORDING_SHARED:-"$ROOT/../shared"}
PEERS="$SHARED/peers"
WORK="$ROOT/target/peers"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(100000 1000000)

fail() { echo "compare_peers: FAILED: $*" >&2; exit 1; }

[ -d "$SHARED" ] || fail "$SHARED is missing (set ACCORDING_SHARED)"
for script in gen_workload.py peer_prov_networkx.py peer_networkx_edgelist.py attrib_common.py; do
  [ -f "$PEERS/$script" ] || fail "$PEERS/$script is missing"
done

# The shared folder is read-only and the peers write beside themselves.
mkdir -p "$WORK"
cp -R "$PEERS/." "$WORK/"
chmod -R u+w "$WORK"

VENV="$WORK/.venv"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV" || fail "cannot create a virtualenv in $VENV"
fi
"$VENV/bin/pip" install -q prov==3.2.3 networkx==3.6.1 \
  || fail "cannot install prov==3.2.3 and networkx==3.6.1"
PY="$VENV/bin/python"

cargo build --release --quiet -p according-cli --manifest-path "$ROOT/Cargo.toml" \
  || fail "cannot build the according command line"
ACC="$ROOT/target/release/according"

# measure NAME COMMAND...: runs COMMAND, appends "NAME seconds peak_kib" to
# $RUNS; fails if the command fails. Peak memory is the child's ru_maxrss.
measure() {
  local name=$1
  shift
  "$PY" - "$name" "$RUNS" "$@" <<'EOF' || fail "$name failed"
import resource, subprocess, sys, time
name, runs, command = sys.argv[1], sys.argv[2], sys.argv[3:]
start = time.perf_counter()
with open(runs + ".log", "a") as log:
    status = subprocess.run(command, stdout=log, stderr=log).returncode
seconds = time.perf_counter() - start
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
if status != 0:
    sys.exit(f"{name}: exit status {status} (see {runs}.log)")
with open(runs, "a") as out:
    out.write(f"{name}\t{seconds:.3f}\t{peak_kib}\n")
EOF
}

same() {  # same FILE_A FILE_B WHAT
  cmp -s "$1" "$2" || { diff "$1" "$2" | head -20 >&2; fail "$3: $1 and $2 differ"; }
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
for N in "${SIZES[@]}"; do
  DATA="$WORK/data"
  OUT="$WORK/results/compare_$N"
  mkdir -p "$DATA" "$OUT"
  P="$DATA/attrib_$N.prov.json"
  E="$DATA/attrib_$N.edges.tsv"
  if [ ! -s "$P" ] || [ ! -s "$E" ]; then
    "$PY" "$WORK/gen_workload.py" "$N" --out-dir "$DATA" > "$OUT/gen.txt" \
      || fail "gen_workload.py $N failed"
  fi
  RUNS="$OUT/runs.tsv"
  : > "$RUNS"
  : > "$RUNS.log"
  measure according_prov "$ACC" depths "$P" -o "$OUT/according_prov.depths.tsv"
  measure according_edges "$ACC" depths "$E" -o "$OUT/according_edges.depths.tsv"
  PEER_RUNS="$OUT/peer_runs.tsv"
  if [ "${REUSE_PEERS:-0}" = 1 ] && [ "$(wc -l < "$PEER_RUNS" 2>/dev/null || echo 0)" = 2 ] \
    && [ -s "$OUT/peer_prov.depths.tsv" ] && [ -s "$OUT/peer_edges.depths.tsv" ]; then
    echo "N=$N: reusing the peers' results of $(date -r "$PEER_RUNS")"
  else
    RUNS="$PEER_RUNS"
    : > "$RUNS"
    measure peer_prov "$PY" "$WORK/peer_prov_networkx.py" "$P" "$OUT/peer_prov" \
      --timings "$OUT/timings.jsonl"
    measure peer_edges "$PY" "$WORK/peer_networkx_edgelist.py" "$E" "$OUT/peer_edges" \
      --timings "$OUT/timings.jsonl"
    RUNS="$OUT/runs.tsv"
  fi

  same "$OUT/peer_prov.depths.tsv" "$OUT/according_prov.depths.tsv" "N=$N depths from PROV-JSON"
  same "$OUT/peer_prov.depths.tsv" "$OUT/according_edges.depths.tsv" "N=$N depths from the edge list"
  same "$OUT/peer_prov.depths.tsv" "$OUT/peer_edges.depths.tsv" "N=$N depths of the two peers"
  same "$OUT/peer_prov.cycles.tsv" "$OUT/peer_edges.cycles.tsv" "N=$N cycles of the two peers"

  echo
  echo "N=$N: all depths files identical ($(($(wc -l < "$OUT/peer_prov.depths.tsv") - 1)) reports; $(du -h "$P" | cut -f1) PROV-JSON, $(du -h "$E" | cut -f1) edge list)"
  "$PY" - "$RUNS" "$PEER_RUNS" <<'EOF'
import sys
runs = {}
for line in open(sys.argv[1]).readlines() + open(sys.argv[2]).readlines():
    name, seconds, kib = line.split("\t")
    runs[name] = (float(seconds), int(kib) / 1024)
print(f"| input | according s | peer s | speed-up | according peak MiB | peer peak MiB | memory ratio |")
print(f"|---|---|---|---|---|---|---|")
for ours, peer, label in [("according_prov", "peer_prov", "PROV-JSON (prov + networkx)"),
                          ("according_edges", "peer_edges", "edge list (networkx)")]:
    (s, m), (ps, pm) = runs[ours], runs[peer]
    print(f"| {label} | {s:.2f} | {ps:.2f} | {ps / s:.1f}x | {m:.0f} | {pm:.0f} | {pm / m:.1f}x |")
EOF
done
