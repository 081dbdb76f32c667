//! brat standoff annotations of attributions, in the convention of the
//! PolNeAR corpus.
//!
//! A brat annotation file (`.ann`) sits beside the text it annotates and
//! points into it with character offsets. Attributions are written as text
//! spans (`T` lines) labelled `Source`, `Cue` and `Content`, tied together by
//! an event (`E` line) whose trigger is a span labelled `Attribution` (or
//! `Attribution-no-source` when the text gives no speaker). Fields are
//! separated by tabs:
//!
//! ```text
//! T1    Source 0 9    The mayor
//! T2    Cue 10 14    said
//! T3    Content 15 37    the bridge would reopen
//! T4    Attribution 10 14    said
//! E1    Attribution:T4 Cue:T2 Source:T1 Content:T3
//! ```
//!
//! - [`read`] parses a `.ann` file against its text into a [`BratDocument`]
//!   whose spans are byte [`Span`]s, ready to slice the text;
//! - [`import`] adds a document and one [`Report`] per attribution to a
//!   [`Graph`];
//! - [`write()`] writes a document's outermost reports back as brat standoff;
//! - [`corpus`] reads a whole directory in the PolNeAR layout.
//!
//! Offsets in brat files count Unicode characters (code points), not bytes;
//! this module converts at the boundary with one linear pass over the text.
//!
//! brat holds spans and nothing else: written and read back, a document keeps
//! the spans of its outermost reports (with `Content2` spans folded into one
//! discontinuous content span), not its sources' kinds, relays, modes or
//! dates.

pub mod corpus;

use std::collections::{HashMap, HashSet};
use std::io::Write;

use time::Date;

use crate::error::Error;
use crate::format::limits::Limits;
use crate::graph::Graph;
use crate::model::{
    Claim, Document, DocumentId, Evidence, Mention, Report, ReportId, Source, SourceId, SourceKind,
    Span, Voice,
};

const FORMAT: &str = "brat";

/// One attribution read from a brat file: the spans of its source, cue and
/// content, as byte spans into the text.
///
/// Each role holds one span, possibly discontinuous (several fragments, in
/// file order). A role the annotation does not fill is empty: attributions
/// without a source are common ("It was reported that ...").
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct BratAttribution {
    /// The fragments of the `Source` span.
    pub source: Vec<Span>,
    /// The fragments of the `Cue` span.
    pub cue: Vec<Span>,
    /// The fragments of the `Content` span.
    pub content: Vec<Span>,
    /// Further content spans, from the roles `Content2`, `Content3`, ...
    /// Each is a span of its own (PolNeAR uses `Content2` for the second part
    /// of a content interrupted by its source and cue).
    pub extra_content: Vec<Vec<Span>>,
}

impl BratAttribution {
    /// Every content span: the `Content` span (when present) followed by the
    /// extra ones.
    pub fn content_spans(&self) -> impl Iterator<Item = &[Span]> + '_ {
        std::iter::once(self.content.as_slice())
            .filter(|span| !span.is_empty())
            .chain(self.extra_content.iter().map(Vec::as_slice))
    }

    /// Whether the attribution has no span at all.
    pub fn is_empty(&self) -> bool {
        self.source.is_empty() && self.cue.is_empty() && self.content_spans().next().is_none()
    }
}

/// The attributions of one brat annotation file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BratDocument {
    /// One entry per attribution event (`E` line), in file order.
    pub attributions: Vec<BratAttribution>,
    /// How many `Discuss` and `Discard` spans the file has. PolNeAR's
    /// annotators used them as flags; they are not attributions.
    pub n_flags: usize,
    /// How many lines were read and deliberately ignored: attributes (`A`),
    /// relations (`R`), notes (`#`), normalisations (`N`), equivalences
    /// (`*`), modifiers (`M`) and events that are not attributions.
    pub n_ignored_lines: usize,
}

/// Facts about a document that the annotation file does not hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BratMeta {
    /// The document's external key, such as the article's file name.
    pub key: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// The publisher's name; imported as a source of kind
    /// [`SourceKind::Publisher`], shared by all documents naming it.
    pub publisher: Option<String>,
    /// The publication date.
    pub date: Option<Date>,
}

/// A text-bound annotation (`T` line) before offsets are converted.
struct RawSpan<'a> {
    line: usize,
    label: &'a str,
    /// Character offsets, as written.
    fragments: Vec<(usize, usize)>,
    /// The text field, with continuation lines joined by `\n`; `None` when
    /// the line has no text field.
    text: Option<String>,
}

