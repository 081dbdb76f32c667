"""Tables (pyarrow) and graphs (networkx) built from the columns the
compiled module gives. Neither package is a dependency of ``according``:
each is imported when first needed, with an error that says what to
install."""

from __future__ import annotations

from typing import Any, Dict, List, Tuple


def _import(name: str, purpose: str) -> Any:
    try:
        return __import__(name)
    except ImportError as err:
        raise ImportError(
            f"{purpose} needs the '{name}' package: pip install {name}"
        ) from err


def _schemas(pa: Any) -> Dict[str, Any]:
    string, int32 = pa.string(), pa.int32()
    strings = pa.list_(pa.string())
    return {
        "reports": pa.schema(
            [
                ("id", string),
                ("key", string),
                ("document", string),
                ("claim", string),
                ("content", string),
                ("sources", strings),
                ("source_names", strings),
                ("cue", string),
                ("mode", string),
                ("attitude", string),
                ("factuality", string),
                ("voice", string),
                ("time_start", pa.date32()),
                ("time_end", pa.date32()),
                ("channel", string),
                ("audience", string),
                ("n_relays", int32),
                ("shortest", int32),
                ("longest", int32),
                ("n_primary_sources", int32),
            ]
        ),
        "relays": pa.schema(
            [
                ("report", string),
                ("relayed", string),
                ("kind", string),
                ("report_key", string),
                ("relayed_key", string),
            ]
        ),
        "sources": pa.schema(
            [
                ("id", string),
                ("key", string),
                ("name", string),
                ("kind", string),
                ("descriptors", strings),
                ("affiliation", string),
                ("reliability", string),
                ("n_reports", int32),
            ]
        ),
        "depths": pa.schema(
            [
                ("id", string),
                ("key", string),
                ("shortest", int32),
                ("longest", int32),
                ("n_primary_sources", int32),
            ]
        ),
    }


def arrow_table(columns: Dict[str, List[Any]], what: str) -> Any:
    """A ``pyarrow.Table`` of ``columns`` with the fixed schema of ``what``."""
    pa = _import("pyarrow", f"{what}_table()")
    schema = _schemas(pa)[what]
    arrays = [pa.array(columns[field.name], type=field.type) for field in schema]
    return pa.Table.from_arrays(arrays, schema=schema)


def networkx_graph(
    nodes: List[Tuple[str, Dict[str, Any]]],
    edges: List[Tuple[str, str, Dict[str, Any]]],
) -> Any:
    """A ``networkx.DiGraph`` of ``nodes`` and ``edges`` with their attributes."""
    nx = _import("networkx", "to_networkx()")
    graph = nx.DiGraph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    return graph
