//! Attribution modelling for reported speech: who said what, according to whom.
//!
//! News is mostly reported speech. "North Korea has sent about 5,000 troops
//! to Russia, a South Korean lawmaker said Tuesday after a briefing by
//! Seoul's spy agency" reaches the reader through a chain of speakers:
//! article ← lawmaker ← spy agency. `according` models such chains as a
//! graph of [`Report`]s that relay each other, and answers the questions a
//! careful reader asks of it: how many speakers stand between the reader and
//! the original source, who the primary sources are, how many independent
//! chains support a claim, where reporting goes in circles.
//!
//! ```
//! use according::{Claim, Graph, Mode, Report, Source};
//!
//! let mut graph = Graph::new();
//! let agency = graph.add_source(Source::organization("Seoul's spy agency"))?;
//! let lee = graph.add_source(Source::person("Lee Seong-kweun"))?;
//! let troops = graph.add_claim(Claim::new("North Korea has sent about 5,000 construction troops to Russia"))?;
//!
//! // The agency's briefing is the primary report; Lee relays it.
//! let briefing = graph.add_report(Report::by(agency, troops).with_cue("briefing"))?;
//! let said = graph.add_report(
//!     Report::by(lee, troops).with_cue("said").with_mode(Mode::Mixed).relaying(briefing),
//! )?;
//! assert_eq!(graph.report(said).unwrap().relays.len(), 1);
//! # Ok::<(), according::Error>(())
//! ```
//!
//! The rest of this documentation is organised as follows:
//!
//! - [`model`]: the plain data: [`Source`], [`Claim`], [`Report`],
//!   [`Document`] and their typed ids.
//! - [`Graph`]: storage, validated insertion, merges and lookups.
//! - [`Error`]: the one error type.
//! - [`eval`]: scoring extracted attributions against a gold annotation.
#![forbid(unsafe_code)]
// Every public item is documented: users read the docs, not the source.
#![deny(missing_docs)]
#![warn(rust_2018_idioms)]

mod error;
pub mod eval;
pub mod extract;
pub mod format;
mod graph;
pub mod model;
pub mod query;
pub mod synth;

pub use error::{Error, Result};
pub use graph::Graph;
pub use model::{
    Attitude, Certainty, Claim, ClaimId, DateRange, Document, DocumentId, Evidence, Factuality,
    Mention, Mode, Polarity, Relay, RelayKind, Reliability, Report, ReportId, Source, SourceId,
    SourceKind, Span, Voice,
};
pub use query::{
    Analysis, Chain, Chains, Corroboration, Cycle, Depth, Depths, Profile, RelayGraph,
};
