//! Types: merges duplicate definitions, resolves every
//! type reference across namespaces, links base types, infers entities, creates enums
//! from value lists, and reports where table and JSON block disagree.

use crate::diag::{Diagnostic, Span};
use crate::ir::{Member, Property, Source, TypeDef, TypeKind};
use crate::model::{RawEnum, RawModel, RawProperty, RawType, TypeName, TypeRef};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;

const ENTITY: &str = "microsoft.graph.entity";

/// What a name can resolve to before kinds are final.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Defined {
    Type(usize),
    Enum(usize),
}

struct Names {
    /// Lower-cased qualified name → definition.
    by_name: FxHashMap<String, Defined>,
    /// Lower-cased last segment → qualified names that end with it.
    by_last: FxHashMap<String, Vec<String>>,
    /// Lower-cased page file stem → the one type that page defines.
    by_page: FxHashMap<String, Defined>,
}

/// The stem of a link to a page as a whole: a link to a `#…-values` section points at an
/// enum listed there, not at the page's type.
pub fn page_link_stem(dest: &str) -> Option<String> {
    let anchor = dest.split_once('#').map_or("", |(_, a)| a);
    if anchor.ends_with("-values") {
        return None;
    }
    link_stem(dest)
}

/// `../resources/teamstab.md#properties` → `teamstab`.
pub fn link_stem(dest: &str) -> Option<String> {
    let path = dest.split(['#', '?']).next()?;
    let file = path.rsplit('/').next()?;
    let stem = file.strip_suffix(".md")?;
    (!stem.is_empty()).then(|| stem.to_ascii_lowercase())
}

impl Names {
    fn new(types: &[RawType], enums: &[RawEnum]) -> Self {
        let mut names =
            Names { by_name: FxHashMap::default(), by_last: FxHashMap::default(), by_page: FxHashMap::default() };
        let mut per_page: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, t) in types.iter().enumerate() {
            if let Some(stem) = link_stem(&t.span.file) {
                per_page.entry(stem).or_default().push(i);
            }
        }
        for (stem, defined) in per_page {
            if let [only] = defined.as_slice() {
                names.by_page.insert(stem, Defined::Type(*only));
            }
        }
        let all = types.iter().enumerate().map(|(i, t)| (&t.name, Defined::Type(i)));
        let all = all.chain(enums.iter().enumerate().map(|(i, e)| (&e.name, Defined::Enum(i))));
        for (name, def) in all {
            let lower = name.to_ascii_lowercase();
            let last = lower.rsplit('.').next().unwrap_or(&lower).to_string();
            names.by_last.entry(last).or_default().push(lower.clone());
            names.by_name.insert(lower, def);
        }
        for candidates in names.by_last.values_mut() {
            candidates.sort();
        }
        names
    }

    /// A linked name: the type the linked page defines, else what `lookup` finds.
    fn lookup_linked(&self, written: &str, namespace: &str, link: Option<&str>) -> Option<Defined> {
        self.linked(written, namespace, link).0
    }

    /// A linked name's definition, and the other definition its label names when the
    /// label and the link disagree (`[message](chatmessage.md)`): the page a link points
    /// to defines what the writer meant, a label is often a display name. A label naming
    /// an enum stays: enum links point at a section of a page defining other types too.
    fn linked(&self, written: &str, namespace: &str, link: Option<&str>) -> (Option<Defined>, Option<Defined>) {
        let by_label = self.lookup(written, namespace);
        let target = link.and_then(page_link_stem).and_then(|stem| self.by_page.get(&stem).copied());
        match (target, by_label) {
            (_, Some(label @ Defined::Enum(_))) | (None, Some(label)) => (Some(label), None),
            (Some(target), label) => (Some(target), label.filter(|l| *l != target)),
            (None, None) => (None, None),
        }
    }

    /// Qualified name as written, then in the referring namespace, then `microsoft.graph`,
    /// then the only namespace that defines it.
    fn lookup(&self, written: &str, namespace: &str) -> Option<Defined> {
        let lower = written.trim_start_matches('#').to_ascii_lowercase();
        let mut tries = vec![lower.clone(), format!("{}.{lower}", namespace.to_ascii_lowercase())];
        tries.push(format!("microsoft.graph.{lower}"));
        if let Some(found) = tries.iter().find_map(|n| self.by_name.get(n)) {
            return Some(*found);
        }
        let last = lower.rsplit('.').next().unwrap_or(&lower);
        match self.by_last.get(last).map(Vec::as_slice) {
            Some([only]) => self.by_name.get(only).copied(),
            _ => None,
        }
    }
}

