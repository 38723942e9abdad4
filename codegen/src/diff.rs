//! What changed between two models, for users of the generated Rust code: each change is
//! classed by what it does to code that compiled against the old generated crate, and the
//! whole diff gets a semver verdict. Library only: the renderers return strings.
//!
//! The classes follow what `emit` makes of the model and one stated contract:
//! - Structs are built with `..Default::default()` and matched with `..`. Every struct
//!   derives `Default` and every docs property is an `Option` field, so this always works;
//!   the structs are not `#[non_exhaustive]` (that would forbid struct literals altogether),
//!   so code that names every field breaks on a new field, and the contract excludes it.
//!   Under it a new field is additive; a removed or retyped field breaks.
//! - String enums are `#[non_exhaustive]` with an `UnknownValue` variant: a new member is
//!   additive, a removed or renamed variant breaks.
//! - `Any…` enums (a type with derived types, read by `@odata.type`) are exhaustive: a new
//!   derived type adds a variant to them and breaks an exhaustive `match`.
//! - Each operation is a builder named from its id, in a module named from the first
//!   segment of its first path, with one constructor per path (path parameters as
//!   positional arguments, then the body), one setter per query option and per request
//!   header, and the body and response types in its `rt::Request<Body, Response>`.
//! - Descriptions and permissions reach doc comments only: not reported.
//!
//! Rust names are computed with `emit::names` one item at a time; the `2`, `3` suffixes
//! that break collisions inside one scope are not replayed (`API.txt` shows those).

use crate::emit::{names, VersionLayout};
use crate::ir::{Model, Operation, Property, RequestBody, Response, TypeDef, TypeKind};
use crate::scan::Scan;
use serde::{Serialize, Serializer};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write;

/// What a change does to code written against the old generated crate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Class {
    /// Such code may stop compiling or change meaning: a major version.
    Breaking,
    /// New items only: a minor version.
    Additive,
    /// Same Rust API; what goes over the wire or into the docs may differ: a patch.
    Patch,
}

impl Class {
    pub const ALL: [Class; 3] = [Class::Breaking, Class::Additive, Class::Patch];

    pub fn id(self) -> &'static str {
        match self {
            Class::Breaking => "breaking",
            Class::Additive => "additive",
            Class::Patch => "patch",
        }
    }

    fn verdict(self) -> Verdict {
        match self {
            Class::Breaking => Verdict::Major,
            Class::Additive => Verdict::Minor,
            Class::Patch => Verdict::Patch,
        }
    }
}

/// The semver bump a diff calls for; ordered from none to major.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    None,
    Patch,
    Minor,
    Major,
}

impl Verdict {
    pub fn id(self) -> &'static str {
        match self {
            Verdict::None => "none",
            Verdict::Patch => "patch",
            Verdict::Minor => "minor",
            Verdict::Major => "major",
        }
    }
}

