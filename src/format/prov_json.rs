//! W3C PROV-JSON: the attribution graph as PROV entities, agents and
//! relations, readable by any PROV tool.
//!
//! # Mapping
//!
//! | graph | PROV |
//! |---|---|
//! | [`Report`] | an entity |
//! | [`Source`] | an agent, `prov:type` `prov:Person`, `prov:Organization`, `acc:Group`, `acc:Document`, `acc:Publisher` or `acc:Unnamed`; the name is its `prov:label` |
//! | a report's sources | one `wasAttributedTo` per (report, source), in order |
//! | [`Relay`](crate::Relay) | `wasDerivedFrom`, with `prov:type` `prov:Quotation` ([`RelayKind::Quotation`]) or `prov:PrimarySource` ([`RelayKind::PrimarySource`]), none for a plain derivation |
//! | a source's affiliation | `actedOnBehalfOf` (delegate: the spokesperson) |
//! | a report's time | `wasGeneratedBy` with `prov:time` when it is a single day, and `acc:time` always |
//! | [`Document`] | a bundle, see below |
//! | [`Claim`] | an entity typed `acc:Claim` in the bundle `acc:claims`; declared equivalences are `alternateOf` there |
//!
//! The crate's own namespace is `acc` = [`NAMESPACE`]
//! (`https://according.rs/ns#`). Everything PROV has no term for is written
//! as an `acc:` attribute: on reports `acc:claim`, `acc:document`, `acc:cue`,
//! `acc:mode`, `acc:attitude`, `acc:factuality` (FactBank notation),
//! `acc:time` (`2025-11-04` or `2025-10-01/2025-10-31`), `acc:channel`,
//! `acc:audience`, `acc:voice` (`document` for a statement in the document's
//! own voice), `acc:sourceSpan`, `acc:cueSpan`, `acc:contentSpan` (byte
//! ranges such as `120-131`); on agents `acc:descriptor`, `acc:alias`,
//! `acc:mention` (a small JSON object as a string), `acc:reliability`
//! (Admiralty grade); on claims `acc:content`; on document entities
//! `acc:title`, `acc:date`, `acc:text`. Merged sources and claims keep their
//! record with `acc:mergedInto`. So [`write()`] then [`read`] gives back an
//! equal [`Graph`].
//!
//! **Identifiers.** An item whose key is a qualified name (`r:123`,
//! `ag:s0`, prefix not `prov`, `xsd` or `acc`) is written under its key, and
//! the prefix is declared (with the IRI given in [`WriteOptions`], or a
//! made-up one under [`NAMESPACE`]). Other items are written as `acc:r12`,
//! `acc:s3`, `acc:c0`, `acc:d1` after their id, with the key, if any, in
//! `acc:key`. Reading gives every item the key it was written under, except
//! these `acc:` ids: so the ids of a foreign file (`r:123`) survive as keys.
//!
//! **Time.** PROV times are instants, our report times are days or ranges of
//! days. A single day is also written as `wasGeneratedBy` at the start of the
//! day (`2025-11-04T00:00:00`) so that PROV tools see it; a range is not
//! (any instant would claim more than the text says) and lives in `acc:time`
//! only. Reading a foreign `wasGeneratedBy` takes the day of its `prov:time`.
//!
//! **Why documents are bundles.** A document is the account its publisher
//! gives of who said what, which is exactly what a PROV bundle is (provenance
//! of provenance). Writing documents as entities would make every PROV
//! consumer that treats entities as reports, such as the usual "every entity
//! is a report" reading, count articles as reports and change every depth.
//! So each document is a bundle named after it, which holds one entity with
//! the same name (typed `prov:Bundle`, carrying title, date and text) and the
//! `wasAttributedTo` of that entity to its publisher. The reports themselves
//! stay at the top level with an `acc:document` reference, so tools that
//! ignore bundles still see every chain. Claims are kept in the bundle
//! `acc:claims` for the same reason.
//!
//! # Reading foreign documents
//!
//! [`read`] also takes PROV-JSON written by other tools (Python `prov`,
//! ProvToolbox). Every entity is a report, and so is every entity named in a
//! `wasDerivedFrom` though never declared; `wasAttributedTo` gives report
//! sources (agents become sources: kind from `prov:type`, name from
//! `prov:label`, else the agent's id); `wasDerivedFrom` gives relays (kind
//! from `prov:type`; parallel derivations are kept as given, and the queries
//! count them once); `actedOnBehalfOf` gives
//! affiliations; records inside bundles are read too, and a bundle becomes a
//! document holding the reports declared in it. Typed values
//! (`{"$": "prov:Person", "type": "xsd:QName"}`, also
//! `"prov:QUALIFIED_NAME"`), language-tagged strings, plain JSON numbers and
//! strings and arrays of values are accepted. What cannot be mapped — a
//! derivation of a report from itself, a relation naming an entity that is
//! not a report, an unknown relation, attribute or type — is listed in
//! [`ProvImport::skipped`], never dropped silently; repeated causes are
//! listed once with a count.
//!
//! PROV-N is written by [`prov_n`](super::prov_n) but not read.
//!
//! # Performance
//!
//! The reader deserializes into borrowed records (strings are borrowed from
//! the input unless they contain escapes) and never builds a generic JSON
//! tree of the whole file; the graph is built in a second pass.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::fmt;
use std::io::Write;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::error::{Error, Result};
use crate::format::limits::{Limits, MAX_JSON_NESTING};
use crate::graph::{Graph, Slot};
use crate::model::{
    Attitude, Claim, ClaimId, DateRange, Document, DocumentId, Evidence, Factuality, Mention, Mode,
    RelayKind, Reliability, Report, ReportId, Source, SourceId, SourceKind, Span, Voice,
    date_serde,
};

/// Hash maps keyed by ids read from files: foldhash is several times faster
/// than the standard SipHash on short keys and is seeded per map.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// The IRI of the crate's own namespace, declared with the prefix [`PREFIX`].
pub const NAMESPACE: &str = "https://according.rs/ns#";

/// The prefix [`write()`] declares for [`NAMESPACE`]. [`read`] recognises the
/// namespace by its IRI, whatever the prefix.
pub const PREFIX: &str = "acc";

const FORMAT: &str = "prov-json";
const CLAIMS_BUNDLE: &str = "claims";

/// Options for [`write_with`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct WriteOptions {
    /// IRIs for the prefixes of keys written as qualified names, such as
    /// `("r", "http://example.org/report/")`; [`ProvImport::prefixes`] gives
    /// those of a file read. A key prefix not listed here is declared as
    /// `https://according.rs/ns/prefix/<prefix>#`.
    pub prefixes: Vec<(String, String)>,
}

impl WriteOptions {
    /// Options that declare the given prefixes.
    pub fn with_prefixes(prefixes: Vec<(String, String)>) -> WriteOptions {
        WriteOptions { prefixes }
    }
}

/// What [`read`] found: the graph, and everything that could not be mapped.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ProvImport {
    /// The attribution graph.
    pub graph: Graph,
    /// Records (or parts of records) that were not mapped, in the order met.
    pub skipped: Vec<Skipped>,
    /// The namespace prefixes declared in the file (top level and bundles),
    /// in order, so that a re-export can declare the same IRIs.
    pub prefixes: Vec<(String, String)>,
}

/// A record, or part of one, that [`read`] did not map onto the graph.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Skipped {
    /// The record's id as written (`_:id33`, `r:5`), or the id of the first
    /// such record when `reason` counts several.
    pub record: String,
    /// The kind of record: `"entity"`, `"agent"`, `"wasDerivedFrom"`, ...
    pub relation: String,
    /// Why it was not mapped.
    pub reason: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {:?}: {}", self.relation, self.record, self.reason)
    }
}

// ===========================================================================
// Writing
// ===========================================================================

/// Writes `graph` as PROV-JSON, see the [module docs](self) for the mapping.
///
/// # Errors
///
/// [`Error::Io`] when writing fails.
///
/// # Complexity
///
/// **O(size of the graph)**.
pub fn write(graph: &Graph, out: &mut (impl Write + ?Sized)) -> Result<()> {
    write_with(graph, &WriteOptions::default(), out)
}

/// [`write()`] with options (the IRIs of key prefixes).
///
/// # Errors
///
/// [`Error::Io`] when writing fails.
///
/// # Complexity
///
/// **O(size of the graph)**.
pub fn write_with(
    graph: &Graph,
    options: &WriteOptions,
    out: &mut (impl Write + ?Sized),
) -> Result<()> {
    let mut sink = JsonOut::new(out);
    emit(graph, options, &mut sink)
}

/// An attribute value as the writers see it.
pub(crate) enum Val<'a> {
    /// A string.
    Str(Cow<'a, str>),
    /// A qualified name (a reference or a type).
    QName(Cow<'a, str>),
}

/// The attributes of one record, in order; a name may repeat.
pub(crate) type AttrList<'a> = Vec<(&'static str, Val<'a>)>;

/// A positional argument of a relation.
pub(crate) enum Arg<'a> {
    /// An identifier.
    Id(&'a str),
    /// An `xsd:dateTime`.
    Time(&'a str),
    /// PROV-N's `-`: the argument is absent.
    Marker,
}

/// What the PROV writers (PROV-JSON, PROV-N) receive from [`emit`].
pub(crate) trait Sink {
    /// The namespace declarations, first.
    fn prefixes(&mut self, prefixes: &[(String, String)]) -> Result<()>;
    /// An element: `"agent"` or `"entity"`.
    fn element(&mut self, kind: &'static str, id: &str, attrs: &AttrList<'_>) -> Result<()>;
    /// A relation with its record id (a blank node id), named arguments in
    /// PROV-N order, and attributes.
    fn relation(
        &mut self,
        kind: &'static str,
        id: &str,
        args: &[(&'static str, Arg<'_>)],
        attrs: &AttrList<'_>,
    ) -> Result<()>;
    /// Opens a bundle; records until [`Sink::end_bundle`] are inside it.
    fn begin_bundle(&mut self, id: &str) -> Result<()>;
    /// Closes the bundle.
    fn end_bundle(&mut self) -> Result<()>;
    /// Ends the document.
    fn finish(&mut self) -> Result<()>;
}

fn push_str<'a>(attrs: &mut AttrList<'a>, name: &'static str, value: Option<&'a str>) {
    if let Some(value) = value {
        attrs.push((name, Val::Str(Cow::Borrowed(value))));
    }
}

fn push_all<'a>(attrs: &mut AttrList<'a>, name: &'static str, values: &'a [String]) {
    for value in values {
        attrs.push((name, Val::Str(Cow::Borrowed(value))));
    }
}

