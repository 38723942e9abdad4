//! What a property's description says queries may do with it: "Supports `$filter` (`eq`,
//! `ne`, `in`), `$orderby`, and `$search`.", "Returned only on `$select`.", "Returned by
//! default.", "Does not support `$filter`.", "… with advanced query parameters". The
//! wordings and their counts are in docs/query-notes.md. A sentence that speaks of a query
//! option in a form not read here is reported, never guessed.

use crate::diag::{Diagnostic, Span};
use crate::ir::{FilterNote, QueryNotes, Selected};

/// The filter operators a note may list, as the docs spell them (`startsWith`), keyed by
/// their lowercase form.
const OPERATORS: &[&str] =
    &["eq", "ne", "not", "gt", "ge", "lt", "le", "in", "startsWith", "endsWith", "contains", "any", "all"];

/// The operator list's entry for "`eq` on `null` values".
pub const EQ_NULL: &str = "eq null";
/// The entry for a collection's `/$count eq n` filters.
pub const COUNT: &str = "$count";

/// The query notes of one description, `None` when it has none. Unread sentences are
/// reported at `span` (the table row).
pub fn read(description: &str, span: &Span, property: &str, diags: &mut Vec<Diagnostic>) -> Option<QueryNotes> {
    let mut notes = QueryNotes::default();
    let mut said = false;
    for sentence in sentences(description) {
        let lower = sentence.to_ascii_lowercase();
        if !speaks_of_queries(&lower) {
            continue;
        }
        said = true;
        if let Err(unread) = read_sentence(&lower, &mut notes) {
            diags.push(
                Diagnostic::warning(
                    "query-note-unread",
                    span,
                    format!("property `{property}`: the query note `{}` is not read ({unread})", sentence.trim()),
                )
                .with_help("the words the generator reads are listed in docs/query-notes.md"),
            );
        }
    }
    (said && notes != QueryNotes::default()).then_some(notes)
}

/// Sentences outside parentheses (the operator lists hold `;` and `,`): at `. `, at a
/// `.` before a capital (`…applications.Supports`), and where a line break (`<br>`, read
/// as spaces) comes before a capital.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let next = bytes.get(i + 1);
        let breaks = match b {
            b'(' => {
                depth += 1;
                false
            }
            b')' => {
                depth -= 1;
                false
            }
            b'.' => next.is_none_or(|n| n.is_ascii_whitespace() || n.is_ascii_uppercase()),
            b' ' => i > start && bytes[i - 1] == b' ' && next.is_some_and(|n| n.is_ascii_uppercase()),
            _ => false,
        };
        if breaks && depth <= 0 {
            out.push(&text[start..i]);
            start = i + 1;
        }
    }
    out.push(&text[start..]);
    out.retain(|s| !s.trim().is_empty());
    out
}

fn speaks_of_queries(lower: &str) -> bool {
    ["$filter", "$orderby", "$search", "$count", "$select", "$expand", "returned by default", "advanced query"]
        .iter()
        .any(|w| lower.contains(w))
}

/// Reads one sentence into `notes`; the error names what was not understood.
fn read_sentence(lower: &str, notes: &mut QueryNotes) -> Result<(), String> {
    let mut text = lower.trim().trim_end_matches(['.', ',']).trim().to_string();
    for phrase in ["with advanced query parameters", "with advanced query capabilities", "with advanced query"] {
        if let Some(at) = text.find(phrase) {
            notes.advanced = Some(true);
            text.replace_range(at..at + phrase.len(), "");
        }
    }
    let text = text.trim();
    if text.is_empty() {
        return Ok(());
    }
    if let Some(selected) = selection(text) {
        notes.select = Some(selected);
        return Ok(());
    }
    let expand_only = ["unless you apply $expand", "using $expand at the same time as"];
    if matches!(text, "returned only on $expand" | "returned only on $select and $expand")
        || expand_only.iter().any(|p| text.contains(p))
    {
        notes.expand = Some(true);
        return Ok(());
    }
    let (supported, list) = if let Some(rest) = text.strip_prefix("supports ") {
        (true, rest)
    } else if let Some(rest) =
        ["does not support ", "not supported: ", "no support exists for "].iter().find_map(|p| text.strip_prefix(p))
    {
        (false, rest)
    } else {
        return Err("not a form the generator knows".into());
    };
    for item in split_top(list, &[", and ", ", ", " and ", " or "]) {
        read_option(item.trim().trim_start_matches("and ").trim(), supported, notes)?;
    }
    Ok(())
}

/// "Returned by default", "Returned only on `$select`" and their variants.
fn selection(text: &str) -> Option<Selected> {
    let only = text.starts_with("returned only on $select")
        || text.starts_with("returned only on applying a $select")
        || text.starts_with("requires $select")
        || text.starts_with("only returned on $select")
        || text.contains("not returned by default")
        || (text.contains("use $select=") && !text.starts_with("supports"));
    if only {
        return Some(Selected::Only);
    }
    (text == "returned by default").then_some(Selected::Default)
}

