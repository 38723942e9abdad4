//! Enums from member tables (`enums.md`, `### x values` sections, single-enum pages) and
//! value lists in property descriptions.

use super::typeref::is_identifier;
use super::RawEnum;
use crate::diag::Diagnostic;
use crate::ir::Member;
use crate::parse::{BlockKind, DocType, Inline, Page, Table, VALUE_LISTS};

pub fn tables(page: &Page, diags: &mut Vec<Diagnostic>) -> Vec<RawEnum> {
    let namespace = page.namespace();
    let enum_page_name = (page.doc_type == DocType::Enum).then(|| enum_page_name(page)).flatten();
    let mut out = Vec::new();
    for (index, block) in page.blocks.iter().enumerate() {
        let BlockKind::Table(table) = &block.kind else { continue };
        let heading = page.heading_before(index).map(|(_, h)| h.text.replace('\u{a0}', " "));
        let name = heading.as_deref().and_then(values_heading_name).or_else(|| {
            heading
                .as_deref()
                .is_some_and(|h| h.eq_ignore_ascii_case("members"))
                .then(|| enum_page_name.clone())
                .flatten()
        });
        let Some(name) = name else { continue };
        let Some(members) = members(table) else {
            diags.push(Diagnostic::warning(
                "enum-table-shape",
                &page.span(block.offset),
                format!("table for enum `{name}` has no Member or Value column"),
            ));
            continue;
        };
        let name = if name.contains('.') { name } else { format!("{namespace}.{name}") };
        out.push(RawEnum { name, members, description: String::new(), span: page.span(block.offset) });
    }
    out
}

/// `### signUpStage values` → `signUpStage`.
fn values_heading_name(heading: &str) -> Option<String> {
    let words: Vec<&str> = heading.split_whitespace().collect();
    match words.as_slice() {
        // Enum names are lowerCamel; `Possible values` or `Property values` are prose headings.
        [name, values]
            if values.eq_ignore_ascii_case("values")
                && is_identifier(name.trim_matches('`'))
                && name.trim_matches('`').starts_with(|c: char| c.is_ascii_lowercase()) =>
        {
            Some(name.trim_matches('`').to_string())
        }
        _ => None,
    }
}

/// `# runAsAccountType enum type` → `runAsAccountType`.
fn enum_page_name(page: &Page) -> Option<String> {
    let title = &page.title()?.text;
    let name = title.split_whitespace().next()?.trim_matches('`');
    is_identifier(name).then(|| name.to_string())
}

fn members(table: &Table) -> Option<Vec<Member>> {
    let header: Vec<String> = table.header.iter().map(|c| c.text.trim().to_ascii_lowercase()).collect();
    let member_col = header
        .iter()
        .position(|h| h == "member" || h == "name")
        .or_else(|| header.iter().position(|h| h == "value"))?;
    let value_col = header.iter().enumerate().position(|(i, h)| i != member_col && (h == "value" || h == "int value"));
    let description_col = header.iter().position(|h| h.starts_with("description"));
    let members = table
        .rows
        .iter()
        .filter_map(|row| {
            let name = row.get(member_col)?.text.trim().trim_matches('`').to_string();
            (!name.is_empty()).then(|| Member {
                name,
                value: value_col.and_then(|c| row.get(c)).and_then(|c| c.text.trim().parse().ok()),
                description: description_col.and_then(|c| row.get(c)).map(|c| c.text.clone()).unwrap_or_default(),
            })
        })
        .collect();
    Some(members)
}

/// The code-span values that follow a "possible values are" phrase, up to the end of
/// that sentence.
pub fn listed_values(cell: &Inline) -> Vec<String> {
    // Values are code spans: a cell without any lists none (most cells; this saves the
    // phrase search).
    if cell.code.is_empty() {
        return Vec::new();
    }
    let lower = cell.text.to_ascii_lowercase();
    let Some(start) = VALUE_LISTS.end_of_first(&lower) else {
        return Vec::new();
    };
    let mut values: Vec<String> = Vec::new();
    let mut cursor = start;
    for (at, code) in cell.code.iter().filter(|(at, _)| *at >= start) {
        // Trimming the cell can leave a code span's end past the text.
        let gap = cell.text.get(cursor..*at).unwrap_or("");
        cursor = at + code.len();
        let sentence_ended = gap.contains(". ") || gap.trim_end().ends_with('.');
        if (!values.is_empty() && sentence_ended) || (values.is_empty() && gap.len() > 60) {
            break;
        }
        let value = code.trim();
        if !value.is_empty() && !values.iter().any(|v| v == value) {
            values.push(value.to_string());
        }
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `code` gives each code span's text; its position is its first occurrence after the previous one.
    fn inline(text: &str, code: &[&str]) -> Inline {
        let mut from = 0;
        let code = code
            .iter()
            .map(|c| {
                let at = from + text[from..].find(c).unwrap();
                from = at + c.len();
                (at, c.to_string())
            })
            .collect();
        Inline { text: text.into(), code, ..Inline::default() }
    }

    #[test]
    fn value_list_stops_at_sentence_end() {
        let cell = inline(
            "Uses x. The possible values are: on, off, auto. Use one later.",
            &["x", "on", "off", "auto", "one"],
        );
        assert_eq!(listed_values(&cell), vec!["on", "off", "auto"]);
    }

    #[test]
    fn no_phrase_no_values() {
        assert!(listed_values(&inline("Supports `$filter` (`eq`).", &["$filter", "eq"])).is_empty());
    }

    #[test]
    fn heading_names() {
        assert_eq!(values_heading_name("riskLevel values").as_deref(), Some("riskLevel"));
        assert_eq!(values_heading_name("Possible values"), None);
        assert_eq!(values_heading_name("the values of x"), None);
    }
}
