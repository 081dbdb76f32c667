//! `according extract FILE... --date YYYY-MM-DD [--publisher NAME]
//! [--metadata FILE.tsv] [--to FORMAT] [-o OUTPUT]`: English news text in,
//! attribution graph out.
//!
//! Every FILE becomes one document of one graph, keyed by its file name. The
//! dateline (against which "said Tuesday" is resolved), the publisher and the
//! title come from the metadata table where it has them (its rows are
//! matched by file stem, as PolNeAR names its articles), and otherwise from
//! `--date` and `--publisher`. The graph is written in any format `convert`
//! writes, or as brat standoff: one `NAME.ann` per FILE, beside it or in the
//! directory given with `-o`. Every FILE is read and extracted before any
//! output is written, so a bad FILE leaves no partial output behind.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use according::extract::{Article, Extractor};
use according::format::brat::corpus::parse_metadata;
use according::format::brat::{self, BratMeta};
use according::format::{Format, dot, prov_json};
use according::{DocumentId, Graph};
use clap::error::ErrorKind;
use time::Date;
use time::macros::format_description;

use crate::command::convert::write_graph;
use crate::failure::Failure;
use crate::output::{Output, OutputArg};
use crate::progress::Progress;

/// What `--to` takes: every format of `convert`, and brat.
const FORMATS: &[Format] = &[
    Format::Json,
    Format::ProvJson,
    Format::ProvN,
    Format::Edges,
    Format::Dot,
    Format::Mermaid,
    Format::Tree,
    Format::Brat,
];

/// Extract attributions from English news text
///
/// Every FILE (UTF-8 text) becomes one document of one graph, keyed by its
/// file name. Relative dates ("said Tuesday") are resolved against each
/// document's date.
#[derive(clap::Args)]
pub struct Args {
    /// The articles, UTF-8 text
    #[arg(value_name = "FILE", required = true)]
    files: Vec<String>,
    /// The dateline of every FILE the metadata gives none for
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// The publisher of every FILE the metadata gives none for
    #[arg(long, value_name = "NAME")]
    publisher: Option<String>,
    /// Each FILE's date, publisher and title from a PolNeAR-style table
    /// (rows matched by file stem)
    #[arg(long, value_name = "FILE.tsv")]
    metadata: Option<String>,
    /// The format to write: any format of convert, or brat (NAME.ann beside
    /// each FILE, or in the directory -o DIR)
    #[arg(long, value_name = "FORMAT", default_value = "json", value_parser = super::format_parser(FORMATS))]
    to: Format,
    #[command(flatten)]
    output: OutputArg,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let usage =
        |message: &str| Failure::usage("extract", ErrorKind::MissingRequiredArgument, message);
    if args.to == Format::Brat && args.output.output.as_deref() == Some("-") {
        return Err(Failure::usage(
            "extract",
            ErrorKind::ArgumentConflict,
            "brat writes one file per input: -o takes a directory",
        ));
    }
    if args.date.is_none() && args.metadata.is_none() {
        return Err(usage(
            "extract needs --date YYYY-MM-DD or --metadata FILE.tsv",
        ));
    }
    let metadata = match &args.metadata {
        Some(path) => read_metadata(path)?,
        None => HashMap::new(),
    };
    let defaults = Defaults {
        date: args.date,
        publisher: args.publisher.as_deref(),
        metadata: &metadata,
        has_metadata: args.metadata.is_some(),
    };

    let extractor = Extractor::new();
    let mut graph = Graph::new();
    let mut documents: Vec<(&str, DocumentId)> = Vec::with_capacity(args.files.len());
    let progress = Progress::files(args.files.len());
    for file in &args.files {
        progress.working_on(file);
        let document = extract_file(&extractor, &mut graph, file, &defaults)?;
        documents.push((file, document));
        progress.done_one();
    }
    drop(progress);

    if args.to == Format::Brat {
        let dir = args.output.output.as_deref().map(PathBuf::from);
        write_brat(&graph, &documents, dir.as_deref())
    } else {
        write_graph(
            &graph,
            args.to,
            &args.output.output(),
            &prov_json::WriteOptions::default(),
            &dot::PictureOptions::default(),
        )
    }
}

/// What the command line and the metadata table say about the inputs.
struct Defaults<'a> {
    date: Option<Date>,
    publisher: Option<&'a str>,
    metadata: &'a HashMap<String, BratMeta>,
    /// Whether `--metadata` was given, to say why a date is missing.
    has_metadata: bool,
}

fn parse_date(value: &str) -> Result<Date, String> {
    Date::parse(value, format_description!("[year]-[month]-[day]"))
        .map_err(|_| "expected a date as YYYY-MM-DD".to_owned())
}

