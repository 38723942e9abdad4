//! The docs' own queries as a test of the typed queries: every `$select`, `$filter`,
//! `$orderby` and `$expand` of an example request URL is parsed (`odata`), mapped to its
//! operation's response type, checked against the properties' query notes (a property the
//! type lacks, or an operator its notes do not list, is `example-query-undocumented` at the
//! example's line), and written as the Rust calls of the typed builders (`typed`); the
//! scratch crate (`scratch`) compiles and runs them, and their rendering is compared with
//! the docs' text as canonical expressions.

mod scratch;
mod typed;

use crate::diag::{Diagnostic, Span};
use crate::emit::ItemPaths;
use crate::ir::{Model, Source};
use crate::odata;
use std::collections::BTreeMap;
use std::path::Path;

pub use scratch::build_and_run;

/// The options the round trip covers.
const OPTIONS: [&str; 4] = ["$select", "$filter", "$orderby", "$expand"];

/// One query option of one example request.
#[derive(Debug, Clone)]
pub struct ExampleQuery {
    pub version: String,
    pub source: Source,
    /// `$select`, `$filter`, `$orderby` or `$expand`, in lowercase but for the `$`.
    pub option: &'static str,
    /// The value, percent-decoded.
    pub text: String,
}

/// Where one query ends before the comparison, or the code that makes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// The value is not OData the parser reads.
    Unparsable(String),
    /// The operation declares no response type with properties.
    NoType,
    /// A property the response type does not have (a diagnostic).
    UnknownProperty(String),
    /// A construct the typed builders do not write, with what it is.
    NotExpressible(String),
    /// The Rust expression rendering the query, and the docs' canonical text.
    Typed { code: String, canonical: String, undocumented: bool },
}

/// The outcome after the scratch crate ran.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    RoundTripped,
    /// Rendered to another expression: the rendering.
    Differs(String),
    /// The generated call did not compile (the compiler's first line) or did not run.
    Failed(String),
}

/// Every query option of the example requests of `model`'s operations, in order.
pub fn collect(model: &Model) -> Vec<(ExampleQuery, Option<String>)> {
    let mut out = Vec::new();
    for op in &model.operations {
        let response = op.response.as_ref().and_then(|r| r.ty.clone());
        for example in &op.example_requests {
            let (url, line) = (&example.url, &example.line);
            let Some((path, query)) = url.split_once('?') else { continue };
            // A path ending in a cast (`/memberOf/microsoft.graph.group`) answers that type.
            let last = path.trim_end_matches('/').rsplit('/').next().unwrap_or_default();
            let cast = model.types.iter().find(|t| last.contains('.') && t.name.eq_ignore_ascii_case(last));
            let response = cast.map(|t| t.name.clone()).or_else(|| response.clone());
            for pair in split_pairs(query) {
                let Some((name, value)) = pair.split_once('=') else { continue };
                let name = crate::emit::query_decode(name.trim());
                let Some(option) = OPTIONS.iter().find(|o| o.eq_ignore_ascii_case(&name)) else { continue };
                let query = ExampleQuery {
                    version: model.version.clone(),
                    source: Source { file: op.source.file.clone(), line: *line },
                    option,
                    text: crate::emit::query_decode(value).trim().to_string(),
                };
                out.push((query, response.clone()));
            }
        }
    }
    out
}

