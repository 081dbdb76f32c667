//! brat standoff: reading, importing into a graph, writing, and the corpus
//! directory layout.

use std::path::PathBuf;

use according::format::brat::corpus::read_corpus_dir;
use according::format::brat::{self, BratAttribution, BratMeta};
use according::{Document, Error, Graph, Report, Source, SourceKind, Span};

/// A short article with curly quotes and accented letters, so that character
/// and byte offsets differ.
const TEXT: &str = "Zoë Okafor, the harbour master, said the pier “will reopen in May.” \
“Repairs are ahead of schedule,” she told reporters, “and under budget.” \
It was reported that fees would rise.";

/// Character offsets of the phrases of `TEXT`, worked out by hand.
const ANN: &str = "\
T1\tSource 0 30\tZoë Okafor, the harbour master
T2\tCue 32 36\tsaid
T3\tContent 37 67\tthe pier “will reopen in May.”
T4\tAttribution 32 36\tsaid
E1\tAttribution:T4 Cue:T2 Source:T1 Content:T3
T5\tSource 101 104\tshe
T6\tCue 105 109\ttold
T7\tContent 68 100;121 140\t“Repairs are ahead of schedule,” “and under budget.”
T8\tAttribution 105 109\ttold
E2\tAttribution:T8 Cue:T6 Source:T5 Content:T7
T9\tCue 141 161\tIt was reported that
T10\tContent 162 178\tfees would rise.
T11\tAttribution-no-source 141 161\tIt was reported that
E3\tAttribution-no-source:T11 Cue:T9 Content:T10
A1\tConfidence E1 High
#1\tAnnotatorNotes T1\tdescriptor included
T12\tDiscuss 0 10\tZoë Okafor
";

#[track_caller]
fn texts<'a>(text: &'a str, spans: &[Span]) -> Vec<&'a str> {
    spans.iter().map(|span| span.text(text).unwrap()).collect()
}

#[track_caller]
fn parse_error(text: &str, ann: &str) -> String {
    let error = brat::read(text, ann).unwrap_err();
    assert!(
        matches!(error, Error::Parse { format: "brat", .. }),
        "{error:?}"
    );
    error.to_string()
}

#[test]
fn the_fixture_offsets_are_right() {
    // Guards the hand-written offsets above: every T line's text must match.
    brat::read(TEXT, ANN).unwrap();
}

#[test]
fn reads_attributions_as_byte_spans() {
    let document = brat::read(TEXT, ANN).unwrap();
    assert_eq!(document.attributions.len(), 3);
    let first = &document.attributions[0];
    assert_eq!(
        texts(TEXT, &first.source),
        ["Zoë Okafor, the harbour master"]
    );
    assert_eq!(texts(TEXT, &first.cue), ["said"]);
    assert_eq!(
        texts(TEXT, &first.content),
        ["the pier “will reopen in May.”"]
    );
    // "Zoë" is three characters and four bytes.
    assert_eq!(first.source[0], Span::new(0, 31).unwrap());
}

#[test]
fn reads_discontinuous_spans_fragment_by_fragment() {
    let document = brat::read(TEXT, ANN).unwrap();
    let second = &document.attributions[1];
    assert_eq!(
        texts(TEXT, &second.content),
        ["“Repairs are ahead of schedule,”", "“and under budget.”"]
    );
    assert_eq!(texts(TEXT, &second.source), ["she"]);
}

#[test]
fn an_attribution_without_source_has_no_source_span() {
    let document = brat::read(TEXT, ANN).unwrap();
    let third = &document.attributions[2];
    assert!(third.source.is_empty());
    assert_eq!(texts(TEXT, &third.cue), ["It was reported that"]);
}

#[test]
fn flags_and_other_lines_are_counted_not_read() {
    let document = brat::read(TEXT, ANN).unwrap();
    assert_eq!(document.n_flags, 1);
    // The attribute line and the note.
    assert_eq!(document.n_ignored_lines, 2);
}

#[test]
fn content2_is_an_extra_content_span() {
    let text = "“Yes,” said Ana, “today.”";
    let ann = "T1\tContent 1 4\tYes\nT2\tCue 7 11\tsaid\nT3\tSource 12 15\tAna\n\
               T4\tContent 18 23\ttoday\nT5\tAttribution 7 11\tsaid\n\
               E1\tAttribution:T5 Content:T1 Cue:T2 Source:T3 Content2:T4 \n";
    let document = brat::read(text, ann).unwrap();
    let attribution = &document.attributions[0];
    assert_eq!(texts(text, &attribution.content), ["Yes"]);
    assert_eq!(attribution.extra_content.len(), 1);
    assert_eq!(texts(text, &attribution.extra_content[0]), ["today"]);
    let all: Vec<Vec<&str>> = attribution
        .content_spans()
        .map(|span| texts(text, span))
        .collect();
    assert_eq!(all, [["Yes"], ["today"]]);
}

