"""Extraction: the seed article's figures, many articles into one graph,
metadata, code-point spans and the errors of bad arguments."""

from __future__ import annotations

import datetime

import pytest

import according
from conftest import SEED_TEXT


def names(sources: list[according.Source]) -> list[str]:
    return [source.name for source in sources]


def test_the_seed_article_gives_the_careful_readers_figures(seed: according.Graph) -> None:
    (document,) = seed.documents()
    assert document.key == "seed_article.txt"
    assert document.date == datetime.date(2025, 11, 4)
    profile = seed.profile(document)
    assert (profile.n_statements, profile.n_attributed, profile.n_unattributed) == (15, 10, 5)
    assert profile.depth_histogram == {0: 5, 1: 7, 2: 3}
    assert profile.direct_share == pytest.approx(0.2)
    assert profile.unnamed_share == pytest.approx(0.2)
    assert names(profile.primary_sources) == [
        "Lee Seong-kweun",
        "Seoul's spy agency",
        "South Korean estimates",
        "Analysts",
        "Pyongyang",
        "Multilateral Sanctions Monitoring Team",
    ]


def test_the_first_sentence_is_a_chain_article_lee_spy_agency(seed: according.Graph) -> None:
    (said,) = [r for r in seed.reports() if r.cue == "said" and r.content_spans[0][0] == 0]
    assert names(said.sources) == ["Lee Seong-kweun"]
    assert said.time == (datetime.date(2025, 11, 4), datetime.date(2025, 11, 4))
    assert said.mode == "mixed"
    assert seed.depth(said) == (2, 2)
    assert names(seed.primary_sources(said)) == ["Seoul's spy agency"]
    chains = list(seed.chains(said))
    assert [[r.cue for r in chain] for chain in chains] == [["said", "briefing"]]
    assert chains[0][-1].is_primary
    assert said.relays == [chains[0][1]]
    assert said.relay_kinds == ["derivation"]


def test_evidence_spans_index_the_python_text(seed: according.Graph) -> None:
    text = SEED_TEXT
    for report in seed.reports():
        for start, end in report.content_spans + report.cue_spans + report.source_spans:
            assert 0 <= start < end <= len(text)
    told = next(r for r in seed.reports() if r.cue == "told" and r.audience == "reporters")
    (start, end) = told.cue_spans[0]
    assert text[start:end] == "told"
    (start, end) = told.source_spans[0]
    assert "Lee" in text[start:end]
    assert told.mode == "direct"


def test_spans_count_code_points_not_bytes() -> None:
    text = "Le café de Zoë a fermé.\n\n“Les élections sont truquées,” said Zoë Müller, the mayor of Montréal."
    graph = according.extract(text)
    (report,) = [r for r in graph.reports() if not r.is_unattributed]
    assert [text[s:e] for s, e in report.cue_spans] == ["said"]
    assert [text[s:e] for s, e in report.source_spans] == ["Zoë Müller, the mayor of Montréal"]
    assert [text[s:e] for s, e in report.content_spans] == ["“Les élections sont truquées,”"]
    (attribution,) = [a for a in according.attributions(text) if a.source]
    assert attribution.content == report.content_spans
    assert attribution.source == report.source_spans


def test_attributions_are_the_outermost_ones() -> None:
    text = '"We are ready," the mayor said Monday. Officials say the bridge will reopen.'
    found = according.attributions(text)
    assert [text[a.cue[0][0] : a.cue[0][1]] for a in found] == ["said", "say"]
    assert [a.mode for a in found] == ["direct", "indirect"]
    assert found[0].attitude == "assertion"
    assert found[0] == according.attributions(text)[0]
    assert "mayor" in text[found[0].source[0][0] : found[0].source[0][1]]


def test_date_as_date_or_string_gives_the_same_graph() -> None:
    by_string = according.extract(SEED_TEXT, date="2025-11-04")
    by_date = according.extract(SEED_TEXT, date=datetime.date(2025, 11, 4))
    by_datetime = according.extract(SEED_TEXT, date=datetime.datetime(2025, 11, 4, 12, 30))
    assert by_string == by_date == by_datetime
    assert by_string != according.extract(SEED_TEXT)


def test_metadata_becomes_the_document(seed: according.Graph) -> None:
    graph = according.extract(
        SEED_TEXT, date="2025-11-04", publisher="Reuters", title="Troops", key="a.txt"
    )
    (document,) = graph.documents()
    assert document.title == "Troops"
    assert document.key == "a.txt"
    assert document.publisher is not None and document.publisher.name == "Reuters"
    assert document.publisher.kind == "publisher"
    assert document.text == SEED_TEXT


def test_extract_many_builds_one_graph_with_one_document_per_article() -> None:
    items: list[str | tuple[str, dict[str, object] | None]] = [
        (SEED_TEXT, {"date": "2025-11-04", "key": "one", "title": "First"}),
        ("Officials say the bridge will reopen.", {"key": "two", "publisher": "Gazette", "extra": 1}),
        ("Analysts say prices will rise.", None),
        "Residents said the water was unsafe.",
    ]
    graph = according.extract_many(iter(items), date=datetime.date(2025, 1, 1))
    assert graph.n_documents == 4
    one, two, three, four = graph.documents()
    assert (one.key, one.title, one.date) == ("one", "First", datetime.date(2025, 11, 4))
    assert two.publisher is not None and two.publisher.name == "Gazette"
    assert three.date == four.date == datetime.date(2025, 1, 1)
    assert three.key is None
    seed_alone = according.extract(SEED_TEXT, date="2025-11-04", key="one", title="First")
    assert len(graph.reports_in(one)) == seed_alone.n_reports
    assert graph.profile("one").depth_histogram == {0: 5, 1: 7, 2: 3}


def test_extract_many_of_nothing_is_an_empty_graph() -> None:
    assert according.extract_many([]) == according.Graph()


def test_duplicate_keys_are_refused() -> None:
    with pytest.raises(according.InvalidGraphError, match='duplicate document key "a"'):
        according.extract_many([("A said B.", {"key": "a"}), ("C said D.", {"key": "a"})])


def test_bad_arguments_raise_clear_errors() -> None:
    with pytest.raises(according.InvalidValueError, match='invalid date "2025-13-01"') as info:
        according.extract("x", date="2025-13-01")
    assert (info.value.what, info.value.value) == ("date", "2025-13-01")
    assert isinstance(info.value, ValueError)
    with pytest.raises(TypeError, match="datetime.date"):
        according.extract("x", date=20251104)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="str"):
        according.extract(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="tuple"):
        according.extract_many([("only text",)])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="mapping"):
        according.extract_many([("text", 5)])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        according.extract_many(5)  # type: ignore[arg-type]


def test_a_text_over_the_limit_is_refused_not_truncated() -> None:
    huge = "a" * (64 * 1024 * 1024 + 1)
    with pytest.raises(according.LimitExceededError) as info:
        according.extract(huge)
    assert str(info.value) == "article text in bytes exceeds the limit of 67108864"
    assert info.value.limit == 64 * 1024 * 1024
    with pytest.raises(according.LimitExceededError):
        according.attributions(huge)


def test_odd_text_never_crashes() -> None:
    for text in ["", " ", "\x00", '"', "“", "said said said", "\ud7ff" * 10, "a\u0301" * 100,
                 "He said: " * 2000, '"' * 999, "\n\n\n", "According to"]:
        graph = according.extract(text)
        assert graph.n_documents == 1
        according.attributions(text)
