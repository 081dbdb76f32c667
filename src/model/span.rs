//! Character spans of evidence inside a document's text.

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// A half-open range `start..end` of UTF-8 byte offsets into a document's
/// text, always on character boundaries once stored in a graph.
///
/// Byte offsets make `&text[span.range()]` an O(1) slice. Formats that count
/// in Unicode characters (brat, PolNeAR) convert at their boundary.
///
/// Serialized as a two-element array `[start, end]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "(usize, usize)", into = "(usize, usize)")]
pub struct Span {
    start: usize,
    end: usize,
}

impl Span {
    /// The span `start..end`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidValue`] when `end < start`.
    pub fn new(start: usize, end: usize) -> Result<Span, Error> {
        if end < start {
            return Err(Error::InvalidValue {
                what: "span",
                value: format!("{start}..{end}"),
            });
        }
        Ok(Span { start, end })
    }

    /// First byte offset.
    pub fn start(self) -> usize {
        self.start
    }

    /// One past the last byte offset.
    pub fn end(self) -> usize {
        self.end
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The span as a range, for slicing the document text.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// The text the span covers, or `None` when it does not lie on character
    /// boundaries inside `text`.
    pub fn text(self, text: &str) -> Option<&str> {
        text.get(self.range())
    }
}

impl TryFrom<(usize, usize)> for Span {
    type Error = Error;
    fn try_from((start, end): (usize, usize)) -> Result<Span, Error> {
        Span::new(start, end)
    }
}

impl From<Span> for (usize, usize) {
    fn from(span: Span) -> (usize, usize) {
        (span.start, span.end)
    }
}
