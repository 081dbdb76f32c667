//! Scoring extracted attributions against a gold annotation.
//!
//! The protocol scores the spans of the three roles of an attribution —
//! [`Role::Source`], [`Role::Cue`] and [`Role::Content`] — separately, so
//! that figures are comparable across extractors and with the agreement of
//! human annotators:
//!
//! 1. **Spans.** A span is its tuple of `(start, end)` fragments in Unicode
//!    characters (a discontinuous span has several). Every content span of an
//!    attribution counts, PolNeAR's `Content2` included. Links between the
//!    roles (which source said which content) are not scored.
//! 2. **Normalisation**, applied to gold and predicted spans alike
//!    ([`normalize`]): fragments that overlap, touch or are separated only by
//!    trim characters are merged; then trim characters are stripped from both
//!    ends of the whole span, except that a span made only of trim characters
//!    (PolNeAR has cues that are a lone `:`) is kept as it is. The trim
//!    characters ([`is_trim_char`]) are whitespace, `, . ; :` and the quote
//!    marks `" “ ” ' ‘ ’`.
//! 3. **Sets.** Per article and role, the gold spans and the predicted spans
//!    form two sets: several attributions sharing a source or a cue count it
//!    once.
//! 4. **Exact match**: a gold and a predicted span with equal normalised
//!    fragment tuples.
//! 5. **Overlap match**: a gold and a predicted span sharing at least one
//!    character. Each gold and each predicted span is matched at most once,
//!    largest overlaps (in shared characters) first; ties go to the earlier
//!    gold span, then the earlier predicted span, in text order.
//! 6. **Micro-average** over articles: matches, gold and predicted spans are
//!    summed over all articles before precision (matches / predicted), recall
//!    (matches / gold) and F1 (their harmonic mean) are computed, in percent.
//!
//! ```
//! use according::Span;
//! use according::eval::{Evaluation, Role};
//! use according::format::brat::BratAttribution;
//!
//! let text = "The mayor said the bridge would reopen.";
//! let span = |start, end| Span::new(start, end).unwrap();
//! let gold = [BratAttribution {
//!     source: vec![span(0, 9)],
//!     cue: vec![span(10, 14)],
//!     content: vec![span(15, 38)],
//!     ..BratAttribution::default()
//! }];
//! // The prediction includes the final full stop, which normalisation strips,
//! // and misses the article of the source.
//! let predicted = [BratAttribution {
//!     source: vec![span(4, 9)],
//!     cue: vec![span(10, 14)],
//!     content: vec![span(15, 39)],
//!     ..BratAttribution::default()
//! }];
//! let mut evaluation = Evaluation::new();
//! evaluation.add_article(text, &gold, &predicted)?;
//! let scores = evaluation.scores();
//! assert_eq!(scores.exact.role(Role::Content).f1, 100.0);
//! assert_eq!(scores.exact.role(Role::Source).f1, 0.0);
//! assert_eq!(scores.overlap.role(Role::Source).f1, 100.0);
//! # Ok::<(), according::Error>(())
//! ```

use std::collections::BTreeSet;
use std::fmt;

use serde::Serialize;

use crate::error::Error;
use crate::format::brat::BratAttribution;
use crate::model::{Evidence, Span};

/// The three scored parts of an attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Who speaks: "the mayor".
    Source,
    /// The words that signal reported speech: "said", "according to".
    Cue,
    /// What is reported.
    Content,
}

impl Role {
    /// The three roles, in the order source, cue, content.
    pub const ALL: [Role; 3] = [Role::Source, Role::Cue, Role::Content];

