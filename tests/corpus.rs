//! The whole shared corpus, both versions: what every page yields, and the seed cases.

use graph_docs_codegen::ir::{Model, TypeDef, TypeKind};
use graph_docs_codegen::{emit, load, scan};
use graph_docs_tests::{api_listing, docs_tree, shared};
use std::collections::HashSet;
use std::sync::OnceLock;

fn models() -> &'static [Model] {
    static MODELS: OnceLock<Vec<Model>> = OnceLock::new();
    MODELS.get_or_init(|| {
        let docs = shared().join("graph-docs");
        ["v1.0", "beta"].iter().map(|v| load(&docs, v).model).collect()
    })
}

fn corpus(version: &str) -> &'static Model {
    models().iter().find(|m| m.version == version).expect("version loaded")
}

/// The emitter checks nothing as it writes: every file of the corpus crate must parse, and
/// its `API.txt` must be what the code declares.
#[test]
fn corpus_crate_parses_and_lists_what_it_declares() {
    let files = emit::emit_crate(models(), &emit::CrateOptions::default());
    let api = files.iter().find(|f| f.path == "API.txt").expect("API.txt is emitted");
    let declared = api_listing::listing(&files);
    let first_difference = api.contents.lines().zip(declared.lines()).find(|(a, b)| a != b);
    assert!(
        api.contents == declared,
        "API.txt differs from what the code declares; first difference (API.txt, declared): {first_difference:?}"
    );
}

fn find<'a>(model: &'a Model, name: &str) -> &'a TypeDef {
    model
        .types
        .iter()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("{name} is not in the {} model", model.version))
}

#[test]
fn every_resource_page_yields_a_definition_or_says_why() {
    for version in ["v1.0", "beta"] {
        let model = corpus(version);
        let mut accounted: HashSet<&str> = model.types.iter().map(|t| t.source.file.as_str()).collect();
        accounted.extend(model.types.iter().flat_map(|t| t.properties.iter().map(|p| p.source.file.as_str())));
        accounted.extend(model.diagnostics.iter().map(|d| d.file.as_str()));
        let scanned = scan::scan_version(&shared().join("graph-docs"), version);
        let silent: Vec<&str> = scanned
            .files
            .iter()
            .filter(|f| f.folder == scan::Folder::Resources && !accounted.contains(f.path.as_str()))
            .map(|f| f.path.as_str())
            .collect();
        // Pages merged into another page's definition of the same type are reported as duplicates.
        assert!(
            silent.is_empty(),
            "{version}: {} resource pages yield nothing and say nothing: {silent:?}",
            silent.len()
        );
    }
}

#[test]
fn corpus_yields_types_and_enums_in_every_namespace() {
    for (version, min_types, min_enums) in [("v1.0", 950, 310), ("beta", 2300, 780)] {
        let model = corpus(version);
        let structs = model.types.iter().filter(|t| t.kind != TypeKind::Enum).count();
        let enums: Vec<&TypeDef> = model.types.iter().filter(|t| t.kind == TypeKind::Enum).collect();
        assert!(structs >= min_types, "{version}: only {structs} entity and complex types");
        assert!(enums.len() >= min_enums, "{version}: only {} enums", enums.len());
        let empty: Vec<&str> = enums.iter().filter(|e| e.members.is_empty()).map(|e| e.name.as_str()).collect();
        assert!(empty.is_empty(), "{version}: enums without members: {empty:?}");
        let namespaces: HashSet<&str> =
            model.types.iter().filter_map(|t| t.name.rsplit_once('.').map(|(ns, _)| ns)).collect();
        assert!(namespaces.contains("microsoft.graph.callRecords"), "{version}: callRecords types are found");
        // Every named, non-primitive property type resolves to a type of the model.
        let names: HashSet<&str> = model.types.iter().map(|t| t.name.as_str()).collect();
        for t in &model.types {
            for p in &t.properties {
                assert!(p.ty.starts_with("Edm.") || names.contains(p.ty.as_str()), "{}.{}: {}", t.name, p.name, p.ty);
            }
            if let Some(base) = &t.base {
                assert!(names.contains(base.as_str()), "{}: base {base}", t.name);
            }
        }
    }
}

#[test]
fn inheritance_and_kinds_follow_the_docs() {
    let model = corpus("v1.0");
    let user = find(model, "microsoft.graph.user");
    assert_eq!(user.kind, TypeKind::Entity);
    assert_eq!(user.base.as_deref(), Some("microsoft.graph.directoryObject"));
    assert!(user.properties.iter().all(|p| p.name != "id"), "id belongs to entity, not user");
    let directory_object = find(model, "microsoft.graph.directoryObject");
    assert_eq!(directory_object.base.as_deref(), Some("microsoft.graph.entity"));
    let manager = user.properties.iter().find(|p| p.name == "manager").expect("user.manager");
    assert!(manager.navigation);
    assert_eq!(manager.ty, "microsoft.graph.directoryObject");
    let identity_set = find(model, "microsoft.graph.identitySet");
    assert_eq!(identity_set.kind, TypeKind::Complex);
}

#[test]
fn table_and_json_disagreements_are_reported_and_still_generated() {
    let model = corpus("beta");
    let mismatches: Vec<_> = model.diagnostics.iter().filter(|d| d.code == "table-json-mismatch").collect();
    assert!(!mismatches.is_empty());
    for d in &mismatches {
        assert!(d.message.contains("JSON block at line"), "the diagnostic names both places: {}", d.message);
        let property = d.message.split('`').nth(1).expect("message names the property");
        let defined = model
            .types
            .iter()
            .any(|t| t.source.file == d.file && t.properties.iter().any(|p| p.name == property))
            || model.types.iter().any(|t| t.properties.iter().any(|p| p.source.file == d.file && p.name == property));
        assert!(defined, "{}:{} `{property}` is still generated", d.file, d.line);
    }
}

