//! How the docs write a type: `String`, `[identitySet](identityset.md) collection`,
//! `Collection(microsoft.graph.x)`, `string (url)`, `"String (timestamp)"` in JSON blocks.

use crate::parse::Inline;
use serde_json::Value;

/// A type as written, before names are resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeRef {
    pub name: TypeName,
    pub collection: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeName {
    Edm(&'static str),
    /// An identifier, possibly namespace-qualified, in the docs' casing.
    Named(String),
}

/// The Edm name for a primitive as the docs spell it (any case, optional `Edm.`, aliases).
pub fn primitive(word: &str) -> Option<&'static str> {
    let lower = word.trim().to_ascii_lowercase();
    let lower = lower.strip_prefix("edm.").unwrap_or(&lower);
    Some(match lower {
        "string" | "str" | "url" | "uri" | "etag" | "char" | "text" => "Edm.String",
        "boolean" | "bool" => "Edm.Boolean",
        "int32" | "int" | "integer" => "Edm.Int32",
        "int64" | "long" => "Edm.Int64",
        "int16" | "short" => "Edm.Int16",
        "byte" => "Edm.Byte",
        "sbyte" => "Edm.SByte",
        "double" | "float" | "number" => "Edm.Double",
        "single" => "Edm.Single",
        "decimal" | "numeric" => "Edm.Decimal",
        "datetimeoffset" | "datetime" | "timestamp" => "Edm.DateTimeOffset",
        "date" => "Edm.Date",
        "timeofday" => "Edm.TimeOfDay",
        "duration" | "timespan" => "Edm.Duration",
        "guid" | "uuid" => "Edm.Guid",
        "binary" | "base64" => "Edm.Binary",
        "stream" => "Edm.Stream",
        "untyped" => "Edm.Untyped",
        _ => return None,
    })
}

pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        && !s.ends_with('.')
}

/// Splits off the collection markers: `Collection(X)`, `X collection`, `collection of X`.
fn strip_collection(text: &str) -> (&str, bool) {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    if lower.starts_with("collection(") {
        let inner = &t["collection(".len()..];
        return (inner.split(')').next().unwrap_or(inner), true);
    }
    if let Some(rest) = lower.strip_prefix("collection of ") {
        return (&t[t.len() - rest.len()..], true);
    }
    if let Some(i) = lower.find(" collection") {
        return (&t[..i], true);
    }
    (t, false)
}

fn name_from_word(word: &str) -> Option<TypeName> {
    let word = word.trim().trim_start_matches('#').trim_matches(|c: char| c == '*' || c == '`' || c == ',');
    if let Some(edm) = primitive(word) {
        return Some(TypeName::Edm(edm));
    }
    is_identifier(word).then(|| TypeName::Named(word.to_string()))
}

/// A type as annotations write it: `microsoft.graph.x`, `#microsoft.graph.x`,
/// `Collection(microsoft.graph.x)`, `stream`.
pub fn from_type_name(text: &str) -> Option<TypeRef> {
    let (inner, collection) = strip_collection(text.trim().trim_start_matches('#'));
    Some(TypeRef { name: name_from_word(inner)?, collection })
}

/// Reads a property table's type cell. None when the cell is free text.
pub fn from_cell(cell: &Inline) -> Option<TypeRef> {
    let (body, collection) = strip_collection(&cell.text);
    // A link's text names the type; a link to a primitive's docs still names a primitive.
    if let Some(link) = cell.links.iter().find(|l| !l.text.is_empty()) {
        let (inner, inner_collection) = strip_collection(&link.text);
        if let Some(name) = name_from_word(inner) {
            return Some(TypeRef { name, collection: collection || inner_collection });
        }
    }
    let first = body.split(|c: char| c.is_whitespace() || c == '(' || c == ',').find(|w| !w.is_empty())?;
    let name = name_from_word(first).or_else(|| {
        // `string (url)`, `String, maximum size 20`: the text says it is a string.
        body.to_ascii_lowercase().contains("string").then_some(TypeName::Edm("Edm.String"))
    })?;
    Some(TypeRef { name, collection })
}

/// The types of an "A or B" cell (`[appHostedMediaConfig](…) or [serviceHostedMediaConfig](…)`),
/// each with its link; empty for a cell naming one type.
pub fn alternatives(cell: &Inline) -> Vec<(String, Option<String>)> {
    if !cell.text.contains(" or ") {
        return Vec::new();
    }
    let named: Vec<(String, Option<String>)> = cell
        .links
        .iter()
        .filter_map(|l| {
            let name = l.text.trim().trim_matches('`');
            (is_identifier(name) && primitive(name).is_none()).then(|| (name.to_string(), Some(l.dest.clone())))
        })
        .collect();
    if named.len() >= 2 {
        named
    } else {
        Vec::new()
    }
}

