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
//! // The agency's briefing is the primary report; Lee relays it, and Lee
//! // also tells reporters the same thing in his own words.
//! let briefing = graph.add_report(Report::by(agency, troops).with_cue("briefing"))?;
//! let said = graph.add_report(
//!     Report::by(lee, troops).with_cue("said").with_mode(Mode::Mixed).relaying(briefing),
//! )?;
//! graph.add_report(Report::by(lee, troops).with_cue("told").with_mode(Mode::Direct))?;
//!
//! // Two speakers stand between the reader and the claim; the agency is the
//! // primary source.
//! let depth = graph.depth(said)?.expect("a primary report is reachable");
//! assert_eq!((depth.shortest, depth.longest), (2, 2));
//! assert_eq!(graph.primary_sources(said)?, vec![agency]);
//!
//! // Both reports pass through Lee: one line of evidence, not two.
//! assert_eq!(graph.corroboration(troops)?.independent, 1);
//! # Ok::<(), according::Error>(())
//! ```
//!
//! The rest of this documentation is organised as follows:
//!
//! - [`model`]: the plain data: [`Source`], [`Claim`], [`Report`],
//!   [`Document`], their typed ids and small value types ([`Mode`],
//!   [`Attitude`], [`Factuality`], [`DateRange`], [`Span`]).
//! - [`Graph`]: storage, validated insertion, merges (entity resolution) and
//!   lookups.
//! - [`query`]: read-only questions with their complexity: provenance
//!   [`Depth`] per report ([`Graph::depth`]) or for the whole graph in one
//!   pass ([`Graph::analyze`]), the [`Chains`] themselves, primary sources,
//!   what a source said directly or through others, circular reporting
//!   ([`Graph::cycles`]), independent [`Corroboration`], time, and
//!   per-document sourcing [`Profile`]s.
//! - [`format`](mod@format): graphs in and out of bytes, every format named by
//!   [`format::Format`]: the lossless, versioned native JSON
//!   ([`format::json`]); W3C PROV-JSON, read (also as other PROV tools write
//!   it, listing what cannot be mapped) and written ([`format::prov_json`]),
//!   and PROV-N, written ([`format::prov_n`]); the tab-separated edge list
//!   of (report, speaker, cited report) rows ([`format::edges`]); brat
//!   standoff annotation, one document at a time, and the PolNeAR corpus
//!   layout ([`format::brat`]); pictures as Graphviz DOT
//!   ([`format::dot`]) and Mermaid ([`format::mermaid`]); and an indented
//!   tree of chains ([`format::tree`]). [`format::read_any`] reads a graph
//!   in whichever readable format it is, and [`format::depths`] writes the
//!   table of relay hops and primary speakers that the peer tools write.
//! - [`eval`]: scoring extracted attributions against a gold annotation.
//! - [`synth`]: generators of large news-like graphs, for benchmarks and tests.
//! - [`Error`]: the one error type. Nothing in this crate panics on bad input,
//!   and no algorithm recurses over user-controlled depth: a chain of a
//!   million relays is an ordinary input.
#![forbid(unsafe_code)]
// Every public item is documented: users read the docs, not the source.
#![deny(missing_docs)]
#![warn(rust_2018_idioms)]

mod error;
pub mod eval;
pub mod extract;
pub mod format;
mod graph;
mod key_index;
pub mod model;
pub mod query;
pub mod synth;

pub use error::{Error, Result};
pub use graph::Graph;
pub use model::{
    Attitude, Certainty, Claim, ClaimId, DateRange, Document, DocumentId, Evidence, Factuality,
    Mention, Mode, Polarity, Relay, RelayKind, Relays, Reliability, Report, ReportId, Source,
    SourceId, SourceKind, Span, Speakers, Voice,
};
pub use query::{
    Analysis, Chain, Chains, Corroboration, Cycle, Depth, Depths, Profile, RelayGraph,
};

// The README's example is compiled and run as a doctest, so it stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