/// `a=1&b='x&y'`: pairs split at `&` outside quotes.
fn split_pairs(query: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut quoted, mut start) = (false, 0);
    for (i, c) in query.char_indices() {
        match c {
            '\'' => quoted = !quoted,
            '&' if !quoted => {
                out.push(&query[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&query[start..]);
    out
}

/// Each query's plan, and the diagnostics of the queries the notes do not allow.
pub fn plan(model: &Model, queries: &[(ExampleQuery, Option<String>)]) -> (Vec<Plan>, Vec<Diagnostic>) {
    let paths = ItemPaths::new(model);
    let mut typer = typed::Typer::new(&paths, model);
    let mut diags = Vec::new();
    let plans = queries
        .iter()
        .map(|(query, response)| {
            let mut findings = Vec::new();
            let plan = match response {
                Some(ty) => typer.plan(query, ty, &mut findings),
                None => Plan::NoType,
            };
            let span = Span { file: query.source.file.clone(), line: query.source.line, column: 1 };
            for finding in findings {
                diags.push(Diagnostic::warning(
                    "example-query-undocumented",
                    &span,
                    format!("the example's `{}={}`: {finding}", query.option, query.text),
                ));
            }
            plan
        })
        .collect();
    (plans, diags)
}

/// The canonical text of a query as the docs write it, or why it does not parse.
pub fn canonical(option: &str, text: &str) -> Result<String, odata::SyntaxError> {
    match option {
        "$filter" => odata::parse_filter(text).map(|e| odata::canonical(&e)),
        _ => odata::parse_list(text).map(|items| items.iter().map(odata::canonical_item).collect::<Vec<_>>().join(",")),
    }
}

/// Counts per version: what the round trip found.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    pub found: usize,
    pub unparsable: usize,
    pub no_type: usize,
    pub unknown_property: usize,
    /// Queries whose properties all exist on the type.
    pub on_known_properties: usize,
    pub round_tripped: usize,
    /// Among those round-tripped, the ones through `unchecked` (the notes do not allow them).
    pub undocumented: usize,
    /// Not round-tripped, by reason.
    pub not: BTreeMap<String, usize>,
}

/// Plans, builds and compares the queries of `models`; the tallies by version, the
/// diagnostics, and each query with its plan and outcome.
pub fn run(models: &[Model], dir: &Path) -> Result<Report, String> {
    let mut all = Vec::new();
    let mut diags = Vec::new();
    for model in models {
        let queries = collect(model);
        let (plans, found) = plan(model, &queries);
        diags.extend(found);
        all.extend(queries.into_iter().map(|(q, _)| q).zip(plans));
    }
    let outcomes = scratch::build_and_run(models, dir, &all)?;
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for (i, (query, plan)) in all.iter().enumerate() {
        let tally = tallies.entry(query.version.clone()).or_default();
        tally.found += 1;
        let reason = match plan {
            Plan::Unparsable(_) => {
                tally.unparsable += 1;
                continue;
            }
            Plan::NoType => {
                tally.no_type += 1;
                continue;
            }
            Plan::UnknownProperty(_) => {
                tally.unknown_property += 1;
                continue;
            }
            Plan::NotExpressible(what) => format!("not expressible: {what}"),
            Plan::Typed { undocumented, .. } => match outcomes.get(&i) {
                Some(Outcome::RoundTripped) => {
                    tally.on_known_properties += 1;
                    tally.round_tripped += 1;
                    tally.undocumented += usize::from(*undocumented);
                    continue;
                }
                Some(Outcome::Differs(_)) => "renders another expression".to_string(),
                Some(Outcome::Failed(_)) | None => "generated call failed".to_string(),
            },
        };
        tally.on_known_properties += 1;
        *tally.not.entry(reason).or_default() += 1;
    }
    Ok(Report { tallies, diagnostics: diags, queries: all, outcomes })
}

pub struct Report {
    pub tallies: BTreeMap<String, Tally>,
    pub diagnostics: Vec<Diagnostic>,
    pub queries: Vec<(ExampleQuery, Plan)>,
    pub outcomes: std::collections::HashMap<usize, Outcome>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings_split_outside_quotes_and_decode() {
        assert_eq!(split_pairs("$filter=name eq 'a&b'&$top=2"), ["$filter=name eq 'a&b'", "$top=2"]);
        assert_eq!(crate::emit::query_decode("a%20eq%20%27x%27%zz+b"), "a eq 'x'%zz b");
    }
}
