//! Operations from API pages: one per HTTP method in the "HTTP request" section, with the
//! page's path parameters, query options, headers, body, response and permissions, and its
//! annotated examples. Type names are not resolved here.

use super::resources::{columns, page_description};
use super::typeref::{self, TypeName, TypeRef};
use crate::diag::{Diagnostic, Span};
use crate::ir::{Permissions, RequestHeader};
use crate::parse::{Annotation, BlockKind, Code, DocType, Inline, Link, Page, Table};
use crate::scan::Folder;
use std::ops::Range;

const METHODS: &[&str] = &["GET", "POST", "PATCH", "PUT", "DELETE"];

/// Parameter tables head their type column "Type", a few "Value" (`|Name|Value|Description|`).
const PARAMETER_TYPE_HEADERS: &[&str] = &["type", "value"];

#[derive(Debug, Clone)]
pub struct RawOperation {
    /// The file stem; `stem-2`, `stem-3` for the page's further methods.
    pub id: String,
    pub name: String,
    pub method: String,
    /// Templates without host, version or query, placeholders as `{name}`.
    pub paths: Vec<String>,
    pub path_parameters: Vec<RawParameter>,
    pub query_options: Vec<String>,
    pub request_headers: Vec<RequestHeader>,
    pub request_body: Option<RawBody>,
    /// None when the page says nothing usable; `ty: None` for an explicit empty response.
    pub response: Option<RawResponse>,
    pub permissions: Permissions,
    pub description: String,
    pub examples: Vec<Example>,
    /// The page's namespace, for resolving unqualified names.
    pub namespace: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RawParameter {
    pub name: String,
    pub ty: TypeRef,
    pub span: Span,
}

/// A type the prose names, with the link it is written as: a link's text is sometimes a
/// plural or a display name (`[tabs](../resources/teamstab.md)`), and then the linked page
/// tells the type.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedType {
    pub ty: TypeRef,
    pub link: Option<String>,
}

impl From<TypeRef> for NamedType {
    fn from(ty: TypeRef) -> Self {
        NamedType { ty, link: None }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum RawBody {
    Type { ty: NamedType, span: Span },
    Parameters(Vec<RawParameter>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct RawResponse {
    pub status: u16,
    pub ty: Option<NamedType>,
    pub span: Span,
}

/// An annotated request and the response ApiDoctor pairs with it; either may be missing.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub request: Option<ExampleRequest>,
    pub response: Option<ExampleResponse>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExampleRequest {
    pub name: Option<String>,
    pub method: String,
    /// As written: host, version and query included.
    pub url: String,
    pub body: Option<String>,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExampleResponse {
    /// The annotation's `name`: one string or a list.
    pub names: Vec<String>,
    pub status: Option<u16>,
    /// `@odata.type` as written, without `#`.
    pub odata_type: Option<String>,
    pub is_collection: bool,
    pub truncated: bool,
    pub body: Option<String>,
    pub line: usize,
}

/// Pages in the api folder describe operations; a few are tagged as resources by mistake,
/// which their HTTP request section gives away.
fn is_api_page(page: &Page) -> bool {
    page.folder == Folder::Api
        && (matches!(page.doc_type, DocType::Api | DocType::Unknown) || page.section(is_request_heading).is_some())
}

fn is_request_heading(h: &str) -> bool {
    h.starts_with("http request")
}

pub fn operations(page: &Page, diags: &mut Vec<Diagnostic>) -> Vec<RawOperation> {
    if !is_api_page(page) {
        return Vec::new();
    }
    let title_span = page.span(page.title().map_or(0, |t| t.range.start));
    todo_placeholders(page, diags);
    let examples = examples(page);
    let mut lines = http_request_lines(page, diags);
    if lines.is_empty() {
        // Pages with one section per scenario, or none at all: the examples show the URLs.
        lines = examples
            .iter()
            .filter_map(|e| e.request.as_ref())
            .filter_map(|r| Some((method_of(&r.method)?, template(&r.url)?)))
            .collect();
    }
    if lines.is_empty() {
        diags.push(
            Diagnostic::warning(
                "no-http-request",
                &title_span,
                "API page has no usable request line; no operation is generated",
            )
            .with_help("add an `## HTTP request` section with a fence holding `METHOD /path` lines"),
        );
        return Vec::new();
    }
    let mut by_method: Vec<(&'static str, Vec<String>)> = Vec::new();
    for (method, path) in lines {
        match by_method.iter_mut().find(|(m, _)| *m == method) {
            Some((_, paths)) if paths.contains(&path) => {}
            Some((_, paths)) => paths.push(path),
            None => by_method.push((method, vec![path])),
        }
    }

    let stem =
        std::path::Path::new(&page.path).file_stem().map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let name = page.title().map(|t| t.text.clone()).unwrap_or_default();
    let description = page_description(page);
    let parameter_types = parameter_types(page);
    let request_headers = request_headers(page);
    let permissions = permissions(page);
    let namespace = page.namespace();
    let prose = response_prose(page);
    let mut per_method = assign_examples(examples, &by_method);

    let mut out = Vec::with_capacity(by_method.len());
    for (i, (method, paths)) in by_method.iter().enumerate() {
        let examples = std::mem::take(&mut per_method[i]);
        let response = response(prose.as_ref(), &examples, &title_span);
        if response.is_none() {
            diags.push(Diagnostic::warning(
                "no-response",
                prose.as_ref().map_or(&title_span, |p| &p.span),
                format!("{method} operation: the page gives neither a status code nor a response type"),
            ));
        }
        let collection = response.as_ref().and_then(|r| r.ty.as_ref()).is_some_and(|t| t.ty.collection);
        let path_parameters = path_parameters(paths, &parameter_types, &title_span);
        let arguments: Vec<String> =
            path_arguments(paths).into_iter().flat_map(|(name, key)| std::iter::once(name).chain(key)).collect();
        out.push(RawOperation {
            id: if i == 0 { stem.clone() } else { format!("{stem}-{}", i + 1) },
            name: name.clone(),
            method: method.to_string(),
            paths: paths.clone(),
            path_parameters,
            query_options: query_options(page, collection, &arguments),
            request_headers: request_headers.clone(),
            request_body: request_body(page, method, response.as_ref(), diags),
            response,
            permissions: permissions.clone(),
            description: description.clone(),
            examples,
            namespace: namespace.clone(),
            span: title_span.clone(),
        });
    }
    out
}

/// `**TODO: …**` placeholders anywhere on the page, front matter included.
fn todo_placeholders(page: &Page, diags: &mut Vec<Diagnostic>) {
    for at in memchr::memmem::find_iter(page.text.as_bytes(), b"**TODO") {
        diags.push(
            Diagnostic::warning(
                "todo-placeholder",
                &page.span(at),
                "the page holds a `**TODO**` placeholder instead of content",
            )
            .with_help("the placeholder is read as missing information"),
        );
    }
}

fn method_of(word: &str) -> Option<&'static str> {
    METHODS.iter().copied().find(|m| *m == word)
}

/// `GET /users/{id}` → (`GET`, `/users/{id}`). The method is upper case and followed by a
/// space or, in a few pages, directly by the path.
fn request_line(line: &str) -> Option<(&'static str, &str)> {
    let t = line.trim();
    METHODS.iter().find_map(|m| {
        let rest = t.strip_prefix(m)?;
        (rest.starts_with(char::is_whitespace) || rest.starts_with('/')).then(|| (*m, rest.trim()))
    })
}

/// A request URL as a path template: host and version removed, the query and anything
/// after the path dropped, placeholders normalized (`{id | userPrincipalName}` → `{id}`,
/// `<address>` → `{address}`, `(team-id)` → `{team-id}`, a sample GUID → `{id}`). None
/// when what follows the method is not a path.
pub fn template(url: &str) -> Option<String> {
    let mut rest = strip_host(url.trim());
    let mut out = String::new();
    let mut parens = 0usize;
    while let Some(c) = rest.chars().next() {
        if c == '{' || c == '<' {
            let close = if c == '{' { '}' } else { '>' };
            if let Some(end) = rest.find(close) {
                if let Some(name) = placeholder_name(&rest[1..end]) {
                    out.push('{');
                    out.push_str(&name);
                    out.push('}');
                    rest = &rest[end + 1..];
                    continue;
                }
            }
        }
        rest = &rest[c.len_utf8()..];
        match c {
            '?' => break,
            // Function arguments may be spaced: `resizedRange(deltaRows={n}, deltaColumns={n})`.
            c if c.is_whitespace() && parens > 0 => continue,
            c if c.is_whitespace() => break,
            '(' => parens += 1,
            ')' => parens = parens.saturating_sub(1),
            _ => {}
        }
        out.push(c);
    }
    let segments: Vec<String> =
        out.trim_start_matches(['~', '/']).trim_end_matches('/').split('/').map(segment).collect();
    let path = format!("/{}", segments.join("/"));
    let usable = path.len() > 1 && !path.contains(['*', '"', '\\']) && path.chars().any(|c| c.is_ascii_alphanumeric());
    usable.then_some(path)
}

/// One path segment with the placeholders the docs write without braces.
fn segment(s: &str) -> String {
    if is_guid(s) {
        return "{id}".to_string();
    }
    // `(team-id)` and `'{id}'`: a placeholder in parentheses or quotes.
    let inner = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')).or_else(|| {
        s.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')).filter(|i| i.starts_with('{') && i.ends_with('}'))
    });
    match inner.map(|i| i.trim_start_matches('{').trim_end_matches('}')).and_then(placeholder_name) {
        Some(name) => format!("{{{name}}}"),
        None => s.to_string(),
    }
}

fn is_guid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.iter().map(|p| p.len()).eq([8, 4, 4, 4, 12]) && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_hexdigit()))
}