/// Declares the change kinds with their stable ids, in report order.
macro_rules! kinds {
    ($($(#[$doc:meta])* $kind:ident = $id:literal,)*) => {
        /// The kind of a change. Each doc says which class it gets and why.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum ChangeKind {
            $($(#[$doc])* $kind,)*
        }

        impl ChangeKind {
            pub const ALL: &'static [ChangeKind] = &[$(ChangeKind::$kind,)*];

            /// The stable kebab-case id used in both renderings.
            pub fn id(self) -> &'static str {
                match self {
                    $(ChangeKind::$kind => $id,)*
                }
            }
        }
    };
}

kinds! {
    /// Additive: a new struct or enum. Breaking when the type derives from one that
    /// already had an `Any…` enum: that exhaustive enum gains a variant.
    TypeAdded = "type-added",
    /// Breaking: the item and every use of it go.
    TypeRemoved = "type-removed",
    /// Breaking when the Rust name or module changes; patch when only the wire name
    /// (`@odata.type`) changes, as with `identitySet` → `IdentitySet`.
    TypeCaseRename = "type-case-rename",
    /// Breaking between an enum and a struct; patch between entity and complex, which
    /// both become structs (a change of representation is reported on its own).
    TypeKindChanged = "type-kind-changed",
    /// Breaking: the inherited fields change, and so do the `Any…` enums it belongs to.
    TypeBaseChanged = "type-base-changed",
    /// Patch: no generated item depends on it directly (a change of representation is
    /// reported on its own).
    TypeAbstractChanged = "type-abstract-changed",
    /// Additive when a type becomes open (an `additional_properties` map field is added,
    /// and it defaults like the others); breaking when that field goes.
    TypeOpenChanged = "type-open-changed",
    /// Breaking: a struct becomes an alias of the JSON value or back, as a type gains its
    /// first property or loses its last.
    TypeRepresentationChanged = "type-representation-changed",
    /// Breaking: the type gains or loses its `Any…` enum, and the fields, bodies and
    /// responses declared with it change type between `T` and `AnyT`.
    TypePolymorphicChanged = "type-polymorphic-changed",
    /// Additive: a new `Option` field (see the struct contract above).
    PropertyAdded = "property-added",
    /// Breaking: the field goes.
    PropertyRemoved = "property-removed",
    /// Patch: the property now comes from another type of the lineage, and the struct
    /// keeps its field; breaking if its type changed on the way.
    PropertyMoved = "property-moved",
    /// Breaking when the Rust field name changes (`displayname` → `display_name`); patch
    /// when only its JSON name does.
    PropertyCaseRename = "property-case-rename",
    /// Breaking: the field's type changes. Patch when only the case of a type name
    /// changed and the Rust type is the same.
    PropertyTypeChanged = "property-type-changed",
    /// Breaking: the field's type changes between `T` and `Vec<T>`.
    PropertyCollectionChanged = "property-collection-changed",
    /// Patch: every field is an `Option` whatever the docs say.
    PropertyNullabilityChanged = "property-nullability-changed",
    /// Patch: structural and navigation properties become the same kind of field.
    PropertyNavigationChanged = "property-navigation-changed",
    /// Additive: the enum is `#[non_exhaustive]`; the value was read as `UnknownValue`.
    MemberAdded = "member-added",
    /// Breaking: the variant goes.
    MemberRemoved = "member-removed",
    /// Breaking when the variant name changes; patch when only the wire value does.
    MemberCaseRename = "member-case-rename",
    /// Additive: a new function.
    OperationAdded = "operation-added",
    /// Breaking: the function goes.
    OperationRemoved = "operation-removed",
    /// Breaking: found by method and path, but the builder and functions are named from the id.
    OperationIdChanged = "operation-id-changed",
    /// Breaking: the function sends a different request.
    OperationMethodChanged = "operation-method-changed",
    /// Additive: one more constructor function.
    OperationPathAdded = "operation-path-added",
    /// Breaking: a constructor function goes.
    OperationPathRemoved = "operation-path-removed",
    /// The same path in other spelling, which Graph accepts alike. Patch when only
    /// placeholder names differ (path parameters are positional arguments). Breaking when
    /// letters change case: function and module names are made from a path's words. That
    /// is conservative: the main path's function is named from the operation id alone.
    OperationPathRespelled = "operation-path-respelled",
    /// Breaking: a constructor argument changes type.
    PathParameterTypeChanged = "path-parameter-type-changed",
    /// Breaking: the request's response type changes (a 204 response has none).
    OperationResponseTypeChanged = "operation-response-type-changed",
    /// Breaking: the response type changes between `T` and `rt::Page<T>`.
    OperationResponseCollectionChanged = "operation-response-collection-changed",
    /// Patch: the status reaches no type, except 204 which drops the response type, and
    /// that is reported as a response type change.
    OperationResponseStatusChanged = "operation-response-status-changed",
    /// Breaking: the body argument changes type, appears or goes.
    OperationRequestBodyChanged = "operation-request-body-changed",
    /// Additive: a new `Option` field of the body parameters struct.
    BodyParameterAdded = "body-parameter-added",
    /// Breaking: a field of the body parameters struct goes.
    BodyParameterRemoved = "body-parameter-removed",
    /// Additive: a new setter on the builder.
    QueryOptionAdded = "query-option-added",
    /// Breaking: a setter goes.
    QueryOptionRemoved = "query-option-removed",
    /// Additive: a new setter on the builder (headers a transport sets are left out).
    RequestHeaderAdded = "request-header-added",
    /// Breaking: a setter goes.
    RequestHeaderRemoved = "request-header-removed",
}

impl Serialize for ChangeKind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

/// One change. Subjects: `microsoft.graph.user` (type), `microsoft.graph.user/displayName`
/// (property), `microsoft.graph.riskLevel/high` (member), `user-get` (operation id).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Change {
    pub class: Class,
    pub kind: ChangeKind,
    pub subject: String,
    pub old: Option<String>,
    pub new: Option<String>,
    /// Why the class differs from the kind's usual one, when it does.
    pub note: Option<String>,
}

/// The changes from one model to another, sorted by class, kind, subject and values.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ApiDiff {
    pub old_version: String,
    pub new_version: String,
    pub verdict: Verdict,
    pub changes: Vec<Change>,
}

/// Changes of one kind, per class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub breaking: usize,
    pub additive: usize,
    pub patch: usize,
}

impl Counts {
    fn add(&mut self, class: Class) {
        match class {
            Class::Breaking => self.breaking += 1,
            Class::Additive => self.additive += 1,
            Class::Patch => self.patch += 1,
        }
    }
}

impl ApiDiff {
    /// The kinds present, in report order.
    pub fn counts(&self) -> BTreeMap<ChangeKind, Counts> {
        let mut counts: BTreeMap<ChangeKind, Counts> = BTreeMap::new();
        for c in &self.changes {
            counts.entry(c.kind).or_default().add(c.class);
        }
        counts
    }
}

/// The verdict of several diffs together: the largest.
pub fn verdict(diffs: &[ApiDiff]) -> Verdict {
    diffs.iter().map(|d| d.verdict).max().unwrap_or(Verdict::None)
}

