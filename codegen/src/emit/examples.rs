//! The docs' example requests written as the Rust calls that make them, for the docs of
//! each request: the example's URL is followed through the request tree (a segment by its
//! name, a key where the node has one, a function by its name and arguments, an item path),
//! its query options become the request's setters, and what does not fit gives no example
//! rather than a wrong one.

use super::tree::Tree;
use super::VersionLayout;
use crate::ir::{Model, Step};
use crate::resolve::routes::split_segments;

/// The calls that make a version's example requests, for `verify --http`.
pub struct ExampleCalls {
    tree: Tree,
}

/// Why an example request has no call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NoCall {
    /// The example's method is not its operation's.
    Method,
    /// The URL is not below Graph's version root (another host, an upload URL).
    Host,
    /// The URL's path does not follow the request tree to the operation.
    Path,
    /// The path routes, a query option does not fit its setter (`$top=all`).
    Query,
}

impl ExampleCalls {
    pub fn new(model: &Model) -> Self {
        ExampleCalls { tree: super::tree::build(&VersionLayout::new(model)) }
    }

    /// The call that makes `method url` of operation `op`'s page (an index into the
    /// model's operations), whether it takes a body, and its operation: the request of the node the URL
    /// leads to that is `op`, or else one of that method (a request the docs describe on
    /// several pages, as for each derived type, belongs to one of them).
    pub fn call(&self, model: &Model, op: usize, method: &str, url: &str) -> Result<(String, bool, usize), NoCall> {
        if !method.eq_ignore_ascii_case(&model.operations[op].method) {
            return Err(NoCall::Method);
        }
        relative(url).ok_or(NoCall::Host)?;
        let path = url.split_once('?').map_or(url, |(path, _)| path);
        let (_, node, _) = walk(model, &self.tree, path).ok_or(NoCall::Path)?;
        let verbs = &self.tree.nodes[node].verbs;
        let verb = verbs.iter().find(|v| v.operation == op);
        let verb = verb
            .or_else(|| verbs.iter().find(|v| model.operations[v.operation].method.eq_ignore_ascii_case(method)))
            .ok_or(NoCall::Path)?;
        let takes_body = super::endpoints::takes_body(&model.operations[verb.operation], verb);
        let call = call(model, &self.tree, node, (&verb.method, takes_body), url).ok_or(NoCall::Query)?;
        Ok((call, takes_body, verb.operation))
    }
}

/// The call that makes `url` with `method` through the tree, ending at node `target`:
/// `Graph::me().events().list().top(5)`, with `body` for a request that takes one.
pub fn call(model: &Model, tree: &Tree, target: usize, (verb, takes_body): (&str, bool), url: &str) -> Option<String> {
    let (mut code, at, query) = walk(model, tree, url)?;
    if at != target {
        return None;
    }
    code.push_str(&format!(".{verb}({})", if takes_body { "body" } else { "" }));
    for (name, value) in query.split('&').filter(|q| !q.is_empty()).filter_map(|q| q.split_once('=')) {
        code.push_str(&option(verb, name, value)?);
    }
    Some(code)
}

