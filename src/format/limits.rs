//! Limits on untrusted input, shared by every reader.
//!
//! The readers of this crate take files from the open web. Each reads into
//! memory proportional to its input and works in time linear in it, so the
//! one knob that bounds them is the size of the input; nesting is bounded by
//! the JSON parser. An input over a limit is rejected with
//! [`Error::LimitExceeded`] naming the limit; nothing is silently truncated.
//!
//! | limit | default | enforced by |
//! | --- | --- | --- |
//! | [`Limits::max_input_bytes`] | 1 GiB ([`DEFAULT_MAX_INPUT_BYTES`]) | every reader: [`json::read_with`], [`prov_json::read_with`], [`edges::import_with`], [`brat::read_with`], [`read_any_with`] (and their plain forms, with the default) |
//! | JSON nesting depth | 128 levels ([`MAX_JSON_NESTING`]) | the JSON readers (the parser's recursion limit) |
//!
//! Other limits live with the operation they bound: the text given to the
//! extractor ([`ExtractOptions::max_text_bytes`], 64 MiB), and the chains
//! enumerated per report (the `max_chains` argument of
//! [`Graph::chains`] and [`Chains::with_step_limit`]).
//!
//! ```
//! use according::format::{json, limits::Limits};
//!
//! let limits = Limits::new().max_input_bytes(16);
//! let err = json::read_with(br#"{"according": 1, "sources": {}}"#, &limits).unwrap_err();
//! assert_eq!(err.to_string(), "input in bytes exceeds the limit of 16");
//! assert!(err.is_limit());
//! ```
//!
//! [`Error::LimitExceeded`]: crate::Error::LimitExceeded
//! [`json::read_with`]: super::json::read_with
//! [`prov_json::read_with`]: super::prov_json::read_with
//! [`edges::import_with`]: super::edges::import_with
//! [`brat::read_with`]: super::brat::read_with
//! [`read_any_with`]: super::read_any_with
//! [`ExtractOptions::max_text_bytes`]: crate::extract::ExtractOptions::max_text_bytes
//! [`Graph::chains`]: crate::Graph::chains
//! [`Chains::with_step_limit`]: crate::Chains::with_step_limit

use crate::error::Error;

/// The default largest input a reader accepts: 1 GiB, about a million-report
/// graph several times over, and far below what would exhaust memory on a
/// desktop machine.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 1 << 30;

/// How deeply JSON values may nest: the recursion limit of the JSON parser,
/// which protects the stack. No file written by this crate nests deeper
/// than a handful of levels.
pub const MAX_JSON_NESTING: usize = 128;

/// Limits a reader enforces on its input. Build with [`Limits::new`] (the
/// defaults) and the setters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    max_input_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
        }
    }
}

impl Limits {
    /// The default limits: inputs up to [`DEFAULT_MAX_INPUT_BYTES`].
    pub fn new() -> Limits {
        Limits::default()
    }

    /// Sets the largest input accepted, in bytes. For formats read from
    /// several files (brat's text and annotation), the limit applies to each.
    #[must_use]
    pub fn max_input_bytes(mut self, limit: usize) -> Limits {
        self.max_input_bytes = limit;
        self
    }

    /// The largest input accepted, in bytes.
    pub fn input_bytes_limit(&self) -> usize {
        self.max_input_bytes
    }

    /// Checks the size of one input.
    ///
    /// # Errors
    ///
    /// [`Error::LimitExceeded`] with `what` `"input in bytes"` when `len` is
    /// over [`max_input_bytes`](Limits::max_input_bytes).
    pub fn check_input(&self, len: usize) -> Result<(), Error> {
        if len > self.max_input_bytes {
            return Err(Error::LimitExceeded {
                what: "input in bytes",
                limit: self.max_input_bytes,
            });
        }
        Ok(())
    }
}
