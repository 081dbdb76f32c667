//! Extraction throughput in bytes of article text per second, on the seed
//! article repeated and on synthetic news sentences.

use according::extract::{Article, Extractor};
use divan::counter::BytesCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

const SEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/seed_article.txt"
));

/// Sentences in the shapes the extractor handles, with names varied so that
/// coreference has work to do.
fn synthetic(n_paragraphs: usize) -> String {
    let names = [
        "Maria Lopez",
        "Tom Baker",
        "Anna Berg",
        "Lee Min-ho",
        "Jean Dupont",
    ];
    let orgs = [
        "the ministry",
        "the central bank",
        "the city council",
        "the agency",
    ];
    let mut text = String::new();
    for i in 0..n_paragraphs {
        let name = names[i % names.len()];
        let org = orgs[i % orgs.len()];
        let surname = name.rsplit(' ').next().unwrap_or(name);
        text.push_str(&format!(
            "\"We expect prices to fall by {i} percent,\" {name}, a spokeswoman for {org}, said Tuesday. \
             She added that the decision was final. According to {org}, exports rose in September. \
             {surname} told reporters that analysts believe the economy will recover, citing new figures. \
             The bridge on Route {i} was closed for repairs.\n"
        ));
    }
    text
}

#[divan::bench(args = [1, 100])]
fn seed_article(bencher: Bencher<'_, '_>, copies: usize) {
    let text = SEED.repeat(copies);
    let extractor = Extractor::new();
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        extractor
            .extract(&Article::new(black_box(&text)))
            .map(|g| g.n_reports())
    });
}

#[divan::bench(args = [100, 2000])]
fn synthetic_news(bencher: Bencher<'_, '_>, paragraphs: usize) {
    let text = synthetic(paragraphs);
    let extractor = Extractor::new();
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| extractor.attributions(black_box(&text)).len());
}

#[divan::bench]
fn build_extractor() -> Extractor {
    Extractor::new()
}
