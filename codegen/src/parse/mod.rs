//! Stage 2: a page's text to a `Page`: front matter, blocks with offsets, and lookups
//! by heading. Knows the docs' markdown conventions, not what the blocks mean.

pub mod json;
pub mod markdown;
pub mod rendered;

use crate::diag::{Diagnostic, LineIndex, Span};
use crate::scan::{Folder, SourceFile};
pub use markdown::{Annotation, Block, BlockKind, Code, DocType, FrontMatter, Inline, Link, Table};

/// The namespace of pages that state none.
pub const DEFAULT_NAMESPACE: &str = "microsoft.graph";

/// Phrases after which the docs list a property's values ("The possible values are: `a`,
/// `b`."): the model reads code spans after them as enum members, and the rendered-text
/// converter writes the values after them as code.
pub const VALUE_LIST_PHRASES: &[&str] = &[
    "possible values",
    "valid values",
    "supported values",
    "allowed values",
    "values can be",
    "must be one of",
    "can be one of",
    "one of the following values",
];

/// `VALUE_LIST_PHRASES`, searched for once per table cell.
pub static VALUE_LISTS: std::sync::LazyLock<Phrases> = std::sync::LazyLock::new(|| Phrases::new(VALUE_LIST_PHRASES));

/// Lower-case phrases looked for in lower-cased prose, each with its searcher built once:
/// they are searched for in every description of the corpus.
pub struct Phrases(Vec<memchr::memmem::Finder<'static>>);

impl Phrases {
    pub fn new(phrases: &[&'static str]) -> Self {
        Phrases(phrases.iter().map(|&p| memchr::memmem::Finder::new(p)).collect())
    }

    /// Where the earliest of the phrases found in `lower` ends.
    pub fn end_of_first(&self, lower: &str) -> Option<usize> {
        self.0.iter().filter_map(|f| f.find(lower.as_bytes()).map(|i| i + f.needle().len())).min()
    }
}

#[derive(Debug)]
pub struct Page {
    pub path: String,
    pub folder: Folder,
    pub text: String,
    pub lines: LineIndex,
    pub front: FrontMatter,
    pub doc_type: DocType,
    pub blocks: Vec<Block>,
    /// For a page converted from rendered text, where each line of `text` came from.
    pub origin: Option<rendered::LineMap>,
    /// The files it includes whose content the model reads (`SourceFile::includes`).
    pub included: Vec<Page>,
}

pub fn parse_page(file: SourceFile, diags: &mut Vec<Diagnostic>) -> Option<Page> {
    let SourceFile { path, folder, text, includes } = file;
    if text.trim().is_empty() {
        diags.push(Diagnostic::error("empty-page", &Span::file_start(&path), "page is empty"));
        return None;
    }
    // The form is read from the content, not the extension: a `.txt` page may hold either.
    let (text, origin) = match rendered::form(&text) {
        rendered::Form::Markdown => (text, None),
        rendered::Form::Rendered => {
            let (converted, map) = rendered::convert(&text);
            (converted, Some(map))
        }
        rendered::Form::Unrecognized => {
            let line = text.lines().position(|l| !l.trim().is_empty()).map_or(1, |i| i + 1);
            diags.push(
                Diagnostic::error("unrecognized-page", &Span { file: path, line, column: 1 }, "page is neither a markdown docs page nor one copied from the website")
                    .with_help("markdown pages start with `---` front matter or a `# title` heading; pages copied from the website start with the title line, then a `Namespace: microsoft.graph` line"),
            );
            return None;
        }
    };
    let mut page = markdown_page(path, folder, text, origin, diags);
    page.included =
        includes.into_iter().map(|file| markdown_page(file.path, file.folder, file.text, None, diags)).collect();
    Some(page)
}

/// Markdown text to a page; an included file is read this way whatever its form.
fn markdown_page(
    path: String,
    folder: Folder,
    text: String,
    origin: Option<rendered::LineMap>,
    diags: &mut Vec<Diagnostic>,
) -> Page {
    let lines = LineIndex::new(&text);
    let front = markdown::front_matter(&text);
    let blocks = markdown::blocks(&text, front.end);
    // The content decides where the front matter is silent, and for enum pages (a title
    // "`x` enum type" or a Members table) tagged as resources.
    let doc_type = match (markdown::doc_type(&front), kind_from_content(&blocks)) {
        (DocType::Unknown, content) | (DocType::Resource, content @ DocType::Enum) => content,
        (stated, _) => stated,
    };
    let page = Page { path, folder, text, lines, front, doc_type, blocks, origin, included: Vec::new() };
    page.report_annotations(diags);
    page
}

/// What a page is, told by what it holds when its front matter does not say (older pages
/// and some new ones): an enum page is titled "`x` enum type" or lists its members under
/// a Members heading; an API page has an HTTP request section; a resource page is titled
/// "`x` resource type" (or complex, entity type), has a `resource` block, or a table under
/// a Properties or Relationships heading.
fn kind_from_content(blocks: &[Block]) -> DocType {
    let title = blocks.iter().find_map(|b| match &b.kind {
        BlockKind::Heading { level: 1, text } => Some(text.text.trim().trim_end_matches('.').to_ascii_lowercase()),
        _ => None,
    });
    let title = title.as_deref().unwrap_or("");
    let mut heading = String::new();
    let (mut members_table, mut request_section, mut property_table, mut resource_block) = (false, false, false, false);
    for block in blocks {
        match &block.kind {
            BlockKind::Heading { level: 2.., text } => heading = text.text.trim().to_ascii_lowercase(),
            BlockKind::Heading { .. } => heading.clear(),
            BlockKind::Table(_) if heading == "members" => members_table = true,
            BlockKind::Table(_) if heading.contains("propert") || heading.contains("relationship") => {
                property_table = true
            }
            BlockKind::Code(_) if heading.starts_with("http request") => request_section = true,
            BlockKind::Annotation(a) => resource_block |= a.block_type().as_deref() == Some("resource"),
            _ => {}
        }
    }
    let titled = |suffixes: &[&str]| suffixes.iter().any(|s| title.ends_with(s));
    if titled(&["enum type"]) || members_table {
        DocType::Enum
    } else if request_section {
        DocType::Api
    } else if titled(&["resource type", "complex type", "entity type"]) || resource_block || property_table {
        DocType::Resource
    } else {
        DocType::Unknown
    }
}

impl Page {
    pub fn span(&self, offset: usize) -> Span {
        let (line, column) = self.lines.position(offset);
        let (line, column) = self.origin.as_ref().map_or((line, column), |map| map.original(line, column));
        Span { file: self.path.clone(), line, column }
    }

    fn report_annotations(&self, diags: &mut Vec<Diagnostic>) {
        for block in &self.blocks {
            if let BlockKind::Annotation(a) = &block.kind {
                if let Err(err) = &a.value {
                    let mut at = self.span(a.json_offset);
                    at.line += err.line.saturating_sub(1);
                    diags.push(
                        Diagnostic::warning("annotation-json", &at, format!("annotation is not JSON: {}", err.message))
                            .with_help("the fence it labels is read as an unannotated one: an example request or response by its first line, anything else not at all"),
                    );
                }
            }
        }
    }

    pub fn title(&self) -> Option<&Inline> {
        self.blocks.iter().find_map(|b| match &b.kind {
            BlockKind::Heading { level: 1, text } => Some(text),
            _ => None,
        })
    }

    /// The page's namespace, or `microsoft.graph` when the page does not say.
    pub fn namespace(&self) -> String {
        self.stated_namespace().unwrap_or_else(|| DEFAULT_NAMESPACE.to_string())
    }

    /// The namespace the page states: its `Namespace: x` line, else the `namespace` of its
    /// page annotation, else the one namespace of the qualified types its code blocks'
    /// annotations name (`microsoft.graph.callRecords.session`). None when it says none
    /// or several: the resolver then looks at how other pages refer to its definitions.
    pub fn stated_namespace(&self) -> Option<String> {
        let line = self.blocks.iter().take(12).find_map(|b| match &b.kind {
            BlockKind::Text(t) => {
                let rest = t.text.strip_prefix("Namespace:")?;
                rest.split_whitespace().next().map(str::to_string)
            }
            _ => None,
        });
        let annotations = || {
            self.blocks.iter().filter_map(|b| match &b.kind {
                BlockKind::Annotation(a) => Some(a),
                _ => None,
            })
        };
        let page_annotation = || annotations().find_map(|a| a.get_str("namespace").map(|n| n.trim().to_string()));
        line.or_else(page_annotation).filter(|n| !n.is_empty()).or_else(|| {
            let mut named = annotations().filter_map(|a| {
                let ty = a.odata_type()?;
                let ty = ty.strip_prefix("Collection(").or(ty.strip_prefix("collection(")).unwrap_or(ty);
                let (namespace, _) = ty.trim_end_matches(')').rsplit_once('.')?;
                namespace.starts_with("microsoft.graph").then_some(namespace)
            });
            let first = named.next()?;
            named.all(|n| n == first).then(|| first.to_string())
        })
    }

    /// The nearest heading above block `index`.
    pub fn heading_before(&self, index: usize) -> Option<(u8, &Inline)> {
        self.blocks[..index].iter().rev().find_map(|b| match &b.kind {
            BlockKind::Heading { level, text } => Some((*level, text)),
            _ => None,
        })
    }

    /// Block indices of the first section whose heading satisfies `pred`, up to the next
    /// heading of the same or a higher level.
    pub fn section(&self, pred: impl Fn(&str) -> bool) -> Option<std::ops::Range<usize>> {
        self.sections(pred).next()
    }

    /// Every section whose (lower-cased) heading satisfies `pred`, in page order: some pages
    /// repeat a section per scenario.
    pub fn sections<'a>(
        &'a self,
        pred: impl Fn(&str) -> bool + 'a,
    ) -> impl Iterator<Item = std::ops::Range<usize>> + 'a {
        // One buffer for the lower-cased headings: lookups run over every heading of a page.
        let mut lower = String::new();
        self.blocks.iter().enumerate().filter_map(move |(start, b)| {
            let BlockKind::Heading { level, text } = &b.kind else { return None };
            if *level < 2 {
                return None;
            }
            lower.clear();
            lower.push_str(&text.text);
            lower.make_ascii_lowercase();
            if !pred(&lower) {
                return None;
            }
            let end = self.blocks[start + 1..]
                .iter()
                .position(|b| matches!(&b.kind, BlockKind::Heading { level: l, .. } if l <= level))
                .map_or(self.blocks.len(), |p| start + 1 + p);
            Some(start + 1..end)
        })
    }

    /// Whether the paragraph at `offset` is quoted (`> **Note:** …`): an aside, not prose.
    pub fn is_quoted(&self, offset: usize) -> bool {
        let line_start = self.text.get(..offset).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
        self.text.get(line_start..).is_some_and(|l| l.trim_start().starts_with('>'))
    }

    pub fn annotation_of(&self, code: &Code) -> Option<&Annotation> {
        match &self.blocks[code.annotation?].kind {
            BlockKind::Annotation(a) => Some(a),
            _ => None,
        }
    }

    /// Fences with their annotations, in page order.
    pub fn annotated_code(&self) -> impl Iterator<Item = (usize, &Code, Option<&Annotation>)> {
        self.blocks.iter().enumerate().filter_map(|(i, b)| match &b.kind {
            BlockKind::Code(c) => Some((i, c, self.annotation_of(c))),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> Page {
        let file = SourceFile {
            path: "api-reference/v1.0/resources/x.md".into(),
            folder: Folder::Resources,
            text: text.into(),
            includes: Vec::new(),
        };
        parse_page(file, &mut Vec::new()).expect("a page")
    }

    #[test]
    fn page_kinds_come_from_the_content_where_front_matter_is_silent() {
        let kind = |body: &str| page(&format!("---\ntitle: t\n---\n{body}")).doc_type;
        assert_eq!(kind("# `shade` enum type\n\nSome words.\n"), DocType::Enum);
        assert_eq!(kind("# Shades\n\n## Members\n\n|Member|Value|\n|-|-|\n|dark|0|\n"), DocType::Enum);
        assert_eq!(kind("# Get widget\n\n## HTTP request\n\n```http\nGET /widgets\n```\n"), DocType::Api);
        assert_eq!(kind("# widget resource type\n\nWords.\n"), DocType::Resource);
        assert_eq!(kind("# Widgets\n\n## Properties\n\n|Property|Type|\n|-|-|\n|a|String|\n"), DocType::Resource);
        assert_eq!(kind("# Working with widgets\n\nWords.\n"), DocType::Unknown);
        // Stated kinds stand, except an enum page tagged as a resource.
        let stated = |doc_type: &str, body: &str| page(&format!("---\ndoc_type: {doc_type}\n---\n{body}")).doc_type;
        assert_eq!(stated("conceptualPageType", "# widget resource type\n"), DocType::Conceptual);
        assert_eq!(stated("resourcePageType", "# `shade` enum type\n"), DocType::Enum);
    }

    #[test]
    fn the_namespace_comes_from_the_line_the_page_annotation_or_the_annotated_types() {
        let ns = |body: &str| page(&format!("# t\n\n{body}")).stated_namespace();
        assert_eq!(ns("Namespace: microsoft.graph.a\n").as_deref(), Some("microsoft.graph.a"));
        let page_annotation =
            "Words.\n\n<!-- { \"type\": \"#page.annotation\", \"namespace\": \"microsoft.graph.b\" } -->\n";
        assert_eq!(ns(page_annotation).as_deref(), Some("microsoft.graph.b"));
        let block = |ty: &str| {
            format!("<!-- {{ \"blockType\": \"response\", \"@odata.type\": \"{ty}\" }} -->\n```http\nHTTP/1.1 200 OK\n```\n\n")
        };
        assert_eq!(ns(&block("Collection(microsoft.graph.c.x)")).as_deref(), Some("microsoft.graph.c"));
        // Several namespaces, or none: the page does not say.
        assert_eq!(ns(&(block("microsoft.graph.c.x") + &block("microsoft.graph.y"))), None);
        assert_eq!(ns("Words.\n"), None);
        assert_eq!(page("# t\n").namespace(), DEFAULT_NAMESPACE);
    }
}
