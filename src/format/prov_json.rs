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
//! JSON object order is free (the prefixes may come last, relations before
//! the entities they name), so the graph is built in a second pass, from a
//! compact form of the records made while parsing: never a generic JSON tree
//! nor a list of generic records. Ids and attribute names are interned once
//! into a string table and named by `u32` numbers: ids that end in a number
//! (`r:123`, `ag:s45`, the usual shape) through a flat array per prefix
//! indexed by that number, others through a hash table whose slots hold
//! short strings inline, so that most lookups cost one memory access. The
//! PROV arguments of relations (`prov:entity`, `prov:agent`,
//! `prov:generatedEntity`, `prov:usedEntity`, `prov:delegate`, ...) are kept
//! as such numbers in fixed fields, relation ids and values in one string
//! buffer; only the attributes of entities and agents are kept as (name,
//! value) pairs. Items are then found by id through tables indexed by those
//! numbers, with no further hashing. The records of entities, agents and
//! relations other than derivations are freed once their items are in the
//! graph, before the relays are added.
//!
//! [`read_from`] reads a file or a pipe and frees the text before the graph
//! is built, so that its peak memory is the larger of text + compact form
//! and compact form + graph (about 50 bytes per record for the compact form
//! of a file of the Python peer's shape). `according depths` at 10^6 reports
//! (a 199 MiB file) peaks at about 400 MiB and takes 1.8–3.0 s across runs,
//! against 1,551 MiB and 5.2 s before; `BENCHMARKS.md` has the figures and
//! commands.
//! Reading takes **O(n)** expected time and memory in the size of the input.

use std::borrow::Cow;
use std::fmt;
use std::io::{Read, Write};

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::error::{Error, Result};
use crate::format::intern::{MAX_STORED, Strings};
use crate::format::limits::{Limits, MAX_JSON_NESTING};
use crate::graph::{Graph, Slot};
use crate::model::{
    Attitude, Claim, ClaimId, DateRange, Document, DocumentId, Evidence, Factuality, Mention, Mode,
    RelayKind, Reliability, Report, ReportId, Source, SourceId, SourceKind, Span, Speakers, Voice,
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
// Reading: the compact form
// ===========================================================================

/// "None" in the compact form's `u32` fields (string ids, indices).
const NONE: u32 = u32::MAX;
/// A PROV argument given, but not as a string: it names nothing.
const NOT_TEXT: u32 = u32::MAX - 1;
/// The parse error raised when the string store is full (mapped to
/// [`Error::LimitExceeded`]).
const STORE_FULL: &str = "string store full";

/// An attribute value as written, its strings in [`Raw::texts`].
#[derive(Clone, Copy, Debug)]
enum Value {
    Text(u32),
    /// The text of `{"$": value, "type": datatype}` or `{"$": value, "lang": tag}`.
    Typed(u32),
    Int(i64),
    Float(f64),
    Bool(bool),
    Null,
    /// `len` values from `start` in [`Raw::items`]; never arrays themselves.
    Array {
        start: u32,
        len: u32,
    },
}

/// An entity or agent record: its id and attributes in file order.
#[derive(Clone, Copy)]
struct Elem {
    id: u32,
    /// Its attributes: `n_attrs` pairs from `attrs` in [`Raw::attrs`].
    attrs: u32,
    n_attrs: u32,
}

/// A relation record with two PROV arguments (`wasAttributedTo`:
/// entity and agent; `alternateOf`: the two alternates). An argument is the
/// interned id, [`NOT_TEXT`] or [`NONE`] (absent).
#[derive(Clone, Copy)]
struct Pair {
    id: u32,
    a: u32,
    b: u32,
}

/// A `wasDerivedFrom` record.
#[derive(Clone, Copy)]
struct Derivation {
    id: u32,
    generated: u32,
    used: u32,
    /// The kind its `prov:type` gives ([`RelayKind::Derivation`] without one).
    kind: RelayKind,
    /// For a `prov:type` that names no kind: the string to report (the last
    /// type given), else [`NONE`].
    unknown_type: u32,
}

/// An `actedOnBehalfOf` record.
#[derive(Clone, Copy)]
struct Delegation {
    id: u32,
    delegate: u32,
    responsible: u32,
    activity: bool,
}

/// A `wasGeneratedBy` record.
#[derive(Clone, Copy)]
struct Generation {
    id: u32,
    entity: u32,
    activity: bool,
    /// The first `prov:time`, if any.
    time: Option<Value>,
}

/// The records of a relation the reader does not map: only counted.
struct Unmapped {
    name: String,
    /// The id of its first record.
    first: u32,
    count: usize,
}

/// One level of a document: the top level or a bundle.
#[derive(Default)]
struct Level {
    /// The bundle's name (interned), `None` at the top level.
    bundle: Option<u32>,
    prefixes: Vec<(String, String)>,
    /// Runs of records in [`Raw::elems`], one per section.
    entities: Vec<(u32, u32)>,
    agents: Vec<(u32, u32)>,
    derivations: Vec<Derivation>,
    attributions: Vec<Pair>,
    delegations: Vec<Delegation>,
    generations: Vec<Generation>,
    alternates: Vec<Pair>,
    /// Sections of relations not mapped, in file order.
    unmapped: Vec<Unmapped>,
}

impl Level {
    fn runs<'a>(runs: &'a [(u32, u32)]) -> impl Iterator<Item = u32> + 'a {
        runs.iter().flat_map(|&(start, end)| start..end)
    }
}

/// The whole document in compact form: every record reduced to the numbers
/// of its strings, PROV arguments in fixed fields.
struct Raw {
    /// Ids and attribute names, interned.
    syms: Strings,
    /// Relation ids and attribute values.
    texts: Strings,
    /// Attributes of entities and agents: (interned name, value).
    attrs: Vec<(u32, Value)>,
    /// Elements of array values.
    items: Vec<Value>,
    /// Entity and agent records, in file order.
    elems: Vec<Elem>,
    /// The top level, then the bundles in file order.
    levels: Vec<Level>,
}

impl Raw {
    fn new() -> Raw {
        Raw {
            syms: Strings::new(),
            texts: Strings::new(),
            attrs: Vec::new(),
            items: Vec::new(),
            elems: Vec::new(),
            levels: vec![Level::default()],
        }
    }

    /// An interned string: an id or a name.
    fn sym(&self, id: u32) -> &str {
        self.syms.get(id)
    }

    /// A stored string: a relation id or a value.
    fn txt(&self, id: u32) -> &str {
        self.texts.get(id)
    }