    /// The lowercase name: `"source"`, `"cue"`, `"content"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Source => "source",
            Role::Cue => "cue",
            Role::Content => "content",
        }
    }

    fn index(self) -> usize {
        match self {
            Role::Source => 0,
            Role::Cue => 1,
            Role::Content => 2,
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Anything that has source, cue and content spans to be scored: a gold
/// [`BratAttribution`], a report's [`Evidence`], an extractor's output.
pub trait AttributionSpans {
    /// The spans of `role`, each a list of byte fragments into the article's
    /// text. Empty spans (no fragment) are skipped by the scorer.
    fn role_spans(&self, role: Role) -> Vec<&[Span]>;
}

impl AttributionSpans for BratAttribution {
    fn role_spans(&self, role: Role) -> Vec<&[Span]> {
        match role {
            Role::Source => vec![&self.source],
            Role::Cue => vec![&self.cue],
            Role::Content => self.content_spans().collect(),
        }
    }
}

impl AttributionSpans for Evidence {
    fn role_spans(&self, role: Role) -> Vec<&[Span]> {
        vec![match role {
            Role::Source => &self.source,
            Role::Cue => &self.cue,
            Role::Content => &self.content,
        }]
    }
}

impl<T: AttributionSpans + ?Sized> AttributionSpans for &T {
    fn role_spans(&self, role: Role) -> Vec<&[Span]> {
        (**self).role_spans(role)
    }
}

/// Whether the protocol trims `c` from the ends of spans: whitespace,
/// `, . ; :` and the quote marks `" “ ” ' ‘ ’`.
pub fn is_trim_char(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            ',' | '.' | ';' | ':' | '"' | '\u{201C}' | '\u{201D}' | '\'' | '\u{2018}' | '\u{2019}'
        )
}

/// A span after normalisation: sorted, disjoint, non-touching `(start, end)`
/// fragments in Unicode characters. Ordered by its fragments, hence by where
/// it starts in the text.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NormalizedSpan {
    fragments: Vec<(usize, usize)>,
}

impl NormalizedSpan {
    /// The fragments, as half-open ranges of character offsets.
    pub fn fragments(&self) -> &[(usize, usize)] {
        &self.fragments
    }

    /// How many characters the span covers.
    pub fn n_chars(&self) -> usize {
        self.fragments.iter().map(|&(start, end)| end - start).sum()
    }

    /// The first character offset, or 0 for a span without fragments.
    pub fn start(&self) -> usize {
        self.fragments.first().map_or(0, |&(start, _)| start)
    }

    /// One past the last character offset, or 0 for a span without
    /// fragments.
    pub fn end(&self) -> usize {
        self.fragments.last().map_or(0, |&(_, end)| end)
    }

    /// How many characters this span shares with `other`.
    ///
    /// # Complexity
    ///
    /// **O(f + g)** for spans of `f` and `g` fragments.
    pub fn shared_chars(&self, other: &NormalizedSpan) -> usize {
        let (mut i, mut j, mut shared) = (0, 0, 0);
        while let (Some(&(a_start, a_end)), Some(&(b_start, b_end))) =
            (self.fragments.get(i), other.fragments.get(j))
        {
            shared += a_end.min(b_end).saturating_sub(a_start.max(b_start));
            if a_end <= b_end {
                i += 1;
            } else {
                j += 1;
            }
        }
        shared
    }
}

/// Normalises a span given as byte fragments into `text`, following the
/// protocol (see the [module documentation](self)): fragments are converted
/// to character offsets and sorted; fragments that overlap, touch or are
/// separated only by [trim characters](is_trim_char) are merged; trim
/// characters are stripped from both ends of the whole span unless it is
/// made only of them.
///
/// # Errors
///
/// [`Error::InvalidValue`] when a fragment ends past the end of `text` or
/// not on a character boundary.
///
/// # Complexity
///
/// **O(n + f log f)** for a text of `n` bytes and `f` fragments. To
/// normalise many spans of one text, use [`match_article`], which reads the
/// text once.
pub fn normalize(text: &str, fragments: &[Span]) -> Result<NormalizedSpan, Error> {
    let article = CharText::new(text);
    article.normalize(fragments)
}

/// A text as characters, with the character offset of every byte boundary.
struct CharText {
    chars: Vec<char>,
    /// `byte_to_char[b]` is the character offset of byte `b`, or `usize::MAX`
    /// inside a character; one entry per byte plus one for the end.
    byte_to_char: Vec<usize>,
}

impl CharText {
    fn new(text: &str) -> CharText {
        let mut byte_to_char = vec![usize::MAX; text.len() + 1];
        let mut chars = Vec::with_capacity(text.len());
        for (char_idx, (byte_idx, c)) in text.char_indices().enumerate() {
            // `byte_idx < text.len()`, and the vector has `text.len() + 1` entries.
            byte_to_char[byte_idx] = char_idx;
            chars.push(c);
        }
        byte_to_char[text.len()] = chars.len();
        CharText {
            chars,
            byte_to_char,
        }
    }

