//! The lock file: what a generated crate (or a build script's module) was made from, so
//! that a later docs revision can be compared with it without the old docs checkout. It
//! holds the generator, a hash of the docs files read, the selection, the crate version,
//! and the model export of what the output holds (`model --json` less the diagnostics, cut
//! down to the selection). `diff --old` reads it, or a plain model export; `check` and
//! `generate --bump` compare it with the docs as they are now.
//!
//! It is JSON with one type, one operation and one model per line: `serde_json` reads it
//! at its usual speed, and a version control diff shows which items changed.

use crate::diff::{self, ApiDiff, Verdict};
use crate::emit::areas::{Cfg, Gates, Selection};
use crate::ir::{ExampleRequests, Model, Operation, TypeDef};
use crate::scan::ReadFile;
use serde::{Deserialize, Serialize};
use std::io::{self, Write};
use std::path::Path;

/// The lock file's name in a generated crate.
pub const LOCK_FILE: &str = "graph-docs-lock.json";

/// Bumped when a lock of this format can no longer be read as it was written.
const LOCK_FORMAT: u32 = 1;

/// The generator as the lock names it.
pub fn generator() -> String {
    format!("graph-docs-codegen {}", env!("CARGO_PKG_VERSION"))
}

/// A lock file: `M` is the models, owned when read and borrowed when written.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Lock<M = Vec<Model>> {
    pub lock_format: u32,
    /// `graph-docs-codegen 0.1.0`.
    pub generator: String,
    /// The crate's package version; none for a module written for `include!`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crate_version: Option<String>,
    /// See `docs_sha256`.
    pub docs_sha256: String,
    pub selection: LockSelection,
    /// Each version's model, the part the output holds.
    pub models: M,
}

/// The selection the output was generated with (none: everything).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockSelection {
    pub areas: Vec<String>,
    pub paths: Vec<String>,
}

impl From<&Selection> for LockSelection {
    fn from(s: &Selection) -> Self {
        LockSelection { areas: s.areas.clone(), paths: s.paths.clone() }
    }
}

impl From<&LockSelection> for Selection {
    fn from(s: &LockSelection) -> Self {
        Selection { areas: s.areas.clone(), paths: s.paths.clone() }
    }
}

/// A model as the lock writes it: the export without the diagnostics.
#[derive(Serialize)]
struct LockedModel<'a> {
    version: &'a str,
    types: &'a [TypeDef],
    operations: &'a [Operation],
    example_requests: ExampleRequests,
}

/// Writes compact JSON with a line break before each model (depth 2) and before each type
/// and operation (depth 4), and after the last model.
struct ItemPerLine {
    depth: usize,
}

impl serde_json::ser::Formatter for ItemPerLine {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        w.write_all(b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth -= 1;
        // The list of models closes on a line of its own.
        w.write_all(if self.depth == 1 { b"\n]" } else { b"]" })
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        w.write_all(b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth -= 1;
        w.write_all(b"}")
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        if matches!(self.depth, 2 | 4) {
            w.write_all(b"\n")?;
        }
        Ok(())
    }
}

/// What goes into a lock besides the models.
pub struct LockInfo<'a> {
    pub crate_version: Option<&'a str>,
    pub docs_sha256: &'a str,
    pub selection: &'a Selection,
}

/// The lock file's text for `models` (each version's whole model: cut down to the
/// selection here).
pub fn lock_json(info: &LockInfo, models: &[Model]) -> Result<String, String> {
    let selected: Vec<Model>;
    let models = if info.selection.everything() {
        models
    } else {
        selected = models.iter().map(|m| select(m, info.selection)).collect();
        &selected
    };
    let lock = Lock {
        lock_format: LOCK_FORMAT,
        generator: generator(),
        crate_version: info.crate_version.map(str::to_string),
        docs_sha256: info.docs_sha256.to_string(),
        selection: info.selection.into(),
        models: models
            .iter()
            .map(|m| LockedModel {
                version: &m.version,
                types: &m.types,
                operations: &m.operations,
                example_requests: m.example_requests,
            })
            .collect::<Vec<_>>(),
    };
    let mut out = Vec::with_capacity(1 << 20);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, ItemPerLine { depth: 0 });
    lock.serialize(&mut ser).map_err(|e| format!("cannot write the lock: {e}"))?;
    out.push(b'\n');
    String::from_utf8(out).map_err(|e| format!("cannot write the lock: {e}"))
}

/// The part of `model` that output generated with `selection` holds: the selected areas'
/// operations and the types compiled with them, without the operations' examples (which
/// no export holds).
pub fn select(model: &Model, selection: &Selection) -> Model {
    let gates = Gates::new(model, selection, false);
    let mut operations: Vec<usize> = gates.areas.iter().flat_map(|a| a.operations.iter().copied()).collect();
    operations.sort_unstable();
    Model {
        version: model.version.clone(),
        types: (0..model.types.len())
            .filter(|&t| gates.type_cfg(t) != Cfg::Omit)
            .map(|t| model.types[t].clone())
            .collect(),
        operations: operations
            .into_iter()
            .map(|i| {
                let op = &model.operations[i];
                Operation { examples: Vec::new(), ..op.clone() }
            })
            .collect(),
        diagnostics: Vec::new(),
        example_requests: model.example_requests,
    }
}

