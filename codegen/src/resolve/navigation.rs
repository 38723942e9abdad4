//! Navigation properties the API pages establish and the resource pages leave out: `GET
//! /users/{id}/joinedTeams` documented as returning a collection of `team` makes
//! `joinedTeams` a navigation property of `user`; a relationship listed without
//! "collection" whose own list page returns a collection becomes one. Properties seen
//! only in example bodies are not added: many are slips of the docs.

use crate::diag::{Diagnostic, Span};
use crate::ir::{Operation, Property, Source, TypeDef, TypeKind};
use rustc_hash::{FxHashMap, FxHashSet};

/// A path with its placeholders' names erased and in lower case (Graph's URLs ignore
/// case): `/users/{id}/joinedTeams` and `/users/{user-id}/joinedteams` are one path;
/// `/me` is Graph's alias of `/users/{id}`.
fn path_key(path: &str) -> String {
    let lower = path.to_ascii_lowercase();
    let path = match lower.strip_prefix("/me") {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => format!("/users/{{}}{}", &path[3..]),
        _ => path.to_string(),
    };
    path.split('/')
        .map(|s| if s.starts_with('{') && s.ends_with('}') { "{}".to_string() } else { s.to_ascii_lowercase() })
        .collect::<Vec<_>>()
        .join("/")
}

/// The names of the docs' actions and functions: API pages title them `type: name` or
/// `name function` (`name action`).
fn bound_operation_names(operations: &[Operation]) -> FxHashSet<String> {
    operations
        .iter()
        .filter_map(|op| {
            let title = op.name.trim();
            let lower = title.to_ascii_lowercase();
            let named = match title.rsplit_once(':') {
                Some((_, name)) => name,
                None => ["function", "action"].iter().find_map(|w| lower.strip_suffix(w).map(|s| &title[..s.len()]))?,
            };
            Some(named.trim().trim_matches('`').to_ascii_lowercase())
        })
        .filter(|name| !name.is_empty() && !name.contains(' '))
        .collect()
}

/// The last segment all of an operation's paths end with, when they agree: a page that
/// lists paths to several places (an extension of an event, of a message) says nothing
/// of any one segment.
fn common_last_segment(op: &Operation) -> Option<&str> {
    let mut lasts = op.paths.iter().map(|p| p.rsplit('/').next().unwrap_or(""));
    let first = lasts.next()?;
    lasts.all(|l| l.eq_ignore_ascii_case(first)).then_some(first)
}

/// Adds the navigation properties the API pages establish (`inferred-navigation`) and
/// makes a listed relationship a collection where its list page returns one
/// (`navigation-made-collection`); each diagnostic names the API page.
pub fn infer_navigation(types: &mut [TypeDef], operations: &[Operation], diags: &mut Vec<Diagnostic>) {
    let index: FxHashMap<String, usize> = types.iter().enumerate().map(|(i, t)| (t.name.clone(), i)).collect();
    let kinds: Vec<TypeKind> = types.iter().map(|t| t.kind).collect();
    let kind = |name: &str| index.get(name).map(|&i| kinds[i]);
    // What each path addresses: a single entity, or an entity of a collection (`/users` →
    // `/users/{}` is a user).
    // Pages of other types document some paths too: the type most pages give a path wins;
    // where several tie (each derived type's page lists its base's path), their common base.
    let mut votes: FxHashMap<String, FxHashMap<&str, usize>> = FxHashMap::default();
    for op in operations.iter().filter(|op| op.method == "GET") {
        let Some(response) = &op.response else { continue };
        let Some(ty) = response.ty.as_deref().filter(|ty| kind(ty) == Some(TypeKind::Entity)) else { continue };
        for path in &op.paths {
            let key = if response.collection { format!("{}/{{}}", path_key(path)) } else { path_key(path) };
            *votes.entry(key).or_default().entry(ty).or_default() += 1;
        }
    }
    let addressed: FxHashMap<String, String> = votes
        .into_iter()
        .filter_map(|(key, counts)| {
            let most = counts.values().copied().max()?;
            let mut tied: Vec<usize> =
                counts.iter().filter(|(_, &n)| n == most).filter_map(|(ty, _)| index.get(*ty).copied()).collect();
            tied.sort_unstable();
            let parent = |t: usize| types[t].base.as_deref().and_then(|b| index.get(b).copied());
            let best = super::common_base(&tied, parent).or_else(|| tied.first().copied())?;
            Some((key, types[best].name.clone()))
        })
        .collect();
    let bound = bound_operation_names(operations);
    let mut added: FxHashSet<(usize, String)> = FxHashSet::default();
    for op in operations.iter().filter(|op| op.method == "GET" && common_last_segment(op).is_some()) {
        let Some(response) = &op.response else { continue };
        let Some(target) = response.ty.as_deref().filter(|ty| kind(ty) == Some(TypeKind::Entity)) else { continue };
        for path in &op.paths {
            let Some((prefix, segment)) = path.rsplit_once('/') else { continue };
            let plain = !segment.is_empty() && segment.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if !plain || bound.contains(&segment.to_ascii_lowercase()) {
                continue;
            }
            let Some(&owner) = addressed.get(&path_key(prefix)).and_then(|name| index.get(name)) else {
                continue;
            };
            let at = Span { file: op.source.file.clone(), line: op.source.line, column: 1 };
            match find_property(types, &index, owner, segment) {
                Some((holder, p)) => {
                    let property = &mut types[holder].properties[p];
                    if property.navigation && !property.collection && response.collection && property.ty == target {
                        property.collection = true;
                        diags.push(Diagnostic::warning(
                            "navigation-made-collection",
                            &at,
                            format!(
                                "`{}.{}` is listed as one `{target}`, but `GET {path}` returns a collection of them; it is made a collection",
                                types[holder].name, property.name
                            ),
                        ));
                    }
                }
                None if added.insert((owner, segment.to_ascii_lowercase())) => {
                    let owner_name = types[owner].name.clone();
                    types[owner].properties.push(Property {
                        name: segment.to_string(),
                        ty: target.to_string(),
                        collection: response.collection,
                        nullable: true,
                        navigation: true,
                        description: String::new(),
                        source: Source::from(&at),
                        query: None,
                    });
                    let what = if response.collection { "a collection of" } else { "one" };
                    diags.push(
                        Diagnostic::warning(
                            "inferred-navigation",
                            &at,
                            format!(
                                "`GET {path}` returns {what} `{target}`: `{owner_name}` gets the navigation property `{segment}`, which its page does not list"
                            ),
                        )
                        .with_help("list the relationship on the resource page"),
                    );
                }
                None => {}
            }
        }
    }
}

