//! Pages copied as text from the rendered website: no markdown, no annotations, tables
//! flattened into lines. `form` tells them from markdown pages by their content; `convert`
//! rewrites one into the docs' markdown form (front matter, headings, pipe tables, annotated
//! fences), so every later stage reads a single form. The converted text comes with a
//! `LineMap` back to the lines of the original text, which diagnostics point at.

use super::markdown::front_matter;
use super::{json, VALUE_LISTS};
use serde_json::{json, Value};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Markdown,
    Rendered,
    Unrecognized,
}

/// Lines the website adds around the content: page actions, feedback prompts.
const CHROME: &[&str] = &[
    "Edit",
    "Share via",
    "Print",
    "Save",
    "Add to Collections",
    "Add to plan",
    "Table of contents",
    "Exit focus mode",
    "Read in English",
    "Ask Learn",
    "Feedback",
    "Was this page helpful?",
    "Yes No",
];

/// Labels of the code-sample tabs; copying keeps only the HTTP tab's content.
const TAB_LABELS: &[&str] =
    &["HTTP", "C#", "CLI", "Go", "Java", "JavaScript", "PHP", "PowerShell", "Python", "TypeScript"];

/// Words that open a callout box (`> [!IMPORTANT]` in markdown).
const BOXES: &[&str] = &["Important", "Note", "Caution", "Warning", "Tip"];

/// Headings of the docs' sections, as the website shows them on a line of their own.
const SECTIONS: &[&str] = &[
    "Methods",
    "Properties",
    "Relationships",
    "JSON representation",
    "Members",
    "Functions",
    "Actions",
    "Instance attributes",
    "Permissions",
    "HTTP request",
    "Path parameters",
    "Function parameters",
    "Parameters",
    "Optional query parameters",
    "Query parameters",
    "Request headers",
    "Request body",
    "Response",
    "Response headers",
    "Errors",
    "Examples",
    "Example",
    "See also",
    "Related content",
];

/// How a title line may be followed by the `Namespace:` line: the non-blank lines between.
const TITLE_TO_NAMESPACE: usize = 3;

const METHODS: &[&str] = &["GET", "POST", "PATCH", "PUT", "DELETE"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TableKind {
    /// `name type[ collection] description`: properties, relationships, parameters.
    Typed,
    Methods,
    NameDescription,
    Permissions,
    Members,
}

/// Table header lines and the columns they stand for.
const TABLES: &[(&str, TableKind, &[&str])] = &[
    ("Property Type Description", TableKind::Typed, &["Property", "Type", "Description"]),
    ("Relationship Type Description", TableKind::Typed, &["Relationship", "Type", "Description"]),
    ("Parameter Type Description", TableKind::Typed, &["Parameter", "Type", "Description"]),
    ("Name Type Description", TableKind::Typed, &["Name", "Type", "Description"]),
    ("Method Return type Description", TableKind::Methods, &["Method", "Return type", "Description"]),
    ("Name Description", TableKind::NameDescription, &["Name", "Description"]),
    (
        "Permission type Least privileged permissions Higher privileged permissions",
        TableKind::Permissions,
        &["Permission type", "Least privileged permissions", "Higher privileged permissions"],
    ),
    (
        "Permission type Permissions (from least to most privileged)",
        TableKind::Permissions,
        &["Permission type", "Permissions (from least to most privileged)"],
    ),
    ("Member Value Description", TableKind::Members, &["Member", "Value", "Description"]),
    ("Member Description", TableKind::Members, &["Member", "Description"]),
    ("Value Description", TableKind::Members, &["Value", "Description"]),
];

const ACCOUNTS: &[&str] =
    &["Delegated (work or school account)", "Delegated (personal Microsoft account)", "Application"];

/// The form of a page's text: markdown (front matter, markdown headings or tables), rendered
/// text (a title line, then `Namespace: microsoft.graph…`, and known section names on their
/// own lines), or neither.
pub fn form(text: &str) -> Form {
    if !front_matter(text).fields.is_empty() {
        return Form::Markdown;
    }
    if is_rendered(text) {
        return Form::Rendered;
    }
    if text.lines().any(|l| is_atx_heading(l) || is_table_delimiter(l)) {
        Form::Markdown
    } else {
        Form::Unrecognized
    }
}

fn is_rendered(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty()).skip_while(|l| is_chrome(l));
    let Some(title) = lines.next() else { return false };
    if title.starts_with(['#', '<', '|', '{', '[']) {
        return false;
    }
    let namespace = lines.take(TITLE_TO_NAMESPACE).any(|l| namespace_of(l).is_some());
    namespace && text.lines().any(|l| SECTIONS.contains(&l.trim()))
}

fn is_atx_heading(line: &str) -> bool {
    super::markdown::heading_level(line).is_some()
}

