//! Corpora of brat-annotated articles in the PolNeAR directory layout.
//!
//! A split directory (`train/`, `dev/`, ...) holds the texts and their
//! annotations; an optional `metadata.tsv` one level up describes every
//! article:
//!
//! ```text
//! corpus/
//!   metadata.tsv                      compartment, filename, annotators, publisher, publication_date, title, ...
//!   train/
//!     text/<article>.txt              UTF-8 text
//!     attributions/<article>_<annotator>.ann   brat standoff, one file per annotator
//! ```
//!
//! Some articles were annotated by several people: [`read_corpus_dir`] reads
//! the annotation of the first annotator id in sorted order, and
//! [`CorpusArticle::read_annotator`] reads any other.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use time::Date;
use time::macros::format_description;

use super::{BratDocument, BratMeta, read};
use crate::error::Error;

const METADATA_FORMAT: &str = "metadata.tsv";

/// One article of a corpus directory: its text, its annotation and what the
/// metadata file says about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusArticle {
    /// The article's name: its text file's name without `.txt`.
    pub name: String,
    /// The article's text.
    pub text: String,
    /// Every annotator id with an annotation file for this article, sorted.
    /// Never empty.
    pub annotators: Vec<String>,
    /// The annotation of the first annotator in [`annotators`](Self::annotators).
    pub annotation: BratDocument,
    /// Key (the article's name), title, publisher and date from the metadata
    /// file, where it has them.
    pub meta: BratMeta,
    attributions_dir: PathBuf,
}

impl CorpusArticle {
    /// The path of the annotation file of `annotator` for this article.
    pub fn annotation_path(&self, annotator: &str) -> PathBuf {
        self.attributions_dir
            .join(format!("{}_{annotator}.ann", self.name))
    }

    /// Reads the annotation of another annotator of this article.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the file cannot be read, and the errors of
    /// [`read`].
    ///
    /// # Complexity
    ///
    /// That of [`read`].
    pub fn read_annotator(&self, annotator: &str) -> Result<BratDocument, Error> {
        let path = self.annotation_path(annotator);
        let ann = fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        read(&self.text, &ann).map_err(|e| with_file(e, &path))
    }
}

/// Reads every article of a split directory in the PolNeAR layout, sorted by
/// name.
///
/// Each `text/<article>.txt` is paired with the annotation files
/// `attributions/<article>_<annotator>.ann` (the annotator id is the part
/// after the last underscore), and the first annotator in sorted order is
/// read. When `metadata.tsv` exists in the parent directory, its columns
/// `filename`, `title`, `publisher` and `publication_date` (`YYYY-MM-DD`) fill
/// [`CorpusArticle::meta`]; the file is optional. Annotation files without a
/// text are ignored.
///
/// An existing directory without texts gives an empty list: callers that
/// measure something should treat that as a failure.
///
/// # Errors
///
/// - [`Error::Io`] when `text/` or `attributions/` cannot be listed or a file
///   cannot be read (a text without any annotation file is reported as a
///   missing annotation file);
/// - [`Error::Parse`] when an annotation file is malformed (the message
///   names the file) or `metadata.tsv` is.
///
/// # Complexity
///
/// **O(total size of the files + f log f)** for `f` files.
pub fn read_corpus_dir(split_dir: impl AsRef<Path>) -> Result<Vec<CorpusArticle>, Error> {
    let split_dir = split_dir.as_ref();
    let text_dir = split_dir.join("text");
    let attributions_dir = split_dir.join("attributions");

    let mut annotators: HashMap<String, Vec<String>> = HashMap::new();
    for file_name in list_files(&attributions_dir, ".ann")? {
        if let Some((article, annotator)) = file_name.rsplit_once('_') {
            annotators
                .entry(article.to_owned())
                .or_default()
                .push(annotator.to_owned());
        }
    }
    let metadata = read_metadata(split_dir)?;

    let mut names = list_files(&text_dir, ".txt")?;
    names.sort_unstable();
    let mut articles = Vec::with_capacity(names.len());
    for name in names {
        let text_path = text_dir.join(format!("{name}.txt"));
        let text = fs::read_to_string(&text_path).map_err(|e| Error::io(&text_path, e))?;
        let mut article_annotators = annotators.remove(&name).unwrap_or_default();
        article_annotators.sort_unstable();
        let Some(first) = article_annotators.first() else {
            let missing = attributions_dir.join(format!("{name}_*.ann"));
            return Err(Error::io(
                missing,
                std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "no annotation file for this text",
                ),
            ));
        };
        let ann_path = attributions_dir.join(format!("{name}_{first}.ann"));
        let ann = fs::read_to_string(&ann_path).map_err(|e| Error::io(&ann_path, e))?;
        let annotation = read(&text, &ann).map_err(|e| with_file(e, &ann_path))?;
        let mut meta = metadata.get(&name).cloned().unwrap_or_default();
        meta.key = Some(name.clone());
        articles.push(CorpusArticle {
            name,
            text,
            annotators: article_annotators,
            annotation,
            meta,
            attributions_dir: attributions_dir.clone(),
        });
    }
    Ok(articles)
}

