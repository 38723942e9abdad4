//! The pieces of the emitted syntax tree: identifiers, paths, types, attributes, patterns,
//! expressions and functions as `syn` nodes, built directly. Tokens (`quote!`) are parsed
//! back only where no node is built here: turning token streams back into `syn` trees cost
//! more than the rest of generation put together, so the items emitted by the thousand
//! (fields, doc lines, variants, builder functions) are made as nodes, and `prettyplease`
//! lays them out.

use proc_macro2::{Span, TokenStream};
use syn::punctuated::Punctuated;
use syn::token::{Brace, Bracket, Paren};
use syn::{
    AngleBracketedGenericArguments, Arm, AttrStyle, Attribute, Block, Expr, ExprLit, ExprPath, Field, FieldMutability,
    Fields, FieldsNamed, FieldsUnnamed, FnArg, GenericArgument, Generics, Ident, ImplItem, ImplItemFn, Item, Lit,
    LitStr, MacroDelimiter, Member, Meta, MetaList, MetaNameValue, Pat, PatIdent, PatType, Path, PathArguments,
    PathSegment, Receiver, ReturnType, Signature, Stmt, Type, TypePath, Visibility,
};

/// An identifier. Names come from `names`, which only makes ASCII identifiers that are not
/// keywords.
pub fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

pub fn public() -> Visibility {
    Visibility::Public(Default::default())
}

/// A path such as `rt::Request::new` or `super::super::User`; the last segment takes `args`
/// as its generic arguments (`Option<T>`). The same few hundred paths are made a million
/// times, so each thread reads a path's text once (see `made_once`).
pub fn path_with(text: &str, args: Vec<Type>) -> Path {
    thread_local! {
        static MADE: Made<Path> = Default::default();
    }
    let mut path = made_once(&MADE, text, |text| Path {
        leading_colon: None,
        segments: text.split("::").map(|s| PathSegment::from(ident(s))).collect(),
    });
    if !args.is_empty() {
        if let Some(last) = path.segments.last_mut() {
            last.arguments = PathArguments::AngleBracketed(AngleBracketedGenericArguments {
                colon2_token: None,
                lt_token: Default::default(),
                args: args.into_iter().map(GenericArgument::Type).collect(),
                gt_token: Default::default(),
            });
        }
    }
    path
}

/// Syntax made from a text, kept per thread. Beyond `KEPT` entries a thread starts afresh,
/// so a cache stays a few megabytes.
pub type Made<T> = std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, T>>;

/// `make(text)`, or a clone of what it made for the same text before on this thread.
pub fn made_once<T: Clone>(
    made: &'static std::thread::LocalKey<Made<T>>,
    text: &str,
    make: impl FnOnce(&str) -> T,
) -> T {
    const KEPT: usize = 1 << 16;
    made.with_borrow_mut(|made| {
        if let Some(done) = made.get(text) {
            return done.clone();
        }
        if made.len() >= KEPT {
            made.clear();
        }
        let done = make(text);
        made.insert(text.into(), done.clone());
        done
    })
}

pub fn path(text: &str) -> Path {
    path_with(text, Vec::new())
}

/// A named type with generic arguments: `generic("Option", vec![t])` is `Option<t>`.
pub fn generic(text: &str, args: Vec<Type>) -> Type {
    Type::Path(TypePath { qself: None, path: path_with(text, args) })
}

/// A named type without generic arguments: `String`, `rt::Guid`.
pub fn named(text: &str) -> Type {
    generic(text, Vec::new())
}

pub fn unit() -> Type {
    Type::Tuple(syn::TypeTuple { paren_token: Paren::default(), elems: Punctuated::new() })
}

/// `&ty`.
pub fn reference(ty: Type) -> Type {
    Type::Reference(syn::TypeReference {
        and_token: Default::default(),
        lifetime: None,
        mutability: None,
        elem: Box::new(ty),
    })
}

/// `impl Trait`.
pub fn impl_trait(trait_path: Path) -> Type {
    Type::ImplTrait(syn::TypeImplTrait {
        impl_token: Default::default(),
        bounds: std::iter::once(syn::TypeParamBound::Trait(syn::TraitBound {
            paren_token: None,
            modifier: syn::TraitBoundModifier::None,
            lifetimes: None,
            path: trait_path,
        }))
        .collect(),
    })
}

fn attribute(style: AttrStyle, meta: Meta) -> Attribute {
    Attribute { pound_token: Default::default(), style, bracket_token: Bracket::default(), meta }
}

