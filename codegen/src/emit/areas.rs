//! Areas and the cargo features they become: pure data, no code.
//!
//! An area is the first segment of an operation's main path (the first path not under
//! `/me`), segments that differ only in case being one area: Graph's URLs ignore case, so
//! `/directoryroles/…` and `/directoryRoles/…` are the same API. Each area is a feature
//! `<version>-<area>`, the version's feature enables them all.
//!
//! A type is compiled when an enabled area needs it: an area needs the body, response
//! and path-parameter types of its operations, and a type needs its bases and the types
//! of its structural (non-navigation) properties. Navigation properties and the variants
//! of `Any…` enums that name derived types are not needs: they get their own condition,
//! present when their target type is, so one area does not pull in the whole model.
//! A type more than half the areas need goes under `<version>-core`, which every area
//! enables, to keep conditions short; one no area needs comes with the whole version only.

use crate::ir::{Model, Operation, RequestBody};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// Which operations to generate: all when both lists are empty, else those of the named
/// areas and those with a path under one of the prefixes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Area names, as modules (`device_management`) or as path segments (`deviceManagement`).
    pub areas: Vec<String>,
    /// Path prefixes (`/users/{id}/messages`); a prefix ends at a segment boundary.
    pub paths: Vec<String>,
}

impl Selection {
    pub fn everything(&self) -> bool {
        self.areas.is_empty() && self.paths.is_empty()
    }

    /// The areas and paths that name nothing in any of the models, each said with what
    /// the docs have instead: the nearest area names, or the operations' path spelling.
    pub fn unmatched(&self, models: &[&Model]) -> Vec<String> {
        let areas: Vec<(String, String, Vec<usize>)> = models.iter().flat_map(|m| all_areas(m)).collect();
        let operations = || models.iter().flat_map(|m| &m.operations);
        let areas = self
            .areas
            .iter()
            .filter(|wanted| {
                !areas.iter().any(|(name, segment, _)| *wanted == name || wanted.eq_ignore_ascii_case(segment))
            })
            .map(|area| {
                let mut known: Vec<&str> = areas.iter().map(|(name, _, _)| name.as_str()).collect();
                known.sort_unstable();
                known.dedup();
                let near = nearest(area, &known);
                let hint = if near.is_empty() { String::new() } else { format!("; did you mean {}?", near.join(", ")) };
                format!("area `{area}`{hint} (`graph-docs-codegen areas --docs DIR` lists them all)")
            });
        let paths = self
            .paths
            .iter()
            .filter(|prefix| !operations().any(|op| op.paths.iter().any(|path| under(path, prefix))))
            .map(|prefix| format!("path `{prefix}`"));
        areas.chain(paths).collect()
    }

    fn keeps(&self, op: &Operation, area: &str, segment: &str) -> bool {
        self.everything()
            || self.areas.iter().any(|a| a == area || a.eq_ignore_ascii_case(segment))
            || op.paths.iter().any(|path| self.paths.iter().any(|prefix| under(path, prefix)))
    }
}

/// The known names nearest to a misspelled one (by edit distance, at most three).
fn nearest<'k>(wanted: &str, known: &[&'k str]) -> Vec<&'k str> {
    let wanted = wanted.to_ascii_lowercase();
    let mut scored: Vec<(usize, &str)> = known
        .iter()
        .map(|k| (strsim::levenshtein(&wanted, &k.replace('_', "")).min(strsim::levenshtein(&wanted, k)), *k))
        .collect();
    scored.sort_unstable();
    let limit = wanted.len().div_ceil(2).max(2);
    scored.into_iter().filter(|(d, _)| *d <= limit).take(3).map(|(_, k)| k).collect()
}

/// Every area of a model, for listing: (module name, path segment, operations).
pub fn areas_of(model: &Model) -> Vec<(String, String, usize)> {
    all_areas(model).into_iter().map(|(name, segment, ops)| (name, segment, ops.len())).collect()
}

