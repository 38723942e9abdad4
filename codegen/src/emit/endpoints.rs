//! Endpoints: per version an `endpoints` module holding the tree of requests (`tree.rs`):
//! `Graph`, the root, then one module per first path segment with a struct per node of the
//! tree. A node's methods take the steps that lead on from it (`users()`, `item(id)`,
//! `events()`, a function with its arguments) and build the requests it answers (`get`,
//! `list`, `create`, `update`, `delete`, `put`, `post`) as the runtime's `Get`, `List` or
//! `Call`, which carry the OData options the protocol gives each kind of request. Actions
//! that take parameters get a body struct. Nothing here sends requests.

use super::areas::Cfg;
use super::layout::VersionLayout;
use super::names::{self, Scope};
use super::syntax::{self as s, SelfArg};
use super::tree::{Node, Tree};
use super::types::{
    cfg_attr, cfg_attrs, code_span, doc_line, is_lenient, json_object, nulls_field, source_line, value_type, JsonField,
    ObjectKind,
};
use crate::ir::{is_edm, Operation, Permissions, RequestBody, Step, TypeKind};
use quote::quote;
use syn::{Attribute, Expr, ImplItem, Item, Type};

/// Each action's body struct as a path below the version's module, by operation id.
pub fn body_struct_paths(layout: &VersionLayout) -> rustc_hash::FxHashMap<String, String> {
    let tree = super::tree::build(layout);
    let mut paths = rustc_hash::FxHashMap::default();
    for node in &tree.nodes {
        for verb in &node.verbs {
            if let Some(body) = &verb.body {
                let module = &tree.files[node.file].module;
                paths
                    .insert(layout.model.operations[verb.operation].id.clone(), format!("endpoints::{module}::{body}"));
            }
        }
    }
    paths
}

/// A docs type seen from an area module, three levels below the crate root.
fn type_of(layout: &VersionLayout, ty: &str) -> Type {
    let path = value_type(layout, 0, ty);
    if layout.type_index(ty).is_some() {
        s::named(&format!("super::super::{path}"))
    } else {
        s::named(&path)
    }
}

/// A path parameter's Rust type and its value as path text (`&str` for the `rt` encoders).
/// The docs type of a function's argument: its path parameter's (`{x}` or `{x-value}`),
/// else a string.
pub(super) fn argument_type<'o>(op: &'o Operation, argument: &str) -> &'o str {
    op.path_parameters
        .iter()
        .find(|p| {
            p.name.eq_ignore_ascii_case(argument) || p.name.trim_end_matches("-value").eq_ignore_ascii_case(argument)
        })
        .map_or("Edm.String", |p| p.ty.as_str())
}

fn path_argument(layout: &VersionLayout, ty: &str, arg: &str) -> (Type, Expr) {
    let text = |method: &str| s::borrow(s::method_call(s::path_expr(arg), method, Vec::new()), false);
    match ty {
        "Edm.Int16" | "Edm.Int32" | "Edm.Int64" | "Edm.Byte" | "Edm.SByte" | "Edm.Boolean" | "Edm.Date"
        | "Edm.TimeOfDay" | "Edm.Guid" | "Edm.Decimal" | "Edm.Duration" => {
            (s::named(&value_type(layout, 0, ty)), text("to_string"))
        }
        "Edm.Double" | "Edm.Single" => (s::named("f64"), text("to_string")),
        "Edm.DateTimeOffset" => (s::named(&value_type(layout, 0, ty)), text("to_rfc3339")),
        _ => match layout.type_index(ty) {
            Some(t) if layout.def(t).kind == TypeKind::Enum => {
                (type_of(layout, ty), s::method_call(s::path_expr(arg), "as_str", Vec::new()))
            }
            _ => (s::reference(s::named("str")), s::path_expr(arg)),
        },
    }
}

