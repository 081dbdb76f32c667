//! Extraction on sentences written for the purpose: a table of sentences and
//! the outermost attributions a reader finds in them, then the graph details
//! (nesting, coreference, kinds, dates) and robustness on odd input.

use according::extract::{Article, Attribution, ExtractOptions, Extractor};
use according::{Attitude, Graph, Mode, SourceKind};
use proptest::prelude::*;
use time::macros::date;

/// Trims what the evaluation protocol trims: whitespace, `, . ; :` and
/// quotation marks at both ends, keeping a span made only of those (a lone
/// colon cue) as it is.
fn trim(s: &str) -> &str {
    let trimmed = trim_marks(s);
    if trimmed.is_empty() {
        s.trim()
    } else {
        trimmed
    }
}

fn trim_marks(s: &str) -> &str {
    s.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ',' | '.' | ';' | ':' | '"' | '\u{201C}' | '\u{201D}' | '\'' | '\u{2019}'
            )
    })
}

fn joined(text: &str, spans: &[according::Span]) -> String {
    spans
        .iter()
        .map(|s| trim(&text[s.range()]))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// An expected attribution: (source, cue, content), content parts joined by " | ".
type Expected = (&'static str, &'static str, &'static str);

/// (text, expected attributions).
const TABLE: &[(&str, &[Expected])] = &[
    // Preposed, indirect.
    (
        "Analysts say the currency will fall.",
        &[("Analysts", "say", "the currency will fall")],
    ),
    (
        "The ministry said on Friday that exports rose 4 percent.",
        &[("The ministry", "said", "that exports rose 4 percent")],
    ),
    // Postposed with the subject before the verb, straight and curly quotes.
    (
        "\"We will not back down,\" the mayor said.",
        &[("the mayor", "said", "We will not back down")],
    ),
    (
        "\u{201C}The talks went well,\u{201D} a senior diplomat said Monday.",
        &[("a senior diplomat", "said", "The talks went well")],
    ),
    // Inverted.
    (
        "Prices will keep rising, said the central bank's chief economist.",
        &[(
            "the central bank's chief economist",
            "said",
            "Prices will keep rising",
        )],
    ),
    // A quotation split by its cue.
    (
        "\"This is a start,\" she said, \"but only a start.\"",
        &[("she", "said", "This is a start | but only a start")],
    ),
    // Telling an audience.
    (
        "The governor told reporters that the roads would reopen by noon.",
        &[(
            "The governor",
            "told",
            "that the roads would reopen by noon",
        )],
    ),
    // According to, before and after its content.
    (
        "According to the fire department, nobody was hurt.",
        &[("the fire department", "According to", "nobody was hurt")],
    ),
    (
        "The factory will close in March, according to two people familiar with the plans.",
        &[(
            "two people familiar with the plans",
            "according to",
            "The factory will close in March",
        )],
    ),
    // Auxiliaries and adverbs belong to the cue.
    (
        "The company has repeatedly denied any wrongdoing.",
        &[("The company", "has repeatedly denied", "any wrongdoing")],
    ),
    // Appositives and relative clauses belong to the source.
    (
        "Maria Lopez, a spokeswoman for the agency, said the report was accurate.",
        &[(
            "Maria Lopez, a spokeswoman for the agency",
            "said",
            "the report was accurate",
        )],
    ),
    (
        "Tom Baker, who has run the shop for 30 years, says business is slow.",
        &[(
            "Tom Baker, who has run the shop for 30 years",
            "says",
            "business is slow",
        )],
    ),
    // After a quotation, an inverted source keeps its appositives and
    // affiliation, but not an age or a participial clause.
    (
        "\u{201C}The plan is sound,\u{201D} said Rosa Delgado, a budget analyst at the city council.",
        &[(
            "Rosa Delgado, a budget analyst at the city council",
            "said",
            "The plan is sound",
        )],
    ),
    (
        "\"We need more nurses,\" said Tom Reed, 61, of Springfield.",
        &[("Tom Reed", "said", "We need more nurses")],
    ),
    (
        "\"Nobody asked us,\" Rep. Ann Cole (D-Ore.) said.",
        &[("Rep. Ann Cole (D-Ore.)", "said", "Nobody asked us")],
    ),
    // Appositives headed by a title; asides between subject and verb.
    (
        "Karl Weber, director of the port authority, said the cranes would be replaced.",
        &[(
            "Karl Weber, director of the port authority",
            "said",
            "the cranes would be replaced",
        )],
    ),
    (
        "The chairman, speaking after the vote, said the committee had done its job.",
        &[("The chairman", "said", "the committee had done its job")],
    ),
    (
        "The treasurer however said the accounts were in order.",
        &[("The treasurer", "said", "the accounts were in order")],
    ),
    // Coordinated reports are separate attributions.
    (
        "The senator praised the plan and said it would pass easily.",
        &[
            ("The senator", "praised", "the plan"),
            ("The senator", "said", "it would pass easily"),
        ],
    ),
    (
        "Half the voters said the economy was weak, and a third said it was improving.",
        &[
            ("Half the voters", "said", "the economy was weak"),
            ("a third", "said", "it was improving"),
        ],
    ),
    // A relative pronoun is the source of its clause.
    (
        "The pilot, who said the engine had failed, landed safely.",
        &[("who", "said", "the engine had failed")],
    ),
    // A postposed cue at the end holds a cue earlier in the sentence.
    (
        "The mayor will add two buses to the route, he said.",
        &[("he", "said", "The mayor will add two buses to the route")],
    ),
    // A speaker's name and a colon open a headline or a transcript line.
    (
        "Lopez: The Harbour Will Be Dredged Next Year\n\nThe city council met on Monday.",
        &[("Lopez", ":", "The Harbour Will Be Dredged Next Year")],
    ),
    // A question put to an unnamed or later speaker.
    (
        "When asked whether the mine would reopen, the manager said it was too early to tell.",
        &[
            ("", "asked", "whether the mine would reopen"),
            ("the manager", "said", "it was too early to tell"),
        ],
    ),
    // Raising verbs: the subject belongs to the content, no source is named.
    (
        "The new bridge seems unlikely to open before winter.",
        &[(
            "",
            "seems",
            "The new bridge | unlikely to open before winter",
        )],
    ),
    (
        "The council is expected to approve the budget on Tuesday.",
        &[(
            "",
            "is expected",
            "The council | to approve the budget on Tuesday",
        )],
    ),
    // Refusals and intentions take an infinitive content.
    (
        "A spokesman for the airline declined to comment.",
        &[("A spokesman for the airline", "declined", "to comment")],
    ),
    // Particles belong to the cue.
    (
        "The coach talked about the injuries that had hurt the team.",
        &[(
            "The coach",
            "talked about",
            "the injuries that had hurt the team",
        )],
    ),
    ("The mayor spoke at the opening of the library.", &[]),
    // A quotation ending in a question or exclamation keeps its postposed
    // cue, and a quoted paragraph right after it continues it.
    (
        "\u{201C}Why wait? The money is there!\u{201D} Okafor said.\n\n\u{201C}We start in June.\u{201D}\n\nThe work will take a year.",
        &[(
            "Okafor",
            "said",
            "Why wait? The money is there! | We start in June",
        )],
    ),
    // Stances are reported; the nouns and adverbs that look like them are not.
    (
        "Most farmers support the new water rules.",
        &[("Most farmers", "support", "the new water rules")],
    ),
    (
        "Public support for the plan fell, and the mayor went back to the council.",
        &[],
    ),
    ("She runs a charity called Open Doors.", &[]),
    // A written statement named right after the verb belongs to the cue.
    (
        "The union said in a statement that the strike would go ahead.",
        &[(
            "The union",
            "said in a statement",
            "that the strike would go ahead",
        )],
    ),
    // Titles and names.
    (
        "Sen. Jane Doe warned that the bill would fail.",
        &[("Sen. Jane Doe", "warned", "that the bill would fail")],
    ),
    // Mental verbs.
    (
        "Most economists believe a recession is unlikely.",
        &[("Most economists", "believe", "a recession is unlikely")],
    ),
    // A participle shares the main clause's source.
    (
        "The senator voted against the bill, saying it cost too much.",
        &[("The senator", "saying", "it cost too much")],
    ),
    // Nested: only the outermost attribution is returned.
    (
        "The official said investigators believe the fire was set deliberately.",
        &[(
            "The official",
            "said",
            "investigators believe the fire was set deliberately",
        )],
    ),
    // No attribution: plain statements, nouns that look like verbs, names.
    ("The bridge was built in 1932.", &[]),
    ("The report was published on Monday.", &[]),
    ("She works for the Washington Post.", &[]),
    ("They agreed to meet again next year.", &[]),
    ("Officials plan to open the road in May.", &[]),
    // Unbalanced quotation marks degrade gracefully.
    ("\"We are ready, the captain said.", &[]),
];

#[test]
fn the_table_of_sentences() {
    let extractor = Extractor::new();
    for &(text, expected) in TABLE {
        let found = extractor.attributions(text);
        let got: Vec<(String, String, String)> = found
            .iter()
            .map(|a| {
                (
                    joined(text, &a.source),
                    joined(text, &a.cue),
                    joined(text, &a.content),
                )
            })
            .collect();
        let want: Vec<(String, String, String)> = expected
            .iter()
            .map(|&(s, c, t)| (s.to_owned(), c.to_owned(), t.to_owned()))
            .collect();
        assert_eq!(got, want, "in {text:?}");
    }
}

#[test]
fn modes_and_attitudes() {
    let extractor = Extractor::new();
    let one = |text: &str| -> Attribution {
        let mut found = extractor.attributions(text);
        assert_eq!(found.len(), 1, "{text}");
        found.remove(0)
    };
    let a = one("\"It is over,\" he said.");
    assert_eq!((a.mode, a.attitude), (Mode::Direct, Attitude::Assertion));
    let a = one("He said the plan was \"dead on arrival\" in the Senate.");
    assert_eq!((a.mode, a.attitude), (Mode::Mixed, Attitude::Assertion));
    let a = one("The agency estimated that 300 homes were damaged.");
    assert_eq!((a.mode, a.attitude), (Mode::Indirect, Attitude::Estimate));
    assert_eq!(
        one("The minister denied that talks had failed.").attitude,
        Attitude::Denial
    );
    assert_eq!(
        one("The data suggest that demand is cooling.").attitude,
        Attitude::Suggestion
    );
    assert_eq!(
        one("She asked whether the vote was fair.").attitude,
        Attitude::Question
    );
    assert_eq!(
        one("The union vowed that the strike would go on.").attitude,
        Attitude::Intention
    );
}

fn extract(text: &str) -> Graph {
    Extractor::new()
        .extract(&Article::new(text).with_date(date!(2024 - 03 - 15)))
        .expect("extraction succeeds")
}

fn name_of(graph: &Graph, report: &according::Report) -> String {
    graph.source(report.sources[0]).unwrap().name.clone()
}

#[test]
fn a_told_b_that_c_said_becomes_a_chain_of_relays() {
    let text = "The mayor told council members that the engineers said the dam was safe.";
    let graph = extract(text);
    let reports: Vec<_> = graph.reports().collect();
    assert_eq!(reports.len(), 2);
    let (outer_id, outer) = reports
        .iter()
        .find(|(_, r)| !r.relays.is_empty())
        .copied()
        .unwrap();
    let inner = graph.report(outer.relays[0].to).unwrap();
    assert_eq!(name_of(&graph, outer), "mayor");
    assert_eq!(outer.audience.as_deref(), Some("council members"));
    assert_eq!(name_of(&graph, inner), "engineers");
    assert!(inner.is_primary());
    assert_ne!(outer_id, outer.relays[0].to);
    let claim = graph.claim(inner.claim.unwrap()).unwrap();
    assert_eq!(claim.content, "the dam was safe.");
    assert_eq!(
        outer.claim, inner.claim,
        "the outer report relays the same claim"
    );
}

#[test]
fn according_to_wraps_another_report() {
    let graph = extract(
        "The army told villagers that the bridge would close, according to a local official.",
    );
    let outer = graph
        .reports()
        .map(|(_, r)| r)
        .find(|r| !r.relays.is_empty())
        .unwrap();
    assert_eq!(outer.cue.as_deref(), Some("according to"));
    assert_eq!(name_of(&graph, outer), "local official");
    let inner = graph.report(outer.relays[0].to).unwrap();
    assert_eq!(inner.cue.as_deref(), Some("told"));
    assert_eq!(inner.audience.as_deref(), Some("villagers"));
    assert_eq!(
        graph.source(inner.sources[0]).unwrap().kind,
        SourceKind::Organization
    );
}

#[test]
fn citing_and_briefings_are_relayed() {
    let graph = extract("The newspaper reported the deal was close, citing two officials.");
    let outer = graph
        .reports()
        .map(|(_, r)| r)
        .find(|r| !r.relays.is_empty())
        .unwrap();
    assert_eq!(name_of(&graph, outer), "newspaper");
    let inner = graph.report(outer.relays[0].to).unwrap();
    assert_eq!(name_of(&graph, inner), "two officials");
    assert_eq!(
        graph.source(inner.sources[0]).unwrap().kind,
        SourceKind::Group
    );
}

#[test]
fn coreference_of_pronouns_descriptions_and_surnames() {
    let text = "Finance Minister Anna Berg said taxes would not rise. \
                She added that spending would fall. \
                Berg told lawmakers that the budget was balanced. \
                \"We are on track,\" the minister said.";
    let graph = extract(text);
    let sources: Vec<_> = graph.sources().collect();
    assert_eq!(sources.len(), 1, "{sources:?}");
    let (id, berg) = sources[0];
    assert_eq!(berg.name, "Anna Berg");
    assert_eq!(berg.kind, SourceKind::Person);
    assert_eq!(berg.descriptors, ["Finance Minister"]);
    let mentions: Vec<&str> = berg.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(
        mentions,
        ["Finance Minister Anna Berg", "She", "Berg", "the minister"]
    );
    assert_eq!(graph.reports_by(id).len(), 4);
}

#[test]
fn unnamed_sources_groups_and_organisations() {
    let text = "A person familiar with the matter said the deal was off. \
                Officials say the deal is alive. \
                The Ministry of Finance said nothing had changed.";
    let graph = extract(text);
    let kinds: Vec<(String, SourceKind)> = graph
        .sources()
        .map(|(_, s)| (s.name.clone(), s.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            (
                "person familiar with the matter".to_owned(),
                SourceKind::Unnamed
            ),
            ("Officials".to_owned(), SourceKind::Group),
            ("Ministry of Finance".to_owned(), SourceKind::Organization),
        ]
    );
}

#[test]
fn dates_attached_to_the_cue_are_resolved_against_the_dateline() {
    // 2024-03-15 is a Friday.
    let text = "The court said Wednesday that the case was closed. \
                The company said in a statement last week that sales fell. \
                The agency said in a report on Feb. 2 that prices rose. \
                Analysts say the market will recover.";
    let graph = extract(text);
    let times: Vec<Option<String>> = graph
        .reports()
        .filter(|(_, r)| !r.is_unattributed())
        .map(|(_, r)| r.time.map(|t| t.to_string()))
        .collect();
    assert_eq!(
        times,
        [
            Some("2024-03-13".to_owned()),
            Some("2024-03-04/2024-03-10".to_owned()),
            Some("2024-02-02".to_owned()),
            None
        ]
    );
    let channels: Vec<Option<&str>> = graph.reports().map(|(_, r)| r.channel.as_deref()).collect();
    assert_eq!(
        channels,
        [None, Some("in a statement"), Some("in a report"), None]
    );
}

#[test]
fn statements_in_the_documents_voice_and_headings() {
    let text = "Flood warnings\nThe river rose two meters overnight. Residents said the water reached their doors.\nRoads stayed closed.";
    let graph = extract(text);
    let unattributed: Vec<String> = graph
        .reports()
        .filter(|(_, r)| r.is_unattributed())
        .map(|(_, r)| graph.claim(r.claim.unwrap()).unwrap().content.clone())
        .collect();
    assert_eq!(
        unattributed,
        [
            "The river rose two meters overnight.",
            "Roads stayed closed."
        ]
    );
    let options = ExtractOptions::new().unattributed(false);
    let graph = Extractor::with_options(options)
        .extract(&Article::new(text))
        .unwrap();
    assert!(graph.reports().all(|(_, r)| !r.is_unattributed()));
}

#[test]
fn quotations_spanning_sentences_and_paragraphs() {
    let text = "\"We lost the vote. We will try again,\" the leader said. \"Nothing is over.\"\n\
                \"The second paragraph opens a quotation that never closes\n\
                Next paragraph, plain.";
    let found = Extractor::new().attributions(text);
    assert_eq!(found.len(), 1);
    // A quoted paragraph right after continues the quotation (news style:
    // the opening mark repeats, the closing one may be left out); the plain
    // paragraph after it does not.
    assert_eq!(
        joined(text, &found[0].content),
        "We lost the vote. We will try again | Nothing is over | \
         The second paragraph opens a quotation that never closes"
    );
    let graph = extract(text);
    assert!(graph.reports().any(|(_, r)| r.is_unattributed()
        && graph.claim(r.claim.unwrap()).unwrap().content == "Next paragraph, plain."));
}

#[test]
fn the_publisher_key_and_title_reach_the_document() {
    let article = Article::new("Officials say it rained.")
        .with_publisher("Daily Example")
        .with_key("doc-1")
        .with_title("Rain")
        .with_date(date!(2024 - 01 - 01));
    let graph = Extractor::new().extract(&article).unwrap();
    let (_, document) = graph.documents().next().unwrap();
    assert_eq!(document.key.as_deref(), Some("doc-1"));
    assert_eq!(document.title.as_deref(), Some("Rain"));
    let publisher = graph.source(document.publisher.unwrap()).unwrap();
    assert_eq!(
        (publisher.name.as_str(), publisher.kind),
        ("Daily Example", SourceKind::Publisher)
    );
}

#[test]
fn texts_over_the_limit_are_rejected() {
    let extractor = Extractor::with_options(ExtractOptions::new().max_text_bytes(10));
    let err = extractor
        .extract(&Article::new("This text is longer than ten bytes."))
        .unwrap_err();
    assert!(err.is_limit());
    assert_eq!(
        err.to_string(),
        "article text in bytes exceeds the limit of 10"
    );
    assert!(
        extractor
            .try_attributions("This text is longer than ten bytes.")
            .is_err()
    );
    assert!(
        extractor
            .attributions("This text is longer than ten bytes.")
            .is_empty()
    );
    assert!(extractor.extract(&Article::new("Short.")).is_ok());
}

#[test]
fn odd_input_never_fails() {
    let extractor = Extractor::new();
    for text in [
        "",
        " ",
        "\0\0\0",
        "\"",
        "\u{201D}\u{201C}",
        "said",
        "according to",
        ", said the",
        "He said \"",
        "\"\"\"\" said \"\"",
        "Line one.\r\nThe mayor said, \"yes.\"\r\n",
        "\u{05E9}\u{05DC}\u{05D5}\u{05DD} said the man.",
        "Cafe\u{0301} owners said prices rose.",
        "U.S. U.S. U.S.",
        "...,,,;;;---",
    ] {
        let graph = extractor.extract(&Article::new(text)).expect(text);
        for (_, report) in graph.reports() {
            for span in report.evidence.iter().flat_map(|e| e.spans()) {
                assert!(span.text(text).is_some(), "span {span:?} in {text:?}");
            }
        }
        let _ = extractor.attributions(text);
    }
}

proptest! {
    #[test]
    fn arbitrary_text_extracts_with_valid_spans(
        words in proptest::collection::vec(
            prop_oneof![
                Just("said"), Just("the"), Just("mayor"), Just("\""), Just("\u{201C}"), Just("\u{201D}"),
                Just(","), Just("."), Just("\n"), Just("according"), Just("to"), Just("He"), Just("told"),
                Just("that"), Just("Smith"), Just("citing"), Just("officials"), Just("Tuesday"), Just("last"),
                Just("month"), Just("''"), Just("\u{00E9}"), Just("\u{0301}"), Just("believes"), Just("adding"),
            ],
            0..60,
        )
    ) {
        let text = words.join(" ");
        let extractor = Extractor::new();
        let graph = extractor.extract(&Article::new(&text).with_date(date!(2025 - 01 - 01))).unwrap();
        for (_, report) in graph.reports() {
            for span in report.evidence.iter().flat_map(|e| e.spans()) {
                prop_assert!(span.text(&text).is_some());
            }
        }
        for a in extractor.attributions(&text) {
            prop_assert!(!a.cue.is_empty());
            for span in a.source.iter().chain(&a.cue).chain(&a.content) {
                prop_assert!(span.text(&text).is_some());
            }
        }
    }
}
