//! Request paths read step by step, as the docs' path notation means them: what the tree
//! of requests the emitter builds is made of.
//!
//! - `{id}`, `{user-id}` and `{id | userPrincipalName}` after a collection are its key (the
//!   docs' name for it, the first of alternatives);
//! - `.../` says that the collection and key before it repeat (`childFolders/{id}/.../`);
//! - `name(a='{a}', b={b-value})` is a function with arguments; a sample value where a
//!   placeholder belongs (`(startDateTime='2017-01-01')`) is an argument all the same;
//! - `root:/{item-path}:` (and `{parent-id}:/{filename}:`) addresses an item by its path.
//!
//! A path that reads as none of these (a sample id where a segment or key belongs, an
//! unclosed argument list, a placeholder inside a name) gets a `path-not-understood`
//! diagnostic and no route, so no builder ever writes a broken URL.
//!
//! One request (method and path, `/me` read as `/users/{id}`, any key as any key, case
//! ignored as Graph ignores it) documented by several pages is generated once. It belongs
//! to the operation whose main path it is (the first path not under `/me`: the page is about
//! it), else to one that declares a response, else to one whose page is named after the
//! request's last segment (`user-post-events` for `POST /me/events`, over a page about
//! extensions that shows it too), else to the one whose response type is a base
//! of (or the same as) the most others' (the base type's page, over its derived types'),
//! else to the first by page; the others lose that route, each with a `duplicate-request`
//! diagnostic naming the page kept.

use crate::diag::{Diagnostic, Span};
use crate::ir::{Operation, RequestBody, Response, Route, Step, TypeDef};
use rustc_hash::{FxHashMap, FxHashSet};

/// The steps of a path template, or why it cannot be read.
pub fn steps(path: &str) -> Result<Vec<Step>, String> {
    let rest = path.trim().trim_start_matches('/');
    if rest.is_empty() {
        return Err("the path is empty".into());
    }
    let mut steps: Vec<Step> = Vec::new();
    let mut pieces = split_segments(rest)?.into_iter().peekable();
    while let Some(piece) = pieces.next() {
        // `x:/{path}:` addresses an item below `x` by its path.
        if let Some(before) = piece.strip_suffix(':') {
            push_segment(&mut steps, before)?;
            let Some(next) = pieces.next() else {
                return Err(format!("`{piece}` opens an item path that is not given"));
            };
            let name = next.strip_suffix(':').unwrap_or(&next);
            let name =
                placeholder(name).ok_or_else(|| format!("`{piece}/{next}` gives no {{item-path}} placeholder"))?;
            steps.push(Step::ItemPath(name));
            continue;
        }
        if piece == "..." {
            match steps.as_slice() {
                // Folders within a folder: an item's collection of items like it.
                [.., Step::Key(_), Step::Segment(_), Step::Key(_)] => steps.push(Step::Repeat),
                _ => return Err("`.../` does not follow an item's collection and its key".into()),
            }
            continue;
        }
        push_segment(&mut steps, &piece)?;
    }
    Ok(steps)
}

