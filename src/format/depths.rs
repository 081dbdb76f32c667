//! The depths table: relay hops and primary speakers of every report, as
//! tab-separated text.
//!
//! ```text
//! report_id<TAB>longest<TAB>shortest<TAB>n_primary_speakers
//! r:law<TAB>1<TAB>1<TAB>1
//! r:spy<TAB>0<TAB>0<TAB>1
//! ```
//!
//! One row per report under the header [`HEADER`]: the report's id, the
//! longest and the shortest number of relay hops down to a primary report
//! (depth − 1, counted on the condensation, so a circle of reports counts as
//! one), and the number of distinct primary speakers. A report from which
//! no primary report is reachable (it leads only into circular reporting)
//! has `-1` for both hops. A statement in a document's own voice is written
//! as `0 0 0`, as PROV tools see it: an entity relaying nothing, attributed
//! to no one. The id is the report's key, or its printed id (`r12`) when it
//! has none. Rows are sorted by id in code-point order; lines end in a line
//! feed.
//!
//! These are the definitions, layout and order of the result files that the
//! peer tools of the edge list and of PROV-JSON (`prov` and `networkx` in
//! Python) write, so the table of a graph read from their input is
//! byte-identical to theirs.
//!
//! ```
//! use according::format::{self, depths};
//!
//! let edges = b"report_id\tspeaker_id\tcited_report_id\nr:law\tag:lee\tr:spy\nr:spy\tag:nis\t\n";
//! let graph = format::read_any(edges)?.graph;
//! let mut table = Vec::new();
//! depths::write(&graph, &mut table)?;
//! assert_eq!(
//!     String::from_utf8(table).unwrap(),
//!     "report_id\tlongest\tshortest\tn_primary_speakers\nr:law\t1\t1\t1\nr:spy\t0\t0\t1\n",
//! );
//! # Ok::<(), according::Error>(())
//! ```

use std::borrow::Cow;
use std::io::Write;

use crate::error::Result;
use crate::graph::Graph;

/// The header row, without its line feed.
pub const HEADER: &str = "report_id\tlongest\tshortest\tn_primary_speakers";

/// Writes the depths table of `graph` (see the [module docs](self)).
///
/// # Errors
///
/// [`Error::Io`](crate::Error::Io) when writing fails.
///
/// # Complexity
///
/// **O(V + E + V log V)**: one [`Graph::analyze`] pass, then the rows
/// sorted by id.
pub fn write(graph: &Graph, out: &mut (impl Write + ?Sized)) -> Result<()> {
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
    out.write_all(HEADER.as_bytes())?;
    out.write_all(b"\n")?;
    for (name, longest, shortest, n_primary) in &rows {
        writeln!(out, "{name}\t{longest}\t{shortest}\t{n_primary}")?;
    }
    Ok(())
}
