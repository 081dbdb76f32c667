//! PROV-JSON in, depths and a DOT picture out.
//!
//! ```sh
//! cargo run --example prov_depths                     # the worked example in tests/data
//! cargo run --example prov_depths -- graph.prov.json graph.dot
//! dot -Tsvg graph.dot > graph.svg
//! ```
//!
//! Reads a PROV-JSON file (written by this crate, Python's `prov` or
//! ProvToolbox), says what it could not map, prints the depths table (relay
//! hops and primary speakers of every report) and draws the graph with
//! Graphviz, by default into `prov_depths.dot` in the temporary directory.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use according::Error;
use according::format::{depths, dot, prov_json};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Error> {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let input = args.next().unwrap_or_else(|| {
        PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/peers_example.prov.json"
        ))
    });
    let picture = args
        .next()
        .unwrap_or_else(|| std::env::temp_dir().join("prov_depths.dot"));

    let file = File::open(&input).map_err(|e| Error::io(&input, e))?;
    let import = prov_json::read_from(file)?;
    for skipped in &import.skipped {
        eprintln!("skipped {skipped}");
    }
    depths::write(&import.graph, &mut std::io::stdout().lock())?;

    let file = File::create(&picture).map_err(|e| Error::io(&picture, e))?;
    let mut out = BufWriter::new(file);
    dot::write(&import.graph, &mut out, &dot::PictureOptions::default())?;
    out.flush().map_err(|e| Error::io(&picture, e))?;
    eprintln!("picture: {}", picture.display());
    Ok(())
}
