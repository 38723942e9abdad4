//! Stage 2: a page's text to a `Page`: front matter, blocks with offsets, and lookups
//! by heading. Knows the docs' markdown conventions, not what the blocks mean.

pub mod json;
pub mod markdown;

use crate::diag::{Diagnostic, LineIndex, Span};
use crate::scan::{Folder, SourceFile};
pub use markdown::{Annotation, Block, BlockKind, Code, DocType, FrontMatter, Inline, Link, Table};

#[derive(Debug)]
pub struct Page {
    pub path: String,
    pub folder: Folder,
    pub text: String,
    pub lines: LineIndex,
    pub front: FrontMatter,
    pub doc_type: DocType,
    pub blocks: Vec<Block>,
}

pub fn parse_page(file: SourceFile, diags: &mut Vec<Diagnostic>) -> Option<Page> {
    let SourceFile { path, folder, text } = file;
    let lines = LineIndex::new(&text);
    if text.trim().is_empty() {
        diags.push(Diagnostic::error("empty-page", &Span::file_start(&path), "page is empty"));
        return None;
    }
    let front = markdown::front_matter(&text);
    if front.fields.is_empty() && !text.lines().any(|l| l.starts_with("# ")) {
        diags.push(
            Diagnostic::error("unrecognized-page", &Span::file_start(&path), "page has neither front matter nor a `# ` title: not a docs page")
                .with_help("markdown pages start with `---` front matter and a `# title` heading"),
        );
        return None;
    }
    let doc_type = markdown::doc_type(&front);
    let blocks = markdown::blocks(&text, front.end);
    let page = Page { path, folder, text, lines, front, doc_type, blocks };
    page.report_annotations(diags);
    Some(page)
}

impl Page {
    pub fn span(&self, offset: usize) -> Span {
        let (line, column) = self.lines.position(offset);
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

    /// Block indices of the section whose heading satisfies `pred`, up to the next heading
    /// of the same or a higher level.
    pub fn section(&self, pred: impl Fn(&str) -> bool) -> Option<std::ops::Range<usize>> {
        let (start, level) = self.blocks.iter().enumerate().find_map(|(i, b)| match &b.kind {
            BlockKind::Heading { level, text } if *level >= 2 && pred(&text.text.to_ascii_lowercase()) => {
                Some((i, *level))
            }
            _ => None,
        })?;
        let end = self.blocks[start + 1..]
            .iter()
            .position(|b| matches!(&b.kind, BlockKind::Heading { level: l, .. } if *l <= level))
            .map_or(self.blocks.len(), |p| start + 1 + p);
        Some(start + 1..end)
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
