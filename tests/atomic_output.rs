//! Output is swapped in whole: a failed write leaves the previous output as it was, and
//! `stale_files` (what `check` reports) names every file that differs.

use graph_docs_codegen::emit::GeneratedFile;
use graph_docs_codegen::write::{stale_files, write_tree};
use std::path::Path;

fn file(path: &str, contents: &str) -> GeneratedFile {
    GeneratedFile { path: path.into(), contents: contents.into() }
}

fn previous() -> Vec<GeneratedFile> {
    vec![file("Cargo.toml", "[package]\n"), file("src/lib.rs", "pub mod a;\n"), file("src/a.rs", "pub struct A;\n")]
}

/// Every file under `dir`, relative, with its contents.
fn tree(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = walk(dir)
        .into_iter()
        .map(|p| {
            (
                p.strip_prefix(dir).expect("under dir").to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).expect("read"),
            )
        })
        .collect();
    files.sort();
    files
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("list folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_write_failing_halfway_leaves_the_previous_output() {
    let parent = tempfile::tempdir().expect("temporary folder");
    let out = parent.path().join("crate");
    write_tree(&out, &previous()).expect("first write");
    let before = tree(&out);
    // `src/a.rs` as a file and as a folder: staging fails after writing some files.
    let clashing =
        vec![file("Cargo.toml", "[package] # new\n"), file("src/a.rs", "new\n"), file("src/a.rs/b.rs", "new\n")];
    assert!(write_tree(&out, &clashing).is_err());
    assert_eq!(tree(&out), before, "the previous output is untouched");
    assert_eq!(names_in(parent.path()), ["crate"], "no staging folder is left behind");
}

#[test]
fn a_staging_folder_that_cannot_be_made_leaves_the_previous_output() {
    let parent = tempfile::tempdir().expect("temporary folder");
    let out = parent.path().join("crate");
    write_tree(&out, &previous()).expect("first write");
    let before = tree(&out);
    // The staging folder is a sibling named after the output and this process; a file
    // in its place cannot be replaced by a folder.
    let blocker = parent.path().join(format!(".crate.new-{}", std::process::id()));
    std::fs::write(&blocker, "in the way").expect("block the staging path");
    let mut next = previous();
    next[2].contents = "pub struct B;\n".into();
    assert!(write_tree(&out, &next).is_err());
    assert_eq!(tree(&out), before, "the previous output is untouched");
    std::fs::remove_file(&blocker).expect("unblock");
    write_tree(&out, &next).expect("the write succeeds once the path is free");
    assert_eq!(std::fs::read_to_string(out.join("src/a.rs")).expect("read"), "pub struct B;\n");
    assert_eq!(names_in(parent.path()), ["crate"]);
}

#[test]
fn stale_files_names_modified_missing_and_extra_files() {
    let parent = tempfile::tempdir().expect("temporary folder");
    let out = parent.path().join("crate");
    let files = previous();
    write_tree(&out, &files).expect("write");
    assert!(stale_files(&out, &files).is_empty());
    std::fs::write(out.join("src/a.rs"), "pub struct A; // edited\n").expect("modify");
    assert_eq!(stale_files(&out, &files), ["src/a.rs"]);
    std::fs::remove_file(out.join("Cargo.toml")).expect("delete");
    std::fs::write(out.join("src/extra.rs"), "").expect("add");
    assert_eq!(stale_files(&out, &files), ["Cargo.toml", "src/a.rs", "src/extra.rs"]);
}
