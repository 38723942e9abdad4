//! The library entry point, for build scripts and the command line alike: read the docs,
//! tell cargo what to watch, write formatted code as one file for `include!` or as a crate.

use crate::diag::Severity;
use crate::emit::areas::Selection;
use crate::emit::{self, GeneratedFile};
use crate::ir::Model;
use crate::scan::ReadFile;
use crate::snapshot::{self, ApiChange, Lock, LockInfo};
use crate::{load, parse_version, scan, write, Loaded, Parsed};
use std::path::{Path, PathBuf};

/// Generates Graph models and endpoint stubs from a docs checkout.
///
/// ```no_run
/// // build.rs: only the `users` area of v1.0, into OUT_DIR, for `include!`.
/// let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("graph.rs");
/// graph_docs_codegen::Builder::new("docs").version("v1.0").area("users").write_module(&out).unwrap();
/// ```
#[derive(Debug, Clone)]
pub struct Builder {
    docs: PathBuf,
    versions: Vec<String>,
    selection: Selection,
    crate_name: String,
    crate_version: String,
    /// The lock of the previous generation, when the version is bumped from it.
    bump_from: Option<Lock>,
    cargo_directives: bool,
}

/// What a build produced besides the code.
#[derive(Debug)]
pub struct Built {
    /// Each version's model, diagnostics included.
    pub models: Vec<Model>,
    /// How many files the output holds.
    pub files: usize,
    /// Whether output was rewritten (false when it was already up to date).
    pub written: bool,
    /// With `bump_from`: what changed since that lock, and the versions.
    pub api_change: Option<ApiChange>,
}

impl Builder {
    pub fn new(docs: impl Into<PathBuf>) -> Self {
        Builder {
            docs: docs.into(),
            versions: Vec::new(),
            selection: Selection::default(),
            crate_name: emit::CrateOptions::default().name,
            crate_version: emit::CrateOptions::default().version,
            bump_from: None,
            cargo_directives: true,
        }
    }

    /// Adds a version (`v1.0`, `beta`); with none, every version the docs hold.
    pub fn version(mut self, version: &str) -> Self {
        self.versions.push(version.to_string());
        self
    }

    /// Adds an area (`users`, `device_management`, or its path segment `deviceManagement`);
    /// with no area and no path, everything is generated.
    pub fn area(mut self, area: &str) -> Self {
        self.selection.areas.push(area.to_string());
        self
    }

    /// Adds the operations with a path under `prefix` (`/users/{id}/messages`).
    pub fn path(mut self, prefix: &str) -> Self {
        self.selection.paths.push(prefix.to_string());
        self
    }

    /// The package name `write_crate` gives the crate.
    pub fn crate_name(mut self, name: &str) -> Self {
        self.crate_name = name.to_string();
        self
    }

    /// The package version `write_crate` gives the crate.
    pub fn crate_version(mut self, version: &str) -> Self {
        self.crate_version = version.to_string();
        self
    }

    /// Gives the crate the version of `lock` (the previous generation's) bumped by what
    /// changed since: the semver verdict of the API changes, or a patch when only
    /// descriptions, source lines or the generator changed (`snapshot::api_change`).
    pub fn bump_from(mut self, lock: Lock) -> Self {
        self.bump_from = Some(lock);
        self
    }

    /// Whether to print `cargo:` directives (on by default; off outside build scripts).
    pub fn cargo_directives(mut self, on: bool) -> Self {
        self.cargo_directives = on;
        self
    }

    fn versions(&self) -> Result<Vec<String>, String> {
        if !self.docs.join("api-reference").is_dir() {
            return Err(format!("{}: not a docs root (no api-reference folder)", self.docs.display()));
        }
        let available = crate::available_versions(&self.docs);
        if self.versions.is_empty() {
            if available.is_empty() {
                return Err(format!("{}: no version folder under api-reference", self.docs.display()));
            }
            return Ok(available.into_iter().map(str::to_string).collect());
        }
        match self.versions.iter().find(|v| !scan::version_dir(&self.docs, v).is_dir()) {
            Some(missing) => Err(format!("{}: no api-reference/{missing} folder", self.docs.display())),
            None => Ok(self.versions.clone()),
        }
    }

