//! Read-only questions asked of a [`Graph`](crate::Graph): provenance depth,
//! chains, primary sources, circular reporting, corroboration, time and
//! per-document sourcing profiles.
//!
//! Nothing in this module mutates a graph. Every algorithm is iterative, so
//! million-deep chains do not overflow the stack.

mod batch;
mod chains;
mod corroboration;
mod cycles;
mod depth;
mod profile;
mod relay;
mod scc;
mod sources;
mod time;

pub use chains::{Chain, Chains, DEFAULT_CHAIN_STEP_LIMIT};
pub use corroboration::Corroboration;
pub use cycles::Cycle;
pub use depth::{Analysis, Depth, Depths};
pub use profile::Profile;
pub use relay::{Neighbors, RelayGraph, VisitedReports};