pub fn resolve(mut raw: RawModel, diags: &mut Vec<Diagnostic>) -> Vec<TypeDef> {
    canonical_namespaces(&mut raw);
    raw.types = merge_duplicate_types(std::mem::take(&mut raw.types), diags);
    raw.enums = merge_duplicate_enums(std::mem::take(&mut raw.enums), &raw.types, diags);
    let names = Names::new(&raw.types, &raw.enums);
    let listed = enums_from_value_lists(&raw.types, &names);
    raw.enums.extend(listed);
    let names = Names::new(&raw.types, &raw.enums);

    let bases: Vec<Option<usize>> = (0..raw.types.len()).map(|i| resolve_base(&raw.types, i, &names, diags)).collect();
    let bases = bases_named_on_base_pages(&raw.types, bases, &names);
    let bases = break_base_cycles(&raw.types, bases, diags);
    let bases = more_specific_bases(&raw.types, bases, &names);
    let kinds: Vec<TypeKind> = (0..raw.types.len()).map(|i| kind_of(&raw.types, &bases, i)).collect();

    let resolver = Resolver { names: &names, raw: &raw, kinds: &kinds, bases: &bases };
    let mut out: Vec<TypeDef> = Vec::with_capacity(raw.types.len() + raw.enums.len());
    for (i, ty) in raw.types.iter().enumerate() {
        let inherited: Vec<String> = ancestors(&bases, i)
            .flat_map(|a| raw.types[a].properties.iter().map(|p| p.name.to_ascii_lowercase()))
            .collect();
        let properties = ty
            .properties
            .iter()
            .filter(|p| !inherited.contains(&p.name.to_ascii_lowercase()))
            .map(|p| resolver.property(ty, p, kinds[i], diags))
            .collect();
        out.push(TypeDef {
            name: ty.name.clone(),
            kind: kinds[i],
            base: bases[i].map(|b| raw.types[b].name.clone()),
            is_abstract: ty.is_abstract,
            open: ty.open,
            properties,
            members: Vec::new(),
            description: ty.description.clone(),
            source: Source::from(&ty.span),
        });
    }
    for e in &raw.enums {
        out.push(TypeDef {
            name: e.name.clone(),
            kind: TypeKind::Enum,
            base: None,
            is_abstract: false,
            open: false,
            properties: Vec::new(),
            members: e.members.clone(),
            description: e.description.clone(),
            source: Source::from(&e.span),
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// The docs spell some namespaces in several casings (`termStore`, `termstore`); each gets
/// the spelling most of its definitions use, so one namespace is one module.
fn canonical_namespaces(raw: &mut RawModel) {
    let split = |name: &str| name.rsplit_once('.').map(|(ns, _)| ns.to_string());
    let mut counts: FxHashMap<String, BTreeMap<String, usize>> = FxHashMap::default();
    let spelled = raw.types.iter().map(|t| &t.name).chain(raw.enums.iter().map(|e| &e.name));
    for ns in spelled.filter_map(|n| split(n)) {
        *counts.entry(ns.to_ascii_lowercase()).or_default().entry(ns).or_default() += 1;
    }
    let canonical: FxHashMap<String, String> = counts
        .into_iter()
        .filter_map(|(lower, spellings)| {
            let best = spellings.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?.0.clone();
            Some((lower, best))
        })
        .collect();
    let fix = |name: &mut String| {
        if let Some((ns, last)) = name.rsplit_once('.') {
            if let Some(best) = canonical.get(&ns.to_ascii_lowercase()) {
                *name = format!("{best}.{last}");
            }
        }
    };
    for t in &mut raw.types {
        fix(&mut t.name);
        if let Some(best) = canonical.get(&t.namespace.to_ascii_lowercase()) {
            t.namespace = best.clone();
        }
    }
    for e in &mut raw.enums {
        fix(&mut e.name);
    }
}

/// Pages whose file is named after the type come first: they are the type's home page.
fn home_first(a: &Span, b: &Span, name: &str) -> std::cmp::Ordering {
    let last = name.rsplit('.').next().unwrap_or(name).to_ascii_lowercase();
    // A page copied from the website and saved as `.txt` is as much a home page.
    let is_home = |s: &Span| {
        let file = s.file.to_ascii_lowercase();
        file.ends_with(&format!("/{last}.md")) || file.ends_with(&format!("/{last}.txt"))
    };
    is_home(b).cmp(&is_home(a)).then_with(|| a.cmp(b))
}

/// Groups definitions by case-insensitive name and folds each group into its home page's
/// definition (`merge(first, other)` reports and merges one duplicate).
fn merge_by_name<T>(
    items: Vec<T>,
    name: impl Fn(&T) -> &str,
    span: impl Fn(&T) -> &Span,
    mut merge: impl FnMut(&mut T, T),
) -> Vec<T> {
    let mut groups: BTreeMap<String, Vec<T>> = BTreeMap::new();
    for item in items {
        groups.entry(name(&item).to_ascii_lowercase()).or_default().push(item);
    }
    groups
        .into_values()
        .map(|mut group| {
            let group_name = name(&group[0]).to_string();
            group.sort_by(|a, b| home_first(span(a), span(b), &group_name));
            let mut first = group.remove(0);
            for other in group {
                merge(&mut first, other);
            }
            first
        })
        .collect()
}

fn merge_duplicate_types(types: Vec<RawType>, diags: &mut Vec<Diagnostic>) -> Vec<RawType> {
    merge_by_name(
        types,
        |t| &t.name,
        |t| &t.span,
        |first, other| {
            diags.push(
                Diagnostic::warning(
                    "duplicate-definition",
                    &other.span,
                    format!("`{}` is also defined at {}; the two definitions are merged", other.name, first.span),
                )
                .with_help("properties missing from the first definition are added from this one"),
            );
            for p in other.properties {
                if !first.properties.iter().any(|q| q.name == p.name) {
                    first.properties.push(p);
                }
            }
            first.base = first.base.take().or(other.base);
            first.open |= other.open;
        },
    )
}

fn merge_duplicate_enums(enums: Vec<RawEnum>, types: &[RawType], diags: &mut Vec<Diagnostic>) -> Vec<RawEnum> {
    let type_names: FxHashMap<String, &RawType> = types.iter().map(|t| (t.name.to_ascii_lowercase(), t)).collect();
    let mut kept = Vec::with_capacity(enums.len());
    for e in enums {
        match type_names.get(&e.name.to_ascii_lowercase()) {
            Some(ty) => diags.push(Diagnostic::warning(
                "conflicting-definition",
                &e.span,
                format!("enum `{}` has the name of the type defined at {}; the enum is dropped", e.name, ty.span),
            )),
            None => kept.push(e),
        }
    }
    let mut merged = merge_by_name(
        kept,
        |e| &e.name,
        |e| &e.span,
        |first, other| {
            let added: Vec<Member> =
                other.members.into_iter().filter(|m| !first.members.iter().any(|f| f.name == m.name)).collect();
            let what =
                if added.is_empty() { "with the same members" } else { "with other members; members are merged" };
            diags.push(Diagnostic::warning(
                "duplicate-definition",
                &other.span,
                format!("enum `{}` is also defined at {} {what}", other.name, first.span),
            ));
            first.members.extend(added);
        },
    );
    for e in &mut merged {
        dedup_members(&mut e.members);
    }
    merged
}

fn dedup_members(members: &mut Vec<Member>) {
    let mut seen = FxHashSet::default();
    members.retain(|m| seen.insert(m.name.clone()));
}

/// A property typed with an undefined name whose description lists the values defines
/// that enum ("signUpStage … The possible values are: `a`, `b`").
fn enums_from_value_lists(types: &[RawType], names: &Names) -> Vec<RawEnum> {
    let mut found: BTreeMap<String, RawEnum> = BTreeMap::new();
    for ty in types {
        for p in &ty.properties {
            let Some(TypeRef { name: TypeName::Named(written), .. }) = &p.table_type else {
                continue;
            };
            let defined = names.lookup_linked(written, &ty.namespace, p.table_link.as_deref()).is_some();
            if p.listed_values.is_empty() || defined || is_untyped(written) {
                continue;
            }
            let qualified = if written.contains('.') { written.clone() } else { format!("{}.{written}", ty.namespace) };
            let e = found.entry(qualified.to_ascii_lowercase()).or_insert_with(|| RawEnum {
                name: qualified,
                members: Vec::new(),
                description: String::new(),
                span: p.span.clone(),
            });
            for v in &p.listed_values {
                e.members.push(Member { name: v.clone(), value: None, description: String::new() });
            }
            dedup_members(&mut e.members);
        }
    }
    found.into_values().collect()
}

fn is_untyped(written: &str) -> bool {
    matches!(written.to_ascii_lowercase().as_str(), "json" | "object" | "microsoft.graph.json")
}

fn resolve_base(types: &[RawType], i: usize, names: &Names, diags: &mut Vec<Diagnostic>) -> Option<usize> {
    let ty = &types[i];
    let written = ty.base.clone().or_else(|| inferred_base(ty, names, types))?;
    match names.lookup_linked(&written, &ty.namespace, ty.base_link.as_deref()) {
        Some(Defined::Type(b)) if b != i => Some(b),
        Some(Defined::Type(_)) => None,
        _ => {
            diags.push(Diagnostic::warning(
                "unknown-base",
                &ty.span,
                format!("base type `{written}` of `{}` is not defined in the docs; the type has no base", ty.name),
            ));
            None
        }
    }
}

/// With no `baseType` and no "Inherits from", the rows marked "Inherited from [x]" name the
/// base; an entity-like type (a key or relationships) with an `id` (listed, or named as
/// its key) derives from `entity`.
fn inferred_base(ty: &RawType, names: &Names, types: &[RawType]) -> Option<String> {
    if ty.name.eq_ignore_ascii_case(ENTITY) {
        return None;
    }
    let mut named: Vec<&str> = ty.properties.iter().filter_map(|p| p.inherited_from.as_deref()).collect();
    named.sort_by_key(|n| n.eq_ignore_ascii_case("entity"));
    if let Some(first) = named.first() {
        return Some(first.to_string());
    }
    // A key `id` the type does not list is the one it inherits from `entity`.
    let has_id = ty.properties.iter().any(|p| p.name == "id") || ty.key_property.as_deref() == Some("id");
    let entity_like = ty.key_property.is_some() || ty.properties.iter().any(|p| p.navigation);
    let entity_defined =
        matches!(names.lookup(ENTITY, ""), Some(Defined::Type(e)) if !types[e].name.eq_ignore_ascii_case(&ty.name));
    (has_id && entity_like && entity_defined).then(|| ENTITY.to_string())
}

/// Where the annotation's `baseType` and the introduction's "Inherits from" disagree and
/// the introduction's type derives from the annotation's, the type derives from the more
/// specific one: its values carry the fields of both.
fn more_specific_bases(types: &[RawType], mut bases: Vec<Option<usize>>, names: &Names) -> Vec<Option<usize>> {
    for i in 0..types.len() {
        let Some((written, link)) = &types[i].prose_base else { continue };
        let Some(Defined::Type(p)) = names.lookup_linked(written, &types[i].namespace, link.as_deref()) else {
            continue;
        };
        let narrower = bases[i].is_some_and(|a| ancestors(&bases, p).any(|x| x == a));
        let cycle = p == i || ancestors(&bases, p).any(|x| x == i);
        if narrower && !cycle {
            bases[i] = Some(p);
        }
    }
    bases
}

/// A base page naming its derived types ("the derived types are [a], [b]") gives each of
/// them its base when the derived type's own page names none, or names one the base
/// page's type derives from (the base page's is the more specific).
fn bases_named_on_base_pages(types: &[RawType], mut bases: Vec<Option<usize>>, names: &Names) -> Vec<Option<usize>> {
    for (base, ty) in types.iter().enumerate() {
        for (written, link) in &ty.derived_in_prose {
            let Some(Defined::Type(derived)) = names.lookup_linked(written, &ty.namespace, link.as_deref()) else {
                continue;
            };
            let cycle = derived == base || ancestors(&bases, base).any(|a| a == derived);
            let more_specific = bases[derived].is_none_or(|b| ancestors(&bases, base).any(|a| a == b));
            if !cycle && more_specific && bases[derived] != Some(base) {
                bases[derived] = Some(base);
            }
        }
    }
    bases
}

fn ancestors(bases: &[Option<usize>], i: usize) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(bases[i], move |&b| bases[b]).take(bases.len())
}

fn break_base_cycles(
    types: &[RawType],
    mut bases: Vec<Option<usize>>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Option<usize>> {
    for i in 0..bases.len() {
        let mut seen = vec![i];
        let mut at = i;
        while let Some(b) = bases[at] {
            if seen.contains(&b) {
                diags.push(Diagnostic::error(
                    "base-cycle",
                    &types[at].span,
                    format!(
                        "`{}` inherits from itself through `{}`; that link is dropped",
                        types[at].name, types[b].name
                    ),
                ));
                bases[at] = None;
                break;
            }
            seen.push(b);
            at = b;
        }
    }
    bases
}

fn kind_of(types: &[RawType], bases: &[Option<usize>], i: usize) -> TypeKind {
    let is_entity = |t: &RawType| t.key_property.is_some() || t.name.eq_ignore_ascii_case(ENTITY);
    if is_entity(&types[i]) || ancestors(bases, i).any(|a| is_entity(&types[a])) {
        TypeKind::Entity
    } else {
        TypeKind::Complex
    }
}

/// A resolved reference: the qualified name (or Edm name) and, for named types, the kind.
/// What property resolution reads: every definition and its final kind.
struct Resolver<'a> {
    names: &'a Names,
    raw: &'a RawModel,
    kinds: &'a [TypeKind],
    bases: &'a [Option<usize>],
}

impl Resolver<'_> {
    fn resolve_ref(
        &self,
        r: &TypeRef,
        link: Option<&str>,
        owner: &RawType,
        prop: &RawProperty,
        diags: &mut Vec<Diagnostic>,
    ) -> (String, Option<TypeKind>) {
        let Resolver { names, raw, kinds, .. } = self;
        let written = match &r.name {
            TypeName::Edm(edm) => return (edm.to_string(), None),
            TypeName::Named(written) => written,
        };
        let (mut found, label) = names.linked(written, &owner.namespace, link);
        if let (Some(Defined::Type(target)), Some(Defined::Type(label))) = (found, label) {
            // A label naming a type derived from the linked page's narrows it: both agree.
            if ancestors(self.bases, label).any(|a| a == target) {
                found = Some(Defined::Type(label));
            } else {
                diags.push(link_label_mismatch(&prop.span, written, &raw.types[label].name, &raw.types[target].name));
            }
        }
        let (name, kind) = match found {
            Some(Defined::Type(t)) => (&raw.types[t].name, kinds[t]),
            Some(Defined::Enum(e)) => (&raw.enums[e].name, TypeKind::Enum),
            None if is_untyped(written) => return ("Edm.Untyped".to_string(), None),
            None => {
                diags.push(
                    Diagnostic::warning(
                        "unknown-type",
                        &prop.span,
                        format!("type `{written}` of property `{}` is not defined in the docs", prop.name),
                    )
                    .with_help("the property is generated as untyped JSON"),
                );
                return ("Edm.Untyped".to_string(), None);
            }
        };
        let last = name.rsplit('.').next().unwrap_or(name);
        let written_last = written.rsplit('.').next().unwrap_or(written);
        if last != written_last && last.eq_ignore_ascii_case(written_last) {
            diags.push(Diagnostic::warning(
                "type-case-mismatch",
                &prop.span,
                format!("`{written}` is written with other casing than its definition `{name}`"),
            ));
        }
        (name.clone(), Some(kind))
    }
}

/// A link whose label names one type and whose page defines another.
pub fn link_label_mismatch(at: &Span, written: &str, label: &str, target: &str) -> Diagnostic {
    Diagnostic::warning(
        "link-label-mismatch",
        at,
        format!("the link's label `{written}` names `{label}`, the page it points to defines `{target}`"),
    )
    .with_help("the linked page's type is used: a label is often a display name")
}

/// How a value travels in JSON: table and JSON block agree when these match.
#[derive(PartialEq, Eq, Debug)]
enum Wire<'a> {
    Text,
    Number,
    Bool,
    Object(&'a str),
    Any,
}

fn wire<'a>(ty: &'a str, kind: Option<TypeKind>) -> Wire<'a> {
    match (ty, kind) {
        (_, Some(TypeKind::Enum)) => Wire::Text,
        (_, Some(_)) => Wire::Object(ty),
        ("Edm.Boolean", _) => Wire::Bool,
        (
            "Edm.Int16" | "Edm.Int32" | "Edm.Int64" | "Edm.Byte" | "Edm.SByte" | "Edm.Double" | "Edm.Single"
            | "Edm.Decimal",
            _,
        ) => Wire::Number,
        ("Edm.Untyped", _) => Wire::Any,
        _ => Wire::Text,
    }
}