fn body_type(layout: &VersionLayout, op: &Operation, body_struct: Option<&str>) -> Type {
    match (&op.request_body, body_struct) {
        (Some(RequestBody::Type { ty, collection }), _) => {
            let one = if ty == "Edm.Stream" { s::named("rt::Content") } else { type_of(layout, ty) };
            if *collection {
                s::generic("Vec", vec![one])
            } else {
                one
            }
        }
        (Some(RequestBody::Parameters { .. }), Some(body)) => s::named(body),
        _ => s::unit(),
    }
}

fn response_type(layout: &VersionLayout, op: &Operation) -> Type {
    let Some(response) = &op.response else { return s::unit() };
    // A `202 Accepted` without a body is a long-running operation: its answer says where to
    // ask how it goes.
    if response.status == 202 && response.ty.is_none() {
        return s::named("rt::Accepted");
    }
    let Some(ty) = response.ty.as_deref().filter(|_| response.status != 204) else { return s::unit() };
    let one = type_of(layout, ty);
    match ty {
        "Edm.Stream" => s::named("rt::Content"),
        _ if response.collection => s::generic("rt::Page", vec![one]),
        "Edm.Untyped" => one,
        // A primitive result comes wrapped in an object.
        _ if is_edm(ty) => s::generic("rt::Value", vec![one]),
        _ => one,
    }
}

/// `delegated (work or school account) `A`, `B`; application `C`` for one tier of scopes.
fn scope_groups(work: &[String], personal: &[String], application: &[String]) -> Vec<String> {
    let groups = [
        ("delegated (work or school account)", work),
        ("delegated (personal Microsoft account)", personal),
        ("application", application),
    ];
    groups
        .iter()
        .filter(|(_, scopes)| !scopes.is_empty())
        .map(|(who, scopes)| format!("{who} {}", scopes.iter().map(|s| code_span(s)).collect::<Vec<_>>().join(", ")))
        .collect()
}

/// The permissions paragraph of a request's docs: the least privileged scopes, the higher
/// privileged ones where the page lists them, then its scenarios and role notes.
fn permissions_docs(p: &Permissions) -> Vec<Attribute> {
    let least = scope_groups(&p.delegated_work, &p.delegated_personal, &p.application);
    let mut attrs = vec![if least.is_empty() {
        s::doc(" Permissions: none listed.")
    } else {
        s::doc(&format!(" Permissions: {}.", least.join("; ")))
    }];
    let higher = &p.higher_privileged;
    let higher = scope_groups(&higher.delegated_work, &higher.delegated_personal, &higher.application);
    if !higher.is_empty() {
        attrs.push(s::doc(""));
        attrs.push(s::doc(&format!(" Higher privileged: {}.", higher.join("; "))));
    }
    for text in p.scenarios.iter().chain(&p.notes) {
        attrs.push(s::doc(""));
        attrs.push(s::doc(&format!(" {}", doc_line(text))));
    }
    attrs
}

/// Headers a transport sets itself.
const TRANSPORT_HEADERS: &[&str] = &["authorization", "content-type", "content-length"];

/// `#[inline]` on the tree's methods: a crate using the endpoints then compiles machine
/// code only for the requests it builds, not for every request of its areas.
fn inline() -> Attribute {
    s::word_attr("inline")
}

/// When an item used by the operations of `areas` is compiled: with any of their features,
/// without a condition when that is always true where it stands (`within`).
fn areas_cfg(layout: &VersionLayout, areas: &[usize], within: &[usize]) -> Cfg {
    if areas == within {
        return Cfg::Always;
    }
    let any: Vec<Cfg> = areas.iter().map(|&a| layout.gates.area_cfg(a)).collect();
    let mut features = Vec::new();
    for cfg in any {
        match cfg {
            Cfg::When(f) => features.extend(f),
            Cfg::Always => return Cfg::Always,
            Cfg::Omit => {}
        }
    }
    if features.is_empty() {
        Cfg::Always
    } else {
        Cfg::When(features)
    }
}

/// A node's type seen from the `endpoints` module, or from a file module (`None`).
fn node_path(tree: &Tree, n: usize, from_root: bool) -> String {
    let node = &tree.nodes[n];
    if from_root {
        format!("{}::{}", tree.files[node.file].module, node.name)
    } else {
        node.name.clone()
    }
}