/// Every change from `old` to `new`, classed, with the verdict. Types pair up by name
/// (or by a change of case only), operations by id, then by method and path.
pub fn diff(old: &Model, new: &Model) -> ApiDiff {
    let type_pairs = pair(&old.types, &new.types, |t| &t.name);
    let mut renames = HashMap::new();
    for pair in &type_pairs {
        if let (Some(o), Some(n)) = pair {
            if o.name != n.name {
                renames.insert(o.name.as_str(), n.name.as_str());
            }
        }
    }
    let mut d = Differ {
        old: VersionLayout::new(old),
        new: VersionLayout::new(new),
        back: renames.iter().map(|(o, n)| (*n, *o)).collect(),
        renames,
        changes: Vec::new(),
    };
    for pair in type_pairs {
        match pair {
            (Some(o), Some(n)) => d.changed_type(o, n),
            (Some(o), None) => d.push(ChangeKind::TypeRemoved, Class::Breaking, &o.name, Some(kind_word(o.kind)), None),
            (None, Some(n)) => d.added_type(n),
            (None, None) => {}
        }
    }
    d.operations(&old.operations, &new.operations);
    let mut changes = d.changes;
    changes.sort();
    changes.dedup();
    let verdict = changes.iter().map(|c| c.class.verdict()).max().unwrap_or(Verdict::None);
    ApiDiff { old_version: old.version.clone(), new_version: new.version.clone(), verdict, changes }
}

/// Old and new items matched by name. Names that differ only in case pair up when each is
/// the only one of that spelling left on its side.
fn pair<'a, T>(old: &'a [T], new: &'a [T], name: fn(&T) -> &str) -> Vec<(Option<&'a T>, Option<&'a T>)> {
    let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, n) in new.iter().enumerate().rev() {
        by_name.entry(name(n)).or_default().push(i);
    }
    let mut used = vec![false; new.len()];
    let mut pairs = Vec::new();
    let mut left_old = Vec::new();
    for o in old {
        match by_name.get_mut(name(o)).and_then(Vec::pop) {
            Some(i) => {
                used[i] = true;
                pairs.push((Some(o), Some(&new[i])));
            }
            None => left_old.push(o),
        }
    }
    let left_new: Vec<usize> = (0..new.len()).filter(|&i| !used[i]).collect();
    let mut folded_new: HashMap<String, Vec<usize>> = HashMap::new();
    for &i in &left_new {
        folded_new.entry(name(&new[i]).to_ascii_lowercase()).or_default().push(i);
    }
    let mut folded_old: HashMap<String, usize> = HashMap::new();
    for o in &left_old {
        *folded_old.entry(name(o).to_ascii_lowercase()).or_default() += 1;
    }
    for o in left_old {
        let key = name(o).to_ascii_lowercase();
        match folded_new.get(&key).map(Vec::as_slice) {
            Some(&[i]) if folded_old.get(&key) == Some(&1) => {
                used[i] = true;
                pairs.push((Some(o), Some(&new[i])));
            }
            _ => pairs.push((Some(o), None)),
        }
    }
    pairs.extend(left_new.into_iter().filter(|&i| !used[i]).map(|i| (None, Some(&new[i]))));
    pairs
}

fn kind_word(kind: TypeKind) -> String {
    match kind {
        TypeKind::Entity => "entity",
        TypeKind::Complex => "complex",
        TypeKind::Enum => "enum",
    }
    .to_string()
}

fn collection_of(ty: &str, collection: bool) -> String {
    if collection {
        format!("Collection({ty})")
    } else {
        ty.to_string()
    }
}

fn property_type(p: &Property) -> String {
    collection_of(&p.ty, p.collection)
}

/// A path with placeholders blanked and letters folded: what a request actually depends on.
fn path_shape(path: &str) -> String {
    blanked(path, true)
}

/// A path with placeholders blanked, letters folded or not.
fn blanked(path: &str, fold: bool) -> String {
    let mut out = String::with_capacity(path.len());
    let mut depth = 0usize;
    for c in path.chars() {
        match c {
            '{' => {
                if depth == 0 {
                    out.push_str("{}");
                }
                depth += 1;
            }
            '}' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(if fold { c.to_ascii_lowercase() } else { c }),
            _ => {}
        }
    }
    out
}

struct Differ<'a> {
    old: VersionLayout<'a>,
    new: VersionLayout<'a>,
    /// Old qualified name → new, for the types whose name changed case.
    renames: HashMap<&'a str, &'a str>,
    back: HashMap<&'a str, &'a str>,
    changes: Vec<Change>,
}

impl<'a> Differ<'a> {
    fn push(&mut self, kind: ChangeKind, class: Class, subject: &str, old: Option<String>, new: Option<String>) {
        self.changes.push(Change { class, kind, subject: subject.to_string(), old, new, note: None });
    }

    fn push_note(
        &mut self,
        kind: ChangeKind,
        class: Class,
        subject: &str,
        values: (Option<String>, Option<String>),
        note: String,
    ) {
        let (old, new) = values;
        self.changes.push(Change { class, kind, subject: subject.to_string(), old, new, note: Some(note) });
    }

