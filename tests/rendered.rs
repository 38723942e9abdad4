//! Pages copied as text from the rendered website (seeds 003 and 004) give the model their
//! markdown sources give, beside markdown pages; text of neither form is reported.

use graph_docs_codegen::ir::{Model, Operation, Source, TypeDef};
use graph_docs_codegen::model::operations::Example;
use graph_docs_codegen::parse::rendered::{form, Form};
use graph_docs_codegen::{load, model, parse, scan};
use graph_docs_tests::{docs_tree, shared};

fn read(path: &str) -> String {
    std::fs::read_to_string(shared().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The 2025 beta resource pages, as (path under `api-reference/`, text), but `except`.
fn current_resources(except: Option<&str>) -> Vec<(String, String)> {
    let dir = shared().join("graph-docs-current/api-reference/beta/resources");
    let mut pages: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("2025 resource pages")
        .map(|e| e.expect("folder entry").path())
        .filter(|p| p.file_name().and_then(|n| n.to_str()) != except)
        .map(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            (format!("beta/resources/{name}"), std::fs::read_to_string(&p).expect("page"))
        })
        .collect();
    pages.sort();
    pages
}

fn load_tree(pages: &[(String, String)]) -> Model {
    let pages: Vec<(&str, &str)> = pages.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let tree = docs_tree(&pages);
    load(tree.path(), "beta").model
}

fn find<'a>(model: &'a Model, name: &str) -> &'a TypeDef {
    model.types.iter().find(|t| t.name == name).unwrap_or_else(|| panic!("{name} is not in the model"))
}

/// The rendered text keeps a description's words but not its markup or line breaks: the
/// markdown side's `<br/><br/>` becomes extra spaces, the rendered side's blank line one
/// space. Code spans, links and bold are already plain text in the model on both sides, so
/// whitespace is all that is normalized. Sources differ by design (file and line).
fn comparable(t: &TypeDef) -> TypeDef {
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let nowhere = Source { file: String::new(), line: 0 };
    let mut t = t.clone();
    t.source = nowhere.clone();
    t.description = words(&t.description);
    for p in &mut t.properties {
        p.source = nowhere.clone();
        p.description = words(&p.description);
    }
    for m in &mut t.members {
        m.description = words(&m.description);
    }
    t
}

#[test]
fn rendered_resource_page_gives_the_markdown_model() {
    let mut markdown = current_resources(Some("selfservicesignup.md"));
    let mut rendered = markdown.clone();
    markdown.push(("beta/resources/selfservicesignup.md".into(), read("seeds/002_64413fc28a36056f.txt")));
    rendered.push(("beta/resources/selfservicesignup.txt".into(), read("seeds/003_01f0ce5b743018c4.txt")));
    let (from_markdown, from_rendered) = (load_tree(&markdown), load_tree(&rendered));
    for name in ["microsoft.graph.selfServiceSignUp", "microsoft.graph.signUpStage"] {
        let (m, r) = (find(&from_markdown, name), find(&from_rendered, name));
        assert!(
            r.source.file.ends_with("selfservicesignup.txt"),
            "{name} comes from the rendered page: {:?}",
            r.source
        );
        assert_eq!(comparable(r), comparable(m), "{name}");
    }
    let entity = find(&from_rendered, "microsoft.graph.selfServiceSignUp");
    assert_eq!(entity.properties.len(), 10, "eleven rows, `id` inherited from entity");
    assert_eq!(find(&from_rendered, "microsoft.graph.signUpStage").members.len(), 8);
    // Converted pages point diagnostics and sources at lines of the text file.
    let seed = read("seeds/003_01f0ce5b743018c4.txt");
    let lines: Vec<&str> = seed.lines().collect();
    for p in &entity.properties {
        let line = lines.get(p.source.line.wrapping_sub(1)).copied().unwrap_or_default();
        assert!(line.starts_with(&format!("{} ", p.name)), "{} points at line {}: {line:?}", p.name, p.source.line);
    }
    let title = lines.iter().position(|l| l.trim() == "selfServiceSignUp resource type").map(|i| i + 1);
    assert_eq!(Some(entity.source.line), title);
    let rendered_diags: Vec<_> = from_rendered.diagnostics.iter().filter(|d| d.file.ends_with(".txt")).collect();
    assert!(rendered_diags.iter().all(|d| (1..=lines.len()).contains(&d.line)), "{rendered_diags:?}");
}

