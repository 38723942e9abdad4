//! graph-docs-codegen: Rust models and endpoint stubs from the Microsoft Graph reference
//! docs. The pipeline, one module per stage, data flowing one way:
//!
//! scan (files) → parse (pages of blocks) → model (raw definitions) → resolve (the `ir`
//! model) → emit (Rust source) → write (atomic swap of the output folder).

pub mod builder;
pub mod diag;
pub mod diff;
pub mod emit;
pub mod ir;
pub mod model;
pub mod odata;
pub mod parse;
pub mod queries;
pub mod report;
pub mod resolve;
pub mod scan;
pub mod snapshot;
pub mod verify;
pub mod write;

pub use builder::Builder;
use diag::Diagnostic;
use ir::Model;
use std::path::Path;

pub const VERSIONS: &[&str] = &["v1.0", "beta"];

/// One version's model and the files it was read from.
pub struct Loaded {
    pub model: Model,
    pub read: Vec<scan::ReadFile>,
}

/// Runs scan → parse → model → resolve for one version.
pub fn load(docs: &Path, version: &str) -> Loaded {
    parse_version(docs, version).resolve()
}

/// One version's pages, parsed and modelled, not yet merged and resolved.
pub struct Parsed {
    version: String,
    diagnostics: Vec<Diagnostic>,
    /// Each page's definitions and diagnostics, in page order.
    pages: Vec<(model::RawModel, Vec<Diagnostic>)>,
    read: Vec<scan::ReadFile>,
}

/// Runs scan → parse → model for one version. Each page is read, parsed and modelled in
/// one parallel task and dropped there: pages are independent, only their definitions are
/// kept, and the text of the whole docs is never held at once.
pub fn parse_version(docs: &Path, version: &str) -> Parsed {
    use rayon::prelude::*;
    let listing = scan::list_version(docs, version);
    let per_page: Vec<(model::RawModel, Vec<Diagnostic>, Vec<scan::ReadFile>)> = listing
        .pages
        .into_par_iter()
        .map(|entry| {
            let mut d = Vec::new();
            match entry.read(docs, &mut d) {
                Some((file, paths)) => (page_model(file, &mut d), d, paths),
                None => (model::RawModel::default(), d, Vec::new()),
            }
        })
        .collect();
    let mut read = Vec::with_capacity(per_page.len());
    let pages = per_page
        .into_iter()
        .map(|(defs, d, paths)| {
            read.extend(paths);
            (defs, d)
        })
        .collect();
    Parsed { version: version.to_string(), diagnostics: listing.diagnostics, pages, read }
}

/// Runs parse → model → resolve over pages already scanned (`diff` lays one tree's pages
/// over another's), each page in its own parallel task, as `parse_version` does.
pub fn load_scanned(scanned: scan::Scan, version: &str) -> Loaded {
    use rayon::prelude::*;
    let pages = scanned
        .files
        .into_par_iter()
        .map(|file| {
            let mut d = Vec::new();
            (page_model(file, &mut d), d)
        })
        .collect();
    let parsed = Parsed { version: version.to_string(), diagnostics: scanned.diagnostics, pages, read: scanned.read };
    parsed.resolve()
}

/// One page's definitions (none when it cannot be parsed).
fn page_model(file: scan::SourceFile, diags: &mut Vec<Diagnostic>) -> model::RawModel {
    parse::parse_page(file, diags).map(|page| model::page_definitions(&page, diags)).unwrap_or_default()
}

impl Parsed {
    /// Every file read.
    pub fn read(&self) -> &[scan::ReadFile] {
        &self.read
    }

    /// Merges the pages' definitions, in page order, and resolves them into the version's
    /// model: work on one thread, which another version's work can run beside.
    pub fn resolve(self) -> Loaded {
        let mut diagnostics = self.diagnostics;
        let mut definitions = Vec::with_capacity(self.pages.len());
        for (defs, d) in self.pages {
            definitions.push(defs);
            diagnostics.extend(d);
        }
        let mut raw = model::merge(definitions);
        let operations = std::mem::take(&mut raw.operations);
        let example_requests = raw.example_requests;
        let mut types = resolve::resolve(raw, &mut diagnostics);
        let operations = resolve::resolve_operations(operations, &types, &mut diagnostics);
        resolve::infer_navigation(&mut types, &operations, &mut diagnostics);
        diagnostics.sort();
        diagnostics.dedup();
        let model = Model { version: self.version, types, operations, diagnostics, example_requests };
        Loaded { model, read: self.read }
    }
}

/// Versions present under a docs root, in the canonical order.
pub fn available_versions(docs: &Path) -> Vec<&'static str> {
    VERSIONS.iter().copied().filter(|v| scan::version_dir(docs, v).is_dir()).collect()
}