    /// An old type name as the new model spells it.
    fn renamed<'s>(&self, old: &'s str) -> &'s str
    where
        'a: 's,
    {
        self.renames.get(old).copied().unwrap_or(old)
    }

    fn same_type(&self, old: &str, new: &str) -> bool {
        self.renamed(old) == new
    }

    /// `module::Ident` of a type, as emitted.
    fn rust_path(layout: &VersionLayout, t: usize) -> String {
        match &layout.modules[layout.module_of[t]].name {
            Some(module) => format!("{module}::{}", layout.ident[t]),
            None => layout.ident[t].clone(),
        }
    }

    fn added_type(&mut self, n: &TypeDef) {
        let Some(t) = self.new.type_index(&n.name) else { return };
        // Ancestors that had their `Any…` enum before: each gains a variant for this type.
        let widened: Vec<String> = self
            .new
            .lineage(t)
            .into_iter()
            .filter(|&a| a != t && self.new.any_ident.contains_key(&a))
            .filter(|&a| {
                let name = self.new.def(a).name.as_str();
                let old_name = self.back.get(name).copied().unwrap_or(name);
                self.old.type_index(old_name).is_some_and(|o| self.old.any_ident.contains_key(&o))
            })
            .map(|a| format!("`{}`", self.new.any_ident[&a]))
            .collect();
        let kind = Some(kind_word(n.kind));
        if widened.is_empty() {
            self.push(ChangeKind::TypeAdded, Class::Additive, &n.name, None, kind);
        } else {
            let note = format!("adds a variant to the exhaustive {}", widened.join(", "));
            self.push_note(ChangeKind::TypeAdded, Class::Breaking, &n.name, (None, kind), note);
        }
    }

    fn changed_type(&mut self, o: &'a TypeDef, n: &'a TypeDef) {
        let (Some(ot), Some(nt)) = (self.old.type_index(&o.name), self.new.type_index(&n.name)) else { return };
        let subject = n.name.as_str();
        if o.name != n.name {
            let same_rust = Self::rust_path(&self.old, ot) == Self::rust_path(&self.new, nt);
            let class = if same_rust { Class::Patch } else { Class::Breaking };
            self.push(ChangeKind::TypeCaseRename, class, subject, Some(o.name.clone()), Some(n.name.clone()));
        }
        let enums = (o.kind == TypeKind::Enum, n.kind == TypeKind::Enum);
        if o.kind != n.kind {
            let class = if enums.0 != enums.1 { Class::Breaking } else { Class::Patch };
            self.push(ChangeKind::TypeKindChanged, class, subject, Some(kind_word(o.kind)), Some(kind_word(n.kind)));
        }
        let old_base = o.base.as_deref().map(|b| self.renamed(b));
        if old_base != n.base.as_deref() {
            self.push(ChangeKind::TypeBaseChanged, Class::Breaking, subject, o.base.clone(), n.base.clone());
        }
        if o.is_abstract != n.is_abstract {
            let values = (Some(o.is_abstract.to_string()), Some(n.is_abstract.to_string()));
            self.push(ChangeKind::TypeAbstractChanged, Class::Patch, subject, values.0, values.1);
        }
        if o.open != n.open {
            let class = if n.open { Class::Additive } else { Class::Breaking };
            self.push(ChangeKind::TypeOpenChanged, class, subject, Some(o.open.to_string()), Some(n.open.to_string()));
        }
        match enums {
            (true, true) => self.members(o, n),
            (false, false) => {
                let shape =
                    |layout: &VersionLayout, t| if layout.is_untyped(t) { "alias of the JSON value" } else { "struct" };
                let (was, is) = (shape(&self.old, ot), shape(&self.new, nt));
                if was != is {
                    self.push(
                        ChangeKind::TypeRepresentationChanged,
                        Class::Breaking,
                        subject,
                        Some(was.into()),
                        Some(is.into()),
                    );
                }
                let (was, is) = (self.old.any_ident.get(&ot).cloned(), self.new.any_ident.get(&nt).cloned());
                if was.is_some() != is.is_some() {
                    self.push(ChangeKind::TypePolymorphicChanged, Class::Breaking, subject, was, is);
                }
                self.properties(o, ot, n, nt);
            }
            // The kind change says it all: every field or variant is new.
            _ => {}
        }
    }

    fn members(&mut self, o: &TypeDef, n: &TypeDef) {
        for pair in pair(&o.members, &n.members, |m| &m.name) {
            match pair {
                (Some(om), Some(nm)) if om.name != nm.name => {
                    let subject = format!("{}/{}", n.name, nm.name);
                    let same = names::variant_name(&om.name) == names::variant_name(&nm.name);
                    let class = if same { Class::Patch } else { Class::Breaking };
                    self.push(
                        ChangeKind::MemberCaseRename,
                        class,
                        &subject,
                        Some(om.name.clone()),
                        Some(nm.name.clone()),
                    );
                }
                (Some(om), None) => {
                    let subject = format!("{}/{}", n.name, om.name);
                    self.push(ChangeKind::MemberRemoved, Class::Breaking, &subject, Some(om.name.clone()), None);
                }
                (None, Some(nm)) => {
                    let subject = format!("{}/{}", n.name, nm.name);
                    self.push(ChangeKind::MemberAdded, Class::Additive, &subject, None, Some(nm.name.clone()));
                }
                _ => {}
            }
        }
    }

    /// Where in the lineage of `t`, other than `t` itself, a property of this name is defined.
    fn inherited(layout: &VersionLayout<'a>, t: usize, name: &str) -> Option<(&'a TypeDef, &'a Property)> {
        let model: &'a Model = layout.model;
        layout.lineage(t).into_iter().filter(|&a| a != t).find_map(|a| {
            let def = &model.types[a];
            def.properties.iter().find(|p| p.name == name).map(|p| (def, p))
        })
    }

    fn moved(&mut self, subject: &str, from: &str, to: &str, was: &Property, is: &Property) {
        let same = self.same_type(&was.ty, &is.ty) && was.collection == is.collection;
        let class = if same { Class::Patch } else { Class::Breaking };
        let values = (Some(from.to_string()), Some(to.to_string()));
        if same {
            self.push(ChangeKind::PropertyMoved, class, subject, values.0, values.1);
        } else {
            let note = format!("its type changed from `{}` to `{}`", property_type(was), property_type(is));
            self.push_note(ChangeKind::PropertyMoved, class, subject, values, note);
        }
    }

    fn properties(&mut self, o: &TypeDef, ot: usize, n: &TypeDef, nt: usize) {
        for pair in pair(&o.properties, &n.properties, |p| &p.name) {
            match pair {
                (Some(op), Some(np)) => self.property(&n.name, op, np),
                (Some(op), None) => {
                    let subject = format!("{}/{}", n.name, op.name);
                    match Self::inherited(&self.new, nt, &op.name) {
                        Some((owner, np)) => self.moved(&subject, &o.name, &owner.name, op, np),
                        None => self.push(
                            ChangeKind::PropertyRemoved,
                            Class::Breaking,
                            &subject,
                            Some(property_type(op)),
                            None,
                        ),
                    }
                }
                (None, Some(np)) => {
                    let subject = format!("{}/{}", n.name, np.name);
                    match Self::inherited(&self.old, ot, &np.name) {
                        Some((owner, op)) => self.moved(&subject, &owner.name, &n.name, op, np),
                        None => self.push(
                            ChangeKind::PropertyAdded,
                            Class::Additive,
                            &subject,
                            None,
                            Some(property_type(np)),
                        ),
                    }
                }
                (None, None) => {}
            }
        }
    }

    fn property(&mut self, owner: &str, op: &Property, np: &Property) {
        let subject = format!("{owner}/{}", np.name);
        if op.name != np.name {
            let same = names::field_name(&op.name) == names::field_name(&np.name);
            let class = if same { Class::Patch } else { Class::Breaking };
            self.push(ChangeKind::PropertyCaseRename, class, &subject, Some(op.name.clone()), Some(np.name.clone()));
        }
        if !self.same_type(&op.ty, &np.ty) {
            // A type name that changed case only, to the same Rust name, is no Rust change.
            let tail = |ty: &str| names::type_name(ty.rsplit('.').next().unwrap_or(ty));
            let same_rust = op.ty.eq_ignore_ascii_case(&np.ty) && tail(&op.ty) == tail(&np.ty);
            let class = if same_rust { Class::Patch } else { Class::Breaking };
            self.push(ChangeKind::PropertyTypeChanged, class, &subject, Some(op.ty.clone()), Some(np.ty.clone()));
        }
        if op.collection != np.collection {
            let values = (Some(property_type(op)), Some(property_type(np)));
            self.push(ChangeKind::PropertyCollectionChanged, Class::Breaking, &subject, values.0, values.1);
        }
        if op.nullable != np.nullable {
            let values = (Some(op.nullable.to_string()), Some(np.nullable.to_string()));
            self.push(ChangeKind::PropertyNullabilityChanged, Class::Patch, &subject, values.0, values.1);
        }
        if op.navigation != np.navigation {
            let values = (Some(op.navigation.to_string()), Some(np.navigation.to_string()));
            self.push(ChangeKind::PropertyNavigationChanged, Class::Patch, &subject, values.0, values.1);
        }
    }

    /// Matched by id, then the rest by method and a path of the same shape.
    fn operations(&mut self, old: &'a [Operation], new: &'a [Operation]) {
        let mut by_id: HashMap<&str, usize> = HashMap::new();
        for (i, n) in new.iter().enumerate() {
            by_id.entry(n.id.as_str()).or_insert(i);
        }
        let mut used = vec![false; new.len()];
        let mut left_old = Vec::new();
        let mut pairs = Vec::new();
        for o in old {
            match by_id.get(o.id.as_str()) {
                Some(&i) if !used[i] => {
                    used[i] = true;
                    pairs.push((o, &new[i]));
                }
                _ => left_old.push(o),
            }
        }
        for o in left_old {
            let shapes: BTreeSet<String> = o.paths.iter().map(|p| path_shape(p)).collect();
            let found = (0..new.len()).find(|&i| {
                !used[i] && new[i].method == o.method && new[i].paths.iter().any(|p| shapes.contains(&path_shape(p)))
            });
            match found {
                Some(i) => {
                    used[i] = true;
                    pairs.push((o, &new[i]));
                }
                None => {
                    let value = Some(format!("{} {}", o.method, o.paths.first().map_or("", String::as_str)));
                    self.push(ChangeKind::OperationRemoved, Class::Breaking, &o.id, value, None);
                }
            }
        }
        for n in new.iter().zip(&used).filter(|(_, used)| !**used).map(|(n, _)| n) {
            let value = Some(format!("{} {}", n.method, n.paths.first().map_or("", String::as_str)));
            self.push(ChangeKind::OperationAdded, Class::Additive, &n.id, None, value);
        }
        for (o, n) in pairs {
            self.operation(o, n);
        }
    }

    fn operation(&mut self, o: &'a Operation, n: &'a Operation) {
        let subject = n.id.as_str();
        if o.id != n.id {
            self.push(ChangeKind::OperationIdChanged, Class::Breaking, subject, Some(o.id.clone()), Some(n.id.clone()));
        }
        if o.method != n.method {
            self.push(
                ChangeKind::OperationMethodChanged,
                Class::Breaking,
                subject,
                Some(o.method.clone()),
                Some(n.method.clone()),
            );
        }
        self.paths(subject, &o.paths, &n.paths);
        self.response(subject, o.response.as_ref(), n.response.as_ref());
        self.body(subject, o.request_body.as_ref(), n.request_body.as_ref());
        let (was, is): (BTreeSet<&String>, BTreeSet<&String>) =
            (o.query_options.iter().collect(), n.query_options.iter().collect());
        for q in was.difference(&is) {
            self.push(ChangeKind::QueryOptionRemoved, Class::Breaking, subject, Some(q.to_string()), None);
        }
        for q in is.difference(&was) {
            self.push(ChangeKind::QueryOptionAdded, Class::Additive, subject, None, Some(q.to_string()));
        }
        let headers = |op: &'a Operation| -> BTreeSet<&'a str> {
            op.request_headers.iter().map(|h| h.name.as_str()).filter(|h| !is_transport_header(h)).collect()
        };
        let (was, is) = (headers(o), headers(n));
        for h in was.difference(&is) {
            self.push(ChangeKind::RequestHeaderRemoved, Class::Breaking, subject, Some(h.to_string()), None);
        }
        for h in is.difference(&was) {
            self.push(ChangeKind::RequestHeaderAdded, Class::Additive, subject, None, Some(h.to_string()));
        }
        for np in &n.path_parameters {
            if let Some(op) = o.path_parameters.iter().find(|p| p.name == np.name) {
                if !self.same_type(&op.ty, &np.ty) {
                    let subject = format!("{subject}/{}", np.name);
                    self.push(
                        ChangeKind::PathParameterTypeChanged,
                        Class::Breaking,
                        &subject,
                        Some(op.ty.clone()),
                        Some(np.ty.clone()),
                    );
                }
            }
        }
    }

    fn paths(&mut self, subject: &str, old: &[String], new: &[String]) {
        let mut left_new: Vec<&String> = new.iter().filter(|p| !old.contains(p)).collect();
        for p in old.iter().filter(|p| !new.contains(p)) {
            let shape = path_shape(p);
            match left_new.iter().position(|q| path_shape(q) == shape) {
                Some(i) => {
                    let q = left_new.remove(i);
                    let class = if blanked(p, false) == blanked(q, false) { Class::Patch } else { Class::Breaking };
                    self.push(ChangeKind::OperationPathRespelled, class, subject, Some(p.clone()), Some(q.clone()));
                }
                None => self.push(ChangeKind::OperationPathRemoved, Class::Breaking, subject, Some(p.clone()), None),
            }
        }
        for q in left_new {
            self.push(ChangeKind::OperationPathAdded, Class::Additive, subject, None, Some(q.clone()));
        }
    }

    fn response(&mut self, subject: &str, old: Option<&Response>, new: Option<&Response>) {
        // A 204 response has no body, whatever type the page names.
        fn ty(r: Option<&Response>) -> Option<(&str, bool)> {
            r.filter(|r| r.status != 204).and_then(|r| r.ty.as_deref().map(|t| (t, r.collection)))
        }
        let text = |r: Option<(&str, bool)>| Some(r.map_or_else(|| "none".to_string(), |(t, c)| collection_of(t, c)));
        match (ty(old), ty(new)) {
            (Some((ot, oc)), Some((nt, nc))) if self.same_type(ot, nt) => {
                if oc != nc {
                    let values = (text(ty(old)), text(ty(new)));
                    self.push(
                        ChangeKind::OperationResponseCollectionChanged,
                        Class::Breaking,
                        subject,
                        values.0,
                        values.1,
                    );
                }
            }
            (None, None) => {}
            (was, is) => {
                self.push(ChangeKind::OperationResponseTypeChanged, Class::Breaking, subject, text(was), text(is))
            }
        }
        if let (Some(o), Some(n)) = (old, new) {
            if o.status != n.status {
                let values = (Some(o.status.to_string()), Some(n.status.to_string()));
                self.push(ChangeKind::OperationResponseStatusChanged, Class::Patch, subject, values.0, values.1);
            }
        }
    }

    fn body_text(body: Option<&RequestBody>) -> String {
        match body {
            None => "none".to_string(),
            Some(RequestBody::Type { ty, collection }) => collection_of(ty, *collection),
            Some(RequestBody::Parameters { parameters }) => {
                let list: Vec<String> =
                    parameters.iter().map(|p| format!("{}: {}", p.name, collection_of(&p.ty, p.collection))).collect();
                format!("{{{}}}", list.join(", "))
            }
        }
    }

    fn body(&mut self, subject: &str, old: Option<&RequestBody>, new: Option<&RequestBody>) {
        let changed = match (old, new) {
            (None, None) => false,
            (
                Some(RequestBody::Type { ty: ot, collection: oc }),
                Some(RequestBody::Type { ty: nt, collection: nc }),
            ) => !self.same_type(ot, nt) || oc != nc,
            (Some(RequestBody::Parameters { parameters: op }), Some(RequestBody::Parameters { parameters: np })) => {
                let mut retyped = false;
                for pair in pair(op, np, |p| &p.name) {
                    match pair {
                        (Some(a), Some(b)) => {
                            retyped |= a.name != b.name || !self.same_type(&a.ty, &b.ty) || a.collection != b.collection
                        }
                        (Some(a), None) => {
                            let value = Some(format!("{}: {}", a.name, collection_of(&a.ty, a.collection)));
                            self.push(ChangeKind::BodyParameterRemoved, Class::Breaking, subject, value, None);
                        }
                        (None, Some(b)) => {
                            let value = Some(format!("{}: {}", b.name, collection_of(&b.ty, b.collection)));
                            self.push(ChangeKind::BodyParameterAdded, Class::Additive, subject, None, value);
                        }
                        (None, None) => {}
                    }
                }
                retyped
            }
            _ => true,
        };
        if changed {
            let values = (Some(Self::body_text(old)), Some(Self::body_text(new)));
            self.push(ChangeKind::OperationRequestBodyChanged, Class::Breaking, subject, values.0, values.1);
        }
    }
}

