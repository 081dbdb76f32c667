//! `according depths INPUT [-o OUTPUT]`: relay hops and primary speakers of
//! every report, in the result-file format other implementations write.
//!
//! One row per report: `report_id`, the longest and the shortest number of
//! relay hops down to a primary report (depth − 1, counted on the
//! condensation), and the number of distinct primary speakers. A report from
//! which no primary report is reachable (it leads only into circular
//! reporting) has `-1` for both hops. A statement in a document's own voice
//! is written as `0 0 0`, as PROV tools see it (an entity relaying nothing,
//! attributed to no one). Rows are sorted by `report_id` in code-point order;
//! the id is the report's key, or its printed id (`r12`) when it has none.

use std::borrow::Cow;

use crate::cli::{Args, Failure, Flag, OUTPUT};
use crate::io::{self, Output};

pub const FLAGS: &[Flag] = &[OUTPUT];

pub const USAGE: &str = "\
depths INPUT [-o OUTPUT]
      for every report: report_id, longest and shortest relay hops, number
      of primary speakers (tab-separated, sorted by report id)";

pub fn run(args: Args) -> Result<(), Failure> {
    let input = args.single_input()?;
    let output = Output::from_arg(args.value("--output"));
    let loaded = io::load(input)?;
    let graph = &loaded.graph;
    let analysis = graph.analyze();
    // Rows borrow the keys from the graph; only reports without one get a
    // printed id.
    let mut rows: Vec<(Cow<'_, str>, i64, i64, usize)> = graph
        .reports()
        .map(|(id, report)| {
            let name = report
                .key
                .as_deref()
                .map_or_else(|| Cow::Owned(id.to_string()), Cow::Borrowed);
            let (longest, shortest) = match analysis.depth(id) {
                Some(depth) => {
                    let (shortest, longest) = depth.hops();
                    (i64::from(longest), i64::from(shortest))
                }
                None => (-1, -1),
            };
            (name, longest, shortest, analysis.n_primary_sources(id))
        })
        .collect();
    // `str`'s order is byte order, which for UTF-8 is code-point order.
    rows.sort_unstable();
    let written = output.write_with(|out| {
        out.write_all(b"report_id\tlongest\tshortest\tn_primary_speakers\n")?;
        for (name, longest, shortest, n_primary) in &rows {
            writeln!(out, "{name}\t{longest}\t{shortest}\t{n_primary}")?;
        }
        Ok(())
    });
    // The process ends right after this command. Freeing millions of small
    // allocations one by one (the graph's reports, the rows) would take a
    // noticeable share of the run; the operating system reclaims them at once.
    std::mem::forget(rows);
    std::mem::forget(analysis);
    std::mem::forget(loaded);
    written
}
