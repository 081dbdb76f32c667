//! Tokens, paragraphs, quotations and sentences.
//!
//! One pass over the bytes produces tokens with byte spans; a second pass per
//! paragraph pairs quotation marks; a third cuts sentences, never inside a
//! quotation, so that a quoted passage of several sentences stays whole with
//! its cue ("`"A. B," he said.`" is one unit).

use super::lexicon::{Form, Lexicon, WordInfo, flags};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, digits and their joiners: `Seong-kweun`, `U.S.`, `5,000`, `Seoul's`.
    Word,
    /// `,`
    Comma,
    /// `.`, `!`, `?` (and `…`).
    Stop,
    /// `:`
    Colon,
    /// `;`
    Semicolon,
    /// `—`, `–`, `--`, or a spaced hyphen.
    Dash,
    /// `(` `[`
    OpenParen,
    /// `)` `]`
    CloseParen,
    /// An opening double quotation mark (after pairing).
    OpenQuote,
    /// A closing double quotation mark (after pairing).
    CloseQuote,
    /// A double quotation mark that pairing could not place (unbalanced).
    StrayQuote,
    /// Anything else.
    Other,
}

/// A token: a byte span of the text, its kind, and for words the lexicon's
/// information about the lowercased form.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
    /// The lowercased word in [`Doc::lower`].
    pub(crate) lower_start: u32,
    pub(crate) lower_end: u32,
    pub(crate) info: WordInfo,
    /// First character is uppercase.
    pub(crate) capital: bool,
    /// Inside a quotation (the marks themselves included).
    pub(crate) quoted: bool,
    /// The word ends with a possessive `'s` or `’s`.
    pub(crate) possessive: bool,
    /// Index of the paragraph.
    pub(crate) paragraph: u32,
}

impl Token {
    pub(crate) fn has(&self, flag: u32) -> bool {
        self.info.flags & flag != 0
    }
    pub(crate) fn is_quote(&self) -> bool {
        matches!(
            self.kind,
            Kind::OpenQuote | Kind::CloseQuote | Kind::StrayQuote
        )
    }
}

/// A sentence: tokens `start..end` of one paragraph.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Sentence {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// A tokenised text.
#[derive(Debug, Default)]
pub(crate) struct Doc {
    pub(crate) tokens: Vec<Token>,
    pub(crate) lower: String,
    pub(crate) sentences: Vec<Sentence>,
    /// For each paragraph, whether it is a heading (no final punctuation, few words).
    pub(crate) heading: Vec<bool>,
}

impl Doc {
    /// The lowercased text of a token of this document.
    fn lower_at(&self, t: &Token) -> &str {
        self.lower
            .get(t.lower_start as usize..t.lower_end as usize)
            .unwrap_or("")
    }

