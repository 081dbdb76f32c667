//! Writes the extracted graph of the seed article as native JSON on stdout,
//! for the command-line tools to convert, draw and query:
//!
//! ```sh
//! cargo run --example seed_json > seed.json
//! cargo run --example according -- convert seed.json --to dot | dot -Tsvg > docs/seed.svg
//! ```

#[path = "seed_article/seed.rs"]
#[allow(dead_code)] // this example writes the graph only
mod seed;

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let seed = match seed::extract() {
        Ok(seed) => seed,
        Err(error) => {
            eprintln!("error: seed article: {error}");
            return ExitCode::FAILURE;
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match according::format::json::write_pretty(&seed.graph, &mut out)
        .and_then(|()| Ok(writeln!(out)?))
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
