//! Coreference of source mentions within one document: pronouns ("He
//! added"), definite descriptions ("the lawmaker"), surnames ("Lee") and a
//! description that a later named mention fills in ("a South Korean
//! lawmaker" … "South Korean lawmaker Lee Seong-kweun").

use std::collections::{BTreeMap, HashSet};

use super::sources::MentionInfo;
use crate::model::{SourceKind, Span};

/// How many of the most recently mentioned speakers a mention is compared
/// with. An article has a few dozen speakers; the bound keeps resolution
/// linear in the number of mentions when hostile text names millions.
const RECENT_CLUSTERS: usize = 256;

/// One speaker of the document and every mention of it.
#[derive(Clone, Debug)]
pub(crate) struct Cluster {
    pub(crate) name: Option<String>,
    /// The first mention without its article, used when no name is known.
    pub(crate) fallback: String,
    pub(crate) kind: SourceKind,
    pub(crate) descriptors: Vec<String>,
    pub(crate) mentions: Vec<(String, Span)>,
    /// The fallback and every mention without its article, ASCII
    /// lowercased: looked up instead of scanning the mentions.
    bare_mentions: HashSet<String>,
    /// Order of the last mention, for recency.
    last_seen: usize,
}

impl Cluster {
    /// The canonical name.
    pub(crate) fn display_name(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.fallback)
    }

    fn name_words(&self) -> impl Iterator<Item = &str> {
        self.name
            .as_deref()
            .unwrap_or("")
            .split_whitespace()
            .map(|w| w.trim_end_matches("'s").trim_end_matches("’s"))
    }

    fn has_descriptor_head(&self, head: &str, descriptor: Option<&str>) -> bool {
        self.descriptors
            .iter()
            .chain(std::iter::once(&self.fallback))
            .any(|d| {
                let lower = d.to_lowercase();
                let last = lower.split_whitespace().last().unwrap_or("");
                let last = last.trim_end_matches("'s");
                last == head && descriptor.is_none_or(|x| lower.ends_with(&x.to_lowercase()))
            })
    }
}

/// Resolves mentions to clusters, in document order.
#[derive(Debug, Default)]
pub(crate) struct Resolver {
    pub(crate) clusters: Vec<Cluster>,
    order: usize,
    /// Cluster indices by the order of their last mention.
    recency: BTreeMap<usize, usize>,
}

fn strip_article(text: &str) -> &str {
    for article in ["a ", "an ", "the ", "A ", "An ", "The "] {
        if let Some(rest) = text.strip_prefix(article) {
            return rest;
        }
    }
    text
}

impl Resolver {
    /// Resolves one mention and returns its cluster index.
    pub(crate) fn resolve(&mut self, info: &MentionInfo, text: &str, span: Span) -> usize {
        self.order += 1;
        let index = self.find(info, text).unwrap_or_else(|| {
            let fallback = match &info.pronoun {
                Some(_) => text.to_owned(),
                None => strip_article(text).to_owned(),
            };
            self.clusters.push(Cluster {
                name: None,
                bare_mentions: HashSet::from([fallback.to_ascii_lowercase()]),
                fallback,
                kind: info.kind,
                descriptors: Vec::new(),
                mentions: Vec::new(),
                last_seen: 0,
            });
            self.clusters.len() - 1
        });
        let order = self.order;
        let cluster = &mut self.clusters[index]; // index < len by construction
        self.recency.remove(&cluster.last_seen);
        self.recency.insert(order, index);
        cluster.last_seen = order;
        cluster
            .bare_mentions
            .insert(strip_article(text).to_ascii_lowercase());
        cluster.mentions.push((text.to_owned(), span));
        if cluster.name.is_none() {
            if let Some(name) = &info.name {
                cluster.name = Some(name.clone());
                if info.kind != SourceKind::Unnamed {
                    cluster.kind = info.kind;
                }
            }
        } else if let (Some(name), Some(current)) = (&info.name, &cluster.name) {
            // "Trump" then "Donald Trump": keep the fuller name.
            if name.split_whitespace().count() > current.split_whitespace().count()
                && name.contains(current.as_str())
            {
                cluster.name = Some(name.clone());
            }
        }
        if cluster.kind == SourceKind::Unnamed
            && info.kind != SourceKind::Unnamed
            && info.pronoun.is_none()
        {
            cluster.kind = info.kind;
        }
        if info.pronoun.is_none() && !info.definite {
            for d in &info.descriptors {
                if !cluster
                    .descriptors
                    .iter()
                    .any(|x| x.eq_ignore_ascii_case(d))
                {
                    cluster.descriptors.push(d.clone());
                }
            }
        }
        index
    }

    /// The most recently mentioned cluster satisfying `pred`, among the
    /// [`RECENT_CLUSTERS`] most recent ones.
    fn most_recent(&self, mut pred: impl FnMut(&Cluster) -> bool) -> Option<usize> {
        self.recency
            .values()
            .rev()
            .take(RECENT_CLUSTERS)
            .copied()
            .find(|&i| self.clusters.get(i).is_some_and(&mut pred))
    }

    fn find(&self, info: &MentionInfo, text: &str) -> Option<usize> {
        if let Some(pronoun) = &info.pronoun {
            return match pronoun.as_str() {
                "he" | "she" => self.most_recent(|c| c.kind == SourceKind::Person),
                "it" => self.most_recent(|c| {
                    matches!(c.kind, SourceKind::Organization | SourceKind::Document)
                }),
                "they" => self.most_recent(|c| {
                    matches!(c.kind, SourceKind::Group | SourceKind::Organization)
                }),
                _ => self.most_recent(|c| c.fallback.eq_ignore_ascii_case(text)),
            };
        }
        let bare = strip_article(text);
        if let Some(name) = &info.name {
            if let Some(i) = self.most_recent(|c| {
                c.name
                    .as_deref()
                    .is_some_and(|n| n.eq_ignore_ascii_case(name))
            }) {
                return Some(i);
            }
            let words: Vec<&str> = name.split_whitespace().collect();
            if words.len() == 1 {
                // A surname (or given name) of a known person.
                if let Some(i) = self.most_recent(|c| {
                    c.kind == SourceKind::Person && c.name_words().any(|w| w == name)
                }) {
                    return Some(i);
                }
            } else if let Some(i) = self.most_recent(|c| {
                c.kind == SourceKind::Person
                    && c.name
                        .as_deref()
                        .is_some_and(|n| !n.contains(' ') && words.contains(&n))
            }) {
                return Some(i);
            }
            // A description met earlier without a name: "a South Korean
            // lawmaker" … "South Korean lawmaker Lee Seong-kweun".
            if !info.descriptors.is_empty() {
                return self.most_recent(|c| {
                    c.name.is_none()
                        && c.kind == info.kind
                        && info
                            .descriptors
                            .iter()
                            .any(|d| c.fallback.eq_ignore_ascii_case(d))
                });
            }
            return None;
        }
        let bare_key = bare.to_ascii_lowercase();
        if let Some(i) = self.most_recent(|c| c.bare_mentions.contains(&bare_key)) {
            return Some(i);
        }
        if info.definite
            && let Some(head) = &info.head
        {
            let descriptor = info.descriptors.first().map(String::as_str);
            return self.most_recent(|c| c.has_descriptor_head(head, descriptor));
        }
        None
    }
}
