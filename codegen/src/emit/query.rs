//! Per type, what typed queries name: one associated const per property
//! (`User::DISPLAY_NAME: rt::Field<Self, String>`), typed by the value and, where the docs
//! list them, by the `$filter` operators (`rt::Ops<…>`), and the `rt::Queryable` impls that
//! tie a response type (a struct, its `Any…` enum) to those consts. One const per property
//! keeps the cost per property to one small item.

use super::areas::Cfg;
use super::layout::VersionLayout;
use super::names::{self, Scope};
use super::syntax as s;
use super::types::{cfg_attr, cfg_attrs, value_type};
use crate::ir::{FilterNote, Property, QueryNotes, Selected};
use syn::{GenericArgument, ImplItem, Item, Type};

/// The operators of `rt::Ops`, in its parameters' order, as the notes spell them.
const OPS_ORDER: [&str; 13] =
    ["eq", "ne", "not", "gt", "ge", "lt", "le", "in", "startsWith", "endsWith", "contains", "any", "eq null"];

/// The properties of a struct (its own and inherited, one per JSON name, base-most first),
/// each with the name of its const: the snake-case field name in capitals.
pub fn consts<'l>(layout: &'l VersionLayout, t: usize) -> Vec<(&'l Property, String)> {
    let mut scope = Scope::with_reserved(&["ODATA_TYPE", "ADDITIONAL_PROPERTIES"]);
    let mut seen = rustc_hash::FxHashSet::default();
    let mut out = Vec::new();
    for owner in layout.lineage(t) {
        for p in &layout.def(owner).properties {
            if seen.insert(p.name.as_str()) {
                let name = names::field_name(&p.name).trim_start_matches("r#").to_ascii_uppercase();
                out.push((p, scope.claim(name)));
            }
        }
    }
    out
}

/// `impl rt::Queryable for T` and `impl T { pub const …: rt::Field<…> }` for a struct; a
/// const carries its property's condition (a navigation to a type not compiled is left out).
pub fn struct_items(layout: &VersionLayout, t: usize, cfg: &Cfg) -> Vec<Item> {
    let name = &layout.ident[t];
    let consts: Vec<ImplItem> = consts(layout, t)
        .into_iter()
        .filter_map(|(p, name)| {
            let field_cfg = layout.gates.dependent_cfg(t, layout.type_index(&p.ty));
            (field_cfg != Cfg::Omit).then(|| field_const(layout, t, p, &name, &field_cfg))
        })
        .collect();
    let queryable = queryable(cfg, name, name, &layout.def(t).name);
    vec![queryable, s::impl_block(cfg_attrs(cfg), None, s::named(name), consts)]
}

/// `impl rt::Queryable for AnyT`: a polymorphic value is queried by its base's fields.
pub fn any_items(layout: &VersionLayout, t: usize, cfg: &Cfg) -> Vec<Item> {
    match layout.any_ident.get(&t) {
        Some(any) if !layout.is_untyped(t) => vec![queryable(cfg, any, &layout.ident[t], &layout.def(t).name)],
        _ => Vec::new(),
    }
}

fn queryable(cfg: &Cfg, ty: &str, fields: &str, qualified: &str) -> Item {
    let assoc = ImplItem::Type(syn::ImplItemType {
        attrs: Vec::new(),
        vis: syn::Visibility::Inherited,
        defaultness: None,
        type_token: Default::default(),
        ident: s::ident("Fields"),
        generics: Default::default(),
        eq_token: Default::default(),
        ty: s::named(fields),
        semi_token: Default::default(),
    });
    let name = ImplItem::Const(syn::ImplItemConst {
        attrs: Vec::new(),
        vis: syn::Visibility::Inherited,
        defaultness: None,
        const_token: Default::default(),
        ident: s::ident("NAME"),
        generics: Default::default(),
        colon_token: Default::default(),
        ty: Type::Reference(syn::TypeReference {
            and_token: Default::default(),
            lifetime: Some(syn::Lifetime::new("'static", proc_macro2::Span::call_site())),
            mutability: None,
            elem: Box::new(s::named("str")),
        }),
        eq_token: Default::default(),
        expr: s::string(qualified),
        semi_token: Default::default(),
    });
    s::impl_block(cfg_attrs(cfg), Some(s::path("rt::Queryable")), s::named(ty), vec![assoc, name])
}

