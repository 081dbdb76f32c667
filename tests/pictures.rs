//! Pictures and listings: DOT, Mermaid and the indented tree.

mod common;

use according::format::{dot, json, mermaid, tree};
use according::{Claim, Graph, RelayKind, Report, Source};

fn dot_text(graph: &Graph, options: &dot::PictureOptions) -> String {
    let mut out = Vec::new();
    dot::write(graph, &mut out, options).unwrap();
    String::from_utf8(out).unwrap()
}

fn mermaid_text(graph: &Graph, options: &dot::PictureOptions) -> String {
    let mut out = Vec::new();
    mermaid::write(graph, &mut out, options).unwrap();
    String::from_utf8(out).unwrap()
}

fn tree_text(graph: &Graph) -> String {
    let mut out = Vec::new();
    tree::write(graph, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// Two claims; on the first, a chain a -> b -> c -> b (circular) and b -> p
/// (primary); on the second, an unrelated primary report.
fn cyclic_graph() -> (Graph, according::ClaimId) {
    let mut graph = Graph::new();
    let s = graph.add_source(Source::person("Speaker")).unwrap();
    let claim = graph.add_claim(Claim::new("the claim")).unwrap();
    let other = graph.add_claim(Claim::new("another claim")).unwrap();
    let p = graph
        .add_report(Report::by(s, claim).with_cue("briefing"))
        .unwrap();
    let c = graph.add_report(Report::by(s, claim)).unwrap();
    let b = graph
        .add_report(Report::by(s, claim).relaying(c).relaying(p))
        .unwrap();
    graph.add_relay(c, b, RelayKind::Quotation).unwrap();
    graph.add_report(Report::by(s, claim).relaying(b)).unwrap();
    graph.add_report(Report::by(s, other)).unwrap();
    (graph, claim)
}

#[test]
fn dot_draws_sources_reports_and_documents_distinctly_with_depths() {
    let text = dot_text(&common::lawmaker_graph(), &dot::PictureOptions::default());
    assert!(
        text.starts_with("digraph according {\n  rankdir=TB;"),
        "{text}"
    );
    assert!(text.contains("  s0 [shape=ellipse, style=filled, fillcolor=\"#e3f1df\", label=\"Seoul's spy agency\\norganization\"];"), "{text}");
    // Quotes and backslashes in labels are escaped.
    assert!(
        text.contains("label=\"The \\\"Daily\\\" <Wire>\\npublisher\""),
        "{text}"
    );
    assert!(text.contains("  d0 [shape=folder"), "{text}");
    // Reports: cue, short claim, key or id, depth.
    assert!(text.contains("  r0 [shape=box, style=rounded, label=\"briefing:\\n“North Korea has sent about\\n5,000 construction tr…”\\nr0 · depth 1\"];"), "{text}");
    assert!(text.contains("\\nex:article-says · depth 3\"]"), "{text}");
    // Long claims are wrapped between words.
    assert!(
        text.contains("\\n“about 2,000 North Korean\\nsoldiers have died”"),
        "{text}"
    );
    assert!(text.contains("  r3 [shape=box, style=\"rounded,dashed\", label=\"(own voice):\\n“Russia is at war with Ukraine”\\nr3 · depth 0\"];"), "{text}");
    // Chains point down; speakers hang beside; the document sits on top of its statements.
    assert!(text.contains("  r1 -> r0;\n"));
    assert!(text.contains("  r2 -> r1 [label=\"quotes\"];\n"));
    assert!(
        text.contains(
            "  r1 -> s1 [style=dashed, color=grey50, arrowhead=none, constraint=false];\n"
        )
    );
    assert!(text.contains("  d0 -> r2 [style=dotted, arrowhead=none];\n"));
    assert!(
        !text.contains("  d0 -> r1 "),
        "r1 is relayed by r2 in the same document"
    );
    assert!(!text.contains("red"), "no circular reporting here");
    assert!(text.ends_with("}\n"));
}

#[test]
fn circular_reporting_is_drawn_in_red_and_depths_say_so() {
    let (graph, _) = cyclic_graph();
    let text = dot_text(&graph, &dot::PictureOptions::default());
    assert!(
        text.contains("  r2 -> r1 [color=red, penwidth=2];\n"),
        "{text}"
    );
    assert!(
        text.contains("  r1 -> r2 [label=\"quotes\", color=red, penwidth=2];\n"),
        "{text}"
    );
    assert!(
        text.contains("  r2 -> r0;\n"),
        "the exit from the cycle is not red: {text}"
    );
    assert!(
        text.contains("  r1 [shape=box, style=\"rounded,bold\", color=red"),
        "{text}"
    );
    assert!(
        !text.contains("  r0 [shape=box, style=\"rounded,bold\""),
        "{text}"
    );
}

#[test]
fn a_claim_restricts_the_picture_to_its_neighbourhood() {
    let (graph, claim) = cyclic_graph();
    let text = dot_text(&graph, &dot::PictureOptions::for_claim(claim));
    for r in ["r0", "r1", "r2", "r3"] {
        assert!(text.contains(&format!("  {r} [shape=box")), "{r}: {text}");
    }
    assert!(!text.contains("  r4 ["), "{text}");
    // Everything a claim's report relays is drawn, whatever its claim.
    let lawmaker = common::lawmaker_graph();
    let troops = lawmaker
        .report(according::ReportId::from_index(2).unwrap())
        .unwrap()
        .claim
        .unwrap();
    let text = dot_text(&lawmaker, &dot::PictureOptions::for_claim(troops));
    assert!(text.contains("  r0 [") && text.contains("  r2 ["));
    assert!(
        !text.contains("  r3 [") && !text.contains("  s3 ["),
        "{text}"
    );
}

#[test]
fn mermaid_escapes_labels_and_colours_cycle_links() {
    let text = mermaid_text(&common::lawmaker_graph(), &dot::PictureOptions::default());
    assert!(text.starts_with("flowchart TD\n"), "{text}");
    assert!(
        text.contains("  s2([\"The #quot;Daily#quot; #lt;Wire#gt;<br/>publisher\"]):::source\n"),
        "{text}"
    );
    assert!(text.contains("  r2 -->|quotes| r1\n"), "{text}");
    assert!(text.contains("  d0[/\"Troops\"/]:::document\n"), "{text}");
    assert!(!text.contains("linkStyle"));

    let (graph, _) = cyclic_graph();
    let text = mermaid_text(&graph, &dot::PictureOptions::default());
    let links: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("-->") || l.contains("-.-"))
        .collect();
    let style = text
        .lines()
        .find(|l| l.contains("linkStyle"))
        .expect("cycle links styled");
    let indices: Vec<usize> = style
        .trim()
        .trim_start_matches("linkStyle ")
        .split(' ')
        .next()
        .unwrap()
        .split(',')
        .map(|n| n.parse().unwrap())
        .collect();
    let styled: Vec<&str> = indices.iter().map(|&i| links[i].trim()).collect();
    assert_eq!(styled, ["r1 -->|quotes| r2", "r2 --> r1"]);
    assert!(text.contains("  r1(\"") && text.contains(":::circular"));
}

#[test]
fn the_tree_lists_chains_per_document_with_depths() {
    let text = tree_text(&common::lawmaker_graph());
    let expected_start = "\
d0 \"Troops\" (ex:article), published by The \"Daily\" <Wire>
  ex:article-says  The \"Daily\" <Wire> (publisher): “North Korea has sent about 5,000 construction troops to Russ…”  [depth 3]
    quotes r1  Lee Seong-kweun (person) said: “North Korea has sent about 5,000 construction troops to Russ…”  [depth 2]
      relays r0  Seoul's spy agency (organization) briefing: “North Korea has sent about 5,000 construction troops to Russ…”  [depth 1]
  r3  the document itself: “Russia is at war with Ukraine”  [depth 0]
  r4  Analysts (group) say: “Pyongyang is trading labour for Russian technology”  [depth 1]
";
    assert!(text.starts_with(expected_start), "{text}");

    let (graph, _) = cyclic_graph();
    let text = tree_text(&graph);
    assert_eq!(
        text,
        "\
reports in no document
  r3  Speaker (person): “the claim”  [depth 3]
    relays r2  Speaker (person): “the claim”  [depth 2]
      relays r1  Speaker (person): “the claim”  [depth 2]
        quotes r2  (circular)
      relays r0  Speaker (person) briefing: “the claim”  [depth 1]
  r4  Speaker (person): “another claim”  [depth 1]
"
    );
}

#[test]
fn the_lawmaker_fixture_is_the_graph_the_tests_build() {
    // tests/data/lawmaker.json is what docs/seed.svg is drawn from.
    let fixture = json::read(include_bytes!("data/lawmaker.json")).unwrap();
    assert_eq!(fixture, common::lawmaker_graph());
}

#[test]
fn labels_are_shortened_on_character_boundaries() {
    let mut graph = Graph::new();
    let s = graph.add_source(Source::person("P")).unwrap();
    let claim = graph
        .add_claim(Claim::new(
            "ééééééééééééééééééééééééééééééééééééééééééééééééééééé",
        ))
        .unwrap();
    graph.add_report(Report::by(s, claim)).unwrap();
    let text = dot_text(&graph, &dot::PictureOptions::default());
    // One 53-character word: cut at 48 characters, and too long to wrap.
    assert!(text.contains(&format!("“{}…”", "é".repeat(48))), "{text}");
}