#[test]
fn several_events_can_share_a_source_span() {
    let text = "Ana said yes and said no";
    let ann = "T1\tSource 0 3\tAna\nT2\tCue 4 8\tsaid\nT3\tContent 9 12\tyes\nT4\tAttribution 4 8\tsaid\n\
               E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n\
               T5\tCue 17 21\tsaid\nT6\tContent 22 24\tno\nT7\tAttribution 17 21\tsaid\n\
               E2\tAttribution:T7 Source:T1 Cue:T5 Content:T6\n";
    let document = brat::read(text, ann).unwrap();
    assert_eq!(
        document.attributions[0].source,
        document.attributions[1].source
    );
}

#[test]
fn a_text_field_may_run_over_several_lines() {
    let text = "The memo said:\n\nprices rise\nsoon.";
    let ann = "T1\tContent 16 33\tprices rise\nsoon.\nT2\tCue 9 13\tsaid\nT3\tAttribution 9 13\tsaid\n\
               E1\tAttribution:T3 Cue:T2 Content:T1\n\n";
    let document = brat::read(text, ann).unwrap();
    assert_eq!(
        texts(text, &document.attributions[0].content),
        ["prices rise\nsoon."]
    );
    // A blank line inside the span's text, and line breaks written as spaces.
    let ann = "T1\tContent 13 27\t:\n\nprices rise\n";
    brat::read(text, ann).unwrap();
    let ann = "T1\tContent 13 27\t:  prices rise\n";
    brat::read(text, ann).unwrap();
}

#[test]
fn crlf_line_ends_are_accepted() {
    let text = "Ana said yes";
    let ann = "T1\tSource 0 3\tAna\r\nT2\tCue 4 8\tsaid\r\nE1\tAttribution:T2 Source:T1 Cue:T2\r\n";
    let document = brat::read(text, ann).unwrap();
    assert_eq!(texts(text, &document.attributions[0].source), ["Ana"]);
}

#[test]
fn malformed_files_are_rejected_naming_the_line() {
    let text = "Ana said yes";
    assert_eq!(
        parse_error(text, "T1\tSource 0 3\tAna\nT2\tCue 4 80\tsaid\n"),
        "brat: line 2: fragment 4 80 of T2 lies past the end of the text"
    );
    assert_eq!(
        parse_error(text, "T1\tSource 0 3\tAnn\n"),
        "brat: line 1: text of T1 does not match the text at its offsets"
    );
    assert_eq!(
        parse_error(text, "T1\tSource 0 x\tAna\n"),
        "brat: line 1: invalid fragment \"0 x\" in span Source"
    );
    assert_eq!(
        parse_error(text, "T1\tSource 3 0\tAna\n"),
        "brat: line 1: fragment 3 0 of span Source ends before it starts"
    );
    assert_eq!(
        parse_error(text, "T1\tSource 0 3\tAna\nE1\tAttribution:T1 Cue:T9\n"),
        "brat: line 2: event E1 refers to unknown span T9"
    );
    assert_eq!(
        parse_error(text, "T1\tSource 0 3\tAna\nT1\tCue 4 8\tsaid\n"),
        "brat: line 2, column 1: annotation T1 is defined twice"
    );
    assert_eq!(
        parse_error(text, "this is not brat\n"),
        "brat: line 1, column 1: expected an annotation id and a tab, found \"this is not brat\""
    );
    assert_eq!(
        parse_error(
            text,
            "T1\tSource 0 3\tAna\nE1\tAttribution:T1 Source:T1 Source:T1\n"
        ),
        "brat: line 2: event E1 has two Source arguments"
    );
    assert_eq!(
        parse_error(text, "T1\tSource\tAna\n"),
        "brat: line 1: span \"Source\" has no offsets"
    );
}

#[test]
fn offsets_inside_a_text_with_wide_characters_are_checked_in_characters() {
    // Three characters, nine bytes: offset 3 is the end, offset 4 is past it.
    let text = "日本語";
    brat::read(text, "T1\tCue 1 3\t本語\n").unwrap();
    assert!(brat::read(text, "T1\tCue 1 4\t本語\n").is_err());
}