fn is_table_delimiter(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('|') && t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

fn is_chrome(t: &str) -> bool {
    CHROME.contains(&t)
        || TAB_LABELS.contains(&t)
        || t.starts_with("This API is available in the following national cloud deployments")
        || (t.starts_with("Global service") && t.contains("21Vianet"))
}

/// `Namespace: microsoft.graph.callRecords` → `microsoft.graph.callRecords`.
fn namespace_of(line: &str) -> Option<&str> {
    let ns = line.strip_prefix("Namespace:")?.split_whitespace().next()?;
    ns.starts_with("microsoft.graph").then_some(ns)
}

/// For each line of a converted page, the 1-based line of the original text it came from and
/// whether it was copied unchanged (then its columns hold too; otherwise a span points at
/// column 1 of the original line). A map rather than line-aligned output: conversion adds
/// lines (front matter, fences, annotations, table delimiters) and joins a row's
/// continuation lines into one.
#[derive(Debug, Clone, Default)]
pub struct LineMap(Vec<(usize, bool)>);

impl LineMap {
    /// The original (line, column) of a 1-based (line, column) in the converted text.
    pub fn original(&self, line: usize, column: usize) -> (usize, usize) {
        match self.0.get(line.saturating_sub(1)).or(self.0.last()) {
            Some(&(original, true)) => (original, column),
            Some(&(original, false)) => (original, 1),
            None => (line, column),
        }
    }
}

/// Rendered text to the docs' markdown form, with the map back to the original lines.
pub fn convert(text: &str) -> (String, LineMap) {
    let mut c = Converter {
        lines: text.split('\n').collect(),
        out: String::with_capacity(text.len() * 5 / 4),
        map: Vec::new(),
        last_blank: true,
        namespace: "microsoft.graph".to_string(),
        title_type: None,
        section: Section::Other,
        examples_level: None,
        table: None,
        response_type: None,
        shortened: false,
    };
    let mut i = 0;
    while c.lines.get(i).is_some_and(|l| l.trim().is_empty() || is_chrome(l.trim())) {
        i += 1;
    }
    if let Some(title) = c.lines.get(i) {
        c.title(title.trim(), i);
        i += 1;
    }
    while i < c.lines.len() {
        i = c.line(i);
    }
    c.flush_table();
    (c.out, LineMap(c.map))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    HttpRequest,
    JsonRepresentation,
    /// The page's own Response section, before the examples.
    Response,
    Other,
}

struct Table {
    kind: TableKind,
    columns: &'static [&'static str],
    /// Index of the header line.
    at: usize,
    /// Each row with the index of its first line.
    rows: Vec<(usize, Vec<String>)>,
    after_blank: bool,
}

struct Converter<'a> {
    lines: Vec<&'a str>,
    out: String,
    map: Vec<(usize, bool)>,
    last_blank: bool,
    namespace: String,
    /// `x` of a title "x resource type", for the JSON representation's annotation.
    title_type: Option<String>,
    section: Section,
    /// The level of the Examples (or "Example n") heading while inside the examples.
    examples_level: Option<u8>,
    table: Option<Table>,
    /// The type the Response section's sentence returns, and whether it is a collection.
    response_type: Option<(String, bool)>,
    /// A note in the current section says the example response is shortened.
    shortened: bool,
}

