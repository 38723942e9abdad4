//! `verify`: every body example of the docs read by the generated code. Each response
//! example and each example request body is normalized to JSON (the repairs named), given
//! the type it must read as (the annotation's `@odata.type` and `isCollection`, else the
//! operation's declared response or body), and checked in a scratch crate built from the
//! same docs: it must read, write back, read again to the same JSON, and every field of the
//! example must survive (open types keep nothing aside in that build).

mod cases;
pub mod http;
mod report;
mod scratch;

pub use cases::{cases, Case, Shape, Skip, State};
pub use report::{failure_lines, markdown, Cause, Failure, Summary, Verdict};
pub use scratch::{write as write_scratch, Problem, Scratch, Step};

use crate::ir::Model;
use std::path::Path;

/// What a run found: each example's verdict, in case order; with `http`, each paired
/// example request's outcome.
pub struct Run {
    pub examples: Vec<(Case, Verdict)>,
    pub http: Option<Vec<(http::Pair, http::Outcome)>>,
}

/// Checks every example of `models` in a scratch crate under `dir`, and with `http` sends
/// every paired example request (both harnesses built in one cargo run). `lock` is a
/// `Cargo.lock` for a first build (pinned dependency versions); an earlier run's lock is kept.
pub fn run(models: &[Model], dir: &Path, crate_name: &str, lock: Option<&str>, with_http: bool) -> Result<Run, String> {
    run_in(&Scratch::new(dir, crate_name)?, models, lock, with_http)
}

/// `run` in a given scratch crate.
pub fn run_in(scratch: &Scratch, models: &[Model], lock: Option<&str>, with_http: bool) -> Result<Run, String> {
    let crate_name = scratch.crate_name.as_str();
    let cases = cases(models);
    let pairs = with_http.then(|| http::pairs(models, &cases));
    let extra = match &pairs {
        Some(pairs) => (http::files(models, pairs, crate_name, &scratch.http_binary()), http::MANIFEST),
        None => (Vec::new(), ""),
    };
    scratch::write_with(scratch, models, &cases, lock, extra)?;
    let mut binaries = vec![scratch.binary()];
    binaries.extend(pairs.is_some().then(|| scratch.http_binary()));
    scratch::build(scratch, &binaries)?;
    let examples = verdicts(models, cases, scratch::read_problems(scratch)?);
    let http = match pairs {
        Some(pairs) => {
            let output = scratch::run_binary(scratch, &scratch.http_binary(), http::PAIRS)?;
            Some(http::outcomes(pairs, &output, &examples)?)
        }
        None => None,
    };
    Ok(Run { examples, http })
}

/// Builds and runs the harness of a written scratch crate: the verdict of each case.
pub fn check(scratch: &Scratch, models: &[Model], cases: Vec<Case>) -> Result<Vec<(Case, Verdict)>, String> {
    Ok(verdicts(models, cases, scratch::build_and_run(scratch)?))
}

fn verdicts(
    models: &[Model],
    cases: Vec<Case>,
    mut results: std::collections::HashMap<usize, Vec<Problem>>,
) -> Vec<(Case, Verdict)> {
    cases
        .into_iter()
        .map(|case| {
            let verdict = report::verdict(models, &case, results.remove(&case.id));
            (case, verdict)
        })
        .collect()
}
