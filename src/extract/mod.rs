//! English news text in, attribution graph out.
//!
//! The extractor is rule-based and self-contained: hand-written lexicons of
//! reporting verbs (with their inflections and the attitude they express),
//! nouns for speakers and channels, and a small noun-phrase chunker. It needs
//! no model, no download and no network, and runs at tens of megabytes of
//! text per second on one core.
//!
//! ```
//! use according::extract::{Article, Extractor};
//! use time::macros::date;
//!
//! let extractor = Extractor::new();
//! let text = "Officials say the bridge will reopen. \"We are ready,\" the mayor said Monday.";
//! let article = Article::new(text).with_date(date!(2025 - 11 - 04));
//! let graph = extractor.extract(&article)?;
//! let names: Vec<&str> = graph.sources().map(|(_, s)| s.name.as_str()).collect();
//! assert_eq!(names, ["Officials", "mayor"]);
//!
//! // The outermost attributions as byte spans, for evaluation.
//! let found = extractor.attributions(text);
//! assert_eq!(&text[found[1].cue[0].range()], "said");
//! # Ok::<(), according::Error>(())
//! ```
//!
//! The pipeline, one module per step: `segment` (tokens, quotations,
//! sentences), `lexicon` (word lists), `cues` (attribution shapes around a
//! cue), `sources` (noun phrases and source kinds), `nesting` (reports inside
//! reports), `coref` (one source per speaker), `dates` (relative dates).

mod coref;
mod cues;
mod dates;
mod lexicon;
mod nesting;
mod segment;
mod sources;

use std::collections::HashMap;

pub use dates::resolve_relative_date;

use crate::error::Error;
use crate::graph::Graph;
use crate::model::{
    Attitude, Claim, ClaimId, Document, DocumentId, Evidence, Mention, Mode, RelayKind, Report,
    ReportId, Source, SourceId, Span,
};
use cues::{Analyzer, Found, FoundKind, Range};
use lexicon::Lexicon;
use segment::{Doc, Kind};

/// An article to extract from: its text and what is known about it.
#[derive(Clone, Debug)]
pub struct Article<'a> {
    text: &'a str,
    date: Option<time::Date>,
    publisher: Option<String>,
    key: Option<String>,
    title: Option<String>,
}

impl<'a> Article<'a> {
    /// An article with the given text.
    pub fn new(text: &'a str) -> Self {
        Article {
            text,
            date: None,
            publisher: None,
            key: None,
            title: None,
        }
    }

    /// Sets the dateline, against which relative dates ("said Tuesday",
    /// "last month") are resolved.
    #[must_use]
    pub fn with_date(mut self, date: time::Date) -> Self {
        self.date = Some(date);
        self
    }

    /// Sets the publisher, added to the graph as a source of kind
    /// [`Publisher`](crate::SourceKind::Publisher).
    #[must_use]
    pub fn with_publisher(mut self, publisher: impl Into<String>) -> Self {
        self.publisher = Some(publisher.into());
        self
    }

    /// Sets the document's external key (a file name, a URL).
    #[must_use]
    pub fn with_key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
        self
    }

    /// Sets the headline.
    #[must_use]
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// The text.
    pub fn text(&self) -> &'a str {
        self.text
    }
}

/// Limits and switches of an [`Extractor`].
#[derive(Clone, Debug)]
pub struct ExtractOptions {
    max_text_bytes: usize,
    unattributed: bool,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            max_text_bytes: 64 << 20,
            unattributed: true,
        }
    }
}

impl ExtractOptions {
    /// The default options: texts up to 64 MiB, statements in the
    /// document's own voice recorded.
    pub fn new() -> Self {
        ExtractOptions::default()
    }

    /// Sets the largest text accepted, in bytes; larger texts are rejected
    /// with [`Error::LimitExceeded`].
    #[must_use]
    pub fn max_text_bytes(mut self, limit: usize) -> Self {
        self.max_text_bytes = limit;
        self
    }

    /// Whether sentences without attribution become statements in the
    /// document's own voice ([`Report::unattributed`]). On by default.
    #[must_use]
    pub fn unattributed(mut self, record: bool) -> Self {
        self.unattributed = record;
        self
    }
}