/// An event (`E` line) before its arguments are resolved.
struct RawEvent<'a> {
    line: usize,
    id: &'a str,
    trigger: &'a str,
    arguments: Vec<(&'a str, &'a str)>,
}

/// Reads a brat annotation file `ann` against the `text` it annotates.
///
/// Every event whose type starts with `Attribution` (PolNeAR writes
/// `Attribution` and `Attribution-no-source`) becomes one
/// [`BratAttribution`]; its `Source`, `Cue`, `Content` and `Content2`,
/// `Content3`, ... arguments give the spans. Other arguments are ignored, as
/// are `Discuss`/`Discard` spans and attribute, relation and note lines
/// (counted in [`BratDocument::n_flags`] and
/// [`BratDocument::n_ignored_lines`]). A span's text field may run over
/// several lines when the annotated text contains line breaks: lines that do
/// not start with an annotation id continue the text of the span above.
///
/// # Errors
///
/// [`Error::Parse`] with format `"brat"` and the 1-based line when a line is
/// not brat standoff, an id is defined twice, an offset is not a number, a
/// fragment ends before it starts or past the end of the text, the text
/// field of a span does not match the text at its offsets (line breaks may
/// be written as spaces), or an event names an annotation that does not
/// exist.
///
/// Texts or annotation files over the default [`Limits`] are rejected with
/// [`Error::LimitExceeded`].
///
/// # Complexity
///
/// **O(n + a + k log k)** for a text of `n` bytes, an annotation file of
/// `a` bytes and `k` offsets.
pub fn read(text: &str, ann: &str) -> Result<BratDocument, Error> {
    read_with(text, ann, &Limits::default())
}

/// Like [`read`], within `limits` (applied to the text and to the
/// annotation file, each).
///
/// # Errors
///
/// As [`read`]; [`Error::LimitExceeded`] when the text or the annotation
/// file is over [`Limits::max_input_bytes`].
///
/// # Complexity
///
/// As [`read`].
pub fn read_with(text: &str, ann: &str, limits: &Limits) -> Result<BratDocument, Error> {
    limits.check_input(text.len())?;
    limits.check_input(ann.len())?;
    let mut spans: Vec<(&str, RawSpan<'_>)> = Vec::new();
    let mut events: Vec<RawEvent<'_>> = Vec::new();
    let mut ids: HashSet<&str> = HashSet::new();
    let mut document = BratDocument::default();
    // Whether the previous line was a span (or a continuation of one): only
    // then may a line without an id continue its text field.
    let mut open_span = false;

    for (line_idx, raw_line) in ann.split('\n').enumerate() {
        let line_no = line_idx + 1;
        let line = raw_line.strip_suffix('\r').unwrap_or(raw_line);
        let (id, rest) = match line.split_once('\t') {
            Some((id, rest)) if is_annotation_id(id) => (id, rest),
            _ => {
                if open_span {
                    if let Some((_, span)) = spans.last_mut() {
                        let field = span.text.get_or_insert_with(String::new);
                        field.push('\n');
                        field.push_str(line);
                    }
                    continue;
                }
                if line.trim().is_empty() {
                    continue;
                }
                return Err(Error::parse(
                    FORMAT,
                    line_no,
                    1,
                    format!(
                        "expected an annotation id and a tab, found {:?}",
                        truncate(line)
                    ),
                ));
            }
        };
        open_span = false;
        if !id.starts_with('#') && !id.starts_with('*') && !ids.insert(id) {
            return Err(Error::parse(
                FORMAT,
                line_no,
                1,
                format!("annotation {id} is defined twice"),
            ));
        }
        match id.as_bytes().first() {
            Some(b'T') => {
                let span = parse_span(rest, line_no)?;
                if span.label == "Discuss" || span.label == "Discard" {
                    document.n_flags += 1;
                }
                spans.push((id, span));
                open_span = true;
            }
            Some(b'E') => {
                let event = parse_event(id, rest, line_no)?;
                if event.trigger.starts_with("Attribution") {
                    events.push(event);
                } else {
                    document.n_ignored_lines += 1;
                }
            }
            _ => document.n_ignored_lines += 1,
        }
    }

    let byte_spans = convert_spans(text, &spans)?;
    let index: HashMap<&str, usize> = spans
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (*id, i))
        .collect();

    for event in &events {
        let lookup = |target: &str| {
            index.get(target).copied().ok_or_else(|| {
                Error::parse(
                    FORMAT,
                    event.line,
                    0,
                    format!("event {} refers to unknown span {target}", event.id),
                )
            })
        };
        lookup(event.trigger_id())?;
        let mut attribution = BratAttribution::default();
        let mut seen_roles: Vec<&str> = Vec::new();
        for &(role, target) in &event.arguments {
            let slot = match role {
                "Source" => &mut attribution.source,
                "Cue" => &mut attribution.cue,
                "Content" => &mut attribution.content,
                _ if is_numbered(role, "Content") => {
                    attribution.extra_content.push(Vec::new());
                    match attribution.extra_content.last_mut() {
                        Some(slot) => slot,
                        None => continue,
                    }
                }
                // Other roles carry nothing this crate models.
                _ => continue,
            };
            if seen_roles.contains(&role) {
                return Err(Error::parse(
                    FORMAT,
                    event.line,
                    0,
                    format!("event {} has two {role} arguments", event.id),
                ));
            }
            seen_roles.push(role);
            // `convert_spans` returned one entry per element of `spans`, and
            // `index` holds positions in `spans`.
            slot.clone_from(&byte_spans[lookup(target)?]);
        }
        document.attributions.push(attribution);
    }
    Ok(document)
}

