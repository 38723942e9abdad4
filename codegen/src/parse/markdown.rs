//! Markdown pages to a flat list of blocks, each with its byte offset. Later stages look
//! things up by heading and block kind; nothing here knows what a resource or an API is.

use super::json;
use pulldown_cmark::{BrokenLink, CowStr, Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    pub fields: Vec<(String, String)>,
    /// Byte offset where the markdown body starts.
    pub end: usize,
}

impl FrontMatter {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocType {
    Api,
    Resource,
    Enum,
    Conceptual,
    Unknown,
}

/// Inline text (a paragraph, list item, heading or table cell) with the links in it.
#[derive(Debug, Clone, Default)]
pub struct Inline {
    /// Plain text: markup removed, code spans kept without backticks, breaks as spaces.
    pub text: String,
    pub links: Vec<Link>,
    /// Code spans, in order, with their byte position in `text`.
    pub code: Vec<(usize, String)>,
    pub range: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct Link {
    pub text: String,
    pub dest: String,
}

#[derive(Debug, Clone)]
pub struct Table {
    pub header: Vec<Inline>,
    pub rows: Vec<Vec<Inline>>,
}

#[derive(Debug, Clone)]
pub struct Code {
    /// Lower-cased first word of the info string.
    pub lang: String,
    pub body: String,
    pub body_offset: usize,
    /// Index of the annotation block right before this fence.
    pub annotation: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Annotation {
    pub value: Result<serde_json::Value, json::JsonError>,
    pub repairs: Vec<json::Repair>,
    /// Offset of the `{` inside the comment, so JSON error lines map into the page.
    pub json_offset: usize,
}

impl Annotation {
    pub fn get_str(&self, key: &str) -> Option<&str> {
        self.value.as_ref().ok()?.get(key)?.as_str()
    }
    pub fn get_bool(&self, key: &str) -> Option<bool> {
        match self.value.as_ref().ok()?.get(key)? {
            serde_json::Value::Bool(b) => Some(*b),
            serde_json::Value::String(s) => s.parse().ok(),
            _ => None,
        }
    }
    pub fn block_type(&self) -> Option<String> {
        self.get_str("blockType").map(|s| s.trim().to_ascii_lowercase())
    }
    /// `@odata.type` (or `@type`) without a leading `#`.
    pub fn odata_type(&self) -> Option<&str> {
        self.get_str("@odata.type").or_else(|| self.get_str("@type")).map(|s| s.trim().trim_start_matches('#'))
    }
}

#[derive(Debug, Clone)]
pub enum BlockKind {
    Heading { level: u8, text: Inline },
    Text(Inline),
    Table(Table),
    Code(Code),
    Annotation(Annotation),
}

#[derive(Debug, Clone)]
pub struct Block {
    pub offset: usize,
    pub kind: BlockKind,
}

/// Reads `key: value` lines between `---` fences; tolerant of what strict YAML rejects.
pub fn front_matter(text: &str) -> FrontMatter {
    let mut lines = text.split_inclusive('\n');
    let Some(first) = lines.next() else { return FrontMatter::default() };
    if first.trim_end() != "---" {
        return FrontMatter::default();
    }
    let mut end = first.len();
    let mut fields = Vec::new();
    for line in lines {
        end += line.len();
        if line.trim_end() == "---" {
            return FrontMatter { fields, end };
        }
        if let Some((key, value)) = line.split_once(':') {
            if !key.starts_with(' ') && !key.trim().is_empty() {
                let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
                fields.push((key.trim().to_string(), value.to_string()));
            }
        }
    }
    // No closing fence: not front matter after all.
    FrontMatter::default()
}

/// The level of an ATX heading line (`## Permissions` is 2), for looking at a page's
/// lines before it is parsed.
pub fn heading_level(line: &str) -> Option<usize> {
    let level = line.len() - line.trim_start_matches('#').len();
    ((1..=6).contains(&level) && line[level..].starts_with(' ')).then_some(level)
}

pub fn doc_type(front: &FrontMatter) -> DocType {
    match front.get("doc_type").map(|v| v.trim_end_matches('_').trim()) {
        Some("apiPageType") => DocType::Api,
        Some("resourcePageType") => DocType::Resource,
        Some("enumPageType" | "enumTypes") => DocType::Enum,
        Some("conceptualPageType") => DocType::Conceptual,
        _ => DocType::Unknown,
    }
}

#[derive(Default)]
struct InlineBuilder {
    inline: Inline,
    open_links: Vec<(usize, String)>,
}

impl InlineBuilder {
    /// For the block at `range`: its text is at most about as long as its source.
    fn new(range: &Range<usize>) -> Self {
        let text = String::with_capacity(range.len());
        InlineBuilder {
            inline: Inline { text, range: range.start..range.start, ..Inline::default() },
            open_links: Vec::new(),
        }
    }
    fn push_text(&mut self, text: &str) {
        push_plain(&mut self.inline.text, text);
    }
    fn finish(mut self, end: usize) -> Inline {
        self.inline.range.end = end;
        let leading = self.inline.text.len() - self.inline.text.trim_start().len();
        self.inline.text.drain(..leading);
        self.inline.text.truncate(self.inline.text.trim_end().len());
        for (at, _) in &mut self.inline.code {
            *at = at.saturating_sub(leading);
        }
        self.inline
    }
}

/// Appends `text` with no-break spaces and tabs read as plain spaces.
fn push_plain(out: &mut String, text: &str) {
    // `\u{a0}` is encoded as C2 A0: a byte search finds it, or a rarer neighbour.
    if memchr::memchr2(b'\t', 0xC2, text.as_bytes()).is_some() {
        out.extend(text.chars().map(plain_space));
    } else {
        out.push_str(text);
    }
}

/// No-break spaces and tabs read as plain spaces.
fn plain_space(c: char) -> char {
    if c == '\u{a0}' || c == '\t' {
        ' '
    } else {
        c
    }
}

enum Open {
    Paragraph(InlineBuilder),
    Heading(u8, InlineBuilder),
    Cell(InlineBuilder),
    Item(InlineBuilder),
}

impl Open {
    fn builder(&mut self) -> &mut InlineBuilder {
        match self {
            Open::Paragraph(b) | Open::Heading(_, b) | Open::Cell(b) | Open::Item(b) => b,
        }
    }
}

/// Parses the body of a page (after the front matter) into blocks with absolute offsets.
pub fn blocks(text: &str, body_start: usize) -> Vec<Block> {
    let body = &text[body_start..];
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    // Shortcut and collapsed reference links with no definition (`[identitySet][]`) still name a type.
    let mut broken = |link: BrokenLink<'_>| -> Option<(CowStr<'_>, CowStr<'_>)> {
        Some((CowStr::from(format!("#{}", link.reference)), CowStr::from("")))
    };
    let parser = Parser::new_with_broken_link_callback(body, options, Some(&mut broken));

