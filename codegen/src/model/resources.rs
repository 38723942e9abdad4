//! Types from resource pages: the `resource` JSON block and its annotation, the property
//! and relationship tables, and base types named in prose.

use super::typeref;
use super::{RawProperty, RawType};
use crate::diag::Diagnostic;
use crate::parse::{json, Annotation, BlockKind, Code, DocType, Inline, Page, Phrases, Table};
use crate::scan::Folder;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

struct ResourceBlock<'a> {
    index: usize,
    annotation: &'a Annotation,
    code: &'a Code,
}

pub fn types(page: &Page, diags: &mut Vec<Diagnostic>) -> Vec<RawType> {
    let blocks: Vec<ResourceBlock> = page
        .annotated_code()
        .filter_map(|(index, code, annotation)| {
            let annotation = annotation?;
            (annotation.block_type().as_deref() == Some("resource")).then_some(ResourceBlock {
                index,
                annotation,
                code,
            })
        })
        .collect();
    let namespace = page.namespace();
    let mut types: Vec<RawType> = blocks.iter().filter_map(|b| from_block(page, b, &namespace, diags)).collect();

    let merges_tables =
        page.folder == Folder::Resources && !matches!(page.doc_type, DocType::Enum | DocType::Conceptual);
    if !merges_tables {
        return types;
    }
    let title_name = title_type_name(page);
    let table_props = table_properties(page, diags);
    let target = match types.len() {
        0 => None,
        1 => Some(0),
        _ => title_name
            .as_ref()
            .and_then(|t| types.iter().position(|ty| last_segment(&ty.name).eq_ignore_ascii_case(last_segment(t)))),
    };
    let target = match (target, &title_name) {
        (Some(i), _) => i,
        (None, Some(name)) if types.is_empty() => {
            let span = page.span(page.title().map_or(0, |t| t.range.start));
            if table_props.is_empty() {
                diags.push(Diagnostic::warning(
                    "no-properties",
                    &span,
                    format!("`{name}` has neither a property table nor a JSON representation; it is generated without properties"),
                ));
            }
            types.push(RawType {
                name: qualify(name, &namespace),
                namespace: namespace.clone(),
                base: None,
                base_link: None,
                prose_base: None,
                derived_in_prose: Vec::new(),
                is_abstract: false,
                open: false,
                key_property: None,
                properties: Vec::new(),
                description: String::new(),
                span,
            });
            0
        }
        _ => {
            if !table_props.is_empty() {
                let span = page.span(page.title().map_or(0, |t| t.range.start));
                diags.push(Diagnostic::warning(
                    "unowned-table",
                    &span,
                    "the page's property table cannot be matched to one of its resource blocks; the table is ignored",
                ));
            }
            return types;
        }
    };
    let ty = &mut types[target];
    merge(ty, table_props, diags);
    if let Some((base, link)) = base_from_prose(page) {
        match &ty.base {
            None => {
                ty.base = Some(base);
                ty.base_link = link;
            }
            Some(annotated) if !last_segment(annotated).eq_ignore_ascii_case(last_segment(&base)) => {
                ty.prose_base = Some((base, link))
            }
            Some(_) => {}
        }
    }
    ty.open |= says_open_type(page);
    ty.derived_in_prose = derived_in_prose(page);
    ty.description = page_description(page);
    if let Some(title) = page.title() {
        ty.span = page.span(title.range.start);
    }
    types
}

fn last_segment(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or(name)
}

fn qualify(name: &str, namespace: &str) -> String {
    if name.contains('.') {
        name.to_string()
    } else {
        format!("{namespace}.{name}")
    }
}

/// `selfServiceSignUp resource type` → `selfServiceSignUp`.
fn title_type_name(page: &Page) -> Option<String> {
    let title = page.title()?.text.trim().to_string();
    let lower = title.to_ascii_lowercase();
    let stem = ["resource type", "complex type", "entity type", "type"]
        .iter()
        .find_map(|suffix| lower.strip_suffix(suffix).map(|s| title[..s.len()].trim()))?;
    let name = stem.trim_matches('`');
    typeref::is_identifier(name).then(|| name.to_string())
}

