//! The crate's one error type.
//!
//! Every fallible operation in `according` returns [`Error`]. Messages are
//! lowercase, carry no trailing period and name the offending item (an id, a
//! line and column, a byte offset), so that a user reading one line on stderr
//! can find the problem.

use std::path::PathBuf;

use crate::model::{ClaimId, DocumentId, ReportId, SourceId};

/// The error type of every fallible operation in this crate.
///
/// The enum is `#[non_exhaustive]`: new failure modes may be added in minor
/// releases, so a `match` needs a wildcard arm. Variants carry the offending
/// item so that callers can react programmatically, and [`Display`] renders
/// one readable line.
///
/// [`Display`]: std::fmt::Display
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A source id does not name a source of this graph.
    #[error("unknown source {0}")]
    UnknownSource(SourceId),
    /// A claim id does not name a claim of this graph.
    #[error("unknown claim {0}")]
    UnknownClaim(ClaimId),
    /// A report id does not name a report of this graph.
    #[error("unknown report {0}")]
    UnknownReport(ReportId),
    /// A document id does not name a document of this graph.
    #[error("unknown document {0}")]
    UnknownDocument(DocumentId),
    /// A report was asked to relay itself.
    #[error("report {0} cannot relay itself")]
    SelfRelay(ReportId),
    /// A statement in a document's own voice cannot take part in a relay, nor
    /// carry sources.
    #[error("report {0} is in its document's own voice and cannot have sources or relays")]
    UnattributedRelay(ReportId),
    /// A source was given itself as affiliation.
    #[error("source {0} cannot act on behalf of itself")]
    SelfAffiliation(SourceId),
    /// Affiliations would form a cycle (a acts for b acts for a).
    #[error("affiliation of source {0} would form a cycle")]
    AffiliationCycle(SourceId),
    /// A source was merged into itself.
    #[error("cannot merge source {0} into itself")]
    SelfMerge(SourceId),
    /// A claim was merged into itself.
    #[error("cannot merge claim {0} into itself")]
    SelfClaimMerge(ClaimId),
    /// Two items of the same kind were given the same external key.
    #[error("duplicate {kind} key {key:?}")]
    DuplicateKey {
        /// What kind of item: `"source"`, `"claim"`, `"report"` or `"document"`.
        kind: &'static str,
        /// The key given twice.
        key: String,
    },
    /// A character span is empty, reversed, out of the document's text or not
    /// on a character boundary.
    #[error("invalid span {start}..{end} in document {document}: {reason}")]
    InvalidSpan {
        /// The document whose text the span points into.
        document: DocumentId,
        /// Start byte offset.
        start: usize,
        /// End byte offset.
        end: usize,
        /// Why the span was rejected.
        reason: &'static str,
    },
    /// A report has evidence spans but no document to point them into.
    #[error("report has evidence spans but no document")]
    EvidenceWithoutDocument,
    /// A date range whose end lies before its start.
    #[error("date range ends ({end}) before it starts ({start})")]
    InvalidDateRange {
        /// First day.
        start: time::Date,
        /// Last day.
        end: time::Date,
    },
    /// A value could not be parsed from its textual form.
    #[error("invalid {what} {value:?}")]
    InvalidValue {
        /// What was being parsed, such as `"factuality"` or `"report id"`.
        what: &'static str,
        /// The text that was given.
        value: String,
    },
    /// Input in one of the crate's formats is malformed or inconsistent.
    ///
    /// `line` and `column` are 1-based and `0` where the position is unknown
    /// (for example, an inconsistency found after the whole file was read).
    #[error("{format}: {}{message}", position(*line, *column))]
    Parse {
        /// The format: `"json"`, `"prov-json"`, `"prov-n"`, `"edge list"`, `"brat"`.
        format: &'static str,
        /// 1-based line, 0 when unknown.
        line: usize,
        /// 1-based column, 0 when unknown.
        column: usize,
        /// What is wrong, naming the offending item.
        message: String,
    },
    /// The native JSON file declares a schema version this release cannot read.
    #[error("unsupported schema version {found} (this release reads version {supported})")]
    UnsupportedVersion {
        /// The version found in the file.
        found: u64,
        /// The version this release reads and writes.
        supported: u64,
    },
    /// An input exceeded a configured limit (text size, nesting, number of
    /// chains enumerated, ...). Inputs are rejected, never silently truncated.
    #[error("{what} exceeds the limit of {limit}")]
    LimitExceeded {
        /// What was being counted.
        what: &'static str,
        /// The limit in force.
        limit: usize,
    },
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.as_ref().map_or_else(|| "i/o error".to_owned(), |p| p.display().to_string()))]
    Io {
        /// The file, where known.
        path: Option<PathBuf>,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

fn position(line: usize, column: usize) -> String {
    match (line, column) {
        (0, _) => String::new(),
        (l, 0) => format!("line {l}: "),
        (l, c) => format!("line {l}, column {c}: "),
    }
}

impl Error {
    /// A parse error at a known position (1-based line and column; 0 for unknown).
    pub(crate) fn parse(
        format: &'static str,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Error {
        Error::Parse {
            format,
            line,
            column,
            message: message.into(),
        }
    }

    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: Some(path.into()),
            source,
        }
    }

    /// Whether this error is about malformed or inconsistent input data
    /// (as opposed to an I/O failure or an invalid request to the API).
    pub fn is_parse(&self) -> bool {
        matches!(
            self,
            Error::Parse { .. } | Error::UnsupportedVersion { .. } | Error::InvalidValue { .. }
        )
    }

    /// Whether this error names an id that does not exist in the graph.
    pub fn is_dangling(&self) -> bool {
        matches!(
            self,
            Error::UnknownSource(_)
                | Error::UnknownClaim(_)
                | Error::UnknownReport(_)
                | Error::UnknownDocument(_)
        )
    }

    /// Whether this error is a configured limit being exceeded.
    pub fn is_limit(&self) -> bool {
        matches!(self, Error::LimitExceeded { .. })
    }
}

impl From<std::io::Error> for Error {
    fn from(source: std::io::Error) -> Error {
        Error::Io { path: None, source }
    }
}

/// A specialised `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
