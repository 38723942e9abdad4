//! The examples of an API page: requests and responses, paired as ApiDoctor pairs them.

use super::*;
use crate::model::request_match::addressed_to_graph;

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
    /// The headers between the status line and the body, as written.
    pub headers: Vec<(String, String)>,
    pub body: Option<String>,
    pub line: usize,
}

/// What a fence of an API page shows, as its annotation says or, without one, as its
/// first line does.
enum Role<'a> {
    Request(Option<&'a Annotation>),
    Response(Option<&'a Annotation>),
}

/// The role of fence `index`: its annotation's `blockType`, else (no annotation, or one
/// whose JSON is lost or has no `blockType`) a request line or a status line opening it,
/// outside the HTTP request section (a request only when addressed to Graph). Newer pages leave examples unannotated; a fence
/// under a heading that does not name its role (Request, Response, Example) is a guess,
/// reported.
fn role<'a>(
    page: &Page,
    index: usize,
    code: &Code,
    annotation: Option<&'a Annotation>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Role<'a>> {
    match annotation.and_then(Annotation::block_type).as_deref() {
        Some("request") => return Some(Role::Request(annotation)),
        Some("response") => return Some(Role::Response(annotation)),
        Some(_) => return None,
        None => {}
    }
    let heading = page.heading_before(index).map(|(_, h)| h.text.to_ascii_lowercase()).unwrap_or_default();
    if is_request_heading(&heading) {
        return None;
    }
    let first = code.body.lines().find(|l| !l.trim().is_empty())?.trim();
    // A request to another host (a callback a notification reaches, an upload session)
    // is not a call of the page's operation.
    let graph_request = |(_, rest): (&str, &str)| template(rest).is_some() && addressed_to_graph(rest);
    let (role, what, named) = if request_line(first).is_some_and(graph_request) {
        (Role::Request(None), "request", heading.contains("request"))
    } else if first.to_ascii_uppercase().starts_with("HTTP") && http_status(first).is_some() {
        (Role::Response(None), "response", heading.contains("response"))
    } else {
        return None;
    };
    if !(named || heading.contains("example")) {
        diags.push(
            Diagnostic::warning(
                "guessed-example",
                &page.span(code.body_offset),
                format!("fence without an annotation under `{heading}` is read as an example {what} by its first line"),
            )
            .with_help(
                "annotate it (`<!-- { \"blockType\": \"request\" } -->`) or put it under a Request or Response heading",
            ),
        );
    }
    Some(role)
}

/// Requests and responses, paired as ApiDoctor pairs them: by `name`, else with the last
/// request before the response; a request holds one response.
pub(super) fn examples(page: &Page, diags: &mut Vec<Diagnostic>) -> Vec<Example> {
    let mut out: Vec<Example> = Vec::new();
    for (index, code, annotation) in page.annotated_code() {
        match role(page, index, code, annotation, diags) {
            Some(Role::Request(annotation)) => {
                if let Some(request) = example_request(page, code, annotation) {
                    out.push(Example { request: Some(request), response: None });
                }
            }
            Some(Role::Response(annotation)) => {
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
            None => {}
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

/// The `Name: value` lines of a fence after its first line, up to the body.
fn headers(lines: &[&str]) -> Vec<(String, String)> {
    lines
        .iter()
        .map(|l| l.trim())
        .take_while(|l| !l.is_empty() && !l.starts_with(['{', '[']))
        .filter_map(|l| l.split_once(':'))
        .map(|(name, value)| (name.trim().to_string(), value.trim().to_string()))
        .collect()
}

fn example_request(page: &Page, code: &Code, annotation: Option<&Annotation>) -> Option<ExampleRequest> {
    let lines: Vec<&str> = code.body.lines().collect();
    let (n, (method, rest)) = lines.iter().enumerate().find_map(|(n, l)| Some((n, request_line(l)?)))?;
    let url = rest.strip_suffix("HTTP/1.1").unwrap_or(rest).trim();
    Some(ExampleRequest {
        name: annotation.and_then(|a| a.get_str("name")).map(str::to_string),
        method: method.to_string(),
        url: url.to_string(),
        body: body_after_headers(&lines[n + 1..]),
        line: fence_line(page, code, n).line,
    })
}

fn example_response(page: &Page, code: &Code, annotation: Option<&Annotation>) -> ExampleResponse {
    let lines: Vec<&str> = code.body.lines().collect();
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let status = first.and_then(|n| http_status(lines[n]));
    let names = match annotation.and_then(|a| a.value.as_ref().ok()).and_then(|v| v.get("name")) {
        Some(serde_json::Value::String(s)) => vec![s.clone()],
        Some(serde_json::Value::Array(items)) => items.iter().filter_map(|i| i.as_str().map(str::to_string)).collect(),
        _ => Vec::new(),
    };
    let odata_type = annotation.and_then(Annotation::odata_type).filter(|t| !t.is_empty()).map(str::to_string);
    let is_collection = annotation.and_then(|a| a.get_bool("isCollection")).unwrap_or(false)
        || odata_type.as_deref().is_some_and(|t| t.to_ascii_lowercase().starts_with("collection("));
    ExampleResponse {
        names,
        status,
        odata_type,
        is_collection,
        truncated: annotation.and_then(|a| a.get_bool("truncated")).unwrap_or(false),
        headers: first.map(|n| headers(&lines[n + 1..])).unwrap_or_default(),
        body: first.and_then(|n| body_after_headers(&lines[n + 1..])),
        line: fence_line(page, code, first.unwrap_or(0)).line,
    }
}

/// Examples go to the operation of their request's method; the rest to the first.
pub(super) fn assign_examples(examples: Vec<Example>, methods: &[(&'static str, Vec<String>)]) -> Vec<Vec<Example>> {
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

    #[test]
    fn response_headers_run_up_to_the_body() {
        let lines = ["Location: https://example.test/monitor/1", "Retry-After:  30", "", "{\"a\": 1}", "X: y"];
        let expected = [("Location", "https://example.test/monitor/1"), ("Retry-After", "30")];
        assert_eq!(headers(&lines), expected.map(|(n, v)| (n.to_string(), v.to_string())));
        // A body right after the status line: no headers.
        assert!(headers(&["{", "\"x\": \"a: b\"", "}"]).is_empty());
    }
}
