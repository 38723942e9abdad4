//! The command line as a user and a tool see it: exit codes, the two message formats,
//! listing by code, `check` naming stale files and telling what changed since the lock,
//! `generate --bump`, and `diff` reading a lock or a model export.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn docs_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs-src")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_graph-docs-codegen")).args(args).output().expect("the CLI runs")
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("exited, not killed")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Each stdout line as JSON; every line must be an object with a `type`.
fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    text(&output.stdout)
        .lines()
        .map(|line| {
            let value: serde_json::Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
            assert!(value["type"].is_string(), "no type: {line}");
            value
        })
        .collect()
}

/// A docs tree holding one empty page: an error.
fn tree_with_an_error() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    let resources = dir.path().join("api-reference/v1.0/resources");
    std::fs::create_dir_all(&resources).expect("create folders");
    std::fs::write(resources.join("empty.md"), "").expect("write page");
    dir
}

#[test]
fn argument_errors_exit_with_2() {
    assert_eq!(code(&run(&["generate", "--no-such-flag"])), 2);
    assert_eq!(code(&run(&["generate", "--jobs", "0"])), 2);
    assert_eq!(code(&run(&["frobnicate"])), 2);
    let unknown = run(&["generate", "--docs", "docs-src", "--code", "no-such-code"]);
    assert_eq!(code(&unknown), 2);
    assert!(text(&unknown.stderr).contains("unknown diagnostic code `no-such-code`"));
    assert_eq!(code(&run(&["--help"])), 0);
    assert_eq!(code(&run(&["--version"])), 0);
}

#[test]
fn unreadable_docs_root_exits_with_2() {
    let out = tempfile::tempdir().expect("temporary folder");
    let out = out.path().join("crate");
    let human = run(&["generate", "--docs", "/no/such/docs", "--out", out.to_str().expect("UTF-8 path")]);
    assert_eq!(code(&human), 2);
    assert!(text(&human.stderr).contains("not a docs root"));
    let json = run(&[
        "generate",
        "--docs",
        "/no/such/docs",
        "--out",
        out.to_str().expect("UTF-8 path"),
        "--message-format",
        "json",
    ]);
    assert_eq!(code(&json), 2);
    assert!(json.stderr.is_empty(), "JSON mode keeps stderr empty: {}", text(&json.stderr));
    let lines = json_lines(&json);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["type"], "error");
    assert!(!out.exists(), "nothing was written");
}

#[test]
fn human_output_counts_by_code_and_lists_only_when_asked() {
    let out = tempfile::tempdir().expect("temporary folder");
    let out = out.path().join("crate");
    let docs = docs_src();
    let args = [
        "generate",
        "--docs",
        docs.to_str().expect("UTF-8 path"),
        "--out",
        out.to_str().expect("UTF-8 path"),
        "--jobs",
        "2",
    ];
    let quiet = run(&args);
    assert_eq!(code(&quiet), 0, "{}", text(&quiet.stderr));
    let stderr = text(&quiet.stderr);
    assert!(stderr.contains("warning[todo-placeholder]"), "{stderr}");
    assert!(!stderr.contains("┌─"), "no snippet without --verbose: {stderr}");
    assert!(!stderr.contains('\u{1b}'), "no color when stderr is not a terminal");
    assert!(quiet.stdout.is_empty());

    let listed = run(&[&args[..], &["--code", "todo-placeholder"]].concat());
    let stderr = text(&listed.stderr);
    assert!(stderr.contains("warning[todo-placeholder]: "), "{stderr}");
    assert!(stderr.contains("┌─ api-reference/beta/"), "{stderr}");
    assert!(!stderr.contains("warning[missing-from-json]: "), "other codes are only counted: {stderr}");

    assert_eq!(code(&run(&[&args[..], &["--deny-warnings"]].concat())), 1);
}