/// The SHA-256 of the `sha256sum` listing (`<hex>  <path>` lines, sorted by path) of the
/// files read, their paths relative to the docs root: what `sha256sum` over those files,
/// listed from the docs root, gives. Each file's digest was taken as the scan read it.
pub fn docs_sha256<'a>(docs: &Path, read: impl IntoIterator<Item = &'a ReadFile>) -> String {
    use sha2::{Digest, Sha256};
    let mut files: Vec<(String, &[u8; 32])> = read
        .into_iter()
        .map(|file| {
            let rel = file.path.strip_prefix(docs).unwrap_or(&file.path);
            let rel = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            (rel, &file.sha256)
        })
        .collect();
    files.sort_unstable();
    files.dedup();
    let mut listing = Sha256::new();
    for (rel, sha256) in files {
        let hex: String = sha256.iter().map(|b| format!("{b:02x}")).collect();
        listing.update(format!("{hex}  {rel}\n").as_bytes());
    }
    format!("{:x}", listing.finalize())
}

/// Models read from a file: a lock, or a model export (`model --json`: one model, or a
/// list of them).
pub enum Snapshot {
    Lock(Lock),
    Export(Vec<Model>),
}

impl Snapshot {
    pub fn models(&self) -> &[Model] {
        match self {
            Snapshot::Lock(lock) => &lock.models,
            Snapshot::Export(models) => models,
        }
    }

    /// The selection its models were cut down to.
    pub fn selection(&self) -> Option<Selection> {
        match self {
            Snapshot::Lock(lock) => Some((&lock.selection).into()),
            Snapshot::Export(_) => None,
        }
    }
}

/// Reads a lock or a model export; a folder is read as the generated crate holding a lock.
pub fn read(path: &Path) -> Result<Snapshot, String> {
    let file = if path.is_dir() { path.join(LOCK_FILE) } else { path.to_path_buf() };
    let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    parse(&bytes).map_err(|e| format!("{}: {e}", file.display()))
}

/// A lock's first key is `lock_format`; a model export is an object with a `version` or a
/// list of such objects. Each model must be one resolving docs can give (see `well_formed`).
fn parse(bytes: &[u8]) -> Result<Snapshot, String> {
    let snapshot = parse_json(bytes)?;
    snapshot.models().iter().try_for_each(well_formed)?;
    Ok(snapshot)
}

/// What the code reading a model relies on and resolving guarantees: one type per name,
/// and no type among its own bases.
fn well_formed(model: &Model) -> Result<(), String> {
    let mut base_of: std::collections::HashMap<&str, Option<&str>> = Default::default();
    for t in &model.types {
        if base_of.insert(&t.name, t.base.as_deref()).is_some() {
            return Err(format!("{}: type `{}` is defined twice", model.version, t.name));
        }
    }
    for t in &model.types {
        // A chain longer than there are types goes round.
        let (mut base, mut steps) = (t.base.as_deref(), 0);
        while let Some(b) = base {
            if steps == model.types.len() {
                return Err(format!("{}: type `{}` is among its own bases", model.version, t.name));
            }
            base = base_of.get(b).copied().flatten();
            steps += 1;
        }
    }
    Ok(())
}

fn parse_json(bytes: &[u8]) -> Result<Snapshot, String> {
    let text = bytes.trim_ascii_start();
    if text.starts_with(b"[") {
        let models = serde_json::from_slice(text).map_err(|e| format!("not a list of models: {e}"))?;
        return Ok(Snapshot::Export(models));
    }
    let first_key = text.strip_prefix(b"{").map(|rest| rest.trim_ascii_start());
    if first_key.is_some_and(|key| key.starts_with(b"\"lock_format\"")) {
        let lock: Lock = serde_json::from_slice(text).map_err(|e| format!("not a lock file: {e}"))?;
        if lock.lock_format != LOCK_FORMAT {
            return Err(format!(
                "lock format {} (written by {}); this generator reads format {LOCK_FORMAT}",
                lock.lock_format, lock.generator
            ));
        }
        return Ok(Snapshot::Lock(lock));
    }
    let model = serde_json::from_slice(text).map_err(|e| format!("neither a lock nor a model export: {e}"))?;
    Ok(Snapshot::Export(vec![model]))
}

/// Whether two models export the same: what the export leaves out (examples, what is
/// derived from the rest) does not count, as a model read back has none of it.
fn same_export(a: &Model, b: &Model) -> bool {
    let export = |m: &Model| serde_json::to_vec(&(&m.types, &m.operations)).ok();
    matches!((export(a), export(b)), (Some(a), Some(b)) if a == b)
}

fn of_version<'m>(models: &'m [Model], version: &str) -> Option<&'m Model> {
    models.iter().find(|m| m.version == version)
}

