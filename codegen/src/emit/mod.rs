//! Stage 5: the model to Rust source, written directly as formatted text (`code.rs`). One
//! module per docs namespace, one top-level module per version; output is a complete crate.
//! Modules are written in parallel, piece by piece, and handed on as soon as each is done.

pub mod areas;
mod code;
mod endpoints;
mod layout;
pub mod names;
mod types;

use crate::ir::Model;
use areas::{Gates, Selection};
use code::Code;
pub use layout::VersionLayout;
use rayon::prelude::*;

/// The runtime, written as `src/runtime.rs`: its parts in order (`client.rs` sends requests,
/// `batch.rs` sends them together, `reqwest.rs` is the `reqwest` feature's transport).
pub const RUNTIME_SOURCE: &str = concat!(
    include_str!("../../runtime/runtime.rs"),
    "\n",
    include_str!("../../runtime/client.rs"),
    "\n",
    include_str!("../../runtime/batch.rs"),
    "\n",
    include_str!("../../runtime/reqwest.rs")
);
/// The `API.txt` lines of the runtime; a test keeps them in step with `runtime.rs`.
pub const RUNTIME_API: &str = include_str!("../../runtime/API.txt");

/// The `[dependencies]` lines of the generated code: a crate that includes a generated
/// module needs them too.
pub const RUNTIME_DEPENDENCIES: &str = r#"base64 = "0.22"
chrono = { version = "0.4", default-features = false, features = ["serde", "std"] }
percent-encoding = "2"
rust_decimal = { version = "1", default-features = false, features = ["serde", "std"] }
serde = "1"
serde_json = "1"
uuid = { version = "1", default-features = false, features = ["serde", "std"] }
"#;

/// The optional dependencies of the runtime's `http` and `reqwest` features (`Cargo.toml` only).
const CLIENT_DEPENDENCIES: &str = r#"http = { version = "1", optional = true }
reqwest = { version = "0.12", default-features = false, optional = true }
tokio = { version = "1", default-features = false, features = ["time"], optional = true }
"#;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Relative to the crate root, with `/` separators.
    pub path: String,
    pub contents: String,
}

#[derive(Debug, Clone)]
pub struct CrateOptions {
    pub name: String,
    /// The operations (and so the areas and types) the crate holds.
    pub selection: Selection,
}

impl Default for CrateOptions {
    fn default() -> Self {
        CrateOptions { name: "graph-docs-generated".into(), selection: Selection::default() }
    }
}

/// The version's module name: `v1.0` → `v1_0`.
pub fn version_module(version: &str) -> String {
    names::field_name(version)
}

/// Lints that generated names cannot always avoid (enum members sharing a suffix).
const VERSION_ALLOWS: &str = "allow(clippy::large_enum_variant, clippy::enum_variant_names)";

/// A written module: its name (None for the version's root), source and `API.txt` lines.
struct Module {
    name: Option<String>,
    source: String,
    api: Vec<String>,
}

/// Pieces written in parallel, joined in order; the API lines sorted, here where other
/// modules' work runs beside it rather than once at the end.
fn join_pieces(pieces: Vec<(String, Vec<String>)>) -> (String, Vec<String>) {
    let mut source = String::with_capacity(pieces.iter().map(|(s, _)| s.len()).sum());
    let mut api = Vec::with_capacity(pieces.iter().map(|(_, a)| a.len()).sum());
    for (piece, lines) in pieces {
        source.push_str(&piece);
        api.extend(lines);
    }
    api.par_sort_unstable();
    (source, api)
}

