//! Which format: the [`Format`] enum, its names, and detection from bytes.

use std::fmt;
use std::str::FromStr;

use crate::error::Error;
use crate::format::edges;

/// Every format this crate reads or writes.
///
/// | variant | name | a whole graph is read | a whole graph is written | module |
/// | --- | --- | --- | --- | --- |
/// | [`Json`](Format::Json) | `json` | yes | yes, losslessly | [`json`](super::json) |
/// | [`ProvJson`](Format::ProvJson) | `prov-json` | yes | yes, losslessly | [`prov_json`](super::prov_json) |
/// | [`ProvN`](Format::ProvN) | `prov-n` | no | yes | [`prov_n`](super::prov_n) |
/// | [`Edges`](Format::Edges) | `edges` | yes | yes: who relays whom | [`edges`](super::edges) |
/// | [`Brat`](Format::Brat) | `brat` | no: one document's annotations beside its text | no: one document at a time | [`brat`](super::brat) |
/// | [`Dot`](Format::Dot) | `dot` | no | yes, a picture | [`dot`](super::dot) |
/// | [`Mermaid`](Format::Mermaid) | `mermaid` | no | yes, a picture | [`mermaid`](super::mermaid) |
/// | [`Tree`](Format::Tree) | `tree` | no | yes, a listing | [`tree`](super::tree) |
///
/// [`Format::reads_graph`] and [`Format::writes_graph`] give the two middle
/// columns; [`Format::detect`] tells the formats that are read apart by
/// their first bytes, and [`read_any`](super::read_any) reads whichever it
/// finds. The names are what [`Display`](fmt::Display) writes and
/// [`FromStr`] parses.
///
/// ```
/// use according::format::Format;
///
/// let format: Format = "prov-json".parse()?;
/// assert_eq!(format, Format::ProvJson);
/// assert_eq!(format.to_string(), "prov-json");
/// assert!(format.reads_graph() && format.writes_graph());
/// assert!(!Format::Dot.reads_graph());
/// assert_eq!(Format::detect(br#"{"according": 1}"#), Some(Format::Json));
/// # Ok::<(), according::Error>(())
/// ```
///
/// The enum is `#[non_exhaustive]`: formats may be added in minor releases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Format {
    /// The native JSON format: every detail of a graph, versioned.
    Json,
    /// W3C PROV-JSON.
    ProvJson,
    /// W3C PROV-N, the PROV notation for people (written only).
    ProvN,
    /// The tab-separated edge list of (report, speaker, cited report) rows.
    Edges,
    /// brat standoff annotation of one document (PolNeAR layout).
    Brat,
    /// A Graphviz DOT picture (written only).
    Dot,
    /// A Mermaid flowchart (written only).
    Mermaid,
    /// An indented listing of the chains of each document (written only).
    Tree,
}

