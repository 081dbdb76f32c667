"""Type stubs of the compiled module ``according._according``."""

import datetime
import os
from typing import Any, ClassVar, Dict, Iterable, Iterator, List, Literal, Mapping, Optional, Tuple, Union, overload

__version__: str

Mode = Literal["direct", "indirect", "mixed"]
Attitude = Literal["assertion", "belief", "estimate", "denial", "suggestion", "question", "intention"]
SourceKind = Literal["person", "organization", "group", "document", "publisher", "unnamed"]
RelayKind = Literal["derivation", "quotation", "primary_source"]
Voice = Literal["source", "document"]
Span = Tuple[int, int]
DateLike = Union[datetime.date, str]
Data = Union[str, bytes, "os.PathLike[str]"]
PathLike = Union[str, "os.PathLike[str]"]

ReportRef = Union["Report", str, int]
SourceRef = Union["Source", str, int]
ClaimRef = Union["Claim", str, int]
DocumentRef = Union["Document", str, int]

class Report:
    """One act of attribution: a source asserts, believes, estimates, denies ...
    a claim, possibly by relaying other reports."""

    @property
    def id(self) -> str:
        """The printed id (``"r12"``), stable for this graph."""
    @property
    def index(self) -> int:
        """The position in insertion order, starting at 0."""
    @property
    def graph(self) -> Graph:
        """The graph this report belongs to."""
    @property
    def key(self) -> Optional[str]:
        """The external key (a PROV qualified name such as ``"r:12"``), or None."""
    @property
    def sources(self) -> List[Source]:
        """The speakers: usually one, several for a joint statement, none when unknown."""
    @property
    def claim(self) -> Optional[Claim]:
        """The claim reported, or None."""
    @property
    def document(self) -> Optional[Document]:
        """The document the report appears in, or None."""
    @property
    def relays(self) -> List[Report]:
        """The reports this one relays, one step down each chain."""
    @property
    def relay_kinds(self) -> List[RelayKind]:
        """How each of ``relays`` is relayed, in the same order."""
    @property
    def cue(self) -> Optional[str]:
        """The cue words (``"said"``, ``"according to"``), or None."""
    @property
    def mode(self) -> Optional[Mode]:
        """Direct, indirect or mixed quotation, or None."""
    @property
    def attitude(self) -> Optional[Attitude]:
        """The stance the cue expresses, or None."""
    @property
    def factuality(self) -> Optional[str]:
        """FactBank factuality (``"CT+"``, ``"PS-"``, ...), or None."""
    @property
    def time(self) -> Optional[Tuple[datetime.date, datetime.date]]:
        """When the report was made, as (first day, last day), or None."""
    @property
    def channel(self) -> Optional[str]:
        """How: ``"briefing"``, ``"in a report"``, or None."""
    @property
    def audience(self) -> Optional[str]:
        """To whom: ``"reporters"``, or None."""
    @property
    def voice(self) -> Voice:
        """``"source"`` (attributed) or ``"document"`` (the document's own voice)."""
    @property
    def is_primary(self) -> bool:
        """Whether the report is attributed and relays nothing."""
    @property
    def is_unattributed(self) -> bool:
        """Whether the report is in its document's own voice (depth 0)."""
    @property
    def source_spans(self) -> List[Span]:
        """Where the speaker is named: (start, end) code-point offsets into the document's text."""
    @property
    def cue_spans(self) -> List[Span]:
        """Where the cue is: (start, end) code-point offsets."""
    @property
    def content_spans(self) -> List[Span]:
        """Where the content is: (start, end) code-point offsets, possibly several parts."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class Source:
    """A speaker: a person, organisation, unnamed group, document or publisher."""

    @property
    def id(self) -> str:
        """The printed id (``"s3"``)."""
    @property
    def index(self) -> int:
        """The position in insertion order, starting at 0."""
    @property
    def graph(self) -> Graph:
        """The graph this source belongs to."""
    @property
    def key(self) -> Optional[str]:
        """The external key, or None."""
    @property
    def name(self) -> str:
        """The canonical name."""
    @property
    def kind(self) -> SourceKind:
        """What kind of speaker this is."""
    @property
    def descriptors(self) -> List[str]:
        """Descriptions of the speaker: ``["South Korean lawmaker"]``."""
    @property
    def aliases(self) -> List[str]:
        """Other names the speaker goes by."""
    @property
    def mentions(self) -> List[str]:
        """The words of every mention of the speaker."""
    @property
    def affiliation(self) -> Optional[Source]:
        """The source this one speaks on behalf of, or None."""
    @property
    def reliability(self) -> Optional[str]:
        """Admiralty reliability grade ``"A"`` to ``"F"``, or None."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class Claim:
    """What is reported: a proposition, possibly reported many times."""

    @property
    def id(self) -> str:
        """The printed id (``"c0"``)."""
    @property
    def index(self) -> int:
        """The position in insertion order, starting at 0."""
    @property
    def graph(self) -> Graph:
        """The graph this claim belongs to."""
    @property
    def key(self) -> Optional[str]:
        """The external key, or None."""
    @property
    def content(self) -> str:
        """The content as worded in the evidence."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class Document:
    """An article (or any text) with its publisher, date and text."""

    @property
    def id(self) -> str:
        """The printed id (``"d1"``)."""
    @property
    def index(self) -> int:
        """The position in insertion order, starting at 0."""
    @property
    def graph(self) -> Graph:
        """The graph this document belongs to."""
    @property
    def key(self) -> Optional[str]:
        """The external key (a file name, a URL), or None."""
    @property
    def title(self) -> Optional[str]:
        """The headline, or None."""
    @property
    def publisher(self) -> Optional[Source]:
        """The publisher, or None."""
    @property
    def date(self) -> Optional[datetime.date]:
        """The dateline, or None."""
    @property
    def text(self) -> Optional[str]:
        """The full text, which evidence spans index into, or None."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class Chains(Iterator[Tuple[Report, ...]]):
    """A lazy iterator over the chains of a report (``Graph.chains``)."""

    def __iter__(self) -> Chains: ...
    def __next__(self) -> Tuple[Report, ...]: ...
    @property
    def truncated(self) -> bool:
        """Whether the iteration stopped at a limit, so that more chains may exist."""

