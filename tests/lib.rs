//! Shared helpers for the integration tests: where the docs are, and models with the
//! docs' prose left out (snapshots of shared pages must hold facts only).

pub mod api_listing;
pub mod local_server;

use graph_docs_codegen::ir::Model;
use graph_docs_codegen::model::operations::Example;
use graph_docs_codegen::scan::{Folder, SourceFile};
use graph_docs_codegen::{model, parse};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ has a parent").to_path_buf()
}

pub fn docs_src() -> PathBuf {
    workspace_root().join("docs-src")
}

/// `../shared` beside the repository; CI has it too, so its absence is a failure.
pub fn shared() -> PathBuf {
    let shared = workspace_root().join("../shared");
    assert!(shared.is_dir(), "{} is missing: the corpus tests read the shared docs from there", shared.display());
    shared
}

/// Descriptions are the docs' prose: blank them before snapshotting shared pages.
pub fn without_descriptions(mut model: Model) -> Model {
    for t in &mut model.types {
        t.description.clear();
        for p in &mut t.properties {
            p.description.clear();
        }
        for m in &mut t.members {
            m.description.clear();
        }
    }
    for op in &mut model.operations {
        op.description.clear();
        // The permission scenarios and role notes are prose too.
        op.permissions.scenarios.clear();
        op.permissions.notes.clear();
    }
    model
}

/// A docs tree in a temporary folder holding `pages` (path under `api-reference/`, text).
pub fn docs_tree(pages: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    for (path, text) in pages {
        let full = dir.path().join("api-reference").join(path);
        std::fs::create_dir_all(full.parent().expect("page path has a folder")).expect("create folder");
        std::fs::write(full, text).expect("write page");
    }
    dir
}

/// Copies the folder `from` with everything in it to `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("{}: {e}", to.display()));
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display())) {
        let entry = entry.expect("folder entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap_or_else(|e| panic!("{}: {e}", target.display()));
        }
    }
}

/// The annotated examples of one API page (path relative to the docs root), in page order.
pub fn page_examples(docs: &Path, file: &str) -> Vec<Example> {
    let text = std::fs::read_to_string(docs.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    let mut diags = Vec::new();
    let page = parse::parse_page(
        SourceFile { path: file.to_string(), folder: Folder::Api, text, includes: Vec::new() },
        &mut diags,
    )
    .unwrap_or_else(|| panic!("{file} does not parse: {diags:?}"));
    model::operations::operations(&page, &mut diags).into_iter().flat_map(|op| op.examples).collect()
}

/// A file-name-safe snapshot name.
pub fn snapshot_name(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| p.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect::<String>())
        .collect::<Vec<_>>()
        .join("__")
}

/// The workspace's lock file, for a crate generated under `target/`: it pins the versions
/// the other tests already use, so no new ones are fetched.
pub fn workspace_lock() -> String {
    std::fs::read_to_string(workspace_root().join("Cargo.lock")).expect("read Cargo.lock")
}

/// The crate generated from the whole shared corpus, both versions, written under
/// `target/feature-matrix/crate` (rewritten only when the generator's output changed, so a
/// rerun builds nothing anew); its build folder is `target/feature-matrix/target`.
pub fn corpus_crate() -> (PathBuf, PathBuf) {
    use graph_docs_codegen::{available_versions, emit, load, write};
    let root = workspace_root().join("target/feature-matrix");
    let crate_dir = root.join("crate");
    let docs = shared().join("graph-docs");
    let models: Vec<_> = available_versions(&docs).into_iter().map(|v| load(&docs, v).model).collect();
    let mut files = emit::emit_crate(&models, &emit::CrateOptions::default());
    files.push(emit::GeneratedFile { path: "Cargo.lock".into(), contents: workspace_lock() });
    if !write::stale_files(&crate_dir, &files).is_empty() {
        write::write_tree(&crate_dir, &files).expect("write the generated crate");
    }
    (crate_dir, root.join("target"))
}

/// The cargo running the tests, in `crate_dir`, building into `target_dir`.
pub fn cargo_in(crate_dir: &Path, target_dir: &Path) -> Command {
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command.current_dir(crate_dir).env("CARGO_TARGET_DIR", target_dir);
    command
}

/// Runs a cargo command; fails the test with its output unless it succeeds.
pub fn run_cargo(command: &mut Command) -> Output {
    let output = command.output().unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"));
    assert!(
        output.status.success(),
        "{command:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}
