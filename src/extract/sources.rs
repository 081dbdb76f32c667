//! A small noun-phrase chunker for source mentions, and the classification of
//! a mention into person, organisation, group, document or unnamed source.
//!
//! There is no part-of-speech tagger: noun phrases are runs of words between
//! clause boundaries (punctuation, conjunctions, auxiliaries, cue verbs),
//! with a few internal prepositions allowed ("a spokesman for the ministry",
//! "a person familiar with the matter") and appositives joined across commas
//! ("An international sanctions monitoring group, the Multilateral Sanctions
//! Monitoring Team").

use super::lexicon::{Form, Lexicon, flags};
use super::segment::{Doc, Kind};
use crate::model::SourceKind;

/// The longest noun phrase taken as a source, in tokens.
const MAX_NP: usize = 12;

/// Prepositions allowed inside a source noun phrase.
fn internal_prep(word: &str) -> bool {
    matches!(
        word,
        "of" | "for" | "at" | "from" | "with" | "in" | "on" | "by" | "to"
    )
}

/// Whether a token can be part of a noun phrase at all.
fn np_word(doc: &Doc, lexicon: &Lexicon, i: usize) -> bool {
    let Some(t) = doc.tokens.get(i) else {
        return false;
    };
    if t.kind != Kind::Word || t.quoted {
        return false;
    }
    let f = t.info.flags;
    if f & (flags::AUX | flags::CLAUSE) != 0 && f & flags::DET == 0 {
        return false;
    }
    if let Some(verb) = lexicon.verb(t.info) {
        // A noun homograph in a noun form ("report", "claims", "estimates")
        // can head a phrase; every other cue form is a verb.
        let nounish = verb.noun_homograph && matches!(t.info.form, Form::Base | Form::Present3);
        if !nounish {
            return false;
        }
    }
    let lower = doc.lower(i);
    if !t.capital
        && lower.len() > 3
        && lower.ends_with("ed")
        && f & (flags::PERSON_NOUN | flags::ORG_NOUN) == 0
    {
        return false;
    }
    true
}

/// Chunks the noun phrase that ends just before token `end`, not reaching
/// before token `lo`. Returns its first token, or `None` when no phrase ends
/// there.
pub(crate) fn chunk_back(doc: &Doc, lexicon: &Lexicon, lo: usize, end: usize) -> Option<usize> {
    if end == 0 || end <= lo {
        return None;
    }
    let last = end - 1;
    let t = doc.tokens.get(last)?;
    if t.kind == Kind::Word && t.has(flags::PRONOUN) && !t.quoted {
        return Some(last);
    }
    let mut start = end;
    let mut n = 0;
    while start > lo && n < MAX_NP + 2 {
        let i = start - 1;
        let token = doc.tokens.get(i)?;
        let lower = doc.lower(i);
        if np_word(doc, lexicon, i) && (!token.has(flags::PREP) || internal_prep(lower)) {
            if token.has(flags::PREP) {
                // An internal preposition needs words on both sides.
                if start == end
                    || i == lo
                    || !np_word(doc, lexicon, i - 1)
                    || doc.tokens[i - 1].has(flags::PREP)
                {
                    break;
                }
            }
            if token.has(flags::PRONOUN) && start != end {
                break;
            }
            start = i;
            n += 1;
            continue;
        }
        // "Smith and Jones said": "and" between two capitalised words.
        if lower == "and" && start < end && i > lo {
            let left = doc.tokens[i - 1]; // i > lo >= 0
            let right = doc.tokens[start]; // start < end
            if left.capital && right.capital && left.kind == Kind::Word {
                start = i;
                n += 1;
                continue;
            }
        }
        break;
    }
    // Leading prepositions and conjunctions are not part of the phrase.
    while start < end {
        let t = doc.tokens[start]; // start < end <= len
        if t.has(flags::PREP) || doc.lower(start) == "and" {
            start += 1;
        } else {
            break;
        }
    }
    if start >= end {
        return None;
    }
    if n > MAX_NP {
        // Too long to be a plain subject: keep from the last determiner.
        let det = (start..end)
            .rev()
            .find(|&i| doc.tokens[i].has(flags::DET) && !doc.tokens[i].capital)?;
        start = det;
    }
    // "In an interview Smith said": a name after a plain word that is no
    // title is the subject on its own.
    let cap_run = (start..end)
        .rev()
        .take_while(|&i| doc.tokens[i].capital)
        .last();
    if let Some(run) = cap_run
        && run > start
    {
        let before = doc.tokens[run - 1]; // run > start
        let keeps = before.has(
            flags::TITLE | flags::PERSON_NOUN | flags::ORG_NOUN | flags::DET | flags::GROUP_NOUN,
        ) || before.possessive
            || before.capital
            || doc.lower(run - 1) == "of";
        if !keeps && doc.tokens[start].has(flags::PREP | flags::DET) {
            start = run;
        }
    }
    Some(start)
}