/// One outermost attribution as byte spans into the text: who (source),
/// through which words (cue), said what (content).
///
/// Spans may be discontinuous (`"A," he said, "B."` has two content spans).
/// The source is empty when the text does not name one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The source mention.
    pub source: Vec<Span>,
    /// The cue, with its auxiliaries and adverbs ("has repeatedly declared").
    pub cue: Vec<Span>,
    /// The content.
    pub content: Vec<Span>,
    /// Direct, indirect or mixed quotation.
    pub mode: Mode,
    /// What the cue expresses.
    pub attitude: Attitude,
}

/// The extractor: compiled lexicons and options. Build it once and reuse it;
/// it is `Send + Sync`, so threads can share one.
#[derive(Debug)]
pub struct Extractor {
    lexicon: Lexicon,
    options: ExtractOptions,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

/// A text analysed: tokens, sentences and attributions.
struct Analysis {
    doc: Doc,
    found: Vec<Found>,
    /// Extra content parts per attribution: quotation sentences that continue it.
    attributed_sentence: Vec<bool>,
}

impl Extractor {
    /// An extractor with default options.
    ///
    /// # Complexity
    ///
    /// Compiles the lexicons: a few thousand hash insertions.
    pub fn new() -> Extractor {
        Extractor::with_options(ExtractOptions::default())
    }

    /// An extractor with the given options.
    pub fn with_options(options: ExtractOptions) -> Extractor {
        Extractor {
            lexicon: Lexicon::new(),
            options,
        }
    }

    fn check_limits(&self, text: &str) -> Result<(), Error> {
        if text.len() > self.options.max_text_bytes {
            return Err(Error::LimitExceeded {
                what: "article text in bytes",
                limit: self.options.max_text_bytes,
            });
        }
        Ok(())
    }

    fn analyse(&self, text: &str) -> Analysis {
        let doc = segment::segment(text, &self.lexicon);
        let analyzer = Analyzer {
            doc: &doc,
            lexicon: &self.lexicon,
        };
        let mut found = Vec::new();
        let mut attributed_sentence = vec![false; doc.sentences.len()];
        // The paragraph whose speaker label ("Smith: ...") covers the
        // sentences that follow in it.
        let mut labelled_paragraph: Option<u32> = None;
        for (index, &sentence) in doc.sentences.iter().enumerate() {
            let paragraph = doc.tokens[sentence.start].paragraph; // sentences are non-empty
            if labelled_paragraph == Some(paragraph) {
                attributed_sentence[index] = true;
                continue;
            }
            let opens_paragraph =
                sentence.start == 0 || doc.tokens[sentence.start - 1].paragraph != paragraph;
            if opens_paragraph {
                let mut paragraph_end = sentence.end;
                while doc
                    .tokens
                    .get(paragraph_end)
                    .is_some_and(|t| t.paragraph == paragraph)
                {
                    paragraph_end += 1;
                }
                if let Some(label) = analyzer.speaker_label(index, sentence.start, paragraph_end) {
                    found.push(label);
                    labelled_paragraph = Some(paragraph);
                    continue;
                }
            }
            let first = found.len();
            analyzer.sentence(index, sentence, &mut found);
            nesting::nest(&mut found, first);
        }
        for f in &found {
            if let Some(a) = attributed_sentence.get_mut(f.sentence) {
                *a = true;
            }
        }
        continue_quotations(&doc, &mut found, &mut attributed_sentence);
        Analysis {
            doc,
            found,
            attributed_sentence,
        }
    }

    /// The outermost attributions of `text`, as byte spans: the PolNeAR
    /// convention, for evaluation against annotated corpora. Nested
    /// attributions are part of their outer attribution's content.
    ///
    /// Text larger than the configured limit gives no attributions; use
    /// [`Extractor::try_attributions`] to tell that case apart.
    ///
    /// # Complexity
    ///
    /// **O(n)** in the length of the text: the work per sentence is
    /// quadratic in its number of cues, and a sentence is cut after 1,024
    /// tokens, so text without sentence breaks stays linear.
    pub fn attributions(&self, text: &str) -> Vec<Attribution> {
        self.try_attributions(text).unwrap_or_default()
    }

