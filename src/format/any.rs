//! Reading a graph in whichever format it is in: [`read_any`] and its
//! forms.

use std::fmt;
use std::io::{self, Read};

use crate::error::Result;
use crate::format::kind::Format;
use crate::format::limits::Limits;
use crate::format::{edges, json, prov_json};
use crate::graph::Graph;

/// A graph read by [`read_any`], with the format it was in and what its
/// reader did not take.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct AnyImport {
    /// The format detected: [`Format::Json`], [`Format::ProvJson`] or
    /// [`Format::Edges`].
    pub format: Format,
    /// The attribution graph.
    pub graph: Graph,
    /// The namespace prefixes declared in a PROV-JSON input, in order, so
    /// that a re-export can declare the same IRIs
    /// ([`prov_json::WriteOptions::with_prefixes`]); empty for the other
    /// formats.
    pub prefixes: Vec<(String, String)>,
    /// What the reader did not take, in the order met. Always empty for
    /// native JSON, which is read completely or not at all.
    pub skipped: Vec<Skip>,
}

/// Something [`read_any`] did not take from its input.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Skip {
    /// A PROV-JSON record, or part of one, that could not be mapped onto
    /// the graph ([`prov_json::ProvImport::skipped`]).
    ProvRecord(prov_json::Skipped),
    /// An edge-list row in which a report cites itself: the citation is not
    /// a relay, the row's speaker is kept ([`edges::EdgeImport::self_citations`]).
    SelfCitation {
        /// The row's 1-based line number.
        line: usize,
    },
}

impl fmt::Display for Skip {
    /// One line: `skipped wasDerivedFrom "_:id33": entity "r:self" derived
    /// from itself`, or `line 7: a report citing itself is not a relay`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Skip::ProvRecord(skipped) => write!(f, "skipped {skipped}"),
            Skip::SelfCitation { line } => {
                write!(f, "line {line}: a report citing itself is not a relay")
            }
        }
    }
}

/// Reads a graph from `bytes` in whichever format they are in: native JSON,
/// PROV-JSON or the edge list, told apart by [`Format::detect`].
///
/// An input that is none of them is handed to the PROV-JSON reader, whose
/// error says where the input stops being JSON (`prov-json: line 1, column
/// 1: expected value`).
///
/// # Errors
///
/// The error of the reader of the format detected: [`json::read`],
/// [`prov_json::read`] or [`edges::import`]. [`Error::LimitExceeded`](crate::Error::LimitExceeded) for
/// an input over the default [`Limits`].
///
/// # Complexity
///
/// **O(n)** in the size of the input, as each reader.
///
/// # Example
///
/// ```
/// use according::format::{self, Format};
///
/// let edges = b"report_id\tspeaker_id\tcited_report_id\nr:law\tag:lee\tr:spy\nr:spy\tag:nis\t\n";
/// let import = format::read_any(edges)?;
/// assert_eq!(import.format, Format::Edges);
/// assert_eq!(import.graph.reports().count(), 2);
///
/// // Written as native JSON, the same graph reads back as native JSON.
/// let native = format::json::to_string(&import.graph);
/// let again = format::read_any(native.as_bytes())?;
/// assert_eq!(again.format, Format::Json);
/// assert_eq!(again.graph, import.graph);
/// # Ok::<(), according::Error>(())
/// ```
pub fn read_any(bytes: &[u8]) -> Result<AnyImport> {
    read_any_with(bytes, &Limits::default())
}

/// Like [`read_any`], within `limits`.
///
/// # Errors
///
/// As [`read_any`]; [`Error::LimitExceeded`](crate::Error::LimitExceeded) for an input over
/// [`Limits::max_input_bytes`].
///
/// # Complexity
///
/// As [`read_any`].
pub fn read_any_with(bytes: &[u8], limits: &Limits) -> Result<AnyImport> {
    match Format::detect(bytes).unwrap_or(Format::ProvJson) {
        Format::Json => Ok(native(json::read_with(bytes, limits)?)),
        Format::Edges => Ok(edge_list(edges::import_with(bytes, limits)?)),
        _ => Ok(prov(prov_json::read_with(bytes, limits)?)),
    }
}

