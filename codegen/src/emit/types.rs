//! Rust items for the types of one module: structs, string enums, polymorphic enums.

use super::areas::Cfg;
use super::layout::VersionLayout;
use super::names::{self, Scope};
use super::syntax::{self as s, SelfArg};
use crate::ir::{Property, Source, TypeKind};
use quote::{quote, ToTokens};
use syn::{Attribute, Item, Type};

/// Doc lines: the description on one line (so no text can form markdown blocks), then the
/// page it comes from. Text only ever enters a doc comment or a string literal.
pub fn docs(attrs: &mut Vec<Attribute>, description: &str, source: &Source) {
    let mut text = String::with_capacity(description.len() + 1);
    text.push(' ');
    push_doc_line(&mut text, description);
    if text.len() > 1 {
        attrs.push(s::doc(&text));
        attrs.push(s::doc(""));
    }
    attrs.push(s::doc(&source_line(source)));
}

/// Text as one doc line that cannot open a markdown block.
pub fn doc_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_doc_line(&mut out, text);
    out
}

/// Appends `text` on one line, runs of whitespace as one space.
fn push_doc_line(out: &mut String, text: &str) {
    let start = out.len();
    if is_one_clean_line(text) {
        // Most descriptions: copied whole rather than word by word.
        out.push_str(text);
    } else {
        for (i, word) in text.split_whitespace().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    // A line opening with a fence would make rustdoc read the rest as a doctest.
    if out[start..].starts_with("```") || out[start..].starts_with("~~~") {
        out.insert(start, '\\');
    }
}

/// ASCII with single spaces between words and none at either end: what `push_doc_line`
/// would write unchanged. (For ASCII, `char::is_whitespace` is a space or `\t`..=`\r`.)
fn is_one_clean_line(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && bytes.iter().all(|&b| b.is_ascii() && !matches!(b, b'\t'..=b'\r'))
        && memchr::memmem::find(bytes, b"  ").is_none()
}

/// The ` Source: `file:line`` doc line that ends every item's docs.
pub fn source_line(source: &Source) -> String {
    // A file name may hold line breaks; rustdoc refuses a bare CR in a doc comment.
    let file: String = source.file.chars().map(|c| if c.is_control() { '?' } else { c }).collect();
    format!(" Source: `{file}:{}`", source.line)
}

/// The `#[cfg(…)]` of a conditional item; nothing for an unconditional one. (An item left
/// out, `Cfg::Omit`, is not written at all.)
pub fn cfg_attr(attrs: &mut Vec<Attribute>, cfg: &Cfg) {
    let Cfg::When(features) = cfg else { return };
    let tokens = match features.as_slice() {
        [one] => quote!(feature = #one),
        _ => quote!(any(#(feature = #features),*)),
    };
    attrs.push(s::list_attr("cfg", tokens));
}

/// The attributes of an item: its `#[cfg]`, if any.
pub fn cfg_attrs(cfg: &Cfg) -> Vec<Attribute> {
    let mut attrs = Vec::new();
    cfg_attr(&mut attrs, cfg);
    attrs
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
    let doc = s::doc(" The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.");
    s::field(vec![doc], "odata_type", s::generic("Option", vec![s::named("String")]))
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
            if owner == t {
                docs(&mut field_attrs, &p.description, &p.source);
            } else {
                let inherited = format!("{} (Inherited from `{}`.)", p.description, layout.def(owner).name);
                docs(&mut field_attrs, &inherited, &p.source);
            }
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
    if def.kind == TypeKind::Entity {
        items.extend(json_fields.iter().find(|f| f.json == "id").map(|id| keyed(name, cfg, &id.field)));
    }
    items
}

/// `impl rt::Keyed`: an entity passed where the request tree takes a key of its type
/// (`Graph::users().item(&user)`) gives its id, and one of another type does not compile.
fn keyed(name: &str, cfg: &Cfg, id: &str) -> Item {
    let (ty, id) = (s::ident(name), s::ident(id));
    let mut item: Item = syn::parse_quote! {
        impl rt::Keyed for #ty {
            fn key(&self) -> &str {
                self.#id.as_deref().unwrap_or_default()
            }
        }
    };
    if let Item::Impl(keyed) = &mut item {
        keyed.attrs = cfg_attrs(cfg);
    }
    item
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
            let doc = if member.description.is_empty() {
                format!(" `{}`", member.name)
            } else {
                let description = member.description.split_whitespace().collect::<Vec<_>>().join(" ");
                format!(" `{}`: {description}", member.name)
            };
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

/// `Any<Type>`: a value declared as `Type` read as the derived type its `@odata.type` names.
/// Few types have one, so its serde impls are written as tokens and parsed.
fn polymorphic(layout: &VersionLayout, t: usize, cfg: &Cfg) -> Vec<Item> {
    let m = layout.module_of[t];
    let any = s::ident(&layout.any_ident[&t]);
    let def = layout.def(t);
    let mut scope = Scope::default();
    let base_variant = s::ident(&scope.claim(layout.ident[t].clone()));
    let base_path = s::path(&item_path(layout, m, m, &layout.ident[t]));
    // A derived type's variant, and its arms, are there when the derived type is.
    let (mut variants, mut paths, mut wires, mut cfgs) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for &d in &layout.descendants[t] {
        let variant = scope.claim(layout.ident[d].clone());
        let variant_cfg = layout.gates.dependent_cfg(t, Some(d));
        if variant_cfg != Cfg::Omit {
            variants.push(s::ident(&variant));
            paths.push(s::path(&item_path(layout, m, layout.module_of[d], &layout.ident[d])));
            wires.push(layout.def(d).name.as_str());
            cfgs.push(cfg_attrs(&variant_cfg));
        }
    }
    let doc = format!(" A `{}` or any type derived from it, read as the type its `@odata.type` names.", def.name);
    let cfg = cfg_attrs(cfg);
    let cfgs = cfgs.iter().map(|attrs| quote!(#(#attrs)*)).collect::<Vec<_>>();
    let tokens = quote! {
        #[doc = #doc]
        #(#cfg)*
        #[derive(Debug, Clone, PartialEq)]
        pub enum #any {
            #base_variant(Box<#base_path>),
            #(#cfgs #variants(Box<#paths>),)*
        }
        #(#cfg)*
        impl serde::Serialize for #any {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    Self::#base_variant(value) => serde::Serialize::serialize(value, s),
                    #(#cfgs Self::#variants(value) => serde::Serialize::serialize(value, s),)*
                }
            }
        }
        #(#cfg)*
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
        // A response of the declared type reads as JSON.
        #(#cfg)*
        impl rt::JsonResponse for #any {}
    };
    // The tokens are made here from identifiers, paths and literals; they always parse.
    syn::parse2::<syn::File>(tokens).expect("an Any… enum's tokens parse").items
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Text copied whole is exactly what the word-by-word join would write.
        #[test]
        fn doc_line_joins_words_with_single_spaces(text in "[a -~\t\n\x0B\r\u{a0}\u{2003}é`]{0,24}|``` ?[a ]{0,4}") {
            let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let fence = joined.starts_with("```") || joined.starts_with("~~~");
            let expected = if fence { format!("\\{joined}") } else { joined };
            proptest::prop_assert_eq!(doc_line(&text), expected);
        }
    }
}
