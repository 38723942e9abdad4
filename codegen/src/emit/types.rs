//! Rust items for the types of one module: structs, string enums, polymorphic enums.

use super::layout::VersionLayout;
use super::names::{self, Scope};
use crate::ir::{Property, Source, TypeKind};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

/// `#[doc]` lines: the description on one line (so no text can form markdown blocks), then
/// the page it comes from. Text only ever enters a string literal.
pub fn docs(description: &str, source: &Source) -> TokenStream {
    let text = doc_line(description);
    let source = source_line(source);
    if text.is_empty() {
        return quote!(#[doc = #source]);
    }
    let text = format!(" {text}");
    quote! {
        #[doc = #text]
        #[doc = ""]
        #[doc = #source]
    }
}

/// Text as one doc line that cannot open a markdown block.
pub fn doc_line(text: &str) -> String {
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // A line opening with a fence would make rustdoc read the rest as a doctest.
    if text.starts_with("```") || text.starts_with("~~~") {
        format!("\\{text}")
    } else {
        text
    }
}

/// The ` Source: `file:line`` doc line that ends every item's docs.
pub fn source_line(source: &Source) -> String {
    // A file name may hold line breaks; rustdoc refuses a bare CR in a doc comment.
    let file: String = source.file.chars().map(|c| if c.is_control() { '?' } else { c }).collect();
    format!(" Source: `{file}:{}`", source.line)
}

pub fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// Path from module `from` to an item of module `to`.
fn item_path(layout: &VersionLayout, from: usize, to: usize, item: &str) -> TokenStream {
    let item = ident(item);
    match (&layout.modules[from].name, &layout.modules[to].name) {
        _ if from == to => quote!(#item),
        (None, Some(to)) => {
            let to = ident(to);
            quote!(#to::#item)
        }
        (Some(_), None) => quote!(super::#item),
        (_, Some(to)) => {
            let to = ident(to);
            quote!(super::#to::#item)
        }
        (None, None) => quote!(#item),
    }
}

fn primitive(edm: &str) -> TokenStream {
    match edm {
        "Edm.String" => quote!(String),
        "Edm.Boolean" => quote!(bool),
        "Edm.Int16" => quote!(i16),
        "Edm.Int32" => quote!(i32),
        "Edm.Int64" => quote!(i64),
        "Edm.Byte" => quote!(u8),
        "Edm.SByte" => quote!(i8),
        "Edm.Double" | "Edm.Single" => quote!(rt::Double),
        "Edm.Decimal" => quote!(rt::Decimal),
        "Edm.DateTimeOffset" => quote!(rt::DateTimeOffset),
        "Edm.Date" => quote!(rt::Date),
        "Edm.TimeOfDay" => quote!(rt::TimeOfDay),
        "Edm.Duration" => quote!(rt::Duration),
        "Edm.Guid" => quote!(rt::Guid),
        "Edm.Binary" => quote!(rt::Base64),
        "Edm.Stream" => quote!(rt::Stream),
        _ => quote!(rt::Json),
    }
}

/// The Rust type of a value of docs type `ty`, seen from module `from`.
pub fn value_type(layout: &VersionLayout, from: usize, ty: &str) -> TokenStream {
    let Some(t) = layout.type_index(ty) else { return primitive(ty) };
    let name = layout.any_ident.get(&t).unwrap_or(&layout.ident[t]);
    item_path(layout, from, layout.module_of[t], name)
}

fn field_type(layout: &VersionLayout, owner: usize, p: &Property) -> TokenStream {
    let from = layout.module_of[owner];
    let value = value_type(layout, from, &p.ty);
    if p.collection {
        quote!(Vec<#value>)
    } else if layout.needs_box(owner, &p.ty, p.collection) {
        quote!(Box<#value>)
    } else {
        value
    }
}

/// A module's items: a header, the runtime import, then each type.
pub fn module(layout: &VersionLayout, m: usize) -> TokenStream {
    let info = &layout.modules[m];
    let runtime = if info.name.is_some() { quote!(super::super::runtime) } else { quote!(super::runtime) };
    let header = format!(" Types of the `{}` namespace.", info.namespace);
    let items = info.types.iter().map(|&t| type_items(layout, t));
    quote! {
        #![doc = #header]
        #[allow(unused_imports)]
        use #runtime as rt;
        #(#items)*
    }
}

/// The items one docs type becomes: its struct or enum, and its `Any…` enum if it has one.
pub fn type_items(layout: &VersionLayout, t: usize) -> TokenStream {
    let item = match layout.def(t).kind {
        TypeKind::Enum => string_enum(layout, t),
        _ => structure(layout, t),
    };
    let any = layout.any_ident.contains_key(&t).then(|| polymorphic(layout, t));
    quote!(#item #any)
}

fn structure(layout: &VersionLayout, t: usize) -> TokenStream {
    let def = layout.def(t);
    let name = ident(&layout.ident[t]);
    let doc = docs(&def.description, &def.source);
    if layout.is_untyped(t) {
        return quote! {
            #doc
            pub type #name = rt::Json;
        };
    }
    let mut scope = Scope::with_reserved(&["odata_type", "additional_properties"]);
    let lineage = layout.lineage(t);
    let fields = lineage.iter().flat_map(|&owner| layout.def(owner).properties.iter().map(move |p| (owner, p)));
    // One field per JSON name; `@odata.type` is always the first field.
    let mut json_names = std::collections::HashSet::from(["@odata.type"]);
    let fields: Vec<TokenStream> = fields
        .filter(|(_, p)| json_names.insert(p.name.as_str()))
        .map(|(owner, p)| {
            let field = ident(&scope.claim(names::field_name(&p.name)));
            let ty = field_type(layout, t, p);
            let rename = (field != p.name.as_str()).then(|| {
                let json = &p.name;
                quote!(rename = #json,)
            });
            let mut doc_text = p.description.clone();
            if owner != t {
                doc_text.push_str(&format!(" (Inherited from `{}`.)", layout.def(owner).name));
            }
            let doc = docs(&doc_text, &p.source);
            quote! {
                #doc
                #[serde(#rename skip_serializing_if = "Option::is_none")]
                pub #field: Option<#ty>,
            }
        })
        .collect();
    let open = lineage.iter().any(|&o| layout.def(o).open);
    let additional = open.then(|| {
        quote! {
            /// Properties the docs do not list: this type is open.
            #[cfg_attr(not(graph_docs_verify), serde(flatten))]
            #[cfg_attr(graph_docs_verify, serde(skip))] // `verify` counts unlisted properties as misses
            pub additional_properties: std::collections::BTreeMap<String, rt::Json>,
        }
    });
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
        #[serde(default)]
        pub struct #name {
            /// The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.
            #[serde(rename = "@odata.type", skip_serializing_if = "Option::is_none")]
            pub odata_type: Option<String>,
            #(#fields)*
            #additional
        }
    }
}

fn string_enum(layout: &VersionLayout, t: usize) -> TokenStream {
    let def = layout.def(t);
    let name = ident(&layout.ident[t]);
    let doc = docs(&def.description, &def.source);
    let mut scope = Scope::with_reserved(&["UnknownValue"]);
    let members: Vec<(Ident, &str, TokenStream)> = def
        .members
        .iter()
        .map(|m| {
            let variant = ident(&scope.claim(names::variant_name(&m.name)));
            let text = if m.description.is_empty() {
                format!(" `{}`", m.name)
            } else {
                format!(" `{}`: {}", m.name, m.description.split_whitespace().collect::<Vec<_>>().join(" "))
            };
            (variant, m.name.as_str(), quote!(#[doc = #text]))
        })
        .collect();
    let variants = members.iter().map(|(v, _, doc)| quote!(#doc #v,));
    let to_str = members.iter().map(|(v, wire, _)| quote!(Self::#v => #wire,));
    let from_str = members.iter().map(|(v, wire, _)| quote!(#wire => Self::#v,));
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// A value these docs do not list; kept as sent.
            UnknownValue(String),
        }
        impl #name {
            /// The value as the service writes it.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#to_str)*
                    Self::UnknownValue(value) => value,
                }
            }
        }
        impl From<&str> for #name {
            fn from(value: &str) -> Self {
                match value {
                    #(#from_str)*
                    _ => Self::UnknownValue(value.to_owned()),
                }
            }
        }
        rt::string_enum!(#name);
    }
}

/// `Any<Type>`: a value declared as `Type` read as the derived type its `@odata.type` names.
fn polymorphic(layout: &VersionLayout, t: usize) -> TokenStream {
    let m = layout.module_of[t];
    let any = ident(&layout.any_ident[&t]);
    let def = layout.def(t);
    let doc = format!(" A `{}` or any type derived from it, read as the type its `@odata.type` names.", def.name);
    let mut scope = Scope::default();
    let base_variant = ident(&scope.claim(layout.ident[t].clone()));
    let base_path = item_path(layout, m, m, &layout.ident[t]);
    let derived: Vec<(Ident, TokenStream, &str)> = layout.descendants[t]
        .iter()
        .map(|&d| {
            let variant = ident(&scope.claim(layout.ident[d].clone()));
            (variant, item_path(layout, m, layout.module_of[d], &layout.ident[d]), layout.def(d).name.as_str())
        })
        .collect();
    let variants = derived.iter().map(|(v, path, _)| quote!(#v(Box<#path>),));
    let reads = derived.iter().map(|(v, _, wire)| quote!(Some(#wire) => Self::#v(rt::read_as(value)?),));
    let writes = derived.iter().map(|(v, _, _)| quote!(Self::#v(value) => serde::Serialize::serialize(value, s),));
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, PartialEq)]
        pub enum #any {
            #base_variant(Box<#base_path>),
            #(#variants)*
        }
        impl serde::Serialize for #any {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    Self::#base_variant(value) => serde::Serialize::serialize(value, s),
                    #(#writes)*
                }
            }
        }
        impl<'de> serde::Deserialize<'de> for #any {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let value = <rt::Json as serde::Deserialize>::deserialize(d)?;
                let odata_type = rt::odata_type(&value).map(str::to_owned);
                Ok(match odata_type.as_deref() {
                    #(#reads)*
                    _ => Self::#base_variant(rt::read_as(value)?),
                })
            }
        }
    }
}
