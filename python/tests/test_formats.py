"""Reading and writing: every format, paths, str and bytes, round trips,
and the errors of malformed input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import according
from conftest import DATA


def test_native_json_round_trips_from_str_bytes_and_path(seed: according.Graph, tmp_path: Path) -> None:
    text = seed.to_json()
    assert according.Graph.from_json(text) == seed
    assert according.Graph.from_json(text.encode()) == seed
    path = tmp_path / "seed.json"
    assert seed.to_json(path, pretty=True) is None
    assert according.Graph.from_json(path) == seed
    assert according.Graph.from_json(str(path)) == seed
    assert "\n  " in path.read_text()
    assert json.loads(text)["according"] == 1


def test_prov_json_keeps_keys_and_prefixes() -> None:
    graph = according.Graph.from_prov_json(DATA / "peers_example.prov.json")
    assert graph.report("r:spy").key == "r:spy"
    again = according.Graph.from_prov_json(graph.to_prov_json())
    assert sorted(r.key or "" for r in again.reports()) == sorted(r.key or "" for r in graph.reports())
    assert again.to_prov_json() == graph.to_prov_json()
    prov = json.loads(graph.to_prov_json())
    assert prov["prefix"]["r"] == json.loads((DATA / "peers_example.prov.json").read_text())["prefix"]["r"]


def test_prov_json_lists_what_it_skipped() -> None:
    document = {
        "prefix": {"r": "http://example.org/r/"},
        "entity": {"r:1": {}, "r:2": {}},
        "activity": {"a:1": {}},
        "wasDerivedFrom": {"_:d": {"prov:generatedEntity": "r:2", "prov:usedEntity": "r:1"}},
    }
    graph = according.Graph.from_prov_json(json.dumps(document))
    assert graph.n_reports == 2 and graph.n_relays == 1
    assert graph.skipped and "activity" in graph.skipped[0]
    assert according.Graph().skipped == []


def test_prov_n_dot_mermaid_and_tree(seed: according.Graph, tmp_path: Path) -> None:
    assert seed.to_prov_n().startswith("document")
    dot = seed.to_dot()
    assert dot.startswith("digraph according {") and "Seoul's spy agency" in dot
    mermaid = seed.to_mermaid()
    assert mermaid.startswith("flowchart TD")
    claim = seed.reports()[0].claim
    assert claim is not None
    assert len(seed.to_dot(claim=claim)) < len(dot)
    assert len(seed.to_mermaid(claim=claim.id)) < len(mermaid)
    assert "Lee Seong-kweun" in seed.to_tree()
    for writer, name in [(seed.to_prov_n, "a.provn"), (seed.to_dot, "a.dot"), (seed.to_mermaid, "a.mmd"),
                         (seed.to_tree, "a.txt"), (seed.to_prov_json, "a.json"), (seed.to_edges, "a.tsv")]:
        assert writer(tmp_path / name) is None  # type: ignore[operator]
        assert (tmp_path / name).stat().st_size > 0


def test_edge_list_reads_the_peers_example_and_notes_self_citations() -> None:
    text = (DATA / "peers_example.edges.tsv").read_text()
    graph = according.Graph.from_edges(text)
    assert graph.report("r:law").key == "r:law"
    assert len(graph.skipped) == 1 and "citing itself" in graph.skipped[0]
    assert according.Graph.from_edges(text.encode()) == graph
    assert according.Graph.from_edges(DATA / "peers_example.edges.tsv") == graph
    assert according.Graph.from_edges(graph.to_edges()).n_relays == graph.n_relays


def test_the_depths_table_equals_the_peers(peers_example: according.Graph, tmp_path: Path) -> None:
    expected = (DATA / "peers_example.depths.tsv").read_text()
    assert peers_example.to_depths() == expected
    out = tmp_path / "depths.tsv"
    assert peers_example.to_depths(out) is None
    assert out.read_text() == expected


def test_read_detects_the_format(seed: according.Graph, tmp_path: Path) -> None:
    assert according.Graph.read(seed.to_json()) == seed
    prov = according.Graph.read(DATA / "peers_example.prov.json")
    assert prov == according.Graph.from_prov_json(DATA / "peers_example.prov.json")
    edges = according.Graph.read((DATA / "peers_example.edges.tsv").read_bytes())
    assert edges.skipped == ["line 18: a report citing itself is not a relay"]
    assert according.Graph.from_edges(DATA / "peers_example.edges.tsv").skipped == edges.skipped
    with pytest.raises(according.ParseError, match="^prov-json: line 1, column 2: expected ident"):
        according.Graph.read(b"nothing known")
    with pytest.raises(according.IoError):
        according.Graph.read(tmp_path / "missing.json")


@pytest.mark.parametrize(
    "text, message",
    [
        ('{"according": 1,\n  "sources": {"s0": {"name": }}}', "json: line 2, column 30: expected value"),
        ('{"according":1,"reports":{"r0":{"claim":"c3"}}}', "json: report r0: unknown claim c3"),
        ('{"according":1,"reports":{"r0":{"relays":[{"to":"r5"}]}}}', "json: report r0: unknown report r5"),
        ('{"according":1,"reports":{"r0":{"relays":[{"to":"r0"}]}}}', "json: report r0: report r0 cannot relay itself"),
    ],
)
def test_malformed_and_dangling_json_raise_parse_errors(text: str, message: str) -> None:
    with pytest.raises(according.ParseError) as info:
        according.Graph.from_json(text)
    assert str(info.value) == message
    assert info.value.format == "json"
    assert isinstance(info.value, ValueError) and isinstance(info.value, according.Error)


def test_parse_errors_carry_their_position() -> None:
    with pytest.raises(according.ParseError) as info:
        according.Graph.from_json('{"according": 1,\n  "sources": {"s0": {"name": }}}')
    assert (info.value.line, info.value.column, info.value.detail) == (2, 30, "expected value")


def test_an_unsupported_version_is_named() -> None:
    with pytest.raises(according.UnsupportedVersionError) as info:
        according.Graph.from_json('{"according": 2}')
    assert str(info.value) == "unsupported schema version 2 (this release reads version 1)"
    assert (info.value.found, info.value.supported) == (2, 1)
    assert isinstance(info.value, according.ParseError)


def test_invalid_utf8_is_a_parse_error_in_every_reader() -> None:
    for read, data in [
        (according.Graph.from_json, b'{"according": 1, "claims": {"c0": {"content": "\xff"}}}'),
        (according.Graph.from_prov_json, b'{"entity": {"r:\xff": {}}}'),
        (according.Graph.from_edges, b"report_id\tspeaker_id\tcited_report_id\nr\xff\ts\t\n"),
    ]:
        with pytest.raises(according.ParseError):
            read(data)


def test_bad_prov_json_and_edge_lists_raise_parse_errors() -> None:
    with pytest.raises(according.ParseError, match="^prov-json: "):
        according.Graph.from_prov_json("{ nope")
    with pytest.raises(according.ParseError, match="^edge list: "):
        according.Graph.from_edges("report\tspeaker\n")
    with pytest.raises(according.ParseError, match="^edge list: "):
        according.Graph.from_edges(b"report_id\tspeaker_id\tcited_report_id\na\tb\n")


def test_a_missing_file_is_an_io_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    for read in (according.Graph.from_json, according.Graph.from_prov_json, according.Graph.from_edges):
        with pytest.raises(according.IoError) as info:
            read(missing)
        assert isinstance(info.value, OSError)
        assert str(info.value).startswith(str(missing))
    with pytest.raises(according.IoError):
        according.Graph().to_json(tmp_path / "no" / "such" / "dir.json")


def test_a_wrong_argument_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="path, str or bytes"):
        according.Graph.from_json(42)  # type: ignore[arg-type]


def test_graphs_pickle_through_native_json(seed: according.Graph) -> None:
    import pickle

    assert pickle.loads(pickle.dumps(seed)) == seed


def test_a_million_deep_chain_is_an_ordinary_input() -> None:
    n = 1_000_000
    rows = ["report_id\tspeaker_id\tcited_report_id", "r0\ts0\t"]
    rows += [f"r{i}\ts{i % 7}\tr{i - 1}" for i in range(1, n)]
    graph = according.Graph.from_edges("\n".join(rows) + "\n")
    assert graph.n_reports == n and graph.n_relays == n - 1
    top = graph.report(f"r{n - 1}")
    assert graph.depth(top) == (n, n)
    analysis = graph.analyze()
    assert analysis.depth(top) == (n, n)
    assert len(analysis.depths()) == n
    chains = graph.chains(top, limit=2)
    (chain,) = list(chains)
    assert len(chain) == n and not chains.truncated
    assert [s.name for s in graph.primary_sources(top)] == ["s0"]
    assert graph.cycles() == []
    back = according.Graph.from_json(graph.to_json())
    assert back.n_relays == n - 1