    /// Reads each selected version. In a build script, prints `cargo:rerun-if-changed` for
    /// every page read (an edit) and for the folders walked (a page added or removed: cargo
    /// looks at everything under a folder). Versions are read in parallel: each ends in
    /// serial work (resolve) that the other's page parsing can overlap.
    pub fn load(&self) -> Result<Vec<Model>, String> {
        self.load_read().map(|(models, _)| models)
    }

    /// The models and every file they were read from.
    fn load_read(&self) -> Result<(Vec<Model>, Vec<ReadFile>), String> {
        use rayon::prelude::*;
        let versions = self.versions()?;
        let loaded: Vec<Loaded> = versions.par_iter().map(|v| load(&self.docs, v)).collect();
        self.models_of(&versions, loaded)
    }

    /// The versions' models and the files read, after the `rerun-if-changed` lines for
    /// them (in version order), when the selection matches something in the models. A
    /// selection that matches nothing is an error before any of those lines, so that it is
    /// what a failing build shows (a failed build script runs again anyway).
    fn models_of(&self, versions: &[String], loaded: Vec<Loaded>) -> Result<(Vec<Model>, Vec<ReadFile>), String> {
        let models: Vec<&Model> = loaded.iter().map(|l| &l.model).collect();
        self.check_selection(&models)?;
        let mut read = Vec::new();
        let models: Vec<Model> = versions
            .iter()
            .zip(loaded)
            .map(|(v, loaded)| {
                self.announce(v, &loaded.read);
                read.extend(loaded.read);
                loaded.model
            })
            .collect();
        Ok((models, read))
    }

    fn announce(&self, version: &str, read: &[ReadFile]) {
        if self.cargo_directives {
            let dir = scan::version_dir(&self.docs, version);
            // A missing path would rerun the script on every build: the version's
            // folder stands in for a missing one, so creating it counts as a change.
            let mut folders: Vec<PathBuf> = ["api", "resources"]
                .iter()
                .map(|sub| dir.join(sub))
                .map(|folder| if folder.is_dir() { folder } else { dir.clone() })
                .collect();
            folders.dedup();
            for path in folders.iter().chain(read.iter().map(|file| &file.path)) {
                println!("cargo:rerun-if-changed={}", path.display());
            }
        }
    }

    fn check_selection(&self, models: &[&Model]) -> Result<(), String> {
        let unmatched = self.selection.unmatched(models);
        if unmatched.is_empty() {
            Ok(())
        } else {
            Err(format!("nothing in the docs matches {}", unmatched.join(", ")))
        }
    }

    fn warn_about_errors(&self, models: &[Model]) {
        if self.cargo_directives {
            // The code names the cfg of `verify`'s builds and the runtime's `http` and `reqwest`
            // features (which the including crate may declare): the including crate must know them.
            println!("cargo:rustc-check-cfg=cfg(graph_docs_verify)");
            println!("cargo:rustc-check-cfg=cfg(feature, values(\"http\", \"reqwest\"))");
        }
        let errors = models.iter().flat_map(|m| &m.diagnostics).filter(|d| d.severity == Severity::Error).count();
        if self.cargo_directives && errors > 0 {
            println!(
                "cargo:warning=graph-docs-codegen: {errors} errors in the docs; run the CLI with --verbose to see them"
            );
        }
    }

    /// The lock file of output made from `models` (read from the files `read`).
    fn lock(&self, models: &[Model], read: &[ReadFile], crate_version: Option<&str>) -> Result<String, String> {
        self.lock_of(models, &snapshot::docs_sha256(&self.docs, read), crate_version)
    }

    fn lock_of(&self, models: &[Model], docs_sha256: &str, crate_version: Option<&str>) -> Result<String, String> {
        snapshot::lock_json(&LockInfo { crate_version, docs_sha256, selection: &self.selection }, models)
    }

    /// The crate's version, bumped from `bump_from`'s with what changed since when set.
    fn release(&self, models: &[Model]) -> Result<(String, Option<ApiChange>), String> {
        let Some(lock) = &self.bump_from else { return Ok((self.crate_version.clone(), None)) };
        let change = snapshot::api_change(lock, models, &self.selection)?;
        let version = match &change.versions {
            Some((_, next)) => next.clone(),
            None => return Err("the lock to bump the version from records no crate version".into()),
        };
        Ok((version, Some(change)))
    }

