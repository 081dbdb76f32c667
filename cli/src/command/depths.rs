//! `according depths INPUT [-o OUTPUT]`: relay hops and primary speakers of
//! every report, as `according::format::depths` writes them: the table the
//! Python peer tools write, byte for byte.

use according::format::depths;

use crate::failure::Failure;
use crate::input;
use crate::output::OutputArg;

/// Relay hops and primary speakers of every report
///
/// For every report: report_id, the longest and the shortest number of relay
/// hops down to a primary report, and the number of primary speakers;
/// tab-separated, sorted by report id, as the Python peer tools write it.
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
    let written = output.write_with(|out| depths::write(&loaded.graph, out));
    // The process ends right after this command. Freeing millions of small
    // allocations one by one (the graph's reports and keys) would take a
    // noticeable share of the run; the operating system reclaims them at once.
    std::mem::forget(loaded);
    written
}