fn push_spans(attrs: &mut AttrList<'_>, name: &'static str, spans: &[Span]) {
    for span in spans {
        let text = format!("{}-{}", span.start(), span.end());
        attrs.push((name, Val::Str(Cow::Owned(text))));
    }
}

/// Walks the graph in the order of the mapping (see the module docs) and
/// hands every PROV record to `sink`.
pub(crate) fn emit(graph: &Graph, options: &WriteOptions, sink: &mut impl Sink) -> Result<()> {
    let names = Names::new(graph, options);
    sink.prefixes(&names.prefixes)?;

    // Agents: every source slot, merged ones included, in id order.
    for (index, slot) in graph.source_slots().iter().enumerate() {
        let (source, merged_into) = match slot {
            Slot::Live(source) => (source, None),
            Slot::Merged { into, original } => (original, Some(*into)),
        };
        let mut attrs = vec![
            (
                "prov:type",
                Val::QName(Cow::Borrowed(kind_type(source.kind))),
            ),
            ("prov:label", Val::Str(Cow::Borrowed(&source.name))),
        ];
        if names.source_key_attr[index] {
            push_str(&mut attrs, "acc:key", source.key.as_deref());
        }
        push_all(&mut attrs, "acc:descriptor", &source.descriptors);
        push_all(&mut attrs, "acc:alias", &source.aliases);
        for mention in &source.mentions {
            attrs.push((
                "acc:mention",
                Val::Str(Cow::Owned(mention_text(mention, &names))),
            ));
        }
        if let Some(grade) = source.reliability {
            attrs.push(("acc:reliability", Val::Str(Cow::Owned(grade.to_string()))));
        }
        if let Some(into) = merged_into {
            attrs.push((
                "acc:mergedInto",
                Val::QName(Cow::Borrowed(names.source(into))),
            ));
            if let Some(principal) = source.affiliation {
                attrs.push((
                    "acc:affiliation",
                    Val::QName(Cow::Borrowed(names.source(principal))),
                ));
            }
        }
        sink.element("agent", &names.sources[index], &attrs)?;
    }

    // Entities: the reports, in id order.
    for (report_id, report) in graph.reports() {
        let mut attrs = AttrList::new();
        if names.report_key_attr[report_id.index()] {
            push_str(&mut attrs, "acc:key", report.key.as_deref());
        }
        if report.voice == Voice::Document {
            attrs.push(("acc:voice", Val::Str(Cow::Borrowed("document"))));
        }
        if let Some(claim) = report.claim {
            attrs.push(("acc:claim", Val::QName(Cow::Borrowed(names.claim(claim)))));
        }
        if let Some(document) = report.document {
            attrs.push((
                "acc:document",
                Val::QName(Cow::Borrowed(names.document(document))),
            ));
        }
        push_str(&mut attrs, "acc:cue", report.cue.as_deref());
        if let Some(mode) = report.mode {
            attrs.push(("acc:mode", Val::Str(Cow::Borrowed(mode_name(mode)))));
        }
        if let Some(attitude) = report.attitude {
            attrs.push((
                "acc:attitude",
                Val::Str(Cow::Borrowed(attitude_name(attitude))),
            ));
        }
        if let Some(factuality) = report.factuality {
            attrs.push((
                "acc:factuality",
                Val::Str(Cow::Owned(factuality.to_string())),
            ));
        }
        if let Some(time) = report.time {
            attrs.push(("acc:time", Val::Str(Cow::Owned(time.to_string()))));
        }
        push_str(&mut attrs, "acc:channel", report.channel.as_deref());
        push_str(&mut attrs, "acc:audience", report.audience.as_deref());
        if let Some(evidence) = &report.evidence {
            if evidence.is_empty() {
                // Keeps "evidence recorded, no span" apart from "no evidence".
                attrs.push(("acc:evidence", Val::Str(Cow::Borrowed("none"))));
            }
            push_spans(&mut attrs, "acc:sourceSpan", &evidence.source);
            push_spans(&mut attrs, "acc:cueSpan", &evidence.cue);
            push_spans(&mut attrs, "acc:contentSpan", &evidence.content);
        }
        sink.element("entity", &names.reports[report_id.index()], &attrs)?;
    }

    let none = AttrList::new();
    let mut n = 0usize;
    for (report_id, report) in graph.reports() {
        for &source in &report.sources {
            n += 1;
            let args = [
                ("prov:entity", Arg::Id(&names.reports[report_id.index()])),
                ("prov:agent", Arg::Id(names.source(source))),
            ];
            sink.relation("wasAttributedTo", &format!("_:a{n}"), &args, &none)?;
        }
    }

    let mut n = 0usize;
    for (report_id, report) in graph.reports() {
        for relay in &report.relays {
            n += 1;
            let args = [
                (
                    "prov:generatedEntity",
                    Arg::Id(&names.reports[report_id.index()]),
                ),
                ("prov:usedEntity", Arg::Id(names.report(relay.to))),
            ];
            let attrs = match relay.kind {
                RelayKind::Derivation => AttrList::new(),
                RelayKind::Quotation => {
                    vec![("prov:type", Val::QName(Cow::Borrowed("prov:Quotation")))]
                }
                RelayKind::PrimarySource => {
                    vec![("prov:type", Val::QName(Cow::Borrowed("prov:PrimarySource")))]
                }
            };
            sink.relation("wasDerivedFrom", &format!("_:d{n}"), &args, &attrs)?;
        }
    }

    let mut n = 0usize;
    for (source_id, source) in graph.sources() {
        if let Some(principal) = source.affiliation {
            n += 1;
            let args = [
                ("prov:delegate", Arg::Id(names.source(source_id))),
                ("prov:responsible", Arg::Id(names.source(principal))),
            ];
            sink.relation("actedOnBehalfOf", &format!("_:b{n}"), &args, &none)?;
        }
    }

    let mut n = 0usize;
    for (report_id, report) in graph.reports() {
        if let Some(time) = report.time.filter(|t| t.is_day()) {
            n += 1;
            let instant = format!("{}T00:00:00", date_serde::format(time.start()));
            let args = [
                ("prov:entity", Arg::Id(&names.reports[report_id.index()])),
                ("prov:activity", Arg::Marker),
                ("prov:time", Arg::Time(&instant)),
            ];
            sink.relation("wasGeneratedBy", &format!("_:g{n}"), &args, &none)?;
        }
    }

    if graph.claim_bound() > 0 {
        sink.begin_bundle(&format!("{PREFIX}:{CLAIMS_BUNDLE}"))?;
        for (index, slot) in graph.claim_slots().iter().enumerate() {
            let (claim, merged_into) = match slot {
                Slot::Live(claim) => (claim, None),
                Slot::Merged { into, original } => (original, Some(*into)),
            };
            let mut attrs = vec![
                ("prov:type", Val::QName(Cow::Borrowed("acc:Claim"))),
                ("acc:content", Val::Str(Cow::Borrowed(&claim.content))),
            ];
            if names.claim_key_attr[index] {
                push_str(&mut attrs, "acc:key", claim.key.as_deref());
            }
            if let Some(into) = merged_into {
                attrs.push((
                    "acc:mergedInto",
                    Val::QName(Cow::Borrowed(names.claim(into))),
                ));
            }
            sink.element("entity", &names.claims[index], &attrs)?;
        }
        for (n, &(a, b)) in graph.equivalences().iter().enumerate() {
            let args = [
                ("prov:alternate1", Arg::Id(names.claim(a))),
                ("prov:alternate2", Arg::Id(names.claim(b))),
            ];
            sink.relation("alternateOf", &format!("_:e{}", n + 1), &args, &none)?;
        }
        sink.end_bundle()?;
    }
    for (document_id, document) in graph.documents() {
        let name = &names.documents[document_id.index()];
        sink.begin_bundle(name)?;
        let mut attrs = vec![("prov:type", Val::QName(Cow::Borrowed("prov:Bundle")))];
        if names.document_key_attr[document_id.index()] {
            push_str(&mut attrs, "acc:key", document.key.as_deref());
        }
        push_str(&mut attrs, "acc:title", document.title.as_deref());
        if let Some(date) = document.date {
            attrs.push(("acc:date", Val::Str(Cow::Owned(date_serde::format(date)))));
        }
        push_str(&mut attrs, "acc:text", document.text.as_deref());
        sink.element("entity", name, &attrs)?;
        if let Some(publisher) = document.publisher {
            let args = [
                ("prov:entity", Arg::Id(name)),
                ("prov:agent", Arg::Id(names.source(publisher))),
            ];
            sink.relation("wasAttributedTo", "_:p1", &args, &none)?;
        }
        sink.end_bundle()?;
    }
    sink.finish()
}