    /// Like [`Extractor::attributions`], but reports a text over the limit.
    ///
    /// # Errors
    ///
    /// [`Error::LimitExceeded`] when the text is larger than
    /// [`ExtractOptions::max_text_bytes`].
    pub fn try_attributions(&self, text: &str) -> Result<Vec<Attribution>, Error> {
        self.check_limits(text)?;
        let analysis = self.analyse(text);
        let doc = &analysis.doc;
        let mut out = Vec::new();
        for f in &analysis.found {
            if f.parent.is_some() || f.kind == FoundKind::Relayed && f.parent.is_some() {
                continue;
            }
            out.push(Attribution {
                source: f
                    .source
                    .filter(|_| true)
                    .and_then(|r| byte_span(doc, r))
                    .into_iter()
                    .collect(),
                cue: byte_span(doc, f.cue).into_iter().collect(),
                content: f
                    .content
                    .iter()
                    .filter_map(|&r| byte_span(doc, r))
                    .collect(),
                mode: mode_of(doc, &f.content),
                attitude: f.attitude,
            });
        }
        Ok(out)
    }

    /// Extracts `article` into a new graph.
    ///
    /// # Errors
    ///
    /// [`Error::LimitExceeded`] when the text is larger than the configured
    /// limit.
    pub fn extract(&self, article: &Article<'_>) -> Result<Graph, Error> {
        let mut graph = Graph::new();
        self.extract_into(&mut graph, article)?;
        Ok(graph)
    }