/// `https://graph.microsoft.com/v1.0/me` → `me`; relative paths are returned as they are.
fn strip_host(url: &str) -> &str {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let Some(scheme) = ["https://", "http://"].iter().find(|s| lower.starts_with(*s)) else { return url };
    let after = &url[scheme.len()..];
    let Some(slash) = after.find('/') else { return "" };
    let path = &after[slash + 1..];
    let first = path.split('/').next().unwrap_or("").to_ascii_lowercase();
    let is_version = first == "beta"
        || (first.len() > 1 && first.starts_with('v') && first[1..].chars().all(|c| c.is_ascii_digit() || c == '.'));
    if is_version {
        &path[first.len()..]
    } else {
        path
    }
}

/// The first alternative of a placeholder, with inner spaces as dashes; None when the
/// braces hold something other than a name.
fn placeholder_name(inner: &str) -> Option<String> {
    let first = inner.split('|').next()?;
    let first = first.split(" or ").next()?.trim();
    let valid =
        !first.is_empty() && first.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ' ' | ':'));
    valid.then(|| first.split_whitespace().collect::<Vec<_>>().join("-"))
}

/// Request lines of the HTTP request sections; lines that are not requests (`or`, headers,
/// code) are skipped, requests without a path are reported.
fn http_request_lines(page: &Page, diags: &mut Vec<Diagnostic>) -> Vec<(&'static str, String)> {
    let mut lines = Vec::new();
    for range in page.sections(is_request_heading) {
        for block in &page.blocks[range] {
            let BlockKind::Code(code) = &block.kind else { continue };
            for (n, line) in code.body.lines().enumerate() {
                let Some((method, rest)) = request_line(line) else { continue };
                let at = fence_line(page, code, n);
                match template(rest) {
                    Some(path) => {
                        if rest.split(['/', '(', ')', '\'']).any(is_guid) {
                            diags.push(
                                Diagnostic::warning(
                                    "sample-in-template",
                                    &at,
                                    format!("`{}` holds a sample id instead of a placeholder", line.trim()),
                                )
                                .with_help("the id is read as the placeholder `{id}`"),
                            );
                        }
                        lines.push((method, path))
                    }
                    None => diags.push(Diagnostic::warning(
                        "bad-request-line",
                        &at,
                        format!("`{}` does not give a URL path; the line is skipped", line.trim()),
                    )),
                }
            }
        }
    }
    lines
}

/// Where line `n` of a fence's body is on the page: a fence in a list loses its indent in
/// the body, not its lines.
fn fence_line(page: &Page, code: &Code, n: usize) -> Span {
    let skipped: usize =
        page.text.get(code.body_offset..).map_or(0, |t| t.split_inclusive('\n').take(n).map(str::len).sum());
    page.span(code.body_offset + skipped)
}

/// Placeholders of the templates in order, each with the function argument it fills
/// (`getX(period='{period_value}')` → (`period_value`, `period`)).
fn path_arguments(paths: &[String]) -> Vec<(String, Option<String>)> {
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    for path in paths {
        let mut rest = path.as_str();
        while let Some(open) = rest.find('{') {
            let Some(len) = rest[open..].find('}') else { break };
            let name = &rest[open + 1..open + len];
            let before = rest[..open].trim_end_matches('\'');
            let key = before.strip_suffix('=').map(|b| {
                // Past the last character that is not part of the key, whatever its width.
                let start = b
                    .char_indices()
                    .rfind(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
                    .map_or(0, |(i, c)| i + c.len_utf8());
                b[start..].to_string()
            });
            if !out.iter().any(|(n, _)| n == name) {
                out.push((name.to_string(), key.filter(|k| !k.is_empty())));
            }
            rest = &rest[open + len + 1..];
        }
    }
    out
}

/// Names and types from parameter tables (function, path and query parameters).
fn parameter_types(page: &Page) -> Vec<(String, TypeRef)> {
    let mut out = Vec::new();
    for range in page.sections(|h| h.contains("parameter")) {
        for block in &page.blocks[range] {
            let BlockKind::Table(table) = &block.kind else { continue };
            let Some(cols) = columns(table, PARAMETER_TYPE_HEADERS) else { continue };
            for row in &table.rows {
                let (Some(name), Some(ty)) = (
                    row.get(cols.name).and_then(|c| cell_name(&c.text)),
                    row.get(cols.ty).and_then(typeref::from_cell),
                ) else {
                    continue;
                };
                out.push((name.to_string(), ty));
            }
        }
    }
    out
}

/// The name in a table's first cell: its first word without markup.
fn cell_name(text: &str) -> Option<&str> {
    let word = text.split_whitespace().next()?.trim_matches(|c: char| matches!(c, ',' | ':' | '*' | '`' | '_' | '.'));
    let valid =
        !word.is_empty() && word.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '$' | '@'));
    valid.then_some(word)
}

fn path_parameters(paths: &[String], types: &[(String, TypeRef)], at: &Span) -> Vec<RawParameter> {
    let string = TypeRef { name: TypeName::Edm("Edm.String"), collection: false };
    let type_of = |n: &str| types.iter().find(|(t, _)| t.eq_ignore_ascii_case(n)).map(|(_, ty)| ty.clone());
    path_arguments(paths)
        .into_iter()
        .map(|(name, key)| {
            let ty = type_of(&name).or_else(|| key.as_deref().and_then(type_of)).unwrap_or_else(|| string.clone());
            RawParameter { name, ty, span: at.clone() }
        })
        .collect()
}

/// Sentences of a paragraph as byte ranges: a period, question or exclamation mark
/// followed by a space ends one.
fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if matches!(b, b'.' | b'?' | b'!') && bytes.get(i + 1).is_some_and(|n| n.is_ascii_whitespace()) {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// Blocks of a section before its first sub-heading: sub-sections hold details, like the
/// properties a `$filter` accepts.
fn own_blocks<'a>(page: &'a Page, range: Range<usize>) -> impl Iterator<Item = &'a BlockKind> + 'a {
    page.blocks[range].iter().map(|b| &b.kind).take_while(|k| !matches!(k, BlockKind::Heading { .. }))
}

const NOT_QUERY_OPTIONS: &[&str] =
    &["$value", "$ref", "$batch", "$metadata", "$entity", "$root", "$it", "$this", "$each"];

/// OData options named in a text: `$select`, `$filter=…` → `$select`, `$filter`.
fn dollar_options(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices('$') {
        let word: String = text[at + 1..].chars().take_while(|c| c.is_ascii_alphabetic()).collect();
        let option = format!("${}", word.to_ascii_lowercase());
        if !word.is_empty() && !NOT_QUERY_OPTIONS.contains(&option.as_str()) {
            out.push(option);
        }
    }
    out
}

fn is_negative(sentence: &str) -> bool {
    let lower = sentence.to_ascii_lowercase();
    ["not support", "n't support", "unsupported", "not available"].iter().any(|p| lower.contains(p))
}

