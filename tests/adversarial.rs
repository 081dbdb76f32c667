//! Hostile input: shapes and bytes chosen to break a reader or a query.
//! Each case either gives the documented result or a typed error naming the
//! problem; none panics, overflows the stack, allocates without bound or
//! runs superlinearly. The million-report cases run on the default test
//! thread (2 MiB of stack), so any recursion over the input would overflow.
mod common;

use std::time::{Duration, Instant};

use according::extract::{Article, ExtractOptions, Extractor};
use according::format::brat::{self, BratMeta};
use according::format::limits::{Limits, MAX_JSON_NESTING};
use according::format::{edges, json, prov_json};
use according::{
    Claim, Depth, Document, Error, Graph, RelayKind, Report, ReportId, Source, SourceId, synth,
};

fn report(index: usize) -> ReportId {
    ReportId::from_index(index).unwrap()
}

#[track_caller]
fn parse_error(result: Result<Graph, Error>) -> (usize, usize, String) {
    match result {
        Err(Error::Parse {
            format,
            line,
            column,
            message,
        }) => {
            assert_eq!(format, "json");
            (line, column, message)
        }
        other => panic!("expected a json parse error, got {other:?}"),
    }
}

// ----- extreme shapes, through every query and format -----------------------

#[test]
fn million_deep_chain_through_json_and_every_query() {
    const N: usize = 1_000_000;
    let mut graph = synth::chain(N);
    let document = graph.add_document(Document::new()).unwrap();
    let top = report(N - 1);
    let bottom = report(0);

    let text = json::to_string(&graph);
    let back = json::read(text.as_bytes()).unwrap();
    assert!(back == graph, "the chain changed in a json round trip");
    drop(back);

    let deepest = Depth {
        shortest: N as u32,
        longest: N as u32,
    };
    assert_eq!(graph.depth(top).unwrap(), Some(deepest));
    assert_eq!(graph.depths().get(top), Some(deepest));
    let analysis = graph.analyze();
    assert_eq!(analysis.depth(top), Some(deepest));
    assert_eq!(analysis.n_components(), N);
    assert_eq!(graph.primary_reports(top).unwrap(), [bottom]);
    assert_eq!(graph.primary_sources(top).unwrap().len(), 1);
    assert_eq!(graph.relayed_by(bottom), [report(1)]);
    assert_eq!(graph.relay_graph().relayed_by(bottom).len(), 1);
    assert!(graph.cycles().is_empty());

    // Only the first chain, under a limit: the only one there is.
    let mut chains = graph.chains(top, 1).unwrap();
    assert_eq!(chains.next().unwrap().unwrap().len(), N);
    assert!(chains.next().is_none());
    assert!(!chains.truncated());

    let claim = graph.report(top).unwrap().claim.unwrap();
    let speaker = graph.report(top).unwrap().sources[0];
    // One speaker says everything: one line of evidence.
    assert_eq!(graph.corroboration(claim).unwrap().independent, 1);
    assert_eq!(graph.primary_sources_of_claim(claim).unwrap(), [speaker]);
    assert_eq!(graph.first_report(claim).unwrap(), None);
    assert_eq!(graph.said_directly(speaker), [top]);
    assert_eq!(graph.relayed_as_intermediary(speaker).len(), N - 1);
    assert_eq!(graph.attributed_through_others(speaker).len(), N - 1);
    assert_eq!(graph.profile(document).unwrap().n_statements, 0);
}

