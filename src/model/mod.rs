//! The plain data of an attribution graph: ids, sources, claims, reports,
//! documents and the small value types they carry.
//!
//! Nothing here knows about graphs or algorithms; [`Graph`](crate::Graph)
//! stores these values and keeps them consistent.

mod claim;
mod date;
mod document;
mod ids;
mod list;
mod report;
mod source;
mod span;

pub use claim::Claim;
pub use date::DateRange;
pub use document::Document;
pub use ids::{ClaimId, DocumentId, ReportId, SourceId};
pub use list::{Relays, ShortList, Speakers};
pub use report::{
    Attitude, Certainty, Evidence, Factuality, Mode, Polarity, Relay, RelayKind, Report, Voice,
};
pub use source::{Mention, Reliability, Source, SourceKind};
pub use span::Span;

pub(crate) use date::date_serde;