/// The path split at `/` outside parentheses and quotes.
pub fn split_segments(path: &str) -> Result<Vec<String>, String> {
    let (mut out, mut current, mut depth, mut quoted) = (Vec::new(), String::new(), 0usize, false);
    for c in path.chars() {
        match c {
            '\'' => quoted = !quoted,
            '(' if !quoted => depth += 1,
            ')' if !quoted => depth = depth.checked_sub(1).ok_or("a `)` closes no argument list")?,
            '/' if depth == 0 && !quoted => {
                if current.is_empty() {
                    return Err("the path has an empty segment (`//`)".into());
                }
                out.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    if depth > 0 || quoted {
        return Err("an argument list or a quote is not closed".into());
    }
    if !current.is_empty() {
        out.push(current);
    }
    Ok(out)
}

/// The name of a whole-segment placeholder: `{id}` → `id`, `{id | userPrincipalName}` → `id`.
fn placeholder(text: &str) -> Option<String> {
    let inner = text.strip_prefix('{')?.strip_suffix('}')?;
    let first = inner.split('|').next().unwrap_or("").trim();
    is_name(first.trim_end_matches("-value")).then(|| first.to_string())
}

/// A name the docs give a segment, an argument or a placeholder: a letter or `$` first,
/// then letters, digits, `_`, `-` and `.` (casts are `microsoft.graph.user`).
fn is_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '$' || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// One segment that is a key, a function with arguments or a name.
fn push_segment(steps: &mut Vec<Step>, piece: &str) -> Result<(), String> {
    if piece.starts_with('{') {
        let name = placeholder(piece).ok_or_else(|| format!("`{piece}` is not a placeholder"))?;
        if !matches!(steps.last(), Some(Step::Segment(_) | Step::Function { .. })) {
            return Err(format!("the key `{piece}` follows no collection"));
        }
        steps.push(Step::Key(name));
        return Ok(());
    }
    if let Some((name, arguments)) = piece.split_once('(') {
        let arguments = arguments.strip_suffix(')').ok_or_else(|| format!("`{piece}` has text after its arguments"))?;
        if !is_name(name) {
            return Err(format!("`{name}` is not a function name"));
        }
        let arguments = function_arguments(arguments).map_err(|why| format!("`{piece}`: {why}"))?;
        steps.push(if arguments.is_empty() {
            Step::Segment(format!("{name}()"))
        } else {
            Step::Function { name: name.to_string(), arguments }
        });
        return Ok(());
    }
    if !is_name(piece) {
        return Err(format!("`{piece}` is neither a segment name nor a {{placeholder}} (a sample value?)"));
    }
    steps.push(Step::Segment(piece.to_string()));
    Ok(())
}

/// `a='{a}',b=3`: each argument's name and whether its value is quoted. A value without a
/// name is named by its placeholder.
fn function_arguments(text: &str) -> Result<Vec<(String, bool)>, String> {
    let mut out: Vec<(String, bool)> = Vec::new();
    for argument in text.split(',').map(str::trim).filter(|a| !a.is_empty()) {
        let (name, value) = match argument.split_once('=') {
            Some((name, value)) => (Some(name.trim()), value.trim()),
            None => (None, argument),
        };
        let quoted = value.len() >= 2 && value.starts_with('\'') && value.ends_with('\'');
        let bare = if quoted { &value[1..value.len() - 1] } else { value };
        let name = match (name, placeholder(bare)) {
            (Some(name), _) => name.to_string(),
            (None, Some(from_placeholder)) => from_placeholder.trim_end_matches("-value").to_string(),
            (None, None) => return Err(format!("argument `{argument}` has no name")),
        };
        if !is_name(&name) || out.iter().any(|(n, _)| n.eq_ignore_ascii_case(&name)) {
            return Err(format!("argument name `{name}` is not a name, or is given twice"));
        }
        out.push((name, quoted));
    }
    Ok(out)
}

/// Collections whose items are the item before them: `…/childFolders/{id}` wherever some
/// path writes `…/childFolders/{id}/.../`, as request keys.
pub type Repeats = FxHashSet<Vec<Step>>;

/// The repeating collections some route declares.
pub fn repeats<'r>(routes: impl IntoIterator<Item = &'r [Step]>) -> Repeats {
    let mut out = Repeats::default();
    for steps in routes {
        for (at, _) in steps.iter().enumerate().filter(|(_, s)| **s == Step::Repeat) {
            out.insert(request_key(&steps[..at], &Repeats::default()));
        }
    }
    out
}

/// What tells requests apart: `/me` read as `/users/{id}`, keys and item paths without
/// their names, function arguments without their quotes, an item of a repeating collection read as the item before it (a folder
/// in a folder is a folder), names in lower case.
pub fn request_key(steps: &[Step], repeats: &Repeats) -> Vec<Step> {
    let mut out: Vec<Step> = Vec::with_capacity(steps.len() + 1);
    for (i, step) in steps.iter().enumerate() {
        match step {
            Step::Segment(name) if i == 0 && name.eq_ignore_ascii_case("me") => {
                out.push(Step::Segment("users".into()));
                out.push(Step::Key(String::new()));
            }
            Step::Segment(name) => out.push(Step::Segment(name.to_ascii_lowercase())),
            Step::Key(_) => {
                out.push(Step::Key(String::new()));
                if repeats.contains(&out) {
                    out.truncate(out.len() - 2);
                }
            }
            Step::ItemPath(_) => out.push(Step::ItemPath(String::new())),
            // Quotes around a value are the docs' spelling, not another function.
            Step::Function { name, arguments } => out.push(Step::Function {
                name: name.to_ascii_lowercase(),
                arguments: arguments.iter().map(|(n, _)| (n.to_ascii_lowercase(), false)).collect(),
            }),
            // The collection and key before it were folded where they were read.
            Step::Repeat => {}
        }
    }
    out
}

/// The first path not under `/me`: the one the page is about.
fn main_path(op: &Operation) -> Option<&str> {
    let is_me =
        |p: &&String| p.trim_start_matches('/').split(['/', '(']).next().is_some_and(|s| s.eq_ignore_ascii_case("me"));
    op.paths.iter().find(|p| !is_me(p)).or(op.paths.first()).map(String::as_str)
}

/// Whether a page's name (`user-post-events`) names the last segment of a request
/// (`events`, or `event`): the page is about that collection, not about something it
/// also reaches there (`opentypeextension-post` documents `POST /me/events` too).
fn names_last_segment(id: &str, key: &[Step]) -> bool {
    let last = key.iter().rev().find_map(|step| match step {
        Step::Segment(name) | Step::Function { name, .. } => Some(name.trim_end_matches("()")),
        _ => None,
    });
    let Some(last) = last else { return false };
    let singular = last.strip_suffix('s').unwrap_or(last);
    id.split(['-', '_']).any(|word| word.eq_ignore_ascii_case(last) || word.eq_ignore_ascii_case(singular))
}

fn response_type(op: &Operation) -> Option<&str> {
    op.response.as_ref().and_then(|r| r.ty.as_deref())
}

/// Which types derive from which.
struct Ancestry<'t> {
    base: FxHashMap<&'t str, &'t str>,
}

impl<'t> Ancestry<'t> {
    fn new(types: &'t [TypeDef]) -> Self {
        Ancestry { base: types.iter().filter_map(|t| Some((t.name.as_str(), t.base.as_deref()?))).collect() }
    }

    /// The nearest type every one of `values` is or derives from, when all are types and
    /// all collections or none, and that type is not a root (`entity`): every type derives
    /// from one, so sharing only a root says the pages' requests are not the same.
    fn common<'v>(&self, mut values: impl Iterator<Item = Option<(&'v str, bool)>>) -> Option<&'v str>
    where
        't: 'v,
    {
        let (first, collection) = values.next()??;
        let rest: Vec<&str> =
            values.map(|v| v.filter(|&(_, c)| c == collection).map(|(ty, _)| ty)).collect::<Option<_>>()?;
        let mut general = first;
        // The base chain is acyclic (resolve breaks cycles); the bound only guards it.
        for _ in 0..64 {
            let base = self.base.get(general)?;
            if rest.iter().all(|ty| self.covers(Some(general), Some(ty))) {
                return Some(general);
            }
            general = base;
        }
        None
    }

    /// Whether a value of `general` may be one of `specific` (the same type, or a base of it).
    fn covers(&self, general: Option<&str>, specific: Option<&str>) -> bool {
        let (Some(general), Some(mut specific)) = (general, specific) else {
            return general.is_none() && specific.is_none();
        };
        // The base chain is acyclic (resolve breaks cycles); the bound only guards it.
        for _ in 0..64 {
            if specific == general {
                return true;
            }
            match self.base.get(specific) {
                Some(base) => specific = base,
                None => return false,
            }
        }
        false
    }
}

