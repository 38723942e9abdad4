//! The tree of requests of one version, as data: a node per place a URL can reach (`/users`,
//! `/users/{id}`, `/users/{id}/events`), each with the steps that lead on from it (a segment,
//! a key, a function with its arguments, an item path) and the requests it answers (`get`,
//! `list`, `create`, `update`, `delete`, `put`, `post`). `/me` reaches the node of
//! `/users/{id}`, and an item of a repeating collection (`childFolders/{id}/.../`) the node of
//! the item before it, so every path to one kind of item gives the same methods.
//!
//! A node lives in the module of its path's first segment (`/me` being `users`), whatever
//! the areas (cargo features) of the operations it answers: it is compiled when one of them
//! is on, and each of its methods when its own operation's area is. A node is named after
//! its steps: a segment in upper camel case, a collection's item in the singular
//! (`UserEvent` for `/users/{id}/events/{id}`), a cast as `As…`, leaving out the first
//! segment the module is named after where it is not a collection (`DeviceConfigurations`
//! in `device_management`).

use super::layout::VersionLayout;
use super::names::{self, Scope};
use crate::ir::{Operation, RequestBody, Step};
use crate::resolve::routes::{self, Repeats};
use rustc_hash::FxHashMap;

/// A step from one node to the next: the method that takes it and what it writes in the URL.
pub struct Edge {
    pub method: String,
    /// As the first route that takes it writes it (names keep the docs' case).
    pub step: Step,
    pub target: usize,
    /// The operation whose route first took it: its path parameters type the arguments.
    pub operation: usize,
}

/// A request a node answers: the operation and the method that builds it.
pub struct Verb {
    pub method: String,
    pub operation: usize,
    /// The struct of the operation's parameters, when it is an action with a body.
    pub body: Option<String>,
}

pub struct Node {
    /// Index into the tree's files: the module the node lives in.
    pub file: usize,
    /// The node before it (none at the root) and the step from there.
    pub parent: (Option<usize>, Step),
    pub name: String,
    pub edges: Vec<Edge>,
    pub verbs: Vec<Verb>,
    /// The areas of the operations this node or a node after it answers, sorted: the node
    /// is compiled when one of them is on.
    pub areas: Vec<usize>,
}

/// A module of `endpoints`: the nodes under one first segment.
pub struct File {
    pub module: String,
    /// The first segment as the first route spells it.
    pub segment: String,
    /// Its nodes, in the order they were made (a node after the node before it).
    pub nodes: Vec<usize>,
    /// The areas of its nodes' operations, sorted.
    pub areas: Vec<usize>,
}

/// A step from `Graph`, the root: `users()`, `me()`.
pub struct Root {
    pub method: String,
    pub step: Step,
    pub target: usize,
}

pub struct Tree {
    pub nodes: Vec<Node>,
    pub roots: Vec<Root>,
    pub files: Vec<File>,
    /// The area of each selected operation, by operation index.
    pub area_of: FxHashMap<usize, usize>,
}

/// What a segment is called in a name: casts by the type (`AsUser`, `as_user`), `$count`,
/// `$value`, `$ref` without the `$`, functions without their parentheses.
fn segment_words(segment: &str) -> String {
    let bare = segment.trim_end_matches("()").trim_start_matches('$');
    match bare.rsplit_once('.') {
        Some((_, cast)) => format!("as_{cast}"),
        None if bare == "ref" => "reference".to_string(),
        None => bare.to_string(),
    }
}

/// The method that takes a step.
fn step_method(step: &Step) -> String {
    match step {
        Step::Segment(segment) => names::field_name(&segment_words(segment)),
        Step::Key(_) => "item".to_string(),
        Step::ItemPath(_) => "by_path".to_string(),
        Step::Function { name, .. } => names::field_name(name),
        Step::Repeat => String::new(),
    }
}

/// The part of a node's name its last step gives.
fn step_name(step: &Step) -> String {
    match step {
        Step::Segment(segment) => names::upper_camel(&segment_words(segment)),
        Step::Key(_) => "Item".to_string(),
        Step::ItemPath(_) => "ByPath".to_string(),
        Step::Function { name, .. } => names::upper_camel(name),
        Step::Repeat => String::new(),
    }
}