/// What the query parameter sections allow: the options their prose names, the rows of
/// their tables, or, for a sentence that supports "the OData query parameters" without
/// naming any, the options every such method takes.
fn query_options(page: &Page, collection: bool, path_arguments: &[String]) -> Vec<String> {
    let is_query_heading = |h: &str| {
        // Most headings fail the cheap test, and are not copied.
        if !h.contains("parameter") {
            return false;
        }
        let h = h.replace("optional ", "").replace("odata ", "");
        matches!(h.trim(), "query parameters" | "query parameter" | "query string parameters")
    };
    let mut named: Vec<String> = Vec::new();
    let mut generic = false;
    for range in page.sections(is_query_heading) {
        for kind in own_blocks(page, range) {
            match kind {
                BlockKind::Text(t) => {
                    for s in sentences(&t.text) {
                        let sentence = &t.text[s];
                        if is_negative(sentence) {
                            continue;
                        }
                        let found = dollar_options(sentence);
                        let lower = sentence.to_ascii_lowercase();
                        generic |= found.is_empty() && lower.contains("support") && lower.contains("query param");
                        named.extend(found);
                    }
                }
                BlockKind::Table(table) => named.extend(table_query_options(table, path_arguments)),
                _ => {}
            }
        }
    }
    if named.is_empty() && generic {
        let all: &[&str] = if collection {
            &["$select", "$filter", "$top", "$skip", "$orderby", "$expand", "$count"]
        } else {
            &["$select", "$expand"]
        };
        named = all.iter().map(|s| s.to_string()).collect();
    }
    named.sort();
    named.dedup();
    named
}

/// Rows of a query parameter table: OData options and custom parameters, but not the
/// function arguments that travel in the path.
fn table_query_options(table: &Table, path_arguments: &[String]) -> Vec<String> {
    let header = table.header.first().map(|h| h.text.trim().to_ascii_lowercase()).unwrap_or_default();
    if !matches!(header.as_str(), "name" | "parameter" | "parameter name" | "query parameter" | "property") {
        return Vec::new();
    }
    table
        .rows
        .iter()
        .filter_map(|row| {
            let cell = row.first()?;
            if let Some(option) = dollar_options(cell.text.split_whitespace().next()?).into_iter().next() {
                return Some(option);
            }
            let name = cell_name(&cell.text)?;
            (!path_arguments.iter().any(|a| a.eq_ignore_ascii_case(name))).then(|| name.to_string())
        })
        .collect()
}

/// The request header tables: Authorization is always required; others when a sentence
/// of their row starts with "Required" ("This header is required when …" is a condition).
fn request_headers(page: &Page) -> Vec<RequestHeader> {
    let mut out: Vec<RequestHeader> = Vec::new();
    for range in page.sections(|h| h.contains("request header")) {
        // Sub-sections list a header's values, not headers.
        for kind in own_blocks(page, range) {
            let BlockKind::Table(table) = kind else { continue };
            let name_col = table
                .header
                .iter()
                .position(|h| {
                    matches!(
                        h.text.trim().to_ascii_lowercase().as_str(),
                        "name" | "header" | "request header" | "header name"
                    )
                })
                .unwrap_or(0);
            for row in &table.rows {
                let Some(cell) = row.get(name_col) else { continue };
                // `Prefer: outlook.timezone` names the header with a sample value.
                let name = cell
                    .text
                    .split(':')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .trim_matches(|c: char| matches!(c, '`' | '_' | '*'));
                if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                    continue;
                }
                if out.iter().any(|h| h.name.eq_ignore_ascii_case(name)) {
                    continue;
                }
                let says_required = row.iter().enumerate().filter(|(i, _)| *i != name_col).any(|(_, c)| {
                    c.text
                        .split(['.', ';'])
                        .any(|s| s.trim_start().get(..8).is_some_and(|w| w.eq_ignore_ascii_case("required")))
                });
                let required = name.eq_ignore_ascii_case("authorization") || says_required;
                out.push(RequestHeader { name: name.to_string(), required });
            }
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Account {
    Work,
    Personal,
    Application,
}

fn account(text: &str) -> Option<Account> {
    let lower = text.to_ascii_lowercase();
    if lower.contains("delegated") && (lower.contains("work") || lower.contains("school")) {
        Some(Account::Work)
    } else if lower.contains("delegated") && lower.contains("personal") {
        Some(Account::Personal)
    } else if lower.trim().starts_with("application") {
        Some(Account::Application)
    } else {
        None
    }
}

/// Scope names in a cell: `A.Read, B.ReadWrite.All and C.Read` → three scopes; "Not
/// supported.", "None" and placeholders hold none.
fn scopes(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | '*' | '`' | '(' | ')' | '"' | '\'')))
        .filter(|w| {
            let dotted = w.contains('.')
                && w.split('.')
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'));
            let oidc = matches!(*w, "openid" | "profile" | "email" | "offline_access");
            (dotted || oidc) && w.starts_with(|c: char| c.is_ascii_alphabetic())
        })
}

/// Permission tables, in the two-column form (least privileged first), the three-column
/// form (least, then higher privileged) and the pivoted form (one column per account).
fn permissions(page: &Page) -> Permissions {
    let mut out = Permissions::default();
    let mut add = |account: Account, cell: &Inline| {
        let list = match account {
            Account::Work => &mut out.delegated_work,
            Account::Personal => &mut out.delegated_personal,
            Account::Application => &mut out.application,
        };
        for scope in scopes(&cell.text) {
            if !list.iter().any(|s| s == scope) {
                list.push(scope.to_string());
            }
        }
    };
    // Newer docs keep the table in an included file.
    for block in std::iter::once(page).chain(&page.included).flat_map(|p| &p.blocks) {
        let BlockKind::Table(table) = &block.kind else { continue };
        let pivoted: Vec<Option<Account>> = table.header.iter().map(|h| account(&h.text)).collect();
        if pivoted.iter().filter(|a| a.is_some()).count() >= 2 {
            for row in &table.rows {
                for (cell, account) in row.iter().zip(&pivoted) {
                    if let Some(account) = account {
                        add(*account, cell);
                    }
                }
            }
            continue;
        }
        if !table.header.first().is_some_and(|h| h.text.to_ascii_lowercase().contains("permission")) {
            continue;
        }
        // Intune's indented sub-rows (`&nbsp; &nbsp; area`) belong to the row above them.
        let mut current = None;
        for row in &table.rows {
            let Some((first, rest)) = row.split_first() else { continue };
            current = account(&first.text).or(current);
            let Some(account) = current else { continue };
            for cell in rest {
                add(account, cell);
            }
        }
    }
    out
}

/// Where a link names a type: resource pages and same-page or shortcut links
/// (`[columnDefinition][]`); the link text, without a trailing "object" or "resource".
/// A plural noun in link text (`[user objects]`) or right after a link (`[user]() objects`)
/// makes the type a collection.
fn linked_type(link: &Link) -> Option<TypeRef> {
    if !(link.dest.contains("resources/") || link.dest.starts_with('#')) {
        return None;
    }
    let mut text = link.text.trim();
    let mut plural = false;
    for suffix in [" objects", " object", " resources", " resource", " entities", " entity"] {
        if text.len() > suffix.len() && text.to_ascii_lowercase().ends_with(suffix) {
            text = text[..text.len() - suffix.len()].trim();
            plural = suffix.ends_with('s');
        }
    }
    let mut ty = typeref::from_type_name(text.trim_matches('`'))?;
    ty.collection |= plural;
    Some(ty)
}

/// Words around a linked type that make it a collection: "collection of [x]", "all [x]
/// objects", "[x] collection", "[x] objects".
fn marks_collection(before: &str, after: &str) -> bool {
    const BEFORE: &[&str] =
        &["collection of", "collection of the", "collection of one", "list of", "array of", "all", "all the"];
    const AFTER: &[&str] = &["collection", "objects", "resources", "entities"];
    let after = after.trim_start();
    let word_after = |w: &&str| after.starts_with(w) && !after[w.len()..].starts_with(|c: char| c.is_alphanumeric());
    BEFORE.iter().any(|p| before.ends_with(p) && !before[..before.len() - p.len()].ends_with(char::is_alphanumeric))
        || AFTER.iter().any(word_after)
}

/// The first link in `span` of the inline text that names a type, with the collection
/// markers around it ("collection of [x]", "[x] collection").
fn type_in(inline: &Inline, span: Range<usize>) -> Option<NamedType> {
    let mut cursor = 0;
    for link in &inline.links {
        if link.text.is_empty() {
            continue;
        }
        let Some(found) = inline.text.get(cursor..).and_then(|t| t.find(link.text.as_str())) else { continue };
        let at = cursor + found;
        let end = at + link.text.len();
        cursor = end;
        if at < span.start || end > span.end {
            continue;
        }
        let Some(mut ty) = linked_type(link) else { continue };
        let before = inline.text[span.start..at].trim_end().to_ascii_lowercase();
        let after = inline.text[end..span.end].to_ascii_lowercase();
        ty.collection |= marks_collection(&before, &after);
        return Some(NamedType { ty, link: Some(link.dest.clone()) });
    }
    None
}

