//! Building graphs: validation on insertion, merges, lookups.

use according::{
    Claim, Document, Error, Evidence, Graph, Mention, RelayKind, Report, ReportId, Source,
    SourceId, SourceKind, Span,
};
use time::macros::date;

#[track_caller]
fn message(result: Result<impl std::fmt::Debug, Error>) -> String {
    result.unwrap_err().to_string()
}

fn id(n: usize) -> SourceId {
    SourceId::from_index(n).unwrap()
}

#[test]
fn dangling_ids_are_rejected_and_nothing_is_inserted() {
    let mut g = Graph::new();
    let claim = g.add_claim(Claim::new("x")).unwrap();
    assert_eq!(
        message(g.add_report(Report::by(id(3), claim))),
        "unknown source s3"
    );
    assert_eq!(
        message(g.add_report(Report::anonymous(claim).relaying(ReportId::from_index(0).unwrap()))),
        "unknown report r0"
    );
    assert_eq!(
        message(g.add_report(Report::anonymous("c7".parse().unwrap()))),
        "unknown claim c7"
    );
    assert_eq!(
        message(g.add_report(Report::anonymous(claim).in_document("d0".parse().unwrap()))),
        "unknown document d0"
    );
    assert_eq!(
        message(g.add_document(Document::new().with_publisher(id(0)))),
        "unknown source s0"
    );
    assert_eq!(
        message(g.add_source(Source::person("a").on_behalf_of(id(9)))),
        "unknown source s9"
    );
    assert_eq!(g.n_reports(), 0);
    assert_eq!(g.n_documents(), 0);
    assert_eq!(g.n_sources(), 0);
}

#[test]
fn relays_are_validated() {
    let mut g = Graph::new();
    let s = g.add_source(Source::person("a")).unwrap();
    let c = g.add_claim(Claim::new("x")).unwrap();
    let d = g.add_document(Document::new()).unwrap();
    let r0 = g.add_report(Report::by(s, c)).unwrap();
    let r1 = g.add_report(Report::by(s, c).relaying(r0)).unwrap();
    assert_eq!(
        message(g.add_relay(r1, r1, RelayKind::Derivation)),
        "report r1 cannot relay itself"
    );
    // Parallel relays are kept as given (PROV files hold such records).
    g.add_relay(r1, r0, RelayKind::PrimarySource).unwrap();
    // A cycle is allowed: circular reporting is a finding, not an error.
    g.add_relay(r0, r1, RelayKind::Quotation).unwrap();
    assert_eq!(g.n_relays(), 3);
    let own = g.add_report(Report::unattributed(d, c)).unwrap();
    assert_eq!(
        message(g.add_relay(r1, own, RelayKind::Derivation)),
        "report r2 is in its document's own voice and cannot have sources or relays"
    );
    assert_eq!(
        message(g.add_relay(own, r1, RelayKind::Derivation)),
        "report r2 is in its document's own voice and cannot have sources or relays"
    );
    let mut bad = Report::unattributed(d, c);
    bad.sources.push(s);
    assert_eq!(
        message(g.add_report(bad)),
        "report r3 is in its document's own voice and cannot have sources or relays"
    );
    assert_eq!(g.n_reports(), 3);
}

#[test]
fn keys_are_unique_per_kind() {
    let mut g = Graph::new();
    g.add_source(Source::person("a").with_key("k")).unwrap();
    assert_eq!(
        message(g.add_source(Source::person("b").with_key("k"))),
        "duplicate source key \"k\""
    );
    // Kinds have separate key spaces.
    let c = g.add_claim(Claim::new("x").with_key("k")).unwrap();
    assert_eq!(g.claim_by_key("k"), Some(c));
    assert_eq!(g.source_by_key("k"), Some(id(0)));
    assert_eq!(g.source_by_key("nope"), None);
}

#[test]
fn evidence_must_fit_the_document_text() {
    let mut g = Graph::new();
    let c = g.add_claim(Claim::new("x")).unwrap();
    let d = g
        .add_document(Document::new().with_text("Né said."))
        .unwrap();
    let span = |a, b| Span::new(a, b).unwrap();
    let evidence = |s| Evidence {
        cue: vec![s],
        ..Evidence::default()
    };
    assert_eq!(
        message(
            g.add_report(
                Report::anonymous(c)
                    .in_document(d)
                    .with_evidence(evidence(span(2, 3)))
            )
        ),
        "invalid span 2..3 in document d0: not on a character boundary"
    );
    assert_eq!(
        message(
            g.add_report(
                Report::anonymous(c)
                    .in_document(d)
                    .with_evidence(evidence(span(5, 40)))
            )
        ),
        "invalid span 5..40 in document d0: past the end of the text"
    );
    assert_eq!(
        message(g.add_report(Report::anonymous(c).with_evidence(evidence(span(0, 1))))),
        "report has evidence spans but no document"
    );
    let r = g
        .add_report(
            Report::anonymous(c)
                .in_document(d)
                .with_evidence(evidence(span(4, 8))),
        )
        .unwrap();
    let text = g.document(d).unwrap().text.as_deref().unwrap();
    assert_eq!(
        g.report(r).unwrap().evidence.as_ref().unwrap().cue[0].text(text),
        Some("said")
    );
    assert_eq!(message(Span::new(3, 2)), "invalid span \"3..2\"");
}