    /// The value's text; `None` for arrays and null.
    fn text(&self, value: Value) -> Option<Cow<'_, str>> {
        Some(match value {
            Value::Text(t) | Value::Typed(t) => Cow::Borrowed(self.txt(t)),
            Value::Int(n) => Cow::Owned(n.to_string()),
            Value::Float(x) => Cow::Owned(x.to_string()),
            Value::Bool(b) => Cow::Borrowed(if b { "true" } else { "false" }),
            Value::Null | Value::Array { .. } => return None,
        })
    }

    /// Every scalar value, flattening one level of arrays.
    fn each(&self, value: Value) -> impl Iterator<Item = Value> + '_ {
        let (one, many): (Option<Value>, &[Value]) = match value {
            Value::Array { start, len } => (
                None,
                self.items
                    .get(start as usize..start as usize + len as usize)
                    .unwrap_or_default(),
            ),
            value => (Some(value), &[]),
        };
        one.into_iter().chain(many.iter().copied())
    }

    /// A value's text, and the interned id equal to it, if any.
    fn lookup(&self, value: Value) -> (Cow<'_, str>, Option<u32>) {
        let text = self.text(value).unwrap_or_default();
        let sym = self.syms.find(&text);
        (text, sym)
    }

    /// The attributes of an entity or agent record.
    fn attrs(&self, elem: u32) -> &[(u32, Value)] {
        let Some(elem) = self.elems.get(elem as usize) else {
            return &[];
        };
        let start = elem.attrs as usize;
        self.attrs
            .get(start..start + elem.n_attrs as usize)
            .unwrap_or_default()
    }
}

/// How the strings of a value are kept.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// Appended to the store.
    Store,
    /// Interned: the value may be an id.
    Intern,
    /// Not kept: the value is only checked.
    Drop,
}

/// Calls a function on a string (a key) without allocating it.
struct WithStr<F>(F);

impl<'de, R, F: FnOnce(&str) -> R> DeserializeSeed<'de> for WithStr<F> {
    type Value = R;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<R, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de, R, F: FnOnce(&str) -> R> Visitor<'de> for WithStr<F> {
    type Value = R;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<R, E> {
        Ok((self.0)(v))
    }
}

fn full<E: de::Error>() -> E {
    E::custom(STORE_FULL)
}

/// An attribute value; `scalar` refuses arrays (inside an array or under
/// `"$"`).
struct ValueSeed<'v> {
    syms: &'v mut Strings,
    texts: &'v mut Strings,
    items: &'v mut Vec<Value>,
    keep: Keep,
    scalar: bool,
}

impl ValueSeed<'_> {
    fn string<E: de::Error>(&mut self, v: &str) -> Result<u32, E> {
        match self.keep {
            Keep::Store => self.texts.push(v).ok_or_else(full),
            Keep::Intern => self.syms.intern(v).ok_or_else(full),
            Keep::Drop => Ok(NONE),
        }
    }
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.scalar {
            "a string, number, boolean or typed value"
        } else {
            "an attribute value"
        })
    }
    fn visit_str<E: de::Error>(mut self, v: &str) -> Result<Value, E> {
        self.string(v).map(Value::Text)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        if self.scalar {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        // Array elements are never ids: kept as values or not at all.
        let keep = match self.keep {
            Keep::Store => Keep::Store,
            Keep::Intern | Keep::Drop => Keep::Drop,
        };
        let start = self.items.len();
        while let Some(value) = seq.next_element_seed(ValueSeed {
            syms: &mut *self.syms,
            texts: &mut *self.texts,
            items: &mut *self.items,
            keep,
            scalar: true,
        })? {
            if keep == Keep::Store {
                self.items.push(value);
            }
        }
        let len = self.items.len() - start;
        if start > MAX_STORED || len > MAX_STORED {
            return Err(full());
        }
        Ok(Value::Array {
            start: start as u32,
            len: len as u32,
        })
    }
    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Value, A::Error> {
        let mut value = None;
        while let Some(dollar) = map.next_key_seed(WithStr(|key: &str| key == "$"))? {
            if dollar {
                value = Some(map.next_value_seed(ValueSeed {
                    syms: &mut *self.syms,
                    texts: &mut *self.texts,
                    items: &mut *self.items,
                    keep: self.keep,
                    scalar: true,
                })?);
            } else {
                // "type" ("xsd:QName", "prov:QUALIFIED_NAME", "xsd:int") and
                // "lang": what the mapping needs is the value's text.
                map.next_value::<de::IgnoredAny>()?;
            }
        }
        let text = match value {
            None => return Err(de::Error::custom("typed value without \"$\"")),
            Some(_) if self.keep == Keep::Drop => NONE,
            Some(Value::Text(t) | Value::Typed(t)) => t,
            Some(Value::Int(n)) => self.string(&n.to_string())?,
            Some(Value::Float(x)) => self.string(&x.to_string())?,
            Some(Value::Bool(b)) => self.string(if b { "true" } else { "false" })?,
            Some(Value::Null | Value::Array { .. }) => self.string("")?,
        };
        Ok(Value::Typed(text))
    }
}

/// The kinds of section the reader maps, and the rest.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Entity,
    Agent,
    Derivation,
    Attribution,
    Delegation,
    Generation,
    Alternate,
    Unmapped,
}

impl Section {
    fn of(name: &str) -> Section {
        match name {
            "entity" => Section::Entity,
            "agent" => Section::Agent,
            "wasDerivedFrom" => Section::Derivation,
            "wasAttributedTo" => Section::Attribution,
            "actedOnBehalfOf" => Section::Delegation,
            "wasGeneratedBy" => Section::Generation,
            "alternateOf" => Section::Alternate,
            _ => Section::Unmapped,
        }
    }
}

/// What a relation record's attribute is to the reader.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// The first or second id argument.
    A,
    B,
    /// `prov:type` of a derivation.
    Type,
    /// `prov:activity` (only its presence matters).
    Activity,
    /// `prov:time` of a generation.
    Time,
    Other,
}

fn role(section: Section, name: &str) -> Role {
    match (section, name) {
        (Section::Derivation, "prov:generatedEntity")
        | (Section::Attribution | Section::Generation, "prov:entity")
        | (Section::Delegation, "prov:delegate")
        | (Section::Alternate, "prov:alternate1") => Role::A,
        (Section::Derivation, "prov:usedEntity")
        | (Section::Attribution, "prov:agent")
        | (Section::Delegation, "prov:responsible")
        | (Section::Alternate, "prov:alternate2") => Role::B,
        (Section::Derivation, "prov:type") => Role::Type,
        (Section::Delegation | Section::Generation, "prov:activity") => Role::Activity,
        (Section::Generation, "prov:time") => Role::Time,
        _ => Role::Other,
    }
}