/// A path read as steps, or why it cannot be.
type Read = Result<Vec<Step>, String>;

/// Reads every operation's paths into routes, and gives each request to one operation.
pub fn assign(ops: &mut [Operation], types: &[TypeDef], diags: &mut Vec<Diagnostic>) {
    let parsed: Vec<Vec<(&String, Read)>> =
        ops.iter().map(|op| op.paths.iter().map(|p| (p, steps(p))).collect()).collect();
    let repeating = repeats(parsed.iter().flatten().filter_map(|(_, s)| s.as_deref().ok()));
    // Per operation: (request key, route), one per request.
    let mut read: Vec<Vec<(Vec<Step>, Route)>> = Vec::with_capacity(ops.len());
    for (op, paths) in ops.iter().zip(parsed) {
        let at = Span { file: op.source.file.clone(), line: op.source.line, column: 1 };
        let mut routes: Vec<(Vec<Step>, Route)> = Vec::new();
        for (path, read_steps) in paths {
            match read_steps {
                Ok(steps) => {
                    let key = request_key(&steps, &repeating);
                    if !routes.iter().any(|(k, _)| *k == key) {
                        routes.push((key, Route { path: path.clone(), steps }));
                    }
                }
                Err(why) => diags.push(
                    Diagnostic::warning(
                        "path-not-understood",
                        &at,
                        format!("{} {path}: {why}; no builder is generated for this path", op.method),
                    )
                    .with_help("the docs write keys as `{name}`, arguments as `f(a='{a}')` and item paths as `root:/{item-path}:`"),
                ),
            }
        }
        read.push(routes);
    }
    // Each operation's main path as a request key, read once.
    let main_keys: Vec<Option<Vec<Step>>> =
        ops.iter().map(|op| main_path(op).and_then(|p| steps(p).ok()).map(|s| request_key(&s, &repeating))).collect();
    // Each request's candidates, in the operations' order.
    let mut candidates: FxHashMap<(&str, &[Step]), Vec<usize>> = FxHashMap::default();
    for (i, routes) in read.iter().enumerate() {
        for (key, _) in routes {
            candidates.entry((ops[i].method.as_str(), key.as_slice())).or_default().push(i);
        }
    }
    let ancestry = Ancestry::new(types);
    let owner: FxHashMap<(&str, &[Step]), usize> = candidates
        .iter()
        .map(|(&(method, key), all)| {
            let rank = |i: usize| {
                let op = &ops[i];
                let main = main_keys[i].as_deref() == Some(key);
                // Pages of derived types document their base's request too (`GET
                // /deviceManagement/deviceConfigurations/{id}` on each configuration's page):
                // the page whose response covers the most others' is the general one.
                let covered =
                    all.iter().filter(|&&j| ancestry.covers(response_type(op), response_type(&ops[j]))).count();
                (!main, op.response.is_none(), !names_last_segment(&op.id, key), std::cmp::Reverse(covered), i)
            };
            ((method, key), all.iter().copied().min_by_key(|&i| rank(i)).unwrap_or(all[0]))
        })
        .collect();
    let mut kept: Vec<Vec<Route>> = Vec::with_capacity(ops.len());
    for (i, routes) in read.iter().enumerate() {
        let mut mine = Vec::new();
        for (key, route) in routes {
            let o = owner[&(ops[i].method.as_str(), key.as_slice())];
            if o == i {
                mine.push(route.clone());
                continue;
            }
            let at = Span { file: ops[i].source.file.clone(), line: ops[i].source.line, column: 1 };
            diags.push(Diagnostic::warning(
                "duplicate-request",
                &at,
                format!(
                    "{} {} is also documented at {}:{}, whose operation is generated for it; this page's is not",
                    ops[i].method, route.path, ops[o].source.file, ops[o].source.line
                ),
            ));
        }
        kept.push(mine);
    }
    let widened = shared_request_types(ops, &owner, &candidates, &ancestry);
    for (op, routes) in ops.iter_mut().zip(kept) {
        op.routes = routes;
    }
    for (o, body, response) in widened {
        if let (Some(RequestBody::Type { ty, .. }), Some(common)) = (&mut ops[o].request_body, body) {
            *ty = common;
        }
        if let (Some(Response { ty: Some(ty), .. }), Some(common)) = (&mut ops[o].response, response) {
            *ty = common;
        }
    }
}

