//! The examples to check: each body example of each operation, normalized to JSON, with
//! the generated type it must read as, or the reason it cannot be checked.

use crate::emit::ItemPaths;
use crate::ir::{ExampleKind, ExampleTarget, Model, Operation, Response, Source, TypeKind};
use crate::model::typeref;
use crate::parse::json;
use serde_json::Value;

#[derive(Debug, Clone)]
pub struct Case {
    pub id: usize,
    pub version: String,
    pub kind: ExampleKind,
    pub source: Source,
    pub operation: String,
    /// What the body must be, as the docs name it: `microsoft.graph.user`,
    /// `Collection(microsoft.graph.user)`, `parameters of user-assignlicense`.
    pub expected: String,
    pub truncated: bool,
    /// What was done to the body: the repairs that made it JSON (`trailing-comma`,
    /// `comment`, …), then `declared-collection` (see `is_unmarked_page`), `value-wrapper`
    /// and `placeholders` (see `normalize`).
    pub normalizations: Vec<&'static str>,
    pub state: State,
}

#[derive(Debug, Clone)]
pub enum State {
    /// Checked by the harness: how the body is read, the Rust type (below the version's
    /// module) that reads it, the body.
    Checked { shape: Shape, rust_type: String, body: Value },
    /// Not checked, for the reason given.
    Skipped(Skip),
    /// The body cannot be read as JSON, even with the repairs: a docs defect.
    Unreadable(String),
}

/// How a body is read: one value of a type, a page of a collection response, a primitive
/// (or enum) response wrapped in `value`, a JSON array request body, an action's parameters.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Shape {
    One(String),
    Page(String),
    Value(String),
    List(String),
    Parameters(String),
}

impl std::fmt::Display for Shape {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Shape::One(ty) => write!(f, "{ty}"),
            Shape::Page(ty) => write!(f, "Collection({ty})"),
            Shape::Value(ty) => write!(f, "Value({ty})"),
            Shape::List(ty) => write!(f, "List({ty})"),
            Shape::Parameters(id) => write!(f, "parameters of {id}"),
        }
    }
}

impl Shape {
    /// The docs type (or operation, for parameters) the shape is of.
    pub fn type_name(&self) -> &str {
        match self {
            Shape::One(ty) | Shape::Page(ty) | Shape::Value(ty) | Shape::List(ty) | Shape::Parameters(ty) => ty,
        }
    }
}

impl Case {
    /// The harness's registry key: `v1.0:microsoft.graph.user`.
    pub fn key(&self) -> Option<String> {
        match &self.state {
            State::Checked { shape, .. } => Some(format!("{}:{shape}", self.version)),
            _ => None,
        }
    }
}

/// Why an example is not checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Skip {
    NoBody,
    ErrorStatus,
    NotJson,
    Stream,
    NoTypeDeclared,
    TypeUndefined,
    AnyJson,
}

impl Skip {
    pub fn reason(self) -> &'static str {
        match self {
            Skip::NoBody => "no body",
            Skip::ErrorStatus => "error response",
            Skip::NotJson => "body is not JSON",
            Skip::Stream => "stream content",
            Skip::NoTypeDeclared => "no type declared",
            Skip::TypeUndefined => "type undefined in the docs",
            Skip::AnyJson => "any JSON accepted",
        }
    }
}

/// Every body example of every version, in model order, numbered from 0.
pub fn cases(models: &[Model]) -> Vec<Case> {
    let mut out = Vec::new();
    for model in models {
        let paths = ItemPaths::new(model);
        for op in &model.operations {
            for example in &op.examples {
                let (expected, target) = target(model, &paths, op, example.kind, &example.target);
                let mut normalizations = Vec::new();
                let state = match (&example.body, target) {
                    (None, _) => State::Skipped(Skip::NoBody),
                    (Some(_), _) if example.status.is_some_and(|s| s >= 400) => State::Skipped(Skip::ErrorStatus),
                    // Only a body that looks like JSON is read; one that then does not read is a docs defect.
                    (Some(text), _) if !text.trim_start().starts_with(['{', '[']) => State::Skipped(Skip::NotJson),
                    (Some(_), Err(skip)) => State::Skipped(skip),
                    (Some(text), Ok((mut shape, mut rust_type))) => match json::parse(text) {
                        Ok((mut body, repairs)) => {
                            normalizations = repairs.into_iter().map(json::Repair::name).collect();
                            if is_unmarked_page(&body, &shape, example.kind, op.response.as_ref()) {
                                shape = Shape::Page(shape.type_name().to_string());
                                rust_type = format!("rt::Page<{rust_type}>");
                                normalizations.push("declared-collection");
                            }
                            normalizations.extend(normalize(&mut body, &shape, example.kind));
                            State::Checked { shape, rust_type, body }
                        }
                        Err(e) => State::Unreadable(format!("line {} of the body: {}", e.line, e.message)),
                    },
                };
                out.push(Case {
                    id: out.len(),
                    version: model.version.clone(),
                    kind: example.kind,
                    source: example.source.clone(),
                    operation: op.id.clone(),
                    expected,
                    truncated: example.truncated,
                    normalizations,
                    state,
                });
            }
        }
    }
    out
}

