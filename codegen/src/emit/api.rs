//! The `API.txt` lines of emitted items: one line per public item, found by walking the
//! same `syn` items that are printed, so the listing cannot drift from the code.
//!
//! Lines start with the item's path, so an item's fields and variants follow it:
//! `v1_0::User struct derive(…)`, `v1_0::User::display_name: Option<String>`,
//! `v1_0::RiskLevel::High`, `v1_0::RiskLevel::as_str fn(&self) -> &str`.

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};
use quote::ToTokens;
use syn::{Attribute, Fields, ImplItem, Item, TraitItem, Visibility};

/// The lines of the items of module `module` (`v1_0::endpoints::users`; empty for the crate root).
pub fn lines(module: &str, list: &[Item]) -> Vec<String> {
    let mut lines = Vec::new();
    items(module, list, &mut lines);
    lines
}

/// The module a crate source file holds: `src/lib.rs` → ``, `src/v1_0/mod.rs` → `v1_0`,
/// `src/v1_0/call_records.rs` → `v1_0::call_records`; None outside `src/`.
pub fn module_of(path: &str) -> Option<String> {
    let rel = path.strip_prefix("src/")?.strip_suffix(".rs")?;
    let rel = rel.strip_suffix("/mod").unwrap_or(rel);
    Some(if rel == "lib" { String::new() } else { rel.replace('/', "::") })
}

fn join(module: &str, name: &str) -> String {
    if module.is_empty() {
        name.to_string()
    } else {
        format!("{module}::{name}")
    }
}

fn is_pub(vis: &Visibility) -> bool {
    matches!(vis, Visibility::Public(_))
}

/// `derive(…)` and `non_exhaustive`: the parts of the attributes that are API.
fn api_attributes(attrs: &[Attribute]) -> String {
    let mut out = String::new();
    for attr in attrs {
        if attr.path().is_ident("non_exhaustive") {
            out.push_str(" non_exhaustive");
        } else if attr.path().is_ident("derive") {
            if let syn::Meta::List(list) = &attr.meta {
                out.push_str(&format!(" derive({})", tokens(&list.tokens)));
            }
        }
    }
    out
}

fn items(module: &str, list: &[Item], lines: &mut Vec<String>) {
    for item in list {
        match item {
            Item::Struct(s) if is_pub(&s.vis) => {
                let path = join(module, &s.ident.to_string());
                lines.push(format!("{path} struct{}{}", tokens(&s.generics), api_attributes(&s.attrs)));
                fields(&path, &s.fields, lines);
            }
            Item::Enum(e) if is_pub(&e.vis) => {
                let path = join(module, &e.ident.to_string());
                lines.push(format!("{path} enum{}{}", tokens(&e.generics), api_attributes(&e.attrs)));
                for v in &e.variants {
                    let variant = format!("{path}::{}", v.ident);
                    match &v.fields {
                        Fields::Unit => lines.push(variant),
                        Fields::Unnamed(f) => lines.push(format!("{variant}{}", tokens(f))),
                        Fields::Named(_) => {
                            lines.push(variant.clone());
                            fields(&variant, &v.fields, lines);
                        }
                    }
                }
            }
            Item::Type(t) if is_pub(&t.vis) => {
                let path = join(module, &t.ident.to_string());
                lines.push(format!("{path} type{} = {}", tokens(&t.generics), tokens(&t.ty)));
            }
            Item::Fn(f) if is_pub(&f.vis) => {
                lines.push(format!("{} fn{}", join(module, &f.sig.ident.to_string()), signature(&f.sig)));
            }
            Item::Const(c) if is_pub(&c.vis) => {
                lines.push(format!("{} const: {}", join(module, &c.ident.to_string()), tokens(&c.ty)));
            }
            Item::Static(s) if is_pub(&s.vis) => {
                lines.push(format!("{} static: {}", join(module, &s.ident.to_string()), tokens(&s.ty)));
            }
            Item::Trait(t) if is_pub(&t.vis) => {
                let path = join(module, &t.ident.to_string());
                lines.push(format!("{path} trait{}", tokens(&t.generics)));
                for item in &t.items {
                    if let TraitItem::Fn(f) = item {
                        lines.push(format!("{path}::{} fn{}", f.sig.ident, signature(&f.sig)));
                    }
                }
            }
            Item::Mod(m) if is_pub(&m.vis) => {
                let path = join(module, &m.ident.to_string());
                lines.push(format!("{path} mod"));
                if let Some((_, inner)) = &m.content {
                    items(&path, inner, lines);
                }
            }
            Item::Use(u) if is_pub(&u.vis) => lines.push(format!("{module} use {}", tokens(&u.tree))),
            Item::Impl(i) => {
                let path = join(module, &tokens(&i.self_ty));
                match &i.trait_ {
                    Some((_, trait_path, _)) => {
                        lines.push(format!("{path} impl{} {}", tokens(&i.generics), tokens(trait_path)))
                    }
                    None => {
                        for item in &i.items {
                            if let ImplItem::Fn(f) = item {
                                if is_pub(&f.vis) {
                                    lines.push(format!("{path}::{} fn{}", f.sig.ident, signature(&f.sig)));
                                }
                            }
                        }
                    }
                }
            }
            // `rt::string_enum!(RiskLevel)`, `rt::json_object!(User { … })`: listed under the
            // type they implement traits for.
            Item::Macro(m) if m.ident.is_none() => {
                let line = match m.mac.tokens.clone().into_iter().next() {
                    Some(TokenTree::Ident(name)) => {
                        format!("{} macro {}!({name})", join(module, &name.to_string()), tokens(&m.mac.path))
                    }
                    _ => format!("{module} macro {}!({})", tokens(&m.mac.path), tokens(&m.mac.tokens)),
                };
                lines.push(line);
            }
            _ => {}
        }
    }
}

