//! Diagnostics are data: every stage returns them with a file and line, and only the
//! command line decides how to show them.

use serde::Serialize;

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
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { line_starts }
    }

    /// 1-based (line, column); the column counts bytes.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&start| start <= offset).max(1);
        (line, offset - self.line_starts[line - 1] + 1)
    }
}
