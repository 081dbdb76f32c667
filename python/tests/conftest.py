"""Shared fixtures: the repository's data files and the seed article."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict

import pytest

import according

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
# The shared data beside the repository (corpora), where present.
SHARED = Path(os.environ.get("ACCORDING_SHARED", REPO.parent / "shared"))
SEED_TEXT = (REPO / "examples" / "data" / "seed_article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed() -> according.Graph:
    """The seed article (dated Tuesday 2025-11-04), extracted."""
    return according.extract(SEED_TEXT, date="2025-11-04", key="seed_article.txt")


@pytest.fixture(scope="session")
def peers_example() -> according.Graph:
    """The peers' worked example (cycles, a closed loop, shortcuts), from PROV-JSON."""
    return according.Graph.from_prov_json(DATA / "peers_example.prov.json")


def native(document: Dict[str, Any]) -> according.Graph:
    """A graph from a native JSON document given as a dict."""
    return according.Graph.from_json(json.dumps({"according": 1, **document}))


@pytest.fixture()
def chain_graph() -> according.Graph:
    """A small hand-made graph: agency <- Lee <- paper, Kim relaying the
    agency too, a dated second document, an own-voice statement, a
    two-report cycle, and two equivalent claims."""
    return native(
        {
            "sources": {
                "s0": {"name": "Seoul's spy agency", "kind": "organization", "key": "nis"},
                "s1": {"name": "Lee Seong-kweun", "kind": "person", "descriptors": ["lawmaker"]},
                "s2": {"name": "Daily", "kind": "publisher"},
                "s3": {"name": "Kim", "kind": "person", "reliability": "B"},
                "s4": {"name": "Park", "kind": "person"},
                "s5": {"name": "Choi", "kind": "person"},
                "s6": {"name": "Wire", "kind": "organization"},
            },
            "claims": {
                "c0": {"content": "troops were sent"},
                "c1": {"content": "soldiers were dispatched"},
                "c2": {"content": "Russia is at war"},
                "c3": {"content": "talks will resume", "key": "talks"},
            },
            "documents": {
                "d0": {"key": "monday", "date": "2025-11-03", "publisher": "s2",
                       "text": "Troops were sent, Lee said. Russia is at war."},
                "d1": {"key": "tuesday", "date": "2025-11-04"},
            },
            "reports": {
                "r0": {"sources": ["s0"], "claim": "c0", "cue": "briefing", "time": "2025-11-01"},
                "r1": {"sources": ["s1"], "claim": "c0", "document": "d0", "cue": "said",
                       "mode": "indirect", "relays": [{"to": "r0"}],
                       "evidence": {"source": [[18, 21]], "cue": [[22, 26]], "content": [[0, 16]]}},
                "r2": {"sources": ["s2"], "claim": "c0", "document": "d0",
                       "relays": [{"to": "r1", "kind": "quotation"}], "key": "paper"},
                "r3": {"voice": "document", "claim": "c2", "document": "d0"},
                "r4": {"sources": ["s3"], "claim": "c1", "document": "d1", "cue": "told",
                       "mode": "direct", "attitude": "assertion", "factuality": "CT+",
                       "audience": "reporters", "relays": [{"to": "r0"}]},
                "r5": {"sources": ["s6"], "claim": "c1", "document": "d1", "cue": "reported"},
                "r6": {"sources": ["s4"], "claim": "c3", "relays": [{"to": "r7"}]},
                "r7": {"sources": ["s5"], "claim": "c3", "relays": [{"to": "r6"}, {"to": "r0"}]},
            },
            "equivalences": [["c0", "c1"]],
        }
    )
