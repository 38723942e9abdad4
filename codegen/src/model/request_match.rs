//! Do a page's example requests call an operation the page declares? An example matches
//! when its method is an operation's and its path fits one of that operation's path
//! templates. A miss is a docs inconsistency (the example calls another endpoint, or the
//! HTTP request section leaves a path out) and is reported where the example is.
//!
//! Two rates are kept: `strict` (the path fits a template as written, modulo placeholders,
//! function arguments and type casts) and `aliased`, which also applies Graph's own aliases:
//! `/me` is `/users/{id}`, `/drive` is the signed-in user's drive, a drive's `root` (or
//! `root:/path:`) is an item, and a key in parentheses is a key segment.

use super::operations::{template, RawOperation};
use crate::diag::{Diagnostic, Span};
use crate::ir::ExampleRequests as Tally;

/// Checks every example request of one page's operations against those operations.
pub fn check(ops: &[RawOperation], diags: &mut Vec<Diagnostic>) -> Tally {
    let mut tally = Tally::default();
    for request in ops.iter().flat_map(|op| &op.examples).filter_map(|e| e.request.as_ref()) {
        if !addressed_to_graph(&request.url) {
            continue;
        }
        let Some(path) = template(&request.url) else { continue };
        tally.total += 1;
        let candidates = ops.iter().filter(|op| op.method == request.method).flat_map(|op| &op.paths);
        let (mut strict, mut aliased) = (false, false);
        for declared in candidates {
            strict |= fits(declared, &path);
            aliased |= strict || fits(&aliases(declared), &aliases(&path));
        }
        tally.strict += usize::from(strict);
        tally.aliased += usize::from(aliased);
        if !aliased {
            let at = Span { file: ops[0].span.file.clone(), line: request.line, column: 1 };
            let declared: Vec<String> =
                ops.iter().flat_map(|op| op.paths.iter().map(move |p| format!("{} {p}", op.method))).collect();
            diags.push(
                Diagnostic::warning(
                    "example-request-unmatched",
                    &at,
                    format!("example request `{} {path}` calls no operation this page declares", request.method),
                )
                .with_help(format!("the page declares: {}", declared.join(", "))),
            );
        }
    }
    tally
}

/// Relative URLs and URLs on a Graph host; upload sessions and short links go elsewhere.
pub fn addressed_to_graph(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    match lower.split_once("://") {
        Some((_, rest)) => rest.starts_with("graph.microsoft.com/") || rest.starts_with("graph.microsoft.us/"),
        None => true,
    }
}

/// Whether `example` fits `declared`, trying the path as written, then without function
/// arguments, then without type-cast segments, then without both; a placeholder on either
/// side stands for any text.
fn fits(declared: &str, example: &str) -> bool {
    let forms: [fn(&str) -> String; 4] =
        [str::to_string, without_arguments, without_casts, |p| without_casts(&without_arguments(p))];
    forms.iter().any(|form| {
        let (d, e) = (form(declared.trim_end_matches('/')), form(example));
        glob(&d, &e) || glob(&e, &d)
    })
}

