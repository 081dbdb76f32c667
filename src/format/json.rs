//! The native JSON format: every detail of a [`Graph`], losslessly.
//!
//! A file is one JSON object. Items are grouped by kind into objects keyed by
//! their id, in id order, much as PROV-JSON groups records:
//!
//! ```json
//! {
//!   "according": 1,
//!   "sources": {"s0": {"name": "Seoul's spy agency", "kind": "organization"}},
//!   "merged_sources": {},
//!   "claims": {"c0": {"content": "North Korea has sent about 5,000 troops"}},
//!   "merged_claims": {},
//!   "documents": {"d0": {"date": "2025-11-04"}},
//!   "reports": {"r0": {"sources": ["s0"], "claim": "c0", "document": "d0", "cue": "briefing"}},
//!   "equivalences": []
//! }
//! ```
//!
//! - `according` is the schema version, [`SCHEMA_VERSION`]. A file of another
//!   version is rejected with [`Error::UnsupportedVersion`].
//! - Ids (`s0`, `c0`, `d0`, `r0`) are the graph's own ids: loading a file
//!   gives back every item under the id it had, so ids printed from one run
//!   stay valid in the next. Each kind's ids must run from 0 without gaps.
//! - Dates are ISO 8601 strings (`"2025-11-04"`), date ranges ISO 8601
//!   intervals (`"2025-10-01/2025-10-31"`), spans `[start, end]` byte offsets.
//! - `merged_sources` and `merged_claims` record merges (`{"into": "s1",
//!   "record": {...}}`, the record as it was before the merge), so that
//!   entity resolution loses nothing.
//! - Fields holding their default value are omitted; unknown fields are
//!   rejected, so a typo does not silently drop data.
//!
//! Loading checks everything [`Graph`]'s insertion methods check (dangling
//! ids, self-relays, duplicate keys, spans outside the text) and also
//! duplicate ids and gaps; errors are [`Error::Parse`] naming the offending
//! item, with the line and column for syntax errors. Nesting deeper than
//! 128 levels and inputs over the size limit of [`Limits`] are rejected with
//! [`Error::LimitExceeded`], before they can exhaust the stack or memory.
//!
//! Writing then reading gives an equal graph (`==`).

use std::fmt;
use std::io::Write;
use std::marker::PhantomData;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::format::limits::{Limits, MAX_JSON_NESTING};
use crate::graph::{Graph, Slot};
use crate::model::{Claim, ClaimId, Document, DocumentId, Report, ReportId, Source, SourceId};

/// The schema version this release reads and writes.
pub const SCHEMA_VERSION: u64 = 1;

const FORMAT: &str = "json";

/// Writes `graph` as compact native JSON.
///
/// # Errors
///
/// [`Error::Io`] if writing fails.
///
/// # Complexity
///
/// **O(size of the graph)**, streaming: no intermediate copy of the graph is made.
pub fn write(graph: &Graph, writer: impl Write) -> Result<(), Error> {
    serde_json::to_writer(writer, &Wire(graph)).map_err(into_io_error)
}

/// Writes `graph` as indented native JSON, for reading by people.
///
/// # Errors
///
/// [`Error::Io`] if writing fails.
pub fn write_pretty(graph: &Graph, writer: impl Write) -> Result<(), Error> {
    serde_json::to_writer_pretty(writer, &Wire(graph)).map_err(into_io_error)
}

