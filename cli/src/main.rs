//! `according`: extract attribution graphs from news text, convert them
//! between formats and query them from the command line.
//!
//! ```text
//! according convert INPUT --to FORMAT [-o OUTPUT] [--claim KEY_OR_ID]
//! according depths INPUT [-o OUTPUT]
//! according profile INPUT [-o OUTPUT]
//! according extract FILE... --date YYYY-MM-DD [--publisher NAME] [--metadata FILE.tsv] [--to FORMAT] [-o OUTPUT]
//! according completions SHELL
//! ```
//!
//! Input formats are detected (`according::format::read_any`): the native
//! JSON format, W3C PROV-JSON, and the tab-separated edge list. Errors go to
//! stderr as one line `error: <file>: <message>`; the exit status is 1 for
//! bad input and 2 for bad usage. Output files are written whole to a
//! temporary file and renamed into place.
//!
//! Each subcommand is a module of [`command`] with its arguments (`Args`)
//! and a `run(Args) -> Result<(), Failure>`; reading inputs, writing outputs
//! and reporting failures are shared ([`input`], [`output`], [`failure`]).
#![forbid(unsafe_code)]

mod command;
mod failure;
mod input;
mod output;
mod progress;

use std::process::ExitCode;

use clap::Parser;

/// The note on inputs and outputs that ends the help of every command.
const INPUT_NOTE: &str = "\
INPUT is native JSON, PROV-JSON or an edge list (detected); '-' reads stdin.
Without -o, output goes to stdout.";

/// Attribution graphs of reported speech: who said what, according to whom.
#[derive(Parser)]
#[command(
    name = "according",
    version,
    subcommand_required = true,
    arg_required_else_help = false,
    after_help = INPUT_NOTE
)]
pub struct Cli {
    #[command(subcommand)]
    command: command::Command,
}

fn main() -> ExitCode {
    // A bug must still end in one line on stderr, not a backtrace.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("error: internal error: {info}");
    }));
    let result = match Cli::try_parse() {
        Ok(cli) => cli.command.run(),
        Err(usage) => Err(failure::Failure::Usage(usage)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}
