//! Snapshots: the model and the generated code, per page, per type and per operation, for
//! `docs-src/` and for the shared seed pages (with the docs' prose left out). Review changes
//! with `cargo insta review`.

use graph_docs_codegen::{available_versions, emit, ir::Model, load};
use graph_docs_tests::{docs_src, docs_tree, shared, snapshot_name, without_descriptions};
use serde_json::json;
use std::collections::BTreeSet;

/// What one page contributes to the model: its types, operations and diagnostics.
fn page_view(model: &Model, file: &str) -> serde_json::Value {
    json!({
        "version": model.version,
        "types": model.types.iter().filter(|t| t.source.file == file).collect::<Vec<_>>(),
        "operations": model.operations.iter().filter(|o| o.source.file == file).collect::<Vec<_>>(),
        "diagnostics": model.diagnostics.iter().filter(|d| d.file == file).collect::<Vec<_>>(),
    })
}

fn pages_of(model: &Model) -> BTreeSet<&str> {
    let types = model.types.iter().map(|t| t.source.file.as_str());
    let operations = model.operations.iter().map(|o| o.source.file.as_str());
    let diagnostics = model.diagnostics.iter().map(|d| d.file.as_str());
    types.chain(operations).chain(diagnostics).collect()
}

fn snapshot_code(prefix: &str, model: &Model) {
    for (name, code) in emit::type_snippets(model) {
        insta::assert_snapshot!(snapshot_name(&[prefix, &model.version, &name]), code);
    }
}

/// Each node of the request tree on its own: its steps, its requests and their bodies.
fn snapshot_endpoints(prefix: &str, model: &Model) {
    for (node, code) in emit::node_snippets(model) {
        insta::assert_snapshot!(snapshot_name(&[prefix, &model.version, &node]), code);
    }
}

#[test]
fn docs_src_model_per_page() {
    let docs = docs_src();
    let versions = available_versions(&docs);
    assert_eq!(versions, ["v1.0", "beta"], "docs-src holds both versions");
    for version in versions {
        let model = load(&docs, version).model;
        assert!(model.types.len() > 10, "docs-src {version} defines types");
        for page in pages_of(&model) {
            let page = page.strip_prefix("api-reference/").unwrap_or(page);
            insta::assert_json_snapshot!(
                snapshot_name(&["model", page]),
                page_view(&model, &format!("api-reference/{page}"))
            );
        }
    }
}

#[test]
fn docs_src_code_per_type() {
    let docs = docs_src();
    for version in available_versions(&docs) {
        snapshot_code("code", &load(&docs, version).model);
    }
}

#[test]
fn docs_src_code_per_operation() {
    let docs = docs_src();
    for version in available_versions(&docs) {
        let model = load(&docs, version).model;
        assert!(!model.operations.is_empty(), "docs-src {version} has API pages");
        snapshot_endpoints("endpoint", &model);
    }
}

#[test]
fn shared_current_pages() {
    let docs = shared().join("graph-docs-current");
    for version in ["v1.0", "beta"] {
        let model = without_descriptions(load(&docs, version).model);
        insta::assert_json_snapshot!(snapshot_name(&["current", version, "model"]), model);
        snapshot_code("current-code", &model);
        snapshot_endpoints("current-endpoint", &model);
    }
}

#[test]
fn seed_markdown_pages() {
    let seeds = shared().join("seeds");
    let read = |name: &str| std::fs::read_to_string(seeds.join(name)).expect("seed page");
    let (signup, resource) = (read("000_e52056b69a4247d3.txt"), read("002_64413fc28a36056f.txt"));
    let tree = docs_tree(&[
        ("beta/api/privilegedsignupstatus-signup.md", &signup),
        ("beta/resources/selfservicesignup.md", &resource),
    ]);
    let model = without_descriptions(load(tree.path(), "beta").model);
    insta::assert_json_snapshot!("seeds_beta_model", model);
    snapshot_code("seeds-code", &model);
    snapshot_endpoints("seeds-endpoint", &model);
}
