//! Writes the hand-built graph of the seed article as native JSON on stdout,
//! for the command-line tools to convert, draw and query:
//!
//! ```sh
//! cargo run --example seed_json > seed.json
//! cargo run --example according -- convert seed.json --to dot | dot -Tsvg > docs/seed.svg
//! ```

#[path = "seed_article/hand_built.rs"]
#[allow(dead_code)]
mod hand_built;

use std::io::Write;
use std::process::ExitCode;

const ARTICLE: &str = include_str!("data/seed_article.txt");

fn main() -> ExitCode {
    let seed = match hand_built::build(ARTICLE) {
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