    fn char_offset(&self, byte: usize) -> Option<usize> {
        self.byte_to_char
            .get(byte)
            .copied()
            .filter(|&offset| offset != usize::MAX)
    }

    fn is_trim(&self, char_idx: usize) -> bool {
        self.chars.get(char_idx).copied().is_some_and(is_trim_char)
    }

    fn normalize(&self, fragments: &[Span]) -> Result<NormalizedSpan, Error> {
        let mut converted = Vec::with_capacity(fragments.len());
        for span in fragments {
            match (self.char_offset(span.start()), self.char_offset(span.end())) {
                (Some(start), Some(end)) => converted.push((start, end)),
                _ => {
                    return Err(Error::InvalidValue {
                        what: "span (past the end of the text or inside a character)",
                        value: format!("{}..{}", span.start(), span.end()),
                    });
                }
            }
        }
        Ok(self.normalize_chars(converted))
    }

    fn normalize_chars(&self, mut fragments: Vec<(usize, usize)>) -> NormalizedSpan {
        fragments.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(fragments.len());
        for (start, end) in fragments {
            if let Some(last) = merged.last_mut() {
                let gap_is_trim = (last.1..start).all(|char_idx| self.is_trim(char_idx));
                if start <= last.1 || gap_is_trim {
                    last.1 = last.1.max(end);
                    continue;
                }
            }
            merged.push((start, end));
        }

        let chars_of = |fragments: &[(usize, usize)]| -> Vec<usize> {
            fragments
                .iter()
                .flat_map(|&(start, end)| start..end)
                .collect()
        };
        let covered = chars_of(&merged);
        let first = covered
            .iter()
            .copied()
            .find(|&char_idx| !self.is_trim(char_idx));
        let last = covered
            .iter()
            .copied()
            .rev()
            .find(|&char_idx| !self.is_trim(char_idx));
        let (Some(first), Some(last)) = (first, last) else {
            // Nothing but trim characters (a lone ":" cue): kept as it is.
            return NormalizedSpan { fragments: merged };
        };
        let stripped = merged
            .into_iter()
            .filter_map(|(start, end)| {
                let (start, end) = (start.max(first), end.min(last + 1));
                (start < end).then_some((start, end))
            })
            .collect();
        NormalizedSpan {
            fragments: stripped,
        }
    }
}

/// The gold and predicted spans of one role in one article, and how they
/// match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoleMatch {
    /// The distinct normalised gold spans, in text order.
    pub gold: Vec<NormalizedSpan>,
    /// The distinct normalised predicted spans, in text order.
    pub predicted: Vec<NormalizedSpan>,
    /// Exact matches, as `(gold index, predicted index)` pairs.
    pub exact: Vec<(usize, usize)>,
    /// Overlap matches, as `(gold index, predicted index, shared characters)`
    /// triples, in the order they were made (largest overlaps first).
    pub overlap: Vec<(usize, usize, usize)>,
}

impl RoleMatch {
    fn new(gold: BTreeSet<NormalizedSpan>, predicted: BTreeSet<NormalizedSpan>) -> RoleMatch {
        let gold: Vec<NormalizedSpan> = gold.into_iter().collect();
        let predicted: Vec<NormalizedSpan> = predicted.into_iter().collect();
        let exact = gold
            .iter()
            .enumerate()
            .filter_map(|(gold_idx, span)| {
                predicted
                    .binary_search(span)
                    .ok()
                    .map(|predicted_idx| (gold_idx, predicted_idx))
            })
            .collect();

        // Every overlapping pair, then a greedy assignment by decreasing
        // overlap. Spans are sorted by start, so the scan of predicted spans
        // for one gold span stops at the first that starts after it ends.
        let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
        for (gold_idx, gold_span) in gold.iter().enumerate() {
            for (predicted_idx, predicted_span) in predicted.iter().enumerate() {
                if predicted_span.start() >= gold_span.end() {
                    break;
                }
                let shared = gold_span.shared_chars(predicted_span);
                if shared > 0 {
                    pairs.push((gold_idx, predicted_idx, shared));
                }
            }
        }
        pairs.sort_by_key(|&(gold_idx, predicted_idx, shared)| {
            (std::cmp::Reverse(shared), gold_idx, predicted_idx)
        });
        let mut gold_used = vec![false; gold.len()];
        let mut predicted_used = vec![false; predicted.len()];
        let mut overlap = Vec::new();
        for (gold_idx, predicted_idx, shared) in pairs {
            // Indices come from enumerating `gold` and `predicted`.
            if gold_used[gold_idx] || predicted_used[predicted_idx] {
                continue;
            }
            gold_used[gold_idx] = true;
            predicted_used[predicted_idx] = true;
            overlap.push((gold_idx, predicted_idx, shared));
        }
        RoleMatch {
            gold,
            predicted,
            exact,
            overlap,
        }
    }

