//! `verify`: the docs' example bodies against the code generated from the same docs. Prints
//! every failure (with `--baseline`, those it does not list), a line per version and a
//! closing `examples: N passed, M failed, K skipped (…)` line to stdout (cargo's progress
//! goes to stderr); fails when an example fails, or with `--baseline`, only when one fails
//! that the baseline does not list.

use graph_docs_codegen::ir::Model;
use graph_docs_codegen::verify::{self, Summary, Verdict};
use std::collections::BTreeSet;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct VerifyArgs {
    /// Folder for the scratch crate (`crate/`) and its cargo target folder (`target/`).
    #[arg(long, default_value = "target/verify")]
    scratch: PathBuf,
    /// Also write a markdown report: counts per version, every failure grouped by cause,
    /// every skipped example by reason.
    #[arg(long)]
    report: Option<PathBuf>,
    /// A list of examples known to fail (`file:line`, one a line, `#` comments): only the
    /// others are printed and fail the run; listed ones that pass are named so the list
    /// can shrink.
    #[arg(long)]
    baseline: Option<PathBuf>,
    /// Write the failing examples as a baseline file.
    #[arg(long)]
    write_baseline: Option<PathBuf>,
}

/// Runs the check; whether it failed.
pub fn run(models: &[Model], args: &VerifyArgs) -> Result<bool, String> {
    let baseline = match &args.baseline {
        Some(path) => {
            Some(read_baseline(&std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?))
        }
        None => None,
    };
    let verdicts = verify::run(models, &args.scratch, "graph-docs-generated", None)?;
    let mut failing: Vec<(String, Vec<&'static str>)> = Vec::new();
    for (case, verdict) in &verdicts {
        if let Verdict::Failed(failures) = verdict {
            let place = format!("{}:{}", case.source.file, case.source.line);
            // With a baseline, the failures it lists are only counted (the report has them).
            if !baseline.as_ref().is_some_and(|known| known.contains(&place)) {
                for line in verify::failure_lines(case, failures) {
                    println!("{line}");
                }
            }
            let mut causes: Vec<&str> = failures.iter().map(|f| f.cause.name()).collect();
            causes.sort();
            causes.dedup();
            failing.push((place, causes));
        }
    }
    for version in models.iter().map(|m| m.version.as_str()) {
        let s = Summary::of(verdicts.iter().filter(|(c, _)| c.version == version));
        println!(
            "{version}: {} examples, {} JSON after normalization, {} passed ({:.2} %), {} failed, {} skipped; {} read leniently ({:.2} %)",
            s.total,
            s.json,
            s.passed,
            s.strict_rate(),
            s.failed,
            s.skipped_count(),
            s.reads,
            s.read_rate()
        );
    }
    if let Some(path) = &args.report {
        std::fs::write(path, verify::markdown(&verdicts)).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    if let Some(path) = &args.write_baseline {
        let mut text = String::from(
            "# Examples of these docs known to fail `graph-docs-codegen verify`, with their causes: the\n\
             # run's `--baseline`. Written by `--write-baseline`; rewrite it when a change fixes some.\n",
        );
        for (place, causes) in &failing {
            text.push_str(&format!("{place}  # {}\n", causes.join(", ")));
        }
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let failed = match &baseline {
        None => !failing.is_empty(),
        Some(known) => {
            let now: BTreeSet<&str> = failing.iter().map(|(place, _)| place.as_str()).collect();
            let new: Vec<&str> = now.iter().copied().filter(|p| !known.contains(*p)).collect();
            let fixed: Vec<&String> = known.iter().filter(|p| !now.contains(p.as_str())).collect();
            for place in &fixed {
                println!("{place}: listed in the baseline but no longer fails; remove it from the list");
            }
            println!("baseline: {} failures listed, {} new, {} no longer fail", known.len(), new.len(), fixed.len());
            !new.is_empty()
        }
    };
    println!("{}", Summary::of(&verdicts).closing_line());
    Ok(failed)
}

fn read_baseline(text: &str) -> BTreeSet<String> {
    text.lines().filter_map(|line| line.split('#').next()?.split_whitespace().next()).map(str::to_string).collect()
}