/// Whether two steps are one (names as Graph reads them: case ignored; `me` is not `users`).
fn same_step(a: &Step, b: &Step) -> bool {
    match (a, b) {
        (Step::Segment(a), Step::Segment(b)) => a.eq_ignore_ascii_case(b),
        (Step::Function { name: a, arguments: x }, Step::Function { name: b, arguments: y }) => {
            a.eq_ignore_ascii_case(b)
                && x.len() == y.len()
                && x.iter().zip(y).all(|(x, y)| x.0.eq_ignore_ascii_case(&y.0))
        }
        _ => std::mem::discriminant(a) == std::mem::discriminant(b),
    }
}

/// Of two spellings of one segment, the one that shows its words (`calendarGroups` over
/// `calendargroups`): the method is named from it.
fn keep_better_spelling(kept: &mut Step, other: &Step) {
    let humps = |step: &Step| match step {
        Step::Segment(s) | Step::Function { name: s, .. } => s.chars().filter(char::is_ascii_uppercase).count(),
        _ => 0,
    };
    if humps(other) > humps(kept) {
        *kept = other.clone();
    }
}

/// `Users` → `User`, `Policies` → `Policy`; None when the word does not read as a plural.
fn singular(name: &str) -> Option<String> {
    if let Some(stem) = name.strip_suffix("ies") {
        return Some(format!("{stem}y"));
    }
    if name.ends_with("ss") || name.ends_with("us") {
        return None;
    }
    name.strip_suffix('s').filter(|stem| !stem.is_empty()).map(str::to_string)
}

/// The verb a request gets on its node: by the HTTP method, and for `GET` and `POST` by
/// whether the node is a collection.
fn verb_method(op: &Operation, collection: bool) -> &'static str {
    match op.method.as_str() {
        "GET" if op.response.as_ref().is_some_and(|r| r.collection) => "list",
        "GET" => "get",
        "POST" if collection => "create",
        "POST" => "post",
        "PATCH" => "update",
        "PUT" => "put",
        "DELETE" => "delete",
        _ => "send",
    }
}

fn has_parameters(op: &Operation) -> bool {
    matches!(&op.request_body, Some(RequestBody::Parameters { parameters }) if !parameters.is_empty())
}

/// The nodes under construction, found by their request keys.
struct Building {
    nodes: Vec<Node>,
    by_key: FxHashMap<Vec<Step>, usize>,
    files: Vec<File>,
    file_of: FxHashMap<String, usize>,
}

impl Building {
    fn node(&mut self, key: Vec<Step>, file: usize, parent: Option<usize>, step: &Step) -> usize {
        if let Some(&n) = self.by_key.get(&key) {
            return n;
        }
        let n = self.nodes.len();
        let node = Node {
            file,
            parent: (parent, step.clone()),
            name: String::new(),
            edges: Vec::new(),
            verbs: Vec::new(),
            areas: Vec::new(),
        };
        self.nodes.push(node);
        self.by_key.insert(key, n);
        self.files[file].nodes.push(n);
        n
    }

    /// The file of a route's first segment, `/me` being `users`.
    fn file(&mut self, first: &str) -> usize {
        let key = if first.eq_ignore_ascii_case("me") { "users".to_string() } else { first.to_ascii_lowercase() };
        let segment = if first.eq_ignore_ascii_case("me") { "users" } else { first };
        let files = &mut self.files;
        *self.file_of.entry(key).or_insert_with(|| {
            files.push(File {
                module: String::new(),
                segment: segment.to_string(),
                nodes: Vec::new(),
                areas: Vec::new(),
            });
            files.len() - 1
        })
    }
}

