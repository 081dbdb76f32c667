//! The scoring protocol, rule by rule, on hand-made spans.

use according::Span;
use according::eval::{Evaluation, Prf, Role, Scores, is_trim_char, match_article, normalize};
use according::format::brat::BratAttribution;

fn span(start: usize, end: usize) -> Span {
    Span::new(start, end).unwrap()
}

/// The normalised character fragments of a span given as byte fragments.
#[track_caller]
fn normalized(text: &str, fragments: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let fragments: Vec<Span> = fragments
        .iter()
        .map(|&(start, end)| span(start, end))
        .collect();
    normalize(text, &fragments).unwrap().fragments().to_vec()
}

/// The text a normalised span covers, fragments joined by `|`.
#[track_caller]
fn normalized_text(text: &str, fragments: &[(usize, usize)]) -> String {
    let chars: Vec<char> = text.chars().collect();
    normalized(text, fragments)
        .iter()
        .map(|&(start, end)| chars[start..end].iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("|")
}

/// The byte span of the first occurrence of `needle` in `text`.
#[track_caller]
fn find(text: &str, needle: &str) -> (usize, usize) {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    (start, start + needle.len())
}

fn cue(fragments: &[(usize, usize)]) -> BratAttribution {
    BratAttribution {
        cue: fragments
            .iter()
            .map(|&(start, end)| span(start, end))
            .collect(),
        ..BratAttribution::default()
    }
}

// ----- normalisation ---------------------------------------------------------

#[test]
fn trim_characters_are_exactly_the_protocols() {
    for c in [
        ' ', '\t', '\n', '\u{a0}', ',', '.', ';', ':', '"', '“', '”', '\'', '‘', '’',
    ] {
        assert!(is_trim_char(c), "{c:?} should be trimmed");
    }
    for c in ['!', '?', '(', ')', '-', '—', '«', '»', '`', 'a', '0', '…'] {
        assert!(!is_trim_char(c), "{c:?} should be kept");
    }
}

#[test]
fn every_trim_character_is_stripped_from_both_ends() {
    for trim in [
        " ", "\t", "\n", ",", ".", ";", ":", "\"", "“", "”", "'", "‘", "’",
    ] {
        let text = format!("x{trim}{trim}words here{trim}y");
        let inner = (1, 1 + 2 * trim.len() + "words here".len() + trim.len());
        assert_eq!(
            normalized_text(&text, &[inner]),
            "words here",
            "trim {trim:?}"
        );
    }
}

#[test]
fn punctuation_outside_the_trim_set_is_kept() {
    let text = "He asked (twice): why not?!";
    assert_eq!(
        normalized_text(text, &[(3, 27)]),
        "asked (twice): why not?!"
    );
    assert_eq!(normalized_text(text, &[(9, 16)]), "(twice)");
}

#[test]
fn quotes_and_final_punctuation_of_a_direct_quote_are_stripped() {
    let text = "“We will rebuild the pier,” the mayor said.";
    let quote = find(text, "“We will rebuild the pier,”");
    assert_eq!(normalized_text(text, &[quote]), "We will rebuild the pier");
    let said = find(text, "said.");
    assert_eq!(normalized_text(text, &[said]), "said");
}

#[test]
fn trim_characters_inside_a_span_are_kept() {
    let text = "the plan, he said, is “bold”. Very bold";
    assert_eq!(normalized_text(text, &[(0, text.len())]), text);
}

#[test]
fn a_span_made_only_of_trim_characters_is_kept_as_it_is() {
    let text = "Her answer: no.";
    assert_eq!(normalized(text, &[(10, 11)]), [(10, 11)]);
    assert_eq!(normalized(text, &[(10, 12)]), [(10, 12)]);
    // Fragments of trim characters are still merged when they touch.
    assert_eq!(normalized(text, &[(11, 12), (10, 11)]), [(10, 12)]);
}

#[test]
fn touching_fragments_are_merged() {
    let text = "officials said on Monday";
    assert_eq!(normalized(text, &[(0, 9), (9, 14)]), [(0, 14)]);
}

#[test]
fn overlapping_and_unsorted_fragments_are_sorted_and_merged() {
    let text = "officials said on Monday";
    assert_eq!(normalized(text, &[(10, 17), (0, 12)]), [(0, 17)]);
    assert_eq!(normalized(text, &[(18, 24), (0, 9)]), [(0, 9), (18, 24)]);
}

#[test]
fn fragments_separated_only_by_trim_characters_are_merged() {
    let text = "the budget, “in short”, failed";
    let budget = find(text, "the budget");
    let in_short = find(text, "in short");
    assert_eq!(
        normalized_text(text, &[budget, in_short]),
        "the budget, “in short"
    );
}

#[test]
fn fragments_separated_by_words_stay_apart() {
    let text = "“The pier,” she said, “will reopen.”";
    let first = find(text, "“The pier,”");
    let second = find(text, "“will reopen.”");
    assert_eq!(
        normalized_text(text, &[first, second]),
        "The pier,”|“will reopen"
    );
}

#[test]
fn stripping_can_drop_a_whole_fragment_at_either_end() {
    let text = "“ and x says so ”";
    let open = find(text, "“ ");
    let middle = find(text, "x says so");
    let close = find(text, " ”");
    // "and" separates the first fragment from the second, so they are not
    // merged; stripping then removes the first fragment entirely.
    assert_eq!(normalized_text(text, &[open, middle, close]), "x says so");
}

#[test]
fn offsets_count_characters_not_bytes() {
    let text = "Zoë Müller said “ça va”";
    let zoe = find(text, "Zoë Müller");
    assert_eq!(normalized(text, &[zoe]), [(0, 10)]);
    let quote = find(text, "“ça va”");
    assert_eq!(normalized(text, &[quote]), [(17, 22)]);
}

#[test]
fn spans_outside_the_text_or_inside_a_character_are_errors() {
    let text = "Zoë said";
    let past_end = normalize(text, &[span(0, 40)]).unwrap_err();
    assert!(past_end.to_string().contains("0..40"), "{past_end}");
    // Byte 3 is inside "ë".
    assert!(normalize(text, &[span(0, 3)]).is_err());
    let gold = [cue(&[(0, 40)])];
    assert!(match_article(text, &gold, &[] as &[BratAttribution]).is_err());
}

// ----- matching --------------------------------------------------------------

#[test]
fn exact_match_compares_normalised_spans() {
    let text = "The minister said: “We are ready.”";
    let gold = [BratAttribution {
        source: vec![span(0, 12)],
        cue: vec![span(13, 18)],
        content: vec![span(19, text.len())],
        ..BratAttribution::default()
    }];
    // Different raw offsets, same spans after normalisation.
    let predicted = [BratAttribution {
        source: vec![span(0, 13)],
        cue: vec![span(13, 17)],
        content: vec![span(22, text.len() - 4)],
        ..BratAttribution::default()
    }];
    let article = match_article(text, &gold, &predicted).unwrap();
    for role in Role::ALL {
        assert_eq!(article.role(role).exact, [(0, 0)], "{role}");
    }
}

#[test]
fn a_discontinuous_span_does_not_exactly_match_its_hull() {
    let text = "“Rates will rise,” he warned, “next year.”";
    let first = find(text, "Rates will rise");
    let second = find(text, "next year");
    let gold = [BratAttribution {
        content: vec![span(first.0, first.1), span(second.0, second.1)],
        ..BratAttribution::default()
    }];
    let predicted = [BratAttribution {
        content: vec![span(first.0, second.1)],
        ..BratAttribution::default()
    }];
    let article = match_article(text, &gold, &predicted).unwrap();
    let content = article.role(Role::Content);
    assert!(content.exact.is_empty());
    assert_eq!(content.overlap, [(0, 0, 24)]);
}

#[test]
fn roles_are_scored_separately() {
    let text = "Critics objected";
    let gold = [BratAttribution {
        source: vec![span(0, 7)],
        ..BratAttribution::default()
    }];
    let predicted = [cue(&[(0, 7)])];
    let article = match_article(text, &gold, &predicted).unwrap();
    assert!(article.role(Role::Source).overlap.is_empty());
    assert!(article.role(Role::Cue).overlap.is_empty());
    assert_eq!(article.role(Role::Source).counts().gold, 1);
    assert_eq!(article.role(Role::Cue).counts().predicted, 1);
}

#[test]
fn spans_shared_by_several_attributions_count_once() {
    let text = "The union said wages fell and said hours rose.";
    let union = span(0, 9);
    let gold = [
        BratAttribution {
            source: vec![union],
            cue: vec![span(10, 14)],
            content: vec![span(15, 25)],
            ..BratAttribution::default()
        },
        BratAttribution {
            source: vec![union],
            cue: vec![span(29, 33)],
            content: vec![span(34, 45)],
            ..BratAttribution::default()
        },
    ];
    // Differently written, the same source after normalisation.
    let predicted = [BratAttribution {
        source: vec![span(0, 10)],
        ..BratAttribution::default()
    }];
    let mut evaluation = Evaluation::new();
    evaluation.add_article(text, &gold, &predicted).unwrap();
    let source = evaluation.counts(Role::Source);
    assert_eq!((source.gold, source.predicted, source.exact), (1, 1, 1));
    assert_eq!(evaluation.counts(Role::Cue).gold, 2);
    let scores = evaluation.scores();
    assert_eq!(scores.exact.source.f1, 100.0);
    assert_eq!((scores.gold, scores.predicted), (2, 1));
}

#[test]
fn content2_counts_as_a_content_span_of_its_own() {
    let text = "“Taxes,” the senator said, “will fall.”";
    let gold = [BratAttribution {
        content: vec![span(find(text, "Taxes").0, find(text, "Taxes").1)],
        extra_content: vec![vec![span(
            find(text, "will fall").0,
            find(text, "will fall").1,
        )]],
        ..BratAttribution::default()
    }];
    let predicted = [BratAttribution {
        content: vec![span(find(text, "will fall").0, find(text, "will fall").1)],
        ..BratAttribution::default()
    }];
    let article = match_article(text, &gold, &predicted).unwrap();
    let content = article.role(Role::Content);
    assert_eq!(content.gold.len(), 2);
    assert_eq!(content.exact, [(1, 0)]);
}

#[test]
fn overlap_needs_one_shared_character() {
    let text = "abcdefghij";
    let gold = [cue(&[(0, 5)])];
    let touching = [cue(&[(5, 10)])];
    let one_shared = [cue(&[(4, 10)])];
    let article = match_article(text, &gold, &touching).unwrap();
    assert!(article.role(Role::Cue).overlap.is_empty());
    let article = match_article(text, &gold, &one_shared).unwrap();
    assert_eq!(article.role(Role::Cue).overlap, [(0, 0, 1)]);
}

#[test]
fn overlap_counts_characters_of_discontinuous_spans() {
    let text = "aaaa bbbb cccc dddd";
    let gold = [cue(&[(0, 4), (10, 14)])];
    // Shares "aa" and "cc", but not the word in between.
    let predicted = [cue(&[(2, 12)])];
    let article = match_article(text, &gold, &predicted).unwrap();
    assert_eq!(article.role(Role::Cue).overlap, [(0, 0, 4)]);
}

#[test]
fn each_span_is_overlap_matched_at_most_once() {
    let text = "one two three four five six";
    let gold = [cue(&[(0, 3)]), cue(&[(4, 7)])];
    let predicted = [cue(&[(0, 7)])];
    let article = match_article(text, &gold, &predicted).unwrap();
    let counts = article.role(Role::Cue).counts();
    assert_eq!((counts.gold, counts.predicted, counts.overlap), (2, 1, 1));

    let gold = [cue(&[(0, 7)])];
    let predicted = [cue(&[(0, 3)]), cue(&[(4, 7)])];
    let article = match_article(text, &gold, &predicted).unwrap();
    assert_eq!(article.role(Role::Cue).counts().overlap, 1);
}

#[test]
fn largest_overlaps_are_matched_first() {
    let text = "abcdefghijklmnopqrstuvwxyz0123";
    // The predicted span shares 2 characters with the first gold span and 15
    // with the second: matching in text order would pair it with the first.
    let gold = [cue(&[(0, 10)]), cue(&[(10, 30)])];
    let predicted = [cue(&[(8, 25)])];
    let article = match_article(text, &gold, &predicted).unwrap();
    assert_eq!(article.role(Role::Cue).overlap, [(1, 0, 15)]);

    // Greedy by size: the big pair goes first, and the loser of that
    // contest then takes what is left.
    let gold = [cue(&[(0, 12)]), cue(&[(12, 20)])];
    let predicted = [cue(&[(2, 14)]), cue(&[(10, 20)])];
    let article = match_article(text, &gold, &predicted).unwrap();
    // (g0, p0) share 10, (g1, p1) share 8, (g0, p1) 2, (g1, p0) 2.
    assert_eq!(article.role(Role::Cue).overlap, [(0, 0, 10), (1, 1, 8)]);
}

#[test]
fn overlap_ties_go_to_the_earlier_spans() {
    let text = "abcdefghijklmnopqrst";
    let gold = [cue(&[(0, 6)]), cue(&[(8, 14)])];
    let predicted = [cue(&[(4, 10)])];
    let article = match_article(text, &gold, &predicted).unwrap();
    assert_eq!(article.role(Role::Cue).overlap, [(0, 0, 2)]);
}

#[test]
fn an_exact_match_is_also_an_overlap_match() {
    let text = "they said so";
    let gold = [cue(&[(5, 9)])];
    let article = match_article(text, &gold, &gold).unwrap();
    assert_eq!(article.role(Role::Cue).exact, [(0, 0)]);
    assert_eq!(article.role(Role::Cue).overlap, [(0, 0, 4)]);
}

// ----- averaging and figures -------------------------------------------------

#[test]
fn scores_are_micro_averaged_over_articles() {
    let text = "a b c d e f g h i j";
    let mut evaluation = Evaluation::new();
    // Article 1: one gold cue, found.
    evaluation
        .add_article(text, &[cue(&[(0, 1)])], &[cue(&[(0, 1)])])
        .unwrap();
    // Article 2: three gold cues, one found, one spurious prediction.
    let gold = [cue(&[(0, 1)]), cue(&[(2, 3)]), cue(&[(4, 5)])];
    let predicted = [cue(&[(0, 1)]), cue(&[(6, 7)])];
    evaluation.add_article(text, &gold, &predicted).unwrap();
    let scores = evaluation.scores();
    // 2 matches of 4 gold and 3 predicted; a macro-average would give a
    // recall of (100 + 33.3) / 2.
    assert_eq!(scores.exact.cue.r, 50.0);
    assert!((scores.exact.cue.p - 200.0 / 3.0).abs() < 1e-9);
    assert!((scores.exact.cue.f1 - 2.0 * 50.0 * (200.0 / 3.0) / (50.0 + 200.0 / 3.0)).abs() < 1e-9);
    assert_eq!(scores.articles, 2);
}

#[test]
fn figures_are_zero_without_predictions_or_gold() {
    assert_eq!(
        Prf::new(0, 10, 0),
        Prf {
            p: 0.0,
            r: 0.0,
            f1: 0.0
        }
    );
    assert_eq!(
        Prf::new(0, 0, 10),
        Prf {
            p: 0.0,
            r: 0.0,
            f1: 0.0
        }
    );
    assert_eq!(
        Prf::new(3, 4, 6),
        Prf {
            p: 50.0,
            r: 75.0,
            f1: 60.0
        }
    );
    let empty = Evaluation::new().scores();
    assert_eq!(empty, Scores::default());
}

#[test]
fn an_article_with_an_invalid_span_leaves_the_evaluation_unchanged() {
    let mut evaluation = Evaluation::new();
    let text = "short";
    assert!(
        evaluation
            .add_article(text, &[cue(&[(0, 99)])], &[cue(&[(0, 1)])])
            .is_err()
    );
    assert_eq!(evaluation, Evaluation::new());
}

#[test]
fn scores_serialise_to_the_documented_json_shape() {
    let text = "they said so";
    let mut evaluation = Evaluation::new();
    evaluation
        .add_article(text, &[cue(&[(5, 9)])], &[cue(&[(5, 9)]), cue(&[(0, 4)])])
        .unwrap();
    let json = serde_json::to_value(evaluation.scores()).unwrap();
    let expected = serde_json::json!({
        "exact": {
            "source": {"p": 0.0, "r": 0.0, "f1": 0.0},
            "cue": {"p": 50.0, "r": 100.0, "f1": 200.0 / 3.0},
            "content": {"p": 0.0, "r": 0.0, "f1": 0.0}
        },
        "overlap": {
            "source": {"p": 0.0, "r": 0.0, "f1": 0.0},
            "cue": {"p": 50.0, "r": 100.0, "f1": 200.0 / 3.0},
            "content": {"p": 0.0, "r": 0.0, "f1": 0.0}
        },
        "articles": 1,
        "gold": 1,
        "predicted": 2
    });
    assert_eq!(json, expected);
}

#[test]
fn scores_display_as_a_table() {
    let text = "they said so";
    let mut evaluation = Evaluation::new();
    evaluation
        .add_article(text, &[cue(&[(5, 9)])], &[cue(&[(5, 9)]), cue(&[(0, 4)])])
        .unwrap();
    let table = evaluation.scores().to_string();
    assert!(
        table.starts_with("1 articles, 1 gold attributions, 2 predicted\n"),
        "{table}"
    );
    assert!(
        table.contains("cue       50.0 100.0  66.7   50.0 100.0  66.7\n"),
        "{table}"
    );
}

#[test]
fn report_evidence_can_be_scored_directly() {
    let text = "Analysts expect growth";
    let evidence = according::Evidence {
        source: vec![span(0, 8)],
        cue: vec![span(9, 15)],
        content: vec![span(16, 22)],
    };
    let gold = [BratAttribution {
        source: vec![span(0, 8)],
        cue: vec![span(9, 15)],
        content: vec![span(16, 22)],
        ..BratAttribution::default()
    }];
    let scores = {
        let mut evaluation = Evaluation::new();
        evaluation.add_article(text, &gold, &[evidence]).unwrap();
        evaluation.scores()
    };
    for role in Role::ALL {
        assert_eq!(scores.exact.role(role).f1, 100.0, "{role}");
    }
}

// ----- properties ------------------------------------------------------------

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop::sample::select(vec![
                'a', 'b', ' ', '\n', ',', '.', ':', '“', '”', '’', 'é', '語',
            ]),
            1..40,
        )
        .prop_map(|chars| chars.into_iter().collect())
    }

    /// Byte spans on character boundaries of `text`.
    fn fragments(text: &str, picks: &[(usize, usize)]) -> Vec<Span> {
        let boundaries: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        picks
            .iter()
            .map(|&(a, b)| {
                let (a, b) = (a % boundaries.len(), b % boundaries.len());
                span(boundaries[a.min(b)], boundaries[a.max(b)])
            })
            .collect()
    }

    /// Character fragments back to byte spans.
    fn to_bytes(text: &str, fragments: &[(usize, usize)]) -> Vec<Span> {
        let boundaries: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        fragments
            .iter()
            .map(|&(start, end)| span(boundaries[start], boundaries[end]))
            .collect()
    }

    proptest! {
        #[test]
        fn normalisation_is_idempotent_and_leaves_clean_spans(
            text in text(),
            picks in proptest::collection::vec((0usize..50, 0usize..50), 1..4),
        ) {
            let spans = fragments(&text, &picks);
            let once = normalize(&text, &spans).unwrap();
            let twice = normalize(&text, &to_bytes(&text, once.fragments())).unwrap();
            prop_assert_eq!(&once, &twice);

            let chars: Vec<char> = text.chars().collect();
            let covered: Vec<char> = once.fragments().iter().flat_map(|&(s, e)| chars[s..e].iter().copied()).collect();
            for pair in once.fragments().windows(2) {
                // Disjoint, not touching, and separated by something kept.
                prop_assert!(pair[0].1 < pair[1].0);
                prop_assert!(chars[pair[0].1..pair[1].0].iter().any(|&c| !is_trim_char(c)));
            }
            if covered.iter().any(|&c| !is_trim_char(c)) {
                prop_assert!(!is_trim_char(covered[0]));
                prop_assert!(!is_trim_char(covered[covered.len() - 1]));
            }
        }

        #[test]
        fn a_prediction_equal_to_the_gold_scores_100(
            text in text(),
            picks in proptest::collection::vec((0usize..50, 0usize..50), 1..6),
        ) {
            let gold: Vec<BratAttribution> = fragments(&text, &picks)
                .into_iter()
                .filter(|span| !span.is_empty())
                .map(|span| BratAttribution { cue: vec![span], ..BratAttribution::default() })
                .collect();
            prop_assume!(!gold.is_empty());
            let mut evaluation = Evaluation::new();
            evaluation.add_article(&text, &gold, &gold).unwrap();
            let scores = evaluation.scores();
            prop_assert_eq!(scores.exact.cue.f1, 100.0);
            prop_assert_eq!(scores.overlap.cue.f1, 100.0);
        }
    }
}

