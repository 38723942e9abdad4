//! Rust items for the types of one module: structs, string enums, polymorphic enums.

use super::areas::Cfg;
use super::code::{string_literal, Code};
use super::layout::VersionLayout;
use super::names::{self, Scope};
use crate::ir::{Property, Source, TypeKind};

/// Doc lines: the description on one line (so no text can form markdown blocks), then the
/// page it comes from. Text only ever enters a doc comment or a string literal.
pub fn docs(code: &mut Code, description: &str, source: &Source) {
    let mut text = String::with_capacity(description.len() + 1);
    text.push(' ');
    push_doc_line(&mut text, description);
    if text.len() > 1 {
        code.doc(&text);
        code.doc("");
    }
    code.doc(&source_line(source));
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
pub fn cfg_attr(code: &mut Code, cfg: &Cfg) {
    let Cfg::When(features) = cfg else { return };
    let features: Vec<String> = features.iter().map(|f| format!("feature = {}", string_literal(f))).collect();
    match features.as_slice() {
        [one] => code.attr(&format!("cfg({one})")),
        _ => code.attr(&format!("cfg(any({}))", features.join(", "))),
    }
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

fn field_type(layout: &VersionLayout, owner: usize, p: &Property) -> String {
    let from = layout.module_of[owner];
    let value = value_type(layout, from, &p.ty);
    if p.collection {
        format!("Vec<{value}>")
    } else if layout.needs_box(owner, &p.ty, p.collection) {
        format!("Box<{value}>")
    } else {
        value
    }
}

/// A module's header: its doc line and the runtime import.
pub fn module_header(code: &mut Code, layout: &VersionLayout, m: usize) {
    let info = &layout.modules[m];
    code.inner_doc(&format!(" Types of the `{}` namespace.", info.namespace));
    code.attr("allow(unused_imports)");
    code.line(if info.name.is_some() { "use super::super::runtime as rt;" } else { "use super::runtime as rt;" });
}

/// The items one docs type becomes: its struct or enum, and its `Any…` enum if it has one.
/// Each of them carries the type's condition.
pub fn type_items(code: &mut Code, layout: &VersionLayout, t: usize) {
    let cfg = layout.gates.type_cfg(t);
    if cfg == Cfg::Omit {
        return;
    }
    match layout.def(t).kind {
        TypeKind::Enum => string_enum(code, layout, t, &cfg),
        _ => structure(code, layout, t, &cfg),
    }
    if layout.any_ident.contains_key(&t) {
        polymorphic(code, layout, t, &cfg);
    }
}

/// A JSON property of a struct: its field, and the condition the field carries.
pub struct JsonField<'a> {
    pub json: &'a str,
    pub field: String,
    pub cfg: Cfg,
}

/// Serde for a struct of optional fields, through the runtime's `json_object!`: serde's
/// derive makes several times as much code per field, which was most of the generated
/// crate's compile time, and needs proc-macro crates. `unlisted` names the field that keeps
/// an open type's unlisted properties.
pub fn json_object(code: &mut Code, name: &str, cfg: &Cfg, fields: &[JsonField], unlisted: Option<&str>) {
    cfg_attr(code, cfg);
    code.open_macro_item("rt::json_object", name);
    for f in fields {
        cfg_attr(code, &f.cfg);
        code.line(&format!("{} => {},", string_literal(f.json), f.field));
    }
    code.close_with(&format!("{});", unlisted.map(|u| format!(" {u}")).unwrap_or_default()));
}

fn structure(code: &mut Code, layout: &VersionLayout, t: usize, cfg: &Cfg) {
    let def = layout.def(t);
    let name = &layout.ident[t];
    docs(code, &def.description, &def.source);
    cfg_attr(code, cfg);
    if layout.is_untyped(t) {
        code.type_alias(name, "rt::Json");
        return;
    }
    code.derive("Debug, Clone, PartialEq, Default");
    code.open_struct(name);
    code.doc(" The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.");
    code.field("odata_type", "Option<String>");
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
            if owner == t {
                docs(code, &p.description, &p.source);
            } else {
                let inherited = format!("{} (Inherited from `{}`.)", p.description, layout.def(owner).name);
                docs(code, &inherited, &p.source);
            }
            cfg_attr(code, &field_cfg);
            code.field(&field, &format!("Option<{}>", field_type(layout, t, p)));
            json_fields.push(JsonField { json: &p.name, field, cfg: field_cfg });
        }
    }
    let open = lineage.iter().any(|&o| layout.def(o).open);
    if open {
        code.doc(" Properties the docs do not list: this type is open.");
        code.field("additional_properties", "std::collections::BTreeMap<String, rt::Json>");
    }
    code.close();
    json_object(code, name, cfg, &json_fields, open.then_some("additional_properties"));
}

