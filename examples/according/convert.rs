//! `according convert INPUT --to FORMAT [-o OUTPUT] [--claim KEY]`.

use according::Graph;
use according::format::{dot, edges, json, mermaid, prov_json, prov_n, tree};

use crate::cli::{Args, Failure, Flag, OUTPUT, TO};
use crate::io::{self, Output};

pub const FLAGS: &[Flag] = &[
    OUTPUT,
    TO,
    Flag {
        long: "--claim",
        short: None,
    },
];

pub const USAGE: &str = "\
convert INPUT --to FORMAT [-o OUTPUT]
      convert a graph; FORMAT is one of json, prov-json, prov-n, edges,
      dot, mermaid, tree; --claim KEY_OR_ID restricts dot and mermaid to
      one claim's reports and everything they relay";

/// The output formats of a whole graph.
pub const FORMATS: &[&str] = &[
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
    check_format(format, FORMATS)?;
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
    write_graph(graph, format, &output, &prov_options, &options)
}

/// A usage error unless `format` is one of `known`.
pub fn check_format(format: &str, known: &[&str]) -> Result<(), Failure> {
    if known.contains(&format) {
        return Ok(());
    }
    Err(Failure::usage(format!(
        "unknown format {format:?} (expected one of {})",
        known.join(", ")
    )))
}

/// Writes `graph` to `output` in `format`, one of [`FORMATS`] (checked by
/// the caller with [`check_format`]).
pub fn write_graph(
    graph: &Graph,
    format: &str,
    output: &Output,
    prov_options: &prov_json::WriteOptions,
    picture_options: &dot::PictureOptions,
) -> Result<(), Failure> {
    output.write_with(|out| match format {
        "json" => json::write_pretty(graph, &mut *out),
        "prov-json" => prov_json::write_with(graph, prov_options, out),
        "prov-n" => prov_n::write_with(graph, prov_options, out),
        "edges" => edges::write(graph, out),
        "dot" => dot::write(graph, out, picture_options),
        "mermaid" => mermaid::write(graph, out, picture_options),
        // The caller checked the format against FORMATS.
        _ => tree::write(graph, out),
    })
}
