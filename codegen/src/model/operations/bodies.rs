//! What an operation takes and returns, as its Request body and Response sections say.

use super::*;

/// Where a link names a type: resource pages and same-page or shortcut links
/// (`[columnDefinition][]`); the link text, without a trailing "object" or "resource".
/// A plural noun in link text (`[user objects]`) or right after a link (`[user]() objects`)
/// makes the type a collection.
fn linked_type(link: &Link) -> Option<TypeRef> {
    if !(link.dest.contains("resources/") || link.dest.starts_with('#')) {
        return None;
    }
    let mut text = link.text.trim();
    let mut plural = false;
    for suffix in [" objects", " object", " resources", " resource", " entities", " entity"] {
        if text.len() > suffix.len() && text.to_ascii_lowercase().ends_with(suffix) {
            text = text[..text.len() - suffix.len()].trim();
            plural = suffix.ends_with('s');
        }
    }
    let mut ty = typeref::from_type_name(text.trim_matches('`'))?;
    ty.collection |= plural;
    Some(ty)
}

/// Words around a linked type that make it a collection: "collection of [x]", "all [x]
/// objects", "[x] collection", "[x] objects".
fn marks_collection(before: &str, after: &str) -> bool {
    const BEFORE: &[&str] =
        &["collection of", "collection of the", "collection of one", "list of", "array of", "all", "all the"];
    const AFTER: &[&str] = &["collection", "objects", "resources", "entities"];
    let after = after.trim_start();
    let word_after = |w: &&str| after.starts_with(w) && !after[w.len()..].starts_with(|c: char| c.is_alphanumeric());
    BEFORE.iter().any(|p| before.ends_with(p) && !before[..before.len() - p.len()].ends_with(char::is_alphanumeric))
        || AFTER.iter().any(word_after)
}

/// The first link in `span` of the inline text that names a type, with the collection
/// markers around it ("collection of [x]", "[x] collection").
fn type_in(inline: &Inline, span: Range<usize>) -> Option<NamedType> {
    let mut cursor = 0;
    for link in &inline.links {
        if link.text.is_empty() {
            continue;
        }
        let Some(found) = inline.text.get(cursor..).and_then(|t| t.find(link.text.as_str())) else { continue };
        let at = cursor + found;
        let end = at + link.text.len();
        cursor = end;
        if at < span.start || end > span.end {
            continue;
        }
        let Some(mut ty) = linked_type(link) else { continue };
        let before = inline.text[span.start..at].trim_end().to_ascii_lowercase();
        let after = inline.text[end..span.end].to_ascii_lowercase();
        ty.collection |= marks_collection(&before, &after);
        return Some(NamedType { ty, link: Some(link.dest.clone()) });
    }
    None
}

/// A type named in prose right after a phrase, without a link: "a JSON representation for
/// the androidLobApp object" → `androidLobApp`.
fn unlinked_type_after(sentence: &str, phrases: &[&str]) -> Option<TypeRef> {
    let lower = sentence.to_ascii_lowercase();
    let at = phrases.iter().filter_map(|p| lower.find(p).map(|i| i + p.len())).min()?;
    let mut words =
        sentence[at..].split_whitespace().skip_while(|w| matches!(w.to_ascii_lowercase().as_str(), "a" | "an" | "the"));
    let name = words.next()?.trim_matches(|c: char| matches!(c, '`' | '*' | '.' | ','));
    let next = words.next().unwrap_or("").to_ascii_lowercase();
    let follows = ["object", "objects", "resource", "entity", "collection"]
        .iter()
        .any(|w| next.trim_end_matches(['.', ',']) == *w);
    // Prose words are lower case; a type name written bare is camel case or qualified.
    let type_like = name.contains(|c: char| c.is_ascii_uppercase() || c == '.') && !name.eq_ignore_ascii_case("json");
    if !follows || !type_like || typeref::primitive(name).is_some() {
        return None;
    }
    typeref::is_identifier(name)
        .then(|| TypeRef { name: TypeName::Named(name.to_string()), collection: next.starts_with("collection") })
}