#[test]
fn json_output_is_one_object_per_line_on_stdout() {
    let out = tempfile::tempdir().expect("temporary folder");
    let out = out.path().join("crate");
    let docs = docs_src();
    let args = [
        "generate",
        "--docs",
        docs.to_str().expect("UTF-8 path"),
        "--out",
        out.to_str().expect("UTF-8 path"),
        "--message-format",
        "json",
    ];
    let quiet = run(&args);
    assert_eq!(code(&quiet), 0);
    assert!(quiet.stderr.is_empty(), "{}", text(&quiet.stderr));
    let lines = json_lines(&quiet);
    let types: Vec<&str> = lines.iter().map(|l| l["type"].as_str().unwrap_or_default()).collect();
    assert_eq!(types, ["written", "summary", "summary"]);
    assert_eq!(lines[1]["version"], "v1.0");

    let verbose = run(&[&args[..], &["--verbose"]].concat());
    let lines = json_lines(&verbose);
    let diagnostics: Vec<&serde_json::Value> = lines.iter().filter(|l| l["type"] == "diagnostic").collect();
    let counted: u64 = lines
        .iter()
        .filter(|l| l["type"] == "summary")
        .map(|l| l["warnings"].as_u64().unwrap_or(0) + l["errors"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(diagnostics.len() as u64, counted);
    for d in diagnostics {
        assert!(d["file"].as_str().is_some_and(|f| f.starts_with("api-reference/")), "{d}");
        assert!(d["line"].as_u64().is_some_and(|l| l >= 1), "{d}");
    }
}

#[test]
fn errors_in_the_docs_exit_with_1_after_generating() {
    let docs = tree_with_an_error();
    let out = docs.path().join("out");
    let run = run(&[
        "generate",
        "--docs",
        docs.path().to_str().expect("UTF-8 path"),
        "--out",
        out.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(code(&run), 1);
    assert!(text(&run.stderr).contains("error[empty-page]"));
    assert!(out.join("src/lib.rs").is_file(), "the crate is still generated");
}

#[test]
fn check_names_a_modified_file_and_exits_with_1() {
    let out = tempfile::tempdir().expect("temporary folder");
    let out = out.path().join("crate");
    let docs = docs_src();
    let (docs, out_arg) = (docs.to_str().expect("UTF-8 path"), out.to_str().expect("UTF-8 path"));
    assert_eq!(code(&run(&["generate", "--docs", docs, "--out", out_arg])), 0);
    let fresh = run(&["check", "--docs", docs, "--out", out_arg]);
    assert_eq!(code(&fresh), 0, "{}", text(&fresh.stderr));
    assert!(text(&fresh.stderr).contains("is up to date"));

    let edited = out.join("src/v1_0/mod.rs");
    let mut source = std::fs::read_to_string(&edited).expect("generated module");
    source.push_str("\n// edited by hand\n");
    std::fs::write(&edited, source).expect("edit a generated file");
    let stale = run(&["check", "--docs", docs, "--out", out_arg]);
    assert_eq!(code(&stale), 1);
    assert!(text(&stale.stderr).contains(&format!("stale: {}", edited.display())), "{}", text(&stale.stderr));
    let json = run(&["check", "--docs", docs, "--out", out_arg, "--message-format", "json"]);
    assert_eq!(code(&json), 1);
    assert!(json_lines(&json).iter().any(|l| l["type"] == "stale" && l["file"] == "src/v1_0/mod.rs"));
}

#[test]
fn areas_and_paths_select_what_is_generated() {
    let out = tempfile::tempdir().expect("temporary folder");
    let out = out.path().join("crate");
    let docs = docs_src();
    let (docs, out_arg) = (docs.to_str().expect("UTF-8 path"), out.to_str().expect("UTF-8 path"));
    let generated = run(&["generate", "--docs", docs, "--out", out_arg, "--version", "v1.0", "--area", "reports"]);
    assert_eq!(code(&generated), 0, "{}", text(&generated.stderr));
    let manifest = std::fs::read_to_string(out.join("Cargo.toml")).expect("manifest");
    assert!(manifest.contains("\nv1_0-reports = ["), "{manifest}");
    assert!(!manifest.contains("v1_0-users"), "{manifest}");
    // Only the lock, which records the selection as given, differs.
    let by_path = ["check", "--docs", docs, "--out", out_arg, "--version", "v1.0", "--path", "/reports"];
    let checked = run(&[&by_path[..], &["--message-format", "json"]].concat());
    assert_eq!(code(&checked), 1);
    let stale: Vec<serde_json::Value> = json_lines(&checked).into_iter().filter(|l| l["type"] == "stale").collect();
    assert_eq!(stale.len(), 1, "a path prefix selects the same operations: {stale:?}");
    assert_eq!(stale[0]["file"], "graph-docs-lock.json");

    let unknown = run(&["generate", "--docs", docs, "--out", out_arg, "--area", "mail", "--path", "/nowhere"]);
    assert_eq!(code(&unknown), 2);
    let said = text(&unknown.stderr);
    assert!(said.contains("nothing in the docs matches area `mail`") && said.contains("path `/nowhere`"), "{said}");
}

#[test]
fn areas_lists_each_area_with_its_feature_and_a_misspelled_one_is_an_error_with_a_suggestion() {
    let docs = docs_src();
    let docs = docs.to_str().expect("a UTF-8 path");
    let listed = run(&["areas", "--docs", docs]);
    assert_eq!(code(&listed), 0, "{}", text(&listed.stderr));
    let stdout = text(&listed.stdout);
    assert!(stdout.contains("v1.0:") && stdout.contains("beta:"), "{stdout}");
    let users = stdout.lines().find(|l| l.trim_start().starts_with("users ")).expect("a users area");
    assert!(users.contains("feature `v1_0-users`") && users.contains("path /users"), "{users}");
    let out = tempfile::tempdir().expect("temporary folder");
    let wrong = run(&["generate", "--docs", docs, "--out", out.path().to_str().expect("UTF-8"), "--area", "userz"]);
    assert_eq!(code(&wrong), 2);
    assert!(text(&wrong.stderr).contains("area `userz`; did you mean users?"), "{}", text(&wrong.stderr));
}

/// A copy of docs-src, to edit.
fn docs_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    let copied = Command::new("cp").arg("-R").arg(docs_src().join("api-reference")).arg(dir.path()).status();
    assert!(copied.expect("cp runs").success(), "copy docs-src");
    dir
}

fn add_user_property(docs: &Path) {
    let user = docs.join("api-reference/v1.0/resources/user.md");
    let text = std::fs::read_to_string(&user).expect("user.md");
    let row = "|displayName|String|";
    assert!(text.contains(row));
    std::fs::write(&user, text.replacen(row, &format!("|nickname|String|Made-up.|\n{row}"), 1)).expect("write");
}

#[test]
fn check_tells_what_changed_since_the_lock_and_generate_bumps_by_it() {
    let docs = docs_copy();
    let out = docs.path().join("crate");
    let (docs_arg, out_arg) = (docs.path().to_str().expect("UTF-8 path"), out.to_str().expect("UTF-8 path"));
    let generate = ["generate", "--docs", docs_arg, "--out", out_arg];
    assert_eq!(code(&run(&[&generate[..], &["--crate-version", "0.3.1"]].concat())), 0);
    let check = ["check", "--docs", docs_arg, "--out", out_arg];
    assert_eq!(code(&run(&check)), 0, "the lock's version is kept: Cargo.toml is up to date");

    add_user_property(docs.path());
    let human = run(&check);
    assert_eq!(code(&human), 1);
    let stderr = text(&human.stderr);
    assert!(
        stderr.contains("API change since ") && stderr.contains(": minor; release minor: version 0.3.1 → 0.3.2"),
        "{stderr}"
    );
    assert!(stderr.contains("  v1.0: minor; 0 breaking, 1 additive, 0 patch"), "{stderr}");
    let json = run(&[&check[..], &["--message-format", "json"]].concat());
    assert_eq!(code(&json), 1);
    let lines = json_lines(&json);
    let change = lines.iter().find(|l| l["type"] == "api-change").expect("an api-change line");
    assert_eq!(change["verdict"], "minor");
    assert_eq!(change["next_version"], "0.3.2");
    assert_eq!(change["diffs"][0]["counts"]["property-added"]["additive"], 1);

    let bumped = run(&[&generate[..], &["--bump"]].concat());
    assert_eq!(code(&bumped), 0, "{}", text(&bumped.stderr));
    let manifest = std::fs::read_to_string(out.join("Cargo.toml")).expect("manifest");
    assert!(manifest.contains("\nversion = \"0.3.2\"\n"), "{manifest}");
    assert_eq!(code(&run(&check)), 0, "up to date after the bump");
    let again = run(&[&generate[..], &["--bump"]].concat());
    assert_eq!(code(&again), 0);
    assert!(std::fs::read_to_string(out.join("Cargo.toml")).expect("manifest").contains("\nversion = \"0.3.2\"\n"));

    // A description changes the doc comments only: a patch.
    let user = docs.path().join("api-reference/v1.0/resources/user.md");
    let page = std::fs::read_to_string(&user).expect("user.md");
    std::fs::write(&user, page.replacen("|nickname|String|Made-up.|", "|nickname|String|Made-up, and edited.|", 1))
        .expect("write");
    let described = run(&check);
    assert_eq!(code(&described), 1);
    assert!(
        text(&described.stderr).contains(": none; release patch: version 0.3.2 → 0.3.3"),
        "{}",
        text(&described.stderr)
    );
    assert_eq!(code(&run(&[&generate[..], &["--bump"]].concat())), 0);
    assert!(std::fs::read_to_string(out.join("Cargo.toml")).expect("manifest").contains("\nversion = \"0.3.3\"\n"));

    std::fs::remove_file(out.join("graph-docs-lock.json")).expect("remove the lock");
    let no_lock = run(&check);
    assert_eq!(code(&no_lock), 1);
    assert!(text(&no_lock.stderr).contains("what changed cannot be told"), "{}", text(&no_lock.stderr));
    let refused = run(&[&generate[..], &["--bump"]].concat());
    assert_eq!(code(&refused), 2);
    assert!(text(&refused.stderr).contains("holds no graph-docs-lock.json"), "{}", text(&refused.stderr));
}

#[test]
fn diff_reads_a_lock_a_crate_or_a_model_export_as_the_old_side() {
    let docs = docs_copy();
    let out = docs.path().join("crate");
    let (docs_arg, out_arg) = (docs.path().to_str().expect("UTF-8 path"), out.to_str().expect("UTF-8 path"));
    assert_eq!(code(&run(&["generate", "--docs", docs_arg, "--out", out_arg])), 0);
    let export = run(&["model", "--docs", docs_arg, "--version", "v1.0", "--json"]);
    let export_path = docs.path().join("model.json");
    std::fs::write(&export_path, &export.stdout).expect("write the export");
    add_user_property(docs.path());
    let lock = out.join("graph-docs-lock.json");
    let from_docs = run(&[
        "diff",
        "--old",
        docs_src().to_str().expect("UTF-8"),
        "--new",
        docs_arg,
        "--version",
        "v1.0",
        "--format",
        "json",
    ]);
    assert_eq!(code(&from_docs), 0, "{}", text(&from_docs.stderr));
    for old in [&lock, &out, &export_path] {
        let old = old.to_str().expect("UTF-8");
        let diff = run(&["diff", "--old", old, "--new", docs_arg, "--version", "v1.0", "--format", "json"]);
        assert_eq!(code(&diff), 0, "{}", text(&diff.stderr));
        assert_eq!(text(&diff.stdout), text(&from_docs.stdout), "from {old}");
    }
    let report: serde_json::Value = serde_json::from_slice(&from_docs.stdout).expect("JSON");
    assert_eq!(report["diffs"][0]["changes"][0]["subject"], "microsoft.graph.user/nickname");

    std::fs::write(&lock, "{\"lock_format\":1,").expect("spoil the lock");
    let spoiled = run(&["diff", "--old", lock.to_str().expect("UTF-8"), "--new", docs_arg]);
    assert_eq!(code(&spoiled), 2);
    assert!(text(&spoiled.stderr).contains("not a lock file"), "{}", text(&spoiled.stderr));
}
