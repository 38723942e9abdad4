//! Endpoint stubs: per version an `endpoints` module with one submodule per area. Each
//! operation becomes a builder struct wrapping `rt::Request`, one constructor function per
//! path, and, for actions that take parameters, a body struct. Nothing here sends requests.

use super::areas::{is_me, Cfg};
use super::layout::VersionLayout;
use super::names::{self, Scope};
use super::syntax::{self as s, SelfArg};
use super::types::{cfg_attr, doc_line, json_object, source_line, value_type, JsonField};
use crate::ir::{is_edm, Operation, Permissions, RequestBody, TypeKind};
use quote::quote;
use syn::{Attribute, Expr, ImplItem, Item, Type};

/// Rust names of one operation's items, unique within its area.
struct OpNames {
    builder: String,
    body: Option<String>,
    /// One per path, in the docs' order.
    functions: Vec<String>,
}

/// The names of every selected operation (the areas are the layout's), by operation index.
pub struct Plan {
    names: Vec<Option<OpNames>>,
}

/// Names are unique within an area, so the areas are named in parallel.
pub fn plan(layout: &VersionLayout) -> Plan {
    use rayon::prelude::*;
    let operations = &layout.model.operations;
    let per_area: Vec<Vec<(usize, OpNames)>> = layout
        .gates
        .areas
        .par_iter()
        .map(|area| {
            let (mut types, mut functions) = (Scope::default(), Scope::default());
            let named = area.operations.iter().map(|&i| {
                let op = &operations[i];
                let builder = types.claim(names::type_name(&op.id));
                let body = has_parameters(op).then(|| types.claim(format!("{builder}Body")));
                (i, OpNames { builder, body, functions: function_names(op, &mut functions) })
            });
            named.collect()
        })
        .collect();
    let mut names: Vec<Option<OpNames>> = operations.iter().map(|_| None).collect();
    for (i, op_names) in per_area.into_iter().flatten() {
        names[i] = Some(op_names);
    }
    Plan { names }
}

/// Each action's body struct as a path below the version's module, by operation id.
pub fn body_struct_paths(layout: &VersionLayout) -> rustc_hash::FxHashMap<String, String> {
    let plan = plan(layout);
    let mut paths = rustc_hash::FxHashMap::default();
    for area in &layout.gates.areas {
        for &i in &area.operations {
            if let Some(body) = plan.names[i].as_ref().and_then(|names| names.body.as_ref()) {
                paths.insert(layout.model.operations[i].id.clone(), format!("endpoints::{}::{body}", area.name));
            }
        }
    }
    paths
}

fn has_parameters(op: &Operation) -> bool {
    matches!(&op.request_body, Some(RequestBody::Parameters { parameters }) if !parameters.is_empty())
}

/// The operation id for the main path (the first one not under `/me`), the id and the
/// words only the path has for each other path (`user_get_me` for `/me`).
fn function_names(op: &Operation, scope: &mut Scope) -> Vec<String> {
    let main = op.paths.iter().position(|p| !is_me(p)).unwrap_or(0);
    let main_words = path_words(op.paths.get(main).map_or("", String::as_str));
    let mut out = vec![String::new(); op.paths.len()];
    let order = std::iter::once(main).chain((0..op.paths.len()).filter(|&p| p != main));
    for p in order.filter(|&p| p < op.paths.len()) {
        let mut wanted = op.id.clone();
        if p != main {
            for word in path_words(&op.paths[p]).iter().filter(|w| !main_words.contains(w)) {
                wanted.push('_');
                wanted.push_str(word);
            }
        }
        out[p] = scope.claim(names::field_name(&wanted));
    }
    out
}

/// The names a path spells outside its placeholders, once each, without the
/// `microsoft.graph` of casts.
fn path_words(path: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for piece in pieces(path) {
        let Piece::Text(text) = piece else { continue };
        for word in text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
            if !matches!(word, "microsoft" | "graph") && !out.iter().any(|o| o == word) {
                out.push(word.to_string());
            }
        }
    }
    out
}

/// How a placeholder's value is written into the path.
#[derive(Clone, Copy, PartialEq)]
enum Slot {
    /// A whole segment or a bare function argument.
    Segment,
    /// Inside an OData string literal: `'{value}'`.
    Quoted,
    /// A path of its own: `root:/{item-path}:`.
    ItemPath,
}