#[test]
fn evaluation_types_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Evaluation>();
    assert_send_sync::<Scores>();
    assert_send_sync::<according::eval::ArticleMatch>();
    assert_send_sync::<according::format::brat::BratDocument>();
    assert_send_sync::<according::format::brat::corpus::CorpusArticle>();
}

/// The scorer against the corpus it was defined on: on the train articles of
/// PolNeAR annotated by several people, the second annotator scored against
/// the first gives the reference figures of the protocol. Needs the corpus,
/// so it runs only on request and fails when the corpus is missing:
/// `POLNEAR_DIR=path/to/polnear cargo test --release --test eval -- --ignored`.
#[test]
#[ignore = "needs the PolNeAR corpus: set POLNEAR_DIR and run with --ignored"]
fn polnear_human_ceiling_is_reproduced() {
    let root = std::env::var_os("POLNEAR_DIR").expect("POLNEAR_DIR is not set");
    let train = std::path::Path::new(&root).join("train");
    let articles = according::format::brat::corpus::read_corpus_dir(&train).unwrap();
    assert!(!articles.is_empty(), "no articles in {}", train.display());
    let mut evaluation = Evaluation::new();
    for article in articles
        .iter()
        .filter(|article| article.annotators.len() > 1)
    {
        let second = article.read_annotator(&article.annotators[1]).unwrap();
        evaluation
            .add_article(
                &article.text,
                &article.annotation.attributions,
                &second.attributions,
            )
            .unwrap();
    }
    let scores = evaluation.scores();
    let rounded = |value: f64| (value * 10.0).round() / 10.0;
    assert_eq!(scores.articles, 16);
    assert_eq!(rounded(scores.exact.source.f1), 80.2);
    assert_eq!(rounded(scores.exact.cue.f1), 70.9);
    assert_eq!(rounded(scores.exact.content.f1), 67.1);
}
