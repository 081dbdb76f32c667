//! Measures attribution extraction on a split of the PolNeAR corpus.
//!
//! ```text
//! cargo run --release -p according-tools --bin polnear_eval -- DIR [--json] [--errors N]
//! cargo run --release -p according-tools --bin polnear_eval -- DIR --predictions PRED_DIR [--json] [--errors N]
//! cargo run --release -p according-tools --bin polnear_eval -- DIR --annotators [--json]
//! ```
//!
//! `DIR` is a split directory in the PolNeAR layout (`text/`, `attributions/`,
//! and `metadata.tsv` one level up), such as `corpora/polnear/dev`. Every
//! article is scored against the annotation of its first annotator (in sorted
//! order of annotator ids). The predictions come from one of:
//!
//! - the crate's extractor (`according::extract::Extractor`), run on every
//!   article (the default);
//! - `--predictions PRED_DIR`: brat files `PRED_DIR/<article>.ann` written by
//!   any system (a missing file counts as no prediction);
//! - `--annotators`: on the articles annotated more than once, the second
//!   annotator's annotation, scored against the first's: the human ceiling.
//!
//! # The scoring protocol
//!
//! Source, cue and content spans are scored separately, as sets per article
//! and role (an attribution sharing a source or cue with another counts it
//! once), micro-averaged over articles. A span is its tuple of (start, end)
//! fragments in Unicode characters. Gold and predicted spans are normalised
//! alike: fragments that touch or are separated only by trim characters are
//! merged, and trim characters (whitespace, `, . ; :` and the quote marks
//! `" “ ” ' ‘ ’`) are stripped from both ends of the whole span, except that a
//! span made only of trim characters is kept as it is. An exact match is a
//! pair of equal normalised spans; an overlap match a pair sharing at least
//! one character, each gold and each predicted span matched at most once,
//! largest overlaps first. `Content2` spans count as content. Links between
//! source and content are not scored. Precision, recall and F1 are in
//! percent. See `according::eval` for the reference implementation.
//!
//! # Output
//!
//! By default, a table of exact and overlap P/R/F1 per role and, when the
//! extractor runs, its throughput (MB of article text per second on one
//! core, extraction time only). With `--json`, only one JSON object:
//! `{"exact": {"source": {"p", "r", "f1"}, "cue", "content"}, "overlap": {..},
//! "articles", "gold", "predicted"}` (`gold` and `predicted` count
//! attributions). `--errors N` adds the N largest error classes (missed,
//! spurious and boundary errors per role) with a few examples each, quoting
//! the article text on the terminal.
//!
//! A missing directory, a directory without articles, or a malformed file
//! fails with exit status 1: an evaluation that cannot run never passes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use according::eval::{ArticleMatch, Evaluation, NormalizedSpan, Role, Scores};
use according::extract::Extractor;
use according::format::brat::corpus::{CorpusArticle, read_corpus_dir};
use according::format::brat::{self, BratAttribution};

/// Where the predictions come from.
enum Mode {
    Extractor,
    Predictions(PathBuf),
    Annotators,
}

struct Options {
    dir: PathBuf,
    mode: Mode,
    json: bool,
    errors: Option<usize>,
}

const USAGE: &str =
    "usage: polnear_eval DIR [--predictions PRED_DIR | --annotators] [--json] [--errors N]";