fn from_block(page: &Page, block: &ResourceBlock, namespace: &str, diags: &mut Vec<Diagnostic>) -> Option<RawType> {
    let at = page.span(page.blocks[block.index].offset);
    let Some(name) = block.annotation.odata_type().filter(|n| typeref::is_identifier(n)) else {
        diags.push(Diagnostic::warning(
            "resource-without-type",
            &at,
            "resource block's annotation has no usable `@odata.type`; the block is skipped",
        ));
        return None;
    };
    let a = block.annotation;
    let mut ty = RawType {
        name: qualify(name, namespace),
        namespace: namespace.to_string(),
        base: a.get_str("baseType").map(|b| b.trim().trim_start_matches('#').to_string()).filter(|b| !b.is_empty()),
        base_link: None,
        prose_base: None,
        derived_in_prose: Vec::new(),
        is_abstract: a.get_bool("abstract").or_else(|| a.get_bool("isAbstract")).unwrap_or(false),
        open: a.get_bool("openType").unwrap_or(false),
        key_property: a.get_str("keyProperty").map(str::to_string).filter(|k| !k.is_empty()),
        properties: Vec::new(),
        description: String::new(),
        span: at,
    };
    let body = block.code.body.trim();
    if body.is_empty() {
        return Some(ty);
    }
    match json::parse(body) {
        Ok((serde_json::Value::Object(map), _)) => {
            let string_offsets = first_string_offsets(&block.code.body);
            for (key, value) in &map {
                if key.starts_with('@') || key.contains("@odata.") {
                    continue;
                }
                let offset = string_offsets.get(key.as_str()).copied().unwrap_or(0);
                let span = page.span(block.code.body_offset + offset);
                // An open type's sample (`"String-value": true`, a GUID) shows what clients
                // name its properties, not a property.
                if !is_property_name(key) {
                    diags.push(Diagnostic::warning(
                        "bad-property-name",
                        &span,
                        format!("`{key}` in the JSON representation is not a property name; the key is skipped"),
                    ));
                    continue;
                }
                ty.properties.push(RawProperty {
                    name: key.clone(),
                    table_type: None,
                    table_link: None,
                    alternatives: Vec::new(),
                    json_type: typeref::from_json_value(value),
                    navigation: false,
                    description: String::new(),
                    listed_values: Vec::new(),
                    inherited_from: None,
                    query: None,
                    span: span.clone(),
                    json_span: Some(span),
                });
            }
        }
        Ok(_) => diags.push(Diagnostic::warning(
            "resource-json",
            &page.span(block.code.body_offset),
            "JSON representation is not an object",
        )),
        Err(err) => {
            let mut at = page.span(block.code.body_offset);
            at.line += err.line.saturating_sub(1);
            diags.push(Diagnostic::warning(
                "resource-json",
                &at,
                format!("JSON representation is not JSON: {}", err.message),
            ));
        }
    }
    Some(ty)
}

/// Where each quoted string first occurs in a JSON block (at its opening quote), in one
/// pass: looking each key up separately is quadratic on a block with many keys.
fn first_string_offsets(body: &str) -> FxHashMap<&str, usize> {
    let mut offsets = FxHashMap::default();
    let mut rest = body.char_indices();
    while let Some((start, c)) = rest.next() {
        if c != '"' {
            continue;
        }
        let mut escaped = false;
        for (end, c) in rest.by_ref() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => {
                    offsets.entry(&body[start + 1..end]).or_insert(start);
                    break;
                }
                _ => {}
            }
        }
    }
    offsets
}

#[derive(Clone, Copy)]
pub(super) struct Columns {
    pub name: usize,
    pub ty: usize,
    pub description: Option<usize>,
}

