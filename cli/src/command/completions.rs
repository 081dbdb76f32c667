//! `according completions SHELL`: the shell completion script, on stdout.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::Cli;
use crate::failure::Failure;
use crate::output::Output;

/// Print the completion script of a shell
///
/// For example: according completions bash > /etc/bash_completion.d/according
#[derive(clap::Args)]
pub struct Args {
    /// The shell
    #[arg(value_name = "SHELL")]
    shell: Shell,
}

pub fn run(args: Args) -> Result<(), Failure> {
    // Generated in memory first: the generator cannot report a failed write.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "according", &mut script);
    Output::Stdout.write_with(|out| Ok(out.write_all(&script)?))
}
