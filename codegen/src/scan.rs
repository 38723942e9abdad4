//! Stage 1: find the pages of one docs version and read them, tolerating anything the
//! file system can hold.

use crate::diag::{Diagnostic, Span};
use std::path::{Path, PathBuf};

/// Pages larger than this are not docs pages; reading them would only slow a run down.
pub const MAX_PAGE_BYTES: u64 = 8 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Folder {
    Api,
    Resources,
}

#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Relative to the docs root, with `/` separators: what diagnostics print.
    pub path: String,
    pub folder: Folder,
    pub text: String,
}

pub struct Scan {
    pub files: Vec<SourceFile>,
    pub diagnostics: Vec<Diagnostic>,
    /// Every file read, for `cargo:rerun-if-changed`.
    pub read: Vec<PathBuf>,
}

/// The folder holding one version's pages, or None when the docs root lacks it.
pub fn version_dir(root: &Path, version: &str) -> PathBuf {
    root.join("api-reference").join(version)
}

pub fn scan_version(root: &Path, version: &str) -> Scan {
    let mut scan = Scan { files: Vec::new(), diagnostics: Vec::new(), read: Vec::new() };
    for (folder, name) in [(Folder::Api, "api"), (Folder::Resources, "resources")] {
        let dir = version_dir(root, version).join(name);
        if !dir.is_dir() {
            continue;
        }
        // Symbolic links are never followed: a link can point outside the docs root or loop.
        for entry in walkdir::WalkDir::new(&dir).follow_links(false).sort_by_file_name() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    let path = err.path().map(|p| relative(root, p)).unwrap_or_default();
                    scan.diagnostics.push(Diagnostic::warning(
                        "unreadable-path",
                        &Span::file_start(&path),
                        format!("cannot list this path: {err}"),
                    ));
                    continue;
                }
            };
            let rel = relative(root, entry.path());
            if !is_page_name(entry.path()) {
                continue;
            }
            if entry.path_is_symlink() {
                scan.diagnostics.push(Diagnostic::warning(
                    "symlink-skipped",
                    &Span::file_start(&rel),
                    "symbolic links are not followed; the page is skipped",
                ));
                continue;
            }
            if !entry.file_type().is_file() {
                continue;
            }
            if let Some(file) = read_page(entry.path(), rel, folder, &mut scan.diagnostics) {
                scan.read.push(entry.path().to_path_buf());
                scan.files.push(file);
            }
        }
    }
    scan
}

fn is_page_name(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("md" | "txt"))
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads one page and normalizes what the parser should never see: a BOM and CR line ends.
pub fn read_page(path: &Path, rel: String, folder: Folder, diags: &mut Vec<Diagnostic>) -> Option<SourceFile> {
    let at = Span::file_start(&rel);
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_PAGE_BYTES {
        diags.push(Diagnostic::error(
            "page-too-large",
            &at,
            format!("page is {size} bytes, over the {MAX_PAGE_BYTES} byte limit; skipped"),
        ));
        return None;
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => {
            diags.push(Diagnostic::error("unreadable-file", &at, format!("cannot read page: {err}")));
            return None;
        }
    };
    let text = decode_page(&bytes, &at, diags)?;
    Some(SourceFile { path: rel, folder, text })
}

/// Bytes to page text: binary files are refused, invalid UTF-8 is replaced and reported.
pub fn decode_page(bytes: &[u8], at: &Span, diags: &mut Vec<Diagnostic>) -> Option<String> {
    if bytes.contains(&0) {
        diags.push(Diagnostic::error("binary-file", at, "page holds NUL bytes: not a text page; skipped"));
        return None;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(err) => {
            let (line, column) = crate::diag::LineIndex::new(&String::from_utf8_lossy(bytes))
                .position(err.valid_up_to());
            let at = Span { file: at.file.clone(), line, column };
            diags.push(
                Diagnostic::warning("invalid-utf8", &at, "page is not valid UTF-8; invalid bytes were replaced")
                    .with_help("save the page as UTF-8"),
            );
            String::from_utf8_lossy(bytes).into_owned()
        }
    };
    Some(if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text })
}
