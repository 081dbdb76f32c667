//! The `according` binary, run as a process.
//!
//! Commands run in the workspace root, so that the worked example's files
//! are named as a user at the root names them (`tests/data/...`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const EXAMPLE_PROV: &str = "tests/data/peers_example.prov.json";
const EXAMPLE_EDGES: &str = "tests/data/peers_example.edges.tsv";
const EXPECTED_DEPTHS: &str = include_str!("../../tests/data/peers_example.depths.tsv");

/// The workspace root, where the commands run.
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

#[track_caller]
fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_according"))
        .args(args)
        .current_dir(ROOT)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn depths_of_the_worked_example_match_the_expected_file_byte_for_byte() {
    for input in [EXAMPLE_PROV, EXAMPLE_EDGES] {
        let output = run(&["depths", input]);
        assert!(output.status.success(), "{}", stderr(&output));
        assert_eq!(stdout(&output), EXPECTED_DEPTHS, "from {input}");
    }
}

#[test]
fn depths_survive_conversion_through_every_readable_format() {
    let dir = temp_dir("cli-convert");
    for format in ["json", "prov-json", "edges"] {
        let converted = dir.join(format!("example.{format}"));
        let output = run(&[
            "convert",
            EXAMPLE_PROV,
            "--to",
            format,
            "-o",
            converted.to_str().unwrap(),
        ]);
        assert!(output.status.success(), "{format}: {}", stderr(&output));
        let output = run(&["depths", converted.to_str().unwrap()]);
        assert!(output.status.success(), "{format}: {}", stderr(&output));
        assert_eq!(stdout(&output), EXPECTED_DEPTHS, "through {format}");
    }
}

#[test]
fn output_files_are_written_whole_and_nothing_else_is_left() {
    let dir = temp_dir("cli-output");
    let target = dir.join("depths.tsv");
    std::fs::write(&target, "old").unwrap();
    let output = run(&["depths", EXAMPLE_PROV, "-o", target.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), EXPECTED_DEPTHS);
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["depths.tsv"]);
    // A failed run leaves the old file alone.
    let output = run(&[
        "depths",
        "tests/data/missing.json",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), EXPECTED_DEPTHS);
}

#[test]
fn every_output_format_is_produced() {
    for (format, marker) in [
        ("prov-n", "document\n"),
        ("dot", "digraph according {"),
        ("mermaid", "flowchart TD"),
        ("tree", "reports in no document"),
        ("json", "\"according\""),
    ] {
        let output = run(&["convert", EXAMPLE_PROV, "--to", format]);
        assert!(output.status.success(), "{format}: {}", stderr(&output));
        assert!(
            stdout(&output).contains(marker),
            "{format}: {}",
            stdout(&output)
        );
    }
}

#[test]
fn skipped_records_are_noted_on_stderr() {
    let output = run(&["convert", EXAMPLE_PROV, "--to", "edges"]);
    assert!(output.status.success());
    assert_eq!(
        stderr(&output),
        "note: tests/data/peers_example.prov.json: skipped wasDerivedFrom \"_:id33\": entity \"r:self\" derived from itself\n"
    );
}

#[test]
fn bad_input_is_one_error_line_and_exit_status_1() {
    let dir = temp_dir("cli-bad-input");
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\"entity\": {\"r:1\": [}}").unwrap();
    let output = run(&["depths", bad.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "error: {}: prov-json: line 1, column 21: expected value\n",
            bad.display()
        )
    );

    let tsv = dir.join("bad.tsv");
    std::fs::write(&tsv, "report_id\tspeaker_id\tcited_report_id\nr:1\tag:1\n").unwrap();
    let output = run(&["depths", tsv.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "error: {}: edge list: line 2: expected 3 tab-separated columns, found 2\n",
            tsv.display()
        )
    );

    let output = run(&["depths", "tests/data/missing.json"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.starts_with("error: tests/data/missing.json: "),
        "{message}"
    );
    assert_eq!(message.lines().count(), 1, "{message}");
}

/// Usage errors are clap's: an `error:` line, mostly the usage of the
/// command, and a pointer to `--help`, on stderr; exit status 2.
#[test]
fn bad_usage_prints_usage_and_exits_with_status_2() {
    for args in [
        &[][..],
        &["frobnicate"],
        &["depths"],
        &["depths", EXAMPLE_PROV, "--frob"],
        &["depths", EXAMPLE_PROV, "-o"],
        &["convert", EXAMPLE_PROV],
        &["convert", EXAMPLE_PROV, "--to", "png"],
        &["depths", EXAMPLE_PROV, EXAMPLE_EDGES],
        &["depths", EXAMPLE_PROV, "-o", "a.tsv", "-o", "b.tsv"],
        &["convert", EXAMPLE_PROV, "--to", "edges", "--claim", "c0"],
        &["convert", EXAMPLE_PROV, "--to", "brat"],
        &["completions", "tcsh"],
    ] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let message = stderr(&output);
        assert!(message.starts_with("error: "), "{args:?}: {message}");
        assert!(message.contains("try '--help'"), "{args:?}: {message}");
        assert!(!message.contains("panicked"), "{args:?}: {message}");
        assert_eq!(stdout(&output), "", "{args:?}");
    }
    let output = run(&["convert", EXAMPLE_PROV, "--to", "png"]);
    assert!(
        stderr(&output)
            .contains("[possible values: json, prov-json, prov-n, edges, dot, mermaid, tree]"),
        "{}",
        stderr(&output)
    );
}