impl Converter<'_> {
    /// Appends one converted line (without its newline) that came from line `index`.
    fn emit(&mut self, line: &str, index: usize, verbatim: bool) {
        self.out.push_str(line);
        self.out.push('\n');
        self.map.push((index + 1, verbatim));
        self.last_blank = line.trim().is_empty();
    }

    fn blank(&mut self, index: usize) {
        if !self.last_blank {
            self.emit("", index, false);
        }
    }

    fn title(&mut self, title: &str, index: usize) {
        let lower = title.to_ascii_lowercase();
        let doc_type = if ["resource type", "complex type", "entity type"].iter().any(|s| lower.ends_with(s)) {
            self.title_type = title.split_whitespace().next().filter(|w| is_identifier(w)).map(str::to_string);
            "resourcePageType"
        } else if lower.ends_with("enum type") {
            "enumPageType"
        } else {
            "apiPageType"
        };
        for line in ["---".to_string(), format!("title: {title}"), format!("doc_type: {doc_type}"), "---".to_string()] {
            self.emit(&line, index, false);
        }
        self.emit("", index, false);
        self.emit(&format!("# {}", markdown_text(title, None)), index, false);
    }

    /// Converts the construct starting at line `i`; returns the index after it.
    fn line(&mut self, i: usize) -> usize {
        let t = self.lines[i].trim();
        if t.is_empty() {
            match self.table.as_mut() {
                Some(table) => table.after_blank = true,
                None => self.blank(i),
            }
            return i + 1;
        }
        if is_chrome(t) {
            return i + 1;
        }
        if let Some(level) = self.heading(t) {
            self.flush_table();
            self.blank(i);
            self.emit(&format!("{} {}", "#".repeat(usize::from(level)), markdown_text(t, None)), i, false);
            self.blank(i);
            return i + 1;
        }
        if let Some(&(_, kind, columns)) = TABLES.iter().find(|(header, ..)| *header == t) {
            self.flush_table();
            self.table = Some(Table { kind, columns, at: i, rows: Vec::new(), after_blank: false });
            return i + 1;
        }
        if BOXES.contains(&t) || t.starts_with("Note:") {
            self.flush_table();
            return self.callout(i);
        }
        if is_request_line(t) {
            self.flush_table();
            return if self.section == Section::HttpRequest {
                self.http_request(i)
            } else {
                self.example(i, "request")
            };
        }
        if is_status_line(t) {
            self.flush_table();
            return self.example(i, "response");
        }
        if t == "{" || t == "[" {
            self.flush_table();
            return self.json_document(i);
        }
        if let Some(table) = self.table.as_mut() {
            if table.take(t, i) {
                return i + 1;
            }
            self.flush_table();
        }
        self.prose(t, i);
        i + 1
    }

    /// The heading level of a line that names a section, updating where the page is.
    fn heading(&mut self, t: &str) -> Option<u8> {
        let level = if is_example_heading(t) {
            self.examples_level = Some(3);
            3
        } else if let (Some(level), "Request" | "Response") = (self.examples_level, t) {
            level + 1
        } else if SECTIONS.contains(&t) {
            self.examples_level = matches!(t, "Examples" | "Example").then_some(2);
            2
        } else if is_values_heading(t) {
            3
        } else {
            return None;
        };
        self.section = match (t, level) {
            ("HTTP request", _) => Section::HttpRequest,
            ("JSON representation", _) => Section::JsonRepresentation,
            ("Response", 2) => Section::Response,
            _ => Section::Other,
        };
        self.shortened = false;
        Some(level)
    }

    fn prose(&mut self, t: &str, i: usize) {
        self.shortened |= t.contains("shortened");
        if let Some(namespace) = namespace_of(t) {
            self.namespace = namespace.to_string();
        }
        if let Some(item) = t.strip_prefix('•') {
            self.emit(&format!("- {}", markdown_text(item.trim(), None)), i, false);
            return;
        }
        let link = if self.section == Section::Response && t.to_ascii_lowercase().contains("return") {
            returned_type(t).map(|(range, collection)| {
                let word = t.get(range.clone()).unwrap_or_default();
                let last = word.rsplit('.').next().unwrap_or(word).to_ascii_lowercase();
                if self.response_type.is_none() {
                    self.response_type = Some((word.to_string(), collection));
                }
                (range, format!("../resources/{last}.md"))
            })
        } else {
            None
        };
        let line = markdown_text(t, link);
        let verbatim = line == self.lines[i];
        self.emit(&line, i, verbatim);
    }

    /// A callout box (or a `Note:` line) as a quote: the docs' asides are quoted, and later
    /// stages do not read quoted text as a page's description.
    fn callout(&mut self, start: usize) -> usize {
        let end = callout_end(&self.lines, start);
        self.blank(start);
        for i in start..end {
            let t = self.lines[i].trim();
            self.shortened |= t.contains("shortened");
            let line = match t.strip_prefix('•') {
                _ if t.is_empty() => ">".to_string(),
                Some(item) => format!("> - {}", markdown_text(item.trim(), None)),
                None => format!("> {}", markdown_text(t, None)),
            };
            self.emit(&line, i, false);
        }
        self.blank(end.saturating_sub(1));
        end
    }

    /// Request lines of the HTTP request section, blank lines between them included.
    fn http_request(&mut self, start: usize) -> usize {
        let mut end = start + 1;
        loop {
            let next = self.next_non_blank(end);
            if !self.lines.get(next).is_some_and(|l| is_request_line(l.trim())) {
                break;
            }
            end = next + 1;
        }
        self.fence(json!({ "blockType": "ignored" }), "http", start..end);
        end
    }

    /// An example request (`GET https://…`) or response (`HTTP/1.1 200 OK`): the line, its
    /// headers, and the JSON body after them.
    fn example(&mut self, start: usize, block_type: &str) -> usize {
        let mut end = start + 1;
        while self.lines.get(end).is_some_and(|l| is_header_line(l.trim())) {
            end += 1;
        }
        let body = self.next_non_blank(end);
        if self.lines.get(body).is_some_and(|l| l.trim_start().starts_with(['{', '['])) {
            end = json_end(&self.lines, body);
        }
        let mut annotation = json!({ "blockType": block_type });
        let no_content = self.lines[start].split_whitespace().nth(1) == Some("204");
        if let (Some((ty, collection)), "response", false) = (&self.response_type, block_type, no_content) {
            annotation["@odata.type"] = Value::from(qualify(ty, &self.namespace));
            annotation["isCollection"] = Value::from(*collection);
        }
        if block_type == "response" && self.shortened {
            annotation["truncated"] = Value::from(true);
        }
        self.fence(annotation, "http", start..end);
        end
    }

    /// A JSON document; under "JSON representation" it is the resource block, named by its
    /// own `@odata.type` or else by the page title.
    fn json_document(&mut self, start: usize) -> usize {
        let end = json_end(&self.lines, start);
        if self.section != Section::JsonRepresentation {
            self.fence(Value::Null, "json", start..end);
            return end;
        }
        let body = self.lines[start..end].join("\n");
        let own = json::parse(&body).ok().and_then(|(v, _)| {
            let ty = v.get("@odata.type")?.as_str()?.trim().trim_start_matches('#').to_string();
            (!ty.is_empty()).then_some(ty)
        });
        let mut annotation = json!({ "blockType": "resource" });
        if let Some(ty) = own.or_else(|| self.title_type.as_ref().map(|t| qualify(t, &self.namespace))) {
            annotation["@odata.type"] = Value::from(ty);
        }
        self.fence(annotation, "json", start..end);
        end
    }

    /// Lines `body` copied unchanged into a fence, after the annotation unless it is null.
    fn fence(&mut self, annotation: Value, lang: &str, body: Range<usize>) {
        let start = body.start;
        let last = body.end.saturating_sub(1).max(start);
        let lines: Vec<&str> = self.lines.get(body.clone()).unwrap_or_default().to_vec();
        // The fence must be longer than any run of backticks inside it.
        let longest = lines.iter().map(|l| longest_run(l, '`')).max().unwrap_or(0);
        let marker = "`".repeat(longest.max(2) + 1);
        self.blank(start);
        if !annotation.is_null() {
            self.emit(&format!("<!-- {annotation} -->"), start, false);
        }
        self.emit(&format!("{marker}{lang}"), start, false);
        for (n, line) in lines.iter().enumerate() {
            self.emit(line, start + n, true);
        }
        self.emit(&marker, last, false);
        self.emit("", last, false);
    }

    fn next_non_blank(&self, from: usize) -> usize {
        (from..self.lines.len()).find(|&i| !self.lines[i].trim().is_empty()).unwrap_or(self.lines.len())
    }

    fn flush_table(&mut self) {
        let Some(table) = self.table.take() else { return };
        let at = table.at;
        self.blank(at);
        let pipe_row = |cells: &[String]| format!("|{}|", cells.join("|"));
        let header: Vec<String> = table.columns.iter().map(|c| c.to_string()).collect();
        self.emit(&pipe_row(&header), at, false);
        self.emit(&pipe_row(&vec!["---".to_string(); header.len()]), at, false);
        let mut last = at;
        for (i, cells) in &table.rows {
            let mut cells: Vec<String> = cells.iter().map(|c| markdown_text(c.trim(), None)).collect();
            cells.resize(header.len(), String::new());
            self.emit(&pipe_row(&cells), *i, false);
            last = *i;
        }
        self.emit("", last, false);
    }
}