/// `path` is `prefix` or lies below it, as the docs spell paths: case ignored (as Graph's
/// URLs are), any placeholder matching any other (`{id}`, `{user-id}`,
/// `{id | userPrincipalName}`), `/me` standing for `/users/{id}`.
fn under(path: &str, prefix: &str) -> bool {
    use crate::resolve::routes::{request_key, steps, Repeats};
    let none = Repeats::default();
    match (steps(path), steps(prefix.trim_end_matches('/'))) {
        (Ok(path), Ok(prefix)) => {
            let (path, prefix) = (request_key(&path, &none), request_key(&prefix, &none));
            path.len() >= prefix.len() && path[..prefix.len()] == prefix[..]
        }
        _ => under_as_text(path, prefix),
    }
}

/// `under` for a path or prefix the route reader refuses: as text, ignoring case.
fn under_as_text(path: &str, prefix: &str) -> bool {
    let prefix = prefix.trim_end_matches('/');
    path.get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix))
        && path[prefix.len()..].chars().next().is_none_or(|c| matches!(c, '/' | '(' | ':' | '?'))
}

/// Whether an item is emitted, and on which condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cfg {
    /// Not emitted: nothing selected needs it.
    Omit,
    /// Emitted without a condition.
    Always,
    /// Emitted when any of these cargo features is on.
    When(Vec<String>),
}

pub struct Area {
    /// The module of its endpoints, under `endpoints`.
    pub name: String,
    pub feature: String,
    /// Indices into `model.operations`, in the model's order.
    pub operations: Vec<usize>,
}

/// When a type is compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Gate {
    /// Not generated: outside the selection.
    Off,
    /// Only with the whole version: no area needs it.
    Version,
    /// With any area.
    Core,
    /// With any of these areas (indices into `areas`, sorted).
    Areas(Vec<usize>),
}

pub struct Gates {
    /// The selected areas, by name.
    pub areas: Vec<Area>,
    gate: Vec<Gate>,
    version_feature: String,
    core_feature: String,
    /// Conditions as cargo features; otherwise the selection is fixed at generation.
    features: bool,
}

/// The types an operation's body and response are declared as.
pub fn operation_types(op: &Operation) -> Vec<&str> {
    let mut out: Vec<&str> = op.response.iter().filter_map(|r| r.ty.as_deref()).collect();
    match &op.request_body {
        Some(RequestBody::Type { ty, .. }) => out.push(ty),
        Some(RequestBody::Parameters { parameters }) => out.extend(parameters.iter().map(|p| p.ty.as_str())),
        None => {}
    }
    out
}

/// The first segment of the operation's main path: the first path not under `/me`.
fn segment(op: &Operation) -> &str {
    let main = op.paths.iter().find(|p| !is_me(p)).or(op.paths.first());
    let path = main.map_or("", |p| p.trim_start_matches('/'));
    path.split(['/', '(', ':']).next().unwrap_or("")
}

pub fn is_me(path: &str) -> bool {
    path.trim_start_matches('/').split(['/', '(']).next().is_some_and(|s| s.eq_ignore_ascii_case("me"))
}

/// Every area of a model as (module name, segment, operations), by name. An area is named
/// after the spelling most of its operations use (the first in order on a tie).
fn all_areas(model: &Model) -> Vec<(String, String, Vec<usize>)> {
    let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, op) in model.operations.iter().enumerate() {
        by_key.entry(segment(op).to_ascii_lowercase()).or_default().push(i);
    }
    // `core` is the version's shared feature.
    let mut scope = super::names::Scope::with_reserved(&["core"]);
    let mut areas: Vec<(String, String, Vec<usize>)> = by_key
        .into_values()
        .map(|ops| {
            let mut spellings: BTreeMap<&str, usize> = BTreeMap::new();
            for &i in &ops {
                *spellings.entry(segment(&model.operations[i])).or_default() += 1;
            }
            let (spelling, _) = spellings.iter().fold(("", 0), |best, (s, n)| if *n > best.1 { (s, *n) } else { best });
            (scope.claim(super::names::module_name(spelling)), spelling.to_string(), ops)
        })
        .collect();
    areas.sort_by(|a, b| a.0.cmp(&b.0));
    areas
}