/// The PROV-JSON text of `graph`, see [`write()`].
///
/// # Complexity
///
/// **O(size of the graph)**.
pub fn to_string(graph: &Graph) -> String {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail, and the writer emits only UTF-8.
    let _ = write(graph, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// The names every item is written under.
struct Names {
    prefixes: Vec<(String, String)>,
    sources: Vec<String>,
    claims: Vec<String>,
    reports: Vec<String>,
    documents: Vec<String>,
    /// Whether the item's key must go to `acc:key` (it is not its name).
    source_key_attr: Vec<bool>,
    claim_key_attr: Vec<bool>,
    report_key_attr: Vec<bool>,
    document_key_attr: Vec<bool>,
}

impl Names {
    fn new(graph: &Graph, options: &WriteOptions) -> Names {
        let mut used_prefixes: Vec<String> = Vec::new();
        let mut name = |key: Option<&str>, letter: char, index: usize| -> (String, bool) {
            match key {
                Some(key) if is_writable_qname(key) => {
                    // `is_writable_qname` guarantees the colon.
                    let prefix = key.split_once(':').map_or(key, |(p, _)| p);
                    if !used_prefixes.iter().any(|p| p == prefix) {
                        used_prefixes.push(prefix.to_owned());
                    }
                    (key.to_owned(), false)
                }
                key => (format!("{PREFIX}:{letter}{index}"), key.is_some()),
            }
        };
        let (sources, source_key_attr): (Vec<_>, Vec<_>) = graph
            .source_slots()
            .iter()
            .enumerate()
            .map(|(i, slot)| {
                let source = match slot {
                    Slot::Live(s) | Slot::Merged { original: s, .. } => s,
                };
                name(source.key.as_deref(), 's', i)
            })
            .unzip();
        let (claims, claim_key_attr): (Vec<_>, Vec<_>) = graph
            .claim_slots()
            .iter()
            .enumerate()
            .map(|(i, slot)| {
                let claim = match slot {
                    Slot::Live(c) | Slot::Merged { original: c, .. } => c,
                };
                name(claim.key.as_deref(), 'c', i)
            })
            .unzip();
        let (reports, report_key_attr): (Vec<_>, Vec<_>) = graph
            .reports()
            .map(|(id, r)| name(r.key.as_deref(), 'r', id.index()))
            .unzip();
        let (documents, document_key_attr): (Vec<_>, Vec<_>) = graph
            .documents()
            .map(|(id, d)| name(d.key.as_deref(), 'd', id.index()))
            .unzip();
        let mut prefixes = vec![(PREFIX.to_owned(), NAMESPACE.to_owned())];
        for prefix in used_prefixes {
            let iri = options
                .prefixes
                .iter()
                .find(|(p, _)| *p == prefix)
                .map_or_else(
                    || format!("https://according.rs/ns/prefix/{prefix}#"),
                    |(_, iri)| iri.clone(),
                );
            prefixes.push((prefix, iri));
        }
        Names {
            prefixes,
            sources,
            claims,
            reports,
            documents,
            source_key_attr,
            claim_key_attr,
            report_key_attr,
            document_key_attr,
        }
    }

    // The graph guarantees that every id it stores names a slot, so these
    // lookups index within bounds.
    fn source(&self, id: SourceId) -> &str {
        &self.sources[id.index()]
    }
    fn claim(&self, id: ClaimId) -> &str {
        &self.claims[id.index()]
    }
    fn report(&self, id: ReportId) -> &str {
        &self.reports[id.index()]
    }
    fn document(&self, id: DocumentId) -> &str {
        &self.documents[id.index()]
    }
}

/// Whether `key` can be written as a PROV qualified name under its own
/// prefix: `prefix:local`, the prefix an NCName that is not reserved, the
/// local part made of characters that need no escaping in PROV-N either.
pub(crate) fn is_writable_qname(key: &str) -> bool {
    let Some((prefix, local)) = key.split_once(':') else {
        return false;
    };
    let mut prefix_chars = prefix.chars();
    let prefix_ok = prefix_chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && prefix_chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && !matches!(prefix, "prov" | "xsd" | "xml" | "xmlns" | PREFIX);
    let local_ok = local
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':' | '/'))
        && !local.ends_with('.');
    prefix_ok && local_ok
}

pub(crate) fn kind_type(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Person => "prov:Person",
        SourceKind::Organization => "prov:Organization",
        SourceKind::Group => "acc:Group",
        SourceKind::Document => "acc:Document",
        SourceKind::Publisher => "acc:Publisher",
        SourceKind::Unnamed => "acc:Unnamed",
    }
}

pub(crate) fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Direct => "direct",
        Mode::Indirect => "indirect",
        Mode::Mixed => "mixed",
    }
}

fn parse_mode(text: &str) -> Option<Mode> {
    Some(match text {
        "direct" => Mode::Direct,
        "indirect" => Mode::Indirect,
        "mixed" => Mode::Mixed,
        _ => return None,
    })
}

pub(crate) fn attitude_name(attitude: Attitude) -> &'static str {
    match attitude {
        Attitude::Assertion => "assertion",
        Attitude::Belief => "belief",
        Attitude::Estimate => "estimate",
        Attitude::Denial => "denial",
        Attitude::Suggestion => "suggestion",
        Attitude::Question => "question",
        Attitude::Intention => "intention",
    }
}

fn parse_attitude(text: &str) -> Option<Attitude> {
    Some(match text {
        "assertion" => Attitude::Assertion,
        "belief" => Attitude::Belief,
        "estimate" => Attitude::Estimate,
        "denial" => Attitude::Denial,
        "suggestion" => Attitude::Suggestion,
        "question" => Attitude::Question,
        "intention" => Attitude::Intention,
        _ => return None,
    })
}

fn parse_span(text: &str) -> Option<Span> {
    let (start, end) = text.split_once('-')?;
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !digits(start) || !digits(end) {
        return None;
    }
    Span::new(start.parse().ok()?, end.parse().ok()?).ok()
}

/// A mention as written in `acc:mention`: a JSON object in a string.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MentionText<'a> {
    #[serde(borrow)]
    text: Cow<'a, str>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    document: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    span: Option<(usize, usize)>,
}

fn mention_text(mention: &Mention, names: &Names) -> String {
    let value = MentionText {
        text: Cow::Borrowed(&mention.text),
        document: mention.document.map(|d| Cow::Borrowed(names.document(d))),
        span: mention.span.map(|s| (s.start(), s.end())),
    };
    serde_json::to_string(&value).unwrap_or_default()
}

/// The PROV-JSON writer: one record per line, sections opened as records of
/// a new kind arrive (the emitter sends each kind's records together).
struct JsonOut<'w, W: Write + ?Sized> {
    out: &'w mut W,
    /// The open section at the top level and, inside a bundle, in the bundle.
    section: Option<&'static str>,
    /// Whether the top level (and the open bundle) already has a member.
    top_has_member: bool,
    in_bundle: Option<(bool, Option<&'static str>)>,
    bundles_open: bool,
}

impl<'w, W: Write + ?Sized> JsonOut<'w, W> {
    fn new(out: &'w mut W) -> Self {
        JsonOut {
            out,
            section: None,
            top_has_member: false,
            in_bundle: None,
            bundles_open: false,
        }
    }

    fn raw(&mut self, text: &str) -> Result<()> {
        self.out.write_all(text.as_bytes())?;
        Ok(())
    }

    fn string(&mut self, text: &str) -> Result<()> {
        write_json_string(self.out, text)?;
        Ok(())
    }

    /// Makes `kind` the open section of the current level.
    fn enter(&mut self, kind: &'static str) -> Result<()> {
        let (has_member, section) = match &mut self.in_bundle {
            Some((has_member, section)) => (has_member, section),
            None => (&mut self.top_has_member, &mut self.section),
        };
        if *section == Some(kind) {
            self.out.write_all(b",\n  ")?;
            return Ok(());
        }
        let mut text = String::new();
        if section.is_some() {
            text.push_str("\n}");
        }
        text.push_str(if *has_member { ",\n" } else { "\n" });
        *has_member = true;
        *section = Some(kind);
        self.raw(&text)?;
        self.string(kind)?;
        self.raw(": {\n  ")
    }

    /// Closes the open section of the current level, if any.
    fn leave(&mut self) -> Result<()> {
        let section = match &mut self.in_bundle {
            Some((_, section)) => section,
            None => &mut self.section,
        };
        if section.take().is_some() {
            self.raw("\n}")?;
        }
        Ok(())
    }

    fn attrs(&mut self, mut first: bool, attrs: &AttrList<'_>) -> Result<()> {
        // Repeated names become one member with an array of values.
        let mut i = 0;
        while i < attrs.len() {
            let name = attrs[i].0;
            let mut j = i + 1;
            while j < attrs.len() && attrs[j].0 == name {
                j += 1;
            }
            self.raw(if first { "" } else { ", " })?;
            first = false;
            self.string(name)?;
            self.raw(": ")?;
            // Invariant: i < j <= attrs.len().
            let values = &attrs[i..j];
            if values.len() > 1 {
                self.raw("[")?;
            }
            for (k, (_, value)) in values.iter().enumerate() {
                if k > 0 {
                    self.raw(", ")?;
                }
                match value {
                    Val::Str(text) => self.string(text)?,
                    Val::QName(text) => {
                        self.raw("{\"$\": ")?;
                        self.string(text)?;
                        self.raw(", \"type\": \"xsd:QName\"}")?;
                    }
                }
            }
            if values.len() > 1 {
                self.raw("]")?;
            }
            i = j;
        }
        Ok(())
    }
}

