//! The subcommands, one module each.
//!
//! A subcommand is a module with its arguments (`Args`, derived with
//! clap: the doc comments are the help) and `run(Args) -> Result<(),
//! Failure>`, plus one variant of [`Command`] and one arm of
//! [`Command::run`].

mod completions;
mod convert;
mod depths;
mod extract;
mod profile;

use according::format::Format;
use clap::Subcommand;
use clap::builder::{PossibleValuesParser, TypedValueParser};

use crate::failure::Failure;

/// What `according` does.
#[derive(Subcommand)]
pub enum Command {
    Convert(convert::Args),
    Depths(depths::Args),
    Profile(profile::Args),
    Extract(extract::Args),
    Completions(completions::Args),
}

impl Command {
    /// Runs the subcommand.
    pub fn run(self) -> Result<(), Failure> {
        match self {
            Command::Convert(args) => convert::run(args),
            Command::Depths(args) => depths::run(args),
            Command::Profile(args) => profile::run(args),
            Command::Extract(args) => extract::run(args),
            Command::Completions(args) => completions::run(args),
        }
    }
}

/// Parses a format name among `formats`; the names are listed in the help,
/// the completions and the error for any other name.
fn format_parser(formats: &'static [Format]) -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(formats.iter().map(|format| format.name()))
        .try_map(|name| name.parse::<Format>())
}
