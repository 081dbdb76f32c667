//! W3C PROV-N: the attribution graph as PROV's human-readable notation.
//!
//! The mapping is the one of [`prov_json`](super::prov_json) (same records,
//! same identifiers, same `acc:` attributes), written as a
//! `document ... endDocument` block:
//!
//! ```text
//! document
//!   prefix acc <https://according.rs/ns#>
//!   agent(acc:s0, [prov:type='prov:Organization', prov:label="Seoul's spy agency"])
//!   entity(acc:r0, [acc:cue="briefing"])
//!   wasAttributedTo(acc:r0, acc:s0)
//!   wasDerivedFrom(acc:r1, acc:r0, [prov:type='prov:Quotation'])
//! endDocument
//! ```
//!
//! Strings are written as PROV-N string literals with `\"`, `\\`, `\n`,
//! `\r` and `\t` escaped; qualified names as `'prefix:local'` literals.
//! Reading PROV-N is not supported: convert it to PROV-JSON with a PROV tool
//! (for example Python `prov`) and use [`prov_json::read`](super::prov_json::read).

use std::io::Write;

use super::prov_json::{Arg, AttrList, Sink, Val, WriteOptions, emit};
use crate::error::Result;
use crate::graph::Graph;

/// Writes `graph` as a PROV-N document.
///
/// # Errors
///
/// [`Error::Io`](crate::Error::Io) when writing fails.
///
/// # Complexity
///
/// **O(size of the graph)**.
pub fn write(graph: &Graph, out: &mut (impl Write + ?Sized)) -> Result<()> {
    write_with(graph, &WriteOptions::default(), out)
}

/// [`write()`] with options (the IRIs of key prefixes).
///
/// # Errors
///
/// [`Error::Io`](crate::Error::Io) when writing fails.
///
/// # Complexity
///
/// **O(size of the graph)**.
pub fn write_with(
    graph: &Graph,
    options: &WriteOptions,
    out: &mut (impl Write + ?Sized),
) -> Result<()> {
    let mut sink = ProvN { out, indent: "  " };
    emit(graph, options, &mut sink)
}

/// The PROV-N text of `graph`, see [`write()`].
///
/// # Complexity
///
/// **O(size of the graph)**.
pub fn to_string(graph: &Graph) -> String {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail, and the writer emits only UTF-8.
    let _ = write(graph, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

struct ProvN<'w, W: Write + ?Sized> {
    out: &'w mut W,
    indent: &'static str,
}

impl<W: Write + ?Sized> ProvN<'_, W> {
    fn attrs(&mut self, attrs: &AttrList<'_>) -> Result<()> {
        if attrs.is_empty() {
            return Ok(());
        }
        self.out.write_all(b", [")?;
        for (i, (name, value)) in attrs.iter().enumerate() {
            if i > 0 {
                self.out.write_all(b", ")?;
            }
            write!(self.out, "{name}=")?;
            match value {
                Val::Str(text) => write_string(self.out, text)?,
                Val::QName(text) => write!(self.out, "'{text}'")?,
            }
        }
        self.out.write_all(b"]")?;
        Ok(())
    }
}

impl<W: Write + ?Sized> Sink for ProvN<'_, W> {
    fn prefixes(&mut self, prefixes: &[(String, String)]) -> Result<()> {
        writeln!(self.out, "document")?;
        for (prefix, iri) in prefixes {
            writeln!(self.out, "  prefix {prefix} <{iri}>")?;
        }
        Ok(())
    }

    fn element(&mut self, kind: &'static str, id: &str, attrs: &AttrList<'_>) -> Result<()> {
        write!(self.out, "{}{kind}({id}", self.indent)?;
        self.attrs(attrs)?;
        writeln!(self.out, ")")?;
        Ok(())
    }

    fn relation(
        &mut self,
        kind: &'static str,
        id: &str,
        args: &[(&'static str, Arg<'_>)],
        attrs: &AttrList<'_>,
    ) -> Result<()> {
        // PROV-JSON's blank record ids (`_:d1`) are not PROV-N identifiers:
        // the relations are written without one.
        let _ = id;
        write!(self.out, "{}{kind}(", self.indent)?;
        for (i, (_, arg)) in args.iter().enumerate() {
            if i > 0 {
                self.out.write_all(b", ")?;
            }
            match arg {
                Arg::Id(id) => self.out.write_all(id.as_bytes())?,
                Arg::Time(time) => self.out.write_all(time.as_bytes())?,
                Arg::Marker => self.out.write_all(b"-")?,
            }
        }
        self.attrs(attrs)?;
        writeln!(self.out, ")")?;
        Ok(())
    }

    fn begin_bundle(&mut self, id: &str) -> Result<()> {
        writeln!(self.out, "  bundle {id}")?;
        self.indent = "    ";
        Ok(())
    }

    fn end_bundle(&mut self) -> Result<()> {
        writeln!(self.out, "  endBundle")?;
        self.indent = "  ";
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        writeln!(self.out, "endDocument")?;
        Ok(())
    }
}

/// Writes a PROV-N string literal.
fn write_string(out: &mut (impl Write + ?Sized), text: &str) -> std::io::Result<()> {
    out.write_all(b"\"")?;
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            _ => continue,
        };
        out.write_all(&text.as_bytes()[start..i])?;
        out.write_all(escape)?;
        start = i + 1;
    }
    out.write_all(&text.as_bytes()[start..])?;
    out.write_all(b"\"")
}
