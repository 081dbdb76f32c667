//! `according convert INPUT --to FORMAT [-o OUTPUT] [--claim KEY]`.

use according::format::{dot, edges, json, mermaid, prov_json, prov_n, tree};

use crate::cli::{Args, Failure, Flag, OUTPUT};
use crate::io::{self, Output};

pub const FLAGS: &[Flag] = &[
    OUTPUT,
    Flag {
        long: "--to",
        short: None,
    },
    Flag {
        long: "--claim",
        short: None,
    },
];

/// The output formats.
const FORMATS: &[&str] = &[
    "json",
    "prov-json",
    "prov-n",
    "edges",
    "dot",
    "mermaid",
    "tree",
];

pub fn run(args: Args) -> Result<(), Failure> {
    let input = args.single_input()?;
    let format = args
        .value("--to")
        .ok_or_else(|| Failure::usage("convert needs --to FORMAT"))?;
    if !FORMATS.contains(&format) {
        return Err(Failure::usage(format!(
            "unknown format {format:?} (expected one of {})",
            FORMATS.join(", ")
        )));
    }
    let claim_arg = args.value("--claim");
    if claim_arg.is_some() && !matches!(format, "dot" | "mermaid") {
        return Err(Failure::usage("--claim applies to dot and mermaid only"));
    }
    let output = Output::from_arg(args.value("--output"));
    let loaded = io::load(input)?;
    for note in &loaded.notes {
        eprintln!("note: {input}: {note}");
    }
    let graph = &loaded.graph;
    let mut options = dot::PictureOptions::default();
    if let Some(claim) = claim_arg {
        let id = graph
            .claim_by_key(claim)
            .or_else(|| claim.parse().ok().filter(|&c| graph.claim(c).is_some()))
            .ok_or_else(|| Failure::input(input, format!("no claim {claim:?}")))?;
        options.claim = Some(id);
    }
    let prov_options = prov_json::WriteOptions::with_prefixes(loaded.prefixes.clone());
    output.write_with(|out| match format {
        "json" => json::write_pretty(graph, &mut *out),
        "prov-json" => prov_json::write_with(graph, &prov_options, out),
        "prov-n" => prov_n::write_with(graph, &prov_options, out),
        "edges" => edges::write(graph, out),
        "dot" => dot::write(graph, out, &options),
        "mermaid" => mermaid::write(graph, out, &options),
        // Checked against FORMATS above.
        _ => tree::write(graph, out),
    })
}
