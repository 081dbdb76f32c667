//! Hostile input given to the `according` binary: every failure is one
//! error line and an exit status, never a panic or a partial file.

use std::process::Command;

#[test]
fn the_cli_turns_invalid_utf8_into_one_error_line() {
    use std::os::unix::ffi::OsStrExt;
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("adversarial-cli");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let cases: [(&str, &[u8]); 4] = [
        (
            "native.json",
            b"{\"according\":1,\"claims\":{\"c0\":{\"content\":\"\xff\xfe\"}}}",
        ),
        ("prov.json", b"{\"entity\":{\"r:\xc3\x28\":{}}}"),
        (
            "edges.tsv",
            b"report_id\tspeaker_id\tcited_report_id\n\xed\xa0\x80\ta\t\n",
        ),
        ("nul.json", b"\0\0\0\0"),
    ];
    for (name, bytes) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let output = Command::new(env!("CARGO_BIN_EXE_according"))
            .arg("depths")
            .arg(&path)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{name}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{name}: {stderr}");
        assert!(!stderr.contains("internal error"), "{name}: {stderr}");
    }
    // An argument that is not UTF-8 is a usage error, not a panic.
    let output = Command::new(env!("CARGO_BIN_EXE_according"))
        .arg("depths")
        .arg(std::ffi::OsStr::from_bytes(b"\xff.json"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("invalid UTF-8"));
    // A failed conversion leaves no output file behind.
    let out = dir.join("out.json");
    let output = Command::new(env!("CARGO_BIN_EXE_according"))
        .args(["convert", "--to", "json", "-o"])
        .arg(&out)
        .arg(dir.join("nul.json"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(!out.exists());
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_directory_or_an_empty_file_as_input_is_one_error_line() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("adversarial-cli-odd");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.json");
    std::fs::write(&empty, b"").unwrap();
    for (input, message) in [
        (&dir, "Is a directory (os error 21)"),
        (&empty, "prov-json: line 1: EOF while parsing a value"),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_according"))
            .arg("depths")
            .arg(input)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            format!("error: {}: {message}\n", input.display())
        );
        assert_eq!(output.stdout, b"");
    }
}