impl Table {
    /// Takes line `i` as a new row or as the continuation of the last one; false when the
    /// line cannot belong to the table.
    fn take(&mut self, t: &str, i: usize) -> bool {
        // A blank line inside a cell (a `<br/><br/>`) starts a continuation paragraph; rows
        // follow each other without one.
        let may_start_row = !self.after_blank || matches!(self.kind, TableKind::Typed | TableKind::Permissions);
        let row = match self.kind {
            TableKind::Typed => typed_row(t),
            TableKind::Permissions => permission_row(t, self.columns.len()),
            _ if !may_start_row => None,
            TableKind::Methods => methods_row(t),
            TableKind::NameDescription => split_word(t).map(|(name, rest)| vec![name.to_string(), rest.to_string()]),
            TableKind::Members => members_row(t, self.columns.len()),
        };
        self.after_blank = false;
        match (row, self.rows.last_mut()) {
            (Some(cells), _) => self.rows.push((i, cells)),
            (None, Some((_, cells))) => {
                if let Some(description) = cells.last_mut() {
                    description.push(' ');
                    description.push_str(t);
                }
            }
            (None, None) => return false,
        }
        true
    }
}

/// The first word of `s` and the rest after it, both trimmed.
fn split_word(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_start();
    let end = s.find(char::is_whitespace).unwrap_or(s.len());
    (end > 0).then(|| (&s[..end], s[end..].trim_start()))
}

fn is_identifier(w: &str) -> bool {
    let mut chars = w.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        && !w.ends_with('.')
}

/// A property name as tables write it: lowerCamel, or an `@` annotation name. Sentences
/// continuing a description start with a capital, which keeps them from reading as rows.
fn is_property_name(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_lowercase() || c == '@')
        && w.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '@' | '.' | '$' | '-'))
}

/// An Edm name or an identifier, optionally qualified, or `Collection(x)`.
fn is_type_word(w: &str) -> bool {
    is_identifier(w) || w.strip_prefix("Collection(").and_then(|r| r.strip_suffix(')')).is_some_and(is_identifier)
}

/// `<name> <Type>[ collection][ description]`.
fn typed_row(t: &str) -> Option<Vec<String>> {
    let (name, rest) = split_word(t)?;
    let (ty, mut rest) = split_word(rest)?;
    if !is_property_name(name) || !is_type_word(ty) {
        return None;
    }
    let mut ty = ty.to_string();
    if let Some((word, after)) = split_word(rest).filter(|(w, _)| w.eq_ignore_ascii_case("collection")) {
        ty = format!("{ty} {word}");
        rest = after;
    }
    Some(vec![name.to_string(), ty, rest.to_string()])
}

/// `<method> <type>[ collection] <description>`; the method is one word, which is a guess
/// for "List members" and the like (nothing reads this table's first columns).
fn methods_row(t: &str) -> Option<Vec<String>> {
    let (method, rest) = split_word(t)?;
    let Some((ty, mut rest)) = split_word(rest) else {
        return Some(vec![method.to_string(), String::new(), String::new()]);
    };
    let mut ty = ty.to_string();
    if let Some((word, after)) = split_word(rest).filter(|(w, _)| w.eq_ignore_ascii_case("collection")) {
        ty = format!("{ty} {word}");
        rest = after;
    }
    Some(vec![method.to_string(), ty, rest.to_string()])
}

/// `<member>[ <value>] <description>`: the value column holds an integer.
fn members_row(t: &str, columns: usize) -> Option<Vec<String>> {
    let (member, rest) = split_word(t)?;
    if !is_identifier(member) {
        return None;
    }
    if columns < 3 {
        return Some(vec![member.to_string(), rest.to_string()]);
    }
    match split_word(rest).filter(|(value, _)| value.parse::<i64>().is_ok()) {
        Some((value, description)) => Some(vec![member.to_string(), value.to_string(), description.to_string()]),
        None => Some(vec![member.to_string(), String::new(), rest.to_string()]),
    }
}

/// `<account> <least privileged> <higher privileged>`: the first cell is one scope (or a
/// list joined by commas) or a "Not supported." phrase; the rest is the second cell.
fn permission_row(t: &str, columns: usize) -> Option<Vec<String>> {
    let account = ACCOUNTS.iter().find(|a| t.strip_prefix(**a).is_some_and(|r| r.is_empty() || r.starts_with(' ')))?;
    let rest = t.get(account.len()..).unwrap_or_default().trim();
    if columns < 3 {
        return Some(vec![account.to_string(), rest.to_string()]);
    }
    let phrase = ["Not supported.", "Not available.", "None."].iter().find(|p| rest.starts_with(**p));
    let (least, higher) = match phrase {
        Some(p) => (p.to_string(), rest.get(p.len()..).unwrap_or_default().trim().to_string()),
        None => {
            let words: Vec<&str> = rest.split_whitespace().collect();
            let mut n = words.len().min(1);
            while n < words.len() && words[n - 1].ends_with(',') {
                n += 1;
            }
            (words[..n].join(" "), words[n..].join(" "))
        }
    };
    Some(vec![account.to_string(), least, higher])
}

/// `Example 1: List all sign-ups` and the like.
fn is_example_heading(t: &str) -> bool {
    let Some(rest) = t.strip_prefix("Example ") else { return false };
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    digits > 0 && rest.get(digits..).is_some_and(|r| r.is_empty() || r.starts_with([':', ' ', '.']))
}

