//! Bad input never stops a run: each test puts one bad page beside one good resource page,
//! and asserts the bad page's diagnostic (code and file) and that the good page's type is
//! still in the model. Then injection: text from the docs cannot change generated code
//! outside its doc comments, and nothing outside the docs root is ever read.

use graph_docs_codegen::diag::Diagnostic;
use graph_docs_codegen::ir::{Model, TypeDef};
use graph_docs_codegen::{emit, load, Loaded};
use graph_docs_tests::docs_tree;
use quote::ToTokens;
use std::path::Path;
use std::time::{Duration, Instant};

const GOOD_PATH: &str = "v1.0/resources/widget.md";

/// A resource page in the shape of the docs: front matter, table, annotated JSON block.
fn resource_page(name: &str, description: &str, properties: &[(&str, &str)]) -> String {
    let rows: String = properties.iter().map(|(p, t)| format!("| {p} | {t} | The {p} of it. |\n")).collect();
    let json: Vec<String> = properties.iter().map(|(p, t)| format!("  \"{p}\": \"{t}\"")).collect();
    format!(
        "---\ntitle: \"{name} resource type\"\ndoc_type: resourcePageType\n---\n\n# {name} resource type\n\n\
         Namespace: microsoft.graph\n\n{description}\n\n## Properties\n\n| Property | Type | Description |\n\
         |:--|:--|:--|\n{rows}\n## JSON representation\n\n<!-- {{\n  \"blockType\": \"resource\",\n  \
         \"@odata.type\": \"microsoft.graph.{name}\"\n}} -->\n```json\n{{\n{}\n}}\n```\n",
        json.join(",\n")
    )
}

fn good_page() -> String {
    resource_page("widget", "A part that test pages keep beside a bad one.", &[("id", "String"), ("label", "String")])
}

/// A docs tree with the good page and `bad` written as raw bytes under `api-reference/`.
fn tree_with(bad: &[(&str, &[u8])]) -> tempfile::TempDir {
    let tree = docs_tree(&[(GOOD_PATH, &good_page())]);
    for (path, bytes) in bad {
        let full = tree.path().join("api-reference").join(path);
        std::fs::create_dir_all(full.parent().expect("page path has a folder")).expect("create folder");
        std::fs::write(full, bytes).expect("write page");
    }
    tree
}

fn find<'a>(model: &'a Model, name: &str) -> Option<&'a TypeDef> {
    model.types.iter().find(|t| t.name == name)
}

fn assert_good_page_loaded(model: &Model) {
    let widget = find(model, "microsoft.graph.widget").expect("the good page's type is still in the model");
    let names: Vec<&str> = widget.properties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["id", "label"]);
}

/// The one diagnostic with `code`, asserting it names `file` (relative to `api-reference/`).
fn diagnostic<'a>(model: &'a Model, code: &str, file: &str) -> &'a Diagnostic {
    let found: Vec<&Diagnostic> = model.diagnostics.iter().filter(|d| d.code == code).collect();
    assert_eq!(found.len(), 1, "one `{code}` diagnostic expected, got {:#?}", model.diagnostics);
    assert_eq!(found[0].file, format!("api-reference/{file}"));
    found[0]
}

fn load_v1(root: &Path) -> Loaded {
    load(root, "v1.0")
}

#[test]
fn invalid_utf8_is_replaced_and_reported_with_its_line() {
    let mut page = resource_page("latinPage", "Described in Latin-1: caf\u{0}.", &[("name", "String")]).into_bytes();
    let at = page.iter().position(|&b| b == 0).expect("marker");
    page[at] = 0xE9;
    let tree = tree_with(&[("v1.0/resources/latinpage.md", &page)]);
    let model = load_v1(tree.path()).model;
    let d = diagnostic(&model, "invalid-utf8", "v1.0/resources/latinpage.md");
    assert_eq!((d.line, d.column), (10, 26), "where the first invalid byte is");
    assert!(find(&model, "microsoft.graph.latinPage").is_some(), "the page is still read");
    assert_good_page_loaded(&model);
}

#[test]
fn empty_page() {
    let tree = tree_with(&[("v1.0/resources/empty.md", b""), ("v1.0/resources/blank.md", b" \n\n\t\n")]);
    let model = load_v1(tree.path()).model;
    let files: Vec<&str> =
        model.diagnostics.iter().filter(|d| d.code == "empty-page").map(|d| d.file.as_str()).collect();
    assert_eq!(files, ["api-reference/v1.0/resources/blank.md", "api-reference/v1.0/resources/empty.md"]);
    assert_good_page_loaded(&model);
}