/// A type named in prose right after a phrase, without a link: "a JSON representation for
/// the androidLobApp object" → `androidLobApp`.
fn unlinked_type_after(sentence: &str, phrases: &[&str]) -> Option<TypeRef> {
    let lower = sentence.to_ascii_lowercase();
    let at = phrases.iter().filter_map(|p| lower.find(p).map(|i| i + p.len())).min()?;
    let mut words =
        sentence[at..].split_whitespace().skip_while(|w| matches!(w.to_ascii_lowercase().as_str(), "a" | "an" | "the"));
    let name = words.next()?.trim_matches(|c: char| matches!(c, '`' | '*' | '.' | ','));
    let next = words.next().unwrap_or("").to_ascii_lowercase();
    let follows = ["object", "objects", "resource", "entity", "collection"]
        .iter()
        .any(|w| next.trim_end_matches(['.', ',']) == *w);
    // Prose words are lower case; a type name written bare is camel case or qualified.
    let type_like = name.contains(|c: char| c.is_ascii_uppercase() || c == '.') && !name.eq_ignore_ascii_case("json");
    if !follows || !type_like || typeref::primitive(name).is_some() {
        return None;
    }
    typeref::is_identifier(name)
        .then(|| TypeRef { name: TypeName::Named(name.to_string()), collection: next.starts_with("collection") })
}

/// What the "Response" section's sentence says.
struct Prose {
    status: Option<u16>,
    ty: Option<NamedType>,
    span: Span,
}

fn status_code(text: &str) -> Option<u16> {
    let digits: String = text.trim().chars().take_while(|c| c.is_ascii_digit()).collect();
    let code: u16 = digits.parse().ok()?;
    (digits.len() == 3 && (100..600).contains(&code)).then_some(code)
}

/// The success status in a paragraph: a code span (`200 OK`), else `NNN Reason` in the
/// text; with its byte position. Error codes describe failures, not the operation.
fn status_in(inline: &Inline) -> Option<(usize, u16)> {
    if let Some(found) = inline.code.iter().find_map(|(at, code)| Some((*at, status_code(code).filter(|c| *c < 400)?)))
    {
        return Some(found);
    }
    let text = &inline.text;
    let mut offset = 0;
    for word in text.split(' ') {
        let next = text.get(offset + word.len() + 1..).unwrap_or("");
        if let Some(code) = status_code(word).filter(|c| word.len() == 3 && *c < 400) {
            if next.starts_with(|c: char| c.is_ascii_uppercase()) || next.starts_with("response") {
                return Some((offset, code));
            }
        }
        offset += word.len() + 1;
    }
    None
}

/// Primitives as the response prose capitalizes them: "a String collection", "a Stream".
fn primitive_in(text: &str) -> Option<TypeRef> {
    const WORDS: &[&str] = &[
        "String",
        "Boolean",
        "Stream",
        "Int32",
        "Int64",
        "Double",
        "Binary",
        "DateTimeOffset",
        "Guid",
        "Date",
        "Duration",
    ];
    let words: Vec<&str> =
        text.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_ascii_alphanumeric())).collect();
    words.iter().enumerate().find_map(|(i, w)| {
        let edm = WORDS.contains(w).then(|| typeref::primitive(w)).flatten()?;
        Some(TypeRef {
            name: TypeName::Edm(edm),
            collection: words.get(i + 1).is_some_and(|n| n.eq_ignore_ascii_case("collection")),
        })
    })
}

fn response_prose(page: &Page) -> Option<Prose> {
    let range = page
        .section(|h| h == "response")
        .or_else(|| page.section(|h| h.starts_with("response") && !h.contains("header")))?;
    let blocks = &page.blocks[range.clone()];
    let texts: Vec<(usize, &Inline)> = blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Text(t) => Some((b.offset, t)),
            _ => None,
        })
        .collect();
    let chosen = texts
        .iter()
        .find(|(_, t)| status_in(t).is_some())
        .or_else(|| texts.iter().find(|(_, t)| t.text.to_ascii_lowercase().contains("return")));
    // Some sections show a bare status line instead of saying it.
    let fence_status = || {
        blocks.iter().find_map(|b| match &b.kind {
            BlockKind::Code(code) => http_status(code.body.lines().find(|l| !l.trim().is_empty())?),
            _ => None,
        })
    };
    let Some((offset, inline)) = chosen else {
        let heading = page.blocks.get(range.start.saturating_sub(1)).map_or(0, |b| b.offset);
        return Some(Prose { status: fence_status(), ty: None, span: page.span(heading) });
    };
    let status = status_in(inline);
    let anchor = status.map_or(0, |(at, _)| at);
    let sentence = sentences(&inline.text)
        .into_iter()
        .find(|s| s.contains(&anchor) || s.end == anchor)
        .unwrap_or(0..inline.text.len());
    let ty = match status {
        Some((_, 204)) => None,
        _ => type_in(inline, sentence.clone()).or_else(|| {
            primitive_in(&inline.text[anchor.max(sentence.start)..sentence.end])
                .or_else(|| {
                    unlinked_type_after(
                        &inline.text[sentence.clone()],
                        &[" and an updated ", " and a new ", " response code and ", "returns "],
                    )
                })
                .map(NamedType::from)
        }),
    };
    Some(Prose { status: status.map(|(_, s)| s).or_else(fence_status), ty, span: page.span(*offset) })
}

/// `HTTP/1.1 201 Created`, `HTTP 201 Created` or a bare `201`.
fn http_status(line: &str) -> Option<u16> {
    let line = line.trim();
    let code = if line.to_ascii_uppercase().starts_with("HTTP") { line.split_whitespace().nth(1)? } else { line };
    status_code(code)
}

/// The prose's status and type, completed from the examples' annotations.
fn response(prose: Option<&Prose>, examples: &[Example], at: &Span) -> Option<RawResponse> {
    let responses: Vec<&ExampleResponse> = examples.iter().filter_map(|e| e.response.as_ref()).collect();
    let annotated = responses.iter().find_map(|r| {
        let mut ty = typeref::from_type_name(r.odata_type.as_deref()?)?;
        ty.collection |= r.is_collection;
        Some(ty)
    });
    let status = prose.and_then(|p| p.status).or_else(|| responses.iter().find_map(|r| r.status));
    let mut ty = prose.and_then(|p| p.ty.clone());
    match (&mut ty, annotated) {
        (None, annotated) => ty = annotated.map(NamedType::from),
        (Some(written), Some(annotated)) if same_type(&written.ty, &annotated) => {
            written.ty.collection |= annotated.collection
        }
        _ => {}
    }
    if matches!(status, Some(204)) {
        ty = None;
    }
    let status = status.or(ty.is_some().then_some(200))?;
    Some(RawResponse { status, ty, span: prose.map_or_else(|| at.clone(), |p| p.span.clone()) })
}

fn same_type(a: &TypeRef, b: &TypeRef) -> bool {
    let last = |t: &TypeRef| match &t.name {
        TypeName::Edm(e) => e.to_ascii_lowercase(),
        TypeName::Named(n) => n.rsplit('.').next().unwrap_or(n).to_ascii_lowercase(),
    };
    last(a) == last(b)
}

const NO_BODY: &[&str] = &[
    "not supply",
    "n't supply",
    "no request body",
    "not provide",
    "n't provide",
    "not require a request body",
    "n't require a request body",
    "empty request body",
    "request body is empty",
    "not specify a request body",
];

