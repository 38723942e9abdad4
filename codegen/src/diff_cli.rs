//! `diff`: what a docs change does to the generated API. Compares two revisions version by
//! version, or two versions of one (`--old-version v1.0 --new-version beta`); each side is
//! a docs root, a lock file (`snapshot`, or the generated crate holding one) or a model
//! export. Prints a markdown summary (or the full report, or JSON) to stdout and exits 0
//! whatever the verdict; 2 on bad input.

use clap::ValueEnum;
use graph_docs_codegen::emit::areas::Selection;
use graph_docs_codegen::snapshot::{self, Snapshot};
use graph_docs_codegen::{available_versions, diff, ir::Model, load, load_scanned, scan::scan_version};
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(Clone, Copy, PartialEq, ValueEnum)]
pub enum Versions {
    #[value(name = "v1.0")]
    V1,
    Beta,
    All,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
pub enum Version {
    #[value(name = "v1.0")]
    V1,
    Beta,
}

impl Version {
    fn name(self) -> &'static str {
        match self {
            Version::V1 => "v1.0",
            Version::Beta => "beta",
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Markdown,
    Json,
}

#[derive(clap::Args)]
pub struct DiffArgs {
    /// The old revision: a docs root, a lock file (or the generated crate holding one), or
    /// a model export (`model --json`).
    #[arg(long)]
    old: PathBuf,
    /// The new revision, in any of the same forms (may be the same as --old, with two versions).
    #[arg(long)]
    new: PathBuf,
    /// Versions compared with themselves; `all` is every version both roots have.
    #[arg(long, value_enum, default_value = "all", conflicts_with_all = ["old_version", "new_version"])]
    version: Versions,
    /// Version read from --old, compared with --new-version read from --new.
    #[arg(long, value_enum, requires = "new_version")]
    old_version: Option<Version>,
    /// Version read from --new, compared with --old-version read from --old.
    #[arg(long, value_enum, requires = "old_version")]
    new_version: Option<Version>,
    /// `markdown`: a summary that fits a pull request comment; `json`: every change, for tools.
    #[arg(long, value_enum, default_value = "markdown")]
    format: Format,
    /// With markdown, print the full report instead of the summary.
    #[arg(long)]
    full: bool,
    /// Also write the full markdown report to this file (the summary points to it).
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,
    /// Compare only what a crate generated with this selection holds. Default: the
    /// selection of a lock file given as --old (else as --new), else everything.
    #[command(flatten)]
    select: crate::Select,
    /// For a few newer pages against a full corpus: --new's pages are read laid over --old's
    /// (so their references resolve), and only the types and operations defined on pages
    /// both roots have are compared.
    #[arg(long)]
    only_pages_in_both: bool,
}

/// One side of the comparison.
enum Side {
    Docs(PathBuf),
    /// Models read from a lock file or a model export.
    Read(PathBuf, Snapshot),
}

impl Side {
    fn open(path: &Path) -> Result<Side, String> {
        if path.join("api-reference").is_dir() {
            return Ok(Side::Docs(path.to_path_buf()));
        }
        if !path.is_file() && !path.join(snapshot::LOCK_FILE).is_file() {
            return Err(format!(
                "{}: not a docs root (no api-reference folder), a lock file, a crate holding one, or a model export",
                path.display()
            ));
        }
        let start = Instant::now();
        let read = snapshot::read(path)?;
        eprintln!("{}: {} models read in {:.3} s", path.display(), read.models().len(), start.elapsed().as_secs_f64());
        Ok(Side::Read(path.to_path_buf(), read))
    }

    fn path(&self) -> &Path {
        match self {
            Side::Docs(path) | Side::Read(path, _) => path,
        }
    }

    fn versions(&self) -> Vec<&str> {
        match self {
            Side::Docs(root) => available_versions(root),
            Side::Read(_, read) => read.models().iter().map(|m| m.version.as_str()).collect(),
        }
    }

    fn has_version(&self, version: &str) -> Result<(), String> {
        if self.versions().contains(&version) {
            Ok(())
        } else {
            Err(self.lacks(version))
        }
    }

    fn lacks(&self, version: &str) -> String {
        match self {
            Side::Docs(root) => format!("{}: no api-reference/{version} folder", root.display()),
            Side::Read(path, _) => format!("{}: no model of {version}", path.display()),
        }
    }

    /// One version's model: parsed from the docs, or as read.
    fn model(&self, version: &str) -> Result<Cow<'_, Model>, String> {
        match self {
            Side::Docs(root) => {
                let start = Instant::now();
                let model = load(root, version).model;
                eprintln!("{}: {version} parsed in {:.3} s", root.display(), start.elapsed().as_secs_f64());
                Ok(Cow::Owned(model))
            }
            Side::Read(_, read) => read
                .models()
                .iter()
                .find(|m| m.version == version)
                .map(Cow::Borrowed)
                .ok_or_else(|| self.lacks(version)),
        }
    }