/// What each type needs compiled with it: its base and its structural property types.
fn type_needs(model: &Model, index: &FxHashMap<&str, usize>) -> Vec<Vec<usize>> {
    model
        .types
        .iter()
        .map(|t| {
            let base = t.base.as_deref().into_iter();
            let structural = t.properties.iter().filter(|p| !p.navigation).map(|p| p.ty.as_str());
            base.chain(structural).filter_map(|name| index.get(name).copied()).collect()
        })
        .collect()
}

/// Marks the types reachable from `roots` through `needs`.
fn close(roots: impl IntoIterator<Item = usize>, needs: &[Vec<usize>], reached: &mut [bool]) {
    let mut stack: Vec<usize> = roots.into_iter().collect();
    while let Some(t) = stack.pop() {
        if !std::mem::replace(&mut reached[t], true) {
            stack.extend(needs[t].iter().filter(|&&n| !reached[n]));
        }
    }
}

impl Gates {
    /// The selected areas of one version and when each type is compiled; `features` makes
    /// the conditions cargo features instead of fixing them now.
    pub fn new(model: &Model, selection: &Selection, features: bool) -> Self {
        let version = super::version_module(&model.version);
        let index: FxHashMap<&str, usize> = model.types.iter().enumerate().map(|(i, t)| (t.name.as_str(), i)).collect();
        let needs = type_needs(model, &index);
        let mut areas = Vec::new();
        let mut needed_by: Vec<Vec<usize>> = vec![Vec::new(); model.types.len()];
        for (name, segment, ops) in all_areas(model) {
            let ops: Vec<usize> =
                ops.into_iter().filter(|&i| selection.keeps(&model.operations[i], &name, &segment)).collect();
            if ops.is_empty() {
                continue;
            }
            let roots = ops.iter().flat_map(|&i| {
                let op = &model.operations[i];
                let parameters = op.path_parameters.iter().map(|p| p.ty.as_str());
                operation_types(op).into_iter().chain(parameters).filter_map(|name| index.get(name).copied())
            });
            let mut reached = vec![false; model.types.len()];
            close(roots, &needs, &mut reached);
            for t in (0..reached.len()).filter(|&t| reached[t]) {
                needed_by[t].push(areas.len());
            }
            areas.push(Area { feature: format!("{version}-{name}"), name, operations: ops });
        }
        let unneeded = if selection.everything() { Gate::Version } else { Gate::Off };
        let gate = needed_by
            .into_iter()
            .map(|by| match by.len() {
                0 => unneeded.clone(),
                n if 2 * n > areas.len() => Gate::Core,
                _ => Gate::Areas(by),
            })
            .collect();
        Gates { areas, gate, core_feature: format!("{version}-core"), version_feature: version, features }
    }

    fn cfg(&self, gate: &Gate) -> Cfg {
        let features = match gate {
            Gate::Off => return Cfg::Omit,
            _ if !self.features => return Cfg::Always,
            Gate::Version => vec![self.version_feature.clone()],
            Gate::Core => vec![self.core_feature.clone()],
            Gate::Areas(areas) => areas.iter().map(|&a| self.areas[a].feature.clone()).collect(),
        };
        Cfg::When(features)
    }

    /// When the items of type `t` are compiled.
    pub fn type_cfg(&self, t: usize) -> Cfg {
        self.cfg(&self.gate[t])
    }

