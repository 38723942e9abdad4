//! The build-script entry point: generate into `OUT_DIR`, tell cargo what to watch.

use crate::diag::{Diagnostic, Severity};
use crate::{emit, load};
use std::path::{Path, PathBuf};

/// Generates Graph models from a docs checkout inside a build script.
///
/// ```no_run
/// let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("graph.rs");
/// graph_docs_codegen::Builder::new("docs").version("v1.0").write_module(&out).unwrap();
/// ```
#[derive(Debug, Clone)]
pub struct Builder {
    docs: PathBuf,
    versions: Vec<String>,
    cargo_directives: bool,
}

/// What a build produced besides the code.
#[derive(Debug)]
pub struct Built {
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the output file was rewritten (false when it was already up to date).
    pub written: bool,
}

impl Builder {
    pub fn new(docs: impl Into<PathBuf>) -> Self {
        Builder { docs: docs.into(), versions: Vec::new(), cargo_directives: true }
    }

    /// Adds a version (`v1.0`, `beta`); with none, every version the docs hold.
    pub fn version(mut self, version: &str) -> Self {
        self.versions.push(version.to_string());
        self
    }

    /// Whether to print `cargo:` directives (on by default; off outside build scripts).
    pub fn cargo_directives(mut self, on: bool) -> Self {
        self.cargo_directives = on;
        self
    }

    /// Writes every selected version as one file of inline modules, for `include!`. The file
    /// is only rewritten when its contents change, so an unchanged build stays fresh.
    pub fn write_module(&self, out: &Path) -> Result<Built, String> {
        let versions: Vec<String> = if self.versions.is_empty() {
            crate::available_versions(&self.docs).into_iter().map(str::to_string).collect()
        } else {
            self.versions.clone()
        };
        if versions.is_empty() {
            return Err(format!("{}: no api-reference/<version> folder", self.docs.display()));
        }
        let mut models = Vec::new();
        let mut diagnostics = Vec::new();
        for version in &versions {
            let dir = crate::scan::version_dir(&self.docs, version);
            if !dir.is_dir() {
                return Err(format!("{}: no such docs folder", dir.display()));
            }
            let loaded = load(&self.docs, version);
            if self.cargo_directives {
                // The folders catch added and removed pages; the files, edited ones.
                for sub in ["api", "resources"] {
                    println!("cargo:rerun-if-changed={}", dir.join(sub).display());
                }
                for path in &loaded.read {
                    println!("cargo:rerun-if-changed={}", path.display());
                }
            }
            diagnostics.extend(loaded.model.diagnostics.iter().cloned());
            models.push(loaded.model);
        }
        let source = emit::emit_single_file(&models)?;
        let written = std::fs::read_to_string(out).ok().as_deref() != Some(source.as_str());
        if written {
            std::fs::write(out, source).map_err(|e| format!("{}: {e}", out.display()))?;
        }
        if self.cargo_directives {
            // The code names the cfg of `verify`'s builds, which the including crate must know.
            println!("cargo:rustc-check-cfg=cfg(graph_docs_verify)");
            let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
            if errors > 0 {
                println!("cargo:warning=graph-docs-codegen: {errors} errors in the docs; run the CLI with --verbose to see them");
            }
        }
        Ok(Built { diagnostics, written })
    }
}