/// What the "Response" section's sentence says.
pub(super) struct Prose {
    status: Option<u16>,
    ty: Option<NamedType>,
    pub(super) span: Span,
}

fn status_code(text: &str) -> Option<u16> {
    let digits: String = text.trim().chars().take_while(|c| c.is_ascii_digit()).collect();
    let code: u16 = digits.parse().ok()?;
    (digits.len() == 3 && (100..600).contains(&code)).then_some(code)
}

/// The success status in a paragraph: a code span (`200 OK`), else `NNN Reason` in the
/// text; with its byte position. Error codes describe failures, not the operation.
fn status_in(inline: &Inline) -> Option<(usize, u16)> {
    if let Some(found) = inline.code.iter().find_map(|(at, code)| Some((*at, status_code(code).filter(|c| *c < 400)?)))
    {
        return Some(found);
    }
    let text = &inline.text;
    let mut offset = 0;
    for word in text.split(' ') {
        let next = text.get(offset + word.len() + 1..).unwrap_or("");
        if let Some(code) = status_code(word).filter(|c| word.len() == 3 && *c < 400) {
            if next.starts_with(|c: char| c.is_ascii_uppercase()) || next.starts_with("response") {
                return Some((offset, code));
            }
        }
        offset += word.len() + 1;
    }
    None
}

/// Primitives as the response prose capitalizes them: "a String collection", "a Stream".
fn primitive_in(text: &str) -> Option<TypeRef> {
    const WORDS: &[&str] = &[
        "String",
        "Boolean",
        "Stream",
        "Int32",
        "Int64",
        "Double",
        "Binary",
        "DateTimeOffset",
        "Guid",
        "Date",
        "Duration",
    ];
    let words: Vec<&str> =
        text.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_ascii_alphanumeric())).collect();
    words.iter().enumerate().find_map(|(i, w)| {
        let edm = WORDS.contains(w).then(|| typeref::primitive(w)).flatten()?;
        Some(TypeRef {
            name: TypeName::Edm(edm),
            collection: words.get(i + 1).is_some_and(|n| n.eq_ignore_ascii_case("collection")),
        })
    })
}

pub(super) fn response_prose(page: &Page) -> Option<Prose> {
    let range = page
        .section(|h| h == "response")
        .or_else(|| page.section(|h| h.starts_with("response") && !h.contains("header")))?;
    let blocks = &page.blocks[range.clone()];
    let texts: Vec<(usize, &Inline)> = blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Text(t) => Some((b.offset, t)),
            _ => None,
        })
        .collect();
    let chosen = texts
        .iter()
        .find(|(_, t)| status_in(t).is_some())
        .or_else(|| texts.iter().find(|(_, t)| t.text.to_ascii_lowercase().contains("return")));
    // Some sections show a bare status line instead of saying it.
    let fence_status = || {
        blocks.iter().find_map(|b| match &b.kind {
            BlockKind::Code(code) => http_status(code.body.lines().find(|l| !l.trim().is_empty())?),
            _ => None,
        })
    };
    let Some((offset, inline)) = chosen else {
        let heading = page.blocks.get(range.start.saturating_sub(1)).map_or(0, |b| b.offset);
        return Some(Prose { status: fence_status(), ty: None, span: page.span(heading) });
    };
    let status = status_in(inline);
    let anchor = status.map_or(0, |(at, _)| at);
    let sentence = sentences(&inline.text)
        .into_iter()
        .find(|s| s.contains(&anchor) || s.end == anchor)
        .unwrap_or(0..inline.text.len());
    let ty = match status {
        Some((_, 204)) => None,
        _ => type_in(inline, sentence.clone()).or_else(|| {
            primitive_in(&inline.text[anchor.max(sentence.start)..sentence.end])
                .or_else(|| {
                    unlinked_type_after(
                        &inline.text[sentence.clone()],
                        &[" and an updated ", " and a new ", " response code and ", "returns "],
                    )
                })
                .map(NamedType::from)
        }),
    };
    Some(Prose { status: status.map(|(_, s)| s).or_else(fence_status), ty, span: page.span(*offset) })
}

