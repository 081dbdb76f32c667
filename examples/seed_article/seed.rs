//! The seed article, extracted into a graph.

use according::extract::{Article, Extractor};
use according::{ClaimId, DocumentId, Graph};
use time::macros::date;

/// The article text (dated Tuesday 2025-11-04).
pub const ARTICLE: &str = include_str!("../data/seed_article.txt");

/// The extracted graph and the handles the report needs.
pub struct Seed {
    /// The whole graph.
    pub graph: Graph,
    /// The article.
    pub document: DocumentId,
    /// The claim about 5,000 construction troops (line 1), declared
    /// equivalent to its rewording on line 3.
    pub troops_claim: ClaimId,
}

/// Extracts the article, then records one analyst's judgement the text
/// cannot give a machine: lines 1 and 3 state the same proposition (about
/// 5,000 construction troops sent to Russia) in different words.
pub fn extract() -> Result<Seed, according::Error> {
    let article = Article::new(ARTICLE)
        .with_key("seed_article.txt")
        .with_date(date!(2025 - 11 - 04));
    let mut graph = Graph::new();
    let document = Extractor::new().extract_into(&mut graph, &article)?;
    let troops: Vec<ClaimId> = graph
        .claims()
        .filter(|(_, c)| c.content.contains("5,000") && c.content.contains("construction troops"))
        .map(|(id, _)| id)
        .collect();
    let Some((&first, rest)) = troops.split_first() else {
        return Err(according::Error::InvalidValue {
            what: "seed article",
            value: "no claim about 5,000 construction troops was extracted".to_owned(),
        });
    };
    for &other in rest {
        graph.declare_equivalent(first, other)?;
    }
    Ok(Seed {
        graph,
        document,
        troops_claim: first,
    })
}
