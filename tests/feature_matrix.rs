//! The feature matrix of the crate generated from the whole shared corpus: single areas,
//! two areas together and the core alone each compile (`cargo check`) with warnings
//! denied. All features together are built, with warnings denied, by CI's step after the
//! tests (`.ci/run`), which builds that crate anyway.

use graph_docs_tests::{cargo_in, corpus_crate, run_cargo};

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
    let (crate_dir, target) = corpus_crate();
    let manifest = std::fs::read_to_string(crate_dir.join("Cargo.toml")).expect("a manifest");
    for (set, why) in SETS {
        for feature in set.split(',') {
            assert!(manifest.contains(&format!("\n{feature} = [")), "the corpus has no feature {feature} ({why})");
        }
        run_cargo(
            cargo_in(&crate_dir, &target)
                .args(["check", "--quiet", "--no-default-features", "--features", set])
                .env("RUSTFLAGS", "-D warnings"),
        );
    }
}