// ----- import ----------------------------------------------------------------

fn meta() -> BratMeta {
    BratMeta {
        key: Some("harbour-2021-04-01".to_owned()),
        title: Some("Pier to reopen".to_owned()),
        publisher: Some("The Harbour Gazette".to_owned()),
        date: Some(time::macros::date!(2021 - 04 - 01)),
    }
}

#[test]
fn import_adds_a_document_and_one_report_per_attribution() {
    let mut graph = Graph::new();
    let document = brat::import(&mut graph, TEXT, ANN, &meta()).unwrap();
    let doc = graph.document(document).unwrap();
    assert_eq!(doc.text.as_deref(), Some(TEXT));
    assert_eq!(doc.key.as_deref(), Some("harbour-2021-04-01"));
    assert_eq!(doc.title.as_deref(), Some("Pier to reopen"));
    assert_eq!(doc.date, Some(time::macros::date!(2021 - 04 - 01)));
    let publisher = graph.source(doc.publisher.unwrap()).unwrap();
    assert_eq!(
        (publisher.kind, publisher.name.as_str()),
        (SourceKind::Publisher, "The Harbour Gazette")
    );

    let reports = graph.reports_in(document);
    assert_eq!(reports.len(), 3);
    let first = graph.report(reports[0]).unwrap();
    let speaker = graph.source(first.sources[0]).unwrap();
    assert_eq!(speaker.name, "Zoë Okafor, the harbour master");
    assert_eq!(
        speaker.mentions[0].span.unwrap().text(TEXT),
        Some("Zoë Okafor, the harbour master")
    );
    assert_eq!(first.cue.as_deref(), Some("said"));
    let claim = graph.claim(first.claim.unwrap()).unwrap();
    assert_eq!(claim.content, "the pier “will reopen in May.”");

    let second = graph.report(reports[1]).unwrap();
    let claim = graph.claim(second.claim.unwrap()).unwrap();
    assert_eq!(
        claim.content,
        "“Repairs are ahead of schedule,” “and under budget.”"
    );
    assert_eq!(second.evidence.as_ref().unwrap().content.len(), 2);

    let third = graph.report(reports[2]).unwrap();
    assert!(third.sources.is_empty(), "no source span, no source");
    assert!(!third.is_unattributed(), "still an attributed report");
}

#[test]
fn import_shares_sources_by_span_and_publishers_by_name() {
    let text = "Ana said yes and said no";
    let ann = "T1\tSource 0 3\tAna\nT2\tCue 4 8\tsaid\nT3\tContent 9 12\tyes\nT4\tAttribution 4 8\tsaid\n\
               E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n\
               T5\tCue 17 21\tsaid\nT6\tContent 22 24\tno\nT7\tAttribution 17 21\tsaid\n\
               E2\tAttribution:T7 Source:T1 Cue:T5 Content:T6\n";
    let mut graph = Graph::new();
    let meta = BratMeta {
        publisher: Some("Daily".to_owned()),
        ..BratMeta::default()
    };
    let first = brat::import(&mut graph, text, ann, &meta).unwrap();
    let reports = graph.reports_in(first);
    assert_eq!(
        graph.report(reports[0]).unwrap().sources,
        graph.report(reports[1]).unwrap().sources
    );
    let second = brat::import(&mut graph, text, ann, &meta).unwrap();
    // One publisher and one "Ana" per document.
    assert_eq!(graph.n_sources(), 3);
    assert_eq!(
        graph.document(first).unwrap().publisher,
        graph.document(second).unwrap().publisher
    );
}