fn field_const(layout: &VersionLayout, t: usize, p: &Property, name: &str, cfg: &Cfg) -> ImplItem {
    let value = s::named(&value_type(layout, layout.module_of[t], &p.ty));
    let value = match (p.navigation, p.collection) {
        (true, _) => s::generic("rt::Nav", vec![value]),
        (false, true) => s::generic("Vec", vec![value]),
        (false, false) => value,
    };
    let mut args = vec![GenericArgument::Type(s::named("Self")), GenericArgument::Type(value)];
    let mut attrs = Vec::new();
    let notes = p.query.as_ref();
    if let Some(listed) = notes.and_then(listed_operators) {
        args.push(GenericArgument::Type(operator_set(&listed)));
    }
    if let Some(doc) = notes.map(notes_doc) {
        attrs.push(s::doc(&doc));
    }
    cfg_attr(&mut attrs, cfg);
    let constructor = match notes.and_then(|n| n.advanced) {
        Some(true) => "rt::Field::advanced",
        _ => "rt::Field::new",
    };
    ImplItem::Const(syn::ImplItemConst {
        attrs,
        vis: s::public(),
        defaultness: None,
        const_token: Default::default(),
        ident: s::ident(name),
        generics: Default::default(),
        colon_token: Default::default(),
        ty: generic_args("rt::Field", args),
        eq_token: Default::default(),
        expr: s::call(constructor, vec![s::string(&p.name)]),
        semi_token: Default::default(),
    })
}

/// The operators the docs list, when they list some (`Supports $filter` without a list,
/// and silence, leave them to the type). "Does not support `$filter`" lists none.
fn listed_operators(notes: &QueryNotes) -> Option<Vec<&str>> {
    match notes.filter.as_ref()? {
        FilterNote::Operators(ops) => Some(ops.iter().map(String::as_str).collect()),
        FilterNote::Stated(true) => None,
        FilterNote::Stated(false) => Some(Vec::new()),
    }
}

/// `rt::Ops<true, false, …>`: `true` where the docs list the operator.
fn operator_set(listed: &[&str]) -> Type {
    let flags = OPS_ORDER
        .iter()
        .map(|op| {
            GenericArgument::Const(syn::Expr::Lit(syn::ExprLit {
                attrs: Vec::new(),
                lit: syn::Lit::Bool(syn::LitBool::new(
                    listed.contains(op) || (*op == "any" && listed.contains(&"all")),
                    proc_macro2::Span::call_site(),
                )),
            }))
        })
        .collect();
    generic_args("rt::Ops", flags)
}

fn generic_args(path: &str, args: Vec<GenericArgument>) -> Type {
    let mut path = s::path(path);
    if let Some(last) = path.segments.last_mut() {
        last.arguments = syn::PathArguments::AngleBracketed(syn::AngleBracketedGenericArguments {
            colon2_token: None,
            lt_token: Default::default(),
            args: args.into_iter().collect(),
            gt_token: Default::default(),
        });
    }
    Type::Path(syn::TypePath { qself: None, path })
}

/// The notes in one doc line: ` $filter: eq, ne. $orderby. Returned only on $select.`
fn notes_doc(notes: &QueryNotes) -> String {
    let mut parts = Vec::new();
    match &notes.filter {
        Some(FilterNote::Operators(ops)) => parts.push(format!("`$filter`: {}", ops.join(", "))),
        Some(FilterNote::Stated(true)) => parts.push("`$filter`".to_string()),
        Some(FilterNote::Stated(false)) => parts.push("no `$filter`".to_string()),
        None => {}
    }
    for (option, said) in [
        ("$orderby", notes.orderby),
        ("$search", notes.search),
        ("$count", notes.count),
        ("$expand", notes.expand),
        ("$select", notes.selectable),
    ] {
        match said {
            Some(true) => parts.push(format!("`{option}`")),
            Some(false) => parts.push(format!("no `{option}`")),
            None => {}
        }
    }
    if notes.advanced == Some(true) {
        parts.push("advanced query".to_string());
    }
    match notes.select {
        Some(Selected::Default) => parts.push("returned by default".to_string()),
        Some(Selected::Only) => parts.push("returned only on `$select`".to_string()),
        None => {}
    }
    format!(" Docs: {}.", parts.join("; "))
}
