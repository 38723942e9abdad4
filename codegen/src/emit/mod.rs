//! Stage 5: the model to Rust. Each item is built as a `syn` node (`syntax.rs`; `types.rs`
//! and `endpoints.rs` say what is emitted), printed by `prettyplease`, and listed in
//! `API.txt` by walking the same nodes (`api.rs`). One module per docs namespace, one
//! top-level module per version, an `endpoints` module with a file per area; output is a
//! complete crate. Modules are built, printed and listed in parallel piece by piece (a
//! type, an operation), and handed on as soon as each is done.

pub mod api;
pub mod areas;
mod endpoints;
mod examples;
mod layout;
pub mod names;
mod query;
mod syntax;
mod tree;
mod types;

use crate::ir::Model;
use areas::{Gates, Selection};
pub use examples::{percent_decode, query_decode, ExampleCalls, NoCall};
pub use layout::VersionLayout;
use quote::quote;
use rayon::prelude::*;
use syn::{Attribute, Item};
use tree::Tree;

/// The runtime, written as `src/runtime.rs`: its parts in order (`json.rs` reads and writes JSON, `client.rs` sends requests,
/// `batch.rs` sends them together, `reqwest.rs` is the `reqwest` feature's transport).
pub const RUNTIME_SOURCE: &str = concat!(
    include_str!("../../runtime/runtime.rs"),
    "\n",
    include_str!("../../runtime/query.rs"),
    include_str!("../../runtime/json.rs"),
    "\n",
    include_str!("../../runtime/client.rs"),
    "\n",
    include_str!("../../runtime/batch.rs"),
    "\n",
    include_str!("../../runtime/reqwest.rs")
);

/// The `[dependencies]` lines of the generated code: a crate that includes a generated
/// module needs them too.
pub const RUNTIME_DEPENDENCIES: &str = r#"base64 = "0.22"
chrono = { version = "0.4", default-features = false, features = ["serde", "std"] }
percent-encoding = "2"
rust_decimal = { version = "1", default-features = false, features = ["serde", "std"] }
serde = "1"
serde_json = { version = "1", features = ["raw_value"] }
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
    /// The package version (`Cargo.toml`).
    pub version: String,
    /// The operations (and so the areas and types) the crate holds.
    pub selection: Selection,
}

impl Default for CrateOptions {
    fn default() -> Self {
        CrateOptions { name: "graph-docs-generated".into(), version: "0.1.0".into(), selection: Selection::default() }
    }
}

/// The version's module name: `v1.0` → `v1_0`.
pub fn version_module(version: &str) -> String {
    names::field_name(version)
}

/// Lints that generated names cannot always avoid (enum members sharing a suffix).
fn version_allows() -> Attribute {
    syntax::list_attr("allow", quote!(clippy::large_enum_variant, clippy::enum_variant_names))
}

/// A module of one version's output, in the order they are written.
#[derive(Clone, Copy)]
enum Unit {
    /// The layout's module of one namespace; the root module is 0.
    Namespace(usize),
    /// The `endpoints` module: its docs and a declaration per area.
    Endpoints,
    /// One module of `endpoints`, by the tree's file index.
    File(usize),
}

/// A written module: its path below the version (None for the version's root, `endpoints`,
/// `endpoints::users`), source and `API.txt` lines.
struct Module {
    name: Option<String>,
    source: String,
    api: Vec<String>,
}

/// A piece of a module, built, listed and printed on its own (in parallel with the others:
/// syntax trees cannot cross threads, so a piece names what to build).
#[derive(Clone, Copy)]
enum Piece {
    /// A namespace module's docs and runtime import.
    NamespaceHeader(usize),
    Type(usize),
    /// The submodule declarations that end the version's root module.
    RootTail,
    /// The `endpoints` module: its docs, `Graph` and a declaration per module.
    EndpointsHeader,
    /// A module of `endpoints`: its runtime import.
    FileHeader,
    /// A node of the request tree.
    Node(usize),
}

/// The module's name below the version and its pieces, in order.
fn unit_pieces(layout: &VersionLayout, tree: &Tree, unit: Unit) -> (Option<String>, Vec<Piece>) {
    match unit {
        Unit::Namespace(m) => {
            let info = &layout.modules[m];
            let mut pieces = vec![Piece::NamespaceHeader(m)];
            pieces.extend(info.types.iter().map(|&t| Piece::Type(t)));
            if info.name.is_none() {
                pieces.push(Piece::RootTail);
            }
            (info.name.clone(), pieces)
        }
        Unit::Endpoints => (Some("endpoints".to_string()), vec![Piece::EndpointsHeader]),
        Unit::File(f) => {
            let file = &tree.files[f];
            let mut pieces = vec![Piece::FileHeader];
            pieces.extend(file.nodes.iter().map(|&n| Piece::Node(n)));
            (Some(format!("endpoints::{}", file.module)), pieces)
        }
    }
}

