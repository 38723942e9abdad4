//! The scratch crate of the round trip: the generated crate, standing alone, with a binary
//! that renders each planned query through the typed builders and prints it. A call that
//! does not compile is left out (and told) and the rest built again.

use super::{canonical, ExampleQuery, Outcome, Plan};
use crate::emit::{self, version_module, GeneratedFile};
use crate::ir::Model;
use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

const BINARY: &str = "queries";
/// Rounds of leaving out calls that do not compile.
const ROUNDS: usize = 4;

/// Builds and runs the planned queries; each typed query's outcome by its index in `all`.
pub fn build_and_run(
    models: &[Model],
    dir: &Path,
    all: &[(ExampleQuery, Plan)],
) -> Result<HashMap<usize, Outcome>, String> {
    let dir = std::path::absolute(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let (crate_dir, target_dir) = (dir.join("crate"), dir.join("target"));
    let mut files =
        emit::emit_crate(models, &emit::CrateOptions { name: "graph-docs-queries".into(), ..Default::default() });
    for file in files.iter_mut().filter(|f| f.path == "Cargo.toml") {
        file.contents.push_str("\n# The scratch crate of `graph-docs-codegen queries`.\n[workspace]\n");
    }
    let mut outcomes = HashMap::new();
    let mut left_out: HashMap<usize, String> = HashMap::new();
    for _ in 0..ROUNDS {
        let (program, lines) = program(models, all, &left_out);
        let mut round = files.clone();
        round.push(GeneratedFile { path: format!("src/bin/{BINARY}.rs"), contents: program });
        crate::write::update_tree(&crate_dir, &round).map_err(|e| format!("{}: {e}", crate_dir.display()))?;
        let build = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
            .args(["build", "--all-features", "--message-format", "short", "--bin", BINARY])
            .current_dir(&crate_dir)
            .env("CARGO_TARGET_DIR", &target_dir)
            .env("CARGO_PROFILE_DEV_DEBUG", "0")
            .env("CARGO_INCREMENTAL", "0")
            .output()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        if !build.status.success() {
            let errors = String::from_utf8_lossy(&build.stderr);
            let failing = failing_queries(&errors, &lines);
            if failing.is_empty() {
                return Err(format!("the scratch crate in {} does not build:\n{errors}", crate_dir.display()));
            }
            left_out.extend(failing);
            continue;
        }
        let binary = target_dir.join("debug").join(format!("{BINARY}{}", std::env::consts::EXE_SUFFIX));
        let run = Command::new(&binary).output().map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
        let stdout = String::from_utf8_lossy(&run.stdout);
        for line in stdout.lines() {
            let Some((id, rendered)) = line.split_once('\t') else { continue };
            let Ok(id) = id.parse::<usize>() else { continue };
            let Some((query, Plan::Typed { canonical: expected, .. })) = all.get(id) else { continue };
            let outcome = match rendered.strip_prefix('!') {
                Some(why) => Outcome::Failed(why.to_string()),
                None => match canonical(query.option, rendered) {
                    Ok(text) if &text == expected => Outcome::RoundTripped,
                    Ok(_) => Outcome::Differs(rendered.to_string()),
                    Err(e) => Outcome::Failed(format!("the rendering does not parse: {e}")),
                },
            };
            outcomes.insert(id, outcome);
        }
        outcomes.extend(left_out.into_iter().map(|(id, why)| (id, Outcome::Failed(why))));
        return Ok(outcomes);
    }
    Err(format!("the scratch crate in {} still does not build after {ROUNDS} rounds", crate_dir.display()))
}

/// The program, and which query each of its lines renders.
fn program(
    models: &[Model],
    all: &[(ExampleQuery, Plan)],
    left_out: &HashMap<usize, String>,
) -> (String, HashMap<usize, usize>) {
    let mut out = String::from(
        "//! Renders the docs' example queries through the typed builders. Written by\n\
         //! `graph-docs-codegen queries`.\n\n\
         use graph_docs_queries as graph;\n\n\
         fn parse<T: std::str::FromStr>(text: &str) -> Option<T> {\n    text.parse().ok()\n}\n\n\
         fn show(id: usize, rendered: Option<String>) {\n    match rendered {\n        Some(text) => println!(\"{id}\\t{text}\"),\n        None => println!(\"{id}\\t!a value did not read\"),\n    }\n}\n\n\
         fn main() {\n",
    );
    for model in models {
        out.push_str(&format!("    {}::run();\n", version_module(&model.version)));
    }
    out.push_str("}\n");
    let mut lines = HashMap::new();
    for model in models {
        let module = version_module(&model.version);
        out.push_str(&format!(
            "\n#[allow(unused_imports, unused_parens, clippy::all)]\nmod {module} {{\n    use super::{{parse, show}};\n    use super::graph::runtime as rt;\n    use super::graph::{module}::*;\n\n    pub fn run() {{\n"
        ));
        for (id, (query, plan)) in all.iter().enumerate() {
            let Plan::Typed { code, .. } = plan else { continue };
            if query.version != model.version || left_out.contains_key(&id) {
                continue;
            }
            lines.insert(out.lines().count() + 1, id);
            out.push_str(&format!("        show({id}, (|| -> Option<String> {{ Some({code}) }})());\n"));
        }
        out.push_str("    }\n}\n");
    }
    (out, lines)
}

/// The queries whose lines the compiler reports errors on (`src/bin/queries.rs:12:5: error…`).
fn failing_queries(errors: &str, lines: &HashMap<usize, usize>) -> HashMap<usize, String> {
    let prefix = format!("src/bin/{BINARY}.rs:");
    errors
        .lines()
        .filter(|l| l.contains(": error"))
        .filter_map(|l| {
            let rest = &l[l.find(&prefix)? + prefix.len()..];
            let line: usize = rest.split(':').next()?.parse().ok()?;
            Some((*lines.get(&line)?, l[l.find(": error")? + 2..].to_string()))
        })
        .collect()
}