    fn selection(&self) -> Option<Selection> {
        match self {
            Side::Docs(_) => None,
            Side::Read(_, read) => read.selection(),
        }
    }
}

/// The (old, new) version pairs to compare.
fn pairs(args: &DiffArgs, old: &Side, new: &Side) -> Result<Vec<(&'static str, &'static str)>, String> {
    let pairs: Vec<(&str, &str)> = match (args.old_version, args.new_version, args.version) {
        (Some(old), Some(new), _) => vec![(old.name(), new.name())],
        (_, _, Versions::V1) => vec![("v1.0", "v1.0")],
        (_, _, Versions::Beta) => vec![("beta", "beta")],
        (_, _, Versions::All) => {
            let (old_versions, new_versions) = (old.versions(), new.versions());
            let both: Vec<_> = graph_docs_codegen::VERSIONS
                .iter()
                .copied()
                .filter(|v| old_versions.contains(v) && new_versions.contains(v))
                .collect();
            if both.is_empty() {
                return Err(format!("{} and {} have no version in common", old.path().display(), new.path().display()));
            }
            both.into_iter().map(|v| (v, v)).collect()
        }
    };
    for (old_version, new_version) in &pairs {
        old.has_version(old_version)?;
        new.has_version(new_version)?;
    }
    Ok(pairs)
}

/// The two models; with `--only-pages-in-both`, the new root's pages laid over the old
/// corpus and both sides cut down to the pages both roots have.
fn models<'a>(
    args: &DiffArgs,
    sides: (&'a Side, &'a Side),
    old_version: &str,
    new_version: &str,
) -> Result<(Cow<'a, Model>, Cow<'a, Model>), String> {
    if !args.only_pages_in_both {
        let (old, new) = rayon::join(|| sides.0.model(old_version), || sides.1.model(new_version));
        return Ok((old?, new?));
    }
    let (Side::Docs(_), Side::Docs(_)) = sides else {
        return Err("--only-pages-in-both compares docs roots: --old and --new must both be one".into());
    };
    let (old_scan, new_scan) =
        rayon::join(|| scan_version(&args.old, old_version), || scan_version(&args.new, new_version));
    let both: BTreeSet<String> = diff::pages(&old_scan).intersection(&diff::pages(&new_scan)).cloned().collect();
    let new_scan = diff::overlay(&old_scan, new_scan);
    let (mut old, mut new) =
        rayon::join(|| load_scanned(old_scan, old_version).model, || load_scanned(new_scan, new_version).model);
    diff::retain_pages(&mut old, &mut new, &both);
    Ok((Cow::Owned(old), Cow::Owned(new)))
}

fn compare(
    args: &DiffArgs,
    sides: (&Side, &Side),
    selection: &Selection,
    old_version: &str,
    new_version: &str,
) -> Result<diff::ApiDiff, String> {
    let (mut old, mut new) = models(args, sides, old_version, new_version)?;
    if !selection.everything() {
        (old, new) = (Cow::Owned(snapshot::select(&old, selection)), Cow::Owned(snapshot::select(&new, selection)));
    }
    eprintln!(
        "{old_version} → {new_version}: {} → {} types, {} → {} operations compared",
        old.types.len(),
        new.types.len(),
        old.operations.len(),
        new.operations.len()
    );
    Ok(diff::diff(&old, &new))
}

fn run(args: &DiffArgs) -> Result<String, String> {
    let (old, new) = (Side::open(&args.old)?, Side::open(&args.new)?);
    let explicit = args.select.selection();
    let selection =
        if explicit.everything() { old.selection().or(new.selection()).unwrap_or_default() } else { explicit };
    if !selection.everything() {
        eprintln!(
            "compared: what a crate generated with areas {:?}, paths {:?} holds",
            selection.areas, selection.paths
        );
    }
    let diffs = pairs(args, &old, &new)?
        .into_iter()
        .map(|(o, n)| compare(args, (&old, &new), &selection, o, n))
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(file) = &args.report {
        std::fs::write(file, diff::markdown(&diffs)).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    match args.format {
        Format::Markdown if args.full => Ok(diff::markdown(&diffs)),
        Format::Markdown => {
            let report = args.report.as_ref().map(|file| file.display().to_string());
            Ok(diff::summary(&diffs, report.as_deref()))
        }
        Format::Json => diff::json(&diffs).map(|json| json + "\n").map_err(|e| e.to_string()),
    }
}

pub fn main(args: DiffArgs) -> ExitCode {
    match run(&args) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}