/// The name, type and description columns of a property or parameter table; the type
/// column is the first headed by one of `type_headers`.
pub(super) fn columns(table: &Table, type_headers: &[&str]) -> Option<Columns> {
    let header: Vec<String> = table.header.iter().map(|c| c.text.trim().to_ascii_lowercase()).collect();
    let name = header.iter().position(|h| {
        matches!(
            h.as_str(),
            "property"
                | "property name"
                | "name"
                | "relationship"
                | "relationship name"
                | "parameter"
                | "parameter name"
        )
    })?;
    let ty = header.iter().position(|h| type_headers.contains(&h.as_str()))?;
    let description = header.iter().position(|h| h.starts_with("description"));
    Some(Columns { name, ty, description })
}

/// Rows of the property and relationship tables, in page order.
fn table_properties(page: &Page, diags: &mut Vec<Diagnostic>) -> Vec<RawProperty> {
    let mut props = Vec::new();
    for (index, block) in page.blocks.iter().enumerate() {
        let BlockKind::Table(table) = &block.kind else { continue };
        let Some((_, heading)) = page.heading_before(index) else { continue };
        let heading = heading.text.to_ascii_lowercase();
        let navigation = heading.contains("relationship");
        if !(navigation || heading.contains("propert") || heading.contains("instance attributes")) {
            continue;
        }
        let Some(cols) = columns(table, &["type"]) else { continue };
        for row in &table.rows {
            if let Some(prop) = table_row(page, row, cols, navigation, diags) {
                props.push(prop);
            }
        }
    }
    props
}

/// An OData property name: a letter or `_`, then letters, digits and `_`.
fn is_property_name(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn table_row(
    page: &Page,
    row: &[Inline],
    cols: Columns,
    navigation: bool,
    diags: &mut Vec<Diagnostic>,
) -> Option<RawProperty> {
    let cell = |i: usize| row.get(i);
    let name_cell = cell(cols.name)?;
    let span = page.span(name_cell.range.start);
    let type_cell = cell(cols.ty);
    let description = cols.description.and_then(cell).map(|c| c.text.clone()).unwrap_or_default();
    let type_text = type_cell.map_or("", |c| c.text.trim());
    if type_text.is_empty() {
        // `|**Policy Set**|` rows divide a table; a described row without a type is a defect.
        if !description.is_empty() {
            diags.push(Diagnostic::warning(
                "property-without-type",
                &span,
                format!("property `{}` has no type", name_cell.text),
            ));
        }
        return None;
    }
    let name = name_cell.text.split_whitespace().next()?.trim_matches(|c: char| matches!(c, ',' | ':' | '*' | '`'));
    let valid = !name.is_empty()
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '@' | '.' | '-' | '$'))
        && !name.chars().next().is_some_and(|c| c.is_ascii_digit());
    if !valid {
        diags.push(Diagnostic::warning(
            "bad-property-name",
            &span,
            format!("`{}` is not a property name; the row is skipped", name_cell.text),
        ));
        return None;
    }
    // `odata.type` and `@odata.*` rows name OData control information, which every
    // generated type carries already, not properties of this type.
    if name.trim_start_matches('@').to_ascii_lowercase().starts_with("odata.") {
        diags.push(Diagnostic::warning(
            "pseudo-property",
            &span,
            format!("`{name}` is OData control information, not a property; the row is skipped"),
        ));
        return None;
    }
    let table_type = type_cell.and_then(typeref::from_cell);
    if table_type.is_none() {
        diags.push(
            Diagnostic::warning(
                "unreadable-type",
                &span,
                format!("type `{type_text}` of property `{name}` is not a type name"),
            )
            .with_help("the JSON block's type is used if there is one, otherwise `Edm.String`"),
        );
    }
    let desc_cell = cols.description.and_then(cell);
    Some(RawProperty {
        name: name.to_string(),
        table_type,
        table_link: type_cell.and_then(|c| c.links.iter().find(|l| !l.text.is_empty())).map(|l| l.dest.clone()),
        alternatives: type_cell.map(typeref::alternatives).unwrap_or_default(),
        json_type: None,
        navigation,
        listed_values: desc_cell.map(super::enums::listed_values).unwrap_or_default(),
        inherited_from: desc_cell.and_then(|c| linked_after(c, &INHERITED_FROM)).map(|(name, _)| name),
        query: super::query_notes::read(&description, &span, name, diags),
        description,
        span,
        json_span: None,
    })
}

