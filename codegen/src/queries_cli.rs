//! `queries`: the docs' example queries through the typed builders. Prints each query with
//! its outcome (`--list`), then per version a line of counts and `queries: N round-tripped,
//! M not`.

use graph_docs_codegen::queries::{Outcome, Plan, Report};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct QueriesArgs {
    /// Folder for the scratch crate (`crate/`) and its cargo target folder (`target/`).
    #[arg(long, default_value = "target/queries")]
    pub scratch: PathBuf,
    /// Print each query with its outcome (`round-tripped`, or why not).
    #[arg(long)]
    pub list: bool,
}

pub fn print(report: &Report, args: &QueriesArgs) {
    if args.list {
        for (i, (query, plan)) in report.queries.iter().enumerate() {
            let why = match (plan, report.outcomes.get(&i)) {
                (Plan::Typed { .. }, Some(Outcome::RoundTripped)) => "round-tripped".to_string(),
                (Plan::Typed { canonical, .. }, Some(Outcome::Differs(rendered))) => {
                    format!("renders `{rendered}`, the docs' is `{canonical}`")
                }
                (Plan::Typed { .. }, Some(Outcome::Failed(why))) => format!("failed: {why}"),
                (Plan::Typed { .. }, None) => "not run".to_string(),
                (Plan::Unparsable(why), _) => format!("unparsable: {why}"),
                (Plan::NoType, _) => "no response type with properties".to_string(),
                (Plan::UnknownProperty(name), _) => format!("unknown property `{name}`"),
                (Plan::NotExpressible(what), _) => format!("not expressible: {what}"),
            };
            println!("{}:{}: {}={}: {why}", query.source.file, query.source.line, query.option, query.text);
        }
    }
    for (version, t) in &report.tallies {
        println!(
            "{version}: {} queries found, {} unparsable, {} without a response type, {} naming a property the type lacks; \
             {} on the type's properties, {} of them through `unchecked` (notes do not allow them)",
            t.found, t.unparsable, t.no_type, t.unknown_property, t.on_known_properties, t.undocumented
        );
        for (reason, count) in &t.not {
            println!("{version}:   not: {count} {reason}");
        }
        let not: usize = t.not.values().sum();
        println!("{version}: queries: {} round-tripped, {not} not", t.round_tripped);
    }
}
