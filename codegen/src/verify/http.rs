//! `verify --http`: the docs' example requests that the docs pair with a response, each
//! made with the generated API and sent by the generated crate's reqwest client to a
//! server on 127.0.0.1 that compares it with the example and answers with the example's
//! response, read as the operation's response type (the harness is `verify/http.rs`).
//! Each failure is classed by where it comes from: the docs (an example that disagrees
//! with its own page, as the examples check already found) or the generator.

use super::cases::{Case, State};
use super::report::Verdict;
use crate::emit::{percent_decode as decode, version_module, ExampleCalls, GeneratedFile, NoCall};
use crate::ir::{ExampleKind, Model, RequestBody, Source};
use crate::parse::json;
use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

const HARNESS: &str = include_str!("../../verify/http.rs");
/// The harness runs the client on tokio's runtime, which the crate's `reqwest` feature
/// leaves out (a user brings their own): added for every target, so features unify.
pub const MANIFEST: &str = "\n# The HTTP harness runs the client on tokio's runtime.\n\
    [target.'cfg(all())'.dependencies]\n\
    tokio = { version = \"1\", default-features = false, features = [\"rt\"], optional = true }\n";
/// The pairs file, relative to the crate.
pub const PAIRS: &str = "verify/http.json";

/// A docs example request with the response the docs pair with it.
#[derive(Debug, Clone)]
pub struct Pair {
    pub id: usize,
    pub version: String,
    /// The request line.
    pub source: Source,
    pub method: String,
    pub url: String,
    /// The call that makes it (`Graph::me().get()`), whether it takes a body, and whether
    /// that body is bytes; or why there is none.
    pub call: Result<(String, bool, bool), NoCall>,
    /// The request body's and the response's examples (ids of cases).
    request_case: Option<usize>,
    response_case: Option<usize>,
    record: Value,
}

impl Pair {
    /// Whether the request routes to its operation (its path follows the request tree).
    pub fn routes(&self) -> bool {
        !matches!(self.call, Err(NoCall::Method | NoCall::Host | NoCall::Path))
    }
}

/// Where a failure comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    /// An example that disagrees with its page (the examples check fails it too, or its
    /// page declares no type for it).
    Docs,
    Generator,
}

impl Side {
    pub fn name(self) -> &'static str {
        match self {
            Side::Docs => "docs",
            Side::Generator => "generator",
        }
    }
}

#[derive(Debug, Clone)]
pub enum Outcome {
    Passed,
    Failed {
        cause: &'static str,
        side: Side,
        detail: String,
    },
    /// The request does not route to its operation.
    NoRoute(NoCall),
}

/// Every paired example request of every version, numbered from 0.
pub fn pairs(models: &[Model], cases: &[Case]) -> Vec<Pair> {
    let by_line: HashMap<(&str, &str, usize, ExampleKind), &Case> =
        cases.iter().map(|c| ((c.version.as_str(), c.source.file.as_str(), c.source.line, c.kind), c)).collect();
    let mut out = Vec::new();
    for model in models {
        let calls = ExampleCalls::new(model);
        for (index, op) in model.operations.iter().enumerate() {
            for example in &op.example_requests {
                let Some(reply) = &example.response else { continue };
                let url = filled(&example.url);
                let call = calls.call(model, index, &example.method, &url).map(|(call, body, routed)| {
                    let bytes = &model.operations[routed].request_body;
                    (call, body, matches!(bytes, Some(RequestBody::Type { ty, .. }) if ty == "Edm.Stream"))
                });
                let case = |line, kind| by_line.get(&(model.version.as_str(), op.source.file.as_str(), line, kind));
                let request_case = case(example.line, ExampleKind::RequestBody);
                let response_case = case(reply.line, ExampleKind::Response);
                let raw = |line, kind| {
                    let example = op.examples.iter().find(|e| e.source.line == line && e.kind == kind);
                    example.and_then(|e| e.body.as_deref())
                };
                let body = body_value(request_case.copied(), raw(example.line, ExampleKind::RequestBody));
                let answer = match body_value(response_case.copied(), raw(reply.line, ExampleKind::Response)) {
                    Value::Null => String::new(),
                    Value::String(text) => text,
                    value => value.to_string(),
                };
                let (path, query) = split_url(&url);
                let id = out.len();
                let record = serde_json::json!({
                    "id": id,
                    "version": model.version,
                    "method": example.method,
                    "path": path,
                    "query": query,
                    "body": body,
                    "status": reply.status.unwrap_or(200),
                    "headers": reply.headers,
                    "answer": answer,
                });
                out.push(Pair {
                    id,
                    version: model.version.clone(),
                    source: Source { file: op.source.file.clone(), line: example.line },
                    method: example.method.clone(),
                    url: example.url.clone(),
                    call,
                    request_case: request_case.map(|c| c.id),
                    response_case: response_case.map(|c| c.id),
                    record,
                });
            }
        }
    }
    out
}

