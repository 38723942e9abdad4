//! Endpoint stubs: per version an `endpoints` module with one submodule per area. Each
//! operation becomes a builder struct wrapping `rt::Request`, one constructor function per
//! path, and, for actions that take parameters, a body struct. Nothing here sends requests.

use super::areas::{is_me, Cfg};
use super::code::{string_literal, Code, Expr};
use super::layout::VersionLayout;
use super::names::{self, Scope};
use super::types::{cfg_attr, doc_line, json_object, source_line, value_type, JsonField};
use crate::ir::{is_edm, Operation, Permissions, RequestBody, TypeKind};

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

/// A docs type seen from an area module, two levels below the version root.
fn type_of(layout: &VersionLayout, ty: &str) -> String {
    let path = value_type(layout, 0, ty);
    if layout.type_index(ty).is_some() {
        format!("super::super::{path}")
    } else {
        path
    }
}

/// A path parameter's Rust type and its value as path text (`&str` for the `rt` encoders).
fn path_argument(layout: &VersionLayout, ty: &str, arg: &str) -> (String, String) {
    match ty {
        "Edm.Int16" | "Edm.Int32" | "Edm.Int64" | "Edm.Byte" | "Edm.SByte" | "Edm.Boolean" | "Edm.Date"
        | "Edm.TimeOfDay" | "Edm.Guid" | "Edm.Decimal" | "Edm.Duration" => {
            (value_type(layout, 0, ty), format!("&{arg}.to_string()"))
        }
        "Edm.Double" | "Edm.Single" => ("f64".to_string(), format!("&{arg}.to_string()")),
        "Edm.DateTimeOffset" => (value_type(layout, 0, ty), format!("&{arg}.to_rfc3339()")),
        _ => match layout.type_index(ty) {
            Some(t) if layout.def(t).kind == TypeKind::Enum => (type_of(layout, ty), format!("{arg}.as_str()")),
            _ => ("&str".to_string(), arg.to_string()),
        },
    }
}

fn body_type(layout: &VersionLayout, op: &Operation, names: &OpNames) -> String {
    match (&op.request_body, &names.body) {
        (Some(RequestBody::Type { ty, collection }), _) => {
            let one = if ty == "Edm.Stream" { "rt::Content".to_string() } else { type_of(layout, ty) };
            if *collection {
                format!("Vec<{one}>")
            } else {
                one
            }
        }
        (Some(RequestBody::Parameters { .. }), Some(body)) => body.clone(),
        _ => "()".to_string(),
    }
}

