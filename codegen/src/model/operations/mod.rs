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

mod bodies;
mod examples;
mod permissions;
#[cfg(test)]
mod tests;

use bodies::{http_status, request_body, response, response_prose};
use examples::{assign_examples, examples};
pub use examples::{Example, ExampleRequest, ExampleResponse};
use permissions::permissions;

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
    /// The types of an "A or B" type cell, with their links (`ty` is the first).
    pub alternatives: Vec<(String, Option<String>)>,
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
    let examples = examples(page, diags);
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
            RawParameter { name, ty, alternatives: Vec::new(), span: at.clone() }
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
    ["not support", "n't support", "unsupported", "not available", "no support"].iter().any(|p| lower.contains(p))
}

/// What the query parameter sections allow: the options their prose names, the rows of
/// their tables, or, for a sentence that supports "the OData query parameters" without
/// naming any, the options every such method takes. An option a sentence denies ("No
/// support exists for `$search`", "`$expand` is not supported") is left out.
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
    let mut denied: Vec<String> = Vec::new();
    let mut generic = false;
    for range in page.sections(is_query_heading) {
        for kind in own_blocks(page, range) {
            match kind {
                BlockKind::Text(t) => {
                    for s in sentences(&t.text) {
                        let sentence = &t.text[s];
                        if is_negative(sentence) {
                            denied.extend(dollar_options(sentence));
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
    named.retain(|option| !denied.contains(option));
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
