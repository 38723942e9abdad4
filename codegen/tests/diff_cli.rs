//! `diff` as a user runs it: two versions of one tree, both formats, exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn docs_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs-src")
}

fn diff(args: &[&str]) -> Output {
    let docs = docs_src();
    let docs = docs.to_str().expect("a UTF-8 path");
    Command::new(env!("CARGO_BIN_EXE_graph-docs-codegen"))
        .args(["diff", "--old", docs, "--new", docs])
        .args(args)
        .output()
        .expect("the CLI runs")
}

#[test]
fn two_versions_of_one_tree_in_json_and_markdown() {
    let versions = ["--old-version", "v1.0", "--new-version", "beta"];
    let json = diff(&[&versions[..], &["--format", "json"]].concat());
    assert_eq!(json.status.code(), Some(0), "{}", String::from_utf8_lossy(&json.stderr));
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON on stdout");
    assert_eq!(report["verdict"], "major");
    assert_eq!(report["diffs"][0]["old_version"], "v1.0");
    assert_eq!(report["diffs"][0]["new_version"], "beta");
    let markdown = diff(&versions);
    assert_eq!(markdown.status.code(), Some(0));
    let text = String::from_utf8_lossy(&markdown.stdout);
    assert!(text.starts_with("## API diff\n\nSemver verdict: **major**"), "{text}");
}

#[test]
fn a_tree_against_itself_has_no_changes() {
    let output = diff(&[]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("Semver verdict: **none**") && text.matches("No API changes.").count() == 2, "{text}");
}

#[test]
fn bad_input_exits_with_2() {
    assert_eq!(diff(&["--old-version", "v1.0"]).status.code(), Some(2), "--new-version is required with it");
    let missing = Command::new(env!("CARGO_BIN_EXE_graph-docs-codegen"))
        .args(["diff", "--old", "no-such-folder", "--new", "no-such-folder"])
        .output()
        .expect("the CLI runs");
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("not a docs root"));
}
