//! `according`: convert attribution graphs between formats and query them
//! from the command line.
//!
//! ```text
//! according convert INPUT --to FORMAT [-o OUTPUT]
//! according depths INPUT [-o OUTPUT]
//! according profile INPUT [-o OUTPUT]
//! ```
//!
//! Input formats are detected: the native JSON format, W3C PROV-JSON, and the
//! tab-separated edge list. Errors go to stderr as one line
//! `error: <file>: <message>`; the exit status is 1 for bad input and 2 for
//! bad usage.
//!
//! Each subcommand is a module with a `run(Args) -> Result<(), Failure>`;
//! argument parsing, input detection and output files are shared (`cli`,
//! `io`). A new subcommand is one module and one line in `dispatch`.

mod cli;
mod convert;
mod depths;
mod io;
mod profile;

use std::process::ExitCode;

use cli::{Args, Failure};

/// The usage text printed with usage errors and `--help`.
const USAGE: &str = "\
usage: according <command> [options]

commands:
  convert INPUT --to FORMAT [-o OUTPUT]
      convert a graph; FORMAT is one of json, prov-json, prov-n, edges,
      dot, mermaid, tree; --claim KEY_OR_ID restricts dot and mermaid to
      one claim's reports and everything they relay
  depths INPUT [-o OUTPUT]
      for every report: report_id, longest and shortest relay hops, number
      of primary speakers (tab-separated, sorted by report id)
  profile INPUT [-o OUTPUT]
      the sourcing profile of every document

INPUT is native JSON, PROV-JSON or an edge list (detected); '-' reads stdin.
Without -o, output goes to stdout.";

fn main() -> ExitCode {
    // A bug must still end in one line on stderr, not a backtrace.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("error: internal error: {info}");
    }));
    let args: Vec<String> = match std::env::args_os()
        .skip(1)
        .map(|a| a.into_string())
        .collect::<Result<_, _>>()
    {
        Ok(args) => args,
        Err(arg) => {
            return report(Failure::usage(format!(
                "argument {arg:?} is not valid UTF-8"
            )));
        }
    };
    match dispatch(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => report(failure),
    }
}

fn dispatch(args: Vec<String>) -> Result<(), Failure> {
    let mut args = args.into_iter();
    let command = args.next();
    let rest: Vec<String> = args.collect();
    match command.as_deref() {
        Some("convert") => convert::run(Args::parse(rest, convert::FLAGS)?),
        Some("depths") => depths::run(Args::parse(rest, depths::FLAGS)?),
        Some("profile") => profile::run(Args::parse(rest, profile::FLAGS)?),
        // `extract FILE... --date D [--publisher P] [--to FORMAT]` goes here,
        // as one more module with its own FLAGS.
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(Failure::usage(format!("unknown command {other:?}"))),
        None => Err(Failure::usage("missing command")),
    }
}

fn report(failure: Failure) -> ExitCode {
    match failure {
        Failure::Usage(message) => {
            eprintln!("error: {message}");
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
        Failure::Input { file, message } => {
            eprintln!("error: {file}: {message}");
            ExitCode::from(1)
        }
    }
}
