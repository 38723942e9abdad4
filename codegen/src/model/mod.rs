//! Stage 3: parsed pages to raw definitions: types with properties as the docs write
//! them (table and JSON block side by side), and enums. Names are not resolved here.

mod enums;
pub mod operations;
pub mod query_notes;
pub mod request_match;
mod resources;
pub mod typeref;

use crate::diag::{Diagnostic, Span};
use crate::parse::Page;
pub use operations::RawOperation;
pub use typeref::{TypeName, TypeRef};

#[derive(Debug, Clone)]
pub struct RawType {
    /// As written: qualified when it comes from an annotation, else `namespace.title`.
    pub name: String,
    /// The namespace of the page, for resolving unqualified references.
    pub namespace: String,
    pub base: Option<String>,
    /// The page the base's link points to, when the base comes from a link.
    pub base_link: Option<String>,
    /// The base the introduction names ("Inherits from [x]"), with its link, when the
    /// annotation's `baseType` names another one.
    pub prose_base: Option<(String, Option<String>)>,
    /// The types the page names as deriving from this one ("the derived types are [a],
    /// [b]", a Derived types section), each with its link.
    pub derived_in_prose: Vec<(String, Option<String>)>,
    pub is_abstract: bool,
    pub open: bool,
    pub key_property: Option<String>,
    pub properties: Vec<RawProperty>,
    pub description: String,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct RawProperty {
    pub name: String,
    pub table_type: Option<TypeRef>,
    /// The page the type cell's link points to: it defines the type when the link's text
    /// is only a display name (`[tab](teamstab.md)`).
    pub table_link: Option<String>,
    /// The types of an "A or B" type cell, with their links (`table_type` is the first).
    pub alternatives: Vec<(String, Option<String>)>,
    pub json_type: Option<TypeRef>,
    pub navigation: bool,
    pub description: String,
    /// Values listed in the description ("Possible values are: `a`, `b`.").
    pub listed_values: Vec<String>,
    /// "Inherited from [x]" in the description.
    pub inherited_from: Option<String>,
    /// The description's query notes ("Supports `$filter` (`eq`)").
    pub query: Option<crate::ir::QueryNotes>,
    /// Where the table row is, or else the JSON key.
    pub span: Span,
    pub json_span: Option<Span>,
}

#[derive(Debug, Clone)]
pub struct RawEnum {
    /// Qualified with the page's namespace.
    pub name: String,
    pub members: Vec<crate::ir::Member>,
    pub description: String,
    pub span: Span,
}

#[derive(Debug, Default)]
pub struct RawModel {
    pub types: Vec<RawType>,
    pub enums: Vec<RawEnum>,
    pub operations: Vec<RawOperation>,
    pub example_requests: crate::ir::ExampleRequests,
}

/// What one page defines. Pages are independent, so this runs in parallel.
pub fn page_definitions(page: &Page, diags: &mut Vec<Diagnostic>) -> RawModel {
    let operations = operations::operations(page, diags);
    let mut raw = RawModel {
        types: resources::types(page, diags),
        enums: enums::tables(page, diags),
        example_requests: request_match::check(&operations, diags),
        operations,
    };
    if page.folder == crate::scan::Folder::Resources && raw.types.is_empty() && raw.enums.is_empty() {
        diags.push(resources::why_nothing(page));
    }
    raw.types.shrink_to_fit();
    raw
}

/// Every page's definitions in one model, in page order.
pub fn merge(per_page: Vec<RawModel>) -> RawModel {
    let mut raw = RawModel::default();
    raw.types.reserve(per_page.iter().map(|d| d.types.len()).sum());
    raw.enums.reserve(per_page.iter().map(|d| d.enums.len()).sum());
    raw.operations.reserve(per_page.iter().map(|d| d.operations.len()).sum());
    for defs in per_page {
        raw.types.extend(defs.types);
        raw.enums.extend(defs.enums);
        raw.operations.extend(defs.operations);
        raw.example_requests += defs.example_requests;
    }
    raw
}