/// Headers that a transport sets itself and that get no setter (as in `emit`).
fn is_transport_header(name: &str) -> bool {
    ["authorization", "content-type", "content-length"].contains(&name.to_ascii_lowercase().as_str())
}

/// `api-reference/v1.0/resources/user.md` → `resources/user.md`: a page, whatever the version.
pub fn page_key(file: &str) -> &str {
    let rest = file.strip_prefix("api-reference/").unwrap_or(file);
    rest.split_once('/').map_or(rest, |(_, page)| page)
}

/// The pages of a scan, as `page_key`s.
pub fn pages(scan: &Scan) -> BTreeSet<String> {
    scan.files.iter().map(|f| page_key(&f.path).to_string()).collect()
}

/// `newer`'s pages laid over `base`'s: a tree holding only some updated pages is read as
/// the base corpus with those pages replaced, so that its references still resolve.
pub fn overlay(base: &Scan, newer: Scan) -> Scan {
    let replaced = pages(&newer);
    let mut files = newer.files;
    files.extend(base.files.iter().filter(|f| !replaced.contains(page_key(&f.path))).cloned());
    let mut read = newer.read;
    read.extend(base.read.iter().cloned());
    Scan { files, diagnostics: newer.diagnostics, read }
}

/// Keeps, on both sides, the types and operations that either side defines on one of
/// `pages`: matched by name (ignoring case) and id, so that an item moving to another
/// page stays compared.
pub fn retain_pages(old: &mut Model, new: &mut Model, pages: &BTreeSet<String>) {
    let on_pages = |m: &Model| -> (BTreeSet<String>, BTreeSet<String>) {
        let types = m.types.iter().filter(|t| pages.contains(page_key(&t.source.file)));
        let ops = m.operations.iter().filter(|o| pages.contains(page_key(&o.source.file)));
        (types.map(|t| t.name.to_ascii_lowercase()).collect(), ops.map(|o| o.id.clone()).collect())
    };
    let (mut types, mut ids) = on_pages(old);
    let (new_types, new_ids) = on_pages(new);
    types.extend(new_types);
    ids.extend(new_ids);
    for m in [old, new] {
        m.types.retain(|t| types.contains(&t.name.to_ascii_lowercase()));
        m.operations.retain(|o| ids.contains(&o.id));
    }
}