/// The names (without `suffix`) of the files in `dir` ending in `suffix`.
fn list_files(dir: &Path, suffix: &str) -> Result<Vec<String>, Error> {
    let mut names = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let file_name = entry.file_name();
        // Names that are not UTF-8 cannot be article names of this layout.
        if let Some(name) = file_name
            .to_str()
            .and_then(|name| name.strip_suffix(suffix))
        {
            names.push(name.to_owned());
        }
    }
    Ok(names)
}

/// Names the file in a parse error's message.
fn with_file(error: Error, path: &Path) -> Error {
    match error {
        Error::Parse {
            format,
            line,
            column,
            message,
        } => Error::Parse {
            format,
            line,
            column,
            message: format!("{}: {message}", path.display()),
        },
        other => other,
    }
}

/// Reads `metadata.tsv` from the parent of `split_dir`, keyed by file name;
/// empty when there is no such file.
fn read_metadata(split_dir: &Path) -> Result<HashMap<String, BratMeta>, Error> {
    let Some(path) = split_dir.parent().map(|parent| parent.join("metadata.tsv")) else {
        return Ok(HashMap::new());
    };
    let tsv = match fs::read_to_string(&path) {
        Ok(tsv) => tsv,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(HashMap::new()),
        Err(e) => return Err(Error::io(&path, e)),
    };
    parse_metadata(&tsv)
}

/// Parses a metadata table in the PolNeAR layout, keyed by the `filename`
/// column (the article's name, without `.txt`).
///
/// The first row names the columns; they are found by name, in any order.
/// `filename` is required; `title`, `publisher` and `publication_date`
/// (`YYYY-MM-DD`) are read where present, and an empty value or `None`
/// counts as missing. Blank lines are skipped.
///
/// # Errors
///
/// [`Error::Parse`] with format `"metadata.tsv"` when there is no
/// `filename` column, or with the line of a publication date that is not
/// `YYYY-MM-DD`.
///
/// # Complexity
///
/// **O(n)** in the length of the table.
pub fn parse_metadata(tsv: &str) -> Result<HashMap<String, BratMeta>, Error> {
    let mut lines = tsv.lines();
    let header: BTreeMap<&str, usize> = lines
        .next()
        .unwrap_or("")
        .split('\t')
        .enumerate()
        .map(|(i, name)| (name.trim(), i))
        .collect();
    let Some(&filename_col) = header.get("filename") else {
        return Err(Error::parse(METADATA_FORMAT, 1, 0, "no filename column"));
    };
    let date_format = format_description!("[year]-[month]-[day]");
    let mut metadata = HashMap::new();
    for (line_idx, line) in lines.enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let field = |name: &str| {
            header
                .get(name)
                .and_then(|&col| fields.get(col))
                .map(|value| value.trim())
                .filter(|value| !value.is_empty() && *value != "None")
        };
        let Some(filename) = fields.get(filename_col).map(|name| name.trim()) else {
            continue;
        };
        let date = match field("publication_date") {
            Some(value) => Some(Date::parse(value, date_format).map_err(|_| {
                Error::parse(
                    METADATA_FORMAT,
                    line_idx + 2,
                    0,
                    format!("invalid publication date {value:?} of {filename}"),
                )
            })?),
            None => None,
        };
        let meta = BratMeta {
            key: Some(filename.to_owned()),
            title: field("title").map(str::to_owned),
            publisher: field("publisher").map(str::to_owned),
            date,
        };
        metadata.insert(filename.to_owned(), meta);
    }
    Ok(metadata)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_columns_are_found_by_header_name() {
        let tsv = "title\tfilename\tpublisher\tpublication_date\n\
                   Bridge reopens\tcity_2020-01-02_bridge\tThe Daily Harbour\t2020-01-02\n\
                   None\tcity_2020-01-03_rain\tNone\t\n";
        let metadata = parse_metadata(tsv).unwrap();
        let bridge = &metadata["city_2020-01-02_bridge"];
        assert_eq!(bridge.title.as_deref(), Some("Bridge reopens"));
        assert_eq!(bridge.publisher.as_deref(), Some("The Daily Harbour"));
        assert_eq!(bridge.date, Some(time::macros::date!(2020 - 01 - 02)));
        let rain = &metadata["city_2020-01-03_rain"];
        assert_eq!(
            (rain.title.as_ref(), rain.publisher.as_ref(), rain.date),
            (None, None, None)
        );
    }

    #[test]
    fn a_bad_date_names_its_line() {
        let tsv = "filename\tpublication_date\na\t2020-01-02\nb\t02/01/2020\n";
        let error = parse_metadata(tsv).unwrap_err();
        assert_eq!(
            error.to_string(),
            "metadata.tsv: line 3: invalid publication date \"02/01/2020\" of b"
        );
    }
}