/// The kind a derivation's `prov:type` gives, or the type to report.
fn relay_kind(raw: &Raw, value: Value) -> Result<RelayKind, Option<String>> {
    let mut unknown = None;
    for value in raw.each(value) {
        match raw.text(value).as_deref() {
            Some("prov:Quotation") => return Ok(RelayKind::Quotation),
            Some("prov:PrimarySource") => return Ok(RelayKind::PrimarySource),
            Some("prov:Derivation") => return Ok(RelayKind::Derivation),
            Some(other) => unknown = Some(other.to_owned()),
            None => {}
        }
    }
    Err(unknown)
}

/// Reads one record's attributes (an object) into the compact form.
fn read_record<'de, A: MapAccess<'de>>(
    raw: &mut Raw,
    level: usize,
    section: Section,
    id: u32,
    mut map: A,
) -> Result<(), A::Error> {
    if let Section::Entity | Section::Agent = section {
        let start = raw.attrs.len();
        while let Some(name) = map.next_key_seed(WithStr(|k: &str| raw.syms.intern(k)))? {
            let name = name.ok_or_else(full)?;
            let value = map.next_value_seed(ValueSeed {
                syms: &mut raw.syms,
                texts: &mut raw.texts,
                items: &mut raw.items,
                keep: Keep::Store,
                scalar: false,
            })?;
            raw.attrs.push((name, value));
        }
        let n_attrs = raw.attrs.len() - start;
        if start > MAX_STORED || n_attrs > MAX_STORED {
            return Err(full());
        }
        raw.elems.push(Elem {
            id,
            attrs: start as u32,
            n_attrs: n_attrs as u32,
        });
        return Ok(());
    }
    let (mut a, mut b) = (NONE, NONE);
    let mut kind = None;
    let mut activity = false;
    let mut time = None;
    while let Some(role) = map.next_key_seed(WithStr(|k: &str| role(section, k)))? {
        // Only the first of repeated arguments counts.
        let keep = match role {
            Role::A if a == NONE => Keep::Intern,
            Role::B if b == NONE => Keep::Intern,
            Role::Type if kind.is_none() => Keep::Store,
            Role::Time if time.is_none() => Keep::Store,
            _ => Keep::Drop,
        };
        let value = map.next_value_seed(ValueSeed {
            syms: &mut raw.syms,
            texts: &mut raw.texts,
            items: &mut raw.items,
            keep,
            scalar: false,
        })?;
        if keep == Keep::Drop {
            activity |= role == Role::Activity;
            continue;
        }
        let id_of = |value: Value| match value {
            Value::Text(t) | Value::Typed(t) => t,
            _ => NOT_TEXT,
        };
        match role {
            Role::A => a = id_of(value),
            Role::B => b = id_of(value),
            Role::Type => kind = Some(value),
            Role::Time => time = Some(value),
            Role::Activity | Role::Other => {}
        }
    }
    if section == Section::Unmapped {
        if let Some(unmapped) = raw.levels[level].unmapped.last_mut() {
            if unmapped.count == 0 {
                unmapped.first = id;
            }
            unmapped.count += 1;
        }
        return Ok(());
    }
    let (kind, unknown_type) = match kind.map(|value| relay_kind(raw, value)) {
        None => (RelayKind::Derivation, NONE),
        Some(Ok(kind)) => (kind, NONE),
        Some(Err(text)) => (
            RelayKind::Derivation,
            raw.texts
                .push(text.as_deref().unwrap_or_default())
                .ok_or_else(full)?,
        ),
    };
    let level = &mut raw.levels[level];
    match section {
        Section::Derivation => level.derivations.push(Derivation {
            id,
            generated: a,
            used: b,
            kind,
            unknown_type,
        }),
        Section::Attribution => level.attributions.push(Pair { id, a, b }),
        Section::Alternate => level.alternates.push(Pair { id, a, b }),
        Section::Delegation => level.delegations.push(Delegation {
            id,
            delegate: a,
            responsible: b,
            activity,
        }),
        Section::Generation => level.generations.push(Generation {
            id,
            entity: a,
            activity,
            time,
        }),
        Section::Entity | Section::Agent | Section::Unmapped => {}
    }
    Ok(())
}

/// The records of one section (`"entity": {...}`). A record's value may be
/// an object or, for repeated ids, an array of objects.
struct RecordsSeed<'v> {
    raw: &'v mut Raw,
    level: usize,
    section: Section,
}

impl<'de> DeserializeSeed<'de> for RecordsSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RecordsSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of records")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let RecordsSeed {
            raw,
            level,
            section,
        } = self;
        let start = raw.elems.len();
        loop {
            let (syms, texts) = (&mut raw.syms, &mut raw.texts);
            let first_unmapped = section == Section::Unmapped
                && raw.levels[level]
                    .unmapped
                    .last()
                    .is_some_and(|u| u.count == 0);
            let key = WithStr(|k: &str| match section {
                Section::Entity | Section::Agent => syms.intern(k),
                // Only the first id of an unmapped section is reported.
                Section::Unmapped if !first_unmapped => Some(NONE),
                _ => texts.push(k),
            });
            let Some(id) = map.next_key_seed(key)? else {
                break;
            };
            let id = id.ok_or_else(full)?;
            map.next_value_seed(RecordSeed {
                raw: &mut *raw,
                level,
                section,
                id,
                one_or_many: true,
            })?;
        }
        let end = raw.elems.len();
        if end > start {
            if end > MAX_STORED {
                return Err(full());
            }
            let run = (start as u32, end as u32);
            let level = &mut raw.levels[level];
            match section {
                Section::Entity => level.entities.push(run),
                _ => level.agents.push(run),
            }
        }
        Ok(())
    }
}

/// The record under one id: an object of attributes, or (with
/// `one_or_many`) an array of such objects, several records with the same id.
struct RecordSeed<'v> {
    raw: &'v mut Raw,
    level: usize,
    section: Section,
    id: u32,
    one_or_many: bool,
}

impl<'de> DeserializeSeed<'de> for RecordSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        if self.one_or_many {
            deserializer.deserialize_any(self)
        } else {
            deserializer.deserialize_map(self)
        }
    }
}

impl<'de> Visitor<'de> for RecordSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.one_or_many {
            f.write_str("a record: an object of attributes, or an array of them")
        } else {
            f.write_str("an object of attributes")
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        read_record(self.raw, self.level, self.section, self.id, map)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        if !self.one_or_many {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        while let Some(()) = seq.next_element_seed(RecordSeed {
            raw: &mut *self.raw,
            level: self.level,
            section: self.section,
            id: self.id,
            one_or_many: false,
        })? {}
        Ok(())
    }
}

