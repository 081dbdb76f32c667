//! Reports: one act of attribution, and the relays that chain them.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{ClaimId, DateRange, DocumentId, Relays, ReportId, SourceId, Span, Speakers};
use crate::error::Error;

/// How the words of the claim reach the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// A verbatim quote: `told reporters that "around 5,000 ..."`.
    Direct,
    /// Reported speech in the writer's words: `Analysts say North Korea ...`.
    Indirect,
    /// Reported speech with quoted fragments: `... to help with "infrastructure reconstruction"`.
    Mixed,
}

/// The stance a source takes towards the claim, as the cue expresses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Attitude {
    /// Says it is so: "said", "told", "according to".
    Assertion,
    /// Holds it true: "believes", "thinks".
    Belief,
    /// Puts a figure or likelihood on it: "estimated", "estimates".
    Estimate,
    /// Says it is not so: "denied", "rejected".
    Denial,
    /// Hints at it: "suggested", "signs suggest".
    Suggestion,
    /// Asks whether it is so: "asked", "questioned".
    Question,
    /// Announces an intention or promise: "vowed", "promised", "plans".
    Intention,
}

/// How certain a source is, on FactBank's scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Certainty {
    /// `CT`: certain.
    Certain,
    /// `PR`: probable.
    Probable,
    /// `PS`: possible.
    Possible,
    /// `U`: underspecified.
    Underspecified,
}

/// Whether a source holds the claim true or false, on FactBank's scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Polarity {
    /// `+`
    Positive,
    /// `-`
    Negative,
    /// `u`: underspecified.
    Underspecified,
}

/// A FactBank factuality value, such as `CT+` (certainly so) or `PS-`
/// (possibly not so). Prints and parses in FactBank's notation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Factuality {
    /// How certain.
    pub certainty: Certainty,
    /// Which way.
    pub polarity: Polarity,
}

impl fmt::Display for Factuality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let certainty = match self.certainty {
            Certainty::Certain => "CT",
            Certainty::Probable => "PR",
            Certainty::Possible => "PS",
            Certainty::Underspecified => "U",
        };
        let polarity = match self.polarity {
            Polarity::Positive => "+",
            Polarity::Negative => "-",
            Polarity::Underspecified => "u",
        };
        write!(f, "{certainty}{polarity}")
    }
}

impl FromStr for Factuality {
    type Err = Error;

    /// Reads FactBank notation: `CT+`, `PR-`, `PSu`, `Uu`, and `CT−` with a
    /// minus sign.
    fn from_str(s: &str) -> Result<Factuality, Error> {
        let invalid = || Error::InvalidValue {
            what: "factuality",
            value: s.to_owned(),
        };
        let (certainty, rest) = if let Some(rest) = s.strip_prefix("CT") {
            (Certainty::Certain, rest)
        } else if let Some(rest) = s.strip_prefix("PR") {
            (Certainty::Probable, rest)
        } else if let Some(rest) = s.strip_prefix("PS") {
            (Certainty::Possible, rest)
        } else if let Some(rest) = s.strip_prefix('U') {
            (Certainty::Underspecified, rest)
        } else {
            return Err(invalid());
        };
        let polarity = match rest {
            "+" => Polarity::Positive,
            "-" | "\u{2212}" => Polarity::Negative,
            "u" => Polarity::Underspecified,
            _ => return Err(invalid()),
        };
        Ok(Factuality {
            certainty,
            polarity,
        })
    }
}

impl Serialize for Factuality {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Factuality {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Factuality, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Whose voice a report is in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Voice {
    /// Attributed to its sources (possibly none known): depth 1 or more.
    #[default]
    Source,
    /// The document's own, unattributed voice: depth 0. Such a report has no
    /// sources and takes part in no relay.
    Document,
}

/// How a report relays another one.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum RelayKind {
    /// Plain derivation: reported speech in other words.
    #[default]
    Derivation,
    /// A verbatim quotation of the relayed report.
    Quotation,
    /// A direct pointer to the primary source, skipping intermediaries
    /// (PROV's `hadPrimarySource`). It is an ordinary relay for depths.
    PrimarySource,
}

/// An edge of a chain: the report holding it relays report `to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relay {
    /// The relayed report, one step closer to the primary source.
    pub to: ReportId,
    /// How it is relayed.
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: RelayKind,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// Where in a document's text a report's parts are written: byte spans of
/// the source mention, the cue and the content (each possibly discontinuous).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The source mention: "a South Korean lawmaker".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub source: Vec<Span>,
    /// The cue: "said".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cue: Vec<Span>,
    /// The content.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub content: Vec<Span>,
}

impl Evidence {
    /// Whether no span is recorded.
    pub fn is_empty(&self) -> bool {
        self.source.is_empty() && self.cue.is_empty() && self.content.is_empty()
    }

    /// Every span, in the order source, cue, content.
    pub fn spans(&self) -> impl Iterator<Item = Span> + '_ {
        self.source
            .iter()
            .chain(&self.cue)
            .chain(&self.content)
            .copied()
    }
}

