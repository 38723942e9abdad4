//! Endpoint stubs: per version an `endpoints` module with one submodule per area. Each
//! operation becomes a builder struct wrapping `rt::Request`, one constructor function per
//! path, and, for actions that take parameters, a body struct. Nothing here sends requests.

use super::layout::VersionLayout;
use super::names::{self, Scope};
use super::types::{doc_line, ident, source_line, value_type};
use crate::ir::{is_edm, Model, Operation, Permissions, RequestBody, TypeKind};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::{BTreeMap, HashMap};

/// The area of an operation: the first segment of its first path, snake-cased (`users`,
/// `audit_logs`). The `endpoints` submodules are grouped by it.
/// The area comes from the main path (the first one not under `/me`), so `GET /me` and
/// `GET /users/{id}` land with the other user operations.
pub fn area(op: &Operation) -> String {
    let main = op.paths.iter().find(|p| !is_me(p)).or(op.paths.first());
    let path = main.map_or("", |p| p.trim_start_matches('/'));
    names::module_name(path.split(['/', '(', ':']).next().unwrap_or(""))
}

/// Rust names of one operation's items, unique within its area.
struct OpNames {
    builder: String,
    body: Option<String>,
    /// One per path, in the docs' order.
    functions: Vec<String>,
}

/// Every operation's area and names; operations keep the model's order within an area.
pub struct Plan {
    areas: BTreeMap<String, Vec<usize>>,
    names: Vec<OpNames>,
}

pub fn plan(model: &Model) -> Plan {
    let mut areas: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, op) in model.operations.iter().enumerate() {
        areas.entry(area(op)).or_default().push(i);
    }
    let mut named: Vec<(usize, OpNames)> = Vec::with_capacity(model.operations.len());
    for ops in areas.values() {
        let (mut types, mut functions) = (Scope::default(), Scope::default());
        for &i in ops {
            let op = &model.operations[i];
            let builder = types.claim(names::type_name(&op.id));
            let body = has_parameters(op).then(|| types.claim(format!("{builder}Body")));
            named.push((i, OpNames { builder, body, functions: function_names(op, &mut functions) }));
        }
    }
    named.sort_by_key(|(i, _)| *i);
    Plan { areas, names: named.into_iter().map(|(_, n)| n).collect() }
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