#[test]
fn hundred_thousand_way_fan_in_and_fan_out() {
    const N: usize = 100_000;
    let mut graph = synth::fan_in(N);
    let primary = report(0);
    // One report relaying all N relayers: N chains, enumerated under a limit.
    let claim = graph.report(primary).unwrap().claim.unwrap();
    let editor = graph.add_source(Source::person("editor")).unwrap();
    let roundup = graph.add_report(Report::by(editor, claim)).unwrap();
    for k in 1..=N {
        graph
            .add_relay(roundup, report(k), RelayKind::Derivation)
            .unwrap();
    }
    let back = json::read(json::to_string(&graph).as_bytes()).unwrap();
    assert!(back == graph);

    assert_eq!(graph.relayed_by(primary).len(), N);
    assert_eq!(
        graph.depth(roundup).unwrap(),
        Some(Depth {
            shortest: 3,
            longest: 3
        })
    );
    let mut chains = graph.chains(roundup, 1000).unwrap();
    let found: Vec<_> = chains.by_ref().collect();
    assert_eq!(found.len(), 1001, "1000 chains, then the limit error");
    assert!(found[..1000].iter().all(|c| c.as_ref().unwrap().len() == 3));
    assert!(matches!(
        found[1000],
        Err(Error::LimitExceeded {
            what: "number of chains",
            limit: 1000
        })
    ));
    assert!(chains.truncated());
    // Everything rests on the origin: one line of evidence.
    assert_eq!(graph.corroboration(claim).unwrap().independent, 1);
}

#[test]
fn one_big_cycle_through_json_and_every_query() {
    const N: usize = 200_000;
    let mut graph = synth::chain(N);
    graph
        .add_relay(report(0), report(N - 1), RelayKind::Quotation)
        .unwrap();
    let back = json::read(json::to_string(&graph).as_bytes()).unwrap();
    assert!(back == graph);
    for probe in [report(0), report(N / 2), report(N - 1)] {
        assert_eq!(graph.depth(probe).unwrap(), None);
        assert_eq!(graph.primary_reports(probe).unwrap(), []);
        assert_eq!(graph.chains(probe, 10).unwrap().count(), 0);
    }
    let analysis = graph.analyze();
    assert_eq!(analysis.n_components(), 1);
    assert_eq!(analysis.cycles().len(), 1);
    assert_eq!(graph.cycles()[0].reports.len(), N);
    assert_eq!(graph.depths().get(report(7)), None);
    let claim = graph.report(report(0)).unwrap().claim.unwrap();
    assert_eq!(graph.corroboration(claim).unwrap().independent, 0);
}

#[test]
fn tangle_of_cycles_keeps_chain_enumeration_bounded() {
    // A ladder of two-report cycles: exponentially many simple paths that
    // all dead-end in a closed loop at the bottom, plus one primary report
    // reachable only from the top. The step limit stops the search.
    const RUNGS: usize = 60;
    let mut graph = Graph::new();
    let speaker = graph.add_source(Source::person("a")).unwrap();
    let claim = graph.add_claim(Claim::new("x")).unwrap();
    let ids: Vec<ReportId> = (0..2 * RUNGS)
        .map(|_| graph.add_report(Report::by(speaker, claim)).unwrap())
        .collect();
    for rung in 0..RUNGS - 1 {
        for from in [ids[2 * rung], ids[2 * rung + 1]] {
            for to in [ids[2 * rung + 2], ids[2 * rung + 3]] {
                graph.add_relay(from, to, RelayKind::Derivation).unwrap();
            }
        }
        graph
            .add_relay(ids[2 * rung + 2], ids[2 * rung], RelayKind::Derivation)
            .unwrap();
    }
    // The bottom rung relays upwards only: no primary report below.
    let last = 2 * RUNGS - 1;
    graph
        .add_relay(ids[last], ids[last - 1], RelayKind::Derivation)
        .unwrap();
    let primary = graph.add_report(Report::by(speaker, claim)).unwrap();
    graph
        .add_relay(ids[0], primary, RelayKind::Derivation)
        .unwrap();
    let mut chains = graph.chains(ids[1], 100).unwrap().with_step_limit(100_000);
    let found: Vec<_> = chains.by_ref().collect();
    assert!(!found.is_empty() && found.len() <= 101);
    assert!(
        found
            .iter()
            .filter_map(|c| c.as_ref().ok())
            .all(|c| c.primary() == Some(primary))
    );
    // Nothing relays ids[1], so it is a component of its own above the one
    // big loop of the ladder, which relays the primary report: depth 3.
    assert_eq!(
        graph.depth(ids[1]).unwrap(),
        Some(Depth {
            shortest: 3,
            longest: 3
        })
    );
}

