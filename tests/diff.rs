//! `diff`: two small docs trees, the second with one edit of each kind, give exactly the
//! expected changes, each with its class, and the verdict; a model against itself gives
//! nothing. The pages are written here, in the docs' format, about made-up widgets.

use graph_docs_codegen::diff::{self, ApiDiff, Verdict};
use graph_docs_codegen::{
    ir::{Model, TypeDef},
    load, load_scanned,
    scan::scan_version,
};
use graph_docs_tests::{docs_src, docs_tree};
use std::collections::BTreeSet;

/// A resource page: `props` rows are (name, type cell), `base` goes in the JSON block.
fn resource(name: &str, base: Option<&str>, props: &[(&str, &str)]) -> String {
    let rows: String = props.iter().map(|(p, ty)| format!("|{p}|{ty}|Made-up property.|\n")).collect();
    let base = base.map(|b| format!("  \"baseType\": \"microsoft.graph.{b}\",\n")).unwrap_or_default();
    let json: Vec<String> = props.iter().map(|(p, _)| format!("  \"{p}\": \"String\"")).collect();
    format!(
        "---\ntitle: \"{name} resource type\"\ndoc_type: resourcePageType\n---\n\n# {name} resource type\n\n\
         Namespace: microsoft.graph\n\nA made-up thing for the diff tests.\n\n## Properties\n\n\
         |Property|Type|Description|\n|:---|:---|:---|\n{rows}\n## JSON representation\n\n\
         <!-- {{\n  \"blockType\": \"resource\",\n{base}  \"@odata.type\": \"microsoft.graph.{name}\"\n}} -->\n\n\
         ```json\n{{\n{}\n}}\n```\n",
        json.join(",\n")
    )
}

/// An enum page with one enum.
fn enum_page(name: &str, members: &[&str]) -> String {
    let rows: String = members.iter().map(|m| format!("|{m}|\n")).collect();
    format!(
        "---\ntitle: \"Enum values\"\ndoc_type: enumPageType\n---\n\n# Enum values\n\nNamespace: microsoft.graph\n\n\
         ### {name} values\n\n|Member|\n|:---|\n{rows}"
    )
}

/// An API page: request lines, a sentence naming the query options, the response sentence.
fn api(title: &str, requests: &[&str], options: &str, response: &str) -> String {
    format!(
        "---\ntitle: \"{title}\"\ndoc_type: apiPageType\n---\n\n# {title}\n\nNamespace: microsoft.graph\n\n\
         Does something made-up.\n\n## HTTP request\n\n```http\n{}\n```\n\n## Optional query parameters\n\n{options}\n\n\
         ## Request headers\n\n|Name|Description|\n|:---|:---|\n|Authorization|Bearer {{token}}. Required.|\n\n\
         ## Request body\n\nSend no request body.\n\n## Response\n\n{response}\n",
        requests.join("\n")
    )
}

const ONE_WIDGET: &str =
    "If it works, this method returns a `200 OK` response code and a [widget](../resources/widget.md) object in the response body.";

fn old_tree() -> tempfile::TempDir {
    docs_tree(&[
        ("v1.0/resources/entity.md", &resource("entity", None, &[("id", "String")])),
        (
            "v1.0/resources/widget.md",
            &resource(
                "widget",
                Some("entity"),
                &[
                    ("color", "[colorKind](enums.md#colorkind-values)"),
                    ("displayname", "String"),
                    ("label", "String"),
                    ("size", "Int32"),
                    ("tag", "String"),
                ],
            ),
        ),
        ("v1.0/resources/gizmo.md", &resource("gizmo", Some("entity"), &[("serial", "String")])),
        ("v1.0/resources/dimensionset.md", &resource("dimensionSet", None, &[("width", "Int32")])),
        ("v1.0/resources/cog.md", &resource("cog", None, &[("teeth", "Int32")])),
        ("v1.0/resources/enums.md", &enum_page("colorKind", &["red", "darkRed", "green", "blue"])),
        (
            "v1.0/api/widget-get.md",
            &api("Get widget", &["GET /widgets/{id}"], "This method takes the `$select` and `$expand` options.", ONE_WIDGET),
        ),
        (
            "v1.0/api/widget-list.md",
            &api(
                "List widgets",
                &["GET /widgets"],
                "This method takes the `$top` option.",
                "If it works, this method returns a `200 OK` response code and a collection of [widget](../resources/widget.md) objects in the response body.",
            ),
        ),
        ("v1.0/api/widget-reset.md", &api("widget: reset", &["POST /widgets/{id}/reset"], "None.", ONE_WIDGET)),
        (
            "v1.0/api/widget-delete.md",
            &api("Delete widget", &["DELETE /widgets/{id}"], "None.", "If it works, this method returns a `204 No Content` response code."),
        ),
    ])
}

