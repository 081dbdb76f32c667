//! The seed article's attribution graph, built by hand through the public API.
//!
//! Each report carries evidence spans into the article text, so everything
//! printed about a line (its number, its words) is read back from the graph.

use according::{
    Attitude, Claim, ClaimId, DateRange, Document, DocumentId, Error, Evidence, Graph, Mention,
    Mode, Report, ReportId, Source, SourceId, Span,
};
use time::{Month, macros::date};

/// The graph and the handles a caller needs to ask about it.
pub struct Seed {
    /// The whole graph.
    pub graph: Graph,
    /// The article.
    pub document: DocumentId,
    /// The claim "North Korea has sent about 5,000 construction troops to Russia".
    pub troops_claim: ClaimId,
}

/// The byte span of `needle` in line `line` (1-based) of `text`.
fn span(text: &str, line: usize, needle: &str) -> Span {
    let start_of_line: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    let at = text[start_of_line..]
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is not in line {line}"));
    Span::new(start_of_line + at, start_of_line + at + needle.len()).expect("start <= end")
}

struct Builder<'t> {
    graph: Graph,
    text: &'t str,
    document: DocumentId,
}

impl Builder<'_> {
    fn source(&mut self, source: Source, mentions: &[(usize, &str)]) -> Result<SourceId, Error> {
        let id = self.graph.add_source(source)?;
        for &(line, words) in mentions {
            let at = span(self.text, line, words);
            self.graph
                .add_mention(id, Mention::at(words, self.document, at))?;
        }
        Ok(id)
    }

    fn claim(&mut self, line: usize, content: &str) -> Result<(ClaimId, Span), Error> {
        let id = self.graph.add_claim(Claim::new(content))?;
        Ok((id, span(self.text, line, content)))
    }

    /// A report of `claim` at `line`, with the source mention and cue found in that line.
    fn report(
        &mut self,
        line: usize,
        report: Report,
        (source_words, cue_words): (&str, &str),
        content: Span,
    ) -> Result<ReportId, Error> {
        let evidence = Evidence {
            source: vec![span(self.text, line, source_words)],
            cue: vec![span(self.text, line, cue_words)],
            content: vec![content],
        };
        self.graph
            .add_report(report.in_document(self.document).with_evidence(evidence))
    }

    fn own_voice(&mut self, line: usize, content: &str) -> Result<ReportId, Error> {
        let (claim, at) = self.claim(line, content)?;
        let evidence = Evidence {
            content: vec![at],
            ..Evidence::default()
        };
        self.graph
            .add_report(Report::unattributed(self.document, claim).with_evidence(evidence))
    }
}

