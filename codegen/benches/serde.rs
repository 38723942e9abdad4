//! `cargo bench -p graph-docs-codegen --bench serde [-- DOCS]`: how fast the generated types
//! read and write Graph JSON, against a `#[derive(Deserialize, Serialize)]` struct with the
//! same fields, `serde_json::Value` and `IgnoredAny` (parsing only), and how much memory
//! 10,000 users take.
//!
//! The pages are built at run time from the docs' own examples (default docs:
//! `../shared/graph-docs`, v1.0): the example items of users, messages, directory members
//! (users and groups, told apart by `@odata.type`), events and driveItems, repeated with
//! fresh ids to about 10,000 items each. This program generates the crate, writes the
//! derive structs (the same JSON properties, navigation properties left out as a page has
//! none, a polymorphic type read as its base type) and the sample items under
//! `target/serde-bench`, then builds the harness (`serde/harness.rs`) there in release
//! and runs it; the harness prints the table.

use graph_docs_codegen::ir::{Model, TypeKind};
use graph_docs_codegen::verify::{cases, Shape, State};
use graph_docs_codegen::{emit, load, write};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The areas whose features the harness turns on: they hold the benchmarked types.
const FEATURES: &[&str] = &["v1_0-users", "v1_0-groups", "v1_0-drives"];

/// The pages: name, the docs types whose examples give its items.
const PAGES: &[(&str, &[&str])] = &[
    ("users", &["microsoft.graph.user"]),
    ("messages", &["microsoft.graph.message"]),
    ("members", &["microsoft.graph.user", "microsoft.graph.group"]),
    ("events", &["microsoft.graph.event"]),
    ("driveItems", &["microsoft.graph.driveItem"]),
];

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("a workspace").to_path_buf();
    let docs = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/graph-docs"));
    let work = root.join("target/serde-bench");
    let model = load(&docs, "v1.0").model;

    let mut files = emit::emit_crate(std::slice::from_ref(&model), &emit::CrateOptions::default());
    files.push(emit::GeneratedFile {
        path: "Cargo.lock".into(),
        contents: std::fs::read_to_string(root.join("Cargo.lock")).unwrap_or_default(),
    });
    let crate_dir = work.join("crate");
    if !write::stale_files(&crate_dir, &files).is_empty() {
        write::write_tree(&crate_dir, &files).expect("write the generated crate");
    }

    let samples = samples(&model);
    let derived: BTreeSet<&str> = PAGES.iter().flat_map(|(_, types)| types.iter().copied()).collect();
    let harness = work.join("harness");
    std::fs::create_dir_all(harness.join("src")).expect("the harness folder");
    let features: Vec<String> = FEATURES.iter().map(|f| format!("{f:?}")).collect();
    let manifest = format!(
        "[package]\nname = \"serde-bench\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n[workspace]\n\n\
         [dependencies]\ngraph-docs-generated = {{ path = \"../crate\", default-features = false, features = [{}] }}\n\
         serde = {{ version = \"1\", features = [\"derive\"] }}\nserde_json = \"1\"\n\n[profile.release]\ndebug = false\n",
        features.join(", ")
    );
    let sources = [
        ("Cargo.toml", manifest),
        ("src/main.rs", include_str!("serde/harness.rs").to_string()),
        ("src/mirror.rs", mirror(&model, &derived.into_iter().collect::<Vec<_>>())),
        ("samples.json", serde_json::to_string(&samples).expect("samples as JSON")),
    ];
    for (path, text) in sources {
        let path = harness.join(path);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
    }
    let _ = std::fs::copy(root.join("Cargo.lock"), harness.join("Cargo.lock"));
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(&harness)
        .env("CARGO_TARGET_DIR", work.join("target"))
        .args(["run", "--quiet", "--release", "--", "samples.json"])
        .status()
        .expect("run cargo");
    assert!(status.success(), "the harness failed");
}

/// The example items of each page, as the docs give them (each with its `@odata.type`
/// first on the members page, as the service sends it).
fn samples(model: &Model) -> BTreeMap<&'static str, Vec<Value>> {
    let mut by_type: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for case in cases(std::slice::from_ref(model)) {
        let State::Checked { shape, body, .. } = case.state else { continue };
        let (ty, items) = match (shape, body) {
            (Shape::One(ty), body @ Value::Object(_)) => (ty, vec![body]),
            (Shape::Page(ty), Value::Object(mut page)) => match page.remove("value") {
                Some(Value::Array(items)) => (ty, items),
                _ => continue,
            },
            _ => continue,
        };
        by_type.entry(ty).or_default().extend(items.into_iter().filter(Value::is_object));
    }
    PAGES
        .iter()
        .map(|(page, types)| {
            let tag = types.len() > 1;
            let items = types
                .iter()
                .flat_map(|ty| {
                    by_type.get(*ty).into_iter().flatten().map(move |item| match tag {
                        false => item.clone(),
                        true => tagged(item, ty),
                    })
                })
                .collect();
            (*page, items)
        })
        .collect()
}

/// `item` with `@odata.type` naming `ty`, as its first property.
fn tagged(item: &Value, ty: &str) -> Value {
    let mut out = serde_json::Map::new();
    out.insert("@odata.type".into(), json!(format!("#{ty}")));
    for (key, value) in item.as_object().into_iter().flatten() {
        if key != "@odata.type" {
            out.insert(key.clone(), value.clone());
        }
    }
    Value::Object(out)
}