    /// When a part of type `owner` that refers to type `target` is compiled (a field, an
    /// `Any…` variant): unconditionally when `target` is compiled whenever `owner` is.
    pub fn dependent_cfg(&self, owner: usize, target: Option<usize>) -> Cfg {
        let Some(target) = target else { return Cfg::Always };
        let (owner, target) = (&self.gate[owner], &self.gate[target]);
        let implied = match (owner, target) {
            (_, Gate::Off) => false,
            (Gate::Off, _) | (_, Gate::Core) | (Gate::Version, _) => true,
            (Gate::Core, Gate::Areas(t)) => t.len() == self.areas.len(),
            (Gate::Areas(o), Gate::Areas(t)) => o.iter().all(|a| t.binary_search(a).is_ok()),
            (_, Gate::Version) => false,
        };
        if implied {
            Cfg::Always
        } else {
            self.cfg(target)
        }
    }

    /// Whether type `t` is compiled whenever one of `areas` is on.
    pub fn compiled_with(&self, t: usize, areas: &[usize]) -> bool {
        match &self.gate[t] {
            _ if !self.features => self.gate[t] != Gate::Off,
            Gate::Core => true,
            Gate::Areas(with) => areas.iter().all(|a| with.binary_search(a).is_ok()),
            Gate::Off | Gate::Version => false,
        }
    }

    /// When an area's endpoints are compiled.
    pub fn area_cfg(&self, area: usize) -> Cfg {
        self.cfg(&Gate::Areas(vec![area]))
    }

    /// When the version's module is compiled: with any of its features.
    pub fn version_cfg(&self) -> Cfg {
        self.cfg(&Gate::Core)
    }

    /// How many types compile when `area` is the only area on.
    pub fn types_with(&self, area: usize) -> usize {
        self.gate.iter().filter(|g| matches!(g, Gate::Core) || matches!(g, Gate::Areas(a) if a.contains(&area))).count()
    }