fn doc_meta(text: &str) -> Meta {
    let value = Expr::Lit(ExprLit { attrs: Vec::new(), lit: doc_lit(text) });
    Meta::NameValue(MetaNameValue { path: path("doc"), eq_token: Default::default(), value })
}

/// A doc line's literal, raw (`r"…"`, `r#"…"#` around a `"`) where it holds no control
/// character. `prettyplease` prints a doc attribute as `///` and the line's text, so the kind
/// of literal never shows, but it reads the text back for every doc line: a raw literal is
/// read by copying it, a plain one character by character, and doc lines are a third of the
/// output.
fn doc_lit(text: &str) -> Lit {
    thread_local! {
        static MADE: Made<Lit> = Default::default();
    }
    made_once(&MADE, text, |text| {
        if text.contains(char::is_control) {
            return new_string_lit(text);
        }
        // More `#` than follow any `"` in the text, so none of them ends the literal.
        let pounds = text
            .match_indices('"')
            .map(|(at, _)| text[at + 1..].len() - text[at + 1..].trim_start_matches('#').len() + 1)
            .max()
            .unwrap_or(0);
        let fence = "#".repeat(pounds);
        match format!("r{fence}\"{text}\"{fence}").parse::<proc_macro2::Literal>().map(Lit::new) {
            Ok(lit @ Lit::Str(_)) => lit,
            _ => new_string_lit(text),
        }
    })
}

/// `#[doc = text]`, which `prettyplease` prints as a `///` comment where one reads back the same.
pub fn doc(text: &str) -> Attribute {
    attribute(AttrStyle::Outer, doc_meta(text))
}

/// `#![doc = text]`, a `//!` comment.
pub fn inner_doc(text: &str) -> Attribute {
    attribute(AttrStyle::Inner(Default::default()), doc_meta(text))
}

/// `#[name]`: `inline`, `must_use`, `non_exhaustive`.
pub fn word_attr(name: &str) -> Attribute {
    attribute(AttrStyle::Outer, Meta::Path(path(name)))
}

/// `#[name(tokens)]`: `derive(…)`, `cfg(…)`, `allow(…)`.
pub fn list_attr(name: &str, tokens: TokenStream) -> Attribute {
    attribute(AttrStyle::Outer, list_meta(name, tokens))
}

/// `#![name(tokens)]`.
pub fn inner_list_attr(name: &str, tokens: TokenStream) -> Attribute {
    attribute(AttrStyle::Inner(Default::default()), list_meta(name, tokens))
}

fn list_meta(name: &str, tokens: TokenStream) -> Meta {
    Meta::List(MetaList { path: path(name), delimiter: MacroDelimiter::Paren(Paren::default()), tokens })
}