/// Module `m` of the layout, or the `endpoints` module for None, written in parallel piece
/// by piece: per type, per operation.
fn write_module(layout: &VersionLayout, plan: &endpoints::Plan, m: Option<usize>) -> Module {
    let version = version_module(&layout.model.version);
    let Some(m) = m else {
        let path = format!("{version}::endpoints");
        let parts = endpoints::parts(layout);
        let (source, api) =
            join_pieces(parts.par_iter().map(|part| endpoints::write_part(layout, plan, &path, part)).collect());
        return Module { name: Some("endpoints".to_string()), source, api };
    };
    let info = &layout.modules[m];
    let path = info.name.as_ref().map_or_else(|| version.clone(), |name| format!("{version}::{name}"));
    let pieces = std::iter::once(None).chain(info.types.iter().map(Some)).collect::<Vec<_>>();
    let (source, api) = join_pieces(
        pieces
            .into_par_iter()
            .map(|piece| {
                let mut code = Code::new(&path, 0);
                match piece {
                    None => types::module_header(&mut code, layout, m),
                    Some(&t) => types::type_items(&mut code, layout, t),
                }
                code.finish()
            })
            .collect(),
    );
    Module { name: info.name.clone(), source, api }
}

/// One version's modules, each handed to `sink` as soon as it is written: the namespaces'
/// modules (the root first), then `endpoints` when an area is selected. A module is handed
/// on while the next one is written.
fn version_modules<E: Send>(
    layout: &VersionLayout,
    mut sink: impl FnMut(Module) -> Result<(), E> + Send,
) -> Result<(), E> {
    let plan = endpoints::plan(layout);
    let endpoints = (!layout.gates.areas.is_empty()).then_some(None);
    let mut written: Option<Module> = None;
    for m in (0..layout.modules.len()).map(Some).chain(endpoints) {
        let (handed, next) =
            rayon::join(|| written.take().map_or(Ok(()), &mut sink), || write_module(layout, &plan, m));
        handed?;
        written = Some(next);
    }
    written.map_or(Ok(()), sink)
}

/// Writes a crate version by version, handing each file to a sink as soon as it is made,
/// so that no output is held longer than one module. Versions can be written at the same
/// time through a shared sink; `finish` then writes what depends on all of them. Each area
/// of the selection is a cargo feature (see `areas`).
pub struct CrateEmitter {
    options: CrateOptions,
}

/// What writing one version leaves for `finish`: its cargo features and `API.txt` lines.
pub struct WrittenVersion {
    features: VersionFeatures,
    api: Vec<String>,
}

impl CrateEmitter {
    pub fn new(options: &CrateOptions) -> Self {
        CrateEmitter { options: options.clone() }
    }

    /// Writes one version's modules.
    pub fn version<E: Send>(
        &self,
        model: &Model,
        sink: &(impl Fn(GeneratedFile) -> Result<(), E> + Sync),
    ) -> Result<WrittenVersion, E> {
        let version = version_module(&model.version);
        let gates = Gates::new(model, &self.options.selection, true);
        let features = (model.version.clone(), gates.cargo_features(), gates.version_cfg());
        let layout = VersionLayout::with_gates(model, gates);
        // The submodule declarations close the root module.
        let mut declarations = Code::new(&version, 0);
        declarations.line("");
        for name in layout.modules.iter().filter_map(|m| m.name.as_ref()) {
            declarations.mod_declaration(name);
        }
        if !layout.gates.areas.is_empty() {
            declarations.mod_declaration("endpoints");
        }
        let (declarations, mut api) = declarations.finish();
        version_modules(&layout, |module| {
            api.extend(module.api);
            let (path, contents) = match module.name {
                None => (format!("src/{version}/mod.rs"), module.source + &declarations),
                Some(name) => (format!("src/{version}/{name}.rs"), module.source),
            };
            sink(GeneratedFile { path, contents })
        })?;
        // Each module's lines are sorted: the stable sort merges these runs in about linear
        // time (in parallel, as the last version's sort has nothing beside it), here, while
        // another version may still be written, rather than in `finish`.
        api.par_sort();
        Ok(WrittenVersion { features, api })
    }