impl Format {
    /// Every format, in the order of the table above.
    pub const ALL: &'static [Format] = &[
        Format::Json,
        Format::ProvJson,
        Format::ProvN,
        Format::Edges,
        Format::Brat,
        Format::Dot,
        Format::Mermaid,
        Format::Tree,
    ];

    /// The format's name: `json`, `prov-json`, `prov-n`, `edges`, `brat`,
    /// `dot`, `mermaid` or `tree`.
    ///
    /// # Complexity
    ///
    /// **O(1)**.
    pub const fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::ProvJson => "prov-json",
            Format::ProvN => "prov-n",
            Format::Edges => "edges",
            Format::Brat => "brat",
            Format::Dot => "dot",
            Format::Mermaid => "mermaid",
            Format::Tree => "tree",
        }
    }

    /// Whether a whole graph is read from one input in this format, as
    /// [`read_any`](super::read_any) does: native JSON, PROV-JSON and the
    /// edge list.
    ///
    /// # Complexity
    ///
    /// **O(1)**.
    pub const fn reads_graph(self) -> bool {
        matches!(self, Format::Json | Format::ProvJson | Format::Edges)
    }

    /// Whether a whole graph is written to one output in this format: every
    /// format but brat, whose files each annotate one document.
    ///
    /// # Complexity
    ///
    /// **O(1)**.
    pub const fn writes_graph(self) -> bool {
        !matches!(self, Format::Brat)
    }

    /// The format of a graph file from its first bytes, or `None` when it
    /// is none of the formats that [`reads_graph`](Format::reads_graph).
    ///
    /// - [`Edges`](Format::Edges) when the input starts with the edge list's
    ///   header ([`edges::HEADER`]);
    /// - [`Json`](Format::Json) when it is a JSON object (after JSON
    ///   whitespace) whose first member is one the native format has
    ///   (`"according"`, the schema version, comes first in every file this
    ///   crate writes);
    /// - [`ProvJson`](Format::ProvJson) for any other JSON object, including
    ///   an empty one (an empty PROV document) and one that is cut short or
    ///   malformed after its first member: the PROV-JSON reader then says
    ///   where;
    /// - `None` for anything else: empty input, only whitespace, a JSON
    ///   value that is not an object, text. A byte order mark is not skipped,
    ///   since no reader accepts one.
    ///
    /// Only the start of the input is looked at: the edge list's header, or
    /// up to the end of the first key of a JSON object. Detection does not
    /// validate the rest; reading does.
    ///
    /// # Complexity
    ///
    /// **O(length of the leading whitespace and first key)**.
    ///
    /// # Example
    ///
    /// ```
    /// use according::format::Format;
    ///
    /// assert_eq!(Format::detect(b"report_id\tspeaker_id\tcited_report_id\n"), Some(Format::Edges));
    /// assert_eq!(Format::detect(b"\n  {\"according\": 1, \"reports\": {}}"), Some(Format::Json));
    /// assert_eq!(Format::detect(br#"{"prefix": {}, "entity": {}}"#), Some(Format::ProvJson));
    /// assert_eq!(Format::detect(b"{}"), Some(Format::ProvJson));
    /// assert_eq!(Format::detect(b""), None);
    /// assert_eq!(Format::detect(b"digraph according {}"), None);
    /// ```
    pub fn detect(bytes: &[u8]) -> Option<Format> {
        if bytes.starts_with(edges::HEADER.as_bytes()) {
            return Some(Format::Edges);
        }
        let object = skip_json_whitespace(bytes).strip_prefix(b"{")?;
        match first_key(object).as_deref() {
            Some(key) if NATIVE_MEMBERS.contains(&key) => Some(Format::Json),
            _ => Some(Format::ProvJson),
        }
    }

    /// Whether [`detect`](Format::detect) on `head` followed by more bytes
    /// gives the same answer whatever those bytes are, so a reader of a
    /// stream can stop looking.
    pub(crate) fn is_decided(head: &[u8]) -> bool {
        let header = edges::HEADER.as_bytes();
        if head.len() < header.len() && header.starts_with(head) {
            return false;
        }
        if head.starts_with(header) {
            return true;
        }
        let rest = skip_json_whitespace(head);
        let Some(object) = rest.strip_prefix(b"{") else {
            // Only whitespace so far may still become an object.
            return !rest.is_empty();
        };
        let key = skip_json_whitespace(object);
        if key.is_empty() {
            return false;
        }
        let mut stream = serde_json::Deserializer::from_slice(key).into_iter::<String>();
        !matches!(stream.next(), Some(Err(e)) if e.is_eof())
    }
}

/// The top-level members of the native format, any of which can come first
/// (JSON objects are unordered).
const NATIVE_MEMBERS: &[&str] = &[
    "according",
    "sources",
    "merged_sources",
    "claims",
    "merged_claims",
    "documents",
    "reports",
    "equivalences",
];

/// `bytes` after the JSON whitespace it starts with (space, tab, line feed,
/// carriage return).
fn skip_json_whitespace(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        .unwrap_or(bytes.len());
    &bytes[start..]
}

/// The first key of a JSON object whose opening brace has been read, read
/// without parsing the rest; `None` when the object does not start with a
/// complete string.
fn first_key(object: &[u8]) -> Option<String> {
    let key = skip_json_whitespace(object);
    let mut stream = serde_json::Deserializer::from_slice(key).into_iter::<String>();
    stream.next()?.ok()
}

impl fmt::Display for Format {
    /// Writes the format's [name](Format::name).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = Error;

    /// Parses a format's [name](Format::name), exactly (lowercase).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidValue`] with `what` `"format"` for any other text.
    fn from_str(name: &str) -> Result<Format, Error> {
        Format::ALL
            .iter()
            .copied()
            .find(|format| format.name() == name)
            .ok_or_else(|| Error::InvalidValue {
                what: "format",
                value: name.to_owned(),
            })
    }
}
