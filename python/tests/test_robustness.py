"""Nothing panics across the boundary: hostile input to every entry point
gives an `according.Error` (or a documented result), never a Rust panic,
which would surface as `pyo3_runtime.PanicException` (a BaseException)."""

from __future__ import annotations

import random

import pytest

import according
from conftest import DATA, SEED_TEXT

SEEDS = [
    (DATA / "lawmaker.json").read_bytes(),
    (DATA / "peers_example.prov.json").read_bytes(),
    (DATA / "peers_example.edges.tsv").read_bytes(),
]


def mutations(rng: random.Random, data: bytes, n: int) -> list[bytes]:
    out = []
    for _ in range(n):
        b = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            op = rng.randrange(4)
            i = rng.randrange(len(b) + 1)
            if op == 0 and b:
                del b[min(i, len(b) - 1)]
            elif op == 1:
                b.insert(i, rng.randrange(256))
            elif op == 2 and b:
                b[min(i, len(b) - 1)] = rng.choice(b'{}[]":,\t\n0r\xff')
            else:
                b[i:i] = rng.choice([b"\xf0\x9f", b'"r0"', b"-1", b"1e999", b"null", b"\\u0000"])
        out.append(bytes(b))
    return out


def exercise(graph: according.Graph) -> None:
    """Runs every query on every report, source, claim and document."""
    analysis = graph.analyze()
    graph.cycles()
    for report in graph.reports()[:50]:
        graph.depth(report)
        analysis.depth(report)
        list(graph.chains(report, limit=20, max_steps=10_000))
        graph.primary_sources(report)
        repr(report)
        report.content_spans
    for source in graph.sources()[:20]:
        graph.said_directly(source)
        graph.attributed_through_others(source)
        graph.relayed(source)
    for claim in graph.claims()[:20]:
        graph.corroboration(claim)
        graph.first_report(claim)
    for document in graph.documents()[:10]:
        graph.profile(document)
    for write in (graph.to_json, graph.to_prov_json, graph.to_prov_n, graph.to_edges, graph.to_dot,
                  graph.to_mermaid, graph.to_tree):
        write()


@pytest.mark.parametrize("which", range(len(SEEDS)))
def test_mutated_files_give_errors_or_graphs_never_panics(which: int) -> None:
    rng = random.Random(which)
    readers = (according.Graph.from_json, according.Graph.from_prov_json, according.Graph.from_edges)
    for data in mutations(rng, SEEDS[which], 150):
        for read in readers:
            try:
                graph = read(data)
            except according.Error:
                continue
            exercise(graph)


def test_mutated_text_never_panics() -> None:
    rng = random.Random(7)
    alphabet = list('abc XYZ.,;:"“”‘’\'\n\t—-–()[]?!0123456789é漢😀\u200b\u0301') + [
        " said ", " according to ", " told reporters that ", " He ", " she added", " believes "]
    for _ in range(60):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        graph = according.extract(text, date="2025-11-04")
        exercise(graph)
        according.attributions(text)
    for data in mutations(rng, SEED_TEXT.encode(), 30):
        text = data.decode("utf-8", errors="replace")
        exercise(according.extract(text))


def test_deeply_nested_json_is_an_error_not_a_crash() -> None:
    for read in (according.Graph.from_json, according.Graph.from_prov_json):
        with pytest.raises(according.Error):
            read("[" * 100_000)
        with pytest.raises(according.Error):
            read('{"a":' * 100_000)