/// The entity type whose items a key step reaches: what the item's `get`, or the
/// collection's `list` or `create`, answers or takes; None where that is not an entity
/// with an id compiled wherever the step is.
fn key_type(layout: &VersionLayout, tree: &Tree, from: Option<usize>, target: usize) -> Option<Type> {
    let verbs =
        |n: usize| tree.nodes[n].verbs.iter().map(move |v| (v.method.as_str(), &layout.model.operations[v.operation]));
    let item = verbs(target).find(|(m, _)| *m == "get").and_then(|(_, op)| op.response.as_ref()?.ty.as_deref());
    let collection = from.into_iter().flat_map(verbs).find_map(|(m, op)| match (m, &op.request_body) {
        ("list", _) => op.response.as_ref()?.ty.as_deref(),
        ("create", Some(RequestBody::Type { ty, collection: false })) => Some(ty.as_str()),
        _ => None,
    });
    let t = layout.type_index(item.or(collection)?)?;
    let def = layout.def(t);
    let has_id = layout.lineage(t).iter().any(|&o| layout.def(o).properties.iter().any(|p| p.name == "id"));
    let compiled = layout.gates.compiled_with(t, &tree.nodes[target].areas);
    (def.kind == TypeKind::Entity && has_id && compiled && !layout.is_untyped(t))
        .then(|| s::named(&format!("super::super::{}", value_struct(layout, t))))
}

/// A type's struct seen from the version's root module (not its `Any…` enum).
fn value_struct(layout: &VersionLayout, t: usize) -> String {
    match &layout.modules[layout.module_of[t]].name {
        Some(module) => format!("{module}::{}", layout.ident[t]),
        None => layout.ident[t].clone(),
    }
}

/// The expression that writes a step into the path held in `self.0`, and the arguments
/// the step takes. A key of a known entity type takes `rt::ItemKey` of that type.
fn step_expr(
    layout: &VersionLayout,
    step: &Step,
    operation: &Operation,
    key: Option<Type>,
    path: Expr,
) -> (Vec<syn::FnArg>, Expr) {
    match step {
        Step::Segment(segment) => (Vec::new(), s::call("rt::push_segment", vec![path, s::string(segment)])),
        Step::Key(name) => {
            let arg = names::field_name(name);
            let (ty, value) = match key {
                Some(entity) => {
                    let key = s::generic("rt::ItemKey", vec![entity]);
                    let into = s::impl_trait(s::path_with("Into", vec![key]));
                    let key = s::method_call(s::path_expr(&arg), "into", Vec::new());
                    let value = s::method_call(key, "as_str", Vec::new());
                    (into, value)
                }
                None => (s::reference(s::named("str")), s::path_expr(&arg)),
            };
            (vec![s::param(&arg, ty)], s::call("rt::push_key", vec![path, value]))
        }
        Step::ItemPath(name) => {
            let arg = names::field_name(name);
            let param = s::param(&arg, s::reference(s::named("str")));
            (vec![param], s::call("rt::push_item_path", vec![path, s::path_expr(&arg)]))
        }
        Step::Function { name, arguments } => {
            let mut scope = Scope::default();
            let (mut params, mut written) = (Vec::new(), Vec::new());
            for (argument, quoted) in arguments {
                let arg = scope.claim(names::field_name(argument));
                let (rust, text) = path_argument(layout, argument_type(operation, argument), &arg);
                params.push(s::param(&arg, rust));
                written.push(s::tuple(vec![s::string(argument), text, s::boolean(*quoted)]));
            }
            let arguments = s::borrow(s::array(written), false);
            (params, s::call("rt::push_function", vec![path, s::string(name), arguments]))
        }
        Step::Repeat => (Vec::new(), path),
    }
}

