//! `according`: extract attribution graphs from news text, convert them
//! between formats and query them from the command line.
//!
//! ```text
//! according convert INPUT --to FORMAT [-o OUTPUT]
//! according depths INPUT [-o OUTPUT]
//! according profile INPUT [-o OUTPUT]
//! according extract FILE... --date YYYY-MM-DD [--publisher NAME] [--metadata FILE.tsv] [--to FORMAT] [-o OUTPUT]
//! ```
//!
//! Input formats are detected: the native JSON format, W3C PROV-JSON, and the
//! tab-separated edge list. Errors go to stderr as one line
//! `error: <file>: <message>`; the exit status is 1 for bad input and 2 for
//! bad usage.
//!
//! Each subcommand is a module with a `run(Args) -> Result<(), Failure>`;
//! argument parsing, input detection and output files are shared (`cli`,
//! `io`). A new subcommand is one module and one entry in `COMMANDS`.

mod cli;
mod convert;
mod depths;
mod extract;
mod io;
mod profile;

use std::process::ExitCode;

use cli::{Args, Failure};

/// A subcommand: its name, its usage lines, the flags it takes and what it
/// does.
struct Command {
    name: &'static str,
    usage: &'static str,
    flags: &'static [cli::Flag],
    run: fn(Args) -> Result<(), Failure>,
}

const COMMANDS: &[Command] = &[
    Command {
        name: "convert",
        usage: convert::USAGE,
        flags: convert::FLAGS,
        run: convert::run,
    },
    Command {
        name: "depths",
        usage: depths::USAGE,
        flags: depths::FLAGS,
        run: depths::run,
    },
    Command {
        name: "profile",
        usage: profile::USAGE,
        flags: profile::FLAGS,
        run: profile::run,
    },
    Command {
        name: "extract",
        usage: extract::USAGE,
        flags: extract::FLAGS,
        run: extract::run,
    },
];

/// The note on inputs and outputs that ends every usage text.
const USAGE_FOOTER: &str = "\
INPUT is native JSON, PROV-JSON or an edge list (detected); '-' reads stdin.
Without -o, output goes to stdout.";

/// The usage text printed with usage errors and `according --help`.
fn usage() -> String {
    let mut text = String::from("usage: according <command> [options]\n\ncommands:\n");
    for command in COMMANDS {
        // The usage texts start at the command's name; the list indents them.
        text.push_str("  ");
        text.push_str(command.usage);
        text.push('\n');
    }
    text.push('\n');
    text.push_str(USAGE_FOOTER);
    text
}

/// The usage text of one command, for `according <command> --help`.
fn command_usage(command: &Command) -> String {
    format!("usage: according {}\n\n{USAGE_FOOTER}", command.usage)
}

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
    let name = args.next();
    let rest: Vec<String> = args.collect();
    match name.as_deref() {
        Some("-h" | "--help" | "help") => {
            println!("{}", usage());
            Ok(())
        }
        Some(name) => {
            let command = COMMANDS
                .iter()
                .find(|command| command.name == name)
                .ok_or_else(|| Failure::usage(format!("unknown command {name:?}")))?;
            let args = Args::parse(rest, command.flags)?;
            if args.help {
                println!("{}", command_usage(command));
                return Ok(());
            }
            (command.run)(args)
        }
        None => Err(Failure::usage("missing command")),
    }
}

fn report(failure: Failure) -> ExitCode {
    match failure {
        Failure::Usage(message) => {
            eprintln!("error: {message}");
            eprintln!("{}", usage());
            ExitCode::from(2)
        }
        Failure::Input { file, message } => {
            eprintln!("error: {file}: {message}");
            ExitCode::from(1)
        }
    }
}
