//! Issue 17: today's pages (`../shared/graph-docs-2026`), read as a user would. Unannotated
//! examples are read, permissions keep their tiers, pseudo-properties and denied query
//! options are left out, an enum table and a value list that disagree are reported. The
//! model is snapshotted with its prose left out.

use graph_docs_codegen::ir::{ExampleKind, Model, Operation};
use graph_docs_codegen::load;
use graph_docs_codegen::verify::{cases, State};
use graph_docs_tests::{shared, snapshot_name, without_descriptions};
use std::sync::OnceLock;

fn models() -> &'static [Model] {
    static MODELS: OnceLock<Vec<Model>> = OnceLock::new();
    MODELS.get_or_init(|| {
        let docs = shared().join("graph-docs-2026");
        ["v1.0", "beta"].iter().map(|v| load(&docs, v).model).collect()
    })
}

fn model(version: &str) -> &'static Model {
    models().iter().find(|m| m.version == version).expect("version loaded")
}

fn operation(version: &str, id: &str) -> &'static Operation {
    model(version).operations.iter().find(|o| o.id == id).unwrap_or_else(|| panic!("{version} {id}"))
}

#[test]
fn unannotated_examples_are_read_and_their_request_bodies_checked() {
    for id in ["agentidentity-post", "agentidentity-update"] {
        let op = operation("v1.0", id);
        let bodies = op.examples.iter().filter(|e| e.kind == ExampleKind::RequestBody && e.body.is_some()).count();
        assert_eq!(bodies, 1, "{id}: the request body of its unannotated example");
    }
    let user_get = operation("v1.0", "user-get");
    let responses = user_get.examples.iter().filter(|e| e.kind == ExampleKind::Response).count();
    assert!(responses >= 6, "user-get shows six responses, {responses} read");
    // The request under an annotation missing a comma is read, with the annotation's name.
    let delta = operation("beta", "mailboxitem-delta");
    assert!(delta.examples.iter().any(|e| e.kind == ExampleKind::Response && e.body.is_some()));
    let checked: Vec<String> = cases(models())
        .into_iter()
        .filter(|c| c.kind == ExampleKind::RequestBody && matches!(c.state, State::Checked { .. }))
        .map(|c| c.source.file)
        .collect();
    for page in ["agentidentity-post.md", "agentidentity-update.md", "chatmessage-forwardtochat.md"] {
        assert!(checked.iter().any(|f| f.ends_with(page)), "{page}: request body checked by verify: {checked:?}");
    }
}

#[test]
fn permissions_keep_their_tiers_scenarios_and_role_notes() {
    let get = &operation("v1.0", "agentidentity-get").permissions;
    assert_eq!(get.delegated_work, ["AgentIdentity.Read.All"]);
    assert_eq!(get.higher_privileged.delegated_work, ["Application.Read.All"]);
    assert_eq!(get.application, ["AgentIdentity.Read.All", "AgentIdentity.CreateAsManager"]);
    assert_eq!(get.higher_privileged.application, ["Application.Read.All"]);
    assert!(get.delegated_personal.is_empty() && get.higher_privileged.delegated_personal.is_empty());
    let post = &operation("v1.0", "agentidentity-post").permissions;
    assert!(post.higher_privileged.is_empty(), "\"Not available\" lists no scope: {post:?}");
    assert_eq!(post.notes.len(), 1, "the included RBAC note is kept as text");
    let scenarios = &operation("v1.0", "user-get").permissions.scenarios;
    assert!(scenarios.len() >= 6, "each scenario of user-get is kept: {scenarios:?}");
}

#[test]
fn pseudo_properties_are_not_properties() {
    for model in models() {
        let pseudo: Vec<String> = model
            .types
            .iter()
            .flat_map(|t| t.properties.iter().map(move |p| (t, p)))
            .filter(|(_, p)| p.name.trim_start_matches('@').to_ascii_lowercase().starts_with("odata"))
            .map(|(t, p)| format!("{}.{}", t.name, p.name))
            .collect();
        assert!(pseudo.is_empty(), "{}: {pseudo:?}", model.version);
    }
    let skipped = model("v1.0").diagnostics.iter().filter(|d| d.code == "pseudo-property").count();
    assert_eq!(skipped, 1, "agentidentity's `odata.type` row is reported");
}

#[test]
fn a_denied_query_option_is_absent() {
    let options = &operation("beta", "mailboxitem-delta").query_options;
    assert!(options.iter().any(|o| o == "$select"), "{options:?}");
    assert!(!options.iter().any(|o| o == "$search"), "\"No support exists for `$search`\": {options:?}");
}

#[test]
fn an_enum_table_and_a_value_list_that_disagree_are_reported() {
    let found = model("v1.0")
        .diagnostics
        .iter()
        .find(|d| {
            d.code == "enum-list-mismatch"
                && d.file.ends_with("security-alert.md")
                && d.message.contains("`determination`")
        })
        .expect("alertDetermination's table and list disagree");
    assert!(found.message.contains("alertDetermination"), "{}", found.message);
    assert!(found.message.contains("only the table has"), "{}", found.message);
}

#[test]
fn model_without_descriptions() {
    for version in ["v1.0", "beta"] {
        let model = without_descriptions(model(version).clone());
        insta::assert_json_snapshot!(snapshot_name(&["2026", version, "model"]), model);
    }
}
