//! The model: what the docs define, resolved and in a deterministic order. This is the
//! contract between the front end (scan, parse, model, resolve) and everything that
//! consumes it (emit, the JSON export, diff).

use crate::diag::Diagnostic;
use serde::{Deserialize, Serialize};

/// Read back from an export (`snapshot`), a model has no diagnostics: they are the docs'
/// findings, reported when the docs were read, and the export's copy is not read.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Model {
    pub version: String,
    /// Sorted by qualified name.
    pub types: Vec<TypeDef>,
    /// Sorted by id.
    pub operations: Vec<Operation>,
    #[serde(skip_deserializing)]
    pub diagnostics: Vec<Diagnostic>,
    #[serde(default)]
    pub example_requests: ExampleRequests,
}

/// How many of the docs' example requests call an operation of their own page (see
/// `model::request_match`).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExampleRequests {
    /// Example requests addressed to Graph (other hosts, such as upload URLs, do not count).
    pub total: usize,
    /// Matching a declared path as written (placeholders, arguments and casts aside).
    pub strict: usize,
    /// Matching once Graph's aliases (`/me`, `/drive`, `root:/path:`, `(key)`) are applied.
    pub aliased: usize,
}

impl std::ops::AddAssign for ExampleRequests {
    fn add_assign(&mut self, other: ExampleRequests) {
        self.total += other.total;
        self.strict += other.strict;
        self.aliased += other.aliased;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TypeKind {
    Entity,
    Complex,
    Enum,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TypeDef {
    /// Qualified, in the docs' casing: `microsoft.graph.selfServiceSignUp`.
    pub name: String,
    pub kind: TypeKind,
    pub base: Option<String>,
    #[serde(rename = "abstract")]
    pub is_abstract: bool,
    pub open: bool,
    /// Own properties only; inherited ones belong to the base.
    pub properties: Vec<Property>,
    pub members: Vec<Member>,
    pub description: String,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Property {
    /// The JSON name, exactly as the docs write it.
    pub name: String,
    /// `Edm.*` for primitives, the qualified name otherwise.
    #[serde(rename = "type")]
    pub ty: String,
    pub collection: bool,
    pub nullable: bool,
    pub navigation: bool,
    pub description: String,
    pub source: Source,
    /// What the description says queries may do with the property; absent when it says
    /// nothing (`model::query_notes`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<QueryNotes>,
}

/// A property's query capabilities as its description states them; each is `None` where
/// the docs are silent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryNotes {
    pub filter: Option<FilterNote>,
    pub orderby: Option<bool>,
    pub search: Option<bool>,
    pub count: Option<bool>,
    pub expand: Option<bool>,
    /// "Returned by default" or "Returned only on `$select`".
    pub select: Option<Selected>,
    /// "Supports `$select`".
    pub selectable: Option<bool>,
    /// The note asks for advanced query parameters (`ConsistencyLevel: eventual`, `$count=true`).
    pub advanced: Option<bool>,
}

/// The `$filter` note: the operators listed (`eq`, `startsWith`, `eq null` for "`eq` on
/// `null` values", `$count` for `/$count eq n`), or supported / not without a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FilterNote {
    Operators(Vec<String>),
    Stated(bool),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Selected {
    Default,
    Only,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// The wire value, exactly as the docs write it.
    pub name: String,
    pub value: Option<i64>,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Source {
    pub file: String,
    pub line: usize,
}

impl From<&crate::diag::Span> for Source {
    fn from(span: &crate::diag::Span) -> Self {
        Source { file: span.file.clone(), line: span.line }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Operation {
    pub id: String,
    pub name: String,
    pub method: String,
    pub paths: Vec<String>,
    pub path_parameters: Vec<PathParameter>,
    pub query_options: Vec<String>,
    pub request_headers: Vec<RequestHeader>,
    pub request_body: Option<RequestBody>,
    pub response: Option<Response>,
    pub permissions: Permissions,
    pub description: String,
    pub source: Source,
    /// The page's examples of this operation's bodies, for `verify`. Sample data, not API
    /// surface: the export contract has no place for them, so `model --json` leaves them out.
    #[serde(skip)]
    pub examples: Vec<BodyExample>,
    /// The paths read as steps of a request (`resolve::routes`), those the generator could
    /// not read and those another page's operation owns left out. Derived from `paths`, so
    /// the export leaves them out.
    #[serde(skip)]
    pub routes: Vec<Route>,
    /// The page's example requests, for the examples in the generated docs and `verify
    /// --http`. Sample data: the export leaves them out.
    #[serde(skip)]
    pub example_requests: Vec<ExampleRequest>,
}

/// An example request of a page, with the response the page pairs with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleRequest {
    pub method: String,
    /// As written: host, version and query included.
    pub url: String,
    /// The request line: the request body's example (in `Operation::examples`) has it too.
    pub line: usize,
    pub response: Option<ExampleReply>,
}

/// The response an example request is paired with: its status line (the response body's
/// example has it too), status and headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleReply {
    pub line: usize,
    pub status: Option<u16>,
    pub headers: Vec<(String, String)>,
}

/// One of an operation's paths, read step by step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// As the docs write it.
    pub path: String,
    pub steps: Vec<Step>,
}

/// One step of a request path.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    /// A named segment: an entity set, singleton, navigation property, action or function
    /// without arguments, a type cast (`microsoft.graph.user`), `$count`, `$value`, `$ref`.
    Segment(String),
    /// The key of an item of the collection before it: `{id}`, `{user-id}`; the name the
    /// docs give it (the first of alternatives, `{id | userPrincipalName}`).
    Key(String),
    /// A function called with arguments, `range(address='{address}')`: each argument's
    /// name and whether its value is written in quotes.
    Function { name: String, arguments: Vec<(String, bool)> },
    /// An item addressed by its path below the step before, `root:/{item-path}:`.
    ItemPath(String),
    /// `.../`: the collection and key before it repeat (folders within folders).
    Repeat,
}

/// A response, or a request's body, shown by an example on an API page, with the type it
/// must read as.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyExample {
    pub kind: ExampleKind,
    /// The request or status line of the example.
    pub source: Source,
    /// The text after the request or status line and the headers; None when there is none.
    pub body: Option<String>,
    /// A response's status code.
    pub status: Option<u16>,
    pub target: ExampleTarget,
    /// The annotation says properties were left out.
    pub truncated: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExampleKind {
    Response,
    RequestBody,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExampleTarget {
    /// A model type or an `Edm` primitive; a collection is a page of them for a response,
    /// a JSON array for a request body.
    Type { ty: String, collection: bool },
    /// The operation's own body: the struct of its parameters.
    Parameters,
    /// The annotation names a type the docs do not define.
    Undefined(String),
    /// Neither the annotation nor the operation says what the body is.
    Undeclared,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PathParameter {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequestHeader {
    pub name: String,
    pub required: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RequestBody {
    Type {
        #[serde(rename = "type")]
        ty: String,
        collection: bool,
    },
    Parameters {
        parameters: Vec<BodyParameter>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BodyParameter {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: String,
    pub collection: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Response {
    pub status: u16,
    #[serde(rename = "type")]
    pub ty: Option<String>,
    pub collection: bool,
}

/// The scopes an operation needs, per kind of account: the least privileged ones (all the
/// table lists when it does not rank them), then what newer tables list as higher
/// privileged, the "Permissions for specific scenarios" and the role notes, as the docs
/// write them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Permissions {
    pub delegated_work: Vec<String>,
    pub delegated_personal: Vec<String>,
    pub application: Vec<String>,
    #[serde(default, skip_serializing_if = "HigherPrivileged::is_empty")]
    pub higher_privileged: HigherPrivileged,
    /// Each paragraph or list item of a "Permissions for specific scenarios" section.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<String>,
    /// Notes on the roles (RBAC) a caller needs, from files the Permissions section includes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// The scopes a table lists under "Higher privileged permissions", per kind of account.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HigherPrivileged {
    pub delegated_work: Vec<String>,
    pub delegated_personal: Vec<String>,
    pub application: Vec<String>,
}

impl HigherPrivileged {
    pub fn is_empty(&self) -> bool {
        self.delegated_work.is_empty() && self.delegated_personal.is_empty() && self.application.is_empty()
    }
}

/// The primitive types, by their Edm names. `Edm.Untyped` holds any JSON value.
pub const EDM_TYPES: &[&str] = &[
    "Edm.Binary",
    "Edm.Boolean",
    "Edm.Byte",
    "Edm.Date",
    "Edm.DateTimeOffset",
    "Edm.Decimal",
    "Edm.Double",
    "Edm.Duration",
    "Edm.Guid",
    "Edm.Int16",
    "Edm.Int32",
    "Edm.Int64",
    "Edm.SByte",
    "Edm.Single",
    "Edm.Stream",
    "Edm.String",
    "Edm.TimeOfDay",
    "Edm.Untyped",
];

pub fn is_edm(name: &str) -> bool {
    name.starts_with("Edm.")
}
