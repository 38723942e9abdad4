//! Rust items for the types of one module: structs, string enums, polymorphic enums.

use super::areas::Cfg;
use super::layout::VersionLayout;
use super::names::{self, Scope};
use super::syntax::{self as s, SelfArg};
use crate::ir::{Property, TypeKind};
use quote::{quote, ToTokens};
use syn::{Attribute, Item, Type};

mod docs;
mod polymorphic;

pub use docs::{code_span, doc_line, docs, source_line};
use docs::{field_docs, push_doc_line};

/// The `#[cfg(…)]` of a conditional item, and the `doc(cfg)` badge that shows the condition
/// on docs.rs; nothing for an unconditional one. (An item left out, `Cfg::Omit`, is not
/// written at all.)
pub fn cfg_attr(attrs: &mut Vec<Attribute>, cfg: &Cfg) {
    thread_local! {
        static MADE: s::Made<[Attribute; 2]> = Default::default();
    }
    let Cfg::When(features) = cfg else { return };
    attrs.extend(s::made_once(&MADE, &features.join(" "), |_| {
        let condition = condition(cfg).unwrap_or_default();
        [s::list_attr("cfg", condition.clone()), s::list_attr("cfg_attr", quote!(docsrs, doc(cfg(#condition))))]
    }));
}

/// The `#[cfg(…)]` of a conditional part that rustdoc does not show (an impl, a match arm,
/// a statement, a macro call).
pub fn cfg_attrs(cfg: &Cfg) -> Vec<Attribute> {
    condition(cfg).map(|condition| s::list_attr("cfg", condition)).into_iter().collect()
}

/// The condition inside `cfg(…)`. The same few conditions stand on most items, and a
/// token stream is cheap to clone: each thread makes a condition once (see `made_once`).
fn condition(cfg: &Cfg) -> Option<proc_macro2::TokenStream> {
    thread_local! {
        static MADE: s::Made<proc_macro2::TokenStream> = Default::default();
    }
    let Cfg::When(features) = cfg else { return None };
    Some(s::made_once(&MADE, &features.join(" "), |_| match features.as_slice() {
        [one] => quote!(feature = #one),
        _ => quote!(any(#(feature = #features),*)),
    }))
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
    } else if held_boxed(layout, p) || layout.needs_box(owner, &p.ty, p.collection) {
        s::generic("Box", vec![value])
    } else {
        value
    }
}

/// Whether a single-valued property's struct is held boxed: always (an `Any…` enum holds
/// its value boxed already). A value is then as big as its primitive fields, 8 bytes for
/// each struct it may hold, and 24 for each collection, however large those structs are
/// and whether or not the input has them: most are absent from most values, and
/// navigation properties from all but `$expand`ed ones. Inline, they made a `User` (all of
/// v1.0) 4,232 bytes, and reading a page mostly moving them around.
fn held_boxed(layout: &VersionLayout, p: &Property) -> bool {
    layout.type_index(&p.ty).is_some_and(|t| {
        layout.def(t).kind != TypeKind::Enum && !layout.any_ident.contains_key(&t) && !layout.is_untyped(t)
    })
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
        items.extend(polymorphic::items(layout, t, &cfg));
        items.extend(super::query::any_items(layout, t, &cfg));
    }
    items
}

/// A JSON property of a struct: its field, the condition the field carries, and whether
/// its value is read leniently (`is_lenient`).
pub struct JsonField<'a> {
    pub json: &'a str,
    pub field: String,
    pub cfg: Cfg,
    pub lenient: bool,
}

/// Whether values of docs type `ty` come in more than one form, which the runtime's
/// `Lenient` reads: integers also as strings, date-times also without an offset.
pub fn is_lenient(ty: &str) -> bool {
    matches!(ty, "Edm.Int16" | "Edm.Int32" | "Edm.Int64" | "Edm.Byte" | "Edm.SByte" | "Edm.DateTimeOffset")
}

/// What a struct is to serde: a type's (with `@odata.type`, and a field keeping an open
/// type's unlisted properties), or an action's parameters.
pub enum ObjectKind<'a> {
    Type { unlisted: Option<&'a str> },
    Parameters,
}

/// Serde for a struct of optional fields: its `rt::JsonFields` impl, one line per property
/// in each method, and the runtime's `json_object!` that builds serde on it. Serde's derive
/// makes several times as much code per field, which was most of the generated crate's
/// compile time, and needs proc-macro crates. Every such struct has a `nulls` field
/// (`rt::Nulls`: the properties that are an explicit `null`).
pub fn json_object(name: &str, cfg: &Cfg, fields: &[JsonField], kind: ObjectKind) -> Vec<Item> {
    let ty = s::ident(name);
    // The methods' signatures, parsed once per thread and copied for each struct; the
    // lines per property are built as nodes and put in place.
    thread_local! {
        static SKELETON: syn::ItemImpl = syn::parse_quote! {
            impl rt::JsonFields for Type {
                fn write_fields<M: serde::ser::SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
                    Ok(())
                }
                fn read_field<'de, A: serde::de::MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<rt::Read, A::Error> {
                    match key {}
                }
            }
        };
    }
    let mut fields_impl = SKELETON.with(syn::ItemImpl::clone);
    *fields_impl.self_ty = s::named(name);
    fields_impl.attrs = cfg_attrs(cfg);
    let self_field = |field: &str| s::field_access(s::path_expr("self"), field);
    let mut writes: Vec<syn::Stmt> = fields
        .iter()
        .map(|f| {
            let (nulls, value) = (s::borrow(self_field("nulls"), false), s::borrow(self_field(&f.field), false));
            let write = s::call("rt::write_field", vec![s::path_expr("map"), nulls, s::string(f.json), value]);
            s::statement(s::try_expr(cfg_attrs(&f.cfg), write))
        })
        .collect();
    let mut reads: Vec<syn::Arm> = fields
        .iter()
        .map(|f| {
            let read = if f.lenient { "rt::read_lenient" } else { "rt::read_field" };
            let call = s::call(read, vec![s::path_expr("map"), s::borrow(self_field(&f.field), true)]);
            s::arm(cfg_attrs(&f.cfg), s::string_pat(f.json), call)
        })
        .collect();
    reads.push(s::arm(Vec::new(), s::wildcard(), s::call("Ok", vec![s::path_expr("rt::Read::Unlisted")])));
    let mut reads = Some(reads);
    for item in &mut fields_impl.items {
        let syn::ImplItem::Fn(f) = item else { continue };
        if f.sig.ident == "write_fields" {
            // The lines go before the `Ok` the method ends with.
            f.block.stmts.splice(0..0, std::mem::take(&mut writes));
        } else if let Some(syn::Stmt::Expr(syn::Expr::Match(matched), _)) = f.block.stmts.last_mut() {
            matched.arms = reads.take().unwrap_or_default();
        }
    }
    let tokens = match kind {
        ObjectKind::Type { unlisted: Some(unlisted) } => {
            let unlisted = s::ident(unlisted);
            quote!(#ty, #unlisted)
        }
        ObjectKind::Type { unlisted: None } => ty.into_token_stream(),
        ObjectKind::Parameters => quote!(parameters #ty),
    };
    vec![syn::Item::Impl(fields_impl), s::macro_item(cfg_attrs(cfg), "rt::json_object", tokens)]
}

/// The field of the properties that are an explicit `null`, in every struct of properties.
pub fn nulls_field() -> syn::Field {
    let docs =
        vec![s::doc(" The properties that are an explicit `null`: `nulls.set(\"mobilePhone\")` sends one as `null`.")];
    s::field(docs, "nulls", s::named("rt::Nulls"))
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
    let odata_type = JsonField { json: "@odata.type", field: "odata_type".into(), cfg: Cfg::Always, lenient: false };
    let mut json_fields = vec![odata_type];
    let mut scope = Scope::with_reserved(&["odata_type", "additional_properties", "nulls"]);
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
            json_fields.push(JsonField { json: &p.name, field, cfg: field_cfg, lenient: is_lenient(&p.ty) });
        }
    }
    fields.push(nulls_field());
    let open = lineage.iter().any(|&o| layout.def(o).open);
    if open {
        let doc = s::doc(" Properties the docs do not list: this type is open.");
        let map = s::generic("std::collections::BTreeMap", vec![s::named("String"), s::named("rt::Json")]);
        fields.push(s::field(vec![doc], "additional_properties", map));
    }
    let mut items = vec![s::named_struct(attrs, name, fields)];
    let unlisted = open.then_some("additional_properties");
    items.extend(json_object(name, cfg, &json_fields, ObjectKind::Type { unlisted }));
    if def.kind == TypeKind::Entity {
        items.extend(json_fields.iter().find(|f| f.json == "id").map(|id| keyed(name, cfg, &id.field)));
    }
    items.extend(super::query::struct_items(layout, t, cfg));
    items
}

/// `impl rt::Keyed`: an entity passed where the request tree takes a key of its type
/// (`Graph::users().item(&user)`) gives its id, and one of another type does not compile.
fn keyed(name: &str, cfg: &Cfg, id: &str) -> Item {
    let id = s::field_access(s::path_expr("self"), id);
    let key = s::method_call(s::method_call(id, "as_deref", Vec::new()), "unwrap_or_default", Vec::new());
    let sig = s::signature("key", SelfArg::Ref, Vec::new(), Some(s::reference(s::named("str"))));
    let method = s::method(Vec::new(), syn::Visibility::Inherited, sig, vec![s::tail(key)]);
    s::impl_block(cfg_attrs(cfg), Some(s::path("rt::Keyed")), s::named(name), vec![method])
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Model, Source, TypeDef};

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
            query: None,
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