/// Chunks a noun phrase starting at token `start`, not reaching `hi`.
/// Returns its end (exclusive), or `None`.
pub(crate) fn chunk_forward(
    doc: &Doc,
    lexicon: &Lexicon,
    start: usize,
    hi: usize,
) -> Option<usize> {
    let first = doc.tokens.get(start)?;
    if start >= hi || first.kind != Kind::Word || first.quoted {
        return None;
    }
    if first.has(flags::PRONOUN) {
        return Some(start + 1);
    }
    let mut end = start;
    while end < hi && end - start < MAX_NP {
        let t = doc.tokens[end]; // end < hi <= len
        let lower = doc.lower(end);
        if !np_word(doc, lexicon, end) {
            break;
        }
        if t.has(flags::PREP)
            && (!internal_prep(lower) || end == start || !np_word(doc, lexicon, end + 1))
        {
            break;
        }
        // A time word after the head ends the phrase: "said the lawmaker Tuesday".
        if end > start
            && t.has(flags::TIME)
            && (t.capital || matches!(lower, "last" | "earlier" | "this" | "next"))
            && !doc.tokens[end - 1].has(flags::DET)
        {
            break;
        }
        end += 1;
    }
    // Trailing prepositions are not part of it.
    while end > start && doc.tokens[end - 1].has(flags::PREP | flags::DET) {
        end -= 1;
    }
    (end > start).then_some(end)
}

/// Everything known about one source mention.
#[derive(Clone, Debug)]
pub(crate) struct MentionInfo {
    /// The proper name in the mention ("Lee Seong-kweun"), if any.
    pub(crate) name: Option<String>,
    /// Descriptions ("South Korean lawmaker"), without articles.
    pub(crate) descriptors: Vec<String>,
    /// The lowercased head noun of the description ("lawmaker").
    pub(crate) head: Option<String>,
    pub(crate) kind: SourceKind,
    /// "he", "she", "they", "it", ...
    pub(crate) pronoun: Option<String>,
    /// Starts with "the", "this" (refers back) rather than "a".
    pub(crate) definite: bool,
    /// Starts with "a", "an", "one".
    pub(crate) indefinite: bool,
    /// The head is an estimate noun ("estimates"): the attitude is an estimate.
    pub(crate) estimate: bool,
}

