//! Property tests of the two entry points the fuzz targets drive (`fuzz/`): the page
//! parser with the model stage, and the lenient JSON reader. Short enough for every run;
//! crash inputs the fuzzers found are kept here as regression cases.

use graph_docs_codegen::diag::Span;
use graph_docs_codegen::parse::json;
use graph_docs_codegen::{emit, load_scanned, model, parse, scan};
use proptest::prelude::*;

/// What the page fuzz target does with one input.
fn read_page(bytes: &[u8]) {
    let mut diags = Vec::new();
    let at = Span::file_start("api-reference/v1.0/resources/prop.md");
    let Some(text) = scan::decode_page(bytes.to_vec(), &at, &mut diags) else { return };
    for folder in [scan::Folder::Resources, scan::Folder::Api] {
        let file = scan::SourceFile { path: at.file.clone(), folder, text: text.clone(), includes: Vec::new() };
        if let Some(page) = parse::parse_page(file, &mut diags) {
            model::page_definitions(&page, &mut diags);
        }
    }
    for d in &diags {
        assert!(d.line >= 1 && d.column >= 1, "{d:?}");
    }
}

/// The whole pipeline on one page filed in both folders, down to emitted code, every file
/// of which must parse.
fn generate(text: &str) {
    let files =
        [(scan::Folder::Resources, "resources"), (scan::Folder::Api, "api")].map(|(folder, name)| scan::SourceFile {
            path: format!("api-reference/v1.0/{name}/prop.md"),
            folder,
            text: text.to_string(),
            includes: Vec::new(),
        });
    let scanned = scan::Scan { files: files.to_vec(), diagnostics: Vec::new(), read: Vec::new() };
    let model = load_scanned(scanned, "v1.0").model;
    for file in emit::emit_crate(&[model], &emit::CrateOptions::default()) {
        if let (true, Err(err)) = (file.path.ends_with(".rs"), syn::parse_file(&file.contents)) {
            panic!("{}: {err}\nfor the page:\n{text}", file.path);
        }
    }
}

/// Lines in the shapes docs pages are made of, with the characters that break naive
/// slicing (multi-byte, no-break space, tab, CR) mixed in.
fn page_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("---".to_string()),
        Just("doc_type: resourcePageType".to_string()),
        Just("doc_type: apiPageType".to_string()),
        Just("doc_type: enumPageType".to_string()),
        "# [a-zA-Z ]{0,12}(resource|enum)? type".prop_map(String::from),
        "#{2,3} (Properties|Relationships|Members|JSON representation|HTTP request|Response|[a-z]+ values)".prop_map(String::from),
        Just("Namespace: microsoft.graph".to_string()),
        "\\|( ?[a-zA-Z`*@é\u{a0}\t]{0,8} ?\\|){1,4}".prop_map(String::from),
        Just("|:--|:--|:--|".to_string()),
        "\\| [a-z]{1,6} \\| (String|Int32|\\[x\\]\\(x\\.md\\) collection|Collection\\(microsoft\\.graph\\.[a-z]{1,4}\\)) \\| Possible values are: `[a-z\u{a0}]{0,3}`,` [a-z]{0,3}`\\. \\|"
            .prop_map(String::from),
        "<!-- \\{ ?\"blockType\": \"(resource|request|response)\",( \"@odata\\.type\": \"[a-z.#]{0,20}\")? ?\\}? ?-->".prop_map(String::from),
        "```(json|http)?".prop_map(String::from),
        "\\{ ?\"[a-z@.]{0,8}\": ?(\"[A-Za-z.() ]{0,12}\"|\\[|\\{|[0-9]{1,3}|true)?,?".prop_map(String::from),
        "(GET|POST|PATCH|DELETE) /[a-z{}/-]{0,20}".prop_map(String::from),
        "[ -~é\u{a0}\u{2026}\r>*`-]{0,30}".prop_map(String::from),
    ]
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(Value::from),
        "[ -~é\u{a0}\u{2026}\n\t]{0,10}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(("[a-z@.]{1,6}", inner), 0..6)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_are_a_page_or_a_diagnostic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        read_page(&bytes);
    }

    #[test]
    fn page_shaped_text_never_panics(lines in prop::collection::vec(page_line(), 0..40)) {
        read_page(lines.join("\n").as_bytes());
    }

    #[test]
    fn page_shaped_text_generates_code_that_parses(lines in prop::collection::vec(page_line(), 0..40)) {
        generate(&lines.join("\n"));
    }

    #[test]
    fn any_text_is_json_or_an_error(text in "[ -~\n\t\u{a0}\u{2026}é'\"{}\\[\\]/*.,:]{0,200}") {
        if let Err(err) = json::parse(&text) {
            prop_assert!(err.line >= 1 && err.line <= text.lines().count().max(1) + 1, "{} for {text:?}", err.line);
        }
    }

    #[test]
    fn strict_json_reads_back_unchanged(value in json_value()) {
        for text in [serde_json::to_string(&value).expect("serializes"), serde_json::to_string_pretty(&value).expect("serializes")] {
            let (read, repairs) = json::parse(&text).expect("strict JSON is read");
            prop_assert_eq!(&read, &value);
            prop_assert!(repairs.is_empty());
        }
    }
}

#[test]
fn code_spans_with_no_break_spaces_keep_value_lists_in_bounds() {
    // A code span's no-break space is stored as a plain space; positions after it used
    // to count the longer original and slice past the next span.
    let page = "---\ndoc_type: resourcePageType\n---\n# thing resource type\n\n## Properties\n\n\
                | Property | Type | Description |\n|--|--|--|\n| kind | kindType | Possible values are: `a\u{a0}b`*`c`*, `d`. |\n";
    read_page(page.as_bytes());
}

#[test]
fn request_path_key_after_a_wide_character() {
    // Found by the page fuzz target: the key before `={id}` was cut one byte past the
    // last character that ends it, inside a multi-byte character.
    let page = "---\ndoc_type: apiPageType\n---\n\n# Get gadget\n\n## HTTP request\n\n```http\nGET /gadgets(size\u{20ac}={id})\n```\n";
    read_page(page.as_bytes());
    generate(page);
}