/// The type named right after one of `phrases`: the first link after it (with the page it
/// points to), else the next word.
fn linked_after(inline: &Inline, phrases: &Phrases) -> Option<(String, Option<String>)> {
    let at = phrases.end_of_first(&inline.text.to_ascii_lowercase())?;
    let rest = &inline.text[at..];
    // The link right after the phrase: the earliest in the rest, the longest text at one
    // place (`[teamsApp]` earlier in the paragraph is not `[teamsAppInstallation]`).
    let first_link = inline
        .links
        .iter()
        .filter(|l| !l.text.is_empty())
        .filter_map(|l| Some((rest.find(l.text.as_str())?, std::cmp::Reverse(l.text.len()), l)))
        .min_by_key(|(at, len, _)| (*at, *len))
        .map(|(_, _, l)| l);
    let (word, dest) = match first_link {
        Some(link) => (link.text.clone(), Some(link.dest.clone())),
        // Unlinked, only a camelCase or qualified word is a type ("inherited from the template" is prose).
        None => {
            let word = rest.split_whitespace().next()?;
            if !(word.contains('.') || word.chars().any(|c| c.is_ascii_uppercase())) {
                return None;
            }
            (word.to_string(), None)
        }
    };
    let word = word.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    typeref::is_identifier(word).then(|| (word.to_string(), dest))
}

/// Table rows merged into the JSON block's properties: the table's order and types first,
/// JSON-only keys after. Lookups go through maps: a table can have thousands of rows.
fn merge(ty: &mut RawType, table: Vec<RawProperty>, diags: &mut Vec<Diagnostic>) {
    let mut from_json: Vec<Option<RawProperty>> = std::mem::take(&mut ty.properties).into_iter().map(Some).collect();
    let had_json = !from_json.is_empty();
    let mut exact: FxHashMap<String, usize> = FxHashMap::default();
    let mut folded: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (i, json) in from_json.iter().flatten().enumerate() {
        exact.entry(json.name.clone()).or_insert(i);
        folded.entry(json.name.to_ascii_lowercase()).or_default().push(i);
    }
    let mut listed = FxHashSet::default();
    for mut prop in table {
        if !listed.insert(prop.name.clone()) {
            diags.push(Diagnostic::warning(
                "duplicate-property",
                &prop.span,
                format!("property `{}` is listed twice", prop.name),
            ));
            continue;
        }
        let unused = |i: &usize| from_json[*i].is_some();
        let json_match =
            exact.get(&prop.name).copied().filter(unused).or_else(|| {
                folded.get(&prop.name.to_ascii_lowercase()).and_then(|all| all.iter().copied().find(unused))
            });
        if let Some(json) = json_match.and_then(|i| from_json[i].take()) {
            if json.name != prop.name {
                diags.push(Diagnostic::warning(
                    "name-case-mismatch",
                    &prop.span,
                    format!(
                        "table says `{}`, JSON block at line {} says `{}`; the table's name is used",
                        prop.name, json.span.line, json.name
                    ),
                ));
            }
            prop.json_type = json.json_type;
            prop.json_span = json.json_span;
        } else if had_json && !prop.navigation && prop.inherited_from.is_none() && !prop.name.starts_with('@') {
            diags.push(Diagnostic::warning(
                "missing-from-json",
                &prop.span,
                format!("property `{}` is in the table but not in the JSON representation", prop.name),
            ));
        }
        ty.properties.push(prop);
    }
    let has_table = !ty.properties.is_empty();
    for json in from_json.into_iter().flatten() {
        if has_table {
            diags.push(Diagnostic::warning(
                "missing-from-table",
                &json.span,
                format!("property `{}` is in the JSON representation but not in the property table", json.name),
            ));
        }
        ty.properties.push(json);
    }
}