enum Piece<'a> {
    Text(&'a str),
    Placeholder(&'a str, Slot),
}

/// A path template as literal text and placeholders.
fn pieces(path: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let Some(len) = rest[open..].find('}') else { break };
        let (before, name, after) = (&rest[..open], &rest[open + 1..open + len], &rest[open + len + 1..]);
        let slot = if before.ends_with('\'') && after.starts_with('\'') {
            Slot::Quoted
        } else if (before.ends_with(':') || before.ends_with(":/")) && after.starts_with(':') {
            Slot::ItemPath
        } else {
            Slot::Segment
        };
        if !before.is_empty() {
            out.push(Piece::Text(before));
        }
        out.push(Piece::Placeholder(name, slot));
        rest = after;
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// Literal path text, percent-encoded where a character may not appear in a path (braces
/// too, so the text is also a valid `format!` string).
fn literal_path(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@/".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
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

fn body_type(layout: &VersionLayout, op: &Operation, names: &OpNames) -> Type {
    match (&op.request_body, &names.body) {
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

fn permissions_line(p: &Permissions) -> String {
    let groups = [
        ("delegated (work or school account)", &p.delegated_work),
        ("delegated (personal Microsoft account)", &p.delegated_personal),
        ("application", &p.application),
    ];
    let listed: Vec<String> = groups
        .iter()
        .filter(|(_, scopes)| !scopes.is_empty())
        .map(|(who, scopes)| {
            format!("{who} {}", scopes.iter().map(|s| format!("`{}`", doc_line(s))).collect::<Vec<_>>().join(", "))
        })
        .collect();
    if listed.is_empty() {
        " Permissions: none listed.".to_string()
    } else {
        format!(" Permissions: {}.", listed.join("; "))
    }
}

/// Headers a transport sets itself.
const TRANSPORT_HEADERS: &[&str] = &["authorization", "content-type", "content-length"];

/// A builder method: `pub fn name(mut self, value: ty) -> Self { statement; self }`. Setters
/// call the runtime's non-generic `set_query` and `set_header` rather than `Request`'s
/// methods, which would be compiled again for each endpoint's body and response types.
fn setter(doc: &str, name: &str, params: Vec<syn::FnArg>, statement: Expr) -> ImplItem {
    let sig = s::signature(name, SelfArg::Mut, params, Some(s::named("Self")));
    let body = vec![s::statement(statement), s::tail(s::path_expr("self"))];
    s::method(vec![s::doc(doc), inline()], s::public(), sig, body)
}

/// `#[inline]` on an endpoint's functions: a crate using the stubs then compiles machine
/// code only for the endpoints it calls, not for every endpoint of its areas.
fn inline() -> Attribute {
    s::word_attr("inline")
}

/// `&mut self.0.member`: the request's query or headers.
fn request_part(member: &str) -> Expr {
    s::borrow(s::field_access(s::field_access(s::path_expr("self"), "0"), member), true)
}

fn string_into() -> Type {
    s::impl_trait(s::path_with("Into", vec![s::named("String")]))
}

fn value_into() -> Expr {
    s::method_call(s::path_expr("value"), "into", Vec::new())
}

/// The builder's impl: one setter per documented query option and header, then `header`
/// and `into_request`.
fn builder_impl(op: &Operation, builder: &str, request: Type) -> Item {
    let mut scope = Scope::with_reserved(&["header", "into_request"]);
    let mut methods = Vec::new();
    for option in &op.query_options {
        let name = scope.claim(names::field_name(option.trim_start_matches('$')));
        let doc = format!(" Sets the `{}` query option.", doc_line(option));
        let value = s::path_expr("value");
        let (ty, text) = match option.to_ascii_lowercase().as_str() {
            "$top" | "$skip" => (s::named("i32"), s::method_call(value, "to_string", Vec::new())),
            "$count" => (s::named("bool"), s::method_call(value, "to_string", Vec::new())),
            "$select" | "$expand" | "$orderby" => {
                (s::slice_ref(s::reference(s::named("str"))), s::method_call(value, "join", vec![s::string(",")]))
            }
            _ => (string_into(), value_into()),
        };
        let statement = s::call("rt::set_query", vec![request_part("query"), s::string(option), text]);
        methods.push(setter(&doc, &name, vec![s::param("value", ty)], statement));
    }
    for header in &op.request_headers {
        if TRANSPORT_HEADERS.contains(&header.name.to_ascii_lowercase().as_str()) {
            continue;
        }
        let name = scope.claim(names::field_name(&header.name));
        let required = if header.required { " (the docs mark it required)" } else { "" };
        let doc = format!(" Sets the `{}` header{required}.", doc_line(&header.name));
        let statement = s::call("rt::set_header", vec![request_part("headers"), s::string(&header.name), value_into()]);
        methods.push(setter(&doc, &name, vec![s::param("value", string_into())], statement));
    }
    let statement = s::call("rt::set_header", vec![request_part("headers"), s::path_expr("name"), value_into()]);
    let params = vec![s::param("name", s::reference(s::named("str"))), s::param("value", string_into())];
    methods.push(setter(" Sets any header.", "header", params, statement));
    let sig = s::signature("into_request", SelfArg::Value, Vec::new(), Some(request));
    let body = vec![s::tail(s::field_access(s::path_expr("self"), "0"))];
    methods.push(s::method(vec![s::doc(" The request, for a transport to send."), inline()], s::public(), sig, body));
    s::impl_block(Vec::new(), None, s::named(builder), methods)
}

/// One constructor per path: typed path parameters, then the body if there is one.
fn constructors(layout: &VersionLayout, op: &Operation, names: &OpNames, body: Option<&Type>) -> Vec<Item> {
    let mut items = Vec::new();
    for (path, function) in op.paths.iter().zip(&names.functions) {
        let mut scope = Scope::with_reserved(&["body"]);
        let mut format = String::new();
        let (mut params, mut values) = (Vec::new(), Vec::new());
        for piece in pieces(path) {
            match piece {
                Piece::Text(text) => format.push_str(&literal_path(text)),
                Piece::Placeholder(name, slot) => {
                    let arg = scope.claim(names::field_name(name));
                    let ty = op.path_parameters.iter().find(|p| p.name == name).map_or("Edm.String", |p| &p.ty);
                    let (rust, text) = path_argument(layout, ty, &arg);
                    let encode = match slot {
                        Slot::Segment => "rt::segment",
                        Slot::Quoted => "rt::literal",
                        Slot::ItemPath => "rt::item_path",
                    };
                    params.push(s::param(&arg, rust));
                    values.push(s::call(encode, vec![text]));
                    format.push_str("{}");
                }
            }
        }
        let path_expr =
            if values.is_empty() { s::string(&format) } else { s::macro_expr("format", quote!(#format, #(#values),*)) };
        let mut request = s::call("rt::Request::new", vec![s::string(&op.method), path_expr]);
        if let Some(body) = body {
            params.push(s::param("body", body.clone()));
            request = s::method_call(request, "with_body", vec![s::path_expr("body")]);
        }
        let doc = s::doc(&format!(" `{} {}`: builds [`{}`].", op.method, doc_line(path), names.builder));
        let sig = s::signature(function, SelfArg::None, params, Some(s::named(&names.builder)));
        let body = vec![s::tail(s::call(&names.builder, vec![request]))];
        items.push(s::function(vec![doc, inline()], s::public(), sig, body));
    }
    items
}

/// The struct of an action's parameters: each optional, under its JSON name.
fn body_struct(layout: &VersionLayout, op: &Operation, names: &OpNames) -> Vec<Item> {
    let (Some(RequestBody::Parameters { parameters }), Some(name)) = (&op.request_body, &names.body) else {
        return Vec::new();
    };
    let doc = s::doc(&format!(" The body of [`{}`]: the action's parameters.", names.builder));
    let attrs = vec![doc, s::derive(&["Debug", "Clone", "PartialEq", "Default"])];
    let mut scope = Scope::default();
    let mut json_names = rustc_hash::FxHashSet::default();
    let (mut fields, mut json_fields) = (Vec::new(), Vec::new());
    for p in parameters.iter().filter(|p| json_names.insert(p.name.as_str())) {
        let field = scope.claim(names::field_name(&p.name));
        let one = type_of(layout, &p.ty);
        let ty = if p.collection { s::generic("Vec", vec![one]) } else { one };
        fields.push(s::field(Vec::new(), &field, s::generic("Option", vec![ty])));
        json_fields.push(JsonField { json: &p.name, field, cfg: Cfg::Always });
    }
    let mut items = vec![s::named_struct(attrs, name, fields)];
    items.extend(json_object(name, &Cfg::Always, &json_fields, None));
    items
}

/// One operation's items: builder, constructors, setters, body struct; nothing for an
/// operation outside the selection.
pub fn operation_items(layout: &VersionLayout, plan: &Plan, i: usize) -> Vec<Item> {
    let op = &layout.model.operations[i];
    let Some(names) = &plan.names[i] else { return Vec::new() };
    let body = body_type(layout, op, names);
    let request = s::generic("rt::Request", vec![body.clone(), response_type(layout, op)]);
    let has_body = matches!(op.request_body, Some(RequestBody::Type { .. })) || names.body.is_some();
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
        attrs.push(s::doc(&format!(" `{} {}`{end}", op.method, doc_line(path))));
    }
    attrs.push(s::doc(""));
    attrs.push(s::doc(&permissions_line(&op.permissions)));
    attrs.push(s::doc(""));
    attrs.push(s::doc(&source_line(&op.source)));
    attrs.push(s::word_attr("must_use"));
    let mut items = vec![s::tuple_struct(attrs, &names.builder, request.clone())];
    items.extend(constructors(layout, op, names, has_body.then_some(&body)));
    items.push(builder_impl(op, &names.builder, request));
    items.extend(body_struct(layout, op, names));
    items
}

/// The `endpoints` module's own items: its docs, then a declaration per selected area,
/// each area being a module of its own file (`area_header` and `operation_items`).
pub fn module_items(layout: &VersionLayout) -> (Vec<Attribute>, Vec<Item>) {
    let inner = vec![
        s::inner_doc(" Endpoint stubs: a builder per operation, grouped by the first segment of its path."),
        // Paths with many placeholders make constructors with many parameters.
        s::inner_list_attr("allow", quote!(clippy::too_many_arguments)),
    ];
    let declarations = selected_areas(layout)
        .map(|a| {
            let area = &layout.gates.areas[a].name;
            let mut attrs = vec![s::doc(&format!(" Endpoints whose path starts with the `{area}` segment."))];
            cfg_attr(&mut attrs, &layout.gates.area_cfg(a));
            s::module_declaration(attrs, area)
        })
        .collect();
    (inner, declarations)
}

/// The areas the layout emits, by index.
pub fn selected_areas<'l>(layout: &'l VersionLayout) -> impl Iterator<Item = usize> + 'l {
    (0..layout.gates.areas.len()).filter(|&a| layout.gates.area_cfg(a) != Cfg::Omit)
}

/// What an area's module starts with: the runtime import.
pub fn area_header() -> Item {
    syn::parse_quote!(
        use super::super::super::runtime as rt;
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(id: &str, paths: &[&str]) -> Operation {
        super::super::areas::tests::op(id, paths, None)
    }

    #[test]
    fn functions_are_named_after_the_id_and_what_each_path_adds() {
        let mut scope = Scope::default();
        let get = op("user-get", &["/me", "/users/{id}"]);
        assert_eq!(function_names(&get, &mut scope), ["user_get_me", "user_get"]);
        let contacts = op(
            "user-post-contacts",
            &["/me/contacts", "/users/{id}/contacts", "/users/{id}/contactFolders/{id}/contacts"],
        );
        assert_eq!(
            function_names(&contacts, &mut scope),
            ["user_post_contacts_me", "user_post_contacts", "user_post_contacts_contact_folders"]
        );
        // Paths that differ only in placeholders are numbered.
        let evaluate = op("group-evaluate", &["/groups/{id}/evaluate", "/groups/evaluate"]);
        assert_eq!(function_names(&evaluate, &mut scope), ["group_evaluate", "group_evaluate2"]);
    }

    #[test]
    fn placeholders_know_how_their_value_is_written() {
        let slots: Vec<(&str, bool, bool)> = pieces("/a/{x}/f(p='{y}',q={z})/root:/{path}:/c")
            .into_iter()
            .filter_map(|p| match p {
                Piece::Placeholder(name, slot) => Some((name, slot == Slot::Quoted, slot == Slot::ItemPath)),
                Piece::Text(_) => None,
            })
            .collect();
        assert_eq!(slots, [("x", false, false), ("y", true, false), ("z", false, false), ("path", false, true)]);
        assert_eq!(literal_path("/a b/{c}/é"), "/a%20b/%7Bc%7D/%C3%A9");
    }
}
