//! Graphs in and out of bytes: the native JSON format, W3C PROV-JSON and
//! PROV-N, the edge list, brat standoff, pictures (DOT, Mermaid) and a
//! listing of chains; and the depths table, a result computed from a graph.
//!
//! | format | [`Format`] | read | written |
//! | --- | --- | --- | --- |
//! | native JSON, lossless and versioned | [`Json`](Format::Json) | [`json::read`] | [`json::write`] |
//! | W3C PROV-JSON | [`ProvJson`](Format::ProvJson) | [`prov_json::read`], listing what it cannot map | [`prov_json::write`] |
//! | W3C PROV-N | [`ProvN`](Format::ProvN) | | [`prov_n::write`] |
//! | the tab-separated edge list | [`Edges`](Format::Edges) | [`edges::import`] | [`edges::write`] |
//! | brat standoff, one document | [`Brat`](Format::Brat) | [`brat::read`], [`brat::import`] | [`brat::write`] |
//! | Graphviz DOT | [`Dot`](Format::Dot) | | [`dot::write`] |
//! | Mermaid | [`Mermaid`](Format::Mermaid) | | [`mermaid::write`] |
//! | an indented tree of chains | [`Tree`](Format::Tree) | | [`tree::write`] |
//! | the depths table (a result, not a graph) | | | [`depths::write`] |
//!
//! [`Format::detect`] tells native JSON, PROV-JSON and the edge list apart
//! by their first bytes, and [`read_any`] reads whichever it is.
//!
//! Readers either succeed completely or return an [`Error`](crate::Error)
//! naming the offending item, or say what they skipped; writers of the
//! lossless formats produce output that the matching reader turns back into
//! an equal graph. Every reader bounds its input ([`limits`]).

mod any;
pub mod brat;
pub mod depths;
pub mod dot;
pub mod edges;
mod intern;
pub mod json;
mod kind;
pub mod limits;
pub mod mermaid;
pub mod prov_json;
pub mod prov_n;
pub mod tree;

pub use any::{AnyImport, Skip, read_any, read_any_from, read_any_from_with, read_any_with};
pub use kind::Format;