#[test]
fn binary_file() {
    let bytes: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    let tree = tree_with(&[("v1.0/resources/image.md", &bytes)]);
    let model = load_v1(tree.path()).model;
    diagnostic(&model, "binary-file", "v1.0/resources/image.md");
    assert_good_page_loaded(&model);
}

#[test]
fn folders_among_the_pages() {
    let tree = tree_with(&[
        ("v1.0/resources/.vscode/settings.json", b"{}"),
        ("v1.0/resources/.vscode/notes.md", b"# notes resource type\n"),
    ]);
    std::fs::create_dir_all(tree.path().join("api-reference/v1.0/resources/folder.md"))
        .expect("folder named like a page");
    let model = load_v1(tree.path()).model;
    diagnostic(&model, "hidden-path-skipped", "v1.0/resources/.vscode");
    diagnostic(&model, "not-a-file", "v1.0/resources/folder.md");
    assert!(find(&model, "microsoft.graph.notes").is_none(), "nothing under a hidden folder is read");
    assert_good_page_loaded(&model);
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_not_followed() {
    let tree = tree_with(&[]);
    let resources = tree.path().join("api-reference/v1.0/resources");
    std::os::unix::fs::symlink("loop.md", resources.join("loop.md")).expect("self link");
    std::os::unix::fs::symlink(".", resources.join("cycle")).expect("folder loop");
    let model = load_v1(tree.path()).model;
    let files: Vec<&str> =
        model.diagnostics.iter().filter(|d| d.code == "symlink-skipped").map(|d| d.file.as_str()).collect();
    assert_eq!(files, ["api-reference/v1.0/resources/cycle", "api-reference/v1.0/resources/loop.md"]);
    assert_good_page_loaded(&model);
}

/// Set in the child process that repeats `unreadable_file` as an unprivileged user.
#[cfg(unix)]
const UNPRIVILEGED_TREE: &str = "GRAPH_DOCS_TEST_UNREADABLE_TREE";

#[cfg(unix)]
fn assert_unreadable_reported(root: &Path) {
    let model = load_v1(root).model;
    diagnostic(&model, "unreadable-file", "v1.0/resources/locked.md");
    assert!(find(&model, "microsoft.graph.locked").is_none());
    assert_good_page_loaded(&model);
}

#[cfg(unix)]
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    if let Ok(root) = std::env::var(UNPRIVILEGED_TREE) {
        return assert_unreadable_reported(Path::new(&root));
    }
    let page = resource_page("locked", "Locked away.", &[("key", "String")]);
    let tree = tree_with(&[("v1.0/resources/locked.md", page.as_bytes())]);
    let path = tree.path().join("api-reference/v1.0/resources/locked.md");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod 000");
    if std::fs::read(&path).is_err() {
        assert_unreadable_reported(tree.path());
        return;
    }
    // Root (or CAP_DAC_OVERRIDE) reads a chmod 000 file anyway: the page is read as usual...
    let model = load_v1(tree.path()).model;
    assert!(find(&model, "microsoft.graph.locked").is_some(), "a file this user can read is read");
    assert!(model.diagnostics.iter().all(|d| d.code != "unreadable-file"));
    assert_good_page_loaded(&model);
    // ...and this test runs again as `nobody`, for whom the read fails.
    std::fs::set_permissions(tree.path(), std::fs::Permissions::from_mode(0o755)).expect("open the tree to others");
    // A copy beside the tree: the build folder may be closed to other users.
    let test_binary = tree.path().join("robustness-test");
    std::fs::copy(std::env::current_exe().expect("test binary path"), &test_binary).expect("copy the test binary");
    let child = std::process::Command::new(&test_binary)
        .args(["--exact", "unreadable_file", "--test-threads=1"])
        .env(UNPRIVILEGED_TREE, tree.path())
        .uid(65534)
        .gid(65534)
        .output()
        .expect("the test binary runs as nobody");
    let report = String::from_utf8_lossy(&child.stdout);
    assert!(
        child.status.success() && report.contains("1 passed"),
        "as nobody: {report}{}",
        String::from_utf8_lossy(&child.stderr)
    );
}

#[test]
fn page_of_50_mb_is_refused_quickly() {
    let mut page = resource_page("huge", "Far too long.", &[("x", "String")]);
    let filler = "A line of filler text that makes this page far larger than any docs page.\n";
    page.push_str(&filler.repeat(50 * 1024 * 1024 / filler.len()));
    let tree = tree_with(&[("v1.0/resources/huge.md", page.as_bytes())]);
    let started = Instant::now();
    let model = load_v1(tree.path()).model;
    assert!(started.elapsed() < Duration::from_secs(5), "refused in {:?}", started.elapsed());
    diagnostic(&model, "page-too-large", "v1.0/resources/huge.md");
    assert!(find(&model, "microsoft.graph.huge").is_none());
    assert_good_page_loaded(&model);
}

