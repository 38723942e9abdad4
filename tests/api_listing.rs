//! `API.txt` read back from the printed code: every `src/**.rs` file parsed again and
//! walked with the generator's own lister (`emit::api`). The generator lists the syntax
//! tree it prints; a listing of the printed text that differs would mean the printing lost
//! or changed an item.

use graph_docs_codegen::emit::{api, GeneratedFile};

/// `API.txt` of a crate's files, from their text: the lines sorted, one each.
pub fn listing(files: &[GeneratedFile]) -> String {
    let mut lines = Vec::new();
    for file in files {
        let Some(module) = api::module_of(&file.path) else { continue };
        let parsed = syn::parse_file(&file.contents).unwrap_or_else(|e| panic!("{}: does not parse: {e}", file.path));
        lines.extend(api::lines(&module, &parsed.items));
    }
    lines.sort();
    lines.dedup();
    lines.into_iter().map(|l| l + "\n").collect()
}