fn list_sign_ups(model: &Model) -> &Operation {
    model.operations.iter().find(|o| o.id == "auditlogroot-list-signups").expect("the List signUps operation")
}

/// The examples of the one operation of an API page, straight from the model stage.
fn examples_of(root: &std::path::Path, file: &str) -> Vec<Example> {
    let scanned = scan::scan_version(root, "beta");
    let source = scanned.files.into_iter().find(|f| f.path.ends_with(file)).expect("page is scanned");
    let mut diags = Vec::new();
    let page = parse::parse_page(source, &mut diags).expect("page parses");
    let mut ops = model::page_definitions(&page, &mut diags).operations;
    assert_eq!(ops.len(), 1, "{file}");
    ops.remove(0).examples
}

fn example_body(examples: &[Example]) -> serde_json::Value {
    let body =
        examples.iter().find_map(|e| e.response.as_ref()?.body.clone()).expect("an example response with a body");
    serde_json::from_str(&body).expect("the example body is JSON")
}

#[test]
fn rendered_api_page_gives_the_markdown_operation() {
    let api = "graph-docs-current/api-reference/beta/api/auditlogroot-list-signups.md";
    let mut markdown = current_resources(None);
    let mut rendered = markdown.clone();
    markdown.push(("beta/api/auditlogroot-list-signups.md".into(), read(api)));
    rendered.push(("beta/api/auditlogroot-list-signups.txt".into(), read("seeds/004_b538cc4b9c87f33d.txt")));
    let (from_markdown, from_rendered) = (load_tree(&markdown), load_tree(&rendered));
    let (m, r) = (list_sign_ups(&from_markdown), list_sign_ups(&from_rendered));
    assert!(r.source.file.ends_with(".txt"));
    assert_eq!((&r.method, &r.paths, &r.query_options), (&m.method, &m.paths, &m.query_options));
    assert_eq!(r.response, m.response);
    let response = r.response.as_ref().expect("a response");
    assert_eq!(
        (response.status, response.ty.as_deref(), response.collection),
        (200, Some("microsoft.graph.selfServiceSignUp"), true)
    );
    assert_eq!(r.query_options, ["$filter", "$skiptoken", "$top"]);

    let pages: Vec<(&str, &str)> = rendered.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let tree = docs_tree(&pages);
    let examples = examples_of(tree.path(), "auditlogroot-list-signups.txt");
    let request = examples.iter().find_map(|e| e.request.as_ref()).expect("an example request");
    assert_eq!(request.method, "GET");
    let body = example_body(&examples);
    assert_eq!(body["value"].as_array().map(Vec::len), Some(4), "four sign-up events");
    let response = examples.iter().find_map(|e| e.response.as_ref()).expect("an example response");
    assert_eq!(
        (response.status, response.odata_type.as_deref(), response.is_collection),
        (Some(200), Some("microsoft.graph.selfServiceSignUp"), true)
    );

    let pages: Vec<(&str, &str)> = markdown.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let tree = docs_tree(&pages);
    assert_eq!(
        body,
        example_body(&examples_of(tree.path(), "auditlogroot-list-signups.md")),
        "the same body as the markdown page's"
    );
}

/// A rendered page in my own words, referring to a type a markdown page defines.
const GIZMO_TXT: &str = "Edit\n\ngizmo resource type\n\nNamespace: microsoft.graph\n\nA gadget with a dial.\n\n\
    Properties\n\nProperty Type Description\nid String Identifier. Inherited from entity.\n\
    dial dialSetting The dial. Read-only.\nlabels String collection Free-form labels.\n\n\
    JSON representation\n\n{\n  \"id\": \"String\",\n  \"dial\": {\"@odata.type\": \"microsoft.graph.dialSetting\"},\n  \"labels\": [\"String\"]\n}\n";

const DIAL_MD: &str =
    "---\ntitle: dialSetting resource type\ndoc_type: resourcePageType\n---\n# dialSetting resource type\n\n\
    Namespace: microsoft.graph\n\nWhere a dial points.\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n\
    |position|Int32|From 0 to 10.|\n";