// ----- invalid graphs, built and loaded ------------------------------------

#[test]
fn self_relays_are_rejected_and_named() {
    let mut graph = synth::chain(3);
    let err = graph
        .add_relay(report(1), report(1), RelayKind::Quotation)
        .unwrap_err();
    assert!(matches!(err, Error::SelfRelay(r) if r == report(1)));
    assert_eq!(graph.n_relays(), 2, "a rejected relay is not stored");

    let file = br#"{"according":1,"sources":{"s0":{"name":"a","kind":"person"}},"claims":{"c0":{"content":"x"}},
        "reports":{"r0":{"sources":["s0"],"claim":"c0","relays":[{"to":"r0","kind":"derivation"}]}}}"#;
    let (_, _, message) = parse_error(json::read(file));
    assert_eq!(message, "report r0: report r0 cannot relay itself");
}

#[test]
fn duplicate_and_dangling_ids_are_named() {
    let head = r#"{"according":1,"sources":{"s0":{"name":"a","kind":"person"}},"claims":{"c0":{"content":"x"}},"reports":"#;
    let cases = [
        (
            r#"{"r0":{"claim":"c0"},"r0":{"claim":"c0"}}}"#,
            "duplicate report id r0",
        ),
        (
            r#"{"r0":{"claim":"c0"},"r2":{"claim":"c0"}}}"#,
            "missing report id r1 (ids must run from 0 without gaps)",
        ),
        (r#"{"r0":{"claim":"c7"}}}"#, "report r0: unknown claim c7"),
        (
            r#"{"r0":{"sources":["s4"],"claim":"c0"}}}"#,
            "report r0: unknown source s4",
        ),
        (
            r#"{"r0":{"claim":"c0","relays":[{"to":"r9","kind":"quotation"}]}}}"#,
            "report r0: unknown report r9",
        ),
        (
            r#"{"r4294967296":{"claim":"c0"}}}"#,
            "invalid report id \"r4294967296\"",
        ),
    ];
    for (reports, expected) in cases {
        let file = format!("{head}{reports}");
        let (_, _, message) = parse_error(json::read(file.as_bytes()));
        assert!(
            message.contains(expected),
            "{reports}: {message:?} does not say {expected:?}"
        );
    }

    // Merges that point at each other would make id resolution loop.
    let file = br#"{"according":1,"sources":{"s2":{"name":"c","kind":"person"}},"merged_sources":{
        "s0":{"into":"s1","record":{"name":"a","kind":"person"}},
        "s1":{"into":"s0","record":{"name":"b","kind":"person"}}}}"#;
    assert!(json::read(file).unwrap_err().is_parse());

    // brat: an id defined twice, an event naming a missing span.
    let text = "The mayor said so.";
    let twice = "T1\tSource 0 9\tThe mayor\nT1\tCue 10 14\tsaid\n";
    let err = brat::read(text, twice).unwrap_err();
    assert_eq!(
        err.to_string(),
        "brat: line 2, column 1: annotation T1 is defined twice"
    );
    let dangling = "T1\tCue 10 14\tsaid\nE1\tAttribution:T1 Source:T7\n";
    let err = brat::read(text, dangling).unwrap_err();
    assert!(err.is_parse() && err.to_string().contains("T7"), "{err}");
}

