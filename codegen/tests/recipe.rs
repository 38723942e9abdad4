//! The review loop of `examples/graph-docs-review.yml`, run as the workflow runs it: its
//! `graph-docs-codegen` steps (all but checking out, installing, the user's snapshot test,
//! pushing and posting), word for word, through `sh`, on two docs trees: a copy of docs-src
//! the crate was generated from, then the same copy with pages edited.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const WORKFLOW: &str = include_str!("../../examples/graph-docs-review.yml");
const README: &str = include_str!("../../README.md");

fn docs_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs-src")
}

/// The workflow's `run:` steps that call the generator, in order.
fn generator_steps() -> Vec<&'static str> {
    WORKFLOW
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("run: "))
        .filter(|command| command.starts_with("graph-docs-codegen "))
        .collect()
}

/// The workflow's `SELECT` variable.
fn selection() -> &'static str {
    WORKFLOW.lines().find_map(|line| line.trim_start().strip_prefix("SELECT: ")).expect("the workflow sets SELECT")
}

/// Runs a step in `dir` as the workflow's shell would: the CLI on the PATH, `SELECT` set.
fn step(dir: &Path, command: &str) -> Output {
    let bin = Path::new(env!("CARGO_BIN_EXE_graph-docs-codegen")).parent().expect("the binary's folder");
    let path = std::env::join_paths(
        std::iter::once(bin.to_path_buf()).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .expect("a PATH");
    Command::new("sh")
        .args(["-c", command])
        .current_dir(dir)
        .env("PATH", path)
        .env("SELECT", selection())
        .output()
        .expect("sh runs")
}

fn ok(dir: &Path, command: &str) -> String {
    let output = step(dir, command);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(0), "{command}: {stderr}");
    stderr
}

fn edit(page: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(page).expect("read page");
    assert!(text.contains(from), "{from:?} in {}", page.display());
    std::fs::write(page, text.replacen(from, to, 1)).expect("write page");
}

fn version_of(dir: &Path) -> String {
    let manifest = std::fs::read_to_string(dir.join("graph/Cargo.toml")).expect("the crate's manifest");
    let line = manifest.lines().find(|l| l.starts_with("version = ")).expect("a version");
    line.trim_start_matches("version = ").trim_matches('"').to_string()
}

#[test]
fn the_readme_shows_the_workflows_steps() {
    let steps = generator_steps();
    assert_eq!(steps.len(), 3, "diff, generate, check: {steps:?}");
    for command in steps {
        assert!(README.contains(command), "the README's recipe lacks `{command}`");
    }
}

#[test]
fn the_review_loop_runs_on_two_docs_trees() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let dir = dir.path();
    let copied = Command::new("cp").arg("-R").arg(docs_src()).arg(dir.join("docs")).status().expect("cp runs");
    assert!(copied.success(), "copy docs-src");
    // The crate as committed before the docs change, generated once by hand.
    ok(dir, "graph-docs-codegen generate --docs docs --out graph $SELECT --crate-version 1.4.2");
    let lock = std::fs::read_to_string(dir.join("graph/graph-docs-lock.json")).expect("the crate holds its lock");
    assert!(lock.starts_with("{\"lock_format\":1,"), "{:?}", lock.lines().next());
    assert!(lock.contains(r#""crate_version":"1.4.2""#) && lock.contains(r#""areas":["users","auditLogs"]"#));
    let steps = generator_steps();
    // Nothing changed: no API change, no new version, the crate up to date.
    for command in &steps {
        ok(dir, command);
    }
    assert_eq!(version_of(dir), "1.4.2");
    let comment = std::fs::read_to_string(dir.join("comment.md")).expect("the summary");
    assert!(comment.contains("Semver verdict: **none**"), "{comment}");

    // The docs change: a property of a selected type retyped, one added, and a page of an
    // area the crate leaves out edited.
    let v1 = dir.join("docs/api-reference/v1.0");
    let user = v1.join("resources/user.md");
    edit(&user, "|employeeHireDate|Date|", "|employeeHireDate|String|");
    edit(&user, "|displayName|String|", "|nickname|String|Made-up name a user goes by.|\n|displayName|String|");
    edit(&v1.join("resources/callrecords-callrecord.md"), "|version|Int64|", "|version|Int32|");

    let check = step(dir, &format!("graph-docs-codegen check --docs docs --out graph {}", selection()));
    assert_eq!(check.status.code(), Some(1), "stale");
    let explained = String::from_utf8_lossy(&check.stderr);
    assert!(
        explained.contains("API change since graph/graph-docs-lock.json: major; release major: version 1.4.2 → 2.0.0"),
        "{explained}"
    );
    assert!(explained.contains("  v1.0: major; 1 breaking, 1 additive, 0 patch"), "{explained}");
    assert!(explained.contains("  beta: none;"), "{explained}");

    let mut stderr = String::new();
    for command in &steps {
        stderr += &ok(dir, command);
    }
    assert_eq!(version_of(dir), "2.0.0", "bumped by the verdict: {stderr}");
    let lock = std::fs::read_to_string(dir.join("graph/graph-docs-lock.json")).expect("the new lock");
    assert!(lock.contains(r#""crate_version":"2.0.0""#) && lock.contains(r#""name":"nickname""#));
    let comment = std::fs::read_to_string(dir.join("comment.md")).expect("the summary");
    assert!(comment.chars().count() <= 65_000);
    assert!(comment.contains("Semver verdict: **major**"), "{comment}");
    assert!(comment.contains("- `microsoft.graph.user/employeeHireDate`: `Edm.Date` → `Edm.String`"), "{comment}");
    assert!(comment.contains("- `microsoft.graph.user/nickname`: `Edm.String`"), "{comment}");
    assert!(comment.ends_with("2 of 2 changes listed. The full report: `api-diff.md`.\n"), "{comment}");
    assert!(!comment.contains("callRecord"), "an area the crate leaves out: {comment}");
    let report = std::fs::read_to_string(dir.join("api-diff.md")).expect("the full report");
    assert!(report.contains("| **total** | **1** | **1** | **0** |"), "{report}");
}