/// The pages of derived types each document their base's requests with their own type
/// (`POST /deviceManagement/deviceConfigurations` taking a `windows10GeneralConfiguration`
/// on that type's page), and a request goes to one operation: its body and response become
/// the nearest type that every page's derives from, so that any of them can be sent and
/// read (through that type's `Any…` enum) and no derived type's fields are lost. The
/// operations whose types change, with their new body and response types.
fn shared_request_types(
    ops: &[Operation],
    owner: &FxHashMap<(&str, &[Step]), usize>,
    candidates: &FxHashMap<(&str, &[Step]), Vec<usize>>,
    ancestry: &Ancestry,
) -> Vec<(usize, Option<String>, Option<String>)> {
    let mut sharing: FxHashMap<usize, FxHashSet<usize>> = FxHashMap::default();
    for (request, all) in candidates {
        sharing.entry(owner[request]).or_default().extend(all.iter().copied());
    }
    let mut widened: Vec<_> = sharing
        .into_iter()
        .filter(|(_, all)| all.len() > 1)
        .map(|(o, all)| {
            let all: Vec<&Operation> = all.iter().map(|&i| &ops[i]).collect();
            let body = ancestry.common(all.iter().map(|op| body_type(op)));
            let response = ancestry.common(all.iter().map(|op| typed_response(op)));
            (o, body.map(str::to_string), response.map(str::to_string))
        })
        .collect();
    widened.sort_unstable();
    widened
}

fn body_type(op: &Operation) -> Option<(&str, bool)> {
    match &op.request_body {
        Some(RequestBody::Type { ty, collection }) => Some((ty.as_str(), *collection)),
        _ => None,
    }
}