impl<W: Write + ?Sized> Sink for JsonOut<'_, W> {
    fn prefixes(&mut self, prefixes: &[(String, String)]) -> Result<()> {
        self.raw("{")?;
        self.enter("prefix")?;
        for (i, (prefix, iri)) in prefixes.iter().enumerate() {
            if i > 0 {
                self.raw(",\n  ")?;
            }
            self.string(prefix)?;
            self.raw(": ")?;
            self.string(iri)?;
        }
        self.leave()
    }

    fn element(&mut self, kind: &'static str, id: &str, attrs: &AttrList<'_>) -> Result<()> {
        self.enter(kind)?;
        self.string(id)?;
        self.raw(": {")?;
        self.attrs(true, attrs)?;
        self.raw("}")
    }

    fn relation(
        &mut self,
        kind: &'static str,
        id: &str,
        args: &[(&'static str, Arg<'_>)],
        attrs: &AttrList<'_>,
    ) -> Result<()> {
        self.enter(kind)?;
        self.string(id)?;
        self.raw(": {")?;
        let mut first = true;
        for (name, arg) in args {
            match arg {
                Arg::Marker => continue,
                Arg::Id(value) => {
                    self.raw(if first { "" } else { ", " })?;
                    self.string(name)?;
                    self.raw(": ")?;
                    self.string(value)?;
                }
                Arg::Time(value) => {
                    self.raw(if first { "" } else { ", " })?;
                    self.string(name)?;
                    self.raw(": {\"$\": ")?;
                    self.string(value)?;
                    self.raw(", \"type\": \"xsd:dateTime\"}")?;
                }
            }
            first = false;
        }
        self.attrs(first, attrs)?;
        self.raw("}")
    }

    fn begin_bundle(&mut self, id: &str) -> Result<()> {
        if self.bundles_open {
            self.raw(",\n  ")?;
        } else {
            self.leave()?;
            self.raw(if self.top_has_member { ",\n" } else { "\n" })?;
            self.top_has_member = true;
            self.raw("\"bundle\": {\n  ")?;
            self.bundles_open = true;
        }
        self.string(id)?;
        self.raw(": {")?;
        self.in_bundle = Some((false, None));
        Ok(())
    }

    fn end_bundle(&mut self) -> Result<()> {
        self.leave()?;
        self.in_bundle = None;
        self.raw("\n}")
    }

    fn finish(&mut self) -> Result<()> {
        if self.bundles_open {
            self.raw("\n}")?;
        } else {
            self.leave()?;
        }
        self.raw("\n}\n")
    }
}

/// Writes `text` as a JSON string literal.
pub(crate) fn write_json_string(
    out: &mut (impl Write + ?Sized),
    text: &str,
) -> std::io::Result<()> {
    out.write_all(b"\"")?;
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape: Option<&[u8]> = match b {
            b'"' => Some(b"\\\""),
            b'\\' => Some(b"\\\\"),
            b'\n' => Some(b"\\n"),
            b'\r' => Some(b"\\r"),
            b'\t' => Some(b"\\t"),
            0..=0x1f => None,
            _ => continue,
        };
        out.write_all(&bytes[start..i])?;
        match escape {
            Some(e) => out.write_all(e)?,
            None => write!(out, "\\u{b:04x}")?,
        }
        start = i + 1;
    }
    out.write_all(&bytes[start..])?;
    out.write_all(b"\"")
}

// ===========================================================================
// Reading: the raw document
// ===========================================================================

/// An attribute value as written.
#[derive(Debug)]
enum Value<'a> {
    Text(Cow<'a, str>),
    /// The text of `{"$": value, "type": datatype}` or `{"$": value, "lang": tag}`.
    Typed(Cow<'a, str>),
    Int(i64),
    Float(f64),
    Bool(bool),
    Null,
    Array(Vec<Value<'a>>),
}

impl Value<'_> {
    /// The value's text; `None` for arrays and null.
    fn text(&self) -> Option<Cow<'_, str>> {
        Some(match self {
            Value::Text(t) | Value::Typed(t) => Cow::Borrowed(t.as_ref()),
            Value::Int(n) => Cow::Owned(n.to_string()),
            Value::Float(x) => Cow::Owned(x.to_string()),
            Value::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
            Value::Null | Value::Array(_) => return None,
        })
    }

    /// Every scalar value, flattening one level of arrays.
    fn each(&self) -> impl Iterator<Item = &Value<'_>> {
        let (one, many): (Option<&Value<'_>>, &[Value<'_>]) = match self {
            Value::Array(values) => (None, values),
            value => (Some(value), &[]),
        };
        one.into_iter().chain(many.iter())
    }
}

impl<'de> de::Deserialize<'de> for Value<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an attribute value")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Value<'de>, E> {
        Ok(Value::Text(Cow::Borrowed(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value<'de>, E> {
        Ok(Value::Text(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value<'de>, E> {
        Ok(Value::Text(Cow::Owned(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value<'de>, E> {
        Ok(Value::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value<'de>, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value<'de>, E> {
        Ok(Value::Float(v))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value<'de>, E> {
        Ok(Value::Bool(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value<'de>, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value<'de>, A::Error> {
        let mut values = Vec::new();
        while let Some(value) = seq.next_element::<ScalarValue<'de>>()? {
            values.push(value.0);
        }
        Ok(Value::Array(values))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value<'de>, A::Error> {
        let mut value = None;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if key == "$" {
                value = Some(map.next_value::<ScalarValue<'de>>()?.0);
            } else {
                // "type" ("xsd:QName", "prov:QUALIFIED_NAME", "xsd:int") and
                // "lang": what the mapping needs is the value's text.
                map.next_value::<de::IgnoredAny>()?;
            }
        }
        let text = match value {
            Some(Value::Text(t)) => t,
            Some(other) => Cow::Owned(other.text().map(Cow::into_owned).unwrap_or_default()),
            None => return Err(de::Error::custom("typed value without \"$\"")),
        };
        Ok(Value::Typed(text))
    }
}

/// A value inside an array or under `"$"`: anything but a nested array.
struct ScalarValue<'a>(Value<'a>);

impl<'de> de::Deserialize<'de> for ScalarValue<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Scalar;
        impl<'de> Visitor<'de> for Scalar {
            type Value = ScalarValue<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string, number, boolean or typed value")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(ScalarValue(Value::Text(Cow::Borrowed(v))))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(ScalarValue(Value::Text(Cow::Owned(v.to_owned()))))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(ScalarValue(Value::Text(Cow::Owned(v))))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                ValueVisitor.visit_i64(v).map(ScalarValue)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                ValueVisitor.visit_u64(v).map(ScalarValue)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                ValueVisitor.visit_f64(v).map(ScalarValue)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
                ValueVisitor.visit_bool(v).map(ScalarValue)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(ScalarValue(Value::Null))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                ValueVisitor.visit_map(map).map(ScalarValue)
            }
        }
        deserializer.deserialize_any(Scalar)
    }
}

/// One record: its id and attributes in file order.
#[derive(Debug)]
struct Record<'a> {
    id: Cow<'a, str>,
    /// Exactly as long as needed: a file holds millions of records, and a
    /// growing vector's spare room would double their footprint.
    attrs: Box<[Attr<'a>]>,
}

impl<'a> Record<'a> {
    fn get(&self, name: &str) -> Option<&Value<'a>> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// The text of a PROV argument such as `prov:entity`.
    fn arg(&self, name: &str) -> Option<Cow<'_, str>> {
        self.get(name).and_then(Value::text)
    }
}

/// One attribute of a record: its name and value.
type Attr<'a> = (Cow<'a, str>, Value<'a>);

/// The attributes of a record: one object.
struct Attributes<'a>(Box<[Attr<'a>]>);

/// Reads the attributes of one record into an exactly sized slice. Records
/// have a handful of attributes, so they are gathered on the stack first.
fn read_attributes<'de, A: MapAccess<'de>>(mut map: A) -> Result<Box<[Attr<'de>]>, A::Error> {
    let mut attrs: SmallAttrs<'de> = SmallAttrs::default();
    while let Some(key) = map.next_key::<Cow<'de, str>>()? {
        let value = map.next_value::<Value<'de>>()?;
        attrs.push((key, value));
    }
    Ok(attrs.into_boxed_slice())
}

/// Up to four attributes without a heap allocation, then a vector.
#[derive(Default)]
struct SmallAttrs<'a> {
    inline: [Option<Attr<'a>>; 4],
    n_inline: usize,
    spill: Vec<Attr<'a>>,
}

impl<'a> SmallAttrs<'a> {
    fn push(&mut self, attr: Attr<'a>) {
        match self.inline.get_mut(self.n_inline) {
            Some(slot) if self.spill.is_empty() => {
                *slot = Some(attr);
                self.n_inline += 1;
            }
            _ => self.spill.push(attr),
        }
    }

    fn into_boxed_slice(self) -> Box<[Attr<'a>]> {
        let mut all = Vec::with_capacity(self.n_inline + self.spill.len());
        all.extend(self.inline.into_iter().flatten());
        all.extend(self.spill);
        all.into_boxed_slice()
    }
}

impl<'de> de::Deserialize<'de> for Attributes<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Attributes<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of attributes")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                read_attributes(map).map(Attributes)
            }
        }
        deserializer.deserialize_map(V)
    }
}

/// The records of one section (`"entity": {...}`), pushed onto a vector. A
/// record's value may be an object or, for repeated ids, an array of objects.
struct RecordsSeed<'v, 'a>(&'v mut Vec<Record<'a>>);

impl<'de> DeserializeSeed<'de> for RecordsSeed<'_, 'de> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RecordsSeed<'_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of records")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(id) = map.next_key::<Cow<'de, str>>()? {
            match map.next_value::<OneOrMany<'de>>()? {
                OneOrMany::One(attrs) => self.0.push(Record { id, attrs: attrs.0 }),
                OneOrMany::Many(all) => {
                    for attrs in all {
                        self.0.push(Record {
                            id: id.clone(),
                            attrs: attrs.0,
                        });
                    }
                }
            }
        }
        Ok(())
    }
}

