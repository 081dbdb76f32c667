//! Sources: the speakers reports are attributed to.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::{DocumentId, SourceId, Span};
use crate::error::Error;

/// What kind of speaker a source is.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// A named or described person: "Lee Seong-kweun", "a South Korean lawmaker".
    Person,
    /// An organisation: a ministry, an agency, a company, a government.
    Organization,
    /// An unnamed group of people: "analysts", "officials", "residents".
    Group,
    /// A document or estimate speaking for itself: "a UN report",
    /// "South Korean estimates".
    Document,
    /// The publisher or author of a document, its own voice.
    Publisher,
    /// A speaker the text does not identify: "a person familiar with the matter".
    #[default]
    Unnamed,
}

impl SourceKind {
    /// The lowercase name used in the native format.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Person => "person",
            SourceKind::Organization => "organization",
            SourceKind::Group => "group",
            SourceKind::Document => "document",
            SourceKind::Publisher => "publisher",
            SourceKind::Unnamed => "unnamed",
        }
    }
}

impl fmt::Display for SourceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for SourceKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<SourceKind, Error> {
        Ok(match s {
            "person" => SourceKind::Person,
            "organization" | "organisation" => SourceKind::Organization,
            "group" => SourceKind::Group,
            "document" => SourceKind::Document,
            "publisher" => SourceKind::Publisher,
            "unnamed" => SourceKind::Unnamed,
            _ => {
                return Err(Error::InvalidValue {
                    what: "source kind",
                    value: s.to_owned(),
                });
            }
        })
    }
}

/// Source reliability on the Admiralty (NATO) scale: A (completely reliable)
/// to E (unreliable), F (reliability cannot be judged).
///
/// The scale grades the source, not the information; information credibility
/// (1 to 6) follows from corroboration, see
/// [`Graph::corroboration`](crate::Graph::corroboration).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Reliability {
    /// Completely reliable.
    A,
    /// Usually reliable.
    B,
    /// Fairly reliable.
    C,
    /// Not usually reliable.
    D,
    /// Unreliable.
    E,
    /// Reliability cannot be judged.
    F,
}

impl FromStr for Reliability {
    type Err = Error;
    fn from_str(s: &str) -> Result<Reliability, Error> {
        Ok(match s {
            "A" => Reliability::A,
            "B" => Reliability::B,
            "C" => Reliability::C,
            "D" => Reliability::D,
            "E" => Reliability::E,
            "F" => Reliability::F,
            _ => {
                return Err(Error::InvalidValue {
                    what: "reliability grade",
                    value: s.to_owned(),
                });
            }
        })
    }
}

impl fmt::Display for Reliability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

/// One place where a source is mentioned: "He", "the lawmaker", "Lee".
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mention {
    /// The words of the mention.
    pub text: String,
    /// The document the mention is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentId>,
    /// Where in the document's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

impl Mention {
    /// A mention known by its words only.
    pub fn new(text: impl Into<String>) -> Mention {
        Mention {
            text: text.into(),
            document: None,
            span: None,
        }
    }

    /// A mention at `span` of `document`.
    pub fn at(text: impl Into<String>, document: DocumentId, span: Span) -> Mention {
        Mention {
            text: text.into(),
            document: Some(document),
            span: Some(span),
        }
    }
}

/// A speaker: a person, organisation, unnamed group, document or publisher.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The canonical name: "Lee Seong-kweun", "Seoul's spy agency", "Analysts".
    pub name: String,
    /// What kind of speaker this is.
    pub kind: SourceKind,
    /// Descriptions of the speaker: "South Korean lawmaker".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub descriptors: Vec<String>,
    /// Other names the speaker goes by (kept, for example, when two sources
    /// are merged).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Every mention of the speaker, with its evidence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<Mention>,
    /// The source this one speaks on behalf of (a spokesperson for a ministry).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<SourceId>,
    /// Admiralty reliability grade, where assessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliability: Option<Reliability>,
    /// An optional external identifier, unique among the graph's sources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

impl Source {
    /// A source with the given name and kind.
    pub fn new(kind: SourceKind, name: impl Into<String>) -> Source {
        Source {
            name: name.into(),
            kind,
            ..Source::default()
        }
    }

    /// A person.
    pub fn person(name: impl Into<String>) -> Source {
        Source::new(SourceKind::Person, name)
    }

    /// An organisation.
    pub fn organization(name: impl Into<String>) -> Source {
        Source::new(SourceKind::Organization, name)
    }

    /// An unnamed group of people ("analysts").
    pub fn group(name: impl Into<String>) -> Source {
        Source::new(SourceKind::Group, name)
    }

    /// A document or estimate speaking for itself.
    pub fn document(name: impl Into<String>) -> Source {
        Source::new(SourceKind::Document, name)
    }

    /// A publisher.
    pub fn publisher(name: impl Into<String>) -> Source {
        Source::new(SourceKind::Publisher, name)
    }

    /// An unidentified speaker.
    pub fn unnamed(name: impl Into<String>) -> Source {
        Source::new(SourceKind::Unnamed, name)
    }

    /// Adds a descriptor.
    #[must_use]
    pub fn with_descriptor(mut self, descriptor: impl Into<String>) -> Source {
        self.descriptors.push(descriptor.into());
        self
    }

    /// Adds a mention.
    #[must_use]
    pub fn with_mention(mut self, mention: Mention) -> Source {
        self.mentions.push(mention);
        self
    }

    /// Sets the source this one speaks for.
    #[must_use]
    pub fn on_behalf_of(mut self, principal: SourceId) -> Source {
        self.affiliation = Some(principal);
        self
    }

    /// Sets the reliability grade.
    #[must_use]
    pub fn with_reliability(mut self, grade: Reliability) -> Source {
        self.reliability = Some(grade);
        self
    }

    /// Sets the external key.
    #[must_use]
    pub fn with_key(mut self, key: impl Into<String>) -> Source {
        self.key = Some(key.into());
        self
    }
}