/// `riskLevel values`: the heading of an enum's member table on a resource page.
fn is_values_heading(t: &str) -> bool {
    matches!(t.split_whitespace().collect::<Vec<_>>().as_slice(), [name, "values"] if is_identifier(name) && name.starts_with(|c: char| c.is_ascii_lowercase()))
}

/// `GET /path` or `GET https://…`; the query may hold spaces.
fn is_request_line(t: &str) -> bool {
    split_word(t)
        .is_some_and(|(method, rest)| METHODS.contains(&method) && (rest.starts_with('/') || rest.starts_with("http")))
}

/// `HTTP/1.1 200 OK`.
fn is_status_line(t: &str) -> bool {
    t.starts_with("HTTP/")
        && t.split_whitespace().nth(1).is_some_and(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_digit()))
}

/// `Content-Type: application/json`.
fn is_header_line(t: &str) -> bool {
    t.split_once(':').is_some_and(|(name, _)| {
        name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    })
}

fn qualify(name: &str, namespace: &str) -> String {
    if name.contains('.') {
        name.to_string()
    } else {
        format!("{namespace}.{name}")
    }
}

fn longest_run(line: &str, c: char) -> usize {
    line.split(|x| x != c).map(str::len).max().unwrap_or(0)
}

/// The index after a callout: its first paragraph and the bullet list right after it.
fn callout_end(lines: &[&str], start: usize) -> usize {
    let blank = |i: usize| lines.get(i).is_none_or(|l| l.trim().is_empty());
    let mut end = start + 1;
    let is_word = lines.get(start).is_some_and(|l| BOXES.contains(&l.trim()));
    if is_word {
        // The box's word stands alone; its text is the next paragraph.
        while end < lines.len() && blank(end) {
            end += 1;
        }
        while end < lines.len() && !blank(end) && !SECTIONS.contains(&lines[end].trim()) {
            end += 1;
        }
    }
    loop {
        let mut next = end;
        while next < lines.len() && blank(next) {
            next += 1;
        }
        if !lines.get(next).is_some_and(|l| l.trim_start().starts_with('•')) {
            return end;
        }
        end = next + 1;
    }
}

/// The index after a JSON document opening at `start`: where its brackets balance, or the
/// next section heading when they never do.
fn json_end(lines: &[&str], start: usize) -> usize {
    let mut depth: i64 = 0;
    for (i, line) in lines.iter().enumerate().skip(start) {
        if i > start && SECTIONS.contains(&line.trim()) {
            return i;
        }
        let mut in_string = false;
        let mut escaped = false;
        for c in line.chars() {
            match c {
                _ if escaped => escaped = false,
                '\\' if in_string => escaped = true,
                '"' => in_string = !in_string,
                '{' | '[' if !in_string => depth += 1,
                '}' | ']' if !in_string => depth -= 1,
                _ => {}
            }
        }
        if depth <= 0 {
            return i + 1;
        }
    }
    lines.len()
}

/// Words of a text with their byte ranges.
fn words(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s..i, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

/// Words that stand before "object" or after "collection of" without naming a type.
const NOT_TYPES: &[&str] = &[
    "a",
    "an",
    "the",
    "new",
    "updated",
    "requested",
    "created",
    "specified",
    "json",
    "response",
    "body",
    "empty",
    "single",
    "collection",
    "list",
    "array",
    "object",
    "objects",
    "of",
    "and",
    "in",
    "its",
    "this",
    "that",
    "following",
    "same",
];

/// The type a Response sentence returns, as the byte range of its word, and whether it is
/// a collection: "a collection of x objects", "an x object", "an x collection".
fn returned_type(text: &str) -> Option<(Range<usize>, bool)> {
    let words = words(text);
    let bare = |k: usize| {
        words.get(k).map_or(String::new(), |(_, w)| w.trim_end_matches([',', '.', ';', ':']).to_ascii_lowercase())
    };
    for (k, (range, word)) in words.iter().enumerate() {
        let name = word.trim_end_matches([',', '.', ';', ':']);
        if !is_identifier(name) || NOT_TYPES.contains(&name.to_ascii_lowercase().as_str()) {
            continue;
        }
        let next = bare(k + 1);
        let of = k >= 2 && bare(k - 1) == "of" && ["collection", "list", "array"].contains(&bare(k - 2).as_str());
        let noun = ["object", "objects", "resource", "resources", "entity", "entities"].contains(&next.as_str());
        if of || noun || next == "collection" {
            return Some((range.start..range.start + name.len(), of || next == "collection"));
        }
    }
    None
}

/// `$select`, `$filter`: the docs write OData options as code.
fn dollar_options(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for (at, _) in text.match_indices('$') {
        let after_word = at > 0 && bytes.get(at - 1).is_some_and(|b| b.is_ascii_alphanumeric());
        let len = bytes.get(at + 1..).unwrap_or_default().iter().take_while(|b| b.is_ascii_alphabetic()).count();
        if len > 0 && !after_word {
            out.push(at..at + 1 + len);
        }
    }
    out
}

/// The values listed after a "possible values" phrase, which the docs write as code and the
/// model reads enum members from: "The possible values are: a, b, c." Only a list counts
/// (a colon after the phrase, or commas or "or" between values), up to the sentence's end.
fn listed_values(text: &str) -> Vec<Range<usize>> {
    let lower = text.to_ascii_lowercase();
    let Some(start) = VALUE_LISTS.end_of_first(&lower) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut colon = false;
    let words = words(text.get(start..).unwrap_or_default());
    for (k, (range, word)) in words.iter().enumerate() {
        let bare = word.trim_end_matches([',', ';', '.', ':', ')']);
        if out.is_empty() && matches!(bare, "" | "are" | "is" | "include" | "includes") {
            colon |= word.ends_with(':');
            continue;
        }
        if !out.is_empty() && matches!(bare, "and" | "or") {
            continue;
        }
        let valid = bare.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
            && bare.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
        let next = words.get(k + 1).map_or("", |(_, w)| *w);
        let listed = colon || word.ends_with(',') || matches!(next, "or" | "and") || !out.is_empty();
        if !valid || !listed {
            break;
        }
        out.push(start + range.start..start + range.start + bare.len());
        if word.ends_with(['.', ';', ')']) {
            break;
        }
    }
    out
}

/// Plain text as markdown: markup characters escaped, OData options and listed values as
/// code spans (as the docs write them), and `link` (a byte range and its destination) as a
/// link.
fn markdown_text(text: &str, link: Option<(Range<usize>, String)>) -> String {
    let mut marks: Vec<(Range<usize>, Option<String>)> =
        dollar_options(text).into_iter().chain(listed_values(text)).map(|r| (r, None)).collect();
    marks.extend(link.map(|(r, dest)| (r, Some(dest))));
    marks.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for (range, dest) in marks {
        let (Some(before), Some(inner)) = (text.get(at..range.start), text.get(range.clone())) else { continue };
        escape(before, &mut out);
        match dest {
            None => {
                out.push('`');
                out.push_str(inner);
                out.push('`');
            }
            Some(dest) => {
                out.push('[');
                escape(inner, &mut out);
                out.push_str("](");
                out.push_str(&dest);
                out.push(')');
            }
        }
        at = range.end;
    }
    escape(text.get(at..).unwrap_or_default(), &mut out);
    // At a line's start `- x`, `+ x` and `1. x` are list items, and `---` or `===` under a
    // line makes it a heading.
    let digits = out.len() - out.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && out.get(digits..).is_some_and(|r| r.starts_with(['.', ')'])) {
        out.insert(digits, '\\');
    } else if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    }
    out
}