impl Resolver<'_> {
    /// A description listing values (`Possible values are: …`) that the enum's member
    /// table lacks: one of the two is wrong. The table's members are used; the diagnostic
    /// names both places and what each has that the other does not.
    fn check_value_list(&self, p: &RawProperty, enum_name: &str, diags: &mut Vec<Diagnostic>) {
        let Some(Defined::Enum(e)) = self.names.lookup(enum_name, "") else { return };
        let table = &self.raw.enums[e];
        let only_listed: Vec<&str> = p
            .listed_values
            .iter()
            .filter(|v| !table.members.iter().any(|m| m.name == **v))
            .map(String::as_str)
            .collect();
        if only_listed.is_empty() {
            return;
        }
        let only_in_table: Vec<&str> =
            table.members.iter().filter(|m| !p.listed_values.contains(&m.name)).map(|m| m.name.as_str()).collect();
        let quote = |values: &[&str]| values.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ");
        let table_only = if only_in_table.is_empty() {
            String::new()
        } else {
            format!("; only the table has {}", quote(&only_in_table))
        };
        diags.push(
            Diagnostic::warning(
                "enum-list-mismatch",
                &p.span,
                format!(
                    "property `{}`: its description lists {}, which the members of `{}` at {} lack{table_only}",
                    p.name,
                    quote(&only_listed),
                    table.name,
                    table.span
                ),
            )
            .with_help("the member table is used"),
        );
    }

    /// Whether the type named `base` is a base (however far up) of the type named `ty`.
    fn is_ancestor(&self, base: &str, ty: &str) -> bool {
        match (self.names.lookup(base, ""), self.names.lookup(ty, "")) {
            (Some(Defined::Type(b)), Some(Defined::Type(t))) => ancestors(self.bases, t).any(|a| a == b),
            _ => false,
        }
    }

    fn property(
        &self,
        owner: &RawType,
        p: &RawProperty,
        owner_kind: TypeKind,
        diags: &mut Vec<Diagnostic>,
    ) -> Property {
        let names = self.names;
        // A JSON block's bare word is a type only if it names one; else it is a sample value.
        let json_type = p.json_type.as_ref().filter(|r| match &r.name {
            TypeName::Named(written) => names.lookup(written, &owner.namespace).is_some() || is_untyped(written),
            TypeName::Edm(_) => true,
        });
        let (mut ty, mut kind, collection) = match (&p.table_type, json_type) {
            (Some(r), _) => {
                let (ty, kind) = self.resolve_ref(r, p.table_link.as_deref(), owner, p, diags);
                (ty, kind, r.collection)
            }
            (None, Some(r)) => {
                let (ty, kind) = self.resolve_ref(r, None, owner, p, diags);
                (ty, kind, r.collection)
            }
            (None, None) => {
                diags.push(Diagnostic::warning(
                    "no-type",
                    &p.span,
                    format!(
                        "property `{}` has no readable type in the table or the JSON block; generated as a string",
                        p.name
                    ),
                ));
                ("Edm.String".to_string(), None, false)
            }
        };
        if p.alternatives.len() >= 2 {
            let found: Option<Vec<usize>> = p
                .alternatives
                .iter()
                .map(|(written, link)| match names.lookup_linked(written, &owner.namespace, link.as_deref()) {
                    Some(Defined::Type(t)) => Some(t),
                    _ => None,
                })
                .collect();
            match found.and_then(|found| super::common_base(&found, |t| self.bases[t])) {
                Some(base) => (ty, kind) = (self.raw.types[base].name.clone(), Some(self.kinds[base])),
                None => diags.push(super::no_common_base(&p.span, &format!("property `{}`", p.name), &p.alternatives)),
            }
        }
        if let (Some(table), Some(json)) = (&p.table_type, json_type) {
            let mut quiet = Vec::new();
            let (json_ty, json_kind) = self.resolve_ref(json, None, owner, p, &mut quiet);
            let (a, b) = (wire(&ty, kind), wire(&json_ty, json_kind));
            let agree = a == b || a == Wire::Any || b == Wire::Any;
            let collection_agrees = table.collection == json.collection;
            // A value of either type is a value of the base: the base reads both.
            let json_is_base = self.is_ancestor(&json_ty, &ty) && collection_agrees;
            if !agree || !collection_agrees {
                let json_line = p.json_span.as_ref().map_or(0, |s| s.line);
                let show = |t: &str, c: bool| {
                    if c {
                        format!("Collection({t})")
                    } else {
                        t.to_string()
                    }
                };
                diags.push(
                    Diagnostic::warning(
                        "table-json-mismatch",
                        &p.span,
                        format!(
                            "property `{}`: the table says `{}`, the JSON block at line {json_line} says `{}`",
                            p.name,
                            show(&ty, table.collection),
                            show(&json_ty, json.collection)
                        ),
                    )
                    .with_help(if json_is_base {
                        "the JSON block's type is used: the table's derives from it"
                    } else {
                        "the table's type is used"
                    }),
                );
            }
            if json_is_base {
                ty = json_ty;
            }
        }
        if kind == Some(TypeKind::Enum) {
            self.check_value_list(p, &ty, diags);
        }
        let is_key = owner_kind == TypeKind::Entity && owner.key_property.as_deref().unwrap_or("id") == p.name;
        Property {
            name: p.name.clone(),
            ty,
            collection,
            nullable: !is_key,
            navigation: p.navigation,
            description: p.description.clone(),
            source: Source::from(&p.span),
            query: p.query.clone(),
        }
    }
}