    /// Adds a [`Document`] (with text, date, title, key and publisher) and its
    /// reports, sources, claims and relays to `graph`, and returns the
    /// document's id.
    ///
    /// Every attribution becomes a [`Report`] with evidence spans, cue, mode,
    /// attitude, and the time, channel and audience the text gives; nested
    /// attributions become reports relayed by their outer report. Mentions of
    /// one speaker are merged into one [`Source`] with every mention kept.
    /// Sentences without attribution become statements in the document's own
    /// voice ([`Report::unattributed`]); headings are not statements.
    ///
    /// # Errors
    ///
    /// [`Error::LimitExceeded`] when the text is larger than the configured
    /// limit; [`Error::DuplicateKey`] when the article's key is taken in
    /// `graph`. Both are found before anything is added, so on error the
    /// graph is left unchanged.
    ///
    /// # Complexity
    ///
    /// **O(n)** in the length of the text, plus the graph insertions.
    pub fn extract_into(
        &self,
        graph: &mut Graph,
        article: &Article<'_>,
    ) -> Result<DocumentId, Error> {
        let text = article.text;
        self.check_limits(text)?;
        // Check the key before the publisher is added, so that a taken key
        // leaves the graph as it was.
        if let Some(key) = &article.key
            && graph.document_by_key(key).is_some()
        {
            return Err(Error::DuplicateKey {
                kind: "document",
                key: key.clone(),
            });
        }
        let analysis = self.analyse(text);
        let doc = &analysis.doc;
        let found = &analysis.found;

        let mut document = Document::new().with_text(text);
        if let Some(date) = article.date {
            document = document.with_date(date);
        }
        if let Some(key) = &article.key {
            document = document.with_key(key.clone());
        }
        if let Some(title) = &article.title {
            document = document.with_title(title.clone());
        }
        if let Some(publisher) = &article.publisher {
            let id = graph.add_source(Source::publisher(publisher.clone()))?;
            document = document.with_publisher(id);
        }
        let document_id = graph.add_document(document)?;

        // Sources: resolve every mention, in text order.
        let mut resolver = coref::Resolver::default();
        let mut cluster_of: Vec<Option<usize>> = vec![None; found.len()];
        let mut by_range: HashMap<Range, usize> = HashMap::new();
        let mut order: Vec<usize> = (0..found.len()).collect();
        order.sort_by_key(|&i| found[i].source.map_or(usize::MAX, |r| r.0));
        for &i in &order {
            let Some(range) = found[i].source else {
                continue;
            };
            if let Some(&c) = by_range.get(&range) {
                cluster_of[i] = Some(c);
                continue;
            }
            let Some(span) = byte_span(doc, range) else {
                continue;
            };
            let info = sources::describe(text, doc, range.0, range.1);
            let mention_text = &text[span.range()];
            let c = resolver.resolve(&info, mention_text, span);
            by_range.insert(range, c);
            cluster_of[i] = Some(c);
        }
        let mut source_ids: Vec<SourceId> = Vec::with_capacity(resolver.clusters.len());
        for cluster in &resolver.clusters {
            let mut source = Source::new(cluster.kind, cluster.display_name());
            for d in cluster
                .descriptors
                .iter()
                .filter(|d| !d.eq_ignore_ascii_case(cluster.display_name()))
            {
                source = source.with_descriptor(d.clone());
            }
            for (mention, span) in &cluster.mentions {
                source = source.with_mention(Mention::at(mention.clone(), document_id, *span));
            }
            source_ids.push(graph.add_source(source)?);
        }

        // Claims: an attribution with a nested one reports the nested claim.
        let n = found.len();
        let mut child_of: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (i, f) in found.iter().enumerate() {
            if let Some(p) = f.parent.filter(|&p| p < n) {
                child_of[p].push(i);
            }
        }
        let mut by_depth: Vec<(usize, usize)> =
            (0..n).map(|i| (nesting::depth(found, i), i)).collect();
        by_depth.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut claim_text: Vec<Option<String>> = vec![None; n];
        for &(_, i) in &by_depth {
            if found[i].kind == FoundKind::Relayed && found[i].parent.is_some() {
                continue;
            }
            let inner = child_of[i]
                .iter()
                .find(|&&c| found[c].kind != FoundKind::Relayed)
                .and_then(|&c| claim_text[c].clone());
            claim_text[i] =
                Some(inner.unwrap_or_else(|| content_text(text, doc, &found[i].content)));
        }
        for &(_, i) in &by_depth {
            if found[i].kind == FoundKind::Relayed
                && let Some(p) = found[i].parent
            {
                claim_text[i] = claim_text.get(p).cloned().flatten();
            }
        }
        let mut claims: HashMap<String, ClaimId> = HashMap::new();
        let mut claim_id = |graph: &mut Graph, content: String| -> Result<ClaimId, Error> {
            if let Some(&id) = claims.get(&content) {
                return Ok(id);
            }
            let id = graph.add_claim(Claim::new(content.clone()))?;
            claims.insert(content, id);
            Ok(id)
        };

        // Reports, innermost first so that relays point to existing reports.
        let mut report_of: Vec<Option<ReportId>> = vec![None; n];
        for &(_, i) in &by_depth {
            let f = &found[i];
            let claim = claim_id(graph, claim_text[i].clone().unwrap_or_default())?;
            let mut report = match cluster_of[i].and_then(|c| source_ids.get(c)) {
                Some(&source) => Report::by(source, claim),
                None => Report::anonymous(claim),
            };
            report = report
                .in_document(document_id)
                .with_cue(cue_text(text, doc, f))
                .with_mode(mode_of(doc, &f.content))
                .with_attitude(f.attitude);
            if let (Some(range), Some(date)) = (f.time, article.date)
                && let Some(phrase) = range_text(text, doc, range)
                && let Some(when) = resolve_relative_date(phrase, date)
            {
                report = report.with_time(when);
            }
            if let Some(channel) = f.channel.and_then(|r| range_text(text, doc, r)) {
                report = report.with_channel(channel);
            }
            if let Some(audience) = f.audience.and_then(|r| range_text(text, doc, r)) {
                report = report.with_audience(audience);
            }
            let evidence = Evidence {
                source: f
                    .source
                    .and_then(|r| byte_span(doc, r))
                    .into_iter()
                    .collect(),
                cue: byte_span(doc, f.cue).into_iter().collect(),
                content: f
                    .content
                    .iter()
                    .filter_map(|&r| byte_span(doc, r))
                    .collect(),
            };
            report = report.with_evidence(evidence);
            for &c in &child_of[i] {
                if let Some(child) = report_of[c] {
                    let kind = if mode_of(doc, &found[c].content) == Mode::Direct {
                        RelayKind::Quotation
                    } else {
                        RelayKind::Derivation
                    };
                    report = report.relaying_as(child, kind);
                }
            }
            report_of[i] = Some(graph.add_report(report)?);
        }

        // Statements in the document's own voice.
        if self.options.unattributed {
            for (index, sentence) in doc.sentences.iter().enumerate() {
                if analysis
                    .attributed_sentence
                    .get(index)
                    .copied()
                    .unwrap_or(true)
                {
                    continue;
                }
                let first = doc.tokens[sentence.start]; // sentences are non-empty
                if doc
                    .heading
                    .get(first.paragraph as usize)
                    .copied()
                    .unwrap_or(false)
                {
                    continue;
                }
                let Some(span) = byte_span(doc, (sentence.start, sentence.end)) else {
                    continue;
                };
                if !doc.tokens[sentence.start..sentence.end]
                    .iter()
                    .any(|t| t.kind == Kind::Word)
                {
                    continue;
                }
                let claim = claim_id(graph, text[span.range()].trim().to_owned())?;
                let report = Report::unattributed(document_id, claim).with_evidence(Evidence {
                    content: vec![span],
                    ..Evidence::default()
                });
                graph.add_report(report)?;
            }
        }
        Ok(document_id)
    }
}

/// Quotation-only sentences right after an attribution that quotes, in the
/// same paragraph, continue it: `"A," he said. "B."`.
fn continue_quotations(doc: &Doc, found: &mut [Found], attributed: &mut [bool]) {
    let mut last_outer: Option<usize> = None;
    let mut next_found = 0;
    for (index, sentence) in doc.sentences.iter().enumerate() {
        let mut any = false;
        while next_found < found.len() && found[next_found].sentence == index {
            if found[next_found].parent.is_none() && found[next_found].kind != FoundKind::Relayed {
                last_outer = Some(next_found);
            }
            next_found += 1;
            any = true;
        }
        if any {
            continue;
        }
        let tokens = &doc.tokens[sentence.start..sentence.end];
        let all_quoted = tokens.first().is_some_and(|t| t.kind == Kind::OpenQuote)
            && tokens.iter().all(|t| t.quoted || t.kind == Kind::Stop);
        let Some(o) = last_outer else { continue };
        let outer = &found[o];
        // The next sentence, in the same paragraph or opening the next one.
        let same_paragraph = outer.sentence + 1 == index;
        let outer_quotes = outer
            .content
            .iter()
            .any(|&(a, b)| doc.tokens[a..b].iter().any(|t| t.quoted));
        if all_quoted && same_paragraph && outer_quotes {
            found[o].content.push((sentence.start, sentence.end));
            if let Some(a) = attributed.get_mut(index) {
                *a = true;
            }
            // A third quoted sentence may follow.
            found[o].sentence = index;
        } else {
            last_outer = None;
        }
    }
}

/// The byte span of tokens `a..b`.
fn byte_span(doc: &Doc, (a, b): Range) -> Option<Span> {
    let first = doc.tokens.get(a)?;
    let last = doc.tokens.get(b.checked_sub(1)?)?;
    if a >= b {
        return None;
    }
    Span::new(first.start, last.end).ok()
}

fn range_text<'t>(text: &'t str, doc: &Doc, range: Range) -> Option<&'t str> {
    byte_span(doc, range).and_then(|s| text.get(s.range()))
}

