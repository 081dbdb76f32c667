//! Finding attributions in a sentence: the cue, then the source and content
//! around it, following the shape of the sentence.
//!
//! Shapes recognised, for a cue verb V:
//!
//! - preposed: `SOURCE [aux] V [audience] [supplements] [that|:] CONTENT`
//!   ("Analysts say North Korea ...", "Lee told reporters that ...");
//! - postposed: `CONTENT, SOURCE V [supplements].` ("..., a lawmaker said
//!   Tuesday after a briefing by ...") and inverted `CONTENT, V SOURCE.`
//!   ("..., said the lawmaker"), with a second quoted part after the cue
//!   (`"A," he said, "B."`);
//! - participles: `..., adding that ...`, `..., saying ...` (the source is the
//!   subject of the main clause);
//! - `according to SOURCE` before or after its content, `citing SOURCE`;
//! - nominal cues in supplements: "after a briefing by SOURCE".
//!
//! Supplements after the verb give the report's time ("Tuesday", "last
//! month"), channel ("in a statement", "in a report") and audience ("to
//! reporters").

use super::lexicon::{CueClass, Form, Lexicon, flags};
use super::segment::{Doc, Kind, Sentence};
use super::sources::{chunk_back, chunk_forward};
use crate::model::Attitude;

/// A lowercase word that looks like a plural noun ("polls", "figures").
fn doc_plural(lower: &str) -> bool {
    lower.len() > 3 && lower.ends_with('s') && !lower.ends_with("ss") && !lower.ends_with("ly")
}

/// A plain word that can sit in a short noun phrase (no verb, clause word
/// or auxiliary).
fn np_like(doc: &Doc, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| {
        t.kind == Kind::Word
            && !t.quoted
            && t.info.verb == 0
            && t.info.flags & (flags::CLAUSE | flags::AUX | flags::TIME) == 0
    })
}

/// Whether a cue verb's particle follows it.
enum Particle {
    /// The particle is there and belongs to the cue: "called for".
    Takes,
    /// The verb reports only with a particle, which is missing: "spoke".
    Missing,
    /// The verb needs none: "said".
    Optional,
}

/// Verbs that report with a particle, which then belongs to the cue:
/// "referred to", "pointed out", "talked about", "warned of".
fn particle(lemma: &str, next: &str) -> Particle {
    let (particles, required): (&[&str], bool) = match lemma {
        "refer" => (&["to"], true),
        "point" => (&["to", "out"], true),
        "talk" | "speak" => (&["about", "of"], true),
        "focus" => (&["on"], true),
        "call" => (&["for", "on"], false),
        "ask" => (&["for", "about"], false),
        "agree" => (&["with"], false),
        "warn" => (&["of", "about", "against"], false),
        "boast" | "complain" | "worry" => (&["of", "about"], false),
        "argue" => (&["for", "against"], false),
        "hint" => (&["at"], false),
        "write" | "think" | "joke" | "tweet" | "testify" => (&["about", "of"], false),
        "believe" => (&["in"], false),
        "comment" => (&["on"], false),
        _ => (&[], false),
    };
    if particles.contains(&next) {
        Particle::Takes
    } else if required {
        Particle::Missing
    } else {
        Particle::Optional
    }
}

/// Whether the token after `v` is "to".
fn next_is_to(analyzer: &Analyzer<'_>, v: usize) -> bool {
    analyzer.doc.lower(v + 1) == "to"
}

/// A token range `start..end`.
pub(crate) type Range = (usize, usize);

/// How an attribution was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FoundKind {
    /// Around a cue verb.
    Verb,
    /// "according to X".
    According,
    /// A nominal cue in the supplements of another attribution ("after a
    /// briefing by X"), or "citing X": the source of the other one relays it.
    Relayed,
}

/// One attribution found in a sentence, as token ranges.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub(crate) kind: FoundKind,
    /// The source mention; `None` when the text gives none.
    pub(crate) source: Option<Range>,
    /// The source is the one of another attribution ("..., adding that").
    pub(crate) source_shared: bool,
    /// The cue as annotated for evaluation (with auxiliaries and adverbs).
    pub(crate) cue: Range,
    /// The cue proper: "said", "according to", "briefing".
    pub(crate) cue_head: Range,
    /// The content, possibly in several parts.
    pub(crate) content: Vec<Range>,
    pub(crate) attitude: Attitude,
    pub(crate) audience: Option<Range>,
    pub(crate) channel: Option<Range>,
    pub(crate) time: Option<Range>,
    /// The attribution whose content holds this one (set by nesting), or the
    /// one that relays this one (for [`FoundKind::Relayed`]).
    pub(crate) parent: Option<usize>,
    /// Index of the sentence.
    pub(crate) sentence: usize,
}

/// Supplements parsed after a cue verb.
#[derive(Default)]
struct Supplements {
    end: usize,
    time: Option<Range>,
    channel: Option<Range>,
    audience: Option<Range>,
    /// A nominal cue with its source: (cue token, source range, channel range).
    nominal: Option<(usize, Range, Range)>,
}

/// What follows the cue and its supplements.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tail {
    /// The sentence ends.
    End,
    /// `, "` a second quoted part.
    CommaQuote,
    /// `, adding ...`, `, according to`, `, citing`.
    CommaCue,
    /// Anything else: content follows.
    Other,
}

pub(crate) struct Analyzer<'a> {
    pub(crate) doc: &'a Doc,
    pub(crate) lexicon: &'a Lexicon,
}