/// `#[derive(A, B)]`.
pub fn derive(traits: &[&str]) -> Attribute {
    let traits = traits.iter().map(|t| ident(t));
    list_attr("derive", quote::quote!(#(#traits),*))
}

/// A string literal. Most doc lines repeat (inherited properties, permissions, headers: seven
/// in ten on the corpus), and making a literal costs a microsecond (its text escaped and read
/// back), so each thread makes a text's literal once (see `made_once`).
fn string_lit(value: &str) -> Lit {
    thread_local! {
        static MADE: Made<Lit> = Default::default();
    }
    made_once(&MADE, value, new_string_lit)
}

/// Text that needs no escape (no `"`, `\\` or control character) is written between quotes
/// and read as a literal, faster than `LitStr::new`'s escaping character by character; the
/// literal is the same.
fn new_string_lit(value: &str) -> Lit {
    let plain = !value.contains(['"', '\\']) && !value.contains(char::is_control);
    let quoted = || format!("\"{value}\"").parse::<proc_macro2::Literal>().ok().map(Lit::new);
    match plain.then(quoted).flatten() {
        Some(lit @ Lit::Str(_)) => lit,
        _ => Lit::Str(LitStr::new(value, Span::call_site())),
    }
}

pub fn string(value: &str) -> Expr {
    Expr::Lit(ExprLit { attrs: Vec::new(), lit: string_lit(value) })
}

pub fn path_expr(text: &str) -> Expr {
    Expr::Path(ExprPath { attrs: Vec::new(), qself: None, path: path(text) })
}

/// `func(args)`.
pub fn call(func: &str, args: Vec<Expr>) -> Expr {
    Expr::Call(syn::ExprCall {
        attrs: Vec::new(),
        func: Box::new(path_expr(func)),
        paren_token: Paren::default(),
        args: args.into_iter().collect(),
    })
}

/// `receiver.method(args)`.
pub fn method_call(receiver: Expr, method: &str, args: Vec<Expr>) -> Expr {
    Expr::MethodCall(syn::ExprMethodCall {
        attrs: Vec::new(),
        receiver: Box::new(receiver),
        dot_token: Default::default(),
        method: ident(method),
        turbofish: None,
        paren_token: Paren::default(),
        args: args.into_iter().collect(),
    })
}

/// `base.member`, `base.0` for a number.
pub fn field_access(base: Expr, member: &str) -> Expr {
    let member = match member.parse::<u32>() {
        Ok(index) => Member::Unnamed(syn::Index { index, span: Span::call_site() }),
        Err(_) => Member::Named(ident(member)),
    };
    Expr::Field(syn::ExprField { attrs: Vec::new(), base: Box::new(base), dot_token: Default::default(), member })
}

/// `&expr`, or `&mut expr`.
pub fn borrow(expr: Expr, mutable: bool) -> Expr {
    Expr::Reference(syn::ExprReference {
        attrs: Vec::new(),
        and_token: Default::default(),
        mutability: mutable.then(Default::default),
        expr: Box::new(expr),
    })
}

/// `[elems]`.
pub fn array(elems: Vec<Expr>) -> Expr {
    Expr::Array(syn::ExprArray {
        attrs: Vec::new(),
        bracket_token: Bracket::default(),
        elems: elems.into_iter().collect(),
    })
}

/// `(elems)`.
pub fn tuple(elems: Vec<Expr>) -> Expr {
    Expr::Tuple(syn::ExprTuple { attrs: Vec::new(), paren_token: Paren::default(), elems: elems.into_iter().collect() })
}

pub fn boolean(value: bool) -> Expr {
    Expr::Lit(ExprLit { attrs: Vec::new(), lit: Lit::Bool(syn::LitBool { value, span: Span::call_site() }) })
}

/// `expr?`, with attributes (`#[cfg]`).
pub fn try_expr(attrs: Vec<Attribute>, expr: Expr) -> Expr {
    Expr::Try(syn::ExprTry { attrs, expr: Box::new(expr), question_token: Default::default() })
}

fn macro_call(name: &str, tokens: TokenStream) -> syn::Macro {
    syn::Macro {
        path: path(name),
        bang_token: Default::default(),
        delimiter: MacroDelimiter::Paren(Paren::default()),
        tokens,
    }
}

/// `path!(tokens);` at item level.
pub fn macro_item(attrs: Vec<Attribute>, name: &str, tokens: TokenStream) -> Item {
    Item::Macro(syn::ItemMacro {
        attrs,
        ident: None,
        mac: macro_call(name, tokens),
        semi_token: Some(Default::default()),
    })
}

/// A pattern of a path (`Self::High`) or of a string literal (`"high"`).
pub fn path_pat(text: &str) -> Pat {
    Pat::Path(ExprPath { attrs: Vec::new(), qself: None, path: path(text) })
}

pub fn string_pat(value: &str) -> Pat {
    Pat::Lit(ExprLit { attrs: Vec::new(), lit: string_lit(value) })
}

pub fn binding(name: &str) -> Pat {
    Pat::Ident(PatIdent { attrs: Vec::new(), by_ref: None, mutability: None, ident: ident(name), subpat: None })
}

pub fn wildcard() -> Pat {
    Pat::Wild(syn::PatWild { attrs: Vec::new(), underscore_token: Default::default() })
}

/// `Path(pats)`: `Self::UnknownValue(value)`, `Some("x")`.
pub fn tuple_pat(text: &str, pats: Vec<Pat>) -> Pat {
    Pat::TupleStruct(syn::PatTupleStruct {
        attrs: Vec::new(),
        qself: None,
        path: path(text),
        paren_token: Paren::default(),
        elems: pats.into_iter().collect(),
    })
}

/// `pat => body,`, with attributes (`#[cfg]`).
pub fn arm(attrs: Vec<Attribute>, pat: Pat, body: Expr) -> Arm {
    Arm {
        attrs,
        pat,
        guard: None,
        fat_arrow_token: Default::default(),
        body: Box::new(body),
        comma: Some(Default::default()),
    }
}

/// `match scrutinee { arms }`.
pub fn match_expr(scrutinee: Expr, arms: Vec<Arm>) -> Expr {
    Expr::Match(syn::ExprMatch {
        attrs: Vec::new(),
        match_token: Default::default(),
        expr: Box::new(scrutinee),
        brace_token: Brace::default(),
        arms,
    })
}

/// A statement ending in `;`.
pub fn statement(expr: Expr) -> Stmt {
    Stmt::Expr(expr, Some(Default::default()))
}

/// The expression a block ends with.
pub fn tail(expr: Expr) -> Stmt {
    Stmt::Expr(expr, None)
}

/// How a function takes `self`.
pub enum SelfArg {
    None,
    /// `self`
    Value,
    /// `&self`
    Ref,
}

/// A parameter `name: ty`.
pub fn param(name: &str, ty: Type) -> FnArg {
    typed_param(binding(name), ty)
}

/// A parameter `mut name: ty`.
pub fn mut_param(name: &str, ty: Type) -> FnArg {
    let mut pat = binding(name);
    if let Pat::Ident(ident) = &mut pat {
        ident.mutability = Some(Default::default());
    }
    typed_param(pat, ty)
}

fn typed_param(pat: Pat, ty: Type) -> FnArg {
    FnArg::Typed(PatType { attrs: Vec::new(), pat: Box::new(pat), colon_token: Default::default(), ty: Box::new(ty) })
}

/// A function signature: `fn name(self?, params) -> output`.
pub fn signature(name: &str, receiver: SelfArg, params: Vec<FnArg>, output: Option<Type>) -> Signature {
    let receiver = match receiver {
        SelfArg::None => None,
        SelfArg::Value => Some(receiver_arg(false, false)),
        SelfArg::Ref => Some(receiver_arg(true, false)),
    };
    Signature {
        constness: None,
        asyncness: None,
        unsafety: None,
        abi: None,
        fn_token: Default::default(),
        ident: ident(name),
        generics: Generics::default(),
        paren_token: Paren::default(),
        inputs: receiver.into_iter().chain(params).collect(),
        variadic: None,
        output: match output {
            Some(ty) => ReturnType::Type(Default::default(), Box::new(ty)),
            None => ReturnType::Default,
        },
    }
}

/// `self`, `mut self` or `&self`.
fn receiver_arg(by_reference: bool, mutable: bool) -> FnArg {
    let self_type = named("Self");
    FnArg::Receiver(Receiver {
        attrs: Vec::new(),
        reference: by_reference.then(|| (Default::default(), None)),
        mutability: mutable.then(Default::default),
        self_token: Default::default(),
        colon_token: None,
        ty: Box::new(if by_reference { reference(self_type) } else { self_type }),
    })
}

fn block(stmts: Vec<Stmt>) -> Block {
    Block { brace_token: Brace::default(), stmts }
}

/// A function of an impl block.
pub fn method(attrs: Vec<Attribute>, vis: Visibility, sig: Signature, stmts: Vec<Stmt>) -> ImplItem {
    ImplItem::Fn(ImplItemFn { attrs, vis, defaultness: None, sig, block: block(stmts) })
}

/// `impl Trait for ty { items }`, or `impl ty { items }` without a trait.
pub fn impl_block(attrs: Vec<Attribute>, trait_path: Option<Path>, ty: Type, items: Vec<ImplItem>) -> Item {
    Item::Impl(syn::ItemImpl {
        attrs,
        defaultness: None,
        unsafety: None,
        impl_token: Default::default(),
        generics: Generics::default(),
        trait_: trait_path.map(|p| (None, p, Default::default())),
        self_ty: Box::new(ty),
        brace_token: Brace::default(),
        items,
    })
}

/// A public named field.
pub fn field(attrs: Vec<Attribute>, name: &str, ty: Type) -> Field {
    Field {
        attrs,
        vis: public(),
        mutability: FieldMutability::None,
        ident: Some(ident(name)),
        colon_token: Some(Default::default()),
        ty,
    }
}

fn structure(attrs: Vec<Attribute>, name: &str, fields: Fields, semi_token: Option<syn::Token![;]>) -> Item {
    Item::Struct(syn::ItemStruct {
        attrs,
        vis: public(),
        struct_token: Default::default(),
        ident: ident(name),
        generics: Generics::default(),
        fields,
        semi_token,
    })
}

/// `pub struct Name { fields }`.
pub fn named_struct(attrs: Vec<Attribute>, name: &str, fields: Vec<Field>) -> Item {
    let fields = Fields::Named(FieldsNamed { brace_token: Brace::default(), named: fields.into_iter().collect() });
    structure(attrs, name, fields, None)
}

/// `(ty)`: one unnamed field.
fn one_unnamed(ty: Type, vis: Visibility) -> Fields {
    let field = Field { attrs: Vec::new(), vis, mutability: FieldMutability::None, ident: None, colon_token: None, ty };
    Fields::Unnamed(FieldsUnnamed { paren_token: Paren::default(), unnamed: std::iter::once(field).collect() })
}

/// `pub struct Name(pub(super) ty);`: made by the module around it too.
pub fn restricted_tuple_struct(attrs: Vec<Attribute>, name: &str, ty: Type) -> Item {
    let vis = Visibility::Restricted(syn::VisRestricted {
        pub_token: Default::default(),
        paren_token: Paren::default(),
        in_token: None,
        path: Box::new(path("super")),
    });
    structure(attrs, name, one_unnamed(ty, vis), Some(Default::default()))
}

/// `pub struct Name;`.
pub fn unit_struct(attrs: Vec<Attribute>, name: &str) -> Item {
    structure(attrs, name, Fields::Unit, Some(Default::default()))
}

/// A variant `Name` or `Name(payload)`.
pub fn variant(attrs: Vec<Attribute>, name: &str, payload: Option<Type>) -> syn::Variant {
    let fields = payload.map_or(Fields::Unit, |ty| one_unnamed(ty, Visibility::Inherited));
    syn::Variant { attrs, ident: ident(name), fields, discriminant: None }
}

/// `pub enum Name { variants }`.
pub fn enumeration(attrs: Vec<Attribute>, name: &str, variants: Vec<syn::Variant>) -> Item {
    Item::Enum(syn::ItemEnum {
        attrs,
        vis: public(),
        enum_token: Default::default(),
        ident: ident(name),
        generics: Generics::default(),
        brace_token: Brace::default(),
        variants: variants.into_iter().collect(),
    })
}

/// `pub type Name = ty;`.
pub fn type_alias(attrs: Vec<Attribute>, name: &str, ty: Type) -> Item {
    Item::Type(syn::ItemType {
        attrs,
        vis: public(),
        type_token: Default::default(),
        ident: ident(name),
        generics: Generics::default(),
        eq_token: Default::default(),
        ty: Box::new(ty),
        semi_token: Default::default(),
    })
}

fn module(attrs: Vec<Attribute>, name: &str, content: Option<Vec<Item>>) -> Item {
    Item::Mod(syn::ItemMod {
        attrs,
        vis: public(),
        unsafety: None,
        mod_token: Default::default(),
        ident: ident(name),
        semi: content.is_none().then(Default::default),
        content: content.map(|items| (Brace::default(), items)),
    })
}

/// `pub mod name;`, a module in a file of its own.
pub fn module_declaration(attrs: Vec<Attribute>, name: &str) -> Item {
    module(attrs, name, None)
}

/// `pub mod name { items }`, a module inline.
pub fn inline_module(attrs: Vec<Attribute>, name: &str, items: Vec<Item>) -> Item {
    module(attrs, name, Some(items))
}

/// `*expr`.
pub fn deref(expr: Expr) -> Expr {
    Expr::Unary(syn::ExprUnary { attrs: Vec::new(), op: syn::UnOp::Deref(Default::default()), expr: Box::new(expr) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_literals_hold_their_text_whichever_way_they_are_made() {
        for text in
            ["", " plain doc text, `code` and é", "a \"quoted\" word", "back\\slash", "line\nbreak", "tab\there"]
        {
            let Lit::Str(lit) = string_lit(text) else { panic!("{text:?} is not a string literal") };
            assert_eq!(lit.value(), text);
            assert_eq!(lit.token().to_string(), LitStr::new(text, Span::call_site()).token().to_string(), "{text:?}");
        }
    }

    #[test]
    fn doc_lines_hold_their_text_whichever_quotes_they_hold() {
        for text in ["", " plain", " a \"quoted\" word", " \"#both\"## kinds", " back\\slash", " tab\there", "\"#"] {
            let Lit::Str(lit) = doc_lit(text) else { panic!("{text:?} is not a string literal") };
            assert_eq!(lit.value(), text);
        }
    }
}