/// What the body must be, as the docs name it, and how it is read, by which Rust type
/// (below the version's module).
fn target(
    model: &Model,
    paths: &ItemPaths,
    op: &Operation,
    kind: ExampleKind,
    target: &ExampleTarget,
) -> (String, Result<(Shape, String), Skip>) {
    match target {
        ExampleTarget::Undeclared => (String::new(), Err(Skip::NoTypeDeclared)),
        ExampleTarget::Undefined(written) => (written.clone(), Err(Skip::TypeUndefined)),
        ExampleTarget::Parameters => {
            let shape = Shape::Parameters(op.id.clone());
            let found = paths.body_struct(&op.id).map(|rust| (shape.clone(), rust.to_string()));
            (shape.to_string(), found.ok_or(Skip::NoTypeDeclared))
        }
        ExampleTarget::Type { ty, collection } => {
            let expected = if *collection { format!("Collection({ty})") } else { ty.clone() };
            if ty == "Edm.Stream" {
                return (expected, Err(Skip::Stream));
            }
            if paths.is_any_json(ty) {
                return (expected, Err(Skip::AnyJson));
            }
            let one = paths.value_type(ty);
            let is_enum = model.types.iter().any(|t| t.name == *ty && t.kind == TypeKind::Enum);
            // A response holds a collection as a page, a primitive or an enum wrapped in
            // `value`; a request body holds a collection as a JSON array.
            let checked = match (kind, *collection) {
                (ExampleKind::Response, true) => (Shape::Page(ty.clone()), format!("rt::Page<{one}>")),
                (ExampleKind::Response, false) if ty.starts_with("Edm.") || is_enum => {
                    (Shape::Value(ty.clone()), format!("rt::Value<{one}>"))
                }
                (ExampleKind::RequestBody, true) => (Shape::List(ty.clone()), format!("Vec<{one}>")),
                _ => (Shape::One(ty.clone()), one),
            };
            (expected, Ok(checked))
        }
    }
}

/// A response read as one value whose body is a page (`{"value": […]}`, with annotations
/// only) of an operation declared to return a collection of that very type: the example's
/// annotation left out `isCollection`, and the body is read as the page the operation
/// declares (`declared-collection`).
fn is_unmarked_page(body: &Value, shape: &Shape, kind: ExampleKind, declared: Option<&Response>) -> bool {
    let Shape::One(ty) = shape else { return false };
    let declared_page = declared.is_some_and(|r| r.collection && r.ty.as_ref() == Some(ty));
    kind == ExampleKind::Response && declared_page && wrapped(body).is_some_and(Value::is_array)
}

/// The `value` of an object that holds nothing else but annotations (`@odata.context`).
fn wrapped(body: &Value) -> Option<&Value> {
    let map = body.as_object()?;
    map.keys().all(|k| k == "value" || k.contains('@')).then(|| map.get("value")).flatten()
}

/// What the docs write in place of a body, undone and named: a single object wrapped in
/// `{"value": …}` is unwrapped (`value-wrapper`), as the service sends it; a placeholder
/// where a value belongs (`"String (timestamp)"`, `"{id}"`, `"datetime-value"`) says nothing
/// about the value, so a field holding one is set to null (its name is still checked) and
/// an array item holding one is left out (`placeholders`).
fn normalize(body: &mut Value, shape: &Shape, kind: ExampleKind) -> Vec<&'static str> {
    let mut done = Vec::new();
    let one = kind == ExampleKind::Response && matches!(shape, Shape::One(_));
    if one && wrapped(body).is_some_and(Value::is_object) {
        *body = body["value"].take();
        done.push("value-wrapper");
    }
    if clear_placeholders(body) {
        done.push("placeholders");
    }
    done
}

/// Sets fields holding a placeholder to null and leaves out array items that are one;
/// whether there was any.
fn clear_placeholders(value: &mut Value) -> bool {
    match value {
        Value::Object(map) => map.values_mut().fold(false, |found, v| {
            if is_placeholder(v) {
                *v = Value::Null;
                true
            } else {
                clear_placeholders(v) || found
            }
        }),
        Value::Array(items) => {
            let before = items.len();
            items.retain(|v| !is_placeholder(v));
            let removed = items.len() != before;
            items.iter_mut().fold(removed, |found, v| clear_placeholders(v) || found)
        }
        _ => false,
    }
}