/// The method of a node (or of `Graph`) that takes one step, to node `target`.
fn step_method(
    layout: &VersionLayout,
    tree: &Tree,
    edge: (&str, &Step, usize, usize),
    from: Option<usize>,
) -> ImplItem {
    let (method, step, target, operation) = edge;
    let op = &layout.model.operations[operation];
    let from_root = from.is_none();
    let start = match from {
        // `Graph::users()` starts the path.
        None => s::call("String::new", Vec::new()),
        Some(_) => s::field_access(s::path_expr("self"), "0"),
    };
    let key = matches!(step, Step::Key(_)).then(|| key_type(layout, tree, from, target)).flatten();
    let (params, path) = step_expr(layout, step, op, key, start);
    let target_path = node_path(tree, target, from_root);
    let body = vec![s::tail(s::call(&target_path, vec![path]))];
    let receiver = if from_root { SelfArg::None } else { SelfArg::Value };
    let sig = s::signature(method, receiver, params, Some(s::named(&target_path)));
    let mut attrs = vec![s::doc(&format!(" {}: on to [`{target_path}`].", code_span(&step_text(step))))];
    let within = from.map_or(&[][..], |f| tree.nodes[f].areas.as_slice());
    cfg_attr(&mut attrs, &areas_cfg(layout, &tree.nodes[target].areas, within));
    attrs.push(inline());
    s::method(attrs, s::public(), sig, body)
}

/// A step as the docs write it.
fn step_text(step: &Step) -> String {
    match step {
        Step::Segment(segment) => format!("/{segment}"),
        Step::Key(name) => format!("/{{{name}}}"),
        Step::ItemPath(name) => format!(":/{{{name}}}:"),
        Step::Function { name, arguments } => {
            let list: Vec<String> = arguments
                .iter()
                .map(|(a, quoted)| if *quoted { format!("{a}='{{{a}}}'") } else { format!("{a}={{{a}}}") })
                .collect();
            format!("/{name}({})", list.join(","))
        }
        Step::Repeat => "/...".to_string(),
    }
}

/// The docs of a request: the operation's title and description, its paths, permissions,
/// documented options and headers, and where it is documented.
fn verb_docs(op: &Operation) -> Vec<Attribute> {
    let title = if op.name.trim().is_empty() { &op.id } else { &op.name };
    let mut attrs = vec![s::doc(&format!(" {}", doc_line(title)))];
    let description = doc_line(&op.description);
    if !description.is_empty() {
        attrs.push(s::doc(""));
        attrs.push(s::doc(&format!(" {description}")));
    }
    attrs.push(s::doc(""));
    for (n, path) in op.paths.iter().enumerate() {
        // A trailing backslash breaks the line in markdown.
        let end = if n + 1 < op.paths.len() { "\\" } else { "" };
        attrs.push(s::doc(&format!(" {}{end}", code_span(&format!("{} {path}", op.method)))));
    }
    attrs.push(s::doc(""));
    attrs.extend(permissions_docs(&op.permissions));
    if !op.query_options.is_empty() {
        let options: Vec<String> = op.query_options.iter().map(|o| code_span(o)).collect();
        attrs.push(s::doc(""));
        attrs.push(s::doc(&format!(" Query options the page documents: {}.", options.join(", "))));
    }
    let headers: Vec<String> = op
        .request_headers
        .iter()
        .filter(|h| !TRANSPORT_HEADERS.contains(&h.name.to_ascii_lowercase().as_str()))
        .map(|h| format!("{}{}", code_span(&h.name), if h.required { " (required)" } else { "" }))
        .collect();
    if !headers.is_empty() {
        attrs.push(s::doc(""));
        attrs.push(s::doc(&format!(" Headers the page documents, set with `header`: {}.", headers.join(", "))));
    }
    attrs.push(s::doc(""));
    attrs.push(s::doc(&source_line(&op.source)));
    attrs
}

/// Whether the operation has a body: a typed one, or the struct of its parameters.
fn has_body(op: &Operation, verb: &super::tree::Verb) -> bool {
    matches!(op.request_body, Some(RequestBody::Type { .. })) || verb.body.is_some()
}