/// Lists longer than this are folded into `<details>` in markdown.
const FOLD_OVER: usize = 10;

/// Inline code that survives any text: no line breaks, fences longer than any backtick run.
fn code(text: &str) -> String {
    let text: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if longest > 0 { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

fn change_line(c: &Change) -> String {
    let mut line = format!("- {}", code(&c.subject));
    match (&c.old, &c.new) {
        (Some(o), Some(n)) => {
            let _ = write!(line, ": {} → {}", code(o), code(n));
        }
        (None, Some(n)) => {
            let _ = write!(line, ": {}", code(n));
        }
        (Some(o), None) => {
            let _ = write!(line, ": was {}", code(o));
        }
        (None, None) => {}
    }
    if let Some(note) = &c.note {
        let _ = write!(line, " ({note})");
    }
    line
}

/// A pull request comment: per diff, the verdict, a table of counts per kind and class,
/// then the changes by class and kind, long lists folded.
pub fn markdown(diffs: &[ApiDiff]) -> String {
    let mut out = String::from("## API diff\n\n");
    let _ = writeln!(out, "Semver verdict: **{}**", verdict(diffs).id());
    for d in diffs {
        let title = if d.old_version == d.new_version {
            d.old_version.clone()
        } else {
            format!("{} → {}", d.old_version, d.new_version)
        };
        let _ = writeln!(out, "\n### {}: {}\n", code(&title), d.verdict.id());
        if d.changes.is_empty() {
            out.push_str("No API changes.\n");
            continue;
        }
        out.push_str("| change | breaking | additive | patch |\n|:--|--:|--:|--:|\n");
        let counts = d.counts();
        let mut total = Counts::default();
        for (kind, n) in &counts {
            let _ = writeln!(out, "| `{}` | {} | {} | {} |", kind.id(), n.breaking, n.additive, n.patch);
            total.breaking += n.breaking;
            total.additive += n.additive;
            total.patch += n.patch;
        }
        let _ = writeln!(out, "| **total** | **{}** | **{}** | **{}** |", total.breaking, total.additive, total.patch);
        for class in Class::ALL {
            let in_class: Vec<&Change> = d.changes.iter().filter(|c| c.class == class).collect();
            if in_class.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n#### {} ({})", class.id(), in_class.len());
            for kind in ChangeKind::ALL {
                let lines: Vec<String> = in_class.iter().filter(|c| c.kind == *kind).map(|c| change_line(c)).collect();
                if lines.is_empty() {
                    continue;
                }
                if lines.len() > FOLD_OVER {
                    let _ =
                        writeln!(out, "\n<details><summary><code>{}</code> ({})</summary>\n", kind.id(), lines.len());
                    let _ = writeln!(out, "{}\n\n</details>", lines.join("\n"));
                } else {
                    let _ = writeln!(out, "\n`{}` ({})\n\n{}", kind.id(), lines.len(), lines.join("\n"));
                }
            }
        }
    }
    out
}

#[derive(Serialize)]
struct JsonReport<'a> {
    verdict: Verdict,
    diffs: Vec<JsonDiff<'a>>,
}

#[derive(Serialize)]
struct JsonDiff<'a> {
    old_version: &'a str,
    new_version: &'a str,
    verdict: Verdict,
    counts: BTreeMap<ChangeKind, Counts>,
    changes: &'a [Change],
}