fn is_me(path: &str) -> bool {
    path.trim_start_matches('/').split(['/', '(']).next().is_some_and(|s| s.eq_ignore_ascii_case("me"))
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
fn type_of(layout: &VersionLayout, ty: &str) -> TokenStream {
    let path = value_type(layout, 0, ty);
    if layout.type_index(ty).is_some() {
        quote!(super::super::#path)
    } else {
        path
    }
}

/// A path parameter's Rust type and its value as path text (`&str` for the `rt` encoders).
fn path_argument(layout: &VersionLayout, ty: &str, arg: &proc_macro2::Ident) -> (TokenStream, TokenStream) {
    match ty {
        "Edm.Int16" | "Edm.Int32" | "Edm.Int64" | "Edm.Byte" | "Edm.SByte" | "Edm.Boolean" | "Edm.Date"
        | "Edm.TimeOfDay" | "Edm.Guid" | "Edm.Decimal" | "Edm.Duration" => {
            (value_type(layout, 0, ty), quote!(&#arg.to_string()))
        }
        "Edm.Double" | "Edm.Single" => (quote!(f64), quote!(&#arg.to_string())),
        "Edm.DateTimeOffset" => (value_type(layout, 0, ty), quote!(&#arg.to_rfc3339())),
        _ => match layout.type_index(ty) {
            Some(t) if layout.def(t).kind == TypeKind::Enum => (type_of(layout, ty), quote!(#arg.as_str())),
            _ => (quote!(&str), quote!(#arg)),
        },
    }
}

fn body_type(layout: &VersionLayout, op: &Operation, names: &OpNames) -> TokenStream {
    match (&op.request_body, &names.body) {
        (Some(RequestBody::Type { ty, collection }), _) => {
            let one = if ty == "Edm.Stream" { quote!(rt::Content) } else { type_of(layout, ty) };
            if *collection {
                quote!(Vec<#one>)
            } else {
                one
            }
        }
        (Some(RequestBody::Parameters { .. }), Some(body)) => {
            let body = ident(body);
            quote!(#body)
        }
        _ => quote!(()),
    }
}

fn response_type(layout: &VersionLayout, op: &Operation) -> TokenStream {
    let Some(response) = &op.response else { return quote!(()) };
    let Some(ty) = response.ty.as_deref().filter(|_| response.status != 204) else { return quote!(()) };
    let one = type_of(layout, ty);
    match ty {
        "Edm.Stream" => quote!(rt::Content),
        _ if response.collection => quote!(rt::Page<#one>),
        "Edm.Untyped" => one,
        // A primitive result comes wrapped in an object.
        _ if is_edm(ty) => quote!(rt::Value<#one>),
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

/// One setter per documented query option and header, then `header` and `into_request`.
fn setters(op: &Operation, request: &TokenStream) -> TokenStream {
    let mut scope = Scope::with_reserved(&["header", "into_request"]);
    let mut out = Vec::new();
    for option in &op.query_options {
        let name = ident(&scope.claim(names::field_name(option.trim_start_matches('$'))));
        let doc = format!(" Sets the `{}` query option.", doc_line(option));
        let (ty, call) = match option.to_ascii_lowercase().as_str() {
            "$top" | "$skip" => (quote!(i32), quote!(with_query(#option, value))),
            "$count" => (quote!(bool), quote!(with_query(#option, value))),
            "$select" | "$expand" | "$orderby" => (quote!(&[&str]), quote!(with_query_list(#option, value))),
            _ => (quote!(impl Into<String>), quote!(with_query(#option, value.into()))),
        };
        out.push(quote! {
            #[doc = #doc]
            pub fn #name(self, value: #ty) -> Self { Self(self.0.#call) }
        });
    }
    for header in &op.request_headers {
        if TRANSPORT_HEADERS.contains(&header.name.to_ascii_lowercase().as_str()) {
            continue;
        }
        let name = ident(&scope.claim(names::field_name(&header.name)));
        let required = if header.required { " (the docs mark it required)" } else { "" };
        let doc = format!(" Sets the `{}` header{required}.", doc_line(&header.name));
        let wire = &header.name;
        out.push(quote! {
            #[doc = #doc]
            pub fn #name(self, value: impl Into<String>) -> Self { Self(self.0.with_header(#wire, value)) }
        });
    }
    quote! {
        #(#out)*
        /// Sets any header.
        pub fn header(self, name: &str, value: impl Into<String>) -> Self { Self(self.0.with_header(name, value)) }
        /// The request, for a transport to send.
        pub fn into_request(self) -> #request { self.0 }
    }
}

/// One constructor per path: typed path parameters, then the body if there is one.
fn constructors(layout: &VersionLayout, op: &Operation, names: &OpNames, body: Option<&TokenStream>) -> TokenStream {
    let builder = ident(&names.builder);
    let method = &op.method;
    let functions = op.paths.iter().zip(&names.functions).map(|(path, function)| {
        let mut scope = Scope::with_reserved(&["body"]);
        let mut format = String::new();
        let (mut params, mut values) = (Vec::new(), Vec::new());
        for piece in pieces(path) {
            match piece {
                Piece::Text(text) => format.push_str(&literal_path(text)),
                Piece::Placeholder(name, slot) => {
                    let arg = ident(&scope.claim(names::field_name(name)));
                    let ty = op.path_parameters.iter().find(|p| p.name == name).map_or("Edm.String", |p| &p.ty);
                    let (rust, text) = path_argument(layout, ty, &arg);
                    let encode = match slot {
                        Slot::Segment => quote!(rt::segment),
                        Slot::Quoted => quote!(rt::literal),
                        Slot::ItemPath => quote!(rt::item_path),
                    };
                    params.push(quote!(#arg: #rust));
                    values.push(quote!(#encode(#text)));
                    format.push_str("{}");
                }
            }
        }
        let path_expr = if values.is_empty() { quote!(#format) } else { quote!(format!(#format, #(#values),*)) };
        let body_param = body.map(|b| quote!(body: #b));
        let with_body = body.map(|_| quote!(.with_body(body)));
        let doc = format!(" `{method} {}`: builds [`{}`].", doc_line(path), names.builder);
        let function = ident(function);
        quote! {
            #[doc = #doc]
            pub fn #function(#(#params,)* #body_param) -> #builder {
                #builder(rt::Request::new(#method, #path_expr) #with_body)
            }
        }
    });
    quote!(#(#functions)*)
}

/// The struct of an action's parameters: each optional, under its JSON name.
fn body_struct(layout: &VersionLayout, op: &Operation, names: &OpNames) -> TokenStream {
    let (Some(RequestBody::Parameters { parameters }), Some(name)) = (&op.request_body, &names.body) else {
        return TokenStream::new();
    };
    let mut scope = Scope::default();
    let mut json_names = std::collections::HashSet::new();
    let fields = parameters.iter().filter(|p| json_names.insert(p.name.as_str())).map(|p| {
        let field = ident(&scope.claim(names::field_name(&p.name)));
        let one = type_of(layout, &p.ty);
        let ty = if p.collection { quote!(Vec<#one>) } else { one };
        let json = &p.name;
        let rename = (field != json.as_str()).then(|| quote!(rename = #json,));
        quote! {
            #[serde(#rename skip_serializing_if = "Option::is_none")]
            pub #field: Option<#ty>,
        }
    });
    let doc = format!(" The body of [`{}`]: the action's parameters.", names.builder);
    let name = ident(name);
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
        pub struct #name {
            #(#fields)*
        }
    }
}

/// One operation's items: builder, constructors, setters, body struct.
fn operation_items(layout: &VersionLayout, plan: &Plan, i: usize) -> TokenStream {
    let op = &layout.model.operations[i];
    let names = &plan.names[i];
    let builder = ident(&names.builder);
    let body = body_type(layout, op, names);
    let response = response_type(layout, op);
    let request = quote!(rt::Request<#body, #response>);
    let has_body = matches!(op.request_body, Some(RequestBody::Type { .. })) || names.body.is_some();
    let requests: Vec<String> = op.paths.iter().map(|p| format!(" `{} {}`", op.method, doc_line(p))).collect();
    let title = if op.name.trim().is_empty() { &op.id } else { &op.name };
    let mut doc = vec![format!(" {}", doc_line(title))];
    let description = doc_line(&op.description);
    if !description.is_empty() {
        doc.extend([String::new(), format!(" {description}")]);
    }
    doc.push(String::new());
    for (n, request) in requests.iter().enumerate() {
        // A trailing backslash breaks the line in markdown.
        doc.push(if n + 1 < requests.len() { format!("{request}\\") } else { request.clone() });
    }
    doc.extend([String::new(), permissions_line(&op.permissions), String::new(), source_line(&op.source)]);
    let setters = setters(op, &request);
    let constructors = constructors(layout, op, names, has_body.then_some(&body));
    let body_struct = body_struct(layout, op, names);
    quote! {
        #(#[doc = #doc])*
        #[must_use]
        pub struct #builder(#request);
        #constructors
        impl #builder {
            #setters
        }
        #body_struct
    }
}

/// The `endpoints` module of one version, or None when the version has no operations.
pub fn module(layout: &VersionLayout, plan: &Plan) -> Option<TokenStream> {
    if plan.areas.is_empty() {
        return None;
    }
    let areas = plan.areas.iter().map(|(area, ops)| {
        let name = ident(area);
        let doc = format!(" Endpoints whose path starts with the `{area}` segment.");
        let items = ops.iter().map(|&i| operation_items(layout, plan, i));
        quote! {
            #[doc = #doc]
            pub mod #name {
                use super::super::super::runtime as rt;
                #(#items)*
            }
        }
    });
    Some(quote! {
        #![doc = " Endpoint stubs: a builder per operation, grouped by the first segment of its path."]
        // Paths with many placeholders make constructors with many parameters.
        #![allow(clippy::too_many_arguments)]
        #(#areas)*
    })
}

/// Each action's body struct as a path below the version's module, by operation id.
pub fn body_struct_paths(model: &Model) -> HashMap<String, String> {
    let plan = plan(model);
    let bodies = model.operations.iter().zip(&plan.names);
    bodies
        .filter_map(|(op, names)| Some((op.id.clone(), format!("endpoints::{}::{}", area(op), names.body.as_ref()?))))
        .collect()
}

/// Each operation's items on their own, keyed by operation id.
pub fn operation_items_by_id(layout: &VersionLayout, plan: &Plan) -> Vec<(String, TokenStream)> {
    let ops = &layout.model.operations;
    (0..ops.len()).map(|i| (ops[i].id.clone(), operation_items(layout, plan, i))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Source;

    fn op(id: &str, paths: &[&str]) -> Operation {
        Operation {
            id: id.into(),
            name: String::new(),
            method: "GET".into(),
            paths: paths.iter().map(|p| p.to_string()).collect(),
            path_parameters: Vec::new(),
            query_options: Vec::new(),
            request_headers: Vec::new(),
            request_body: None,
            response: None,
            permissions: Permissions::default(),
            description: String::new(),
            source: Source { file: "x.md".into(), line: 1 },
            examples: Vec::new(),
        }
    }

    #[test]
    fn areas_are_first_segments() {
        assert_eq!(area(&op("a", &["/auditLogs/signUps", "/x"])), "audit_logs");
        assert_eq!(area(&op("a", &["/reports/getX(period='{p}')"])), "reports");
        assert_eq!(area(&op("a", &["/applications(appId='{id}')"])), "applications");
        assert_eq!(area(&op("a", &["/me/drive/root:/{item-path}:"])), "me");
        assert_eq!(area(&op("a", &["/me", "/users/{id}"])), "users");
        assert_eq!(area(&op("a", &["/self"])), "self_");
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