    /// The counts this match adds to an [`Evaluation`].
    pub fn counts(&self) -> RoleCounts {
        RoleCounts {
            gold: self.gold.len(),
            predicted: self.predicted.len(),
            exact: self.exact.len(),
            overlap: self.overlap.len(),
        }
    }
}

/// How the gold and predicted spans of one article match, role by role.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleMatch {
    roles: [RoleMatch; 3],
}

impl ArticleMatch {
    /// The match of one role.
    pub fn role(&self, role: Role) -> &RoleMatch {
        // `Role::index` is below 3.
        &self.roles[role.index()]
    }
}

/// Normalises and matches the gold and predicted spans of one article (see
/// the [module documentation](self) for the protocol).
///
/// # Errors
///
/// [`Error::InvalidValue`] when a span ends past the end of `text` or not on
/// a character boundary.
///
/// # Complexity
///
/// **O(n + s log s + g·p·f)** for a text of `n` bytes, `s` spans in all, and
/// for each role `g` gold and `p` predicted spans of up to `f` fragments.
pub fn match_article<G: AttributionSpans, P: AttributionSpans>(
    text: &str,
    gold: &[G],
    predicted: &[P],
) -> Result<ArticleMatch, Error> {
    let article = CharText::new(text);
    let mut roles: [RoleMatch; 3] = Default::default();
    for role in Role::ALL {
        let gold_spans = span_set(&article, gold, role)?;
        let predicted_spans = span_set(&article, predicted, role)?;
        // `Role::index` is below 3.
        roles[role.index()] = RoleMatch::new(gold_spans, predicted_spans);
    }
    Ok(ArticleMatch { roles })
}

fn span_set<A: AttributionSpans>(
    article: &CharText,
    attributions: &[A],
    role: Role,
) -> Result<BTreeSet<NormalizedSpan>, Error> {
    let mut set = BTreeSet::new();
    for attribution in attributions {
        for fragments in attribution.role_spans(role) {
            if !fragments.is_empty() {
                set.insert(article.normalize(fragments)?);
            }
        }
    }
    Ok(set)
}

/// Span counts of one role, summed over articles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RoleCounts {
    /// Distinct gold spans.
    pub gold: usize,
    /// Distinct predicted spans.
    pub predicted: usize,
    /// Exact matches.
    pub exact: usize,
    /// Overlap matches.
    pub overlap: usize,
}

impl std::ops::AddAssign for RoleCounts {
    fn add_assign(&mut self, other: RoleCounts) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.exact += other.exact;
        self.overlap += other.overlap;
    }
}

/// Precision, recall and F1, in percent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Precision: matches per predicted span (0 when nothing was predicted).
    pub p: f64,
    /// Recall: matches per gold span (0 when there is no gold span).
    pub r: f64,
    /// F1: the harmonic mean of precision and recall (0 when both are 0).
    pub f1: f64,
}

impl Prf {
    /// The figures for `matches` matches among `gold` gold and `predicted`
    /// predicted spans.
    pub fn new(matches: usize, gold: usize, predicted: usize) -> Prf {
        let percent = |part: usize, whole: usize| {
            if whole == 0 {
                0.0
            } else {
                100.0 * part as f64 / whole as f64
            }
        };
        let p = percent(matches, predicted);
        let r = percent(matches, gold);
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        Prf { p, r, f1 }
    }
}

