"""pyarrow tables, pandas through them, and networkx graphs; and what
happens without those packages."""

from __future__ import annotations

import datetime
import sys

import pytest

import according

pa = pytest.importorskip("pyarrow")
nx = pytest.importorskip("networkx")


def test_reports_table(chain_graph: according.Graph) -> None:
    table = chain_graph.reports_table()
    assert isinstance(table, pa.Table)
    assert table.num_rows == chain_graph.n_reports
    rows = table.to_pylist()
    r4 = rows[4]
    assert r4["id"] == "r4" and r4["document"] == "d1" and r4["claim"] == "c1"
    assert r4["sources"] == ["s3"] and r4["source_names"] == ["Kim"]
    assert (r4["cue"], r4["mode"], r4["attitude"], r4["factuality"]) == ("told", "direct", "assertion", "CT+")
    assert (r4["shortest"], r4["longest"], r4["n_primary_sources"], r4["n_relays"]) == (2, 2, 1, 1)
    assert rows[0]["time_start"] == datetime.date(2025, 11, 1)
    assert rows[3]["voice"] == "document" and rows[3]["longest"] == 0
    assert table.schema.field("longest").type == pa.int32()


def test_the_depth_histogram_as_a_pandas_table(seed: according.Graph) -> None:
    pytest.importorskip("pandas")
    frame = seed.reports_table().to_pandas()
    statements = {r.id for r in seed.profile(0).statements}
    histogram = frame[frame["id"].isin(statements)].value_counts("longest").sort_index()
    assert histogram.to_dict() == {0: 5, 1: 7, 2: 3}


def test_relays_sources_and_depths_tables(peers_example: according.Graph) -> None:
    relays = peers_example.relays_table()
    assert relays.num_rows == peers_example.n_relays
    assert set(relays.column("kind").to_pylist()) <= {"derivation", "quotation", "primary_source"}
    assert "primary_source" in relays.column("kind").to_pylist()
    sources = peers_example.sources_table()
    assert sources.num_rows == peers_example.n_sources
    assert sum(sources.column("n_reports").to_pylist()) >= peers_example.n_reports - 3
    depths = peers_example.analyze().depths_table()
    by_key = {row["key"]: row for row in depths.to_pylist()}
    assert (by_key["r:pub"]["shortest"], by_key["r:pub"]["longest"]) == (2, 3)
    assert by_key["r:loop1"]["longest"] is None
    assert by_key["r:x"]["n_primary_sources"] == 2


def test_an_empty_graph_gives_empty_tables_with_the_schema() -> None:
    table = according.Graph().reports_table()
    assert table.num_rows == 0 and "longest" in table.schema.names


def test_to_networkx(chain_graph: according.Graph) -> None:
    graph = chain_graph.to_networkx()
    assert isinstance(graph, nx.DiGraph)
    assert graph.number_of_nodes() == chain_graph.n_reports
    assert graph.number_of_edges() == chain_graph.n_relays
    assert graph.edges["r2", "r1"]["kind"] == "quotation"
    assert graph.nodes["r2"]["key"] == "paper" and graph.nodes["r2"]["longest"] == 3
    assert list(nx.simple_cycles(graph)) == [["r6", "r7"]] or list(nx.simple_cycles(graph)) == [["r7", "r6"]]
    with_sources = chain_graph.to_networkx(sources=True)
    assert with_sources.nodes["s1"]["name"] == "Lee Seong-kweun"
    assert with_sources.has_edge("s1", "r1")


def test_without_pyarrow_or_networkx_the_error_says_what_to_install(
    chain_graph: according.Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "networkx", None)
    with pytest.raises(ImportError, match="pip install pyarrow"):
        chain_graph.reports_table()
    with pytest.raises(ImportError, match="pip install networkx"):
        chain_graph.to_networkx()
    # Everything else works without them.
    assert chain_graph.depth("r1") == (2, 2)