    let mut out: Vec<Block> = Vec::new();
    let mut open: Option<Open> = None;
    let mut table: Option<(usize, Table, Vec<Inline>, bool)> = None;
    let mut code: Option<(usize, String, String, Option<usize>)> = None;
    let mut html: Option<(usize, String)> = None;

    let flush_item = |open: &mut Option<Open>, out: &mut Vec<Block>, at: usize| {
        if let Some(Open::Item(b)) = open.take() {
            let inline = b.finish(at);
            if !inline.text.is_empty() {
                out.push(Block { offset: inline.range.start, kind: BlockKind::Text(inline) });
            }
        }
    };

    for (event, range) in parser.into_offset_iter() {
        let range = range.start + body_start..range.end + body_start;
        match event {
            Event::Start(Tag::Paragraph) => {
                flush_item(&mut open, &mut out, range.start);
                if table.is_none() {
                    open = Some(Open::Paragraph(InlineBuilder::new(&range)));
                }
            }
            Event::End(TagEnd::Paragraph) => {
                if let Some(Open::Paragraph(b)) = open.take() {
                    let inline = b.finish(range.end);
                    out.push(Block { offset: inline.range.start, kind: BlockKind::Text(inline) });
                }
            }
            Event::Start(Tag::Item) | Event::Start(Tag::List(_)) => {
                flush_item(&mut open, &mut out, range.start);
                if matches!(event, Event::Start(Tag::Item)) {
                    open = Some(Open::Item(InlineBuilder::new(&range)));
                }
            }
            Event::End(TagEnd::Item) => flush_item(&mut open, &mut out, range.end),
            Event::Start(Tag::Heading { level, .. }) => {
                flush_item(&mut open, &mut out, range.start);
                open = Some(Open::Heading(level as u8, InlineBuilder::new(&range)));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(Open::Heading(level, b)) = open.take() {
                    let text = b.finish(range.end);
                    // DocFX tab markers (`# [HTTP](#tab/http)`) look like headings but are not.
                    let is_tab = text.links.iter().any(|l| l.dest.starts_with("#tab/"));
                    if !is_tab {
                        out.push(Block { offset: range.start, kind: BlockKind::Heading { level, text } });
                    }
                }
            }
            Event::Start(Tag::Table(_)) => {
                flush_item(&mut open, &mut out, range.start);
                table = Some((range.start, Table { header: Vec::new(), rows: Vec::new() }, Vec::new(), false));
            }
            Event::Start(Tag::TableHead) => {
                if let Some(t) = table.as_mut() {
                    t.3 = true;
                }
            }
            Event::Start(Tag::TableCell) => open = Some(Open::Cell(InlineBuilder::new(&range))),
            Event::End(TagEnd::TableCell) => {
                if let (Some(Open::Cell(b)), Some(t)) = (open.take(), table.as_mut()) {
                    t.2.push(b.finish(range.end));
                }
            }
            Event::End(TagEnd::TableHead) | Event::End(TagEnd::TableRow) => {
                if let Some(t) = table.as_mut() {
                    let cells = std::mem::take(&mut t.2);
                    if t.3 {
                        t.1.header = cells;
                        t.3 = false;
                    } else {
                        t.1.rows.push(cells);
                    }
                }
            }
            Event::End(TagEnd::Table) => {
                if let Some((offset, t, _, _)) = table.take() {
                    out.push(Block { offset, kind: BlockKind::Table(t) });
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                flush_item(&mut open, &mut out, range.start);
                let lang = match kind {
                    pulldown_cmark::CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_ascii_lowercase()
                    }
                    pulldown_cmark::CodeBlockKind::Indented => String::new(),
                };
                let annotation = match out.last() {
                    Some(Block { kind: BlockKind::Annotation(_), .. }) => Some(out.len() - 1),
                    _ => None,
                };
                code = Some((range.start, lang, String::with_capacity(range.len()), annotation));
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((offset, lang, body, annotation)) = code.take() {
                    let body_offset = text[offset..].find('\n').map_or(offset, |i| offset + i + 1);
                    out.push(Block { offset, kind: BlockKind::Code(Code { lang, body, body_offset, annotation }) });
                }
            }
            Event::Start(Tag::HtmlBlock) => html = Some((range.start, String::new())),
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((offset, raw)) = html.take() {
                    if let Some(annotation) = annotation(&raw, offset) {
                        out.push(Block { offset, kind: BlockKind::Annotation(annotation) });
                    }
                }
            }
            Event::Html(s) => {
                if let Some((_, raw)) = html.as_mut() {
                    raw.push_str(&s);
                }
            }
            Event::Text(s) => {
                if let Some((_, _, body, _)) = code.as_mut() {
                    body.push_str(&s);
                } else if let Some(o) = open.as_mut() {
                    o.builder().push_text(&s);
                }
            }
            Event::Code(s) => {
                if let Some(o) = open.as_mut() {
                    let b = o.builder();
                    let at = b.inline.text.len();
                    // The code span as it stands in `text`, so positions after it add up.
                    let mut code = String::with_capacity(s.len());
                    push_plain(&mut code, &s);
                    b.inline.text.push_str(&code);
                    b.inline.code.push((at, code));
                }
            }
            Event::SoftBreak | Event::HardBreak | Event::InlineHtml(_) => {
                if let Some(o) = open.as_mut() {
                    o.builder().inline.text.push(' ');
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(o) = open.as_mut() {
                    let b = o.builder();
                    let at = b.inline.text.len();
                    b.open_links.push((at, dest_url.to_string()));
                }
            }
            Event::End(TagEnd::Link) => {
                if let Some(o) = open.as_mut() {
                    let b = o.builder();
                    if let Some((start, dest)) = b.open_links.pop() {
                        let text = b.inline.text[start..].trim().to_string();
                        b.inline.links.push(Link { text, dest });
                    }
                }
            }
            _ => {}
        }
    }
    flush_item(&mut open, &mut out, text.len());
    out
}

/// An HTML comment holding a JSON object is an annotation of the fence after it.
fn annotation(raw: &str, offset: usize) -> Option<Annotation> {
    let start = raw.find("<!--")? + 4;
    let inner_end = raw[start..].find("-->").map_or(raw.len(), |i| start + i);
    let inner = &raw[start..inner_end];
    let brace = inner.find('{')?;
    if !inner[..brace].trim().is_empty() {
        return None;
    }
    let json_text = inner[brace..].trim_end();
    let parsed = json::parse(json_text).or_else(|err| {
        // Two objects in one comment: the first one is the annotation.
        first_object(json_text).and_then(|t| json::parse(t).ok()).ok_or(err)
    });
    let (value, repairs) = match parsed {
        Ok((v, r)) => (Ok(v), r),
        Err(e) => (Err(e), Vec::new()),
    };
    Some(Annotation { value, repairs, json_offset: offset + start + brace })
}

fn first_object(text: &str) -> Option<&str> {
    let mut depth = 0;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return (i + 1 < text.len()).then(|| &text[..=i]);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_tolerates_colons_and_quotes() {
        let fm = front_matter("--- \ntitle: \"a: b\"\ndoc_type: 'resourcePageType_'\n---\n# x");
        assert_eq!(fm.get("title"), Some("a: b"));
        assert_eq!(doc_type(&fm), DocType::Resource);
        assert_eq!(fm.end, "--- \ntitle: \"a: b\"\ndoc_type: 'resourcePageType_'\n---\n".len());
    }

    #[test]
    fn annotation_links_to_following_fence() {
        let text = "# t\n\n<!-- {\n  \"blockType\": \"resource\",\n} -->\n```json\n{}\n```\n";
        let blocks = blocks(text, 0);
        let BlockKind::Code(code) = &blocks[2].kind else { panic!("{blocks:?}") };
        assert_eq!(code.annotation, Some(1));
        let BlockKind::Annotation(a) = &blocks[1].kind else { panic!() };
        assert_eq!(a.block_type().as_deref(), Some("resource"));
        assert_eq!(a.repairs, vec![json::Repair::TrailingComma]);
        assert_eq!(&text[code.body_offset..code.body_offset + 2], "{}");
    }

    #[test]
    fn tables_keep_links_and_code() {
        let text = "|Property|Type|Description|\n|:--|:--|:--|\n|a|[b](b.md) collection|Values: `x`, `y`.|\n";
        let blocks = blocks(text, 0);
        let BlockKind::Table(t) = &blocks[0].kind else { panic!() };
        assert_eq!(t.header[1].text, "Type");
        assert_eq!(t.rows[0][1].text, "b collection");
        assert_eq!(t.rows[0][1].links[0].dest, "b.md");
        assert_eq!(t.rows[0][2].code, vec![(8, "x".to_string()), (11, "y".to_string())]);
    }

    #[test]
    fn tab_markers_are_not_headings_and_shortcut_links_are_links() {
        let blocks = blocks("# [HTTP](#tab/http)\n\n|A|B|\n|-|-|\n|x|[identitySet][]|\n", 0);
        assert_eq!(blocks.len(), 1);
        let BlockKind::Table(t) = &blocks[0].kind else { panic!() };
        assert_eq!(t.rows[0][1].links[0].text, "identitySet");
    }
}
