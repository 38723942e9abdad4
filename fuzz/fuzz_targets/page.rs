//! Any bytes as a docs page, in both folders: decode, parse, then what the page defines.
#![no_main]

use graph_docs_codegen::diag::Span;
use graph_docs_codegen::{model, parse, scan};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut diags = Vec::new();
    let at = Span::file_start("api-reference/v1.0/resources/fuzz.md");
    let Some(text) = scan::decode_page(data.to_vec(), &at, &mut diags) else { return };
    for folder in [scan::Folder::Resources, scan::Folder::Api] {
        let file = scan::SourceFile { path: at.file.clone(), folder, text: text.clone() };
        if let Some(page) = parse::parse_page(file, &mut diags) {
            model::page_definitions(&page, &mut diags);
        }
    }
});