const ENTITY_MD: &str = "---\ntitle: entity resource type\ndoc_type: resourcePageType\n---\n# entity resource type\n\n\
    Namespace: microsoft.graph\n\nThe base of entities.\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n\
    |id|String|The key.|\n\n## JSON representation\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.entity\", \"keyProperty\": \"id\"} -->\n\
    ```json\n{\"id\": \"String\"}\n```\n";

#[test]
fn mixed_folder_of_text_and_markdown_pages() {
    let tree = docs_tree(&[
        ("beta/resources/gizmo.txt", GIZMO_TXT),
        ("beta/resources/dialsetting.md", DIAL_MD),
        ("beta/resources/entity.md", ENTITY_MD),
    ]);
    let model = load(tree.path(), "beta").model;
    let gizmo = find(&model, "microsoft.graph.gizmo");
    assert_eq!(gizmo.base.as_deref(), Some("microsoft.graph.entity"));
    let props: Vec<(&str, &str, bool)> =
        gizmo.properties.iter().map(|p| (p.name.as_str(), p.ty.as_str(), p.collection)).collect();
    assert_eq!(props, [("dial", "microsoft.graph.dialSetting", false), ("labels", "Edm.String", true)]);
    assert_eq!(gizmo.description, "A gadget with a dial.");
    assert_eq!(find(&model, "microsoft.graph.dialSetting").properties[0].ty, "Edm.Int32");
    assert!(model.diagnostics.is_empty(), "{:?}", model.diagnostics);
}

#[test]
fn text_page_named_after_its_type_is_the_home_page() {
    let copy = "---\ntitle: gizmo resource type\ndoc_type: resourcePageType\n---\n# gizmo resource type\n\n\
        Namespace: microsoft.graph\n\nAn older copy.\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|color|String|Paint.|\n";
    let tree = docs_tree(&[
        ("beta/resources/gizmo.txt", GIZMO_TXT),
        ("beta/resources/gizmo-copy.md", copy),
        ("beta/resources/dialsetting.md", DIAL_MD),
        ("beta/resources/entity.md", ENTITY_MD),
    ]);
    let model = load(tree.path(), "beta").model;
    let gizmo = find(&model, "microsoft.graph.gizmo");
    assert!(gizmo.source.file.ends_with("/gizmo.txt"), "{:?}", gizmo.source);
    assert_eq!(gizmo.description, "A gadget with a dial.");
    let duplicate = model.diagnostics.iter().find(|d| d.code == "duplicate-definition").expect("the copy is reported");
    assert!(duplicate.file.ends_with("/gizmo-copy.md"), "{duplicate:?}");
}

#[test]
fn markdown_saved_as_text_is_read_as_markdown() {
    let file = "graph-docs/api-reference/beta/resources/translationlanguageoverride.md.txt";
    let text = read(file);
    assert_eq!(form(&text), Form::Markdown);
    let tree = docs_tree(&[("beta/resources/translationlanguageoverride.md.txt", &text)]);
    let model = load(tree.path(), "beta").model;
    let t = find(&model, "microsoft.graph.translationLanguageOverride");
    assert!(t.source.file.ends_with(".md.txt"));
    assert_eq!(
        t.properties.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        ["languageTag", "translationBehavior"]
    );
}

#[test]
fn text_of_neither_form_is_reported_not_guessed() {
    let notes = "\n\nThings to buy on Monday.\nBread, milk and a new kettle.\n";
    let tree = docs_tree(&[("beta/resources/notes.txt", notes), ("beta/resources/dialsetting.md", DIAL_MD)]);
    let model = load(tree.path(), "beta").model;
    let found: Vec<_> = model.diagnostics.iter().filter(|d| d.code == "unrecognized-page").collect();
    assert_eq!(found.len(), 1, "{:?}", model.diagnostics);
    let d = found[0];
    assert_eq!((d.file.as_str(), d.line), ("api-reference/beta/resources/notes.txt", 3));
    assert!(d.help.as_deref().is_some_and(|h| h.contains("Namespace: microsoft.graph")), "{d:?}");
    assert_eq!(model.types.len(), 1, "the markdown page beside it is still read");
}