/// A property's description naming the type it comes from.
static INHERITED_FROM: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(&["inherited from"]));

/// A page's introduction naming its base type.
static BASE_TYPE_PROSE: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(&["inherits from", "derives from", "derived from", "subclass of", "subclass from", "derivative of"])
});

/// "Inherits from [x](x.md)" (or "creates a subclass from [x]", "the derivative of [x]") in
/// the page's introduction.
fn base_from_prose(page: &Page) -> Option<(String, Option<String>)> {
    introduction(page).find_map(|t| linked_after(t, &BASE_TYPE_PROSE))
}

/// The text blocks before the Properties section (all of them on a page without one).
fn introduction(page: &Page) -> impl Iterator<Item = &Inline> {
    let end = page.section(|h| h.contains("propert")).map_or(page.blocks.len(), |s| s.start);
    page.blocks[..end].iter().filter_map(|b| match &b.kind {
        BlockKind::Text(t) => Some(t),
        _ => None,
    })
}

/// How the docs say a type is open: "This is an _open type_", "It is an Open Type", "This
/// is an OData open type", "You can define the properties of this open type", "(Open Type)"
/// in the title. A sentence that names another open type ("used in the open type
/// [x]") says nothing of this one.
static OPEN_TYPE_PROSE: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(&[
        "is an open type",
        "is an odata open type",
        "(open type)",
        "of this open type",
        "properties of an open type can be defined",
    ])
});

/// Whether the title or the introduction says the type is open.
fn says_open_type(page: &Page) -> bool {
    page.title().into_iter().chain(introduction(page)).any(|t| {
        let lower = t.text.to_ascii_lowercase();
        OPEN_TYPE_PROSE.end_of_first(&lower).is_some() || lower.starts_with("an open type that")
    })
}

/// Where a base page lists its derived types: a sentence of the introduction that says
/// "derived types" or "the base type for", then the resource links after the phrase (a
/// sentence ending in `:` continues in the list items after it); a Derived types section.
fn derived_in_prose(page: &Page) -> Vec<(String, Option<String>)> {
    const PHRASES: &[&str] = &["derived types", "base type for", "base resource for", "base class for"];
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    let mut add = |inline: &Inline, from: usize| {
        for link in inline.links.iter().filter(|l| l.dest.ends_with(".md") || l.dest.contains(".md#")) {
            // Only the links after the phrase: "[x] is the base type for [y]" derives y.
            if !inline.text.get(from..).is_some_and(|rest| rest.contains(link.text.as_str())) {
                continue;
            }
            let name = link.text.trim_matches('`');
            if typeref::is_identifier(name) && !out.iter().any(|(n, _)| n == name) {
                out.push((name.to_string(), Some(link.dest.clone())));
            }
        }
    };
    let end = page.section(|h| h.contains("propert")).map_or(page.blocks.len(), |s| s.start);
    let mut listing = false;
    for block in &page.blocks[..end] {
        let BlockKind::Text(t) = &block.kind else { continue };
        let lower = t.text.to_ascii_lowercase();
        match PHRASES.iter().find_map(|p| lower.find(p).map(|i| i + p.len())) {
            Some(after) => {
                add(t, after);
                listing = lower.trim_end().ends_with(':');
            }
            None if listing && page.text[block.offset..].trim_start().starts_with(['-', '*']) => add(t, 0),
            None => listing = false,
        }
    }
    for range in page.sections(|h| h == "derived types") {
        for block in &page.blocks[range] {
            if let BlockKind::Text(t) = &block.kind {
                add(t, 0);
            }
        }
    }
    out
}