/// The request body: none, a type ("supply a JSON representation of [x](…)"), or a
/// parameter table. An update's property table lists what may change in the resource
/// being updated, so PATCH and PUT take that resource when the page names it; a POST that
/// answers `201 Created` with an object takes it when it says nothing else of its body or
/// lists properties (not parameters).
fn request_body(
    page: &Page,
    method: &str,
    response: Option<&RawResponse>,
    diags: &mut Vec<Diagnostic>,
) -> Option<RawBody> {
    // A create page that names no body takes the object it creates.
    let created = |span: Span| {
        let ty = response.filter(|r| method == "POST" && r.status == 201)?.ty.clone()?;
        (!ty.ty.collection && matches!(ty.ty.name, TypeName::Named(_))).then_some(RawBody::Type { ty, span })
    };
    let Some(range) = page.section(|h| h.starts_with("request body")) else {
        return created(response.map_or_else(|| page.span(0), |r| r.span.clone()));
    };
    let span = page.span(page.blocks.get(range.start.saturating_sub(1)).map_or(0, |b| b.offset));
    let first = own_blocks(page, range.clone()).find_map(|k| match k {
        BlockKind::Text(t) => Some(t),
        _ => None,
    });
    if let Some(text) = first {
        let lower = text.text.to_ascii_lowercase();
        if NO_BODY.iter().any(|p| lower.contains(p)) {
            return None;
        }
        let sentence = sentences(&text.text).into_iter().next().unwrap_or(0..0);
        let named = type_in(text, sentence.clone()).or_else(|| {
            unlinked_type_after(&text.text[sentence.clone()], &["representation of", "representation for"])
                .map(NamedType::from)
        });
        if let Some(ty) = named {
            return Some(RawBody::Type { ty, span });
        }
        if lower.contains("binary") {
            return Some(RawBody::Type {
                ty: TypeRef { name: TypeName::Edm("Edm.Stream"), collection: false }.into(),
                span,
            });
        }
    }
    if matches!(method, "PATCH" | "PUT") {
        if let Some(ty) = updated_type(page, response) {
            return Some(RawBody::Type { ty, span });
        }
    }
    let table = page.blocks[range].iter().find_map(|b| match &b.kind {
        BlockKind::Table(t) => columns(t, PARAMETER_TYPE_HEADERS).map(|c| (t, c)),
        _ => None,
    });
    let Some((table, cols)) = table else { return created(span) };
    // A create page's property table lists properties of the object it creates.
    let lists_properties =
        table.header.get(cols.name).is_some_and(|h| h.text.trim().to_ascii_lowercase().starts_with("property"));
    if lists_properties {
        if let Some(body) = created(span.clone()) {
            return Some(body);
        }
    }
    let mut parameters: Vec<RawParameter> = Vec::new();
    for row in &table.rows {
        let Some(name_cell) = row.get(cols.name) else { continue };
        let Some(name) = cell_name(&name_cell.text) else { continue };
        let type_cell = row.get(cols.ty);
        if type_cell.is_none_or(|c| c.text.trim().is_empty()) || parameters.iter().any(|p| p.name == name) {
            // Bold divider rows have no type; repeated names add nothing.
            continue;
        }
        let at = page.span(name_cell.range.start);
        let ty = type_cell.and_then(typeref::from_cell).unwrap_or_else(|| {
            diags.push(
                Diagnostic::warning(
                    "unreadable-type",
                    &at,
                    format!("type of body parameter `{name}` is not a type name"),
                )
                .with_help("the parameter is generated as untyped JSON"),
            );
            TypeRef { name: TypeName::Edm("Edm.Untyped"), collection: false }
        });
        parameters.push(RawParameter { name: name.to_string(), ty, span: at });
    }
    Some(RawBody::Parameters(parameters))
}

/// The resource an update changes: the single object it returns, else the first resource
/// linked in the description, else `x` in a title "Update x".
fn updated_type(page: &Page, response: Option<&RawResponse>) -> Option<NamedType> {
    if let Some(ty) =
        response.and_then(|r| r.ty.clone()).filter(|t| !t.ty.collection && matches!(t.ty.name, TypeName::Named(_)))
    {
        return Some(ty);
    }
    let end = page
        .blocks
        .iter()
        .position(|b| matches!(b.kind, BlockKind::Heading { level: 2.., .. }))
        .unwrap_or(page.blocks.len());
    let linked = page.blocks[..end].iter().find_map(|b| match &b.kind {
        BlockKind::Text(t) if !page.is_quoted(b.offset) => t.links.iter().find_map(|link| {
            let ty = linked_type(link).filter(|t| !t.collection)?;
            Some(NamedType { ty, link: Some(link.dest.clone()) })
        }),
        _ => None,
    });
    linked.or_else(|| {
        let title = page.title()?.text.trim();
        let words: Vec<&str> = title
            .split_whitespace()
            .filter(|w| !matches!(w.to_ascii_lowercase().as_str(), "a" | "an" | "the"))
            .collect();
        match words.as_slice() {
            [verb, name] if verb.eq_ignore_ascii_case("update") && typeref::is_identifier(name) => {
                Some(TypeRef { name: TypeName::Named(name.to_string()), collection: false }.into())
            }
            _ => None,
        }
    })
}

/// Annotated requests and responses, paired as ApiDoctor pairs them: by `name`, else with
/// the last request before the response; a request holds one response.
fn examples(page: &Page) -> Vec<Example> {
    let mut out: Vec<Example> = Vec::new();
    for (_, code, annotation) in page.annotated_code() {
        let Some(annotation) = annotation else { continue };
        match annotation.block_type().as_deref() {
            Some("request") => {
                if let Some(request) = example_request(page, code, annotation) {
                    out.push(Example { request: Some(request), response: None });
                }
            }
            Some("response") => {
                let response = example_response(page, code, annotation);
                let by_name = out.iter().position(|e| {
                    e.request.as_ref().and_then(|r| r.name.as_ref()).is_some_and(|n| response.names.contains(n))
                });
                let by_order = || out.iter().rposition(|e| e.request.is_some());
                match by_name.or_else(by_order).filter(|&i| out[i].response.is_none()) {
                    Some(i) => out[i].response = Some(response),
                    None => out.push(Example { request: None, response: Some(response) }),
                }
            }
            _ => {}
        }
    }
    out
}

/// The lines of a fence after its first line: headers up to a blank line (or a line that
/// opens JSON), then the body.
fn body_after_headers(lines: &[&str]) -> Option<String> {
    let start = lines.iter().position(|l| {
        let t = l.trim_start();
        t.is_empty() || t.starts_with('{') || t.starts_with('[')
    })?;
    let body = lines[start..].join("\n");
    let body = body.trim();
    (!body.is_empty()).then(|| body.to_string())
}

fn example_request(page: &Page, code: &Code, annotation: &Annotation) -> Option<ExampleRequest> {
    let lines: Vec<&str> = code.body.lines().collect();
    let (n, (method, rest)) = lines.iter().enumerate().find_map(|(n, l)| Some((n, request_line(l)?)))?;
    let url = rest.strip_suffix("HTTP/1.1").unwrap_or(rest).trim();
    Some(ExampleRequest {
        name: annotation.get_str("name").map(str::to_string),
        method: method.to_string(),
        url: url.to_string(),
        body: body_after_headers(&lines[n + 1..]),
        line: fence_line(page, code, n).line,
    })
}

fn example_response(page: &Page, code: &Code, annotation: &Annotation) -> ExampleResponse {
    let lines: Vec<&str> = code.body.lines().collect();
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let status = first.and_then(|n| http_status(lines[n]));
    let names = match annotation.value.as_ref().ok().and_then(|v| v.get("name")) {
        Some(serde_json::Value::String(s)) => vec![s.clone()],
        Some(serde_json::Value::Array(items)) => items.iter().filter_map(|i| i.as_str().map(str::to_string)).collect(),
        _ => Vec::new(),
    };
    let odata_type = annotation.odata_type().filter(|t| !t.is_empty()).map(str::to_string);
    let is_collection = annotation.get_bool("isCollection").unwrap_or(false)
        || odata_type.as_deref().is_some_and(|t| t.to_ascii_lowercase().starts_with("collection("));
    ExampleResponse {
        names,
        status,
        odata_type,
        is_collection,
        truncated: annotation.get_bool("truncated").unwrap_or(false),
        body: first.and_then(|n| body_after_headers(&lines[n + 1..])),
        line: fence_line(page, code, first.unwrap_or(0)).line,
    }
}

