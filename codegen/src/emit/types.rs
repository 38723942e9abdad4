//! Rust items for the types of one module: structs, string enums, polymorphic enums.

use super::areas::Cfg;
use super::layout::VersionLayout;
use super::names::{self, Scope};
use super::syntax::{self as s, SelfArg};
use crate::ir::{Property, Source, TypeKind};
use quote::{quote, ToTokens};
use syn::{Attribute, Item, Type};

/// An item's doc lines: the description on one line (so no text can form markdown blocks),
/// then the page it comes from.
pub fn docs(attrs: &mut Vec<Attribute>, description: &str, source: &Source) {
    description_lines(attrs, description, "");
    attrs.push(s::doc(&source_line(source)));
}

/// A field's doc lines: the description, then its JSON name (the name `$select` takes) and
/// where the docs list it. `note` (markdown) ends the description.
fn field_docs(attrs: &mut Vec<Attribute>, description: &str, note: &str, json: &str, source: &Source) {
    description_lines(attrs, description, note);
    let place = format!(" JSON: {}. Source: {}", code_span(json), code_span(&source_place(source)));
    attrs.push(s::doc(&place));
}

/// The description and `note` as a paragraph, if there is any text.
fn description_lines(attrs: &mut Vec<Attribute>, description: &str, note: &str) {
    let mut text = String::with_capacity(description.len() + note.len() + 1);
    text.push(' ');
    push_doc_line(&mut text, description);
    if text.len() > 1 || !note.is_empty() {
        if text.len() > 1 && !note.is_empty() {
            text.push(' ');
        }
        text.push_str(note);
        attrs.push(s::doc(&text));
        attrs.push(s::doc(""));
    }
}

/// Text as one doc line that cannot open a markdown block, with markdown's link and HTML
/// characters escaped and web addresses made links: rustdoc reads it as the text it is.
pub fn doc_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_doc_line(&mut out, text);
    out
}

/// Appends `text` on one line, runs of whitespace as one space, escaped as `doc_line` says.
fn push_doc_line(out: &mut String, text: &str) {
    if is_one_clean_line(text) {
        // Most descriptions: copied whole rather than word by word.
        let start = out.len();
        out.push_str(text);
        // A line opening with a fence would make rustdoc read the rest as a doctest.
        if text.starts_with("```") || text.starts_with("~~~") {
            out.insert(start, '\\');
        }
    } else {
        push_words(out, text);
    }
}

/// `push_doc_line` word by word: what the fast path must equal.
fn push_words(out: &mut String, text: &str) {
    let start = out.len();
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        push_escaped_word(out, word);
    }
    if out[start..].starts_with("```") || out[start..].starts_with("~~~") {
        out.insert(start, '\\');
    }
}

/// A word with `[`, `]` (a link to rustdoc, `[0]` a broken one), `<`, `>` (HTML) and `\`
/// escaped, and each web address in it as an autolink (rustdoc warns of bare ones).
fn push_escaped_word(out: &mut String, word: &str) {
    let mut rest = word;
    while !rest.is_empty() {
        let (text, url) = match url_start(rest) {
            Some(at) => {
                let len = url_len(&rest[at..]);
                (&rest[..at], &rest[at..at + len])
            }
            None => (rest, ""),
        };
        for c in text.chars() {
            if matches!(c, '[' | ']' | '<' | '>' | '\\') {
                out.push('\\');
            }
            out.push(c);
        }
        if !url.is_empty() {
            out.push('<');
            out.push_str(url);
            out.push('>');
        }
        rest = &rest[text.len() + url.len()..];
    }
}

/// Where a web address (`http://` or `https://` and something after it, the way rustdoc
/// finds bare ones: even inside a word) starts in `word`.
fn url_start(word: &str) -> Option<usize> {
    let at = memchr::memmem::find(word.as_bytes(), b"://")?;
    let before = &word.as_bytes()[..at];
    let ends_with = |scheme: &str| {
        before.len() >= scheme.len() && before[at - scheme.len()..].eq_ignore_ascii_case(scheme.as_bytes())
    };
    let scheme = ["https", "http"].into_iter().find(|scheme| ends_with(scheme));
    match scheme {
        Some(scheme) if word.len() > at + 3 => Some(at - scheme.len()),
        // Not a web address: the rest of the word is text, with the next address if any.
        _ => url_start(&word[at + 3..]).map(|next| at + 3 + next),
    }
}

/// The length of the address `text` starts with: up to what an autolink cannot hold, less
/// the punctuation that ends a sentence or closes a parenthesis around it (never the
/// scheme's `://`).
fn url_len(text: &str) -> usize {
    let end = text.find(['<', '>']).unwrap_or(text.len());
    text[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'', '"', ']']).len()
}