    /// The lowercased text of token `i`.
    pub(crate) fn lower(&self, i: usize) -> &str {
        match self.tokens.get(i) {
            Some(t) => self
                .lower
                .get(t.lower_start as usize..t.lower_end as usize)
                .unwrap_or(""),
            None => "",
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || (!c.is_ascii() && !c.is_whitespace() && !is_punct_char(c))
}

fn is_punct_char(c: char) -> bool {
    matches!(
        c,
        '\u{201C}'
            | '\u{201D}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{2014}'
            | '\u{2013}'
            | '\u{2026}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{201E}'
            | '\u{00A0}'
            | '\u{2032}'
            | '\u{2033}'
    ) || c.is_ascii_punctuation()
}

/// Tokenises `text`, pairs quotation marks and cuts sentences.
pub(crate) fn segment(text: &str, lexicon: &Lexicon) -> Doc {
    let mut doc = Doc {
        tokens: Vec::with_capacity(text.len() / 5 + 1),
        lower: String::with_capacity(text.len() + 16),
        sentences: Vec::new(),
        heading: Vec::new(),
    };
    tokenize(text, lexicon, &mut doc);
    pair_quotes(&mut doc);
    cut_sentences(&mut doc);
    doc
}

fn tokenize(text: &str, lexicon: &Lexicon, doc: &mut Doc) {
    let bytes = text.as_bytes();
    let mut paragraph: u32 = 0;
    let mut i = 0;
    let n = text.len();
    while i < n {
        let b = bytes[i]; // i < n = bytes.len()
        if b == b'\n' {
            paragraph = paragraph.saturating_add(1);
            i += 1;
            continue;
        }
        if b == b' ' || b == b'\t' || b == b'\r' || b == 0 {
            i += 1;
            continue;
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            i += 1;
            continue;
        };
        let clen = c.len_utf8();
        if c.is_whitespace() {
            i += clen;
            continue;
        }
        if is_word_char(c) {
            let end = scan_word(text, i);
            push_word(text, i, end, paragraph, lexicon, doc);
            i = end;
            continue;
        }
        // Punctuation.
        let (kind, len) = match c {
            ',' => (Kind::Comma, 1),
            '.' | '!' | '?' | '\u{2026}' => {
                // Runs like "?!" or "..." are one token.
                let mut j = i;
                while let Some(d) = text.get(j..).and_then(|r| r.chars().next()) {
                    if matches!(d, '.' | '!' | '?' | '\u{2026}') {
                        j += d.len_utf8();
                    } else {
                        break;
                    }
                }
                (Kind::Stop, j - i)
            }
            ':' => (Kind::Colon, 1),
            ';' => (Kind::Semicolon, 1),
            '\u{2014}' | '\u{2013}' => (Kind::Dash, clen),
            '-' if text.get(i..).is_some_and(|r| r.starts_with("--")) => (Kind::Dash, 2),
            '-' => (Kind::Dash, 1),
            '(' | '[' => (Kind::OpenParen, 1),
            ')' | ']' => (Kind::CloseParen, 1),
            '\u{201C}' | '\u{201E}' | '\u{00AB}' => (Kind::OpenQuote, clen),
            '\u{201D}' | '\u{00BB}' => (Kind::CloseQuote, clen),
            '`' if text.get(i..).is_some_and(|r| r.starts_with("``")) => (Kind::OpenQuote, 2),
            '"' | '\'' if c == '"' || text.get(i..).is_some_and(|r| r.starts_with("''")) => {
                // A straight mark (or the typewriter pair '') opens after a
                // space or an opening bracket, and closes otherwise.
                let len = if c == '"' { 1 } else { 2 };
                let prev = text.get(..i).and_then(|r| r.chars().next_back());
                let opens = match prev {
                    None => true,
                    Some(p) => {
                        p.is_whitespace()
                            || matches!(p, '(' | '[' | '\u{2014}' | '\u{2013}' | '-' | ':')
                    }
                };
                (
                    if opens {
                        Kind::OpenQuote
                    } else {
                        Kind::CloseQuote
                    },
                    len,
                )
            }
            _ => (Kind::Other, clen),
        };
        // A stop keeps its text, so that questions ("?") can be told apart.
        let (lower_start, lower_end) = if kind == Kind::Stop {
            let lower_start = doc.lower.len();
            doc.lower.push_str(text.get(i..i + len).unwrap_or(""));
            (
                u32::try_from(lower_start).unwrap_or(u32::MAX),
                u32::try_from(doc.lower.len()).unwrap_or(u32::MAX),
            )
        } else {
            (0, 0)
        };
        doc.tokens.push(Token {
            start: i,
            end: i + len,
            kind,
            lower_start,
            lower_end,
            info: WordInfo::default(),
            capital: false,
            quoted: false,
            possessive: false,
            paragraph,
        });
        i += len;
    }
}

/// The end of the word starting at `start`: word characters joined by
/// hyphens, apostrophes, periods (`U.S.`), commas and periods between digits
/// (`5,000`, `3.5`), ampersands and slashes.
fn scan_word(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut chars = text[start..].char_indices().peekable();
    let mut has_inner_period = false;
    while let Some((off, c)) = chars.next() {
        let pos = start + off;
        if is_word_char(c) {
            end = pos + c.len_utf8();
            continue;
        }
        let next = chars.peek().map(|&(_, d)| d);
        let prev = text[..pos].chars().next_back();
        let joins = match c {
            '-' | '&' | '/' => next.is_some_and(is_word_char),
            // "47%" is one word, which can head a phrase ("47% say").
            '%' => prev.is_some_and(|d| d.is_ascii_digit()),
            '\'' | '\u{2019}' => {
                next.is_some_and(char::is_alphanumeric)
                    || prev == Some('s') && next.is_none_or(|d| !is_word_char(d) && d != '\'')
            }
            '.' => {
                next.is_some_and(char::is_alphanumeric) && prev.is_some_and(char::is_alphanumeric)
            }
            ',' => {
                next.is_some_and(|d| d.is_ascii_digit()) && prev.is_some_and(|d| d.is_ascii_digit())
            }
            _ => false,
        };
        if !joins {
            break;
        }
        if c == '.' {
            has_inner_period = true;
        }
        end = pos + c.len_utf8();
    }
    // A final period belongs to an abbreviation: "U.S.", "Sen.", "J.".
    if text[end..].starts_with('.') {
        let word = &text[start..end];
        let single_letter = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
        if has_inner_period
            || single_letter
            || is_abbreviation(word) && (!before_number(word) || next_is_digit(text, end + 1))
        {
            end += 1;
        }
    }
    end
}

/// Abbreviations that only stand before a number ("No. 2", "Vol. 3"): before
/// anything else the word is an ordinary one ending a sentence ("said no.").
fn before_number(word: &str) -> bool {
    ["no", "vol", "fig", "op"]
        .iter()
        .any(|a| a.eq_ignore_ascii_case(word))
}

/// Whether the first character after the spaces from `at` is a digit.
fn next_is_digit(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|rest| rest.trim_start_matches([' ', '\u{a0}']).chars().next())
        .is_some_and(|c| c.is_ascii_digit())
}

fn is_abbreviation(word: &str) -> bool {
    const ABBREVIATIONS: &[&str] = &[
        "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "adm",
        "cmdr", "maj", "st", "jr", "sr", "prof", "rev", "hon", "pres", "jan", "feb", "mar", "apr",
        "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "vs", "no", "ft",
        "mt", "ave", "blvd", "dept", "gov't", "est", "approx", "fig", "vol", "op", "ed",
    ];
    let mut buf = [0u8; 8];
    if word.len() > buf.len() || !word.is_ascii() {
        return false;
    }
    for (slot, b) in buf.iter_mut().zip(word.bytes()) {
        *slot = b.to_ascii_lowercase();
    }
    let lower = &buf[..word.len()];
    ABBREVIATIONS.iter().any(|a| a.as_bytes() == lower)
}

fn push_word(
    text: &str,
    start: usize,
    end: usize,
    paragraph: u32,
    lexicon: &Lexicon,
    doc: &mut Doc,
) {
    let word = &text[start..end];
    let lower_start = doc.lower.len();
    if word.is_ascii() {
        for b in word.bytes() {
            doc.lower.push(b.to_ascii_lowercase() as char);
        }
    } else {
        for c in word.chars() {
            if c == '\u{2019}' {
                doc.lower.push('\'');
            } else {
                doc.lower.extend(c.to_lowercase());
            }
        }
    }
    let lower_end = doc.lower.len();
    let lower = &doc.lower[lower_start..lower_end];
    let possessive = lower.len() > 2 && (lower.ends_with("'s") || lower.ends_with("s'"));
    let mut info = lexicon.word(lower);
    if info.flags == 0 && possessive && lower.ends_with("'s") {
        // "Seoul's": the lexicon knows the bare word, minus its word class.
        let bare = lexicon.word(&lower[..lower.len() - 2]);
        info.flags = bare.flags & (flags::PLACE | flags::ORG_NOUN | flags::PERSON_NOUN);
    }
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    doc.tokens.push(Token {
        start,
        end,
        kind: Kind::Word,
        lower_start: u32::try_from(lower_start).unwrap_or(u32::MAX),
        lower_end: u32::try_from(lower_end).unwrap_or(u32::MAX),
        info,
        capital,
        quoted: false,
        possessive,
        paragraph,
    });
}

/// Pairs quotation marks within each paragraph. An opening mark without a
/// close runs to the end of its paragraph (news style for quotations that
/// continue in the next paragraph); a closing mark without an opening one is
/// stray and ignored.
fn pair_quotes(doc: &mut Doc) {
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        let paragraph = doc.tokens[i].paragraph; // i < n
        let mut end = i;
        while end < n && doc.tokens[end].paragraph == paragraph {
            end += 1;
        }
        let mut open: Option<usize> = None;
        for j in i..end {
            let kind = doc.tokens[j].kind; // j < end <= n
            match (kind, open) {
                (Kind::OpenQuote, None) => open = Some(j),
                (Kind::CloseQuote, Some(o)) => {
                    for t in &mut doc.tokens[o..=j] {
                        t.quoted = true;
                    }
                    open = None;
                }
                (Kind::OpenQuote, Some(o)) => {
                    // Two openings in a row: a straight quote guessed as opening
                    // after a space may really close ("said "yes" ...").
                    // Treat the second as the close when the first enclosed words.
                    if j > o + 1 {
                        doc.tokens[j].kind = Kind::CloseQuote;
                        for t in &mut doc.tokens[o..=j] {
                            t.quoted = true;
                        }
                        open = None;
                    } else {
                        doc.tokens[o].kind = Kind::StrayQuote;
                        open = Some(j);
                    }
                }
                (Kind::CloseQuote, None) => doc.tokens[j].kind = Kind::StrayQuote,
                _ => {}
            }
        }
        if let Some(o) = open {
            for t in &mut doc.tokens[o..end] {
                t.quoted = true;
            }
        }
        i = end;
    }
}