    /// Ends the crate with the runtime and what depends on every version, given in order:
    /// `Cargo.toml` and its features, `lib.rs` and `API.txt`.
    pub fn finish<E>(
        &self,
        versions: Vec<WrittenVersion>,
        sink: &impl Fn(GeneratedFile) -> Result<(), E>,
    ) -> Result<(), E> {
        sink(GeneratedFile { path: "src/runtime.rs".into(), contents: RUNTIME_SOURCE.to_string() })?;
        let (features, apis): (Vec<VersionFeatures>, Vec<Vec<String>>) =
            versions.into_iter().map(|v| (v.features, v.api)).unzip();
        sink(GeneratedFile { path: "Cargo.toml".into(), contents: cargo_toml(&features, &self.options) })?;
        let (lib, lib_api) = lib_rs(&features);
        sink(GeneratedFile { path: "src/lib.rs".into(), contents: lib })?;
        let mut lines: Vec<String> = RUNTIME_API.lines().map(str::to_string).chain(lib_api).collect();
        lines.extend(apis.into_iter().flatten());
        // Runs of sorted lines: the stable sort merges them in about linear time.
        lines.par_sort();
        lines.dedup();
        let mut contents = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
        for line in lines {
            contents.push_str(&line);
            contents.push('\n');
        }
        sink(GeneratedFile { path: "API.txt".into(), contents })
    }
}

/// Where `verify` finds the generated items of one version, as paths below the version's
/// module (primitives through `rt`, the runtime's alias).
pub struct ItemPaths<'a> {
    layout: VersionLayout<'a>,
    bodies: rustc_hash::FxHashMap<String, String>,
}

impl<'a> ItemPaths<'a> {
    pub fn new(model: &'a Model) -> Self {
        let layout = VersionLayout::new(model);
        let bodies = endpoints::body_struct_paths(&layout);
        ItemPaths { layout, bodies }
    }

    /// The Rust type a value of docs type `ty` reads as: the `Any…` enum of a type with
    /// derived types, the type itself, or a primitive.
    pub fn value_type(&self, ty: &str) -> String {
        types::value_type(&self.layout, 0, ty)
    }

    /// Whether a value of `ty` is held as any JSON (`Edm.Untyped`, a type without properties).
    pub fn is_any_json(&self, ty: &str) -> bool {
        match self.layout.type_index(ty) {
            Some(t) => self.layout.is_untyped(t),
            None => ty == "Edm.Untyped" || !crate::ir::EDM_TYPES.contains(&ty),
        }
    }

    /// The struct of an operation's parameters.
    pub fn body_struct(&self, operation_id: &str) -> Option<&str> {
        self.bodies.get(operation_id).map(String::as_str)
    }
}