impl RawEvent<'_> {
    fn trigger_id(&self) -> &str {
        self.arguments.first().map_or("", |&(_, target)| target)
    }
}

/// Whether `field` is a brat annotation id: a letter among `T E R A M N`
/// followed by digits, a note id `#…`, or the equivalence marker `*`.
fn is_annotation_id(field: &str) -> bool {
    let mut chars = field.chars();
    match chars.next() {
        Some('T' | 'E' | 'R' | 'A' | 'M' | 'N') => {
            let digits = chars.as_str();
            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
        }
        Some('#') => field[1..].bytes().all(|b| b.is_ascii_digit()),
        Some('*') => field.len() == 1,
        _ => false,
    }
}

/// Whether `role` is `base` followed by a number (`Content2`).
fn is_numbered(role: &str, base: &str) -> bool {
    role.strip_prefix(base)
        .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
}

fn truncate(line: &str) -> &str {
    match line.char_indices().nth(40) {
        Some((at, _)) => &line[..at],
        None => line,
    }
}

/// Parses the part of a `T` line after the id: `Label 1 5;8 12\ttext`.
fn parse_span(rest: &str, line: usize) -> Result<RawSpan<'_>, Error> {
    let (head, text) = match rest.split_once('\t') {
        Some((head, text)) => (head, Some(text.to_owned())),
        None => (rest, None),
    };
    let (label, offsets) = head
        .split_once(' ')
        .ok_or_else(|| Error::parse(FORMAT, line, 0, format!("span {head:?} has no offsets")))?;
    let mut fragments = Vec::new();
    for fragment in offsets.split(';') {
        let mut numbers = fragment.split_whitespace().map(|n| n.parse::<usize>());
        let (Some(Ok(start)), Some(Ok(end)), None) =
            (numbers.next(), numbers.next(), numbers.next())
        else {
            return Err(Error::parse(
                FORMAT,
                line,
                0,
                format!("invalid fragment {fragment:?} in span {label}"),
            ));
        };
        if end < start {
            return Err(Error::parse(
                FORMAT,
                line,
                0,
                format!("fragment {start} {end} of span {label} ends before it starts"),
            ));
        }
        fragments.push((start, end));
    }
    Ok(RawSpan {
        line,
        label,
        fragments,
        text,
    })
}

/// Parses the part of an `E` line after the id: `Type:T4 Role:T2 ...`.
fn parse_event<'a>(id: &'a str, rest: &'a str, line: usize) -> Result<RawEvent<'a>, Error> {
    let mut arguments = Vec::new();
    for argument in rest.split_whitespace() {
        let (role, target) = argument.split_once(':').ok_or_else(|| {
            Error::parse(
                FORMAT,
                line,
                0,
                format!("argument {argument:?} of event {id} has no colon"),
            )
        })?;
        arguments.push((role, target));
    }
    let trigger = arguments
        .first()
        .map(|&(kind, _)| kind)
        .ok_or_else(|| Error::parse(FORMAT, line, 0, format!("event {id} has no type")))?;
    Ok(RawEvent {
        line,
        id,
        trigger,
        arguments,
    })
}

