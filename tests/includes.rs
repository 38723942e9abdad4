//! Newer docs keep each operation's permissions table in a DocFX include
//! (`[!INCLUDE [permissions-table](../includes/permissions/x.md)]`): the generator reads it
//! with the page, lists it among the files read, and reports an include it cannot read.

use graph_docs_codegen::diag::Diagnostic;
use graph_docs_codegen::{load, Loaded};
use graph_docs_tests::docs_tree;

/// An API page whose Permissions section holds `include` lines and no table.
fn api_page(include: &str) -> String {
    format!(
        "---\ntitle: \"Get gadget\"\ndoc_type: apiPageType\n---\n\n# Get gadget\n\nReads one gadget.\n\n\
         ## Permissions\n\nPick the least privileged permission that works.\n\n{include}\n\n\
         ## HTTP request\n\n```http\nGET /gadgets/{{id}}\n```\n\n## Response\n\n\
         If successful, this method returns a `200 OK` response code and a [gadget](../resources/gadget.md) object in the response body.\n"
    )
}

const TABLE: &str = "|Permission type|Least privileged permissions|Higher privileged permissions|\n\
                     |:---|:---|:---|\n\
                     |Delegated (work or school account)|Gadget.Read|Gadget.ReadWrite|\n\
                     |Delegated (personal Microsoft account)|Not supported.|Not supported.|\n\
                     |Application|Gadget.Read.All|Not available.|\n";

const PAGE: &str = "v1.0/api/gadget-get.md";

fn include_warnings(loaded: &Loaded) -> Vec<&Diagnostic> {
    loaded.model.diagnostics.iter().filter(|d| d.code == "include-not-read").collect()
}

#[test]
fn permissions_in_an_included_table_are_read() {
    let include = "[!INCLUDE [permissions-table](../includes/permissions/gadget-get-permissions.md)]\n\n\
                   [!INCLUDE [rbac](../includes/rbac-for-apis/rbac-gadget-apis-read.md)]";
    let rbac =
        "---\nms.topic: include\n---\n\n> [!IMPORTANT]\n> Delegated callers also need the *Gadget Reader* role.\n";
    let docs = docs_tree(&[
        (PAGE, &api_page(include)),
        ("v1.0/includes/permissions/gadget-get-permissions.md", TABLE),
        ("v1.0/includes/rbac-for-apis/rbac-gadget-apis-read.md", rbac),
    ]);
    let loaded = load(docs.path(), "v1.0");
    let op = loaded.model.operations.iter().find(|o| o.id == "gadget-get").expect("the page's operation");
    // Least and higher privileged apart; the role note as text.
    assert_eq!(op.permissions.delegated_work, ["Gadget.Read"]);
    assert_eq!(op.permissions.higher_privileged.delegated_work, ["Gadget.ReadWrite"]);
    assert!(op.permissions.delegated_personal.is_empty());
    assert_eq!(op.permissions.application, ["Gadget.Read.All"]);
    assert!(op.permissions.higher_privileged.application.is_empty());
    assert_eq!(op.permissions.notes.len(), 1);
    assert!(op.permissions.notes[0].contains("Gadget Reader"), "{:?}", op.permissions.notes);
    assert!(include_warnings(&loaded).is_empty(), "{:#?}", loaded.model.diagnostics);
    let included = docs.path().join("api-reference/v1.0/includes/permissions/gadget-get-permissions.md");
    let read: Vec<&std::path::Path> = loaded.read.iter().map(|file| file.path.as_path()).collect();
    assert!(read.contains(&included.as_path()), "the include is a file read, for rerun-if-changed: {read:?}");
}

#[test]
fn includes_outside_the_permissions_section_are_not_read() {
    let page = api_page("").replace(
        "Reads one gadget.",
        "Reads one gadget.\n\n[!INCLUDE [permissions-table](../includes/permissions/gadget-get-permissions.md)]",
    );
    let docs = docs_tree(&[(PAGE, &page), ("v1.0/includes/permissions/gadget-get-permissions.md", TABLE)]);
    let loaded = load(docs.path(), "v1.0");
    let op = loaded.model.operations.iter().find(|o| o.id == "gadget-get").expect("the page's operation");
    assert!(op.permissions.application.is_empty());
    assert!(!loaded.read.iter().any(|file| file.path.ends_with("gadget-get-permissions.md")));
}

#[test]
fn a_missing_or_escaping_include_is_reported_and_nothing_outside_the_root_is_read() {
    let outside = tempfile::tempdir().expect("temporary folder");
    std::fs::write(outside.path().join("secret.md"), TABLE).expect("write file");
    let escape = format!("{}/{}", "../".repeat(12), outside.path().join("secret.md").display());
    let includes = format!(
        "[!INCLUDE [permissions-table](../includes/permissions/missing.md)]\n\n[!INCLUDE [permissions-table]({escape})]"
    );
    let docs = docs_tree(&[(PAGE, &api_page(&includes))]);
    let loaded = load(docs.path(), "v1.0");
    let warnings = include_warnings(&loaded);
    let lines: Vec<(usize, bool)> =
        warnings.iter().map(|d| (d.line, d.message.contains("outside the docs root"))).collect();
    assert_eq!(lines, [(14, false), (16, true)], "{warnings:#?}");
    assert!(warnings.iter().all(|d| d.file == format!("api-reference/{PAGE}")));
    let op =
        loaded.model.operations.iter().find(|o| o.id == "gadget-get").expect("the page still yields its operation");
    assert!(op.permissions.application.is_empty());
    assert!(!loaded.read.iter().any(|file| file.path.ends_with("secret.md")));
}