/// A short news text with one attribution whose speaker and cue are plain.
const NEWS: &str = "The harbour bridge will stay closed until spring. \
                    \"We found cracks in two of the piers,\" said Mara Lind, the city engineer.\n";

#[test]
fn extract_writes_one_document_per_file_with_its_dateline_and_publisher() {
    let dir = temp_dir("cli-extract-json");
    let article = dir.join("bridge.txt");
    std::fs::write(&article, NEWS).unwrap();
    let output = run(&[
        "extract",
        article.to_str().unwrap(),
        "--date",
        "2024-03-07",
        "--publisher",
        "The Harbour Times",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let graph = according::format::json::read(&output.stdout).unwrap();

    let (document_id, document) = graph.documents().next().expect("one document");
    assert_eq!(graph.documents().count(), 1);
    assert_eq!(document.key.as_deref(), Some("bridge.txt"));
    assert_eq!(document.text.as_deref(), Some(NEWS));
    assert_eq!(
        document.date,
        Some(time::Date::from_calendar_date(2024, time::Month::March, 7).unwrap())
    );
    let publisher = document.publisher.and_then(|id| graph.source(id)).unwrap();
    assert_eq!(publisher.name, "The Harbour Times");

    let attributed: Vec<_> = graph
        .reports_in(document_id)
        .iter()
        .filter_map(|&id| graph.report(id))
        .filter(|report| !report.sources.is_empty())
        .collect();
    assert_eq!(attributed.len(), 1, "{attributed:?}");
    let speaker = graph.source(attributed[0].sources[0]).unwrap();
    assert_eq!(speaker.name, "Mara Lind");
    assert_eq!(attributed[0].cue.as_deref(), Some("said"));
}

#[test]
fn extract_to_brat_writes_name_ann_into_the_output_directory() {
    let dir = temp_dir("cli-extract-brat");
    let article = dir.join("bridge.txt");
    std::fs::write(&article, NEWS).unwrap();
    // The directory does not exist yet: extract creates it.
    let out_dir = dir.join("predictions").join("dev");
    let output = run(&[
        "extract",
        article.to_str().unwrap(),
        "--date=2024-03-07",
        "--to",
        "brat",
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    let names: Vec<_> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["bridge.ann"]);

    let ann = std::fs::read_to_string(out_dir.join("bridge.ann")).unwrap();
    let annotation = according::format::brat::read(NEWS, &ann).unwrap();
    assert_eq!(annotation.attributions.len(), 1, "{ann}");
    let attribution = &annotation.attributions[0];
    let text_of = |spans: &[according::Span]| -> Vec<&str> {
        spans.iter().map(|span| span.text(NEWS).unwrap()).collect()
    };
    assert_eq!(text_of(&attribution.cue), ["said"]);
    assert_eq!(
        text_of(&attribution.source),
        ["Mara Lind, the city engineer"]
    );
}

#[test]
fn extract_to_brat_without_output_writes_beside_each_input() {
    let dir = temp_dir("cli-extract-brat-beside");
    let first = dir.join("first.txt");
    let second = dir.join("second.txt");
    std::fs::write(&first, NEWS).unwrap();
    std::fs::write(&second, "Nothing was said about it.\n").unwrap();
    let output = run(&[
        "extract",
        first.to_str().unwrap(),
        second.to_str().unwrap(),
        "--date",
        "2024-03-07",
        "--to",
        "brat",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let first_ann = std::fs::read_to_string(dir.join("first.ann")).unwrap();
    assert!(first_ann.contains("\tCue "), "{first_ann}");
    // An article without attributions still gets its (empty) file, so that
    // a scorer sees a prediction of nothing rather than a missing one.
    assert!(dir.join("second.ann").is_file());
}

#[test]
fn extract_takes_dates_and_publishers_from_a_metadata_table_by_file_stem() {
    let dir = temp_dir("cli-extract-metadata");
    let listed = dir.join("harbour_2024-03-07_bridge.txt");
    let unlisted = dir.join("other.txt");
    std::fs::write(&listed, NEWS).unwrap();
    std::fs::write(&unlisted, NEWS).unwrap();
    let metadata = dir.join("metadata.tsv");
    std::fs::write(
        &metadata,
        "compartment\tfilename\tpublisher\tpublication_date\ttitle\n\
         dev\tharbour_2024-03-07_bridge\tharbour-times\t2024-03-07\tBridge stays shut\n",
    )
    .unwrap();
    let output = run(&[
        "extract",
        listed.to_str().unwrap(),
        "--metadata",
        metadata.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let graph = according::format::json::read(&output.stdout).unwrap();
    let (_, document) = graph.documents().next().unwrap();
    assert_eq!(document.title.as_deref(), Some("Bridge stays shut"));
    assert_eq!(
        document.date,
        Some(time::Date::from_calendar_date(2024, time::Month::March, 7).unwrap())
    );
    let publisher = document.publisher.and_then(|id| graph.source(id)).unwrap();
    assert_eq!(publisher.name, "harbour-times");

    // A file the table does not list needs --date.
    let output = run(&[
        "extract",
        listed.to_str().unwrap(),
        unlisted.to_str().unwrap(),
        "--metadata",
        metadata.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "error: {}: not in the metadata and no --date is given\n",
            unlisted.display()
        )
    );
}

#[test]
fn extract_of_invalid_utf8_is_one_error_line_naming_the_file() {
    let dir = temp_dir("cli-extract-utf8");
    let good = dir.join("good.txt");
    let bad = dir.join("bad.txt");
    std::fs::write(&good, NEWS).unwrap();
    std::fs::write(&bad, b"The mayor said \xff\xfe yes.\n").unwrap();
    let out_dir = dir.join("out");
    let output = run(&[
        "extract",
        good.to_str().unwrap(),
        bad.to_str().unwrap(),
        "--date",
        "2024-03-07",
        "--to",
        "brat",
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "error: {}: not UTF-8 text: invalid byte sequence at byte 15\n",
            bad.display()
        )
    );
    // Nothing is written when one input is bad.
    assert!(!out_dir.join("good.ann").exists());
}

#[test]
fn extract_usage_errors_exit_with_status_2() {
    let dir = temp_dir("cli-extract-usage");
    let article = dir.join("bridge.txt");
    std::fs::write(&article, NEWS).unwrap();
    let article = article.to_str().unwrap();
    for args in [
        &["extract", article][..],
        &["extract", "--date", "2024-03-07"],
        &["extract", article, "--date", "07/03/2024"],
        &["extract", article, "--date", "2024-03-07", "--to", "png"],
    ] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let message = stderr(&output);
        assert!(message.starts_with("error: "), "{args:?}: {message}");
        assert!(message.contains("try '--help'"), "{args:?}: {message}");
    }
    let output = run(&["extract", article]);
    assert!(
        stderr(&output).starts_with("error: extract needs --date YYYY-MM-DD or --metadata"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn every_command_prints_its_usage_with_help() {
    for command in ["extract", "convert", "depths", "profile", "completions"] {
        for help in [
            &[command, "--help"][..],
            &[command, "-h"],
            &["help", command],
        ] {
            let output = run(help);
            assert_eq!(output.status.code(), Some(0), "{help:?}");
            assert!(
                stdout(&output).contains(&format!("Usage: according {command} ")),
                "{help:?}: {}",
                stdout(&output)
            );
            assert_eq!(stderr(&output), "", "{help:?}");
        }
    }
    let output = run(&["extract", "-h"]);
    assert!(stdout(&output).contains("--metadata <FILE.tsv>"));
    let output = run(&["--help"]);
    assert_eq!(output.status.code(), Some(0));
    for command in ["convert", "depths", "profile", "extract", "completions"] {
        assert!(stdout(&output).contains(command), "{}", stdout(&output));
    }
    assert!(stdout(&output).contains("'-' reads stdin"));
}

#[test]
fn the_version_is_the_crate_version() {
    let output = run(&["--version"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        concat!("according ", env!("CARGO_PKG_VERSION"), "\n")
    );
}

#[test]
fn completions_are_written_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let output = run(&["completions", shell]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{shell}: {}",
            stderr(&output)
        );
        assert_eq!(stderr(&output), "", "{shell}");
        let script = stdout(&output);
        for word in ["according", "convert", "depths", "extract", "metadata"] {
            assert!(script.contains(word), "{shell}: no {word} in {script}");
        }
        if matches!(shell, "bash" | "zsh" | "fish") {
            assert!(script.contains("prov-json"), "{shell}: no format names");
        }
    }
}

#[test]
fn depths_read_stdin() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_according"))
        .args(["depths", "-"])
        .current_dir(ROOT)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let prov = std::fs::read(Path::new(ROOT).join(EXAMPLE_PROV)).unwrap();
    child.stdin.take().unwrap().write_all(&prov).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    assert_eq!(stdout(&output), EXPECTED_DEPTHS);
}

/// The progress bar of a run over many files is drawn only on a terminal:
/// with stderr redirected, as here, nothing but errors reaches it.
#[test]
fn extract_over_many_files_writes_nothing_else_to_stderr() {
    let dir = temp_dir("cli-extract-many");
    let mut files = Vec::new();
    for n in 0..12 {
        let article = dir.join(format!("article{n}.txt"));
        std::fs::write(&article, NEWS).unwrap();
        files.push(article.to_str().unwrap().to_owned());
    }
    let mut args = vec!["extract", "--date", "2024-03-07", "--to", "edges"];
    args.extend(files.iter().map(String::as_str));
    let output = run(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    assert!(stdout(&output).starts_with("report_id\tspeaker_id\tcited_report_id\n"));
}