fn parse_args() -> Result<Options, String> {
    let mut dir = None;
    let mut mode = Mode::Extractor;
    let mut json = false;
    let mut errors = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--annotators" => mode = Mode::Annotators,
            "--predictions" => {
                let pred_dir = args.next().ok_or("--predictions needs a directory")?;
                mode = Mode::Predictions(PathBuf::from(pred_dir));
            }
            "--errors" => {
                let n = args.next().ok_or("--errors needs a number")?;
                errors = Some(
                    n.parse()
                        .map_err(|_| format!("--errors needs a number, not {n:?}"))?,
                );
            }
            "-h" | "--help" => return Err(USAGE.to_owned()),
            _ if arg.starts_with('-') => return Err(format!("unknown option {arg}\n{USAGE}")),
            _ if dir.is_none() => dir = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument {arg}\n{USAGE}")),
        }
    }
    let dir = dir.ok_or_else(|| format!("no split directory given\n{USAGE}"))?;
    Ok(Options {
        dir,
        mode,
        json,
        errors,
    })
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("polnear_eval: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let options = parse_args()?;
    if !options.dir.is_dir() {
        return Err(format!("{} is not a directory", options.dir.display()));
    }
    let articles = read_corpus_dir(&options.dir).map_err(|e| e.to_string())?;
    if articles.is_empty() {
        return Err(format!(
            "no articles in {}",
            options.dir.join("text").display()
        ));
    }

    let extractor = Extractor::new();
    let mut evaluation = Evaluation::new();
    let mut extraction_time = Duration::ZERO;
    let mut extracted_bytes = 0usize;
    let mut errors = ErrorClasses::default();
    for article in &articles {
        let (gold, predicted): (&[BratAttribution], Vec<BratAttribution>) = match &options.mode {
            Mode::Annotators => {
                let Some(second) = article.annotators.get(1) else {
                    continue;
                };
                let other = article.read_annotator(second).map_err(|e| e.to_string())?;
                (&article.annotation.attributions, other.attributions)
            }
            Mode::Extractor => {
                let started = Instant::now();
                let extracted = extractor.try_attributions(&article.text);
                extraction_time += started.elapsed();
                extracted_bytes += article.text.len();
                let extracted = extracted.map_err(|e| format!("{}: {e}", article.name))?;
                let predicted = extracted
                    .into_iter()
                    .map(|attribution| BratAttribution {
                        source: attribution.source,
                        cue: attribution.cue,
                        content: attribution.content,
                        extra_content: Vec::new(),
                    })
                    .collect();
                (&article.annotation.attributions, predicted)
            }
            Mode::Predictions(pred_dir) => (
                &article.annotation.attributions,
                read_predictions(pred_dir, article)?,
            ),
        };
        let article_match = evaluation
            .add_article(&article.text, gold, &predicted)
            .map_err(|e| format!("{}: {e}", article.name))?;
        if options.errors.is_some() {
            errors.add(article, &article_match);
        }
    }
    if evaluation.n_articles() == 0 {
        return Err(format!(
            "no article of {} has a second annotator",
            options.dir.display()
        ));
    }

    let scores = evaluation.scores();
    if options.json {
        let json = serde_json::to_string(&scores).map_err(|e| e.to_string())?;
        println!("{json}");
        return Ok(());
    }
    print_scores(&options, &scores);
    if extracted_bytes > 0 {
        let seconds = extraction_time.as_secs_f64().max(1e-9);
        println!(
            "throughput: {:.2} MB/s ({} bytes of article text in {:.3} s of extraction, one core)",
            extracted_bytes as f64 / 1e6 / seconds,
            extracted_bytes,
            seconds
        );
    }
    if let Some(n) = options.errors {
        errors.print(n);
    }
    Ok(())
}

fn print_scores(options: &Options, scores: &Scores) {
    let what = match &options.mode {
        Mode::Extractor => "extractor".to_owned(),
        Mode::Predictions(dir) => format!("predictions in {}", dir.display()),
        Mode::Annotators => "second annotator against the first".to_owned(),
    };
    println!("{} ({what})", options.dir.display());
    print!("{scores}");
}