fn new_tree() -> tempfile::TempDir {
    docs_tree(&[
        ("v1.0/resources/entity.md", &resource("entity", None, &[("id", "String")])),
        (
            "v1.0/resources/widget.md",
            &resource(
                "widget",
                Some("entity"),
                &[
                    ("color", "[colorKind](enums.md#colorkind-values)"),
                    ("displayName", "String"),
                    ("size", "Int64"),
                    ("tag", "String collection"),
                    ("weight", "Double"),
                ],
            ),
        ),
        ("v1.0/resources/gizmo.md", &resource("gizmo", Some("widget"), &[("serial", "String")])),
        ("v1.0/resources/dimensionset.md", &resource("DimensionSet", None, &[("width", "Int32")])),
        ("v1.0/resources/sprocket.md", &resource("sprocket", None, &[("pitch", "Double")])),
        ("v1.0/resources/enums.md", &enum_page("colorKind", &["red", "darkred", "green", "purple"])),
        (
            "v1.0/api/widget-get.md",
            &api("Get widget", &["GET /widgets/{widget-id}"], "This method takes the `$select` and `$filter` options.", ONE_WIDGET),
        ),
        (
            "v1.0/api/widget-list.md",
            &api(
                "List widgets",
                &["GET /inventory/widgets"],
                "This method takes the `$top` option.",
                "If it works, this method returns a `200 OK` response code and a collection of [widget](../resources/widget.md) objects in the response body.",
            ),
        ),
        (
            "v1.0/api/widget-reset.md",
            &api(
                "widget: reset",
                &["POST /widgets/{id}/reset"],
                "None.",
                "If it works, this method returns a `200 OK` response code and a [gizmo](../resources/gizmo.md) object in the response body.",
            ),
        ),
        (
            "v1.0/api/sprocket-get.md",
            &api("Get sprocket", &["GET /sprockets/{id}"], "None.", "If it works, this method returns a `200 OK` response code and a [sprocket](../resources/sprocket.md) object in the response body."),
        ),
    ])
}

fn model(tree: &tempfile::TempDir) -> Model {
    load(tree.path(), "v1.0").model
}

/// Each change as `class kind subject: old → new`.
fn lines(d: &ApiDiff) -> Vec<String> {
    d.changes
        .iter()
        .map(|c| {
            let value = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
            format!("{} {} {}: {} → {}", c.class.id(), c.kind.id(), c.subject, value(&c.old), value(&c.new))
        })
        .collect()
}

