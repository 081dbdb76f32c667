"""Queries on a small hand-made graph and on the peers' worked example:
each answer, and the errors of unknown references."""

from __future__ import annotations

import datetime

import pytest

import according
from conftest import native


def ids(items: list[according.Report] | list[according.Source] | tuple[according.Report, ...]) -> list[str]:
    return [item.id for item in items]


def test_depth_of_every_kind_of_report(chain_graph: according.Graph) -> None:
    g = chain_graph
    assert g.depth("r0") == (1, 1)  # primary
    assert g.depth("r1") == (2, 2)
    assert g.depth("paper") == (3, 3)  # by key
    assert g.depth(3) == (0, 0)  # own voice, by index
    assert g.depth(g.report("r6")) == (2, 2)  # the cycle counts once
    closed = native({"reports": {"r0": {"relays": [{"to": "r1"}]}, "r1": {"relays": [{"to": "r0"}]}}})
    assert closed.depth("r0") is None


def test_analyze_agrees_with_depth(chain_graph: according.Graph, peers_example: according.Graph) -> None:
    for graph in (chain_graph, peers_example):
        analysis = graph.analyze()
        assert len(analysis) == graph.n_reports
        for report in graph.reports():
            assert analysis.depth(report) == graph.depth(report)
            assert analysis.primary_sources(report) == graph.primary_sources(report)
            assert analysis.n_primary_sources(report) == len(graph.primary_sources(report))
        assert analysis.cycles() == graph.cycles()
        assert analysis.depths() == {r.id: graph.depth(r) for r in graph.reports()}
    assert "cycles" in repr(peers_example.analyze())


def test_the_peers_worked_example(peers_example: according.Graph) -> None:
    g = peers_example
    # Relay hops are depth - 1; the SCC {a, b, c} counts as one report.
    assert g.depth("r:x") == (3, 3)
    assert g.depth("r:pub") == (2, 3)
    assert g.depth("r:loop1") is None and g.depth("r:y") is None
    assert g.depth("r:z") == (3, 3)
    assert [sorted(r.key or "" for r in c.reports) for c in g.cycles()] == [
        ["r:a", "r:b", "r:c"],
        ["r:loop1", "r:loop2"],
    ]
    assert sorted(s.key or "" for s in g.primary_sources("r:x")) == ["ag:s0", "ag:s1"]


def test_chains_are_lazy_and_bounded(chain_graph: according.Graph, peers_example: according.Graph) -> None:
    g = chain_graph
    assert [ids(c) for c in g.chains("paper")] == [["r2", "r1", "r0"]]
    assert list(g.chains("r3")) == []  # own voice: no chain
    chains = peers_example.chains("r:x", limit=1)
    first = next(chains)
    assert first[0].key == "r:x" and first[-1].is_primary
    assert list(chains) == [] and chains.truncated
    everything = peers_example.chains("r:x")
    assert len(list(everything)) == 2 and not everything.truncated
    assert iter(everything) is everything


def test_primary_sources_of_a_report_and_of_a_claim(chain_graph: according.Graph) -> None:
    g = chain_graph
    assert ids(g.primary_reports("paper")) == ["r0"]
    assert [s.name for s in g.primary_sources("paper")] == ["Seoul's spy agency"]
    # A claim counts its equivalent claims' reports too.
    assert [s.name for s in g.primary_sources(g.claim("c0"))] == ["Seoul's spy agency", "Wire"]


def test_what_a_source_said_directly_through_others_and_relayed(chain_graph: according.Graph) -> None:
    g = chain_graph
    assert ids(g.said_directly("s1")) == []
    assert ids(g.said_directly("s2")) == ["r2"]
    ((report, by),) = g.attributed_through_others("nis")
    assert report.id == "r0" and ids(by) == ["r1", "r4", "r7"]
    assert ids(g.relayed("s1")) == ["r1"]
    assert ids(g.relayed_by("r0")) == ["r1", "r4", "r7"]
    assert ids(g.reports_by("s3")) == ["r4"]
    assert ids(g.reports_of("c0")) == ["r0", "r1", "r2"]
    assert ids(g.reports_in("tuesday")) == ["r4", "r5"]
    assert [c.id for c in g.equivalent_claims("c1")] == ["c0", "c1"]