    /// The version's cargo features and what each enables: the version, then core, then
    /// each area.
    pub fn cargo_features(&self) -> Vec<(String, Vec<String>)> {
        let mut all = vec![self.core_feature.clone()];
        all.extend(self.areas.iter().map(|a| a.feature.clone()));
        let mut out = vec![(self.version_feature.clone(), all), (self.core_feature.clone(), Vec::new())];
        out.extend(self.areas.iter().map(|a| (a.feature.clone(), vec![self.core_feature.clone()])));
        out
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::ir::{Permissions, Property, Response, Source, TypeDef, TypeKind};

    fn source() -> Source {
        Source { file: "x.md".into(), line: 1 }
    }

    pub fn op(id: &str, paths: &[&str], response: Option<&str>) -> Operation {
        Operation {
            id: id.into(),
            name: String::new(),
            method: "GET".into(),
            paths: paths.iter().map(|p| p.to_string()).collect(),
            path_parameters: Vec::new(),
            query_options: Vec::new(),
            request_headers: Vec::new(),
            request_body: None,
            response: response.map(|ty| Response { status: 200, ty: Some(ty.into()), collection: false }),
            permissions: Permissions::default(),
            description: String::new(),
            source: source(),
            examples: Vec::new(),
            routes: Vec::new(),
            example_requests: Vec::new(),
        }
    }

    fn ty(name: &str, base: Option<&str>, properties: &[(&str, bool)]) -> TypeDef {
        TypeDef {
            name: format!("microsoft.graph.{name}"),
            kind: TypeKind::Entity,
            base: base.map(|b| format!("microsoft.graph.{b}")),
            is_abstract: false,
            open: false,
            properties: properties
                .iter()
                .map(|(target, navigation)| Property {
                    name: target.to_string(),
                    ty: format!("microsoft.graph.{target}"),
                    collection: false,
                    nullable: true,
                    navigation: *navigation,
                    description: String::new(),
                    source: source(),
                    query: None,
                })
                .collect(),
            members: Vec::new(),
            description: String::new(),
            source: source(),
        }
    }

    fn model(types: Vec<TypeDef>, operations: Vec<Operation>) -> Model {
        Model {
            version: "v1.0".into(),
            types,
            operations,
            diagnostics: Vec::new(),
            example_requests: Default::default(),
        }
    }

    /// entity ← user (structural: identity; navigation: group), group, message; three areas.
    fn sample() -> Model {
        let types = vec![
            ty("entity", None, &[]),
            ty("group", Some("entity"), &[]),
            ty("identity", None, &[]),
            ty("message", Some("entity"), &[]),
            ty("orphan", None, &[]),
            ty("user", Some("entity"), &[("identity", false), ("group", true)]),
        ];
        let ops = vec![
            op("user-get", &["/me", "/users/{id}"], Some("microsoft.graph.user")),
            op("message-get", &["/Users/{id}/messages/{id}"], Some("microsoft.graph.message")),
            op("group-get", &["/groups/{id}"], Some("microsoft.graph.group")),
            op("me-only", &["/me/photo"], None),
        ];
        model(types, ops)
    }

    const ENTITY: usize = 0;
    const GROUP: usize = 1;
    const IDENTITY: usize = 2;
    const ORPHAN: usize = 4;
    const USER: usize = 5;

    fn when(features: &[&str]) -> Cfg {
        Cfg::When(features.iter().map(|f| f.to_string()).collect())
    }

    #[test]
    fn areas_are_first_segments_of_main_paths_ignoring_case() {
        let gates = Gates::new(&sample(), &Selection::default(), true);
        let names: Vec<(&str, &str, &[usize])> =
            gates.areas.iter().map(|a| (a.name.as_str(), a.feature.as_str(), a.operations.as_slice())).collect();
        assert_eq!(
            names,
            [("groups", "v1_0-groups", &[2][..]), ("me", "v1_0-me", &[3][..]), ("users", "v1_0-users", &[0, 1][..])]
        );
        let areas = all_areas(&model(Vec::new(), vec![op("a", &["/core/x"], None), op("b", &["/self"], None)]));
        let names: Vec<&str> = areas.iter().map(|a| a.0.as_str()).collect();
        assert_eq!(names, ["core2", "self_"], "the core feature's name and keywords are avoided");
    }

    #[test]
    fn segments_end_at_slashes_parentheses_and_colons() {
        let segment_of = |paths: &[&str]| segment(&op("x", paths, None)).to_string();
        assert_eq!(segment_of(&["/auditLogs/signUps", "/x"]), "auditLogs");
        assert_eq!(segment_of(&["/reports/getX(period='{p}')"]), "reports");
        assert_eq!(segment_of(&["/applications(appId='{id}')"]), "applications");
        assert_eq!(segment_of(&["/me/drive/root:/{item-path}:"]), "me");
        assert_eq!(segment_of(&["/me", "/users/{id}"]), "users");
    }

    #[test]
    fn closures_follow_bases_and_structure_not_navigation() {
        let gates = Gates::new(&sample(), &Selection::default(), true);
        // users needs user, message, entity, identity; groups needs group, entity.
        assert_eq!(gates.type_cfg(IDENTITY), when(&["v1_0-users"]));
        assert_eq!(gates.type_cfg(GROUP), when(&["v1_0-groups"]));
        assert_eq!(gates.type_cfg(ENTITY), when(&["v1_0-core"]), "two of three areas need it");
        assert_eq!(gates.type_cfg(ORPHAN), when(&["v1_0"]));
        // user.group is a navigation: present only when groups is on.
        assert_eq!(gates.dependent_cfg(USER, Some(GROUP)), when(&["v1_0-groups"]));
        assert_eq!(gates.dependent_cfg(USER, Some(IDENTITY)), Cfg::Always);
        assert_eq!(gates.dependent_cfg(USER, Some(ENTITY)), Cfg::Always);
        assert_eq!(gates.dependent_cfg(USER, None), Cfg::Always);
        assert_eq!(gates.dependent_cfg(ORPHAN, Some(USER)), Cfg::Always, "the version enables every area");
        assert_eq!(gates.dependent_cfg(USER, Some(ORPHAN)), when(&["v1_0"]));
        assert_eq!(gates.area_cfg(0), when(&["v1_0-groups"]));
        assert_eq!(gates.version_cfg(), when(&["v1_0-core"]));
    }

    #[test]
    fn shared_types_list_every_area_that_needs_them() {
        let mut m = sample();
        for (id, path) in [("a", "/a"), ("b", "/b"), ("c", "/c")] {
            m.operations.push(op(id, &[path], None));
        }
        let gates = Gates::new(&m, &Selection::default(), true);
        assert_eq!(gates.type_cfg(ENTITY), when(&["v1_0-groups", "v1_0-users"]));
    }

    #[test]
    fn cargo_features_enable_core_and_the_version_everything() {
        let gates = Gates::new(&sample(), &Selection::default(), true);
        let alone: Vec<usize> = (0..gates.areas.len()).map(|a| gates.types_with(a)).collect();
        assert_eq!(alone, [2, 1, 4], "groups: group and entity; me: entity; users: user, message, identity, entity");
        let features = gates.cargo_features();
        assert_eq!(features[0].0, "v1_0");
        assert_eq!(features[0].1, ["v1_0-core", "v1_0-groups", "v1_0-me", "v1_0-users"]);
        assert!(features[1..].iter().all(|(name, on)| name == "v1_0-core" || on == &["v1_0-core"]));
    }

    #[test]
    fn a_fixed_selection_keeps_its_closure_only() {
        let selection = Selection { areas: vec!["groups".into()], paths: Vec::new() };
        let gates = Gates::new(&sample(), &selection, false);
        assert_eq!(gates.areas.len(), 1);
        assert_eq!(gates.type_cfg(GROUP), Cfg::Always);
        assert_eq!(gates.type_cfg(ENTITY), Cfg::Always);
        for t in [IDENTITY, USER, ORPHAN] {
            assert_eq!(gates.type_cfg(t), Cfg::Omit);
        }
        let everything = Gates::new(&sample(), &Selection::default(), false);
        assert!((0..6).all(|t| everything.type_cfg(t) == Cfg::Always));
        assert_eq!(everything.dependent_cfg(USER, Some(GROUP)), Cfg::Always);
    }

    #[test]
    fn path_prefixes_select_operations_at_segment_boundaries() {
        let selection = Selection { areas: Vec::new(), paths: vec!["/users/{id}/messages/".into()] };
        let gates = Gates::new(&sample(), &selection, false);
        assert_eq!(gates.areas.len(), 1);
        assert_eq!(gates.areas[0].operations, [1]);
        assert_eq!(gates.type_cfg(USER), Cfg::Omit);
        assert!(under("/users", "/users") && under("/users/{id}", "/Users") && under("/users(x)", "/users"));
        assert!(!under("/usersX", "/users") && !under("/us", "/users"));
        let by_segment = Selection { areas: vec!["Groups".into()], paths: Vec::new() };
        assert_eq!(Gates::new(&sample(), &by_segment, false).areas[0].name, "groups");
        // The docs' own spellings of a path: named keys, alternatives, `/me`.
        assert!(under("/users/{id}/sendMail", "/users/{id | userPrincipalName}/sendMail"));
        assert!(under("/me/messages/{id}", "/users/{user-id}/messages"));
        assert!(!under("/users/{id}/events", "/users/{user-id}/messages"));
        let wrong =
            Selection { areas: vec!["users".into(), "mail".into(), "grops".into()], paths: vec!["/user".into()] };
        let said = wrong.unmatched(&[&sample()]);
        assert!(said[0].starts_with("area `mail`") && said[0].contains("areas --docs DIR"), "{said:?}");
        assert!(said[1].starts_with("area `grops`; did you mean groups"), "{said:?}");
        assert_eq!(said[2], "path `/user`");
    }
}