/// What a JSON representation block's value says about the property's type. None when the
/// value is a realistic sample rather than a type placeholder.
pub fn from_json_value(value: &Value) -> Option<TypeRef> {
    match value {
        Value::Bool(_) => Some(TypeRef { name: TypeName::Edm("Edm.Boolean"), collection: false }),
        Value::Number(n) => {
            let edm = if n.is_f64() { "Edm.Double" } else { "Edm.Int32" };
            Some(TypeRef { name: TypeName::Edm(edm), collection: false })
        }
        Value::String(s) => from_json_string(s),
        Value::Object(map) => from_type_name(map.get("@odata.type")?.as_str()?),
        Value::Array(items) => {
            let inner = from_json_value(items.first()?)?;
            Some(TypeRef { collection: true, ..inner })
        }
        Value::Null => None,
    }
}

fn from_json_string(s: &str) -> Option<TypeRef> {
    let (body, collection) = strip_collection(s);
    let lower = body.to_ascii_lowercase();
    if lower.contains("timestamp") {
        return Some(TypeRef { name: TypeName::Edm("Edm.DateTimeOffset"), collection });
    }
    if body.contains('|') {
        return Some(TypeRef { name: TypeName::Edm("Edm.String"), collection });
    }
    let first = body.split(|c: char| c.is_whitespace() || c == '(').find(|w| !w.is_empty())?;
    if let Some(edm) = primitive(first) {
        return Some(TypeRef { name: TypeName::Edm(edm), collection });
    }
    // A lone identifier may be a type name (`"sharingDetail"`) or a sample value
    // (`"Contoso"`): the resolver keeps it only if it names a defined type.
    (is_identifier(first) && body.split_whitespace().count() == 1)
        .then(|| TypeRef { name: TypeName::Named(first.to_string()), collection })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::Link;

    fn cell(text: &str, link: Option<&str>) -> Inline {
        Inline {
            text: text.into(),
            links: link.map(|l| vec![Link { text: l.into(), dest: format!("{l}.md") }]).unwrap_or_default(),
            ..Inline::default()
        }
    }

    fn named(n: &str, collection: bool) -> Option<TypeRef> {
        Some(TypeRef { name: TypeName::Named(n.into()), collection })
    }

    fn edm(n: &'static str, collection: bool) -> Option<TypeRef> {
        Some(TypeRef { name: TypeName::Edm(n), collection })
    }

    #[test]
    fn table_cells() {
        assert_eq!(from_cell(&cell("String", None)), edm("Edm.String", false));
        assert_eq!(from_cell(&cell("dateTimeOffset", None)), edm("Edm.DateTimeOffset", false));
        assert_eq!(from_cell(&cell("Edm.Guid", None)), edm("Edm.Guid", false));
        assert_eq!(from_cell(&cell("String collection", None)), edm("Edm.String", true));
        assert_eq!(from_cell(&cell("Collection(microsoft.graph.x)", None)), named("microsoft.graph.x", true));
        assert_eq!(from_cell(&cell("identitySet collection", Some("identitySet"))), named("identitySet", true));
        assert_eq!(from_cell(&cell("riskLevel", None)), named("riskLevel", false));
        assert_eq!(from_cell(&cell("string (url)", None)), edm("Edm.String", false));
        assert_eq!(from_cell(&cell("JSON object", None)), named("JSON", false));
        assert_eq!(from_cell(&cell("** Unknown Type **", None)), None);
    }

    #[test]
    fn json_values() {
        use serde_json::json;
        assert_eq!(from_json_value(&json!("String (timestamp)")), edm("Edm.DateTimeOffset", false));
        assert_eq!(from_json_value(&json!(["String"])), edm("Edm.String", true));
        assert_eq!(from_json_value(&json!({"@odata.type": "microsoft.graph.x"})), named("microsoft.graph.x", false));
        assert_eq!(from_json_value(&json!(1024)), edm("Edm.Int32", false));
        assert_eq!(from_json_value(&json!("Contoso Ltd")), None);
        assert_eq!(from_json_value(&json!("sharingDetail")), named("sharingDetail", false));
        assert_eq!(from_json_value(&json!("a | b")), edm("Edm.String", false));
    }
}