class Cycle:
    """One case of circular reporting: reports that relay each other."""

    @property
    def reports(self) -> List[Report]:
        """The reports of the cycle, in id order."""
    @property
    def sources(self) -> List[Source]:
        """The distinct speakers of those reports, in id order."""
    def __len__(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...

class Corroboration:
    """How independently a claim is supported (``Graph.corroboration``)."""

    @property
    def independent(self) -> int:
        """The largest number of chains supporting the claim that share no source."""
    @property
    def chains(self) -> List[List[Source]]:
        """One witness path of sources per independent chain, outermost first."""
    @property
    def reports(self) -> List[Report]:
        """The attributed reports of the claim and its equivalent claims."""
    @property
    def credibility_confirmed(self) -> bool:
        """Whether at least two independent chains support the claim."""

class Profile:
    """How a document sources what it says (``Graph.profile``)."""

    @property
    def document(self) -> Document:
        """The document profiled."""
    @property
    def statements(self) -> List[Report]:
        """The statements (outermost reports), in id order."""
    @property
    def n_statements(self) -> int:
        """Number of statements."""
    @property
    def n_attributed(self) -> int:
        """Statements attributed to a source (known or not)."""
    @property
    def n_unattributed(self) -> int:
        """Statements in the document's own voice."""
    @property
    def depth_histogram(self) -> Dict[int, int]:
        """Number of statements per longest depth."""
    @property
    def n_without_depth(self) -> int:
        """Statements without depth (leading only into circular reporting)."""
    @property
    def direct_share(self) -> float:
        """Share of attributed statements quoted directly, from 0 to 1."""
    @property
    def unnamed_share(self) -> float:
        """Share of attributed statements resting on an unidentified speaker, from 0 to 1."""
    @property
    def distinct_sources(self) -> List[Source]:
        """Every speaker of every report of the document, in id order."""
    @property
    def primary_sources(self) -> List[Source]:
        """The primary sources of the statements, in id order."""

class Analysis:
    """Depths, primary sources and circular reporting of every report (``Graph.analyze``)."""

    def depth(self, report: ReportRef) -> Optional[Tuple[int, int]]:
        """The depth of ``report`` as (shortest, longest), or None."""
    def primary_sources(self, report: ReportRef) -> List[Source]:
        """The distinct primary sources of ``report``, in id order."""
    def n_primary_sources(self, report: ReportRef) -> int:
        """The number of distinct primary sources of ``report``."""
    def cycles(self) -> List[Cycle]:
        """Every case of circular reporting, ordered by smallest report."""
    def depths(self) -> Dict[str, Optional[Tuple[int, int]]]:
        """Every report's depth by printed id."""
    def depths_table(self) -> Any:
        """Every report's depth as a ``pyarrow.Table``. Needs pyarrow."""
    def __len__(self) -> int: ...

class Attribution:
    """One outermost attribution of a text, as (start, end) code-point spans."""

    @property
    def source(self) -> List[Span]:
        """The source mention's spans (empty when the text names none)."""
    @property
    def cue(self) -> List[Span]:
        """The cue's spans."""
    @property
    def content(self) -> List[Span]:
        """The content's spans."""
    @property
    def mode(self) -> Mode:
        """Direct, indirect or mixed quotation."""
    @property
    def attitude(self) -> Attitude:
        """The stance the cue expresses."""
    def __eq__(self, other: object) -> bool: ...

class Graph:
    """An immutable attribution graph: sources, claims, reports, documents and relays."""

    def __init__(self) -> None:
        """An empty graph."""
    @classmethod
    def from_json(cls, data: Data) -> Graph:
        """Reads the native JSON format from a path, or the text as str or bytes."""
    @classmethod
    def read(cls, data: Data) -> Graph:
        """Reads native JSON, PROV-JSON or the edge list, whichever it is."""
    @classmethod
    def from_prov_json(cls, data: Data) -> Graph:
        """Reads W3C PROV-JSON from a path, or the text as str or bytes."""
    @classmethod
    def from_edges(cls, data: Data) -> Graph:
        """Reads the tab-separated edge list from a path, or the text as str or bytes."""
    @property
    def skipped(self) -> List[str]:
        """What the reader that made this graph could not map, one line each."""
    @overload
    def to_json(self, path: None = None, *, pretty: bool = False) -> str: ...
    @overload
    def to_json(self, path: PathLike, *, pretty: bool = False) -> None: ...
    @overload
    def to_prov_json(self, path: None = None) -> str: ...
    @overload
    def to_prov_json(self, path: PathLike) -> None: ...
    @overload
    def to_prov_n(self, path: None = None) -> str: ...
    @overload
    def to_prov_n(self, path: PathLike) -> None: ...
    @overload
    def to_edges(self, path: None = None) -> str: ...
    @overload
    def to_edges(self, path: PathLike) -> None: ...
    @overload
    def to_dot(self, path: None = None, *, claim: Optional[ClaimRef] = None) -> str: ...
    @overload
    def to_dot(self, path: PathLike, *, claim: Optional[ClaimRef] = None) -> None: ...
    @overload
    def to_mermaid(self, path: None = None, *, claim: Optional[ClaimRef] = None) -> str: ...
    @overload
    def to_mermaid(self, path: PathLike, *, claim: Optional[ClaimRef] = None) -> None: ...
    @overload
    def to_depths(self, path: None = None) -> str: ...
    @overload
    def to_depths(self, path: PathLike) -> None: ...
    @overload
    def to_tree(self, path: None = None) -> str: ...
    @overload
    def to_tree(self, path: PathLike) -> None: ...
    @property
    def n_sources(self) -> int:
        """Number of sources."""
    @property
    def n_claims(self) -> int:
        """Number of claims."""
    @property
    def n_reports(self) -> int:
        """Number of reports."""
    @property
    def n_documents(self) -> int:
        """Number of documents."""
    @property
    def n_relays(self) -> int:
        """Number of relays between reports."""
    def sources(self) -> List[Source]:
        """Every source, in id order."""
    def claims(self) -> List[Claim]:
        """Every claim, in id order."""
    def reports(self) -> List[Report]:
        """Every report, in id order."""
    def documents(self) -> List[Document]:
        """Every document, in id order."""
    def report(self, report: ReportRef) -> Report:
        """The report ``report`` refers to (object, key, printed id or index)."""
    def source(self, source: SourceRef) -> Source:
        """The source ``source`` refers to."""
    def claim(self, claim: ClaimRef) -> Claim:
        """The claim ``claim`` refers to."""
    def document(self, document: DocumentRef) -> Document:
        """The document ``document`` refers to."""
    def reports_by(self, source: SourceRef) -> List[Report]:
        """The reports made by ``source``."""
    def reports_of(self, claim: ClaimRef) -> List[Report]:
        """The reports of ``claim``."""
    def reports_in(self, document: DocumentRef) -> List[Report]:
        """The reports of ``document``."""
    def equivalent_claims(self, claim: ClaimRef) -> List[Claim]:
        """``claim`` and the claims declared equivalent to it."""
    def depth(self, report: ReportRef) -> Optional[Tuple[int, int]]:
        """The provenance depth of ``report`` as (shortest, longest), or None."""
    def analyze(self) -> Analysis:
        """Depths, primary sources and cycles of every report in one pass."""
    def chains(self, report: ReportRef, *, limit: int = 1000, max_steps: Optional[int] = None) -> Chains:
        """The chains of ``report``, lazily."""
    def primary_reports(self, report: ReportRef) -> List[Report]:
        """The primary reports ``report`` rests on."""
    def primary_sources(self, item: Union[ReportRef, Claim]) -> List[Source]:
        """The primary sources of a report, or of every report of a claim."""
    def said_directly(self, source: SourceRef) -> List[Report]:
        """The reports by ``source`` that no other report relays."""
    def attributed_through_others(self, source: SourceRef) -> List[Tuple[Report, List[Report]]]:
        """The reports by ``source`` that others relay, with the reports relaying each."""
    def relayed(self, source: SourceRef) -> List[Report]:
        """The reports by ``source`` that relay another report."""
    def relayed_by(self, report: ReportRef) -> List[Report]:
        """The reports relaying ``report``."""
    def cycles(self) -> List[Cycle]:
        """Every case of circular reporting."""
    def corroboration(self, claim: ClaimRef) -> Corroboration:
        """The independent corroboration of ``claim``."""
    def first_report(self, claim: ClaimRef) -> Optional[Report]:
        """The earliest dated report of ``claim`` or an equivalent claim, or None."""
    def reports_between(self, start: DateLike, end: Optional[DateLike] = None) -> List[Report]:
        """The reports made between ``start`` and ``end`` (inclusive)."""
    def profile(self, document: DocumentRef) -> Profile:
        """The sourcing profile of ``document``."""
    def profiles(self) -> List[Profile]:
        """The profile of every document."""
    def reports_table(self) -> Any:
        """Every report as a row of a ``pyarrow.Table``. Needs pyarrow."""
    def relays_table(self) -> Any:
        """Every relay as a row of a ``pyarrow.Table``. Needs pyarrow."""
    def sources_table(self) -> Any:
        """Every source as a row of a ``pyarrow.Table``. Needs pyarrow."""
    def to_networkx(self, *, sources: bool = False) -> Any:
        """The relay graph as a ``networkx.DiGraph``. Needs networkx."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

def extract(
    text: str,
    *,
    date: Optional[DateLike] = None,
    publisher: Optional[str] = None,
    title: Optional[str] = None,
    key: Optional[str] = None,
) -> Graph:
    """Extracts the attributions of one English news article into a new graph."""

def extract_many(
    items: Iterable[Union[str, Tuple[str, Optional[Mapping[str, Any]]]]],
    *,
    date: Optional[DateLike] = None,
    publisher: Optional[str] = None,
) -> Graph:
    """Extracts many articles into one graph, one document each."""

def attributions(text: str) -> List[Attribution]:
    """The outermost attributions of ``text``, as code-point spans."""
