//! Doc text: descriptions as one escaped line, code spans, and the source line with its
//! link to Microsoft Learn.

use super::s;
use crate::ir::Source;
use syn::Attribute;

/// An item's doc lines: the description on one line (so no text can form markdown blocks),
/// then the page it comes from.
pub fn docs(attrs: &mut Vec<Attribute>, description: &str, source: &Source) {
    description_lines(attrs, description, "");
    attrs.push(s::doc(&source_line(source)));
}

/// A field's doc lines: the description, then its JSON name (the name `$select` takes) and
/// where the docs list it. `note` (markdown) ends the description.
pub(super) fn field_docs(attrs: &mut Vec<Attribute>, description: &str, note: &str, json: &str, source: &Source) {
    description_lines(attrs, description, note);
    let place = format!(" JSON: {}. Source: {}", code_span(json), code_span(&source_place(source)));
    attrs.push(s::doc(&place));
}

/// The description and `note` as a paragraph, if there is any text.
fn description_lines(attrs: &mut Vec<Attribute>, description: &str, note: &str) {
    let mut text = String::with_capacity(description.len() + note.len() + 1);
    text.push(' ');
    push_doc_line(&mut text, description);
    if text.len() > 1 || !note.is_empty() {
        if text.len() > 1 && !note.is_empty() {
            text.push(' ');
        }
        text.push_str(note);
        attrs.push(s::doc(&text));
        attrs.push(s::doc(""));
    }
}

/// Text as one doc line that cannot open a markdown block, with markdown's link and HTML
/// characters escaped and web addresses made links: rustdoc reads it as the text it is.
pub fn doc_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_doc_line(&mut out, text);
    out
}

/// Appends `text` on one line, runs of whitespace as one space, escaped as `doc_line` says.
pub(super) fn push_doc_line(out: &mut String, text: &str) {
    if is_one_clean_line(text) {
        // Most descriptions: copied whole rather than word by word.
        let start = out.len();
        out.push_str(text);
        // A line opening with a fence would make rustdoc read the rest as a doctest.
        if text.starts_with("```") || text.starts_with("~~~") {
            out.insert(start, '\\');
        }
    } else {
        push_words(out, text);
    }
}

/// `push_doc_line` word by word: what the fast path must equal.
fn push_words(out: &mut String, text: &str) {
    let start = out.len();
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        push_escaped_word(out, word);
    }
    if out[start..].starts_with("```") || out[start..].starts_with("~~~") {
        out.insert(start, '\\');
    }
}

/// A word with `[`, `]` (a link to rustdoc, `[0]` a broken one), `<`, `>` (HTML) and `\`
/// escaped, and each web address in it as an autolink (rustdoc warns of bare ones).
fn push_escaped_word(out: &mut String, word: &str) {
    let mut rest = word;
    while !rest.is_empty() {
        let (text, url) = match url_start(rest) {
            Some(at) => {
                let len = url_len(&rest[at..]);
                (&rest[..at], &rest[at..at + len])
            }
            None => (rest, ""),
        };
        for c in text.chars() {
            if matches!(c, '[' | ']' | '<' | '>' | '\\') {
                out.push('\\');
            }
            out.push(c);
        }
        if !url.is_empty() {
            out.push('<');
            out.push_str(url);
            out.push('>');
        }
        rest = &rest[text.len() + url.len()..];
    }
}

/// Where a web address (`http://` or `https://` and something after it, the way rustdoc
/// finds bare ones: even inside a word) starts in `word`.
fn url_start(word: &str) -> Option<usize> {
    let at = memchr::memmem::find(word.as_bytes(), b"://")?;
    let before = &word.as_bytes()[..at];
    let ends_with = |scheme: &str| {
        before.len() >= scheme.len() && before[at - scheme.len()..].eq_ignore_ascii_case(scheme.as_bytes())
    };
    let scheme = ["https", "http"].into_iter().find(|scheme| ends_with(scheme));
    match scheme {
        Some(scheme) if word.len() > at + 3 => Some(at - scheme.len()),
        // Not a web address: the rest of the word is text, with the next address if any.
        _ => url_start(&word[at + 3..]).map(|next| at + 3 + next),
    }
}