/// One [`Prf`] per role.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct PerRole {
    /// Source spans.
    pub source: Prf,
    /// Cue spans.
    pub cue: Prf,
    /// Content spans.
    pub content: Prf,
}

impl PerRole {
    /// The figures of one role.
    pub fn role(&self, role: Role) -> &Prf {
        match role {
            Role::Source => &self.source,
            Role::Cue => &self.cue,
            Role::Content => &self.content,
        }
    }
}

/// The result of an evaluation. Serialises as
/// `{"exact": {"source": {"p": .., "r": .., "f1": ..}, "cue": .., "content": ..},
/// "overlap": {..}, "articles": N, "gold": N, "predicted": N}`.
///
/// Displays as a small table with one decimal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Exact-match figures.
    pub exact: PerRole,
    /// Overlap-match figures.
    pub overlap: PerRole,
    /// Number of articles scored.
    pub articles: usize,
    /// Number of gold attributions (before spans are deduplicated).
    pub gold: usize,
    /// Number of predicted attributions (before spans are deduplicated).
    pub predicted: usize,
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} articles, {} gold attributions, {} predicted",
            self.articles, self.gold, self.predicted
        )?;
        writeln!(
            f,
            "{:<8} {:>17}  {:>17}",
            "", "exact P / R / F1", "overlap P / R / F1"
        )?;
        for role in Role::ALL {
            let exact = self.exact.role(role);
            let overlap = self.overlap.role(role);
            writeln!(
                f,
                "{:<8} {:>5.1} {:>5.1} {:>5.1}  {:>5.1} {:>5.1} {:>5.1}",
                role.as_str(),
                exact.p,
                exact.r,
                exact.f1,
                overlap.p,
                overlap.r,
                overlap.f1
            )?;
        }
        Ok(())
    }
}

/// Accumulates matches over articles and computes micro-averaged scores.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evaluation {
    articles: usize,
    gold_attributions: usize,
    predicted_attributions: usize,
    counts: [RoleCounts; 3],
}

impl Evaluation {
    /// An evaluation of no article.
    pub fn new() -> Evaluation {
        Evaluation::default()
    }

    /// Scores one article: matches its gold and predicted attributions with
    /// [`match_article`], adds the counts, and returns the match (for error
    /// analysis).
    ///
    /// # Errors
    ///
    /// Those of [`match_article`]; the evaluation is unchanged on error.
    ///
    /// # Complexity
    ///
    /// That of [`match_article`].
    pub fn add_article<G: AttributionSpans, P: AttributionSpans>(
        &mut self,
        text: &str,
        gold: &[G],
        predicted: &[P],
    ) -> Result<ArticleMatch, Error> {
        let article_match = match_article(text, gold, predicted)?;
        self.articles += 1;
        self.gold_attributions += gold.len();
        self.predicted_attributions += predicted.len();
        for role in Role::ALL {
            // `Role::index` is below 3.
            self.counts[role.index()] += article_match.role(role).counts();
        }
        Ok(article_match)
    }

    /// Number of articles added.
    pub fn n_articles(&self) -> usize {
        self.articles
    }

    /// The span counts of one role, summed over the articles.
    pub fn counts(&self, role: Role) -> RoleCounts {
        // `Role::index` is below 3.
        self.counts[role.index()]
    }

    /// Micro-averaged precision, recall and F1 for every role.
    ///
    /// # Complexity
    ///
    /// **O(1)**.
    pub fn scores(&self) -> Scores {
        let per_role = |matches: fn(&RoleCounts) -> usize| {
            let prf = |role: Role| {
                let counts = self.counts(role);
                Prf::new(matches(&counts), counts.gold, counts.predicted)
            };
            PerRole {
                source: prf(Role::Source),
                cue: prf(Role::Cue),
                content: prf(Role::Content),
            }
        };
        Scores {
            exact: per_role(|counts| counts.exact),
            overlap: per_role(|counts| counts.overlap),
            articles: self.articles,
            gold: self.gold_attributions,
            predicted: self.predicted_attributions,
        }
    }
}