#[test]
fn every_kind_of_edit_is_found_and_classed() {
    let (old, new) = (old_tree(), new_tree());
    let (old, new) = (model(&old), model(&new));
    assert!(old.diagnostics.iter().all(|d| d.code != "no-definition"), "{:#?}", old.diagnostics);
    let d = diff::diff(&old, &new);
    assert_eq!(
        lines(&d),
        [
            "breaking type-removed microsoft.graph.cog: complex → -",
            "breaking type-base-changed microsoft.graph.gizmo: microsoft.graph.entity → microsoft.graph.widget",
            // `widget-get` returns a widget, and now a gizmo is one: `AnyWidget` reads either.
            "breaking type-polymorphic-changed microsoft.graph.widget: - → AnyWidget",
            "breaking property-removed microsoft.graph.widget/label: Edm.String → -",
            "breaking property-case-rename microsoft.graph.widget/displayName: displayname → displayName",
            "breaking property-type-changed microsoft.graph.widget/size: Edm.Int32 → Edm.Int64",
            "breaking property-collection-changed microsoft.graph.widget/tag: Edm.String → Collection(Edm.String)",
            "breaking member-removed microsoft.graph.colorKind/blue: blue → -",
            // The variant `DarkRed` becomes `Darkred`.
            "breaking member-case-rename microsoft.graph.colorKind/darkred: darkRed → darkred",
            "breaking operation-removed widget-delete: DELETE /widgets/{id} → -",
            "breaking operation-path-removed widget-list: /widgets → -",
            "breaking operation-response-type-changed widget-reset: microsoft.graph.widget → microsoft.graph.gizmo",
            "breaking query-option-removed widget-get: $expand → -",
            "additive type-added microsoft.graph.sprocket: - → complex",
            "additive property-added microsoft.graph.widget/weight: - → Edm.Double",
            "additive member-added microsoft.graph.colorKind/purple: - → purple",
            "additive operation-added sprocket-get: - → GET /sprockets/{id}",
            "additive operation-path-added widget-list: - → /inventory/widgets",
            "additive query-option-added widget-get: - → $filter",
            // Same Rust name `DimensionSet`: only the `@odata.type` spelling changes.
            "patch type-case-rename microsoft.graph.DimensionSet: microsoft.graph.dimensionSet → microsoft.graph.DimensionSet",
            // A placeholder name is no part of a function's signature that callers see.
            "patch operation-path-respelled widget-get: /widgets/{id} → /widgets/{widget-id}",
        ]
    );
    assert_eq!(d.verdict, Verdict::Major);
    assert_eq!((d.old_version.as_str(), d.new_version.as_str()), ("v1.0", "v1.0"));
}

#[test]
fn a_model_against_itself_is_empty() {
    for version in ["v1.0", "beta"] {
        let model = load(&docs_src(), version).model;
        let d = diff::diff(&model, &model);
        assert!(d.changes.is_empty(), "{:#?}", d.changes);
        assert_eq!(d.verdict, Verdict::None);
        assert_eq!(diff::verdict(&[d]), Verdict::None);
    }
}

fn widget(model: &mut Model) -> &mut TypeDef {
    model.types.iter_mut().find(|t| t.name == "microsoft.graph.widget").expect("widget is defined")
}

#[test]
fn the_verdict_is_the_largest_class() {
    let tree = old_tree();
    let old = model(&tree);
    let mut new = old.clone();
    widget(&mut new).properties[0].nullable ^= true;
    assert_eq!(diff::diff(&old, &new).verdict, Verdict::Patch);
    let mut extra = widget(&mut new).properties[0].clone();
    extra.name = "extra".into();
    widget(&mut new).properties.push(extra);
    assert_eq!(diff::diff(&old, &new).verdict, Verdict::Minor);
    widget(&mut new).properties.remove(0);
    assert_eq!(diff::diff(&old, &new).verdict, Verdict::Major);
}

/// Once a property is declared with `entity`, an `AnyEntity` enum holds every type derived
/// from it, and that enum is exhaustive: one more derived type breaks a `match` on it.
#[test]
fn a_new_derived_type_of_a_polymorphic_type_is_breaking() {
    let tree = old_tree();
    let mut old = model(&tree);
    let mut part = widget(&mut old).properties[0].clone();
    (part.name, part.ty) = ("part".into(), "microsoft.graph.entity".into());
    widget(&mut old).properties.push(part);
    let mut new = old.clone();
    let mut added = new.types.iter().find(|t| t.name == "microsoft.graph.gizmo").expect("gizmo").clone();
    added.name = "microsoft.graph.doohickey".into();
    new.types.push(added);
    new.types.sort_by(|a, b| a.name.cmp(&b.name));
    let d = diff::diff(&old, &new);
    assert_eq!(lines(&d), ["breaking type-added microsoft.graph.doohickey: - → entity"]);
    assert_eq!(d.changes[0].note.as_deref(), Some("adds a variant to the exhaustive `AnyEntity`"));
}