/// Builds the graph a careful reader draws from the seed article.
pub fn build(text: &str) -> Result<Seed, Error> {
    let mut graph = Graph::new();
    let document = graph.add_document(
        Document::new()
            .with_key("seed_article.txt")
            .with_date(date!(2025 - 11 - 04))
            .with_text(text),
    )?;
    let mut b = Builder {
        graph,
        text,
        document,
    };

    let lee = b.source(
        Source::person("Lee Seong-kweun").with_descriptor("South Korean lawmaker"),
        &[
            (1, "a South Korean lawmaker"),
            (3, "South Korean lawmaker Lee Seong-kweun"),
            (4, "He"),
            (5, "Lee"),
            (12, "Lee"),
            (13, "the lawmaker"),
        ],
    )?;
    let agency = b.source(
        Source::organization("Seoul's spy agency").with_descriptor("spy agency"),
        &[
            (1, "Seoul's spy agency"),
            (5, "The spy agency"),
            (12, "Seoul's spy agency"),
        ],
    )?;
    let estimates = b.source(
        Source::unnamed("South Korean estimates"),
        &[(6, "South Korean estimates")],
    )?;
    let analysts = b.source(Source::group("Analysts"), &[(7, "Analysts")])?;
    let pyongyang = b.source(Source::organization("Pyongyang"), &[(10, "Pyongyang")])?;
    let monitors = b.source(
        Source::organization("Multilateral Sanctions Monitoring Team")
            .with_descriptor("international sanctions monitoring group"),
        &[(15, "An international sanctions monitoring group, the Multilateral Sanctions Monitoring Team")],
    )?;

    // Line 1: the article relays Lee, who relays the agency's briefing.
    let (troops, at) = b.claim(
        1,
        "North Korea has sent about 5,000 construction troops to Russia since September to help with \"infrastructure reconstruction,\"",
    )?;
    let briefing = b.report(
        1,
        Report::by(agency, troops)
            .with_cue("briefing")
            .with_channel("briefing")
            .with_mode(Mode::Indirect)
            .with_attitude(Attitude::Assertion),
        ("Seoul's spy agency", "briefing"),
        at,
    )?;
    b.report(
        1,
        Report::by(lee, troops)
            .with_cue("said")
            .with_mode(Mode::Mixed)
            .with_attitude(Attitude::Assertion)
            .with_time(date!(2025 - 11 - 04))
            .with_channel("briefing by Seoul's spy agency")
            .relaying(briefing),
        ("a South Korean lawmaker", "said"),
        at,
    )?;
    b.own_voice(
        2,
        "North Korean leader Kim Jong Un has been emboldened by the war in Ukraine, securing critical support from Moscow after sending thousands of troops to fight alongside Russian forces.",
    )?;
    // Line 3: the same claim in Lee's own words; not independent of line 1.
    let (troops_again, at) = b.claim(
        3,
        "around 5,000 North Korean construction troops have been moving to Russia in phases since September and are expected to be mobilized for infrastructure reconstruction.",
    )?;
    b.graph.declare_equivalent(troops, troops_again)?;
    b.report(
        3,
        Report::by(lee, troops_again)
            .with_cue("told")
            .with_audience("reporters")
            .with_mode(Mode::Direct)
            .with_attitude(Attitude::Assertion),
        ("South Korean lawmaker Lee Seong-kweun", "told"),
        at,
    )?;
    let (claim, at) = b.claim(
        4,
        "continued signs of training and personnel selection in preparation for additional troop deployments have been detected.",
    )?;
    b.report(
        4,
        Report::by(lee, claim)
            .with_cue("added")
            .with_mode(Mode::Direct)
            .with_attitude(Attitude::Assertion),
        ("He", "added"),
        at,
    )?;
    // Line 5: "according to Lee" wraps the agency's report to lawmakers.
    let (claim, at) = b.claim(
        5,
        "about 10,000 North Korean troops were estimated to be currently deployed near the Russia-Ukraine border",
    )?;
    let told = b.report(
        5,
        Report::by(agency, claim)
            .with_cue("told")
            .with_audience("lawmakers")
            .with_mode(Mode::Indirect)
            .with_attitude(Attitude::Estimate),
        ("The spy agency", "told"),
        at,
    )?;
    b.report(
        5,
        Report::by(lee, claim)
            .with_cue("according to")
            .with_mode(Mode::Indirect)
            .with_attitude(Attitude::Estimate)
            .relaying(told),
        ("Lee", "according to"),
        at,
    )?;
    let (claim, at) = b.claim(
        6,
        "At least 600 North Korean soldiers have died in the Ukraine war and thousands more sustained injuries",
    )?;
    b.report(
        6,
        Report::by(estimates, claim)
            .with_cue("according to")
            .with_mode(Mode::Indirect)
            .with_attitude(Attitude::Estimate),
        ("South Korean estimates", "according to"),
        at,
    )?;
    let (claim, at) = b.claim(
        7,
        "North Korea is receiving financial aid, military technology and food and energy supplies from Russia in return for sending troops.",
    )?;
    b.report(
        7,
        Report::by(analysts, claim)
            .with_cue("say")
            .with_mode(Mode::Indirect)
            .with_attitude(Attitude::Assertion),
        ("Analysts", "say"),
        at,
    )?;
    b.own_voice(
        8,
        "That has allowed it to sidestep tough international sanctions imposed over its nuclear and missile programs that were once a crucial bargaining chip for the United States.",
    )?;
    let (claim, at) = b.claim(10, "itself an \"irreversible\" nuclear state")?;
    b.report(
        10,
        Report::by(pyongyang, claim)
            .with_cue("declared")
            .with_mode(Mode::Mixed)
            .with_attitude(Attitude::Assertion),
        ("Pyongyang", "declared"),
        at,
    )?;
    b.own_voice(
        11,
        "Pyongyang did not respond to Trump's offer to meet with Kim last week, and instead its Foreign Minister Choe Son Hui headed to Moscow, where she and Russian President Vladimir Putin agreed to strengthen bilateral ties.",
    )?;
    // Line 12: Lee relays what the agency believes.
    let (claim, at) = b.claim(
        12,
        "Kim was open to talks with Washington \"and will seek contact when the conditions are in place.\"",
    )?;
    let believes = b.report(
        12,
        Report::by(agency, claim)
            .with_cue("believes")
            .with_mode(Mode::Mixed)
            .with_attitude(Attitude::Belief),
        ("Seoul's spy agency", "believes"),
        at,
    )?;
    b.report(
        12,
        Report::by(lee, claim)
            .with_cue("said")
            .with_mode(Mode::Mixed)
            .with_attitude(Attitude::Assertion)
            .relaying(believes),
        ("Lee", "said"),
        at,
    )?;
    let (claim, at) = b.claim(
        13,
        "\"multiple signs suggest\" that Pyongyang \"had been preparing behind the scenes for possible talks with the U.S.,\"",
    )?;
    b.report(
        13,
        Report::by(lee, claim)
            .with_cue("said")
            .with_mode(Mode::Mixed)
            .with_attitude(Attitude::Assertion),
        ("the lawmaker", "said"),
        at,
    )?;
    b.own_voice(
        14,
        "In September, Kim appeared alongside Xi Jinping and Russia's Vladimir Putin at an elaborate military parade in Beijing — a striking display of his new, elevated status in global politics.",
    )?;
    let (claim, at) = b.claim(
        15,
        "North Korea was planning to send \"40,000 laborers to Russia, including several delegations of IT workers.\"",
    )?;
    b.report(
        15,
        Report::by(monitors, claim)
            .with_cue("said")
            .with_channel("in a report")
            .with_mode(Mode::Mixed)
            .with_attitude(Attitude::Assertion)
            .with_time(DateRange::month(2025, Month::October)?),
        ("An international sanctions monitoring group, the Multilateral Sanctions Monitoring Team", "said"),
        at,
    )?;
    b.own_voice(
        16,
        "Under UN sanctions, North Korean workers are prohibited from earning money abroad.",
    )?;

    Ok(Seed {
        graph: b.graph,
        document,
        troops_claim: troops,
    })
}
