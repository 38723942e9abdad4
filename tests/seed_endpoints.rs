//! The seed "List signUps" page as published in 2025 (`graph-docs-current`): a crate is
//! generated from it under `target/`, and a test inside that crate builds the documented
//! request with the generated builder and reads the documented response into the generated
//! page type. The examples are taken from the page at run time, never copied here.

use graph_docs_codegen::{emit, load, write};
use graph_docs_tests::{cargo_in, page_examples, run_cargo, shared, workspace_lock, workspace_root};

const PAGE: &str = "api-reference/beta/api/auditlogroot-list-signups.md";

/// The test written into the generated crate; it reads the example request URL and
/// response body from the files the variables name.
const SEED_TEST: &str = r#"
use graph_docs_seed::beta::endpoints::Graph;
use graph_docs_seed::runtime::Request;

fn read(variable: &str) -> String {
    let path = std::env::var(variable).unwrap_or_else(|_| panic!("{variable} is not set"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn response_of<B, R: serde::de::DeserializeOwned>(_: &Request<B, R>, json: &str) -> R {
    serde_json::from_str(json).expect("the documented response reads as the endpoint's response type")
}

#[test]
fn documented_request_and_response() {
    let documented = read("SEED_REQUEST_URL");
    let documented = documented.trim();
    let (base, query) = documented.split_once("/auditLogs/signUps?").expect("the example lists sign-ups with a query");
    let mut builder = Graph::audit_logs().sign_ups().list();
    for pair in query.split('&') {
        builder = match pair.split_once('=').expect("name=value") {
                        ("$top", value) => builder.top(value.parse().expect("a number")),
            (name, value) => builder.query(name, value),
        };
    }
    assert!(query.contains("$filter=createdDateTime"), "{query}");
    let request = builder.into_request();
    let url = request.url(base);
    let decoded = percent_encoding::percent_decode_str(&url).decode_utf8().expect("UTF-8");
    assert_eq!(decoded, documented);
    assert!(!url.contains(' '), "{url}");

    let page = response_of(&request, &read("SEED_RESPONSE"));
    assert_eq!(page.value.len(), 4);
    assert!(page.value.iter().all(|event| event.correlation_id.is_some()));
}
"#;

#[test]
fn seed_list_signups_request_and_response_work_in_a_generated_crate() {
    let docs = shared().join("graph-docs-current");
    let examples = page_examples(&docs, PAGE);
    let example = examples
        .iter()
        .find(|e| e.request.is_some() && e.response.as_ref().is_some_and(|r| r.body.is_some()))
        .expect("the page has an example request with a response");
    let url = &example.request.as_ref().expect("request").url;
    let response = example.response.as_ref().and_then(|r| r.body.as_deref()).expect("response body");

    let root = workspace_root().join("target/seed-endpoints");
    let crate_dir = root.join("crate");
    let model = load(&docs, "beta").model;
    let options = emit::CrateOptions { name: "graph-docs-seed".into(), ..Default::default() };
    let mut files = emit::emit_crate(&[model], &options);
    files.push(emit::GeneratedFile { path: "tests/seed.rs".into(), contents: SEED_TEST.to_string() });
    files.push(emit::GeneratedFile { path: "Cargo.lock".into(), contents: workspace_lock() });
    write::write_tree(&crate_dir, &files).expect("write the seed crate");
    let (url_file, response_file) = (root.join("request-url.txt"), root.join("response.json"));
    std::fs::write(&url_file, url).expect("write the example URL");
    std::fs::write(&response_file, response).expect("write the example response");

    run_cargo(
        cargo_in(&crate_dir, &root.join("target"))
            .args(["test", "--quiet"])
            .env("SEED_REQUEST_URL", &url_file)
            .env("SEED_RESPONSE", &response_file),
    );
}