fn assert_self_service_sign_up(model: &Model) {
    let t = find(model, "microsoft.graph.selfServiceSignUp");
    assert_eq!(t.kind, TypeKind::Entity);
    assert_eq!(t.base.as_deref(), Some("microsoft.graph.entity"));
    let prop = |name: &str| t.properties.iter().find(|p| p.name == name).unwrap_or_else(|| panic!("property {name}"));
    let names: Vec<&str> = t.properties.iter().map(|p| p.name.as_str()).collect();
    for expected in [
        "appDisplayName",
        "appId",
        "appliedEventListeners",
        "correlationId",
        "createdDateTime",
        "signUpIdentity",
        "signUpIdentityProvider",
        "signUpStage",
        "status",
        "userId",
    ] {
        assert!(names.contains(&expected), "{expected} missing from {names:?}");
    }
    assert_eq!(prop("createdDateTime").ty, "Edm.DateTimeOffset");
    assert!(prop("appliedEventListeners").collection);
    assert_eq!(prop("appliedEventListeners").ty, "microsoft.graph.appliedAuthenticationEventListener");
    assert_eq!(prop("status").ty, "microsoft.graph.signUpStatus");
    assert_eq!(prop("signUpIdentity").ty, "microsoft.graph.signUpIdentity");
    let stage = find(model, &prop("signUpStage").ty);
    assert_eq!(stage.kind, TypeKind::Enum);
    let members: Vec<&str> = stage.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(
        members,
        [
            "credentialCollection",
            "credentialValidation",
            "credentialFederation",
            "consent",
            "attributeCollectionAndValidation",
            "userCreation",
            "tenantConsent",
            "unknownFutureValue"
        ]
    );
    // `id` comes from entity.
    let entity = find(model, "microsoft.graph.entity");
    assert!(entity.properties.iter().any(|p| p.name == "id"));
}

#[test]
fn seed_self_service_sign_up_2025_page() {
    let model = load(&shared().join("graph-docs-current"), "beta").model;
    assert_self_service_sign_up(&model);
}

#[test]
fn seed_self_service_sign_up_seed_page() {
    // The 2025 pages the seed refers to, with the seed in place of its own 2025 page.
    let current = shared().join("graph-docs-current/api-reference/beta/resources");
    let mut pages: Vec<(String, String)> = std::fs::read_dir(&current)
        .expect("2025 pages")
        .map(|e| e.expect("entry").path())
        .map(|p| {
            (
                format!("beta/resources/{}", p.file_name().unwrap().to_string_lossy()),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    let seed = std::fs::read_to_string(shared().join("seeds/002_64413fc28a36056f.txt")).expect("seed 002");
    pages.retain(|(path, _)| !path.ends_with("/selfservicesignup.md"));
    pages.push(("beta/resources/selfservicesignup.md".into(), seed));
    let pages: Vec<(&str, &str)> = pages.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let tree = docs_tree(&pages);
    assert_self_service_sign_up(&load(tree.path(), "beta").model);
}

/// Issue 3: example requests call an operation of their own page. The floor guards against
/// regressions in path reading; each miss is a diagnostic at the example's line.
#[test]
fn example_requests_call_an_operation_of_their_page() {
    for version in ["v1.0", "beta"] {
        let model = corpus(version);
        let e = model.example_requests;
        assert!(e.total > 1000, "{version}: {e:?}");
        assert!(e.strict <= e.aliased && e.aliased <= e.total, "{version}: {e:?}");
        assert!(e.aliased * 100 >= e.total * 96, "{version}: only {e:?} match");
        let misses = model.diagnostics.iter().filter(|d| d.code == "example-request-unmatched").count();
        assert_eq!(misses, e.total - e.aliased, "{version}: every miss is diagnosed");
    }
}

/// The request tree of the whole corpus: every URL it writes is made of the docs' names
/// and the caller's values only (no `...`, no `-value`, no braces), every operation with a
/// path has a request or a diagnostic for each path it lost, and a request is built once.
#[test]
fn the_request_tree_writes_clean_urls_and_loses_no_operation_silently() {
    for model in models() {
        let tree = emit::request_tree(model);
        for (method, url, id) in &tree.requests {
            assert!(
                !url.contains("...") && !url.contains("-value") && !url.contains(['{', '}']),
                "{}: {id}: {method} {url} holds a docs placeholder",
                model.version
            );
        }
        let mut seen = HashSet::new();
        for (method, url, id) in &tree.requests {
            assert!(seen.insert((method, url)), "{}: {method} {url} is built twice (again by {id})", model.version);
        }
        let with_request: HashSet<&str> = tree.requests.iter().map(|(_, _, id)| id.as_str()).collect();
        let explained: HashSet<(&str, usize)> = model
            .diagnostics
            .iter()
            .filter(|d| d.code == "path-not-understood" || d.code == "duplicate-request")
            .map(|d| (d.file.as_str(), d.line))
            .collect();
        let silent: Vec<&str> = model
            .operations
            .iter()
            .filter(|op| !op.paths.is_empty() && !with_request.contains(op.id.as_str()))
            .filter(|op| !explained.contains(&(op.source.file.as_str(), op.source.line)))
            .map(|op| op.id.as_str())
            .collect();
        assert!(silent.is_empty(), "{}: operations without a request or a diagnostic: {silent:?}", model.version);
        // Most requests are documented once: merging is the exception.
        assert!(tree.requests.len() * 2 > model.operations.len(), "{}: too few requests", model.version);
    }
}