fn read_metadata(path: &str) -> Result<HashMap<String, BratMeta>, Failure> {
    let bytes = fs::read(path).map_err(|e| Failure::input(path, e))?;
    let tsv = String::from_utf8(bytes).map_err(|e| Failure::input(path, not_utf8(&e)))?;
    parse_metadata(&tsv).map_err(|e| Failure::input(path, e))
}

fn not_utf8(error: &std::string::FromUtf8Error) -> String {
    format!(
        "not UTF-8 text: invalid byte sequence at byte {}",
        error.utf8_error().valid_up_to()
    )
}

/// Extracts one text file into `graph` as a document keyed by its file name.
fn extract_file(
    extractor: &Extractor,
    graph: &mut Graph,
    file: &str,
    defaults: &Defaults<'_>,
) -> Result<DocumentId, Failure> {
    let bytes = fs::read(file).map_err(|e| Failure::input(file, e))?;
    let text = String::from_utf8(bytes).map_err(|e| Failure::input(file, not_utf8(&e)))?;
    let path = Path::new(file);
    let file_name = path
        .file_name()
        .map_or_else(|| file.to_owned(), |n| n.to_string_lossy().into_owned());
    let stem = path
        .file_stem()
        .map_or_else(|| file_name.clone(), |s| s.to_string_lossy().into_owned());
    // PolNeAR's table names articles without `.txt`; a table naming the
    // files whole is matched too.
    let meta = defaults
        .metadata
        .get(&stem)
        .or_else(|| defaults.metadata.get(&file_name));
    let date = meta
        .and_then(|meta| meta.date)
        .or(defaults.date)
        .ok_or_else(|| {
            let message = match (meta, defaults.has_metadata) {
                (Some(_), _) => "the metadata gives no publication date and no --date is given",
                (None, true) => "not in the metadata and no --date is given",
                // Without --metadata, run() requires --date.
                (None, false) => "no --date is given",
            };
            Failure::input(file, message)
        })?;
    let mut article = Article::new(&text).with_date(date).with_key(file_name);
    let publisher = meta
        .and_then(|meta| meta.publisher.as_deref())
        .or(defaults.publisher);
    if let Some(publisher) = publisher {
        article = article.with_publisher(publisher);
    }
    if let Some(title) = meta.and_then(|meta| meta.title.as_deref()) {
        article = article.with_title(title);
    }
    extractor
        .extract_into(graph, &article)
        .map_err(|e| Failure::input(file, e))
}

/// Writes one `NAME.ann` per document, beside its input or in `dir`. Every
/// target is checked before the first is written, so that two inputs never
/// overwrite each other's annotations and no input is overwritten.
fn write_brat(
    graph: &Graph,
    documents: &[(&str, DocumentId)],
    dir: Option<&Path>,
) -> Result<(), Failure> {
    if let Some(dir) = dir {
        fs::create_dir_all(dir).map_err(|e| Failure::input(&dir.display().to_string(), e))?;
    }
    let mut targets: Vec<(PathBuf, DocumentId)> = Vec::with_capacity(documents.len());
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let inputs: HashSet<PathBuf> = documents
        .iter()
        .filter_map(|(file, _)| fs::canonicalize(file).ok())
        .collect();
    for &(file, document) in documents {
        let input = Path::new(file);
        let target = match dir {
            Some(dir) => {
                let stem = input.file_stem().unwrap_or(input.as_os_str());
                let mut name = stem.to_os_string();
                name.push(".ann");
                dir.join(name)
            }
            None => input.with_extension("ann"),
        };
        // Compare resolved paths: `dir/a.ann` and `./dir/a.ann` are one file.
        let resolved = resolve(&target);
        if inputs.contains(&resolved) {
            return Err(Failure::input(
                file,
                format!(
                    "the annotations would overwrite the input {}",
                    target.display()
                ),
            ));
        }
        if !seen.insert(resolved) {
            return Err(Failure::input(
                file,
                format!(
                    "another input's annotations also go to {}",
                    target.display()
                ),
            ));
        }
        targets.push((target, document));
    }
    for (target, document) in targets {
        Output::File(target).write_with(|out| brat::write(graph, document, out))?;
    }
    Ok(())
}

/// `path` with its directory resolved, for comparing targets; the path as
/// given when its directory does not exist.
fn resolve(path: &Path) -> PathBuf {
    let parent = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    match (fs::canonicalize(parent), path.file_name()) {
        (Ok(parent), Some(name)) => parent.join(name),
        _ => path.to_path_buf(),
    }
}
