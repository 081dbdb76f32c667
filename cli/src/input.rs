//! Reading a graph from a file or stdin, in whichever format it is in.

use std::fs;
use std::io::{self, Read};

use according::format::{self, AnyImport};

use crate::failure::Failure;

/// Reads `path` (`-` for stdin) as [`format::read_any_from`] does, within
/// the readers' default size limit: a PROV-JSON input is handed to its
/// reader, which frees the text before it builds the graph.
pub fn load(path: &str) -> Result<AnyImport, Failure> {
    let reader: Box<dyn Read> = if path == "-" {
        Box::new(io::stdin().lock())
    } else {
        Box::new(fs::File::open(path).map_err(|e| Failure::input(path, e))?)
    };
    format::read_any_from(reader).map_err(|e| Failure::library(path, e))
}