#[test]
fn a_failed_import_leaves_the_graph_unchanged() {
    let mut graph = Graph::new();
    brat::import(&mut graph, TEXT, ANN, &meta()).unwrap();
    let before = graph.clone();
    let error = brat::import(&mut graph, TEXT, ANN, &meta()).unwrap_err();
    assert!(
        matches!(
            error,
            Error::DuplicateKey {
                kind: "document",
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(graph, before);
    assert!(brat::import(&mut graph, TEXT, "T1\tCue 0 999\tx\n", &BratMeta::default()).is_err());
    assert_eq!(graph, before);
    // Spans read against a longer text do not fit this one.
    let foreign = brat::read(
        &"x".repeat(500),
        "T1\tCue 390 400\txxxxxxxxxx\nE1\tAttribution:T1 Cue:T1\n",
    )
    .unwrap();
    let error =
        brat::import_document(&mut graph, TEXT, &foreign, &BratMeta::default()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid span (past the end of the text or inside a character) \"390..400\""
    );
    assert_eq!(graph, before);
}

// ----- write -----------------------------------------------------------------

#[test]
fn writes_polnear_style_standoff_with_character_offsets() {
    let mut graph = Graph::new();
    let document = brat::import(&mut graph, TEXT, ANN, &meta()).unwrap();
    let written = brat::to_string(&graph, document).unwrap();
    let expected = "\
T1\tSource 0 30\tZoë Okafor, the harbour master
T2\tCue 32 36\tsaid
T3\tContent 37 67\tthe pier “will reopen in May.”
T4\tAttribution 32 36\tsaid
E1\tAttribution:T4 Cue:T2 Source:T1 Content:T3
T5\tSource 101 104\tshe
T6\tCue 105 109\ttold
T7\tContent 68 100;121 140\t“Repairs are ahead of schedule,” “and under budget.”
T8\tAttribution 105 109\ttold
E2\tAttribution:T8 Cue:T6 Source:T5 Content:T7
T9\tCue 141 161\tIt was reported that
T10\tContent 162 178\tfees would rise.
T11\tAttribution-no-source 141 161\tIt was reported that
E3\tAttribution-no-source:T11 Cue:T9 Content:T10
";
    assert_eq!(written, expected);
}

#[test]
fn writing_shares_spans_and_puts_line_breaks_on_one_line() {
    let text = "Ana said:\nyes\nand said no";
    let ann = "T1\tSource 0 3\tAna\nT2\tCue 4 8\tsaid\nT3\tContent 10 13\tyes\nT4\tAttribution 4 8\tsaid\n\
               E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n\
               T5\tCue 18 22\tsaid\nT6\tContent 9 14;23 25\t\nyes\n no\nT7\tAttribution 18 22\tsaid\n\
               E2\tAttribution:T7 Source:T1 Cue:T5 Content:T6\n";
    let mut graph = Graph::new();
    let document = brat::import(&mut graph, text, ann, &BratMeta::default()).unwrap();
    let written = brat::to_string(&graph, document).unwrap();
    assert_eq!(written.matches("\tSource ").count(), 1, "{written}");
    assert!(
        written.contains("T6\tContent 9 14;23 25\t yes  no\n"),
        "{written}"
    );
    assert!(
        written.contains("E2\tAttribution:T7 Cue:T5 Source:T1 Content:T6\n"),
        "{written}"
    );
    brat::read(text, &written).unwrap();
}

#[test]
fn only_outermost_reports_are_written() {
    let text = "Ana said Ben said rain";
    let mut graph = Graph::new();
    let document = graph.add_document(Document::new().with_text(text)).unwrap();
    let ana = graph.add_source(Source::person("Ana")).unwrap();
    let ben = graph.add_source(Source::person("Ben")).unwrap();
    let claim = graph.add_claim(according::Claim::new("rain")).unwrap();
    let span = |start, end| Span::new(start, end).unwrap();
    let inner = graph
        .add_report(Report::by(ben, claim).in_document(document).with_evidence(
            according::Evidence {
                source: vec![span(9, 12)],
                cue: vec![span(13, 17)],
                content: vec![span(18, 22)],
            },
        ))
        .unwrap();
    graph
        .add_report(
            Report::by(ana, claim)
                .in_document(document)
                .relaying(inner)
                .with_evidence(according::Evidence {
                    source: vec![span(0, 3)],
                    cue: vec![span(4, 8)],
                    content: vec![span(9, 22)],
                }),
        )
        .unwrap();
    // A statement in the document's own voice is not an attribution.
    graph
        .add_report(
            Report::unattributed(document, claim).with_evidence(according::Evidence {
                content: vec![span(18, 22)],
                ..according::Evidence::default()
            }),
        )
        .unwrap();
    let written = brat::to_string(&graph, document).unwrap();
    let read = brat::read(text, &written).unwrap();
    assert_eq!(read.attributions.len(), 1, "{written}");
    assert_eq!(texts(text, &read.attributions[0].source), ["Ana"]);
    assert_eq!(
        texts(text, &read.attributions[0].content),
        ["Ben said rain"]
    );
}

#[test]
fn writing_an_unknown_document_or_one_without_text_fails() {
    let mut graph = Graph::new();
    let document = graph.add_document(Document::new()).unwrap();
    assert_eq!(brat::to_string(&graph, document).unwrap(), "");
    let claim = graph.add_claim(according::Claim::new("x")).unwrap();
    graph
        .add_report(
            Report::anonymous(claim)
                .in_document(document)
                .with_evidence(according::Evidence {
                    cue: vec![Span::new(0, 1).unwrap()],
                    ..according::Evidence::default()
                }),
        )
        .unwrap();
    assert!(matches!(
        brat::to_string(&graph, document),
        Err(Error::InvalidSpan { .. })
    ));
    let unknown = according::DocumentId::from_index(7).unwrap();
    assert!(matches!(
        brat::to_string(&graph, unknown),
        Err(Error::UnknownDocument(_))
    ));
}

#[track_caller]
fn evidence_of(graph: &Graph, document: according::DocumentId) -> Vec<according::Evidence> {
    graph
        .reports_in(document)
        .iter()
        .map(|&id| {
            graph
                .report(id)
                .unwrap()
                .evidence
                .as_deref()
                .cloned()
                .unwrap()
        })
        .collect()
}

#[test]
fn brat_graph_brat_graph_round_trip_keeps_the_spans() {
    let mut graph = Graph::new();
    let first = brat::import(&mut graph, TEXT, ANN, &BratMeta::default()).unwrap();
    let written = brat::to_string(&graph, first).unwrap();
    let mut again = Graph::new();
    let second = brat::import(&mut again, TEXT, &written, &BratMeta::default()).unwrap();
    assert_eq!(evidence_of(&graph, first), evidence_of(&again, second));
    assert_eq!(brat::to_string(&again, second).unwrap(), written);
}

#[test]
fn brat_attributions_round_trip_through_a_graph() {
    let original = brat::read(TEXT, ANN).unwrap();
    let mut graph = Graph::new();
    let document =
        brat::import_document(&mut graph, TEXT, &original, &BratMeta::default()).unwrap();
    let written = brat::read(TEXT, &brat::to_string(&graph, document).unwrap()).unwrap();
    assert_eq!(written.attributions, original.attributions);
    assert!(
        written
            .attributions
            .iter()
            .all(|a: &BratAttribution| !a.is_empty())
    );
}

// ----- corpus directories ----------------------------------------------------

struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let path =
            std::env::temp_dir().join(format!("according-brat-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn write_file(path: PathBuf, contents: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}

#[test]
fn reads_a_corpus_directory_with_the_first_annotator_and_metadata() {
    let root = TempDir::new("corpus");
    let split = root.0.join("dev");
    let text = "Ana said yes";
    write_file(split.join("text/city_2020_ana.txt"), text);
    write_file(
        split.join("attributions/city_2020_ana_b2.ann"),
        "T1\tSource 0 3\tAna\nE1\tAttribution:T1 Source:T1\n",
    );
    write_file(
        split.join("attributions/city_2020_ana_a7.ann"),
        "T1\tCue 4 8\tsaid\nE1\tAttribution:T1 Cue:T1\n",
    );
    write_file(split.join("text/city_2020_rain.txt"), "It rained.");
    write_file(split.join("attributions/city_2020_rain_b2.ann"), "");
    write_file(
        root.0.join("metadata.tsv"),
        "compartment\tfilename\tannotators\tpublisher\tpublication_date\ttitle\n\
         dev\tcity_2020_ana\ta7|b2\tCity Paper\t2020-02-03\tAna speaks\n",
    );

    let articles = read_corpus_dir(&split).unwrap();
    assert_eq!(articles.len(), 2);
    let ana = &articles[0];
    assert_eq!(ana.name, "city_2020_ana");
    assert_eq!(ana.text, text);
    assert_eq!(ana.annotators, ["a7", "b2"]);
    assert_eq!(texts(text, &ana.annotation.attributions[0].cue), ["said"]);
    let other = ana.read_annotator("b2").unwrap();
    assert_eq!(texts(text, &other.attributions[0].source), ["Ana"]);
    assert_eq!(ana.meta.publisher.as_deref(), Some("City Paper"));
    assert_eq!(ana.meta.date, Some(time::macros::date!(2020 - 02 - 03)));
    assert_eq!(ana.meta.key.as_deref(), Some("city_2020_ana"));
    let rain = &articles[1];
    assert!(rain.annotation.attributions.is_empty());
    assert_eq!(rain.meta.publisher, None);
}

#[test]
fn corpus_errors_name_the_file() {
    let root = TempDir::new("errors");
    let split = root.0.join("train");
    assert!(matches!(read_corpus_dir(&split), Err(Error::Io { .. })));

    write_file(split.join("text/a.txt"), "Ana said yes");
    std::fs::create_dir_all(split.join("attributions")).unwrap();
    let error = read_corpus_dir(&split).unwrap_err();
    assert!(matches!(error, Error::Io { .. }), "{error:?}");
    assert!(error.to_string().contains("a_*.ann"), "{error}");

    write_file(split.join("attributions/a_x1.ann"), "T1\tCue 4 99\tsaid\n");
    let error = read_corpus_dir(&split).unwrap_err();
    assert!(
        error.to_string().contains("a_x1.ann: fragment 4 99 of T1"),
        "{error}"
    );
}

#[test]
fn an_empty_corpus_directory_has_no_articles() {
    let root = TempDir::new("empty");
    std::fs::create_dir_all(root.0.join("text")).unwrap();
    std::fs::create_dir_all(root.0.join("attributions")).unwrap();
    assert!(read_corpus_dir(&root.0).unwrap().is_empty());
}

// ----- properties ------------------------------------------------------------

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Texts mixing one-, two-, three- and four-byte characters and line
    /// breaks, so that character and byte offsets disagree.
    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop::sample::select(vec!['a', 'b', ' ', '\n', 'é', '“', '”', '語', '😀', ',']),
            1..60,
        )
        .prop_map(|chars| chars.into_iter().collect())
    }

    /// Byte spans on character boundaries of `text`, drawn from character
    /// positions.
    fn fragments(text: &str, picks: &[(usize, usize)]) -> Vec<Span> {
        let boundaries: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let mut spans: Vec<Span> = picks
            .iter()
            .map(|&(a, b)| {
                let (a, b) = (a % boundaries.len(), b % boundaries.len());
                Span::new(boundaries[a.min(b)], boundaries[a.max(b)]).unwrap()
            })
            .filter(|span| !span.is_empty())
            .collect();
        spans.sort_unstable();
        spans.dedup();
        spans
    }

    proptest! {
        #[test]
        fn written_reports_read_back_with_the_same_spans(
            text in text(),
            picks in proptest::collection::vec(
                (proptest::collection::vec((0usize..100, 0usize..100), 0..3),
                 proptest::collection::vec((0usize..100, 0usize..100), 0..3),
                 proptest::collection::vec((0usize..100, 0usize..100), 0..3)),
                0..6),
        ) {
            let mut graph = Graph::new();
            let document = graph.add_document(Document::new().with_text(text.clone())).unwrap();
            let mut expected = Vec::new();
            for (source, cue, content) in &picks {
                let evidence = according::Evidence {
                    source: fragments(&text, source),
                    cue: fragments(&text, cue),
                    content: fragments(&text, content),
                };
                if evidence.is_empty() {
                    continue;
                }
                let claim = graph.add_claim(according::Claim::new("c")).unwrap();
                graph.add_report(Report::anonymous(claim).in_document(document).with_evidence(evidence.clone())).unwrap();
                expected.push(evidence);
            }
            let written = brat::to_string(&graph, document).unwrap();
            let read = brat::read(&text, &written).unwrap();
            let mut got: Vec<(Vec<Span>, Vec<Span>, Vec<Span>)> = read
                .attributions
                .into_iter()
                .map(|a| (a.source, a.cue, a.content))
                .collect();
            let mut expected: Vec<(Vec<Span>, Vec<Span>, Vec<Span>)> =
                expected.into_iter().map(|e| (e.source, e.cue, e.content)).collect();
            got.sort();
            expected.sort();
            prop_assert_eq!(got, expected);
        }

        #[test]
        fn reading_arbitrary_lines_never_panics(
            text in text(),
            lines in proptest::collection::vec(
                prop::sample::select(vec![
                    "T1\tCue 0 1\ta", "T2\tSource 0 3;1 2\tx", "T3\tContent 2 1\t", "E1\tAttribution:T1 Cue:T2",
                    "E2\tAttribution:T9", "A1\tX E1", "#1\tnote", "", "garbage", "T4\tCue 99999999999999999999 1\t",
                    "E3\t", "T5\tCue", "T6\tCue 1 1\t", "E4\tAttribution:T6 Content2:T6 Content2:T6",
                ]),
                0..8),
        ) {
            let ann = lines.join("\n");
            let _ = brat::read(&text, &ann);
        }
    }
}
