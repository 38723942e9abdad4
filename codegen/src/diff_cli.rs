//! `diff`: what a docs change does to the generated API. Compares two docs roots version
//! by version, or two versions of one root (`--old-version v1.0 --new-version beta`).
//! Prints markdown or JSON to stdout and exits 0 whatever the verdict; 2 on bad input.

use clap::ValueEnum;
use graph_docs_codegen::{available_versions, diff, ir::Model, load, load_scanned, scan::scan_version};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

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
    /// Docs root of the old revision.
    #[arg(long)]
    old: PathBuf,
    /// Docs root of the new revision (may be the same root, with two versions).
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
    /// `markdown` for a pull request, `json` for tools.
    #[arg(long, value_enum, default_value = "markdown")]
    format: Format,
    /// For a few newer pages against a full corpus: --new's pages are read laid over --old's
    /// (so their references resolve), and only the types and operations defined on pages
    /// both roots have are compared.
    #[arg(long)]
    only_pages_in_both: bool,
}

fn has_version(root: &Path, version: &str) -> Result<(), String> {
    if available_versions(root).contains(&version) {
        Ok(())
    } else {
        Err(format!("{}: no api-reference/{version} folder", root.display()))
    }
}

/// The (old, new) version pairs to compare.
fn pairs(args: &DiffArgs) -> Result<Vec<(&'static str, &'static str)>, String> {
    let pairs: Vec<(&str, &str)> = match (args.old_version, args.new_version, args.version) {
        (Some(old), Some(new), _) => vec![(old.name(), new.name())],
        (_, _, Versions::V1) => vec![("v1.0", "v1.0")],
        (_, _, Versions::Beta) => vec![("beta", "beta")],
        (_, _, Versions::All) => {
            let new = available_versions(&args.new);
            let both: Vec<_> = available_versions(&args.old).into_iter().filter(|v| new.contains(v)).collect();
            if both.is_empty() {
                return Err(format!("{} and {} have no version in common", args.old.display(), args.new.display()));
            }
            both.into_iter().map(|v| (v, v)).collect()
        }
    };
    for (old, new) in &pairs {
        has_version(&args.old, old)?;
        has_version(&args.new, new)?;
    }
    Ok(pairs)
}

/// The two models; with `--only-pages-in-both`, the new root's pages laid over the old
/// corpus and both sides cut down to the pages both roots have.
fn models(args: &DiffArgs, old_version: &str, new_version: &str) -> (Model, Model) {
    if !args.only_pages_in_both {
        return rayon::join(|| load(&args.old, old_version).model, || load(&args.new, new_version).model);
    }
    let (old_scan, new_scan) =
        rayon::join(|| scan_version(&args.old, old_version), || scan_version(&args.new, new_version));
    let both: BTreeSet<String> = diff::pages(&old_scan).intersection(&diff::pages(&new_scan)).cloned().collect();
    let new_scan = diff::overlay(&old_scan, new_scan);
    let (mut old, mut new) =
        rayon::join(|| load_scanned(old_scan, old_version).model, || load_scanned(new_scan, new_version).model);
    diff::retain_pages(&mut old, &mut new, &both);
    (old, new)
}

fn compare(args: &DiffArgs, old_version: &str, new_version: &str) -> diff::ApiDiff {
    let (old, new) = models(args, old_version, new_version);
    eprintln!(
        "{old_version} → {new_version}: {} → {} types, {} → {} operations compared",
        old.types.len(),
        new.types.len(),
        old.operations.len(),
        new.operations.len()
    );
    diff::diff(&old, &new)
}

fn run(args: &DiffArgs) -> Result<String, String> {
    for root in [&args.old, &args.new] {
        if !root.join("api-reference").is_dir() {
            return Err(format!("{}: not a docs root (no api-reference folder)", root.display()));
        }
    }
    let diffs: Vec<diff::ApiDiff> = pairs(args)?.into_iter().map(|(old, new)| compare(args, old, new)).collect();
    match args.format {
        Format::Markdown => Ok(diff::markdown(&diffs)),
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
