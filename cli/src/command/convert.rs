//! `according convert INPUT --to FORMAT [-o OUTPUT] [--claim KEY_OR_ID]`.

use according::Graph;
use according::format::{Format, dot, edges, json, mermaid, prov_json, prov_n, tree};
use clap::error::ErrorKind;

use crate::failure::Failure;
use crate::input;
use crate::output::{Output, OutputArg};

/// The formats a whole graph is written in, as `--to` names them.
pub const GRAPH_FORMATS: &[Format] = &[
    Format::Json,
    Format::ProvJson,
    Format::ProvN,
    Format::Edges,
    Format::Dot,
    Format::Mermaid,
    Format::Tree,
];

/// Convert a graph to another format
#[derive(clap::Args)]
#[command(after_help = crate::INPUT_NOTE)]
pub struct Args {
    /// The graph to convert
    #[arg(value_name = "INPUT")]
    input: String,
    /// The format to write
    #[arg(long, value_name = "FORMAT", value_parser = super::format_parser(GRAPH_FORMATS))]
    to: Format,
    /// Restrict dot and mermaid to one claim's reports and everything they
    /// relay (the claim's key, or its id such as c3)
    #[arg(long, value_name = "KEY_OR_ID")]
    claim: Option<String>,
    #[command(flatten)]
    output: OutputArg,
}

pub fn run(args: Args) -> Result<(), Failure> {
    if args.claim.is_some() && !matches!(args.to, Format::Dot | Format::Mermaid) {
        return Err(Failure::usage(
            "convert",
            ErrorKind::ArgumentConflict,
            "--claim applies to dot and mermaid only",
        ));
    }
    let input = args.input.as_str();
    let loaded = input::load(input)?;
    for skipped in &loaded.skipped {
        eprintln!("note: {input}: {skipped}");
    }
    let graph = &loaded.graph;
    let mut options = dot::PictureOptions::default();
    if let Some(claim) = &args.claim {
        let id = graph
            .claim_by_key(claim)
            .or_else(|| claim.parse().ok().filter(|&c| graph.claim(c).is_some()))
            .ok_or_else(|| Failure::input(input, format!("no claim {claim:?}")))?;
        options.claim = Some(id);
    }
    let prov_options = prov_json::WriteOptions::with_prefixes(loaded.prefixes.clone());
    write_graph(
        graph,
        args.to,
        &args.output.output(),
        &prov_options,
        &options,
    )
}

/// Writes `graph` to `output` in `format`, one of [`GRAPH_FORMATS`].
pub fn write_graph(
    graph: &Graph,
    format: Format,
    output: &Output,
    prov_options: &prov_json::WriteOptions,
    picture_options: &dot::PictureOptions,
) -> Result<(), Failure> {
    output.write_with(|out| match format {
        Format::Json => json::write_pretty(graph, &mut *out),
        Format::ProvJson => prov_json::write_with(graph, prov_options, out),
        Format::ProvN => prov_n::write_with(graph, prov_options, out),
        Format::Edges => edges::write(graph, out),
        Format::Dot => dot::write(graph, out, picture_options),
        Format::Mermaid => mermaid::write(graph, out, picture_options),
        Format::Tree => tree::write(graph, out),
        // The argument parser accepts only GRAPH_FORMATS.
        other => Err(according::Error::InvalidValue {
            what: "format of a whole graph",
            value: other.to_string(),
        }),
    })
}
