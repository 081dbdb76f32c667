"""Attribution modelling for reported speech: who said what, according to whom.

``according`` turns English news text into a graph of sources, claims and
reports, where reports relay other reports (article ← lawmaker ← spy
agency), and answers the questions a careful reader asks of it: how many
speakers stand between the reader and the original source (``depth``), who
the primary sources are, how many independent chains support a claim
(``corroboration``), where reporting goes in circles (``cycles``).

>>> import according
>>> graph = according.extract(
...     "North Korea has sent troops to Russia, a South Korean lawmaker said "
...     "Tuesday after a briefing by Seoul's spy agency.",
...     date="2025-11-04",
... )
>>> [report.cue for report in graph.reports()]
['briefing', 'said']
>>> briefing, said = graph.reports()
>>> graph.depth(said)
(2, 2)
>>> [source.name for source in graph.primary_sources(said)]
["Seoul's spy agency"]

Graphs are read from and written to the native JSON format, W3C PROV-JSON
and PROV-N, the tab-separated edge list, and drawn as Graphviz DOT or
Mermaid. ``Graph.reports_table()`` and friends give pyarrow tables (and so
pandas DataFrames) when pyarrow is installed; ``Graph.to_networkx()`` gives
a networkx graph when networkx is installed.
"""

from ._according import (
    Analysis,
    Attribution,
    Chains,
    Claim,
    Corroboration,
    Cycle,
    Document,
    Graph,
    Profile,
    Report,
    Source,
    __version__,
    attributions,
    extract,
    extract_many,
)
from ._errors import (
    Error,
    InvalidGraphError,
    InvalidValueError,
    IoError,
    LimitExceededError,
    ParseError,
    UnknownIdError,
    UnsupportedVersionError,
)

__all__ = [
    "Analysis",
    "Attribution",
    "Chains",
    "Claim",
    "Corroboration",
    "Cycle",
    "Document",
    "Error",
    "Graph",
    "InvalidGraphError",
    "InvalidValueError",
    "IoError",
    "LimitExceededError",
    "ParseError",
    "Profile",
    "Report",
    "Source",
    "UnknownIdError",
    "UnsupportedVersionError",
    "__version__",
    "attributions",
    "extract",
    "extract_many",
]