/// What a member of a level is.
enum Member {
    Prefix,
    Bundle,
    Section(Section),
    Unmapped(String),
}

/// Deserializes one level; `top` is false inside a bundle, so that nesting
/// cannot go deeper than PROV allows (and no recursion follows input).
struct LevelSeed<'v> {
    raw: &'v mut Raw,
    level: usize,
    top: bool,
}

impl<'de> DeserializeSeed<'de> for LevelSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for LevelSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a PROV-JSON document (an object)")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let LevelSeed { raw, level, top } = self;
        let member = |k: &str| match k {
            "prefix" => Member::Prefix,
            "bundle" => Member::Bundle,
            name => match Section::of(name) {
                Section::Unmapped => Member::Unmapped(name.to_owned()),
                section => Member::Section(section),
            },
        };
        while let Some(key) = map.next_key_seed(WithStr(member))? {
            match key {
                Member::Prefix => map.next_value_seed(PrefixSeed {
                    raw: &mut *raw,
                    level,
                })?,
                Member::Bundle if top => map.next_value_seed(BundlesSeed(&mut *raw))?,
                Member::Bundle => return Err(de::Error::custom("a bundle inside a bundle")),
                Member::Section(section) => map.next_value_seed(RecordsSeed {
                    raw: &mut *raw,
                    level,
                    section,
                })?,
                Member::Unmapped(name) => {
                    raw.levels[level].unmapped.push(Unmapped {
                        name,
                        first: NONE,
                        count: 0,
                    });
                    map.next_value_seed(RecordsSeed {
                        raw: &mut *raw,
                        level,
                        section: Section::Unmapped,
                    })?;
                    let unmapped = &mut raw.levels[level].unmapped;
                    if unmapped.last().is_some_and(|u| u.count == 0) {
                        unmapped.pop();
                    }
                }
            }
        }
        Ok(())
    }
}

struct BundlesSeed<'v>(&'v mut Raw);

impl<'de> DeserializeSeed<'de> for BundlesSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for BundlesSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of bundles")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let raw = self.0;
        while let Some(id) = map.next_key_seed(WithStr(|k: &str| raw.syms.intern(k)))? {
            let id = id.ok_or_else(full)?;
            raw.levels.push(Level {
                bundle: Some(id),
                ..Level::default()
            });
            let level = raw.levels.len() - 1;
            map.next_value_seed(LevelSeed {
                raw: &mut *raw,
                level,
                top: false,
            })?;
        }
        Ok(())
    }
}

/// Reads prefixes written as an object into pairs, in order.
struct PrefixSeed<'v> {
    raw: &'v mut Raw,
    level: usize,
}

impl<'de> DeserializeSeed<'de> for PrefixSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for PrefixSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of prefixes")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let raw = self.raw;
        let mut pairs = Vec::new();
        while let Some(prefix) = map.next_key::<String>()? {
            let value = map.next_value_seed(ValueSeed {
                syms: &mut raw.syms,
                texts: &mut raw.texts,
                items: &mut raw.items,
                keep: Keep::Store,
                scalar: false,
            })?;
            let iri = match value {
                Value::Text(t) | Value::Typed(t) => raw.txt(t).to_owned(),
                _ => {
                    return Err(de::Error::custom(format!(
                        "prefix {prefix:?}: expected an IRI"
                    )));
                }
            };
            pairs.push((prefix, iri));
        }
        raw.levels[self.level].prefixes.extend(pairs);
        Ok(())
    }
}

/// Reads a whole document into the compact form.
fn parse<'de, R: serde_json::de::Read<'de>>(
    mut deserializer: serde_json::Deserializer<R>,
) -> std::result::Result<Raw, (serde_json::Error, bool)> {
    let mut raw = Raw::new();
    let parsed = LevelSeed {
        raw: &mut raw,
        level: 0,
        top: true,
    }
    .deserialize(&mut deserializer)
    .and_then(|()| deserializer.end());
    match parsed {
        Ok(()) => Ok(raw),
        Err(error) => Err((error, raw.syms.full || raw.texts.full)),
    }
}

// ===========================================================================
// Reading: from the compact form to a graph
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
/// **O(n)** in the size of the input, ids hashed once.
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
    let raw = parse(serde_json::Deserializer::from_slice(input))
        .map_err(|(error, full)| json_error(error, full))?;
    build(raw)
}

/// Like [`read`], from a reader (a file, standard input), read to the end
/// within the default [`Limits`]. The text is held only while it is parsed
/// into the reader's compact form, and freed before the graph is built: the
/// peak memory is the larger of text + compact form and compact form +
/// graph, not their sum as with [`read`] on a buffer the caller keeps.
///
/// # Errors
///
/// As [`read`], and [`Error::Io`] when reading fails. An input over
/// [`Limits::max_input_bytes`] is an [`Error::LimitExceeded`], as with
/// [`read`], and is not read past the limit.
///
/// # Complexity
///
/// As [`read`].
pub fn read_from(reader: impl Read) -> Result<ProvImport> {
    read_from_with(reader, &Limits::default())
}

/// Like [`read_from`], within `limits`.
///
/// # Errors
///
/// As [`read_from`], with the given limits.
///
/// # Complexity
///
/// As [`read`].
pub fn read_from_with(reader: impl Read, limits: &Limits) -> Result<ProvImport> {
    // One byte past the limit tells an input at the limit from a larger one.
    let cap = u64::try_from(limits.input_bytes_limit())
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut input = Vec::new();
    reader.take(cap).read_to_end(&mut input)?;
    limits.check_input(input.len())?;
    // serde_json's reader over `io::Read` takes a byte at a time, several
    // times slower than parsing a buffer.
    let raw = parse(serde_json::Deserializer::from_slice(&input))
        .map_err(|(error, full)| json_error(error, full))?;
    drop(input);
    build(raw)
}

/// Builds the graph from the compact form, freeing the records of items as
/// soon as the items are in the graph (the relays need only their ends).
fn build(mut raw: Raw) -> Result<ProvImport> {
    let items = Builder::new(&raw).build_items()?;
    raw.syms = Strings::new();
    raw.attrs = Vec::new();
    raw.elems = Vec::new();
    for level in &mut raw.levels {
        level.attributions = Vec::new();
        level.delegations = Vec::new();
        level.generations = Vec::new();
    }
    Builder::new(&raw).finish(items)
}