/// One listed option: `$filter (eq, ne)`, `$orderby`, `$filter on null values`.
fn read_option(item: &str, supported: bool, notes: &mut QueryNotes) -> Result<(), String> {
    let (name, rest) = item.split_once([' ', '(']).map_or((item, ""), |(n, r)| (n, r));
    let rest = if item.len() > name.len() && item.as_bytes()[name.len()] == b'(' { &item[name.len()..] } else { rest };
    let rest = rest.trim();
    match name {
        "$filter" => {
            notes.filter = Some(match (supported, rest) {
                (false, "") => FilterNote::Stated(false),
                (true, "") => FilterNote::Stated(true),
                (true, "on null values") => FilterNote::Operators(vec![EQ_NULL.into()]),
                (true, list) if list.starts_with('(') && list.ends_with(')') => {
                    FilterNote::Operators(operators(&list[1..list.len() - 1])?)
                }
                _ => return Err(format!("`{rest}` after $filter")),
            });
            Ok(())
        }
        "$orderby" | "$search" | "$count" | "$expand" | "$select" if rest.is_empty() || rest == "only" => {
            let slot = match name {
                "$orderby" => &mut notes.orderby,
                "$search" => &mut notes.search,
                "$count" => &mut notes.count,
                "$expand" => &mut notes.expand,
                _ => &mut notes.selectable,
            };
            *slot = Some(supported);
            Ok(())
        }
        _ => Err(format!("`{item}` is not a query option")),
    }
}

/// `eq, ne, not, ge, le, in, startswith, and eq on null values` (or `eq operator only`,
/// `/$count eq 0`), in the docs' spelling, without repeats.
fn operators(list: &str) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    for item in split_top(list, &[", and ", ",", ";", " and "]) {
        let words: Vec<&str> =
            item.split_whitespace().filter(|w| !matches!(*w, "operator" | "operators" | "only" | "and")).collect();
        let op = match words.as_slice() {
            [] => continue,
            ["eq", "on", "null", "values" | "value"] => EQ_NULL.to_string(),
            [count, ..] if count.starts_with("/$count") => COUNT.to_string(),
            [op] => match OPERATORS.iter().find(|o| o.eq_ignore_ascii_case(op)) {
                Some(known) => known.to_string(),
                None => return Err(format!("`{op}` is not a filter operator")),
            },
            _ => return Err(format!("`{}` in the operator list", item.trim())),
        };
        if !out.contains(&op) {
            out.push(op);
        }
    }
    Ok(out)
}

/// Splits at any of `separators` outside parentheses.
fn split_top<'a>(text: &'a str, separators: &[&str]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let (mut depth, mut start, mut i) = (0i32, 0, 0);
    while i < text.len() {
        let c = text.as_bytes()[i];
        match c {
            b'(' => depth += 1,
            b')' => depth -= 1,
            _ if depth == 0 => {
                if let Some(sep) = separators.iter().find(|s| text[i..].starts_with(**s)) {
                    out.push(&text[start..i]);
                    i += sep.len();
                    start = i;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    out.push(&text[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notes(text: &str) -> (Option<QueryNotes>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let span = Span { file: "widget.md".into(), line: 3, column: 1 };
        (read(text, &span, "size", &mut diags), diags)
    }

    fn ops(list: &[&str]) -> Option<FilterNote> {
        Some(FilterNote::Operators(list.iter().map(|s| s.to_string()).collect()))
    }

    #[test]
    fn the_docs_wordings_are_read() {
        let (n, d) = notes("The size.  Returned by default. Supports $filter (eq, ne, NOT , ge, le, in, startsWith), $orderBy, and $search.");
        let n = n.unwrap();
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(n.filter, ops(&["eq", "ne", "not", "ge", "le", "in", "startsWith"]));
        assert_eq!((n.orderby, n.search, n.select), (Some(true), Some(true), Some(Selected::Default)));
        let n = notes("Size. Returned only on $select. Supports $filter (eq operator only) and $orderby.").0.unwrap();
        assert_eq!(n.filter, ops(&["eq"]));
        assert_eq!(n.select, Some(Selected::Only));
        let n = notes("Size. Supports $filter (eq, ne, not, in, and eq on null values; ne with advanced query).")
            .0
            .unwrap();
        assert_eq!(n.filter, ops(&["eq", "ne", "not", "in", EQ_NULL]));
        assert_eq!(n.advanced, Some(true));
        let n = notes("Owners. Supports $expand and $filter (/$count eq 0, /$count ne 0).").0.unwrap();
        assert_eq!((n.filter, n.expand), (ops(&[COUNT]), Some(true)));
        assert_eq!(notes("Size. Does not support $filter.").0.unwrap().filter, Some(FilterNote::Stated(false)));
        assert_eq!(notes("Size. Supports $filter.").0.unwrap().filter, Some(FilterNote::Stated(true)));
        assert_eq!(notes("Size. Requires $select to retrieve.").0.unwrap().select, Some(Selected::Only));
        assert_eq!(notes("The size of the widget.").0, None);
    }

    #[test]
    fn an_unread_note_is_reported_and_the_rest_kept() {
        let (n, d) = notes("Size. Supports $filter (eq). Use it in a $filter to find big widgets.");
        assert_eq!(n.unwrap().filter, ops(&["eq"]));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, "query-note-unread");
        let (_, d) = notes("Size. Supports $filter (eq, near).");
        assert!(d[0].message.contains("near"), "{}", d[0].message);
    }
}