/// The native JSON of `graph`, compact.
pub fn to_string(graph: &Graph) -> String {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail, and the serializer only emits UTF-8.
    let _ = write(graph, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// The native JSON of `graph`, indented.
pub fn to_string_pretty(graph: &Graph) -> String {
    let mut out = Vec::new();
    let _ = write_pretty(graph, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Reads a graph from native JSON bytes, within the default [`Limits`].
///
/// # Errors
///
/// - [`Error::Parse`] for malformed JSON (with line and column), fields of
///   the wrong type, unknown fields, duplicate or missing ids, and anything
///   the graph's insertion methods reject (naming the item);
/// - [`Error::UnsupportedVersion`] for another schema version;
/// - [`Error::LimitExceeded`] for an input over the size limit or nesting
///   deeper than [`MAX_JSON_NESTING`] levels.
///
/// # Complexity
///
/// **O(size of the input)**.
///
/// # Example
///
/// ```
/// use according::{Claim, Graph, Report, Source, format::json};
///
/// let mut graph = Graph::new();
/// let agency = graph.add_source(Source::organization("Seoul's spy agency"))?;
/// let claim = graph.add_claim(Claim::new("North Korea has sent troops"))?;
/// graph.add_report(Report::by(agency, claim).with_cue("briefing"))?;
///
/// let text = json::to_string(&graph);
/// assert_eq!(json::read(text.as_bytes())?, graph);
///
/// let err = json::read(br#"{"according": 1, "reports": {"r0": {"claim": "c9"}}}"#).unwrap_err();
/// assert_eq!(err.to_string(), "json: report r0: unknown claim c9");
/// # Ok::<(), according::Error>(())
/// ```
pub fn read(bytes: &[u8]) -> Result<Graph, Error> {
    read_with(bytes, &Limits::default())
}

/// Reads a graph from native JSON bytes, within `limits`.
///
/// # Errors
///
/// As [`read`]; [`Error::LimitExceeded`] names the limit exceeded.
///
/// # Complexity
///
/// **O(size of the input)**.
pub fn read_with(bytes: &[u8], limits: &Limits) -> Result<Graph, Error> {
    limits.check_input(bytes.len())?;
    // serde would also accept the top-level fields as a positional array;
    // the format is an object.
    let first = bytes.iter().position(|b| !b.is_ascii_whitespace());
    if let Some(first) = first.filter(|&i| bytes[i] != b'{') {
        let line = 1 + bytes[..first].iter().filter(|&&b| b == b'\n').count();
        let column = first
            - bytes[..first]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1)
            + 1;
        return Err(Error::parse(
            FORMAT,
            line,
            column,
            "expected a JSON object at the top level",
        ));
    }
    // Valid UTF-8 throughout (checked at once, quickly) spares the parser
    // checking every string; otherwise it finds and places the bad bytes.
    let parsed = match std::str::from_utf8(bytes) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_slice(bytes),
    };
    let wire: WireIn = match parsed {
        Ok(wire) => wire,
        Err(err) => {
            // A file of another version may fail on fields this version does not
            // know; say what the real problem is.
            if let Ok(probe) = serde_json::from_slice::<VersionProbe>(bytes)
                && probe.according != SCHEMA_VERSION
            {
                return Err(Error::UnsupportedVersion {
                    found: probe.according,
                    supported: SCHEMA_VERSION,
                });
            }
            return Err(syntax_error(&err));
        }
    };
    if wire.according != SCHEMA_VERSION {
        return Err(Error::UnsupportedVersion {
            found: wire.according,
            supported: SCHEMA_VERSION,
        });
    }
    build(wire)
}

/// Reads a graph from a native JSON string. See [`read`].
///
/// # Errors
///
/// As [`read`].
pub fn from_str(text: &str) -> Result<Graph, Error> {
    read(text.as_bytes())
}

fn into_io_error(err: serde_json::Error) -> Error {
    match err.io_error_kind() {
        Some(kind) => Error::Io {
            path: None,
            source: std::io::Error::new(kind, err),
        },
        None => Error::Io {
            path: None,
            source: std::io::Error::other(err),
        },
    }
}

fn syntax_error(err: &serde_json::Error) -> Error {
    // serde_json stops at its recursion limit with a syntax error; it is a
    // limit of the reader, not a flaw of the file, and is reported as one.
    if err.to_string().starts_with("recursion limit exceeded") {
        return Error::LimitExceeded {
            what: "json nesting depth",
            limit: MAX_JSON_NESTING,
        };
    }
    // serde_json appends " at line L column C" to its messages; we report the
    // position in our own fields instead.
    let message = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    let message = message.strip_suffix(&suffix).unwrap_or(&message).to_owned();
    Error::parse(FORMAT, err.line(), err.column(), message)
}

fn item_error(what: impl fmt::Display, err: Error) -> Error {
    Error::parse(FORMAT, 0, 0, format!("{what}: {err}"))
}

// ----- writing ---------------------------------------------------------------

struct Wire<'a>(&'a Graph);

#[derive(Serialize)]
struct MergedOut<'a, Id, T> {
    into: Id,
    record: &'a T,
}