fn json_error(error: serde_json::Error, store_full: bool) -> Error {
    if store_full {
        return Error::LimitExceeded {
            what: "bytes of strings in a PROV-JSON input",
            limit: MAX_STORED,
        };
    }
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

/// Pending items by the interned string of their id: a dense table indexed
/// by string number, grown as needed.
#[derive(Default)]
struct SymMap(Vec<u32>);

impl SymMap {
    fn get(&self, sym: u32) -> Option<usize> {
        match self.0.get(sym as usize) {
            Some(&i) if i != NONE => Some(i as usize),
            _ => None,
        }
    }

    fn insert(&mut self, sym: u32, index: usize) {
        let at = sym as usize;
        if at >= self.0.len() {
            self.0.resize(at + 1, NONE);
        }
        // Pending items are fewer than strings, so an index fits a u32.
        self.0[at] = index as u32;
    }
}

/// The records of a pending item, in file order: a list threaded through
/// [`Builder::next`].
#[derive(Clone, Copy)]
struct Chain {
    first: u32,
    last: u32,
}

impl Chain {
    const EMPTY: Chain = Chain {
        first: NONE,
        last: NONE,
    };
}

/// A report (entity) being collected.
struct PendingReport {
    id: u32,
    records: Chain,
    document: u32,
}

struct PendingAgent {
    id: u32,
    records: Chain,
    affiliation: Option<usize>,
}

struct PendingDocument {
    id: u32,
    records: Chain,
    publisher: Option<usize>,
}

/// What [`Builder::build_items`] leaves for [`Builder::finish`].
struct Items {
    graph: Graph,
    skipped: Vec<Skipped>,
    repeated: HashMap<String, HashMap<String, (usize, usize)>>,
    report_of: SymMap,
    claim_of: SymMap,
}

struct Builder<'r> {
    raw: &'r Raw,
    /// The prefix bound to [`NAMESPACE`], if the file declares it.
    ours: Option<&'r str>,
    /// The next record of the same item, by record (entities and agents).
    next: Vec<u32>,
    skipped: Vec<Skipped>,
    /// Aggregated skips: relation -> reason -> (index in `skipped`, count).
    repeated: HashMap<String, HashMap<String, (usize, usize)>>,
    /// The reason of the skip being recorded.
    reason: String,
}

impl<'r> Builder<'r> {
    fn new(raw: &'r Raw) -> Self {
        let ours = raw
            .levels
            .iter()
            .flat_map(|level| level.prefixes.iter())
            .find(|(_, iri)| iri == NAMESPACE)
            .map(|(prefix, _)| prefix.as_str());
        Builder {
            raw,
            ours,
            next: vec![NONE; raw.elems.len()],
            skipped: Vec::new(),
            repeated: HashMap::default(),
            reason: String::new(),
        }
    }