enum OneOrMany<'a> {
    One(Attributes<'a>),
    Many(Vec<Attributes<'a>>),
}

impl<'de> de::Deserialize<'de> for OneOrMany<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = OneOrMany<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a record: an object of attributes, or an array of them")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                read_attributes(map).map(|attrs| OneOrMany::One(Attributes(attrs)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut all = Vec::new();
                while let Some(attrs) = seq.next_element::<Attributes<'de>>()? {
                    all.push(attrs);
                }
                Ok(OneOrMany::Many(all))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// One level of a document: the top level or a bundle.
#[derive(Default)]
struct Level<'a> {
    /// Sections in file order: name and records.
    sections: Vec<(Cow<'a, str>, Vec<Record<'a>>)>,
    prefixes: Vec<(Cow<'a, str>, Cow<'a, str>)>,
}

impl<'a> Level<'a> {
    fn records(&self, name: &str) -> impl Iterator<Item = &Record<'a>> {
        self.sections
            .iter()
            .filter(move |(n, _)| n == name)
            .flat_map(|(_, records)| records.iter())
    }
}

#[derive(Default)]
struct RawDocument<'a> {
    top: Level<'a>,
    bundles: Vec<(Cow<'a, str>, Level<'a>)>,
}

/// Deserializes one level; `allow_bundles` is false inside a bundle, so that
/// nesting cannot go deeper than PROV allows (and no recursion follows input).
struct LevelSeed<'v, 'a> {
    level: &'v mut Level<'a>,
    bundles: Option<&'v mut Vec<(Cow<'a, str>, Level<'a>)>>,
}

impl<'de> DeserializeSeed<'de> for LevelSeed<'_, 'de> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for LevelSeed<'_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a PROV-JSON document (an object)")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let LevelSeed { level, mut bundles } = self;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match key.as_ref() {
                "prefix" => level
                    .prefixes
                    .extend(map.next_value::<PrefixPairs<'de>>()?.0),
                "bundle" => match bundles.as_deref_mut() {
                    Some(bundles) => map.next_value_seed(BundlesSeed(bundles))?,
                    None => return Err(de::Error::custom("a bundle inside a bundle")),
                },
                _ => {
                    let mut records = Vec::new();
                    map.next_value_seed(RecordsSeed(&mut records))?;
                    level.sections.push((key, records));
                }
            }
        }
        Ok(())
    }
}

struct BundlesSeed<'v, 'a>(&'v mut Vec<(Cow<'a, str>, Level<'a>)>);

impl<'de> DeserializeSeed<'de> for BundlesSeed<'_, 'de> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for BundlesSeed<'_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of bundles")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(id) = map.next_key::<Cow<'de, str>>()? {
            let mut level = Level::default();
            map.next_value_seed(LevelSeed {
                level: &mut level,
                bundles: None,
            })?;
            self.0.push((id, level));
        }
        Ok(())
    }
}

/// Reads prefixes written as an object into pairs, in order.
impl<'de> de::Deserialize<'de> for PrefixPairs<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = PrefixPairs<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of prefixes")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut pairs = Vec::new();
                while let Some((k, v)) = map.next_entry::<Cow<'de, str>, Value<'de>>()? {
                    let iri = match v {
                        Value::Text(t) | Value::Typed(t) => t,
                        _ => {
                            return Err(de::Error::custom(format!(
                                "prefix {k:?}: expected an IRI"
                            )));
                        }
                    };
                    pairs.push((k, iri));
                }
                Ok(PrefixPairs(pairs))
            }
        }
        deserializer.deserialize_map(V)
    }
}

struct PrefixPairs<'a>(Vec<(Cow<'a, str>, Cow<'a, str>)>);

// ===========================================================================
// Reading: from records to a graph
// ===========================================================================

/// Reads PROV-JSON (written by [`write()`] or by another PROV tool) into a
/// graph, listing what could not be mapped.
///
/// # Errors
///
/// [`Error::Parse`] (format `"prov-json"`) for malformed JSON (with line
/// and column), for a document that is not a PROV-JSON object, and for
/// values of the crate's own attributes that do not parse (naming the
/// record: `prov-json: entity "r:5": invalid mode "loud"`); also when the
/// records describe an inconsistent graph (a duplicate `acc:key`, a merge
/// record pointing nowhere). [`Error::LimitExceeded`] for an input over the
/// default [`Limits`] or nesting deeper than [`MAX_JSON_NESTING`] levels.
///
/// # Complexity
///
/// **O(n)** in the size of the input, ids hashed.
pub fn read(input: impl AsRef<[u8]>) -> Result<ProvImport> {
    read_with(input, &Limits::default())
}

/// Like [`read`], within `limits`.
///
/// # Errors
///
/// As [`read`]; [`Error::LimitExceeded`] for an input over
/// [`Limits::max_input_bytes`] or nesting deeper than
/// [`MAX_JSON_NESTING`] levels.
///
/// # Complexity
///
/// As [`read`].
pub fn read_with(input: impl AsRef<[u8]>, limits: &Limits) -> Result<ProvImport> {
    let input = input.as_ref();
    limits.check_input(input.len())?;
    let mut raw = RawDocument::default();
    let mut deserializer = serde_json::Deserializer::from_slice(input);
    LevelSeed {
        level: &mut raw.top,
        bundles: Some(&mut raw.bundles),
    }
    .deserialize(&mut deserializer)
    .map_err(json_error)?;
    deserializer.end().map_err(json_error)?;
    Builder::new(&raw).build()
}

fn json_error(error: serde_json::Error) -> Error {
    let text = error.to_string();
    // Attribute values may be any JSON; nesting past the parser's recursion
    // limit is a limit of the reader, reported as one.
    if text.starts_with("recursion limit exceeded") {
        return Error::LimitExceeded {
            what: "json nesting depth",
            limit: MAX_JSON_NESTING,
        };
    }
    // serde_json appends " at line L column C"; the position has its own fields.
    let message = match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    };
    Error::parse(FORMAT, error.line(), error.column(), message)
}

fn record_error(relation: &str, record: &str, message: impl fmt::Display) -> Error {
    Error::parse(FORMAT, 0, 0, format!("{relation} {record:?}: {message}"))
}

/// A report (entity) being collected: its records, in file order.
struct PendingReport<'r, 'a> {
    id: &'r str,
    records: Vec<&'r Record<'a>>,
    document: Option<usize>,
    sources: Vec<usize>,
    time_from_generation: Option<DateRange>,
}

struct PendingAgent<'r, 'a> {
    id: &'r str,
    records: Vec<&'r Record<'a>>,
    affiliation: Option<usize>,
}

struct PendingDocument<'r, 'a> {
    id: &'r str,
    records: Vec<&'r Record<'a>>,
    publisher: Option<usize>,
}

struct Builder<'r, 'a> {
    raw: &'r RawDocument<'a>,
    /// The prefix bound to [`NAMESPACE`], if the file declares it.
    ours: Option<&'r str>,
    skipped: Vec<Skipped>,
    /// Aggregated skips: (relation, reason) -> (index in `skipped`, count).
    repeated: HashMap<(String, String), (usize, usize)>,
}

