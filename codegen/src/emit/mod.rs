//! Stage 5: the model to Rust source, formatted with prettyplease. One module per docs
//! namespace, one top-level module per version; output is a complete crate.

mod api_listing;
mod endpoints;
mod layout;
pub mod names;
mod types;

use crate::ir::Model;
pub use endpoints::area;
pub use layout::VersionLayout;

pub const RUNTIME_SOURCE: &str = include_str!("../../runtime/runtime.rs");

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Relative to the crate root, with `/` separators.
    pub path: String,
    pub contents: String,
}

#[derive(Debug, Clone)]
pub struct CrateOptions {
    pub name: String,
}

impl Default for CrateOptions {
    fn default() -> Self {
        CrateOptions { name: "graph-docs-generated".into() }
    }
}

/// The version's module name: `v1.0` → `v1_0`.
pub fn version_module(version: &str) -> String {
    names::field_name(version)
}

fn parse(tokens: proc_macro2::TokenStream, what: &str) -> Result<syn::File, String> {
    syn::parse2(tokens).map_err(|e| format!("generated code for {what} does not parse: {e} (a generator bug)"))
}

fn format(tokens: proc_macro2::TokenStream, what: &str) -> Result<String, String> {
    Ok(prettyplease::unparse(&parse(tokens, what)?))
}

/// Lints that generated names cannot always avoid (enum members sharing a suffix).
const VERSION_ALLOWS: &str = "#[allow(clippy::large_enum_variant, clippy::enum_variant_names)]";

/// A formatted module: its name (None for the version's root), source and `API.txt` lines.
type Formatted = (Option<String>, String, Vec<String>);

/// One version's modules, formatted. The namespaces' modules come first, then `endpoints`
/// when the version has operations.
fn version_modules(model: &Model) -> Result<Vec<Formatted>, String> {
    use rayon::prelude::*;
    let layout = VersionLayout::new(model);
    let plan = endpoints::plan(model);
    (0..=layout.modules.len())
        .into_par_iter()
        .filter_map(|m| {
            let (name, tokens) = match layout.modules.get(m) {
                Some(module) => (module.name.clone(), types::module(&layout, m)),
                None => (Some("endpoints".to_string()), endpoints::module(&layout, &plan)?),
            };
            let what = format!("{} module {}", model.version, name.as_deref().unwrap_or("(root)"));
            let path =
                std::iter::once(version_module(&model.version)).chain(name.clone()).collect::<Vec<_>>().join("::");
            // The listing walks the parsed items: parsing a large module twice costs seconds.
            Some(
                parse(tokens, &what)
                    .map(|file| (name, prettyplease::unparse(&file), api_listing::file_lines(&path, &file))),
            )
        })
        .collect()
}

/// Where `verify` finds the generated items of one version, as paths below the version's
/// module (primitives through `rt`, the runtime's alias).
pub struct ItemPaths<'a> {
    layout: VersionLayout<'a>,
    bodies: std::collections::HashMap<String, String>,
}

impl<'a> ItemPaths<'a> {
    pub fn new(model: &'a Model) -> Self {
        ItemPaths { layout: VersionLayout::new(model), bodies: endpoints::body_struct_paths(model) }
    }

