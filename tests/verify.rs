//! `verify` end to end: the examples of `docs-src/` checked in a scratch crate; examples
//! with defects and a generated type broken on purpose make it fail; the 2025 seed
//! examples pass. The scratch crates share one cargo target folder, so the dependencies
//! are built once.

use graph_docs_codegen::ir::Model;
use graph_docs_codegen::verify::{self, Case, Cause, Scratch, State, Summary, Verdict};
use graph_docs_codegen::{available_versions, load};
use graph_docs_tests::{docs_src, docs_tree, shared, workspace_root};
use std::path::Path;

fn models(docs: &Path) -> Vec<Model> {
    available_versions(docs).into_iter().map(|v| load(docs, v).model).collect()
}

/// A scratch crate under `target/verify-tests/<name>`, named after it, built in the shared
/// target folder.
fn scratch(name: &str) -> Scratch {
    let root = workspace_root().join("target/verify-tests");
    Scratch { crate_dir: root.join(name), target_dir: root.join("target"), crate_name: format!("graph-docs-{name}") }
}

/// The workspace's lock file: the scratch crates build with the dependency versions the
/// workspace already uses.
fn lock() -> String {
    std::fs::read_to_string(workspace_root().join("Cargo.lock")).expect("read Cargo.lock")
}

fn written(name: &str, models: &[Model]) -> (Scratch, Vec<Case>) {
    let scratch = scratch(name);
    let cases = verify::cases(models);
    verify::write_scratch(&scratch, models, &cases, Some(&lock())).expect("write");
    (scratch, cases)
}

fn check_written(scratch: &Scratch, models: &[Model], cases: Vec<Case>) -> Vec<(Case, Verdict)> {
    verify::check(scratch, models, cases).expect("the scratch crate builds and runs")
}

fn check(name: &str, models: &[Model]) -> Vec<(Case, Verdict)> {
    let (scratch, cases) = written(name, models);
    check_written(&scratch, models, cases)
}

fn causes(verdict: &Verdict) -> Vec<(String, Cause)> {
    match verdict {
        Verdict::Failed(failures) => failures.iter().map(|f| (f.path.clone(), f.cause)).collect(),
        _ => Vec::new(),
    }
}

#[test]
fn docs_src_examples_pass() {
    let models = models(&docs_src());
    let verdicts = check("docs-src", &models);
    let summary = Summary::of(&verdicts);
    let failed: Vec<String> = verdicts
        .iter()
        .filter(|(_, v)| matches!(v, Verdict::Failed(_)))
        .map(|(c, v)| format!("{}:{}: {:?}", c.source.file, c.source.line, causes(v)))
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
    assert_eq!(summary.passed, summary.json, "{summary:?}");
    // Seed 000 is a template: its response wraps the object in `value` and shows type names
    // for values; both are undone, and said.
    let template = verdicts.iter().find(|(c, _)| c.source.file.ends_with("privilegedsignupstatus-signup.md"));
    let (case, verdict) = template.expect("the seed 000 page has a response example");
    assert!(matches!(verdict, Verdict::Passed));
    assert_eq!(case.normalizations, ["value-wrapper", "placeholders"]);
    // Both kinds are checked, collections and action bodies among them.
    let checked = |pred: &dyn Fn(&Case) -> bool| verdicts.iter().any(|(c, v)| pred(c) && matches!(v, Verdict::Passed));
    assert!(checked(&|c| c.kind == graph_docs_codegen::ir::ExampleKind::RequestBody));
    assert!(checked(&|c| matches!(&c.state, State::Checked { shape: verify::Shape::Page(_), .. })));
    assert!(checked(&|c| matches!(&c.state, State::Checked { shape: verify::Shape::Parameters(_), .. })));
    // A body with a comment and a trailing comma is read, and the repairs are recorded.
    assert!(checked(&|c| c.normalizations == ["comment", "trailing-comma"]));
    // Skipped examples say why: the 204 responses have no body, the report is CSV text.
    let reasons: Vec<&str> = summary.skipped.keys().copied().collect();
    assert_eq!(reasons, ["body is not JSON", "no body"]);
    let closing = summary.closing_line();
    let counts = format!("{} passed, 0 failed, {} skipped (", summary.passed, summary.skipped_count());
    assert!(closing.starts_with(&format!("examples: {counts}")), "{closing}");
    let report = verify::markdown(&verdicts);
    assert!(report.contains("- value-wrapper: 1") && report.contains(&closing), "{report}");
}

const WIDGET: &str = "---\ndoc_type: resourcePageType\n---\n\n# widget resource type\n\nNamespace: microsoft.graph\n\n\
A made-up thing to test with.\n\n## Properties\n\n|Property|Type|Description|\n|:---|:---|:---|\n\
|id|String|Key.|\n|name|String|What it is called.|\n|size|Int32|How big.|\n|tags|String collection|Labels.|\n\
|settings|[widgetSettings](widgetsettings.md)|Knobs.|\n\n## JSON representation\n\n\
<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.widget\", \"keyProperty\": \"id\" } -->\n\
```json\n{ \"id\": \"String\", \"name\": \"String\", \"size\": 1024, \"tags\": [\"String\"], \"settings\": {\"@odata.type\": \"microsoft.graph.widgetSettings\"} }\n```\n";

const WIDGET_SETTINGS: &str = "---\ndoc_type: resourcePageType\n---\n\n# widgetSettings resource type\n\nNamespace: microsoft.graph\n\n\
Knobs a client may add to.\n\n## Properties\n\n|Property|Type|Description|\n|:---|:---|:---|\n|volume|Int32|How loud.|\n\n\
## JSON representation\n\n\
<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.widgetSettings\", \"openType\": true } -->\n\
```json\n{ \"volume\": 1024 }\n```\n";