/// Levels of the document: the top level (no bundle) and every bundle.
type LevelRef<'r, 'a> = (Option<&'r str>, &'r Level<'a>);

impl<'r, 'a> Builder<'r, 'a> {
    fn new(raw: &'r RawDocument<'a>) -> Self {
        let ours = raw
            .top
            .prefixes
            .iter()
            .chain(
                raw.bundles
                    .iter()
                    .flat_map(|(_, level)| level.prefixes.iter()),
            )
            .find(|(_, iri)| iri == NAMESPACE)
            .map(|(prefix, _)| prefix.as_ref());
        Builder {
            raw,
            ours,
            skipped: Vec::new(),
            repeated: HashMap::default(),
        }
    }

    fn levels(&self) -> impl Iterator<Item = LevelRef<'r, 'a>> + use<'r, 'a> {
        std::iter::once((None, &self.raw.top)).chain(
            self.raw
                .bundles
                .iter()
                .map(|(id, level)| (Some(id.as_ref()), level)),
        )
    }

    /// The local part of `name` if it is in the crate's namespace.
    fn our_local<'n>(&self, name: &'n str) -> Option<&'n str> {
        let ours = self.ours?;
        let (prefix, local) = name.split_once(':')?;
        (prefix == ours).then_some(local)
    }

    /// Whether `id` is one of the writer's own ids for items without a
    /// qualified-name key (`acc:r12`), for the given letter.
    fn is_auto_id(&self, id: &str, letter: char) -> bool {
        self.our_local(id)
            .and_then(|local| local.strip_prefix(letter))
            .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
    }

    fn skip(&mut self, relation: &str, record: &str, reason: String) {
        self.skipped.push(Skipped {
            record: record.to_owned(),
            relation: relation.to_owned(),
            reason,
        });
    }

    /// Lists a skip once per (relation, reason), counting repeats.
    fn skip_repeated(&mut self, relation: &str, record: &str, reason: String) {
        match self.repeated.entry((relation.to_owned(), reason)) {
            Entry::Occupied(mut entry) => entry.get_mut().1 += 1,
            Entry::Vacant(entry) => {
                let reason = entry.key().1.clone();
                entry.insert((self.skipped.len(), 1));
                self.skipped.push(Skipped {
                    record: record.to_owned(),
                    relation: relation.to_owned(),
                    reason,
                });
            }
        }
    }

    fn build(mut self) -> Result<ProvImport> {
        let levels: Vec<LevelRef<'r, 'a>> = self.levels().collect();
        let claims_bundle = self.ours.map(|ours| format!("{ours}:{CLAIMS_BUNDLE}"));

        // --- Entities: reports, documents (bundles) and claims. ---
        let mut reports: Vec<PendingReport<'r, 'a>> = Vec::new();
        let mut report_index: HashMap<&'r str, usize> = HashMap::default();
        let mut documents: Vec<PendingDocument<'r, 'a>> = Vec::new();
        let mut document_index: HashMap<&'r str, usize> = HashMap::default();
        let mut claims: Vec<&'r Record<'a>> = Vec::new();
        let mut claim_index: HashMap<&'r str, usize> = HashMap::default();
        // Bundle position in `levels` -> document index.
        let mut level_document: Vec<Option<usize>> = vec![None; levels.len()];
        for (position, &(bundle, _)) in levels.iter().enumerate() {
            if let Some(bundle) = bundle {
                if Some(bundle) != claims_bundle.as_deref() && !document_index.contains_key(bundle)
                {
                    document_index.insert(bundle, documents.len());
                    documents.push(PendingDocument {
                        id: bundle,
                        records: Vec::new(),
                        publisher: None,
                    });
                }
                level_document[position] = document_index.get(bundle).copied();
            }
        }
        for (position, &(bundle, level)) in levels.iter().enumerate() {
            let in_claims = bundle.is_some() && bundle == claims_bundle.as_deref();
            for record in level.records("entity") {
                let id = record.id.as_ref();
                if in_claims {
                    match claim_index.entry(id) {
                        Entry::Occupied(_) => {
                            self.skip(
                                "entity",
                                id,
                                "claim declared twice: the first is kept".into(),
                            );
                        }
                        Entry::Vacant(entry) => {
                            entry.insert(claims.len());
                            claims.push(record);
                        }
                    }
                    continue;
                }
                if Some(id) == bundle
                    && let Some(document) = level_document[position]
                {
                    documents[document].records.push(record);
                    continue;
                }
                match report_index.entry(id) {
                    Entry::Occupied(entry) => reports[*entry.get()].records.push(record),
                    Entry::Vacant(entry) => {
                        entry.insert(reports.len());
                        reports.push(PendingReport {
                            id,
                            records: vec![record],
                            document: level_document[position],
                            sources: Vec::new(),
                            time_from_generation: None,
                        });
                    }
                }
            }
        }

        // --- Agents. ---
        let mut agents: Vec<PendingAgent<'r, 'a>> = Vec::new();
        let mut agent_index: HashMap<&'r str, usize> = HashMap::default();
        for &(_, level) in &levels {
            for record in level.records("agent") {
                let index = intern_agent(&mut agents, &mut agent_index, record.id.as_ref());
                agents[index].records.push(record);
            }
        }

        // --- Derivations: relays, and reports never declared. ---
        let mut relays: Vec<(usize, usize, RelayKind, &'r str)> = Vec::new();
        for &(bundle, level) in &levels {
            let _ = bundle;
            for record in level.records("wasDerivedFrom") {
                let id = record.id.as_ref();
                let (Some(generated), Some(used)) = (
                    record_text(record, "prov:generatedEntity"),
                    record_text(record, "prov:usedEntity"),
                ) else {
                    self.skip(
                        "wasDerivedFrom",
                        id,
                        "missing prov:generatedEntity or prov:usedEntity".into(),
                    );
                    continue;
                };
                if generated == used {
                    self.skip(
                        "wasDerivedFrom",
                        id,
                        format!("entity {generated:?} derived from itself"),
                    );
                    continue;
                }
                let kind = match record.get("prov:type").map(|v| self.relay_kind(v)) {
                    None => RelayKind::Derivation,
                    Some(Ok(kind)) => kind,
                    Some(Err(other)) => {
                        self.skip_repeated(
                            "wasDerivedFrom",
                            id,
                            format!("prov:type {other} read as a plain derivation"),
                        );
                        RelayKind::Derivation
                    }
                };
                let from = intern_report(&mut reports, &mut report_index, generated);
                let to = intern_report(&mut reports, &mut report_index, used);
                relays.push((from, to, kind, id));
            }
        }

        // --- Attributions: report sources and document publishers. ---
        for &(_, level) in &levels {
            for record in level.records("wasAttributedTo") {
                let id = record.id.as_ref();
                let (Some(entity), Some(agent)) = (
                    record_text(record, "prov:entity"),
                    record_text(record, "prov:agent"),
                ) else {
                    self.skip(
                        "wasAttributedTo",
                        id,
                        "missing prov:entity or prov:agent".into(),
                    );
                    continue;
                };
                if let Some(&report) = report_index.get(entity) {
                    let agent = intern_agent(&mut agents, &mut agent_index, agent);
                    if !reports[report].sources.contains(&agent) {
                        reports[report].sources.push(agent);
                    }
                } else if let Some(&document) = document_index.get(entity) {
                    let agent = intern_agent(&mut agents, &mut agent_index, agent);
                    if documents[document].publisher.is_some_and(|p| p != agent) {
                        self.skip(
                            "wasAttributedTo",
                            id,
                            format!("document {entity:?} already has a publisher"),
                        );
                    } else {
                        documents[document].publisher = Some(agent);
                    }
                } else {
                    self.skip(
                        "wasAttributedTo",
                        id,
                        format!("entity {entity:?} is not a report"),
                    );
                }
            }
        }

        // --- Delegations: affiliations. ---
        for &(_, level) in &levels {
            for record in level.records("actedOnBehalfOf") {
                let id = record.id.as_ref();
                let (Some(delegate), Some(responsible)) = (
                    record_text(record, "prov:delegate"),
                    record_text(record, "prov:responsible"),
                ) else {
                    self.skip(
                        "actedOnBehalfOf",
                        id,
                        "missing prov:delegate or prov:responsible".into(),
                    );
                    continue;
                };
                let delegate = intern_agent(&mut agents, &mut agent_index, delegate);
                let responsible = intern_agent(&mut agents, &mut agent_index, responsible);
                if record.get("prov:activity").is_some() {
                    self.skip_repeated("actedOnBehalfOf", id, "prov:activity not mapped".into());
                }
                match agents[delegate].affiliation {
                    Some(existing) if existing != responsible => {
                        self.skip(
                            "actedOnBehalfOf",
                            id,
                            "the delegate already acts on behalf of another agent".into(),
                        );
                    }
                    _ => agents[delegate].affiliation = Some(responsible),
                }
            }
        }

        // --- Generations: report times. ---
        for &(_, level) in &levels {
            for record in level.records("wasGeneratedBy") {
                let id = record.id.as_ref();
                let entity = record_text(record, "prov:entity");
                let report = entity.and_then(|e| report_index.get(e).copied());
                let Some(report) = report else {
                    self.skip(
                        "wasGeneratedBy",
                        id,
                        format!("entity {:?} is not a report", entity.unwrap_or("")),
                    );
                    continue;
                };
                if record.get("prov:activity").is_some() {
                    self.skip_repeated("wasGeneratedBy", id, "prov:activity not mapped".into());
                }
                match record.arg("prov:time") {
                    None => self.skip_repeated("wasGeneratedBy", id, "no prov:time".into()),
                    Some(time) => {
                        // The day is what comes before the `T`: ten characters
                        // for years 0 to 9999, more for signed years, which
                        // xsd:dateTime allows and the writer emits.
                        let day = time.split_once('T').map_or(&*time, |(day, _)| day);
                        match date_serde::parse(day).ok() {
                            Some(day) => {
                                reports[report].time_from_generation = Some(DateRange::day(day))
                            }
                            None => self.skip(
                                "wasGeneratedBy",
                                id,
                                format!("unreadable prov:time {time:?}"),
                            ),
                        }
                    }
                }
            }
        }

        // --- Everything else is listed. ---
        let mapped = [
            "entity",
            "agent",
            "wasDerivedFrom",
            "wasAttributedTo",
            "actedOnBehalfOf",
            "wasGeneratedBy",
            "alternateOf",
        ];
        for &(_, level) in &levels {
            for (section, records) in &level.sections {
                if !mapped.contains(&section.as_ref()) {
                    for record in records {
                        self.skip_repeated(section, &record.id, "relation not mapped".into());
                    }
                }
            }
        }

        // --- Build the graph, in dependency order. ---
        let mut graph = Graph::new();
        graph.reserve_reports(reports.len());

        // Sources: live ones without mentions or affiliations first (those
        // may point to documents and sources not yet added).
        let mut live_mentions: Vec<(SourceId, Vec<Mention>)> = Vec::new();
        let mut merged_sources: Vec<(usize, SourceId, Source)> = Vec::new();
        let mut agent_fields = Vec::with_capacity(agents.len());
        for agent in &agents {
            agent_fields.push(self.agent_fields(agent, &agent_index, &document_index)?);
        }
        for (index, (mut source, mentions, merged_into, merged_affiliation)) in
            agent_fields.into_iter().enumerate()
        {
            match merged_into {
                None => {
                    let id = graph
                        .add_source(source)
                        .map_err(|e| record_error("agent", agents[index].id, e))?;
                    if !mentions.is_empty() {
                        live_mentions.push((id, mentions));
                    }
                }
                Some(into) => {
                    source.mentions = mentions;
                    source.affiliation = merged_affiliation.map(source_id).transpose()?;
                    let into = source_id(into)?;
                    let id = graph
                        .push_merged_source(into, source.clone())
                        .map_err(|e| record_error("agent", agents[index].id, e))?;
                    merged_sources.push((index, id, source));
                }
            }
        }
        // Merge records may point at each other in a loop; resolving an id
        // through them (as every step below does) would never end.
        graph
            .check_merges()
            .map_err(|message| Error::parse(FORMAT, 0, 0, message))?;
        for document in &documents {
            let value = self.document_fields(document)?;
            graph
                .add_document(value)
                .map_err(|e| record_error("bundle", document.id, e))?;
        }
        for (source, mentions) in live_mentions {
            for mention in mentions {
                graph
                    .add_mention(source, mention)
                    .map_err(|e| record_error("agent", agents[source.index()].id, e))?;
            }
        }
        for (index, _, source) in &merged_sources {
            for mention in &source.mentions {
                check_merged_mention(&graph, mention)
                    .map_err(|e| record_error("agent", agents[*index].id, e))?;
            }
        }
        for (index, agent) in agents.iter().enumerate() {
            if let Some(principal) = agent.affiliation {
                let id = source_id(index)?;
                if graph.merged_source(id).is_some() {
                    continue;
                }
                if let Err(error) = graph.set_affiliation(id, Some(source_id(principal)?)) {
                    self.skip("actedOnBehalfOf", agent.id, error.to_string());
                }
            }
        }

        // Claims.
        for record in &claims {
            let (claim, merged_into) = self.claim_fields(record, &claim_index)?;
            let result = match merged_into {
                None => graph.add_claim(claim).map(|_| ()),
                Some(into) => {
                    claim_id(into).and_then(|into| graph.push_merged_claim(into, claim).map(|_| ()))
                }
            };
            result.map_err(|e| record_error("entity", &record.id, e))?;
        }
        graph
            .check_merges()
            .map_err(|message| Error::parse(FORMAT, 0, 0, message))?;

        // Reports, then relays (which may point forward or close cycles).
        for pending in &reports {
            let report = self.report_fields(pending, &claim_index, &document_index)?;
            graph
                .add_report(report)
                .map_err(|e| record_error("entity", pending.id, e))?;
        }
        for (from, to, kind, id) in relays {
            graph
                .add_relay(report_id(from)?, report_id(to)?, kind)
                .map_err(|error| record_error("wasDerivedFrom", id, error))?;
        }

        // Claim equivalences.
        for &(_, level) in &levels {
            for record in level.records("alternateOf") {
                let id = record.id.as_ref();
                let pair = (
                    record_text(record, "prov:alternate1").and_then(|c| claim_index.get(c)),
                    record_text(record, "prov:alternate2").and_then(|c| claim_index.get(c)),
                );
                match pair {
                    (Some(&a), Some(&b)) => graph
                        .declare_equivalent(claim_id(a)?, claim_id(b)?)
                        .map_err(|e| record_error("alternateOf", id, e))?,
                    _ => self.skip("alternateOf", id, "not between two claims".into()),
                }
            }
        }

        for (index, count) in self.repeated.values() {
            if *count > 1 {
                let skipped = &mut self.skipped[*index];
                skipped.reason = format!("{} (and {} more like it)", skipped.reason, count - 1);
            }
        }
        let prefixes = levels
            .iter()
            .flat_map(|(_, level)| level.prefixes.iter())
            .map(|(p, iri)| (p.to_string(), iri.to_string()))
            .collect();
        Ok(ProvImport {
            graph,
            skipped: self.skipped,
            prefixes,
        })
    }

    fn relay_kind(&self, value: &Value<'_>) -> Result<RelayKind, String> {
        let mut unknown = None;
        for value in value.each() {
            match value.text().as_deref() {
                Some("prov:Quotation") => return Ok(RelayKind::Quotation),
                Some("prov:PrimarySource") => return Ok(RelayKind::PrimarySource),
                Some("prov:Derivation") => return Ok(RelayKind::Derivation),
                Some(other) => unknown = Some(other.to_owned()),
                None => {}
            }
        }
        Err(unknown.unwrap_or_default())
    }

    fn agent_kind(&self, value: &Value<'_>) -> Option<SourceKind> {
        value.each().find_map(|value| {
            let text = value.text()?;
            Some(match text.as_ref() {
                "prov:Person" => SourceKind::Person,
                "prov:Organization" => SourceKind::Organization,
                other => match self.our_local(other)? {
                    "Group" => SourceKind::Group,
                    "Document" => SourceKind::Document,
                    "Publisher" => SourceKind::Publisher,
                    "Unnamed" => SourceKind::Unnamed,
                    _ => return None,
                },
            })
        })
    }

    /// The source an agent describes, its mentions, and for a merged record
    /// the agents it was merged into and acted for.
    #[allow(clippy::type_complexity)]
    fn agent_fields(
        &mut self,
        agent: &PendingAgent<'r, 'a>,
        agent_index: &HashMap<&'r str, usize>,
        document_index: &HashMap<&'r str, usize>,
    ) -> Result<(Source, Vec<Mention>, Option<usize>, Option<usize>)> {
        let id = agent.id;
        let error = |message: String| record_error("agent", id, message);
        let mut source = Source::new(SourceKind::Unnamed, id);
        let mut label = None;
        let mut key = None;
        let mut mentions = Vec::new();
        let mut merged_into = None;
        let mut affiliation = None;
        let find_agent = |value: &Value<'_>, what: &str| -> Result<usize> {
            let text = value.text().unwrap_or_default();
            agent_index
                .get(text.as_ref())
                .copied()
                .ok_or_else(|| error(format!("{what} names no agent: {text:?}")))
        };
        for record in &agent.records {
            for (name, value) in &record.attrs {
                match name.as_ref() {
                    "prov:type" => match self.agent_kind(value) {
                        Some(kind) => source.kind = kind,
                        None => {
                            let text = value
                                .each()
                                .filter_map(Value::text)
                                .collect::<Vec<_>>()
                                .join(" ");
                            self.skip_repeated("agent", id, format!("prov:type {text} not mapped"));
                        }
                    },
                    "prov:label" => {
                        label = label
                            .or_else(|| value.each().find_map(Value::text).map(Cow::into_owned))
                    }
                    other => match self.our_local(other) {
                        Some("key") => key = value.text().map(Cow::into_owned),
                        Some("descriptor") => source.descriptors.extend(texts(value)),
                        Some("alias") => source.aliases.extend(texts(value)),
                        Some("mention") => {
                            for text in texts(value) {
                                mentions.push(parse_mention(&text, document_index).map_err(error)?);
                            }
                        }
                        Some("reliability") => {
                            let text = value.text().unwrap_or_default();
                            source.reliability = Some(
                                text.parse::<Reliability>()
                                    .map_err(|e| error(e.to_string()))?,
                            );
                        }
                        Some("mergedInto") => {
                            merged_into = Some(find_agent(value, "acc:mergedInto")?)
                        }
                        Some("affiliation") => {
                            affiliation = Some(find_agent(value, "acc:affiliation")?)
                        }
                        _ => {
                            self.skip_repeated("agent", id, format!("attribute {other} not mapped"))
                        }
                    },
                }
            }
        }
        if let Some(label) = label {
            source.name = label;
        }
        source.key = if self.is_auto_id(id, 's') {
            key
        } else {
            Some(id.to_owned())
        };
        Ok((source, mentions, merged_into, affiliation))
    }

    fn document_fields(&mut self, document: &PendingDocument<'r, 'a>) -> Result<Document> {
        let id = document.id;
        let error = |message: String| record_error("bundle", id, message);
        let mut value = Document::new();
        let mut key = None;
        for record in &document.records {
            for (name, attr) in &record.attrs {
                match (name.as_ref(), self.our_local(name)) {
                    ("prov:type", _) => {}
                    (_, Some("key")) => key = attr.text().map(Cow::into_owned),
                    (_, Some("title")) => value.title = attr.text().map(Cow::into_owned),
                    (_, Some("text")) => value.text = attr.text().map(Cow::into_owned),
                    (_, Some("date")) => {
                        let text = attr.text().unwrap_or_default();
                        value.date =
                            Some(date_serde::parse(&text).map_err(|e| error(e.to_string()))?);
                    }
                    (other, _) => {
                        self.skip_repeated("bundle", id, format!("attribute {other} not mapped"))
                    }
                }
            }
        }
        value.key = if self.is_auto_id(id, 'd') {
            key
        } else {
            Some(id.to_owned())
        };
        value.publisher = document.publisher.map(source_id).transpose()?;
        Ok(value)
    }

    fn claim_fields(
        &mut self,
        record: &Record<'a>,
        claim_index: &HashMap<&'r str, usize>,
    ) -> Result<(Claim, Option<usize>)> {
        let id = record.id.as_ref();
        let mut claim = Claim::default();
        let mut key = None;
        let mut merged_into = None;
        for (name, value) in &record.attrs {
            match (name.as_ref(), self.our_local(name)) {
                ("prov:type", _) => {}
                (_, Some("content")) => {
                    claim.content = value.text().map(Cow::into_owned).unwrap_or_default()
                }
                (_, Some("key")) => key = value.text().map(Cow::into_owned),
                (_, Some("mergedInto")) => {
                    let text = value.text().unwrap_or_default();
                    merged_into = Some(*claim_index.get(text.as_ref()).ok_or_else(|| {
                        record_error(
                            "entity",
                            id,
                            format!("acc:mergedInto names no claim: {text:?}"),
                        )
                    })?);
                }
                (other, _) => {
                    self.skip_repeated("entity", id, format!("attribute {other} not mapped"))
                }
            }
        }
        claim.key = if self.is_auto_id(id, 'c') {
            key
        } else {
            Some(id.to_owned())
        };
        Ok((claim, merged_into))
    }

    fn report_fields(
        &mut self,
        pending: &PendingReport<'r, 'a>,
        claim_index: &HashMap<&'r str, usize>,
        document_index: &HashMap<&'r str, usize>,
    ) -> Result<Report> {
        let id = pending.id;
        let error = |message: String| record_error("entity", id, message);
        let mut report = Report {
            sources: pending
                .sources
                .iter()
                .map(|&s| source_id(s))
                .collect::<Result<_>>()?,
            document: pending.document.map(document_id).transpose()?,
            ..Report::default()
        };
        let mut key = None;
        let mut evidence: Option<Evidence> = None;
        let text_of = |value: &Value<'_>| value.text().map(Cow::into_owned).unwrap_or_default();
        for record in &pending.records {
            for (name, value) in &record.attrs {
                let Some(local) = self.our_local(name) else {
                    self.skip_repeated("entity", id, format!("attribute {name} not mapped"));
                    continue;
                };
                match local {
                    "key" => key = Some(text_of(value)),
                    "voice" => match text_of(value).as_str() {
                        "document" => report.voice = Voice::Document,
                        "source" => report.voice = Voice::Source,
                        other => return Err(error(format!("invalid voice {other:?}"))),
                    },
                    "claim" => {
                        let text = text_of(value);
                        let claim = claim_index
                            .get(text.as_str())
                            .ok_or_else(|| error(format!("acc:claim names no claim: {text:?}")))?;
                        report.claim = Some(claim_id(*claim)?);
                    }
                    "document" => {
                        let text = text_of(value);
                        let document = document_index.get(text.as_str()).ok_or_else(|| {
                            error(format!("acc:document names no document: {text:?}"))
                        })?;
                        report.document = Some(document_id(*document)?);
                    }
                    "cue" => report.cue = Some(text_of(value)),
                    "channel" => report.channel = Some(text_of(value)),
                    "audience" => report.audience = Some(text_of(value)),
                    "mode" => {
                        let text = text_of(value);
                        report.mode = Some(
                            parse_mode(&text)
                                .ok_or_else(|| error(format!("invalid mode {text:?}")))?,
                        );
                    }
                    "attitude" => {
                        let text = text_of(value);
                        report.attitude = Some(
                            parse_attitude(&text)
                                .ok_or_else(|| error(format!("invalid attitude {text:?}")))?,
                        );
                    }
                    "factuality" => {
                        report.factuality = Some(
                            text_of(value)
                                .parse::<Factuality>()
                                .map_err(|e| error(e.to_string()))?,
                        );
                    }
                    "time" => {
                        report.time = Some(
                            text_of(value)
                                .parse::<DateRange>()
                                .map_err(|e| error(e.to_string()))?,
                        )
                    }
                    "evidence" => {
                        evidence.get_or_insert_with(Evidence::default);
                    }
                    "sourceSpan" | "cueSpan" | "contentSpan" => {
                        let evidence = evidence.get_or_insert_with(Evidence::default);
                        let spans = match local {
                            "sourceSpan" => &mut evidence.source,
                            "cueSpan" => &mut evidence.cue,
                            _ => &mut evidence.content,
                        };
                        for text in texts(value) {
                            spans.push(
                                parse_span(&text)
                                    .ok_or_else(|| error(format!("invalid span {text:?}")))?,
                            );
                        }
                    }
                    _ => self.skip_repeated("entity", id, format!("attribute {name} not mapped")),
                }
            }
        }
        if report.time.is_none() {
            report.time = pending.time_from_generation;
        }
        report.evidence = evidence.map(Box::new);
        report.key = if self.is_auto_id(id, 'r') {
            key
        } else {
            Some(id.to_owned())
        };
        Ok(report)
    }
}