/// Whether the method that makes `op` at a node takes its body: `list()` and a GET's
/// `get()` take none, whatever the page declares.
pub(super) fn takes_body(op: &Operation, verb: &super::tree::Verb) -> bool {
    let reads = verb.method == "list" || (verb.method == "get" && op.method == "GET");
    has_body(op, verb) && !reads
}

/// A request a node answers: `list()`, `get()`, `create(body)`, … as the runtime's `List`,
/// `Get` or `Call`.
fn verb_method(layout: &VersionLayout, tree: &Tree, n: usize, verb: &super::tree::Verb) -> ImplItem {
    let op = &layout.model.operations[verb.operation];
    let response = response_type(layout, op);
    let has_body = has_body(op, verb);
    let path = s::field_access(s::path_expr("self"), "0");
    let (output, params, body) = match (verb.method.as_str(), has_body) {
        ("list", _) => (s::generic("rt::List", vec![response]), Vec::new(), s::call("rt::List::new", vec![path])),
        ("get", _) if op.method == "GET" => {
            (s::generic("rt::Get", vec![response]), Vec::new(), s::call("rt::Get::new", vec![path]))
        }
        (_, true) => {
            let body_type = body_type(layout, op, verb.body.as_deref());
            let new = s::call("rt::Call::with_body", vec![s::string(&op.method), path, s::path_expr("body")]);
            (s::generic("rt::Call", vec![body_type.clone(), response]), vec![s::param("body", body_type)], new)
        }
        (_, false) => {
            let new = s::call("rt::Call::new", vec![s::string(&op.method), path]);
            (s::generic("rt::Call", vec![s::unit(), response]), Vec::new(), new)
        }
    };
    let mut attrs = verb_docs(op);
    let example = op.example_requests.iter().filter(|example| example.method == op.method).find_map(|example| {
        let call = super::examples::call(layout.model, tree, n, (&verb.method, takes_body(op, verb)), &example.url);
        call.map(|call| (&example.url, call))
    });
    if let Some((url, call)) = example {
        attrs.push(s::doc(""));
        attrs.push(s::doc(&format!(" The page's example, {}:", code_span(&format!("{} {url}", op.method)))));
        attrs.push(s::doc(" ```ignore"));
        attrs.push(s::doc(&format!(" let request = {call}.into_request();")));
        attrs.push(s::doc(" ```"));
    }
    let area = tree.area_of.get(&verb.operation).copied();
    cfg_attr(&mut attrs, &areas_cfg(layout, &area.into_iter().collect::<Vec<_>>(), &tree.nodes[n].areas));
    attrs.push(inline());
    let sig = s::signature(&verb.method, SelfArg::Value, params, Some(output));
    s::method(attrs, s::public(), sig, vec![s::tail(body)])
}

/// The paths that reach a node, for its docs: one route of each of its requests.
fn node_docs(layout: &VersionLayout, node: &Node) -> Vec<Attribute> {
    let mut attrs = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for verb in &node.verbs {
        let op = &layout.model.operations[verb.operation];
        for route in &op.routes {
            if !seen.contains(&route.path.as_str()) {
                seen.push(&route.path);
            }
        }
    }
    match seen.as_slice() {
        [] => attrs.push(s::doc(" A step on the way to the requests after it.")),
        [one, ..] => attrs.push(s::doc(&format!(" Requests at {}, and the steps after it.", code_span(one)))),
    }
    attrs
}

/// A node's items: its struct, its methods (steps, then requests), its body structs.
pub fn node_items(layout: &VersionLayout, tree: &Tree, n: usize) -> Vec<Item> {
    let node = &tree.nodes[n];
    let file_areas = &tree.files[node.file].areas;
    let cfg = areas_cfg(layout, &node.areas, file_areas);
    let mut attrs = node_docs(layout, node);
    cfg_attr(&mut attrs, &cfg);
    attrs.push(s::derive(&["Debug", "Clone"]));
    attrs.push(s::word_attr("must_use"));
    let path_field = s::restricted_tuple_struct(attrs, &node.name, s::named("String"));
    let mut methods: Vec<ImplItem> = node
        .edges
        .iter()
        .map(|e| step_method(layout, tree, (&e.method, &e.step, e.target, e.operation), Some(n)))
        .collect();
    methods.extend(node.verbs.iter().map(|v| verb_method(layout, tree, n, v)));
    let mut items = vec![path_field, s::impl_block(cfg_attrs(&cfg), None, s::named(&node.name), methods)];
    for verb in &node.verbs {
        let area = tree.area_of.get(&verb.operation).copied();
        let verb_cfg = areas_cfg(layout, &area.into_iter().collect::<Vec<_>>(), file_areas);
        items.extend(body_struct(layout, &layout.model.operations[verb.operation], verb.body.as_deref(), &verb_cfg));
    }
    items
}