/// For bots: `{verdict, diffs: [{old_version, new_version, verdict, counts, changes}]}`;
/// `counts` maps each kind present to `{breaking, additive, patch}`.
pub fn json(diffs: &[ApiDiff]) -> Result<String, serde_json::Error> {
    let report = JsonReport {
        verdict: verdict(diffs),
        diffs: diffs
            .iter()
            .map(|d| JsonDiff {
                old_version: &d.old_version,
                new_version: &d.new_version,
                verdict: d.verdict,
                counts: d.counts(),
                changes: &d.changes,
            })
            .collect(),
    };
    serde_json::to_string_pretty(&report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_by_name_then_by_case() {
        let old = ["a", "Bb", "cc", "dd", "DD"];
        let new = ["a", "bb", "CC", "x", "Dd", "dD"];
        let pairs = pair(&old, &new, |s| s);
        let mut shown: Vec<String> = pairs.iter().map(|(o, n)| format!("{:?}→{:?}", o.copied(), n.copied())).collect();
        shown.sort();
        // `dd`/`DD` are ambiguous: removed and added rather than guessed.
        assert_eq!(
            shown,
            [
                "None→Some(\"Dd\")",
                "None→Some(\"dD\")",
                "None→Some(\"x\")",
                "Some(\"Bb\")→Some(\"bb\")",
                "Some(\"DD\")→None",
                "Some(\"a\")→Some(\"a\")",
                "Some(\"cc\")→Some(\"CC\")",
                "Some(\"dd\")→None",
            ]
        );
    }

    #[test]
    fn path_shapes_ignore_placeholder_names_and_case() {
        assert_eq!(path_shape("/users/{id | userPrincipalName}/memberOf"), "/users/{}/memberof");
        assert_eq!(path_shape("/users/{user-id}/MemberOf"), path_shape("/users/{id}/memberOf"));
        assert_ne!(path_shape("/users/{id}"), path_shape("/groups/{id}"));
    }

    #[test]
    fn code_spans_hold_backticks_and_line_breaks() {
        assert_eq!(code("a"), "`a`");
        assert_eq!(code("a`b"), "`` a`b ``");
        assert_eq!(code("a\nb"), "`a b`");
    }

    #[test]
    fn page_keys_drop_the_version() {
        assert_eq!(page_key("api-reference/v1.0/resources/user.md"), "resources/user.md");
        assert_eq!(page_key("api-reference/beta/api/user-get.md"), "api/user-get.md");
    }
}
