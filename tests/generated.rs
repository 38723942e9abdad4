//! `generated/` is exactly what the generator makes of `docs-src/`: a stale checked-in
//! crate fails here, naming the files that differ.

use graph_docs_codegen::{available_versions, emit, load, write, Builder};
use graph_docs_tests::{api_listing, docs_src, workspace_root};

/// What `generate` writes, its lock file included.
#[test]
fn generated_crate_is_up_to_date() {
    let (_, files) = Builder::new(docs_src()).cargo_directives(false).crate_files().expect("docs-src generates");
    let stale = write::stale_files(&workspace_root().join("generated"), &files);
    assert!(
        stale.is_empty(),
        "generated/ is stale; run `cargo run -p graph-docs-codegen -- generate`. Differs: {stale:?}"
    );
}

#[test]
fn generation_is_deterministic() {
    let docs = docs_src();
    let run = || {
        let models: Vec<_> = available_versions(&docs).into_iter().map(|v| load(&docs, v).model).collect();
        emit::emit_crate(&models, &emit::CrateOptions::default())
    };
    assert_eq!(run(), run());
}

#[test]
fn single_file_mode_holds_the_endpoints() {
    let docs = docs_src();
    let models: Vec<_> = available_versions(&docs).into_iter().map(|v| load(&docs, v).model).collect();
    let source = emit::emit_single_file(&models, &Default::default());
    let file = syn::parse_file(&source).expect("the single file parses");
    let versions = file.items.iter().filter_map(|item| match item {
        syn::Item::Mod(m) if m.ident != "runtime" => m.content.as_ref(),
        _ => None,
    });
    for (_, items) in versions {
        let has_endpoints = items.iter().any(|i| matches!(i, syn::Item::Mod(m) if m.ident == "endpoints"));
        assert!(has_endpoints, "each version declares its endpoints inline");
    }
}

#[test]
fn api_listing_is_what_the_printed_code_declares() {
    let docs = docs_src();
    let models: Vec<_> = available_versions(&docs).into_iter().map(|v| load(&docs, v).model).collect();
    let files = emit::emit_crate(&models, &emit::CrateOptions::default());
    let api = files.iter().find(|f| f.path == "API.txt").expect("API.txt is emitted");
    assert_eq!(api.contents, api_listing::listing(&files));
}
