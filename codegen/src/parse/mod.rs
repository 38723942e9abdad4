//! Stage 2: a page's text to a `Page`: front matter, blocks with offsets, and lookups
//! by heading. Knows the docs' markdown conventions, not what the blocks mean.

pub mod json;
pub mod markdown;
pub mod rendered;

use crate::diag::{Diagnostic, LineIndex, Span};
use crate::scan::{Folder, SourceFile};
pub use markdown::{Annotation, Block, BlockKind, Code, DocType, FrontMatter, Inline, Link, Table};

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
    let doc_type = markdown::doc_type(&front);
    let blocks = markdown::blocks(&text, front.end);
    let page = Page { path, folder, text, lines, front, doc_type, blocks, origin, included: Vec::new() };
    page.report_annotations(diags);
    page
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
                            .with_help("the block it labels is read without its annotation"),
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

    /// The `Namespace: x` line, or `microsoft.graph`.
    pub fn namespace(&self) -> String {
        self.blocks
            .iter()
            .take(12)
            .find_map(|b| match &b.kind {
                BlockKind::Text(t) => {
                    let rest = t.text.strip_prefix("Namespace:")?;
                    rest.split_whitespace().next().map(str::to_string)
                }
                _ => None,
            })
            .unwrap_or_else(|| "microsoft.graph".to_string())
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
