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
pub mod parse;
pub mod report;
pub mod resolve;
pub mod scan;
pub mod verify;
pub mod write;

pub use builder::Builder;
use diag::Diagnostic;
use ir::Model;
use std::path::{Path, PathBuf};

pub const VERSIONS: &[&str] = &["v1.0", "beta"];

/// One version's model and the files it was read from.
pub struct Loaded {
    pub model: Model,
    pub read: Vec<PathBuf>,
}

/// Runs scan → parse → model → resolve for one version.
pub fn load(docs: &Path, version: &str) -> Loaded {
    load_scanned(scan::scan_version(docs, version), version)
}

/// Runs parse → model → resolve over pages already scanned (`diff` lays one tree's pages
/// over another's). Each page is parsed and modelled in one parallel task and dropped
/// there: pages are independent, and only their definitions are kept.
pub fn load_scanned(scanned: scan::Scan, version: &str) -> Loaded {
    use rayon::prelude::*;
    let mut diagnostics = scanned.diagnostics;
    let per_page: Vec<(model::RawModel, Vec<Diagnostic>)> = scanned
        .files
        .into_par_iter()
        .map(|file| {
            let mut d = Vec::new();
            let defs = parse::parse_page(file, &mut d).map(|page| model::page_definitions(&page, &mut d));
            (defs.unwrap_or_default(), d)
        })
        .collect();
    let mut definitions = Vec::with_capacity(per_page.len());
    for (defs, d) in per_page {
        definitions.push(defs);
        diagnostics.extend(d);
    }
    let mut raw = model::merge(definitions);
    let operations = std::mem::take(&mut raw.operations);
    let example_requests = raw.example_requests;
    let types = resolve::resolve(raw, &mut diagnostics);
    let operations = resolve::resolve_operations(operations, &types, &mut diagnostics);
    diagnostics.sort();
    diagnostics.dedup();
    Loaded {
        model: Model { version: version.to_string(), types, operations, diagnostics, example_requests },
        read: scanned.read,
    }
}

/// Versions present under a docs root, in the canonical order.
pub fn available_versions(docs: &Path) -> Vec<&'static str> {
    VERSIONS.iter().copied().filter(|v| scan::version_dir(docs, v).is_dir()).collect()
}