fn fields(path: &str, fields: &Fields, lines: &mut Vec<String>) {
    for (i, f) in fields.iter().enumerate().filter(|(_, f)| is_pub(&f.vis)) {
        let name = f.ident.as_ref().map_or_else(|| i.to_string(), ToString::to_string);
        lines.push(format!("{path}::{name}: {}", tokens(&f.ty)));
    }
}

/// `(&self) -> &str`, with generics: a function's signature without `fn` and its name.
fn signature(sig: &syn::Signature) -> String {
    let mut out = tokens(&sig.generics);
    out.push('(');
    out.push_str(&tokens(&sig.inputs));
    out.push(')');
    if let syn::ReturnType::Type(_, ty) = &sig.output {
        out.push_str(" -> ");
        out.push_str(&tokens(ty));
    }
    if let Some(clause) = &sig.generics.where_clause {
        out.push(' ');
        out.push_str(&tokens(clause));
    }
    out
}

/// Tokens as one line, spaced the way rustfmt would: `Option<Vec<rt::Json>>`, `&'a str`.
fn tokens(item: &impl ToTokens) -> String {
    let mut out = String::new();
    write_tokens(item.to_token_stream(), &mut out);
    out
}

/// A trailing `, ` has no place before a closing bracket or at the end.
fn trim_separator(out: &mut String) {
    while out.ends_with(' ') || out.ends_with(',') {
        out.pop();
    }
}