/// Like [`read_any`], from a reader (a file, standard input), read to the
/// end within the default [`Limits`].
///
/// Only as much of the input as detection needs is read before the format
/// is known (usually one read of 64 KiB). A PROV-JSON input is then read as
/// [`prov_json::read_from`] reads it, its text freed before the graph is
/// built.
///
/// # Errors
///
/// As [`read_any`], and [`Error::Io`](crate::Error::Io) when reading fails. An input over the
/// limit is not read past it.
///
/// # Complexity
///
/// As [`read_any`].
pub fn read_any_from(reader: impl Read) -> Result<AnyImport> {
    read_any_from_with(reader, &Limits::default())
}

/// Like [`read_any_from`], within `limits`.
///
/// # Errors
///
/// As [`read_any_from`], with the given limits.
///
/// # Complexity
///
/// As [`read_any`].
pub fn read_any_from_with(mut reader: impl Read, limits: &Limits) -> Result<AnyImport> {
    let head = read_head(&mut reader, limits)?;
    match Format::detect(&head).unwrap_or(Format::ProvJson) {
        Format::Json => {
            let bytes = read_rest(head, reader, limits)?;
            Ok(native(json::read_with(&bytes, limits)?))
        }
        Format::Edges => {
            let bytes = read_rest(head, reader, limits)?;
            Ok(edge_list(edges::import_with(&bytes, limits)?))
        }
        _ => {
            let input = io::Cursor::new(head).chain(reader);
            Ok(prov(prov_json::read_from_with(input, limits)?))
        }
    }
}

/// How much of the input is read at a time to tell its format.
const HEAD_BYTES: usize = 1 << 16;

/// Reads the start of the input: enough for [`Format::detect`] to give the
/// format of the whole, the whole input if it ends first, or a little past
/// the size limit.
fn read_head(reader: &mut impl Read, limits: &Limits) -> Result<Vec<u8>> {
    let limit = limits.input_bytes_limit();
    let mut head = Vec::new();
    loop {
        let n = reader
            .by_ref()
            .take(HEAD_BYTES as u64)
            .read_to_end(&mut head)?;
        if n < HEAD_BYTES || head.len() > limit || Format::is_decided(&head) {
            return Ok(head);
        }
    }
}

/// The whole input, `head` and the rest, but no more than the size limit: a
/// larger input (a huge file, an endless pipe) is an error before it fills
/// memory.
fn read_rest(mut bytes: Vec<u8>, reader: impl Read, limits: &Limits) -> Result<Vec<u8>> {
    // One byte past the limit tells an input at the limit from a larger one.
    let cap = u64::try_from(limits.input_bytes_limit())
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let left = cap.saturating_sub(bytes.len() as u64);
    reader.take(left).read_to_end(&mut bytes)?;
    limits.check_input(bytes.len())?;
    Ok(bytes)
}

fn native(graph: Graph) -> AnyImport {
    AnyImport {
        format: Format::Json,
        graph,
        prefixes: Vec::new(),
        skipped: Vec::new(),
    }
}

fn edge_list(import: edges::EdgeImport) -> AnyImport {
    AnyImport {
        format: Format::Edges,
        graph: import.graph,
        prefixes: Vec::new(),
        skipped: import
            .self_citations
            .into_iter()
            .map(|line| Skip::SelfCitation { line })
            .collect(),
    }
}

fn prov(import: prov_json::ProvImport) -> AnyImport {
    AnyImport {
        format: Format::ProvJson,
        graph: import.graph,
        prefixes: import.prefixes,
        skipped: import.skipped.into_iter().map(Skip::ProvRecord).collect(),
    }
}