/// `range(address='A1')` → `range`.
fn without_arguments(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut depth = 0usize;
    for c in path.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Drops `microsoft.graph.x` segments that are casts (not function calls).
fn without_casts(path: &str) -> String {
    path.split('/')
        .filter(|s| !s.to_ascii_lowercase().starts_with("microsoft.graph.") || s.contains('('))
        .collect::<Vec<_>>()
        .join("/")
}

/// Graph's aliases, rewritten to the canonical form on both sides before comparing.
fn aliases(path: &str) -> String {
    let mut p = path.to_string();
    if p == "/me" || p.starts_with("/me/") {
        p = format!("/users/{{id}}{}", &p[3..]);
    }
    if p.starts_with("/drive/") {
        p = format!("/users/{{id}}{p}");
    }
    // `root:/a/b.txt:` addresses an item by path.
    while let Some(start) = p.find("/root:") {
        let after = start + "/root:".len();
        let end = p[after..].find(':').map_or(p.len(), |i| after + i + 1);
        p.replace_range(start..end, "/items/{id}");
    }
    p = p
        .split('/')
        .map(|s| if s == "root" { "items/{id}".to_string() } else { key_segment(s) })
        .collect::<Vec<_>>()
        .join("/");
    p
}

/// `users('a')` and `users(a)` → `users/a`; function calls with named arguments stay.
fn key_segment(segment: &str) -> String {
    let Some(open) = segment.find('(') else { return segment.to_string() };
    let Some(inner) = segment[open + 1..].strip_suffix(')') else { return segment.to_string() };
    // A quoted key may hold any character (`'AAMk=='`); an unquoted one is a bare word.
    let quoted = inner.len() >= 2 && inner.starts_with('\'') && inner.ends_with('\'');
    let key = if quoted { &inner[1..inner.len() - 1] } else { inner };
    if open == 0 || key.is_empty() || key.contains('\'') || (!quoted && key.contains(['=', ',', '(', ')'])) {
        return segment.to_string();
    }
    format!("{}/{key}", &segment[..open])
}

/// Case-insensitive match of `text` against `pattern`, where each `{…}` in the pattern
/// stands for one or more characters.
fn glob(pattern: &str, text: &str) -> bool {
    let pattern = pattern.to_ascii_lowercase();
    let text = text.to_ascii_lowercase();
    let parts: Vec<&str> = split_placeholders(&pattern);
    let Some((first, rest)) = parts.split_first() else { return text.is_empty() };
    let Some(mut remaining) = text.strip_prefix(first) else { return false };
    // `parts` alternate: literal, then after each placeholder another literal.
    for (i, literal) in rest.iter().enumerate() {
        let last = i == rest.len() - 1;
        if last {
            return remaining.len() > literal.len() && remaining.ends_with(literal);
        }
        // Earliest occurrence after at least one character: the literals are path text,
        // and a shortest placeholder keeps later literals reachable.
        let Some(at) = remaining.get(1..).and_then(|r| r.find(literal)) else { return false };
        remaining = &remaining[1 + at + literal.len()..];
    }
    remaining.is_empty()
}

/// The literal pieces between `{…}` placeholders (an empty piece where two meet or at an end).
fn split_placeholders(pattern: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else { break };
        parts.push(&rest[..open]);
        rest = &rest[open + close + 1..];
    }
    parts.push(rest);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Permissions;
    use crate::model::operations::{Example, ExampleRequest};

    fn op(method: &str, paths: &[&str], examples: &[(&str, &str)]) -> RawOperation {
        let span = Span { file: "api-reference/v1.0/api/x.md".into(), line: 1, column: 1 };
        RawOperation {
            id: "x".into(),
            name: String::new(),
            method: method.into(),
            paths: paths.iter().map(|p| p.to_string()).collect(),
            path_parameters: Vec::new(),
            query_options: Vec::new(),
            request_headers: Vec::new(),
            request_body: None,
            response: None,
            permissions: Permissions::default(),
            description: String::new(),
            examples: examples
                .iter()
                .map(|(m, url)| Example {
                    request: Some(ExampleRequest {
                        name: None,
                        method: m.to_string(),
                        url: url.to_string(),
                        body: None,
                        line: 40,
                    }),
                    response: None,
                })
                .collect(),
            namespace: "microsoft.graph".into(),
            span,
        }
    }

    fn tally(ops: &[RawOperation]) -> (Tally, Vec<(&'static str, usize)>) {
        let mut diags = Vec::new();
        let t = check(ops, &mut diags);
        (t, diags.iter().map(|d| (d.code, d.line)).collect())
    }

    #[test]
    fn placeholders_sample_values_arguments_and_casts_fit() {
        let ops = [op(
            "GET",
            &["/users/{id | userPrincipalName}/messages/{id}", "/reports/getCounts(period='{period}')"],
            &[
                ("GET", "https://graph.microsoft.com/v1.0/users/jo@contoso.com/messages/AAMk=?$select=subject"),
                ("GET", "https://graph.microsoft.com/beta/reports/getCounts(period='D7')"),
                ("GET", "/users/{user-id}/messages/{message-id}"),
                ("GET", "/users/a/messages/b/microsoft.graph.eventMessage"),
            ],
        )];
        assert_eq!(tally(&ops), (Tally { total: 4, strict: 4, aliased: 4 }, vec![]));
    }

    #[test]
    fn graph_aliases_count_only_in_the_aliased_rate() {
        let ops = [op(
            "GET",
            &["/users/{id}/drive/items/{item-id}/children"],
            &[
                ("GET", "https://graph.microsoft.com/v1.0/me/drive/root:/Docs/a.txt:/children"),
                ("GET", "https://graph.microsoft.com/v1.0/drive/root/children"),
                ("GET", "https://graph.microsoft.com/v1.0/users('jo')/drive/items/1/children"),
                ("GET", "https://graph.microsoft.com/v1.0/me/drive/items('AAMk=')/children"),
            ],
        )];
        assert_eq!(tally(&ops), (Tally { total: 4, strict: 0, aliased: 4 }, vec![]));
    }

    #[test]
    fn another_endpoint_or_method_is_a_miss_named_at_the_example() {
        let ops = [
            op("GET", &["/groups/{id}/drives"], &[("GET", "https://graph.microsoft.com/v1.0/sites/s1/drives")]),
            op("POST", &["/groups/{id}/members/$ref"], &[("PATCH", "https://graph.microsoft.com/v1.0/groups/g1")]),
        ];
        let (t, diags) = tally(&ops);
        assert_eq!(t, Tally { total: 2, strict: 0, aliased: 0 });
        assert_eq!(diags, [("example-request-unmatched", 40), ("example-request-unmatched", 40)]);
    }

    #[test]
    fn other_hosts_are_not_counted() {
        let ops = [op(
            "PUT",
            &["/drive/items/{id}/content"],
            &[("PUT", "https://sn3302.up.1drv.com/up/fe6987415ace7X4e1eF866337")],
        )];
        assert_eq!(tally(&ops).0, Tally::default());
    }

    #[test]
    fn glob_needs_a_character_per_placeholder_and_matches_whole_paths() {
        assert!(glob("/a/{x}/b", "/a/1/b"));
        assert!(glob("/a/{x}", "/a/1/2"));
        assert!(!glob("/a/{x}/b", "/a//b"));
        assert!(!glob("/a/{x}/b", "/a/1/b/c"));
        assert!(glob("/A/{x}:/{y}", "/a/p/q:/r"));
        assert!(!glob("/a", "/ab"));
    }
}