/// What changed since a lock, for the output generated now with `selection`.
#[derive(Debug)]
pub struct ApiChange {
    /// One per version either side has; a version only one side has is compared with an
    /// empty model.
    pub diffs: Vec<ApiDiff>,
    /// The semver verdict of the API changes.
    pub verdict: Verdict,
    /// The release the output calls for: the verdict, or a patch when only what reaches
    /// no API changed (descriptions, source lines, the generator).
    pub release: Verdict,
    /// The lock's generator, when it is not this one.
    pub other_generator: Option<String>,
    /// The lock's crate version and the one the release calls for.
    pub versions: Option<(String, String)>,
}

/// Compares the lock's models with `models` (each version's whole model) cut down to
/// `selection`.
pub fn api_change(lock: &Lock, models: &[Model], selection: &Selection) -> Result<ApiChange, String> {
    let new: Vec<Model> = models.iter().map(|m| select(m, selection)).collect();
    let mut versions: Vec<&str> = lock.models.iter().chain(&new).map(|m| m.version.as_str()).collect();
    versions.sort_unstable_by_key(|v| crate::VERSIONS.iter().position(|known| known == v));
    versions.dedup();
    let empty = |version: &str| Model {
        version: version.to_string(),
        types: Vec::new(),
        operations: Vec::new(),
        diagnostics: Vec::new(),
        example_requests: ExampleRequests::default(),
    };
    let mut diffs = Vec::new();
    let mut same_models = true;
    for version in versions {
        let (old, new) = (of_version(&lock.models, version), of_version(&new, version));
        same_models &= matches!((old, new), (Some(o), Some(n)) if same_export(o, n));
        let blank = empty(version);
        diffs.push(diff::diff(old.unwrap_or(&blank), new.unwrap_or(&blank)));
    }
    let verdict = diff::verdict(&diffs);
    let other_generator = (lock.generator != generator()).then(|| lock.generator.clone());
    let release =
        if verdict == Verdict::None && (!same_models || other_generator.is_some()) { Verdict::Patch } else { verdict };
    let versions = match &lock.crate_version {
        Some(version) => Some((version.clone(), release.bump(version)?)),
        None => None,
    };
    Ok(ApiChange { diffs, verdict, release, other_generator, versions })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_starts_with_its_format_and_puts_each_item_on_a_line() {
        let model = Model {
            version: "v1.0".into(),
            types: Vec::new(),
            operations: Vec::new(),
            diagnostics: Vec::new(),
            example_requests: ExampleRequests::default(),
        };
        let info = LockInfo { crate_version: Some("1.2.3"), docs_sha256: "00", selection: &Selection::default() };
        let text = lock_json(&info, &[model.clone(), Model { version: "beta".into(), ..model }]).expect("writes");
        assert!(text.starts_with("{\"lock_format\":1,\"generator\":\"graph-docs-codegen "), "{text}");
        assert_eq!(text.lines().count(), 4, "a line for the header, one per model, one closing: {text}");
        let Snapshot::Lock(lock) = parse(text.as_bytes()).expect("reads back") else { panic!("not read as a lock") };
        assert_eq!(lock.crate_version.as_deref(), Some("1.2.3"));
        assert_eq!(lock.models.iter().map(|m| m.version.as_str()).collect::<Vec<_>>(), ["v1.0", "beta"]);
    }

    #[test]
    fn other_json_is_refused_with_the_reason() {
        assert!(parse(b"{\"lock_format\":99,\"generator\":\"g\",\"docs_sha256\":\"\",\"selection\":{\"areas\":[],\"paths\":[]},\"models\":[]}")
            .is_err_and(|e| e.contains("lock format 99")));
        assert!(parse(b"{\"name\": 1}").is_err_and(|e| e.contains("neither a lock nor a model export")));
        assert!(parse(b"[1]").is_err_and(|e| e.contains("not a list of models")));
    }

    #[test]
    fn a_model_no_docs_can_give_is_refused() {
        let ty = |name: &str, base: &str| {
            format!(
                r#"{{"name":"{name}","kind":"entity","base":{base},"abstract":false,"open":false,"properties":[],"members":[],"description":"","source":{{"file":"f","line":1}}}}"#
            )
        };
        let model = |types: &[String]| format!(r#"{{"version":"v1.0","types":[{}],"operations":[]}}"#, types.join(","));
        let fine = model(&[ty("a", "null"), ty("b", r#""a""#), ty("c", r#""unknown""#)]);
        assert!(parse(fine.as_bytes()).is_ok());
        let cycle = model(&[ty("a", r#""b""#), ty("b", r#""a""#)]);
        assert!(parse(cycle.as_bytes()).is_err_and(|e| e == "v1.0: type `a` is among its own bases"));
        let twice = model(&[ty("a", "null"), ty("a", "null")]);
        assert!(parse(twice.as_bytes()).is_err_and(|e| e == "v1.0: type `a` is defined twice"));
    }
}