/// One act of attribution: a source asserts, believes, estimates, denies ...
/// a claim, and may do so by relaying another report.
///
/// Build one with [`Report::by`] or [`Report::unattributed`] and the `with_*`
/// methods, then insert it with [`Graph::add_report`](crate::Graph::add_report),
/// which checks every id it mentions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// The speakers: usually one, several for a joint statement, none when the
    /// text does not say who.
    #[serde(default, skip_serializing_if = "Speakers::is_empty")]
    pub sources: Speakers,
    /// Attributed, or in the document's own voice.
    #[serde(default, skip_serializing_if = "is_default")]
    pub voice: Voice,
    /// What is reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<ClaimId>,
    /// The document this report appears in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentId>,
    /// The reports this one relays: one step down each chain.
    #[serde(default, skip_serializing_if = "Relays::is_empty")]
    pub relays: Relays,
    /// The cue words: "said", "according to", "briefing".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// Direct, indirect or mixed quotation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<Mode>,
    /// Assertion, belief, estimate, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attitude: Option<Attitude>,
    /// FactBank factuality the source assigns to the claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub factuality: Option<Factuality>,
    /// When the report was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<DateRange>,
    /// How: "briefing", "in a report", "in a statement".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// To whom: "reporters", "lawmakers".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<String>,
    /// Where in the document's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Box<Evidence>>,
    /// An optional external identifier, unique among the graph's reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

impl Report {
    /// A report by `source` of `claim`.
    pub fn by(source: SourceId, claim: ClaimId) -> Report {
        Report {
            sources: [source].into(),
            claim: Some(claim),
            ..Report::default()
        }
    }

    /// A report whose speaker the text does not give.
    pub fn anonymous(claim: ClaimId) -> Report {
        Report {
            claim: Some(claim),
            ..Report::default()
        }
    }

    /// A statement in `document`'s own voice: unattributed, depth 0.
    pub fn unattributed(document: DocumentId, claim: ClaimId) -> Report {
        Report {
            voice: Voice::Document,
            claim: Some(claim),
            document: Some(document),
            ..Report::default()
        }
    }

    /// Adds a speaker (for joint statements).
    #[must_use]
    pub fn with_source(mut self, source: SourceId) -> Report {
        self.sources.push(source);
        self
    }

    /// Sets the document.
    #[must_use]
    pub fn in_document(mut self, document: DocumentId) -> Report {
        self.document = Some(document);
        self
    }

    /// Relays `report` by plain derivation.
    #[must_use]
    pub fn relaying(self, report: ReportId) -> Report {
        self.relaying_as(report, RelayKind::Derivation)
    }

    /// Relays `report` in the given way.
    #[must_use]
    pub fn relaying_as(mut self, report: ReportId, kind: RelayKind) -> Report {
        self.relays.push(Relay { to: report, kind });
        self
    }

    /// Sets the cue.
    #[must_use]
    pub fn with_cue(mut self, cue: impl Into<String>) -> Report {
        self.cue = Some(cue.into());
        self
    }

    /// Sets the mode.
    #[must_use]
    pub fn with_mode(mut self, mode: Mode) -> Report {
        self.mode = Some(mode);
        self
    }

    /// Sets the attitude.
    #[must_use]
    pub fn with_attitude(mut self, attitude: Attitude) -> Report {
        self.attitude = Some(attitude);
        self
    }

    /// Sets the factuality.
    #[must_use]
    pub fn with_factuality(mut self, factuality: Factuality) -> Report {
        self.factuality = Some(factuality);
        self
    }

    /// Sets when the report was made.
    #[must_use]
    pub fn with_time(mut self, time: impl Into<DateRange>) -> Report {
        self.time = Some(time.into());
        self
    }

    /// Sets the channel.
    #[must_use]
    pub fn with_channel(mut self, channel: impl Into<String>) -> Report {
        self.channel = Some(channel.into());
        self
    }

    /// Sets the audience.
    #[must_use]
    pub fn with_audience(mut self, audience: impl Into<String>) -> Report {
        self.audience = Some(audience.into());
        self
    }

    /// Sets the evidence spans.
    #[must_use]
    pub fn with_evidence(mut self, evidence: Evidence) -> Report {
        self.evidence = Some(Box::new(evidence));
        self
    }

    /// Sets the external key.
    #[must_use]
    pub fn with_key(mut self, key: impl Into<String>) -> Report {
        self.key = Some(key.into());
        self
    }

    /// Whether the report relays nothing and is attributed: the start of a
    /// chain. A statement in a document's own voice is not primary: it has
    /// depth 0 and no chain.
    pub fn is_primary(&self) -> bool {
        self.voice == Voice::Source && self.relays.is_empty()
    }

    /// Whether the report is in its document's own voice.
    pub fn is_unattributed(&self) -> bool {
        self.voice == Voice::Document
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factuality_round_trips_factbank_notation() {
        for text in ["CT+", "CT-", "CTu", "PR+", "PR-", "PS+", "PS-", "Uu", "U+"] {
            assert_eq!(text.parse::<Factuality>().unwrap().to_string(), text);
        }
        assert_eq!(
            "CT\u{2212}".parse::<Factuality>().unwrap().to_string(),
            "CT-"
        );
        let err = "XX+".parse::<Factuality>().unwrap_err();
        assert_eq!(err.to_string(), "invalid factuality \"XX+\"");
    }
}