/// The length of the address `text` starts with: up to what an autolink cannot hold, less
/// the punctuation that ends a sentence or closes a parenthesis around it (never the
/// scheme's `://`).
fn url_len(text: &str) -> usize {
    let end = text.find(['<', '>']).unwrap_or(text.len());
    text[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'', '"', ']']).len()
}

/// ASCII with single spaces between words and none at either end, no character to escape
/// and no web address: what `push_words` would write unchanged, bar a fence. (For ASCII,
/// `char::is_whitespace` is a space or `\t`..=`\r`.)
fn is_one_clean_line(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && bytes.iter().all(|&b| b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b'[' | b']' | b'<' | b'>' | b'\\'))
        && memchr::memmem::find(bytes, b"  ").is_none()
        && memchr::memmem::find(bytes, b"://").is_none()
}

/// `text` as a markdown code span on one line: fenced by more backticks than it holds in a
/// row, spaced where it starts or ends with one.
pub fn code_span(text: &str) -> String {
    // Most spans are a name or a path: nothing to fence or join.
    if !text.contains(|c: char| c == '`' || c.is_whitespace() || c.is_control()) {
        return format!("`{text}`");
    }
    let text = if text.contains(char::is_whitespace) || text.contains(char::is_control) {
        text.split(|c: char| c.is_whitespace() || c.is_control())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        text.to_string()
    };
    let longest_run = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// `file:line`, control characters (a file name may hold line breaks) as `?`.
fn source_place(source: &Source) -> String {
    let file: String = source.file.chars().map(|c| if c.is_control() { '?' } else { c }).collect();
    format!("{file}:{}", source.line)
}

/// The ` Source: `file:line`` doc line that ends every item's docs, with a link to the
/// page on learn.microsoft.com when the file is a reference page.
pub fn source_line(source: &Source) -> String {
    let place = code_span(&source_place(source));
    match learn_url(&source.file) {
        Some(url) => format!(" Source: {place} ([Microsoft Learn]({url}))"),
        None => format!(" Source: {place}"),
    }
}

/// Where learn.microsoft.com publishes a reference page: `api-reference/<version>/resources/user.md`
/// at `/en-us/graph/api/resources/user?view=graph-rest-<version without v>`, an `api` page at
/// `/en-us/graph/api/<name>`. Page names are lower case there; a file outside those folders
/// or with a name no address holds has no page.
fn learn_url(file: &str) -> Option<String> {
    let rest = file.strip_prefix("api-reference/")?;
    let (version, rest) = rest.split_once('/')?;
    let (folder, name) = rest.split_once('/')?;
    let name = name.strip_suffix(".md").or_else(|| name.strip_suffix(".txt"))?;
    let plain =
        |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if !plain(version) || !plain(name) {
        return None;
    }
    let view = version.strip_prefix('v').unwrap_or(version);
    let page = match folder {
        "resources" => format!("resources/{}", name.to_ascii_lowercase()),
        "api" => name.to_ascii_lowercase(),
        _ => return None,
    };
    Some(format!("https://learn.microsoft.com/en-us/graph/api/{page}?view=graph-rest-{view}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};

    /// What rustdoc's markdown makes of a doc line: its text (an autolink's text included),
    /// or why it is more than text (HTML, a link that is not an autolink, a bare address).
    fn rendered(line: &str) -> Result<String, String> {
        let options = Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
        let (mut text, mut in_link) = (String::new(), false);
        for event in Parser::new_ext(line, options) {
            match event {
                Event::Text(t) => {
                    let lower = t.to_ascii_lowercase();
                    let bare = ["http://", "https://"]
                        .iter()
                        .any(|s| lower.split(s).skip(1).any(|after| after.starts_with(|c: char| !c.is_whitespace())));
                    if bare && !in_link {
                        return Err(format!("bare address in {t:?}"));
                    }
                    text.push_str(&t);
                }
                Event::Start(Tag::Link { link_type: LinkType::Autolink, .. }) => in_link = true,
                Event::End(pulldown_cmark::TagEnd::Link) => in_link = false,
                Event::Start(Tag::Paragraph | Tag::Strikethrough) | Event::End(_) => {}
                other => return Err(format!("{other:?}")),
            }
        }
        Ok(text)
    }

    fn words_line(text: &str) -> String {
        let mut out = String::new();
        push_words(&mut out, text);
        out
    }

    proptest::proptest! {
        /// Text copied whole is exactly what the word-by-word path would write.
        #[test]
        fn doc_line_fast_path_is_the_word_by_word_line(
            text in "([a -~\t\n\x0B\r\u{a0}\u{2003}é`]|https?://){0,24}|``` ?[a ]{0,4}"
        ) {
            let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(doc_line(&text), words_line(&text));
            if is_one_clean_line(&text) {
                let fence = joined.starts_with("```") || joined.starts_with("~~~");
                proptest::prop_assert_eq!(doc_line(&text), if fence { format!("\\{joined}") } else { joined });
            }
        }

        /// Whatever the text, rustdoc reads the line as exactly that text: no link but web
        /// addresses made autolinks, no HTML, no bare address.
        #[test]
        fn doc_line_renders_as_its_text(text in "x ([a-z0-9 \\[\\]<>\\\\():./!^]|https?://|HTTP://|ftp://){0,30}") {
            let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(rendered(&doc_line(&text)), Ok(joined));
        }
    }

    #[test]
    fn doc_lines_escape_links_and_html_and_wrap_addresses() {
        assert_eq!(doc_line("the first entry, values[0], is <id>"), "the first entry, values\\[0\\], is \\<id\\>");
        assert_eq!(doc_line("see https://example.com/a_b."), "see <https://example.com/a_b>.");
        assert_eq!(doc_line("(xhttps://example.com)"), "(x<https://example.com>)");
        assert_eq!(doc_line("ftp://example.com and http://"), "ftp://example.com and http://");
        assert_eq!(doc_line("a\\b"), "a\\\\b");
    }

    #[test]
    fn code_spans_hold_any_text() {
        assert_eq!(code_span("accountEnabled"), "`accountEnabled`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x``"), "``` `x`` ```");
        assert_eq!(code_span("two\nlines"), "`two lines`");
    }

    #[test]
    fn reference_pages_link_to_their_learn_page() {
        let url = |file: &str| learn_url(file);
        let learn = "https://learn.microsoft.com/en-us/graph/api/";
        assert_eq!(
            url("api-reference/v1.0/resources/user.md"),
            Some(format!("{learn}resources/user?view=graph-rest-1.0"))
        );
        assert_eq!(url("api-reference/beta/api/user-get.md"), Some(format!("{learn}user-get?view=graph-rest-beta")));
        assert_eq!(
            url("api-reference/v1.0/resources/baseItemVersion.txt"),
            Some(format!("{learn}resources/baseitemversion?view=graph-rest-1.0"))
        );
        for elsewhere in [
            "concepts/overview.md",
            "api-reference/v1.0/includes/x.md",
            "api-reference/v1.0/api/a b.md",
            "api-reference/v1.0/api/x.json",
        ] {
            assert_eq!(url(elsewhere), None, "{elsewhere}");
        }
        let source = Source { file: "api-reference/beta/api/user-get.md".into(), line: 3 };
        assert_eq!(source_line(&source), format!(" Source: `api-reference/beta/api/user-get.md:3` ([Microsoft Learn]({learn}user-get?view=graph-rest-beta))"));
    }
}