/// `HTTP/1.1 201 Created`, `HTTP 201 Created` or a bare `201`.
pub(super) fn http_status(line: &str) -> Option<u16> {
    let line = line.trim();
    let code = if line.to_ascii_uppercase().starts_with("HTTP") { line.split_whitespace().nth(1)? } else { line };
    status_code(code)
}

/// The prose's status and type, completed from the examples' annotations.
pub(super) fn response(prose: Option<&Prose>, examples: &[Example], at: &Span) -> Option<RawResponse> {
    let responses: Vec<&ExampleResponse> = examples.iter().filter_map(|e| e.response.as_ref()).collect();
    let annotated = responses.iter().find_map(|r| {
        let mut ty = typeref::from_type_name(r.odata_type.as_deref()?)?;
        ty.collection |= r.is_collection;
        Some(ty)
    });
    let status = prose.and_then(|p| p.status).or_else(|| responses.iter().find_map(|r| r.status));
    let mut ty = prose.and_then(|p| p.ty.clone());
    match (&mut ty, annotated) {
        (None, annotated) => ty = annotated.map(NamedType::from),
        (Some(written), Some(annotated)) if same_type(&written.ty, &annotated) => {
            written.ty.collection |= annotated.collection
        }
        _ => {}
    }
    if matches!(status, Some(204)) {
        ty = None;
    }
    let status = status.or(ty.is_some().then_some(200))?;
    Some(RawResponse { status, ty, span: prose.map_or_else(|| at.clone(), |p| p.span.clone()) })
}

fn same_type(a: &TypeRef, b: &TypeRef) -> bool {
    let last = |t: &TypeRef| match &t.name {
        TypeName::Edm(e) => e.to_ascii_lowercase(),
        TypeName::Named(n) => n.rsplit('.').next().unwrap_or(n).to_ascii_lowercase(),
    };
    last(a) == last(b)
}

const NO_BODY: &[&str] = &[
    "not supply",
    "n't supply",
    "no request body",
    "not provide",
    "n't provide",
    "not require a request body",
    "n't require a request body",
    "empty request body",
    "request body is empty",
    "not specify a request body",
];

