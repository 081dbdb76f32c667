//! Argument parsing shared by the subcommands.

use std::fmt;

/// Why a command failed: bad usage (exit 2) or bad input (exit 1).
#[derive(Debug)]
pub enum Failure {
    /// The command line is wrong.
    Usage(String),
    /// A file could not be read, parsed or written.
    Input {
        /// The file, as given (`-` for stdin/stdout).
        file: String,
        /// One line: what is wrong, with the position where known.
        message: String,
    },
}

impl Failure {
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure::Usage(message.into())
    }

    pub fn input(file: &str, message: impl fmt::Display) -> Failure {
        Failure::Input {
            file: file.to_owned(),
            message: message.to_string(),
        }
    }
}

/// A flag a subcommand accepts.
pub struct Flag {
    /// `--to`.
    pub long: &'static str,
    /// `-o`, if any.
    pub short: Option<&'static str>,
}

/// The flags every subcommand that writes output accepts.
pub const OUTPUT: Flag = Flag {
    long: "--output",
    short: Some("-o"),
};

/// `--to FORMAT`: the output format of `convert` and `extract`.
pub const TO: Flag = Flag {
    long: "--to",
    short: None,
};

/// Parsed arguments: positionals in order and flag values by long name.
#[derive(Debug, Default)]
pub struct Args {
    pub positional: Vec<String>,
    /// `-h` or `--help` was given: print the command's usage and do nothing
    /// else.
    pub help: bool,
    values: Vec<(&'static str, String)>,
}

impl Args {
    /// Parses `args` against `flags` (all of which take a value; `--flag
    /// value` and `--flag=value` are accepted). `--` ends the flags. `-h` and
    /// `--help` are accepted by every command and set [`Args::help`].
    pub fn parse(args: Vec<String>, flags: &[Flag]) -> Result<Args, Failure> {
        let mut parsed = Args::default();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            if arg == "--" {
                parsed.positional.extend(args.by_ref());
                break;
            }
            if arg == "-h" || arg == "--help" {
                parsed.help = true;
                continue;
            }
            if arg.len() > 1 && arg.starts_with('-') {
                let (name, inline) = match arg.split_once('=') {
                    Some((name, value)) if name.starts_with("--") => {
                        (name.to_owned(), Some(value.to_owned()))
                    }
                    _ => (arg.clone(), None),
                };
                let flag = flags
                    .iter()
                    .find(|f| f.long == name || f.short == Some(name.as_str()))
                    .ok_or_else(|| Failure::usage(format!("unknown option {name:?}")))?;
                let value = match inline {
                    Some(value) => value,
                    None => args
                        .next()
                        .ok_or_else(|| Failure::usage(format!("option {name} needs a value")))?,
                };
                if parsed.values.iter().any(|(long, _)| *long == flag.long) {
                    return Err(Failure::usage(format!("option {} given twice", flag.long)));
                }
                parsed.values.push((flag.long, value));
            } else {
                parsed.positional.push(arg);
            }
        }
        Ok(parsed)
    }

    /// The value of the flag with this long name.
    pub fn value(&self, long: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(name, _)| *name == long)
            .map(|(_, value)| value.as_str())
    }

    /// The one positional argument, the input file.
    pub fn single_input(&self) -> Result<&str, Failure> {
        match self.positional.as_slice() {
            [input] => Ok(input),
            [] => Err(Failure::usage("missing INPUT")),
            [_, extra, ..] => Err(Failure::usage(format!("unexpected argument {extra:?}"))),
        }
    }
}