fn record_text<'r>(record: &'r Record<'_>, name: &str) -> Option<&'r str> {
    match record.get(name)? {
        Value::Text(text) | Value::Typed(text) => Some(text.as_ref()),
        _ => None,
    }
}

fn texts(value: &Value<'_>) -> Vec<String> {
    value
        .each()
        .filter_map(Value::text)
        .map(Cow::into_owned)
        .collect()
}

fn parse_mention(
    text: &str,
    document_index: &HashMap<&str, usize>,
) -> std::result::Result<Mention, String> {
    let raw: MentionText<'_> =
        serde_json::from_str(text).map_err(|e| format!("invalid acc:mention {text:?}: {e}"))?;
    let document = match raw.document {
        None => None,
        Some(name) => Some(
            document_index
                .get(name.as_ref())
                .map(|&d| DocumentId::new(d as u32))
                .ok_or_else(|| format!("acc:mention names no document: {name:?}"))?,
        ),
    };
    let span = match raw.span {
        None => None,
        Some((start, end)) => Some(Span::new(start, end).map_err(|e| e.to_string())?),
    };
    Ok(Mention {
        text: raw.text.into_owned(),
        document,
        span,
    })
}

/// The checks [`Graph::add_mention`] makes, for the mentions of a merged
/// source's record (which is stored as it was, not added).
fn check_merged_mention(graph: &Graph, mention: &Mention) -> std::result::Result<(), String> {
    let Some(document) = mention.document else {
        return match mention.span {
            Some(_) => Err("a mention has a span but no document".into()),
            None => Ok(()),
        };
    };
    let doc = graph
        .document(document)
        .ok_or_else(|| format!("unknown document {document}"))?;
    if let (Some(span), Some(text)) = (mention.span, &doc.text)
        && span.text(text).is_none()
    {
        return Err(format!(
            "invalid span {}..{} in document {document}",
            span.start(),
            span.end()
        ));
    }
    Ok(())
}