/// Examples go to the operation of their request's method; the rest to the first.
fn assign_examples(examples: Vec<Example>, methods: &[(&'static str, Vec<String>)]) -> Vec<Vec<Example>> {
    let mut out: Vec<Vec<Example>> = vec![Vec::new(); methods.len()];
    for example in examples {
        let method = example.request.as_ref().map(|r| r.method.as_str());
        let i = methods.iter().position(|(m, _)| Some(*m) == method).unwrap_or(0);
        if let Some(list) = out.get_mut(i) {
            list.push(example);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_page;
    use crate::scan::SourceFile;

    fn page(stem: &str, body: &str) -> (Page, Vec<Diagnostic>) {
        let text = format!("---\ntitle: t\ndoc_type: apiPageType\n---\n{body}");
        let file = SourceFile {
            path: format!("api-reference/v1.0/api/{stem}.md"),
            folder: Folder::Api,
            text,
            includes: Vec::new(),
        };
        let mut diags = Vec::new();
        let page = parse_page(file, &mut diags).expect("a page");
        (page, diags)
    }

    fn ops(stem: &str, body: &str) -> (Vec<RawOperation>, Vec<Diagnostic>) {
        let (page, mut diags) = page(stem, body);
        let ops = operations(&page, &mut diags);
        (ops, diags)
    }

    fn one(body: &str) -> RawOperation {
        let (mut ops, _) = ops("widget-get", body);
        assert_eq!(ops.len(), 1, "{ops:#?}");
        ops.remove(0)
    }

    fn named(name: &str, collection: bool) -> TypeRef {
        TypeRef { name: TypeName::Named(name.into()), collection }
    }

    fn edm(name: &'static str, collection: bool) -> TypeRef {
        TypeRef { name: TypeName::Edm(name), collection }
    }

    fn codes(diags: &[Diagnostic]) -> Vec<&str> {
        diags.iter().map(|d| d.code).collect()
    }

    #[test]
    fn templates_tolerate_the_ways_paths_are_written() {
        let t = |s: &str| template(s);
        assert_eq!(t("https://graph.microsoft.com/v1.0/gadgets/{id}").as_deref(), Some("/gadgets/{id}"));
        assert_eq!(t("https://graph.microsoft.com/V1.0/gadgets").as_deref(), Some("/gadgets"));
        assert_eq!(t("gadgets/{id}/parts").as_deref(), Some("/gadgets/{id}/parts"));
        assert_eq!(t("~/gadgets").as_deref(), Some("/gadgets"));
        assert_eq!(t("/gadgets?$filter=name eq 'a b'").as_deref(), Some("/gadgets"));
        assert_eq!(t("/owners/{ id | ownerName }/gadgets").as_deref(), Some("/owners/{id}/gadgets"));
        assert_eq!(t("/owners/{id|ownerName}/gadgets/").as_deref(), Some("/owners/{id}/gadgets"));
        assert_eq!(
            t("/sheets/{id}/cells(address='<address>')").as_deref(),
            Some("/sheets/{id}/cells(address='{address}')")
        );
        assert_eq!(t("/cells/grow(rows={n}, columns={n})").as_deref(), Some("/cells/grow(rows={n},columns={n})"));
        assert_eq!(t("/boards/(board-id)/pins/'{pin-id}'").as_deref(), Some("/boards/{board-id}/pins/{pin-id}"));
        assert_eq!(t("/boards/0f8fad5b-d9cb-469f-a165-70867728950e/pins").as_deref(), Some("/boards/{id}/pins"));
        assert_eq!(t("/gadgets HTTP/1.1").as_deref(), Some("/gadgets"));
        assert_eq!(t("** Entity URI for gadget not found"), None);
        assert_eq!(t("https://graph.microsoft.com"), None);
        // Multi-byte text never splits a character.
        assert_eq!(t("/näme/{ïd}/ü").as_deref(), Some("/näme/{ïd}/ü"));
    }

    #[test]
    fn request_lines_need_a_method_then_a_path() {
        assert_eq!(request_line("GET /a"), Some(("GET", "/a")));
        assert_eq!(request_line("  DELETE/a/{id}"), Some(("DELETE", "/a/{id}")));
        assert_eq!(
            request_line("PATCH https://graph.microsoft.com/beta/a"),
            Some(("PATCH", "https://graph.microsoft.com/beta/a"))
        );
        assert_eq!(request_line("GETTER /a"), None);
        assert_eq!(request_line("or"), None);
        assert_eq!(request_line("Content-Type: application/json"), None);
    }

    const HTTP: &str = "# Get widget\n\nReads a widget.\n\n## HTTP request\n\n```http\nGET /widgets/{id | widgetName}\nor\nGET https://graph.microsoft.com/v1.0/me/widget?$select=name\nPATCH /widgets/{id}\nAuthorization: Bearer x\nGET /widgets/{id}\n```\n";

    #[test]
    fn one_operation_per_method_in_order_of_appearance() {
        let (ops, diags) = ops("widget-get", HTTP);
        assert_eq!(
            ops.iter().map(|o| (o.id.as_str(), o.method.as_str())).collect::<Vec<_>>(),
            [("widget-get", "GET"), ("widget-get-2", "PATCH")]
        );
        assert_eq!(ops[0].paths, ["/widgets/{id}", "/me/widget"]);
        assert_eq!(ops[0].name, "Get widget");
        assert_eq!(ops[0].description, "Reads a widget.");
        assert_eq!(
            ops[0].path_parameters,
            [RawParameter { name: "id".into(), ty: edm("Edm.String", false), span: ops[0].span.clone() }]
        );
        assert_eq!(ops[0].span.line, 5);
        // The page says nothing about responses.
        assert_eq!(codes(&diags), ["no-response", "no-response"]);
    }

    #[test]
    fn every_http_request_section_counts() {
        let body = "# Get widget\n\n## One way\n\n### HTTP request\n\n```http\nGET /a/widget\n```\n\n## Another way\n\n### HTTP request\n\n```\nGET /b/widget\n```\n";
        assert_eq!(one(body).paths, ["/a/widget", "/b/widget"]);
    }

    #[test]
    fn without_a_request_section_the_examples_give_the_urls() {
        let body = "# Get widget\n\n## Example\n\n<!-- { \"blockType\": \"request\", \"name\": \"w\" } -->\n```http\nGET https://graph.microsoft.com/v1.0/widgets/0f8fad5b-d9cb-469f-a165-70867728950e\n```\n";
        let op = one(body);
        assert_eq!(op.paths, ["/widgets/{id}"]);
        assert_eq!(op.examples.len(), 1);
    }

    #[test]
    fn a_page_without_requests_is_reported() {
        let (ops, diags) = ops(
            "widget-get",
            "# Get widget\n\n## HTTP request\n\n```http\nGET ** Entity URI for widget not found\n```\n",
        );
        assert!(ops.is_empty());
        assert_eq!(codes(&diags), ["bad-request-line", "no-http-request"]);
        assert_eq!(diags[1].line, 5);
    }

    #[test]
    fn resource_pages_and_resources_folder_pages_have_no_operations() {
        let text = "---\ndoc_type: resourcePageType\n---\n# widget resource type\n\n## Properties\n".to_string();
        let file = SourceFile {
            path: "api-reference/v1.0/api/widget.md".into(),
            folder: Folder::Api,
            text,
            includes: Vec::new(),
        };
        let mut diags = Vec::new();
        let page = parse_page(file, &mut diags).expect("a page");
        assert!(operations(&page, &mut diags).is_empty());
        assert!(diags.is_empty());
    }

    #[test]
    fn function_arguments_and_angle_placeholders_are_parameters() {
        let body = "# f\n\n## HTTP request\n\n```http\nGET /reports/getCounts(period='{period_value}')\nGET /sheets/{sheet-id}/cell(<address>)\n```\n\n## Function parameters\n\n|Parameter|Type|Description|\n|:--|:--|:--|\n|period|Int32|Days.|\n|sheet-id|Guid|The sheet.|\n";
        let op = one(body);
        let params: Vec<(&str, &TypeRef)> = op.path_parameters.iter().map(|p| (p.name.as_str(), &p.ty)).collect();
        assert_eq!(
            params,
            [
                ("period_value", &edm("Edm.Int32", false)),
                ("sheet-id", &edm("Edm.Guid", false)),
                ("address", &edm("Edm.String", false))
            ]
        );
    }

    fn with_query(sentences: &str, response: &str) -> Vec<String> {
        one(&format!("# List widgets\n\n## HTTP request\n\n```http\nGET /widgets\n```\n\n## Optional query parameters\n\n{sentences}\n\n## Response\n\n{response}\n")).query_options
    }

    #[test]
    fn query_options_named_in_prose() {
        let listed = with_query("The method takes the `$top`, `$skipToken` and **$filter** OData query parameters. See [x](/graph/query-parameters).\n\nUse `$filter` with a date range.", "");
        assert_eq!(listed, ["$filter", "$skiptoken", "$top"]);
        let denied = with_query("Takes `$select`. The `$expand` option is not supported.", "");
        assert_eq!(denied, ["$select"]);
    }

    #[test]
    fn generic_query_sentences_take_the_usual_set() {
        let list = "Returns `200 OK` and a collection of [widget](../resources/widget.md) objects.";
        let single = "Returns `200 OK` and a [widget](../resources/widget.md) object.";
        let generic = "The call supports the [OData query parameters](/graph/query-parameters) for shaping results.";
        assert_eq!(with_query(generic, list), ["$count", "$expand", "$filter", "$orderby", "$select", "$skip", "$top"]);
        assert_eq!(with_query(generic, single), ["$expand", "$select"]);
        assert!(with_query("The call doesn't support [OData query parameters](/graph/query-parameters) at all.", list)
            .is_empty());
        assert!(with_query("The call does **not** support any OData query parameter.", list).is_empty());
    }

    #[test]
    fn query_tables_keep_custom_parameters_but_not_function_arguments() {
        let body = "# f\n\n## HTTP request\n\n```http\nGET /widgets/view(day='{day}')\n```\n\n## Query parameters\n\n|Query parameter|Type|Description|\n|:--|:--|:--|\n|startTime|String|From.|\n|$deltatoken|String|State.|\n|day|String|In the path.|\n\n### Properties that $filter takes\n\n|Name|Type|Description|\n|:--|:--|:--|\n|color|String|x|\n";
        assert_eq!(one(body).query_options, ["$deltatoken", "startTime"]);
    }

    #[test]
    fn request_headers_and_their_requiredness() {
        let body = "# f\n\n## HTTP request\n\n```http\nGET /w\n```\n\n## Request headers\n\n|Name|Description|\n|:--|:--|\n|Authorization|A token.|\n|Content-Type|Must be JSON. Required.|\n|ConsistencyLevel|eventual. This header is required with `$search`.|\n|_if-match_|An etag. Optional.|\n|Prefer: return=minimal|Optional.|\n|Authorization|Repeated.|\n\n### Prefer values\n\n|Name|Description|\n|:--|:--|\n|return=minimal|x|\n";
        let headers: Vec<(String, bool)> =
            one(body).request_headers.into_iter().map(|h| (h.name, h.required)).collect();
        let expected = [
            ("Authorization", true),
            ("Content-Type", true),
            ("ConsistencyLevel", false),
            ("if-match", false),
            ("Prefer", false),
        ];
        assert_eq!(headers, expected.map(|(n, r)| (n.to_string(), r)));
        let intune = "# f\n\n## HTTP Request\n\n```http\nGET /w\n```\n\n## Request headers\n\n|Header|Value|\n|:--|:--|\n|Authorization|A bearer token. Required.|\n|Accept|JSON|\n";
        let headers: Vec<bool> = one(intune).request_headers.into_iter().map(|h| h.required).collect();
        assert_eq!(headers, [true, false]);
    }

    fn body_of(method: &str, section: &str, extra: &str) -> Option<RawBody> {
        let text = format!("# Update widget\n\nChanges a [widget](../resources/widget.md) object.\n\n## HTTP request\n\n```http\n{method} /widgets/{{id}}\n```\n\n## Request body\n\n{section}\n\n## Response\n\n{extra}\n");
        one(&text).request_body
    }

    fn body_type(body: Option<RawBody>) -> Option<(TypeRef, Option<String>)> {
        match body {
            Some(RawBody::Type { ty, .. }) => Some((ty.ty, ty.link)),
            _ => None,
        }
    }

    #[test]
    fn request_bodies() {
        assert_eq!(body_of("POST", "Please do not supply a request body here.", ""), None);
        assert_eq!(body_of("POST", "Don't supply any request body.", ""), None);
        let linked = body_of(
            "POST",
            "Send, as the body, a JSON representation of a [gadget](../resources/gadget.md) object.",
            "",
        );
        assert_eq!(body_type(linked), Some((named("gadget", false), Some("../resources/gadget.md".into()))));
        let intune = body_of("POST", "Send a JSON representation for the gadgetApp object as the body.\n\n|Property|Type|Description|\n|:--|:--|:--|\n|id|String|Key.|\n", "");
        assert_eq!(body_type(intune), Some((named("gadgetApp", false), None)));
        let binary = body_of("PUT", "The body holds the binary stream of the file.", "");
        assert_eq!(body_type(binary), Some((edm("Edm.Stream", false), None)));
        let action = body_of("POST", "Provide a JSON object with these parameters.\n\n|Parameter|Type|Description|\n|:--|:--|:--|\n|**Group**||\n|ids|String collection|Ids.|\n|mode|[gadgetMode](../resources/gadgetmode.md)|Mode.|\n|odd|** Unknown **|Free text.|\n", "");
        let Some(RawBody::Parameters(params)) = action else { panic!("{action:?}") };
        let params: Vec<(&str, &TypeRef)> = params.iter().map(|p| (p.name.as_str(), &p.ty)).collect();
        assert_eq!(
            params,
            [
                ("ids", &edm("Edm.String", true)),
                ("mode", &named("gadgetMode", false)),
                ("odd", &edm("Edm.Untyped", false))
            ]
        );
    }

    #[test]
    fn updates_take_the_resource_they_change() {
        let table = "Supply the values of the fields to change.\n\n|Property|Type|Description|\n|:--|:--|:--|\n|name|String|Name.|\n";
        // The returned object names it…
        let returned =
            body_of("PATCH", table, "Returns `200 OK` and an updated [gadget](../resources/gadget.md) object.");
        assert_eq!(body_type(returned).map(|t| t.0), Some(named("gadget", false)));
        // …else the description's first resource link.
        let described = body_of("PATCH", table, "Returns `204 No Content`.");
        assert_eq!(body_type(described), Some((named("widget", false), Some("../resources/widget.md".into()))));
        // A POST with a property table keeps its parameters.
        assert!(matches!(body_of("POST", table, ""), Some(RawBody::Parameters(p)) if p.len() == 1));
    }

    #[test]
    fn creations_take_the_object_they_create_when_the_page_names_no_body() {
        let created = "Returns `201 Created` and a [gadget](../resources/gadget.md) object.";
        let created_type = |body: Option<RawBody>| body_type(body).map(|t| t.0);
        assert_eq!(created_type(body_of("POST", "Give the gadget a name.", created)), Some(named("gadget", false)));
        let page =
            format!("# Create gadget\n\n## HTTP request\n\n```http\nPOST /gadgets\n```\n\n## Response\n\n{created}\n");
        assert_eq!(created_type(one(&page).request_body), Some(named("gadget", false)));
        // Saying there is no body, answering otherwise, or another method: no body.
        assert_eq!(body_of("POST", "Do not supply a request body.", created), None);
        assert_eq!(
            body_of(
                "POST",
                "Give the gadget a name.",
                "Returns `200 OK` and a [gadget](../resources/gadget.md) object."
            ),
            None
        );
        assert_eq!(body_of("DELETE", "Give the gadget a name.", created), None);
        // Properties of the created object, not parameters of an action.
        let properties = "Include these.\n\n|Property|Type|Description|\n|:--|:--|:--|\n|name|String|Name.|\n";
        assert_eq!(created_type(body_of("POST", properties, created)), Some(named("gadget", false)));
        let parameters = properties.replace("|Property|", "|Parameter|");
        assert!(matches!(body_of("POST", &parameters, created), Some(RawBody::Parameters(p)) if p.len() == 1));
    }

    fn response_of(section: &str, examples: &str) -> Option<RawResponse> {
        one(&format!("# Get widget\n\n## HTTP request\n\n```http\nGET /widgets\n```\n\n## Response\n\n{section}\n\n## Example\n\n{examples}")).response
    }

    fn short(r: Option<RawResponse>) -> Option<(u16, Option<TypeRef>)> {
        r.map(|r| (r.status, r.ty.map(|t| t.ty)))
    }

    #[test]
    fn responses_from_prose() {
        let object =
            response_of("On success the call returns `200 OK` and a [widget](../resources/widget.md) object.", "");
        assert_eq!(short(object), Some((200, Some(named("widget", false)))));
        let list = response_of("On success the call returns `200 OK` with a collection of [widget](../resources/widget.md) objects. Paging: see [paging](/graph/paging).", "");
        assert_eq!(short(list), Some((200, Some(named("widget", true)))));
        let suffix = response_of("Returns `201 Created` and a [widget](../resources/widget.md) collection.", "");
        assert_eq!(short(suffix), Some((201, Some(named("widget", true)))));
        // Plural nouns and "all" mark a collection too; words that merely start alike do not.
        for plural in [
            "Returns `200 OK` and all [widget](../resources/widget.md) objects of the shelf.",
            "Returns `200 OK` and [widget objects](../resources/widget.md).",
            "Returns `200 OK` and a collection of one [widget](../resources/widget.md) object.",
        ] {
            assert_eq!(short(response_of(plural, "")), Some((200, Some(named("widget", true)))), "{plural}");
        }
        for single in [
            "Returns `200 OK` and a [widget](../resources/widget.md) object with its objectsCount.",
            "Returns `200 OK` and the small [widget](../resources/widget.md) object.",
            "Returns `200 OK` and a [widget](../resources/widget.md) collections-free object.",
        ] {
            assert_eq!(short(response_of(single, "")), Some((200, Some(named("widget", false)))), "{single}");
        }
        let empty = response_of("On success it answers `204 No Content` with an empty body.", "");
        assert_eq!(short(empty), Some((204, None)));
        let strings = response_of("On success the call yields `200 OK` and a String collection.", "");
        assert_eq!(short(strings), Some((200, Some(edm("Edm.String", true)))));
        let stream = response_of("On success the action gives `200 OK` and a Stream.", "");
        assert_eq!(short(stream), Some((200, Some(edm("Edm.Stream", false)))));
        let plain = response_of("When it works the call sends a 202 response.", "");
        assert_eq!(short(plain), Some((202, None)));
        // An error code is not the operation's status.
        let error = response_of("Each method returns a [Gadget resource][gadget] for the item.\n\nIf there is none, it returns `404 Not Found`.\n\n[gadget]: ../resources/gadget.md", "");
        assert_eq!(short(error), Some((200, Some(named("Gadget", false)))));
    }

    #[test]
    fn responses_from_annotations_when_prose_names_no_type() {
        let annotated = "<!-- { \"blockType\": \"request\", \"name\": \"w\" } -->\n```http\nGET https://graph.microsoft.com/v1.0/widgets\n```\n\n<!-- { \"blockType\": \"response\", \"@odata.type\": \"Collection(microsoft.graph.widget)\" } -->\n```http\nHTTP/1.1 200 OK\n\n{\"value\": []}\n```\n";
        let r = response_of("On success the call answers `200 OK`.", annotated);
        assert_eq!(short(r), Some((200, Some(named("microsoft.graph.widget", true)))));
        // A link and an annotation for the same type: the annotation can add the collection.
        let flagged = annotated.replace(
            "Collection(microsoft.graph.widget)",
            "microsoft.graph.widget\", \"isCollection\": true, \"x\": \"",
        );
        let r = response_of("Returns `200 OK` and [widget](../resources/widget.md) objects.", &flagged);
        assert_eq!(short(r), Some((200, Some(named("widget", true)))));
        // With neither prose nor examples there is no response, and a diagnostic.
        let (ops, diags) = ops("widget-get", "# Get widget\n\n## HTTP request\n\n```http\nGET /widgets\n```\n");
        assert_eq!(ops[0].response, None);
        assert_eq!(codes(&diags), ["no-response"]);
    }

    fn permissions_of(tables: &str) -> (Permissions, Vec<Diagnostic>) {
        let (mut ops, diags) = ops("widget-get", &format!("# Get widget\n\n## Permissions\n\n{tables}\n\n## HTTP request\n\n```http\nGET /widgets\n```\n\n## Response\n\nReturns `204 No Content`.\n"));
        (ops.remove(0).permissions, diags)
    }

    fn v(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn permission_tables() {
        let two = "|Permission type|Permissions (from least to most privileged)|\n|:--|:--|\n|Delegated (work or school account)|Widget.Read, Widget.ReadWrite.All and Directory.Read.All|\n|Delegated (personal Microsoft account|Not supported.|\n|Application|None|\n";
        let (p, _) = permissions_of(two);
        assert_eq!(
            p,
            Permissions {
                delegated_work: v(&["Widget.Read", "Widget.ReadWrite.All", "Directory.Read.All"]),
                delegated_personal: vec![],
                application: vec![]
            }
        );
        let three = "|Permission type|Least privileged permissions|Higher privileged permissions|\n|:--|:--|:--|\n|Delegated (work or school account)|Widget.Read|Widget.ReadWrite|\n|Delegated (personal Microsoft account)|Not available.|Not available.|\n|Application|Widget.Read.All|Widget.ReadWrite.All, offline_access|\n";
        let (p, _) = permissions_of(three);
        assert_eq!(p.delegated_work, v(&["Widget.Read", "Widget.ReadWrite"]));
        assert_eq!(p.application, v(&["Widget.Read.All", "Widget.ReadWrite.All", "offline_access"]));
        let pivoted = "|Supported resource|Delegated (work or school account)|Delegated (personal Microsoft account)|Application|\n|:--|:--|:--|:--|\n|[gadget](../resources/gadget.md)|Gadget.Read|Gadget.Read|Not supported|\n|[widget](../resources/widget.md)|Widget.Read|Not supported|Widget.Read.All|\n";
        let (p, _) = permissions_of(pivoted);
        assert_eq!(
            p,
            Permissions {
                delegated_work: v(&["Gadget.Read", "Widget.Read"]),
                delegated_personal: v(&["Gadget.Read"]),
                application: v(&["Widget.Read.All"])
            }
        );
        let intune = "|Permission type|Permissions (from most to least privileged)|\n|:--|:--|\n|Delegated (work or school account)||\n|&nbsp; &nbsp; Apps|Apps.ReadWrite.All|\n|Application|Not supported.|\n";
        let (p, _) = permissions_of(intune);
        assert_eq!(p.delegated_work, v(&["Apps.ReadWrite.All"]));
        assert!(p.application.is_empty());
    }

    #[test]
    fn todo_placeholders_are_empty_and_reported_once_each() {
        let body = "# Get widget\n\n**TODO: Describe the call**\n\n## Permissions\n\n|Permission type|Permissions (from least to most privileged)|\n|:--|:--|\n|Delegated (work or school account)|**TODO: List scopes**|\n|Application|Widget.Read.All|\n\n## HTTP request\n\n```http\nGET /widgets\n```\n\n## Response\n\nReturns `204 No Content`.\n";
        let text = format!("---\ndescription: \"**TODO: Describe the call**\"\ndoc_type: apiPageType\n---\n{body}");
        let file = SourceFile {
            path: "api-reference/v1.0/api/widget-get.md".into(),
            folder: Folder::Api,
            text,
            includes: Vec::new(),
        };
        let mut diags = Vec::new();
        let page = parse_page(file, &mut diags).expect("a page");
        let ops = operations(&page, &mut diags);
        assert_eq!(ops[0].description, "");
        assert!(ops[0].permissions.delegated_work.is_empty());
        assert_eq!(ops[0].permissions.application, v(&["Widget.Read.All"]));
        let todos: Vec<usize> = diags.iter().filter(|d| d.code == "todo-placeholder").map(|d| d.line).collect();
        assert_eq!(todos, [2, 7, 13]);
    }

    #[test]
    fn examples_pair_by_name_then_by_order() {
        let body = "# Get widget\n\n## HTTP request\n\n```http\nGET /widgets/{id}\nPATCH /widgets/{id}\n```\n\n## Examples\n\n\
<!-- { \"blockType\": \"request\", \"name\": \"get_one\" } -->\n```http\nGET https://graph.microsoft.com/v1.0/widgets/1\n```\n\n\
<!-- { \"blockType\": \"request\", \"name\": \"update_one\" } -->\n```http\nPATCH https://graph.microsoft.com/v1.0/widgets/1\nContent-Type: application/json\n\n{ \"name\": \"b\" }\n```\n\n\
<!-- { \"blockType\": \"response\", \"name\": [\"get_one\"], \"@odata.type\": \"microsoft.graph.widget\", \"truncated\": \"true\" } -->\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{ \"name\": \"a\" }\n```\n\n\
<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP 204 No Content\n```\n\n\
<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 204 No Content\n```\n";
        let (ops, _) = ops("widget-get", body);
        let get = &ops[0].examples;
        assert_eq!(get.len(), 2);
        let request = get[0].request.as_ref().expect("request");
        assert_eq!(
            (request.method.as_str(), request.url.as_str(), request.line),
            ("GET", "https://graph.microsoft.com/v1.0/widgets/1", 18)
        );
        let response = get[0].response.as_ref().expect("paired by name");
        assert_eq!(
            (response.status, response.odata_type.as_deref(), response.truncated, response.body.as_deref()),
            (Some(200), Some("microsoft.graph.widget"), true, Some("{ \"name\": \"a\" }"))
        );
        // The second 204 finds the last request taken: it stays alone, with the first operation.
        assert!(get[1].request.is_none() && get[1].response.as_ref().is_some_and(|r| r.status == Some(204)));
        let patch = &ops[1].examples;
        assert_eq!(patch.len(), 1);
        assert_eq!(patch[0].request.as_ref().and_then(|r| r.body.as_deref()), Some("{ \"name\": \"b\" }"));
        assert_eq!(patch[0].response.as_ref().and_then(|r| r.status), Some(204));
    }

    #[test]
    fn quoted_notes_are_not_descriptions() {
        let op = one("# Get widget\n\nNamespace: microsoft.graph\n\n> **Note:** A license is needed.\n\nReads one widget.\n\n## HTTP request\n\n```http\nGET /w\n```\n");
        assert_eq!(op.description, "Reads one widget.");
        assert_eq!(op.namespace, "microsoft.graph");
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for body in [
            "# t\n\n## HTTP request\n\n```\nGET {\nGET <\nGET /a/{b\nGET /é{ü|}\nPOST /(\n```\n",
            "# t\n\n## Response\n\n`999` `20` 1,000 returns\n",
            "## HTTP request\n\n```\nGET\n```\n",
        ] {
            let (_, _) = ops("x", body);
        }
    }
}
