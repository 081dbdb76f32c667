//! Reading graphs in any supported format, and writing output files safely.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use according::Graph;
use according::format::limits::Limits;
use according::format::{edges, json, prov_json};

use crate::cli::Failure;

/// An input format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    Native,
    ProvJson,
    Edges,
}

/// A graph read from a file, with what the reader had to say about it.
pub struct Loaded {
    pub graph: Graph,
    /// The namespace prefixes of a PROV-JSON input, to keep key IRIs on
    /// re-export.
    pub prefixes: Vec<(String, String)>,
    /// Lines about what the reader skipped, for stderr.
    pub notes: Vec<String>,
}

/// Reads `path` (`-` for stdin) in whatever format it is in, within the
/// readers' size limit. A PROV-JSON input is handed to the reader, which
/// frees the text before it builds the graph.
pub fn load(path: &str) -> Result<Loaded, Failure> {
    let fail_io = |e: io::Error| Failure::input(path, e);
    let mut input: Box<dyn Read> = if path == "-" {
        Box::new(io::stdin().lock())
    } else {
        Box::new(fs::File::open(path).map_err(fail_io)?)
    };
    let head = read_head(&mut input).map_err(fail_io)?;
    let fail = |e: according::Error| Failure::input(path, e);
    match detect(&head) {
        InputFormat::ProvJson => {
            let import = prov_json::read_from(io::Cursor::new(head).chain(input)).map_err(fail)?;
            Ok(Loaded {
                notes: import
                    .skipped
                    .iter()
                    .map(|s| format!("skipped {s}"))
                    .collect(),
                graph: import.graph,
                prefixes: import.prefixes,
            })
        }
        InputFormat::Edges => {
            let bytes = read_rest(path, head, input)?;
            let import = edges::import(&bytes).map_err(fail)?;
            let notes = import
                .self_citations
                .iter()
                .map(|line| format!("line {line}: a report citing itself is not a relay"))
                .collect();
            Ok(Loaded {
                graph: import.graph,
                prefixes: Vec::new(),
                notes,
            })
        }
        InputFormat::Native => {
            let bytes = read_rest(path, head, input)?;
            Ok(Loaded {
                graph: json::read(&bytes).map_err(fail)?,
                prefixes: Vec::new(),
                notes: Vec::new(),
            })
        }
    }
}

/// How much of the input is read at a time to tell its format.
const HEAD_BYTES: usize = 1 << 16;

/// Reads the start of the input: enough for [`detect`] to give the format
/// of the whole (usually one read of [`HEAD_BYTES`]).
fn read_head(input: &mut dyn Read) -> io::Result<Vec<u8>> {
    let limit = Limits::default().input_bytes_limit();
    let mut head = Vec::new();
    loop {
        let n = input.take(HEAD_BYTES as u64).read_to_end(&mut head)?;
        if n < HEAD_BYTES || head.len() > limit || is_decided(&head) {
            return Ok(head);
        }
    }
}

/// Whether the format of an input starting with `head` (more follows) is
/// known from `head` alone: [`detect`] then gives it.
fn is_decided(head: &[u8]) -> bool {
    let header = edges::HEADER.as_bytes();
    if head.len() < header.len() && header.starts_with(head) {
        return false;
    }
    if head.starts_with(header) {
        return true;
    }
    let Some(start) = head.iter().position(|b| !b.is_ascii_whitespace()) else {
        return false;
    };
    let Some(rest) = head[start..].strip_prefix(b"{") else {
        return true;
    };
    let Some(quote) = rest.iter().position(|b| !b.is_ascii_whitespace()) else {
        return false;
    };
    let mut stream = serde_json::Deserializer::from_slice(&rest[quote..]).into_iter::<String>();
    !matches!(stream.next(), Some(Err(e)) if e.is_eof())
}

/// The whole input, `head` and the rest, but no more than the readers' size
/// limit: a larger input (a huge file, an endless pipe) is an error before
/// it fills memory.
fn read_rest(path: &str, mut bytes: Vec<u8>, input: Box<dyn Read>) -> Result<Vec<u8>, Failure> {
    let limits = Limits::default();
    // One byte past the limit tells a file at the limit from a larger one.
    let cap = u64::try_from(limits.input_bytes_limit())
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let left = cap.saturating_sub(bytes.len() as u64);
    input
        .take(left)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::input(path, e))?;
    limits
        .check_input(bytes.len())
        .map_err(|e| Failure::input(path, e))?;
    Ok(bytes)
}

/// The format of `bytes`: the edge list by its header; a JSON object is
/// native JSON when its first member is one the native format has (it
/// starts with `"according"`, the schema version), PROV-JSON otherwise.
pub fn detect(bytes: &[u8]) -> InputFormat {
    if bytes.starts_with(edges::HEADER.as_bytes()) {
        return InputFormat::Edges;
    }
    match first_key(bytes).as_deref() {
        Some(
            "according" | "sources" | "merged_sources" | "claims" | "merged_claims" | "documents"
            | "reports" | "equivalences",
        ) => InputFormat::Native,
        // Anything else, malformed JSON included: the PROV-JSON reader gives
        // the error with its position.
        _ => InputFormat::ProvJson,
    }
}

/// The first key of a top-level JSON object, read without parsing the rest.
fn first_key(bytes: &[u8]) -> Option<String> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let rest = bytes.get(start..)?.strip_prefix(b"{")?;
    let quote = rest.iter().position(|b| !b.is_ascii_whitespace())?;
    let mut stream = serde_json::Deserializer::from_slice(rest.get(quote..)?).into_iter::<String>();
    stream.next()?.ok()
}

/// Where output goes.
pub enum Output {
    Stdout,
    File(PathBuf),
}

impl Output {
    pub fn from_arg(arg: Option<&str>) -> Output {
        match arg {
            None | Some("-") => Output::Stdout,
            Some(path) => Output::File(PathBuf::from(path)),
        }
    }

    fn name(&self) -> String {
        match self {
            Output::Stdout => "-".to_owned(),
            Output::File(path) => path.display().to_string(),
        }
    }

    /// Runs `write` on the output. A file is written to a temporary file in
    /// the same directory and renamed into place, so a reader never sees a
    /// half-written file and a failure leaves the old one as it was.
    pub fn write_with(
        &self,
        write: impl FnOnce(&mut dyn Write) -> Result<(), according::Error>,
    ) -> Result<(), Failure> {
        let fail = |e: &dyn std::fmt::Display| Failure::input(&self.name(), e);
        match self {
            Output::Stdout => {
                let stdout = io::stdout();
                let mut out = io::BufWriter::new(stdout.lock());
                write(&mut out).map_err(|e| fail(&e))?;
                out.flush().map_err(|e| fail(&e))
            }
            Output::File(path) => {
                let temp = temp_path(path);
                let result = (|| {
                    let file = fs::File::create(&temp).map_err(|e| fail(&e))?;
                    let mut out = io::BufWriter::new(file);
                    write(&mut out).map_err(|e| fail(&e))?;
                    let file = out.into_inner().map_err(|e| fail(&e.into_error()))?;
                    file.sync_all().map_err(|e| fail(&e))?;
                    fs::rename(&temp, path).map_err(|e| fail(&e))
                })();
                if result.is_err() {
                    // Best effort: the temporary file is ours and useless now.
                    let _ = fs::remove_file(&temp);
                }
                result
            }
        }
    }
}

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let temp_name = format!(".{name}.{}.tmp", std::process::id());
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.join(temp_name),
        _ => PathBuf::from(temp_name),
    }
}