/// The URL with each `{placeholder}` written as its name (`{id | userPrincipalName}` →
/// `id`): a value like any other for the request and the server alike.
fn filled(url: &str) -> String {
    let mut out = String::new();
    let mut rest = url;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else { break };
        let inner = &rest[open + 1..open + close];
        out.push_str(&rest[..open]);
        out.push_str(inner.split('|').next().unwrap_or(inner).trim());
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// The path (decoded, the version's segment first) and the query options (decoded) of an
/// example URL.
fn split_url(url: &str) -> (String, Vec<(String, String)>) {
    let url = url.trim();
    let rest = match url.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("", |at| &rest[at..]),
        None => url,
    };
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let query = query
        .split('&')
        .filter(|q| !q.is_empty())
        .map(|q| q.split_once('=').unwrap_or((q, "")))
        .map(|(name, value)| (decode(name), decode(value)))
        .collect();
    (decode(path), query)
}

/// A body as the server expects or sends it and the harness reads it: the normalized JSON
/// of a checked example, the repaired JSON of an unchecked one, else its text.
fn body_value(case: Option<&Case>, raw: Option<&str>) -> Value {
    match case.map(|c| &c.state) {
        Some(State::Checked { body, .. }) => body.clone(),
        _ => raw.map_or(Value::Null, |text| {
            json::parse(text).map_or_else(|_| Value::String(text.to_string()), |(value, _)| value)
        }),
    }
}

/// The harness binary and the pairs file: the fixed part, then one function per routed
/// pair making its request, and the registry.
pub fn files(models: &[Model], pairs: &[Pair], crate_name: &str, binary: &str) -> Vec<GeneratedFile> {
    let lib = crate_name.replace('-', "_");
    let mut out = format!(
        "//! Sends the docs' example requests to a local server. Written by\n\
         //! `graph-docs-codegen verify --http`; see the comment below.\n\n\
         use {lib} as graph;\n\n{HARNESS}\n\
         /// The function that makes a pair's request.\nfn exchange(id: u64) -> Option<Make> {{\n    Some(match id {{\n"
    );
    let routed: Vec<(&Pair, &(String, bool, bool))> =
        pairs.iter().filter_map(|p| p.call.as_ref().ok().map(|c| (p, c))).collect();
    for (pair, _) in &routed {
        let _ = writeln!(out, "        {} => {}::p{},", pair.id, version_module(&pair.version), pair.id);
    }
    out.push_str("        _ => return None,\n    })\n}\n");
    for model in models {
        let module = version_module(&model.version);
        let _ = write!(
            out,
            "\nmod {module} {{\n    #[allow(unused_imports)]\n    use super::{{body, content, send, Exchange}};\n    #[allow(unused_imports)]\n    use super::graph::{module}::endpoints::Graph;\n    use super::graph::runtime::{{Client, ReqwestTransport}};\n    use serde_json::Value;\n"
        );
        for (pair, (call, takes_body, stream)) in routed.iter().filter(|(p, _)| p.version == model.version) {
            let read = match (takes_body, stream) {
                (false, _) => "let _ = example;",
                (true, false) => "let body = body(example)?;",
                (true, true) => "let body = content(example)?;",
            };
            let _ = write!(
                out,
                "\n    pub fn p{id}(client: &Client<ReqwestTransport>, example: Option<Value>) -> Exchange<'_> {{\n        Box::pin(async move {{\n            {read}\n            send(client, {call}.into_request()).await\n        }})\n    }}\n",
                id = pair.id
            );
        }
        out.push_str("}\n");
    }
    let records: Vec<&Value> = routed.iter().map(|(p, _)| &p.record).collect();
    vec![
        GeneratedFile { path: format!("src/bin/{binary}.rs"), contents: out },
        GeneratedFile { path: PAIRS.into(), contents: serde_json::to_string_pretty(&records).unwrap_or_default() },
    ]
}