/// A property that moves to the base stays a field of the derived struct.
#[test]
fn a_property_moved_to_the_base_is_a_patch() {
    let tree = old_tree();
    let old = model(&tree);
    let mut new = old.clone();
    let label = widget(&mut new).properties.iter().position(|p| p.name == "label").expect("label");
    let moved = widget(&mut new).properties.remove(label);
    new.types.iter_mut().find(|t| t.name == "microsoft.graph.entity").expect("entity").properties.push(moved);
    assert_eq!(
        lines(&diff::diff(&old, &new)),
        [
            "additive property-added microsoft.graph.entity/label: - → Edm.String",
            "patch property-moved microsoft.graph.widget/label: microsoft.graph.widget → microsoft.graph.entity",
        ]
    );
}

/// A tree holding one updated page is read laid over the full old tree, so that what the
/// page refers to still resolves; only what that page defines is compared.
#[test]
fn a_few_newer_pages_compare_against_the_full_corpus() {
    let old_tree = old_tree();
    let new_tree = new_tree();
    let widget_page =
        std::fs::read_to_string(new_tree.path().join("api-reference/v1.0/resources/widget.md")).expect("page");
    let partial = docs_tree(&[("v1.0/resources/widget.md", &widget_page)]);
    let old_scan = scan_version(old_tree.path(), "v1.0");
    let new_scan = scan_version(partial.path(), "v1.0");
    let both: BTreeSet<String> = diff::pages(&old_scan).intersection(&diff::pages(&new_scan)).cloned().collect();
    assert_eq!(both.iter().map(String::as_str).collect::<Vec<_>>(), ["resources/widget.md"]);
    let new_scan = diff::overlay(&old_scan, new_scan);
    let (mut old, mut new) = (load_scanned(old_scan, "v1.0").model, load_scanned(new_scan, "v1.0").model);
    diff::retain_pages(&mut old, &mut new, &both);
    assert_eq!(
        lines(&diff::diff(&old, &new)),
        [
            "breaking property-removed microsoft.graph.widget/label: Edm.String → -",
            "breaking property-case-rename microsoft.graph.widget/displayName: displayname → displayName",
            "breaking property-type-changed microsoft.graph.widget/size: Edm.Int32 → Edm.Int64",
            "breaking property-collection-changed microsoft.graph.widget/tag: Edm.String → Collection(Edm.String)",
            "additive property-added microsoft.graph.widget/weight: - → Edm.Double",
        ]
    );
    // Read on its own, the page names an enum it does not define.
    let alone = load(partial.path(), "v1.0").model;
    let color =
        |m: &Model| m.types.iter().flat_map(|t| &t.properties).find(|p| p.name == "color").map(|p| p.ty.clone());
    assert_eq!(color(&alone).as_deref(), Some("Edm.Untyped"));
    assert_eq!(color(&new).as_deref(), Some("microsoft.graph.colorKind"));
}

#[test]
fn renderings_are_stable_and_complete() {
    let (old, new) = (old_tree(), new_tree());
    let d = diff::diff(&model(&old), &model(&new));
    let markdown = diff::markdown(std::slice::from_ref(&d));
    assert!(markdown.contains("Semver verdict: **major**"), "{markdown}");
    assert!(markdown.contains("| `property-added` | 0 | 1 | 0 |"), "{markdown}");
    assert!(markdown.contains("| **total** | **13** | **6** | **2** |"), "{markdown}");
    assert!(markdown.contains("- `microsoft.graph.widget/size`: `Edm.Int32` → `Edm.Int64`"), "{markdown}");
    let json: serde_json::Value = serde_json::from_str(&diff::json(&[d]).expect("serializes")).expect("valid JSON");
    assert_eq!(json["verdict"], "major");
    assert_eq!(json["diffs"][0]["counts"]["query-option-removed"]["breaking"], 1);
    let first = &json["diffs"][0]["changes"][0];
    let keys: Vec<&str> = first.as_object().expect("object").keys().map(String::as_str).collect();
    assert_eq!(keys, ["class", "kind", "subject", "old", "new", "note"]);
    assert_eq!(first["kind"], "type-removed");
    assert_eq!(first["class"], "breaking");
}