/// `pub mod name;` for each namespace module below the root, then `endpoints` when an area
/// is selected: the end of the version's root module.
fn submodule_declarations(layout: &VersionLayout, tree: &Tree) -> Vec<Item> {
    let names = layout.modules.iter().filter_map(|m| m.name.as_deref());
    let endpoints = (!tree.files.is_empty()).then_some("endpoints");
    names.chain(endpoints).map(|name| syntax::module_declaration(Vec::new(), name)).collect()
}

/// A piece's inner attributes and items.
fn piece_items(layout: &VersionLayout, tree: &Tree, piece: Piece) -> (Vec<Attribute>, Vec<Item>) {
    match piece {
        Piece::NamespaceHeader(m) => types::module_header(layout, m),
        Piece::Type(t) => (Vec::new(), types::type_items(layout, t)),
        Piece::RootTail => (Vec::new(), submodule_declarations(layout, tree)),
        Piece::EndpointsHeader => endpoints::module_items(layout, tree),
        Piece::FileHeader => (Vec::new(), vec![endpoints::file_header()]),
        Piece::Node(n) => (Vec::new(), endpoints::node_items(layout, tree, n)),
    }
}

/// Items printed as a file by `prettyplease`.
fn print(attrs: Vec<Attribute>, items: Vec<Item>) -> String {
    prettyplease::unparse(&syn::File { shebang: None, attrs, items })
}

/// The units of one version, in the order they are written: the namespaces' modules (the
/// root first), then `endpoints` and its modules when a request is selected.
fn units(layout: &VersionLayout, tree: &Tree) -> Vec<Unit> {
    let namespaces = (0..layout.modules.len()).map(Unit::Namespace);
    let endpoints = (!tree.files.is_empty()).then_some(Unit::Endpoints);
    let files = endpoints.iter().flat_map(|_| (0..tree.files.len()).map(Unit::File)).collect::<Vec<_>>();
    namespaces.chain(endpoints).chain(files).collect()
}

/// A module written: built, listed and printed piece by piece in parallel, the pieces'
/// sources joined in order (a module's items printed on their own print as they would
/// together), the API lines sorted.
fn write_module(layout: &VersionLayout, tree: &Tree, unit: Unit) -> Module {
    let version = version_module(&layout.model.version);
    let (name, pieces) = unit_pieces(layout, tree, unit);
    let path = name.as_ref().map_or_else(|| version.clone(), |name| format!("{version}::{name}"));
    let written: Vec<(String, Vec<String>)> = pieces
        .par_iter()
        .map(|piece| {
            let (inner, items) = piece_items(layout, tree, *piece);
            let api = api::lines(&path, &items);
            (print(inner, items), api)
        })
        .collect();
    let mut source = String::with_capacity(written.iter().map(|(s, _)| s.len()).sum());
    let mut api = Vec::with_capacity(written.iter().map(|(_, a)| a.len()).sum());
    for (piece, lines) in written {
        source.push_str(&piece);
        api.extend(lines);
    }
    api.par_sort_unstable();
    Module { name, source, api }
}

