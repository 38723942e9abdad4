//! The feature matrix of the crate generated from the whole shared corpus: single areas,
//! two areas together and the core alone each compile (`cargo check`) with warnings
//! denied. All features together are built, with warnings denied, by CI's step after the
//! tests (`.ci/run`), which builds that crate anyway.

use graph_docs_codegen::{available_versions, emit, load, write};
use graph_docs_tests::{cargo_in, run_cargo, shared, workspace_lock, workspace_root};

/// Feature sets, each with what it exercises.
const SETS: &[(&str, &str)] = &[
    ("v1_0-core", "no area: the version module with only the types most areas share"),
    ("v1_0-users", "the largest v1.0 area: mail, and the most action bodies"),
    ("v1_0-communications", "action bodies, and types of the callRecords namespace module"),
    ("v1_0-reports", "functions answering streams and primitive values, with few types"),
    ("v1_0-users,v1_0-groups", "two areas: types both need, navigation fields between them"),
    ("beta-audit_logs", "a beta area on its own"),
];

#[test]
fn single_areas_and_pairs_compile_with_warnings_denied() {
    let root = workspace_root().join("target/feature-matrix");
    let crate_dir = root.join("crate");
    let docs = shared().join("graph-docs");
    let models: Vec<_> = available_versions(&docs).into_iter().map(|v| load(&docs, v).model).collect();
    let mut files = emit::emit_crate(&models, &emit::CrateOptions::default());
    files.push(emit::GeneratedFile { path: "Cargo.lock".into(), contents: workspace_lock() });
    // Rewritten only when the generator's output changed, so a rerun checks nothing anew.
    if !write::stale_files(&crate_dir, &files).is_empty() {
        write::write_tree(&crate_dir, &files).expect("write the generated crate");
    }
    let manifest = &files.iter().find(|f| f.path == "Cargo.toml").expect("a manifest").contents;
    for (set, why) in SETS {
        for feature in set.split(',') {
            assert!(manifest.contains(&format!("\n{feature} = [")), "the corpus has no feature {feature} ({why})");
        }
        run_cargo(
            cargo_in(&crate_dir, &root.join("target"))
                .args(["check", "--quiet", "--no-default-features", "--features", set])
                .env("RUSTFLAGS", "-D warnings"),
        );
    }
}
