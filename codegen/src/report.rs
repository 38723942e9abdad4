//! A markdown summary of what each version yielded: the corpus report.

use crate::emit::areas::{Gates, Selection};
use crate::ir::{Model, TypeKind};
use std::fmt::Write;

pub fn markdown(models: &[Model]) -> String {
    let mut out = String::from("# What the docs yielded\n\n");
    out.push_str(
        "| version | entity types | complex types | enums | enum members | properties | operations | diagnostics |\n",
    );
    out.push_str("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for m in models {
        let count = |k: TypeKind| m.types.iter().filter(|t| t.kind == k).count();
        let properties: usize = m.types.iter().map(|t| t.properties.len()).sum();
        let members: usize = m.types.iter().map(|t| t.members.len()).sum();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {members} | {properties} | {} | {} |",
            m.version,
            count(TypeKind::Entity),
            count(TypeKind::Complex),
            count(TypeKind::Enum),
            m.operations.len(),
            m.diagnostics.len()
        );
    }
    out.push_str("\n## Example requests that call an operation of their own page\n\n");
    out.push_str("| version | example requests | matching as written | with Graph's aliases |\n|---|---:|---:|---:|\n");
    for m in models {
        let e = &m.example_requests;
        let share = |n: usize| if e.total == 0 { 0.0 } else { 100.0 * n as f64 / e.total as f64 };
        let _ = writeln!(
            out,
            "| {} | {} | {} ({:.1} %) | {} ({:.1} %) |",
            m.version,
            e.total,
            e.strict,
            share(e.strict),
            e.aliased,
            share(e.aliased)
        );
    }
    out.push_str("\n## The request tree\n\n");
    out.push_str("| version | operations | paths | paths refused | requests merged into another page's | requests | nodes | longest type name | longest method name |\n");
    out.push_str("|---|---:|---:|---:|---:|---:|---:|---|---|\n");
    for m in models {
        let tree = crate::emit::request_tree(m);
        let count = |code: &str| m.diagnostics.iter().filter(|d| d.code == code).count();
        let paths: usize = m.operations.iter().map(|o| o.paths.len()).sum();
        let _ = writeln!(
            out,
            "| {} | {} | {paths} | {} | {} | {} | {} | `{}` ({}) | `{}` ({}) |",
            m.version,
            m.operations.len(),
            count("path-not-understood"),
            count("duplicate-request"),
            tree.requests.len(),
            tree.nodes,
            tree.longest_type,
            tree.longest_type.len(),
            tree.longest_method,
            tree.longest_method.len()
        );
    }
    for m in models {
        let gates = Gates::new(m, &Selection::default(), true);
        let _ = writeln!(out, "\n## {}: areas\n", m.version);
        out.push_str("| feature | operations | types compiled with it alone |\n|---|---:|---:|\n");
        for (a, area) in gates.areas.iter().enumerate() {
            let _ = writeln!(out, "| `{}` | {} | {} |", area.feature, area.operations.len(), gates.types_with(a));
        }
    }
    for m in models {
        let _ = writeln!(out, "\n## {}: diagnostics by code\n", m.version);
        let mut by_code: std::collections::BTreeMap<&str, usize> = Default::default();
        for d in &m.diagnostics {
            *by_code.entry(d.code).or_default() += 1;
        }
        for (code, n) in by_code {
            let _ = writeln!(out, "- `{code}`: {n}");
        }
        let _ = writeln!(out, "\n## {}: resource pages that yielded nothing\n", m.version);
        list(&mut out, m, "no-definition");
        let _ = writeln!(out, "\n## {}: example requests that call no operation of their page\n", m.version);
        list(&mut out, m, "example-request-unmatched");
    }
    out
}

fn list(out: &mut String, m: &Model, code: &str) {
    for d in m.diagnostics.iter().filter(|d| d.code == code) {
        let _ = writeln!(out, "- `{}:{}`: {}", d.file, d.line, d.message);
    }
}
