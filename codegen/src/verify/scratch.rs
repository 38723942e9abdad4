//! The scratch crate: the generated crate, the examples as data and the harness binary;
//! built with cargo, its build script setting `--cfg graph_docs_verify` for the crate's
//! own code only (dependencies are built as for any other build), and run.

use super::cases::{Case, State};
use crate::emit::{self, version_module, GeneratedFile};
use crate::ir::Model;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

const HARNESS: &str = include_str!("../../verify/harness.rs");
/// Set for the build: the scratch crate's build script then sets `--cfg graph_docs_verify`.
const ENV: &str = "GRAPH_DOCS_VERIFY";
const BUILD_SCRIPT: &str = include_str!("../../verify/build.rs");
/// The examples file, relative to the crate.
const EXAMPLES: &str = "verify/examples.json";

/// Where the crate and its cargo target folder go, and the crate's package name.
pub struct Scratch {
    pub crate_dir: PathBuf,
    pub target_dir: PathBuf,
    pub crate_name: String,
}

impl Scratch {
    /// `crate/` and `target/` under `dir`, absolute since cargo runs in the crate's folder.
    pub fn new(dir: &Path, crate_name: &str) -> Result<Self, String> {
        let dir = std::path::absolute(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        Ok(Scratch { crate_dir: dir.join("crate"), target_dir: dir.join("target"), crate_name: crate_name.into() })
    }

    /// The harness binary, named after the crate: crates that share a target folder each
    /// have their own.
    pub fn binary(&self) -> String {
        format!("{}-examples", self.crate_name)
    }

    /// The end-to-end harness of `verify --http`.
    pub fn http_binary(&self) -> String {
        format!("{}-http", self.crate_name)
    }
}

/// One step of a problem's path: a key or an index.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// What the harness found wrong with one example.
#[derive(Debug, Clone, Deserialize)]
pub struct Problem {
    pub path: Vec<Step>,
    pub cause: String,
    pub detail: String,
}

/// One line of the harness's output.
#[derive(Deserialize)]
struct Checked {
    id: usize,
    problems: Vec<Problem>,
}

/// Writes the crate: what `generate` writes, standing alone (its own workspace), with the
/// build script, the harness binary and the examples file; unchanged files are not
/// rewritten. A lock file left by an earlier run is kept, and `lock` is used when there is
/// none.
pub fn write(scratch: &Scratch, models: &[Model], cases: &[Case], lock: Option<&str>) -> Result<(), String> {
    write_with(scratch, models, cases, lock, (Vec::new(), ""))
}

/// `write`, with more files in the crate (the HTTP harness) and more lines in its manifest.
pub fn write_with(
    scratch: &Scratch,
    models: &[Model],
    cases: &[Case],
    lock: Option<&str>,
    (extra, manifest): (Vec<GeneratedFile>, &str),
) -> Result<(), String> {
    let mut files =
        emit::emit_crate(models, &emit::CrateOptions { name: scratch.crate_name.clone(), ..Default::default() });
    for file in files.iter_mut().filter(|f| f.path == "Cargo.toml") {
        file.contents
            .push_str("\n# A scratch crate of `graph-docs-codegen verify`, wherever it is written.\n[workspace]\n");
        file.contents.push_str(manifest);
    }
    if let Some(lock) = lock.filter(|_| !scratch.crate_dir.join("Cargo.lock").exists()) {
        files.push(GeneratedFile { path: "Cargo.lock".into(), contents: lock.to_string() });
    }
    files.push(GeneratedFile { path: "build.rs".into(), contents: BUILD_SCRIPT.into() });
    let harness = harness(models, cases, &scratch.crate_name);
    files.push(GeneratedFile { path: format!("src/bin/{}.rs", scratch.binary()), contents: harness });
    files.push(GeneratedFile { path: EXAMPLES.into(), contents: examples_file(cases) });
    files.extend(extra);
    crate::write::update_tree(&scratch.crate_dir, &files)
        .map_err(|e| format!("{}: cannot write the scratch crate: {e}", scratch.crate_dir.display()))
}

/// The harness: the fixed part, then the registry, one module per version, mapping each
/// key to `roundtrip::<T>` for its type; only the types examples need are instantiated.
fn harness(models: &[Model], cases: &[Case], crate_name: &str) -> String {
    let lib = crate_name.replace('-', "_");
    let mut by_version: BTreeMap<&str, BTreeMap<String, &str>> = BTreeMap::new();
    for case in cases {
        if let (State::Checked { rust_type, .. }, Some(key)) = (&case.state, case.key()) {
            by_version.entry(case.version.as_str()).or_default().insert(key, rust_type);
        }
    }
    let mut out = format!(
        "//! Checks the docs' examples against the generated types. Written by\n\
         //! `graph-docs-codegen verify`; see the comment below.\n\n\
         use {lib} as graph;\n\n{HARNESS}\n\
         /// The roundtrip of a key's type (`version:type`).\nfn checker(key: &str) -> Option<Roundtrip> {{\n"
    );
    for model in models {
        let module = version_module(&model.version);
        if by_version.contains_key(model.version.as_str()) {
            out.push_str(&format!(
                "    if let Some(check) = {module}::checker(key) {{\n        return Some(check);\n    }}\n"
            ));
        }
    }
    out.push_str("    None\n}\n");
    for model in models {
        let Some(keys) = by_version.get(model.version.as_str()) else { continue };
        let module = version_module(&model.version);
        out.push_str(&format!(
            "\nmod {module} {{\n    #[allow(unused_imports)]\n    use {lib}::runtime as rt;\n    #[allow(unused_imports)]\n    use {lib}::{module}::*;\n    use super::{{roundtrip, Roundtrip}};\n\n    pub fn checker(key: &str) -> Option<Roundtrip> {{\n        Some(match key {{\n"
        ));
        for (key, rust_type) in keys {
            out.push_str(&format!("            {key:?} => roundtrip::<{rust_type}>,\n"));
        }
        out.push_str("            _ => return None,\n        })\n    }\n}\n");
    }
    out
}

/// The checked examples as one JSON array: each with its place, kind, type, key, flags,
/// the repairs made and the normalized body.
fn examples_file(cases: &[Case]) -> String {
    let records: Vec<serde_json::Value> = cases
        .iter()
        .filter_map(|case| {
            let State::Checked { rust_type, body, .. } = &case.state else { return None };
            Some(serde_json::json!({
                "id": case.id,
                "file": case.source.file,
                "line": case.source.line,
                "kind": case.kind,
                "type": case.expected,
                "key": case.key(),
                "rust_type": rust_type,
                "truncated": case.truncated,
                "normalizations": case.normalizations,
                "value": body,
            }))
        })
        .collect();
    serde_json::to_string_pretty(&records).unwrap_or_default()
}

/// Builds the harness (cargo's progress goes to stderr) and runs it: the problems of each
/// checked example, by id.
pub fn build_and_run(scratch: &Scratch) -> Result<HashMap<usize, Vec<Problem>>, String> {
    build(scratch, &[scratch.binary()])?;
    read_problems(scratch)
}

/// Runs the built examples harness: the problems of each checked example, by id.
pub fn read_problems(scratch: &Scratch) -> Result<HashMap<usize, Vec<Problem>>, String> {
    let output = run_binary(scratch, &scratch.binary(), EXAMPLES)?;
    let mut results = HashMap::new();
    for line in output.lines() {
        let result: Checked =
            serde_json::from_str(line).map_err(|e| format!("unreadable harness output `{line}`: {e}"))?;
        results.insert(result.id, result.problems);
    }
    Ok(results)
}

/// Builds harness binaries of the crate in one cargo run (cargo's progress goes to stderr).
pub fn build(scratch: &Scratch, binaries: &[String]) -> Result<(), String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(&cargo);
    command.args(["build", "--all-features"]);
    for binary in binaries {
        command.args(["--bin", binary]);
    }
    let status = command
        .current_dir(&scratch.crate_dir)
        .env("CARGO_TARGET_DIR", &scratch.target_dir)
        .env(ENV, "1")
        // A scratch build is built once and not debugged: without debug info and the
        // incremental cache, the harness costs about a third of the crate, not as much again.
        .env("CARGO_PROFILE_DEV_DEBUG", "0")
        .env("CARGO_INCREMENTAL", "0")
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err(format!(
            "the scratch crate in {} does not build (cargo: {status}); the generated code or the harness has an error",
            scratch.crate_dir.display()
        ));
    }
    Ok(())
}

/// Runs a built harness binary on a data file of the crate: its output.
pub fn run_binary(scratch: &Scratch, binary: &str, data: &str) -> Result<String, String> {
    let path = scratch.target_dir.join("debug").join(format!("{binary}{}", std::env::consts::EXE_SUFFIX));
    let output = Command::new(&path)
        .arg(scratch.crate_dir.join(data))
        .output()
        .map_err(|e| format!("cannot run {}: {e}", path.display()))?;
    if !output.status.success() {
        return Err(format!(
            "the harness failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}