/// ASCII with single spaces between words and none at either end, no character to escape
/// and no web address: what `push_words` would write unchanged, bar a fence. (For ASCII,
/// `char::is_whitespace` is a space or `\t`..=`\r`.)
fn is_one_clean_line(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && bytes.iter().all(|&b| b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b'[' | b']' | b'<' | b'>' | b'\\'))
        && memchr::memmem::find(bytes, b"  ").is_none()
        && memchr::memmem::find(bytes, b"://").is_none()
}

/// `text` as a markdown code span on one line: fenced by more backticks than it holds in a
/// row, spaced where it starts or ends with one.
pub fn code_span(text: &str) -> String {
    let text = if text.contains(char::is_whitespace) || text.contains(char::is_control) {
        text.split(|c: char| c.is_whitespace() || c.is_control())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        text.to_string()
    };
    let longest_run = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// `file:line`, control characters (a file name may hold line breaks) as `?`.
fn source_place(source: &Source) -> String {
    let file: String = source.file.chars().map(|c| if c.is_control() { '?' } else { c }).collect();
    format!("{file}:{}", source.line)
}

/// The ` Source: `file:line`` doc line that ends every item's docs, with a link to the
/// page on learn.microsoft.com when the file is a reference page.
pub fn source_line(source: &Source) -> String {
    let place = code_span(&source_place(source));
    match learn_url(&source.file) {
        Some(url) => format!(" Source: {place} ([Microsoft Learn]({url}))"),
        None => format!(" Source: {place}"),
    }
}

/// Where learn.microsoft.com publishes a reference page: `api-reference/<version>/resources/user.md`
/// at `/en-us/graph/api/resources/user?view=graph-rest-<version without v>`, an `api` page at
/// `/en-us/graph/api/<name>`. Page names are lower case there; a file outside those folders
/// or with a name no address holds has no page.
pub fn learn_url(file: &str) -> Option<String> {
    let rest = file.strip_prefix("api-reference/")?;
    let (version, rest) = rest.split_once('/')?;
    let (folder, name) = rest.split_once('/')?;
    let name = name.strip_suffix(".md").or_else(|| name.strip_suffix(".txt"))?;
    let plain =
        |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if !plain(version) || !plain(name) {
        return None;
    }
    let view = version.strip_prefix('v').unwrap_or(version);
    let page = match folder {
        "resources" => format!("resources/{}", name.to_ascii_lowercase()),
        "api" => name.to_ascii_lowercase(),
        _ => return None,
    };
    Some(format!("https://learn.microsoft.com/en-us/graph/api/{page}?view=graph-rest-{view}"))
}

/// The `#[cfg(…)]` of a conditional item, and the `doc(cfg)` badge that shows the condition
/// on docs.rs; nothing for an unconditional one. (An item left out, `Cfg::Omit`, is not
/// written at all.)
pub fn cfg_attr(attrs: &mut Vec<Attribute>, cfg: &Cfg) {
    if let Some(condition) = condition(cfg) {
        attrs.push(s::list_attr("cfg", condition.clone()));
        attrs.push(s::list_attr("cfg_attr", quote!(docsrs, doc(cfg(#condition)))));
    }
}

/// The `#[cfg(…)]` of a conditional part that rustdoc does not show (an impl, a match arm,
/// a statement, a macro call).
pub fn cfg_attrs(cfg: &Cfg) -> Vec<Attribute> {
    condition(cfg).map(|condition| s::list_attr("cfg", condition)).into_iter().collect()
}

/// The condition inside `cfg(…)`.
fn condition(cfg: &Cfg) -> Option<proc_macro2::TokenStream> {
    let Cfg::When(features) = cfg else { return None };
    Some(match features.as_slice() {
        [one] => quote!(feature = #one),
        _ => quote!(any(#(feature = #features),*)),
    })
}

/// Path from module `from` to an item of module `to`.
fn item_path(layout: &VersionLayout, from: usize, to: usize, item: &str) -> String {
    match (&layout.modules[from].name, &layout.modules[to].name) {
        _ if from == to => item.to_string(),
        (None, Some(to)) => format!("{to}::{item}"),
        (Some(_), None) => format!("super::{item}"),
        (_, Some(to)) => format!("super::{to}::{item}"),
        (None, None) => item.to_string(),
    }
}

fn primitive(edm: &str) -> &'static str {
    match edm {
        "Edm.String" => "String",
        "Edm.Boolean" => "bool",
        "Edm.Int16" => "i16",
        "Edm.Int32" => "i32",
        "Edm.Int64" => "i64",
        "Edm.Byte" => "u8",
        "Edm.SByte" => "i8",
        "Edm.Double" | "Edm.Single" => "rt::Double",
        "Edm.Decimal" => "rt::Decimal",
        "Edm.DateTimeOffset" => "rt::DateTimeOffset",
        "Edm.Date" => "rt::Date",
        "Edm.TimeOfDay" => "rt::TimeOfDay",
        "Edm.Duration" => "rt::Duration",
        "Edm.Guid" => "rt::Guid",
        "Edm.Binary" => "rt::Base64",
        "Edm.Stream" => "rt::Stream",
        _ => "rt::Json",
    }
}

/// The Rust type of a value of docs type `ty`, seen from module `from`.
pub fn value_type(layout: &VersionLayout, from: usize, ty: &str) -> String {
    let Some(t) = layout.type_index(ty) else { return primitive(ty).to_string() };
    let name = layout.any_ident.get(&t).unwrap_or(&layout.ident[t]);
    item_path(layout, from, layout.module_of[t], name)
}

fn field_type(layout: &VersionLayout, owner: usize, p: &Property) -> Type {
    let from = layout.module_of[owner];
    let value = s::named(&value_type(layout, from, &p.ty));
    if p.collection {
        s::generic("Vec", vec![value])
    } else if layout.needs_box(owner, &p.ty, p.collection) {
        s::generic("Box", vec![value])
    } else {
        value
    }
}

/// A module's header: its doc line, and the runtime import.
pub fn module_header(layout: &VersionLayout, m: usize) -> (Vec<Attribute>, Vec<Item>) {
    let info = &layout.modules[m];
    let doc = s::inner_doc(&format!(" Types of the `{}` namespace.", info.namespace));
    let import: Item = if info.name.is_some() {
        syn::parse_quote! {
            #[allow(unused_imports)]
            use super::super::runtime as rt;
        }
    } else {
        syn::parse_quote! {
            #[allow(unused_imports)]
            use super::runtime as rt;
        }
    };
    (vec![doc], vec![import])
}

/// The items one docs type becomes: its struct or enum, and its `Any…` enum if it has one.
/// Each of them carries the type's condition.
pub fn type_items(layout: &VersionLayout, t: usize) -> Vec<Item> {
    let cfg = layout.gates.type_cfg(t);
    if cfg == Cfg::Omit {
        return Vec::new();
    }
    let mut items = match layout.def(t).kind {
        TypeKind::Enum => string_enum(layout, t, &cfg),
        _ => structure(layout, t, &cfg),
    };
    if layout.any_ident.contains_key(&t) {
        items.extend(polymorphic(layout, t, &cfg));
    }
    items
}

/// A JSON property of a struct: its field, and the condition the field carries.
pub struct JsonField<'a> {
    pub json: &'a str,
    pub field: String,
    pub cfg: Cfg,
}

/// Serde for a struct of optional fields: its `rt::JsonFields` impl, one line per property
/// in each method, and the runtime's `json_object!` that builds serde on it. Serde's derive
/// makes several times as much code per field, which was most of the generated crate's
/// compile time, and needs proc-macro crates. `unlisted` names the field that keeps an
/// open type's unlisted properties.
pub fn json_object(name: &str, cfg: &Cfg, fields: &[JsonField], unlisted: Option<&str>) -> Vec<Item> {
    let ty = s::ident(name);
    // The methods' signatures, parsed once per struct; the lines per property are built
    // as nodes and put in place.
    let mut fields_impl: syn::ItemImpl = syn::parse_quote! {
        impl rt::JsonFields for #ty {
            fn write_fields<M: serde::ser::SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
                Ok(())
            }
            fn read_field<'de, A: serde::de::MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
                Ok(true)
            }
        }
    };
    fields_impl.attrs = cfg_attrs(cfg);
    let self_field = |f: &JsonField| s::field_access(s::path_expr("self"), &f.field);
    let mut writes: Vec<syn::Stmt> = fields
        .iter()
        .map(|f| {
            let value = s::borrow(self_field(f), false);
            let write = s::call("rt::write_field", vec![s::path_expr("map"), s::string(f.json), value]);
            s::statement(s::try_expr(cfg_attrs(&f.cfg), write))
        })
        .collect();
    let mut reads: Vec<syn::Arm> = fields
        .iter()
        .map(|f| {
            let value = s::try_expr(Vec::new(), s::method_call(s::path_expr("map"), "next_value", Vec::new()));
            s::arm(cfg_attrs(&f.cfg), s::string_pat(f.json), s::assign(self_field(f), value))
        })
        .collect();
    let not_listed = s::call("Ok", vec![s::path_expr("false")]);
    reads.push(s::arm(
        Vec::new(),
        s::wildcard(),
        syn::Expr::Return(syn::ExprReturn {
            attrs: Vec::new(),
            return_token: Default::default(),
            expr: Some(Box::new(not_listed)),
        }),
    ));
    let mut read = Some(syn::Stmt::Expr(s::match_expr(s::path_expr("key"), reads), None));
    // Each method's lines go before the `Ok` it ends with.
    for item in &mut fields_impl.items {
        if let syn::ImplItem::Fn(f) = item {
            let lines = if f.sig.ident == "write_fields" {
                std::mem::take(&mut writes)
            } else {
                read.take().into_iter().collect()
            };
            f.block.stmts.splice(0..0, lines);
        }
    }
    let tokens = match unlisted.map(s::ident) {
        Some(unlisted) => quote!(#ty, #unlisted),
        None => ty.into_token_stream(),
    };
    vec![syn::Item::Impl(fields_impl), s::macro_item(cfg_attrs(cfg), "rt::json_object", tokens)]
}

/// The field every struct starts with.
fn odata_type_field() -> syn::Field {
    let docs = vec![
        s::doc(" The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent."),
        s::doc(""),
        s::doc(" JSON: `@odata.type`."),
    ];
    s::field(docs, "odata_type", s::generic("Option", vec![s::named("String")]))
}

fn structure(layout: &VersionLayout, t: usize, cfg: &Cfg) -> Vec<Item> {
    let def = layout.def(t);
    let name = &layout.ident[t];
    let mut attrs = Vec::new();
    docs(&mut attrs, &def.description, &def.source);
    cfg_attr(&mut attrs, cfg);
    if layout.is_untyped(t) {
        return vec![s::type_alias(attrs, name, s::named("rt::Json"))];
    }
    attrs.push(s::derive(&["Debug", "Clone", "PartialEq", "Default"]));
    let mut fields = vec![odata_type_field()];
    let mut json_fields = vec![JsonField { json: "@odata.type", field: "odata_type".into(), cfg: Cfg::Always }];
    let mut scope = Scope::with_reserved(&["odata_type", "additional_properties"]);
    let lineage = layout.lineage(t);
    // One field per JSON name; `@odata.type` is always the first field.
    let mut json_names = rustc_hash::FxHashSet::from_iter(["@odata.type"]);
    for &owner in &lineage {
        for p in &layout.def(owner).properties {
            if !json_names.insert(p.name.as_str()) {
                continue;
            }
            // Named before it may be left out, so that names do not depend on the selection.
            let field = scope.claim(names::field_name(&p.name));
            let field_cfg = layout.gates.dependent_cfg(t, layout.type_index(&p.ty));
            if field_cfg == Cfg::Omit {
                continue;
            }
            let mut field_attrs = Vec::new();
            let inherited = match owner == t {
                true => String::new(),
                false => format!("(Inherited from {}.)", code_span(&layout.def(owner).name)),
            };
            field_docs(&mut field_attrs, &p.description, &inherited, &p.name, &p.source);
            cfg_attr(&mut field_attrs, &field_cfg);
            fields.push(s::field(field_attrs, &field, s::generic("Option", vec![field_type(layout, t, p)])));
            json_fields.push(JsonField { json: &p.name, field, cfg: field_cfg });
        }
    }
    let open = lineage.iter().any(|&o| layout.def(o).open);
    if open {
        let doc = s::doc(" Properties the docs do not list: this type is open.");
        let map = s::generic("std::collections::BTreeMap", vec![s::named("String"), s::named("rt::Json")]);
        fields.push(s::field(vec![doc], "additional_properties", map));
    }
    let mut items = vec![s::named_struct(attrs, name, fields)];
    items.extend(json_object(name, cfg, &json_fields, open.then_some("additional_properties")));
    items
}

fn string_enum(layout: &VersionLayout, t: usize, cfg: &Cfg) -> Vec<Item> {
    let def = layout.def(t);
    let name = &layout.ident[t];
    let mut attrs = Vec::new();
    docs(&mut attrs, &def.description, &def.source);
    cfg_attr(&mut attrs, cfg);
    attrs.push(s::derive(&["Debug", "Clone", "PartialEq", "Eq", "Hash"]));
    attrs.push(s::word_attr("non_exhaustive"));
    let mut scope = Scope::with_reserved(&["UnknownValue"]);
    let members: Vec<(String, &str)> = def
        .members
        .iter()
        .map(|m| (format!("Self::{}", scope.claim(names::variant_name(&m.name))), m.name.as_str()))
        .collect();
    let mut variants: Vec<syn::Variant> = members
        .iter()
        .zip(&def.members)
        .map(|((variant, _), member)| {
            let mut doc = format!(" {}", code_span(&member.name));
            if !member.description.is_empty() {
                doc.push_str(": ");
                push_doc_line(&mut doc, &member.description);
            }
            s::variant(vec![s::doc(&doc)], &variant["Self::".len()..], None)
        })
        .collect();
    let unknown_doc = s::doc(" A value these docs do not list; kept as sent.");
    variants.push(s::variant(vec![unknown_doc], "UnknownValue", Some(s::named("String"))));

    let unknown = s::tuple_pat("Self::UnknownValue", vec![s::binding("value")]);
    let mut as_str: Vec<syn::Arm> =
        members.iter().map(|(variant, wire)| s::arm(Vec::new(), s::path_pat(variant), s::string(wire))).collect();
    as_str.push(s::arm(Vec::new(), unknown, s::path_expr("value")));
    let sig = s::signature("as_str", SelfArg::Ref, Vec::new(), Some(s::reference(s::named("str"))));
    let body = vec![s::tail(s::match_expr(s::path_expr("self"), as_str))];
    let as_str = s::method(vec![s::doc(" The value as the service writes it.")], s::public(), sig, body);

    let mut from: Vec<syn::Arm> =
        members.iter().map(|(variant, wire)| s::arm(Vec::new(), s::string_pat(wire), s::path_expr(variant))).collect();
    let owned = s::method_call(s::path_expr("value"), "to_owned", Vec::new());
    from.push(s::arm(Vec::new(), s::wildcard(), s::call("Self::UnknownValue", vec![owned])));
    let sig = s::signature(
        "from",
        SelfArg::None,
        vec![s::param("value", s::reference(s::named("str")))],
        Some(s::named("Self")),
    );
    let body = vec![s::tail(s::match_expr(s::path_expr("value"), from))];
    let from = s::method(Vec::new(), syn::Visibility::Inherited, sig, body);
    let from_str = s::path_with("From", vec![s::reference(s::named("str"))]);

    vec![
        s::enumeration(attrs, name, variants),
        s::impl_block(cfg_attrs(cfg), None, s::named(name), vec![as_str]),
        s::impl_block(cfg_attrs(cfg), Some(from_str), s::named(name), vec![from]),
        s::macro_item(cfg_attrs(cfg), "rt::string_enum", s::ident(name).into_token_stream()),
    ]
}

/// A variant of an `Any…` enum: its name, the type it holds and the docs type's name. (Its
/// type is a struct: a type with a base or derived types is never held as any JSON.)
struct AnyVariant {
    name: String,
    path: String,
    wire: String,
    cfg: Cfg,
}

/// `Any<Type>`: a value declared as `Type` read as the derived type its `@odata.type` names.
/// Few types have one, so it and its serde impls are written as tokens and parsed; the
/// conversions and accessors, one per variant, are built as nodes.
fn polymorphic(layout: &VersionLayout, t: usize, cfg: &Cfg) -> Vec<Item> {
    let m = layout.module_of[t];
    let any = s::ident(&layout.any_ident[&t]);
    let def = layout.def(t);
    let mut scope = Scope::default();
    let base = AnyVariant {
        name: scope.claim(layout.ident[t].clone()),
        path: item_path(layout, m, m, &layout.ident[t]),
        wire: def.name.clone(),
        cfg: Cfg::Always,
    };
    // A derived type's variant, and its arms, are there when the derived type is.
    let derived: Vec<AnyVariant> = layout.descendants[t]
        .iter()
        .map(|&d| AnyVariant {
            name: scope.claim(layout.ident[d].clone()),
            path: item_path(layout, m, layout.module_of[d], &layout.ident[d]),
            wire: layout.def(d).name.clone(),
            cfg: layout.gates.dependent_cfg(t, Some(d)),
        })
        .filter(|v| v.cfg != Cfg::Omit)
        .collect();
    let (base_variant, base_path) = (s::ident(&base.name), s::path(&base.path));
    let variants: Vec<_> = derived.iter().map(|v| s::ident(&v.name)).collect();
    let paths: Vec<_> = derived.iter().map(|v| s::path(&v.path)).collect();
    let wires: Vec<_> = derived.iter().map(|v| v.wire.as_str()).collect();
    let badged = derived.iter().map(|v| {
        let mut attrs = Vec::new();
        cfg_attr(&mut attrs, &v.cfg);
        quote!(#(#attrs)*)
    });
    let cfgs: Vec<_> = derived.iter().map(|v| cfg_attrs(&v.cfg)).map(|attrs| quote!(#(#attrs)*)).collect();
    let mut enum_attrs = Vec::new();
    cfg_attr(&mut enum_attrs, cfg);
    let impl_cfg = cfg_attrs(cfg);
    let doc = [
        format!(" A {} or any type derived from it, read as the type its `@odata.type` names.", code_span(&def.name)),
        String::new(),
        " Made from any variant's type with `.into()`; `as_<variant>` and `into_<variant>` (the".into(),
        " variant's name in snake case) give the value when it was read as exactly that type.".into(),
    ];
    let tokens = quote! {
        #(#[doc = #doc])*
        #(#enum_attrs)*
        #[derive(Debug, Clone, PartialEq)]
        pub enum #any {
            #base_variant(Box<#base_path>),
            #(#badged #variants(Box<#paths>),)*
        }
        #(#impl_cfg)*
        impl Default for #any {
            #[inline]
            fn default() -> Self {
                Self::#base_variant(Box::default())
            }
        }
        #(#impl_cfg)*
        impl serde::Serialize for #any {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    Self::#base_variant(value) => serde::Serialize::serialize(value, s),
                    #(#cfgs Self::#variants(value) => serde::Serialize::serialize(value, s),)*
                }
            }
        }
        #(#impl_cfg)*
        impl<'de> serde::Deserialize<'de> for #any {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let value = <rt::Json as serde::Deserialize>::deserialize(d)?;
                let odata_type = rt::odata_type(&value).map(str::to_owned);
                Ok(match odata_type.as_deref() {
                    #(#cfgs Some(#wires) => Self::#variants(rt::read_as(value)?),)*
                    _ => Self::#base_variant(rt::read_as(value)?),
                })
            }
        }
    };
    // The tokens are made here from identifiers, paths and literals; they always parse.
    let mut items = syn::parse2::<syn::File>(tokens).expect("an Any… enum's tokens parse").items;
    let all: Vec<&AnyVariant> = std::iter::once(&base).chain(&derived).collect();
    let any_type = s::named(&layout.any_ident[&t]);
    items.extend(all.iter().enumerate().map(|(i, v)| conversion(&any_type, v, i > 0, cfg)));
    items.push(s::impl_block(impl_cfg, None, any_type, accessors(&all)));
    items
}

/// `impl From<Derived> for AnyBase`, under the variant's condition and the enum's. A derived
/// value gets its type's name in `@odata.type` if it has none, as the service needs it to
/// read the value as that type.
fn conversion(any: &Type, variant: &AnyVariant, derived: bool, cfg: &Cfg) -> Item {
    let ty = s::named(&variant.path);
    let boxed = s::call("Box::new", vec![s::path_expr("value")]);
    let mut body = Vec::new();
    let param = if derived {
        let odata_type = s::borrow(s::field_access(s::path_expr("value"), "odata_type"), true);
        let name = s::string(&format!("#{}", variant.wire));
        body.push(s::statement(s::call("rt::name_type", vec![odata_type, name])));
        s::mut_param("value", ty.clone())
    } else {
        s::param("value", ty.clone())
    };
    body.push(s::tail(s::call(&format!("Self::{}", variant.name), vec![boxed])));
    let sig = s::signature("from", SelfArg::None, vec![param], Some(s::named("Self")));
    let from = s::method(vec![s::word_attr("inline")], syn::Visibility::Inherited, sig, body);
    let mut attrs = cfg_attrs(cfg);
    attrs.extend(cfg_attrs(&variant.cfg));
    s::impl_block(attrs, Some(s::path_with("From", vec![ty])), any.clone(), vec![from])
}

/// `as_<variant>(&self) -> Option<&T>` and `into_<variant>(self) -> Option<T>` for each
/// variant, named after the variant in snake case (the variants' names are unique, and so
/// are these). A variant left out by its condition takes its accessors with it.
fn accessors(variants: &[&AnyVariant]) -> Vec<syn::ImplItem> {
    let mut stems = Scope::default();
    let conditional = variants.iter().any(|v| v.cfg != Cfg::Always);
    let mut methods = Vec::with_capacity(2 * variants.len());
    for v in variants {
        let stem = stems.claim(names::field_name(&v.name));
        let ty = s::named(&v.path);
        let pattern = s::tuple_pat(&format!("Self::{}", v.name), vec![s::binding("value")]);
        let doc = format!(" The {} this value was read as, if it was one.", code_span(&v.wire));
        for by_reference in [true, false] {
            // The value boxed in the variant: `&**value` borrowed, `*value` moved out.
            let unboxed = s::deref(s::path_expr("value"));
            let (name, receiver, output, value) = match by_reference {
                true => {
                    (format!("as_{stem}"), SelfArg::Ref, s::reference(ty.clone()), s::borrow(s::deref(unboxed), false))
                }
                false => (format!("into_{stem}"), SelfArg::Value, ty.clone(), unboxed),
            };
            let mut arms = vec![s::arm(Vec::new(), pattern.clone(), s::call("Some", vec![value]))];
            if variants.len() > 1 {
                // Unreachable when the other variants are left out by their conditions.
                let allow = conditional.then(|| s::list_attr("allow", quote!(unreachable_patterns)));
                arms.push(s::arm(allow.into_iter().collect(), s::wildcard(), s::path_expr("None")));
            }
            let sig = s::signature(&name, receiver, Vec::new(), Some(s::generic("Option", vec![output])));
            let body = vec![s::tail(s::match_expr(s::path_expr("self"), arms))];
            let mut attrs = vec![s::doc(&doc)];
            cfg_attr(&mut attrs, &v.cfg);
            attrs.push(s::word_attr("inline"));
            methods.push(s::method(attrs, s::public(), sig, body));
        }
    }
    methods
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Model, TypeDef};
    use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};

    /// What rustdoc's markdown makes of a doc line: its text (an autolink's text included),
    /// or why it is more than text (HTML, a link that is not an autolink, a bare address).
    fn rendered(line: &str) -> Result<String, String> {
        let options = Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
        let (mut text, mut in_link) = (String::new(), false);
        for event in Parser::new_ext(line, options) {
            match event {
                Event::Text(t) => {
                    let lower = t.to_ascii_lowercase();
                    let bare = ["http://", "https://"]
                        .iter()
                        .any(|s| lower.split(s).skip(1).any(|after| after.starts_with(|c: char| !c.is_whitespace())));
                    if bare && !in_link {
                        return Err(format!("bare address in {t:?}"));
                    }
                    text.push_str(&t);
                }
                Event::Start(Tag::Link { link_type: LinkType::Autolink, .. }) => in_link = true,
                Event::End(pulldown_cmark::TagEnd::Link) => in_link = false,
                Event::Start(Tag::Paragraph | Tag::Strikethrough) | Event::End(_) => {}
                other => return Err(format!("{other:?}")),
            }
        }
        Ok(text)
    }

    fn words_line(text: &str) -> String {
        let mut out = String::new();
        push_words(&mut out, text);
        out
    }

    proptest::proptest! {
        /// Text copied whole is exactly what the word-by-word path would write.
        #[test]
        fn doc_line_fast_path_is_the_word_by_word_line(
            text in "([a -~\t\n\x0B\r\u{a0}\u{2003}é`]|https?://){0,24}|``` ?[a ]{0,4}"
        ) {
            let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(doc_line(&text), words_line(&text));
            if is_one_clean_line(&text) {
                let fence = joined.starts_with("```") || joined.starts_with("~~~");
                proptest::prop_assert_eq!(doc_line(&text), if fence { format!("\\{joined}") } else { joined });
            }
        }

        /// Whatever the text, rustdoc reads the line as exactly that text: no link but web
        /// addresses made autolinks, no HTML, no bare address.
        #[test]
        fn doc_line_renders_as_its_text(text in "x ([a-z0-9 \\[\\]<>\\\\():./!^]|https?://|HTTP://|ftp://){0,30}") {
            let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(rendered(&doc_line(&text)), Ok(joined));
        }
    }

    #[test]
    fn doc_lines_escape_links_and_html_and_wrap_addresses() {
        assert_eq!(doc_line("the first entry, values[0], is <id>"), "the first entry, values\\[0\\], is \\<id\\>");
        assert_eq!(doc_line("see https://example.com/a_b."), "see <https://example.com/a_b>.");
        assert_eq!(doc_line("(xhttps://example.com)"), "(x<https://example.com>)");
        assert_eq!(doc_line("ftp://example.com and http://"), "ftp://example.com and http://");
        assert_eq!(doc_line("a\\b"), "a\\\\b");
    }

    #[test]
    fn code_spans_hold_any_text() {
        assert_eq!(code_span("accountEnabled"), "`accountEnabled`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x``"), "``` `x`` ```");
        assert_eq!(code_span("two\nlines"), "`two lines`");
    }

    #[test]
    fn reference_pages_link_to_their_learn_page() {
        let url = |file: &str| learn_url(file);
        let learn = "https://learn.microsoft.com/en-us/graph/api/";
        assert_eq!(
            url("api-reference/v1.0/resources/user.md"),
            Some(format!("{learn}resources/user?view=graph-rest-1.0"))
        );
        assert_eq!(url("api-reference/beta/api/user-get.md"), Some(format!("{learn}user-get?view=graph-rest-beta")));
        assert_eq!(
            url("api-reference/v1.0/resources/baseItemVersion.txt"),
            Some(format!("{learn}resources/baseitemversion?view=graph-rest-1.0"))
        );
        for elsewhere in [
            "concepts/overview.md",
            "api-reference/v1.0/includes/x.md",
            "api-reference/v1.0/api/a b.md",
            "api-reference/v1.0/api/x.json",
        ] {
            assert_eq!(url(elsewhere), None, "{elsewhere}");
        }
        let source = Source { file: "api-reference/beta/api/user-get.md".into(), line: 3 };
        assert_eq!(source_line(&source), format!(" Source: `api-reference/beta/api/user-get.md:3` ([Microsoft Learn]({learn}user-get?view=graph-rest-beta))"));
    }

    fn ty(name: &str, base: Option<&str>, properties: &[(&str, &str)]) -> TypeDef {
        let source = Source { file: format!("api-reference/v1.0/resources/{}.md", name.to_lowercase()), line: 1 };
        let property = |(json, ty): &(&str, &str)| Property {
            name: json.to_string(),
            ty: ty.to_string(),
            collection: false,
            nullable: true,
            navigation: false,
            description: format!("About {json}: see values[0]."),
            source: source.clone(),
        };
        TypeDef {
            name: format!("microsoft.graph.{name}"),
            kind: TypeKind::Complex,
            base: base.map(|b| format!("microsoft.graph.{b}")),
            is_abstract: false,
            open: false,
            properties: properties.iter().map(property).collect(),
            members: Vec::new(),
            description: String::new(),
            source,
        }
    }

    /// recipient ← attendeeBase ← attendee, and two derived types of the same name in two
    /// namespaces, all held by `message.from`.
    fn printed(version_features: bool) -> String {
        let types = vec![
            ty("attendee", Some("attendeeBase"), &[("status", "Edm.String")]),
            ty("attendeeBase", Some("recipient"), &[("type", "Edm.String")]),
            ty("message", None, &[("from", "microsoft.graph.recipient")]),
            ty("recipient", None, &[("emailAddress", "Edm.String")]),
            ty("callRecords.shadowCopy", Some("recipient"), &[]),
            ty("shadowCopy", Some("recipient"), &[]),
        ];
        let model = Model {
            version: "v1.0".into(),
            types,
            operations: Vec::new(),
            diagnostics: Vec::new(),
            example_requests: Default::default(),
        };
        let layout = match version_features {
            false => VersionLayout::new(&model),
            true => {
                VersionLayout::with_gates(&model, super::super::areas::Gates::new(&model, &Default::default(), true))
            }
        };
        let items: Vec<Item> = (0..model.types.len()).flat_map(|t| type_items(&layout, t)).collect();
        prettyplease::unparse(&syn::File { shebang: None, attrs: Vec::new(), items })
    }

    #[test]
    fn any_enums_convert_from_each_variant_and_give_each_back() {
        let code = printed(false);
        for variant in ["Recipient", "Attendee", "AttendeeBase", "ShadowCopy", "call_records::ShadowCopy"] {
            assert!(code.contains(&format!("impl From<{variant}> for AnyRecipient {{")), "From<{variant}>");
        }
        // A derived value names its type for the service; the declared type needs no name.
        assert!(code.contains("rt::name_type(&mut value.odata_type, \"#microsoft.graph.attendeeBase\");"));
        assert_eq!(code.matches("rt::name_type(").count(), 4);
        let methods: Vec<&str> =
            code.lines().filter_map(|l| l.trim().strip_prefix("pub fn ")).map(|l| &l[..l.find('(').unwrap()]).collect();
        for stem in ["recipient", "attendee", "attendee_base", "shadow_copy", "shadow_copy2"] {
            assert!(
                methods.contains(&format!("as_{stem}").as_str()) && methods.contains(&format!("into_{stem}").as_str()),
                "{stem}"
            );
        }
        let unique: std::collections::HashSet<&&str> = methods.iter().collect();
        assert_eq!(unique.len(), methods.len(), "{methods:?}");
        assert!(code.contains("impl Default for AnyRecipient"));
    }

    #[test]
    fn fields_show_their_json_name_and_items_their_page() {
        let code = printed(false);
        assert!(code.contains("/// About emailAddress: see values\\[0\\].\n    ///\n    /// JSON: `emailAddress`. Source: `api-reference/v1.0/resources/recipient.md:1`\n"), "{code}");
        assert!(
            code.contains("/// About emailAddress: see values\\[0\\]. (Inherited from `microsoft.graph.recipient`.)")
        );
        assert!(code.contains(
            "([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/message?view=graph-rest-1.0))"
        ));
    }

    #[test]
    fn each_condition_has_its_doc_badge_where_rustdoc_shows_the_item() {
        let code = printed(true);
        let cfgs = code.matches("#[cfg(feature = \"v1_0\")]").count();
        let badges = code.matches("#[cfg_attr(docsrs, doc(cfg(feature = \"v1_0\")))]").count();
        // Each type's items: its struct is badged; impls and macro calls are not.
        assert!(badges > 0 && badges < cfgs, "{badges} badges, {cfgs} conditions");
        assert!(code.contains("#[cfg(feature = \"v1_0\")]\n#[cfg_attr(docsrs, doc(cfg(feature = \"v1_0\")))]\n#[derive(Debug, Clone, PartialEq, Default)]\npub struct Message"));
    }
}
