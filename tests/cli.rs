//! The `according` command-line example, run as a process.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

const EXAMPLE_PROV: &str = "tests/data/peers_example.prov.json";
const EXAMPLE_EDGES: &str = "tests/data/peers_example.edges.tsv";
const EXPECTED_DEPTHS: &str = include_str!("data/peers_example.depths.tsv");

/// Builds the example once and returns its path, as cargo reports it (so a
/// custom target directory works too).
fn binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        let output = Command::new(cargo)
            .args([
                "build",
                "--quiet",
                "--example",
                "according",
                "--message-format=json",
            ])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("cargo runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .filter(|message| message["target"]["name"] == "according")
            .find_map(|message| message["executable"].as_str().map(PathBuf::from))
            .expect("cargo reports the example's executable")
    })
}

#[track_caller]
fn run(args: &[&str]) -> Output {
    Command::new(binary())
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the example runs")
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
    ] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let message = stderr(&output);
        assert!(message.starts_with("error: "), "{args:?}: {message}");
        assert!(message.contains("usage: according"), "{args:?}: {message}");
        assert!(!message.contains("panicked"), "{args:?}: {message}");
    }
}
