//! Diagnostics are data: every stage returns them with a file and line, and only the
//! command line decides how to show them.

use serde::Serialize;

/// The catalogue of diagnostic codes, one table row per code. A test keeps it in step
/// with the codes the source uses.
pub const CATALOGUE: &str = include_str!("../../docs/diagnostics.md");

/// The codes the catalogue lists, in its order: the first cell of each row, in backticks.
pub fn catalogued_codes() -> Vec<&'static str> {
    CATALOGUE
        .lines()
        .filter_map(|line| {
            let first_cell = line.strip_prefix('|')?.split('|').next()?.trim();
            first_cell.strip_prefix('`')?.strip_suffix('`')
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(code: &'static str, severity: Severity, at: &Span, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity,
            file: at.file.clone(),
            line: at.line,
            column: at.column,
            message: message.into(),
            help: None,
        }
    }
    pub fn warning(code: &'static str, at: &Span, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Warning, at, message)
    }
    pub fn error(code: &'static str, at: &Span, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Error, at, message)
    }
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// A place in the docs: file relative to the docs root, 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
pub struct Span {
    pub file: String,
    pub line: usize,
    #[serde(skip)]
    pub column: usize,
}

impl Span {
    pub fn file_start(file: &str) -> Self {
        Span { file: file.to_string(), line: 1, column: 1 }
    }
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// Maps byte offsets of one page to lines and columns.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        // Docs pages average some 50 bytes a line.
        let mut line_starts = Vec::with_capacity(text.len() / 32 + 1);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { line_starts }
    }

    /// 1-based (line, column); the column counts bytes.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&start| start <= offset).max(1);
        (line, offset - self.line_starts[line - 1] + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// Every code passed to the warning and error constructors in the source, with its
    /// severity and where it is. A code that is not a literal fails: the catalogue could
    /// not list it.
    fn codes_in_source() -> BTreeMap<String, (Severity, String)> {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut found = BTreeMap::new();
        for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
            let entry = entry.expect("source folder is readable");
            if entry.path().extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).expect("source file is UTF-8");
            for (kind, severity) in [("warning", Severity::Warning), ("error", Severity::Error)] {
                // Built at run time so that this test's own text is not a call site.
                let call = format!("Diagnostic::{kind}(");
                for (at, _) in text.match_indices(&call) {
                    let line = text[..at].lines().count();
                    let place = format!("{}:{line}", entry.path().strip_prefix(&src).unwrap_or(entry.path()).display());
                    let code = text[at + call.len()..]
                        .trim_start()
                        .strip_prefix('"')
                        .and_then(|rest| rest.split_once('"'))
                        .map(|(code, _)| code.to_string())
                        .unwrap_or_else(|| panic!("{place}: the code must be a string literal"));
                    let (known, first) = found.entry(code.clone()).or_insert((severity, place.clone()));
                    assert_eq!(*known, severity, "`{code}` is a {known:?} at {first} and a {severity:?} at {place}");
                }
            }
        }
        found
    }

    #[test]
    fn catalogue_lists_exactly_the_codes_in_use() {
        let used = codes_in_source();
        assert!(used.len() > 30, "the scan found the call sites: {used:?}");
        let listed = catalogued_codes();
        let missing: Vec<String> = used
            .iter()
            .filter(|(c, _)| !listed.contains(&c.as_str()))
            .map(|(c, (_, at))| format!("{c} ({at})"))
            .collect();
        assert!(missing.is_empty(), "codes missing from docs/diagnostics.md: {missing:?}");
        let unused: Vec<&&str> = listed.iter().filter(|c| !used.contains_key(**c)).collect();
        assert!(unused.is_empty(), "docs/diagnostics.md lists codes no longer used: {unused:?}");
        let mut sorted = listed.clone();
        sorted.dedup();
        assert_eq!(sorted.len(), listed.len(), "each code has one row");
    }

    #[test]
    fn catalogue_rows_state_the_severity_the_source_uses() {
        for (code, (severity, at)) in codes_in_source() {
            let row = CATALOGUE
                .lines()
                .find(|l| l.starts_with(&format!("| `{code}` |")))
                .unwrap_or_else(|| panic!("{code}: no row"));
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            let word = if severity == Severity::Error { "error" } else { "warning" };
            assert_eq!(cells[2], word, "{code} ({at})");
            assert!(cells[4].starts_with("`api-reference/"), "{code}: the example is `file:line: message`");
        }
    }
}
