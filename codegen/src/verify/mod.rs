//! `verify`: every body example of the docs read by the generated code. Each response
//! example and each example request body is normalized to JSON (the repairs named), given
//! the type it must read as (the annotation's `@odata.type` and `isCollection`, else the
//! operation's declared response or body), and checked in a scratch crate built from the
//! same docs: it must read, write back, read again to the same JSON, and every field of the
//! example must survive (open types keep nothing aside in that build).

mod cases;
mod report;
mod scratch;

pub use cases::{cases, Case, Shape, Skip, State};
pub use report::{failure_lines, markdown, Cause, Failure, Summary, Verdict};
pub use scratch::{write as write_scratch, Problem, Scratch, Step};

use crate::ir::Model;
use std::path::Path;

/// Checks every example of `models` in a scratch crate under `dir`: the verdict of each
/// case, in case order. `lock` is a `Cargo.lock` for a first build (pinned dependency
/// versions); an earlier run's lock is kept.
pub fn run(models: &[Model], dir: &Path, crate_name: &str, lock: Option<&str>) -> Result<Vec<(Case, Verdict)>, String> {
    let cases = cases(models);
    let scratch = Scratch::new(dir, crate_name)?;
    write_scratch(&scratch, models, &cases, lock)?;
    check(&scratch, models, cases)
}

/// Builds and runs the harness of a written scratch crate: the verdict of each case.
pub fn check(scratch: &Scratch, models: &[Model], cases: Vec<Case>) -> Result<Vec<(Case, Verdict)>, String> {
    let mut results = scratch::build_and_run(scratch)?;
    Ok(cases
        .into_iter()
        .map(|case| {
            let verdict = report::verdict(models, &case, results.remove(&case.id));
            (case, verdict)
        })
        .collect())
}
