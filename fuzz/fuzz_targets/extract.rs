//! The extractor on arbitrary text (bytes decoded lossily as UTF-8) and an
//! arbitrary dateline, extremes included: it never panics, every span it
//! returns lies on character boundaries inside the text, and the graph it
//! builds answers every query and round-trips through JSON.
#![no_main]

use according::extract::{Article, Extractor};
use libfuzzer_sys::fuzz_target;
use time::Date;

fuzz_target!(|data: &[u8]| {
    let Some((head, rest)) = data.split_first_chunk::<4>() else {
        return;
    };
    // The first four bytes choose the dateline: none, the extremes the
    // `time` crate supports, or any day in between.
    let raw = i32::from_le_bytes(*head);
    let date = match raw & 3 {
        0 => None,
        1 => Some(Date::MIN),
        2 => Some(Date::MAX),
        _ => {
            let span = Date::MAX.to_julian_day() - Date::MIN.to_julian_day();
            let day = Date::MIN.to_julian_day() + (raw >> 2).rem_euclid(span + 1);
            Date::from_julian_day(day).ok()
        }
    };
    let text = String::from_utf8_lossy(rest);
    let extractor = Extractor::new();
    for attribution in extractor.attributions(&text) {
        for span in attribution
            .source
            .iter()
            .chain(&attribution.cue)
            .chain(&attribution.content)
        {
            assert!(
                span.text(&text).is_some(),
                "span {span:?} is not in the text"
            );
        }
    }
    let mut article = Article::new(&text)
        .with_publisher("The Daily")
        .with_key("k");
    if let Some(date) = date {
        article = article.with_date(date);
    }
    let graph = extractor
        .extract(&article)
        .expect("text under the limit extracts");
    according_fuzz::exercise(&graph);
});
