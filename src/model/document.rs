//! Documents: the articles, reports and posts that carry reports.

use serde::{Deserialize, Serialize};
use time::Date;

use super::{SourceId, date_serde};

/// An article (or any text) with its publisher and date. Its own voice is the
/// outermost speaker: statements it makes without attribution are reports
/// with [`Voice::Document`](crate::Voice::Document), at depth 0.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// An optional external identifier (a file name, a URL), unique among the
    /// graph's documents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The publisher, a source of the same graph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<SourceId>,
    /// The dateline: the day relative dates in the text are resolved against.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "date_serde::option"
    )]
    pub date: Option<Date>,
    /// The full text. Evidence spans of the document's reports index into it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl Document {
    /// An empty document.
    pub fn new() -> Document {
        Document::default()
    }

    /// Sets the external key.
    #[must_use]
    pub fn with_key(mut self, key: impl Into<String>) -> Document {
        self.key = Some(key.into());
        self
    }

    /// Sets the title.
    #[must_use]
    pub fn with_title(mut self, title: impl Into<String>) -> Document {
        self.title = Some(title.into());
        self
    }

    /// Sets the publisher.
    #[must_use]
    pub fn with_publisher(mut self, publisher: SourceId) -> Document {
        self.publisher = Some(publisher);
        self
    }

    /// Sets the dateline.
    #[must_use]
    pub fn with_date(mut self, date: Date) -> Document {
        self.date = Some(date);
        self
    }

    /// Sets the text.
    #[must_use]
    pub fn with_text(mut self, text: impl Into<String>) -> Document {
        self.text = Some(text.into());
        self
    }
}