    /// Writes the selected versions and operations as one formatted file of inline modules,
    /// for `include!`, with no cargo features, and its lock file beside it (`graph.rs`:
    /// `graph.lock.json`). Each file is only rewritten when its contents change, so an
    /// unchanged build stays fresh.
    pub fn write_module(&self, out: &Path) -> Result<Built, String> {
        let (models, read) = self.load_read()?;
        let source = emit::emit_single_file(&models, &self.selection);
        let lock = self.lock(&models, &read, None)?;
        let mut written = false;
        for (path, contents) in [(out.to_path_buf(), source), (out.with_extension("lock.json"), lock)] {
            if std::fs::read_to_string(&path).ok().as_deref() != Some(contents.as_str()) {
                std::fs::write(&path, contents).map_err(|e| format!("{}: {e}", path.display()))?;
                written = true;
            }
        }
        self.warn_about_errors(&models);
        Ok(Built { models, files: 2, written, api_change: None })
    }

    fn crate_options(&self, version: String) -> emit::CrateOptions {
        emit::CrateOptions { name: self.crate_name.clone(), version, selection: self.selection.clone() }
    }

    /// The files of the crate `write_crate` writes, each selected area a cargo feature,
    /// its lock file (`snapshot::LOCK_FILE`) last.
    pub fn crate_files(&self) -> Result<(Vec<Model>, Vec<GeneratedFile>), String> {
        let (models, read) = self.load_read()?;
        let (version, _) = self.release(&models)?;
        let lock = self.lock(&models, &read, Some(&version))?;
        let mut files = emit::emit_crate(&models, &self.crate_options(version));
        files.push(GeneratedFile { path: snapshot::LOCK_FILE.into(), contents: lock });
        Ok((models, files))
    }

    /// Writes a complete crate (`Cargo.toml`, `src/`, `API.txt`, the lock file) into `dir`, replacing what
    /// was there in one swap, and only when something differs. All versions' pages are
    /// parsed first, then each version is resolved and written in its own task, each file
    /// as soon as it is made: resolving runs on one thread, and the largest version's
    /// resolve then runs beside the other versions' writing. Nothing is swapped in when
    /// the selection names what the docs lack.
    pub fn write_crate(&self, dir: &Path) -> Result<Built, String> {
        use rayon::prelude::*;
        let versions = self.versions()?;
        let failed = |e: std::io::Error| format!("{}: cannot write output: {e}", dir.display());
        let staging = write::Staging::new(dir).map_err(failed)?;
        let sink = |file: GeneratedFile| staging.write(&file);
        let emitter = emit::CrateEmitter::new(&self.crate_options(self.crate_version.clone()));
        let parsed: Vec<Parsed> = versions.par_iter().map(|v| parse_version(&self.docs, v)).collect();
        // Each file's digest was taken as it was read: the docs' hash reads nothing again.
        let docs_sha256 = snapshot::docs_sha256(&self.docs, parsed.iter().flat_map(|p| p.read()));
        let done: Vec<_> = parsed
            .into_par_iter()
            .map(|parsed| {
                let loaded = parsed.resolve();
                let written = emitter.version(&loaded.model, &sink);
                (loaded, written)
            })
            .collect();
        let (loaded, written): (Vec<Loaded>, Vec<_>) = done.into_iter().unzip();
        let (models, _) = self.models_of(&versions, loaded)?;
        let written = written.into_iter().collect::<Result<Vec<_>, _>>().map_err(failed)?;
        // The version, and so `Cargo.toml`, may depend on the models: the crate is finished
        // by an emitter that knows it, while the lock is written.
        let (version, api_change) = self.release(&models)?;
        let finisher = emit::CrateEmitter::new(&self.crate_options(version.clone()));
        let (lock, finished) =
            rayon::join(|| self.lock_of(&models, &docs_sha256, Some(&version)), || finisher.finish(written, &sink));
        finished.map_err(failed)?;
        sink(GeneratedFile { path: snapshot::LOCK_FILE.into(), contents: lock? }).map_err(failed)?;
        let (files, written) = staging.commit().map_err(failed)?;
        self.warn_about_errors(&models);
        Ok(Built { models, files, written, api_change })
    }
}