#[test]
fn numbers_where_strings_belong() {
    // Each case with the token that is wrong: the error points at its end.
    let cases = [
        (r#"{"according":1,"sources":{"s0":{"name":5}}}"#, "5"),
        (
            r#"{"according":1,"sources":{"s0":{"name":"a","kind":3}}}"#,
            "3",
        ),
        (
            r#"{"according":1,"claims":{"c0":{"content":"x"}},"reports":{"r0":{"claim":0}}}"#,
            ":0",
        ),
        (r#"{"according":"1"}"#, r#""1""#),
        (
            r#"{"according":1,"documents":{"d0":{"date":20240101}}}"#,
            "20240101",
        ),
    ];
    for (case, token) in cases {
        let (line, column, message) = parse_error(json::read(case.as_bytes()));
        let token_end = case.find(token).unwrap() + token.len();
        assert_eq!((line, column), (1, token_end), "{case}: {message}");
    }
}

#[test]
fn nesting_beyond_the_parser_limit_is_an_error_not_an_overflow() {
    for depth in [MAX_JSON_NESTING + 1, 100_000] {
        let open = "[".repeat(depth);
        let close = "]".repeat(depth);
        // Where the format expects a string, the first bracket is wrong.
        let nested = format!(r#"{{"according":1,"sources":{{"s0":{{"name":{open}1{close}}}}}}}"#);
        let (line, column, message) = parse_error(json::read(nested.as_bytes()));
        assert_eq!((line, column), (1, 39), "{message}");
        // In an unknown field, skipped while looking for the schema version
        // (where the parser's own limit applies): still a positioned error.
        let unknown = format!(r#"{{"according":1,"x":{open}{close}}}"#);
        let (_, _, message) = parse_error(json::read(unknown.as_bytes()));
        assert!(message.starts_with("unknown field `x`"), "{message}");
        let other_version = format!(r#"{{"according":2,"x":{open}{close}}}"#);
        let err = json::read(other_version.as_bytes()).unwrap_err();
        if depth > MAX_JSON_NESTING {
            assert!(err.is_parse(), "{err:?}");
        }
    }
    // Nesting at the top level is not even an object.
    let arrays = "[".repeat(1_000_000);
    let (line, column, _) = parse_error(json::read(arrays.as_bytes()));
    assert_eq!((line, column), (1, 1));
}

#[test]
fn input_size_limits_are_enforced_not_truncated() {
    let graph = synth::chain(50);
    let text = json::to_string(&graph);
    let exact = Limits::new().max_input_bytes(text.len());
    assert!(json::read_with(text.as_bytes(), &exact).unwrap() == graph);
    let under = Limits::new().max_input_bytes(text.len() - 1);
    let err = json::read_with(text.as_bytes(), &under).unwrap_err();
    assert!(err.is_limit());
    assert_eq!(
        err.to_string(),
        format!("input in bytes exceeds the limit of {}", text.len() - 1)
    );

    let article = "The mayor said so.";
    let ann = "T1\tCue 10 14\tsaid\n";
    let tight = Limits::new().max_input_bytes(article.len() - 1);
    assert!(
        brat::read_with(article, ann, &tight)
            .unwrap_err()
            .is_limit()
    );
    assert!(brat::read_with(article, ann, &Limits::new()).is_ok());
}

#[test]
fn every_truncation_of_a_file_is_a_positioned_parse_error() {
    let mut graph = synth::news_like(40, 7);
    graph
        .add_document(Document::new().with_text("é\r\n\u{202e}x\u{0301}"))
        .unwrap();
    let text = json::to_string_pretty(&graph);
    assert!(json::from_str(&text).unwrap() == graph);
    let bytes = text.as_bytes();
    for cut in 0..bytes.len() {
        match json::read(&bytes[..cut]) {
            Err(Error::Parse { line, column, .. }) => {
                // Column 0 is the start of an empty line.
                assert!(line >= 1, "cut at {cut}: no position ({column})");
            }
            other => panic!("cut at {cut}: {other:?}"),
        }
    }

    // A brat annotation cut anywhere either reads (fewer attributions) or
    // names the broken line.
    let article = "The mayor said the bridge would reopen.";
    let ann = "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 38\tthe bridge would reopen\nT4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Cue:T2 Source:T1 Content:T3\n";
    for cut in 0..ann.len() {
        match brat::read(article, &ann[..cut]) {
            Ok(read) => assert!(read.attributions.len() <= 1),
            Err(err) => assert!(err.is_parse(), "cut at {cut}: {err:?}"),
        }
    }
}

// ----- hostile text ----------------------------------------------------------

#[test]
fn escaped_lone_surrogates_and_nul_in_json() {
    let lone = br#"{"according":1,"claims":{"c0":{"content":"\ud800"}}}"#;
    let (line, column, message) = parse_error(json::read(lone));
    assert_eq!(line, 1);
    assert!(column > 40, "{column}");
    assert!(message.contains("escape"), "{message}");

    // NUL, right-to-left marks, combining characters and CRLF are text
    // like any other: they survive a round trip.
    let mut graph = Graph::new();
    let odd = "a\0b \u{202e}שלום\u{202c} e\u{0301}\u{0301} \r\n\u{feff}end";
    let speaker = graph.add_source(Source::person(odd)).unwrap();
    let claim = graph.add_claim(Claim::new(odd)).unwrap();
    let document = graph
        .add_document(Document::new().with_text(odd).with_key(odd))
        .unwrap();
    graph
        .add_report(
            Report::by(speaker, claim)
                .in_document(document)
                .with_cue(odd),
        )
        .unwrap();
    let text = json::to_string(&graph);
    assert!(text.contains(r"\u0000"));
    assert!(json::read(text.as_bytes()).unwrap() == graph);
    // An escaped surrogate pair is one character, and reads.
    let pair = br#"{"according":1,"claims":{"c0":{"content":"\ud83d\ude00"}}}"#;
    let graph = json::read(pair).unwrap();
    let claim = graph.claims().next().unwrap().1;
    assert_eq!(claim.content, "\u{1f600}");
}

#[test]
fn extraction_of_odd_text_keeps_spans_on_character_boundaries() {
    let texts = [
        "\0\0\0 said \0".to_owned(),
        "He said\r\n\"we are\r\nready\" and she said\r\nno.\r\n".to_owned(),
        "\u{202e}the mayor said\u{202c} \"e\u{0301}\u{0301}\u{0301}\" \u{05e9}\u{05dc}".to_owned(),
        "\u{0301}".repeat(10_000),
        "“".repeat(5_000) + &"”".repeat(5_000),
        "said ".repeat(20_000),
        "\"".repeat(100_000),
    ];
    let extractor = Extractor::new();
    for text in &texts {
        for attribution in extractor.attributions(text) {
            for span in attribution
                .source
                .iter()
                .chain(&attribution.cue)
                .chain(&attribution.content)
            {
                assert!(
                    span.text(text).is_some(),
                    "{span:?} outside {:?}",
                    &text[..20.min(text.len())]
                );
            }
        }
        let graph = extractor.extract(&Article::new(text)).unwrap();
        assert!(json::read(json::to_string(&graph).as_bytes()).unwrap() == graph);
    }
}

#[test]
fn an_article_of_only_quote_marks() {
    let extractor = Extractor::new();
    for mark in ["\"", "“", "”", "'", "‘", "«"] {
        let text = mark.repeat(200_000);
        let graph = extractor.extract(&Article::new(&text)).unwrap();
        // No speaker, no cue: nothing is attributed.
        assert_eq!(graph.n_sources(), 0, "{mark}");
        assert!(graph.reports().all(|(_, r)| r.sources.is_empty()), "{mark}");
    }
}

/// Text of `n_bytes` made of words and spaces, without a punctuation mark.
fn unpunctuated(n_bytes: usize) -> String {
    let words = [
        "officials",
        "said",
        "the",
        "bridge",
        "would",
        "reopen",
        "according",
        "to",
        "him",
    ];
    let mut text = String::with_capacity(n_bytes + 16);
    let mut i = 0;
    while text.len() < n_bytes {
        text.push_str(words[i % words.len()]);
        text.push(' ');
        i = i.wrapping_mul(31).wrapping_add(7) % 1009;
    }
    text.truncate(n_bytes);
    text
}

fn time_extraction(extractor: &Extractor, text: &str) -> (Duration, usize) {
    let start = Instant::now();
    let graph = extractor.extract(&Article::new(text)).unwrap();
    (start.elapsed(), graph.n_reports())
}

#[test]
fn huge_unpunctuated_article_is_limited_and_linear() {
    // Over the default limit of 64 MiB: rejected before any work.
    let extractor = Extractor::new();
    let huge = unpunctuated(100 << 20);
    let err = extractor.extract(&Article::new(&huge)).unwrap_err();
    assert!(matches!(
        err,
        Error::LimitExceeded {
            what: "article text in bytes",
            limit
        } if limit == 64 << 20
    ));
    let mut graph = Graph::new();
    assert!(
        extractor
            .extract_into(&mut graph, &Article::new(&huge))
            .is_err()
    );
    assert!(graph.is_empty(), "a rejected article adds nothing");
    assert!(extractor.try_attributions(&huge).unwrap_err().is_limit());
    drop(huge);

    // Under it: processed, in time linear in the size. Eight times the text
    // takes about eight times as long; quadratic work would take 64 times.
    let small = unpunctuated(2 << 20);
    let large = unpunctuated(16 << 20);
    let (small_time, small_reports) = (0..3)
        .map(|_| time_extraction(&extractor, &small))
        .min()
        .unwrap();
    let (large_time, large_reports) = time_extraction(&extractor, &large);
    assert!(large_reports >= small_reports);
    let ratio = large_time.as_secs_f64() / small_time.as_secs_f64().max(1e-3);
    assert!(
        ratio < 24.0,
        "8x the text took {ratio:.1}x the time ({small_time:?} -> {large_time:?})"
    );

    // A tighter configured limit applies the same way.
    let tight = Extractor::with_options(ExtractOptions::new().max_text_bytes(1 << 20));
    assert!(tight.extract(&Article::new(&small)).unwrap_err().is_limit());
}

#[test]
fn extract_into_a_graph_with_a_taken_key_changes_nothing() {
    let extractor = Extractor::new();
    let mut graph = Graph::new();
    let article = Article::new("The mayor said so.")
        .with_key("a1")
        .with_publisher("The Daily");
    extractor.extract_into(&mut graph, &article).unwrap();
    let before = graph.clone();
    let err = extractor.extract_into(&mut graph, &article).unwrap_err();
    assert!(matches!(
        err,
        Error::DuplicateKey {
            kind: "document",
            ..
        }
    ));
    assert!(graph == before, "a rejected article left a trace");
}

#[test]
fn extreme_dates_do_not_overflow() {
    let extractor = Extractor::new();
    let text =
        "Officials said Tuesday that the bridge reopened last month, in September, last week.";
    for date in [time::Date::MIN, time::Date::MAX] {
        let graph = extractor
            .extract(&Article::new(text).with_date(date))
            .unwrap();
        assert!(graph.n_reports() > 0);
        assert!(json::read(json::to_string(&graph).as_bytes()).unwrap() == graph);
    }
}

#[test]
fn brat_offsets_count_characters_in_odd_text() {
    let text = "e\u{0301}\r\n\u{202e}He said\0 \"x\".";
    let chars: Vec<char> = text.chars().collect();
    let start = chars.iter().position(|&c| c == 'H').unwrap();
    let ann = format!(
        "T1\tSource {start} {}\tHe\nT2\tCue {} {}\tsaid\nT3\tAttribution {} {}\tsaid\nE1\tAttribution:T3 Cue:T2 Source:T1\n",
        start + 2,
        start + 3,
        start + 7,
        start + 3,
        start + 7
    );
    let mut graph = Graph::new();
    let meta = BratMeta::default();
    let document = brat::import(&mut graph, text, &ann, &meta).unwrap();
    let reports = graph.reports_in(document);
    assert_eq!(reports.len(), 1);
    let source: SourceId = graph.report(reports[0]).unwrap().sources[0];
    assert_eq!(graph.source(source).unwrap().name, "He");
    // Past the end of the text, in characters.
    let past = format!("T1\tCue {} {}\tx\n", chars.len(), chars.len() + 1);
    assert!(brat::read(text, &past).unwrap_err().is_parse());
}

#[test]
fn report_times_at_the_extremes_of_the_calendar_round_trip_through_prov_json() {
    // Signed years are written as `-9999-01-01T00:00:00`; the reader once
    // took the first ten characters as the day and skipped the record.
    let mut graph = Graph::new();
    let speaker = graph.add_source(Source::person("a")).unwrap();
    let claim = graph.add_claim(Claim::new("x")).unwrap();
    for day in [time::Date::MIN, time::Date::MAX] {
        graph
            .add_report(Report::by(speaker, claim).with_time(day))
            .unwrap();
    }
    let text = prov_json::to_string(&graph);
    assert!(text.contains("-9999-01-01T00:00:00"), "{text}");
    let back = prov_json::read(text.as_bytes()).unwrap();
    assert_eq!(back.skipped, []);
    assert!(back.graph == graph);
}

// ----- the interchange formats ------------------------------------------------

#[test]
fn million_deep_chain_through_every_interchange_format() {
    const N: usize = 1_000_000;
    let graph = synth::chain(N);
    let top = report(N - 1);
    let deepest = Some(Depth {
        shortest: N as u32,
        longest: N as u32,
    });

    let prov = prov_json::to_string(&graph);
    let back = prov_json::read(prov.as_bytes()).unwrap();
    assert_eq!(back.skipped, []);
    assert!(
        back.graph == graph,
        "the chain changed in a prov-json round trip"
    );
    drop((prov, back));

    let mut tsv = Vec::new();
    edges::write(&graph, &mut tsv).unwrap();
    let relays = edges::read(&tsv).unwrap();
    assert_eq!(relays.n_reports(), N);
    assert_eq!(relays.n_relays(), N - 1);
    let top_again = relays.report_by_key(&top.to_string()).unwrap();
    assert_eq!(relays.depth(top_again).unwrap(), deepest);
    drop((tsv, relays));

    let picture = according::format::dot::PictureOptions::default();
    let mut out = Vec::new();
    according::format::dot::write(&graph, &mut out, &picture).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out).matches(" -> ").count(),
        // One edge per relay and one per attribution.
        2 * N - 1
    );
    out.clear();
    according::format::mermaid::write(&graph, &mut out, &picture).unwrap();
    assert!(!out.is_empty());
    out.clear();
    according::format::tree::write(&graph, &mut out).unwrap();
    assert!(!out.is_empty());
    assert!(according::format::prov_n::to_string(&graph).contains("wasDerivedFrom"));
}

#[test]
fn hostile_prov_json_and_edge_lists_give_typed_errors() {
    // Deep nesting in an attribute value: arrays of values are allowed,
    // arrays of arrays are not, so the second bracket is a positioned error.
    let deep = format!(
        r#"{{"entity":{{"r:1":{{"ex:note":{}1{}}}}}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    match prov_json::read(deep.as_bytes()).unwrap_err() {
        Error::Parse { line, column, .. } => assert_eq!((line, column), (1, 30)),
        other => panic!("{other:?}"),
    }
    // A lone surrogate, a truncated file, a number where an id belongs.
    for bad in [
        r#"{"entity":{"r:1":{"prov:label":"\udc00"}}}"#,
        r#"{"entity":{"r:1":{"prov:label":"x"}"#,
        r#"{"wasDerivedFrom":{"_:1":{"prov:generatedEntity":5,"prov:usedEntity":"r:2"}}}"#,
    ] {
        match prov_json::read(bad.as_bytes()) {
            Err(err) => assert!(err.is_parse(), "{bad}: {err:?}"),
            Ok(import) => assert!(!import.skipped.is_empty(), "{bad}: nothing reported"),
        }
    }
    // Self-derivations are reported as skipped, not dropped silently.
    let own =
        r#"{"wasDerivedFrom":{"_:1":{"prov:generatedEntity":"r:1","prov:usedEntity":"r:1"}}}"#;
    let import = prov_json::read(own.as_bytes()).unwrap();
    assert_eq!(import.graph.n_relays(), 0);
    assert_eq!(import.skipped.len(), 1);

    // Edge lists: invalid UTF-8, a missing column, self-citations listed.
    let invalid = b"report_id\tspeaker_id\tcited_report_id\nr:\xff\ta\t\n";
    assert!(edges::read(invalid).unwrap_err().is_parse());
    let selfish = b"report_id\tspeaker_id\tcited_report_id\nr:1\ta\tr:1\nr:1\ta\t\n";
    let import = edges::import(selfish).unwrap();
    assert_eq!(import.self_citations, [2]);
    assert_eq!(import.graph.n_relays(), 0);
    let limits = Limits::new().max_input_bytes(10);
    assert!(edges::import_with(selfish, &limits).unwrap_err().is_limit());
    assert!(
        prov_json::read_with(own.as_bytes(), &limits)
            .unwrap_err()
            .is_limit()
    );
}

#[test]
fn carriage_returns_inside_ids_and_spans_survive_or_are_named() {
    // An edge list with a carriage return inside an id: the writer cannot
    // write such an id back, so the reader names it.
    let tsv = b"report_id\tspeaker_id\tcited_report_id\r\na\tp\tb\r\nr\tq\ta\r\0\0\n";
    match edges::read(tsv) {
        Err(Error::Parse {
            line,
            column,
            message,
            ..
        }) => {
            assert_eq!(
                (line, column, message.as_str()),
                (3, 6, "carriage return inside an id")
            );
        }
        other => panic!("{other:?}"),
    }

    // brat: a span ending in a lone carriage return is written so that it
    // reads back (the writer once wrote it as a space, which the reader,
    // ignoring carriage returns, did not match).
    let text = "Line one\nhere\r said it.";
    let ann = "T1\tContent 0 14\tLine one here\nT2\tCue 15 19\tsaid\nT3\tAttribution 15 19\tsaid\nE1\tAttribution:T3 Cue:T2 Content:T1\n";
    let mut graph = Graph::new();
    let document = brat::import(&mut graph, text, ann, &BratMeta::default()).unwrap();
    let written = brat::to_string(&graph, document).unwrap();
    let again = brat::read(text, &written).unwrap();
    assert_eq!(again.attributions.len(), 1);
    assert_eq!(
        again.attributions[0].content,
        [according::Span::new(0, 14).unwrap()]
    );
}

#[test]
fn the_tree_listing_of_a_deep_chain_stays_linear() {
    // One level of indentation per hop made the listing of a chain n deep
    // take n^2 bytes (indentation now stops at 32 levels), and a scan of
    // the chain above each line took n^2 steps.
    const N: usize = 300_000;
    let mut graph = synth::chain(N);
    graph.add_document(Document::new()).unwrap();
    let mut out = Vec::new();
    according::format::tree::write(&graph, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.len() < 200 * N, "{} bytes for {N} reports", text.len());
    assert!(text.contains(&format!("[level {}] ", N - 1)));
}

#[test]
fn prov_json_merge_records_in_a_loop_are_an_error_not_a_hang() {
    // Agents merged into each other: resolving an id through them never
    // ended, since the loop was only checked after the reports were added.
    let file = include_bytes!("../fuzz/corpus/prov_json_load/regression-merge-loop.json");
    let err = prov_json::read(file).unwrap_err();
    assert!(err.is_parse(), "{err:?}");
    assert!(err.to_string().contains("points to no live"), "{err}");
}

/// An entity whose id is the empty string is read as a report keyed `""`
/// (nothing is lost); the edge list, which cannot hold an empty id, refuses
/// the graph with a typed error instead of writing a row it could not read
/// back.
#[test]
fn an_empty_prov_id_is_kept_and_the_edge_list_refuses_it() {
    use according::format::{edges, prov_json};
    let input = br#"{"entity": {"": {}, "r:1": {}},
        "wasDerivedFrom": {"_:d": {"prov:generatedEntity": "r:1", "prov:usedEntity": ""}}}"#;
    let import = prov_json::read(input).unwrap();
    let empty = import
        .graph
        .report_by_key("")
        .expect("the empty id is a key");
    let relayer = import.graph.report_by_key("r:1").unwrap();
    assert_eq!(import.graph.report(relayer).unwrap().relays[0].to, empty);
    let err = edges::write(&import.graph, &mut Vec::new()).unwrap_err();
    assert!(
        matches!(&err, according::Error::InvalidValue { what: "edge list id", value } if value.is_empty()),
        "{err}"
    );
}