impl Serialize for Wire<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let graph = self.0;
        let mut map = serializer.serialize_map(Some(8))?;
        map.serialize_entry("according", &SCHEMA_VERSION)?;
        map.serialize_entry(
            "sources",
            &Live::<SourceId, Source>(graph.source_slots(), PhantomData),
        )?;
        map.serialize_entry(
            "merged_sources",
            &Merged::<SourceId, Source>(graph.source_slots(), PhantomData),
        )?;
        map.serialize_entry(
            "claims",
            &Live::<ClaimId, Claim>(graph.claim_slots(), PhantomData),
        )?;
        map.serialize_entry(
            "merged_claims",
            &Merged::<ClaimId, Claim>(graph.claim_slots(), PhantomData),
        )?;
        map.serialize_entry("documents", &Items(graph.documents()))?;
        map.serialize_entry("reports", &Items(graph.reports()))?;
        map.serialize_entry("equivalences", graph.equivalences())?;
        map.end()
    }
}

struct Live<'a, Id, T>(&'a [Slot<T, Id>], PhantomData<Id>);

impl<Id: Indexed + Serialize, T: Serialize> Serialize for Live<'_, Id, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(
            self.0
                .iter()
                .enumerate()
                .filter_map(|(i, slot)| match slot {
                    Slot::Live(item) => Some((Id::at(i), item)),
                    Slot::Merged { .. } => None,
                }),
        )
    }
}

struct Merged<'a, Id, T>(&'a [Slot<T, Id>], PhantomData<Id>);

impl<Id: Indexed + Serialize, T: Serialize> Serialize for Merged<'_, Id, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(
            self.0
                .iter()
                .enumerate()
                .filter_map(|(i, slot)| match slot {
                    Slot::Live(_) => None,
                    Slot::Merged { into, original } => Some((
                        Id::at(i),
                        MergedOut {
                            into: *into,
                            record: original,
                        },
                    )),
                }),
        )
    }
}

struct Items<I>(I);

impl<'a, Id, T, I> Serialize for Items<I>
where
    Id: Serialize,
    T: Serialize + 'a,
    I: Iterator<Item = (Id, &'a T)> + Clone,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.clone())
    }
}

// ----- reading ---------------------------------------------------------------

