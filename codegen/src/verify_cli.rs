//! `verify`: the docs' example bodies against the code generated from the same docs. Prints
//! every failure (with `--baseline`, those it does not list), a line per version and a
//! closing `examples: N passed, M failed, K skipped (…)` line to stdout (cargo's progress
//! goes to stderr); fails when an example fails, or with `--baseline`, only when one fails
//! that the baseline does not list. With `--http` the same for the example requests, each
//! version's figures ending with `http: N passed, M failed`.

use graph_docs_codegen::ir::Model;
use graph_docs_codegen::verify::{self, http, Summary, Verdict};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

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
    /// Also send every example request the docs pair with a response, made with the
    /// generated API, to a local server that checks it against the example and answers with
    /// the example's response; ends each version with `http: N passed, M failed`.
    #[arg(long)]
    http: bool,
    /// As `--baseline`, for the requests of `--http` (`file:line` of the request line).
    #[arg(long, requires = "http")]
    http_baseline: Option<PathBuf>,
    /// Write the failing requests of `--http` as a baseline file.
    #[arg(long, requires = "http")]
    write_http_baseline: Option<PathBuf>,
}

/// Runs the check; whether it failed.
pub fn run(models: &[Model], args: &VerifyArgs) -> Result<bool, String> {
    let baseline = args.baseline.as_deref().map(read_baseline).transpose()?;
    let http_baseline = args.http_baseline.as_deref().map(read_baseline).transpose()?;
    let run = verify::run(models, &args.scratch, "graph-docs-generated", None, args.http)?;
    let verdicts = run.examples;
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
    let mut report = verify::markdown(&verdicts);
    let mut failed = compare(baseline.as_ref(), &failing, "");
    if let Some(outcomes) = &run.http {
        let mut http_failing = Vec::new();
        for (pair, outcome) in outcomes {
            if let Some(line) = http::failure_line(pair, outcome) {
                let place = format!("{}:{}", pair.source.file, pair.source.line);
                if !http_baseline.as_ref().is_some_and(|known| known.contains(&place)) {
                    println!("{line}");
                }
                if let http::Outcome::Failed { cause, side, .. } = outcome {
                    http_failing.push((place, vec![*cause, side.name()]));
                }
            }
        }
        for version in models.iter().map(|m| m.version.as_str()) {
            let s = http::HttpSummary::of(outcomes.iter().filter(|(p, _)| p.version == version));
            println!("{version}: {}", s.line());
            println!("{}", s.closing_line());
        }
        report.push_str(&http::markdown(outcomes));
        if let Some(path) = &args.write_http_baseline {
            write_baseline(path, "graph-docs-codegen verify --http", &http_failing)?;
        }
        failed |= compare(http_baseline.as_ref(), &http_failing, "http ");
    }
    if let Some(path) = &args.report {
        std::fs::write(path, report).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    if let Some(path) = &args.write_baseline {
        write_baseline(path, "graph-docs-codegen verify", &failing)?;
    }
    println!("{}", Summary::of(&verdicts).closing_line());
    Ok(failed)
}

/// Whether a run fails: any failure without a baseline, else one the baseline does not
/// list; names the listed ones that no longer fail.
fn compare(baseline: Option<&BTreeSet<String>>, failing: &[(String, Vec<&'static str>)], label: &str) -> bool {
    let Some(known) = baseline else { return !failing.is_empty() };
    let now: BTreeSet<&str> = failing.iter().map(|(place, _)| place.as_str()).collect();
    let new = now.iter().filter(|p| !known.contains(**p)).count();
    let fixed: Vec<&String> = known.iter().filter(|p| !now.contains(p.as_str())).collect();
    for place in &fixed {
        println!("{place}: listed in the {label}baseline but no longer fails; remove it from the list");
    }
    println!("{label}baseline: {} failures listed, {new} new, {} no longer fail", known.len(), fixed.len());
    new > 0
}

/// A baseline file: a comment naming the command, then `file:line  # causes` a line.
fn write_baseline(path: &Path, command: &str, failing: &[(String, Vec<&'static str>)]) -> Result<(), String> {
    let mut text = format!(
        "# Examples of these docs known to fail `{command}`, with their causes: the\n\
         # run's baseline. Written by its `--write-…baseline`; rewrite it when a change fixes some.\n"
    );
    for (place, causes) in failing {
        text.push_str(&format!("{place}  # {}\n", causes.join(", ")));
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn read_baseline(path: &Path) -> Result<BTreeSet<String>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text.lines().filter_map(|line| line.split('#').next()?.split_whitespace().next()).map(str::to_string).collect())
}