fn intern_report<'r>(
    reports: &mut Vec<PendingReport<'r, '_>>,
    index: &mut HashMap<&'r str, usize>,
    id: &'r str,
) -> usize {
    match index.entry(id) {
        Entry::Occupied(entry) => *entry.get(),
        Entry::Vacant(entry) => {
            entry.insert(reports.len());
            reports.push(PendingReport {
                id,
                records: Vec::new(),
                document: None,
                sources: Vec::new(),
                time_from_generation: None,
            });
            reports.len() - 1
        }
    }
}

fn intern_agent<'r>(
    agents: &mut Vec<PendingAgent<'r, '_>>,
    index: &mut HashMap<&'r str, usize>,
    id: &'r str,
) -> usize {
    match index.entry(id) {
        Entry::Occupied(entry) => *entry.get(),
        Entry::Vacant(entry) => {
            entry.insert(agents.len());
            agents.push(PendingAgent {
                id,
                records: Vec::new(),
                affiliation: None,
            });
            agents.len() - 1
        }
    }
}

fn too_many(what: &'static str) -> Error {
    Error::LimitExceeded {
        what,
        limit: u32::MAX as usize,
    }
}

// Pending items are added to the graph in order, so pending index `i` is id `i`.
fn source_id(index: usize) -> Result<SourceId> {
    SourceId::from_index(index).ok_or_else(|| too_many("number of sources"))
}
fn claim_id(index: usize) -> Result<ClaimId> {
    ClaimId::from_index(index).ok_or_else(|| too_many("number of claims"))
}
fn report_id(index: usize) -> Result<ReportId> {
    ReportId::from_index(index).ok_or_else(|| too_many("number of reports"))
}
fn document_id(index: usize) -> Result<DocumentId> {
    DocumentId::from_index(index).ok_or_else(|| too_many("number of documents"))
}

// ===========================================================================
// Validation
// ===========================================================================

/// A problem [`validate`] found in a PROV document read as an attribution
/// graph.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Finding {
    /// Circular reporting: the reports derive from each other in a cycle.
    /// PROV-CONSTRAINTS makes a derivation cycle invalid (each entity would
    /// have to be generated before the other).
    DerivationCycle {
        /// The reports of the cycle (a strongly connected component), by id.
        reports: Vec<ReportId>,
    },
    /// A relation that names something the document does not describe as
    /// it should (an attribution of an entity that is not a report, a
    /// relation missing an argument), from [`ProvImport::skipped`].
    DanglingReference(Skipped),
    /// An agent to which no report is attributed and that publishes no
    /// document.
    AgentWithoutReports(SourceId),
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Finding::DerivationCycle { reports } => {
                let names: Vec<String> = reports.iter().map(ToString::to_string).collect();
                write!(
                    f,
                    "derivation cycle (circular reporting) through {}",
                    names.join(", ")
                )
            }
            Finding::DanglingReference(skipped) => write!(f, "dangling reference: {skipped}"),
            Finding::AgentWithoutReports(source) => {
                write!(f, "agent {source} has no report attributed to it")
            }
        }
    }
}

/// Checks an imported PROV document: circular reporting (a derivation
/// cycle, invalid under PROV-CONSTRAINTS), dangling references (from the
/// import's skipped records) and agents without reports. An empty result
/// means none was found.
///
/// # Complexity
///
/// **O(n + m)** for the cycle analysis, plus the number of skipped records.
pub fn validate(import: &ProvImport) -> Vec<Finding> {
    let mut findings = validate_graph(&import.graph);
    findings.extend(
        import
            .skipped
            .iter()
            .filter(|s| is_dangling(s))
            .cloned()
            .map(Finding::DanglingReference),
    );
    findings
}

/// The checks of [`validate`] that need only the graph: derivation cycles
/// and agents without reports.
///
/// # Complexity
///
/// **O(n + m)**.
pub fn validate_graph(graph: &Graph) -> Vec<Finding> {
    let mut findings: Vec<Finding> = graph
        .cycles()
        .into_iter()
        .map(|cycle| Finding::DerivationCycle {
            reports: cycle.reports,
        })
        .collect();
    let publishers: std::collections::HashSet<SourceId> =
        graph.documents().filter_map(|(_, d)| d.publisher).collect();
    for (source, _) in graph.sources() {
        if graph.reports_by(source).is_empty() && !publishers.contains(&source) {
            findings.push(Finding::AgentWithoutReports(source));
        }
    }
    findings
}

/// Whether a skip is a dangling reference rather than an unmapped feature.
fn is_dangling(skipped: &Skipped) -> bool {
    skipped.reason.starts_with("missing ")
        || skipped.reason.ends_with("is not a report")
        || skipped.reason.starts_with("not between two claims")
}