/// The tree of the layout's selected operations, and the area of each.
pub fn build(layout: &VersionLayout) -> Tree {
    let ops = &layout.model.operations;
    let area_of: FxHashMap<usize, usize> = layout
        .gates
        .areas
        .iter()
        .enumerate()
        .flat_map(|(a, area)| area.operations.iter().map(move |&i| (i, a)))
        .collect();
    let mut selected: Vec<usize> = area_of.keys().copied().collect();
    selected.sort_unstable();
    let repeats: Repeats = routes::repeats(ops.iter().flat_map(|op| op.routes.iter().map(|r| r.steps.as_slice())));
    let mut building =
        Building { nodes: Vec::new(), by_key: FxHashMap::default(), files: Vec::new(), file_of: FxHashMap::default() };
    let mut roots: Vec<Root> = Vec::new();
    let mut verbs: Vec<(usize, usize)> = Vec::new();
    for &i in &selected {
        for route in &ops[i].routes {
            let Some(Step::Segment(first)) = route.steps.first() else { continue };
            let file = building.file(first);
            let mut at: Option<usize> = None;
            for (s, step) in route.steps.iter().enumerate() {
                if *step == Step::Repeat {
                    continue;
                }
                let key = routes::request_key(&route.steps[..=s], &repeats);
                let node = building.node(key, file, at, step);
                let method = step_method(step);
                match at {
                    None => match roots.iter_mut().find(|r| r.target == node && same_step(&r.step, step)) {
                        Some(root) => keep_better_spelling(&mut root.step, step),
                        None => roots.push(Root { method, step: step.clone(), target: node }),
                    },
                    Some(parent) => {
                        let edges = &mut building.nodes[parent].edges;
                        match edges.iter_mut().find(|e| e.target == node && same_step(&e.step, step)) {
                            Some(edge) => keep_better_spelling(&mut edge.step, step),
                            None => edges.push(Edge {
                                method: String::new(),
                                step: step.clone(),
                                target: node,
                                operation: i,
                            }),
                        }
                    }
                }
                at = Some(node);
            }
            if let Some(node) = at {
                verbs.push((node, i));
            }
        }
    }
    let Building { mut nodes, mut files, .. } = building;
    name_nodes(&mut nodes);
    name_files(&mut files);
    let mut scopes: Vec<Scope> = (0..nodes.len()).map(|_| Scope::default()).collect();
    let mut bodies: FxHashMap<usize, Scope> = FxHashMap::default();
    for (node, i) in verbs {
        let op = &ops[i];
        // One request per method and node: the first operation keeps it (`resolve` gave
        // each request to one operation; a repeated collection can still bring two).
        if nodes[node].verbs.iter().any(|v| ops[v.operation].method == op.method) {
            continue;
        }
        let collection = nodes[node].edges.iter().any(|e| matches!(e.step, Step::Key(_)));
        let method = scopes[node].claim(verb_method(op, collection).to_string());
        let body = has_parameters(op).then(|| {
            let names = bodies.entry(nodes[node].file).or_insert_with(|| taken_names(&nodes, &files[nodes[node].file]));
            names.claim(format!("{}Body", nodes[node].name))
        });
        nodes[node].verbs.push(Verb { method, operation: i, body });
    }
    name_edges(&mut nodes, &mut scopes);
    spread_areas(&mut nodes, &mut files, &area_of);
    Tree { nodes, roots, files, area_of }
}

/// The names a file's nodes take, for naming more items there.
fn taken_names(nodes: &[Node], file: &File) -> Scope {
    let names: Vec<&str> = file.nodes.iter().map(|&n| nodes[n].name.as_str()).collect();
    Scope::with_reserved(&names)
}

/// Steps are named after the verbs, so that a verb keeps its plain name.
fn name_edges(nodes: &mut [Node], scopes: &mut [Scope]) {
    for (n, node) in nodes.iter_mut().enumerate() {
        // Plain steps first: a function called with arguments gives way to the segment of
        // the same name (`range()` and `range(address='…')`), and tells itself apart by its
        // arguments (`range_with_address`).
        let (plain, called): (Vec<&mut Edge>, Vec<&mut Edge>) =
            node.edges.iter_mut().partition(|e| !matches!(e.step, Step::Function { .. }));
        for edge in plain.into_iter().chain(called) {
            let name = step_method(&edge.step);
            let wanted = match &edge.step {
                Step::Function { arguments, .. } if scopes[n].is_taken(&name) => {
                    let words: Vec<&str> = arguments.iter().map(|(a, _)| a.as_str()).collect();
                    names::field_name(&format!("{name}_with_{}", words.join("_")))
                }
                _ => name,
            };
            edge.method = scopes[n].claim(wanted);
        }
    }
}

