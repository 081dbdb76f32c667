//! Read-only questions asked of a [`Graph`](crate::Graph): provenance depth,
//! chains, primary sources, circular reporting, corroboration, time and
//! per-document sourcing profiles.
//!
//! Nothing in this module mutates a graph. Every algorithm is iterative, so
//! million-deep chains do not overflow the stack.