fn string_enum(code: &mut Code, layout: &VersionLayout, t: usize, cfg: &Cfg) {
    let def = layout.def(t);
    let name = &layout.ident[t];
    docs(code, &def.description, &def.source);
    cfg_attr(code, cfg);
    let mut scope = Scope::with_reserved(&["UnknownValue"]);
    let members: Vec<(String, String)> =
        def.members.iter().map(|m| (scope.claim(names::variant_name(&m.name)), string_literal(&m.name))).collect();
    code.derive("Debug, Clone, PartialEq, Eq, Hash");
    code.non_exhaustive();
    code.open_enum(name);
    for ((variant, _), member) in members.iter().zip(&def.members) {
        if member.description.is_empty() {
            code.doc(&format!(" `{}`", member.name));
        } else {
            let description = member.description.split_whitespace().collect::<Vec<_>>().join(" ");
            code.doc(&format!(" `{}`: {description}", member.name));
        }
        code.variant(variant, None);
    }
    code.doc(" A value these docs do not list; kept as sent.");
    code.variant("UnknownValue", Some("String"));
    code.close();
    cfg_attr(code, cfg);
    code.open_impl(name);
    code.doc(" The value as the service writes it.");
    code.open_fn(true, "as_str", "", &["&self"], "&str");
    code.open("match self");
    for (variant, wire) in &members {
        code.line(&format!("Self::{variant} => {wire},"));
    }
    code.line("Self::UnknownValue(value) => value,");
    code.close();
    code.close();
    code.close();
    cfg_attr(code, cfg);
    code.open_trait_impl("", "From<&str>", name);
    code.open_fn(false, "from", "", &["value: &str"], "Self");
    code.open("match value");
    for (variant, wire) in &members {
        code.line(&format!("{wire} => Self::{variant},"));
    }
    code.line("_ => Self::UnknownValue(value.to_owned()),");
    code.close();
    code.close();
    code.close();
    cfg_attr(code, cfg);
    code.macro_item("rt::string_enum", name);
}

/// `Any<Type>`: a value declared as `Type` read as the derived type its `@odata.type` names.
fn polymorphic(code: &mut Code, layout: &VersionLayout, t: usize, cfg: &Cfg) {
    let m = layout.module_of[t];
    let any = &layout.any_ident[&t];
    let def = layout.def(t);
    let mut scope = Scope::default();
    let base_variant = scope.claim(layout.ident[t].clone());
    // A derived type's variant, and its arms, are there when the derived type is.
    let derived: Vec<(String, String, String, Cfg)> = layout.descendants[t]
        .iter()
        .filter_map(|&d| {
            let variant = scope.claim(layout.ident[d].clone());
            let variant_cfg = layout.gates.dependent_cfg(t, Some(d));
            let path = item_path(layout, m, layout.module_of[d], &layout.ident[d]);
            (variant_cfg != Cfg::Omit).then(|| (variant, path, string_literal(&layout.def(d).name), variant_cfg))
        })
        .collect();
    code.doc(&format!(" A `{}` or any type derived from it, read as the type its `@odata.type` names.", def.name));
    cfg_attr(code, cfg);
    code.derive("Debug, Clone, PartialEq");
    code.open_enum(any);
    code.variant(&base_variant, Some(&format!("Box<{}>", item_path(layout, m, m, &layout.ident[t]))));
    for (variant, path, _, variant_cfg) in &derived {
        cfg_attr(code, variant_cfg);
        code.variant(variant, Some(&format!("Box<{path}>")));
    }
    code.close();
    cfg_attr(code, cfg);
    code.open_trait_impl("", "serde::Serialize", any);
    code.open_fn(false, "serialize", "<S: serde::Serializer>", &["&self", "s: S"], "Result<S::Ok, S::Error>");
    code.open("match self");
    code.line(&format!("Self::{base_variant}(value) => serde::Serialize::serialize(value, s),"));
    for (variant, _, _, variant_cfg) in &derived {
        cfg_attr(code, variant_cfg);
        code.line(&format!("Self::{variant}(value) => serde::Serialize::serialize(value, s),"));
    }
    code.close();
    code.close();
    code.close();
    cfg_attr(code, cfg);
    code.open_trait_impl("<'de>", "serde::Deserialize<'de>", any);
    code.open_fn(false, "deserialize", "<D: serde::Deserializer<'de>>", &["d: D"], "Result<Self, D::Error>");
    code.line("let value = <rt::Json as serde::Deserialize>::deserialize(d)?;");
    code.line("let odata_type = rt::odata_type(&value).map(str::to_owned);");
    code.open("Ok(match odata_type.as_deref()");
    for (variant, _, wire, variant_cfg) in &derived {
        cfg_attr(code, variant_cfg);
        code.line(&format!("Some({wire}) => Self::{variant}(rt::read_as(value)?),"));
    }
    code.line(&format!("_ => Self::{base_variant}(rt::read_as(value)?),"));
    code.close_with(")");
    code.close();
    code.close();
    // A response read from JSON (`runtime::FromResponse`), as `json_object!` says of structs.
    cfg_attr(code, cfg);
    code.open_trait_impl("", "rt::JsonResponse", any);
    code.close();
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
