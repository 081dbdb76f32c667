//! Why a command failed, and how that is told: bad usage (exit status 2) or
//! bad input (exit status 1), as one `error:` line on stderr.

use std::fmt;
use std::process::ExitCode;

use clap::CommandFactory;
use clap::error::ErrorKind;

use crate::Cli;

/// Why a command failed.
#[derive(Debug)]
pub enum Failure {
    /// The command line is wrong (or help was asked for, which clap reports
    /// the same way and which exits with status 0).
    Usage(clap::Error),
    /// A file could not be read, parsed or written.
    Input {
        /// The file, as given (`-` for stdin and stdout).
        file: String,
        /// One line: what is wrong, with the position where known.
        message: String,
    },
}

impl Failure {
    /// A usage error of the subcommand `command` found after parsing, told
    /// as clap tells its own: the message, then the command's usage.
    pub fn usage(command: &str, kind: ErrorKind, message: impl fmt::Display) -> Failure {
        let mut cli = Cli::command();
        cli.build();
        let error = match cli.find_subcommand_mut(command) {
            Some(subcommand) => subcommand.error(kind, message),
            None => cli.error(kind, message),
        };
        Failure::Usage(error)
    }

    /// Bad input in `file`.
    pub fn input(file: &str, message: impl fmt::Display) -> Failure {
        Failure::Input {
            file: file.to_owned(),
            message: message.to_string(),
        }
    }

    /// A library error about `file`. An I/O error is told by itself, since
    /// the line already names the file.
    pub fn library(file: &str, error: according::Error) -> Failure {
        match error {
            according::Error::Io { path: None, source } => Failure::input(file, source),
            error => Failure::input(file, error),
        }
    }

    /// Prints the failure on stderr (help on stdout) and gives the exit
    /// status.
    pub fn report(self) -> ExitCode {
        match self {
            Failure::Usage(error) => {
                // If even this cannot be printed, the exit status still tells.
                let _ = error.print();
                ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
            }
            Failure::Input { file, message } => {
                eprintln!("error: {file}: {message}");
                ExitCode::from(1)
            }
        }
    }
}