/// A string that stands for a value instead of being one: a type name (`String`,
/// `Edm.Int32`, `DateTimeOffset (timestamp)`, `Integer`), a `{placeholder}` or
/// `<placeholder>` name, or a sample marker (`datetime-value`, `skuId-value-2`,
/// `score.value`).
fn is_placeholder(value: &Value) -> bool {
    let Some(text) = value.as_str().map(str::trim) else { return false };
    let inner = text.strip_prefix('{').and_then(|t| t.strip_suffix('}'));
    let inner = inner.or_else(|| text.strip_prefix('<').and_then(|t| t.strip_suffix('>')));
    let braced = inner.is_some_and(|name| {
        !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.' | '|'))
    });
    let unnumbered = text.trim_end_matches(|c: char| c.is_ascii_digit()).trim_end_matches('-');
    let marker = unnumbered.ends_with("-value") || (unnumbered.ends_with(".value") && !unnumbered.contains(' '));
    // A type name alone, or with a note in parentheses: `String (identifier)`.
    let first = text.split([' ', '(']).next().unwrap_or("");
    let noted = text[first.len()..].trim_start();
    let first = if noted.is_empty() || noted.starts_with('(') { first } else { "" };
    let edm = crate::ir::EDM_TYPES.iter().any(|edm| {
        first.eq_ignore_ascii_case(edm) || edm.strip_prefix("Edm.").is_some_and(|bare| first.eq_ignore_ascii_case(bare))
    });
    // Other spellings of a type name (`Integer`, `Timestamp`) when capitalized, as docs
    // write a type; lower case they may be real values (`text`, `url`).
    let alias = first.starts_with(|c: char| c.is_ascii_uppercase()) && typeref::primitive(first).is_some();
    braced || marker || edm || alias || matches!(first, "datetime" | "timestamp" | "guid")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn placeholders_are_type_names_braced_names_and_markers() {
        for text in [
            "String",
            "String (identifier)",
            "Edm.Int32",
            "Integer",
            "{id}",
            "<user name>",
            "datetime-value",
            "skuId-value-2",
            "score.value",
        ] {
            assert!(is_placeholder(&json!(text)), "{text}");
        }
        for text in ["Stream of consciousness", "text", "{\"a\": 1}", "Display Name value", "Pump", ""] {
            assert!(!is_placeholder(&json!(text)), "{text}");
        }
        assert!(!is_placeholder(&json!(3)));
    }

    #[test]
    fn a_page_under_a_one_value_annotation_is_read_as_the_declared_collection() {
        let widget = "microsoft.graph.widget";
        let one = Shape::One(widget.into());
        let page = json!({"@odata.context": "c", "value": [{"id": "w"}]});
        let declared = |ty: &str, collection| Response { status: 200, ty: Some(ty.into()), collection };
        let response = ExampleKind::Response;
        assert!(is_unmarked_page(&page, &one, response, Some(&declared(widget, true))));
        // Not when the operation declares one value, another type or nothing, nor for a body
        // that is not a page, a request body, or a shape that is already a page.
        assert!(!is_unmarked_page(&page, &one, response, Some(&declared(widget, false))));
        assert!(!is_unmarked_page(&page, &one, response, Some(&declared("microsoft.graph.gadget", true))));
        assert!(!is_unmarked_page(&page, &one, response, None));
        assert!(!is_unmarked_page(&json!({"value": [], "id": "x"}), &one, response, Some(&declared(widget, true))));
        assert!(!is_unmarked_page(&page, &one, ExampleKind::RequestBody, Some(&declared(widget, true))));
        let as_page = Shape::Page(widget.into());
        assert!(!is_unmarked_page(&page, &as_page, response, Some(&declared(widget, true))));
    }

    #[test]
    fn wrapped_objects_are_unwrapped_and_placeholders_cleared() {
        let one = Shape::One("microsoft.graph.widget".into());
        let mut body = json!({"@odata.context": "c", "value": {"id": "String (identifier)", "tags": ["a", "{tag}"]}});
        assert_eq!(normalize(&mut body, &one, ExampleKind::Response), ["value-wrapper", "placeholders"]);
        assert_eq!(body, json!({"id": null, "tags": ["a"]}));
        // A page keeps its `value`; so does an object that has other fields, or a request body.
        let page = Shape::Page("microsoft.graph.widget".into());
        for (shape, kind, body) in [
            (&page, ExampleKind::Response, json!({"value": [{"id": "w"}]})),
            (&one, ExampleKind::Response, json!({"value": {"id": "w"}, "id": "x"})),
            (&one, ExampleKind::RequestBody, json!({"value": {"id": "w"}})),
        ] {
            let mut copy = body.clone();
            assert!(normalize(&mut copy, shape, kind).is_empty());
            assert_eq!(copy, body);
        }
    }
}