/// Follows a URL's path through the tree: the calls that take its steps, the node they
/// lead to, and the URL's query.
fn walk<'u>(model: &Model, tree: &Tree, url: &'u str) -> Option<(String, usize, &'u str)> {
    let (path, query) = relative(url)?;
    let segments = split_segments(path.trim_start_matches('/')).ok()?;
    let mut segments = segments.iter().map(String::as_str);
    let first = segments.next()?;
    let root = tree.roots.iter().find(|r| matches!(&r.step, Step::Segment(s) if s.eq_ignore_ascii_case(first)))?;
    let mut code = format!("Graph::{}()", root.method);
    let mut at = root.target;
    while let Some(segment) = segments.next() {
        let node = &tree.nodes[at];
        let (method, arguments, next) = if let Some(before) = segment.strip_suffix(':') {
            // `root:/folder/file.txt:`: an item path runs to the segment ending in `:`.
            let by_path = node.edges.iter().find(|e| matches!(e.step, Step::ItemPath(_)));
            let mut item_path: Vec<&str> = Vec::new();
            for part in segments.by_ref() {
                let (part, last) = part.strip_suffix(':').map_or((part, false), |p| (p, true));
                item_path.push(part);
                if last {
                    break;
                }
            }
            // The segment before the `:` is a step of its own (`root`).
            let named = node.edges.iter().find(|e| step_named(&e.step, before))?;
            let after = &tree.nodes[named.target];
            let by_path = after.edges.iter().find(|e| matches!(e.step, Step::ItemPath(_))).or(by_path)?;
            code.push_str(&format!(".{}()", named.method));
            (&by_path.method, vec![quoted(&item_path.join("/"))], by_path.target)
        } else if let Some((name, inside)) = segment.split_once('(') {
            let inside = inside.strip_suffix(')')?;
            let edge = node.edges.iter().find(|e| match &e.step {
                Step::Function { name: n, arguments } => {
                    n.eq_ignore_ascii_case(name) && arguments.len() == count_arguments(inside)
                }
                Step::Segment(s) => inside.trim().is_empty() && s.trim_end_matches("()").eq_ignore_ascii_case(name),
                _ => false,
            })?;
            let values = match &edge.step {
                Step::Function { arguments, .. } => {
                    let op = &model.operations[edge.operation];
                    let typed: Vec<(&str, &str)> = arguments
                        .iter()
                        .map(|(name, _)| (name.as_str(), super::endpoints::argument_type(op, name)))
                        .collect();
                    function_values(inside, &typed)?
                }
                _ => Vec::new(),
            };
            (&edge.method, values, edge.target)
        } else if let Some(edge) = node.edges.iter().find(|e| step_named(&e.step, segment)) {
            (&edge.method, Vec::new(), edge.target)
        } else {
            let key = node.edges.iter().find(|e| matches!(e.step, Step::Key(_)))?;
            (&key.method, vec![quoted(segment)], key.target)
        };
        code.push_str(&format!(".{method}({})", arguments.join(", ")));
        at = next;
    }
    Some((code, at, query))
}

/// The path and query of a URL, below the version: `https://graph.microsoft.com/v1.0/me?x`
/// → (`/me`, `x`).
fn relative(url: &str) -> Option<(&str, &str)> {
    let url = url.trim();
    let rest = match url.split_once("://") {
        Some((_, rest)) => &rest[rest.find('/')?..],
        None => url,
    };
    let rest =
        ["/v1.0/", "/beta/"].iter().find_map(|v| rest.strip_prefix(v).map(|r| &rest[rest.len() - r.len() - 1..]));
    let rest = rest?;
    Some(rest.split_once('?').unwrap_or((rest, "")))
}

fn step_named(step: &Step, segment: &str) -> bool {
    matches!(step, Step::Segment(s) if s.eq_ignore_ascii_case(segment))
}

fn count_arguments(inside: &str) -> usize {
    inside.split(',').filter(|a| !a.trim().is_empty()).count()
}

/// The example's argument values in the order the step takes them, as Rust of the type
/// each is (name, docs type): a string literal, a number or boolean literal, a
/// `{placeholder}` as its variable. None where a value does not fit its type, or the type
/// takes more than a literal (a date, a GUID, an enum).
fn function_values(inside: &str, arguments: &[(&str, &str)]) -> Option<Vec<String>> {
    let given: Vec<(Option<&str>, &str)> = inside
        .split(',')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(|a| a.split_once('=').map_or((None, a), |(n, v)| (Some(n.trim()), v.trim())))
        .collect();
    arguments
        .iter()
        .enumerate()
        .map(|(i, (name, ty))| {
            let value = given.iter().find(|(n, _)| n.is_some_and(|n| n.eq_ignore_ascii_case(name))).or(given.get(i))?.1;
            let bare = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')).unwrap_or(value);
            if bare.starts_with('{') {
                return Some(quoted(bare));
            }
            match *ty {
                "Edm.Int16" | "Edm.Int32" | "Edm.Int64" | "Edm.Byte" | "Edm.SByte" => {
                    bare.parse::<i64>().is_ok().then(|| bare.to_string())
                }
                "Edm.Double" | "Edm.Single" => bare.parse::<f64>().ok().map(|v| format!("{v:?}")),
                "Edm.Boolean" => bare.parse::<bool>().ok().map(|v| v.to_string()),
                ty if ty.starts_with("Edm.") && ty != "Edm.String" => None,
                "Edm.String" => Some(quoted(bare)),
                // An enum or another type the step takes as more than text.
                _ => None,
            }
        })
        .collect()
}