def test_corroboration_counts_independent_chains(chain_graph: according.Graph) -> None:
    found = chain_graph.corroboration("c0")
    assert found.independent == 2 and found.credibility_confirmed
    assert [[s.name for s in chain] for chain in found.chains] == [["Wire"], ["Kim", "Seoul's spy agency"]]
    assert ids(found.reports) == ["r0", "r1", "r2", "r4", "r5"]
    single = chain_graph.corroboration("talks")
    assert single.independent == 1 and not single.credibility_confirmed
    assert "independent" in repr(found)


def test_time_queries(chain_graph: according.Graph) -> None:
    g = chain_graph
    first = g.first_report("c1")
    assert first is not None and first.id == "r0"  # through the equivalence, by its own time
    assert g.first_report("talks") is None  # no report dated
    assert ids(g.reports_between("2025-11-03")) == ["r1", "r2", "r3"]
    assert ids(g.reports_between(datetime.date(2025, 11, 1), "2025-11-04")) == ["r0", "r1", "r2", "r3", "r4", "r5"]
    with pytest.raises(according.InvalidGraphError, match="date range ends"):
        g.reports_between("2025-11-04", "2025-11-01")


def test_profiles(chain_graph: according.Graph) -> None:
    profile = chain_graph.profile("monday")
    assert profile.document.key == "monday"
    assert ids(profile.statements) == ["r2", "r3"]
    assert (profile.n_statements, profile.n_attributed, profile.n_unattributed) == (2, 1, 1)
    assert profile.depth_histogram == {0: 1, 3: 1}
    assert profile.n_without_depth == 0
    assert [s.name for s in profile.primary_sources] == ["Seoul's spy agency"]
    assert [s.name for s in profile.distinct_sources] == ["Lee Seong-kweun", "Daily"]
    assert [p.document.key for p in chain_graph.profiles()] == ["monday", "tuesday"]
    assert "2 statements" in repr(profile)


def test_unknown_references_raise_unknown_id_errors(chain_graph: according.Graph) -> None:
    g = chain_graph
    for call in (lambda: g.depth("r99"), lambda: g.report(99), lambda: g.chains("nope"),
                 lambda: g.corroboration("c9"), lambda: g.profile("d7"), lambda: g.said_directly("s99"),
                 lambda: g.first_report(-1), lambda: g.analyze().depth("r8")):
        with pytest.raises(according.UnknownIdError) as info:
            call()
        assert isinstance(info.value, LookupError)
    with pytest.raises(according.UnknownIdError) as info:
        g.depth("r99")
    assert (str(info.value), info.value.kind, info.value.id) == ('unknown report "r99"', "report", "r99")
    with pytest.raises(according.UnknownIdError, match="unknown claim index 9"):
        g.claim(9)


def test_items_of_another_graph_are_refused(chain_graph: according.Graph) -> None:
    other = native({"reports": {"r0": {}}})
    with pytest.raises(according.UnknownIdError, match="report r0 belongs to another graph"):
        chain_graph.depth(other.report("r0"))


def test_a_reference_of_the_wrong_type_is_a_type_error(chain_graph: according.Graph) -> None:
    with pytest.raises(TypeError, match="expected a report"):
        chain_graph.depth(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        chain_graph.depth(chain_graph.source("s0"))  # type: ignore[arg-type]


def test_a_printed_id_and_a_key_resolve_to_the_same_item(chain_graph: according.Graph) -> None:
    assert chain_graph.report("paper") == chain_graph.report("r2") == chain_graph.report(2)
    assert chain_graph.source("nis") == chain_graph.source("s0")
