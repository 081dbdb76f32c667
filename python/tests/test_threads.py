"""Threads: extraction in a pool gives the graphs sequential extraction
gives, one graph serves many threads, and the interpreter lock is released
while the library works."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import according
from conftest import SEED_TEXT, SHARED


def texts() -> list[str]:
    """Articles to extract: the PolNeAR dev texts when the shared data is
    beside the repository, else variations of the seed article."""
    polnear = SHARED / "corpora" / "polnear" / "dev" / "text"
    if polnear.is_dir():
        return [p.read_text(encoding="utf-8") for p in sorted(polnear.glob("*.txt"))[:40]]
    return [SEED_TEXT.replace("Lee", name) for name in ("Lee", "Kim", "Park", "Choi", "Yoon", "Han")] * 4


def test_extraction_in_a_thread_pool_gives_the_same_graphs() -> None:
    articles = texts()
    sequential = [according.extract(text, date="2016-10-01").to_json() for text in articles]
    with ThreadPoolExecutor(max_workers=4) as pool:
        parallel = list(pool.map(lambda text: according.extract(text, date="2016-10-01").to_json(), articles))
    assert parallel == sequential
    with ThreadPoolExecutor(max_workers=4) as pool:
        spans = list(pool.map(according.attributions, articles))
    assert spans == [according.attributions(text) for text in articles]


def test_one_graph_shared_by_many_threads(peers_example: according.Graph, seed: according.Graph) -> None:
    expected = {r.id: seed.depth(r) for r in seed.reports()}

    def work(i: int) -> tuple[dict[str, tuple[int, int] | None], int, str]:
        graph = seed if i % 2 else peers_example
        depths = {r.id: graph.depth(r) for r in graph.reports()}
        analysis = graph.analyze()
        n_chains = sum(len(list(graph.chains(r))) for r in graph.reports())
        return (depths if graph is seed else expected), n_chains + len(analysis), graph.to_json()

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(32)))
    assert all(depths == expected for depths, _, _ in results)
    assert len({(n, text) for _, n, text in results}) == 2


def test_a_chain_iterator_shared_by_threads_yields_each_chain_once(peers_example: according.Graph) -> None:
    chains = peers_example.chains("r:x")
    seen: list[tuple[str, ...]] = []
    lock = threading.Lock()

    def drain() -> None:
        for chain in chains:
            with lock:
                seen.append(tuple(r.id for r in chain))

    threads = [threading.Thread(target=drain) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(seen) == sorted(tuple(r.id for r in c) for c in peers_example.chains("r:x"))


def test_the_lock_is_released_while_reading_and_extracting(tmp_path: Path) -> None:
    """A Python thread keeps running while another thread is inside the
    library: it counts while a large graph is read and analysed."""
    n = 300_000
    rows = ["report_id\tspeaker_id\tcited_report_id", "r0\ts0\t"]
    rows += [f"r{i}\ts{i % 97}\tr{(i * 7919) % i}" for i in range(1, n)]
    path = tmp_path / "big.tsv"
    path.write_text("\n".join(rows) + "\n")
    ticks = 0
    done = threading.Event()

    def count() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0)

    counter = threading.Thread(target=count)
    counter.start()
    try:
        started = ticks
        for _ in range(3):
            graph = according.Graph.from_edges(path)
            graph.analyze()
            according.extract(SEED_TEXT * 20)
        during = ticks - started
    finally:
        done.set()
        counter.join()
    assert graph.n_reports == n
    assert during > 100