#[test]
fn table_of_100_000_rows_is_read_whole() {
    let names: Vec<String> = (0..100_000).map(|i| format!("field{i}")).collect();
    let properties: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "Int32")).collect();
    let page = resource_page("wideTable", "Many rows.", &properties);
    let tree = tree_with(&[("v1.0/resources/widetable.md", page.as_bytes())]);
    let started = Instant::now();
    let model = load_v1(tree.path()).model;
    let wide = find(&model, "microsoft.graph.wideTable").expect("the big page is read");
    assert_eq!(wide.properties.len(), 100_000);
    assert_eq!(wide.properties[99_999].name, "field99999");
    assert!(started.elapsed() < Duration::from_secs(60), "took {:?}", started.elapsed());
    assert_good_page_loaded(&model);
}

#[test]
fn line_of_1_mb_is_read_whole() {
    let long = "word ".repeat(200_000);
    let mut page = resource_page("longLine", &long, &[("text", "String")]);
    page.push_str(&format!("\n| a | b |\n|--|--|\n| {long} | {long} |\n"));
    let tree = tree_with(&[("v1.0/resources/longline.md", page.as_bytes())]);
    let model = load_v1(tree.path()).model;
    let t = find(&model, "microsoft.graph.longLine").expect("the page with a long line is read");
    assert_eq!(t.description.len(), long.trim().len());
    assert_good_page_loaded(&model);
}

#[test]
fn json_nested_10_000_deep_in_a_resource_block() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let page = resource_page("deepBlock", "Deep JSON.", &[("a", "String")])
        .replace("\"a\": \"String\"", &format!("\"a\": {deep}"));
    let tree = tree_with(&[("v1.0/resources/deepblock.md", page.as_bytes())]);
    let model = load_v1(tree.path()).model;
    diagnostic(&model, "resource-json", "v1.0/resources/deepblock.md");
    assert!(find(&model, "microsoft.graph.deepBlock").is_some(), "the table still defines the type");
    assert_good_page_loaded(&model);
}

#[test]
fn json_nested_10_000_deep_in_an_annotation() {
    let deep = format!("{}{}", "{\"a\":".repeat(10_000), "}".repeat(10_000));
    let page = resource_page("deepNote", "Deep annotation.", &[("a", "String")])
        .replace("\"blockType\": \"resource\",", &format!("\"blockType\": \"resource\", \"x\": {deep},"));
    let tree = tree_with(&[("v1.0/resources/deepnote.md", page.as_bytes())]);
    let model = load_v1(tree.path()).model;
    diagnostic(&model, "annotation-json", "v1.0/resources/deepnote.md");
    assert_good_page_loaded(&model);
}

#[test]
fn markdown_nested_10_000_deep() {
    let quotes = format!("{} deep\n", ">".repeat(10_000));
    let lists = format!("{}item\n", "- ".repeat(10_000));
    let brackets = format!("{}x{}\n", "[".repeat(10_000), "](y)".repeat(10_000));
    let page =
        format!("{}\n{quotes}\n{lists}\n{brackets}", resource_page("deepMarkdown", "Nested.", &[("a", "String")]));
    let tree = tree_with(&[("v1.0/resources/deepmarkdown.md", page.as_bytes())]);
    let model = load_v1(tree.path()).model;
    assert!(find(&model, "microsoft.graph.deepMarkdown").is_some());
    assert_good_page_loaded(&model);
}

#[test]
fn crlf_and_bom_parse_like_lf() {
    let page = good_page();
    let lf = load_v1(docs_tree(&[(GOOD_PATH, &page)]).path()).model;
    let crlf_bom = format!("\u{feff}{}", page.replace('\n', "\r\n"));
    let cr_tree = docs_tree(&[(GOOD_PATH, &crlf_bom)]);
    let crlf = load_v1(cr_tree.path()).model;
    let json = |m: &Model| serde_json::to_string_pretty(m).expect("model serializes");
    assert_eq!(json(&crlf), json(&lf));
    assert_good_page_loaded(&crlf);
}

/// Every file of the emitted crate parses as Rust, and its API listing is what the code
/// declares.
fn emitted_files(model: Model) -> Vec<(String, syn::File)> {
    let files = emit::emit_crate(&[model], &emit::CrateOptions::default());
    let api = files.iter().find(|f| f.path == "API.txt").expect("API.txt is emitted");
    assert_eq!(api.contents, graph_docs_tests::api_listing::listing(&files));
    files
        .into_iter()
        .filter(|f| f.path.ends_with(".rs"))
        .map(|f| {
            let parsed = syn::parse_file(&f.contents)
                .unwrap_or_else(|e| panic!("{} does not parse: {e}\n{}", f.path, f.contents));
            (f.path, parsed)
        })
        .collect()
}