#[derive(Deserialize)]
struct VersionProbe {
    according: u64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WireIn {
    according: u64,
    #[serde(default)]
    sources: IdMap<SourceId, Source>,
    #[serde(default)]
    merged_sources: IdMap<SourceId, MergedIn<SourceId, Source>>,
    #[serde(default)]
    claims: IdMap<ClaimId, Claim>,
    #[serde(default)]
    merged_claims: IdMap<ClaimId, MergedIn<ClaimId, Claim>>,
    #[serde(default)]
    documents: Dense<DocumentId, Document>,
    #[serde(default)]
    reports: Dense<ReportId, Report>,
    #[serde(default)]
    equivalences: Vec<(ClaimId, ClaimId)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MergedIn<Id, T> {
    into: Id,
    record: T,
}

/// A JSON object keyed by ids, read in file order. Duplicate keys are an
/// error (serde_json would otherwise keep the last one silently).
struct IdMap<Id, T>(Vec<(Id, T)>);

impl<Id, T> Default for IdMap<Id, T> {
    fn default() -> Self {
        IdMap(Vec::new())
    }
}

impl<'de, Id, T> Deserialize<'de> for IdMap<Id, T>
where
    Id: Deserialize<'de> + Ord + Copy + fmt::Display,
    T: Deserialize<'de>,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<Id, T>(PhantomData<(Id, T)>);
        impl<'de, Id, T> Visitor<'de> for MapVisitor<Id, T>
        where
            Id: Deserialize<'de> + Ord + Copy + fmt::Display,
            T: Deserialize<'de>,
        {
            type Value = IdMap<Id, T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object keyed by ids")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::with_capacity(access.size_hint().unwrap_or(0).min(1 << 16));
                while let Some(id) = access.next_key::<Id>()? {
                    items.push((id, access.next_value::<T>()?));
                }
                Ok(IdMap(items))
            }
        }
        deserializer.deserialize_map(MapVisitor(PhantomData))
    }
}

/// A JSON object keyed by ids, for the many items of one kind: the items
/// alone while their ids are their positions (as the writer writes them),
/// so that the table read is the graph's table; the ids as well from the
/// first one out of place.
struct Dense<Id, T> {
    items: Vec<T>,
    /// Each item's id, when some id is not its position.
    ids: Option<Vec<Id>>,
}

impl<Id, T> Default for Dense<Id, T> {
    fn default() -> Self {
        Dense {
            items: Vec::new(),
            ids: None,
        }
    }
}

impl<Id: Indexed, T> Dense<Id, T> {
    /// The items in id order, checked as [`in_id_order`] checks them.
    fn into_id_order(self, kind: &str) -> Result<Vec<T>, Error> {
        match self.ids {
            None => Ok(self.items),
            Some(ids) => Ok(
                in_id_order(kind, ids.into_iter().zip(self.items).collect())?
                    .into_iter()
                    .map(|(_, item)| item)
                    .collect(),
            ),
        }
    }
}

impl<'de, Id, T> Deserialize<'de> for Dense<Id, T>
where
    Id: Deserialize<'de> + Indexed,
    T: Deserialize<'de>,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<Id, T>(PhantomData<(Id, T)>);
        impl<'de, Id, T> Visitor<'de> for MapVisitor<Id, T>
        where
            Id: Deserialize<'de> + Indexed,
            T: Deserialize<'de>,
        {
            type Value = Dense<Id, T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object keyed by ids")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut dense = Dense {
                    items: Vec::with_capacity(access.size_hint().unwrap_or(0).min(1 << 16)),
                    ids: None,
                };
                while let Some(id) = access.next_key::<Id>()? {
                    let position = dense.items.len();
                    match &mut dense.ids {
                        Some(ids) => ids.push(id),
                        None if id.position() != position => {
                            let mut ids: Vec<Id> = (0..position).map(Id::at).collect();
                            ids.push(id);
                            dense.ids = Some(ids);
                        }
                        None => {}
                    }
                    dense.items.push(access.next_value::<T>()?);
                }
                Ok(dense)
            }
        }
        deserializer.deserialize_map(MapVisitor(PhantomData))
    }
}

/// Ids that give their position in insertion order.
trait Indexed: Copy + fmt::Display {
    fn position(self) -> usize;
    fn at(position: usize) -> Self;
}

macro_rules! indexed {
    ($($id:ty),*) => {$(
        impl Indexed for $id {
            fn position(self) -> usize {
                self.index()
            }
            fn at(position: usize) -> Self {
                // Positions come from ids read from the file, so they fit.
                <$id>::new(position as u32)
            }
        }
    )*};
}
indexed!(SourceId, ClaimId, DocumentId, ReportId);

