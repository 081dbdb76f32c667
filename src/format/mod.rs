//! Graphs in and out of bytes: the native JSON format, W3C PROV-JSON and
//! PROV-N, the edge list, brat standoff, and pictures (DOT, Mermaid).
//!
//! Readers either succeed completely or return an [`Error`](crate::Error)
//! naming the offending item; writers produce output that the matching reader
//! turns back into an equal graph.

pub mod brat;
pub mod dot;
pub mod edges;
mod intern;
pub mod json;
pub mod limits;
pub mod mermaid;
pub mod prov_json;
pub mod prov_n;
pub mod tree;