/// The property `name` (any case) of type `owner` or of one of its bases: the type that
/// holds it and its index.
fn find_property(
    types: &[TypeDef],
    index: &FxHashMap<String, usize>,
    owner: usize,
    name: &str,
) -> Option<(usize, usize)> {
    let lineage = std::iter::successors(Some(owner), |&t| types[t].base.as_deref().and_then(|b| index.get(b).copied()));
    lineage.take(64).find_map(|t| {
        let p = types[t].properties.iter().position(|p| p.name.eq_ignore_ascii_case(name))?;
        Some((t, p))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Permissions, Response};

    fn entity(name: &str, properties: Vec<Property>) -> TypeDef {
        TypeDef {
            name: format!("microsoft.graph.{name}"),
            kind: TypeKind::Entity,
            base: None,
            is_abstract: false,
            open: false,
            properties,
            members: Vec::new(),
            description: String::new(),
            source: Source { file: format!("api-reference/v1.0/resources/{name}.md"), line: 1 },
        }
    }

    fn get(title: &str, path: &str, ty: &str, collection: bool) -> Operation {
        Operation {
            id: path.into(),
            name: title.into(),
            method: "GET".into(),
            paths: vec![path.into()],
            path_parameters: Vec::new(),
            query_options: Vec::new(),
            request_headers: Vec::new(),
            request_body: None,
            response: Some(Response { status: 200, ty: Some(format!("microsoft.graph.{ty}")), collection }),
            permissions: Permissions::default(),
            description: String::new(),
            source: Source { file: "api-reference/v1.0/api/x.md".into(), line: 3 },
            examples: Vec::new(),
            routes: Vec::new(),
            example_requests: Vec::new(),
        }
    }

    #[test]
    fn api_pages_add_navigation_properties_and_make_listed_ones_collections() {
        let hosted = Property {
            name: "hostedContents".into(),
            ty: "microsoft.graph.hostedContent".into(),
            collection: false,
            nullable: true,
            navigation: true,
            description: String::new(),
            source: Source { file: "api-reference/v1.0/resources/chatMessage.md".into(), line: 9 },
            query: None,
        };
        let mut types = vec![
            entity("chatMessage", vec![hosted]),
            entity("hostedContent", Vec::new()),
            entity("team", Vec::new()),
            entity("user", Vec::new()),
        ];
        let operations = vec![
            get("Get user", "/users/{id}", "user", false),
            get("List joined teams", "/me/joinedTeams", "team", true),
            get("user: delta", "/users/{user-id}/delta", "user", true),
            get("Get message", "/chats/{id}/messages/{id}", "chatMessage", false),
            get("List hosted content", "/chats/{chat-id}/messages/{message-id}/hostedContents", "hostedContent", true),
        ];
        let mut diags = Vec::new();
        infer_navigation(&mut types, &operations, &mut diags);
        let user = &types[3];
        assert_eq!(user.properties.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["joinedTeams"], "not delta");
        assert!(user.properties[0].navigation && user.properties[0].collection);
        assert_eq!(user.properties[0].ty, "microsoft.graph.team");
        assert!(types[0].properties[0].collection, "hostedContents is made a collection");
        let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["inferred-navigation", "navigation-made-collection"]);
        assert!(diags.iter().all(|d| d.file == "api-reference/v1.0/api/x.md"), "the diagnostics name the API page");
    }
}
