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

mod compare;
mod render;

pub use compare::diff;
pub use render::{json, markdown, summary, Tally, COMMENT_LIMIT};

use crate::ir::Model;
use crate::scan::Scan;
use serde::{Serialize, Serializer};
use std::collections::{BTreeMap, BTreeSet};

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

    pub(crate) fn verdict(self) -> Verdict {
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

    /// `version` (`MAJOR.MINOR.PATCH`, a pre-release or build suffix dropped) bumped as cargo
    /// reads semver: below 1.0.0 the first non-zero number is the major one, so a breaking
    /// change of 0.3.1 gives 0.4.0 and an additive one 0.3.2.
    pub fn bump(self, version: &str) -> Result<String, String> {
        let core = version.split(['-', '+']).next().unwrap_or_default();
        let numbers: Vec<u64> = core.split('.').map(str::parse).collect::<Result<_, _>>().unwrap_or_default();
        let [major, minor, patch] = numbers[..] else {
            return Err(format!("`{version}` is not a MAJOR.MINOR.PATCH version"));
        };
        let next = match (self, major, minor) {
            (Verdict::None, ..) => return Ok(version.to_string()),
            (Verdict::Major, 0, 0) | (Verdict::Minor | Verdict::Patch, 0, _) => (major, minor, patch + 1),
            (Verdict::Major, 0, _) | (Verdict::Minor, _, _) => (major, minor + 1, 0),
            (Verdict::Major, _, _) => (major + 1, 0, 0),
            (Verdict::Patch, _, _) => (major, minor, patch + 1),
        };
        Ok(format!("{}.{}.{}", next.0, next.1, next.2))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_bump_as_cargo_reads_semver() {
        let bump = |v: Verdict, version: &str| v.bump(version).unwrap_or_else(|e| e);
        assert_eq!(bump(Verdict::Major, "1.2.3"), "2.0.0");
        assert_eq!(bump(Verdict::Minor, "1.2.3"), "1.3.0");
        assert_eq!(bump(Verdict::Patch, "1.2.3-rc.1"), "1.2.4");
        assert_eq!(bump(Verdict::None, "1.2.3"), "1.2.3");
        assert_eq!(bump(Verdict::Major, "0.3.1"), "0.4.0");
        assert_eq!(bump(Verdict::Minor, "0.3.1"), "0.3.2");
        assert_eq!(bump(Verdict::Major, "0.0.7"), "0.0.8");
        assert_eq!(bump(Verdict::Patch, "1.2"), "`1.2` is not a MAJOR.MINOR.PATCH version");
    }

    #[test]
    fn page_keys_drop_the_version() {
        assert_eq!(page_key("api-reference/v1.0/resources/user.md"), "resources/user.md");
        assert_eq!(page_key("api-reference/beta/api/user-get.md"), "api/user-get.md");
    }
}