/// The struct of an action's parameters: each optional, under its JSON name.
fn body_struct(layout: &VersionLayout, op: &Operation, name: Option<&str>, cfg: &Cfg) -> Vec<Item> {
    let (Some(RequestBody::Parameters { parameters }), Some(name)) = (&op.request_body, name) else {
        return Vec::new();
    };
    let title = if op.name.trim().is_empty() { &op.id } else { &op.name };
    let mut attrs = vec![s::doc(&format!(" The parameters of {}.", doc_line(title)))];
    cfg_attr(&mut attrs, cfg);
    attrs.push(s::derive(&["Debug", "Clone", "PartialEq", "Default"]));
    let mut scope = Scope::with_reserved(&["nulls"]);
    let mut json_names = rustc_hash::FxHashSet::default();
    let (mut fields, mut json_fields) = (Vec::new(), Vec::new());
    for p in parameters.iter().filter(|p| json_names.insert(p.name.as_str())) {
        let field = scope.claim(names::field_name(&p.name));
        let one = type_of(layout, &p.ty);
        let ty = if p.collection { s::generic("Vec", vec![one]) } else { one };
        fields.push(s::field(Vec::new(), &field, s::generic("Option", vec![ty])));
        json_fields.push(JsonField { json: &p.name, field, cfg: Cfg::Always, lenient: is_lenient(&p.ty) });
    }
    fields.push(nulls_field());
    let mut items = vec![s::named_struct(attrs, name, fields)];
    items.extend(json_object(name, cfg, &json_fields, ObjectKind::Parameters));
    items
}

/// The `endpoints` module's own items: its docs, `Graph` with a method per first step, and
/// a declaration per file module.
pub fn module_items(layout: &VersionLayout, tree: &Tree) -> (Vec<Attribute>, Vec<Item>) {
    let inner = vec![
        s::inner_doc(" The requests of this version as a tree that follows their URLs: start at [`Graph`]."),
        // Functions with many arguments make steps with many parameters.
        s::inner_list_attr("allow", quote!(clippy::too_many_arguments)),
    ];
    let graph_doc = s::doc(" The root of the request tree: `Graph::users().item(id).events().list()`.");
    // With no area on (the version's core alone), `Graph` has no step that uses it.
    let import: Item = syn::parse_quote!(
        #[allow(unused_imports)]
        use super::super::runtime as rt;
    );
    let mut items = vec![import, s::unit_struct(vec![graph_doc, s::derive(&["Debug", "Clone", "Copy"])], "Graph")];
    let roots = tree
        .roots
        .iter()
        .map(|r| {
            let op = tree.nodes[r.target].verbs.first().map_or(0, |v| v.operation);
            step_method(layout, tree, (&r.method, &r.step, r.target, op), None)
        })
        .collect();
    items.push(s::impl_block(Vec::new(), None, s::named("Graph"), roots));
    for file in &tree.files {
        let mut attrs = vec![s::doc(&format!(" The requests under {}.", code_span(&format!("/{}", file.segment))))];
        cfg_attr(&mut attrs, &areas_cfg(layout, &file.areas, &[]));
        items.push(s::module_declaration(attrs, &file.module));
    }
    (inner, items)
}

/// What a file module starts with: the runtime import.
pub fn file_header() -> Item {
    syn::parse_quote!(
        use super::super::super::runtime as rt;
    )
}
