//! Where each type of one version lands: its module, its Rust name, whether it needs a
//! polymorphic wrapper, and which of its fields must be boxed to break cycles.

use super::areas::{operation_types, Gates, Selection};
use super::names::{self, Scope};
use crate::ir::{is_edm, Model, TypeDef, TypeKind};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

pub const ROOT_NAMESPACE: &str = "microsoft.graph";

pub struct ModuleInfo {
    /// None for the version's root module (`microsoft.graph`).
    pub name: Option<String>,
    pub namespace: String,
    /// Indices into `model.types`, sorted by name.
    pub types: Vec<usize>,
}

pub struct VersionLayout<'a> {
    pub model: &'a Model,
    pub modules: Vec<ModuleInfo>,
    pub module_of: Vec<usize>,
    pub ident: Vec<String>,
    /// Types with derived types that some property, body or response refers to get an
    /// `Any…` enum.
    pub any_ident: FxHashMap<usize, String>,
    /// All derived types, transitively, sorted by name.
    pub descendants: Vec<Vec<usize>>,
    pub base: Vec<Option<usize>>,
    /// The selected areas and when each type is compiled.
    pub gates: Gates,
    /// Strongly connected component of each type, over fields stored inline.
    scc: Vec<usize>,
    by_name: FxHashMap<&'a str, usize>,
}

fn namespace_of(name: &str) -> &str {
    name.rsplit_once('.').map_or("", |(ns, _)| ns)
}

impl<'a> VersionLayout<'a> {
    /// Everything, without conditions.
    pub fn new(model: &'a Model) -> Self {
        Self::with_gates(model, Gates::new(model, &Selection::default(), false))
    }

    pub fn with_gates(model: &'a Model, gates: Gates) -> Self {
        let types = &model.types;
        let by_name: FxHashMap<&str, usize> = types.iter().enumerate().map(|(i, t)| (t.name.as_str(), i)).collect();

        let mut grouped: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, t) in types.iter().enumerate() {
            grouped.entry(namespace_of(&t.name).to_string()).or_default().push(i);
        }
        grouped.entry(ROOT_NAMESPACE.to_string()).or_default();
        // `rt` is the alias every module gives the runtime; `endpoints` holds the stubs.
        let mut module_scope = Scope::with_reserved(&["runtime", "rt", "endpoints"]);
        let mut modules: Vec<ModuleInfo> = Vec::new();
        // The root namespace first, then the others by name.
        let (root, rest): (Vec<_>, Vec<_>) = grouped.into_iter().partition(|(ns, _)| ns == ROOT_NAMESPACE);
        for (namespace, members) in root.into_iter().chain(rest) {
            let name = (namespace != ROOT_NAMESPACE).then(|| {
                let tail = namespace.strip_prefix("microsoft.graph.").unwrap_or(&namespace);
                module_scope.claim(names::module_name(tail))
            });
            modules.push(ModuleInfo { name, namespace, types: members });
        }
        let mut module_of = vec![0; types.len()];
        let mut ident = vec![String::new(); types.len()];
        let mut scopes: Vec<Scope> = modules.iter().map(|_| Scope::default()).collect();
        for (m, module) in modules.iter().enumerate() {
            for &t in &module.types {
                module_of[t] = m;
                ident[t] = scopes[m].claim(names::type_name(types[t].name.rsplit('.').next().unwrap_or("")));
            }
        }

        let base: Vec<Option<usize>> =
            types.iter().map(|t| t.base.as_deref().and_then(|b| by_name.get(b).copied())).collect();
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); types.len()];
        for (i, b) in base.iter().enumerate() {
            if let Some(b) = b {
                children[*b].push(i);
            }
        }
        let descendants: Vec<Vec<usize>> = (0..types.len())
            .map(|i| {
                let mut all = Vec::new();
                let mut stack = children[i].clone();
                while let Some(c) = stack.pop() {
                    all.push(c);
                    stack.extend(&children[c]);
                }
                all.sort_by(|a, b| types[*a].name.cmp(&types[*b].name));
                all
            })
            .collect();

        let mut any_ident = FxHashMap::default();
        let properties = types.iter().flat_map(|t| t.properties.iter()).map(|p| p.ty.as_str());
        let referenced = properties.chain(model.operations.iter().flat_map(operation_types));
        let mut wanted: Vec<usize> = referenced
            .filter_map(|name| by_name.get(name).copied())
            .filter(|&t| !descendants[t].is_empty() && types[t].kind != TypeKind::Enum)
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        for t in wanted {
            any_ident.insert(t, scopes[module_of[t]].claim(format!("Any{}", ident[t])));
        }

        let mut layout = VersionLayout {
            model,
            modules,
            module_of,
            ident,
            any_ident,
            descendants,
            base,
            gates,
            scc: Vec::new(),
            by_name,
        };
        layout.scc = layout.inline_components();
        layout
    }

    pub fn type_index(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }

    pub fn def(&self, t: usize) -> &TypeDef {
        &self.model.types[t]
    }

    /// The type and its ancestors, base-most first.
    pub fn lineage(&self, t: usize) -> Vec<usize> {
        let mut chain: Vec<usize> = std::iter::successors(Some(t), |&c| self.base[c]).take(self.base.len()).collect();
        chain.reverse();
        chain
    }

    /// A property stored inline (not in a `Vec`, not through an `Any…` enum) of a struct type.
    fn inline_target(&self, ty: &str, collection: bool) -> Option<usize> {
        if collection || is_edm(ty) {
            return None;
        }
        let t = self.type_index(ty)?;
        (self.def(t).kind != TypeKind::Enum && !self.any_ident.contains_key(&t) && !self.is_untyped(t)).then_some(t)
    }

    fn inline_components(&self) -> Vec<usize> {
        let mut graph = petgraph::graph::DiGraph::<(), ()>::with_capacity(self.model.types.len(), 0);
        let nodes: Vec<_> = (0..self.model.types.len()).map(|_| graph.add_node(())).collect();
        for t in 0..self.model.types.len() {
            for owner in self.lineage(t) {
                for p in &self.def(owner).properties {
                    if let Some(target) = self.inline_target(&p.ty, p.collection) {
                        graph.add_edge(nodes[t], nodes[target], ());
                    }
                }
            }
        }
        let mut scc = vec![0; nodes.len()];
        for (id, component) in petgraph::algo::tarjan_scc(&graph).into_iter().enumerate() {
            for node in component {
                scc[node.index()] = id;
            }
        }
        scc
    }

    /// A complex type the docs give no properties, no base and no derived types can hold
    /// any JSON (`Json` holds arrays and numbers too): it is an alias of the JSON value.
    pub fn is_untyped(&self, t: usize) -> bool {
        let def = self.def(t);
        def.kind == TypeKind::Complex
            && def.properties.is_empty()
            && self.base[t].is_none()
            && self.descendants[t].is_empty()
            && !def.is_abstract
    }

    /// A field of `owner` of this type must be boxed: the two contain each other.
    pub fn needs_box(&self, owner: usize, ty: &str, collection: bool) -> bool {
        self.inline_target(ty, collection).is_some_and(|target| self.scc[target] == self.scc[owner])
    }
}
