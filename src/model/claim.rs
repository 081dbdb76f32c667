//! Claims: the propositions that reports attribute to sources.

use serde::{Deserialize, Serialize};

/// The content of a report: a proposition such as "North Korea has sent about
/// 5,000 construction troops to Russia".
///
/// The same claim may be reported many times, in many documents. Two claims
/// worded differently can be declared equivalent with
/// [`Graph::declare_equivalent`](crate::Graph::declare_equivalent), or merged
/// into one with [`Graph::merge_claims`](crate::Graph::merge_claims).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// The content as worded in the evidence.
    pub content: String,
    /// An optional external identifier, unique among the graph's claims.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

impl Claim {
    /// A claim with the given content.
    pub fn new(content: impl Into<String>) -> Claim {
        Claim {
            content: content.into(),
            key: None,
        }
    }

    /// Sets the external key.
    #[must_use]
    pub fn with_key(mut self, key: impl Into<String>) -> Claim {
        self.key = Some(key.into());
        self
    }
}