/// One line of the harness's output.
#[derive(Deserialize)]
struct Sent {
    id: usize,
    stage: Option<String>,
    detail: String,
}

/// The outcome of each pair from the harness's output and the examples' verdicts.
pub fn outcomes(pairs: Vec<Pair>, output: &str, verdicts: &[(Case, Verdict)]) -> Result<Vec<(Pair, Outcome)>, String> {
    let mut sent: HashMap<usize, Sent> = HashMap::new();
    for line in output.lines() {
        let result: Sent =
            serde_json::from_str(line).map_err(|e| format!("unreadable harness output `{line}`: {e}"))?;
        sent.insert(result.id, result);
    }
    Ok(pairs
        .into_iter()
        .map(|pair| {
            let outcome = match &pair.call {
                Err(NoCall::Query) => Outcome::Failed {
                    cause: "query-option",
                    side: Side::Generator,
                    detail: "a query option of the URL has no setter it fits".into(),
                },
                Err(no_call) => Outcome::NoRoute(*no_call),
                Ok(_) => match sent.remove(&pair.id) {
                    Some(Sent { stage: None, .. }) => Outcome::Passed,
                    Some(Sent { stage: Some(stage), detail, .. }) => classify(&pair, &stage, detail, verdicts),
                    None => Outcome::Failed { cause: "harness", side: Side::Generator, detail: "no result".into() },
                },
            };
            (pair, outcome)
        })
        .collect())
}

/// The cause of a failure at `stage`, and its side: an example the examples check failed
/// (or could not check) is the docs' own inconsistency.
fn classify(pair: &Pair, stage: &str, detail: String, verdicts: &[(Case, Verdict)]) -> Outcome {
    let docs_defect =
        |case: Option<usize>| case.is_some_and(|id| !matches!(verdicts.get(id), Some((_, Verdict::Passed))));
    let what = detail.split(':').next().unwrap_or_default();
    let (cause, docs) = match stage {
        "no-body" => ("no-request-body", true),
        "body" => ("body-does-not-read", docs_defect(pair.request_case)),
        "request" if what.starts_with("body at") && detail.ends_with("annotation left out") => {
            ("request-annotation-lost", false)
        }
        "request" if what == "body" || what.starts_with("body at") => {
            ("request-body-differs", docs_defect(pair.request_case))
        }
        "request" if what == "path" && other_version(&detail) => ("url-version-differs", true),
        "request" if what == "path" => ("path-differs", false),
        "request" if what == "query" => ("query-differs", false),
        "request" if what == "method" => ("method-differs", false),
        "request" => ("server-comparison", false),
        "response" => ("response-does-not-read", docs_defect(pair.response_case) || pair.response_case.is_none()),
        "status" => ("status", false),
        "transport" => ("transport", false),
        _ => ("harness", false),
    };
    Outcome::Failed { cause, side: if docs { Side::Docs } else { Side::Generator }, detail }
}

/// Whether a path failure (``path: `sent` sent, the example has `wanted` ``) differs
/// only in the version: the example's URL names the other version than its page's.
fn other_version(detail: &str) -> bool {
    let paths: Vec<&str> = detail.split('`').skip(1).step_by(2).collect();
    let below_version = |path: &str| path.trim_start_matches('/').split_once('/').map(|(_, rest)| rest.to_lowercase());
    match paths.as_slice() {
        [sent, wanted] => below_version(sent).is_some_and(|s| below_version(wanted) == Some(s)),
        _ => false,
    }
}

/// A failure's line: `file:line: http GET /me: cause (side): detail`.
pub fn failure_line(pair: &Pair, outcome: &Outcome) -> Option<String> {
    let Outcome::Failed { cause, side, detail } = outcome else { return None };
    Some(format!(
        "{}:{}: http {} {}: {cause} ({}): {detail}",
        pair.source.file,
        pair.source.line,
        pair.method,
        pair.url,
        side.name()
    ))
}

/// The counts of one version's pairs.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct HttpSummary {
    pub pairs: usize,
    pub routed: usize,
    pub passed: usize,
    pub failed: usize,
    pub not_routed: BTreeMap<&'static str, usize>,
    /// By `cause (side)`.
    pub failed_by_cause: BTreeMap<String, usize>,
}