/// The most tokens a sentence holds. The analysis of a sentence is
/// quadratic in its number of cues, so text without sentence breaks (a
/// megabyte without a full stop, or an endless quotation) would take
/// quadratic time; cutting after this many tokens keeps extraction linear.
/// News sentences, even long quoted passages, stay far below it.
pub(crate) const MAX_SENTENCE_TOKENS: usize = 1024;

/// Whether a short postposed attribution starts at token `k`: a few words
/// and a reporting verb ("Smith said", "said the mayor", "the minister told
/// reporters"), which belongs to the quotation before it.
fn cue_follows(doc: &Doc, k: usize) -> bool {
    for (offset, t) in doc.tokens.iter().skip(k).take(5).enumerate() {
        if t.kind != Kind::Word || t.quoted {
            return false;
        }
        if offset > 0 && t.info.flags & (flags::CLAUSE | flags::AUX) != 0 {
            return false;
        }
        let verb_form = t.info.verb != 0 && matches!(t.info.form, Form::Past | Form::Present3);
        if verb_form && (!t.capital || offset == 0) {
            return short_after_cue(doc, k + offset + 1);
        }
    }
    false
}

/// Whether the quotation closing at token `close` opened after a word of
/// its sentence (`He called it "a disaster."`): such a quotation is part of
/// a clause and takes no postposed cue after it.
fn embedded_quote(doc: &Doc, close: usize) -> bool {
    let paragraph = doc.tokens[close].paragraph; // callers pass a token index
    let open = (0..close)
        .rev()
        .take_while(|&k| doc.tokens[k].quoted && doc.tokens[k].paragraph == paragraph)
        .find(|&k| doc.tokens[k].kind == Kind::OpenQuote);
    match open {
        Some(o) if o > 0 => {
            let before = doc.tokens[o - 1]; // o > 0
            before.kind == Kind::Word && before.paragraph == paragraph && !before.quoted
        }
        _ => false,
    }
}