#[test]
fn type_names_that_are_keywords_or_numbers() {
    let keyword_props = [
        ("fn", "String"),
        ("self", "String"),
        ("Self", "String"),
        ("crate", "String"),
        ("_", "String"),
        ("3d", "String"),
    ];
    let mut pages: Vec<(String, String)> = ["match", "type", "Self", "crate", "Box", "Option"]
        .iter()
        .map(|name| {
            (
                format!("v1.0/resources/{}.md", name.to_lowercase()),
                resource_page(name, "Named like Rust.", &keyword_props),
            )
        })
        .collect();
    // A name that starts with a digit is only ever a type when an annotation names it.
    for (file, name) in [("3dmodel", "3dModel"), ("123", "123"), ("rt", "rt.part"), ("crate-ns", "crate.part")] {
        let page = resource_page("placeholder", "Named by its annotation.", &[("size", "Int32")])
            .replace("placeholder resource type", &format!("{file} resource type"))
            .replace("microsoft.graph.placeholder", &format!("microsoft.graph.{name}"));
        pages.push((format!("v1.0/resources/{file}.md"), page));
    }
    pages.push(("v1.0/resources/widget.md".into(), good_page()));
    let enum_page = "---\ndoc_type: enumPageType\n---\n\n# keywordKind enum type\n\nNamespace: microsoft.graph\n\n## Members\n\n\
                     | Member | Description |\n|--|--|\n| self | a |\n| Self | b |\n| _ | c |\n| 123 | d |\n| match | e |\n| UnknownValue | f |\n";
    pages.push(("v1.0/resources/keywordkind.md".into(), enum_page.into()));
    let pages: Vec<(&str, &str)> = pages.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let tree = docs_tree(&pages);
    let model = load_v1(tree.path()).model;
    for name in
        ["match", "type", "Self", "crate", "Box", "Option", "3dModel", "123", "rt.part", "crate.part", "keywordKind"]
    {
        assert!(
            find(&model, &format!("microsoft.graph.{name}")).is_some(),
            "{name} is in the model: {:#?}",
            model.diagnostics
        );
    }
    assert_good_page_loaded(&model);
    let files = emitted_files(model);
    assert!(files.iter().any(|(path, _)| path == "src/v1_0/mod.rs"));
}

/// Every fn item outside an impl, at any module depth.
fn free_functions(items: &[syn::Item], out: &mut Vec<String>) {
    for item in items {
        match item {
            syn::Item::Fn(f) => out.push(f.sig.ident.to_string()),
            syn::Item::Mod(m) => free_functions(m.content.as_ref().map_or(&[][..], |(_, items)| items), out),
            _ => {}
        }
    }
}