/// Reads `PRED_DIR/<article>.ann`; no file means no prediction.
fn read_predictions(
    pred_dir: &Path,
    article: &CorpusArticle,
) -> Result<Vec<BratAttribution>, String> {
    let path = pred_dir.join(format!("{}.ann", article.name));
    match std::fs::read_to_string(&path) {
        Ok(ann) => brat::read(&article.text, &ann)
            .map(|document| document.attributions)
            .map_err(|e| format!("{}: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// Examples of errors, grouped by class ("content missed", "cue too long").
#[derive(Default)]
struct ErrorClasses {
    classes: BTreeMap<String, ErrorClass>,
}

#[derive(Default)]
struct ErrorClass {
    examples: Vec<String>,
    /// How often each short span text (lowercased) is in the class: the
    /// cue words and source mentions worth a look first.
    frequent: BTreeMap<String, usize>,
}

/// Spans longer than this are not counted among the frequent texts.
const FREQUENT_MAX_CHARS: usize = 40;

/// How many examples are kept (and printed) per class.
const EXAMPLES_PER_CLASS: usize = 4;

impl ErrorClasses {
    fn add(&mut self, article: &CorpusArticle, article_match: &ArticleMatch) {
        let chars: Vec<char> = article.text.chars().collect();
        for role in Role::ALL {
            let role_match = article_match.role(role);
            let mut gold_exact = vec![false; role_match.gold.len()];
            let mut predicted_exact = vec![false; role_match.predicted.len()];
            for &(gold_idx, predicted_idx) in &role_match.exact {
                gold_exact[gold_idx] = true;
                predicted_exact[predicted_idx] = true;
            }
            let mut gold_overlap = vec![None; role_match.gold.len()];
            let mut predicted_overlap = vec![false; role_match.predicted.len()];
            for &(gold_idx, predicted_idx, _) in &role_match.overlap {
                gold_overlap[gold_idx] = Some(predicted_idx);
                predicted_overlap[predicted_idx] = true;
            }
            for (gold_idx, gold) in role_match.gold.iter().enumerate() {
                if gold_exact[gold_idx] {
                    continue;
                }
                match gold_overlap[gold_idx] {
                    Some(predicted_idx) => {
                        let predicted = &role_match.predicted[predicted_idx];
                        let kind = boundary_kind(gold, predicted);
                        let example = format!(
                            "gold {} / predicted {}",
                            quote(&chars, gold),
                            quote(&chars, predicted)
                        );
                        let key = short_text(&chars, gold)
                            .zip(short_text(&chars, predicted))
                            .map(|(gold, predicted)| format!("{gold} => {predicted}"));
                        self.push(format!("{role} {kind}"), example, key);
                    }
                    None => {
                        let kind = if starts_with_quote(&chars, gold) {
                            "missed (quoted)"
                        } else {
                            "missed"
                        };
                        let key = short_text(&chars, gold);
                        self.push(format!("{role} {kind}"), quote(&chars, gold), key);
                    }
                }
            }
            for (predicted_idx, predicted) in role_match.predicted.iter().enumerate() {
                if !predicted_exact[predicted_idx] && !predicted_overlap[predicted_idx] {
                    let key = short_text(&chars, predicted);
                    self.push(format!("{role} spurious"), quote(&chars, predicted), key);
                }
            }
        }
    }

    fn push(&mut self, class: String, example: String, key: Option<String>) {
        let class = self.classes.entry(class).or_default();
        class.examples.push(example);
        if let Some(key) = key {
            *class.frequent.entry(key).or_default() += 1;
        }
    }

    fn print(&self, n: usize) {
        let mut classes: Vec<(&String, &ErrorClass)> = self.classes.iter().collect();
        classes.sort_by_key(|(name, class)| (std::cmp::Reverse(class.examples.len()), *name));
        println!();
        println!("largest error classes:");
        for (name, class) in classes.into_iter().take(n) {
            println!("{:>6}  {name}", class.examples.len());
            // Spread the examples over the corpus rather than taking the
            // first article's.
            let step = (class.examples.len() / EXAMPLES_PER_CLASS).max(1);
            for example in class.examples.iter().step_by(step).take(EXAMPLES_PER_CLASS) {
                println!("          {example}");
            }
            let mut frequent: Vec<(&String, &usize)> = class.frequent.iter().collect();
            frequent.sort_by_key(|(text, count)| (std::cmp::Reverse(**count), *text));
            let top: Vec<String> = frequent
                .into_iter()
                .take(12)
                .filter(|(_, count)| **count > 1)
                .map(|(text, count)| format!("{text} ({count})"))
                .collect();
            if !top.is_empty() {
                println!("          most frequent: {}", top.join(", "));
            }
        }
    }
}

fn boundary_kind(gold: &NormalizedSpan, predicted: &NormalizedSpan) -> &'static str {
    let covers = |outer: &NormalizedSpan, inner: &NormalizedSpan| {
        outer.shared_chars(inner) == inner.n_chars()
    };
    if covers(predicted, gold) {
        "too long"
    } else if covers(gold, predicted) {
        "too short"
    } else {
        "shifted"
    }
}

/// The lowercased text of a short span, fragments joined by " … "; `None`
/// for long spans.
fn short_text(chars: &[char], span: &NormalizedSpan) -> Option<String> {
    if span.n_chars() > FREQUENT_MAX_CHARS {
        return None;
    }
    let fragments: Vec<String> = span
        .fragments()
        .iter()
        .map(|&(start, end)| {
            let fragment: String = chars.get(start..end).unwrap_or(&[]).iter().collect();
            fragment.replace('\n', " ").to_lowercase()
        })
        .collect();
    Some(fragments.join(" … "))
}

fn starts_with_quote(chars: &[char], span: &NormalizedSpan) -> bool {
    let start = span.start();
    let before = start.checked_sub(1).and_then(|i| chars.get(i));
    [chars.get(start), before]
        .into_iter()
        .flatten()
        .any(|c| matches!(c, '"' | '\u{201C}' | '\u{2018}'))
}

/// The text of a span in guillemets, fragments joined by " … ", cut to a
/// readable length.
fn quote(chars: &[char], span: &NormalizedSpan) -> String {
    const MAX_CHARS: usize = 90;
    let mut text = String::new();
    for (i, &(start, end)) in span.fragments().iter().enumerate() {
        if i > 0 {
            text.push_str(" … ");
        }
        let fragment: String = chars.get(start..end).unwrap_or(&[]).iter().collect();
        text.push_str(&fragment);
    }
    let text = text.replace('\n', " ");
    if text.chars().count() > MAX_CHARS {
        let head: String = text.chars().take(MAX_CHARS - 1).collect();
        format!("«{head}…»")
    } else {
        format!("«{text}»")
    }
}
