//! Extraction throughput on a corpus of text files, in process: the Rust
//! side of `python/benches/compare.py`, which runs the same loop through
//! the Python bindings.
//!
//! ```sh
//! cargo run --release -p according-python --example extract_corpus -- --passes 20 FILE...
//! ```
//!
//! Each pass extracts every file into one graph (one document per file,
//! keyed by its name), as `according.extract_many` does; the extractor is
//! built once, before the first pass. Prints one JSON line: the bytes of
//! text, the number of reports of a pass, and the best and median seconds
//! per pass.

use std::process::ExitCode;
use std::time::Instant;

use according::Graph;
use according::extract::{Article, Extractor};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut passes = 10usize;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--passes" {
            let value = args.next().ok_or("--passes needs a number")?;
            passes = value
                .parse()
                .map_err(|_| format!("invalid --passes {value:?}"))?;
        } else {
            files.push(arg);
        }
    }
    if files.is_empty() || passes == 0 {
        return Err("usage: extract_corpus [--passes N] FILE...".to_owned());
    }
    let texts: Vec<(String, String)> = files
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
            let name = path.rsplit('/').next().unwrap_or(path).to_owned();
            Ok((name, text))
        })
        .collect::<Result<_, String>>()?;
    let bytes: usize = texts.iter().map(|(_, text)| text.len()).sum();
    let extractor = Extractor::new();
    let mut seconds = Vec::with_capacity(passes);
    let mut n_reports = 0;
    for _ in 0..passes {
        let start = Instant::now();
        let mut graph = Graph::new();
        for (name, text) in &texts {
            extractor
                .extract_into(&mut graph, &Article::new(text).with_key(name.clone()))
                .map_err(|e| format!("{name}: {e}"))?;
        }
        seconds.push(start.elapsed().as_secs_f64());
        n_reports = std::hint::black_box(&graph).n_reports();
    }
    seconds.sort_by(f64::total_cmp);
    println!(
        "{{\"bytes\": {bytes}, \"reports\": {n_reports}, \"best_seconds\": {}, \"median_seconds\": {}}}",
        seconds[0],
        seconds[seconds.len() / 2]
    );
    Ok(())
}