/// Converts the character offsets of every span to byte spans, checking them
/// against the text and against each span's text field.
fn convert_spans(text: &str, spans: &[(&str, RawSpan<'_>)]) -> Result<Vec<Vec<Span>>, Error> {
    let mut offsets: Vec<usize> = spans
        .iter()
        .flat_map(|(_, span)| span.fragments.iter().flat_map(|&(start, end)| [start, end]))
        .collect();
    offsets.sort_unstable();
    offsets.dedup();
    let bytes = chars_to_bytes(text, &offsets);
    let to_byte = |offset: usize| -> Option<usize> {
        let at = offsets.binary_search(&offset).ok()?;
        // `bytes` has one entry per element of `offsets`.
        bytes[at]
    };

    let mut converted = Vec::with_capacity(spans.len());
    for (id, span) in spans {
        let mut fragments = Vec::with_capacity(span.fragments.len());
        for &(start, end) in &span.fragments {
            let (Some(start_byte), Some(end_byte)) = (to_byte(start), to_byte(end)) else {
                return Err(Error::parse(
                    FORMAT,
                    span.line,
                    0,
                    format!("fragment {start} {end} of {id} lies past the end of the text"),
                ));
            };
            fragments.push(Span::new(start_byte, end_byte)?);
        }
        if let Some(field) = &span.text {
            // Blank lines after a span read as continuation lines of its
            // text field; they are not part of it unless the text says so.
            let mut field = field.as_str();
            let mut matches = text_field_matches(text, &fragments, field);
            while let (false, Some(shorter)) = (matches, field.strip_suffix('\n')) {
                field = shorter;
                matches = text_field_matches(text, &fragments, field);
            }
            if !matches {
                return Err(Error::parse(
                    FORMAT,
                    span.line,
                    0,
                    format!("text of {id} does not match the text at its offsets"),
                ));
            }
        }
        converted.push(fragments);
    }
    Ok(converted)
}

/// Whether a span's text field equals its fragments' text joined by single
/// spaces, reading line breaks as spaces (brat writers differ in how they
/// write line breaks inside a span) and ignoring carriage returns.
fn text_field_matches(text: &str, fragments: &[Span], field: &str) -> bool {
    fn normal(c: char) -> Option<char> {
        match c {
            '\r' => None,
            '\n' => Some(' '),
            c => Some(c),
        }
    }
    let referenced = fragments.iter().enumerate().flat_map(|(i, span)| {
        let separator = if i == 0 { "" } else { " " };
        // Fragments were built from character boundaries of `text`.
        separator
            .chars()
            .chain(text.get(span.range()).unwrap_or("").chars())
    });
    referenced
        .filter_map(normal)
        .eq(field.chars().filter_map(normal))
}

/// The byte offset of each character offset in `sorted_offsets` (ascending,
/// distinct), or `None` for offsets past the end of `text`. One linear pass.
fn chars_to_bytes(text: &str, sorted_offsets: &[usize]) -> Vec<Option<usize>> {
    let mut result = Vec::with_capacity(sorted_offsets.len());
    let mut pending = sorted_offsets.iter().peekable();
    let boundaries = text
        .char_indices()
        .map(|(byte_idx, _)| byte_idx)
        .chain([text.len()]);
    for (char_idx, byte_idx) in boundaries.enumerate() {
        if pending.peek().is_none() {
            break;
        }
        // Offsets are distinct, so at most one matches each boundary.
        if pending.next_if(|&&offset| offset == char_idx).is_some() {
            result.push(Some(byte_idx));
        }
    }
    // Whatever is left lies past the end of the text.
    result.extend(pending.map(|_| None));
    result
}

/// The character offset of each byte offset in `sorted_offsets` (ascending,
/// distinct), or `None` for offsets that are not character boundaries of
/// `text`. One linear pass.
fn bytes_to_chars(text: &str, sorted_offsets: &[usize]) -> Vec<Option<usize>> {
    let mut result = Vec::with_capacity(sorted_offsets.len());
    let mut pending = sorted_offsets.iter().peekable();
    let boundaries = text
        .char_indices()
        .map(|(byte_idx, _)| byte_idx)
        .chain([text.len()]);
    for (char_idx, byte_idx) in boundaries.enumerate() {
        while let Some(&&offset) = pending.peek() {
            if offset < byte_idx {
                result.push(None);
            } else if offset == byte_idx {
                result.push(Some(char_idx));
            } else {
                break;
            }
            pending.next();
        }
    }
    result.extend(pending.map(|_| None));
    result
}

/// Reads `ann` against `text` and adds the document and its attributions to
/// `graph`; returns the new document's id.
///
/// Shorthand for [`read`] followed by [`import_document`].
///
/// # Errors
///
/// The errors of [`read`] and of [`import_document`]. On error the graph is
/// left unchanged.
///
/// # Complexity
///
/// That of [`read`] plus that of [`import_document`].
pub fn import(
    graph: &mut Graph,
    text: &str,
    ann: &str,
    meta: &BratMeta,
) -> Result<DocumentId, Error> {
    let document = read(text, ann)?;
    import_document(graph, text, &document, meta)
}

/// Adds a document with `text` and the facts of `meta`, and one [`Report`]
/// per attribution of `annotation`, to `graph`; returns the document's id.
///
/// - The document gets the text, key, title and date of `meta`. A publisher
///   named in `meta` becomes a source of kind [`SourceKind::Publisher`],
///   reused when the graph already has a publisher of that name.
/// - Each distinct source span (several attributions often share one)
///   becomes one source named by the span's text, with a mention at the
///   span. brat does not say what kind of speaker a span names, so the
///   source has the default kind, [`SourceKind::Unnamed`].
/// - Each attribution becomes one report in the document, with the source
///   (none when the attribution has no source span), the cue text, a new
///   claim holding the content text (fragments joined by a space) and the
///   evidence spans. All content spans (`Content`, `Content2`, ...) go into
///   [`Evidence::content`], sorted.
///
/// # Errors
///
/// [`Error::DuplicateKey`] when `meta.key` is already a document key, and
/// [`Error::InvalidValue`] when a span does not fit `text` (spans from
/// [`read`] with the same text always fit). On error the graph is left
/// unchanged.
///
/// # Complexity
///
/// **O(n + s + a log a)** for a text of `n` bytes, a graph of `s` sources
/// and `a` attributions.
pub fn import_document(
    graph: &mut Graph,
    text: &str,
    annotation: &BratDocument,
    meta: &BratMeta,
) -> Result<DocumentId, Error> {
    // Check every span before touching the graph, so that a failure leaves
    // it as it was.
    let all_spans = annotation.attributions.iter().flat_map(|attribution| {
        attribution
            .source
            .iter()
            .chain(&attribution.cue)
            .chain(attribution.extra_content.iter().flatten())
            .chain(&attribution.content)
    });
    for span in all_spans {
        if span.text(text).is_none() {
            return Err(Error::InvalidValue {
                what: "span (past the end of the text or inside a character)",
                value: format!("{}..{}", span.start(), span.end()),
            });
        }
    }
    if let Some(key) = &meta.key
        && graph.document_by_key(key).is_some()
    {
        return Err(Error::DuplicateKey {
            kind: "document",
            key: key.clone(),
        });
    }

    let publisher = match &meta.publisher {
        Some(name) => Some(find_or_add_publisher(graph, name)?),
        None => None,
    };
    let mut document = Document::new().with_text(text);
    document.key.clone_from(&meta.key);
    document.title.clone_from(&meta.title);
    document.date = meta.date;
    document.publisher = publisher;
    let document_id = graph.add_document(document)?;

    let mut sources: HashMap<&[Span], SourceId> = HashMap::new();
    for attribution in &annotation.attributions {
        let mut report = Report {
            document: Some(document_id),
            ..Report::default()
        };
        if !attribution.source.is_empty() {
            let source = match sources.get(attribution.source.as_slice()) {
                Some(&source) => source,
                None => {
                    let name = joined_text(text, &attribution.source);
                    let mention = mention_at(name.clone(), document_id, &attribution.source);
                    let source = graph.add_source(
                        Source::new(SourceKind::default(), name).with_mention(mention),
                    )?;
                    sources.insert(&attribution.source, source);
                    source
                }
            };
            report.sources.push(source);
        }
        if !attribution.cue.is_empty() {
            report.cue = Some(joined_text(text, &attribution.cue));
        }
        let mut content: Vec<Span> = attribution.content_spans().flatten().copied().collect();
        content.sort_unstable();
        content.dedup();
        if !content.is_empty() {
            report.claim = Some(graph.add_claim(Claim::new(joined_text(text, &content)))?);
        }
        let evidence = Evidence {
            source: attribution.source.clone(),
            cue: attribution.cue.clone(),
            content,
        };
        if !evidence.is_empty() {
            report = report.with_evidence(evidence);
        }
        graph.add_report(report)?;
    }
    Ok(document_id)
}

fn find_or_add_publisher(graph: &mut Graph, name: &str) -> Result<SourceId, Error> {
    let existing = graph
        .sources()
        .find(|(_, source)| source.kind == SourceKind::Publisher && source.name == name)
        .map(|(id, _)| id);
    match existing {
        Some(id) => Ok(id),
        None => graph.add_source(Source::publisher(name)),
    }
}

/// The text of `fragments` joined by single spaces. Fragments are checked to
/// lie on character boundaries before this is called.
fn joined_text(text: &str, fragments: &[Span]) -> String {
    let mut joined = String::new();
    for (i, span) in fragments.iter().enumerate() {
        if i > 0 {
            joined.push(' ');
        }
        joined.push_str(span.text(text).unwrap_or(""));
    }
    joined
}

/// A mention of a source at the smallest span covering its fragments.
fn mention_at(name: String, document: DocumentId, fragments: &[Span]) -> Mention {
    let start = fragments.iter().map(|span| span.start()).min().unwrap_or(0);
    let end = fragments
        .iter()
        .map(|span| span.end())
        .max()
        .unwrap_or(start);
    Mention {
        text: name,
        document: Some(document),
        span: Span::new(start, end).ok(),
    }
}

/// Writes the attributions of `document` to `w` as brat standoff, in the
/// PolNeAR convention, with character offsets into the document's text.
///
/// PolNeAR annotates only outermost attributions, so only the document's
/// outermost reports are written: attributed reports of the document that no
/// other report of the same document relays, and that have evidence spans.
/// Each becomes `Source`, `Cue` and `Content` spans (a span shared by several
/// reports is written once), an `Attribution` trigger span over the cue
/// (`Attribution-no-source` when the report has no source span; over the
/// content, or else the source, when it has no cue) and an event
/// `E1 Attribution:T4 Cue:T2 Source:T1 Content:T3` (tab after the id). Reports are written in
/// the order of their first span in the text. Line breaks inside a span's
/// text field are written as spaces so that every annotation stays on one
/// line.
///
/// # Errors
///
/// [`Error::UnknownDocument`] for an id that names no document,
/// [`Error::InvalidSpan`] when the document has no text to count characters
/// in, or a span is not on its character boundaries, and [`Error::Io`] when
/// writing fails.
///
/// # Complexity
///
/// **O(n + r + k log k)** for a text of `n` bytes, `r` reports in the
/// document and `k` span offsets.
pub fn write<W: Write>(graph: &Graph, document: DocumentId, mut w: W) -> Result<(), Error> {
    let standoff = to_string(graph, document)?;
    w.write_all(standoff.as_bytes())?;
    Ok(())
}

/// [`write()`] into a string.
///
/// # Errors
///
/// Those of [`write()`], except I/O errors.
///
/// # Complexity
///
/// That of [`write()`].
pub fn to_string(graph: &Graph, document: DocumentId) -> Result<String, Error> {
    let doc = graph
        .document(document)
        .ok_or(Error::UnknownDocument(document))?;
    let in_document = graph.reports_in(document);
    let relayed: HashSet<ReportId> = in_document
        .iter()
        .filter_map(|&id| graph.report(id))
        .flat_map(|report| report.relays.iter().map(|relay| relay.to))
        .collect();
    let mut selected: Vec<(ReportId, &Evidence)> = in_document
        .iter()
        .filter(|id| !relayed.contains(id))
        .filter_map(|&id| {
            let report = graph.report(id)?;
            let evidence = report.evidence.as_deref()?;
            (report.voice == Voice::Source && !evidence.is_empty()).then_some((id, evidence))
        })
        .collect();
    if selected.is_empty() {
        return Ok(String::new());
    }
    selected.sort_by_key(|&(id, evidence)| (evidence.spans().map(Span::start).min(), id));

    let Some(text) = doc.text.as_deref() else {
        let span = selected
            .iter()
            .find_map(|(_, evidence)| evidence.spans().next());
        return Err(Error::InvalidSpan {
            document,
            start: span.map_or(0, Span::start),
            end: span.map_or(0, Span::end),
            reason: "the document has no text to count characters in",
        });
    };
    let mut offsets: Vec<usize> = selected
        .iter()
        .flat_map(|(_, evidence)| evidence.spans().flat_map(|span| [span.start(), span.end()]))
        .collect();
    offsets.sort_unstable();
    offsets.dedup();
    let chars = bytes_to_chars(text, &offsets);
    let to_chars = |span: Span| -> Result<(usize, usize), Error> {
        let convert = |offset: usize| {
            let at = offsets.binary_search(&offset).ok()?;
            // `chars` has one entry per element of `offsets`.
            chars[at]
        };
        match (convert(span.start()), convert(span.end())) {
            (Some(start), Some(end)) => Ok((start, end)),
            _ => Err(Error::InvalidSpan {
                document,
                start: span.start(),
                end: span.end(),
                reason: "not on character boundaries of the text",
            }),
        }
    };

    let mut writer = SpanWriter {
        text,
        defined: HashMap::new(),
        n_spans: 0,
        out: String::new(),
    };
    let mut n_events = 0;
    for (_, evidence) in &selected {
        let source = writer.span("Source", &evidence.source, &to_chars)?;
        let cue = writer.span("Cue", &evidence.cue, &to_chars)?;
        let content = writer.span("Content", &evidence.content, &to_chars)?;
        let trigger_label = if source.is_some() {
            "Attribution"
        } else {
            "Attribution-no-source"
        };
        let trigger_fragments = [&evidence.cue, &evidence.content, &evidence.source]
            .into_iter()
            .find(|fragments| !fragments.is_empty());
        let Some(trigger_fragments) = trigger_fragments else {
            continue;
        };
        let trigger = writer.new_span(trigger_label, trigger_fragments, &to_chars)?;
        n_events += 1;
        let mut line = format!("E{n_events}\t{trigger_label}:T{trigger}");
        for (role, id) in [("Cue", cue), ("Source", source), ("Content", content)] {
            if let Some(id) = id {
                line.push_str(&format!(" {role}:T{id}"));
            }
        }
        // Each event follows the spans it names, as in PolNeAR's files.
        writer.out.push_str(&line);
        writer.out.push('\n');
    }
    Ok(writer.out)
}

/// Numbers and writes `T` lines, writing a role span shared by several
/// reports once.
struct SpanWriter<'t> {
    text: &'t str,
    defined: HashMap<(&'static str, Vec<Span>), usize>,
    n_spans: usize,
    out: String,
}

impl SpanWriter<'_> {
    /// The number of the `T` line for `fragments` under `label`, writing it
    /// when it is new; `None` for no fragments.
    fn span(
        &mut self,
        label: &'static str,
        fragments: &[Span],
        to_chars: &impl Fn(Span) -> Result<(usize, usize), Error>,
    ) -> Result<Option<usize>, Error> {
        if fragments.is_empty() {
            return Ok(None);
        }
        let mut sorted = fragments.to_vec();
        sorted.sort_unstable();
        if let Some(&id) = self.defined.get(&(label, sorted.clone())) {
            return Ok(Some(id));
        }
        let id = self.new_span(label, &sorted, to_chars)?;
        self.defined.insert((label, sorted), id);
        Ok(Some(id))
    }

    /// Writes a new `T` line and returns its number.
    fn new_span(
        &mut self,
        label: &str,
        fragments: &[Span],
        to_chars: &impl Fn(Span) -> Result<(usize, usize), Error>,
    ) -> Result<usize, Error> {
        let mut sorted = fragments.to_vec();
        sorted.sort_unstable();
        let mut offsets = Vec::with_capacity(sorted.len());
        for &span in &sorted {
            let (start, end) = to_chars(span)?;
            offsets.push(format!("{start} {end}"));
        }
        self.n_spans += 1;
        let id = self.n_spans;
        // As the reader reads it: a line break as a space, a carriage
        // return as nothing (a lone one, written as a space, would not match).
        let field: String = joined_text(self.text, &sorted)
            .chars()
            .filter(|&c| c != '\r')
            .map(|c| if c == '\n' { ' ' } else { c })
            .collect();
        self.out
            .push_str(&format!("T{id}\t{label} {}\t{field}\n", offsets.join(";")));
        Ok(id)
    }
}
