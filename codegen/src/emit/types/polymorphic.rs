//! `Any<Type>` enums: a value declared as a type with derived types, its serde, and the
//! conversions and accessors that build and read it.

use super::{cfg_attr, cfg_attrs, code_span, item_path, s};
use crate::emit::areas::Cfg;
use crate::emit::layout::VersionLayout;
use crate::emit::names::{self, Scope};
use quote::quote;
use s::SelfArg;
use syn::{Item, Type};

/// A variant of an `Any…` enum: its name, the type it holds and the docs type's name. (Its
/// type is a struct: a type with a base or derived types is never held as any JSON.)
struct AnyVariant {
    name: String,
    path: String,
    wire: String,
    cfg: Cfg,
}

/// `Any<Type>`: a value declared as `Type` read as the derived type its `@odata.type` names.
/// Built as nodes, but for the serde impls' signatures (`serde_impls`).
pub(super) fn items(layout: &VersionLayout, t: usize, cfg: &Cfg) -> Vec<Item> {
    let m = layout.module_of[t];
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
    let mut enum_attrs: Vec<syn::Attribute> = [
        format!(" A {} or any type derived from it, read as the type its `@odata.type` names.", code_span(&def.name)),
        String::new(),
        " Made from any variant's type with `.into()`; `as_<variant>` and `into_<variant>` (the".into(),
        " variant's name in snake case) give the value when it was read as exactly that type.".into(),
    ]
    .iter()
    .map(|line| s::doc(line))
    .collect();
    cfg_attr(&mut enum_attrs, cfg);
    enum_attrs.push(s::derive(&["Debug", "Clone", "PartialEq"]));
    let boxed = |v: &AnyVariant| s::generic("Box", vec![s::named(&v.path)]);
    let mut variants = vec![s::variant(Vec::new(), &base.name, Some(boxed(&base)))];
    variants.extend(derived.iter().map(|v| {
        let mut attrs = Vec::new();
        cfg_attr(&mut attrs, &v.cfg);
        s::variant(attrs, &v.name, Some(boxed(v)))
    }));
    let any_name = &layout.any_ident[&t];
    let mut items = vec![s::enumeration(enum_attrs, any_name, variants)];
    items.extend(serde_impls(any_name, &base, &derived, cfg));
    let all: Vec<&AnyVariant> = std::iter::once(&base).chain(&derived).collect();
    let any_type = s::named(&layout.any_ident[&t]);
    items.extend(all.iter().enumerate().map(|(i, v)| conversion(&any_type, v, i > 0, cfg)));
    items.push(s::impl_block(cfg_attrs(cfg), None, any_type, accessors(&all)));
    items
}

/// `Default` (the base type's), serde (by `@odata.type`, the base type for any other:
/// `rt::Polymorphic` picks the variant, the runtime's `read_polymorphic` reads it) and
/// `rt::JsonResponse` for an `Any…` enum. The impls' signatures are parsed once per thread
/// and copied; the match arms, one per variant, are built as nodes.
fn serde_impls(any: &str, base: &AnyVariant, derived: &[AnyVariant], cfg: &Cfg) -> Vec<Item> {
    thread_local! {
        static SKELETON: syn::File = syn::parse_quote!(
            impl Default for Any {
                #[inline]
                fn default() -> Self {
                    Self::Base(Box::default())
                }
            }
            impl serde::Serialize for Any {
                fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                    match self {}
                }
            }
            impl rt::Polymorphic for Any {
                fn pick<'de, R: rt::ReadAs<'de>>(reader: R) -> Result<Self, R::Error> {
                    Ok(match reader.odata_type() {})
                }
                type Base = Base;
            }
            impl<'de> serde::Deserialize<'de> for Any {
                fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                    rt::read_polymorphic(d)
                }
            }
        );
    }
    let variant = |v: &AnyVariant| format!("Self::{}", v.name);
    let read_as = || s::try_expr(Vec::new(), s::method_call(s::path_expr("reader"), "read", Vec::new()));
    let all = std::iter::once(base).chain(derived);
    let serialize: Vec<syn::Arm> = all
        .map(|v| {
            let pattern = s::tuple_pat(&variant(v), vec![s::binding("value")]);
            let write = s::call("serde::Serialize::serialize", vec![s::path_expr("value"), s::path_expr("s")]);
            s::arm(cfg_attrs(&v.cfg), pattern, write)
        })
        .collect();
    let mut deserialize: Vec<syn::Arm> = derived
        .iter()
        .map(|v| {
            let pattern = s::tuple_pat("Some", vec![s::string_pat(&v.wire)]);
            s::arm(cfg_attrs(&v.cfg), pattern, s::call(&variant(v), vec![read_as()]))
        })
        .collect();
    deserialize.push(s::arm(Vec::new(), s::wildcard(), s::call(&variant(base), vec![read_as()])));
    let default = s::call(&variant(base), vec![s::call("Box::default", Vec::new())]);
    let mut items = SKELETON.with(|skeleton| skeleton.items.clone());
    let mut arms = [Some(serialize), Some(deserialize)].into_iter();
    for (n, item) in items.iter_mut().enumerate() {
        let Item::Impl(imp) = item else { continue };
        *imp.self_ty = s::named(any);
        imp.attrs = cfg_attrs(cfg);
        for declared in &mut imp.items {
            if let syn::ImplItem::Type(declared) = declared {
                declared.ty = s::named(&base.path);
            }
        }
        let Some(syn::ImplItem::Fn(f)) = imp.items.first_mut() else { continue };
        match (n, f.block.stmts.last_mut()) {
            (0, Some(syn::Stmt::Expr(body, _))) => *body = default.clone(),
            (_, Some(syn::Stmt::Expr(body, _))) => {
                if let Some(matched) = match_in(body) {
                    matched.arms = arms.next().flatten().unwrap_or_default();
                }
            }
            _ => {}
        }
    }
    items.push(s::impl_block(cfg_attrs(cfg), Some(s::path("rt::JsonResponse")), s::named(any), Vec::new()));
    items
}

/// The `match` an expression is, or holds as its one argument (`Ok(match … {})`).
fn match_in(expr: &mut syn::Expr) -> Option<&mut syn::ExprMatch> {
    match expr {
        syn::Expr::Match(matched) => Some(matched),
        syn::Expr::Call(call) => call.args.first_mut().and_then(match_in),
        _ => None,
    }
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