/// A "Get widget" page with one example response per body.
fn widget_get(bodies: &[&str]) -> String {
    let mut page = String::from(
        "---\ndoc_type: apiPageType\n---\n\n# Get widget\n\nNamespace: microsoft.graph\n\nReads a widget.\n\n\
         ## HTTP request\n\n```http\nGET /widgets/{id}\n```\n\n## Response\n\n\
         If it works, this method returns a `200 OK` response code and a [widget](../resources/widget.md) object.\n\n## Examples\n\n",
    );
    for (n, body) in bodies.iter().enumerate() {
        page.push_str(&format!(
            "### Example {n}\n\n<!-- {{ \"blockType\": \"request\", \"name\": \"get_widget_{n}\" }} -->\n\
             ```http\nGET https://graph.microsoft.com/v1.0/widgets/w{n}\n```\n\n\
             <!-- {{ \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.widget\" }} -->\n\
             ```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{body}\n```\n\n"
        ));
    }
    page
}

const GOOD: &str = r#"{"@odata.context": "x", "@odata.etag": "W/\"1\"", "id": "w0", "name": "Pump", "size": 3, "tags": ["a"], "settings": {"volume": 2}, "name@odata.navigationLink": "y"}"#;

#[test]
fn defects_in_examples_and_in_generated_types_fail_the_check() {
    let bodies = [
        GOOD,
        r#"{"id": "w1", "colour": "red"}"#,
        r#"{"id": "w2", "size": "big", "tags": [1, "b"]}"#,
        r#"{"id": "w3", "settings": {"volume": 1, "bass": 4}}"#,
        r#"{"id": "w4" "size": 3}"#,
        r#"{"id": "w5", "size": "Int32", "tags": ["{tag}", "b"]}"#,
        r#"{"value": [{"id": "w6"}]}"#,
        r#"{"id": "w7", "Name": "Pump", "legacy": null}"#,
    ];
    let tree = docs_tree(&[
        ("v1.0/resources/widget.md", WIDGET),
        ("v1.0/resources/widgetsettings.md", WIDGET_SETTINGS),
        ("v1.0/api/widget-get.md", &widget_get(&bodies)),
    ]);
    let models = models(tree.path());
    let (scratch, cases) = written("defects", &models);
    let verdicts = check_written(&scratch, &models, cases.clone());
    let found: Vec<Vec<(String, Cause)>> = verdicts.iter().map(|(_, v)| causes(v)).collect();
    let expected: Vec<Vec<(&str, Cause)>> = vec![
        vec![],
        vec![("/colour", Cause::UnknownField)],
        vec![("/size", Cause::WrongValue), ("/tags/0", Cause::WrongValue)],
        vec![("/settings/bass", Cause::OpenTypeProperty)],
        vec![("", Cause::UnreadableJson)],
        vec![],
        vec![("/value", Cause::UnmarkedCollection)],
        vec![("/Name", Cause::FieldCase), ("/legacy", Cause::UnknownField)],
    ];
    let expected: Vec<Vec<(String, Cause)>> =
        expected.into_iter().map(|v| v.into_iter().map(|(p, c)| (p.to_string(), c)).collect()).collect();
    assert_eq!(found, expected);
    assert!(matches!(verdicts[0].1, Verdict::Passed));
    // Read leniently: the two that pass, and the three that only lose fields (1, 3, 7); not
    // the wrong values, the unmarked page, nor the body that is not JSON (nor counted as JSON).
    let summary = Summary::of(&verdicts);
    assert_eq!((summary.json, summary.passed, summary.reads), (7, 2, 5), "{summary:?}");
    // Placeholders are taken out, and said: the field's name is still checked.
    assert_eq!(verdicts[5].0.normalizations, ["placeholders"]);

    // The same passing example against a generated type broken on purpose: `size` made a
    // boolean in the scratch crate's source (read as one: the lenient reading is for numbers).
    let source = scratch.crate_dir.join("src/v1_0/mod.rs");
    let code = std::fs::read_to_string(&source).expect("read the generated module");
    let broken = code
        .replace("pub size: Option<i32>", "pub size: Option<bool>")
        .replace("rt::read_lenient(map, &mut self.size)", "rt::read_field(map, &mut self.size)");
    assert_ne!(broken, code, "the generated widget has an Int32 `size`");
    std::fs::write(&source, broken).expect("write the broken module");
    let verdicts = check_written(&scratch, &models, cases);
    assert_eq!(causes(&verdicts[0].1), [("/size".to_string(), Cause::WrongValue)]);
}

#[test]
fn seed_examples_of_2025_pass() {
    let docs = shared().join("graph-docs-current");
    let models = models(&docs);
    let verdicts = check("seeds-2025", &models);
    let of_page = |page: &str| -> Vec<&(Case, Verdict)> {
        verdicts
            .iter()
            .filter(|(c, _)| c.source.file.ends_with(page) && c.kind == graph_docs_codegen::ir::ExampleKind::Response)
            .collect()
    };
    let list = of_page("auditlogroot-list-signups.md");
    let events = list.iter().find_map(|(c, _)| match &c.state {
        State::Checked { body, .. } => body["value"].as_array().map(Vec::len),
        _ => None,
    });
    assert_eq!(events, Some(4), "the List signUps response holds four events");
    let get = of_page("selfservicesignup-get.md");
    assert!(!get.is_empty());
    for (case, verdict) in list.iter().chain(&get) {
        assert!(matches!(verdict, Verdict::Passed), "{}:{}: {verdict:?}", case.source.file, case.source.line);
    }
}
