//! The lock file as the old side of a diff, on the shared corpus: a second revision of
//! v1.0 is made here by copying it and editing pages; the changes from the lock are the
//! changes from the old docs, and reading the lock takes a fraction of parsing the docs.
//! The summary of the largest diff at hand (v1.0 → beta) fits a pull request comment and
//! lists the breaking changes first.

use graph_docs_codegen::diff::{self, Class, COMMENT_LIMIT};
use graph_docs_codegen::snapshot::{self, Snapshot};
use graph_docs_codegen::{load, Builder};
use graph_docs_tests::{copy_tree, shared};
use std::path::Path;
use std::time::Instant;

/// Replaces the first line of `page` starting with `row` by `with` (more lines may follow).
fn edit_row(page: &Path, row: &str, with: impl Fn(&str) -> String) {
    let text = std::fs::read_to_string(page).expect("read page");
    let line =
        text.lines().find(|l| l.replace(' ', "").starts_with(row)).unwrap_or_else(|| panic!("{row} in {page:?}"));
    std::fs::write(page, text.replacen(line, &with(line), 1)).expect("write page");
}

#[test]
fn a_lock_gives_the_changes_the_old_docs_give_and_reads_faster() {
    let old_docs = shared().join("graph-docs");
    let new_docs = tempfile::tempdir().expect("temporary folder");
    let v1 = new_docs.path().join("api-reference/v1.0");
    copy_tree(&old_docs.join("api-reference/v1.0"), &v1);
    // One edit of each sort: a retyped property, a new property, a removed operation.
    edit_row(&v1.join("resources/user.md"), "|displayName|String|", |l| l.replacen("String", "Int32", 1));
    edit_row(&v1.join("resources/group.md"), "|displayName|String|", |l| {
        format!("{l}\n|widgetCount|Int32|How many made-up widgets the group holds.|")
    });
    std::fs::remove_file(v1.join("api/user-delete.md")).expect("remove a page");

    let (_, files) = Builder::new(&old_docs).version("v1.0").cargo_directives(false).crate_files().expect("generates");
    let lock = files.iter().find(|f| f.path == snapshot::LOCK_FILE).expect("the crate holds its lock");
    let lock_path = new_docs.path().join(snapshot::LOCK_FILE);
    std::fs::write(&lock_path, &lock.contents).expect("write the lock");

    let start = Instant::now();
    let read = snapshot::read(&lock_path).expect("the lock reads");
    let read_time = start.elapsed();
    let start = Instant::now();
    let old = load(&old_docs, "v1.0").model;
    let parse_time = start.elapsed();
    println!(
        "lock ({} bytes) read in {:.3} s; docs v1.0 parsed in {:.3} s",
        lock.contents.len(),
        read_time.as_secs_f64(),
        parse_time.as_secs_f64()
    );
    assert!(matches!(read, Snapshot::Lock(_)), "read as a lock");
    assert!(read_time * 2 < parse_time, "reading the lock takes {read_time:?}, parsing the docs {parse_time:?}");

    let new = load(new_docs.path(), "v1.0").model;
    let from_docs = diff::diff(&old, &new);
    let from_lock = diff::diff(&read.models()[0], &new);
    assert_eq!(from_lock, from_docs);
    let found: Vec<(&str, &str)> = from_lock.changes.iter().map(|c| (c.kind.id(), c.subject.as_str())).collect();
    assert_eq!(
        found,
        [
            ("property-type-changed", "microsoft.graph.user/displayName"),
            ("operation-removed", "user-delete"),
            ("property-added", "microsoft.graph.group/widgetCount"),
        ]
    );
}

#[test]
fn the_summary_of_v1_to_beta_fits_a_comment_with_breaking_changes_first() {
    let docs = shared().join("graph-docs");
    let (old, new) = (load(&docs, "v1.0").model, load(&docs, "beta").model);
    let diffs = [diff::diff(&old, &new)];
    let full = diff::markdown(&diffs);
    let summary = diff::summary(&diffs, Some("api-diff.md"));
    let length = summary.chars().count();
    println!("summary {length} characters; full report {} characters", full.chars().count());
    assert!(full.chars().count() > COMMENT_LIMIT, "the full report would not fit: the summary must cut it");
    assert!(length <= COMMENT_LIMIT, "{length} characters");
    assert!(summary.ends_with("changes listed. The full report: `api-diff.md`.\n"), "{:?}", summary.lines().last());
    // The table counts every change; the lists start with the breaking ones.
    let breaking = diffs[0].changes.iter().filter(|c| c.class == Class::Breaking).count();
    assert!(summary.contains(&format!("| **total** | **{breaking}** |")), "the table counts all of them");
    let at = |heading: &str| summary.find(heading).unwrap_or_else(|| panic!("no {heading}"));
    assert!(at("\n#### breaking (") < at("\n#### additive ("));
    assert!(at("\n#### additive (") < at("\n#### patch ("));
    let first_listed = summary.lines().find(|l| l.starts_with("- `")).expect("a change is listed");
    let first_breaking = diffs[0].changes.iter().find(|c| c.class == Class::Breaking).expect("breaking changes");
    assert!(first_listed.starts_with(&format!("- `{}`", first_breaking.subject)), "{first_listed}");
    // Every kind of breaking change shows some of its changes.
    let breaking_part = &summary[at("\n#### breaking (")..at("\n#### additive (")];
    for (kind, counts) in diffs[0].counts().iter().filter(|(_, n)| n.breaking > 0) {
        let heading = format!("<code>{}</code> ({})</summary>\n\n- `", kind.id(), counts.breaking);
        let short = format!("`{}` ({})\n\n- `", kind.id(), counts.breaking);
        assert!(breaking_part.contains(&heading) || breaking_part.contains(&short), "{} lists none", kind.id());
    }
}