/// The first paragraph of prose under the title; quoted notes and TODO placeholders are not prose.
pub(super) fn page_description(page: &Page) -> String {
    let mut after_title = false;
    for block in &page.blocks {
        match &block.kind {
            BlockKind::Heading { level: 1, .. } => after_title = true,
            BlockKind::Heading { .. } if after_title => break,
            BlockKind::Text(t) if after_title => {
                let text = t.text.trim();
                let chrome = text.starts_with("Namespace:")
                    || text.starts_with("[!")
                    || text.starts_with("**Note")
                    || text.starts_with("TODO:")
                    || text.is_empty()
                    || page.is_quoted(block.offset);
                if !chrome {
                    return text.to_string();
                }
            }
            _ => {}
        }
    }
    String::new()
}

/// The reason a resource page defines nothing, as a diagnostic.
pub fn why_nothing(page: &Page) -> Diagnostic {
    let at = page.span(page.title().map_or(0, |t| t.range.start));
    let reason = match page.doc_type {
        DocType::Conceptual => "it is a conceptual page",
        DocType::Api => "it is an API page filed under resources",
        _ if page.title().is_none() => "it has no title",
        _ => "its title does not name a type and it has no resource block or enum table",
    };
    Diagnostic::warning("no-definition", &at, format!("page defines no type: {reason}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_page;
    use crate::scan::SourceFile;

    fn one_type(body: &str) -> (RawType, Vec<Diagnostic>) {
        let file = SourceFile {
            path: "api-reference/v1.0/resources/widget.md".into(),
            folder: Folder::Resources,
            text: format!("# widget resource type\n\n{body}\n\n## Properties\n\n|Property|Type|Description|\n|:--|:--|:--|\n|size|Int32|Size.|\n|odata.type|String|The type.|\n"),
            includes: Vec::new(),
        };
        let mut diags = Vec::new();
        let page = parse_page(file, &mut diags).expect("a page");
        let mut types = types(&page, &mut diags);
        assert_eq!(types.len(), 1);
        (types.remove(0), diags)
    }

    #[test]
    fn open_types_are_read_from_the_title_and_the_introduction() {
        for intro in [
            "This is an _open type_ that holds tokens.",
            "It is an Open Type.",
            "You can define the properties of this open type.",
            "An open type that holds preferences.",
        ] {
            assert!(one_type(intro).0.open, "{intro}");
        }
        assert!(!one_type("This type is used in the open type [gadget](gadget.md).").0.open);
    }

    #[test]
    fn derivations_are_read_from_either_page() {
        let (derived, _) = one_type("This creates a subclass from [gadget](gadget.md), with a size.");
        assert_eq!(derived.base.as_deref(), Some("gadget"));
        let (derivative, _) = one_type("This resource is the derivative of the [gadget](gadget.md) type.");
        assert_eq!(derivative.base.as_deref(), Some("gadget"));
        let (base, _) = one_type(
            "A [part](part.md) holds it. This is a base class; the derived types are [bigWidget](bigwidget.md) and [smallWidget](smallwidget.md).",
        );
        let names: Vec<&str> = base.derived_in_prose.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["bigWidget", "smallWidget"]);
        let (listed, _) =
            one_type("Derived types include:\n\n- [bigWidget](bigwidget.md)\n- [smallWidget](smallwidget.md)\n\nMore words with [part](part.md).");
        let names: Vec<&str> = listed.derived_in_prose.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["bigWidget", "smallWidget"]);
    }

    #[test]
    fn pseudo_property_rows_are_reported_and_skipped() {
        let (ty, diags) = one_type("A widget.");
        assert_eq!(ty.properties.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["size"]);
        assert_eq!(diags.iter().filter(|d| d.code == "pseudo-property").count(), 1);
    }
}