/// Describes the mention made of tokens `start..end`.
pub(crate) fn describe(text: &str, doc: &Doc, start: usize, end: usize) -> MentionInfo {
    let tokens = &doc.tokens[start.min(doc.tokens.len())..end.min(doc.tokens.len())];
    let mut info = MentionInfo {
        name: None,
        descriptors: Vec::new(),
        head: None,
        kind: SourceKind::Unnamed,
        pronoun: None,
        definite: false,
        indefinite: false,
        estimate: false,
    };
    if tokens.len() == 1 && tokens[0].has(flags::PRONOUN) {
        let lower = doc.lower(start).to_owned();
        info.kind = match lower.as_str() {
            "he" | "she" | "i" => SourceKind::Person,
            "they" | "we" => SourceKind::Group,
            _ => SourceKind::Organization,
        };
        info.pronoun = Some(lower);
        return info;
    }
    // Split at commas: appositive parts.
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut part_start = start;
    for i in start..end {
        if doc.tokens[i].kind == Kind::Comma {
            if i > part_start {
                parts.push((part_start, i));
            }
            part_start = i + 1;
        }
    }
    if end > part_start {
        parts.push((part_start, end));
    }
    let first_lower = doc.lower(start);
    info.definite = matches!(first_lower, "the" | "this" | "that" | "these" | "those");
    info.indefinite = matches!(first_lower, "a" | "an" | "one" | "another");
    let mut name_tokens: Option<(usize, usize)> = None;
    let mut head_token: Option<usize> = None;
    for &(a, b) in &parts {
        // Skip a leading article.
        let mut a2 = a;
        while a2 < b && doc.tokens[a2].has(flags::DET) && !doc.tokens[a2].possessive {
            a2 += 1;
        }
        if a2 >= b {
            continue;
        }
        // The proper name: the trailing run of capitalised words (allowing
        // "of"/"for" inside: "Department of State"), but not when the run is
        // one sentence-initial capital on a common word.
        let mut run_start = b;
        while run_start > a2 {
            let t = doc.tokens[run_start - 1];
            let lower = doc.lower(run_start - 1);
            let joins = (lower == "of" || lower == "for")
                && run_start < b
                && run_start - 1 > a2
                && doc.tokens[run_start - 2].capital;
            if t.capital || joins {
                run_start -= 1;
            } else {
                break;
            }
        }
        // Titles at the start of the run describe; the name follows them:
        // "U.S. President Donald Trump", "Sen. Smith".
        if let Some(last_title) = (run_start..b.saturating_sub(1)).rev().find(|&i| {
            doc.tokens[i].has(flags::TITLE)
                || doc.tokens[i].has(flags::PLACE) && doc.tokens[i].possessive
        }) {
            run_start = last_title + 1;
        }
        let run_is_common = run_start == b - 1
            && run_start == start
            && doc.tokens[run_start].info.flags
                & (flags::GROUP_NOUN
                    | flags::PERSON_NOUN
                    | flags::ORG_NOUN
                    | flags::DOC_NOUN
                    | flags::ESTIMATE_NOUN)
                != 0;
        let last = doc.tokens[b - 1];
        let last_possessive_free = !last.possessive;
        if run_start < b && !run_is_common && last_possessive_free && name_tokens.is_none() {
            // A run that ends in a common noun ("South Korean estimates") is
            // no name; neither is a capitalised run followed by nothing but
            // an estimate or group noun.
            name_tokens = Some((run_start, b));
            if run_start > a2 {
                info.descriptors.push(span_text(text, doc, a2, run_start));
                head_token = Some(run_start - 1);
            }
        } else {
            info.descriptors
                .push(span_text(text, doc, descriptor_start(doc, a2, b), b));
            head_token = Some(b - 1);
        }
    }
    if let Some((a, b)) = name_tokens {
        info.name = Some(span_text(text, doc, a, b));
    }
    if let Some(h) = head_token {
        let lower = doc.lower(h);
        info.head = Some(lower.trim_end_matches("'s").to_owned());
    }
    // Kind.
    let head_flags = head_token.map_or(0, |h| doc.tokens[h].info.flags);
    info.estimate = head_flags & flags::ESTIMATE_NOUN != 0;
    info.kind = if let Some((a, b)) = name_tokens {
        let last = doc.tokens[b - 1];
        let lower_last = doc.lower(b - 1);
        let all_caps = {
            let s = &text[last.start..last.end];
            s.len() >= 2
                && s.chars()
                    .all(|c| c.is_ascii_uppercase() || c == '.' || c == '&')
        };
        if head_flags & (flags::PERSON_NOUN | flags::TITLE) != 0
            || (a > start && doc.tokens[a - 1].has(flags::TITLE))
        {
            SourceKind::Person
        } else if last.has(flags::ORG_NAME_END)
            || doc.tokens[a..b]
                .iter()
                .any(|t| t.has(flags::ORG_NAME_END | flags::ORG_NOUN))
            || last.has(flags::PLACE)
            || all_caps
            || head_flags & flags::ORG_NOUN != 0
        {
            SourceKind::Organization
        } else if lower_last.ends_with('s') && b - a == 1 && last.has(flags::GROUP_NOUN) {
            SourceKind::Group
        } else if doc.tokens[a].has(flags::DET) && doc.lower(a) == "the" {
            SourceKind::Organization
        } else {
            SourceKind::Person
        }
    } else if head_flags & flags::ESTIMATE_NOUN != 0 {
        SourceKind::Unnamed
    } else if head_flags & flags::GROUP_NOUN != 0 {
        SourceKind::Group
    } else if head_flags & flags::PERSON_NOUN != 0 {
        let head = info.head.as_deref().unwrap_or("");
        if info.indefinite
            && matches!(
                head,
                "person" | "source" | "official" | "insider" | "individual" | "someone"
            )
        {
            SourceKind::Unnamed
        } else {
            SourceKind::Person
        }
    } else if head_flags & (flags::ORG_NOUN | flags::PLACE) != 0 {
        SourceKind::Organization
    } else if head_flags & flags::DOC_NOUN != 0 {
        SourceKind::Document
    } else {
        SourceKind::Unnamed
    };
    info
}

/// Where a description starts once possessive determiners are dropped
/// ("Seoul's spy agency" is described as "spy agency").
fn descriptor_start(doc: &Doc, a: usize, b: usize) -> usize {
    let mut s = a;
    while s + 1 < b && (doc.tokens[s].possessive || doc.tokens[s].has(flags::DET)) {
        s += 1;
    }
    s
}

/// The text of tokens `a..b`.
pub(crate) fn span_text(text: &str, doc: &Doc, a: usize, b: usize) -> String {
    match (
        doc.tokens.get(a),
        b.checked_sub(1).and_then(|l| doc.tokens.get(l)),
    ) {
        (Some(first), Some(last)) if a < b => {
            text.get(first.start..last.end).unwrap_or("").to_owned()
        }
        _ => String::new(),
    }
}