    /// An id or a name.
    fn str(&self, id: u32) -> &'r str {
        self.raw.sym(id)
    }

    /// A relation id.
    fn txt(&self, id: u32) -> &'r str {
        self.raw.txt(id)
    }

    /// Appends record `record` to `chain`.
    fn link(&mut self, chain: &mut Chain, record: u32) {
        if chain.first == NONE {
            chain.first = record;
        } else {
            self.next[chain.last as usize] = record;
        }
        chain.last = record;
    }

    /// The records of `chain`, in order.
    fn records(&self, chain: Chain) -> impl Iterator<Item = u32> + '_ {
        std::iter::successors(Some(chain.first).filter(|&r| r != NONE), |&r| {
            Some(self.next[r as usize]).filter(|&n| n != NONE)
        })
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
    fn skip_repeated(&mut self, relation: &str, record: &str, reason: fmt::Arguments<'_>) {
        self.skip_repeated_n(relation, record, reason, 1);
    }

    /// [`Builder::skip_repeated`] for `n` records alike.
    fn skip_repeated_n(
        &mut self,
        relation: &str,
        record: &str,
        reason: fmt::Arguments<'_>,
        n: usize,
    ) {
        use std::fmt::Write as _;
        self.reason.clear();
        let _ = self.reason.write_fmt(reason);
        let reasons = match self.repeated.get_mut(relation) {
            Some(reasons) => reasons,
            None => self.repeated.entry(relation.to_owned()).or_default(),
        };
        match reasons.get_mut(self.reason.as_str()) {
            Some((_, count)) => *count += n,
            None => {
                reasons.insert(self.reason.clone(), (self.skipped.len(), n));
                self.skipped.push(Skipped {
                    record: record.to_owned(),
                    relation: relation.to_owned(),
                    reason: self.reason.clone(),
                });
            }
        }
    }

    /// Everything but the relays and claim equivalences: the graph with its
    /// reports, and what the rest needs.
    fn build_items(mut self) -> Result<Items> {
        let raw = self.raw;
        let claims_bundle = self
            .ours
            .and_then(|ours| raw.syms.find(&format!("{ours}:{CLAIMS_BUNDLE}")));

        // --- Entities: reports, documents (bundles) and claims. ---
        let n_entities: usize = raw
            .levels
            .iter()
            .flat_map(|level| &level.entities)
            .map(|&(start, end)| (end - start) as usize)
            .sum();
        let mut reports: Vec<PendingReport> = Vec::with_capacity(n_entities);
        let mut report_of = SymMap::default();
        let mut documents: Vec<PendingDocument> = Vec::new();
        let mut document_of = SymMap::default();
        let mut claims: Vec<u32> = Vec::new();
        let mut claim_of = SymMap::default();
        // Level -> document index.
        let mut level_document: Vec<Option<usize>> = vec![None; raw.levels.len()];
        for (position, level) in raw.levels.iter().enumerate() {
            if let Some(bundle) = level.bundle {
                if Some(bundle) != claims_bundle && document_of.get(bundle).is_none() {
                    document_of.insert(bundle, documents.len());
                    documents.push(PendingDocument {
                        id: bundle,
                        records: Chain::EMPTY,
                        publisher: None,
                    });
                }
                level_document[position] = document_of.get(bundle);
            }
        }
        for (position, level) in raw.levels.iter().enumerate() {
            let in_claims = level.bundle.is_some() && level.bundle == claims_bundle;
            for record in Level::runs(&level.entities) {
                let id = raw.elems[record as usize].id;
                if in_claims {
                    if claim_of.get(id).is_some() {
                        self.skip(
                            "entity",
                            self.str(id),
                            "claim declared twice: the first is kept".into(),
                        );
                    } else {
                        claim_of.insert(id, claims.len());
                        claims.push(record);
                    }
                    continue;
                }
                if Some(id) == level.bundle
                    && let Some(document) = level_document[position]
                {
                    let mut chain = documents[document].records;
                    self.link(&mut chain, record);
                    documents[document].records = chain;
                    continue;
                }
                let index = match report_of.get(id) {
                    Some(index) => index,
                    None => {
                        report_of.insert(id, reports.len());
                        reports.push(PendingReport {
                            id,
                            records: Chain::EMPTY,
                            document: level_document[position].map_or(NONE, |d| d as u32),
                        });
                        reports.len() - 1
                    }
                };
                let mut chain = reports[index].records;
                self.link(&mut chain, record);
                reports[index].records = chain;
            }
        }

        // --- Agents. ---
        let mut agents: Vec<PendingAgent> = Vec::new();
        let mut agent_of = SymMap::default();
        for level in &raw.levels {
            for record in Level::runs(&level.agents) {
                let id = raw.elems[record as usize].id;
                let index = intern_agent(&mut agents, &mut agent_of, id);
                let mut chain = agents[index].records;
                self.link(&mut chain, record);
                agents[index].records = chain;
            }
        }

        // --- Derivations: relays, and reports never declared. ---
        for level in &raw.levels {
            for d in &level.derivations {
                match derivation_ends(d) {
                    Err(false) => self.skip(
                        "wasDerivedFrom",
                        self.txt(d.id),
                        "missing prov:generatedEntity or prov:usedEntity".into(),
                    ),
                    Err(true) => self.skip(
                        "wasDerivedFrom",
                        self.txt(d.id),
                        format!("entity {:?} derived from itself", self.str(d.generated)),
                    ),
                    Ok((generated, used)) => {
                        if d.unknown_type != NONE {
                            self.skip_repeated(
                                "wasDerivedFrom",
                                self.txt(d.id),
                                format_args!(
                                    "prov:type {} read as a plain derivation",
                                    self.txt(d.unknown_type)
                                ),
                            );
                        }
                        intern_report(&mut reports, &mut report_of, generated);
                        intern_report(&mut reports, &mut report_of, used);
                    }
                }
            }
        }

        // --- Attributions: report sources and document publishers. ---
        // Counted first, then listed per report (in file order).
        let mut source_start: Vec<u32> = vec![0; reports.len() + 1];
        for level in &raw.levels {
            for pair in &level.attributions {
                let id = self.txt(pair.id);
                let (Some(entity), Some(agent)) = (is_id(pair.a), is_id(pair.b)) else {
                    self.skip(
                        "wasAttributedTo",
                        id,
                        "missing prov:entity or prov:agent".into(),
                    );
                    continue;
                };
                if let Some(report) = report_of.get(entity) {
                    intern_agent(&mut agents, &mut agent_of, agent);
                    source_start[report + 1] += 1;
                } else if let Some(document) = document_of.get(entity) {
                    let agent = intern_agent(&mut agents, &mut agent_of, agent);
                    if documents[document].publisher.is_some_and(|p| p != agent) {
                        self.skip(
                            "wasAttributedTo",
                            id,
                            format!("document {:?} already has a publisher", self.str(entity)),
                        );
                    } else {
                        documents[document].publisher = Some(agent);
                    }
                } else {
                    self.skip(
                        "wasAttributedTo",
                        id,
                        format!("entity {:?} is not a report", self.str(entity)),
                    );
                }
            }
        }
        for i in 1..source_start.len() {
            source_start[i] += source_start[i - 1];
        }
        let mut source_list: Vec<u32> = vec![0; source_start.last().map_or(0, |&n| n as usize)];
        let mut filled: Vec<u32> = source_start.clone();
        for level in &raw.levels {
            for pair in &level.attributions {
                if let (Some(entity), Some(agent)) = (is_id(pair.a), is_id(pair.b))
                    && let (Some(report), Some(agent)) =
                        (report_of.get(entity), agent_of.get(agent))
                {
                    source_list[filled[report] as usize] = agent as u32;
                    filled[report] += 1;
                }
            }
        }
        drop(filled);

        // --- Delegations: affiliations. ---
        for level in &raw.levels {
            for d in &level.delegations {
                let id = self.txt(d.id);
                let (Some(delegate), Some(responsible)) = (is_id(d.delegate), is_id(d.responsible))
                else {
                    self.skip(
                        "actedOnBehalfOf",
                        id,
                        "missing prov:delegate or prov:responsible".into(),
                    );
                    continue;
                };
                let delegate = intern_agent(&mut agents, &mut agent_of, delegate);
                let responsible = intern_agent(&mut agents, &mut agent_of, responsible);
                if d.activity {
                    self.skip_repeated(
                        "actedOnBehalfOf",
                        id,
                        format_args!("prov:activity not mapped"),
                    );
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
        let mut times: Vec<Option<DateRange>> = Vec::new();
        for level in &raw.levels {
            for g in &level.generations {
                let id = self.txt(g.id);
                let entity = is_id(g.entity);
                let Some(report) = entity.and_then(|e| report_of.get(e)) else {
                    self.skip(
                        "wasGeneratedBy",
                        id,
                        format!(
                            "entity {:?} is not a report",
                            entity.map_or("", |e| self.str(e))
                        ),
                    );
                    continue;
                };
                if g.activity {
                    self.skip_repeated(
                        "wasGeneratedBy",
                        id,
                        format_args!("prov:activity not mapped"),
                    );
                }
                match g.time.and_then(|t| raw.text(t)) {
                    None => self.skip_repeated("wasGeneratedBy", id, format_args!("no prov:time")),
                    Some(time) => {
                        // The day is what comes before the `T`: ten characters
                        // for years 0 to 9999, more for signed years, which
                        // xsd:dateTime allows and the writer emits.
                        let day = time.split_once('T').map_or(&*time, |(day, _)| day);
                        match date_serde::parse(day).ok() {
                            Some(day) => {
                                if times.is_empty() {
                                    times = vec![None; reports.len()];
                                }
                                times[report] = Some(DateRange::day(day));
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
        for level in &raw.levels {
            for unmapped in &level.unmapped {
                self.skip_repeated_n(
                    &unmapped.name,
                    self.txt(unmapped.first),
                    format_args!("relation not mapped"),
                    unmapped.count,
                );
            }
        }

        // --- Build the graph, in dependency order. ---
        let mut graph = Graph::new();
        // Most reports of a PROV file keep their id as key: room for all.
        graph.reserve_reports(reports.len(), reports.len());

        // Sources: live ones without mentions or affiliations first (those
        // may point to documents and sources not yet added).
        let mut live_mentions: Vec<(SourceId, Vec<Mention>)> = Vec::new();
        let mut merged_sources: Vec<(usize, SourceId, Source)> = Vec::new();
        let mut agent_fields = Vec::with_capacity(agents.len());
        for agent in &agents {
            agent_fields.push(self.agent_fields(agent, &agent_of, &document_of)?);
        }
        for (index, (mut source, mentions, merged_into, merged_affiliation)) in
            agent_fields.into_iter().enumerate()
        {
            match merged_into {
                None => {
                    let id = graph
                        .add_source(source)
                        .map_err(|e| record_error("agent", self.str(agents[index].id), e))?;
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
                        .map_err(|e| record_error("agent", self.str(agents[index].id), e))?;
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
                .map_err(|e| record_error("bundle", self.str(document.id), e))?;
        }
        for (source, mentions) in live_mentions {
            for mention in mentions {
                graph
                    .add_mention(source, mention)
                    .map_err(|e| record_error("agent", self.str(agents[source.index()].id), e))?;
            }
        }
        for (index, _, source) in &merged_sources {
            for mention in &source.mentions {
                check_merged_mention(&graph, mention)
                    .map_err(|e| record_error("agent", self.str(agents[*index].id), e))?;
            }
        }
        for (index, agent) in agents.iter().enumerate() {
            if let Some(principal) = agent.affiliation {
                let id = source_id(index)?;
                if graph.merged_source(id).is_some() {
                    continue;
                }
                if let Err(error) = graph.set_affiliation(id, Some(source_id(principal)?)) {
                    self.skip("actedOnBehalfOf", self.str(agent.id), error.to_string());
                }
            }
        }

        // Claims.
        for &record in &claims {
            let (claim, merged_into) = self.claim_fields(record, &claim_of)?;
            let result = match merged_into {
                None => graph.add_claim(claim).map(|_| ()),
                Some(into) => {
                    claim_id(into).and_then(|into| graph.push_merged_claim(into, claim).map(|_| ()))
                }
            };
            let id = raw.elems[record as usize].id;
            result.map_err(|e| record_error("entity", self.str(id), e))?;
        }
        graph
            .check_merges()
            .map_err(|message| Error::parse(FORMAT, 0, 0, message))?;

        // Reports, then relays (which may point forward or close cycles).
        for (index, pending) in reports.iter().enumerate() {
            let sources = source_list
                .get(source_start[index] as usize..source_start[index + 1] as usize)
                .unwrap_or_default();
            let time = times.get(index).copied().flatten();
            let report = self.report_fields(pending, sources, time, &claim_of, &document_of)?;
            graph
                .add_report(report)
                .map_err(|e| record_error("entity", self.str(pending.id), e))?;
        }
        Ok(Items {
            graph,
            skipped: self.skipped,
            repeated: self.repeated,
            report_of,
            claim_of,
        })
    }

    /// Adds the relays and claim equivalences to the graph of `items`.
    fn finish(mut self, items: Items) -> Result<ProvImport> {
        let raw = self.raw;
        let Items {
            mut graph,
            skipped,
            repeated,
            report_of,
            claim_of,
        } = items;
        self.skipped = skipped;
        self.repeated = repeated;
        for level in &raw.levels {
            for d in &level.derivations {
                let Ok((generated, used)) = derivation_ends(d) else {
                    continue;
                };
                let (Some(from), Some(to)) = (report_of.get(generated), report_of.get(used)) else {
                    continue;
                };
                graph
                    .add_relay(report_id(from)?, report_id(to)?, d.kind)
                    .map_err(|error| record_error("wasDerivedFrom", self.txt(d.id), error))?;
            }
        }

        // Claim equivalences.
        for level in &raw.levels {
            for pair in &level.alternates {
                let id = self.txt(pair.id);
                let pair = (
                    is_id(pair.a).and_then(|c| claim_of.get(c)),
                    is_id(pair.b).and_then(|c| claim_of.get(c)),
                );
                match pair {
                    (Some(a), Some(b)) => graph
                        .declare_equivalent(claim_id(a)?, claim_id(b)?)
                        .map_err(|e| record_error("alternateOf", id, e))?,
                    _ => self.skip("alternateOf", id, "not between two claims".into()),
                }
            }
        }

        for reasons in self.repeated.values() {
            for (index, count) in reasons.values() {
                if *count > 1 {
                    let skipped = &mut self.skipped[*index];
                    skipped.reason = format!("{} (and {} more like it)", skipped.reason, count - 1);
                }
            }
        }
        let prefixes = raw
            .levels
            .iter()
            .flat_map(|level| level.prefixes.iter().cloned())
            .collect();
        Ok(ProvImport {
            graph,
            skipped: self.skipped,
            prefixes,
        })
    }

    fn agent_kind(&self, value: Value) -> Option<SourceKind> {
        self.raw.each(value).find_map(|value| {
            let text = self.raw.text(value)?;
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

    /// Every text of a value (one, or those of an array).
    fn texts(&self, value: Value) -> Vec<String> {
        self.raw
            .each(value)
            .filter_map(|v| self.raw.text(v))
            .map(Cow::into_owned)
            .collect()
    }

    /// The source an agent describes, its mentions, and for a merged record
    /// the agents it was merged into and acted for.
    #[allow(clippy::type_complexity)]
    fn agent_fields(
        &mut self,
        agent: &PendingAgent,
        agent_of: &SymMap,
        document_of: &SymMap,
    ) -> Result<(Source, Vec<Mention>, Option<usize>, Option<usize>)> {
        let raw = self.raw;
        let id = self.str(agent.id);
        let error = |message: String| record_error("agent", id, message);
        let mut source = Source::new(SourceKind::Unnamed, id);
        let mut label = None;
        let mut key = None;
        let mut mentions = Vec::new();
        let mut merged_into = None;
        let mut affiliation = None;
        let find_agent = |value: Value, what: &str| -> Result<usize> {
            let (text, sym) = raw.lookup(value);
            sym.and_then(|sym| agent_of.get(sym))
                .ok_or_else(|| error(format!("{what} names no agent: {text:?}")))
        };
        let records: Vec<u32> = self.records(agent.records).collect();
        for record in records {
            for &(name, value) in raw.attrs(record) {
                let name = raw.sym(name);
                match name {
                    "prov:type" => match self.agent_kind(value) {
                        Some(kind) => source.kind = kind,
                        None => {
                            let text = self.texts(value).join(" ");
                            self.skip_repeated(
                                "agent",
                                id,
                                format_args!("prov:type {text} not mapped"),
                            );
                        }
                    },
                    "prov:label" => {
                        label = label.or_else(|| {
                            raw.each(value)
                                .find_map(|v| raw.text(v))
                                .map(Cow::into_owned)
                        })
                    }
                    other => match self.our_local(other) {
                        Some("key") => key = raw.text(value).map(Cow::into_owned),
                        Some("descriptor") => source.descriptors.extend(self.texts(value)),
                        Some("alias") => source.aliases.extend(self.texts(value)),
                        Some("mention") => {
                            for text in self.texts(value) {
                                mentions.push(
                                    parse_mention(&text, &raw.syms, document_of).map_err(error)?,
                                );
                            }
                        }
                        Some("reliability") => {
                            let text = raw.text(value).unwrap_or_default();
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
                        _ => self.skip_repeated(
                            "agent",
                            id,
                            format_args!("attribute {other} not mapped"),
                        ),
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

    fn document_fields(&mut self, document: &PendingDocument) -> Result<Document> {
        let raw = self.raw;
        let id = self.str(document.id);
        let error = |message: String| record_error("bundle", id, message);
        let mut value = Document::new();
        let mut key = None;
        let records: Vec<u32> = self.records(document.records).collect();
        for record in records {
            for &(name, attr) in raw.attrs(record) {
                let name = raw.sym(name);
                match (name, self.our_local(name)) {
                    ("prov:type", _) => {}
                    (_, Some("key")) => key = raw.text(attr).map(Cow::into_owned),
                    (_, Some("title")) => value.title = raw.text(attr).map(Cow::into_owned),
                    (_, Some("text")) => value.text = raw.text(attr).map(Cow::into_owned),
                    (_, Some("date")) => {
                        let text = raw.text(attr).unwrap_or_default();
                        value.date =
                            Some(date_serde::parse(&text).map_err(|e| error(e.to_string()))?);
                    }
                    (other, _) => self.skip_repeated(
                        "bundle",
                        id,
                        format_args!("attribute {other} not mapped"),
                    ),
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

    fn claim_fields(&mut self, record: u32, claim_of: &SymMap) -> Result<(Claim, Option<usize>)> {
        let raw = self.raw;
        let id = self.str(raw.elems[record as usize].id);
        let mut claim = Claim::default();
        let mut key = None;
        let mut merged_into = None;
        for &(name, value) in raw.attrs(record) {
            let name = raw.sym(name);
            match (name, self.our_local(name)) {
                ("prov:type", _) => {}
                (_, Some("content")) => {
                    claim.content = raw.text(value).map(Cow::into_owned).unwrap_or_default()
                }
                (_, Some("key")) => key = raw.text(value).map(Cow::into_owned),
                (_, Some("mergedInto")) => {
                    let (text, sym) = raw.lookup(value);
                    merged_into = Some(sym.and_then(|sym| claim_of.get(sym)).ok_or_else(|| {
                        record_error(
                            "entity",
                            id,
                            format!("acc:mergedInto names no claim: {text:?}"),
                        )
                    })?);
                }
                (other, _) => {
                    self.skip_repeated("entity", id, format_args!("attribute {other} not mapped"))
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
        pending: &PendingReport,
        sources: &[u32],
        time_from_generation: Option<DateRange>,
        claim_of: &SymMap,
        document_of: &SymMap,
    ) -> Result<Report> {
        let raw = self.raw;
        let id = self.str(pending.id);
        let error = |message: String| record_error("entity", id, message);
        let mut report_sources = Speakers::new();
        for &source in sources {
            let source = source_id(source as usize)?;
            if !report_sources.contains(&source) {
                report_sources.push(source);
            }
        }
        let mut report = Report {
            sources: report_sources,
            document: match pending.document {
                NONE => None,
                document => Some(document_id(document as usize)?),
            },
            ..Report::default()
        };
        let mut key = None;
        let mut evidence: Option<Evidence> = None;
        let text_of = |value: Value| raw.text(value).map(Cow::into_owned).unwrap_or_default();
        let mut record = pending.records.first;
        while record != NONE {
            for &(name, value) in raw.attrs(record) {
                let name = raw.sym(name);
                let Some(local) = self.our_local(name) else {
                    self.skip_repeated("entity", id, format_args!("attribute {name} not mapped"));
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
                        let (text, sym) = raw.lookup(value);
                        let claim = sym
                            .and_then(|sym| claim_of.get(sym))
                            .ok_or_else(|| error(format!("acc:claim names no claim: {text:?}")))?;
                        report.claim = Some(claim_id(claim)?);
                    }
                    "document" => {
                        let (text, sym) = raw.lookup(value);
                        let document =
                            sym.and_then(|sym| document_of.get(sym)).ok_or_else(|| {
                                error(format!("acc:document names no document: {text:?}"))
                            })?;
                        report.document = Some(document_id(document)?);
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
                        for text in self.texts(value) {
                            spans.push(
                                parse_span(&text)
                                    .ok_or_else(|| error(format!("invalid span {text:?}")))?,
                            );
                        }
                    }
                    _ => self.skip_repeated(
                        "entity",
                        id,
                        format_args!("attribute {name} not mapped"),
                    ),
                }
            }
            record = self.next[record as usize];
        }
        if report.time.is_none() {
            report.time = time_from_generation;
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

/// An argument that names an id (interned), or `None`.
fn is_id(arg: u32) -> Option<u32> {
    (arg < NOT_TEXT).then_some(arg)
}

/// The two ends of a derivation; `Err(true)` for a derivation of an entity
/// from itself, `Err(false)` for a missing end.
fn derivation_ends(d: &Derivation) -> std::result::Result<(u32, u32), bool> {
    match (is_id(d.generated), is_id(d.used)) {
        (Some(generated), Some(used)) if generated == used => Err(true),
        (Some(generated), Some(used)) => Ok((generated, used)),
        _ => Err(false),
    }
}

fn parse_mention(
    text: &str,
    strings: &Strings,
    document_of: &SymMap,
) -> std::result::Result<Mention, String> {
    let raw: MentionText<'_> =
        serde_json::from_str(text).map_err(|e| format!("invalid acc:mention {text:?}: {e}"))?;
    let document = match raw.document {
        None => None,
        Some(name) => Some(
            strings
                .find(name.as_ref())
                .and_then(|sym| document_of.get(sym))
                .map(|d| DocumentId::new(d as u32))
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

fn intern_report(reports: &mut Vec<PendingReport>, report_of: &mut SymMap, id: u32) -> usize {
    match report_of.get(id) {
        Some(index) => index,
        None => {
            report_of.insert(id, reports.len());
            reports.push(PendingReport {
                id,
                records: Chain::EMPTY,
                document: NONE,
            });
            reports.len() - 1
        }
    }
}

fn intern_agent(agents: &mut Vec<PendingAgent>, agent_of: &mut SymMap, id: u32) -> usize {
    match agent_of.get(id) {
        Some(index) => index,
        None => {
            agent_of.insert(id, agents.len());
            agents.push(PendingAgent {
                id,
                records: Chain::EMPTY,
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