/// The derive structs: for each type in `roots` and each type their structural properties
/// reach, a struct with the same JSON properties (navigation properties left out), and an
/// enum per enum type. Types are named `T<n>`, fields `f<n>`; `mirror::named("…")` is
/// spelled out for the roots as `pub type` aliases.
fn mirror(model: &Model, roots: &[&str]) -> String {
    let index: BTreeMap<&str, usize> = model.types.iter().enumerate().map(|(i, t)| (t.name.as_str(), i)).collect();
    let lineage = |t: usize| {
        let mut chain = vec![t];
        while let Some(base) = model.types[*chain.last().unwrap()].base.as_deref().and_then(|b| index.get(b)) {
            if chain.contains(base) {
                break;
            }
            chain.push(*base);
        }
        chain
    };
    let structural = |t: usize| -> Vec<&graph_docs_codegen::ir::Property> {
        let mut seen = BTreeSet::new();
        lineage(t)
            .into_iter()
            .flat_map(|o| &model.types[o].properties)
            .filter(|p| !p.navigation && seen.insert(p.name.as_str()))
            .collect()
    };
    let mut todo: Vec<usize> = roots.iter().filter_map(|r| index.get(r).copied()).collect();
    let mut done = BTreeSet::new();
    let mut out = String::from("//! Written by `cargo bench --bench serde`.\n#![allow(dead_code)]\nuse graph_docs_generated::runtime as rt;\nuse serde::{Deserialize, Serialize};\n\n");
    while let Some(t) = todo.pop() {
        if !done.insert(t) {
            continue;
        }
        let def = &model.types[t];
        if def.kind == TypeKind::Enum {
            let _ = writeln!(out, "#[derive(Debug, Deserialize, Serialize)]\npub enum T{t} {{");
            for (i, m) in def.members.iter().enumerate() {
                let _ = writeln!(out, "    #[serde(rename = {:?})]\n    V{i},", m.name);
            }
            let _ = writeln!(out, "    #[serde(other)]\n    Unknown,\n}}\n");
            continue;
        }
        let _ = writeln!(out, "#[derive(Debug, Default, Deserialize, Serialize)]\npub struct T{t} {{");
        let _ = writeln!(out, "    #[serde(rename = \"@odata.type\", default, skip_serializing_if = \"Option::is_none\")]\n    pub odata_type: Option<String>,");
        for (i, p) in structural(t).into_iter().enumerate() {
            let value = match p.ty.strip_prefix("Edm.") {
                Some(edm) => primitive(edm).to_string(),
                None => match index.get(p.ty.as_str()) {
                    Some(&target) => {
                        todo.push(target);
                        // A value that holds its own type (directly or further down) is boxed.
                        let recursive = !p.collection && reaches(model, &index, target, t);
                        if recursive {
                            format!("Box<T{target}>")
                        } else {
                            format!("T{target}")
                        }
                    }
                    None => "serde_json::Value".into(),
                },
            };
            let value = if p.collection { format!("Vec<{value}>") } else { value };
            let _ = writeln!(
                out,
                "    #[serde(rename = {:?}, default, skip_serializing_if = \"Option::is_none\")]\n    pub f{i}: Option<{value}>,",
                p.name
            );
        }
        out.push_str("}\n\n");
    }
    for root in roots {
        if let Some(t) = index.get(root) {
            let _ = writeln!(out, "pub type {} = T{t};", root.rsplit('.').next().unwrap_or(root).to_uppercase());
        }
    }
    out
}

/// Whether a value of type `from` can hold one of type `to` through single-valued
/// structural properties.
fn reaches(model: &Model, index: &BTreeMap<&str, usize>, from: usize, to: usize) -> bool {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from];
    while let Some(t) = todo.pop() {
        if t == to {
            return true;
        }
        if !seen.insert(t) {
            continue;
        }
        let mut owner = Some(t);
        while let Some(o) = owner {
            let def = &model.types[o];
            todo.extend(
                def.properties
                    .iter()
                    .filter(|p| !p.navigation && !p.collection)
                    .filter_map(|p| index.get(p.ty.as_str())),
            );
            owner = def.base.as_deref().and_then(|b| index.get(b)).copied().filter(|b| !seen.contains(b));
        }
    }
    false
}

/// The derive struct's type for an Edm primitive: the generated crate's, so that both read
/// the same values.
fn primitive(edm: &str) -> &'static str {
    match edm {
        "String" => "String",
        "Boolean" => "bool",
        "Int16" => "i16",
        "Int32" => "i32",
        "Int64" => "i64",
        "Byte" => "u8",
        "SByte" => "i8",
        "Double" | "Single" => "rt::Double",
        "Decimal" => "rt::Decimal",
        "DateTimeOffset" => "rt::DateTimeOffset",
        "Date" => "rt::Date",
        "TimeOfDay" => "rt::TimeOfDay",
        "Duration" => "rt::Duration",
        "Guid" => "rt::Guid",
        "Binary" => "rt::Base64",
        "Stream" => "String",
        _ => "serde_json::Value",
    }
}