/// Sorts `entries` by id and checks that the ids run from 0 without gaps or
/// repeats, so that every item gets back the id it was written with.
fn in_id_order<Id: Indexed, T>(
    kind: &str,
    mut entries: Vec<(Id, T)>,
) -> Result<Vec<(Id, T)>, Error> {
    entries.sort_by_key(|(id, _)| id.position());
    for (expected, (id, _)) in entries.iter().enumerate() {
        let message = match id.position().cmp(&expected) {
            std::cmp::Ordering::Equal => continue,
            std::cmp::Ordering::Less => format!("duplicate {kind} id {id}"),
            std::cmp::Ordering::Greater => format!(
                "missing {kind} id {} (ids must run from 0 without gaps)",
                Id::at(expected)
            ),
        };
        return Err(Error::parse(FORMAT, 0, 0, message));
    }
    Ok(entries)
}

/// A slot with the id it was written under.
type IdSlot<Id, T> = (Id, Slot<T, Id>);

/// The slots of one kind, live and merged, in id order.
fn slots<Id: Indexed, T>(
    kind: &str,
    live: IdMap<Id, T>,
    merged: IdMap<Id, MergedIn<Id, T>>,
) -> Result<Vec<IdSlot<Id, T>>, Error> {
    let mut entries: Vec<IdSlot<Id, T>> = live
        .0
        .into_iter()
        .map(|(id, item)| (id, Slot::Live(item)))
        .collect();
    entries.extend(merged.0.into_iter().map(|(id, m)| {
        (
            id,
            Slot::Merged {
                into: m.into,
                original: m.record,
            },
        )
    }));
    in_id_order(kind, entries)
}

fn build(wire: WireIn) -> Result<Graph, Error> {
    let mut graph = Graph::new();

    // Sources, live and merged. Affiliations and mentions may point to
    // sources and documents that come later: they are set afterwards.
    let mut deferred = Vec::new();
    for (id, slot) in slots("source", wire.sources, wire.merged_sources)? {
        match slot {
            Slot::Live(mut source) => {
                let affiliation = source.affiliation.take();
                let mentions = std::mem::take(&mut source.mentions);
                graph
                    .add_source(source)
                    .map_err(|e| item_error(format!("source {id}"), e))?;
                deferred.push((id, affiliation, mentions));
            }
            Slot::Merged { into, original } => {
                graph
                    .push_merged_source(into, original)
                    .map_err(|e| item_error(format!("merged source {id}"), e))?;
            }
        }
    }
    for (id, slot) in slots("claim", wire.claims, wire.merged_claims)? {
        match slot {
            Slot::Live(claim) => {
                graph
                    .add_claim(claim)
                    .map_err(|e| item_error(format!("claim {id}"), e))?;
            }
            Slot::Merged { into, original } => {
                graph
                    .push_merged_claim(into, original)
                    .map_err(|e| item_error(format!("merged claim {id}"), e))?;
            }
        }
    }
    graph
        .check_merges()
        .map_err(|message| Error::parse(FORMAT, 0, 0, message))?;

    let documents = wire.documents.into_id_order("document")?;
    let mut graph =
        graph.with_documents(documents, |id, e| item_error(format!("document {id}"), e))?;

    // Now that every source and document exists: affiliations and mentions.
    for (id, affiliation, mentions) in deferred {
        graph
            .set_affiliation(id, affiliation)
            .map_err(|e| item_error(format!("source {id}"), e))?;
        for mention in mentions {
            graph
                .add_mention(id, mention)
                .map_err(|e| item_error(format!("source {id}"), e))?;
        }
    }

    // Reports, then their relays, so that a relay may point to a later
    // report (and close a cycle): checked and indexed in one batch.
    let reports = wire.reports.into_id_order("report")?;
    let mut graph = graph.with_reports(reports, |id, e| item_error(format!("report {id}"), e))?;

    for (a, b) in wire.equivalences {
        graph
            .declare_equivalent(a, b)
            .map_err(|e| item_error(format!("equivalence {a} = {b}"), e))?;
    }
    Ok(graph)
}