#[test]
fn merging_sources_keeps_every_report_and_mention() {
    let mut g = Graph::new();
    let doc = g
        .add_document(Document::new().with_text("Lee said. The lawmaker added."))
        .unwrap();
    let lee = g
        .add_source(Source::person("Lee Seong-kweun").with_mention(Mention::at(
            "Lee",
            doc,
            Span::new(0, 3).unwrap(),
        )))
        .unwrap();
    let lawmaker = g
        .add_source(
            Source::person("the lawmaker")
                .with_descriptor("lawmaker")
                .with_key("lawmaker")
                .with_mention(Mention::at("The lawmaker", doc, Span::new(10, 22).unwrap())),
        )
        .unwrap();
    let c = g.add_claim(Claim::new("x")).unwrap();
    let r0 = g.add_report(Report::by(lee, c)).unwrap();
    let r1 = g.add_report(Report::by(lawmaker, c)).unwrap();
    let joint = g
        .add_report(Report::by(lee, c).with_source(lawmaker))
        .unwrap();

    assert_eq!(g.merge_sources(lee, lawmaker).unwrap(), lee);
    assert_eq!(g.n_sources(), 1);
    assert_eq!(g.source_bound(), 2);
    assert_eq!(g.reports_by(lee), &[r0, r1, joint]);
    assert_eq!(
        g.reports_by(lawmaker),
        &[r0, r1, joint],
        "a merged id resolves"
    );
    assert_eq!(g.report(r1).unwrap().sources, vec![lee]);
    assert_eq!(
        g.report(joint).unwrap().sources,
        vec![lee],
        "a joint report keeps one entry"
    );
    let merged = g.source(lawmaker).unwrap();
    assert_eq!(merged.name, "Lee Seong-kweun");
    assert_eq!(merged.aliases, vec!["the lawmaker".to_owned()]);
    assert_eq!(merged.descriptors, vec!["lawmaker".to_owned()]);
    assert_eq!(merged.mentions.len(), 2);
    assert_eq!(g.source_by_key("lawmaker"), Some(lee));
    let (into, record) = g.merged_source(lawmaker).unwrap();
    assert_eq!((into, record.name.as_str()), (lee, "the lawmaker"));
    assert_eq!(
        message(g.merge_sources(lee, lawmaker)),
        "cannot merge source s0 into itself"
    );
    // New reports naming the old id are stored under the kept one.
    let r3 = g.add_report(Report::by(lawmaker, c)).unwrap();
    assert_eq!(g.report(r3).unwrap().sources, vec![lee]);
}

#[test]
fn merges_never_make_a_source_act_for_itself() {
    let mut g = Graph::new();
    let ministry = g.add_source(Source::organization("ministry")).unwrap();
    let spokesman = g
        .add_source(Source::person("spokesman").on_behalf_of(ministry))
        .unwrap();
    // Merging a source into the one it acts for drops that affiliation.
    g.merge_sources(ministry, spokesman).unwrap();
    assert_eq!(g.source(ministry).unwrap().affiliation, None);

    let mut g = Graph::new();
    let a = g.add_source(Source::person("a")).unwrap();
    let b = g.add_source(Source::person("b").on_behalf_of(a)).unwrap();
    let c = g.add_source(Source::person("c").on_behalf_of(b)).unwrap();
    assert_eq!(
        message(g.set_affiliation(a, Some(c))),
        "affiliation of source s0 would form a cycle"
    );
    assert_eq!(
        message(g.set_affiliation(a, Some(a))),
        "source s0 cannot act on behalf of itself"
    );
    // a <- b <- c, and d acts for nobody but c acts... merging a with a source
    // that acts for c would close a loop: refused, and nothing changes.
    let d = g.add_source(Source::person("d").on_behalf_of(c)).unwrap();
    let before = g.clone();
    assert_eq!(
        message(g.merge_sources(a, d)),
        "affiliation of source s0 would form a cycle"
    );
    assert_eq!(g, before);
}

#[test]
fn merging_claims_moves_reports_and_equivalences() {
    let mut g = Graph::new();
    let s = g
        .add_source(Source::new(SourceKind::Group, "analysts"))
        .unwrap();
    let a = g.add_claim(Claim::new("5,000 troops")).unwrap();
    let b = g.add_claim(Claim::new("around 5,000 troops")).unwrap();
    let c = g.add_claim(Claim::new("five thousand soldiers")).unwrap();
    let ra = g.add_report(Report::by(s, a)).unwrap();
    let rb = g.add_report(Report::by(s, b)).unwrap();
    g.declare_equivalent(b, c).unwrap();
    g.declare_equivalent(c, b).unwrap();
    assert_eq!(g.equivalences().len(), 1, "declaring twice changes nothing");
    assert_eq!(g.equivalent_claims(c), vec![b, c]);
    g.merge_claims(a, b).unwrap();
    assert_eq!(g.n_claims(), 2);
    assert_eq!(g.reports_of(a), &[ra, rb]);
    assert_eq!(g.report(rb).unwrap().claim, Some(a));
    assert_eq!(g.equivalent_claims(c), vec![a, c]);
    assert_eq!(g.merged_claim(b).unwrap().1.content, "around 5,000 troops");
    assert_eq!(g.claim(b).unwrap().content, "5,000 troops");
}

#[test]
fn document_dates_and_lookups() {
    let mut g = Graph::new();
    let p = g.add_source(Source::publisher("The Daily")).unwrap();
    let d = g
        .add_document(
            Document::new()
                .with_key("a1")
                .with_date(date!(2025 - 11 - 04))
                .with_publisher(p)
                .with_title("t"),
        )
        .unwrap();
    assert_eq!(g.document_by_key("a1"), Some(d));
    assert_eq!(g.document(d).unwrap().date, Some(date!(2025 - 11 - 04)));
    let c = g.add_claim(Claim::new("x")).unwrap();
    let r = g.add_report(Report::unattributed(d, c)).unwrap();
    assert_eq!(g.reports_in(d), &[r]);
    assert!(g.report(r).unwrap().is_unattributed());
    assert!(!g.report(r).unwrap().is_primary());
    assert_eq!(g.reports_in("d9".parse().unwrap()), &[] as &[ReportId]);
}