impl HttpSummary {
    pub fn of<'a>(outcomes: impl IntoIterator<Item = &'a (Pair, Outcome)>) -> Self {
        let mut s = HttpSummary::default();
        for (pair, outcome) in outcomes {
            s.pairs += 1;
            s.routed += pair.routes() as usize;
            match outcome {
                Outcome::Passed => s.passed += 1,
                Outcome::Failed { cause, side, .. } => {
                    s.failed += 1;
                    *s.failed_by_cause.entry(format!("{cause} ({})", side.name())).or_default() += 1;
                }
                Outcome::NoRoute(no_call) => *s.not_routed.entry(no_call_reason(*no_call)).or_default() += 1,
            }
        }
        s
    }

    /// `pairs, routed, passed (rate), failed by cause, not routed by reason`.
    pub fn line(&self) -> String {
        let list = |map: &mut dyn Iterator<Item = (String, usize)>| {
            map.map(|(k, n)| format!("{k} {n}")).collect::<Vec<_>>().join(", ")
        };
        let rate = if self.routed == 0 { 100.0 } else { 100.0 * self.passed as f64 / self.routed as f64 };
        format!(
            "{} paired requests, {} route to an operation, {} passed ({rate:.2} %), {} failed ({}); not routed: {}",
            self.pairs,
            self.routed,
            self.passed,
            self.failed,
            list(&mut self.failed_by_cause.iter().map(|(k, n)| (k.clone(), *n))),
            list(&mut self.not_routed.iter().map(|(k, n)| (k.to_string(), *n))),
        )
    }

    /// `http: N passed, M failed`.
    pub fn closing_line(&self) -> String {
        format!("http: {} passed, {} failed", self.passed, self.failed)
    }
}

fn no_call_reason(no_call: NoCall) -> &'static str {
    match no_call {
        NoCall::Method => "method not the operation's",
        NoCall::Host => "not a Graph URL",
        NoCall::Path => "path does not route",
        NoCall::Query => "query option",
    }
}

/// The markdown report of the pairs: counts per version, failures by cause, requests that
/// do not route by reason.
pub fn markdown(outcomes: &[(Pair, Outcome)]) -> String {
    let mut out = String::from("\n# Example requests over HTTP\n\n");
    let mut versions: Vec<&str> = outcomes.iter().map(|(p, _)| p.version.as_str()).collect();
    versions.dedup();
    for version in versions {
        let s = HttpSummary::of(outcomes.iter().filter(|(p, _)| p.version == version));
        let _ = writeln!(out, "- {version}: {}", s.line());
    }
    let mut by_cause: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (pair, outcome) in outcomes {
        match outcome {
            Outcome::Failed { cause, side, .. } => {
                let line = failure_line(pair, outcome).unwrap_or_default();
                by_cause.entry(format!("failed: {cause} ({})", side.name())).or_default().push(line);
            }
            Outcome::NoRoute(no_call) => by_cause
                .entry(format!("not routed: {}", no_call_reason(*no_call)))
                .or_default()
                .push(format!("{}:{}: {} {}", pair.source.file, pair.source.line, pair.method, pair.url)),
            Outcome::Passed => {}
        }
    }
    for (heading, lines) in by_cause {
        let _ = writeln!(out, "\n## {heading} ({})\n", lines.len());
        for line in lines {
            let _ = writeln!(out, "- {}", line.replace('|', "\\|"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_their_names() {
        assert_eq!(filled("/users/{id | userPrincipalName}/events/{event-id}"), "/users/id/events/event-id");
        assert_eq!(filled("/me/drive/root:/{item-path}:/content"), "/me/drive/root:/item-path:/content");
        assert_eq!(filled("/a/{unclosed"), "/a/{unclosed");
    }

    #[test]
    fn a_path_in_the_other_version_is_told_apart() {
        assert!(other_version("path: `/v1.0/me/events` sent, the example has `/beta/me/Events`"));
        assert!(!other_version("path: `/v1.0/me/events` sent, the example has `/v1.0/me/calendar`"));
        assert!(!other_version("path: unreadable"));
    }

    #[test]
    fn urls_split_into_decoded_path_and_query() {
        let (path, query) = split_url("https://graph.microsoft.com/v1.0/users/a%40b.com?$select=id&$filter=x%20eq%201");
        assert_eq!(path, "/v1.0/users/a@b.com");
        assert_eq!(query, [("$select".to_string(), "id".to_string()), ("$filter".into(), "x eq 1".into())]);
        assert_eq!(split_url("/beta/me/events/").0, "/beta/me/events/");
    }
}