/// Whether the words after a postposed cue ending at `k` are few and make
/// no clause of their own ("said Tuesday.", "said in a statement."), unlike
/// a new preposed attribution ("He says referees are ...").
fn short_after_cue(doc: &Doc, k: usize) -> bool {
    for (offset, t) in doc.tokens.iter().skip(k).take(10).enumerate() {
        match t.kind {
            Kind::Stop | Kind::Comma | Kind::OpenQuote | Kind::Colon | Kind::Dash => return true,
            Kind::Word if t.quoted => return true,
            Kind::Word => {
                let lower = doc.lower_at(t);
                let subject = offset == 0 && t.info.flags & flags::PRONOUN != 0;
                if t.info.flags & flags::AUX != 0 || lower == "that" || subject {
                    return false;
                }
                // A subordinate clause ("as he left") belongs to the cue.
                if t.info.flags & flags::CLAUSE != 0 {
                    return true;
                }
            }
            _ => {}
        }
    }
    true
}

fn cut_sentences(doc: &mut Doc) {
    let n = doc.tokens.len();
    let mut start = 0;
    let mut i = 0;
    let mut n_paragraphs = 0usize;
    while i < n {
        let token = doc.tokens[i]; // i < n
        n_paragraphs = n_paragraphs.max(token.paragraph as usize + 1);
        let next = doc.tokens.get(i + 1).copied();
        let paragraph_ends = next.is_none_or(|t| t.paragraph != token.paragraph);
        let mut boundary = paragraph_ends;
        if !boundary {
            // `next` is Some here.
            let next = next.unwrap_or(token);
            let next_starts = (next.kind == Kind::Word
                && (next.capital || next.info.flags & flags::STARTER != 0))
                || next.kind == Kind::OpenQuote
                || next.kind == Kind::OpenParen
                || next.kind == Kind::Word
                    && next.lower_end > next.lower_start
                    && doc.lower.as_bytes()[next.lower_start as usize].is_ascii_digit();
            match token.kind {
                Kind::Stop if !token.quoted => {
                    boundary = next.kind != Kind::CloseQuote
                        && next.kind != Kind::CloseParen
                        && next_starts;
                }
                Kind::CloseQuote | Kind::CloseParen => {
                    let prev_stop = i > 0 && doc.tokens[i - 1].kind == Kind::Stop;
                    boundary = prev_stop
                        && next_starts
                        && next.kind != Kind::CloseQuote
                        && !(token.kind == Kind::CloseQuote
                            && !embedded_quote(doc, i)
                            && cue_follows(doc, i + 1));
                    // A closing quote after a stop outside quotes ends a sentence too.
                    if token.kind == Kind::CloseParen && !prev_stop {
                        boundary = false;
                    }
                }
                Kind::Word if doc.lower(i).ends_with('.') && !token.quoted => {
                    let title = token.has(flags::TITLE_ABBREV);
                    boundary = !title
                        && next.kind == Kind::Word
                        && next.has(flags::STARTER)
                        && next.capital
                        || !title && next.kind == Kind::OpenQuote;
                }
                _ => {}
            }
        }
        if boundary || i + 1 - start >= MAX_SENTENCE_TOKENS {
            doc.sentences.push(Sentence { start, end: i + 1 });
            start = i + 1;
        }
        i += 1;
    }
    doc.heading = vec![false; n_paragraphs];
    // A paragraph is a heading when it has few words and no final punctuation.
    let mut p_start = 0;
    while p_start < n {
        let paragraph = doc.tokens[p_start].paragraph; // p_start < n
        let mut p_end = p_start;
        let mut n_words = 0;
        while p_end < n && doc.tokens[p_end].paragraph == paragraph {
            if doc.tokens[p_end].kind == Kind::Word {
                n_words += 1;
            }
            p_end += 1;
        }
        let last = doc.tokens[p_end - 1]; // p_end > p_start
        let final_punct = matches!(last.kind, Kind::Stop | Kind::CloseQuote | Kind::CloseParen)
            || last.kind == Kind::Word && doc.lower(p_end - 1).ends_with('.');
        if let Some(h) = doc.heading.get_mut(paragraph as usize) {
            *h = !final_punct && n_words <= 12;
        }
        p_start = p_end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let lexicon = Lexicon::new();
        let doc = segment(text, &lexicon);
        doc.sentences
            .iter()
            .map(|s| text[doc.tokens[s.start].start..doc.tokens[s.end - 1].end].to_owned())
            .collect()
    }

    #[test]
    fn sentences_split_at_stops_but_not_inside_quotes_or_after_titles() {
        assert_eq!(
            sentences(
                "Sen. Smith spoke. \"We won. We will win again,\" he said. The U.S. Army agreed."
            ),
            vec![
                "Sen. Smith spoke.",
                "\"We won. We will win again,\" he said.",
                "The U.S. Army agreed."
            ]
        );
        assert_eq!(
            sentences("It rained in the U.S. The sun came out."),
            vec!["It rained in the U.S.", "The sun came out."]
        );
        assert_eq!(
            sentences("One line\nAnother line."),
            vec!["One line", "Another line."]
        );
    }

    #[test]
    fn sentences_without_breaks_are_cut_at_the_token_limit() {
        let lexicon = Lexicon::new();
        let text = "word said ".repeat(MAX_SENTENCE_TOKENS + 10);
        let doc = segment(&text, &lexicon);
        let lengths: Vec<usize> = doc.sentences.iter().map(|s| s.end - s.start).collect();
        assert_eq!(lengths.len(), 3);
        assert!(lengths.iter().all(|&n| n <= MAX_SENTENCE_TOKENS));
        assert_eq!(lengths.iter().sum::<usize>(), doc.tokens.len());
    }

    #[test]
    fn words_keep_joiners() {
        let lexicon = Lexicon::new();
        let text = "Lee Seong-kweun's 5,000 troops, the U.S. said.";
        let doc = segment(text, &lexicon);
        let words: Vec<&str> = doc.tokens.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            words,
            vec![
                "Lee",
                "Seong-kweun's",
                "5,000",
                "troops",
                ",",
                "the",
                "U.S.",
                "said",
                "."
            ]
        );
        assert!(doc.tokens[1].possessive);
    }

    #[test]
    fn unbalanced_quotes_run_to_the_end_of_the_paragraph() {
        let lexicon = Lexicon::new();
        let text = "He said \u{201C}we will go on\nNext paragraph.";
        let doc = segment(text, &lexicon);
        assert!(
            doc.tokens
                .iter()
                .filter(|t| t.paragraph == 0)
                .skip(2)
                .all(|t| t.quoted)
        );
        assert!(
            doc.tokens
                .iter()
                .filter(|t| t.paragraph == 1)
                .all(|t| !t.quoted)
        );
    }
}
