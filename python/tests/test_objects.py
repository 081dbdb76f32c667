"""Items as light read-only objects: properties, repr, equality, hashing."""

from __future__ import annotations

import datetime

import pytest

import according


def test_report_properties(chain_graph: according.Graph) -> None:
    r4 = chain_graph.report("r4")
    assert (r4.id, r4.index, r4.key) == ("r4", 4, None)
    assert [s.name for s in r4.sources] == ["Kim"]
    assert r4.claim is not None and r4.claim.content == "soldiers were dispatched"
    assert r4.document is not None and r4.document.key == "tuesday"
    assert [r.id for r in r4.relays] == ["r0"] and r4.relay_kinds == ["derivation"]
    assert (r4.cue, r4.mode, r4.attitude, r4.factuality) == ("told", "direct", "assertion", "CT+")
    assert (r4.audience, r4.channel, r4.voice, r4.time) == ("reporters", None, "source", None)
    assert not r4.is_primary and not r4.is_unattributed
    r2 = chain_graph.report("paper")
    assert r2.key == "paper" and r2.relay_kinds == ["quotation"]
    r0 = chain_graph.report("r0")
    assert r0.is_primary and r0.time == (datetime.date(2025, 11, 1), datetime.date(2025, 11, 1))
    assert r0.document is None and r0.content_spans == []
    r3 = chain_graph.report("r3")
    assert r3.is_unattributed and r3.voice == "document" and r3.sources == []
    assert repr(r3) == "<Report r3: (document's own voice) \"Russia is at war\">"
    assert r4.graph == chain_graph


def test_evidence_spans_of_a_report(chain_graph: according.Graph) -> None:
    r1 = chain_graph.report("r1")
    document = r1.document
    assert document is not None and document.text is not None
    text = document.text
    assert [text[s:e] for s, e in r1.source_spans] == ["Lee"]
    assert [text[s:e] for s, e in r1.cue_spans] == ["said"]
    assert [text[s:e] for s, e in r1.content_spans] == ["Troops were sent"]


def test_source_claim_and_document_properties(chain_graph: according.Graph) -> None:
    lee = chain_graph.source("s1")
    assert (lee.name, lee.kind, lee.descriptors, lee.aliases, lee.mentions) == (
        "Lee Seong-kweun", "person", ["lawmaker"], [], [])
    assert lee.affiliation is None and lee.reliability is None
    assert chain_graph.source("s3").reliability == "B"
    assert chain_graph.source("nis").key == "nis"
    assert repr(lee) == "<Source s1: \"Lee Seong-kweun\" (person)>"
    claim = chain_graph.claim("talks")
    assert (claim.id, claim.key, claim.content) == ("c3", "talks", "talks will resume")
    assert repr(claim) == "<Claim c3: \"talks will resume\">"
    monday = chain_graph.document("monday")
    assert (monday.key, monday.title, monday.date) == ("monday", None, datetime.date(2025, 11, 3))
    assert monday.publisher is not None and monday.publisher.name == "Daily"
    assert repr(monday) == "<Document d0: \"monday\" 2025-11-03>"
    assert [d.id for d in chain_graph.documents()] == ["d0", "d1"]
    assert [c.id for c in chain_graph.claims()] == ["c0", "c1", "c2", "c3"]
    assert len(chain_graph.sources()) == chain_graph.n_sources == 7
    assert (chain_graph.n_claims, chain_graph.n_reports, chain_graph.n_documents, chain_graph.n_relays) == (4, 8, 2, 6)


def test_equality_is_the_same_item_of_the_same_graph(chain_graph: according.Graph) -> None:
    a = chain_graph.report("r1")
    b = chain_graph.reports()[1]
    assert a == b and hash(a) == hash(b)
    assert a != chain_graph.report("r2")
    assert a != chain_graph.claim("c1")  # same index, another kind
    copy = according.Graph.from_json(chain_graph.to_json())
    assert copy == chain_graph
    assert copy.report("r1") != a
    assert len({a, b, chain_graph.report("r2")}) == 2
    assert {chain_graph.source("s0"): 1}[chain_graph.source("nis")] == 1


def test_items_are_read_only(chain_graph: according.Graph) -> None:
    report = chain_graph.report("r1")
    with pytest.raises(AttributeError):
        report.cue = "shouted"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        chain_graph.n_reports = 0  # type: ignore[misc]


def test_graph_repr_and_empty_graph() -> None:
    empty = according.Graph()
    assert repr(empty) == "<Graph: 0 documents, 0 sources, 0 claims, 0 reports, 0 relays>"
    assert empty.reports() == [] and empty.cycles() == []
    assert len(empty.analyze()) == 0
    assert empty == according.Graph.from_json('{"according": 1}')
    assert empty != "a graph"