    /// The Rust type a value of docs type `ty` reads as: the `Any…` enum of a type with
    /// derived types, the type itself, or a primitive.
    pub fn value_type(&self, ty: &str) -> String {
        // Token spacing (`call_records :: CallRecord`) is dropped: a path holds no spaces.
        types::value_type(&self.layout, 0, ty).to_string().replace(' ', "")
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
pub fn emit_crate(models: &[Model], options: &CrateOptions) -> Result<Vec<GeneratedFile>, String> {
    let mut files = vec![
        GeneratedFile { path: "Cargo.toml".into(), contents: cargo_toml(models, options) },
        GeneratedFile { path: "src/lib.rs".into(), contents: lib_rs(models) },
        GeneratedFile { path: "src/runtime.rs".into(), contents: RUNTIME_SOURCE.to_string() },
    ];
    let mut api = Vec::new();
    for file in &files {
        api.extend(api_listing::source_lines(file)?);
    }
    for model in models {
        let dir = format!("src/{}", version_module(&model.version));
        let modules = version_modules(model)?;
        let declarations: String =
            modules.iter().filter_map(|(name, _, _)| name.as_ref()).map(|n| format!("pub mod {n};\n")).collect();
        for (name, source, lines) in modules {
            api.extend(lines);
            let (path, contents) = match name {
                None => (format!("{dir}/mod.rs"), format!("{source}\n{declarations}")),
                Some(name) => {
                    api.push(format!("{}::{name} mod", version_module(&model.version)));
                    (format!("{dir}/{name}.rs"), source)
                }
            };
            files.push(GeneratedFile { path, contents });
        }
    }
    files.push(GeneratedFile { path: "API.txt".into(), contents: api_listing::render(api) });
    Ok(files)
}

/// All versions as one source file of inline modules, for `include!` from `OUT_DIR`.
pub fn emit_single_file(models: &[Model]) -> Result<String, String> {
    let mut out =
        String::from("// Generated by graph-docs-codegen from the Microsoft Graph reference docs. Do not edit.\n");
    out.push_str(&format!("pub mod runtime {{\n{RUNTIME_SOURCE}}}\n"));
    for model in models {
        let mut modules = version_modules(model)?.into_iter();
        let root = modules.next().map(|(_, source, _)| source).unwrap_or_default();
        out.push_str(&format!("{VERSION_ALLOWS}\npub mod {} {{\n{root}", version_module(&model.version)));
        for (name, source, _) in modules {
            out.push_str(&format!("pub mod {} {{\n{source}}}\n", name.unwrap_or_default()));
        }
        out.push_str("}\n");
    }
    Ok(out)
}

/// Each type's generated code on its own, keyed by qualified name: what snapshot tests
/// and reviewers look at one type at a time.
pub fn type_snippets(model: &Model) -> Result<Vec<(String, String)>, String> {
    let layout = VersionLayout::new(model);
    (0..model.types.len())
        .map(|t| {
            let name = &model.types[t].name;
            Ok((name.clone(), format(types::type_items(&layout, t), name)?))
        })
        .collect()
}

/// Each operation's endpoint code on its own, keyed by operation id.
pub fn operation_snippets(model: &Model) -> Result<Vec<(String, String)>, String> {
    let layout = VersionLayout::new(model);
    let plan = endpoints::plan(model);
    endpoints::operation_items_by_id(&layout, &plan)
        .into_iter()
        .map(|(id, tokens)| Ok((id.clone(), format(tokens, &id)?)))
        .collect()
}

fn cargo_toml(models: &[Model], options: &CrateOptions) -> String {
    let features: Vec<String> = models.iter().map(|m| version_module(&m.version)).collect();
    let default = features.iter().map(|f| format!("\"{f}\"")).collect::<Vec<_>>().join(", ");
    let each = features.iter().map(|f| format!("{f} = []\n")).collect::<String>();
    format!(
        r#"# Generated by graph-docs-codegen from the Microsoft Graph reference docs. Do not edit.
[package]
name = "{name}"
version = "0.1.0"
edition = "2021"
publish = false

[dependencies]
base64 = "0.22"
chrono = {{ version = "0.4", default-features = false, features = ["serde", "std"] }}
percent-encoding = "2"
rust_decimal = {{ version = "1", default-features = false, features = ["serde", "std"] }}
serde = {{ version = "1", features = ["derive"] }}
serde_json = "1"
uuid = {{ version = "1", default-features = false, features = ["serde", "std"] }}

[features]
default = [{default}]
{each}
[lints.rust]
unexpected_cfgs = {{ level = "warn", check-cfg = ["cfg(graph_docs_verify)"] }}
"#,
        name = options.name
    )
}

fn lib_rs(models: &[Model]) -> String {
    let mut out = String::from(
        "//! Microsoft Graph models and endpoint stubs, generated by graph-docs-codegen from the\n\
         //! reference docs. Do not edit: regenerate instead.\n\
         pub mod runtime;\n",
    );
    for model in models {
        let m = version_module(&model.version);
        out.push_str(&format!(
            "\n/// Microsoft Graph `{}`.\n#[cfg(feature = \"{m}\")]\n{VERSION_ALLOWS}\npub mod {m};\n",
            model.version
        ));
    }
    out
}