impl Analyzer<'_> {
    fn lower(&self, i: usize) -> &str {
        self.doc.lower(i)
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.doc.tokens.get(i).map(|t| t.kind)
    }

    fn word_flags(&self, i: usize) -> u32 {
        self.doc
            .tokens
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map_or(0, |t| t.info.flags)
    }

    /// Whether token `i` is a gerund cue ("adding", "saying") or a relaying
    /// word ("according", "citing") that opens a participial clause.
    fn opens_cue_clause(&self, i: usize) -> bool {
        let Some(t) = self.doc.tokens.get(i) else {
            return false;
        };
        if t.kind != Kind::Word || t.quoted {
            return false;
        }
        let lower = self.lower(i);
        if lower == "according" && self.lower(i + 1) == "to" || lower == "citing" {
            return true;
        }
        t.info.form == Form::Gerund && self.lexicon.verb(t.info).is_some()
    }

    /// Finds every attribution of sentence `sentence_index`, outermost and
    /// nested alike, and appends them to `out`.
    pub(crate) fn sentence(&self, sentence_index: usize, sentence: Sentence, out: &mut Vec<Found>) {
        let first_found = out.len();
        let (s, e) = (sentence.start, sentence.end);
        // The end of the sentence proper: drop final stops.
        let mut consumed = vec![false; e - s];
        self.according_and_citing(sentence_index, s, e, &mut consumed, out);
        self.in_a_poll(sentence_index, s, e, &mut consumed, out);
        let mut i = s;
        while i < e {
            if !consumed[i - s]
                && let Some(found) = self.verb_cue(sentence_index, s, e, i, out, first_found)
            {
                let (found, relayed) = found;
                for r in [
                    Some(found.cue),
                    found.source,
                    found.audience,
                    found.channel,
                    found.time,
                ]
                .into_iter()
                .flatten()
                {
                    for k in r.0..r.1 {
                        if let Some(c) = consumed.get_mut(k.wrapping_sub(s)) {
                            *c = true;
                        }
                    }
                }
                let parent = out.len();
                out.push(found);
                if let Some(mut relayed) = relayed {
                    relayed.parent = Some(parent);
                    if let Some((a, b)) = relayed.source {
                        for k in a..b {
                            if let Some(c) = consumed.get_mut(k.wrapping_sub(s)) {
                                *c = true;
                            }
                        }
                    }
                    out.push(relayed);
                }
            }
            i += 1;
        }
        // A "citing X" with a verb attribution before it is relayed by it.
        let found = &mut out[first_found..];
        for k in 0..found.len() {
            if found[k].kind == FoundKind::Relayed
                && found[k].parent.is_none()
                && self.lower(found[k].cue_head.0) == "citing"
            {
                let cue = found[k].cue.0;
                let before = (0..found.len())
                    .rfind(|&j| j != k && found[j].kind == FoundKind::Verb && found[j].cue.0 < cue);
                if let Some(j) = before {
                    found[k].parent = Some(first_found + j);
                    found[k].content = found[j].content.clone();
                }
            }
        }
        // Estimates in the passive inside a content ("were estimated to")
        // make the innermost attribution holding them an estimate.
        for p in s..e {
            let t = self.doc.tokens[p];
            let is_estimate = t.kind == Kind::Word
                && t.info.form == Form::Past
                && self
                    .lexicon
                    .verb(t.info)
                    .is_some_and(|v| v.attitude == Attitude::Estimate)
                && p > s
                && self.word_flags(p - 1) & flags::BE != 0;
            if !is_estimate {
                continue;
            }
            let holder = (first_found..out.len())
                .filter(|&j| out[j].content.iter().any(|&(a, b)| a <= p && p < b))
                .min_by_key(|&j| out[j].content.iter().map(|&(a, b)| b - a).sum::<usize>());
            if let Some(j) = holder
                && out[j].attitude == Attitude::Assertion
            {
                out[j].attitude = Attitude::Estimate;
            }
        }
    }

    /// A paragraph opened by a speaker's name and a colon, as in headlines
    /// and transcripts ("Smith: We Will Win", "MODERATOR: Welcome back."):
    /// the name is the source, the colon the cue, the rest of the paragraph
    /// (tokens up to `paragraph_end`) the content.
    pub(crate) fn speaker_label(
        &self,
        sentence_index: usize,
        s: usize,
        paragraph_end: usize,
    ) -> Option<Found> {
        let colon = (s..paragraph_end.min(s + 7)).find(|&k| self.kind(k) != Some(Kind::Word))?;
        if colon == s || self.kind(colon) != Some(Kind::Colon) {
            return None;
        }
        let first = self.doc.tokens[s];
        // In an interview transcript "Q:" labels the questions, which
        // assert nothing.
        if !first.capital
            || self.word_flags(s) & (flags::DET | flags::PREP | flags::CLAUSE) != 0
            || colon == s + 1 && self.lower(s) == "q"
        {
            return None;
        }
        if matches!(
            self.lower(s),
            "related"
                | "update"
                | "updated"
                | "note"
                | "editor's"
                | "editors"
                | "watch"
                | "video"
                | "photo"
                | "photos"
                | "source"
                | "sources"
                | "read"
                | "transcript"
                | "see"
                | "click"
                | "breaking"
                | "exclusive"
                | "more"
                | "also"
                | "correction"
                | "listen"
                | "subscribe"
                | "follow"
                | "contact"
                | "disclosure"
                | "here"
                | "this"
                | "why"
                | "what"
                | "how"
                | "when"
                | "where"
                | "who"
        ) {
            return None;
        }
        for k in s..colon {
            let t = self.doc.tokens[k];
            let joiner = matches!(self.lower(k), "of" | "and" | "de" | "van" | "von");
            if t.quoted || !(t.capital || joiner) || self.lexicon.verb(t.info).is_some() {
                return None;
            }
        }
        let n_words = (colon + 1..paragraph_end)
            .filter(|&k| self.kind(k) == Some(Kind::Word))
            .take(3)
            .count();
        if n_words < 3 {
            return None;
        }
        Some(Found {
            kind: FoundKind::Verb,
            source: Some((s, colon)),
            source_shared: false,
            cue: (colon, colon + 1),
            cue_head: (colon, colon + 1),
            content: vec![(colon + 1, paragraph_end)],
            attitude: Attitude::Assertion,
            audience: None,
            channel: None,
            time: None,
            parent: None,
            sentence: sentence_index,
        })
    }

    /// "according to X" and "citing X".
    fn according_and_citing(
        &self,
        sentence_index: usize,
        s: usize,
        e: usize,
        consumed: &mut [bool],
        out: &mut Vec<Found>,
    ) {
        let mut i = s;
        while i + 1 < e {
            let t = self.doc.tokens[i];
            if t.kind != Kind::Word || t.quoted {
                i += 1;
                continue;
            }
            let lower = self.lower(i);
            let (cue_end, is_citing) = if lower == "according" && self.lower(i + 1) == "to" {
                (i + 2, false)
            } else if lower == "citing" && i > s && self.kind(i - 1) == Some(Kind::Comma) {
                (i + 1, true)
            } else {
                i += 1;
                continue;
            };
            let Some(src_end) = chunk_forward(self.doc, self.lexicon, cue_end, e) else {
                i += 1;
                continue;
            };
            // Content: before the cue when a comma precedes it, else after
            // the comma that ends the source phrase.
            let before_comma = i > s
                && matches!(
                    self.kind(i - 1),
                    Some(Kind::Comma | Kind::Dash | Kind::OpenParen)
                );
            let content = if i > s && (before_comma || !self.clause_start(s, i)) {
                let start = self.content_start(s, i);
                let mut end = i;
                while end > start
                    && matches!(
                        self.kind(end - 1),
                        Some(Kind::Comma | Kind::Dash | Kind::OpenParen)
                    )
                {
                    end -= 1;
                }
                (start, end)
            } else {
                let mut start = src_end;
                while start < e && matches!(self.kind(start), Some(Kind::Comma | Kind::Colon)) {
                    start += 1;
                }
                (start, self.content_end(start, e))
            };
            if content.1 <= content.0 {
                i += 1;
                continue;
            }
            for c in &mut consumed[i - s..src_end - s] {
                *c = true;
            }
            let attitude = if self.phrase_has(cue_end, src_end, flags::ESTIMATE_NOUN) {
                Attitude::Estimate
            } else {
                Attitude::Assertion
            };
            out.push(Found {
                kind: if is_citing {
                    FoundKind::Relayed
                } else {
                    FoundKind::According
                },
                source: Some((cue_end, src_end)),
                source_shared: false,
                cue: (i, cue_end),
                cue_head: (i, cue_end),
                content: vec![content],
                attitude,
                audience: None,
                channel: None,
                time: None,
                parent: None,
                sentence: sentence_index,
            });
            i = src_end;
        }
    }

    /// Whether the sentence `s..e` is a question: its last mark, before
    /// any closing quotation marks, is a question mark.
    fn ends_with_question(&self, s: usize, e: usize) -> bool {
        (s..e)
            .rev()
            .find(|&k| !matches!(self.kind(k), Some(Kind::CloseQuote | Kind::CloseParen)))
            .is_some_and(|k| self.kind(k) == Some(Kind::Stop) && self.lower(k).contains('?'))
    }

    /// Whether token `k` names a survey ("poll", "surveys").
    fn is_poll_word(&self, k: usize) -> bool {
        matches!(self.lower(k), "poll" | "polls" | "survey" | "surveys")
            && !self.doc.tokens[k].quoted
    }

    /// A survey reported with "in": `In a poll released Sunday, CONTENT` and
    /// `CONTENT in the latest polls.` The survey is the source, "in" the cue.
    fn in_a_poll(
        &self,
        sentence_index: usize,
        s: usize,
        e: usize,
        consumed: &mut [bool],
        out: &mut Vec<Found>,
    ) {
        let mut found = None;
        // Preposed, after an optional conjunction: "But in a recent poll, ...".
        let mut i = s;
        if i + 1 < e && matches!(self.lower(i), "but" | "and" | "yet") {
            i += 1;
        }
        if self.lower(i) == "in" && !self.doc.tokens[i].quoted {
            let comma = (i + 2..e.min(i + 18)).find(|&k| self.kind(k) != Some(Kind::Word));
            if let Some(c) = comma
                && self.kind(c) == Some(Kind::Comma)
                && (i + 1..c).any(|k| self.is_poll_word(k))
            {
                let start = c + 1;
                let end = self.content_end(start, e);
                if (start..end).any(|k| self.kind(k) == Some(Kind::Word)) {
                    found = Some(((i, i + 1), (i + 1, c), (start, end)));
                }
            }
        }
        // Postposed: the survey phrase ends the sentence.
        if found.is_none() {
            let mut end = e;
            while end > s && matches!(self.kind(end - 1), Some(Kind::Stop)) {
                end -= 1;
            }
            if end > s + 4 && self.is_poll_word(end - 1) {
                let cue = (s + 2..end - 1).rev().take(12).find(|&k| {
                    self.lower(k) == "in"
                        && chunk_forward(self.doc, self.lexicon, k + 1, end) == Some(end)
                });
                if let Some(k) = cue {
                    let start = self.content_start(s, k);
                    let mut content_end = k;
                    while content_end > start && self.kind(content_end - 1) == Some(Kind::Comma) {
                        content_end -= 1;
                    }
                    if (start..content_end).any(|j| self.kind(j) == Some(Kind::Word)) {
                        found = Some(((k, k + 1), (k + 1, end), (start, content_end)));
                    }
                }
            }
        }
        let Some((cue, source, content)) = found else {
            return;
        };
        for c in &mut consumed[cue.0 - s..source.1 - s] {
            *c = true;
        }
        out.push(Found {
            kind: FoundKind::According,
            source: Some(source),
            source_shared: false,
            cue,
            cue_head: cue,
            content: vec![content],
            attitude: Attitude::Assertion,
            audience: None,
            channel: None,
            time: None,
            parent: None,
            sentence: sentence_index,
        });
    }

    fn phrase_has(&self, a: usize, b: usize, flag: u32) -> bool {
        b > a && self.word_flags(b - 1) & flag != 0
    }

    /// Whether everything in `s..i` is an introductory word ("But according to").
    fn clause_start(&self, s: usize, i: usize) -> bool {
        (s..i).all(|k| self.word_flags(k) & flags::CLAUSE != 0)
    }

    /// Where content before a cue starts: the sentence start, or after an
    /// introductory subordinate clause that is followed by a quotation
    /// ("Although X, "quoted words" ..., said the lawmaker").
    fn content_start(&self, s: usize, limit: usize) -> usize {
        if self.word_flags(s) & flags::CLAUSE != 0
            && !matches!(self.lower(s), "but" | "and" | "so" | "yet" | "or")
        {
            for k in s + 1..limit {
                if self.kind(k) == Some(Kind::Comma) && !self.doc.tokens[k].quoted {
                    if self.kind(k + 1) == Some(Kind::OpenQuote) {
                        return k + 1;
                    }
                    break;
                }
            }
        }
        s
    }

    /// Where content after a cue ends: the sentence end, or a comma that
    /// opens another cue's clause (", adding", ", according to").
    fn content_end(&self, start: usize, e: usize) -> usize {
        for k in start..e {
            let t = self.doc.tokens[k];
            if t.quoted {
                continue;
            }
            if t.kind == Kind::Comma && self.opens_cue_clause(k + 1) {
                return k;
            }
            // Another report after a comma: "..., the manager said he".
            if t.kind == Kind::Comma
                && k > start
                && self.clause_with_cue(k + 1, e)
                && !matches!(self.tail_after_cue(k + 1, e), Tail::End)
            {
                return k;
            }
            // A coordinated report: "... and said", ", and analysts say".
            if k > start && self.coordinated_cue(k, e) {
                return if self.kind(k - 1) == Some(Kind::Comma) {
                    k - 1
                } else {
                    k
                };
            }
            // A contrasting clause or a semicolon ends the reported content:
            // "X happened, but Y did not say when".
            if t.kind == Kind::Semicolon && k > start
                || matches!(t.kind, Kind::Comma | Kind::Dash)
                    && k > start
                    && matches!(
                        self.lower(k + 1),
                        "but"
                            | "while"
                            | "however"
                            | "whereas"
                            | "although"
                            | "though"
                            | "yet"
                            | "which"
                    )
            {
                return k;
            }
        }
        e
    }

    /// Whether token `p` is a finite speech cue verb: past or third person
    /// present, or a base form after its subject or an auxiliary ("they say",
    /// "and will say"), not after "to".
    fn finite_cue(&self, p: usize) -> bool {
        let t = self.doc.tokens[p];
        let base = t.info.form == Form::Base && p > 0 && self.lower(p - 1) != "to";
        !t.quoted
            && !t.capital
            && (matches!(t.info.form, Form::Past | Form::Present3) || base)
            && self
                .lexicon
                .verb(t.info)
                .is_some_and(|v| !v.noun_homograph && v.class != CueClass::Mental)
    }

    /// Whether token `k` is "and" or "but" opening a coordinated report: a
    /// second cue verb of the same subject ("and said") or a clause with a
    /// subject and a cue verb of its own (", and analysts say").
    fn coordinated_cue(&self, k: usize, e: usize) -> bool {
        if !matches!(self.lower(k), "and" | "but") || self.doc.tokens[k].quoted {
            return false;
        }
        // "and said", "and later told".
        let mut p = k + 1;
        while p < e && p - k <= 3 && self.word_flags(p) & (flags::CUE_ADVERB | flags::AUX) != 0 {
            p += 1;
        }
        if p < e && self.finite_cue(p) && !matches!(self.lower(p + 1), "to" | "by") {
            return true;
        }
        // ", and three in four said": only after a comma or a dash, with a
        // short subject.
        if k == 0 || !matches!(self.kind(k - 1), Some(Kind::Comma | Kind::Dash)) {
            return false;
        }
        self.clause_with_cue(k + 1, e)
    }

    /// Whether a clause with a short subject and a finite cue verb starts at
    /// `k` ("three in four said ...").
    fn clause_with_cue(&self, k: usize, e: usize) -> bool {
        let k = k - 1;
        let mut p = k + 1;
        while p < e && p - k <= 8 {
            let t = self.doc.tokens[p];
            if t.kind != Kind::Word || t.quoted {
                return false;
            }
            if self.lexicon.verb(t.info).is_some() {
                return p > k + 1
                    && self.finite_cue(p)
                    && chunk_back(self.doc, self.lexicon, k + 1, p).is_some();
            }
            if t.has(flags::CLAUSE | flags::AUX) && !t.has(flags::DET) {
                return false;
            }
            p += 1;
        }
        false
    }

    /// What follows the first cue verb at or after `k`: whether its clause
    /// ends there (a postposed "..., he said.").
    fn tail_after_cue(&self, k: usize, e: usize) -> Tail {
        let Some(v) = (k..e.min(k + 10)).find(|&p| {
            let t = self.doc.tokens[p];
            t.kind == Kind::Word && self.lexicon.verb(t.info).is_some()
        }) else {
            return Tail::Other;
        };
        let supplements = self.supplements(v + 1, e);
        self.tail(supplements.end, e)
    }

    /// Whether a content before token `b` ends as a quotation does:
    /// `..., "` or `",`.
    fn quote_ends_at(&self, b: usize) -> bool {
        match self.kind(b) {
            Some(Kind::CloseQuote) => true,
            Some(Kind::Comma) => b > 0 && self.kind(b - 1) == Some(Kind::CloseQuote),
            _ => false,
        }
    }

    /// Tries to read an attribution around the cue verb at token `v`.
    fn verb_cue(
        &self,
        sentence_index: usize,
        s: usize,
        e: usize,
        v: usize,
        out: &[Found],
        first_found: usize,
    ) -> Option<(Found, Option<Found>)> {
        let token = self.doc.tokens[v];
        if token.kind != Kind::Word || token.quoted {
            return None;
        }
        let verb = self.lexicon.verb(token.info)?;
        // A capitalised cue word inside a sentence is a name: "the Washington Post".
        if token.capital
            && v > s
            && !matches!(
                self.kind(v - 1),
                Some(Kind::OpenQuote | Kind::Colon | Kind::Dash)
            )
        {
            return None;
        }
        let form = token.info.form;
        // Skip adverbs to find the word before the verb group.
        let mut cue_start = v;
        while cue_start > s {
            let f = self.word_flags(cue_start - 1);
            let adverb = {
                let t = self.doc.tokens[cue_start - 1];
                let lower = self.lower(cue_start - 1);
                t.kind == Kind::Word && !t.capital && lower.len() > 4 && lower.ends_with("ly")
            };
            if (f & (flags::AUX | flags::CUE_ADVERB) != 0 || adverb)
                && !self.doc.tokens[cue_start - 1].quoted
            {
                cue_start -= 1;
            } else {
                break;
            }
        }
        let has_be = (cue_start..v).any(|k| self.word_flags(k) & flags::BE != 0);
        let raising = verb.class == CueClass::Raising
            || verb.lemma == "expect" && has_be && form == Form::Past && next_is_to(self, v);
        if raising {
            return self
                .raising(sentence_index, s, e, cue_start, v, verb.lemma)
                .map(|found| (found, None));
        }
        if verb.lemma == "ask"
            && form == Form::Past
            && let Some(found) = self.asked(sentence_index, s, e, cue_start, v, has_be)
        {
            return Some((found, None));
        }
        let prev = v.checked_sub(1).filter(|&p| p >= s);
        let prev_flags = prev.map_or(0, |p| self.word_flags(p));
        let next_lower = self.lower(v + 1);
        if (verb.not_before_to || verb.lemma == "add") && next_lower == "to" {
            return None;
        }
        // "pledged delegates" are counted, not promised; "backed away" is
        // a retreat, not a stance.
        if verb.lemma == "pledge" && matches!(next_lower, "delegate" | "delegates")
            || verb.lemma == "back" && matches!(next_lower, "away" | "out" | "off" | "down")
        {
            return None;
        }
        // "We find it hard": the plain form of "find" is rarely a finding
        // reported.
        if verb.lemma == "find" && form == Form::Base {
            return None;
        }
        // "maintained his lead" keeps, "maintained that" reports.
        if verb.lemma == "maintain"
            && !(next_lower == "that"
                || matches!(
                    self.kind(v + 1),
                    Some(Kind::Comma | Kind::Colon | Kind::OpenQuote)
                ))
        {
            return None;
        }
        // "plans to" states an intention; "was planning to", "had planned
        // to" tell what was under way.
        if verb.lemma == "plan" && next_lower == "to" && matches!(form, Form::Gerund | Form::Past) {
            return None;
        }
        // "support for", "went back to": nouns and adverbs, not cues.
        if matches!(verb.lemma, "support" | "back")
            && (self.word_flags(v + 1) & flags::PREP != 0
                || !matches!(self.kind(v + 1), Some(Kind::Word | Kind::OpenQuote)))
        {
            return None;
        }
        // "a program called Head Start" names, it does not report.
        if verb.lemma == "call"
            && form == Form::Past
            && cue_start == v
            && !matches!(next_lower, "for" | "on")
            && prev.is_some_and(|p| {
                let t = self.doc.tokens[p];
                t.kind == Kind::Word
                    && !t.capital
                    && !t.has(flags::PRONOUN | flags::AUX | flags::CLAUSE)
            })
        {
            return None;
        }
        // "declined to comment", but not "prices declined".
        if matches!(verb.lemma, "decline" | "refuse") && next_lower != "to" {
            return None;
        }
        // "continue" reports only before a clause or a quotation: "he
        // continued: ...", not "he continued his push".
        if verb.lemma == "continue"
            && !(self.lower(v + 1) == "that"
                || matches!(
                    self.kind(v + 1),
                    Some(Kind::Comma | Kind::Colon | Kind::OpenQuote | Kind::Stop)
                ))
        {
            return None;
        }
        if prev.is_some_and(|p| self.lower(p) == "to") {
            return None; // infinitive: "declined to say"
        }
        // A quantifier standing alone is a subject ("Several said", "Most
        // agree"), where an article or a possessive makes the cue word a
        // noun ("the report", "his claims").
        let stands_alone = prev.is_some_and(|p| {
            matches!(
                self.lower(p),
                "some"
                    | "many"
                    | "most"
                    | "several"
                    | "few"
                    | "all"
                    | "both"
                    | "each"
                    | "another"
                    | "one"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "others"
            )
        }) && !(verb.noun_homograph
            && matches!(form, Form::Base | Form::Present3))
            && matches!(form, Form::Past | Form::Present3 | Form::Base);
        if prev_flags & flags::DET != 0
            && !self.doc.tokens[v - 1].has(flags::PRONOUN)
            && !stands_alone
        {
            return None; // a noun: "the report", "his claims"
        }
        let mut participle = false;
        // The named source of a participle: "with the union calling it ..."
        // or a document "saying" something ("a letter saying ...").
        let mut participle_source: Option<Range> = None;
        match form {
            Form::None => return None,
            Form::Past => {
                if has_be && verb.class != CueClass::Mental {
                    return None; // passive: "was told", "is said"
                }
                if has_be {
                    return None;
                }
                if next_lower == "by" {
                    return None;
                }
            }
            Form::Gerund => {
                if !has_be {
                    let after_comma =
                        cue_start > s && matches!(self.kind(cue_start - 1), Some(Kind::Comma));
                    let after_and = cue_start > s && self.lower(cue_start - 1) == "and";
                    // "by saying", "while also suggesting": the subject of
                    // the main clause before speaks.
                    let mut p = cue_start;
                    if p > s + 1 && self.lower(p - 1) == "also" {
                        p -= 1;
                    }
                    let after_prep = p > s + 2
                        && matches!(
                            self.lower(p - 1),
                            "by" | "while" | "after" | "before" | "when" | "without"
                        )
                        && !self.doc.tokens[p - 1].quoted;
                    if !(after_comma || after_and || after_prep) {
                        let np = chunk_back(self.doc, self.lexicon, s, cue_start)
                            .filter(|&np| np < cue_start);
                        let with = np.filter(|&np| np > s && self.lower(np - 1) == "with");
                        // Without a tagger the chunk may take in a verb
                        // ("sent home a letter"): the document's phrase
                        // starts at its last determiner.
                        let document = np
                            .filter(|_| {
                                verb.lemma == "say"
                                    && self.word_flags(cue_start - 1) & flags::DOC_NOUN != 0
                            })
                            .map(|np| {
                                (np..cue_start)
                                    .rev()
                                    .find(|&k| self.word_flags(k) & flags::DET != 0)
                                    .unwrap_or(np)
                            });
                        let np = with.or(document)?;
                        participle_source = Some((np, cue_start));
                    }
                    participle = true;
                }
            }
            Form::Base | Form::Present3 => {
                if verb.noun_homograph {
                    let p = cue_start.checked_sub(1).filter(|&p| p >= s)?;
                    let t = self.doc.tokens[p];
                    let subject_like = t.kind == Kind::Word
                        && !t.possessive
                        && (t.has(flags::PRONOUN)
                            || t.capital
                            || (doc_plural(self.lower(p))
                                && t.info.flags & (flags::PREP | flags::CLAUSE) == 0)
                            || t.has(
                                flags::PERSON_NOUN
                                    | flags::GROUP_NOUN
                                    | flags::ORG_NOUN
                                    | flags::DOC_NOUN,
                            )
                            || t.has(flags::AUX));
                    if !subject_like || t.has(flags::DET | flags::PREP) {
                        return None;
                    }
                }
                if form == Form::Base && cue_start == v && v == s && !token.capital {
                    return None;
                }
            }
        }
        let attitude = verb.attitude;
        // Particles that belong to the cue: "called for", "called on".
        let mut v_end = v + 1;
        match particle(verb.lemma, next_lower) {
            Particle::Takes => v_end = v + 2,
            Particle::Missing => return None,
            Particle::Optional => {}
        }
        // Audience right after a verb of telling.
        let mut k = v_end;
        let mut audience = None;
        if verb.class == CueClass::Tell
            && let Some(end) = self.audience_after(k, e)
        {
            audience = Some((k, end));
            k = end;
        }
        let mut supplements = self.supplements(k, e);
        if audience.is_some() {
            supplements.audience = audience;
        }
        let tail = self.tail(supplements.end, e);
        // A written statement right after the verb is part of the cue:
        // "said in a statement", "said in a news release".
        let mut cue_end = v_end;
        if supplements.channel.is_some_and(|(a, _)| a == v_end)
            && self.lower(v_end) == "in"
            && matches!(self.lower(v_end + 1), "a" | "an")
        {
            if self.lower(v_end + 2) == "statement" {
                cue_end = v_end + 3;
            } else if self.lower(v_end + 3) == "release"
                && matches!(self.lower(v_end + 2), "news" | "press")
            {
                cue_end = v_end + 4;
            }
        }
        let mut found = Found {
            kind: FoundKind::Verb,
            source: None,
            source_shared: false,
            cue: (cue_start, cue_end),
            cue_head: (v, v_end),
            content: Vec::new(),
            attitude,
            audience: supplements.audience,
            channel: supplements.channel,
            time: supplements.time,
            parent: None,
            sentence: sentence_index,
        };
        let before = cue_start.checked_sub(1).filter(|&b| b >= s);
        // Postposed, subject before the verb: `CONTENT, SOURCE said.`
        let after_quote = |np_start: usize| {
            np_start > s + 1
                && self.quote_ends_at(np_start - 1)
                && self.lower(supplements.end) != "that"
                && !matches!(
                    self.kind(supplements.end),
                    Some(Kind::Colon | Kind::OpenQuote)
                )
        };
        if !participle
            && let Some((np_start, np_end)) = self.source_before(s, cue_start)
            && (matches!(tail, Tail::End | Tail::CommaQuote | Tail::CommaCue)
                || after_quote(np_start))
        {
            let boundary = np_start.checked_sub(1).filter(|&b| b > s);
            if let Some(b) = boundary.filter(|&b| {
                matches!(
                    self.kind(b),
                    Some(Kind::Comma | Kind::CloseQuote | Kind::Dash)
                ) && np_end - np_start <= 16
            }) {
                let start = self.content_start(s, b);
                let mut content = vec![(start, np_start)];
                if tail == Tail::CommaQuote {
                    content.push(self.quote_after(supplements.end, e));
                }
                found.source = Some((np_start, np_end));
                found.content = content;
                return Some((found, self.nominal(&supplements, sentence_index)));
            }
        }
        // Postposed, inverted: `CONTENT, said SOURCE.`
        if !participle
            && cue_start == v
            && let Some(b) = before.filter(|&b| b > s)
            && matches!(self.kind(b), Some(Kind::Comma | Kind::CloseQuote))
        {
            let np_from = v + 1;
            // After a closed quotation the inverted cue is certain, and the
            // source takes in its affiliation and appositives:
            // `"...," said Smith, a spokesman for the agency.`
            let after_quotation = self.kind(b) == Some(Kind::CloseQuote)
                || b > s && self.kind(b - 1) == Some(Kind::CloseQuote);
            if let Some(np_end) = chunk_forward(self.doc, self.lexicon, np_from, e) {
                let mut np_end = np_end;
                np_end = self.extend_source(np_end, e);
                let after = self.supplements(np_end, e);
                let tail = self.tail(after.end, e);
                if after_quotation || matches!(tail, Tail::End | Tail::CommaQuote | Tail::CommaCue)
                {
                    let start = self.content_start(s, b);
                    let mut content = vec![(start, b + 1)];
                    if tail == Tail::CommaQuote {
                        content.push(self.quote_after(after.end, e));
                    }
                    found.source = Some((np_from, np_end));
                    found.content = content;
                    found.time = found.time.or(after.time);
                    found.channel = found.channel.or(after.channel);
                    found.audience = found.audience.or(after.audience);
                    let nominal = self.nominal(&after, sentence_index);
                    return Some((found, nominal));
                }
            }
        }
        // Preposed: `SOURCE said [that] CONTENT`.
        let mut content_from = supplements.end;
        while content_from < e && matches!(self.kind(content_from), Some(Kind::Comma | Kind::Colon))
        {
            content_from += 1;
        }
        // "said, with hindsight, that ...": the content starts at "that".
        if self.lower(content_from) != "that" {
            let window = (content_from..e.min(content_from + 12)).find(|&k| {
                self.kind(k) == Some(Kind::Comma)
                    && self.lower(k + 1) == "that"
                    && !self.doc.tokens[k].quoted
            });
            if let Some(k) = window {
                content_from = k + 1;
            }
        }
        let content_to = self.content_end(content_from, e);
        let has_words = (content_from..content_to).any(|k| self.kind(k) == Some(Kind::Word));
        if !has_words {
            return None;
        }
        found.content = vec![(content_from, content_to)];
        let shared_source = || -> Option<Range> {
            // The source of the last attribution before this cue, or the
            // subject at the start of the sentence.
            out[first_found..]
                .iter()
                .rev()
                .find(|f| f.cue.0 < cue_start && f.source.is_some() && f.kind == FoundKind::Verb)
                .and_then(|f| f.source)
                .or_else(|| {
                    // After a leading phrase ("In his speech, Obama ..."),
                    // the subject follows its comma.
                    let mut s = s;
                    if self.doc.tokens[s].has(flags::PREP)
                        && let Some(c) = (s + 1..cue_start.min(s + 10))
                            .find(|&c| self.kind(c) == Some(Kind::Comma))
                    {
                        s = c + 1;
                    }
                    let end = chunk_forward(self.doc, self.lexicon, s, cue_start)?;
                    let first = self.doc.tokens[s];
                    (first.capital || first.has(flags::DET)).then_some((s, end))
                })
        };
        if let Some(source) = participle_source {
            found.source = Some(source);
            return Some((found, self.nominal(&supplements, sentence_index)));
        }
        if participle || before.is_some_and(|b| matches!(self.lower(b), "and" | "but")) {
            found.source = shared_source();
            found.source_shared = true;
            found.source?;
            return Some((found, self.nominal(&supplements, sentence_index)));
        }
        // A relative pronoun is the source of its clause's cue, and the
        // content ends with the clause: "Smith, who said he was tired, left".
        if cue_start > s
            && self.lower(cue_start - 1) == "who"
            && !self.doc.tokens[cue_start - 1].quoted
        {
            found.source = Some((cue_start - 1, cue_start));
            if let Some(part) = found.content.first_mut() {
                let (a, b) = *part;
                if let Some(k) = (a + 1..b).find(|&k| {
                    matches!(self.kind(k), Some(Kind::Comma | Kind::Dash))
                        && !self.doc.tokens[k].quoted
                }) {
                    part.1 = k;
                }
            }
            return Some((found, self.nominal(&supplements, sentence_index)));
        }
        let mut source = self.source_before(s, cue_start)?;
        // Strip a trailing comma from the source span.
        while source.1 > source.0 && self.kind(source.1 - 1) == Some(Kind::Comma) {
            source.1 -= 1;
        }
        if source.1 == source.0 + 1 {
            let word = self.lower(source.0);
            // A day or an adverb is no speaker ("on Tuesday said", "there
            // say"); "you" in a question is asked, not reported ("Do you
            // support ...?").
            let question = self.ends_with_question(s, e);
            let day = matches!(
                word,
                "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "today"
                    | "yesterday"
            );
            if word == "you" && question || matches!(word, "there" | "here" | "instead") {
                return None;
            }
            // "The council on Tuesday said": the speaker is before the date.
            if day
                && source.0 > s + 1
                && self.lower(source.0 - 1) == "on"
                && let Some(before_date) = self.source_before(s, source.0 - 1)
            {
                source = before_date;
            }
        }
        found.source = Some(source);
        let _ = before;
        Some((found, self.nominal(&supplements, sentence_index)))
    }

    /// A raising verb: its subject and complement together are the content,
    /// and no source is named ("the plan seems doomed", "the bill is
    /// expected to pass").
    fn raising(
        &self,
        sentence_index: usize,
        s: usize,
        e: usize,
        cue_start: usize,
        v: usize,
        lemma: &str,
    ) -> Option<Found> {
        let next = self.doc.tokens.get(v + 1).filter(|_| v + 1 < e)?;
        if next.kind != Kind::Word || next.quoted {
            return None;
        }
        let next_lower = self.lower(v + 1);
        if lemma != "seem" && next_lower != "to" {
            return None;
        }
        if next.has(flags::PREP) && !matches!(next_lower, "to" | "like") {
            return None;
        }
        let subject_start = chunk_back(self.doc, self.lexicon, s, cue_start)?;
        let complement = (v + 1, self.content_end(v + 1, e));
        let mut content = Vec::with_capacity(2);
        if self.lower(subject_start) != "it" {
            content.push((subject_start, cue_start));
        }
        content.push(complement);
        Some(Found {
            kind: FoundKind::Verb,
            source: None,
            source_shared: false,
            cue: (cue_start, v + 1),
            cue_head: (v, v + 1),
            content,
            attitude: Attitude::Belief,
            audience: None,
            channel: None,
            time: None,
            parent: None,
            sentence: sentence_index,
        })
    }

    /// A question put to someone, without its asker or with it after "by":
    /// "When asked whether ..., she said", "Asked about X, he ...", "she was
    /// asked by reporters if ...". The content is the question, up to the
    /// end of its clause.
    fn asked(
        &self,
        sentence_index: usize,
        s: usize,
        e: usize,
        cue_start: usize,
        v: usize,
        has_be: bool,
    ) -> Option<Found> {
        let opens = cue_start == s
            || matches!(
                self.lower(cue_start - 1),
                "when" | "after" | "as" | "if" | "once"
            )
            || self.kind(cue_start - 1) == Some(Kind::Comma);
        if !(opens || has_be) {
            return None;
        }
        let mut k = v + 1;
        let mut source = None;
        if self.lower(k) == "by"
            && let Some(end) = chunk_forward(self.doc, self.lexicon, k + 1, e)
        {
            source = Some((k + 1, end));
            k = end;
        }
        let supplements = self.supplements(k, e);
        k = supplements.end;
        if self.kind(k) == Some(Kind::Comma) && self.kind(k + 1) == Some(Kind::Word) {
            k += 1;
        }
        let question_word = matches!(
            self.lower(k),
            "whether"
                | "if"
                | "about"
                | "why"
                | "what"
                | "who"
                | "whom"
                | "how"
                | "when"
                | "where"
                | "which"
                | "for"
                | "to"
        );
        if !question_word || self.doc.tokens.get(k).is_none_or(|t| t.quoted) {
            return None;
        }
        let mut end = k + 1;
        while end < e {
            let boundary = matches!(
                self.kind(end),
                Some(Kind::Comma | Kind::Stop | Kind::Semicolon | Kind::Dash)
            );
            if boundary && !self.doc.tokens[end].quoted {
                break;
            }
            end += 1;
        }
        // "asked about the plan": the particle belongs to the cue, the topic
        // is the content.
        let mut cue_end = v + 1;
        if k == v + 1 && self.lower(k) == "about" && end > k + 1 {
            cue_end = k + 1;
            k += 1;
        }
        Some(Found {
            kind: FoundKind::Verb,
            source,
            source_shared: false,
            cue: (cue_start, cue_end),
            cue_head: (v, v + 1),
            content: vec![(k, end)],
            attitude: Attitude::Question,
            audience: None,
            channel: supplements.channel,
            time: supplements.time,
            parent: None,
            sentence: sentence_index,
        })
    }

    /// The end of a source mention whose head phrase ends at `np_end`,
    /// taking in a parenthesised affiliation ("Rep. Smith (D-Ohio)") and the
    /// appositives after it up to the end of the sentence ("Smith, a
    /// spokesman for the agency who ..."). An age (", 59,"), a participial
    /// or adverbial clause (", adding", ", though") or a relative clause with
    /// its own cue ("Smith, who said") is not part of the mention.
    fn extend_source(&self, np_end: usize, e: usize) -> usize {
        let mut end = np_end;
        if self.kind(end) == Some(Kind::OpenParen)
            && let Some(close) = (end + 1..e.min(end + 8))
                .find(|&k| matches!(self.kind(k), Some(Kind::CloseParen | Kind::Stop)))
            && self.kind(close) == Some(Kind::CloseParen)
        {
            end = close + 1;
        }
        if self.kind(end) != Some(Kind::Comma) {
            return end;
        }
        let k = end + 1;
        let Some(t) = self.doc.tokens.get(k).filter(|_| k < e) else {
            return end;
        };
        if t.kind != Kind::Word || t.quoted || self.opens_cue_clause(k) {
            return end;
        }
        let lower = self.lower(k);
        if lower.bytes().next().is_some_and(|c| c.is_ascii_digit())
            || t.info.form == Form::Gerund
            || (!t.capital
                && lower.len() > 3
                && (lower.ends_with("ing") || lower.ends_with("ed"))
                && !t.has(flags::TITLE | flags::PERSON_NOUN | flags::GROUP_NOUN))
        {
            return end;
        }
        if t.has(flags::CLAUSE) && !matches!(lower, "who" | "whose") {
            return end;
        }
        if lower == "who"
            && self.doc.tokens.get(k + 1).is_some_and(|n| {
                self.lexicon.verb(n.info).is_some() || n.has(flags::AUX | flags::CUE_ADVERB)
            })
            && self.relative_cue(k + 1, e)
        {
            return end;
        }
        let mut j = k;
        while j < e && j - k < 45 {
            match self.kind(j) {
                Some(
                    Kind::Stop
                    | Kind::OpenQuote
                    | Kind::CloseQuote
                    | Kind::StrayQuote
                    | Kind::Semicolon
                    | Kind::Colon
                    | Kind::Dash,
                ) => break,
                Some(Kind::Comma) if self.opens_cue_clause(j + 1) => break,
                _ => j += 1,
            }
        }
        if j - k >= 45 {
            return end;
        }
        while j > k && self.kind(j - 1) == Some(Kind::Comma) {
            j -= 1;
        }
        j
    }

    /// Whether a relative clause's verb group starting at `k` holds a cue
    /// verb ("who said", "who has long argued").
    fn relative_cue(&self, k: usize, e: usize) -> bool {
        let mut p = k;
        while p < e && p - k < 4 {
            let t = self.doc.tokens[p];
            if t.kind != Kind::Word {
                return false;
            }
            if self.lexicon.verb(t.info).is_some() {
                return matches!(t.info.form, Form::Past | Form::Present3 | Form::Base);
            }
            if !t.has(flags::AUX | flags::CUE_ADVERB) {
                return false;
            }
            p += 1;
        }
        false
    }

    /// The start of the noun phrase ending just before `end`, taking in a
    /// parenthesised affiliation at its end ("Rep. Smith (D-Ohio)").
    fn np_back(&self, s: usize, end: usize) -> Option<usize> {
        if end > s + 2 && self.kind(end - 1) == Some(Kind::CloseParen) {
            let open = (end.saturating_sub(9).max(s)..end - 1)
                .rev()
                .find(|&k| matches!(self.kind(k), Some(Kind::OpenParen | Kind::CloseParen)))?;
            if self.kind(open) != Some(Kind::OpenParen) {
                return None;
            }
            return chunk_back(self.doc, self.lexicon, s, open);
        }
        chunk_back(self.doc, self.lexicon, s, end)
    }

    /// The source phrase ending just before the cue at `cue_start`, with an
    /// appositive between commas ("An international group, the Monitoring
    /// Team, said"; "Smith, a spokesman for the ministry, said"). Phrases
    /// between the source and the cue that do not describe the source ("in
    /// Ohio", "speaking at a rally", "however") are left out of it.
    fn source_before(&self, s: usize, cue_start: usize) -> Option<Range> {
        let separator = |k: usize| matches!(self.kind(k), Some(Kind::Comma | Kind::Dash));
        // A sentence adverb between subject and verb: "Smith however said".
        let mut cue_start = cue_start;
        if cue_start > s + 1
            && matches!(self.lower(cue_start - 1), "however" | "meanwhile" | "too")
            && !self.doc.tokens[cue_start - 1].quoted
        {
            cue_start -= 1;
        }
        let comma_before = cue_start > s + 1 && separator(cue_start - 1);
        if !comma_before {
            let np_start = self.np_back(s, cue_start)?;
            return Some((np_start, cue_start));
        }
        let src_end = cue_start - 1;
        // Segments between separators, walking back: the head phrase and the
        // appositives or relative clauses after it.
        let mut segments: Vec<Range> = Vec::with_capacity(4);
        let mut end = src_end;
        while segments.len() < 4 {
            let mut k = end;
            while k > s && end - k < 25 && !separator(k - 1) {
                let stop = matches!(
                    self.kind(k - 1),
                    Some(
                        Kind::Stop
                            | Kind::OpenQuote
                            | Kind::CloseQuote
                            | Kind::Colon
                            | Kind::Semicolon
                    )
                );
                if stop {
                    break;
                }
                k -= 1;
            }
            if k == end {
                return None;
            }
            segments.push((k, end));
            if k > s + 1 && separator(k - 1) {
                end = k - 1;
            } else {
                break;
            }
        }
        let modifier = |(a, b): Range| {
            let t = self.doc.tokens[a];
            let lower = self.lower(a);
            let relative = matches!(lower, "who" | "whose");
            let appositive = t.capital
                || t.has(flags::DET | flags::TITLE | flags::PERSON_NOUN | flags::GROUP_NOUN)
                || matches!(lower, "one" | "both" | "then" | "now" | "former" | "each")
                || lower.bytes().next().is_some_and(|c| c.is_ascii_digit())
                || self.np_back(a, b) == Some(a);
            (relative || appositive) && b - a <= 24 && t.kind == Kind::Word
        };
        // Phrases that sit between a subject and its verb without describing
        // it: a place or time ("in Ohio"), a participle ("speaking at a
        // rally"), a sentence adverb.
        let aside = |(a, b): Range| {
            // A leading adverb does not change what the phrase is: "also
            // campaigning in Ohio".
            let a = if b > a + 1
                && matches!(self.lower(a), "also" | "still" | "again" | "now" | "then")
            {
                a + 1
            } else {
                a
            };
            let t = self.doc.tokens[a];
            let lower = self.lower(a);
            t.kind == Kind::Word
                && !t.capital
                && b - a <= 12
                && (t.has(flags::PREP)
                    || matches!(
                        lower,
                        "which" | "however" | "meanwhile" | "too" | "though" | "when" | "if"
                    )
                    || lower.len() > 4 && (lower.ends_with("ing") || lower.ends_with("ed")))
        };
        let mut include_end = src_end;
        for (j, &(a, b)) in segments.iter().enumerate() {
            let at_clause_start = a == s
                || matches!(
                    self.kind(a - 1),
                    Some(
                        Kind::CloseQuote | Kind::Colon | Kind::OpenQuote | Kind::Comma | Kind::Dash
                    )
                );
            let head = self.np_back(s, b).filter(|&h| {
                h >= a
                    && b - h <= 12
                    && (a..h).all(|k| {
                        matches!(self.lower(k), "but" | "and" | "so" | "yet")
                            || self.word_flags(k) & flags::CUE_ADVERB != 0
                    })
            });
            if let Some(h) = head
                && j > 0
                && at_clause_start
            {
                let first = self.doc.tokens[h];
                let head_like = first.capital
                    && first.info.flags & (flags::PREP | flags::CLAUSE) == 0
                    || first.has(flags::DET) && !first.capital
                    || first.has(flags::PRONOUN);
                if head_like && include_end > h {
                    return Some((h, include_end));
                }
            }
            if j == 0 && a == s && head == Some(a) {
                return Some((a, src_end));
            }
            if aside((a, b)) {
                include_end = a.saturating_sub(1);
                continue;
            }
            if !modifier((a, b)) {
                break;
            }
        }
        None
    }

    /// The relayed report of a nominal cue in the supplements.
    fn nominal(&self, supplements: &Supplements, sentence_index: usize) -> Option<Found> {
        let (cue, source, channel) = supplements.nominal?;
        Some(Found {
            kind: FoundKind::Relayed,
            source: Some(source),
            source_shared: false,
            cue: (cue, cue + 1),
            cue_head: (cue, cue + 1),
            content: Vec::new(),
            attitude: if self.word_flags(cue) & flags::ESTIMATE_NOUN != 0 {
                Attitude::Estimate
            } else {
                Attitude::Assertion
            },
            audience: None,
            channel: Some((channel.0, channel.0 + 1)),
            time: None,
            parent: None,
            sentence: sentence_index,
        })
    }

    /// The audience after "told": a pronoun, a known audience noun phrase,
    /// or a name, ending before "that", punctuation or a time word.
    fn audience_after(&self, k: usize, e: usize) -> Option<usize> {
        let t = self.doc.tokens.get(k)?;
        if k >= e || t.kind != Kind::Word || t.quoted || self.lower(k) == "that" {
            return None;
        }
        if t.has(flags::OBJECT_PRONOUN) {
            return Some(k + 1);
        }
        // A short phrase closed by "that", a colon or a quotation.
        let mut p = k;
        while p < e && p - k < 5 && np_like(self.doc, p) {
            p += 1;
        }
        if p > k
            && p < e
            && (self.lower(p) == "that"
                || matches!(self.kind(p), Some(Kind::Colon | Kind::OpenQuote)))
        {
            return Some(p);
        }
        if !(t.has(flags::AUDIENCE) || t.capital) {
            return None;
        }
        let mut end = k;
        while end < e && end - k < 6 {
            let t = self.doc.tokens[end];
            let lower = self.lower(end);
            if t.kind != Kind::Word
                || t.quoted
                || lower == "that"
                || (end > k
                    && t.has(flags::TIME)
                    && (t.capital || matches!(lower, "last" | "earlier" | "on")))
            {
                break;
            }
            if end > k && (t.has(flags::CLAUSE | flags::AUX) || self.lexicon.verb(t.info).is_some())
            {
                break;
            }
            if end > k && t.has(flags::PREP) && !matches!(lower, "of" | "at" | "for") {
                break;
            }
            end += 1;
        }
        // Without a clear end, keep only the head: "told reporters the plan ...".
        let clear_end = end < e
            && (self.lower(end) == "that"
                || self.doc.tokens[end].kind != Kind::Word
                || self.doc.tokens[end].has(flags::TIME | flags::PREP));
        if !clear_end {
            let first = self.doc.tokens[k];
            end = if first.has(flags::DET) {
                (k + 2).min(e)
            } else {
                k + 1
            };
            while end < e
                && self.doc.tokens[end].capital
                && self.doc.tokens[end - 1].capital
                && end - k < 4
            {
                end += 1;
            }
        }
        Some(end)
    }

    /// Time, channel and audience phrases after a cue, and nominal cues.
    fn supplements(&self, mut k: usize, e: usize) -> Supplements {
        let mut sup = Supplements::default();
        for _ in 0..8 {
            if k >= e {
                break;
            }
            let t = self.doc.tokens[k];
            if t.kind != Kind::Word || t.quoted {
                break;
            }
            let lower = self.lower(k);
            if let Some(end) = self.time_phrase(k, e) {
                sup.time.get_or_insert((k, end));
                k = end;
                continue;
            }
            if t.has(flags::CUE_ADVERB) && !matches!(lower, "that" | "then") {
                k += 1;
                continue;
            }
            if lower == "to" {
                if let Some(end) = chunk_forward(self.doc, self.lexicon, k + 1, e) {
                    let head = self.doc.tokens[end - 1];
                    if head.has(flags::AUDIENCE | flags::OBJECT_PRONOUN | flags::GROUP_NOUN)
                        || self.doc.tokens[k + 1].capital
                    {
                        sup.audience.get_or_insert((k + 1, end));
                        k = end;
                        continue;
                    }
                }
                break;
            }
            if matches!(
                lower,
                "in" | "at"
                    | "on"
                    | "during"
                    | "via"
                    | "through"
                    | "after"
                    | "following"
                    | "before"
                    | "over"
            ) {
                // [DET] [up to 3 words] CHANNEL [by|from|with NP]
                let mut j = k + 1;
                let mut found_channel = None;
                while j < e && j - k <= 5 {
                    let tj = self.doc.tokens[j];
                    if tj.kind != Kind::Word || tj.quoted {
                        break;
                    }
                    if tj.has(flags::CHANNEL) || (lower == "on" && tj.capital && j == k + 1) {
                        found_channel = Some(j);
                        // Compound channels: "news conference", "press briefing".
                        if j + 1 < e
                            && self.word_flags(j + 1) & flags::CHANNEL != 0
                            && !self.doc.tokens[j + 1].quoted
                        {
                            found_channel = Some(j + 1);
                        }
                        break;
                    }
                    if tj.has(flags::CLAUSE | flags::AUX | flags::PREP)
                        || self.lexicon.verb(tj.info).is_some() && !tj.has(flags::CHANNEL)
                    {
                        break;
                    }
                    j += 1;
                }
                let Some(c) = found_channel else { break };
                let mut end = c + 1;
                let by = self.lower(end);
                if matches!(by, "by" | "from" | "with" | "on" | "to")
                    && self.time_phrase(end, e).is_none()
                    && let Some(np_end) = chunk_forward(self.doc, self.lexicon, end + 1, e)
                {
                    end = np_end;
                    if matches!(by, "by" | "from") && self.word_flags(c) & flags::NOMINAL_CUE != 0 {
                        sup.nominal = Some((c, (c + 2, np_end), (c, np_end)));
                        sup.channel.get_or_insert((c, np_end));
                    }
                }
                sup.channel.get_or_insert((k, end));
                k = end;
                continue;
            }
            break;
        }
        sup.end = k;
        sup
    }

    /// A time phrase starting at `k`: "Tuesday", "on Tuesday", "last month",
    /// "earlier this week", "on Nov. 2", "in September", "yesterday".
    pub(crate) fn time_phrase(&self, k: usize, e: usize) -> Option<usize> {
        let word = |i: usize| -> Option<&str> {
            let t = self.doc.tokens.get(i)?;
            (i < e && t.kind == Kind::Word && !t.quoted).then(|| self.lower(i))
        };
        let is_weekday = |w: &str| super::dates::weekday_named(w).is_some() && w.len() > 3;
        let is_month =
            |w: &str| super::dates::month_named(w.trim_end_matches('.')).is_some() && w != "may";
        let is_day = |w: &str| {
            !w.is_empty() && w.len() <= 4 && w.bytes().next().is_some_and(|b| b.is_ascii_digit())
        };
        let w0 = word(k)?;
        let mut i = k;
        if matches!(w0, "on" | "in") {
            i += 1;
        }
        let w = word(i)?;
        if is_weekday(w) {
            return Some(i + 1);
        }
        if is_month(w) {
            let mut end = i + 1;
            if word(end).is_some_and(is_day) {
                end += 1;
                if self.kind(end) == Some(Kind::Comma)
                    && word(end + 1)
                        .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
                {
                    end += 2;
                }
            } else if word(end)
                .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
            {
                end += 1;
            }
            return Some(end);
        }
        if i != k {
            return None;
        }
        match w {
            "today" | "yesterday" | "tonight" => Some(k + 1),
            "last" | "this" | "earlier" => {
                let w1 = word(k + 1)?;
                if matches!(w1, "week" | "month" | "year" | "night" | "weekend") || is_weekday(w1) {
                    return Some(k + 2);
                }
                if w == "earlier" && w1 == "this" {
                    let w2 = word(k + 2)?;
                    if matches!(w2, "week" | "month" | "year") {
                        return Some(k + 3);
                    }
                }
                None
            }
            _ => None,
        }
    }

    fn tail(&self, k: usize, e: usize) -> Tail {
        let Some(t) = self.doc.tokens.get(k).filter(|_| k < e) else {
            return Tail::End;
        };
        match t.kind {
            Kind::Stop | Kind::CloseParen => Tail::End,
            Kind::CloseQuote if k + 1 >= e || self.kind(k + 1) == Some(Kind::Stop) => Tail::End,
            Kind::Comma | Kind::Colon => {
                if self.kind(k + 1) == Some(Kind::OpenQuote) {
                    Tail::CommaQuote
                } else if self.opens_cue_clause(k + 1) {
                    Tail::CommaCue
                } else if k + 1 >= e {
                    Tail::End
                } else {
                    Tail::Other
                }
            }
            _ => Tail::Other,
        }
    }

    /// The quotation opening at or after `k` (past a comma), up to its closing
    /// mark or the sentence end.
    fn quote_after(&self, k: usize, e: usize) -> Range {
        let mut start = k;
        while start < e && self.kind(start) != Some(Kind::OpenQuote) {
            start += 1;
        }
        let mut end = start + 1;
        while end < e && self.kind(end) != Some(Kind::CloseQuote) {
            end += 1;
        }
        (start, (end + 1).min(e))
    }
}
