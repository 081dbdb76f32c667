//! `according profile INPUT [-o OUTPUT]`: how every document sources what it
//! says, one tab-separated row per document.
//!
//! Columns: `document` (key, or id), `statements`, `attributed`,
//! `own_voice`, `depths` (longest depth: number of statements, such as
//! `0:1,1:2,2:1`), `no_depth` (statements leading only into circular
//! reporting), `direct_share` and `unnamed_share` (of attributed
//! statements, two decimals), `sources` (distinct speakers) and
//! `primary_sources` (their names, `; `-separated).

use crate::failure::Failure;
use crate::input;
use crate::output::OutputArg;

/// The sourcing profile of every document
#[derive(clap::Args)]
#[command(after_help = crate::INPUT_NOTE)]
pub struct Args {
    /// The graph
    #[arg(value_name = "INPUT")]
    input: String,
    #[command(flatten)]
    output: OutputArg,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let output = args.output.output();
    let loaded = input::load(&args.input)?;
    let graph = &loaded.graph;
    let profiles = graph.profiles();
    // Names go into tab-separated columns: keep them on one line.
    let clean = |text: &str| text.replace(['\t', '\n', '\r'], " ");
    output.write_with(|out| {
        out.write_all(
            b"document\tstatements\tattributed\town_voice\tdepths\tno_depth\tdirect_share\tunnamed_share\tsources\tprimary_sources\n",
        )?;
        for (document_id, profile) in &profiles {
            let name = graph
                .document(*document_id)
                .and_then(|d| d.key.clone())
                .unwrap_or_else(|| document_id.to_string());
            let depths: Vec<String> = profile
                .depth_histogram
                .iter()
                .map(|(depth, n)| format!("{depth}:{n}"))
                .collect();
            let primaries: Vec<String> = profile
                .primary_sources
                .iter()
                .filter_map(|&s| graph.source(s))
                .map(|s| clean(&s.name))
                .collect();
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{:.2}\t{:.2}\t{}\t{}",
                clean(&name),
                profile.n_statements,
                profile.n_attributed,
                profile.n_unattributed,
                depths.join(","),
                profile.n_without_depth,
                profile.direct_share,
                profile.unnamed_share,
                profile.distinct_sources.len(),
                primaries.join("; "),
            )?;
        }
        Ok(())
    })
}