fn response_type(layout: &VersionLayout, op: &Operation) -> String {
    let Some(response) = &op.response else { return "()".to_string() };
    let Some(ty) = response.ty.as_deref().filter(|_| response.status != 204) else { return "()".to_string() };
    let one = type_of(layout, ty);
    match ty {
        "Edm.Stream" => "rt::Content".to_string(),
        _ if response.collection => format!("rt::Page<{one}>"),
        "Edm.Untyped" => one,
        // A primitive result comes wrapped in an object.
        _ if is_edm(ty) => format!("rt::Value<{one}>"),
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
fn setter(code: &mut Code, doc: &str, name: &str, params: &[&str], statement: &str) {
    code.doc(doc);
    inline(code);
    let params: Vec<&str> = std::iter::once("mut self").chain(params.iter().copied()).collect();
    code.open_fn(true, name, "", &params, "Self");
    code.line(statement);
    code.line("self");
    code.close();
}

/// `#[inline]` on an endpoint's functions: a crate using the stubs then compiles machine
/// code only for the endpoints it calls, not for every endpoint of its areas.
fn inline(code: &mut Code) {
    code.attr("inline");
}

/// The builder's impl: one setter per documented query option and header, then `header`
/// and `into_request`.
fn builder_impl(code: &mut Code, op: &Operation, builder: &str, request: &str) {
    code.open_impl(builder);
    let mut scope = Scope::with_reserved(&["header", "into_request"]);
    for option in &op.query_options {
        let name = scope.claim(names::field_name(option.trim_start_matches('$')));
        let doc = format!(" Sets the `{}` query option.", doc_line(option));
        let (ty, text) = match option.to_ascii_lowercase().as_str() {
            "$top" | "$skip" => ("i32", "value.to_string()"),
            "$count" => ("bool", "value.to_string()"),
            "$select" | "$expand" | "$orderby" => ("&[&str]", "value.join(\",\")"),
            _ => ("impl Into<String>", "value.into()"),
        };
        let statement = format!("rt::set_query(&mut self.0.query, {}, {text});", string_literal(option));
        setter(code, &doc, &name, &[&format!("value: {ty}")], &statement);
    }
    for header in &op.request_headers {
        if TRANSPORT_HEADERS.contains(&header.name.to_ascii_lowercase().as_str()) {
            continue;
        }
        let name = scope.claim(names::field_name(&header.name));
        let required = if header.required { " (the docs mark it required)" } else { "" };
        let doc = format!(" Sets the `{}` header{required}.", doc_line(&header.name));
        let statement = format!("rt::set_header(&mut self.0.headers, {}, value.into());", string_literal(&header.name));
        setter(code, &doc, &name, &["value: impl Into<String>"], &statement);
    }
    let statement = "rt::set_header(&mut self.0.headers, name, value.into());";
    setter(code, " Sets any header.", "header", &["name: &str", "value: impl Into<String>"], statement);
    code.doc(" The request, for a transport to send.");
    inline(code);
    code.open_fn(true, "into_request", "", &["self"], request);
    code.line("self.0");
    code.close();
    code.close();
}

/// One constructor per path: typed path parameters, then the body if there is one.
fn constructors(code: &mut Code, layout: &VersionLayout, op: &Operation, names: &OpNames, body: Option<&str>) {
    let method = string_literal(&op.method);
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
                    params.push(format!("{arg}: {rust}"));
                    values.push(Expr::call(encode, vec![Expr::Atom(text)]));
                    format.push_str("{}");
                }
            }
        }
        let format = Expr::Atom(string_literal(&format));
        let path_expr = if values.is_empty() {
            format
        } else {
            values.insert(0, format);
            Expr::Call { callee: "format!".to_string(), args: values, is_macro: true }
        };
        let mut request = Expr::call("rt::Request::new", vec![Expr::Atom(method.clone()), path_expr]);
        if let Some(body) = body {
            params.push(format!("body: {body}"));
            request = Expr::Method {
                receiver: Box::new(request),
                method: "with_body",
                args: vec![Expr::Atom("body".into())],
            };
        }
        code.doc(&format!(" `{} {}`: builds [`{}`].", op.method, doc_line(path), names.builder));
        let params: Vec<&str> = params.iter().map(String::as_str).collect();
        inline(code);
        code.open_fn(true, function, "", &params, &names.builder);
        code.expr(&Expr::call(names.builder.as_str(), vec![request]), "");
        code.close();
    }
}

/// The struct of an action's parameters: each optional, under its JSON name.
fn body_struct(code: &mut Code, layout: &VersionLayout, op: &Operation, names: &OpNames) {
    let (Some(RequestBody::Parameters { parameters }), Some(name)) = (&op.request_body, &names.body) else {
        return;
    };
    code.doc(&format!(" The body of [`{}`]: the action's parameters.", names.builder));
    code.derive("Debug, Clone, PartialEq, Default");
    code.open_struct(name);
    let mut scope = Scope::default();
    let mut json_names = rustc_hash::FxHashSet::default();
    let mut json_fields = Vec::new();
    for p in parameters.iter().filter(|p| json_names.insert(p.name.as_str())) {
        let field = scope.claim(names::field_name(&p.name));
        let one = type_of(layout, &p.ty);
        let ty = if p.collection { format!("Vec<{one}>") } else { one };
        code.field(&field, &format!("Option<{ty}>"));
        json_fields.push(JsonField { json: &p.name, field, cfg: Cfg::Always });
    }
    code.close();
    json_object(code, name, &Cfg::Always, &json_fields, None);
}

