//! The edge list: a tab-separated file with one row per (report, speaker,
//! cited report).
//!
//! ```text
//! report_id<TAB>speaker_id<TAB>cited_report_id
//! r:law<TAB>ag:s3<TAB>r:spy
//! r:spy<TAB>ag:s0<TAB>
//! ```
//!
//! The header is required. `cited_report_id` is empty for a report that
//! cites nothing and `speaker_id` is empty for a report with no known
//! speaker; a report with `k` citations has `k` rows, and a report with
//! several speakers has one row per (speaker, citation) pair.
//!
//! Reading follows the definitions that other implementations of this format
//! use: every `report_id` and every non-empty `cited_report_id` is a report;
//! the speakers of a report are the set of its `speaker_id`s; repeated rows
//! collapse; a report citing itself is ignored (and reported by
//! [`import`]). Ids become keys exactly as written: report keys `r:law`,
//! source keys `ag:s3`. Sources are created with
//! [`SourceKind::Unnamed`] and their id as name.
//!
//! Writing is lossy by design: the format holds only who relays whom. Reports
//! and sources without a key are written under their printed ids (`r12`,
//! `s3`).

use std::io::Write;

use crate::error::{Error, Result};
use crate::format::intern::{MAX_STORED, Strings};
use crate::format::limits::Limits;
use crate::graph::Graph;
use crate::model::{Relay, RelayKind, Report, ReportId, Source, SourceKind};

/// The header row, without its line feed.
pub const HEADER: &str = "report_id\tspeaker_id\tcited_report_id";

const FORMAT: &str = "edge list";

/// What [`import`] read: the graph and the rows it ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct EdgeImport {
    /// The graph: one report per id, one source per speaker id.
    pub graph: Graph,
    /// The 1-based line numbers of rows in which a report cites itself. Such
    /// a citation is not a relay (a report cannot relay itself); the row's
    /// speaker is still recorded.
    pub self_citations: Vec<usize>,
}

/// Reads an edge list into a graph. Self-citations are ignored; use
/// [`import`] to learn where they were.
///
/// # Errors
///
/// [`Error::Parse`] (format `"edge list"`) naming the line of a missing or
/// wrong header, a row without exactly three columns, an empty `report_id`
/// or text that is not UTF-8; [`Error::LimitExceeded`] for an input over
/// the default [`Limits`].
///
/// # Complexity
///
/// **O(n)** in the size of the input (ids are hashed).
pub fn read(input: &[u8]) -> Result<Graph> {
    import(input).map(|import| import.graph)
}

/// Reads an edge list and also reports the rows that were ignored.
///
/// # Errors
///
/// As [`read`].
///
/// # Complexity
///
/// **O(n)** in the size of the input.
pub fn import(input: &[u8]) -> Result<EdgeImport> {
    import_with(input, &Limits::default())
}

/// Like [`import`], within `limits`.
///
/// # Errors
///
/// As [`read`]; [`Error::LimitExceeded`] for an input over
/// [`Limits::max_input_bytes`].
///
/// # Complexity
///
/// **O(n)** in the size of the input.
pub fn import_with(input: &[u8], limits: &Limits) -> Result<EdgeImport> {
    limits.check_input(input.len())?;
    // Report and speaker ids, numbered in order of first appearance.
    let mut reports = Strings::new();
    let mut speakers = Strings::new();
    let too_many = || Error::LimitExceeded {
        what: "edge list ids",
        limit: MAX_STORED,
    };
    // (report, speaker) and (report, cited report) pairs in file order, as
    // flat lists: no allocation per report. Grouped by report below.
    let mut speaker_pairs: Vec<(u32, u32)> = Vec::new();
    let mut cite_pairs: Vec<(u32, u32)> = Vec::new();
    let mut self_citations = Vec::new();

    let mut lines = input.split(|&b| b == b'\n').enumerate();
    let header = lines.next().map(|(_, l)| strip_cr(l)).unwrap_or_default();
    if header != HEADER.as_bytes() {
        return Err(Error::parse(
            FORMAT,
            1,
            1,
            format!("expected the header {HEADER:?}"),
        ));
    }
    for (i, raw) in lines {
        let line_no = i + 1;
        let line = strip_cr(raw);
        if line.is_empty() {
            // A final line feed leaves one empty piece; blank lines carry nothing.
            continue;
        }
        let line = std::str::from_utf8(line).map_err(|e| {
            Error::parse(
                FORMAT,
                line_no,
                e.valid_up_to() + 1,
                "text is not valid UTF-8",
            )
        })?;
        let mut columns = line.split('\t');
        let (Some(report), Some(speaker), Some(cited), None) = (
            columns.next(),
            columns.next(),
            columns.next(),
            columns.next(),
        ) else {
            let n = line.split('\t').count();
            return Err(Error::parse(
                FORMAT,
                line_no,
                0,
                format!("expected 3 tab-separated columns, found {n}"),
            ));
        };
        if report.is_empty() {
            return Err(Error::parse(FORMAT, line_no, 1, "empty report_id"));
        }
        // Only a line's final carriage return is a line ending; one inside
        // an id could not be written back, so the id would not round-trip.
        if let Some(at) = line.find('\r') {
            return Err(Error::parse(
                FORMAT,
                line_no,
                line[..at].chars().count() + 1,
                "carriage return inside an id",
            ));
        }
        let report_idx = reports.intern(report).ok_or_else(too_many)?;
        if !speaker.is_empty() {
            let speaker_idx = speakers.intern(speaker).ok_or_else(too_many)?;
            // Rows of one report usually come together: skip the repeat early.
            if speaker_pairs.last() != Some(&(report_idx, speaker_idx)) {
                speaker_pairs.push((report_idx, speaker_idx));
            }
        }
        if !cited.is_empty() {
            if cited == report {
                self_citations.push(line_no);
                continue;
            }
            let cited_idx = reports.intern(cited).ok_or_else(too_many)?;
            if cite_pairs.last() != Some(&(report_idx, cited_idx)) {
                cite_pairs.push((report_idx, cited_idx));
            }
        }
    }
    // Group by report, keeping file order within a report (stable sort), and
    // drop repeated pairs.
    let speaker_groups = group_by_report(&mut speaker_pairs, reports.len());
    let cite_groups = group_by_report(&mut cite_pairs, reports.len());

    let mut graph = Graph::new();
    let mut source_ids = Vec::with_capacity(speakers.len());
    for speaker in 0..speakers.len() {
        // Below `speakers.len()`, which is at most MAX_STORED.
        let key = speakers.get(speaker as u32);
        let source = Source::new(SourceKind::Unnamed, key).with_key(key);
        source_ids.push(graph.add_source(source)?);
    }
    // Every report with its speakers and citations, checked and indexed in
    // one batch: citations may point to later reports.
    let mut table = Vec::with_capacity(reports.len());
    for report_idx in 0..reports.len() {
        let speakers = &speaker_pairs[speaker_groups[report_idx]..speaker_groups[report_idx + 1]];
        let cited = &cite_pairs[cite_groups[report_idx]..cite_groups[report_idx + 1]];
        table.push(Report {
            // Speaker numbers come from `speakers`, one source each.
            sources: speakers
                .iter()
                .map(|&(_, s)| source_ids[s as usize])
                .collect(),
            relays: cited
                .iter()
                .map(|&(_, to)| {
                    // Report `i` of the list becomes `ReportId` `i`.
                    report_id(to as usize).map(|to| Relay {
                        to,
                        kind: RelayKind::Derivation,
                    })
                })
                .collect::<Result<_>>()?,
            key: Some(reports.get(report_idx as u32).to_owned()),
            ..Report::default()
        });
    }
    let graph = graph.with_reports(table, |_, err| err)?;
    Ok(EdgeImport {
        graph,
        self_citations,
    })
}