/// Each node's areas: its own verbs' and those of every node after it; each file's: its
/// nodes'. Children come after their parents, so one pass from the last node up does it.
fn spread_areas(nodes: &mut [Node], files: &mut [File], area_of: &FxHashMap<usize, usize>) {
    for node in nodes.iter_mut() {
        node.areas = node.verbs.iter().filter_map(|v| area_of.get(&v.operation).copied()).collect();
    }
    for n in (0..nodes.len()).rev() {
        nodes[n].areas.sort_unstable();
        nodes[n].areas.dedup();
        if let Some(parent) = nodes[n].parent.0 {
            let areas = nodes[n].areas.clone();
            nodes[parent].areas.extend(areas);
        }
    }
    for file in files.iter_mut() {
        file.areas = file.nodes.iter().flat_map(|&n| nodes[n].areas.iter().copied()).collect();
        file.areas.sort_unstable();
        file.areas.dedup();
    }
}

/// Module names of the files, after their first segment, unique.
fn name_files(files: &mut [File]) {
    let mut scope = Scope::default();
    for file in files {
        file.module = scope.claim(names::module_name(&segment_words(&file.segment)));
    }
}

/// Names every node after its steps, unique within its module.
fn name_nodes(nodes: &mut [Node]) {
    let mut scopes: FxHashMap<usize, Scope> = FxHashMap::default();
    // Parents come before their children: a node is made after the node before it.
    for n in 0..nodes.len() {
        let (parent, step) = nodes[n].parent.clone();
        // The module is named after the first segment: below a first segment that is not a
        // collection (`/deviceManagement/…`), names leave it out.
        let under_module_root = parent.is_some_and(|p| {
            nodes[p].parent.0.is_none()
                && !matches!(&nodes[p].parent.1, Step::Segment(s) if s.eq_ignore_ascii_case("me"))
        }) && !matches!(step, Step::Key(_));
        let parent_name = match parent {
            Some(p) if !under_module_root => nodes[p].name.clone(),
            _ => String::new(),
        };
        let spelled = format!("{parent_name}{}", step_name(&step));
        let wanted = match (&step, parent) {
            (Step::Segment(s), None) if s.eq_ignore_ascii_case("me") => "User".to_string(),
            (Step::Key(_), Some(p)) => {
                let collection = step_name(&nodes[p].parent.1);
                let stem = parent_name.strip_suffix(&collection).unwrap_or(&parent_name);
                singular(&collection).map_or_else(|| format!("{parent_name}Item"), |one| format!("{stem}{one}"))
            }
            _ => spelled.clone(),
        };
        let scope = scopes.entry(nodes[n].file).or_insert_with(|| Scope::with_reserved(&["Graph"]));
        // A singular that another node already has falls back to the spelled-out name; a
        // function called with arguments, to its name with its arguments.
        let spelled = match &step {
            Step::Function { arguments, .. } if scope.is_taken(&spelled) => {
                let words: Vec<String> = arguments.iter().map(|(a, _)| names::upper_camel(a)).collect();
                format!("{spelled}With{}", words.concat())
            }
            _ => spelled,
        };
        let name = if scope.is_taken(&wanted) { spelled.clone() } else { wanted };
        let name = if name == spelled || !scope.is_taken(&name) { name } else { spelled };
        nodes[n].name = scope.claim(names::type_name(&name));
    }
}

impl Tree {
    /// The URL a node's requests go to, with `x` for each value a step takes: what the
    /// generated code writes besides the caller's values.
    pub fn url(&self, n: usize) -> String {
        let (parent, step) = &self.nodes[n].parent;
        let mut url = parent.map(|p| self.url(p)).unwrap_or_default();
        match step {
            Step::Segment(segment) => url = format!("{url}/{segment}"),
            Step::Key(_) => url.push_str("/x"),
            Step::ItemPath(_) => url.push_str(":/x:"),
            Step::Function { name, arguments } => {
                let written: Vec<String> = arguments
                    .iter()
                    .map(|(a, quoted)| if *quoted { format!("{a}='x'") } else { format!("{a}=x") })
                    .collect();
                url = format!("{url}/{name}({})", written.join(","));
            }
            Step::Repeat => {}
        }
        url
    }
}