/// One operation's items: builder, constructors, setters, body struct; nothing for an
/// operation outside the selection.
pub fn operation_items(code: &mut Code, layout: &VersionLayout, plan: &Plan, i: usize) {
    let op = &layout.model.operations[i];
    let Some(names) = &plan.names[i] else { return };
    let body = body_type(layout, op, names);
    let request = format!("rt::Request<{body}, {}>", response_type(layout, op));
    let has_body = matches!(op.request_body, Some(RequestBody::Type { .. })) || names.body.is_some();
    let title = if op.name.trim().is_empty() { &op.id } else { &op.name };
    code.doc(&format!(" {}", doc_line(title)));
    let description = doc_line(&op.description);
    if !description.is_empty() {
        code.doc("");
        code.doc(&format!(" {description}"));
    }
    code.doc("");
    for (n, path) in op.paths.iter().enumerate() {
        // A trailing backslash breaks the line in markdown.
        let end = if n + 1 < op.paths.len() { "\\" } else { "" };
        code.doc(&format!(" `{} {}`{end}", op.method, doc_line(path)));
    }
    code.doc("");
    code.doc(&permissions_line(&op.permissions));
    code.doc("");
    code.doc(&source_line(&op.source));
    code.attr("must_use");
    code.tuple_struct(&names.builder, &request);
    constructors(code, layout, op, names, has_body.then_some(body.as_str()));
    builder_impl(code, op, &names.builder, &request);
    body_struct(code, layout, op, names);
}

/// A piece of the `endpoints` module. The pieces are written on their own (in parallel)
/// and concatenated in order; each knows the module and depth it is written at.
pub enum Part<'p> {
    Header,
    /// `pub mod area {` and its runtime import, for the layout's area of this index.
    OpenArea(usize),
    Operation {
        area: &'p str,
        index: usize,
    },
    CloseArea,
}

/// The pieces of the `endpoints` module, in order; none when no area is selected.
pub fn parts<'p>(layout: &'p VersionLayout) -> Vec<Part<'p>> {
    let areas = &layout.gates.areas;
    if areas.is_empty() {
        return Vec::new();
    }
    let mut parts = vec![Part::Header];
    for (a, area) in areas.iter().enumerate().filter(|&(a, _)| layout.gates.area_cfg(a) != Cfg::Omit) {
        parts.push(Part::OpenArea(a));
        parts.extend(area.operations.iter().map(|&index| Part::Operation { area: &area.name, index }));
        parts.push(Part::CloseArea);
    }
    parts
}

/// One piece of the `endpoints` module whose path is `module` (`v1_0::endpoints`): its
/// source and API lines.
pub fn write_part(layout: &VersionLayout, plan: &Plan, module: &str, part: &Part) -> (String, Vec<String>) {
    let mut code = match part {
        Part::Operation { area, .. } => Code::new(&format!("{module}::{area}"), 1),
        Part::CloseArea => Code::new(module, 1),
        Part::Header | Part::OpenArea(_) => Code::new(module, 0),
    };
    match part {
        Part::Header => {
            code.inner_doc(" Endpoint stubs: a builder per operation, grouped by the first segment of its path.");
            // Paths with many placeholders make constructors with many parameters.
            code.inner_attr("allow(clippy::too_many_arguments)");
        }
        Part::OpenArea(a) => {
            let area = &layout.gates.areas[*a].name;
            code.doc(&format!(" Endpoints whose path starts with the `{area}` segment."));
            cfg_attr(&mut code, &layout.gates.area_cfg(*a));
            code.open_mod(area);
            code.line("use super::super::super::runtime as rt;");
        }
        Part::Operation { index, .. } => operation_items(&mut code, layout, plan, *index),
        Part::CloseArea => code.close(),
    }
    code.finish()
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