/// Sorts `pairs` by report (stably, so each report keeps its file order),
/// removes repeated pairs of a report, and returns the start of each
/// report's group: report `r`'s pairs are `pairs[starts[r]..starts[r + 1]]`.
fn group_by_report(pairs: &mut Vec<(u32, u32)>, n_reports: usize) -> Vec<usize> {
    pairs.sort_by_key(|&(report, _)| report);
    let mut starts = vec![0usize; n_reports + 1];
    let mut kept = 0;
    let mut group_start = 0;
    for i in 0..pairs.len() {
        let pair = pairs[i];
        if kept == 0 || pairs[kept - 1].0 != pair.0 {
            group_start = kept;
        }
        // Groups are short (a report's speakers or citations): a scan is cheap.
        if !pairs[group_start..kept].contains(&pair) {
            pairs[kept] = pair;
            kept += 1;
            starts[pair.0 as usize + 1] = kept;
        }
    }
    pairs.truncate(kept);
    // Reports without pairs start where the previous report ended.
    for r in 0..n_reports {
        starts[r + 1] = starts[r + 1].max(starts[r]);
    }
    starts
}

fn report_id(index: usize) -> Result<ReportId> {
    ReportId::from_index(index).ok_or(Error::LimitExceeded {
        what: "number of reports",
        limit: u32::MAX as usize,
    })
}

fn strip_cr(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Writes `graph` as an edge list: the header, then rows in report id order,
/// one per (speaker, relayed report) pair of each report.
///
/// # Errors
///
/// [`Error::InvalidValue`] when a key is empty or contains a tab or a line
/// break (the format cannot hold it), [`Error::Io`] when writing fails.
///
/// # Complexity
///
/// **O(n + m + Σ speakers × relays)** over the reports.
pub fn write(graph: &Graph, out: &mut (impl Write + ?Sized)) -> Result<()> {
    writeln!(out, "{HEADER}")?;
    for (report_id, report) in graph.reports() {
        let report_name = report.key.clone().unwrap_or_else(|| report_id.to_string());
        check_id(&report_name)?;
        let speakers: Vec<String> = report
            .sources
            .iter()
            .map(|&s| {
                let name = graph
                    .source(s)
                    .and_then(|source| source.key.clone())
                    .unwrap_or_else(|| s.to_string());
                check_id(&name).map(|()| name)
            })
            .collect::<Result<_>>()?;
        let cited: Vec<String> = report
            .relays
            .iter()
            .map(|relay| {
                let name = graph
                    .report(relay.to)
                    .and_then(|r| r.key.clone())
                    .unwrap_or_else(|| relay.to.to_string());
                check_id(&name).map(|()| name)
            })
            .collect::<Result<_>>()?;
        let speakers: Vec<&str> = if speakers.is_empty() {
            vec![""]
        } else {
            speakers.iter().map(String::as_str).collect()
        };
        let cited: Vec<&str> = if cited.is_empty() {
            vec![""]
        } else {
            cited.iter().map(String::as_str).collect()
        };
        for speaker in &speakers {
            for target in &cited {
                writeln!(out, "{report_name}\t{speaker}\t{target}")?;
            }
        }
    }
    Ok(())
}

fn check_id(id: &str) -> Result<()> {
    if id.contains(['\t', '\n', '\r']) || id.is_empty() {
        return Err(Error::InvalidValue {
            what: "edge list id",
            value: id.to_owned(),
        });
    }
    Ok(())
}