/// One version's modules, each handed to `sink` as soon as it is written. A module is
/// handed on while the next one is written.
fn version_modules<E: Send>(
    layout: &VersionLayout,
    mut sink: impl FnMut(Module) -> Result<(), E> + Send,
) -> Result<(), E> {
    let tree = tree::build(layout);
    let mut written: Option<Module> = None;
    for unit in units(layout, &tree) {
        let (handed, next) =
            rayon::join(|| written.take().map_or(Ok(()), &mut sink), || write_module(layout, &tree, unit));
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
        let mut api = Vec::new();
        version_modules(&layout, |module| {
            api.extend(module.api);
            let path = match module.name {
                None => format!("src/{version}/mod.rs"),
                // An area's file sits beside the `endpoints/mod.rs` that declares it.
                Some(name) if name == "endpoints" => format!("src/{version}/endpoints/mod.rs"),
                Some(name) => format!("src/{version}/{}.rs", name.replace("::", "/")),
            };
            sink(GeneratedFile { path, contents: module.source })
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
        let (lib, lib_api) = lib_rs(&features, &self.options.name);
        sink(GeneratedFile { path: "src/lib.rs".into(), contents: lib })?;
        let mut lines: Vec<String> = runtime_api().into_iter().chain(lib_api).collect();
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

    /// For typed queries on values of `ty`: the struct whose consts name its properties
    /// (`User`), and each property with its const (`DISPLAY_NAME`).
    pub fn query_fields(&self, ty: &str) -> Option<(String, Vec<(&crate::ir::Property, String)>)> {
        let t = self.layout.type_index(ty).filter(|&t| !self.layout.is_untyped(t))?;
        let ident = &self.layout.ident[t];
        let path = match &self.layout.modules[self.layout.module_of[t]].name {
            Some(module) => format!("{module}::{ident}"),
            None => ident.clone(),
        };
        (self.layout.def(t).kind != crate::ir::TypeKind::Enum).then(|| (path, query::consts(&self.layout, t)))
    }

    /// Whether `ty` is an enum type.
    pub fn is_enum(&self, ty: &str) -> bool {
        self.layout.type_index(ty).is_some_and(|t| self.layout.def(t).kind == crate::ir::TypeKind::Enum)
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
    let versions = models
        .iter()
        .map(|model| {
            let layout = VersionLayout::with_gates(model, Gates::new(model, selection, false));
            let tree = tree::build(&layout);
            // Modules by their path below the version; each is nested in its parent.
            let mut modules: Vec<(Option<String>, Vec<Attribute>, Vec<Item>)> = units(&layout, &tree)
                .into_iter()
                .map(|unit| {
                    let (name, pieces) = unit_pieces(&layout, &tree, unit);
                    let (mut inner, mut items) = (Vec::new(), Vec::new());
                    for piece in &pieces {
                        let (attrs, piece_items) = piece_items(&layout, &tree, *piece);
                        inner.extend(attrs);
                        items.extend(piece_items);
                    }
                    (name, inner, items)
                })
                .collect();
            // Innermost first: an area into `endpoints`, then every module into the root.
            while let Some(at) = modules.iter().rposition(|(name, _, _)| name.is_some()) {
                let (name, inner, items) = modules.remove(at);
                let name = name.unwrap_or_default();
                let (parent, child) = name.rsplit_once("::").map_or((None, name.as_str()), |(p, c)| (Some(p), c));
                let declared_in = modules.iter_mut().find(|(n, _, _)| n.as_deref() == parent);
                if let Some((_, _, parent_items)) = declared_in {
                    inline_declared(parent_items, child, inner, items);
                }
            }
            let (_, inner, items) = modules.pop().unwrap_or_default();
            let mut attrs = vec![version_allows()];
            attrs.extend(inner);
            syntax::inline_module(attrs, &version_module(&model.version), items)
        })
        .collect();
    out.push_str(&print(Vec::new(), versions));
    out
}

/// The declaration `pub mod child;` among `items` given the module's items inline.
fn inline_declared(items: &mut [Item], child: &str, inner: Vec<Attribute>, content: Vec<Item>) {
    for item in items {
        if let Item::Mod(m) = item {
            if m.ident == child && m.content.is_none() {
                m.attrs.extend(inner);
                m.content = Some((Default::default(), content));
                m.semi = None;
                return;
            }
        }
    }
}

/// Items printed as a snippet.
fn snippet(items: Vec<Item>) -> String {
    print(Vec::new(), items)
}

/// Each type's generated code on its own, keyed by qualified name: what snapshot tests
/// and reviewers look at one type at a time.
pub fn type_snippets(model: &Model) -> Vec<(String, String)> {
    let layout = VersionLayout::new(model);
    (0..model.types.len()).map(|t| (model.types[t].name.clone(), snippet(types::type_items(&layout, t)))).collect()
}

/// Each node of the request tree's code on its own, keyed by its module and name
/// (`users::UserEvents`).
pub fn node_snippets(model: &Model) -> Vec<(String, String)> {
    let layout = VersionLayout::new(model);
    let tree = tree::build(&layout);
    (0..tree.nodes.len())
        .map(|n| {
            let node = &tree.nodes[n];
            let name = format!("{}::{}", tree.files[node.file].module, node.name);
            (name, snippet(endpoints::node_items(&layout, &tree, n)))
        })
        .collect()
}

/// What the request tree of a version holds, for reports and tests.
pub struct RequestTree {
    /// Each request as (method, URL with `x` for each value, operation id).
    pub requests: Vec<(String, String, String)>,
    pub nodes: usize,
    /// The longest node name (a type), and the longest method name of a step or request.
    pub longest_type: String,
    pub longest_method: String,
}

/// The request tree of every operation of `model`.
pub fn request_tree(model: &Model) -> RequestTree {
    let layout = VersionLayout::new(model);
    let tree = tree::build(&layout);
    let mut requests = Vec::new();
    let (mut longest_type, mut longest_method) = (String::new(), String::new());
    for (n, node) in tree.nodes.iter().enumerate() {
        for verb in &node.verbs {
            let op = &model.operations[verb.operation];
            requests.push((op.method.clone(), tree.url(n), op.id.clone()));
        }
        let methods = node.edges.iter().map(|e| &e.method).chain(node.verbs.iter().map(|v| &v.method));
        for method in methods {
            if method.len() > longest_method.len() {
                longest_method = method.clone();
            }
        }
        if node.name.len() > longest_type.len() {
            longest_type = node.name.clone();
        }
    }
    RequestTree { requests, nodes: tree.nodes.len(), longest_type, longest_method }
}

/// The runtime's `API.txt` lines, from its syntax tree.
fn runtime_api() -> Vec<String> {
    // The runtime is this crate's own source, which a test compiles; it always parses.
    let runtime = syn::parse_file(RUNTIME_SOURCE).expect("the runtime parses");
    api::lines("runtime", &runtime.items)
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
    let default =
        quoted_list(&versions.iter().map(|(_, f, _)| f[0].0.clone()).chain(["http".to_string()]).collect::<Vec<_>>());
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
version = "{version}"
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
[package.metadata.docs.rs]
all-features = true
rustdoc-args = ["--cfg", "docsrs"]

[lints.rust]
unexpected_cfgs = {{ level = "warn", check-cfg = ["cfg(graph_docs_verify)"] }}
"#,
        name = options.name,
        version = options.version
    )
}

/// The crate's front page (`lib.rs` docs), `CRATE` standing for the crate's name as a path.
/// The first program's request is text only (`ignore`): it names endpoints, which the
/// selection may leave out.
const CRATE_DOCS: &str = r#"Microsoft Graph models and endpoint stubs, generated by graph-docs-codegen from the
reference docs. Do not edit: regenerate instead.

# A first program

```ignore
use CRATE::runtime::Page;
use CRATE::v1_0::{AnyRecipient, EmailAddress, Graph, Message, Recipient, User};

// A request is data (method, URL, query, headers, typed body) for any HTTP client to send.
let request = Graph::users().list().select((User::DISPLAY_NAME, User::MAIL)).top(5).into_request();
let url = request.url("https://graph.microsoft.com/v1.0");
// Send it with the client of your choice; the body reads as the endpoint's response type.
let users: Page<User> = serde_json::from_str(&body)?;

// Every field is an `Option`, a struct in it boxed. A value declared as a type that has
// derived types is an `Any…` enum, made from any of them with `.into()`.
let to: AnyRecipient = Recipient {
    email_address: Some(EmailAddress { address: Some("ada@contoso.com".into()), ..Default::default() }.into()),
    ..Default::default()
}
.into();
let message = Message { subject: Some("Hello".into()), to_recipients: Some(vec![to]), ..Default::default() };
let first: Option<&Recipient> = message.to_recipients.iter().flatten().find_map(AnyRecipient::as_recipient);
```

# Reading these docs

- A field's docs end with its JSON name, the name `$select`, `$filter` and `$orderby`
  take, and the page and line of the reference docs that list it; a type's and an
  endpoint's docs link to their page on Microsoft Learn.
- `Any<Type>` enums hold a value of `Type` or of a type derived from it, read as the type
  its `@odata.type` names. `From` makes one from any variant's type; `as_<variant>` and
  `into_<variant>` (the variant's name in snake case) give the value when it was read as
  exactly that type.
- Each version is a module behind a feature (`v1_0`, `beta`) that turns on all of its
  areas; an area's feature (`v1_0-users`) compiles its endpoints and the types they need.
  An item's badge names the features that compile it."#;

/// `src/lib.rs` and its `API.txt` lines.
fn lib_rs(versions: &[VersionFeatures], crate_name: &str) -> (String, Vec<String>) {
    let crate_path = crate_name.replace('-', "_");
    let mut inner: Vec<Attribute> = CRATE_DOCS
        .replace("CRATE", &crate_path)
        .lines()
        .map(|line| syntax::inner_doc(&if line.is_empty() { String::new() } else { format!(" {line}") }))
        .collect();
    // The items' `doc(cfg)` badges need the feature, which docs.rs builds with (`docsrs`).
    inner.push(syntax::inner_list_attr("cfg_attr", quote!(docsrs, feature(doc_cfg))));
    let mut items = vec![syntax::module_declaration(Vec::new(), "runtime")];
    for (version, _, cfg) in versions {
        let mut attrs = vec![syntax::doc(&format!(" Microsoft Graph `{version}`."))];
        types::cfg_attr(&mut attrs, cfg);
        attrs.push(version_allows());
        items.push(syntax::module_declaration(attrs, &version_module(version)));
    }
    let api = api::lines("", &items);
    (print(inner, items), api)
}