fn typed_response(op: &Operation) -> Option<(&str, bool)> {
    op.response.as_ref().and_then(|r| Some((r.ty.as_deref()?, r.collection)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(s: &str) -> Step {
        Step::Segment(s.into())
    }

    fn key(s: &str) -> Step {
        Step::Key(s.into())
    }

    #[test]
    fn keys_alternatives_and_named_keys() {
        assert_eq!(
            steps("/users/{id | userPrincipalName}/sendMail"),
            Ok(vec![seg("users"), key("id"), seg("sendMail")])
        );
        assert_eq!(steps("/users/{user-id}/messages"), Ok(vec![seg("users"), key("user-id"), seg("messages")]));
        assert!(steps("/{id}/x").is_err(), "a key needs a collection before it");
    }

    #[test]
    fn repeats_functions_and_item_paths() {
        let repeated = steps("/me/mailFolders/{id}/childFolders/{id}/.../messages/{id}").unwrap();
        assert_eq!(repeated[4..6], [key("id"), Step::Repeat]);
        let repeating = repeats([repeated.as_slice()]);
        let plain = steps("/users/{u}/mailFolders/{f}/messages/{m}").unwrap();
        assert_eq!(request_key(&repeated, &repeating), request_key(&plain, &repeating));
        let child = steps("/me/mailFolders/{id}/childFolders/{id}").unwrap();
        assert_eq!(request_key(&child, &repeating), request_key(&steps("/me/mailFolders/{id}").unwrap(), &repeating));
        let function = steps("/reports/getEmailActivityCounts(period='{period_value}')").unwrap();
        assert_eq!(
            function[1],
            Step::Function { name: "getEmailActivityCounts".into(), arguments: vec![("period".into(), true)] }
        );
        let sampled =
            steps("/drives/{d}/items/{i}/getActivitiesByInterval(startDateTime='2017-01-01',interval=day)").unwrap();
        assert_eq!(
            sampled[4],
            Step::Function {
                name: "getActivitiesByInterval".into(),
                arguments: vec![("startDateTime".into(), true), ("interval".into(), false)]
            }
        );
        assert_eq!(steps("/users/delta()").unwrap()[1], seg("delta()"));
        assert_eq!(
            steps("/drive/root:/{item-path}:/content"),
            Ok(vec![seg("drive"), seg("root"), Step::ItemPath("item-path".into()), seg("content")])
        );
        assert_eq!(
            steps("/drives/{d}/items/{parent-id}:/{filename}:/content"),
            Ok(vec![
                seg("drives"),
                key("d"),
                seg("items"),
                key("parent-id"),
                Step::ItemPath("filename".into()),
                seg("content")
            ])
        );
    }

    #[test]
    fn what_cannot_be_read_is_refused() {
        for path in [
            "/chats/19:abc@thread.v2/members",
            "/me/drive/items/{id}/workbook/worksheets/{id}/range(address='{address}'/entireRow",
            "/users/{id}/.../messages",
            "/a//b",
            "/users{id}",
            "/f(x)",
        ] {
            assert!(steps(path).is_err(), "{path} is refused");
        }
    }

    #[test]
    fn a_shared_request_takes_the_nearest_type_all_its_pages_derive_from() {
        let base = [
            ("windowsConfiguration", "deviceConfiguration"),
            ("macConfiguration", "deviceConfiguration"),
            ("deviceConfiguration", "entity"),
            ("windowsPolicy", "windowsConfiguration"),
        ];
        let ancestry = Ancestry { base: base.into_iter().collect() };
        let common = |values: &[Option<(&'static str, bool)>]| ancestry.common(values.iter().copied());
        let (windows, mac, policy) =
            (("windowsConfiguration", false), ("macConfiguration", false), ("windowsPolicy", false));
        assert_eq!(common(&[Some(windows), Some(mac)]), Some("deviceConfiguration"));
        assert_eq!(common(&[Some(policy), Some(windows)]), Some("windowsConfiguration"));
        assert_eq!(common(&[Some(windows), Some(windows)]), Some("windowsConfiguration"));
        assert_eq!(common(&[Some(windows), Some(("user", false))]), None, "no common type");
        assert_eq!(common(&[Some(windows), Some(("printer", false))]), None, "only a root in common");
        assert_eq!(common(&[Some(("deviceConfiguration", false)), Some(windows)]), Some("deviceConfiguration"));
        assert_eq!(common(&[Some(windows), Some(("macConfiguration", true))]), None, "one and many");
        assert_eq!(common(&[Some(windows), None]), None, "a page without a typed body");
    }

    #[test]
    fn me_is_a_user_and_keys_are_any_key() {
        let none = Repeats::default();
        let me = request_key(&steps("/me/events/{id}").unwrap(), &none);
        assert_eq!(me, request_key(&steps("/USERS/{user-id}/Events/{event-id}").unwrap(), &none));
    }
}