fn doc_text(attrs: &[syn::Attribute]) -> String {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(syn::MetaNameValue {
                value: syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }),
                ..
            }) => Some(s.value()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn descriptions_cannot_inject_code() {
    let hostile = r#"Ends a comment */ closes "] then `#![deny(warnings)]` and `fn x() {}` with ``` fences"#;
    // What the text reads as once markdown is parsed (code spans lose their backticks), and
    // escaped again for rustdoc's markdown (`[` and `]` would make a link).
    let plain = r#"Ends a comment */ closes "\] then #!\[deny(warnings)\] and fn x() {} with ``` fences"#;
    let page = resource_page("hostile", &format!("{hostile}\nfn x() {{}}"), &[("note", "String")])
        .replace("The note of it.", &format!("{hostile} <br> fn y() {{}}"));
    let enum_page = format!(
        "---\ndoc_type: enumPageType\n---\n\n# hostileKind enum type\n\nNamespace: microsoft.graph\n\n## Members\n\n\
         | Member | Description |\n|--|--|\n| plain | {hostile} |\n| `\"]` | {hostile} |\n"
    );
    // A code span of backticks makes a description that opens like a fence.
    let fenced = resource_page("fenced", "```` ```rust ```` fn main() {}", &[("a", "String")]);
    let tree = docs_tree(&[
        (GOOD_PATH, &good_page()),
        ("v1.0/resources/hostile.md", &page),
        ("v1.0/resources/hostilekind.md", &enum_page),
        ("v1.0/resources/fenced.md", &fenced),
        (
            "v1.0/resources/named\r\nfn z() {}.md",
            &resource_page("badlyNamed", "In a file with a line break in its name.", &[("b", "String")]),
        ),
    ]);
    let model = load_v1(tree.path()).model;
    assert!(find(&model, "microsoft.graph.badlyNamed").is_some());
    assert!(find(&model, "microsoft.graph.hostile").is_some());
    assert!(find(&model, "microsoft.graph.hostileKind").is_some());
    for (path, file) in emitted_files(model) {
        if path == "src/runtime.rs" {
            continue;
        }
        let mut fns = Vec::new();
        free_functions(&file.items, &mut fns);
        assert!(fns.is_empty(), "{path}: free functions {fns:?}");
        for attr in &file.attrs {
            // Besides docs, only `lib.rs`'s own: the `doc(cfg)` badges' feature on docs.rs.
            let doc_cfg = path == "src/lib.rs"
                && attr.meta.to_token_stream().to_string() == "cfg_attr (docsrs , feature (doc_cfg))";
            assert!(attr.path().is_ident("doc") || doc_cfg, "{path}: inner attribute {}", quote_attr(attr));
        }
        for item in &file.items {
            let (name, attrs) = match item {
                syn::Item::Struct(s) => (s.ident.to_string(), &s.attrs),
                syn::Item::Enum(e) => (e.ident.to_string(), &e.attrs),
                _ => continue,
            };
            let docs = doc_text(attrs);
            if name == "Hostile" {
                assert!(docs.contains(&format!("{plain} fn x() {{}}")), "{docs}");
                let syn::Item::Struct(s) = item else { unreachable!() };
                let note = s.fields.iter().find(|f| f.ident.as_ref().is_some_and(|i| i == "note")).expect("note field");
                assert!(doc_text(&note.attrs).contains("fn y() {}"));
            }
            if name == "BadlyNamed" {
                assert!(docs.contains("named??fn z() {}.md"), "{docs}");
            }
            if name == "Fenced" {
                assert!(docs.starts_with(" \\```rust fn main() {}"), "a fence is escaped: {docs}");
            }
            if name == "HostileKind" {
                let syn::Item::Enum(e) = item else { unreachable!() };
                let variants: Vec<String> = e.variants.iter().map(|v| v.ident.to_string()).collect();
                assert_eq!(variants, ["Plain", "Empty", "UnknownValue"]);
                assert!(doc_text(&e.variants[1].attrs).contains(plain));
            }
        }
    }
}

fn quote_attr(attr: &syn::Attribute) -> String {
    attr.path().get_ident().map(|i| i.to_string()).unwrap_or_default()
}

#[test]
fn links_and_symlinks_never_read_outside_the_docs_root() {
    let outside =
        docs_tree(&[("v1.0/resources/secret.md", &resource_page("secret", "Outside the root.", &[("k", "String")]))]);
    let page = resource_page(
        "linker",
        "See [passwords](../../../etc/passwd) and [root](/etc/passwd).",
        &[("other", "String")],
    )
    .replace("| other | String |", "| other | [secret](../../../../../outside/secret.md) |");
    let tree = docs_tree(&[(GOOD_PATH, &good_page()), ("v1.0/resources/linker.md", &page)]);
    let resources = tree.path().join("api-reference/v1.0/resources");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(
            outside.path().join("api-reference/v1.0/resources/secret.md"),
            resources.join("secret.md"),
        )
        .expect("file link");
        std::os::unix::fs::symlink(outside.path().join("api-reference/v1.0/resources"), resources.join("elsewhere"))
            .expect("folder link");
        std::os::unix::fs::symlink("/etc/passwd", resources.join("passwd.md")).expect("system link");
    }
    let loaded = load_v1(tree.path());
    assert!(!loaded.read.is_empty());
    for path in loaded.read.iter().map(|file| &file.path) {
        assert!(path.starts_with(tree.path()), "{} is outside the docs root", path.display());
        assert!(!std::fs::symlink_metadata(path).expect("read path exists").file_type().is_symlink());
    }
    assert!(find(&loaded.model, "microsoft.graph.secret").is_none(), "nothing was read through a link");
    assert!(find(&loaded.model, "microsoft.graph.linker").is_some());
    #[cfg(unix)]
    {
        let linked: Vec<&str> =
            loaded.model.diagnostics.iter().filter(|d| d.code == "symlink-skipped").map(|d| d.file.as_str()).collect();
        assert_eq!(
            linked,
            [
                "api-reference/v1.0/resources/elsewhere",
                "api-reference/v1.0/resources/passwd.md",
                "api-reference/v1.0/resources/secret.md"
            ]
        );
    }
    assert_good_page_loaded(&loaded.model);
}
