//! Output does not depend on the number of threads: the same docs give byte-identical
//! files and identical diagnostics with 1 and with 2 worker threads.

use graph_docs_codegen::diag::Diagnostic;
use graph_docs_codegen::emit::{self, GeneratedFile};
use graph_docs_codegen::load;
use graph_docs_tests::{docs_src, shared};
use std::path::Path;

fn generate(docs: &Path, versions: &[&str], threads: usize) -> (Vec<GeneratedFile>, Vec<Diagnostic>) {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool");
    pool.install(|| {
        let models: Vec<_> = versions.iter().map(|v| load(docs, v).model).collect();
        let files = emit::emit_crate(&models, &emit::CrateOptions::default());
        (files, models.into_iter().flat_map(|m| m.diagnostics).collect())
    })
}

fn assert_same_with_1_and_2_threads(docs: &Path, versions: &[&str]) {
    let (files_1, diagnostics_1) = generate(docs, versions, 1);
    let (files_2, diagnostics_2) = generate(docs, versions, 2);
    let paths = |files: &[GeneratedFile]| files.iter().map(|f| f.path.clone()).collect::<Vec<_>>();
    assert_eq!(paths(&files_1), paths(&files_2));
    for (a, b) in files_1.iter().zip(&files_2) {
        // Compared as bytes, and named on failure rather than printed whole.
        assert!(a.contents.as_bytes() == b.contents.as_bytes(), "{} differs between 1 and 2 threads", a.path);
    }
    assert!(!diagnostics_1.is_empty());
    assert_eq!(diagnostics_1, diagnostics_2);
}

#[test]
fn docs_src_output_is_the_same_with_1_and_2_threads() {
    assert_same_with_1_and_2_threads(&docs_src(), &["v1.0", "beta"]);
}

#[test]
fn shared_corpus_v1_output_is_the_same_with_1_and_2_threads() {
    assert_same_with_1_and_2_threads(&shared().join("graph-docs"), &["v1.0"]);
}