fn cue_text(text: &str, doc: &Doc, f: &Found) -> String {
    range_text(text, doc, f.cue_head).unwrap_or("").to_owned()
}

/// The content as claim text: parts joined by a space, without a leading
/// "that" and without trailing commas and spaces.
fn content_text(text: &str, doc: &Doc, content: &[Range]) -> String {
    let mut out = String::new();
    for &(a, b) in content {
        let mut a = a;
        if doc.lower(a) == "that" && b > a + 1 {
            a += 1;
        }
        let mut b = b;
        while b > a && matches!(doc.tokens[b - 1].kind, Kind::Comma | Kind::Dash) {
            b -= 1;
        }
        if let Some(part) = range_text(text, doc, (a, b)) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(part.trim());
        }
    }
    out
}

/// Direct when every part is one quotation, mixed when quotation marks
/// appear, indirect otherwise.
fn mode_of(doc: &Doc, content: &[Range]) -> Mode {
    let mut any_quote = false;
    let mut all_direct = !content.is_empty();
    for &(a, b) in content {
        let mut a = a;
        if doc.lower(a) == "that" {
            a += 1;
        }
        let mut b = b;
        while b > a
            && matches!(
                doc.tokens[b - 1].kind,
                Kind::Comma | Kind::Stop | Kind::Colon
            )
        {
            b -= 1;
        }
        if a >= b {
            continue;
        }
        let part = &doc.tokens[a..b];
        let n_quotes = part.iter().filter(|t| t.is_quote()).count();
        any_quote |= n_quotes > 0 || part.iter().any(|t| t.quoted);
        let direct = part.first().is_some_and(|t| t.kind == Kind::OpenQuote)
            && part.iter().all(|t| t.quoted)
            && part[1..]
                .iter()
                .filter(|t| t.kind == Kind::OpenQuote)
                .count()
                == 0;
        all_direct &= direct;
    }
    if any_quote && all_direct {
        Mode::Direct
    } else if any_quote {
        Mode::Mixed
    } else {
        Mode::Indirect
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extractor_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Extractor>();
    }
}