/// A value as Rust: a string literal of the value the URL escapes (`19%3Aab` → `"19:ab"`:
/// the request escapes it again), or for a `{placeholder}` the variable it names
/// (`{id | userPrincipalName}` → `id`).
fn quoted(value: &str) -> String {
    match value.strip_prefix('{').and_then(|v| v.strip_suffix('}')) {
        Some(name) => super::names::field_name(name.split('|').next().unwrap_or(name).trim()),
        None => format!("{:?}", percent_decode(value)),
    }
}

/// Text with its `%XX` escapes decoded (as UTF-8, lossily); a `%` not followed by two hex
/// digits is kept.
pub fn percent_decode(text: &str) -> String {
    decode(text, false)
}

/// A query string's value decoded: `%XX` as in a path, and `+` as a space.
pub fn query_decode(text: &str) -> String {
    decode(text, true)
}

fn decode(text: &str, plus_is_space: bool) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(if plus_is_space && byte == b'+' { b' ' } else { byte });
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A query option as the request's setter; an option the kind of request has no setter
/// for as `query`. None where the value does not fit the setter (`$top=all`).
fn option(verb: &str, name: &str, value: &str) -> Option<String> {
    let value = value.replace("%20", " ");
    // `$select`, `$expand`, `$filter` and `$orderby` take the type's fields; the docs'
    // text goes through `query` as written.
    Some(match (name.to_ascii_lowercase().as_str(), verb) {
        ("$top", "list") => format!(".top({})", value.parse::<u32>().ok()?),
        ("$skip", "list") => format!(".skip({})", value.parse::<u32>().ok()?),
        ("$count", "list") => format!(".count({})", value.parse::<bool>().ok()?),
        ("$search", "list") => format!(".search({})", quoted(&value)),
        _ => format!(".query({}, {})", quoted(name), quoted(&value)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_lose_host_and_version() {
        assert_eq!(relative("https://graph.microsoft.com/v1.0/me/events?$top=5"), Some(("/me/events", "$top=5")));
        assert_eq!(relative("/beta/users"), Some(("/users", "")));
        assert_eq!(relative("https://contoso.sharepoint.com/upload"), None);
    }

    #[test]
    fn unquoted_arguments_are_literals_or_placeholders() {
        let arguments = [("row", "Edm.Int32"), ("width", "Edm.Double"), ("name", "Edm.String"), ("on", "Edm.Boolean")];
        let values = function_values("row=5,width=640,name='a b',on=true", &arguments);
        assert_eq!(values, Some(vec!["5".into(), "640.0".into(), "\"a b\"".into(), "true".into()]));
        let values = function_values("row={row-id},width=1.5,name=7,on=false", &arguments);
        assert_eq!(values, Some(vec!["row_id".into(), "1.5".into(), "\"7\"".into(), "false".into()]));
        // A placeholder the docs write another way is no number; a date takes more than a literal.
        assert_eq!(function_values("row=<row>,width=1,name='x',on=true", &arguments), None);
        assert_eq!(function_values("d=2021-01-01", &[("d", "Edm.Date")]), None);
    }

    #[test]
    fn escapes_are_decoded_once() {
        assert_eq!(percent_decode("19%3Aab%40thread%2x%C3%A9"), "19:ab@thread%2xé");
        assert_eq!(quoted("19%3Aab"), "\"19:ab\"");
    }

    #[test]
    fn options_become_setters_of_their_kind_of_request() {
        assert_eq!(
            option("list", "$select", "id,displayName").as_deref(),
            Some(".query(\"$select\", \"id,displayName\")")
        );
        assert_eq!(option("list", "$top", "5").as_deref(), Some(".top(5)"));
        assert_eq!(option("get", "$top", "5").as_deref(), Some(".query(\"$top\", \"5\")"));
        assert_eq!(option("list", "$top", "all"), None);
        assert_eq!(option("list", "$filter", "a%20eq%201").as_deref(), Some(".query(\"$filter\", \"a eq 1\")"));
    }
}