fn write_tokens(stream: TokenStream, out: &mut String) {
    // Whether the previous token was a word (identifier, literal, closing bracket) after
    // which another word needs a space.
    let mut after_word = false;
    let mut joint: Option<char> = None;
    for tree in stream {
        match tree {
            TokenTree::Ident(ident) => {
                if after_word {
                    out.push(' ');
                }
                out.push_str(&ident.to_string());
                after_word = true;
                joint = None;
            }
            TokenTree::Literal(lit) => {
                if after_word {
                    out.push(' ');
                }
                out.push_str(&lit.to_string());
                after_word = true;
                joint = None;
            }
            TokenTree::Group(group) => {
                let (open, close) = match group.delimiter() {
                    Delimiter::Parenthesis => ("(", ")"),
                    Delimiter::Bracket => ("[", "]"),
                    Delimiter::Brace => (" { ", " }"),
                    Delimiter::None => ("", ""),
                };
                out.push_str(open);
                write_tokens(group.stream(), out);
                trim_separator(out);
                out.push_str(close);
                after_word = true;
                joint = None;
            }
            TokenTree::Punct(punct) => {
                let c = punct.as_char();
                let continues = joint.is_some();
                match c {
                    ',' | ';' => out.push_str(&format!("{c} ")),
                    ':' if continues || punct.spacing() == Spacing::Joint => out.push(':'),
                    ':' => out.push_str(": "),
                    '=' | '+' if !continues && punct.spacing() == Spacing::Alone => out.push_str(&format!(" {c} ")),
                    '-' if punct.spacing() == Spacing::Joint => out.push_str(" -"),
                    '>' if joint == Some('-') => out.push_str("> "),
                    '>' => {
                        trim_separator(out);
                        out.push('>');
                    }
                    _ => out.push(c),
                }
                after_word = false;
                joint = (punct.spacing() == Spacing::Joint).then_some(c);
            }
        }
    }
    trim_separator(out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(path: &str, source: &str) -> Vec<String> {
        let file = syn::parse_file(source).expect("test source parses");
        let mut lines = super::lines(&module_of(path).expect("a source path"), &file.items);
        lines.sort();
        lines
    }

    #[test]
    fn lists_public_items_fields_variants_and_methods() {
        let source = r#"
            use super::runtime as rt;
            #[derive(Debug, Default)]
            pub struct User {
                pub display_name: Option<String>,
                pub manager: Option<Box<super::other::AnyDirectoryObject>>,
                pub map: std::collections::BTreeMap<String, rt::Json>,
                hidden: u8,
            }
            #[derive(Clone)]
            #[non_exhaustive]
            pub enum RiskLevel { High, UnknownValue(String) }
            impl RiskLevel {
                pub fn as_str(&self) -> &str { "" }
                fn private(&self) {}
            }
            impl<'de> serde::Deserialize<'de> for RiskLevel {}
            impl From<&str> for RiskLevel {}
            rt::string_enum!(RiskLevel);
            pub type Blob = rt::Json;
            pub fn read_as<T: Clone, E>(value: &'static str, n: i32) -> Result<Box<T>, E> { todo!() }
            pub type Wrapped = Option<Vec<rt::Json>,>;
            struct Private;
        "#;
        assert_eq!(
            listed("src/v1_0/mod.rs", source),
            [
                "v1_0::Blob type = rt::Json",
                "v1_0::RiskLevel enum derive(Clone) non_exhaustive",
                "v1_0::RiskLevel impl From<&str>",
                "v1_0::RiskLevel impl<'de> serde::Deserialize<'de>",
                "v1_0::RiskLevel macro rt::string_enum!(RiskLevel)",
                "v1_0::RiskLevel::High",
                "v1_0::RiskLevel::UnknownValue(String)",
                "v1_0::RiskLevel::as_str fn(&self) -> &str",
                "v1_0::User struct derive(Debug, Default)",
                "v1_0::User::display_name: Option<String>",
                "v1_0::User::manager: Option<Box<super::other::AnyDirectoryObject>>",
                "v1_0::User::map: std::collections::BTreeMap<String, rt::Json>",
                "v1_0::Wrapped type = Option<Vec<rt::Json>>",
                "v1_0::read_as fn<T: Clone, E>(value: &'static str, n: i32) -> Result<Box<T>, E>",
            ]
        );
    }

    #[test]
    fn module_paths_follow_file_paths() {
        assert_eq!(module_of("src/lib.rs").as_deref(), Some(""));
        assert_eq!(module_of("src/v1_0/mod.rs").as_deref(), Some("v1_0"));
        assert_eq!(module_of("src/v1_0/call_records.rs").as_deref(), Some("v1_0::call_records"));
        assert_eq!(module_of("Cargo.toml"), None);
        assert_eq!(listed("src/lib.rs", "pub mod runtime; mod private;"), ["runtime mod"]);
    }
}