/// Every file of the generated crate, in a fixed order.
pub fn emit_crate(models: &[Model], options: &CrateOptions) -> Vec<GeneratedFile> {
    let files = std::sync::Mutex::new(Vec::new());
    let keep = |file| {
        files.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(file);
        Ok::<(), std::convert::Infallible>(())
    };
    let emitter = CrateEmitter::new(options);
    let written = models
        .iter()
        .map(|model| {
            let Ok(written) = emitter.version(model, &keep);
            written
        })
        .collect();
    let Ok(()) = emitter.finish(written, &keep);
    files.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// All versions as one source file of inline modules, for `include!` from `OUT_DIR`; the
/// selection is fixed now, with no cargo features.
pub fn emit_single_file(models: &[Model], selection: &Selection) -> String {
    let mut out =
        String::from("// Generated by graph-docs-codegen from the Microsoft Graph reference docs. Do not edit.\n");
    out.push_str(&format!("pub mod runtime {{\n{RUNTIME_SOURCE}}}\n"));
    for model in models {
        out.push_str(&format!("#[{VERSION_ALLOWS}]\npub mod {} {{\n", version_module(&model.version)));
        let layout = VersionLayout::with_gates(model, Gates::new(model, selection, false));
        let Ok(()) = version_modules(&layout, |module| {
            match module.name {
                None => out.push_str(&module.source),
                Some(name) => out.push_str(&format!("pub mod {name} {{\n{}}}\n", module.source)),
            }
            Ok::<(), std::convert::Infallible>(())
        });
        out.push_str("}\n");
    }
    out
}

/// Each type's generated code on its own, keyed by qualified name: what snapshot tests
/// and reviewers look at one type at a time.
pub fn type_snippets(model: &Model) -> Vec<(String, String)> {
    let layout = VersionLayout::new(model);
    (0..model.types.len())
        .map(|t| {
            let mut code = Code::new("", 0);
            types::type_items(&mut code, &layout, t);
            (model.types[t].name.clone(), code.finish().0)
        })
        .collect()
}

/// Each operation's endpoint code on its own, keyed by operation id.
pub fn operation_snippets(model: &Model) -> Vec<(String, String)> {
    let layout = VersionLayout::new(model);
    let plan = endpoints::plan(&layout);
    (0..model.operations.len())
        .map(|i| {
            let mut code = Code::new("", 0);
            endpoints::operation_items(&mut code, &layout, &plan, i);
            (model.operations[i].id.clone(), code.finish().0)
        })
        .collect()
}

fn quoted_list(items: &[String]) -> String {
    items.iter().map(|f| format!("\"{f}\"")).collect::<Vec<_>>().join(", ")
}

/// A version written: its version string, its cargo features and what each enables, and
/// the condition of its module.
type VersionFeatures = (String, Vec<(String, Vec<String>)>, areas::Cfg);

fn cargo_toml(versions: &[VersionFeatures], options: &CrateOptions) -> String {
    // Each version's first feature is the version itself, its second the core.
    // Every version and the client's `http` boundary; areas are chosen without the defaults.
    let default = quoted_list(
        &versions.iter().map(|(_, f, _)| f[0].0.clone()).chain(["http".to_string()]).collect::<Vec<_>>(),
    );
    let each: String = versions
        .iter()
        .map(|(_, version, _)| {
            let lines: String =
                version.iter().map(|(name, enables)| format!("{name} = [{}]\n", quoted_list(enables))).collect();
            let (all, core) = (&version[0].0, &version[1].0);
            format!("# `{all}` enables every area; each area enables `{core}`, the types most areas share.\n{lines}")
        })
        .collect();
    format!(
        r#"# Generated by graph-docs-codegen from the Microsoft Graph reference docs. Do not edit.
[package]
name = "{name}"
version = "0.1.0"
edition = "2021"
publish = false

[dependencies]
{RUNTIME_DEPENDENCIES}{CLIENT_DEPENDENCIES}
[features]
default = [{default}]
# `http`: requests as `http::Request`, answers read from `http::Response`, `runtime::Client`
# over any transport; `reqwest`: a ready one (`runtime::Client::reqwest`); `rustls`: TLS.
http = ["dep:http"]
reqwest = ["http", "dep:reqwest", "dep:tokio"]
rustls = ["reqwest", "reqwest/rustls-tls"]
{each}
[lints.rust]
unexpected_cfgs = {{ level = "warn", check-cfg = ["cfg(graph_docs_verify)"] }}
"#,
        name = options.name
    )
}

/// `src/lib.rs` and its `API.txt` lines.
fn lib_rs(versions: &[VersionFeatures]) -> (String, Vec<String>) {
    let mut code = Code::new("", 0);
    code.inner_doc(" Microsoft Graph models and endpoint stubs, generated by graph-docs-codegen from the");
    code.inner_doc(" reference docs. Do not edit: regenerate instead.");
    code.mod_declaration("runtime");
    for (version, _, cfg) in versions {
        let module = version_module(version);
        code.line("");
        code.doc(&format!(" Microsoft Graph `{version}`."));
        types::cfg_attr(&mut code, cfg);
        code.attr(VERSION_ALLOWS);
        code.mod_declaration(&module);
    }
    code.finish()
}