/// The request body: none, a type ("supply a JSON representation of [x](…)"), or a
/// parameter table. An update's property table lists what may change in the resource
/// being updated, so PATCH and PUT take that resource when the page names it; a POST that
/// answers `201 Created` with an object takes it when it says nothing else of its body or
/// lists properties (not parameters).
pub(super) fn request_body(
    page: &Page,
    method: &str,
    response: Option<&RawResponse>,
    diags: &mut Vec<Diagnostic>,
) -> Option<RawBody> {
    // A create page that names no body takes the object it creates.
    let created = |span: Span| {
        let ty = response.filter(|r| method == "POST" && r.status == 201)?.ty.clone()?;
        (!ty.ty.collection && matches!(ty.ty.name, TypeName::Named(_))).then_some(RawBody::Type { ty, span })
    };
    let Some(range) = page.section(|h| h.starts_with("request body")) else {
        return created(response.map_or_else(|| page.span(0), |r| r.span.clone()));
    };
    let span = page.span(page.blocks.get(range.start.saturating_sub(1)).map_or(0, |b| b.offset));
    let first = own_blocks(page, range.clone()).find_map(|k| match k {
        BlockKind::Text(t) => Some(t),
        _ => None,
    });
    if let Some(text) = first {
        let lower = text.text.to_ascii_lowercase();
        if NO_BODY.iter().any(|p| lower.contains(p)) {
            return None;
        }
        let sentence = sentences(&text.text).into_iter().next().unwrap_or(0..0);
        let named = type_in(text, sentence.clone()).or_else(|| {
            unlinked_type_after(&text.text[sentence.clone()], &["representation of", "representation for"])
                .map(NamedType::from)
        });
        if let Some(ty) = named {
            return Some(RawBody::Type { ty, span });
        }
        if lower.contains("binary") {
            return Some(RawBody::Type {
                ty: TypeRef { name: TypeName::Edm("Edm.Stream"), collection: false }.into(),
                span,
            });
        }
    }
    if matches!(method, "PATCH" | "PUT") {
        if let Some(ty) = updated_type(page, response) {
            return Some(RawBody::Type { ty, span });
        }
    }
    let table = page.blocks[range].iter().find_map(|b| match &b.kind {
        BlockKind::Table(t) => columns(t, PARAMETER_TYPE_HEADERS).map(|c| (t, c)),
        _ => None,
    });
    let Some((table, cols)) = table else { return created(span) };
    // A create page's property table lists properties of the object it creates.
    let lists_properties =
        table.header.get(cols.name).is_some_and(|h| h.text.trim().to_ascii_lowercase().starts_with("property"));
    if lists_properties {
        if let Some(body) = created(span.clone()) {
            return Some(body);
        }
    }
    let mut parameters: Vec<RawParameter> = Vec::new();
    for row in &table.rows {
        let Some(name_cell) = row.get(cols.name) else { continue };
        let Some(name) = cell_name(&name_cell.text) else { continue };
        let type_cell = row.get(cols.ty);
        if type_cell.is_none_or(|c| c.text.trim().is_empty()) || parameters.iter().any(|p| p.name == name) {
            // Bold divider rows have no type; repeated names add nothing.
            continue;
        }
        let at = page.span(name_cell.range.start);
        let ty = type_cell.and_then(typeref::from_cell).unwrap_or_else(|| {
            diags.push(
                Diagnostic::warning(
                    "unreadable-type",
                    &at,
                    format!("type of body parameter `{name}` is not a type name"),
                )
                .with_help("the parameter is generated as untyped JSON"),
            );
            TypeRef { name: TypeName::Edm("Edm.Untyped"), collection: false }
        });
        let alternatives = type_cell.map(typeref::alternatives).unwrap_or_default();
        parameters.push(RawParameter { name: name.to_string(), ty, alternatives, span: at });
    }
    Some(RawBody::Parameters(parameters))
}

/// The resource an update changes: the single object it returns, else the first resource
/// linked in the description, else `x` in a title "Update x".
fn updated_type(page: &Page, response: Option<&RawResponse>) -> Option<NamedType> {
    if let Some(ty) =
        response.and_then(|r| r.ty.clone()).filter(|t| !t.ty.collection && matches!(t.ty.name, TypeName::Named(_)))
    {
        return Some(ty);
    }
    let end = page
        .blocks
        .iter()
        .position(|b| matches!(b.kind, BlockKind::Heading { level: 2.., .. }))
        .unwrap_or(page.blocks.len());
    let linked = page.blocks[..end].iter().find_map(|b| match &b.kind {
        BlockKind::Text(t) if !page.is_quoted(b.offset) => t.links.iter().find_map(|link| {
            let ty = linked_type(link).filter(|t| !t.collection)?;
            Some(NamedType { ty, link: Some(link.dest.clone()) })
        }),
        _ => None,
    });
    linked.or_else(|| {
        let title = page.title()?.text.trim();
        let words: Vec<&str> = title
            .split_whitespace()
            .filter(|w| !matches!(w.to_ascii_lowercase().as_str(), "a" | "an" | "the"))
            .collect();
        match words.as_slice() {
            [verb, name] if verb.eq_ignore_ascii_case("update") && typeref::is_identifier(name) => {
                Some(TypeRef { name: TypeName::Named(name.to_string()), collection: false }.into())
            }
            _ => None,
        }
    })
}