/// Escapes what is markup anywhere in a line.
fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '&') {
            out.push('\\');
        }
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_page, BlockKind, DocType, Page};
    use crate::scan::{Folder, SourceFile};

    /// A rendered page: chrome, a title, the namespace line, then `body`.
    fn rendered(title: &str, body: &str) -> String {
        format!("Edit\n\nShare via\n\n\n{title}\n\nNamespace: microsoft.graph\n\n{body}")
    }

    fn page(text: &str, folder: Folder) -> Page {
        let mut diags = Vec::new();
        let file = SourceFile { path: "beta/x.txt".into(), folder, text: text.into(), includes: Vec::new() };
        let page = parse_page(file, &mut diags).expect("page parses");
        assert!(diags.is_empty(), "{diags:?}");
        page
    }

    fn tables(page: &Page) -> Vec<&crate::parse::Table> {
        page.blocks.iter().filter_map(|b| if let BlockKind::Table(t) = &b.kind { Some(t) } else { None }).collect()
    }

    fn cells(row: &[crate::parse::Inline]) -> Vec<&str> {
        row.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn forms_are_told_apart_by_content() {
        assert_eq!(form("---\ntitle: t\n---\n# t\n"), Form::Markdown);
        assert_eq!(form("# widget resource type\n\nNamespace: microsoft.graph\n\n## Properties\n"), Form::Markdown);
        assert_eq!(form("|a|b|\n|-|-|\n|1|2|\n"), Form::Markdown);
        assert_eq!(form(&rendered("widget resource type", "Properties\n")), Form::Rendered);
        assert_eq!(form("widget resource type\nNamespace: microsoft.graph.callRecords\nMethods\n"), Form::Rendered);
        // A title and a namespace, but no section: not enough to tell.
        assert_eq!(form("widget resource type\n\nNamespace: microsoft.graph\n\nSome words.\n"), Form::Unrecognized);
        // The namespace line too far from the title.
        assert_eq!(form("a\nb\nc\nd\ne\nNamespace: microsoft.graph\nProperties\n"), Form::Unrecognized);
        assert_eq!(form("shopping list\neggs\nflour\n"), Form::Unrecognized);
    }

    #[test]
    fn title_gives_front_matter_and_heading() {
        for (title, doc_type) in [
            ("widget resource type", DocType::Resource),
            ("gadget complex type", DocType::Resource),
            ("colorKind enum type", DocType::Enum),
            ("List widgets", DocType::Api),
        ] {
            let p = page(&rendered(title, "Properties\n\nNone.\n"), Folder::Resources);
            assert_eq!(p.doc_type, doc_type, "{title}");
            assert_eq!(p.title().map(|t| t.text.as_str()), Some(title));
            assert_eq!(p.front.get("title"), Some(title));
            assert_eq!(p.namespace(), "microsoft.graph");
            // Chrome lines are gone; the title maps back to its own line.
            assert!(!p.text.contains("Share via"));
            assert_eq!(p.span(p.title().map_or(0, |t| t.range.start)).line, 6);
        }
    }

    #[test]
    fn section_names_become_headings_with_example_levels() {
        let body = "Examples\n\nExample 1: Get one widget\n\nRequest\n\nSome words.\n\nResponse\n\nMore words.\n\nProperties\n\nsize values\n";
        let p = page(&rendered("Get widget", body), Folder::Api);
        let headings: Vec<(u8, &str)> = p
            .blocks
            .iter()
            .filter_map(|b| {
                if let BlockKind::Heading { level, text } = &b.kind {
                    Some((*level, text.text.as_str()))
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(
            headings,
            [
                (1, "Get widget"),
                (2, "Examples"),
                (3, "Example 1: Get one widget"),
                (4, "Request"),
                (4, "Response"),
                (2, "Properties"),
                (3, "size values")
            ]
        );
    }

    #[test]
    fn property_rows_with_collections_and_continuations() {
        let body = "Properties\n\nProperty Type Description\n\
            name String What the widget is called.\n\nSupports $filter (eq).\n\
            parts gadgetPart collection The parts, in order.\n\
            kind widgetKind The kind. The possible values are: small, large, unknownFutureValue.\n\
            owner microsoft.graph.identitySet\n\nRelationships\n\nNone.\n";
        let p = page(&rendered("widget resource type", body), Folder::Resources);
        let t = tables(&p)[0];
        assert_eq!(cells(&t.header), ["Property", "Type", "Description"]);
        assert_eq!(t.rows.len(), 4);
        assert_eq!(cells(&t.rows[0]), ["name", "String", "What the widget is called. Supports $filter (eq)."]);
        assert_eq!(t.rows[0][2].code, [(36, "$filter".to_string())]);
        assert_eq!(cells(&t.rows[1]), ["parts", "gadgetPart collection", "The parts, in order."]);
        let values: Vec<&str> = t.rows[2][2].code.iter().map(|(_, c)| c.as_str()).collect();
        assert_eq!(values, ["small", "large", "unknownFutureValue"]);
        assert_eq!(cells(&t.rows[3]), ["owner", "microsoft.graph.identitySet", ""]);
        // Each row points at its own line of the text.
        assert_eq!(p.span(t.rows[1][0].range.start).line, 16);
    }

    #[test]
    fn permission_rows_split_into_columns() {
        let body = "Permissions\n\n\
            Permission type Least privileged permissions Higher privileged permissions\n\
            Delegated (work or school account) Widget.Read Widget.ReadWrite, Widget.Read.All\n\
            Delegated (personal Microsoft account) Not supported. Not supported.\n\
            Application Widget.Read.All, Gadget.Read.All Not available.\n\n\
            Permission type Permissions (from least to most privileged)\n\
            Application Widget.Read.All\n";
        let p = page(&rendered("Get widget", body), Folder::Api);
        let t = tables(&p);
        assert_eq!(
            cells(&t[0].rows[0]),
            ["Delegated (work or school account)", "Widget.Read", "Widget.ReadWrite, Widget.Read.All"]
        );
        assert_eq!(
            cells(&t[0].rows[1]),
            ["Delegated (personal Microsoft account)", "Not supported.", "Not supported."]
        );
        assert_eq!(cells(&t[0].rows[2]), ["Application", "Widget.Read.All, Gadget.Read.All", "Not available."]);
        assert_eq!(cells(&t[1].rows[0]), ["Application", "Widget.Read.All"]);
    }

    #[test]
    fn name_and_member_tables_continue_after_a_blank_line() {
        let body = "Request headers\n\nName Description\nAuthorization Bearer token. Required.\n\nSee the guide.\nIf-Match An etag.\n\n\
            Members\n\nMember Value Description\nsmall 0 Fits a hand.\nlarge Needs a cart.\n";
        let p = page(&rendered("widgetSize enum type", body), Folder::Resources);
        let t = tables(&p);
        assert_eq!(cells(&t[0].rows[0]), ["Authorization", "Bearer token. Required. See the guide."]);
        assert_eq!(cells(&t[0].rows[1]), ["If-Match", "An etag."]);
        assert_eq!(cells(&t[1].rows[0]), ["small", "0", "Fits a hand."]);
        assert_eq!(cells(&t[1].rows[1]), ["large", "", "Needs a cart."]);
    }

    fn fences(p: &Page) -> Vec<(Option<serde_json::Value>, &str)> {
        p.annotated_code().map(|(_, code, a)| (a.and_then(|a| a.value.clone().ok()), code.body.as_str())).collect()
    }

    #[test]
    fn requests_and_responses_become_annotated_fences() {
        let body = "HTTP request\n\nGET /widgets\n\nGET /me/widgets?$top=2\n\nResponse\n\n\
            If successful, this method returns a 200 OK response code and a collection of widget objects in the response body.\n\n\
            Examples\n\nRequest\n\nPOST https://graph.microsoft.com/beta/widgets\nContent-Type: application/json\n\n{\n  \"name\": \"a\"\n}\n\n\
            Response\n\nNote: The response is shortened.\n\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\n  \"value\": []\n}\n\n\
            HTTP/1.1 204 No Content\n";
        let p = page(&rendered("List widgets", body), Folder::Api);
        let f = fences(&p);
        assert_eq!(f.len(), 4);
        assert_eq!(f[0], (Some(json!({ "blockType": "ignored" })), "GET /widgets\n\nGET /me/widgets?$top=2\n"));
        assert_eq!(
            f[1],
            (
                Some(json!({ "blockType": "request" })),
                "POST https://graph.microsoft.com/beta/widgets\nContent-Type: application/json\n\n{\n  \"name\": \"a\"\n}\n"
            )
        );
        let response = json!({ "blockType": "response", "@odata.type": "microsoft.graph.widget", "isCollection": true, "truncated": true });
        assert_eq!(
            f[2],
            (Some(response), "HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\n  \"value\": []\n}\n")
        );
        assert_eq!(f[3], (Some(json!({ "blockType": "response", "truncated": true })), "HTTP/1.1 204 No Content\n"));
        // The response sentence links the type, as the docs do.
        let range = p.section(|h| h == "response").expect("response section");
        let BlockKind::Text(sentence) = &p.blocks[range.start].kind else { panic!("{:?}", p.blocks[range.start]) };
        assert_eq!(sentence.links[0].text, "widget");
        assert_eq!(sentence.links[0].dest, "../resources/widget.md");
        // Fence lines keep their line and column.
        let (_, code, _) = p.annotated_code().nth(1).expect("request fence");
        let at = p.span(code.body_offset + code.body.find("\"name\"").unwrap_or(0));
        assert_eq!((at.line, at.column), (28, 3));
    }

    #[test]
    fn json_representation_is_the_resource_block() {
        let named = page(
            &rendered("widget resource type", "JSON representation\n\n{\n  \"name\": \"String\"\n}\n"),
            Folder::Resources,
        );
        let typed = page(
            &rendered("widget resource type", "JSON representation\n\n{\n  \"@odata.type\": \"#microsoft.graph.gizmo\",\n  \"tags\": [\"String\"]\n}\n"),
            Folder::Resources,
        );
        let other = page(&rendered("widget resource type", "Request body\n\n[\n  1\n]\n"), Folder::Resources);
        assert_eq!(
            fences(&named)[0].0,
            Some(json!({ "blockType": "resource", "@odata.type": "microsoft.graph.widget" }))
        );
        assert_eq!(
            fences(&typed)[0].0,
            Some(json!({ "blockType": "resource", "@odata.type": "microsoft.graph.gizmo" }))
        );
        assert_eq!(fences(&other), [(None, "[\n  1\n]\n")]);
        let text = rendered("widget resource type", "JSON representation\n\n{\n}\n")
            .replace("microsoft.graph", "microsoft.graph.callRecords");
        let namespaced = page(&text, Folder::Resources);
        assert_eq!(
            fences(&namespaced)[0].0,
            Some(json!({ "blockType": "resource", "@odata.type": "microsoft.graph.callRecords.widget" }))
        );
    }

    #[test]
    fn unbalanced_json_stops_at_the_next_section() {
        let p = page(
            &rendered(
                "widget resource type",
                "JSON representation\n\n{\n  \"name\": \"String\"\n\nProperties\n\nNone.\n",
            ),
            Folder::Resources,
        );
        assert_eq!(fences(&p)[0].1, "{\n  \"name\": \"String\"\n\n");
        assert!(p.section(|h| h == "properties").is_some());
    }

    #[test]
    fn callouts_are_quoted_and_chrome_is_dropped() {
        let body = "Important\n\nThis is an aside.\n\n  • first\n  • second\n\nThe widget holds parts.\n\nThis API is available in the following national cloud deployments.\n\nProperties\n";
        let p = page(&rendered("widget resource type", body), Folder::Resources);
        let texts: Vec<(&str, bool)> = p
            .blocks
            .iter()
            .filter_map(|b| {
                if let BlockKind::Text(t) = &b.kind {
                    Some((t.text.as_str(), p.is_quoted(b.offset)))
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(
            texts,
            [
                ("Namespace: microsoft.graph", false),
                ("Important", true),
                ("This is an aside.", true),
                ("first", true),
                ("second", true),
                ("The widget holds parts.", false)
            ]
        );
    }

    #[test]
    fn text_is_escaped_not_read_as_markup() {
        let body = "Some *stars*, a_b_c, <b>tags</b>, [brackets](x) and `ticks` | pipes.\n\n- not a list\n\n1. not a list\n\nProperties\n";
        let p = page(&rendered("widget resource type", body), Folder::Resources);
        let texts: Vec<&str> = p
            .blocks
            .iter()
            .filter_map(|b| if let BlockKind::Text(t) = &b.kind { Some(t.text.as_str()) } else { None })
            .collect();
        assert_eq!(
            texts[1..],
            ["Some *stars*, a_b_c, <b>tags</b>, [brackets](x) and `ticks` | pipes.", "- not a list", "1. not a list"]
        );
    }

    #[test]
    fn value_lists_and_options() {
        let code = |t: &str| listed_values(t).into_iter().map(|r| t[r].to_string()).collect::<Vec<_>>();
        assert_eq!(code("Possible values are: on, off, or auto. Then more, words."), ["on", "off", "auto"]);
        assert_eq!(code("The possible values are on or off."), ["on", "off"]);
        assert!(code("Possible values are listed below.").is_empty());
        let t = "Use $select, $filter=x and US$5.";
        assert_eq!(dollar_options(t).into_iter().map(|r| &t[r]).collect::<Vec<_>>(), ["$select", "$filter"]);
    }

    #[test]
    fn returned_types() {
        let word = |t: &str| returned_type(t).map(|(r, c)| (t[r].to_string(), c));
        assert_eq!(
            word("returns a 200 OK response code and a collection of widget objects."),
            Some(("widget".into(), true))
        );
        assert_eq!(
            word("returns a 201 Created response code and a new widget object."),
            Some(("widget".into(), false))
        );
        assert_eq!(
            word("returns a 200 OK response code and a microsoft.graph.widget collection."),
            Some(("microsoft.graph.widget".into(), true))
        );
        assert_eq!(word("returns a 204 No Content response code."), None);
        assert_eq!(word("returns a JSON object."), None);
    }

    #[test]
    fn line_map_keeps_columns_only_on_unchanged_lines() {
        let map = LineMap(vec![(3, true), (3, false), (7, true)]);
        assert_eq!(map.original(1, 5), (3, 5));
        assert_eq!(map.original(2, 5), (3, 1));
        assert_eq!(map.original(9, 2), (7, 2));
        assert_eq!(LineMap::default().original(4, 2), (4, 2));
    }

    #[test]
    fn odd_text_never_panics() {
        for text in [
            "",
            "\n\n",
            "é\nNamespace: microsoft.graph\nProperties\n{",
            "t\nNamespace: microsoft.graph\nProperties\nProperty Type Description\n\n",
            "t\nNamespace: microsoft.graph\nResponse\nreturns a ü object\n[\n\"\\\"\n",
        ] {
            let (out, map) = convert(text);
            assert!(map.0.len() == out.lines().count(), "{text:?}");
        }
    }
}
